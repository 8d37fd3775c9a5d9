import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { decodeCbor, encodeCbor, type Cbor } from "../../../lib/search/canonical.ts";
import { ChunkWrites, chunkRanges, GZIP_LEVEL, compareCodePoints, mergeShards, pagefindHash, type Shard } from "../../../lib/search/merge.ts";

const orderCases: Array<[string, string, number]> = [
  ["a", "b", -1],
  ["ab", "a", 1],
  ["same", "same", 0],
  // U+FF21 (fullwidth A) before U+1F600 (an emoji) by code point, after it by UTF-16 unit: Rust's order wins.
  ["\uff21", "\u{1f600}", -1],
  ["é", "z", 1],
];
for (const [a, b, sign] of orderCases) {
  test(`compareCodePoints(${JSON.stringify(a)}, ${JSON.stringify(b)}) has the sign ${sign}`, () => {
    assert.equal(Math.sign(compareCodePoints(a, b)), sign);
  });
}

test("pagefindHash: SHA-1 with each byte's leading zero dropped, as Pagefind writes it", () => {
  // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d: 06 → "6", 0d → "d".
  assert.equal(pagefindHash("abc"), "a9993e36476816aba3e25717850c26c9cd0d89d");
});

// Pagefind's own cases (pagefind/src/index/mod.rs, build_chunk_meta), and the shortening it refuses.
const rangeCases: Array<[string, Array<{ first: string; last: string }>, Array<{ from: string; to: string }>]> = [
  [
    "boundaries shortened to the prefixes that tell them apart",
    [
      { first: "apple", last: "apple" },
      { first: "apricot", last: "banana" },
      { first: "peach", last: "peach" },
    ],
    [
      { from: "apple", to: "apple" },
      { from: "apr", to: "b" },
      { from: "p", to: "peach" },
    ],
  ],
  ["one chunk: its first and last words", [{ first: "a", last: "zebra" }], [{ from: "a", to: "zebra" }]],
  [
    "prefixes by character, not by byte",
    [
      { first: "a", last: "école" },
      { first: "écrit", last: "z" },
    ],
    [
      { from: "a", to: "éco" },
      { from: "écr", to: "z" },
    ],
  ],
];
for (const [name, chunks, ranges] of rangeCases) {
  test(`chunkRanges: ${name}`, () => assert.deepEqual(chunkRanges(chunks), ranges));
}

