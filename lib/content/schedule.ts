/**
 * Scheduled publishing: an item whose `date` is still to come is built only once that time has passed, so a
 * production build publishes a small record (/build.json: when it was built, when the next scheduled item goes
 * live) and a scheduled workflow (.github/workflows/scheduled-publish.yml, scripts/should-rebuild.ts) asks
 * `decideRebuild` whether to call the Netlify build hook.
 *
 * The record names a time only, never an item: an embargoed item's slug or title must not reach the site.
 *
 * No runtime imports (types only): the workflow runs this file with Node alone, without installing packages.
 */
import type { Article } from "./model.ts";

/** What /build.json says. Both times are ISO 8601 in UTC with milliseconds (Date#toISOString). */
export interface BuildRecord {
  /** The build's "now": the clock, or GOVNEWS_NOW when set. */
  builtAt: string;
  /** When the soonest scheduled item goes live, or null when nothing is scheduled. */
  nextScheduledAt: string | null;
}

export interface NextScheduled<T> {
  /** Epoch ms of the soonest scheduled time. */
  at: number;
  /** The items that go live then (usually one), in the order given. */
  items: T[];
  /** Scheduled items after that time. */
  later: number;
}

/**
 * The soonest scheduled time among the items and the items that go live then. Scheduled is the model's state:
 * a date after the build's now and neither a draft nor withdrawn (model.ts, publicationState).
 */
export function findNextScheduled<T extends Pick<Article, "state" | "dateMs">>(items: readonly T[]): NextScheduled<T> | undefined {
  let next: NextScheduled<T> | undefined;
  let scheduled = 0;
  for (const item of items) {
    if (item.state !== "scheduled") continue;
    scheduled++;
    if (!next || item.dateMs < next.at) next = { at: item.dateMs, items: [item], later: 0 };
    else if (item.dateMs === next.at) next.items.push(item);
  }
  if (next) next.later = scheduled - next.items.length;
  return next;
}

/** The record a build publishes: its now and the next scheduled time, nothing about the item. */
export function makeBuildRecord(items: ReadonlyArray<Pick<Article, "state" | "dateMs">>, now: number): BuildRecord {
  const next = findNextScheduled(items);
  return { builtAt: new Date(now).toISOString(), nextScheduledAt: next ? new Date(next.at).toISOString() : null };
}

/** /build.json's text: these two keys in this order, so the same content and now give the same bytes. */
export function serialiseBuildRecord(record: BuildRecord): string {
  return JSON.stringify({ builtAt: record.builtAt, nextScheduledAt: record.nextScheduledAt }, null, 2) + "\n";
}

// Exactly what Date#toISOString writes (years 0000–9999), so a record parses only if a build could have made it.
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function parseTime(value: unknown, field: string): number {
  const ms = typeof value === "string" && ISO_UTC.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString() !== value)
    throw new Error(`build record: "${field}" is ${JSON.stringify(value)}, not a UTC time such as "2027-03-04T00:01:00.000Z"`);
  return ms;
}

/** Reads /build.json's text; throws an error naming the field when it is not a record a build wrote. */
export function parseBuildRecord(text: string): BuildRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`build record: not JSON (starts ${JSON.stringify(text.slice(0, 40))}); is the site address right, and has a build with /build.json been deployed?`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw new Error("build record: not a JSON object");
  const record = data as Record<string, unknown>;
  const builtAt = record.builtAt;
  parseTime(builtAt, "builtAt");
  const next = record.nextScheduledAt;
  if (next !== null) parseTime(next, "nextScheduledAt");
  return { builtAt: builtAt as string, nextScheduledAt: next as string | null };
}

export interface RebuildDecision {
  rebuild: boolean;
  /** One sentence for the workflow's log. */
  reason: string;
}

/**
 * Rebuild only when a scheduled time has passed since the last build: the next scheduled time is after the build
 * and no later than now. A next time at or before the build cannot come from a correct build (that item would
 * have been published), and rebuilding would not change it: answering yes would rebuild every quarter hour.
 */
export function decideRebuild(record: BuildRecord, now: number): RebuildDecision {
  if (record.nextScheduledAt === null) return { rebuild: false, reason: `nothing is scheduled (last build ${record.builtAt})` };
  const builtAt = Date.parse(record.builtAt);
  const next = Date.parse(record.nextScheduledAt);
  if (next <= builtAt)
    return { rebuild: false, reason: `the next scheduled time ${record.nextScheduledAt} is not after the last build ${record.builtAt}: the record is inconsistent, so no rebuild` };
  if (next > now) return { rebuild: false, reason: `the next scheduled time ${record.nextScheduledAt} is still to come (last build ${record.builtAt})` };
  return { rebuild: true, reason: `the scheduled time ${record.nextScheduledAt} has passed since the last build ${record.builtAt}` };
}
