// Property: whatever text an editor (or an attacker) writes in any front-matter text field of an item or an author,
// or in site.json, the built site carries it as text; and any image path or web address is either refused by the
// content check (and the build fails) or carried harmlessly. No page, feed, data file or structured data gains an element,
// an attribute or a URL scheme from it, no template code in it runs, and every feed still parses.
//
// fast-check generates the strings from hostile fragments (markup, attribute breakouts, script and CDATA ends,
// template syntax, entities, URL schemes) mixed with arbitrary text. The seed is fixed so CI is reproducible;
// GOVNEWS_FUZZ_RUNS and GOVNEWS_FUZZ_SEED explore further (e.g. GOVNEWS_FUZZ_RUNS=200 npm run test:build).
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { Parser } from "htmlparser2";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseFeed } from "@rowanmanning/feed-parser";
import { buildInMemory, type BuiltPage } from "./helpers.ts";
import { loadContent } from "../../lib/content/load.ts";
import { formatIssues } from "../../lib/content/issues.ts";

const RUNS = Number(process.env.GOVNEWS_FUZZ_RUNS ?? 6);
const SEED = Number(process.env.GOVNEWS_FUZZ_SEED ?? 20261203);
const NOW = "2026-11-20T12:00:00Z";

// Each smuggling attempt names what it would add, so the checks below look for exactly those names.
const FRAGMENTS = [
  "<xss-el>",
  "<xss-el/>",
  "</p><xss-el>",
  "<script>alert(1)</script>",
  "</script><xss-el>",
  "</title><xss-el>",
  "</textarea><xss-el>",
  '"><xss-el x="',
  "'><xss-el x='",
  '" xss-attr="1',
  "' xss-attr='1",
  '" onmouseover="alert(1)',
  "<img src=x onerror=alert(1)>",
  "<svg onload=alert(1)>",
  "javascript:alert(1)",
  "data:text/html,<xss-el>",
  "]]><xss-el/><![CDATA[",
  "<![CDATA[",
  "<!--",
  "-->",
  "&",
  "&amp;",
  "&lt;xss-el&gt;",
  "&#x3C;xss-el&#x3E;",
  '{{ "tmpl" + "marker" }}',
  '{% set x = "tmpl" + "marker" %}{{ x }}',
  "${'tmpl' + 'marker'}",
  "<%= 'tmpl' + 'marker' %>",
  "\u2028",
  "\u2029",
  "\\u003cxss-el\\u003e",
  "%3Cxss-el%3E",
  "’“”–…",
  "🙂",
  "\t",
];

/** A hostile text: fragments and arbitrary characters (no control characters: the schema refuses or drops them). */
const hostile = (maxLength: number) =>
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 })
    .map((parts) =>
      `A ${parts.join("")}`
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "")
        .replace(/[\uD800-\uDFFF]/g, "")
        .slice(0, maxLength)
        .trim(),
    )
    .filter((s) => s.length > 0);

const yamlString = (s: string) => JSON.stringify(s);

// Paths and addresses built to break out of the attribute they are printed in, tried one at a time: the content
// check must refuse each (and the build fail), or the site must carry it harmlessly.
const HOSTILE_PATHS = [
  '/images/"><xss-el x="/../lead.svg',
  '/images/"><script src=\\images\\evil.js><meta x="/../lead.svg',
  "/images/x/../lead.svg",
  '/images/lead.svg?"><xss-el>',
  '/images/lead.svg#" xss-attr="1',
  'https://img.example.org/a.png"><xss-el x="',
  "https://img.example.org/a.png' xss-attr='1",
  "javascript:alert(1)//lead.svg",
];
const HOSTILE_ADDRESSES = ['https://example.org/"><xss-el x="', "https://example.org/' xss-attr='1", "javascript:alert(1)", "https://example.org/?q=<xss-el>"];

interface Addresses {
  imageSrc: string;
  photoSrc: string;
  website: string;
  signup: string;
  siteUrl: string;
}

const VALID_ADDRESSES: Addresses = {
  imageSrc: "/images/lead.svg",
  photoSrc: "https://img.example.org/photo.png",
  website: "https://example.org/profile",
  signup: "https://hostile.example.org/alerts",
  siteUrl: "https://hostile.example.org/",
};
const HOSTILE_BY_FIELD: Record<keyof Addresses, string[]> = {
  imageSrc: HOSTILE_PATHS,
  photoSrc: HOSTILE_PATHS,
  website: HOSTILE_ADDRESSES,
  signup: HOSTILE_ADDRESSES,
  siteUrl: ['https://hostile.example.org/"><xss-el x="', "http://hostile.example.org", "https://hostile.example.org/news", "javascript:alert(1)"],
};

