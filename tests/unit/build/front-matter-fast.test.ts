// The front-matter fast path (lib/build/front-matter-fast.ts) against its plain twin (the `yaml` package path of
// parseYamlFrontMatter): the same data wherever the fast path answers, and no answer wherever the twin refuses.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { readPlainFrontMatter } from "../../../lib/build/front-matter-fast.ts";
import { parseYamlFrontMatter, splitFrontMatter } from "../../../lib/content/load.ts";
import { generateCorpusItems, itemFile, authorFile } from "../../../scripts/generate-corpus.ts";

const reference = (block: string) => parseYamlFrontMatter(block, false);

function blocksIn(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith(".md"))
    .map((f) => splitFrontMatter(fs.readFileSync(path.join(folder, f), "utf8")).matter)
    .filter((m): m is string => m !== undefined);
}

const EDGE_CASES = [
  "\ntitle: Plain\ndate: 2026-08-17T09:30:00+01:00\n",
  "\ntitle: 'Single ''quoted'''\ndescription: \"Double \\\"quoted\\\" \\u00e9\"\n",
  "\ntitle: >\n  Folded\n  text\ndescription: |\n  Literal\n  text\n",
  "\ntags: [a, b, 'c d']\nauthors:\n  - x\n  - y\n",
  "\nn1: 017\nn2: 0o17\nn3: 0x1F\nn4: 1e3\nn5: 1.5\nn6: -2\nn7: .inf\nn8: .NaN\nn9: +12\n",
  "\nb1: yes\nb2: no\nb3: on\nb4: True\nb5: FALSE\nb6: y\n",
  "\nz1: ~\nz2: null\nz3: Null\nz4:\n",
  "\nd1: 2026-08-17\nd2: 2026-08-17 09:30\nd3: 12:30\n",
  "\ntitle: Has # not a comment\n# a comment\nx: y # trailing\n",
  "\ntitle: Colon: inside\n",
  '\ntitle: "Launch!"\n',
  '\nkey with spaces: v\n"quoted key": w\n',
  "\nimage:\n  src: /images/x.png\n  alt: A picture\n",
  "\nchanges:\n  - date: 2026-08-18T09:30:00+01:00\n    note: Fixed.\n",
  // Refused by the twin: the fast path must not answer.
  "\ntitle: a\ntitle: b\n",
  "\ntitle: a\n---\ntitle: b\n",
  "\ntitle: a\n...\ntitle: b\n",
  "\ntitle: [unclosed\n",
  '\ntitle: "unclosed\n',
  "\n\ttitle: tab\n",
  "\ntitle:\n\t- tab\n",
  "\n- a list\n- not fields\n",
  "\njust a scalar\n",
  "\n%YAML 1.1\n---\ntitle: x\n",
  "\n? complex\n: key\n",
  "\ntitle: a\n  bad: indent\n",
  "\ntitle: a b: c\n",
  "\n{title: flow, map: here}\n",
  "\ntitle: x\n@reserved: y\n",
  "\ntitle: `backtick\n",
];

test("the fast path reads every sample, fixture, generated and edge-case block as the yaml package does, or leaves it", () => {
  const corpus = generateCorpusItems({ n: 500, seed: 3 });
  const blocks = [
    ...["content/news", "content/authors", "tests/fixtures/site/news", "tests/fixtures/site/authors", "tests/fixtures/leaks/news", "tests/fixtures/invalid/news"].flatMap(blocksIn),
    ...corpus.items.map((item) => splitFrontMatter(itemFile(item)).matter!),
    ...corpus.authors.map((author) => splitFrontMatter(authorFile(author)).matter!),
    ...EDGE_CASES,
  ];
  let answered = 0;
  for (const block of blocks) {
    const fast = readPlainFrontMatter(block);
    let expected: unknown;
    let refused = false;
    try {
      expected = reference(block);
    } catch {
      refused = true;
    }
    if (fast === undefined) continue;
    answered++;
    assert.ok(!refused, `the fast path read a block the yaml package refuses:\n${block}`);
    assert.deepEqual(fast, expected, block);
  }
  // Not vacuous: the generated archive's blocks are plain, and the fast path reads them.
  assert.ok(answered > corpus.items.length / 2, `${answered} answered`);
});
