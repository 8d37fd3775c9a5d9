/**
 * Build a site from any content folder into any output folder exactly as `npm run build` does (scripts/build.ts). Used by the tests (fixture content, reproducible "now").
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

import { BUILD_PROCESS_OPTIONS } from "./build.ts";

export { BUILD_NODE_OPTIONS, PREVIEW_NODE_OPTIONS } from "./build.ts";

export interface BuildRequest {
  content: string;
  output: string;
  /** ISO date-time treated as "now" (embargoes); omit for the real clock. */
  now?: string;
  preview?: boolean;
  /** Extra environment, e.g. GOVNEWS_RENDER_AHEAD=off. */
  env?: Record<string, string>;
  /** Extra arguments for scripts/build.ts, e.g. --pages-per-batch=10. */
  args?: string[];
}

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function buildSite(request: BuildRequest, root = process.cwd()): BuildResult {
  const started = performance.now();
  // As npm run build starts it: in one process, with the build's Node options.
  const result = spawnSync(process.execPath, [...BUILD_PROCESS_OPTIONS, path.join(root, "scripts/build.ts"), ...(request.args ?? [])], {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      GOVNEWS_CONTENT: request.content,
      GOVNEWS_OUTPUT: request.output,
      ...(request.now ? { GOVNEWS_NOW: request.now } : {}),
      GOVNEWS_PREVIEW: request.preview ? "1" : "",
      CONTEXT: "",
      ...request.env,
    },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

if (import.meta.main) {
  const [content = "content", output = "_site", now] = process.argv.slice(2);
  const result = buildSite({ content, output, now });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exit(result.status ?? 1);
}