interface Texts {
  site: { title: string; description: string; organisation: string; copyright: string; licence: string; alerts: string };
  item: { title: string; description: string; tags: string[]; alt: string; caption: string; credit: string; licence: string; note: string };
  author: { name: string; role: string; organisation: string; pronouns: string; photoAlt: string; pastRole: string; pastOrganisation: string };
}

const texts: fc.Arbitrary<Texts> = fc.record({
  site: fc.record({ title: hostile(60), description: hostile(120), organisation: hostile(60), copyright: hostile(60), licence: hostile(60), alerts: hostile(60) }),
  item: fc.record({
    title: hostile(120),
    description: hostile(200),
    tags: fc.array(
      hostile(40).map((t) => `Tag ${t}`),
      { minLength: 1, maxLength: 3 },
    ),
    alt: hostile(100),
    caption: hostile(100),
    credit: hostile(60),
    licence: hostile(60),
    note: hostile(100),
  }),
  author: fc.record({
    name: hostile(60),
    role: hostile(60),
    organisation: hostile(60),
    pronouns: hostile(20),
    photoAlt: hostile(60),
    pastRole: hostile(60),
    pastOrganisation: hostile(60),
  }),
});

function writeContent(t: Texts, a: Addresses): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-hostile-"));
  for (const folder of ["news", "authors", "images"]) fs.mkdirSync(path.join(root, folder));
  fs.copyFileSync("tests/fixtures/site/images/lead.svg", path.join(root, "images", "lead.svg"));
  fs.copyFileSync("tests/fixtures/site/images/logo.png", path.join(root, "images", "logo.png"));
  fs.writeFileSync(
    path.join(root, "site.json"),
    JSON.stringify({
      title: t.site.title,
      description: t.site.description,
      url: a.siteUrl,
      organisation: { name: t.site.organisation, url: "https://hostile.example.org" },
      copyright: t.site.copyright,
      licence: { name: t.site.licence, url: "https://hostile.example.org/licence" },
      logo: "/images/logo.png",
      alerts: { signupUrl: a.signup, text: t.site.alerts },
    }),
  );
  fs.writeFileSync(
    path.join(root, "authors", "hostile-author.md"),
    [
      "---",
      `name: ${yamlString(t.author.name)}`,
      `role: ${yamlString(t.author.role)}`,
      `organisation: ${yamlString(t.author.organisation)}`,
      `pronouns: ${yamlString(t.author.pronouns)}`,
      "photo:",
      `  src: ${yamlString(a.photoSrc)}`,
      `  alt: ${yamlString(t.author.photoAlt)}`,
      "roles:",
      `  - role: ${yamlString(t.author.pastRole)}`,
      `    organisation: ${yamlString(t.author.pastOrganisation)}`,
      "    from: 2020-01-01",
      "    to: 2025-12-31",
      `  - role: ${yamlString(t.author.role)}`,
      `    organisation: ${yamlString(t.author.organisation)}`,
      "    from: 2026-01-01",
      "links:",
      `  website: ${yamlString(a.website)}`,
      "---",
      "The author's bio.",
      "",
    ].join("\n"),
  );
  const item = (slug: string, date: string, withImage: boolean, withdrawn = false, changed = "2026-10-02T09:00:00+01:00") =>
    [
      "---",
      `title: ${yamlString(t.item.title)}`,
      `description: ${yamlString(t.item.description)}`,
      `date: ${date}`,
      "type: press release",
      "authors: [hostile-author]",
      `tags: [${t.item.tags.map(yamlString).join(", ")}]`,
      ...(withImage
        ? [
            "image:",
            `  src: ${yamlString(a.imageSrc)}`,
            `  alt: ${yamlString(t.item.alt)}`,
            `  caption: ${yamlString(t.item.caption)}`,
            `  credit: ${yamlString(t.item.credit)}`,
            `  licence: ${yamlString(t.item.licence)}`,
          ]
        : []),
      "changes:",
      `  - date: ${changed}`,
      `    note: ${yamlString(t.item.note)}`,
      // A withdrawn item keeps its page, with the reason in its notice.
      ...(withdrawn ? ["withdrawn:", "  date: 2026-10-03T09:00:00+01:00", `  reason: ${yamlString(t.item.note)}`] : []),
      "---",
      "A plain body, so that the item has related items and feeds have content.",
      "",
    ].join("\n");
  // The day before the build's now: in the Google News sitemap too.
  fs.writeFileSync(path.join(root, "news", "hostile-one.md"), item("hostile-one", "2026-11-19T09:00:00Z", true, false, "2026-11-19T10:00:00Z"));
  fs.writeFileSync(path.join(root, "news", "hostile-two.md"), item("hostile-two", "2026-09-01T09:00:00+01:00", false));
  fs.writeFileSync(path.join(root, "news", "hostile-withdrawn.md"), item("hostile-withdrawn", "2026-08-01T09:00:00+01:00", true, true));
  return root;
}

