/**
 * What the site is made of: every rule (src/rules registry) and every doctor code (src/env/pages),
 * each with its topic from its own metadata and its concept page as `venvguard explain` prints it.
 */
import { RULES } from '../../src/rules/index.js';
import { renderRuleDoc } from '../../src/rules/docs.js';
import { FINDING_CODES } from '../../src/env/finding.js';
import { FINDING_DOCS, renderFindingDoc } from '../../src/env/finding-docs.js';
import type { Topic } from '../../src/kernel/topic.js';
import { pageOutput, recordedTranscripts } from '../../src/lab/page.js';

export interface SitePage {
  kind: 'rule' | 'doctor';
  /** `VG102`, `DR015`. */
  code: string;
  /** The rule's name or the doctor code's title. */
  title: string;
  summary: string;
  topic: Topic;
  /** Relative to the site's root. */
  url: string;
  /** The concept page (Markdown), the same text `venvguard explain CODE` prints. */
  markdown: string;
}

export function sitePages(): SitePage[] {
  // "The output" of each rule page is its recorded lab run, as `venvguard explain` prints it.
  const recorded = recordedTranscripts();
  const rules: SitePage[] = RULES.map((r) => ({
    kind: 'rule',
    code: r.code,
    title: r.name,
    summary: r.summary,
    topic: r.topic,
    url: `rules/${r.code}.html`,
    markdown: renderRuleDoc(r, ((t) => t && pageOutput(t))(recorded.find((t) => t.code === r.code))),
  }));
  const doctor: SitePage[] = Object.keys(FINDING_CODES).map((code) => {
    const d = FINDING_DOCS[code];
    if (!d) throw new Error(`doctor code ${code} has no page in src/env/pages: the site would leave it out`);
    return { kind: 'doctor', code, title: FINDING_CODES[code], summary: FINDING_CODES[code], topic: d.topic, url: `doctor/${code}.html`, markdown: renderFindingDoc(code) };
  });
  return [...rules, ...doctor];
}
