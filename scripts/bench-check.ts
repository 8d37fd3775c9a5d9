/**
 * npm run bench:check: how long `npm run check` takes on a large archive (issue 16: 10,000 items in under 5 s).
 *
 *   npm run bench:check                                   10,000 items, 5 rounds
 *   npm run bench:check -- --size=30000 --repeats=3 --seed=2
 *
 * Two corpora of the same size from scripts/generate-corpus.ts: as generated (bodies without links), and the same
 * with a paragraph of internal links and an image in every other body, as press releases have, so the link and
 * image checks are measured too. Each round runs, in a rotating order, the check as editors run it (body checks in
 * a worker per core, lib/build/check-bodies.ts) and with one worker (GOVNEWS_CHECK_THREADS=1), on each corpus.
 * Wall time, CPU time (user + system, all threads) and peak RSS come from GNU time; medians with the range.
 * Figures go in docs/performance.md.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus.ts";
import { tagSlug, tagUrl } from "../lib/content/tags.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { size: { type: "string", default: "10000" }, repeats: { type: "string", default: "5" }, seed: { type: "string", default: "1" } } });
const size = Number(values.size);
const repeats = Number(values.repeats);
const seed = Number(values.seed);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-bench-check-"));
const plain = path.join(work, "plain");
const linked = path.join(work, "linked");
const corpus = generateCorpus({ n: size, seed, outDir: plain });
fs.cpSync(plain, linked, { recursive: true });
// Every other body gets links to two other items, a topic and an image of the site, all of which exist.
const slugs = corpus.items.map((item) => item.slug);
const logo = (JSON.parse(fs.readFileSync(path.join(plain, "site.json"), "utf8")) as { logo?: string }).logo;
const tagged = corpus.items.find((item) => item.tags.length > 0);
corpus.items.forEach((item, i) => {
  if (i % 2 === 1) return;
  const a = slugs[(i * 7 + 1) % slugs.length]!;
  const b = slugs[(i * 13 + 5) % slugs.length]!;
  const topic = tagged ? tagUrl(tagSlug(tagged.tags[0]!)) : "/";
  const image = logo ? `\n\n![The department's logo](${logo})` : "";
  fs.appendFileSync(path.join(linked, "news", `${item.slug}.md`), `\n\nRead more: [one item](/news/${a}/), [another](/news/${b}/) and [the topic](${topic}).${image}\n`);
});

interface Run {
  wall: number;
  cpu: number;
  peakMb: number;
}

function run(content: string, threads?: number): Run {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", process.execPath, "scripts/check-content.ts", content], {
    cwd: ROOT,
    encoding: "utf8",
    // The generated archive's repeated headlines are warnings, thousands of lines of them.
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, ...(threads ? { GOVNEWS_CHECK_THREADS: String(threads) } : {}) },
  });
  if (result.status !== 0) throw new Error(`the check failed on ${content}:\n${result.stderr.slice(-3000)}`);
  const [wall, user, system, kb] = result.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
  return { wall: wall!, cpu: user! + system!, peakMb: kb! / 1024 };
}

const variants = [
  { name: "as generated, a worker per core", content: plain },
  { name: "as generated, one worker", content: plain, threads: 1 },
  { name: "with links and images, a worker per core", content: linked },
  { name: "with links and images, one worker", content: linked, threads: 1 },
];
const results = new Map<string, Run[]>(variants.map((v) => [v.name, []]));
// One untimed run: the first reads the files from disk into the page cache.
run(plain);
run(linked);
for (let round = 0; round < repeats; round++) {
  for (let k = 0; k < variants.length; k++) {
    const variant = variants[(k + round) % variants.length]!;
    results.get(variant.name)!.push(run(variant.content, variant.threads));
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const range = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
console.log(`npm run check at ${size.toLocaleString("en-GB")} items, ${repeats} rounds, ${os.availableParallelism()} cores (load average before: ${os.loadavg()[0]!.toFixed(2)})`);
console.log("| corpus and workers | wall s, median (range) | CPU s, median | peak RSS MB, median |");
console.log("|---|---|---|---|");
for (const { name } of variants) {
  const runs = results.get(name)!;
  const walls = runs.map((r) => r.wall);
  console.log(`| ${name} | ${median(walls).toFixed(2)} (${range(walls, 2)}) | ${median(runs.map((r) => r.cpu)).toFixed(2)} | ${median(runs.map((r) => r.peakMb)).toFixed(0)} |`);
}
fs.rmSync(work, { recursive: true, force: true });
