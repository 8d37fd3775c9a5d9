/**
 * The search index's words, worked out here rather than by Pagefind's process: what Pagefind 1.5.2 does with a
 * custom record (pagefind/src/fossick/mod.rs, fossick/splitting.rs, index/mod.rs), done in this process, for a
 * shard of records at a time, written in the files Pagefind writes for a shard (merge.ts reads them). Pagefind's
 * own indexing costs several milliseconds of CPU an item (docs/performance.md, Search), which at 100,000 items is
 * more than a build's budget; this costs a fraction of that, mostly in memoised work per distinct word.
 *
 * The plain twin is Pagefind itself (pagefind-index.ts, `engine: "pagefind"`): tests/unit/search/word-index.test.ts
 * indexes the same records both ways and requires the same bundle, file for file and byte for byte (fragments
 * compared uncompressed, as zlib's and Pagefind's gzip differ), and the stemmer (english-stemmer.ts) is checked
 * against Pagefind's stems of a vocabulary. Only what our records use is done: English, no weights or anchors
 * (records.ts removes Pagefind's markers from the text), Pagefind's default options.
 *
 * What a record becomes:
 *   - its text split at white space into words, each word's position counted whether or not it yields a term;
 *   - each word's terms (indexableWords): the word lower-cased with everything but letters, digits and connector
 *     punctuation removed, diacritics stripped and stemmed; and if the word has punctuation or inner capitals, its
 *     parts (split as Rust's convert_case splits words) at a share of the weight; and any emoji in it;
 *   - each meta field's words the same way, as meta positions (the field's number and the word's place in it);
 *   - a fragment: its URL, text, word count, filters, meta and anchors as Pagefind's serde_json writes them.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { CborWriter, type Cbor } from "./canonical.ts";
import { stemEnglish } from "./english-stemmer.ts";
import { compareCodePoints, pagefindHash } from "./merge.ts";
import type { SearchRecord } from "./records.ts";

const SIGNATURE = Buffer.from("pagefind_dcd", "latin1");

/** Pagefind's weight for ordinary text: 1.0 × its multiplier of 24. */
const WORD_WEIGHT = 24;

/** Rust's char::is_whitespace (Unicode White_Space): what str::split_whitespace splits at. */
const WHITE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
/** Rust's char::is_alphanumeric: Alphabetic or Numeric (Nd, Nl, No). */
const ALPHANUMERIC = /[\p{Alphabetic}\p{Nd}\p{Nl}\p{No}]/u;
/** Pagefind's default include_characters: the connector punctuation (Pc), kept in words. */
const CONNECTORS = /\p{Pc}/u;
const UPPERCASE = /\p{Uppercase}/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const EMOJI = /\p{Emoji}/u;
const RGI_EMOJI = /^\p{RGI_Emoji}$/v;
const COMBINING_MARKS = /\p{M}/gu;

