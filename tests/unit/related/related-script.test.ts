import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { loadContent } from "../../../lib/content/load.ts";
import { buildRelatedIndex } from "../../../lib/related/engine.ts";
import { toArticleSummary } from "../../../lib/related/adapter.ts";
import { relatedReport } from "../../../scripts/related.ts";

const root = path.join(import.meta.dirname, "../../..");
const { model } = loadContent({ root, content: path.join(root, "content") }, { now: Date.parse("2026-11-23T12:00:00Z") });
const index = buildRelatedIndex(model!.published.map(toArticleSummary));
const someSlug = model!.published[0]!.slug;

test("related script: lists five items with score, source and reasons", () => {
  const report = relatedReport(model!, index, someSlug);
  assert.equal(report.ok, true);
  assert.equal(report.text.match(/^ ?\d\. \d\.\d{4} {2}(scored|curated|fill-tag|fill-newest)/gm)?.length, 5, report.text);
});

const unknownCases: Array<{ name: string; slug: string; expected: RegExp }> = [
  { name: "a typo", slug: someSlug.slice(0, -1), expected: new RegExp(`did you mean "${someSlug}"\\?`) },
  { name: "the start of a slug", slug: someSlug.split("-").slice(0, 3).join("-"), expected: /did you mean|Slugs containing it/ },
  { name: "nothing like it", slug: "zzz-qqq", expected: /^No published item has the slug "zzz-qqq"\. The slug is the file name in news\/ without \.md\.$/ },
];
for (const { name, slug, expected } of unknownCases) {
  test(`related script: unknown slug, ${name}`, () => {
    const report = relatedReport(model!, index, slug);
    assert.equal(report.ok, false);
    assert.match(report.text, expected);
  });
}
