import { test } from "node:test";
import assert from "node:assert/strict";
import {
  buildRelatedIndex,
  DEFAULT_RELATED_OPTIONS,
  resolveRelatedOptions,
  topThreshold,
  type ArticleSummary,
  type RelatedEntry,
  type RelatedOptionsInput,
} from "../../../lib/related/engine.ts";
import { analyse } from "../../../lib/related/text.ts";
import { generateCorpusItems } from "../../../scripts/generate-corpus.ts";
import { item, labelledFixture, shuffled } from "./helpers.ts";

const slugs = (entries: RelatedEntry[]): string[] => entries.map((e) => e.slug);

// -- Never itself; always a full list ------------------------------------------------------------------------

const distinct = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].map((s, i) => item(s, { daysAgo: i }));
const fullListCases: Array<{ name: string; items: ArticleSummary[]; options?: RelatedOptionsInput; expected: (slug: string) => number }> = [
  { name: "nothing shared: k newest others", items: distinct, expected: () => 5 },
  { name: "fewer others than k: all of them", items: distinct.slice(0, 3), expected: () => 2 },
  { name: "a single item: nothing", items: distinct.slice(0, 1), expected: () => 0 },
  { name: "k = 0: nothing", items: distinct, options: { k: 0 }, expected: () => 0 },
  { name: "k = 3", items: distinct, options: { k: 3 }, expected: () => 3 },
  {
    name: "all share one tag",
    items: distinct.map((d) => ({ ...d, tagSlugs: ["cyber-security"], tagLabels: ["Cyber security"] })),
    expected: () => 5,
  },
  {
    name: "exclusions leave fewer others",
    items: [{ ...distinct[0]!, relatedExclude: ["bravo", "charlie"] }, ...distinct.slice(1)],
    expected: (slug) => (slug === "alpha" ? 3 : 5),
  },
  { name: "labelled fixture", items: labelledFixture().items, expected: () => 5 },
];

for (const { name, items, options, expected } of fullListCases) {
  test(`full list, never itself: ${name}`, () => {
    const index = buildRelatedIndex(items, options);
    for (const { slug } of items) {
      const list = slugs(index.get(slug));
      assert.equal(list.length, expected(slug), slug);
      assert.ok(!list.includes(slug), `${slug} lists itself`);
      assert.equal(new Set(list).size, list.length, `${slug} lists an item twice`);
    }
  });
}

test("full list: when nothing is shared, the newest items fill it, with reason", () => {
  const index = buildRelatedIndex(distinct);
  assert.deepEqual(index.get("foxtrot"), [
    { slug: "alpha", score: index.get("foxtrot")[0]!.score, reasons: ["newest item", "same type: news", "published within 7 days"], source: "fill-newest" },
    ...index.get("foxtrot").slice(1),
  ]);
  assert.deepEqual(slugs(index.get("foxtrot")), ["alpha", "bravo", "charlie", "delta", "echo"]);
  assert.deepEqual(slugs(index.get("alpha")), ["bravo", "charlie", "delta", "echo", "foxtrot"]);
  assert.ok(index.get("alpha").every((e) => e.source === "fill-newest"));
});

// -- Curated and excluded ------------------------------------------------------------------------------------------

const cyber = (slug: string, daysAgo: number, extra: Partial<ArticleSummary> = {}): ArticleSummary =>
  item(slug, {
    title: `Council ransomware attack ${slug.replace(/-/g, " ")}`,
    body: "Attackers encrypted council servers; the security team restored backups after the ransomware attack.",
    tags: ["Cyber security"],
    daysAgo,
    ...extra,
  });
const curatedBase = [
  cyber("kent", 1),
  cyber("devon", 2),
  cyber("essex", 3),
  cyber("surrey", 4),
  cyber("norfolk", 5),
  item("parking-app", { title: "Council parking permit app", daysAgo: 6 }),
  item("school-meals", { title: "School meals payments move online", daysAgo: 7 }),
];

const curationCases: Array<{ name: string; related?: string[]; exclude?: string[]; k?: number; check: (entries: RelatedEntry[]) => void }> = [
  {
    name: "curated first, in the editor's order, even when unrelated",
    related: ["school-meals", "parking-app"],
    check: (entries) => {
      assert.deepEqual(slugs(entries).slice(0, 2), ["school-meals", "parking-app"]);
      assert.deepEqual(
        entries.slice(0, 2).map((e) => e.source),
        ["curated", "curated"],
      );
      assert.equal(entries[0]!.reasons[0], "chosen by the editor");
      assert.deepEqual(
        entries.slice(2).map((e) => e.source),
        ["scored", "scored", "scored"],
      );
    },
  },
  {
    name: "unknown curated slugs are ignored",
    related: ["no-such-item", "parking-app", "another-missing"],
    check: (entries) => {
      assert.equal(entries[0]!.slug, "parking-app");
      assert.equal(entries.filter((e) => e.source === "curated").length, 1);
      assert.equal(entries.length, 5);
    },
  },
  {
    name: "curating the item itself or the same slug twice counts once",
    related: ["kent", "parking-app", "parking-app"],
    check: (entries) => {
      assert.deepEqual(
        entries.filter((e) => e.source === "curated").map((e) => e.slug),
        ["parking-app"],
      );
      assert.ok(!slugs(entries).includes("kent"));
    },
  },
  {
    name: "more curated than k: the first k",
    related: ["school-meals", "parking-app", "norfolk", "surrey"],
    k: 3,
    check: (entries) => assert.deepEqual(slugs(entries), ["school-meals", "parking-app", "norfolk"]),
  },
  {
    name: "excluded never appears, even as a fill",
    exclude: ["devon", "essex", "parking-app", "school-meals"],
    check: (entries) => assert.deepEqual(slugs(entries).sort(), ["norfolk", "surrey"]),
  },
  {
    name: "excluded wins over curated",
    related: ["devon", "parking-app"],
    exclude: ["devon"],
    check: (entries) => {
      assert.ok(!slugs(entries).includes("devon"));
      assert.equal(entries[0]!.slug, "parking-app");
    },
  },
  {
    name: "unknown excluded slugs are ignored",
    exclude: ["no-such-item"],
    check: (entries) => assert.equal(entries.length, 5),
  },
];

