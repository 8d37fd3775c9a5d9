// Every built page is valid HTML (html-validate, recommended rules, with the exceptions below).
import { test, expect } from "./csp.ts";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { SITES, htmlPages, type SiteName } from "./sites.ts";

const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    // GOV.UK Frontend markup we do not control: the header's role="banner" on a div and
    // the footer's role="contentinfo", inline SVG crowns, and its long attribute lists.
    "prefer-native-element": "off",
    "no-redundant-role": "off",
    "no-inline-style": "off",
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    "long-title": "off",
    "no-trailing-whitespace": "off",
  },
});

test("every page is valid HTML", async ({}, info) => {
  const site = SITES[info.project.name as SiteName];
  const pages = htmlPages(site.output);
  const problems: string[] = [];
  for (const page of pages) {
    const file = path.join(site.output, page.endsWith("/") ? `${page}index.html` : page);
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
  }
  expect(problems).toEqual([]);
});
