/**
 * Inline Python that imports only the standard library needs no venv (issue 15): `python -c CODE`
 * and a here-doc on `python3 -`'s stdin are judged like the interpreter probes. Code importing
 * anything else, or code that cannot be read (an expansion inside, a syntax error, a module named at
 * run time), keeps the finding. The module list is checked against the real interpreters found here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STDLIB_MODULES } from '../../src/judge/stdlib-modules.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { findInterpreters, stdlibOf } from '../../scripts/stdlib-modules.js';
import { testRule } from '../rule-tester.js';

const SCRIPT = (body: string) => `#!/bin/bash\npython3 -m venv .venv\n.venv/bin/pip install -r requirements.txt\n${body}`;
const notOnPath = (line: number, name = 'python3') => ({ line, column: 1, messageId: 'notOnPath' as const, data: { name, venv: '.venv' } });

testRule(venvNotOnPath, {
  filename: 'scripts/deploy.sh',
  label: 'shell script',
  valid: [
    { name: 'reads a JSON field with json and sys', code: SCRIPT(`curl -s "$URL" | python -c 'import json,sys; print(json.load(sys.stdin)["tag_name"])'\n`) },
    { name: 'a here-doc that imports only os and json', code: SCRIPT('python3 - <<EOF\nimport os, json\nprint(json.dumps(dict(os.environ)))\nEOF\n') },
    { name: 'a quoted here-doc on stdin without `-`, $ in its text', code: SCRIPT("python3 <<'PY'\nfrom pathlib import Path\nprint(Path('$HOME').name)\nPY\n") },
    { name: '<<- strips the tabs before the indented body', code: SCRIPT('if true; then\n\tpython3 - <<-EOF\n\timport sys\n\tif sys.argv:\n\t    print(1)\n\tEOF\nfi\n') },
    { name: 'no import at all, options before -c', code: SCRIPT('python3 -I -c "print(42)"\n') },
    { name: 'imports inside a function and a try', code: SCRIPT("python3 -c $'def f():\\n    import shutil\\ntry:\\n    import tomllib\\nexcept ImportError:\\n    pass'\n") },
    // mujoco's build_steps.sh: a here-doc `cat` pipes into python3, in a command substitution.
    { name: 'a here-doc piped from a bare cat', code: SCRIPT('MSG="$(cat <<-\'EOF\' | python3\nimport json\nimport os\nprint(json.dumps({"text": os.environ["X"]}))\nEOF\n)"\n') },
    // unseen7's TTS notebook (`!python -m http.server`).
    { name: 'a standard-library tool run with -m', code: SCRIPT('python3 -m http.server 8000 &\npython3 -m json.tool < a.json\n') },
  ],
  invalid: [
    { name: 'a third-party import', code: SCRIPT('python3 -c "import requests; print(requests.__version__)"\n'), errors: [notOnPath(4)], output: null },
    { name: 'one third-party import among standard ones', code: SCRIPT("python3 - <<'EOF'\nimport os, sys\nfrom yaml import safe_load\nEOF\n"), errors: [notOnPath(4)], output: null },
    { name: 'an expansion inside an unquoted here-doc', code: SCRIPT('python3 - <<EOF\nimport $MODULE\nEOF\n'), errors: [notOnPath(4)], output: null },
    { name: 'an expansion inside the -c code', code: SCRIPT('python3 -c "import sys; sys.path.insert(0, \'$SRC\'); import app"\n'), errors: [notOnPath(4)], output: null },
    { name: 'a module named at run time', code: SCRIPT("python3 -c 'import importlib; importlib.import_module(\"app.main\")'\n"), errors: [notOnPath(4)], output: null },
    { name: '__import__', code: SCRIPT("python3 -c '__import__(\"app\").main()'\n"), errors: [notOnPath(4)], output: null },
    { name: 'a relative import', code: SCRIPT("python3 -c 'from . import settings'\n"), errors: [notOnPath(4)], output: null },
    { name: 'code that does not parse', code: SCRIPT("python3 -c 'import os; print(os.sep'\n"), errors: [notOnPath(4)], output: null },
    { name: 'a here-doc piped from cat, with a third-party import', code: SCRIPT("cat <<'EOF' | python3\nimport requests\nEOF\n"), errors: [{ ...notOnPath(4), column: 15 }], output: null },
    { name: 'cat adds a file of its own before the here-doc', code: SCRIPT("cat header.py - <<'EOF' | python3\nimport os\nEOF\n"), errors: [{ ...notOnPath(4), column: 27 }], output: null },
    { name: 'a script file, the here-doc is only its stdin', code: SCRIPT("python3 manage.py shell <<'EOF'\nimport os\nEOF\n"), errors: [notOnPath(4)], output: null },
    { name: 'ensurepip installs into the interpreter that runs it', code: SCRIPT("python3 -c 'import ensurepip; ensurepip.bootstrap()'\n"), errors: [notOnPath(4)], output: null },
    { name: 'a standard-library module that runs the project\'s code (unittest)', code: SCRIPT('python3 -m unittest discover tests\n'), errors: [notOnPath(4)], output: null },
    { name: 'ensurepip with -m', code: SCRIPT('python3 -m ensurepip --upgrade\n'), errors: [notOnPath(4)], output: null },
    { name: 'compileall writes .pyc files for the version that runs it', code: SCRIPT('python3 -m compileall -q src\n'), errors: [notOnPath(4)], output: null },
  ],
});

testRule(venvNotOnPath, {
  filename: 'Dockerfile',
  label: 'dockerfile',
  valid: [{ name: 'a RUN that reads a version with stdlib only', code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN python -c "import sysconfig, json; print(json.dumps(sysconfig.get_paths()))"\n' }],
  invalid: [
    {
      name: 'a RUN that imports the app',
      code: 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN python -c "import django; print(django.VERSION)"\n',
      errors: [{ line: 3, column: 5, messageId: 'notOnPath', data: { name: 'python', venv: '/opt/venv' } }],
      output: null,
    },
  ],
});

testRule(barePythonInterpreter, {
  valid: [{ name: 'python -c with stdlib only, in a list', code: 'import subprocess\nsubprocess.run(["python3", "-c", "import platform; print(platform.machine())"])\nsubprocess.run("python3 -c \'import json; print(1)\'", shell=True)\n' }],
  invalid: [{ name: 'python -c importing a third-party package', code: 'import subprocess\nsubprocess.run(["python3", "-c", "import numpy"])\n', errors: [{ line: 2, messageId: 'bareInterpreter' }], output: 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "-c", "import numpy"])\n' }],
});

test('the embedded standard-library list holds every module of each Python 3.10+ found here', (t) => {
  let checked = 0;
  for (const python of findInterpreters()) {
    const r = stdlibOf(python);
    if (!r || !r.names.length) continue;
    const missing = r.names.filter((n) => !STDLIB_MODULES.has(n));
    assert.deepEqual(missing, [], `${python} (${r.version}): not in src/judge/stdlib-modules.ts (run scripts/stdlib-modules.ts)`);
    checked++;
  }
  if (!checked) t.skip('no Python 3.10+ interpreter found');
  assert.ok(!STDLIB_MODULES.has('requests') && !STDLIB_MODULES.has('yaml') && STDLIB_MODULES.has('json'));
});
