/**
 * The bench's yardstick (scripts/bench-vanilla/) must keep building the synthetic corpus, or `npm run bench`
 * would report a failed build instead of the comparison. A small corpus, built as the bench builds it.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prepareVanillaSite, vanillaBuildArgs } from "../../scripts/bench.ts";
import { generateCorpus } from "../../scripts/generate-corpus.ts";

test("bench yardstick: the plain Eleventy site builds the synthetic corpus (article pages, a list by 20, a page per tag)", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-vanilla-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const { items } = generateCorpus({ n: 45, seed: 3, outDir: path.join(dir, "content") });
  prepareVanillaSite(path.join(dir, "content"), path.join(dir, "site"));
  const result = spawnSync(process.execPath, vanillaBuildArgs(path.join(dir, "out")), { cwd: path.join(dir, "site"), encoding: "utf8" });
  assert.equal(result.status, 0, result.stderr);

  for (const item of items) assert.ok(fs.existsSync(path.join(dir, "out/news", item.slug, "index.html")), item.slug);
  assert.ok(fs.existsSync(path.join(dir, "out/index.html")));
  assert.ok(fs.existsSync(path.join(dir, "out/page/3/index.html"))); // 45 items, 20 a page
  assert.ok(!fs.existsSync(path.join(dir, "out/page/4/index.html")));
  const tagPages = fs.readdirSync(path.join(dir, "out/tags")).sort();
  assert.deepEqual(tagPages, [...new Set(items.flatMap((item) => item.tagSlugs))].sort());
  const newest = items.reduce((a, b) => (b.dateMs > a.dateMs ? b : a));
  assert.ok(fs.readFileSync(path.join(dir, "out/index.html"), "utf8").includes(`href="/news/${newest.slug}/"`));
});
