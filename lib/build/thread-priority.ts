/**
 * Lowering one thread's scheduling priority, for work done far ahead of need.
 *
 * The render-ahead worker shares a two-core build machine with the page thread and with the threads that serve
 * it: V8's garbage collection and compiler helpers, and libuv's file writes. Once the worker has sent what
 * pages need first, what is left (bodies for pages further on) can yield to them.
 *
 * Saves: a little of a large build with related articles, as the page thread's helpers no longer wait for the
 * worker; measured in docs/performance.md (npm run bench).
 *
 * Linux only: there the nice value belongs to each thread, and setpriority(2) takes a thread id, which
 * /proc/thread-self names. Elsewhere a priority applies to the whole process, so nothing is changed.
 */
import fs from "node:fs";
import os from "node:os";

/** This thread's id, from /proc/thread-self ("<pid>/task/<tid>"), or undefined where there is none. */
export function currentThreadId(): number | undefined {
  try {
    const link = fs.readlinkSync("/proc/thread-self");
    const tid = Number(link.slice(link.lastIndexOf("/") + 1));
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Raises this thread's nice value to `niceness` (a lower priority); whether it is now that low. Never the main
 * thread (its id is the process id, and threads it starts later would inherit the value). Never throws.
 */
export function lowerThreadPriority(niceness = 10): boolean {
  const tid = currentThreadId();
  if (tid === undefined || tid === process.pid) return false;
  try {
    if (os.getPriority(tid) >= niceness) return true;
    os.setPriority(tid, niceness);
    return true;
  } catch {
    return false;
  }
}
