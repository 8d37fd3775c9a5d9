/** Atom 1.0 (RFC 4287) for the site feed: an entry's `updated` moves only when a change note is added. */
import type { Feed } from "./model.ts";
import { el, xmlDocument } from "./xml.ts";

export function toAtom(feed: Feed): string {
  // Atom requires a feed-level <updated>: the newest of the entries' (change notes included).
  const newest = [...feed.items.map((i) => i.updated), feed.updated].filter((d): d is string => Boolean(d)).sort((a, b) => Date.parse(b) - Date.parse(a))[0];
  const root = el(
    "feed",
    { xmlns: "http://www.w3.org/2005/Atom", "xml:lang": feed.language },
    el("id", {}, feed.self),
    el("title", {}, feed.title),
    el("subtitle", {}, feed.description),
    el("link", { rel: "alternate", type: "text/html", href: feed.link }),
    el("link", { rel: "self", type: "application/atom+xml", href: feed.self }),
    el("updated", {}, newest ?? "1970-01-01T00:00:00Z"),
    el("rights", {}, feed.copyright),
    el("generator", {}, "govnews"),
    feed.logo !== undefined && el("logo", {}, feed.logo),
    feed.items.map((item) =>
      el(
        "entry",
        {},
        el("id", {}, item.id),
        el("title", {}, item.title),
        el("link", { rel: "alternate", type: "text/html", href: item.link }),
        el("published", {}, item.published),
        el("updated", {}, item.updated),
        item.authors.map((a) => el("author", {}, el("name", {}, a.name), a.url !== undefined && el("uri", {}, a.url))),
        item.categories.map((c) => el("category", { term: c })),
        el("summary", { type: "text" }, item.summary),
        el("content", { type: "html" }, item.contentHtml),
        item.image && el("link", { rel: "enclosure", href: item.image.url, type: item.image.type, title: item.image.alt }),
      ),
    ),
  );
  return xmlDocument(root);
}
