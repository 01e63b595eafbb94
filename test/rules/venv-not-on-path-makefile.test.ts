/**
 * VG201 on Makefiles: each recipe line is a new shell; a venv another recipe creates is in scope
 * where that recipe's target is a prerequisite (directly or not) or the recipe names the venv.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { analyze, applyEdits, siteAt } from '../makefile-lint.js';
import { testRule, type ValidCase } from '../rule-tester.js';
import { projectFindings } from '../helpers.js';

/** Silent for VG201 and VG202. */
const VALID: ValidCase[] = [
  { name: 'no venv anywhere: system pip and pytest', code: 'install:\n\tpip install -r requirements.txt\ntest:\n\tpytest -q\n' },
  { name: 'tools that manage their own environment', code: 'venv:\n\tpython3 -m venv .venv\ntest: venv\n\tuv run pytest\n\tpoetry run pytest\n\ttox -e py312\n\tnox -s tests\n' },
  { name: 'the venv by path through a make variable', code: 'VENV := .venv\nPY := $(VENV)/bin/python\nvenv:\n\tpython3 -m venv $(VENV)\n\t$(VENV)/bin/pip install -r requirements.txt\ntest: venv\n\t$(PY) -m pytest\n\t${VENV}/bin/ruff check .\n' },
  { name: 'activated and used on the same line', code: 'venv:\n\tpython3 -m venv .venv\ntest: venv\n\t. .venv/bin/activate && pytest\n\tsource .venv/bin/activate; \\\n\t  python -m build\n' },
  { name: '.ONESHELL: activation lasts for the recipe', code: '.ONESHELL:\nvenv:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate\n\tpip install -e .\n' },
  { name: 'export PATH at file level puts the venv on PATH for every recipe', code: 'VENV := .venv\nexport VIRTUAL_ENV := $(abspath $(VENV))\nexport PATH := $(VIRTUAL_ENV)/bin:$(PATH)\nvenv:\n\tvirtualenv $(VENV)\ntest: venv\n\tpytest\n\tpip install x\n' },
  { name: 'PATH at file level without export also reaches recipes (PATH comes from the environment)', code: 'PATH := $(CURDIR)/.venv/bin:$(PATH)\nvenv:\n\tuv venv\ntest: venv\n\tpytest\n' },
  { name: 'a target-specific PATH', code: 'venv:\n\tpython3 -m venv .venv\ntest: PATH := $(abspath .venv)/bin:$(PATH)\ntest: venv\n\tpytest\n' },
  { name: 'PATH set for the command', code: 'venv:\n\tpython3 -m venv .venv\ntest: venv\n\tPATH="$$PWD/.venv/bin:$$PATH" pytest\n' },
  { name: 'pip before the venv exists, in the creating recipe', code: 'venv:\n\tpip install virtualenv\n\tvirtualenv .venv\n' },
  { name: 'suppressed at the end of the recipe line', code: 'venv:\n\tpython3 -m venv .venv\ntest: venv\n\tpytest  # venvguard: ignore[VG201]\n' },
  { name: 'suppressed by a comment line above (make comment or shell comment)', code: 'venv:\n\tpython3 -m venv .venv\ntest: venv\n# noqa: VG201\n\tpytest\n\t# venvguard: ignore[venv-not-on-path]\n\tpip install x\n' },
  { name: 'a version probe', code: 'venv:\n\tpython3 -m venv .venv\nv: venv\n\tpython3 --version\n' },
  { name: 'commands for other hosts and containers', code: 'venv:\n\tpython3 -m venv .venv\nd: venv\n\tdocker run img pip install x\n\tssh host pytest\n\tgit status\n' },
  {
    name: "$(call NAME,…) expands a define with $(1): its template activates the venv (oncall's backend_command)",
    code: 'VENV_DIR = ./venv\ndefine backend_command\n\t. $(VENV_DIR)/bin/activate && \\\n\tcd engine && \\\n\t$(1)\nendef\nvenv:\n\tpython3 -m venv $(VENV_DIR)\nrun: venv\n\t$(call backend_command,python manage.py runserver)\n',
  },
  { name: 'a non-POSIX SHELL is not analysed', code: 'SHELL := /usr/bin/fish\nvenv:\n\tpython3 -m venv .venv\ntest: venv\n\tpytest\n' },
];

testRule(activationDoesNotPersist, { filename: 'Makefile', label: 'makefile, with VG201', valid: VALID, invalid: [] });

