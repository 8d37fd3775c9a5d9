/**
 * Fingerprinted asset names. Our stylesheet and scripts are written to HASHED_ASSETS with a hash of their
 * content (or, for the stylesheet, of everything it is compiled from) in the name, so netlify.toml can cache
 * exactly that folder for a year as `immutable`: a changed file gets a new name, and the pages, which always
 * revalidate, link the new one. GOV.UK Frontend's fonts and images stay in /assets/ under their own names with
 * a short cache: they are copied as they are, not fingerprinted by us.
 */
import crypto from "node:crypto";

/** The only folder netlify.toml caches as immutable; nothing else may be written into it. */
export const HASHED_ASSETS = "/assets/hashed/";

/** Hex digits of SHA-256 kept in a name: 64 bits, ample to tell one deploy's file from another's. */
const FINGERPRINT_LENGTH = 16;

/** A short, stable fingerprint of some content (or of a longer hash of it). */
export function fingerprint(content: string | Uint8Array): string {
  return crypto.createHash("sha256").update(content).digest("hex").slice(0, FINGERPRINT_LENGTH);
}

/** `/assets/hashed/<base>-<fingerprint><extension>`, e.g. `/assets/hashed/govnews-0123456789abcdef.css`. */
export function hashedAssetPath(base: string, hash: string, extension: string): string {
  if (!/^[0-9a-f]+$/.test(hash)) throw new Error(`hashedAssetPath: "${hash}" is not a hex fingerprint`);
  return `${HASHED_ASSETS}${base}-${hash}${extension}`;
}

/**
 * Our script: GOV.UK Frontend's ES module, initialised. It imports the frontend by its own fingerprinted name
 * (a sibling in HASHED_ASSETS), so a new GOV.UK Frontend changes this script's text and so its name too.
 */
export function govnewsScript(frontendPath: string): string {
  const name = frontendPath.slice(frontendPath.lastIndexOf("/") + 1);
  return `import { initAll } from "./${name}";\ninitAll();\n`;
}
