// Item bodies are rendered in the render-ahead worker with its own markdown-it instance: it must render
// exactly as the instance the GOV.UK plugin registers with Eleventy (renderBody: without control characters,
// sanitised, and with characters above U+00FF as references).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { loadContent } from "../../lib/content/load.ts";
import { renderBody } from "../../lib/eleventy/markdown.ts";
import { PAGES_DIR } from "../../lib/eleventy/options.ts";
import type { BuiltPage } from "./helpers.ts";
import { svgDimensions, withBodyImageAttributes } from "../../lib/content/responsive-image.ts";

const CONTENT = "tests/fixtures/site";
const NOW = "2026-11-20T12:00:00Z";

test("every published item's page body is the GOV.UK plugin's Markdown rendering of its file", async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { GOVNEWS_CONTENT: CONTENT, GOVNEWS_OUTPUT: "_test-site/markdown", GOVNEWS_NOW: NOW, GOVNEWS_PREVIEW: "", CONTEXT: "" });
  try {
    const eleventy = new Eleventy(PAGES_DIR, "_test-site/markdown", { configPath: ".eleventy.ts", quietMode: true });
    const pages = (await eleventy.toJSON()) as unknown as BuiltPage[];
    const md = (eleventy as unknown as { eleventyConfig: { userConfig: { libraryOverrides: { md: { render(src: string): string } } } } }).eleventyConfig.userConfig.libraryOverrides
      .md;
    const { model } = loadContent({ root: ".", content: CONTENT }, { now: Date.parse(NOW), preview: false });
    assert.ok(model && model.published.length > 20);
    for (const article of model.published) {
      const page = pages.find((p) => p.url === article.url);
      assert.ok(page, article.url);
      const { html: expected, removed } = renderBody(md, article.body);
      assert.ok(expected.length > 0);
      assert.deepEqual(removed, [], `${article.url}: the sanitiser removed something`);
      // The page adds each image's size and lazy loading (responsive-image.ts); the fixture's images are SVGs.
      const sized = withBodyImageAttributes(expected, (src) => svgDimensions(fs.readFileSync(path.join(CONTENT, src), "utf8")));
      assert.ok(page.content.includes(`<div class="app-article__body app-prose-scope">\n      ${sized}`), `${article.url}: body differs`);
    }
  } finally {
    process.env = saved;
  }
});
