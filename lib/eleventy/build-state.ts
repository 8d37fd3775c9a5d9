/**
 * Everything one build knows, in one object: made in `eleventy.before` (startBuild) and dropped whole when the
 * next build starts, so nothing of an earlier build (`npm start` rebuilds) survives into the next. Filters,
 * collections and pages read it through PluginContext.build(); what is derived from the content is computed on
 * first use and kept here.
 */
import path from "node:path";
import { loadContent, releaseBodies } from "../content/load.ts";
import { ContentError } from "../content/issues.ts";
import { withPositions } from "../content/positions.ts";
import type { Article, Model } from "../content/model.ts";
import { publishedImages } from "../content/published-files.ts";
import { goLive, planLinks, referenceProblems, type LinkPlan } from "../content/body-links.ts";
import { buildCatalogue, type FeedCatalogue } from "../feeds/catalogue.ts";
import { buildRelatedIndex, toArticleSummary, toSummaryWithoutBody, type RelatedIndex } from "../related/index.ts";

import type { AuthorBioParams } from "../authors/bio.ts";
import { startRenderAhead, type RenderAhead } from "../build/render-ahead.ts";
import { startSearchAhead, type SearchAhead } from "../build/search-ahead.ts";
import { searchItems } from "./search-index.ts";
import { readCachedStylesheet, stylesheetCacheKey, STYLESHEET_CACHE_DIR } from "../build/stylesheet-cache.ts";
import { articleBodies, bodyChecker, renderBody } from "./markdown.ts";
import { listPagesOf, type ListPages } from "./list-pages.ts";
import type { GovnewsOptions } from "./options.ts";
import type { Library } from "./libraries.ts";
import type { StylesheetSource } from "./stylesheet.ts";
import type { BylinePerson } from "./view.ts";
import { shareCardFor, type ShareCard } from "./share-image.ts";
import type { ProcessedImages } from "./images.ts";
import type { PageFamily, Preview } from "./preview.ts";
import { pageFingerprints, type PageFingerprints } from "./page-fingerprints.ts";

export interface BuildState {
  model: Model;
  /** Site paths of the images this build publishes (published-files.ts), copied once the pages are written. */
  images: string[];
  /** Those of them the bodies of the pages this build shows mention (processed into <picture>s, images.ts). */
  bodyImages: string[];
  /** Lead images processed for this build (images.ts), set before any page renders; copied once the pages are written. */
  processedImages?: ProcessedImages;
  /** The default share image (share-image.ts), written once the pages are. */
  shareCard: ShareCard;
  /** The compiled stylesheet: its cache key (which also names it), and its text once read or compiled. */
  stylesheet: { key: string; text?: string };
  /** Item bodies, related lists and the stylesheet computed in a worker thread, if it runs. */
  renderAhead?: RenderAhead;
  /** The search index, built while the pages are written (lib/build/search-ahead.ts), when the build writes files. */
  search?: SearchAhead;
  /** Under `npm start`: what the rebuilds hand on to each other (preview.ts). */
  preview?: Preview;
  /** Item bodies for pages and feeds (from the worker, or rendered here), and this build's body problems. */
  bodies: ReturnType<typeof articleBodies<Article>>;
  /** Derived from the model on first use. */
  derived: {
    catalogue?: FeedCatalogue;
    /** The related-articles index on this thread: only if the render-ahead worker cannot answer. */
    related?: RelatedIndex;
    /** Each published item's position in model.published, the order the render-ahead worker was given them in. */
    positions?: Map<Article, number>;
    /** Every paginated list of the listed items, and of the published ones (the same object in production). */
    lists?: ListPages;
    publishedLists?: ListPages;
    /** When each page the content decides goes live, for checking links in bodies (lib/content/body-links.ts). */
    linkPlan?: LinkPlan;
    /** Under `npm start`: each page's fingerprint (page-fingerprints.ts). */
    fingerprints?: PageFingerprints;
    /** Under `npm start`: the published items' keys together, what related lists and the index are made from. */
    publishedKey?: string;
  };
  /** Fragments and values filters compute once per build and reuse (filters/*.ts). */
  caches: {
    bylines: WeakMap<Article, BylinePerson[]>;
    bios: Map<string, AuthorBioParams>;
    /** List entries per variant (heading level and size), then per item. */
    summaries: Map<number, WeakMap<Article, string>>;
    /** Page chrome per part and set of current navigation items. */
    chrome: Map<string, string>;
    /** The appArticleSummary macro, taken from its template once. */
    summaryMacro?: (params: object) => unknown;
  };
}

