/**
 * The search index built with Pagefind's Node API from records (records.ts), in the order given: Pagefind numbers
 * pages in the order it gets them, so the same records in the same order give the same bytes (with canonical.ts,
 * which puts in order what Pagefind itself leaves to a hash map). Returns the bundle's files the site publishes.
 *
 * Records are sent without waiting for the reply to the one before: Pagefind reads them from one pipe in order,
 * and its indexing (in its own process) overlaps the making of the next records (a body's rendering, when the
 * records are made as they are asked for). Every few records the event loop turns, so that the pipe is written.
 */
import { close, createIndex } from "pagefind";
import { canonicalBundle, type BundleFile } from "./canonical.ts";
import { indexedPageCount, keepBundleFile } from "./bundle.ts";
import type { SearchRecord } from "./records.ts";

/** Records made between turns of the event loop. */
const SEND_EVERY = 32;

export async function indexRecords(records: Iterable<SearchRecord>): Promise<BundleFile[]> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(errors.join("; "));
    const added: Array<Promise<{ errors: string[] }>> = [];
    for (const record of records) {
      added.push(index.addCustomRecord(record));
      if (added.length % SEND_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    for (const [i, result] of (await Promise.all(added)).entries()) {
      if (result.errors.length) throw new Error(`record ${i + 1}: ${result.errors.join("; ")}`);
    }
    const written = await index.getFiles();
    if (written.errors.length) throw new Error(written.errors.join("; "));
    const files = canonicalBundle(written.files);
    const entry = files.find((file) => file.path === "pagefind-entry.json");
    const indexed = entry ? indexedPageCount(Buffer.from(entry.content).toString("utf8")) : 0;
    if (indexed !== added.length) throw new Error(`the index holds ${indexed} pages where ${added.length} were given`);
    return files.filter((file) => keepBundleFile(file.path));
  } finally {
    // Pagefind runs as a child process; it would otherwise outlive the build.
    await close();
  }
}
