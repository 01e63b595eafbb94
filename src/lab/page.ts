/**
 * Lab transcripts as the rule pages show them ("The output", written by `npm run docs` from a lab
 * run) and as `venvguard lab` prints them; and the recorded transcripts (docs/lab/transcripts.json)
 * that `venvguard explain` renders its pages with.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../kernel/own-package.js';
import type { LabRun, LabTranscript } from './transcript.js';

/** Where `npm run docs` records the transcripts the pages were written from. */
export const TRANSCRIPTS = 'docs/lab/transcripts.json';

const fence = (text: string) => '```\n' + text.replace(/\n?$/, '\n') + '```';

/** Runs of one example in one situation, grouped by identical command and output. */
function groups(runs: LabRun[]): Array<{ first: LabRun; interpreters: string[] }> {
  const out: Array<{ first: LabRun; interpreters: string[] }> = [];
  for (const r of runs) {
    const g = out.find((x) => x.first.command === r.command && x.first.output === r.output && x.first.exitCode === r.exitCode);
    if (g) g.interpreters.push(r.interpreter);
    else out.push({ first: r, interpreters: [r.interpreter] });
  }
  return out;
}

/** The body of a page's "The output" section, from a lab run. */
export function pageOutput(t: LabTranscript): string {
  const out: string[] = [];
  for (const example of ['broken', 'fixed'] as const) {
    const runs = t.runs.filter((r) => r.example === example);
    const situations = [...new Set(runs.map((r) => r.situation))];
    out.push(example === 'broken' ? '**The broken example**' : '**The fixed example**');
    for (const s of situations) {
      for (const g of groups(runs.filter((r) => r.situation === s))) {
        const lead = g.first.interpreter && /^\d/.test(g.first.interpreter) ? `Python ${g.interpreters.join(', ')}` : g.interpreters.join(', ');
        out.push(
          `${s}:`,
          fence(`$ ${g.first.command}\n${g.first.output}${g.first.output && !g.first.output.endsWith('\n') ? '\n' : ''}[exit ${g.first.exitCode}]`),
          `*${lead} on ${t.os}, recorded by \`venvguard lab ${t.code}\`.* The page's claim: ${g.first.claim}${g.first.agrees ? '' : ' — **this run disagrees**'}.`,
        );
      }
    }
  }
  return out.join('\n\n');
}

/** The transcripts the docs were written from; empty when none were recorded (or unreadable). */
export function recordedTranscripts(root = packageRoot(import.meta.url)): LabTranscript[] {
  if (!root) return [];
  try {
    return JSON.parse(fs.readFileSync(path.join(root, TRANSCRIPTS), 'utf8')) as LabTranscript[];
  } catch {
    return [];
  }
}

/** `venvguard lab`'s text report: every run with its output and the claim beside it, then the verdict. */
export function renderLabText(ts: LabTranscript[]): string {
  const out: string[] = [];
  for (const t of ts) {
    out.push(`${t.code} on ${t.os}, with ${t.interpreters.map((i) => `${i.path} (${i.version})`).join(', ')}`);
    for (const r of t.runs) {
      out.push(`  ${r.example} · ${r.situation} · ${r.interpreter}`, `    $ ${r.command}`);
      for (const l of r.output.replace(/\n$/, '').split('\n')) if (r.output) out.push(`    | ${l}`);
      out.push(`    [exit ${r.exitCode}]  claim: ${r.claim}  ${r.agrees ? '✓ agrees' : '✗ DISAGREES'}`);
    }
    const bad = t.runs.filter((r) => !r.agrees);
    out.push(
      bad.length
        ? `${t.code}: ${bad.length} of ${t.runs.length} runs disagree with the page: ${bad.map((r) => `${r.example}, ${r.situation}, ${r.interpreter}: ${r.claim}`).join('; ')}`
        : `${t.code}: all ${t.runs.length} runs agree with the page`,
      '',
    );
  }
  return out.join('\n');
}
