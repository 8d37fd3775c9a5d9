/**
 * Options for the related-articles engine: one object holds every weight and limit, with defaults and a pure
 * validator that names the bad option and says what to write instead.
 */
import { suggest } from "../content/suggest.ts";

/** How much each signal counts. Each signal is a similarity between 0 and 1; the score is their weighted mean. */
export interface RelatedWeights {
  /** Shared tags, each weighted by its rarity (IDF), normalised by the two items' tag counts. */
  tags: number;
  /** Cosine similarity of the TF-IDF vectors of title, standfirst and body (see fieldWeights). */
  text: number;
  /** Shared authors (cosine of the author sets); the organisation byline (no authors) shares nothing. */
  authors: number;
  /** 1 when both items have the same type (news, analysis, …). */
  type: number;
  /** Closeness in time, in either direction: 1 on the same day, 0.5 one half-life apart, and so on. */
  recency: number;
}

/** How much a word counts in each field, as a multiple of its count (term frequency). */
export interface FieldWeights {
  title: number;
  description: number;
  body: number;
}

export interface RelatedOptions {
  /** How many related items to list. */
  k: number;
  weights: RelatedWeights;
  fieldWeights: FieldWeights;
  /** Scored candidates below this (0–1) are left out; the list is then filled from tags and the newest items. */
  minScore: number;
  /**
   * MMR λ (0–1): the balance between relevance and novelty when choosing each next item. 1 ranks by score
   * only; lower values push down candidates that repeat (by text) an item already listed.
   */
  diversity: number;
  /**
   * Text similarity (cosine, 0–1) above which a candidate counts as repeating an item already listed; MMR
   * penalises only the part above it. 0 gives classic MMR, which also spreads items on one subject apart.
   */
  duplicateSimilarity: number;
  /** Days after which the recency signal halves. */
  recencyHalfLifeDays: number;
  /** How many of an item's highest-weighted terms are used to find candidates (caps postings work). */
  queryTerms: number;
  /** How many terms each item keeps in its text vector (the rest are its least distinctive words). */
  itemTerms: number;
  /**
   * Terms in more than this fraction of items are ignored (too common to say anything), but a term is never
   * ignored for this while it is in 10 items or fewer, so small sites keep their shared words.
   */
  maxDfFraction: number;
  /**
   * For each query term, how many items are read from its postings, strongest first: caps the work for very
   * common terms (an item that uses such a term only in passing is not found through it).
   */
  postingsPerTerm: number;
  /** How many of the best candidates are re-scored exactly and offered to the diversity step (at least k). */
  poolSize: number;
}

/** What callers may pass: any subset, including a subset of the weights. */
export type RelatedOptionsInput = Partial<Omit<RelatedOptions, "weights" | "fieldWeights">> & {
  weights?: Partial<RelatedWeights>;
  fieldWeights?: Partial<FieldWeights>;
};

/**
 * Defaults. Text carries most weight and tags the next most (editors' tags are good evidence but half of a
 * real archive has none, and some are wrong or very broad); authors, type and time only break near-ties.
 * duplicateSimilarity 0.7 sits above the text similarity of most different items on one subject in the
 * labelled fixture (99th percentile 0.71) and below near-copies (0.9 and up). queryTerms, postingsPerTerm and
 * poolSize cap the work per lookup for large archives, and lists stay close to an exhaustive run's (every
 * term, every posting, a larger pool) with the same precision@5: see docs/performance.md for the figures.
 */
export const DEFAULT_RELATED_OPTIONS: RelatedOptions = Object.freeze({
  k: 5,
  weights: Object.freeze({ tags: 0.3, text: 0.55, authors: 0.05, type: 0.03, recency: 0.07 }),
  fieldWeights: Object.freeze({ title: 3, description: 2, body: 1 }),
  minScore: 0.05,
  diversity: 0.5,
  duplicateSimilarity: 0.7,
  recencyHalfLifeDays: 365,
  queryTerms: 12,
  itemTerms: 64,
  maxDfFraction: 0.2,
  postingsPerTerm: 200,
  poolSize: 60,
}) as RelatedOptions;

const TOP_KEYS = Object.keys(DEFAULT_RELATED_OPTIONS) as Array<keyof RelatedOptions>;
const WEIGHT_KEYS = Object.keys(DEFAULT_RELATED_OPTIONS.weights) as Array<keyof RelatedWeights>;
const FIELD_KEYS = Object.keys(DEFAULT_RELATED_OPTIONS.fieldWeights) as Array<keyof FieldWeights>;

