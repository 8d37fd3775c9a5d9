// npm start's source cache (lib/content/source-cache.ts): a cached read is what readSourceFile reads, and the same
// object while the file is unchanged.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createSourceCache } from "../../../lib/content/source-cache.ts";
import { readSourceFile } from "../../../lib/content/load.ts";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-source-cache-"));
process.on("exit", () => fs.rmSync(root, { recursive: true, force: true }));
const file = path.join(root, "item.md");

test("unchanged files are read once; edited, replaced and deleted ones again", () => {
  const cache = createSourceCache();
  fs.writeFileSync(file, "---\ntitle: First\n---\nBody one.\n");
  const first = cache.read(file, root);
  assert.deepEqual(first, readSourceFile(file, root));
  assert.equal(cache.read(file, root), first, "the same object while unchanged");

  // An edit of the same length within the same millisecond still changes the ctime; a new size surely.
  fs.writeFileSync(file, "---\ntitle: Second, longer\n---\nBody two.\n");
  const second = cache.read(file, root);
  assert.notEqual(second, first);
  assert.deepEqual(second, readSourceFile(file, root));
  assert.equal(second.data.title, "Second, longer");

  // Replaced by another file (a new inode), as editors that save by renaming do.
  const other = path.join(root, "other.md");
  fs.writeFileSync(other, "---\ntitle: Third\n---\nBody three.\n");
  fs.renameSync(other, file);
  assert.equal(cache.read(file, root).data.title, "Third");

  fs.rmSync(file);
  const gone = cache.read(file, root);
  assert.ok(gone.parseError, "a deleted file reads as readSourceFile says");
});

test("a bad file is cached with its problem, and read again once fixed", () => {
  const cache = createSourceCache();
  fs.writeFileSync(file, "---\ntitle: [unclosed\n---\nBody.\n");
  const bad = cache.read(file, root);
  assert.match(bad.parseError ?? "", /could not be read/);
  assert.equal(cache.read(file, root), bad);
  fs.writeFileSync(file, "---\ntitle: Fixed now\n---\nBody.\n");
  assert.equal(cache.read(file, root).parseError, undefined);
});

test("prune forgets the files not read since the last prune", () => {
  const cache = createSourceCache();
  fs.writeFileSync(file, "---\ntitle: Kept\n---\nBody.\n");
  const kept = cache.read(file, root);
  cache.prune();
  // Not read in this round: forgotten, so the next read is a fresh object with the same content.
  cache.prune();
  const again = cache.read(file, root);
  assert.notEqual(again, kept);
  assert.deepEqual(again, kept);
});
