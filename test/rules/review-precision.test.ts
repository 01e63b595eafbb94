/**
 * False-alarm classes found reviewing the findings on unseen public repositories (issue 15), each
 * with the near case that is still an escape, so that no table here passes by finding nothing.
 */
import { barePip } from '../../src/rules/bare-pip.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { bareConsoleScript } from '../../src/rules/bare-console-script.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';

// text-generation-webui's installer: the shell string activates an environment before the command.
testRule(barePip, {
  label: 'an activation inside the shell string',
  valid: [
    { name: 'a venv activated first', code: "import subprocess\nsubprocess.run('. /opt/venv/bin/activate && python -m pip install -r requirements.txt', shell=True)\n" },
    { name: 'source X/bin/activate in bash -c', code: 'import subprocess\nsubprocess.run(["bash", "-c", "source .venv/bin/activate; pip install -e ."])\n' },
    { name: 'conda activate a path', code: 'import subprocess\nsubprocess.run(\'. "/opt/conda/etc/profile.d/conda.sh" && conda activate "/opt/env" && python -m pip install -r requirements.txt\', shell=True, executable="bash")\n' },
    { name: "conda's old source activate NAME", code: "import os\nos.system('source activate py311; pip install torch')\n" },
    { name: 'micromamba activate', code: 'import subprocess\nsubprocess.run(["bash", "-c", "micromamba activate env && python -m pip install x"])\n' },
  ],
  invalid: [
    {
      name: 'the activation is in another launch',
      code: "import subprocess\nsubprocess.run('. /opt/venv/bin/activate', shell=True)\nsubprocess.run('pip install x', shell=True)\n",
      errors: [{ line: 3, column: 17, messageId: 'barePip' }],
    },
    {
      name: 'conda deactivate ends it',
      code: "import subprocess\nsubprocess.run('conda activate env; conda deactivate; pip install x', shell=True)\n",
      errors: [{ line: 2, column: 55, messageId: 'barePip' }],
    },
    {
      name: 'sudo starts pip without the activated PATH',
      code: "import subprocess\nsubprocess.run('. /opt/venv/bin/activate && sudo pip install x', shell=True)\n",
      errors: [{ line: 2, column: 50, messageId: 'barePip' }],
    },
  ],
});

// glances, st2: pip is told which environment to install into.
testRule(barePip, {
  label: 'pip told its target',
  valid: [
    'import subprocess, sys\nsubprocess.run(["pip", "install", "--target=/venv/lib/python3.12/site-packages", "x"])\n',
    'import subprocess\nsubprocess.run(["pip", "--python", "/opt/v/bin/python", "install", "requests"])\n',
    'import subprocess\nsubprocess.run(["python3", "-m", "pip", "install", "--prefix", "/opt/v", "requests"])\n',
    'import subprocess\nsubprocess.run("pip install -r requirements.txt -E /opt/venvs/examples", shell=True)\n',
    'import subprocess\nsubprocess.run(["pip", "install", "-t", "vendor", "x"])\n',
  ],
  invalid: [
    {
      name: "python's own -E is not pip's",
      code: 'import subprocess\nsubprocess.run(["python3", "-E", "-m", "pip", "install", "x"])\n',
      errors: [{ line: 2, column: 17, messageId: 'pipOfInterpreter' }],
    },
    {
      name: 'an option that only starts like one (--root-user-action)',
      code: 'import subprocess\nsubprocess.run(["pip", "install", "--root-user-action=ignore", "x"])\n',
      errors: [{ line: 2, column: 17, messageId: 'barePip' }],
    },
  ],
});

// pgadmin4: the name is a fallback for an embedded interpreter whose sys.executable is empty.
testRule(barePythonInterpreter, {
  label: 'a fallback after sys.executable',
  valid: [
    'import subprocess\nimport sys\n\n\ndef interpreter():\n    exe = sys.executable\n    return exe if exe else "python"\n\n\nsubprocess.Popen([interpreter(), "worker.py"])\n',
    'import subprocess\nimport sys\nsubprocess.run(["python3" if not sys.executable else sys.executable, "x.py"])\n',
    'import subprocess\nimport sys\ncmd = sys.executable\nif not cmd:\n    cmd = "python"\nsubprocess.run([cmd, "x.py"])\n',
    'import subprocess\nimport sys\nif sys.executable:\n    cmd = sys.executable\nelse:\n    cmd = "python3"\nsubprocess.run([cmd, "x.py"])\n',
    {
      name: "pgadmin4's shape: a Windows lookup or sys.executable (uwsgi's renamed), else python",
      code: 'import os\nimport subprocess\nimport sys\n\n\ndef interpreter(find):\n    if os.name == "nt":\n        exe = find()\n    else:\n        exe = sys.executable\n        if exe.endswith("uwsgi"):\n            exe = exe.split("uwsgi", maxsplit=1)[0] + "python"\n    return exe if exe else "python"\n\n\nsubprocess.Popen([interpreter(None), "executor.py"])\n',
    },
  ],
  invalid: [
    {
      name: 'a condition that is not sys.executable',
      code: 'import subprocess\nimport sys\n\n\ndef interpreter(frozen):\n    return "python" if frozen else sys.executable\n\n\nsubprocess.Popen([interpreter(1), "worker.py"])\n',
      errors: [{ line: 9, column: 1, messageId: 'bareInterpreter' }],
    },
    {
      name: 'a fallback after a string that may be empty',
      code: 'import os\nimport subprocess\nimport sys\nexe = sys.executable if os.name == "nt" else ""\nsubprocess.run([exe if exe else "python", "x.py"])\n',
      errors: [{ line: 5, column: 33, messageId: 'bareInterpreter' }],
    },
    {
      name: 'an if on something else',
      code: 'import subprocess\nimport sys\ncmd = sys.executable\nif len(sys.argv) > 1:\n    cmd = "python"\nsubprocess.run([cmd, "x.py"])\n',
      errors: [{ line: 6, column: 1, messageId: 'bareInterpreter' }],
    },
  ],
});

