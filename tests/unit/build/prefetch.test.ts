// The content prefetch: a worker that reads every Markdown file once so the loader finds them in the file cache.
// Its only effect is on timing (docs/performance.md); here, that it reads what it should and
// never fails, whatever the folders hold.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { execFileSync } from "node:child_process";
import { prefetchContent } from "../../../lib/build/prefetch.ts";

test("reads the folders' Markdown files and exits cleanly; missing folders and unreadable entries are skipped", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-prefetch-"));
  try {
    fs.mkdirSync(path.join(dir, "news"));
    fs.writeFileSync(path.join(dir, "news", "a.md"), "x".repeat(200_000));
    fs.writeFileSync(path.join(dir, "news", "b.md"), "");
    fs.mkdirSync(path.join(dir, "news", "folder.md"));
    const worker = prefetchContent([path.join(dir, "news"), path.join(dir, "missing")]);
    assert.ok(worker, "a worker was started");
    const [code] = await once(worker, "exit");
    assert.equal(code, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("opens regular files only: a pipe named .md does not block it, a link out of the folder is not read", { timeout: 20_000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-prefetch-"));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.mkdirSync(path.join(dir, "news"));
  fs.writeFileSync(path.join(dir, "news", "a.md"), "x");
  fs.symlinkSync("/etc/passwd", path.join(dir, "news", "link.md"));
  execFileSync("mkfifo", [path.join(dir, "news", "pipe.md")]);
  const worker = prefetchContent([path.join(dir, "news")]);
  assert.ok(worker);
  // Opening a pipe for reading waits for a writer that never comes: the worker would never exit.
  const [code] = await once(worker, "exit");
  assert.equal(code, 0);
});
