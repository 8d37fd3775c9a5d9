/**
 * Share links for an item's page (components/share-links): plain links to each service's own share page, so no
 * third-party script runs on ours and nothing is sent anywhere until a reader follows one. Pure; every value put
 * in an address is percent-encoded here, and the template escapes the whole address again for its attribute.
 */

export interface ShareLink {
  /** What the link says; the component adds "Share on " (or "Share by ") for screen readers. */
  text: string;
  /** Read by screen readers before the text. */
  hiddenPrefix: string;
  href: string;
  /** The link to the page itself, which our script turns into a "Copy link" button (client/copy-link.js). */
  copy?: boolean;
}

/** Percent-encodes everything but letters, digits and - _ . ~ (RFC 3986's unreserved characters). */
function enc(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Email, LinkedIn and Bluesky share addresses for a page, then the page's own address for "Copy link". */
export function shareLinks(url: string, title: string): ShareLink[] {
  return [
    // RFC 6068: subject and body percent-encoded; a line break is %0D%0A.
    { text: "Email", hiddenPrefix: "Share by ", href: `mailto:?subject=${enc(title)}&body=${enc(`${title}\r\n\r\n${url}`)}` },
    // LinkedIn reads the title and image from the page's Open Graph tags.
    { text: "LinkedIn", hiddenPrefix: "Share on ", href: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}` },
    { text: "Bluesky", hiddenPrefix: "Share on ", href: `https://bsky.app/intent/compose?text=${enc(`${title} ${url}`)}` },
    { text: "Link to this page", hiddenPrefix: "", href: url, copy: true },
  ];
}
