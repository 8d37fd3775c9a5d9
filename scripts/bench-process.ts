/**
 * A command run for the benches: wall time, and the peak memory of all its processes together. GNU time's peak is
 * that of the largest single process; a build also runs Pagefind's process beside Node's, so the bench samples
 * the resident memory of every process in the command's process group (Linux /proc) and keeps the highest sum.
 * A command that runs past `timeoutMs` is killed with its whole group and reported as timed out.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";

export interface MeasuredRun {
  /** Exit status (null when killed). */
  status: number | null;
  wallS: number;
  /** Highest sum of the resident memory of the command's processes, sampled every SAMPLE_MS (Linux only). */
  peakTreeMb?: number;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

const SAMPLE_MS = 200;
const PAGE_BYTES = 4096;
const MB = 1024 * 1024;

/** Resident memory of every process in the process group `group`, summed; undefined where /proc cannot be read. */
export function groupResidentBytes(group: number): number | undefined {
  let names: string[];
  try {
    names = fs.readdirSync("/proc");
  } catch {
    return undefined;
  }
  let total = 0;
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the command name (which may hold spaces, in parentheses): state is field 3, pgrp 5, rss 24.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === group) total += Number(fields[21]) * PAGE_BYTES;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

export function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<MeasuredRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    // Its own process group, so that the sampling finds every process it starts and a timeout ends them all.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    let peak: number | undefined;
    const sample = () => {
      const bytes = child.pid === undefined ? undefined : groupResidentBytes(child.pid);
      if (bytes !== undefined) peak = Math.max(peak ?? 0, bytes);
    };
    const sampler = setInterval(sample, SAMPLE_MS);
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
          }, options.timeoutMs);
    child.on("close", (status) => {
      clearInterval(sampler);
      if (timer) clearTimeout(timer);
      resolve({
        status,
        wallS: (performance.now() - started) / 1000,
        peakTreeMb: peak === undefined ? undefined : peak / MB,
        timedOut,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}
