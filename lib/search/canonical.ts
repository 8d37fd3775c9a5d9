/**
 * Pagefind 1.5.2 writes its filter files, and the list of them in its metadata file, in the iteration order of a
 * Rust hash map, which is seeded at random in every run: the same pages give an index whose bytes (and so file
 * names) differ from build to build. Everything else it writes is stable. This rewrites those files in a fixed
 * order (filters by name, each filter's values by value), names them by a hash of their content as Pagefind does,
 * and points the metadata and pagefind-entry.json at the new names, so that the same content always gives the same
 * site. Nothing is added, dropped or changed: only the order of entries and the names that follow from it.
 *
 * The files are gzip-compressed CBOR after a signature ("pagefind_dcd"), made only of integers (negative ones in
 * the word index's positions), text and arrays (Pagefind's minicbor encoding), which is all this reads and writes:
 *   filter file: [name, [[value, [page, …]], …]]
 *   metadata:    [version, pages, index chunks, [[filter name, filter file hash], …], sorts, meta field names]
 */
import crypto from "node:crypto";
import zlib from "node:zlib";

const SIGNATURE = "pagefind_dcd";

export type Cbor = number | string | Cbor[];

export interface BundleFile {
  path: string;
  content: Uint8Array;
}

/** Decodes the subset of CBOR Pagefind writes (integers, text, definite arrays). */
export function decodeCbor(bytes: Uint8Array): Cbor {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = buffer.length;
  let at = 0;
  const item = (): Cbor => {
    if (at >= end) throw new Error("CBOR: unexpected end");
    const head = buffer[at++]!;
    const major = head >> 5;
    const info = head & 31;
    let n = info;
    if (info >= 24) {
      const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
      if (!size || at + size > end) throw new Error(`CBOR: unsupported length at byte ${at}`);
      n = 0;
      for (let i = 0; i < size; i++) n = n * 256 + buffer[at++]!;
    }
    if (major === 0) return n;
    if (major === 1) return -1 - n;
    if (major === 3) {
      if (at + n > end) throw new Error("CBOR: text runs past the end");
      const text = buffer.toString("utf8", at, at + n);
      at += n;
      return text;
    }
    if (major === 4) {
      const list: Cbor[] = new Array<Cbor>(n);
      for (let i = 0; i < n; i++) list[i] = item();
      return list;
    }
    throw new Error(`CBOR: unsupported major type ${major} at byte ${at - 1}`);
  };
  const value = item();
  if (at !== end) throw new Error("CBOR: bytes after the value");
  return value;
}

/**
 * Writes CBOR in the shortest form (as minicbor does) into one growing buffer rather than a Buffer per item: a word
 * index chunk holds tens of thousands of integers. `raw` copies bytes that are already CBOR.
 */
export class CborWriter {
  private out = Buffer.allocUnsafe(1024);
  private at = 0;

  private room(n: number): void {
    if (this.at + n <= this.out.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.at + n));
    this.out.copy(bigger, 0, 0, this.at);
    this.out = bigger;
  }

  head(major: number, n: number): this {
    this.room(9);
    const out = this.out;
    if (n < 24) out[this.at++] = (major << 5) | n;
    else if (n < 0x100) {
      out[this.at++] = (major << 5) | 24;
      out[this.at++] = n;
    } else if (n < 0x10000) {
      out[this.at++] = (major << 5) | 25;
      this.at = out.writeUInt16BE(n, this.at);
    } else if (n < 0x100000000) {
      out[this.at++] = (major << 5) | 26;
      this.at = out.writeUInt32BE(n, this.at);
    } else {
      out[this.at++] = (major << 5) | 27;
      this.at = out.writeBigUInt64BE(BigInt(n), this.at);
    }
    return this;
  }

  int(v: number): this {
    if (!Number.isSafeInteger(v)) throw new Error(`CBOR: ${v} is not an integer`);
    return v < 0 ? this.head(1, -1 - v) : this.head(0, v);
  }

  text(v: string): this {
    const length = Buffer.byteLength(v, "utf8");
    this.head(3, length);
    this.room(length);
    this.at += this.out.write(v, this.at, "utf8");
    return this;
  }

  raw(bytes: Uint8Array): this {
    this.room(bytes.length);
    this.out.set(bytes, this.at);
    this.at += bytes.length;
    return this;
  }

  value(v: Cbor): this {
    if (typeof v === "number") return this.int(v);
    if (typeof v === "string") return this.text(v);
    this.head(4, v.length);
    for (const element of v) this.value(element);
    return this;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.at;
  }

  bytes(): Buffer {
    return Buffer.from(this.out.subarray(0, this.at));
  }
}

