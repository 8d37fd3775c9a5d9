// Every feed the fixture site builds, read by a real feed parser and checked field by field.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { buildSite } from "../../scripts/build-site.ts";
import { matchAll } from "./helpers.ts";

const SITE_URL = "https://fixture.example.org";
let out: string;
let rssFiles: string[];

const read = (rel: string) => fs.readFileSync(path.join(out, rel), "utf8");
/** The built file a site URL points at, if any. */
const builtFile = (url: string) => {
  const p = new URL(url).pathname;
  const file = path.join(out, p.endsWith("/") ? `${p}index.html` : p);
  return fs.existsSync(file) ? file : undefined;
};
const pageTitles = (rel: string) =>
  matchAll(read(rel), /app-article-summary__title">\s*<a class="govuk-link" href="[^"]+">([^<]*)<\/a>/g).map((t) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      // Characters above U+00FF are written as numeric references (lib/build/one-byte.ts).
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&amp;/g, "&"),
  );

before(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-feeds-"));
  const result = buildSite({ content: "tests/fixtures/site", output: out, now: "2026-11-20T12:00:00Z" });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  rssFiles = walk(out)
    .filter((f) => f.endsWith("/feed.xml"))
    .map((f) => path.relative(out, f))
    .sort();
});

test("one RSS feed for the site, every type, every topic and every author", () => {
  assert.deepEqual(rssFiles, [
    "authors/ada-hostile/feed.xml",
    "authors/ben-plain/feed.xml",
    "feed.xml",
    "tags/b-bold-b-tag/feed.xml",
    "tags/cyber-security/feed.xml",
    "tags/data/feed.xml",
    "tags/local-government/feed.xml",
    ...["analysis", "feature", "interview", "news", "opinion", "press-release"].map((t) => `types/${t}/feed.xml`),
  ]);
});

test("every RSS feed is well-formed and parses as RSS 2.0 with exactly its page's newest items", () => {
  for (const file of rssFiles) {
    const xml = read(file);
    assert.equal(XMLValidator.validate(xml), true, `${file} is not well-formed`);
    const feed = parseFeed(xml);
    assert.deepEqual(feed.meta, { type: "rss", version: "2.0" }, file);
    assert.equal(feed.language, "en-GB", file);
    assert.equal(feed.self, `${SITE_URL}/${file}`, file);
    assert.ok(feed.url && builtFile(feed.url), `${file}: channel link ${feed.url} is not a built page`);
    // The feed's items are the first items of the page it mirrors, in the same order (feed size 20).
    const page = path.relative(out, builtFile(feed.url!)!);
    assert.deepEqual(
      feed.items.map((i) => i.title),
      pageTitles(page).slice(0, 20),
      `${file} vs ${page}`,
    );
    const ids = feed.items.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length, `${file}: duplicate ids`);
    const times = feed.items.map((i) => new Date(i.published!).getTime());
    assert.ok(
      times.every((t) => !Number.isNaN(t)),
      `${file}: unparseable dates`,
    );
    assert.deepEqual(
      [...times].sort((a, b) => b - a),
      times,
      `${file}: not newest first`,
    );
    for (const item of feed.items) {
      assert.ok(item.url?.startsWith(`${SITE_URL}/news/`) && builtFile(item.url), `${file}: ${item.url} does not resolve`);
      assert.equal(item.id, item.url, `${file}: the id is the canonical URL`);
      assert.ok(item.authors.length >= 1, `${file}: ${item.title} has no creator`);
      assert.ok(item.content && item.description, `${file}: ${item.title} lacks content or description`);
    }
    // lastBuildDate is the newest item's date, not the clock.
    if (feed.items.length) assert.equal(new Date(feed.updated!).getTime(), times[0], `${file}: lastBuildDate`);
  }
});

