/**
 * The notebook front end: cells read from the JSON with each character's offset (escapes
 * included), IPython's shell escapes and cell magics, the cells' Python through the Python front
 * end, the kernel as the environment, fixes written back into the JSON byte for byte, and bad
 * input (invalid JSON, nbformat 2, budgets) reported as such; nbformat 3 read.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkText, fixText } from '../../src/api.js';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { notebookFrontEnd } from '../../src/frontends/notebook/index.js';
import { loadParsers } from '../../src/frontends/tree-sitter.js';
import { SourceFile } from '../../src/kernel/source.js';
import { checkSource } from '../../src/pipeline/check-file.js';
import { loadConfig } from '../../src/pipeline/config.js';
import { buildSettings, contextFromSettings } from '../../src/pipeline/context.js';
import type { Diagnostic } from '../../src/kernel/diagnostic.js';
import { runCli, tempDir } from '../helpers.js';

type Cell = { type?: 'code' | 'markdown' | 'raw'; source: string | string[]; outputs?: unknown[] };

/** A notebook as Jupyter writes it: one-space indent, list-form sources, a final newline. */
function nb(cells: Cell[], metadata: Record<string, unknown> = { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } }): string {
  const json = {
    cells: cells.map((c) =>
      (c.type ?? 'code') === 'code'
        ? { cell_type: 'code', execution_count: null, metadata: {}, outputs: c.outputs ?? [], source: c.source }
        : { cell_type: c.type, metadata: {}, source: c.source },
    ),
    metadata,
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(json, null, 1)}\n`;
}

/** Jupyter's list form: one element per line, each but the last ending in \n. */
const lines = (s: string): string[] => s.split(/(?<=\n)/);

async function check(text: string, select?: string[]): Promise<{ diagnostics: Diagnostic[]; problems: ReturnType<typeof checkSource>['problems'] }> {
  await loadParsers();
  const ctx = contextFromSettings(buildSettings(loadConfig({ start: process.cwd(), noConfig: true }), { select }));
  return checkSource(new SourceFile('nb/explore.ipynb', text), ctx);
}

/** Each finding as `CODE text-it-points-at line:column`. */
async function found(text: string, select?: string[]): Promise<string[]> {
  const { diagnostics } = await check(text, select);
  return diagnostics.map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)} ${d.start.line}:${d.start.column}`);
}

test('notebook claims: .ipynb, not the copies in .ipynb_checkpoints', () => {
  for (const p of ['explore.ipynb', 'nb/Train.IPYNB']) assert.equal(claimingFrontEnd(p), notebookFrontEnd, p);
  for (const p of ['nb/.ipynb_checkpoints/explore-checkpoint.ipynb', 'explore.ipynb.json', 'x.py']) assert.notEqual(claimingFrontEnd(p), notebookFrontEnd, p);
});

test('notebook positions: findings point at the bytes of the .ipynb, past JSON escapes, in list and string form', async () => {
  // `\"`, `\\`, `\u00e9` and `\t` before the program on the same JSON line, in both source forms.
  const code = 'x = "caf\u00e9 \\\\ \t"; import subprocess\nsubprocess.run(["pip", "install", "caf\u00e9"])\n!pip install "a>=1"\n';
  const listForm = nb([{ source: lines(code) }]).replace('caf\u00e9 ', 'caf\\u00e9 ');
  assert.ok(listForm.includes('\\"caf\\u00e9 \\\\\\\\ \\t\\"'), 'the escapes are in the file');
  assert.deepEqual(await found(listForm), ['VG102 \\"pip\\" 10:22', 'VG102 pip 11:7']);
  const stringForm = nb([{ source: code }]);
  const lineOf = stringForm.split('\n').findIndex((l) => l.includes('"source"')) + 1;
  const at = (needle: string) => stringForm.split('\n')[lineOf - 1].indexOf(needle) + 1;
  assert.deepEqual(await found(stringForm), [`VG102 \\"pip\\" ${lineOf}:${at('[\\"pip') + 1}`, `VG102 pip ${lineOf}:${at('!pip') + 1}`]);
});

