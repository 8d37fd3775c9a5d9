/** List entries and pagination for the home, tag, type and author pages and related-articles lists. */
import type { Article } from "../../content/model.ts";
import { paginationParams, type ListPage } from "../../content/paginate.ts";
import { referenceWideCharacters } from "../../build/one-byte.ts";
import { exportedMacro } from "../libraries.ts";
import { flatString } from "../view.ts";
import type { PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";

/** The GOV.UK heading sizes a list entry's title can take (govuk-heading-*). */
const HEADING_SIZES = ["s", "m", "l", "xl"];

export function listFilters({ build, library }: PluginContext): FilterGroup {
  return {
    text: {
      govnewsPagination: (page: ListPage<unknown>, base: string) => paginationParams(page, base),
    },
    markup: {
      // An item's list entry (the appArticleSummary component) rendered once per build for each heading level and
      // size, then reused: an archive lists each item on many pages (home, topics, type, authors, related lists).
      // The macro is called directly: a template that imports it would run the import (a lookup and a render of
      // the macro file) for every entry.
      govnewsSummary: (article: Article, headingLevel: number = 2, size: string = "m") => {
        const sizeIndex = HEADING_SIZES.indexOf(size);
        if (sizeIndex < 0) throw new Error(`govnewsSummary: size must be one of ${HEADING_SIZES.join(", ")}, not "${size}"`);
        // Per variant, then per item: no key string to build and hash on every call.
        const variant = headingLevel * HEADING_SIZES.length + sizeIndex;
        const caches = build().caches;
        let cache = caches.summaries.get(variant);
        if (!cache) caches.summaries.set(variant, (cache = new WeakMap()));
        let html = cache.get(article);
        if (html === undefined) {
          caches.summaryMacro ??= exportedMacro(library("njk"), "components/article-summary/macro.njk", "appArticleSummary");
          html = flatString(referenceWideCharacters(String(caches.summaryMacro({ article, headingLevel, size }))));
          cache.set(article, html);
        }
        return html;
      },
    },
  };
}
