// No template engine ever sees a file from the content folder: whatever a pull request puts there (Nunjucks,
// Liquid, HTML, Markdown with JavaScript front matter, Eleventy data files, a file shadowing a layout), nothing in
// it runs at build time. Each planted file tries to write a marker file; the build must never create one.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../../scripts/build-site.ts";

/** A file that, if any template engine or data loader ran it, would write `marker`. */
function plantedFiles(marker: string): Record<string, string> {
  const write = `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)} + '-' + __NAME__, 'ran')`;
  const njk = (name: string) => `{{ range.constructor("${write.replace(/"/g, '\\"').replace("__NAME__", JSON.stringify(name).replace(/"/g, '\\"'))}")() }}`;
  const js = (name: string) => `${write.replace("__NAME__", JSON.stringify(name))};\nmodule.exports = {};\n`;
  return {
    "images/pixel.njk": njk("pixel-njk"),
    "page.njk": njk("page-njk"),
    "page.html": njk("page-html"),
    "page.liquid": `{% assign x = "liquid" %}{{ x }}`,
    "about.md": `---js\n{ title: (${write.replace("__NAME__", '"about-md"')}, "x") }\n---\nAbout.\n`,
    "_data/pwn.cjs": js("data-cjs"),
    "_data/pwn.js": `${write.replace("__NAME__", '"data-js"')};\nexport default {};\n`,
    "content.11tydata.cjs": js("11tydata"),
    "news/news.11tydata.cjs": js("news-11tydata"),
    // Shadowing a layout or include our pages use (Nunjucks searches the input folder too).
    "govnews-base.njk": njk("base"),
    "govuk/template.njk": njk("govuk-template"),
    "_includes/govnews-base.njk": njk("includes-base"),
  };
}

test("nothing planted in the content folder runs during a build", () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-planted-"));
  const content = path.join(parent, "content");
  fs.cpSync("tests/fixtures/leaks", content, { recursive: true });
  const marker = path.join(parent, "ran");
  for (const [file, text] of Object.entries(plantedFiles(marker))) {
    fs.mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    fs.writeFileSync(path.join(content, file), text);
  }
  const output = path.join(parent, "site");
  const result = buildSite({ content, output });
  const ran = fs.readdirSync(parent).filter((name) => name.startsWith("ran"));
  assert.deepEqual(ran, [], `planted code ran at build time:\n${result.stdout}${result.stderr}`);
  // Nor does any of it reach the output as a page.
  if (fs.existsSync(output)) {
    const built = (fs.readdirSync(output, { recursive: true }) as string[]).map(String);
    assert.ok(!built.some((f) => /pixel|page\/|about|pwn/.test(f)), built.join("\n"));
  }
});

test("the planted files are real attacks: Eleventy runs them when the content folder is its input", async () => {
  // The control for the test above, so it cannot pass by planting harmless files: render each planted Nunjucks
  // file as the old configuration did (the content folder as Eleventy's input) and see the marker appear.
  const { default: Eleventy } = await import("@11ty/eleventy");
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-control-"));
  const marker = path.join(parent, "ran");
  const input = path.join(parent, "input");
  const planted = plantedFiles(marker);
  for (const file of ["images/pixel.njk", "_data/pwn.cjs"]) {
    fs.mkdirSync(path.dirname(path.join(input, file)), { recursive: true });
    fs.writeFileSync(path.join(input, file), planted[file]!);
  }
  const eleventy = new Eleventy(input, path.join(parent, "out"), { quietMode: true, config: () => {} });
  await eleventy.toJSON();
  assert.deepEqual(
    fs
      .readdirSync(parent)
      .filter((name) => name.startsWith("ran"))
      .sort(),
    ["ran-data-cjs", "ran-pixel-njk"],
  );
});