test('notebook shell escapes: !, indented !, x = !, !!, %system, %sx, continued lines', async () => {
  const text = nb([
    { source: lines('!pip install pandas\nif True:\n    !python prepare.py\nfiles = !pytest --collect-only -q\n!!pip list\n%system pip3 freeze\nout = %sx python3 -c "import numpy"\n!pip install \\\n    requests\n') },
    // The kernel imports what the cells install (a notebook that imports nothing is a chain of PATH's tools: unseen19-precision).
    { source: lines('import pandas as pd\n') },
  ]);
  assert.deepEqual(await found(text), [
    'VG102 pip 9:7',
    'VG101 python 11:11',
    'VG103 pytest 12:15',
    'VG102 pip 13:8',
    'VG102 pip3 14:14',
    'VG101 python3 15:16',
    'VG102 pip 16:7',
  ]);
});

test("notebook `x = !cmd` with any target IPython takes: a tuple (OWID's `(repos_json,) = !gh repo list …`), an attribute, a subscript", async () => {
  const text = nb([{ source: lines('(repos_json,) = !gh repo list -L 1000 --json url open-numbers\nstate.reqs = !pip freeze\nout["x"] = !python -V\na, b = !python3 job.py\n') }, { source: lines('import pandas\n') }]);
  const r = await check(text);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.diagnostics.map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`), ['VG102 pip', 'VG101 python3']);
});

test('notebook cell magics: %%bash, %%sh and %%script bash bodies run in the shell model; %%script PROGRAM starts PROGRAM; %%capture bodies are IPython; others are not Python', async () => {
  const text = nb([
    { source: lines('%%bash\nset -e\ncd /tmp && pip install x\n') },
    { source: lines('%%sh\npython3 run.py\n') },
    { source: lines('%%script bash --bg\npytest -q\n') },
    { source: lines('%%script python3\nprint(1)\n') },
    { source: lines('%%capture\n!pip install quiet\n') },
    { source: lines('%%writefile run.sh\npip install x\n') },
    { source: lines('%%bash\nsource .venv/bin/activate\npip install x\n') },
    { source: lines('import x\n') },
  ]);
  assert.deepEqual(
    (await found(text)).map((f) => f.replace(/ \d+:\d+$/, '')),
    ['VG102 pip', 'VG101 python3', 'VG103 pytest', 'VG101 python3', 'VG102 pip'],
  );
});

test('notebook: what is not a launch is not read as one', async () => {
  const text = nb(
    [
      { type: 'markdown', source: lines('Run `!pip install x` first:\n\n    !python train.py\n') },
      { type: 'raw', source: '!pip install x' },
      { source: lines('s = """\n!pip install x\n"""\n%pip install pandas\n%matplotlib inline\nobj?\n!{sys.executable} -m pip install x\n!source .venv/bin/activate && pip install x\nimport sys\nimport subprocess\nsubprocess.run([sys.executable, "-m", "pytest"])\n!python --version\nx = a != b\n'), outputs: [{ output_type: 'stream', name: 'stdout', text: ['!pip install x\n', '$ python train.py\n'] }] },
    ],
  );
  assert.deepEqual(await found(text), []);
  const r = nb([{ source: '!pip install x' }], { kernelspec: { language: 'R', name: 'ir', display_name: 'R' } });
  assert.deepEqual(await found(r), [], 'an R kernel has no IPython escapes');
});

test('notebook Python: the cells are one module in order (a constant of one cell, the launch in another)', async () => {
  const text = nb([
    { source: lines('import subprocess\nPIP = "pip"\n') },
    { type: 'markdown', source: '# install' },
    { source: lines('!ls\nsubprocess.check_call([PIP, "install", "-r", "requirements.txt"])\n') },
  ]);
  // Reported at the call, the constant's place in the first cell related to it (as in a .py file).
  const { diagnostics } = await check(text);
  assert.deepEqual(diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`), ['VG102 25:6']);
  assert.deepEqual(diagnostics[0].related.map((r) => `${text.slice(r.span.start, r.span.end)} ${r.start.line}:${r.start.column}`), ['\\"pip\\" 10:12']);
});

