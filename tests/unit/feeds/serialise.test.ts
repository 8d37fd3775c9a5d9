// RSS, Atom and JSON Feed from one model, including hostile text, checked by a real parser and an XML validator.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { toRss } from "../../../lib/feeds/rss.ts";
import { toAtom } from "../../../lib/feeds/atom.ts";
import { toJsonFeed } from "../../../lib/feeds/json-feed.ts";
import { rfc822, type Feed, type FeedItem } from "../../../lib/feeds/model.ts";
import { xmlText } from "../../../lib/feeds/xml.ts";

// Everything that has broken feeds somewhere: markup, entities, CDATA end, quotes, emoji, RTL, C0 controls.
const HOSTILE = `AI & <script>alert("x")</script> ]]> 'quotes' “curly” 😀 שלום عربى \u0007bell\u0000nul\u001btab\tend`;
const VISIBLE = HOSTILE.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");

const item = (n: number, extra: Partial<FeedItem> = {}): FeedItem => ({
  id: `https://news.example.gov.uk/news/item-${n}/`,
  title: `Item ${n}`,
  link: `https://news.example.gov.uk/news/item-${n}/`,
  summary: `Standfirst ${n}.`,
  contentHtml: `<p>Body ${n} with <a href="https://news.example.gov.uk/">a link</a>.</p>`,
  published: `2026-0${n}-10T09:00:00+01:00`,
  updated: `2026-0${n}-10T09:00:00+01:00`,
  authors: [{ name: "Ada Lovelace", url: "https://news.example.gov.uk/authors/ada/" }],
  categories: ["AI", "Data"],
  type: "news",
  ...extra,
});

