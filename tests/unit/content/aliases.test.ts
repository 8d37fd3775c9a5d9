// Aliases (old file names of renamed items): the schema's checks of each entry, the checks across items that make
// every old address lead to one item, and the `_redirects` text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { aliasIssues, redirectsFile, wellFormedAliases, type AliasSource } from "../../../lib/content/aliases.ts";
import { buildModel, type SourceFile } from "../../../lib/content/model.ts";
import { LIMITS, newsItemSchema } from "../../../lib/content/schema.ts";
import type { ContentIssue } from "../../../lib/content/issues.ts";
import { siteFile } from "./site-fixture.ts";

const MINIMAL = {
  title: "Councils get new cyber security toolkit",
  description: "A free toolkit helps councils protect their systems.",
  date: "2026-08-17T09:30:00+01:00",
  type: "news",
} as const;

const SITE: SourceFile = siteFile();
const NOW = Date.parse("2027-01-01T00:00:00Z");

const item = (slug: string, data: Record<string, unknown> = {}): SourceFile => ({ file: `content/news/${slug}.md`, data: { ...MINIMAL, ...data }, body: "Body.\n" });
const build = (news: SourceFile[]) => buildModel({ site: SITE, news, authors: [] }, { now: NOW });

// [case, aliases as written, the problems (field: message start), or [] when valid]
const schemaCases: Array<[string, unknown, string[]]> = [
  ["one old name", ["council-cyber-kit"], []],
  ["several", ["old-one", "old-2026"], []],
  ["spaces around are trimmed", ["  council-cyber-kit "], []],
  ["an empty list", [], []],
  ["not a list", "council-cyber-kit", ["aliases: must be a list of the item's old file names"]],
  ["a number", [2026], ["aliases[0]: must be an old file name of this item"]],
  ["upper case", ["Council-Cyber-Kit"], ['aliases[0]: "Council-Cyber-Kit" is not a file name']],
  ["with .md", ["council-cyber-kit.md"], ['aliases[0]: "council-cyber-kit.md" is not a file name']],
  ["a path", ["/news/council-cyber-kit/"], ['aliases[0]: "/news/council-cyber-kit/" is not a file name']],
  ["a space inside", ["council cyber kit"], ['aliases[0]: "council cyber kit" is not a file name']],
  ["double hyphen", ["council--kit"], ['aliases[0]: "council--kit" is not a file name']],
  ["a redirect line smuggled in", ["a /evil 200!\n/x"], ['aliases[0]: "a /evil 200!\\n/x" is not a file name']],
  ["empty", [""], ['aliases[0]: "" is not a file name']],
  ["only the bad entry is named", ["fine", "Not Fine"], ['aliases[1]: "Not Fine" is not a file name']],
  ["too many", Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `old-${i}`), [`aliases: has ${LIMITS.aliases + 1} aliases, more than the limit of ${LIMITS.aliases}`]],
];