/** A shard as Pagefind writes one, by hand: each page one word, its fragment under the name given. */
function writeShard(dir: string, pages: Array<{ name: string; json: string; word: string; date: string }>, placedIn?: string): Set<string> {
  const pack = (value: Cbor) => zlib.gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), encodeCbor(value)]));
  const placed = new Set<string>();
  for (const folder of ["fragment", "index", "filter"]) fs.mkdirSync(path.join(dir, folder), { recursive: true });
  for (const page of pages) {
    const fragment = zlib.gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), Buffer.from(page.json)]));
    if (placedIn) {
      fs.writeFileSync(path.join(placedIn, "fragment", `${page.name}.pf_fragment`), fragment);
      placed.add(page.name);
    } else fs.writeFileSync(path.join(dir, "fragment", `${page.name}.pf_fragment`), fragment);
  }
  const words = [...new Set(pages.map((p) => p.word))].sort();
  const chunk: Cbor = [
    words.map((word) => {
      let last = 0;
      const postings: Cbor[] = [];
      pages.forEach((page, i) => {
        if (page.word !== word) return;
        postings.push([i - last, [0], []]);
        last = i;
      });
      return [word, postings, []];
    }),
  ];
  fs.writeFileSync(path.join(dir, "index", "en_c0ffee0.pf_index"), pack(chunk));
  fs.writeFileSync(path.join(dir, "filter", "en_f11e500.pf_filter"), pack(["type", [["News", pages.map((_, i) => i)]]]));
  const order = pages.map((page, i) => [page.date, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const meta: Cbor = [
    "1.5.2",
    pages.map((page) => [page.name, 1]),
    [[words[0]!, words.at(-1)!, "en_c0ffee0"]],
    [["type", "en_f11e500"]],
    [["date", order.map(([, i]) => i)]],
    ["title"],
  ];
  fs.writeFileSync(path.join(dir, "pagefind.en_0000000000.pf_meta"), pack(meta));
  fs.writeFileSync(path.join(dir, "pagefind-entry.json"), JSON.stringify({ version: "1.5.2", languages: { en: { hash: "en_0000000000", wasm: "en", page_count: pages.length } } }));
  return placed;
}

test("mergeShards: a fragment name two shards chose is lengthened for the later page, as Pagefind does", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-merge-"));
  try {
    const out = path.join(tmp, "out");
    fs.mkdirSync(path.join(out, "fragment"), { recursive: true });
    const json = (n: number) => JSON.stringify({ url: `/news/${n}/`, content: `page ${n}`, word_count: 2, filters: {}, meta: { title: `Page ${n}` }, anchors: [] });
    const second = `en_${pagefindHash(json(2))}`;
    const third = `en_${pagefindHash(json(3))}`;
    // The first shard's page is already in the bundle, under the name the second's text hashes to (a clash, made
    // up: the first page's name is not its own text's hash); the third's sits where the second's must go.
    const shards: Shard[] = [
      { dir: path.join(tmp, "a"), sorts: { date: ["2026-01-02"] } },
      { dir: path.join(tmp, "b"), sorts: { date: ["2026-01-01"] } },
      { dir: path.join(tmp, "c"), sorts: { date: ["2026-01-03"] } },
    ];
    shards[0]!.placed = writeShard(shards[0]!.dir, [{ name: second.slice(0, 10), json: json(1), word: "page", date: "2026-01-02" }], out);
    writeShard(shards[1]!.dir, [{ name: second.slice(0, 10), json: json(2), word: "page", date: "2026-01-01" }]);
    shards[2]!.placed = writeShard(shards[2]!.dir, [{ name: second.slice(0, 11), json: json(3), word: "zebra", date: "2026-01-03" }], out);
    assert.equal((await mergeShards(shards, out, { move: true })).pageCount, 3);

    const unpack = (file: string) => decodeCbor(zlib.gunzipSync(fs.readFileSync(file)).subarray("pagefind_dcd".length)) as Cbor[];
    const entry = JSON.parse(fs.readFileSync(path.join(out, "pagefind-entry.json"), "utf8")) as { languages: { en: { hash: string; page_count: number } } };
    assert.equal(entry.languages.en.page_count, 3);
    const meta = unpack(path.join(out, `pagefind.${entry.languages.en.hash}.pf_meta`));
    const names = [
      [second.slice(0, 10), 1],
      [second.slice(0, 11), 1],
      [third.slice(0, 10), 1],
    ];
    assert.deepEqual(meta[1], names);
    for (const [i, [name]] of names.entries()) {
      const text = zlib
        .gunzipSync(fs.readFileSync(path.join(out, "fragment", `${String(name)}.pf_fragment`)))
        .subarray(12)
        .toString();
      assert.equal(text, json(i + 1), `${String(name)} holds page ${i + 1}`);
    }
    assert.deepEqual(fs.readdirSync(path.join(out, "fragment")).sort(), names.map(([name]) => `${String(name)}.pf_fragment`).sort());
    // Sorted by date over all the shards; the filter's pages joined; the words' pages renumbered.
    assert.deepEqual(meta[4], [["date", [1, 0, 2]]]);
    const [filterName, filterHash] = (meta[3] as Cbor[][])[0]!;
    assert.deepEqual(unpack(path.join(out, "filter", `${String(filterHash)}.pf_filter`)), [filterName, [["News", [0, 1, 2]]]]);
    const [chunk] = meta[2] as Cbor[][];
    assert.deepEqual(unpack(path.join(out, "index", `${String(chunk![2])}.pf_index`)), [
      [
        [
          "page",
          [
            [0, [0], []],
            [1, [0], []],
          ],
          [],
        ],
        ["zebra", [[2, [0], []]], []],
      ],
    ]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("ChunkWrites: each chunk written as gzipSync writes it, and a failed write fails the merge", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-merge-"));
  try {
    // Small chunks, and one of a realistic size (hundreds of kilobytes of postings), compressed on libuv's threads and on
    // this one (limit 0): the same bytes as gzipSync's.
    const chunks = Array.from({ length: 5 }, (_, i) => encodeCbor([[[`word${i}`, [[i, [0, 1], []]], []]]]));
    chunks.push(encodeCbor([Array.from({ length: 8_000 }, (_, w) => [`term${w}`, Array.from({ length: 12 }, (_, p) => [p, [w % 7, p * 3, w + p], []]), []])]));
    assert.ok(chunks.at(-1)!.length > 400_000, "far larger than zlib's 16 KB output pieces");
    for (const limit of [2, 0]) {
      const writes = new ChunkWrites(limit);
      for (const [i, cbor] of chunks.entries()) await writes.add(path.join(tmp, `${limit}-${i}.pf_index`), cbor);
      await writes.finish();
      for (const [i, cbor] of chunks.entries()) {
        const expected = zlib.gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), cbor]), { level: GZIP_LEVEL });
        assert.deepEqual(fs.readFileSync(path.join(tmp, `${limit}-${i}.pf_index`)), expected, `chunk ${i}, limit ${limit}`);
      }
    }

    const failing = new ChunkWrites(2);
    await failing.add(path.join(tmp, "missing", "a.pf_index"), chunks[0]!);
    await assert.rejects(async () => {
      for (const [i, cbor] of chunks.entries()) await failing.add(path.join(tmp, `again-${i}.pf_index`), cbor);
      await failing.finish();
    }, /ENOENT/);
    // Every write under way had ended when the failure was thrown: none is written after.
    const written = fs.readdirSync(tmp).filter((name) => name.startsWith("again-"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(
      fs.readdirSync(tmp).filter((name) => name.startsWith("again-")),
      written,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
