// Warnings: tags spelt close to a topic, repeated headlines, items dated in the future.
import { test } from "node:test";
import assert from "node:assert/strict";
import { areSimilarTags, contentWarnings, duplicateTitles, scheduledNotices, similarTags, type AdvisedItem } from "../../../lib/content/advice.ts";

const NOW = Date.parse("2027-01-01T00:00:00Z");
const shown = (issues: ReturnType<typeof similarTags>) => issues.map((i) => `${i.file} ${i.field} ${i.message}`);

test("areSimilarTags: a letter or two apart, long enough not to be chance", () => {
  const cases: Array<[string, string, boolean]> = [
    ["cyber-security", "cyber-securty", true],
    ["cyber-security", "cyber-secruity", true],
    ["council", "councils", true],
    ["ai", "api", false],
    ["nhs", "nhs-wales", false],
    ["data", "date", false],
    ["digital-identity", "digital-identity", false],
    ["local-government", "local-govenment", true],
    ["digital-inclusion", "digital-exclusion", false],
    ["cyber-security", "cyber-secuirty", true],
    ["cyber-security", "cyber-scurity", true],
    ["cyber-security", "cyber-scruity", false],
    ["transport", "transport-policy", false],
  ];
  for (const [a, b, expected] of cases) assert.equal(areSimilarTags(a, b), expected, `${a} ~ ${b}`);
});

test("similarTags warns on each use of the rarer spelling, naming the topic", () => {
  const items: AdvisedItem[] = [
    { file: "a.md", fields: { tags: ["Cyber security", "AI"] } },
    { file: "b.md", fields: { tags: ["cyber security"] } },
    { file: "c.md", fields: { tags: ["API", "Cyber securty"] } },
  ];
  assert.deepEqual(shown(similarTags(items)), [
    'c.md tags[1] "Cyber securty" is close to the topic "Cyber security" (2 items): did you mean "Cyber security"? If it is a new topic, leave it',
  ]);
  // A tie: the later spelling in the alphabet is the one warned about.
  assert.deepEqual(
    shown(
      similarTags([
        { file: "a.md", fields: { tags: ["Councils"] } },
        { file: "b.md", fields: { tags: ["Council"] } },
      ]),
    ),
    ['a.md tags[0] "Councils" is close to the topic "Council" (1 item): did you mean "Council"? If it is a new topic, leave it'],
  );
});

test("duplicateTitles: each item with a repeated headline names the others, ignoring case and spacing", () => {
  const items: AdvisedItem[] = [
    { file: "a.md", fields: { title: "Councils get a toolkit" } },
    { file: "b.md", fields: { title: "councils  get a toolkit " } },
    { file: "c.md", fields: { title: "Something else" } },
    { file: "d.md", fields: {} },
  ];
  assert.deepEqual(shown(duplicateTitles(items)), [
    "a.md title is also the headline of b.md: make each headline distinct, so readers can tell the items apart in lists and search results",
    "b.md title is also the headline of a.md: make each headline distinct, so readers can tell the items apart in lists and search results",
  ]);
});

test("scheduledNotices: a future date says when the item goes live, in UK time; drafts and past dates say nothing", () => {
  const items: AdvisedItem[] = [
    { file: "a.md", fields: { date: "2027-03-04T09:30:00Z" } },
    { file: "b.md", fields: { date: "2027-07-04T09:30:00+01:00" } },
    { file: "c.md", fields: { date: "2027-03-04T09:30:00Z", draft: true } },
    { file: "d.md", fields: { date: "2026-03-04T09:30:00Z" } },
  ];
  assert.deepEqual(shown(scheduledNotices(items, NOW)), [
    "a.md date is in the future, so the item is scheduled: it goes live on Thursday 4 March 2027 at 09:30 UK time",
    "b.md date is in the future, so the item is scheduled: it goes live on Sunday 4 July 2027 at 09:30 UK time",
  ]);
});

test("contentWarnings marks every warning as one", () => {
  const warnings = contentWarnings(
    [
      { file: "a.md", fields: { date: "2027-03-04T09:30:00Z", title: "T" } },
      { file: "b.md", fields: { title: "T" } },
    ],
    NOW,
  );
  assert.equal(warnings.length, 3);
  assert.ok(warnings.every((w) => w.severity === "warning"));
});
