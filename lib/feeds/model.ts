/**
 * One feed model for every feed: plain data in, and (in rss.ts, atom.ts, json-feed.ts) strings out.
 * Built from the content model by `buildFeed`; the Eleventy plugin supplies each item's rendered HTML.
 */
import { DateTime } from "luxon";
import type { Article, Model } from "../content/model.ts";
import { LONDON } from "../content/dates.ts";
import { authorUrl } from "../authors/bio.ts";
import { absoluteUrl, absolutiseHtml } from "./urls.ts";

export interface FeedPerson {
  name: string;
  url?: string;
}

export interface FeedItem {
  /** Permanent id: the canonical URL unless the front matter pins one, so a new title keeps the id. */
  id: string;
  title: string;
  /** Absolute URL of the item's page. */
  link: string;
  /** The standfirst, plain text. */
  summary: string;
  /** The full article HTML, every link and image absolute. */
  contentHtml: string;
  /** ISO 8601 with offset. */
  published: string;
  /** ISO 8601 with offset: the newest change note, else the publication date. */
  updated: string;
  authors: FeedPerson[];
  categories: string[];
  image?: { url: string; alt: string; credit: string; licence?: string; type?: string };
  type: string;
}

export interface Feed {
  title: string;
  description: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  link: string;
  /** Absolute URL of the feed itself (atom:link rel="self"). */
  self: string;
  language: string;
  copyright: string;
  logo?: string;
  /** The newest item's date (not the clock), so output stays deterministic. */
  updated?: string;
  items: FeedItem[];
  /** Absolute URLs of the same feed in other formats (Atom, JSON Feed), for the site feed. */
  alternates?: { atom?: string; json?: string; rss?: string };
}

export interface FeedSpec {
  /** Where the feed lives, e.g. "/tags/ai/feed.xml". */
  path: string;
  /** The HTML page it mirrors, e.g. "/tags/ai/". */
  page: string;
  title: string;
  description: string;
  /** The items, newest first (they are cut to the site's feed size). */
  articles: readonly Article[];
}

export function mimeTypeOf(src: string): string | undefined {
  const ext = src.split("?")[0]!.split(".").pop()?.toLowerCase();
  return { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif", svg: "image/svg+xml", webp: "image/webp" }[ext ?? ""];
}

/** A feed item from an article and its rendered body HTML. */
export function feedItem(article: Article, html: string, model: Pick<Model, "site" | "authors">): FeedItem {
  const { site } = model;
  const link = absoluteUrl(article.url, site.url);
  const authors: FeedPerson[] = article.authorIds.length
    ? article.authorIds.map((id) => ({ name: model.authors.get(id)!.name, url: absoluteUrl(authorUrl(id), site.url) }))
    : [{ name: site.organisation.name, url: site.organisation.url }];
  return {
    id: article.id ?? link,
    title: article.title,
    link,
    summary: article.description,
    contentHtml: absolutiseHtml(html, link),
    published: article.date,
    updated: article.updated ?? article.date,
    authors,
    categories: article.tags.map((t) => t.label),
    type: article.type,
    image: article.image
      ? {
          url: absoluteUrl(article.image.src, site.url),
          alt: article.image.alt,
          credit: article.image.credit,
          licence: article.image.licence,
          type: mimeTypeOf(article.image.src),
        }
      : undefined,
  };
}

export function buildFeed(spec: FeedSpec, model: Pick<Model, "site" | "authors">, htmlFor: (article: Article) => string): Feed {
  const { site } = model;
  const items = spec.articles.slice(0, site.feedSize).map((a) => feedItem(a, htmlFor(a), model));
  return {
    title: spec.title,
    description: spec.description,
    link: absoluteUrl(spec.page, site.url),
    self: absoluteUrl(spec.path, site.url),
    language: site.language,
    copyright: `${site.copyright}. ${site.licence.name}: ${site.licence.url}`,
    logo: site.logo ? absoluteUrl(site.logo, site.url) : undefined,
    updated: items.map((i) => i.published).sort((a, b) => Date.parse(b) - Date.parse(a))[0],
    items,
  };
}

/** RFC 822 date for RSS, with London's offset on that day: "Mon, 17 Aug 2026 09:30:00 +0100". */
export function rfc822(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(LONDON).toRFC2822()!;
}
