/**
 * Linear in the input, checked by counting work instead of timing it (a timed test would fail on
 * a busy machine and pass a quadratic regression on a fast one).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../src/api.js';
import { lookupStats } from '../src/frontends/python/scopes.js';

/**
 * Real-world shape: modules concatenated into one big file (a vendored bundle, a generated
 * module), so the same module-level names (`__all__`, `_log`, `CMD`) are bound again and again,
 * each time followed by code that reads them.
 */
function bundle(copies: number): string {
  let code = 'import subprocess\n';
  for (let i = 0; i < copies; i++) {
    code += `__all__ = ["run_${i}"]\nCMD = ["pip", "install", "pkg${i}"]\n\n\ndef run_${i}():\n    return subprocess.run(CMD, check=True)\n\n\nsubprocess.run(CMD)\n`;
  }
  return code;
}

test('python scale: a name bound n times at module level costs each lookup O(1) events, not O(n) (event count, not time)', async () => {
  const count = async (copies: number) => {
    const before = lookupStats.events;
    const diagnostics = await checkText(bundle(copies), { path: 'bundle.py' });
    assert.equal(diagnostics.filter((d) => d.code === 'VG103' || /pip/.test(d.message)).length > 0, true, 'the escapes are found');
    return { events: lookupStats.events - before, diagnostics: diagnostics.length };
  };
  const small = await count(50);
  const large = await count(400);
  assert.equal(large.diagnostics, small.diagnostics * 8, 'every copy is still reported');
  // Linear: 8× the copies, 8× the events (with slack); before the fix each lookup replayed every
  // earlier binding of the name: ~64×.
  assert.ok(large.events <= small.events * 12, `${small.events} events for 50 copies, ${large.events} for 400`);
});
