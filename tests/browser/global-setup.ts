// Build both sites once before the browser tests.
import { buildSite } from "../../scripts/build-site.ts";
import { SITES } from "./sites.ts";

export default function globalSetup(): void {
  for (const [name, site] of Object.entries(SITES)) {
    const result = buildSite({ content: site.content, output: site.output, now: site.now });
    if (result.status !== 0) throw new Error(`Building the ${name} site failed:\n${result.stdout}\n${result.stderr}`);
  }
}
