import { test } from "node:test";
import assert from "node:assert/strict";
import { decideRebuild, findNextScheduled, makeBuildRecord, parseBuildRecord, serialiseBuildRecord, type BuildRecord } from "../../../lib/content/schedule.ts";
import { describeNextScheduled, formatGoLiveTime } from "../../../lib/content/schedule-message.ts";
import type { PublicationState } from "../../../lib/content/model.ts";

const at = (iso: string) => Date.parse(iso);

// The decision the scheduled workflow acts on: rebuild only when a scheduled time has passed since the last build.
const decisions: Array<{ name: string; record: BuildRecord; now: string; rebuild: boolean; reason: RegExp }> = [
  {
    name: "nothing scheduled",
    record: { builtAt: "2027-03-06T12:00:00.000Z", nextScheduledAt: null },
    now: "2027-03-07T00:15:00Z",
    rebuild: false,
    reason: /nothing is scheduled/,
  },
  {
    name: "scheduled time still to come",
    record: { builtAt: "2027-03-06T12:00:00.000Z", nextScheduledAt: "2027-03-07T00:01:00.000Z" },
    now: "2027-03-07T00:00:59.999Z",
    rebuild: false,
    reason: /still to come/,
  },
  {
    name: "scheduled time is now, to the millisecond",
    record: { builtAt: "2027-03-06T12:00:00.000Z", nextScheduledAt: "2027-03-07T00:01:00.000Z" },
    now: "2027-03-07T00:01:00.000Z",
    rebuild: true,
    reason: /has passed/,
  },
  {
    name: "scheduled time passed since the build",
    record: { builtAt: "2027-03-06T12:00:00.000Z", nextScheduledAt: "2027-03-07T00:01:00.000Z" },
    now: "2027-03-07T00:16:00Z",
    rebuild: true,
    reason: /has passed/,
  },
  {
    name: "scheduled time passed long ago (the hook failed or the cron was off): still rebuild",
    record: { builtAt: "2027-03-06T12:00:00.000Z", nextScheduledAt: "2027-03-07T00:01:00.000Z" },
    now: "2027-04-01T00:00:00Z",
    rebuild: true,
    reason: /has passed/,
  },
  {
    name: "next time before the build: inconsistent, never rebuild in a loop",
    record: { builtAt: "2027-03-07T12:00:00.000Z", nextScheduledAt: "2027-03-07T00:01:00.000Z" },
    now: "2027-03-08T00:00:00Z",
    rebuild: false,
    reason: /inconsistent/,
  },
  {
    name: "next time equal to the build: inconsistent (an item at the build's now is published)",
    record: { builtAt: "2027-03-07T00:01:00.000Z", nextScheduledAt: "2027-03-07T00:01:00.000Z" },
    now: "2027-03-08T00:00:00Z",
    rebuild: false,
    reason: /inconsistent/,
  },
  {
    name: "clock behind the build (skew): no rebuild",
    record: { builtAt: "2027-03-07T00:10:00.000Z", nextScheduledAt: "2027-03-07T09:30:00.000Z" },
    now: "2027-03-07T00:05:00Z",
    rebuild: false,
    reason: /still to come/,
  },
];
for (const { name, record, now, rebuild, reason } of decisions) {
  test(`decideRebuild: ${name} → ${rebuild}`, () => {
    const decision = decideRebuild(record, at(now));
    assert.equal(decision.rebuild, rebuild);
    assert.match(decision.reason, reason);
  });
}

type Item = { slug: string; state: PublicationState; dateMs: number };
const item = (slug: string, state: PublicationState, iso: string): Item => ({ slug, state, dateMs: at(iso) });

const nextCases: Array<{ name: string; items: Item[]; expected: { at: string; slugs: string[]; later: number } | undefined }> = [
  { name: "no items", items: [], expected: undefined },
  { name: "only published items", items: [item("a", "published", "2026-01-01T00:00:00Z")], expected: undefined },
  {
    name: "drafts and withdrawn items with future dates are not scheduled",
    items: [item("draft", "draft", "2027-01-01T00:00:00Z"), item("gone", "withdrawn", "2027-01-01T00:00:00Z")],
    expected: undefined,
  },
  {
    name: "the soonest of several, the rest counted as later",
    items: [
      item("late", "scheduled", "2027-06-01T09:30:00Z"),
      item("soon", "scheduled", "2027-03-07T00:01:00Z"),
      item("p", "published", "2026-01-01T00:00:00Z"),
      item("d", "draft", "2027-03-01T00:00:00Z"),
    ],
    expected: { at: "2027-03-07T00:01:00Z", slugs: ["soon"], later: 1 },
  },
  {
    name: "two items at the same minute, both named, in the order given",
    items: [item("b", "scheduled", "2027-03-07T00:01:00Z"), item("c", "scheduled", "2027-04-01T00:00:00Z"), item("a", "scheduled", "2027-03-07T00:01:00Z")],
    expected: { at: "2027-03-07T00:01:00Z", slugs: ["b", "a"], later: 1 },
  },
];
for (const { name, items, expected } of nextCases) {
  test(`findNextScheduled: ${name}`, () => {
    const next = findNextScheduled(items);
    assert.deepEqual(next && { at: next.at, slugs: next.items.map((i) => i.slug), later: next.later }, expected && { ...expected, at: at(expected.at) });
  });
}