test('notebook policy: installing with PATH pip and running PATH python is no consistent chain in a kernel that imports what they install; %env PATH holds findings back', async () => {
  // In a .py file this pair is held back (path-chain); the kernel imports what the cell installs.
  const text = nb([{ source: lines('!pip install -r requirements.txt\n!python train.py\n!nvcc --version\n') }, { source: lines('import torch\n') }]);
  assert.deepEqual((await found(text)).map((f) => f.split(' ')[0]), ['VG102', 'VG101']);
  // A kernel that imports only the standard library (or nothing) relies on none of it: the chain holds.
  assert.deepEqual(await found(nb([{ source: lines('!pip install -r requirements.txt\n!python train.py\n') }, { source: lines('import os, json\n') }])), []);
  const set = nb([{ source: lines('%env PATH=/opt/venv/bin:/usr/bin:/bin\n!pip install x\n') }]);
  assert.deepEqual(await found(set), []);
  assert.deepEqual((await found(set, ['VG106'])).map((f) => f.split(' ')[0]), ['VG106']);
});

test('notebook suppressions: # noqa on the line of the escape', async () => {
  const text = nb([{ source: lines('!pip install x  # noqa: VG102\n!pip install y\n') }]);
  assert.deepEqual(await found(text), ['VG102 pip 10:7']);
});

/** The one region where `a` and `b` differ: [prefix, removed, added]. */
function changed(a: string, b: string): [number, string, string] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return [p, a.slice(p, a.length - s), b.slice(p, b.length - s)];
}

test('notebook fixes: !pip → %pip and !tool → !{sys.executable} -m module, only the fixed bytes change, JSON re-parses, a second fix changes nothing', async () => {
  const text = nb([{ source: lines('import os\n') }, { source: lines('!pip install -q pandas "numpy>=1.26"\n! pip install x\n!python -m pip list\n!pytest -x tests\n!cd src && python3 run.py\n!python run.py {args}\n') }, { source: lines('import pandas as pd\n') }]);
  // Safe: `python -m pip` → `%pip` (only the interpreter changes). Not safe: `pip` → `%pip` is
  // `sys.executable -m pip` (VG102's -m caveat); {sys.executable} is substituted unquoted.
  const safe = await fixText(text, { path: 'explore.ipynb' });
  assert.equal(safe, text.replace('!python -m pip list', '%pip list'));
  const fixed = await fixText(text, { path: 'explore.ipynb', unsafe: true });
  const cells = JSON.parse(fixed).cells;
  assert.deepEqual(cells[0].source, ['import sys\n', 'import os\n']);
  assert.deepEqual(cells[1].source, [
    '%pip install -q pandas "numpy>=1.26"\n',
    '%pip install x\n',
    '%pip list\n',
    '!{sys.executable} -m pytest -x tests\n',
    '!cd src && {sys.executable} run.py\n',
    '!python run.py {args}\n',
  ]);
  // Outside the fixed words, the notebook is byte for byte what it was (indent, key order, final newline).
  const unfixed = fixed
    .replace('"import sys\\n",\n    ', '')
    .replace('%pip install -q', '!pip install -q')
    .replace('%pip install x', '! pip install x')
    .replace('%pip list', '!python -m pip list')
    .replace('{sys.executable} -m pytest', 'pytest')
    .replace('{sys.executable} run.py', 'python3 run.py');
  assert.equal(unfixed, text);
  assert.equal(await fixText(fixed, { path: 'explore.ipynb', unsafe: true }), fixed, 'idempotent');
  assert.deepEqual(await found(fixed), ['VG101 python 24:7'], 'only the line IPython would not expand is left');
});