export interface Term {
  /** The stem the index files the word under. */
  term: string;
  /** The word before its diacritics were stripped, where it had any: a variant of the term. */
  original: string | undefined;
  /** A part of a compound word (which shares the word's weight among its parts). */
  part: boolean;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/** A word with its diacritics stripped (NFD, marks removed), or undefined if that changes nothing. */
function stripDiacritics(word: string): string | undefined {
  if (/^[\x00-\x7f]*$/.test(word)) return undefined;
  const stripped = word.normalize("NFD").replace(COMBINING_MARKS, "");
  return stripped === word ? undefined : stripped;
}

const isCased = (g: string) => g.toUpperCase() !== g.toLowerCase();
const isUpper = (g: string) => isCased(g) && g === g.toUpperCase();
const isLower = (g: string) => isCased(g) && g === g.toLowerCase();
const isDigit = (g: string) => /^[0-9]+$/.test(g);

/**
 * convert_case's `to_case(Case::Lower)`: the text split into words at spaces and at its default boundaries between
 * graphemes (lower then upper, upper or lower next to a digit, and before the last capital of an acronym that runs
 * into a lower-case letter), each lower-cased, joined by single spaces.
 */
export function lowerCaseWords(text: string): string {
  const words: string[] = [];
  for (const piece of text.split(" ")) {
    if (!piece) continue;
    const g = Array.from(graphemes.segment(piece), (s) => s.segment);
    let start = 0;
    for (let i = 0; i + 1 < g.length; i++) {
      const [a, b, c] = [g[i]!, g[i + 1]!, g[i + 2]];
      const split =
        (isLower(a) && isUpper(b)) ||
        (isUpper(a) && isDigit(b)) ||
        (isDigit(a) && isUpper(b)) ||
        (isDigit(a) && isLower(b)) ||
        (isLower(a) && isDigit(b)) ||
        (c !== undefined && isUpper(a) && isUpper(b) && isLower(c));
      if (split) {
        words.push(g.slice(start, i + 1).join(""));
        start = i + 1;
      }
    }
    words.push(g.slice(start).join(""));
  }
  return words
    .filter((w) => w)
    .map((w) => w.toLowerCase())
    .join(" ");
}

/** Pagefind's get_discrete_words: a word's parts (ASCII punctuation as spaces), and the emoji in it. */
function discreteWords(word: string): { parts: string; emoji: string[] | undefined } {
  const parts = lowerCaseWords(word.replace(ASCII_PUNCTUATION, " "))
    .split(WHITE_SPACE)
    .filter((w) => w)
    .join(" ");
  const emoji = EMOJI.test(word) ? Array.from(graphemes.segment(word), (s) => s.segment).filter((g) => RGI_EMOJI.test(g)) : undefined;
  return { parts, emoji };
}

function stemmed(word: string): { term: string; original: string | undefined } {
  const stripped = stripDiacritics(word);
  return { term: stemEnglish(stripped ?? word), original: stripped === undefined ? undefined : word };
}

/** Pagefind's get_indexable_words for English: the terms one word of text is indexed under. */
export function indexableWords(word: string): Term[] {
  const terms: Term[] = [];
  let normalized = "";
  let compound = false;
  let first = true;
  for (const c of word) {
    const alphanumeric = ALPHANUMERIC.test(c);
    if (!alphanumeric) compound = true;
    else if (!first && UPPERCASE.test(c)) compound = true;
    first = false;
    if (alphanumeric || CONNECTORS.test(c)) {
      if (c < "\x80") normalized += c.toLowerCase();
      else normalized += UPPERCASE.test(c) ? c.toLowerCase() : c;
    }
  }
  if (normalized) terms.push({ ...stemmed(normalized), part: false });
  if (!compound) return terms;
  const { parts, emoji } = discreteWords(word);
  if (normalized && (/\s/.test(parts) || !normalized.startsWith(parts))) {
    for (const part of parts.split(" ")) {
      // Parts of two bytes or more (Rust's str::len), so "é" counts and "a" does not.
      if (part && Buffer.byteLength(part) > 1) terms.push({ ...stemmed(part), part: true });
    }
  }
  for (const e of emoji ?? []) terms.push({ term: e, original: undefined, part: false });
  return terms;
}

/**
 * A page's terms and their positions. A position is one number (see `code` and `metaCode`), since a page has
 * hundreds of terms and a shard thousands of pages; the few positions of a form with diacritics are kept apart,
 * under the form.
 */
interface PageTerms {
  plain: Map<string, number[]>;
  variants: Map<string, Map<string, number[]>>;
}

/** A position: its place in the text and its weight (at most 240, Pagefind's 10 × 24). */
const code = (at: number, weight: number) => at * 256 + weight;
/** A meta position: the meta field's number and the word's place in the field. */
const metaCode = (field: number, at: number) => field * 1_048_576 + at;

/** A record as Pagefind fossicks it: its fragment and its terms' positions in the text and in the meta fields. */
export interface FossickedRecord {
  url: string;
  fragment: string;
  wordCount: number;
  words: PageTerms;
  metaWords: PageTerms;
}

/** The terms a word is indexed under, with the weight each is given in the text. */
interface WordTerms {
  terms: Term[];
  weights: number[];
}

/**
 * Terms per distinct word, kept across records: most of an archive's words recur, and working them out (the
 * stemmer, the Unicode tests) is most of the indexing's cost. Cleared when it grows past a bound.
 */
export class TermCache {
  private readonly words = new Map<string, WordTerms>();
  private readonly limit: number;
  constructor(limit = 400_000) {
    this.limit = limit;
  }
  of(word: string): WordTerms {
    let entry = this.words.get(word);
    if (!entry) {
      if (this.words.size >= this.limit) this.words.clear();
      const terms = indexableWords(word);
      // A compound word's parts share its weight (integer division, at least 1).
      const parts = terms.filter((t) => t.part).length;
      const partWeight = parts > 0 ? Math.max(1, Math.floor(WORD_WEIGHT / Math.min(parts, 255))) : 0;
      entry = { terms, weights: terms.map((t) => (t.part ? partWeight : WORD_WEIGHT)) };
      this.words.set(word, entry);
    }
    return entry;
  }
}

function addTerm(into: PageTerms, term: Term, position: number): void {
  if (term.original === undefined) {
    const list = into.plain.get(term.term);
    if (list) list.push(position);
    else into.plain.set(term.term, [position]);
    return;
  }
  let forms = into.variants.get(term.term);
  if (!forms) into.variants.set(term.term, (forms = new Map()));
  const list = forms.get(term.original);
  if (list) list.push(position);
  else forms.set(term.original, [position]);
}

/** Fossicks one record (Pagefind's parse_digest and parse_meta_words) with the given meta field order. */
export function fossickRecord(record: SearchRecord, metaFields: readonly string[], cache: TermCache): FossickedRecord {
  const words: PageTerms = { plain: new Map(), variants: new Map() };
  const text: string[] = [];
  let position = 0;
  for (const token of record.content.split(WHITE_SPACE)) {
    const word = token.includes("\u200b") ? token.replace(/\u200b/g, "") : token;
    if (!word) continue;
    text.push(word);
    const { terms, weights } = cache.of(word);
    for (let i = 0; i < terms.length; i++) addTerm(words, terms[i]!, code(position, weights[i]!));
    position++;
  }
  const metaWords: PageTerms = { plain: new Map(), variants: new Map() };
  const meta = record.meta as Record<string, string>;
  metaFields.forEach((field, id) => {
    const value = meta[field];
    if (value === undefined) return;
    value
      .split(WHITE_SPACE)
      .filter((w) => w)
      .forEach((word, at) => {
        for (const term of cache.of(word).terms) addTerm(metaWords, term, metaCode(id, at));
      });
  });
  const wordCount = Math.max(position, 1);
  // serde_json's field order and escaping (which JSON.stringify shares for these strings); maps by key.
  const fragment = JSON.stringify({
    url: record.url,
    content: text.join(" "),
    word_count: wordCount,
    filters: sortedObject(record.filters as Record<string, string[]>),
    meta: sortedObject(meta),
    anchors: [],
  });
  return { url: record.url, fragment, wordCount, words, metaWords };
}

function sortedObject<T>(object: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(object).sort(compareCodePoints)) sorted[key] = object[key]!;
  return sorted;
}

