/**
 * npm run bench: how fast and how big the related-articles engine is, against a naive baseline, and what it
 * adds to a full site build.
 *
 *   npm run bench                      engine at 1,000, 10,000 and 50,000 items, then full builds at 1,000 and 10,000
 *   npm run bench -- --engine-only     engine only (quick)
 *   npm run bench -- --sizes=1000,5000 --build-sizes=1000 --seed=2 --repeats=5 --engine-repeats=5 --no-tmpfs
 *   npm run bench -- --baseline=../before   also run an earlier checkout (with its node_modules) in the same rounds
 *
 * Engine: each size runs in fresh child processes (`node --expose-gc`), --engine-repeats of them (default 3;
 * one at 50,000 items and above), and the run with the median engine time is shown with the range. The synthetic corpus
 * (scripts/generate-corpus.ts) is generated in memory first and not counted. Measured: wall and CPU time of
 * buildRelatedIndex plus get() for every item; peak RSS while the engine runs (on Linux the kernel's high-water
 * mark, reset just before; elsewhere sampled every 2 ms by a worker thread) minus RSS just before it, i.e. the
 * engine's own peak; the heap the finished index keeps. The naive
 * baseline (lib/related/naive.ts: every pair, count shared tags, sort) runs in the same child at 1,000 and
 * 10,000 items. Precision@5 uses the corpus's topic labels (a synthetic corpus is easy; the labelled fixture in
 * tests/fixtures/related is the real quality check).
 *
 * Full builds: the corpus is written to _test-site-bench/ (git-ignored) and built as `npm run build` builds it
 * (scripts/build.ts: Eleventy with our config in batches of pages, with its Node options, into a folder renamed into place). One untimed warm-up build per size, then --repeats rounds; a
 * round builds, in each place, three sites back to back (order rotating by round): as is, with
 * GOVNEWS_RELATED=off (the plugin's switch for related articles), and the yardstick: a plain Eleventy 3 site
 * over the same corpus (scripts/bench-vanilla/), as the issue's "Eleventy without related articles" anchor.
 * Besides the ratio of medians, the overhead and the yardstick ratio are given per round, where a machine's
 * drift during the run cancels out. Each build starts with no output folder, after `sync` (and, as root, an
 * emptied page cache): a build's wall time on this kind of virtual machine otherwise depends on how much dirty
 * data earlier runs left. Builds write to the project's
 * disk and, where /dev/shm exists, to tmpfs as well, which separates the file system's cost from ours. Wall
 * time and the build process's peak RSS (all threads) come from GNU time (`/usr/bin/time -f %M`), and the peak of
 * all the build's processes together (Pagefind's beside Node's) from sampling them (scripts/bench-process.ts);
 * medians are printed with the range.
 *
 * Large archives (issue 18): --skip-off leaves out the related-off build, --timeout-min=N stops a build (with its
 * processes) that runs longer and reports it as not finished (plain Eleventy runs out of memory at 100,000 items
 * after many minutes), --warm-up-max=N skips the warm-up build for larger sizes, e.g.
 *   npm run bench -- --sizes=10000 --build-sizes=10000,30000,100000 --repeats=1 --skip-off --timeout-min=10 --warm-up-max=30000 --no-tmpfs
 *
 * Then the local preview's latency (issue 18): scripts/bench-preview.ts (npm run bench:preview) on
 * --preview-items=N items (default 10,000) with --preview-edits=N edits (default 20); --skip-preview leaves it out,
 * as --engine-only does.
 *
 * --baseline=<dir>: before and after in one run. <dir> is another checkout of this project (e.g. `git worktree add
 * ../before <commit>` plus `npm ci` there). Its engine runs in the same loop, alternating with ours, through its
 * own scripts/bench.ts --child-engine; its build is a fourth build in every round (its own scripts/build.ts, same
 * corpus). The summary gives ours against it, paired by round, which is how a refactoring shows it kept the speed.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { buildRelatedIndex } from "../lib/related/engine.ts";
import { naiveRelated } from "../lib/related/naive.ts";
import { generateCorpus, generateCorpusItems } from "./generate-corpus.ts";
import { runMeasured } from "./bench-process.ts";
import { BUILD_PROCESS_OPTIONS } from "./build.ts";
import { withCompileCache } from "../lib/build/compile-cache.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const BENCH_DIR = "_test-site-bench";
const VANILLA_DIR = path.join(ROOT, "scripts/bench-vanilla");
const MB = 1024 * 1024;
/** "Now" for the builds: after the corpus's last date (1 November 2026), so every item is published. */
const BUILD_NOW = "2026-11-02T00:00:00Z";

