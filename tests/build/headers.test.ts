// netlify.toml against a built site: every file gets the security headers and exactly one cache rule (immutable
// only for the fingerprinted folder, pages always revalidate), no header is set by two rules that can match one
// path, and the CSP's script hashes are exactly those of the inline scripts the pages carry.
import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { HtmlValidate, Parser, type HtmlElement } from "html-validate";
import { CspParser } from "csp_evaluator/dist/parser.js";
import { buildSite } from "../../scripts/build-site.ts";
import { headersForPath, loadHeaderRules, matchingRules, type HeaderRule } from "../../scripts/netlify-headers.ts";
import { fingerprint, HASHED_ASSETS } from "../../lib/eleventy/asset-names.ts";

const FIXTURE_NOW = "2026-11-20T12:00:00Z";

interface BuiltSite {
  name: string;
  output: string;
  /** Every file as the path a reader requests: "/news/x/" for news/x/index.html, "/feed.xml". */
  paths: Map<string, string>;
}

function requestPaths(output: string): Map<string, string> {
  const paths = new Map<string, string>();
  for (const entry of fs.readdirSync(output, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const urlPath = "/" + path.relative(output, file).split(path.sep).join("/");
    paths.set(urlPath.endsWith("/index.html") ? urlPath.slice(0, -"index.html".length) : urlPath, file);
  }
  return new Map([...paths].sort(([a], [b]) => (a < b ? -1 : 1)));
}

let tmp: string;
let rules: HeaderRule[];
const sites: BuiltSite[] = [];
test.before(async () => {
  rules = await loadHeaderRules("netlify.toml");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-headers-"));
  // The fixture site as production and as a deploy preview (public too, with drafts and a banner).
  for (const [name, preview] of [
    ["production", false],
    ["preview", true],
  ] as const) {
    const output = path.join(tmp, name);
    const result = buildSite({ content: "tests/fixtures/site", output, now: FIXTURE_NOW, preview });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    sites.push({ name, output, paths: requestPaths(output) });
  }
});
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const cacheControl = (urlPath: string) => headersForPath(rules, urlPath)["Cache-Control"];
const maxAge = (value: string | undefined) => Number(/\bmax-age=(\d+)/.exec(value ?? "")?.[1] ?? Number.NaN);
const isPage = (urlPath: string) => urlPath.endsWith("/") || urlPath.endsWith(".html");

test("no header is set by two rules that match the same file (Netlify's merge order must never decide a value)", () => {
  const clashes: string[] = [];
  for (const site of sites) {
    for (const urlPath of site.paths.keys()) {
      const setters = new Map<string, string[]>();
      for (const rule of matchingRules(rules, urlPath)) {
        for (const name of Object.keys(rule.values)) setters.set(name.toLowerCase(), [...(setters.get(name.toLowerCase()) ?? []), rule.for]);
      }
      for (const [name, fors] of setters) if (fors.length > 1) clashes.push(`${urlPath}: ${name} from ${fors.join(" and ")}`);
    }
  }
  assert.deepEqual(clashes, []);
});

test("every file gets the security headers", () => {
  const missing: string[] = [];
  for (const site of sites) {
    for (const urlPath of site.paths.keys()) {
      const headers = headersForPath(rules, urlPath);
      for (const name of [
        "Content-Security-Policy",
        "Strict-Transport-Security",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "X-Frame-Options",
        "Cross-Origin-Opener-Policy",
      ]) {
        if (!headers[name]) missing.push(`${urlPath}: ${name}`);
      }
    }
  }
  assert.deepEqual(missing, []);
});

test("cache rules: fingerprinted files immutable for a year, nothing else immutable or kept over a day, pages always revalidate", () => {
  const wrong: string[] = [];
  for (const site of sites) {
    for (const urlPath of site.paths.keys()) {
      const value = cacheControl(urlPath);
      if (value === undefined) wrong.push(`${urlPath}: no Cache-Control rule matches`);
      else if (urlPath.startsWith(HASHED_ASSETS)) {
        if (value !== "public, max-age=31536000, immutable") wrong.push(`${urlPath}: ${value}`);
      } else if (/\bimmutable\b/.test(value) || !(maxAge(value) <= 86400)) wrong.push(`${urlPath}: ${value} (not fingerprinted)`);
      else if (isPage(urlPath) && value !== "public, max-age=0, must-revalidate") wrong.push(`${urlPath}: ${value} (a page must revalidate)`);
      else if (/\.(xml|atom|json|opml)$/.test(urlPath) && !urlPath.startsWith("/assets/") && !(maxAge(value) <= 300)) wrong.push(`${urlPath}: ${value} (feeds are short)`);
    }
  }
  assert.deepEqual(wrong, []);
});

test("the fingerprinted folder holds only our stylesheet, scripts and share images, named by their fingerprint, all linked", () => {
  for (const site of sites) {
    // In the order of their names without the fingerprint: the stylesheet, our script, GOV.UK Frontend's, the search
    // page's script, the card and the PNG drawn from the SVG lead image of /news/hostile-title/ (in either order).
    const unhashed = (p: string) => p.replace(/-[0-9a-f]{16}\./, "-#.");
    const hashed = [...site.paths.keys()].filter((p) => p.startsWith(HASHED_ASSETS)).sort((a, b) => (unhashed(a) < unhashed(b) ? -1 : 1));
    assert.deepEqual(
      hashed.map(unhashed),
      [
        "/assets/hashed/govnews-#.css",
        "/assets/hashed/govnews-#.js",
        "/assets/hashed/govuk-frontend-#.min.js",
        "/assets/hashed/search-#.js",
        "/assets/hashed/share-#.png",
        "/assets/hashed/share-#.png",
      ],
      site.name,
    );
    // Scripts are named by their content; the stylesheet by the hash of its sources (its compile cache key).
    for (const script of hashed.filter((p) => p.endsWith(".js"))) {
      assert.equal(/-([0-9a-f]{16})\./.exec(script)![1], fingerprint(fs.readFileSync(site.paths.get(script)!)), script);
    }
    const script = fs.readFileSync(site.paths.get(hashed[1]!)!, "utf8");
    assert.ok(script.includes(`from "./${path.basename(hashed[2]!)}"`), `${hashed[1]} imports ${hashed[2]}`);
    const home = fs.readFileSync(site.paths.get("/")!, "utf8");
    assert.ok(home.includes(`<link rel="stylesheet" href="${hashed[0]}">`), `the home page links ${hashed[0]}`);
    assert.ok(home.includes(`<script src="${hashed[1]}" type="module">`), `the home page loads ${hashed[1]}`);
    assert.ok(fs.readFileSync(site.paths.get("/search/")!, "utf8").includes(`<script src="${hashed[3]}" type="module">`), `the search page loads ${hashed[3]}`);
    // The share images are named by what they are drawn from (share-image.ts, images.ts): every page shares the card
    // but the item with the SVG lead image, which shares its PNG.
    const sharedBy = (urlPath: string) =>
      /<meta property="og:image" content="https:\/\/fixture\.example\.org([^"]+)">/.exec(fs.readFileSync(site.paths.get(urlPath)!, "utf8"))?.[1];
    assert.deepEqual([sharedBy("/"), sharedBy("/news/hostile-title/")].sort(), [hashed[4], hashed[5]].sort(), site.name);
    assert.ok(fs.readFileSync(site.paths.get("/feed.xsl")!, "utf8").includes(`href="${hashed[0]}"`), `feed.xsl links ${hashed[0]}`);
    assert.ok(![...site.paths.keys()].some((p) => /^\/assets\/(govnews|govuk-frontend)/.test(p)), "no copy under a fixed name");
  }
});