const IN_ANOTHER_RECIPE = 'VENV := .venv\n\nvenv:\n\tpython3 -m venv $(VENV)\n\ninstall: venv\n\tpip install -r requirements.txt\n';
const ACTIVATE_THEN_PIP = 'VENV = .venv\n.PHONY: install\ninstall:\n\tpython3 -m venv $(VENV)\n\t. $(VENV)/bin/activate\n\t@pip install -e .\n';
const CONTINUATIONS = 'setup:\n\tvirtualenv venv\ntest: setup\n\techo start && \\\n\t  pytest -q \\\n\t    tests/\n\tblack --check .\n';
const VARIABLE_WITH_SPACES = 'VENV := .venv   # the venv\nvenv:\n\tpython3 -m venv .venv\ntest: venv\n\tpytest\n';
const UNEXPORTED_PATH = 'PATH := $(CURDIR)/.venv/bin:$(PATH)\nunexport PATH\nVIRTUAL_ENV := $(CURDIR)/.venv\nvenv:\n\tuv venv\ntest: | venv\n\tpytest\n';
const CONDITIONAL = 'ifeq ($(CI),true)\nvenv:\n\tpython -m venv /opt/v\nelse\nvenv:\n\ttrue\nendif\nlocal: venv\n\tpip install -e .\n';
const VENV_VARIABLE = 'VENV := .venv\nvenv:\n\tpython3 -m venv $(VENV)\ntest: venv\n\tpytest\n';
const TWO_CREATORS = 'venv/bin/activate:\n\tpython3 -m venv venv\ncreate_venv:\n\tpython3 -m venv venv\n\t. venv/bin/activate\n\tpip install -r requirements.txt\n';
const EXPORTED_VIRTUAL_ENV = 'export VIRTUAL_ENV := $(CURDIR)/venv\nsetup:\n\tvirtualenv venv\ntest: setup\n\tpytest\n';
const EXPORTED_VIRTUAL_ENV_ON_PATH = 'export VIRTUAL_ENV := $(CURDIR)/venv\nexport PATH := $(abspath $(VIRTUAL_ENV))/bin:$(PATH)\nsetup:\n\tvirtualenv venv\ntest: setup\n\tpytest\n';

