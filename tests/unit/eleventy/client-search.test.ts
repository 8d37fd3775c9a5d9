// The search page script's pure part (lib/eleventy/client/search.js): the address is the search's state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { pagefindArguments, parseRequest, requestQuery, sitePath, statusText } from "../../../lib/eleventy/client/search.js";

const requests: Array<[string, ReturnType<typeof parseRequest>]> = [
  ["", { q: "", filters: {}, order: "relevance", page: 1 }],
  ["?q=cyber", { q: "cyber", filters: {}, order: "relevance", page: 1 }],
  ["?q=++C%2B%2B++", { q: "C++", filters: {}, order: "relevance", page: 1 }],
  ["?q=%22", { q: '"', filters: {}, order: "relevance", page: 1 }],
  ["?q=%3Cscript%3E", { q: "<script>", filters: {}, order: "relevance", page: 1 }],
  ["?q=x&type=News&topic=AI&year=2026&order=newest&page=3", { q: "x", filters: { type: "News", topic: "AI", year: "2026" }, order: "newest", page: 3 }],
  ["?type=&topic=&year=", { q: "", filters: {}, order: "relevance", page: 1 }],
  ["?order=oldest&page=0", { q: "", filters: {}, order: "relevance", page: 1 }],
  ["?page=-2", { q: "", filters: {}, order: "relevance", page: 1 }],
  ["?page=1.5", { q: "", filters: {}, order: "relevance", page: 1 }],
  ["?page=abc&other=1", { q: "", filters: {}, order: "relevance", page: 1 }],
];
for (const [search, expected] of requests) {
  test(`parseRequest: ${JSON.stringify(search)}`, () => assert.deepEqual(parseRequest(search), expected));
}

test("requestQuery: defaults left out, and parseRequest reads back what it writes", () => {
  assert.equal(requestQuery(parseRequest("")), "");
  assert.equal(requestQuery(parseRequest("?q=C%2B%2B&page=1&order=relevance")), "?q=C%2B%2B");
  const full = parseRequest("?q=a+b&type=Press+release&topic=%3Cb%3E&year=2025&order=newest&page=2");
  assert.deepEqual(parseRequest(requestQuery(full)), full);
});

test("pagefindArguments: nothing to search for without words or filters; filters alone search every item", () => {
  assert.equal(pagefindArguments(parseRequest("")), undefined);
  assert.equal(pagefindArguments(parseRequest("?q=+++")), undefined);
  assert.deepEqual(pagefindArguments(parseRequest("?q=C%2B%2B")), { term: "C++", options: { filters: {} } });
  assert.deepEqual(pagefindArguments(parseRequest("?type=News&order=newest")), { term: null, options: { filters: { type: ["News"] }, sort: { date: "desc" } } });
  assert.deepEqual(pagefindArguments(parseRequest("?q=x&topic=AI&year=2026")), { term: "x", options: { filters: { topic: ["AI"], year: ["2026"] } } });
});

const paths: Array<[unknown, string | undefined]> = [
  ["/news/item/", "/news/item/"],
  ["//evil.example/", undefined],
  ["/\\evil.example/", undefined],
  ["javascript:alert(1)", undefined],
  ["https://evil.example/", undefined],
  ["news/item/", undefined],
  [undefined, undefined],
  [42, undefined],
];
for (const [url, expected] of paths) {
  test(`sitePath: ${JSON.stringify(url)} → ${expected}`, () => assert.equal(sitePath(url), expected));
}

test("statusText: counts, the words, the page, and what to do when nothing is found", () => {
  assert.equal(statusText(1, parseRequest("?q=cyber")), "1 result for “cyber”");
  assert.equal(statusText(20, parseRequest("?q=cyber")), "20 results for “cyber”");
  assert.equal(statusText(1234, parseRequest("?q=a&page=2")), "1,234 results for “a”, page 2 of 62");
  assert.equal(statusText(5, parseRequest("?type=News")), "5 results");
  assert.equal(statusText(0, parseRequest("?q=%3Cscript%3E")), "No results for “<script>”. Check the spelling, try other or fewer words, or choose fewer filters.");
});
