import { test } from "node:test";
import assert from "node:assert/strict";
import { CHANGE_PAGES, FILL_PAGES, FIRST_PAGES, govukPluginOptions, resolveOptions, type GovnewsOptions, type GovnewsUserOptions } from "../../../lib/eleventy/options.ts";
import type { SiteData } from "../../../lib/content/schema.ts";

/** The footer's support links: topics, the archive and the pages a public-sector site must have. */
const FOOTER_LINKS = [
  { href: "/tags/", text: "Topics" },
  { href: "/archive/", text: "Archive" },
  { href: "/accessibility/", text: "Accessibility statement" },
  { href: "/cookies/", text: "Cookies" },
];

const CLOCK = Date.UTC(2026, 7, 17, 8, 30);
const clock = () => CLOCK;

const PAGES = { first: FIRST_PAGES, change: CHANGE_PAGES, fill: FILL_PAGES };
const DEFAULTS: GovnewsOptions = {
  root: ".",
  contentDir: "content",
  outputDir: "_site",
  now: CLOCK,
  preview: false,
  related: true,
  renderAhead: true,
  search: true,
  previewPages: PAGES,
};

const resolveCases: Array<{ name: string; user?: GovnewsUserOptions; env?: Record<string, string | undefined>; expected: GovnewsOptions }> = [
  { name: "defaults", expected: DEFAULTS },
  { name: "GOVNEWS_CONTENT", env: { GOVNEWS_CONTENT: "tests/fixtures/site" }, expected: { ...DEFAULTS, contentDir: "tests/fixtures/site" } },
  { name: "GOVNEWS_OUTPUT", env: { GOVNEWS_OUTPUT: "_test-site" }, expected: { ...DEFAULTS, outputDir: "_test-site" } },
  { name: "GOVNEWS_NOW with an offset", env: { GOVNEWS_NOW: "2026-08-17T09:30:00+01:00" }, expected: { ...DEFAULTS, now: Date.UTC(2026, 7, 17, 8, 30) } },
  { name: "GOVNEWS_NOW in UTC", env: { GOVNEWS_NOW: "2027-01-01T00:00:00Z" }, expected: { ...DEFAULTS, now: Date.UTC(2027, 0, 1) } },
  { name: "empty GOVNEWS_NOW uses the clock", env: { GOVNEWS_NOW: "" }, expected: DEFAULTS },
  { name: "GOVNEWS_PREVIEW=1", env: { GOVNEWS_PREVIEW: "1" }, expected: { ...DEFAULTS, preview: true } },
  { name: "GOVNEWS_PREVIEW=0", env: { GOVNEWS_PREVIEW: "0" }, expected: DEFAULTS },
  { name: "GOVNEWS_PREVIEW=true is not 1", env: { GOVNEWS_PREVIEW: "true" }, expected: DEFAULTS },
  { name: "Netlify deploy preview", env: { CONTEXT: "deploy-preview" }, expected: { ...DEFAULTS, preview: true } },
  { name: "Netlify branch deploy", env: { CONTEXT: "branch-deploy" }, expected: { ...DEFAULTS, preview: true } },
  { name: "Netlify production", env: { CONTEXT: "production" }, expected: DEFAULTS },
  { name: "Netlify dev", env: { CONTEXT: "dev" }, expected: DEFAULTS },
  { name: "GOVNEWS_RELATED=off", env: { GOVNEWS_RELATED: "off" }, expected: { ...DEFAULTS, related: false } },
  { name: "GOVNEWS_RELATED=on", env: { GOVNEWS_RELATED: "on" }, expected: DEFAULTS },
  { name: "GOVNEWS_RENDER_AHEAD=off", env: { GOVNEWS_RENDER_AHEAD: "off" }, expected: { ...DEFAULTS, renderAhead: false } },
  { name: "GOVNEWS_SEARCH=off", env: { GOVNEWS_SEARCH: "off" }, expected: { ...DEFAULTS, search: false } },
  { name: "GOVNEWS_PREVIEW_PAGES", env: { GOVNEWS_PREVIEW_PAGES: "3,5,4" }, expected: { ...DEFAULTS, previewPages: { first: 3, change: 5, fill: 4 } } },
  { name: "GOVNEWS_PREVIEW_PAGES not whole numbers", env: { GOVNEWS_PREVIEW_PAGES: "0,x" }, expected: DEFAULTS },
  {
    name: "everything from the environment",
    env: { GOVNEWS_CONTENT: "c", GOVNEWS_OUTPUT: "o", GOVNEWS_NOW: "2026-01-01T00:00:00Z", GOVNEWS_PREVIEW: "1" },
    expected: { root: ".", contentDir: "c", outputDir: "o", now: Date.UTC(2026, 0, 1), preview: true, related: true, renderAhead: true, search: true, previewPages: PAGES },
  },
  {
    name: "explicit options win over the environment",
    user: {
      root: "/site",
      contentDir: "my-content",
      outputDir: "dist",
      now: 7,
      preview: false,
      related: true,
      renderAhead: true,
      search: true,
      previewPages: { first: 1, change: 3, fill: 2 },
    },
    env: { GOVNEWS_CONTENT: "c", GOVNEWS_OUTPUT: "o", GOVNEWS_NOW: "2026-01-01T00:00:00Z", GOVNEWS_PREVIEW: "1", CONTEXT: "deploy-preview" },
    expected: {
      root: "/site",
      contentDir: "my-content",
      outputDir: "dist",
      now: 7,
      preview: false,
      related: true,
      renderAhead: true,
      search: true,
      previewPages: { first: 1, change: 3, fill: 2 },
    },
  },
  {
    name: "explicit preview: true wins over production",
    user: { preview: true },
    env: { CONTEXT: "production" },
    expected: { ...DEFAULTS, preview: true },
  },
  {
    name: "explicit now: 0 is kept (not treated as missing)",
    user: { now: 0 },
    env: { GOVNEWS_NOW: "2026-01-01T00:00:00Z" },
    expected: { ...DEFAULTS, now: 0 },
  },
  {
    name: "some explicit options, the rest from the environment",
    user: { contentDir: "explicit" },
    env: { GOVNEWS_CONTENT: "from-env", GOVNEWS_OUTPUT: "out-env" },
    expected: { ...DEFAULTS, contentDir: "explicit", outputDir: "out-env" },
  },
];

