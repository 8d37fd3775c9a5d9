import { test } from "node:test";
import assert from "node:assert/strict";
import { one, parseHtml, renderComponent, tagNames, text } from "./render.ts";

test("search-box: a plain GET form to the search page, so it works without JavaScript", () => {
  const form = one(parseHtml(renderComponent("search-box", {})), "form.app-search-box");
  assert.equal(form.attribs.action, "/search/");
  assert.equal(form.attribs.method, "get");
  assert.equal(form.attribs.role, "search");
  assert.equal(form.attribs["aria-label"], "Site search");
  const input = one(form, "input.govuk-input");
  assert.equal(input.attribs.name, "q", "the search page reads ?q=");
  assert.equal(input.attribs.type, "search");
  assert.equal(input.attribs.id, "site-search");
  const label = one(form, "label");
  assert.equal(label.attribs.for, "site-search");
  assert.equal(text(label), "Search this site");
  const button = one(form, "button.app-search-box__button");
  assert.equal(button.attribs.type, "submit");
  assert.equal(text(button), "Search", "the button's name, for screen readers; the icon is hidden from them");
  assert.equal(one(button, "svg").attribs["aria-hidden"], "true");
  assert.ok(!tagNames(form).includes("script"));
});

const cases: Array<{ name: string; params: object; action: string; id: string; label: string }> = [
  { name: "defaults", params: {}, action: "/search/", id: "site-search", label: "Search this site" },
  { name: "another page, id and label", params: { action: "/find/", id: "box-2", label: "Search news" }, action: "/find/", id: "box-2", label: "Search news" },
  { name: "text is escaped", params: { label: '<script>alert("x")</script>' }, action: "/search/", id: "site-search", label: '<script>alert("x")</script>' },
];
for (const { name, params, action, id, label } of cases) {
  test(`search-box: ${name}`, () => {
    const doc = parseHtml(renderComponent("search-box", params));
    assert.equal(one(doc, "form").attribs.action, action);
    assert.equal(one(doc, "input").attribs.id, id);
    assert.equal(one(doc, "label").attribs.for, id);
    assert.equal(text(one(doc, "label")), label);
    assert.ok(!tagNames(doc).includes("script"));
  });
}
