// npm start rebuilds into the folder it serves: after any sequence of edits, what it serves must be what a full build
// of the same content writes (issue 18). One Eleventy instance in watch mode, as `npm start` runs it, rebuilds after
// each edit of a seeded random sequence (bodies, headlines, topics, dates, items added and deleted); then a full
// build of the final content is compared with it file by file. Search is off: under npm start its index is written
// when Pagefind is done, after the rebuild (plugin.ts), so it is not part of the comparison. A second test runs
// Eleventy's own watcher, as npm start does, and deletes an item: that alone must rebuild (eleventy-patches.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { PAGES_DIR } from "../../lib/eleventy/options.ts";
import { buildSite } from "../../scripts/build-site.ts";
import { mulberry32 } from "../../scripts/generate-corpus.ts";

const NOW = "2026-11-20T12:00:00Z";
const SEED = Number(process.env.GOVNEWS_FUZZ_SEED ?? 7);

function digest(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join("/"), crypto.createHash("sha256").update(fs.readFileSync(full)).digest("hex"));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
}

test("after a random sequence of edits, npm start's rebuilt folder is a full build's, file for file", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-watch-"));
  const content = path.join(tmp, "content");
  const watched = path.join(tmp, "watched");
  const fresh = path.join(tmp, "fresh");
  fs.cpSync("tests/fixtures/site", content, { recursive: true });
  const saved = { ...process.env };
  Object.assign(process.env, { GOVNEWS_CONTENT: content, GOVNEWS_OUTPUT: watched, GOVNEWS_NOW: NOW, GOVNEWS_SEARCH: "off", GOVNEWS_PREVIEW: "", CONTEXT: "" });
  try {
    const eleventy = new Eleventy(PAGES_DIR, watched, { configPath: ".eleventy.ts", quietMode: true, runMode: "watch" });
    await eleventy.write();
    const rng = mulberry32(SEED);
    // Items no other item names (related lists, featured), so any may be deleted.
    const pool = Array.from({ length: 15 }, (_, i) => `item-${String(i + 10).padStart(2, "0")}`);
    const news = (slug: string) => path.join(content, "news", `${slug}.md`);
    const kinds = ["body", "title", "tags", "date", "add", "delete"] as const;
    const done: string[] = [];
    for (let step = 0; step < 10; step++) {
      const kind = kinds[Math.floor(rng() * kinds.length)]!;
      const slug = pool[Math.floor(rng() * pool.length)]!;
      if (kind === "add") {
        const added = `added-${step}`;
        fs.writeFileSync(
          news(added),
          `---\ntitle: Added item ${step}\ndescription: An item added by edit ${step}.\ndate: 2026-11-1${step % 10}T09:00:00+00:00\ntype: news\nauthors: [ben-plain]\ntags: ["Added topic ${step}"]\n---\nThe body of added item ${step}.\n`,
        );
        pool.push(added);
      } else if (kind === "delete") {
        fs.rmSync(news(slug));
        pool.splice(pool.indexOf(slug), 1);
      } else {
        const text = fs.readFileSync(news(slug), "utf8");
        const edited =
          kind === "body"
            ? `${text.trimEnd()}\n\nA paragraph added by edit ${step}.\n`
            : kind === "title"
              ? text.replace(/^title: .*$/m, `title: Edited headline ${step}`)
              : kind === "tags"
                ? text.replace(/^tags: .*$/m, `tags: ["Edited topic ${step}"]`)
                : text.replace(/^date: .*$/m, `date: 2025-0${1 + (step % 9)}-15T09:00:00+00:00`);
        fs.writeFileSync(news(slug), edited);
      }
      done.push(`${kind} ${kind === "add" ? pool.at(-1) : slug}`);
      // As Eleventy's watcher rebuilds (Eleventy.js #watch): restart, init, write.
      await eleventy.restart();
      await eleventy.init();
      await eleventy.write();
    }
    const result = buildSite({ content, output: fresh, now: NOW, env: { GOVNEWS_SEARCH: "off" } });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const expected = digest(fresh);
    assert.ok(expected.size > 50, `only ${expected.size} files built`);
    const actual = digest(watched);
    const differ = [...new Set([...expected.keys(), ...actual.keys()])].filter((file) => expected.get(file) !== actual.get(file));
    assert.deepEqual(differ, [], `edits (seed ${SEED}): ${done.join(", ")}`);
  } finally {
    process.env = saved;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("npm start's watcher rebuilds when an item is deleted, and the item's page goes", async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-watch-delete-"));
  const content = path.join(tmp, "content");
  const output = path.join(tmp, "out");
  fs.cpSync("tests/fixtures/site", content, { recursive: true });
  const saved = { ...process.env };
  Object.assign(process.env, { GOVNEWS_CONTENT: content, GOVNEWS_OUTPUT: output, GOVNEWS_NOW: NOW, GOVNEWS_SEARCH: "off", GOVNEWS_PREVIEW: "", CONTEXT: "" });
  const eleventy = new Eleventy(PAGES_DIR, output, { configPath: ".eleventy.ts", quietMode: true, runMode: "watch" });
  try {
    await eleventy.init();
    await eleventy.watch();
    const page = path.join(output, "news", "item-20", "index.html");
    assert.ok(fs.existsSync(page), "built before the deletion");
    fs.rmSync(path.join(content, "news", "item-20.md"));
    // Waits for the rebuild (no timing is asserted: the limit only stops a test that would never end).
    const limit = Date.now() + 60_000;
    while (fs.existsSync(page) && Date.now() < limit) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(!fs.existsSync(page), "the deleted item's page is gone after the rebuild");
    assert.ok(!fs.readFileSync(path.join(output, "index.html"), "utf8").includes("/news/item-20/"), "and the home page no longer lists it");
  } finally {
    await eleventy.stopWatch();
    process.env = saved;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
