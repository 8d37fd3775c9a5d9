/**
 * The engine's fast path from text to term ids, with the same rules as `analyse` in text.ts (a unit test checks
 * they agree). It scans the text as UTF-16 code units, hashes each word without allocating (exact match on
 * collision), and normalises and stems each distinct spelling once: reading every word of a large archive is
 * a good part of the engine's build time (see docs/performance.md).
 */
import { APOSTROPHE, continuesAfterApostrophe, isUnicodeWordChar, isWordChar, normaliseWord, plainText, RIGHT_QUOTE, stem } from "./text.ts";
import { TypedList } from "./typed-list.ts";

/** A growable list of term ids (`data[0 .. length)`), reused between texts to avoid allocation. */
export type TermBuffer = TypedList<Int32Array>;

export function createTermBuffer(capacity = 1024): TermBuffer {
  return new TypedList(Int32Array, capacity);
}

export interface TermDictionary {
  /** Appends the term id of each significant word of `text` (Markdown or plain) to `out`, in order. */
  collect(text: string, out: TermBuffer): void;
  /** Number of distinct terms (stems) seen so far; ids run from 0. */
  readonly size: number;
  /** The stem of a term id. */
  stemOf(id: number): string;
  /** The most frequent normalised spelling seen for a term ("records" for "record"), ties alphabetically. */
  surfaceOf(id: number): string;
}

/** Longest word (in ASCII characters) matched by its exact numeric key: 7 bits a character in 128 bits. */
const KEY_WORD = 18;

// The hash table of raw words: one record of SLOT ints per slot, so a lookup reads one cache line.
const SLOT = 8;
/** The word's hash. */
const HASH = 0;
/** Index of the word in wordKeys, plus 1; 0 marks an empty slot. */
const WORD = 1;
/** The word's key, four ints (see collect), each −1 for a word compared in full. */
const KEY0 = 2;
const KEY1 = 3;
const KEY2 = 4;
const KEY3 = 5;
/** The word's term id; −1 when it is not a term (a stop word, a number, …). */
const TERM = 6;
/** How often the word was counted, for surfaceOf. */
const COUNT = 7;

/**
 * A dictionary that assigns term ids in order of first appearance. Feed texts in a fixed order to get the
 * same ids every run.
 */