test('notebook fixes in string form and in Python code: JSON escapes written, one region changed', async () => {
  const text = nb([{ source: 'import subprocess\nsubprocess.run(["pytest", "-q"])' }]);
  const fixed = await fixText(text, { path: 'a.ipynb', unsafe: true });
  assert.equal(JSON.parse(fixed).cells[0].source, 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "-m", "pytest", "-q"])');
  const [, removed] = changed(text, fixed);
  assert.ok(removed.length <= 'subprocess.run([\\"pytest'.length, `only the fixed bytes change: ${JSON.stringify(removed)}`);
  assert.equal(await fixText(fixed, { path: 'a.ipynb', unsafe: true }), fixed);
  // A hand-written notebook: two-space indent, no final newline, keys in another order.
  const hand = '{"nbformat": 4, "nbformat_minor": 2, "metadata": {}, "cells": [\n  {"source": ["!pip install x"], "cell_type": "code", "outputs": [], "metadata": {}, "execution_count": null}\n]}';
  const handFixed = await fixText(hand, { path: 'a.ipynb', unsafe: true });
  assert.equal(handFixed, hand.replace('!pip', '%pip'));
});

test('notebook real-world shapes: ultralytics/yolov5 tutorial and huggingface/notebooks course cells', async () => {
  // ultralytics/yolov5 tutorial.ipynb (detect cell) and huggingface/notebooks transformers_doc (install cell), cut to the lines that matter.
  const text = nb([
    { source: lines('! pip install transformers datasets evaluate accelerate\n# To install from source instead of the last release, comment the command above and uncomment the following one.\n# ! pip install git+https://github.com/huggingface/transformers.git\n') },
    { source: lines('!python detect.py --weights yolov5s.pt --img 640 --conf 0.25 --source data/images\n# display.Image(filename=\'runs/detect/exp/zidane.jpg\', width=600)\n') },
    { source: lines('import torch\nimport utils\n') },
  ]);
  assert.deepEqual(await found(text), ['VG102 pip 9:8', 'VG101 python 20:7']);
  const fixed = await fixText(text, { path: 'tutorial.ipynb', unsafe: true });
  // No cell of imports before the detect cell: `import sys` opens the detect cell itself, which runs whenever its line does.
  assert.deepEqual(JSON.parse(fixed).cells.map((c: { source: string[] }) => c.source[0]), ['%pip install transformers datasets evaluate accelerate\n', 'import sys\n', 'import torch\n']);
  assert.equal(JSON.parse(fixed).cells[1].source[1], '!{sys.executable} detect.py --weights yolov5s.pt --img 640 --conf 0.25 --source data/images\n');
});

