/**
 * The Snowball English ("Porter2") stemmer, as Pagefind 1.5 stems English words when it indexes them and when it
 * stems a reader's query (its pagefind_stem crate). The index our own indexer writes (word-index.ts) must hold the
 * stems Pagefind's search looks up, so this follows the same revision of the algorithm, which the stemmers on npm
 * do not: they follow the 2006 revision (porter2, snowball-stemmers: "adding" → "ad", "international" →
 * "intern"), where Pagefind's has the later rules (no undoubling after a word-initial a, e or o; the prefixes
 * past, univers, later, emerg, organ and inter kept whole; "ogist"; the exceptional -ing words in Step 1b).
 *
 * Written from the algorithm's definition (snowballstem/snowball, algorithms/english.sbl), step for step.
 * tests/unit/search/english-stemmer.test.ts checks it against Pagefind's own stems of a vocabulary.
 */

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);
/** v_WXY: the vowels, w, x and Y. */
const isVowelWXY = (c: string | undefined): boolean => c !== undefined && (VOWELS.has(c) || c === "w" || c === "x" || c === "Y");
const VALID_LI = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);
const DOUBLES = new Set(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);

/** Whole words with a fixed stem (exception1); a word mapped to itself is invariant. */
const EXCEPTIONS = new Map<string, string>([
  ["skis", "ski"],
  ["skies", "sky"],
  ["idly", "idl"],
  ["gently", "gentl"],
  ["ugly", "ugli"],
  ["early", "earli"],
  ["only", "onli"],
  ["singly", "singl"],
  ["sky", "sky"],
  ["news", "news"],
  ["howe", "howe"],
  ["atlas", "atlas"],
  ["cosmos", "cosmos"],
  ["bias", "bias"],
  ["andes", "andes"],
]);

/** Prefixes taken whole as the region before R1 (mark_regions). */
const R1_PREFIXES = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];

