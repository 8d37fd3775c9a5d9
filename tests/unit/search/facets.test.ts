import { test } from "node:test";
import assert from "node:assert/strict";
import { publicationYear, searchFacets, searchSortKey } from "../../../lib/search/facets.ts";

const yearCases: Array<[string, string]> = [
  ["2026-08-17T09:30:00+01:00", "2026"],
  // New Year's Eve late in another zone is already New Year in the UK, and the other way round.
  ["2026-12-31T23:30:00-01:00", "2027"],
  ["2027-01-01T00:30:00+02:00", "2026"],
  ["2025-01-01T00:00:00Z", "2025"],
];
for (const [date, year] of yearCases) {
  test(`publicationYear: ${date} → ${year} (UK time)`, () => assert.equal(publicationYear(date), year));
}

const sortCases: Array<[string, string]> = [
  ["2026-08-17T09:30:00+01:00", "2026-08-17T08:30:00.000Z"],
  ["2026-01-02T00:00:00Z", "2026-01-02T00:00:00.000Z"],
  ["2026-03-29T01:30:00+00:00", "2026-03-29T01:30:00.000Z"],
];
for (const [date, key] of sortCases) {
  test(`searchSortKey: ${date} → ${key}`, () => assert.equal(searchSortKey(date), key));
}

test("searchSortKey: text order is time order, whatever offset each date was written with", () => {
  const dates = ["2026-03-29T02:30:00+01:00", "2026-03-29T01:45:00+00:00", "2026-03-29T03:00:00+02:00", "2026-03-28T23:59:00-02:00"];
  const byTime = [...dates].sort((a, b) => Date.parse(a) - Date.parse(b));
  const byKey = [...dates].sort((a, b) => (searchSortKey(a) < searchSortKey(b) ? -1 : 1));
  assert.deepEqual(byKey, byTime);
});

test("searchFacets: types in the schema's order as labels, topics as given, years newest first, each once", () => {
  const items = [
    { type: "press release", date: "2026-05-01T09:00:00+01:00", tags: [{ label: "Data" }] },
    { type: "news", date: "2024-05-01T09:00:00+01:00", tags: [] },
    { type: "analysis", date: "2026-06-01T09:00:00+01:00", tags: [{ label: "AI" }] },
    { type: "news", date: "2025-12-31T23:30:00-01:00", tags: [] },
  ];
  assert.deepEqual(searchFacets(items, [{ label: "AI" }, { label: "Data" }]), {
    types: ["News", "Analysis", "Press release"],
    topics: ["AI", "Data"],
    years: ["2026", "2024"],
  });
});

test("searchFacets: no items, no choices", () => {
  assert.deepEqual(searchFacets([], []), { types: [], topics: [], years: [] });
});
