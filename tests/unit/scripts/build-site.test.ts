import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { BUILD_NODE_OPTIONS } from "../../../scripts/build-site.ts";

const scripts = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const eleventy = "node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts";

test("npm run build and npm start run Eleventy with the Node options the tests and benchmarks build with", () => {
  assert.equal(scripts.build, `node ${BUILD_NODE_OPTIONS.join(" ")} ${eleventy}`);
  assert.equal(scripts.start, `node ${BUILD_NODE_OPTIONS.join(" ")} ${eleventy} --serve`);
});
