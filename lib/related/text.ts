/**
 * Text analysis for related articles: Markdown to words, English stop words, Porter stemming.
 *
 * Two ways in, with the same rules (a unit test checks they agree):
 * - `tokenize` / `analyse`: simple, allocating, for tests, scripts and single items;
 * - `createTermDictionary`: the engine's fast path. It scans text character by character, hashes each word
 *   without allocating (exact match on collision), and normalises and stems each distinct spelling once, so a
 *   10,000-item archive (about nine million words) is read in about half a second.
 *
 * Pure: no I/O; the only module state is a cache of which non-ASCII characters are letters.
 */
import { stemmer } from "stemmer";
import { eng } from "stopword";

/** Words that carry no topic in news copy, on top of the `stopword` package's English list. */
const EXTRA_STOP_WORDS = [
  "according", "across", "again", "against", "although", "among", "around", "below", "does", "doing", "done", "down",
  "during", "either", "etc", "even", "every", "few", "further", "going", "goes", "however", "its", "itself", "just",
  "let", "may", "mr", "mrs", "ms", "dr", "neither", "no", "nor", "not", "off", "once", "one", "onto", "ours",
  "ourselves", "own", "per", "say", "says", "she", "shall", "so", "than", "themselves", "theirs", "though", "three",
  "told", "two", "until", "upon", "us", "via", "went", "whether", "whom", "whose", "why", "will", "within", "without",
  "yet", "yours", "yourself", "myself", "hers", "herself", "it",
];

/** Lower-case English stop words: the `stopword` package's list plus a few common in news copy. */
export const STOP_WORDS: ReadonlySet<string> = new Set([...eng, ...EXTRA_STOP_WORDS]);

export const MIN_WORD_LENGTH = 2;
export const MAX_WORD_LENGTH = 40;

/**
 * Markdown (or HTML-ish text) to plain words: drops code blocks, comments, URLs, HTML tags, entities and
 * link targets, keeping link and image text. Each step runs only when its marker occurs, so plain prose is
 * returned as is, quickly.
 */
export function plainText(markdown: string): string {
  let s = markdown;
  if (s.includes("```") || s.includes("~~~")) s = s.replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?(?:^ {0,3}\1[^\n]*$|(?![\s\S]))/gm, " ");
  if (s.includes("<!--")) s = s.replace(/<!--[\s\S]*?(?:-->|$)/g, " ");
  if (s.includes("](")) s = s.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1");
  if (s.includes("]:")) s = s.replace(/^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$/gm, " ");
  if (s.includes("://") || s.includes("www.")) s = s.replace(/<?(?:[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|www\.)[^\s<>)\]]*>?/g, " ");
  if (s.includes("<")) s = s.replace(/<\/?[a-zA-Z][^>]*>/g, " ");
  if (s.includes("&")) s = s.replace(/&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);/g, " ");
  return s;
}

/**
 * One raw word (as cut from the text) to the word used for matching, or undefined when it carries no topic:
 * lower case, curly apostrophes straightened, possessive "'s" dropped; contractions, numbers, stop words and
 * words shorter than 2 or longer than 40 characters are skipped.
 */
export function normaliseWord(raw: string): string | undefined {
  let w = raw.toLowerCase().replace(/\u2019/g, "'");
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.includes("'")) return undefined;
  if (w.length < MIN_WORD_LENGTH || w.length > MAX_WORD_LENGTH) return undefined;
  if (/^\d+$/.test(w)) return undefined;
  if (STOP_WORDS.has(w)) return undefined;
  return w;
}

/** The Porter stem of a normalised word ("records" → "record", "clinicians" → "clinician"). */
export function stem(word: string): string {
  return stemmer(word);
}

// -- Character classes (shared by both paths) --------------------------------------------------------------

const APOSTROPHE = 39;
/** Longest word (in ASCII characters) matched by its exact numeric key in the engine's dictionary (7 bits each in 128). */
const KEY_WORD = 18;
const RIGHT_QUOTE = 0x2019;
/** 0 = not yet known, 1 = letter/digit/mark, 2 = not. Only for code units above 127. */
const unicodeClass = new Uint8Array(65536);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER = /^[\p{L}\p{M}]$/u;

function isUnicodeWordChar(c: number): boolean {
  let k = unicodeClass[c];
  if (!k) {
    k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
    unicodeClass[c] = k;
  }
  return k === 1;
}

/** A–Z, a–z, 0–9 or a non-ASCII letter, digit or combining mark. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && isUnicodeWordChar(c));
}

/** An apostrophe continues a word only when a letter follows ("council's", "don't"; not "councils' "). */
function continuesAfterApostrophe(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && LETTER.test(String.fromCharCode(c)));
}

/** The raw words of plain text, in order (apostrophes inside words kept). */
export function rawWords(text: string): string[] {
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) i++;
      else if ((c === APOSTROPHE || c === RIGHT_QUOTE) && i + 1 < n && continuesAfterApostrophe(text.charCodeAt(i + 1))) i++;
      else break;
    }
    words.push(text.slice(start, i));
  }
  return words;
}

/** The significant words of a Markdown or plain text, normalised but not stemmed, in order. */
export function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const raw of rawWords(plainText(text))) {
    const word = normaliseWord(raw);
    if (word !== undefined) words.push(word);
  }
  return words;
}

