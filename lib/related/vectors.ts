/**
 * Item vectors: each item's `itemTerms` strongest terms, weight ln(1 + tf) × idf, scaled to unit length, in CSR
 * form (item i's terms are terms[start[i] .. start[i + 1]), ascending compact id). Text similarity is the dot
 * product of two vectors (a cosine).
 */
import type { Scratch } from "./scratch.ts";
import type { TermCountLists } from "./term-counts.ts";
import { topThreshold } from "./top-k.ts";
import { TypedList } from "./typed-list.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface Vectors {
  start: Int32Array;
  terms: Int32Array;
  weights: Float64Array;
}

/** Memory the term counts leave unused after the vectors, for the postings (see buildPostings). */
export interface LeftoverMemory {
  termBuffer: ArrayBufferLike;
  termBytesUsed: number;
  weightBuffer: ArrayBufferLike;
  weightBytesUsed: number;
}

/**
 * The vectors, written over the term counts, which are dead once read: fresh pages cost enough to fault in
 * that writing new arrays was a large part of the index time (see docs/performance.md). An item's vector is
 * a subset of its counted terms, so its terms (Int32, like the counted ids) are written in place, never past
 * counts still to be read. Weights are Float64 over the Float32 counts, twice the bytes, so they go in place
 * only while they stay behind the counts still to be read; otherwise into a fresh array.
 */
export function buildVectors(termCounts: Scratch<TermCountLists>, vocabulary: Vocabulary, n: number, itemTerms: number): { vectors: Vectors; leftover: LeftoverMemory } {
  const counts = termCounts.take("buildVectors");
  const countStart = counts.start;
  const countTerms = counts.terms;
  const countTf = counts.tf;
  const countEntries = countStart[n]!;
  const { idf, compactId } = vocabulary;

  const start = new Int32Array(n + 1);
  const terms = countTerms;
  let weights = new Float64Array(countTf.buffer, 0, countTf.buffer.byteLength >>> 3);
  let weightsInPlace = true;
  let length = 0;
  // An item's indexed terms and their weights, before the strongest are kept.
  const candidateTerms = new TypedList(Int32Array);
  const candidateWeights = new TypedList(Float64Array);
  for (let i = 0; i < n; i++) {
    start[i] = length;
    const from = countStart[i]!;
    const to = countStart[i + 1]!;
    const ids = candidateTerms.reserve(to - from);
    const strengths = candidateWeights.reserve(to - from);
    let candidates = 0;
    for (let p = from; p < to; p++) {
      const t = countTerms[p]!;
      const termIdf = idf[t]!;
      if (termIdf === 0) continue;
      ids[candidates] = compactId[t]!;
      strengths[candidates++] = Math.log1p(countTf[p]!) * termIdf;
    }
    const kept = Math.min(itemTerms, candidates);
    if (weightsInPlace && 2 * (length + kept) > to) {
      const fresh = new Float64Array(Math.min(n * itemTerms, countEntries));
      fresh.set(weights.subarray(0, length));
      weights = fresh;
      weightsInPlace = false;
    }
    const { threshold, atThreshold } = topThreshold(strengths, 0, candidates, itemTerms);
    let ties = atThreshold;
    let norm = 0;
    const first = length;
    for (let p = 0; p < candidates; p++) {
      const weight = strengths[p]!;
      if (weight > threshold || (weight === threshold && ties-- > 0)) {
        terms[length] = ids[p]!;
        weights[length++] = weight;
        norm += weight * weight;
      }
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let p = first; p < length; p++) weights[p]! /= norm;
  }
  start[n] = length;
  return {
    vectors: { start, terms: terms.subarray(0, length), weights: weights.subarray(0, length) },
    leftover: {
      termBuffer: countTerms.buffer,
      termBytesUsed: length * Int32Array.BYTES_PER_ELEMENT,
      weightBuffer: countTf.buffer,
      weightBytesUsed: weightsInPlace ? length * Float64Array.BYTES_PER_ELEMENT : 0,
    },
  };
}

/** The dot product of vectors a and b (merging the two ascending term lists). */
export function textSimilarity(vectors: Vectors, a: number, b: number): number {
  const { start, terms, weights } = vectors;
  let sum = 0;
  let i = start[a]!;
  let j = start[b]!;
  const i1 = start[a + 1]!;
  const j1 = start[b + 1]!;
  while (i < i1 && j < j1) {
    const ti = terms[i]!;
    const tj = terms[j]!;
    if (ti === tj) {
      sum += weights[i]! * weights[j]!;
      i++;
      j++;
    } else if (ti < tj) i++;
    else j++;
  }
  return sum;
}

/**
 * One item's vector spread over every term id, so its dot product with another item reads only the other's
 * terms (the query's similarities, MMR's redundancy). Zero outside `scatter` … `clear`.
 */
export class DenseVector {
  readonly values: Float64Array;
  item = -1;

  constructor(size: number) {
    this.values = new Float64Array(size);
  }

  scatter(vectors: Vectors, item: number): void {
    const { start, terms, weights } = vectors;
    const values = this.values;
    for (let p = start[item]!, end = start[item + 1]!; p < end; p++) values[terms[p]!] = weights[p]!;
    this.item = item;
  }

  clear(vectors: Vectors): void {
    if (this.item < 0) return;
    const { start, terms } = vectors;
    const values = this.values;
    for (let p = start[this.item]!, end = start[this.item + 1]!; p < end; p++) values[terms[p]!] = 0;
    this.item = -1;
  }

  /** Text similarity of the scattered item with item c: the same value as textSimilarity (same products, same order). */
  dot(vectors: Vectors, c: number): number {
    const { start, terms, weights } = vectors;
    const values = this.values;
    let sum = 0;
    for (let p = start[c]!, end = start[c + 1]!; p < end; p++) sum += values[terms[p]!]! * weights[p]!;
    return sum;
  }
}
