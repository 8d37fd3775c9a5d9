/** The engine's small shared types: growable typed lists, the top-k heap, checked scratch memory, the id sort. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeAscending } from "../../../lib/related/ascending-ids.ts";
import { Scratch, viewAfter } from "../../../lib/related/scratch.ts";
import { TopKHeap } from "../../../lib/related/top-k.ts";
import { TypedList } from "../../../lib/related/typed-list.ts";

test("TypedList: grows, keeps its values, fills new slots", () => {
  const list = new TypedList(Int32Array, 2, -1);
  for (let i = 0; i < 100; i++) list.push(i * 3);
  assert.deepEqual(
    [...list.view()],
    Array.from({ length: 100 }, (_, i) => i * 3),
  );
  const table = new TypedList(Float64Array, 4, -1);
  table.data[1] = 7;
  const data = table.reserve(10);
  assert.equal(data, table.data);
  assert.ok(data.length >= 10);
  assert.deepEqual([...data.subarray(0, 10)], [-1, 7, -1, -1, -1, -1, -1, -1, -1, -1]);
  assert.equal(table.reserve(3), data, "no growth when there is room");
});

{
  let seed = 11;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let r = 0; r < 20; r++) {
    const capacity = 1 + Math.floor(random() * 12);
    const offers = Array.from({ length: Math.floor(random() * 60) }, (_, item) => ({ score: Math.floor(random() * (r % 2 ? 4 : 1000)) / 10, item }));
    test(`TopKHeap keeps the best by score, then lower item: round ${r} (${offers.length} offers, keep ${capacity})`, () => {
      const heap = new TopKHeap(capacity);
      for (const { score, item } of [...offers].reverse()) heap.offer(score, item);
      const kept = Array.from(heap.items.subarray(0, heap.size)).sort((a, b) => a - b);
      const expected = [...offers]
        .sort((a, b) => b.score - a.score || a.item - b.item)
        .slice(0, capacity)
        .map((o) => o.item)
        .sort((a, b) => a - b);
      assert.deepEqual(kept, expected);
    });
  }
}

test("Scratch: one holder at a time; taken memory cannot be borrowed again", () => {
  const scratch = new Scratch("test memory", [1, 2, 3]);
  assert.deepEqual(scratch.lend("a"), [1, 2, 3]);
  assert.throws(() => scratch.lend("b"), /test memory: b wants memory still lent to a/);
  assert.throws(() => scratch.release("b"), /b releases memory lent to a/);
  scratch.release("a");
  scratch.lend("b");
  scratch.release("b");
  scratch.take("c");
  scratch.release("c");
  assert.throws(() => scratch.lend("d"), /d wants memory that c has written over/);
});

test("viewAfter: a view after the used bytes when it fits, else a fresh array", () => {
  const buffer = new ArrayBuffer(64);
  const view = viewAfter(Int32Array, buffer, 16, 12);
  assert.equal(view.buffer, buffer);
  assert.equal(view.byteOffset, 16);
  const fresh = viewAfter(Float64Array, buffer, 16, 7);
  assert.notEqual(fresh.buffer, buffer);
  assert.equal(fresh.length, 7);
});

test("writeAscending: the same order as a sort, by bitmap or by sort", () => {
  const cases = [[5, 3, 9, 1], [1000, 2, 40000], [], [31, 32, 33, 0, 63, 64], Array.from({ length: 300 }, (_, i) => (i * 7919) % 1000)];
  for (const ids of cases) {
    const unique = [...new Set(ids)];
    const out = new Int32Array(unique.length + 3).fill(-9);
    writeAscending(Int32Array.from(unique), unique.length, out, 2);
    assert.deepEqual([...out], [-9, -9, ...[...unique].sort((a, b) => a - b), -9]);
  }
});
