import { test } from "node:test";
import assert from "node:assert/strict";
import { indexedPageCount, keepBundleFile } from "../../../lib/search/bundle.ts";

const files: Array<[string, boolean]> = [
  ["pagefind.js", true],
  ["pagefind-entry.json", true],
  ["pagefind.en_4d82286017.pf_meta", true],
  ["wasm.en.pagefind", true],
  ["wasm.unknown.pagefind", true],
  ["fragment/en_9883854.pf_fragment", true],
  ["index/en_693a6fa.pf_index", true],
  ["filter/en_3049f65.pf_filter", true],
  // Pagefind's ready-made interfaces, highlighter, worker and playground: the search page uses none of them.
  ["pagefind-ui.js", false],
  ["pagefind-ui.css", false],
  ["pagefind-modular-ui.js", false],
  ["pagefind-modular-ui.css", false],
  ["pagefind-component-ui.js", false],
  ["pagefind-component-ui.css", false],
  ["pagefind-highlight.js", false],
  ["pagefind-worker.js", false],
  ["playground/index.html", false],
  ["fragment/../pagefind-ui.js", false],
  ["fragment/en_1.pf_index", false],
];
for (const [file, kept] of files) {
  test(`keepBundleFile: ${file} → ${kept}`, () => assert.equal(keepBundleFile(file), kept));
}

test("indexedPageCount: the pages of every language", () => {
  assert.equal(indexedPageCount('{"version":"1.5.2","languages":{"en":{"hash":"en_1","wasm":"en","page_count":26}}}'), 26);
  assert.equal(indexedPageCount('{"languages":{"en":{"page_count":2},"cy":{"page_count":3}}}'), 5);
  assert.equal(indexedPageCount('{"languages":{}}'), 0);
  assert.equal(indexedPageCount("{}"), 0);
  assert.throws(() => indexedPageCount('{"languages":{"en":{}}}'), /page_count/);
});
