// The content folder holds only what the model names; anything else is an error naming the file and the fix,
// every one in one run, and nothing outside the folder is ever read through a link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadContent } from "../../../lib/content/load.ts";
import { takeInventory } from "../../../lib/content/inventory.ts";
import type { ContentIssue } from "../../../lib/content/issues.ts";

const NOW = Date.parse("2027-01-01T00:00:00Z");
const PNG = fs.readFileSync("tests/fixtures/site/images/logo.png");
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);
const ITEM = "---\ntitle: An item\ndescription: A standfirst.\ndate: 2026-08-17T09:30:00+01:00\ntype: news\n---\nBody.\n";
const AUTHOR = "---\nname: Ada Lovelace\nrole: Editor\norganisation: Test Department\n---\nA bio.\n";

/** A valid content folder (one item, one author, images in a sub-folder) with `extra` added; returns its root. */
function site(t: { after: (fn: () => void) => void }, extra: Record<string, string | Buffer> = {}): { root: string; content: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-inventory-"));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string | Buffer> = {
    "site.json": fs.readFileSync("tests/fixtures/site/site.json"),
    "news/an-item.md": ITEM,
    "authors/ada-lovelace.md": AUTHOR,
    "images/logo.png": PNG,
    "images/authors/ada.jpg": JPEG,
    "images/lead.svg": fs.readFileSync("tests/fixtures/site/images/lead.svg"),
    ...extra,
  };
  for (const [name, data] of Object.entries(files)) {
    const file = path.join(root, "content", name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
  return { root, content: path.join(root, "content") };
}

const load = (paths: { root: string; content: string }) => loadContent(paths, { now: NOW });
const lines = (issues: readonly ContentIssue[]) => issues.map((i) => `${i.file}: ${i.field} ${i.message}`);

test("a valid folder: no problems, and the model lists every image as a site path", (t) => {
  const { model, issues } = load(site(t, { "news/.gitkeep": "", "images/.gitkeep": "" }));
  assert.deepEqual(issues, []);
  assert.deepEqual(model?.images, ["/images/authors/ada.jpg", "/images/lead.svg", "/images/logo.png"]);
});

test("the sample content and the fixture site pass the inventory, with their images listed", () => {
  for (const content of ["content", "tests/fixtures/site"]) {
    const inventory = takeInventory({ root: ".", content });
    assert.deepEqual(inventory.issues, [], content);
    assert.ok(inventory.images.length >= 2 && inventory.images.every((i) => i.startsWith("/images/")), content);
    assert.ok(inventory.news.length > 10, content);
  }
});

const cases: Array<{ name: string; files: Record<string, string | Buffer>; expected: string[] }> = [
  {
    name: "an item with an upper-case extension",
    files: { "news/x.MD": ITEM },
    expected: ["content/news/x.MD: (file) is never read: only files ending in .md (lower case) are, so rename it to x.md"],
  },
  {
    name: "an item saved as .markdown",
    files: { "news/x.markdown": ITEM },
    expected: ["content/news/x.markdown: (file) is never read: only files ending in .md (lower case) are, so rename it to x.md"],
  },
  {
    name: "an item in a sub-folder",
    files: { "news/2026/x.md": ITEM },
    expected: [
      "content/news/2026/x.md: (file) is in a sub-folder of content/news/, where it is never read: move it to content/news/ itself (the file name is the address) and delete the sub-folder",
    ],
  },
  {
    name: "an Eleventy data file among the items",
    files: { "news/x.11tydata.js": "export default {}" },
    expected: [
      "content/news/x.11tydata.js: (file) is not an item file: content/news/ may hold only Markdown files ending in .md (images go in content/images/); delete it or move it",
    ],
  },
  {
    name: "an image among the authors",
    files: { "authors/ada.png": PNG },
    expected: ["content/authors/ada.png: (file) is not an author file: content/authors/ may hold only Markdown files ending in .md; delete it or move it"],
  },
  {
    name: "a template among the images",
    files: { "images/pixel.njk": "{{ 7 * 7 }}" },
    expected: ["content/images/pixel.njk: (file) is not an image: content/images/ may hold only images (.png .jpg .jpeg .gif .webp .avif .svg); delete it"],
  },
  {
    name: "a script among the images",
    files: { "images/evil.js": "alert(1)" },
    expected: ["content/images/evil.js: (file) is not an image: content/images/ may hold only images (.png .jpg .jpeg .gif .webp .avif .svg); delete it"],
  },
  {
    name: "a page among the images",
    files: { "images/x.html": "<script>alert(1)</script>" },
    expected: ["content/images/x.html: (file) is not an image: content/images/ may hold only images (.png .jpg .jpeg .gif .webp .avif .svg); delete it"],
  },
  {
    name: "a page named as a PNG",
    files: { "images/x.png": "<script>alert(1)</script>" },
    expected: ["content/images/x.png: (file) is not a PNG image (its contents are not an image at all): export it again as PNG, or delete it"],
  },
  {
    name: "a JPEG named as a PNG",
    files: { "images/authors/x.png": JPEG },
    expected: ["content/images/authors/x.png: (file) is a JPEG image, not PNG: rename it to end in .jpg (and change the paths that use it)"],
  },
  {
    name: "an upper-case image extension",
    files: { "images/X.PNG": PNG },
    expected: ["content/images/X.PNG: (file) has an upper-case extension: rename it to X.png (and change the paths that use it)"],
  },
  {
    name: "an image name that needs escaping",
    files: { 'images/a"><script>.png': PNG, "images/my photo.png": PNG },
    expected: [
      'content/images/a"><script>.png: (file) has a name that does not work in a web address: rename it using only letters, digits, hyphens (-), underscores (_) and dots',
      "content/images/my photo.png: (file) has a name that does not work in a web address: rename it using only letters, digits, hyphens (-), underscores (_) and dots",
    ],
  },
  {
    name: "an SVG with script",
    files: { "images/evil.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' },
    expected: [/^content\/images\/evil\.svg: \(file\) is not a plain SVG image: it has a <script> element/.source],
  },
  {
    name: "an SVG not saved as UTF-8",
    files: { "images/latin.svg": Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><title>Caf\xe9</title></svg>', "latin1") },
    expected: [/^content\/images\/latin\.svg: \(file\) is not saved as UTF-8/.source],
  },
  {
    name: "an Eleventy data folder",
    files: { "_data/x.js": "export default {}", "_data/y.json": "{}" },
    expected: [
      "content/_data/x.js: (file) is not part of the content: content/ may hold only site.json, news/ (items), authors/ (authors) and images/ (images); delete it or move it out of content/ (templates and code are reviewed as code, outside the content folder)",
      "content/_data/y.json: (file) is not part of the content: content/ may hold only site.json, news/ (items), authors/ (authors) and images/ (images); delete it or move it out of content/ (templates and code are reviewed as code, outside the content folder)",
    ],
  },
  {
    name: "a template at the top",
    files: { "foo.njk": "{{ 7 * 7 }}" },
    expected: [
      "content/foo.njk: (file) is not part of the content: content/ may hold only site.json, news/ (items), authors/ (authors) and images/ (images); delete it or move it out of content/",
    ],
  },
  {
    name: "a directory data file at the top, a Markdown page outside news/",
    files: { "content.11tydata.js": "export default {}", "about.md": "---js\n{}\n---\n" },
    expected: [
      "content/about.md: (file) is not part of the content: content/ may hold only site.json, news/ (items), authors/ (authors) and images/ (images); delete it or move it out of content/",
      "content/content.11tydata.js: (file) is not part of the content: content/ may hold only site.json, news/ (items), authors/ (authors) and images/ (images); delete it or move it out of content/",
    ],
  },
  {
    name: "hidden files: .gitkeep is ignored, others are errors",
    files: { "news/.gitkeep": "", ".DS_Store": "x", "images/.htaccess": "x", "news/.hidden.md": ITEM },
    expected: [
      "content/.DS_Store: (file) is a hidden file, which the content folder must not hold: delete it (only .gitkeep files are allowed)",
      "content/images/.htaccess: (file) is a hidden file, which the content folder must not hold: delete it (only .gitkeep files are allowed)",
      "content/news/.hidden.md: (file) is a hidden file, which the content folder must not hold: delete it (only .gitkeep files are allowed)",
    ],
  },
  {
    name: "an image over the size limit",
    files: { "images/huge.png": Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]) },
    expected: [/^content\/images\/huge\.png: \(file\) is 5,243,201 bytes, more than the limit of 5,242,880 bytes \(5 MB\) for an image: make it smaller/.source],
  },
];

test("anything the model does not name is an error naming the file and the fix", async (t) => {
  for (const { name, files, expected } of cases) {
    await t.test(name, (t) => {
      const { model, issues } = load(site(t, files));
      assert.equal(model, undefined, "nothing is published");
      const got = lines(issues);
      assert.equal(got.length, expected.length, got.join("\n"));
      expected.forEach((line, i) => (line.startsWith("^") ? assert.match(got[i]!, new RegExp(line)) : assert.equal(got[i], line)));
    });
  }
});

const LINK = "is a symbolic link, which the content folder must not hold (it could copy a file from elsewhere into the site): replace it with the file itself, or delete it";

test("symbolic links are refused anywhere, and never followed", (t) => {
  const paths = site(t);
  const outside = path.join(paths.root, "outside");
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, "secret.md"), ITEM.replace("An item", "A secret"));
  fs.symlinkSync("/etc/passwd", path.join(paths.content, "images", "passwd.png"));
  fs.symlinkSync(path.join(outside, "secret.md"), path.join(paths.content, "news", "secret.md"));
  fs.symlinkSync(outside, path.join(paths.content, "images", "linked"));
  fs.symlinkSync(outside, path.join(paths.content, "extra"));
  fs.symlinkSync(path.join(paths.content, "news", "an-item.md"), path.join(paths.content, "authors", "ada-copy.md"));
  const { model, issues } = load(paths);
  assert.equal(model, undefined);
  assert.deepEqual(lines(issues), [
    `content/authors/ada-copy.md: (file) ${LINK}`,
    `content/extra: (file) ${LINK}`,
    `content/images/linked: (file) ${LINK}`,
    `content/images/passwd.png: (file) ${LINK}`,
    `content/news/secret.md: (file) ${LINK}`,
  ]);
});

