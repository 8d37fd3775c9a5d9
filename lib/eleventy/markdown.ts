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

/** A render function for item bodies, configured as @x-govuk/govuk-eleventy-plugin configures Eleventy's. */
export async function createMarkdown(site: SiteData, pathPrefix = "/"): Promise<(source: string) => string> {
  // The plugin's package exports hide these modules; import them by file URL, as the plugin's index.js does.
  const require = createRequire(import.meta.url);
  const src = path.dirname(require.resolve("@x-govuk/govuk-eleventy-plugin"));
  const { md } = (await import(pathToFileURL(path.join(src, "markdown-it.js")).href)) as { md(options: object): { render(src: string): string } };
  const { defaultPluginOptions } = (await import(pathToFileURL(path.join(src, "data", "options.js")).href)) as {
    defaultPluginOptions(options: object, pathPrefix: string): Options;
  };
  const instance = md(defaultPluginOptions(govukPluginOptions(site), pathPrefix).markdown);
  // Stray control characters are invisible, and invalid in HTML and feeds (the content schema's rule).
  return (source) => instance.render(stripControlCharacters(source));
}
