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

export interface Reasons {
  /** Appends the reasons a and b are related to `reasons`, and returns it. */
  describe(a: number, b: number, reasons: string[]): string[];
}

/** Closures over constants, like signals.ts (see there). */
export function createReasons(facets: Facets, vectors: Vectors, signals: Signals, weights: RelatedWeights, dict: TermDictionary, vocabulary: Vocabulary): Reasons {
  const { tagLabels, itemType, itemTypeName } = facets;
  const { start, terms, weights: termWeights } = vectors;
  const { sharedTagIds, authorSimilarity, sameType, exactDaysApart } = signals;
  const dictionaryId = vocabulary.dictionaryId;
  /** The word shown for an indexed term (compact id), looked up once. */
  const surfaceByTerm: Array<string | undefined> = new Array(vocabulary.size);
  /** "same type: news", made once per type. */
  const typeReasons: string[] = [];
  // The best shared terms so far, best first (see similarWords).
  const topTerms = new Int32Array(MAX_WORDS_IN_REASON);
  const topProducts = new Float64Array(MAX_WORDS_IN_REASON);

  function describe(a: number, b: number, reasons: string[]): string[] {
    if (weights.tags > 0) {
      const shared = sharedTagIds(a, b);
      if (shared.length === 1) reasons.push(`shared tag: ${tagLabels[shared[0]!]}`);
      else if (shared.length > 1)
        reasons.push(
          `shared tags: ${byRarity(facets, shared)
            .map((t) => tagLabels[t])
            .join(", ")}`,
        );
    }
    if (weights.text > 0) {
      const words = similarWords(a, b);
      if (words) reasons.push(`similar words: ${words}`);
    }
    if (weights.authors > 0 && authorSimilarity(a, b) > 0) reasons.push("same author");
    if (weights.type > 0 && sameType(a, b) === 1) reasons.push((typeReasons[itemType[a]!] ??= `same type: ${itemTypeName[a]}`));
    if (weights.recency > 0) {
      const days = exactDaysApart(a, b);
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
  function similarWords(a: number, b: number): string {
    let kept = 0;
    let i = start[a]!;
    let j = start[b]!;
    const i1 = start[a + 1]!;
    const j1 = start[b + 1]!;
    while (i < i1 && j < j1) {
      const ti = terms[i]!;
      const tj = terms[j]!;
      if (ti === tj) {
        const product = termWeights[i]! * termWeights[j]!;
        i++;
        j++;
        if (kept === MAX_WORDS_IN_REASON && product < topProducts[MAX_WORDS_IN_REASON - 1]!) continue;
        let at = kept;
        while (at > 0 && (product > topProducts[at - 1]! || (product === topProducts[at - 1] && surface(ti) < surface(topTerms[at - 1]!)))) at--;
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
    for (let x = 0; x < kept; x++) words += x === 0 ? surface(topTerms[0]!) : `, ${surface(topTerms[x]!)}`;
    return words;
  }

  /** The word shown for an indexed term (compact id). */
  function surface(t: number): string {
    return (surfaceByTerm[t] ??= dict.surfaceOf(dictionaryId[t]!));
  }

  return { describe };
}
