import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { compileStylesheet, govnewsStylesheet } from "../../../lib/eleventy/stylesheet.ts";

function withFolder(run: (folder: string) => void): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-scss-"));
  try {
    run(folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test("compileStylesheet: compressed CSS, local partials resolved through the load paths", () =>
  withFolder((folder) => {
    fs.writeFileSync(path.join(folder, "_colours.scss"), "$ink: #0b0c0c;\n");
    const css = compileStylesheet({ source: '@use "colours" as *;\n.a { .b { color: $ink; margin: 2px * 2; } }', loadPaths: [folder] });
    assert.equal(css, ".a .b{color:#0b0c0c;margin:4px}");
  }));

test("govnewsStylesheet: GOV.UK's crest and font are named only with GOV.UK branding; other images as before", () => {
  for (const branded of [true, false]) {
    const css = compileStylesheet(govnewsStylesheet(".", "content", branded));
    assert.equal(css.includes('url("/assets/images/govuk-crest.svg")'), branded, `branding ${branded}: the crest`);
    assert.equal(css.includes("GDS Transport"), branded, `branding ${branded}: the font`);
    if (!branded) assert.ok(!css.includes("govuk-crest"), "no other mention of the crest");
  }
});
