/**
 * The k best of many: a threshold by selection (for "keep the k strongest" over an array range) and a bounded
 * heap (for "keep the k best" of a stream of scored items).
 */
import { Scratch } from "./scratch.ts";
import { TypedList } from "./typed-list.ts";

const selectScratch = new Scratch("topThreshold's copy", new TypedList(Float64Array, 1024));

/**
 * The k largest of `values[start..end)`: returns the threshold value and how many entries equal to it are
 * still to take (walking in index order), so selection is exact and deterministic (ties: lower index first).
 * Callers keep entry i when `values[i] > threshold`, or when it equals the threshold and ties remain.
 */
export function topThreshold(values: Float64Array, start: number, end: number, k: number): { threshold: number; atThreshold: number } {
  const count = end - start;
  if (count <= k) return { threshold: -Infinity, atThreshold: count };
  const scratch = selectScratch.lend("topThreshold");
  try {
    const a = scratch.reserve(count);
    a.set(values.subarray(start, end));
    const threshold = quickselect(a, count, count - k);
    // Entries above the threshold are all taken; the rest of the k are entries equal to it.
    let above = 0;
    for (let i = start; i < end; i++) if (values[i]! > threshold) above++;
    return { threshold, atThreshold: k - above };
  } finally {
    selectScratch.release("topThreshold");
  }
}

/**
 * The value ascending order would put at `target` among a[0..count), found in linear time rather than by a
 * sort (three-way partition, median-of-three pivot); reorders `a`. Values are finite.
 */
function quickselect(a: Float64Array, count: number, target: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // a[lo..lt) < pivot, a[lt..i) = pivot, a(gt..hi] > pivot
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i] = a[lt]!;
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else break;
  }
  return a[target]!;
}

/**
 * Keeps the `capacity` best (score, item) pairs offered: higher score first, on equal scores the lower item
 * (items are in canonical order, so: newer, then slug). A min-heap whose root is the worst kept, so most offers
 * are turned away by one comparison with it. Parallel typed arrays: no object per pair.
 */
export class TopKHeap {
  readonly capacity: number;
  readonly scores: Float64Array;
  /** The kept items, in heap order (not sorted): items[0 .. size). */
  readonly items: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.scores = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
  }

  /** Keeps (score, item) if it is among the best so far. Small, so it inlines into the caller's loop. */
  offer(score: number, item: number): void {
    if (this.size < this.capacity) this.#add(score, item);
    else if (score > this.scores[0]! || (score === this.scores[0] && item < this.items[0]!)) this.#replaceWorst(score, item);
  }

  /** Sift up from a new last slot. */
  #add(score: number, item: number): void {
    const scores = this.scores;
    const items = this.items;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const ps = scores[parent]!;
      if (!(score < ps || (score === ps && item > items[parent]!))) break;
      scores[at] = ps;
      items[at] = items[parent]!;
      at = parent;
    }
    scores[at] = score;
    items[at] = item;
  }

  /** Replace the root (the worst kept) and sift down. */
  #replaceWorst(score: number, item: number): void {
    const scores = this.scores;
    const items = this.items;
    const size = this.size;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && (scores[right]! < scores[child]! || (scores[right] === scores[child] && items[right]! > items[child]!))) child = right;
      const cs = scores[child]!;
      if (!(cs < score || (cs === score && items[child]! > item))) break;
      scores[at] = cs;
      items[at] = items[child]!;
      at = child;
    }
    scores[at] = score;
    items[at] = item;
  }
}
