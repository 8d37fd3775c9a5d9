/**
 * `npm test`: every test, in one command.
 *   1. find a Chromium (or install Debian's as root with apt-get, or stop and say what to install)
 *   2. typecheck (tsc), then npm run lint (ESLint, Stylelint) and npm run format:check (Biome)
 *   3. browser tests (Playwright + axe over built sites), ending on "Browser tests: N passed, N failed"
 *   4. unit and build tests (tests/unit/, tests/build/) in one node --test run, last, so the run ends on node's
 *      summary and that summary counts both
 * Exits non-zero if any step fails; later steps still run so one run shows every failure.
 * Each step alone: npm run typecheck, npm run test:browser, npm run test:unit, npm run test:build.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import fs from "node:fs";

/** The globs of npm run test:unit (pure, quick) and npm run test:build (real builds): see package.json. */
export const UNIT_TESTS = "tests/unit/**/*.test.ts";
export const BUILD_TESTS = "tests/build/**/*.test.ts";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

function run(command: string, args: string[], options: SpawnSyncOptions = {}): number {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env, exists = fs.existsSync): string | undefined {
  if (env.CHROMIUM_PATH && exists(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
  return CANDIDATES.find((p) => exists(p));
}

function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("No Chromium found: installing Debian's chromium with apt-get …");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (run("apt-get", ["update", "-qq"], { env }) === 0 && run("apt-get", ["install", "-y", "-qq", "chromium"], { env }) === 0) {
      const installed = findChromium();
      if (installed) return installed;
    }
  }
  console.error(
    "The browser tests need Chromium, and none was found.\n" +
      "Install it, e.g. `sudo apt-get install chromium` on Debian or Ubuntu, or set CHROMIUM_PATH to a Chromium or Chrome binary.\n" +
      "(Playwright's own browser download is not used: this project tests in the system's Chromium.)",
  );
  process.exit(1);
}

if (import.meta.main) {
  const chromium = ensureChromium();
  const env = { ...process.env, CHROMIUM_PATH: chromium, CI: process.env.CI ?? "1" };
  const failures: string[] = [];
  if (run(process.execPath, ["node_modules/typescript/bin/tsc"], { env }) !== 0) failures.push("typecheck");
  // Through npm, so the commands are written once, in package.json.
  for (const script of ["lint", "format:check"]) if (run("npm", ["run", "--silent", script], { env }) !== 0) failures.push(script);
  if (run(process.execPath, ["node_modules/@playwright/test/cli.js", "test"], { env }) !== 0) failures.push("browser tests");
  if (failures.length) console.log(`Failed so far: ${failures.join(", ")}`);
  if (run(process.execPath, ["--test", UNIT_TESTS, BUILD_TESTS], { env }) !== 0) failures.push("unit and build tests");
  process.exit(failures.length ? 1 : 0);
}