/**
 * positions_to_packed_page: by weight (25 first, which none has: Pagefind's ordinary weight is 24), then by place;
 * a change of weight as -(weight + 1) and the place, other places as differences.
 */
function packPositions(codes: number[]): number[] {
  const key = (c: number) => {
    const weight = c % 256;
    return (weight === 25 ? 0 : weight) * 2 ** 32 + Math.floor(c / 256);
  };
  let sorted = true;
  for (let i = 1; i < codes.length && sorted; i++) if (key(codes[i - 1]!) > key(codes[i]!)) sorted = false;
  const order = sorted ? codes : [...codes].sort((a, b) => key(a) - key(b));
  const out: number[] = [];
  let weight = 25;
  let last = 0;
  for (const c of order) {
    const at = Math.floor(c / 256);
    const w = c % 256;
    if (w !== weight) {
      out.push(-w - 1, at);
      weight = w;
    } else out.push(at - last);
    last = at;
  }
  return out;
}

/** meta_positions_to_packed: by field and place; a field's number as -(field + 1), places as differences. */
function packMetaPositions(codes: number[]): number[] {
  const order = [...codes].sort((a, b) => a - b);
  const out: number[] = [];
  let field = -1;
  let last = 0;
  for (const c of order) {
    const f = Math.floor(c / 1_048_576);
    const at = c % 1_048_576;
    if (f !== field) {
      out.push(-f - 1);
      field = f;
      last = 0;
    }
    out.push(at - last);
    last = at;
  }
  return out;
}

