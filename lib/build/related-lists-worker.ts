/** The worker side of related-lists.ts: computes every list and sends them as [slug, slugs] pairs, or the error. */
import { parentPort, workerData } from "node:worker_threads";
import { relatedLists, type RelatedListsInput } from "./related-lists.ts";
import { lowerThreadPriority } from "./thread-priority.ts";

// Behind the rebuilds it follows, which show what an editor waits for.
lowerThreadPriority();

try {
  parentPort!.postMessage({ lists: [...(await relatedLists(workerData as RelatedListsInput))] });
} catch (error) {
  parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
