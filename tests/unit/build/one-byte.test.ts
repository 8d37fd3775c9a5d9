// Output at one byte per character: wide characters as references (HTML, XML) or escapes (JSON), read back as
// the same text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { escapeWideCharactersInJson, oneByteOutput, referenceWideCharacters } from "../../../lib/build/one-byte.ts";
import { jsonForScript } from "../../../lib/eleventy/structured-data.ts";

/** Decodes numeric character references, as an HTML or XML parser does. */
const decodeReferences = (text: string) => text.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

for (const [name, input, expected] of [
  ["plain ASCII is returned as it is", "<p>Plain text & more</p>", "<p>Plain text & more</p>"],
  ["Latin-1 stays as it is", "<p>Café · £5 © naïve</p>", "<p>Café · £5 © naïve</p>"],
  ["curly quotes and dashes", "<p>It’s “new” – and — old</p>", "<p>It&#8217;s &#8220;new&#8221; &#8211; and &#8212; old</p>"],
  ["a character outside the BMP is one reference", "<p>😀</p>", "<p>&#128512;</p>"],
  ["other scripts", "<p>שלום عربى</p>", "<p>&#1513;&#1500;&#1493;&#1501; &#1593;&#1585;&#1576;&#1609;</p>"],
  ["attribute values", '<img alt="A “quoted” photo">', '<img alt="A &#8220;quoted&#8221; photo">'],
  ["script content is left alone", "<p>’</p><script>const s = '’';</script><p>’</p>", "<p>&#8217;</p><script>const s = '’';</script><p>&#8217;</p>"],
  ["style content, any case, is left alone", "<STYLE>a::after { content: '→' }</style >→", "<STYLE>a::after { content: '→' }</style >&#8594;"],
  ["a tag that only starts like script is not raw text", "<scripts>’</scripts>", "<scripts>&#8217;</scripts>"],
] as const) {
  test(`referenceWideCharacters: ${name}`, () => {
    assert.equal(referenceWideCharacters(input), expected);
  });
}

test("referenceWideCharacters: the result is read as the same text", () => {
  const text = "It’s “new” – 😀 שלום café";
  assert.equal(decodeReferences(referenceWideCharacters(text)), text);
});

for (const [name, input, expected] of [
  ["ASCII and Latin-1 are left as they are", '{"a":"Caf\u00e9 \u00b7 plain"}', '{"a":"Caf\u00e9 \u00b7 plain"}'],
  ["curly quotes", '{"title":"It\u2019s"}', '{"title":"It\\u2019s"}'],
  ["a character outside the BMP as two surrogate escapes", '{"e":"\u{1F600}"}', '{"e":"\\ud83d\\ude00"}'],
] as const) {
  test(`escapeWideCharactersInJson: ${name}`, () => {
    assert.equal(escapeWideCharactersInJson(input), expected);
    assert.deepEqual(JSON.parse(escapeWideCharactersInJson(input)), JSON.parse(input));
  });
}

test("escapeWideCharactersInJson: any string round-trips, and the text has no character above U+00FF", () => {
  const data = { title: "It’s “new” – 😀 שלום café \u2028 line", list: ["—", "é", "\u{10FFFF}"], n: 1 };
  const json = escapeWideCharactersInJson(JSON.stringify(data));
  assert.deepEqual(JSON.parse(json), data);
  assert.doesNotMatch(json, /[^\x00-\xff]/);
});

test("jsonForScript: no way out of the script element, nothing above U+00FF, and the same data back", () => {
  const data = { headline: "</script><!-- It’s “new” \u2028\u2029 😀", author: { name: "Zoë" } };
  const json = jsonForScript(data);
  assert.doesNotMatch(json, /</);
  assert.doesNotMatch(json, /[^\x00-\xff]/);
  assert.deepEqual(JSON.parse(json), data);
});

for (const [outputPath, input, expected] of [
  ["_site/news/a/index.html", "<p>It’s</p>", "<p>It&#8217;s</p>"],
  ["_site/feed.xml", "<title>It’s</title>", "<title>It&#8217;s</title>"],
  ["_site/feed.atom", "<title>It’s</title>", "<title>It&#8217;s</title>"],
  ["_site/sitemap.xml", "<loc>https://example.org/</loc>", "<loc>https://example.org/</loc>"],
  ["_site/feed.json", '{"title":"It’s"}', '{"title":"It\\u2019s"}'],
  ["_site/assets/govnews.css", "a::after { content: '→' }", "a::after { content: '→' }"],
  ["_site/assets/govnews.js", "const s = '’';", "const s = '’';"],
  ["_site/robots.txt", "’", "’"],
] as const) {
  test(`oneByteOutput: ${outputPath.split("/").pop()}`, () => {
    assert.equal(oneByteOutput(input, outputPath), expected);
  });
}
