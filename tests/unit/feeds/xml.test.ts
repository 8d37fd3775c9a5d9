import { test } from "node:test";
import assert from "node:assert/strict";
import { XMLValidator } from "fast-xml-parser";
import { el, escapeAttribute, escapeText, xmlDocument } from "../../../lib/feeds/xml.ts";

const textCases: Array<[string, string]> = [
  ["plain", "plain"],
  ["a & b", "a &amp; b"],
  ["&amp; already", "&amp;amp; already"],
  ["&lt;script&gt;", "&amp;lt;script&amp;gt;"],
  ["<b>", "&lt;b&gt;"],
  ["]]>", "]]&gt;"],
  ["\u0007bell\u0000", "bell"],
  ["tab\tline\nreturn\r", "tab\tline\nreturn\r"],
  ["😀 שלום", "😀 שלום"],
];
for (const [input, expected] of textCases) test(`escapeText(${JSON.stringify(input)})`, () => assert.equal(escapeText(input), expected));

const attrCases: Array<[string, string]> = [
  ['say "hi"', "say &quot;hi&quot;"],
  ["it's", "it's"],
  ["a\tb\nc", "a b c"],
  ["https://x.org/?a=1&b=2", "https://x.org/?a=1&amp;b=2"],
];
for (const [input, expected] of attrCases) test(`escapeAttribute(${JSON.stringify(input)})`, () => assert.equal(escapeAttribute(input), expected));

test("el leaves out undefined attributes and false or undefined children", () => {
  const doc = xmlDocument(el("a", { x: "1", y: undefined }, el("b", {}, "t"), false, undefined, [el("c")]));
  assert.equal(doc, '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1">\n  <b>t</b>\n  <c/>\n</a>\n');
  assert.equal(XMLValidator.validate(doc), true);
});

test("names are checked, so data can never become markup", () => {
  assert.throws(() => el("a b"), /Invalid XML element name/);
  assert.throws(() => el("a", { "x><y": "1" }), /Invalid XML attribute name/);
  assert.throws(() => xmlDocument(el("a"), [["xml-stylesheet", "?>"]]), /Invalid processing instruction/);
});

test("hostile text in every position gives well-formed XML", () => {
  const hostile = `&<>"'\u0001]]>😀`;
  const doc = xmlDocument(el("root", { attr: hostile }, hostile, el("child", { a: hostile }, hostile)), [["xml-stylesheet", 'href="/f.xsl"']]);
  assert.equal(XMLValidator.validate(doc), true);
});
