/**
 * Defects the fuzzer (test/fuzz.test.ts) found, each as the smallest real-world-shaped case.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, fixText } from '../src/api.js';
import type { Diagnostic } from '../src/kernel/diagnostic.js';

/** CPU milliseconds (this process, all threads) that `run` takes. */
async function cpuMs(run: () => Promise<unknown>): Promise<number> {
  const t = process.cpuUsage();
  await run();
  const u = process.cpuUsage(t);
  return (u.user + u.system) / 1000;
}

test('fuzz regression: thousands of activations in one job cost linear time, not one walk and judge of every later step each', async () => {
  // A workflow of n steps that activate and n that echo: each activation used to filter and judge
  // every later step (2,000 + 2,000 steps: 8.4 s, the fuzzer's 6,000 steps over its 4 s limit).
  // The job ends with `make`, which may start Python out of sight: each no-op activation is reported,
  // and finding that later command must not walk the echo steps once for each activation.
  const workflow = (n: number) =>
    `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n${'      - run: . v/bin/activate\n'.repeat(n)}${'      - run: echo done\n'.repeat(n)}      - run: make report\n`;
  const path = '.github/workflows/ci.yml';
  await checkText(workflow(50), { path }); // loads the parsers
  const small = await cpuMs(() => checkText(workflow(250), { path }));
  let diagnostics: Awaited<ReturnType<typeof checkText>> = [];
  const large = await cpuMs(async () => (diagnostics = await checkText(workflow(2000), { path })));
  assert.equal(diagnostics.filter((d) => d.code === 'VG202').length, 2000);
  // Eight times the steps: 5.8x here now, 15.8x before (the 250-pair run carries fixed costs).
  console.log(`250 pairs: ${Math.round(small)} ms CPU, 2,000 pairs: ${Math.round(large)} ms`);
  assert.ok(large < small * 10, `250 pairs took ${Math.round(small)} ms, 2,000 pairs ${Math.round(large)} ms`);
});

test('fuzz regression: applying thousands of fixes assembles the text once, with the same result as applying them one by one', async () => {
  const { applyFixes } = await import('../src/pipeline/apply-fixes.js');
  // The fuzzer's 6,000-step workflow had 3,000 fixes: each one copied the whole 180 KB text.
  const build = (n: number) => {
    const line = '      - run: . v/bin/activate\n';
    const text = line.repeat(n);
    const diagnostics = Array.from({ length: n }, (_, i) => {
      const at = i * line.length + line.indexOf('.');
      // A replacement, an insertion where it starts and one where it ends: the order edits keep.
      const edits = [{ start: at, end: at + 1, text: 'source' }, { start: at, end: at, text: '<' }, { start: at + 1, end: at + 1, text: '>' }];
      return { code: 'VG203', fix: { title: 't', applicability: 'safe' as const, edits } } as unknown as Diagnostic;
    });
    return { text, diagnostics };
  };
  const small = build(20);
  const fixed = applyFixes(small.text, small.diagnostics, false);
  assert.equal(fixed.applied, 20);
  assert.equal(fixed.text, '      - run: <source> v/bin/activate\n'.repeat(20));
  const few = build(1000);
  const many = build(8000);
  const t1 = await cpuMs(async () => applyFixes(few.text, few.diagnostics, false));
  const t2 = await cpuMs(async () => applyFixes(many.text, many.diagnostics, false));
  assert.equal(applyFixes(many.text, many.diagnostics, false).text, '      - run: <source> v/bin/activate\n'.repeat(8000));
  console.log(`1,000 fixes: ${Math.round(t1)} ms CPU, 8,000 fixes: ${Math.round(t2)} ms`);
  assert.ok(t2 < Math.max(t1, 5) * 30, `1,000 fixes took ${Math.round(t1)} ms, 8,000 fixes ${Math.round(t2)} ms`);
});

test('fuzz regression: a venv created and used in the same Actions step is fixed by its own program, not by $GITHUB_PATH (which only later steps read)', async () => {
  const path = '.github/workflows/ci.yml';
  const head = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n';
  // The fix loop used to append the same `echo … >> "$GITHUB_PATH"` ten times: pip still missed the venv.
  const same = `${head}      - run: python -m venv v && pip install x\n`;
  const fixed = await fixText(same, { path, unsafe: true });
  assert.equal(fixed, `${head}      - run: python -m venv v && v/bin/python -m pip install x\n`);
  assert.equal(await fixText(fixed, { path, unsafe: true }), fixed);
  assert.deepEqual(await checkText(fixed, { path }), []);
  // Created in an earlier step: the $GITHUB_PATH line there is the fix, written once.
  const later = `${head}      - run: python -m venv v\n      - run: pip install x\n`;
  const persisted = await fixText(later, { path, unsafe: true });
  assert.equal(persisted, `${head}      - run: python -m venv v && echo "$GITHUB_WORKSPACE/v/bin" >> "$GITHUB_PATH"\n      - run: pip install x\n`);
  assert.equal(await fixText(persisted, { path, unsafe: true }), persisted);
});

test('fuzz regression: a venv a step only activates (named, not created here) is the one its $GITHUB_PATH line puts on PATH', async () => {
  // Seed 20261203, input 122: the venv is created under an unknown ${{ }} path, `. venv/bin/activate`
  // names ./venv; the fix appended `echo "$GITHUB_WORKSPACE/venv/bin" >> "$GITHUB_PATH"`, but later
  // steps did not count a named venv as on PATH, so the finding stayed and --fix appended it ten times.
  const path = '.github/workflows/ci.yml';
  const code = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n    - run: python3 -m venv "${{ github.action_path }}/venv" && . venv/bin/activate\n    - run: pip install -r requirements.txt\n';
  const once = await fixText(code, { path, unsafe: true });
  assert.equal((once.match(/>> "\$GITHUB_PATH"/g) ?? []).length, 1, once);
  assert.deepEqual((await checkText(once, { path })).map((d) => d.code), []);
  assert.equal(await fixText(once, { path, unsafe: true }), once);
});
