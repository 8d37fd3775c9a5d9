/**
 * Where a problem is: the line and column of the front-matter field it names, so the terminal shows
 * `file:line:column` and a pull request shows the message on the changed line (GitHub annotations).
 *
 * Worked out only when there are problems to print, by reading the file again with the `yaml` package, which
 * keeps every node's place in the text: a valid build never pays for it.
 */
import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { splitFrontMatter } from "./load.ts";
import type { ContentIssue } from "./issues.ts";

export interface Position {
  /** 1-based line of the file. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** "roles[1].from" → ["roles", 1, "from"]; undefined for the problems that name no field ("(body)", "(file)"). */
export function fieldPath(field: string): Array<string | number> | undefined {
  if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*|\[\d+\])*$/.test(field)) return undefined;
  return [...field.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

/**
 * The place of `field` in a YAML text: its value, or its key when the value is empty; for a field that is missing,
 * the key of the nearest field around it that is there (the `photo:` of a missing `photo.alt`), else undefined.
 */
export function positionInYaml(yaml: string, field: string): Position | undefined {
  const keys = fieldPath(field);
  if (!keys) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: false, prettyErrors: false });
  let node: unknown = doc.contents;
  // The last key found on the way (where a missing field belongs), and the value at the end of the path.
  let keyAt: number | undefined;
  let valueAt: number | undefined;
  for (const key of keys) {
    let next: unknown;
    if (isMap(node) && typeof key === "string") {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (pair) keyAt = (pair.key as Node).range?.[0] ?? keyAt;
      next = pair?.value;
    } else if (isSeq(node) && typeof key === "number") {
      next = node.items[key];
      if (next) keyAt = (next as Node).range?.[0] ?? keyAt;
    }
    valueAt = undefined;
    if (!next) break;
    node = next;
    valueAt = (next as Node).range?.[0];
  }
  const found = valueAt ?? keyAt;
  if (found === undefined) return undefined;
  const { line, col } = lineCounter.linePos(found);
  return { line, column: col };
}

/** The place of a front-matter field in a Markdown file's text (lines counted from the file's first line). */
export function positionInMarkdown(text: string, field: string): Position | undefined {
  const { language, matter } = splitFrontMatter(text);
  // A front matter in another language, or none: no field to point at.
  if (matter === undefined || language) return undefined;
  // The front matter starts right after the opening dashes, so its first line is the file's first line.
  const found = positionInYaml(matter, field);
  return found && (found.line === 1 ? { line: 1, column: found.column + 3 } : found);
}

/** The issues with the line and column of the field each names, where it can be found (files read once each). */
export function withPositions(issues: readonly ContentIssue[], root: string): ContentIssue[] {
  const texts = new Map<string, string | undefined>();
  const read = (file: string) => {
    if (!texts.has(file)) {
      let text: string | undefined;
      try {
        text = fs.readFileSync(path.resolve(root, file), "utf8");
      } catch {
        text = undefined;
      }
      texts.set(file, text);
    }
    return texts.get(file);
  };
  return issues.map((issue) => {
    if (issue.line !== undefined || !fieldPath(issue.field)) return issue;
    const text = /\.md$/.test(issue.file) || /\.json$/.test(issue.file) ? read(issue.file) : undefined;
    if (text === undefined) return issue;
    // JSON is YAML, so site.json's fields are found the same way.
    // A field missing from the top level belongs in the whole block: its first line (the opening ---, or the {).
    const found = (issue.file.endsWith(".json") ? positionInYaml(text, issue.field) : positionInMarkdown(text, issue.field)) ?? { line: 1, column: 1 };
    return { ...issue, line: found.line, column: found.column };
  });
}
