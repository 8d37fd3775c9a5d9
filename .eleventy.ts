// Wiring only: the GOV.UK plugin for the look, our plugin (lib/eleventy) for everything else.
import type UserConfig from "@11ty/eleventy/UserConfig";
import path from "node:path";

export default async function (eleventyConfig: UserConfig) {
  // A fresh import on every config (re)load, so `npm start` picks up edits to lib/*.ts.
  const stamp = `?t=${Date.now()}`;
  const { govukPluginOptions, resolveOptions, PAGES_DIR }: typeof import("./lib/eleventy/options.ts") = await import(`./lib/eleventy/options.ts${stamp}`);
  const options = resolveOptions({}, process.env);
  // First, so another core reads the content while this one loads the plugins (lib/build/prefetch.ts). Not in a
  // batched build's later runs: the first read the files, and the content is loaded once (lib/eleventy/batch.ts,
  // imported as the build's driver imports it, so that it knows this run).
  const { prefetchContent }: typeof import("./lib/build/prefetch.ts") = await import(`./lib/build/prefetch.ts${stamp}`);
  const { batchesOf }: typeof import("./lib/eleventy/batch.ts") = await import("./lib/eleventy/batch.ts");
  const content = path.resolve(options.root, options.contentDir);
  if (!batchesOf(eleventyConfig)?.index) prefetchContent([path.join(content, "news"), path.join(content, "authors")]);
  // Before the GOV.UK plugin first loads: of its imports, Sass and Rollup load only if used (lib/build/plugin-stand-ins.ts).
  const { standInForPluginModules }: typeof import("./lib/build/plugin-stand-ins.ts") = await import("./lib/build/plugin-stand-ins.ts");
  standInForPluginModules();
  const { govukEleventyPlugin } = await import("@x-govuk/govuk-eleventy-plugin");
  const { default: govnewsPlugin }: typeof import("./lib/eleventy/plugin.ts") = await import(`./lib/eleventy/plugin.ts${stamp}`);
  const { siteForConfig }: typeof import("./lib/eleventy/site-data.ts") = await import(`./lib/eleventy/site-data.ts${stamp}`);

  const site = siteForConfig(options);
  eleventyConfig.addGlobalData("site", site);
  eleventyConfig.addPlugin(govukEleventyPlugin, govukPluginOptions(site));
  eleventyConfig.addPlugin(govnewsPlugin, options);
  eleventyConfig.addWatchTarget("./lib/**/*.ts", { resetConfig: true });
  eleventyConfig.addWatchTarget("./_includes/**/*.scss", { resetConfig: true });

  return {
    dir: {
      // Eleventy's input folder holds no templates: every page is a virtual template of our plugin. The content
      // folder is data, read by lib/content, and never handed to a template engine (no Nunjucks, no JavaScript
      // data files, no front matter in other languages, whatever a pull request puts there).
      input: PAGES_DIR,
      // _includes sits at the top level.
      includes: path.relative(PAGES_DIR, "_includes"),
      output: options.outputDir,
    },
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
  };
}
