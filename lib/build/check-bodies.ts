/**
 * A speed-up for `npm run check`: item bodies read, rendered and checked in worker threads, one per core, while
 * the main thread reads and validates the front matter.
 *
 * Saves: rendering and sanitising every body is most of a check's time on a large archive, and it is the same
 * work for each body, so it divides across cores; measured in docs/performance.md (npm run bench:check). Each
 * worker reads its files itself (readSourceFile, as the main thread does), so the rendering starts at once and
 * overlaps the main thread's reading; the files are handed out up front, as the main thread is busy until then.
 *
 * The plain twin is bodyChecker on the main thread (lib/eleventy/markdown.ts), which the build and the
 * scaffolder use: tests/unit/build/check-bodies.test.ts checks both give the same results. If a worker fails,
 * its files are checked on the main thread: slower, never different.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { BodyCheck } from "../content/model.ts";

/** Files per message: small enough that the workers finish together, large enough that messages are few. */
const CHUNK = 250;

/** What a worker sends for each file: its path from the root, and its check (none when it could not be read). */
export type CheckedFile = { file: string; check?: BodyCheck };

/**
 * Starts checking the bodies of these item files (absolute paths) at once. The result maps each file's path from
 * `root` to its check; files whose front matter cannot be read have none (the loader reports them).
 */
export function checkBodiesInParallel(files: readonly string[], root: string, threads = os.availableParallelism(), chunkSize = CHUNK): Promise<Map<string, BodyCheck>> {
  const chunks: string[][] = [];
  for (let i = 0; i < files.length; i += chunkSize) chunks.push(files.slice(i, i + chunkSize));
  const count = Math.max(1, Math.min(threads, chunks.length));
  const results = new Map<string, BodyCheck>();
  const leftOver: string[] = [];
  const runs = Array.from({ length: count }, (_, w) => {
    const mine = chunks.filter((_, i) => i % count === w);
    return new Promise<void>((resolve) => {
      const worker = new Worker(new URL("./check-bodies-worker.ts", import.meta.url), { workerData: { root } });
      let done = 0;
      worker.on("message", (checked: CheckedFile[]) => {
        for (const { file, check } of checked) if (check) results.set(file, check);
        if (++done === mine.length) {
          void worker.terminate();
          resolve();
        }
      });
      worker.on("error", () => {
        leftOver.push(...mine.slice(done).flat());
        resolve();
      });
      for (const chunk of mine) worker.postMessage(chunk);
    });
  });
  return Promise.all(runs).then(async () => {
    if (leftOver.length === 0) return results;
    const { checkFiles } = await import("./check-bodies-worker.ts");
    for (const { file, check } of await checkFiles(leftOver, root)) if (check) results.set(file, check);
    return results;
  });
}