for (const { name, related, exclude, k, check } of curationCases) {
  test(`curation: ${name}`, () => {
    const items = curatedBase.map((i) => (i.slug === "kent" ? { ...i, related, relatedExclude: exclude } : i));
    check(buildRelatedIndex(items, k === undefined ? {} : { k }).get("kent"));
  });
}

test("curation: an exclusion applies to that item only", () => {
  const items = curatedBase.map((i) => (i.slug === "kent" ? { ...i, relatedExclude: ["devon"] } : i));
  const index = buildRelatedIndex(items);
  assert.ok(!slugs(index.get("kent")).includes("devon"));
  assert.ok(slugs(index.get("essex")).includes("devon"));
});

// -- Fills ----------------------------------------------------------------------------------------------------------

test("fill: newest sharing the rarest tag, then the next rarest, then the newest items", () => {
  const items = [
    item("query", { tags: ["Common", "Rare"], daysAgo: 100 }),
    item("rare-old", { tags: ["Rare"], daysAgo: 900 }),
    item("common-a", { tags: ["Common"], daysAgo: 10 }),
    item("common-b", { tags: ["Common"], daysAgo: 20 }),
    item("common-c", { tags: ["Common", "Other"], daysAgo: 30 }),
    item("newest", { daysAgo: 0 }),
    item("second-newest", { daysAgo: 1 }),
  ];
  // minScore 1: no pair scores that high, so the whole list comes from the fills.
  const entries = buildRelatedIndex(items, { minScore: 1 }).get("query");
  assert.deepEqual(
    entries.map((e) => [e.slug, e.source, e.reasons[0]]),
    [
      ["rare-old", "fill-tag", "newest sharing tag Rare"],
      ["common-a", "fill-tag", "newest sharing tag Common"],
      ["common-b", "fill-tag", "newest sharing tag Common"],
      ["common-c", "fill-tag", "newest sharing tag Common"],
      ["newest", "fill-newest", "newest item"],
    ],
  );
});

test("fill: scored items first, then fills after them", () => {
  // Kent's four fellow ransomware stories score far above 0.5; the parking app shares only "council".
  const items = [...curatedBase, item("newest", { daysAgo: 0 })];
  const entries = buildRelatedIndex(items, { minScore: 0.5 }).get("kent");
  assert.deepEqual(
    entries.map((e) => e.source),
    ["scored", "scored", "scored", "scored", "fill-newest"],
  );
  assert.equal(entries[4]!.slug, "newest");
});

// -- Diversity --------------------------------------------------------------------------------------------------------

const release = (place: string, daysAgo: number) =>
  item(`press-release-${place}`, {
    title: `${place} council adopts ransomware recovery toolkit`,
    body: `Press release: ${place} council adopts the shared ransomware recovery toolkit. The toolkit helps security teams restore encrypted servers from tested backups within days. Councillors welcomed the toolkit.`,
    type: "press release",
    tags: ["Cyber security"],
    daysAgo,
  });
const releases = ["kent", "devon", "essex", "surrey", "norfolk"].map((p, i) => release(p, i));
const onTopic = [
  item("backups-tested", {
    title: "Councils test backups after ransomware attacks",
    body: "Councils across the region rehearsed restoring their systems from offline backups after a spate of ransomware incidents.",
    daysAgo: 10,
    tags: ["Cyber security"],
  }),
  item("ncsc-warning", {
    title: "NCSC warns councils about ransomware gangs",
    body: "The National Cyber Security Centre told local authorities that criminal gangs are targeting unpatched servers with ransomware.",
    daysAgo: 20,
  }),
  item("recovery-costs", {
    title: "Ransomware recovery costs council millions",
    body: "Rebuilding the network after last year's ransomware attack cost the council two million pounds, auditors found.",
    daysAgo: 30,
  }),
  item("phishing-led-to-attack", {
    title: "Phishing email led to council ransomware attack",
    body: "An investigation found a phishing email gave attackers access weeks before the ransomware was launched.",
    daysAgo: 40,
  }),
  item("parking-app", { title: "Council launches parking permit app", body: "Residents can buy parking permits on their phones.", daysAgo: 5 }),
];
const duplicates = new Set(releases.map((r) => r.slug));

