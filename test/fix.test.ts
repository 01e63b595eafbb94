/**
 * --fix end to end: on a copy of examples/flask-worker (safe fixes only, then unsafe ones too,
 * idempotence, file modes, no temporary files, --diff), on a fixture of tricky rewrites (each
 * with its exact expected output), and the guarantees behind writing: a fix that would not parse
 * is refused, writes are atomic, and a file reached through a symbolic link is rewritten in place.
 * Every fixed file is compiled by the real interpreters found on this machine (3.8–3.13, and 2.7
 * for Python 2 code).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { check, checkText, fixLoop, fixText, writeAtomically } from '../src/api.js';
import type { Rule } from '../src/kernel/rule.js';
import { checkSource } from '../src/pipeline/check-file.js';
import { loadConfig } from '../src/pipeline/config.js';
import { fixFile } from '../src/pipeline/fix.js';
import { FixWriter } from '../src/pipeline/fix-write.js';
import type { Diagnostic } from '../src/kernel/diagnostic.js';
import { SourceFile } from '../src/kernel/source.js';
import { buildSettings, contextFromSettings } from '../src/pipeline/context.js';
import { loadParsers } from '../src/frontends/tree-sitter.js';
import type { JsonReport } from '../src/reporters/json.js';
import { CLI, repoRoot, tempDir } from './helpers.js';

const isRoot = process.getuid?.() === 0;

function runCli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fixJson(args: string[], cwd: string): { code: number | null; report: JsonReport; stderr: string } {
  const r = runCli(['check', ...args, '--format', 'json'], cwd);
  try {
    return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
  } catch {
    return assert.fail(`no JSON report (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

/** Relative path → bytes of every file under `dir` (symbolic links are not followed). */
function snapshot(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of snapshot(dir, rel)) out.set(k, v);
    else if (e.isFile()) out.set(rel, fs.readFileSync(path.join(dir, rel)));
  }
  return out;
}

function changedFiles(before: Map<string, Buffer>, after: Map<string, Buffer>): string[] {
  assert.deepEqual([...after.keys()].sort(), [...before.keys()].sort(), 'files appeared or disappeared');
  return [...after.keys()].filter((k) => !after.get(k)!.equals(before.get(k)!)).sort();
}

function assertNoTempFiles(dir: string): void {
  const tmp = [...snapshot(dir).keys()].filter((f) => /\.venvguard-[^/]*\.tmp$/.test(f));
  assert.deepEqual(tmp, [], `temporary files left behind in ${dir}`);
}

/** Apply literal replacements, each of which must occur exactly once (so a changed example fails loudly). */
function edit(text: string, replacements: [string, string][]): string {
  for (const [from, to] of replacements) {
    assert.equal(text.split(from).length - 1, 1, `expected exactly one occurrence of ${JSON.stringify(from)}`);
    text = text.replace(from, () => to);
  }
  return text;
}

// ---- real interpreters ----------------------------------------------------------------------

interface Python {
  exe: string;
  version: string;
}

let pythonsCache: Python[] | undefined;

/** One interpreter per X.Y version: pyenv's versions, `python3` on PATH and /usr/bin/python3. */
function pythons(): Python[] {
  if (pythonsCache) return pythonsCache;
  const candidates: string[] = [];
  const pyenv = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (pyenv.status === 0) {
    const versions = path.join(pyenv.stdout.trim(), 'versions');
    const list = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).sort() : []);
    for (const v of list(versions)) {
      const bin = path.join(versions, v, 'bin');
      for (const f of list(bin)) if (/^python(3\.\d+|2\.7)$/.test(f)) candidates.push(path.join(bin, f));
    }
  }
  candidates.push('python3');
  if (fs.existsSync('/usr/bin/python3')) candidates.push('/usr/bin/python3');
  const byVersion = new Map<string, Python>();
  for (const exe of candidates) {
    const r = spawnSync(exe, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8', timeout: 20_000 });
    const version = r.status === 0 ? r.stdout.trim() : '';
    if (/^\d+\.\d+$/.test(version) && !byVersion.has(version)) byVersion.set(version, { exe, version });
  }
  pythonsCache = [...byVersion.values()].sort((a, b) => a.version.localeCompare(b.version, undefined, { numeric: true }));
  return pythonsCache;
}

