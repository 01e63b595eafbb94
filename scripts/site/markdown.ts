/**
 * The pages' Markdown (the concept pages that `venvguard explain` prints) to HTML with markdown-it.
 * Raw HTML in the source is escaped, never passed through (`html: false`); links keep markdown-it's
 * scheme check (no `javascript:`), and external ones open without an opener. Every `##` heading gets
 * an id, listed for the page's contents, and the text of the page is collected for the search index.
 */
import MarkdownIt, { type Token } from 'markdown-it';

export interface RenderedPage {
  /** The `#` heading's text. */
  title: string;
  /** The body without the `#` heading (the site's layout prints the title itself). */
  html: string;
  /** `##` headings in order: their id and text. */
  headings: { id: string; text: string }[];
  /** The plain text of everything but the title (prose, inline code and code blocks), for search. */
  text: string;
}

const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
// Only written-out http(s) addresses become links (References): `pip.py` is a file, not a domain.
md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

/** A heading's id: lowercase words joined by `-`, `what-does-this-print`. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

export function renderMarkdown(source: string): RenderedPage {
  const tokens = md.parse(source, {});
  let title = '';
  const headings: { id: string; text: string }[] = [];
  const text: string[] = [];
  const used = new Set<string>();
  // The `#` heading is taken out: heading_open, inline, heading_close.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open' && t.tag === 'h1' && !title) {
      title = tokens[i + 1]?.content ?? '';
      tokens.splice(i, 3);
      i--;
      continue;
    }
    if (t.type === 'heading_open' && t.tag === 'h2') {
      const inline = tokens[i + 1];
      let id = slug(inline?.content ?? '');
      for (let n = 2; used.has(id); n++) id = `${slug(inline?.content ?? '')}-${n}`;
      used.add(id);
      t.attrSet('id', id);
      headings.push({ id, text: plainInline(inline?.children ?? []) });
    }
    if (t.type === 'inline') text.push(plainInline(t.children ?? []));
    if (t.type === 'fence' || t.type === 'code_block') text.push(t.content);
  }
  return { title: plainInline(md.parseInline(title, {})[0]?.children ?? []), html: md.renderer.render(tokens, md.options, {}), headings, text: text.join('\n') };
}

function plainInline(children: Token[]): string {
  return children.map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : '')).join('');
}

// External links: a new tab would be a surprise; no opener and no referrer is enough.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = String(tokens[idx].attrGet('href') ?? '');
  if (/^https?:/i.test(href)) tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** One line of Markdown (a summary, a title) as inline HTML: `code` and emphasis, everything else escaped. */
export function renderInline(source: string): string {
  return md.renderInline(source);
}