/** What the filter, collection and page factories are given. */
export interface PluginContext {
  options: GovnewsOptions;
  /** Our stylesheet's source (stylesheet.ts), read when the plugin is added. */
  stylesheet: StylesheetSource;
  /** This build's state; throws before the first build has loaded the content. */
  build(): BuildState;
  library: Library;
  /**
   * The pages of a family this Eleventy run writes: all; a slice of a paginated family in a batched build
   * (batch.ts); under `npm start`, those a rebuild changed (preview.ts).
   */
  pagesOfRun<T>(family: PageFamily, pages: T[]): T[];
}

/**
 * Loads and validates the content (throwing a ContentError with every problem), finds the images to publish,
 * looks up the cached stylesheet and starts the render-ahead worker.
 */
/**
 * `writesFiles`: the build writes a site (not Eleventy's toJSON), so it needs a search index. `preview`: a rebuild of
 * `npm start` (preview.ts): unchanged files are not read again, and after the first build no worker renders every
 * body again: the pages an edit changed render theirs here, from the cache where unchanged.
 */
export function startBuild({ options, library, stylesheet }: Pick<PluginContext, "options" | "library" | "stylesheet">, writesFiles = true, preview?: Preview): BuildState {
  const contentRoot = path.resolve(options.root, options.contentDir);
  const { model, issues } = loadContent({ root: options.root, content: contentRoot }, { ...options, articles: preview?.articles }, {}, preview?.sources.read);
  preview?.sources.prune();
  if (issues.length > 0 || !model) {
    // Report every problem at once, as npm run check does: read again with every body rendered and checked
    // (only on this path: a valid build checks each body as it renders it).
    const checkBody = bodyChecker((source) => renderBody(library("md"), source), options.root);
    throw new ContentError(withPositions(loadContent({ root: options.root, content: contentRoot }, { ...options, checkBody }).issues, options.root));
  }
  // Before the bodies are released below: body images count.
  // Only files the content check found and accepted as images (a body may mention a path that is not one).
  const accepted = new Set(model.images);
  // A withdrawn item's page shows its images, never its authors' bios (nor their photos).
  const published = publishedImages([...model.listed.articles, ...model.kept.map((a) => ({ ...a, authorIds: [] }))], model.authors, model.site, preview?.bodyImages);
  // Under npm start, once: an edited .scss file restarts the plugin, and with it the preview (.eleventy.ts).
  const cssKey = preview?.stylesheetKey ?? stylesheetCacheKey(stylesheet, [contentRoot, path.join(options.root, "_includes")]);
  if (preview) preview.stylesheetKey = cssKey;
  const state: BuildState = {
    model,
    images: published.all.filter((image) => accepted.has(image)),
    bodyImages: published.inBodies.filter((image) => accepted.has(image)),
    shareCard: shareCardFor(model.site, contentRoot),
    stylesheet: { key: cssKey, text: readCachedStylesheet(cssKey, path.join(options.root, STYLESHEET_CACHE_DIR)) },
    renderAhead: undefined,
    preview,
    bodies: articleBodies({
      ahead: () => state.renderAhead,
      render: (source) => renderBody(library("md"), source),
      cache: preview?.bodies,
      items: () => model.pages,
      root: options.root,
      linkProblems: (article, references, bodyLine) =>
        referenceProblems(
          // The body is read (again, if released) only to place a problem on its line.
          {
            file: article.file,
            slug: article.slug,
            bodyLine,
            goLive: goLive(article),
            get body() {
              return article.body;
            },
          },
          references,
          linkPlan(state),
          options.contentDir,
        ),
    }),
    derived: {},
    caches: { bylines: new WeakMap(), bios: new Map(), summaries: new Map(), chrome: new Map() },
  };
  const feedSize = model.site.feedSize;
  // Under npm start the first build writes only the first feeds (preview.ts): the bodies of their items come first.
  const feeds = [...feedCatalogue(state).byKey.values()];
  const written = preview && preview.finished === 0 ? feeds.slice(0, options.previewPages.first) : feeds;
  const feedItems = new Set(written.flatMap((feed) => feed.articles.slice(0, feedSize).map((a) => a.slug)));
  // Under npm start the index follows the pages, when the preview is quiet (preview-search.ts).
  if (options.search && writesFiles && !preview) state.search = startSearchAhead({ items: searchItems(model), root: options.root, site: model.site }, options.renderAhead);
  if (options.renderAhead && !(preview && preview.finished > 0)) {
    state.renderAhead = startRenderAhead({
      // Without bodies: the worker reads each from its file (render-ahead.ts).
      items: model.published.map(toSummaryWithoutBody),
      root: options.root,
      first: [...feedItems],
      // Under npm start the lists are computed after the first build, which shows its few pages without waiting for
      // them (preview-related.ts).
      related: options.related && !preview,
      site: model.site,
      stylesheet: state.stylesheet.text === undefined ? stylesheet : undefined,
    });
    // The worker has its own copy of every published body now; this thread reads one again only if it must
    // render it itself (the worker failed). Under `npm start` the source cache holds them anyway.
    if (!preview) releaseBodies(model.published, options.root);
  }
  return state;
}

