/**
 * The Makefile front end: lexing (logical lines, comments, continuations, recipe prefixes),
 * variables and their offsets, .ONESHELL, SHELL, conditionals, define, bad input — and, where
 * GNU make is installed, the modelled behaviour checked against a real `make` run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { wordSourceSpan } from '../../src/kernel/word.js';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { CURDIR, logicalLines, makefileFrontEnd, parseMakefile } from '../../src/frontends/makefile/index.js';
import { expansionStats, MAX_EXPANSION } from '../../src/frontends/makefile/expander.js';
import { isChar, offAt } from '../../src/frontends/makefile/mtext.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { analyze, lint } from '../makefile-lint.js';
import { argvText, positions, siteAt } from '../config-lint.js';


const V = `${CURDIR}/.venv`;

test('makefile claims: Makefile, makefile, GNUmakefile, *.mk; not Makefile.am or others', () => {
  for (const p of ['Makefile', 'makefile', 'GNUmakefile', 'sub/dir/Makefile', 'mk/python.mk', 'C:\\r\\Makefile']) {
    assert.ok(makefileFrontEnd.claims(p, ''), p);
    assert.equal(claimingFrontEnd(p), makefileFrontEnd, p);
  }
  for (const p of ['Makefile.am', 'Makefile.in', 'makefile.py', '.mk', 'README.md', 'Dockerfile']) assert.ok(!makefileFrontEnd.claims(p, ''), p);
  assert.ok(makefileFrontEnd.mayMatter('test:\n\tpython -m pytest\n', /\bpytest\b/));
  assert.ok(!makefileFrontEnd.mayMatter('all:\n\tgcc -o x x.c\n', /\bpytest\b/));
});

test('makefile lexer: logical lines join on an odd number of trailing backslashes, keeping the pair', () => {
  const ll = logicalLines('a = 1 \\\n  2\nb = x\\\\\nc\n');
  assert.deepEqual(ll.map((l) => [l.firstLine, l.lastLine]), [[1, 2], [3, 3], [4, 4]]);
  assert.equal(ll[0].text.s, 'a = 1 \\\n  2');
  assert.equal(offAt(ll[0].text, 7), 7); // the newline maps to itself
  assert.equal(offAt(ll[0].text, 10), 10);
  assert.equal(offAt(ll[1].text, 0), 12);
});

test('makefile parser: variable flavours, continuation collapsing, comments, trailing white space kept', () => {
  const p = parseMakefile('A := x   # comment\nB = one \\\n      two\nC ?= c\nC ?= d\nD += d1\nD += d2\nE := a\\#b\nF != echo hi\n');
  const val = (n: string) => {
    const v = p.vars.get(n)!;
    const t = v.flavor === 'simple' ? v.value : v.raw;
    return [...t.s].map((ch, k) => (isChar(t, k) ? ch : '?')).join('');
  };
  assert.equal(val('A'), 'x   '); // GNU make keeps white space before a comment (measured: "[x   ]")
  assert.equal(val('B'), 'one two');
  assert.equal(val('C'), 'c');
  assert.equal(val('D'), 'd1 d2');
  assert.equal(val('E'), 'a#b');
  assert.equal(val('F'), '?');
  assert.equal(p.vars.get('B')!.flavor, 'recursive');
  assert.equal(p.problems.length, 0);
});

test('makefile recipe lines: tab prefix, continuation prefixes stripped, inline recipe after ;, comments and blank lines inside a recipe', async () => {
  const { sites, syntaxProblem } = await analyze('all: dep ; echo inline\n\techo one \\\n\t  two\n\n# a make comment\n\t@-echo three\nX = 1\n');
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(sites.map(argvText), ['echo inline', 'echo one two', 'echo three']);
  assert.deepEqual(positions(siteAt(sites, 'echo one')), ['2:2', '2:7', '3:4']);
  assert.deepEqual(positions(siteAt(sites, 'echo three')), ['6:4', '6:9']);
  assert.deepEqual(positions(siteAt(sites, 'echo inline')), ['1:12', '1:17']);
});

test('makefile recipe lines: .RECIPEPREFIX changes the prefix character', async () => {
  const { sites } = await analyze('.RECIPEPREFIX = >\nall:\n> echo one\n> pip \\\n> install x\n');
  assert.deepEqual(sites.map(argvText), ['echo one', 'pip install x']);
  assert.deepEqual(positions(siteAt(sites, 'pip')), ['4:3', '5:3', '5:11']);
});

test('makefile variables: $(VAR), ${VAR}, $V, $$, target-specific values; literal words keep their offsets, expanded ones point at the reference', async () => {
  const code = 'VENV := .venv\nP = pip\nV = .venv\nall:\n\t$(VENV)/bin/python -m pytest ${VENV} $V $$HOME\n\t$(P) install x\nt: P = pip3\nt:\n\t$(P) install y\n';
  const { sites, file } = await analyze(code);
  const py = siteAt(sites, '.venv/bin/python');
  assert.equal(argvText(py), `.venv/bin/python -m pytest .venv .venv ?`);
  assert.equal(file.location(wordSourceSpan(py.argv[0])!.start).column, 2);
  // `$$HOME` is `$HOME` for the shell: an unknown shell variable, not a make reference.
  assert.equal(py.argv[5].fragments[0].kind, 'unknown');
  const pip = siteAt(sites, 'pip install x');
  assert.deepEqual(wordSourceSpan(pip.argv[0]), { start: code.indexOf('$(P) install x'), end: code.indexOf('$(P) install x') + 4 });
  assert.equal(argvText(siteAt(sites, 'pip3 install y')), 'pip3 install y');
});

test('makefile variables: recursive values use the final definition; simple ones the value at that point; functions', async () => {
  const { sites } = await analyze(
    'PY = $(VENV)/bin/python\nNOW := $(VENV)/x\nVENV = env\nall:\n\t$(PY) $(NOW) $(abspath $(VENV)) $(subst e,E,$(VENV)) $(notdir a/b) $(shell which python) $(if $(VENV),yes,no)\n',
  );
  assert.equal(argvText(sites[0]), `env/bin/python ? ${CURDIR}/env Env b ? yes`);
});

test('makefile variables: a multi-line variable in a recipe gives one command line (one shell) per line', async () => {
  const { sites } = await analyze('define SETUP\npython3 -m venv .venv\n. .venv/bin/activate\npip install x\nendef\nall:\n\t@$(SETUP)\n');
  const pip = siteAt(sites, 'pip install x');
  assert.equal(pip.env.activeVenv, undefined); // the activation was another shell
  assert.deepEqual(pip.env.knownVenvs, [V]);
  assert.equal(pip.config?.unit, 'this recipe line');
});

test('makefile state: each recipe line is its own shell; .ONESHELL makes the recipe one shell', async () => {
  const body = 'venv:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate\n\tpip install x\n';
  const a = await analyze(body);
  assert.equal(siteAt(a.sites, 'pip').env.activeVenv, undefined);
  const b = await analyze('.ONESHELL:\n' + body);
  assert.equal(siteAt(b.sites, 'pip').env.activeVenv, V);
  assert.equal((siteAt(b.sites, 'pip')).config?.unit, 'this recipe');
  const c = await analyze('venv:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate && pip install x\n');
  assert.equal(siteAt(c.sites, 'pip').env.activeVenv, V);
});

test('makefile state: a venv another recipe creates is known where that target is a prerequisite (or the recipe names it), and in its own recipe after the creating line', async () => {
  const { sites } = await analyze('test: venv\n\tpytest\nvenv:\n\tpip install virtualenv\n\tvirtualenv .venv\n\tpip install x\nlint:\n\tflake8\nall: test\n\tblack .\ncheck: | all\n\truff .\nnamed:\n\ttest -d .venv/bin || exit 1; mypy\n');
  assert.deepEqual(siteAt(sites, 'pytest').env.knownVenvs, [V]);
  assert.deepEqual(siteAt(sites, 'flake8').env.knownVenvs, [], 'an unrelated target: a venv it does not need');
  assert.deepEqual(siteAt(sites, 'black').env.knownVenvs, [V], 'through a prerequisite of a prerequisite');
  assert.deepEqual(siteAt(sites, 'ruff').env.knownVenvs, [V], 'order-only prerequisites count');
  assert.deepEqual(siteAt(sites, 'mypy').env.knownVenvs, [V], 'a recipe that names the venv');
  assert.deepEqual(siteAt(sites, 'pip install virtualenv').env.knownVenvs, []);
  assert.deepEqual(siteAt(sites, 'pip install x').env.knownVenvs, [V]);
});

test('makefile state: PATH at file level reaches recipes (exported or not: make imports PATH from its environment); unexport stops it', async () => {
  const venv = 'venv:\n\tpython3 -m venv .venv\ntest: venv\n\tpytest\n';
  for (const head of ['export PATH := $(CURDIR)/.venv/bin:$(PATH)\n', 'PATH := $(abspath .venv)/bin:$(PATH)\n', 'PATH := .venv/bin:$(PATH)\n']) {
    const { sites } = await analyze(head + venv);
    assert.equal(siteAt(sites, 'pytest').env.activeVenv, V, head);
  }
  const u = await analyze('PATH := .venv/bin:$(PATH)\nunexport PATH\n' + venv);
  assert.equal(siteAt(u.sites, 'pytest').env.activeVenv, undefined);
  const t = await analyze('test: PATH := $(CURDIR)/.venv/bin:$(PATH)\n' + venv);
  assert.equal(siteAt(t.sites, 'pytest').env.activeVenv, V);
});

test('makefile facts: VIRTUAL_ENV only when exported; SHELL sets the dialect and shell name', async () => {
  const exp = await analyze('export VIRTUAL_ENV := $(CURDIR)/.venv\nall:\n\tpytest\n');
  assert.deepEqual(exp.sites[0].config?.virtualEnv, { venv: V, span: { start: 0, end: 37 } });
  const noexp = await analyze('VIRTUAL_ENV := $(CURDIR)/.venv\nall:\n\tpytest\n');
  assert.equal(noexp.sites[0].config?.virtualEnv, undefined);
  const dflt = await analyze('all:\n\tsource .venv/bin/activate\n');
  assert.equal(dflt.sites[0].config?.shellDialect, 'sh');
  assert.equal(dflt.sites[0].config?.shellName, '/bin/sh');
  for (const [decl, dialect, name] of [['SHELL := /bin/bash', 'bash', '/bin/bash'], ['SHELL=bash', 'bash', 'bash'], ['SHELL = /usr/bin/env bash', 'bash', '/usr/bin/env bash'], ['SHELL := /bin/dash', 'sh', '/bin/dash']]) {
    const r = await analyze(`${decl}\nall:\n\t-source .venv/bin/activate\n`);
    assert.equal(r.sites[0].config?.shellDialect, dialect, decl);
    assert.equal(r.sites[0].config?.shellName, name, decl);
    assert.equal(r.sites[0].config?.ignoresErrors, true, decl);
  }
  const py = await analyze('SHELL := python3\nall:\n\tprint(1)\n');
  assert.equal(py.sites.length, 0); // not a POSIX shell: not analysed
});

test('makefile conditionals: rules in both branches are analysed; variables follow a decidable condition, else become unknown where the branches differ', async () => {
  const { sites, syntaxProblem } = await analyze(
    [
      'ifeq ($(ARCH),arm64)',
      'PY := python',
      'win:',
      '\tpip install pywin32',
      'else',
      'PY := python3',
      'endif',
      'ifeq ($(shell uname),Darwin)',
      'TOOL := a',
      'else',
      'TOOL := b',
      'endif',
      'ifndef VENV',
      'VENV := .venv',
      'endif',
      'all:',
      '\t$(PY) -m venv $(VENV)',
      '\t$(TOOL)',
      '',
    ].join('\n'),
  );
  assert.equal(syntaxProblem, undefined);
  assert.ok(siteAt(sites, 'pip install pywin32'));
  assert.equal(argvText(siteAt(sites, 'python3 -m venv')), 'python3 -m venv .venv');
  const tool = sites.find((s) => s.argv[0].fragments[0].kind === 'unknown');
  assert.ok(tool, 'TOOL is unknown after an undecidable conditional');
});

test('makefile bad input: missing separator, unterminated define, stray endif, missing endif, unterminated reference: one problem, analysis goes on', async () => {
  const a = await analyze('all:\n\tpython3 -m venv .venv\nfoo bar\ntest:\n\tpip install x\nendif\n');
  assert.match(a.syntaxProblem!.message, /^missing separator \(and 1 more\)$/);
  assert.equal(a.syntaxProblem!.start?.line, 3);
  assert.equal(a.syntaxProblem!.partial, true);
  assert.ok(siteAt(a.sites, 'pip install x'));
  const b = await analyze('all:\n\tpip install x\ndefine X\nfoo\n');
  assert.match(b.syntaxProblem!.message, /missing 'endef', unterminated 'define'/);
  assert.ok(siteAt(b.sites, 'pip'));
  const c = await analyze('ifdef X\nall:\n\techo $(oops\n');
  assert.match(c.syntaxProblem!.message, /missing 'endif'|unterminated variable reference/);
  assert.match(c.syntaxProblem!.message, /and 1 more/);
  const d = await analyze('X = 1\n\techo hi\n');
  assert.match(d.syntaxProblem!.message, /recipe commences before first target/);
  const e = await analyze('all:\n\techo "unterminated\n');
  assert.match(e.syntaxProblem!.message, /^shell: /);
});

test('makefile bad input: a binary file named Makefile is refused as binary; huge and deeply recursive input does not crash', async () => {
  const r = makefileFrontEnd.decode!('Makefile', new Uint8Array([0x61, 0x3a, 0x0a, 0x09, 0x00, 0xff]));
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.kind, 'binary');
  assert.match(!r.ok ? r.message : '', /^not a makefile: NUL byte at offset 4/);
  const loop = await analyze('A = $(B)\nB = $(A)\nall:\n\t$(A) x\n');
  assert.match(loop.syntaxProblem!.message, /references itself/);
  const big = await analyze('X = 1\n'.repeat(20000) + 'all:\n' + '\techo $(X)\n'.repeat(2000));
  assert.equal(big.sites.length, 2000);
});

// ---------------------------------------------------------------------------------------------
// Against the real GNU make, when it is installed.

const make = spawnSync('make', ['--version'], { encoding: 'utf8' });
const haveMake = make.status === 0 && /GNU Make/.test(make.stdout);
const makePath = haveMake ? spawnSync('sh', ['-c', 'command -v make'], { encoding: 'utf8' }).stdout.trim() : 'make';
const skip = haveMake ? false : 'GNU make is not installed: the model is not checked against a real make run';

/** A temp folder with a fake venv whose bin holds an `activate` and a `pip` that says where it is. */
function fakeVenvProject(makefile: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-make-'));
  fs.mkdirSync(path.join(dir, '.venv', 'bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.venv', 'bin', 'activate'), 'PATH="$(pwd)/.venv/bin:$PATH"; export PATH\n');
  fs.writeFileSync(path.join(dir, '.venv', 'bin', 'pip'), '#!/bin/sh\necho VENV-PIP\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'Makefile'), makefile);
  return dir;
}

function runMake(dir: string, target: string): { out: string; status: number | null } {
  // PATH is an empty folder: no system pip can answer, and the recipes only use shell builtins.
  fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
  const r = spawnSync(makePath, ['-s', target], { cwd: dir, encoding: 'utf8', env: { PATH: path.join(dir, 'empty'), HOME: dir } });
  return { out: r.stdout + r.stderr, status: r.status };
}

test('real make: each recipe line is its own shell (cd and activation are lost), .ONESHELL keeps them — as modelled', { skip }, async () => {
  const recipe = 'venv:\n\tpython3 -m venv .venv\nuse:\n\tcd /tmp\n\tpwd; :\n\t. .venv/bin/activate\n\tpip install x\n';
  const dir = fakeVenvProject(recipe);
  try {
    const sep = runMake(dir, 'use');
    assert.equal(sep.out.split('\n')[0], fs.realpathSync(dir)); // `pwd` is back in the Makefile's folder
    assert.doesNotMatch(sep.out, /VENV-PIP/);
    assert.equal((await lint(venvNotOnPath, recipe)).length, 1); // modelled: the pip escapes
    fs.writeFileSync(path.join(dir, 'Makefile'), '.ONESHELL:\nuse:\n\t. .venv/bin/activate\n\tpip install x\n');
    assert.match(runMake(dir, 'use').out, /VENV-PIP/);
    assert.equal((await lint(venvNotOnPath, '.ONESHELL:\nvenv:\n\tpython3 -m venv .venv\nuse:\n\t. .venv/bin/activate\n\tpip install x\n')).length, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('real make: PATH set in the makefile without export reaches recipes; unexport PATH removes it — as modelled', { skip }, async () => {
  const dir = fakeVenvProject('PATH := $(CURDIR)/.venv/bin:$(PATH)\nuse:\n\tpip install x\n');
  try {
    assert.match(runMake(dir, 'use').out, /VENV-PIP/);
    const { sites } = await analyze('PATH := $(CURDIR)/.venv/bin:$(PATH)\nvenv:\n\tpython3 -m venv .venv\nuse: venv\n\tpip install x\n');
    assert.equal(siteAt(sites, 'pip').env.activeVenv, V);
    fs.writeFileSync(path.join(dir, 'Makefile'), 'PATH := $(CURDIR)/.venv/bin:$(PATH)\nunexport PATH\nuse:\n\tpip install x; true\n');
    assert.doesNotMatch(runMake(dir, 'use').out, /VENV-PIP/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('real make: `source` under the default /bin/sh fails with 127 and stops make; `-` or `;` lets it go on', { skip }, () => {
  const dir = fakeVenvProject('a:\n\tsource .venv/bin/activate\n\techo after; :\nb:\n\t-source .venv/bin/activate\n\techo after; :\nc:\n\tsource .venv/bin/activate; echo after\n');
  try {
    const a = runMake(dir, 'a');
    assert.equal(a.status, 2);
    assert.match(a.out, /Error 127/);
    assert.doesNotMatch(a.out, /after/);
    const b = runMake(dir, 'b');
    assert.equal(b.status, 0);
    assert.match(b.out, /after/);
    assert.match(b.out, /source: No such file or directory/); // make ran `source` itself (no shell metacharacters): 127
    const c = runMake(dir, 'c');
    assert.match(c.out, /after/);
    assert.match(c.out, /source: not found/); // dash has no `source`
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('makefile bad input: exponentially growing variables are cut off with a problem, not expanded for ever', async () => {
  let code = 'A0 = x\n';
  for (let i = 1; i <= 40; i++) code += `A${i} = $(A${i - 1})$(A${i - 1})\n`;
  code += 'all:\n\techo $(A40)\n';
  // Bounded work, counted rather than timed (a loaded CI machine makes wall time meaningless):
  // the characters all expansions copy stay within a small multiple of one expansion's cap.
  const before = expansionStats.units;
  const r = await analyze(code);
  const copied = expansionStats.units - before;
  assert.ok(copied < 32 * MAX_EXPANSION, `${copied} characters copied`);
  assert.match(r.syntaxProblem!.message, /variable expansion too large to analyse/);
});

// mayan-edms's docker/Makefile (issue 15): `include config.env` then `X ?= $(X)`. The included file
// (not followed) sets X, so make never sees a recursive variable; without the include it does.
test('makefile: `X ?= $(X)` after an include is a value from the included file, not a recursive variable (real make agrees)', async () => {
  const withInclude = 'include config.env\nREG ?= $(REG)\npush:\n\techo $(REG); :\n';
  assert.deepEqual(parseMakefile(withInclude).problems, []);
  const { syntaxProblem } = await analyze(withInclude);
  assert.equal(syntaxProblem, undefined);
  const without = 'REG ?= $(REG)\npush:\n\techo $(REG); :\n';
  const { syntaxProblem: without3 } = await analyze(without);
  assert.match(without3?.message ?? '', /recursive variable 'REG' references itself/);
  if (!haveMake) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-make-'));
  try {
    fs.writeFileSync(path.join(dir, 'config.env'), 'REG=registry.local\n');
    fs.writeFileSync(path.join(dir, 'Makefile'), withInclude);
    assert.equal(runMake(dir, 'push').out, 'registry.local\n');
    fs.writeFileSync(path.join(dir, 'Makefile'), without);
    assert.match(runMake(dir, 'push').out, /Recursive variable .REG. references itself/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** CPython's Makefile in miniature: a recursive list of lists, used as the prerequisites and in the recipes of n rules. */
function manyRules(n: number): string {
  let code = '';
  for (let g = 0; g < 20; g++) code += `G${g} = $(srcdir)/Objects/g${g}a.o $(srcdir)/Objects/g${g}b.o $(EXTRA)\n`;
  code += `OBJS = ${Array.from({ length: 20 }, (_, g) => `$(G${g})`).join(' ')}\nsrcdir = .\nEXTRA = $(srcdir)/x.o\n`;
  for (let i = 0; i < n; i++) code += `t${i}.o: $(OBJS)\n\t$(CC) -o $@ $(OBJS)\n`;
  return code;
}

test('makefile scale: a recursive variable is expanded once per context, not once per use (operation count, not time)', async () => {
  const count = async (n: number) => {
    const before = expansionStats.references;
    const { sites } = await analyze(manyRules(n));
    assert.equal(sites.length, n);
    return expansionStats.references - before;
  };
  const small = await count(25);
  const large = await count(200);
  // Each rule references $(OBJS) twice and $(CC), $@ once: a constant; the 41 references inside
  // $(OBJS) are expanded once per file and kind of expansion. Without the memo: ~85 per rule.
  assert.ok(large - small <= 175 * 8, `${small} references for 25 rules, ${large} for 200`);
  assert.ok(small < 25 * 20, `${small} references for 25 rules`);
});

test('makefile scale: a memoized expansion is not reused where a variable it read differs (target-specific value, $@, a later definition)', async () => {
  const code = 'B = one\nA = $(B)/$@\nall:\n\techo $(A)\nt: B = two\nt:\n\techo $(A)\nu:\n\techo $(A)\n';
  const { sites } = await analyze(code);
  assert.deepEqual(sites.map(argvText), ['echo one/all', 'echo two/t', 'echo one/u']);
  const p = parseMakefile('X = $(Y)\nY = 1\na: $(X)\nY = 2\nb: $(X)\n');
  assert.deepEqual(p.rules.map((r) => r.prereqs), [['1'], ['2']]);
});

// glances (unseen corpus): a line that is only a function call whose value is unknown here is what
// make expands to nothing; it is not a missing separator (real make agrees).
test('makefile: a top-level $(shell …) or $(foreach …, $(info …)) line is not a missing separator', async () => {
  const code = 'all:\n\tpython3 -V\n$(foreach x,a b,$(info $(x)))\n$(shell true)\nstill: all\n';
  assert.deepEqual(parseMakefile(code).problems, []);
  const { syntaxProblem, sites } = await analyze(code);
  assert.equal(syntaxProblem, undefined);
  assert.equal(sites.length, 1);
  // A line of plain text still is.
  assert.match(parseMakefile('all:\n\ttrue\nsome text\n').problems[0]?.message ?? '', /missing separator/);
  if (!haveMake) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-make-'));
  try {
    // The same lines, with a recipe of shell builtins only (runMake's PATH is empty).
    fs.writeFileSync(path.join(dir, 'Makefile'), 'all:\n\t@:\n$(foreach x,a b,$(info $(x)))\n$(shell exit 0)\nstill: all\n');
    assert.deepEqual(runMake(dir, 'all'), { out: 'a\nb\n', status: 0 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// micropython's ports/alif/Makefile (unseen38): an `else` branch that stops with `$(error …)`,
// written with one `)` too many: make stops at the error while it expands the line and never
// reads the rest, so the file is no missing separator (and when the branch is not taken, make
// does not read the line at all).
test('makefile: a line that stops make with $(error …) is no missing separator, whatever follows the call', async () => {
  const code = (mcu: string) => `MCU ?= ${mcu}\nifeq ($(MCU),HP)\nCORE = m55_hp\nelse\n$(error Invalid MCU core specified))\nendif\nall:\n\t@:\n`;
  assert.deepEqual(parseMakefile(code('HP')).problems, []);
  assert.match(parseMakefile('all:\n\t@:\n$(warning x))\n').problems[0]?.message ?? '', /missing separator/, 'a warning does not stop make');
  if (!haveMake) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-make-'));
  try {
    fs.writeFileSync(path.join(dir, 'Makefile'), code('HP'));
    assert.equal(runMake(dir, 'all').status, 0);
    fs.writeFileSync(path.join(dir, 'Makefile'), code('XX'));
    const r = runMake(dir, 'all');
    assert.notEqual(r.status, 0);
    assert.match(r.out, /Invalid MCU core specified/);
    assert.doesNotMatch(r.out, /missing separator/);
    fs.writeFileSync(path.join(dir, 'Makefile'), 'all:\n\t@:\n$(warning x))\n');
    assert.match(runMake(dir, 'all').out, /missing separator/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// richie's cookiecutter Makefile (unseen14): a recipe line indented with blanks, not a tab, whose
// `$(YARN)` expands to text with a `:` (`DOCKER_USER="$(UID):$(GID)"`): make reads the expanded line
// as a rule and accepts the file; without the `:` it stops with "missing separator".
test('makefile: a blank-indented line whose references expand to a `:` (or to what is not known) is no missing separator', async () => {
  const code = (user: string) => `COMPOSE = DOCKER_USER="${user}" docker compose\nYARN = $(COMPOSE) run node yarn\nall:\n\t@:\ntest-front: ## tests\n       @$(YARN) test\n`;
  assert.deepEqual(parseMakefile(code('1000:1000')).problems, []);
  assert.deepEqual(parseMakefile(code('$(shell id -u)')).problems, []);
  assert.match(parseMakefile(code('1000')).problems[0]?.message ?? '', /missing separator/);
  if (!haveMake) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vg-make-'));
  try {
    fs.writeFileSync(path.join(dir, 'Makefile'), code('1000:1000'));
    assert.equal(runMake(dir, 'all').status, 0);
    fs.writeFileSync(path.join(dir, 'Makefile'), code('1000'));
    assert.notEqual(runMake(dir, 'all').status, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
