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
import { isAlias, isMap, parseDocument, visit, type YAMLError } from "yaml";
import { buildModel, type ModelOptions, type SourceFile } from "./model.ts";
import { takeInventory } from "./inventory.ts";
export { takeInventory };
import { readPlainFrontMatter } from "../build/front-matter-fast.ts";
import { readSourceText, readTextFile } from "./text-files.ts";

export { decodeUtf8, readBody, readTextFile, splitFrontMatter } from "./text-files.ts";

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
 * A content file read from disk. `frontMatter: false` leaves its front matter unparsed (`data` is empty): for
 * readers of the body alone, which get the same body and the same read errors.
 */
export function readSourceFile(absolute: string, root: string, frontMatter = true): SourceFile {
  const text = readSourceText(absolute, root);
  if ("parseError" in text) return { ...text, data: {}, body: "" };
  const { file, language, matter, body, bodyLine } = text;
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
