import { test } from "node:test";
import assert from "node:assert/strict";
import { article, one, parseHtml, renderComponent, select, text } from "./render.ts";

const ITEMS = [
  article({ slug: "councils-share-cloud-contracts", title: "Councils share cloud contracts" }),
  article({ slug: "nhs-app-adds-repeat-prescriptions", title: "NHS App adds repeat prescriptions", authorIds: ["gareth-pryce", "nadia-qureshi"] }),
  article({ slug: "a-new-service-standard", title: "A new Service Standard", type: "opinion" }),
];

const cases: Array<{ name: string; params: object; heading: string; headingText: string; entryHeading: string; count: number }> = [
  {
    name: "defaults: h2 'Related articles', entries at h3 size s",
    params: { articles: ITEMS },
    heading: "h2",
    headingText: "Related articles",
    entryHeading: "h3.govuk-heading-s",
    count: 3,
  },
  { name: "one item", params: { articles: ITEMS.slice(0, 1), headingLevel: 2 }, heading: "h2", headingText: "Related articles", entryHeading: "h3.govuk-heading-s", count: 1 },
  {
    name: "headingLevel 3: entries one level below",
    params: { articles: ITEMS, headingLevel: 3 },
    heading: "h3",
    headingText: "Related articles",
    entryHeading: "h4.govuk-heading-s",
    count: 3,
  },
  {
    name: "the caller's heading",
    params: { articles: ITEMS.slice(1), heading: "More on the NHS App" },
    heading: "h2",
    headingText: "More on the NHS App",
    entryHeading: "h3.govuk-heading-s",
    count: 2,
  },
];
for (const { name, params, heading, headingText, entryHeading, count } of cases) {
  test(`related-articles: ${name}`, () => {
    const doc = parseHtml(renderComponent("related-articles", params));
    const section = one(doc, "section.app-related-articles");
    assert.equal(section.attribs["aria-labelledby"], "related-articles-heading");
    const title = one(section, `${heading}#related-articles-heading`);
    assert.equal(title.attribs.class, "govuk-heading-m");
    assert.equal(text(title), headingText);
    const list = one(section, "ol.app-article-list.app-related-articles__list");
    assert.equal(list.attribs.role, "list");
    const entries = select(list, "li.app-article-summary");
    assert.equal(entries.length, count);
    assert.deepEqual(
      entries.map((entry) => one(one(entry, entryHeading), "a").attribs.href),
      (params as { articles: typeof ITEMS }).articles.map((item) => item.url),
    );
  });
}

test("related-articles: co-authors in an entry's byline", () => {
  const doc = parseHtml(renderComponent("related-articles", { articles: ITEMS.slice(1, 2) }));
  assert.equal(text(one(doc, "span.app-byline")), "By Gareth Pryce and Nadia Qureshi");
});

test("related-articles: no items renders nothing (no empty section)", () => {
  assert.equal(renderComponent("related-articles", { articles: [] }), "");
  assert.equal(renderComponent("related-articles", { articles: [], heading: "Related articles" }), "");
});

test("related-articles: the heading and item values are escaped", () => {
  const html = renderComponent("related-articles", { articles: [article({ title: `<script>alert(1)</script>` })], heading: `<img src=x onerror=alert(2)>` });
  const doc = parseHtml(html);
  assert.equal(select(doc, "script").length + select(doc, "img").length, 0, html);
  assert.equal(text(one(doc, "h2")), "<img src=x onerror=alert(2)>");
  assert.equal(text(one(doc, "h3")), "<script>alert(1)</script>");
});
