/**
 * The govnews Eleventy plugin: the only code that knows Eleventy. It loads and validates the content once
 * per build (lib/content), then exposes the published items as collections, filters and page templates.
 * Shape after @x-govuk/govuk-eleventy-plugin's src/index.js: options, content, collections, filters, pages.
 */
import fs from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import type nunjucks from "nunjucks";
import { loadContent, releaseBodies } from "../content/load.ts";
import { ContentError } from "../content/issues.ts";
import { validateSite, type Article, type Model } from "../content/model.ts";
import { siteSchema, stripControlCharacters, type SiteData } from "../content/schema.ts";
import { formatDate, formatDateTime, isoDateTime } from "../content/dates.ts";
import { paginate, paginationParams, type ListPage } from "../content/paginate.ts";
import { resolveOptions, type GovnewsUserOptions } from "./options.ts";
import { bylineFor, flatString, isCurrentPage, typeLabel } from "./view.ts";
import { authorBioParams, roleHistory } from "../authors/bio.ts";
import { articleLd, jsonForScript, profilePageLd } from "./structured-data.ts";
import { buildCatalogue, feedsForArticle, typeArticles, typePlural, typeSlug, type FeedCatalogue } from "../feeds/catalogue.ts";
import { buildFeed } from "../feeds/model.ts";
import { toRss } from "../feeds/rss.ts";
import { toAtom } from "../feeds/atom.ts";
import { toJsonFeed } from "../feeds/json-feed.ts";
import { toOpml } from "../feeds/opml.ts";
import { toSitemap, type SitemapEntry } from "../feeds/sitemap.ts";
import { buildRelatedIndex, toArticleSummary, type RelatedIndex } from "../related/index.ts";
import { patchEleventy } from "./eleventy-patches.ts";
import { startRenderAhead, type RenderAhead } from "./render-ahead.ts";
import { renderBody } from "./markdown.ts";
import { oneByteOutput, referenceWideCharacters } from "./one-byte.ts";
import { setAsideOldOutput } from "./output-folder.ts";
import { fingerprint, govnewsScript, hashedAssetPath } from "./asset-names.ts";
import { compileStylesheet, readCachedStylesheet, stylesheetCacheKey, STYLESHEET_CACHE_DIR, writeCachedStylesheet, type StylesheetSource } from "./stylesheet.ts";


/** What the tag page template paginates over: one entry per page of each tag. */
export interface TagListPage extends ListPage<Article> {
  tag: { slug: string; label: string; count: number };
}

/** What the author page template paginates over: one entry per page of each author's items. */
export interface AuthorListPage extends ListPage<Article> {
  authorId: string;
}

/** What the type page template paginates over. */
export interface TypeListPage extends ListPage<Article> {
  type: { slug: string; label: string; key: string };
}

/** One file the feed template writes. */
export interface FeedFile {
  path: string;
  format: "rss" | "atom" | "json";
  key: string;
}

/** The GOV.UK heading sizes a list entry's title can take (govuk-heading-*). */
const HEADING_SIZES = ["s", "m", "l", "xl"];

