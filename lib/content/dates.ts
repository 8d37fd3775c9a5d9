/**
 * Dates: parsed and shown with luxon in Europe/London, whatever the build machine's time zone.
 * GOV.UK style is "17 August 2026" (https://www.gov.uk/guidance/style-guide/a-to-z#dates).
 */
import { DateTime } from "luxon";

export const TIME_ZONE = "Europe/London";

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
  return dt.setZone(TIME_ZONE);
}

// Lists repeat the same dates on many pages: format each ISO string once per process.
const formatted = new Map<string, string>();

/** "17 August 2026": the calendar day in London. */
export function formatDate(value: string | Date): string {
  if (typeof value !== "string") return toLondon(value).setLocale("en-GB").toFormat("d MMMM yyyy");
  let text = formatted.get(value);
  if (text === undefined) {
    text = toLondon(value).setLocale("en-GB").toFormat("d MMMM yyyy");
    formatted.set(value, text);
  }
  return text;
}

/** "17 August 2026 at 9:30am", "… at midday", "… at midnight" (GOV.UK style guide: times). */
export function formatDateTime(value: string | Date): string {
  const dt = toLondon(value).setLocale("en-GB");
  const time =
    dt.minute === 0 && dt.hour === 12 ? "midday" : dt.minute === 0 && dt.hour === 0 ? "midnight" : dt.toFormat(dt.minute === 0 ? "ha" : "h:mma").toLowerCase();
  return `${dt.toFormat("d MMMM yyyy")} at ${time}`;
}

/** True when the value has the ISO shape but names no real moment (30 February, 25:00). */
export function isImpossibleDate(value: unknown): boolean {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) && !DateTime.fromISO(value, { setZone: true }).isValid;
}

/** Machine-readable value for `<time datetime>`: London time with its offset, e.g. 2026-08-17T09:30:00+01:00. */
export function isoDateTime(value: string | Date): string {
  return toLondon(value).toISO({ suppressMilliseconds: true }) ?? "";
}

/** Milliseconds since the epoch, for sorting. */
export function toMillis(value: string | Date): number {
  return toLondon(value).toMillis();
}
