import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { BUILD_NODE_OPTIONS, PREVIEW_NODE_OPTIONS } from "../../../scripts/build-site.ts";
import { BUILD_ENVIRONMENT, BUILD_PROCESS_OPTIONS, hasBuildOptions, lacksBuildEnvironment, OLD_GENERATION_GROWTH, parseBuildArguments } from "../../../scripts/build.ts";

const scripts = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const eleventy = "node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts";

test("npm run build and npm start run Eleventy with the Node options the tests and benchmarks build with", () => {
  // npm run build runs scripts/build.ts with BUILD_PROCESS_OPTIONS (the build's, and gc exposed), so that it builds
  // in its own process; run without them, it runs itself again with them.
  assert.equal(scripts.build, `node ${BUILD_PROCESS_OPTIONS.join(" ")} scripts/build.ts`);
  assert.deepEqual(BUILD_PROCESS_OPTIONS.slice(0, BUILD_NODE_OPTIONS.length), BUILD_NODE_OPTIONS);
  assert.ok(BUILD_PROCESS_OPTIONS.includes("--expose-gc"));
  assert.ok(hasBuildOptions(["--max-semi-space-size=4", "--heap-growing-percent=50", "--expose-gc"]));
  assert.ok(!hasBuildOptions([]), "without them, a child is started with them");
  assert.ok(!hasBuildOptions(["--expose-gc"]));
  assert.ok(fs.readFileSync("lib/build/batched-build.ts", "utf8").includes('configPath: ".eleventy.ts"'));
  // npm start's young generation is larger than the build's (a rebuild's garbage), never smaller.
  assert.equal(scripts.start, `node ${PREVIEW_NODE_OPTIONS.join(" ")} ${eleventy} --serve`);
  const semiSpace = (options: readonly string[]) => Number(/--max-semi-space-size=(\d+)/.exec(options.join(" "))?.[1]);
  assert.ok(semiSpace(PREVIEW_NODE_OPTIONS) >= semiSpace(BUILD_NODE_OPTIONS));
  // Both keep the old generation's growth down (the dev server's rebuilds promote garbage, as the build's pages do).
  assert.ok(BUILD_NODE_OPTIONS.includes(OLD_GENERATION_GROWTH) && PREVIEW_NODE_OPTIONS.includes(OLD_GENERATION_GROWTH));
});

test("the build's environment: two malloc arenas, unless whoever runs the build set their own", () => {
  assert.deepEqual(BUILD_ENVIRONMENT, { MALLOC_ARENA_MAX: "2" });
  assert.ok(lacksBuildEnvironment({}), "npm run build: the process starts again with it");
  assert.ok(!lacksBuildEnvironment({ MALLOC_ARENA_MAX: "2" }), "started again: no further start");
  assert.ok(!lacksBuildEnvironment({ MALLOC_ARENA_MAX: "8" }), "a setting of one's own is kept");
});

const argumentCases: Array<{ args: string[]; output: string | undefined; rest: string[] }> = [
  { args: [], output: undefined, rest: [] },
  { args: ["--output=dist"], output: "dist", rest: [] },
  { args: ["--output", "dist", "--quiet"], output: "dist", rest: ["--quiet"] },
  { args: ["-o", "dist"], output: "dist", rest: [] },
  { args: ["--incremental"], output: undefined, rest: ["--incremental"] },
];
for (const { args, output, rest } of argumentCases) {
  test(`parseBuildArguments(${JSON.stringify(args)})`, () => {
    assert.deepEqual(parseBuildArguments(args), { output, rest });
  });
}
