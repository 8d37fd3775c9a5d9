/**
 * One item's list while it is built: the items placed so far (with how each was chosen), which items may not
 * be placed (the item itself, its exclusions, everything already listed), and dense copies of the listed items'
 * vectors for the diversity step. Reused from lookup to lookup (see the engine's workspace).
 */
import { strings } from "./facets.ts";
import type { ArticleSummary, RelatedSource } from "./types.ts";
import { DenseVector, type Vectors } from "./vectors.ts";

export class Selection {
  readonly vectors: Vectors;
  /** Per item: the lookup that blocked it. A lookup's own stamp, so blocks never need clearing. */
  readonly blocked: Int32Array;
  stamp = -1;
  /** How many items the list holds when full. */
  k = 0;
  chosen: number[] = [];
  sources: RelatedSource[] = [];
  /** Reasons that come from how an item was chosen (curated, fills), before its signals' reasons. */
  given: string[][] = [];
  /** Whether placed items get a dense copy (only the diversity step reads them). */
  keepDenseCopies = false;
  /** Dense copies of the first `denseCount` items listed, for their similarity to later candidates. */
  readonly listed: DenseVector[] = [];
  denseCount = 0;

  /** Length of a dense vector: the indexed vocabulary. */
  readonly vocabularySize: number;

  constructor(n: number, vectors: Vectors, vocabularySize: number) {
    this.vectors = vectors;
    this.vocabularySize = vocabularySize;
    this.blocked = new Int32Array(n).fill(-1);
  }

  /** A new list of `k` items for `item`, under a stamp no earlier lookup used. */
  begin(stamp: number, item: number, k: number, keepDenseCopies: boolean): void {
    this.stamp = stamp;
    this.k = k;
    this.keepDenseCopies = keepDenseCopies;
    this.chosen = [];
    this.sources = [];
    this.given = [];
    this.denseCount = 0;
    this.block(item);
  }

  get full(): boolean {
    return this.chosen.length >= this.k;
  }

  block(c: number): void {
    this.blocked[c] = this.stamp;
  }

  isOpen(c: number): boolean {
    return this.blocked[c] !== this.stamp;
  }

  place(c: number, source: RelatedSource, given: string[]): void {
    this.blocked[c] = this.stamp;
    this.chosen.push(c);
    this.sources.push(source);
    this.given.push(given);
    if (this.keepDenseCopies && this.chosen.length < this.k) {
      const dense = (this.listed[this.denseCount] ??= new DenseVector(this.vocabularySize));
      dense.scatter(this.vectors, c);
      this.denseCount++;
    }
  }

  /** Zeroes the dense copies for the next lookup. */
  end(): void {
    for (let j = 0; j < this.denseCount; j++) this.listed[j]!.clear(this.vectors);
    this.denseCount = 0;
  }
}

/** The editor's choices: excluded items blocked, then curated items placed in the editor's order. */
export function placeCurated(item: ArticleSummary, selection: Selection, indexOf: ReadonlyMap<string, number>): void {
  for (const slug of strings(item.relatedExclude)) {
    const x = indexOf.get(slug);
    if (x !== undefined) selection.block(x);
  }
  for (const slug of strings(item.related)) {
    if (selection.full) break;
    const c = indexOf.get(slug);
    if (c !== undefined && selection.isOpen(c)) selection.place(c, "curated", ["chosen by the editor"]);
  }
}
