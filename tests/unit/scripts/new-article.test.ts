import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { DateTime } from "luxon";
import { articleFile, createArticle, flagProblem, markdownText, parseArguments, USAGE, type ArticleRequest } from "../../../scripts/new-article.ts";
import { buildModel } from "../../../lib/content/model.ts";
import { readSourceFileFromText } from "./helpers.ts";

const site = {
  title: "T",
  description: "D",
  url: "https://e.org",
  organisation: { name: "O", url: "https://e.org" },
  copyright: "C",
  licence: { name: "L", url: "https://e.org" },
};
const NOW = DateTime.fromISO("2026-07-01T08:15:42Z");
const request = (fields: Partial<ArticleRequest>): ArticleRequest => ({ title: "X", titleFlag: false, type: "news", authors: [], tags: [], images: [], ...fields });

/** A copy of the sample content folder, as <root>/content, for a test to write into. */
function contentCopy(): { root: string; content: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-new-test-"));
  fs.cpSync(path.resolve("content"), path.join(root, "content"), { recursive: true });
  return { root, content: path.join(root, "content") };
}
const newsFiles = (content: string) => fs.readdirSync(path.join(content, "news")).sort();

test("the scaffolded file is a valid draft with London time and the headline's slug", () => {
  const { slug, text } = articleFile(request({ title: "Councils & the Cloud: year one", type: "analysis", authors: ["a-b"], tags: ["Cloud"] }), NOW);
  assert.equal(slug, "councils-and-the-cloud-year-one");
  assert.match(text, /^date: 2026-07-01T09:15:00\+01:00$/m);
  assert.match(text, /^draft: true /m);
  const { model, issues } = buildModel(
    {
      site: { file: "site.json", data: site, body: "" },
      news: [readSourceFileFromText(`content/news/${slug}.md`, text)],
      authors: [readSourceFileFromText("content/authors/a-b.md", "---\nname: A B\nrole: R\norganisation: O\n---\nBio.\n")],
    },
    { now: Date.parse("2026-07-02T00:00:00Z") },
  );
  assert.deepEqual(issues, []);
  assert.equal(model?.all[0]?.state, "draft");
  assert.equal(model?.all[0]?.title, "Councils & the Cloud: year one");
});

test("every text reads back from the file as it was given", () => {
  const values = ['Say "no": #1 \\ 100%', "--- not a fence", "- a list?", "key: value", "Ünïcödé — “quotes” 🚀", "{braces} [brackets] &anchor *alias", "'single' and `ticks`"];
  for (const value of values) {
    const { text } = articleFile(request({ title: value, description: value, tags: [value], images: [{ src: "/images/a.png", alt: value }], credit: value, caption: value }), NOW);
    const { data } = readSourceFileFromText("content/news/x.md", text);
    assert.deepEqual(
      [data.title, data.description, (data.tags as string[])[0], data.image],
      [value, value, value, { src: "/images/a.png", alt: value, caption: value, credit: value }],
      value,
    );
  }
});

test("images after the first go in the body, their alt text escaped", () => {
  const { text } = articleFile(
    request({
      images: [
        { src: "/images/lead.png", alt: "Lead" },
        { src: "/images/b.png", alt: "A [link](https://x.org) <b>bold</b>\nsecond line" },
      ],
      credit: "GOV.UK",
    }),
    NOW,
  );
  assert.match(text, /^image:\n {2}src: "\/images\/lead\.png"\n {2}alt: "Lead"\n {2}credit: "GOV.UK"$/m);
  assert.match(text, /^!\[A \\\[link\\\]\\\(https\\:\\\/\\\/x\\\.org\\\) \\<b\\>bold\\<\\\/b\\> second line\]\(\/images\/b\.png\)$/m);
});

test("markdownText escapes every ASCII punctuation mark and joins lines", () => {
  const cases: Array<[string, string]> = [
    ["plain words", "plain words"],
    ["a*b_c", "a\\*b\\_c"],
    ["![x](y)", "\\!\\[x\\]\\(y\\)"],
    ["  two\n lines  ", "two lines"],
    ["back\\slash", "back\\\\slash"],
  ];
  for (const [input, expected] of cases) assert.equal(markdownText(input), expected, input);
});