/** The stems of the significant words of a text, in order: what the engine indexes. */
export function analyse(text: string): string[] {
  return tokenize(text).map(stem);
}

// -- The engine's fast path ------------------------------------------------------------------------------------

/** A growable list of term ids, reused between texts to avoid allocation. */
export interface TermBuffer {
  ids: Int32Array;
  length: number;
}

export function createTermBuffer(capacity = 1024): TermBuffer {
  return { ids: new Int32Array(capacity), length: 0 };
}

function push(buffer: TermBuffer, id: number): void {
  if (buffer.length === buffer.ids.length) {
    const bigger = new Int32Array(buffer.ids.length * 2);
    bigger.set(buffer.ids);
    buffer.ids = bigger;
  }
  buffer.ids[buffer.length++] = id;
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

/**
 * A dictionary that assigns term ids in order of first appearance. Feed texts in a fixed order to get the
 * same ids every run.
 */
export function createTermDictionary(): TermDictionary {
  // Open-addressing hash table of raw words, exactly as written ("Council", "council" and "council’s" are
  // three entries). Each raw word is normalised and stemmed once, when first seen. One record of SLOT ints per
  // slot, so a lookup reads one cache line: hash, word index + 1 (0: empty), the word's key (four ints, see
  // collect; −1s for a word compared in full), term id (−1: not a term), and how often the word was counted.
  const SLOT = 8;
  let capacity = 1 << 14;
  let mask = capacity - 1;
  let slots = new Int32Array(capacity * SLOT);
  const wordKeys: string[] = [];
  const wordSurface: Array<string | undefined> = [];
  const stems: string[] = [];
  const stemIds = new Map<string, number>();
  let surfaces: string[] | undefined;
  // The text being read, one UTF-16 code unit per element, written in one call (Buffer#write): reading a
  // typed array is about twice as fast as charCodeAt, which checks the string's representation on every call.
  let units = new Uint16Array(1 << 16);
  let unitBytes = Buffer.from(units.buffer);

  function grow(): void {
    const old = slots;
    capacity *= 2;
    mask = capacity - 1;
    slots = new Int32Array(capacity * SLOT);
    for (let o = 0; o < old.length; o += SLOT) {
      if (old[o + 1] === 0) continue;
      let slot = old[o]! & mask;
      while (slots[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(o, o + SLOT), slot * SLOT);
    }
  }

  /** True when units[start, end) is exactly the stored word. */
  function sameRaw(key: string, start: number, end: number): boolean {
    if (key.length !== end - start) return false;
    for (let i = start, j = 0; i < end; i++, j++) if (key.charCodeAt(j) !== units[i]) return false;
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
    const o = slot * SLOT;
    slots[o] = hash;
    slots[o + 1] = index + 1;
    slots[o + 2] = k0;
    slots[o + 3] = k1;
    slots[o + 4] = k2;
    slots[o + 5] = k3;
    slots[o + 6] = term;
    slots[o + 7] = 0;
    if (wordKeys.length * 2 > capacity) {
      grow();
      // The record moved: find it again.
      slot = hash & mask;
      while (slots[slot * SLOT + 1] !== index + 1) slot = (slot + 1) & mask;
    }
    return slot;
  }

  function collect(markdown: string, out: TermBuffer): void {
    surfaces = undefined;
    const text = plainText(markdown);
    const n = text.length;
    if (units.length < n) {
      units = new Uint16Array(Math.max(n, units.length * 2));
      unitBytes = Buffer.from(units.buffer);
    }
    unitBytes.write(text, 0, "utf16le");
    const u = units;
    let i = 0;
    while (i < n) {
      let c = u[i]!;
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      const start = i;
      // Words of up to 18 ASCII characters (nearly all words) are kept whole, 7 bits a character, in a 128-bit
      // shift register (four ints), and matched by that key without comparing characters again. Lengths cannot
      // collide (every character is 39 or more, so the first sets a bit that shows the length), and the key's top
      // two bits stay clear, so k3 = −1 marks a longer or non-ASCII word, which is hashed and compared in full.
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
        const o = slot * SLOT;
        const w = slots[o + 1]!;
        if (w === 0) {
          slot = addWord(text, start, i, hash, k0, k1, k2, k3, slot);
          break;
        }
        if (slots[o] === hash && slots[o + 2] === k0 && slots[o + 3] === k1 && slots[o + 4] === k2 && slots[o + 5] === k3 && (k3 >= 0 || sameRaw(wordKeys[w - 1]!, start, i))) break;
        slot = (slot + 1) & mask;
      }
      const o = slot * SLOT;
      const term = slots[o + 6]!;
      if (term >= 0) {
        slots[o + 7]!++;
        push(out, term);
      }
    }
  }

  function buildSurfaces(): string[] {
    // Add up counts per normalised spelling ("Council's" and "council" are both "council"), then pick per term.
    const counts = new Map<string, { term: number; count: number }>();
    for (let o = 0; o < slots.length; o += SLOT) {
      const w = slots[o + 1]!;
      const term = slots[o + 6]!;
      if (w === 0 || term < 0) continue;
      const surface = wordSurface[w - 1];
      if (surface === undefined) continue;
      const count = slots[o + 7]!;
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
