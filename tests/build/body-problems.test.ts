// Bodies the sanitiser would change fail the build, with every body problem of every item (file, line, what
// and how to fix it), the same with the render-ahead worker and without it, and `npm run check` reports the
// same problems (issue 14, finding 3).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildInMemory } from "./helpers.ts";
import { buildSite } from "../../scripts/build-site.ts";

const CONTENT = "tests/fixtures/hostile-bodies";
const F = `${CONTENT}/news`;
const LINK = "is not allowed: use an https://, http://, mailto: or tel: address, or a path on this site starting with /";
const PROBLEMS = [
  `${F}/attributes.md:7:1: (body) the onerror attribute on <img> is not allowed in an item's text (it would run script): remove it`,
  `${F}/attributes.md:9:1: (body) the link address "javascript:alert(3)" ${LINK}`,
  `${F}/attributes.md:11:1: (body) the link address " javascript:alert(4)" ${LINK}`,
  `${F}/attributes.md:11:1: (body) the link address "//evil.example/" ${LINK}`,
  `${F}/attributes.md:13:1: (body) the image address "data:image/png;base64,iVBORw0KGgo=" is not allowed: put the image in the images folder and write /images/<file name>, or use an https:// address`,
  `${F}/attributes.md:15:1: (body) the onclick attribute on <p> is not allowed in an item's text (it would run script): remove it`,
  `${F}/attributes.md:17:1: (body) the style attribute on <p> is not allowed in an item's text: remove it (the site's own styles apply)`,
  `${F}/elements.md:9:1: (body) <script> is not allowed in an item's text: remove it`,
  `${F}/elements.md:11:1: (body) <iframe> is not allowed in an item's text: remove it and link to what it shows instead`,
  `${F}/elements.md:13:1: (body) <form> is not allowed in an item's text: remove it and link to the form's own page instead`,
  `${F}/elements.md:13:1: (body) <input> is not allowed in an item's text: remove it and link to the form's own page instead`,
  `${F}/elements.md:13:1: (body) <button> is not allowed in an item's text: remove it and link to the form's own page instead`,
  `${F}/elements.md:15:1: (body) <meta> is not allowed in an item's text: remove it`,
  `${F}/elements.md:17:1: (body) <base> is not allowed in an item's text: remove it`,
  `${F}/elements.md:19:1: (body) <style> is not allowed in an item's text: remove it (the site's own styles apply)`,
  `${F}/elements.md:21:1: (body) <object> is not allowed in an item's text: remove it and link to what it shows instead`,
  `${F}/elements.md:21:1: (body) <embed> is not allowed in an item's text: remove it and link to what it shows instead`,
  `${F}/elements.md:23:1: (body) <svg> is not allowed in an item's text: remove it`,
  `${F}/elements.md:23:1: (body) <script> is not allowed in an item's text: remove it`,
];
const EXPECTED = [`${PROBLEMS.length} content problems found; nothing was published:`, ...PROBLEMS.map((p) => `  - ${p}`)].join("\n");

/** Our ContentError in the chain Eleventy wraps it in. */
function contentErrorMessage(error: unknown): string | undefined {
  let e = error as { name?: string; message?: string; originalError?: unknown; cause?: unknown } | undefined;
  while (e && e.name !== "ContentError") e = (e.originalError ?? e.cause) as typeof e;
  return e?.message;
}

for (const renderAhead of ["on", "off"]) {
  test(`the build fails with every body problem of every item (render-ahead ${renderAhead})`, async () => {
    await assert.rejects(buildInMemory(CONTENT, { GOVNEWS_RENDER_AHEAD: renderAhead, GOVNEWS_NOW: "2026-11-20T12:00:00Z" }), (error: unknown) => {
      assert.equal(contentErrorMessage(error), EXPECTED);
      return true;
    });
  });
}

// Static files (GOV.UK Frontend's assets, images) may be copied before the failure; putting the output in place
// only when the whole build succeeded is the output folder's business.
test("the CLI build writes no page, and prints the problems without a stack trace", () => {
  const output = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-hostile-"));
  try {
    const result = buildSite({ content: CONTENT, output, now: "2026-11-20T12:00:00Z" });
    assert.notEqual(result.status, 0);
    const printed = result.stdout + result.stderr;
    for (const problem of PROBLEMS) assert.ok(printed.includes(problem), `missing: ${problem}\n${printed}`);
    assert.ok(!/stack trace|^\s*(\[11ty\]\s*)?at /m.test(printed), `a stack trace was printed:\n${printed}`);
    const pages = fs.existsSync(output)
      ? fs
          .readdirSync(output, { recursive: true })
          .map(String)
          .filter((f) => /\.(html|xml|json|atom|opml)$/.test(f) && !f.startsWith("assets/"))
      : [];
    assert.deepEqual(pages, [], "no page or feed was written");
  } finally {
    fs.rmSync(output, { recursive: true, force: true });
  }
});

