import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runShouldRebuild } from "../../../scripts/should-rebuild.ts";

const SCHEDULED = '{\n  "builtAt": "2027-03-06T12:00:00.000Z",\n  "nextScheduledAt": "2027-03-07T00:01:00.000Z"\n}\n';
const NOTHING = '{\n  "builtAt": "2027-03-06T12:00:00.000Z",\n  "nextScheduledAt": null\n}\n';
const files: Record<string, string> = { "scheduled.json": SCHEDULED, "nothing.json": NOTHING, "page.html": "<!doctype html><title>Not found</title>" };
const readFile = (file: string) => {
  if (!(file in files)) throw new Error(`ENOENT: no such file, open '${file}'`);
  return files[file]!;
};
const clock = () => Date.parse("2027-03-07T00:16:00Z");

const cases: Array<{ name: string; args: string[]; code: number; stdout: string; stderr: RegExp }> = [
  { name: "a scheduled time has passed", args: ["scheduled.json"], code: 0, stdout: "true\n", stderr: /rebuild: the scheduled time 2027-03-07T00:01:00.000Z has passed/ },
  { name: "the scheduled time is still to come", args: ["scheduled.json", "--now=2027-03-07T00:00:00Z"], code: 0, stdout: "false\n", stderr: /no rebuild: .*still to come/ },
  { name: "nothing scheduled", args: ["nothing.json"], code: 0, stdout: "false\n", stderr: /no rebuild: nothing is scheduled/ },
  { name: "the site answered with a page, not the record", args: ["page.html"], code: 2, stdout: "", stderr: /not JSON/ },
  { name: "a missing file", args: ["missing.json"], code: 2, stdout: "", stderr: /cannot read missing\.json/ },
  { name: "no file", args: [], code: 2, stdout: "", stderr: /^usage:/ },
  { name: "two files", args: ["nothing.json", "scheduled.json"], code: 2, stdout: "", stderr: /^usage:/ },
  { name: "an unknown flag", args: ["nothing.json", "--force"], code: 2, stdout: "", stderr: /^usage:/ },
  { name: "--now that is not a date", args: ["nothing.json", "--now=soon"], code: 2, stdout: "", stderr: /--now=soon is not a date/ },
];
for (const { name, args, code, stdout, stderr } of cases) {
  test(`should-rebuild ${args.join(" ")}: ${name} → exit ${code}, ${JSON.stringify(stdout)}`, () => {
    const result = runShouldRebuild(args, clock, readFile);
    assert.equal(result.code, code, result.stderr);
    assert.equal(result.stdout, stdout);
    assert.match(result.stderr, stderr);
  });
}

// The workflow runs the script with Node alone (no npm ci): copied without node_modules, it must still run.
test("the script runs with Node alone, from a folder without node_modules", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-should-rebuild-"));
  try {
    for (const file of ["scripts/should-rebuild.ts", "lib/content/schedule.ts"]) {
      fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
      fs.copyFileSync(file, path.join(root, file));
    }
    fs.writeFileSync(path.join(root, "build.json"), SCHEDULED);
    const run = (now: string) => spawnSync(process.execPath, ["scripts/should-rebuild.ts", "build.json", `--now=${now}`], { cwd: root, encoding: "utf8" });
    const due = run("2027-03-07T00:16:00Z");
    assert.equal(due.status, 0, due.stderr);
    assert.equal(due.stdout, "true\n");
    const early = run("2027-03-07T00:00:00Z");
    assert.equal(early.status, 0, early.stderr);
    assert.equal(early.stdout, "false\n");
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
