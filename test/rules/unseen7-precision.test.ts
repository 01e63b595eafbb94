/**
 * Issue 15, session 18: findings of the unseen7 batch reviewed as false, each with the near case
 * that is still an escape.
 */
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { barePip } from '../../src/rules/bare-pip.js';
import { pathReliantLaunch } from '../../src/rules/path-reliant-launch.js';
import { testRule } from '../rule-tester.js';

// OctoPrint-OctoEverywhere's install.sh: one branch runs the virtualenv command, the other
// virtualenv's module file with the system interpreter; both create the venv.
const OCTO = (other: string) =>
  `#!/bin/bash\nOE_ENV="\${HOME}/octoeverywhere-env"\nif [[ -f /opt/bin/python3 ]]\nthen\n    /opt/bin/virtualenv -p /opt/bin/python3 --system-site-packages "\${OE_ENV}"\nelse\n    ${other}\nfi\n"\${OE_ENV}"/bin/pip3 install -r requirements.txt\n`;

testRule(venvNotOnPath, {
  label: 'unseen7: a venv made by virtualenv.py or virtualenv.pyz',
  valid: [
    { name: 'OctoEverywhere: python3 …/virtualenv.py creates the venv', filename: 'install.sh', code: OCTO('python3 /usr/lib/python3.8/site-packages/virtualenv.py -p /usr/bin/python3 --system-site-packages "${OE_ENV}"') },
    { name: 'the zip app', filename: 'install.sh', code: OCTO('python3 virtualenv.pyz "${OE_ENV}"') },
  ],
  invalid: [
    {
      name: 'after virtualenv.py made it, a script of another name run by python3 is a launch by name while the venv exists',
      filename: 'install.sh',
      code: '#!/bin/bash\npython3 /usr/lib/python3.8/site-packages/virtualenv.py -p /usr/bin/python3 env\npython3 tools/setup_env.py\n',
      errors: [{ line: 3, column: 1, messageId: 'notOnPath', data: { name: 'python3', venv: 'env' } }],
    },
  ],
});

// hackingtool's tools: each class installs a third-party tool's requirements and runs it, both
// through sudo; the one whose requirements went in without sudo is a true escape.
const TOOL = (install: string) => `import os
import subprocess

from core import HackingTool


class PortScannerRanger(HackingTool):
    INSTALL_COMMANDS = [
        "git clone https://github.com/floriankunushevci/rang3r.git;"
        "${install}"]

    def run(self):
        ip = input("Enter Ip >> ")
        os.chdir("rang3r")
        subprocess.run(["sudo", "python", "rang3r.py", "--ip", ip])


class Other(HackingTool):
    def run(self):
        subprocess.run(["sudo", "python3", "other.py"])
`;

testRule(barePythonInterpreter, {
  label: 'unseen7: installed and run through sudo',
  valid: [],
  invalid: [
    {
      name: 'sudo pip install in the class: its sudo python is held; the class without one keeps its finding',
      code: TOOL('sudo pip install termcolor'),
      errors: [{ line: 20, messageId: 'bareInterpreter' }],
    },
    {
      name: 'sudo python3 -m pip install in the class: the same',
      code: TOOL('sudo -H python3 -m pip install -r requirements.txt'),
      errors: [{ line: 20, messageId: 'bareInterpreter' }],
    },
    {
      name: 'pip3 install without sudo: both are escapes',
      code: TOOL('pip3 install -r requirements.txt'),
      errors: [{ line: 15, messageId: 'bareInterpreter' }, { line: 20, messageId: 'bareInterpreter' }],
    },
    {
      name: 'sudo pip install only in a comment: both are escapes',
      code: TOOL('cd x').replace('class Other', '# sudo pip install termcolor\nclass Other'),
      errors: [{ line: 15, messageId: 'bareInterpreter' }, { line: 21, messageId: 'bareInterpreter' }],
    },
  ],
});

testRule(barePythonInterpreter, {
  label: 'unseen7: a file without classes installs through sudo',
  valid: [{ name: 'sudo pip install, then sudo python3', code: 'import os\nos.system("sudo pip3 install -r requirements.txt")\nos.system("sudo python3 app.py")\n' }],
  invalid: [],
});

testRule(pathReliantLaunch, {
  label: 'unseen7: sudo chain, held by VG106',
  valid: [],
  invalid: [
    {
      name: 'held with the class and the line',
      code: TOOL('sudo pip install termcolor'),
      errors: [{ line: 15, messageId: 'held', data: { tool: 'interpreter', reason: "this class installs with pip through sudo (line 10), so sudo's secure_path finds the interpreter those packages went to" } }],
    },
  ],
});

// facefusion's installer: it stops unless a conda env is activated (or the user passes
// --skip-conda), then installs with the pip that PATH has.
const INSTALLER = (guard: string) => `import os
import shutil
import subprocess
import sys


def run(args):
    has_conda = 'CONDA_PREFIX' in os.environ
${guard}
    commands = [shutil.which('pip'), 'install', '-r', 'requirements.txt']
    subprocess.call(commands)
`;

testRule(barePip, {
  label: 'unseen7: the program requires an activated environment',
  valid: [
    { name: 'facefusion: if not skip and not has_conda: exit', code: INSTALLER("    if not args.skip_conda and not has_conda:\n        sys.stdout.write('conda is not activated')\n        sys.exit(1)") },
    { name: 'the VIRTUAL_ENV test itself, raising', code: INSTALLER("    if not os.environ.get('VIRTUAL_ENV'):\n        raise SystemExit('activate the venv first')") },
    { name: 'not in os.environ, returning', code: INSTALLER("    if 'VIRTUAL_ENV' not in os.environ:\n        return") },
    { name: 'inside if activated', code: "import os, subprocess\nif os.getenv('VIRTUAL_ENV') is not None and True:\n    subprocess.call(['pip', 'install', 'x'])\n" },
  ],
  invalid: [
    {
      name: 'the test only warns: the launch still runs without activation',
      code: INSTALLER("    if not has_conda:\n        print('conda is not activated')"),
      errors: [{ line: 12, messageId: 'barePip' }],
    },
    {
      name: 'a disjunction proves nothing',
      code: INSTALLER("    if not has_conda or args.force:\n        sys.exit(1)"),
      errors: [{ line: 12, messageId: 'barePip' }],
    },
    {
      name: 'exit when activated: the launch runs outside it',
      code: INSTALLER("    if has_conda:\n        sys.exit(1)"),
      errors: [{ line: 12, messageId: 'barePip' }],
    },
    {
      name: 'a launch before the guard',
      code: INSTALLER("    if not has_conda:\n        sys.exit(1)").replace("    has_conda =", "    subprocess.call(['pip', 'list'])\n    has_conda ="),
      errors: [{ line: 8, messageId: 'barePip' }],
    },
  ],
});

testRule(pathReliantLaunch, {
  label: 'unseen7: activation required, held by VG106',
  valid: [],
  invalid: [
    {
      name: 'held with the line of the test',
      code: INSTALLER("    if not args.skip_conda and not has_conda:\n        sys.exit(1)"),
      errors: [{ line: 12, messageId: 'held', data: { tool: 'pip', reason: 'this launch runs only in an activated environment (the test on line 9), whose bin is first on PATH' } }],
    },
  ],
});
