/** schema.org JSON-LD for article, author and list pages (lib/eleventy/structured-data.ts). */
import type { Article } from "../../content/model.ts";
import type { ListPage } from "../../content/paginate.ts";
import { articleLd, itemListLd, jsonForScript, profilePageLd } from "../structured-data.ts";
import { publishedListPages, type PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";

export function jsonLdFilters({ build }: PluginContext): FilterGroup {
  /** Every page of the published lists by address, once per build. */
  let byHref: { state: unknown; pages: Map<string, ListPage<Article>> } | undefined;
  const publishedPage = (href: string) => {
    const state = build();
    if (byHref?.state !== state) {
      const lists = publishedListPages(state);
      byHref = { state, pages: new Map([...lists.home, ...lists.tags, ...lists.types, ...lists.authors].map((page) => [page.href, page])) };
    }
    return byHref.pages.get(href);
  };
  return {
    text: {
      // A list page's ItemList, from the production list at the same address: a preview's lists add drafts and
      // embargoed items, which structured data never shows. Undefined when production has no such page or it is empty.
      govnewsItemList: (page: ListPage<Article>, name: string) => {
        const published = publishedPage(page.href);
        return published && itemListLd(published, name, build().model.site);
      },
    },
    markup: {
      govnewsArticleJsonLd: (article: Article) => jsonForScript(articleLd(article, build().model)),
      govnewsProfileJsonLd: (id: string) => {
        const { model } = build();
        return jsonForScript(profilePageLd(model.authors.get(id)!, model.site));
      },
      govnewsJsonLd: (data: unknown) => jsonForScript(data),
    },
  };
}
