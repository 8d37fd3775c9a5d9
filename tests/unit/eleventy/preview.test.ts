// npm start's page selection (lib/eleventy/preview.ts): a rebuild writes the pages whose fingerprint changed, keeps
// the rest, and after a build that did not finish writes everything.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { createPreview, outputFile, type PageFamily, type Preview } from "../../../lib/eleventy/preview.ts";

type TestPage = { url: string; shows: string };

const describe = (page: TestPage) => ({ url: page.url, fingerprint: () => page.shows });

/** One build, as the plugin runs it: each family's pages selected in turn, then finished; the URLs written. */
function build(preview: Preview, families: Partial<Record<PageFamily, TestPage[]>>): string[] {
  preview.startBuild();
  const written = Object.entries(families).flatMap(([family, pages]) => preview.select(family as PageFamily, pages, describe).map((page) => page.url));
  preview.finishBuild("/out", []);
  return written;
}

test("the first build writes every page; the next only the changed and new ones", () => {
  const preview = createPreview();
  const pages = [
    { url: "/", shows: "a" },
    { url: "/news/x/", shows: "b" },
    { url: "/feed.xml", shows: "c" },
  ];
  preview.startBuild();
  assert.deepEqual(preview.select("home", pages, describe), pages);
  assert.deepEqual(preview.finishBuild("/out", []), []);

  preview.startBuild();
  const changed = [
    { url: "/", shows: "a" },
    { url: "/news/x/", shows: "b2" },
    { url: "/feed.xml", shows: "c" },
    { url: "/news/y/", shows: "d" },
  ];
  assert.deepEqual(
    preview.select("articles", changed, describe).map((p) => p.url),
    ["/news/x/", "/news/y/"],
  );
  assert.deepEqual(preview.finishBuild("/out", []), [path.join("/out", "index.html"), path.join("/out", "feed.xml")]);
});

test("after a build that never finished, the next writes every page again", () => {
  const preview = createPreview();
  const pages = [{ url: "/", shows: "a" }];
  preview.startBuild();
  preview.select("home", pages, describe);
  preview.finishBuild("/out", []);
  preview.startBuild();
  // Failed: no finishBuild. Some pages may have been written with what this build saw.
  preview.startBuild();
  assert.deepEqual(preview.select("home", pages, describe), pages);
});

test("a page the content no longer has keeps no fingerprint", () => {
  const preview = createPreview();
  const gone = { url: "/news/gone/", shows: "a" };
  build(preview, { articles: [gone] });
  build(preview, { articles: [] });
  assert.deepEqual(build(preview, { articles: [gone] }), ["/news/gone/"], "back again: written");
});

test("the body caches keep only the bodies the content has", () => {
  const preview = createPreview();
  preview.bodies.set("old", { html: "<p>old</p>", removed: [], references: { links: [], images: [] } });
  preview.bodies.set("new", { html: "<p>new</p>", removed: [], references: { links: [], images: [] } });
  preview.bodyImages.set("old", []);
  preview.startBuild();
  preview.finishBuild("/out", ["new"]);
  assert.deepEqual([...preview.bodies.keys()], ["new"]);
  assert.deepEqual([...preview.bodyImages.keys()], []);
});

test("interned keys: the same text, the same number", () => {
  const preview = createPreview();
  assert.equal(preview.intern("x"), preview.intern("x"));
  assert.notEqual(preview.intern("x"), preview.intern("y"));
});

for (const [url, file] of [
  ["/", "index.html"],
  ["/news/x/", "news/x/index.html"],
  ["/tags/ai/page/2/", "tags/ai/page/2/index.html"],
  ["/feed.xml", "feed.xml"],
  ["/tags/ai/feed.xml", "tags/ai/feed.xml"],
] as const) {
  test(`outputFile: ${url} is ${file}`, () => {
    assert.equal(outputFile("/site", url), path.join("/site", ...file.split("/")));
  });
}

