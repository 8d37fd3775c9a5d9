// The html-validate rules every built page is held to: tests/browser/site-html.spec.ts over both sites, and build
// tests that validate a page the browser sites do not have (tests/build/images-site.test.ts).
import type { ConfigData } from "html-validate";

export const SITE_HTML_RULES: ConfigData = {
  extends: ["html-validate:recommended"],
  rules: {
    // GOV.UK Frontend markup we do not control: the header's role="banner" on a div and
    // the footer's role="contentinfo", inline SVG crowns, and its long attribute lists.
    "prefer-native-element": "off",
    "no-redundant-role": "off",
    "no-inline-style": "off",
    "attribute-boolean-style": "off",
    "attribute-empty-style": "off",
    "long-title": "off",
    "no-trailing-whitespace": "off",
  },
};
