/**
 * Lighthouse on a few pages of the sample site, as a phone would load them (Lighthouse's default mobile emulation
 * and simulated slow 4G), against the issue's targets: accessibility, best practices and SEO at 1, performance at
 * least 0.95. Not part of `npm test`: it needs Chromium and takes a minute or more.
 *
 *   npm run lighthouse                     build the sample site into _site (as npm run build does), then measure
 *   npm run lighthouse -- --site=_site     measure a site already built, without building
 *   npm run lighthouse -- --runs=3         run each page three times and report the median of each score
 *
 * Lighthouse is a package of its own in tools/lighthouse/ (kept out of the root package.json so that `npm ci`
 * stays light), installed there from its lock file the first time this runs. Chromium comes from CHROMIUM_PATH,
 * else /usr/bin/chromium. The site is served by scripts/serve.ts with netlify.toml's headers, compressed as
 * Netlify compresses it. A page whose file is not in the build (the search page before it exists) is skipped,
 * and says so. Exits with 1 when a score is below its target, 2 when it cannot measure. Figures go in
 * docs/performance.md.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { AddressInfo } from "node:net";
import { buildSite } from "./build-site.ts";
import { serve, resolveFile } from "./serve.ts";
import { loadHeaderRules } from "./netlify-headers.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const TOOL = path.join(ROOT, "tools/lighthouse");
const CLI = path.join(TOOL, "node_modules/lighthouse/cli/index.js");

/** The pages measured: the home page, an article with a lead image, and the search page, empty and with results. */
export const LIGHTHOUSE_PAGES: readonly { label: string; path: string }[] = [
  { label: "home", path: "/" },
  { label: "article", path: "/news/localgate-shared-council-platform/" },
  { label: "search", path: "/search/" },
  // With a query, as a reader arrives from the header's search box: Pagefind loads and shows results.
  { label: "results", path: "/search/?q=council" },
];

/** The lowest score each category may have (issue 17). */
export const LIGHTHOUSE_TARGETS = { performance: 0.95, accessibility: 1, "best-practices": 1, seo: 1 } as const;

export type Category = keyof typeof LIGHTHOUSE_TARGETS;
const CATEGORIES = Object.keys(LIGHTHOUSE_TARGETS) as Category[];

/** Installs Lighthouse into tools/lighthouse/ if it is not there yet: from the lock file, or afresh without one. */
function ensureLighthouse(): void {
  if (fs.existsSync(CLI)) return;
  const locked = fs.existsSync(path.join(TOOL, "package-lock.json"));
  console.log(`Installing Lighthouse into tools/lighthouse/ (npm ${locked ? "ci" : "install"}) …`);
  // Our Node first on the PATH, so npm checks Lighthouse's engines against the Node that runs it.
  const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` };
  const result = spawnSync("npm", [locked ? "ci" : "install", "--prefix", TOOL, "--no-audit", "--no-fund"], { stdio: "inherit", env });
  if (result.status !== 0 || !fs.existsSync(CLI)) throw new Error("Installing Lighthouse into tools/lighthouse/ failed (see npm's messages above).");
}

interface Report {
  categories: Record<Category, { score: number | null }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string }>;
}

/** One Lighthouse run of `url`, as its JSON report. Asynchronous: the server answering it runs in this process. */
async function runLighthouse(url: string, chrome: string, userDataDir: string): Promise<Report> {
  const flags = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${userDataDir}`,
  ];
  const child = spawn(
    process.execPath,
    [CLI, url, "--output=json", "--output-path=stdout", "--quiet", `--only-categories=${CATEGORIES.join(",")}`, `--chrome-flags=${flags.join(" ")}`],
    { env: { ...process.env, CHROME_PATH: chrome }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (status !== 0) throw new Error(`Lighthouse failed on ${url}:\n${Buffer.concat(stderr).toString("utf8")}`);
  return JSON.parse(Buffer.concat(stdout).toString("utf8")) as Report;
}

/** A run, and once more if Lighthouse fails: on a busy machine it now and then loses the page load's trace. */
async function runWithRetry(url: string, chrome: string, userDataDir: string): Promise<Report> {
  try {
    return await runLighthouse(url, chrome, userDataDir);
  } catch (error) {
    console.log(`${(error as Error).message.trim()}\nTrying once more …`);
    return runLighthouse(url, chrome, userDataDir);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The audits that cost a page points: failed binary audits and numeric ones under 0.9, worst first. */
function weakAudits(report: Report): string[] {
  return Object.values(report.audits)
    .filter((a) => a.score !== null && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual" && a.score < 0.9)
    .sort((a, b) => a.score! - b.score!)
    .map((a) => `${a.id} (${a.score}${a.displayValue ? `, ${a.displayValue}` : ""}): ${a.title}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { site: { type: "string" }, runs: { type: "string", default: "1" } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number of at least 1, not ${values.runs}`);
  const chrome = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chrome)) throw new Error(`No Chromium at ${chrome}: set CHROMIUM_PATH.`);
  ensureLighthouse();

  let site = values.site;
  if (!site) {
    site = "_site";
    console.log("Building the sample site into _site …");
    const built = buildSite({ content: "content", output: site }, ROOT);
    if (built.status !== 0) throw new Error(`The build failed:\n${built.stdout}\n${built.stderr}`);
  }
  const root = path.resolve(ROOT, site);
  if (!fs.existsSync(path.join(root, "index.html"))) throw new Error(`${site} holds no built site (no index.html).`);

  const server = serve(root, 0, await loadHeaderRules(process.env.NETLIFY_TOML ?? path.join(ROOT, "netlify.toml")), { compress: true });
  await new Promise((resolve) => server.once("listening", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-lighthouse-"));
  const rows: { label: string; path: string; scores: Record<Category, number> }[] = [];
  const weak: string[] = [];
  try {
    for (const page of LIGHTHOUSE_PAGES) {
      if (!resolveFile(root, page.path)) {
        console.log(`Skipped ${page.label} (${page.path}): not in this build.`);
        continue;
      }
      const reports: Report[] = [];
      for (let run = 1; run <= runs; run++) {
        console.log(`Lighthouse: ${page.label} (${page.path})${runs > 1 ? `, run ${run} of ${runs}` : ""} …`);
        reports.push(await runWithRetry(origin + page.path, chrome, userDataDir));
      }
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(reports.map((r) => r.categories[c].score ?? 0))])) as Record<Category, number>;
      rows.push({ label: page.label, path: page.path, scores });
      if (CATEGORIES.some((c) => scores[c] < LIGHTHOUSE_TARGETS[c])) weak.push(`${page.label} (${page.path}):`, ...weakAudits(reports[0]!).map((line) => `  ${line}`));
    }
  } finally {
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }

  const header = ["page", "path", ...CATEGORIES];
  const table = [header, ...rows.map((r) => [r.label, r.path, ...CATEGORIES.map((c) => r.scores[c].toFixed(2))])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  console.log();
  for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
  console.log(`targets: ${CATEGORIES.map((c) => `${c} ≥ ${LIGHTHOUSE_TARGETS[c]}`).join(", ")}`);
  if (rows.length === 0) {
    console.error("No page was measured.");
    return 2;
  }
  if (weak.length > 0) {
    console.error(`\nBelow target. The audits that cost points (first run of each page):\n${weak.join("\n")}`);
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  try {
    process.exit(await main());
  } catch (error) {
    console.error(`lighthouse: ${(error as Error).message}`);
    process.exit(2);
  }
}
