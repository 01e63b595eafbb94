/**
 * Code that runs only in Google Colab (the default policy's `colab` signal, src/judge/policy.ts):
 * there the kernel's interpreter is the runtime's only Python, so PATH's pip and python are its
 * own. A launch inside `if "google.colab" in sys.modules:` (or `if IN_COLAB:`, the `else:` of
 * `if not IN_COLAB:`, what follows `if not in_colab(): raise …` in a function) is held back from
 * VG101–VG103 and shown by VG106; the same launch outside such code, or under a test that is not
 * Colab's, is reported. Real cases: accelerate's `install_xla` (src/accelerate/utils/torch_xla.py)
 * and sdnext's BLIP demo notebook (repositories/blip/demo.ipynb), both reviewed false in the corpus.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colabBlocks, colabCondition } from '../../src/frontends/python/hosted.js';
import { barePip } from '../../src/rules/bare-pip.js';
import { pathReliantLaunch } from '../../src/rules/path-reliant-launch.js';
import { testRule } from '../rule-tester.js';
import { findingCodes, projectFindings, pythonNotebook } from '../helpers.js';

// accelerate's install_xla: the Colab test computed into a name, the install under `if in_colab:`.
const ACCELERATE = `import subprocess
import sys


def install_xla(upgrade: bool = False):
    in_colab = False
    if "IPython" in sys.modules:
        in_colab = "google.colab" in str(sys.modules["IPython"].get_ipython())

    if in_colab:
        if upgrade:
            subprocess.run(["pip", "install", "-U", "torch"], check=True)
    else:
        raise RuntimeError("works only on google colab.")
`;

const EARLY_EXIT = `import subprocess
from utils import is_colab


def setup():
    if not is_colab():
        raise RuntimeError("Colab only")
    subprocess.run(["pip", "install", "xformers"])
`;

const ELSE_BRANCH = `import subprocess
IN_COLAB = "COLAB_GPU" in __import__("os").environ
if not IN_COLAB:
    print("run this locally with your venv active")
else:
    subprocess.run("pip install -q diffusers", shell=True)
`;

const nb = pythonNotebook;

// sdnext's BLIP demo: the install cell guarded by the Colab test, in a notebook not saved from Colab.
const BLIP_CELL = "import sys\nif 'google.colab' in sys.modules:\n    print('Running in Colab.')\n    !pip3 install transformers==4.15.0 timm==0.4.12\n    !git clone https://github.com/salesforce/BLIP\n";

testRule(barePip, {
  label: 'colab guard',
  valid: [
    { name: 'accelerate: under `if in_colab:` (held: VG106)', code: ACCELERATE },
    { name: 'after `if not is_colab(): raise` in the function', code: EARLY_EXIT },
    { name: 'the else of `if not IN_COLAB:`', code: ELSE_BRANCH },
    { name: 'a conjunction with a Colab test', code: 'import subprocess, sys\nif "google.colab" in sys.modules and not installed:\n    subprocess.run(["pip", "install", "x"])\n' },
    { name: 'Colab or Kaggle: hosted runtimes both', code: 'import subprocess, sys\nif IN_COLAB or IN_KAGGLE:\n    subprocess.run(["pip", "install", "x"])\n' },
  ],
  invalid: [
    {
      name: 'the branch that runs outside Colab',
      code: 'import subprocess, sys\nif "google.colab" not in sys.modules:\n    subprocess.run(["pip", "install", "x"])\n',
      errors: [{ line: 3, messageId: 'barePip' }],
      output: null,
      unsafeOutput: 'import subprocess, sys\nif "google.colab" not in sys.modules:\n    subprocess.run([sys.executable, "-m", "pip", "install", "x"])\n',
    },
    {
      name: 'Colab or anything else is not Colab only',
      code: 'import subprocess, sys\nif IN_COLAB or DEBUG:\n    subprocess.run(["pip", "install", "x"])\n',
      errors: [{ line: 3, messageId: 'barePip' }],
      output: null,
      unsafeOutput: 'import subprocess, sys\nif IN_COLAB or DEBUG:\n    subprocess.run([sys.executable, "-m", "pip", "install", "x"])\n',
    },
    {
      name: 'after the Colab if, at the same level',
      code: 'import subprocess, sys\nif IN_COLAB:\n    print("hi")\nsubprocess.run(["pip", "install", "x"])\n',
      errors: [{ line: 4, messageId: 'barePip' }],
      output: null,
      unsafeOutput: 'import subprocess, sys\nif IN_COLAB:\n    print("hi")\nsubprocess.run([sys.executable, "-m", "pip", "install", "x"])\n',
    },
    {
      name: 'an early exit that is not Colab-only (`if not is_colab(): print(…)` goes on)',
      code: 'import subprocess\n\n\ndef f():\n    if not is_colab():\n        print("local")\n    subprocess.run(["pip", "install", "x"])\n',
      errors: [{ line: 7, messageId: 'barePip' }],
      output: null,
      unsafeOutput: 'import subprocess\nimport sys\n\n\ndef f():\n    if not is_colab():\n        print("local")\n    subprocess.run([sys.executable, "-m", "pip", "install", "x"])\n',
    },
  ],
});

testRule(barePip, {
  filename: 'notebooks/demo.ipynb',
  label: 'colab guard, notebook',
  valid: [
    { name: 'sdnext BLIP demo: !pip3 under `if "google.colab" in sys.modules:` (held: VG106)', code: nb(BLIP_CELL, 'from PIL import Image\n') },
    { name: 'the else of `if not IN_COLAB:`', code: nb('IN_COLAB = "google.colab" in str(get_ipython())\nif not IN_COLAB:\n    print("local")\nelse:\n    !pip install -q diffusers\n') },
    { name: "fast.ai's course22: `if iskaggle:` after `iskaggle = os.environ.get('KAGGLE_KERNEL_RUN_TYPE', '')`", code: nb("import os\niskaggle = os.environ.get('KAGGLE_KERNEL_RUN_TYPE', '')\nif iskaggle:\n    !pip install -Uqq fastai\n", 'from fastai.vision.all import *\n') },
    // The escape as the cell's last line, without a newline (as nbformat stores a cell's last line): the range reaches its end.
    { name: "course22's own cell: the guarded escape ends the cell", code: nb("import os\niskaggle = os.environ.get('KAGGLE_KERNEL_RUN_TYPE', '')\n\nif iskaggle:\n    !pip install -Uqq fastai", 'from fastai.vision.all import *\n') },
    { name: 'a Colab guard whose escape ends the cell', code: nb("import sys\nif 'google.colab' in sys.modules:\n    !pip install timm", 'import timm\n') },
  ],
  invalid: [
    {
      name: 'the escape after the Colab block, at its level',
      code: nb("import sys\nif 'google.colab' in sys.modules:\n    print('Running in Colab.')\n!pip3 install timm\n"),
      errors: [{ line: 12, messageId: 'barePip' }],
      output: null,
      unsafeOutput: nb("import sys\nif 'google.colab' in sys.modules:\n    print('Running in Colab.')\n%pip install timm\n"),
    },
    {
      name: 'the same escape without the guard',
      code: nb('import sys\n!pip3 install timm==0.4.12\n'),
      errors: [{ line: 10, messageId: 'barePip' }],
      output: null,
      unsafeOutput: nb('import sys\n%pip install timm==0.4.12\n'),
    },
  ],
});

testRule(pathReliantLaunch, {
  label: 'colab guard',
  valid: ['import subprocess, sys\nsubprocess.run(["pip", "install", "x"])\n'],
  invalid: [
    {
      name: 'held, with the reason',
      code: ACCELERATE,
      errors: [{ line: 12, messageId: 'held', data: { tool: 'pip', reason: "this launch runs only in Google Colab or on Kaggle (its `if` tests for it), where the runtime's only Python is the one on PATH" } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});

test('colabCondition: which if-conditions hold only in Colab, or only outside it', () => {
  const colab = ["'google.colab' in sys.modules", '"google.colab" in str(get_ipython())', 'IN_COLAB', 'is_colab()', 'utils.running_in_colab()', '"COLAB_GPU" in os.environ', 'IN_COLAB and not done', '(IN_COLAB)'];
  // Kaggle's runtime, by its environment or a name that says the code is on it; Colab or Kaggle.
  colab.push('iskaggle', 'IS_KAGGLE', 'on_kaggle()', '"KAGGLE_KERNEL_RUN_TYPE" in os.environ', "os.environ.get('KAGGLE_KERNEL_RUN_TYPE', '')", 'os.getenv("KAGGLE_URL_BASE")', 'IN_COLAB or IN_KAGGLE');
  for (const c of colab) assert.equal(colabCondition(c), 'colab', c);
  for (const c of ['not IN_COLAB', 'not is_colab()', "not 'google.colab' in sys.modules"]) assert.equal(colabCondition(c), 'not-colab', c);
  const neither = ['NOT_COLAB', 'no_colab', 'utils.is_not_colab()', 'colab_disabled', 'SKIP_COLAB', "'google.colab' not in sys.modules", 'IN_COLAB or DEBUG', 'kaggle_dataset', 'use_kaggle', 'download_from_kaggle()', 'not_kaggle', 'IN_COLAB == False', 'IN_COLAB is None', 'colab_url != ""', 'x > 1', 'sys.platform == "linux"', 'not x'];
  for (const c of neither) assert.equal(colabCondition(c), undefined, c);
});

test('colabBlocks: the lines under a Colab if, and under the else of a negated one', () => {
  const text = "import sys\nif 'google.colab' in sys.modules:\n    pass\n\n    pass\nx = 1\nif not IN_COLAB:\n    a()\nelse:\n    pass\nif IN_KAGGLE:\n    pass\nif USE_GPU:\n    pass\n";
  const ranges = colabBlocks(text).map((r) => text.slice(r.from, r.to));
  assert.deepEqual(ranges, ['    pass\n\n    pass', '    pass', '    pass']);
  assert.deepEqual(colabBlocks('if IN_COLAB:\nx = 1\n'), [], 'no body');
});

// Kornia's tutorials: an "Open in Colab" badge in the first cell, the install cell tagged so the
// project's own runs (nbclient's `skip-execution`, nbval's `nbval-skip`) skip it.
function taggedNotebook(opts: { badge: boolean; tags: string[]; install?: string }): string {
  const md = opts.badge ? '<a href="https://colab.research.google.com/github/kornia/tutorials/blob/master/nbs/x.ipynb"><img src="https://colab.research.google.com/assets/colab-badge.svg"/></a>' : '# Resize anti-alias';
  const code = (source: string, tags: string[] = []) => ({ cell_type: 'code', execution_count: null, metadata: tags.length ? { tags } : {}, outputs: [], source: source.split(/(?<=\n)/) });
  const cells = [{ cell_type: 'markdown', metadata: {}, source: [md] }, code(opts.install ?? '%%capture\n!pip install kornia\n!pip install kornia-rs', opts.tags), code('import kornia\n')];
  return `${JSON.stringify({ cells, metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' } }, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}

test('a skipped setup cell of a notebook that opens in Colab is held (kornia tutorials)', async () => {
  const run = (nb: string) => projectFindings({ 'nbs/x.ipynb': nb });
  const held = await run(taggedNotebook({ badge: true, tags: ['skip-execution'] }));
  assert.equal(held.length, 2, held.join('\n'));
  for (const f of held) assert.match(f, /VG106 .*cell 2 is tagged skip-execution, so the project's own runs of the notebook skip it/);
  assert.match((await run(taggedNotebook({ badge: true, tags: ['hide-input', 'nbval-skip'] })))[0], /VG106 .*tagged nbval-skip/);
  // No badge, but the cell says who it is for.
  assert.match((await run(taggedNotebook({ badge: false, tags: ['skip-execution'], install: '# Colab users only\n!pip install kornia\n' })))[0], /VG106 .*tagged skip-execution/);
  // Reported: a badge without the tag (kornia's resize_antialias), the tag without any hosted hint,
  // another tag.
  // The Kaggle API's package and command name no runtime: any notebook may fetch data with them.
  const kaggleApi = taggedNotebook({ badge: false, tags: ['skip-execution'], install: '!pip install kaggle\n!pip install kornia\n!kaggle datasets download -d x/y\nimport kagglehub\n' });
  for (const nb of [taggedNotebook({ badge: true, tags: [] }), taggedNotebook({ badge: false, tags: ['skip-execution'] }), taggedNotebook({ badge: true, tags: ['remove-cell'] }), kaggleApi]) {
    const found = await run(nb);
    assert.deepEqual(findingCodes(found).map((f) => f.replace(/:\d+/, '')), ['nbs/x.ipynb VG102', 'nbs/x.ipynb VG102'], found.join('\n'));
  }
});