test('notebook bad input: invalid JSON, nbformat 3, not a notebook, a source that is not text — clear problems, never a clean pass', async () => {
  const bad = await check('{"cells": [}');
  assert.equal(bad.problems.length, 1);
  assert.equal(bad.problems[0].kind, 'syntax');
  assert.equal(bad.problems[0].partial, false);
  assert.match(bad.problems[0].message, /^not valid JSON: unexpected "}", expected a value \(at 1:12\); not checked$/);
  // nbformat 3 (IPython 1 and 2; Jupyter still opens it) is read: its worksheets' cells, a code cell's `input` (desispec's doc/nb).
  const v3 = await check(JSON.stringify({ metadata: {}, nbformat: 3, nbformat_minor: 0, worksheets: [{ cells: [{ cell_type: 'markdown', source: ['# x'] }, { cell_type: 'code', language: 'python', input: ['!pip install x'] }] }, { cells: [{ cell_type: 'code', input: 'import os\n!pip install y' }] }] }));
  assert.deepEqual(v3.problems, []);
  assert.deepEqual(v3.diagnostics.map((d) => `${d.code} ${d.message.slice(0, 5)}`), ['VG102 "pip"', 'VG102 "pip"']);
  assert.match((await check(JSON.stringify({ metadata: {}, nbformat: 2, nbformat_minor: 0, worksheets: [] }))).problems[0].message, /^nbformat 2 notebook: only nbformat 3 and 4 are read/);
  assert.match((await check(JSON.stringify({ metadata: {}, nbformat: 3, nbformat_minor: 0 }))).problems[0].message, /^not an nbformat 3 notebook: no "worksheets" list/);
  assert.match((await check('[1, 2]')).problems[0].message, /not a Jupyter notebook/);
  assert.match((await check('{"cells": []}')).problems[0].message, /no "nbformat"/);
  const odd = nb([{ source: lines('!pip install x\n') }]).replace('"cells": [', '"cells": [{"cell_type": "code", "source": 42}, ');
  const r = await check(odd);
  assert.equal(r.diagnostics.length, 1, 'the other cells are still checked');
  assert.equal(r.problems[0].partial, true);
  assert.match(r.problems[0].message, /cell 1: its "source" is not a string or a list of strings/);
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'broken.ipynb'), '{"cells": [');
  const cli = runCli(['check', dir]);
  assert.equal(cli.code, 3, cli.stdout + cli.stderr);
  assert.match(cli.stdout + cli.stderr, /broken\.ipynb.*not valid JSON/);
});

test('notebook budgets: cells and code source size', async () => {
  const many = JSON.stringify({ cells: Array.from({ length: 10_001 }, (_, k) => ({ cell_type: k ? 'markdown' : 'code', metadata: {}, source: k ? '' : '!pip install x' })), metadata: {}, nbformat: 4, nbformat_minor: 5 });
  await assert.rejects(check(many), /more cells in one notebook than the budget of 10,000 \(notebook-cells\)/);
  const big = nb([{ source: `!pip install x\n${'x = 1\n'.repeat(180_000)}` }]);
  await assert.rejects(check(big), /notebook-source-size/);
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'many.ipynb'), many);
  const cli = runCli(['check', dir]);
  assert.equal(cli.code, 3, cli.stdout + cli.stderr);
  assert.match(cli.stdout + cli.stderr, /many\.ipynb.*too complex.*notebook-cells/);
  // Outputs do not count: 3 MB of output text beside a small cell is read.
  const outputs = nb([{ source: '!pip install x', outputs: [{ output_type: 'stream', name: 'stdout', text: ['y'.repeat(3 * 1024 * 1024)] }] }]);
  assert.deepEqual((await check(outputs)).diagnostics.map((d) => d.code), ['VG102']);
});

