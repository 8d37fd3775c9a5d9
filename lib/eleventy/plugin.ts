/**
 * The govnews Eleventy plugin: the only code that knows Eleventy. Wiring only, after
 * @x-govuk/govuk-eleventy-plugin's src/index.js: options, build state, collections, filters, pages, transforms,
 * each in its own file. The content is loaded and validated once per build (lib/content) into a BuildState;
 * everything else reads it from there.
 */
import path from "node:path";
import type UserConfig from "@11ty/eleventy/UserConfig";
import { Eleventy } from "@11ty/eleventy";
import { onStopWatch, patchWatchDeletes, requestRebuild } from "../build/eleventy-patches.ts";
import { watchFlatFolder, type FolderWatcher } from "../build/folder-watcher.ts";
import { EVERY_PAGE_WRITTEN, PAGES_FOLLOW, resolveOptions, type GovnewsUserOptions } from "./options.ts";
import { siteForConfig } from "./site-data.ts";
import { librariesOf } from "./libraries.ts";
import { govnewsStylesheet } from "./stylesheet.ts";
import { fingerprintsOf, leadImages, listPages, startBuild, type BuildState, type PluginContext } from "./build-state.ts";
import { createPreview, type PageDescription, type Preview } from "./preview.ts";
import { followRelatedLists } from "./preview-related.ts";
import { followSearchIndex } from "./preview-search.ts";
import { batchCount, batchesOf, batchSlice, collectGarbage } from "./batch.ts";
import { copyImages, prepareOutput, type AfterBuildEvent } from "./events.ts";
import { writeShareCard } from "./share-image.ts";
import { clearLayoutCache } from "./layout-cache.ts";
import { removeUnusedFrontendAssets } from "./frontend-assets.ts";
import { writeFavicons } from "./favicons.ts";
import { processImages, writeProcessedImages } from "./images.ts";
import { addCollections } from "./collections.ts";
import { addFilters, filterGroups } from "./filters/index.ts";
import { addArticlePages, addAssetPages, addBuildRecordPage, addCrawlerPages, addFeedPages, addListPages, addRedirectPages, addStaticPages } from "./virtual-pages/index.ts";
import { addTransforms } from "./transforms.ts";
import { writeSearchBundle } from "./search-index.ts";
import { pageTrackerFor } from "./stale-pages.ts";
import { findNextScheduled } from "../content/schedule.ts";
import { describeNextScheduled } from "../content/schedule-message.ts";

interface NewsWatcher {
  /** The config of the plugin registered last, which the watcher reports to. */
  config: object;
  watcher?: FolderWatcher;
}
const NEWS_WATCHERS = Symbol.for("govnews.newsWatchers");

/**
 * npm start's watchers of news/ (folder-watcher.ts, in place of Eleventy's watcher there: it reads a folder's every
 * entry again on any change in it, which in a large archive is most of a rebuild), one per folder for the process.
 * A config reload (an edited site.json) registers the plugin afresh, and a file saved between the reload and the
 * new plugin's build, or while that build fails, must still start a rebuild: each watcher reports to the plugin
 * registered last. Kept on globalThis: an edit of this code under npm start makes Eleventy import it afresh, and a
 * second watcher of the same folder would report every save twice.
 */
const newsWatchers = ((globalThis as { [NEWS_WATCHERS]?: Map<string, NewsWatcher> })[NEWS_WATCHERS] ??= new Map<string, NewsWatcher>());

