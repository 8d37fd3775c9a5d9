/**
 * npm run bench:preview: how soon the local preview (`npm start`) shows an editor's change, on a generated archive
 * (issue 18's preview latency).
 *
 *   npm run bench:preview                               10,000 items, 20 edits
 *   npm run bench:preview -- --items=1000 --edits=8 --seed=2
 *   npm run bench:preview -- --log=preview.log       the server's output and each step, timed, to a file
 *   npm run bench:preview -- --fill-edits=0          no edits while the archive is being filled in
 *
 * Starts Eleventy's dev server as `npm start` does (package.json's "start": the same Node options, config and
 * --serve) on a corpus from scripts/generate-corpus.ts in _test-site-bench/, writing to a folder of its own, and
 * measures:
 * - the first page: from starting the server until it serves the home page;
 * - first, edits saved while the archive is being filled in (after the first build, which writes the newest pages),
 *   each at a random moment after a fill build ends, so that most wait for the next one; then it waits for the
 *   server to say that every page is written;
 * - each edit (body, title, tags and date in turn, on recent items, which the home page and the feeds show): from
 *   saving the file until the item's page is served with the change ("page"), and until every page the change
 *   shows on is (the home page, the feed and another item's related list for a title, the topic page for a tag,
 *   the item's place in the home page for a date: "everywhere");
 * - adding an item (until its page is served) and deleting it (until its address is a 404);
 * - the dev server's peak memory (its process's, all threads: the kernel's high-water mark, on Linux).
 * Before each edit but those while filling in it waits for the last rebuild to finish, so that each is timed from an
 * idle server. Medians and 95th percentiles; no pass or fail (this machine's speed varies), figures go in
 * docs/performance.md.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateCorpus, mulberry32 } from "./generate-corpus.ts";
import { EVERY_PAGE_WRITTEN, PAGES_FOLLOW } from "../lib/eleventy/options.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const BENCH_DIR = path.join(ROOT, "_test-site-bench");
/** After the corpus's last date (1 November 2026), so every item is published. */
const BUILD_NOW = "2026-11-02T00:00:00Z";
const PORT = 8877;
const BASE = `http://127.0.0.1:${PORT}`;
/** How long no build must have ended before the next edit: the server is idle. */
const QUIET_MS = 2_000;
/** A build that writes at least this many files is a fill build (FILL_PAGES pages, lib/eleventy/options.ts). */
const FILL_BUILD_FILES = 150;
/** Longest wait for a fill build to end. */
const FILL_WAIT_MS = 120_000;
/** Longest wait for one change to show. */
const TIMEOUT_MS = 180_000;

function option(args: readonly string[], name: string, fallback: number, min = 1): number {
  const value = args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const number = value === undefined ? fallback : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= min)) throw new Error(`--${name} must be a whole number of at least ${min}, not ${value}`);
  return number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(url: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(`${BASE}${url}`, { cache: "no-store" });
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: 0, text: "" };
  }
}

/** Milliseconds from `since` until every check passes (each polled until it does), or Infinity on timeout. */
async function until(since: number, checks: ReadonlyArray<() => Promise<boolean>>): Promise<number> {
  for (const check of checks) {
    while (!(await check())) {
      if (performance.now() - since > TIMEOUT_MS) return Number.POSITIVE_INFINITY;
      await sleep(25);
    }
  }
  return performance.now() - since;
}

const shows = (url: string, text: string) => async () => (await get(url)).text.includes(text);

/** The items a page's related-articles list links to (none if it has no list). */
function relatedLinks(html: string): string[] {
  const at = html.indexOf('class="app-related-articles"');
  if (at < 0) return [];
  return [...html.slice(at, html.indexOf("</section>", at)).matchAll(/href="(\/news\/[^"/]+\/)"/g)].map(([, link]) => link!);
}

