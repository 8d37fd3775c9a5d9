// Where a problem is: the line and column of the field it names, and the GitHub annotation that shows it there.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fieldPath, positionInMarkdown, positionInYaml, withPositions } from "../../../lib/content/positions.ts";
import { formatIssue, githubAnnotation } from "../../../lib/content/issues.ts";

for (const [field, expected] of [
  ["title", ["title"]],
  ["authors[0]", ["authors", 0]],
  ["roles[1].from", ["roles", 1, "from"]],
  ["links.website", ["links", "website"]],
  ["image.src", ["image", "src"]],
  ["(body)", undefined],
  ["(file name)", undefined],
  ["(front matter)", undefined],
] as const) {
  test(`fieldPath: ${field}`, () => assert.deepEqual(fieldPath(field), expected));
}

const MARKDOWN = [
  "---", // 1
  "title: Councils get a toolkit", // 2
  "authors: [jennifer-scott, jscott]", // 3
  "image:", // 4
  "  src: /images/x.png", // 5
  "roles:", // 6
  "  - role: Intern", // 7
  "    from: 2020-01-01", // 8
  "  - role: Reporter", // 9
  "    from: 2021-06-01", // 10
  "empty:", // 11
  "---", // 12
  "Body.", // 13
].join("\n");

for (const [field, line, column, why] of [
  ["title", 2, 8, "the value"],
  ["authors[1]", 3, 27, "an entry of a flow list"],
  ["image.src", 5, 8, "a nested value"],
  ["image.alt", 4, 1, "missing: the key of the map it belongs in"],
  ["roles[1].from", 10, 11, "inside a list of maps"],
  ["roles[1].to", 9, 5, "missing in a list entry: the entry"],
  ["empty", 11, 7, "an empty value: where it goes, after the colon"],
] as const) {
  test(`positionInMarkdown: ${field} (${why})`, () => assert.deepEqual(positionInMarkdown(MARKDOWN, field), { line, column }));
}

test("positionInMarkdown: no position for a field not there at all, a file with no front matter, or YAML that does not parse", () => {
  assert.equal(positionInMarkdown(MARKDOWN, "description"), undefined);
  assert.equal(positionInMarkdown("Just a body.", "title"), undefined);
  assert.equal(positionInMarkdown("---\ntitle: [unclosed\n---\n", "tags"), undefined);
});

test("positionInYaml: JSON is YAML, so site.json's fields are found too", () => {
  const json = '{\n  "title": "News",\n  "organisation": {\n    "url": "http://x"\n  }\n}\n';
  assert.deepEqual(positionInYaml(json, "organisation.url"), { line: 4, column: 12 });
});

test("withPositions: adds line and column from each file once; leaves other problems as they are", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-positions-"));
  fs.mkdirSync(path.join(root, "news"));
  fs.writeFileSync(path.join(root, "news/a.md"), MARKDOWN);
  fs.writeFileSync(path.join(root, "site.json"), '{\n  "url": "http://x"\n}\n');
  const issues = [
    { file: "news/a.md", field: "authors[1]", message: 'unknown author id "jscott"' },
    { file: "news/a.md", field: "(body)", message: "is empty" },
    { file: "site.json", field: "url", message: "must be https" },
    { file: "news/gone.md", field: "title", message: "is empty" },
  ];
  const placed = withPositions(issues, root);
  assert.deepEqual(placed, [{ ...issues[0], line: 3, column: 27 }, issues[1], { ...issues[2], line: 2, column: 10 }, issues[3]]);
  assert.equal(formatIssue(placed[0]!), 'news/a.md:3:27: authors[1] unknown author id "jscott"');
  assert.equal(formatIssue(placed[1]!), "news/a.md: (body) is empty");
  fs.rmSync(root, { recursive: true, force: true });
});

test("githubAnnotation: file, line and column, and nothing in a value can end the command early", () => {
  assert.equal(
    githubAnnotation({ file: "content/news/a.md", field: "title", message: "is empty: write the headline", line: 2, column: 8 }),
    "::error file=content/news/a.md,line=2,col=8,title=title in a.md::title is empty: write the headline",
  );
  assert.equal(
    githubAnnotation({ file: "content/news/a,b:c.md", field: "(body)", message: "100% wrong\nline two\r" }),
    "::error file=content/news/a%2Cb%3Ac.md,title=(body) in a%2Cb%3Ac.md::(body) 100%25 wrong%0Aline two%0D",
  );
});
