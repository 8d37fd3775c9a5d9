/**
 * What the search index holds for each published item: one Pagefind "custom record" made from the content model
 * and the item's rendered body, never from a built page. So the index holds the headline, standfirst and body and
 * nothing a page adds around them (navigation, topics, bios, related lists), and it can be built while Eleventy
 * is still writing the pages (lib/build/search-ahead.ts).
 *
 * The record's meta are what the search page shows in a result (lib/client/search.js: type, title, standfirst,
 * date, byline); its filters and sort key are what the search page filters and orders by (facets.ts).
 */
import { Parser } from "htmlparser2";

export interface SearchRecord {
  url: string;
  /** Plain text: headline, standfirst and body, one paragraph a line. */
  content: string;
  language: "en";
  meta: { title: string; standfirst: string; type: string; date: string; datetime: string; byline: string };
  filters: { type: string[]; topic: string[]; year: string[] };
  sort: { date: string };
}

/** An item as the index sees it: everything but the body's text, worked out by the build (search-index.ts). */
export type SearchItem = Omit<SearchRecord, "content" | "language"> & { bodyHtml: string };

export function searchRecord(item: SearchItem): SearchRecord {
  const { bodyHtml, ...rest } = item;
  const meta = Object.fromEntries(Object.entries(rest.meta).map(([key, value]) => [key, withoutMarkers(value)])) as SearchRecord["meta"];
  const filters = Object.fromEntries(Object.entries(rest.filters).map(([key, values]) => [key, values.map(withoutMarkers)])) as SearchRecord["filters"];
  return {
    url: rest.url,
    content: withoutMarkers([rest.meta.title, rest.meta.standfirst, htmlText(bodyHtml)].join("\n")),
    language: "en",
    meta,
    filters,
    sort: rest.sort,
  };
}

/**
 * Pagefind reads words that begin "___PAGEFIND_" (and "___END_PAGEFIND_WEIGHT___") in a record's text as its own
 * instructions (a weight for the words after it, an anchor), and strips them from meta and filter values. Text
 * from content is not an instruction to anyone: such words lose their leading underscores, so that Pagefind, and
 * our own indexer (word-index.ts), which has no such instructions, index them as the words they look like.
 */
export function withoutMarkers(text: string): string {
  return text.replace(/_{3,}(?=(?:END_)?PAGEFIND_)/g, "");
}

/**
 * Elements that end a run of words: their text never runs on into the next element's ("end</p><p>Start" is two
 * words). Inline elements (links, emphasis, abbreviations) join their text to the words around them.
 */
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "caption",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/**
 * The words of a sanitised body, as a reader sees them: text with character references decoded, each block on a
 * line of its own, runs of white space as one space. An image counts by its alt text, as a screen reader reads it.
 */
export function htmlText(html: string): string {
  const lines: string[] = [];
  let line = "";
  const end = () => {
    const text = line.replace(/\s+/g, " ").trim();
    if (text) lines.push(text);
    line = "";
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (BLOCKS.has(name)) end();
        else if (name === "img" && attributes.alt) line += ` ${attributes.alt} `;
      },
      ontext(text) {
        line += text;
      },
      onclosetag(name) {
        if (BLOCKS.has(name)) end();
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  end();
  return lines.join("\n");
}