const python3s = () => pythons().filter((p) => /^3\.(8|9|1[0-3])$/.test(p.version));
const python27 = () => pythons().find((p) => p.version === '2.7');

/** `python -m py_compile` every file, with each interpreter; .pyc files go to a scratch folder. */
async function assertCompiles(t: TestContext, files: string[], interpreters: Python[], what: string): Promise<void> {
  if (interpreters.length === 0) {
    // A skipped subtest, so that the rest of the calling test still counts as passed.
    await t.test(`compiles with ${what}`, (st) => st.skip(`no ${what} interpreter found (looked in \`pyenv root\`/versions, python3 on PATH, /usr/bin/python3): compilation not checked`));
    return;
  }
  for (const py of interpreters) {
    await t.test(`compiles with Python ${py.version} (${py.exe})`, () => {
      const scratch = tempDir('venvguard-pyc-');
      let targets = files;
      if (py.version === '2.7') {
        // Python 2 has no PYTHONPYCACHEPREFIX: compile copies so no .pyc lands beside the fixed files.
        targets = files.map((f, i) => {
          const copy = path.join(scratch, `${i}-${path.basename(f)}`);
          fs.copyFileSync(f, copy);
          return copy;
        });
      }
      const r = spawnSync(py.exe, ['-m', 'py_compile', ...targets], { encoding: 'utf8', env: { ...process.env, PYTHONPYCACHEPREFIX: scratch } });
      assert.equal(r.status, 0, `python ${py.version} -m py_compile failed:\n${r.stderr}${r.stdout}`);
      fs.rmSync(scratch, { recursive: true, force: true });
    });
  }
}

// ---- the example project --------------------------------------------------------------------

const EXAMPLE = path.join(repoRoot, 'examples/flask-worker');
const read = (rel: string) => fs.readFileSync(path.join(EXAMPLE, rel), 'utf8');
/** Modes the umask (usually 022) would change if a fix created the file anew. */
const MODES: Record<string, number> = { 'scripts/deploy.py': 0o775, 'app/reports.py': 0o664, 'app/tasks.py': 0o600 };

function copyExample(): { root: string; dir: string } {
  const root = tempDir('venvguard-fix-');
  const dir = path.join(root, 'fw');
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  for (const [f, mode] of Object.entries(MODES)) fs.chmodSync(path.join(dir, f), mode);
  return { root, dir };
}

function assertModes(dir: string): void {
  for (const [f, mode] of Object.entries(MODES)) assert.equal((fs.statSync(path.join(dir, f)).mode & 0o7777).toString(8), mode.toString(8), `mode of ${f}`);
}

/** What --fix must write: the two safe fixes (migrations are per-file-ignored, vendor/ excluded). */
function safeExample(): Record<string, string> {
  return {
    'app/reports.py': edit(read('app/reports.py'), [
      ['"""\nimport subprocess\n', '"""\nimport subprocess\nimport sys\n'],
      ['subprocess.run(["python3", "-m", "app.mailer"]', 'subprocess.run([sys.executable, "-m", "app.mailer"]'],
    ]),
    'app/tasks.py': edit(read('app/tasks.py'), [['&& python -m app.thumbs")', '&& {shlex.quote(sys.executable)} -m app.thumbs")']]),
  };
}

/** What --fix --unsafe-fixes must write: the safe fixes and the six unsafe ones. */
function unsafeExample(): Record<string, string> {
  const safe = safeExample();
  return {
    'app/reports.py': safe['app/reports.py'],
    'app/tasks.py': edit(safe['app/tasks.py'], [
      ['PYTHON = "python3"', 'PYTHON = sys.executable'],
      ['subprocess.check_call(["pip", "install"', 'subprocess.check_call([sys.executable, "-m", "pip", "install"'],
      ['cmd = ["pytest", "-q"]', 'cmd = [sys.executable, "-m", "pytest", "-q"]'],
    ]),
    'scripts/deploy.py': edit(read('scripts/deploy.py'), [
      ['"""\nimport shutil\nimport subprocess\n', '"""\nimport shlex\nimport shutil\nimport subprocess\nimport sys\n'],
      ['subprocess.run("sudo -u app gunicorn --reload app:wsgi"', 'subprocess.run("sudo -u app " + shlex.quote(sys.executable) + " -m gunicorn --reload app:wsgi"'],
      ['subprocess.run(["celery", "-A"', 'subprocess.run([sys.executable, "-m", "celery", "-A"'],
      ['subprocess.run(["/usr/bin/python3", "-m", "compileall"', 'subprocess.run([sys.executable, "-m", "compileall"'],
    ]),
  };
}

