/**
 * scripts/agreement.ts: the agreement of two reviews of the same findings (the corpus's second
 * review). Checked on tables whose kappa is known by hand.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agreement, agreementTable, type SecondVerdict as Verdict } from '../scripts/agreement.js';

const v = (i: number, verdict: Verdict['verdict'], code = 'VG101', p = `f${i}.py`): Verdict => ({ repo: 'r', path: p, line: i, code, verdict });

test('agreement: same verdict share and Cohen kappa per family, unsure and unmatched counted apart', () => {
  // Python: 20 both true, 5 first-only, 10 second-only, 15 both false (50 findings).
  const first: Verdict[] = [];
  const second: Verdict[] = [];
  let i = 0;
  const add = (n: number, a: Verdict['verdict'], b: Verdict['verdict'], code?: string, p?: (k: number) => string) => {
    for (let k = 0; k < n; k++, i++) {
      first.push(v(i, a, code, p?.(i)));
      second.push(v(i, b, code, p?.(i)));
    }
  };
  add(20, 'true', 'true');
  add(5, 'true', 'false');
  add(10, 'false', 'true');
  add(15, 'false', 'false');
  add(2, 'unsure', 'true');
  // Notebooks: perfect agreement. Configuration: agreement no better than chance.
  add(3, 'true', 'true', 'VG102', (k) => `n${k}.ipynb`);
  add(1, 'false', 'false', 'VG102', (k) => `n${k}.ipynb`);
  add(1, 'true', 'true', 'VG201', (k) => `c${k}.yml`);
  add(1, 'true', 'false', 'VG201', (k) => `c${k}.yml`);
  add(1, 'false', 'true', 'VG201', (k) => `c${k}.yml`);
  add(1, 'false', 'false', 'VG201', (k) => `c${k}.yml`);
  second.push(v(999, 'true'));
  // The third reader's decisions count only where the two disagree.
  Object.assign(second[20], { adjudication: 'second' });
  Object.assign(second[25], { adjudication: 'both' });
  Object.assign(second[0], { adjudication: 'first' });
  const [py, nb, cfg] = agreement(first, second);
  assert.deepEqual([py.tt, py.tf, py.ft, py.ff, py.unsure, py.unmatched], [20, 5, 10, 15, 2, 1]);
  assert.equal(py.agreement, 0.7);
  assert.deepEqual(py.adjudicated, { first: 0, second: 1, both: 1 });
  // chance = 0.5·0.6 + 0.5·0.4 = 0.5, so kappa = (0.7 − 0.5) / 0.5.
  assert.ok(Math.abs(py.kappa - 0.4) < 1e-12);
  assert.equal(py.firstPrecision, 0.5);
  assert.equal(py.secondPrecision, 0.6);
  assert.equal(nb.kappa, 1);
  assert.equal(cfg.agreement, 0.5);
  assert.equal(cfg.kappa, 0);
  assert.match(agreementTable([py]), /\| python \| 20 \| 5 \| 10 \| 15 \| 2 \| 70% \| 0\.40 \| 50% \| 60% \| 0 \/ 1 \/ 1 \|/);
});
