/** Renders a rule's concept page (Markdown) from its metadata: `venvguard explain` and docs/rules/*.md. */
import { renderConceptPage } from '../kernel/concept-page.js';
import type { Rule } from '../kernel/rule.js';

export function renderRuleDoc(rule: Rule): string {
  const d = rule.docs;
  return renderConceptPage({
    title: `${rule.code} ${rule.name}`,
    lead: [`${rule.summary}.`, `Fix: ${rule.fixable === 'never' ? 'none' : rule.fixable === 'always' ? 'always available' : 'available in most cases'} (see *Fix safety*).`],
    sections: [
      { heading: 'Mental model', body: d.mentalModel },
      { heading: 'Broken code', body: d.example, language: d.exampleLanguage },
      { heading: 'What it prints', body: d.whatItPrints },
      { heading: 'Why', body: d.why },
      { heading: 'Use instead', body: d.useInstead, language: d.exampleLanguage },
      { heading: 'How it fails in real systems', body: d.inRealSystems },
      { heading: 'Fix safety', body: d.fixSafety },
      { heading: 'Key takeaway', body: d.keyTakeaway },
    ],
    references: d.references,
  });
}
