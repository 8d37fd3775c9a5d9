/**
 * The related-articles engine. Pure: plain data in, plain data out (no Eleventy, no file system).
 *
 * Build (once, `buildRelatedIndex`):
 * 1. Items are put in one canonical order (newest first, then slug), so nothing depends on input order.
 * 2. Text: title, standfirst and body are tokenised (Markdown stripped, English stop words dropped, Porter
 *    stems; lib/related/text.ts) into field-weighted counts tf = Σ fieldWeight × count. A term's weight is
 *    ln(1 + tf) × ln(1 + N/df); terms in one item only, or in more than maxDfFraction of the items (never
 *    below 10 items), are dropped. Each item keeps its `itemTerms` strongest terms, scaled to length 1.
 * 3. Inverted indexes: term → items (for a term in more than `postingsPerTerm` items, the items where it
 *    weighs most come first) and tag → items (newest first).
 *
 * Lookup (`get`, memoised; each item is computed at most once):
 * 4. Curated slugs first, in order. Then candidates: items in the postings of the item's `queryTerms`
 *    strongest terms (first `postingsPerTerm` of each list) or sharing a tag. Never the item itself, never an
 *    excluded slug.
 * 5. Signals, each 0–1, combined as a weighted mean (options.weights):
 *      tags     Σ over shared tags of rarity(t) / √(tags of a × tags of b), rarity = ln(1 + N/df) / ln(1 + N)
 *      text     cosine of the two term vectors
 *      authors  shared authors / √(authors of a × authors of b)
 *      type     1 when the types match
 *      recency  2^(−days apart / recencyHalfLifeDays), in whole days, either direction
 *    A first score (text from the query terms only) keeps the best `poolSize`; those are re-scored exactly.
 * 6. MMR re-ranking: the next item maximises λ·relevance − (1 − λ)·redundancy; redundancy is the text
 *    similarity to an item already listed above `duplicateSimilarity`, so near-copies do not fill the list
 *    while different items on the same subject stay.
 * 7. Fills keep the list at k whenever k other items exist: scored items below minScore are left out, then
 *    the newest items sharing the item's rarest tag (then its next rarest), then the newest items.
 *
 * Scores are symmetric (score(a, b) = score(b, a)) and every sum runs in a fixed order (ascending term and tag
 * ids, assigned in canonical order), so the same input gives bit-identical output. Ties: newer first, then slug.
 */
import { SLUG_PATTERN } from "../content/schema.ts";
import { tagSlug } from "../content/tags.ts";
import { createTermBuffer, createTermDictionary, type TermDictionary } from "./text.ts";
import { resolveRelatedOptions, type RelatedOptions, type RelatedOptionsInput } from "./options.ts";

export {
  DEFAULT_RELATED_OPTIONS,
  resolveRelatedOptions,
  type FieldWeights,
  type RelatedOptions,
  type RelatedOptionsInput,
  type RelatedWeights,
} from "./options.ts";

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

const DAY_MS = 86_400_000;
/** A term is never dropped as too common while it is in this many items or fewer. */
const MIN_DF_CAP = 10;
const MAX_WORDS_IN_REASON = 3;

