// The render-ahead worker: bodies and related lists from a worker thread, equal to the main thread's, with a
// fallback when the worker fails.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startRenderAhead, type RenderAheadItem } from "../../../lib/build/render-ahead.ts";
import { createMarkdown } from "../../../lib/eleventy/markdown.ts";
import { stripControlCharacters } from "../../../lib/content/schema.ts";
import { buildRelatedIndex, type ArticleSummary } from "../../../lib/related/engine.ts";
import { siteForConfig } from "../../../lib/eleventy/site-data.ts";

const site = siteForConfig({ contentDir: "tests/fixtures/site" });

const DAY = 86_400_000;
const TOPICS = ["cloud hosting contracts", "patient records clinicians", "school broadband fibre"];
const items: ArticleSummary[] = Array.from({ length: 30 }, (_, i) => ({
  slug: `item-${String(i).padStart(2, "0")}`,
  title: `Item ${i} on ${TOPICS[i % 3]}`,
  description: `A standfirst about ${TOPICS[i % 3]}.`,
  body: `## Heading ${i}\n\n"Quoted" text about ${TOPICS[i % 3]} -- with *emphasis*, a [link](/news/item-00/) and\u0007 a bell.\n\n- one\n- two\n`,
  type: i % 4 === 0 ? "analysis" : "news",
  authorIds: [`author-${i % 2}`],
  tagSlugs: [TOPICS[i % 3]!.split(" ")[0]!],
  dateMs: Date.UTC(2026, 0, 1) + i * DAY,
}));

// The worker reads each body from the item's file, as in a build: each list of items is written to a folder of its own.
const folders: string[] = [];
process.on("exit", () => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));
function asGiven(list: ArticleSummary[]): { items: RenderAheadItem[]; root: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-render-ahead-"));
  folders.push(root);
  fs.mkdirSync(path.join(root, "news"));
  const written = list.map(({ body, ...item }) => {
    const file = `news/${item.slug}.md`;
    fs.writeFileSync(path.join(root, file), `---\ntitle: ${item.title}\n---\n${body}`);
    return { ...item, file };
  });
  return { items: written, root };
}
const { items: given, root } = asGiven(items);

test("bodies and related lists from the worker equal the main thread's", async () => {
  const render = await createMarkdown(site);
  const index = buildRelatedIndex(items);
  const problems: string[] = [];
  const ahead = startRenderAhead({ items: given, root, first: ["item-29", "item-03"], related: true, site }, (p) => problems.push(p));
  try {
    items.forEach((item, i) => {
      assert.equal(ahead.body(item.slug), render(item.body).html, item.slug);
      assert.deepEqual(ahead.removed(item.slug), [], item.slug);
      const related = ahead.related(i);
      assert.ok(related, item.slug);
      assert.deepEqual(
        [...related].map((at) => items[at]!.slug),
        index.get(item.slug).map((e) => e.slug),
        item.slug,
      );
    });
    assert.equal(ahead.related(items.length), undefined, "a position past the items");
    assert.equal(ahead.related(-1), undefined);
    assert.equal(ahead.takeBody("item-05"), render(items[5]!.body).html);
    assert.equal(ahead.body("item-05"), undefined, "taken bodies are forgotten");
    assert.equal(ahead.body("not-an-item"), undefined);
    assert.deepEqual(problems, []);
  } finally {
    ahead.stop();
  }
});

test("the worker's Markdown drops control characters, as the main thread's fallback does", async () => {
  const render = await createMarkdown(site);
  assert.equal(stripControlCharacters("a\u0000b\u0007c\u007Fd\te\nf"), "abcd\te\nf");
  assert.ok(!render(items[0]!.body).html.includes("\u0007"));
});

test("without related articles, only bodies are computed", () => {
  const ahead = startRenderAhead({ items: given, root, first: [], related: false, site });
  try {
    assert.equal(ahead.related(1), undefined);
    assert.ok(ahead.body("item-01")?.includes("Heading 1"));
  } finally {
    ahead.stop();
  }
});

test("when the worker fails, lookups answer undefined (the caller renders) and the problem is reported", () => {
  // An item whose file has gone: the worker cannot read its body.
  const broken = [{ ...given[0]!, file: "news/not-there.md" }];
  const problems: string[] = [];
  const ahead = startRenderAhead({ items: broken, root, first: ["item-00"], related: true, site }, (p) => problems.push(p));
  try {
    assert.equal(ahead.body("item-00"), undefined);
    assert.equal(ahead.related(0), undefined);
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /render-ahead worker failed; rendering on the main thread instead/);
  } finally {
    ahead.stop();
  }
});

