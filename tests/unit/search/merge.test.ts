import { test } from "node:test";
import assert from "node:assert/strict";
import { chunkRanges, compareCodePoints, pagefindHash } from "../../../lib/search/merge.ts";

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
