// In-memory builds of the fixture content: pages, order, pagination, tags, escaping and publication state.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { buildInMemory, pageAt, matchAll, type BuiltPage } from "./helpers.ts";

const NOW = "2026-11-20T12:00:00Z";
let pages: BuiltPage[];

before(async () => {
  pages = await buildInMemory("tests/fixtures/site", { GOVNEWS_NOW: NOW });
});

const listTitles = (html: string) => matchAll(html, /app-article-summary__title">\s*<a class="govuk-link" href="[^"]+">([^<]*)<\/a>/g);

test("builds exactly the expected pages", () => {
  const urls = pages
    .map((p) => p.url)
    .filter((u): u is string => (typeof u === "string" && u.endsWith("/")) || String(u).endsWith(".html"))
    .sort();
  const items = Array.from({ length: 24 }, (_, i) => `/news/item-${String(i + 1).padStart(2, "0")}/`);
  assert.deepEqual(
    urls,
    [
      "/",
      "/404.html",
      "/accessibility/",
      "/archive/",
      "/archive/2026/",
      "/archive/2026/page/2/",
      "/authors/",
      "/authors/ada-hostile/",
      "/authors/ben-plain/",
      "/news/hostile-feed/",
      "/news/hostile-title/",
      ...items,
      "/news/withdrawn-item/",
      "/page/2/",
      "/tags/",
      "/tags/b-bold-b-tag/",
      "/tags/cyber-security/",
      "/tags/data/",
      "/tags/local-government/",
      "/search/",
      "/subscribe/",
      "/cookies/",
      ...["analysis", "feature", "interview", "news", "opinion", "press-release"].map((t) => `/types/${t}/`),
    ].sort(),
  );
});

test("drafts, embargoed and withdrawn items leak into no output; a withdrawn item keeps its own page only", () => {
  for (const page of pages) {
    // The withdrawn item's own page: its text, and nothing of any other unpublished item, nor its topic.
    // And _redirects, where its old address leads to that page (tests/build/redirects.test.ts checks the rules).
    const content =
      page.url === "/news/withdrawn-item/" || page.url === "/_redirects" ? page.content.replaceAll("SECRET WITHDRAWN", "").replaceAll("withdrawn-item", "") : page.content;
    for (const secret of ["SECRET", "Draft only tag", "Embargo only tag", "Withdrawn only tag", "draft-item", "embargoed-item", "withdrawn-item"]) {
      assert.ok(!content.includes(secret), `${page.url} contains ${secret}`);
    }
  }
});

test("home page: 20 newest first, then page 2 with the rest, slug breaks date ties", () => {
  const first = listTitles(pageAt(pages, "/").content);
  const second = listTitles(pageAt(pages, "/page/2/").content);
  assert.equal(first.length, 20);
  assert.equal(second.length, 6);
  // The hostile item is the newest; item-23 and item-24 share a date: slug order puts 23 first.
  assert.match(first[0]!, /^AI &lt;script&gt;/);
  assert.deepEqual(first.slice(1, 4), ["Fixture item 23", "Fixture item 24", "Fixture item 22"]);
  assert.equal(second.at(-1), "Fixture item 01");
  assert.ok(pageAt(pages, "/page/2/").content.includes("<title>Latest news (page 2 of 2) - Fixture &lt;News&gt; &amp; Co</title>"));
  assert.match(pageAt(pages, "/").content, /<a class="govuk-link govuk-pagination__link" href="\/page\/2\/"[^>]*rel="next"/);
});

test("tag spellings merge into one tag page with one label", () => {
  const html = pageAt(pages, "/tags/cyber-security/").content;
  // 14 fixture items are tagged with one of three spellings (5, 5 and 4 times), plus the hostile item;
  // "Cyber security" (5), "cyber-security" (5), "Cyber Security" (5) tie, so the first in code-point order wins.
  assert.equal(listTitles(html).length, 15);
  assert.match(html, /<h1 class="govuk-heading-xl">Cyber Security<\/h1>/);
  const index = pageAt(pages, "/tags/").content;
  assert.equal(matchAll(index, /href="\/tags\/(cyber-security)\/"/g).length, 1);
  assert.ok(index.includes('Cyber Security</a> <span class="app-count">(15 items)</span>'));
});

test("hostile titles, names and captions are escaped on every page type", () => {
  for (const url of ["/", "/news/hostile-title/", "/tags/cyber-security/", "/tags/b-bold-b-tag/", "/tags/", "/authors/", "/authors/ada-hostile/"]) {
    const html = pageAt(pages, url).content;
    assert.ok(!/<script>alert|<img src=x|<b>Bold|<i>more/.test(html), `${url} has unescaped content`);
  }
  const article = pageAt(pages, "/news/hostile-title/").content;
  assert.ok(article.includes("AI &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;policy&quot;"));
  assert.ok(article.includes("Ada &quot;&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;&quot; Hostile"));
  assert.ok(article.includes('<span class="app-figure__credit">Image: GOV.UK, Open Government Licence v3.0</span>'));
});

test("article page: type label, dates in London time, byline, updates, topics", () => {
  const html = pageAt(pages, "/news/hostile-title/").content;
  assert.ok(html.includes('<p class="app-article__type"><a class="govuk-link app-article__type-link" href="/types/analysis/">Analysis</a></p>'));
  assert.ok(html.includes('<time datetime="2026-06-01T09:00:00+01:00">1 June 2026</time>'));
  assert.ok(html.includes('<dt>Last updated:</dt><dd><time datetime="2026-06-02T10:00:00+01:00">2 June 2026</time>'));
  // "Updates to this page": newest first, the minor edit of 3 June (no note) neither listed nor the last update.
  assert.deepEqual(matchAll(html, /<li><time datetime="([^"]+)">/g), ["2026-06-02T10:00:00+01:00", "2026-06-01T15:00:00+01:00", "2026-06-01T09:00:00+01:00"]);
  assert.ok(html.includes("Corrected a &lt;script&gt;figure&lt;/script&gt;."));
  assert.ok(!html.includes("2026-06-03"));
  assert.ok(
    html.includes(
      'and <span class="app-byline__person"><a class="govuk-link app-byline__name" href="/authors/ben-plain/">Ben Plain</a><span class="app-byline__role"> (Correspondent, Fixture Department)</span>',
    ),
  );
  assert.ok(html.includes('<a class="govuk-link app-tag-list__link" href="/tags/cyber-security/">Cyber Security</a>'));
  // No author: the organisation is the byline.
  assert.ok(pageAt(pages, "/news/item-07/").content.includes('<span class="app-byline__name">Fixture Department</span>'));
  assert.ok(!pageAt(pages, "/news/item-07/").content.includes("app-author-bio"));
});

test("Open Graph and the X card: every page has its URL, type and an image with alt text; items add section, tags, authors", () => {
  const card = /^https:\/\/fixture\.example\.org\/assets\/hashed\/share-[0-9a-f]{16}\.png$/;
  const shared = new Set<string>();
  for (const page of pages.filter((p) => String(p.url).endsWith("/"))) {
    const html = page.content;
    const tags = new Map<string, string[]>();
    for (const [, name, value] of html.matchAll(/<meta (?:property|name)="((?:og|article|twitter):[\w:]+)" content="([^"]*)">/g)) {
      tags.set(name!, [...(tags.get(name!) ?? []), value!]);
    }
    assert.deepEqual(tags.get("og:url"), [`https://fixture.example.org${page.url}`], String(page.url));
    assert.equal(tags.get("og:type")?.length, 1, String(page.url));
    assert.match(tags.get("og:image")![0]!, card, String(page.url));
    // The item with an SVG lead image shares a PNG drawn from it (with the image's alt), every other page the card.
    const sharesLead = page.url === "/news/hostile-title/";
    assert.deepEqual(tags.get("og:image:alt"), [sharesLead ? "A blue square with a pale circle &lt;script&gt;" : "Fixture &lt;News&gt; &amp; Co"], String(page.url));
    assert.deepEqual(tags.get("twitter:card"), ["summary_large_image"], String(page.url));
    shared.add(`${sharesLead} ${tags.get("og:image")![0]!}`);
  }
  // Two images shared: the card, and the lead image's PNG (its own name, not the card's).
  assert.equal(shared.size, 2, [...shared].join(", "));
  const article = pageAt(pages, "/news/hostile-title/").content;
  for (const expected of [
    '<meta property="og:type" content="article">',
    // lead.svg is 960×540: drawn 1200 pixels wide.
    '<meta property="og:image:width" content="1200">',
    '<meta property="og:image:height" content="675">',
    '<meta property="article:section" content="Analysis">',
    '<meta property="article:tag" content="Cyber Security">',
    '<meta property="article:tag" content="&lt;b&gt;Bold&lt;/b&gt; tag">',
    '<meta property="article:author" content="https://fixture.example.org/authors/ada-hostile/">',
    '<meta property="article:published_time" content="2026-06-01T09:00:00+01:00">',
    '<meta property="article:modified_time" content="2026-06-02T10:00:00+01:00">',
  ]) {
    assert.ok(article.includes(expected), expected);
  }
  assert.ok(pageAt(pages, "/").content.includes('<meta property="og:type" content="website">'));
  assert.ok(pageAt(pages, "/authors/ben-plain/").content.includes('<meta property="og:type" content="profile">'));
});