test("the site feed holds the newest 20 items; items carry creators, categories, images and absolute links", () => {
  const feed = parseFeed(read("feed.xml"));
  assert.equal(feed.items.length, 20);
  const hostile = feed.items.find((i) => i.url === `${SITE_URL}/news/hostile-title/`)!;
  assert.deepEqual(
    hostile.authors.map((a) => a.name),
    [`Ada "<script>alert('name')</script>" Hostile`, "Ben Plain"],
  );
  assert.deepEqual(
    hostile.categories.map((c) => c.term),
    ["Cyber Security", "<b>Bold</b> tag"],
  );
  assert.equal(hostile.media[0]?.url, `${SITE_URL}/images/lead.svg`);
  assert.equal(hostile.description, "A standfirst with <script>alert(3)</script> & an ampersand.");
  assert.ok(hostile.content?.includes(`href="${SITE_URL}/"`), "links in content:encoded are absolute");
  const orgItem = feed.items.find((i) => i.url === `${SITE_URL}/news/item-21/`)!;
  assert.deepEqual(
    orgItem.authors.map((a) => a.name),
    ["Fixture Department"],
  );
  const xml = read("feed.xml");
  assert.match(xml, /<media:description>A blue square with a pale circle &lt;script&gt;<\/media:description>/);
  assert.match(xml, /<media:credit>GOV.UK<\/media:credit>/);
  assert.match(
    xml,
    /<copyright>© Fixture Department. Open Government Licence v3.0: https:\/\/www.nationalarchives.gov.uk\/doc\/open-government-licence\/version\/3\/<\/copyright>/,
  );
  assert.match(xml, /<\?xml-stylesheet type="text\/xsl" href="\/feed.xsl"\?>/);
});

test("hostile text (&, <, ]]>, quotes, emoji, right-to-left, control characters) gives well-formed feeds that read back the same", () => {
  const visible = `Feeds & <b>tags</b> ]]> "quoted" 😀 שלום bell`;
  for (const file of ["feed.xml", "feed.atom", "tags/data/feed.xml", "types/press-release/feed.xml", "authors/ben-plain/feed.xml"]) {
    const xml = read(file);
    assert.equal(XMLValidator.validate(xml), true, file);
    assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml), `${file} contains a control character`);
    const item = parseFeed(xml).items.find((i) => i.url === `${SITE_URL}/news/hostile-feed/`);
    assert.ok(item, `${file} lacks the hostile item`);
    assert.equal(item.title, visible, file);
    assert.ok(item.content?.includes("]]>") && item.content.includes("Control  char in the body."), file);
  }
  const json = JSON.parse(read("feed.json"));
  assert.equal(json.items.find((i: { url: string }) => i.url === `${SITE_URL}/news/hostile-feed/`).title, visible);
});

test("Atom site feed: published, and updated only from change notes with a note", () => {
  const xml = read("feed.atom");
  assert.equal(XMLValidator.validate(xml), true);
  const feed = parseFeed(xml);
  assert.deepEqual(feed.meta, { type: "atom", version: "1.0" });
  assert.equal(feed.items.length, 20);
  const changed = feed.items.find((i) => i.url === `${SITE_URL}/news/hostile-feed/`)!;
  assert.equal(new Date(changed.published!).toISOString(), "2026-03-29T00:30:00.000Z");
  assert.equal(new Date(changed.updated!).toISOString(), "2026-04-02T09:00:00.000Z");
  const unchanged = feed.items.find((i) => i.url === `${SITE_URL}/news/item-20/`)!;
  assert.equal(unchanged.updated?.getTime(), unchanged.published?.getTime());
  // A minor edit (a change without a note, 3 June) does not move an entry's updated date.
  const corrected = feed.items.find((i) => i.url === `${SITE_URL}/news/hostile-title/`)!;
  assert.equal(new Date(corrected.updated!).toISOString(), "2026-06-02T09:00:00.000Z");
});

