// Escaping is the default (autoescape, lib/eleventy/filters/register.ts), so a template can only print a value raw by saying
// so. This keeps the ways of saying so to the two reviewed ones: `*Html` params (markup our code built from escaped
// or sanitised parts) printed with `| safe`, and nothing else: no other `| safe`, no `{% autoescape false %}`, no
// `{% raw %}` holding markup, no `| safe` on a value a template computed.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import nunjucks from "nunjucks";

const INCLUDES = "_includes";

function templates(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map(String)
    .filter((f) => f.endsWith(".njk"))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Every way a template can print a value unescaped, as "file: text". */
export function unescapedOutputs(file: string, source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\{\{([^}]*?)\|\s*safe\b[^}]*\}\}/g)) {
    const value = match[1]!.trim();
    if (!/^params\.\w+Html$/.test(value)) found.push(`${file}: ${match[0]}`);
  }
  for (const match of source.matchAll(/\{%-?\s*(autoescape|raw|verbatim)\b[^%]*%\}/g)) found.push(`${file}: ${match[0]}`);
  return found;
}

test("templates print values raw only as *Html params with | safe", () => {
  const files = templates(INCLUDES);
  assert.ok(files.length >= 15, files.join(", "));
  assert.deepEqual(
    files.flatMap((file) => unescapedOutputs(file, fs.readFileSync(file, "utf8"))),
    [],
  );
});

const detectorCases: Array<{ source: string; found: number }> = [
  { source: "{{ params.bioHtml | safe }}", found: 0 },
  { source: "{{ title | safe }}", found: 1 },
  { source: "{{ params.bio | safe }}", found: 1 },
  { source: "{{ (a + b) | safe }}", found: 1 },
  { source: "{{ x|safe }}", found: 1 },
  { source: "{% autoescape false %}{{ x }}{% endautoescape %}", found: 1 },
  { source: "{%- raw %}<b>{% endraw %}", found: 1 },
  { source: "{{ x | escape }}", found: 0 },
];
for (const { source, found } of detectorCases) {
  test(`unescapedOutputs finds ${found} in ${source}`, () => {
    assert.equal(unescapedOutputs("t.njk", source).length, found);
  });
}

test("with autoescape on, as the plugin sets it, a printed value is escaped in elements and attributes", () => {
  // The same switch the plugin flips on the GOV.UK plugin's environment.
  const env = new nunjucks.Environment(null, { autoescape: false });
  (env as unknown as { opts: { autoescape: boolean } }).opts.autoescape = true;
  const hostile = `"><script>alert(1)</script>&'`;
  assert.equal(
    env.renderString(`<a title="{{ x }}" href='{{ x }}'>{{ x }}</a>`, { x: hostile }),
    `<a title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;" href='&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;'>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;&#39;</a>`,
  );
});
