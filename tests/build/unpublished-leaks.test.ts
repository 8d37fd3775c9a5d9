// Nothing a draft, embargoed or withdrawn item contains reaches any output of production, nor any output of a
// deploy preview other than its own page and the preview's lists: every file is read, images and file names too.
// A withdrawn item keeps its own page (a notice, noindex) and the images it shows, in both, and nothing else.
// Every secret in tests/fixtures/leaks starts with "Secret" (title, standfirst, body, tags, image text, change
// note, an old name in `aliases`, an author whose only item is a draft, and the images only those items use).
// The search index (/search-index/) is read decompressed: its fragments, filters and word index are gzip files.
// /build.json gives the embargoed item's time, which is all the scheduled-publish workflow needs, and nothing
// that names it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { buildSite } from "../../scripts/build-site.ts";
import { svgShareFingerprint } from "../../lib/eleventy/images.ts";

const CONTENT = "tests/fixtures/leaks";
const NOW = "2026-11-20T12:00:00Z";
const SECRET = /secret/i;
/**
 * The withdrawn item's page and lead image, and the redirect from its old name to its page: the only files that
 * may name it, in production and previews (the rules in _redirects are checked below, word for word).
 */
const WITHDRAWN_OWN = new Set(["news/secretwithdrawn-item/index.html", "images/secretwithdrawn-lead.svg", "_redirects"]);
let production: string;
let preview: string;
/** What the production build printed. */
let productionLog: string;

/** Every file under `root`, as paths relative to it ("news/x/index.html"), sorted. */
function files(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** A file's text; the search index's compressed files decompressed, so that their words are read too. */
const read = (root: string, file: string) => {
  const bytes = fs.readFileSync(path.join(root, file));
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzip ? zlib.gunzipSync(bytes) : bytes).toString("latin1");
};
/** The search index's pages: each fragment's URL and text, decompressed. */
function searchFragments(root: string): Array<{ url: string; content: string; meta: Record<string, string> }> {
  return files(root)
    .filter((file) => file.startsWith("search-index/fragment/"))
    .map((file) => JSON.parse(read(root, file).replace(/^pagefind_dcd/, "")));
}
const isMachineReadable = (file: string) => /\.(xml|atom|json|opml|txt|xsl)$/.test(file) || file === "_redirects";

before(() => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-leaks-"));
  production = path.join(parent, "production");
  preview = path.join(parent, "preview");
  for (const [output, isPreview] of [
    [production, false],
    [preview, true],
  ] as const) {
    const result = buildSite({ content: CONTENT, output, now: NOW, preview: isPreview });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    if (!isPreview) productionLog = result.stdout;
  }
});

test("production: no file, file name or image carries anything of an unpublished item", () => {
  const built = files(production);
  assert.ok(built.includes("news/published-one/index.html") && built.includes("images/public-lead.svg"), "the published item and its image are built");
  for (const file of built) {
    if (WITHDRAWN_OWN.has(file)) continue; // checked below
    assert.ok(!SECRET.test(file), `${file}: an unpublished item's file was published`);
    assert.ok(!SECRET.test(read(production, file)), `${file} carries text of an unpublished item`);
  }
});

