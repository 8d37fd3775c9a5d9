/** The worker side of check-bodies.ts: reads and checks each chunk of item files it is sent, in order. */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { bodyChecker, createMarkdown } from "../eleventy/markdown.ts";
import { readSourceFile } from "../content/load.ts";
import type { CheckedFile } from "./check-bodies.ts";

let checker: Promise<ReturnType<typeof bodyChecker>> | undefined;

/** The check of each file's body, as the loader reads it; also the main thread's fallback. */
export async function checkFiles(files: readonly string[], root: string): Promise<CheckedFile[]> {
  checker ??= createMarkdown(undefined, "/", true, false).then((render) => bodyChecker(render, root));
  const checkBody = await checker;
  return files.map((absolute) => {
    // The body only: the main thread reads the front matter (a file it cannot read has no check, as there).
    const source = readSourceFile(absolute, root, false);
    return source.parseError ? { file: source.file } : { file: source.file, check: checkBody(source.file, source.body) };
  });
}

if (!isMainThread && parentPort) {
  const { root } = workerData as { root: string };
  const port = parentPort;
  // Messages are handled one at a time, in order: each waits for the one before.
  let queue = Promise.resolve();
  port.on("message", (files: string[]) => {
    queue = queue.then(async () => port.postMessage(await checkFiles(files, root)));
  });
}
