/**
 * The search index built with Pagefind's Node API from records (records.ts), in the order given: Pagefind numbers
 * pages in the order it gets them, so the same records in the same order give the same bytes.
 *
 * Pagefind holds every page's words until it writes its files, so the records go to it in shards of a fixed
 * number, one index each, written to a temporary folder, its process closed (and its memory freed) before the
 * next starts; merge.ts then joins the shards into the one bundle Pagefind would have written for all the records
 * (tests/unit/search/merge.test.ts checks that it is). The bundle is written to a folder, never held in memory.
 *
 * Records are sent without waiting for the reply to the one before: Pagefind reads them from one pipe in order,
 * and its indexing (in its own process) overlaps the making of the next records (a body's rendering, when the
 * records are made as they are asked for). Every few records the event loop turns, so that the pipe is written.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { close, createIndex, type PagefindIndex } from "pagefind";
import { decodeCbor, type Cbor } from "./canonical.ts";
import { mergeShards, type Shard } from "./merge.ts";
import { keepBundleFile, shardsFolder } from "./bundle.ts";
import type { SearchRecord } from "./records.ts";
import { placeFragment, TermCache, writeShard, type PagefindAssets } from "./word-index.ts";

/** Records made between turns of the event loop. */
const SEND_EVERY = 32;

/**
 * Records per Pagefind index: Pagefind's process grows with the records it holds (docs/performance.md, Search), so
 * this bounds its memory whatever the archive's size; more shards cost a process start each and a longer merge.
 */
export const SHARD_SIZE = 1_000;

interface OpenShard {
  index: PagefindIndex;
  added: Array<Promise<{ errors: string[] }>>;
  sorts: Record<string, string[]>;
}

async function openShard(): Promise<OpenShard> {
  const { index, errors } = await createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(errors.join("; "));
  return { index, added: [], sorts: {} };
}

/**
 * Writes an open shard's index into `dir`, and closes Pagefind's process. Its pages' fragments go straight into
 * the bundle's fragment/ folder (`fragments`) where no earlier shard has put one of the same name (returned).
 */
async function closeShard(shard: OpenShard, dir: string, fragments: string, first: number): Promise<Set<string>> {
  for (const [i, result] of (await Promise.all(shard.added)).entries()) {
    if (result.errors.length) throw new Error(`record ${first + i + 1}: ${result.errors.join("; ")}`);
  }
  // Taken through the pipe and written here, not written by Pagefind (writeFiles): Pagefind answers before its
  // writes have reached the files (tokio's File writes in the background), and a file read at once can be empty.
  // A shard's files are few enough to hold.
  const written = await shard.index.getFiles();
  if (written.errors.length) throw new Error(written.errors.join("; "));
  const placed = new Set<string>();
  fs.mkdirSync(path.join(dir, "fragment"), { recursive: true });
  for (const file of written.files) {
    if (!keepBundleFile(file.path)) continue;
    const fragment = /^fragment\/(.+)\.pf_fragment$/.exec(file.path)?.[1];
    if (fragment && placeFragment(path.join(fragments, `${fragment}.pf_fragment`), file.content)) {
      placed.add(fragment);
      continue;
    }
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  // Pagefind runs as a child process: closing it frees the shard's memory.
  await close();
  return placed;
}

export interface IndexOptions {
  /**
   * Who works out the words: our own indexer (word-index.ts, the default), or Pagefind's process, its plain twin,
   * which the tests compare it with.
   */
  engine?: "own" | "pagefind";
  /** Records per shard (tests use a few). */
  shardSize?: number;
  /** The word index's chunk size, Pagefind's unless a test asks for smaller chunks (merge.ts). */
  chunkSize?: number;
  /** An index made in the background (npm start's): the merge compresses on the calling thread only. */
  background?: boolean;
}

/**
 * Pagefind's files that no record changes (its script, its WebAssembly, its entry file's fields and its version),
 * taken from an index of one word made by Pagefind's process: our own indexer (word-index.ts) writes the rest.
 */
export async function pagefindAssets(): Promise<PagefindAssets> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(errors.join("; "));
    const added = await index.addCustomRecord({ url: "/", content: "word", language: "en" });
    if (added.errors.length) throw new Error(added.errors.join("; "));
    const written = await index.getFiles();
    if (written.errors.length) throw new Error(written.errors.join("; "));
    const file = (test: (path: string) => boolean) => written.files.find((f) => test(f.path));
    const entry = JSON.parse(Buffer.from(file((p) => p === "pagefind-entry.json")!.content).toString("utf8")) as {
      version: string;
      languages: Record<string, { wasm: string | null }>;
      include_characters?: string[];
    };
    const meta = Buffer.from(zlib.gunzipSync(file((p) => p.endsWith(".pf_meta"))!.content));
    const version = (decodeCbor(meta.subarray("pagefind_dcd".length)) as Cbor[])[0];
    if (typeof version !== "string") throw new Error("Pagefind's metadata file has no version");
    return {
      files: written.files.filter((f) => !f.path.includes("/") && keepBundleFile(f.path) && f.path !== "pagefind-entry.json" && !f.path.endsWith(".pf_meta")),
      version,
      entry: { version: entry.version, ...(entry.include_characters ? { include_characters: entry.include_characters } : {}) },
      wasm: entry.languages.en?.wasm ?? null,
    };
  } finally {
    await close();
  }
}

