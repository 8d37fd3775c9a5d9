/**
 * A typed array that grows: the engine's lists whose final length is known only once they are filled, and its
 * tables indexed by an id that can grow (term ids, bitmap words). The one place that grows an array.
 */
export type NumberArray = Int32Array | Float32Array | Float64Array | Uint16Array;

export interface NumberArrayKind<A extends NumberArray> {
  new (length: number): A;
}

export class TypedList<A extends NumberArray> {
  /** The values, and room to spare after `length`: hot loops write here directly, after `reserve`. */
  data: A;
  /** How many values are in use (for a table indexed by id, callers may ignore it). */
  length = 0;
  readonly kind: NumberArrayKind<A>;
  /** The value of slots not written yet. */
  readonly fill: number;

  /** Room for `capacity` values before growing (growing costs a copy, and fresh memory to fault in). */
  constructor(kind: NumberArrayKind<A>, capacity = 1024, fill = 0) {
    this.kind = kind;
    this.fill = fill;
    this.data = new kind(Math.max(1, capacity));
    if (fill !== 0) this.data.fill(fill);
  }

  /**
   * Room for at least `capacity` values, keeping those there: the array at least doubles when it grows, so
   * pushing n values copies O(n) in all. Returns `data`, which may be a new array.
   */
  reserve(capacity: number): A {
    if (capacity > this.data.length) {
      const bigger = new this.kind(Math.max(capacity, this.data.length * 2));
      if (this.fill !== 0) bigger.fill(this.fill);
      bigger.set(this.data);
      this.data = bigger;
    }
    return this.data;
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = value;
  }

  /** The values in use, as a view (no copy). */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }
}
