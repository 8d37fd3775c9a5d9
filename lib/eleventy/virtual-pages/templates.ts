/**
 * Virtual templates: the page markup lives in _includes/ as layouts; a page family here gives only data and URLs.
 * Eleventy's input folder (lib/eleventy/pages/) holds none, so nothing from the content folder is a template.
 */
import type UserConfig from "@11ty/eleventy/UserConfig";

/** One page at a fixed URL. */
export function addFixedPage(eleventyConfig: UserConfig, name: string, layout: string, permalink: string): void {
  eleventyConfig.addTemplate(`govnews-${name}.njk`, "", { layout, permalink });
}

/** A paginated list: one page per entry of a collection of ListPage objects, at the entry's href. */
export function addPaginatedList(eleventyConfig: UserConfig, name: string, layout: string, collection: string): void {
  eleventyConfig.addTemplate(`govnews-${name}.njk`, "", {
    layout,
    pagination: { data: `collections.${collection}`, size: 1, alias: "listPage", addAllPagesToCollections: false },
    permalink: "{{ listPage.href }}",
  });
}
