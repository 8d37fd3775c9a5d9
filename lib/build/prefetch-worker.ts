/**
 * The worker side of prefetch.ts: reads each folder's Markdown files through one buffer and drops the bytes.
 * What it saves is in prefetch.ts; measured in docs/performance.md (npm run bench).
 */
import fs from "node:fs";
import path from "node:path";
import { workerData } from "node:worker_threads";

const buffer = Buffer.allocUnsafe(64 * 1024);
for (const folder of workerData as string[]) {
  let names: string[];
  try {
    // Regular files only: never follow a link out of the folder, nor open a pipe (which would block).
    names = fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".md"))
      .map((entry) => entry.name)
      .sort();
  } catch {
    continue;
  }
  for (const name of names) {
    try {
      const fd = fs.openSync(path.join(folder, name), "r");
      try {
        while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      // The loader reports files it cannot read.
    }
  }
}
