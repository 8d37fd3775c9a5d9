// site.url is appended to in every canonical link, Open Graph image and feed: it must be an https origin, and a
// trailing slash must not make "//" in links.
import { test } from "node:test";
import assert from "node:assert/strict";
import { siteOrigin } from "../../../lib/content/schema.ts";
import { validateSite } from "../../../lib/content/model.ts";

const cases: Array<{ value: string; origin: string | undefined }> = [
  { value: "https://news.example.gov.uk", origin: "https://news.example.gov.uk" },
  { value: "https://news.example.gov.uk/", origin: "https://news.example.gov.uk" },
  { value: "https://News.Example.gov.uk:443/", origin: "https://news.example.gov.uk" },
  { value: "https://news.example.gov.uk:8443", origin: "https://news.example.gov.uk:8443" },
  { value: "http://news.example.gov.uk", origin: undefined },
  { value: "ftp://news.example.gov.uk", origin: undefined },
  { value: "javascript:alert(1)", origin: undefined },
  { value: "//news.example.gov.uk", origin: undefined },
  { value: "/news", origin: undefined },
  { value: "https://news.example.gov.uk/news", origin: undefined },
  { value: "https://news.example.gov.uk/?q=1", origin: undefined },
  { value: "https://news.example.gov.uk/#top", origin: undefined },
  { value: "https://user:pass@news.example.gov.uk", origin: undefined },
  { value: 'https://news.example.gov.uk/"><script>alert(1)</script>', origin: undefined },
  { value: "https://news.example.gov.uk\\@evil.example", origin: undefined },
  { value: "https://news.example.gov.uk'", origin: undefined },
];

for (const { value, origin } of cases) {
  test(`siteOrigin(${JSON.stringify(value)}) is ${origin ?? "refused"}`, () => {
    assert.equal(siteOrigin(value), origin);
  });
}

const SITE = {
  title: "News",
  description: "About.",
  organisation: { name: "Dept", url: "https://dept.example.gov.uk" },
  copyright: "© Dept",
  licence: { name: "OGL", url: "https://ogl.example" },
};

test("validateSite keeps the origin, so links never get a double slash", () => {
  const { site, issues } = validateSite("content/site.json", { ...SITE, url: " https://news.example.gov.uk/ " });
  assert.deepEqual(issues, []);
  assert.equal(site?.url, "https://news.example.gov.uk");
  assert.equal(`${site?.url}/news/x/`, "https://news.example.gov.uk/news/x/");
});

test("validateSite names the field and the fix for an address that is not an https origin", () => {
  const value = 'https://x.example/"><script>alert(1)</script>';
  const { site, issues } = validateSite("content/site.json", { ...SITE, url: value });
  assert.equal(site, undefined);
  assert.deepEqual(issues, [
    {
      file: "content/site.json",
      field: "url",
      message: `"${value}" is not the site's address: write https:// and the host name only, with no path, query or quotes, e.g. https://news.example.gov.uk`,
    },
  ]);
});
