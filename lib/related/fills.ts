/**
 * Fills keep the list at k whenever k other items exist: after the curated and scored items, the newest items
 * sharing the item's rarest tag (then its next rarest), then the newest items.
 */
import { byRarity, type Facets } from "./facets.ts";
import type { Selection } from "./selection.ts";

export function fillFromTags(d: number, selection: Selection, facets: Facets): void {
  const { itemTagStart, itemTags, tagItemStart, tagItems, tagLabels } = facets;
  for (const t of byRarity(facets, Array.from(itemTags.subarray(itemTagStart[d]!, itemTagStart[d + 1]!)))) {
    // Tag postings are in canonical order: newest first.
    for (let q = tagItemStart[t]!; q < tagItemStart[t + 1]! && !selection.full; q++) {
      const c = tagItems[q]!;
      if (selection.isOpen(c)) selection.place(c, "fill-tag", [`newest sharing tag ${tagLabels[t]}`]);
    }
  }
}

/** Items are in canonical order: the first open ones are the newest. */
export function fillNewest(n: number, selection: Selection): void {
  for (let c = 0; c < n && !selection.full; c++) {
    if (selection.isOpen(c)) selection.place(c, "fill-newest", ["newest item"]);
  }
}
