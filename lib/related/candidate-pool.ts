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

export class CandidatePool {
  readonly facets: Facets;
  readonly vectors: Vectors;
  readonly postings: Postings;
  readonly signals: Signals;
  readonly options: RelatedOptions;

  // Per item, for the lookup that last saw it (stamp): its sums so far.
  readonly seen: Int32Array;
  readonly textSum: Float64Array;
  readonly tagSum: Float64Array;
  /** The items seen, in order of discovery. */
  readonly candidates: Int32Array;
  // Per author set, for the lookup that last needed it: its similarity to the item.
  readonly authorSetSeen: Int32Array;
  readonly authorSetSimilarity: Float64Array;
  readonly firstScores: TopKHeap;

  // The pool, best first, as parallel arrays; the diversity step also keeps its state here.
  readonly items: Int32Array;
  readonly scores: Float64Array;
  /** Greatest redundancy with the listed items, and how many listed items it covers (see diversity.ts). */
  readonly redundancy: Float64Array;
  readonly checked: Int32Array;
  length = 0;

  constructor(n: number, facets: Facets, vectors: Vectors, postings: Postings, signals: Signals, options: RelatedOptions) {
    this.facets = facets;
    this.vectors = vectors;
    this.postings = postings;
    this.signals = signals;
    this.options = options;
    this.seen = new Int32Array(n).fill(-1);
    this.textSum = new Float64Array(n);
    this.tagSum = new Float64Array(n);
    this.candidates = new Int32Array(n);
    this.authorSetSeen = new Int32Array(facets.authorSetCount).fill(-1);
    this.authorSetSimilarity = new Float64Array(facets.authorSetCount);
    const poolSize = Math.max(options.poolSize, options.k);
    this.firstScores = new TopKHeap(poolSize);
    this.items = new Int32Array(poolSize);
    this.scores = new Float64Array(poolSize);
    this.redundancy = new Float64Array(poolSize);
    this.checked = new Int32Array(poolSize);
  }

  /** Fills the pool for item d, leaving out blocked items; `query` holds d's vector. */
  fill(d: number, selection: Selection, query: DenseVector): void {
    const count = this.findCandidates(d, selection.stamp);
    this.keepBestByFirstScore(d, count, selection);
    this.rescoreExactly(d, query);
  }

  /** Step 1: returns how many candidates were found. */
  findCandidates(d: number, stamp: number): number {
    const { seen, textSum, tagSum, candidates } = this;
    const { wText, wTags } = this.signals;
    let count = 0;
    if (wText > 0) {
      const { terms: vecTerms, weights: vecWeights } = this.vectors;
      const { start: postStart, items: postItems, weights: postWeights } = this.postings;
      const perTerm = this.options.postingsPerTerm;
      const v0 = this.vectors.start[d]!;
      const v1 = this.vectors.start[d + 1]!;
      const { threshold, atThreshold } = topThreshold(vecWeights, v0, v1, this.options.queryTerms);
      let ties = atThreshold;
      for (let p = v0; p < v1; p++) {
        const queryWeight = vecWeights[p]!;
        if (!(queryWeight > threshold || (queryWeight === threshold && ties-- > 0))) continue;
        const t = vecTerms[p]!;
        for (let q = postStart[t]!, end = Math.min(postStart[t + 1]!, q + perTerm); q < end; q++) {
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
    if (wTags > 0) {
      const { itemTagStart, itemTags, tagRarity, tagItemStart, tagItems } = this.facets;
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
  keepBestByFirstScore(d: number, count: number, selection: Selection): void {
    const { candidates, textSum, tagSum, authorSetSeen, authorSetSimilarity, signals, firstScores } = this;
    const authorSet = this.facets.authorSet;
    const blocked = selection.blocked;
    const stamp = selection.stamp;
    const ownTags = signals.tagCount(d);
    firstScores.clear();
    for (let x = 0; x < count; x++) {
      const c = candidates[x]!;
      if (blocked[c] === stamp) continue;
      const set = authorSet[c]!;
      if (authorSetSeen[set] !== stamp) {
        authorSetSeen[set] = stamp;
        authorSetSimilarity[set] = signals.authorSimilarity(d, c);
      }
      const score = signals.weightedMean(
        signals.normaliseTags(tagSum[c]!, ownTags, signals.tagCount(c)),
        textSum[c]!,
        authorSetSimilarity[set]!,
        signals.sameType(d, c),
        signals.recency(d, c),
      );
      firstScores.offer(score, c);
    }
  }

  /**
   * Step 3. The tag sums are already complete (tag postings are read in full); the text is re-scored against
   * all terms. Scores below minScore (or 0) are left out. Sorted by insertion: score, then canonical order.
   */
  rescoreExactly(d: number, query: DenseVector): void {
    const { tagSum, authorSetSimilarity, signals, firstScores, items, scores, vectors } = this;
    const authorSet = this.facets.authorSet;
    const minScore = this.options.minScore;
    const ownTags = signals.tagCount(d);
    let length = 0;
    for (let x = 0; x < firstScores.size; x++) {
      const c = firstScores.items[x]!;
      // Every pool item had a first score, so its author set is worked out.
      const score = signals.weightedMean(
        signals.normaliseTags(tagSum[c]!, ownTags, signals.tagCount(c)),
        query.dot(vectors, c),
        authorSetSimilarity[authorSet[c]!]!,
        signals.sameType(d, c),
        signals.recency(d, c),
      );
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
    this.length = length;
    this.redundancy.fill(0, 0, length);
    this.checked.fill(0, 0, length);
  }

  /** Takes the entry at `x` out of the pool, keeping the order; returns its item. */
  removeAt(x: number): number {
    const item = this.items[x]!;
    const length = this.length;
    this.items.copyWithin(x, x + 1, length);
    this.scores.copyWithin(x, x + 1, length);
    this.redundancy.copyWithin(x, x + 1, length);
    this.checked.copyWithin(x, x + 1, length);
    this.length = length - 1;
    return item;
  }
}
