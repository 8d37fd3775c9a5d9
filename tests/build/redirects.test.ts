// The built `_redirects` as Netlify reads it: its own parser accepts every line, each old address of a published
// item leads with a 301 to a page the build wrote, and none is shadowed by a page (Netlify serves a file that
// exists rather than follow a redirect that is not forced). The fixture gives item-01 two aliases and the draft
// one, which must not appear (unpublished-leaks.test.ts checks every kind of unpublished item).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildInMemory, pageAt, type BuiltPage } from "./helpers.ts";
import { parseRedirectsFile, redirectFor, type RedirectRule } from "../../scripts/netlify-redirects.ts";

const NOW = "2026-11-20T12:00:00Z";
let pages: BuiltPage[];
let preview: BuiltPage[];
let rules: RedirectRule[];
let tmp: string;

before(async () => {
  pages = await buildInMemory("tests/fixtures/site", { GOVNEWS_NOW: NOW });
  preview = await buildInMemory("tests/fixtures/site", { GOVNEWS_NOW: NOW, GOVNEWS_PREVIEW: "1" });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-redirects-"));
  const file = path.join(tmp, "_redirects");
  fs.writeFileSync(file, pageAt(pages, "/_redirects").content);
  const parsed = await parseRedirectsFile(file);
  assert.deepEqual(parsed.errors, []);
  rules = parsed.rules;
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("Netlify's parser reads the published and withdrawn items' aliases, and nothing else, as 301 redirects", () => {
  assert.deepEqual(rules, [
    { from: "/news/fixture-item-first/", to: "/news/item-01/", status: 301 },
    { from: "/news/fixture-item-one/", to: "/news/item-01/", status: 301 },
    // A withdrawn item keeps its page, and its old address leads there too.
    { from: "/news/withdrawn-item-old-name/", to: "/news/withdrawn-item/", status: 301 },
  ]);
});

test("every redirect leads to a page the build wrote, and no page shadows an old address", () => {
  const urls = new Set(pages.map((p) => p.url));
  for (const rule of rules) {
    assert.ok(urls.has(rule.to), `${rule.from} leads to ${rule.to}, which was not built`);
    assert.ok(!urls.has(rule.from), `${rule.from} is also a page, so Netlify would never follow its redirect`);
  }
});

test("an old address is found with and without its trailing slash, as Netlify normalises it", () => {
  assert.equal(redirectFor(rules, "/news/fixture-item-one")?.to, "/news/item-01/");
  assert.equal(redirectFor(rules, "/news/fixture-item-one/")?.to, "/news/item-01/");
  assert.equal(redirectFor(rules, "/news/draft-item-old-name/"), undefined);
});

test("a deploy preview redirects exactly as production does (a draft's alias stays out of both)", () => {
  assert.equal(pageAt(preview, "/_redirects").content, pageAt(pages, "/_redirects").content);
});
