// Image paths (image.src, photo.src, site.json logo): plain paths under /images/ that name an image file, or
// https URLs with nothing in them that could end an attribute or a tag; local files must exist, checked on the
// path as written (issue 14, finding 2).
import { test } from "node:test";
import assert from "node:assert/strict";
import { authorSchema, imagePathProblem, IMAGE_EXTENSIONS, LOGO_EXTENSIONS, newsItemSchema, siteSchema } from "../../../lib/content/schema.ts";
import { buildModel, type ModelOptions, type SourceFile } from "../../../lib/content/model.ts";
import { SITE_DATA } from "./site-fixture.ts";

const HOSTILE = `/images/"><script src=\\images\\evil.js><meta x="/../logo.png`;
const CHARACTERS = "may contain only letters, digits, hyphens, underscores, dots and slashes: rename the file (e.g. lower-case words joined by hyphens) and write its path";

const cases: Array<{ value: string; problem?: string; extensions?: readonly string[] }> = [
  // Fine
  { value: "/images/lead.png" },
  { value: "/images/2026/council_map-v2.final.JPEG" },
  { value: "/images/a.jpg" },
  { value: "/images/a.gif" },
  { value: "/images/a.webp" },
  { value: "/images/a.avif" },
  { value: "/images/a.svg" },
  { value: "https://assets.example.gov.uk/images/chart.png?size=large#top" },
  { value: "https://example.org/a%20b.png" },
  // The reproduction from the issue, and each trick in it on its own
  { value: HOSTILE, problem: `${JSON.stringify(HOSTILE)} ${CHARACTERS}` },
  { value: '/images/a".png', problem: `"/images/a\\".png" ${CHARACTERS}` },
  { value: "/images/a'.png", problem: `"/images/a'.png" ${CHARACTERS}` },
  { value: "/images/a<b>.png", problem: `"/images/a<b>.png" ${CHARACTERS}` },
  { value: "/images/sub\\a.png", problem: `"/images/sub\\\\a.png" ${CHARACTERS}` },
  { value: "/images/a%2e.png", problem: `"/images/a%2e.png" ${CHARACTERS}` },
  { value: "/images/my photo.png", problem: `"/images/my photo.png" ${CHARACTERS}` },
  { value: "/images/caf\u00e9.png", problem: `"/images/café.png" ${CHARACTERS}` },
  { value: "/images/a.png\u0000", problem: `"/images/a.png\\u0000" ${CHARACTERS}` },
  { value: "/images/a.png?v=2", problem: `"/images/a.png?v=2" has a ? or #: write the path of the file alone, e.g. /images/chart.png` },
  { value: "/images/a.png#x", problem: `"/images/a.png#x" has a ? or #: write the path of the file alone, e.g. /images/chart.png` },
  {
    value: "/images/../logo.png",
    problem: `"/images/../logo.png" has an empty folder name or one starting with a dot (such as ".."): write the path from /images/ down to the file`,
  },
  {
    value: "/images/./a.png",
    problem: `"/images/./a.png" has an empty folder name or one starting with a dot (such as ".."): write the path from /images/ down to the file`,
  },
  {
    value: "/images//a.png",
    problem: `"/images//a.png" has an empty folder name or one starting with a dot (such as ".."): write the path from /images/ down to the file`,
  },
  { value: "/images/", problem: `"/images/" has an empty folder name or one starting with a dot (such as ".."): write the path from /images/ down to the file` },
  { value: "/logo.png", problem: `"/logo.png" is not in /images/: put the image in the images folder and write /images/<file name>` },
  { value: "/Images/a.png", problem: `"/Images/a.png" is not in /images/: put the image in the images folder and write /images/<file name>` },
  { value: "//evil.example/a.png", problem: `"//evil.example/a.png" is not in /images/: put the image in the images folder and write /images/<file name>` },
  { value: "/images/evil.js", problem: `"/images/evil.js" is not an image: use a PNG, JPEG, GIF, WebP, AVIF or SVG file` },
  { value: "/images/page.html", problem: `"/images/page.html" is not an image: use a PNG, JPEG, GIF, WebP, AVIF or SVG file` },
  { value: "/images/noextension", problem: `"/images/noextension" is not an image: use a PNG, JPEG, GIF, WebP, AVIF or SVG file` },
  { value: "/images/a.svg", extensions: LOGO_EXTENSIONS, problem: `"/images/a.svg" is not a usable image: use a PNG, JPEG or GIF file` },
  { value: "images/a.png", problem: "must start with / (a file in the site) or https:// (an image elsewhere): write the path of the image" },
  { value: "javascript:alert(1)", problem: "must start with / (a file in the site) or https:// (an image elsewhere): write the path of the image" },
  { value: "data:image/png;base64,AAAA", problem: "must start with / (a file in the site) or https:// (an image elsewhere): write the path of the image" },
  { value: "http://example.org/a.png", problem: `"http://example.org/a.png" is not secure: use the https:// address of the image, or put the image in /images/` },
  ...['https://example.org/a.png"onerror="x', "https://example.org/a b.png", "https://example.org/<script>.png", "https://example.org/a'.png", "https://example.org\\a.png"].map(
    (value) => ({
      value,
      problem: `${JSON.stringify(value)} is not a usable web address: it has spaces, quotes, angle brackets or backslashes. Copy the image's address again, or put the image in /images/`,
    }),
  ),
  { value: "https://", problem: `"https://" is not a web address: write a full https:// URL for the image` },
  {
    value: "https://exa mple",
    problem: `"https://exa mple" is not a usable web address: it has spaces, quotes, angle brackets or backslashes. Copy the image's address again, or put the image in /images/`,
  },
];

