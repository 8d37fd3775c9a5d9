/**
 * The output folder of a build: never a folder that holds source, started clean, and swapped in whole.
 *
 * - `outputFolderProblem` refuses an output folder that is, contains or sits inside a source folder (the project,
 *   the content, templates, code, tests, dependencies, any folder with files tracked by git), or a folder outside
 *   the project that holds something other than an earlier build: the build deletes whatever is there.
 * - `scripts/build.ts` (npm run build) builds into a fresh sibling folder and puts it in place with a rename only
 *   when the whole build succeeded, so the output folder is always the last good site or absent.
 * - `setAsideOldOutput` removes an old output folder off the build's path. Saves: a large archive's previous
 *   output is thousands of files; deleting them first adds seconds to every build, and deleting them in the
 *   build's own process competes with its writes and delays its exit (measured in docs/performance.md,
 *   npm run bench).
 *
 * Here rather than in lib/eleventy because it is how a build is run, not Eleventy glue: scripts/build.ts uses it
 * without Eleventy, and its one speed-up (the background delete) sits beside the speed-ups it serves.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const OLD_MARK = ".old-";
const BUILDING_MARK = ".building-";

/** Folders of the project that hold source, relative to its root, besides the content folder. */
export const SOURCE_FOLDERS = ["_includes", "lib", "scripts", "tests", "types", "node_modules", ".git", ".github", ".ci"];

export interface OutputCheck {
  /** The project root. */
  root: string;
  /** The content folder being built. */
  content: string;
  /** Whether git tracks any file under a folder (undefined: git cannot tell). Injected for tests. */
  hasTrackedFiles?: (folder: string, root: string) => boolean | undefined;
}

const isWithin = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);

/** Files git tracks under `folder` (in the repository at `root`): true, false, or undefined without git. */
export function gitTracksFiles(folder: string, root: string): boolean | undefined {
  const result = spawnSync("git", ["ls-files", "-z", "--", path.relative(root, folder) || "."], { cwd: root, encoding: "utf8" });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.length > 0;
}

/** A folder a build of ours wrote: it has the files every govnews site has. */
function looksLikeBuiltSite(folder: string): boolean {
  return ["404.html", "sitemap.xml", "feed.xml", "robots.txt"].every((f) => fs.existsSync(path.join(folder, f)));
}

/** Why `output` must not be a build's output folder, as a sentence for the person running the build; or undefined. */
export function outputFolderProblem(output: string, check: OutputCheck): string | undefined {
  const target = path.resolve(output);
  const root = path.resolve(check.root);
  const content = path.resolve(check.content);
  const shown = JSON.stringify(isWithin(target, root) ? path.relative(root, target) || "." : target);
  const fix = "Build into a folder of its own, e.g. _site (GOVNEWS_OUTPUT or --output).";
  const sources = [
    { folder: root, what: "the project folder" },
    { folder: content, what: "the content folder" },
    ...SOURCE_FOLDERS.map((name) => ({ folder: path.join(root, name), what: `the project's ${name}/ folder` })),
  ];
  for (const { folder, what } of sources) {
    if (target === folder) return `will not build into ${shown}: it is ${what}, and a build replaces its output folder. ${fix}`;
    if (isWithin(folder, target)) return `will not build into ${shown}: it contains ${what}, and a build replaces its output folder. ${fix}`;
    if (folder !== root && isWithin(target, folder)) return `will not build into ${shown}: it is inside ${what}. ${fix}`;
  }
  if (isWithin(target, root) && (check.hasTrackedFiles ?? gitTracksFiles)(target, root)) {
    return `will not build into ${shown}: git tracks files in it, and a build replaces its output folder. ${fix}`;
  }
  // Outside the project, only a folder that is absent, empty or an earlier build may be replaced.
  if (!isWithin(target, root) && fs.existsSync(target)) {
    const isFolder = fs.statSync(target).isDirectory();
    if (!isFolder || (fs.readdirSync(target).length > 0 && !looksLikeBuiltSite(target))) {
      return `will not build into ${shown}: it ${isFolder ? "holds files that are not an earlier build of this site" : "is a file"}, and a build replaces its output folder. Remove it, or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`;
    }
  }
  return undefined;
}

/** A fresh folder beside `output` for a build to write into (same file system, so it can be renamed into place). */
export function stagingFolderFor(output: string): string {
  return `${path.resolve(output)}${BUILDING_MARK}${process.pid}`;
}

/**
 * Puts a finished build in place: the old output folder is renamed aside (and deleted in the background), then the
 * staging folder is renamed to the output folder. Between the two renames the output folder is briefly absent,
 * never half-written.
 */
export function swapInBuild(staging: string, output: string): void {
  setAsideOldOutput(output);
  fs.renameSync(staging, path.resolve(output));
}

/** Deletes, in the background, staging folders of builds that are no longer running (killed ones). */
export function removeAbandonedBuilds(output: string): void {
  const parent = path.dirname(path.resolve(output));
  const prefix = `${path.basename(path.resolve(output))}${BUILDING_MARK}`;
  if (!fs.existsSync(parent)) return;
  const abandoned = fs
    .readdirSync(parent)
    .filter((name) => name.startsWith(prefix) && !isRunning(Number(name.slice(prefix.length))))
    .map((name) => path.join(parent, name));
  if (abandoned.length > 0) removeInBackground(abandoned);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A killed build whose parent was killed too may be left a zombie, which signals still reach (Linux: state Z).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true;
  }
}

/**
 * Moves `output` aside (a rename: instant) so the build starts from an empty folder, and deletes it, with any
 * folders earlier builds set aside but could not delete (a killed build), in a detached low-priority process
 * that neither holds up this build nor keeps it from exiting.
 */
export function setAsideOldOutput(output: string): void {
  output = path.resolve(output);
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
