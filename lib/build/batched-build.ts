/**
 * The Eleventy side of `npm run build` (scripts/build.ts runs it, in its own process when started with the
 * build's Node options): runs Eleventy, with our config, as many times as lib/eleventy/batch.ts decides, each run writing a
 * slice of the pages into the same output folder and dropped whole before the next starts.
 *
 * Saves: memory. One Eleventy run keeps every page it makes (its data, and its HTML until the run ends), so its
 * peak grows with the archive and a 100,000-item archive runs out of memory; a run of a few thousand pages is
 * small, and only the content model (loaded once) is kept across runs. Measured in docs/performance.md (npm run
 * bench). A site of fewer pages than one batch is built in one run, as before.
 *
 *   node lib/build/batched-build.ts --output=DIR [--pages-per-batch=N]
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Eleventy } from "@11ty/eleventy";
import { PAGES_DIR } from "../eleventy/options.ts";
import { batchesOf, collectGarbage, MAX_RUNS, PAGES_PER_BATCH, runInBatch, type BuildBatches } from "../eleventy/batch.ts";
import { releaseWrittenPages } from "./eleventy-patches.ts";

/**
 * Builds the site into `output` in runs of about `pagesPerBatch` pages (by default PAGES_PER_BATCH, in at most
 * MAX_RUNS runs); resolves to the number of runs.
 */
export async function buildInBatches(output: string, pagesPerBatch?: number): Promise<number> {
  const batches: BuildBatches = { index: 0, pagesPerBatch: pagesPerBatch ?? PAGES_PER_BATCH, maxRuns: pagesPerBatch ? Number.POSITIVE_INFINITY : MAX_RUNS };
  // A run's pages' HTML goes once each page is written (no one reads a batched run's results for it).
  await releaseWrittenPages((userConfig) => batchesOf(userConfig as Parameters<typeof batchesOf>[0]) !== undefined);
  do {
    // As the Eleventy CLI makes it (cmd.cjs), with our config; `config` runs before .eleventy.ts is read.
    const eleventy = new Eleventy(PAGES_DIR, output, {
      source: "cli",
      configPath: ".eleventy.ts",
      runMode: "build",
      config: (eleventyConfig: Parameters<typeof runInBatch>[0]) => runInBatch(eleventyConfig, batches),
    });
    await eleventy.write();
    batches.index++;
    // The run's pages are garbage now; collected before the next run makes its own.
    collectGarbage();
  } while (batches.index < (batches.count ?? 1));
  return batches.index;
}

function parseArguments(args: readonly string[]): { output?: string; pagesPerBatch?: number; unknown: string[] } {
  let output: string | undefined;
  let pagesPerBatch: number | undefined;
  const unknown: string[] = [];
  for (const arg of args) {
    if (arg.startsWith("--output=")) output = arg.slice("--output=".length);
    else if (arg.startsWith("--pages-per-batch=")) pagesPerBatch = Number(arg.slice("--pages-per-batch=".length));
    else unknown.push(arg);
  }
  return { output, pagesPerBatch, unknown };
}

/**
 * Runs the batched build as its command line (`--output=DIR [--pages-per-batch=N]`) asks, with Eleventy's own error
 * reporting, as its CLI uses it: content problems print as one message, without a stack. Resolves to the exit status.
 */
export async function runBatchedBuild(args: readonly string[]): Promise<number> {
  const eleventySource = path.join(path.dirname(path.dirname(import.meta.dirname)), "node_modules/@11ty/eleventy/src");
  const { EleventyErrorHandler } = (await import(pathToFileURL(path.join(eleventySource, "Errors/EleventyErrorHandler.js")).href)) as {
    EleventyErrorHandler: new () => { fatal(error: unknown, message: string): void };
  };
  process.on("unhandledRejection", (error) => new EleventyErrorHandler().fatal(error, "Unhandled rejection in promise"));
  process.on("uncaughtException", (error) => new EleventyErrorHandler().fatal(error, "Uncaught exception"));
  const { output, pagesPerBatch, unknown } = parseArguments(args);
  if (!output || unknown.length > 0 || (pagesPerBatch !== undefined && !(pagesPerBatch >= 1))) {
    console.error(`Usage: node lib/build/batched-build.ts --output=DIR [--pages-per-batch=N]${unknown.length ? `\nUnknown: ${unknown.join(" ")}` : ""}`);
    return 2;
  }
  try {
    await buildInBatches(output, pagesPerBatch);
  } catch (error) {
    new EleventyErrorHandler().fatal(error, "Eleventy Fatal Error (CLI)");
  }
  // The error handler reports a failure by the exit code it sets.
  return Number(process.exitCode ?? 0);
}

if (import.meta.main) process.exitCode = await runBatchedBuild(process.argv.slice(2));
