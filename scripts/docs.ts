// npm run docs: regenerate the front-matter reference in docs/editing.md from the schema.
import fs from "node:fs";
import { REFERENCE_FILE, updateReference } from "../lib/content/docs.ts";

const before = fs.readFileSync(REFERENCE_FILE, "utf8");
const after = updateReference(before);
fs.writeFileSync(REFERENCE_FILE, after);
console.log(before === after ? `${REFERENCE_FILE} was up to date.` : `${REFERENCE_FILE} front-matter reference updated.`);
