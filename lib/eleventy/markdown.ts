/**
 * The GOV.UK plugin's Markdown renderer, built outside Eleventy with the options the plugin is given
 * (govukPluginOptions), for rendering item bodies in a worker thread (render-ahead-worker.ts) and in
 * `npm run check`. A build test checks that it renders exactly as the instance the plugin registers with
 * Eleventy. Every body is sanitised (lib/content/sanitise.ts); what the sanitiser removes is a content error.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { SiteData } from "../content/schema.ts";
import { stripControlCharacters } from "../content/text-rules.ts";
import { bodyFirstLine, bodyIssues, sanitiseBody, type SanitisedBody } from "../content/sanitise.ts";
import { ContentError, type ContentIssue } from "../content/issues.ts";
import type { BodyCheck } from "../content/model.ts";
import { findReferences, type BodyReferences } from "../content/body-references.ts";
import { govukPluginOptions } from "./options.ts";
import { referenceWideCharacters } from "../build/one-byte.ts";
import { isCleanPlainMarkdown } from "../build/clean-body.ts";
import type { RenderAhead } from "../build/render-ahead.ts";

type Options = { markdown: Record<string, unknown> };
interface MarkdownIt {
  render(src: string): string;
  core: { ruler: { disable(names: string[]): unknown } };
}

/**
 * A rendered body: its HTML, what the sanitiser removed from it (a content error when not empty) and, when the
 * clean-body pass found them on the way, its links and images (else findReferences finds them in the HTML).
 */
export type RenderedBody = SanitisedBody & { references?: BodyReferences };

/**
 * An item's body as HTML: its Markdown, without control characters, rendered by `md`, sanitised, at one byte
 * per character (lib/build/one-byte.ts; `oneByte: false` for checks, which publish nothing). `fastPath: false` always
 * runs the sanitiser (the reference the tests compare with).
 */
export function renderBody(md: { render(src: string): string }, source: string, fastPath = true, oneByte = true): RenderedBody {
  escapeCodeBlocks(md);
  // Stray control characters are invisible, and invalid in HTML and feeds (the content schema's rule).
  const clean = stripControlCharacters(source);
  const rendered = md.render(clean);
  // Plain Markdown whose HTML the sanitiser would leave as it is skips it (lib/build/clean-body.ts), and its links and
  // images are found in the same pass.
  const found: BodyReferences = { links: [], images: [] };
  const { html, removed, references } =
    fastPath && isCleanPlainMarkdown(clean, rendered, found) ? { html: rendered, removed: [], references: found } : { ...sanitiseBody(rendered), references: undefined };
  return { html: oneByte ? referenceWideCharacters(html) : html, removed, ...(references ? { references } : {}) };
}

type Highlight = (code: string, language: string, attributes: string) => string;
const escaped = new WeakSet<object>();
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * markdown-it-govuk's code highlighter returns a fenced block without a language as it was written, so HTML
 * in it would be rendered rather than shown, and puts the language unescaped in a class name. Its instance
 * (ours, or the one the GOV.UK plugin gives Eleventy) gets a highlighter that escapes such a block and ignores
 * a language that is not a plain name. Once per instance.
 */
