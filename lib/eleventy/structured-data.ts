/**
 * schema.org JSON-LD for article, author and list pages (https://developers.google.com/search/docs/appearance/structured-data/article).
 * Pure: plain data in, a string safe to put inside <script type="application/ld+json"> out.
 */
import type { Article, Author, Model } from "../content/model.ts";
import type { ListPage } from "../content/paginate.ts";
import type { SiteData } from "../content/schema.ts";
import { roleAt } from "../authors/roles.ts";
import { authorUrl } from "../authors/bio.ts";
import { escapeWideCharactersInJson } from "../build/one-byte.ts";

/**
 * JSON for a script element: `<` is written as \u003c so no value can close the element (`</script>`) or open
 * a comment. Characters above U+00FF (U+2028/2029 among them, which old parsers took for line ends) are escaped
 * too, so the page stays one byte per character (lib/build/one-byte.ts: references do not work inside a script). The result
 * parses back to the same data.
 */
export function jsonForScript(data: unknown): string {
  return escapeWideCharactersInJson(JSON.stringify(data).replace(/</g, "\\u003c"));
}

function absolute(site: Pick<SiteData, "url">, path: string): string {
  return /^https?:\/\//.test(path) ? path : new URL(path, site.url).href;
}

export function personLd(author: Author, site: SiteData, atMs?: number): Record<string, unknown> {
  const role = atMs === undefined ? { role: author.role, organisation: author.organisation } : roleAt(author, atMs);
  const sameAs = Object.values(author.links ?? {}).filter((v): v is string => typeof v === "string");
  return {
    "@type": "Person",
    name: author.name,
    url: absolute(site, authorUrl(author.id)),
    jobTitle: role.role,
    worksFor: { "@type": "Organization", name: role.organisation },
    ...(sameAs.length ? { sameAs } : {}),
    ...(author.photo ? { image: absolute(site, author.photo.src) } : {}),
  };
}

export function organisationLd(site: SiteData): Record<string, unknown> {
  return { "@type": "Organization", name: site.organisation.name, url: site.organisation.url };
}

/** The publisher of every item: the organisation, with the site's logo when it has one. */
export function publisherLd(site: SiteData): Record<string, unknown> {
  return { ...organisationLd(site), ...(site.logo ? { logo: { "@type": "ImageObject", url: absolute(site, site.logo) } } : {}) };
}

export function articleLd(article: Article, model: Pick<Model, "authors" | "site">): Record<string, unknown> {
  const { site } = model;
  const authors = article.authorIds.map((id) => personLd(model.authors.get(id)!, site, article.dateMs));
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.description,
    url: absolute(site, article.url),
    mainEntityOfPage: absolute(site, article.url),
    datePublished: article.date,
    dateModified: article.updated ?? article.date,
    articleSection: article.type,
    keywords: article.tags.map((t) => t.label),
    author: authors.length ? authors : [organisationLd(site)],
    publisher: publisherLd(site),
    // No paywall: tells search engines the whole text is the page's text.
    isAccessibleForFree: true,
    ...(article.image ? { image: absolute(site, article.image.src) } : {}),
  };
}

export function profilePageLd(author: Author, site: SiteData): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url: absolute(site, authorUrl(author.id)),
    mainEntity: personLd(author, site),
  };
}

/**
 * A page of a list (home, topic, type or author pages) as an ItemList: its items in order, numbered from the start
 * of the whole list (https://developers.google.com/search/docs/appearance/structured-data/carousel). Undefined
 * for an empty page.
 */
export function itemListLd(page: ListPage<Pick<Article, "url" | "title">>, name: string, site: Pick<SiteData, "url" | "perPage">): Record<string, unknown> | undefined {
  if (page.items.length === 0) return undefined;
  const first = (page.number - 1) * site.perPage;
  return {
    "@context": "https://schema.org",
    "@type": "ItemList",
    name,
    url: absolute(site, page.href),
    itemListOrder: "https://schema.org/ItemListOrderDescending",
    numberOfItems: page.items.length,
    itemListElement: page.items.map((item, i) => ({ "@type": "ListItem", position: first + i + 1, url: absolute(site, item.url), name: item.title })),
  };
}
