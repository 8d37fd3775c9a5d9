/** The one order of items: every list, feed and index, and the related-articles engine's tie-break. */

/** Newest first; ties broken by slug so output never depends on file order. */
export function compareNewestFirst(a: { dateMs: number; slug: string }, b: { dateMs: number; slug: string }): number {
  return b.dateMs - a.dateMs || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}
