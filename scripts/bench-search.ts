/**
 * npm run bench:search: what search adds to a full build of a synthetic corpus (scripts/generate-corpus.ts).
 *
 *   npm run bench:search                                 10,000 items, 3 rounds
 *   npm run bench:search -- --items=1000 --rounds=5 --seed=2
 *
 * Each round builds the corpus twice as `npm run build` does (scripts/build.ts), with the search index and with
 * GOVNEWS_SEARCH=off (order alternating by round), each from no output folder; the difference per round is what
 * search costs, paired so that the machine's drift cancels out. Then the indexing alone (lib/build/search-ahead.ts's
 * buildSearchBundle, in this process, which a build runs in a worker beside Eleventy) runs --rounds times, with the
 * peak memory of Pagefind's own processes (sampled from /proc), and the index's files are counted and weighed:
 * everything under /search-index/, and what a first search downloads before results (pagefind.js, the
 * WebAssembly, the entry and metadata files).
 *
 *   npm run bench:search -- --items=30000 --index-only   the indexing alone, no builds (the files of its last run)
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCorpus } from "./generate-corpus.ts";
import { searchItems } from "../lib/eleventy/search-index.ts";
import { buildSearchBundle } from "../lib/build/search-ahead.ts";
import { loadContent } from "../lib/content/load.ts";
import { SEARCH_BUNDLE } from "../lib/search/bundle.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const BENCH_DIR = "_test-site-bench";
/** After the corpus's last date, so every item is published. */
const BUILD_NOW = "2026-11-02T00:00:00Z";

