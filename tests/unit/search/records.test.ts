// What each published item gives the search index (lib/search/records.ts): table-driven.
import { test } from "node:test";
import assert from "node:assert/strict";
import { htmlText, searchRecord, withoutMarkers } from "../../../lib/search/records.ts";

const cases: Array<[string, string, string]> = [
  ["paragraphs are lines, never run together", "<p>One end.</p><p>Start two.</p>", "One end.\nStart two."],
  ["inline elements join the words around them", '<p>An <em>important</em> <a href="/x/">link</a>, <abbr title="x">GDS</abbr>s</p>', "An important link, GDSs"],
  ["character references are decoded, never indexed as markup", "<p>Fish &amp; chips &lt;script&gt; &quot;C++&quot;</p>", 'Fish & chips <script> "C++"'],
  ["white space runs collapse", "<p>  a\n\n  b\t c </p>", "a b c"],
  ["list items and table cells are separate", "<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>", "one\ntwo\na\nb"],
  ["an image counts by its alt text", '<p>See <img src="/images/x.png" alt="A chart of costs"> here</p>', "See A chart of costs here"],
  ["an image without alt text adds nothing", '<p>a<img src="/images/x.png" alt="">b</p>', "ab"],
  ["headings and quotes are blocks", "<h2>Title</h2><blockquote><p>Quote</p></blockquote>", "Title\nQuote"],
  ["nothing", "", ""],
];
for (const [name, html, expected] of cases) {
  test(`htmlText: ${name}`, () => assert.equal(htmlText(html), expected));
}

test("searchRecord: headline, standfirst and body text; meta, filters and sort as given; always English", () => {
  const meta = { title: "A <b>title</b>", standfirst: "Stand & first", type: "News", date: "1 June 2026", datetime: "2026-06-01T09:00:00+01:00", byline: "Ada and Ben" };
  const filters = { type: ["News"], topic: ["Data", "AI"], year: ["2026"] };
  const sort = { date: "2026-06-01T08:00:00.000Z" };
  assert.deepEqual(searchRecord({ url: "/news/a/", meta, filters, sort, bodyHtml: "<p>Body &amp; more</p>" }), {
    url: "/news/a/",
    // The headline and standfirst are text already (from front matter): never parsed as markup.
    content: "A <b>title</b>\nStand & first\nBody & more",
    language: "en",
    meta,
    filters,
    sort,
  });
});

const markerCases: Array<[string, string, string]> = [
  ["a weight marker loses its underscores", "a ___PAGEFIND_WEIGHT___9 b", "a PAGEFIND_WEIGHT___9 b"],
  ["an end marker too", "___END_PAGEFIND_WEIGHT___ x", "END_PAGEFIND_WEIGHT___ x"],
  ["an anchor, and a longer run of underscores", "______PAGEFIND_ANCHOR___h2:x:y", "PAGEFIND_ANCHOR___h2:x:y"],
  ["within a word", "x___PAGEFIND_y", "xPAGEFIND_y"],
  ["other underscores stay", "snake___case __PAGEFIND_ a_b", "snake___case __PAGEFIND_ a_b"],
];
for (const [name, text, expected] of markerCases) {
  test(`withoutMarkers: ${name}`, () => assert.equal(withoutMarkers(text), expected));
}

test("searchRecord: Pagefind's markers in text, meta and filters are not instructions", () => {
  const meta = { title: "___PAGEFIND_WEIGHT___10 Boost", standfirst: "s", type: "News", date: "d", datetime: "t", byline: "___PAGEFIND_x" };
  const record = searchRecord({
    url: "/a/",
    meta,
    filters: { type: ["News"], topic: ["___PAGEFIND_y"], year: [] },
    sort: { date: "x" },
    bodyHtml: "<p>___END_PAGEFIND_WEIGHT___</p>",
  });
  assert.equal(record.content, "PAGEFIND_WEIGHT___10 Boost\ns\nEND_PAGEFIND_WEIGHT___");
  assert.equal(record.meta.title, "PAGEFIND_WEIGHT___10 Boost");
  assert.equal(record.meta.byline, "PAGEFIND_x");
  assert.deepEqual(record.filters.topic, ["PAGEFIND_y"]);
});
