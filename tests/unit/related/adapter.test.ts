import { test } from "node:test";
import assert from "node:assert/strict";
import type { Article } from "../../../lib/content/model.ts";
import { toArticleSummary, toSummaryWithoutBody } from "../../../lib/related/adapter.ts";

const article: Article = {
  slug: "nhs-app-hospital-letters",
  file: "content/news/nhs-app-hospital-letters.md",
  url: "/news/nhs-app-hospital-letters/",
  title: "NHS App shows hospital letters",
  description: "Patients can read hospital letters in the NHS App.",
  type: "news",
  date: "2026-03-02T09:30:00Z",
  dateMs: Date.parse("2026-03-02T09:30:00Z"),
  changes: [],
  authorIds: ["eleanor-achebe"],
  tags: [
    { slug: "nhs-app", label: "NHS App" },
    { slug: "patient-records", label: "Patient records" },
  ],
  state: "published",
  body: "Hospital trusts are sending letters to the NHS App.",
};

test("toArticleSummary: text, type, authors, tag slugs and labels in the same order, date", () => {
  assert.deepEqual(toArticleSummary(article), {
    slug: "nhs-app-hospital-letters",
    title: "NHS App shows hospital letters",
    description: "Patients can read hospital letters in the NHS App.",
    body: "Hospital trusts are sending letters to the NHS App.",
    type: "news",
    authorIds: ["eleanor-achebe"],
    tagSlugs: ["nhs-app", "patient-records"],
    tagLabels: ["NHS App", "Patient records"],
    dateMs: Date.parse("2026-03-02T09:30:00Z"),
  });
});

test("toArticleSummary: passes curated and excluded slugs through", () => {
  const curated: Article = { ...article, related: ["a", "b"], relatedExclude: ["c"] };
  const summary = toArticleSummary(curated);
  assert.deepEqual(summary.related, ["a", "b"]);
  assert.deepEqual(summary.relatedExclude, ["c"]);
});

test("toArticleSummary: does not share arrays with the article", () => {
  const summary = toArticleSummary(article);
  summary.authorIds.push("someone-else");
  assert.deepEqual(article.authorIds, ["eleanor-achebe"]);
});

test("toSummaryWithoutBody: the same summary with the item's file instead of its body, never reading the body", () => {
  const released = { ...article };
  Object.defineProperty(released, "body", {
    get: () => assert.fail("the body was read"),
  });
  const { body, ...rest } = toArticleSummary(article);
  assert.equal(body, article.body);
  assert.deepEqual(toSummaryWithoutBody(released), { ...rest, file: "content/news/nhs-app-hospital-letters.md" });
});
