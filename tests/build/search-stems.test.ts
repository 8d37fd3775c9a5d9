// Our English stemmer (lib/search/english-stemmer.ts) against Pagefind's, which stems the index's words and a
// reader's query: a vocabulary (the sample content's words and forms of common words with every suffix the
// algorithm knows, and the unit test's words) indexed by Pagefind one word a page, and each page's stem compared
// with ours. Words of a–z and digits only: Pagefind strips everything else (apostrophes, diacritics) before it stems.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { close, createIndex } from "pagefind";
import { decodeCbor, type Cbor } from "../../lib/search/canonical.ts";
import { stemEnglish } from "../../lib/search/english-stemmer.ts";

const BASES = [
  "generat",
  "commun",
  "arsen",
  "past",
  "univers",
  "later",
  "emerg",
  "organ",
  "inter",
  "nation",
  "hop",
  "add",
  "egg",
  "fil",
  "run",
  "bat",
  "plan",
  "hope",
  "control",
  "relat",
  "biolog",
  "happ",
  "lux",
  "agre",
  "proc",
  "exc",
  "succ",
  "dy",
  "ly",
  "ev",
  "inn",
  "out",
  "cann",
  "herr",
  "earr",
  "sk",
  "bl",
  "iz",
  "fizz",
  "tap",
  "sav",
  "pay",
  "employ",
  "cr",
  "t",
  "y",
];
const SUFFIXES = [
  "",
  "s",
  "es",
  "ies",
  "ied",
  "sses",
  "us",
  "ss",
  "eed",
  "eedly",
  "ed",
  "edly",
  "ing",
  "ingly",
  "y",
  "tional",
  "enci",
  "anci",
  "abli",
  "entli",
  "izer",
  "ization",
  "ational",
  "ation",
  "ator",
  "alism",
  "aliti",
  "alli",
  "fulness",
  "ousli",
  "ousness",
  "iveness",
  "iviti",
  "biliti",
  "bli",
  "ogist",
  "ogi",
  "logi",
  "fulli",
  "lessli",
  "li",
  "alize",
  "icate",
  "iciti",
  "ical",
  "ful",
  "ness",
  "ative",
  "al",
  "ance",
  "ence",
  "er",
  "ic",
  "able",
  "ible",
  "ant",
  "ement",
  "ment",
  "ent",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
  "ion",
  "sion",
  "tion",
  "e",
  "l",
  "ll",
];

function vocabulary(): string[] {
  const words = new Set<string>();
  for (const base of BASES) for (const suffix of SUFFIXES) words.add(base + suffix);
  const content = path.resolve("content");
  for (const file of fs.readdirSync(content, { recursive: true }) as string[]) {
    if (!file.endsWith(".md")) continue;
    for (const word of fs
      .readFileSync(path.join(content, file), "utf8")
      .toLowerCase()
      .split(/[^a-z0-9]+/))
      if (word) words.add(word);
  }
  const unit = fs.readFileSync(path.resolve("tests/unit/search/english-stemmer.test.ts"), "utf8");
  for (const [, word] of unit.matchAll(/, "([a-z]+)", "/g)) if (word) words.add(word);
  return [...words].sort();
}

test("the stemmer gives Pagefind's stem for every word of a vocabulary", async () => {
  const words = vocabulary();
  assert.ok(words.length > 3000, `a vocabulary of ${words.length} words`);
  const stems: string[] = new Array<string>(words.length);
  try {
    const { index, errors } = await createIndex({ forceLanguage: "en" });
    assert.ok(index, errors.join("; "));
    await Promise.all(words.map((word, i) => index.addCustomRecord({ url: `/${i}/`, content: word, language: "en" })));
    const written = await index.getFiles();
    for (const file of written.files) {
      if (!file.path.startsWith("index/")) continue;
      const [list] = decodeCbor(zlib.gunzipSync(file.content).subarray("pagefind_dcd".length)) as Cbor[][];
      for (const [stem, pages] of list! as Array<[string, Cbor[][]]>) {
        let page = 0;
        for (const posting of pages) stems[(page += posting[0] as number)] = stem;
      }
    }
  } finally {
    await close();
  }
  const differing = words.filter((word, i) => stemEnglish(word) !== stems[i]).map((word) => `${word}: ${stems[words.indexOf(word)]} (ours ${stemEnglish(word)})`);
  assert.deepEqual(differing, []);
});
