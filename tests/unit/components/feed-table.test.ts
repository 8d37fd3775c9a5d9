import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCatalogue } from "../../../lib/feeds/catalogue.ts";
import { AUTHORS, SITE, article, one, parseHtml, renderComponent, select, text } from "./render.ts";

// The feeds the "Get updates" page lists, from the site's feed catalogue.
const ITEM = article({ type: "analysis", tags: [{ slug: "cloud", label: "Cloud" }], authorIds: ["gareth-pryce", "nadia-qureshi"] });
const CATALOGUE = buildCatalogue({
  site: SITE,
  published: [ITEM],
  tags: [{ slug: "cloud", label: "Cloud", articles: [ITEM] }],
  authors: AUTHORS,
  authorArticles: new Map([
    ["gareth-pryce", [ITEM]],
    ["nadia-qureshi", [ITEM]],
  ]),
});

/** Each body row as [feed label, its page, the address shown, the address linked]. */
function rows(html: string): string[][] {
  return select(one(parseHtml(html), "tbody.govuk-table__body"), "tr.govuk-table__row").map((row) => {
    const [feed, address] = select(row, "td.govuk-table__cell a");
    return [text(feed!), feed!.attribs.href!, text(address!), address!.attribs.href!];
  });
}

const cases: Array<{ name: string; params: { caption: string; feeds: object[]; siteUrl: string }; rows: string[][] }> = [
  {
    name: "the site feed alone ('Everything')",
    params: { caption: "Everything", feeds: [CATALOGUE.site], siteUrl: SITE.url },
    rows: [["All news", "/", "https://govtech-news.example.gov.uk/feed.xml", "/feed.xml"]],
  },
  {
    name: "author feeds, in the catalogue's order",
    params: { caption: "Authors", feeds: CATALOGUE.authors, siteUrl: SITE.url },
    rows: [
      ["Gareth Pryce", "/authors/gareth-pryce/", "https://govtech-news.example.gov.uk/authors/gareth-pryce/feed.xml", "/authors/gareth-pryce/feed.xml"],
      ["Nadia Qureshi", "/authors/nadia-qureshi/", "https://govtech-news.example.gov.uk/authors/nadia-qureshi/feed.xml", "/authors/nadia-qureshi/feed.xml"],
    ],
  },
  {
    name: "topic feeds",
    params: { caption: "Topics", feeds: CATALOGUE.tags, siteUrl: SITE.url },
    rows: [["Cloud", "/tags/cloud/", "https://govtech-news.example.gov.uk/tags/cloud/feed.xml", "/tags/cloud/feed.xml"]],
  },
  { name: "no feeds: the table's head only", params: { caption: "Types", feeds: [], siteUrl: SITE.url }, rows: [] },
];
for (const { name, params, rows: expected } of cases) {
  test(`feed-table: ${name}`, () => {
    const html = renderComponent("feed-table", params);
    const table = one(parseHtml(html), "table.govuk-table.app-feed-table");
    assert.equal(text(one(table, "caption.govuk-table__caption.govuk-table__caption--m")), params.caption);
    assert.deepEqual(
      select(table, "thead th").map((th) => [th.attribs.scope, text(th)]),
      [
        ["col", "Feed"],
        ["col", "Address"],
      ],
    );
    assert.deepEqual(rows(html), expected);
    assert.equal(select(table, "a.app-feed-url").length, expected.length);
  });
}

test("feed-table: the caption, labels, paths and site address are escaped", () => {
  const html = renderComponent("feed-table", {
    caption: "<script>alert(1)</script>",
    feeds: [{ label: "<b>Cloud</b>", page: `/tags/x/" onclick="alert(2)`, path: "/tags/x/feed.xml" }],
    siteUrl: `https://x.example"><i>`,
  });
  const doc = parseHtml(html);
  assert.equal(select(doc, "script").length + select(doc, "b").length + select(doc, "i").length, 0, html);
  assert.equal(text(one(doc, "caption")), "<script>alert(1)</script>");
  const [feed, address] = select(doc, "td a");
  assert.equal(text(feed!), "<b>Cloud</b>");
  assert.equal(feed!.attribs.href, `/tags/x/" onclick="alert(2)`);
  assert.equal(feed!.attribs.onclick, undefined);
  assert.equal(text(address!), `https://x.example"><i>/tags/x/feed.xml`);
});
