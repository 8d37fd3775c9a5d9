/**
 * The search index's words, worked out here rather than by Pagefind's process: what Pagefind 1.5.2 does with a
 * custom record (pagefind/src/fossick/mod.rs, fossick/splitting.rs, index/mod.rs), done in this process, for a
 * shard of records at a time, written in the files Pagefind writes for a shard (merge.ts reads them). Pagefind's
 * own indexing costs several milliseconds of CPU an item (docs/performance.md, Search), which at 100,000 items is
 * more than a build's budget; this costs a fraction of that, mostly in memoised work per distinct word.
 *
 * The plain twin is Pagefind itself (pagefind-index.ts, `engine: "pagefind"`): tests/build/search-shards.test.ts
 * indexes the same records both ways and requires the same bundle, file for file and byte for byte (fragments and
 * chunks compared uncompressed, as zlib's and Pagefind's gzip differ), and the same search results; and
 * tests/build/search-stems.test.ts checks the stemmer (english-stemmer.ts) against Pagefind's stems of a vocabulary. Only what our records use is done: English, no weights or anchors
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
import { compareCodePoints, dataFile, pagefindHash, SIGNATURE } from "./merge.ts";
import type { SearchRecord } from "./records.ts";

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
    // Each ASCII character is a grapheme of its own (no white space is left in a word to pair \r with \n).
    const g = /^[\x00-\x7f]*$/.test(piece) ? piece.split("") : Array.from(graphemes.segment(piece), (s) => s.segment);
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
  // \p{Emoji} matches digits, # and *, but no ASCII character alone is an emoji.
  const emoji = EMOJI.test(word) && !/^[\x00-\x7f]*$/.test(word) ? Array.from(graphemes.segment(word), (s) => s.segment).filter((g) => RGI_EMOJI.test(g)) : undefined;
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

/** The terms a word is indexed under (by number, see TermCache), with the weight each is given in the text. */
interface WordTerms {
  ids: number[];
  weights: number[];
  /** The form with diacritics of each term, where it had one; undefined if none had (most words). */
  originals: Array<string | undefined> | undefined;
}

/**
 * Terms per distinct word, kept across records: most of an archive's words recur, and working them out (the
 * stemmer, the Unicode tests) is most of the indexing's cost. Terms are numbered, so that a page's positions are
 * numbers that sort by term (see `position`). Trimmed between shards once it has grown past a bound.
 */
export class TermCache {
  private words = new Map<string, WordTerms>();
  private ids = new Map<string, number>();
  /** Each term by its number. */
  names: string[] = [];
  private readonly limit: number;
  constructor(limit = 200_000) {
    this.limit = limit;
  }
  /** Forgets every word and term, if there are more than the bound (only while no shard holds term numbers). */
  trim(): void {
    if (this.words.size < this.limit && this.names.length < this.limit) return;
    this.words = new Map();
    this.ids = new Map();
    this.names = [];
  }
  private id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.names.push(term) - 1;
      this.ids.set(term, id);
    }
    return id;
  }
  of(word: string): WordTerms {
    let entry = this.words.get(word);
    if (!entry) {
      // A word split from a record's text may be a slice of it, which would keep the whole text alive as long as
      // the memo keeps the word: the memo keeps a copy of its own.
      word = Buffer.from(word, "utf8").toString("utf8");
      const terms = indexableWords(word);
      // A compound word's parts share its weight (integer division, at least 1).
      const parts = terms.filter((t) => t.part).length;
      const partWeight = parts > 0 ? Math.max(1, Math.floor(WORD_WEIGHT / Math.min(parts, 255))) : 0;
      entry = {
        ids: terms.map((t) => this.id(t.term)),
        weights: terms.map((t) => (t.part ? partWeight : WORD_WEIGHT)),
        originals: terms.some((t) => t.original !== undefined) ? terms.map((t) => t.original) : undefined,
      };
      this.words.set(word, entry);
    }
    return entry;
  }
}

/** A meta position as one number: the meta field's number (below 2^11) and the word's place in the field. */
const FIELD = 2 ** 20;

/**
 * One page's positions of each term, as it is read: chains of positions in flat arrays, one chain per term in the
 * order the terms are met, so that no list is made per term and page (a shard has hundreds of thousands). A
 * position is one number: the word's place × 256 + its weight (at most 240, Pagefind's 10 × 24), or for meta a
 * field × 2^20 + place. Reused from page to page.
 */
