/**
 * Tags, authors and type of each item, as small ids: per-item lists in compressed (CSR) form, so item i's tags
 * are itemTags[itemTagStart[i] .. itemTagStart[i + 1]), ascending id; tag postings (tag → items, newest first);
 * each tag's rarity. Ids are assigned in canonical item order, so every sum over them runs in a fixed order.
 */
import { SLUG_PATTERN } from "../content/text-rules.ts";
import { tagSlug } from "../content/tags.ts";
import { TypedList } from "./typed-list.ts";
import type { ArticleSummary } from "./types.ts";

export interface Facets {
  tagCount: number;
  tagSlugs: string[];
  /** Display label of each tag: the first item's, cleaned. */
  tagLabels: string[];
  itemTagStart: Int32Array;
  itemTags: Int32Array;
  /** How many items carry each tag. */
  tagDf: Int32Array;
  /** Rarity of each tag, 0–1: ln(1 + N/df) / ln(1 + N), so a tag on one item is worth 1. */
  tagRarity: Float64Array;
  /** Tag postings: tag t's items are tagItems[tagItemStart[t] .. tagItemStart[t + 1]), newest first. */
  tagItemStart: Int32Array;
  tagItems: Int32Array;
  /** Position of each tag when tags are sorted by rarity (fewest items first, then slug). */
  tagRarityRank: Int32Array;
  itemAuthorStart: Int32Array;
  itemAuthors: Int32Array;
  /** Items with the same authors share an author set id (a real archive has far fewer sets than items). */
  authorSet: Int32Array;
  authorSetCount: number;
  /** Type id of each item; −1 when it has none. */
  itemType: Int32Array;
  itemTypeName: string[];
}

const CONTROL = /[\u0000-\u001f\u007f]/g;

function cleanLabel(label: unknown, slug: string): string {
  if (typeof label !== "string") return slug;
  const clean = label.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
  return clean || slug;
}

const NONE: readonly string[] = Object.freeze([]);
/** The strings of a list that may hold anything (input is checked, not trusted). */
export function strings(value: unknown): readonly string[] {
  return Array.isArray(value) && value.length > 0 ? value.filter((v): v is string => typeof v === "string") : NONE;
}

/** Sorted, de-duplicated ids. */
function sortedIds(ids: number[]): Int32Array {
  const out = Int32Array.from(new Set(ids));
  out.sort();
  return out;
}

/** `items` in canonical order. */
export function buildFacets(items: readonly ArticleSummary[]): Facets {
  const n = items.length;
  const tagIds = new Map<string, number>();
  const tagLabels: string[] = [];
  const tagSlugs: string[] = [];
  const itemTagStart = new Int32Array(n + 1);
  const itemTagList = new TypedList(Int32Array);
  const authorIds = new Map<string, number>();
  const itemAuthorStart = new Int32Array(n + 1);
  const itemAuthorList = new TypedList(Int32Array);
  const typeIds = new Map<string, number>();
  const itemType = new Int32Array(n);
  const itemTypeName: string[] = [];

  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    const rawTags: readonly unknown[] = Array.isArray(item.tagSlugs) ? item.tagSlugs : NONE;
    const labels: readonly unknown[] = Array.isArray(item.tagLabels) ? item.tagLabels : NONE;
    const ids: number[] = [];
    rawTags.forEach((raw, j) => {
      if (typeof raw !== "string") return;
      const slug = SLUG_PATTERN.test(raw) ? raw : tagSlug(raw);
      if (!slug) return;
      let id = tagIds.get(slug);
      if (id === undefined) {
        id = tagSlugs.length;
        tagIds.set(slug, id);
        tagSlugs.push(slug);
        tagLabels.push(cleanLabel(labels[j], slug));
      }
      ids.push(id);
    });
    itemTagStart[i] = itemTagList.length;
    for (const id of sortedIds(ids)) itemTagList.push(id);

    const authors: number[] = [];
    for (const raw of strings(item.authorIds)) {
      const a = raw.trim();
      if (!a) continue;
      let id = authorIds.get(a);
      if (id === undefined) {
        id = authorIds.size;
        authorIds.set(a, id);
      }
      authors.push(id);
    }
    itemAuthorStart[i] = itemAuthorList.length;
    for (const id of sortedIds(authors)) itemAuthorList.push(id);

    const type = typeof item.type === "string" ? item.type.trim() : "";
    itemTypeName.push(type);
    if (type) {
      let id = typeIds.get(type);
      if (id === undefined) {
        id = typeIds.size;
        typeIds.set(type, id);
      }
      itemType[i] = id;
    } else itemType[i] = -1;
  }
  itemTagStart[n] = itemTagList.length;
  const itemTags = itemTagList.view();
  itemAuthorStart[n] = itemAuthorList.length;
  const itemAuthors = itemAuthorList.view();

  const tagCount = tagSlugs.length;
  const tagDf = new Int32Array(tagCount);
  for (const t of itemTags) tagDf[t]!++;
  const tagRarity = new Float64Array(tagCount);
  const maxIdf = Math.log(1 + n);
  for (let t = 0; t < tagCount; t++) tagRarity[t] = Math.log(1 + n / tagDf[t]!) / maxIdf;
  const tagItemStart = new Int32Array(tagCount + 1);
  for (let t = 0; t < tagCount; t++) tagItemStart[t + 1] = tagItemStart[t]! + tagDf[t]!;
  const tagItems = new Int32Array(itemTags.length);
  const next = tagItemStart.slice(0, tagCount);
  for (let i = 0; i < n; i++) {
    for (let p = itemTagStart[i]!; p < itemTagStart[i + 1]!; p++) tagItems[next[itemTags[p]!]!++] = i;
  }

  const tagRarityRank = new Int32Array(tagCount);
  Array.from({ length: tagCount }, (_, t) => t)
    .sort((x, y) => tagDf[x]! - tagDf[y]! || (tagSlugs[x]! < tagSlugs[y]! ? -1 : tagSlugs[x]! > tagSlugs[y]! ? 1 : 0))
    .forEach((t, rank) => (tagRarityRank[t] = rank));

  const authorSet = new Int32Array(n);
  const authorSetIds = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = itemAuthors.subarray(itemAuthorStart[i]!, itemAuthorStart[i + 1]!).join(",");
    let id = authorSetIds.get(key);
    if (id === undefined) authorSetIds.set(key, (id = authorSetIds.size));
    authorSet[i] = id;
  }

  return {
    tagCount,
    tagSlugs,
    tagLabels,
    itemTagStart,
    itemTags,
    tagDf,
    tagRarity,
    tagItemStart,
    tagItems,
    tagRarityRank,
    itemAuthorStart,
    itemAuthors,
    authorSet,
    authorSetCount: authorSetIds.size,
    itemType,
    itemTypeName,
  };
}

/** Tag ids sorted by rarity, rarest first (sorts `tags` in place). */
export function byRarity(facets: Facets, tags: number[]): number[] {
  const rank = facets.tagRarityRank;
  return tags.sort((x, y) => rank[x]! - rank[y]!);
}
