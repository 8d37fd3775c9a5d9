/**
 * A fast path for sanitising item bodies (lib/content/sanitise.ts): recognises HTML the sanitiser would leave
 * exactly as it is, so that it need not run.
 *
 * Saves: sanitize-html re-parses, filters and re-serialises every body, and on a large archive that made the
 * render-ahead worker (which renders every body) the build's slowest path, with much garbage. Most bodies are
 * plain Markdown. Measured in docs/performance.md (npm run bench).
 *
 * When: only for a body whose Markdown has no raw HTML (no `<`) and no markdown-it-attrs braces (no `{`), so its
 * HTML is markdown-it's own well-formed output, which htmlparser2 reads as browsers do. Its elements, attributes,
 * classes and URLs are checked against the sanitiser's own allowlist, URLs conservatively (anything unusual goes to
 * the sanitiser). Anything not recognised is sanitised as before. The plain twin is sanitiseBody itself: a test
 * checks both give the same HTML on every body of the sample, fixture and generated archives and on hostile input.
 */
import { Parser } from "htmlparser2";
import { ALLOWED_ATTRIBUTES, ALLOWED_ELEMENT_SET, CLASS_PATTERN } from "../content/sanitise.ts";
import type { BodyReferences } from "../content/body-links.ts";

const GLOBAL = new Set(ALLOWED_ATTRIBUTES["*"]);
const BY_ELEMENT = new Map(Object.entries(ALLOWED_ATTRIBUTES).map(([element, names]) => [element, new Set(names)]));
const URL_ATTRIBUTES = new Set(["href", "src", "cite"]);
// Absolute http(s), mailto and tel; a path on this site (one slash, not two, nor a backslash); a fragment. Nothing
// with whitespace, control characters, entities or a colon elsewhere, which a browser or the sanitiser might read
// another way.
const PLAIN_URL = /^(?:https?:\/\/[^\s\\]+|mailto:[^\s:\\]+|tel:[+\d][\d ()+.-]*|\/(?![/\\])[^\s:\\]*|#[^\s:\\]*)$/;

/**
 * True when `html`, rendered from `markdown`, is something sanitiseBody would return unchanged. Given `found`, it
 * also fills it with the links and images of a clean body, as findReferences (lib/content/body-links.ts) would, in
 * the same pass: that saves parsing every clean body twice (a test checks both agree on every body).
 */
export function isCleanPlainMarkdown(markdown: string, html: string, found?: BodyReferences): boolean {
  if (markdown.includes("<") || markdown.includes("{")) return false;
  let clean = true;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!clean) return;
        if (found) {
          if (name === "a" && attributes.href !== undefined) found.links.push(attributes.href);
          else if (name === "img" && attributes.src !== undefined) found.images.push({ src: attributes.src, alt: attributes.alt });
        }
        if (!ALLOWED_ELEMENT_SET.has(name)) {
          clean = false;
          return;
        }
        const own = BY_ELEMENT.get(name);
        for (const attribute in attributes) {
          const value = attributes[attribute]!;
          if (!GLOBAL.has(attribute) && !own?.has(attribute)) clean = false;
          else if (attribute === "class") {
            for (const name of value.split(" ")) if (!CLASS_PATTERN.test(name)) clean = false;
          } else if (URL_ATTRIBUTES.has(attribute) && !PLAIN_URL.test(value)) clean = false;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return clean;
}
