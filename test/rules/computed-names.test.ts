/**
 * Computed interpreter names in the shell model (src/frontends/shell/lookups.ts): `$(which
 * python)`, `` `command -v python3` ``, `PY=$(which python3)` then `$PY …`, `"$(command -v pip)"`
 * are the name looked up on PATH, judged as the bare name (VG201 where a venv is in scope and off
 * PATH); an activation through a known variable (`source "$VENV/bin/activate"`) puts that venv in scope.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { checkText, fixText } from '../../src/api.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';
import { python3, tempDir } from '../helpers.js';

const SCRIPT = (body: string) => `#!/bin/bash\npython3 -m venv .venv\n${body}`;

testRule(venvNotOnPath, {
  filename: 'deploy.sh',
  valid: [
    // The lookup after activation finds the venv's own program.
    SCRIPT('. .venv/bin/activate\nPY=$(which python3)\n$PY -m pip install -r requirements.txt\n'),
    // The system interpreter found by `which` makes the venv (shape of a "rebuild the env" script).
    '#!/bin/bash\nrm -rf env\nSYS_PY=$(which python3)\n$SYS_PY -m venv env\nsource env/bin/activate\npip install --upgrade pip\n',
    // Activation through known variables, `~` among them: the shape of LapTQ/hello-env's
    // templates/venv/create_env.sh (venv_parent, venv_name, venv_path, then `source $venv_path/bin/activate`).
    '#!/bin/bash\nparent=~/proj\nname=.env-x\nvp=$parent/$name\n[[ ! -d $vp ]] && python3 -m venv $vp\nsource $vp/bin/activate\nwhich python3\npip install -r requirements.txt\n',
    { code: 'VENV_DIR=.venv\npython3 -m venv "$VENV_DIR"\n. "$VENV_DIR/bin/activate"\npip install -e .\n', filename: 'setup.sh' },
    // Not a lookup alone: what the substitution prints is not known.
    SCRIPT('PY=$(pyenv which python3 | head -1)\n$PY -m pip install x\n'),
    SCRIPT('"$(dirname "$0")/.venv/bin/python" -m pip install x\n'),
    // The lookup as an argument, not the program.
    SCRIPT('echo "using $(which python3)"\n'),
  ],
  invalid: [
    {
      name: '$(which python) as the program',
      code: SCRIPT('$(which python) -m pip install -r requirements.txt\n'),
      errors: [{ line: 3, column: 1, messageId: 'notOnPath', data: { name: 'python', venv: '.venv', replacement: '.venv/bin/python' } }],
      unsafeOutput: SCRIPT('.venv/bin/python -m pip install -r requirements.txt\n'),
    },
    {
      name: 'PY=$(which python3), then $PY',
      code: SCRIPT('PY=$(which python3)\n$PY manage.py migrate\n"$PY" -m pytest\n'),
      errors: [
        { line: 4, column: 1, messageId: 'notOnPath', data: { name: 'python3' } },
        { line: 5, column: 2, messageId: 'notOnPath', data: { name: 'python3' } },
      ],
      unsafeOutput: SCRIPT('PY=$(which python3)\n.venv/bin/python manage.py migrate\n.venv/bin/python -m pytest\n'),
    },
    {
      name: '"$(command -v pip)" install',
      code: SCRIPT('"$(command -v pip)" install -e .\n'),
      errors: [{ line: 3, column: 2, messageId: 'notOnPath', data: { name: 'pip' } }],
      unsafeOutput: SCRIPT('.venv/bin/python -m pip install -e .\n'),
    },
    {
      name: 'backquotes: `command -v python3` with its stderr dropped',
      code: SCRIPT('`command -v python3 2>/dev/null` setup.py install\n'),
      errors: [{ line: 3, column: 1, messageId: 'notOnPath', data: { name: 'python3' } }],
      unsafeOutput: SCRIPT('.venv/bin/python setup.py install\n'),
    },
    {
      name: 'Makefile recipe: $$(which pip) after the venv target',
      filename: 'Makefile',
      code: 'venv:\n\tpython3 -m venv .venv\n\ninstall: venv\n\t$$(which pip) install -e .\n',
      errors: [{ line: 5, column: 2, messageId: 'notOnPath', data: { name: 'pip' } }],
    },
    {
      name: 'GitHub Actions: PYTHON="$(which python)" in the step after the venv',
      filename: '.github/workflows/ci.yml',
      code: 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv .venv\n      - run: |\n          PYTHON="$(which python)"\n          "$PYTHON" -m pip install -r requirements.txt\n',
      errors: [{ line: 9, column: 12, messageId: 'notOnPath', data: { name: 'python' } }],
    },
  ],
});

test('a lookup in a variable does not leak its marker into the text of other words', async () => {
  const diags = await checkText('#!/bin/bash\npython3 -m venv .venv\nPY=$(which python3)\nD=$PY-dir\nmkdir "$D"\n$D/bin/pip install x\n', { path: 'deploy.sh' });
  assert.deepEqual(diags.map((d) => d.message).filter((m) => /[\u0000-\u0008]/.test(m)), []);
});

test('computed names: the fixed script runs the venv\'s interpreter (real venv, real bash)', async (t) => {
  const py = python3();
  if (!py) return t.skip('no Python 3 found');
  const dir = tempDir();
  try {
    fs.writeFileSync(path.join(dir, 'prefix.py'), 'import sys\nprint(sys.prefix)\n');
    const script = '#!/bin/bash\npython3 -m venv .venv\nPY=$(which python3)\n$PY prefix.py\n';
    const fixed = await fixText(script, { select: ['VG201'], unsafe: true, path: 'deploy.sh' });
    assert.equal(fixed, '#!/bin/bash\npython3 -m venv .venv\nPY=$(which python3)\n.venv/bin/python prefix.py\n');
    fs.writeFileSync(path.join(dir, 'deploy.sh'), fixed);
    // python3 on PATH is the discovered interpreter (never a fixed path of this machine).
    const env = { ...process.env, PATH: `${path.dirname(py)}:${process.env.PATH}` };
    const r = spawnSync('bash', ['deploy.sh'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.realpathSync(r.stdout.trim()), fs.realpathSync(path.join(dir, '.venv')));
    // Before the fix the same line ran PATH's python3, outside the venv.
    fs.writeFileSync(path.join(dir, 'before.sh'), script.replace('python3 -m venv .venv\n', ''));
    const b = spawnSync('bash', ['before.sh'], { cwd: dir, encoding: 'utf8', env });
    assert.notEqual(fs.realpathSync(b.stdout.trim()), fs.realpathSync(path.join(dir, '.venv')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
