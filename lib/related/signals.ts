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

export class Signals {
  readonly facets: Facets;
  readonly vectors: Vectors;
  readonly dateMs: Float64Array;
  /** Dates in days (not rounded), for daysApart. */
  readonly dayOf: Float64Array;
  readonly halfLifeDays: number;
  /** 2^(−days / half-life) by whole days apart, when the archive spans few enough days. */
  readonly recencyByDay: Float64Array | undefined;
  readonly wTags: number;
  readonly wText: number;
  readonly wAuthors: number;
  readonly wType: number;
  readonly wRecency: number;
  readonly weightSum: number;

  /** `items` in canonical order. */
  constructor(items: readonly ArticleSummary[], facets: Facets, vectors: Vectors, options: RelatedOptions) {
    this.facets = facets;
    this.vectors = vectors;
    const weights = options.weights;
    this.wTags = weights.tags;
    this.wText = weights.text;
    this.wAuthors = weights.authors;
    this.wType = weights.type;
    this.wRecency = weights.recency;
    this.weightSum = weights.tags + weights.text + weights.authors + weights.type + weights.recency;
    this.halfLifeDays = options.recencyHalfLifeDays;
    const dateMs = Float64Array.from(items, (item) => item.dateMs);
    this.dateMs = dateMs;
    this.dayOf = Float64Array.from(dateMs, (ms) => ms / DAY_MS);
    let span = 0;
    for (let i = 0; i < dateMs.length; i++) span = Math.max(span, Math.abs(dateMs[i]! - dateMs[0]!));
    const tableDays = Math.round((2 * span) / DAY_MS) + 2;
    this.recencyByDay = tableDays <= MAX_RECENCY_TABLE_DAYS ? Float64Array.from({ length: tableDays }, (_, days) => this.decay(days)) : undefined;
  }

  /** The one formula every score goes through, so the same pair always gets the same value. */
  weightedMean(tags: number, text: number, authors: number, sameType: number, recency: number): number {
    return (this.wTags * tags + this.wText * text + this.wAuthors * authors + this.wType * sameType + this.wRecency * recency) / this.weightSum;
  }

  /** The score from the tag and text signals (however they were computed) and the other three. */
  combine(tags: number, text: number, a: number, b: number): number {
    return this.weightedMean(tags, text, this.authorSimilarity(a, b), this.sameType(a, b), this.recency(a, b));
  }

  /** The exact score of a pair. */
  pairScore(a: number, b: number): number {
    return this.combine(this.tagSimilarity(a, b), textSimilarity(this.vectors, a, b), a, b);
  }

  explain(a: number, b: number): PairSignals {
    return {
      tags: this.tagSimilarity(a, b),
      text: textSimilarity(this.vectors, a, b),
      authors: this.authorSimilarity(a, b),
      type: this.sameType(a, b),
      recency: this.recency(a, b),
      score: this.pairScore(a, b),
    };
  }

  tagCount(i: number): number {
    return this.facets.itemTagStart[i + 1]! - this.facets.itemTagStart[i]!;
  }

  /** A sum of shared tags' rarities, normalised by the two items' tag counts. */
  normaliseTags(raritySum: number, countA: number, countB: number): number {
    return raritySum === 0 ? 0 : raritySum / Math.sqrt(countA * countB);
  }

  tagSimilarity(a: number, b: number): number {
    let sum = 0;
    for (const t of this.sharedTagIds(a, b)) sum += this.facets.tagRarity[t]!;
    return this.normaliseTags(sum, this.tagCount(a), this.tagCount(b));
  }

  /** The tags a and b share, ascending id. */
  sharedTagIds(a: number, b: number): number[] {
    const { itemTagStart, itemTags } = this.facets;
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

  authorSimilarity(a: number, b: number): number {
    const { itemAuthorStart, itemAuthors } = this.facets;
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

  sameType(a: number, b: number): number {
    const itemType = this.facets.itemType;
    return itemType[a]! >= 0 && itemType[a] === itemType[b] ? 1 : 0;
  }

  recency(a: number, b: number): number {
    const days = this.daysApart(a, b);
    return this.recencyByDay ? this.recencyByDay[days]! : this.decay(days);
  }

  /**
   * Whole days apart, Math.round(|Δ ms| / DAY_MS), from the dates in days: no division per pair. The difference
   * of the two quotients is off the exact one by far less than 1e−6 of a day, so it rounds the same way unless it
   * is that close to a half day, where the exact expression is used.
   */
  daysApart(a: number, b: number): number {
    const y = Math.abs(this.dayOf[a]! - this.dayOf[b]!) + 0.5;
    const days = Math.floor(y);
    return y - days < 1e-6 || y - days > 1 - 1e-6 ? Math.round(Math.abs(this.dateMs[a]! - this.dateMs[b]!) / DAY_MS) : days;
  }

  /** Days apart as a fraction, for reasons ("published within 7 days"). */
  exactDaysApart(a: number, b: number): number {
    return Math.abs(this.dateMs[a]! - this.dateMs[b]!) / DAY_MS;
  }

  decay(days: number): number {
    return Math.exp((-Math.LN2 * days) / this.halfLifeDays);
  }
}