export function createTermDictionary(): TermDictionary {
  // Open addressing over raw words, exactly as written ("Council", "council" and "council’s" are three entries).
  // Each raw word is normalised and stemmed once, when first seen.
  let capacity = 1 << 14;
  let mask = capacity - 1;
  let slots = new Int32Array(capacity * SLOT);
  const wordKeys: string[] = [];
  const wordSurface: Array<string | undefined> = [];
  const stems: string[] = [];
  const stemIds = new Map<string, number>();
  let surfaces: string[] | undefined;
  // The text being read, one UTF-16 code unit per element, written in one call (Buffer#write): reading a
  // typed array is faster than charCodeAt, which checks the string's representation on every call.
  const units = new TypedList(Uint16Array, 1 << 16);
  let unitBytes = Buffer.from(units.data.buffer);

  /** Twice the slots, every record re-inserted (a rehash, not a copy). */
  function rehash(): void {
    const old = slots;
    capacity *= 2;
    mask = capacity - 1;
    slots = new Int32Array(capacity * SLOT);
    for (let record = 0; record < old.length; record += SLOT) {
      if (old[record + WORD] === 0) continue;
      let slot = old[record + HASH]! & mask;
      while (slots[slot * SLOT + WORD] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(record, record + SLOT), slot * SLOT);
    }
  }

  /** True when units[start, end) is exactly the stored word. */
  function sameRaw(key: string, start: number, end: number): boolean {
    if (key.length !== end - start) return false;
    const u = units.data;
    for (let i = start, j = 0; i < end; i++, j++) if (key.charCodeAt(j) !== u[i]) return false;
    return true;
  }

  function addWord(text: string, start: number, end: number, hash: number, k0: number, k1: number, k2: number, k3: number, slot: number): number {
    // A copy, not a slice: a slice of a long word would keep the whole text it came from alive.
    const key = [...text.slice(start, end)].join("");
    const index = wordKeys.length;
    wordKeys.push(key);
    const word = normaliseWord(key);
    wordSurface.push(word);
    let term = -1;
    if (word !== undefined) {
      const s = stem(word);
      const known = stemIds.get(s);
      if (known === undefined) {
        term = stems.length;
        stems.push(s);
        stemIds.set(s, term);
      } else term = known;
    }
    const record = slot * SLOT;
    slots[record + HASH] = hash;
    slots[record + WORD] = index + 1;
    slots[record + KEY0] = k0;
    slots[record + KEY1] = k1;
    slots[record + KEY2] = k2;
    slots[record + KEY3] = k3;
    slots[record + TERM] = term;
    slots[record + COUNT] = 0;
    if (wordKeys.length * 2 > capacity) {
      rehash();
      // The record moved: find it again.
      slot = hash & mask;
      while (slots[slot * SLOT + WORD] !== index + 1) slot = (slot + 1) & mask;
    }
    return slot;
  }

  function collect(markdown: string, out: TermBuffer): void {
    surfaces = undefined;
    const text = plainText(markdown);
    const n = text.length;
    const before = units.data;
    if (units.reserve(n) !== before) unitBytes = Buffer.from(units.data.buffer);
    unitBytes.write(text, 0, "utf16le");
    const u = units.data;
    // Words are separated by at least one character, so there are at most ⌈n / 2⌉ of them.
    const ids = out.reserve(out.length + ((n + 1) >> 1));
    let length = out.length;
    let i = 0;
    while (i < n) {
      let c = u[i]!;
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      const start = i;
      // Words of up to KEY_WORD (18) ASCII characters (nearly all words) are kept whole, 7 bits a character, in
      // a 128-bit shift register (four ints), and matched by that key without comparing characters again.
      // Lengths cannot collide (every character is 39 or more, so the first sets a bit that shows the length),
      // and the key's top two bits stay clear, so k3 = −1 marks a longer or non-ASCII word, which is hashed and
      // compared in full.
      let k0 = 0;
      let k1 = 0;
      let k2 = 0;
      let k3 = 0;
      let ascii = true;
      while (i < n) {
        c = u[i]!;
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
          // common case: nothing to do
        } else if (c === APOSTROPHE && i + 1 < n && continuesAfterApostrophe(u[i + 1]!)) {
          // apostrophe inside a word
        } else if ((c === RIGHT_QUOTE && i + 1 < n && continuesAfterApostrophe(u[i + 1]!)) || (c > 127 && isUnicodeWordChar(c))) {
          ascii = false;
        } else break;
        k3 = (k3 << 7) | (k2 >>> 25);
        k2 = (k2 << 7) | (k1 >>> 25);
        k1 = (k1 << 7) | (k0 >>> 25);
        k0 = (k0 << 7) | c;
        i++;
      }
      let hash: number;
      if (ascii && i - start <= KEY_WORD) {
        hash = k0 ^ Math.imul(k1, 0x9e3779b1) ^ Math.imul(k2, 0x85ebca77) ^ Math.imul(k3, 0xc2b2ae3d);
        hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
        hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
        hash ^= hash >>> 16;
      } else {
        k0 = k1 = k2 = k3 = -1;
        hash = -2128831035; // FNV-1a
        for (let j = start; j < i; j++) hash = Math.imul(hash ^ u[j]!, 16777619);
      }
      let slot = hash & mask;
      for (;;) {
        const record = slot * SLOT;
        const word = slots[record + WORD]!;
        if (word === 0) {
          slot = addWord(text, start, i, hash, k0, k1, k2, k3, slot);
          break;
        }
        if (
          slots[record + HASH] === hash &&
          slots[record + KEY0] === k0 &&
          slots[record + KEY1] === k1 &&
          slots[record + KEY2] === k2 &&
          slots[record + KEY3] === k3 &&
          (k3 >= 0 || sameRaw(wordKeys[word - 1]!, start, i))
        ) {
          break;
        }
        slot = (slot + 1) & mask;
      }
      const record = slot * SLOT;
      const term = slots[record + TERM]!;
      if (term >= 0) {
        slots[record + COUNT]!++;
        ids[length++] = term;
      }
    }
    out.length = length;
  }

  function buildSurfaces(): string[] {
    // Add up counts per normalised spelling ("Council's" and "council" are both "council"), then pick per term.
    const counts = new Map<string, { term: number; count: number }>();
    for (let record = 0; record < slots.length; record += SLOT) {
      const word = slots[record + WORD]!;
      const term = slots[record + TERM]!;
      if (word === 0 || term < 0) continue;
      const surface = wordSurface[word - 1];
      if (surface === undefined) continue;
      const count = slots[record + COUNT]!;
      const entry = counts.get(surface);
      if (entry) entry.count += count;
      else counts.set(surface, { term, count });
    }
    const best: Array<{ surface: string; count: number } | undefined> = new Array(stems.length);
    for (const [surface, { term, count }] of counts) {
      const current = best[term];
      if (!current || count > current.count || (count === current.count && surface < current.surface)) best[term] = { surface, count };
    }
    return stems.map((s, id) => best[id]?.surface ?? s);
  }

  return {
    collect,
    get size() {
      return stems.length;
    },
    stemOf(id: number): string {
      const s = stems[id];
      if (s === undefined) throw new RangeError(`No term with id ${id}`);
      return s;
    },
    surfaceOf(id: number): string {
      surfaces ??= buildSurfaces();
      const s = surfaces[id];
      if (s === undefined) throw new RangeError(`No term with id ${id}`);
      return s;
    },
  };
}
