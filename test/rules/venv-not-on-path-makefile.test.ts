/** VG201 on Makefiles: each recipe line is a new shell; venvs created by any recipe are known everywhere else. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { analyze, applyEdits, assertSilent, lint, siteAt } from '../makefile-lint.js';

const valid: [string, string][] = [
  ['no venv anywhere: system pip and pytest', 'install:\n\tpip install -r requirements.txt\ntest:\n\tpytest -q\n'],
  ['tools that manage their own environment', 'venv:\n\tpython3 -m venv .venv\ntest:\n\tuv run pytest\n\tpoetry run pytest\n\ttox -e py312\n\tnox -s tests\n'],
  ['the venv by path through a make variable', 'VENV := .venv\nPY := $(VENV)/bin/python\nvenv:\n\tpython3 -m venv $(VENV)\n\t$(VENV)/bin/pip install -r requirements.txt\ntest: venv\n\t$(PY) -m pytest\n\t${VENV}/bin/ruff check .\n'],
  ['activated and used on the same line', 'venv:\n\tpython3 -m venv .venv\ntest:\n\t. .venv/bin/activate && pytest\n\tsource .venv/bin/activate; \\\n\t  python -m build\n'],
  ['.ONESHELL: activation lasts for the recipe', '.ONESHELL:\nvenv:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate\n\tpip install -e .\n'],
  ['export PATH at file level puts the venv on PATH for every recipe', 'VENV := .venv\nexport VIRTUAL_ENV := $(abspath $(VENV))\nexport PATH := $(VIRTUAL_ENV)/bin:$(PATH)\nvenv:\n\tvirtualenv $(VENV)\ntest:\n\tpytest\n\tpip install x\n'],
  ['PATH at file level without export also reaches recipes (PATH comes from the environment)', 'PATH := $(CURDIR)/.venv/bin:$(PATH)\nvenv:\n\tuv venv\ntest:\n\tpytest\n'],
  ['a target-specific PATH', 'venv:\n\tpython3 -m venv .venv\ntest: PATH := $(abspath .venv)/bin:$(PATH)\ntest:\n\tpytest\n'],
  ['PATH set for the command', 'venv:\n\tpython3 -m venv .venv\ntest:\n\tPATH="$$PWD/.venv/bin:$$PATH" pytest\n'],
  ['pip before the venv exists, in the creating recipe', 'venv:\n\tpip install virtualenv\n\tvirtualenv .venv\n'],
  ['suppressed at the end of the recipe line', 'venv:\n\tpython3 -m venv .venv\ntest:\n\tpytest  # venvguard: ignore[VG201]\n'],
  ['suppressed by a comment line above (make comment or shell comment)', 'venv:\n\tpython3 -m venv .venv\ntest:\n# noqa: VG201\n\tpytest\n\t# venvguard: ignore[venv-not-on-path]\n\tpip install x\n'],
  ['a version probe', 'venv:\n\tpython3 -m venv .venv\nv:\n\tpython3 --version\n'],
  ['commands for other hosts and containers', 'venv:\n\tpython3 -m venv .venv\nd:\n\tdocker run img pip install x\n\tssh host pytest\n\tgit status\n'],
  ['a non-POSIX SHELL is not analysed', 'SHELL := /usr/bin/fish\nvenv:\n\tpython3 -m venv .venv\ntest:\n\tpytest\n'],
];

for (const [name, code] of valid) {
  test(`venv-not-on-path (makefile) valid: ${name}`, async () => {
    assert.equal((await analyze(code)).syntaxProblem, undefined);
    await assertSilent(venvNotOnPath, code);
    await assertSilent(activationDoesNotPersist, code);
  });
}

test('venv-not-on-path (makefile) invalid: pip in another recipe; the fix uses the make variable and re-checks clean', async () => {
  const code = 'VENV := .venv\n\nvenv:\n\tpython3 -m venv $(VENV)\n\ninstall: venv\n\tpip install -r requirements.txt\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 2]]);
  assert.equal(
    found[0].message,
    '"pip" runs from PATH, but the venv $(VENV) created by target venv (line 4) is not on PATH in this recipe line; use $(VENV)/bin/python -m pip, or put it on PATH for every recipe with export PATH := $(abspath $(VENV))/bin:$(PATH)',
  );
  const fixed = applyEdits(code, found[0].edits!);
  assert.equal(fixed, code.replace('\tpip install', '\t$(VENV)/bin/python -m pip install'));
  await assertSilent(venvNotOnPath, fixed);
});

test('venv-not-on-path (makefile) invalid: activation on one line, pip on the next (VG201 at the pip, VG202 at the activation)', async () => {
  const code = 'VENV = .venv\n.PHONY: install\ninstall:\n\tpython3 -m venv $(VENV)\n\t. $(VENV)/bin/activate\n\t@pip install -e .\n';
  const vg201 = await lint(venvNotOnPath, code);
  assert.deepEqual(vg201.map((f) => [f.line, f.column]), [[6, 3]]);
  assert.match(vg201[0].message, /^"pip" runs from PATH, but the venv \$\(VENV\) created by target install \(line 4\) is not on PATH in this recipe line; use \$\(VENV\)\/bin\/python -m pip, or add \.ONESHELL: so that a recipe's lines share one shell/);
  const fixed = applyEdits(code, vg201[0].edits!);
  assert.equal(fixed, code.replace('@pip install', '@$(VENV)/bin/python -m pip install'));
  await assertSilent(venvNotOnPath, fixed);
  const vg202 = await lint(activationDoesNotPersist, code);
  assert.deepEqual(vg202.map((f) => [f.line, f.column]), [[5, 2]]);
});

test('venv-not-on-path (makefile) invalid: no make variable names the venv: the literal path; console scripts; continuation lines', async () => {
  const code = 'setup:\n\tvirtualenv venv\ntest:\n\techo start && \\\n\t  pytest -q \\\n\t    tests/\n\tblack --check .\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[5, 4], [7, 2]]);
  assert.match(found[0].message, /^"pytest" runs from PATH, but the venv venv created by target setup \(line 2\) is not on PATH in this recipe line; use venv\/bin\/pytest, or put it on PATH for every recipe with export PATH := \$\(abspath venv\)\/bin:\$\(PATH\)$/);
  let fixed = code;
  for (const f of [...found].reverse()) fixed = applyEdits(fixed, f.edits!);
  assert.equal(fixed, code.replace('  pytest -q', '  venv/bin/pytest -q').replace('\tblack', '\tvenv/bin/black'));
  await assertSilent(venvNotOnPath, fixed);
});

test('venv-not-on-path (makefile) invalid: a program from a make variable is reported at the reference, without a fix', async () => {
  const code = 'PYTHON := python3\nvenv:\n\t$(PYTHON) -m venv .venv\ntest:\n\t$(PYTHON) -m pytest\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[5, 2]]);
  assert.equal(found[0].edits, undefined);
});

test('venv-not-on-path (makefile) invalid: a venv VARIABLE with trailing white space is not used in the fix (make keeps the spaces)', async () => {
  const code = 'VENV := .venv   # the venv\nvenv:\n\tpython3 -m venv .venv\ntest:\n\tpytest\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[5, 2]]);
  assert.equal(applyEdits(code, found[0].edits!), code.replace('\tpytest', '\t.venv/bin/pytest'));
});

test('venv-not-on-path (makefile) invalid: PATH without the venv when `unexport PATH`; VIRTUAL_ENV without export does not help', async () => {
  const code = 'PATH := $(CURDIR)/.venv/bin:$(PATH)\nunexport PATH\nVIRTUAL_ENV := $(CURDIR)/.venv\nvenv:\n\tuv venv\ntest:\n\tpytest\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[7, 2]]);
  assert.match(found[0].message, /the venv \$\(VIRTUAL_ENV\) created by target venv \(line 5\)/);
});

test('venv-not-on-path (makefile) invalid: a rule in either branch of a conditional', async () => {
  const code = 'ifeq ($(CI),true)\nci:\n\tpython -m venv /opt/v\nelse\nlocal:\n\tpip install -e .\nendif\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[6, 2]]);
  assert.match(found[0].message, /use \/opt\/v\/bin\/python -m pip, or put it on PATH for every recipe with export PATH := \/opt\/v\/bin:\$\(PATH\)$/);
});

test('venv-not-on-path (makefile): no file-wide PATH for a venv recipes use (the fix is $(VENV)/bin/…); an exported VIRTUAL_ENV gets its PATH line, which silences the rule', async () => {
  const code = 'VENV := .venv\nvenv:\n\tpython3 -m venv $(VENV)\ntest:\n\tpytest\n';
  const { sites } = await analyze(code);
  const pytest = siteAt(sites, 'pytest');
  assert.equal(pytest.rewriter!.rewrite({ kind: 'persist-venv', venv: pytest.env.knownVenvs![0], at: 'creation' }), undefined);
  const found = await lint(venvNotOnPath, code);
  assert.equal(applyEdits(code, found[0].edits!), code.replace('\tpytest', '\t$(VENV)/bin/pytest'));

  const ve = 'export VIRTUAL_ENV := $(CURDIR)/venv\nsetup:\n\tvirtualenv venv\ntest:\n\tpytest\n';
  const s2 = siteAt((await analyze(ve)).sites, 'pytest');
  const rw2 = s2.rewriter!.rewrite({ kind: 'persist-venv', venv: s2.env.knownVenvs![0], at: 'virtual-env' })!;
  assert.equal(rw2.title, 'Put the venv on PATH for every recipe: export PATH := $(abspath $(VIRTUAL_ENV))/bin:$(PATH)');
  const fixed2 = applyEdits(ve, rw2.edits);
  assert.equal(fixed2, 'export VIRTUAL_ENV := $(CURDIR)/venv\nexport PATH := $(abspath $(VIRTUAL_ENV))/bin:$(PATH)\nsetup:\n\tvirtualenv venv\ntest:\n\tpytest\n');
  await assertSilent(venvNotOnPath, fixed2);
});

test('venv-not-on-path (makefile) regression: a venv created by two recipes is reported with the creation in the recipe itself', async () => {
  const code = 'venv/bin/activate:\n\tpython3 -m venv venv\ncreate_venv:\n\tpython3 -m venv venv\n\t. venv/bin/activate\n\tpip install -r requirements.txt\n';
  const found = await lint(venvNotOnPath, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[6, 2]]);
  assert.match(found[0].message, /the venv venv created by target create_venv \(line 4\)/);
});
