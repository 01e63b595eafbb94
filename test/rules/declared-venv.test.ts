/**
 * A file whose opening says it runs inside a virtualenv (the default policy's `declared-venv`
 * signal, src/judge/policy.ts): its author states the PATH its launches need, so a bare `pip` or
 * `python` there is held back from VG101–VG103 and shown by VG106. Real case: aws-cli's
 * scripts/ci/install-benchmark ("This script assumes you're running in a virtualenv"), four `pip
 * install` lines reviewed false in the corpus. A sentence without a run verb, a negated one, or one
 * after the first statement holds nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { declaredVenv as declaredIn } from '../../src/frontends/python/file-facts.js';
import { SourceFile } from '../../src/kernel/source.js';
import { barePip } from '../../src/rules/bare-pip.js';
import { pathReliantLaunch } from '../../src/rules/path-reliant-launch.js';
import { testRule } from '../rule-tester.js';

// Shaped after aws-cli's scripts/ci/install-benchmark: a docstring, then pip by name through a shell.
const AWS = `#!/usr/bin/env python
"""Setup virtualenv to run perf benchmarks.

This script assumes you're running in a virtualenv.
However, given this script will clone and install s3transfer,
it's recommended to create a new virtualenv dedicated to
perf testing.
"""
import os
from subprocess import check_call


def pip_install_deps():
    check_call('cd s3transfer && pip install -e .', shell=True)
`;

const withOpening = (opening: string) => `${opening}\nimport subprocess\nsubprocess.run(["pip", "install", "-r", "requirements.txt"])\n`;

testRule(barePip, {
  label: 'declared venv',
  valid: [
    { name: 'aws-cli install-benchmark: the docstring says so (held: VG106)', code: AWS },
    { name: 'in the leading comments', code: withOpening("#!/usr/bin/env python3\n# Must be run from the project's venv:\n#   source .venv/bin/activate && ./bootstrap.py") },
    { name: 'run this inside an activated virtual environment', code: withOpening('"""Bootstrap the dev tools.\n\nRun this inside an activated virtual environment.\n"""') },
  ],
  invalid: [
    {
      name: 'no run verb: it only installs into one',
      code: withOpening('"""Installs the requirements into a venv."""'),
      errors: [{ line: 3, messageId: 'barePip' }],
      output: null,
      unsafeOutput: withOpening('"""Installs the requirements into a venv."""').replace('["pip",', '[sys.executable, "-m", "pip",').replace('import subprocess\n', 'import subprocess\nimport sys\n'),
    },
    {
      name: 'negated',
      code: withOpening('# This script does not need to be run in a virtualenv.'),
      errors: [{ line: 3, messageId: 'barePip' }],
      output: null,
      unsafeOutput: withOpening('# This script does not need to be run in a virtualenv.').replace('["pip",', '[sys.executable, "-m", "pip",').replace('import subprocess\n', 'import subprocess\nimport sys\n'),
    },
    {
      name: 'the sentence is in a function, not the opening',
      code: 'import subprocess\n\n\ndef f():\n    """Must be run inside a virtualenv."""\n    subprocess.run(["pip", "install", "x"])\n',
      errors: [{ line: 6, messageId: 'barePip' }],
      output: null,
      unsafeOutput: 'import subprocess\nimport sys\n\n\ndef f():\n    """Must be run inside a virtualenv."""\n    subprocess.run([sys.executable, "-m", "pip", "install", "x"])\n',
    },
  ],
});

testRule(pathReliantLaunch, {
  label: 'declared venv',
  valid: ['import subprocess\nsubprocess.run(["pip", "install", "x"])\n'],
  invalid: [
    {
      name: 'held, with the reason and the line',
      code: AWS,
      errors: [{ line: 14, messageId: 'held', data: { tool: 'pip', reason: "the file says it runs inside an activated virtualenv (line 4), where PATH's python, pip and console scripts are that environment's" } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});

const declaredVenv = (text: string) => declaredIn(new SourceFile('x.py', text));

test('declaredVenv: which openings say the program runs inside a venv', () => {
  const yes = [
    "# This script assumes you're running in a virtualenv.\n",
    '"""Should be executed within the virtualenv of the project."""\n',
    "'''Expects to be run from an activated venv.'''\n",
    '#!/usr/bin/env python\n# -*- coding: utf-8 -*-\n\n# Meant to be run inside a virtual env\n',
  ];
  for (const s of yes) assert.ok(declaredVenv(`${s}import os\n`), s);
  const no = ['"""Creates a virtualenv in ./venv."""\n', '# You need not install this in a venv\n', '"""Does not need to run in a virtualenv."""\n', 'import os\n"""Must be run inside a venv."""\n'];
  for (const s of no) assert.equal(declaredVenv(`${s}import os\n`), undefined, s);
  assert.deepEqual(declaredVenv('#!/bin/env python\n"""Tools.\n\nThis script assumes you are running in a virtualenv.\n"""\n'), { line: 4 });
});
