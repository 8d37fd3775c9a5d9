/**
 * The worker side of search-ahead.ts: builds the search index into the folder it is given, from items it asks the
 * page thread for a batch at a time (asking for the next as it starts on one), and says when the index is
 * written, or sends Pagefind's error. Told to stop (a rebuild started before this one ended), it closes
 * Pagefind's process first: it belongs to the whole process, and would otherwise outlive the worker.
 */
import { workerData, parentPort } from "node:worker_threads";
import { close } from "pagefind";
import { buildSearchBundle, type SearchAheadItem, type SearchAheadMessage, type SearchAheadReply, type SearchAheadWorkerData } from "./search-ahead.ts";

const port = parentPort!;
let answer: ((items: SearchAheadItem[]) => void) | undefined;
port.on("message", (reply: SearchAheadReply) => {
  if (reply === "stop") void close().finally(() => process.exit(0));
  else {
    // Waiting for items is what keeps the worker alive between Pagefind's processes; not waiting, nothing does.
    port.unref();
    answer?.(reply.items);
  }
});
port.unref();

function request(): Promise<SearchAheadItem[]> {
  port.ref();
  port.postMessage({ kind: "next" } satisfies SearchAheadMessage);
  return new Promise((resolve) => (answer = resolve));
}

async function* items(): AsyncGenerator<SearchAheadItem> {
  let next = request();
  for (;;) {
    const batch = await next;
    if (!batch.length) return;
    next = request();
    yield* batch;
  }
}

let message: SearchAheadMessage;
try {
  await buildSearchBundle({ ...(workerData as SearchAheadWorkerData), items: items() });
  message = { kind: "written" };
} catch (error) {
  message = { kind: "error", message: error instanceof Error ? error.message : String(error) };
}
port.postMessage(message);
