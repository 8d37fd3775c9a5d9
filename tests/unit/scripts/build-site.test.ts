import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { BUILD_NODE_OPTIONS } from "../../../scripts/build-site.ts";
import { buildCommand, parseBuildArguments } from "../../../scripts/build.ts";

const scripts = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const eleventy = "node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts";

test("npm run build and npm start run Eleventy with the Node options the tests and benchmarks build with", () => {
  // npm run build runs scripts/build.ts, which runs Eleventy (in batches, with our config) with BUILD_NODE_OPTIONS
  // into a staging folder.
  assert.equal(scripts.build, "node scripts/build.ts");
  const command = buildCommand("_site.building-1", ["--pages-per-batch=10"]);
  assert.deepEqual(command.slice(0, BUILD_NODE_OPTIONS.length), BUILD_NODE_OPTIONS);
  assert.match(command.at(-3)!, /lib\/build\/batched-build\.ts$/);
  assert.deepEqual(command.slice(-2), ["--output=_site.building-1", "--pages-per-batch=10"]);
  assert.ok(fs.readFileSync("lib/build/batched-build.ts", "utf8").includes('configPath: ".eleventy.ts"'));
  assert.equal(scripts.start, `node ${BUILD_NODE_OPTIONS.join(" ")} ${eleventy} --serve`);
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