class PagePositions {
  /** The terms met on this page, in order. */
  terms: number[] = [];
  private codes = new Float64Array(4096);
  private next = new Int32Array(4096);
  private count = 0;
  /** By term: the page it was last met on (this page is `page`), its chain's first and last position. */
  private seen = new Int32Array(4096);
  private first = new Int32Array(4096);
  private last = new Int32Array(4096);
  private page = 0;

  start(): void {
    this.page++;
    this.terms = [];
    this.count = 0;
  }

  add(term: number, code: number): void {
    if (term >= this.seen.length) {
      const size = Math.max(term + 1, this.seen.length * 2);
      for (const key of ["seen", "first", "last"] as const) {
        const bigger = new Int32Array(size);
        bigger.set(this[key]);
        this[key] = bigger;
      }
    }
    if (this.count === this.codes.length) {
      const codes = new Float64Array(this.count * 2);
      codes.set(this.codes);
      this.codes = codes;
      const next = new Int32Array(this.count * 2);
      next.set(this.next);
      this.next = next;
    }
    const i = this.count++;
    this.codes[i] = code;
    this.next[i] = -1;
    if (this.seen[term] !== this.page) {
      this.seen[term] = this.page;
      this.first[term] = i;
      this.terms.push(term);
    } else this.next[this.last[term]!] = i;
    this.last[term] = i;
  }

  /** A term's positions on this page, in the order added, into `out` (emptied first). */
  positions(term: number, out: number[]): number[] {
    out.length = 0;
    for (let i = this.first[term]!; i >= 0; i = this.next[i]!) out.push(this.codes[i]!);
    return out;
  }
}

/** Positions of forms with diacritics (few): by term, then by form in the order met. */
type Variants = Map<number, Map<string, number[]>>;

function addVariant(variants: Variants, term: number, form: string, code: number): void {
  let forms = variants.get(term);
  if (!forms) variants.set(term, (forms = new Map()));
  const list = forms.get(form);
  if (list) list.push(code);
  else forms.set(form, [code]);
}

function sortedObject<T>(object: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(object).sort(compareCodePoints)) sorted[key] = object[key]!;
  return sorted;
}

/**
 * A shard's word index as its pages are added: each term's pages as offsets into one buffer of CBOR, where each
 * page's positions and meta positions are written once, in their final form.
 */
class ShardIndex {
  private readonly cbor = new CborWriter();
  /** By term: [page, positions' start, end, meta positions' start, end] for each page, one after another. */
  private readonly pages = new Map<number, number[]>();
  private readonly variants = new Map<number, Array<{ form: string; pages: number[] }>>();
  /** An empty list (no positions, or no meta positions). */
  private readonly empty: [number, number];
  private readonly text = new PagePositions();
  private readonly meta = new PagePositions();
  private readonly scratch: number[] = [];

  constructor() {
    this.cbor.head(4, 0);
    this.empty = [0, this.cbor.length];
  }

