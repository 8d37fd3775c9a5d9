// npm start rebuilds into the folder it serves: after any sequence of edits, what it serves must be what a full build
// of the same content writes (issue 18). One Eleventy instance watching, as `npm start` runs it, rebuilds after each
// edit of a seeded random sequence (bodies, headlines, topics, dates, items added and deleted; builds of a few pages
// each, so that the first build leaves most pages to later ones, which edits interleave with): each edit must show
// on the item's page, and once the rebuilds settle (related lists are recomputed after the pages an edit changed,
// lib/eleventy/preview.ts) the folder is compared with a full build of the final content, file by file. Rebuilds
// write only the pages whose fingerprint changed, so this is also the test that every fingerprint names everything
// its page shows. Search is off: under npm start its index is written when Pagefind is done, after the rebuild
// (plugin.ts), so it is not part of the comparison. A second test deletes an item: that alone must rebuild
// (eleventy-patches.ts). No timing is asserted: the limits only stop a test that would never end.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import Eleventy from "@11ty/eleventy";
import { EVERY_PAGE_WRITTEN, PAGES_DIR, PAGES_FOLLOW } from "../../lib/eleventy/options.ts";
import { buildSite } from "../../scripts/build-site.ts";
import { mulberry32 } from "../../scripts/generate-corpus.ts";

const NOW = "2026-11-20T12:00:00Z";
const SEED = Number(process.env.GOVNEWS_FUZZ_SEED ?? 7);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds, for at most two minutes (a loaded machine); whether it did. */
async function until(check: () => boolean): Promise<boolean> {
  for (const limit = Date.now() + 120_000; Date.now() < limit; await sleep(50)) if (check()) return true;
  return check();
}

interface Watching {
  /** The test's own folder: the content, the output and anything else the test makes go in it. */
  tmp: string;
  content: string;
  output: string;
  eleventy: Eleventy;
}

/**
 * A copy of the fixture site watched by one Eleventy instance, as `npm start` runs it: the first build, then the
 * watcher, which rebuilds when a file is saved. The environment, the instance and the folder are put back or
 * removed afterwards, whatever the test did.
 */
