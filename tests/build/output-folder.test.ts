// The output folder: never a source folder, always started clean, and always the last good site or absent.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { buildSite } from "../../scripts/build-site.ts";

const FIXTURE = "tests/fixtures/leaks";
const NOW = "2026-11-20T12:00:00Z";

/** path → contents of every file under `root`. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(root, full), fs.readFileSync(full, "latin1"));
    }
  }
  return files;
}

function runBuild(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["scripts/build.ts", ...args], { encoding: "utf8", env: { ...process.env, GOVNEWS_PREVIEW: "", CONTEXT: "", ...env } });
}

test("a build into the content folder is refused, and the content is left as it was", () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-content-"));
  fs.cpSync(FIXTURE, content, { recursive: true });
  const before = snapshot(content);
  const result = buildSite({ content, output: content, now: NOW });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /will not build into ".*": it is the content folder/);
  assert.deepEqual(snapshot(content), before);
});

for (const output of [".", "content", "_includes", "lib/site", ".."]) {
  test(`npm run build refuses GOVNEWS_OUTPUT=${output} before building anything`, () => {
    const result = runBuild([], { GOVNEWS_OUTPUT: output });
    assert.equal(result.status, 2, result.stdout + result.stderr);
    assert.match(result.stderr, /^govnews: will not build into .*Build into a folder of its own, e\.g\. _site/m);
  });
}

test("Eleventy's own --output flag is checked too (the plugin refuses it)", () => {
  const result = spawnSync(process.execPath, ["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--output=${FIXTURE}`], {
    encoding: "utf8",
    env: { ...process.env, GOVNEWS_CONTENT: FIXTURE, GOVNEWS_NOW: NOW },
  });
  assert.notEqual(result.status, 0);
  assert.match(result.stdout + result.stderr, /will not build into ".*": it is the content folder/);
  assert.ok(!/^\s+at /m.test(result.stdout + result.stderr), "no stack trace");
});

test("npm run build -- --output=DIR starts DIR clean: a removed item's old page does not survive", () => {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "govnews-flag-")), "site");
  const env = { GOVNEWS_CONTENT: FIXTURE, GOVNEWS_NOW: NOW };
  assert.equal(runBuild([`--output=${output}`], env).status, 0);
  fs.mkdirSync(path.join(output, "news", "removed-item"), { recursive: true });
  fs.writeFileSync(path.join(output, "news", "removed-item", "index.html"), "stale");
  const result = runBuild(["--output", output], env);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.ok(fs.existsSync(path.join(output, "news", "published-one", "index.html")));
  assert.ok(!fs.existsSync(path.join(output, "news", "removed-item")), "the stale page survived");
});

test("invalid content leaves the last good site in place, untouched", () => {
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "govnews-keep-")), "site");
  assert.equal(buildSite({ content: FIXTURE, output, now: NOW }).status, 0);
  const good = snapshot(output);
  const result = buildSite({ content: "tests/fixtures/invalid", output, now: NOW });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /still holds the last good site/);
  assert.deepEqual(snapshot(output), good);
  assert.deepEqual(fs.readdirSync(path.dirname(output)), ["site"], "no staging folder left behind");
});

test("a build killed while writing leaves the last good site in place; the next build clears its leftovers", async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-kill-"));
  const output = path.join(parent, "site");
  assert.equal(buildSite({ content: FIXTURE, output, now: NOW }).status, 0);
  const good = snapshot(output);
  let killedMidway = false;
  for (let attempt = 0; attempt < 5 && !killedMidway; attempt++) {
    // Its own process group, so the kill reaches the wrapper and Eleventy alike (as a CI stop or OOM kill would).
    const child = spawn(process.execPath, ["scripts/build.ts"], {
      detached: true,
      stdio: "ignore",
      env: { ...process.env, GOVNEWS_CONTENT: FIXTURE, GOVNEWS_OUTPUT: output, GOVNEWS_NOW: NOW, GOVNEWS_PREVIEW: "", CONTEXT: "" },
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const staging = () => fs.readdirSync(parent).find((name) => name.startsWith("site.building-"));
    // Wait until the build has written some of its files, then kill it.
    for (const end = Date.now() + 60_000; Date.now() < end; await sleep(5)) {
      const folder = staging();
      if (folder && (fs.readdirSync(path.join(parent, folder), { recursive: true }) as string[]).length > 3) {
        process.kill(-child.pid!, "SIGKILL");
        killedMidway = true;
        break;
      }
      if (child.exitCode !== null) break;
    }
    // A build that finished first wrote the same site again (builds are byte-identical): try again.
    await exited;
  }
  assert.ok(killedMidway, "the build was never caught while writing");
  assert.deepEqual(snapshot(output), good, "the output folder changed");
  assert.ok(
    fs.readdirSync(parent).some((name) => name.startsWith("site.building-")),
    "the killed build's folder is there to clear",
  );
  // The next build succeeds and clears the abandoned folder (in the background).
  assert.equal(buildSite({ content: FIXTURE, output, now: NOW }).status, 0);
  for (const end = Date.now() + 15_000; Date.now() < end && fs.readdirSync(parent).length > 1; ) await sleep(50);
  assert.deepEqual(fs.readdirSync(parent), ["site"]);
});
