/**
 * Fast path: an item's distinct term ids in ascending order, through a bitmap when the ids span few 32-bit
 * words (a vocabulary of thousands of terms) — setting their bits and reading the words back costs less than
 * sorting them, once per item of the archive (see docs/performance.md). Otherwise a plain sort.
 */
import { TypedList } from "./typed-list.ts";

/** One bit per term id; all zero between calls. */
const bitmap = new TypedList(Int32Array, 128);

/**
 * Writes ids[0 .. count), which are distinct, to out[at .. at + count) in ascending order: the same as
 * `out.set(ids.subarray(0, count).sort(), at)`. May reorder `ids`.
 */
export function writeAscending(ids: Int32Array, count: number, out: Int32Array, at: number): void {
  let low = Infinity;
  let high = -1;
  for (let p = 0; p < count; p++) {
    const id = ids[p]!;
    if (id < low) low = id;
    if (id > high) high = id;
  }
  const firstWord = low >>> 5;
  const lastWord = high >>> 5;
  if (count > 0 && lastWord - firstWord < count * 4) {
    const bits = bitmap.reserve(lastWord + 1);
    for (let p = 0; p < count; p++) {
      const id = ids[p]!;
      bits[id >>> 5] = bits[id >>> 5]! | (1 << (id & 31));
    }
    for (let word = firstWord; word <= lastWord; word++) {
      let b = bits[word]!;
      if (b === 0) continue;
      bits[word] = 0;
      while (b !== 0) {
        const lowest = b & -b;
        b ^= lowest;
        out[at++] = (word << 5) | (31 - Math.clz32(lowest));
      }
    }
  } else {
    out.set(ids.subarray(0, count).sort(), at);
  }
}
