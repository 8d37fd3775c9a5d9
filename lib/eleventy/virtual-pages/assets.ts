/**
 * Our scripts and stylesheet, fingerprinted (asset-names.ts): the script by its text, the stylesheet by the hash
 * of everything it is compiled from (its cache key, known before any page renders). Pages, and the feed
 * stylesheet, link them through the global data `govnewsAssets`.
 */
import fs from "node:fs";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { fingerprint, govnewsScript, hashedAssetPath } from "../asset-names.ts";
import type { PluginContext } from "../build-state.ts";

/** `write`: write the files too (a batched build's later runs only link them: the first wrote them). */
export function addAssetPages(eleventyConfig: UserConfig, { build }: PluginContext, { write = true } = {}): void {
  // GOV.UK Frontend's prebuilt ES module: progressive enhancement only, every page works without it. Copied
  // under a name with its content's fingerprint: netlify.toml caches that folder for a year.
  const frontendSource = "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js";
  const frontendPath = hashedAssetPath("govuk-frontend", fingerprint(fs.readFileSync(frontendSource)), ".min.js");
  if (write) eleventyConfig.addPassthroughCopy({ [frontendSource]: frontendPath.slice(1) });

  // The search page's own script (lib/eleventy/client/search.js), copied as it is under its content's fingerprint.
  const searchSource = "lib/eleventy/client/search.js";
  const searchPath = hashedAssetPath("search", fingerprint(fs.readFileSync(searchSource)), ".js");
  if (write) eleventyConfig.addPassthroughCopy({ [searchSource]: searchPath.slice(1) });

  // Our own enhancements follow GOV.UK Frontend's: the share links' "Copy link" button.
  const scriptText = govnewsScript(frontendPath) + fs.readFileSync(new URL("../client/copy-link.js", import.meta.url), "utf8");
  const scriptPath = hashedAssetPath("govnews", fingerprint(scriptText), ".js");
  const stylesheetPath = (): string => {
    const key = build().stylesheet.key;
    if (!key) throw new Error("govnews: the stylesheet's name was asked for before the build started");
    return hashedAssetPath("govnews", key.slice(0, 16), ".css");
  };
  eleventyConfig.addGlobalData("govnewsAssets", () => ({ stylesheet: stylesheetPath(), script: scriptPath, search: searchPath }));
  if (!write) return;
  // The feeds' stylesheet: a page for people who open a feed in a browser.
  eleventyConfig.addTemplate("govnews-feed-xsl.njk", "", { layout: "feed.xsl.njk", permalink: "/feed.xsl" });
  eleventyConfig.addTemplate("govnews-script.njk", scriptText, {
    permalink: scriptPath,
    layout: false,
  });
  // Compiled as the GOV.UK plugin compiles Sass (stylesheet.ts), by the render-ahead worker (filters/site-files.ts).
  eleventyConfig.addTemplate("govnews-styles.njk", "{{ '' | govnewsStylesheet }}", {
    permalink: () => stylesheetPath(),
    layout: false,
  });
}
