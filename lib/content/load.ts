/**
 * Reads the content folder from disk and builds the model. Shared by the Eleventy build, `npm run check`
 * and the scaffolder, so all three see exactly the same content and the same errors.
 *
 * Front matter is read with the `yaml` package (eemeli/yaml) rather than js-yaml. It parses into a document tree
 * that keeps every node's position before it builds any data, so each problem names its line and column, and an
 * alias (`*a`) is refused before a single one is expanded: with js-yaml, nine nested aliases used as `type: *i`
 * (the "billion laughs" shape) took gigabytes and then crashed without naming the file (issue 14, finding 8).
 * Its own alias limit (maxAliasCount) stays on as a second guard. Files are decoded as strict UTF-8 (TextDecoder with fatal: true), so
 * a file saved in Windows-1252 is an error, not a title with U+FFFD in it.
 */
import fs from "node:fs";
import path from "node:path";
import { isUtf8 } from "node:buffer";
import { isAlias, isMap, parseDocument, visit, type YAMLError } from "yaml";
import { buildModel, type ModelOptions, type SourceFile } from "./model.ts";
import { takeInventory } from "./inventory.ts";
export { takeInventory };
import { readPlainFrontMatter } from "../build/front-matter-fast.ts";
import { MAX_TEXT_FILE_BYTES, sizeOverLimit } from "./schema.ts";

/** A front matter that cannot be read as plain YAML fields; the message names the line (and column). */
export class FrontMatterError extends Error {
  override name = "FrontMatterError";
}

// Friendlier words for the YAML mistakes editors make most often; any other keeps the parser's own message.
const YAML_MESSAGES: Partial<Record<YAMLError["code"], string>> = {
  DUPLICATE_KEY: "a field is given twice: keep one of them",
  MULTIPLE_DOCS: "a line of --- or ... ends the front matter early: remove it",
  TAB_AS_INDENT: "a tab is used to indent: indent with spaces",
};

/**
 * Parses a front-matter block as YAML 1.2 (core schema: dates stay the strings the editor wrote, so we can insist
 * on an offset). Refuses anchors and aliases, tags (`!foo`), duplicate fields and anything but a set of fields.
 * Line numbers count from the block's first line; in a file, that is the opening `---` line.
 */
export function parseYamlFrontMatter(source: string, fastPath = true): Record<string, unknown> {
  // Plain blocks are read faster (lib/build/front-matter-fast.ts); `fastPath: false` is the reference tests use.
  const plain = fastPath ? readPlainFrontMatter(source) : undefined;
  if (plain) return plain;
  // Positions are worked out from offsets only when there is a problem: a LineCounter costs every file.
  const doc = parseDocument(source, { schema: "core", version: "1.2", uniqueKeys: true, prettyErrors: false });
  const where = (offset = 0) => {
    const before = source.slice(0, offset);
    const line = before.split("\n").length;
    return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
  };
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const reason =
      problem.code === "TAG_RESOLVE_FAILED"
        ? "a YAML tag (a word starting with !) is used: remove it"
        : (YAML_MESSAGES[problem.code] ?? problem.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, ""));
    // A second document is reported where it starts: point at the marker line that ended the first instead.
    const at = problem.code === "MULTIPLE_DOCS" ? Math.max(source.lastIndexOf("\n...", problem.pos[0]), source.lastIndexOf("\n---", problem.pos[0])) + 1 : problem.pos[0];
    throw new FrontMatterError(`${where(at > 0 ? at : problem.pos[0])}: ${reason}`);
  }
  // Anchors and aliases have no use in front matter and are how a few lines become gigabytes: refuse them before
  // anything is expanded.
  let refused: string | undefined;
  // Every anchor has an &, every alias a *: most files have neither, and need no walk.
  if (/[&*]/.test(source))
    visit(doc, (_key, node) => {
      if (isAlias(node)) refused = `${where(node.range?.[0])}: the YAML alias *${node.source} is not allowed: write the value out in full`;
      else if ((node as { anchor?: string }).anchor) {
        const { anchor, range } = node as { anchor: string; range?: [number, number, number] };
        // The node's range starts at its value: point at the anchor itself, just before it.
        const at = source.lastIndexOf(`&${anchor}`, range?.[0]);
        refused = `${where(at === -1 ? range?.[0] : at)}: the YAML anchor &${anchor} is not allowed: remove it and write each value out in full`;
      }
      return refused ? visit.BREAK : undefined;
    });
  if (refused) throw new FrontMatterError(refused);
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) throw new FrontMatterError(`${where(doc.contents.range?.[0])}: write fields, one per line, like title: Your headline`);
  return doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
}

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
 * A content file read from disk. `frontMatter: false` leaves its front matter unparsed (`data` is empty): for
 * readers of the body alone, which get the same body and the same read errors.
 */
