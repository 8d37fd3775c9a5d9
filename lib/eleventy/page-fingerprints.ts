/**
 * A fingerprint per page for `npm start`'s incremental rebuilds (preview.ts): everything the page shows, as a short
 * string, so that a page whose fingerprint is the one it was written with is left as it is on disk.
 *
 * Built from the pieces templates read, never from a page's HTML:
 * - the site key: whatever every page may show (site data, authors, options, stylesheet, processed images). When it
 *   changes, every page is written again;
 * - an item key per item: every field of the item and its body, so any edit of it changes every page that shows it
 *   (its own page, the list pages and feeds that list it, the pages whose related list holds it);
 * - per page, its own inputs: an item page's related list and its authors' counts and feeds, a list page's number,
 *   neighbours, heading data and entries, a feed's entries.
 * A piece left out would leave a page stale after an edit: tests/build/watch-rebuilds.test.ts edits at random and
 * compares the result with a full build, file by file.
 */
import type { Article } from "../content/model.ts";
import type { ListPage } from "../content/paginate.ts";
import { feedsForArticle } from "../feeds/catalogue.ts";
import { feedCatalogue, type BuildState } from "./build-state.ts";
import type { FeedFile } from "./collections.ts";
import type { PageDescription, Preview } from "./preview.ts";

export interface PageFingerprints {
  article(article: Article): PageDescription;
  list(page: ListPage<Article> & { authorId?: string }): PageDescription;
  feed(file: FeedFile): PageDescription;
  /** The items' keys together: equal for two builds when none of these items changed in any way. */
  items(articles: readonly Article[]): string;
}

/** Maps and Sets as arrays, so that their contents count. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof Map) return [...value];
  if (value instanceof Set) return [...value];
  return value;
}

/**
 * The fingerprints of this build's pages. `related`: the related list an item's page shows (the same function its
 * template calls). `siteKey`: what every page may show besides the content, e.g. the stylesheet's name.
 */
export function pageFingerprints(state: BuildState, preview: Preview, related: (article: Article) => readonly Article[], siteKey: unknown): PageFingerprints {
  const { model } = state;
  const site = preview.intern(
    JSON.stringify(
      { siteKey, site: model.site, authors: model.authors, images: state.processedImages, shareCard: state.shareCard, featured: model.featured.map((a) => a.slug) },
      plain,
    ),
  );
  // Kept with the item across builds: an unchanged item is the same object (model.ts, ArticleCache).
  const items = preview.itemKeys;
  const itemKey = (article: Article): number => {
    let key = items.get(article);
    if (key === undefined) {
      // The body by its own number: interning looks a string up by its hash, which the string keeps.
      key = preview.intern(JSON.stringify({ ...article, body: preview.intern(article.body) }));
      items.set(article, key);
    }
    return key;
  };
  const authorKey = (id: string): string => `${id}:${model.listed.authorArticles.get(id)?.length ?? 0}:${model.authorArticles.get(id)?.length ?? 0}`;
  const catalogue = feedCatalogue(state);
  const feedSize = model.site.feedSize;
  return {
    article: (article) => ({
      url: article.url,
      fingerprint: () =>
        [
          site,
          itemKey(article),
          related(article).map(itemKey).join(","),
          article.authorIds.map(authorKey).join(","),
          preview.intern(
            feedsForArticle(catalogue, article)
              .map((entry) => `${entry.key} ${entry.title} ${entry.path}`)
              .join("\n"),
          ),
          model.featured.includes(article) ? "featured" : "",
        ].join("|"),
    }),
    list: (page) => ({
      url: page.href,
      fingerprint: () => {
        const { items: entries, ...rest } = page;
        return [
          site,
          preview.intern(JSON.stringify(rest)),
          entries.map(itemKey).join(","),
          page.authorId ? authorKey(page.authorId) : "",
          // The home page's first page shows the featured items.
          page.href === "/" ? model.featured.map(itemKey).join(",") : "",
        ].join("|");
      },
    }),
    items: (articles) => articles.map(itemKey).join(","),
    feed(file) {
      const entry = catalogue.byKey.get(file.key);
      const { articles, ...rest } = entry ?? { articles: [] };
      return { url: file.path, fingerprint: () => [site, preview.intern(JSON.stringify({ file, rest })), articles.slice(0, feedSize).map(itemKey).join(",")].join("|") };
    },
  };
}