type PeakMethod = "kernel" | "sampled";

interface EngineResult {
  n: number;
  peakMethod: PeakMethod;
  buildMs: number;
  getMs: number;
  cpuMs: number;
  baselineRssMb: number;
  peakRssMb: number;
  retainedHeapMb: number;
  terms: number;
  indexedTerms: number;
  postings: number;
  engineP5: number;
  naive?: { ms: number; cpuMs: number; peakRssMb: number; p5: number };
}

// -- Child: one engine run ----------------------------------------------------------------------------------------

/**
 * Peak RSS of this process from now until stop(). On Linux the kernel's own high-water mark (VmHWM in
 * /proc/self/status) is reset first (writing 5 to /proc/self/clear_refs, Linux 4.0+), so the peak is exact and
 * nothing runs beside the code being timed. Elsewhere a worker thread samples RSS every 2 ms: that thread's
 * system calls cost the timed code a few per cent on a 2-core machine (docs/performance.md), so the figures then
 * read a little slow.
 */
function startPeakRss(): { method: PeakMethod; stop(): Promise<number> } {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    const hwm = (): number => Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;
    if (Number.isFinite(hwm())) return { method: "kernel", stop: async () => Math.max(hwm(), process.memoryUsage.rss()) };
  } catch {
    // Not Linux, or /proc is read-only: sample instead.
  }
  const shared = new Float64Array(new SharedArrayBuffer(16));
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     const a = new Float64Array(workerData);
     const tick = () => { const r = process.memoryUsage.rss(); if (r > a[0]) a[0] = r; if (a[1] === 0) setTimeout(tick, 2); };
     tick();`,
    { eval: true, workerData: shared.buffer },
  );
  return {
    method: "sampled",
    async stop() {
      shared[0] = Math.max(shared[0]!, process.memoryUsage.rss());
      shared[1] = 1;
      await worker.terminate();
      return shared[0]!;
    },
  };
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function precisionAt5(lists: Map<string, readonly string[]>, topic: Map<string, string>): number {
  let total = 0;
  for (const [slug, list] of lists) total += list.slice(0, 5).filter((s) => topic.get(s) === topic.get(slug)).length / 5;
  return total / lists.size;
}

async function childEngine(n: number, seed: number, withNaive: boolean): Promise<EngineResult> {
  const { items } = generateCorpusItems({ n, seed });
  const topic = new Map(items.map((i) => [i.slug, i.topic]));
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const baseline = process.memoryUsage.rss();
  const sampler = startPeakRss();
  if (sampler.method === "sampled") await new Promise((resolve) => setTimeout(resolve, 20)); // let the sampler start

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const index = buildRelatedIndex(items);
  const t1 = performance.now();
  const lists = new Map<string, readonly string[]>();
  for (const item of items)
    lists.set(
      item.slug,
      index.get(item.slug).map((e) => e.slug),
    );
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const peak = await sampler.stop();
  gc();
  const retained = process.memoryUsage().heapUsed - heapBefore;

  const result: EngineResult = {
    n,
    peakMethod: sampler.method,
    buildMs: t1 - t0,
    getMs: t2 - t1,
    cpuMs: (cpu.user + cpu.system) / 1000,
    baselineRssMb: baseline / MB,
    peakRssMb: peak / MB,
    retainedHeapMb: retained / MB,
    terms: index.stats.terms,
    indexedTerms: index.stats.indexedTerms,
    postings: index.stats.postings,
    engineP5: precisionAt5(lists, topic),
  };

  if (withNaive) {
    gc();
    const naiveBaseline = process.memoryUsage.rss();
    const naiveSampler = startPeakRss();
    if (naiveSampler.method === "sampled") await new Promise((resolve) => setTimeout(resolve, 20));
    const c0 = process.cpuUsage();
    const s0 = performance.now();
    const naive = naiveRelated(items, 5);
    const ms = performance.now() - s0;
    const c = process.cpuUsage(c0);
    const naivePeak = await naiveSampler.stop();
    result.naive = { ms, cpuMs: (c.user + c.system) / 1000, peakRssMb: (naivePeak - naiveBaseline) / MB, p5: precisionAt5(naive, topic) };
  }
  return result;
}

// -- Parent: run children, builds, print ------------------------------------------------------------------------

function runEngineChild(n: number, seed: number, withNaive: boolean, root = ROOT): EngineResult {
  const result = spawnSync(process.execPath, ["--expose-gc", path.join(root, "scripts/bench.ts"), "--child-engine", String(n), String(seed), withNaive ? "1" : "0"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * MB,
  });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !last.startsWith("{")) {
    throw new Error(`Engine benchmark at ${n} items failed (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
  return JSON.parse(last) as EngineResult;
}