/** Step 2's suffixes, longest first, with what replaces them (null: the suffix's own rule below). */
const STEP2: Array<[string, string | null]> = [
  ["ization", "ize"],
  ["ational", "ate"],
  ["fulness", "ful"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["tional", "tion"],
  ["biliti", "ble"],
  ["lessli", "less"],
  ["entli", "ent"],
  ["ation", "ate"],
  ["alism", "al"],
  ["aliti", "al"],
  ["ousli", "ous"],
  ["iviti", "ive"],
  ["fulli", "ful"],
  ["ogist", "og"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["abli", "able"],
  ["izer", "ize"],
  ["ator", "ate"],
  ["alli", "al"],
  ["bli", "ble"],
  ["ogi", null],
  ["li", null],
];

const STEP3: Array<[string, string | null]> = [
  ["ational", "ate"],
  ["tional", "tion"],
  ["alize", "al"],
  ["icate", "ic"],
  ["iciti", "ic"],
  ["ative", null],
  ["ical", "ic"],
  ["ness", ""],
  ["ful", ""],
];

const STEP4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"];

/** The longest of `suffixes` the word (its first `end` characters) ends with. */
function longestSuffix<T>(w: string[], end: number, suffixes: ReadonlyArray<readonly [string, T]>): [string, T] | undefined {
  for (const entry of suffixes) {
    if (endsWith(w, end, entry[0])) return [entry[0], entry[1]];
  }
  return undefined;
}

function endsWith(w: string[], end: number, suffix: string): boolean {
  if (suffix.length > end) return false;
  for (let i = 0; i < suffix.length; i++) if (w[end - suffix.length + i] !== suffix[i]) return false;
  return true;
}

/**
 * shortv, tested at `at` (the characters before it): a non-vowel (not w, x or Y), a vowel and a non-vowel; or a
 * vowel and a non-vowel at the start of the word; or "past".
 */
function isShortSyllable(w: string[], at: number): boolean {
  if (at >= 3 && !isVowelWXY(w[at - 1]) && isVowel(w[at - 2]) && !isVowel(w[at - 3])) return true;
  if (at === 2 && !isVowel(w[1]) && isVowel(w[0])) return true;
  return endsWith(w, at, "past");
}

/** The position after the first non-vowel that follows a vowel, from `from`; the word's length if there is none. */
function regionAfter(w: string[], from: number): number {
  let i = from;
  while (i < w.length && !isVowel(w[i])) i++;
  if (i >= w.length) return w.length;
  while (i < w.length && isVowel(w[i])) i++;
  return i >= w.length ? w.length : i + 1;
}

/** The stem of a lower-case word. */
export function stemEnglish(word: string): string {
  const fixed = EXCEPTIONS.get(word);
  if (fixed !== undefined) return fixed;
  let w = Array.from(word);
  if (w.length < 3) return word;

  // prelude: an initial apostrophe goes; y at the start or after a vowel is a consonant (Y).
  if (w[0] === "'") w = w.slice(1);
  let yFound = false;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === "y" && (i === 0 || isVowel(w[i - 1]))) {
      w[i] = "Y";
      yFound = true;
    }
  }

  // mark_regions
  let p1 = w.length;
  const prefix = R1_PREFIXES.find((p) => w.length >= p.length && w.slice(0, p.length).join("") === p);
  if (prefix) p1 = prefix.length;
  else p1 = regionAfter(w, 0);
  const p2 = p1 >= w.length ? w.length : regionAfter(w, p1);

  let end = w.length;
  const replace = (suffixLength: number, by: string) => {
    w.splice(end - suffixLength, w.length - (end - suffixLength), ...by);
    end = w.length;
  };

  // Step 1a
  for (const apostrophe of ["'s'", "'s", "'"]) {
    if (endsWith(w, end, apostrophe)) {
      replace(apostrophe.length, "");
      break;
    }
  }
  if (endsWith(w, end, "sses")) replace(4, "ss");
  else if (endsWith(w, end, "ied") || endsWith(w, end, "ies")) replace(3, end - 3 >= 2 ? "i" : "ie");
  else if (endsWith(w, end, "us") || endsWith(w, end, "ss")) {
    // unchanged
  } else if (endsWith(w, end, "s")) {
    // Deleted if a vowel comes before the letter before the s.
    let vowel = false;
    for (let i = 0; i < end - 2; i++) if (isVowel(w[i])) vowel = true;
    if (vowel) replace(1, "");
  }

  // Step 1b
  const step1b = (): void => {
    for (const suffix of ["eedly", "eed"]) {
      if (!endsWith(w, end, suffix)) continue;
      const before = end - suffix.length;
      const stemPart = w.slice(0, before).join("");
      if (stemPart === "proc" || stemPart === "exc" || stemPart === "succ") return;
      if (before >= p1) replace(suffix.length, "ee");
      return;
    }
    const suffix = ["ingly", "edly", "ing", "ed"].find((s) => endsWith(w, end, s));
    if (!suffix) return;
    if (suffix === "ing") {
      const before = w.slice(0, end - 3).join("");
      // dying → die, lying → lie; inning, outing, canning, herring, earring, evening as they are.
      if (before.length === 2 && before[1] === "y" && !isVowel(before[0])) {
        replace(4, "ie");
        return;
      }
      if (["inn", "out", "cann", "herr", "earr", "even"].includes(before)) return;
    }
    const before = end - suffix.length;
    let vowel = false;
    for (let i = 0; i < before; i++) if (isVowel(w[i])) vowel = true;
    if (!vowel) return;
    replace(suffix.length, "");
    if (endsWith(w, end, "at") || endsWith(w, end, "bl") || endsWith(w, end, "iz")) replace(0, "e");
    else if (end >= 2 && DOUBLES.has(w[end - 2]! + w[end - 1]!)) {
      // Not undoubled after a single a, e or o at the start (add, egg, err).
      if (!(end === 3 && (w[0] === "a" || w[0] === "e" || w[0] === "o"))) replace(1, "");
    } else if (p1 === end && isShortSyllable(w, end)) replace(0, "e");
  };
  step1b();

  // Step 1c
  if (end >= 3 && (w[end - 1] === "y" || w[end - 1] === "Y") && !isVowel(w[end - 2])) w[end - 1] = "i";

  // Step 2
  const s2 = longestSuffix(w, end, STEP2);
  if (s2 && end - s2[0].length >= p1) {
    const [suffix, by] = s2;
    if (by !== null) replace(suffix.length, by);
    else if (suffix === "ogi") {
      if (w[end - 4] === "l") replace(3, "og");
    } else if (VALID_LI.has(w[end - 3] ?? "")) replace(2, "");
  }

  // Step 3
  const s3 = longestSuffix(w, end, STEP3);
  if (s3 && end - s3[0].length >= p1) {
    const [suffix, by] = s3;
    if (by !== null) replace(suffix.length, by);
    else if (end - suffix.length >= p2) replace(suffix.length, "");
  }

  // Step 4
  const s4 = STEP4.find((s) => endsWith(w, end, s));
  if (s4 && end - s4.length >= p2) {
    if (s4 !== "ion") replace(s4.length, "");
    else if (w[end - 4] === "s" || w[end - 4] === "t") replace(3, "");
  }

  // Step 5
  if (endsWith(w, end, "e")) {
    const at = end - 1;
    if (at >= p2 || (at >= p1 && !isShortSyllable(w, at))) replace(1, "");
  } else if (endsWith(w, end, "l")) {
    if (end - 1 >= p2 && w[end - 2] === "l") replace(1, "");
  }

  let stem = w.join("");
  if (yFound) stem = stem.replace(/Y/g, "y");
  return stem;
}