export default function govnewsPlugin(eleventyConfig: UserConfig, userOptions: GovnewsUserOptions = {}): void {
  // One line per build instead of one per file: archives run to tens of thousands of items.
  eleventyConfig.setQuietMode(true);

  // -- Options ------------------------------------------------------------------------------------------
  const options = resolveOptions(userOptions, process.env);
  const contentRoot = path.resolve(options.root, options.contentDir);
  // Eleventy's ignores and passthrough copy take paths relative to the working directory.
  const contentRel = path.relative(".", contentRoot) || ".";

  // -- Content: loaded and validated once per build, before Eleventy reads any template ---------------------
  let current: Model | undefined;
  const model = (): Model => {
    if (!current) throw new Error("govnews: content was not loaded; is the plugin registered with addPlugin?");
    return current;
  };
  // Derived once per build, on first use (reset when content is reloaded).
  let catalogue: FeedCatalogue | undefined;
  // Item bodies and related lists, computed in a worker thread as soon as the content is loaded.
  let renderAhead: RenderAhead | undefined;
  let bylines = new WeakMap<Article, ReturnType<typeof bylineFor>>();
  // Per variant (heading level and size), then per item: no key string to build and hash on every call.
  let summaries = new Map<number, WeakMap<Article, string>>();
  let chrome = new Map<string, string>();
  // The appArticleSummary macro itself, taken from its template once per build and called directly: a
  // template that imports it would run the import (a lookup and a render of the macro file) for every entry.
  let summaryMacro: ((params: object) => unknown) | undefined;
  // Every paginated list (listPages below).
  let lists: { home: Array<ListPage<Article>>; tags: TagListPage[]; authors: AuthorListPage[]; types: TypeListPage[] } | undefined;
  // The related-articles index: built once per build from the published items, looked up per page.
  let relatedIndex: RelatedIndex | undefined;
  // On the main thread only if the render-ahead worker cannot answer.
  const related = (): RelatedIndex => (relatedIndex ??= buildRelatedIndex(model().published.map(toArticleSummary)));
  // Each published item's position in model().published, the order the render-ahead worker was given them in.
  let positions: Map<Article, number> | undefined;
  const publishedPosition = (): Map<Article, number> => (positions ??= new Map(model().published.map((article, i) => [article, i])));
  const feeds = (): FeedCatalogue => (catalogue ??= buildCatalogue(model()));

  const font = siteForConfig(userOptions).govukBranding
    ? `"GDS Transport", arial, sans-serif`
    : `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`;
  const stylesheet: StylesheetSource = {
    source: `$govnews-font: (${font});\n` + fs.readFileSync(path.join(options.root, "_includes", "govnews.scss"), "utf8"),
    // As the plugin's Sass extension resolves them for a template in the content folder.
    loadPaths: [contentRel, path.relative(".", path.join(options.root, "_includes")) || ".", "./node_modules", "."],
  };

  // The compiled stylesheet of this build: from the cache, or compiled by the worker (or here) on first use.
  let css: { key: string; text?: string } = { key: "" };

  eleventyConfig.on("eleventy.before", async ({ runMode, outputMode }: { runMode: string; outputMode: string }) => {
    await patchEleventy();
    const output = path.resolve(options.root, options.outputDir);
    // A clean output folder every production build: nothing left over from a removed or withdrawn item, and
    // nothing half-made if the content below turns out to be invalid.
    if (runMode === "build" && outputMode === "fs") setAsideOldOutput(output);
    renderAhead?.stop();
    renderAhead = undefined;
    const { model: loaded, issues } = loadContent({ root: options.root, content: contentRoot }, options);
    if (issues.length > 0 || !loaded) throw new ContentError(issues);
    current = loaded;
    catalogue = undefined;
    relatedIndex = undefined;
    positions = undefined;
    bylines = new WeakMap();
    summaries = new Map();
    chrome = new Map();
    summaryMacro = undefined;
    lists = undefined;
    const feedSize = loaded.site.feedSize;
    const feedItems = new Set([...feeds().byKey.values()].flatMap((feed) => feed.articles.slice(0, feedSize).map((a) => a.slug)));
    const cssKey = stylesheetCacheKey(stylesheet, [contentRoot, path.join(options.root, "_includes")]);
    css = { key: cssKey, text: readCachedStylesheet(cssKey, path.join(options.root, STYLESHEET_CACHE_DIR)) };
    if (options.renderAhead) {
      renderAhead = startRenderAhead({
        items: loaded.published.map(toArticleSummary),
        first: [...feedItems],
        related: options.related,
        site: loaded.site,
        stylesheet: css.text === undefined ? stylesheet : undefined,
      });
      // The worker has its own copy of every published body now; this thread reads one again only if it must
      // render it itself (the worker failed).
      releaseBodies(loaded.published, options.root);
    }
  });

  // Author files are data, not pages; the model reads them.
  eleventyConfig.ignores.add(path.join(contentRel, "authors", "**"));
  eleventyConfig.addPassthroughCopy({ [path.join(contentRel, "images")]: "images" });
  // GOV.UK Frontend's prebuilt ES module: progressive enhancement only, every page works without it. Copied
  // under a name with its content's fingerprint (asset-names.ts): netlify.toml caches that folder for a year.
  const frontendSource = "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js";
  const frontendPath = hashedAssetPath("govuk-frontend", fingerprint(fs.readFileSync(frontendSource)), ".min.js");
  eleventyConfig.addPassthroughCopy({ [frontendSource]: frontendPath.slice(1) });

  // News items are not Eleventy templates: Eleventy would read, parse and keep each file a second time, and
  // scan every template for every template (about a third of a 10,000-item build). The model has read and
  // validated them, and one paginated template below renders the published ones. Drafts, embargoed and
  // withdrawn items are not in that list, so they never reach a page. `npm start` still rebuilds on edits.
  eleventyConfig.ignores.add(path.join(contentRel, "news", "**"));
  eleventyConfig.addWatchTarget(path.join(contentRel, "news"));
  eleventyConfig.addWatchTarget(path.join(contentRel, "authors"));

  // -- Collections ----------------------------------------------------------------------------------------
  // The GOV.UK plugin's collections: its `tags` throws on tags that differ only by case (ours merges them);
  // `navigation`, `sitemap` and `feed` are unused here, and each is another sorted copy of every page whose
  // content Eleventy fills in by a linear search per item. Its `all` only filters out Sass files, which are
  // not pages. Remove them all (Eleventy's own `all` remains).
  for (const name of ["tags", "navigation", "sitemap", "feed", "all"]) delete (eleventyConfig.collections as Record<string, unknown>)[name];
  eleventyConfig.addCollection("tags", () => model().tags.map((t) => ({ slug: t.slug, label: t.label, count: t.articles.length })));

  // Every paginated list, computed once per build: the page templates and the sitemap both read these.
  const listPages = () => {
    if (lists) return lists;
    const m = model();
    lists = {
      home: paginate(m.published, m.site.perPage, "/"),
      tags: m.tags.flatMap((tag) =>
        paginate(tag.articles, m.site.perPage, `/tags/${tag.slug}/`).map((page) => ({
          ...page,
          tag: { slug: tag.slug, label: tag.label, count: tag.articles.length },
        })),
      ),
      authors: [...m.authors.keys()].sort().flatMap((id) =>
        paginate(m.authorArticles.get(id)!, m.site.perPage, `/authors/${id}/`).map((page) => ({ ...page, authorId: id })),
      ),
      types: [...typeArticles(m).entries()]
        .filter(([, articles]) => articles.length > 0)
        .flatMap(([type, articles]) =>
          paginate(articles, m.site.perPage, `/types/${typeSlug(type)}/`).map((page) => ({
            ...page,
            type: { slug: typeSlug(type), label: typePlural(type), key: `type:${typeSlug(type)}` },
          })),
        ),
    };
    return lists;
  };
  eleventyConfig.addCollection("articlePages", () => model().published);
  eleventyConfig.addCollection("homePages", () => listPages().home);
  eleventyConfig.addCollection("tagPages", () => listPages().tags);
  eleventyConfig.addCollection("authorPages", () => listPages().authors);
  eleventyConfig.addCollection("typePages", () => listPages().types);

  eleventyConfig.addCollection("authorIndex", () =>
    [...model().authors.values()]
      .map((author) => authorBioParams(author, model().authorArticles.get(author.id)!.length, 2))
      .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || (a.id < b.id ? -1 : 1)),
  );

  eleventyConfig.addCollection("feedFiles", (): FeedFile[] => {
    const c = feeds();
    return [
      { path: c.site.path, format: "rss", key: "site" },
      { path: c.siteAtom, format: "atom", key: "site" },
      { path: c.siteJson, format: "json", key: "site" },
      ...[...c.types, ...c.tags, ...c.authors].map((e): FeedFile => ({ path: e.path, format: "rss", key: e.key })),
    ];
  });

  // -- Filters --------------------------------------------------------------------------------------------
  // The Markdown library and Nunjucks environment the GOV.UK plugin registered (setLibrary), which render
  // our pages.
  interface Libraries {
    md: { render(src: string): string };
    njk: nunjucks.Environment;
  }
  const library = <K extends keyof Libraries>(name: K): Libraries[K] => {
    const found = (eleventyConfig as unknown as { libraryOverrides: Partial<Libraries> }).libraryOverrides[name];
    if (!found) throw new Error(`govnews: no ${name === "md" ? "Markdown library" : "Nunjucks environment"}; register @x-govuk/govuk-eleventy-plugin before govnews`);
    return found as Libraries[K];
  };
  // Our filters go straight into the Nunjucks environment: every template here is Nunjucks. Through
  // eleventyConfig.addFilter each call would pass three wrappers (Eleventy's Nunjucks wrapper, which copies page
  // data onto the context, its universal-filter wrapper and its benchmark), and a 10,000-item build makes about
  // 250,000 calls. None of our filters reads page data from `this`; govnewsChrome reads `this.ctx`, which is
  // Nunjucks's own. (amendLibrary runs before Eleventy adds its filters, so names must not clash: ours start
  // with "govnews".)
  const filters = new Map<string, (...args: never[]) => unknown>();
  function addFilter<A extends unknown[]>(name: string, fn: (...args: A) => unknown): void {
    filters.set(name, fn as (...args: never[]) => unknown);
  }
  eleventyConfig.amendLibrary("njk", (env: nunjucks.Environment) => {
    for (const [name, fn] of filters) env.addFilter(name, fn as (...args: unknown[]) => unknown);
  });
  addFilter("govnewsDate", (value: string) => formatDate(value));
  addFilter("govnewsDateTime", (value: string) => formatDateTime(value));
  // A calendar day (YYYY-MM-DD, as in role histories) in GOV.UK style.
  addFilter("govnewsDay", (day: string) => formatDate(`${day}T12:00:00Z`));
  addFilter("govnewsIsoDate", (value: string) => isoDateTime(value));
  addFilter("govnewsTypeLabel", (type: string) => typeLabel(type));
  // Memoised per item and build (reset with the model): lists and related articles repeat the same bylines.
  addFilter("govnewsByline", (article: Article) => {
    let byline = bylines.get(article);
    if (!byline) bylines.set(article, (byline = bylineFor(article, model())));
    return byline;
  });
  addFilter("govnewsAuthorBio", (id: string, headingLevel?: number) => {
    const author = model().authors.get(id)!;
    return authorBioParams(author, model().authorArticles.get(id)!.length, headingLevel);
  });
  addFilter("govnewsRoleHistory", (id: string) => roleHistory(model().authors.get(id)!));
  addFilter("govnewsArticleJsonLd", (article: Article) => jsonForScript(articleLd(article, model())));
  addFilter("govnewsProfileJsonLd", (id: string) => jsonForScript(profilePageLd(model().authors.get(id)!, model().site)));
  // Related articles for an item, as the articles themselves (for the list component), best first.
  addFilter("govnewsRelated", (article: Article) => {
    if (!options.related) return [];
    const position = publishedPosition().get(article);
    // Not published (a draft in a deploy preview): the engine lists only published items and has none for it.
    if (position === undefined) return [];
    const published = model().published;
    const fromWorker = renderAhead?.related(position);
    if (fromWorker) return Array.from(fromWorker, (at) => published[at]!);
    return related().get(article.slug).map((entry) => model().bySlug.get(entry.slug)!);
  });
  addFilter("govnewsFeedCatalogue", () => feeds());
  addFilter("govnewsFeed", (key: string) => feeds().byKey.get(key));
  addFilter("govnewsFeedsFor", (article: Article) => feedsForArticle(feeds(), article));
  addFilter("govnewsTypeSlug", (type: string) => typeSlug(type));
  // An item's body: its Markdown rendered by the GOV.UK plugin's markdown-it instance. The render-ahead worker
  // renders every body with the same configuration; this is the fallback should it fail.
  const renderArticleBody = (article: Article): string => renderBody(library("md"), article.body);
  // Feeds render before pages and may list an item several times; its page is the last to need its body.
  const htmlFor = (article: Article): string => renderAhead?.body(article.slug) ?? renderArticleBody(article);
  addFilter("govnewsBody", (article: Article) => renderAhead?.takeBody(article.slug) ?? renderArticleBody(article));
  addFilter("govnewsRenderFeed", (file: FeedFile) => {
    const feed = buildFeed(feeds().byKey.get(file.key)!, model(), htmlFor);
    const self = new URL(file.path, model().site.url).href;
    if (file.format === "atom") return toAtom({ ...feed, self });
    if (file.format === "json") return toJsonFeed({ ...feed, self });
    return toRss(feed);
  });
  const exportedMacro = (file: string, name: string): ((params: object) => unknown) => {
    const njk = library("njk");
    let macro: unknown;
    // Our templates are synchronous, so the callback runs before getExported returns.
    const template = njk.getTemplate(file, true) as unknown as { getExported(cb: (error: Error | null, exported: Record<string, unknown>) => void): void };
    template.getExported((error, exported) => {
      if (error) throw error;
      macro = exported[name];
    });
    if (typeof macro !== "function") throw new Error(`govnews: ${file} does not export a macro ${name}`);
    return macro as (params: object) => unknown;
  };
  // An item's list entry (the appArticleSummary component) rendered once per build for each heading level and
  // size, then reused: an archive lists each item on many pages (home, topics, type, authors, related lists).
  addFilter("govnewsSummary", (article: Article, headingLevel: number = 2, size: string = "m") => {
    const sizeIndex = HEADING_SIZES.indexOf(size);
    if (sizeIndex < 0) throw new Error(`govnewsSummary: size must be one of ${HEADING_SIZES.join(", ")}, not "${size}"`);
    const variant = headingLevel * HEADING_SIZES.length + sizeIndex;
    let cache = summaries.get(variant);
    if (!cache) summaries.set(variant, (cache = new WeakMap()));
    let html = cache.get(article);
    if (html === undefined) {
      summaryMacro ??= exportedMacro("components/article-summary/macro.njk", "appArticleSummary");
      html = flatString(referenceWideCharacters(String(summaryMacro({ article, headingLevel, size }))));
      cache.set(article, html);
    }
    return html;
  });
  // The page chrome (header with navigation, footer), rendered once per build for each set of current
  // navigation items. Its templates read only site-wide data and page.url, and the navigation's current items
  // follow the GOV.UK plugin's rule (currentPage: the item's URL, or a page below it).
  addFilter("govnewsChrome", function (this: { ctx: Record<string, unknown> }, part: "header" | "footer", url: string) {
    const navigation = (this.ctx.options as { serviceNavigation?: { navigation?: Array<{ href: string }> } }).serviceNavigation?.navigation ?? [];
    const current = part === "footer" ? "" : navigation.map((item) => (isCurrentPage(item.href, url) ? "1" : "0")).join("");
    const key = `${part} ${current}`;
    let html = chrome.get(key);
    if (html === undefined) {
      const njk = library("njk");
      html = flatString(referenceWideCharacters(njk.render(`govnews-${part}.njk`, this.ctx)));
      chrome.set(key, html);
    }
    return html;
  });
  addFilter("govnewsPagination", (page: ListPage<unknown>, base: string) => paginationParams(page, base));

  // -- Global data ----------------------------------------------------------------------------------------
  eleventyConfig.addGlobalData("govnewsPreview", options.preview);
  // The GOV.UK plugin computes eleventyNavigation for every page, which makes its base layout look up
  // breadcrumbs across all pages for every page: O(n²), a quarter of a 10,000-item build. We show no
  // breadcrumbs or navigation trees, so we replace its computed data with none.
  eleventyConfig.addGlobalData("eleventyComputed", () => ({}));
  // Every list, feed and index reads the model's published items, never Eleventy's collections, so no page
  // needs to be in one: this spares Eleventy sorting every page and copying its content into each collection.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);

  // -- Pages ----------------------------------------------------------------------------------------------
  // Virtual templates: the page markup lives in _includes/ as layouts; here only data and URLs.
  // One page at a fixed URL, and paginated lists (one page per entry of a collection of ListPage objects).
  const addPage = (name: string, layout: string, permalink: string) => eleventyConfig.addTemplate(`govnews-${name}.njk`, "", { layout, permalink });
  const addListPages = (name: string, layout: string, collection: string) =>
    eleventyConfig.addTemplate(`govnews-${name}.njk`, "", {
      layout,
      pagination: { data: `collections.${collection}`, size: 1, alias: "listPage", addAllPagesToCollections: false },
      permalink: "{{ listPage.href }}",
    });
  // One page per published item, at the item's URL (/news/<file name>/).
  eleventyConfig.addTemplate("govnews-article.njk", "", {
    layout: "article.njk",
    pagination: { data: "collections.articlePages", size: 1, alias: "article", addAllPagesToCollections: false },
    permalink: (data: { article: Article }) => data.article.url,
  });
  addListPages("home", "home.njk", "homePages");
  addPage("tags", "tag-index.njk", "/tags/");
  addListPages("tag", "tag-page.njk", "tagPages");
  addPage("authors", "author-index.njk", "/authors/");
  addListPages("author", "author-page.njk", "authorPages");
  addListPages("type", "type-page.njk", "typePages");
  addPage("subscribe", "subscribe.njk", "/subscribe/");
  addPage("404", "not-found.njk", "/404.html");
  eleventyConfig.addTemplate("govnews-feed.njk", "{{ feedFile | govnewsRenderFeed }}", {
    layout: false,
    pagination: { data: "collections.feedFiles", size: 1, alias: "feedFile", addAllPagesToCollections: false },
    permalink: "{{ feedFile.path }}",
  });
  eleventyConfig.addTemplate("govnews-opml.njk", "{{ '' | govnewsOpml }}", {
    layout: false,
    permalink: "/feeds.opml",
  });
  addFilter("govnewsOpml", () => toOpml(feeds(), model().site.title, model().site.url));
  // Sitemap: every HTML page this build writes (lists, items, authors), with item dates where they exist.
  eleventyConfig.addTemplate("govnews-sitemap.njk", "{{ '' | govnewsSitemap }}", {
    layout: false,
    permalink: "/sitemap.xml",
  });
  addFilter("govnewsSitemap", () => {
    const m = model();
    const newest = m.published[0];
    const entries: SitemapEntry[] = [
      ...listPages().home.map((p) => ({ path: p.href, lastmod: p.number === 1 && newest ? (newest.updated ?? newest.date) : undefined })),
      ...m.published.map((a) => ({ path: a.url, lastmod: a.updated ?? a.date })),
      { path: "/tags/" },
      ...[...listPages().tags, ...listPages().types, ...listPages().authors].map((p) => ({ path: p.href })),
      { path: "/authors/" },
      { path: "/subscribe/" },
    ];
    return toSitemap(entries, m.site.url);
  });
  // Previews must not be indexed; production points crawlers at the sitemap.
  addFilter("govnewsRobots", () =>
    options.preview ? "User-agent: *\nDisallow: /\n" : `User-agent: *\nDisallow:\nSitemap: ${new URL("/sitemap.xml", model().site.url).href}\n`,
  );
  eleventyConfig.addTemplate("govnews-robots.njk", "{{ '' | govnewsRobots }}", {
    layout: false,
    permalink: "/robots.txt",
  });
  // Our script and stylesheet, fingerprinted (asset-names.ts): the script by its text, the stylesheet by the
  // hash of everything it is compiled from (its cache key, known before any page renders). Pages, and the feed
  // stylesheet, link them through the global data `govnewsAssets`.
  const scriptText = govnewsScript(frontendPath);
  const scriptPath = hashedAssetPath("govnews", fingerprint(scriptText), ".js");
  const stylesheetPath = (): string => {
    if (!css.key) throw new Error("govnews: the stylesheet's name was asked for before the build started");
    return hashedAssetPath("govnews", css.key.slice(0, 16), ".css");
  };
  eleventyConfig.addGlobalData("govnewsAssets", () => ({ stylesheet: stylesheetPath(), script: scriptPath }));
  eleventyConfig.addTemplate("govnews-feed-xsl.njk", "", { layout: "feed.xsl.njk", permalink: "/feed.xsl" });
  // Our stylesheet, compiled as the GOV.UK plugin compiles Sass (lib/eleventy/stylesheet.ts), by the
  // render-ahead worker; GDS Transport only with GOV.UK branding.
  eleventyConfig.addTemplate("govnews-script.njk", scriptText, {
    permalink: scriptPath,
    layout: false,
  });
  eleventyConfig.addTemplate("govnews-styles.njk", "{{ '' | govnewsStylesheet | safe }}", {
    permalink: () => stylesheetPath(),
    layout: false,
  });
  addFilter("govnewsStylesheet", () => {
    if (css.text === undefined) {
      css.text = renderAhead?.stylesheet() ?? compileStylesheet(stylesheet);
      writeCachedStylesheet(css.key, css.text, path.join(options.root, STYLESHEET_CACHE_DIR));
    }
    return css.text;
  });

  // Every page and feed at one byte per character (one-byte.ts): bodies already are (renderBody); this catches
  // titles, standfirsts and bios with typographic quotes. Nearly free on a page that is already one-byte.
  eleventyConfig.addTransform("govnews-one-byte-output", function (this: { page: { outputPath: unknown } }, content: unknown) {
    const outputPath = this.page.outputPath;
    return typeof content === "string" && typeof outputPath === "string" ? oneByteOutput(content, outputPath) : content;
  });
}

/**
 * Site data for configuring the GOV.UK plugin, read before the build. When site.json is invalid this returns
 * placeholders so the build goes on to report every content problem at once (site.json included).
 */
export function siteForConfig(userOptions: GovnewsUserOptions = {}): SiteData {
  const options = resolveOptions(userOptions, process.env);
  const file = path.resolve(options.root, options.contentDir, "site.json");
  try {
    const { site } = validateSite(file, JSON.parse(fs.readFileSync(file, "utf8")));
    if (site) return site;
  } catch {
    // reported by the eleventy.before hook with the file name and the fix
  }
  return siteSchema.parse({
    title: "News",
    description: "News",
    url: "https://example.org",
    organisation: { name: "Organisation", url: "https://example.org" },
    copyright: "Copyright",
    licence: { name: "Licence", url: "https://example.org" },
  });
}
