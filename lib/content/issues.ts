/** Content problems: collected over a whole run, printed for editors, and never shown with a stack trace. */
import path from "node:path";

export interface ContentIssue {
  /** Path from the project root, e.g. content/news/council-ai.md */
  file: string;
  /** Front-matter field, e.g. "authors[0]", or "(file name)", "(body)", "(front matter)" */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** Where the field is in the file, 1-based, when known (positions.ts). */
  line?: number;
  column?: number;
  /** A warning: probably a mistake, but it may be meant; the check still passes. Absent for an error. */
  severity?: "warning";
}

export function formatIssue(issue: ContentIssue): string {
  const at = issue.line === undefined ? "" : `:${issue.line}:${issue.column ?? 1}`;
  return `${issue.file}${at}: ${issue.field} ${issue.message}`;
}

/**
 * A GitHub Actions workflow command that shows the problem on its line in a pull request's changed files:
 * `::error file=…,line=…,col=…::message`. Values are escaped as the runner requires (% and line breaks
 * everywhere; also , and : in properties), so a file name or message cannot end the command early.
 */
export function githubAnnotation(issue: ContentIssue): string {
  const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const property = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const props = [`file=${property(issue.file)}`];
  if (issue.line !== undefined) props.push(`line=${issue.line}`, `col=${issue.column ?? 1}`);
  props.push(`title=${property(`${issue.field} in ${path.posix.basename(issue.file)}`)}`);
  return `::${issue.severity === "warning" ? "warning" : "error"} ${props.join(",")}::${data(`${issue.field} ${issue.message}`)}`;
}

export function formatIssues(issues: readonly ContentIssue[]): string {
  const n = issues.length;
  return [`${n} content ${n === 1 ? "problem" : "problems"} found; nothing was published:`, ...issues.map((i) => `  - ${formatIssue(i)}`)].join("\n");
}

/** Warnings for the terminal: the check passes with them, so the heading says so. */
export function formatWarnings(warnings: readonly ContentIssue[]): string {
  const n = warnings.length;
  return [`${n} ${n === 1 ? "warning" : "warnings"} (worth a look before publishing; they do not stop it):`, ...warnings.map((w) => `  - ${formatIssue(w)}`)].join("\n");
}

/** Thrown by the build when content is invalid. Eleventy prints the message and, with this flag, no stack. */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  readonly skipOriginalStack = true;
  constructor(issues: readonly ContentIssue[]) {
    super(formatIssues(issues));
    this.name = "ContentError";
    this.issues = issues;
  }
}
