/**
 * `npm start`'s rebuilds, made incremental: what one rebuild hands the next, so that saving an item rewrites only
 * the pages that show something it changed, instead of every page of the archive.
 *
 * Saves: a rebuild after an edit of a large archive re-read, re-checked and re-rendered everything (every page,
 * body and related list). Now it re-reads only the changed files (SourceCache), re-renders only changed bodies (the
 * body cache), and writes only the pages whose fingerprint changed (page-fingerprints.ts): each page's fingerprint
 * names everything the page shows, so a page whose fingerprint is the one it was last written with would be
 * written byte for byte as it is. Related lists are the one input an edit changes far away (an item's words move
 * every score a little): a rebuild first shows the lists of the build before, then computes every list afresh
 * (lib/build/related-lists.ts) and, if any changed, rebuilds again to write the pages they are on. Measured in
 * docs/performance.md (npm run bench:preview).
 *
 * The plain twin is a full build: tests/build/watch-rebuilds.test.ts applies a random sequence of edits under the
 * dev server's own watcher and compares the folder, once it settles, with a full build of the final content.
 */
import path from "node:path";
import { createSourceCache, type SourceCache } from "../content/source-cache.ts";
import type { RenderedBody } from "./markdown.ts";
import type { BodyReferences } from "../content/body-links.ts";
import type { Article, ArticleCache } from "../content/model.ts";

/** A body as rendered for its page, with what its links and images point at. */
export type CachedBody = RenderedBody & { references: BodyReferences };

/** The page families whose pages a rebuild may leave as they are. */
export type PageFamily = "articles" | "home" | "tags" | "authors" | "types" | "archive" | "feeds";

/**
 * A page as the selection knows it: its address (a folder URL, or a file's path) and what it shows, computed only
 * for a page this build writes or may keep (a page left for later may need what is not known yet, e.g. its list).
 */
export interface PageDescription {
  url: string;
  fingerprint(): string;
}

export interface Preview {
  /** Builds that have finished (the first writes everything). */
  finished: number;
  /** Content files as read, kept while unchanged. */
  sources: SourceCache;
  /** Items as made by earlier builds (model.ts): an unchanged item is the same object in every build. */
  articles: ArticleCache;
  /** Each item's key (page-fingerprints.ts), kept with the item while it is unchanged. */
  itemKeys: WeakMap<Article, number>;
  /** Rendered bodies by their Markdown; pruned to the current items after each build. */
  bodies: Map<string, CachedBody>;
  /** The image paths each body mentions, by its Markdown; pruned likewise. */
  bodyImages: Map<string, string[]>;
  /** The stylesheet's cache key, computed by the first build (an edited .scss file restarts the plugin). */
  stylesheetKey?: string;
  /** Every published item's related list (slugs) from the latest exact computation, if any. */
  related?: ReadonlyMap<string, readonly string[]>;
  /** What `related` was computed from (PageFingerprints.items of the published items). */
  relatedBasis?: string;
  /** The related lists being computed for the latest build (preview-related.ts). */
  job?: { stop(): void };
  /** The search index being made or last made, and what it indexes (preview-search.ts). */
  search?: { basis: string; stop(): void };
  /** The search bundles being moved into the site, one after another (preview-search.ts). */
  searchWrites?: Promise<void>;
  /** Raised at the start of every build: a related computation for an older build is discarded. */
  generation: number;
  /**
   * The pages of a family this build writes: those whose fingerprint differs from the one last written, and of
   * those never written yet (the first build, and what it left for later), the first so many (createPreview).
   */
  select<T>(family: PageFamily, pages: readonly T[], describe: (page: T) => PageDescription): T[];
  /** Whether the last build left pages unwritten: a fill build (fillNext) writes more of them. */
  unfinished(): boolean;
  /**
   * Makes the next build a fill build, which writes up to `pages.fill` of the pages left for later. Other builds (an
   * edit's) write only what changed, so that an edit saved while the archive is being filled in shows as soon.
   */
  fillNext(): void;
  /** Makes the next build write only what changed, even if a fill build was asked for: a file was saved. */
  fillLater(): void;
  /** Makes the next build write this page even if it was left for later (an item saved before the fill reached it). */
  want(url: string): void;
  /** What `compute` gives, kept under `name` and given again while `key` is the last build's (a file every build writes). */
  memo(name: string, key: string, compute: () => string): string;
  /** A short stand-in for a long key (an item's fields, an author's): the same text gets the same number. */
  intern(key: string): number;
  /** At the start of a build. A build that never finished leaves the folder unknown, so the next writes everything. */
  startBuild(): void;
  /** Forgets what each page was written with, so the next build writes every page (a template changed). */
  forget(): void;
  /**
   * After a build's pages are written: the output files of the pages it left as they were, or for later. `bodies`: the
   * Markdown of every item the content has now (the body cache forgets the rest).
   */
  finishBuild(output: string, bodies: Iterable<string>): string[];
}