// With λ = 0.5 and τ = 0.7 (the defaults), once one release is listed every other release repeats it (text
// similarity ≈ 1, redundancy ≈ 1), so its MMR value falls to about 0.5 × 1 − 0.5 × 1 ≈ 0, below any other
// candidate with any relevance. So: exactly one of the near-identical releases, whichever item we start from.
const diversityCases: Array<{ name: string; from: string; options?: RelatedOptionsInput; duplicatesListed: number }> = [
  { name: "from a release: one other release, then other items", from: "press-release-kent", duplicatesListed: 1 },
  { name: "from an item on the same subject: one release", from: "backups-tested", duplicatesListed: 1 },
  { name: "without diversity (λ = 1) the releases fill the list", from: "press-release-kent", options: { diversity: 1 }, duplicatesListed: 4 },
];

for (const { name, from, options, duplicatesListed } of diversityCases) {
  test(`diversity: ${name}`, () => {
    const list = slugs(buildRelatedIndex([...releases, ...onTopic], options).get(from));
    assert.equal(list.length, 5);
    assert.equal(list.filter((s) => duplicates.has(s)).length, duplicatesListed, list.join(", "));
  });
}

test("diversity: the best items on the subject that are not copies stay (similarity to each other below τ)", () => {
  const index = buildRelatedIndex([...releases, ...onTopic]);
  const list = slugs(index.get("press-release-kent"));
  for (const slug of ["backups-tested", "ncsc-warning", "recovery-costs"]) assert.ok(list.includes(slug), `${slug} in ${list.join(", ")}`);
  assert.ok(index.explain("backups-tested", "ncsc-warning")!.text < DEFAULT_RELATED_OPTIONS.duplicateSimilarity);
});

// -- Determinism and ties -------------------------------------------------------------------------------------------

test("deterministic: shuffled input gives identical output", () => {
  const { items } = labelledFixture();
  const all = (list: ArticleSummary[]) => {
    const index = buildRelatedIndex(list);
    return Object.fromEntries(
      [...items]
        .map((i) => i.slug)
        .sort()
        .map((slug) => [slug, index.get(slug)]),
    );
  };
  const expected = all(items);
  for (const seed of [1, 2, 3]) assert.deepEqual(all(shuffled(items, seed)), expected, `seed ${seed}`);
  assert.deepEqual(all(items), expected, "a second run");
});

test("ties: equal scores are ordered newest first, then by slug", () => {
  const same = { title: "Council ransomware recovery", body: "Attackers encrypted council servers and backups were restored.", tags: ["Cyber security"] };
  const items = [
    item("query", { ...same, daysAgo: 0 }),
    item("oldest", { ...same, daysAgo: 10 }),
    item("newest", { ...same, daysAgo: 5 }),
    item("b-same-day", { ...same, daysAgo: 7 }),
    item("a-same-day", { ...same, daysAgo: 7 }),
  ];
  // No recency signal and no diversity, so all four candidates score exactly the same.
  const entries = buildRelatedIndex(shuffled(items, 9), { weights: { recency: 0 }, diversity: 1 }).get("query");
  assert.equal(new Set(entries.map((e) => e.score)).size, 1);
  assert.deepEqual(slugs(entries), ["newest", "a-same-day", "b-same-day", "oldest"]);
});

test("scores are symmetric: a→b equals b→a", () => {
  const { items } = labelledFixture();
  const index = buildRelatedIndex(items);
  let pairs = 0;
  for (const a of items) {
    for (const entry of index.get(a.slug)) {
      const back = index.get(entry.slug).find((e) => e.slug === a.slug);
      if (back) {
        assert.equal(back.score, entry.score, `${a.slug} ↔ ${entry.slug}`);
        pairs++;
      }
      assert.equal(index.explain(a.slug, entry.slug)!.score, index.explain(entry.slug, a.slug)!.score);
    }
  }
  assert.ok(pairs > 20);
});

test("newer items may be related to older ones and the other way round", () => {
  const items = [cyber("old", 2000), cyber("new", 0), item("unrelated", { daysAgo: 1 })];
  const index = buildRelatedIndex(items);
  assert.equal(index.get("old")[0]!.slug, "new");
  assert.equal(index.get("new")[0]!.slug, "old");
});

// -- Signals --------------------------------------------------------------------------------------------------------

test("reasons: tags (rarest first), words, author, type and time; only signals with weight", () => {
  const items = [
    item("query", {
      title: "Patient records move to the NHS App",
      body: "Clinicians can now share patient records with hospital trusts.",
      tags: ["Digital", "NHS App", "Patient records"],
      authorIds: ["jo-bloggs"],
      type: "analysis",
      daysAgo: 0,
    }),
    item("match", {
      title: "Clinicians see patient records in the NHS App",
      body: "Hospital trusts share records with clinicians.",
      tags: ["Patient records", "Digital"],
      authorIds: ["jo-bloggs", "sam-smith"],
      type: "analysis",
      daysAgo: 12,
    }),
    item("other", { title: "Council parking permits", tags: ["Digital"], daysAgo: 400 }),
    item("another", { title: "School admissions online", tags: ["Digital"], daysAgo: 500 }),
  ];
  const entry = buildRelatedIndex(items).get("query")[0]!;
  assert.equal(entry.slug, "match");
  assert.equal(entry.source, "scored");
  assert.equal(entry.reasons[0], "shared tags: Patient records, Digital");
  assert.match(entry.reasons[1]!, /^similar words: (\w+, ){2}\w+$/);
  assert.ok(entry.reasons[1]!.includes("records") || entry.reasons[1]!.includes("clinicians"), entry.reasons[1]);
  assert.deepEqual(entry.reasons.slice(2), ["same author", "same type: analysis", "published within 30 days"]);

  const noType = buildRelatedIndex(items, { weights: { type: 0, recency: 0 } }).get("query")[0]!;
  assert.ok(!noType.reasons.some((r) => r.startsWith("same type") || r.startsWith("published")), noType.reasons.join("; "));
});

