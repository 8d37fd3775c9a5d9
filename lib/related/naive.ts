/**
 * The naive baseline the engine is measured against (quality test and `npm run bench`): for each item,
 * compare with every other item, count shared tags, sort by that count (ties: newest, then slug) and take
 * the first k. Untagged items and items with no shared tags therefore get the newest items.
 * O(n²) pairs by design; not for production.
 */
import { compareNewestFirst } from "../content/order.ts";
import type { ArticleSummary } from "./engine.ts";

/** Slug → the k related slugs, for every item. */
export function naiveRelated(items: readonly ArticleSummary[], k = 5): Map<string, string[]> {
  const byDate = [...items].sort(compareNewestFirst);
  const tagSets = byDate.map((item) => new Set(item.tagSlugs.filter(Boolean)));
  const result = new Map<string, string[]>();
  for (let i = 0; i < byDate.length; i++) {
    const own = tagSets[i]!;
    const scored: Array<{ index: number; shared: number }> = [];
    for (let j = 0; j < byDate.length; j++) {
      if (j === i) continue;
      let shared = 0;
      for (const tag of tagSets[j]!) if (own.has(tag)) shared++;
      if (shared > 0) scored.push({ index: j, shared });
    }
    // Items with no shared tag would sort after these, newest first: add them only as needed.
    scored.sort((a, b) => b.shared - a.shared || a.index - b.index);
    const list = scored.slice(0, k).map((s) => byDate[s.index]!.slug);
    for (let j = 0; j < byDate.length && list.length < k; j++) {
      if (j !== i && !scored.some((s) => s.index === j)) list.push(byDate[j]!.slug);
    }
    result.set(byDate[i]!.slug, list);
  }
  return result;
}