  /**
   * Fossicks a record (Pagefind's parse_digest and parse_meta_words, with the shard's meta field order) and adds
   * its terms as page `page`, as Pagefind's build_indexes packs a page. Returns its fragment and word count, or
   * undefined if Pagefind would leave the page out (no word to index), having added nothing.
   */
  add(record: SearchRecord, page: number, metaFields: readonly string[], cache: TermCache): { fragment: string; wordCount: number } | undefined {
    const { text, meta } = this;
    text.start();
    const variants: Variants = new Map();
    const words: string[] = [];
    let at = 0;
    for (const token of record.content.split(WHITE_SPACE)) {
      const word = token.includes("\u200b") ? token.replace(/\u200b/g, "") : token;
      if (!word) continue;
      words.push(word);
      const { ids, weights, originals } = cache.of(word);
      for (let i = 0; i < ids.length; i++) {
        const form = originals?.[i];
        if (form === undefined) text.add(ids[i]!, at * 256 + weights[i]!);
        else addVariant(variants, ids[i]!, form, at * 256 + weights[i]!);
      }
      at++;
    }
    if (!text.terms.length && !variants.size) return undefined;

    meta.start();
    const metaVariants: Variants = new Map();
    const fields = record.meta as Record<string, string>;
    metaFields.forEach((field, id) => {
      const value = fields[field];
      if (value === undefined) return;
      let place = 0;
      for (const word of value.split(WHITE_SPACE)) {
        if (!word) continue;
        // The schema's length limits keep every meta field far below this.
        if (place >= FIELD) throw new Error(`${record.url}: the ${field} has more than ${FIELD} words`);
        const { ids, originals } = cache.of(word);
        for (let i = 0; i < ids.length; i++) {
          const form = originals?.[i];
          if (form === undefined) meta.add(ids[i]!, id * FIELD + place);
          else addVariant(metaVariants, ids[i]!, form, id * FIELD + place);
        }
        place++;
      }
    });

    const [none, empty] = this.empty;
    for (const term of text.terms) {
      const start = this.writePositions(text.positions(term, this.scratch));
      this.termPages(term).push(page, start, this.cbor.length, none, empty);
    }
    for (const [term, forms] of variants) {
      for (const [form, codes] of forms) {
        const start = this.writePositions(codes);
        this.variant(term, form).push(page, start, this.cbor.length, none, empty);
      }
    }
    for (const term of meta.terms) {
      const start = this.writeMetaPositions(meta.positions(term, this.scratch));
      this.setMeta(this.termPages(term), page, start, this.cbor.length);
    }
    for (const [term, forms] of metaVariants) {
      for (const [form, codes] of forms) {
        const start = this.writeMetaPositions(codes);
        this.setMeta(this.variant(term, form), page, start, this.cbor.length);
      }
    }

    const wordCount = Math.max(at, 1);
    // serde_json's field order and escaping (which JSON.stringify shares for these strings); maps by key.
    const fragment = JSON.stringify({
      url: record.url,
      content: words.join(" "),
      word_count: wordCount,
      filters: sortedObject(record.filters as Record<string, string[]>),
      meta: sortedObject(fields),
      anchors: [],
    });
    return { fragment, wordCount };
  }

  private termPages(term: number): number[] {
    let list = this.pages.get(term);
    if (!list) this.pages.set(term, (list = []));
    return list;
  }

  private variant(term: number, form: string): number[] {
    let list = this.variants.get(term);
    if (!list) this.variants.set(term, (list = []));
    let v = list.find((x) => x.form === form);
    if (!v) list.push((v = { form, pages: [] }));
    return v.pages;
  }

  /** A page's meta positions join its positions of the same term and form, if it has any (the last added). */
  private setMeta(pages: number[], page: number, start: number, end: number): void {
    const last = pages.length - 5;
    if (last >= 0 && pages[last] === page) {
      pages[last + 3] = start;
      pages[last + 4] = end;
    } else pages.push(page, this.empty[0], this.empty[1], start, end);
  }

  /**
   * positions_to_packed_page: a page's places of one term, by weight (25 first, which none has: Pagefind's
   * ordinary weight is 24), then by place; a change of weight as -(weight + 1) and the place, other places as
   * differences from the one before. Given in the order of the text. Returns where it starts in the buffer (it
   * ends at the buffer's end).
   */
  private writePositions(codes: number[]): number {
    const start = this.cbor.length;
    let weights = 1;
    for (let i = 1; i < codes.length; i++) if (codes[i]! % 256 !== codes[i - 1]! % 256) weights++;
    if (weights > 1) {
      codes.sort((a, b) => (a % 256) - (b % 256) || a - b);
      weights = 1;
      for (let i = 1; i < codes.length; i++) if (codes[i]! % 256 !== codes[i - 1]! % 256) weights++;
    }
    this.cbor.head(4, codes.length + weights);
    let weight = 25;
    let last = 0;
    for (const code of codes) {
      const at = Math.floor(code / 256);
      const w = code % 256;
      if (w !== weight) {
        this.cbor.int(-w - 1).int(at);
        weight = w;
      } else this.cbor.int(at - last);
      last = at;
    }
    return start;
  }

  /**
   * meta_positions_to_packed: by field and place; a field's number as -(field + 1), places as differences. Given
   * in the order of the fields and the words in them. Returns where it starts in the buffer, as writePositions.
   */
  private writeMetaPositions(codes: number[]): number {
    const start = this.cbor.length;
    let fields = 0;
    for (let i = 0; i < codes.length; i++) if (i === 0 || Math.floor(codes[i]! / FIELD) !== Math.floor(codes[i - 1]! / FIELD)) fields++;
    this.cbor.head(4, codes.length + fields);
    let field = -1;
    let last = 0;
    for (const code of codes) {
      const f = Math.floor(code / FIELD);
      const at = code % FIELD;
      if (f !== field) {
        this.cbor.int(-f - 1);
        field = f;
        last = 0;
      }
      this.cbor.int(at - last);
      last = at;
    }
    return start;
  }

