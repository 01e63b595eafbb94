/**
 * Indentation CPython refuses and tree-sitter-python recovers from silently (skyCORE-AI's
 * plugin_installer.py: an `except:` with nothing indented under it, reported as if it ran, and
 * fixed by --fix). Every case is also compiled by a real CPython, which must agree.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { indentationError } from '../src/frontends/python/indentation.js';
import { python3, runCli, writeProject } from './helpers.js';

interface Case {
  name: string;
  code: string;
  /** CPython's exception and the start of its message, or undefined when the code compiles. */
  expect?: { error: 'IndentationError' | 'TabError'; message: string; line: number };
  /** The CPython that compiles it first (PEP 701's nested quotes: 3.12). */
  since?: [number, number];
}

const CASES: Case[] = [
  { name: 'unindent to no outer level', code: 'if True:\n        x = 1\n    y = 2\n', expect: { error: 'IndentationError', message: 'unindent does not match any outer indentation level', line: 3 } },
  { name: 'indent after a simple statement', code: 'x = 1\n    y = 2\n', expect: { error: 'IndentationError', message: 'unexpected indent', line: 2 } },
  { name: 'indented first line', code: '  import os\n', expect: { error: 'IndentationError', message: 'unexpected indent', line: 1 } },
  { name: 'indent after a one-line block', code: 'if x: pass\n    y = 2\n', expect: { error: 'IndentationError', message: 'unexpected indent', line: 2 } },
  { name: 'header with nothing under it', code: 'try:\n    import x\nexcept ImportError:\nprint(1)\n', expect: { error: 'IndentationError', message: 'expected an indented block', line: 4 } },
  { name: 'header at the end of the file', code: 'def f():\n', expect: { error: 'IndentationError', message: 'expected an indented block', line: 2 } },
  { name: 'header then a comment only', code: 'def f():\n    # todo\n', expect: { error: 'IndentationError', message: 'expected an indented block', line: 3 } },
  { name: 'a tab and eight spaces as one level', code: 'x = f"{1}"\nif x:\n\tif x:\n        pass\n', expect: { error: 'TabError', message: 'inconsistent use of tabs and spaces in indentation', line: 4 } },
  // Valid code, shaped to trip a reader that does not know logical lines.
  { name: 'brackets continue a line at any indentation', code: 'x = foo(1,\n  2,\n        3)\ny = [\n1,\n    ]\n' },
  { name: 'a backslash continues a line', code: 'x = 1 + \\\n        2\nif x:\n    y = 1 + \\\n3\n' },
  { name: 'strings span lines at any indentation', code: 'def f():\n    """Doc\n  text\n        more"""\n    return """a\nb"""\nx = 1\n' },
  { name: 'a colon inside brackets and strings', code: 'd = {1:\n  2}\ns = "a:"\nt = x[1:]\nu = lambda: 0\n' },
  { name: 'comments and blank lines at any indentation', code: 'if x:\n# c\n        # d\n\n    y = 1\n  # e\nz = 2\n' },
  { name: 'nested f-strings with the same quotes (PEP 701)', code: 'x = f"{"a" + f"{1:{2}}"}"\nif x:\n    y = f"""{\n1}"""\n', since: [3, 12] },
  { name: "a brace inside a string in an f-string's field (metagpt's f\"{'[{'}\")", code: 'def f(output):\n    if output.startswith("[{"):\n        log(f"fix: {\'[{\'}")\n    elif output.endswith("}]"):\n        log(f"fix: {\'}]\'}")\n    elif output:\n        output = output[:-1] + "}"\n\n    arr = output.split("\\n")\n    return arr\n' },
  { name: "a quote in an f-string's format spec is a character", code: 'x = 1\nif x:\n    s = f"{x:\'^10}" + f"{x:{\'>\'}{4}}"\n    t = 2\n' },
  { name: 'dedent through several levels', code: 'class A:\n    def f(self):\n        if x:\n            return 1\n        return 2\ny = 3\n' },
  { name: 'CRLF line ends', code: 'if x:\r\n    y = 1\r\nz = 2\r\n' },
  { name: 'a decorated function and a one-line class', code: '@dec\ndef f(): return 1\nclass A: pass\nx = 1\n' },
  { name: 'a header whose line ends in a comment', code: 'if x:  # why\n    y = 1\n' },
];

/** pyenv's Python 2.7, when it has one (never a fixed path). */
function python27(): string | undefined {
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (root.status !== 0) return undefined;
  const versions = path.join(root.stdout.trim(), 'versions');
  const v = fs.existsSync(versions) ? fs.readdirSync(versions).find((n) => /^2\.7/.test(n)) : undefined;
  const exe = v && path.join(versions, v, 'bin', 'python2.7');
  return exe && fs.existsSync(exe) ? exe : undefined;
}

/** The 1-based line of an offset. */
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

test('indentation errors are found where CPython raises them, and valid code has none', () => {
  for (const c of CASES) {
    const got = indentationError(c.code, true);
    if (!c.expect) {
      assert.equal(got, undefined, `${c.name}: ${JSON.stringify(got)}`);
      continue;
    }
    assert.ok(got, `${c.name}: nothing found`);
    assert.equal(got.error, c.expect.error, c.name);
    assert.equal(got.message, c.expect.message, c.name);
    assert.equal(lineOf(c.code, got.offset), c.expect.line, c.name);
  }
});

