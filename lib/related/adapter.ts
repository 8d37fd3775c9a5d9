/**
 * From the content model to the engine's input. Pure; shared by the Eleventy plugin and `npm run related`.
 */
import type { Article } from "../content/model.ts";
import type { ArticleSummary } from "./engine.ts";

/** The engine's view of a published item: text, tags (slugs and labels, same order), authors, type, date, curation. */
export function toArticleSummary(article: Article): ArticleSummary {
  const summary: ArticleSummary = {
    slug: article.slug,
    title: article.title,
    description: article.description,
    body: article.body,
    type: article.type,
    authorIds: [...article.authorIds],
    tagSlugs: article.tags.map((t) => t.slug),
    tagLabels: article.tags.map((t) => t.label),
    dateMs: article.dateMs,
  };
  if (article.related) summary.related = [...article.related];
  if (article.relatedExclude) summary.relatedExclude = [...article.relatedExclude];
  return summary;
}
