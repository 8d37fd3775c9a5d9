/**
 * npm run new: writes a draft item, content/news/<slug>.md, whose front matter passes `npm run check`.
 *
 * Every flag is checked before anything is written, by the content loader itself (the item is checked with the
 * folder's other files, in memory), so the messages are the check's own, with the flag named instead of the
 * field. The written file is then loaded again from disk, with the check's body rendering, and removed if it
 * fails. Exit codes: 0 written, 2 a usage error (a flag or its value; nothing written), 1 anything else.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { imagePathProblem, NEWS_TYPES, quoteValue, SLUG_PATTERN } from "../lib/content/schema.ts";
import { tagSlug } from "../lib/content/tags.ts";
import { TIME_ZONE } from "../lib/content/dates.ts";
import { suggest } from "../lib/content/suggest.ts";
import { loadContent, readSourceFile, readTextFile } from "../lib/content/load.ts";
import { takeInventory } from "../lib/content/inventory.ts";
import { validateSite, type SourceFile } from "../lib/content/model.ts";
import type { ContentIssue } from "../lib/content/issues.ts";

/** `npm start` serves on Eleventy's default port; it sets none of its own. */
export const PREVIEW_ORIGIN = "http://localhost:8080";

/** The flags, in the order the usage text lists them. */
export const FLAGS = {
  title: { multiple: false, value: '"Headline"', help: "the headline (or give it without a flag, as the first words)" },
  description: { multiple: false, value: '"Standfirst"', help: "one sentence that sums up the item (default: a placeholder to replace)" },
  type: { multiple: false, value: "type", help: `one of ${NEWS_TYPES.join(", ")} (default: news)` },
  author: { multiple: true, value: "id", help: "an author id (file name in content/authors/ without .md); repeat for co-authors" },
  tag: { multiple: true, value: '"Topic"', help: "a topic; repeat for more" },
  image: { multiple: true, value: "/images/file", help: "an image in content/images/; the first is the lead image, the others go in the text. Repeat for more" },
  alt: { multiple: true, value: '"Alt text"', help: "what the image shows: one --alt for each --image, in the same order" },
  credit: { multiple: false, value: '"Owner"', help: "who owns the lead image (needed with --image)" },
  caption: { multiple: false, value: '"Caption"', help: "caption under the lead image (optional)" },
  slug: { multiple: false, value: "file-name", help: "the file name and address (default: made from the headline)" },
  help: { multiple: false, value: "", help: "show this help" },
} as const;
type FlagName = keyof typeof FLAGS;

export const USAGE = [
  'Usage: npm run new -- "Headline" [flags]',
  "Writes a draft item, content/news/<slug>.md, that passes npm run check. Flags:",
  ...Object.entries(FLAGS).map(([name, flag]) => `  --${`${name} ${flag.value}`.padEnd(26)} ${flag.help}`),
  'Example: npm run new -- "Councils get new cyber security toolkit" --type news --author jennifer-scott --tag "Cyber security" --image /images/toolkit.png --alt "The toolkit\'s home page" --credit "GOV.UK"',
].join("\n");

export interface ArticleRequest {
  title: string;
  /** True when the headline came from --title rather than as plain words. */
  titleFlag: boolean;
  description?: string;
  type: string;
  authors: string[];
  tags: string[];
  /** The first is the lead image (front matter), the others go in the body. */
  images: Array<{ src: string; alt: string }>;
  credit?: string;
  caption?: string;
  slug?: string;
}

/** The request as far as it could be read, and every usage problem in the command line. */
export type ParsedArguments = { help: true } | { help: false; request: ArticleRequest; problems: string[] };

const flagList = () =>
  Object.keys(FLAGS)
    .map((f) => `--${f}`)
    .join(", ");

/**
 * The command line as a request, with every usage problem in it (never throws). The request is filled in as
 * far as it goes even when there are problems, so its values are checked too and one run reports everything.
 */