test("a withdrawn item's page: the notice above the headline, noindex, its dates and body, no structured data", () => {
  const html = pageAt(pages, "/news/withdrawn-item/").content;
  assert.ok(html.includes('This news article was withdrawn on <time datetime="2026-05-01T09:00:00+01:00">1 May 2026</time></p>'));
  assert.ok(html.includes('<p class="govuk-body">SECRET WITHDRAWN reason.</p>'));
  assert.ok(html.indexOf("This news article was withdrawn") < html.indexOf("<h1"));
  assert.ok(html.includes('<meta name="robots" content="noindex">'));
  assert.ok(html.includes('<dt>Published:</dt><dd><time datetime="2026-04-01T09:00:00+01:00">1 April 2026</time>'));
  assert.ok(html.includes("SECRET WITHDRAWN body."));
  assert.ok(!html.includes("application/ld+json"));
});

test("preview builds show drafts and embargoed items with a banner, withdrawn ones with their notice only", async () => {
  const preview = await buildInMemory("tests/fixtures/site", { GOVNEWS_NOW: NOW, GOVNEWS_PREVIEW: "1" });
  const urls = preview.map((p) => p.url);
  assert.ok(urls.includes("/news/draft-item/"));
  assert.ok(urls.includes("/news/embargoed-item/"));
  assert.ok(pageAt(preview, "/news/withdrawn-item/").content.includes("This news article was withdrawn on"));
  assert.ok(preview.every((p) => p.url === "/news/withdrawn-item/" || !p.content.includes("SECRET WITHDRAWN")));
  assert.ok(pageAt(preview, "/news/draft-item/").content.includes("Draft: not published."));
  assert.ok(pageAt(preview, "/").content.includes('<meta name="robots" content="noindex">'));
});

