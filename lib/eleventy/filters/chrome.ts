/**
 * The page chrome (header with navigation, footer), rendered once per build for each set of current navigation
 * items. Its templates read only site-wide data and page.url, and the navigation's current items follow the
 * GOV.UK plugin's rule (currentPage: the item's URL, or a page below it).
 */
import { referenceWideCharacters } from "../../build/one-byte.ts";
import { flatString, isCurrentPage } from "../view.ts";
import type { PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";

export function chromeFilters({ build, library }: PluginContext): FilterGroup {
  return {
    markup: {
      govnewsChrome: function (this: { ctx: Record<string, unknown> }, part: "header" | "footer", url: string) {
        const navigation = (this.ctx.options as { serviceNavigation?: { navigation?: Array<{ href: string }> } }).serviceNavigation?.navigation ?? [];
        const current = part === "footer" ? "" : navigation.map((item) => (isCurrentPage(item.href, url) ? "1" : "0")).join("");
        const key = `${part} ${current}`;
        const chrome = build().caches.chrome;
        let html = chrome.get(key);
        if (html === undefined) {
          html = flatString(referenceWideCharacters(library("njk").render(`govnews-${part}.njk`, this.ctx)));
          chrome.set(key, html);
        }
        return html;
      },
    },
  };
}