for (const { name, user, env, expected } of resolveCases) {
  test(`resolveOptions: ${name}`, () => {
    assert.deepEqual(resolveOptions(user, env, clock), expected);
  });
}

test("resolveOptions with no arguments uses the real clock and ignores process.env", () => {
  const before = Date.now();
  const options = resolveOptions();
  const after = Date.now();
  assert.equal(options.contentDir, "content");
  assert.equal(options.outputDir, "_site");
  assert.ok(options.now >= before && options.now <= after, `now ${options.now} between ${before} and ${after}`);
});

const badNows = ["tomorrow", "not a date", "2026-13-45T99:00:00Z"];

for (const value of badNows) {
  test(`resolveOptions throws for GOVNEWS_NOW=${JSON.stringify(value)}, naming the variable`, () => {
    assert.throws(() => resolveOptions({}, { GOVNEWS_NOW: value }, clock), {
      name: "Error",
      message: `GOVNEWS_NOW="${value}" is not a date: use an ISO 8601 date-time with offset, e.g. 2026-08-17T09:30:00Z`,
    });
  });
}

// GOVNEWS_NOW exists for reproducible embargo tests, and its error message asks for an ISO 8601 date-time.
// Values without an offset, or not ISO 8601 at all, are read by Date.parse in the build machine's time zone
// (or, for "1", as the year 2001), so the same setting gives a different "now" on different machines.
const ambiguousNows = ["2026-08-17T09:30:00", "17 Aug 2026 10:00", "1"];

for (const value of ambiguousNows) {
  test(`resolveOptions rejects GOVNEWS_NOW=${JSON.stringify(value)}, which is not an ISO 8601 date-time with offset`, () => {
    assert.throws(() => resolveOptions({}, { GOVNEWS_NOW: value }, clock), { message: /^GOVNEWS_NOW=/ });
  });
}

// ---------------------------------------------------------------------------------------------------------------

const SITE: SiteData = {
  title: 'News <b>& "Views"',
  description: "A site.",
  url: "https://news.example.gov.uk",
  language: "en-GB",
  organisation: { name: "Test Department", url: "https://www.example.gov.uk" },
  copyright: "© <Crown> & co",
  licence: { name: "OGL <v3>", url: 'https://example.org/licence?a=1&b="2"' },
  perPage: 20,
  feedSize: 20,
  govukBranding: false,
};

