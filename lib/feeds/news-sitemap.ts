/**
 * Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap): the
 * published items of the last two days, so Google News finds new items without crawling the whole site. Pure: the
 * build's "now" is given, so the same content and now make the same file.
 */
import { el, xmlDocument } from "./xml.ts";
import { absoluteUrl } from "./urls.ts";

/** Google News lists articles published in the last two days; older ones belong only in sitemap.xml. */
export const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
/** Google reads at most this many entries from one news sitemap. */
export const NEWS_SITEMAP_LIMIT = 1000;

export interface NewsSitemapItem {
  url: string;
  title: string;
  /** ISO 8601 date-time with offset, as the item gives it. */
  date: string;
  dateMs: number;
}

export interface NewsSitemapSite {
  url: string;
  /** The publication's name as Google News shows it: the site's title. */
  name: string;
  /** A BCP 47 tag such as en-GB. */
  language: string;
}

/**
 * Google News wants an ISO 639 code ("en"), except for Chinese, where it wants zh-cn or zh-tw.
 * https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap#tags
 */
export function newsLanguage(tag: string): string {
  const [language = "", region = ""] = tag.toLowerCase().split(/[-_]/);
  if (language === "zh") return region === "tw" || region === "hk" || region === "hant" ? "zh-tw" : "zh-cn";
  return language;
}

/** The items published in the two days up to `nowMs`, newest first (as given), at most NEWS_SITEMAP_LIMIT. */
export function recentItems<T extends Pick<NewsSitemapItem, "dateMs">>(published: readonly T[], nowMs: number): T[] {
  return published.filter((a) => a.dateMs <= nowMs && nowMs - a.dateMs <= NEWS_SITEMAP_WINDOW_MS).slice(0, NEWS_SITEMAP_LIMIT);
}

/** The news sitemap of `items` (already chosen by recentItems). An empty one is still a valid file for robots.txt to name. */
export function toNewsSitemap(items: readonly NewsSitemapItem[], site: NewsSitemapSite): string {
  const publication = el("news:publication", {}, el("news:name", {}, site.name), el("news:language", {}, newsLanguage(site.language)));
  return xmlDocument(
    el(
      "urlset",
      { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9", "xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9" },
      items.map((item) =>
        el(
          "url",
          {},
          el("loc", {}, absoluteUrl(item.url, site.url)),
          el("news:news", {}, publication, el("news:publication_date", {}, item.date), el("news:title", {}, item.title)),
        ),
      ),
    ),
  );
}