/** Each round builds our site with related articles (on), without (off), the plain Eleventy yardstick, and with --baseline the earlier checkout. */
const ALL_LABELS = ["on", "off", "vanilla", "baseline"] as const;
type Label = (typeof ALL_LABELS)[number];

interface BuildRun {
  ok: boolean;
  wallS: number;
  peakRssMb?: number;
  /** All the build's processes together (Pagefind's too), sampled: scripts/bench-process.ts. */
  peakTreeMb?: number;
  files?: string;
  error?: string;
}

const hasGnuTime = fs.existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-f", "%M", "true"], { encoding: "utf8" }).status === 0;

/** Root-only: empties the kernel's page cache, so each build starts with the same free memory. */
const canDropCaches = (() => {
  try {
    fs.accessSync("/proc/sys/vm/drop_caches", fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
})();

/**
 * One build as `npm run build` runs it (scripts/build.ts, started with BUILD_PROCESS_OPTIONS: Eleventy into a staging folder,
 * renamed into place), under GNU time when there is one (its peak RSS is the largest of the processes), with extra
 * environment. Like a CI or Netlify build, it starts with no output folder: the folder is removed first, and
 * written data flushed (and the page cache dropped, as root), none of it timed.
 */
function timedBuild(content: string, output: string, env: Record<string, string>, root = ROOT): Promise<BuildRun> {
  return timedRun(output, [...BUILD_PROCESS_OPTIONS, path.join(root, "scripts/build.ts")], root, {
    GOVNEWS_CONTENT: path.resolve(ROOT, content),
    GOVNEWS_OUTPUT: path.resolve(ROOT, output),
    GOVNEWS_NOW: BUILD_NOW,
    GOVNEWS_PREVIEW: "",
    CONTEXT: "",
    ...env,
  });
}

/**
 * The yardstick: the plain Eleventy site in scripts/bench-vanilla/ over the same corpus, run as its author would
 * (`npx @11ty/eleventy --quiet`, no Node options), from a folder holding its templates and a link to the corpus.
 */
function timedVanillaBuild(content: string, output: string): Promise<BuildRun> {
  const site = path.join(ROOT, BENCH_DIR, `vanilla-${path.basename(content)}`);
  if (!fs.existsSync(site)) prepareVanillaSite(path.resolve(ROOT, content), site);
  return timedRun(output, vanillaBuildArgs(path.resolve(ROOT, output)), site, {});
}

/** A folder for the plain Eleventy site: its templates, and a link to the corpus's news items. */
export function prepareVanillaSite(contentDir: string, site: string): void {
  fs.cpSync(VANILLA_DIR, site, { recursive: true, filter: (from) => !from.endsWith("eleventy.config.js") });
  fs.symlinkSync(path.join(contentDir, "news"), path.join(site, "news"));
}

/** Node arguments that build the plain Eleventy site (run from its folder) into output. */
export function vanillaBuildArgs(output: string): string[] {
  const eleventy = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
  return [eleventy, `--config=${path.join(VANILLA_DIR, "eleventy.config.js")}`, `--output=${output}`, "--quiet"];
}

/** A build that runs longer than this is stopped and reported as such (--timeout-min; none by default). */
let buildTimeoutMs: number | undefined;

/** Runs `node args` in cwd under GNU time (when there is one) from a clean start; see timedBuild. */
async function timedRun(output: string, args: string[], cwd: string, env: Record<string, string>): Promise<BuildRun> {
  fs.rmSync(path.resolve(ROOT, output), { recursive: true, force: true });
  spawnSync("sync");
  if (canDropCaches) fs.writeFileSync("/proc/sys/vm/drop_caches", "3");
  const marker = "@@bench ";
  const result = await runMeasured(hasGnuTime ? "/usr/bin/time" : process.execPath, hasGnuTime ? ["-f", `${marker}%M %e`, process.execPath, ...args] : args, {
    cwd,
    // Node's compile cache for every build alike, the yardstick's too: our build turns it on (compile-cache.ts),
    // and plain Eleventy gets the same, so the comparison is of the builds, not of the cache.
    env: withCompileCache({ ...process.env, ...env }),
    timeoutMs: buildTimeoutMs,
  });
  const wallS = result.wallS;
  const timeLine = result.stderr.split("\n").find((l) => l.startsWith(marker));
  // A batched build prints a line per run of Eleventy (lib/build/batched-build.ts): the files are their sum.
  const written = [...(result.stdout + result.stderr).matchAll(/Wrote (\d+) files/g)].reduce((sum, m) => sum + Number(m[1]), 0);
  const files = written > 0 ? String(written) : undefined;
  if (result.timedOut) return { ok: false, wallS, peakTreeMb: result.peakTreeMb, error: `stopped after ${fmt(buildTimeoutMs! / 60_000, 1)} min (--timeout-min)` };
  if (result.status !== 0) {
    const stderr = result.stderr
      .split("\n")
      .filter((l) => !l.startsWith(marker))
      .join("\n")
      .trim();
    return { ok: false, wallS, peakTreeMb: result.peakTreeMb, error: (stderr || result.stdout).split("\n").slice(-8).join("\n") };
  }
  return { ok: true, wallS, peakRssMb: timeLine ? Number(timeLine.slice(marker.length).split(" ")[0]) / 1024 : undefined, peakTreeMb: result.peakTreeMb, files };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const fmt = (x: number, digits = 0): string => x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pad = (s: string, width: number): string => s.padStart(width);
const signed = (x: number, digits = 0): string => `${x < 0 ? "−" : "+"}${fmt(Math.abs(x), digits)}`;

interface BenchArgs {
  engineOnly: boolean;
  sizes: number[];
  buildSizes: number[];
  seed: number;
  repeats: number;
  engineRepeats: number;
  tmpfs: boolean;
  baseline?: string;
  /** Skip the related-off build of each round (large archives: it halves the bench's time). */
  skipOff: boolean;
  timeoutMin?: number;
  warmUpMax?: number;
  /** Leave out the local preview's latency (bench-preview.ts), which otherwise follows the builds. */
  skipPreview: boolean;
  previewItems: number;
  previewEdits: number;
}

function parseArgs(argv: string[]): BenchArgs {
  const get = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const list = (value: string | undefined, fallback: number[]) => (value ? value.split(",").map((s) => Number(s.replace(/_/g, ""))) : fallback);
  const parsed = {
    engineOnly: argv.includes("--engine-only"),
    sizes: list(get("sizes"), [1_000, 10_000, 50_000]),
    buildSizes: list(get("build-sizes"), [1_000, 10_000]),
    seed: Number(get("seed") ?? 1),
    repeats: Number(get("repeats") ?? 3),
    engineRepeats: Number(get("engine-repeats") ?? 3),
    tmpfs: !argv.includes("--no-tmpfs") && fs.existsSync("/dev/shm"),
    baseline: get("baseline") === undefined ? undefined : path.resolve(get("baseline")!),
    skipOff: argv.includes("--skip-off"),
    timeoutMin: get("timeout-min") === undefined ? undefined : Number(get("timeout-min")),
    warmUpMax: get("warm-up-max") === undefined ? undefined : Number(get("warm-up-max")),
    skipPreview: argv.includes("--skip-preview"),
    previewItems: Number(get("preview-items") ?? 10_000),
    previewEdits: Number(get("preview-edits") ?? 20),
  };
  const known = [
    "--engine-only",
    "--sizes=",
    "--build-sizes=",
    "--seed=",
    "--repeats=",
    "--engine-repeats=",
    "--no-tmpfs",
    "--baseline=",
    "--skip-off",
    "--timeout-min=",
    "--warm-up-max=",
    "--skip-preview",
    "--preview-items=",
    "--preview-edits=",
  ];
  if (parsed.baseline && !fs.existsSync(path.join(parsed.baseline, "scripts/bench.ts"))) {
    console.error(`--baseline=${parsed.baseline}: not a checkout of this project (no scripts/bench.ts there).`);
    process.exit(2);
  }
  if (parsed.baseline && !fs.existsSync(path.join(parsed.baseline, "node_modules"))) {
    console.error(`--baseline=${parsed.baseline}: run npm ci there first (it has no node_modules).`);
    process.exit(2);
  }
  const unknown = argv.filter((a) => !known.some((k) => a === k || (k.endsWith("=") && a.startsWith(k))));
  if (
    unknown.length > 0 ||
    [...parsed.sizes, ...parsed.buildSizes].some((n) => !Number.isInteger(n) || n < 2) ||
    !Number.isInteger(parsed.seed) ||
    [parsed.repeats, parsed.engineRepeats, parsed.previewItems, parsed.previewEdits].some((r) => !Number.isInteger(r) || r < 1) ||
    (parsed.timeoutMin !== undefined && !(parsed.timeoutMin > 0)) ||
    (parsed.warmUpMax !== undefined && !Number.isInteger(parsed.warmUpMax))
  ) {
    console.error(
      `Usage: npm run bench [-- --engine-only] [--sizes=1000,10000,50000] [--build-sizes=1000,10000] [--seed=1] [--repeats=3] [--engine-repeats=3] [--no-tmpfs] [--baseline=<dir>] [--skip-off] [--timeout-min=N] [--warm-up-max=N] [--skip-preview] [--preview-items=N] [--preview-edits=N]${unknown.length ? `\nUnknown: ${unknown.join(" ")}` : ""}`,
    );
    process.exit(2);
  }
  return parsed;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`govnews related articles benchmark: Node ${process.version}, ${os.cpus().length} × ${cpu}, ${fmt(os.totalmem() / MB / 1024, 1)} GB RAM`);
  console.log(`Synthetic corpus: scripts/generate-corpus.ts, seed ${args.seed} (20 topics, about half untagged, bodies of 300–1,500 words).`);
  console.log(
    `Load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", ")} (other work on the machine slows every figure).`,
  );
  console.log("");
  console.log("Engine: buildRelatedIndex + get() for every item, one fresh process per size (corpus generated in memory first, not counted)");
  const header = [
    pad("items", 7),
    pad("index", 8),
    pad("get all", 8),
    pad("engine", 9),
    pad("CPU", 9),
    pad("RSS before", 11),
    pad("peak", 8),
    pad("engine +", 9),
    pad("kept", 7),
    pad("naive", 9),
    pad("naive/eng", 10),
    pad("p@5 eng/naive", 14),
  ].join(" ");
  console.log(header);
  console.log("-".repeat(header.length));
  const results: EngineResult[] = [];
  const baselineEngine = new Map<number, { ours: EngineResult[]; before: EngineResult[] }>();
  const ranges = new Map<number, { min: number; max: number; runs: number }>();
  for (const n of args.sizes) {
    // Several fresh processes per size (one at 50,000 and above, which takes long): the run with the median
    // engine time is shown, with the range, as one run on a shared machine can be well off (docs/performance.md).
    const runs = n <= 10_000 ? args.engineRepeats : 1;
    const all: EngineResult[] = [];
    const before: EngineResult[] = [];
    for (let i = 0; i < runs; i++) {
      // With a baseline, ours and theirs alternate (who goes first alternating too), so drift hits both alike.
      const pair = [() => all.push(runEngineChild(n, args.seed, n <= 10_000)), () => args.baseline && before.push(runEngineChild(n, args.seed, false, args.baseline))];
      for (const run of i % 2 ? pair.reverse() : pair) run();
    }
    if (before.length) baselineEngine.set(n, { ours: all, before });
    const byTime = [...all].sort((a, b) => a.buildMs + a.getMs - (b.buildMs + b.getMs));
    const r = byTime[(byTime.length - 1) >> 1]!;
    ranges.set(n, { min: byTime[0]!.buildMs + byTime[0]!.getMs, max: byTime.at(-1)!.buildMs + byTime.at(-1)!.getMs, runs });
    results.push(r);
    const total = r.buildMs + r.getMs;
    console.log(
      [
        pad(fmt(r.n), 7),
        pad(`${fmt(r.buildMs)} ms`, 8),
        pad(`${fmt(r.getMs)} ms`, 8),
        pad(`${fmt(total)} ms`, 9),
        pad(`${fmt(r.cpuMs)} ms`, 9),
        pad(`${fmt(r.baselineRssMb)} MB`, 11),
        pad(`${fmt(r.peakRssMb)} MB`, 8),
        pad(`${fmt(r.peakRssMb - r.baselineRssMb)} MB`, 9),
        pad(`${fmt(r.retainedHeapMb)} MB`, 7),
        pad(r.naive ? `${fmt(r.naive.ms)} ms` : "–", 9),
        pad(r.naive ? `${fmt(r.naive.ms / total, 1)}×` : "–", 10),
        pad(r.naive ? `${r.engineP5.toFixed(2)}/${r.naive.p5.toFixed(2)}` : `${r.engineP5.toFixed(2)}/–`, 14),
      ].join(" "),
    );
  }
  console.log("");
  console.log(
    `  Each row: the median of ${args.engineRepeats} runs by engine time (one run at 50,000 items and above); engine range: ${[...ranges].map(([n, r]) => `${fmt(n)} items ${fmt(r.min)}–${fmt(r.max)} ms (${r.runs} run${r.runs > 1 ? "s" : ""})`).join(", ")}`,
  );
  console.log("  index = buildRelatedIndex; get all = get() for every item; engine = both (wall); CPU = user+system of both (all threads, GC included)");
  const methods = new Set(results.map((r) => r.peakMethod));
  console.log(
    `  RSS before = process RSS with the corpus in memory; peak = highest RSS while the engine ran (${[...methods].map((m) => (m === "kernel" ? "the kernel's high-water mark, reset before the run: exact, nothing runs beside the engine" : "sampled every 2 ms by a worker thread, which slows the timed code by about 4%")).join("; ")}); engine + = peak − before; kept = heap the index keeps`,
  );
  console.log("  naive = every pair, count shared tags, sort (lib/related/naive.ts), same process; naive/eng = naive time ÷ engine time");
  for (const r of results) {
    console.log(
      `  ${fmt(r.n)} items: ${fmt(r.terms)} terms, ${fmt(r.indexedTerms)} indexed, ${fmt(r.postings)} postings` +
        (r.naive ? `; naive CPU ${fmt(r.naive.cpuMs)} ms, naive peak +${fmt(r.naive.peakRssMb)} MB` : ""),
    );
  }
  for (const [n, { ours, before }] of baselineEngine) {
    const total = (r: EngineResult) => r.buildMs + r.getMs;
    const paired = ours.map((r, i) => (100 * (total(r) - total(before[i]!))) / total(before[i]!));
    const extra = (rs: EngineResult[]) => median(rs.map((r) => r.peakRssMb - r.baselineRssMb));
    console.log(
      `  Baseline ${args.baseline} at ${fmt(n)} items: engine ${fmt(median(before.map(total)))} ms (${fmt(Math.min(...before.map(total)))}–${fmt(Math.max(...before.map(total)))}), ` +
        `peak +${fmt(extra(before))} MB; ours ${fmt(median(ours.map(total)))} ms, +${fmt(extra(ours))} MB: ` +
        `${signed((100 * (median(ours.map(total)) - median(before.map(total)))) / median(before.map(total)), 1)}% (medians); paired by run: median ${signed(median(paired), 1)}% (${paired.map((x) => signed(x, 1)).join(", ")})`,
    );
  }
  const tenK = results.find((r) => r.n === 10_000);
  if (tenK) {
    const total = tenK.buildMs + tenK.getMs;
    const extra = tenK.peakRssMb - tenK.baselineRssMb;
    console.log(
      `  Target at 10,000 items: ≤ 1.5 s and ≤ 300 MB → ${fmt(total)} ms, median of ${ranges.get(10_000)!.runs} (${total <= 1500 ? "met" : "NOT met"}), engine peak +${fmt(extra)} MB (${extra <= 300 ? "met" : "NOT met"}); whole process peak ${fmt(tenK.peakRssMb)} MB with the corpus.`,
    );
  }

  if (args.engineOnly) return;

  console.log("");
  console.log(
    `Full site builds: npm run build (scripts/build.ts: Eleventy with our config, in batches of pages, Node options ${BUILD_PROCESS_OPTIONS.join(" ")}, in one process), GOVNEWS_NOW=${BUILD_NOW}; ${hasGnuTime ? "peak RSS of the build process (all its threads) from GNU time" : "no GNU time: wall time only"}`,
  );
  console.log(
    `  Each build starts with no output folder (as on CI and Netlify), after sync${canDropCaches ? " and dropping the page cache" : " (not root: page cache not dropped)"}.`,
  );
  console.log("  related off = GOVNEWS_RELATED=off: the same site without related-articles lists, so the difference is their whole cost.");
  console.log("  vanilla = the yardstick: a plain Eleventy 3 site over the same corpus (scripts/bench-vanilla/: article pages, a list by 20, a page");
  console.log("    per tag; no plugins, feeds or related articles), run with no Node options: our build time read against it cancels the machine's drift.");
  const LABELS = ALL_LABELS.filter((label) => (label !== "baseline" || args.baseline) && (label !== "off" || !args.skipOff));
  console.log(
    `  First an untimed warm-up build per size (it also fills the compiled-stylesheet cache, as any earlier build would); then ${args.repeats} rounds, each ${LABELS.join(", ")} in every place (order rotating).`,
  );
  buildTimeoutMs = args.timeoutMin === undefined ? undefined : args.timeoutMin * 60_000;
  if (args.timeoutMin !== undefined)
    console.log(`  A build still running after ${fmt(args.timeoutMin, 1)} min is stopped (with every process it started) and reported as not finished.`);
  if (args.baseline) console.log(`  baseline = the same build from ${args.baseline}, an earlier checkout, in every round.`);
  const places: Array<[string, string]> = [["disk", BENCH_DIR]];
  if (args.tmpfs) places.push(["tmpfs", path.join("/dev/shm", `govnews-bench-${process.pid}`)]);
  const buildHeader = [
    pad("items", 7),
    pad("output", 7),
    pad("build", 8),
    pad("wall (median, min–max)", 26),
    pad("peak RSS (median, max)", 26),
    pad("all processes (median)", 23),
    pad("files", 7),
  ].join(" ");
  console.log(buildHeader);
  console.log("-".repeat(buildHeader.length));
  fs.mkdirSync(path.join(ROOT, BENCH_DIR), { recursive: true });
  const summary: string[] = [];
  for (const n of args.buildSizes) {
    const content = `${BENCH_DIR}/content-${n}`;
    generateCorpus({ n, seed: args.seed, outDir: path.join(ROOT, content) });
    // Above --warm-up-max the warm-up is skipped (the stylesheet cache it fills is the same for every size).
    const warmUp: BuildRun = args.warmUpMax !== undefined && n > args.warmUpMax ? { ok: true, wallS: 0 } : await timedBuild(content, `${BENCH_DIR}/site-${n}-warm-up`, {});
    const baselineWarmUp = args.baseline ? await timedBuild(content, `${BENCH_DIR}/site-${n}-warm-up`, {}, args.baseline) : warmUp;
    if (!warmUp.ok || !baselineWarmUp.ok) {
      if (!baselineWarmUp.ok) console.log(`${pad(fmt(n), 7)} baseline warm-up build FAILED:\n${baselineWarmUp.error}`);
      if (!warmUp.ok) console.log(`${pad(fmt(n), 7)} warm-up build FAILED:\n${warmUp.error}`);
      continue;
    }
    // Rounds outermost, each with on and off back to back in every place (their order alternating by round):
    // a machine that speeds up or slows down during the run then moves both sides of a pair alike.
    const byPlace = new Map(places.map(([place]) => [place, { on: [] as BuildRun[], off: [] as BuildRun[], vanilla: [] as BuildRun[], baseline: [] as BuildRun[] }]));
    for (let round = 0; round < args.repeats; round++) {
      for (const [place, dir] of places) {
        // The order rotates by round, so no build always runs first (or after the same one).
        const labels = LABELS.map((_, i) => LABELS[(i + round) % LABELS.length]!);
        for (const label of labels) {
          const output = `${dir}/site-${n}-${label}`;
          byPlace
            .get(place)!
            [label].push(
              await (label === "vanilla"
                ? timedVanillaBuild(content, output)
                : label === "baseline"
                  ? timedBuild(content, output, {}, args.baseline)
                  : timedBuild(content, output, label === "off" ? { GOVNEWS_RELATED: "off" } : {})),
            );
        }
      }
    }
    for (const [place, dir] of places) {
      const runs = byPlace.get(place)!;
      const stats: Partial<Record<Label, { wall: number; rss?: number; tree?: number }>> = {};
      for (const label of LABELS) {
        const ok = runs[label].filter((r) => r.ok);
        const failed = runs[label].find((r) => !r.ok);
        const walls = ok.map((r) => r.wallS);
        const rss = ok.flatMap((r) => (r.peakRssMb === undefined ? [] : [r.peakRssMb]));
        const tree = ok.flatMap((r) => (r.peakTreeMb === undefined ? [] : [r.peakTreeMb]));
        if (ok.length > 0) stats[label] = { wall: median(walls), rss: rss.length ? median(rss) : undefined, tree: tree.length ? median(tree) : undefined };
        console.log(
          [
            pad(fmt(n), 7),
            pad(place, 7),
            pad(label, 8),
            pad(ok.length ? `${fmt(median(walls), 1)} s (${fmt(Math.min(...walls), 1)}–${fmt(Math.max(...walls), 1)})` : "–", 26),
            pad(rss.length ? `${fmt(median(rss))} MB (${fmt(Math.max(...rss))})` : "–", 26),
            pad(tree.length ? `${fmt(median(tree))} MB` : "–", 23),
            pad(ok[0]?.files ?? "–", 7),
            failed ? `  FAILED${failed.peakTreeMb === undefined ? "" : ` (all processes peaked at ${fmt(failed.peakTreeMb)} MB)`}:\n${failed.error}` : "",
          ].join(" "),
        );
      }
      const { on, off, vanilla, baseline } = stats;
      if (on && baseline) {
        const paired = runs.on.flatMap((r, i) => (r.ok && runs.baseline[i]?.ok ? [(100 * (r.wallS - runs.baseline[i]!.wallS)) / runs.baseline[i]!.wallS] : []));
        summary.push(
          `  ${fmt(n)} items, ${place}: our complete build ${fmt(on.wall, 1)} s, baseline ${fmt(baseline.wall, 1)} s: ` +
            `${signed((100 * (on.wall - baseline.wall)) / baseline.wall, 1)}% (medians)` +
            (on.rss !== undefined && baseline.rss !== undefined ? `, peak RSS ${fmt(on.rss)} MB against ${fmt(baseline.rss)} MB` : "") +
            `; paired by round: median ${signed(median(paired), 1)}% (${paired.map((x) => signed(x, 1)).join(", ")})`,
        );
      }
      if (on && vanilla) {
        const paired = runs.on.flatMap((r, i) => (r.ok && runs.vanilla[i]?.ok ? [(100 * (r.wallS - runs.vanilla[i]!.wallS)) / runs.vanilla[i]!.wallS] : []));
        summary.push(
          `  ${fmt(n)} items, ${place}: our complete build ${fmt(on.wall, 1)} s, plain Eleventy without related articles ${fmt(vanilla.wall, 1)} s: ` +
            `${signed((100 * (on.wall - vanilla.wall)) / vanilla.wall, 1)}% (medians); paired by round: median ${signed(median(paired), 1)}% (${paired.map((x) => signed(x, 1)).join(", ")})` +
            (on.rss !== undefined && vanilla.rss !== undefined ? `; peak RSS ${fmt(on.rss)} MB against ${fmt(vanilla.rss)} MB` : "") +
            (on.tree !== undefined && vanilla.tree !== undefined ? ` (all processes: ${fmt(on.tree)} MB against ${fmt(vanilla.tree)} MB)` : ""),
        );
      }
      if (on && off) {
        // Each round's own pair, too: the overhead measured within a round, where drift cancels out.
        const paired = runs.on.flatMap((r, i) => (r.ok && runs.off[i]?.ok ? [(100 * (r.wallS - runs.off[i]!.wallS)) / runs.off[i]!.wallS] : []));
        summary.push(
          `  ${fmt(n)} items, ${place}: related articles ${signed(on.wall - off.wall, 1)} s (${signed((100 * (on.wall - off.wall)) / off.wall, 1)}%)` +
            (on.rss !== undefined && off.rss !== undefined ? `, ${signed(on.rss - off.rss)} MB peak RSS` : "") +
            ` (medians of ${args.repeats}); paired by round: median ${signed(median(paired), 1)}% (${paired.map((x) => signed(x, 1)).join(", ")})`,
        );
      }
      if (place === "tmpfs") fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log("  (MB = 2^20 bytes. Run-to-run noise on a shared machine is several per cent.)");
  for (const line of summary) console.log(line);
  fs.rmSync(path.join(ROOT, BENCH_DIR), { recursive: true, force: true });
  if (!args.skipPreview) runPreviewBench(args);
}

/** The local preview's latency, as npm run bench:preview measures it, in its own process (it starts the dev server). */
function runPreviewBench(args: BenchArgs): void {
  console.log(`\nLocal preview (npm start), scripts/bench-preview.ts: ${fmt(args.previewItems)} items, ${args.previewEdits} edits, seed ${args.seed}`);
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/bench-preview.ts"), `--items=${args.previewItems}`, `--edits=${args.previewEdits}`, `--seed=${args.seed}`], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) console.log(`  the preview benchmark failed (exit ${result.status ?? result.signal})`);
}

if (import.meta.main) {
  const childAt = process.argv.indexOf("--child-engine");
  if (childAt >= 0) {
    const [n, seed, naive] = process.argv.slice(childAt + 1);
    const result = await childEngine(Number(n), Number(seed), naive === "1");
    console.log(JSON.stringify(result));
  } else {
    await main();
  }
}
