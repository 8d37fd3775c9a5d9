/**
 * View helpers: turn model data into what templates print. Pure, so the rules (labels, bylines)
 * are unit-tested rather than buried in Nunjucks.
 */
import type { Article, Model } from "../content/model.ts";
import { roleAt } from "../authors/roles.ts";
import { authorUrl } from "../authors/bio.ts";

export interface BylinePerson {
  name: string;
  /** Author id; absent for the organisation byline. */
  id?: string;
  /** The author's page. */
  url?: string;
  /** Role and organisation held on the item's publication date. */
  role?: string;
  organisation?: string;
}

/** The people credited on an item, in front-matter order, or the organisation when there are none. */
export function bylineFor(article: Pick<Article, "authorIds" | "dateMs">, model: Pick<Model, "authors" | "site">): BylinePerson[] {
  if (article.authorIds.length === 0) return [{ name: model.site.organisation.name }];
  return article.authorIds.map((id) => {
    const author = model.authors.get(id);
    if (!author) throw new Error(`Unknown author id "${id}" (validation should have caught this)`);
    return { id, url: authorUrl(id), name: author.name, ...roleAt(author, article.dateMs) };
  });
}

/** "Ada Lovelace", "Ada Lovelace and Alan Turing", "A, B and C" */
export function joinNames(names: readonly string[]): string {
  return names.map((name, i) => nameSeparator(i, names.length) + name).join("");
}

/**
 * What goes before the name at `index` of `count` in "A, B and C": nothing, ", " or " and ". Templates that
 * print each name as markup (bylines) use it through the govnewsNameSeparator filter, so both read as joinNames.
 */
export function nameSeparator(index: number, count: number): string {
  return index === 0 ? "" : index === count - 1 ? " and " : ", ";
}

/** The GOV.UK plugin's rule for a current navigation item (its currentPage filter): the item's page or below. */
export function isCurrentPage(href: string, pageUrl: string): boolean {
  const item = href.replace(/\/$/, "") || "/";
  const current = pageUrl.replace(/\/$/, "") || "/";
  return current === item || current.startsWith(`${item}/`);
}

/**
 * The same text as one flat string. Templates build their output by concatenation, which V8 keeps as a rope
 * (a tree of pieces). A fragment cached once and printed on many pages (a list entry, the page header) would
 * otherwise be walked piece by piece again every time a page containing it is flattened for writing, and
 * keep its many pieces alive for the garbage collector; decoding its UTF-8 gives one flat string. (A lone
 * surrogate would become U+FFFD, as it does when the page is written; content validation removes them.)
 */
export function flatString(text: string): string {
  return Buffer.from(text, "utf8").toString("utf8");
}
