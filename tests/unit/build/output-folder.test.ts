import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { gitTracksFiles, outputFolderProblem, removeAbandonedBuilds, setAsideOldOutput, stagingFolderFor, swapInBuild } from "../../../lib/build/output-folder.ts";

async function waitUntil(check: () => boolean, ms = 15_000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (check()) return true;
  return check();
}

test("setAsideOldOutput: the output folder is gone at once, and it and earlier leftovers are deleted in the background", async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-output-"));
  try {
    const output = path.join(parent, "_site");
    fs.mkdirSync(path.join(output, "news", "old-item"), { recursive: true });
    fs.writeFileSync(path.join(output, "news", "old-item", "index.html"), "withdrawn");
    const leftover = path.join(parent, "_site.old-1-2");
    fs.mkdirSync(leftover);
    const unrelated = path.join(parent, "_site-keep");
    fs.mkdirSync(unrelated);

    setAsideOldOutput(output);

    assert.equal(fs.existsSync(output), false);
    assert.ok(await waitUntil(() => fs.readdirSync(parent).filter((n) => n.startsWith("_site.old-")).length === 0), "old folders deleted");
    assert.deepEqual(fs.readdirSync(parent), ["_site-keep"]);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});

test("setAsideOldOutput: nothing to do when there is no output folder yet", () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-output-"));
  try {
    setAsideOldOutput(path.join(parent, "_site"));
    assert.deepEqual(fs.readdirSync(parent), []);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});

// A project laid out like ours, in a temporary folder, for outputFolderProblem.
function project(): { root: string; content: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-project-"));
  for (const folder of ["content/news", "_includes", "lib/eleventy", "scripts", "tests", "docs"]) fs.mkdirSync(path.join(root, folder), { recursive: true });
  return { root, content: path.join(root, "content") };
}

const problemCases: Array<{ output: string; tracked?: string[]; problem: RegExp | undefined }> = [
  { output: "_site", problem: undefined },
  { output: "_test-site/fixture", problem: undefined },
  { output: ".", problem: /"\.": it is the project folder/ },
  { output: "..", problem: /it contains the project folder/ },
  { output: "/", problem: /it contains the project folder/ },
  { output: "content", problem: /"content": it is the content folder/ },
  { output: "content/news", problem: /it is inside the content folder/ },
  { output: "_includes", problem: /it is the project's _includes\/ folder/ },
  { output: "lib/site", problem: /it is inside the project's lib\/ folder/ },
  { output: "node_modules", problem: /node_modules/ },
  { output: ".git", problem: /\.git/ },
  { output: "docs", tracked: ["docs"], problem: /git tracks files in it/ },
  { output: "docs/site", tracked: ["docs/site"], problem: /git tracks files in it/ },
];

for (const { output, tracked = [], problem } of problemCases) {
  test(`outputFolderProblem: ${output} is ${problem ? "refused" : "fine"}`, () => {
    const { root, content } = project();
    try {
      const found = outputFolderProblem(path.resolve(root, output), {
        root,
        content,
        hasTrackedFiles: (folder) => tracked.some((t) => path.resolve(root, t) === folder),
      });
      if (problem) assert.match(found ?? "", problem);
      else assert.equal(found, undefined);
      if (found) assert.match(found, /Build into a folder of its own, e\.g\. _site/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
}

test("outputFolderProblem: outside the project, only an absent, empty or earlier-built folder may be replaced", () => {
  const { root, content } = project();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-outside-"));
  try {
    const check = { root, content, hasTrackedFiles: () => false };
    assert.equal(outputFolderProblem(path.join(outside, "absent"), check), undefined);
    assert.equal(outputFolderProblem(outside, check), undefined, "empty");
    fs.writeFileSync(path.join(outside, "thesis.docx"), "years of work");
    assert.match(outputFolderProblem(outside, check) ?? "", /holds files that are not an earlier build of this site/);
    for (const file of ["404.html", "sitemap.xml", "feed.xml", "robots.txt"]) fs.writeFileSync(path.join(outside, file), "");
    assert.equal(outputFolderProblem(outside, check), undefined, "an earlier build");
    assert.match(outputFolderProblem(path.join(outside, "thesis.docx"), check) ?? "", /is a file/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

test("outputFolderProblem: a content folder outside the project is protected too", () => {
  const { root } = project();
  const content = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-content-"));
  try {
    const check = { root, content, hasTrackedFiles: () => false };
    assert.match(outputFolderProblem(content, check) ?? "", /it is the content folder/);
    assert.match(outputFolderProblem(path.dirname(content), check) ?? "", /it contains the (project|content) folder/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(content, { recursive: true, force: true });
  }
});

test("gitTracksFiles: true for a folder of this repository, false for an untracked one", () => {
  assert.equal(gitTracksFiles(path.resolve("lib"), path.resolve(".")), true);
  assert.equal(gitTracksFiles(path.resolve("_site-never-tracked"), path.resolve(".")), false);
});

test("swapInBuild: the finished build replaces the output folder; removeAbandonedBuilds clears killed builds' folders", async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-swap-"));
  try {
    const output = path.join(parent, "_site");
    fs.mkdirSync(output);
    fs.writeFileSync(path.join(output, "old.html"), "old");
    const staging = stagingFolderFor(output);
    assert.equal(path.dirname(staging), parent);
    fs.mkdirSync(staging);
    fs.writeFileSync(path.join(staging, "new.html"), "new");
    // A killed build's staging folder (no such process), and one of a build still running (this one).
    const killed = path.join(parent, "_site.building-999999999");
    fs.mkdirSync(killed);
    swapInBuild(staging, output);
    assert.deepEqual(fs.readdirSync(output), ["new.html"]);
    removeAbandonedBuilds(output);
    assert.ok(await waitUntil(() => !fs.existsSync(killed) && fs.readdirSync(parent).every((n) => !n.startsWith("_site.old-"))));
    assert.deepEqual(fs.readdirSync(parent), ["_site"]);
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
});
