/**
 * Dates: parsed and shown with luxon in Europe/London, whatever the build machine's time zone.
 * GOV.UK style is "17 August 2026" (https://www.gov.uk/guidance/style-guide/a-to-z#dates).
 */
import { DateTime, IANAZone } from "luxon";

export const TIME_ZONE = "Europe/London";

const HOUR_MS = 3_600_000;
/** From here on every change of London's offset falls on a whole UTC hour (local mean time ended in 1847). */
const WHOLE_HOUR_CHANGES_FROM = Date.UTC(1848, 0, 1);

/**
 * Europe/London for luxon, with each offset asked of Intl once per UTC hour. Luxon otherwise asks Intl on
 * every conversion (formatToParts, which is slow), and a build converts dates to London time several times per
 * item (bylines, roles, JSON-LD, feeds); what this saves is in docs/performance.md. Since 1848 every change of
 * London's offset (GMT, BST, double summer time, British Standard Time) has happened on a whole UTC hour, so one
 * lookup per hour gives the exact offset; a test checks that against Intl at every change from 1848 to 2060.
 * Earlier instants are asked of Intl directly. Same name, type and equality as luxon's own zone.
 */
class LondonZone extends IANAZone {
  readonly #offsets = new Map<number, number>();

  constructor() {
    super(TIME_ZONE);
  }

  offset(ts: number): number {
    if (!(ts >= WHOLE_HOUR_CHANGES_FROM && ts < 8.64e15)) return super.offset(ts);
    const hour = Math.floor(ts / HOUR_MS);
    let minutes = this.#offsets.get(hour);
    if (minutes === undefined) {
      minutes = super.offset(hour * HOUR_MS);
      this.#offsets.set(hour, minutes);
    }
    return minutes;
  }
}

/** The zone to give luxon for London time (`setZone(LONDON)`, `{ zone: LONDON }`). */
export const LONDON: IANAZone = new LondonZone();

// A full date and time with seconds optional, fractions optional, and an explicit offset (Z or ±hh:mm).
// Hours 00–23 and offsets of at most ±23:59 (luxon quietly accepts +25:00 and moves the date).
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** True for an ISO 8601 date-time string with an explicit offset that names a real instant. */
export function isIsoDateTimeWithOffset(value: unknown): boolean {
  return typeof value === "string" && ISO_WITH_OFFSET.test(value) && DateTime.fromISO(value, { setZone: true }).isValid;
}

/** Parse a validated ISO string into a luxon DateTime in London time. */
export function toLondon(value: string | Date): DateTime {
  const dt = typeof value === "string" ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromJSDate(value);
  if (!dt.isValid) throw new RangeError(`Invalid date: ${String(value)}`);
  return dt.setZone(LONDON);
}

// The archive and the search filters group every item by its year on every build: each string's once per process.
const years = new Map<string, number>();

/** The year of an instant in UK time (an item published at 00:30 on 1 January UK time is in the new year). */
export function londonYear(value: string): number {
  let year = years.get(value);
  if (year === undefined) years.set(value, (year = toLondon(value).year));
  return year;
}

// Lists repeat the same dates on many pages: format each ISO string once per process.
const formatted = new Map<string, string>();

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * luxon's `toFormat("d MMMM yyyy")` in en-GB, without asking Intl for the month's name on every call (a test
 * compares the two across two centuries).
 */
function dayMonthYear(dt: DateTime): string {
  return `${dt.day} ${MONTHS[dt.month - 1]} ${dt.year >= 0 ? String(dt.year).padStart(4, "0") : dt.toFormat("yyyy")}`;
}

/** "17 August 2026": the calendar day in London. */
export function formatDate(value: string | Date): string {
  if (typeof value !== "string") return dayMonthYear(toLondon(value));
  let text = formatted.get(value);
  if (text === undefined) {
    text = dayMonthYear(toLondon(value));
    formatted.set(value, text);
  }
  return text;
}

/** "17 August 2026 at 9:30am", "… at midday", "… at midnight" (GOV.UK style guide: times). */
export function formatDateTime(value: string | Date): string {
  const dt = toLondon(value).setLocale("en-GB");
  const time = dt.minute === 0 && dt.hour === 12 ? "midday" : dt.minute === 0 && dt.hour === 0 ? "midnight" : dt.toFormat(dt.minute === 0 ? "ha" : "h:mma").toLowerCase();
  return `${dt.toFormat("d MMMM yyyy")} at ${time}`;
}

/** True when the value has the ISO shape but names no real moment (30 February, 25:00). */
export function isImpossibleDate(value: unknown): boolean {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) && !DateTime.fromISO(value, { setZone: true }).isValid;
}

// Each string's London form, once per process: a model converts every item's dates on every build.
const isoDateTimes = new Map<string, string>();

/** Machine-readable value for `<time datetime>`: London time with its offset, e.g. 2026-08-17T09:30:00+01:00. */
export function isoDateTime(value: string | Date): string {
  if (typeof value !== "string") return toLondon(value).toISO({ suppressMilliseconds: true }) ?? "";
  let iso = isoDateTimes.get(value);
  if (iso === undefined) isoDateTimes.set(value, (iso = toLondon(value).toISO({ suppressMilliseconds: true }) ?? ""));
  return iso;
}

// The model asks for an item's instant several times (its state, its order, its schedule): parse each string once.
const instants = new Map<string, number>();

/** Milliseconds since the epoch, for sorting. An instant needs no time zone. */
export function toMillis(value: string | Date): number {
  if (typeof value === "string") {
    const known = instants.get(value);
    if (known !== undefined) return known;
  }
  const dt = typeof value === "string" ? DateTime.fromISO(value, { setZone: true }) : DateTime.fromJSDate(value);
  if (!dt.isValid) throw new RangeError(`Invalid date: ${String(value)}`);
  const ms = dt.toMillis();
  if (typeof value === "string") instants.set(value, ms);
  return ms;
}
