/** Content problems: collected over a whole run, printed for editors, and never shown with a stack trace. */

export interface ContentIssue {
  /** Path from the project root, e.g. content/news/council-ai.md */
  file: string;
  /** Front-matter field, e.g. "authors[0]", or "(file name)", "(body)", "(front matter)" */
  field: string;
  /** What is wrong and how to fix it. */
  message: string;
}

export function formatIssue(issue: ContentIssue): string {
  return `${issue.file}: ${issue.field} ${issue.message}`;
}

export function formatIssues(issues: readonly ContentIssue[]): string {
  const n = issues.length;
  return [`${n} content ${n === 1 ? "problem" : "problems"} found; nothing was published:`, ...issues.map((i) => `  - ${formatIssue(i)}`)].join("\n");
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
