// The check's bodies in worker threads (lib/build/check-bodies.ts) against its plain twin, bodyChecker on this thread.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { checkBodiesInParallel } from "../../../lib/build/check-bodies.ts";
import { bodyChecker, createMarkdown } from "../../../lib/eleventy/markdown.ts";
import { readSourceFile } from "../../../lib/content/load.ts";

const FOLDERS = ["content/news", "tests/fixtures/site/news", "tests/fixtures/hostile-bodies/news", "tests/fixtures/invalid/news", "tests/fixtures/leaks/news"];

test("checkBodiesInParallel gives every item file whose body can be read the same check as bodyChecker, and none to the rest", async () => {
  const root = process.cwd();
  const files = FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(folder)
      .filter((name) => name.endsWith(".md"))
      .map((name) => path.resolve(folder, name)),
  );
  const checkBody = bodyChecker(await createMarkdown(), root);
  const expected = new Map(
    files.flatMap((absolute) => {
      // The body alone: a file whose front matter is not YAML the loader reports, and never asks for its check.
      const source = readSourceFile(absolute, root, false);
      return source.parseError ? [] : [[source.file, checkBody(source.file, source.body)] as const];
    }),
  );
  // One thread with one chunk, and three threads with chunks of five files: several chunks each.
  for (const [threads, chunk] of [
    [1, 250],
    [3, 5],
  ] as const) {
    const got = await checkBodiesInParallel(files, root, threads, chunk);
    assert.deepEqual([...got.keys()].sort(), [...expected.keys()].sort(), `${threads} threads`);
    for (const [file, check] of expected) assert.deepEqual(got.get(file), check, `${file} with ${threads} threads`);
  }
  // The folders hold bodies with sanitiser problems and bodies with links and images, so both are compared.
  assert.ok([...expected.values()].some((check) => check.issues.length > 0));
  assert.ok([...expected.values()].some((check) => check.references.links.length > 0 && check.references.images.length > 0));
});
