/**
 * A plain reference for the whole related-articles ranking, to check the engine against (reference-ranking.test.ts).
 *
 * It follows the documented steps of lib/related (the engine's header comment and the option docs) with plain
 * arrays and Maps: every pair's five signals from their definitions, a full sort with explicit tie-breaks, MMR
 * as a plain loop, then the fills and the reasons. Slow and obvious on purpose: no postings arrays, typed arrays,
 * heaps or reused buffers (the only caches hold values of pure functions), so a reader can check it against the
 * docs line by line.
 *
 * One step is an approximation by design, and is modelled as documented rather than done exhaustively: which
 * items are scored at all. The engine finds candidates through the item's `queryTerms` strongest terms (for each,
 * only the `postingsPerTerm` items where that term weighs most) and its tags, ranks them by a first score whose
 * text part counts only those query-term postings, and scores exactly only the best `poolSize`
 * (`DEFAULT_RELATED_OPTIONS` documents how close that comes to scoring everything). An item that shares no term
 * or tag read that way is never scored, only filled. Here that is written out per candidate; with
 * `queryTerms >= itemTerms`, `postingsPerTerm >= items` and `poolSize >= items` it is exhaustive over every item
 * that shares a term or a tag. `everyPair: true` skips the candidate search: every other item is scored exactly.
 *
 * Sums run in ascending term and tag id (ids in order of first appearance, items newest first), as the engine
 * documents, so equal scores come out equal here too and ties break the same way.
 */
import {
  analyse,
  resolveRelatedOptions,
  tokenize,
  type ArticleSummary,
  type PairSignals,
  type RelatedOptions,
  type RelatedOptionsInput,
  type RelatedSource,
} from "../../../lib/related/index.ts";

export interface ReferenceEntry {
  slug: string;
  /** The pair score, not rounded. */
  score: number;
  reasons: string[];
  source: RelatedSource;
}

export interface ReferenceRanking {
  readonly options: RelatedOptions;
  /** Slugs in canonical order: newest first, then slug. */
  readonly slugs: string[];
  /** The related list of a slug; an empty list for an unknown slug. */
  related(slug: string): ReferenceEntry[];
  /** The five signals and the score of a pair; undefined when either slug is unknown. */
  signals(a: string, b: string): PairSignals | undefined;
}

const DAY_MS = 86_400_000;
/** A term is never dropped as too common while it is in this many items or fewer (engine.ts). */
const MIN_DF_CAP = 10;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELDS = ["title", "description", "body"] as const;

