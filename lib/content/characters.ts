/**
 * Invisible and invalid characters in content text: each is an error naming the field, the code point and,
 * where it can be told, the character the editor meant.
 *
 * - C1 controls (U+0080 to U+009F) are almost always Windows-1252 punctuation decoded as Latin-1 by an older
 *   system (U+0092 for ’, U+0093 for “, U+0096 for –): the reader sees nothing, or a box, where the quote was.
 *   The character meant is what the platform's Windows-1252 decoder makes of that byte.
 * - Unpaired surrogates (from a "\uD800" escape in YAML or JSON) and U+FFFE/U+FFFF are not characters at all,
 *   and make feeds invalid XML.
 *
 * C0 controls (except tab and line breaks) and DEL stay silently removed (schema.ts from every text field, the
 * Markdown renderer from bodies), by choice: unlike a C1 character, no character was meant by them, so removing
 * one loses nothing a reader could see, and the removal is the same in pages and feeds.
 */
import { fieldName } from "./model.ts";
import type { ContentIssue } from "./issues.ts";
import { countLines } from "./sanitise.ts";

const BAD = /[\u0080-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_BAD = new RegExp(BAD.source);
const windows1252 = new TextDecoder("windows-1252");

function codePoint(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** What to tell the editor about one character. */
export function characterAdvice(char: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0x80 && code <= 0x9f) {
    const meant = windows1252.decode(new Uint8Array([code]));
    return meant !== char
      ? `${codePoint(char)}, an invisible control character: it is probably a ${meant} mis-converted from a Windows document; replace it with ${meant}`
      : `${codePoint(char)}, an invisible control character: delete it`;
  }
  return `${codePoint(char)}, which is not a character: delete it (check any \\u escapes)`;
}

function stringProblems(file: string, field: string, text: string, firstLine: number | undefined): ContentIssue[] {
  if (!HAS_BAD.test(text)) return [];
  const found = new Map<string, { count: number; first: number }>();
  for (const match of text.matchAll(BAD)) {
    const seen = found.get(match[0]);
    if (seen) seen.count++;
    else found.set(match[0], { count: 1, first: match.index });
  }
  return [...found].map(([char, { count, first }]) => {
    // In a body, the issue is placed on the (first) line: the terminal and the pull request show it there.
    const where = count > 1 ? `${count} times${firstLine !== undefined ? ", first here" : ""}` : "";
    const message = `contains ${characterAdvice(char).replace(/:/, where ? ` (${where}):` : ":")}`;
    return firstLine === undefined ? { file, field, message } : { file, field, message, line: firstLine + countLines(text, first), column: 1 };
  });
}

/**
 * Every bad character in every string of `value` (front-matter data, site data or a body), one issue per field
 * and character, with the count and, for a body, the first line. `field` names `value` itself ("" for a whole
 * front matter, "(body)" for a body, whose line numbers count from `bodyLine`, the line of the file it starts on).
 */
export function characterProblems(file: string, field: string, value: unknown, bodyLine = 1): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (typeof node === "string")
      issues.push(...stringProblems(file, field && path.length === 0 ? field : fieldName([...(field ? [field] : []), ...path]), node, field === "(body)" ? bodyLine : undefined));
    else if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node && typeof node === "object") for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  return issues;
}
