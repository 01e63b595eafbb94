/**
 * One bad file never costs another file its findings. A Python file nested ~700 `if`s deep (250 KB,
 * one-space indents) made tree-sitter-python's scanner write past its state buffer: the WebAssembly
 * parser trapped ("memory access out of bounds") or silently answered wrongly from then on, and
 * every file checked after it in the same thread was an internal error or lost its findings. Each
 * run below puts the bad file first (it sorts first) before 20 files with one escape each, through
 * the CLI as a user runs it, on this thread (--jobs 1) and in a worker thread.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { JsonReport } from '../src/reporters/json.js';
import { CLI, tempDir } from './helpers.js';

const root = tempDir('venvguard-trap-');
after(() => fs.rmSync(root, { recursive: true, force: true }));

/** `levels` nested `if`s, one space deeper each, with a launch (a string: the scanner's trigger) innermost. */
function staircase(levels: number, minBytes = 0): string {
  const lines = ['import os'];
  for (let i = 0; i < levels || lines.join('\n').length < minBytes; i++) lines.push(`${' '.repeat(i)}if x${i}:`);
  lines.push(`${' '.repeat(lines.length - 1)}os.system("python deep.py")`);
  return lines.join('\n') + '\n';
}

function folder(name: string, bad: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'a_nested.py'), bad);
  for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `job${String(i).padStart(2, '0')}.py`), `import os\n\nos.system("python train${i}.py")\n`);
  return dir;
}

const MODES: { name: string; args: string[]; env: Record<string, string> }[] = [
  { name: '--jobs 1', args: ['--jobs', '1'], env: {} },
  // VG_PARALLEL_BYTES=1 sends every file that is left after reading to the worker threads.
  { name: 'worker threads', args: ['--jobs', '2'], env: { VG_PARALLEL_BYTES: '1' } },
];

function check(dir: string, args: string[], env: Record<string, string>): JsonReport {
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--no-config', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true', ...env },
  });
  assert.equal(r.signal, null, `killed (${r.signal}): it hung\n${r.stderr}`);
  assert.equal(r.status, 1, `exit ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout) as JsonReport;
}

/** The 20 escapes behind the bad file, each found where it is, and the bad file reported once. */
function assertContained(report: JsonReport, kind: string, message: RegExp): void {
  const found = report.diagnostics.map((d) => `${d.path}:${d.start.line}:${d.start.column} ${d.code}`).sort();
  assert.deepEqual(found, Array.from({ length: 20 }, (_, i) => `job${String(i).padStart(2, '0')}.py:3:12 VG101`));
  assert.equal(report.problems.length, 1, JSON.stringify(report.problems, null, 1));
  const [p] = report.problems;
  assert.equal(p.path, 'a_nested.py');
  assert.equal(p.kind, kind);
  assert.equal(p.partial, false);
  assert.match(p.message, message);
  assert.equal(report.summary.filesChecked, 20);
}

const tooDeep = folder('too-deep', staircase(0, 250_000));

for (const mode of MODES) {
  test(`parser trap: a 250 KB file of 699 nested ifs sorted first is one too-deep problem, 20 escapes behind it found (${mode.name})`, () => {
    assert.ok(fs.statSync(path.join(tooDeep, 'a_nested.py')).size >= 250_000);
    const report = check(tooDeep, mode.args, mode.env);
    assertContained(report, 'too-deep', /^too deeply nested to parse: 699 levels of indentation, over the 200 this checker parses \(CPython refuses 100\); skipped$/);
  });
}

// With the budget raised past the scanner's limit the same files reach the parser, so these runs
// check the containment itself: 699 levels traps in the parse (or later, in the same file's health
// check), 600 levels leaves the parser silently wrong, which the known-text check after the file
// catches. Either way the runtime is rebuilt before the next file.
const trapping = folder('trap-699', staircase(699));
const corrupting = folder('corrupt-600', staircase(600));
for (const mode of MODES) {
  for (const [name, dir] of [['699 levels', trapping], ['600 levels', corrupting]] as const) {
    test(`parser trap: with the nesting budget off, ${name} sorted first is one parser-crash problem and the parser is rebuilt for the 20 files after it (${mode.name})`, () => {
      const report = check(dir, mode.args, { ...mode.env, VG_MAX_INDENT_LEVELS: '100000' });
      assertContained(report, 'parser-crash', /^the parser (crashed on this file \(memory access out of bounds\)|was left damaged by this file); skipped, and the parser was restarted for the other files$/);
    });
  }
}

test('parser trap: the nesting budget counts indentation levels as the tokenizer does, and 199 levels still parse', () => {
  const dir = path.join(root, 'budget');
  fs.mkdirSync(dir);
  // Tabs count to the next multiple of 8, blank and comment lines do not open or close levels.
  fs.writeFileSync(path.join(dir, 'ok.py'), staircase(199).replace(/^ {8}/gm, '\t').replace(/:\n/g, ':\n\n# note\n'));
  const report = check(dir, ['--jobs', '1'], {});
  assert.deepEqual(report.problems, []);
  assert.deepEqual(report.diagnostics.map((d) => [d.code, d.start.line]), [['VG101', 1 + 199 * 3 + 1]]);
});
