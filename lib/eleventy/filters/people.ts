/** Bylines and author bios, each computed once per build and reused (lists and related articles repeat them). */
import type { Article } from "../../content/model.ts";
import { authorBioParams, roleHistory } from "../../authors/bio.ts";
import { bylineFor, nameSeparator } from "../view.ts";
import type { PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";

export function peopleFilters({ build }: PluginContext): FilterGroup {
  return {
    text: {
      govnewsByline: (article: Article) => {
        const { caches, model } = build();
        let byline = caches.bylines.get(article);
        if (!byline) caches.bylines.set(article, (byline = bylineFor(article, model)));
        return byline;
      },
      // Before each name of a byline: "A, B and C", as joinNames joins them.
      govnewsNameSeparator: (index: number, count: number) => nameSeparator(index, count),
      // Once per author and heading level per build: every article page shows its authors' bios, and rendering and
      // sanitising a bio's Markdown on each of them was a visible share of a large build (docs/performance.md).
      govnewsAuthorBio: (id: string, headingLevel?: number) => {
        const { caches, model } = build();
        const key = `${id} ${headingLevel ?? ""}`;
        let params = caches.bios.get(key);
        if (!params) caches.bios.set(key, (params = authorBioParams(model.authors.get(id)!, model.listed.authorArticles.get(id)!.length, headingLevel)));
        return params;
      },
      // Structured data speaks only of published work: in a preview, an author whose items are all drafts has a
      // page (for the drafts' bylines) but nothing for machines.
      govnewsHasPublished: (id: string) => (build().model.authorArticles.get(id)?.length ?? 0) > 0,
      govnewsRoleHistory: (id: string) => roleHistory(build().model.authors.get(id)!),
    },
  };
}
