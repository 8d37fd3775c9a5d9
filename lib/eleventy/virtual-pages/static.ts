/** Pages with no list of their own: "Get updates", search, the accessibility statement, cookies and the not-found page. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { addFixedPage } from "./templates.ts";
import { ACCESSIBILITY_URL, COOKIES_URL } from "../../content/legal-pages.ts";

export function addStaticPages(eleventyConfig: UserConfig): void {
  addFixedPage(eleventyConfig, "subscribe", "subscribe.njk", "/subscribe/");
  addFixedPage(eleventyConfig, "accessibility", "accessibility.njk", ACCESSIBILITY_URL);
  addFixedPage(eleventyConfig, "cookies", "cookies.njk", COOKIES_URL);
  addFixedPage(eleventyConfig, "search", "search.njk", "/search/");
  addFixedPage(eleventyConfig, "404", "not-found.njk", "/404.html");
}
