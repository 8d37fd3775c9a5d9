/**
 * Authors' roles over time: which role an author held on a date, what the bio says they do now, and the
 * checks on role history. Pure.
 */
import { DateTime } from "luxon";
import { LONDON } from "../content/dates.ts";

export interface RoleSpan {
  role: string;
  organisation: string;
  /** First day, YYYY-MM-DD (London calendar day). */
  from: string;
  /** Last day, YYYY-MM-DD, or undefined for the role held now. */
  to?: string;
}

export interface AuthorRoles {
  /** The role held now. */
  role: string;
  organisation: string;
  roles?: RoleSpan[];
}

/** The London calendar day of an instant, as YYYY-MM-DD (comparable as strings). */
export function londonDay(ms: number): string {
  // The instant moved by London's offset, read as UTC: the same as luxon's toISODate in London, without a
  // DateTime per call (bylines and JSON-LD ask for every item and author). Years 0–9999 only, as ISO dates go.
  const local = new Date(ms + LONDON.offset(ms) * 60_000);
  const year = local.getUTCFullYear();
  if (year >= 0 && year <= 9999) return local.toISOString().slice(0, 10);
  return DateTime.fromMillis(ms, { zone: LONDON }).toISODate()!;
}

/**
 * The role held on the London calendar day of `ms`: the history entry whose from–to (both inclusive)
 * covers that day; otherwise the current role (no history, or a day the history does not cover).
 */
export function roleAt(author: AuthorRoles, ms: number): { role: string; organisation: string } {
  const day = londonDay(ms);
  const span = (author.roles ?? []).find((r) => r.from <= day && (r.to === undefined || day <= r.to));
  return span ? { role: span.role, organisation: span.organisation } : { role: author.role, organisation: author.organisation };
}

/** Past roles, most recent first (those with an end date). */
export function pastRoles(author: AuthorRoles): RoleSpan[] {
  return (author.roles ?? []).filter((r) => r.to !== undefined).sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
}

/** "Formerly Service owner at Cabinet Office; now Public sector editor at Gov Tech News." or undefined. */
export function careerLine(author: AuthorRoles): string | undefined {
  const past = pastRoles(author).filter((r) => !(r.role === author.role && r.organisation === author.organisation));
  if (past.length === 0) return undefined;
  return `Formerly ${past.map((r) => `${r.role} at ${r.organisation}`).join("; ")}; now ${author.role} at ${author.organisation}.`;
}

/** Problems in a role history, as [field, message] pairs: backwards dates, overlaps, more than one open role. */
export function roleProblems(roles: readonly RoleSpan[]): Array<[field: string, message: string]> {
  const problems: Array<[string, string]> = [];
  roles.forEach((r, i) => {
    if (r.to !== undefined && r.to < r.from) problems.push([`roles[${i}].to`, `${r.to} is before ${r.from}: the last day must come after the first`]);
  });
  const open = roles.map((r, i) => [r, i] as const).filter(([r]) => r.to === undefined);
  if (open.length > 1) {
    problems.push([`roles[${open[1]![1]}].to`, `is missing, but roles[${open[0]![1]}] is also open: only the current role may leave out "to"`]);
  }
  const order = roles.map((r, i) => [r, i] as const).sort(([a], [b]) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let j = 1; j < order.length; j++) {
    const [prev, pi] = order[j - 1]!;
    const [next, ni] = order[j]!;
    if (prev.to === undefined || next.from <= prev.to) {
      problems.push([`roles[${ni}].from`, `${next.from} overlaps roles[${pi}] (${prev.from} to ${prev.to ?? "now"}): roles must not overlap`]);
    }
  }
  return problems;
}
