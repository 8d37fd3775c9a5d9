/**
 * The output folder of a production build: started clean, with the old one removed off the build's path.
 *
 * Why: a 10,000-item archive's previous output is 12,000 files. Deleting them first adds seconds to every
 * build, and deleting them in the build's own process competes with its writes and delays its exit.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const OLD_MARK = ".old-";

/**
 * Moves `output` aside (a rename: instant) so the build starts from an empty folder, and deletes it, with any
 * folders earlier builds set aside but could not delete (a killed build), in a detached low-priority process
 * that neither holds up this build nor keeps it from exiting.
 */
export function setAsideOldOutput(output: string): void {
  const parent = path.dirname(output);
  const base = path.basename(output);
  const doomed: string[] = [];
  if (fs.existsSync(output)) {
    const old = `${output}${OLD_MARK}${process.pid}-${Date.now()}`;
    fs.renameSync(output, old);
    doomed.push(old);
  }
  if (fs.existsSync(parent)) {
    for (const name of fs.readdirSync(parent)) {
      const full = path.join(parent, name);
      if (name.startsWith(`${base}${OLD_MARK}`) && !doomed.includes(full)) doomed.push(full);
    }
  }
  if (doomed.length > 0) removeInBackground(doomed);
}

function removeInBackground(folders: string[]): void {
  const script = 'const fs = require("node:fs"); for (const f of process.argv.slice(1)) fs.rmSync(f, { recursive: true, force: true });';
  const child = spawn(process.execPath, ["-e", script, ...folders], { detached: true, stdio: "ignore" });
  child.on("error", (error) => console.warn(`govnews: could not remove ${folders.join(", ")}: ${error.message}`));
  if (child.pid !== undefined) {
    try {
      os.setPriority(child.pid, 19);
    } catch {
      // Lowering priority is a courtesy; some platforms refuse it.
    }
  }
  child.unref();
}
