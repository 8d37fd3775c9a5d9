import { test } from "node:test";
import assert from "node:assert/strict";
import { analyse, normaliseWord, plainText, rawWords, stem, STOP_WORDS, tokenize } from "../../../lib/related/text.ts";
import { createTermBuffer, createTermDictionary } from "../../../lib/related/term-dictionary.ts";

const tokenizeCases: Array<{ name: string; input: string; expected: string[] }> = [
  { name: "lower case", input: "NHS App Records", expected: ["nhs", "app", "records"] },
  { name: "English stop words dropped", input: "the records of the council and the clinicians", expected: ["records", "council", "clinicians"] },
  { name: "news stop words dropped (said, will, however)", input: "Ministers said the service will however improve", expected: ["ministers", "service", "improve"] },
  { name: "possessive 's dropped", input: "the council's website", expected: ["council", "website"] },
  { name: "curly possessive dropped", input: "the government\u2019s plan", expected: ["government", "plan"] },
  { name: "contractions dropped", input: "clinicians don't agree isn't won't", expected: ["clinicians", "agree"] },
  { name: "numbers dropped, letters with digits kept", input: "In 2026 about 38 5G masts and G7 talks", expected: ["5g", "masts", "g7", "talks"] },
  { name: "one-letter words dropped", input: "a b c records", expected: ["records"] },
  { name: "hyphens split words", input: "cyber-security record-keeping", expected: ["cyber", "security", "record", "keeping"] },
  { name: "accented letters kept", input: "Café naïve", expected: ["café", "naïve"] },
  { name: "upper-case accented letters lower-cased", input: "CAFÉ", expected: ["café"] },
  { name: "punctuation only", input: "!!! ... ---", expected: [] },
  { name: "empty", input: "", expected: [] },
  { name: "link text kept, URL dropped", input: "Read [the guidance](https://www.gov.uk/guidance/records) today", expected: ["read", "guidance", "today"] },
  { name: "image alt kept, path dropped", input: "![Patient chart](/images/chart-records.png)", expected: ["patient", "chart"] },
  { name: "bare URL dropped", input: "See https://example.com/ransomware-report today", expected: ["see", "today"] },
  { name: "HTML tags and entities dropped", input: '<strong>Bold</strong> &amp; <a href="/x">link</a>', expected: ["bold", "link"] },
  { name: "fenced code dropped", input: "Patients\n\n```js\nconst ransomware = true;\n```\n\nClinicians", expected: ["patients", "clinicians"] },
  { name: "Markdown headings and emphasis", input: "## Why it *matters*\n\n- **Patients** _first_", expected: ["matters", "patients", "first"] },
];

for (const { name, input, expected } of tokenizeCases) {
  test(`tokenize: ${name}`, () => {
    assert.deepEqual(tokenize(input), expected);
  });
}

const stemCases: Array<{ word: string; expected: string }> = [
  { word: "records", expected: "record" },
  { word: "recorded", expected: "record" },
  { word: "recording", expected: "record" },
  { word: "clinicians", expected: "clinician" },
  { word: "councils", expected: "council" },
  { word: "patients", expected: "patient" },
  { word: "migration", expected: "migrat" },
];

for (const { word, expected } of stemCases) {
  test(`stem: ${word} → ${expected}`, () => {
    assert.equal(stem(word), expected);
  });
}

test("analyse: stems of the significant words, in order", () => {
  assert.deepEqual(analyse("The patients' records were recorded by clinicians"), ["patient", "record", "record", "clinician"]);
});

const normaliseCases: Array<{ raw: string; expected: string | undefined }> = [
  { raw: "Records", expected: "records" },
  { raw: "council's", expected: "council" },
  { raw: "THE", expected: undefined },
  { raw: "2026", expected: undefined },
  { raw: "x", expected: undefined },
  { raw: "don't", expected: undefined },
  { raw: "a".repeat(41), expected: undefined },
];

for (const { raw, expected } of normaliseCases) {
  test(`normaliseWord: ${JSON.stringify(raw.length > 12 ? `${raw.slice(0, 5)}… (${raw.length})` : raw)} → ${String(expected)}`, () => {
    assert.equal(normaliseWord(raw), expected);
  });
}

test("rawWords: keeps apostrophes inside words only", () => {
  assert.deepEqual(rawWords("government\u2019s councils' o'brien 'quoted'"), ["government\u2019s", "councils", "o'brien", "quoted"]);
});

