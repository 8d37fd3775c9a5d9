/**
 * The five signals of a pair, each 0–1, and their weighted mean, the score (options.weights):
 *   tags     Σ over shared tags of rarity(t) / √(tags of a × tags of b), rarity = ln(1 + N/df) / ln(1 + N)
 *   text     cosine of the two term vectors
 *   authors  shared authors / √(authors of a × authors of b)
 *   type     1 when the types match
 *   recency  2^(−days apart / recencyHalfLifeDays), in whole days, either direction
 * Every score goes through weightedMean, and every sum runs in ascending id order, so a pair gets the same
 * value whichever item it is computed from.
 */
import type { Facets } from "./facets.ts";
import type { RelatedOptions } from "./options.ts";
import type { ArticleSummary, PairSignals } from "./types.ts";
import { textSimilarity, type Vectors } from "./vectors.ts";

const DAY_MS = 86_400_000;
/** Beyond this many days between the oldest and newest item, recency is computed per pair instead of looked up. */
const MAX_RECENCY_TABLE_DAYS = 200_000;

export interface Signals {
  readonly weights: { tags: number; text: number; authors: number; type: number; recency: number };
  /** The one formula every score goes through, so the same pair always gets the same value. */
  weightedMean(tags: number, text: number, authors: number, sameType: number, recency: number): number;
  /** The score from the tag and text signals (however they were computed) and the other three. */
  combine(tags: number, text: number, a: number, b: number): number;
  /** The exact score of a pair. */
  pairScore(a: number, b: number): number;
  explain(a: number, b: number): PairSignals;
  tagCount(i: number): number;
  /** A sum of shared tags' rarities, normalised by the two items' tag counts. */
  normaliseTags(raritySum: number, countA: number, countB: number): number;
  tagSimilarity(a: number, b: number): number;
  /** The tags a and b share, ascending id. */
  sharedTagIds(a: number, b: number): number[];
  authorSimilarity(a: number, b: number): number;
  sameType(a: number, b: number): number;
  recency(a: number, b: number): number;
  /** Days apart as a fraction, for reasons ("published within 7 days"). */
  exactDaysApart(a: number, b: number): number;
}

/**
 * `items` in canonical order. Closures over constants rather than a class: the candidate pool calls these once
 * per candidate, and V8 compiles calls to closures over constant arrays into faster loops than calls to
 * methods reading their arrays from `this` (see docs/performance.md).
 */
export function createSignals(items: readonly ArticleSummary[], facets: Facets, vectors: Vectors, options: RelatedOptions): Signals {
  const { itemTagStart, itemTags, tagRarity, itemAuthorStart, itemAuthors, itemType } = facets;
  const weights = options.weights;
  const wTags = weights.tags;
  const wText = weights.text;
  const wAuthors = weights.authors;
  const wType = weights.type;
  const wRecency = weights.recency;
  const weightSum = weights.tags + weights.text + weights.authors + weights.type + weights.recency;
  const halfLifeDays = options.recencyHalfLifeDays;
  const dateMs = Float64Array.from(items, (item) => item.dateMs);
  /** Dates in days (not rounded), for daysApart. */
  const dayOf = Float64Array.from(dateMs, (ms) => ms / DAY_MS);
  const decay = (days: number): number => Math.exp((-Math.LN2 * days) / halfLifeDays);
  // 2^(−days / half-life) by whole days apart, looked up rather than computed per pair, when the archive spans
  // few enough days.
  let span = 0;
  for (let i = 0; i < dateMs.length; i++) span = Math.max(span, Math.abs(dateMs[i]! - dateMs[0]!));
  const tableDays = Math.round((2 * span) / DAY_MS) + 2;
  const recencyByDay = tableDays <= MAX_RECENCY_TABLE_DAYS ? Float64Array.from({ length: tableDays }, (_, days) => decay(days)) : undefined;

  function weightedMean(tags: number, text: number, authors: number, sameType: number, recency: number): number {
    return (wTags * tags + wText * text + wAuthors * authors + wType * sameType + wRecency * recency) / weightSum;
  }

  function combine(tags: number, text: number, a: number, b: number): number {
    return weightedMean(tags, text, authorSimilarity(a, b), sameType(a, b), recency(a, b));
  }

  function pairScore(a: number, b: number): number {
    return combine(tagSimilarity(a, b), textSimilarity(vectors, a, b), a, b);
  }

  function explain(a: number, b: number): PairSignals {
    return {
      tags: tagSimilarity(a, b),
      text: textSimilarity(vectors, a, b),
      authors: authorSimilarity(a, b),
      type: sameType(a, b),
      recency: recency(a, b),
      score: pairScore(a, b),
    };
  }

  function tagCount(i: number): number {
    return itemTagStart[i + 1]! - itemTagStart[i]!;
  }

  function normaliseTags(raritySum: number, countA: number, countB: number): number {
    return raritySum === 0 ? 0 : raritySum / Math.sqrt(countA * countB);
  }

  function tagSimilarity(a: number, b: number): number {
    let sum = 0;
    for (const t of sharedTagIds(a, b)) sum += tagRarity[t]!;
    return normaliseTags(sum, tagCount(a), tagCount(b));
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

  function sameType(a: number, b: number): number {
    return itemType[a]! >= 0 && itemType[a] === itemType[b] ? 1 : 0;
  }

  function recency(a: number, b: number): number {
    const days = daysApart(a, b);
    return recencyByDay ? recencyByDay[days]! : decay(days);
  }

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

  function exactDaysApart(a: number, b: number): number {
    return Math.abs(dateMs[a]! - dateMs[b]!) / DAY_MS;
  }

  return {
    weights: { tags: wTags, text: wText, authors: wAuthors, type: wType, recency: wRecency },
    weightedMean,
    combine,
    pairScore,
    explain,
    tagCount,
    normaliseTags,
    tagSimilarity,
    sharedTagIds,
    authorSimilarity,
    sameType,
    recency,
    exactDaysApart,
  };
}
