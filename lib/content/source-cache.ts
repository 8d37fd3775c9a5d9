/**
 * Content files read once and kept while they are unchanged on disk, for `npm start`: a rebuild after an edit reads
 * and parses only the files whose size, times or inode changed, and takes every other item's parsed front matter
 * and body from here, as it was. A production build reads each file once and needs none of this.
 *
 * The plain twin is readSourceFile itself: what a cached read returns is what it returned for the same file, and
 * tests/unit/content/source-cache.test.ts checks a cached read against a fresh one after edits.
 */
import fs from "node:fs";
import { readSourceFile } from "./load.ts";
import type { SourceFile } from "./model.ts";

export interface SourceCache {
  /** The file as readSourceFile reads it: from the cache while the file is unchanged. */
  read(absolute: string, root: string): SourceFile;
  /** Forgets the files not read since the last call (deleted or renamed ones), so the cache holds only the folder. */
  prune(): void;
}

/** What a file's entry is kept against: a write changes its modification time or its size (and its ctime). */
function stamp(stats: fs.Stats): string {
  return `${stats.ino} ${stats.size} ${stats.mtimeMs} ${stats.ctimeMs}`;
}

export function createSourceCache(): SourceCache {
  const entries = new Map<string, { stamp: string; root: string; source: SourceFile }>();
  let seen = new Set<string>();
  return {
    read(absolute, root) {
      seen.add(absolute);
      let stats: fs.Stats;
      try {
        stats = fs.statSync(absolute);
      } catch {
        // Gone since the folder was listed: readSourceFile says so in its own words.
        entries.delete(absolute);
        return readSourceFile(absolute, root);
      }
      const key = stamp(stats);
      const cached = entries.get(absolute);
      if (cached && cached.stamp === key && cached.root === root) return cached.source;
      const source = readSourceFile(absolute, root);
      entries.set(absolute, { stamp: key, root, source });
      return source;
    },
    prune() {
      for (const file of entries.keys()) if (!seen.has(file)) entries.delete(file);
      seen = new Set();
    },
  };
}
