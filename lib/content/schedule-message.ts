/**
 * The build's line about scheduled items, for the editor's build log (never the site, so it may name the items):
 * "Next scheduled: 1 item goes live on Sunday 7 March 2027 at 00:01 UK time".
 */
import type { Article } from "./model.ts";
import { toLondon } from "./dates.ts";
import type { NextScheduled } from "./schedule.ts";

/** "Sunday 7 March 2027 at 00:01 UK time": the weekday too, as embargoes are often set for a weekend. */
export function formatGoLiveTime(value: string | Date): string {
  return toLondon(value).setLocale("en-GB").toFormat("cccc d MMMM yyyy 'at' HH:mm 'UK time'");
}

/** The lines the build prints: the next scheduled time, each item going live then, and how many come later. */
export function describeNextScheduled(next: NextScheduled<Pick<Article, "title" | "file">> | undefined): string[] {
  if (!next) return ["Next scheduled: nothing"];
  const count = next.items.length;
  const lines = [`Next scheduled: ${count} ${count === 1 ? "item goes" : "items go"} live on ${formatGoLiveTime(new Date(next.at))}`];
  for (const item of next.items) lines.push(`  ${JSON.stringify(item.title)} (${item.file})`);
  if (next.later > 0) lines.push(`  and ${next.later} more scheduled after that`);
  return lines;
}
