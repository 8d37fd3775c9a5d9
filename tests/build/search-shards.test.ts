// The search index built in shards and merged (lib/search/pagefind-index.ts, merge.ts) is the index Pagefind writes
// for all the records at once: the same files (the word index chunks compressed by another gzip, the same bytes
// inside), and the same results from Pagefind's own search script, run here in Node over each bundle's files. That
// holds for both ways of making the shards: Pagefind's process, and our own indexer (word-index.ts), whose
// fragments are compressed by another gzip too.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import { close, createIndex } from "pagefind";
import { canonicalBundle, type BundleFile } from "../../lib/search/canonical.ts";
import { keepBundleFile } from "../../lib/search/bundle.ts";
import { indexRecords } from "../../lib/search/pagefind-index.ts";
import type { SearchRecord } from "../../lib/search/records.ts";

/** Small index chunks, so that a few records fill several and the merge re-splits them. */
const CHUNK_SIZE = 300;
// Pagefind's own (the single index) reads its chunk size from here.
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(CHUNK_SIZE);

const WORDS = [
  "school",
  "schools",
  "funding",
  "café",
  "cafe",
  "Café",
  "école",
  "naïve",
  "Zürich",
  "data-driven",
  "co2",
  "minister",
  "ministry",
  "running",
  "runs",
  "£5m",
  "north",
  "east",
  "road",
  "roads",
  "health",
  "hospital",
  "trains",
  "rail",
  // Words Pagefind splits, strips or keeps whole: punctuation, capitals inside, digits, other scripts, emoji.
  "COVID-19",
  "iPhone15Pro",
  "GOV.UK",
  "council’s",
  "HMRC's",
  "2024/25",
  "1,200",
  "XMLHttpRequest",
  "“quoted”",
  "(brackets)",
  "—",
  "x_y",
  "straße",
  "İstanbul",
  "Σίσυφος",
  "東京",
  "👋",
  "cloud🌦️cannon",
  "zero\u200bwidth",
  "PAGEFIND_WEIGHT___9",
];
/** Words in a few records only: diacritic variants of one word that first appear in different shards. */
const RARE = ["resume", "résumé", "resumé", "rèsume", "Ångström", "angstrom"];
const TYPES = ["Press release", "News story", "Speech"];
const TOPICS = ["Education", "Transport", "Health", "Économie"];

/** Deterministic records: words, diacritic variants and meta words spread unevenly; dates with ties. */
function records(n: number): SearchRecord[] {
  let seed = 7;
  const next = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  return Array.from({ length: n }, (_, i) => {
    const pick = () => (next(40) ? WORDS[next(WORDS.length)]! : RARE[next(RARE.length)]!);
    const title = `${pick()} ${pick()} update ${i}`;
    const standfirst = `${pick()} and ${pick()}`;
    const body = Array.from({ length: 20 + next(60) }, pick).join(next(3) ? " " : ". ");
    const type = TYPES[next(TYPES.length)]!;
    const date = `2026-0${1 + next(3)}-1${next(3)}T09:00:00.000Z`;
    return {
      url: `/news/item-${i}/`,
      content: [title, standfirst, body].join("\n"),
      language: "en",
      // A meta field only a few pages have, first before the others: the shards without it number them otherwise.
      meta: { ...(i % 9 === 2 ? { aardvark: `${pick()} zebra` } : {}), title, standfirst, type, date: date.slice(0, 10), datetime: date, byline: i % 4 ? `Author ${next(5)}` : "" },
      filters: { type: [type], topic: TOPICS.filter(() => next(3) === 0), year: [date.slice(0, 4)] },
      sort: { date },
    };
  });
}

/** Pagefind's index of all the records at once, as its Node API writes it. */
async function singleIndex(all: readonly SearchRecord[], out: string): Promise<void> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: "en" });
    assert.ok(index, errors.join("; "));
    for (const record of all) assert.deepEqual((await index.addCustomRecord(record)).errors, []);
    const written = await index.getFiles();
    assert.deepEqual(written.errors, []);
    for (const file of written.files) {
      fs.mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
      fs.writeFileSync(path.join(out, file.path), file.content);
    }
  } finally {
    await close();
  }
}

function filesOf(dir: string): BundleFile[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => keepBundleFile(file))
    .map((file) => ({ path: file, content: fs.readFileSync(path.join(dir, file)) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Word index chunks and fragments by the bytes inside their gzip (Pagefind's, the merge's or ours), the rest as they are. */
const comparable = (file: BundleFile) => (/\.pf_(index|fragment)$/.test(file.path) ? zlib.gunzipSync(file.content) : Buffer.from(file.content));

// Node's fetch does not read file: URLs, which Pagefind's script asks for its files.
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const url = input instanceof Request ? input.url : String(input);
  if (!url.startsWith("file:")) return realFetch(input, init);
  try {
    return new Response(fs.readFileSync(fileURLToPath(url)));
  } catch {
    return new Response(null, { status: 404 });
  }
}) as typeof fetch;

interface PagefindApi {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    term: string | null,
    options?: object,
  ): Promise<{ results: Array<{ id: string; score: number; words: number[]; data(): Promise<unknown> }>; filters: unknown; totalFilters: unknown; unfilteredResultCount: number }>;
}

