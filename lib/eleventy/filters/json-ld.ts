/** schema.org JSON-LD for article and author pages (lib/eleventy/structured-data.ts). */
import type { Article } from "../../content/model.ts";
import { articleLd, jsonForScript, profilePageLd } from "../structured-data.ts";
import type { PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";

export function jsonLdFilters({ build }: PluginContext): FilterGroup {
  return {
    markup: {
      govnewsArticleJsonLd: (article: Article) => jsonForScript(articleLd(article, build().model)),
      govnewsProfileJsonLd: (id: string) => {
        const { model } = build();
        return jsonForScript(profilePageLd(model.authors.get(id)!, model.site));
      },
    },
  };
}
