// Every page, feed and data file of the fixture site (whose titles, bios and bodies hold curly quotes, Hebrew and
// an emoji) is written at one byte per character (lib/build/one-byte.ts), and still says the same.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../../scripts/build-site.ts";

test("no character above U+00FF outside scripts and styles, and the text reads the same", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-one-byte-"));
  try {
    const result = buildSite({ content: "tests/fixtures/site", output: out, now: "2026-11-20T12:00:00Z" });
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const files = walk(out).filter((f) => /\.(html|xml|json)$/.test(f));
    assert.ok(files.length > 50, `${files.length} files`);
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8").replace(/<(script|style)\b[^]*?<\/\1>/gi, "");
      assert.doesNotMatch(text, /[^\x00-\xff]/, path.relative(out, file));
    }
    // The fixture's hostile title, its emoji and Hebrew as references, read back by a parser as they were written.
    const feed = JSON.parse(fs.readFileSync(path.join(out, "feed.json"), "utf8")) as { items: Array<{ title: string }> };
    assert.ok(
      feed.items.some((item) => item.title.includes("😀 שלום")),
      "JSON feed titles decode to the original characters",
    );
    const rss = fs.readFileSync(path.join(out, "feed.xml"), "utf8");
    assert.match(rss, /&#128512; &#1513;&#1500;&#1493;&#1501;/);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
