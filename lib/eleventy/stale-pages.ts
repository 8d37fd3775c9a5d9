/**
 * Pages a rebuild no longer writes, removed from the output folder under `npm start`. A full build starts from an
 * empty folder (events.ts); a rebuild after an edit writes into the one the server is serving, so without this a
 * deleted or renamed item's page, a topic nobody uses any more or a list page past the new last one would still be
 * served, and the preview would show what the site will not have.
 *
 * Eleventy reports the pages each build writes (the eleventy.after event's results): whatever the last build wrote
 * and this one did not is removed, with its folder when that is left empty.
 */
import fs from "node:fs";
import path from "node:path";

export interface PageTracker {
  /** After a build into `output` that wrote `written` (output paths): removes the last build's pages it did not. */
  replace(output: string, written: Iterable<string>): string[];
}

// One tracker per output folder for the life of the process: npm start reloads the config (and with it the plugin)
// when site.json or our code changes, and the pages written before must still be known to go when they should.
const trackers = new Map<string, PageTracker>();

/** The tracker of the pages written into `output` by this process's builds. */
export function pageTrackerFor(output: string): PageTracker {
  const key = path.resolve(output);
  let tracker = trackers.get(key);
  if (!tracker) trackers.set(key, (tracker = createPageTracker()));
  return tracker;
}

export function createPageTracker(): PageTracker {
  let last = new Set<string>();
  return {
    replace(output, written) {
      const root = path.resolve(output);
      const now = new Set([...written].map((file) => path.resolve(file)));
      const removed: string[] = [];
      for (const file of last) {
        // Only pages inside the output folder: nothing else is ever touched.
        if (now.has(file) || !file.startsWith(root + path.sep)) continue;
        fs.rmSync(file, { force: true });
        removed.push(file);
        for (let dir = path.dirname(file); dir !== root && dir.startsWith(root + path.sep); dir = path.dirname(dir)) {
          try {
            fs.rmdirSync(dir);
          } catch {
            break;
          }
        }
      }
      last = now;
      return removed;
    },
  };
}
