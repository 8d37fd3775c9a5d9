// The redirects behind scripts/serve.ts: Netlify's parser, matching with or without the trailing slash, and the
// test server answering an old address with a 301 to the new page, as Netlify does.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import { loadRedirects, parseRedirectsFile, redirectFor } from "../../../scripts/netlify-redirects.ts";
import { serve } from "../../../scripts/serve.ts";

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-redirects-"));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

async function parse(text: string) {
  const file = path.join(dir, `r-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(file, text);
  return parseRedirectsFile(file);
}

// [case, _redirects text, rules read, number of errors]
const parseCases: Array<[string, string, Array<{ from: string; to: string; status: number }>, number]> = [
  ["comments and blank lines", "# note\n\n", [], 0],
  ["what the build writes", "# note\n/news/old/ /news/new/ 301\n", [{ from: "/news/old/", to: "/news/new/", status: 301 }], 0],
  ["no status means 301", "/news/old /news/new\n", [{ from: "/news/old", to: "/news/new", status: 301 }], 0],
  ["a forced rule is not emulated", "/news/old/ /news/new/ 301!\n", [], 1],
  ["a rewrite is not emulated", "/news/old/ /news/new/ 200\n", [], 1],
  ["a splat is not emulated", "/news/* /new/:splat 301\n", [], 1],
  ["a line Netlify rejects", "/news/old/\n", [], 1],
];

for (const [name, text, rules, errors] of parseCases) {
  test(`parseRedirectsFile: ${name}`, async () => {
    const parsed = await parse(text);
    assert.deepEqual(parsed.rules, rules);
    assert.equal(parsed.errors.length, errors, parsed.errors.join("\n"));
  });
}

test("parseRedirectsFile: a site without the file has no redirects; loadRedirects throws on an error", async () => {
  assert.deepEqual(await parseRedirectsFile(path.join(dir, "missing")), { rules: [], errors: [] });
  const bad = path.join(dir, "bad");
  fs.writeFileSync(bad, "/news/* /x 200!\n");
  await assert.rejects(loadRedirects(bad), /Netlify cannot use these redirects/);
});

const RULES = [
  { from: "/news/old/", to: "/news/new/", status: 301 },
  { from: "/news/older", to: "/news/new/", status: 301 },
];
// [requested path, where it leads, or undefined]
const matchCases: Array<[string, string | undefined]> = [
  ["/news/old/", "/news/new/"],
  ["/news/old", "/news/new/"],
  ["/news/older", "/news/new/"],
  ["/news/older/", "/news/new/"],
  ["/news/old/x", undefined],
  ["/news/ol", undefined],
  ["/news/", undefined],
  ["/", undefined],
];
for (const [urlPath, to] of matchCases) {
  test(`redirectFor ${urlPath}`, () => assert.equal(redirectFor(RULES, urlPath)?.to, to));
}

test("serve: an old address answers 301 to the new page, with or without the slash; a file shadows a redirect", async () => {
  const root = path.join(dir, "site");
  fs.mkdirSync(path.join(root, "news", "new"), { recursive: true });
  fs.mkdirSync(path.join(root, "news", "kept"), { recursive: true });
  fs.writeFileSync(path.join(root, "news", "new", "index.html"), "<p>the new page</p>");
  fs.writeFileSync(path.join(root, "news", "kept", "index.html"), "<p>kept</p>");
  fs.writeFileSync(path.join(root, "404.html"), "<p>not found</p>");
  fs.writeFileSync(path.join(root, "_redirects"), "# test\n/news/old/ /news/new/ 301\n/news/kept/ /news/new/ 301\n");
  const server: http.Server = serve(root, 0, [{ for: "/*", forRegExp: /^\/.*$/, values: { "X-Test": "yes" } }] as never);
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const [old, location] of [
      ["/news/old/", "/news/new/"],
      ["/news/old", "/news/new/"],
      ["/news/old/?utm_source=feed", "/news/new/?utm_source=feed"],
    ] as const) {
      const response = await fetch(base + old, { redirect: "manual" });
      assert.equal(response.status, 301, old);
      assert.equal(response.headers.get("location"), location, old);
      assert.equal(response.headers.get("x-test"), "yes", "netlify.toml headers apply to the redirect too");
    }
    const followed = await fetch(base + "/news/old/");
    assert.equal(followed.status, 200);
    assert.equal(followed.url, `${base}/news/new/`);
    assert.equal(await followed.text(), "<p>the new page</p>");
    const kept = await fetch(base + "/news/kept/", { redirect: "manual" });
    assert.equal(kept.status, 200, "a page that exists is served, not redirected (Netlify's shadowing)");
    assert.equal((await fetch(base + "/news/unknown/", { redirect: "manual" })).status, 404);
    // A new build's _redirects is read again.
    fs.writeFileSync(path.join(root, "_redirects"), "/news/renamed/ /news/new/ 301\n");
    fs.utimesSync(path.join(root, "_redirects"), new Date(), new Date(Date.now() + 5000));
    assert.equal((await fetch(base + "/news/renamed/", { redirect: "manual" })).status, 301);
    assert.equal((await fetch(base + "/news/old/", { redirect: "manual" })).status, 404);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
