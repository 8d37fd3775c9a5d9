/** In-memory builds of fixture content through our real config (`new Eleventy(…).toJSON()`). */
import Eleventy from "@11ty/eleventy";
import { PAGES_DIR } from "../../lib/eleventy/options.ts";

export interface BuiltPage {
  url: string | false;
  inputPath: string;
  outputPath: string | false;
  content: string;
}

/**
 * Build `content` in memory. Our config reads its folders and "now" from the environment when it loads,
 * so set them first; each call loads the config afresh.
 */
export async function buildInMemory(content: string, env: Record<string, string> = {}): Promise<BuiltPage[]> {
  const saved = { ...process.env };
  Object.assign(process.env, { GOVNEWS_CONTENT: content, GOVNEWS_OUTPUT: "_test-site/in-memory", GOVNEWS_PREVIEW: "", CONTEXT: "" }, env);
  try {
    const eleventy = new Eleventy(PAGES_DIR, "_test-site/in-memory", { configPath: ".eleventy.ts", quietMode: true });
    return (await eleventy.toJSON()) as unknown as BuiltPage[];
  } finally {
    process.env = saved;
  }
}

export function pageAt(pages: readonly BuiltPage[], url: string): BuiltPage {
  const page = pages.find((p) => p.url === url);
  if (!page) throw new Error(`No page at ${url}; built: ${pages.map((p) => p.url).join(", ")}`);
  return page;
}

/** Text of every match of a simple class-marked element, e.g. article titles in a list. */
export function matchAll(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((m) => m[1]!.trim());
}