interface PackedPage {
  page: number;
  locs: number[];
  metaLocs: number[];
}
interface PackedWord {
  pages: PackedPage[];
  variants: Array<{ form: string; pages: PackedPage[] }>;
}

const NO_LOCS: number[] = [];

/** Adds one page's terms to the shard's words, as Pagefind's build_indexes packs a page. */
function addPage(index: Map<string, PackedWord>, page: number, record: FossickedRecord): void {
  const word = (term: string) => {
    let packed = index.get(term);
    if (!packed) index.set(term, (packed = { pages: [], variants: [] }));
    return packed;
  };
  const variant = (packed: PackedWord, form: string) => {
    let v = packed.variants.find((x) => x.form === form);
    if (!v) packed.variants.push((v = { form, pages: [] }));
    return v;
  };
  // A page's meta positions join its text positions of the same term and form, if it has any (the last added).
  const setMeta = (pages: PackedPage[], metaLocs: number[]) => {
    const last = pages.at(-1);
    if (last?.page === page) last.metaLocs = metaLocs;
    else pages.push({ page, locs: NO_LOCS, metaLocs });
  };
  for (const [term, codes] of record.words.plain) word(term).pages.push({ page, locs: packPositions(codes), metaLocs: NO_LOCS });
  for (const [term, forms] of record.words.variants) {
    const packed = word(term);
    for (const [form, codes] of forms) variant(packed, form).pages.push({ page, locs: packPositions(codes), metaLocs: NO_LOCS });
  }
  for (const [term, codes] of record.metaWords.plain) setMeta(word(term).pages, packMetaPositions(codes));
  for (const [term, forms] of record.metaWords.variants) {
    const packed = word(term);
    for (const [form, codes] of forms) setMeta(variant(packed, form).pages, packMetaPositions(codes));
  }
}

function writePages(writer: CborWriter, pages: readonly PackedPage[]): void {
  writer.head(4, pages.length);
  let last = 0;
  for (const { page, locs, metaLocs } of pages) {
    writer
      .head(4, 3)
      .int(page - last)
      .head(4, locs.length);
    for (const n of locs) writer.int(n);
    writer.head(4, metaLocs.length);
    for (const n of metaLocs) writer.int(n);
    last = page;
  }
}

/** Pagefind's files for a shard's bundle that do not depend on its records: its script, WebAssembly and entry. */
export interface PagefindAssets {
  /** pagefind.js and the wasm files, by their path in the bundle. */
  files: Array<{ path: string; content: Uint8Array }>;
  /** The index's version, as its metadata file gives it. */
  version: string;
  /** pagefind-entry.json's fields other than the languages. */
  entry: { version: string; include_characters?: string[] };
  /** The language's wasm name in pagefind-entry.json. */
  wasm: string | null;
}

function dataFile(cbor: Buffer, level: number): Buffer {
  return zlib.gzipSync(Buffer.concat([SIGNATURE, cbor]), { level });
}

/**
 * Writes a shard's bundle into `dir` as Pagefind writes one (the files merge.ts reads), its fragments straight into
 * the merged bundle's `fragments` folder where no earlier shard put one of the same name (returned, as placed).
 * Its word index is one chunk: the merge cuts chunks again. Sort values are returned by page, as merge.ts wants them.
 */