export function parseArguments(args: readonly string[]): ParsedArguments {
  const options = Object.fromEntries(
    Object.entries(FLAGS).map(([name, flag]) => [name, name === "help" ? { type: "boolean" as const, short: "h" } : { type: "string" as const, multiple: flag.multiple }]),
  );
  // Not strict: node's own errors for unknown flags and missing values are thrown, with a stack. Ours name the fix.
  const { tokens } = parseArgs({ args: [...args], options, allowPositionals: true, strict: false, tokens: true });
  const problems: string[] = [];
  const values = new Map<FlagName, string[]>();
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") words.push(token.value);
    if (token.kind !== "option") continue;
    const name = token.name === "h" ? "help" : token.name;
    if (!Object.hasOwn(FLAGS, name)) {
      const near = suggest(name, Object.keys(FLAGS));
      problems.push(`${token.rawName} is not a flag: ${near ? `did you mean --${near}? ` : ""}the flags are ${flagList()}`);
      continue;
    }
    const flag = name as FlagName;
    if (flag === "help") {
      if (token.value === undefined || typeof token.value === "boolean") return { help: true };
      problems.push(`--help takes no value: write --help alone`);
      continue;
    }
    // "--title --tag x" would take "--tag" as the headline.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith("--"))) {
      problems.push(`${token.rawName} needs a value: write ${token.rawName} ${FLAGS[flag].value}`);
      continue;
    }
    const list = values.get(flag) ?? [];
    if (list.length === 1 && !FLAGS[flag].multiple) {
      problems.push(`--${flag} is given twice: give it once`);
      continue;
    }
    list.push(token.value);
    values.set(flag, list);
  }
  const one = (flag: FlagName) => values.get(flag)?.[0];
  const many = (flag: FlagName) => values.get(flag) ?? [];
  const headline = words.join(" ").trim();
  const titleFlag = one("title");
  if (titleFlag !== undefined && headline) problems.push(`the headline is given twice (--title and ${quoteValue(headline)}): give it once`);
  if (titleFlag === undefined && !headline) problems.push('the headline is missing: write npm run new -- "Your headline" (or --title "Your headline")');
  if (titleFlag !== undefined && !titleFlag.trim()) problems.push("--title is empty: write the headline");
  if (one("slug")?.trim() === "") problems.push("--slug is empty: write a file name, or leave --slug out to make one from the headline");
  const images = many("image");
  const alts = many("alt");
  if (images.length !== alts.length) {
    problems.push(`each --image needs its own --alt, in the same order: there ${images.length === 1 ? "is 1 --image" : `are ${images.length} --image`} and ${alts.length} --alt`);
  }
  for (const flag of ["credit", "caption"] as const) {
    if (one(flag) !== undefined && images.length === 0) problems.push(`--${flag} is for the lead image: give --image and --alt too, or leave --${flag} out`);
  }
  return {
    help: false,
    problems,
    request: {
      title: titleFlag ?? headline,
      titleFlag: titleFlag !== undefined,
      description: one("description"),
      type: one("type") ?? "news",
      authors: many("author"),
      tags: many("tag"),
      images: images.map((src, i) => ({ src, alt: alts[i] ?? "" })),
      credit: one("credit"),
      caption: one("caption"),
      slug: one("slug"),
    },
  };
}

const PLACEHOLDER_DESCRIPTION = "One sentence that sums up the item.";
const PLACEHOLDER_BODY = "Write the item here, in Markdown. Start with the most important facts.";

/** Alt text as Markdown shows it as it is: every ASCII punctuation mark escaped, on one line. */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

/** The file name the item gets: --slug, or the headline's. */
export function articleSlug(request: Pick<ArticleRequest, "title" | "slug">): string {
  return request.slug ?? tagSlug(request.title);
}

/**
 * The item's file: front matter (strings as JSON, which is YAML too), dated `now` to the minute in UK time, with
 * draft: true, and a body with the images after the first. Not checked here: createArticle checks it.
 */
export function articleFile(request: ArticleRequest, now: DateTime): { slug: string; text: string } {
  const date = now.setZone(TIME_ZONE).startOf("minute").toISO({ suppressMilliseconds: true, suppressSeconds: false })!;
  const q = (s: string) => JSON.stringify(s);
  const list = (xs: readonly string[]) => `[${xs.map(q).join(", ")}]`;
  const [lead, ...inBody] = request.images;
  const lines = [
    "---",
    `title: ${q(request.title)}`,
    `description: ${q(request.description ?? PLACEHOLDER_DESCRIPTION)}`,
    `date: ${date}`,
    `type: ${q(request.type)}`,
    `authors: ${list(request.authors)}`,
    `tags: ${list(request.tags)}`,
    ...(lead
      ? [
          "image:",
          `  src: ${q(lead.src)}`,
          `  alt: ${q(lead.alt)}`,
          ...(request.caption !== undefined ? [`  caption: ${q(request.caption)}`] : []),
          ...(request.credit !== undefined ? [`  credit: ${q(request.credit)}`] : []),
        ]
      : []),
    "draft: true # delete this line (and set date to when it goes live) to publish the item",
    "---",
    PLACEHOLDER_BODY,
    ...inBody.flatMap((image) => ["", `![${markdownText(image.alt)}](${image.src})`]),
    "",
  ];
  return { slug: articleSlug(request), text: lines.join("\n") };
}

