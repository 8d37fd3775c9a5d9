// The search index built ahead: stopping it stops the indexing itself, at the next item, not once it is done.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSearchBundle, SearchStopped, type SearchAheadItem } from "../../../lib/build/search-ahead.ts";
import { siteForConfig } from "../../../lib/eleventy/site-data.ts";

const site = siteForConfig({ contentDir: "tests/fixtures/site" });

function item(i: number): SearchAheadItem {
  return {
    url: `/news/item-${i}/`,
    meta: { title: `Item ${i}`, standfirst: `About item ${i}.`, type: "News", date: "1 January 2026", datetime: "2026-01-01T09:00:00Z", byline: "A Writer" },
    filters: { type: ["News"], topic: ["Cloud"], year: ["2026"] },
    sort: { date: "2026-01-01T09:00:00Z" },
    file: `news/item-${i}.md`,
  };
}

test("buildSearchBundle: its stop flag ends the indexing at the next item, with no bundle written", async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-search-ahead-"));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.mkdirSync(path.join(root, "news"));
  for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(root, "news", `item-${i}.md`), `---\ntitle: Item ${i}\n---\nWords about item ${i}.\n`);
  const stop = new Int32Array(new SharedArrayBuffer(4));
  let taken = 0;
  // The flag is set as the third item is taken, as stop() sets it while the worker indexes.
  const items: Iterable<SearchAheadItem> = {
    *[Symbol.iterator]() {
      for (let i = 0; i < 10; i++) {
        taken++;
        if (taken === 3) Atomics.store(stop, 0, 1);
        yield item(i);
      }
    },
  };
  const out = path.join(root, "bundle");
  await assert.rejects(buildSearchBundle({ items, root, site, out, stop }), SearchStopped);
  assert.equal(taken, 3, "no item read after the flag was set");
  assert.equal(fs.existsSync(path.join(out, "pagefind-entry.json")), false);

  // Not stopped, the same items make a bundle of all ten.
  await buildSearchBundle({ items: Array.from({ length: 10 }, (_, i) => item(i)), root, site, out, stop: new Int32Array(new SharedArrayBuffer(4)) });
  const entry = JSON.parse(fs.readFileSync(path.join(out, "pagefind-entry.json"), "utf8")) as { languages: { en: { page_count: number } } };
  assert.equal(entry.languages.en.page_count, 10);
});