/** Indexes the records into one Pagefind bundle in `out` (made afresh); returns the number of pages it holds. */
export async function indexRecords(records: Iterable<SearchRecord> | AsyncIterable<SearchRecord>, out: string, options: IndexOptions = {}): Promise<number> {
  const shardSize = options.shardSize ?? SHARD_SIZE;
  const temp = shardsFolder(out);
  for (const folder of [out, temp]) {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
  }
  const fragments = path.join(out, "fragment");
  fs.mkdirSync(fragments);
  try {
    const shards: Shard[] = [];
    let given = 0;
    const iterator = (Symbol.asyncIterator in records ? records[Symbol.asyncIterator]() : records[Symbol.iterator]()) as AsyncIterator<SearchRecord> | Iterator<SearchRecord>;
    const first = await iterator.next();
    const rest: AsyncIterable<SearchRecord> = {
      [Symbol.asyncIterator]: () => ({
        next: async () => await iterator.next(),
      }),
    };
    // With no record at all, Pagefind's own empty index (which has no language, and so other files).
    if ((options.engine ?? "own") === "pagefind" || first.done) {
      let open: OpenShard | undefined;
      const finish = async () => {
        const dir = path.join(temp, String(shards.length));
        const placed = await closeShard(open!, dir, fragments, given - open!.added.length);
        // Sort values are kept (a short text per page): Pagefind's files hold only the order they give.
        shards.push({ dir, sorts: open!.sorts, placed });
        open = undefined;
      };
      const add = async (record: SearchRecord) => {
        open ??= await openShard();
        const i = open.added.length;
        for (const [key, value] of Object.entries(record.sort)) (open.sorts[key] ??= [])[i] = value;
        open.added.push(open.index.addCustomRecord(record));
        given++;
        if (open.added.length >= shardSize) await finish();
        else if (open.added.length % SEND_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      };
      if (!first.done) await add(first.value);
      for await (const record of rest) await add(record);
      if (open || !shards.length) {
        open ??= await openShard();
        await finish();
      }
    } else {
      const assets = await pagefindAssets();
      const cache = new TermCache();
      let batch: SearchRecord[] = [first.value];
      given++;
      const finish = () => {
        const dir = path.join(temp, String(shards.length));
        const { placed, sorts } = writeShard(batch, dir, fragments, assets, cache);
        shards.push({ dir, sorts, placed });
        batch = [];
      };
      for await (const record of rest) {
        batch.push(record);
        given++;
        if (batch.length >= shardSize) finish();
      }
      if (batch.length) finish();
    }
    const { pageCount } = await mergeShards(shards, out, { chunkSize: options.chunkSize, move: true, background: options.background });
    if (pageCount !== given) throw new Error(`the index holds ${pageCount} pages where ${given} were given`);
    return pageCount;
  } finally {
    // Pagefind would otherwise outlive the build (after an error).
    await close();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
