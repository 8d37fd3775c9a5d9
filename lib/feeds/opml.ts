/** OPML 2.0 (http://opml.org/spec2.opml) listing every feed, for importing into a feed reader in one go. */
import type { FeedCatalogue } from "./catalogue.ts";
import { absoluteUrl } from "./urls.ts";
import { el, xmlDocument } from "./xml.ts";

export function toOpml(catalogue: FeedCatalogue, siteTitle: string, siteUrl: string): string {
  const groups: Array<[string, typeof catalogue.tags]> = [
    ["Everything", [catalogue.site]],
    ["Types", catalogue.types],
    ["Topics", catalogue.tags],
    ["Authors", catalogue.authors],
  ];
  const body = el(
    "body",
    {},
    groups
      .filter(([, entries]) => entries.length > 0)
      .map(([name, entries]) =>
        el(
          "outline",
          { text: name, title: name },
          entries.map((e) => el("outline", { type: "rss", text: e.title, title: e.title, xmlUrl: absoluteUrl(e.path, siteUrl), htmlUrl: absoluteUrl(e.page, siteUrl) })),
        ),
      ),
  );
  return xmlDocument(el("opml", { version: "2.0" }, el("head", {}, el("title", {}, `${siteTitle} feeds`)), body));
}
