/**
 * Reads the content folder's Markdown files once in the background, so that they are in the operating system's
 * file cache when the build loads them (load.ts, synchronously, on the main thread).
 *
 * Saves: on a cold cache (a fresh CI machine, a build after a clone) reading a large archive costs most of its
 * load time, in the kernel. Eleventy spends longer than that starting up (loading its modules, the plugins, the
 * layouts) on one thread before the content is loaded, and the machine's other core is idle meanwhile. A worker
 * thread started first reads the files on that core, and the load that follows finds them warm. Measured in
 * docs/performance.md (npm run bench).
 *
 * Reads are synchronous, in the worker, into one reused buffer: promise-based reads on libuv's pool cost several
 * times the system time, and nothing needs decoding or keeping.
 */
import { Worker } from "node:worker_threads";

/** Starts reading every `.md` file in each folder, in name order; never throws and never keeps the process alive. */
export function prefetchContent(folders: string[]): Worker | undefined {
  try {
    const worker = new Worker(new URL("./prefetch-worker.ts", import.meta.url), { workerData: folders });
    // A failure here costs only the head start: the loader reads (and reports) every file itself.
    worker.on("error", () => {});
    worker.unref();
    return worker;
  } catch {
    return undefined;
  }
}