test("npm run check reports the same problems, with the front matter's, in one run", () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-check-"));
  try {
    fs.cpSync(CONTENT, content, { recursive: true });
    // A front-matter problem beside the body problems: both come in the one run.
    const file = path.join(content, "news", "elements.md");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("type: news", "type: newz"));
    const result = spawnSync(process.execPath, ["scripts/check-content.ts", content], { encoding: "utf8" });
    assert.equal(result.status, 1);
    const shown = path.relative(process.cwd(), content).split(path.sep).join("/");
    const expected = [`${PROBLEMS.length + 1} content problems found; fix them before publishing:`, ...PROBLEMS.map((p) => `  - ${p.replace(F, `${shown}/news`)}`)];
    expected.splice(
      1 + PROBLEMS.findIndex((p) => p.includes("elements.md")),
      0,
      `  - ${shown}/news/elements.md:5:7: type "newz" is not a type: use one of news, analysis, opinion, feature, press release, interview`,
    );
    assert.equal(result.stderr.trim(), expected.join("\n"));
  } finally {
    fs.rmSync(content, { recursive: true, force: true });
  }
});

test("npm run check passes the sample content and the fixture site", () => {
  for (const content of ["content", "tests/fixtures/site"]) {
    const result = spawnSync(process.execPath, ["scripts/check-content.ts", content], { encoding: "utf8" });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^Content OK/);
  }
});

test("with a front-matter problem too, the build still reports every body problem in the same run", () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-both-"));
  fs.cpSync(CONTENT, content, { recursive: true });
  const clean = path.join(content, "news", "clean-item.md");
  fs.writeFileSync(clean, fs.readFileSync(clean, "utf8").replace(/^type: .*$/m, "type: pressrelease"));
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "govnews-both-out-")), "site");
  const result = buildSite({ content, output });
  assert.notEqual(result.status, 0);
  const printed = result.stdout + result.stderr;
  assert.match(printed, /clean-item\.md:5:7: type "pressrelease" is not a type/);
  for (const problem of PROBLEMS) assert.ok(printed.includes(problem.slice(problem.indexOf("/news/"))), `missing: ${problem}`);
  assert.ok(!fs.existsSync(output));
});

test("a body's broken link or image fails the build as it fails the check, and nothing is published", () => {
  const content = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-links-"));
  const output = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "govnews-links-out-")), "site");
  try {
    fs.cpSync("tests/fixtures/site", content, { recursive: true });
    const file = path.join(content, "news", "hostile-feed.md");
    fs.appendFileSync(file, "\nSee [the missing page](/news/no-such-item/) and ![](/images/logo.png)\n");
    const line = fs.readFileSync(file, "utf8").trimEnd().split("\n").length;
    const shown = `${path.relative(process.cwd(), file).split(path.sep).join("/")}:${line}:1: (body)`;
    const expected = [
      `${shown} links to /news/no-such-item/, which will not exist: link to an item as /news/<its file name without .md>/`,
      `${shown} has an image with no alt text (/images/logo.png): describe what it shows between the square brackets, e.g. ![A council officer at a laptop](/images/logo.png), so screen reader users know`,
    ];
    const result = buildSite({ content, output, now: "2026-11-20T12:00:00Z" });
    assert.notEqual(result.status, 0);
    for (const problem of expected) assert.ok((result.stdout + result.stderr).includes(problem), `missing: ${problem}\n${result.stdout}${result.stderr}`);
    assert.ok(!fs.existsSync(output), "no site was written");
    const check = spawnSync(process.execPath, ["scripts/check-content.ts", content], { encoding: "utf8" });
    assert.equal(check.status, 1);
    for (const problem of expected) assert.ok(check.stderr.includes(problem), `check missing: ${problem}\n${check.stderr}`);
  } finally {
    fs.rmSync(content, { recursive: true, force: true });
    fs.rmSync(path.dirname(output), { recursive: true, force: true });
  }
});
