import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCatalogue, feedsForArticle, type CatalogueEntry } from "../../../lib/feeds/catalogue.ts";
import { AUTHORS, SITE, article, one, parseHtml, renderComponent, select, text } from "./render.ts";

// The feeds an article's box lists, as the govnewsFeedsFor filter finds them in the site's feed catalogue.
const ITEM = article({ type: "analysis", tags: [{ slug: "cloud", label: "Cloud" }], authorIds: ["gareth-pryce", "nadia-qureshi"] });
const OTHER = article({ slug: "other", type: "news", authorIds: ["eleanor-achebe"], tags: [] });
const CATALOGUE = buildCatalogue({
  site: SITE,
  published: [ITEM, OTHER],
  tags: [{ slug: "cloud", label: "Cloud", articles: [ITEM] }],
  authors: AUTHORS,
  authorArticles: new Map([
    ["gareth-pryce", [ITEM]],
    ["nadia-qureshi", [ITEM]],
    ["eleanor-achebe", [OTHER]],
  ]),
});
const FEEDS = feedsForArticle(CATALOGUE, ITEM);

/** Each listed feed as "label (kind) → path", as a reader sees it. */
function feedLines(html: string): string[] {
  return select(one(parseHtml(html), "ul.govuk-list"), "li").map((li) => `${text(li)} → ${one(li, "a.govuk-link").attribs.href}`);
}

test("updates-box: the article's feeds, the site's first, each kind named (a tag is a topic)", () => {
  const html = renderComponent("updates-box", { feeds: FEEDS });
  const doc = parseHtml(html);
  const aside = one(doc, "aside.app-updates-box");
  assert.equal(aside.attribs["aria-labelledby"], "updates-box-heading");
  assert.equal(text(one(aside, "h2.govuk-heading-m#updates-box-heading")), "Register for updates");
  assert.deepEqual(feedLines(html), [
    "All news → /feed.xml",
    "Analysis (type) → /types/analysis/feed.xml",
    "Cloud (topic) → /tags/cloud/feed.xml",
    "Gareth Pryce (author) → /authors/gareth-pryce/feed.xml",
    "Nadia Qureshi (author) → /authors/nadia-qureshi/feed.xml",
  ]);
  assert.equal(select(aside, "span.app-updates-box__kind").length, 4, "the site feed has no kind");
  const last = select(aside, "p.govuk-body").at(-1)!;
  assert.equal(one(last, "a").attribs.href, "/subscribe/");
  assert.equal(text(last), "All the ways to get updates");
});

const alertCases: Array<{ name: string; alerts?: object; link?: [string, string] }> = [
  { name: "no email alerts: no sign-up link", alerts: undefined },
  { name: "email alerts, default text", alerts: { signupUrl: "https://alerts.example.gov.uk/signup" }, link: ["Sign up for email alerts", "https://alerts.example.gov.uk/signup"] },
  {
    name: "email alerts, the site's text",
    alerts: { signupUrl: "https://alerts.example.gov.uk/signup", text: "Get emails from Gov Tech News" },
    link: ["Get emails from Gov Tech News", "https://alerts.example.gov.uk/signup"],
  },
];
for (const { name, alerts, link } of alertCases) {
  test(`updates-box: ${name}`, () => {
    const doc = parseHtml(renderComponent("updates-box", { feeds: FEEDS.slice(0, 1), alerts }));
    const links = select(doc, "p.govuk-body a").map((a) => [text(a), a.attribs.href]);
    assert.deepEqual(links, [...(link ? [link] : []), ["All the ways to get updates", "/subscribe/"]]);
  });
}

test("updates-box: one feed (an item with no topics or authors still has the site and type feeds)", () => {
  const feeds = feedsForArticle(CATALOGUE, OTHER);
  assert.deepEqual(feedLines(renderComponent("updates-box", { feeds })), [
    "All news → /feed.xml",
    "News (type) → /types/news/feed.xml",
    "Eleanor Achebe (author) → /authors/eleanor-achebe/feed.xml",
  ]);
  assert.deepEqual(feedLines(renderComponent("updates-box", { feeds: feeds.slice(0, 1) })), ["All news → /feed.xml"]);
});

test("updates-box: feed labels and paths and the alert text are escaped", () => {
  const hostile: Pick<CatalogueEntry, "kind" | "label" | "path"> = { kind: "tag", label: "<script>alert(1)</script>", path: `/tags/x/feed.xml" onclick="alert(2)` };
  const html = renderComponent("updates-box", { feeds: [hostile], alerts: { signupUrl: `https://a.example/"><b>`, text: "<b>Sign up</b>" } });
  const doc = parseHtml(html);
  assert.equal(select(doc, "script").length + select(doc, "b").length, 0, html);
  const feed = one(doc, "ul a");
  assert.equal(text(feed), "<script>alert(1)</script>");
  assert.equal(feed.attribs.href, `/tags/x/feed.xml" onclick="alert(2)`);
  assert.equal(feed.attribs.onclick, undefined);
  assert.equal(text(select(doc, "p.govuk-body a")[0]!), "<b>Sign up</b>");
});
