/**
 * The related-articles engine. Pure: plain data in, plain data out (no Eleventy, no file system).
 *
 * Build (once, `buildRelatedIndex`), one file per phase:
 * 1. Items are put in one canonical order (newest first, then slug), so nothing depends on input order.
 * 2. facets.ts: tags, authors and types as ids; tag postings; tag rarity.
 * 3. term-counts.ts, vocabulary.ts: title, standfirst and body are tokenised (Markdown stripped, English stop
 *    words dropped, Porter stems; text.ts, term-dictionary.ts) into field-weighted counts tf = Σ fieldWeight ×
 *    count. Terms in one item only, or in more than maxDfFraction of the items (never below 10 items), are dropped.
 * 4. vectors.ts: each item keeps its `itemTerms` strongest terms, weight ln(1 + tf) × ln(1 + N/df), scaled to
 *    length 1.
 * 5. postings.ts: term → items (for a term in more than `postingsPerTerm` items, the strongest first).
 *
 * Lookup (`get`, memoised; `rankItem` below):
 * 6. selection.ts: curated slugs first, in order; never the item itself, never an excluded slug.
 * 7. candidate-pool.ts: candidates share a tag or one of the item's `queryTerms` strongest terms; each pair's
 *    score is the weighted mean of five signals, each 0–1 (signals.ts: tags, text, authors, type, recency). A
 *    first score keeps the best `poolSize`; those are re-scored exactly; scores below minScore are left out.
 * 8. diversity.ts: MMR re-ranking, so near-copies of a listed item do not fill the list.
 * 9. fills.ts: the newest items sharing the item's rarest tag, then the newest items, keep the list at k
 *    whenever k other items exist.
 * 10. reasons.ts: why each listed item is there (get only; slugs skips it).
 *
 * Scores are symmetric (score(a, b) = score(b, a)) and every sum runs in a fixed order (ascending term and tag
 * ids, assigned in canonical order), so the same input gives bit-identical output. Ties: newer first, then slug.
 * Speed: typed arrays throughout, memory reused behind checks (scratch.ts); see docs/performance.md.
 */
import { compareNewestFirst } from "../content/order.ts";
import { createCandidatePool, type CandidatePool } from "./candidate-pool.ts";
import { placeDiverse } from "./diversity.ts";
import { buildFacets } from "./facets.ts";
import { fillFromTags, fillNewest } from "./fills.ts";
import { resolveRelatedOptions, type RelatedOptionsInput } from "./options.ts";
import { buildPostings } from "./postings.ts";
import { createReasons } from "./reasons.ts";
import { Scratch } from "./scratch.ts";
import { placeCurated, Selection } from "./selection.ts";
import { createSignals } from "./signals.ts";
import { countTerms } from "./term-counts.ts";
import type { ArticleSummary, PairSignals, RelatedEntry, RelatedIndex } from "./types.ts";
import { buildVectors, DenseVector } from "./vectors.ts";
import { buildVocabulary } from "./vocabulary.ts";

export {
  DEFAULT_RELATED_OPTIONS,
  resolveRelatedOptions,
  type FieldWeights,
  type RelatedOptions,
  type RelatedOptionsInput,
  type RelatedWeights,
} from "./options.ts";
export type { ArticleSummary, PairSignals, RelatedEntry, RelatedIndex, RelatedSource } from "./types.ts";
export { topThreshold } from "./top-k.ts";

function checkItems(items: readonly ArticleSummary[]): void {
  if (!Array.isArray(items)) throw new Error("Related articles: items must be a list of published items");
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (typeof item?.slug !== "string" || item.slug === "") throw new Error(`Related articles: item ${i} has no slug`);
    if (typeof item.dateMs !== "number" || !Number.isFinite(item.dateMs)) {
      throw new Error(`Related articles: item "${item.slug}" has no valid dateMs (got ${String(item.dateMs)})`);
    }
    if (seen.has(item.slug)) throw new Error(`Related articles: the slug "${item.slug}" is given twice: pass each published item once`);
    seen.add(item.slug);
  });
}

/** What a lookup works in, reused from lookup to lookup: one lookup at a time (see rankItem). */
interface Workspace {
  /** The item's vector, spread out, for its text similarity with each candidate. */
  query: DenseVector;
  selection: Selection;
  pool: CandidatePool;
}

