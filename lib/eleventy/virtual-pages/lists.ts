/** The lists: latest news, topics (an index and a page per tag), authors (likewise) and a page per type. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { addFixedPage, addPaginatedList } from "./templates.ts";

export function addListPages(eleventyConfig: UserConfig): void {
  addPaginatedList(eleventyConfig, "home", "home.njk", "homePages");
  addFixedPage(eleventyConfig, "tags", "tag-index.njk", "/tags/");
  addPaginatedList(eleventyConfig, "tag", "tag-page.njk", "tagPages");
  addFixedPage(eleventyConfig, "authors", "author-index.njk", "/authors/");
  addPaginatedList(eleventyConfig, "author", "author-page.njk", "authorPages");
  addPaginatedList(eleventyConfig, "type", "type-page.njk", "typePages");
}
