/**
 * Defects the fuzzer (test/fuzz.test.ts) found, each as the smallest real-world-shaped case.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../src/api.js';

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
  const workflow = (n: number) =>
    `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n${'      - run: . v/bin/activate\n'.repeat(n)}${'      - run: echo done\n'.repeat(n)}`;
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