test("an embargoed item appears once its time has come", async () => {
  const later = await buildInMemory("tests/fixtures/site", { GOVNEWS_NOW: "2030-01-01T09:00:00Z" });
  assert.ok(later.some((p) => p.url === "/news/embargoed-item/"));
});

test("JSON-LD: authors as Person with the role at publication, the organisation when there are none, all escaped", () => {
  const jsonLd = (url: string) => {
    const blocks = jsonLdBlocks(pages, url).filter((data) => data["@type"] !== "ItemList");
    assert.equal(blocks.length, 1, `${url} has ${blocks.length} JSON-LD blocks besides its ItemList`);
    return blocks[0]!;
  };
  const article = jsonLd("/news/hostile-title/");
  assert.equal(article["@type"], "NewsArticle");
  assert.equal(article.isAccessibleForFree, true);
  assert.deepEqual(article.publisher, {
    "@type": "Organization",
    name: "Fixture Department",
    url: "https://fixture.example.org",
    logo: { "@type": "ImageObject", url: "https://fixture.example.org/images/logo.png" },
  });
  assert.equal(article.headline, `AI <script>alert(1)</script> & "policy" <img src=x onerror=alert(2)>`);
  assert.deepEqual(
    article.author.map((a: { "@type": string; name: string; jobTitle: string; url: string }) => [a["@type"], a.name, a.jobTitle, a.url]),
    [
      ["Person", `Ada "<script>alert('name')</script>" Hostile`, "Reporter & <b>editor</b>", "https://fixture.example.org/authors/ada-hostile/"],
      ["Person", "Ben Plain", "Correspondent", "https://fixture.example.org/authors/ben-plain/"],
    ],
  );
  assert.deepEqual(article.author[1].sameAs, ["https://example.org/ben"]);
  assert.equal(jsonLd("/news/item-05/").author[0].jobTitle, "Press officer");
  assert.deepEqual(jsonLd("/news/item-07/").author, [{ "@type": "Organization", name: "Fixture Department", url: "https://fixture.example.org" }]);
  const profile = jsonLd("/authors/ada-hostile/");
  assert.equal(profile["@type"], "ProfilePage");
  assert.equal(profile.mainEntity["@type"], "Person");
  assert.equal(profile.mainEntity.name, `Ada "<script>alert('name')</script>" Hostile`);
});