/** Watches `news` for the plugin registered with `eleventyConfig` (from its first build under npm start on). */
function followNews(news: string, eleventyConfig: object): void {
  const known = newsWatchers.get(news);
  // Called before every build: once per config is enough.
  if (known?.config === eleventyConfig) return;
  const entry: NewsWatcher = known ?? { config: eleventyConfig };
  entry.config = eleventyConfig;
  // Closed when the instance watching with the config registered last stops watching.
  onStopWatch(eleventyConfig, () => {
    if (entry.config !== eleventyConfig || newsWatchers.get(news) !== entry) return;
    entry.watcher?.close();
    newsWatchers.delete(news);
  });
  if (known) return;
  newsWatchers.set(news, entry);
  // Asked again until the watcher is up (the first build runs before it).
  const rebuild = (file: string) => keepRequesting(() => requestRebuild(entry.config, file));
  entry.watcher = watchFlatFolder(
    news,
    (file) => {
      console.log(`File changed: ${path.relative(".", file)}`);
      rebuild(file);
    },
    { failed: (error) => console.warn(`govnews: cannot watch ${path.relative(".", news)} (${error.message}): restart npm start to see edits there`) },
  );
}

/** Under npm start, between the builds that write the pages the first left for later (preview.ts). */
const FILL_PAUSE_MS = 250;

/**
 * Calls `request` (a requestRebuild) until the watching instance takes it, a pause apart, at most 40 times more: the
 * watcher is not up until the first build is done, and an instance that never watches (a test's one-off build in
 * watch mode), or a config no longer the watcher's (after a reload the new plugin asks), is given up on.
 */
function keepRequesting(request: () => boolean, tries = 40): void {
  if (!request() && tries > 0) setTimeout(keepRequesting, FILL_PAUSE_MS, request, tries - 1).unref();
}

