import { test } from "node:test";
import assert from "node:assert/strict";
import zlib from "node:zlib";
import { canonicalBundle, decodeCbor, encodeCbor, type BundleFile, type Cbor } from "../../../lib/search/canonical.ts";

const cborCases: Array<[Cbor, string]> = [
  [0, "00"],
  [23, "17"],
  [24, "1818"],
  [255, "18ff"],
  [256, "190100"],
  [65536, "1a00010000"],
  [2 ** 32, "1b0000000100000000"],
  ["", "60"],
  ["type", "6474797065"],
  ["£", "62c2a3"],
  [[], "80"],
  [[1, "a", [2]], "83016161" + "8102"],
  [-1, "20"],
  [-25, "3818"],
  [-257, "390100"],
];
for (const [value, hex] of cborCases) {
  test(`CBOR: ${JSON.stringify(value)} ⇄ ${hex}`, () => {
    assert.equal(encodeCbor(value).toString("hex"), hex);
    assert.deepEqual(decodeCbor(Buffer.from(hex, "hex")), value);
  });
}

test("CBOR: what Pagefind never writes is refused, not guessed at", () => {
  assert.throws(() => decodeCbor(Buffer.from("a0", "hex")), /major type 5/); // a map
  assert.throws(() => decodeCbor(Buffer.from("6474", "hex")), /past the end/);
  assert.throws(() => decodeCbor(Buffer.from("0000", "hex")), /after the value/);
  assert.throws(() => encodeCbor(1.5), /not an integer/);
});

const pack = (value: Cbor) => zlib.gzipSync(Buffer.concat([Buffer.from("pagefind_dcd"), encodeCbor(value)]));
const unpack = (content: Uint8Array) => decodeCbor(zlib.gunzipSync(content).subarray("pagefind_dcd".length));

/** A bundle as Pagefind writes it, with its filters (and each filter's values) in the order given. */
function bundle(filters: Array<[string, Array<[string, number[]]>]>): BundleFile[] {
  const files: BundleFile[] = [
    { path: "pagefind.js", content: Buffer.from("// js") },
    { path: "fragment/en_1234567.pf_fragment", content: Buffer.from("fragment") },
  ];
  const pairs: Cbor[] = [];
  filters.forEach(([name, values], i) => {
    const hash = `en_${String(i).repeat(7)}${name}`;
    files.push({ path: `filter/${hash}.pf_filter`, content: pack([name, values]) });
    pairs.push([name, hash]);
  });
  const meta: Cbor = ["1.5.2", [["en_1234567", 3]], [["a", "b", "en_7654321"]], pairs, [["date", [0]]], ["title"]];
  files.push({ path: "pagefind.en_abcdefabcd.pf_meta", content: pack(meta) });
  files.push({
    path: "pagefind-entry.json",
    content: Buffer.from(JSON.stringify({ version: "1.5.2", languages: { en: { hash: "en_abcdefabcd", wasm: "en", page_count: 1 } }, include_characters: ["_", "‿", "😀"] })),
  });
  return files;
}

const TYPE: [string, Array<[string, number[]]>] = [
  "type",
  [
    ["News", [0, 2]],
    ["Analysis", [1]],
  ],
];
const TOPIC: [string, Array<[string, number[]]>] = [
  "topic",
  [
    ["Open data", [0]],
    ["Cyber security", [1, 2]],
  ],
];
const flip = ([name, values]: [string, Array<[string, number[]]>]): [string, Array<[string, number[]]>] => [name, [...values].reverse()];

test("canonicalBundle: the same index in any hash-map order gives the same files, byte for byte", () => {
  const a = canonicalBundle(bundle([TYPE, TOPIC]));
  const b = canonicalBundle(bundle([flip(TOPIC), flip(TYPE)]));
  assert.deepEqual(
    a.map((f) => [f.path, Buffer.from(f.content).toString("hex")]),
    b.map((f) => [f.path, Buffer.from(f.content).toString("hex")]),
  );
});

test("canonicalBundle: filters by name, values by value, names from content, other files as they were", () => {
  const files = canonicalBundle(bundle([TYPE, TOPIC]));
  const entry = JSON.parse(Buffer.from(files.find((f) => f.path === "pagefind-entry.json")!.content).toString("utf8"));
  assert.match(entry.languages.en.hash, /^en_[0-9a-f]{10}$/);
  assert.deepEqual(Object.keys(entry), ["version", "languages", "include_characters"], "the entry keeps its fields and their order");
  assert.deepEqual(entry.include_characters, ["_", "‿", "😀"]);
  const entryText = Buffer.from(files.find((f) => f.path === "pagefind-entry.json")!.content).toString("latin1");
  assert.doesNotMatch(entryText, /[^\x00-\x7f]/, "one byte per character: \\u escapes");
  assert.match(entryText, /"_","\\u203f","\\ud83d\\ude00"/);
  const meta = unpack(files.find((f) => f.path === `pagefind.${entry.languages.en.hash}.pf_meta`)!.content) as Cbor[];
  const filters = meta[3] as Array<[string, string]>;
  assert.deepEqual(
    filters.map(([name]) => name),
    ["topic", "type"],
  );
  assert.deepEqual(meta.slice(0, 3), ["1.5.2", [["en_1234567", 3]], [["a", "b", "en_7654321"]]], "pages and word index untouched");
  assert.deepEqual(meta.slice(4), [[["date", [0]]], ["title"]], "sorts and meta fields untouched");
  for (const [name, hash] of filters) {
    assert.match(hash, /^en_[0-9a-f]{7}$/);
    const [filterName, values] = unpack(files.find((f) => f.path === `filter/${hash}.pf_filter`)!.content) as [string, Array<[string, number[]]>];
    assert.equal(filterName, name);
    assert.deepEqual(
      values.map(([value]) => value),
      name === "type" ? ["Analysis", "News"] : ["Cyber security", "Open data"],
    );
  }
  assert.deepEqual(
    files.map((f) => f.path.replace(/_[0-9a-f]+/, "_#")),
    ["filter/en_#.pf_filter", "filter/en_#.pf_filter", "fragment/en_#.pf_fragment", "pagefind-entry.json", "pagefind.en_#.pf_meta", "pagefind.js"],
  );
  assert.equal(Buffer.from(files.find((f) => f.path === "pagefind.js")!.content).toString(), "// js");
});

test("canonicalBundle: an index with no pages (no entry languages) is left as it is", () => {
  const files = [{ path: "pagefind.js", content: Buffer.from("x") }];
  assert.deepEqual(canonicalBundle(files), files);
});