testRule(venvNotOnPath, {
  filename: 'Makefile',
  label: 'makefile',
  valid: [...VALID, { name: 'an exported VIRTUAL_ENV with its PATH line', code: EXPORTED_VIRTUAL_ENV_ON_PATH }],
  invalid: [
    {
      name: "$(call NAME,a,b): the arguments are $(1) and $(2), a nested call's own; no fix edits the shared template",
      code: 'define run_with\n\t$(1) $(2)\nendef\ndefine twice\n\t$(call run_with,$(1),app.py) && $(call run_with,pip,install x)\nendef\nvenv:\n\tpython3 -m venv .venv\nrun: venv\n\t$(call twice,python)\n\t$(call missing,python app.py)\n',
      errors: [
        { line: 10, messageId: 'notOnPath', data: { name: 'python', venv: '.venv' } },
        { line: 10, messageId: 'notOnPath', data: { name: 'pip', venv: '.venv' } },
      ],
      unsafeOutput: null,
    },
    {
      // Real-repository review (unseen corpus: buildbot): the Makefile spells the venv's bin folder
      // through a variable (Scripts on Windows_NT); the fix writes it the same way.
      name: 'a bin-folder variable (VENV_BIN_DIR) is kept in the fix',
      code: 'VENV_NAME := .venv\nifeq ($(OS),Windows_NT)\n  VENV_BIN_DIR := Scripts\nelse\n  VENV_BIN_DIR := bin\nendif\n$(VENV_NAME):\n\tpython3 -m venv $(VENV_NAME)\n\t. $(VENV_NAME)/$(VENV_BIN_DIR)/activate && pip install towncrier\nrelease_notes: $(VENV_NAME)\n\ttowncrier build --yes\n',
      errors: [{ line: 11, column: 2, messageId: 'notOnPath', data: { name: 'towncrier' } }],
      output: null,
      unsafeOutput: 'VENV_NAME := .venv\nifeq ($(OS),Windows_NT)\n  VENV_BIN_DIR := Scripts\nelse\n  VENV_BIN_DIR := bin\nendif\n$(VENV_NAME):\n\tpython3 -m venv $(VENV_NAME)\n\t. $(VENV_NAME)/$(VENV_BIN_DIR)/activate && pip install towncrier\nrelease_notes: $(VENV_NAME)\n\t$(VENV_NAME)/$(VENV_BIN_DIR)/towncrier build --yes\n',
    },
    {
      name: 'pip in another recipe; the fix uses the make variable',
      code: IN_ANOTHER_RECIPE,
      errors: [
        {
          line: 7,
          column: 2,
          messageId: 'notOnPath',
          data: {
            name: 'pip',
            venv: '$(VENV)',
            origin: ' created by target venv (line 4)',
            scope: 'in this recipe line',
            replacement: '$(VENV)/bin/python -m pip',
            advice: 'put it on PATH for every recipe with export PATH := $(abspath $(VENV))/bin:$(PATH)',
          },
        },
      ],
      output: null,
      unsafeOutput: IN_ANOTHER_RECIPE.replace('\tpip install', '\t$(VENV)/bin/python -m pip install'),
      fixSilences: true,
    },
    {
      name: 'activation on one line, pip on the next (VG201 at the pip, VG202 at the activation)',
      code: ACTIVATE_THEN_PIP,
      errors: [
        {
          line: 6,
          column: 3,
          messageId: 'notOnPath',
          data: { name: 'pip', venv: '$(VENV)', origin: ' created by target install (line 4)', scope: 'in this recipe line', replacement: '$(VENV)/bin/python -m pip', advice: "add .ONESHELL: so that a recipe's lines share one shell, or call the venv's programs by path on every line ($(VENV)/bin/pip …)" },
        },
      ],
      output: null,
      unsafeOutput: ACTIVATE_THEN_PIP.replace('@pip install', '@$(VENV)/bin/python -m pip install'),
      fixSilences: true,
    },
    {
      name: 'no make variable names the venv: the literal path; console scripts; continuation lines',
      code: CONTINUATIONS,
      errors: [
        {
          line: 5,
          column: 4,
          messageId: 'notOnPath',
          data: { name: 'pytest', venv: 'venv', origin: ' created by target setup (line 2)', scope: 'in this recipe line', replacement: 'venv/bin/pytest', advice: 'put it on PATH for every recipe with export PATH := $(abspath venv)/bin:$(PATH)' },
        },
        { line: 7, column: 2, messageId: 'notOnPath', data: { name: 'black' } },
      ],
      output: null,
      unsafeOutput: CONTINUATIONS.replace('  pytest -q', '  venv/bin/pytest -q').replace('\tblack', '\tvenv/bin/black'),
      fixSilences: true,
    },
    {
      name: 'a program from a make variable is reported at the reference, without a fix',
      code: 'PYTHON := python3\nvenv:\n\t$(PYTHON) -m venv .venv\ntest: venv\n\t$(PYTHON) -m pytest\n',
      errors: [{ line: 5, column: 2, messageId: 'notOnPath' }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'a venv VARIABLE with trailing white space is not used in the fix (make keeps the spaces)',
      code: VARIABLE_WITH_SPACES,
      errors: [{ line: 5, column: 2, messageId: 'notOnPath' }],
      output: null,
      unsafeOutput: VARIABLE_WITH_SPACES.replace('\tpytest', '\t.venv/bin/pytest'),
    },
    {
      name: 'PATH without the venv when `unexport PATH`; VIRTUAL_ENV without export does not help',
      code: UNEXPORTED_PATH,
      errors: [{ line: 7, column: 2, messageId: 'notOnPath', data: { venv: '$(VIRTUAL_ENV)', origin: ' created by target venv (line 5)' } }],
      output: null,
      unsafeOutput: UNEXPORTED_PATH.replace('\tpytest', '\t$(VIRTUAL_ENV)/bin/pytest'),
    },
    {
      name: 'a rule in either branch of a conditional',
      code: CONDITIONAL,
      errors: [{ line: 9, column: 2, messageId: 'notOnPath', data: { replacement: '/opt/v/bin/python -m pip', advice: 'put it on PATH for every recipe with export PATH := /opt/v/bin:$(PATH)' } }],
      output: null,
      unsafeOutput: CONDITIONAL.replace('\tpip install', '\t/opt/v/bin/python -m pip install'),
    },
    {
      name: 'no file-wide PATH for a venv recipes use: the fix is $(VENV)/bin/…',
      code: VENV_VARIABLE,
      errors: [{ line: 5, column: 2, messageId: 'notOnPath' }],
      output: null,
      unsafeOutput: VENV_VARIABLE.replace('\tpytest', '\t$(VENV)/bin/pytest'),
    },
    {
      name: 'regression: a venv created by two recipes is reported with the creation in the recipe itself',
      code: TWO_CREATORS,
      errors: [{ line: 6, column: 2, messageId: 'notOnPath', data: { venv: 'venv', origin: ' created by target create_venv (line 4)' } }],
      output: null,
      unsafeOutput: TWO_CREATORS.replace('\tpip install', '\tvenv/bin/python -m pip install'),
    },
  ],
});

testRule(activationDoesNotPersist, {
  filename: 'Makefile',
  label: 'makefile, with VG201',
  valid: [],
  invalid: [
    {
      name: 'activation on one line, pip on the next: VG202 at the activation',
      code: ACTIVATE_THEN_PIP,
      errors: [{ line: 5, column: 2, messageId: 'lastCommandLaterRuns' }],
      output: null,
      unsafeOutput: null,
    },
  ],
});

test('venv-not-on-path (makefile): the rewriter makes no file-wide PATH for a venv recipes use; an exported VIRTUAL_ENV gets its PATH line', async () => {
  const pytest = siteAt((await analyze(VENV_VARIABLE)).sites, 'pytest');
  assert.equal(pytest.rewriter!.rewrite({ kind: 'persist-venv', venv: pytest.env.knownVenvs![0], at: 'creation' }), undefined);

  const s2 = siteAt((await analyze(EXPORTED_VIRTUAL_ENV)).sites, 'pytest');
  const rw2 = s2.rewriter!.rewrite({ kind: 'persist-venv', venv: s2.env.knownVenvs![0], at: 'virtual-env' })!;
  assert.equal(rw2.title, 'Put the venv on PATH for every recipe: export PATH := $(abspath $(VIRTUAL_ENV))/bin:$(PATH)');
  // The table has the result among VG201's valid cases: the PATH line silences the rule.
  assert.equal(applyEdits(EXPORTED_VIRTUAL_ENV, rw2.edits), EXPORTED_VIRTUAL_ENV_ON_PATH);
  // The same file also naming that venv by its Windows layout ($(VIRTUAL_ENV)\Scripts\activate.bat
  // in a test-win recipe): no PATH line naming a bin/ folder that venv does not have.
  const win = EXPORTED_VIRTUAL_ENV + 'test-win: setup\n\t$(VIRTUAL_ENV)\\Scripts\\activate.bat && pytest\n';
  const s3 = siteAt((await analyze(win)).sites, 'pytest');
  assert.equal(s3.rewriter?.rewrite({ kind: 'persist-venv', venv: s3.env.knownVenvs![0], at: 'virtual-env' }), undefined);
});

test("a repository script that imports only the standard library needs no venv, in a recipe as in Python code (codechecker's standalone_package: wrap_binary_in_venv.py)", async () => {
  const makefile = 'venv:\n\tpython3 -m venv venv\n\tvenv/bin/pip install -e .\npackage: venv\n\tpython3 scripts/wrap_binary_in_venv.py -i bin -o out\n';
  const stdlibOnly = 'import argparse\nimport os\nimport stat\n\nargs = argparse.ArgumentParser().parse_args()\n';
  const codes = (found: string[]) => found.map((f) => f.split(' ').slice(0, 2).join(' '));
  assert.deepEqual(codes(await projectFindings({ Makefile: makefile, 'scripts/wrap_binary_in_venv.py': stdlibOnly })), []);
  // A script that imports a third-party package, or reads the interpreter's own place, or none found: judged.
  assert.deepEqual(codes(await projectFindings({ Makefile: makefile, 'scripts/wrap_binary_in_venv.py': 'import yaml\n' })), ['Makefile:5 VG201']);
  assert.deepEqual(codes(await projectFindings({ Makefile: makefile, 'scripts/wrap_binary_in_venv.py': 'import os, sys\nprint(sys.prefix)\n' })), ['Makefile:5 VG201']);
  assert.deepEqual(codes(await projectFindings({ Makefile: makefile })), ['Makefile:5 VG201']);
  // Named from $(CURDIR), as codechecker's recipe does through ROOT.
  const rooted = 'ROOT := $(CURDIR)\nPYTHON_BIN ?= python3\n' + makefile.replace('python3 scripts/', '$' + '{PYTHON_BIN} $(ROOT)/scripts/');
  assert.deepEqual(codes(await projectFindings({ Makefile: rooted, 'scripts/wrap_binary_in_venv.py': stdlibOnly })), []);
  // `python` unversioned may be missing or Python 2 where the recipe runs (the documentation
  // Makefile's `python ./docs/addMetaData.py`, reviewed true): still judged.
  const bare = makefile.replace('python3 scripts/', 'python ./scripts/');
  assert.deepEqual(codes(await projectFindings({ Makefile: bare, 'scripts/wrap_binary_in_venv.py': stdlibOnly })), ['Makefile:5 VG201']);
});