/** Newest first, then slug: the canonical order, and the tie-break everywhere. */
function compareItems(a: ArticleSummary, b: ArticleSummary): number {
  return b.dateMs - a.dateMs || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

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

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

function cleanLabel(label: unknown, slug: string): string {
  if (typeof label !== "string") return slug;
  const clean = label.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  return clean || slug;
}

const NONE: readonly string[] = Object.freeze([]);
function strings(value: unknown): readonly string[] {
  return Array.isArray(value) && value.length > 0 ? value.filter((v): v is string => typeof v === "string") : NONE;
}

/** Sorted, de-duplicated ids. */
function sortedIds(ids: number[]): Int32Array {
  const out = Int32Array.from(new Set(ids));
  out.sort();
  return out;
}

/** Growable typed arrays for the compressed (CSR) per-item lists. */
class IntList {
  data: Int32Array;
  length = 0;
  /** Room for `capacity` values before growing (a copy, and fresh memory to fault in). */
  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(1, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

class FloatList {
  data: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Float64Array(Math.max(1, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
}

/** Dot product of two sparse vectors stored as ascending term ids with weights (CSR ranges). */
function sparseDot(terms: Int32Array, weights: Float64Array, a0: number, a1: number, b0: number, b1: number): number {
  let sum = 0;
  let i = a0;
  let j = b0;
  while (i < a1 && j < b1) {
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

let selectScratch = new Float64Array(1024);
/**
 * The k largest of `values[start..end)`: returns the threshold value and how many entries equal to it are
 * still to take (walking in index order), so selection is exact and deterministic (ties: lower index first).
 * Exported for its table test.
 */
export function topThreshold(values: Float64Array, start: number, end: number, k: number): { threshold: number; atThreshold: number } {
  const count = end - start;
  if (count <= k) return { threshold: -Infinity, atThreshold: count };
  if (selectScratch.length < count) selectScratch = new Float64Array(Math.max(count, selectScratch.length * 2));
  const a = selectScratch;
  a.set(values.subarray(start, end));
  // Quickselect (three-way partition, median-of-three pivot): the value that ascending order would put at
  // count − k, in linear time rather than a sort per item. Values here are finite weights.
  const target = count - k;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // a[lo..lt) < pivot, a[lt..i) = pivot, a(gt..hi] > pivot
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i] = a[lt]!;
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else break;
  }
  const threshold = a[target]!;
  // Entries above the threshold are all taken; the rest of the k are entries equal to it.
  let above = 0;
  for (let i = start; i < end; i++) if (values[i]! > threshold) above++;
  return { threshold, atThreshold: k - above };
}

/**
 * Pass 1 over the text: each item's distinct terms (ascending id) with their field-weighted counts, in CSR form
 * (item i's terms are rawTerms[rawStart[i] .. rawStart[i + 1]), rawStart[n] in all; the arrays are longer).
 */
function countTerms(
  items: readonly ArticleSummary[],
  fieldWeights: { title: number; description: number; body: number },
): { dict: TermDictionary; rawStart: Int32Array; rawTerms: Int32Array; rawTf: Float32Array } {
  const n = items.length;
  const dict = createTermDictionary();
  const buffer = createTermBuffer();
  let tf = new Float64Array(4096);
  let lastSeen = new Int32Array(4096).fill(-1);
  let touched = new Int32Array(1024);
  let bits = new Int32Array(128);
  const rawStart = new Int32Array(n + 1);
  // About twice the distinct terms of an item of the synthetic corpus (199): no growing (a copy, and fresh pages to
  // fault in) for most archives, and pages never written cost nothing.
  let rawTerms = new Int32Array(Math.max(1024, n * 384));
  let rawTf = new Float32Array(rawTerms.length);
  let size = 0;
  const fields = ["title", "description", "body"] as const;
  for (let i = 0; i < n; i++) {
    rawStart[i] = size;
    const item = items[i]!;
    let count = 0;
    for (let f = 0; f < 3; f++) {
      const field = fields[f]!;
      const weight = fieldWeights[field];
      const text = item[field];
      if (weight === 0 || typeof text !== "string" || text === "") continue;
      buffer.length = 0;
      dict.collect(text, buffer);
      if (dict.size > tf.length) {
        const grown = Math.max(dict.size, tf.length * 2);
        const biggerTf = new Float64Array(grown);
        biggerTf.set(tf);
        tf = biggerTf;
        const biggerSeen = new Int32Array(grown).fill(-1);
        biggerSeen.set(lastSeen);
        lastSeen = biggerSeen;
      }
      if (touched.length < count + buffer.length) {
        const bigger = new Int32Array(Math.max(touched.length * 2, count + buffer.length));
        bigger.set(touched);
        touched = bigger;
      }
      const ids = buffer.ids;
      for (let p = 0, end = buffer.length; p < end; p++) {
        const id = ids[p]!;
        if (lastSeen[id] !== i) {
          lastSeen[id] = i;
          tf[id] = weight;
          touched[count++] = id;
        } else tf[id] = tf[id]! + weight;
      }
    }
    if (rawTerms.length < size + count) {
      const grown = Math.max(rawTerms.length * 2, size + count);
      const biggerTerms = new Int32Array(grown);
      biggerTerms.set(rawTerms);
      rawTerms = biggerTerms;
      const biggerTf = new Float32Array(grown);
      biggerTf.set(rawTf);
      rawTf = biggerTf;
    }
    // The item's terms in ascending id order. When the ids span few 32-bit words of a bitmap (a vocabulary of
    // thousands of terms), setting their bits and reading the words back is cheaper than sorting them.
    let low = Infinity;
    let high = -1;
    for (let p = 0; p < count; p++) {
      const id = touched[p]!;
      if (id < low) low = id;
      if (id > high) high = id;
    }
    const firstWord = low >>> 5;
    const lastWord = high >>> 5;
    if (count > 0 && lastWord - firstWord < count * 4) {
      if (bits.length <= lastWord) bits = new Int32Array(Math.max(lastWord + 1, bits.length * 2));
      for (let p = 0; p < count; p++) {
        const id = touched[p]!;
        bits[id >>> 5] = bits[id >>> 5]! | (1 << (id & 31));
      }
      for (let word = firstWord; word <= lastWord; word++) {
        let b = bits[word]!;
        if (b === 0) continue;
        bits[word] = 0;
        while (b !== 0) {
          const lowest = b & -b;
          const id = (word << 5) | (31 - Math.clz32(lowest));
          b ^= lowest;
          rawTerms[size] = id;
          rawTf[size++] = tf[id]!;
        }
      }
    } else {
      const terms = touched.subarray(0, count).sort();
      for (let p = 0; p < count; p++) {
        const id = terms[p]!;
        rawTerms[size] = id;
        rawTf[size++] = tf[id]!;
      }
    }
  }
  rawStart[n] = size;
  // Whole arrays, not just the used part: the index reuses their memory (see buildRelatedIndex).
  return { dict, rawStart, rawTerms, rawTf };
}

export function buildRelatedIndex(input: readonly ArticleSummary[], options?: RelatedOptionsInput): RelatedIndex {
  const opts = resolveRelatedOptions(options);
  checkItems(input);
  const items = [...input].sort(compareItems);
  const n = items.length;
  const indexOf = new Map<string, number>();
  items.forEach((item, i) => indexOf.set(item.slug, i));

  // -- Tags, authors, types ------------------------------------------------------------------------------
  const tagIds = new Map<string, number>();
  const tagLabels: string[] = [];
  const tagSlugs: string[] = [];
  const itemTagStart = new Int32Array(n + 1);
  const itemTagList = new IntList();
  const authorIds = new Map<string, number>();
  const itemAuthorStart = new Int32Array(n + 1);
  const itemAuthorList = new IntList();
  const typeIds = new Map<string, number>();
  const itemType = new Int32Array(n);
  const itemTypeName: string[] = [];

  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    const rawTags: readonly unknown[] = Array.isArray(item.tagSlugs) ? item.tagSlugs : NONE;
    const labels: readonly unknown[] = Array.isArray(item.tagLabels) ? item.tagLabels : NONE;
    const ids: number[] = [];
    rawTags.forEach((raw, j) => {
      if (typeof raw !== "string") return;
      const slug = SLUG_PATTERN.test(raw) ? raw : tagSlug(raw);
      if (!slug) return;
      let id = tagIds.get(slug);
      if (id === undefined) {
        id = tagSlugs.length;
        tagIds.set(slug, id);
        tagSlugs.push(slug);
        tagLabels.push(cleanLabel(labels[j], slug));
      }
      ids.push(id);
    });
    itemTagStart[i] = itemTagList.length;
    for (const id of sortedIds(ids)) itemTagList.push(id);

    const authors: number[] = [];
    for (const raw of strings(item.authorIds)) {
      const a = raw.trim();
      if (!a) continue;
      let id = authorIds.get(a);
      if (id === undefined) {
        id = authorIds.size;
        authorIds.set(a, id);
      }
      authors.push(id);
    }
    itemAuthorStart[i] = itemAuthorList.length;
    for (const id of sortedIds(authors)) itemAuthorList.push(id);

    const type = typeof item.type === "string" ? item.type.trim() : "";
    itemTypeName.push(type);
    if (type) {
      let id = typeIds.get(type);
      if (id === undefined) {
        id = typeIds.size;
        typeIds.set(type, id);
      }
      itemType[i] = id;
    } else itemType[i] = -1;
  }
  itemTagStart[n] = itemTagList.length;
  const itemTags = itemTagList.data.subarray(0, itemTagList.length);
  itemAuthorStart[n] = itemAuthorList.length;
  const itemAuthors = itemAuthorList.data.subarray(0, itemAuthorList.length);

  const tagCount = tagSlugs.length;
  const tagDf = new Int32Array(tagCount);
  for (const t of itemTags) tagDf[t]!++;
  // Rarity of a tag, 0–1: ln(1 + N/df) / ln(1 + N), so a tag on one item is worth 1.
  const tagWeight = new Float64Array(tagCount);
  const maxIdf = Math.log(1 + n);
  for (let t = 0; t < tagCount; t++) tagWeight[t] = Math.log(1 + n / tagDf[t]!) / maxIdf;
  const tagPostStart = new Int32Array(tagCount + 1);
  for (let t = 0; t < tagCount; t++) tagPostStart[t + 1] = tagPostStart[t]! + tagDf[t]!;
  const tagPostings = new Int32Array(itemTags.length);
  {
    const fill = tagPostStart.slice(0, tagCount);
    for (let i = 0; i < n; i++) {
      for (let p = itemTagStart[i]!; p < itemTagStart[i + 1]!; p++) tagPostings[fill[itemTags[p]!]!++] = i;
    }
  }

  // -- Text: field-weighted term counts per item -------------------------------------------------------------
  const useText = opts.weights.text > 0 || opts.diversity < 1;
  const { dict, rawStart, rawTerms, rawTf } = countTerms(items, useText ? opts.fieldWeights : { title: 0, description: 0, body: 0 });

  const termCount = dict.size;
  const df = new Int32Array(termCount);
  const rawLength = rawStart[n]!;
  for (let p = 0; p < rawLength; p++) df[rawTerms[p]!]!++;
  const dfCap = Math.max(Math.floor(opts.maxDfFraction * n), MIN_DF_CAP);
  // Indexed terms get compact ids (ascending with the dictionary's, so sums keep their order): vectors,
  // postings and the dense scratch vectors are sized by the indexed vocabulary only.
  const idf = new Float64Array(termCount);
  const compactId = new Int32Array(termCount).fill(-1);
  const termOfList: number[] = [];
  for (let t = 0; t < termCount; t++) {
    const d = df[t]!;
    if (d >= 2 && d <= dfCap) {
      idf[t] = Math.log(1 + n / d);
      compactId[t] = termOfList.length;
      termOfList.push(t);
    }
  }
  const termOf = Int32Array.from(termOfList);
  const vocab = termOf.length;

  // Item vectors: the itemTerms strongest terms, ascending term id, unit length.
  //
  // Memory: fresh pages cost about 13 µs each to fault in on a VM like ours, which made writing these arrays a
  // third of the index time. So the vectors and postings are written over the raw lists, which are dead once
  // read: an item's vector is a subset of its raw terms, so its terms (Int32, like the raw ids) can be written
  // in place, never past raw entries still to be read. Weights are Float64 over the Float32 counts, twice the
  // bytes, so they go in place only while they stay behind the counts still to be read; otherwise into a
  // fresh array.
  const vecStart = new Int32Array(n + 1);
  const vecTermsAll = rawTerms;
  let vecWeightsAll = new Float64Array(rawTf.buffer, 0, rawTf.buffer.byteLength >>> 3);
  let vecLength = 0;
  {
    const scratchTerms = new IntList();
    const scratchWeights = new FloatList();
    for (let i = 0; i < n; i++) {
      vecStart[i] = vecLength;
      scratchTerms.length = 0;
      scratchWeights.length = 0;
      for (let p = rawStart[i]!; p < rawStart[i + 1]!; p++) {
        const t = rawTerms[p]!;
        const w = idf[t]!;
        if (w === 0) continue;
        scratchTerms.push(compactId[t]!);
        scratchWeights.push(Math.log1p(rawTf[p]!) * w);
      }
      const kept = Math.min(opts.itemTerms, scratchTerms.length);
      if (vecWeightsAll.buffer === rawTf.buffer && 2 * (vecLength + kept) > rawStart[i + 1]!) {
        const fresh = new Float64Array(Math.min(n * opts.itemTerms, rawLength));
        fresh.set(vecWeightsAll.subarray(0, vecLength));
        vecWeightsAll = fresh;
      }
      const { threshold, atThreshold } = topThreshold(scratchWeights.data, 0, scratchWeights.length, opts.itemTerms);
      let ties = atThreshold;
      let norm = 0;
      const from = vecLength;
      for (let p = 0; p < scratchTerms.length; p++) {
        const w = scratchWeights.data[p]!;
        if (w > threshold || (w === threshold && ties-- > 0)) {
          vecTermsAll[vecLength] = scratchTerms.data[p]!;
          vecWeightsAll[vecLength++] = w;
          norm += w * w;
        }
      }
      norm = Math.sqrt(norm);
      if (norm > 0) for (let p = from; p < vecLength; p++) vecWeightsAll[p]! /= norm;
    }
    vecStart[n] = vecLength;
  }
  const vecTerms = vecTermsAll.subarray(0, vecLength);
  const vecWeights = vecWeightsAll.subarray(0, vecLength);

  // Postings: term → (item, weight). For a very common term, the `postingsPerTerm` items where it weighs most
  // come first, and a query reads only those.
  const postStart = new Int32Array(vocab + 1);
  for (const t of vecTerms) postStart[t + 1]!++;
  for (let t = 0; t < vocab; t++) postStart[t + 1]! += postStart[t]!;
  // Over the rest of the raw lists too, when they are long enough (they nearly always are: an item keeps at
  // most itemTerms of its terms).
  const postItem = 2 * vecLength <= rawTerms.length ? new Int32Array(rawTerms.buffer, vecLength * 4, vecLength) : new Int32Array(vecLength);
  const weightsFrom = vecWeightsAll.buffer === rawTf.buffer ? vecLength * 8 : 0;
  const postWeight = weightsFrom + vecLength * 8 <= rawTf.buffer.byteLength ? new Float64Array(rawTf.buffer, weightsFrom, vecLength) : new Float64Array(vecLength);
  {
    const fill = postStart.slice(0, vocab);
    for (let i = 0; i < n; i++) {
      for (let p = vecStart[i]!; p < vecStart[i + 1]!; p++) {
        const at = fill[vecTerms[p]!]!++;
        postItem[at] = i;
        postWeight[at] = vecWeights[p]!;
      }
    }
    // Long lists: move their postingsPerTerm strongest entries (ties: canonical order) to the front, keeping
    // canonical order within both parts. Order inside the front part does not matter for the sums: each
    // candidate gets at most one product per term, and terms are read in a fixed order.
    const cut = opts.postingsPerTerm;
    let longest = 0;
    for (let t = 0; t < vocab; t++) longest = Math.max(longest, postStart[t + 1]! - postStart[t]!);
    // The back part of a list is gathered here, then copied after the front part.
    const backItems = new Int32Array(longest > cut ? longest - cut : 0);
    const backWeights = new Float64Array(backItems.length);
    for (let t = 0; t < vocab; t++) {
      const start = postStart[t]!;
      const end = postStart[t + 1]!;
      if (end - start <= cut) continue;
      const { threshold, atThreshold } = topThreshold(postWeight, start, end, cut);
      let ties = atThreshold;
      // Front entries move down in place (never past the one being read), back entries to the scratch arrays.
      let front = start;
      let back = 0;
      for (let p = start; p < end; p++) {
        const weight = postWeight[p]!;
        if (weight > threshold || (weight === threshold && ties-- > 0)) {
          postItem[front] = postItem[p]!;
          postWeight[front++] = weight;
        } else {
          backItems[back] = postItem[p]!;
          backWeights[back++] = weight;
        }
      }
      postItem.set(backItems.subarray(0, back), front);
      postWeight.set(backWeights.subarray(0, back), front);
    }
  }

  // -- Scoring ------------------------------------------------------------------------------------------------
  const w = opts.weights;
  const weightSum = w.tags + w.text + w.authors + w.type + w.recency;
  const dateMs = Float64Array.from(items, (item) => item.dateMs);

  function tagCountOf(i: number): number {
    return itemTagStart[i + 1]! - itemTagStart[i]!;
  }

  // Author sets: items with the same authors get the same id (a real archive has far fewer sets than items).
  const authorSet = new Int32Array(n);
  let authorSetCount = 0;
  {
    const ids = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = itemAuthors.subarray(itemAuthorStart[i]!, itemAuthorStart[i + 1]!).join(",");
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = authorSetCount++));
      authorSet[i] = id;
    }
  }

  function authorSimilarity(a: number, b: number): number {
    const a0 = itemAuthorStart[a]!;
    const a1 = itemAuthorStart[a + 1]!;
    const b0 = itemAuthorStart[b]!;
    const b1 = itemAuthorStart[b + 1]!;
    if (a0 === a1 || b0 === b1) return 0;
    let shared = 0;
    for (let i = a0; i < a1; i++) {
      const id = itemAuthors[i]!;
      for (let j = b0; j < b1; j++) if (itemAuthors[j] === id) shared++;
    }
    return shared === 0 ? 0 : shared / Math.sqrt((a1 - a0) * (b1 - b0));
  }

  // Closeness in time, by whole days: 2^(−days / half-life), looked up rather than computed per pair (unless
  // the dates span more than a few centuries, which no archive does).
  let span = 0;
  for (let i = 0; i < n; i++) span = Math.max(span, Math.abs(dateMs[i]! - dateMs[0]!));
  const decay = (days: number) => Math.exp((-Math.LN2 * days) / opts.recencyHalfLifeDays);
  const tableDays = Math.round((2 * span) / DAY_MS) + 2;
  const recencyByDay = tableDays <= 200_000 ? Float64Array.from({ length: tableDays }, (_, days) => decay(days)) : undefined;
  const dayOf = Float64Array.from(dateMs, (ms) => ms / DAY_MS);
  /**
   * Whole days apart, Math.round(|Δ ms| / DAY_MS), from the dates in days: no division per pair. The difference
   * of the two quotients is off the exact one by far less than 1e−6 of a day, so it rounds the same way unless it
   * is that close to a half day, where the exact expression is used.
   */
  function daysApart(a: number, b: number): number {
    const y = Math.abs(dayOf[a]! - dayOf[b]!) + 0.5;
    const days = Math.floor(y);
    return y - days < 1e-6 || y - days > 1 - 1e-6 ? Math.round(Math.abs(dateMs[a]! - dateMs[b]!) / DAY_MS) : days;
  }
  function recency(a: number, b: number): number {
    const days = daysApart(a, b);
    return recencyByDay ? recencyByDay[days]! : decay(days);
  }

  const wTags = w.tags;
  const wText = w.text;
  const wAuthors = w.authors;
  const wType = w.type;
  const wRecency = w.recency;
  /** The weighted mean of the five signals: the one formula every score goes through, so the same pair always gets the same value. */
  function weightedMean(tags: number, text: number, authors: number, sameType: number, close: number): number {
    return (wTags * tags + wText * text + wAuthors * authors + wType * sameType + wRecency * close) / weightSum;
  }
  function sameTypeOf(a: number, b: number): number {
    return itemType[a]! >= 0 && itemType[a] === itemType[b] ? 1 : 0;
  }
  /** A sum of shared tags' rarities, normalised by the two items' tag counts. */
  function normaliseTags(sum: number, countA: number, countB: number): number {
    return sum === 0 ? 0 : sum / Math.sqrt(countA * countB);
  }
  function combine(tags: number, text: number, a: number, b: number): number {
    return weightedMean(tags, text, authorSimilarity(a, b), sameTypeOf(a, b), recency(a, b));
  }

  function textSimilarity(a: number, b: number): number {
    return sparseDot(vecTerms, vecWeights, vecStart[a]!, vecStart[a + 1]!, vecStart[b]!, vecStart[b + 1]!);
  }

  function sharedTagIds(a: number, b: number): number[] {
    const shared: number[] = [];
    let i = itemTagStart[a]!;
    let j = itemTagStart[b]!;
    while (i < itemTagStart[a + 1]! && j < itemTagStart[b + 1]!) {
      const ti = itemTags[i]!;
      const tj = itemTags[j]!;
      if (ti === tj) {
        shared.push(ti);
        i++;
        j++;
      } else if (ti < tj) i++;
      else j++;
    }
    return shared;
  }

  function tagSimilarity(a: number, b: number): number {
    let sum = 0;
    for (const t of sharedTagIds(a, b)) sum += tagWeight[t]!;
    return normaliseTags(sum, tagCountOf(a), tagCountOf(b));
  }

  /** The exact score of a pair. */
  function pairScore(a: number, b: number): number {
    return combine(tagSimilarity(a, b), textSimilarity(a, b), a, b);
  }

  /** Tags by rarity: fewest items first, then slug. */
  const tagRarityRank = new Int32Array(tagCount);
  Array.from({ length: tagCount }, (_, t) => t)
    .sort((x, y) => tagDf[x]! - tagDf[y]! || (tagSlugs[x]! < tagSlugs[y]! ? -1 : tagSlugs[x]! > tagSlugs[y]! ? 1 : 0))
    .forEach((t, rank) => (tagRarityRank[t] = rank));
  function byRarity(tags: number[]): number[] {
    return tags.sort((x, y) => tagRarityRank[x]! - tagRarityRank[y]!);
  }

  /** The word shown for an indexed term (compact id), looked up once. */
  const surfaceByTerm: Array<string | undefined> = new Array(vocab);
  function termSurface(t: number): string {
    return (surfaceByTerm[t] ??= dict.surfaceOf(termOf[t]!));
  }

  /** "same type: news", made once per type. */
  const typeReasons: string[] = [];
  const topTerms = new Int32Array(MAX_WORDS_IN_REASON);
  const topWeights = new Float64Array(MAX_WORDS_IN_REASON);

  /** Appends the reasons a and b are related to `reasons`. */
  function reasonsFor(a: number, b: number, reasons: string[]): string[] {
    if (w.tags > 0) {
      const shared = sharedTagIds(a, b);
      if (shared.length === 1) reasons.push(`shared tag: ${tagLabels[shared[0]!]}`);
      else if (shared.length > 1) reasons.push(`shared tags: ${byRarity(shared).map((t) => tagLabels[t]).join(", ")}`);
    }
    if (w.text > 0) {
      // The shared terms that add most to the similarity (ties: alphabetically), kept best first in a short list
      // of term ids; words are looked up only to break a tie and for the three kept.
      let kept = 0;
      let i = vecStart[a]!;
      let j = vecStart[b]!;
      const i1 = vecStart[a + 1]!;
      const j1 = vecStart[b + 1]!;
      while (i < i1 && j < j1) {
        const ti = vecTerms[i]!;
        const tj = vecTerms[j]!;
        if (ti === tj) {
          const weight = vecWeights[i]! * vecWeights[j]!;
          i++;
          j++;
          if (kept === MAX_WORDS_IN_REASON && weight < topWeights[MAX_WORDS_IN_REASON - 1]!) continue;
          let at = kept;
          while (at > 0 && (weight > topWeights[at - 1]! || (weight === topWeights[at - 1] && termSurface(ti) < termSurface(topTerms[at - 1]!)))) at--;
          if (at < MAX_WORDS_IN_REASON) {
            if (kept < MAX_WORDS_IN_REASON) kept++;
            for (let x = kept - 1; x > at; x--) {
              topTerms[x] = topTerms[x - 1]!;
              topWeights[x] = topWeights[x - 1]!;
            }
            topTerms[at] = ti;
            topWeights[at] = weight;
          }
        } else if (ti < tj) i++;
        else j++;
      }
      if (kept > 0) {
        let words = termSurface(topTerms[0]!);
        for (let x = 1; x < kept; x++) words += `, ${termSurface(topTerms[x]!)}`;
        reasons.push(`similar words: ${words}`);
      }
    }
    if (w.authors > 0 && authorSimilarity(a, b) > 0) reasons.push("same author");
    if (w.type > 0 && sameTypeOf(a, b) === 1) reasons.push((typeReasons[itemType[a]!] ??= `same type: ${itemTypeName[a]}`));
    if (w.recency > 0) {
      const days = Math.abs(dateMs[a]! - dateMs[b]!) / DAY_MS;
      if (days <= 1) reasons.push("published within a day");
      else if (days <= 7) reasons.push("published within 7 days");
      else if (days <= 30) reasons.push("published within 30 days");
      else if (days <= 365) reasons.push("published within a year");
    }
    return reasons;
  }

  // Scratch space for get(), reused between calls (get is synchronous). Markers hold the index of the item
  // being computed, so they never need clearing: each item is computed once (memoised).
  const seen = new Int32Array(n).fill(-1);
  const accText = new Float64Array(n);
  const accTag = new Float64Array(n);
  const candidates = new Int32Array(n);
  const blocked = new Int32Array(n).fill(-1);
  const authorSetStamp = new Int32Array(authorSetCount).fill(-1);
  const authorSetSimilarity = new Float64Array(authorSetCount);
  const poolSize = Math.max(opts.poolSize, opts.k);
  /** The first-score heap (see computeScattered). */
  const heapScore = new Float64Array(poolSize);
  const heapItem = new Int32Array(poolSize);
  // The pool, best first, as parallel typed arrays (no object per candidate: a 10,000-item build would make 600,000).
  const poolItem = new Int32Array(poolSize);
  const poolScore = new Float64Array(poolSize);
  const poolRedundancy = new Float64Array(poolSize);
  const poolChecked = new Int32Array(poolSize);
  const queryVector = new Float64Array(vocab);
  /** Dense copies of the items listed so far for the item being computed, for MMR similarities. */
  const listedVectors: Float64Array[] = [];
  const listedItems: number[] = [];
  const memo = new Map<number, RelatedEntry[]>();

  /** Text similarity of the item being computed (scattered into `queryVector`) with item c: same value as textSimilarity. */
  function queryDot(c: number): number {
    let sum = 0;
    for (let p = vecStart[c]!, end = vecStart[c + 1]!; p < end; p++) {
      sum += queryVector[vecTerms[p]!]! * vecWeights[p]!;
    }
    return sum;
  }

  /** Item d's list: the chosen items, or (with details) the full entries with scores and reasons. */
  function compute(d: number, details: true): RelatedEntry[];
  function compute(d: number, details: false): number[];
  function compute(d: number, details: boolean): RelatedEntry[] | number[] {
    const k = Math.min(opts.k, n - 1);
    if (k <= 0) return [];
    for (let p = vecStart[d]!; p < vecStart[d + 1]!; p++) queryVector[vecTerms[p]!] = vecWeights[p]!;
    try {
      const { chosen, sources, given } = computeScattered(d, k);
      if (!details) return chosen;
      // Scored while the item's vector is still scattered in queryVector (queryDot).
      return chosen.map((c, x) => {
        const score = combine(tagSimilarity(d, c), queryDot(c), d, c);
        return { slug: items[c]!.slug, score: Math.round(score * 10000) / 10000, reasons: reasonsFor(d, c, given[x]!), source: sources[x]! };
      });
    } finally {
      for (let p = vecStart[d]!; p < vecStart[d + 1]!; p++) queryVector[vecTerms[p]!] = 0;
      listedItems.forEach((c, j) => {
        const dense = listedVectors[j]!;
        for (let p = vecStart[c]!; p < vecStart[c + 1]!; p++) dense[vecTerms[p]!] = 0;
      });
      listedItems.length = 0;
    }
  }

  function computeScattered(d: number, k: number): { chosen: number[]; sources: RelatedSource[]; given: string[][] } {
    const item = items[d]!;
    // Blocked: the item itself, its exclusions, and (once placed) everything already listed.
    blocked[d] = d;
    for (const slug of strings(item.relatedExclude)) {
      const x = indexOf.get(slug);
      if (x !== undefined) blocked[x] = d;
    }
    const chosen: number[] = [];
    const sources: RelatedSource[] = [];
    /** Reasons that come from how an item was chosen (curated, fills), before its signals' reasons. */
    const given: string[][] = [];
    const diversify = opts.diversity < 1;
    const place = (c: number, source: RelatedSource, first: string[]): void => {
      blocked[c] = d;
      chosen.push(c);
      sources.push(source);
      given.push(first);
      if (diversify && chosen.length < k) {
        // A dense copy for the similarity of later candidates to this item (see MMR below).
        const j = listedItems.length;
        const dense = (listedVectors[j] ??= new Float64Array(vocab));
        for (let p = vecStart[c]!; p < vecStart[c + 1]!; p++) dense[vecTerms[p]!] = vecWeights[p]!;
        listedItems.push(c);
      }
    };

    // 1. Curated, in the editor's order.
    for (const slug of strings(item.related)) {
      if (chosen.length >= k) break;
      const c = indexOf.get(slug);
      if (c !== undefined && blocked[c] !== d) place(c, "curated", ["chosen by the editor"]);
    }

    // 2. Scored: candidates share a tag or one of the item's strongest terms.
    if (chosen.length < k && (w.text > 0 || w.tags > 0)) {
      let count = 0;
      const stamp = d;
      if (w.text > 0) {
        const v0 = vecStart[d]!;
        const v1 = vecStart[d + 1]!;
        const { threshold, atThreshold } = topThreshold(vecWeights, v0, v1, opts.queryTerms);
        let ties = atThreshold;
        for (let p = v0; p < v1; p++) {
          const wq = vecWeights[p]!;
          if (!(wq > threshold || (wq === threshold && ties-- > 0))) continue;
          const t = vecTerms[p]!;
          for (let q = postStart[t]!, end = Math.min(postStart[t + 1]!, q + opts.postingsPerTerm); q < end; q++) {
            const c = postItem[q]!;
            if (seen[c] !== stamp) {
              seen[c] = stamp;
              accText[c] = 0;
              accTag[c] = 0;
              candidates[count++] = c;
            }
            accText[c] = accText[c]! + wq * postWeight[q]!;
          }
        }
      }
      if (w.tags > 0) {
        for (let p = itemTagStart[d]!; p < itemTagStart[d + 1]!; p++) {
          const t = itemTags[p]!;
          const tw = tagWeight[t]!;
          for (let q = tagPostStart[t]!, end = tagPostStart[t + 1]!; q < end; q++) {
            const c = tagPostings[q]!;
            if (seen[c] !== stamp) {
              seen[c] = stamp;
              accText[c] = 0;
              accTag[c] = 0;
              candidates[count++] = c;
            }
            accTag[c] = accTag[c]! + tw;
          }
        }
      }

      // Keep the best poolSize by a first score (text from the query terms only; ties: canonical order), in a
      // bounded min-heap whose root is the worst kept: most candidates are turned away by one comparison with
      // it (a selection over all candidates cost more, in mispredicted branches). The score is combine() with the
      // author signal looked up by author set: worked out per pair, it was a tenth of the lookup time.
      const ownTags = tagCountOf(d);
      let size = 0;
      for (let x = 0; x < count; x++) {
        const c = candidates[x]!;
        if (blocked[c] === d) continue;
        // The item's similarity to each author set is worked out on first use (authorSimilarity: the same value).
        const set = authorSet[c]!;
        if (authorSetStamp[set] !== d) {
          authorSetStamp[set] = d;
          authorSetSimilarity[set] = authorSimilarity(d, c);
        }
        const score = weightedMean(normaliseTags(accTag[c]!, ownTags, tagCountOf(c)), accText[c]!, authorSetSimilarity[set]!, sameTypeOf(d, c), recency(d, c));
        if (size < poolSize) {
          // Sift up.
          let at = size++;
          while (at > 0) {
            const parent = (at - 1) >> 1;
            const ps = heapScore[parent]!;
            if (!(score < ps || (score === ps && c > heapItem[parent]!))) break;
            heapScore[at] = ps;
            heapItem[at] = heapItem[parent]!;
            at = parent;
          }
          heapScore[at] = score;
          heapItem[at] = c;
        } else if (score > heapScore[0]! || (score === heapScore[0] && c < heapItem[0]!)) {
          // Replace the root and sift down.
          let at = 0;
          for (;;) {
            let child = 2 * at + 1;
            if (child >= size) break;
            const right = child + 1;
            if (right < size && (heapScore[right]! < heapScore[child]! || (heapScore[right] === heapScore[child] && heapItem[right]! > heapItem[child]!))) child = right;
            const cs = heapScore[child]!;
            if (!(cs < score || (cs === score && heapItem[child]! > c))) break;
            heapScore[at] = cs;
            heapItem[at] = heapItem[child]!;
            at = child;
          }
          heapScore[at] = score;
          heapItem[at] = c;
        }
      }

      // Exact scores for the pool, best first (ties: newer, then slug = canonical order). The tag sums are
      // already complete (tag postings are read in full); the text is re-scored against all terms.
      let poolLength = 0;
      for (let x = 0; x < size; x++) {
        const c = heapItem[x]!;
        // As the first score (every pool item was scored there, so its author set is worked out), with exact text.
        const score = weightedMean(normaliseTags(accTag[c]!, ownTags, tagCountOf(c)), queryDot(c), authorSetSimilarity[authorSet[c]!]!, sameTypeOf(d, c), recency(d, c));
        if (!(score >= opts.minScore && score > 0)) continue;
        // Insertion into the sorted pool (at most poolSize entries).
        let at = poolLength++;
        while (at > 0 && (poolScore[at - 1]! < score || (poolScore[at - 1] === score && poolItem[at - 1]! > c))) {
          poolItem[at] = poolItem[at - 1]!;
          poolScore[at] = poolScore[at - 1]!;
          at--;
        }
        poolItem[at] = c;
        poolScore[at] = score;
      }
      poolRedundancy.fill(0, 0, poolLength);
      poolChecked.fill(0, 0, poolLength);

      // 3. MMR: each next item maximises λ·relevance − (1 − λ)·redundancy, where relevance is the score relative
      // to the best candidate's and redundancy the greatest text similarity to an item already listed, counted
      // only above duplicateSimilarity (τ) and rescaled to 0–1: (sim − τ) / (1 − τ). Items on the same subject
      // stay; near-copies of a listed item drop down. Lazy: similarities are computed only for candidates that
      // could still win, and only against items listed since the candidate was last looked at.
      const lambda = opts.diversity;
      const tau = opts.duplicateSimilarity;
      const top = poolLength > 0 ? poolScore[0]! : 1;
      while (chosen.length < k && poolLength > 0) {
        let best = -1;
        let bestValue = -Infinity;
        for (let x = 0; x < poolLength; x++) {
          const relevance = poolScore[x]! / top;
          // The pool is sorted by relevance and redundancy only lowers a value: nothing further down can win.
          if (best >= 0 && lambda * relevance <= bestValue) break;
          if (diversify) {
            const c = poolItem[x]!;
            let redundancy = poolRedundancy[x]!;
            for (let checked = poolChecked[x]!; checked < listedItems.length; checked++) {
              // Same value as textSimilarity(c, listed item): same products, same order.
              const dense = listedVectors[checked]!;
              let sim = 0;
              for (let p = vecStart[c]!, end = vecStart[c + 1]!; p < end; p++) sim += dense[vecTerms[p]!]! * vecWeights[p]!;
              const r = sim <= tau ? 0 : (sim - tau) / (1 - tau);
              if (r > redundancy) redundancy = r;
            }
            poolRedundancy[x] = redundancy;
            poolChecked[x] = listedItems.length;
          }
          const value = lambda * relevance - (1 - lambda) * poolRedundancy[x]!;
          if (value > bestValue) {
            bestValue = value;
            best = x;
          }
        }
        const picked = poolItem[best]!;
        poolItem.copyWithin(best, best + 1, poolLength);
        poolScore.copyWithin(best, best + 1, poolLength);
        poolRedundancy.copyWithin(best, best + 1, poolLength);
        poolChecked.copyWithin(best, best + 1, poolLength);
        poolLength--;
        place(picked, "scored", []);
      }
    }

    // 4. Fill: newest items sharing the item's rarest tag (then its next rarest), then the newest items.
    if (chosen.length < k) {
      const tags = byRarity(Array.from(itemTags.subarray(itemTagStart[d]!, itemTagStart[d + 1]!)));
      for (const t of tags) {
        for (let q = tagPostStart[t]!; q < tagPostStart[t + 1]! && chosen.length < k; q++) {
          const c = tagPostings[q]!;
          if (blocked[c] !== d) place(c, "fill-tag", [`newest sharing tag ${tagLabels[t]}`]);
        }
      }
      for (let c = 0; c < n && chosen.length < k; c++) {
        if (blocked[c] !== d) place(c, "fill-newest", ["newest item"]);
      }
    }
    return { chosen, sources, given };
  }

  return {
    get(slug: string): RelatedEntry[] {
      const d = indexOf.get(slug);
      if (d === undefined) return [];
      let result = memo.get(d);
      if (!result) {
        result = compute(d, true);
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
      return done ? done.map((entry) => entry.slug) : compute(d, false).map((c) => items[c]!.slug);
    },
    has: (slug: string) => indexOf.has(slug),
    explain(a: string, b: string): PairSignals | undefined {
      const x = indexOf.get(a);
      const y = indexOf.get(b);
      if (x === undefined || y === undefined) return undefined;
      return {
        tags: tagSimilarity(x, y),
        text: textSimilarity(x, y),
        authors: authorSimilarity(x, y),
        type: sameTypeOf(x, y),
        recency: recency(x, y),
        score: pairScore(x, y),
      };
    },
    size: n,
    options: opts,
    stats: { items: n, terms: termCount, indexedTerms: vocab, postings: vecTerms.length, tags: tagCount },
  };
}
