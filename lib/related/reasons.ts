/**
 * Why two items are related, in words for editors: shared tags (rarest first), the shared words that add most
 * to the text similarity, same author, same type, and how close in time. Only signals with a weight are named.
 */
import { byRarity, type Facets } from "./facets.ts";
import type { RelatedWeights } from "./options.ts";
import type { Signals } from "./signals.ts";
import type { TermDictionary } from "./term-dictionary.ts";
import type { Vectors } from "./vectors.ts";
import type { Vocabulary } from "./vocabulary.ts";

const MAX_WORDS_IN_REASON = 3;

export class Reasons {
  readonly facets: Facets;
  readonly vectors: Vectors;
  readonly signals: Signals;
  readonly weights: RelatedWeights;
  readonly dict: TermDictionary;
  readonly vocabulary: Vocabulary;
  /** The word shown for an indexed term (compact id), looked up once. */
  readonly surfaceByTerm: Array<string | undefined>;
  /** "same type: news", made once per type. */
  readonly typeReasons: string[] = [];
  // The best shared terms so far, best first (see similarWords).
  readonly topTerms = new Int32Array(MAX_WORDS_IN_REASON);
  readonly topProducts = new Float64Array(MAX_WORDS_IN_REASON);

  constructor(facets: Facets, vectors: Vectors, signals: Signals, weights: RelatedWeights, dict: TermDictionary, vocabulary: Vocabulary) {
    this.facets = facets;
    this.vectors = vectors;
    this.signals = signals;
    this.weights = weights;
    this.dict = dict;
    this.vocabulary = vocabulary;
    this.surfaceByTerm = new Array(vocabulary.size);
  }

  /** Appends the reasons a and b are related to `reasons`, and returns it. */
  describe(a: number, b: number, reasons: string[]): string[] {
    const { weights, signals, facets } = this;
    if (weights.tags > 0) {
      const shared = signals.sharedTagIds(a, b);
      if (shared.length === 1) reasons.push(`shared tag: ${facets.tagLabels[shared[0]!]}`);
      else if (shared.length > 1) reasons.push(`shared tags: ${byRarity(facets, shared).map((t) => facets.tagLabels[t]).join(", ")}`);
    }
    if (weights.text > 0) {
      const words = this.similarWords(a, b);
      if (words) reasons.push(`similar words: ${words}`);
    }
    if (weights.authors > 0 && signals.authorSimilarity(a, b) > 0) reasons.push("same author");
    if (weights.type > 0 && signals.sameType(a, b) === 1) {
      const type = facets.itemType[a]!;
      reasons.push((this.typeReasons[type] ??= `same type: ${facets.itemTypeName[a]}`));
    }
    if (weights.recency > 0) {
      const days = signals.exactDaysApart(a, b);
      if (days <= 1) reasons.push("published within a day");
      else if (days <= 7) reasons.push("published within 7 days");
      else if (days <= 30) reasons.push("published within 30 days");
      else if (days <= 365) reasons.push("published within a year");
    }
    return reasons;
  }

  /**
   * The shared terms that add most to the text similarity (ties: alphabetically), as "a, b, c"; "" when none.
   * Kept best first in a short list of term ids; words are looked up only to break a tie and for the three kept.
   */
  similarWords(a: number, b: number): string {
    const { start, terms, weights } = this.vectors;
    const { topTerms, topProducts } = this;
    let kept = 0;
    let i = start[a]!;
    let j = start[b]!;
    const i1 = start[a + 1]!;
    const j1 = start[b + 1]!;
    while (i < i1 && j < j1) {
      const ti = terms[i]!;
      const tj = terms[j]!;
      if (ti === tj) {
        const product = weights[i]! * weights[j]!;
        i++;
        j++;
        if (kept === MAX_WORDS_IN_REASON && product < topProducts[MAX_WORDS_IN_REASON - 1]!) continue;
        let at = kept;
        while (at > 0 && (product > topProducts[at - 1]! || (product === topProducts[at - 1] && this.surface(ti) < this.surface(topTerms[at - 1]!)))) at--;
        if (at < MAX_WORDS_IN_REASON) {
          if (kept < MAX_WORDS_IN_REASON) kept++;
          for (let x = kept - 1; x > at; x--) {
            topTerms[x] = topTerms[x - 1]!;
            topProducts[x] = topProducts[x - 1]!;
          }
          topTerms[at] = ti;
          topProducts[at] = product;
        }
      } else if (ti < tj) i++;
      else j++;
    }
    let words = "";
    for (let x = 0; x < kept; x++) words += x === 0 ? this.surface(topTerms[0]!) : `, ${this.surface(topTerms[x]!)}`;
    return words;
  }

  /** The word shown for an indexed term (compact id). */
  surface(t: number): string {
    return (this.surfaceByTerm[t] ??= this.dict.surfaceOf(this.vocabulary.dictionaryId[t]!));
  }
}
