import { test } from "node:test";
import assert from "node:assert/strict";
import { feedItem, buildFeed, mimeTypeOf } from "../../../lib/feeds/model.ts";
import { buildCatalogue, feedsForArticle } from "../../../lib/feeds/catalogue.ts";
import type { Article, Author, Model } from "../../../lib/content/model.ts";
import type { SiteData } from "../../../lib/content/schema.ts";

const SITE: SiteData = {
  title: "News",
  description: "About.",
  url: "https://news.example.gov.uk",
  language: "en-GB",
  organisation: { name: "Dept", url: "https://dept.example.gov.uk" },
  copyright: "© Dept",
  licence: { name: "OGL", url: "https://ogl.example" },
  perPage: 20,
  feedSize: 2,
  govukBranding: false,
  logo: "/images/logo.png",
};
const ADA: Author = { id: "ada", name: "Ada", role: "R", organisation: "O", file: "a.md", bio: "B" };

const article = (slug: string, over: Partial<Article> = {}): Article => ({
  slug,
  file: `content/news/${slug}.md`,
  url: `/news/${slug}/`,
  title: `Title ${slug}`,
  description: "S.",
  type: "analysis",
  date: "2026-08-17T09:30:00+01:00",
  dateMs: Date.parse("2026-08-17T09:30:00+01:00"),
  changes: [],
  authorIds: ["ada"],
  tags: [{ slug: "ai", label: "AI" }],
  state: "published",
  body: "",
  ...over,
});
const MODEL = { site: SITE, authors: new Map([["ada", ADA]]) };

test("the id stays the same when the title changes", () => {
  const before = feedItem(article("council-ai"), "<p/>", MODEL);
  const after = feedItem(article("council-ai", { title: "A better headline" }), "<p/>", MODEL);
  assert.equal(before.id, "https://news.example.gov.uk/news/council-ai/");
  assert.equal(after.id, before.id);
});

test("a pinned id wins over the URL", () => {
  assert.equal(feedItem(article("x", { id: "tag:news.example.gov.uk,2020:x" }), "", MODEL).id, "tag:news.example.gov.uk,2020:x");
});

test("no authors: the organisation is the creator", () => {
  assert.deepEqual(feedItem(article("x", { authorIds: [] }), "", MODEL).authors, [{ name: "Dept", url: "https://dept.example.gov.uk" }]);
});

test("updated is the newest change note, else the publication date", () => {
  assert.equal(feedItem(article("x"), "", MODEL).updated, "2026-08-17T09:30:00+01:00");
  assert.equal(feedItem(article("x", { updated: "2026-09-01T10:00:00+01:00" }), "", MODEL).updated, "2026-09-01T10:00:00+01:00");
});

test("content links and images are made absolute against the item's URL", () => {
  const item = feedItem(article("x"), '<p><a href="/tags/ai/">AI</a> <img src="chart.png" alt=""></p>', MODEL);
  assert.equal(item.contentHtml, '<p><a href="https://news.example.gov.uk/tags/ai/">AI</a> <img src="https://news.example.gov.uk/news/x/chart.png" alt=""></p>');
});

test("buildFeed cuts to the feed size and dates the channel by its newest item, not the clock", () => {
  const items = [article("c", { date: "2026-03-01T09:00:00Z" }), article("b", { date: "2026-02-01T09:00:00Z" }), article("a", { date: "2026-01-01T09:00:00Z" })];
  const feed = buildFeed({ path: "/feed.xml", page: "/", title: "T", description: "D", articles: items }, MODEL, () => "");
  assert.deepEqual(
    feed.items.map((i) => i.title),
    ["Title c", "Title b"],
  );
  assert.equal(feed.updated, "2026-03-01T09:00:00Z");
  assert.equal(feed.self, "https://news.example.gov.uk/feed.xml");
  assert.equal(feed.logo, "https://news.example.gov.uk/images/logo.png");
  assert.equal(buildFeed({ path: "/f.xml", page: "/", title: "T", description: "D", articles: [] }, MODEL, () => "").updated, undefined);
});

const mimeCases: Array<[string, string | undefined]> = [
  ["/a.png", "image/png"],
  ["/a.JPG", "image/jpeg"],
  ["/a.svg?v=1", "image/svg+xml"],
  ["/a", undefined],
];
for (const [src, expected] of mimeCases) test(`mimeTypeOf(${src})`, () => assert.equal(mimeTypeOf(src), expected));

test("catalogue: a feed for the site, each used type, each tag and each author, with distinct titles", () => {
  const a = article("a"),
    b = article("b", { type: "press release", authorIds: [], tags: [] });
  const model: Pick<Model, "site" | "published" | "tags" | "authors" | "authorArticles"> = {
    site: SITE,
    published: [a, b],
    tags: [{ slug: "ai", label: "AI", articles: [a] }],
    authors: new Map([["ada", ADA]]),
    authorArticles: new Map([["ada", [a]]]),
  };
  const c = buildCatalogue(model);
  const all = [c.site, ...c.types, ...c.tags, ...c.authors];
  assert.deepEqual(
    all.map((e) => e.path),
    ["/feed.xml", "/types/analysis/feed.xml", "/types/press-release/feed.xml", "/tags/ai/feed.xml", "/authors/ada/feed.xml"],
  );
  assert.equal(new Set(all.map((e) => e.title)).size, all.length);
  assert.deepEqual(
    feedsForArticle(c, a).map((e) => e.key),
    ["site", "type:analysis", "tag:ai", "author:ada"],
  );
  assert.deepEqual(
    feedsForArticle(c, b).map((e) => e.key),
    ["site", "type:press-release"],
  );
  assert.deepEqual(
    c.types.map((t) => t.label),
    ["Analysis", "Press releases"],
  );
});
