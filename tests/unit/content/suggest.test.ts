import { test } from "node:test";
import assert from "node:assert/strict";
import { suggest } from "../../../lib/content/suggest.ts";

const AUTHORS = ["jennifer-scott", "ross-kelly"];
const FIELDS = ["title", "description", "date", "type", "authors", "tags", "image", "updated", "changes", "draft", "withdrawn"];

const cases: Array<{ name: string; value: string; candidates: readonly string[]; expected: string | undefined }> = [
  { name: "initial plus surname", value: "jscott", candidates: AUTHORS, expected: "jennifer-scott" },
  { name: "initial plus surname, second author", value: "rkelly", candidates: AUTHORS, expected: "ross-kelly" },
  { name: "surname only", value: "scott", candidates: AUTHORS, expected: "jennifer-scott" },
  { name: "surname only, second author", value: "kelly", candidates: AUTHORS, expected: "ross-kelly" },
  { name: "missing letter in first name", value: "jenifer-scott", candidates: AUTHORS, expected: "jennifer-scott" },
  { name: "missing letter in surname", value: "ross-kely", candidates: AUTHORS, expected: "ross-kelly" },
  { name: "missing last letter", value: "jennifer-scot", candidates: AUTHORS, expected: "jennifer-scott" },
  { name: "no hyphen", value: "jenniferscott", candidates: AUTHORS, expected: "jennifer-scott" },
  { name: "underscore instead of hyphen", value: "jennifer_scott", candidates: AUTHORS, expected: "jennifer-scott" },
  { name: "different case", value: "Jennifer-Scott", candidates: AUTHORS, expected: "jennifer-scott" },
  { name: "field name typo", value: "auther", candidates: FIELDS, expected: "authors" },
  { name: "singular field name", value: "tag", candidates: FIELDS, expected: "tags" },
  { name: "unrelated id", value: "alan-turing", candidates: AUTHORS, expected: undefined },
  { name: "unrelated short string", value: "xyz", candidates: AUTHORS, expected: undefined },
  { name: "single letter", value: "j", candidates: AUTHORS, expected: undefined },
  { name: "empty string", value: "", candidates: AUTHORS, expected: undefined },
  { name: "unrelated field", value: "category", candidates: FIELDS, expected: undefined },
  { name: "no candidates", value: "jscott", candidates: [], expected: undefined },
];

for (const { name, value, candidates, expected } of cases) {
  test(`suggest: ${name} (${JSON.stringify(value)} → ${expected === undefined ? "no suggestion" : JSON.stringify(expected)})`, () => {
    assert.equal(suggest(value, candidates), expected);
  });
}

const tieCases: Array<{ name: string; value: string; candidates: string[]; expected: string }> = [
  { name: "equal edit distance", value: "ab", candidates: ["ac", "ad"], expected: "ac" },
  { name: "same surname", value: "scott", candidates: ["jennifer-scott", "ada-scott"], expected: "ada-scott" },
  { name: "same initial and surname", value: "ascott", candidates: ["anna-scott", "alan-scott"], expected: "alan-scott" },
];

for (const { name, value, candidates, expected } of tieCases) {
  test(`suggest: ties go to the alphabetically first candidate, whatever the order (${name})`, () => {
    assert.equal(suggest(value, candidates), expected);
    assert.equal(suggest(value, [...candidates].reverse()), expected);
  });
}

test("suggest does not reorder the caller's candidates", () => {
  const candidates = ["ross-kelly", "jennifer-scott"];
  suggest("jscott", candidates);
  assert.deepEqual(candidates, ["ross-kelly", "jennifer-scott"]);
});
