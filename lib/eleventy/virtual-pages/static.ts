/** Pages with no list of their own: "Get updates" and the not-found page. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { addFixedPage } from "./templates.ts";

export function addStaticPages(eleventyConfig: UserConfig): void {
  addFixedPage(eleventyConfig, "subscribe", "subscribe.njk", "/subscribe/");
  addFixedPage(eleventyConfig, "404", "not-found.njk", "/404.html");
}
