// The Google News sitemap: which items (the two days before now), the language code Google wants, and the XML
// shape (namespaces, publication, date, title), hostile titles included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { newsLanguage, recentItems, toNewsSitemap, NEWS_SITEMAP_LIMIT } from "../../../lib/feeds/news-sitemap.ts";

const NOW = Date.parse("2026-11-20T12:00:00Z");
const HOUR = 60 * 60 * 1000;
const at = (hoursAgo: number, slug = `h${hoursAgo}`) => ({ slug, dateMs: NOW - hoursAgo * HOUR });

test("newsLanguage: ISO 639 codes, and zh-cn or zh-tw for Chinese", () => {
  for (const [tag, expected] of [
    ["en-GB", "en"],
    ["en", "en"],
    ["cy-GB", "cy"],
    ["gd", "gd"],
    ["zh-TW", "zh-tw"],
    ["zh-Hant", "zh-tw"],
    ["zh-CN", "zh-cn"],
    ["zh", "zh-cn"],
  ]) {
    assert.equal(newsLanguage(tag!), expected, tag);
  }
});

test("recentItems: published in the 48 hours up to now, in the order given; nothing after now", () => {
  const items = [at(-1), at(0), at(1), at(47), at(48), at(48.01), at(200)];
  assert.deepEqual(
    recentItems(items, NOW).map((a) => a.slug),
    ["h0", "h1", "h47", "h48"],
  );
  assert.deepEqual(recentItems([], NOW), []);
  const many = Array.from({ length: NEWS_SITEMAP_LIMIT + 5 }, (_, i) => at(0, `n${i}`));
  assert.equal(recentItems(many, NOW).length, NEWS_SITEMAP_LIMIT);
});

const HOSTILE = `AI & <script>alert("x")</script> ]]> 'quotes' “curly” \u0007bell`;

test("toNewsSitemap: valid XML in the sitemap and news namespaces, text escaped", () => {
  const xml = toNewsSitemap(
    [
      { url: "/news/two/", title: HOSTILE, date: "2026-11-20T09:00:00Z", dateMs: 0 },
      { url: "/news/one/", title: "One", date: "2026-11-19T09:00:00+01:00", dateMs: 0 },
    ],
    { url: "https://news.example.gov.uk", name: `Site <News> & Co`, language: "en-GB" },
  );
  assert.equal(XMLValidator.validate(xml), true);
  assert.ok(!xml.includes("<script>") && !xml.includes("\u0007"));
  assert.ok(xml.includes('<news:title>AI &amp; &lt;script&gt;alert("x")&lt;/script&gt; ]]&gt;'));
  const doc = new XMLParser({ ignoreAttributes: false, processEntities: true, isArray: (name) => name === "url" }).parse(xml);
  assert.equal(doc.urlset["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
  assert.equal(doc.urlset["@_xmlns:news"], "http://www.google.com/schemas/sitemap-news/0.9");
  const urls = doc.urlset.url;
  assert.equal(urls.length, 2);
  assert.equal(urls[0].loc, "https://news.example.gov.uk/news/two/");
  assert.deepEqual(urls[0]["news:news"], {
    "news:publication": { "news:name": "Site <News> & Co", "news:language": "en" },
    "news:publication_date": "2026-11-20T09:00:00Z",
    // Read back as written, less the control character XML forbids.
    "news:title": HOSTILE.replace("\u0007", ""),
  });
  assert.equal(urls[1]["news:news"]["news:publication_date"], "2026-11-19T09:00:00+01:00");
});

test("toNewsSitemap: with no recent items, an empty urlset that is still valid", () => {
  const xml = toNewsSitemap([], { url: "https://news.example.gov.uk", name: "Site", language: "en-GB" });
  assert.equal(XMLValidator.validate(xml), true);
  assert.match(xml, /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:news="http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9"\/>/);
});
