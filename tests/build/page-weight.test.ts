// The page-weight budget: the gzipped bytes of HTML, CSS, JS, fonts and images that the sample site's home page
// and an article with a lead image need (scripts/page-weight.ts says what counts), each under a limit set about a
// fifth above what was measured when it was set (docs/performance.md#page-weight). A limit that fails says which
// kinds grew and by how much: make the page lighter, or, if the growth is worth it, measure again
// (`node scripts/page-weight.ts _site / /news/localgate-shared-council-platform/` after `npm run build`) and
// raise the limit here and the figures in the docs together.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../../scripts/build-site.ts";
import { budgetProblems, formatPageWeight, measurePage, type PageWeight, type WeightLimits } from "../../scripts/page-weight.ts";

interface Budget {
  page: string;
  /** Gzipped bytes measured when the limits were set (2026-12-06). */
  measured: WeightLimits;
  limits: WeightLimits;
}

/** The home page: the featured items with their lead images, and the latest list. */
const HOME_BUDGET: Budget = {
  page: "/",
  measured: { html: 5_542, css: 22_602, js: 12_007, fonts: 0, images: 7_623, total: 47_774 },
  limits: { html: 6_500, css: 27_000, js: 14_500, fonts: 0, images: 9_500, total: 57_000 },
};

/** An article with a processed (AVIF) lead image and an author photo. No fonts: the sample's brand uses system fonts. */
const ARTICLE_BUDGET: Budget = {
  page: "/news/localgate-shared-council-platform/",
  measured: { html: 6_799, css: 22_602, js: 12_007, fonts: 0, images: 7_090, total: 48_498 },
  limits: { html: 8_000, css: 27_000, js: 14_500, fonts: 0, images: 9_000, total: 58_000 },
};

let parent = "";
let output = "";
const read = (url: string) => {
  const file = path.join(output, url);
  return file.startsWith(output) && fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file) : undefined;
};

before(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-weight-"));
  output = path.join(parent, "site");
  const result = buildSite({ content: "content", output });
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

after(() => fs.rmSync(parent, { recursive: true, force: true }));

function checkBudget(budget: Budget): PageWeight {
  const weight = measurePage(budget.page, read);
  // What was counted, for a failure's reader.
  const table = formatPageWeight(weight);
  const problems = budgetProblems(weight, budget.limits, budget.measured);
  assert.deepEqual(problems, [], `${problems.join("\n")}\n\n${table}`);
  // The measurement found what the page really loads, rather than passing because it found nothing.
  assert.equal(weight.counts.html, 1, table);
  assert.ok(weight.counts.css >= 1 && weight.bytes.css > 10_000, `the stylesheet was counted\n${table}`);
  assert.ok(
    weight.resources.some((r) => r.kind === "js" && /govuk-frontend-[0-9a-f]+\.min\.js$/.test(r.url)),
    `GOV.UK Frontend's script, which ours imports, was counted\n${table}`,
  );
  assert.ok(
    weight.resources.some((r) => r.url === "/favicon.ico"),
    `the favicon was counted\n${table}`,
  );
  assert.ok(weight.bytes.html > 1_000 && weight.bytes.total > weight.bytes.css + weight.bytes.js, table);
  return weight;
}

test("the home page is within its weight budget", () => {
  const weight = checkBudget(HOME_BUDGET);
  assert.ok(
    weight.resources.some((r) => r.kind === "images" && r.url.endsWith(".avif")),
    `a featured item's AVIF lead image was counted\n${formatPageWeight(weight)}`,
  );
});

test("an article with a lead image is within its weight budget, counting the AVIF a browser picks", () => {
  const weight = checkBudget(ARTICLE_BUDGET);
  const images = weight.resources.filter((r) => r.kind === "images").map((r) => r.url);
  // The largest AVIF candidate of the <picture>, and not its WebP or JPEG as well.
  assert.ok(
    images.some((url) => /\/img-[0-9a-f]+-1280\.avif$/.test(url)),
    images.join(", "),
  );
  assert.ok(!images.some((url) => /\/img-[0-9a-f]+-\d+\.(webp|jpeg)$/.test(url)), images.join(", "));
  assert.ok(images.includes("/images/authors/eleanor-achebe.svg"), images.join(", "));
});
