// Invalid content: every problem in every file, in one run, word for word; and a failed build publishes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { buildInMemory } from "./helpers.ts";
import { buildSite } from "../../scripts/build-site.ts";

const EXPECTED = `46 content problems found; nothing was published:
  - tests/fixtures/invalid/authors/jennifer-scott.md:6:12: links.website "not a url" is not a web address: write a full https:// URL for the website link
  - tests/fixtures/invalid/authors/no-bio.md:5:1: photo.alt is missing: add alt text for the photo, e.g. the author's name
  - tests/fixtures/invalid/authors/no-bio.md:16:1: (body) is empty: write a short bio under the front matter
  - tests/fixtures/invalid/authors/no-bio.md:14:11: roles[1].from 2021-06-01 overlaps roles[0] (2020-01-01 to 2021-06-30): roles must not overlap
  - tests/fixtures/invalid/authors/no-bio.md:6:8: photo.src "/images/no-bio.png" does not exist: put the image in tests/fixtures/invalid/images/no-bio.png or fix the path
  - tests/fixtures/invalid/news/Bad Name.md: (file name) "Bad Name" is not a valid file name for an item: use lower-case letters, digits and single hyphens, e.g. rename the file to bad-name.md
  - tests/fixtures/invalid/news/Bad Name.md:6:8: draft must be true or false
  - tests/fixtures/invalid/news/Bad Name.md:8:11: changes[0].date is before the publication date 2026-08-17T09:30:00+01:00: a change must come after publication
  - tests/fixtures/invalid/news/alias-bomb.md:2:4: (front matter) could not be read: the YAML anchor &a is not allowed: remove it and write each value out in full. Fix the YAML between the --- lines
  - tests/fixtures/invalid/news/all-at-once.md:7:1: image.alt is missing: add alt text that describes the image for people who cannot see it
  - tests/fixtures/invalid/news/all-at-once.md:6:11: authors[0] unknown author id "no-such-author": add tests/fixtures/invalid/authors/no-such-author.md or use one of: jennifer-scott, no-bio
  - tests/fixtures/invalid/news/all-at-once.md:8:8: image.src "/images/not-there.png" does not exist: put the image in tests/fixtures/invalid/images/not-there.png or fix the path
  - tests/fixtures/invalid/news/all-at-once.md:10:11: related[0] unknown item "no-such-item-anywhere": use the file name of an item in tests/fixtures/invalid/news/ without .md
  - tests/fixtures/invalid/news/bad-author.md:6:11: authors[0] unknown author id "jscott": did you mean "jennifer-scott"?
  - tests/fixtures/invalid/news/bad-related.md:6:11: related[0] "bad-related" is this item itself: remove it
  - tests/fixtures/invalid/news/bad-related.md:6:24: related[1] unknown item "missing-imag": did you mean "missing-image"?
  - tests/fixtures/invalid/news/bad-related.md:7:18: relatedExclude[0] unknown item "no-such-item-anywhere": use the file name of an item in tests/fixtures/invalid/news/ without .md
  - tests/fixtures/invalid/news/broken-links.md:8:1: (body) links to /news/missing-imag/, which will not exist: did you mean /news/missing-image/?
  - tests/fixtures/invalid/news/broken-links.md:8:1: (body) links to /news/a-draft/, which only a draft makes: publish that item first, or remove the link
  - tests/fixtures/invalid/news/broken-links.md:10:1: (body) links to /tags/cyber-secrity/, which will not exist: did you mean /tags/cyber-securty/?
  - tests/fixtures/invalid/news/broken-links.md:12:1: (body) has an image with no alt text (/images/fake.png): describe what it shows between the square brackets, e.g. ![A council officer at a laptop](/images/fake.png), so screen reader users know
  - tests/fixtures/invalid/news/broken-links.md:12:1: (body) has an image that points to /images/fake.png, which will not exist: put the image in tests/fixtures/invalid/images/fake.png or fix the address
  - tests/fixtures/invalid/news/broken-links.md:14:1: (body) has an image that points to /images/no-chart.png, which will not exist: put the image in tests/fixtures/invalid/images/no-chart.png or fix the address
  - tests/fixtures/invalid/news/broken-yaml.md:2:17: (front matter) could not be read: Flow sequence in block collection must be sufficiently indented and end with a ]. Fix the YAML between the --- lines
  - tests/fixtures/invalid/news/c1-quotes.md:2:8: title contains U+0092, an invisible control character: it is probably a ’ mis-converted from a Windows document; replace it with ’
  - tests/fixtures/invalid/news/c1-quotes.md:9:1: (body) contains U+0093, an invisible control character: it is probably a “ mis-converted from a Windows document; replace it with “
  - tests/fixtures/invalid/news/c1-quotes.md:9:1: (body) contains U+0094, an invisible control character: it is probably a ” mis-converted from a Windows document; replace it with ”
  - tests/fixtures/invalid/news/empty-body.md:7:1: (body) is empty: write the item in Markdown under the closing --- line of the front matter
  - tests/fixtures/invalid/news/many-problems.md:2:8: title is empty: write the headline
  - tests/fixtures/invalid/news/many-problems.md:1:1: description is missing: add the standfirst: one sentence that sums up the item
  - tests/fixtures/invalid/news/many-problems.md:3:7: date "2026-08-17" is not an ISO 8601 date and time with offset: write it like 2026-08-17T09:30:00+01:00 (+01:00 in British Summer Time, Z or +00:00 in winter)
  - tests/fixtures/invalid/news/many-problems.md:4:7: type "pressrelease" is not a type: use one of news, analysis, opinion, feature, press release, interview
  - tests/fixtures/invalid/news/many-problems.md:6:7: tags must be a list of tags, e.g. ["Cyber security", "Local government"]
  - tests/fixtures/invalid/news/many-problems.md:8:8: image.src must start with / (a file in the site) or https:// (an image elsewhere): write the path of the image
  - tests/fixtures/invalid/news/many-problems.md:7:1: image.alt is missing: add alt text that describes the image for people who cannot see it
  - tests/fixtures/invalid/news/many-problems.md:5:9: auther is not a known field: did you mean "authors"?
  - tests/fixtures/invalid/news/missing-image.md:7:8: image.src "/images/nowhere.png" does not exist: put the image in tests/fixtures/invalid/images/nowhere.png or fix the path
  - tests/fixtures/invalid/news/no-closing-line.md: (front matter) has no closing --- line: end the front matter with a line of just --- and write the text under it
  - tests/fixtures/invalid/news/same-id-a.md:6:5: id "tag:fixture.example.org,2026:same" is also the feed id of tests/fixtures/invalid/news/same-id-b.md: give each item its own id (or leave id out to use the item's address)
  - tests/fixtures/invalid/news/same-id-b.md:6:5: id "tag:fixture.example.org,2026:same" is also the feed id of tests/fixtures/invalid/news/same-id-a.md: give each item its own id (or leave id out to use the item's address)
  - tests/fixtures/invalid/news/too-long.md:2:8: title is 172 characters long, more than the limit of 150: shorten it
  - tests/fixtures/invalid/news/windows-1252.md: (file) is not saved as UTF-8 (line 2 has "’" in another encoding, probably Windows-1252 or Latin-1): save the file as UTF-8 in your editor (Save as, Encoding: UTF-8) and check the accented letters and quotation marks
  - tests/fixtures/invalid/images/fake.png: (file) is not a PNG image (its contents are not an image at all): export it again as PNG, or delete it
  - tests/fixtures/invalid/images/pixel.njk: (file) is not an image: tests/fixtures/invalid/images/ may hold only images (.png .jpg .jpeg .gif .webp .avif .svg); delete it
  - tests/fixtures/invalid/news/2026/archived.md: (file) is in a sub-folder of tests/fixtures/invalid/news/, where it is never read: move it to tests/fixtures/invalid/news/ itself (the file name is the address) and delete the sub-folder
  - tests/fixtures/invalid/news/old-item.MD: (file) is never read: only files ending in .md (lower case) are, so rename it to old-item.md`;

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

