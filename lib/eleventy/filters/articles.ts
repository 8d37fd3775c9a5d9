/** An item's type, tags, body and related items, as its page and list entries show them. */
import type { Article } from "../../content/model.ts";
import { typeLabel, typeNoun, typeSlug } from "../../content/news-types.ts";
import { tagUrl } from "../../content/tags.ts";
import { relatedArticles, type PluginContext } from "../build-state.ts";
import type { FilterGroup } from "./register.ts";
import { withBodyImageAttributes, type PictureView } from "../../content/responsive-image.ts";

export function articleFilters({ build, options }: PluginContext): FilterGroup {
  return {
    text: {
      govnewsTypeLabel: (type: string) => typeLabel(type),
      govnewsTypeSlug: (type: string) => typeSlug(type),
      govnewsTypeNoun: (type: string) => typeNoun(type),
      govnewsTagUrl: (slug: string) => tagUrl(slug),
      // How a lead image is shown (the picture component): its processed variants and size, an SVG's size, or an
      // https image as it is.
      govnewsPicture: (image: { src: string }): PictureView => build().processedImages?.views.get(image.src) ?? { src: image.src },
      // Related articles for an item, as the articles themselves (for the list component), best first.
      govnewsRelated: (article: Article) => relatedArticles(build(), article, options.related),
    },
    markup: {
      // An item's body: its Markdown rendered by the GOV.UK plugin's markdown-it instance, sanitised. The
      // render-ahead worker renders every body with the same configuration; this thread renders should it fail.
      // A body the sanitiser changed fails the build with every body problem (transforms.ts). Its page is the
      // last to need it (feeds render first), so it is taken.
      // Images in the body with their size (no layout shift) and lazy loading, processed ones as a <picture>
      // (responsive-image.ts): on the sanitised HTML, for the page only; feeds keep the body's plain <img>.
      govnewsBody: (article: Article) => {
        const state = build();
        const processed = state.processedImages;
        const html = state.bodies.take(article);
        return processed
          ? withBodyImageAttributes(
              html,
              (src) => processed.sizes.get(src),
              (src) => processed.views.get(src),
            )
          : html;
      },
    },
  };
}
