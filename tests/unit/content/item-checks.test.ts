// An item's checks against the rest of the content run on every field that is valid, even when others are not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { itemProblems, validFields, type ItemCheckContext } from "../../../lib/content/item-checks.ts";

const CONTEXT: ItemCheckContext = {
  authorIds: ["ann-lee", "jennifer-scott"],
  itemSlugs: ["council-toolkit", "this-item"],
  now: Date.parse("2027-01-01T00:00:00Z"),
  contentDir: "content",
  fileExists: (sitePath) => sitePath === "/images/there.png",
};

test("validFields keeps each field that is valid on its own, and an image's path without its alt text", () => {
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
    [
      "an empty title leaves the rest",
      { title: "", authors: ["ann-lee"], date: "2026-08-17T09:30:00+01:00" },
      { authors: ["ann-lee"], date: "2026-08-17T09:30:00+01:00", tags: [], draft: false },
    ],
    ["an image without alt keeps its path", { image: { src: "/images/x.png", credit: "GOV.UK" } }, { image: { src: "/images/x.png" }, authors: [], tags: [], draft: false }],
    ["an image with a hostile path keeps nothing", { image: { src: "/images/../x.png" } }, { authors: [], tags: [], draft: false }],
    ["a list of the wrong type is left out", { authors: "ann-lee", related: ["a"] }, { related: ["a"], tags: [], draft: false }],
    [
      "an invalid date is left out",
      { date: "2026-08-17", changes: [{ date: "2026-08-18T09:30:00+01:00", note: "Fixed." }] },
      { changes: [{ date: "2026-08-18T09:30:00+01:00", note: "Fixed." }], authors: [], tags: [], draft: false },
    ],
  ];
  for (const [name, data, expected] of cases) assert.deepEqual(validFields(data), expected, name);
});

test("itemProblems: authors, tags, related items, images, change and withdrawal dates", () => {
  const date = "2026-08-17T09:30:00+01:00";
  const cases: Array<[string, Parameters<typeof itemProblems>[2], string[]]> = [
    ["nothing wrong", { date, authors: ["ann-lee"], related: ["council-toolkit"], image: { src: "/images/there.png" } }, []],
    ["unknown author, with a suggestion", { authors: ["jscott"] }, ['authors[0] unknown author id "jscott": did you mean "jennifer-scott"?']],
    ["unknown author, no suggestion", { authors: ["zed"] }, ['authors[0] unknown author id "zed": add content/authors/zed.md or use one of: ann-lee, jennifer-scott']],
    ["an author twice", { authors: ["ann-lee", "ann-lee"] }, ['authors[1] "ann-lee" is listed twice: remove the repeat']],
    ["a tag with no letters", { tags: ["!!!"] }, ['tags[0] "!!!" cannot be made into a web address: write the tag with Latin letters or digits']],
    ["a missing image", { image: { src: "/images/gone.png" } }, ['image.src "/images/gone.png" does not exist: put the image in content/images/gone.png or fix the path']],
    ["an image elsewhere is not looked for", { image: { src: "https://example.org/x.png" } }, []],
    [
      "related: itself and unknown",
      { related: ["this-item", "council-toolkt"] },
      ['related[0] "this-item" is this item itself: remove it', 'related[1] unknown item "council-toolkt": did you mean "council-toolkit"?'],
    ],
    [
      "a change before publication",
      { date, changes: [{ date: "2026-08-16T09:30:00+01:00", note: "x" }] },
      [`changes[0].date is before the publication date ${date}: a change must come after publication`],
    ],
    ["a change without a date to compare is not judged", { changes: [{ date: "2026-08-16T09:30:00+01:00", note: "x" }] }, []],
    [
      "a withdrawn draft",
      { date, draft: true, withdrawn: { date: "2026-09-01T09:30:00+01:00", reason: "r" } },
      ["withdrawn is set on a draft, which was never published: remove withdrawn, or delete the file to drop the draft"],
    ],
  ];
  for (const [name, fields, expected] of cases) {
    assert.deepEqual(
      itemProblems("content/news/this-item.md", "this-item", fields, CONTEXT).map((i) => `${i.field} ${i.message}`),
      expected,
      name,
    );
  }
});