test("npm run check under GitHub Actions: every problem also as an annotation on its line", () => {
  const result = spawnSync(process.execPath, ["scripts/check-content.ts", "tests/fixtures/invalid"], {
    encoding: "utf8",
    env: { ...process.env, GITHUB_ACTIONS: "true" },
  });
  assert.equal(result.status, 1);
  const annotations = result.stdout.split("\n").filter((line) => line.startsWith("::error "));
  assert.equal(annotations.length, 46, result.stdout);
  // Warnings too, as warning annotations: the pull request shows them without failing the check.
  const warnings = result.stdout.split("\n").filter((line) => line.startsWith("::warning "));
  assert.deepEqual(warnings, [
    "::warning file=tests/fixtures/invalid/news/Bad Name.md,line=2,col=8,title=title in Bad Name.md::title is also the headline of tests/fixtures/invalid/news/missing-image.md: make each headline distinct, so readers can tell the items apart in lists and search results",
    "::warning file=tests/fixtures/invalid/news/missing-image.md,line=2,col=8,title=title in missing-image.md::title is also the headline of tests/fixtures/invalid/news/Bad Name.md: make each headline distinct, so readers can tell the items apart in lists and search results",
    '::warning file=tests/fixtures/invalid/news/broken-links.md,line=6,col=8,title=tags[0] in broken-links.md::tags[0] "Cyber securty" is close to the topic "Cyber security" (1 item): did you mean "Cyber security"? If it is a new topic, leave it',
  ]);
  assert.ok(
    annotations.includes(
      '::error file=tests/fixtures/invalid/news/bad-author.md,line=6,col=11,title=authors[0] in bad-author.md::authors[0] unknown author id "jscott": did you mean "jennifer-scott"?',
    ),
    result.stdout,
  );
  // A problem with no field to point at names the file only; an empty body is placed where the body starts.
  assert.ok(annotations.some((line) => line.startsWith("::error file=tests/fixtures/invalid/news/windows-1252.md,title=(file) in windows-1252.md::(file) is not saved as UTF-8")));
  assert.ok(annotations.some((line) => line.startsWith("::error file=tests/fixtures/invalid/news/empty-body.md,line=7,col=1,title=(body) in empty-body.md::(body) is empty")));
  // Without GitHub Actions, none.
  const plain = spawnSync(process.execPath, ["scripts/check-content.ts", "tests/fixtures/invalid"], { encoding: "utf8", env: { ...process.env, GITHUB_ACTIONS: "" } });
  assert.ok(!plain.stdout.includes("::error"));
});
