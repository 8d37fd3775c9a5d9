import { test } from "node:test";
import assert from "node:assert/strict";
import { mergeTags, tagSlug, tagUrl, type TagInfo } from "../../../lib/content/tags.ts";

const slugCases: Array<{ name: string; input: string; expected: string }> = [
  { name: "sentence case", input: "Cyber security", expected: "cyber-security" },
  { name: "already a slug", input: "cyber-security", expected: "cyber-security" },
  { name: "title case", input: "Cyber Security", expected: "cyber-security" },
  { name: "upper case", input: "CYBER SECURITY", expected: "cyber-security" },
  { name: "repeated and surrounding spaces", input: "  cyber   security ", expected: "cyber-security" },
  { name: "repeated hyphens", input: "Cyber--security", expected: "cyber-security" },
  { name: "underscore", input: "Cyber_security", expected: "cyber-security" },
  { name: "camel case is not split", input: "GovTech", expected: "govtech" },
  { name: "ampersand becomes 'and'", input: "AI & data", expected: "ai-and-data" },
  { name: "full stops", input: "NHS.uk", expected: "nhs-uk" },
  { name: "slash", input: "Data/ML", expected: "data-ml" },
  { name: "apostrophe", input: "O'Reilly", expected: "o-reilly" },
  { name: "percent sign", input: "100% digital", expected: "100-digital" },
  { name: "trailing punctuation", input: "Open data!", expected: "open-data" },
  { name: "bell control character", input: "bell\u0007tag", expected: "bell-tag" },
  { name: "tab", input: "tab\ttag", expected: "tab-tag" },
  { name: "newline", input: "new\nline", expected: "new-line" },
  { name: "DEL control character", input: "del\u007ftag", expected: "del-tag" },
  { name: "only control characters", input: "\u0000\u001f", expected: "" },
  { name: "emoji with a word", input: "🚀 Launches", expected: "launches" },
  { name: "emoji only", input: "🚀", expected: "" },
  { name: "punctuation only", input: "!!!", expected: "" },
  { name: "hyphens only", input: "---", expected: "" },
  { name: "empty", input: "", expected: "" },
  { name: "accented Latin (Café)", input: "Café", expected: "cafe" },
  { name: "several accents", input: "Crème brûlée", expected: "creme-brulee" },
  { name: "German sharp s", input: "Straße", expected: "strasse" },
  { name: "Polish letters", input: "Łódź", expected: "lodz" },
  { name: "Welsh circumflex", input: "Cymraeg ŵ ŷ", expected: "cymraeg-w-y" },
  { name: "Greek is transliterated", input: "Ελλάδα", expected: "ellada" },
  { name: "Cyrillic is transliterated", input: "Привет", expected: "privet" },
];

for (const { name, input, expected } of slugCases) {
  test(`tagSlug: ${name} (${JSON.stringify(input)} → ${JSON.stringify(expected)})`, () => {
    assert.equal(tagSlug(input), expected);
  });
}

/** The result as plain data, in Map iteration order. */
function plain(result: Map<string, TagInfo>): TagInfo[] {
  return [...result.values()];
}