test("the stylesheet from the worker is the one the main thread compiles; a Sass error leaves it to the main thread", async () => {
  const { compileStylesheet } = await import("../../../lib/eleventy/stylesheet.ts");
  const stylesheet = { source: "$gap: 2px;\n.a { .b { margin: $gap * 2; } }", loadPaths: ["."] };
  const ahead = startRenderAhead({ items: given, root, first: [], related: false, site, stylesheet });
  try {
    assert.equal(ahead.stylesheet(), compileStylesheet(stylesheet));
  } finally {
    ahead.stop();
  }
  const broken = startRenderAhead({ items: given, root, first: [], related: false, site, stylesheet: { source: ".a { margin: $undefined; }", loadPaths: ["."] } });
  try {
    assert.equal(broken.stylesheet(), undefined);
    assert.ok(broken.body("item-01")?.includes("Heading 1"), "bodies still come");
  } finally {
    broken.stop();
  }
});

test("the worker sends what the sanitiser removed with each body, as the main thread finds it", async () => {
  const render = await createMarkdown(site);
  const hostile = items
    .slice(0, 6)
    .map((item, i) => (i % 2 === 0 ? item : { ...item, body: `${item.body}\n<script>alert(${i})</script>\n\nA paragraph. {onclick="alert(${i})"}\n` }));
  const ahead = startRenderAhead({ ...asGiven(hostile), first: ["item-03"], related: false, site });
  try {
    assert.equal(ahead.removed("item-01"), undefined, "not asked for yet: unknown until its body has arrived");
    const all = ahead.allRemoved();
    assert.deepEqual([...all.keys()].sort(), hostile.map((item) => item.slug).sort(), "every rendered body has an entry");
    for (const item of hostile) {
      const expected = render(item.body);
      assert.deepEqual(all.get(item.slug), expected.removed, item.slug);
      assert.deepEqual(ahead.removed(item.slug), expected.removed, item.slug);
      assert.equal(ahead.takeBody(item.slug), expected.html, item.slug);
    }
    assert.deepEqual(all.get("item-01"), [{ element: "script" }, { element: "p", attribute: "onclick", value: "alert(1)" }]);
    assert.deepEqual(all.get("item-02"), []);
  } finally {
    ahead.stop();
  }
});

test("related lists sent in several chunks (an archive of over 500 items) equal the main thread's, item for item", async () => {
  const many: ArticleSummary[] = Array.from({ length: 1_100 }, (_, i) => ({
    ...items[i % items.length]!,
    slug: `many-${String(i).padStart(4, "0")}`,
    title: `Item ${i} on ${TOPICS[i % 3]} ${TOPICS[(i * 7) % 3]}`,
    dateMs: Date.UTC(2020, 0, 1) + i * DAY,
  }));
  const index = buildRelatedIndex(many);
  const ahead = startRenderAhead({ ...asGiven(many), first: [], related: true, site });
  try {
    // From the last item back: a position in a later chunk waits for that chunk, not for the first.
    for (let i = many.length - 1; i >= 0; i--) {
      const related = ahead.related(i);
      assert.ok(related, many[i]!.slug);
      assert.deepEqual(
        [...related].map((at) => many[at]!.slug),
        index.slugs(many[i]!.slug),
        many[i]!.slug,
      );
    }
    assert.equal(ahead.related(many.length), undefined);
  } finally {
    ahead.stop();
  }
});

test("the worker sends bodies no further ahead than pages need, and the rest as pages come to them", async () => {
  const many: ArticleSummary[] = Array.from({ length: 2_600 }, (_, i) => ({
    ...items[i % items.length]!,
    slug: `ahead-${String(i).padStart(4, "0")}`,
    dateMs: Date.UTC(2019, 0, 1) + i * DAY,
  }));
  const problems: string[] = [];
  const ahead = startRenderAhead({ ...asGiven(many), first: ["ahead-2550"], related: false, site }, (p) => problems.push(p));
  try {
    // A feed's body, sent first, asked for at once (as the first run's feeds do): it says nothing of how far the
    // pages have come. Then a pause in which the worker could have rendered every body.
    assert.ok(ahead.body("ahead-2550")?.includes("Heading"));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.ok(ahead.takeBody("ahead-0000")?.includes("Heading 0"));
    // An item the worker was not given (a draft in a deploy preview) is not waited for.
    assert.equal(ahead.body("a-draft"), undefined);
    // Nor is a body taken already (its page was written before a feed asked for it): the worker sends each once.
    assert.equal(ahead.body("ahead-0000"), undefined);
    assert.deepEqual(problems, [], "the worker is not given up on (its wait limit)");
    // Received once asked for: the feed's body (sent first) and the first chunks, not those beyond them.
    assert.deepEqual(ahead.removed("ahead-2550"), []);
    assert.deepEqual(ahead.removed("ahead-1499"), []);
    assert.equal(ahead.removed("ahead-2000"), undefined, "not sent while pages are far from it");
    // Pages in order, as a build writes them: every body comes.
    for (const item of many) if (item.slug !== "ahead-0000") assert.ok(ahead.takeBody(item.slug), item.slug);
    assert.deepEqual(problems, []);
  } finally {
    ahead.stop();
  }
});
