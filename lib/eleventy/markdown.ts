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
import { referenceWideCharacters } from "./one-byte.ts";

type Options = { markdown: Record<string, unknown> };
interface MarkdownIt {
  render(src: string): string;
  core: { ruler: { disable(names: string[]): unknown } };
}

/** An item's body as HTML: its Markdown, without control characters, rendered by `md`, at one byte per character (one-byte.ts). */
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
