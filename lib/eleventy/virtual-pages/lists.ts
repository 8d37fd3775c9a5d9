/** The lists: latest news, topics (an index and a page per tag), authors (likewise), a page per type, the archive by year. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { addFixedPage, addPaginatedList } from "./templates.ts";
import { ARCHIVE_URL } from "../../content/archive.ts";

/** `indexes`: the topic, author and archive indexes too (a batched build's later runs write only list pages). */
export function addListPages(eleventyConfig: UserConfig, { indexes = true } = {}): void {
  addPaginatedList(eleventyConfig, "home", "home.njk", "homePages");
  if (indexes) addFixedPage(eleventyConfig, "tags", "tag-index.njk", "/tags/");
  addPaginatedList(eleventyConfig, "tag", "tag-page.njk", "tagPages");
  if (indexes) addFixedPage(eleventyConfig, "authors", "author-index.njk", "/authors/");
  addPaginatedList(eleventyConfig, "author", "author-page.njk", "authorPages");
  addPaginatedList(eleventyConfig, "type", "type-page.njk", "typePages");
  if (indexes) addFixedPage(eleventyConfig, "archive", "archive-index.njk", ARCHIVE_URL);
  addPaginatedList(eleventyConfig, "archive-year", "archive-year.njk", "archivePages");
}
