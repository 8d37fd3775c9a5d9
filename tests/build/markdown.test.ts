// The render-ahead worker renders item bodies with its own markdown-it instance, and list entries with its own
// Nunjucks environment: both must render exactly as the instances the GOV.UK plugin registers with Eleventy.
import { test } from "node:test";
import assert from "node:assert/strict";
import Eleventy from "@11ty/eleventy";
import { loadContent } from "../../lib/content/load.ts";
import { stripControlCharacters } from "../../lib/eleventy/markdown.ts";
import { createSummaryRenderer, type SummaryEntry } from "../../lib/eleventy/summary-renderer.ts";
import { bylineFor } from "../../lib/eleventy/view.ts";
import type { BuiltPage } from "./helpers.ts";

const CONTENT = "tests/fixtures/site";
const NOW = "2026-11-20T12:00:00Z";

test("every published item's page body is the GOV.UK plugin's Markdown rendering of its file", async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { GOVNEWS_CONTENT: CONTENT, GOVNEWS_OUTPUT: "_test-site/markdown", GOVNEWS_NOW: NOW, GOVNEWS_PREVIEW: "", CONTEXT: "" });
  try {
    const eleventy = new Eleventy(CONTENT, "_test-site/markdown", { configPath: ".eleventy.ts", quietMode: true });
    const pages = (await eleventy.toJSON()) as unknown as BuiltPage[];
    const md = (eleventy as unknown as { eleventyConfig: { userConfig: { libraryOverrides: { md: { render(src: string): string } } } } }).eleventyConfig
      .userConfig.libraryOverrides.md;
    const { model } = loadContent({ root: ".", content: CONTENT }, { now: Date.parse(NOW), preview: false });
    assert.ok(model && model.published.length > 20);
    for (const article of model.published) {
      const page = pages.find((p) => p.url === article.url);
      assert.ok(page, article.url);
      const expected = md.render(stripControlCharacters(article.body));
      assert.ok(expected.length > 0);
      assert.ok(page.content.includes(`<div class="app-article__body app-prose-scope">\n      ${expected}`), `${article.url}: body differs`);
    }
  } finally {
    process.env = saved;
  }
});

test("every list entry the worker renders is the one Eleventy's Nunjucks renders from the component", async () => {
  const saved = { ...process.env };
  Object.assign(process.env, { GOVNEWS_CONTENT: CONTENT, GOVNEWS_OUTPUT: "_test-site/markdown", GOVNEWS_NOW: NOW, GOVNEWS_PREVIEW: "", CONTEXT: "" });
  try {
    const eleventy = new Eleventy(CONTENT, "_test-site/markdown", { configPath: ".eleventy.ts", quietMode: true });
    await eleventy.toJSON();
    type Exported = { getExported(cb: (error: Error | null, exported: Record<string, (params: object) => unknown>) => void): void };
    const njk = (eleventy as unknown as { eleventyConfig: { userConfig: { libraryOverrides: { njk: { getTemplate(name: string, eager: boolean): Exported } } } } })
      .eleventyConfig.userConfig.libraryOverrides.njk;
    let macro: ((params: object) => unknown) | undefined;
    njk.getTemplate("components/article-summary/macro.njk", true).getExported((error, exported) => {
      assert.ifError(error);
      macro = exported.appArticleSummary;
    });
    assert.ok(macro);
    const worker = createSummaryRenderer("_includes");
    const { model } = loadContent({ root: ".", content: CONTENT }, { now: Date.parse(NOW), preview: false });
    assert.ok(model);
    for (const article of model.published) {
      const entry: SummaryEntry = { ...article, byline: bylineFor(article, model).map((p) => ({ name: p.name })) };
      for (const [level, size] of [[2, "m"], [3, "m"], [3, "s"]] as const) {
        const expected: string = String(macro!({ article, headingLevel: level, size }));
        assert.ok(expected.includes(article.url));
        assert.equal(worker(entry, level, size), expected, `${article.slug} ${level} ${size}`);
      }
    }
  } finally {
    process.env = saved;
  }
});