export function readSourceFile(absolute: string, root: string, frontMatter = true): SourceFile {
  const file = path.relative(root, absolute).split(path.sep).join("/");
  const read = readTextFile(absolute);
  if ("problem" in read) return { file, data: {}, body: "", parseError: read.problem, errorField: "(file)" };
  const { language, matter, body, closed } = splitFrontMatter(read.text);
  if (language && language !== "yaml" && language !== "yml") {
    return { file, data: {}, body: "", parseError: `has front matter in "${language}": write it as YAML, opening with a line of just ---` };
  }
  if (!closed) {
    return { file, data: {}, body: "", parseError: "has no closing --- line: end the front matter with a line of just --- and write the text under it" };
  }
  const head = read.text.slice(0, read.text.length - body.length);
  let bodyLine = 1;
  for (let i = head.indexOf("\n"); i !== -1; i = head.indexOf("\n", i + 1)) bodyLine++;
  // A block of only blank lines and # comments is empty (as gray-matter treats it).
  if (matter === undefined || matter.replace(/^\s*#[^\n]+/gm, "").trim() === "") return { file, data: {}, body, bodyLine };
  if (!frontMatter) return { file, data: {}, body, bodyLine };
  try {
    return { file, data: parseYamlFrontMatter(matter), body, bodyLine };
  } catch (error) {
    const reason = error instanceof FrontMatterError ? error.message : error instanceof Error ? error.message.split("\n")[0] : String(error);
    // The block's line 1 is the opening --- line (or, after "---yaml", the line below it).
    const at = /^line (\d+), column (\d+)/.exec(reason ?? "");
    const place = at ? { errorAt: { line: Number(at[1]) + (language ? 1 : 0), column: Number(at[2]) } } : {};
    // Placed, the message need not say where again.
    const said = at ? reason!.slice(at[0].length).replace(/^: /, "") : reason;
    return { file, data: {}, body, bodyLine, parseError: `could not be read: ${said}. Fix the YAML between the --- lines`, ...place };
  }
}

/**
 * An item's body read again from its file (`file` relative to `root`), for a worker that reads bodies as it needs
 * them instead of holding them all. The build read the file a moment ago; if it cannot be read now, this throws
 * with the reason (the worker's caller then reports it or does the work itself).
 */
export function readBody(root: string, file: string): string {
  const source = readSourceFile(path.resolve(root, file), root, false);
  if (source.parseError) throw new Error(`${source.file} ${source.parseError}`);
  return source.body;
}

/**
 * Lets the bodies of these items go from memory: each `body` becomes a getter that reads the item's file again
 * the first time it is asked for. For builds that have handed every body to a worker thread (a 10,000-item
 * archive's bodies are tens of megabytes) and need them again only if the worker fails. Same text as loaded.
 */
export function releaseBodies(articles: Iterable<{ file: string; body: string }>, root: string): void {
  for (const article of articles) {
    const absolute = path.resolve(root, article.file);
    let body: string | undefined;
    Object.defineProperty(article, "body", {
      configurable: true,
      enumerable: true,
      get: () => (body ??= readSourceFile(absolute, root).body),
    });
  }
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export interface ContentPaths {
  /** Project root, used to print short file names. */
  root: string;
  /** The content folder (news/, authors/, site.json, images/). */
  content: string;
}

/** The content folder as read from disk: every file parsed, nothing validated yet (buildModel does that). */
export type ContentInput = Parameters<typeof buildModel>[0];

/**
 * Reads every file of the content folder. `extra.news`: items that are not on disk yet, checked with the
 * folder's own (the scaffolder checks the item it is about to write, so a bad flag writes nothing).
 */
export function readContent(
  paths: ContentPaths,
  extra: { news?: readonly SourceFile[] } = {},
  inventory = takeInventory(paths),
  readSource: (absolute: string, root: string) => SourceFile = readSourceFile,
): ContentInput {
  const siteFile = path.join(paths.content, "site.json");
  const siteName = path.relative(paths.root, siteFile).split(path.sep).join("/");
  let site: SourceFile;
  // Read even when it is a link or a folder: readTextFile refuses those with the message.
  const read = fs.existsSync(siteFile) || isLink(siteFile) ? readTextFile(siteFile) : { problem: "is missing: add the site settings (title, url, organisation …)" };
  if ("problem" in read) {
    site = { file: siteName, data: {}, body: "", parseError: read.problem };
  } else {
    try {
      site = { file: siteName, data: JSON.parse(read.text), body: "" };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      site = { file: siteName, data: {}, body: "", parseError: `could not be read as JSON (${reason}): fix the file` };
    }
  }
  return {
    site,
    news: [...inventory.news.map((f) => readSource(f, paths.root)), ...(extra.news ?? [])],
    authors: inventory.authors.map((f) => readSource(f, paths.root)),
    images: inventory.images,
    folderIssues: inventory.issues,
  };
}

/** The options that tie the model to the content folder on disk: image files are looked up there. */
export function folderOptions(paths: ContentPaths): Pick<ModelOptions, "fileExists" | "contentDir"> {
  return {
    fileExists: (sitePath) => fs.existsSync(path.join(paths.content, sitePath)),
    contentDir: path.relative(paths.root, paths.content).split(path.sep).join("/"),
  };
}

/** Reads the content folder and builds the model (see readContent for `extra`; `read` may be a SourceCache's). */
export function loadContent(
  paths: ContentPaths,
  options: Omit<ModelOptions, "fileExists">,
  extra: { news?: readonly SourceFile[] } = {},
  read?: (absolute: string, root: string) => SourceFile,
): ReturnType<typeof buildModel> {
  return buildModel(readContent(paths, extra, undefined, read), { ...options, ...folderOptions(paths) });
}
