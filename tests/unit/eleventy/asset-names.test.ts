import { test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import { fingerprint, govnewsScript, hashedAssetPath, HASHED_ASSETS } from "../../../lib/eleventy/asset-names.ts";

test("fingerprint: 16 hex digits of SHA-256, the same for the same content in any form, different otherwise", () => {
  const text = "a{color:red}";
  assert.equal(fingerprint(text), crypto.createHash("sha256").update(text).digest("hex").slice(0, 16));
  assert.equal(fingerprint(Buffer.from(text)), fingerprint(text));
  assert.match(fingerprint(""), /^[0-9a-f]{16}$/);
  assert.notEqual(fingerprint("a{color:blue}"), fingerprint(text));
});

const pathCases: Array<[base: string, hash: string, extension: string, expected: string]> = [
  ["govnews", "0123456789abcdef", ".css", "/assets/hashed/govnews-0123456789abcdef.css"],
  ["govnews", "fedcba9876543210", ".js", "/assets/hashed/govnews-fedcba9876543210.js"],
  ["govuk-frontend", "00ff00ff00ff00ff", ".min.js", "/assets/hashed/govuk-frontend-00ff00ff00ff00ff.min.js"],
];
for (const [base, hash, extension, expected] of pathCases) {
  test(`hashedAssetPath: ${expected}`, () => {
    const built = hashedAssetPath(base, hash, extension);
    assert.equal(built, expected);
    assert.ok(built.startsWith(HASHED_ASSETS), "in the one folder netlify.toml caches as immutable");
  });
}

test("hashedAssetPath: a fingerprint that is not hex (an empty key, a path) is refused", () => {
  for (const hash of ["", "../x", "ABC", "12 34"]) assert.throws(() => hashedAssetPath("govnews", hash, ".css"), /not a hex fingerprint/, hash);
});

test("govnewsScript: imports GOV.UK Frontend by its fingerprinted name, as a sibling; a new frontend changes the text", () => {
  const a = govnewsScript("/assets/hashed/govuk-frontend-0123456789abcdef.min.js");
  assert.equal(a, 'import { initAll } from "./govuk-frontend-0123456789abcdef.min.js";\ninitAll();\n');
  assert.notEqual(fingerprint(govnewsScript("/assets/hashed/govuk-frontend-1111111111111111.min.js")), fingerprint(a));
});
