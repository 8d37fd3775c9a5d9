// npm start's related lists computed in a worker (lib/build/related-lists.ts): the same lists as the engine gives on
// the page thread for the same items, read from their files.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { relatedLists, startRelatedLists } from "../../../lib/build/related-lists.ts";
import { buildRelatedIndex, type ArticleSummary } from "../../../lib/related/engine.ts";

const DAY = 86_400_000;
const TOPICS = ["cloud hosting contracts", "patient records clinicians", "school broadband fibre"];
const items: ArticleSummary[] = Array.from({ length: 24 }, (_, i) => ({
  slug: `item-${String(i).padStart(2, "0")}`,
  title: `Item ${i} on ${TOPICS[i % 3]}`,
  description: `A standfirst about ${TOPICS[i % 3]}.`,
  body: `Text about ${TOPICS[i % 3]} and ${TOPICS[(i + 1) % 3]}, item ${i}.\n`,
  type: i % 4 === 0 ? "analysis" : "news",
  authorIds: [`author-${i % 2}`],
  tagSlugs: [TOPICS[i % 3]!.split(" ")[0]!],
  tagLabels: [TOPICS[i % 3]!.split(" ")[0]!],
  dateMs: Date.UTC(2026, 0, 1) + i * DAY,
}));

const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-related-lists-"));
process.on("exit", () => fs.rmSync(root, { recursive: true, force: true }));
fs.mkdirSync(path.join(root, "news"));
const given = items.map(({ body, ...item }) => {
  const file = `news/${item.slug}.md`;
  fs.writeFileSync(path.join(root, file), `---\ntitle: ${item.title}\n---\n${body}`);
  return { ...item, file };
});

test("the lists read from files are the engine's on the same items", async () => {
  const index = buildRelatedIndex(items);
  const lists = await relatedLists({ items: given, root });
  assert.equal(lists.size, items.length);
  for (const item of items) assert.deepEqual(lists.get(item.slug), index.slugs(item.slug), item.slug);
  assert.ok(
    [...lists.values()].some((list) => list.length > 0),
    "some item has a related list",
  );
});

test("the worker computes the same lists as the page thread", async () => {
  const job = startRelatedLists({ items: given, root });
  assert.deepEqual([...(await job.lists)], [...(await relatedLists({ items: given, root }))]);
});

test("a worker that cannot read a file rejects with the reason", async () => {
  const job = startRelatedLists({ items: [...given, { ...given[0]!, slug: "missing", file: "news/missing.md" }], root });
  await assert.rejects(job.lists, /missing\.md/);
});
