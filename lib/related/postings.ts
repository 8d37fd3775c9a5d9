/**
 * Postings: term → (item, weight), the inverted index the candidates are found through. For a term in more
 * than `postingsPerTerm` items, the items where it weighs most come first, and a query reads only those.
 */
import { viewAfter } from "./scratch.ts";
import { topThreshold } from "./top-k.ts";
import type { LeftoverMemory, Vectors } from "./vectors.ts";

export interface Postings {
  /** Term t's postings are items[start[t] .. start[t + 1]), with the term's weight in each item. */
  start: Int32Array;
  items: Int32Array;
  weights: Float64Array;
}

/** Written over the term counts' memory after the vectors, when it is long enough (nearly always: see vectors.ts). */
export function buildPostings(vectors: Vectors, vocabularySize: number, n: number, postingsPerTerm: number, leftover: LeftoverMemory): Postings {
  const entries = vectors.terms.length;
  const start = new Int32Array(vocabularySize + 1);
  for (const t of vectors.terms) start[t + 1]!++;
  for (let t = 0; t < vocabularySize; t++) start[t + 1]! += start[t]!;
  const items = viewAfter(Int32Array, leftover.termBuffer, leftover.termBytesUsed, entries);
  const weights = viewAfter(Float64Array, leftover.weightBuffer, leftover.weightBytesUsed, entries);
  const { start: vecStart, terms: vecTerms, weights: vecWeights } = vectors;
  const next = start.slice(0, vocabularySize);
  for (let i = 0; i < n; i++) {
    for (let p = vecStart[i]!; p < vecStart[i + 1]!; p++) {
      const at = next[vecTerms[p]!]!++;
      items[at] = i;
      weights[at] = vecWeights[p]!;
    }
  }
  putStrongestFirst({ start, items, weights }, vocabularySize, postingsPerTerm);
  return { start, items, weights };
}

/**
 * Long lists: moves their `cut` strongest entries (ties: canonical order) to the front, keeping canonical order
 * within both parts. Order inside the front part does not matter for the sums: each candidate gets at most one
 * product per term, and terms are read in a fixed order.
 */
function putStrongestFirst(postings: Postings, vocabularySize: number, cut: number): void {
  const { start, items, weights } = postings;
  let longest = 0;
  for (let t = 0; t < vocabularySize; t++) longest = Math.max(longest, start[t + 1]! - start[t]!);
  // The back part of a list is gathered here, then copied after the front part.
  const backItems = new Int32Array(longest > cut ? longest - cut : 0);
  const backWeights = new Float64Array(backItems.length);
  for (let t = 0; t < vocabularySize; t++) {
    const from = start[t]!;
    const to = start[t + 1]!;
    if (to - from <= cut) continue;
    const { threshold, atThreshold } = topThreshold(weights, from, to, cut);
    let ties = atThreshold;
    // Front entries move down in place (never past the one being read), back entries to the scratch arrays.
    let front = from;
    let back = 0;
    for (let p = from; p < to; p++) {
      const weight = weights[p]!;
      if (weight > threshold || (weight === threshold && ties-- > 0)) {
        items[front] = items[p]!;
        weights[front++] = weight;
      } else {
        backItems[back] = items[p]!;
        backWeights[back++] = weight;
      }
    }
    items.set(backItems.subarray(0, back), front);
    weights.set(backWeights.subarray(0, back), front);
  }
}
