// ESLint: the recommended rules of ESLint and typescript-eslint (not the type-aware set: see docs/performance.md).
import { createRequire, registerHooks } from "node:module";
import path from "node:path";
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";

// typescript-eslint needs TypeScript's JavaScript API, which TypeScript 7 (the project's `tsc`) no longer has.
// TypeScript 6 is installed in tools/typescript6 (nested there, so its `tsc` cannot take TypeScript 7's place in
// node_modules/.bin), and this hook sends every `typescript` import made while linting to it. The override in
// package.json lets typescript-eslint install beside TypeScript 7. Remove all three once typescript-eslint supports
// TypeScript 7 (typescript-eslint issue 10940).
const typescript6 = path.dirname(createRequire(path.join(import.meta.dirname, "tools/typescript6/")).resolve("typescript/package.json"));
registerHooks({
  resolve(specifier, context, nextResolve) {
    const isTypescript = specifier === "typescript" || specifier.startsWith("typescript/");
    return nextResolve(isTypescript ? typescript6 + specifier.slice("typescript".length) : specifier, context);
  },
});
// Imported once the hook is in place.
const { default: tseslint } = await import("typescript-eslint");

export default defineConfig(
  globalIgnores(["_site/", "_test-site*/", "_site.old-*/", "test-results/", "playwright-report/", ".cache/", "tools/typescript6/node_modules/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Control characters in patterns are deliberate here: the content checks, the XML writers and the one-byte
      // output all find or strip them.
      "no-control-regex": "off",
      // Biome owns line breaks and always writes semicolons, so the ASI slips this rule looks for cannot happen, and
      // it would flag Biome's own layout of a long `a.get(k)!\n[key]` chain.
      "no-unexpected-multiline": "off",
      // `const { a: _a, ...rest } = o` drops a field; an `_` name says a value is unused on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      // Playwright reads a test's fixtures from its first parameter, so a test that needs none writes `{}`.
      "no-empty-pattern": ["error", { allowObjectPatternsAsParameters: true }],
    },
  },
  {
    // Scripts served to browsers as they are (lib/eleventy/client/): the browser's globals they use.
    files: ["lib/eleventy/client/**/*.js"],
    languageOptions: {
      globals: Object.fromEntries(
        ["document", "window", "navigator", "URLSearchParams", "FormData", "HTMLFormElement", "HTMLInputElement", "HTMLSelectElement"].map((name) => [name, "readonly"]),
      ),
    },
  },
);
