/**
 * Output text kept at one byte per character, by writing characters above U+00FF as escapes the reader decodes
 * (`’` as `&#8217;` in HTML and XML, as `\u2019` in JSON). Pages and feeds read exactly the same.
 *
 * Saves: memory and write time. V8 keeps a string with any character above U+00FF at two bytes per character
 * (and a page built from pieces inherits that from any one piece). Typographic quotes put one in nearly every
 * item, so nearly every page was two-byte: twice the memory, kept until Eleventy finishes (it holds every page it
 * writes), and several times slower to encode as UTF-8 when written. Costs a few bytes per quotation mark on disk.
 * Measured in docs/performance.md (npm run bench).
 */

// A character above U+00FF, or the whole of an HTML raw-text element, where a character reference would be read
// literally (https://html.spec.whatwg.org/#raw-text-elements, with the obsolete ones that parse the same way).
const WIDE_CHARACTER = /[^\x00-\xff]/u;
const WIDE_CHARACTER_OR_RAW_TEXT = /[^\x00-\xff]|<(script|style|xmp|iframe|noembed|noframes)\b[^]*?<\/\1\s*>/giu;
const WIDE_CODE_UNIT = /[^\x00-\xff]/g;

/**
 * HTML or XML with every character above U+00FF as a numeric character reference, except inside raw-text
 * elements such as `<script>` and `<style>` (left as they are). Not for XML with CDATA sections (ours has none).
 */
export function referenceWideCharacters(markup: string): string {
  if (!WIDE_CHARACTER.test(markup)) return markup;
  return markup.replace(WIDE_CHARACTER_OR_RAW_TEXT, (match) => (match.charCodeAt(0) === 0x3c ? match : `&#${match.codePointAt(0)};`));
}

/**
 * JSON text with every character above U+00FF as a `\u` escape (a character outside the Basic Multilingual Plane
 * as its two surrogates, as JSON writes it). Valid only on JSON text: such characters occur only inside strings.
 */
export function escapeWideCharactersInJson(json: string): string {
  if (!WIDE_CHARACTER.test(json)) return json;
  return json.replace(WIDE_CODE_UNIT, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A written file's text with wide characters escaped as its format reads them, by its extension: HTML and XML
 * (pages, feeds, sitemap) and JSON (feeds, site data). Anything else (CSS, JavaScript, plain text) is returned
 * as it is.
 */
export function oneByteOutput(content: string, outputPath: string): string {
  if (/\.(?:html|xml|xsl|atom|rss)$/i.test(outputPath)) return referenceWideCharacters(content);
  if (/\.json$/i.test(outputPath)) return escapeWideCharactersInJson(content);
  return content;
}
