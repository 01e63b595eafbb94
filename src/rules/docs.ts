/**
 * Renders a rule's concept page (Markdown) from its metadata: `venvguard explain` and docs/rules/*.md.
 * The sections and their order are PAGE_SECTIONS; the setup is written from the rule's lab, and the
 * output from the lab's recorded runs (`output`, made by src/lab at docs-build time) or, without
 * them, from the claims the lab checks.
 */
import { renderConceptPage, type ConceptSection } from '../kernel/concept-page.js';
import { claimText, SITUATION_TEXT, type RuleLab } from '../kernel/lab-spec.js';
import type { Rule, RuleDocs } from '../kernel/rule.js';

/** Every rule page's `##` sections, in this order (References comes last, from ConceptPage). */
export const PAGE_SECTIONS = [
  'Mental model',
  'The setup',
  'What does this print?',
  'Broken code',
  'The output',
  'Why',
  'Use instead',
  'How it fails in real systems',
  'Key takeaway',
  'Common mistake',
  'Fix safety',
  'References',
] as const;

const fence = (language: string, code: string) => '```' + language + '\n' + code.replace(/\n?$/, '\n') + '```';

const fileLanguage = (name: string) => (name.endsWith('.py') ? 'python' : name.endsWith('.mk') ? 'makefile' : name.endsWith('.sh') ? 'sh' : name.endsWith('.yml') ? 'yaml' : '');

/** How the lab runs the examples: its venv, its files, its situations. */
export function setupText(code: string, docs: RuleDocs): string {
  const lab: RuleLab = docs.lab;
  const python = docs.exampleLanguage === 'python';
  const out: string[] = [];
  if (python) {
    out.push(
      "A venv made for real with `python3 -m venv venv` (by each interpreter the lab uses), the broken example saved as `broken.py` and the fixed one as `fixed.py` next to it. Each is started three ways: by the venv's path without activation, with systemd's default PATH (`/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`) as services, cron jobs, Celery workers and IDE run buttons start it; as `python` in a bash that sourced `venv/bin/activate`; and through `/bin/sh -c` with cron's `PATH=/usr/bin:/bin`.",
    );
  } else {
    const situations = [...new Set(lab.cases.map((c) => c.situation))];
    const parts: string[] = [];
    if (situations.includes('dockerfile')) parts.push("the Dockerfile's `RUN` lines each run as its own `/bin/sh -c`, in order, in an empty folder, with its `ENV` values set for the lines after them and Docker's default PATH (no container: `FROM` is this machine, paths under `/opt/` are the lab folder's `opt/`, and the venv the example creates is made for real)");
    if (situations.some((s) => s === 'sh' || s === 'bash')) parts.push(`the same steps as a shell script run by ${situations.filter((s) => s === 'sh' || s === 'bash').map((s) => `\`${s}\``).join(' and ')} (on Debian \`sh\` is dash)`);
    if (situations.includes('actions')) parts.push("the same steps as a GitHub Actions job, each `run:` step its own `bash -e` in order, with what earlier steps wrote to `$GITHUB_PATH` and `$GITHUB_ENV` (no runner)");
    if (situations.includes('make')) parts.push('the same steps as a Makefile recipe run by `make` (each recipe line its own `/bin/sh -c`)');
    out.push(`What \`venvguard lab ${code}\` runs: ${parts.join('; ')}.${lab.premadeVenv ? ' The scripts use a venv the lab makes first in `venv/` with `python3 -m venv venv`.' : ''}`);
  }
  out.push('pip is kept off the network and this machine\'s configuration (`PIP_NO_INDEX=1`, `PIP_CONFIG_FILE=/dev/null`, no version check).');
  for (const [name, text] of Object.entries(lab.files ?? {})) out.push(`\`${name}\`:`, fence(fileLanguage(name), text));
  return out.join('\n\n');
}

/** The output section without recorded runs: the claims the lab checks. */
export function claimsText(code: string, lab: RuleLab): string {
  return [
    `What the lab checks (\`venvguard lab ${code}\` runs it and prints the outputs):`,
    '',
    ...lab.cases.map((c) => `- ${c.example}, ${SITUATION_TEXT[c.situation]}: ${claimText(c.claim)}`),
  ].join('\n');
}

/** `output`: the "The output" section's body from a lab run (src/lab/page.ts); default: the claims. */
export function renderRuleDoc(rule: Rule, output?: string): string {
  const d = rule.docs;
  const sections: ConceptSection[] = [
    { heading: 'Mental model', body: d.mentalModel },
    { heading: 'The setup', body: setupText(rule.code, d) },
    { heading: 'What does this print?', body: `${d.question}\n\n**Answer.** ${d.answer}` },
    { heading: 'Broken code', body: d.example, language: d.exampleLanguage },
    { heading: 'The output', body: output ?? claimsText(rule.code, d.lab) },
    { heading: 'Why', body: d.why },
    { heading: 'Use instead', body: d.useInstead, language: d.exampleLanguage },
    { heading: 'How it fails in real systems', body: d.inRealSystems },
    { heading: 'Key takeaway', body: d.keyTakeaway },
    { heading: 'Common mistake', body: d.commonMistake },
    { heading: 'Fix safety', body: d.fixSafety },
  ];
  return renderConceptPage({
    title: `${rule.code} ${rule.name}`,
    lead: [`${rule.summary}.`, `Fix: ${rule.fixable === 'never' ? 'none' : rule.fixable === 'always' ? 'always available' : 'available in most cases'} (see *Fix safety*).`],
    sections,
    references: d.references,
  });
}