async function fixExampleAndVerify(t: TestContext, flags: string[], expected: Record<string, string>, applied: number): Promise<void> {
  const { root, dir } = copyExample();
  const before = snapshot(dir);
  const first = fixJson(['fw', ...flags], root);
  assert.equal(first.code, 1, `findings without a fix remain\n${first.stderr}`);
  assert.equal(first.report.summary.fixesApplied, applied);
  const after = snapshot(dir);
  assert.deepEqual(changedFiles(before, after), Object.keys(expected).sort());
  for (const [f, text] of Object.entries(expected)) assert.equal(after.get(f)!.toString('utf8'), text, f);
  assertModes(dir);
  assertNoTempFiles(root);

  // Idempotent: a second run finds nothing more to fix and writes nothing.
  const second = fixJson(['fw', ...flags], root);
  assert.equal(second.report.summary.fixesApplied, 0);
  assert.deepEqual(changedFiles(after, snapshot(dir)), []);
  assertNoTempFiles(root);

  await assertCompiles(t, Object.keys(expected).map((f) => path.join(dir, f)), python3s(), 'Python 3.8–3.13');
}

test('fix: --fix on a copy of examples/flask-worker writes only the safe fixes, idempotently, keeping file modes', async (t) => {
  await fixExampleAndVerify(t, ['--fix'], safeExample(), 2);
});

test('fix: --fix --unsafe-fixes writes the unsafe fixes too', async (t) => {
  await fixExampleAndVerify(t, ['--fix', '--unsafe-fixes'], unsafeExample(), 8);
});

