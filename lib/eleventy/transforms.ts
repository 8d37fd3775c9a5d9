/** What every written page and feed passes through, in this order. */
import type UserConfig from "@11ty/eleventy/UserConfig";
import { oneByteOutput } from "../build/one-byte.ts";
import type { PluginContext } from "./build-state.ts";

export function addTransforms(eleventyConfig: UserConfig, { build }: PluginContext): void {
  // A body the sanitiser changed fails the build before its page or feed is written, with every body problem
  // (markdown.ts articleBodies): an error thrown in a Nunjucks filter would reach Eleventy rewrapped, as a stack
  // trace instead of the editor's message.
  eleventyConfig.addTransform("govnews-body-problems", (content: unknown) => {
    const failure = build().bodies.failure();
    if (failure) throw failure;
    return content;
  });
  // Every page and feed at one byte per character (lib/build/one-byte.ts): bodies already are (renderBody); this
  // catches titles, standfirsts and bios with typographic quotes. Nearly free on a page that is already one-byte.
  eleventyConfig.addTransform("govnews-one-byte-output", function (this: { page: { outputPath: unknown } }, content: unknown) {
    const outputPath = this.page.outputPath;
    return typeof content === "string" && typeof outputPath === "string" ? oneByteOutput(content, outputPath) : content;
  });
}