/**
 * `pages.first`: pages of each family the first build writes, in the family's order (newest first): the server
 * starts after it, and the archive's other pages follow in rebuilds of `pages.fill` pages, between which edits are
 * built as they come (options.ts's FIRST_PAGES and FILL_PAGES). `pages.change`: a later build's most pages of each
 * family that an edit changed (CHANGE_PAGES): an added item shifts every list page and changes every page of its
 * authors' items (their bios count items), and its own page must not wait for all of them.
 */
export function createPreview(
  pages: { first: number; change: number; fill: number } = { first: Number.POSITIVE_INFINITY, change: Number.POSITIVE_INFINITY, fill: Number.POSITIVE_INFINITY },
): Preview {
  /** Each page's fingerprint as last written. */
  let written = new Map<string, string>();
  /** This build's: every selected family's pages, and those left as they are. */
  let next = new Map<string, string>();
  let kept: string[] = [];
  // Pages never written yet that the last build and this one left for a later one.
  let deferred = new Set<string>();
  let deferring = new Set<string>();
  let building = false;
  // What this build may still fill in, and whether the next build is a fill build.
  let fill = 0;
  let filling = false;
  // Pages the next build writes even if they were left for later.
  let wanted = new Set<string>();
  const interned = new Map<string, number>();
  const memos = new Map<string, { key: string; value: string }>();
  const preview: Preview = {
    finished: 0,
    sources: createSourceCache(),
    articles: new WeakMap(),
    itemKeys: new WeakMap(),
    bodies: new Map(),
    bodyImages: new Map(),
    generation: 0,
    select(family, list, describe) {
      // The first build writes the first pages of every family (the site's own feeds are the first feeds); a later
      // one writes up to `pages.change` pages of each family that edits changed or added, in the family's order
      // (newest first), every changed feed (they are small, and an edit changes few), and a fill build (fillNext)
      // fills in up to `pages.fill` never written, in all, in the order the families come.
      const all = family === "feeds";
      let first = pages.first;
      let changes = all ? Number.POSITIVE_INFINITY : pages.change;
      return list.filter((page) => {
        const description = describe(page);
        const { url } = description;
        const last = written.get(url);
        const unwritten = last === undefined && (preview.finished === 0 || deferred.has(url));
        if (unwritten && !wanted.has(url) && !(preview.finished === 0 ? first-- > 0 : fill-- > 0)) {
          deferring.add(url);
          return false;
        }
        const fingerprint = description.fingerprint();
        if (last === fingerprint) {
          next.set(url, fingerprint);
          kept.push(url);
          return false;
        }
        if (!unwritten && !all && changes-- <= 0) {
          // Changed, but this build has written its share of the family: a later one writes it (it keeps what it
          // was written with, so that it still counts as changed then).
          if (last !== undefined) next.set(url, last);
          deferring.add(url);
          return false;
        }
        next.set(url, fingerprint);
        return true;
      });
    },
    memo(name, key, compute) {
      const last = memos.get(name);
      if (last?.key === key) return last.value;
      const value = compute();
      memos.set(name, { key, value });
      return value;
    },
    unfinished: () => deferred.size > 0,
    fillNext: () => void (filling = true),
    fillLater: () => void (filling = false),
    want: (url) => void wanted.add(url),
    forget: () => void (written = new Map()),
    intern(key) {
      let id = interned.get(key);
      if (id === undefined) interned.set(key, (id = interned.size));
      return id;
    },
    startBuild() {
      if (building) written = new Map();
      building = true;
      preview.job?.stop();
      preview.job = undefined;
      next = new Map();
      kept = [];
      deferring = new Set();
      fill = filling ? pages.fill : 0;
      filling = false;
      preview.generation++;
    },
    finishBuild(output, bodies) {
      building = false;
      wanted = new Set();
      const current = new Set(bodies);
      for (const cache of [preview.bodies, preview.bodyImages]) for (const markdown of cache.keys()) if (!current.has(markdown)) cache.delete(markdown);
      // Pages of the families that were not selected this build (none are skipped) keep no fingerprint.
      written = next;
      deferred = deferring;
      preview.finished++;
      // Pages left for later are pages of the site too: an earlier build may have written them.
      return [...kept, ...deferred].map((url) => outputFile(output, url));
    },
  };
  return preview;
}

/** The file Eleventy writes a page's URL to: a folder URL's index.html, or the file itself. */
export function outputFile(output: string, url: string): string {
  const relative = url.endsWith("/") ? `${url}index.html` : url;
  return path.join(path.resolve(output), ...relative.split("/").filter(Boolean));
}