const mergeCases: Array<{ name: string; input: string[]; expected: TagInfo[] }> = [
  {
    name: "nothing in, nothing out",
    input: [],
    expected: [],
  },
  {
    name: "one spelling",
    input: ["AI"],
    expected: [{ slug: "ai", label: "AI", spellings: [{ spelling: "AI", count: 1 }] }],
  },
  {
    name: "three spellings of one tag become one slug; the most common spelling is the label",
    input: ["cyber-security", "Cyber security", "Cyber Security", "Cyber security"],
    expected: [
      {
        slug: "cyber-security",
        label: "Cyber security",
        spellings: [
          { spelling: "Cyber security", count: 2 },
          { spelling: "Cyber Security", count: 1 },
          { spelling: "cyber-security", count: 1 },
        ],
      },
    ],
  },
  {
    name: "a tie is won by the spelling that sorts first with < (upper case before lower case)",
    input: ["Cyber security", "Cyber Security"],
    expected: [
      {
        slug: "cyber-security",
        label: "Cyber Security",
        spellings: [
          { spelling: "Cyber Security", count: 1 },
          { spelling: "Cyber security", count: 1 },
        ],
      },
    ],
  },
  {
    name: "a three-way tie is won by the spelling that sorts first",
    input: ["cyber-security", "Cyber security", "Cyber Security"],
    expected: [
      {
        slug: "cyber-security",
        label: "Cyber Security",
        spellings: [
          { spelling: "Cyber Security", count: 1 },
          { spelling: "Cyber security", count: 1 },
          { spelling: "cyber-security", count: 1 },
        ],
      },
    ],
  },
  {
    name: "repeated, surrounding and non-space whitespace collapse to one spelling",
    input: ["Cyber   security", " Cyber\tsecurity\n", "Cyber security"],
    expected: [{ slug: "cyber-security", label: "Cyber security", spellings: [{ spelling: "Cyber security", count: 3 }] }],
  },
  {
    name: "tags with an empty slug are ignored",
    input: ["", "   ", "!!!", "🚀", "\u0007", "AI"],
    expected: [{ slug: "ai", label: "AI", spellings: [{ spelling: "AI", count: 1 }] }],
  },
  {
    name: "output is sorted by slug, not by label or input order",
    input: ["Zeta", "alpha", "Beta", "AI"],
    expected: [
      { slug: "ai", label: "AI", spellings: [{ spelling: "AI", count: 1 }] },
      { slug: "alpha", label: "alpha", spellings: [{ spelling: "alpha", count: 1 }] },
      { slug: "beta", label: "Beta", spellings: [{ spelling: "Beta", count: 1 }] },
      { slug: "zeta", label: "Zeta", spellings: [{ spelling: "Zeta", count: 1 }] },
    ],
  },
  {
    name: "accented and unaccented spellings merge",
    input: ["Café", "cafe", "Café"],
    expected: [
      {
        slug: "cafe",
        label: "Café",
        spellings: [
          { spelling: "Café", count: 2 },
          { spelling: "cafe", count: 1 },
        ],
      },
    ],
  },
];

for (const { name, input, expected } of mergeCases) {
  test(`mergeTags: ${name}`, () => {
    const result = mergeTags(input);
    assert.deepEqual(plain(result), expected);
    assert.deepEqual(
      [...result.keys()],
      expected.map((t) => t.slug),
    );
  });
}

/** Every ordering of a short list. */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const orderCases: Array<{ name: string; input: string[] }> = [
  { name: "a tie between two spellings", input: ["Cyber security", "Cyber Security", "AI"] },
  { name: "a majority spelling and several tags", input: ["cyber-security", "Cyber security", "Cyber security", "AI", "ai", "Open data"] },
];

for (const { name, input } of orderCases) {
  test(`mergeTags: input order does not change the result (${name})`, () => {
    const [first, ...others] = permutations(input);
    assert.ok(first);
    assert.ok(others.length > 0);
    const reference = plain(mergeTags(first));
    for (const order of others) assert.deepEqual(plain(mergeTags(order)), reference, `order: ${JSON.stringify(order)}`);
  });
}

test("mergeTags accepts any iterable, e.g. a generator", () => {
  function* spellings() {
    yield "AI";
    yield "ai";
    yield "AI";
  }
  assert.deepEqual(plain(mergeTags(spellings())), [
    {
      slug: "ai",
      label: "AI",
      spellings: [
        { spelling: "AI", count: 2 },
        { spelling: "ai", count: 1 },
      ],
    },
  ]);
});

test("tagUrl: a tag's list page from its slug", () => {
  assert.equal(tagUrl(tagSlug("Cyber Security")), "/tags/cyber-security/");
  assert.equal(tagUrl("ai"), "/tags/ai/");
});
