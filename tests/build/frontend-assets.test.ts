// GOV.UK Frontend's fonts and icons are published only for a GOV.UK-branded site (lib/eleventy/frontend-assets.ts),
// and every file the build writes under /assets/ is used: some page, stylesheet, script or feed names it.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../../scripts/build-site.ts";
import { GOVUK_ONLY_ASSETS, removeUnusedFrontendAssets } from "../../lib/eleventy/frontend-assets.ts";

function files(root: string): string[] {
  return (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

test("a site without GOV.UK branding publishes no GOV.UK font or icon, and every asset it publishes is used", () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-assets-"));
  try {
    const output = path.join(parent, "site");
    const result = buildSite({ content: "tests/fixtures/site", output, now: "2026-11-20T12:00:00Z" });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const built = files(output);
    assert.deepEqual(
      built.filter((f) => GOVUK_ONLY_ASSETS.some((unused) => f === unused || f.startsWith(`${unused}/`))),
      [],
    );
    assert.ok(!built.some((f) => /\.woff2?$/.test(f)), "no font file");
    assert.ok(!built.includes("assets/images/govuk-crest.svg"), "no crest");
    // Every asset is named by something the site serves (by its path, or next to it, as our script imports GOV.UK Frontend's).
    const texts = built.filter((f) => /\.(html|css|js|xsl|xml|json|webmanifest)$/.test(f)).map((f) => fs.readFileSync(path.join(output, f), "utf8"));
    const orphans = built.filter((f) => f.startsWith("assets/") && !texts.some((text) => text.includes(`/${f}`) || text.includes(`"./${path.posix.basename(f)}"`)));
    assert.deepEqual(orphans, []);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});

test("removeUnusedFrontendAssets keeps everything for a GOV.UK-branded site and removes the list otherwise", () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-assets-"));
  try {
    const make = (dir: string) => {
      for (const file of [...GOVUK_ONLY_ASSETS.map((f) => (f === "assets/fonts" ? "assets/fonts/light.woff2" : f)), "assets/images/own-logo.svg", "assets/hashed/x.css"]) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), "x");
      }
    };
    const branded = path.join(parent, "branded");
    const own = path.join(parent, "own");
    make(branded);
    make(own);
    const before = files(branded);
    removeUnusedFrontendAssets(branded, true);
    removeUnusedFrontendAssets(own, false);
    assert.deepEqual(files(branded), before);
    assert.deepEqual(files(own), ["assets/hashed/x.css", "assets/images/own-logo.svg"]);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
