import { test } from "node:test";
import assert from "node:assert/strict";
import { article, componentEnvironment, listPage, one, parseHtml, renderComponent, select, text } from "./render.ts";

const ITEMS = [
  article({ slug: "councils-share-cloud-contracts", title: "Councils share cloud contracts" }),
  article({ slug: "nhs-app-adds-repeat-prescriptions", title: "NHS App adds repeat prescriptions", authorIds: ["gareth-pryce", "nadia-qureshi"] }),
];

/** What a pagination link shows: its number, or "…" for a gap; the current page marked with "*". */
function pageLinks(html: string): string[] {
  return select(parseHtml(html), "li.govuk-pagination__item").map((item) => {
    if ((item.attribs.class ?? "").includes("govuk-pagination__item--ellipsis")) return "…";
    const link = one(item, "a");
    return `${text(link)} ${link.attribs.href}${link.attribs["aria-current"] === "page" ? " *" : ""}`;
  });
}

const pagerCases: Array<{ name: string; page: ReturnType<typeof listPage>; baseUrl: string; links: string[]; previous?: string; next?: string }> = [
  { name: "home, page 1 of 3", page: listPage(ITEMS, 1, 3, "/"), baseUrl: "/", links: ["1 / *", "2 /page/2/", "3 /page/3/"], next: "/page/2/" },
  { name: "home, last page", page: listPage(ITEMS, 3, 3, "/"), baseUrl: "/", links: ["1 /", "2 /page/2/", "3 /page/3/ *"], previous: "/page/2/" },
  {
    name: "topic, page 5 of 9: gaps either side",
    page: listPage(ITEMS, 5, 9, "/tags/cloud/"),
    baseUrl: "/tags/cloud/",
    links: ["1 /tags/cloud/", "…", "4 /tags/cloud/page/4/", "5 /tags/cloud/page/5/ *", "6 /tags/cloud/page/6/", "…", "9 /tags/cloud/page/9/"],
    previous: "/tags/cloud/page/4/",
    next: "/tags/cloud/page/6/",
  },
  {
    name: "type, page 2 of 2",
    page: listPage(ITEMS, 2, 2, "/types/analysis/"),
    baseUrl: "/types/analysis/",
    links: ["1 /types/analysis/", "2 /types/analysis/page/2/ *"],
    previous: "/types/analysis/",
  },
];
for (const { name, page, baseUrl, links, previous, next } of pagerCases) {
  test(`paginated-list: ${name}`, () => {
    const html = renderComponent("paginated-list", { page, baseUrl, headingLevel: 2 });
    const doc = parseHtml(html);
    assert.deepEqual(select(one(doc, "ol.app-article-list"), "h2").map(text), ["Councils share cloud contracts", "NHS App adds repeat prescriptions"]);
    const nav = one(doc, "nav.govuk-pagination");
    assert.equal(nav.attribs["aria-label"], "Pagination");
    assert.deepEqual(pageLinks(html), links);
    assert.equal(select(nav, "div.govuk-pagination__prev").map((div) => one(div, "a").attribs.href)[0], previous);
    assert.equal(select(nav, "div.govuk-pagination__next").map((div) => one(div, "a").attribs.href)[0], next);
    // The list comes first, then the pagination, and the component ends at </nav>: the caller's line break follows.
    assert.ok(html.startsWith(`<ol class="app-article-list" role="list">`), html.slice(0, 80));
    assert.ok(html.includes(`</ol>\n\n<nav class="govuk-pagination"`), html);
    assert.ok(html.endsWith("</nav>"), html.slice(-40));
  });
}

const singlePageCases: Array<{ name: string; params: object; expected: string }> = [
  { name: "one page: the list alone", params: { page: listPage(ITEMS.slice(0, 1), 1, 1, "/"), baseUrl: "/", headingLevel: 2 }, expected: "list" },
  {
    name: "no items: the default empty text, no pagination",
    params: { page: listPage([], 1, 1, "/"), baseUrl: "/" },
    expected: `<p class="govuk-body">Nothing has been published yet.</p>\n`,
  },
  {
    name: "an author with no items: the caller's empty text",
    params: { page: listPage([], 1, 1, "/authors/gareth-pryce/"), baseUrl: "/authors/gareth-pryce/", headingLevel: 3, emptyText: "Nothing published yet." },
    expected: `<p class="govuk-body">Nothing published yet.</p>\n`,
  },
];
for (const { name, params, expected } of singlePageCases) {
  test(`paginated-list: ${name}`, () => {
    const html = renderComponent("paginated-list", params);
    const list = renderComponent("article-list", { articles: (params as { page: { items: unknown[] } }).page.items, headingLevel: 2 });
    assert.equal(html, expected === "list" ? list : expected);
    assert.equal(select(parseHtml(html), "nav").length, 0);
  });
}

test("paginated-list: author pages list entries at h3", () => {
  const doc = parseHtml(renderComponent("paginated-list", { page: listPage(ITEMS, 1, 2, "/authors/gareth-pryce/"), baseUrl: "/authors/gareth-pryce/", headingLevel: 3 }));
  assert.equal(select(doc, "h2").length, 0);
  assert.equal(select(doc, "h3.govuk-heading-m").length, 2);
  assert.equal(one(one(doc, "div.govuk-pagination__next"), "a").attribs.href, "/authors/gareth-pryce/page/2/");
});

// The layouts printed the list, then the pagination on the next line; the component must print the same bytes.
const LAYOUT_BEFORE = `    {% from "components/article-list/macro.njk" import appArticleList %}
    {{ appArticleList({ articles: listPage.items, headingLevel: level, emptyText: emptyText }) }}
    {% from "govuk/components/pagination/macro.njk" import govukPagination %}
    {% set pager = listPage | govnewsPagination(base) %}
    {% if pager %}{{ govukPagination(pager) }}{% endif %}
  </div>`;
const LAYOUT_AFTER = `    {% from "components/paginated-list/macro.njk" import appPaginatedList %}
    {{ appPaginatedList({ page: listPage, baseUrl: base, headingLevel: level, emptyText: emptyText }) }}
  </div>`;
const layoutCases = [
  { name: "home, page 2 of 4", listPage: listPage(ITEMS, 2, 4, "/"), base: "/", level: 2 },
  { name: "topic, one page", listPage: listPage(ITEMS, 1, 1, "/tags/cloud/"), base: "/tags/cloud/", level: 2 },
  { name: "author, no items", listPage: listPage([], 1, 1, "/authors/gareth-pryce/"), base: "/authors/gareth-pryce/", level: 3, emptyText: "Nothing published yet." },
];
for (const { name, ...context } of layoutCases) {
  test(`paginated-list: the same bytes as the block the layouts wrote out (${name})`, () => {
    const env = componentEnvironment();
    const after = env.renderString(LAYOUT_AFTER, context);
    assert.equal(after, env.renderString(LAYOUT_BEFORE, context));
    assert.ok(after.endsWith("\n  </div>"), after.slice(-30));
  });
}

test("paginated-list: item values are escaped", () => {
  const doc = parseHtml(renderComponent("paginated-list", { page: listPage([article({ title: `<script>alert(1)</script>` })], 1, 2, "/"), baseUrl: "/" }));
  assert.equal(select(doc, "script").length, 0);
  assert.equal(text(one(doc, "h2")), "<script>alert(1)</script>");
});