function fail(name: string, message: string): never {
  throw new Error(`Related articles option "${name}" ${message}`);
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "a list" : "an object";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(value).sort()) {
    if (known.includes(key)) continue;
    const near = suggest(key, known);
    fail(`${prefix}${key}`, `is not known: ${near ? `did you mean "${prefix}${near}"?` : `use one of ${known.map((k) => prefix + k).join(", ")}`}`);
  }
}

interface NumberRule {
  min: number;
  max?: number;
  /** The minimum itself is not allowed. */
  above?: boolean;
  integer?: boolean;
  example: number;
}

function checkNumber(name: string, value: unknown, fallback: number, rule: NumberRule): number {
  if (value === undefined) return fallback;
  const range = rule.max === undefined ? `${rule.above ? "above" : "at least"} ${rule.min}` : `from ${rule.min}${rule.above ? " (exclusive)" : ""} to ${rule.max}`;
  const kind = rule.integer ? "a whole number" : "a number";
  const hint = `must be ${kind} ${range}, e.g. ${rule.example}`;
  if (typeof value !== "number" || !Number.isFinite(value)) fail(name, `${hint}, not ${describe(value)}`);
  if (rule.integer && !Number.isInteger(value)) fail(name, `${hint}, not ${value}`);
  if (rule.above ? value <= rule.min : value < rule.min) fail(name, `${hint}, not ${value}`);
  if (rule.max !== undefined && value > rule.max) fail(name, `${hint}, not ${value}`);
  return value;
}

function checkGroup<K extends string>(name: string, value: unknown, defaults: Readonly<Record<K, number>>, keys: readonly K[]): Record<K, number> {
  if (value === undefined) return { ...defaults };
  if (!isPlainObject(value)) fail(name, `must be an object like { ${keys.map((k) => `${k}: ${defaults[k]}`).join(", ")} }, not ${describe(value)}`);
  checkKeys(value, keys, `${name}.`);
  const result = {} as Record<K, number>;
  for (const key of keys) {
    result[key] = checkNumber(`${name}.${key}`, value[key], defaults[key], { min: 0, example: defaults[key] });
  }
  if (keys.every((k) => result[k] === 0)) fail(name, `must give at least one of ${keys.join(", ")} a weight above 0`);
  return result;
}

/**
 * Defaults, overridden by `partial` (which may set single weights). Pure. Throws an Error naming the option,
 * what is allowed and what was given, e.g. `Related articles option "weights.tags" must be a number at least 0,
 * e.g. 0.3, not -1`.
 */
export function resolveRelatedOptions(partial: RelatedOptionsInput = {}): RelatedOptions {
  const input: unknown = partial;
  if (!isPlainObject(input)) throw new Error(`Related articles options must be an object, not ${describe(input)}`);
  checkKeys(input, TOP_KEYS, "");
  const d = DEFAULT_RELATED_OPTIONS;
  return {
    k: checkNumber("k", input.k, d.k, { min: 0, max: 100, integer: true, example: 5 }),
    weights: checkGroup("weights", input.weights, d.weights, WEIGHT_KEYS),
    fieldWeights: checkGroup("fieldWeights", input.fieldWeights, d.fieldWeights, FIELD_KEYS),
    minScore: checkNumber("minScore", input.minScore, d.minScore, { min: 0, max: 1, example: d.minScore }),
    diversity: checkNumber("diversity", input.diversity, d.diversity, { min: 0, max: 1, example: d.diversity }),
    duplicateSimilarity: checkNumber("duplicateSimilarity", input.duplicateSimilarity, d.duplicateSimilarity, {
      min: 0,
      max: 0.99,
      example: d.duplicateSimilarity,
    }),
    recencyHalfLifeDays: checkNumber("recencyHalfLifeDays", input.recencyHalfLifeDays, d.recencyHalfLifeDays, {
      min: 0,
      above: true,
      example: d.recencyHalfLifeDays,
    }),
    queryTerms: checkNumber("queryTerms", input.queryTerms, d.queryTerms, { min: 1, max: 1000, integer: true, example: d.queryTerms }),
    itemTerms: checkNumber("itemTerms", input.itemTerms, d.itemTerms, { min: 1, max: 10000, integer: true, example: d.itemTerms }),
    maxDfFraction: checkNumber("maxDfFraction", input.maxDfFraction, d.maxDfFraction, { min: 0, max: 1, above: true, example: d.maxDfFraction }),
    postingsPerTerm: checkNumber("postingsPerTerm", input.postingsPerTerm, d.postingsPerTerm, {
      min: 1,
      max: 1_000_000,
      integer: true,
      example: d.postingsPerTerm,
    }),
    poolSize: checkNumber("poolSize", input.poolSize, d.poolSize, { min: 1, max: 1000, integer: true, example: d.poolSize }),
  };
}
