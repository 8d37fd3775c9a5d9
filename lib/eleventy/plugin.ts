/**
 * The govnews Eleventy plugin: the only code that knows Eleventy. It loads and validates the content once
 * per build (lib/content), then exposes the published items as collections, filters and page templates.
 * Shape after @x-govuk/govuk-eleventy-plugin's src/index.js: options, content, collections, filters, pages.
 */
import fs from "node:fs";
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import nunjucks from "nunjucks";
import { loadContent, releaseBodies } from "../content/load.ts";
import { ContentError } from "../content/issues.ts";
import { validateSite, type Article, type ItemSet, type Model } from "../content/model.ts";
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
import { patchEleventy } from "../build/eleventy-patches.ts";
import { startRenderAhead, type RenderAhead } from "../build/render-ahead.ts";
import { articleBodies, bodyChecker, renderBody } from "./markdown.ts";
import { oneByteOutput, referenceWideCharacters } from "../build/one-byte.ts";
import { outputFolderProblem, setAsideOldOutput } from "../build/output-folder.ts";
import { imagesToPublish } from "../content/published-files.ts";
import { fingerprint, govnewsScript, hashedAssetPath } from "./asset-names.ts";
import { compileStylesheet, type StylesheetSource } from "./stylesheet.ts";
import { readCachedStylesheet, stylesheetCacheKey, STYLESHEET_CACHE_DIR, writeCachedStylesheet } from "../build/stylesheet-cache.ts";


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

/** Every paginated list of a set of items. */
interface ListPages {
  home: Array<ListPage<Article>>;
  tags: TagListPage[];
  authors: AuthorListPage[];
  types: TypeListPage[];
}

/** One file the feed template writes. */
export interface FeedFile {
  path: string;
  format: "rss" | "atom" | "json";
  key: string;
}

// Nunjucks's SafeString maker (missing from @types/nunjucks): a value it wraps is printed without escaping.
const { markSafe } = nunjucks.runtime as unknown as { markSafe(text: string): unknown };

/** The GOV.UK heading sizes a list entry's title can take (govuk-heading-*). */
const HEADING_SIZES = ["s", "m", "l", "xl"];

