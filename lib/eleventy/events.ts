/** What happens before a build (a clean output folder, the content loaded) and after it (images copied). */
import fs from "node:fs";
import path from "node:path";
import { patchEleventy } from "../build/eleventy-patches.ts";
import { outputFolderProblem, setAsideOldOutput } from "../build/output-folder.ts";
import type { GovnewsOptions } from "./options.ts";

interface BuildEvent {
  runMode: string;
  outputMode: string;
  directories: { output: string };
}

/** Eleventy's eleventy.after event: the same, with the pages the build wrote. */
export interface AfterBuildEvent extends BuildEvent {
  results?: Array<{ outputPath?: string | false }>;
}

/** Refuses an output folder that holds source, and starts a written build from an empty one. */
export async function prepareOutput({ runMode, outputMode, directories }: BuildEvent, options: GovnewsOptions): Promise<void> {
  await patchEleventy();
  // However the output folder was given (GOVNEWS_OUTPUT, Eleventy's --output, npm run build's staging folder).
  const output = path.resolve(directories.output);
  if (outputMode === "fs") {
    const problem = outputFolderProblem(output, { root: path.resolve(options.root), content: path.resolve(options.root, options.contentDir) });
    if (problem) throw new OutputFolderError(`govnews: ${problem}`);
  }
  // A clean output folder every build: nothing left over from a removed or withdrawn item.
  if (runMode === "build" && outputMode === "fs") setAsideOldOutput(output);
}

/**
 * Copies each image (a site path under /images/) from the content folder to the output folder, byte for byte.
 * The paths were validated by the content schema; this refuses anything that would leave either folder anyway.
 */
export function copyImages(contentRoot: string, output: string, images: readonly string[]): void {
  const source = path.join(contentRoot, "images") + path.sep;
  const target = path.join(output, "images") + path.sep;
  for (const image of images) {
    const from = path.resolve(contentRoot, "." + image);
    const to = path.resolve(output, "." + image);
    if (!from.startsWith(source) || !to.startsWith(target)) throw new Error(`govnews: refusing to copy ${JSON.stringify(image)}: not a path under /images/`);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to);
  }
}

/** An output folder a build must not write to; printed without a stack trace, like content errors. */
class OutputFolderError extends Error {
  readonly skipOriginalStack = true;
}