export function buildRelatedIndex(input: readonly ArticleSummary[], options?: RelatedOptionsInput): RelatedIndex {
  const opts = resolveRelatedOptions(options);
  checkItems(input);
  // Newest first, then slug (lib/content/order.ts): the canonical order, and the tie-break everywhere.
  const items = [...input].sort(compareNewestFirst);
  const n = items.length;
  const indexOf = new Map<string, number>();
  items.forEach((item, i) => indexOf.set(item.slug, i));

  const facets = buildFacets(items);
  const useText = opts.weights.text > 0 || opts.diversity < 1;
  const termCounts = countTerms(items, useText ? opts.fieldWeights : { title: 0, description: 0, body: 0 });
  const vocabulary = buildVocabulary(termCounts, n, opts.maxDfFraction);
  const { vectors, leftover } = buildVectors(termCounts.lists, vocabulary, n, opts.itemTerms);
  const postings = buildPostings(vectors, vocabulary.size, n, opts.postingsPerTerm, leftover);
  const signals = createSignals(items, facets, vectors, opts);
  const reasons = createReasons(facets, vectors, signals, opts.weights, termCounts.dict, vocabulary);

  const workspace = new Scratch<Workspace>("related lookup workspace", {
    query: new DenseVector(vocabulary.size),
    selection: new Selection(n, vectors, vocabulary.size),
    pool: createCandidatePool(n, facets, vectors, postings, signals, opts),
  });
  const diversify = opts.diversity < 1;
  const scoring = opts.weights.text > 0 || opts.weights.tags > 0;
  /** Stamps each lookup's marks in the workspace, so they never need clearing. */
  let lookups = 0;

  /** Item d's list: the chosen items, or (with details) the full entries with scores and reasons. */
  function rankItem(d: number, details: true): RelatedEntry[];
  function rankItem(d: number, details: false): number[];
  function rankItem(d: number, details: boolean): RelatedEntry[] | number[] {
    const k = Math.min(opts.k, n - 1);
    if (k <= 0) return [];
    const { query, selection, pool } = workspace.lend("rankItem");
    try {
      query.scatter(vectors, d);
      selection.begin(lookups++, d, k, diversify);
      placeCurated(items[d]!, selection, indexOf);
      if (!selection.full && scoring) {
        pool.fill(d, selection, query);
        placeDiverse(pool, selection, vectors, opts.diversity, opts.duplicateSimilarity);
      }
      if (!selection.full) fillFromTags(d, selection, facets);
      if (!selection.full) fillNewest(n, selection);
      return details ? entriesFor(d, selection, query) : selection.chosen;
    } finally {
      query.clear(vectors);
      selection.end();
      workspace.release("rankItem");
    }
  }

  /** The listed items with scores and reasons; `query` still holds d's vector. */
  function entriesFor(d: number, selection: Selection, query: DenseVector): RelatedEntry[] {
    return selection.chosen.map((c, x) => ({
      slug: items[c]!.slug,
      score: Math.round(signals.combine(signals.tagSimilarity(d, c), query.dot(vectors, c), d, c) * 10000) / 10000,
      reasons: reasons.describe(d, c, selection.given[x]!),
      source: selection.sources[x]!,
    }));
  }

  const memo = new Map<number, RelatedEntry[]>();
  return {
    get(slug: string): RelatedEntry[] {
      const d = indexOf.get(slug);
      if (d === undefined) return [];
      let result = memo.get(d);
      if (!result) {
        result = rankItem(d, true);
        for (const entry of result) {
          Object.freeze(entry.reasons);
          Object.freeze(entry);
        }
        Object.freeze(result);
        memo.set(d, result);
      }
      return result;
    },
    slugs(slug: string): string[] {
      const d = indexOf.get(slug);
      if (d === undefined) return [];
      const done = memo.get(d);
      return done ? done.map((entry) => entry.slug) : rankItem(d, false).map((c) => items[c]!.slug);
    },
    has: (slug: string) => indexOf.has(slug),
    explain(a: string, b: string): PairSignals | undefined {
      const x = indexOf.get(a);
      const y = indexOf.get(b);
      if (x === undefined || y === undefined) return undefined;
      return signals.explain(x, y);
    },
    size: n,
    options: opts,
    stats: { items: n, terms: vocabulary.termCount, indexedTerms: vocabulary.size, postings: vectors.terms.length, tags: facets.tagCount },
  };
}
