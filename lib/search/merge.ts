/**
 * One Pagefind bundle from several: the indexes Pagefind wrote for consecutive runs of records ("shards"), merged
 * into the bundle Pagefind would have written for all the records at once. Pagefind keeps every page's words in
 * memory until it writes its files, so one index of a whole large archive does not fit a build machine; shards
 * of a fixed size do, one after another (pagefind-index.ts), and this merge reads them file by file.
 *
 * What Pagefind 1.5.2 writes (pagefind/src/index/mod.rs), and what the merge makes of it:
 *   fragment/<hash>.pf_fragment  one page's text and meta as JSON, named by the SHA-1 of that JSON. Copied byte for
 *                                byte; a name that two shards both chose is lengthened as Pagefind lengthens it.
 *   index/<hash>.pf_index        [[word, [[page, positions, meta positions], …], [[variant, pages], …]], …] for a
 *                                run of words in order, page numbers as differences from the page before.
 *                                Merged word by word (the shards' pages renumbered, one shard after another, as
 *                                Pagefind numbers them in the order given), re-split where Pagefind would split
 *                                the whole index, and named by the SHA-1 of their CBOR as Pagefind names them.
 *   filter/<hash>.pf_filter      [filter, [[value, pages], …]]: the shards' pages joined per value.
 *   pagefind.<hash>.pf_meta      [version, pages, index chunks, filters, sorts, meta field names]: rebuilt.
 *   pagefind-entry.json          the metadata file's name and the page count: rewritten.
 * Filters, the metadata and the entry file are written in canonical.ts's fixed order and names, so the merge of
 * any split of the records gives the same bytes as canonicalBundle() of one index of them all, except that the
 * word index chunks are compressed here rather than by Pagefind (the same names and the same bytes inside).
 *
 * Memory holds one decoded chunk per shard, the merged chunks being compressed (a few at a time), and a line per
 * page (its fragment's name, word count, filter values and sort values): not the archive's text.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { promisify } from "node:util";
import { byText, CborWriter, decodeCbor, encodeCbor, pack, type Cbor } from "./canonical.ts";
import { keepBundleFile } from "./bundle.ts";

/** What every Pagefind data file begins with, before its CBOR (all of it gzipped). */
export const SIGNATURE = Buffer.from("pagefind_dcd", "latin1");

/** A Pagefind data file of this CBOR, gzipped at `level`. */
export function dataFile(cbor: Buffer, level: number): Buffer {
  return zlib.gzipSync(Buffer.concat([SIGNATURE, cbor]), { level });
}

/** Pagefind's default index chunk size (options.rs, index_chunk_size): positions per word index file, roughly. */
export const PAGEFIND_CHUNK_SIZE = 20_000;

export interface Shard {
  /** The folder Pagefind wrote the shard's bundle into (index.writeFiles). */
  dir: string;
  /** Each sort key's value for every page of the shard, in page order (Pagefind's files keep only the order). */
  sorts: Record<string, string[]>;
  /**
   * The shard's fragments already written into the merged bundle's fragment/ folder, under the shard's names:
   * writing each page's text once saves a file operation per page. The merge renames any it must rename.
   */
  placed?: Set<string>;
}

export interface MergeResult {
  pageCount: number;
}

/**
 * A word's (or a form's) postings from one shard, kept as the bytes they are but for the first page's number: the
 * others are differences from the page before, which the merge leaves as they are (the shard's pages stay in order,
 * renumbered by one offset).
 */
interface Postings {
  /** How many pages. */
  count: number;
  /** The first and last page's numbers, absolute in the merged index. */
  first: number;
  last: number;
  /** The first page's positions and meta positions, as written. */
  head: Buffer;
  /** Every later page, [difference, positions, meta positions], as written. */
  rest: Buffer;
  /** What Pagefind counts of them when it cuts chunks: each page's positions, meta positions and one. */
  size: number;
}
interface Word {
  word: string;
  pages: Postings[];
  variants: Array<{ form: string; pages: Postings[] }>;
}

