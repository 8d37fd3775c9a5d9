// News types as pages and feeds show them (lib/content/news-types.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import { NEWS_TYPES } from "../../../lib/content/schema.ts";
import { typeArticles, typeLabel, typeNoun, typePlural, typeSlug, typeUrl } from "../../../lib/content/news-types.ts";

const typeCases: Array<{ input: string; expected: string }> = [
  { input: "news", expected: "News" },
  { input: "analysis", expected: "Analysis" },
  { input: "opinion", expected: "Opinion" },
  { input: "feature", expected: "Feature" },
  { input: "press release", expected: "Press release" },
  { input: "interview", expected: "Interview" },
  { input: "", expected: "" },
];

for (const { input, expected } of typeCases) {
  test(`typeLabel(${JSON.stringify(input)}) → ${JSON.stringify(expected)}`, () => {
    assert.equal(typeLabel(input), expected);
  });
}

test("typeLabel covers every news type", () => {
  assert.deepEqual(NEWS_TYPES.map(typeLabel), ["News", "Analysis", "Opinion", "Feature", "Press release", "Interview"]);
});

const pluralCases: Array<[string, string]> = [
  ["news", "News"],
  ["analysis", "Analysis"],
  ["opinion", "Opinions"],
  ["press release", "Press releases"],
  ["interview", "Interviews"],
  ["feature", "Features"],
];
for (const [type, expected] of pluralCases) test(`typePlural(${type})`, () => assert.equal(typePlural(type), expected));

// "This news article was withdrawn on …": every type, as a sentence names one item.
const nounCases: Array<[string, string]> = [
  ["news", "news article"],
  ["analysis", "analysis"],
  ["opinion", "opinion piece"],
  ["feature", "feature"],
  ["press release", "press release"],
  ["interview", "interview"],
];
test("typeNoun covers every news type", () =>
  assert.deepEqual(
    nounCases.map(([t]) => t),
    [...NEWS_TYPES],
  ));
for (const [type, expected] of nounCases) test(`typeNoun(${type})`, () => assert.equal(typeNoun(type), expected));

test("typeSlug and typeUrl: the URL segment and list page of a type", () => {
  assert.equal(typeSlug("press release"), "press-release");
  assert.equal(typeUrl("press release"), "/types/press-release/");
  assert.equal(typeUrl("news"), "/types/news/");
});

test("typeArticles: every type, items in the order given", () => {
  const items = [
    { type: "news", slug: "a" },
    { type: "analysis", slug: "b" },
    { type: "news", slug: "c" },
  ];
  const byType = typeArticles(items);
  assert.deepEqual([...byType.keys()], NEWS_TYPES);
  assert.deepEqual(
    byType.get("news")!.map((i) => i.slug),
    ["a", "c"],
  );
  assert.deepEqual(byType.get("opinion"), []);
});
