/**
 * Reads the content folder from disk and builds the model. Shared by the Eleventy build, `npm run check`
 * and the scaffolder, so all three see exactly the same content and the same errors.
 */
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { buildModel, type Model, type ModelOptions, type SourceFile } from "./model.ts";
import type { ContentIssue } from "./issues.ts";

// CORE_SCHEMA keeps dates as the strings the editor wrote, so we can insist on an offset
// (the default schema turns them into UTC Date objects and loses it).
export function parseYamlFrontMatter(source: string): Record<string, unknown> {
  return (yaml.load(source, { schema: yaml.CORE_SCHEMA }) ?? {}) as Record<string, unknown>;
}

/**
 * A Markdown file's front matter block (the text between the `---` lines, or undefined when there is none)
 * and its body. The same split as gray-matter's with its default `---` delimiters (a test compares the two
 * on a table of edge cases: byte-order mark, CRLF, no closing line, empty and comment-only blocks), without
 * what made it cost about half a second per 10,000 files (a Buffer copy of every file and a cache keyed by
 * whole file contents), and YAML only: gray-matter would run a block opened with `---js` as JavaScript.
 */
export function splitFrontMatter(raw: string): { language: string; matter: string | undefined; body: string } {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (!text.startsWith("---") || text.charAt(3) === "-") return { language: "", matter: undefined, body: text };
  let rest = text.slice(3);
  const end = rest.length;
  // A word after the opening dashes names the block's language ("---yaml").
  const newline = rest.search(/\r?\n/);
  const language = rest.slice(0, newline).trim();
  if (language) rest = rest.slice(newline);
  let close = rest.indexOf("\n---");
  if (close === -1) close = end;
  const matter = rest.slice(0, close);
  let body = close === end ? "" : rest.slice(close + 4);
  if (body.startsWith("\r")) body = body.slice(1);
  if (body.startsWith("\n")) body = body.slice(1);
  return { language, matter, body };
}

export function readSourceFile(absolute: string, root: string): SourceFile {
  const file = path.relative(root, absolute).split(path.sep).join("/");
  const { language, matter, body } = splitFrontMatter(fs.readFileSync(absolute, "utf8"));
  if (language && language !== "yaml" && language !== "yml") {
    return { file, data: {}, body: "", parseError: `has front matter in "${language}": write it as YAML, opening with a line of just ---` };
  }
  // A block of only blank lines and # comments is empty (as gray-matter treats it).
  if (matter === undefined || matter.replace(/^\s*#[^\n]+/gm, "").trim() === "") return { file, data: {}, body };
  try {
    return { file, data: parseYamlFrontMatter(matter), body };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { file, data: {}, body: "", parseError: `could not be read: ${reason}. Fix the YAML between the --- lines` };
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

function markdownFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => path.join(dir, name));
}

export interface ContentPaths {
  /** Project root, used to print short file names. */
  root: string;
  /** The content folder (news/, authors/, site.json, images/). */
  content: string;
}

export function loadContent(paths: ContentPaths, options: Omit<ModelOptions, "fileExists">): { model?: Model; issues: ContentIssue[] } {
  const siteFile = path.join(paths.content, "site.json");
  let site: SourceFile;
  const siteName = path.relative(paths.root, siteFile).split(path.sep).join("/");
  try {
    site = { file: siteName, data: JSON.parse(fs.readFileSync(siteFile, "utf8")), body: "" };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    site = { file: siteName, data: {}, body: "", parseError: `could not be read as JSON (${reason}): fix the file` };
  }
  return buildModel(
    {
      site,
      news: markdownFiles(path.join(paths.content, "news")).map((f) => readSourceFile(f, paths.root)),
      authors: markdownFiles(path.join(paths.content, "authors")).map((f) => readSourceFile(f, paths.root)),
    },
    {
      ...options,
      fileExists: (sitePath) => fs.existsSync(path.join(paths.content, sitePath)),
      contentDir: path.relative(paths.root, paths.content).split(path.sep).join("/"),
    },
  );
}
