/**
 * Warnings: things that are probably mistakes but may be meant, so `npm run check` shows them and still passes.
 * A tag spelt close to an existing topic ("Cyber securty" would silently start a new topic), two items with the
 * same headline, and an item dated in the future (scheduled: the editor sees when it goes live).
 * Pure: runs on the fields of every item that are valid (item-checks.ts), whatever else is wrong with it.
 */
import { distance } from "fastest-levenshtein";
import type { ContentIssue } from "./issues.ts";
import type { CheckedFields } from "./item-checks.ts";
import { mergeTags, tagSlug } from "./tags.ts";
import { toMillis } from "./dates.ts";
import { formatGoLiveTime } from "./schedule-message.ts";

export interface AdvisedItem {
  file: string;
  fields: CheckedFields;
}

/** Every warning for these items, each file's in field order (date, title, tags). */
export function contentWarnings(items: readonly AdvisedItem[], now: number): ContentIssue[] {
  return [...scheduledNotices(items, now), ...duplicateTitles(items), ...similarTags(items)].map((issue) => ({ ...issue, severity: "warning" as const }));
}

/** An item dated in the future goes live by itself: say when, so a wrong year or time zone is seen. */
export function scheduledNotices(items: readonly AdvisedItem[], now: number): ContentIssue[] {
  return items.flatMap(({ file, fields }) =>
    fields.date !== undefined && !fields.draft && !fields.withdrawn && toMillis(fields.date) > now
      ? [{ file, field: "date", message: `is in the future, so the item is scheduled: it goes live on ${formatGoLiveTime(fields.date)}` }]
      : [],
  );
}

// Each headline's key, once per process: every item's title is compared on every check and npm start rebuild.
const headlineKeys = new Map<string, string>();

/** Headlines compared without case, surrounding spaces or repeated spaces. */
function headlineKey(title: string): string {
  let key = headlineKeys.get(title);
  if (key === undefined) headlineKeys.set(title, (key = title.trim().replace(/\s+/g, " ").toLocaleLowerCase("en-GB")));
  return key;
}

/** Two items with one headline: readers, feed readers and search engines cannot tell them apart. */
export function duplicateTitles(items: readonly AdvisedItem[]): ContentIssue[] {
  const byTitle = new Map<string, string[]>();
  for (const { file, fields } of items) {
    if (!fields.title) continue;
    const key = headlineKey(fields.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), file]);
  }
  return items.flatMap(({ file, fields }) => {
    const others = fields.title ? byTitle.get(headlineKey(fields.title))!.filter((f) => f !== file) : [];
    return others.length
      ? [
          {
            file,
            field: "title",
            message: `is also the headline of ${others.join(", ")}: make each headline distinct, so readers can tell the items apart in lists and search results`,
          },
        ]
      : [];
  });
}

/**
 * Whether two tag slugs are close enough to be one topic misspelt: one letter added, dropped or changed, or two
 * neighbours swapped, in a slug long enough that this is unlikely by chance ("ai" and "api" are different topics;
 * "cyber-securty" and "cyber-secruity" are "cyber-security"). Two changes are not: "digital-inclusion" and
 * "digital-exclusion" are different topics.
 */
export function areSimilarTags(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 5 || Math.abs(a.length - b.length) > 1) return false;
  return distance(a, b) === 1 || isOneSwap(a, b);
}

/** True when `b` is `a` with two neighbouring letters swapped. */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const first = [...a].findIndex((c, i) => c !== b[i]);
  return first >= 0 && first < a.length - 1 && a[first] === b[first + 1] && a[first + 1] === b[first] && a.slice(first + 2) === b.slice(first + 2);
}

/**
 * A tag close to another topic: a warning on each use of the less used spelling (on ties, the later in the
 * alphabet), naming the topic it is probably meant to be.
 */
export function similarTags(items: readonly AdvisedItem[]): ContentIssue[] {
  // Items per topic, and each topic's label as the site shows it (its most used spelling, tags.ts).
  const labels = mergeTags(items.flatMap(({ fields }) => fields.tags ?? []));
  const uses = new Map<string, { label: string; count: number }>();
  for (const { fields } of items) {
    for (const slug of new Set((fields.tags ?? []).map(tagSlug))) {
      if (!slug) continue;
      const seen = uses.get(slug);
      if (seen) seen.count++;
      else uses.set(slug, { label: labels.get(slug)?.label ?? slug, count: 1 });
    }
  }
  const slugs = [...uses.keys()].sort();
  // Each slug's better spelling, if it has one: the most used similar slug that is used more (or, tied, sorts first).
  const meant = new Map<string, string>();
  for (const slug of slugs) {
    const own = uses.get(slug)!.count;
    let best: string | undefined;
    for (const other of slugs) {
      if (!areSimilarTags(slug, other)) continue;
      const count = uses.get(other)!.count;
      if (count < own || (count === own && other > slug)) continue;
      if (!best || count > uses.get(best)!.count) best = other;
    }
    if (best) meant.set(slug, best);
  }
  if (meant.size === 0) return [];
  return items.flatMap(({ file, fields }) =>
    (fields.tags ?? []).flatMap((tag, i) => {
      const target = meant.get(tagSlug(tag));
      if (!target) return [];
      const { label, count } = uses.get(target)!;
      return [
        {
          file,
          field: `tags[${i}]`,
          message: `"${tag}" is close to the topic "${label}" (${count} ${count === 1 ? "item" : "items"}): did you mean "${label}"? If it is a new topic, leave it`,
        },
      ];
    }),
  );
}
