/**
 * The search index Pagefind writes (its "bundle"), published at /search-index/: which of its files the site publishes, and how many pages it
 * holds. Pagefind also writes its ready-made interfaces (pagefind-ui.js and others), its highlighter and a web
 * worker; the search page uses none of them (lib/eleventy/client/search.js runs Pagefind on the page's own thread), so
 * they are left out.
 */

/**
 * Where the index is published; lib/eleventy/client/search.js loads `pagefind.js` from here. Not Pagefind's usual
 * /pagefind/: Netlify's header rule for "/page/*" (the home page's pages) matches any path that starts "/page".
 */
export const SEARCH_BUNDLE = "/search-index/";

/** True for a file of the Pagefind bundle (a path relative to it, "fragment/en_….pf_fragment") the site needs. */
export function keepBundleFile(file: string): boolean {
  return (
    file === "pagefind.js" ||
    file === "pagefind-entry.json" ||
    /^pagefind\.[\w-]+\.pf_meta$/.test(file) ||
    /^wasm\.[\w-]+\.pagefind$/.test(file) ||
    /^fragment\/[\w-]+\.pf_fragment$/.test(file) ||
    /^index\/[\w-]+\.pf_index$/.test(file) ||
    /^filter\/[\w-]+\.pf_filter$/.test(file)
  );
}

/** The number of pages an index holds, from its pagefind-entry.json (every language's count). */
export function indexedPageCount(entryJson: string): number {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { page_count?: unknown }> };
  let count = 0;
  for (const language of Object.values(entry.languages ?? {})) {
    if (typeof language.page_count !== "number") throw new Error("pagefind-entry.json: a language without a page_count");
    count += language.page_count;
  }
  return count;
}

/** Where the shards of a bundle being written to `out` are kept until they are merged (lib/search/pagefind-index.ts). */
export const shardsFolder = (out: string): string => `${out}-shards`;
