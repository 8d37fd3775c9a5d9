/**
 * Author bio blocks and author pages: the params the `appAuthorBio` component takes, built from plain data.
 * Bios are Markdown written by editors; they are rendered with raw HTML switched off, so a `<script>` in a
 * bio is shown as text, never run.
 */
import MarkdownIt from "markdown-it";
import { sanitiseBody, type SanitisedBody } from "../content/sanitise.ts";
import { LINK_KINDS } from "../content/schema.ts";
import { careerLine, pastRoles, type AuthorRoles, type RoleSpan } from "./roles.ts";

const md = new MarkdownIt({ html: false, linkify: false, typographer: true });
// GOV.UK Frontend classes on what a bio can contain, set as attributes so markdown-it's own rendering
// (tight lists with hidden paragraphs, link attributes) is kept.
const CLASSES: Record<string, string> = {
  paragraph_open: "govuk-body",
  bullet_list_open: "govuk-list govuk-list--bullet",
  ordered_list_open: "govuk-list govuk-list--number",
  link_open: "govuk-link",
};
md.core.ruler.push("govuk_classes", (state) => {
  const visit = (tokens: typeof state.tokens) => {
    for (const token of tokens) {
      const cls = CLASSES[token.type];
      if (cls) token.attrSet("class", cls);
      if (token.children) visit(token.children);
    }
  };
  visit(state.tokens);
});

/**
 * A Markdown bio as HTML, through the same allowlist as item bodies (raw HTML is already shown as text; the
 * allowlist also drops data: images and protocol-relative links), with what it removed: the content check reports
 * those, so a published bio never silently loses anything.
 */
export function renderBioChecked(markdown: string): SanitisedBody {
  return sanitiseBody(md.render(markdown).trim());
}

/** Safe HTML for a Markdown bio. */
export function renderBio(markdown: string): string {
  return renderBioChecked(markdown).html;
}

export const LINK_NAMES: Record<(typeof LINK_KINDS)[number], string> = {
  website: "Website",
  bluesky: "Bluesky",
  mastodon: "Mastodon",
  linkedin: "LinkedIn",
  github: "GitHub",
  x: "X",
};

export interface BioAuthor extends AuthorRoles {
  id: string;
  name: string;
  pronouns?: string;
  photo?: { src: string; alt: string };
  links?: Partial<Record<(typeof LINK_KINDS)[number], string | undefined>>;
  bio: string;
}

export interface ProfileLink {
  kind: string;
  href: string;
  /** Visible text, e.g. "LinkedIn". */
  text: string;
  /** Accessible name that makes sense out of context, e.g. "Tom Hallworth on LinkedIn". */
  label: string;
}

export function profileLinks(author: Pick<BioAuthor, "name" | "links">): ProfileLink[] {
  return LINK_KINDS.flatMap((kind) => {
    const href = author.links?.[kind];
    if (!href) return [];
    const text = LINK_NAMES[kind];
    return [{ kind, href, text, label: kind === "website" ? `${author.name}’s website` : `${author.name} on ${text}` }];
  });
}

export function authorUrl(id: string): string {
  return `/authors/${id}/`;
}

export interface AuthorBioParams {
  id: string;
  name: string;
  url: string;
  pronouns?: string;
  role: string;
  organisation: string;
  photo?: { src: string; alt: string };
  bioHtml: string;
  career?: string;
  links: ProfileLink[];
  count: number;
  moreText: string;
  headingLevel: number;
}

/** "More from Tom Hallworth (4 items)" */
export function moreFromText(name: string, count: number): string {
  return `More from ${name} (${count} ${count === 1 ? "item" : "items"})`;
}

/** Params for the appAuthorBio component: the author now, with their published item count. */
export function authorBioParams(author: BioAuthor, count: number, headingLevel = 3): AuthorBioParams {
  return {
    id: author.id,
    name: author.name,
    url: authorUrl(author.id),
    pronouns: author.pronouns,
    role: author.role,
    organisation: author.organisation,
    photo: author.photo,
    bioHtml: renderBio(author.bio),
    career: careerLine(author),
    links: profileLinks(author),
    count,
    moreText: moreFromText(author.name, count),
    headingLevel,
  };
}

/** Role history for author pages: current role first, then past roles, most recent first. */
export function roleHistory(author: AuthorRoles): Array<Pick<RoleSpan, "role" | "organisation"> & { from?: string; to?: string; current: boolean }> {
  const current = (author.roles ?? []).find((r) => r.to === undefined);
  return [{ role: author.role, organisation: author.organisation, from: current?.from, current: true }, ...pastRoles(author).map((r) => ({ ...r, current: false }))];
}
