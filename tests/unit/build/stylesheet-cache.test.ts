import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readCachedStylesheet, stylesheetCacheKey, writeCachedStylesheet } from "../../../lib/build/stylesheet-cache.ts";

function withFolder(run: (folder: string) => void): void {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-scss-"));
  try {
    run(folder);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test("stylesheetCacheKey: changes with the source, the load paths and any project partial; stable otherwise", () =>
  withFolder((folder) => {
    fs.writeFileSync(path.join(folder, "_colours.scss"), "$ink: #0b0c0c;\n");
    fs.writeFileSync(path.join(folder, "page.md"), "not Sass");
    const source = { source: '@use "colours";', loadPaths: [folder] };
    const key = stylesheetCacheKey(source, [folder]);
    assert.match(key, /^[0-9a-f]{32}$/);
    assert.equal(stylesheetCacheKey(source, [folder]), key, "stable");
    assert.notEqual(stylesheetCacheKey({ ...source, source: '@use "colours"; .x { color: red; }' }, [folder]), key, "source");
    assert.notEqual(stylesheetCacheKey({ ...source, loadPaths: [folder, "."] }, [folder]), key, "load paths");
    fs.writeFileSync(path.join(folder, "page.md"), "still not Sass");
    assert.equal(stylesheetCacheKey(source, [folder]), key, "other files do not matter");
    fs.writeFileSync(path.join(folder, "_colours.scss"), "$ink: #000;\n");
    assert.notEqual(stylesheetCacheKey(source, [folder]), key, "a partial changed");
  }));

test("the cache: nothing before a write, the same text after; an unwritable cache is not an error", () =>
  withFolder((folder) => {
    const cache = path.join(folder, "cache");
    assert.equal(readCachedStylesheet("abc", cache), undefined);
    writeCachedStylesheet("abc", ".a{color:red}", cache);
    assert.equal(readCachedStylesheet("abc", cache), ".a{color:red}");
    assert.deepEqual(fs.readdirSync(cache), ["stylesheet-abc.css"], "no temporary file left");
    fs.writeFileSync(path.join(folder, "file"), "");
    assert.doesNotThrow(() => writeCachedStylesheet("abc", "x", path.join(folder, "file", "cache")));
  }));