test("plainText: leaves plain prose untouched", () => {
  const prose = "Councils in Kent said the new records system was working: 12 of 14 services are live.";
  assert.equal(plainText(prose), prose);
});

test("STOP_WORDS: the package's English list plus news words", () => {
  for (const word of ["the", "and", "said", "will", "however"]) assert.ok(STOP_WORDS.has(word), word);
  for (const word of ["records", "council", "nhs"]) assert.ok(!STOP_WORDS.has(word), word);
});

test("createTermDictionary: gives the same stems as analyse, in order", () => {
  const texts = [
    "The NHS App's new records: clinicians don't like it. Café & naïve CAFÉ 2026 5G g7",
    "Read [the guidance](https://www.gov.uk/x) on <em>ransomware</em> &amp; backups\n\n```\ncode here\n```",
    "Councils, councils' and the council\u2019s records; RECORDS recorded",
    "",
  ];
  const dict = createTermDictionary();
  const buffer = createTermBuffer(2);
  for (const text of texts) {
    buffer.length = 0;
    dict.collect(text, buffer);
    const stems = Array.from(buffer.data.subarray(0, buffer.length), (id) => dict.stemOf(id));
    assert.deepEqual(stems, analyse(text), text);
  }
});

test("createTermDictionary: ids in order of first appearance, stable across repeats", () => {
  const dict = createTermDictionary();
  const buffer = createTermBuffer();
  dict.collect("records council records patients", buffer);
  assert.deepEqual(Array.from(buffer.data.subarray(0, buffer.length)), [0, 1, 0, 2]);
  assert.equal(dict.size, 3);
});

test("createTermDictionary: surfaceOf is the most frequent spelling, ties alphabetically", () => {
  const dict = createTermDictionary();
  const buffer = createTermBuffer();
  dict.collect("Records record records recording RECORDS", buffer);
  assert.equal(dict.surfaceOf(buffer.data[0]!), "records"); // records ×3 (any case) beats record ×1, recording ×1
  dict.collect("clinician clinicians", buffer);
  assert.equal(dict.surfaceOf(dict.size - 1), "clinician"); // one each: alphabetically first
});

test("createTermDictionary: words matched by their packed key stay distinct (lengths, 18/19-character boundary)", () => {
  // ASCII words of up to 18 characters are matched by a 128-bit key (7 bits a character) instead of character by
  // character; longer ones are hashed and compared in full. Near-identical spellings on both sides of that
  // limit, and thousands of similar words of every length around it, must keep their own terms.
  const seeded = (() => {
    let x = 12345;
    return () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
  })();
  const alphabet = "abcrdZ9";
  const random = Array.from({ length: 6000 }, () => Array.from({ length: 2 + Math.floor(seeded() * 22) }, () => alphabet[Math.floor(seeded() * alphabet.length)]).join(""));
  const eighteen = "abcdefghijklmnopqr";
  const texts = [
    "council councils councill councillor councillors Council COUNCIL counci",
    `${eighteen} ${eighteen}s ${eighteen.slice(0, 17)} ${eighteen.slice(1)}x x${eighteen} ${eighteen}s ${eighteen} ${eighteen.toUpperCase()}`,
    // 19 characters whose first letters differ only in the bits a 128-bit key would lose ("a" 1100001, "e" 1100101).
    `a${eighteen.slice(1)}s e${eighteen.slice(1)}s a${eighteen.slice(1)}s`,
    "abcdefg abcdefgh abcdefg bcdefgh abcdefgx xabcdefg abcdefg café cafés cafe",
    random.join(" "),
  ];
  const dict = createTermDictionary();
  const buffer = createTermBuffer();
  for (const text of texts) {
    buffer.length = 0;
    dict.collect(text, buffer);
    const stems = Array.from(buffer.data.subarray(0, buffer.length), (id) => dict.stemOf(id));
    assert.deepEqual(stems, analyse(text));
  }
});

test("createTermDictionary: many distinct words (the hash table grows)", () => {
  const dict = createTermDictionary();
  const buffer = createTermBuffer();
  const words = Array.from({ length: 40_000 }, (_, i) => `w${i.toString(36)}x`);
  dict.collect(words.join(" "), buffer);
  dict.collect(words.join(" "), buffer);
  assert.equal(buffer.length, 80_000);
  assert.equal(dict.size, 40_000);
  assert.deepEqual(Array.from(buffer.data.subarray(40_000, 40_010)), Array.from(buffer.data.subarray(0, 10)));
});
