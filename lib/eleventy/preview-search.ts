/**
 * The search index under `npm start` (preview.ts): made when the content it indexes has changed and the preview
 * has been quiet for a moment, not by every rebuild. Indexing a large archive takes many times longer than a
 * rebuild, so a rebuild that started it afresh (as every rebuild did) kept the second core busy with an index that
 * the next edit made stale; and a rebuild that changed no published item (a related-lists pass) needs none.
 * The pages show at once; the index follows when Pagefind has written it, unless the content changed meanwhile.
 */
import { startSearchAhead } from "../build/search-ahead.ts";
import { publishedKey, type BuildState } from "./build-state.ts";
import type { GovnewsOptions } from "./options.ts";
import { searchItems, writeSearchBundle } from "./search-index.ts";

/** How long the preview must be quiet (no newer build) before indexing starts. */
const QUIET_MS = 1_500;

/** After a build under `npm start`: indexes its published items into `output`, if they changed since the last index. */
export function followSearchIndex(state: BuildState, options: GovnewsOptions, output: string): void {
  const preview = state.preview!;
  const basis = publishedKey(state, options);
  if (preview.search?.basis === basis) return;
  const generation = preview.generation;
  const items = searchItems(state.model);
  const site = state.model.site;
  setTimeout(() => {
    // A newer build follows its own content.
    if (preview.generation !== generation) return;
    preview.search?.stop();
    const search = startSearchAhead({ items, root: options.root, site, background: true }, options.renderAhead);
    preview.search = { basis, stop: () => search.stop() };
    search.bundle().then(
      (folder) => {
        // One bundle moved into the site at a time, and only the latest content's: a later one stops this search,
        // which removes its folder, so a move under way then fails, and is let go.
        const write = () => (preview.search?.basis === basis ? writeSearchBundle(output, folder) : undefined);
        preview.searchWrites = (preview.searchWrites ?? Promise.resolve()).then(write).catch((error: Error) => {
          if (preview.search?.basis === basis) console.error(error.message);
        });
      },
      (error: Error) => {
        if (preview.search?.basis === basis) console.error(error.message);
      },
    );
  }, QUIET_MS).unref();
}
