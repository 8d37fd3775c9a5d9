// Stylelint: the standard SCSS rules in the house layout. Biome does not format the stylesheet: its bytes name the
// compiled file (lib/eleventy/stylesheet.ts hashes the sources), so reformatting it would change every page.
export default {
  extends: ["stylelint-config-standard-scss"],
  rules: {
    // GOV.UK's BEM names: block, then __element and --modifier, in lower-case words joined by hyphens.
    "selector-class-pattern": [
      "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$",
      { message: (selector) => `Expected class selector "${selector}" to be a BEM name (app-block__element--modifier)` },
    ],
    // The house layout: short rules on one line, related rules grouped without blank lines.
    "rule-empty-line-before": null,
    "declaration-empty-line-before": null,
    "declaration-block-single-line-max-declarations": null,
  },
};
