/**
 * Content files read as text, without parsing their front matter: strict UTF-8, a size limit, no symbolic links,
 * and the split of front matter from body. load.ts parses the front matter (YAML) on top of this; the build's worker
 * threads read bodies with readBody alone, so that none loads the YAML parser or the schema
 * (tests/unit/build/worker-imports.test.ts).
 */
import fs from "node:fs";
import { isUtf8 } from "node:buffer";
import path from "node:path";
import { MAX_TEXT_FILE_BYTES, sizeOverLimit } from "./text-rules.ts";

/**
 * A Markdown file's front matter block (the text between the `---` lines, or undefined when there is none)
 * and its body. The same split as gray-matter's with its default `---` delimiters (a test compares the two
 * on a table of edge cases: byte-order mark, CRLF, no closing line, empty and comment-only blocks), without
 * what made it cost about half a second per 10,000 files (a Buffer copy of every file and a cache keyed by
 * whole file contents), and YAML only: gray-matter would run a block opened with `---js` as JavaScript.
 * `closed` is false when a block is opened and never closed: gray-matter then takes the whole file as front
 * matter and publishes an empty body; readSourceFile makes it an error.
 */
export function splitFrontMatter(raw: string): { language: string; matter: string | undefined; body: string; closed: boolean } {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!text.startsWith("---") || text.charAt(3) === "-") return { language: "", matter: undefined, body: text, closed: true };
  let rest = text.slice(3);
  const end = rest.length;
  // A word after the opening dashes names the block's language ("---yaml").
  const newline = rest.search(/\r?\n/);
  const language = rest.slice(0, newline).trim();
  if (language) rest = rest.slice(newline);
  let close = rest.indexOf("\n---");
  const closed = close !== -1;
  if (close === -1) close = end;
  const matter = rest.slice(0, close);
  let body = close === end ? "" : rest.slice(close + 4);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  return { language, matter, body, closed };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const windows1252 = new TextDecoder("windows-1252");

/** Text of a file that must be UTF-8 (a byte-order mark is dropped); a message for the editor when it is not. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { problem: string } {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    // Find the first line that is not UTF-8, and show what its first non-ASCII byte is in Windows-1252, the
    // usual encoding of such files, so the editor can find it.
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      const slice = bytes.subarray(start, end);
      if (!isUtf8(slice)) {
        const byte = slice.findIndex((b) => b >= 0x80);
        const seen = windows1252.decode(slice.subarray(byte, byte + 1));
        return {
          problem: `is not saved as UTF-8 (line ${line} has "${seen}" in another encoding, probably Windows-1252 or Latin-1): save the file as UTF-8 in your editor (Save as, Encoding: UTF-8) and check the accented letters and quotation marks`,
        };
      }
      start = end + 1;
    }
    return { problem: "is not saved as UTF-8: save the file as UTF-8 in your editor (Save as, Encoding: UTF-8)" };
  }
}

/**
 * Reads a regular file of at most `limit` bytes as UTF-8, refusing to follow a symbolic link. An error message
 * for the editor (naming the limit, the encoding) when it cannot.
 */
export function readTextFile(absolute: string, limit = MAX_TEXT_FILE_BYTES): { text: string } | { problem: string } {
  let fd: number;
  try {
    fd = fs.openSync(absolute, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === "ELOOP" ? "is a symbolic link: replace it with the file itself" : `could not be opened (${code ?? String(error)}): check the file` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { problem: "is not a regular file: replace it with a text file" };
    if (stat.size > limit) return { problem: `${sizeOverLimit(stat.size, limit)}: split it or shorten it` };
    return decodeUtf8(fs.readFileSync(fd));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A content file's text split into its front matter block (unparsed) and body, with the file line the body starts on;
 * or the problem that stops it being read (as readSourceFile reports it: `file`, `parseError` and, for a file that
 * cannot be read at all, `errorField`).
 */
export function readSourceText(
  absolute: string,
  root: string,
): { file: string; language: string; matter: string | undefined; body: string; bodyLine: number } | { file: string; parseError: string; errorField?: string } {
  const file = path.relative(root, absolute).split(path.sep).join("/");
  const read = readTextFile(absolute);
  if ("problem" in read) return { file, parseError: read.problem, errorField: "(file)" };
  const { language, matter, body, closed } = splitFrontMatter(read.text);
  if (language && language !== "yaml" && language !== "yml") {
    return { file, parseError: `has front matter in "${language}": write it as YAML, opening with a line of just ---` };
  }
  if (!closed) {
    return { file, parseError: "has no closing --- line: end the front matter with a line of just --- and write the text under it" };
  }
  const head = read.text.slice(0, read.text.length - body.length);
  let bodyLine = 1;
  for (let i = head.indexOf("\n"); i !== -1; i = head.indexOf("\n", i + 1)) bodyLine++;
  return { file, language, matter, body, bodyLine };
}

/**
 * An item's body read again from its file (`file` relative to `root`), for a worker that reads bodies as it needs
 * them instead of holding them all. The build read the file a moment ago; if it cannot be read now, this throws
 * with the reason (the worker's caller then reports it or does the work itself).
 */
export function readBody(root: string, file: string): string {
  const text = readSourceText(path.resolve(root, file), root);
  if ("parseError" in text) throw new Error(`${text.file} ${text.parseError}`);
  return text.body;
}
