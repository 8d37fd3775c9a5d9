import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import matter from "gray-matter";
import jsYaml from "js-yaml";
import { loadContent, parseYamlFrontMatter, readSourceFile, releaseBodies, splitFrontMatter } from "../../../lib/content/load.ts";
import { MAX_TEXT_FILE_BYTES } from "../../../lib/content/schema.ts";
import { generateCorpus } from "../../../scripts/generate-corpus.ts";

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

// ---------------------------------------------------------------------------------------------------------------
// Reading files: YAML, encoding, unclosed front matter, size. Each case writes one file and reads it as the build does.

function readText(t: { after: (fn: () => void) => void }, content: string | Uint8Array, name = "news/item.md") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-read-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return readSourceFile(file, dir);
}

/** Nine nested aliases, 9^9 strings once expanded: js-yaml took gigabytes on this, then crashed (issue 14, finding 8). */
const ALIAS_BOMB = [
  "---",
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ..."bcdefghi".split("").map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`),
  "type: *i",
  "---",
  "Body.",
].join("\n");

test("readSourceFile: an alias bomb is refused, naming the line, without expanding a single alias", (t) => {
  const source = readText(t, ALIAS_BOMB);
  assert.equal(source.file, "news/item.md");
  assert.deepEqual(source.data, {}, "nothing is built from the front matter");
  // The first anchor is refused before any data is built: the message names it and its line.
  assert.equal(source.parseError, "could not be read: the YAML anchor &a is not allowed: remove it and write each value out in full. Fix the YAML between the --- lines");
  assert.deepEqual(source.errorAt, { line: 2, column: 4 });
});

const yamlCases: Array<{ name: string; front: string; error: RegExp; at?: { line: number; column?: number } }> = [
  { name: "an alias alone", front: "title: x\ntype: *t", error: /^could not be read: the YAML alias \*t is not allowed/, at: { line: 3, column: 7 } },
  { name: "an anchor alone", front: "title: &t x", error: /^could not be read: the YAML anchor &t is not allowed/, at: { line: 2, column: 8 } },
  { name: "a merge key through an alias", front: "base: &b {type: news}\nitem:\n  <<: *b", error: /YAML anchor &b is not allowed/ },
  { name: "a duplicate field", front: "title: One\ntitle: Two", error: /^could not be read: a field is given twice: keep one of them/, at: { line: 3, column: 1 } },
  { name: "a syntax error", front: "title: [unclosed", error: /^could not be read: .+\. Fix the YAML between the --- lines$/, at: { line: 2 } },
  { name: "a bad indent", front: "title: x\n  y: z", error: /^could not be read: /, at: { line: 2, column: 8 } },
  {
    name: "a JavaScript tag",
    front: "title: !!js/function 'function () { return 1 }'",
    error: /^could not be read: a YAML tag \(a word starting with !\) is used: remove it/,
    at: { line: 2, column: 8 },
  },
  { name: "a custom tag", front: "title: !include /etc/passwd", error: /YAML tag/ },
  { name: "a list, not fields", front: "- title\n- date", error: /^could not be read: write fields, one per line, like title: Your headline/, at: { line: 2, column: 1 } },
  { name: "a single value, not fields", front: "Just a sentence", error: /write fields, one per line/ },
  {
    name: "a document end marker",
    front: "title: x\n...\ntype: news",
    error: /^could not be read: a line of --- or \.\.\. ends the front matter early/,
    at: { line: 3, column: 1 },
  },
];

test("readSourceFile: YAML that is not plain fields is an error naming the line (and column)", (t) => {
  for (const { name, front, error, at } of yamlCases) {
    const source = readText(t, `---\n${front}\n---\nBody.\n`);
    assert.match(source.parseError ?? "(none)", error, name);
    if (at) {
      assert.equal(source.errorAt?.line, at.line, name);
      if (at.column !== undefined) assert.equal(source.errorAt?.column, at.column, name);
    }
    assert.deepEqual(source.data, {}, name);
  }
});

test("parseYamlFrontMatter: the same data as js-yaml's core schema for every sample, fixture and generated file", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-corpus-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  generateCorpus({ n: 300, seed: 11, outDir: dir });
  const folders = ["content/news", "content/authors", "tests/fixtures/site/news", "tests/fixtures/site/authors", `${dir}/news`, `${dir}/authors`];
  let compared = 0;
  for (const folder of folders) {
    for (const name of fs.readdirSync(folder).filter((n) => n.endsWith(".md"))) {
      const { matter: block } = splitFrontMatter(fs.readFileSync(path.join(folder, name), "utf8"));
      assert.ok(block !== undefined, name);
      assert.deepEqual(parseYamlFrontMatter(block), jsYaml.load(block, { schema: jsYaml.CORE_SCHEMA }), `${folder}/${name}`);
      compared++;
    }
  }
  assert.ok(compared > 340, `compared ${compared} files`);
  // Dates stay the strings the editor wrote; YAML 1.2 booleans only.
  assert.deepEqual(parseYamlFrontMatter("\ndate: 2026-08-17T09:30:00+01:00\nday: 2026-08-17\ndraft: true\nword: yes\nnone: ~\n"), {
    date: "2026-08-17T09:30:00+01:00",
    day: "2026-08-17",
    draft: true,
    word: "yes",
    none: null,
  });
});

test("parseYamlFrontMatter: a __proto__ field is a plain field, never the object's prototype", () => {
  const data = parseYamlFrontMatter("\n__proto__: {polluted: yes}\ntitle: x\n");
  assert.equal(Object.getPrototypeOf(data), Object.prototype);
  assert.deepEqual(Object.keys(data), ["__proto__", "title"]);
  assert.equal(({} as { polluted?: unknown }).polluted, undefined);
});

test("readSourceFile: a front matter opened with --- and never closed is an error, not an empty published item", (t) => {
  for (const raw of ["---\ntitle: x\ndate: 2026-08-17T09:30:00+01:00\n", "---", "---\ntitle: x\n--\nBody."]) {
    const source = readText(t, raw);
    assert.equal(source.parseError, "has no closing --- line: end the front matter with a line of just --- and write the text under it", JSON.stringify(raw));
  }
  assert.equal(readText(t, "---\ntitle: x\n---\n").parseError, undefined, "closed with an empty body: read, and the model reports the body");
});

test("readSourceFile: files are strict UTF-8; a Windows-1252 file is an error naming the line, a byte-order mark is fine", (t) => {
  // "It’s" with the Windows-1252 byte for ’ (0x92), and é as Latin-1 (0xE9), on line 2.
  const latin1 = Buffer.concat([Buffer.from("---\ntitle: It"), Buffer.from([0x92]), Buffer.from("s caf"), Buffer.from([0xe9]), Buffer.from("\n---\nBody.\n")]);
  const source = readText(t, latin1);
  assert.equal(source.errorField, "(file)");
  assert.equal(
    source.parseError,
    'is not saved as UTF-8 (line 2 has "’" in another encoding, probably Windows-1252 or Latin-1): save the file as UTF-8 in your editor (Save as, Encoding: UTF-8) and check the accented letters and quotation marks',
  );
  assert.deepEqual(source.data, {});
  assert.ok(!JSON.stringify(source).includes("\ufffd"), "no replacement character anywhere");
  const bom = readText(t, "\ufeff---\ntitle: Café ’quotes’\n---\nBody.\n");
  assert.equal(bom.parseError, undefined);
  assert.deepEqual(bom.data, { title: "Café ’quotes’" });
});

test("readSourceFile: a file over the size limit is refused without being read", (t) => {
  const big = `---\ntitle: x\n---\n${"word ".repeat(MAX_TEXT_FILE_BYTES / 5 + 1)}`;
  const source = readText(t, big);
  assert.equal(source.parseError, `is ${Buffer.byteLength(big).toLocaleString("en-GB")} bytes, more than the limit of 1,048,576 bytes (1 MB): split it or shorten it`);
  assert.equal(readText(t, Buffer.alloc(3 * MAX_TEXT_FILE_BYTES)).parseError, "is 3 MB, more than the limit of 1 MB: split it or shorten it");
  assert.equal(readText(t, `---\ntitle: x\n---\n${"word ".repeat(MAX_TEXT_FILE_BYTES / 5 - 10)}`).parseError, undefined, "just under the limit");
});

test("readSourceFile: a symbolic link is refused, not followed", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-link-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, "secret.txt"), "---\ntitle: secret\n---\nsecret\n");
  fs.symlinkSync(path.join(dir, "secret.txt"), path.join(dir, "item.md"));
  const source = readSourceFile(path.join(dir, "item.md"), dir);
  assert.equal(source.parseError, "is a symbolic link: replace it with the file itself");
  assert.equal(source.body, "");
});

test("loadContent: items not on disk yet are checked with the folder's own", () => {
  const paths = { root: ".", content: "tests/fixtures/site" };
  const news = [{ file: "tests/fixtures/site/news/not-yet.md", data: { title: "T", description: "D", date: "2026-01-01T09:00:00Z", type: "blog" }, body: "Text.\n" }];
  const { issues } = loadContent(paths, { now: NOW }, { news });
  assert.deepEqual(issues, [
    { file: "tests/fixtures/site/news/not-yet.md", field: "type", message: '"blog" is not a type: use one of news, analysis, opinion, feature, press release, interview' },
  ]);
  const valid = loadContent(paths, { now: NOW }, { news: [{ ...news[0]!, data: { ...news[0]!.data, type: "news" } }] });
  assert.deepEqual(valid.issues, []);
  assert.ok(valid.model?.bySlug.has("not-yet"));
  assert.equal(valid.model?.all.length, (loadContent(paths, { now: NOW }).model?.all.length ?? 0) + 1);
});

test("readSourceFile without front matter: the same body, line and read errors, and no YAML read", (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-read-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cases: Array<[string, string | Uint8Array]> = [
    ["valid.md", "---\ntitle: x\n---\nBody text.\n"],
    ["bad-yaml.md", "---\ntitle: [unclosed\n---\nBody text.\n"],
    ["unclosed.md", "---\ntitle: x\nBody text.\n"],
    ["no-front-matter.md", "Just a body.\n"],
    ["latin1.md", new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0x92, 0x0a])],
  ];
  for (const [name, content] of cases) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const full = readSourceFile(file, dir);
    const bodyOnly = readSourceFile(file, dir, false);
    assert.deepEqual(bodyOnly.data, {}, name);
    assert.equal(bodyOnly.body, full.body, name);
    assert.equal(bodyOnly.bodyLine, full.bodyLine, name);
    // A front matter that cannot be parsed is not read, so it is no error here; every other read error is.
    if (name === "bad-yaml.md") assert.equal(bodyOnly.parseError, undefined, name);
    else assert.equal(bodyOnly.parseError, full.parseError, name);
  }
});
