/** Every paginated list of a set of items: the home page, each tag, author and type, page by page. */
import type { Article, ItemSet, Model } from "../content/model.ts";
import { paginate, type ListPage } from "../content/paginate.ts";
import { tagUrl } from "../content/tags.ts";
import { typeArticles, typePlural, typeSlug, typeUrl } from "../content/news-types.ts";
import { authorUrl } from "../authors/bio.ts";
import { archivePages, type ArchiveListPage } from "../content/archive.ts";

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
export interface ListPages {
  home: Array<ListPage<Article>>;
  tags: TagListPage[];
  authors: AuthorListPage[];
  types: TypeListPage[];
  /** The archive: each year's items, page by page, newest year first. */
  archive: Array<ArchiveListPage<Article>>;
}

export function listPagesOf(set: ItemSet, model: Pick<Model, "site" | "authors" | "featured">): ListPages {
  const { perPage } = model.site;
  // Featured items head the home page (home.njk); the date-ordered list below them does not repeat them.
  const featured = new Set(model.featured);
  return {
    home: paginate(featured.size ? set.articles.filter((article) => !featured.has(article)) : set.articles, perPage, "/"),
    tags: set.tags.flatMap((tag) =>
      paginate(tag.articles, perPage, tagUrl(tag.slug)).map((page) => ({
        ...page,
        tag: { slug: tag.slug, label: tag.label, count: tag.articles.length },
      })),
    ),
    // An author with nothing listed has no page (nor, with nothing published, a feed).
    authors: [...model.authors.keys()]
      .sort()
      .filter((id) => set.authorArticles.get(id)!.length > 0)
      .flatMap((id) => paginate(set.authorArticles.get(id)!, perPage, authorUrl(id)).map((page) => ({ ...page, authorId: id }))),
    types: [...typeArticles(set.articles).entries()]
      .filter(([, articles]) => articles.length > 0)
      .flatMap(([type, articles]) =>
        paginate(articles, perPage, typeUrl(type)).map((page) => ({
          ...page,
          type: { slug: typeSlug(type), label: typePlural(type), key: `type:${typeSlug(type)}` },
        })),
      ),
    archive: archivePages(set.articles, perPage),
  };
}
