/**
 * The GOV.UK plugin's Markdown renderer, built outside Eleventy with the options the plugin is given
 * (govukPluginOptions), for rendering item bodies in a worker thread (render-ahead-worker.ts). A build test
 * checks that it renders exactly as the instance the plugin registers with Eleventy.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { stripControlCharacters, type SiteData } from "../content/schema.ts";
import { govukPluginOptions } from "./options.ts";

type Options = { markdown: Record<string, unknown> };
interface MarkdownIt {
  render(src: string): string;
  core: { ruler: { disable(names: string[]): unknown } };
}

// Characters above U+00FF (curly quotes, dashes, most scripts), and the whole of a raw-text element, where a
// character reference would be read literally (https://html.spec.whatwg.org/#raw-text-elements, with the
// obsolete ones that parse the same way).
const WIDE_CHARACTERS = /[^\x00-\xff]/u;
const WIDE_CHARACTER_OR_RAW_TEXT = /[^\x00-\xff]|<(script|style|xmp|iframe|noembed|noframes)\b[^]*?<\/\1\s*>/giu;

/**
 * HTML with every character above U+00FF written as a numeric character reference (`’` as `&#8217;`), except
 * inside raw-text elements such as `<script>` and `<style>`. The page reads the same: references mean their characters in HTML
 * text and attribute values, and in feeds, which carry bodies as HTML.
 *
 * Why: JavaScript keeps a string with any such character at two bytes per character. Typographic quotes put one in
 * nearly every body, so nearly every page was a two-byte string: twice the memory, and three times slower to
 * encode as UTF-8 when written (measured: 1,000 pages of 50 KB, 480 against 157 ms). With references, every page
 * stays at one byte per character. Costs a few bytes per quotation mark on disk.
 */
export function referenceWideCharacters(html: string): string {
  if (!WIDE_CHARACTERS.test(html)) return html;
  return html.replace(WIDE_CHARACTER_OR_RAW_TEXT, (match) => (match.charCodeAt(0) === 0x3c ? match : `&#${match.codePointAt(0)};`));
}

/** An item's body as HTML: its Markdown, without control characters, rendered by `md`. */
export function renderBody(md: { render(src: string): string }, source: string): string {
  // Stray control characters are invisible, and invalid in HTML and feeds (the content schema's rule).
  return referenceWideCharacters(md.render(stripControlCharacters(source)));
}

/** A render function for item bodies, configured as @x-govuk/govuk-eleventy-plugin configures Eleventy's. */
export async function createMarkdown(site: SiteData, pathPrefix = "/"): Promise<(source: string) => string> {
  // The plugin's package exports hide these modules; import them by file URL, as the plugin's index.js does.
  const require = createRequire(import.meta.url);
  const src = path.dirname(require.resolve("@x-govuk/govuk-eleventy-plugin"));
  const { md } = (await import(pathToFileURL(path.join(src, "markdown-it.js")).href)) as { md(options: object): MarkdownIt };
  const { defaultPluginOptions } = (await import(pathToFileURL(path.join(src, "data", "options.js")).href)) as {
    defaultPluginOptions(options: object, pathPrefix: string): Options;
  };
  const options = defaultPluginOptions(govukPluginOptions(site), pathPrefix).markdown;
  const instance = md(options);
  // markdown-it-attrs (`{.class #id}` after a block) visits every token of every body, and was the costliest
  // plugin (2 s of 10,000 bodies). Its rule changes nothing in a body without its opening brace, so those are
  // rendered by a second instance without the rule (a build test renders every corpus body both ways).
  const withoutAttributes = md(options);
  withoutAttributes.core.ruler.disable(["curly_attributes"]);
  return (source) => renderBody(source.includes("{") ? instance : withoutAttributes, source);
}
