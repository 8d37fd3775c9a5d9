// The English stemmer (lib/search/english-stemmer.ts): cases from each step of the algorithm and the rules in which
// Pagefind's revision differs from the stemmers on npm. tests/build/search-stems.test.ts checks a vocabulary
// against Pagefind's own stems.
import { test } from "node:test";
import assert from "node:assert/strict";
import { stemEnglish } from "../../../lib/search/english-stemmer.ts";

const cases: Array<[string, string, string]> = [
  ["short words stay", "as", "as"],
  ["exceptions", "skies", "sky"],
  ["invariant exceptions", "news", "news"],
  ["Step 1a: sses", "classes", "class"],
  ["Step 1a: ies after two letters", "cries", "cri"],
  ["Step 1a: ies after one letter", "ties", "tie"],
  ["Step 1a: s after a vowel earlier", "gaps", "gap"],
  ["Step 1a: s with no vowel before the letter before it", "gas", "gas"],
  ["Step 1a: us stays", "bonus", "bonus"],
  ["Step 1b: eed in R1", "agreed", "agre"],
  ["Step 1b: proceed stays", "proceed", "proceed"],
  ["Step 1b: ing, then at → ate", "luxuriating", "luxuri"],
  ["Step 1b: undoubled", "hopping", "hop"],
  ["Step 1b: not undoubled after an initial a", "adding", "add"],
  ["Step 1b: not undoubled after an initial e", "egging", "egg"],
  ["Step 1b: a short syllable gains an e", "hoped", "hope"],
  ["Step 1b: dying", "dying", "die"],
  ["Step 1b: evening stays", "evening", "evening"],
  ["Step 1b: no vowel before the suffix", "bring", "bring"],
  ["Step 1c: y after a consonant", "happy", "happi"],
  ["Step 1c: a y that is a consonant", "saying", "say"],
  ["Step 2: ational", "relational", "relat"],
  ["Step 2: ogist", "biologist", "biolog"],
  ["Step 2: li after a valid letter", "quickly", "quick"],
  ["Step 3: ative in R2", "demonstrative", "demonstr"],
  ["Step 4: ion after t", "adoption", "adopt"],
  ["Step 4: ement", "replacement", "replac"],
  ["Step 5: e", "generate", "generat"],
  ["Step 5: ll", "controll", "control"],
  ["the prefix gener", "generous", "generous"],
  ["the prefix inter", "international", "internat"],
  ["the prefix inter keeps -al", "internal", "internal"],
  ["the prefix univers", "university", "universiti"],
  ["the prefix organ", "organization", "organiz"],
  ["the prefix emerg", "emergency", "emergenc"],
  ["the prefix past, and its e", "pasted", "paste"],
  ["letters outside a–z are consonants", "café", "café"],
  ["Y back to y", "youth", "youth"],
];
for (const [name, word, stem] of cases) {
  test(`stemEnglish: ${name} (${word} → ${stem})`, () => assert.equal(stemEnglish(word), stem));
}
