/**
 * Memory reused between steps, behind checks. The engine reuses buffers rather than allocating per item (and
 * writes its index over the term counts it no longer needs): see docs/performance.md. Reuse is safe only while
 * one step at a time holds a buffer, so every reuse goes through a Scratch, which throws instead of letting a
 * reordered or re-entered step read data another step is writing.
 */
export class Scratch<T> {
  readonly #value: T;
  readonly #what: string;
  #holder: string | undefined;
  #takenBy: string | undefined;

  /** `what` names the memory in errors. */
  constructor(what: string, value: T) {
    this.#what = what;
    this.#value = value;
  }

  /** The memory, for `holder` alone until it calls release(). Throws when another holder has it. */
  lend(holder: string): T {
    if (this.#takenBy !== undefined) throw new Error(`${this.#what}: ${holder} wants memory that ${this.#takenBy} has written over`);
    if (this.#holder !== undefined) throw new Error(`${this.#what}: ${holder} wants memory still lent to ${this.#holder}`);
    this.#holder = holder;
    return this.#value;
  }

  release(holder: string): void {
    if (this.#holder !== holder) throw new Error(`${this.#what}: ${holder} releases memory lent to ${this.#holder ?? "nobody"}`);
    this.#holder = undefined;
  }

  /** The memory, for `holder` to overwrite: nobody can borrow it after this. */
  take(holder: string): T {
    const value = this.lend(holder);
    this.#takenBy = holder;
    return value;
  }
}

/**
 * `count` values of `kind` in `buffer` after its first `usedBytes`, where the memory is no longer needed but still
 * mapped (so no fresh pages to fault in), or a fresh array when they do not fit.
 */
export function viewAfter<A extends Int32Array | Float64Array>(
  kind: { new (buffer: ArrayBuffer, byteOffset: number, length: number): A; new (length: number): A; BYTES_PER_ELEMENT: number },
  buffer: ArrayBufferLike,
  usedBytes: number,
  count: number,
): A {
  return buffer instanceof ArrayBuffer && usedBytes + count * kind.BYTES_PER_ELEMENT <= buffer.byteLength ? new kind(buffer, usedBytes, count) : new kind(count);
}