export default function govnewsPlugin(eleventyConfig: UserConfig, userOptions: GovnewsUserOptions = {}): void {
  // One line per build instead of one per file: archives run to tens of thousands of items.
  eleventyConfig.setQuietMode(true);

  // -- Options ------------------------------------------------------------------------------------------
  const options = resolveOptions(userOptions, process.env);
  const contentRoot = path.resolve(options.root, options.contentDir);
  // Eleventy's watch targets and the stylesheet's load paths take paths relative to the working directory.
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
  let bios = new Map<string, ReturnType<typeof authorBioParams>>();
  // Per variant (heading level and size), then per item: no key string to build and hash on every call.
  let summaries = new Map<number, WeakMap<Article, string>>();
  let chrome = new Map<string, string>();
  // The appArticleSummary macro itself, taken from its template once per build and called directly: a
  // template that imports it would run the import (a lookup and a render of the macro file) for every entry.
  let summaryMacro: ((params: object) => unknown) | undefined;
  // Every paginated list (listPages below).
  let lists: ListPages | undefined;
  let publishedLists: ListPages | undefined;
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

  // Site paths of the images this build publishes (published-files.ts).
  let images: string[] = [];

  // The compiled stylesheet of this build: from the cache, or compiled by the worker (or here) on first use.
  let css: { key: string; text?: string } = { key: "" };

  eleventyConfig.on("eleventy.before", async ({ runMode, outputMode, directories }: { runMode: string; outputMode: string; directories: { output: string } }) => {
    await patchEleventy();
    // However the output folder was given (GOVNEWS_OUTPUT, Eleventy's --output, npm run build's staging folder).
    const output = path.resolve(directories.output);
    if (outputMode === "fs") {
      const problem = outputFolderProblem(output, { root: path.resolve(options.root), content: contentRoot });
      if (problem) throw new OutputFolderError(`govnews: ${problem}`);
    }
    // A clean output folder every build: nothing left over from a removed or withdrawn item.
    if (runMode === "build" && outputMode === "fs") setAsideOldOutput(output);
    renderAhead?.stop();
    renderAhead = undefined;
    const { model: loaded, issues } = loadContent({ root: options.root, content: contentRoot }, options);
    if (issues.length > 0 || !loaded) {
      // Report every problem at once, as npm run check does: read again with every body rendered and checked
      // (only on this path: a valid build checks each body as it renders it).
      const checkBody = bodyChecker((source) => renderBody(library("md"), source), options.root);
      throw new ContentError(loadContent({ root: options.root, content: contentRoot }, { ...options, checkBody }).issues);
    }
    current = loaded;
    // Before the bodies are released below: body images count.
    // Only files the content check found and accepted as images (a body may mention a path that is not one).
    const accepted = new Set(loaded.images);
    images = imagesToPublish(loaded.listed.articles, loaded.authors, loaded.site).filter((image) => accepted.has(image));
    catalogue = undefined;
    relatedIndex = undefined;
    positions = undefined;
    bylines = new WeakMap();
    bios = new Map();
    summaries = new Map();
    chrome = new Map();
    summaryMacro = undefined;
    lists = undefined;
    publishedLists = undefined;
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

  // Images used by what this build shows, copied byte for byte (never rendered) once the pages are written.
  eleventyConfig.on("eleventy.after", ({ directories, outputMode }: { directories: { output: string }; outputMode: string }) => {
    if (outputMode !== "fs" || !current) return;
    copyImages(contentRoot, path.resolve(directories.output), images);
  });
  // GOV.UK Frontend's prebuilt ES module: progressive enhancement only, every page works without it. Copied
  // under a name with its content's fingerprint (asset-names.ts): netlify.toml caches that folder for a year.
  const frontendSource = "node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js";
  const frontendPath = hashedAssetPath("govuk-frontend", fingerprint(fs.readFileSync(frontendSource)), ".min.js");
  eleventyConfig.addPassthroughCopy({ [frontendSource]: frontendPath.slice(1) });

  // Nothing in the content folder is an Eleventy template (Eleventy's input is lib/eleventy/pages/, which holds
  // none): lib/content reads every file as data, and one paginated template below renders the items. That keeps
  // template engines away from anything a pull request can change, and spares Eleventy reading, parsing and
  // keeping each item a second time. `npm start` still rebuilds on edits.
  for (const part of ["news", "authors", "images", "site.json"]) eleventyConfig.addWatchTarget(path.join(contentRel, part));

  // -- Collections ----------------------------------------------------------------------------------------
  // The GOV.UK plugin's collections: its `tags` throws on tags that differ only by case (ours merges them);
  // `navigation`, `sitemap` and `feed` are unused here, and each is another sorted copy of every page whose
  // content Eleventy fills in by a linear search per item. Its `all` only filters out Sass files, which are
  // not pages. Remove them all (Eleventy's own `all` remains).
  for (const name of ["tags", "navigation", "sitemap", "feed", "all"]) delete (eleventyConfig.collections as Record<string, unknown>)[name];

  // Every paginated list of a set of items, computed once per build. The pages list `model().listed` (in a preview,
  // drafts and scheduled items too); the sitemap reads the lists of `published` items only (the same object in
  // production, so they are computed once).
  const listPagesOf = (set: ItemSet): ListPages => {
    const m = model();
    return {
      home: paginate(set.articles, m.site.perPage, "/"),
      tags: set.tags.flatMap((tag) =>
        paginate(tag.articles, m.site.perPage, `/tags/${tag.slug}/`).map((page) => ({
          ...page,
          tag: { slug: tag.slug, label: tag.label, count: tag.articles.length },
        })),
      ),
      // An author with nothing listed has no page (nor, with nothing published, a feed).
      authors: [...m.authors.keys()]
        .sort()
        .filter((id) => set.authorArticles.get(id)!.length > 0)
        .flatMap((id) => paginate(set.authorArticles.get(id)!, m.site.perPage, `/authors/${id}/`).map((page) => ({ ...page, authorId: id }))),
      types: [...typeArticles(set.articles).entries()]
        .filter(([, articles]) => articles.length > 0)
        .flatMap(([type, articles]) =>
          paginate(articles, m.site.perPage, `/types/${typeSlug(type)}/`).map((page) => ({
            ...page,
            type: { slug: typeSlug(type), label: typePlural(type), key: `type:${typeSlug(type)}` },
          })),
        ),
    };
  };
  const listPages = (): ListPages => (lists ??= listPagesOf(model().listed));
  const publishedListPages = (): ListPages => {
    const m = model();
    return m.listed.articles === m.published ? listPages() : (publishedLists ??= listPagesOf({ articles: m.published, tags: m.tags, authorArticles: m.authorArticles }));
  };
  eleventyConfig.addCollection("tags", () => model().listed.tags.map((t) => ({ slug: t.slug, label: t.label, count: t.articles.length })));
  eleventyConfig.addCollection("articlePages", () => model().listed.articles);
  eleventyConfig.addCollection("homePages", () => listPages().home);
  eleventyConfig.addCollection("tagPages", () => listPages().tags);
  eleventyConfig.addCollection("authorPages", () => listPages().authors);
  eleventyConfig.addCollection("typePages", () => listPages().types);

  eleventyConfig.addCollection("authorIndex", () =>
    [...model().authors.values()]
      .filter((author) => model().listed.authorArticles.get(author.id)!.length > 0)
      .map((author) => authorBioParams(author, model().listed.authorArticles.get(author.id)!.length, 2))
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
  // Markup our own code built from escaped or sanitised parts (bodies, list entries, page chrome, JSON-LD, feeds):
  // printed as it is. Every other filter's result is text, and escaped where it is printed.
  function addMarkupFilter<A extends unknown[]>(name: string, fn: (...args: A) => string): void {
    filters.set(name, function (this: unknown, ...args: A) {
      return markSafe(fn.apply(this, args));
    } as (...args: never[]) => unknown);
  }
  eleventyConfig.amendLibrary("njk", (env: nunjucks.Environment) => {
    // Escaping is the default: every value printed in any template (ours, GOV.UK Frontend's, the GOV.UK plugin's
    // components) is HTML-escaped unless it is markup from addMarkupFilter or a `*Html` param printed with `| safe`.
    // The GOV.UK plugin creates this environment with autoescape off; Nunjucks reads the option at render time.
    (env as unknown as { opts: { autoescape: boolean } }).opts.autoescape = true;
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
  // Once per author and heading level per build: every article page shows its authors' bios, and rendering and
  // sanitising a bio's Markdown on each of them was a visible share of a large build (npm run bench).
  addFilter("govnewsAuthorBio", (id: string, headingLevel?: number) => {
    const key = `${id} ${headingLevel ?? ""}`;
    let params = bios.get(key);
    if (!params) bios.set(key, (params = authorBioParams(model().authors.get(id)!, model().listed.authorArticles.get(id)!.length, headingLevel)));
    return params;
  });
  // Structured data speaks only of published work: in a preview, an author whose items are all drafts has a page
  // (for the drafts' bylines) but nothing for machines.
  addFilter("govnewsHasPublished", (id: string) => (model().authorArticles.get(id)?.length ?? 0) > 0);
  addFilter("govnewsRoleHistory", (id: string) => roleHistory(model().authors.get(id)!));
  addMarkupFilter("govnewsArticleJsonLd", (article: Article) => jsonForScript(articleLd(article, model())));
  addMarkupFilter("govnewsProfileJsonLd", (id: string) => jsonForScript(profilePageLd(model().authors.get(id)!, model().site)));
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
  // An item's body: its Markdown rendered by the GOV.UK plugin's markdown-it instance, sanitised. The
  // render-ahead worker renders every body with the same configuration; this thread renders should it fail.
  // A body the sanitiser changed fails the build with every body problem (articleBodies).
  const bodies = articleBodies({ ahead: () => renderAhead, render: (source) => renderBody(library("md"), source), items: () => model().listed.articles, root: options.root });
  // Feeds render before pages and may list an item several times; its page is the last to need its body.
  const htmlFor = (article: Article): string => bodies.html(article);
  addMarkupFilter("govnewsBody", (article: Article) => bodies.take(article));
  // A body the sanitiser changed fails the build before its page or feed is written, with every body problem.
  eleventyConfig.addTransform("govnews-body-problems", (content: unknown) => {
    const failure = bodies.failure();
    if (failure) throw failure;
    return content;
  });
  addMarkupFilter("govnewsRenderFeed", (file: FeedFile) => {
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
  addMarkupFilter("govnewsSummary", (article: Article, headingLevel: number = 2, size: string = "m") => {
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
  addMarkupFilter("govnewsChrome", function (this: { ctx: Record<string, unknown> }, part: "header" | "footer", url: string) {
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
  addMarkupFilter("govnewsOpml", () => toOpml(feeds(), model().site.title, model().site.url));
  // Sitemap: every HTML page this build writes (lists, items, authors), with item dates where they exist.
  eleventyConfig.addTemplate("govnews-sitemap.njk", "{{ '' | govnewsSitemap }}", {
    layout: false,
    permalink: "/sitemap.xml",
  });
  addMarkupFilter("govnewsSitemap", () => {
    const m = model();
    const newest = m.published[0];
    const published = publishedListPages();
    const entries: SitemapEntry[] = [
      ...published.home.map((p) => ({ path: p.href, lastmod: p.number === 1 && newest ? (newest.updated ?? newest.date) : undefined })),
      ...m.published.map((a) => ({ path: a.url, lastmod: a.updated ?? a.date })),
      { path: "/tags/" },
      ...[...published.tags, ...published.types, ...published.authors].map((p) => ({ path: p.href })),
      { path: "/authors/" },
      { path: "/subscribe/" },
    ];
    return toSitemap(entries, m.site.url);
  });
  // Previews must not be indexed; production points crawlers at the sitemap.
  addMarkupFilter("govnewsRobots", () =>
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
  eleventyConfig.addTemplate("govnews-styles.njk", "{{ '' | govnewsStylesheet }}", {
    permalink: () => stylesheetPath(),
    layout: false,
  });
  addMarkupFilter("govnewsStylesheet", () => {
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

/**
 * Copies each image (a site path under /images/) from the content folder to the output folder, byte for byte.
 * The paths were validated by the content schema; this refuses anything that would leave either folder anyway.
 */
export function copyImages(contentRoot: string, output: string, images: readonly string[]): void {
  const source = path.join(contentRoot, "images") + path.sep;
  const target = path.join(output, "images") + path.sep;
  for (const image of images) {
    const from = path.resolve(contentRoot, "." + image);
    const to = path.resolve(output, "." + image);
    if (!from.startsWith(source) || !to.startsWith(target)) throw new Error(`govnews: refusing to copy ${JSON.stringify(image)}: not a path under /images/`);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
}

/** An output folder a build must not write to; printed without a stack trace, like content errors. */
class OutputFolderError extends Error {
  readonly skipOriginalStack = true;
}