test("makeBuildRecord: the build's now and the next scheduled time in UTC, nothing about the item", () => {
  const items = [item("secret-embargo", "scheduled", "2027-03-07T00:01:00+00:00"), item("published", "published", "2026-01-01T00:00:00Z")];
  const record = makeBuildRecord(items, at("2027-03-06T12:00:00+01:00"));
  assert.deepEqual(record, { builtAt: "2027-03-06T11:00:00.000Z", nextScheduledAt: "2027-03-07T00:01:00.000Z" });
  assert.equal(serialiseBuildRecord(record), '{\n  "builtAt": "2027-03-06T11:00:00.000Z",\n  "nextScheduledAt": "2027-03-07T00:01:00.000Z"\n}\n');
  assert.deepEqual(makeBuildRecord([], at("2027-03-06T11:00:00Z")), { builtAt: "2027-03-06T11:00:00.000Z", nextScheduledAt: null });
});

test("serialiseBuildRecord: keys in a fixed order, whatever order the object has", () => {
  const text = serialiseBuildRecord({ nextScheduledAt: null, builtAt: "2027-03-06T11:00:00.000Z" } as BuildRecord);
  assert.equal(text, '{\n  "builtAt": "2027-03-06T11:00:00.000Z",\n  "nextScheduledAt": null\n}\n');
});

test("parseBuildRecord reads what serialiseBuildRecord writes", () => {
  for (const record of [
    { builtAt: "2027-03-06T11:00:00.000Z", nextScheduledAt: "2027-03-07T00:01:00.000Z" },
    { builtAt: "2027-03-06T11:00:00.000Z", nextScheduledAt: null },
  ]) {
    assert.deepEqual(parseBuildRecord(serialiseBuildRecord(record)), record);
  }
});

const badRecords: Array<{ name: string; text: string; message: RegExp }> = [
  { name: "an HTML page (wrong address)", text: "<!doctype html><title>Page not found</title>", message: /not JSON.*site address/ },
  { name: "an array", text: "[]", message: /not a JSON object/ },
  { name: "null", text: "null", message: /not a JSON object/ },
  { name: "no builtAt", text: '{"nextScheduledAt":null}', message: /"builtAt" is undefined/ },
  { name: "builtAt a number", text: '{"builtAt":1,"nextScheduledAt":null}', message: /"builtAt" is 1/ },
  { name: "builtAt with an offset", text: '{"builtAt":"2027-03-06T12:00:00.000+01:00","nextScheduledAt":null}', message: /"builtAt"/ },
  { name: "builtAt an impossible date", text: '{"builtAt":"2027-02-30T12:00:00.000Z","nextScheduledAt":null}', message: /"builtAt"/ },
  { name: "no nextScheduledAt", text: '{"builtAt":"2027-03-06T11:00:00.000Z"}', message: /"nextScheduledAt" is undefined/ },
  { name: "nextScheduledAt in words", text: '{"builtAt":"2027-03-06T11:00:00.000Z","nextScheduledAt":"Sunday"}', message: /"nextScheduledAt" is "Sunday"/ },
];
for (const { name, text, message } of badRecords) {
  test(`parseBuildRecord refuses ${name}`, () => {
    assert.throws(() => parseBuildRecord(text), { message });
  });
}

const goLive: Array<[string, string]> = [
  ["2027-03-07T00:01:00Z", "Sunday 7 March 2027 at 00:01 UK time"],
  // British Summer Time: 08:30 UTC is 09:30 in London.
  ["2027-07-04T08:30:00Z", "Sunday 4 July 2027 at 09:30 UK time"],
  ["2027-07-04T23:30:00Z", "Monday 5 July 2027 at 00:30 UK time"],
];
for (const [iso, expected] of goLive) {
  test(`formatGoLiveTime(${iso}) is "${expected}"`, () => {
    assert.equal(formatGoLiveTime(iso), expected);
  });
}

test("describeNextScheduled: nothing, one item, several at once with more later", () => {
  assert.deepEqual(describeNextScheduled(undefined), ["Next scheduled: nothing"]);
  assert.deepEqual(describeNextScheduled({ at: at("2027-03-07T00:01:00Z"), items: [{ title: "Budget", file: "content/news/budget.md" }], later: 0 }), [
    "Next scheduled: 1 item goes live on Sunday 7 March 2027 at 00:01 UK time",
    '  "Budget" (content/news/budget.md)',
  ]);
  assert.deepEqual(
    describeNextScheduled({
      at: at("2027-03-07T00:01:00Z"),
      items: [
        { title: "A", file: "content/news/a.md" },
        { title: 'Say "hi"', file: "content/news/b.md" },
      ],
      later: 3,
    }),
    [
      "Next scheduled: 2 items go live on Sunday 7 March 2027 at 00:01 UK time",
      '  "A" (content/news/a.md)',
      '  "Say \\"hi\\"" (content/news/b.md)',
      "  and 3 more scheduled after that",
    ],
  );
});