test("parseArguments: the headline, repeatable flags and every usage problem at once", () => {
  const cases: Array<{ args: string[]; request?: Partial<ArticleRequest>; problems?: RegExp[] }> = [
    { args: ["Councils", "get", "toolkit"], request: { title: "Councils get toolkit", titleFlag: false, type: "news" } },
    { args: ["--title", "A: b", "--type", "analysis"], request: { title: "A: b", titleFlag: true, type: "analysis" } },
    { args: ["--title=Inline"], request: { title: "Inline", titleFlag: true } },
    {
      args: ["H", "--tag", "A", "--tag", "B", "--author", "x", "--author", "y"],
      request: { tags: ["A", "B"], authors: ["x", "y"] },
    },
    {
      args: ["H", "--image", "/images/a.png", "--alt", "A", "--image", "/images/b.png", "--alt", "B", "--credit", "C"],
      request: {
        images: [
          { src: "/images/a.png", alt: "A" },
          { src: "/images/b.png", alt: "B" },
        ],
        credit: "C",
      },
    },
    { args: ["H", "--titel", "x"], problems: [/^--titel is not a flag: did you mean --title\? the flags are --title, .*--slug, --help$/] },
    { args: ["H", "--colour", "red"], problems: [/^--colour is not a flag: the flags are --title/] },
    { args: ["H", "--author"], problems: [/^--author needs a value: write --author id$/] },
    { args: ["--title", "--tag", "x"], problems: [/^--title needs a value/] },
    { args: ["H", "--type", "news", "--type", "opinion"], problems: [/^--type is given twice: give it once$/] },
    { args: ["Words", "--title", "Flag"], problems: [/^the headline is given twice \(--title and "Words"\): give it once$/] },
    { args: [], problems: [/^the headline is missing: write npm run new -- "Your headline"/] },
    { args: ["   "], problems: [/^the headline is missing/] },
    { args: ["--title", " "], problems: [/^--title is empty: write the headline$/] },
    { args: ["H", "--slug", ""], problems: [/^--slug is empty: write a file name/] },
    { args: ["H", "--image", "/images/a.png"], problems: [/^each --image needs its own --alt, in the same order: there is 1 --image and 0 --alt$/] },
    { args: ["H", "--credit", "C"], problems: [/^--credit is for the lead image: give --image and --alt too/] },
    { args: ["H", "--help=yes"], problems: [/^--help takes no value/] },
    // Everything wrong is reported, not only the first.
    { args: ["--nope", "--author"], problems: [/^--nope is not a flag/, /^--author needs a value/, /^the headline is missing/] },
  ];
  for (const { args, request: expected, problems = [] } of cases) {
    const parsed = parseArguments(args);
    assert.equal(parsed.help, false, args.join(" "));
    if (parsed.help) continue;
    assert.equal(parsed.problems.length, problems.length, `${args.join(" ")}: ${parsed.problems.join(" | ")}`);
    problems.forEach((pattern, i) => assert.match(parsed.problems[i]!, pattern, args.join(" ")));
    if (expected) for (const [key, value] of Object.entries(expected)) assert.deepEqual(parsed.request[key as keyof ArticleRequest], value, `${args.join(" ")}: ${key}`);
  }
  assert.deepEqual(parseArguments(["--help"]), { help: true });
  assert.deepEqual(parseArguments(["H", "-h"]), { help: true });
});

test("flagProblem names the flag and the value, as the check names the field", () => {
  const req = request({ title: "T", titleFlag: true, authors: ["a", "jscott"], tags: ["x"], images: [{ src: "/images/a.png", alt: "" }], type: "blog" });
  const cases: Array<[string, string, string]> = [
    ["title", "is empty: write the headline", "--title is empty: write the headline"],
    ["authors[1]", 'unknown author id "jscott": did you mean "jennifer-scott"?', '--author unknown author id "jscott": did you mean "jennifer-scott"?'],
    ["tags[0]", "is too long", '--tag "x" is too long'],
    ["type", '"blog" is not a type: use one of news', '--type "blog" is not a type: use one of news'],
    ["image.alt", "is empty: write alt text", "--alt is empty: write alt text"],
    ["image.credit", "is missing: add who", "--credit is missing: add who"],
    ["(body)", "line 3: has a script", "the new item's (body) line 3: has a script"],
  ];
  for (const [field, message, expected] of cases) assert.equal(flagProblem({ file: "f.md", field, message }, req), expected, field);
  assert.equal(flagProblem({ file: "f.md", field: "title", message: "is empty" }, { ...req, titleFlag: false }), "the headline is empty");
});