test('notebook budgets are counted before anything is built, and the checks keep their order: the whole file must be JSON, then nbformat 4, then the cells within the budget', async () => {
  const cells = (n: number) => Array.from({ length: n }, () => ({ cell_type: 'markdown', metadata: {}, source: '' }));
  // nbformat is written after the cells: still the first thing reported, before the cells' number.
  const v5 = JSON.stringify({ cells: cells(10_001), metadata: {}, nbformat: 5, nbformat_minor: 0 });
  assert.match((await check(v5)).problems[0].message, /nbformat 5 notebook: only nbformat 3 and 4 are read/);
  // JSON broken after 10,001 cells: reported as not JSON, not as too many cells.
  const broken = JSON.stringify({ cells: cells(10_001), metadata: {}, nbformat: 4, nbformat_minor: 5 }).replace(/\}$/, ',}');
  const r = await check(broken);
  assert.match(r.problems[0].message, /not valid JSON/);
  // The last "cells" member is the notebook's, as JSON.parse keeps: its number is the one counted.
  const twice = `{"cells": ${JSON.stringify(cells(10_001))}, "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "!pip install x"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}`;
  assert.deepEqual((await check(twice)).diagnostics.map((d) => d.code), ['VG102']);
  const { parseJson, parseJsonAt, decodeString, decodedLength } = await import('../../src/frontends/notebook/json.js');
  // Skipped values are checked as JSON and kept as spans: an array keeps its number of items only.
  const text = '{"a": [1, {"b": [true, null]}, "x"], "c": {"d": "\\u00e9"}, "e": 2}';
  const v = parseJson(text, { members: { a: 'skip', c: { members: { d: 'all' } } } });
  assert.equal(v.kind, 'object');
  if (v.kind !== 'object') return;
  assert.deepEqual(v.entries.map(([k, x]) => [k, x.kind]), [['a', 'skipped'], ['c', 'object']]);
  const a = v.entries[0][1];
  assert.deepEqual(a.kind === 'skipped' && [a.of, a.items, text.slice(a.start, a.end)], ['array', 3, '[1, {"b": [true, null]}, "x"]']);
  const again = parseJsonAt(text, a.start);
  assert.deepEqual(again.kind === 'array' && [again.start, again.end, again.items.map((x) => x.kind)], [a.start, a.end, ['number', 'object', 'string']]);
  assert.throws(() => parseJson('{"a": [1, {"b": [tru]}]}', { members: {} }), /expected a value/);
  // A list of strings kept as spans in one typed array; a list holding anything else is skipped.
  const strs = parseJson('[ "a", "\\n" ,""]', 'strings');
  assert.deepEqual(strs.kind === 'strings' && [...strs.spans], [2, 5, 7, 11, 13, 15]);
  const mixed = parseJson('["a", 1, "b"]', 'strings');
  assert.deepEqual(mixed.kind === 'skipped' && [mixed.of, mixed.items], ['array', 3]);
  assert.throws(() => parseJson('["a", tru]', 'strings'), /expected a value/);
  const listed = nb([{ source: ['!pip install x\n', 1 as unknown as string] }, { source: lines('!pip install y\n') }]);
  const q = await check(listed);
  assert.match(q.problems[0].message, /cell 1: its "source" is not a string or a list of strings/);
  assert.equal(q.diagnostics.length, 1);
  // Decoding: the number of units counted without decoding, and each unit's place.
  const s = '"a\\n\\u00e9\\ud83d\\ude00\\"b"';
  const d = decodeString(s, { kind: 'string', start: 0, end: s.length });
  assert.equal(d.text, JSON.parse(s));
  assert.equal(decodedLength(s, 0, s.length), d.text.length);
  assert.deepEqual([...d.starts], [1, 2, 4, 10, 16, 22, 24]);
  assert.deepEqual([...d.ends], [2, 4, 10, 16, 22, 24, 25]);
});

test('notebook: the CLI discovers .ipynb files and checkText picks the front end by path', async () => {
  assert.deepEqual((await checkText(nb([{ source: '!pip install x' }]), { path: 'a.ipynb' })).map((d) => d.code), ['VG102']);
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'nb', '.ipynb_checkpoints'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'nb', 'a.ipynb'), nb([{ source: '!pip install x' }]));
  fs.writeFileSync(path.join(dir, 'nb', '.ipynb_checkpoints', 'a-checkpoint.ipynb'), nb([{ source: '!pip install x' }]));
  const cli = runCli(['check', dir, '--output-format', 'concise']);
  assert.equal(cli.code, 1);
  assert.equal(cli.stdout.split('\n').filter((l) => l.includes('VG102')).length, 1, cli.stdout);
});

