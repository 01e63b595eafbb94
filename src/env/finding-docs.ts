/**
 * The doctor's codes' concept pages: one source (pages/*.ts, by code) for `venvguard explain DR005`,
 * docs/doctor/*.md and the README's doctor table, laid out like the rules' pages (kernel/concept-page).
 */
import { renderConceptPage } from '../kernel/concept-page.js';
import { FINDING_CODES, type FindingDocs } from './finding.js';
import { CODE_PAGES } from './pages/index.js';

export type { FindingDocs };

export const FINDING_DOCS: Record<string, FindingDocs> = CODE_PAGES;

/** The code as written in FINDING_CODES for any spelling of it (`dr005` → `DR005`), or undefined. */
export function findingCode(key: string): string | undefined {
  const code = key.trim().toUpperCase();
  return code in FINDING_CODES ? code : undefined;
}

export function renderFindingDoc(code: string): string {
  const d = FINDING_DOCS[code];
  if (!d) throw new Error(`no page for doctor code ${code}`);
  return renderConceptPage({
    title: `${code} ${FINDING_CODES[code]}`,
    lead: [d.summary, `Severity: ${d.severities.join(' / ')}. \`venvguard doctor\` exits 1 when any finding is an error; it changes nothing itself.`],
    sections: [
      { heading: 'Mental model', body: d.mentalModel },
      { heading: 'Broken environment', body: d.session, language: 'shell' },
      { heading: 'What doctor prints', body: d.whatItPrints },
      { heading: 'Why', body: d.why },
      { heading: 'Do instead', body: d.useInstead, language: 'shell' },
      { heading: 'How it fails in real systems', body: d.inRealSystems },
      { heading: 'What the fix changes', body: d.fixSafety },
      { heading: 'Key takeaway', body: d.keyTakeaway },
    ],
    references: d.references,
  });
}

/** docs/doctor/README.md: every code with its severities and title, linked to its page. */
export function doctorIndex(): string {
  return [
    '# Doctor codes',
    '',
    'What `venvguard doctor` reports (`venvguard explain DR005` prints a page). The doctor reads and starts an environment; it changes nothing.',
    '',
    '| Code | Severity | Finds |',
    '| --- | --- | --- |',
    ...Object.keys(FINDING_CODES).map((code) => `| [${code}](${code}.md) | ${FINDING_DOCS[code]?.severities.join(' / ') ?? ''} | ${FINDING_CODES[code]} |`),
    '',
  ].join('\n');
}
