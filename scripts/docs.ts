// npm run docs: regenerate the front-matter reference in README.md from the schema.
import fs from "node:fs";
import { updateReadme } from "../lib/content/docs.ts";

const before = fs.readFileSync("README.md", "utf8");
const after = updateReadme(before);
fs.writeFileSync("README.md", after);
console.log(before === after ? "README.md was up to date." : "README.md front-matter reference updated.");
