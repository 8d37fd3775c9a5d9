/** Related articles: the engine, its options, the content-model adapter and the text analysis. */
export {
  buildRelatedIndex,
  DEFAULT_RELATED_OPTIONS,
  resolveRelatedOptions,
  type ArticleSummary,
  type FieldWeights,
  type PairSignals,
  type RelatedEntry,
  type RelatedIndex,
  type RelatedOptions,
  type RelatedOptionsInput,
  type RelatedSource,
  type RelatedWeights,
} from "./engine.ts";
export { toArticleSummary, toSummaryWithoutBody } from "./adapter.ts";
export { analyse, plainText, STOP_WORDS, tokenize } from "./text.ts";
export { naiveRelated } from "./naive.ts";
