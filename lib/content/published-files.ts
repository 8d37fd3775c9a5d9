/**
 * The files from `content/images/` a build may publish: only those that items it shows, their authors and the site
 * itself use. An image used only by a draft, an embargoed or a withdrawn item stays unpublished until that item is.
 */
import type { Article, Author } from "./model.ts";
import type { SiteData } from "./schema.ts";

/** A local image reference in Markdown or HTML: `/images/` and a plain path (see the schema's image paths). */
const BODY_IMAGE = /\/images\/[A-Za-z0-9][A-Za-z0-9._/-]*/g;

/** Site paths ("/images/x.png") of the local images that `articles` (and their authors, and the site) use, sorted. */
export function imagesToPublish(
  articles: readonly Pick<Article, "image" | "authorIds" | "body">[],
  authors: ReadonlyMap<string, Pick<Author, "photo">>,
  site: Pick<SiteData, "logo">,
): string[] {
  return publishedImages(articles, authors, site).all;
}

/** As imagesToPublish, and apart those that the bodies mention (for processing body images), both sorted. */
export function publishedImages(
  articles: readonly Pick<Article, "image" | "authorIds" | "body">[],
  authors: ReadonlyMap<string, Pick<Author, "photo">>,
  site: Pick<SiteData, "logo">,
  /** Each body's image paths, by its Markdown, kept between calls (npm start's rebuilds): read and added to. */
  bodyImages?: Map<string, string[]>,
): { all: string[]; inBodies: string[] } {
  const found = new Set<string>();
  const inBodies = new Set<string>();
  const add = (src: string | undefined) => {
    if (src?.startsWith("/images/")) found.add(src);
  };
  add(site.logo);
  const credited = new Set<string>();
  for (const article of articles) {
    add(article.image?.src);
    for (const id of article.authorIds) credited.add(id);
    // Body images: any local image path the text mentions (a link to one is publishing it too).
    let sources = bodyImages?.get(article.body);
    if (!sources) {
      sources = [...article.body.matchAll(BODY_IMAGE)].map((match) => match[0].replace(/[.]+$/, ""));
      bodyImages?.set(article.body, sources);
    }
    for (const src of sources) {
      add(src);
      inBodies.add(src);
    }
  }
  for (const id of credited) add(authors.get(id)?.photo?.src);
  return { all: [...found].sort(), inBodies: [...inBodies].sort() };
}