for (const [name, aliases, expected] of schemaCases) {
  test(`schema: aliases ${name}`, () => {
    const parsed = newsItemSchema.safeParse({ ...MINIMAL, aliases });
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".").replace(/\.(\d+)/g, "[$1]")}: ${i.message}`);
    assert.equal(problems.length, expected.length, problems.join("\n"));
    expected.forEach((start, i) => assert.ok(problems[i]!.startsWith(start), `${problems[i]} should start with ${start}`));
  });
}

test("wellFormedAliases: keeps each entry's index, undefined for what the schema reports", () => {
  assert.deepEqual(wellFormedAliases({ aliases: ["ok", "Not ok", 3, " trimmed "] }), ["ok", undefined, undefined, "trimmed"]);
  assert.deepEqual(wellFormedAliases({ aliases: "ok" }), []);
  assert.deepEqual(wellFormedAliases({}), []);
});

const src = (slug: string, ...aliases: Array<string | undefined>): AliasSource => ({ file: `content/news/${slug}.md`, slug, aliases });
const lines = (issues: ContentIssue[]) => issues.map((i) => `${i.file} ${i.field}: ${i.message}`);

// [case, items, every problem as "file field: message start"]
const crossCases: Array<[string, AliasSource[], string[]]> = [
  ["no aliases", [src("a"), src("b")], []],
  ["distinct aliases", [src("a", "old-a"), src("b", "old-b", "older-b")], []],
  ["its own file name", [src("a", "a")], ['content/news/a.md aliases[0]: "a" is this item\'s own file name']],
  ["a repeat", [src("a", "old", "other", "old")], ['content/news/a.md aliases[2]: "old" is listed twice']],
  ["another item's file name", [src("a", "b"), src("b")], ['content/news/a.md aliases[0]: "b" is the file name of content/news/b.md, so that address already shows it']],
  [
    "another item's alias: both files, each naming the other",
    [src("b", "old"), src("a", "old")],
    ['content/news/a.md aliases[0]: "old" is also an alias of content/news/b.md', 'content/news/b.md aliases[0]: "old" is also an alias of content/news/a.md'],
  ],
  [
    "three items share one alias",
    [src("a", "old"), src("b", "old"), src("c", "x", "old")],
    [
      'content/news/a.md aliases[0]: "old" is also an alias of content/news/b.md, content/news/c.md',
      'content/news/b.md aliases[0]: "old" is also an alias of content/news/a.md, content/news/c.md',
      'content/news/c.md aliases[1]: "old" is also an alias of content/news/a.md, content/news/b.md',
    ],
  ],
  [
    "a repeat and a shared alias: the repeat once, the sharing once",
    [src("a", "old", "old"), src("b", "old")],
    [
      'content/news/a.md aliases[0]: "old" is also an alias of content/news/b.md',
      'content/news/a.md aliases[1]: "old" is listed twice',
      'content/news/b.md aliases[0]: "old" is also an alias of content/news/a.md',
    ],
  ],
  ["ill-formed entries are skipped, indices kept", [src("a", undefined, "a")], ['content/news/a.md aliases[1]: "a" is this item\'s own file name']],
];

for (const [name, items, expected] of crossCases) {
  test(`aliasIssues: ${name}`, () => {
    const found = lines(aliasIssues(items));
    assert.equal(found.length, expected.length, found.join("\n"));
    expected.forEach((start, i) => assert.ok(found[i]!.startsWith(start), `${found[i]}\nshould start with\n${start}`));
    assert.deepEqual(lines(aliasIssues([...items].reverse())), found, "the same whatever the order of the files");
  });
}

test("buildModel: an alias that collides with a draft's file name is an error (it would shadow the redirect once published)", () => {
  const { issues } = build([item("new-name", { aliases: ["coming-soon"] }), item("coming-soon", { draft: true })]);
  assert.deepEqual(lines(issues), [
    'content/news/new-name.md aliases[0]: "coming-soon" is the file name of content/news/coming-soon.md, so that address already shows it: remove the alias, or rename that item',
  ]);
});

test("buildModel: alias collisions are reported even when the items have other problems", () => {
  const { issues } = build([item("a", { aliases: ["old"], title: "" }), item("b", { aliases: ["old"] })]);
  const aliasLines = lines(issues).filter((l) => l.includes("aliases"));
  assert.equal(aliasLines.length, 2, lines(issues).join("\n"));
  assert.ok(lines(issues).some((l) => l.startsWith("content/news/a.md title:")));
});

test("buildModel: a valid item carries its aliases; one without has none", () => {
  const { model, issues } = build([item("new-name", { aliases: [" old-name", "older-name"] }), item("plain")]);
  assert.deepEqual(issues, []);
  assert.deepEqual(model!.bySlug.get("new-name")!.aliases, ["old-name", "older-name"]);
  assert.equal(model!.bySlug.get("plain")!.aliases, undefined);
});

// [case, items given, the file's rule lines]
const redirectCases: Array<[string, Array<{ slug: string; aliases?: string[] }>, string[]]> = [
  ["no items", [], []],
  ["items without aliases", [{ slug: "a" }, { slug: "b", aliases: [] }], []],
  ["one alias", [{ slug: "new-name", aliases: ["old-name"] }], ["/news/old-name/ /news/new-name/ 301"]],
  [
    "sorted by old address, whatever the order of items and aliases",
    [
      { slug: "zeta", aliases: ["m-old", "a-old"] },
      { slug: "alpha", aliases: ["z-old", "b-old"] },
    ],
    ["/news/a-old/ /news/zeta/ 301", "/news/b-old/ /news/alpha/ 301", "/news/m-old/ /news/zeta/ 301", "/news/z-old/ /news/alpha/ 301"],
  ],
];

for (const [name, items, expected] of redirectCases) {
  test(`redirectsFile: ${name}`, () => {
    const text = redirectsFile(items);
    assert.ok(text.startsWith("# "), "starts with a comment saying what the file is");
    assert.ok(text.endsWith("\n") && !text.endsWith("\n\n"), "ends with one newline");
    assert.deepEqual(
      text.split("\n").filter((l) => l && !l.startsWith("#")),
      expected,
    );
    assert.equal(redirectsFile([...items].reverse()), text, "byte-identical whatever the order of the items");
  });
}
