/**
 * Links and images in item bodies: a link to a page of this site that will not exist when the item goes live,
 * and an image that does not exist or has no alt text, are content errors (the reader would meet a 404 or an
 * image a screen reader cannot describe).
 *
 * Links are read from the body's rendered, sanitised HTML, with htmlparser2 (already the sanitiser's parser), so
 * Markdown links, reference links and raw HTML are all seen as a browser will see them. What pages will exist
 * is worked out from the content alone, for the paths the content decides: items (`/news/<file name>/`, old
 * names that redirect), topics, types, authors and images. Other paths of the site (the home page, feeds,
 * subscribe) are not judged here; the built site's link test covers them.
 *
 * A link is fine when its page goes live no later than the linking item: a published item may not link to a
 * draft or to an item embargoed until later, but two press releases under one embargo may link to each other,
 * and a draft may link to another draft (it is checked again when it is published).
 *
 * Pure: no Eleventy, no file system.
 */
import type { ContentIssue } from "./issues.ts";
import type { BodyReferences } from "./body-references.ts";
import type { PublicationState } from "./model.ts";
import { tagSlug, tagUrl } from "./tags.ts";
import { typeUrl } from "./news-types.ts";
import { suggest } from "./suggest.ts";
import { formatGoLiveTime } from "./schedule-message.ts";
import { countLines } from "./sanitise.ts";

export { findReferences, type BodyReferences } from "./body-references.ts";

/** When each page the content decides goes live: epoch ms, -Infinity for already, Infinity for a draft's. */
export interface LinkPlan {
  /** Site path (`/news/x/`, `/tags/y/`, `/images/z.png`) → when it goes live. */
  pages: ReadonlyMap<string, number>;
  /** Item file names, and the topics and authors that have pages, for "did you mean". */
  itemSlugs: readonly string[];
  tagSlugs: readonly string[];
  authorIds: readonly string[];
  /** The site's origin (`https://news.example.gov.uk`), so that full links to it are checked too. */
  origin?: string | undefined;
}

/** What the plan needs to know about an item: as much as its valid fields say. */
export interface PlannedItem {
  slug: string;
  state: PublicationState;
  /** Epoch ms of its date (for a scheduled item, when it goes live). */
  dateMs: number;
  tags: readonly string[];
  authorIds: readonly string[];
  type?: string | undefined;
  aliases: readonly string[];
}

/** When a page goes live, given its item's state: withdrawn items keep their page, but leave every list. */
export function goLive(item: Pick<PlannedItem, "state" | "dateMs">): number {
  return item.state === "draft" ? Infinity : item.state === "scheduled" ? item.dateMs : -Infinity;
}

export function planLinks(items: readonly PlannedItem[], images: readonly string[], origin?: string): LinkPlan {
  const pages = new Map<string, number>();
  const earliest = (path: string, at: number) => pages.set(path, Math.min(pages.get(path) ?? Infinity, at));
  for (const image of images) pages.set(image, -Infinity);
  for (const item of items) {
    const at = goLive(item);
    earliest(`/news/${item.slug}/`, at);
    for (const alias of item.aliases) earliest(`/news/${alias}/`, at);
    // Lists leave withdrawn items out, and a draft never makes a list page in production.
    if (item.state === "withdrawn" || at === Infinity) continue;
    for (const tag of item.tags) if (tagSlug(tag)) earliest(tagUrl(tagSlug(tag)), at);
    for (const id of item.authorIds) earliest(`/authors/${id}/`, at);
    if (item.type) earliest(typeUrl(item.type), at);
  }
  // "Did you mean" offers only pages that will exist.
  const named = (prefix: string) =>
    [...pages.keys()]
      .filter((page) => page.startsWith(prefix))
      .map((page) => page.slice(prefix.length, -1))
      .sort();
  return { pages, itemSlugs: items.map((i) => i.slug).sort(), tagSlugs: named("/tags/"), authorIds: named("/authors/"), origin };
}

const PLACEHOLDER_ORIGIN = "https://site.invalid";

/**
 * The site path a link points at, or undefined for a link elsewhere (another site, mailto:, a fragment of the
 * same page). Relative links are resolved against the item's own address.
 */