function option(args: readonly string[], name: string, fallback: number): number {
  const value = args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const number = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a whole number above 0, not ${value}`);
  return number;
}

/** One build: its wall time in seconds and the peak RSS in MB of its largest process (GNU time), Pagefind's included. */
function build(content: string, output: string, search: boolean): { seconds: number; peakMb: number } {
  fs.rmSync(output, { recursive: true, force: true });
  spawnSync("sync");
  const started = performance.now();
  const result = spawnSync("/usr/bin/time", ["-f", "PEAK_KB %M", process.execPath, path.join(ROOT, "scripts/build.ts")], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GOVNEWS_CONTENT: content, GOVNEWS_OUTPUT: output, GOVNEWS_NOW: BUILD_NOW, GOVNEWS_PREVIEW: "", CONTEXT: "", GOVNEWS_SEARCH: search ? "" : "off" },
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  const peak = /PEAK_KB (\d+)/.exec(result.stderr);
  return { seconds: (performance.now() - started) / 1000, peakMb: peak ? Number(peak[1]) / 1024 : Number.NaN };
}

function filesUnder(dir: string): Array<{ file: string; bytes: number }> {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      return { file: path.relative(dir, full).split(path.sep).join("/"), bytes: fs.statSync(full).size };
    });
}

/**
 * The peak resident memory of this process's Pagefind processes (one per shard), in MB: each child's high-water
 * mark (VmHWM in /proc, Linux only), read every 50 ms while it runs, the largest kept.
 */
function samplePagefindPeak(): { stop(): number } {
  let peak = 0;
  const read = () => {
    for (const task of fs.readdirSync(`/proc/${process.pid}/task`)) {
      let children: string;
      try {
        children = fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, "utf8");
      } catch {
        continue;
      }
      for (const pid of children.split(" ").filter(Boolean)) {
        try {
          const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
          if (!/^Name:\s*pagefind/m.test(status)) continue;
          const hwm = /^VmHWM:\s*(\d+) kB/m.exec(status);
          if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
        } catch {
          // Ended between the listing and the reading.
        }
      }
    }
  };
  const timer = setInterval(read, 50);
  return {
    stop() {
      clearInterval(timer);
      read();
      return peak;
    },
  };
}

const median = (xs: readonly number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (x: number, digits = 0) => x.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const items = option(args, "items", 10_000);
  const rounds = option(args, "rounds", 3);
  const seed = option(args, "seed", 1);
  console.log(
    `govnews search benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}; ${fmt(items)} items, seed ${seed}, ${rounds} rounds`,
  );
  const content = path.join(ROOT, BENCH_DIR, `content-${items}`);
  generateCorpus({ n: items, seed, outDir: content });
  const output = path.join(ROOT, BENCH_DIR, `search-${items}`);
  // Untimed: fills the compiled-stylesheet cache, as any earlier build would.
  if (!args.includes("--index-only")) build(content, output, true);
  const on: number[] = [];
  const off: number[] = [];
  const peakOn: number[] = [];
  const peakOff: number[] = [];
  const indexOnly = args.includes("--index-only");
  for (let round = 0; round < (indexOnly ? 0 : rounds); round++) {
    const order = round % 2 ? [false, true] : [true, false];
    for (const search of order) {
      const { seconds, peakMb } = build(content, search ? output : `${output}-off`, search);
      (search ? on : off).push(seconds);
      (search ? peakOn : peakOff).push(peakMb);
    }
    console.log(
      `  round ${round + 1}: with search ${fmt(on.at(-1)!, 1)} s (peak ${fmt(peakOn.at(-1)!)} MB), without ${fmt(off.at(-1)!, 1)} s (peak ${fmt(peakOff.at(-1)!)} MB), difference ${fmt(on.at(-1)! - off.at(-1)!, 1)} s`,
    );
  }
  const differences = on.map((s, i) => s - off[i]!);
  const { model } = loadContent({ root: ROOT, content }, { now: Date.parse(BUILD_NOW) });
  if (!model) throw new Error("the generated corpus does not load");
  const published = searchItems(model);
  const indexing: number[] = [];
  const pagefindPeaks: number[] = [];
  // Each run's bundle replaces the last; the last is counted and weighed (the same files a build publishes).
  const out = path.join(ROOT, BENCH_DIR, `search-index-${items}`);
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const sampler = samplePagefindPeak();
    await buildSearchBundle({ items: published, root: ROOT, site: model.site, out });
    pagefindPeaks.push(sampler.stop());
    indexing.push((performance.now() - started) / 1000);
  }
  const bundle = filesUnder(out);
  const total = bundle.reduce((sum, f) => sum + f.bytes, 0);
  const firstSearch = bundle.filter((f) => /^(pagefind\.js|pagefind-entry\.json|pagefind\.[\w-]+\.pf_meta|wasm\.en\.pagefind)$/.test(f.file)).reduce((sum, f) => sum + f.bytes, 0);
  const count = (prefix: string) => bundle.filter((f) => f.file.startsWith(prefix));
  console.log("");
  if (!indexOnly)
    console.log(
      `Full build (median of ${rounds}): with search ${fmt(median(on), 1)} s and ${fmt(median(peakOn))} MB peak, without ${fmt(median(off), 1)} s and ${fmt(median(peakOff))} MB; search adds ${fmt(median(differences), 1)} s (median of the paired differences, range ${fmt(Math.min(...differences), 1)} to ${fmt(Math.max(...differences), 1)} s)`,
    );
  console.log(
    `Indexing alone (${published.length} items, median of ${rounds}): ${fmt(median(indexing), 2)} s (range ${fmt(Math.min(...indexing), 2)}–${fmt(Math.max(...indexing), 2)} s); Pagefind's process peaks at ${fmt(median(pagefindPeaks))} MB (range ${fmt(Math.min(...pagefindPeaks))}–${fmt(Math.max(...pagefindPeaks))} MB); this process's peak ${fmt(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  console.log(
    `${SEARCH_BUNDLE}: ${fmt(bundle.length)} files, ${kb(total)} (fragments ${fmt(count("fragment/").length)} files ${kb(count("fragment/").reduce((s, f) => s + f.bytes, 0))}, word index ${fmt(count("index/").length)} files ${kb(count("index/").reduce((s, f) => s + f.bytes, 0))}, filters ${kb(count("filter/").reduce((s, f) => s + f.bytes, 0))})`,
  );
  console.log(`First search downloads ${kb(firstSearch)} before any index chunk or result (pagefind.js, wasm.en.pagefind, entry and metadata).`);
}

if (import.meta.main) await main();
