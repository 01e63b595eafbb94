/**
 * VG101–VG103 on Jupyter notebooks (`.ipynb`): shell escapes and the cells' Python judged with the
 * kernel as the running environment, through the rule tester (the prefilter never skips a finding,
 * every fixed notebook re-parses — as JSON and as cells — and a second fix changes nothing).
 */
import { bareConsoleScript } from '../../src/rules/bare-console-script.js';
import { barePip } from '../../src/rules/bare-pip.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { pathReliantLaunch } from '../../src/rules/path-reliant-launch.js';
import { testRule } from '../rule-tester.js';
import { notebookWith, pythonNotebook } from '../helpers.js';

const FILE = 'notebooks/explore.ipynb';

const nb = pythonNotebook;

/** Saved from Google Colab, as its notebooks are (gemini-cookbook, ComfyUI-Manager, Fooocus … in the corpus). */
const colab = (...cells: string[]) => notebookWith({ colab: { provenance: [] }, kernelspec: { display_name: 'Python 3', name: 'python3' } }, cells);

testRule(barePip, {
  filename: FILE,
  label: 'notebook',
  valid: [
    { name: '%pip, the kernel\'s own pip', code: nb('%pip install pandas\n') },
    { name: '!{sys.executable} -m pip', code: nb('import sys\n!{sys.executable} -m pip install pandas\n') },
    { name: 'pip told where to install', code: nb('!pip install --target /opt/site pandas\n') },
    { name: 'an activation first in the same escape', code: nb('!source .venv/bin/activate && pip install pandas\n') },
    { name: 'inside a string, a markdown-like docstring', code: nb('doc = """\n!pip install pandas\n"""\n') },
    { name: 'an %%writefile cell', code: nb('%%writefile setup.sh\npip install pandas\n') },
    { name: '%env PATH first (held back: VG106)', code: nb('%env PATH=/opt/venv/bin:/usr/bin:/bin\n!pip install pandas\n') },
    // Colab's kernel is the runtime's only Python: its !pip is the kernel's pip (held back: VG106).
    { name: 'a notebook saved from Colab (held back: VG106)', code: colab('!pip install -q google-genai\n', 'from google import genai\n') },
    // deepmind-research's himo notebook: saved without the `colab` member, written with Colab's forms.
    { name: "a notebook with Colab's form fields (held back: VG106)", code: nb('#@title Install extra dependencies\n!pip install dm-haiku\n', 'import haiku as hk\n') },
    { name: 'a #@param field', code: nb('steps = 100  #@param {type:"integer"}\n', '!pip install dm-haiku\n') },
  ],
  invalid: [
    {
      name: '!pip install → %pip install',
      code: nb('!pip install -q pandas\n', 'import pandas as pd\n'),
      // The help names IPython's answer, the one the fix writes (not sys.executable -m pip).
      errors: [{ line: 9, column: 7, messageId: 'barePip', data: { name: 'pip', effect: 'installs into another environment', instead: '%pip' } }],
      output: null,
      unsafeOutput: nb('%pip install -q pandas\n', 'import pandas as pd\n'),
    },
    {
      name: '!python -m pip → %pip (safe: only the interpreter changes)',
      code: nb('!python3 -m pip install -U pip\n'),
      errors: [{ line: 9, column: 7, messageId: 'pipOfInterpreter', data: { name: 'python3' } }],
      output: nb('%pip install -U pip\n'),
    },
    {
      name: 'pip after cd in an escape → {sys.executable} -m pip, import sys added',
      code: nb('import os\n', '!cd lib && pip install -e .\n'),
      errors: [{ line: 18, column: 17, messageId: 'barePip' }],
      output: null,
      unsafeOutput: nb('import sys\nimport os\n', '!cd lib && {sys.executable} -m pip install -e .\n'),
    },
    {
      name: 'x = !pip freeze (an assignment keeps !)',
      code: nb('import sys\nreqs = !pip freeze\n'),
      errors: [{ line: 10, column: 14, messageId: 'barePip', data: { effect: "reads another environment's packages" } }],
      unsafeOutput: nb('import sys\nreqs = !{sys.executable} -m pip freeze\n'),
    },
    {
      name: 'a %%bash cell: found, no fix (IPython does not expand its body)',
      code: nb('%%bash\npip install -r requirements.txt\n'),
      errors: [{ line: 10, column: 6, messageId: 'barePip' }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'the cells\' Python: subprocess with pip',
      code: nb('import subprocess, sys\n', 'subprocess.check_call(["pip", "install", "torch"])\n'),
      errors: [{ line: 18, column: 29, messageId: 'barePip', data: { instead: 'sys.executable -m pip' } }],
      unsafeOutput: nb('import subprocess, sys\n', 'subprocess.check_call([sys.executable, "-m", "pip", "install", "torch"])\n'),
    },
  ],
});

testRule(barePythonInterpreter, {
  filename: FILE,
  label: 'notebook',
  valid: [
    { name: 'python asked its version', code: nb('!python --version\n') },
    { name: '!{sys.executable} x.py', code: nb('import sys\n!{sys.executable} train.py\n') },
    { name: 'python3 -m venv makes a venv', code: nb('!python3 -m venv .venv\n') },
  ],
  invalid: [
    {
      name: '!python train.py → !{sys.executable} train.py',
      code: nb('!python train.py --epochs 3\n'),
      errors: [{ line: 9, column: 7, messageId: 'bareInterpreter', data: { name: 'python' } }],
      output: null,
      unsafeOutput: nb('import sys\n!{sys.executable} train.py --epochs 3\n'),
    },
    {
      name: 'a line IPython expands ({var}): found, no fix',
      code: nb('!python train.py --data {path}\n'),
      errors: [{ line: 9, column: 7, messageId: 'bareInterpreter' }],
      unsafeOutput: null,
    },
    {
      name: '%%script python3: the program by name',
      code: nb('%%script python3\nprint(1)\n'),
      errors: [{ line: 9, column: 15, messageId: 'bareInterpreter', data: { name: 'python3' } }],
      unsafeOutput: null,
    },
    {
      name: 'the cells\' Python: os.system',
      code: nb('import os\nos.system("python prepare.py")\n'),
      errors: [{ line: 10, column: 18, messageId: 'bareInterpreter' }],
    },
  ],
});

testRule(bareConsoleScript, {
  filename: FILE,
  label: 'notebook',
  valid: [{ name: 'a program that is not a Python tool', code: nb('!nvidia-smi\n!git clone https://example.com/r.git\n') }],
  invalid: [
    {
      name: '!pytest → !{sys.executable} -m pytest',
      code: nb('import sys\n', '!pytest -q tests\n'),
      errors: [{ line: 18, column: 7, messageId: 'runModule', data: { name: 'pytest', module: 'pytest' } }],
      output: null,
      unsafeOutput: nb('import sys\n', '!{sys.executable} -m pytest -q tests\n'),
    },
  ],
});

// Held, not lost: the opt-in VG106 shows a Colab notebook's escapes with the reason.
testRule(pathReliantLaunch, {
  filename: FILE,
  label: 'notebook',
  valid: [
    { name: 'a notebook not from Colab is VG102, not VG106', code: nb('!pip install -q pandas\n') },
    { name: 'a decorator named title is no form field', code: nb('@title\ndef f():\n    pass\n', '!pip install -q pandas\n') },
  ],
  invalid: [
    {
      name: "a notebook with Colab's form fields",
      code: nb('#@title Install\n!pip install -q dm-haiku\n'),
      errors: [{ line: 10, messageId: 'held', data: { tool: 'pip', reason: "the notebook is written for Google Colab (its cells use Colab's form fields, #@title or #@param), where the kernel is the runtime's only Python and PATH's pip and python are its own" } }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'a notebook saved from Colab',
      code: colab('!pip install -q google-genai\n'),
      errors: [{ line: 9, messageId: 'held', data: { tool: 'pip', reason: "the notebook was saved from Google Colab, where the kernel is the runtime's only Python and PATH's pip and python are its own" } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});