/** Encodes what decodeCbor reads, in the shortest form (as minicbor does). */
export function encodeCbor(value: Cbor): Buffer {
  return new CborWriter().value(value).bytes();
}

export function unpack(file: BundleFile): Cbor {
  const raw = zlib.gunzipSync(file.content);
  if (raw.subarray(0, SIGNATURE.length).toString("latin1") !== SIGNATURE) throw new Error(`${file.path}: not a Pagefind data file`);
  return decodeCbor(raw.subarray(SIGNATURE.length));
}

export function pack(value: Cbor): { content: Buffer; hash: (digits: number) => string } {
  const raw = Buffer.concat([Buffer.from(SIGNATURE, "latin1"), encodeCbor(value)]);
  const digest = crypto.createHash("sha256").update(raw).digest("hex");
  // Gzip with no name and no time in its header: the same bytes every time.
  return { content: zlib.gzipSync(raw, { level: 9 }), hash: (digits) => digest.slice(0, digits) };
}

export const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function asArray(value: Cbor, what: string): Cbor[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}

/** The bundle's files with its filters and metadata in a fixed order and named by their content (see above). */
export function canonicalBundle(files: readonly BundleFile[]): BundleFile[] {
  const entryFile = files.find((file) => file.path === "pagefind-entry.json");
  if (!entryFile) return [...files];
  const entry = JSON.parse(Buffer.from(entryFile.content).toString("utf8")) as { languages: Record<string, { hash: string }> };
  const replaced = new Map<string, BundleFile>();
  const dropped = new Set<string>([entryFile.path]);
  for (const language of Object.values(entry.languages)) {
    const [prefix] = language.hash.split("_");
    const metaPath = `pagefind.${language.hash}.pf_meta`;
    const metaFile = files.find((file) => file.path === metaPath);
    if (!metaFile) throw new Error(`pagefind-entry.json names ${metaPath}, which Pagefind did not write`);
    const meta = asArray(unpack(metaFile), metaPath);
    const filters = asArray(meta[3]!, `${metaPath}: filters`).map((pair) => asArray(pair, `${metaPath}: a filter`) as [string, string]);
    const renamed: Array<[string, string]> = [];
    for (const [name, hash] of filters) {
      const filterPath = `filter/${hash}.pf_filter`;
      const filterFile = files.find((file) => file.path === filterPath);
      if (!filterFile) throw new Error(`${metaPath} names ${filterPath}, which Pagefind did not write`);
      const [filterName, values] = asArray(unpack(filterFile), filterPath);
      const sorted = asArray(values!, filterPath).sort((a, b) => byText(String((a as Cbor[])[0]), String((b as Cbor[])[0])));
      const packed = pack([filterName!, sorted]);
      const newHash = `${prefix}_${packed.hash(7)}`;
      dropped.add(filterPath);
      replaced.set(`filter/${newHash}.pf_filter`, { path: `filter/${newHash}.pf_filter`, content: packed.content });
      renamed.push([name, newHash]);
    }
    meta[3] = renamed.sort(([a], [b]) => byText(a, b));
    const packedMeta = pack(meta);
    language.hash = `${prefix}_${packedMeta.hash(10)}`;
    dropped.add(metaPath);
    replaced.set(`pagefind.${language.hash}.pf_meta`, { path: `pagefind.${language.hash}.pf_meta`, content: packedMeta.content });
  }
  // Characters above U+00FF as \u escapes (the same JSON to a parser), so every file the site publishes is one byte
  // per character, as the pages are (lib/build/one-byte.ts): Pagefind lists a few in `include_characters`.
  const json = JSON.stringify(entry).replace(/[^\x00-\xff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  replaced.set(entryFile.path, { path: entryFile.path, content: Buffer.from(json, "latin1") });
  return [...files.filter((file) => !dropped.has(file.path)), ...replaced.values()].sort((a, b) => byText(a.path, b.path));
}
