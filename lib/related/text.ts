/**
 * Text analysis for related articles: Markdown to words, English stop words, Porter stemming.
 *
 * Two ways in, with the same rules (a unit test checks they agree):
 * - `tokenize` / `analyse` (here): simple, allocating, for tests, scripts and single items;
 * - `createTermDictionary` (term-dictionary.ts): the engine's fast path, which hashes words without allocating
 *   and normalises and stems each distinct spelling once (see docs/performance.md).
 *
 * Pure: no I/O; the only module state is a cache of which non-ASCII characters are letters.
 */
import { stemmer } from "stemmer";
import { eng } from "stopword";

/** Words that carry no topic in news copy, on top of the `stopword` package's English list. */
// biome-ignore format: a word list, kept compact and grouped by hand
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

export const APOSTROPHE = 39;
export const RIGHT_QUOTE = 0x2019;
/** 0 = not yet known, 1 = letter/digit/mark, 2 = not. Only for code units above 127. */
const unicodeClass = new Uint8Array(65536);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER = /^[\p{L}\p{M}]$/u;

export function isUnicodeWordChar(c: number): boolean {
  let k = unicodeClass[c];
  if (!k) {
    k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
    unicodeClass[c] = k;
  }
  return k === 1;
}

/** A–Z, a–z, 0–9 or a non-ASCII letter, digit or combining mark. */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && isUnicodeWordChar(c));
}

/** An apostrophe continues a word only when a letter follows ("council's", "don't"; not "councils' "). */
export function continuesAfterApostrophe(c: number): boolean {
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
