/**
 * What the search page offers to filter by, and the filter and sort values each item's search record carries
 * (lib/eleventy/search-index.ts). Both come from the published items only, so the search page names no type, topic
 * or year that only a draft or an embargoed item has.
 */
import { londonYear, toMillis } from "../content/dates.ts";
import { NEWS_TYPES } from "../content/schema.ts";
import { typeLabel } from "../content/news-types.ts";

export interface SearchFacets {
  /** Type labels as item pages print them ("Press release"), in the schema's order. */
  types: string[];
  /** Topic labels, A to Z as the topics page lists them. */
  topics: string[];
  /** Years of publication (UK time), newest first. */
  years: string[];
}

interface FacetSource {
  type: string;
  date: string;
  tags: ReadonlyArray<{ label: string }>;
}

/** The year an item was published in, in UK time ("2026"): its year filter. */
export function publicationYear(date: string): string {
  return String(londonYear(date));
}

/** The item's date as a UTC instant ("2026-08-17T08:30:00.000Z"), which sorts as text in time order. */
export function searchSortKey(date: string): string {
  return new Date(toMillis(date)).toISOString();
}

/** The filter choices for these (published) items. */
export function searchFacets(items: readonly FacetSource[], topicOrder: readonly { label: string }[]): SearchFacets {
  const types = new Set<string>();
  const years = new Set<string>();
  for (const item of items) {
    types.add(item.type);
    years.add(publicationYear(item.date));
  }
  return {
    types: NEWS_TYPES.filter((type) => types.has(type)).map(typeLabel),
    topics: topicOrder.map((tag) => tag.label),
    years: [...years].sort((a, b) => Number(b) - Number(a)),
  };
}