test('notebook automagic: `ls ./data`, `cd src`, `pip install x` (that is %pip) are magics, not Python syntax errors', async () => {
  // tensorflow/docs wav2vec2_saved_model_finetuning.ipynb has a cell `ls ./data/train/`.
  const text = nb([{ source: lines('ls ./data/train/\ncd src\npip install pandas\nimport subprocess\nsubprocess.run(["pytest"])\nls = [1]\nrun = ls - 1\n') }]);
  const r = await check(text);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['VG103']);
  const fixed = await fixText(text, { path: 'a.ipynb', unsafe: true });
  assert.ok(fixed.includes('subprocess.run([sys.executable, \\"-m\\", \\"pytest\\"])'), 'the notebook parses, so its fixes are verified and applied');
});

test('notebook --fix with a Python syntax error in another cell: not fixed, said so, and the notebook counts as checked (kohya_ss shape)', () => {
  const dir = tempDir();
  const text = nb([{ source: '!pip install -q pandas\n' }, { source: lines('def broken(:\n    pass\n') }]);
  fs.writeFileSync(path.join(dir, 'a.ipynb'), text);
  const cli = runCli(['check', '.', '--fix', '--unsafe-fixes', '--format', 'json'], { cwd: dir });
  assert.equal(cli.code, 1, cli.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'a.ipynb'), 'utf8'), text, 'a fix that could not be verified was written');
  const report = JSON.parse(cli.stdout) as { problems: { path: string; kind: string; message: string }[]; summary: { filesNotFullyChecked: number } };
  assert.deepEqual(report.problems.map((p) => [p.path, p.kind, p.message]), [['a.ipynb', 'not-fixed', 'not fixed: the file has syntax errors, so a fix could not be verified']]);
  assert.equal(report.summary.filesNotFullyChecked, 0);
  const text2 = runCli(['check', '.', '--fix', '--unsafe-fixes'], { cwd: dir });
  assert.match(text2.stdout, /1 file could not be fixed/);
  assert.doesNotMatch(text2.stdout, /could not be checked completely/);
});

test('notebook: a line magic continued with a trailing backslash takes its next lines along (ColabFold\'s `%shell tar … \\` then `--directory=…` was a Python syntax error)', async () => {
  const text = nb([
    { source: lines('import os\nif not os.path.isdir("params"):\n  %shell tar --extract --file="{PARAMS_PATH}" \\\n    --directory="{PARAMS_DIR}" && echo extracted\n  %shell rm "{PARAMS_PATH}"\n') },
    { source: lines('!pip install -q biopython\n') },
  ]);
  const r = await check(text);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['VG102']);
  // Without the backslash the next line is Python again: a launch there is found.
  const next = nb([{ source: lines('import os\n%shell rm -rf /tmp/x\nos.system("pip install biopython")\n') }]);
  assert.deepEqual((await check(next)).diagnostics.map((d) => d.code), ['VG102']);
  const joined = nb([{ source: lines('import os\n%shell rm -rf /tmp/x \\\nos.system("pip install biopython")\n') }]);
  assert.deepEqual((await check(joined)).diagnostics.map((d) => d.code), []);
  // A line magic's value assigned to a name (the same notebooks: `PATH=%env PATH`) is no Python either.
  const assigned = await check(nb([{ source: lines('import os\nif True:\n    PATH=%env PATH\n    %env PATH=/opt/conda/bin:{PATH}\n    out = %timeit -o sum(range(9))\n') }]));
  assert.deepEqual(assigned.problems, []);
});

test('notebook: a cell of 60,000 imports and one escape is read once for where `import sys` goes (was a pass over the cell for each import)', { timeout: 30_000 }, async () => {
  const text = nb([{ source: lines(`${'import os\n'.repeat(60_000)}!pip install x\n`) }, { source: lines('import pandas\n!python run.py\n') }]);
  const started = process.hrtime.bigint();
  assert.deepEqual((await found(text)).map((f) => f.split(' ')[0]), ['VG102', 'VG101']);
  // Asked for each import line, the cell would be read 60,000 times (3.6 billion line tests); once, it is well under the limit.
  assert.ok(Number(process.hrtime.bigint() - started) / 1e9 < 30);
});
