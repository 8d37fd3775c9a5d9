/** Small builders for related-articles tests. */
import fs from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { tagSlug } from "../../../lib/content/tags.ts";
import type { ArticleSummary } from "../../../lib/related/engine.ts";

export const DAY = 86_400_000;
/** "Now" for test items: 1 November 2026. */
export const BASE = Date.UTC(2026, 10, 1, 9, 0, 0);

export interface ItemSpec extends Partial<Omit<ArticleSummary, "tagSlugs" | "tagLabels" | "dateMs">> {
  /** Tag labels; slugs are derived as the content model does. */
  tags?: string[];
  daysAgo?: number;
}

/** An item whose title is its slug's words unless given; no body, no tags, type news, no authors. */
export function item(slug: string, spec: ItemSpec = {}): ArticleSummary {
  const { tags = [], daysAgo = 0, ...rest } = spec;
  return {
    slug,
    title: slug.replace(/-/g, " "),
    description: "",
    body: "",
    type: "news",
    authorIds: [],
    tagSlugs: tags.map(tagSlug),
    tagLabels: tags,
    dateMs: BASE - daysAgo * DAY,
    ...rest,
  };
}

/** Deterministic shuffle (mulberry32), so a failing order can be reproduced. */
export function shuffled<T>(list: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const rng = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface LabelledFixture {
  groups: Record<string, string>;
  items: Array<{ slug: string; group: string; title: string; description: string; body: string; type: string; authorIds: string[]; tags: string[]; date: string }>;
}

/** tests/fixtures/related/labelled.json as engine input, plus each item's group. */
export function labelledFixture(): { items: ArticleSummary[]; group: Map<string, string>; groups: Record<string, string> } {
  const file = path.join(import.meta.dirname, "../../fixtures/related/labelled.json");
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as LabelledFixture;
  const items = data.items.map((i) => ({
    slug: i.slug,
    title: i.title,
    description: i.description,
    body: i.body,
    type: i.type,
    authorIds: i.authorIds,
    tagSlugs: i.tags.map(tagSlug),
    tagLabels: i.tags,
    dateMs: DateTime.fromISO(i.date).toMillis(),
  }));
  return { items, group: new Map(data.items.map((i) => [i.slug, i.group])), groups: data.groups };
}
