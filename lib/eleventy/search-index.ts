/**
 * The search index in the build: what it is given (searchItems, once the content is loaded) and where its files
 * go (writeSearchBundle, once the pages are written), at /search-index/ in the folder the build writes. The index
 * itself is built meanwhile, in a worker (lib/build/search-ahead.ts), from the published items only, into a
 * temporary folder that is moved into the site.
 */
import fs from "node:fs";
import path from "node:path";
import type { Model } from "../content/model.ts";
import { formatDate } from "../content/dates.ts";
import { typeLabel } from "../content/news-types.ts";
import { publicationYear, searchSortKey } from "../search/facets.ts";
import { SEARCH_BUNDLE } from "../search/bundle.ts";
import type { SearchAheadItem } from "../build/search-ahead.ts";
import { bylineFor, joinNames } from "./view.ts";

/** The published items as the index sees them (lib/search/records.ts), newest first, with their Markdown bodies. */
export function searchItems(model: Model): SearchAheadItem[] {
  return model.published.map((article) => {
    const type = typeLabel(article.type);
    return {
      url: article.url,
      meta: {
        title: article.title,
        standfirst: article.description,
        type,
        date: formatDate(article.date),
        datetime: article.date,
        byline: joinNames(bylineFor(article, model).map((person) => person.name)),
      },
      filters: { type: [type], topic: article.tags.map((tag) => tag.label), year: [publicationYear(article.date)] },
      sort: { date: searchSortKey(article.date) },
      // The index reads the body from the file when it comes to the item (search-ahead.ts).
      file: article.file,
    };
  });
}

/**
 * Moves the index's bundle (the folder search-ahead.ts wrote it to) to `output`/search-index/, replacing it. The
 * old bundle is moved aside and removed after the new one is in place, off the main thread: under npm start the
 * main thread serves the preview, and removing an archive's index (a file per item) took it away for a long moment.
 */
export async function writeSearchBundle(output: string, folder: string): Promise<void> {
  const bundle = path.resolve(output, `.${SEARCH_BUNDLE}`);
  const parent = path.dirname(bundle);
  await fs.promises.mkdir(parent, { recursive: true });
  // Left by a process that ended mid-move (moves are one at a time, preview-search.ts).
  for (const name of await fs.promises.readdir(parent)) {
    if (name.startsWith(".search-index-new-") || name.startsWith(".search-index-old-")) await fs.promises.rm(path.join(parent, name), { recursive: true, force: true });
  }
  const staged = await fs.promises.mkdtemp(path.join(parent, ".search-index-new-"));
  const aside = await fs.promises.mkdtemp(path.join(parent, ".search-index-old-"));
  try {
    const incoming = path.join(staged, "index");
    try {
      await fs.promises.rename(folder, incoming);
    } catch (error) {
      // Another file system (the temporary folder on one disk, the site on another): copied beside its place
      // first, so that the swap below is two renames.
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      await fs.promises.cp(folder, incoming, { recursive: true });
      await fs.promises.rm(folder, { recursive: true, force: true });
    }
    let old: string | undefined = path.join(aside, "index");
    try {
      await fs.promises.rename(bundle, old);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      old = undefined;
    }
    try {
      await fs.promises.rename(incoming, bundle);
    } catch (error) {
      // The new bundle could not go in (a file held open, on some systems): the old one goes back.
      if (old) await fs.promises.rename(old, bundle);
      throw error;
    }
  } finally {
    await Promise.all([aside, staged].map((dir) => fs.promises.rm(dir, { recursive: true, force: true })));
  }
}
