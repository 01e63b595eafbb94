/**
 * Issue 15, session 20: findings of the unseen9 and unseen10 batches reviewed as false (and wrong fixes), each
 * with the near case that is still an escape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fs from 'node:fs';
import { check, checkText } from '../../src/api.js';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { sourceInSh } from '../../src/rules/source-in-sh.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { writeProject } from '../helpers.js';
import { testRule } from '../rule-tester.js';

// rhasspy's script/ template (wyoming-openwakeword's script/lint): the venv's python when `.venv`
// is there, else "python3", the interpreter the script's own shebang found.
const FALLBACK = (test: string, yes: string, no: string) => `#!/usr/bin/env python3
import subprocess
import venv
from pathlib import Path

_VENV_DIR = Path(__file__).parent.parent / ".venv"

if ${test}:
    context = venv.EnvBuilder().ensure_directories(_VENV_DIR)
    python_exe = ${yes}
else:
    python_exe = ${no}

subprocess.check_call([python_exe, "-m", "black", "."])
`;

testRule(barePythonInterpreter, {
  label: 'unseen9: the name chosen only when the venv is not there',
  valid: [
    { name: 'if _VENV_DIR.exists(): … else: "python3"', code: FALLBACK('_VENV_DIR.exists()', 'context.env_exe', '"python3"') },
    { name: 'if not os.path.isdir(venv): "python3" else …', code: FALLBACK('not _VENV_DIR.is_dir()', '"python3"', 'context.env_exe') },
    { name: 'x if venv.exists() else "python3"', code: 'import subprocess\nfrom pathlib import Path\nVENV = Path(".venv")\npy = str(VENV / "bin" / "python") if VENV.exists() else "python3"\n\ndef lint():\n    subprocess.check_call([py, "-m", "black", "."])\n' },
  ],
  invalid: [
    {
      name: 'the test has another part (`and`): the else may run with the venv there',
      code: FALLBACK('_VENV_DIR.exists() and not CI', 'context.env_exe', '"python3"').replace('import venv', 'import venv\nCI = False'),
      errors: [{ line: 15, messageId: 'bareInterpreter' }],
    },
    {
      name: 'the test is of something else than a venv',
      code: FALLBACK('Path("setup.py").exists()', 'context.env_exe', '"python3"'),
      errors: [{ line: 14, messageId: 'bareInterpreter' }],
    },
    {
      name: 'the bare name is the branch taken when the venv is there',
      code: FALLBACK('_VENV_DIR.exists()', '"python3"', 'context.env_exe'),
      errors: [{ line: 14, messageId: 'bareInterpreter' }],
    },
  ],
});

// ceph-build's teuthology-runner Jenkinsfile: `def teuthDir = "${env.WORKSPACE}/teuthology"`, then
// `dir(teuthDir) { sh 'python3 -m venv virtualenv' }`. The folder is not known here; the fix wrote
// "\u0001/virtualenv/bin/python" (the model's mark for an unknown value) and the message showed it.
const JENKINS_DIR = (dir: string) => `pipeline {
  agent any
  stages {
    stage('setup') {
      steps {
        script {
          def teuthDir = "\${env.WORKSPACE}/teuthology"
          dir(${dir}) {
            sh 'python3 -m venv virtualenv'
            sh 'virtualenv/bin/pip install -e .'
          }
          sh "python3 scripts/wait.py --branch main"
        }
      }
    }
  }
}
`;

testRule(venvNotOnPath, {
  label: 'unseen9: a venv made in a folder the file does not say',
  filename: 'Jenkinsfile',
  valid: [
    { name: 'dir(teuthDir), a Groovy variable', code: JENKINS_DIR('teuthDir') },
    { name: 'dir(params.TEUTH_DIR)', code: JENKINS_DIR('params.TEUTH_DIR') },
  ],
  invalid: [
    {
      name: 'dir("teuthology"): the venv is teuthology/virtualenv',
      code: JENKINS_DIR('"teuthology"'),
      errors: [{ line: 12, messageId: 'notOnPath', data: { venv: 'teuthology/virtualenv' } }],
    },
  ],
});

// ceph-build's builder-reimage Jenkinsfile: the activation's message showed the shell model's
// stand-in for $WORKSPACE ("source /__jenkins_workspace__/…"), not the command as written.
testRule(activationDoesNotPersist, {
  label: 'unseen9: the activation as written, never a stand-in folder',
  filename: 'Jenkinsfile',
  valid: [],
  invalid: [
    {
      name: 'source "\\$VENV_PATH/bin/activate" with VENV_PATH under $WORKSPACE',
      code: `pipeline {
  agent any
  stages {
    stage('a') {
      steps {
        sh """#!/bin/bash
          VENV_PATH="\\$WORKSPACE/build/.venv"
          python3 -m venv "\\$VENV_PATH"
          source "\\$VENV_PATH/bin/activate"
          pip install -r requirements.txt
        """
        sh 'python3 tool.py'
      }
    }
  }
}
`,
      errors: [{ line: 9, messageId: 'lastsOnlyForShell', data: { command: 'source "\\$VENV_PATH/bin/activate"', program: 'python3' } }],
    },
    {
      // The same for GitHub's workspace: the message showed "source /github/workspace/.venv/bin/activate".
      name: 'source "$GITHUB_WORKSPACE/.venv/bin/activate" in a workflow step',
      filename: '.github/workflows/ci.yml',
      code: 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv .venv\n      - run: |\n          source "$GITHUB_WORKSPACE/.venv/bin/activate"\n          pip install x\n      - run: pytest\n',
      errors: [{ line: 8, messageId: 'lastsOnlyForShell', data: { command: 'source "$GITHUB_WORKSPACE/.venv/bin/activate"', program: 'pytest' } }],
    },
  ],
});

test('unseen9: a followed script that activates a venv named by an unknown variable runs its tools from that venv', async () => {
  const dir = writeProject('venvguard-unseen9-', {
    // builder-reimage/build/prepare_env.sh: its venv is under the work folder it is given.
    'build/prepare_env.sh': '#!/bin/bash\nset -e\nWORK_DIR="$1"\nVENV_DIR="${WORK_DIR}/.venv"\nif [ ! -d "${VENV_DIR}/bin" ]; then\n  python3 -m venv "${VENV_DIR}"\nfi\nsource "${VENV_DIR}/bin/activate"\npip install -r requirements.txt\n',
    'build/other.sh': '#!/bin/bash\nset -e\npip install -r requirements.txt\n',
    '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: python -m venv .venv\n      - run: bash build/prepare_env.sh "$RUNNER_TEMP"\n      - run: bash build/other.sh\n',
  });
  try {
    const r = await check({ paths: [dir], cwd: dir, noConfig: true });
    assert.deepEqual(r.diagnostics.map((d) => `${d.path}:${d.start.line} ${d.code}`), ['build/other.sh:3 VG201']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('unseen9: a notebook fix to !{sys.executable} relies on an earlier code cell importing sys, else adds the import', async () => {
  const nb = (cells: string[]) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: cells.map((c) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: c })) }, null, 1);
  const withImport = await checkText(nb(['import sys\nalpha = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5\n', '!python src/train.py\n']), { path: 'README.ipynb' });
  assert.deepEqual(withImport.map((d) => [d.code, d.fix?.edits.map((e) => e.text.trim())]), [['VG101', ['{sys.executable}']]]);
  const without = await checkText(nb(['x = 1\n', '!python src/train.py\n']), { path: 'README.ipynb' });
  assert.equal(without.length, 1);
  assert.ok(without[0].fix?.edits.some((e) => e.text.includes('import sys')), JSON.stringify(without[0].fix?.edits));
});

// ceph-build's builder-reimage Jenkinsfile: a step runs its node-control script with the system
// python3 before the venv is made; a later step runs it again by that name.
const NODE_CONTROL = (first: string) => `pipeline {
  agent any
  stages {
    stage('prepare') {
      steps {
        sh '${first}'
      }
    }
    stage('reimage') {
      steps {
        sh 'python3 -m venv .venv && . .venv/bin/activate && pip install -r requirements.txt'
        sh 'python3 build/node_control.py --action restore'
      }
    }
  }
}
`;

testRule(venvNotOnPath, {
  label: 'unseen9: a script run by that name before any venv needs none',
  filename: 'Jenkinsfile',
  valid: [{ name: 'the same script, run with python3 before the venv was made', code: NODE_CONTROL('python3 build/node_control.py --action prepare') }],
  invalid: [
    {
      name: 'another script ran before',
      code: NODE_CONTROL('python3 build/other.py'),
      errors: [{ line: 12, messageId: 'notOnPath', data: { name: 'python3' } }],
    },
    {
      name: 'python3 -m pip before the venv says nothing of a later script',
      code: NODE_CONTROL('python3 -m pip install requests'),
      errors: [{ line: 12, messageId: 'notOnPath', data: { name: 'python3' } }],
    },
  ],
});

testRule(venvNotOnPath, {
  label: 'unseen9: a Makefile\'s recipes have no order: an earlier recipe line holds nothing',
  filename: 'Makefile',
  valid: [],
  invalid: [
    {
      name: 'run: python3 app.py; serve: venv, python3 app.py',
      code: 'run:\n\tpython3 app.py\n\nvenv:\n\tpython3 -m venv .venv\n\t.venv/bin/pip install -r requirements.txt\n\nserve: venv\n\tpython3 app.py\n',
      errors: [{ line: 9, messageId: 'notOnPath', data: { name: 'python3' } }],
    },
  ],
});

// netmiko's _release.sh (unseen10): `#!/bin/sh`, yet it compares with `==` inside `[ ]` (dash:
// "unexpected operator", so its check would always fail): its sh is bash, where `source` works.
const RELEASE = (test: string) => `#!/bin/sh
VERSION=1.0
python3 -m venv /tmp/pkg-venv
source /tmp/pkg-venv/bin/activate
TEST_VERSION=\`python -c "import pkg; print(pkg.__version__)"\`
${test}
deactivate
`;

testRule(sourceInSh, {
  label: 'unseen10: a #!/bin/sh script written in bash',
  filename: '_release.sh',
  valid: [
    { name: '[ "$A" == "$B" ]', code: RELEASE('if [ "$TEST_VERSION" == "$VERSION" ]; then echo OK; fi') },
    { name: '[[ … ]]', code: RELEASE('if [[ "$TEST_VERSION" = "$VERSION" ]]; then echo OK; fi') },
    { name: 'an array', code: RELEASE('FILES=(a b c)') },
    { name: '${VERSION:0:1}', code: RELEASE('echo "${VERSION:0:1}"') },
    { name: 'a here-string', code: RELEASE('read -r A <<< "$VERSION"') },
  ],
  invalid: [
    {
      name: 'POSIX only: `=` in [ ], ${X:-default}',
      code: RELEASE('if [ "$TEST_VERSION" = "${VERSION:-0}" ]; then echo OK; fi'),
      errors: [{ line: 4, messageId: 'sourceNotInSh' }],
    },
    {
      name: 'a bashism only in a comment',
      code: RELEASE('# if [[ "$TEST_VERSION" == "$VERSION" ]]; then'),
      errors: [{ line: 4, messageId: 'sourceNotInSh' }],
    },
  ],
});