/** The inline scripts a browser would run: no src, and no type or a JavaScript one (JSON-LD is data). */
function inlineScripts(root: HtmlElement): string[] {
  return root
    .querySelectorAll("script")
    .filter((script) => !script.hasAttribute("src"))
    .filter((script) => {
      const type = String(script.getAttributeValue("type") ?? "")
        .trim()
        .toLowerCase();
      return type === "" || type === "module" || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$/.test(type);
    })
    .map((script) => script.textContent);
}

test("the CSP's script hashes are exactly those of the inline scripts the pages carry, and pages carry no inline handlers", async () => {
  const config = await new HtmlValidate().getConfigFor("page.html");
  const allowed = new Set((new CspParser(headersForPath(rules, "/")["Content-Security-Policy"]!).csp.directives["script-src"] ?? []).filter((s) => s.startsWith("'sha")));
  const carried = new Map<string, string>(); // hash source → first page carrying it
  const handlers: string[] = [];
  for (const site of sites) {
    for (const [urlPath, file] of site.paths) {
      if (!isPage(urlPath)) continue;
      const root = new Parser(config).parseHtml(fs.readFileSync(file, "utf8"));
      for (const text of inlineScripts(root)) {
        const source = `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;
        if (!carried.has(source)) carried.set(source, `${site.name} ${urlPath}`);
      }
      // Event-handler attributes and javascript: URLs would be blocked by the CSP: dead code, or injected.
      for (const element of root.querySelectorAll("*")) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.key) || /^\s*javascript:/i.test(String(attribute.value ?? ""))) handlers.push(`${site.name} ${urlPath}: <${element.tagName} ${attribute.key}>`);
        }
      }
    }
  }
  assert.ok(carried.size > 0, "GOV.UK Frontend's template carries an inline script; none was found");
  const missing = [...carried].filter(([source]) => !allowed.has(source)).map(([source, page]) => `${source} (on ${page}) is not in script-src`);
  const stale = [...allowed].filter((source) => !carried.has(source)).map((source) => `${source} is in script-src but no page carries it`);
  assert.deepEqual([...missing, ...stale], []);
  assert.deepEqual(handlers, []);
});
