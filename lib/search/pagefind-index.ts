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
import { close, createIndex, type PagefindIndex } from "pagefind";
import { mergeShards, type Shard } from "./merge.ts";
import { keepBundleFile, shardsFolder } from "./bundle.ts";
import type { SearchRecord } from "./records.ts";

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

/** Writes a fragment where no other is, or says that one is there. */
function placeFragment(file: string, content: Uint8Array): boolean {
  try {
    fs.writeFileSync(file, content, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
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
  /** Records per shard (tests use a few). */
  shardSize?: number;
  /** The word index's chunk size, Pagefind's unless a test asks for smaller chunks (merge.ts). */
  chunkSize?: number;
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
    let open: OpenShard | undefined;
    let given = 0;
    const finish = async () => {
      const dir = path.join(temp, String(shards.length));
      const placed = await closeShard(open!, dir, fragments, given - open!.added.length);
      // Sort values are kept (a short text per page): Pagefind's files hold only the order they give.
      shards.push({ dir, sorts: open!.sorts, placed });
      open = undefined;
    };
    for await (const record of records) {
      open ??= await openShard();
      const i = open.added.length;
      for (const [key, value] of Object.entries(record.sort)) (open.sorts[key] ??= [])[i] = value;
      open.added.push(open.index.addCustomRecord(record));
      given++;
      if (open.added.length >= shardSize) await finish();
      else if (open.added.length % SEND_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    if (open || !shards.length) {
      open ??= await openShard();
      await finish();
    }
    const { pageCount } = mergeShards(shards, out, { chunkSize: options.chunkSize, move: true });
    if (pageCount !== given) throw new Error(`the index holds ${pageCount} pages where ${given} were given`);
    return pageCount;
  } finally {
    // Pagefind would otherwise outlive the build (after an error).
    await close();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}
