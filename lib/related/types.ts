/** The engine's public types: what it reads about an item, and what it answers. */
import type { RelatedOptions } from "./options.ts";

/** What the engine needs to know about a published item. */
export interface ArticleSummary {
  slug: string;
  title: string;
  /** The standfirst. */
  description: string;
  /** Markdown or plain text. */
  body: string;
  type: string;
  authorIds: string[];
  /** Merged tag slugs; empty strings and repeats are tolerated. */
  tagSlugs: string[];
  /** Display labels, same order as tagSlugs, for reasons. */
  tagLabels?: string[];
  /** Epoch milliseconds of publication. */
  dateMs: number;
  /** Curated slugs, in order: shown first. Slugs that are not among the items are ignored. */
  related?: string[];
  /** Slugs never to suggest for this item. */
  relatedExclude?: string[];
}

export interface PairSignals {
  tags: number;
  text: number;
  authors: number;
  type: number;
  recency: number;
  score: number;
}

export type RelatedSource = "curated" | "scored" | "fill-tag" | "fill-newest";

export interface RelatedEntry {
  slug: string;
  /** The pair's combined similarity, 0–1, rounded to 4 decimals (the same whichever item you start from). */
  score: number;
  /** Why it is listed, for editors: "chosen by the editor", "shared tags: NHS App", "same author", … */
  reasons: string[];
  source: RelatedSource;
}

export interface RelatedIndex {
  /**
   * The related items for a slug, best first; an empty list for a slug that is not among the items. The same
   * frozen array every time for a slug.
   */
  get(slug: string): RelatedEntry[];
  /**
   * The same list as get(slug), as slugs only: without scores and reasons, which take a good part of the
   * lookup time (for callers that only print the list, like the build). Memoised lists from get() are reused.
   */
  slugs(slug: string): string[];
  has(slug: string): boolean;
  /** Number of items indexed. */
  readonly size: number;
  readonly options: RelatedOptions;
  /** The signals (each 0–1) and combined score of a pair; undefined when either slug is unknown. */
  explain(a: string, b: string): PairSignals | undefined;
  /** Index sizes, for benchmarks. */
  readonly stats: { items: number; terms: number; indexedTerms: number; postings: number; tags: number };
}