async function whileWatching(options: { prefix: string; inProject?: boolean; env?: Record<string, string> }, run: (watching: Watching) => Promise<void>): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(options.inProject ? process.cwd() : os.tmpdir(), options.prefix));
  const content = path.join(tmp, "content");
  const output = path.join(tmp, "out");
  fs.cpSync("tests/fixtures/site", content, { recursive: true });
  const saved = { ...process.env };
  Object.assign(process.env, { GOVNEWS_CONTENT: content, GOVNEWS_OUTPUT: output, GOVNEWS_NOW: NOW, GOVNEWS_SEARCH: "off", GOVNEWS_PREVIEW: "", CONTEXT: "", ...options.env });
  try {
    const eleventy = new Eleventy(PAGES_DIR, output, { configPath: ".eleventy.ts", quietMode: true, runMode: "watch" });
    try {
      await eleventy.init();
      await eleventy.watch();
      await run({ tmp, content, output, eleventy });
    } finally {
      await eleventy.stopWatch();
      // A rebuild started before the stop (a related lists' pass) finishes first: removing its folder under it
      // would only fill the log with its copy errors.
      const manager = (eleventy as unknown as { watchManager?: { isBuildRunning(): boolean } }).watchManager;
      // One queued behind it may start just after: waited for too.
      for (let i = 0; i < 2; i++, await sleep(300)) await until(() => !manager?.isBuildRunning());
    }
  } finally {
    process.env = saved;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The file's text, or "" while it does not exist. */
function read(file: string): string {
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
}

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
  // Inside the project, as the content folder of `npm start` is: Eleventy matches watched paths relative to it.
  await whileWatching({ prefix: "_test-site-watch-", inProject: true, env: { GOVNEWS_PREVIEW_PAGES: "3,2,4" } }, async ({ tmp, content, output: watched }) => {
    const fresh = path.join(tmp, "fresh");
    const page = (slug: string) => path.join(watched, "news", slug, "index.html");
    const rng = mulberry32(SEED);
    // Items no other item names (related lists, featured), so any may be deleted.
    const pool = Array.from({ length: 15 }, (_, i) => `item-${String(i + 10).padStart(2, "0")}`);
    const news = (slug: string) => path.join(content, "news", `${slug}.md`);
    // Authors and site data show on many pages: an edit of either must reach every one.
    const kinds = ["body", "title", "tags", "date", "add", "delete", "author", "site"] as const;
    const done: string[] = [];
    for (let step = 0; step < 10; step++) {
      const kind = kinds[Math.floor(rng() * kinds.length)]!;
      const slug = pool[Math.floor(rng() * pool.length)]!;
      let shows: () => boolean;
      if (kind === "add") {
        const added = `added-${step}`;
        const file = news(added);
        fs.writeFileSync(
          file,
          `---\ntitle: Added item ${step}\ndescription: An item added by edit ${step}.\ndate: 2026-11-1${step % 10}T09:00:00+00:00\ntype: news\nauthors: [ben-plain]\ntags: ["Added topic ${step}"]\n---\nThe body of added item ${step}.\n`,
        );
        pool.push(added);
        shows = () => read(page(added)).includes(`Added item ${step}`);
      } else if (kind === "author") {
        const file = path.join(content, "authors", "ben-plain.md");
        fs.writeFileSync(file, `${fs.readFileSync(file, "utf8").trimEnd()}\n\nA sentence added to the bio by edit ${step}.\n`);
        shows = () => read(path.join(watched, "authors", "ben-plain", "index.html")).includes(`by edit ${step}.`);
      } else if (kind === "site") {
        const file = path.join(content, "site.json");
        const data = JSON.parse(fs.readFileSync(file, "utf8")) as { description: string };
        fs.writeFileSync(file, JSON.stringify({ ...data, description: `Fixture site, edit ${step}.` }, null, 2));
        shows = () => read(path.join(watched, "index.html")).includes(`Fixture site, edit ${step}.`);
      } else if (kind === "delete") {
        fs.rmSync(news(slug));
        pool.splice(pool.indexOf(slug), 1);
        shows = () => !fs.existsSync(page(slug));
      } else {
        const file = news(slug);
        const text = fs.readFileSync(file, "utf8");
        const edited =
          kind === "body"
            ? `${text.trimEnd()}\n\nA paragraph added by edit ${step}.\n`
            : kind === "title"
              ? text.replace(/^title: .*$/m, `title: Edited headline ${step}`)
              : kind === "tags"
                ? text.replace(/^tags: .*$/m, `tags: ["Edited topic ${step}"]`)
                : text.replace(/^date: .*$/m, `date: 2025-0${1 + (step % 9)}-15T09:00:00+00:00`);
        fs.writeFileSync(file, edited);
        const mark =
          kind === "body"
            ? `A paragraph added by edit ${step}.`
            : kind === "title"
              ? `Edited headline ${step}`
              : kind === "tags"
                ? `Edited topic ${step}`
                : `2025-0${1 + (step % 9)}-15`;
        shows = () => read(page(slug)).includes(mark);
      }
      done.push(kind === "author" || kind === "site" ? kind : `${kind} ${kind === "add" ? pool.at(-1) : slug}`);
      assert.ok(await until(shows), `edit ${step} (${done.at(-1)}) shows on the item's page (seed ${SEED})`);
    }
    const result = buildSite({ content, output: fresh, now: NOW, env: { GOVNEWS_SEARCH: "off" } });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const expected = digest(fresh);
    assert.ok(expected.size > 50, `only ${expected.size} files built`);
    const differ = () => {
      const actual = digest(watched);
      return [...new Set([...expected.keys(), ...actual.keys()])].filter((file) => expected.get(file) !== actual.get(file));
    };
    await until(() => differ().length === 0);
    assert.deepEqual(differ(), [], `edits (seed ${SEED}): ${done.join(", ")}`);
  });
});

test("npm start says that the pages the first build left for later follow, and when every page is written", async () => {
  const logged: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void logged.push(args.join(" "));
  try {
    // Three pages of each family first, four more a build: the fixture's archive takes several fill builds.
    await whileWatching({ prefix: "govnews-watch-fill-", env: { GOVNEWS_PREVIEW_PAGES: "3,2,4" } }, async ({ output }) => {
      assert.ok(logged.includes(PAGES_FOLLOW), "said after the first build, which left pages for later");
      // Every item's page is there by the time it is said (no timing is asserted: the limit only ends a stuck test).
      assert.ok(await until(() => logged.includes(EVERY_PAGE_WRITTEN)), "said once the fill builds are done");
      assert.ok(logged.indexOf(PAGES_FOLLOW) < logged.indexOf(EVERY_PAGE_WRITTEN));
      const listed = [...read(path.join(output, "sitemap.xml")).matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => new URL(url!).pathname);
      assert.ok(listed.filter((page) => page.startsWith("/news/")).length > 10, "the sitemap lists the items' pages");
      assert.deepEqual(
        listed.filter((page) => !fs.existsSync(path.join(output, page, page.endsWith("/") ? "index.html" : ""))),
        [],
        "every page the sitemap lists is written",
      );
    });
  } finally {
    console.log = log;
  }
});

