/**
 * The tests are split by speed: tests/unit/ is pure and quick (npm run test:unit), tests/build/ builds
 * sites (npm run test:build), tests/browser/ drives Chromium (npm run test:browser); npm test runs them all.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { BUILD_TESTS } from "../../../scripts/test.ts";

const scripts = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

test("npm run test:unit and npm run test:build run the globs npm test runs", () => {
  // test:unit runs every file in one process (scripts/test-unit.ts), npm test one process per file.
  assert.equal(scripts["test:unit"], "node scripts/test-unit.ts");
  assert.match(fs.readFileSync("scripts/test-unit.ts", "utf8"), /globPatterns: \[UNIT_TESTS\]/);
  assert.equal(scripts["test:build"], `node --test "${BUILD_TESTS}"`);
  assert.equal(scripts["test"], "node scripts/test.ts");
});

/** Every `*.test.ts` in the project (not in dependencies, git's folder or build output), as a relative path. */
function findTestFiles(folder = "."): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return /^(node_modules|\.git|_site|_test-site)/.test(entry.name) ? [] : findTestFiles(file);
    return entry.name.endsWith(".test.ts") ? [file] : [];
  });
}
const testFiles = findTestFiles();

test("every node test file is under tests/unit/ or tests/build/, so npm test runs it", () => {
  assert.ok(testFiles.length > 0);
  assert.deepEqual(
    testFiles.filter((file) => !/^tests\/(unit|build)\//.test(file)),
    [],
  );
});

test("unit tests build nothing: a test that runs Eleventy belongs in tests/build/", () => {
  const building = testFiles.filter((file) => file.startsWith("tests/unit/")).filter((file) => /from "@11ty\/eleventy"|build\/helpers\.ts"/.test(fs.readFileSync(file, "utf8")));
  assert.deepEqual(building, []);
});
