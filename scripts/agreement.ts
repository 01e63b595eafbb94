/**
 * How far two independent reviews of the same findings agree: corpus/verdicts.json (the first
 * review) against corpus/second-review.json (a second reviewer who saw the same criteria and the
 * repository, not the first verdict). Per family (Python files, notebooks, configuration) it prints
 * the 2×2 table, the share of findings both called the same, Cohen's kappa (agreement beyond what
 * the two reviewers' own rates of `true` would give by chance), and each reviewer's precision.
 * A finding either reviewer called `unsure` is counted apart. Where the two disagree, a third
 * reader who saw both reasons and checked them in the repository may have recorded which verdict the
 * criteria give (`adjudication`: first, second, or both defensible); those are counted per family
 * too. Not part of `npm test`'s corpus work: it reads only the two JSON files.
 *
 *   node dist/scripts/agreement.js [FIRST.json SECOND.json]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repositoryRoot } from '../src/kernel/own-package.js';
import type { Verdict as CorpusVerdict } from './corpus.js';

/** What a review says of one finding (corpus.ts's Verdict, reasons aside). */
export type Verdict = Pick<CorpusVerdict, 'repo' | 'path' | 'line' | 'code' | 'verdict'>;

/** A second review's verdict, with the third reader's decision where it disagrees with the first. */
export type SecondVerdict = Verdict & { adjudication?: 'first' | 'second' | 'both' };

export type Family = 'python' | 'notebook' | 'configuration';

export interface Agreement {
  family: Family;
  /** Both true, first true second false, first false second true, both false. */
  tt: number;
  tf: number;
  ft: number;
  ff: number;
  unsure: number;
  /** Second-review findings the first review has no verdict for. */
  unmatched: number;
  /** Disagreements the third reader gave to the first review, to the second, or found both defensible. */
  adjudicated: { first: number; second: number; both: number };
  agreement: number;
  kappa: number;
  firstPrecision: number;
  secondPrecision: number;
}

export function familyOf(v: Pick<Verdict, 'code' | 'path'>): Family {
  return v.code.startsWith('VG2') ? 'configuration' : v.path.endsWith('.ipynb') ? 'notebook' : 'python';
}

const key = (v: Pick<Verdict, 'repo' | 'path' | 'line' | 'code'>) => `${v.repo}\0${v.path}\0${v.line}\0${v.code}`;

/** The agreement of `second` with `first`, per family, in the order python, notebook, configuration. */
export function agreement(first: readonly Verdict[], second: readonly SecondVerdict[]): Agreement[] {
  const firstBy = new Map(first.map((v) => [key(v), v.verdict]));
  const out = new Map<Family, Agreement>();
  for (const family of ['python', 'notebook', 'configuration'] as const) {
    out.set(family, { family, tt: 0, tf: 0, ft: 0, ff: 0, unsure: 0, unmatched: 0, adjudicated: { first: 0, second: 0, both: 0 }, agreement: NaN, kappa: NaN, firstPrecision: NaN, secondPrecision: NaN });
  }
  for (const s of second) {
    const a = out.get(familyOf(s))!;
    const f = firstBy.get(key(s));
    if (f === undefined) a.unmatched++;
    else if (f === 'unsure' || s.verdict === 'unsure') a.unsure++;
    else {
      a[`${f[0]}${s.verdict[0]}` as 'tt' | 'tf' | 'ft' | 'ff']++;
      if (f !== s.verdict && s.adjudication) a.adjudicated[s.adjudication]++;
    }
  }
  for (const a of out.values()) {
    const n = a.tt + a.tf + a.ft + a.ff;
    if (!n) continue;
    const observed = (a.tt + a.ff) / n;
    const firstTrue = (a.tt + a.tf) / n;
    const secondTrue = (a.tt + a.ft) / n;
    const chance = firstTrue * secondTrue + (1 - firstTrue) * (1 - secondTrue);
    a.agreement = observed;
    a.kappa = chance === 1 ? 1 : (observed - chance) / (1 - chance);
    a.firstPrecision = firstTrue;
    a.secondPrecision = secondTrue;
  }
  return [...out.values()];
}

function percent(x: number): string {
  return Number.isNaN(x) ? '-' : `${(100 * x).toFixed(0)}%`;
}

/** A Markdown table of `rows`. */
export function agreementTable(rows: readonly Agreement[]): string {
  const lines = [
    '| family | both true | first true, second false | first false, second true | both false | unsure | same verdict | kappa | precision, first | precision, second | disagreements given to first / second / both |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const a of rows) {
    const adj = a.adjudicated;
    lines.push(`| ${a.family} | ${a.tt} | ${a.tf} | ${a.ft} | ${a.ff} | ${a.unsure} | ${percent(a.agreement)} | ${Number.isNaN(a.kappa) ? '-' : a.kappa.toFixed(2)} | ${percent(a.firstPrecision)} | ${percent(a.secondPrecision)} | ${adj.first} / ${adj.second} / ${adj.both} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = repositoryRoot(import.meta.url);
  const [firstFile, secondFile] = process.argv.length >= 4 ? process.argv.slice(2, 4) : [path.join(root, 'corpus/verdicts.json'), path.join(root, 'corpus/second-review.json')];
  const read = (f: string): SecondVerdict[] => JSON.parse(fs.readFileSync(f, 'utf8'));
  const rows = agreement(read(firstFile), read(secondFile));
  console.log(agreementTable(rows));
  const unmatched = rows.reduce((n, a) => n + a.unmatched, 0);
  if (unmatched) console.log(`\n${unmatched} second-review findings have no first verdict.`);
}
