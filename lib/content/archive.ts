/**
 * The archive by year, for people who browse by date: `/archive/` lists the years, `/archive/2026/` (paginated)
 * the items published that year, newest first. A year is the item's publication year in UK time, as its page
 * shows the date: an item published at 00:30 on 1 January 2027 (UK) is in 2027 whatever offset it was written in.
 */
import { londonYear } from "./dates.ts";
import { paginate, type ListPage } from "./paginate.ts";

export const ARCHIVE_URL = "/archive/";

/** `/archive/2026/` */
export function archiveYearUrl(year: number): string {
  return `${ARCHIVE_URL}${year}/`;
}

export interface ArchiveYear<T> {
  year: number;
  url: string;
  items: T[];
}

/** Items (newest first) grouped by year, newest year first; each year's items keep their order. */
export function archiveYears<T extends { date: string }>(items: readonly T[]): Array<ArchiveYear<T>> {
  const byYear = new Map<number, T[]>();
  for (const item of items) {
    const year = londonYear(item.date);
    const list = byYear.get(year);
    if (list) list.push(item);
    else byYear.set(year, [item]);
  }
  return [...byYear.entries()].sort(([a], [b]) => b - a).map(([year, list]) => ({ year, url: archiveYearUrl(year), items: list }));
}

/** What the year page template paginates over: one entry per page of each year. */
export interface ArchiveListPage<T> extends ListPage<T> {
  year: { year: number; count: number };
}

/** Every page of every year. */
export function archivePages<T extends { date: string }>(items: readonly T[], perPage: number): Array<ArchiveListPage<T>> {
  return archiveYears(items).flatMap((y) => paginate(y.items, perPage, y.url).map((page) => ({ ...page, year: { year: y.year, count: y.items.length } })));
}
