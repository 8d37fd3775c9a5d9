// Two builds of different content in one process each print their own content: Eleventy's compiled layouts are
// shared by every instance in a process and render with the filters of the instance that compiled them
// (lib/eleventy/layout-cache.ts). The hostile-input property test and the preview tests build many times in one process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildInMemory, pageAt } from "./helpers.ts";

test("a second in-memory build in the same process renders its own content, not the first's", async () => {
  const fixture = await buildInMemory("tests/fixtures/site", { GOVNEWS_NOW: "2026-11-20T12:00:00Z" });
  const sample = await buildInMemory("content", { GOVNEWS_NOW: "2026-11-20T12:00:00Z" });
  const title = (pages: typeof fixture) => /<title>([^<]*)<\/title>/.exec(pageAt(pages, "/").content)?.[1] ?? "";
  assert.match(title(fixture), /Fixture &lt;News&gt;/);
  assert.doesNotMatch(title(sample), /Fixture/);
  // Every page of the second build is the sample site's: no page carries the fixture site's name.
  const stale = sample.filter((p) => p.content.includes("Fixture &lt;News&gt;")).map((p) => p.url);
  assert.deepEqual(stale, []);
  // An item page of the second build shows its own item's headline.
  assert.match(pageAt(sample, "/news/northmoor-council-cyber-incident/").content, /<h1[^>]*>[^<]*Northmoor[^<]*<\/h1>/);
});