test("the first build writes the first pages of each family; fill builds add the rest; an edit's build only what changed", () => {
  const preview = createPreview({ first: 2, change: 10, fill: 3 });
  // Fill builds fill in 3 pages in all, of whatever family comes first.
  const pages = Array.from({ length: 7 }, (_, i) => ({ url: `/news/${i}/`, shows: "a" }));
  const feeds = Array.from({ length: 5 }, (_, i) => ({ url: `/feed-${i}.xml`, shows: "a" }));
  assert.deepEqual(build(preview, { articles: pages, feeds }), ["/news/0/", "/news/1/", "/feed-0.xml", "/feed-1.xml"], "the first of each family, feeds too");
  assert.ok(preview.unfinished());

  // An edit of a written page and of one not written yet, and an added page: an edit's build writes the first and
  // the added one, and fills in nothing, so that the edit shows as soon as it would on a filled-in archive. Every
  // written feed the edit changed is written.
  const edited = [...pages.map((p, i) => (i === 0 || i === 5 ? { ...p, shows: "b" } : p)), { url: "/news/new/", shows: "a" }];
  const editedFeeds = feeds.map((p, i) => (i !== 2 ? { ...p, shows: "b" } : p));
  assert.deepEqual(build(preview, { articles: edited, feeds: editedFeeds }), ["/news/0/", "/news/new/", "/feed-0.xml", "/feed-1.xml"]);
  assert.ok(preview.unfinished());

  // Fill builds write the rest, 3 at a time, the edited ones among them.
  for (const expected of [
    ["/news/2/", "/news/3/", "/news/4/"],
    ["/news/5/", "/news/6/", "/feed-2.xml"],
    ["/feed-3.xml", "/feed-4.xml"],
  ]) {
    preview.fillNext();
    assert.deepEqual(build(preview, { articles: edited, feeds: editedFeeds }), expected);
  }
  assert.ok(!preview.unfinished(), "all written");
});

test("a later build's fill is shared by the families, in the order they come", () => {
  const preview = createPreview({ first: 1, change: 10, fill: 3 });
  const items = Array.from({ length: 3 }, (_, i) => ({ url: `/news/${i}/`, shows: "a" }));
  const lists = Array.from({ length: 3 }, (_, i) => ({ url: `/page/${i}/`, shows: "a" }));
  assert.deepEqual(build(preview, { articles: items, home: lists }), ["/news/0/", "/page/0/"], "the first build writes the first page of each family");
  preview.fillNext();
  assert.deepEqual(build(preview, { articles: items, home: lists }), ["/news/1/", "/news/2/", "/page/1/"], "the home pages get what the items left");
  assert.ok(preview.unfinished());
});

test("a later build writes a share of each family's changed pages; the next ones the rest, before filling in", () => {
  const preview = createPreview({ first: 10, change: 2, fill: 1 });
  const pages = Array.from({ length: 5 }, (_, i) => ({ url: `/news/${i}/`, shows: "a" }));
  assert.equal(build(preview, { articles: pages }).length, 5);
  const changed = pages.map((p) => ({ ...p, shows: "b" }));
  preview.startBuild();
  assert.deepEqual(
    preview.select("articles", changed, describe).map((p) => p.url),
    ["/news/0/", "/news/1/"],
  );
  // The pages left for later are still the site's, as they were.
  assert.deepEqual(
    preview.finishBuild("/out", []),
    ["/news/2/", "/news/3/", "/news/4/"].map((url) => path.join("/out", url, "index.html")),
  );
  assert.ok(preview.unfinished());
  assert.deepEqual(build(preview, { articles: changed }), ["/news/2/", "/news/3/"], "still changed: written before anything is filled in");
  assert.deepEqual(build(preview, { articles: changed }), ["/news/4/"]);
  assert.ok(!preview.unfinished());
});

test("a saved file's build fills in nothing, even when a fill build was asked for; the next fill build does", () => {
  const preview = createPreview({ first: 1, change: 10, fill: 3 });
  const pages = Array.from({ length: 3 }, (_, i) => ({ url: `/news/${i}/`, shows: "a" }));
  assert.deepEqual(build(preview, { articles: pages }), ["/news/0/"]);
  preview.fillNext();
  preview.fillLater();
  assert.deepEqual(build(preview, { articles: pages }), []);
  preview.fillNext();
  assert.deepEqual(build(preview, { articles: pages }), ["/news/1/", "/news/2/"]);
  assert.ok(!preview.unfinished());
});

test("an item saved before the fill reached its page has its page written by the save's build", () => {
  const preview = createPreview({ first: 1, change: 10, fill: 3 });
  const pages = Array.from({ length: 4 }, (_, i) => ({ url: `/news/${i}/`, shows: "a" }));
  assert.deepEqual(build(preview, { articles: pages }), ["/news/0/"]);
  preview.want("/news/3/");
  preview.fillLater();
  assert.deepEqual(build(preview, { articles: pages }), ["/news/3/"]);
  preview.fillNext();
  assert.deepEqual(build(preview, { articles: pages }), ["/news/1/", "/news/2/"], "the fill writes the rest, not it again");
  assert.ok(!preview.unfinished());
});
