/**
 * Writes docs/rules/<name>.md and docs/rules/README.md from the rules' own metadata — their
 * "The output" sections from a fresh `venvguard lab --all` run here, recorded in
 * docs/lab/transcripts.json (stops without writing when a run disagrees with its page) — and
 * docs/doctor/<code>.md and docs/doctor/README.md from the doctor codes' pages (src/env/pages).
 */
import fs from 'node:fs';
import path from 'node:path';
import { RULES } from '../src/rules/index.js';
import { renderRuleDoc } from '../src/rules/docs.js';
import { runLabs } from '../src/lab/lab.js';
import { pageOutput, recordedTranscripts, renderLabText, TRANSCRIPTS } from '../src/lab/page.js';
import { FINDING_CODES } from '../src/env/finding.js';
import { doctorIndex, FINDING_DOCS, renderFindingDoc } from '../src/env/finding-docs.js';
import { repositoryRoot } from '../src/kernel/own-package.js';

const root = repositoryRoot(import.meta.url);
const dir = path.join(root, 'docs/rules');
fs.mkdirSync(dir, { recursive: true });
// --recorded: re-render the pages from docs/lab/transcripts.json without running the labs again
// (for a change of a page's prose; a change of an example or a claim needs the full run).
const useRecorded = process.argv.includes('--recorded');
let transcripts: Awaited<ReturnType<typeof runLabs>>;
if (useRecorded) {
  transcripts = recordedTranscripts(root);
  const missing = RULES.filter((r) => !transcripts.some((t) => t.code === r.code)).map((r) => r.code);
  if (missing.length) {
    process.stderr.write(`generate-docs --recorded: no recorded lab run for ${missing.join(', ')}; run it without --recorded\n`);
    process.exit(1);
  }
} else {
  console.log('running every rule\'s lab (venvguard lab --all)…');
  transcripts = await runLabs(RULES, { onRule: (c) => console.log(`  ${c}`) });
  const wrong = transcripts.filter((t) => !t.ok);
  if (wrong.length) {
    process.stderr.write(renderLabText(wrong));
    process.stderr.write(`generate-docs: ${wrong.map((t) => t.code).join(', ')}: an output disagrees with its page; nothing written\n`);
    process.exit(1);
  }
  fs.mkdirSync(path.join(root, path.dirname(TRANSCRIPTS)), { recursive: true });
  fs.writeFileSync(path.join(root, TRANSCRIPTS), JSON.stringify(transcripts, null, 2) + '\n');
}
for (const r of RULES) fs.writeFileSync(path.join(dir, `${r.name}.md`), renderRuleDoc(r, pageOutput(transcripts.find((t) => t.code === r.code)!)));
const index = ['# Rules', '', '| Code | Name | Fix | Summary |', '| --- | --- | --- | --- |', ...RULES.map((r) => `| ${r.code} | [${r.name}](${r.name}.md) | ${r.fixable} | ${r.summary} |`), ''];
fs.writeFileSync(path.join(dir, 'README.md'), index.join('\n'));
console.log(`wrote ${RULES.length} rule pages to ${path.relative(process.cwd(), dir) || dir}`);

const doctorDir = path.join(root, 'docs/doctor');
fs.mkdirSync(doctorDir, { recursive: true });
const codes = Object.keys(FINDING_CODES).filter((c) => FINDING_DOCS[c]);
for (const code of codes) fs.writeFileSync(path.join(doctorDir, `${code}.md`), renderFindingDoc(code));
fs.writeFileSync(path.join(doctorDir, 'README.md'), doctorIndex());
console.log(`wrote ${codes.length} doctor pages to ${path.relative(process.cwd(), doctorDir) || doctorDir}`);