export function writeShard(
  records: readonly SearchRecord[],
  dir: string,
  fragments: string,
  assets: PagefindAssets,
  cache: TermCache,
): { placed: Set<string>; sorts: Record<string, string[]> } {
  fs.mkdirSync(path.join(dir, "fragment"), { recursive: true });
  for (const folder of ["index", "filter"]) fs.mkdirSync(path.join(dir, folder), { recursive: true });
  for (const file of assets.files) fs.writeFileSync(path.join(dir, file.path), file.content);
  const metaFields = [...new Set(records.flatMap((r) => Object.keys(r.meta)))].sort(compareCodePoints);
  const index = new Map<string, PackedWord>();
  const pages: Cbor[] = [];
  const names = new Map<string, string>();
  const placed = new Set<string>();
  const filters = new Map<string, Map<string, number[]>>();
  const sorts: Record<string, string[]> = {};
  const kept: SearchRecord[] = [];
  for (const record of records) {
    const fossicked = fossickRecord(record, metaFields, cache);
    // Pagefind leaves out a page with no word to index.
    if (!fossicked.words.plain.size && !fossicked.words.variants.size) continue;
    const page = kept.length;
    kept.push(record);
    addPage(index, page, fossicked);
    for (const [name, values] of Object.entries(record.filters).sort(([a], [b]) => compareCodePoints(a, b))) {
      const byValue = filters.get(name) ?? new Map<string, number[]>();
      filters.set(name, byValue);
      for (const value of values) {
        const list = byValue.get(value) ?? [];
        byValue.set(value, list);
        list.push(page);
      }
    }
    for (const [key, value] of Object.entries(record.sort)) (sorts[key] ??= [])[page] = value;
    const json = Buffer.concat([SIGNATURE, Buffer.from(fossicked.fragment, "utf8")]);
    const full = `en_${pagefindHash(json.subarray(SIGNATURE.length))}`;
    let name = full.slice(0, 10);
    while (names.has(name)) {
      if (names.get(name) === full) throw new Error(`two pages with the same text and meta (${record.url})`);
      name = full.slice(0, name.length + 1);
    }
    names.set(name, full);
    const content = zlib.gzipSync(json, { level: 6 });
    if (placeFragment(path.join(fragments, `${name}.pf_fragment`), content)) placed.add(name);
    else fs.writeFileSync(path.join(dir, "fragment", `${name}.pf_fragment`), content);
    pages.push([name, fossicked.wordCount]);
  }

  const entry: Record<string, unknown> = { version: assets.entry.version, languages: {} };
  if (assets.entry.include_characters) entry.include_characters = assets.entry.include_characters;
  if (kept.length) {
    const terms = [...index.keys()].sort(compareCodePoints);
    const writer = new CborWriter().head(4, 1).head(4, terms.length);
    for (const term of terms) {
      const packed = index.get(term)!;
      writer.head(4, 3).text(term);
      writePages(writer, packed.pages);
      writer.head(4, packed.variants.length);
      for (const v of packed.variants) {
        writer.head(4, 2).text(v.form);
        writePages(writer, v.pages);
      }
    }
    const chunk = writer.bytes();
    const chunkHash = `en_${pagefindHash(chunk).slice(0, 7)}`;
    // Level 1: the merge reads these once and writes its own chunks.
    fs.writeFileSync(path.join(dir, "index", `${chunkHash}.pf_index`), dataFile(chunk, 1));
    const filterList: Cbor[] = [];
    for (const [name, byValue] of filters) {
      const cbor = new CborWriter().value([name, [...byValue].map(([value, list]) => [value, list])]).bytes();
      const hash = `en_${pagefindHash(cbor).slice(0, 7)}_${filterList.length}`;
      fs.writeFileSync(path.join(dir, "filter", `${hash}.pf_filter`), dataFile(cbor, 1));
      filterList.push([name, hash]);
    }
    const sortList: Cbor[] = Object.keys(sorts)
      .sort(compareCodePoints)
      .map((key) => {
        const values = sorts[key]!;
        const order = values.map((_, i) => i).sort((a, b) => compareCodePoints(values[a]!, values[b]!) || a - b);
        return [key, order];
      });
    const meta = new CborWriter().value([assets.version, pages, [[terms[0]!, terms.at(-1)!, chunkHash]], filterList, sortList, metaFields]).bytes();
    const metaHash = `en_${pagefindHash(meta).slice(0, 10)}`;
    fs.writeFileSync(path.join(dir, `pagefind.${metaHash}.pf_meta`), dataFile(meta, 1));
    entry.languages = { en: { hash: metaHash, wasm: assets.wasm, page_count: kept.length } };
  }
  fs.writeFileSync(path.join(dir, "pagefind-entry.json"), JSON.stringify(entry));
  return { placed, sorts };
}

/** Writes a fragment where no other is, or says that one is there. */
export function placeFragment(file: string, content: Uint8Array): boolean {
  try {
    fs.writeFileSync(file, content, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}
