/**
 * The candidate pool of one lookup: the items worth ranking, best first, with exact scores.
 *
 * 1. Candidates share a tag with the item or one of its `queryTerms` strongest terms (the first
 *    `postingsPerTerm` postings of each). Their tag sums and query-term text sums are added up on the way.
 * 2. A first score (text from the query terms only) keeps the best `poolSize` in a bounded heap.
 * 3. Those are re-scored exactly (text against all terms) and sorted: score, then canonical order.
 *
 * Typed arrays reused from lookup to lookup, and no object per candidate: a large archive would make hundreds
 * of thousands (see docs/performance.md).
 */
import type { Facets } from "./facets.ts";
import type { RelatedOptions } from "./options.ts";
import type { Postings } from "./postings.ts";
import type { Selection } from "./selection.ts";
import type { Signals } from "./signals.ts";
import { topThreshold, TopKHeap } from "./top-k.ts";
import type { DenseVector, Vectors } from "./vectors.ts";

export interface CandidatePool {
  /** The pool, best first, as parallel arrays: entries 0 .. length. */
  readonly items: Int32Array;
  readonly scores: Float64Array;
  /** Greatest redundancy with the listed items, and how many listed items it covers (see diversity.ts). */
  readonly redundancy: Float64Array;
  readonly checked: Int32Array;
  readonly length: number;
  /** Fills the pool for item d, leaving out blocked items; `query` holds d's vector. */
  fill(d: number, selection: Selection, query: DenseVector): void;
  /** Takes the entry at `x` out of the pool, keeping the order; returns its item. */
  removeAt(x: number): number;
}

/**
 * Closures over constant arrays, not a class: V8 compiles these loops faster when the arrays they read are
 * constants of the closure than when they come from `this` (see docs/performance.md).
 */
export function createCandidatePool(n: number, facets: Facets, vectors: Vectors, postings: Postings, signals: Signals, options: RelatedOptions): CandidatePool {
  const { itemTagStart, itemTags, tagRarity, tagItemStart, tagItems, authorSet } = facets;
  const { start: vecStart, terms: vecTerms, weights: vecWeights } = vectors;
  const { start: postStart, items: postItems, weights: postWeights } = postings;
  const { weightedMean, normaliseTags, tagCount, authorSimilarity, sameType, recency } = signals;
  const useText = signals.weights.text > 0;
  const useTags = signals.weights.tags > 0;
  const { queryTerms, postingsPerTerm, minScore } = options;

  // Per item, for the lookup that last saw it (stamp): its sums so far.
  const seen = new Int32Array(n).fill(-1);
  const textSum = new Float64Array(n);
  const tagSum = new Float64Array(n);
  /** The items seen, in order of discovery. */
  const candidates = new Int32Array(n);
  // Per author set, for the lookup that last needed it: its similarity to the item.
  const authorSetSeen = new Int32Array(facets.authorSetCount).fill(-1);
  const authorSetSimilarity = new Float64Array(facets.authorSetCount);
  const poolSize = Math.max(options.poolSize, options.k);
  const firstScores = new TopKHeap(poolSize);

  const items = new Int32Array(poolSize);
  const scores = new Float64Array(poolSize);
  const redundancy = new Float64Array(poolSize);
  const checked = new Int32Array(poolSize);
  let length = 0;

  /** Step 1: returns how many candidates were found. */
  function findCandidates(d: number, stamp: number): number {
    let count = 0;
    if (useText) {
      const v0 = vecStart[d]!;
      const v1 = vecStart[d + 1]!;
      const { threshold, atThreshold } = topThreshold(vecWeights, v0, v1, queryTerms);
      let ties = atThreshold;
      for (let p = v0; p < v1; p++) {
        const queryWeight = vecWeights[p]!;
        if (!(queryWeight > threshold || (queryWeight === threshold && ties-- > 0))) continue;
        const t = vecTerms[p]!;
        for (let q = postStart[t]!, end = Math.min(postStart[t + 1]!, q + postingsPerTerm); q < end; q++) {
          const c = postItems[q]!;
          if (seen[c] !== stamp) {
            seen[c] = stamp;
            textSum[c] = 0;
            tagSum[c] = 0;
            candidates[count++] = c;
          }
          textSum[c] = textSum[c]! + queryWeight * postWeights[q]!;
        }
      }
    }
    if (useTags) {
      for (let p = itemTagStart[d]!; p < itemTagStart[d + 1]!; p++) {
        const t = itemTags[p]!;
        const rarity = tagRarity[t]!;
        for (let q = tagItemStart[t]!, end = tagItemStart[t + 1]!; q < end; q++) {
          const c = tagItems[q]!;
          if (seen[c] !== stamp) {
            seen[c] = stamp;
            textSum[c] = 0;
            tagSum[c] = 0;
            candidates[count++] = c;
          }
          tagSum[c] = tagSum[c]! + rarity;
        }
      }
    }
    return count;
  }

  /**
   * Step 2. The first score is the exact formula (weightedMean) with the text from the query terms only. A heap,
   * not a selection over all candidates: most candidates are turned away by one comparison with its root. The
   * author signal is looked up by author set, worked out on first use (the same value as per pair, for less).
   */
  function keepBestByFirstScore(d: number, count: number, blocked: Int32Array, stamp: number): void {
    const ownTags = tagCount(d);
    firstScores.clear();
    for (let x = 0; x < count; x++) {
      const c = candidates[x]!;
      if (blocked[c] === stamp) continue;
      const set = authorSet[c]!;
      if (authorSetSeen[set] !== stamp) {
        authorSetSeen[set] = stamp;
        authorSetSimilarity[set] = authorSimilarity(d, c);
      }
      const score = weightedMean(normaliseTags(tagSum[c]!, ownTags, tagCount(c)), textSum[c]!, authorSetSimilarity[set]!, sameType(d, c), recency(d, c));
      firstScores.offer(score, c);
    }
  }

  /**
   * Step 3. The tag sums are already complete (tag postings are read in full); the text is re-scored against
   * all terms. Scores below minScore (or 0) are left out. Sorted by insertion: score, then canonical order.
   */
  function rescoreExactly(d: number, query: DenseVector): void {
    const ownTags = tagCount(d);
    length = 0;
    for (let x = 0; x < firstScores.size; x++) {
      const c = firstScores.items[x]!;
      // Every pool item had a first score, so its author set is worked out.
      const score = weightedMean(normaliseTags(tagSum[c]!, ownTags, tagCount(c)), query.dot(vectors, c), authorSetSimilarity[authorSet[c]!]!, sameType(d, c), recency(d, c));
      if (!(score >= minScore && score > 0)) continue;
      let at = length++;
      while (at > 0 && (scores[at - 1]! < score || (scores[at - 1] === score && items[at - 1]! > c))) {
        items[at] = items[at - 1]!;
        scores[at] = scores[at - 1]!;
        at--;
      }
      items[at] = c;
      scores[at] = score;
    }
    redundancy.fill(0, 0, length);
    checked.fill(0, 0, length);
  }

  return {
    items,
    scores,
    redundancy,
    checked,
    get length() {
      return length;
    },
    fill(d: number, selection: Selection, query: DenseVector): void {
      const count = findCandidates(d, selection.stamp);
      keepBestByFirstScore(d, count, selection.blocked, selection.stamp);
      rescoreExactly(d, query);
    },
    removeAt(x: number): number {
      const item = items[x]!;
      items.copyWithin(x, x + 1, length);
      scores.copyWithin(x, x + 1, length);
      redundancy.copyWithin(x, x + 1, length);
      checked.copyWithin(x, x + 1, length);
      length--;
      return item;
    },
  };
}
