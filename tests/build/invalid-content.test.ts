// Invalid content: every problem in every file, in one run, word for word; and a failed build publishes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildInMemory } from "./helpers.ts";
import { buildSite } from "../../scripts/build-site.ts";

const EXPECTED = `20 content problems found; nothing was published:
  - tests/fixtures/invalid/authors/jennifer-scott.md: links.website "not a url" is not a web address: write a full https:// URL for the website link
  - tests/fixtures/invalid/authors/no-bio.md: photo.alt is missing: add alt text for the photo, e.g. the author's name
  - tests/fixtures/invalid/authors/no-bio.md: (body) is empty: write a short bio under the front matter
  - tests/fixtures/invalid/authors/no-bio.md: roles[1].from 2021-06-01 overlaps roles[0] (2020-01-01 to 2021-06-30): roles must not overlap
  - tests/fixtures/invalid/news/Bad Name.md: (file name) "Bad Name" is not a valid file name for an item: use lower-case letters, digits and single hyphens, e.g. rename the file to bad-name.md
  - tests/fixtures/invalid/news/Bad Name.md: draft must be true or false
  - tests/fixtures/invalid/news/bad-author.md: authors[0] unknown author id "jscott": did you mean "jennifer-scott"?
  - tests/fixtures/invalid/news/bad-related.md: related[0] "bad-related" is this item itself: remove it
  - tests/fixtures/invalid/news/bad-related.md: related[1] unknown item "missing-imag": did you mean "missing-image"?
  - tests/fixtures/invalid/news/bad-related.md: relatedExclude[0] unknown item "no-such-item-anywhere": use the file name of an item in tests/fixtures/invalid/news/ without .md
  - tests/fixtures/invalid/news/broken-yaml.md: (front matter) could not be read: unexpected end of the stream within a flow collection (3:1). Fix the YAML between the --- lines
  - tests/fixtures/invalid/news/many-problems.md: title is empty: write the headline
  - tests/fixtures/invalid/news/many-problems.md: description is missing: add the standfirst: one sentence that sums up the item
  - tests/fixtures/invalid/news/many-problems.md: date "2026-08-17" is not an ISO 8601 date and time with offset: write it like 2026-08-17T09:30:00+01:00 (+01:00 in British Summer Time, Z or +00:00 in winter)
  - tests/fixtures/invalid/news/many-problems.md: type "pressrelease" is not a type: use one of news, analysis, opinion, feature, press release, interview
  - tests/fixtures/invalid/news/many-problems.md: tags must be a list of tags, e.g. ["Cyber security", "Local government"]
  - tests/fixtures/invalid/news/many-problems.md: image.src must start with / (a file in the site) or https:// (an image elsewhere): write the path of the image
  - tests/fixtures/invalid/news/many-problems.md: image.alt is missing: add alt text that describes the image for people who cannot see it
  - tests/fixtures/invalid/news/many-problems.md: auther is not a known field: did you mean "authors"?
  - tests/fixtures/invalid/news/missing-image.md: image.src "/images/nowhere.png" does not exist: put the image in tests/fixtures/invalid/images/nowhere.png or fix the path`;

test("the in-memory build rejects invalid content with every problem, word for word", async () => {
  await assert.rejects(buildInMemory("tests/fixtures/invalid"), (error: unknown) => {
    // Eleventy wraps our error; find it in the cause chain.
    let e = error as { message?: string; originalError?: unknown; cause?: unknown } | undefined;
    while (e && e.message !== EXPECTED) e = (e.originalError ?? e.cause) as typeof e;
    assert.equal(e?.message, EXPECTED);
    return true;
  });
});

test("the CLI build fails, prints the problems without a stack trace, and writes nothing", () => {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "govnews-invalid-")), "site");
  const result = buildSite({ content: "tests/fixtures/invalid", output });
  assert.notEqual(result.status, 0);
  const printed = result.stdout + result.stderr;
  assert.ok(printed.includes(EXPECTED.split("\n")[6]!), printed);
  assert.ok(!/stack trace|^\s+at /m.test(printed), `a stack trace was printed:\n${printed}`);
  // No site, and no half-made one beside it (tests/build/output-folder.test.ts: an earlier site is kept as it was).
  assert.deepEqual(fs.readdirSync(path.dirname(output)), []);
});