/** Compares as Rust compares strings (UTF-8 bytes, so code points), not as JavaScript does (UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after U+E000–U+FFFF in code point order, before them in UTF-16 order.
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}

/** Pagefind's hash: SHA-1 in hex with each byte's leading zero dropped (`format!("{:x?}", b)`). */
export function pagefindHash(bytes: Uint8Array | string): string {
  let hex = "";
  for (const byte of crypto.createHash("sha1").update(bytes).digest()) hex += byte.toString(16);
  return hex;
}

/**
 * The word range each index chunk covers, as Pagefind's chunk_meta names them: each boundary shortened to the
 * shortest prefixes that still tell the last word of one chunk from the first of the next.
 */
export function chunkRanges(chunks: ReadonlyArray<{ first: string; last: string }>): Array<{ from: string; to: string }> {
  const ranges = chunks.map(({ first, last }) => ({ from: first, to: last }));
  for (let i = 0; i + 1 < ranges.length; i++) {
    const a = Array.from(ranges[i]!.to);
    const b = Array.from(ranges[i + 1]!.from);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const aPrefix = a.slice(0, common + 1).join("");
    // Only shortened where it does not end the range before it starts.
    if (compareCodePoints(aPrefix, ranges[i]!.from) >= 0) ranges[i]!.to = aPrefix;
    ranges[i + 1]!.from = b.slice(0, common + 1).join("");
  }
  return ranges;
}

function readData(file: string): Cbor {
  const raw = zlib.gunzipSync(fs.readFileSync(file));
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind data file`);
  return decodeCbor(raw.subarray(SIGNATURE.length));
}

function list(value: Cbor | undefined, what: string): Cbor[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}

function text(value: Cbor | undefined, what: string): string {
  if (typeof value !== "string") throw new Error(`${what} is not text`);
  return value;
}

function int(value: Cbor | undefined, what: string): number {
  if (typeof value !== "number") throw new Error(`${what} is not a number`);
  return value;
}

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  include_characters?: string[];
}

interface ShardMeta {
  dir: string;
  language: string;
  entry: Entry;
  version: string;
  pages: Array<[hash: string, wordCount: number]>;
  chunks: string[];
  filters: Array<[name: string, hash: string]>;
  sorts: Map<string, number[]>;
  metaFields: string[];
}

function readShard(dir: string): ShardMeta {
  const entry = JSON.parse(fs.readFileSync(path.join(dir, "pagefind-entry.json"), "utf8")) as Entry;
  const languages = Object.keys(entry.languages);
  if (languages.length !== 1) throw new Error(`${dir}: an index of ${languages.length} languages; the merge takes one`);
  const language = languages[0]!;
  const metaPath = path.join(dir, `pagefind.${entry.languages[language]!.hash}.pf_meta`);
  const meta = list(readData(metaPath), metaPath);
  return {
    dir,
    language,
    entry,
    version: text(meta[0], `${metaPath}: version`),
    pages: list(meta[1], `${metaPath}: pages`).map((page) => {
      const [hash, wordCount] = list(page, `${metaPath}: a page`);
      return [text(hash, `${metaPath}: a page's hash`), int(wordCount, `${metaPath}: a page's word count`)];
    }),
    chunks: list(meta[2], `${metaPath}: index chunks`).map((chunk) => text(list(chunk, `${metaPath}: a chunk`)[2], `${metaPath}: a chunk's hash`)),
    filters: list(meta[3], `${metaPath}: filters`).map((filter) => {
      const [name, hash] = list(filter, `${metaPath}: a filter`);
      return [text(name, `${metaPath}: a filter's name`), text(hash, `${metaPath}: a filter's hash`)];
    }),
    sorts: new Map(
      list(meta[4], `${metaPath}: sorts`).map((sort) => {
        const [name, pages] = list(sort, `${metaPath}: a sort`);
        return [text(name, `${metaPath}: a sort's name`), list(pages, `${metaPath}: a sort's pages`).map((page) => int(page, `${metaPath}: a sorted page`))];
      }),
    ),
    metaFields: list(meta[5], `${metaPath}: meta fields`).map((field) => text(field, `${metaPath}: a meta field`)),
  };
}