const timeCases: Array<{ days: number; reason: string | undefined }> = [
  { days: 0.5, reason: "published within a day" },
  { days: 6, reason: "published within 7 days" },
  { days: 29, reason: "published within 30 days" },
  { days: 200, reason: "published within a year" },
  { days: 800, reason: undefined },
];
for (const { days, reason } of timeCases) {
  test(`reasons: ${days} days apart → ${reason ?? "no time reason"}`, () => {
    const items = [cyber("a", 0), cyber("b", days)];
    const reasons = buildRelatedIndex(items).get("a")[0]!.reasons;
    assert.equal(
      reasons.find((r) => r.startsWith("published")),
      reason,
    );
  });
}

test("tags: a rare shared tag outranks a common shared tag (IDF)", () => {
  const items = [
    item("query", { tags: ["Common", "Rare"], daysAgo: 0 }),
    item("harbour", { tags: ["Rare"], daysAgo: 20 }),
    item("meadow", { tags: ["Common"], daysAgo: 10 }),
    ...["c1", "c2", "c3", "c4"].map((s, i) => item(s, { tags: ["Common"], daysAgo: 30 + i })),
  ];
  const index = buildRelatedIndex(items);
  const list = slugs(index.get("query"));
  // harbour shares the rare tag only, meadow the common one only (and is newer): rarity wins.
  assert.deepEqual(list.slice(0, 2), ["harbour", "meadow"]);
  assert.ok(index.explain("query", "harbour")!.tags > index.explain("query", "meadow")!.tags);
});

test("tags: empty strings, repeats and spellings that differ by case or control characters are one tag", () => {
  const items = [
    { ...item("a", { daysAgo: 0 }), tagSlugs: ["", "nhs-app", "NHS App", "nhs\u0007app", "  "], tagLabels: ["", "NHS App", "NHS App", "NHS\u0007App", ""] },
    { ...item("b", { daysAgo: 1 }), tagSlugs: ["nhs-app", "nhs-app"], tagLabels: ["NHS App", "NHS App"] },
    item("c", { daysAgo: 2 }),
  ];
  const entry = buildRelatedIndex(items).get("a")[0]!;
  assert.equal(entry.slug, "b");
  assert.equal(entry.reasons[0], "shared tag: NHS App");
  assert.equal(buildRelatedIndex(items).explain("a", "b")!.tags, buildRelatedIndex(items).explain("b", "a")!.tags);
});

test("text: finds an untagged item on the same subject over items that share only a broad tag", () => {
  const items = [
    item("query", {
      title: "Council ransomware recovery",
      body: "Attackers encrypted the council's servers and the security team restored backups.",
      tags: ["Digital"],
      daysAgo: 0,
    }),
    item("untagged-same-subject", {
      title: "Ransomware: how councils restore backups",
      body: "Security teams restored encrypted servers from backups after the attackers struck.",
      daysAgo: 50,
    }),
    item("digital-parking", { title: "Parking permits go online", body: "Residents buy permits on the council website.", tags: ["Digital"], daysAgo: 1 }),
    item("digital-schools", { title: "School admissions portal", body: "Parents apply for school places online.", tags: ["Digital"], daysAgo: 2 }),
    item("digital-libraries", { title: "Library e-books", body: "Readers borrow e-books from the council library.", tags: ["Digital"], daysAgo: 3 }),
  ];
  const entries = buildRelatedIndex(items).get("query");
  assert.equal(entries[0]!.slug, "untagged-same-subject");
  assert.equal(entries[0]!.source, "scored");
  assert.match(entries[0]!.reasons[0]!, /^similar words: .*(ransomware|backups|servers|restored)/);
});

