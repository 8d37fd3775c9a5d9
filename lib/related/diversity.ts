/**
 * Diversity (MMR re-ranking): each next item maximises λ·relevance − (1 − λ)·redundancy, where relevance is the
 * score relative to the best candidate's, and redundancy the greatest text similarity to an item already
 * listed, counted only above duplicateSimilarity (τ) and rescaled to 0–1: (sim − τ) / (1 − τ). Items on the same
 * subject stay; near-copies of a listed item drop down. λ = 1 ranks by score only.
 */
import type { CandidatePool } from "./candidate-pool.ts";
import type { Selection } from "./selection.ts";
import type { Vectors } from "./vectors.ts";

/**
 * Places pool items until the list is full or the pool empty. Lazy: similarities are computed only for
 * candidates that could still win, and only against items listed since the candidate was last looked at.
 */
export function placeDiverse(pool: CandidatePool, selection: Selection, vectors: Vectors, lambda: number, tau: number): void {
  const diversify = lambda < 1;
  const top = pool.length > 0 ? pool.scores[0]! : 1;
  while (!selection.full && pool.length > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (let x = 0; x < pool.length; x++) {
      const relevance = pool.scores[x]! / top;
      // The pool is sorted by relevance and redundancy only lowers a value: nothing further down can win.
      if (best >= 0 && lambda * relevance <= bestValue) break;
      if (diversify) pool.redundancy[x] = redundancyOf(pool, x, selection, vectors, tau);
      const value = lambda * relevance - (1 - lambda) * pool.redundancy[x]!;
      if (value > bestValue) {
        bestValue = value;
        best = x;
      }
    }
    selection.place(pool.removeAt(best), "scored", []);
  }
}

/** Pool entry x's redundancy, brought up to date with the items listed since it was last computed. */
function redundancyOf(pool: CandidatePool, x: number, selection: Selection, vectors: Vectors, tau: number): number {
  const c = pool.items[x]!;
  let redundancy = pool.redundancy[x]!;
  const listed = selection.denseCount;
  for (let j = pool.checked[x]!; j < listed; j++) {
    const similarity = selection.listed[j]!.dot(vectors, c);
    const r = similarity <= tau ? 0 : (similarity - tau) / (1 - tau);
    if (r > redundancy) redundancy = r;
  }
  pool.checked[x] = listed;
  return redundancy;
}
