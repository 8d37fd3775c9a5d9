// Stylelint: the standard SCSS rules, less the layout ones (Biome formats the stylesheet).
export default {
  extends: ["stylelint-config-standard-scss"],
  rules: {
    // GOV.UK's BEM names: block, then __element and --modifier, in lower-case words joined by hyphens.
    "selector-class-pattern": [
      "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$",
      { message: (selector) => `Expected class selector "${selector}" to be a BEM name (app-block__element--modifier)` },
    ],
    // Blank lines group related rules as the author chose; the formatter owns the rest of the layout.
    "rule-empty-line-before": null,
    "declaration-empty-line-before": null,
    "declaration-block-single-line-max-declarations": null,
  },
};
