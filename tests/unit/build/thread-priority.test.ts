// Lowering a worker thread's priority: that thread only, never the process, and never an error.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import { Worker } from "node:worker_threads";
import { currentThreadId, lowerThreadPriority } from "../../../lib/build/thread-priority.ts";

const linux = fs.existsSync("/proc/thread-self");

test("the main thread is never lowered (its id is the process's)", () => {
  const before = os.getPriority();
  assert.equal(lowerThreadPriority(), false);
  assert.equal(os.getPriority(), before);
});

test("on Linux, the current thread's id is the one /proc names; elsewhere there is none", () => {
  assert.equal(currentThreadId(), linux ? process.pid : undefined);
});

test("a worker thread lowers its own priority (on Linux, where priorities are per thread) and leaves the process's", async () => {
  const before = os.getPriority();
  const url = new URL("../../../lib/build/thread-priority.ts", import.meta.url).href;
  const code = `
    import { parentPort } from "node:worker_threads";
    import os from "node:os";
    const { currentThreadId, lowerThreadPriority } = await import(${JSON.stringify(url)});
    const tid = currentThreadId();
    const lowered = lowerThreadPriority(7);
    parentPort.postMessage({ tid, lowered, nice: tid === undefined ? undefined : os.getPriority(tid) });
  `;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
  const result = await new Promise<{ tid: number; lowered: boolean; nice: number }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
  });
  await worker.terminate();
  if (linux) {
    assert.ok(result.tid !== process.pid, "a worker has its own thread id");
    assert.equal(result.lowered, true);
    assert.equal(result.nice, Math.max(7, before));
  } else {
    assert.equal(result.lowered, false, "elsewhere a priority is the whole process's: left alone");
  }
  assert.equal(os.getPriority(), before, "the process (main thread) keeps its priority");
});