test('fix: --diff writes nothing and prints a unified diff that patch(1) applies to the same result as --fix', () => {
  const { root, dir } = copyExample();
  const before = snapshot(dir);
  const r = runCli(['check', 'fw', '--diff'], root);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '2 fix(es) would be applied to 2 file(s)\n');
  assert.deepEqual(changedFiles(before, snapshot(dir)), []);
  assertNoTempFiles(root);
  assert.match(r.stdout, /^--- a\/fw\/app\/reports\.py\n\+\+\+ b\/fw\/app\/reports\.py\n@@ -1,5 \+1,6 @@\n/m);
  assert.match(r.stdout, /^-    subprocess\.run\(\["python3", "-m", "app\.mailer"\]/m);
  assert.match(r.stdout, /^\+    subprocess\.run\(\[sys\.executable, "-m", "app\.mailer"\]/m);
  assert.match(r.stdout, /^--- a\/fw\/app\/tasks\.py\n\+\+\+ b\/fw\/app\/tasks\.py\n/m);

  if (spawnSync('patch', ['--version']).error) return; // no patch(1) here: the textual checks above stand
  const p = spawnSync('patch', ['-p1', '--batch', '--no-backup-if-mismatch'], { cwd: root, input: r.stdout, encoding: 'utf8' });
  assert.equal(p.status, 0, p.stdout + p.stderr);
  const patched = snapshot(dir);
  for (const [f, text] of Object.entries(safeExample())) assert.equal(patched.get(f)!.toString('utf8'), text, f);
});

// ---- tricky rewrites ------------------------------------------------------------------------

interface FixCase {
  file: string;
  source: string;
  /** After --fix (safe fixes only). */
  safe: string;
  /** After --fix --unsafe-fixes. */
  unsafe: string;
  python: 2 | 3;
  /**
   * Run the fixed module with os.system and subprocess.run recorded: a Python expression for
   * [module docstring, [commands started]], evaluated with shlex and sys imported.
   */
  runs?: string;
}

const CRLF_SAFE = 'import subprocess\r\nimport sys\r\n\r\n\r\ndef setup():\r\n    subprocess.run([sys.executable, "setup.py", "build"])\r\n    subprocess.run("pip download -r requirements.txt", shell=True)\r\n';
const TRIPLE_SAFE =
  'import shlex\nimport subprocess\nimport sys\n\nSETUP = """\nset -e\npython setup.py build\n"""\n\n\ndef deploy():\n    subprocess.run(SETUP, shell=True, check=True)\n    subprocess.run("""\nset -e\ncd /srv/app\n""" + shlex.quote(sys.executable) + """ manage.py migrate\n""", shell=True, check=True)\n';

const FIX_CASES: FixCase[] = [
  {
    file: 'fstring.py',
    source: 'import os\n\n\ndef thumbs(folder):\n    os.system(f"cd {folder} && python -m app.thumbs --size={2 * 64}")\n',
    safe: 'import os\nimport shlex\nimport sys\n\n\ndef thumbs(folder):\n    os.system(f"cd {folder} && {shlex.quote(sys.executable)} -m app.thumbs --size={2 * 64}")\n',
    unsafe: 'import os\nimport shlex\nimport sys\n\n\ndef thumbs(folder):\n    os.system(f"cd {folder} && {shlex.quote(sys.executable)} -m app.thumbs --size={2 * 64}")\n',
    python: 3,
  },
  {
    // A console script with no known module (pyproject: console-scripts = ["mytool"]): the path
    // beside sys.executable, quoted with the other quote character (an f-string's expressions
    // cannot reuse its own quote before Python 3.12).
    file: 'fstring_console_script.py',
    source: 'import os\n\n\ndef fmt(folder):\n    os.system(f"cd {folder} && mytool --fast")\n',
    safe: 'import os\n\n\ndef fmt(folder):\n    os.system(f"cd {folder} && mytool --fast")\n',
    unsafe: 'import os\nimport shlex\nimport shutil\nimport sys\n\n\ndef fmt(folder):\n    os.system(f"cd {folder} && {shlex.quote(shutil.which(\'mytool\', path=os.path.dirname(sys.executable)) or \'mytool\')} --fast")\n',
    python: 3,
  },
  {
    // Formatted afterwards with %: the path's own % are doubled, so any path comes out as is.
    file: 'percent.py',
    source: 'import os\n\n\ndef report(day):\n    os.system("python -m app.report --day %s" % day)\n',
    safe: 'import os\nimport shlex\nimport sys\n\n\ndef report(day):\n    os.system((shlex.quote(sys.executable).replace("%", "%%") + " -m app.report --day %s") % day)\n',
    unsafe: 'import os\nimport shlex\nimport sys\n\n\ndef report(day):\n    os.system((shlex.quote(sys.executable).replace("%", "%%") + " -m app.report --day %s") % day)\n',
    python: 3,
  },
  {
    // Implicit concatenation binds tighter than +: the piece keeps an empty string on its glued side.
    file: 'implicit_concat.py',
    source: 'import subprocess\n\nsubprocess.run(\n    "cd /srv/app && "\n    "python manage.py migrate"\n    " --noinput",\n    shell=True,\n    check=True,\n)\n',
    safe: 'import shlex\nimport subprocess\nimport sys\n\nsubprocess.run(\n    "cd /srv/app && "\n    "" + shlex.quote(sys.executable) + " manage.py migrate"\n    " --noinput",\n    shell=True,\n    check=True,\n)\n',
    unsafe: 'import shlex\nimport subprocess\nimport sys\n\nsubprocess.run(\n    "cd /srv/app && "\n    "" + shlex.quote(sys.executable) + " manage.py migrate"\n    " --noinput",\n    shell=True,\n    check=True,\n)\n',
    python: 3,
    runs: '[None, ["cd /srv/app && " + shlex.quote(sys.executable) + " manage.py migrate --noinput"]]',
  },
  {
    file: 'raw_string.py',
    source: 'import subprocess\n\nsubprocess.run(r"cd C:\\build\\out && python C:\\tools\\gen.py \\d+", shell=True)\n',
    safe: 'import shlex\nimport subprocess\nimport sys\n\nsubprocess.run(r"cd C:\\build\\out && " + shlex.quote(sys.executable) + r" C:\\tools\\gen.py \\d+", shell=True)\n',
    unsafe: 'import shlex\nimport subprocess\nimport sys\n\nsubprocess.run(r"cd C:\\build\\out && " + shlex.quote(sys.executable) + r" C:\\tools\\gen.py \\d+", shell=True)\n',
    python: 3,
    runs: '[None, [r"cd C:\\build\\out && " + shlex.quote(sys.executable) + r" C:\\tools\\gen.py \\d+"]]',
  },
  {
    // The script in the call is fixed safely; the module constant only with --unsafe-fixes.
    file: 'triple_quoted.py',
    source:
      'import subprocess\n\nSETUP = """\nset -e\npython setup.py build\n"""\n\n\ndef deploy():\n    subprocess.run(SETUP, shell=True, check=True)\n    subprocess.run("""\nset -e\ncd /srv/app\npython manage.py migrate\n""", shell=True, check=True)\n',
    safe: TRIPLE_SAFE,
    unsafe: TRIPLE_SAFE.replace('SETUP = """\nset -e\npython setup.py build\n"""', 'SETUP = """\nset -e\n""" + shlex.quote(sys.executable) + """ setup.py build\n"""'),
    python: 3,
  },
  {
    file: 'only_docstring.py',
    source: '"""Release notes helper.\n\nRun it as `python notes.py`; nothing here starts a process.\n"""\n',
    safe: '"""Release notes helper.\n\nRun it as `python notes.py`; nothing here starts a process.\n"""\n',
    unsafe: '"""Release notes helper.\n\nRun it as `python notes.py`; nothing here starts a process.\n"""\n',
    python: 3,
  },
  {
    // The import goes after the shebang, coding line, docstring and __future__ import.
    file: 'future_docstring.py',
    source:
      '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n"""Release tasks."""\nfrom __future__ import annotations\n\nimport subprocess\n\n\ndef migrate() -> None:\n    subprocess.run(["python3", "manage.py", "migrate"], check=True)\n',
    safe: '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n"""Release tasks."""\nfrom __future__ import annotations\n\nimport subprocess\nimport sys\n\n\ndef migrate() -> None:\n    subprocess.run([sys.executable, "manage.py", "migrate"], check=True)\n',
    unsafe:
      '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n"""Release tasks."""\nfrom __future__ import annotations\n\nimport subprocess\nimport sys\n\n\ndef migrate() -> None:\n    subprocess.run([sys.executable, "manage.py", "migrate"], check=True)\n',
    python: 3,
  },
  {
    // Docstring and __future__ import share a line with the first import: the new imports go
    // inline after them (a line before would precede the docstring and the __future__ import,
    // which CPython rejects).
    file: 'future_same_line.py',
    source: '"""Release tasks."""; from __future__ import annotations; import os\nos.system("python manage.py check")\n',
    safe: '"""Release tasks."""; from __future__ import annotations; import shlex; import sys; import os\nos.system(shlex.quote(sys.executable) + " manage.py check")\n',
    unsafe: '"""Release tasks."""; from __future__ import annotations; import shlex; import sys; import os\nos.system(shlex.quote(sys.executable) + " manage.py check")\n',
    python: 3,
    runs: '["Release tasks.", [shlex.quote(sys.executable) + " manage.py check"]]',
  },
  {
    // `import sys` inside a function does not bind it at module level: a module import is added.
    file: 'sys_in_function.py',
    source: 'import subprocess\n\n\ndef argv():\n    import sys\n    return sys.argv\n\n\ndef serve():\n    subprocess.run(["python", "-m", "app.server"])\n',
    safe: 'import subprocess\nimport sys\n\n\ndef argv():\n    import sys\n    return sys.argv\n\n\ndef serve():\n    subprocess.run([sys.executable, "-m", "app.server"])\n',
    unsafe: 'import subprocess\nimport sys\n\n\ndef argv():\n    import sys\n    return sys.argv\n\n\ndef serve():\n    subprocess.run([sys.executable, "-m", "app.server"])\n',
    python: 3,
  },
  {
    // New lines use the file's CRLF. The two fixes' imports are inserted in the order the fixes were accepted.
    // pip download, not install: an install and a python run both by name are a held chain (README).
    file: 'crlf.py',
    source: 'import subprocess\r\n\r\n\r\ndef setup():\r\n    subprocess.run(["python", "setup.py", "build"])\r\n    subprocess.run("pip download -r requirements.txt", shell=True)\r\n',
    safe: CRLF_SAFE,
    unsafe: 'import shlex\r\nimport subprocess\r\nimport sys\r\n\r\n\r\ndef setup():\r\n    subprocess.run([sys.executable, "setup.py", "build"])\r\n    subprocess.run(shlex.quote(sys.executable) + " -m pip download -r requirements.txt", shell=True)\r\n',
    python: 3,
  },
  {
    // Python 2 (print statement): pipes.quote, since shlex.quote does not exist there.
    file: 'python2.py',
    source: 'import os\n\nprint "building"\nos.system("python setup.py build")\n',
    safe: 'import os\nimport pipes\nimport sys\n\nprint "building"\nos.system(pipes.quote(sys.executable) + " setup.py build")\n',
    unsafe: 'import os\nimport pipes\nimport sys\n\nprint "building"\nos.system(pipes.quote(sys.executable) + " setup.py build")\n',
    python: 2,
  },
];

/** Runs each module with os.system / subprocess.run recorded; prints the mismatches as JSON. */
const RUN_DRIVER = `
import json, os, runpy, shlex, subprocess, sys
failures = []
for file, expr in json.loads(sys.argv[1]).items():
    seen = []
    subprocess.run = lambda cmd, *a, **kw: seen.append(cmd)
    os.system = lambda cmd: seen.append(cmd)
    g = runpy.run_path(file)
    got, want = [g.get("__doc__"), seen], eval(expr)
    if got != want:
        failures.append({"file": file, "got": got, "want": want})
print(json.dumps(failures))
`;

test('fix: tricky rewrites give exactly the expected code for --fix and --fix --unsafe-fixes, and it compiles', async (t) => {
  // The Python 2 cases are a project of their own: Python 2 code beside Python 3 only code (the
  // f-strings of other cases) is run by no venv of one project, and is not fixed (policy `python2`).
  const root = tempDir('venvguard-fix-cases-');
  const dirs = { safe: path.join(root, 'safe'), unsafe: path.join(root, 'unsafe') };
  const dirOf = (mode: 'safe' | 'unsafe', c: FixCase) => (c.python === 2 ? `${dirs[mode]}-py2` : dirs[mode]);
  for (const dir of [...Object.values(dirs), ...Object.values(dirs).map((d) => `${d}-py2`)]) {
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.venvguard]\nconsole-scripts = ["mytool"]\n');
  }
  for (const mode of ['safe', 'unsafe'] as const) for (const c of FIX_CASES) fs.writeFileSync(path.join(dirOf(mode, c), c.file), c.source);
  for (const [mode, flags] of [['safe', ['--fix']], ['unsafe', ['--fix', '--unsafe-fixes']]] as const) {
    for (const dir of [mode, `${mode}-py2`]) {
      const r = fixJson([".", ...flags], path.join(root, dir));
      assert.equal(r.report.problems.length, 0, JSON.stringify(r.report.problems, null, 2));
    }
    for (const c of FIX_CASES) assert.equal(fs.readFileSync(path.join(dirOf(mode, c), c.file), 'utf8'), c[mode], `${c.file} after ${flags.join(' ')}`);
    for (const dir of [mode, `${mode}-py2`]) {
      const before = snapshot(path.join(root, dir));
      const again = fixJson([".", ...flags], path.join(root, dir));
      assert.equal(again.report.summary.fixesApplied, 0, `${flags.join(' ')} is not idempotent`);
      assert.deepEqual(changedFiles(before, snapshot(path.join(root, dir))), []);
    }
  }
  assertNoTempFiles(root);

  const py3 = python3s();
  const runs = Object.fromEntries(FIX_CASES.filter((c) => c.runs).map((c) => [path.join(dirs.safe, c.file), c.runs!]));
  if (py3.length) {
    const r = spawnSync(py3[py3.length - 1].exe, ['-c', RUN_DRIVER, JSON.stringify(runs)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [], 'fixed modules start other commands than intended');
  }
  const fixed = (python: 2 | 3) => FIX_CASES.filter((c) => c.python === python).flatMap((c) => [path.join(dirOf('safe', c), c.file), path.join(dirOf('unsafe', c), c.file)]);
  await assertCompiles(t, fixed(3), py3, 'Python 3.8–3.13');
  const py27 = python27();
  await assertCompiles(t, fixed(2), py27 ? [py27] : [], 'Python 2.7');
});

// ---- never writes what it cannot re-parse ----------------------------------------------------

test('fix: fixLoop refuses a fix whose result would not parse, and leaves the text alone', async () => {
  await loadParsers();
  const ctx = contextFromSettings(buildSettings(loadConfig({ start: repoRoot, noConfig: true }), {}));
  const text = 'import os\nos.getcwd()\n';
  const file = new SourceFile('fabricated.py', text);
  const fabricated = (insert: string): Diagnostic => ({
    code: 'VG101',
    rule: 'bare-python-interpreter',
    severity: 'error',
    message: 'fabricated',
    path: file.path,
    span: { start: 10, end: 19 },
    start: file.location(10),
    end: file.location(19),
    related: [],
    fix: { title: 'fabricated', applicability: 'safe', edits: [{ start: 10, end: 10, text: insert }] },
  });
  const refused = fixLoop(file, [fabricated('(')], ctx, false);
  assert.ok('error' in refused, 'a fix inserting "(" was accepted');
  assert.equal(refused.kind, 'internal');
  assert.match(refused.error, /would not parse/);
  assert.equal(file.text, text);
  // The control: the same fabricated fix inserting a statement is applied.
  const accepted = fixLoop(file, [fabricated('x = 1\n')], ctx, false);
  assert.ok(!('error' in accepted));
  assert.equal(accepted.text, 'import os\nx = 1\nos.getcwd()\n');
  assert.equal(accepted.applied, 1);
});

test('fix: a fix that leaves its own finding stops the loop with an error naming the rule, not ten silent passes', async () => {
  await loadParsers();
  const ctx = contextFromSettings(buildSettings(loadConfig({ start: repoRoot, noConfig: true }), {}));
  // The real VG101 rule with its rewriter gone wrong: the fix writes a line above the launch and
  // leaves the launch as it was, so every pass finds it again and writes the line again (the
  // shape of issue 16's Actions fix that added one more broken line on every pass).
  const real = ctx.rules.find((r) => r.code === 'VG101')!;
  const wrong: Rule = {
    ...real,
    check: (site, verdict, rc) =>
      real.check(site, verdict, { ...rc, report: (r) => rc.report({ ...r, fix: r.fix && { ...r.fix, edits: [{ start: site.callSpan.start, end: site.callSpan.start, text: '# run the job\n' }] } }) }),
  };
  const broken = { ...ctx, rules: [wrong] };
  const text = 'import subprocess\n\nsubprocess.run(["python", "job.py"])\n';
  const file = new SourceFile('job_runner.py', text);
  const diags = checkSource(file, broken).diagnostics;
  assert.equal(diags.length, 1);
  const loop = fixLoop(file, diags, broken, false);
  assert.ok('error' in loop, `a fix that does not remove its finding was accepted: ${JSON.stringify(loop)}`);
  assert.equal(loop.kind, 'internal');
  assert.match(loop.error, /^not fixed: the fixes of VG101 \(bare-python-interpreter\) do not converge: pass 2 left 1 finding\(s\) of the 1 it started with/);
  // Through the whole pipeline: the file is reported as a problem and left as it was.
  const dir = tempDir();
  const target = path.join(dir, 'job_runner.py');
  fs.writeFileSync(target, text);
  const outcome = fixFile({ path: target, source: new SourceFile(target, text), diagnostics: diags, problems: [], skipped: false, language: 'python' }, diags, broken, false, new FixWriter({ roots: [dir], fixReadonly: false }));
  assert.match(outcome.problem?.message ?? '', /VG101 \(bare-python-interpreter\) do not converge/);
  assert.equal(outcome.fixed, undefined);
  assert.equal(fs.readFileSync(target, 'utf8'), text);
  fs.rmSync(dir, { recursive: true, force: true });
  // The control: the rule's own fix converges in one pass.
  const good = fixLoop(file, checkSource(file, ctx).diagnostics, ctx, false);
  assert.ok(!('error' in good), JSON.stringify(good));
  assert.equal(good.text, 'import subprocess\nimport sys\n\nsubprocess.run([sys.executable, "job.py"])\n');
});

test('fix: one finding whose name has two definitions is fixed one definition a pass, and converges', async () => {
  // securedrop's shape: `cmd = ["ansible-playbook"]`, replaced by a longer list on one branch. The
  // finding stays one finding until both are fixed, so a pass may leave as many findings as it
  // found, as long as it rewrites source no earlier pass wrote.
  const text = [
    'import os',
    'import subprocess',
    'import sys',
    '',
    '',
    'def ansible_command():',
    '    cmd = ["ansible-playbook"]',
    '    if os.environ.get("OLD_SSH"):',
    '        cmd = ["ansible-playbook", "--scp-extra-args=-O"]',
    '    return cmd',
    '',
    '',
    'def install(path):',
    '    return subprocess.check_call(ansible_command() + [path])',
    '',
  ].join('\n');
  const fixed = await fixText(text, { unsafe: true, path: 'admin.py' });
  assert.equal(fixed.split('shutil.which("ansible-playbook", path=os.path.dirname(sys.executable)) or "ansible-playbook"').length - 1, 2, fixed);
  assert.deepEqual((await checkText(fixed, { path: 'admin.py' })).map((d) => d.code), []);
});

// ---- atomic writes ---------------------------------------------------------------------------

test('fix: writeAtomically into a read-only folder fails and leaves the original intact', (t) => {
  if (isRoot) return t.skip('running as root: permission bits do not stop root from writing, so a read-only folder cannot make the write fail');
  const dir = tempDir();
  const file = path.join(dir, 'a.py');
  fs.writeFileSync(file, 'original\n');
  fs.chmodSync(dir, 0o555);
  try {
    assert.throws(() => writeAtomically(file, Buffer.from('new\n')), { code: 'EACCES' });
    assert.equal(fs.readFileSync(file, 'utf8'), 'original\n');
    assert.deepEqual(fs.readdirSync(dir), ['a.py']);
  } finally {
    fs.chmodSync(dir, 0o755);
  }
});

test('fix: a file that cannot be written is reported, not fatal: the other files are still fixed', async () => {
  // Works as root too: a folder squatting on the temporary file's name (".NAME.venvguard-PID.tmp",
  // this process's PID since check() runs in-process) makes the write fail.
  const dir = tempDir();
  const launch = 'import subprocess\nsubprocess.run(["python", "x.py"])\n';
  const fixedText = 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "x.py"])\n';
  fs.writeFileSync(path.join(dir, 'blocked.py'), launch);
  fs.writeFileSync(path.join(dir, 'free.py'), launch);
  const squatter = path.join(dir, `.blocked.py.venvguard-${process.pid}.tmp`);
  fs.mkdirSync(squatter);
  // The temporary file is created exclusively: an existing name is never reused or followed.
  assert.throws(() => writeAtomically(path.join(dir, 'blocked.py'), Buffer.from(fixedText)), { code: 'EEXIST' }, 'the first error is reported, not the clean-up one');

  const result = await check({ paths: [dir], noConfig: true, fix: 'safe' });
  assert.equal(fs.readFileSync(path.join(dir, 'blocked.py'), 'utf8'), launch);
  assert.equal(fs.readFileSync(path.join(dir, 'free.py'), 'utf8'), fixedText);
  assert.deepEqual(
    result.problems.map((p) => [path.basename(p.path), p.kind, p.partial]),
    [['blocked.py', 'not-fixed', true]],
  );
  assert.match(result.problems[0].message, /^not fixed: cannot write the file: EEXIST/);
  assert.deepEqual(result.diagnostics.map((d) => [path.basename(d.path), d.code]), [['blocked.py', 'VG101']]);
  assert.ok(fs.statSync(squatter).isDirectory(), 'a folder venvguard did not create was removed');
});

test('fix: a file reached through a symbolic link: the target is rewritten and the link stays a link', () => {
  // writeAtomically resolves the link and renames the new content over the target (in the
  // target's folder), so the link keeps pointing at it. (A target outside the checked paths is
  // not written at all: fix-safety.test.ts.)
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'shared'));
  fs.mkdirSync(path.join(root, 'tree'));
  const target = path.join(root, 'shared', 'target.py');
  fs.writeFileSync(target, 'import subprocess\nsubprocess.run(["python", "x.py"])\n');
  fs.chmodSync(target, 0o664);
  fs.symlinkSync('../shared/target.py', path.join(root, 'tree', 'link.py'));
  const r = fixJson(['tree', 'shared', '--fix', '--no-config'], root);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.report.summary.fixesApplied, 1);
  const link = path.join(root, 'tree', 'link.py');
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link was replaced by a regular file');
  assert.equal(fs.readlinkSync(link), '../shared/target.py');
  assert.equal(fs.readFileSync(target, 'utf8'), 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "x.py"])\n');
  assert.equal((fs.statSync(target).mode & 0o777).toString(8), '664');
  assertNoTempFiles(root);
});