function escapeCodeBlocks(md: object): void {
  if (escaped.has(md)) return;
  escaped.add(md);
  const options = (md as { options?: { highlight?: Highlight | null } }).options;
  const highlight = options?.highlight;
  if (!options || !highlight) return;
  options.highlight = (code, language, attributes) => {
    const plain = /^[\w+#.-]+$/.test(language) ? language : "";
    return highlight(plain ? code : escapeHtml(code), plain, attributes);
  };
}

/**
 * A render function for item bodies, configured as @x-govuk/govuk-eleventy-plugin configures Eleventy's.
 * Without site data (`npm run check` of a folder whose site.json is invalid) it uses placeholders: the
 * plugin's Markdown options do not depend on site data.
 */
export async function createMarkdown(site?: SiteData, pathPrefix = "/", fastPath = true, oneByte = true): Promise<(source: string) => RenderedBody> {
  // The plugin's package exports hide these modules; import them by file URL, as the plugin's index.js does.
  const require = createRequire(import.meta.url);
  const src = path.dirname(require.resolve("@x-govuk/govuk-eleventy-plugin"));
  const { md } = (await import(pathToFileURL(path.join(src, "markdown-it.js")).href)) as { md(options: object): MarkdownIt };
  const { defaultPluginOptions } = (await import(pathToFileURL(path.join(src, "data", "options.js")).href)) as {
    defaultPluginOptions(options: object, pathPrefix: string): Options;
  };
  // Without site data, placeholders from the schema, loaded only then: the worker threads, which are always given the
  // site, never load the schema library (tests/unit/build/worker-imports.test.ts).
  const placeholder = site ? undefined : (await import("../content/schema.ts")).PLACEHOLDER_SITE;
  const options = defaultPluginOptions(govukPluginOptions(site ?? placeholder!), pathPrefix).markdown;
  // markdown-it-attrs (`{.class #id}` after a block) visits every token of every body, and was the costliest
  // plugin (docs/performance.md); markdown-it-attribution (a quotation's "-- Someone") scans the rest of the tokens
  // from every token for a blockquote. Neither rule changes anything in a body without its opening character (a
  // brace; the > of a quotation), so such bodies are rendered by an instance without it (tests render bodies with
  // and without each both ways, and every corpus body, and compare).
  const instances = new Map<string, MarkdownIt>();
  const instanceFor = (braces: boolean, quotes: boolean): MarkdownIt => {
    const key = `${braces} ${quotes}`;
    let instance = instances.get(key);
    if (!instance) {
      instance = md(options);
      const off = [...(braces ? [] : ["curly_attributes"]), ...(quotes ? [] : ["attribution"])];
      if (off.length > 0) instance.core.ruler.disable(off);
      instances.set(key, instance);
    }
    return instance;
  };
  return (source) => renderBody(instanceFor(source.includes("{"), source.includes(">")), source, fastPath, oneByte);
}

/** What a body problem needs to know about its item. */
export interface BodyItem {
  slug: string;
  /** Path from the project root, for messages and to find the body's first line. */
  file: string;
  body: string;
}

/**
 * Content problems for the bodies the sanitiser changed, with the line in each file. `root` is the project
 * root the items' file paths are relative to.
 */
export function bodyProblems(items: ReadonlyArray<{ item: BodyItem; removed: RenderedBody["removed"] }>, root: string): ContentIssue[] {
  return items.flatMap(({ item, removed }) => {
    return removed.length === 0 ? [] : bodyIssues(item.file, item.body, removed, fileBodyLine(item, root));
  });
}

/**
 * A ModelOptions.checkBody for `npm run check`: every body rendered and sanitised, each removal a problem, and
 * its links and images found for the model to check.
 */
export function bodyChecker(render: (markdown: string) => RenderedBody, root: string): (file: string, body: string) => BodyCheck {
  return (file, body) => {
    const { html, removed, references } = render(body);
    return { issues: bodyProblems([{ item: { slug: "", file, body }, removed }], root), references: references ?? findReferences(html) };
  };
}

/**
 * Item bodies for pages and feeds: from the render-ahead worker when it has them, otherwise rendered here.
 * A body the sanitiser changed, or with a broken link or image (`linkProblems`, lib/content/body-links.ts), is never
 * returned (an empty string stands in) and `failure()` then holds a ContentError listing every body problem of
 * every item (the worker's, or this thread's when there is no worker), not only the first. The build throws it
 * from a transform, before the page is written: an error thrown in a Nunjucks filter reaches Eleventy rewrapped,
 * as a stack trace instead of the editor's message.
 */
export function articleBodies<T extends BodyItem>(source: {
  /** The render-ahead of this build, if any (read on every call: a rebuild starts a new one). */
  ahead: () => RenderAhead | undefined;
  /** Renders a body on this thread. */
  render: (markdown: string) => RenderedBody;
  /** Every item whose body this build renders (a new list each build). */
  items: () => readonly T[];
  root: string;
  /** The broken links and images of an item's body, given what it points at and the file line it starts on. */
  linkProblems?: (item: T, references: BodyReferences, bodyLine: number) => ContentIssue[];
  /** Bodies rendered by earlier builds, by their Markdown (npm start, preview.ts): read and added to. */
  cache?: Map<string, RenderedBody & { references: BodyReferences }>;
}): { html(item: T): string; take(item: T): string; failure(): ContentError | undefined } {
  const { cache } = source;
  /** Renders a body on this thread, or takes it from the cache. */
  const render = (markdown: string): RenderedBody & { references: BodyReferences } => {
    let body = cache?.get(markdown);
    if (!body) {
      const rendered = source.render(markdown);
      body = { ...rendered, references: rendered.references ?? findReferences(rendered.html) };
      cache?.set(markdown, body);
    }
    return body;
  };
  // Keyed by the build's item list, so a rebuild (npm start) starts afresh.
  let failed: { items: readonly T[]; error: ContentError } | undefined;
  /** What the sanitiser removed from an item's body and what it points at: the worker's answer, else rendered here. */
  const checked = (item: T): { removed: RenderedBody["removed"]; references: BodyReferences } => {
    const ahead = source.ahead();
    const removed = ahead?.removed(item.slug);
    const references = ahead?.references(item.slug);
    if (removed !== undefined && references !== undefined) return { removed, references };
    return render(item.body);
  };
  const get = (item: T, take: boolean): string => {
    const ahead = source.ahead();
    const fromWorker = take ? ahead?.takeBody(item.slug) : ahead?.body(item.slug);
    const rendered = fromWorker !== undefined ? { html: fromWorker, removed: ahead!.removed(item.slug) ?? [], references: ahead!.references(item.slug) } : render(item.body);
    const references = rendered.references;
    if (fromWorker !== undefined && cache && references) cache.set(item.body, { html: fromWorker, removed: rendered.removed, references });
    if (rendered.removed.length === 0 && !hasLinkProblem(item, references, rendered.html)) return rendered.html;
    const items = source.items();
    if (failed?.items !== items) failed = { items, error: new ContentError(everyProblem(items)) };
    return "";
  };
  const hasLinkProblem = (item: T, references: BodyReferences | undefined, html: string): boolean => {
    if (!source.linkProblems) return false;
    const found = references ?? findReferences(html);
    return (found.links.length > 0 || found.images.length > 0) && source.linkProblems(item, found, 1).length > 0;
  };
  const everyProblem = (items: readonly T[]): ContentIssue[] => {
    // Waits for the worker to render all it can, so that only what it could not is rendered here.
    source.ahead()?.allRemoved();
    return items.flatMap((item) => {
      const { removed, references } = checked(item);
      // The file is read for its body's first line only when the body has a problem to place.
      if (removed.length === 0 && !(source.linkProblems?.(item, references, 1).length ?? 0)) return [];
      const firstLine = fileBodyLine(item, source.root);
      return [...bodyIssues(item.file, item.body, removed, firstLine), ...(source.linkProblems?.(item, references, firstLine) ?? [])];
    });
  };
  return {
    html: (item) => get(item, false),
    take: (item) => get(item, true),
    failure: () => (failed && failed.items === source.items() ? failed.error : undefined),
  };
}

/** The file line an item's body starts on (1 when the file cannot be read). */
function fileBodyLine(item: BodyItem, root: string): number {
  try {
    return bodyFirstLine(fs.readFileSync(path.resolve(root, item.file), "utf8"), item.body);
  } catch {
    return 1;
  }
}
