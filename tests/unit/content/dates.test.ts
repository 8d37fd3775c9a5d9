import { test } from "node:test";
import assert from "node:assert/strict";
import { IANAZone } from "luxon";
import { LONDON, formatDate, formatDateTime, isIsoDateTimeWithOffset, isoDateTime, toLondon, toMillis } from "../../../lib/content/dates.ts";

const validDateTimes: Array<{ name: string; input: string }> = [
  { name: "UTC with Z", input: "2026-08-17T09:30:00Z" },
  { name: "BST offset +01:00", input: "2026-08-17T09:30:00+01:00" },
  { name: "explicit +00:00", input: "2026-01-17T09:30:00+00:00" },
  { name: "negative offset", input: "2026-08-17T04:30:00-05:00" },
  { name: "largest real offset +14:00", input: "2026-08-17T09:30:00+14:00" },
  { name: "fractional seconds with Z", input: "2026-08-17T09:30:00.123Z" },
  { name: "fractional seconds with offset", input: "2026-08-17T09:30:00.5+01:00" },
  { name: "no seconds with Z", input: "2026-08-17T09:30Z" },
  { name: "no seconds with offset", input: "2026-08-17T09:30+01:00" },
  { name: "29 February in a leap year", input: "2024-02-29T10:00:00Z" },
];

for (const { name, input } of validDateTimes) {
  test(`isIsoDateTimeWithOffset accepts ${name}: ${input}`, () => {
    assert.equal(isIsoDateTimeWithOffset(input), true);
  });
}

const invalidDateTimes: Array<{ name: string; input: unknown }> = [
  { name: "date only", input: "2026-08-17" },
  { name: "date and time without offset", input: "2026-08-17T09:30:00" },
  { name: "date and time without seconds or offset", input: "2026-08-17T09:30" },
  { name: "30 February", input: "2026-02-30T10:00:00Z" },
  { name: "29 February in a common year", input: "2026-02-29T10:00:00Z" },
  { name: "month 13", input: "2026-13-01T10:00:00Z" },
  { name: "minute 60", input: "2026-08-17T09:60:00Z" },
  { name: "offset without colon", input: "2026-08-17T09:30:00+0100" },
  { name: "space instead of T", input: "2026-08-17 09:30:00Z" },
  { name: "lower-case t and z", input: "2026-08-17t09:30:00z" },
  { name: "leading space", input: " 2026-08-17T09:30:00Z" },
  { name: "trailing text", input: "2026-08-17T09:30:00Z tomorrow" },
  { name: "human date", input: "17 August 2026" },
  { name: "empty string", input: "" },
  { name: "number", input: 20260817 },
  { name: "epoch milliseconds", input: 1786955400000 },
  { name: "Date object", input: new Date("2026-08-17T09:30:00Z") },
  { name: "null", input: null },
  { name: "undefined", input: undefined },
  { name: "boolean", input: true },
  { name: "array holding a valid string", input: ["2026-08-17T09:30:00Z"] },
  // Offsets must be real: hours 00–23 and minutes 00–59 (ISO 8601 / RFC 3339 time-numoffset).
  { name: "offset minutes 60", input: "2026-08-17T09:30:00+01:60" },
  { name: "offset hours 25", input: "2026-08-17T09:30:00+25:00" },
  { name: "offset +99:99", input: "2026-08-17T09:30:00+99:99" },
];

for (const { name, input } of invalidDateTimes) {
  test(`isIsoDateTimeWithOffset rejects ${name}: ${JSON.stringify(input)}`, () => {
    assert.equal(isIsoDateTimeWithOffset(input), false);
  });
}

const formatDateCases: Array<{ name: string; input: string | Date; expected: string }> = [
  { name: "summer morning in BST", input: "2026-08-17T09:30:00+01:00", expected: "17 August 2026" },
  { name: "single-digit day has no leading zero", input: "2026-07-01T08:00:00Z", expected: "1 July 2026" },
  { name: "late UTC evening in BST is the next London day", input: "2026-08-16T23:30:00Z", expected: "17 August 2026" },
  { name: "spring clock change: 00:30 UTC (still GMT)", input: "2026-03-29T00:30:00Z", expected: "29 March 2026" },
  { name: "last minute before the spring clock-change day", input: "2026-03-28T23:59:00Z", expected: "28 March 2026" },
  { name: "autumn clock change: 00:30 BST", input: "2026-10-25T00:30:00+01:00", expected: "25 October 2026" },
  { name: "autumn clock change: 01:30 UTC (now GMT)", input: "2026-10-25T01:30:00Z", expected: "25 October 2026" },
  { name: "New Year's Eve in GMT stays in the old year", input: "2025-12-31T23:30:00Z", expected: "31 December 2025" },
  { name: "offset far from London moves the day back", input: "2026-08-17T07:00:00+10:00", expected: "16 August 2026" },
  { name: "Date object in BST", input: new Date("2026-08-16T23:30:00Z"), expected: "17 August 2026" },
];

