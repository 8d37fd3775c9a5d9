// Every component has the govuk-frontend shape: _includes/components/<name>/macro.njk defines app<Name>(params)
// and only includes its template.njk; and it has a render test here.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { macroName } from "./render.ts";

const COMPONENTS = "_includes/components";
const names = fs
  .readdirSync(COMPONENTS)
  .filter((name) => fs.statSync(path.join(COMPONENTS, name)).isDirectory())
  .sort();

test("the components folder holds the components", () => {
  assert.deepEqual(names, [
    "article-list",
    "article-summary",
    "author-bio",
    "byline",
    "featured-items",
    "feed-table",
    "paginated-list",
    "picture",
    "related-articles",
    "search-box",
    "share-links",
    "updates-box",
  ]);
});

for (const name of names) {
  test(`component ${name}: macro.njk includes template.njk; a render test exists`, () => {
    assert.deepEqual(fs.readdirSync(path.join(COMPONENTS, name)).sort(), ["macro.njk", "template.njk"]);
    assert.equal(
      fs.readFileSync(path.join(COMPONENTS, name, "macro.njk"), "utf8"),
      `{% macro ${macroName(name)}(params) %}\n  {%- include "components/${name}/template.njk" -%}\n{% endmacro %}\n`,
    );
    assert.ok(fs.existsSync(path.join("tests/unit/components", `${name}.test.ts`)), `tests/unit/components/${name}.test.ts`);
  });
}