  /**
   * The word index in chunks: every term in Pagefind's order, its pages, then its forms with diacritics; a chunk
   * ends after the term that takes it past CHUNK_BYTES. The merge reads one chunk of every shard at a time, so
   * small chunks keep its memory small whatever the number of shards (it cuts its own chunks as Pagefind would).
   */
  chunks(names: readonly string[]): Array<{ bytes: Buffer; first: string; last: string }> {
    const terms = [...new Set([...this.pages.keys(), ...this.variants.keys()])].sort((a, b) => compareCodePoints(names[a]!, names[b]!));
    const buffer = this.cbor.bytes();
    const chunks: Array<{ bytes: Buffer; first: string; last: string }> = [];
    let body = new CborWriter();
    let count = 0;
    let first = 0;
    const writePages = (pages: readonly number[]) => {
      body.head(4, pages.length / 5);
      let last = 0;
      for (let i = 0; i < pages.length; i += 5) {
        body
          .head(4, 3)
          .int(pages[i]! - last)
          .raw(buffer.subarray(pages[i + 1], pages[i + 2]))
          .raw(buffer.subarray(pages[i + 3], pages[i + 4]));
        last = pages[i]!;
      }
    };
    terms.forEach((term, i) => {
      body.head(4, 3).text(names[term]!);
      writePages(this.pages.get(term) ?? []);
      const variants = this.variants.get(term) ?? [];
      body.head(4, variants.length);
      for (const { form, pages } of variants) {
        body.head(4, 2).text(form);
        writePages(pages);
      }
      count++;
      if (body.length >= CHUNK_BYTES || i === terms.length - 1) {
        const head = new CborWriter().head(4, 1).head(4, count).bytes();
        chunks.push({ bytes: Buffer.concat([head, body.bytes()]), first: names[terms[first]!]!, last: names[term]! });
        body = new CborWriter();
        count = 0;
        first = i + 1;
      }
    });
    return chunks;
  }
}

/** A shard's word index chunk's size, roughly (see ShardIndex.chunks). */
const CHUNK_BYTES = 64 * 1024;

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
  cache.trim();
  const index = new ShardIndex();
  const pages: Cbor[] = [];
  const names = new Map<string, string>();
  const placed = new Set<string>();
  const filters = new Map<string, Map<string, number[]>>();
  const sorts: Record<string, string[]> = {};
  const kept: SearchRecord[] = [];
  for (const record of records) {
    const page = kept.length;
    const fossicked = index.add(record, page, metaFields, cache);
    // Pagefind leaves out a page with no word to index.
    if (!fossicked) continue;
    kept.push(record);
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
    const chunkList: Cbor[] = [];
    for (const { bytes, first, last } of index.chunks(cache.names)) {
      const hash = `en_${pagefindHash(bytes).slice(0, 7)}_${chunkList.length}`;
      // Not compressed (gzip's level 0): the merge reads the shard's files once and writes its own.
      fs.writeFileSync(path.join(dir, "index", `${hash}.pf_index`), dataFile(bytes, 0));
      chunkList.push([first, last, hash]);
    }
    const filterList: Cbor[] = [];
    for (const [name, byValue] of filters) {
      const cbor = new CborWriter().value([name, [...byValue].map(([value, list]) => [value, list])]).bytes();
      const hash = `en_${pagefindHash(cbor).slice(0, 7)}_${filterList.length}`;
      fs.writeFileSync(path.join(dir, "filter", `${hash}.pf_filter`), dataFile(cbor, 0));
      filterList.push([name, hash]);
    }
    const sortList: Cbor[] = Object.keys(sorts)
      .sort(compareCodePoints)
      .map((key) => {
        const values = sorts[key]!;
        const order = values.map((_, i) => i).sort((a, b) => compareCodePoints(values[a]!, values[b]!) || a - b);
        return [key, order];
      });
    const meta = new CborWriter().value([assets.version, pages, chunkList, filterList, sortList, metaFields]).bytes();
    const metaHash = `en_${pagefindHash(meta).slice(0, 10)}`;
    fs.writeFileSync(path.join(dir, `pagefind.${metaHash}.pf_meta`), dataFile(meta, 0));
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