for (const { name, input, expected } of formatDateCases) {
  test(`formatDate: ${name} (${String(input instanceof Date ? input.toISOString() : input)} → ${expected})`, () => {
    assert.equal(formatDate(input), expected);
  });
}

const formatDateTimeCases: Array<{ name: string; input: string | Date; expected: string }> = [
  { name: "morning in BST", input: "2026-08-17T09:30:00+01:00", expected: "17 August 2026 at 9:30am" },
  { name: "UTC converted to BST", input: "2026-08-17T08:30:00Z", expected: "17 August 2026 at 9:30am" },
  { name: "afternoon is pm, lower case", input: "2026-08-17T13:05:00Z", expected: "17 August 2026 at 2:05pm" },
  { name: "winter time is GMT", input: "2026-01-01T08:00:00Z", expected: "1 January 2026 at 8am" },
  { name: "just after midnight in BST on the next London day", input: "2026-08-16T23:30:00Z", expected: "17 August 2026 at 12:30am" },
  { name: "autumn clock change, second 1:30am (GMT)", input: "2026-10-25T01:30:00Z", expected: "25 October 2026 at 1:30am" },
  { name: "evening in GMT", input: "2025-12-31T23:30:00Z", expected: "31 December 2025 at 11:30pm" },
  { name: "Date object", input: new Date("2026-07-01T08:00:00Z"), expected: "1 July 2026 at 9am" },
];

for (const { name, input, expected } of formatDateTimeCases) {
  test(`formatDateTime: ${name} → ${expected}`, () => {
    assert.equal(formatDateTime(input), expected);
  });
}

const isoDateTimeCases: Array<{ name: string; input: string | Date; expected: string }> = [
  { name: "UTC in summer gets +01:00", input: "2026-07-01T08:00:00Z", expected: "2026-07-01T09:00:00+01:00" },
  // luxon prints a zero offset as +00:00 (not Z): both are valid ISO 8601 / RFC 3339 and valid in <time datetime>.
  { name: "UTC in winter gets +00:00", input: "2026-01-01T08:00:00Z", expected: "2026-01-01T08:00:00+00:00" },
  { name: "BST input is kept", input: "2026-08-17T09:30:00+01:00", expected: "2026-08-17T09:30:00+01:00" },
  { name: "other offsets are converted to London", input: "2026-08-17T04:30:00-05:00", expected: "2026-08-17T10:30:00+01:00" },
  { name: "seconds are added when missing", input: "2026-08-17T09:30+01:00", expected: "2026-08-17T09:30:00+01:00" },
  { name: "milliseconds are kept when present", input: "2026-08-17T08:30:00.123Z", expected: "2026-08-17T09:30:00.123+01:00" },
  { name: "late UTC evening becomes next London day", input: "2026-08-16T23:30:00Z", expected: "2026-08-17T00:30:00+01:00" },
  { name: "spring clock change, before 01:00 UTC", input: "2026-03-29T00:30:00Z", expected: "2026-03-29T00:30:00+00:00" },
  { name: "spring clock change, after 01:00 UTC", input: "2026-03-29T01:30:00Z", expected: "2026-03-29T02:30:00+01:00" },
  { name: "autumn clock change, first 1:30am (BST)", input: "2026-10-25T00:30:00Z", expected: "2026-10-25T01:30:00+01:00" },
  { name: "autumn clock change, second 1:30am (GMT)", input: "2026-10-25T01:30:00Z", expected: "2026-10-25T01:30:00+00:00" },
  { name: "Date object", input: new Date("2026-07-01T08:00:00Z"), expected: "2026-07-01T09:00:00+01:00" },
];

for (const { name, input, expected } of isoDateTimeCases) {
  test(`isoDateTime: ${name} → ${expected}`, () => {
    assert.equal(isoDateTime(input), expected);
  });
}

const toMillisCases: Array<{ name: string; input: string | Date; expected: number }> = [
  { name: "Z", input: "2026-08-17T08:30:00Z", expected: Date.UTC(2026, 7, 17, 8, 30) },
  { name: "+01:00 is the same instant as Z an hour earlier", input: "2026-08-17T09:30:00+01:00", expected: Date.UTC(2026, 7, 17, 8, 30) },
  { name: "negative offset", input: "2026-08-17T03:30:00-05:00", expected: Date.UTC(2026, 7, 17, 8, 30) },
  { name: "fractional seconds", input: "2026-08-17T08:30:00.123Z", expected: Date.UTC(2026, 7, 17, 8, 30, 0, 123) },
  { name: "no seconds", input: "2026-08-17T08:30Z", expected: Date.UTC(2026, 7, 17, 8, 30) },
  { name: "epoch", input: "1970-01-01T00:00:00Z", expected: 0 },
  { name: "Date object", input: new Date(Date.UTC(2026, 0, 1)), expected: Date.UTC(2026, 0, 1) },
];