/**
 * Reads a word index chunk without making a number of every position: a page's positions and meta positions are
 * kept as the CBOR bytes they are (the merge changes only page numbers), unless their meta fields are renumbered.
 */
class ChunkReader {
  at = 0;
  readonly bytes: Buffer;
  readonly file: string;
  constructor(bytes: Buffer, file: string) {
    this.bytes = bytes;
    this.file = file;
  }

  /** An item's head: the argument of the expected major type. */
  expect(major: number): number {
    const head = this.bytes[this.at++];
    if (head === undefined || head >> 5 !== major) throw new Error(`${this.file}: CBOR major type ${major} expected at byte ${this.at - 1}`);
    return this.argument(head & 31);
  }

  private argument(info: number): number {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size || this.at + size > this.bytes.length) throw new Error(`${this.file}: unsupported CBOR length at byte ${this.at}`);
    let n = 0;
    for (let i = 0; i < size; i++) n = n * 256 + this.bytes[this.at++]!;
    return n;
  }

  text(): string {
    const n = this.expect(3);
    const text = this.bytes.toString("utf8", this.at, this.at + n);
    this.at += n;
    return text;
  }

  /** An integer, or one of a list of `count`. */
  int(): number {
    const head = this.bytes[this.at++]!;
    const n = this.argument(head & 31);
    if (head >> 5 === 0) return n;
    if (head >> 5 === 1) return -1 - n;
    throw new Error(`${this.file}: an integer expected at byte ${this.at - 1}`);
  }

  skipInts(count: number): void {
    for (let i = 0; i < count; i++) {
      const info = this.bytes[this.at++]! & 31;
      this.at += info < 24 ? 0 : info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : 8;
    }
  }

  /** A word's (or variant's) postings, page numbers made absolute in the merged index. */
  postings(offset: number, fieldIds: readonly number[] | undefined): Postings {
    const count = this.expect(4);
    // Only where the shard's meta fields are numbered otherwise than the merged index's are its bytes rewritten.
    const rest = fieldIds ? new CborWriter() : undefined;
    let head = this.bytes.subarray(0, 0);
    let restStart = this.at;
    let first = 0;
    let page = 0;
    let size = 0;
    for (let i = 0; i < count; i++) {
      if (this.expect(4) !== 3) throw new Error(`${this.file}: a page of a word is not [page, positions, meta positions]`);
      const difference = this.expect(0);
      page += difference;
      const start = this.at;
      const locs = this.expect(4);
      this.skipInts(locs);
      const middle = this.at;
      const metaLocs = this.expect(4);
      let renumbered: Buffer | undefined;
      if (!fieldIds || !metaLocs) this.skipInts(metaLocs);
      else {
        // Meta positions name their field by a negative marker, -(field + 1), in the shard's list of fields.
        const ids: number[] = [];
        for (let j = 0; j < metaLocs; j++) {
          const n = this.int();
          ids.push(n < 0 ? -fieldIds[-n - 1]! - 1 : n);
        }
        renumbered = Buffer.concat([this.bytes.subarray(start, middle), encodeCbor(ids)]);
      }
      size += locs + metaLocs + 1;
      if (i === 0) {
        first = page;
        head = renumbered ?? this.bytes.subarray(start, this.at);
        restStart = this.at;
      } else
        rest
          ?.head(4, 3)
          .int(difference)
          .raw(renumbered ?? this.bytes.subarray(start, this.at));
    }
    return { count, first: offset + first, last: offset + page, head, rest: rest ? rest.bytes() : this.bytes.subarray(restStart, this.at), size };
  }
}

