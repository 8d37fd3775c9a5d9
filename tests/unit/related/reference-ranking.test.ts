/**
 * The engine against the plain reference of the whole ranking (reference-ranking.ts): for every item of each
 * case, the same slugs from the same sources in the same order, the same reasons, and the same scores (the
 * engine's are rounded to 4 decimals); and every pair's signals the same within floating-point noise.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildRelatedIndex, type ArticleSummary, type PairSignals, type RelatedEntry, type RelatedOptionsInput, type RelatedSource } from "../../../lib/related/index.ts";
import { generateCorpusItems } from "../../../scripts/generate-corpus.ts";
import { labelledFixture, shuffled } from "./helpers.ts";
import { referenceRanking, type ReferenceEntry } from "./reference-ranking.ts";

/** Scores may differ by rounding noise only: sums in another order, 2^x against e^(x ln 2). */
const TOLERANCE = 1e-9;

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected));
}

/** The engine's rounded score matches the reference's: the same 4-decimal rounding, unless that is a coin toss. */
function sameRoundedScore(engine: number, reference: number): boolean {
  const scaled = reference * 10_000;
  const onEdge = Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6;
  return onEdge ? Math.abs(engine - reference) <= 0.5e-4 + TOLERANCE : engine === Math.round(scaled) / 10_000;
}

const describeList = (list: ReadonlyArray<RelatedEntry | ReferenceEntry>): string =>
  list.map((e, i) => `    ${i + 1}. ${e.slug} (${e.source}, ${e.score.toFixed(6)}): ${e.reasons.join("; ")}`).join("\n") || "    (empty)";

/** Undefined when the lists agree; otherwise says which item, where they part, and both lists. */
function listMismatch(slug: string, engine: readonly RelatedEntry[], reference: readonly ReferenceEntry[]): string | undefined {
  const length = Math.max(engine.length, reference.length);
  for (let i = 0; i < length; i++) {
    const e = engine[i];
    const r = reference[i];
    let what: string | undefined;
    if (!e || !r) what = "length";
    else if (e.slug !== r.slug) what = "slug";
    else if (e.source !== r.source) what = "source";
    else if (!sameRoundedScore(e.score, r.score)) what = `score (${e.score} against ${r.score})`;
    else if (e.reasons.join("\n") !== r.reasons.join("\n")) what = "reasons";
    if (what) return `${slug}: ${what} differs at position ${i + 1}\n  engine:\n${describeList(engine)}\n  reference:\n${describeList(reference)}`;
  }
  return undefined;
}

function signalMismatch(a: string, b: string, engine: PairSignals | undefined, reference: PairSignals | undefined): string | undefined {
  if (!engine || !reference) return `${a} ~ ${b}: engine ${JSON.stringify(engine)}, reference ${JSON.stringify(reference)}`;
  const keys = ["tags", "text", "authors", "type", "recency", "score"] as const;
  const bad = keys.filter((key) => !close(engine[key], reference[key]));
  return bad.length === 0 ? undefined : `${a} ~ ${b}: ${bad.map((key) => `${key} ${engine[key]} against ${reference[key]}`).join(", ")}`;
}

/**
 * A seeded archive with editors' choices (curated slugs, one unknown and one excluded too; exclusions) and
 * untidy values the engine tolerates (authors with spaces or given twice, types blank or with spaces).
 */
function withCuration(items: readonly ArticleSummary[]): ArticleSummary[] {
  const shuffledSlugs = shuffled(items, 11).map((i) => i.slug);
  const other = (i: number): string => shuffledSlugs[i % shuffledSlugs.length]!;
  return items.map((item, i) => {
    let edited = item;
    if (i % 9 === 0) edited = { ...edited, related: [other(i), "no-such-item", other(i + 1), item.slug], relatedExclude: [other(i + 1), other(i + 2)] };
    else if (i % 7 === 0) edited = { ...edited, relatedExclude: [other(i), other(i + 3), "no-such-item"] };
    if (i % 5 === 0) edited = { ...edited, authorIds: [...item.authorIds.map((a) => ` ${a} `), ...item.authorIds, " "] };
    if (i % 6 === 0) edited = { ...edited, type: i % 12 === 0 ? " " : ` ${item.type}` };
    return edited;
  });
}

const labelled = labelledFixture().items;
const corpus = generateCorpusItems({ n: 300, seed: 15 }).items;
const small = generateCorpusItems({ n: 120, seed: 4 }).items;
/**
 * Many equal scores and near-copies: the text is only the item's tag slugs (so items with the same tags are
 * copies of each other), and ten items share each date.
 */
const ties = small.map((item, i) => ({ ...item, title: item.tagSlugs.join(" "), description: "", body: "", dateMs: Date.UTC(2026, 0, 1) - Math.floor(i / 10) * 86_400_000 }));

/** What a case must reach to test anything: entries from these sources, and "mmr", a list MMR reordered. */
type Part = RelatedSource | "mmr";

