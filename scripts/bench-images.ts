/**
 * How long image processing adds to a build, with a cold and a warm image cache (lib/eleventy/images.ts).
 *
 *   npm run bench:images                                  the sample site (content/), 3 rounds
 *   npm run bench:images -- --size=10000 --images=50 --repeats=1
 *   npm run bench:images -- --size=10000 --images=50 --in=body
 *
 * With --size, a corpus from scripts/generate-corpus.ts in which every (size / images)-th item gets its own
 * 1600×900 JPEG lead image, or with --in=body the same image at the end of its body (drawn here, each different,
 * so nothing is shared between them). Each round empties the image cache and builds (cold), then builds again
 * (warm), into fresh output folders, and times the whole build as `npm run build` runs it. Empties
 * node_modules/.cache/govnews/images/. Figures go in docs/performance.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { generateCorpus } from "./generate-corpus.ts";
import { buildSite } from "./build-site.ts";
import { IMAGE_CACHE_DIR } from "../lib/eleventy/images.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: { size: { type: "string" }, images: { type: "string", default: "50" }, repeats: { type: "string", default: "3" }, in: { type: "string", default: "lead" } },
});
const repeats = Number(values.repeats);
if (values.in !== "lead" && values.in !== "body") throw new Error(`--in=${values.in}: lead or body`);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-bench-images-"));
const NOW = "2026-11-22T12:00:00Z";

async function corpusWithImages(size: number, images: number): Promise<string> {
  const content = path.join(work, "content");
  const corpus = generateCorpus({ n: size, outDir: content });
  const every = Math.max(1, Math.floor(size / images));
  fs.mkdirSync(path.join(content, "images"), { recursive: true });
  let made = 0;
  for (let i = 0; i < corpus.items.length && made < images; i += every, made++) {
    const slug = corpus.items[i]!.slug;
    const hue = (made * 137) % 360;
    // Gradients and shapes, so the encoders have something like a photograph's detail to work on.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,70%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},50%,30%)"/></linearGradient></defs><rect width="1600" height="900" fill="url(#g)"/>${Array.from({ length: 40 }, (_, k) => `<circle cx="${(k * 397 + made * 61) % 1600}" cy="${(k * 211 + made * 29) % 900}" r="${20 + ((k * 7 + made) % 90)}" fill="hsl(${(hue + k * 9) % 360},70%,${30 + (k % 5) * 10}%)" opacity="0.6"/>`).join("")}</svg>`;
    await sharp(Buffer.from(svg))
      .jpeg({ quality: 85 })
      .toFile(path.join(content, "images", `bench-${made}.jpg`));
    const file = path.join(content, "news", `${slug}.md`);
    const text = fs.readFileSync(file, "utf8");
    fs.writeFileSync(
      file,
      values.in === "body"
        ? `${text.trimEnd()}\n\n![Coloured circles on a gradient](/images/bench-${made}.jpg)\n`
        : text.replace(/^---\n/, `---\nimage:\n  src: /images/bench-${made}.jpg\n  alt: Coloured circles on a gradient\n  credit: Bench\n`),
    );
  }
  return content;
}

function timedBuild(content: string, label: string): number {
  const output = path.join(work, `out-${label}`);
  const result = buildSite({ content, output, now: NOW }, ROOT);
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}${result.stderr}`);
  fs.rmSync(output, { recursive: true, force: true });
  return result.ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const content = values.size ? await corpusWithImages(Number(values.size), Number(values.images)) : "content";
const cold: number[] = [];
const warm: number[] = [];
for (let round = 0; round < repeats; round++) {
  fs.rmSync(path.join(ROOT, IMAGE_CACHE_DIR), { recursive: true, force: true });
  cold.push(timedBuild(content, `cold-${round}`));
  warm.push(timedBuild(content, `warm-${round}`));
  console.log(`round ${round + 1}: cold ${seconds(cold.at(-1)!)}, warm ${seconds(warm.at(-1)!)}`);
}
console.log(
  `${values.size ? `${values.size} items, ${values.images} ${values.in} images` : "sample site"}: cold ${seconds(median(cold))} (${cold.map(seconds).join(", ")}), warm ${seconds(median(warm))} (${warm.map(seconds).join(", ")})`,
);
fs.rmSync(work, { recursive: true, force: true });
