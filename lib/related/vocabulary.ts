/**
 * Which terms are indexed, and their weight: a term in only one item, or in more than maxDfFraction of the items
 * (but never while it is in MIN_DF_CAP items or fewer), says nothing about what is related, and is dropped.
 * Indexed terms get compact ids, ascending with the dictionary's so that sums keep their order; vectors, postings
 * and dense vectors are sized by the indexed vocabulary only.
 */
import type { TermCounts } from "./term-counts.ts";

/** A term is never dropped as too common while it is in this many items or fewer. */
export const MIN_DF_CAP = 10;

export interface Vocabulary {
  /** Distinct terms read (dictionary ids run from 0 to this). */
  termCount: number;
  /** Number of indexed terms (compact ids run from 0 to this). */
  size: number;
  /** By dictionary id: ln(1 + N/df) for an indexed term, 0 for a dropped one. */
  idf: Float64Array;
  /** By dictionary id: the compact id, or −1 for a dropped term. */
  compactId: Int32Array;
  /** By compact id: the dictionary id. */
  dictionaryId: Int32Array;
}

export function buildVocabulary(counts: TermCounts, n: number, maxDfFraction: number): Vocabulary {
  const termCount = counts.dict.size;
  const df = new Int32Array(termCount);
  const lists = counts.lists.lend("buildVocabulary");
  const entries = lists.start[n]!;
  const terms = lists.terms;
  for (let p = 0; p < entries; p++) df[terms[p]!]!++;
  counts.lists.release("buildVocabulary");
  const dfCap = Math.max(Math.floor(maxDfFraction * n), MIN_DF_CAP);
  const idf = new Float64Array(termCount);
  const compactId = new Int32Array(termCount).fill(-1);
  const dictionaryIds: number[] = [];
  for (let t = 0; t < termCount; t++) {
    const itemsWithTerm = df[t]!;
    if (itemsWithTerm >= 2 && itemsWithTerm <= dfCap) {
      idf[t] = Math.log(1 + n / itemsWithTerm);
      compactId[t] = dictionaryIds.length;
      dictionaryIds.push(t);
    }
  }
  return { termCount, size: dictionaryIds.length, idf, compactId, dictionaryId: Int32Array.from(dictionaryIds) };
}
