// Nothing a draft, embargoed or withdrawn item contains reaches any output of production, nor any output of a
// deploy preview other than its own page and the preview's lists: every file is read, images and file names too.
// Every secret in tests/fixtures/leaks starts with "Secret" (title, standfirst, body, tags, image text, change
// note, an old name in `aliases`, an author whose only item is a draft, and the images only those items use).
// /build.json gives the embargoed item's time, which is all the scheduled-publish workflow needs, and nothing
// that names it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../../scripts/build-site.ts";

const CONTENT = "tests/fixtures/leaks";
const NOW = "2026-11-20T12:00:00Z";
const SECRET = /secret/i;
let production: string;
let preview: string;
/** What the production build printed. */
let productionLog: string;

/** Every file under `root`, as paths relative to it ("news/x/index.html"), sorted. */
function files(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

const read = (root: string, file: string) => fs.readFileSync(path.join(root, file), "latin1");
const isMachineReadable = (file: string) => /\.(xml|atom|json|opml|txt|xsl)$/.test(file) || file === "_redirects";

before(() => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-leaks-"));
  production = path.join(parent, "production");
  preview = path.join(parent, "preview");
  for (const [output, isPreview] of [
    [production, false],
    [preview, true],
  ] as const) {
    const result = buildSite({ content: CONTENT, output, now: NOW, preview: isPreview });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    if (!isPreview) productionLog = result.stdout;
  }
});

test("production: no file, file name or image carries anything of an unpublished item", () => {
  const built = files(production);
  assert.ok(built.includes("news/published-one/index.html") && built.includes("images/public-lead.svg"), "the published item and its image are built");
  for (const file of built) {
    assert.ok(!SECRET.test(file), `${file}: an unpublished item's file was published`);
    assert.ok(!SECRET.test(read(production, file)), `${file} carries text of an unpublished item`);
  }
});

test("production and preview: only a published item's alias is redirected, the same in both", () => {
  // Each unpublished item has an alias with "secret" in it: the tests above and below find none in any file.
  const expected = "/news/published-one-old/ /news/published-one/ 301";
  for (const root of [production, preview]) {
    const rules = read(root, "_redirects")
      .split("\n")
      .filter((line) => line && !line.startsWith("#"));
    assert.deepEqual(rules, [expected], root);
  }
});

test("production: an author whose only item is a draft has no page, feed, listing or photo", () => {
  const built = files(production);
  assert.ok(!built.some((f) => f.startsWith("authors/secretdraftauthor/")));
  assert.ok(built.includes("authors/pat-public/index.html") && built.includes("authors/pat-public/feed.xml"));
  assert.ok(built.includes("images/authors/public-photo.svg"));
  assert.ok(!built.includes("images/authors/secretdraftauthor-photo.svg"));
});

test("preview: every feed, sitemap, OPML file, redirect and robots rule is the production one, byte for byte", () => {
  const machine = files(production).filter(isMachineReadable);
  assert.ok(machine.length >= 8, machine.join(", "));
  assert.deepEqual(
    files(preview)
      .filter(isMachineReadable)
      .filter((f) => f !== "robots.txt"),
    machine.filter((f) => f !== "robots.txt"),
  );
  for (const file of machine) {
    if (file === "robots.txt") continue;
    assert.equal(read(preview, file), read(production, file), `${file} differs in the preview`);
  }
  // A preview is never indexed.
  assert.equal(read(preview, "robots.txt"), "User-agent: *\nDisallow: /\n");
});

test("preview: drafts and embargoed items show on their own pages and in the lists only; withdrawn items nowhere", () => {
  const own = new Set(["news/secretdraft-item/index.html", "news/secretembargo-item/index.html"]);
  // List pages: home, topics, types and authors (with their pagination), and the indexes of topics and authors.
  const isList = (file: string) => /^(index\.html|page\/\d+\/index\.html|(tags|types|authors)\/([^/]+\/)?(page\/\d+\/)?index\.html)$/.test(file);
  const built = files(preview);
  assert.ok(
    [...own].every((f) => built.includes(f)),
    "the preview builds the unpublished items' pages",
  );
  for (const file of built) {
    const text = read(preview, file);
    assert.ok(!/secretwithdrawn/i.test(file + text), `${file} carries a withdrawn item`);
    if (own.has(file) || isList(file)) {
      // Even there, never in structured data.
      for (const [, json] of text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
        assert.ok(!SECRET.test(json!), `${file}: structured data carries an unpublished item`);
      }
      continue;
    }
    if (file.startsWith("images/")) continue; // checked below
    assert.ok(!SECRET.test(text), `${file} carries text of an unpublished item`);
  }
  // The drafts' own pages need their images; the withdrawn item's image is never published.
  assert.ok(built.includes("images/secretdraft-lead.svg"));
  assert.ok(!built.includes("images/secretwithdrawn-lead.svg"));
  // Other items' related lists never suggest an unpublished item.
  assert.ok(!SECRET.test(read(preview, "news/published-one/index.html")));
});

test("/build.json gives the build's now and the embargoed item's time only, never its slug or title", () => {
  // The embargoed item goes live at 2030-01-05T00:01:00Z; the draft's date is past and a draft is never scheduled.
  const expected = '{\n  "builtAt": "2026-11-20T12:00:00.000Z",\n  "nextScheduledAt": "2030-01-05T00:01:00.000Z"\n}\n';
  assert.equal(read(production, "build.json"), expected);
  // The same in a preview, which shows the item: what it publishes about the schedule is production's.
  assert.equal(read(preview, "build.json"), expected);
});

test("production: the build log names the next scheduled item and its time in UK time (the log is not the site)", () => {
  assert.match(
    productionLog,
    /^Next scheduled: 1 item goes live on Saturday 5 January 2030 at 00:01 UK time\n {2}"Secretembargo headline" \(tests\/fixtures\/leaks\/news\/secretembargo-item\.md\)$/m,
  );
});