for (const { name, input, expected } of toMillisCases) {
  test(`toMillis: ${name}`, () => {
    assert.equal(toMillis(input), expected);
  });
}

const unparseable: Array<{ name: string; input: string | Date }> = [
  { name: "text", input: "tomorrow" },
  { name: "30 February", input: "2026-02-30T10:00:00Z" },
  { name: "invalid Date object", input: new Date("nope") },
];

for (const { name, input } of unparseable) {
  for (const [fnName, fn] of [
    ["toLondon", toLondon],
    ["formatDate", formatDate],
    ["formatDateTime", formatDateTime],
    ["isoDateTime", isoDateTime],
    ["toMillis", toMillis],
  ] as const) {
    test(`${fnName} throws a RangeError for an unparseable value (${name})`, () => {
      assert.throws(() => fn(input), { name: "RangeError", message: /^Invalid date: / });
    });
  }
}

test("toLondon returns a DateTime in Europe/London", () => {
  assert.equal(toLondon("2026-08-17T08:30:00Z").zoneName, "Europe/London");
});

test("LONDON gives Intl's offset at every change of London time from 1848 to 2060, each on a whole UTC hour", () => {
  // The zone looks each offset up once per UTC hour, which is exact only if every change falls on a whole hour.
  // Find every change day by day with luxon's own zone (Intl), then the exact millisecond by bisection.
  const intl = new IANAZone("Europe/London");
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  const changes: number[] = [];
  for (let t = Date.UTC(1848, 0, 1); t < Date.UTC(2060, 0, 1); t += DAY) {
    if (intl.offset(t) === intl.offset(t + DAY)) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (intl.offset(mid) === intl.offset(t)) lo = mid;
      else hi = mid;
    }
    changes.push(hi);
  }
  assert.ok(changes.length > 250, `found ${changes.length} changes`); // two a year in most years since 1916
  for (const change of changes) {
    assert.equal(Math.abs(change % HOUR), 0, `a change at ${new Date(change).toISOString()} is not on a whole hour`);
    for (const t of [change - HOUR, change - 1, change, change + 1, change + HOUR - 1]) {
      assert.equal(LONDON.offset(t), intl.offset(t), new Date(t).toISOString());
    }
  }
  // Known cases: GMT in winter, BST in summer, double summer time (1941), British Standard Time (1970).
  const table: Array<[string, number]> = [
    ["2026-01-15T12:00:00Z", 0],
    ["2026-07-15T12:00:00Z", 60],
    ["2026-03-29T00:59:59.999Z", 0],
    ["2026-03-29T01:00:00Z", 60],
    ["2026-10-25T00:59:59.999Z", 60],
    ["2026-10-25T01:00:00Z", 0],
    ["1941-06-15T12:00:00Z", 120],
    ["1970-01-15T12:00:00Z", 60],
  ];
  for (const [iso, minutes] of table) assert.equal(LONDON.offset(Date.parse(iso)), minutes, iso);
  // Before 1848 (local mean time, not a whole hour) the zone asks Intl directly.
  assert.equal(LONDON.offset(Date.UTC(1800, 5, 1)), intl.offset(Date.UTC(1800, 5, 1)));
  assert.equal(LONDON.name, "Europe/London");
  assert.ok(LONDON.equals(intl) && intl.equals(LONDON));
});

test("formatDate and londonDay agree with luxon's own formatting across two centuries", async () => {
  const { DateTime } = await import("luxon");
  const { londonDay } = await import("../../../lib/authors/roles.ts");
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const from = Date.UTC(1900, 0, 1);
  const to = Date.UTC(2100, 0, 1);
  // Random instants, and both sides of midnight in London on both sides of each 2026 clock change.
  const instants = Array.from({ length: 3000 }, () => Math.floor(from + random() * (to - from)));
  instants.push(Date.parse("2026-03-28T23:59:59.999Z"), Date.parse("2026-03-29T00:00:00Z"), Date.parse("2026-07-01T22:59:59.999Z"), Date.parse("2026-07-01T23:00:00Z"));
  for (const ms of instants) {
    const luxon = DateTime.fromMillis(ms, { zone: "Europe/London" });
    const iso = luxon.toISO()!;
    assert.equal(formatDate(iso), luxon.setLocale("en-GB").toFormat("d MMMM yyyy"), iso);
    assert.equal(formatDate(new Date(ms)), luxon.setLocale("en-GB").toFormat("d MMMM yyyy"), iso);
    assert.equal(londonDay(ms), luxon.toISODate(), iso);
  }
});