test("npm start's watcher rebuilds when an item is deleted, and the item's page goes", async () => {
  await whileWatching({ prefix: "govnews-watch-delete-" }, async ({ content, output }) => {
    const page = path.join(output, "news", "item-20", "index.html");
    assert.ok(fs.existsSync(page), "built before the deletion");
    fs.rmSync(path.join(content, "news", "item-20.md"));
    // Waits for the rebuild (no timing is asserted: the limit only stops a test that would never end).
    const limit = Date.now() + 60_000;
    while (fs.existsSync(page) && Date.now() < limit) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(!fs.existsSync(page), "the deleted item's page is gone after the rebuild");
    assert.ok(!fs.readFileSync(path.join(output, "index.html"), "utf8").includes("/news/item-20/"), "and the home page no longer lists it");
  });
});

test("with the content outside the project, an edit rewrites only what it changed, and site.json reloads", async () => {
  // Eleventy's watcher, given a "../" path, queues files relative to the wrong folder (plugin.ts): an edit then
  // looked like a template's and rewrote every page, and a saved site.json reloaded nothing.
  await whileWatching({ prefix: "govnews-watch-outside-" }, async ({ content, output }) => {
    // When each item's page was written, once the rebuilds settle (the related lists' pass follows the first build).
    const news = path.join(output, "news");
    const written = () => new Map(fs.readdirSync(news).map((slug) => [slug, fs.statSync(path.join(news, slug, "index.html")).mtimeMs]));
    const settled = async () => {
      for (let last = "", limit = Date.now() + 60_000; Date.now() < limit; await sleep(1_000)) {
        const now = JSON.stringify([...written()]);
        if (now === last) break;
        last = now;
      }
      return written();
    };
    const before = await settled();
    const item = path.join(content, "news", "item-20.md");
    fs.writeFileSync(item, fs.readFileSync(item, "utf8").replace(/^title: .*$/m, "title: Edited outside the project"));
    assert.ok(await until(() => read(path.join(news, "item-20", "index.html")).includes("Edited outside the project")), "the edit shows");
    const after = await settled();
    const kept = [...before].filter(([slug, time]) => after.get(slug) === time);
    assert.ok(kept.length > 0, "the pages the edit did not change are left as they were");
    const siteFile = path.join(content, "site.json");
    fs.writeFileSync(siteFile, JSON.stringify({ ...JSON.parse(fs.readFileSync(siteFile, "utf8")), description: "Saved outside the project." }, null, 2));
    assert.ok(await until(() => read(path.join(output, "index.html")).includes("Saved outside the project.")), "the site data reloads");
  });
});

test("npm start's search index follows the content once the preview is quiet", async () => {
  await whileWatching({ prefix: "_test-site-watch-search-", inProject: true, env: { GOVNEWS_SEARCH: "" } }, async ({ content, output }) => {
    const entry = path.join(output, "search-index", "pagefind-entry.json");
    // Each fragment holds one item's text: the index has an item's new words once some fragment does.
    const indexed = (words: string) => {
      const folder = path.join(output, "search-index", "fragment");
      if (!fs.existsSync(folder)) return false;
      return fs.readdirSync(folder).some((name) =>
        zlib
          .gunzipSync(fs.readFileSync(path.join(folder, name)))
          .toString("utf8")
          .includes(words),
      );
    };
    assert.ok(await until(() => fs.existsSync(entry)), "the first index is written");
    assert.ok(!indexed("Zanzibar marmalade"), "not yet indexed");
    const file = path.join(content, "news", "item-12.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Zanzibar marmalade procurement"));
    assert.ok(await until(() => indexed("Zanzibar marmalade")), "the edited headline is indexed");
  });
});

test("when Eleventy stops watching, news/ is no longer watched either", async () => {
  await whileWatching({ prefix: "govnews-watch-stop-" }, async ({ content, eleventy }) => {
    const item = path.join(content, "news", "item-20.md");
    const logged: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.join(" "));
    try {
      fs.writeFileSync(item, fs.readFileSync(item, "utf8").replace(/^title: .*$/m, "title: Saved while watching"));
      assert.ok(await until(() => logged.some((line) => line.includes("item-20.md"))), "a save is seen while watching");
      await eleventy.stopWatch();
      logged.length = 0;
      fs.writeFileSync(item, fs.readFileSync(item, "utf8").replace(/^title: .*$/m, "title: Saved after stopping"));
      // The watcher waits 50 ms for a save to settle: a second is ample (nothing timed is asserted).
      await sleep(1_000);
      assert.deepEqual(
        logged.filter((line) => line.includes("item-20.md")),
        [],
        "no save is seen once stopped",
      );
    } finally {
      console.log = log;
    }
  });
});
