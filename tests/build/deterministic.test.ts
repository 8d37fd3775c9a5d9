// The same content gives a byte-identical site: two builds of the sample content, compared file by file.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../../scripts/build-site.ts";

function digest(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex"));
    }
  };
  walk(dir);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

test("two builds of the same content are byte-identical", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-twice-"));
  const [a, b] = [path.join(tmp, "a"), path.join(tmp, "b")];
  for (const output of [a, b]) {
    const result = buildSite({ content: "content", output, now: "2026-11-22T12:00:00Z" });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  }
  const first = digest(a);
  assert.ok(first.size > 20, `only ${first.size} files built`);
  assert.deepEqual(digest(b), first);
  fs.rmSync(tmp, { recursive: true, force: true });
});

test("the render-ahead worker changes nothing: a site built with it and one built without are byte-identical", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-ahead-"));
  try {
    // The fixture site: hostile text, co-authors, no-author items, control characters, pagination.
    const [withWorker, without] = [path.join(tmp, "with"), path.join(tmp, "without")];
    for (const [output, env] of [
      [withWorker, {}],
      [without, { GOVNEWS_RENDER_AHEAD: "off" }],
    ] as const) {
      const result = buildSite({ content: "tests/fixtures/site", output, now: "2026-11-20T12:00:00Z", env });
      assert.equal(result.status, 0, result.stdout + result.stderr);
    }
    const expected = digest(without);
    assert.ok(expected.size > 50, `only ${expected.size} files built`);
    // The search index too: built in its own worker (lib/build/search-ahead.ts) or, without workers, on this thread.
    assert.ok(
      [...expected.keys()].some((file) => file.startsWith(path.join("search-index", "fragment"))),
      "the search index is compared",
    );
    assert.deepEqual(digest(withWorker), expected);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("a build in batches (lib/build/batched-build.ts) is byte-identical to a build in one run", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-batches-"));
  try {
    // The fixture site, and the leaks fixture as a deploy preview (its lists hold drafts and scheduled items).
    for (const [content, now, preview] of [
      ["tests/fixtures/site", "2026-11-20T12:00:00Z", false],
      ["tests/fixtures/leaks", "2026-11-20T12:00:00Z", true],
    ] as const) {
      const [whole, batched] = [path.join(tmp, "whole"), path.join(tmp, "batched")];
      const builds = [
        [whole, ["--pages-per-batch=100000"]],
        // Runs of a few pages each: every page family is cut into many slices, and some runs get none of a family.
        [batched, ["--pages-per-batch=4"]],
      ] as const;
      const logs: string[] = [];
      for (const [output, args] of builds) {
        const result = buildSite({ content, output, now, preview, args: [...args] });
        assert.equal(result.status, 0, result.stdout + result.stderr);
        logs.push(result.stdout);
      }
      const runs = logs.map((log) => log.match(/Wrote \d+ files/g)?.length ?? 0);
      assert.equal(runs[0], 1, `${content}: one run`);
      assert.ok(runs[1]! >= 3, `${content}: the batched build took ${runs[1]} runs`);
      const expected = digest(whole);
      assert.ok(expected.size > 30, `only ${expected.size} files built`);
      assert.deepEqual(digest(batched), expected, content);
      fs.rmSync(whole, { recursive: true, force: true });
      fs.rmSync(batched, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