test("production and preview: the news sitemap lists the recent published item only, the same in both", () => {
  // The draft is dated within the two days before now too; the older published items are outside them.
  const xml = read(production, "sitemap-news.xml");
  const locs = [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
  assert.deepEqual(locs, ["https://leaks.example.org/news/published-recent/"]);
  assert.equal(XMLValidator.validate(xml), true);
  const { urlset } = new XMLParser({ ignoreAttributes: false }).parse(xml);
  assert.equal(urlset["@_xmlns"], "http://www.sitemaps.org/schemas/sitemap/0.9");
  assert.equal(urlset["@_xmlns:news"], "http://www.google.com/schemas/sitemap-news/0.9");
  assert.deepEqual(urlset.url["news:news"], {
    "news:publication": { "news:name": "Leak test news", "news:language": "en" },
    "news:publication_date": "2026-11-19T09:00:00+00:00",
    "news:title": "A recent published item",
  });
  assert.equal(read(preview, "sitemap-news.xml"), xml);
  assert.match(read(production, "robots.txt"), /^Sitemap: https:\/\/leaks\.example\.org\/sitemap-news\.xml$/m);
});

test("production: the search index holds the published items and nothing else; a preview's index is production's", () => {
  const indexed = searchFragments(production);
  assert.deepEqual(indexed.map((page) => page.url).sort(), ["/news/published-one/", "/news/published-recent/", "/news/published-two/"]);
  assert.ok(
    indexed.every((page) => page.content.length > 0 && !SECRET.test(JSON.stringify(page))),
    "no fragment carries an unpublished item",
  );
  // The index files are read decompressed by the leak tests above and below.
  assert.ok(files(production).some((file) => file.startsWith("search-index/index/")));
  assert.match(read(production, files(production).find((file) => file.startsWith("search-index/fragment/"))!), /^pagefind_dcd\{/);
  // Drafts and embargoed items shown in a preview are not marked for search, so its index is production's.
  const index = files(production).filter((file) => file.startsWith("search-index/"));
  assert.deepEqual(
    files(preview).filter((file) => file.startsWith("search-index/")),
    index,
  );
  for (const file of index) assert.ok(fs.readFileSync(path.join(preview, file)).equals(fs.readFileSync(path.join(production, file))), `${file} differs in the preview`);
});

test("production and preview: a published or withdrawn item's alias is redirected, no other, the same in both", () => {
  // Each unpublished item has an alias with "secret" in it: the tests above and below find none in any other file.
  // The withdrawn item was public under its old name: that address leads to its kept page, as its own does.
  const expected = ["/news/published-one-old/ /news/published-one/ 301", "/news/secretwithdrawn-item-old-secretname/ /news/secretwithdrawn-item/ 301"];
  for (const root of [production, preview]) {
    const rules = read(root, "_redirects")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"));
    assert.deepEqual(rules, expected, root);
  }
});

// Pat Public's items: two published, and in a preview the draft and the embargoed item too; never the withdrawn one.
for (const [name, root, count] of [
  ["production", () => production, 2],
  ["preview", () => preview, 4],
] as const) {
  test(`${name}: a withdrawn item keeps its page, with the notice, noindex, its dates and body, and nothing more`, () => {
    const built = files(root());
    assert.ok(
      [...WITHDRAWN_OWN].every((f) => built.includes(f)),
      "the withdrawn page and its lead image are built",
    );
    const page = read(root(), "news/secretwithdrawn-item/index.html");
    // Notice above the headline: the type in words, the UK date, the reason (escaped like every text).
    const notice = page.indexOf("This opinion piece was withdrawn on");
    assert.ok(notice > 0 && notice < page.indexOf("<h1"), "the notice comes before the headline");
    assert.match(page, /This opinion piece was withdrawn on <time datetime="2026-09-14T10:00:00\+01:00">14 September 2026<\/time>/);
    assert.match(page, /Secretwithdrawn reason: the open data figures were wrong\./);
    assert.match(page, /class="govuk-notification-banner app-withdrawn-notice" role="region"/);
    assert.equal(page.match(/<meta name="robots" content="noindex">/g)?.length, 1, "noindex, once");
    assert.match(page, /<time datetime="2026-08-01T09:00:00\+01:00">1 August 2026<\/time>/, "the original publication date");
    assert.match(page, /Secretwithdrawn body about open data\./);
    assert.match(page, /Last updated:<\/dt><dd><time datetime="2026-08-02T09:00:00\+01:00">2 August 2026/);
    assert.match(page, /Updates to this page[\s\S]*Secretwithdrawn correction\.[\s\S]*First published\./);
    assert.match(page, /src="\/images\/secretwithdrawn-lead\.svg"/);
    // Nothing for machines, and no link to a list that leaves it out (its topic, type and author lists).
    assert.ok(!page.includes("application/ld+json"), "no structured data");
    const article = page.slice(page.indexOf("<article"), page.indexOf("</article>"));
    assert.ok(!article.includes("href="), "no topic, type, author or related link in the article");
    assert.ok(!/Related|About the author/.test(page), "no related list, no author bios");
    // Counts leave it out.
    assert.match(read(root(), "authors/index.html"), new RegExp(`href="/authors/pat-public/">Pat Public</a>[\\s\\S]*?<p class="govuk-body-s app-count">${count} items</p>`));
    // Other unpublished items never show on it.
    assert.ok(!/secret(draft|embargo)/i.test(page));
    // And no other file names it: lists, feeds, sitemap, OPML, related lists, author and topic pages.
    for (const file of built) {
      if (WITHDRAWN_OWN.has(file)) continue;
      assert.ok(!/secretwithdrawn/i.test(file + read(root(), file)), `${file} carries the withdrawn item`);
    }
  });
}

test("production: an author whose only item is a draft has no page, feed, listing or photo", () => {
  const built = files(production);
  assert.ok(!built.some((f) => f.startsWith("authors/secretdraftauthor/")));
  assert.ok(built.includes("authors/pat-public/index.html") && built.includes("authors/pat-public/feed.xml"));
  assert.ok(built.includes("images/authors/public-photo.svg"));
  assert.ok(!built.includes("images/authors/secretdraftauthor-photo.svg"));
});

test("preview: every feed, sitemap, OPML file, redirect and robots rule is the production one, byte for byte", () => {
  const machine = files(production).filter(isMachineReadable);
  assert.ok(machine.length >= 8, machine.join(", "));
  assert.deepEqual(
    files(preview)
      .filter(isMachineReadable)
      .filter((f) => f !== "robots.txt"),
    machine.filter((f) => f !== "robots.txt"),
  );
  for (const file of machine) {
    if (file === "robots.txt") continue;
    assert.equal(read(preview, file), read(production, file), `${file} differs in the preview`);
  }
  // A preview is never indexed.
  assert.equal(read(preview, "robots.txt"), "User-agent: *\nDisallow: /\n");
});

test("preview: drafts and embargoed items show on their own pages and in the lists only; withdrawn items on their own page only", () => {
  const own = new Set(["news/secretdraft-item/index.html", "news/secretembargo-item/index.html"]);
  // List pages: home, topics, types and authors (with their pagination), and the indexes of topics and authors.
  const isList = (file: string) => /^(index\.html|page\/\d+\/index\.html|(tags|types|authors|archive)\/([^/]+\/)?(page\/\d+\/)?index\.html)$/.test(file);
  const built = files(preview);
  assert.ok(
    [...own].every((f) => built.includes(f)),
    "the preview builds the unpublished items' pages",
  );
  for (const file of built) {
    const text = read(preview, file);
    if (WITHDRAWN_OWN.has(file)) continue; // its own test above
    if (own.has(file) || isList(file)) {
      // Even there, never in structured data.
      for (const [, json] of text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        assert.ok(!SECRET.test(json!), `${file}: structured data carries an unpublished item`);
      }
      continue;
    }
    if (file.startsWith("images/")) continue; // checked below
    assert.ok(!SECRET.test(text), `${file} carries text of an unpublished item`);
  }
  // The drafts' own pages need their images.
  assert.ok(built.includes("images/secretdraft-lead.svg"));
  // Other items' related lists never suggest an unpublished item.
  assert.ok(!SECRET.test(read(preview, "news/published-one/index.html")));
});

test("processed images (AVIF, WebP and fallbacks) are made only of images the build shows", () => {
  // The embargoed item's lead image and the chart in its body are the fixture's only raster images: production
  // makes nothing of them, a preview (which shows its page) makes their variants. Their names are fingerprints, so
  // the names alone prove nothing.
  const processed = (root: string) => files(root).filter((f) => /^assets\/hashed\/img-/.test(f));
  assert.deepEqual(processed(production), []);
  for (const file of files(production).filter((f) => f.endsWith(".html"))) assert.ok(!read(production, file).includes("/assets/hashed/img-"), `${file} names a processed image`);
  const inPreview = processed(preview);
  assert.ok(inPreview.length >= 3, `the preview's embargoed page needs its variants: ${inPreview.join(", ")}`);
  const page = read(preview, "news/secretembargo-item/index.html");
  for (const file of inPreview) assert.ok(page.includes(`/${file} `) || page.includes(`/${file}"`), `${file}: made but not on the page that shows it`);
  assert.match(
    page,
    /<picture><source type="image\/avif" [^>]*><source type="image\/webp" [^>]*><img src="\/assets\/hashed\/img-[0-9a-f]{16}-\d+\.png" [^>]*alt="Secretembargo body chart"/,
  );
});

test("share PNGs are drawn only of SVG lead images the build shows: never a draft's in production", () => {
  // Each is named by a fingerprint of its SVG's bytes (images.ts): the name the draft's lead image would have.
  const nameOf = (svg: string) => `assets/hashed/share-${svgShareFingerprint(fs.readFileSync(path.join(CONTENT, "images", svg)))}.png`;
  const shares = (root: string) => files(root).filter((f) => /^assets\/hashed\/share-/.test(f));
  const inProduction = shares(production);
  // The site's card, and the published and the withdrawn items' lead images (the withdrawn page is still shown).
  assert.equal(inProduction.length, 3, inProduction.join(", "));
  for (const svg of ["public-lead.svg", "secretwithdrawn-lead.svg"]) assert.ok(inProduction.includes(nameOf(svg)), svg);
  assert.ok(!inProduction.includes(nameOf("secretdraft-lead.svg")), "the draft's lead image was drawn in production");
  assert.ok(shares(preview).includes(nameOf("secretdraft-lead.svg")), "the preview shares the draft's lead image");
});

test("/build.json gives the build's now and the embargoed item's time only, never its slug or title", () => {
  // The embargoed item goes live at 2030-01-05T00:01:00Z; the draft's date is past and a draft is never scheduled.
  const expected = '{\n  "builtAt": "2026-11-20T12:00:00.000Z",\n  "nextScheduledAt": "2030-01-05T00:01:00.000Z"\n}\n';
  assert.equal(read(production, "build.json"), expected);
  // The same in a preview, which shows the item: what it publishes about the schedule is production's.
  assert.equal(read(preview, "build.json"), expected);
});

test("production: the build log names the next scheduled item and its time in UK time (the log is not the site)", () => {
  assert.match(
    productionLog,
    /^Next scheduled: 1 item goes live on Saturday 5 January 2030 at 00:01 UK time\n {2}"Secretembargo headline" \(tests\/fixtures\/leaks\/news\/secretembargo-item\.md\)$/m,
  );
});
