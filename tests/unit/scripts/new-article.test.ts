import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { articleFile } from "../../../scripts/new-article.ts";
import { buildModel } from "../../../lib/content/model.ts";
import { readSourceFileFromText } from "./helpers.ts";

const site = {
  title: "T",
  description: "D",
  url: "https://e.org",
  organisation: { name: "O", url: "https://e.org" },
  copyright: "C",
  licence: { name: "L", url: "https://e.org" },
};

test("the scaffolded file is a valid draft with London time and the headline's slug", () => {
  const { slug, text } = articleFile({
    title: "Councils & the Cloud: year one",
    type: "analysis",
    authors: ["a-b"],
    tags: ["Cloud"],
    now: DateTime.fromISO("2026-07-01T08:15:42Z"),
  });
  assert.equal(slug, "councils-and-the-cloud-year-one");
  assert.match(text, /^date: 2026-07-01T09:15:00\+01:00$/m);
  const { model, issues } = buildModel(
    {
      site: { file: "site.json", data: site, body: "" },
      news: [readSourceFileFromText(`content/news/${slug}.md`, text)],
      authors: [readSourceFileFromText("content/authors/a-b.md", "---\nname: A B\nrole: R\norganisation: O\n---\nBio.\n")],
    },
    { now: Date.parse("2026-07-02T00:00:00Z") },
  );
  assert.deepEqual(issues, []);
  assert.equal(model?.all[0]?.state, "draft");
  assert.equal(model?.all[0]?.title, "Councils & the Cloud: year one");
});

test("the scaffolder refuses an unknown type", () => {
  assert.throws(() => articleFile({ title: "X", type: "blog", authors: [], tags: [], now: DateTime.now() }), /is not a type/);
});
