/**
 * The related lists, pinned: every item's list (slugs, sources, scores, reasons) and the exact signals of every
 * listed pair, serialised canonically and hashed, for the labelled fixture and seeded synthetic corpora. A
 * refactor of the engine must leave these hashes as they are; a deliberate change to the ranking updates them
 * (print the new ones with RELATED_PRINT_HASHES=1) and says why in its commit.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { buildRelatedIndex, type ArticleSummary, type RelatedOptionsInput } from "../../../lib/related/index.ts";
import { generateCorpusItems } from "../../../scripts/generate-corpus.ts";
import { labelledFixture } from "./helpers.ts";

/** A synthetic corpus with editors' choices added: every 7th item curates two others, every 5th excludes one. */
function withCuration(items: readonly ArticleSummary[]): ArticleSummary[] {
  return items.map((it, i) => {
    const copy: ArticleSummary = { ...it };
    if (i % 7 === 0) copy.related = [items[(i + 13) % items.length]!.slug, "not-an-item", items[(i + 101) % items.length]!.slug];
    if (i % 5 === 0) copy.relatedExclude = [items[(i + 1) % items.length]!.slug, items[(i + 13) % items.length]!.slug];
    return copy;
  });
}

interface HashCase {
  name: string;
  items: () => ArticleSummary[];
  options?: RelatedOptionsInput;
  sha256: string;
}

const cases: HashCase[] = [
  { name: "labelled fixture, default options", items: () => labelledFixture().items, sha256: "867191193e1032ad816982b769cdeff7b4195b4e5665578b15e686bcba066c8b" },
  {
    name: "synthetic corpus (400 items, seed 1), default options",
    items: () => generateCorpusItems({ n: 400, seed: 1 }).items,
    sha256: "51021259d034b7310bd541821d2d60b6cd50b164919296aedd374496bf38d7d4",
  },
  {
    // Short posting lists (the strongest-first split), a small pool, a low duplicate threshold, curation.
    name: "synthetic corpus (400 items, seed 2) with curation, tight limits",
    items: () => withCuration(generateCorpusItems({ n: 400, seed: 2 }).items),
    options: { k: 8, poolSize: 12, queryTerms: 6, postingsPerTerm: 30, duplicateSimilarity: 0.3, itemTerms: 20 },
    sha256: "5bb81c03ad9817b59f1537cc3d099f5c53db9abf8d2323d0462d8b5a1417b88c",
  },
  {
    // No text at all: tags, authors, type and time, then the fills.
    name: "labelled fixture, no text, no diversity",
    items: () => labelledFixture().items,
    options: { weights: { text: 0 }, diversity: 1, minScore: 0.5 },
    sha256: "c110e6fef91c95d4af39fd17d4b596fbae49462a21dc601bc0c5d75f102d8532",
  },
];

/** One line per item (by slug), then one per listed pair with its exact signals. Numbers via String(). */
function serialise(items: readonly ArticleSummary[], options: RelatedOptionsInput | undefined): string {
  const slugsOnly = buildRelatedIndex(items, options);
  const index = buildRelatedIndex(items, options);
  const lines: string[] = [JSON.stringify(index.stats)];
  for (const slug of items.map((it) => it.slug).sort()) {
    // slugs() on a fresh index takes the path without details; it must give the same list as get().
    const quick = slugsOnly.slugs(slug);
    const list = index.get(slug);
    assert.deepEqual(
      quick,
      list.map((e) => e.slug),
      `slugs(${slug}) differs from get(${slug})`,
    );
    lines.push(`${slug}\t${list.map((e) => `${e.slug} ${e.source} ${String(e.score)} ${e.reasons.join("; ")}`).join("\t")}`);
    for (const e of list) {
      const s = index.explain(slug, e.slug)!;
      lines.push(`  ${slug} ~ ${e.slug}: ${[s.tags, s.text, s.authors, s.type, s.recency, s.score].map(String).join(" ")}`);
    }
  }
  return lines.join("\n");
}

for (const { name, items, options, sha256 } of cases) {
  test(`related lists unchanged: ${name}`, () => {
    const hash = createHash("sha256").update(serialise(items(), options)).digest("hex");
    if (process.env.RELATED_PRINT_HASHES) console.log(`${name}: ${hash}`);
    assert.equal(hash, sha256);
  });
}
