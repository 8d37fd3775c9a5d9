/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) for the site feed. */
import type { Feed } from "./model.ts";
import { xmlText } from "./xml.ts";

export function toJsonFeed(feed: Feed): string {
  // The same cleaning as XML: control characters are invisible and some readers choke on them.
  const clean = (s: string) => xmlText(s);
  const data = {
    version: "https://jsonfeed.org/version/1.1",
    title: clean(feed.title),
    home_page_url: feed.link,
    feed_url: feed.self,
    description: clean(feed.description),
    language: feed.language,
    ...(feed.logo ? { icon: feed.logo } : {}),
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.link,
      title: clean(item.title),
      summary: clean(item.summary),
      content_html: clean(item.contentHtml),
      date_published: item.published,
      date_modified: item.updated,
      authors: item.authors.map((a) => ({ name: clean(a.name), ...(a.url ? { url: a.url } : {}) })),
      tags: item.categories.map(clean),
      ...(item.image ? { image: item.image.url } : {}),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
