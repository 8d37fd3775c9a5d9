// The GitHub Actions workflows parse as YAML and do what the README says: every pull request runs the content check
// and the full test suite in Debian with its Chromium; the scheduled one reads /build.json every quarter hour and
// calls the Netlify build hook only when scripts/should-rebuild.ts says so, with the files that script needs.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  container?: string | { image: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOWS = ".github/workflows";

function readWorkflow(file: string): Workflow {
  // `yaml` reports every problem; a workflow GitHub cannot read would otherwise fail only once pushed.
  const text = fs.readFileSync(path.join(WORKFLOWS, file), "utf8");
  return parse(text, { prettyErrors: true, strict: true, uniqueKeys: true }) as Workflow;
}

const runs = (job: Job) => job.steps.map((step) => step.run ?? "").join("\n");

test("every workflow parses, has a name, a trigger, jobs with steps, and reads the repository only", () => {
  const files = fs.readdirSync(WORKFLOWS).sort();
  assert.deepEqual(files, ["pull-request.yml", "scheduled-publish.yml"]);
  for (const file of files) {
    const workflow = readWorkflow(file);
    assert.ok(workflow.name, `${file}: name`);
    assert.ok(workflow.on && Object.keys(workflow.on).length > 0, `${file}: on`);
    assert.deepEqual(workflow.permissions, { contents: "read" }, `${file}: least privilege`);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      assert.ok(job["runs-on"], `${file} ${id}: runs-on`);
      assert.ok(job.steps.length > 0, `${file} ${id}: steps`);
      for (const step of job.steps) assert.ok(Boolean(step.uses) !== Boolean(step.run), `${file} ${id}: a step has either uses or run: ${JSON.stringify(step)}`);
    }
  }
});

test("pull requests: the content check, and npm test in Debian with Debian's chromium", () => {
  const workflow = readWorkflow("pull-request.yml");
  assert.ok("pull_request" in workflow.on);
  const jobs = Object.values(workflow.jobs);
  const check = jobs.find((job) => /^npm run check$/m.test(runs(job)));
  assert.ok(check, "a job runs npm run check");
  assert.match(runs(check), /^npm ci$/m);
  const suite = jobs.find((job) => /^npm test$/m.test(runs(job)));
  assert.ok(suite, "a job runs the full suite, npm test");
  assert.match(String(suite.container), /^debian:/);
  assert.match(runs(suite), /apt-get install .*\bchromium\b/);
  assert.match(runs(suite), /^npm ci$/m);
  assert.equal(suite.steps.find((step) => step.run === "npm test")?.env?.CHROMIUM_PATH, "/usr/bin/chromium");
  for (const job of jobs) assert.equal(job.steps.find((step) => step.uses?.startsWith("actions/setup-node"))?.with?.["node-version"], 24);
});

/** The minutes a cron field names, for the forms used here: "*\/15", "1,16,31,46". */
function cronMinutes(field: string): number[] {
  const step = /^\*\/(\d+)$/.exec(field);
  if (step) return Array.from({ length: Math.ceil(60 / Number(step[1])) }, (_, i) => i * Number(step[1]));
  return field.split(",").map(Number);
}

test("scheduled publishing: every 15 minutes, all day, every day", () => {
  const schedule = readWorkflow("scheduled-publish.yml").on.schedule as Array<{ cron: string }>;
  assert.equal(schedule.length, 1);
  const [minute, ...rest] = schedule[0]!.cron.split(" ");
  assert.deepEqual(rest, ["*", "*", "*", "*"]);
  const minutes = cronMinutes(minute!);
  assert.equal(minutes.length, 4, schedule[0]!.cron);
  for (const [i, m] of minutes.entries()) assert.equal((minutes[(i + 1) % 4]! - m + 60) % 60, 15, `${schedule[0]!.cron}: not every 15 minutes`);
});

test("scheduled publishing: fetches /build.json, asks should-rebuild, and posts to the hook from the secret only when it says true", () => {
  const workflow = readWorkflow("scheduled-publish.yml");
  const [job] = Object.values(workflow.jobs);
  assert.ok(job);
  const fetchStep = job.steps.findIndex((step) => /curl [^\n]*\/build\.json/.test(step.run ?? ""));
  const decide = job.steps.findIndex((step) => /node scripts\/should-rebuild\.ts build\.json/.test(step.run ?? ""));
  const hook = job.steps.findIndex((step) => /curl [^\n]*-X POST/.test(step.run ?? ""));
  assert.ok(fetchStep >= 0 && decide > fetchStep && hook > decide, "fetch, then decide, then the hook");
  const id = job.steps[decide]!.id;
  assert.ok(id, "the decision step has an id");
  assert.equal(job.steps[hook]!.if, `steps.${id}.outputs.rebuild == 'true'`);
  assert.equal(job.steps[hook]!.env?.NETLIFY_BUILD_HOOK, "${{ secrets.NETLIFY_BUILD_HOOK }}");
  // The secret reaches that step only, and is never printed.
  const text = fs.readFileSync(path.join(WORKFLOWS, "scheduled-publish.yml"), "utf8");
  assert.equal(text.match(/secrets\.NETLIFY_BUILD_HOOK/g)?.length, 1);
  assert.doesNotMatch(job.steps[hook]!.run!, /echo[^\n]*\$\{?NETLIFY_BUILD_HOOK/);
  // A failed decision (exit 2) fails the step: the substitution is an assignment of its own, not inside echo.
  assert.match(job.steps[decide]!.run!, /^rebuild="\$\(node scripts\/should-rebuild\.ts build\.json\)"$/m);
});

/** Relative imports of a TypeScript file, followed, and every package import met on the way. */
function importsOf(file: string, seen = new Set<string>(), packages = new Set<string>()): { files: Set<string>; packages: Set<string> } {
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  for (const [, kind, specifier] of source.matchAll(/^import (type )?[^;]*?from "([^"]+)";/gm)) {
    if (kind) continue; // erased when Node strips the types
    if (specifier!.startsWith(".")) {
      const target = path.posix.join(path.posix.dirname(file), specifier!);
      if (!seen.has(target)) importsOf(target, seen, packages);
    } else packages.add(specifier!);
  }
  return { files: seen, packages };
}

test("scheduled publishing: the sparse checkout holds every file should-rebuild.ts runs, and it needs no package", () => {
  const [job] = Object.values(readWorkflow("scheduled-publish.yml").jobs);
  const checkout = job!.steps.find((step) => step.uses?.startsWith("actions/checkout"));
  const sparse = String(checkout?.with?.["sparse-checkout"] ?? "")
    .split("\n")
    .filter(Boolean);
  assert.equal(checkout?.with?.["sparse-checkout-cone-mode"], false);
  const { files, packages } = importsOf("scripts/should-rebuild.ts");
  assert.deepEqual(
    [...packages].filter((name) => !name.startsWith("node:")),
    [],
    "only Node's own modules: the workflow installs nothing",
  );
  for (const file of [...files, "package.json", "content/site.json"]) assert.ok(sparse.includes(file), `${file} is not in the sparse checkout`);
  for (const file of sparse) assert.ok(fs.existsSync(file), `${file} is in the sparse checkout but does not exist`);
});

test("the pull request template tells editors what to check in the deploy preview", () => {
  const template = fs.readFileSync(".github/pull_request_template.md", "utf8");
  for (const words of [/deploy preview/i, /scheduled/i, /images?/i, /change note/i, /15 minutes/]) assert.match(template, words);
});
