import { test } from "node:test";
import assert from "node:assert/strict";
import { article, one, parseHtml, renderComponent, select, text } from "./render.ts";

const FIRST = article({ slug: "councils-share-cloud-contracts", title: "Councils share cloud contracts", date: "2026-08-20T10:00:00+01:00" });
const SECOND = article({ slug: "nhs-app-adds-repeat-prescriptions", title: "NHS App adds repeat prescriptions", type: "analysis", authorIds: ["gareth-pryce", "nadia-qureshi"] });
const THIRD = article({ slug: "a-new-service-standard", title: "A new Service Standard", type: "opinion", authorIds: [] });

const listCases: Array<{ name: string; params: object; titles: string[]; heading: string }> = [
  { name: "one item", params: { articles: [FIRST] }, titles: ["Councils share cloud contracts"], heading: "h2" },
  {
    name: "three items, in the order given",
    params: { articles: [FIRST, SECOND, THIRD], headingLevel: 2 },
    titles: ["Councils share cloud contracts", "NHS App adds repeat prescriptions", "A new Service Standard"],
    heading: "h2",
  },
  {
    name: "headingLevel 3 (author pages)",
    params: { articles: [SECOND, FIRST], headingLevel: 3 },
    titles: ["NHS App adds repeat prescriptions", "Councils share cloud contracts"],
    heading: "h3",
  },
];
for (const { name, params, titles, heading } of listCases) {
  test(`article-list: ${name}`, () => {
    const doc = parseHtml(renderComponent("article-list", params));
    const list = one(doc, "ol.app-article-list");
    assert.equal(list.attribs.role, "list");
    const entries = select(list, "li.app-article-summary");
    assert.equal(entries.length, titles.length);
    assert.deepEqual(
      entries.map((entry) => text(one(entry, `${heading}.govuk-heading-m`))),
      titles,
    );
    assert.equal(select(doc, "p.govuk-body").length, titles.length, "one standfirst per entry, no empty-list text");
  });
}

test("article-list: each entry is the article-summary component, one per line", () => {
  const list = renderComponent("article-list", { articles: [FIRST, SECOND], headingLevel: 2 });
  const entry = (item: object) => renderComponent("article-summary", { article: item, headingLevel: 2, size: "m" });
  assert.equal(list, `<ol class="app-article-list" role="list">${entry(FIRST)}${entry(SECOND)}</ol>\n`);
});

const emptyCases: Array<{ name: string; params: object; expected: string }> = [
  { name: "no items: the default text", params: { articles: [] }, expected: `<p class="govuk-body">Nothing has been published yet.</p>\n` },
  { name: "no items: the caller's text", params: { articles: [], emptyText: "Nothing published yet." }, expected: `<p class="govuk-body">Nothing published yet.</p>\n` },
  {
    name: "no items: the caller's text is escaped",
    params: { articles: [], emptyText: `<i>None</i> & more` },
    expected: `<p class="govuk-body">&lt;i&gt;None&lt;/i&gt; &amp; more</p>\n`,
  },
];
for (const { name, params, expected } of emptyCases) {
  test(`article-list: ${name}`, () => {
    assert.equal(renderComponent("article-list", params), expected);
  });
}

test("article-list: item values are escaped in each entry", () => {
  const doc = parseHtml(renderComponent("article-list", { articles: [article({ title: `</ol><script>alert(1)</script>` })] }));
  assert.equal(select(doc, "script").length, 0);
  assert.equal(select(doc, "ol").length, 1);
  assert.equal(text(one(doc, "h2")), `</ol><script>alert(1)</script>`);
});

test("article-list: characters above U+00FF are written as references (the summary filter's one-byte output)", () => {
  const html = renderComponent("article-list", { articles: [article({ title: "Councils’ data — a review" })] });
  assert.ok(html.includes(">Councils&#8217; data &#8212; a review</a>"), html);
  assert.equal(text(one(parseHtml(html), "a")), "Councils’ data — a review");
});
