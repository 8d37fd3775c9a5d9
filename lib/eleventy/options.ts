/**
 * Options for the govnews plugin and for the GOV.UK plugin, resolved by pure functions so they are
 * unit-tested without a build.
 */
import escapeHtml from "escape-html";
import type { SiteData } from "../content/schema.ts";
import { isIsoDateTimeWithOffset } from "../content/dates.ts";
import { ARCHIVE_URL } from "../content/archive.ts";
import { ACCESSIBILITY_URL, COOKIES_URL } from "../content/legal-pages.ts";

/**
 * Eleventy's input folder: it holds no templates (every page is a virtual template of the plugin), so nothing from
 * the content folder ever reaches a template engine.
 */
export const PAGES_DIR = "lib/eleventy/pages";

export interface GovnewsOptions {
  /** Project root (where package.json is). */
  root: string;
  /** Content folder, relative to root. */
  contentDir: string;
  /** Output folder, relative to root. */
  outputDir: string;
  /** Epoch ms that decides which items are still embargoed. */
  now: number;
  /** Deploy previews: drafts and scheduled items are shown, with a banner, and never indexed. */
  preview: boolean;
  /** Related articles on article pages; GOVNEWS_RELATED=off builds without them (benchmarks compare both). */
  related: boolean;
  /**
   * Bodies, related lists and the stylesheet computed in a worker thread (lib/build/render-ahead.ts);
   * GOVNEWS_RENDER_AHEAD=off does it all on the main thread (same output, slower: tests compare the two).
   */
  renderAhead: boolean;
  /** The search index (lib/eleventy/search-index.ts); GOVNEWS_SEARCH=off builds without it (benchmarks compare both). */
  search: boolean;
  /**
   * Under npm start, pages of each family the first build writes, and pages each later build adds (preview.ts);
   * GOVNEWS_PREVIEW_PAGES=first,change,fill sets them (tests fill a small site in several builds).
   */
  previewPages: { first: number; change: number; fill: number };
}

export type GovnewsUserOptions = Partial<GovnewsOptions>;

/**
 * Pages of each family npm start's first build writes (newest first), and pages each later build adds until all are
 * written (lib/eleventy/preview.ts): the server starts after the first build, and each later one is short enough that
 * an edit made meanwhile waits little. Measured in docs/performance.md (npm run bench:preview).
 */
export const FIRST_PAGES = 50;
export const FILL_PAGES = 300;
/**
 * npm start's messages when a build leaves pages for the next (the first build's for the fill builds, or an edit's
 * beyond its share of changed pages), and once none is left (bench-preview.ts waits for it).
 */
export const PAGES_FOLLOW = "govnews: some pages follow in the next builds";
export const EVERY_PAGE_WRITTEN = "govnews: every page is written";
/** Pages of each family a later build writes of those an edit changed; the rest follow in the next builds. */
export const CHANGE_PAGES = 60;

type Env = Record<string, string | undefined>;

/**
 * Defaults, then environment, then explicit options.
 * - GOVNEWS_CONTENT / GOVNEWS_OUTPUT: other folders (tests build fixture content this way).
 * - GOVNEWS_NOW: ISO date-time the build treats as "now" (reproducible embargo tests).
 * - GOVNEWS_PREVIEW=1, or Netlify's CONTEXT=deploy-preview|branch-deploy: include drafts and scheduled items.
 * - GOVNEWS_RELATED=off: no related-articles lists (for benchmarks).
 * - GOVNEWS_RENDER_AHEAD=off: no worker thread (for tests and debugging).
 * - GOVNEWS_SEARCH=off: no search index (for benchmarks); the search page then finds nothing.
 * - GOVNEWS_PREVIEW_PAGES=first,change,fill: how many pages npm start's builds write (lib/eleventy/preview.ts).
 */