// What the site itself may contain, whatever the content: the elements and attributes our templates, GOV.UK Frontend
// and the body renderer write. Anything named xss-*, any event handler, is smuggled.
const SMUGGLED_NAME = /^(xss-|on)/i;
const ACTIVE_ELEMENTS = new Set(["iframe", "object", "embed", "form", "base", "frame", "frameset", "applet", "foreignobject"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "srcset", "xlink:href", "content"]);
const BAD_SCHEME = /^\s*(javascript|data|vbscript)\s*:/i;

/** Every smuggled element, attribute or URL in an HTML document. */
function htmlProblems(label: string, html: string): string[] {
  const problems: string[] = [];
  let inScript: string | undefined;
  let scriptText = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // The one form the site has: search, a GET form to our own search page (header and search page).
        const isSearchForm = name === "form" && attributes.action === "/search/" && attributes.method === "get" && attributes.role === "search";
        if (SMUGGLED_NAME.test(name) || (ACTIVE_ELEMENTS.has(name) && !isSearchForm)) problems.push(`${label}: element <${name}>`);
        if (name === "meta" && attributes["http-equiv"]) problems.push(`${label}: <meta http-equiv>`);
        for (const [attribute, value] of Object.entries(attributes)) {
          if (SMUGGLED_NAME.test(attribute)) problems.push(`${label}: attribute ${attribute} on <${name}>`);
          if (
            URL_ATTRIBUTES.has(attribute) &&
            BAD_SCHEME.test(value) &&
            !(name === "meta" && attribute === "content" && !/url|image|article:author/.test(attributes.property ?? ""))
          )
            problems.push(`${label}: ${attribute}="${value}" on <${name}>`);
        }
        if (name === "script") {
          // Our scripts load from /assets/; anything else loading script was smuggled in.
          if (attributes.src !== undefined && !/^\/assets\/[\w./-]+$/.test(attributes.src)) problems.push(`${label}: <script src="${attributes.src}">`);
          inScript = attributes.type === "application/ld+json" ? "application/ld+json" : attributes.src !== undefined ? "src" : "inline";
          scriptText = "";
        }
      },
      ontext(text) {
        if (inScript) scriptText += text;
      },
      onclosetag(name) {
        if (name !== "script" || !inScript) return;
        if (inScript === "application/ld+json") {
          try {
            JSON.parse(scriptText);
          } catch {
            problems.push(`${label}: JSON-LD does not parse`);
          }
        } else if (inScript === "inline" && !scriptText.includes("js-enabled")) {
          // The only inline script is GOV.UK Frontend's js-enabled class (its hash is in the CSP).
          problems.push(`${label}: inline script ${JSON.stringify(scriptText.slice(0, 60))}`);
        }
        inScript = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  // The template fragments spell the marker only once evaluated.
  if (html.includes("tmplmarker")) problems.push(`${label}: template code in content ran`);
  return problems;
}

/** Every problem in a feed or data file: it must parse, and the HTML it carries must be clean. */
async function feedProblems(label: string, text: string): Promise<string[]> {
  const problems: string[] = [];
  if (text.includes("tmplmarker")) problems.push(`${label}: template code in content ran`);
  if (label.endsWith(".json")) {
    let feed: { items?: Array<{ content_html?: string; title?: string }> };
    try {
      feed = JSON.parse(text);
    } catch {
      return [`${label}: JSON does not parse`];
    }
    for (const item of feed.items ?? []) problems.push(...htmlProblems(`${label} content_html`, item.content_html ?? ""));
    return problems;
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) return [`${label}: XML does not parse: ${valid.err.msg}`];
  // No element the content smuggled into the XML itself.
  const walk = (node: unknown, at: string) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (SMUGGLED_NAME.test(key.replace(/^@_/, ""))) problems.push(`${label}: XML ${key} at ${at}`);
      walk(value, `${at}/${key}`);
    }
  };
  walk(new XMLParser({ ignoreAttributes: false, processEntities: false }).parse(text), "");
  if (/\.(xml|atom)$/.test(label) && !/sitemap(-news)?\.xml$/.test(label)) {
    try {
      const feed = parseFeed(text);
      for (const item of feed.items) problems.push(...htmlProblems(`${label} item`, item.content ?? item.description ?? ""));
    } catch (error) {
      problems.push(`${label}: not a feed a reader can parse (${(error as Error).message})`);
    }
  }
  return problems;
}