test("site.json as a link, a folder named news that is a file, and a pipe are refused without hanging", (t) => {
  const paths = site(t);
  fs.renameSync(path.join(paths.content, "site.json"), path.join(paths.root, "site.json"));
  fs.symlinkSync(path.join(paths.root, "site.json"), path.join(paths.content, "site.json"));
  fs.rmSync(path.join(paths.content, "authors"), { recursive: true });
  fs.writeFileSync(path.join(paths.content, "authors"), "not a folder");
  execFileSync("mkfifo", [path.join(paths.content, "news", "pipe.md")]);
  const got = lines(load(paths).issues);
  assert.deepEqual(got, [
    "content/site.json: (file) is a symbolic link: replace it with the file itself",
    "content/authors: (file) should be a folder: content/ may hold only site.json, news/ (items), authors/ (authors) and images/ (images)",
    "content/news/pipe.md: (file) is not a file or a folder (a device, pipe or socket): delete it",
  ]);
});

test("every problem in the folder and in the files is reported in one run, by npm run check too", (t) => {
  const paths = site(t, {
    "news/x.MD": ITEM,
    "news/2026/x.md": ITEM,
    "news/no-body.md": ITEM.replace("Body.\n", ""),
    "news/bad-type.md": ITEM.replace("type: news", "type: blog"),
    "images/evil.js": "alert(1)",
    "images/fake.png": "<html>",
    "foo.njk": "{{ 7 * 7 }}",
  });
  const expected = [
    "content/news/bad-type.md: type ",
    "content/news/no-body.md: (body) is empty",
    "content/foo.njk: (file) is not part of the content",
    "content/images/evil.js: (file) is not an image",
    "content/images/fake.png: (file) is not a PNG image",
    "content/news/2026/x.md: (file) is in a sub-folder",
    "content/news/x.MD: (file) is never read",
  ];
  const got = lines(load(paths).issues);
  assert.equal(got.length, expected.length, got.join("\n"));
  expected.forEach((start, i) => assert.ok(got[i]!.startsWith(start), `${got[i]} should start with ${start}`));
  // npm run check is node scripts/check-content.ts: the same problems, printed for editors, and a failure.
  const check = spawnSync(process.execPath, [path.resolve("scripts/check-content.ts"), "content"], { cwd: paths.root, encoding: "utf8" });
  assert.equal(check.status, 1, check.stderr);
  assert.match(check.stderr, /^7 content problems found; fix them before publishing:/m);
  // Warnings come first (the three items share a headline), so the errors end the output.
  assert.match(check.stderr, /^3 warnings \(worth a look before publishing; they do not stop it\):\n/);
  // The check also says where each field is (file:line:column; tests/unit/content/positions.test.ts): compared without.
  const printed = check.stderr.replace(/^( {2}- [^\n]+?\.md):\d+:\d+:/gm, "$1:");
  for (const start of expected) assert.ok(printed.includes(`  - ${start}`), `${start} in:\n${check.stderr}`);
});