export function resolveOptions(user: GovnewsUserOptions = {}, env: Env = {}, clock: () => number = Date.now): GovnewsOptions {
  let now = clock();
  if (env.GOVNEWS_NOW) {
    // An explicit offset, so the same value means the same moment on every machine.
    const parsed = isIsoDateTimeWithOffset(env.GOVNEWS_NOW) ? Date.parse(env.GOVNEWS_NOW) : Number.NaN;
    if (Number.isNaN(parsed)) throw new Error(`GOVNEWS_NOW="${env.GOVNEWS_NOW}" is not a date: use an ISO 8601 date-time with offset, e.g. 2026-08-17T09:30:00Z`);
    now = parsed;
  }
  const preview = env.GOVNEWS_PREVIEW === "1" || env.CONTEXT === "deploy-preview" || env.CONTEXT === "branch-deploy";
  const [first, change, fill] = (env.GOVNEWS_PREVIEW_PAGES ?? "").split(",").map(Number);
  const pages = (n: number | undefined, fallback: number) => (Number.isInteger(n) && n! >= 1 ? n! : fallback);
  return {
    root: user.root ?? ".",
    contentDir: user.contentDir ?? env.GOVNEWS_CONTENT ?? "content",
    outputDir: user.outputDir ?? env.GOVNEWS_OUTPUT ?? "_site",
    now: user.now ?? now,
    preview: user.preview ?? preview,
    related: user.related ?? env.GOVNEWS_RELATED !== "off",
    renderAhead: user.renderAhead ?? env.GOVNEWS_RENDER_AHEAD !== "off",
    search: user.search ?? env.GOVNEWS_SEARCH !== "off",
    previewPages: user.previewPages ?? { first: pages(first, FIRST_PAGES), change: pages(change, CHANGE_PAGES), fill: pages(fill, FILL_PAGES) },
  };
}

/**
 * Options for @x-govuk/govuk-eleventy-plugin. Its templates run with autoescape on (filters/register.ts), so text is given
 * as it is and escaped where it is printed; only `html` values are markup, built here from escaped parts. Only a department whose site is on GOV.UK may use the crown, the
 * GOV.UK logotype and GDS Transport (https://github.com/x-govuk/govuk-eleventy-plugin#readme).
 */
export function govukPluginOptions(site: SiteData): Record<string, unknown> {
  const branded = site.govukBranding;
  return {
    // Left unset on purpose: with `url` the plugin makes CSS and JS links absolute production URLs,
    // which breaks local and preview builds. Our own templates use site.url for canonical and feed links.
    url: false,
    titleSuffix: site.title,
    // Our own stylesheet and script (lib/eleventy/virtual-pages/assets.ts). With both set, the plugin skips its Sass and
    // rollup steps, which ran unawaited after the build and were its slowest part. Only the plugin's own base
    // layout prints these, and we do not use it: our pages link the files by their fingerprinted names
    // (lib/eleventy/asset-names.ts, global data `govnewsAssets`), which are known only once the build starts.
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
    header: {
      homepageUrl: "/",
      productName: branded ? site.title : false,
      ...(branded ? {} : { logotype: { text: site.title } }),
    },
    footer: {
      ...(branded ? {} : { logo: false }),
      copyright: { text: site.copyright },
      contentLicence: {
        html: `All content is available under the <a class="govuk-footer__link" href="${escapeHtml(site.licence.url)}" rel="license">${escapeHtml(site.licence.name)}</a>, except where otherwise stated`,
      },
      meta: {
        items: [
          { href: "/tags/", text: "Topics" },
          { href: ARCHIVE_URL, text: "Archive" },
          { href: ACCESSIBILITY_URL, text: "Accessibility statement" },
          { href: COOKIES_URL, text: "Cookies" },
        ],
      },
    },
    // deepmerge in the plugin copies `undefined` over its defaults, so leave keys out rather than undefined
    ...(branded ? {} : { icons: { mask: false, shortcut: false, touch: false }, opengraphImageUrl: false }),
    templates: {
      // We build these ourselves: the plugin's versions print data unescaped, title tag pages
      // "(page 1 of N)" with N the number of tags, and crash on tags that differ only by case.
      error404: false,
      sitemap: false,
      feed: false,
      tags: false,
    },
  };
}