// maturin's PEP 517 backend: pip's build isolation puts the build environment's scripts first on PATH.
const BACKEND = (hook: string) =>
  `import os\nimport subprocess\nimport sys\n\n\ndef ${hook}(wheel_directory, config_settings=None, metadata_directory=None):\n    out = subprocess.check_output(["maturin", "pep517", "build-wheel", "-i", sys.executable])\n    return os.path.basename(out.decode().strip())\n`;
testRule(bareConsoleScript, {
  label: 'a PEP 517 build backend',
  valid: [
    { name: 'build_wheel', code: BACKEND('build_wheel') },
    { name: "maturin's shape: env from a helper that may copy os.environ", code: 'import os\nimport subprocess\n\n\ndef _env():\n    return {**os.environ, "X": "1"} if os.environ.get("Y") else None\n\n\ndef build_sdist(sdist_directory, config_settings=None):\n    subprocess.run(["maturin", "pep517", "write-sdist", "--sdist-directory", sdist_directory], env=_env())\n' },
    { name: 'a helper of a module that defines get_requires_for_build_sdist', code: 'import subprocess\n\n\ndef _run(*args):\n    return subprocess.check_output(["maturin", *args])\n\n\ndef get_requires_for_build_sdist(config_settings=None):\n    _run("--version")\n    return []\n' },
  ],
  invalid: [
    {
      name: 'the same code in a module that is no backend',
      code: BACKEND('make_wheel'),
      errors: [{ line: 7, column: 36, messageId: 'runBeside' }],
    },
    {
      name: 'a build_wheel method is no module hook',
      code: 'import subprocess\nimport sys\n\n\nclass B:\n    def build_wheel(self):\n        subprocess.check_output(["maturin", "build", "-i", sys.executable])\n',
      errors: [{ line: 7, column: 34, messageId: 'runBeside' }],
    },
  ],
});

testRule(venvNotOnPath, {
  label: 'review precision',
  valid: [
    { name: 'Dockerfile: pip --target into the venv', filename: 'Dockerfile', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3-venv python3-pip\nRUN python3 -m venv --without-pip /venv\nRUN python3 -m pip install --target=/venv/lib/python3.12/site-packages -r requirements.txt\nENV PATH="/venv/bin:$PATH"\n' },
    { name: 'script: pip --python and --prefix', filename: 'setup.sh', code: '#!/bin/bash\npython3 -m venv /opt/v\npip --python /opt/v/bin/python install requests\npip install --prefix /opt/v requests\n' },
    { name: "script: pip's ancient -E", filename: 'setup.sh', code: '#!/bin/bash\nvirtualenv /opt/venvs/examples\npip install -r requirements.txt -E /opt/venvs/examples\n' },
    // chia's build scripts refuse to run without an activated venv.
    { name: 'script: an if guard on $VIRTUAL_ENV', filename: 'build.sh', code: '#!/bin/bash\nif [ -z "$VIRTUAL_ENV" ]; then\n  echo "Execute . ./activate first"; exit 1\nfi\nP=$(python -c "import chiavdf; print(chiavdf.__file__)")\nvenv/bin/python -m pip install --no-binary chiavdf chiavdf\n' },
    { name: 'script: [ -n ] || exit', filename: 'build.sh', code: '#!/bin/sh\npython3 -m venv /opt/v\n[ -n "$VIRTUAL_ENV" ] || exit 1\npip install x\n' },
    { name: 'script: test -z && { …; exit 1; }', filename: 'build.sh', code: '#!/bin/sh\npython3 -m venv /opt/v\ntest -z "${VIRTUAL_ENV:-}" && { echo "activate first"; exit 1; }\npip install x\n' },
    { name: 'script: conda activate', filename: 'build.sh', code: '#!/bin/bash\npython3 -m venv /opt/v\nsource /opt/conda/etc/profile.d/conda.sh\nconda activate myenv\npip install x\n' },
  ],
  invalid: [
    {
      name: 'script: the guard does not exit',
      filename: 'build.sh',
      code: '#!/bin/sh\npython3 -m venv /opt/v\nif [ -z "$VIRTUAL_ENV" ]; then\n  echo "no venv"\nfi\npip install x\n',
      errors: [{ line: 6, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/v' } }],
    },
    {
      name: 'script: a guard inside a function is not run where it stands',
      filename: 'build.sh',
      code: '#!/bin/bash\npython3 -m venv /opt/v\ncheck() {\n  [ -n "$VIRTUAL_ENV" ] || return 1\n}\npip install x\n',
      errors: [{ line: 6, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/v' } }],
    },
    {
      name: 'script: a command before the guard',
      filename: 'build.sh',
      code: '#!/bin/sh\npython3 -m venv /opt/v\npip install y\n[ -n "$VIRTUAL_ENV" ] || exit 1\npip install x\n',
      errors: [{ line: 3, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/v' } }],
    },
    {
      name: 'script: after conda deactivate',
      filename: 'build.sh',
      code: '#!/bin/bash\npython3 -m venv /opt/v\nconda activate myenv\nconda deactivate\npip install x\n',
      errors: [{ line: 5, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/v' } }],
    },
    {
      name: 'script: pip --python of another pip option spelling is still PATH pip',
      filename: 'setup.sh',
      code: '#!/bin/bash\npython3 -m venv /opt/v\npip install --pre requests\n',
      errors: [{ line: 3, column: 1, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/v' } }],
    },
  ],
});