/** Which flag a field of the item came from, and the value given, for messages. */
function flagFor(field: string, request: ArticleRequest): { flag: string; value?: string } {
  const index = Number(/\[(\d+)\]/.exec(field)?.[1] ?? Number.NaN);
  const headline = request.titleFlag ? "--title" : "the headline";
  if (field === "title") return { flag: headline };
  if (field === "(file name)") return request.slug !== undefined ? { flag: "--slug", value: request.slug } : { flag: `the file name made from ${headline}` };
  if (field === "description" || field === "type") return { flag: `--${field}`, value: field === "type" ? request.type : undefined };
  if (field.startsWith("authors")) return { flag: "--author", value: request.authors[index] };
  if (field.startsWith("tags")) return { flag: "--tag", value: request.tags[index] };
  if (field === "image.src") return { flag: "--image", value: request.images[0]?.src };
  if (field === "image.alt") return { flag: "--alt", value: undefined };
  if (field === "image.credit") return { flag: "--credit" };
  if (field === "image.caption") return { flag: "--caption" };
  if (field === "image") return { flag: "--image, --alt and --credit" };
  return { flag: `the new item's ${field}` };
}

/** A content issue of the new item as a problem with a flag: "--author "jscott" unknown author id …". */
export function flagProblem(issue: ContentIssue, request: ArticleRequest): string {
  const { flag, value } = flagFor(issue.field, request);
  return withFlag(flag, value, issue.message);
}

/** "--type "blog" is not a type", with the value once: left out when the message already quotes it. */
function withFlag(flag: string, value: string | undefined, message: string): string {
  const shown = value !== undefined && !message.includes(quoteValue(value)) ? ` ${quoteValue(value)}` : "";
  return `${flag}${shown} ${message}`;
}

/** Problems with the images: each a plain /images/ path naming an image file the content folder holds. */
function imageProblems(request: ArticleRequest, images: readonly string[], folderIssues: readonly ContentIssue[], contentDir: string): string[] {
  const problems: string[] = [];
  for (const { src } of request.images) {
    const shown = `--image ${quoteValue(src)}`;
    if (/^https?:\/\//i.test(src)) {
      problems.push(`${shown} is not in /images/: put the image in ${contentDir}/images/ and write /images/<file name>`);
      continue;
    }
    const pathProblem = imagePathProblem(src, "the image");
    if (pathProblem) {
      problems.push(withFlag("--image", src, pathProblem));
      continue;
    }
    if (images.includes(src)) continue;
    // An image file the folder refuses (an SVG with script, a PNG that is a JPEG) is reported on the file.
    const refused = folderIssues.find((issue) => issue.file === `${contentDir}${src}`);
    problems.push(refused ? `${shown}: ${refused.file} ${refused.message}` : `${shown} does not exist: put the image in ${contentDir}${src} or fix the path`);
  }
  return problems;
}

