/**
 * What an item's body points at, read from its rendered, sanitised HTML with htmlparser2 (the sanitiser's parser):
 * the half of body-links.ts that the render-ahead worker runs, apart from the checks, which need the site's
 * topics, types and schedule (and what they load) only on the page thread.
 */
import { Parser } from "htmlparser2";

/** What a body points at: each link's href and each image's src and alt (undefined when it has none), in order. */
export interface BodyReferences {
  links: string[];
  images: Array<{ src: string; alt: string | undefined }>;
}

/** The links and images of a body's HTML (as rendered and sanitised). */
export function findReferences(html: string): BodyReferences {
  const found: BodyReferences = { links: [], images: [] };
  // Most bodies have neither: no parse for them.
  if (!html.includes("<a ") && !html.includes("<img")) return found;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "a" && attributes.href !== undefined) found.links.push(attributes.href);
        else if (name === "img" && attributes.src !== undefined) found.images.push({ src: attributes.src, alt: attributes.alt });
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found;
}
