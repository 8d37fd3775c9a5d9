/** sitemaps.org XML sitemap of every published page, from the same published collection as everything else. */
import { el, xmlDocument } from "./xml.ts";
import { absoluteUrl } from "./urls.ts";

export interface SitemapEntry {
  path: string;
  /** ISO 8601 date-time of the last change, if known. */
  lastmod?: string;
}

export function toSitemap(entries: readonly SitemapEntry[], siteUrl: string): string {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return xmlDocument(
    el(
      "urlset",
      { xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9" },
      sorted.map((e) => el("url", {}, el("loc", {}, absoluteUrl(e.path, siteUrl)), e.lastmod !== undefined && el("lastmod", {}, e.lastmod))),
    ),
  );
}