/** Pagefind's search script over a bundle's folder (a module instance of its own). */
async function pagefindOver(dir: string): Promise<PagefindApi> {
  const api = (await import(`${pathToFileURL(path.join(dir, "pagefind.js")).href}?bundle=${encodeURIComponent(dir)}`)) as PagefindApi;
  await api.options({ basePath: pathToFileURL(`${dir}/`).href, excerptLength: 12 });
  await api.init();
  return api;
}

const SEARCHES: Array<[string | null, object]> = [
  ["school", {}],
  ["schools funding", {}],
  ["cafe", {}],
  ["café", {}],
  ["ecole", {}],
  ["zurich", {}],
  ["zebra", {}],
  ["resume", {}],
  ["résumé", {}],
  ["angstrom", {}],
  ["data", {}],
  ["minist", {}],
  ['"north east"', {}],
  ["road", { sort: { date: "asc" } }],
  ["health", { sort: { date: "desc" } }],
  ["update", { filters: { type: "Press release" } }],
  ["update", { filters: { topic: ["Education", "Économie"] } }],
  [null, { filters: { year: "2026" }, sort: { date: "asc" } }],
  ["trains", { filters: { type: { any: ["Speech", "News story"] } } }],
  ["nothingatall", {}],
  ["covid", {}],
  ["iphone", {}],
  ["gov.uk", {}],
  ["councils", {}],
  ["strasse", {}],
  ["istanbul", {}],
  ["👋", {}],
];

for (const engine of ["pagefind", "own"] as const) {
  test(`the merge of shards (${engine}) is the index Pagefind writes for all the records at once`, async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-shards-"));
    try {
      const all = records(45);
      const single = path.join(tmp, "single");
      const merged = path.join(tmp, "merged");
      const oneShard = path.join(tmp, "one-shard");
      await singleIndex(all, single);
      assert.equal(await indexRecords(all, merged, { engine, shardSize: 7, chunkSize: CHUNK_SIZE }), 45);
      assert.equal(await indexRecords(all, oneShard, { engine, shardSize: 1000, chunkSize: CHUNK_SIZE }), 45);
      assert.ok(!fs.existsSync(`${merged}-shards`), "the shards are removed once merged");

      // Files: the same names, the same bytes (inside the gzip, for the word index).
      const expected = canonicalBundle(filesOf(single));
      const actual = filesOf(merged);
      assert.ok(expected.filter((file) => file.path.startsWith("index/")).length > 3, "the index is in several chunks");
      assert.deepEqual(
        actual.map((file) => file.path),
        expected.map((file) => file.path),
      );
      for (const [i, file] of actual.entries()) assert.ok(comparable(file).equals(comparable(expected[i]!)), `${file.path} differs`);
      // However the records are split, the bundle is the same, byte for byte.
      const whole = filesOf(oneShard);
      assert.deepEqual(
        whole.map((file) => [file.path, Buffer.from(file.content).toString("base64")]),
        actual.map((file) => [file.path, Buffer.from(file.content).toString("base64")]),
      );

      // Searches: the same pages in the same order with the same scores, excerpts, meta and filter counts.
      const [before, after] = [await pagefindOver(single), await pagefindOver(merged)];
      assert.deepEqual(await after.filters(), await before.filters());
      let found = 0;
      for (const [term, options] of SEARCHES) {
        const [a, b] = [await before.search(term, options), await after.search(term, options)];
        const view = async (result: typeof a) => ({
          results: await Promise.all(result.results.map(async (r) => ({ id: r.id, score: r.score, words: r.words, data: await r.data() }))),
          filters: result.filters,
          totalFilters: result.totalFilters,
          unfiltered: result.unfilteredResultCount,
        });
        const [expectedView, actualView] = [await view(a), await view(b)];
        assert.deepEqual(actualView, expectedView, `search ${JSON.stringify(term)} ${JSON.stringify(options)}`);
        found += expectedView.results.length;
      }
      assert.ok(found > 45, `the searches found only ${found} results`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
}

test("no records: Pagefind's empty index, as canonical.ts writes it", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-shards-"));
  try {
    await singleIndex([], path.join(tmp, "single"));
    assert.equal(await indexRecords([], path.join(tmp, "merged")), 0);
    assert.deepEqual(filesOf(path.join(tmp, "merged")), canonicalBundle(filesOf(path.join(tmp, "single"))));
    assert.deepEqual(fs.readdirSync(path.join(tmp, "merged")).sort(), ["pagefind-entry.json", "pagefind.js", "wasm.unknown.pagefind"]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
