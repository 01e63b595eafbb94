/**
 * Issue 15, session 30: findings and problems of the unseen38 batch (Python programs that start
 * pip, python or console scripts by name), the unseen39 batch (services deployed from a venv),
 * unseen40 (machine-learning research code) and unseen41 (libraries' CI and dev configuration)
 * reviewed as false, with a wrong fix, or as not fully checked, each with the near case that is
 * still reported. Shell scripts are checked with the real shell first (`bash -n`, `zsh -n` where
 * zsh is installed).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { test } from 'node:test';
import { check } from '../../src/api.js';
import type { Diagnostic } from '../../src/kernel/diagnostic.js';
import { writeProject } from '../helpers.js';

/** `check` over one script: its problems and findings as `line CODE`. */
async function checkScript(name: string, text: string, shell = 'bash'): Promise<{ problems: string[]; findings: string[] }> {
  const root = writeProject('venvguard-u38-', { [name]: text });
  try {
    const real = spawnSync(shell, ['-n', name], { cwd: root, encoding: 'utf8' });
    if (!(shell !== 'bash' && real.error)) assert.equal(real.status, 0, `${shell} -n refuses the script: ${real.stderr}`);
    const r = await check({ paths: ['.'], cwd: root, noConfig: true });
    return { problems: r.problems.map((p) => `${p.start?.line} ${p.message}`), findings: r.diagnostics.map((d) => `${d.start.line} ${d.code}`) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** The diagnostics of `check` over a project made of `files` (VG106 too when asked), each through `show`. */
async function projectDiagnostics(files: Record<string, string>, show: (d: Diagnostic) => string, extendSelect: string[] = []): Promise<string[]> {
  const root = writeProject('venvguard-u38-', files);
  try {
    return (await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect })).diagnostics.map(show);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
const lineCode = (d: Diagnostic) => `${d.start.line} ${d.code}`;

// The script's end: a venv made and then used by name, found only when the script is read to its end.
const TAIL = 'python3 -m venv .venv\npip install requests\n';

test("ksh's ${.sh.file} in a branch bash never runs is valid to bash (micropython's tools/ci.sh)", async () => {
  const script = ['#!/bin/bash', 'if [ -n "$KSH_VERSION" ]; then', '  [ "$(cd -- "$(dirname -- "$0")" && pwd -P)" != "$(cd -- "$(dirname -- "${.sh.file}")" && pwd -P)" ] && sourced=1', 'fi', TAIL].join('\n');
  assert.deepEqual(await checkScript('tools/ci.sh', script), { problems: [], findings: ['6 VG201'] });
});

test('a here-document alone as a command (a note bash reads and runs nothing for) is valid (documentcloud install.sh)', async () => {
  const note = ['#!/bin/bash', 'echo "done"', '', '<<USAGE', './documentcloud/install.sh', 'USAGE', TAIL].join('\n');
  assert.deepEqual(await checkScript('install.sh', note), { problems: [], findings: ['8 VG201'] });
  // Indented, with `<<-`, or after `then`.
  const indented = ['#!/bin/bash', 'if true; then', "  <<-'EOF'", '\tnote', '\tEOF', 'fi', TAIL].join('\n');
  assert.deepEqual(await checkScript('x.sh', indented), { problems: [], findings: ['8 VG201'] });
  // Nothing before it to rewrite (no blank, no empty line): still reported, not misread.
  const glued = ['#!/bin/bash', 'echo "done"', '<<USAGE', 'x', 'USAGE', TAIL].join('\n');
  const r = await checkScript('y.sh', glued);
  assert.equal(r.problems.length, 1);
});

test("a name chosen by a test of what sys.executable is, or of a frozen build, is meant (mbed-cli's standalone build runs PATH's python)", async () => {
  const code = (test: string) => ['import os', 'import subprocess', 'import sys', '', 'python_cmd = sys.executable', `if ${test}:`, "    python_cmd = 'python'", '', '', 'def pquery(args):', '    return subprocess.check_output([python_cmd] + args)', '', '', 'def install(req):', "    pquery(['-m', 'pip', 'install', '-r', req])", ''].join('\n');
  const findings = (text: string) => projectDiagnostics({ 'mbed/mbed.py': text }, (d) => `${d.start.line} ${d.code} ${d.message}`, ['VG106']);
  const held = await findings(code("os.path.basename(python_cmd).startswith('mbed')"));
  assert.equal(held.length, 1, held.join('\n'));
  assert.match(held[0], /^11 VG106 .*chosen by the test of sys\.executable on line 6/);
  assert.match((await findings(code("getattr(sys, 'frozen', False)")))[0], /^11 VG106 .*line 6/);
  // The twin: a test of something else leaves the name a plain choice, reported.
  assert.match((await findings(code("os.environ.get('CI')")))[0], /^11 VG101 /);
});

test('a project that says it runs on Python 2 (Travis on 2.7.6, cyverse atmosphere) gets no fix that Python 2 cannot run: no shutil.which, no shlex.quote', async () => {
  const deploy = ['import os', 'import subprocess', 'import sys', '', '', 'def run(pb):', '    args = ["ansible-playbook", pb]', '    return subprocess.Popen(args, stdout=subprocess.PIPE)', '', '', 'def lint():', '    os.system("ansible-lint site.yml")', ''].join('\n');
  const travis = ['---', '  language: python', '  python:', '    - 2.7.6', '  script: ./travis/check.sh', ''].join('\n');
  const fixes = (files: Record<string, string>) => projectDiagnostics({ 'requirements.txt': 'ansible==2.9\nansible-lint\n', 'service/deploy.py': deploy, ...files }, (d) => `${d.start.line} ${d.code} ${d.fix ? d.fix.edits[0].text : 'no fix'}`);
  assert.deepEqual(await fixes({ '.travis.yml': travis }), ['8 VG103 os.path.join(os.path.dirname(sys.executable), "ansible-playbook")', '12 VG103 no fix']);
  for (const py2 of <Record<string, string>[]>[{ 'setup.py': 'from setuptools import setup\nsetup(name="x", classifiers=["Programming Language :: Python :: 2.7"])\n' }, { 'tox.ini': '[tox]\nenvlist = py27, py36\n' }, { '.github/workflows/t.yml': 'jobs:\n  t:\n    strategy:\n      matrix:\n        python-version: ["2.7", "3.8"]\n' }]) {
    assert.equal((await fixes(py2))[0], '8 VG103 os.path.join(os.path.dirname(sys.executable), "ansible-playbook")', JSON.stringify(py2));
  }
  // A file written for Python 3 only (an f-string) cannot run on 2 whatever a stale CI file says (inginious' .travis.yml).
  const f = await fixes({ '.travis.yml': travis, 'service/deploy.py': `${deploy}\n\ndef show(pb):\n    print(f"{pb}")\n` });
  assert.match(f[0], /^8 VG103 shutil\.which/);
  assert.match(f[1], /^12 VG103 .*shlex\.quote/);
  // The twin: Python 3 only (3.10 and 3.12 in CI): the script beside the interpreter or PATH's, and the shell string quoted.
  const py3 = await fixes({ '.travis.yml': travis.replace('2.7.6', '3.10'), 'tox.ini': '[tox]\nenvlist = py310, py312\n' });
  assert.match(py3[0], /^8 VG103 shutil\.which\("ansible-playbook", path=os\.path\.dirname\(sys\.executable\)\) or "ansible-playbook"$/);
  assert.match(py3[1], /^12 VG103 .*shlex\.quote/);
});

test("a version probe of a tool whose name the file writes again (RIDE's get_command returns it) gets no fix; a lone probe does", async () => {
  const code = ['import subprocess', '', '', 'def get_command():', '    result = subprocess.call(["robot", "--version"])', '    if result == 251:', '        return "robot"', '    return None', ''].join('\n');
  const fixes = (text: string) => projectDiagnostics({ 'requirements.txt': 'robotframework\n', 'src/runprofiles.py': text }, (d) => `${d.start.line} ${d.code} ${d.fix ? 'fix' : 'no fix'}`);
  assert.deepEqual(await fixes(code), ['5 VG103 no fix']);
  assert.deepEqual(await fixes(code.replace('return "robot"', 'return True')), ['5 VG103 fix']);
  // The name written again as the program of another launch, which gets its own fix (pymor's gmsh probe, then its mesh run).
  assert.deepEqual(await fixes(code.replace('return "robot"', 'return subprocess.call(["robot", "tests"])')), ['5 VG103 fix', '7 VG103 fix']);
});

test("an interpreter started with -S (no site-packages: micropython's `[CPYTHON3, \"-BS\"]` benchmark runner) needs no venv", async () => {
  const code = (opts: string) => ['import subprocess', '', '', 'def bench(test):', `    return subprocess.check_output(["python3", ${opts}, test])`, ''].join('\n');
  const findings = (text: string) => projectDiagnostics({ 'tests/run-internalbench.py': text }, lineCode);
  assert.deepEqual(await findings(code('"-BS"')), []);
  assert.deepEqual(await findings(code('"-S", "-u"')), []);
  // Twins: without -S, and -S with a module (which must then be found: `-S -m pytest` fails without site-packages, it is reported).
  assert.deepEqual(await findings(code('"-B"')), ['5 VG101']);
  assert.deepEqual(await findings(code('"-S", "-m", "pytest"')), ['5 VG101']);
});

test("a script whose shebang is a system interpreter runs outside any venv, sudo's launches too (howdy's Debian postinst)", async () => {
  const code = (shebang: string) => [shebang, '# Executed after primary apt install', 'import subprocess', '', 'cmd = ["sudo", "python3", "setup.py", "install"]', 'sp = subprocess.Popen(cmd, cwd="/tmp/dlib", stdout=subprocess.PIPE)', ''].join('\n');
  const findings = (text: string) => projectDiagnostics({ 'howdy/debian/postinst': text }, lineCode);
  assert.deepEqual(await findings(code('#!/usr/bin/python3')), []);
  // The twin: `#!/usr/bin/env python3` may be a venv's python, whose sudo child is not.
  assert.deepEqual(await findings(code('#!/usr/bin/env python3')), ['6 VG101']);
});

test("an assignment alone with a redirection before && (libtool's ltmain.sh probing for +=) is valid bash", async () => {
  const script = ['#!/bin/sh', 'if test -z "$_G_HAVE_PLUSEQ_OP" &&  \\', '    __PLUSEQ_TEST="a" &&  \\', '    __PLUSEQ_TEST+=" b" 2>/dev/null &&  \\', '    test "a b" = "$__PLUSEQ_TEST"; then', '  _G_HAVE_PLUSEQ_OP=yes', 'fi', 'x=1 >/dev/null; echo "$x"', 'y=2 >&2 || y=3', TAIL].join('\n');
  assert.deepEqual(await checkScript('config/ltmain.sh', script), { problems: [], findings: ['11 VG201'] });
});

test("zsh's loop over several names (fairseq's data2vec scripts, #!/usr/bin/env zsh) is read, not reported as a syntax error", async () => {
  const script = ['#!/usr/bin/env zsh', 'declare -A tasks', 'tasks[cola]="/data/CoLA"', 'for task data_path in ${(kv)tasks}; do', '  echo "$task $data_path"', 'done', TAIL].join('\n');
  assert.deepEqual(await checkScript('scripts/finetune_all_fair.sh', script, 'zsh'), { problems: [], findings: ['8 VG201'] });
});