/** Every JSON-LD block of a page, parsed, after checking none could end its script element. */
function jsonLdBlocks(built: BuiltPage[], url: string): Array<ReturnType<typeof JSON.parse>> {
  return matchAll(pageAt(built, url).content, /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g).map((json) => {
    assert.ok(!/<\/?script|<!--/i.test(json), `${url}: JSON-LD could break out of its script element`);
    return JSON.parse(json);
  });
}

test("JSON-LD: list pages carry an ItemList of their items, numbered from the start of the whole list", () => {
  const itemList = (built: BuiltPage[], url: string) => jsonLdBlocks(built, url).filter((data) => data["@type"] === "ItemList");
  const second = itemList(pages, "/page/2/");
  assert.equal(second.length, 1);
  assert.equal(second[0]!.name, "Latest news");
  assert.equal(second[0]!.url, "https://fixture.example.org/page/2/");
  assert.deepEqual(
    second[0]!.itemListElement.map((e: { position: number }) => e.position),
    [21, 22, 23, 24, 25, 26],
  );
  assert.equal(second[0]!.itemListElement[0].url, "https://fixture.example.org/news/item-06/");
  for (const url of ["/", "/tags/cyber-security/", "/types/analysis/", "/authors/ada-hostile/"]) {
    const [list] = itemList(pages, url);
    assert.ok(list, `${url} has an ItemList`);
    const shown = matchAll(pageAt(pages, url).content, /app-article-summary__title">\s*<a class="govuk-link" href="([^"]+)">/g);
    assert.equal(list.numberOfItems, shown.length, url);
    assert.deepEqual(
      list.itemListElement.map((e: { url: string }) => e.url),
      shown.map((href) => `https://fixture.example.org${href}`),
      url,
    );
  }
  assert.equal(itemList(pages, "/authors/ada-hostile/")[0]!.name, `Ada "<script>alert('name')</script>" Hostile`);
  // Pages that are not lists have none.
  for (const url of ["/news/item-01/", "/tags/", "/authors/", "/subscribe/"]) assert.deepEqual(itemList(pages, url), [], url);
});

test("JSON-LD: a preview's lists show drafts, their ItemLists only what production's do", async () => {
  const preview = await buildInMemory("tests/fixtures/site", { GOVNEWS_NOW: NOW, GOVNEWS_PREVIEW: "1" });
  assert.ok(pageAt(preview, "/").content.includes("/news/draft-item/"), "the preview's home page lists the draft");
  assert.deepEqual(jsonLdBlocks(preview, "/"), jsonLdBlocks(pages, "/"));
});

test("author bios render Markdown with raw HTML shown as text", () => {
  const html = pageAt(pages, "/authors/ada-hostile/").content;
  // Typographic quotes, written as numeric references (lib/build/one-byte.ts).
  assert.ok(html.includes('<p class="govuk-body">A bio with &lt;script&gt;alert(&#8216;bio&#8217;)&lt;/script&gt; and &#8220;quotes&#8221;.</p>'));
});

test("images: an SVG lead image sized from its markup and loaded first; body images sized and lazy; feeds unchanged", () => {
  const lead = pageAt(pages, "/news/hostile-title/").content;
  const figure = lead.slice(lead.indexOf('<figure class="app-figure">'), lead.indexOf("</figure>"));
  // An SVG stays SVG: no <picture>, no variants.
  assert.ok(!figure.includes("<picture"), figure);
  assert.match(figure, /<img class="app-figure__image" src="\/images\/lead\.svg" alt="[^"]*" width="960" height="540" loading="eager" fetchpriority="high">/);
  const html = pageAt(pages, "/news/hostile-feed/").content;
  const body = html.slice(html.indexOf('<div class="app-article__body'));
  assert.match(body, /<img src="\/images\/lead\.svg" alt="chart" width="960" height="540" loading="lazy" decoding="async">/);
  // Feeds carry the body as the sanitiser left it: readers decide how to load images.
  const feed = pageAt(pages, "/feed.xml").content;
  assert.ok(feed.includes("/images/lead.svg") && !feed.includes("loading="), "the feed's body is unchanged");
});
