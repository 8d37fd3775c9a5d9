/**
 * npm run build [-- --output=DIR]: builds the site into a fresh folder beside the output folder and renames it into
 * place only when the whole build succeeded. The output folder is always the last good site (or absent): a failed,
 * interrupted or killed build leaves it as it was. The output folder comes from --output, else GOVNEWS_OUTPUT,
 * else _site, and is refused if it is, contains or sits inside a source folder (lib/build/output-folder.ts).
 * Other arguments go to the batched Eleventy runs (lib/build/batched-build.ts: `--pages-per-batch=N`).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { resolveOptions } from "../lib/eleventy/options.ts";
import { outputFolderProblem, removeAbandonedBuilds, stagingFolderFor, swapInBuild } from "../lib/build/output-folder.ts";
import { withCompileCache } from "../lib/build/compile-cache.ts";

/** The same Node options as npm start (package.json; a test checks they agree). */
export const BUILD_NODE_OPTIONS = ["--max-semi-space-size=8"];

/** Splits our --output flag (either form) from the arguments for Eleventy. */
export function parseBuildArguments(args: readonly string[]): { output?: string; rest: string[] } {
  let output: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--output" || arg === "-o") output = args[++i];
    else if (arg.startsWith("--output=")) output = arg.slice("--output=".length);
    else rest.push(arg);
  }
  return { output, rest };
}

/**
 * The build's command line: Eleventy with our config, in batches of pages when the archive is large
 * (lib/build/batched-build.ts), with the Node options npm start has too, and gc exposed for the driver's
 * collection between batches.
 */
export function buildCommand(staging: string, rest: readonly string[]): string[] {
  const driver = path.join(path.dirname(import.meta.dirname), "lib/build/batched-build.ts");
  return [...BUILD_NODE_OPTIONS, "--expose-gc", driver, `--output=${staging}`, ...rest];
}

async function main(): Promise<number> {
  const { output: flag, rest } = parseBuildArguments(process.argv.slice(2));
  const options = resolveOptions({}, process.env);
  const output = path.resolve(flag ?? options.outputDir);
  const problem = outputFolderProblem(output, { root: path.resolve(options.root), content: path.resolve(options.root, options.contentDir) });
  if (problem) {
    console.error(`govnews: ${problem}`);
    return 2;
  }
  removeAbandonedBuilds(output);
  const staging = stagingFolderFor(output);
  fs.rmSync(staging, { recursive: true, force: true });
  const child = spawn(process.execPath, buildCommand(staging, rest), {
    stdio: "inherit",
    // The plugin reads the output folder from Eleventy; this keeps its own default in step. Node's compile cache
    // spares the build compiling the same modules again each time (lib/build/compile-cache.ts).
    env: withCompileCache({ ...process.env, GOVNEWS_OUTPUT: staging }),
  });
  // Ctrl-C or a stop from CI reaches the build too; the staging folder is removed below, the site left as it was.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  const status = await new Promise<number>((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  if (status !== 0) {
    fs.rmSync(staging, { recursive: true, force: true });
    console.error(`govnews: the build failed; ${fs.existsSync(output) ? `${path.relative(".", output) || output} still holds the last good site` : "no site was written"}.`);
    return status;
  }
  swapInBuild(staging, output);
  return 0;
}

if (import.meta.main) process.exit(await main());