export function sitePath(href: string, itemUrl: string, origin?: string): string | undefined {
  if (href.startsWith("#")) return undefined;
  let url: URL;
  try {
    url = new URL(href, PLACEHOLDER_ORIGIN + itemUrl);
  } catch {
    return undefined;
  }
  const own = url.origin === PLACEHOLDER_ORIGIN || (origin !== undefined && url.origin === new URL(origin).origin);
  return own ? url.pathname : undefined;
}

/** The family of site paths a path belongs to, and its page (pagination and a missing trailing slash allowed). */
function pageOf(path: string): { page: string; kind: "item" | "topic" | "author" | "type" | "image"; name: string } | undefined {
  const match = /^\/(news|tags|authors|types)\/([^/]+)(?:\/.*)?$/.exec(path);
  if (match) {
    const kind = ({ news: "item", tags: "topic", authors: "author", types: "type" } as const)[match[1] as "news" | "tags" | "authors" | "types"];
    return { page: `/${match[1]}/${match[2]}/`, kind, name: match[2]! };
  }
  if (path.startsWith("/images/")) return { page: path, kind: "image", name: path };
  return undefined;
}

const KIND_WORDS = { item: "an item", topic: "a topic", author: "an author", type: "a type", image: "an image" } as const;

/** Why a link to `path` from an item that goes live at `from` is broken, or undefined when it is fine. */
export function linkProblem(path: string, from: number, plan: LinkPlan, contentDir = "content"): string | undefined {
  const target = pageOf(path);
  if (!target) return undefined;
  const at = plan.pages.get(target.page);
  if (at !== undefined && at <= from) return undefined;
  if (at === undefined) {
    const near =
      target.kind === "item"
        ? suggest(target.name, plan.itemSlugs)
        : target.kind === "topic"
          ? suggest(target.name, plan.tagSlugs)
          : target.kind === "author"
            ? suggest(target.name, plan.authorIds)
            : undefined;
    const fix =
      target.kind === "image"
        ? `put the image in ${contentDir}${path} or fix the address`
        : near
          ? `did you mean ${target.page.replace(target.name, near)}?`
          : target.kind === "item"
            ? `link to an item as /news/<its file name without .md>/`
            : target.kind === "author"
              ? "link to an author who has published items"
              : `link to ${KIND_WORDS[target.kind]} that a published item has`;
    return `links to ${path}, which will not exist: ${fix}`;
  }
  if (at === Infinity) return `links to ${path}, which only a draft makes: publish that item first, or remove the link`;
  return `links to ${path}, which goes live on ${formatGoLiveTime(new Date(at))}, after this item: embargo this item until then, or remove the link`;
}

/** Where `needle` first is in the body, as a file line, or undefined. */
function lineOf(body: string, needle: string, bodyLine: number): number | undefined {
  const at = body.indexOf(needle);
  return at === -1 ? undefined : bodyLine + countLines(body, at);
}

/** Every broken link and image of one item's body, each on its line of the file where it can be found. */
export function referenceProblems(
  item: { file: string; slug: string; body: string; bodyLine?: number | undefined; goLive: number },
  references: BodyReferences,
  plan: LinkPlan,
  contentDir = "content",
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const itemUrl = `/news/${item.slug}/`;
  const place = (needle: string) => {
    const line = lineOf(item.body, needle, item.bodyLine ?? 1);
    return line === undefined ? {} : { line, column: 1 };
  };
  const seen = new Set<string>();
  const add = (needle: string, message: string) => {
    if (seen.has(message)) return;
    seen.add(message);
    issues.push({ file: item.file, field: "(body)", message, ...place(needle) });
  };
  for (const href of references.links) {
    const path = sitePath(href, itemUrl, plan.origin);
    const problem = path === undefined ? undefined : linkProblem(path, item.goLive, plan, contentDir);
    if (problem) add(href, problem);
  }
  for (const { src, alt } of references.images) {
    if (!alt?.trim()) {
      add(
        src,
        `has an image with no alt text (${src}): describe what it shows between the square brackets, e.g. ![A council officer at a laptop](${src}), so screen reader users know`,
      );
    }
    const path = sitePath(src, itemUrl, plan.origin);
    if (path === undefined) continue;
    const problem = path.startsWith("/images/")
      ? linkProblem(path, -Infinity, plan, contentDir)
      : `has an image at ${path}, which is not an image file of the site: put it in ${contentDir}/images/ and write its address as /images/<file name>`;
    if (problem) add(src, problem.startsWith("links to") ? `has an image that ${problem.replace("links to", "points to")}` : problem);
  }
  return issues;
}
