import { test } from "node:test";
import assert from "node:assert/strict";
import { bylineFor, flatString, joinNames, nameSeparator, type BylinePerson } from "../../../lib/eleventy/view.ts";
import type { SiteData } from "../../../lib/content/schema.ts";
import type { Author } from "../../../lib/content/model.ts";

const SITE: SiteData = {
  title: "Test News",
  description: "A site.",
  url: "https://news.example.gov.uk",
  language: "en-GB",
  organisation: { name: "Test Department", url: "https://www.example.gov.uk" },
  copyright: "© Crown copyright",
  licence: { name: "OGL", url: "https://example.org/ogl" },
  perPage: 20,
  feedSize: 20,
  govukBranding: false,
};

function author(id: string, name: string, role: string, organisation: string): [string, Author] {
  return [id, { id, name, role, organisation, file: `content/authors/${id}.md`, bio: "Bio." }];
}

const MODEL = {
  site: SITE,
  authors: new Map<string, Author>([
    author("jennifer-scott", "Jennifer Scott", "Editor", "Test Department"),
    author("ross-kelly", "Ross Kelly", "Reporter", "Other Agency"),
    author("ada-lovelace", "Ada Lovelace", "Analyst", "Test Department"),
  ]),
};

const JENNIFER: BylinePerson = { id: "jennifer-scott", url: "/authors/jennifer-scott/", name: "Jennifer Scott", role: "Editor", organisation: "Test Department" };
const ROSS: BylinePerson = { id: "ross-kelly", url: "/authors/ross-kelly/", name: "Ross Kelly", role: "Reporter", organisation: "Other Agency" };
const ADA: BylinePerson = { id: "ada-lovelace", url: "/authors/ada-lovelace/", name: "Ada Lovelace", role: "Analyst", organisation: "Test Department" };

const bylineCases: Array<{ name: string; authorIds: string[]; expected: BylinePerson[] }> = [
  { name: "no authors: the organisation, with no id", authorIds: [], expected: [{ name: "Test Department" }] },
  { name: "one author", authorIds: ["jennifer-scott"], expected: [JENNIFER] },
  { name: "two authors in front-matter order", authorIds: ["ross-kelly", "jennifer-scott"], expected: [ROSS, JENNIFER] },
  { name: "three authors, not alphabetical, order kept", authorIds: ["ross-kelly", "ada-lovelace", "jennifer-scott"], expected: [ROSS, ADA, JENNIFER] },
];

for (const { name, authorIds, expected } of bylineCases) {
  test(`bylineFor: ${name}`, () => {
    assert.deepEqual(bylineFor({ authorIds, dateMs: 0 }, MODEL), expected);
  });
}

test("bylineFor throws for an author id the model does not know", () => {
  assert.throws(() => bylineFor({ authorIds: ["jennifer-scott", "nobody"], dateMs: 0 }, MODEL), {
    message: 'Unknown author id "nobody" (validation should have caught this)',
  });
});

const joinCases: Array<{ names: string[]; expected: string }> = [
  { names: [], expected: "" },
  { names: ["Ada Lovelace"], expected: "Ada Lovelace" },
  { names: ["Ada Lovelace", "Alan Turing"], expected: "Ada Lovelace and Alan Turing" },
  { names: ["A", "B", "C"], expected: "A, B and C" },
  { names: ["A", "B", "C", "D"], expected: "A, B, C and D" },
];

for (const { names, expected } of joinCases) {
  test(`joinNames(${JSON.stringify(names)}) → ${JSON.stringify(expected)}`, () => {
    assert.equal(joinNames(names), expected);
  });
}

test("nameSeparator: what a template prints before each name, as joinNames joins them", () => {
  for (const { names, expected } of joinCases) {
    assert.equal(names.map((name, i) => nameSeparator(i, names.length) + name).join(""), expected);
  }
  assert.deepEqual(
    [0, 1, 2].map((i) => nameSeparator(i, 3)),
    ["", ", ", " and "],
  );
});

test("joinNames of a byline gives the names in byline order", () => {
  assert.equal(joinNames(bylineFor({ authorIds: ["ross-kelly", "jennifer-scott"], dateMs: 0 }, MODEL).map((p) => p.name)), "Ross Kelly and Jennifer Scott");
});

test("bylineFor gives each author the role held on the publication date", () => {
  const [id, base] = author("tom-h", "Tom H", "Editor", "News Site");
  const tom: Author = {
    ...base,
    roles: [
      { role: "Service owner", organisation: "Cabinet Office", from: "2014-04-01", to: "2022-06-30" },
      { role: "Editor", organisation: "News Site", from: "2022-07-01" },
    ],
  };
  const model = { site: SITE, authors: new Map([[id, tom]]) };
  const at = (iso: string) => bylineFor({ authorIds: [id], dateMs: Date.parse(iso) }, model)[0];
  assert.deepEqual(at("2020-01-01T09:00:00Z"), { id, url: "/authors/tom-h/", name: "Tom H", role: "Service owner", organisation: "Cabinet Office" });
  // 30 June 2022, 23:30 in London (22:30 UTC) is still the last day of the old role.
  assert.equal(at("2022-06-30T22:30:00Z")?.role, "Service owner");
  assert.equal(at("2022-06-30T23:30:00Z")?.role, "Editor");
});

// The GOV.UK plugin's currentPage rule, which the cached page chrome keys on.
import { isCurrentPage } from "../../../lib/eleventy/view.ts";

const currentCases: Array<[href: string, url: string, expected: boolean]> = [
  ["/", "/", true],
  ["/", "/news/x/", false],
  ["/tags/", "/tags/", true],
  ["/tags/", "/tags/nhs-app/", true],
  ["/tags/", "/tags/nhs-app/page/2/", true],
  ["/tags/", "/tagsx/", false],
  ["/authors/", "/tags/", false],
  ["/subscribe/", "/subscribe/", true],
  ["/tags", "/tags/", true],
];
for (const [href, url, expected] of currentCases) {
  test(`isCurrentPage(${href}, ${url}) is ${expected}`, () => assert.equal(isCurrentPage(href, url), expected));
}

// flatString must give back exactly the same text, whatever characters it holds.
let rope = "";
for (let i = 0; i < 50; i++) rope += `<li class="entry">Item ${i} – “quoted” · café</li>\n`;
const flatCases: Array<[string, string]> = [
  ["empty", ""],
  ["ASCII", "<p>Plain text</p>"],
  ["Latin-1 (one byte per character in V8)", "Café · 1 July"],
  ["curly quotes and dashes (two bytes)", "Councils’ “digital” plans – in brief"],
  ["astral characters (surrogate pairs)", "Data 📊 and 🇬🇧"],
  ["a string built by concatenation", rope],
];
for (const [name, text] of flatCases) {
  test(`flatString keeps the text: ${name}`, () => {
    assert.equal(flatString(text), text);
    assert.equal(flatString(text).length, text.length);
  });
}
