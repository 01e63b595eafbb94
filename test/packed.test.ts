/**
 * A run's findings kept packed until the report (src/pipeline/packed.ts): made into objects again
 * they are the same findings, key for key, and the CLI's report made from the packed list is the
 * report made from the API's array.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { check, checkForReport, checkText } from '../src/api.js';
import type { Diagnostic } from '../src/kernel/diagnostic.js';
import { codesOf, pack, PackedList, StringTable, unpack } from '../src/pipeline/packed.js';
import { chunkedReporters } from '../src/reporters/index.js';
import { writeProject } from './helpers.js';

const OPTIONS = { color: false, showFixes: 'all' as const, unsafeFixesEnabled: false, version: '0' };

/** Findings of every part the format holds: remedies, data, related locations, fixes with reasons and several edits. */
async function realFindings(): Promise<Diagnostic[]> {
  const shell = await checkText('import os\n\ndef f0():\n    os.system("python a0.py")\n', { path: 'shell.py' });
  const named = await checkText('import subprocess\nPY = "python"\n\ndef f0():\n    subprocess.run([PY, "a0.py"])\n', { path: 'named.py' });
  const make = await checkText('venv:\n\tpython3 -m venv .venv\n\ntest: venv\n\t. .venv/bin/activate\n\tpytest\n', { path: 'Makefile' });
  const docker = await checkText('FROM python:3.12\nRUN python -m venv /opt/venv\nRUN pip install flask\n', { path: 'Dockerfile' });
  return [...shell, ...named, ...make, ...docker];
}

test('packed: real findings come back key for key (remedy, data, related, fixes, edits), codes read without unpacking', async () => {
  const found = await realFindings();
  assert.ok(found.length >= 5, `${found.length} findings`);
  assert.ok(found.some((d) => d.related.length) && found.some((d) => d.fix?.reason) && found.some((d) => (d.fix?.edits.length ?? 0) > 1), 'the sample has every part');
  const p = pack(found, new StringTable());
  assert.ok(p.ints, 'packed, not kept as objects');
  assert.deepStrictEqual(unpack(p), found);
  assert.deepEqual(codesOf(p), found.map((d) => d.code));
  // New objects each time: a change to one does not reach the pack.
  const once = unpack(p);
  once[0].start.line = 999;
  assert.notEqual(unpack(p)[0].start.line, 999);
});

test('packed: keys present as undefined stay present, absent keys stay absent; what the format cannot hold is kept as it is', () => {
  const base: Diagnostic = { code: 'VG101', rule: 'r', severity: 'warning', message: 'm', path: 'a.py', span: { start: 0, end: 1 }, start: { line: 1, column: 1 }, end: { line: 1, column: 2 }, related: [{ message: 'there', path: 'ci.yml', span: { start: 3, end: 3 }, start: { line: 2, column: 1 }, end: { line: 2, column: 1 } }] };
  const shapes: Diagnostic[] = [
    base,
    { ...base, fix: undefined, messageId: undefined, data: undefined, remedy: undefined },
    { ...base, data: {}, fix: { title: 't', applicability: 'display-only', edits: [] } },
    { ...base, fix: { title: 't', applicability: 'unsafe', reason: undefined, edits: [{ start: 0, end: 0, text: '' }] } },
  ];
  const table = new StringTable();
  for (const d of shapes) {
    const p = pack([d], table);
    assert.ok(p.ints);
    assert.deepStrictEqual(unpack(p), [d]);
  }
  for (const odd of [{ ...base, extra: 1 }, { ...base, span: { start: 0.5, end: 1 } }, { ...base, span: { start: 0, end: 2 ** 40 } }, { ...base, data: { n: 3 } }] as unknown as Diagnostic[]) {
    const p = pack([base, odd], table);
    assert.equal(p.ints, undefined, JSON.stringify(odd));
    assert.deepStrictEqual(unpack(p), [base, odd]);
  }
});

test('packed: the CLI\'s report from the packed list is the report from the API\'s array, in every format', async () => {
  const dir = writeProject('venvguard-packed-', {
    'b/tool.py': 'import os\nos.system("python x.py")\nos.system("python x.py")\n',
    'a/run.py': 'import subprocess\nsubprocess.run(["pytest"])\n',
    'Makefile': 'venv:\n\tpython3 -m venv .venv\n\ntest: venv\n\tpip install -e .\n',
    'c/clean.py': 'print(1)\n',
  });
  try {
    const opts = { paths: [dir], cwd: dir, noConfig: true };
    const api = await check(opts);
    const cli = await checkForReport(opts);
    assert.ok(cli.diagnostics instanceof PackedList);
    assert.equal(cli.diagnostics.length, api.diagnostics.length);
    assert.ok(api.diagnostics.length >= 4);
    assert.deepStrictEqual([...cli.diagnostics], api.diagnostics);
    for (const [format, render] of Object.entries(chunkedReporters)) {
      const strip = (s: string) => s.replace(/"durationMs": [\d.]+/g, '').replace(/"(start|end)TimeUtc": "[^"]*"/g, '');
      assert.equal(strip([...render(cli, OPTIONS)].join('')), strip([...render(api, OPTIONS)].join('')), format);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
