/**
 * The GOV.UK plugin's Markdown renderer, built outside Eleventy with the options the plugin is given
 * (govukPluginOptions), for rendering item bodies in a worker thread (render-ahead-worker.ts). A build test
 * checks that it renders exactly as the instance the plugin registers with Eleventy.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { SiteData } from "../content/schema.ts";
import { govukPluginOptions } from "./options.ts";

// C0 controls except tab, LF and CR, and DEL: invisible, and invalid in HTML and feeds.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Drops stray control characters from Markdown before it is rendered. */
export function stripControlCharacters(source: string): string {
  CONTROL_CHARACTERS.lastIndex = 0;
  return CONTROL_CHARACTERS.test(source) ? source.replace(CONTROL_CHARACTERS, "") : source;
}

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
  return (source) => instance.render(stripControlCharacters(source));
}
