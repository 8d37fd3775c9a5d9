// site.json's `featured`: which items head the home page, and every way an editor can get it wrong.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildModel, type SourceFile } from "../../../lib/content/model.ts";
import { siteFile } from "./site-fixture.ts";

const NOW = Date.parse("2027-01-01T00:00:00Z");

function site(featured: unknown): SourceFile {
  return siteFile(featured === undefined ? {} : { featured });
}

function item(slug: string, data: Record<string, unknown> = {}): SourceFile {
  return {
    file: `content/news/${slug}.md`,
    body: "Body text.\n",
    data: { title: `Item ${slug}`, description: "A standfirst.", date: "2026-08-17T09:30:00+01:00", type: "news", ...data },
  };
}

const NEWS = [
  item("older", { date: "2026-01-10T09:00:00Z" }),
  item("newer", { date: "2026-06-10T09:00:00+01:00" }),
  item("newest", { date: "2026-09-10T09:00:00+01:00" }),
  item("a-draft", { draft: true }),
  item("embargoed", { date: "2027-02-01T09:00:00Z" }),
  item("pulled", { withdrawn: { date: "2026-09-01T10:00:00+01:00", reason: "Replaced." } }),
];

function build(featured: unknown, options: { preview?: boolean } = {}) {
  return buildModel({ site: site(featured), news: NEWS, authors: [] }, { now: NOW, ...options });
}

const valid: Array<{ name: string; featured: unknown; preview?: boolean; expected: string[] }> = [
  { name: "none: no featured items", featured: undefined, expected: [] },
  { name: "an empty list", featured: [], expected: [] },
  { name: "in the editor's order, not by date", featured: ["older", "newest"], expected: ["older", "newest"] },
  { name: "three, the most allowed", featured: ["newer", "older", "newest"], expected: ["newer", "older", "newest"] },
  { name: "a preview features the same published items", featured: ["older"], preview: true, expected: ["older"] },
];
for (const c of valid) {
  test(`featured: ${c.name}`, () => {
    const { model, issues } = build(c.featured, { preview: c.preview });
    assert.deepEqual(issues, []);
    assert.deepEqual(
      model!.featured.map((a) => a.slug),
      c.expected,
    );
    for (const a of model!.featured) assert.equal(a.state, "published");
  });
}

const FILE = "content/site.json";
const invalid: Array<{ name: string; featured: unknown; expected: Array<{ field: string; message: string }> }> = [
  {
    name: "an unknown item, with the nearest name",
    featured: ["newestt"],
    expected: [{ field: "featured[0]", message: 'unknown item "newestt": did you mean "newest"?' }],
  },
  {
    name: "an unknown item with nothing near",
    featured: ["zzz-nothing-like-it"],
    expected: [{ field: "featured[0]", message: 'unknown item "zzz-nothing-like-it": use the file name of an item in content/news/ without .md' }],
  },
  { name: "the same item twice", featured: ["newest", "newest"], expected: [{ field: "featured[1]", message: '"newest" is listed twice: remove the repeat' }] },
  {
    name: "a draft",
    featured: ["a-draft"],
    expected: [{ field: "featured[0]", message: '"a-draft" is a draft: only a published item can be featured. Remove it from featured until it is published' }],
  },
  {
    name: "an embargoed item",
    featured: ["newest", "embargoed"],
    expected: [{ field: "featured[1]", message: '"embargoed" is embargoed until 2027-02-01T09:00:00Z: only a published item can be featured. Add it to featured after that time' }],
  },
  { name: "a withdrawn item", featured: ["pulled"], expected: [{ field: "featured[0]", message: '"pulled" was withdrawn: remove it from featured' }] },
  {
    name: "more than three",
    featured: ["older", "newer", "newest", "a-draft"],
    expected: [{ field: "featured", message: "has 4 featured items, more than the limit of 3: keep the 3 that matter most" }],
  },
];
for (const c of invalid) {
  test(`featured, invalid: ${c.name}`, () => {
    const { model, issues } = build(c.featured);
    assert.equal(model, undefined, "nothing is published");
    assert.deepEqual(
      issues,
      c.expected.map((e) => ({ file: FILE, ...e })),
    );
  });
}

test("featured: true in an item's front matter points the editor to site.json", () => {
  const { issues } = buildModel({ site: site(undefined), news: [item("older", { featured: true })], authors: [] }, { now: NOW });
  assert.deepEqual(issues, [
    {
      file: "content/news/older.md",
      field: "featured",
      message: "is not a field of an item: to feature it on the home page, add its file name (without .md) to featured in site.json",
    },
  ]);
});
