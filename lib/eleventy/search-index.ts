/**
 * The search index, written by Pagefind's Node API once the pages are (eleventy.after), into the folder the build
 * writes (npm run build's staging folder, npm start's _site, a test's output), at /search-index/. Pagefind is given the published
 * items' pages and nothing else, one by one in the model's order (newest first): it numbers pages in the order it
 * gets them, and a folder's listing order differs between file systems and builds, which would change the index's
 * bytes. Of each page it indexes only what data-pagefind-body marks (headline, standfirst, body: article.njk).
 * The index must then hold exactly one page per published item, or the build fails.
 */
import fs from "node:fs";
import path from "node:path";
import { createIndex, close } from "pagefind";
import { indexedPageCount, keepBundleFile, SEARCH_BUNDLE } from "../search/bundle.ts";
import { canonicalBundle } from "../search/canonical.ts";

/** Writes the index of the published items' pages (their site paths, "/news/x/") to `output`/search-index/. */
export async function writeSearchIndex(output: string, published: readonly string[]): Promise<void> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: "en" });
    if (!index) throw new Error(errors.join("; "));
    for (const url of published) {
      const file = path.join(output, url, "index.html");
      if (!url.startsWith("/") || !url.endsWith("/") || !file.startsWith(path.join(output, path.sep))) throw new Error(`"${url}" is not a page's address`);
      const content = fs.readFileSync(file, "utf8");
      // Pagefind indexes a whole page (navigation, related list and all) when no page it is given marks its content.
      if (!content.includes(" data-pagefind-body")) throw new Error(`${url}: the page marks nothing with data-pagefind-body (_includes/article.njk)`);
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length) throw new Error(`${url}: ${added.errors.join("; ")}`);
    }
    const written = await index.getFiles();
    if (written.errors.length) throw new Error(written.errors.join("; "));
    // In a fixed order, so that the same content gives the same bytes (canonical.ts).
    const files = canonicalBundle(written.files);
    const entry = files.find((file) => file.path === "pagefind-entry.json");
    const indexed = entry ? indexedPageCount(Buffer.from(entry.content).toString("utf8")) : 0;
    if (indexed !== published.length) {
      throw new Error(
        `the search index holds ${indexed} pages but ${published.length} items are published: every published item's page needs data-pagefind-body (_includes/article.njk)`,
      );
    }
    const bundle = path.join(output, SEARCH_BUNDLE);
    fs.rmSync(bundle, { recursive: true, force: true });
    for (const file of files) {
      if (!keepBundleFile(file.path)) continue;
      const target = path.join(bundle, file.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, file.content);
    }
  } catch (error) {
    throw new Error(`govnews: search index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    // Pagefind runs as a child process; it would otherwise outlive the build.
    await close();
  }
}
