/**
 * Lab transcripts (`venvguard lab --all --format json`, src/lab/transcript.ts) as the site reads
 * them: checked field by field, so that a wrong or truncated file is a clear error naming the field,
 * and rendered as each rule page's "Lab transcript" section.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { LabRun, LabTranscript } from '../../src/lab/transcript.js';
import { esc } from './html.js';
import { renderInline } from './markdown.js';

export type { LabTranscript };

/** Bad input the site cannot be built from: a clear message, exit 1 (no stack trace). */
export class SiteError extends Error {}

export class LabsError extends SiteError {}

type Check = (v: unknown, at: string) => void;
const fail = (at: string, want: string, v: unknown): never => {
  throw new LabsError(`${at}: expected ${want}, got ${v === undefined ? 'nothing' : JSON.stringify(v)?.slice(0, 60)}`);
};
const str: Check = (v, at) => void (typeof v === 'string' || fail(at, 'a string', v));
const bool: Check = (v, at) => void (typeof v === 'boolean' || fail(at, 'true or false', v));
const int: Check = (v, at) => void (Number.isInteger(v) || fail(at, 'an integer', v));
const oneOf =
  (...values: string[]): Check =>
  (v, at) =>
    void (values.includes(v as string) || fail(at, values.map((x) => JSON.stringify(x)).join(' or '), v));
const array =
  (item: Check): Check =>
  (v, at) => {
    if (!Array.isArray(v)) fail(at, 'an array', v);
    (v as unknown[]).forEach((x, i) => item(x, `${at}[${i}]`));
  };
const object =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(at, 'an object', v);
    for (const [k, check] of Object.entries(fields)) check((v as Record<string, unknown>)[k], `${at}.${k}`);
  };

const RUN = object({ example: oneOf('broken', 'fixed'), situation: str, interpreter: str, command: str, claim: str, output: str, exitCode: int, agrees: bool });
const TRANSCRIPT = object({ code: str, ok: bool, os: str, interpreters: array(object({ path: str, version: str })), runs: array(RUN) });

/** The transcripts in `text` (one transcript or an array of them); `name` is the file, for errors. */
export function parseLabs(text: string, name: string): LabTranscript[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LabsError(`${name}: not JSON (${(e as Error).message}); expected the output of venvguard lab --all --format json`);
  }
  const list = Array.isArray(data) ? data : [data];
  array(TRANSCRIPT)(list, name);
  const seen = new Set<string>();
  for (const t of list as LabTranscript[]) {
    if (seen.has(t.code)) throw new LabsError(`${name}: two transcripts for ${t.code}`);
    seen.add(t.code);
  }
  return list as LabTranscript[];
}

export function readLabs(file: string): LabTranscript[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new LabsError(`cannot read the labs file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseLabs(text, file);
}

/**
 * Whether the CLI at `cli` has the `lab` command: its own help (`Usage: venvguard lab …`), not the
 * program's (which is what an unknown command's `--help` prints, exiting 0).
 */
export function hasLabCommand(cli: string): boolean {
  const r = spawnSync(process.execPath, [cli, 'lab', '--help'], { encoding: 'utf8' });
  return r.status === 0 && /^Usage: venvguard lab\b/m.test(r.stdout);
}

const EXAMPLES: { example: LabRun['example']; heading: string }[] = [
  { example: 'broken', heading: 'The broken example' },
  { example: 'fixed', heading: 'The fixed example (use instead)' },
];

/** A rule page's "Lab transcript" section body (its `##` heading is the page's). */
export function renderTranscript(t: LabTranscript): string {
  const disagree = t.runs.filter((r) => !r.agrees).length;
  const verdict = t.ok
    ? `<p class="verdict ok">Every output agrees with this page (${t.runs.length} runs).</p>`
    : `<p class="verdict bad">${disagree} of ${t.runs.length} runs disagree with this page.</p>`;
  const interpreters = t.interpreters.length
    ? `<ul class="interpreters">${t.interpreters.map((i) => `<li>Python ${esc(i.version)} <code>${esc(i.path)}</code></li>`).join('')}</ul>`
    : '';
  const parts = [
    `<p>Measured by <code>venvguard lab ${esc(t.code)}</code> on <strong>${esc(t.os)}</strong>${t.interpreters.length ? ', with a venv made by each of:' : '.'}</p>`,
    interpreters,
    verdict,
  ];
  for (const { example, heading } of EXAMPLES) {
    const runs = t.runs.filter((r) => r.example === example);
    if (runs.length === 0) continue;
    parts.push(`<h3>${esc(heading)}</h3>`, '<div class="runs">', ...runs.map(renderRun), '</div>');
  }
  return parts.join('\n');
}

function renderRun(r: LabRun): string {
  return [
    `<div class="run ${r.agrees ? 'agrees' : 'disagrees'}">`,
    `<p class="situation"><strong>${esc(r.situation)}</strong> · ${esc(r.interpreter)}</p>`,
    `<p class="claim">Claim: ${renderInline(r.claim)} <span class="mark">${r.agrees ? '✓ agrees' : '✗ disagrees'}</span></p>`,
    `<pre class="command"><code>$ ${esc(r.command)}</code></pre>`,
    `<pre class="output"><code>${esc(r.output) || '<span class="none">(no output)</span>'}</code></pre>`,
    `<p class="exit">exit code ${r.exitCode}</p>`,
    '</div>',
  ].join('\n');
}
