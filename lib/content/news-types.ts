/**
 * News types ("press release", "analysis") as pages, feeds and templates show them: label, plural, URL slug,
 * list page. One home for what the feed catalogue, the type pages and the templates print.
 */
import slugify from "@sindresorhus/slugify";
import { NEWS_TYPES } from "./text-rules.ts";

// A site has a handful of types and asks for their slugs on every page: slugify each once.
const typeSlugs = new Map<string, string>();

/** "press release" → "press-release", the URL segment of its page and feed. */
export function typeSlug(type: string): string {
  let slug = typeSlugs.get(type);
  if (slug === undefined) {
    slug = slugify(type);
    typeSlugs.set(type, slug);
  }
  return slug;
}

/** The type's list page, e.g. "/types/press-release/". */
export function typeUrl(type: string): string {
  return `/types/${typeSlug(type)}/`;
}

/** "press release" → "Press release" (GOV.UK uses sentence case for labels). */
export function typeLabel(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** The type as a sentence names one item: "This news article was withdrawn", "This press release was …". */
export function typeNoun(type: string): string {
  return type === "news" ? "news article" : type === "opinion" ? "opinion piece" : type.toLowerCase();
}

/** Plural labels for type pages and feeds ("Press releases"). */
export function typePlural(type: string): string {
  return type === "news" ? "News" : type === "analysis" ? "Analysis" : `${typeLabel(type)}s`;
}

/** `items` by type, in the order given, for every type (empty lists included). */
export function typeArticles<T extends { type: string }>(items: readonly T[]): Map<string, T[]> {
  const byType = new Map<string, T[]>();
  for (const type of NEWS_TYPES) byType.set(type, []);
  for (const item of items) byType.get(item.type)!.push(item);
  return byType;
}
