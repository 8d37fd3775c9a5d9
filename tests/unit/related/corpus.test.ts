import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadContent } from "../../../lib/content/load.ts";
import { SLUG_PATTERN } from "../../../lib/content/schema.ts";
import { generateCorpus, generateCorpusItems, itemFile } from "../../../scripts/generate-corpus.ts";

test("generateCorpusItems: same seed, same items; another seed, other items", () => {
  const a = generateCorpusItems({ n: 60, seed: 5 });
  const b = generateCorpusItems({ n: 60, seed: 5 });
  const c = generateCorpusItems({ n: 60, seed: 6 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.items.map(itemFile), c.items.map(itemFile));
});

test("generateCorpusItems: the shape of a real archive", () => {
  const { items, authors } = generateCorpusItems({ n: 2000, seed: 1 });
  assert.equal(items.length, 2000);
  assert.ok(authors.length >= 8 && authors.length <= 12, `${authors.length} authors`);
  assert.equal(new Set(items.map((i) => i.slug)).size, items.length, "unique slugs");
  assert.ok(items.every((i) => SLUG_PATTERN.test(i.slug)));
  const untagged = items.filter((i) => i.tags.length === 0).length / items.length;
  assert.ok(untagged > 0.4 && untagged < 0.6, `untagged ${untagged}`);
  assert.ok(items.every((i) => i.tags.length <= 4 && i.authorIds.length <= 2));
  const words = items.map((i) => i.body.split(/\s+/).length);
  assert.ok(Math.min(...words) >= 300 && Math.max(...words) <= 1500, `${Math.min(...words)}–${Math.max(...words)} words`);
  const first = Date.parse("2018-11-01T00:00:00Z") - 3_600_000;
  const last = Date.parse("2026-11-01T00:00:00Z");
  assert.ok(items.every((i) => i.dateMs >= first && i.dateMs < last));
  assert.ok(new Set(items.map((i) => i.type)).size === 6);
  assert.ok(
    items.some((i) => i.tags.some((t) => /[\u0000-\u001f]/.test(t) || (t !== t.toLowerCase() && t === t.toUpperCase()))),
    "some stray spellings",
  );
});

test("generateCorpus: writes a content folder our validator accepts, byte-identical for the same seed", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-corpus-"));
  try {
    const one = path.join(tmp, "one");
    const two = path.join(tmp, "two");
    generateCorpus({ n: 150, seed: 3, outDir: one });
    generateCorpus({ n: 150, seed: 3, outDir: two });
    const files = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
    assert.deepEqual(files(one), files(two));
    for (const file of files(one)) {
      if (fs.statSync(path.join(one, file)).isFile()) assert.equal(fs.readFileSync(path.join(one, file), "utf8"), fs.readFileSync(path.join(two, file), "utf8"), file);
    }
    const { model, issues } = loadContent({ root: tmp, content: one }, { now: Date.parse("2026-11-23T00:00:00Z") });
    assert.deepEqual(issues, []);
    assert.equal(model!.published.length, 150);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
