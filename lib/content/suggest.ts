/** "Did you mean …?" for ids and field names, by edit distance (fastest-levenshtein: small, fast, maintained). */
import { distance } from "fastest-levenshtein";

/**
 * The closest candidate to `value`, or undefined when nothing is close enough to be a likely typo.
 * Also matches a candidate that starts with or contains the value ("jscott" → "jennifer-scott").
 */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  const v = value.toLowerCase();
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of [...candidates].sort()) {
    const c = candidate.toLowerCase();
    let score = distance(v, c);
    // Initial plus surname ("jscott") or surname only ("scott") for "jennifer-scott".
    const parts = c.split("-");
    const initials =
      parts
        .slice(0, -1)
        .map((p) => p[0])
        .join("") + parts.at(-1);
    if (v === initials || v === parts.at(-1) || v.replace(/-/g, "") === c.replace(/-/g, "")) score = Math.min(score, 1);
    if (!best || score < best.score) best = { candidate, score };
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.floor(v.length / 3));
  return best.score <= limit ? best.candidate : undefined;
}