for (const { value, problem, extensions = IMAGE_EXTENSIONS } of cases) {
  test(`imagePathProblem: ${JSON.stringify(value)} ${problem ? "is refused" : "is fine"}`, () => {
    assert.equal(imagePathProblem(value, "the image", extensions), problem);
  });
}

test("the schema refuses the issue's image.src, author photo and logo with the same rule", () => {
  const item = newsItemSchema.safeParse({ title: "T", description: "D", date: "2026-01-01T00:00:00Z", type: "news", image: { src: HOSTILE, alt: "A", credit: "C" } });
  assert.equal(item.success, false);
  assert.deepEqual(
    item.error?.issues.map((i) => [i.path.join("."), i.message]),
    [["image.src", `${JSON.stringify(HOSTILE)} ${CHARACTERS}`]],
  );
  const author = authorSchema.safeParse({ name: "N", role: "R", organisation: "O", photo: { src: "/images/../x.png", alt: "N" } });
  assert.deepEqual(
    author.error?.issues.map((i) => i.path.join(".")),
    ["photo.src"],
  );
  const site = siteSchema.safeParse({
    title: "T",
    description: "D",
    url: "https://example.org",
    organisation: { name: "O", url: "https://example.org" },
    copyright: "C",
    licence: { name: "L", url: "https://example.org" },
    logo: "/images/logo.svg",
  });
  assert.deepEqual(
    site.error?.issues.map((i) => [i.path.join("."), i.message]),
    [["logo", `"/images/logo.svg" is not a usable image: use a PNG, JPEG or GIF file`]],
  );
});

// -- Existence: image.src, photo.src and logo each name a file, asked about with the path as written ----------

const ITEM = { title: "T", description: "D", date: "2026-01-01T00:00:00Z", type: "news" };
const AUTHOR = { name: "Ada", role: "Editor", organisation: "Test Department" };

function build(parts: { site?: object; item?: object; author?: object }, options: Partial<ModelOptions>) {
  const site: SourceFile = { file: "content/site.json", body: "", data: { ...SITE_DATA, ...parts.site } };
  const news: SourceFile[] = [{ file: "content/news/item.md", body: "Text.\n", data: { ...ITEM, ...parts.item } }];
  const authors: SourceFile[] = [{ file: "content/authors/ada.md", body: "Ada writes.\n", data: { ...AUTHOR, ...parts.author } }];
  return buildModel({ site, news, authors }, { now: Date.parse("2027-01-01T00:00:00Z"), ...options });
}

const existenceCases: Array<{ name: string; parts: { site?: object; item?: object; author?: object }; field: string; file: string; src: string }> = [
  {
    name: "an item's image",
    parts: { item: { image: { src: "/images/gone.png", alt: "A", credit: "C" } } },
    field: "image.src",
    file: "content/news/item.md",
    src: "/images/gone.png",
  },
  { name: "an author's photo", parts: { author: { photo: { src: "/images/gone.jpg", alt: "Ada" } } }, field: "photo.src", file: "content/authors/ada.md", src: "/images/gone.jpg" },
  { name: "the site's logo", parts: { site: { logo: "/images/gone.gif" } }, field: "logo", file: "content/site.json", src: "/images/gone.gif" },
];

for (const { name, parts, field, file, src } of existenceCases) {
  test(`buildModel: ${name} that names a missing file is an error`, () => {
    const asked: string[] = [];
    const { model, issues } = build(parts, { fileExists: (p) => (asked.push(p), false) });
    assert.equal(model, undefined);
    assert.deepEqual(issues, [{ file, field, message: `"${src}" does not exist: put the image in content${src} or fix the path` }]);
    assert.deepEqual(asked, [src]);
  });
  test(`buildModel: ${name} that names an existing file is fine`, () => {
    const { model, issues } = build(parts, { fileExists: (p) => p === src });
    assert.deepEqual(issues, []);
    assert.ok(model);
  });
}

test("buildModel never asks about a path the schema refused (nothing is resolved or normalised)", () => {
  const asked: string[] = [];
  const { issues } = build(
    { item: { image: { src: HOSTILE, alt: "A", credit: "C" } }, author: { photo: { src: "/images/../logo.png", alt: "Ada" } }, site: { logo: "/images/a/../logo.png" } },
    { fileExists: (p) => (asked.push(p), true) },
  );
  assert.deepEqual(asked, []);
  assert.deepEqual(
    issues.map((i) => `${i.file} ${i.field}`),
    ["content/site.json logo", "content/authors/ada.md photo.src", "content/news/item.md image.src"],
  );
});
