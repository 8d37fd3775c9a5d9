// npm start's rebuilds keep unchanged items (model.ts, ArticleCache): an item is the same object again only when
// nothing it is made from changed (its file as read, its topics' labels, its publication state), and it is always
// equal to what a build without the cache makes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { buildModel, type ArticleCache, type Article, type SourceFile } from "../../../lib/content/model.ts";
import { siteFile } from "./site-fixture.ts";

const NOW = Date.parse("2026-11-01T00:00:00Z");

function item(slug: string, data: Record<string, unknown> = {}): SourceFile {
  return {
    file: `content/news/${slug}.md`,
    body: `The body of ${slug}.\n`,
    data: { title: `Item ${slug}`, description: "A standfirst.", date: "2026-08-17T09:30:00+01:00", type: "news", tags: ["Cloud"], ...data },
  };
}

function build(news: SourceFile[], articles?: ArticleCache, now = NOW): Map<string, Article> {
  const { model, issues } = buildModel({ site: siteFile({}), news, authors: [] }, { now, articles });
  assert.deepEqual(issues, []);
  return model!.bySlug;
}

const A = item("a");
const B = item("b", { tags: ["Data"] });
const EMBARGOED = item("e", { date: "2026-12-01T09:00:00Z" });

const cases: Array<{ name: string; next: SourceFile[]; now?: number; same: string[]; made: string[] }> = [
  { name: "nothing changed: every item is the same object", next: [A, B], same: ["a", "b"], made: [] },
  { name: "one file read again (edited): that item is made again", next: [item("a", { title: "Edited" }), B], same: ["b"], made: ["a"] },
  {
    name: "another item spells a shared topic first: the unchanged item shows the new label",
    next: [A, B, item("c", { tags: ["CLOUD"], date: "2026-09-01T09:00:00+01:00" })],
    same: ["b"],
    made: ["a", "c"],
  },
  {
    name: "the time passes an embargo: the item's state changes, so it is made again",
    next: [A, B, EMBARGOED],
    now: Date.parse("2026-12-02T00:00:00Z"),
    same: ["a", "b"],
    made: ["e"],
  },
];

for (const c of cases) {
  test(`article cache: ${c.name}`, () => {
    const cache: ArticleCache = new WeakMap();
    const first = build([A, B, ...c.next.filter((source) => source === EMBARGOED)], cache);
    const second = build(c.next, cache, c.now);
    // The plain twin: the same content without a cache.
    assert.deepEqual(second, build(c.next, undefined, c.now));
    for (const slug of c.same) assert.equal(second.get(slug), first.get(slug), `${slug} is the same object`);
    for (const slug of c.made) assert.notEqual(second.get(slug), first.get(slug), `${slug} is made again`);
  });
}
