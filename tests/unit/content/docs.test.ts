import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import { z } from "zod";
import { fieldTable, frontMatterReference, updateReference, REFERENCE_FILE, DOCS_START, DOCS_END } from "../../../lib/content/docs.ts";
import { newsItemSchema } from "../../../lib/content/schema.ts";

test("docs/editing.md's front-matter reference is the one generated from the schema (run npm run docs)", () => {
  const guide = fs.readFileSync(REFERENCE_FILE, "utf8");
  assert.equal(updateReference(guide), guide);
});

test("the README points editors to docs/editing.md and no longer carries the reference", () => {
  const readme = fs.readFileSync("README.md", "utf8");
  assert.ok(readme.includes("](docs/editing.md)"), "README.md has no link to docs/editing.md");
  assert.ok(!readme.includes(DOCS_START), "README.md still has the generated reference: it lives in docs/editing.md");
});

test("every news item field appears in the reference, in schema order", () => {
  const reference = frontMatterReference();
  const names = Object.keys(newsItemSchema.shape);
  const positions = names.map((n) => reference.indexOf(`| \`${n}\` |`));
  assert.ok(
    positions.every((p) => p > 0),
    "a field is missing",
  );
  assert.deepEqual(
    [...positions].sort((a, b) => a - b),
    positions,
  );
});

const cases: Array<{ name: string; schema: z.ZodType; expected: string[] }> = [
  {
    name: "required text, optional text with a default, nested object",
    schema: z.strictObject({
      a: z.string().meta({ description: "First", examples: ["x"] }),
      b: z.array(z.string()).default([]).meta({ description: "Second." }),
      c: z.strictObject({ d: z.boolean().meta({ description: "Inner" }) }).optional(),
    }),
    expected: ["| `a` | text | yes | First. Example: `x` |", "| `b` | list of text | no | Second. |", "| `c` | object | no |  |", "| `c.d` | true/false | yes | Inner. |"],
  },
  {
    name: "list of objects and an enum",
    schema: z.strictObject({ e: z.enum(["p", "q"]), f: z.array(z.strictObject({ g: z.string() })).optional() }),
    expected: ["| `e` | one of the values listed | yes |  |", "| `f` | list of object | no |  |", "| `f[].g` | text | yes |  |"],
  },
];
for (const c of cases) {
  test(`fieldTable: ${c.name}`, () => {
    assert.deepEqual(fieldTable(c.schema).split("\n").slice(2), c.expected);
  });
}

test("updateReference replaces only the marked section and fails without markers", () => {
  const out = updateReference(`before\n${DOCS_START}\nold\n${DOCS_END}\nafter`);
  assert.ok(out.startsWith("before\n" + DOCS_START));
  assert.ok(out.endsWith(DOCS_END + "\nafter"));
  assert.ok(!out.includes("\nold\n"));
  assert.throws(() => updateReference("no markers"), /has no/);
});