export default function govnewsPlugin(eleventyConfig: UserConfig, userOptions: GovnewsUserOptions = {}): void {
  // One line per build instead of one per file: archives run to tens of thousands of items.
  eleventyConfig.setQuietMode(true);

  // Options
  const options = resolveOptions(userOptions, process.env);
  const contentRoot = path.resolve(options.root, options.contentDir);

  // A run of a batched build (`npm run build`, batch.ts) writes a slice of each paginated page family, reads the
  // state the first run loaded, and leaves the finishing to the last run. Anything else is one run.
  const batches = batchesOf(eleventyConfig);
  const firstRun = !batches || batches.index === 0;
  const lastRun = () => !batches || batches.index >= (batches.count ?? 1) - 1;

  // Build state: made afresh before each build (startBuild), read by everything below through build().
  let state: BuildState | undefined;
  // Under `npm start`: what each rebuild hands the next (preview.ts), from the first build on.
  let preview: Preview | undefined;
  const context: PluginContext = {
    options,
    stylesheet: govnewsStylesheet(options.root, options.contentDir, siteForConfig(userOptions).govukBranding),
    library: librariesOf(eleventyConfig),
    build() {
      if (!state) throw new Error("govnews: content was not loaded; is the plugin registered with addPlugin?");
      return state;
    },
    pagesOfRun(family, pages) {
      // The feeds are the first run's, whole.
      if (batches) return family === "feeds" ? pages : batchSlice(pages, batches.index, batches.count ?? 1);
      if (!state?.preview) return pages;
      const fingerprints = fingerprintsOf(state, options);
      const describe = (family === "articles" ? fingerprints.article : family === "feeds" ? fingerprints.feed : fingerprints.list) as (page: unknown) => PageDescription;
      return state.preview.select(family, pages, describe);
    },
  };

  // Events
  eleventyConfig.on("eleventy.before", async (event: Parameters<typeof prepareOutput>[0]) => {
    if (batches?.state) {
      // A later run of a batched build: the content, workers and processed images are the first run's.
      await clearLayoutCache();
      state = batches.state;
      // Taken from this run's templates when first used.
      state.caches.summaryMacro = undefined;
      return;
    }
    await prepareOutput(event, options);
    // Layouts compiled by another Eleventy instance in this process would render with its filters (layout-cache.ts).
    await clearLayoutCache();
    state?.renderAhead?.stop();
    state?.search?.stop();
    // Nothing of the last build is kept, even when this one fails to load (but what npm start's rebuilds share).
    state = undefined;
    if (event.runMode !== "build" && event.outputMode === "fs") {
      (preview ??= createPreview(options.previewPages)).startBuild();
      followNews(path.join(contentRoot, "news"), eleventyConfig);
    }
    state = startBuild(context, event.outputMode === "fs", event.runMode !== "build" && event.outputMode === "fs" ? preview : undefined);
    // Before any page renders: pages print each lead and body image's processed variants and size, body images'
    // sizes, and an SVG lead image's share PNG.
    state.processedImages = await processImages(contentRoot, path.resolve(options.root), { leads: leadImages(state), bodies: state.bodyImages }, state.images);
    if (batches) {
      batches.state = state;
      const lists = listPages(state);
      const paginated = state.model.pages.length + lists.home.length + lists.tags.length + lists.authors.length + lists.types.length + lists.archive.length;
      batches.count = batchCount(paginated, batches.pagesPerBatch, batches.maxRuns);
      // Reading and checking the content left much garbage behind; gone before the pages are made.
      collectGarbage();
    }
  });
  // Under `npm start`, deleting an item rebuilds, as editing one does (eleventy-patches.ts).
  patchWatchDeletes(Eleventy);
  // Under npm start, a saved file is built once its size has held for a shorter time than Eleventy's default, so
  // an edit's rebuild starts sooner (the gain is in docs/performance.md, Local preview). Editors save whole files.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  // Under npm start, a change to anything but the content (a template, say) may change any page: all are written.
  // A saved file (not a rebuild the plugin asked for, which names the content folder itself) is built without
  // filling in pages left for later, so that it shows as soon as it would on a filled-in archive.
  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    if (queue.some((file) => path.resolve(file) !== contentRoot && !path.resolve(file).startsWith(contentRoot + path.sep))) preview?.forget();
    if (queue.some((file) => path.resolve(file) !== contentRoot)) preview?.fillLater();
    // An item saved before the fill reached its page: its page is written now, not when the fill comes to it.
    const news = path.join(contentRoot, "news");
    for (const file of queue) if (path.dirname(path.resolve(file)) === news && file.endsWith(".md")) preview?.want(`/news/${path.basename(file, ".md")}/`);
  });
  // Once the pages are written: images used by what this build shows, copied byte for byte (never rendered), and
  // the other files made outside Eleventy.
  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, runMode, results }: AfterBuildEvent) => {
    if (outputMode !== "fs" || !state) return;
    // A batched build finishes once, after its last run has written its pages.
    if (!lastRun()) return;
    if (runMode !== "build") {
      // The pages this rebuild left as they were (preview.ts) are pages of the site as much as those it wrote.
      const wasUnfinished = state.preview?.unfinished() ?? false;
      const kept =
        state.preview?.finishBuild(
          directories.output,
          state.model.pages.map((article) => article.body),
        ) ?? [];
      // Said as pages are left for later builds and once all are written, so that an editor knows why an older page
      // is not there yet, or not yet changed, and when it is (bench:preview waits for it too).
      if (state.preview && !wasUnfinished && state.preview.unfinished()) console.log(PAGES_FOLLOW);
      if (wasUnfinished && !state.preview?.unfinished()) console.log(EVERY_PAGE_WRITTEN);
      // Across the rebuilds of `npm start`: the pages each wrote, so that a page the content no longer has goes.
      pageTrackerFor(directories.output).replace(directories.output, [...(results ?? []).flatMap((page) => (page.outputPath ? [page.outputPath] : [])), ...kept]);
      // Then every related list afresh, and the pages whose list changed rewritten by a rebuild of their own; and the
      // search index, when the preview is quiet.
      if (state.preview && options.related) followRelatedLists(state, options, () => requestRebuild(eleventyConfig, contentRel));
      // The pages the first build left for later, a rebuild at a time, once the related lists are known (their
      // arrival starts one too): the first once the watcher is up, which is after the first build.
      const filled = state.preview;
      if (filled?.unfinished() && (filled.related || !options.related)) {
        // After a pause: the dev server answers no request while a build renders (its promises run back to back).
        const fill = () => {
          filled.fillNext();
          return requestRebuild(eleventyConfig, contentRel);
        };
        setTimeout(() => keepRequesting(fill), FILL_PAUSE_MS).unref();
      }
      if (state.preview && options.search) followSearchIndex(state, options, path.resolve(directories.output));
    }
    copyImages(contentRoot, path.resolve(directories.output), state.images);
    // Lead and body images' AVIF, WebP and fallback variants, and SVG lead images' share PNGs, from the cache they
    // were made into (images.ts).
    if (state.processedImages) writeProcessedImages(path.resolve(options.root), path.resolve(directories.output), state.processedImages);
    // The default share image (og:image), drawn from the logo.
    await writeShareCard(path.resolve(directories.output), state.shareCard);
    // The site icon: /favicon.ico and the files the base layout links (favicons.ts).
    await writeFavicons(path.resolve(directories.output), state.model.site, path.resolve(options.root));
    // GOV.UK Frontend's fonts and icons, which only a GOV.UK-branded site uses (frontend-assets.ts).
    removeUnusedFrontendAssets(path.resolve(directories.output), state.model.site.govukBranding);
    // The search index of the published items, built meanwhile (search-index.ts); under npm start it follows when
    // the preview is quiet (preview-search.ts, below).
    if (state.search) await writeSearchBundle(path.resolve(directories.output), await state.search.bundle());
    // For the editor's build log (it may name the item; the site never does): what goes live next, and when.
    for (const line of describeNextScheduled(findNextScheduled(state.model.all))) console.log(line);
  });

  // Nothing in the content folder is an Eleventy template (Eleventy's input is lib/eleventy/pages/, which holds
  // none): lib/content reads every file as data, and the virtual pages render the items. That keeps template
  // engines away from anything a pull request can change, and spares Eleventy reading, parsing and keeping each
  // item a second time. `npm start` still rebuilds on edits.
  // Content outside the project is watched by its absolute path: given a relative "../" path, Eleventy 3.1.8 runs
  // its watcher from the common parent folder and queues the changed file relative to that folder as if it were
  // relative to the project ("./srv/content/news/a.md"), so an edit looked like a template's (every page rewritten)
  // and a saved site.json reloaded nothing.
  const relative = path.relative(".", contentRoot) || ".";
  const contentRel = relative.split(path.sep)[0] === ".." ? contentRoot : relative;
  // news/ is watched by folder-watcher.ts under npm start (below): Eleventy's watcher reads a folder's every entry
  // again on any change in it, which in a large archive is most of a rebuild.
  for (const part of ["authors", "images"]) eleventyConfig.addWatchTarget(path.join(contentRel, part));
  // The site data is global data too (.eleventy.ts reads it with the config): an edit reloads the config.
  eleventyConfig.addWatchTarget(path.join(contentRel, "site.json"), { resetConfig: true });

  // Collections
  addCollections(eleventyConfig, context);

  // Filters
  addFilters(eleventyConfig, filterGroups(context));

  // Global data
  eleventyConfig.addGlobalData("govnewsPreview", options.preview);
  // The GOV.UK plugin computes eleventyNavigation for every page, which makes its base layout look up
  // breadcrumbs across all pages for every page: O(n²). We show no breadcrumbs or navigation trees, so we
  // replace its computed data with none.
  eleventyConfig.addGlobalData("eleventyComputed", () => ({}));
  // Every list, feed and index reads the model's published items, never Eleventy's collections, so no page
  // needs to be in one: this spares Eleventy sorting every page and copying its content into each collection.
  eleventyConfig.addGlobalData("eleventyExcludeFromCollections", true);

  // Virtual pages (layouts in _includes/), in this order
  // (a batched build's later runs write only their slices of the paginated families: the first wrote the rest)
  addArticlePages(eleventyConfig);
  addListPages(eleventyConfig, { indexes: firstRun });
  if (firstRun) {
    addStaticPages(eleventyConfig);
    addFeedPages(eleventyConfig);
    addCrawlerPages(eleventyConfig);
    addBuildRecordPage(eleventyConfig);
    addRedirectPages(eleventyConfig);
  }
  addAssetPages(eleventyConfig, context, { write: firstRun });

  // Transforms
  addTransforms(eleventyConfig, context);
}