/** Parses an item's text exactly as the loader reads a file, as `file` (relative to `root`). */
function readSourceText(file: string, text: string): SourceFile {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-new-"));
  try {
    const absolute = path.join(dir, "item.md");
    fs.writeFileSync(absolute, text);
    return { ...readSourceFile(absolute, dir), file };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface CreateResult {
  code: 0 | 1 | 2;
  out: string[];
  err: string[];
  /** The file written, when one was. */
  file?: string;
}

/** Everything `npm run new` does, without touching the process: for the script and for tests. */
export async function createArticle(args: readonly string[], paths: { root: string; content: string }, now: DateTime): Promise<CreateResult> {
  const parsed = parseArguments(args);
  if (parsed.help) return { code: 0, out: [USAGE], err: [] };
  const { request } = parsed;
  const problems = [...parsed.problems];
  // The whole usage text when the command itself is wrong; for a wrong value, the message says the fix.
  const usage = (): CreateResult => ({
    code: 2,
    out: [],
    err: [
      `npm run new: nothing was written:`,
      ...[...new Set(problems)].map((p) => `  - ${p}`),
      "",
      parsed.problems.length > 0 ? USAGE : "(npm run new -- --help lists every flag)",
    ],
  });
  const name = (absolute: string) => path.relative(paths.root, absolute).split(path.sep).join("/");
  const contentDir = name(paths.content) || ".";

  const siteName = `${contentDir}/site.json`;
  const siteText = readTextFile(path.join(paths.content, "site.json"));
  let site: ReturnType<typeof validateSite>;
  try {
    site = "problem" in siteText ? { issues: [{ file: siteName, field: "(file)", message: siteText.problem }] } : validateSite(siteName, JSON.parse(siteText.text));
  } catch (error) {
    site = { issues: [{ file: siteName, field: "(file)", message: `could not be read as JSON (${error instanceof Error ? error.message : String(error)}): fix the file` }] };
  }
  if (!site.site) {
    return {
      code: 1,
      out: [],
      err: [`npm run new: nothing was written: fix ${siteName} first (npm run check):`, ...site.issues.map((i) => `  - ${i.file}: ${i.field} ${i.message}`)],
    };
  }

  // Always reported by parseArguments; the other values are still checked.
  const headlineMissing = !request.title.trim();
  let slug = articleSlug(request);
  if (!slug && !headlineMissing && request.slug === undefined) {
    problems.push(`the headline ${quoteValue(request.title)} has no letters or digits to make a file name from: give one with --slug, e.g. --slug council-news`);
  }
  // Before it is used in a path: a slug is one plain file name, never "../x".
  if (slug && !SLUG_PATTERN.test(slug)) {
    problems.push(
      `--slug ${quoteValue(slug)} is not a valid file name for an item: use lower-case letters, digits and single hyphens${tagSlug(slug) ? `, e.g. --slug ${tagSlug(slug)}` : ""}`,
    );
    slug = "";
  }
  // The other values are still checked, under a stand-in name, so one run reports everything.
  const absolute = path.join(paths.content, "news", `${slug || "new-item"}.md`);
  const file = name(absolute);
  // A stand-in headline too, so the other fields are checked (the model checks authors only in valid front matter).
  const { text } = articleFile(headlineMissing ? { ...request, title: "New item" } : request, now);
  const { bodyChecker, createMarkdown } = await import("../lib/eleventy/markdown.ts");
  const checkBody = bodyChecker(await createMarkdown(site.site), paths.root);
  const inventory = takeInventory(paths);
  problems.push(...imageProblems(request, inventory.images, inventory.issues, contentDir));
  const leadImageReported = request.images[0] !== undefined && problems.some((p) => p.startsWith(`--image ${quoteValue(request.images[0]!.src)}`));
  const before = loadContent(paths, { now: now.toMillis(), checkBody }, { news: [readSourceText(file, text)] });
  for (const issue of before.issues) {
    if (issue.file !== file || (leadImageReported && issue.field === "image.src") || (headlineMissing && issue.field === "title")) continue;
    // Another file with this name is reported below, as the file that exists.
    if (issue.field === "id" && fs.existsSync(absolute)) continue;
    problems.push(flagProblem(issue, request));
  }
  if (slug && fs.existsSync(absolute)) {
    problems.push(`${file} already exists: edit that file, or give this item another headline or file name (--slug ${slug}-2)`);
  }
  // No slug always comes with a problem; the stand-in name is never written.
  if (problems.length > 0 || !slug) return usage();

  try {
    fs.writeFileSync(absolute, text, { flag: "wx" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      problems.push(`${file} already exists: edit that file, or give this item another file name with --slug`);
      return usage();
    }
    return { code: 1, out: [], err: [`npm run new: could not write ${file} (${code ?? String(error)})`] };
  }
  // The check, on the file as written: what the editor will see from npm run check.
  const after = loadContent(paths, { now: now.toMillis(), checkBody }).issues.filter((issue) => issue.file === file);
  if (after.length > 0) {
    fs.rmSync(absolute, { force: true });
    return {
      code: 1,
      out: [],
      err: [`npm run new: the file it wrote failed the check, so it was removed (please report this as a bug):`, ...after.map((i) => `  - ${i.file}: ${i.field} ${i.message}`)],
    };
  }

  // The check's warnings about the new item (a tag close to an existing topic, a headline already used), by flag.
  const warnings = before.warnings.filter((w) => w.file === file).map((w) => flagProblem(w, request));
  const production = new URL(`/news/${slug}/`, site.site.url).href;
  return {
    code: 0,
    file: absolute,
    err: warnings.map((w) => `Warning: ${w}`),
    out: [
      `Created ${file}`,
      `It is a draft: it is not on the live site until you delete the line "draft: true" (and set date to when it goes live).`,
      `  Preview it: GOVNEWS_PREVIEW=1 npm start, then open ${PREVIEW_ORIGIN}/news/${slug}/ (a plain npm start leaves drafts out)`,
      `  Once published, it will be at ${production}`,
      `Next: write ${request.description === undefined ? "the standfirst (description) and " : ""}the text, run npm run check, then open a pull request: its deploy preview shows drafts.`,
    ],
  };
}

if (import.meta.main) {
  const content = path.resolve(process.env.GOVNEWS_CONTENT ?? "content");
  const result = await createArticle(process.argv.slice(2), { root: process.cwd(), content }, DateTime.now()).catch(
    (error: unknown): CreateResult => ({ code: 1, out: [], err: [`npm run new: ${error instanceof Error ? error.message : String(error)}`] }),
  );
  if (result.err.length > 0) console.error(result.err.join("\n"));
  if (result.out.length > 0) console.log(result.out.join("\n"));
  process.exitCode = result.code;
}