const FEED: Feed = {
  title: `Site ${HOSTILE}`,
  description: "About the site.",
  link: "https://news.example.gov.uk/",
  self: "https://news.example.gov.uk/feed.xml",
  language: "en-GB",
  copyright: "© Crown copyright",
  logo: "https://news.example.gov.uk/images/logo.png",
  updated: "2026-05-10T09:00:00+01:00",
  items: [
    item(5, {
      title: HOSTILE,
      summary: HOSTILE,
      contentHtml: `<p>${HOSTILE.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
      authors: [{ name: HOSTILE }, { name: "Second Author" }],
      categories: [HOSTILE, "Plain"],
      updated: "2026-06-01T10:00:00+01:00",
      image: { url: "https://news.example.gov.uk/images/a.png", alt: `Alt ${HOSTILE}`, credit: "GOV.UK", licence: "OGL v3.0", type: "image/png" },
    }),
    item(3),
  ],
};

test("xmlText removes only characters XML 1.0 forbids", () => {
  assert.equal(xmlText("a\u0000b\u0007c\u001fd\te\nf\rg\uFFFEh\uFFFF"), "abcd\te\nf\rgh");
  assert.equal(xmlText("😀 שלום"), "😀 שלום");
  assert.equal(xmlText("lone \uD800 surrogate \uDC00"), "lone  surrogate ");
});

for (const [name, xml] of [
  ["RSS", toRss(FEED)],
  ["Atom", toAtom(FEED)],
] as const) {
  test(`${name}: well-formed XML even with hostile text`, () => {
    assert.equal(XMLValidator.validate(xml), true);
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml));
  });

  test(`${name}: a real parser reads back the same visible text`, () => {
    const feed = parseFeed(xml);
    assert.equal(feed.title, `Site ${VISIBLE}`);
    assert.equal(feed.items.length, 2);
    const [first, second] = feed.items;
    assert.equal(first!.title, VISIBLE);
    assert.equal(first!.id, "https://news.example.gov.uk/news/item-5/");
    assert.equal(first!.url, "https://news.example.gov.uk/news/item-5/");
    assert.deepEqual(
      first!.authors.map((a) => a.name),
      [VISIBLE, "Second Author"],
    );
    // Atom puts categories in attributes, where a tab is normalised to a space.
    const term = name === "Atom" ? VISIBLE.replace(/\t/g, " ") : VISIBLE;
    assert.deepEqual(
      first!.categories.map((c) => c.term),
      [term, "Plain"],
    );
    // This parser decodes the HTML's entities too, so compare the visible text; the escaping itself is
    // checked on the raw XML below (the HTML's &lt; is escaped again as &amp;lt;).
    assert.ok(first!.content?.includes(VISIBLE), first!.content ?? "");
    assert.ok(xml.includes('&amp;lt;script&gt;alert("x")&amp;lt;/script&gt; ]]&gt;'));
    assert.equal(new Date(first!.published!).toISOString(), "2026-05-10T08:00:00.000Z");
    assert.equal(second!.title, "Item 3");
  });
}

test("RSS: channel and item fields", () => {
  const xml = toRss(FEED);
  const feed = parseFeed(xml);
  assert.deepEqual(feed.meta, { type: "rss", version: "2.0" });
  assert.equal(feed.language, "en-GB");
  assert.equal(feed.copyright, "© Crown copyright");
  assert.equal(feed.self, "https://news.example.gov.uk/feed.xml");
  assert.equal(feed.image?.url, "https://news.example.gov.uk/images/logo.png");
  assert.match(xml, /<lastBuildDate>Sun, 10 May 2026 09:00:00 \+0100<\/lastBuildDate>/);
  assert.match(xml, /<guid isPermaLink="true">https:\/\/news.example.gov.uk\/news\/item-5\/<\/guid>/);
  assert.match(xml, /<description>Standfirst 3.<\/description>/);
  assert.match(xml, /<media:content url="https:\/\/news.example.gov.uk\/images\/a.png" medium="image" type="image\/png">/);
  assert.match(xml, /<media:description>Alt AI &amp; &lt;script&gt;/);
  assert.match(xml, /<\?xml-stylesheet type="text\/xsl" href="\/feed.xsl"\?>/);
  assert.equal(feed.items[0]!.media[0]?.url, "https://news.example.gov.uk/images/a.png");
});

test("RSS: a pinned id that is not the URL is not a permalink", () => {
  const xml = toRss({ ...FEED, items: [item(4, { id: "tag:news.example.gov.uk,2026:item-4" })] });
  assert.match(xml, /<guid isPermaLink="false">tag:news.example.gov.uk,2026:item-4<\/guid>/);
  assert.equal(parseFeed(xml).items[0]!.id, "tag:news.example.gov.uk,2026:item-4");
});

test("Atom: published and updated per entry, feed updated is the newest change", () => {
  const feed = parseFeed(toAtom(FEED));
  assert.deepEqual(feed.meta, { type: "atom", version: "1.0" });
  assert.equal(new Date(feed.items[0]!.published!).toISOString(), "2026-05-10T08:00:00.000Z");
  assert.equal(new Date(feed.items[0]!.updated!).toISOString(), "2026-06-01T09:00:00.000Z");
  assert.equal(new Date(feed.updated!).toISOString(), "2026-06-01T09:00:00.000Z");
});

test("JSON Feed 1.1: required fields, hostile text survives as data", () => {
  const json = JSON.parse(toJsonFeed(FEED));
  assert.equal(json.version, "https://jsonfeed.org/version/1.1");
  assert.equal(json.title, `Site ${VISIBLE}`);
  assert.equal(json.feed_url, "https://news.example.gov.uk/feed.xml");
  for (const i of json.items) {
    assert.equal(typeof i.id, "string");
    assert.ok(typeof i.content_html === "string" || typeof i.content_text === "string");
  }
  assert.equal(json.items[0].title, VISIBLE);
  assert.equal(json.items[0].date_modified, "2026-06-01T10:00:00+01:00");
  assert.deepEqual(json.items[0].tags, [VISIBLE, "Plain"]);
});

const rfcCases: Array<[string, string]> = [
  ["2026-08-17T09:30:00+01:00", "Mon, 17 Aug 2026 09:30:00 +0100"],
  ["2026-01-05T09:30:00Z", "Mon, 05 Jan 2026 09:30:00 +0000"],
  // Clock changes: the offset is London's on that instant.
  ["2026-03-29T00:30:00Z", "Sun, 29 Mar 2026 00:30:00 +0000"],
  ["2026-03-29T01:30:00Z", "Sun, 29 Mar 2026 02:30:00 +0100"],
  ["2026-10-25T00:30:00Z", "Sun, 25 Oct 2026 01:30:00 +0100"],
  ["2026-10-25T01:30:00Z", "Sun, 25 Oct 2026 01:30:00 +0000"],
];
for (const [iso, expected] of rfcCases) test(`rfc822(${iso})`, () => assert.equal(rfc822(iso), expected));
