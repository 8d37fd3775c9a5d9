/**
 * Every feed the site offers, decided once per build from the content model's published items (never drafts or
 * embargoed items, not even in a deploy preview): the site feed (RSS, Atom, JSON Feed), one RSS feed per type,
 * per tag and per author with published items. The same list drives the feed files,
 * autodiscovery links, the "Get updates" page, the OPML file and the box on articles.
 */
import type { Article, Model } from "../content/model.ts";
import { NEWS_TYPES } from "../content/schema.ts";
import { typeArticles, typePlural, typeSlug, typeUrl } from "../content/news-types.ts";
import { tagUrl } from "../content/tags.ts";
import { authorUrl } from "../authors/bio.ts";
import type { FeedSpec } from "./model.ts";

export interface CatalogueEntry extends FeedSpec {
  kind: "site" | "type" | "tag" | "author";
  /** The thing the feed follows: "All news", "Analysis", "Cyber security", "Tom Hallworth". */
  label: string;
  /** Key for lookups from pages: "site", "type:analysis", "tag:cyber-security", "author:tom-hallworth". */
  key: string;
}

export interface FeedCatalogue {
  site: CatalogueEntry;
  /** Atom and JSON Feed versions of the site feed. */
  siteAtom: string;
  siteJson: string;
  types: CatalogueEntry[];
  tags: CatalogueEntry[];
  authors: CatalogueEntry[];
  byKey: Map<string, CatalogueEntry>;
}

export function buildCatalogue(model: Pick<Model, "site" | "published" | "tags" | "authors" | "authorArticles">): FeedCatalogue {
  const { site } = model;
  // A feed that mirrors a list page at `page` (e.g. "/tags/ai/"), living at `${page}feed.xml`.
  const listFeed = (
    kind: "type" | "tag" | "author",
    id: string,
    label: string,
    page: string,
    titleNote: string,
    description: string,
    articles: readonly Article[],
  ): CatalogueEntry => ({
    kind,
    key: `${kind}:${id}`,
    label,
    path: `${page}feed.xml`,
    page,
    title: `${site.title}: ${label}${titleNote}`,
    description,
    articles,
  });
  const siteEntry: CatalogueEntry = {
    kind: "site",
    key: "site",
    label: "All news",
    path: "/feed.xml",
    page: "/",
    title: site.title,
    description: site.description,
    articles: model.published,
  };
  const byType = typeArticles(model.published);
  const types = NEWS_TYPES.filter((t) => byType.get(t)!.length > 0).map((type) =>
    listFeed("type", typeSlug(type), typePlural(type), typeUrl(type), "", `${typePlural(type)} from ${site.title}.`, byType.get(type)!),
  );
  const tags = model.tags.map((tag) => listFeed("tag", tag.slug, tag.label, tagUrl(tag.slug), " (topic)", `Items about ${tag.label} from ${site.title}.`, tag.articles));
  // Only published items make feeds: an author whose items are all drafts or embargoed has none, even in a preview.
  const authors = [...model.authors.values()]
    .filter((author) => (model.authorArticles.get(author.id)?.length ?? 0) > 0)
    .sort((a, b) => a.name.localeCompare(b.name, "en-GB") || (a.id < b.id ? -1 : 1))
    .map((author) =>
      listFeed("author", author.id, author.name, authorUrl(author.id), " (author)", `Items by ${author.name} on ${site.title}.`, model.authorArticles.get(author.id) ?? []),
    );
  const all = [siteEntry, ...types, ...tags, ...authors];
  return { site: siteEntry, siteAtom: "/feed.atom", siteJson: "/feed.json", types, tags, authors, byKey: new Map(all.map((e) => [e.key, e])) };
}

/** The feeds that fit an article, most specific last: the site, its type, its topics, its authors. */
export function feedsForArticle(catalogue: FeedCatalogue, article: Pick<Article, "type" | "tags" | "authorIds">): CatalogueEntry[] {
  const keys = ["site", `type:${typeSlug(article.type)}`, ...article.tags.map((t) => `tag:${t.slug}`), ...article.authorIds.map((id) => `author:${id}`)];
  return keys.map((k) => catalogue.byKey.get(k)).filter((e): e is CatalogueEntry => Boolean(e));
}
