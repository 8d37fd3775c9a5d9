/**
 * Watching a flat folder of many files (content/news/) for `npm start`, in place of Eleventy's watcher there.
 *
 * Saves: Eleventy watches with chokidar 4, which reads the whole folder again (every entry listed, lstat'ed and
 * matched against the ignore globs) whenever the folder reports any event, a saved file included. In a
 * 10,000-item archive that is a scan of 10,000 files on the page thread after every save, while the rebuild
 * it started runs; the gain is in docs/performance.md (Local preview, npm run bench:preview). This watches the one
 * folder with fs.watch, which names the file that changed, and looks at that file alone.
 *
 * Like chokidar's `awaitWriteFinish` (plugin.ts sets it for Eleventy's watcher), a file is reported once its size,
 * time and inode have held for `stableMs`, so a save written in several steps is built once. A deleted file, or a
 * file renamed away, is reported too; so is a sub-folder made or removed (the inventory reports what a sub-folder
 * of news/ holds as an error, lib/content/inventory.ts), and the folder itself going and coming back (a checkout
that replaces it), after which it is watched afresh. The plain twin is Eleventy's own watcher:
 * tests/unit/build/folder-watcher.test.ts has both report the same files for the same edits.
 */
import fs from "node:fs";
import path from "node:path";

export interface FolderWatcher {
  close(): void;
}

/** A file's size, modification time and inode, or "gone": what a completed save changes. */
function signature(file: string): string {
  try {
    const stats = fs.statSync(file);
    return `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
  } catch {
    return "gone";
  }
}

/** The folder's inode, or "gone": a folder replaced by another of the same name has another. */
function folderId(dir: string): string {
  try {
    return String(fs.statSync(dir).ino);
  } catch {
    return "gone";
  }
}

/**
 * Calls `changed` with the absolute path of each file in `dir` that is saved, added or deleted, once it holds still
 * for `stableMs` (checked every `pollMs`). When the system does not name the file, `dir` itself is reported; so it
 * is when the folder itself goes (deleted, or replaced by a checkout), and again when it is back, watched afresh.
 * `failed` is called if the folder cannot be watched (the system's limit of watches is reached, say).
 */
export function watchFlatFolder(
  dir: string,
  changed: (file: string) => void,
  { stableMs = 50, pollMs = 10, failed = (_error: Error) => {} }: { stableMs?: number; pollMs?: number; failed?: (error: Error) => void } = {},
): FolderWatcher {
  const settling = new Map<string, { last: string; since: number; timer: NodeJS.Timeout }>();
  let closed = false;
  let watcher: fs.FSWatcher | undefined;
  let folder = folderId(dir);
  let waiting: NodeJS.Timeout | undefined;
  const poll = (file: string) => {
    const entry = settling.get(file)!;
    const now = signature(file);
    if (now !== entry.last) [entry.last, entry.since] = [now, Date.now()];
    if (Date.now() - entry.since >= stableMs) {
      settling.delete(file);
      changed(file);
    } else entry.timer = setTimeout(poll, pollMs, file).unref();
  };
  // The folder gone or replaced: a watch on it sees nothing more, so it is watched again once it is back.
  const waitFor = () => {
    const wait = () => {
      if (closed) return;
      if (fs.existsSync(dir)) {
        start();
        changed(dir);
      } else waiting = setTimeout(wait, 250).unref();
    };
    waiting = setTimeout(wait, 250).unref();
  };
  const lost = () => {
    watcher?.close();
    watcher = undefined;
    changed(dir);
    waitFor();
  };
  const start = () => {
    folder = folderId(dir);
    try {
      watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        if (folderId(dir) !== folder) return lost();
        const file = name ? path.join(dir, name.toString()) : dir;
        const entry = settling.get(file);
        // A new event restarts the wait: the file is still being written.
        if (entry) [entry.last, entry.since] = [signature(file), Date.now()];
        else settling.set(file, { last: signature(file), since: Date.now(), timer: setTimeout(poll, pollMs, file).unref() });
      });
    } catch (error) {
      watcher = undefined;
      // Not there yet (an archive with no items so far): watched once it is made.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") waitFor();
      else failed(error as Error);
      return;
    }
    watcher.on("error", (error) => {
      watcher?.close();
      watcher = undefined;
      failed(error);
    });
  };
  start();
  return {
    close() {
      closed = true;
      watcher?.close();
      clearTimeout(waiting);
      for (const { timer } of settling.values()) clearTimeout(timer);
      settling.clear();
    },
  };
}
