/**
 * npm run new -- "Headline" [--type analysis] [--author jennifer-scott] [--tag "Cyber security"]
 * Writes content/news/<slug>.md with valid front matter (checked against the schema) and a draft flag.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DateTime } from "luxon";
import { newsItemSchema, NEWS_TYPES } from "../lib/content/schema.ts";
import { tagSlug } from "../lib/content/tags.ts";
import { TIME_ZONE } from "../lib/content/dates.ts";

export function articleFile(input: { title: string; type: string; authors: string[]; tags: string[]; now: DateTime }): { slug: string; text: string } {
  const date = input.now.setZone(TIME_ZONE).startOf("minute").toISO({ suppressMilliseconds: true, suppressSeconds: false })!;
  const front = {
    title: input.title,
    description: "One sentence that sums up the item.",
    date,
    type: input.type,
    authors: input.authors,
    tags: input.tags,
    draft: true,
  };
  const parsed = newsItemSchema.safeParse(front);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  const yamlList = (xs: string[]) => `[${xs.map((x) => JSON.stringify(x)).join(", ")}]`;
  const text = [
    "---",
    `title: ${JSON.stringify(input.title)}`,
    `description: ${JSON.stringify(front.description)}`,
    `date: ${date}`,
    `type: ${input.type}`,
    `authors: ${yamlList(input.authors)}`,
    `tags: ${yamlList(input.tags)}`,
    "draft: true # remove this line when the item is ready to publish",
    "---",
    "Write the item here, in Markdown. Start with the most important facts.",
    "",
  ].join("\n");
  return { slug: tagSlug(input.title), text };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { type: { type: "string", default: "news" }, author: { type: "string", multiple: true, default: [] }, tag: { type: "string", multiple: true, default: [] } },
  });
  const title = positionals.join(" ").trim();
  if (!title) {
    console.error(`Usage: npm run new -- "Headline" [--type ${NEWS_TYPES.join("|")}] [--author id] [--tag "Topic"]`);
    process.exit(1);
  }
  try {
    const { slug, text } = articleFile({ title, type: values.type!, authors: values.author!, tags: values.tag!, now: DateTime.now() });
    const file = path.join(process.env.GOVNEWS_CONTENT ?? "content", "news", `${slug}.md`);
    if (fs.existsSync(file)) throw new Error(`${file} already exists: choose another headline or edit that file`);
    fs.writeFileSync(file, text);
    console.log(`Created ${file} (a draft). Edit it, then run npm run check.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
