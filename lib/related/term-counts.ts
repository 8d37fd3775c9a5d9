/**
 * Pass 1 over the text: each item's distinct terms (ascending id) with their field-weighted counts,
 * tf = Σ fieldWeight × count, in CSR form: item i's terms are terms[start[i] .. start[i + 1]).
 * tf is kept as a 32-bit float (half the memory): exact for whole and half field weights, as the defaults are; a
 * weight such as 0.3 is rounded to 32 bits, and the plain reference ranking in the tests rounds it the same way.
 */
import { writeAscending } from "./ascending-ids.ts";
import type { FieldWeights } from "./options.ts";
import { createTermBuffer, createTermDictionary, type TermDictionary } from "./term-dictionary.ts";
import { Scratch } from "./scratch.ts";
import { TypedList } from "./typed-list.ts";
import type { ArticleSummary } from "./types.ts";

export interface TermCounts {
  dict: TermDictionary;
  /** The counts, lent to the steps that read them; buildVectors takes them to write over. */
  lists: Scratch<TermCountLists>;
}

export interface TermCountLists {
  /** n + 1 offsets; start[n] is the number of (item, term) entries. */
  start: Int32Array;
  /**
   * Term ids and counts. The whole arrays, longer than start[n]: the vectors and postings are later written
   * over their memory (see vectors.ts).
   */
  terms: Int32Array;
  tf: Float32Array;
}

const FIELDS = ["title", "description", "body"] as const;

/** `items` in canonical order, so term ids are assigned in a fixed order. */
export function countTerms(items: readonly ArticleSummary[], fieldWeights: FieldWeights): TermCounts {
  const n = items.length;
  const dict = createTermDictionary();
  const words = createTermBuffer();
  // Per term id, for the item being read: its count so far, and the last item that used it.
  const tfByTerm = new TypedList(Float64Array, 4096);
  const lastItem = new TypedList(Int32Array, 4096, -1);
  /** The item's distinct term ids, in order of first use. */
  const itemTerms = new TypedList(Int32Array, 1024);
  const start = new Int32Array(n + 1);
  // About twice the distinct terms of an item of the synthetic corpus: no growing for most archives, and pages
  // never written cost nothing.
  const terms = new TypedList(Int32Array, Math.max(1024, n * 384));
  const tf = new TypedList(Float32Array, terms.data.length);
  let size = 0;
  for (let i = 0; i < n; i++) {
    start[i] = size;
    const item = items[i]!;
    let count = 0;
    for (let f = 0; f < FIELDS.length; f++) {
      const field = FIELDS[f]!;
      const weight = fieldWeights[field];
      const text = item[field];
      if (weight === 0 || typeof text !== "string" || text === "") continue;
      words.length = 0;
      dict.collect(text, words);
      const counts = tfByTerm.reserve(dict.size);
      const last = lastItem.reserve(dict.size);
      const distinct = itemTerms.reserve(count + words.length);
      const ids = words.data;
      for (let p = 0, end = words.length; p < end; p++) {
        const id = ids[p]!;
        if (last[id] !== i) {
          last[id] = i;
          counts[id] = weight;
          distinct[count++] = id;
        } else counts[id] = counts[id]! + weight;
      }
    }
    const termData = terms.reserve(size + count);
    const tfData = tf.reserve(size + count);
    writeAscending(itemTerms.data, count, termData, size);
    const counts = tfByTerm.data;
    for (let p = size, end = size + count; p < end; p++) tfData[p] = counts[termData[p]!]!;
    size += count;
  }
  start[n] = size;
  return { dict, lists: new Scratch("term counts", { start, terms: terms.data, tf: tf.data }) };
}