/** Builds the content and returns every problem found in its output; undefined if the content check refused it. */
async function problemsInBuild(t: Texts, a: Addresses): Promise<string[] | undefined> {
  const content = writeContent(t, a);
  try {
    const { issues } = loadContent({ root: ".", content }, { now: Date.parse(NOW) });
    if (issues.length > 0) {
      // Refused: then the build fails as a whole. Texts are within every limit, so only an address may be refused.
      assert.ok(
        issues.every((i) => /src|website|signupUrl|url/.test(i.field)),
        formatIssues(issues),
      );
      await assert.rejects(buildInMemory(content, { GOVNEWS_NOW: NOW, GOVNEWS_RENDER_AHEAD: "off" }));
      return undefined;
    }
    // On the main thread (the worker renders the same, as a build test checks): a worker per run costs seconds.
    const pages: BuiltPage[] = await buildInMemory(content, { GOVNEWS_NOW: NOW, GOVNEWS_RENDER_AHEAD: "off" });
    assert.ok(pages.some((p) => p.url === "/news/hostile-one/") && pages.some((p) => p.url === "/news/hostile-withdrawn/"));
    assert.ok(pages.find((p) => p.url === "/sitemap-news.xml")?.content.includes("/news/hostile-one/"), "the news sitemap lists the recent item");
    const problems: string[] = [];
    for (const page of pages) {
      const url = String(page.url);
      if (url.endsWith(".html") || url.endsWith("/")) problems.push(...htmlProblems(url, page.content));
      else if (/\.(xml|atom|json|opml)$/.test(url)) problems.push(...(await feedProblems(url, page.content)));
    }
    return problems;
  } finally {
    fs.rmSync(content, { recursive: true, force: true });
  }
}

test(`hostile text in every front-matter and site field is printed as text everywhere (${RUNS} runs, seed ${SEED})`, async () => {
  await fc.assert(
    fc.asyncProperty(texts, async (t) => {
      const problems = await problemsInBuild(t, VALID_ADDRESSES);
      assert.ok(problems, "valid content was refused");
      assert.deepEqual(problems, []);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
});

const PLAIN: Texts = {
  site: { title: "News", description: "About.", organisation: "Dept", copyright: "© Dept", licence: "OGL", alerts: "Alerts" },
  item: { title: "Title", description: "Standfirst.", tags: ["Topic"], alt: "Alt", caption: "Caption", credit: "Credit", licence: "OGL", note: "A change." },
  author: { name: "Ann Author", role: "Writer", organisation: "Dept", pronouns: "she/her", photoAlt: "Ann", pastRole: "Reporter", pastOrganisation: "Paper" },
};

for (const [field, values] of Object.entries(HOSTILE_BY_FIELD) as Array<[keyof Addresses, string[]]>) {
  for (const value of values) {
    test(`${field} ${JSON.stringify(value)} is refused, or carried harmlessly`, async () => {
      const problems = await problemsInBuild(PLAIN, { ...VALID_ADDRESSES, [field]: value });
      if (problems) assert.deepEqual(problems, []);
    });
  }
}

test("the checks catch what they look for (each smuggling kind, planted in a page)", async () => {
  const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
  const cases: Array<[string, number]> = [
    ["<p>plain &lt;xss-el&gt; text</p>", 0],
    ['<a href="/news/x/">x</a>', 0],
    ["<xss-el>", 1],
    ['<p xss-attr="1">', 1],
    ['<img src=x onerror="alert(1)">', 1],
    ['<a href=" javascript:alert(1)">x</a>', 1],
    ["<iframe src=/x></iframe>", 1],
    ["<script>alert(1)</script>", 1],
    ['<script src="\\images\\evil.js"></script>', 1],
    ['<script src="/assets/govnews.js" type="module"></script>', 0],
    ['<script type="application/ld+json">{"a":</script>', 1],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', 1],
    ["<p>tmplmarker</p>", 1],
  ];
  for (const [body, expected] of cases) assert.equal(htmlProblems("t", page(body)).length, expected, body);
  assert.equal((await feedProblems("/feed.xml", "<rss><channel><xss-el/></channel></rss>")).length > 0, true);
  assert.equal((await feedProblems("/feed.xml", "<rss><channel><title>a & b</title></channel></rss>")).length > 0, true);
  assert.equal((await feedProblems("/feed.json", '{"items":[{"content_html":"<xss-el>"}]}')).length, 1);
});