/**
 * The lead images (files in the site) of the pages this build shows: only images it publishes (state.images), so
 * nothing is made of an image only an unpublished item uses.
 */
export function leadImages(state: BuildState): string[] {
  const published = new Set(state.images);
  return [...new Set(state.model.pages.flatMap((a) => (a.image && published.has(a.image.src) ? [a.image.src] : [])))];
}

/** When each page of items, topics, authors and types goes live, from every item whatever its state. */
export function linkPlan(state: BuildState): LinkPlan {
  return (state.derived.linkPlan ??= planLinks(
    // Field by field: a spread would read every released body back from disk.
    state.model.all.map((a) => ({
      slug: a.slug,
      state: a.state,
      dateMs: a.dateMs,
      tags: a.tags.map((t) => t.label),
      authorIds: a.authorIds,
      type: a.type,
      aliases: a.aliases ?? [],
    })),
    state.model.images,
    state.model.site.url,
  ));
}

/** Every feed the site offers (lib/feeds/catalogue.ts). */
export function feedCatalogue(state: BuildState): FeedCatalogue {
  return (state.derived.catalogue ??= buildCatalogue(state.model));
}

/** The related-articles index built on this thread, for when the render-ahead worker cannot answer. */
export function relatedIndex(state: BuildState): RelatedIndex {
  return (state.derived.related ??= buildRelatedIndex(state.model.published.map(toArticleSummary)));
}

export function publishedPosition(state: BuildState): Map<Article, number> {
  return (state.derived.positions ??= new Map(state.model.published.map((article, i) => [article, i])));
}

/** The lists the pages show: `model.listed` (in a preview, drafts and scheduled items too). */
export function listPages(state: BuildState): ListPages {
  return (state.derived.lists ??= listPagesOf(state.model.listed, state.model));
}

/** The lists of published items only, for the sitemap (the same object as listPages in production). */
export function publishedListPages(state: BuildState): ListPages {
  const m = state.model;
  if (m.listed.articles === m.published) return listPages(state);
  return (state.derived.publishedLists ??= listPagesOf({ articles: m.published, tags: m.tags, authorArticles: m.authorArticles }, m));
}

/**
 * The related items an item's page shows, best first: none for an item that is not published (a draft in a deploy
 * preview: the engine lists only published items). From the render-ahead worker, or the engine on this thread; under
 * `npm start` after the first build, from the lists last computed for the whole archive (preview.ts), until the
 * lists computed after this build replace them (none until the first are known: their pages are written again then).
 */
export function relatedArticles(state: BuildState, article: Article, enabled: boolean): Article[] {
  if (!enabled) return [];
  const position = publishedPosition(state).get(article);
  if (position === undefined) return [];
  const { model } = state;
  const known = state.preview?.related;
  if (known) {
    return (known.get(article.slug) ?? []).flatMap((slug) => {
      const found = model.bySlug.get(slug);
      return found && found.state === "published" && found !== article ? [found] : [];
    });
  }
  const fromWorker = state.renderAhead?.related(position);
  if (fromWorker) return Array.from(fromWorker, (at) => model.published[at]!);
  if (state.preview) return [];
  return relatedIndex(state)
    .get(article.slug)
    .map((entry) => model.bySlug.get(entry.slug)!);
}

/** The published items' keys together (PageFingerprints.items), once per build: under `npm start` only. */
export function publishedKey(state: BuildState, options: GovnewsOptions): string {
  return (state.derived.publishedKey ??= fingerprintsOf(state, options).items(state.model.published));
}

/** This build's page fingerprints (page-fingerprints.ts): under `npm start` only. */
export function fingerprintsOf(state: BuildState, options: GovnewsOptions): PageFingerprints {
  return (state.derived.fingerprints ??= pageFingerprints(state, state.preview!, (article) => relatedArticles(state, article, options.related), {
    stylesheet: state.stylesheet.key,
    options,
  }));
}