// Each candidate is ahead on one signal only; every candidate shares the word "council" with the query so it
// is found. Setting a weight to 0 must move the candidate that signal favours down the list.
const signalItems = [
  item("query", {
    title: "Ransomware recovery plan",
    description: "Backups tested by councils",
    body: "The council security team restored servers.",
    tags: ["Cyber security"],
    authorIds: ["ann-other"],
    type: "analysis",
    daysAgo: 0,
  }),
  item("by-tag", { title: "Ledger", body: "council", tags: ["Cyber security"], daysAgo: 3000 }),
  item("by-title", { title: "Ransomware recovery", body: "council", daysAgo: 3001 }),
  item("by-description", { title: "Tuesday", description: "Backups tested", body: "council", daysAgo: 3002 }),
  item("by-body", { title: "Wednesday", body: "The council security team restored servers.", daysAgo: 3003 }),
  item("by-author", { title: "Thursday", body: "council", authorIds: ["ann-other"], daysAgo: 3004 }),
  item("by-type", { title: "Friday", body: "council", type: "analysis", daysAgo: 3010 }),
  item("by-recency", { title: "Saturday", body: "council", daysAgo: 1 }),
  item("filler-1", { title: "Sunday", body: "council", daysAgo: 3006 }),
  item("filler-2", { title: "Monday", body: "council", daysAgo: 3007 }),
];
const weightCases: Array<{ name: string; zero: RelatedOptionsInput; favoured: string }> = [
  { name: "weights.tags", zero: { weights: { tags: 0 } }, favoured: "by-tag" },
  { name: "weights.text", zero: { weights: { text: 0 } }, favoured: "by-body" },
  { name: "weights.authors", zero: { weights: { authors: 0 } }, favoured: "by-author" },
  { name: "weights.type", zero: { weights: { type: 0 } }, favoured: "by-type" },
  { name: "weights.recency", zero: { weights: { recency: 0 } }, favoured: "by-recency" },
  { name: "fieldWeights.title", zero: { fieldWeights: { title: 0 } }, favoured: "by-title" },
  { name: "fieldWeights.description", zero: { fieldWeights: { description: 0 } }, favoured: "by-description" },
  { name: "fieldWeights.body", zero: { fieldWeights: { body: 0 } }, favoured: "by-body" },
];

for (const { name, zero, favoured } of weightCases) {
  test(`options: ${name} = 0 changes the ranking (${favoured} moves down)`, () => {
    const base: RelatedOptionsInput = { k: 9, minScore: 0, diversity: 1 };
    const before = slugs(buildRelatedIndex(signalItems, base).get("query"));
    const after = slugs(buildRelatedIndex(signalItems, { ...base, ...zero, weights: { ...zero.weights } }).get("query"));
    assert.notDeepEqual(after, before);
    assert.ok(after.indexOf(favoured) > before.indexOf(favoured), `before: ${before.join(", ")}\nafter: ${after.join(", ")}`);
  });
}

test("options: minScore sends weak matches to the fills", () => {
  const strict = buildRelatedIndex(signalItems, { minScore: 0.3 }).get("query");
  const loose = buildRelatedIndex(signalItems, { minScore: 0 }).get("query");
  assert.ok(strict.filter((e) => e.source === "scored").length < loose.filter((e) => e.source === "scored").length);
});

test("options: recencyHalfLifeDays changes the time signal", () => {
  const short = buildRelatedIndex(signalItems, { recencyHalfLifeDays: 1 }).explain("query", "by-recency")!.recency;
  const long = buildRelatedIndex(signalItems, { recencyHalfLifeDays: 365 }).explain("query", "by-recency")!.recency;
  assert.ok(Math.abs(short - 0.5) < 1e-9, String(short));
  assert.ok(long > 0.99, String(long));
});

// -- Options validation ------------------------------------------------------------------------------------------------

