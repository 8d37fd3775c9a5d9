// netlify.toml as Netlify reads it: its own parsers accept the file, Google's CSP Evaluator finds nothing of high
// severity in the CSP, and every header this site relies on is there. tests/build/headers.test.ts checks the
// rules against every file of a built site (cache rules, no two rules setting one header, script hashes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseAllHeaders } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { CspEvaluator, DEFAULT_CHECKS, STRICTCSP_CHECKS } from "csp_evaluator/dist/evaluator.js";
import { CspParser } from "csp_evaluator/dist/parser.js";
import { Severity } from "csp_evaluator/dist/finding.js";
import { headersForPath, loadHeaderRules, type HeaderRule } from "../../../scripts/netlify-headers.ts";

const NETLIFY_TOML = "netlify.toml";

let rules: HeaderRule[];
test.before(async () => {
  rules = await loadHeaderRules(NETLIFY_TOML);
});

/** The one rule for `for`, or a failure naming it. */
function ruleFor(forPath: string): HeaderRule {
  const found = rules.filter((rule) => rule.for === forPath);
  assert.equal(found.length, 1, `netlify.toml has ${found.length} rules for "${forPath}", expected one`);
  return found[0]!;
}

/** A header of the rule for "/*" (the one every path gets), by case-insensitive name. */
function siteHeader(name: string): string {
  const entry = Object.entries(ruleFor("/*").values).find(([key]) => key.toLowerCase() === name.toLowerCase());
  assert.ok(entry, `netlify.toml sets no ${name} for "/*"`);
  return entry[1];
}

const csp = () => new CspParser(siteHeader("Content-Security-Policy")).csp;

test("Netlify's own parsers read netlify.toml without an error", async () => {
  const headers = await parseAllHeaders({ headersFiles: [], netlifyConfigPath: NETLIFY_TOML, configHeaders: [], minimal: false });
  assert.deepEqual(
    headers.errors.map((e) => e.message),
    [],
  );
  assert.ok(headers.headers.length > 5, `only ${headers.headers.length} header rules read`);
  const redirects = await parseAllRedirects({ redirectsFiles: [], netlifyConfigPath: NETLIFY_TOML, configRedirects: [], minimal: false });
  assert.deepEqual(
    redirects.errors.map((e: { message: string }) => e.message),
    [],
  );
});

test("CSP Evaluator: no finding of high severity (nor a syntax error) in the CSP", () => {
  // All checks, the strict-CSP ones included; lower numbers are more severe (HIGH = 10, SYNTAX = 20).
  const findings = new CspEvaluator(csp()).evaluate(STRICTCSP_CHECKS, DEFAULT_CHECKS);
  const serious = findings.filter((f) => f.severity <= Severity.SYNTAX);
  assert.deepEqual(
    serious.map((f) => `${f.directive} ${f.value ?? ""}: ${f.description} (severity ${Severity[f.severity]})`),
    [],
  );
});

// directive → exactly these sources (in any order)
const exactDirectives: Array<[string, string[]]> = [
  ["default-src", ["'self'"]],
  ["object-src", ["'none'"]],
  ["base-uri", ["'self'"]],
  ["form-action", ["'self'"]],
  ["frame-ancestors", ["'none'"]],
  ["frame-src", ["'none'"]],
  ["style-src", ["'self'"]],
];
for (const [directive, expected] of exactDirectives) {
  test(`CSP: ${directive} ${expected.join(" ")}`, () => {
    assert.deepEqual([...(csp().directives[directive] ?? [])].sort(), [...expected].sort());
  });
}

