/**
 * Issue 15, session 9: configuration false alarms from the unseen corpus sets, each with the near
 * case that is still an escape, and valid scripts tree-sitter-bash could not read (each must parse:
 * the rule tester requires no problem on every case).
 */
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';

// httpx's scripts/install: the venv exists only on the branch whose value is a venv path.
const HTTPX = (elseBranch: string) =>
  `#!/bin/sh -e\nVENV="venv"\nif [ -z "$GITHUB_ACTIONS" ]; then\n    python3 -m venv "$VENV"\n    PIP="$VENV/bin/pip"\nelse\n${elseBranch}fi\n\n"$PIP" install -U pip\n`;

testRule(venvNotOnPath, {
  label: 'a variable set on both branches of an if',
  valid: [
    { name: "httpx: pip by name only on the branch that creates no venv", filename: 'install', code: HTTPX('    PIP="pip"\n') },
    { name: 'a prefix empty on the other branch', filename: 'install.sh', code: '#!/bin/sh\nif [ -z "$CI" ]; then\n  python3 -m venv venv\n  PREFIX=venv/bin/\nelse\n  PREFIX=""\nfi\n${PREFIX}pip install -r requirements.txt\n' },
    { name: 'an elif branch', filename: 'install.sh', code: '#!/bin/sh\nif [ -n "$A" ]; then\n  python3 -m venv venv\n  PY=venv/bin/python\nelif [ -n "$B" ]; then\n  PY=python3\nelse\n  PY=/usr/bin/python3\nfi\n"$PY" -m pip install .\n' },
  ],
  invalid: [
    {
      name: 'the by-name branch creates a venv too',
      filename: 'install',
      code: HTTPX('    python3 -m venv .ci\n    PIP="pip"\n'),
      errors: [{ line: 11, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: '.ci' } }],
    },
    {
      name: 'a venv made before the if exists on every branch',
      filename: 'install.sh',
      code: '#!/bin/sh\npython3 -m venv venv\nif [ -z "$CI" ]; then\n  PIP=venv/bin/pip\nelse\n  PIP=pip\nfi\n$PIP install x\n',
      errors: [{ line: 8, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv' } }],
    },
    {
      name: 'no else: the value before the if holds when the condition fails',
      filename: 'install.sh',
      code: '#!/bin/sh\npython3 -m venv venv\nPIP=pip\nif [ -n "$USE_VENV" ]; then\n  PIP=venv/bin/pip\nfi\n$PIP install x\n',
      errors: [{ line: 7, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv' } }],
    },
    {
      name: 'the same value on both branches is known after the if',
      filename: 'install.sh',
      code: '#!/bin/sh\nif [ -z "$CI" ]; then\n  python3 -m venv venv\n  PIP=pip\nelse\n  python3 -m venv venv\n  PIP=pip\nfi\n$PIP install x\n',
      errors: [{ line: 9, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv' } }],
    },
  ],
});

testRule(venvNotOnPath, {
  label: 'a venv removed earlier in the recipe',
  valid: [
    // spaCy's clean target.
    { name: 'make: python after rm -rf $(VENV)', filename: 'Makefile', code: 'VENV := ./env3\n\n$(VENV)/bin/pex:\n\tpython3 -m venv $(VENV)\n\nclean: setup.py\n\trm -rf dist/*\n\trm -rf $(VENV)\n\tpython setup.py clean --all\n' },
    { name: 'script: pip after rm -rf of the folder holding the venv', filename: 'reset.sh', code: '#!/bin/sh\npython3 -m venv build/venv\nbuild/venv/bin/pip install .\nrm -fr build\npip install --user twine\n' },
    // borgmatic's scripts/release: twine by name, then a venv made, activated, used and removed at the end.
    { name: 'script: a venv made, activated and removed after the by-name launch is not in scope before it', filename: 'release.sh', code: '#!/bin/bash\nset -e\ntwine upload -r pypi "$wheel_path"\nuv venv --python 3.13 --clear binary\nsource binary/bin/activate\nuv pip install -r binary_requirements.txt\nrm -fr binary borgmatic.build\n' },
  ],
  invalid: [
    {
      name: 'make: python before the rm is still an escape',
      filename: 'Makefile',
      code: 'VENV := ./env3\n\n$(VENV)/bin/pex:\n\tpython3 -m venv $(VENV)\n\nclean: setup.py\n\tpython setup.py clean --all\n\trm -rf $(VENV)\n',
      errors: [{ line: 7, column: 2, messageId: 'notOnPath', data: { name: 'python', venv: '$(VENV)' } }],
    },
    {
      name: 'make: the rm is in another recipe',
      filename: 'Makefile',
      code: 'VENV := ./env3\n\n$(VENV)/bin/pex:\n\tpython3 -m venv $(VENV)\n\nclean:\n\trm -rf $(VENV)\n\ntest: $(VENV)/bin/pex\n\tpython -m pytest\n',
      errors: [{ line: 10, column: 2, messageId: 'notOnPath', data: { name: 'python', venv: '$(VENV)' } }],
    },
    {
      name: 'script: rm without -r removes no venv',
      filename: 'reset.sh',
      code: '#!/bin/sh\npython3 -m venv venv\nrm -f venv\npip install x\n',
      errors: [{ line: 4, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv' } }],
    },
    {
      name: 'script: a venv created again after the rm',
      filename: 'reset.sh',
      code: '#!/bin/sh\nrm -rf venv\npython3 -m venv venv\npip install x\n',
      errors: [{ line: 4, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv' } }],
    },
  ],
});

// Valid bash (bash -n accepts each) tree-sitter-bash read as a syntax error; the escape after the
// shape must still be found, so the whole script was read.
const AFTER = 'python3 -m venv venv\npip install x\n';
testRule(venvNotOnPath, {
  label: 'valid scripts tree-sitter-bash could not read',
  valid: [],
  invalid: [
    {
      // CouchPotatoServer's init/ffpstick.
      name: 'backquotes whose command starts with a blank, after earlier backquotes',
      filename: 'init.sh',
      code: '#!/bin/sh\nstop() {\n    kill `cat ${PID_FILE}`\n}\nstatus() {\n\tlocal pid=` cat ${PID_FILE} 2>/dev/null `\n\tc="` date`"\n}\n' + AFTER,
      errors: [{ line: 10, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv' } }],
    },
    {
      // spyder's installers-conda/resources/post-install.sh.
      name: '== on a later line of a [[ … ]] over several lines',
      filename: 'post-install.sh',
      code: '#!/bin/bash\nx="${a:+${a}\\n}b"\nif [[\n    -n "$CI"                  # in CI\n    || "$UNATTENDED" == "1"   # batch mode\n]]; then\n    exit 0\nfi\n' + AFTER,
      errors: [{ line: 10, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv' } }],
    },
    {
      // gallery-dl's snap/local/scriptlets/selective-checkout.
      name: 'test A == B inside a case item followed by another item',
      filename: 'selective-checkout',
      code: '#!/usr/bin/env bash\ncase "${mode}" in\n    release)\n        if test "${flag_dry_run}" == true; then\n            echo dry\n        fi\n    ;;\n    *)\n        exit 1\n    ;;\nesac\n' + AFTER,
      errors: [{ line: 13, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv' } }],
    },
  ],
});

testRule(venvNotOnPath, {
  label: 'a default given in an if without else',
  valid: [],
  invalid: [
    {
      name: 'if [ -z "$VENV" ]; then VENV=.venv; fi: the default names the venv made after',
      filename: 'setup.sh',
      code: '#!/bin/sh\nif [ -z "$VENV" ]; then\n  VENV=.venv\nfi\npython3 -m venv "$VENV"\npip install x\n',
      errors: [{ line: 6, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: '.venv' } }],
    },
  ],
});
