import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { loadContent, parseYamlFrontMatter, readSourceFile, releaseBodies, splitFrontMatter } from "../../../lib/content/load.ts";

const NOW = Date.parse("2026-11-20T12:00:00Z");

test("releaseBodies: every body reads back the same text, from its file, once", () => {
  const { model } = loadContent({ root: ".", content: "tests/fixtures/site" }, { now: NOW });
  assert.ok(model);
  const before = new Map(model.published.map((a) => [a.slug, a.body]));
  releaseBodies(model.published, ".");
  for (const article of model.published) {
    assert.equal(Object.getOwnPropertyDescriptor(article, "body")?.value, undefined, "no longer held as a value");
    assert.equal(article.body, before.get(article.slug), article.slug);
  }
});

test("releaseBodies: a body is read when first asked for, then kept", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-bodies-"));
  try {
    fs.writeFileSync(path.join(root, "item.md"), "---\ntitle: x\n---\nFirst text.\n");
    const article = { file: "item.md", body: "First text.\n" };
    releaseBodies([article], root);
    fs.writeFileSync(path.join(root, "item.md"), "---\ntitle: x\n---\nSecond text.\n");
    assert.equal(article.body, "Second text.\n");
    fs.writeFileSync(path.join(root, "item.md"), "---\ntitle: x\n---\nThird text.\n");
    assert.equal(article.body, "Second text.\n");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// Edge cases of front matter, each split as gray-matter (with our YAML engine) splits it.
const frontMatterCases: Array<[name: string, raw: string]> = [
  ["plain", "---\ntitle: x\n---\nBody.\n"],
  ["CRLF", "---\r\ntitle: x\r\n---\r\nBody.\r\n"],
  ["byte-order mark", "\ufeff---\ntitle: x\n---\nBody."],
  ["no front matter", "Just text.\n---\nmore"],
  ["empty file", ""],
  ["empty block", "---\n---\nBody."],
  ["comment-only block", "---\n# a note\n  # another\n---\nBody."],
  ["no closing line", "---\ntitle: x\nBody without an end"],
  ["four dashes: not front matter", "----\ntitle: x\n----\nBody."],
  ["language yaml", "---yaml\ntitle: x\n---\nBody."],
  ["language with spaces", "--- yaml \ntitle: x\n---\nBody."],
  ["trailing spaces after dashes", "---   \ntitle: x\n---\nBody."],
  ["closing line with more dashes", "---\ntitle: x\n-----\nBody."],
  ["blank lines before body", "---\ntitle: x\n---\n\n\nBody."],
  ["dashes in the body", "---\ntitle: x\n---\nOne\n---\nTwo"],
  ["only an opening line", "---"],
  ["opening line without a newline", "---title: x"],
];

test("splitFrontMatter: the same data and body as gray-matter for every edge case", () => {
  const outcome = (read: () => { data: unknown; body: string }) => {
    try {
      return read();
    } catch {
      return "not readable";
    }
  };
  for (const [name, raw] of frontMatterCases) {
    const expected = outcome(() => {
      const parsed = matter(raw, { engines: { yaml: parseYamlFrontMatter } });
      return { data: parsed.data, body: parsed.content };
    });
    const actual = outcome(() => {
      const { language, matter: block, body } = splitFrontMatter(raw);
      if (language && language !== "yaml") throw new Error(`not YAML: ${language}`);
      const data = block === undefined || block.replace(/^\s*#[^\n]+/gm, "").trim() === "" ? {} : parseYamlFrontMatter(block);
      return { data, body };
    });
    assert.deepEqual(actual, expected, name);
  }
});

test("readSourceFile: front matter in another language than YAML is an error, never run", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-matter-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "item.md");
  // gray-matter would evaluate this block as JavaScript.
  fs.writeFileSync(file, '---js\n{ title: (globalThis.ran = "yes") }\n---\nBody.');
  const source = readSourceFile(file, dir);
  assert.equal(source.file, "item.md");
  assert.match(source.parseError ?? "", /front matter in "js": write it as YAML/);
  assert.equal((globalThis as { ran?: string }).ran, undefined);
  fs.writeFileSync(file, "---\ntitle: [unclosed\n---\nBody.");
  assert.match(readSourceFile(file, dir).parseError ?? "", /could not be read: .*Fix the YAML between the --- lines/);
});
