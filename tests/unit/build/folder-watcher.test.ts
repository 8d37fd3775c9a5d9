// npm start's watcher for news/ (folder-watcher.ts) against its plain twin, Eleventy's own watcher (chokidar, as
// Eleventy loads it, with the same wait for a file to hold still): the same edits must be reported for the same
// files. No timing is asserted: the limits only stop a test that would never end.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import chokidar from "@11ty/chokidar-with-glob-support";
import { watchFlatFolder } from "../../../lib/build/folder-watcher.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, limit = 10_000): Promise<boolean> {
  for (const end = Date.now() + limit; Date.now() < end; await sleep(20)) if (check()) return true;
  return check();
}

test("saves, additions, deletions and atomic saves are reported for the files chokidar reports", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-folder-watch-"));
  const file = (name: string) => path.join(dir, name);
  for (let i = 0; i < 50; i++) fs.writeFileSync(file(`item-${i}.md`), `item ${i}\n`);
  const ours: string[] = [];
  const theirs: string[] = [];
  const watcher = watchFlatFolder(dir, (changed) => ours.push(changed));
  const twin = chokidar.watch(dir, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  for (const event of ["add", "change", "unlink"]) twin.on(event, (changed: string) => theirs.push(path.resolve(changed)));
  await new Promise((resolve) => twin.on("ready", resolve));
  try {
    // In place, as most editors save; a new item; a deleted one; renamed; and saved through a temporary file.
    fs.appendFileSync(file("item-1.md"), "more\n");
    fs.writeFileSync(file("added.md"), "new\n");
    fs.rmSync(file("item-2.md"));
    fs.renameSync(file("item-3.md"), file("renamed.md"));
    fs.writeFileSync(file(".item-4.md.swp"), "item 4, edited\n");
    fs.renameSync(file(".item-4.md.swp"), file("item-4.md"));
    const expected = ["item-1.md", "added.md", "item-2.md", "item-3.md", "renamed.md", "item-4.md"].map(file).sort();
    assert.ok(await until(() => expected.every((f) => ours.includes(f))), `reported: ${ours.join(", ")}`);
    assert.ok(await until(() => expected.every((f) => theirs.includes(f))), `chokidar reported: ${theirs.join(", ")}`);
    await sleep(300);
    // What chokidar reports, this reports; beyond it, at most the temporary file an atomic save went through.
    assert.deepEqual(
      [...new Set(theirs)].filter((f) => !ours.includes(f)),
      [],
    );
    assert.deepEqual(
      [...new Set(ours)].filter((f) => !theirs.includes(f)),
      [...new Set(ours)].filter((f) => f.endsWith(".swp")),
    );
    assert.ok(!ours.includes(file("item-5.md")), "an untouched file is not reported");
  } finally {
    watcher.close();
    await twin.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("a file written in several steps is reported once, when it holds still", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-folder-watch-"));
  const target = path.join(dir, "item.md");
  fs.writeFileSync(target, "");
  const ours: string[] = [];
  const watcher = watchFlatFolder(dir, (changed) => ours.push(changed), { stableMs: 150 });
  try {
    for (let i = 0; i < 5; i++) {
      fs.appendFileSync(target, `part ${i}\n`);
      await sleep(20);
    }
    assert.ok(await until(() => ours.length > 0));
    await sleep(400);
    assert.deepEqual(ours, [target]);
  } finally {
    watcher.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("once closed, nothing more is reported", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-folder-watch-"));
  const ours: string[] = [];
  const watcher = watchFlatFolder(dir, (changed) => ours.push(changed));
  watcher.close();
  fs.writeFileSync(path.join(dir, "late.md"), "late\n");
  await sleep(200);
  assert.deepEqual(ours, []);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a folder deleted and made again (a checkout) is reported both times, and watched afresh", async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-folder-watch-"));
  const dir = path.join(parent, "news");
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "item.md"), "item\n");
  const ours: string[] = [];
  const watcher = watchFlatFolder(dir, (changed) => ours.push(changed));
  try {
    fs.rmSync(dir, { recursive: true });
    assert.ok(await until(() => ours.includes(dir)), `reported: ${ours.join(", ")}`);
    fs.mkdirSync(dir);
    const count = ours.filter((f) => f === dir).length;
    assert.ok(await until(() => ours.filter((f) => f === dir).length > count), "the folder's return is reported");
    fs.writeFileSync(path.join(dir, "after.md"), "after\n");
    assert.ok(await until(() => ours.includes(path.join(dir, "after.md"))), "a file saved in the new folder is reported");
  } finally {
    watcher.close();
    fs.rmSync(parent, { recursive: true, force: true });
  }
});

test("a folder that does not exist yet is watched once it is made", async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-folder-watch-"));
  const dir = path.join(parent, "news");
  const ours: string[] = [];
  const failures: Error[] = [];
  const watcher = watchFlatFolder(dir, (changed) => ours.push(changed), { failed: (error) => failures.push(error) });
  try {
    fs.mkdirSync(dir);
    assert.ok(await until(() => ours.includes(dir)));
    fs.writeFileSync(path.join(dir, "first.md"), "first\n");
    assert.ok(await until(() => ours.includes(path.join(dir, "first.md"))));
    assert.deepEqual(failures, []);
  } finally {
    watcher.close();
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
