import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createEntryIndex, patchEleventy, releaseWrittenPages } from "../../../lib/build/eleventy-patches.ts";

// Eleventy's own rule (TemplatePath.absolutePath): relative to the working directory.
const absolute = (inputPath: string) => path.resolve(inputPath);

const A = { inputPath: "./content/a.md", id: "a" };
const B = { inputPath: "./content/b.md", id: "b" };
const B_AGAIN = { inputPath: "./content/b.md", id: "b again" };
const C_ABSOLUTE = { inputPath: path.resolve("content/c.md"), id: "c" };

/** Eleventy 3.1.8's lookup, word for word: the behaviour the index must keep. */
function scan(entries: Array<{ inputPath: string }>, inputPath: string) {
  const absoluteInputPath = absolute(inputPath);
  return entries.find((entry) => entry.inputPath === inputPath || entry.inputPath === absoluteInputPath);
}

const cases: Array<{ name: string; entries: Array<{ inputPath: string; id: string }>; inputPath: string; expected: string | undefined }> = [
  { name: "finds an entry by its input path", entries: [A, B], inputPath: "./content/b.md", expected: "b" },
  { name: "the first of two entries with one path wins", entries: [A, B, B_AGAIN], inputPath: "./content/b.md", expected: "b" },
  { name: "finds an entry stored under its absolute path", entries: [A, C_ABSOLUTE], inputPath: "content/c.md", expected: "c" },
  { name: "finds an absolute path given as is", entries: [C_ABSOLUTE], inputPath: path.resolve("content/c.md"), expected: "c" },
  { name: "unknown path", entries: [A, B], inputPath: "./content/z.md", expected: undefined },
  { name: "no entries", entries: [], inputPath: "./content/a.md", expected: undefined },
];

for (const { name, entries, inputPath, expected } of cases) {
  test(`createEntryIndex: ${name}`, () => {
    const find = createEntryIndex(absolute);
    const found = find(entries, inputPath) as { id: string } | undefined;
    assert.equal(found?.id, expected);
    assert.equal(found, scan(entries, inputPath));
  });
}

test("createEntryIndex: sees entries added after the first lookup", () => {
  const find = createEntryIndex(absolute);
  const entries = [A];
  assert.equal(find(entries, B.inputPath), undefined);
  entries.push(B);
  assert.equal(find(entries, B.inputPath), B);
});

test("createEntryIndex: keeps one index per entries array", () => {
  const find = createEntryIndex(absolute);
  assert.equal(find([A], A.inputPath), A);
  assert.equal(find([B], A.inputPath), undefined);
});

test("patchEleventy: applies to the pinned Eleventy, so a version bump is reviewed against upstream", async () => {
  // If this fails after upgrading Eleventy, check whether the release has the upstream fix
  // (https://github.com/11ty/eleventy/pull/3939): then remove the patch; otherwise update it.
  assert.equal(await patchEleventy(), true);
  assert.equal(await patchEleventy(), true, "idempotent");
});

test("releaseWrittenPages: a marked run's pages are written as before, and their HTML is let go of; other runs keep it", async () => {
  const { Eleventy } = await import("@11ty/eleventy");
  const fs = await import("node:fs");
  const os = await import("node:os");
  const marked = new WeakSet<object>();
  assert.equal(await releaseWrittenPages((config) => marked.has(config)), true);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-release-"));
  const input = path.join(folder, "input");
  fs.mkdirSync(input);
  try {
    fs.writeFileSync(path.join(input, "a.njk"), "<p>{{ 'a' | upper }}</p>");
    fs.writeFileSync(
      path.join(input, "b.njk"),
      "---\npagination:\n  data: list\n  size: 1\nlist: [x, y]\npermalink: 'b-{{ pagination.pageNumber }}/index.html'\n---\n<p>{{ pagination.pageNumber }}</p>",
    );
    const run = async (mark: boolean) => {
      const output = path.join(folder, `site-${mark}`);
      const eleventy = new Eleventy(input, output, { quietMode: true, config: (config: object) => void (mark && marked.add(config)) });
      const [, templates] = (await eleventy.write()) as unknown as [unknown, Array<{ outputPath: string; content?: string }>];
      const files = Object.fromEntries(templates.map((t) => [path.relative(output, t.outputPath), fs.readFileSync(t.outputPath, "utf8")]));
      return { files, contents: templates.map((t) => t.content) };
    };
    const kept = await run(false);
    const released = await run(true);
    assert.deepEqual(released.files, kept.files, "the same pages");
    assert.deepEqual(Object.keys(kept.files).sort(), ["a/index.html", "b-0/index.html", "b-1/index.html"]);
    assert.ok(kept.contents.every((content) => typeof content === "string"));
    assert.ok(released.contents.every((content) => content === undefined));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
