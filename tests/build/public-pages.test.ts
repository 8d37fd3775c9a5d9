// The accessibility statement, the cookies page, the archive by year and featured items, built from the fixture
// content: what each page says, escaped; the footer links on every page; and a featured list that names anything
// but a published item stops the build, with the file, line, field and fix.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildInMemory, pageAt, matchAll, type BuiltPage } from "./helpers.ts";
import { buildSite } from "../../scripts/build-site.ts";

const NOW = "2026-11-20T12:00:00Z";
let pages: BuiltPage[];

before(async () => {
  pages = await buildInMemory("tests/fixtures/site", { GOVNEWS_NOW: NOW });
});

const main = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
const listTitles = (html: string) => matchAll(html, /app-article-summary__title">\s*<a class="govuk-link" href="[^"]+">([^<]*)<\/a>/g);

/** A copy of the fixture content with site.json changed, in a temporary folder. */
function fixtureWith(change: (site: Record<string, unknown>) => void): { content: string; tmp: string } {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-pages-"));
  const content = path.join(tmp, "content");
  fs.cpSync("tests/fixtures/site", content, { recursive: true });
  const site = JSON.parse(fs.readFileSync(path.join(content, "site.json"), "utf8")) as Record<string, unknown>;
  change(site);
  fs.writeFileSync(path.join(content, "site.json"), JSON.stringify(site, null, 2) + "\n");
  return { content, tmp };
}

test("every HTML page's footer links to the archive, the accessibility statement and the cookies page", () => {
  const html = pages.filter((p) => typeof p.url === "string" && (p.url.endsWith("/") || p.url.endsWith(".html")));
  assert.ok(html.length > 40);
  for (const page of html) {
    const footer = page.content.slice(page.content.indexOf('class="govuk-footer'));
    for (const href of ["/archive/", "/accessibility/", "/cookies/"]) assert.ok(footer.includes(`href="${href}"`), `${page.url}: no footer link to ${href}`);
  }
});

test("accessibility statement: the model statement's sections, from site data, escaped", () => {
  const html = main(pageAt(pages, "/accessibility/").content);
  const headings = matchAll(html, /<h[23] class="govuk-heading-[lm]">([^<]*)<\/h[23]>/g);
  assert.deepEqual(headings, [
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "What we're doing to improve accessibility",
    "Preparation of this accessibility statement",
  ]);
  assert.ok(html.includes("Fix &lt;tables&gt; &amp; &quot;charts&quot; by 2027."));
  assert.ok(html.includes('<h1 class="govuk-heading-xl">Accessibility statement for Fixture &lt;News&gt; &amp; Co</h1>'));
  assert.ok(html.includes("This accessibility statement applies to fixture.example.org."));
  assert.ok(html.includes("This website is run by Fixture Department."));
  assert.ok(html.includes("This website is not compliant with the"));
  assert.equal(matchAll(html, /<li>(Tables[^<]*)<\/li>/g).length, 2, "the known issue in both lists");
  assert.ok(html.includes("<li>Tables &lt;b&gt;in&lt;/b&gt; &quot;old&quot; items &amp; charts</li>"));
  assert.equal(matchAll(html, /href="(mailto:access@fixture\.example\.org)"/g).length, 2);
  assert.ok(html.includes("<li>call 020 7946 0000</li>"));
  assert.ok(html.includes("get back to you in 5 working days."));
  assert.ok(html.includes('href="https://www.equalityadvisoryservice.com/"'), "EHRC's advisory service");
  assert.ok(html.includes('href="https://www.equalityni.org/Home"'), "the Equality Commission for Northern Ireland");
  assert.ok(html.includes("This statement was prepared on 1 September 2026. It was last reviewed on 1 November 2026."));
  assert.ok(html.includes("This website was last tested on 1 October 2026. The test was carried out by &lt;Fixture&gt; &amp; &quot;Co&quot;."));
});

test("cookies page: the analytics cookies site data lists, escaped, and the privacy notice", () => {
  const html = main(pageAt(pages, "/cookies/").content);
  assert.ok(html.includes('<td class="govuk-table__cell"><code>_fx&lt;id&gt;</code></td>'));
  assert.ok(html.includes("Counts &quot;visits&quot; &amp; pages"));
  assert.ok(html.includes("&lt;Fixture&gt; Analytics"));
  assert.ok(html.includes('href="https://fixture.example.org/privacy?a=1&amp;b=&quot;2&quot;"'));
  assert.ok(!html.includes("does not put cookies"));
});

// A build of its own (a process of its own): a second in-memory build in this process would reuse the Nunjucks
// filters registered for the first.
test("cookies page without analytics says the site stores nothing", () => {
  const { content, tmp } = fixtureWith((site) => delete site.cookies);
  try {
    const result = buildSite({ content, output: path.join(tmp, "out"), now: NOW });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const html = main(fs.readFileSync(path.join(tmp, "out", "cookies", "index.html"), "utf8"));
    assert.ok(html.includes("does not put cookies on your device"));
    assert.ok(html.includes("no local storage, session storage or other site data"));
    assert.ok(!html.includes("<table"));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("archive: a year index and each year's published items, newest first, paginated", () => {
  const index = main(pageAt(pages, "/archive/").content);
  assert.deepEqual(matchAll(index, /<li><a class="govuk-link" href="[^"]+">(\d{4})<\/a>/g), ["2026"]);
  assert.ok(index.includes('href="/archive/2026/"'));
  const year = pageAt(pages, "/archive/2026/").content;
  const titles = [...listTitles(year), ...listTitles(pageAt(pages, "/archive/2026/page/2/").content)];
  const home = [...listTitles(pageAt(pages, "/").content), ...listTitles(pageAt(pages, "/page/2/").content)];
  assert.deepEqual(titles, home, "the same published items as the home page, in the same order");
  assert.equal(listTitles(year).length, 20);
  assert.ok(year.includes("Published in 2026"));
  for (const page of pages.filter((p) => String(p.url).startsWith("/archive/"))) assert.ok(!/SECRET|draft-item|embargoed-item|withdrawn-item/.test(page.content), `${page.url}`);
});

test("the sitemap lists the archive and the pages a public-sector site must have", () => {
  const sitemap = pageAt(pages, "/sitemap.xml").content;
  for (const url of ["/archive/", "/archive/2026/", "/archive/2026/page/2/", "/accessibility/", "/cookies/"]) {
    assert.ok(sitemap.includes(`<loc>https://fixture.example.org${url}</loc>`), url);
  }
});

test("featured items head the home page, in the editor's order, and the list below does not repeat them", async () => {
  const { content, tmp } = fixtureWith((site) => (site.featured = ["item-03", "item-20"]));
  try {
    const built = await buildInMemory(content, { GOVNEWS_NOW: NOW });
    const home = pageAt(built, "/").content;
    // The section's end after its start: the header's service navigation is a section too.
    const start = home.indexOf('<section class="app-featured"');
    const end = home.indexOf("</section>", start);
    const featured = home.slice(start, end);
    assert.deepEqual(matchAll(featured, /app-featured__title"><a class="govuk-link" href="([^"]+)">/g), ["/news/item-03/", "/news/item-20/"]);
    const listed = [...home.slice(end).matchAll(/href="(\/news\/[^"]+)"/g), ...pageAt(built, "/page/2/").content.matchAll(/href="(\/news\/[^"]+)"/g)].map((m) => m[1]);
    assert.ok(!listed.includes("/news/item-03/") && !listed.includes("/news/item-20/"));
    assert.equal(new Set(listed).size, 24, "every other published item, once");
    assert.ok(!pageAt(built, "/page/2/").content.includes("app-featured"), "featured on the first page only");
    // Topic, type and archive lists still carry them.
    assert.ok(pageAt(built, "/archive/2026/").content.includes('href="/news/item-20/"'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("featuring a draft, a withdrawn or an unknown item stops the build with file, line, field and fix", () => {
  const { content, tmp } = fixtureWith((site) => (site.featured = ["draft-item", "withdrawn-item", "item-1"]));
  try {
    const result = buildSite({ content, output: path.join(tmp, "out"), now: NOW });
    assert.notEqual(result.status, 0);
    const log = result.stdout + result.stderr;
    for (const line of [
      'site.json:47:5: featured[0] "draft-item" is a draft: only a published item can be featured. Remove it from featured until it is published',
      'site.json:48:5: featured[1] "withdrawn-item" was withdrawn: remove it from featured',
      'site.json:49:5: featured[2] unknown item "item-1": did you mean "item-01"?',
    ]) {
      assert.ok(log.includes(line), `${line}\nnot in:\n${log}`);
    }
    assert.ok(!fs.existsSync(path.join(tmp, "out")), "nothing published");
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("the site icon: /favicon.ico, the SVG, PNGs and apple-touch icon from site data, linked from every page; GOV.UK's on GOV.UK", () => {
  const { content, tmp } = fixtureWith((site) => (site.brand = { colour: "#00703c", initials: "fx" }));
  try {
    const out = path.join(tmp, "out");
    const result = buildSite({ content, output: out, now: NOW });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const ico = fs.readFileSync(path.join(out, "favicon.ico"));
    assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)], [0, 1, 3], "an ICO with three images");
    assert.deepEqual([ico[6], ico[22], ico[38]], [16, 32, 48]);
    const PNG = "89504e470d0a1a0a";
    assert.equal(ico.subarray(ico.readUInt32LE(18), ico.readUInt32LE(18) + 8).toString("hex"), PNG);
    const svg = fs.readFileSync(path.join(out, "icons", "icon.svg"), "utf8");
    assert.ok(svg.includes('fill="#00703c"') && !/<text|<script|font/i.test(svg));
    for (const [file, size] of [
      ["icons/icon-192.png", 192],
      ["icons/icon-512.png", 512],
      ["icons/apple-touch-icon.png", 180],
      ["apple-touch-icon.png", 180],
    ] as const) {
      const png = fs.readFileSync(path.join(out, file));
      assert.equal(png.subarray(0, 8).toString("hex"), PNG, file);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${file} is ${size} pixels square`);
    }
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, "icons", "manifest.webmanifest"), "utf8")).theme_color, "#00703c");
    for (const page of ["index.html", "accessibility/index.html", "news/item-01/index.html", "404.html"]) {
      const html = fs.readFileSync(path.join(out, page), "utf8");
      for (const link of [
        '<link rel="icon" href="/favicon.ico" sizes="16x16 32x32 48x48">',
        '<link rel="icon" href="/icons/icon.svg" type="image/svg+xml">',
        '<link rel="apple-touch-icon" href="/icons/apple-touch-icon.png">',
        '<link rel="manifest" href="/icons/manifest.webmanifest">',
      ]) {
        assert.ok(html.includes(link), `${page}: ${link}`);
      }
    }

    // A department on GOV.UK keeps GOV.UK's icons; /favicon.ico is GOV.UK Frontend's, so it is never a 404.
    const site = JSON.parse(fs.readFileSync(path.join(content, "site.json"), "utf8")) as Record<string, unknown>;
    fs.writeFileSync(path.join(content, "site.json"), JSON.stringify({ ...site, govukBranding: true }));
    const branded = path.join(tmp, "branded");
    const second = buildSite({ content, output: branded, now: NOW });
    assert.equal(second.status, 0, second.stdout + second.stderr);
    assert.deepEqual(fs.readFileSync(path.join(branded, "favicon.ico")), fs.readFileSync("node_modules/govuk-frontend/dist/govuk/assets/images/favicon.ico"));
    assert.ok(!fs.existsSync(path.join(branded, "icons")));
    assert.ok(!fs.readFileSync(path.join(branded, "index.html"), "utf8").includes("/icons/icon.svg"));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