const cases: Array<{ name: string; items: ArticleSummary[]; options?: RelatedOptionsInput; reaches: Part[]; pairsEvery?: number }> = [
  // pairsEvery: also every pair's signals, for every so-many-th item against all others.
  { name: "labelled fixture, default options", items: labelled, reaches: ["scored", "mmr"], pairsEvery: 1 },
  { name: "seeded corpus of 300, default options", items: corpus, reaches: ["scored", "mmr"], pairsEvery: 10 },
  { name: "seeded corpus with curated, excluded and untidy items", items: withCuration(small), reaches: ["curated", "scored", "mmr"] },
  {
    name: "labelled fixture, other weights, k, MMR and limits",
    items: labelled,
    options: {
      k: 8,
      weights: { tags: 0.1, text: 0.6, authors: 0.1, type: 0.1, recency: 0.1 },
      // 0.3 is not exact in binary: the engine's 32-bit counts then differ from 64-bit ones (see the reference).
      fieldWeights: { title: 2, description: 1, body: 0.3 },
      diversity: 0.3,
      duplicateSimilarity: 0.2,
      minScore: 0.12,
      recencyHalfLifeDays: 30,
      itemTerms: 24,
    },
    reaches: ["scored", "mmr"],
    pairsEvery: 1,
  },
  // Small limits, so the documented candidate search and pool decide a lot (and postings are cut).
  {
    name: "seeded corpus, tight candidate search",
    items: small,
    options: { queryTerms: 3, postingsPerTerm: 6, poolSize: 6, maxDfFraction: 0.05, minScore: 0.15 },
    reaches: ["scored", "mmr", "fill-tag", "fill-newest"],
  },
  // Limits as large as the archive: the pool holds every item sharing a term or a tag.
  { name: "seeded corpus, exhaustive limits", items: small, options: { queryTerms: 1000, itemTerms: 10_000, postingsPerTerm: 1000, poolSize: 1000 }, reaches: ["scored", "mmr"] },
  { name: "equal scores and near-copies", items: ties, reaches: ["scored", "mmr", "fill-newest"], pairsEvery: 1 },
  { name: "equal scores and near-copies, classic MMR", items: ties, options: { diversity: 0.6, duplicateSimilarity: 0 }, reaches: ["scored", "mmr"] },
  { name: "equal scores and near-copies, tight candidate search", items: ties, options: { queryTerms: 1, postingsPerTerm: 3, poolSize: 4 }, reaches: ["scored", "fill-newest"] },
  { name: "labelled fixture, tags only, no MMR", items: labelled, options: { weights: { text: 0 }, diversity: 1 }, reaches: ["scored", "fill-newest"] },
  { name: "labelled fixture, text only (tags fill only)", items: labelled, options: { weights: { tags: 0, authors: 0, type: 0, recency: 0 } }, reaches: ["scored", "mmr"] },
  { name: "labelled fixture, a high minScore (mostly fills)", items: labelled, options: { minScore: 0.4 }, reaches: ["scored", "fill-tag", "fill-newest"] },
];

for (const { name, items, options, reaches, pairsEvery } of cases) {
  test(`engine equals the plain reference ranking: ${name}`, () => {
    const index = buildRelatedIndex(items, options);
    // Given in another order: both put items in their canonical order first.
    const reference = referenceRanking([...items].reverse(), options);
    const mismatches: string[] = [];
    const reached = new Set<Part>();
    for (const slug of reference.slugs) {
      const expected = reference.related(slug);
      const problem = listMismatch(slug, index.get(slug), expected);
      if (problem) mismatches.push(problem);
      for (const entry of expected) {
        reached.add(entry.source);
        const pair = signalMismatch(slug, entry.slug, index.explain(slug, entry.slug), reference.signals(slug, entry.slug));
        if (pair) mismatches.push(pair);
      }
      const scored = expected.filter((e) => e.source === "scored");
      if (scored.some((e, i) => i > 0 && e.score > scored[i - 1]!.score)) reached.add("mmr");
    }
    if (pairsEvery) {
      reference.slugs.forEach((a, i) => {
        if (i % pairsEvery !== 0) return;
        for (const b of reference.slugs) {
          const problem = a === b ? undefined : signalMismatch(a, b, index.explain(a, b), reference.signals(a, b));
          if (problem) mismatches.push(problem);
        }
      });
    }
    assert.equal(mismatches.length, 0, `${mismatches.length} mismatches; the first:\n${mismatches.slice(0, 3).join("\n")}`);
    const missed = reaches.filter((part) => !reached.has(part));
    assert.deepEqual(missed, [], `the case reaches no ${missed.join(", ")}: it tests less than it says`);
  });
}

// The candidate search is the one approximation by design. With limits as large as the archive it leaves out
// only items that share no term and no tag; with a minScore that authors, type and time alone cannot reach
// (their default weights sum to 0.15) those would not be listed as scored anyway, so the engine's lists must be
// those of scoring every pair.
const everyPairCases: Array<{ name: string; items: ArticleSummary[] }> = [
  { name: "labelled fixture", items: labelled },
  { name: "seeded corpus of 120", items: small },
];
for (const { name, items } of everyPairCases) {
  test(`with unlimited candidates the engine ranks as if it scored every pair: ${name}`, () => {
    const options: RelatedOptionsInput = { queryTerms: 1000, itemTerms: 10_000, postingsPerTerm: 100_000, poolSize: 1000, minScore: 0.16 };
    const index = buildRelatedIndex(items, options);
    const reference = referenceRanking(items, options, { everyPair: true });
    const mismatches = reference.slugs.flatMap((slug) => listMismatch(slug, index.get(slug), reference.related(slug)) ?? []);
    assert.equal(mismatches.length, 0, `${mismatches.length} mismatches; the first:\n${mismatches.slice(0, 3).join("\n")}`);
  });
}