test("JSON Feed 1.1 has its required fields", () => {
  const json = JSON.parse(read("feed.json"));
  assert.equal(json.version, "https://jsonfeed.org/version/1.1");
  assert.equal(typeof json.title, "string");
  assert.equal(json.feed_url, `${SITE_URL}/feed.json`);
  assert.equal(json.items.length, 20);
  for (const item of json.items) {
    assert.equal(typeof item.id, "string");
    assert.ok(typeof item.content_html === "string" && item.content_html.length > 0);
    assert.ok(!Number.isNaN(Date.parse(item.date_published)));
  }
});

test("drafts, embargoed and withdrawn items are absent from every feed and the OPML file", () => {
  const files = [...rssFiles, "feed.atom", "feed.json", "feeds.opml"];
  for (const file of files) {
    const text = read(file);
    for (const secret of ["SECRET", "draft-item", "embargoed-item", "withdrawn-item", "Draft only tag", "Embargo only tag"]) {
      assert.ok(!text.includes(secret), `${file} contains ${secret}`);
    }
  }
});

test("OPML lists every RSS feed once", () => {
  const opml = read("feeds.opml");
  assert.equal(XMLValidator.validate(opml), true);
  const urls = matchAll(opml, /xmlUrl="([^"]+)"/g).sort();
  assert.deepEqual(urls, rssFiles.map((f) => `${SITE_URL}/${f}`).sort());
});

test("autodiscovery: the site feed on every page, and the page's own feed on type, topic and author pages, with distinct titles", () => {
  const alternates = (rel: string) => matchAll(read(rel), /(<link rel="alternate" type="application\/rss\+xml"[^>]*>)/g);
  for (const page of ["index.html", "news/item-01/index.html", "tags/index.html", "subscribe/index.html", "404.html"]) {
    assert.deepEqual(alternates(page), ['<link rel="alternate" type="application/rss+xml" title="Fixture &lt;News&gt; &amp; Co (RSS)" href="/feed.xml">'], page);
  }
  for (const [page, own] of [
    ["tags/data/index.html", '<link rel="alternate" type="application/rss+xml" title="Fixture &lt;News&gt; &amp; Co: Data (topic)" href="/tags/data/feed.xml">'],
    [
      "authors/ben-plain/index.html",
      '<link rel="alternate" type="application/rss+xml" title="Fixture &lt;News&gt; &amp; Co: Ben Plain (author)" href="/authors/ben-plain/feed.xml">',
    ],
    ["types/analysis/index.html", '<link rel="alternate" type="application/rss+xml" title="Fixture &lt;News&gt; &amp; Co: Analysis" href="/types/analysis/feed.xml">'],
  ]) {
    assert.equal(alternates(page!).length, 2, page);
    assert.equal(alternates(page!)[1], own, page);
  }
});

test("the sitemap lists every built page but the 404 page and withdrawn items' pages (noindex), and nothing unpublished", () => {
  const xml = read("sitemap.xml");
  assert.equal(XMLValidator.validate(xml), true);
  const locs = matchAll(xml, /<loc>([^<]+)<\/loc>/g)
    .map((u) => new URL(u).pathname)
    .sort();
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const pages = walk(out)
    .filter((f) => f.endsWith(".html") && !f.endsWith("404.html") && !f.includes("withdrawn-item"))
    .map((f) => "/" + path.relative(out, f).replace(/index\.html$/, ""))
    .sort();
  assert.deepEqual(locs, pages);
  assert.ok(fs.existsSync(path.join(out, "news/withdrawn-item/index.html")), "the withdrawn item's page is built");
  // The newest fixture item is months before the build's now: a valid news sitemap with no entries.
  const news = read("sitemap-news.xml");
  assert.equal(XMLValidator.validate(news), true);
  assert.ok(!news.includes("<url>"), news);
  assert.equal(read("robots.txt"), `User-agent: *\nDisallow:\nSitemap: ${SITE_URL}/sitemap.xml\nSitemap: ${SITE_URL}/sitemap-news.xml\n`);
});
