import { test } from "node:test";
import assert from "node:assert/strict";
import { archivePages, archiveYears, archiveYearUrl } from "../../../lib/content/archive.ts";

const item = (slug: string, date: string) => ({ slug, date });

const cases: Array<{ name: string; items: Array<{ slug: string; date: string }>; expected: Array<[number, string[]]> }> = [
  { name: "nothing published: no years", items: [], expected: [] },
  {
    name: "newest year first, items in their given order",
    items: [item("c", "2026-05-01T09:00:00+01:00"), item("b", "2026-01-02T09:00:00Z"), item("a", "2024-07-01T09:00:00+01:00")],
    expected: [
      [2026, ["c", "b"]],
      [2024, ["a"]],
    ],
  },
  {
    // 23:30 on 31 December in New York is 04:30 on 1 January in London: the page shows 1 January.
    name: "the year is the UK one, whatever offset the date was written with",
    items: [item("new-year", "2026-12-31T23:30:00-05:00"), item("eve", "2026-12-31T23:59:00Z")],
    expected: [
      [2027, ["new-year"]],
      [2026, ["eve"]],
    ],
  },
];
for (const c of cases) {
  test(`archiveYears: ${c.name}`, () => {
    assert.deepEqual(
      archiveYears(c.items).map((y) => [y.year, y.items.map((i) => i.slug)]),
      c.expected,
    );
    for (const y of archiveYears(c.items)) assert.equal(y.url, `/archive/${y.year}/`);
  });
}

test("archivePages: each year paginated at its own address, with the year's count on every page", () => {
  const items = [...Array.from({ length: 5 }, (_, i) => item(`n${i}`, `2026-0${9 - i}-01T09:00:00+01:00`)), item("old", "2025-03-01T09:00:00Z")];
  assert.deepEqual(
    archivePages(items, 2).map((p) => [p.href, p.number, p.total, p.year, p.items.map((i) => i.slug), p.previous, p.next]),
    [
      ["/archive/2026/", 1, 3, { year: 2026, count: 5 }, ["n0", "n1"], undefined, "/archive/2026/page/2/"],
      ["/archive/2026/page/2/", 2, 3, { year: 2026, count: 5 }, ["n2", "n3"], "/archive/2026/", "/archive/2026/page/3/"],
      ["/archive/2026/page/3/", 3, 3, { year: 2026, count: 5 }, ["n4"], "/archive/2026/page/2/", undefined],
      ["/archive/2025/", 1, 1, { year: 2025, count: 1 }, ["old"], undefined, undefined],
    ],
  );
  assert.equal(archiveYearUrl(2026), "/archive/2026/");
});
