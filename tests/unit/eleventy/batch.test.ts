import { test } from "node:test";
import assert from "node:assert/strict";
import { batchCount, batchSlice } from "../../../lib/eleventy/batch.ts";

const countCases: Array<{ pages: number; perBatch: number; runs: number }> = [
  { pages: 0, perBatch: 5000, runs: 1 },
  { pages: 14, perBatch: 5000, runs: 1 },
  { pages: 5000, perBatch: 5000, runs: 1 },
  { pages: 5001, perBatch: 5000, runs: 2 },
  { pages: 12_741, perBatch: 5000, runs: 3 },
  { pages: 10, perBatch: 1, runs: 10 },
];
for (const { pages, perBatch, runs } of countCases) {
  test(`batchCount(${pages}, ${perBatch}) is ${runs}`, () => assert.equal(batchCount(pages, perBatch), runs));
}

test("batchCount: no more runs than maxRuns; the runs grow instead", () => {
  assert.equal(batchCount(125_000, 2_000, 25), 25);
  assert.equal(batchCount(40_000, 2_000, 25), 20);
  assert.equal(batchCount(12_741, 2_000, 25), 7);
  assert.equal(batchCount(0, 2_000, 25), 1);
  assert.throws(() => batchCount(10, 1, 0), /at least one run/);
});

test("batchCount refuses fewer than one page per batch", () => {
  assert.throws(() => batchCount(10, 0), /at least 1/);
  assert.throws(() => batchCount(10, Number.NaN), /at least 1/);
});

test("batchSlice: the runs' slices of a family are consecutive, near-equal and cover it exactly once", () => {
  for (const length of [0, 1, 2, 7, 20, 101]) {
    const family = Array.from({ length }, (_, i) => i);
    for (const count of [1, 2, 3, 7, 50]) {
      const slices = Array.from({ length: count }, (_, index) => batchSlice(family, index, count));
      assert.deepEqual(slices.flat(), family, `${length} pages in ${count} runs`);
      const sizes = slices.map((s) => s.length);
      assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `${length} pages in ${count} runs: ${sizes.join(", ")}`);
    }
  }
});

test("batchSlice with one run gives the family itself", () => {
  const family = ["a", "b"];
  assert.equal(batchSlice(family, 0, 1), family);
});
