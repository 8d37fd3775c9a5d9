import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { setAsideOldOutput } from "../../../lib/eleventy/output-folder.ts";

async function waitUntil(check: () => boolean, ms = 15_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return true;
  return check();
}

test("setAsideOldOutput: the output folder is gone at once, and it and earlier leftovers are deleted in the background", async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-output-"));
  try {
    const output = path.join(parent, "_site");
    fs.mkdirSync(path.join(output, "news", "old-item"), { recursive: true });
    fs.writeFileSync(path.join(output, "news", "old-item", "index.html"), "withdrawn");
    const leftover = path.join(parent, "_site.old-1-2");
    fs.mkdirSync(leftover);
    const unrelated = path.join(parent, "_site-keep");
    fs.mkdirSync(unrelated);

    setAsideOldOutput(output);

    assert.equal(fs.existsSync(output), false);
    assert.ok(await waitUntil(() => fs.readdirSync(parent).filter((n) => n.startsWith("_site.old-")).length === 0), "old folders deleted");
    assert.deepEqual(fs.readdirSync(parent), ["_site-keep"]);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});

test("setAsideOldOutput: nothing to do when there is no output folder yet", () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-output-"));
  try {
    setAsideOldOutput(path.join(parent, "_site"));
    assert.deepEqual(fs.readdirSync(parent), []);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
