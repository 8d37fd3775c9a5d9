import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadContent, releaseBodies } from "../../../lib/content/load.ts";

const NOW = Date.parse("2026-11-20T12:00:00Z");

test("releaseBodies: every body reads back the same text, from its file, once", () => {
  const { model } = loadContent({ root: ".", content: "tests/fixtures/site" }, { now: NOW });
  assert.ok(model);
  const before = new Map(model.published.map((a) => [a.slug, a.body]));
  releaseBodies(model.published, ".");
  for (const article of model.published) {
    assert.equal(Object.getOwnPropertyDescriptor(article, "body")?.value, undefined, "no longer held as a value");
    assert.equal(article.body, before.get(article.slug), article.slug);
  }
});

test("releaseBodies: a body is read when first asked for, then kept", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-bodies-"));
  try {
    fs.writeFileSync(path.join(root, "item.md"), "---\ntitle: x\n---\nFirst text.\n");
    const article = { file: "item.md", body: "First text.\n" };
    releaseBodies([article], root);
    fs.writeFileSync(path.join(root, "item.md"), "---\ntitle: x\n---\nSecond text.\n");
    assert.equal(article.body, "Second text.\n");
    fs.writeFileSync(path.join(root, "item.md"), "---\ntitle: x\n---\nThird text.\n");
    assert.equal(article.body, "Second text.\n");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