test('CPython agrees with every case', (t) => {
  const exe = python3();
  if (!exe) return t.skip('no Python 3 here');
  const program = [
    'import json, sys',
    'out = []',
    'for code in json.load(sys.stdin):',
    '    try:',
    '        compile(code, "case.py", "exec")',
    '        out.append(None)',
    '    except SyntaxError as e:',
    '        out.append([type(e).__name__, e.msg, e.lineno])',
    'print(json.dumps([list(sys.version_info[:2]), out]))',
  ].join('\n');
  const r = spawnSync(exe, ['-c', program], { input: JSON.stringify(CASES.map((c) => c.code)), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const [version, answers] = JSON.parse(r.stdout) as [[number, number], ([string, string, number] | null)[]];
  CASES.forEach((c, k) => {
    if (c.since && (version[0] < c.since[0] || (version[0] === c.since[0] && version[1] < c.since[1]))) return;
    const a = answers[k];
    if (!c.expect) return assert.equal(a, null, `${c.name}: CPython says ${JSON.stringify(a)}`);
    assert.ok(a, `${c.name}: CPython compiles it`);
    assert.equal(a[0], c.expect.error, c.name);
    assert.ok(a[1].startsWith(c.expect.message), `${c.name}: CPython says "${a[1]}"`);
  });
});

test('mixed tabs and spaces are no error for code that may be Python 2', (t) => {
  const code = 'if x:\n\tif x:\n        pass\n';
  assert.equal(indentationError(code, false)?.error, 'IndentationError', 'Python 2 reads the tab as 8 columns: the same level, then a header with no block');
  const ok = 'if x:\n\ty = 1\n        z = 2\n';
  assert.equal(indentationError(ok, false), undefined);
  assert.equal(indentationError(ok, true)?.error, 'TabError');
  const py27 = python27();
  if (!py27) return t.skip('no Python 2.7 here');
  const r = spawnSync(py27, ['-c', 'import sys; compile(sys.stdin.read(), "case.py", "exec")'], { input: ok, encoding: 'utf8' });
  assert.equal(r.status, 0, `Python 2.7 compiles it: ${r.stderr}`);
});

test('text that is not lexically whole is left to the parser', () => {
  assert.equal(indentationError('x = (1,\n    y = 2\n', true), undefined, 'an open bracket');
  assert.equal(indentationError('x = """abc\n  y = 2\n', true), undefined, 'an unterminated string');
  assert.equal(indentationError('x = 1)\n  y = 2\n', true), undefined, 'a bracket closed twice');
});

test('check reports a file CPython refuses, and --fix does not write it', () => {
  const bad = 'import os\ntry:\n    import yaml\nexcept ImportError:\nos.system("pip install pyyaml")\n';
  const good = 'import os\ntry:\n    import yaml\nexcept ImportError:\n    os.system("pip install pyyaml")\n';
  const dir = writeProject('vg-indent-', { 'bad.py': bad, 'good.py': good });
  const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  type Report = { diagnostics: { path: string; code: string }[]; problems: { path: string; kind: string; message: string }[] };
  const report = JSON.parse(r.stdout) as Report;
  assert.deepEqual(
    report.problems.map((p) => [p.path, p.kind, p.message]),
    [['bad.py', 'syntax', 'not valid Python: expected an indented block after line 4 at 5:1 (IndentationError), so CPython does not run this file; it was still checked']],
  );
  assert.deepEqual(report.diagnostics.map((d) => [d.path, d.code]), [['bad.py', 'VG102'], ['good.py', 'VG102']], 'the launch is still reported');
  const fixed = runCli(['check', '.', '--fix', '--unsafe-fixes', '--format', 'json'], { cwd: dir });
  assert.equal(fs.readFileSync(path.join(dir, 'bad.py'), 'utf8'), bad, 'a file CPython refuses was rewritten');
  assert.ok((JSON.parse(fixed.stdout) as Report).problems.some((p) => p.path === 'bad.py' && p.kind === 'not-fixed' && p.message === 'not fixed: the file has syntax errors, so a fix could not be verified'));
  assert.notEqual(fs.readFileSync(path.join(dir, 'good.py'), 'utf8'), good, 'the valid file is fixed');
});

test('20,000 nested f-strings are read without recursion: no stack overflow, the launch beside them still found', async () => {
  const n = 20_000;
  const text = `import os\nos.system("python x.py")\nx = ${'f"{'.repeat(n)}1${'}"'.repeat(n)}\nif x:\n    y = 1\n`;
  assert.equal(indentationError(text, true), undefined);
  const dir = writeProject('vg-fnest-', { 'deep.py': text });
  const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
  const report = JSON.parse(r.stdout) as { diagnostics: { path: string; code: string }[]; problems: unknown[] };
  assert.deepEqual(report.problems, [], r.stdout.slice(0, 400));
  assert.deepEqual(report.diagnostics.map((d) => [d.path, d.code]), [['deep.py', 'VG101']]);
});