test("createArticle writes a draft that passes the check, and prints where it will be", async () => {
  const paths = contentCopy();
  const result = await createArticle(
    [
      "Councils & the Cloud: year one",
      "--type",
      "analysis",
      "--author",
      "nadia-qureshi",
      "--tag",
      "Cyber security",
      "--tag",
      "Cloud",
      "--image",
      "/images/nhs-app-records.svg",
      "--alt",
      "A phone showing the NHS App",
      "--credit",
      "NHS England",
      "--image",
      "/images/localgate-town-hall.svg",
      "--alt",
      "The town hall",
    ],
    paths,
    NOW,
  );
  assert.equal(result.code, 0, result.err.join("\n"));
  assert.deepEqual(result.err, []);
  const file = path.join(paths.content, "news", "councils-and-the-cloud-year-one.md");
  assert.equal(result.file, file);
  assert.match(fs.readFileSync(file, "utf8"), /^!\[The town hall\]\(\/images\/localgate-town-hall\.svg\)$/m);
  const out = result.out.join("\n");
  assert.match(out, /^Created content\/news\/councils-and-the-cloud-year-one\.md$/m);
  assert.match(out, /draft: it is not on the live site until you delete the line "draft: true"/);
  assert.match(out, /GOVNEWS_PREVIEW=1 npm start, then open http:\/\/localhost:8080\/news\/councils-and-the-cloud-year-one\//);
  assert.match(out, /https:\/\/govtech-news\.netlify\.app\/news\/councils-and-the-cloud-year-one\//);

  // npm run check, as the editor runs it, on the folder with the new file.
  const check = spawnSync(process.execPath, [path.resolve("scripts/check-content.ts"), "content"], { cwd: paths.root, encoding: "utf8" });
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /^Content OK: .*1 drafts/);

  // Never overwritten.
  const again = await createArticle(["Councils & the Cloud: year one", "--description", "Another"], paths, NOW);
  assert.equal(again.code, 2);
  assert.match(again.err.join("\n"), /content\/news\/councils-and-the-cloud-year-one\.md already exists: edit that file, or give this item another headline or file name \(--slug/);
  assert.doesNotMatch(fs.readFileSync(file, "utf8"), /Another/);
  fs.rmSync(paths.root, { recursive: true, force: true });
});

test("createArticle refuses bad values with the check's messages, writes nothing, exits 2", async () => {
  const paths = contentCopy();
  const before = newsFiles(paths.content);
  const cases: Array<{ args: string[]; messages: RegExp[] }> = [
    { args: ["H", "--author", "nadia-qureshy"], messages: [/^ {2}- --author unknown author id "nadia-qureshy": did you mean "nadia-qureshi"\?$/m] },
    { args: ["H", "--type", "blog"], messages: [/^ {2}- --type "blog" is not a type: use one of news, analysis/m] },
    { args: ["H", "--tag", "x".repeat(61)], messages: [/^ {2}- --tag "x{61}" is 61 characters long, more than the limit of 60: shorten it$/m] },
    { args: ["H", "--tag", "!!!"], messages: [/^ {2}- --tag "!!!" cannot be made into a web address: write the tag with Latin letters or digits$/m] },
    { args: ["x".repeat(151)], messages: [/^ {2}- the headline is 151 characters long, more than the limit of 150: shorten it$/m] },
    { args: ["H", "--description", " "], messages: [/^ {2}- --description is empty: write the standfirst/m] },
    {
      args: ["H", "--image", "/images/missing.png", "--alt", "A", "--credit", "C"],
      messages: [/^ {2}- --image "\/images\/missing\.png" does not exist: put the image in content\/images\/missing\.png or fix the path$/m],
    },
    { args: ["H", "--image", "https://example.org/a.png", "--alt", "A", "--credit", "C"], messages: [/^ {2}- --image "https:\/\/example\.org\/a\.png" is not in \/images\//m] },
    {
      args: ["H", "--image", "/images/../site.json", "--alt", "A", "--credit", "C"],
      messages: [/^ {2}- --image "\/images\/\.\.\/site\.json" has an empty folder name or one starting with a dot/m],
    },
    { args: ["H", "--image", "/images/logo.png", "--alt", " ", "--credit", "C"], messages: [/^ {2}- --alt is empty: write alt text/m] },
    { args: ["H", "--image", "/images/logo.png", "--alt", "Logo"], messages: [/^ {2}- --credit is missing: add who took or owns the image/m] },
    {
      args: ["H", "--slug", "../../escape"],
      messages: [/^ {2}- --slug "\.\.\/\.\.\/escape" is not a valid file name for an item: use lower-case letters, digits and single hyphens, e\.g\. --slug escape$/m],
    },
    { args: ["--title", "", "--tag", "Cloud"], messages: [/^ {2}- --title is empty: write the headline$/m] },
    { args: ["🚀🚀"], messages: [/^ {2}- the headline "🚀🚀" has no letters or digits to make a file name from: give one with --slug/m] },
    { args: ["--title", "T", "--wat"], messages: [/^ {2}- --wat is not a flag/m, /^Usage: npm run new/m] },
    // Every problem in one run, flags and values alike. (The model checks authors only once the front matter is
    // valid, so an unknown author and a bad --type are not reported together.)
    {
      args: ["--bogus", "--tag", "x".repeat(61), "--description", ""],
      messages: [/--bogus is not a flag/, /the headline is missing/, /--tag "x{61}" is 61/, /--description is empty/],
    },
    { args: ["--bogus", "--author", "nobody"], messages: [/--bogus is not a flag/, /the headline is missing/, /--author unknown author id "nobody"/] },
  ];
  for (const { args, messages } of cases) {
    const result = await createArticle(args, paths, NOW);
    const err = result.err.join("\n");
    assert.equal(result.code, 2, `${args.join(" ")}: ${err}`);
    assert.match(err, /^npm run new: nothing was written:$/m);
    for (const message of messages) assert.match(err, message, args.join(" "));
    assert.doesNotMatch(err, /\n\s+at /, "no stack trace");
    assert.deepEqual(newsFiles(paths.content), before, args.join(" "));
  }
  fs.rmSync(paths.root, { recursive: true, force: true });
});

test("createArticle warns about a tag spelled close to an existing one, and writes the item", async () => {
  const paths = contentCopy();
  const result = await createArticle(["H", "--tag", "Cyber securty", "--tag", "Brand new topic"], paths, NOW);
  assert.equal(result.code, 0, result.err.join("\n"));
  assert.match(
    result.err[0] ?? "",
    /^Warning: --tag "Cyber securty" is close to the topic "Cyber security" \(\d+ items?\): did you mean "Cyber security"\? If it is a new topic, leave it$/,
  );
  assert.equal(result.err.length, 1, result.err.join("\n"));
  fs.rmSync(paths.root, { recursive: true, force: true });
});

test("npm run new, end to end: --title, exit codes, no stack trace, and npm run check clean on the result", () => {
  const paths = contentCopy();
  const run = (args: string[]) => spawnSync(process.execPath, [path.resolve("scripts/new-article.ts"), ...args], { cwd: paths.root, encoding: "utf8" });
  const bad = run(["--title", "Council toolkit", "--author", "jscott-unknown"]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--author unknown author id "jscott-unknown"/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
  const help = run(["--help"]);
  assert.equal(help.status, 0);
  assert.equal(help.stdout.trim(), USAGE);
  const good = run(["--title", "Council toolkit", "--author", "nadia-qureshi", "--tag", "Cyber security"]);
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /^Created content\/news\/council-toolkit\.md$/m);
  const check = spawnSync(process.execPath, [path.resolve("scripts/check-content.ts")], { cwd: paths.root, encoding: "utf8" });
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /^Content OK: .*1 drafts/);
  fs.rmSync(paths.root, { recursive: true, force: true });
});