// Text is passed as it is: the templates escape it (autoescape). Only the licence `html` is markup.
const TITLE = SITE.title;
const LICENCE_HTML =
  'All content is available under the <a class="govuk-footer__link" href="https://example.org/licence?a=1&amp;b=&quot;2&quot;" rel="license">OGL &lt;v3&gt;</a>, except where otherwise stated';
const TEMPLATES = { error404: false, sitemap: false, feed: false, tags: false };

const pluginCases: Array<{ name: string; site: SiteData; expected: Record<string, unknown> }> = [
  {
    name: "not on GOV.UK: own logotype text, no crown footer logo, no GOV.UK icons",
    site: SITE,
    expected: {
      url: false,
      titleSuffix: TITLE,
      stylesheets: ["govnews.css"],
      scripts: ["govnews.js"],
      serviceNavigation: {
        navigation: [
          { text: "Latest news", href: "/" },
          { text: "Topics", href: "/tags/" },
          { text: "Authors", href: "/authors/" },
          { text: "Get updates", href: "/subscribe/" },
        ],
      },
      header: { homepageUrl: "/", productName: false, logotype: { text: TITLE } },
      footer: {
        logo: false,
        copyright: { text: "© <Crown> & co" },
        contentLicence: { html: LICENCE_HTML },
        meta: { items: FOOTER_LINKS },
      },
      icons: { mask: false, shortcut: false, touch: false },
      opengraphImageUrl: false,
      templates: TEMPLATES,
    },
  },
  {
    name: "on GOV.UK: plugin's GOV.UK logotype, site title as product name",
    site: { ...SITE, govukBranding: true },
    expected: {
      url: false,
      titleSuffix: TITLE,
      stylesheets: ["govnews.css"],
      scripts: ["govnews.js"],
      serviceNavigation: {
        navigation: [
          { text: "Latest news", href: "/" },
          { text: "Topics", href: "/tags/" },
          { text: "Authors", href: "/authors/" },
          { text: "Get updates", href: "/subscribe/" },
        ],
      },
      header: { homepageUrl: "/", productName: TITLE },
      footer: {
        copyright: { text: "© <Crown> & co" },
        contentLicence: { html: LICENCE_HTML },
        meta: { items: FOOTER_LINKS },
      },
      templates: TEMPLATES,
    },
  },
];

for (const { name, site, expected } of pluginCases) {
  test(`govukPluginOptions: ${name}`, () => {
    assert.deepEqual(govukPluginOptions(site), expected);
  });
}

const keyCases: Array<{ name: string; govukBranding: boolean; path: string[]; present: boolean }> = [
  // deepmerge in the plugin copies undefined over its defaults, so these keys must be absent, not undefined.
  { name: "GOV.UK branding leaves the logotype to the plugin", govukBranding: true, path: ["header", "logotype"], present: false },
  { name: "GOV.UK branding keeps the footer crown", govukBranding: true, path: ["footer", "logo"], present: false },
  { name: "GOV.UK branding keeps the GOV.UK icons", govukBranding: true, path: ["icons"], present: false },
  { name: "GOV.UK branding keeps the GOV.UK Open Graph image", govukBranding: true, path: ["opengraphImageUrl"], present: false },
  { name: "own branding sets the logotype", govukBranding: false, path: ["header", "logotype"], present: true },
  { name: "own branding removes the footer crown", govukBranding: false, path: ["footer", "logo"], present: true },
];

for (const { name, govukBranding, path, present } of keyCases) {
  test(`govukPluginOptions: ${name} (${path.join(".")} ${present ? "set" : "absent"})`, () => {
    let value: unknown = govukPluginOptions({ ...SITE, govukBranding });
    const last = path.at(-1)!;
    for (const key of path.slice(0, -1)) value = (value as Record<string, unknown>)[key];
    assert.equal(Object.hasOwn(value as object, last), present);
  });
}

const textCases = ["Plain title", "<script>alert(1)</script>", "Tom & Jerry", 'Say "hi"', "It's"];

for (const title of textCases) {
  for (const govukBranding of [false, true]) {
    test(`govukPluginOptions passes the title ${JSON.stringify(title)} as text, not markup (govukBranding: ${govukBranding})`, () => {
      const options = govukPluginOptions({ ...SITE, title, govukBranding });
      const header = options.header as { productName: unknown; logotype?: { text: unknown; html?: unknown } };
      assert.equal(options.titleSuffix, title);
      if (govukBranding) assert.equal(header.productName, title);
      else assert.deepEqual(header.logotype, { text: title });
    });
  }
}
