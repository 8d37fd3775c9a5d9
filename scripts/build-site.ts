/**
 * Build a site from any content folder into any output folder by running the Eleventy CLI with our config,
 * exactly as `npm run build` does. Used by the tests (fixture content, reproducible "now").
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * Node options for every build, the same as `npm run build` and `npm start` use (package.json; a test checks
 * they agree). A build makes many short-lived strings; by default V8 lets each thread's young generation grow
 * to several times 16 MB, which on a 10,000-item archive costs about 200 MB of peak memory and no time.
 */
export const BUILD_NODE_OPTIONS = ["--max-semi-space-size=8"];

export interface BuildRequest {
  content: string;
  output: string;
  /** ISO date-time treated as "now" (embargoes); omit for the real clock. */
  now?: string;
  preview?: boolean;
  /** Extra environment, e.g. GOVNEWS_RENDER_AHEAD=off. */
  env?: Record<string, string>;
}

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function buildSite(request: BuildRequest, root = process.cwd()): BuildResult {
  const started = performance.now();
  const result = spawnSync(process.execPath, [...BUILD_NODE_OPTIONS, path.join(root, "node_modules/@11ty/eleventy/cmd.cjs"), "--config=.eleventy.ts"], {
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
