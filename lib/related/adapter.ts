/**
 * From the content model to the engine's input. Pure; shared by the Eleventy plugin and `npm run related`.
 */
import type { Article } from "../content/model.ts";
import type { ArticleSummary } from "./engine.ts";

/** The engine's view of a published item: text, tags (slugs and labels, same order), authors, type, date, curation. */
export function toArticleSummary(article: Article): ArticleSummary {
  return { ...summaryFields(article), body: article.body };
}

/**
 * The same without the body, and with the item's file instead, for a reader that reads the body from the file
 * when it needs it (lib/build/render-ahead-worker.ts): a large archive's bodies are then never all in memory.
 */
export function toSummaryWithoutBody(article: Article): Omit<ArticleSummary, "body"> & { file: string } {
  return { ...summaryFields(article), file: article.file };
}

function summaryFields(article: Article): Omit<ArticleSummary, "body"> {
  const summary: Omit<ArticleSummary, "body"> = {
    slug: article.slug,
    title: article.title,
    description: article.description,
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