const badOptions: Array<{ name: string; options: unknown; message: RegExp }> = [
  { name: "negative k", options: { k: -1 }, message: /option "k" must be a whole number from 0 to 100, e\.g\. 5, not -1/ },
  { name: "fractional k", options: { k: 2.5 }, message: /"k" must be a whole number/ },
  { name: "k as text", options: { k: "5" }, message: /"k" must be a whole number from 0 to 100, e\.g\. 5, not "5"/ },
  { name: "negative weight", options: { weights: { tags: -1 } }, message: /"weights\.tags" must be a number at least 0, e\.g\. 0\.3, not -1/ },
  { name: "NaN weight", options: { weights: { text: Number.NaN } }, message: /"weights\.text" must be a number at least 0.*not NaN/ },
  { name: "infinite weight", options: { weights: { text: Infinity } }, message: /"weights\.text" must be a number/ },
  { name: "misspelt weight", options: { weights: { tagz: 1 } }, message: /"weights\.tagz" is not known: did you mean "weights\.tags"\?/ },
  { name: "misspelt option", options: { wieghts: {} }, message: /"wieghts" is not known: did you mean "weights"\?/ },
  { name: "unknown option", options: { colour: "red" }, message: /"colour" is not known: use one of k, weights/ },
  {
    name: "all weights 0",
    options: { weights: { tags: 0, text: 0, authors: 0, type: 0, recency: 0 } },
    message: /"weights" must give at least one of tags, text, authors, type, recency a weight above 0/,
  },
  { name: "all field weights 0", options: { fieldWeights: { title: 0, description: 0, body: 0 } }, message: /"fieldWeights" must give at least one/ },
  { name: "weights not an object", options: { weights: [1, 2] }, message: /"weights" must be an object like \{ tags: 0\.3/ },
  { name: "diversity above 1", options: { diversity: 1.5 }, message: /"diversity" must be a number from 0 to 1/ },
  { name: "minScore below 0", options: { minScore: -0.1 }, message: /"minScore" must be a number from 0 to 1/ },
  { name: "half-life 0", options: { recencyHalfLifeDays: 0 }, message: /"recencyHalfLifeDays" must be a number above 0/ },
  { name: "maxDfFraction 0", options: { maxDfFraction: 0 }, message: /"maxDfFraction" must be a number from 0 \(exclusive\) to 1/ },
  { name: "duplicateSimilarity 1", options: { duplicateSimilarity: 1 }, message: /"duplicateSimilarity" must be a number from 0 to 0\.99/ },
  { name: "queryTerms 0", options: { queryTerms: 0 }, message: /"queryTerms" must be a whole number from 1/ },
  { name: "options not an object", options: "fast", message: /Related articles options must be an object, not "fast"/ },
];

for (const { name, options, message } of badOptions) {
  test(`resolveRelatedOptions rejects ${name}`, () => {
    assert.throws(() => resolveRelatedOptions(options as RelatedOptionsInput), { message });
    assert.throws(() => buildRelatedIndex([], options as RelatedOptionsInput), { message });
  });
}

test("resolveRelatedOptions: defaults, and single weights override only themselves", () => {
  assert.deepEqual(resolveRelatedOptions(), DEFAULT_RELATED_OPTIONS);
  const resolved = resolveRelatedOptions({ k: 8, weights: { tags: 1 } });
  assert.equal(resolved.k, 8);
  assert.deepEqual(resolved.weights, { ...DEFAULT_RELATED_OPTIONS.weights, tags: 1 });
  assert.deepEqual(resolved.fieldWeights, DEFAULT_RELATED_OPTIONS.fieldWeights);
  resolved.weights.text = 99;
  assert.notEqual(DEFAULT_RELATED_OPTIONS.weights.text, 99);
});

// -- Input checks and the index -----------------------------------------------------------------------------------------

test("buildRelatedIndex: a slug given twice is an error", () => {
  assert.throws(() => buildRelatedIndex([item("a"), item("b"), item("a")]), { message: /the slug "a" is given twice/ });
});

test("buildRelatedIndex: an item without a valid date is an error", () => {
  assert.throws(() => buildRelatedIndex([{ ...item("a"), dateMs: Number.NaN }]), { message: /"a" has no valid dateMs/ });
});

test("index: unknown slugs give an empty list; results are memoised and frozen", () => {
  const index = buildRelatedIndex(curatedBase);
  assert.deepEqual(index.get("no-such-item"), []);
  assert.equal(index.has("kent"), true);
  assert.equal(index.has("no-such-item"), false);
  assert.equal(index.size, curatedBase.length);
  assert.equal(index.get("kent"), index.get("kent"));
  assert.ok(Object.isFrozen(index.get("kent")) && Object.isFrozen(index.get("kent")[0]));
});

test("index: items without text still work (empty title, description and body)", () => {
  const items = [item("a", { title: "", tags: ["X"] }), item("b", { title: "", tags: ["X"], daysAgo: 1 }), item("c", { title: "", daysAgo: 2 })];
  const index = buildRelatedIndex(items);
  assert.deepEqual(slugs(index.get("a")), ["b", "c"]);
  assert.equal(index.get("a")[0]!.source, "scored");
});

test("index: values of the wrong kind in lists are skipped, labels stay with their tags", () => {
  const odd = { ...item("a"), tagSlugs: [42, "nhs-app"] as unknown as string[], tagLabels: ["Forty-two", "NHS App"], authorIds: [null, "jo"] as unknown as string[] };
  const index = buildRelatedIndex([odd, item("b", { tags: ["NHS App"], authorIds: ["jo"], daysAgo: 1 })]);
  assert.deepEqual(index.get("a")[0]!.reasons.slice(0, 1), ["shared tag: NHS App"]);
  assert.ok(index.get("a")[0]!.reasons.includes("same author"));
});

// slugs() skips scores and reasons; it must list exactly what get() lists, computed fresh or from get()'s memo.
const slugsCases: Array<{ name: string; items: ArticleSummary[]; options?: RelatedOptionsInput }> = [
  ...fullListCases.map(({ name, items, options }) => ({ name, items, options })),
  {
    name: "curated and excluded items",
    items: [{ ...curatedBase[0]!, related: ["school-meals", "parking-app"], relatedExclude: ["devon"] }, ...curatedBase.slice(1)],
  },
  { name: "labelled fixture without diversity", items: labelledFixture().items, options: { diversity: 1 } },
  { name: "labelled fixture, text only", items: labelledFixture().items, options: { weights: { tags: 0, authors: 0, type: 0, recency: 0 } } },
  { name: "labelled fixture, a high minScore (fills)", items: labelledFixture().items, options: { minScore: 0.5 } },
];
for (const { name, items, options } of slugsCases) {
  test(`index.slugs equals the slugs of index.get: ${name}`, () => {
    const fresh = buildRelatedIndex(items, options);
    const full = buildRelatedIndex(items, options);
    for (const { slug } of items) {
      const expected = slugs(full.get(slug));
      assert.deepEqual(fresh.slugs(slug), expected, `${slug}, computed`);
      assert.deepEqual(full.slugs(slug), expected, `${slug}, from get()`);
    }
    assert.deepEqual(fresh.slugs("no-such-item"), []);
  });
}

test("index: no items at all", () => {
  const index = buildRelatedIndex([]);
  assert.equal(index.size, 0);
  assert.deepEqual(index.get("anything"), []);
});

test("index: dates centuries apart still give a time signal", () => {
  const items = [cyber("now", 0), cyber("ancient", 365 * 900), cyber("recent", 10)];
  const index = buildRelatedIndex(items);
  assert.ok(index.explain("now", "ancient")!.recency < 1e-9);
  assert.ok(index.explain("now", "recent")!.recency > 0.97);
  assert.deepEqual(slugs(index.get("now")), ["recent", "ancient"]);
});

// topThreshold selects in linear time; it must agree with the definition by sorting, duplicates and all.
function topThresholdBySort(values: Float64Array, start: number, end: number, k: number): { threshold: number; atThreshold: number } {
  const count = end - start;
  if (count <= k) return { threshold: -Infinity, atThreshold: count };
  const sorted = Float64Array.from(values.subarray(start, end)).sort();
  const threshold = sorted[count - k]!;
  let above = 0;
  for (let i = count - k + 1; i < count; i++) if (sorted[i]! > threshold) above++;
  return { threshold, atThreshold: k - above };
}
{
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const cases: Array<{ name: string; values: number[]; start?: number; end?: number; k: number }> = [
    { name: "fewer values than k", values: [3, 1, 2], k: 5 },
    { name: "exactly k values", values: [3, 1, 2], k: 3 },
    { name: "distinct values", values: [5, 9, 1, 7, 3, 8, 2], k: 3 },
    { name: "ties at the threshold", values: [4, 4, 4, 9, 1, 4, 4], k: 3 },
    { name: "all equal", values: Array(20).fill(0.25), k: 7 },
    { name: "sorted ascending", values: Array.from({ length: 50 }, (_, i) => i), k: 12 },
    { name: "sorted descending", values: Array.from({ length: 50 }, (_, i) => 50 - i), k: 12 },
    { name: "a sub-range", values: [100, 100, 3, 1, 2, 5, 4, 100], start: 2, end: 7, k: 2 },
    { name: "k = 1", values: [0.5, 0.9, 0.1, 0.9], k: 1 },
  ];
  for (let r = 0; r < 40; r++) {
    const length = 1 + Math.floor(random() * 400);
    // Few distinct values in some rounds, so ties are common.
    const levels = r % 2 ? 5 : 1000;
    cases.push({ name: `random ${r} (${length} values)`, values: Array.from({ length }, () => Math.floor(random() * levels) / levels), k: 1 + Math.floor(random() * 80) });
  }
  for (const { name, values, start = 0, end = values.length, k } of cases) {
    test(`topThreshold equals selection by sorting: ${name}`, () => {
      const array = Float64Array.from(values);
      assert.deepEqual(topThreshold(array, start, end, k), topThresholdBySort(array, start, end, k));
      assert.deepEqual([...array], values, "the input is left as it was");
    });
  }
}

// -- Text vectors against a plain reference ----------------------------------------------------------------------
// The engine's index is built for speed (a hashing tokenizer, term lists put in order through a bitmap or a sort,
// vectors and postings written over the raw lists, or into fresh arrays when they would overtake them). This
// rebuilds the TF-IDF vectors the simple way, from analyse(), and checks every text similarity against them.

function referenceTextSimilarity(items: readonly ArticleSummary[], options: RelatedOptionsInput = {}): (a: string, b: string) => number {
  const opts = resolveRelatedOptions(options);
  const sorted = [...items].sort((x, y) => y.dateMs - x.dateMs || (x.slug < y.slug ? -1 : 1));
  const ids = new Map<string, number>();
  const counts = sorted.map((it) => {
    const tf = new Map<number, number>();
    for (const field of ["title", "description", "body"] as const) {
      const weight = opts.fieldWeights[field];
      if (weight === 0) continue;
      for (const stem of analyse(it[field])) {
        if (!ids.has(stem)) ids.set(stem, ids.size);
        const id = ids.get(stem)!;
        tf.set(id, (tf.get(id) ?? 0) + weight);
      }
    }
    return tf;
  });
  const n = sorted.length;
  const df = new Map<number, number>();
  for (const tf of counts) for (const id of tf.keys()) df.set(id, (df.get(id) ?? 0) + 1);
  const cap = Math.max(Math.floor(opts.maxDfFraction * n), 10);
  const vectors = new Map<string, Map<number, number>>();
  sorted.forEach((it, i) => {
    const weighted = [...counts[i]!]
      .filter(([id]) => df.get(id)! >= 2 && df.get(id)! <= cap)
      .sort(([x], [y]) => x - y)
      .map(([id, tf]) => [id, Math.log1p(Math.fround(tf)) * Math.log(1 + n / df.get(id)!)] as const);
    // The itemTerms strongest; on equal weights the lower id.
    const keep = new Set(
      [...weighted]
        .sort(([x, a], [y, b]) => b - a || x - y)
        .slice(0, opts.itemTerms)
        .map(([id]) => id),
    );
    const kept = weighted.filter(([id]) => keep.has(id));
    const norm = Math.sqrt(kept.reduce((sum, [, w]) => sum + w * w, 0));
    vectors.set(it.slug, new Map(kept.map(([id, w]) => [id, norm > 0 ? w / norm : w])));
  });
  return (a, b) => {
    const va = vectors.get(a)!;
    const vb = vectors.get(b)!;
    let sum = 0;
    for (const [id, w] of [...va].sort(([x], [y]) => x - y)) if (vb.has(id)) sum += w * vb.get(id)!;
    return sum;
  };
}

/** Words that are not English and not stop words: w + a base-26 number spelt in letters. */
const nonsense = (i: number): string => `w${i.toString(26).replace(/[0-9]/g, (d) => "qrstuvwxyz"[Number(d)]!)}`;
const manyWordItems = [
  ...Array.from({ length: 4 }, (_, i) => item(`wide-${i}`, { daysAgo: i, body: Array.from({ length: 900 }, (_, j) => nonsense((j * (i + 1)) % 1200)).join(" ") })),
  // Two terms far apart in id order: put in order by a sort, not the bitmap.
  item("narrow", { daysAgo: 9, title: "", body: `${nonsense(0)} ${nonsense(1190)}` }),
];
// Every word in three items: each item keeps all its terms, so the vectors overtake the raw counts after the two
// newest items, which also have words of their own (in one item only, so not indexed).
const sharedWordItems = Array.from({ length: 12 }, (_, i) => {
  const shared = [0, 1, 2, 3, 4, 5].map((j) => `${nonsense(i + j * 12)} ${nonsense(i + 1 + j * 12)} ${nonsense(i + 2 + j * 12)}`);
  const own = i < 2 ? Array.from({ length: 40 }, (_, j) => nonsense(5000 + i * 100 + j)) : [];
  return item(`shared-${i}`, { daysAgo: i, title: "", body: [...shared, ...own].join(" ") });
});
const vectorCases: Array<{ name: string; items: ArticleSummary[]; options?: RelatedOptionsInput }> = [
  { name: "generated archive (vectors over the raw lists)", items: generateCorpusItems({ n: 400, seed: 3 }).items },
  { name: "labelled fixture", items: labelledFixture().items },
  { name: "short items that keep all their words (weights in a fresh array)", items: sharedWordItems },
  { name: "few items with many distinct words (raw lists grow; terms sorted)", items: manyWordItems },
  {
    name: "options: more terms per item, other field weights",
    items: generateCorpusItems({ n: 150, seed: 5 }).items,
    options: { itemTerms: 400, fieldWeights: { title: 1, body: 2 } },
  },
];
for (const { name, items, options } of vectorCases) {
  test(`text similarity equals a plain TF-IDF reference: ${name}`, () => {
    const index = buildRelatedIndex(items, options);
    const reference = referenceTextSimilarity(items, options);
    const rng = shuffled(items, 7);
    let nonZero = 0;
    for (let i = 0; i < Math.min(items.length, 200); i++) {
      const a = rng[i]!.slug;
      for (const b of [rng[(i + 1) % rng.length]!.slug, ...index.get(a).map((e) => e.slug)]) {
        const expected = reference(a, b);
        if (expected > 0) nonZero++;
        assert.ok(Math.abs(index.explain(a, b)!.text - expected) < 1e-12, `${a} ~ ${b}: ${index.explain(a, b)!.text} against ${expected}`);
      }
    }
    assert.ok(nonZero > items.length / 2, `only ${nonZero} pairs share words: the case tests little`);
  });
}

// Recency counts whole days, Math.round(|Δ| / 1 day): half a day rounds up. The engine works from dates in days
// and falls back to the exact quotient near a half day; these cases sit on and around that edge.
const HOUR = 3_600_000;
const recencyCases: Array<{ apartMs: number; days: number }> = [
  { apartMs: 0, days: 0 },
  { apartMs: 12 * HOUR - 1, days: 0 },
  { apartMs: 12 * HOUR, days: 1 },
  { apartMs: 36 * HOUR - 1, days: 1 },
  { apartMs: 36 * HOUR, days: 2 },
  { apartMs: 400 * 24 * HOUR + 12 * HOUR, days: 401 },
  { apartMs: 3000 * 24 * HOUR + 12 * HOUR - 1, days: 3000 },
];
for (const { apartMs, days } of recencyCases) {
  test(`recency: ${apartMs} ms apart counts as ${days} whole days, either way round`, () => {
    const base = Date.UTC(2026, 10, 1, 9, 17, 23, 451);
    const items = [
      { ...item("a"), dateMs: base },
      { ...item("b"), dateMs: base - apartMs },
      { ...item("c"), dateMs: base + 7 },
    ];
    const index = buildRelatedIndex(items, { recencyHalfLifeDays: 10 });
    const expected = Math.exp((-Math.LN2 * days) / 10);
    assert.equal(index.explain("a", "b")!.recency, expected);
    assert.equal(index.explain("b", "a")!.recency, expected);
  });
}

// Lookups reuse one workspace; marks left by an earlier lookup of the same item must not count. (Until the
// engine was split, marks were stamped with the item's index, so a second lookup of an item found its own
// earlier picks blocked and listed other items.)
test("the same list on every lookup: slugs() twice, then get()", () => {
  const { items } = labelledFixture();
  const index = buildRelatedIndex(items);
  const fresh = buildRelatedIndex(items);
  for (const { slug } of items) {
    const expected = slugs(fresh.get(slug));
    assert.deepEqual(index.slugs(slug), expected, `first slugs(${slug})`);
    assert.deepEqual(index.slugs(slug), expected, `second slugs(${slug})`);
    assert.deepEqual(slugs(index.get(slug)), expected, `get(${slug}) after slugs`);
  }
});
