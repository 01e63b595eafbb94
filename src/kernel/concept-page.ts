/**
 * A concept page (Markdown): the one layout `venvguard explain` prints and `npm run docs` writes,
 * shared by the rules (VG…) and the doctor's codes (DR…). Each family says what goes in its
 * sections; this module only lays them out.
 */

export interface ConceptSection {
  heading: string;
  /** Prose (Markdown), or a code block when `language` is set. */
  body: string;
  language?: string;
}

export interface ConceptPage {
  /** `CODE name` or `CODE title`: the page's `#` heading. */
  title: string;
  /** Paragraphs under the title (the summary, the fix or severity line). */
  lead: string[];
  sections: ConceptSection[];
  /** Links (https), listed under "References". */
  references: string[];
}

const fence = (language: string, code: string) => '```' + language + '\n' + code.replace(/\n?$/, '\n') + '```';

export function renderConceptPage(page: ConceptPage): string {
  return [
    `# ${page.title}`,
    '',
    ...page.lead.flatMap((p) => [p, '']),
    ...page.sections.flatMap((s) => [`## ${s.heading}`, '', s.language === undefined ? s.body : fence(s.language, s.body), '']),
    '## References',
    '',
    ...page.references.map((r) => `- ${r}`),
    '',
  ].join('\n');
}
