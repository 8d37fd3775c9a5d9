/**
 * npm run build [-- --output=DIR]: builds the site into a fresh folder beside the output folder and renames it into
 * place only when the whole build succeeded. The output folder is always the last good site (or absent): a failed,
 * interrupted or killed build leaves it as it was. The output folder comes from --output, else GOVNEWS_OUTPUT,
 * else _site, and is refused if it is, contains or sits inside a source folder (lib/build/output-folder.ts).
 * Other arguments go to the batched Eleventy runs (lib/build/batched-build.ts: `--pages-per-batch=N`).
 *
 * The build runs in this process when Node was started with the build's options (BUILD_PROCESS_OPTIONS, as
 * package.json's "build" starts it): a second process only to wait for the first held memory through the whole
 * build that plain Eleventy, in one process, does not (docs/performance.md). Started without them (`node
 * scripts/build.ts`), it runs itself again with them, in a child.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import module from "node:module";
import path from "node:path";
import { resolveOptions } from "../lib/eleventy/options.ts";
import { outputFolderProblem, removeAbandonedBuilds, stagingFolderFor, swapInBuild } from "../lib/build/output-folder.ts";
import { withCompileCache } from "../lib/build/compile-cache.ts";

/**
 * V8's growing factor for an old generation: the next full collection comes once it has grown to half again what the
 * last one kept, where V8 would let an allocation-heavy thread's grow up to four times that (docs/performance.md,
 * The build's V8 options). A V8 flag, not Node's: a Node upgrade (the `node` package in package.json) that dropped
 * it would fail the build tests, which build with it.
 */
export const OLD_GENERATION_GROWTH = "--heap-growing-percent=50";

/**
 * The build's Node options, since its peak memory is a target: a small young generation, as its pages are dropped
 * run by run anyway (batched-build.ts), and the growing factor above.
 */
export const BUILD_NODE_OPTIONS = ["--max-semi-space-size=4", OLD_GENERATION_GROWTH];

/** What the build's process is started with: the build's options, and gc exposed for the collection between batches. */
export const BUILD_PROCESS_OPTIONS = [...BUILD_NODE_OPTIONS, "--expose-gc"];

/**
 * npm start's (package.json; a test checks they agree): a larger young generation than the build's. A rebuild after
 * a save makes much short-lived garbage, which a small one promotes to the old generation, to be collected there at
 * greater cost; a save shows sooner, for a dev server's larger memory (docs/performance.md, Local preview). The
 * build's growing factor all the same: what rebuilds promote is garbage by the next save, which V8 would otherwise
 * let pile up to several times what the server keeps.
 */
export const PREVIEW_NODE_OPTIONS = ["--max-semi-space-size=32", OLD_GENERATION_GROWTH];

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
 * The build's environment on Linux (glibc): at most two malloc arenas. glibc gives each thread that allocates an
 * arena of its own, up to eight a core, and keeps what is freed in each for reuse; the build's threads (the page
 * thread, the render-ahead and search workers, libuv's and V8's helpers) each held memory the others could not use.
 * Read by glibc when the process starts; elsewhere (musl, macOS, Windows) it means nothing. Measured in
 * docs/performance.md (npm run bench).
 */
export const BUILD_ENVIRONMENT = { MALLOC_ARENA_MAX: "2" };

/**
 * Whether the environment lacks a setting of BUILD_ENVIRONMENT (then the build's process starts again with it). One
 * set otherwise, by whoever runs the build, is theirs to keep.
 */
export function lacksBuildEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return Object.keys(BUILD_ENVIRONMENT).some((name) => env[name] === undefined);
}

/** Whether this process was started with the build's options, so that the build can run in it. */
export function hasBuildOptions(execArgv: readonly string[] = process.execArgv): boolean {
  return BUILD_PROCESS_OPTIONS.every((option) => execArgv.includes(option));
}

/** Runs `args` in a child process and passes on stops; resolves to its exit status. */
async function runChild(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, args, { stdio: "inherit", env });
  // Ctrl-C or a stop from CI reaches the build too.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  return new Promise<number>((resolve) => child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<number> {
  // Node's compile cache spares the build compiling the same modules again each time (lib/build/compile-cache.ts).
  const env: NodeJS.ProcessEnv = { ...BUILD_ENVIRONMENT, ...withCompileCache(process.env) };
  if (!hasBuildOptions()) return runChild([...BUILD_PROCESS_OPTIONS, import.meta.filename, ...process.argv.slice(2)], env);
  // With the options but not the environment (npm run build): this process becomes the build's again, with it. The
  // same process (execve), so nothing waits beside the build; on Linux only, where the environment means anything.
  if (process.platform === "linux" && lacksBuildEnvironment() && typeof process.execve === "function") {
    process.execve(process.execPath, [process.execPath, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)], env);
  }
  process.env.NODE_COMPILE_CACHE = env.NODE_COMPILE_CACHE;
  module.enableCompileCache?.(env.NODE_COMPILE_CACHE);
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
  const failed = () => {
    fs.rmSync(staging, { recursive: true, force: true });
    console.error(`govnews: the build failed; ${fs.existsSync(output) ? `${path.relative(".", output) || output} still holds the last good site` : "no site was written"}.`);
  };
  // Ctrl-C or a stop from CI: the staging folder is removed, the site left as it was.
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.on(signal, () => {
      failed();
      process.exit(code);
    });
  }
  // The plugin reads the output folder from Eleventy; this keeps its own default in step.
  process.env.GOVNEWS_OUTPUT = staging;
  const { runBatchedBuild } = await import("../lib/build/batched-build.ts");
  const status = await runBatchedBuild([`--output=${staging}`, ...rest]);
  if (status !== 0) {
    failed();
    return status;
  }
  swapInBuild(staging, output);
  return 0;
}

if (import.meta.main) process.exit(await main());
