// The header-rule matcher behind scripts/serve.ts: Netlify's parser, Netlify CLI's matching and merging.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { headersForPath, loadHeaderRules, matchingRules } from "../../../scripts/netlify-headers.ts";

async function rulesFrom(toml: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-toml-"));
  try {
    fs.writeFileSync(path.join(dir, "netlify.toml"), toml);
    return await loadHeaderRules(path.join(dir, "netlify.toml"));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rule = (forPath: string, values: Record<string, string>) =>
  `[[headers]]\n  for = "${forPath}"\n  [headers.values]\n${Object.entries(values)
    .map(([k, v]) => `    ${k} = "${v}"\n`)
    .join("")}\n`;

const TOML = [
  rule("/*", { "X-All": "all", "X-Later": "first" }),
  rule("/assets/hashed/*", { "X-Hashed": "yes" }),
  rule("/*.xml", { "X-Xml": "yes" }),
  rule("/tags/:tag", { "X-Tag-Page": "yes" }),
  rule("/tags/:tag/page/*", { "X-Tag-List": "yes" }),
  rule("/", { "X-Home": "yes" }),
  rule("/news/*", { "x-later": "second" }),
].join("");

// [path, the `for` of every rule that applies, in file order]
const matchCases: Array<[string, string[]]> = [
  ["/", ["/*", "/"]],
  ["/index.html", ["/*"]],
  ["/assets/hashed/govnews-0123.css", ["/*", "/assets/hashed/*"]],
  ["/assets/hashed/", ["/*", "/assets/hashed/*"]],
  ["/assets/hashed", ["/*", "/assets/hashed/*"]],
  ["/assets/fonts/bold.woff2", ["/*"]],
  // Netlify's patterns make the slash before a standalone splat optional: a sibling folder whose name starts
  // the same is matched too (so nothing but fingerprinted files may have a name starting /assets/hashed).
  ["/assets/hashedx/a.css", ["/*", "/assets/hashed/*"]],
  ["/assets/hash/a.css", ["/*"]],
  ["/ASSETS/HASHED/A.CSS", ["/*", "/assets/hashed/*"]],
  ["/feed.xml", ["/*", "/*.xml"]],
  ["/tags/data/feed.xml", ["/*", "/*.xml"]],
  ["/tags/data/", ["/*", "/tags/:tag"]],
  ["/tags/data", ["/*", "/tags/:tag"]],
  ["/tags/", ["/*"]],
  ["/tags/data/page/2/", ["/*", "/tags/:tag/page/*"]],
  ["/news/x/", ["/*", "/news/*"]],
];
let rules: Awaited<ReturnType<typeof rulesFrom>>;
test.before(async () => {
  rules = await rulesFrom(TOML);
});

for (const [urlPath, expected] of matchCases) {
  test(`matchingRules: ${urlPath} → ${expected.join(", ")}`, () => {
    assert.deepEqual(
      matchingRules(rules, urlPath).map((r) => r.for),
      expected,
    );
  });
}

test("headersForPath: every matching rule applies, first to last; a later value replaces an earlier one whatever its case", () => {
  assert.deepEqual(headersForPath(rules, "/news/x/"), { "X-All": "all", "x-later": "second" });
  assert.deepEqual(headersForPath(rules, "/"), { "X-All": "all", "X-Later": "first", "X-Home": "yes" });
  assert.deepEqual(headersForPath(rules, "/tags/data/feed.xml"), { "X-All": "all", "X-Later": "first", "X-Xml": "yes" });
});

test("loadHeaderRules: Netlify's parser errors are thrown with the file's name; a missing file is an error", async () => {
  await assert.rejects(rulesFrom('[[headers]]\n  for = "/*"\n  [headers.values]\n    X-A = 1\n'), /Netlify cannot read its headers:[^]*value must be a string/);
  await assert.rejects(rulesFrom('[[headers]]\n  [headers.values]\n    X-A = "a"\n'), /Missing "for" field/);
  await assert.rejects(rulesFrom("[[headers]\n"), /Could not parse configuration file/);
  await assert.rejects(loadHeaderRules(path.join(os.tmpdir(), "no-such-dir-govnews", "netlify.toml")), /netlify\.toml not found/);
});