function writePostings(writer: CborWriter, pages: readonly Postings[]): void {
  let count = 0;
  for (const postings of pages) count += postings.count;
  writer.head(4, count);
  let last = 0;
  for (const postings of pages) {
    if (!postings.count) continue;
    writer
      .head(4, 3)
      .int(postings.first - last)
      .raw(postings.head)
      .raw(postings.rest);
    last = postings.last;
  }
}

/** A shard's words in order, one index chunk read at a time. */
function* shardWords(shard: ShardMeta, offset: number, fieldIds: readonly number[] | undefined): Generator<Word> {
  for (const hash of shard.chunks) {
    const file = path.join(shard.dir, "index", `${hash}.pf_index`);
    const raw = zlib.gunzipSync(fs.readFileSync(file));
    if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${file}: not a Pagefind data file`);
    const reader = new ChunkReader(raw.subarray(SIGNATURE.length), file);
    if (reader.expect(4) !== 1) throw new Error(`${file}: not a word index`);
    const words = reader.expect(4);
    for (let i = 0; i < words; i++) {
      if (reader.expect(4) !== 3) throw new Error(`${file}: a word is not [word, pages, variants]`);
      const word = reader.text();
      const pages = [reader.postings(offset, fieldIds)];
      const variants: Word["variants"] = new Array<Word["variants"][number]>(reader.expect(4));
      for (let j = 0; j < variants.length; j++) {
        if (reader.expect(4) !== 2) throw new Error(`${file}: a variant is not [form, pages]`);
        variants[j] = { form: reader.text(), pages: [reader.postings(offset, fieldIds)] };
      }
      yield { word, pages, variants };
    }
    if (reader.at !== reader.bytes.length) throw new Error(`${file}: bytes after the word index`);
  }
}

/**
 * A word index chunk's name: the first prefix of its hash that no chunk before it has, lengthened two characters
 * at a time, as Pagefind lengthens them (unlike fragments' names, one at a time).
 */
function nameByHash(hash: string, language: string, taken: Set<string>): string {
  const full = `${language}_${hash}`;
  let name = full.slice(0, language.length + 8);
  while (taken.has(name) && name.length < full.length) name = full.slice(0, name.length + 2);
  taken.add(name);
  return name;
}

/**
 * The word index's compression level: level 6 (gzip's default) and 9 (Pagefind's) take much longer for files
 * barely smaller (docs/performance.md, The merge's compression beside its reading).
 */
export const GZIP_LEVEL = 5;

const gzip = promisify(zlib.gzip);

/**
 * Compressed chunks written while the merge goes on: zlib compresses on libuv's threads, so that compressing the
 * word index, the larger part of a large merge's work, runs beside the merge's own reading and sorting instead of
 * after each chunk. The bytes are gzipSync's at the same level (the same zlib).
 * Saves: much of a large build's last wait, for the search index (docs/performance.md, The merge's compression
 * beside its reading; npm run bench).
 */
export class ChunkWrites {
  private readonly pending: Array<Promise<void>> = [];
  private failure: unknown;
  private readonly limit: number;
  /**
   * Up to `limit` chunks are compressed at once; with 0, each is compressed and written on this thread before the
   * merge goes on (in the background, under npm start: libuv's threads serve the whole process at its normal
   * priority, where the search worker's own thread runs at a lowered one).
   */
  constructor(limit: number) {
    this.limit = limit;
  }

  async add(file: string, cbor: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.limit === 0) {
      fs.writeFileSync(file, dataFile(cbor, GZIP_LEVEL));
      return;
    }
    const data = Buffer.concat([SIGNATURE, cbor]);
    // One output buffer large enough for the whole file: with zlib's default, this thread would be called back for
    // each piece, and the compression would wait while the merge keeps it busy.
    const write = gzip(data, { level: GZIP_LEVEL, chunkSize: data.length + 1024 }).then((gzipped) => fs.promises.writeFile(file, gzipped));
    // A failure is kept, never left unhandled while an earlier write is awaited.
    this.pending.push(write.catch((error: unknown) => void (this.failure ??= error)));
    if (this.pending.length >= this.limit) await this.pending.shift();
    if (this.failure) {
      await this.settle();
      throw this.failure;
    }
  }

  /** Waits for every write under way, failed or not: nothing is written once the merge has ended. */
  async settle(): Promise<void> {
    // Never rejects: each write's failure was caught as it was added.
    await Promise.all(this.pending.splice(0));
  }

  async finish(): Promise<void> {
    await this.settle();
    if (this.failure) throw this.failure;
  }
}

/** Chunks compressed at once, as many as libuv's threads (four by default). */
const CHUNKS_IN_FLIGHT = 4;

/** True where every value would be read by Pagefind as a number (it then sorts by number, which this does not). */
function looksNumeric(values: readonly string[]): boolean {
  return values.length > 0 && values.every((v) => /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(nan|inf|infinity)$/i.test(v));
}

/**
 * Merges the shards, in order (their pages numbered one shard after another), into one bundle in `out` (empty but
 * for the fragments the shards placed there): the files the site publishes (bundle.ts's keepBundleFile).
 */
export interface MergeOptions {
  /** The word index's chunk size (Pagefind's, unless a test asks for small chunks). */
  chunkSize?: number;
  /** Moves the shards' fragment files instead of copying them (when the shards are thrown away after). */
  move?: boolean;
  /** Compresses on the calling thread only (ChunkWrites), for a merge in the background (npm start's). */
  background?: boolean;
}

export async function mergeShards(shards: readonly Shard[], out: string, options: MergeOptions = {}): Promise<MergeResult> {
  const chunkSize = options.chunkSize ?? PAGEFIND_CHUNK_SIZE;
  const transfer = options.move ? fs.renameSync : fs.copyFileSync;
  if (!shards.length) throw new Error("no shards to merge");
  fs.mkdirSync(out, { recursive: true });
  // Pagefind's own files (its script and WebAssembly), the same in every shard.
  for (const file of fs.readdirSync(shards[0]!.dir)) {
    if (file === "pagefind-entry.json" || file.endsWith(".pf_meta") || !keepBundleFile(file)) continue;
    fs.copyFileSync(path.join(shards[0]!.dir, file), path.join(out, file));
  }
  const firstEntry = JSON.parse(fs.readFileSync(path.join(shards[0]!.dir, "pagefind-entry.json"), "utf8")) as Entry;
  if (shards.length === 1 && !Object.keys(firstEntry.languages).length) {
    // No page at all (a site with nothing published): Pagefind's empty index, as it is (no folder of fragments).
    fs.rmSync(path.join(out, "fragment"), { recursive: true, force: true });
    writeEntry(out, firstEntry);
    return { pageCount: 0 };
  }
  const metas = shards.map((shard) => readShard(shard.dir));
  const { language, version } = metas[0]!;
  for (const meta of metas) {
    if (meta.language !== language || meta.version !== version) throw new Error(`${meta.dir}: ${meta.language} ${meta.version}, where the first shard is ${language} ${version}`);
  }
  for (const folder of ["fragment", "index", "filter"]) fs.mkdirSync(path.join(out, folder), { recursive: true });

  const offsets: number[] = [];
  let pageCount = 0;
  for (const meta of metas) {
    offsets.push(pageCount);
    pageCount += meta.pages.length;
  }

  // Pages: fragments copied, renamed only where an earlier page of another shard took the name (as Pagefind
  // lengthens a name in one index: the later page takes one more character of its hash, until none has it).
  const fragmentOwners = new Map<string, { file: string; hash?: string }>();
  const fullHash = (owner: { file: string; hash?: string }) => {
    owner.hash ??= `${language}_${pagefindHash(zlib.gunzipSync(fs.readFileSync(owner.file)).subarray(SIGNATURE.length))}`;
    return owner.hash;
  };
  const fragmentFile = (name: string) => path.join(out, "fragment", `${name}.pf_fragment`);
  const shortLength = language.length + 8;
  const pages: Cbor[] = [];
  metas.forEach((meta, i) => {
    const placed = shards[i]!.placed;
    for (const [hash, wordCount] of meta.pages) {
      const inPlace = placed?.has(hash) ?? false;
      const owner: { file: string; hash?: string } = { file: inPlace ? fragmentFile(hash) : path.join(meta.dir, "fragment", `${hash}.pf_fragment`) };
      let name = hash.slice(0, shortLength);
      if (hash.length > shortLength || fragmentOwners.has(name)) {
        const full = fullHash(owner);
        name = full.slice(0, shortLength);
        for (let earlier = fragmentOwners.get(name); earlier; earlier = fragmentOwners.get(name)) {
          if (fullHash(earlier) === full) throw new Error(`two pages with the same text and meta (${earlier.file}, ${owner.file})`);
          name = full.slice(0, name.length + 1);
        }
      }
      const target = fragmentFile(name);
      if (owner.file !== target) {
        // A later shard's page may have been put where this one goes: it goes back to its shard until its turn.
        const later = shards.findIndex((shard, j) => j > i && shard.placed?.has(name));
        if (later >= 0) {
          fs.renameSync(target, path.join(metas[later]!.dir, "fragment", `${name}.pf_fragment`));
          shards[later]!.placed!.delete(name);
        }
        if (inPlace) {
          fs.renameSync(owner.file, target);
          placed!.delete(hash);
        } else transfer(owner.file, target);
        owner.file = target;
      }
      fragmentOwners.set(name, owner);
      pages.push([name, wordCount]);
    }
  });
  fragmentOwners.clear();

  // Filters: each value's pages, one shard after another; written as canonical.ts writes them.
  const filterValues = new Map<string, Map<string, number[]>>();
  metas.forEach((meta, i) => {
    for (const [name, hash] of meta.filters) {
      const file = path.join(meta.dir, "filter", `${hash}.pf_filter`);
      const [filterName, values] = list(readData(file), file);
      if (filterName !== name) throw new Error(`${file}: the filter ${String(filterName)} where the metadata says ${name}`);
      const merged = filterValues.get(name) ?? new Map<string, number[]>();
      filterValues.set(name, merged);
      for (const pair of list(values, file)) {
        const [value, valuePages] = list(pair, file);
        const key = text(value, `${file}: a value`);
        const into = merged.get(key) ?? [];
        merged.set(key, into);
        for (const page of list(valuePages, file)) into.push(offsets[i]! + int(page, `${file}: a page`));
      }
    }
  });
  const filters: Array<[string, string]> = [];
  for (const name of [...filterValues.keys()].sort(byText)) {
    const values = [...filterValues.get(name)!].sort(([a], [b]) => byText(a, b));
    const packed = pack([name, values]);
    const hash = `${language}_${packed.hash(7)}`;
    fs.writeFileSync(path.join(out, "filter", `${hash}.pf_filter`), packed.content);
    filters.push([name, hash]);
  }

  // Sorts: every page by its value, ties in page order (Pagefind's stable sort of text values).
  const sortNames = new Set(metas.flatMap((meta) => [...meta.sorts.keys()]));
  const sorts: Cbor[] = [];
  for (const name of [...sortNames].sort(byText)) {
    const entries: Array<[string, number]> = [];
    metas.forEach((meta, i) => {
      const values = shards[i]!.sorts[name];
      if (!values || values.length !== meta.pages.length) throw new Error(`${meta.dir}: no value of the sort key ${name} for each of its ${meta.pages.length} pages`);
      const shardEntries = values.map((value, page): [string, number] => [value, page]);
      const order = [...shardEntries].sort(([a], [b]) => compareCodePoints(a, b)).map(([, page]) => page);
      const pagefindOrder = meta.sorts.get(name) ?? [];
      if (looksNumeric(values) || order.join() !== pagefindOrder.join()) {
        throw new Error(`${meta.dir}: Pagefind sorts the values of ${name} otherwise than as text; the merge sorts text only`);
      }
      for (const [value, page] of shardEntries) entries.push([value, offsets[i]! + page]);
    });
    entries.sort(([a], [b]) => compareCodePoints(a, b));
    sorts.push([name, entries.map(([, page]) => page)]);
  }

  // Words: the shards' words merged in order, each word's pages one shard after another, then cut into chunks
  // where Pagefind would cut them.
  const metaFields = [...new Set(metas.flatMap((meta) => meta.metaFields))].sort(compareCodePoints);
  const streams = metas.map((meta, i) => {
    const fieldIds = meta.metaFields.map((field) => metaFields.indexOf(field));
    return shardWords(meta, offsets[i]!, fieldIds.every((id, j) => id === j) ? undefined : fieldIds);
  });
  const heads = streams.map((stream) => stream.next().value as Word | undefined);
  const chunkNames = new Set<string>();
  const chunks: Array<{ first: string; last: string; hash: string }> = [];
  let chunk: Word[] = [];
  let size = 0;
  const writes = new ChunkWrites(options.background ? 0 : CHUNKS_IN_FLIGHT);
  const flush = async () => {
    const writer = new CborWriter().head(4, 1).head(4, chunk.length);
    for (const word of chunk) {
      writer.head(4, 3).text(word.word);
      writePostings(writer, word.pages);
      writer.head(4, word.variants.length);
      for (const variant of word.variants) {
        writer.head(4, 2).text(variant.form);
        writePostings(writer, variant.pages);
      }
    }
    const cbor = writer.bytes();
    const hash = nameByHash(pagefindHash(cbor), language, chunkNames);
    await writes.add(path.join(out, "index", `${hash}.pf_index`), cbor);
    chunks.push({ first: chunk[0]!.word, last: chunk.at(-1)!.word, hash });
    chunk = [];
    size = 0;
  };
  // A chunk unreadable or unwritable: the writes under way end before the merge fails.
  try {
    for (;;) {
      let next: string | undefined;
      for (const head of heads) if (head && (next === undefined || compareCodePoints(head.word, next) < 0)) next = head.word;
      if (next === undefined) break;
      const word: Word = { word: next, pages: [], variants: [] };
      heads.forEach((head, i) => {
        if (head?.word !== next) return;
        word.pages.push(...head.pages);
        for (const variant of head.variants) {
          const known = word.variants.find((v) => v.form === variant.form);
          if (!known) word.variants.push(variant);
          else known.pages.push(...variant.pages);
        }
        heads[i] = streams[i]!.next().value as Word | undefined;
      });
      for (const postings of word.pages) size += postings.size;
      chunk.push(word);
      if (size >= chunkSize) await flush();
    }
    if (chunk.length) await flush();
    await writes.finish();
  } catch (error) {
    await writes.settle();
    throw error;
  }
  const ranges = chunkRanges(chunks);

  const meta = pack([version, pages, chunks.map(({ hash }, i) => [ranges[i]!.from, ranges[i]!.to, hash]), filters, sorts, metaFields]);
  const metaHash = `${language}_${meta.hash(10)}`;
  fs.writeFileSync(path.join(out, `pagefind.${metaHash}.pf_meta`), meta.content);
  const first = metas[0]!.entry;
  writeEntry(out, { ...first, languages: { [language]: { ...first.languages[language]!, hash: metaHash, page_count: pageCount } } });
  return { pageCount };
}

/** pagefind-entry.json as canonical.ts writes it: characters above U+00FF as \u escapes, one byte per character. */
function writeEntry(out: string, entry: Entry): void {
  const json = JSON.stringify(entry).replace(/[^\x00-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  fs.writeFileSync(path.join(out, "pagefind-entry.json"), json, "latin1");
}