function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const fmt = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : "timed out");

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const items = option(args, "items", 10_000);
  const edits = option(args, "edits", 20);
  const seed = option(args, "seed", 1);
  const fillEdits = option(args, "fill-edits", 5, 0);
  console.log(`govnews preview benchmark: Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}; ${items} items, ${edits} edits, seed ${seed}`);
  const content = path.join(BENCH_DIR, `preview-content-${items}`);
  fs.rmSync(content, { recursive: true, force: true });
  const corpus = generateCorpus({ n: items, seed, outDir: content });
  const output = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-preview-"));
  // The newest items: on the home page and in the feeds, where title and date edits show.
  const recent = [...corpus.items].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, Math.max(edits, 4) + fillEdits);

  const start = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.start as string;
  const [, ...nodeArgs] = start.split(" ");
  const started = performance.now();
  const server = spawn(process.execPath, [...nodeArgs, `--port=${PORT}`], {
    cwd: ROOT,
    env: { ...process.env, GOVNEWS_CONTENT: content, GOVNEWS_OUTPUT: output, GOVNEWS_NOW: BUILD_NOW, GOVNEWS_PREVIEW: "", CONTEXT: "" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let builds = 0;
  let fillBuilds = 0;
  // What the server says of the pages its first build left for later (lib/eleventy/options.ts).
  let leftForLater = false;
  let filledIn = false;
  let log = "";
  // --log=FILE: the server's output and the benchmark's steps, each line with the milliseconds since the start.
  const logFile = args.find((arg) => arg.startsWith("--log="))?.slice("--log=".length);
  if (logFile) fs.writeFileSync(logFile, "");
  const note = (text: string) => {
    if (!logFile) return;
    const at = Math.round(performance.now() - started);
    fs.appendFileSync(
      logFile,
      text
        .split("\n")
        .filter(Boolean)
        .map((line) => `${at} ${line}\n`)
        .join(""),
    );
  };
  // Eleventy ends each build's log with "Wrote N files" (on either stream, by version).
  const read = (chunk: Buffer) => {
    const text = chunk.toString();
    note(text);
    log = (log + text).slice(-20_000);
    builds += (text.match(/\bWrote \d+ files?\b/g) ?? []).length;
    // A fill build writes far more pages than an edit changes (FILL_PAGES, lib/eleventy/options.ts).
    for (const [, count] of text.matchAll(/\bWrote (\d+) files?\b/g)) if (Number(count) >= FILL_BUILD_FILES) fillBuilds++;
    leftForLater ||= log.includes(PAGES_FOLLOW);
    filledIn ||= log.includes(EVERY_PAGE_WRITTEN);
  };
  server.stdout.on("data", read);
  server.stderr.on("data", read);
  /** The server's peak resident memory so far, in MB (Linux: VmHWM), or undefined where it cannot be read. */
  const peakMb = (): number | undefined => {
    try {
      const kb = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1];
      return kb === undefined ? undefined : Number(kb) / 1024;
    } catch {
      return undefined;
    }
  };
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // Already ended.
    }
  };
  process.on("exit", stop);

  try {
    const first = await until(started, [async () => (await get("/")).status === 200]);
    console.log(`first page served: ${fmt(first)}`);
    if (!Number.isFinite(first)) throw new Error(`the server never served the home page:\n${log}`);
    /** Waits for the rebuilds under way to end, so that the next edit starts from an idle server. */
    const idle = async (after: number) => {
      const since = performance.now();
      while (builds < after && performance.now() - since < TIMEOUT_MS) await sleep(50);
      // And the rebuild that may follow (the related lists' pass, lib/eleventy/preview.ts): quiet for QUIET_MS.
      let seen = builds;
      for (let quiet = performance.now(); performance.now() - quiet < QUIET_MS && performance.now() - since < TIMEOUT_MS; await sleep(50)) {
        if (builds !== seen) [seen, quiet] = [builds, performance.now()];
      }
    };

    const kinds = ["body", "title", "tags", "date"] as const;
    /** Edit i (a body, a title, the tags or the date of the i-th newest item, in turn): how soon it shows. */
    const edit = async (i: number, label: string, pageOnly = false, kind = kinds[i % kinds.length]!): Promise<{ kind: string; page: number; everywhere: number }> => {
      const item = recent[i]!;
      const file = path.join(content, "news", `${item.slug}.md`);
      const url = `/news/${item.slug}/`;
      const token = `benchedit${i}x${seed}`;
      const text = fs.readFileSync(file, "utf8");
      let changed: string;
      let everywhere: Array<() => Promise<boolean>>;
      let inRelated = "";
      if (kind === "body") {
        changed = `${text.trimEnd()}\n\nAn added paragraph, ${token}.\n`;
        everywhere = [];
      } else if (kind === "title") {
        changed = text.replace(/^title: .*$/m, `title: "Edited headline ${token}"`);
        everywhere = [shows("/", token), shows("/feed.xml", token)];
        // And an item whose related list shows this one, looked for among this one's (lists are mostly mutual), before
        // the save. Should the new headline move the item out of that list, the list need not show it.
        const listed = async (page: string) => relatedLinks((await get(page)).text);
        let showing: string | undefined;
        for (const other of await listed(url)) if (!showing && (await listed(other)).includes(url)) showing = other;
        if (showing)
          everywhere.push(async () => {
            const html = (await get(showing)).text;
            return html.includes(token) || !relatedLinks(html).includes(url);
          });
        inRelated = showing ? ` (with ${showing}'s related list)` : " (no related list found that shows it)";
      } else if (kind === "tags") {
        changed = text.replace(/^tags: .*$/m, `tags: [${token}]`);
        everywhere = [shows(`/tags/${token}/`, url)];
      } else {
        // A new time on the corpus's last day: the item stays among the newest, on the home page.
        const date = `2026-11-01T${String(10 + (i % 10)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}:00+00:00`;
        changed = text.replace(/^date: .*$/m, `date: ${date}`);
        everywhere = [shows("/", `href="${url}"`)];
      }
      const check = kind === "date" ? shows(url, `datetime="${/^date: (.*)$/m.exec(changed)![1]}"`) : shows(url, token);
      const saved = performance.now();
      fs.writeFileSync(file, changed);
      note(`bench: ${label} (${kind}) saved`);
      const page = await until(saved, [check]);
      note(`bench: ${label} on its page`);
      if (pageOnly) {
        console.log(`  ${label} (${kind}, ${item.slug}): page ${fmt(page)}`);
        return { kind, page, everywhere: page };
      }
      const all = await until(saved, [check, ...everywhere]);
      console.log(`  ${label} (${kind}, ${item.slug}): page ${fmt(page)}, everywhere ${fmt(all)}${inRelated}`);
      return { kind, page, everywhere: all };
    };
    // First, edits saved while the archive is being filled in (npm start's first build writes the newest pages;
    // fill builds write the rest once the related lists are known): each at a random moment after a fill build
    // ends, so that most come while the next one runs. Later the archive would be full: on a fast machine it is
    // filled in before the other edits end. No date edits: an item moved among the newest would push one of the
    // other edits' items off the home page and the feed, where their checks look.
    const random = mulberry32(seed);
    const duringFill: number[] = [];
    for (let j = 0; j < fillEdits; j++) {
      const seen = fillBuilds;
      const since = performance.now();
      while (fillBuilds === seen && !filledIn && performance.now() - since < FILL_WAIT_MS) await sleep(25);
      // None came, or the last did (a small archive): no edit after it would be made while filling in.
      if (fillBuilds === seen || filledIn) break;
      await sleep(Math.floor(random() * 1_500));
      // Only its page: the others an edit shows on may be written later. The next edit waits for a fill build to end.
      duringFill.push((await edit(edits + j, `edit ${j + 1} while filling in`, true, kinds[j % 3])).page);
    }

    // The other edits on the archive filled in, from an idle server.
    for (const since = performance.now(); leftForLater && !filledIn && performance.now() - since < TIMEOUT_MS; ) await sleep(50);
    if (leftForLater && !filledIn) console.log(`  (the archive was not filled in after ${TIMEOUT_MS / 1000} s: the edits below came while it was)`);
    await idle(builds);

    const results: Array<{ kind: string; page: number; everywhere: number }> = [];
    for (let i = 0; i < edits; i++) {
      const before = builds;
      results.push(await edit(i, `edit ${i + 1}`));
      await idle(before + 1);
    }

    const newSlug = `bench-added-item-${seed}`;
    // A new item of its own (a copy of another would repeat its id, which the check refuses).
    const authors = /^authors: .*$/m.exec(fs.readFileSync(path.join(content, "news", `${recent[0]!.slug}.md`), "utf8"))?.[0] ?? "authors: []";
    const source = [
      "---",
      `title: "An added item ${newSlug}"`,
      'description: "An item the preview benchmark adds and then deletes."',
      "date: 2026-11-01T09:00:00+00:00",
      "type: news",
      authors,
      "tags: []",
      "---",
      "The body of an added item.",
      "",
    ].join("\n");
    let before = builds;
    let saved = performance.now();
    fs.writeFileSync(path.join(content, "news", `${newSlug}.md`), source);
    const added = await until(saved, [shows(`/news/${newSlug}/`, newSlug)]);
    console.log(`  adding an item: its page ${fmt(added)}`);
    await idle(before + 1);
    before = builds;
    saved = performance.now();
    fs.rmSync(path.join(content, "news", `${newSlug}.md`));
    const deleted = await until(saved, [async () => (await get(`/news/${newSlug}/`)).status === 404]);
    console.log(`  deleting it: its address a 404 ${fmt(deleted)}`);
    await idle(before + 1);

    const pages = results.map((r) => r.page);
    const everywhere = results.map((r) => r.everywhere);
    console.log("");
    console.log(`| ${items.toLocaleString("en-GB")} items | median | 95th percentile |`);
    console.log("|---|---|---|");
    console.log(`| an edit shows on the item's page (${edits} edits) | ${fmt(percentile(pages, 50))} | ${fmt(percentile(pages, 95))} |`);
    console.log(`| an edit shows everywhere (lists, feed, topic page, related lists) | ${fmt(percentile(everywhere, 50))} | ${fmt(percentile(everywhere, 95))} |`);
    console.log(
      duringFill.length > 0
        ? `| an edit while the archive is being filled in shows on the item's page (${duringFill.length} edits) | ${fmt(percentile(duringFill, 50))} | ${fmt(percentile(duringFill, 95))} |`
        : `| an edit while the archive is being filled in | ${fillEdits === 0 ? "not measured (--fill-edits=0)" : "no fill build came (the first build wrote every page)"} | |`,
    );
    console.log(`| adding an item: its page served | ${fmt(added)} | |`);
    console.log(`| deleting an item: its address a 404 | ${fmt(deleted)} | |`);
    console.log(`| first page served after npm start | ${fmt(first)} | |`);
    const peak = peakMb();
    console.log(`| the dev server's peak memory (all its threads) | ${peak === undefined ? "not measured (no /proc)" : `${Math.round(peak).toLocaleString("en-GB")} MB`} | |`);
  } finally {
    stop();
    fs.rmSync(output, { recursive: true, force: true });
  }
}

if (import.meta.main) await main();
