/**
 * Invisible and invalid characters in content text: each is an error naming the field, the code point and,
 * where it can be told, the character the editor meant.
 *
 * - C1 controls (U+0080 to U+009F) are almost always Windows-1252 punctuation decoded as Latin-1 by an older
 *   system (U+0092 for ’, U+0093 for “, U+0096 for –): the text shows nothing or a box where the quote was.
 *   The character meant is what the platform's Windows-1252 decoder makes of that byte.
 * - C0 controls (except tab, line feed and carriage return) and DEL are invisible, and invalid in XML feeds.
 *   They used to be dropped silently; they are errors now, because dropping a vertical tab pasted from Word
 *   joins two words, and an editor cannot see what was removed. (The schema still strips them from text as a
 *   last guard for the feeds; with this check no valid item has any.)
 * - Unpaired surrogates (from a "\uD800" escape in YAML or JSON) and U+FFFE/U+FFFF are not characters at all.
 */
import { fieldName } from "./model.ts";
import type { ContentIssue } from "./issues.ts";

// eslint-disable-next-line no-control-regex
const BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
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
  if (code === 0x0b || code === 0x0c) return `${codePoint(char)}, an invisible line or page break pasted from a word processor: replace it with a space or a new line`;
  if (code < 0x20 || code === 0x7f) return `${codePoint(char)}, an invisible control character: delete it`;
  return `${codePoint(char)}, which is not a character: delete it (check any \\u escapes)`;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function stringProblems(file: string, field: string, text: string, withLines: boolean): ContentIssue[] {
  BAD.lastIndex = 0;
  if (!BAD.test(text)) return [];
  const found = new Map<string, { count: number; first: number }>();
  for (const match of text.matchAll(BAD)) {
    const seen = found.get(match[0]);
    if (seen) seen.count++;
    else found.set(match[0], { count: 1, first: match.index });
  }
  return [...found].map(([char, { count, first }]) => {
    const where = [count > 1 ? `${count} times` : "", withLines ? `${count > 1 ? "first " : ""}on line ${lineOf(text, first)}` : ""].filter(Boolean).join(", ");
    return { file, field, message: `contains ${characterAdvice(char).replace(/:/, where ? ` (${where}):` : ":")}` };
  });
}

/**
 * Every bad character in every string of `value` (front-matter data, site data or a body), one issue per field
 * and character, with the count and, for multi-line text, the first line. `field` names `value` itself ("" for a
 * whole front matter, "(body)" for a body).
 */
export function characterProblems(file: string, field: string, value: unknown): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (typeof node === "string") issues.push(...stringProblems(file, field && path.length === 0 ? field : fieldName([...(field ? [field] : []), ...path]), node, field === "(body)"));
    else if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
    else if (node && typeof node === "object") for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
  };
  walk(value, []);
  return issues;
}
