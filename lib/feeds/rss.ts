/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with content:encoded, dc:creator, atom:link and
 * media:content. One serialiser for every RSS feed on the site.
 */
import type { Feed } from "./model.ts";
import { rfc822 } from "./model.ts";
import { el, xmlDocument } from "./xml.ts";

export const FEED_STYLESHEET = "/feed.xsl";

export function toRss(feed: Feed): string {
  const channel = el(
    "channel",
    {},
    el("title", {}, feed.title),
    el("link", {}, feed.link),
    el("description", {}, feed.description),
    el("atom:link", { href: feed.self, rel: "self", type: "application/rss+xml" }),
    el("language", {}, feed.language),
    el("copyright", {}, feed.copyright),
    feed.updated !== undefined && el("lastBuildDate", {}, rfc822(feed.updated)),
    el("generator", {}, "govnews"),
    feed.logo !== undefined && el("image", {}, el("url", {}, feed.logo), el("title", {}, feed.title), el("link", {}, feed.link)),
    feed.items.map((item) =>
      el(
        "item",
        {},
        el("title", {}, item.title),
        el("link", {}, item.link),
        el("guid", { isPermaLink: String(item.id === item.link) }, item.id),
        el("pubDate", {}, rfc822(item.published)),
        el("description", {}, item.summary),
        el("content:encoded", {}, item.contentHtml),
        item.authors.map((a) => el("dc:creator", {}, a.name)),
        item.categories.map((c) => el("category", {}, c)),
        item.image &&
          el(
            "media:content",
            { url: item.image.url, medium: "image", type: item.image.type },
            el("media:description", {}, item.image.alt),
            el("media:credit", {}, item.image.credit),
            item.image.licence !== undefined && el("media:copyright", {}, item.image.licence),
          ),
      ),
    ),
  );
  const rss = el(
    "rss",
    {
      version: "2.0",
      "xmlns:atom": "http://www.w3.org/2005/Atom",
      "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
      "xmlns:dc": "http://purl.org/dc/elements/1.1/",
      "xmlns:media": "http://search.yahoo.com/mrss/",
    },
    channel,
  );
  return xmlDocument(rss, [["xml-stylesheet", `type="text/xsl" href="${FEED_STYLESHEET}"`]]);
}
