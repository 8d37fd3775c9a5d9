import { test } from "node:test";
import assert from "node:assert/strict";
import { article, one, parseHtml, renderComponent, select, tagNames, text } from "./render.ts";

test("article-summary: one list entry, written without indentation or line breaks", () => {
  assert.equal(
    renderComponent("article-summary", { article: article() }),
    `<li class="app-article-summary">` +
      `<p class="app-article-summary__type">News</p>` +
      `<h2 class="govuk-heading-m app-article-summary__title"><a class="govuk-link" href="/news/gds-publishes-new-service-standard/">GDS publishes a new Service Standard</a></h2>` +
      `<p class="govuk-body app-article-summary__standfirst">The standard now asks teams to plan for retiring a service.</p>` +
      `<p class="govuk-body-s app-article-summary__meta"><span class="app-byline">By <span class="app-byline__name">Eleanor Achebe</span></span> ` +
      `<span class="app-article-summary__separator" aria-hidden="true">·</span> <time datetime="2026-08-17T09:30:00+01:00">17 August 2026</time></p></li>\n`,
  );
});

const headingCases: Array<{ name: string; params: object; heading: string }> = [
  { name: "defaults: h2, size m", params: {}, heading: "h2.govuk-heading-m" },
  { name: "headingLevel 3 (author pages)", params: { headingLevel: 3 }, heading: "h3.govuk-heading-m" },
  { name: "headingLevel 3, size s (related articles)", params: { headingLevel: 3, size: "s" }, heading: "h3.govuk-heading-s" },
  { name: "headingLevel 4, size l", params: { headingLevel: 4, size: "l" }, heading: "h4.govuk-heading-l" },
];
for (const { name, params, heading } of headingCases) {
  test(`article-summary: ${name}`, () => {
    const doc = parseHtml(renderComponent("article-summary", { article: article(), ...params }));
    const title = one(doc, `${heading}.app-article-summary__title`);
    assert.equal(select(doc, "h2").length + select(doc, "h3").length + select(doc, "h4").length, 1);
    assert.equal(one(title, "a.govuk-link").attribs.href, "/news/gds-publishes-new-service-standard/");
    assert.equal(text(title), "GDS publishes a new Service Standard");
  });
}

const bylineCases: Array<{ name: string; authorIds: string[]; byline: string; names: string[] }> = [
  { name: "no authors: the organisation", authorIds: [], byline: "By Gov Tech News", names: ["Gov Tech News"] },
  { name: "one author", authorIds: ["gareth-pryce"], byline: "By Gareth Pryce", names: ["Gareth Pryce"] },
  { name: "two co-authors", authorIds: ["gareth-pryce", "eleanor-achebe"], byline: "By Gareth Pryce and Eleanor Achebe", names: ["Gareth Pryce", "Eleanor Achebe"] },
  {
    name: "three co-authors, in front-matter order",
    authorIds: ["nadia-qureshi", "gareth-pryce", "eleanor-achebe"],
    byline: "By Nadia Qureshi, Gareth Pryce and Eleanor Achebe",
    names: ["Nadia Qureshi", "Gareth Pryce", "Eleanor Achebe"],
  },
];
for (const { name, authorIds, byline, names } of bylineCases) {
  test(`article-summary byline: ${name}`, () => {
    const doc = parseHtml(renderComponent("article-summary", { article: article({ authorIds }) }));
    assert.equal(text(one(doc, "span.app-byline")), byline);
    assert.deepEqual(select(doc, "span.app-byline__name").map(text), names);
    // Names in a list entry are not links: the entry's one link is its title.
    assert.equal(select(doc, "a").length, 1);
  });
}

const fieldCases: Array<{ name: string; overrides: Parameters<typeof article>[0]; type: string; date: string; datetime: string }> = [
  {
    name: "a press release in winter (GMT)",
    overrides: { type: "press release", date: "2026-01-05T00:30:00Z" },
    type: "Press release",
    date: "5 January 2026",
    datetime: "2026-01-05T00:30:00Z",
  },
  {
    name: "late evening UTC is the next day in London (BST)",
    overrides: { type: "analysis", date: "2026-06-30T23:30:00Z" },
    type: "Analysis",
    date: "1 July 2026",
    datetime: "2026-06-30T23:30:00Z",
  },
];
for (const { name, overrides, type, date, datetime } of fieldCases) {
  test(`article-summary: ${name}`, () => {
    const doc = parseHtml(renderComponent("article-summary", { article: article(overrides) }));
    assert.equal(text(one(doc, "p.app-article-summary__type")), type);
    const time = one(doc, "time");
    assert.equal(time.attribs.datetime, datetime);
    assert.equal(text(time), date);
  });
}

test("article-summary: values from the item are escaped, in text and in attributes", () => {
  const html = renderComponent("article-summary", {
    article: article({
      title: `<script>alert("title")</script>`,
      description: `Fish & chips <img src=x onerror=alert(1)>`,
      url: `/news/a"onmouseover="alert(1)/`,
      authorIds: ["hostile"],
    }),
  });
  assert.ok(html.includes(`&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;`), html);
  assert.ok(html.includes(`href="/news/a&quot;onmouseover=&quot;alert(1)/"`), html);
  const doc = parseHtml(html);
  assert.deepEqual([...new Set(tagNames(doc))].sort(), ["a", "h2", "li", "p", "span", "time"]);
  assert.equal(text(one(doc, "a")), `<script>alert("title")</script>`);
  assert.equal(one(doc, "a").attribs.href, `/news/a"onmouseover="alert(1)/`);
  assert.equal(text(one(doc, "p.app-article-summary__standfirst")), "Fish & chips <img src=x onerror=alert(1)>");
  assert.equal(text(one(doc, "span.app-byline__name")), `<script>alert("name")</script>`);
});