test("CSP: scripts only from this origin and by hash, and WebAssembly for search: no 'unsafe-inline', 'unsafe-eval', 'unsafe-hashes', scheme or wildcard", () => {
  const scripts = csp().directives["script-src"] ?? [];
  assert.ok(scripts.includes("'self'"), "script-src 'self' (our fingerprinted module)");
  // Pagefind's WebAssembly (the search page): compiling WebAssembly, and no eval of JavaScript.
  assert.ok(scripts.includes("'wasm-unsafe-eval'"), "script-src 'wasm-unsafe-eval' (search)");
  const others = scripts.filter((source) => source !== "'self'" && source !== "'wasm-unsafe-eval'");
  assert.ok(others.length > 0, "script-src lists the hash of GOV.UK Frontend's inline script");
  for (const source of others) assert.match(source, /^'sha256-[A-Za-z0-9+/]{43}='$/, `script-src ${source}`);
  for (const directive of ["script-src-elem", "script-src-attr"]) assert.equal(csp().directives[directive], undefined, `${directive} would widen script-src`);
});

test("CSP: no 'unsafe-inline' or 'unsafe-eval' anywhere", () => {
  for (const [directive, sources] of Object.entries(csp().directives)) {
    for (const source of sources ?? []) assert.doesNotMatch(source, /^'unsafe-/, `${directive} ${source}`);
  }
});

test("Strict-Transport-Security: at least a year, subdomains included", () => {
  const hsts = siteHeader("Strict-Transport-Security");
  const maxAge = Number(/(?:^|;)\s*max-age=(\d+)/i.exec(hsts)?.[1]);
  assert.ok(maxAge >= 31536000, `max-age ${maxAge} is under a year`);
  assert.match(hsts, /;\s*includeSubDomains\b/i);
});

const DENIED_FEATURES = [
  "accelerometer",
  "autoplay",
  "camera",
  "display-capture",
  "geolocation",
  "gyroscope",
  "hid",
  "magnetometer",
  "microphone",
  "midi",
  "payment",
  "publickey-credentials-get",
  "serial",
  "usb",
  "xr-spatial-tracking",
  "browsing-topics",
];
test("Permissions-Policy: powerful features the site never uses are denied to it and anything it embeds", () => {
  const policy = new Map(
    siteHeader("Permissions-Policy")
      .split(",")
      .map((item) => item.trim().split("=") as [string, string]),
  );
  for (const feature of DENIED_FEATURES) assert.equal(policy.get(feature), "()", `${feature}=()`);
  for (const [feature, allow] of policy) assert.equal(allow, "()", `${feature} is allowed to ${allow}`);
});

const simpleHeaders: Array<[string, string]> = [
  ["X-Content-Type-Options", "nosniff"],
  ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["X-Frame-Options", "DENY"],
];
for (const [name, value] of simpleHeaders) {
  test(`${name}: ${value}, on every path`, () => {
    assert.equal(siteHeader(name), value);
  });
}

test("immutable caching is given by one rule only, the fingerprinted folder's", () => {
  const immutable = rules.filter((rule) => Object.entries(rule.values).some(([name, value]) => name.toLowerCase() === "cache-control" && /\bimmutable\b/i.test(value)));
  assert.deepEqual(
    immutable.map((rule) => rule.for),
    ["/assets/hashed/*"],
  );
  assert.equal(ruleFor("/assets/hashed/*").values["Cache-Control"], "public, max-age=31536000, immutable");
});

// Feeds keep the content types that let a browser show them through /feed.xsl, and feed readers read them.
const feedTypes: Array<[string, string]> = [
  ["/feed.xml", "application/xml; charset=utf-8"],
  ["/tags/data/feed.xml", "application/xml; charset=utf-8"],
  ["/sitemap.xml", "application/xml; charset=utf-8"],
  ["/feed.atom", "application/atom+xml; charset=utf-8"],
  ["/feed.json", "application/feed+json; charset=utf-8"],
  ["/feeds.opml", "text/x-opml; charset=utf-8"],
  ["/feed.xsl", "text/xsl; charset=utf-8"],
];
for (const [urlPath, type] of feedTypes) {
  test(`${urlPath} is served as ${type}`, () => {
    assert.equal(headersForPath(rules, urlPath)["Content-Type"], type);
  });
}

test("/build.json, read by the scheduled-publish workflow, is never cached", () => {
  assert.equal(headersForPath(rules, "/build.json")["Cache-Control"], "no-store, max-age=0");
});