/** What the reference knows about one item, in canonical order. */
interface Item {
  index: number;
  summary: ArticleSummary;
  /** Tag ids, ascending, no repeats. */
  tags: number[];
  authors: Set<string>;
  /** Trimmed; "" matches nothing. */
  type: string;
  /** Term id → weight: the unit-length TF-IDF vector of the item's strongest terms. */
  vector: Map<number, number>;
  /** The vector's term ids, ascending. */
  terms: number[];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** A tag label as shown in reasons: control characters and runs of spaces become one space. */
function cleanLabel(label: unknown, slug: string): string {
  if (typeof label !== "string") return slug;
  return (
    label
      .replace(/[\u0000-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || slug
  );
}

/** A text's significant words and their stems, in order; kept, as the test cases share their items. */
const analyses = new Map<string, { words: string[]; stems: string[] }>();
function analysed(text: string): { words: string[]; stems: string[] } {
  let result = analyses.get(text);
  if (!result) analyses.set(text, (result = { words: tokenize(text), stems: analyse(text) }));
  return result;
}

export function referenceRanking(input: readonly ArticleSummary[], optionsInput?: RelatedOptionsInput, { everyPair = false }: { everyPair?: boolean } = {}): ReferenceRanking {
  const options = resolveRelatedOptions(optionsInput);
  const weights = options.weights;

  // 1. Canonical order: newest first, then slug.
  const summaries = [...input].sort((a, b) => b.dateMs - a.dateMs || compareStrings(a.slug, b.slug));
  const n = summaries.length;

  // 2. Tags: ids in order of first appearance; a tag's label is the one given with its first appearance.
  const tagIdOf = new Map<string, number>();
  const tagSlugs: string[] = [];
  const tagLabels: string[] = [];
  const items: Item[] = summaries.map((summary, index) => {
    const tags = new Set<number>();
    const labels = Array.isArray(summary.tagLabels) ? summary.tagLabels : [];
    (Array.isArray(summary.tagSlugs) ? summary.tagSlugs : []).forEach((slug, j) => {
      if (typeof slug !== "string" || slug === "") return;
      if (!SLUG.test(slug)) throw new Error(`reference ranking: tag "${slug}" of ${summary.slug} is not a slug (pass tagSlug() output)`);
      if (!tagIdOf.has(slug)) {
        tagIdOf.set(slug, tagSlugs.length);
        tagSlugs.push(slug);
        tagLabels.push(cleanLabel(labels[j], slug));
      }
      tags.add(tagIdOf.get(slug)!);
    });
    const authors = new Set(
      stringsOf(summary.authorIds)
        .map((a) => a.trim())
        .filter((a) => a !== ""),
    );
    const type = typeof summary.type === "string" ? summary.type.trim() : "";
    return { index, summary, tags: [...tags].sort((a, b) => a - b), authors, type, vector: new Map(), terms: [] };
  });
  const indexOf = new Map(items.map((item) => [item.summary.slug, item.index]));

  const tagDf = tagSlugs.map((_, t) => items.filter((item) => item.tags.includes(t)).length);
  /** Rarity, 0–1: ln(1 + N/df) / ln(1 + N). */
  const tagRarity = tagDf.map((df) => Math.log(1 + n / df) / Math.log(1 + n));
  /** Rarest first: fewest items, then slug. */
  const byRarity = (tags: number[]): number[] => [...tags].sort((x, y) => tagDf[x]! - tagDf[y]! || compareStrings(tagSlugs[x]!, tagSlugs[y]!));

  // 3. Text: field-weighted counts of stems, term ids in order of first appearance. No text at all when
  // neither the score nor MMR uses it (the engine skips it then too).
  const useText = weights.text > 0 || options.diversity < 1;
  const termIdOf = new Map<string, number>();
  /** Per term: how often each normalised spelling was seen, for the word shown in reasons. */
  const spellings: Array<Map<string, number>> = [];
  const counts = items.map((item) => {
    const tf = new Map<number, number>();
    if (!useText) return tf;
    for (const field of FIELDS) {
      const fieldWeight = options.fieldWeights[field];
      const text = item.summary[field];
      if (fieldWeight === 0 || typeof text !== "string" || text === "") continue;
      const { words, stems } = analysed(text);
      stems.forEach((stem, w) => {
        if (!termIdOf.has(stem)) {
          termIdOf.set(stem, termIdOf.size);
          spellings.push(new Map());
        }
        const id = termIdOf.get(stem)!;
        tf.set(id, (tf.get(id) ?? 0) + fieldWeight);
        const spelling = spellings[id]!;
        spelling.set(words[w]!, (spelling.get(words[w]!) ?? 0) + 1);
      });
    }
    return tf;
  });
  /** The word shown for each term: its most frequent spelling, ties alphabetically. */
  const surfaces = spellings.map((spelling) => [...spelling].sort(([a, x], [b, y]) => y - x || compareStrings(a, b))[0]![0]);

  const termDf = new Map<number, number>();
  for (const tf of counts) for (const id of tf.keys()) termDf.set(id, (termDf.get(id) ?? 0) + 1);
  const dfCap = Math.max(Math.floor(options.maxDfFraction * n), MIN_DF_CAP);
  items.forEach((item, i) => {
    // Weight ln(1 + tf) × ln(1 + N/df), for terms in 2 to dfCap items. The engine keeps the field-weighted
    // counts as 32-bit floats, hence fround: exact for field weights like 1, 2 or 0.5, but a weight like 0.3
    // moves text similarities by about 1e-8 (never a list, in the cases tested).
    const weighted = [...counts[i]!]
      .filter(([id]) => termDf.get(id)! >= 2 && termDf.get(id)! <= dfCap)
      .map(([id, tf]) => ({ id, weight: Math.log1p(Math.fround(tf)) * Math.log(1 + n / termDf.get(id)!) }));
    // The itemTerms strongest (equal weights: the lower id), then ascending id, scaled to length 1.
    const kept = weighted
      .sort((a, b) => b.weight - a.weight || a.id - b.id)
      .slice(0, options.itemTerms)
      .sort((a, b) => a.id - b.id);
    let squares = 0;
    for (const { weight } of kept) squares += weight * weight;
    const norm = Math.sqrt(squares);
    for (const { id, weight } of kept) item.vector.set(id, norm > 0 ? weight / norm : weight);
    item.terms = kept.map(({ id }) => id);
  });

  // 4. The five signals of a pair, each 0–1, and their weighted mean.
  function sharedTags(a: Item, b: Item): number[] {
    return a.tags.filter((t) => b.tags.includes(t));
  }
  function tagSignal(a: Item, b: Item): number {
    let sum = 0;
    for (const t of sharedTags(a, b)) sum += tagRarity[t]!;
    return sum === 0 ? 0 : sum / Math.sqrt(a.tags.length * b.tags.length);
  }
  /** Cosine of the two unit vectors (a Map keeps its insertion order: ascending term id). */
  function textSignal(a: Item, b: Item): number {
    let sum = 0;
    for (const [t, weight] of a.vector) {
      const other = b.vector.get(t);
      if (other !== undefined) sum += weight * other;
    }
    return sum;
  }
  function authorSignal(a: Item, b: Item): number {
    if (a.authors.size === 0 || b.authors.size === 0) return 0;
    const shared = [...a.authors].filter((x) => b.authors.has(x)).length;
    return shared === 0 ? 0 : shared / Math.sqrt(a.authors.size * b.authors.size);
  }
  function typeSignal(a: Item, b: Item): number {
    return a.type !== "" && a.type === b.type ? 1 : 0;
  }
  /** 2^(−whole days apart / half-life), either direction. */
  function recencySignal(a: Item, b: Item): number {
    const days = Math.round(Math.abs(a.summary.dateMs - b.summary.dateMs) / DAY_MS);
    return 2 ** (-days / options.recencyHalfLifeDays);
  }
  function weightedMean(tags: number, text: number, authors: number, type: number, recency: number): number {
    const sum = weights.tags + weights.text + weights.authors + weights.type + weights.recency;
    return (weights.tags * tags + weights.text * text + weights.authors * authors + weights.type * type + weights.recency * recency) / sum;
  }
  function signalsOf(a: Item, b: Item): PairSignals {
    const s = { tags: tagSignal(a, b), text: textSignal(a, b), authors: authorSignal(a, b), type: typeSignal(a, b), recency: recencySignal(a, b) };
    return { ...s, score: weightedMean(s.tags, s.text, s.authors, s.type, s.recency) };
  }

  // 5. The documented candidate search (see the header comment): the postings read for a term are the
  // postingsPerTerm items where it weighs most (equal weights: canonical order).
  const readPostings = new Map<number, Set<number>>();
  function postingsRead(term: number): Set<number> {
    let read = readPostings.get(term);
    if (!read) {
      const holders = items.filter((item) => item.vector.has(term));
      holders.sort((x, y) => y.vector.get(term)! - x.vector.get(term)! || x.index - y.index);
      read = new Set(holders.slice(0, options.postingsPerTerm).map((item) => item.index));
      readPostings.set(term, read);
    }
    return read;
  }
  /** The item's queryTerms strongest terms (equal weights: the lower id), ascending id. */
  function queryTerms(item: Item): number[] {
    return [...item.terms]
      .sort((x, y) => item.vector.get(y)! - item.vector.get(x)! || x - y)
      .slice(0, options.queryTerms)
      .sort((x, y) => x - y);
  }

  // 6. Reasons, after any that come from how the item was chosen.
  function reasonsFor(a: Item, b: Item, given: string[]): string[] {
    const reasons = [...given];
    if (weights.tags > 0) {
      const shared = byRarity(sharedTags(a, b));
      if (shared.length === 1) reasons.push(`shared tag: ${tagLabels[shared[0]!]}`);
      if (shared.length > 1) reasons.push(`shared tags: ${shared.map((t) => tagLabels[t]).join(", ")}`);
    }
    if (weights.text > 0) {
      // The three shared terms that add most to the cosine (equal products: alphabetically by the word shown).
      const top = a.terms
        .filter((t) => b.vector.has(t))
        .map((t) => ({ word: surfaces[t]!, product: a.vector.get(t)! * b.vector.get(t)! }))
        .sort((x, y) => y.product - x.product || compareStrings(x.word, y.word))
        .slice(0, 3);
      if (top.length > 0) reasons.push(`similar words: ${top.map((x) => x.word).join(", ")}`);
    }
    if (weights.authors > 0 && authorSignal(a, b) > 0) reasons.push("same author");
    if (weights.type > 0 && typeSignal(a, b) === 1) reasons.push(`same type: ${a.type}`);
    if (weights.recency > 0) {
      const days = Math.abs(a.summary.dateMs - b.summary.dateMs) / DAY_MS;
      if (days <= 1) reasons.push("published within a day");
      else if (days <= 7) reasons.push("published within 7 days");
      else if (days <= 30) reasons.push("published within 30 days");
      else if (days <= 365) reasons.push("published within a year");
    }
    return reasons;
  }

  // 7. One item's list: curated, scored (candidates, pool, sort, MMR), fills.
  function rank(d: Item): ReferenceEntry[] {
    const k = Math.min(options.k, n - 1);
    if (k <= 0) return [];
    const excluded = new Set(stringsOf(d.summary.relatedExclude));
    const chosen: Array<{ item: Item; source: RelatedSource; given: string[] }> = [];
    const isFree = (c: Item): boolean => c !== d && !excluded.has(c.summary.slug) && !chosen.some((x) => x.item === c);

    // Curated, in the editor's order; unknown slugs are ignored.
    for (const slug of stringsOf(d.summary.related)) {
      const c = indexOf.has(slug) ? items[indexOf.get(slug)!]! : undefined;
      if (chosen.length < k && c && isFree(c)) chosen.push({ item: c, source: "curated", given: ["chosen by the editor"] });
    }

    if (chosen.length < k && (weights.text > 0 || weights.tags > 0)) {
      const query = weights.text > 0 ? queryTerms(d) : [];
      const candidates = items.filter((c) => {
        if (!isFree(c)) return false;
        if (everyPair) return true;
        const viaTerm = query.some((t) => postingsRead(t).has(c.index));
        const viaTag = weights.tags > 0 && sharedTags(d, c).length > 0;
        return viaTerm || viaTag;
      });
      // First score: as the pair score, but the text counts only the query terms' postings that were read.
      const first = candidates.map((c) => {
        if (everyPair) return { item: c, score: signalsOf(d, c).score };
        let text = 0;
        for (const t of query) if (postingsRead(t).has(c.index)) text += d.vector.get(t)! * c.vector.get(t)!;
        const tags = weights.tags > 0 ? tagSignal(d, c) : 0;
        return { item: c, score: weightedMean(tags, text, authorSignal(d, c), typeSignal(d, c), recencySignal(d, c)) };
      });
      // The best poolSize (at least k) by first score, equal scores in canonical order; then exact scores,
      // without those below minScore (or 0), best first, equal scores in canonical order.
      const byScore = (x: { item: Item; score: number }, y: { item: Item; score: number }): number => y.score - x.score || x.item.index - y.item.index;
      const pool = first
        .sort(byScore)
        .slice(0, everyPair ? n : Math.max(options.poolSize, options.k))
        .map(({ item }) => ({ item, score: signalsOf(d, item).score, redundancy: 0 }))
        .filter(({ score }) => score >= options.minScore && score > 0)
        .sort(byScore);

      // MMR: each next item maximises λ·relevance − (1 − λ)·redundancy. Relevance is the score over the best
      // score in the pool; redundancy the greatest text similarity to an item already listed (curated ones
      // too), counted above τ only and rescaled: (sim − τ) / (1 − τ). Equal values: the earlier in the pool.
      const lambda = options.diversity;
      const tau = options.duplicateSimilarity;
      const top = pool[0]?.score ?? 1;
      /** Each candidate's redundancy is the greatest so far: raise it by the similarity to a newly listed item. */
      const noteListed = (listed: Item): void => {
        if (lambda === 1) return;
        for (const entry of pool) {
          const sim = textSignal(entry.item, listed);
          if (sim > tau) entry.redundancy = Math.max(entry.redundancy, (sim - tau) / (1 - tau));
        }
      };
      for (const { item } of chosen) noteListed(item);
      while (chosen.length < k && pool.length > 0) {
        let best = -1;
        let bestValue = -Infinity;
        pool.forEach(({ score, redundancy }, x) => {
          const value = lambda * (score / top) - (1 - lambda) * redundancy;
          if (value > bestValue) {
            bestValue = value;
            best = x;
          }
        });
        const [picked] = pool.splice(best, 1);
        chosen.push({ item: picked!.item, source: "scored", given: [] });
        noteListed(picked!.item);
      }
    }

    // Fills: the newest items sharing the item's rarest tag, then its next rarest, then the newest items.
    for (const t of byRarity(d.tags)) {
      for (const c of items) {
        if (chosen.length < k && c.tags.includes(t) && isFree(c)) {
          chosen.push({ item: c, source: "fill-tag", given: [`newest sharing tag ${tagLabels[t]}`] });
        }
      }
    }
    for (const c of items) {
      if (chosen.length < k && isFree(c)) chosen.push({ item: c, source: "fill-newest", given: ["newest item"] });
    }

    return chosen.map(({ item, source, given }) => ({
      slug: item.summary.slug,
      score: signalsOf(d, item).score,
      reasons: reasonsFor(d, item, given),
      source,
    }));
  }

  return {
    options,
    slugs: items.map((item) => item.summary.slug),
    related(slug) {
      const d = indexOf.get(slug);
      return d === undefined ? [] : rank(items[d]!);
    },
    signals(a, b) {
      const x = indexOf.get(a);
      const y = indexOf.get(b);
      return x === undefined || y === undefined ? undefined : signalsOf(items[x]!, items[y]!);
    },
  };
}
