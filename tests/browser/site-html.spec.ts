// Every built page is valid HTML (html-validate, recommended rules, with the exceptions in html-rules.ts).
import { test, expect } from "./csp.ts";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { SITES, htmlPages, type SiteName } from "./sites.ts";
import { SITE_HTML_RULES } from "./html-rules.ts";

const validator = new HtmlValidate(SITE_HTML_RULES);

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
