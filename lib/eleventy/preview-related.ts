/**
 * Related lists under `npm start` (preview.ts): a rebuild shows the lists of the build before, then every list is
 * computed afresh in a worker (lib/build/related-lists.ts) and, if any changed, the pages they are on are rewritten
 * by one more rebuild. The lists are exact for the content they were computed from; until then a page may show its
 * list as it was before the edit, never an unpublished item (relatedArticles drops those).
 */
import { toSummaryWithoutBody } from "../related/index.ts";
import { startRelatedLists } from "../build/related-lists.ts";
import { publishedKey, type BuildState } from "./build-state.ts";
import type { GovnewsOptions } from "./options.ts";

/**
 * After a build under `npm start`: starts computing every list for its content, unless they are known, and calls
 * `rebuild` once they are, if they differ from those its pages show and no newer build has started meanwhile.
 */
export function followRelatedLists(state: BuildState, options: GovnewsOptions, rebuild: () => void): void {
  const preview = state.preview!;
  const published = state.model.published;
  // What the lists depend on: every published item's fields and body.
  const basis = publishedKey(state, options);
  if (preview.relatedBasis === basis) return;
  const generation = preview.generation;
  const job = startRelatedLists({ items: published.map(toSummaryWithoutBody), root: options.root });
  preview.job = job;
  job.lists.then(
    (lists) => {
      if (preview.generation !== generation) return;
      preview.job = undefined;
      preview.relatedBasis = basis;
      if (preview.related && sameLists(preview.related, lists)) return;
      preview.related = lists;
      rebuild();
    },
    (error: Error) => {
      if (preview.generation === generation) console.warn(`govnews: related lists not updated: ${error.message}`);
    },
  );
}

function sameLists(a: ReadonlyMap<string, readonly string[]>, b: ReadonlyMap<string, readonly string[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [slug, list] of a) {
    const other = b.get(slug);
    if (!other || other.length !== list.length || other.some((s, i) => s !== list[i])) return false;
  }
  return true;
}
