/**
 * Issue 15, session 23: findings of the unseen19, unseen20 and unseen21 batches reviewed as false,
 * each with the near case that is still an escape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';

const shown = async (code: string, path: string) => (await checkText(code, { path })).map((d) => `${d.start.line} ${d.code}`);

const notebook = (cells: string[]) =>
  JSON.stringify({ cells: cells.map((c) => ({ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source: c.split(/(?<=\n)/) })), metadata: { kernelspec: { name: 'python3', display_name: 'Python 3' } }, nbformat: 4, nbformat_minor: 5 }, null, 1);

test("a notebook whose own code imports only the standard library installs for the tools its shell lines run from PATH (mlperf's GettingStarted, lm-eval's visualize-zeno)", async () => {
  const cells = ['import os\nroot = os.getcwd()\n', '!pip install onnxruntime pycocotools opencv-python\n', "os.environ['MODEL_DIR'] = root\n", '!cd ../../loadgen; python setup.py develop; cd {root}\n', '!./run_local.sh onnxruntime mobilenet cpu --accuracy\n'];
  assert.deepEqual(await shown(notebook(cells), 'vision/GettingStarted.ipynb'), []);
  // No kernel code at all: the zeno notebook installs the project and runs its console script.
  const zeno = ['!pip install -e ..[zeno]\n', '!lm_eval --model hf --tasks hellaswag --log_samples --output_path output\n', '%env ZENO_API_KEY=KEY\n', '!python ../scripts/zeno_visualize.py --data_path output\n'];
  assert.deepEqual(await shown(notebook(zeno), 'examples/visualize-zeno.ipynb'), []);
  // The twin: the kernel imports what the cells install (lm-eval's visualize-wandb): each one is shown.
  const wandb = ['!pip -qq install -e ..[wandb]\n', 'import wandb\n\nwandb.login()\n', '!lm_eval --model hf --tasks hellaswag --wandb_args project=x\n'];
  assert.deepEqual((await shown(notebook(wandb), 'examples/visualize-wandb.ipynb')).map((x) => x.split(' ')[1]), ['VG102']);
  // Installing alone, with nothing run from PATH after it, is no chain.
  assert.deepEqual((await shown(notebook(['import os\n', '!pip install requests\n']), 'setup.ipynb')).map((x) => x.split(' ')[1]), ['VG102']);
  // A cell that tries to activate a venv (TorchServe's inf2 notebooks: `!source /opt/aws_neuronx_venv/bin/activate`,
  // which lasts for its own line) says the environment meant is that one: shown.
  const neuron = ['# Activate the NeuronX venv\n!source /opt/aws_neuronx_venv_transformers_neuronx/bin/activate\n!pip install torch-model-archiver\n', '!python examples/large_models/utils/Download_model.py --model_path model\n'];
  assert.deepEqual((await shown(notebook(neuron), 'examples/inf2-llama.ipynb')).map((x) => x.split(' ')[1]), ['VG102', 'VG101']);
  // Markdown that mentions an activation (a Dockerfile quoted in the text) is no activation.
  const withDoc = JSON.parse(notebook(cells));
  withDoc.cells.unshift({ cell_type: 'markdown', metadata: {}, source: ['Or build the image: `RUN echo "conda activate base" >> ~/.bashrc`\n'] });
  assert.deepEqual(await shown(JSON.stringify(withDoc, null, 1), 'vision/GettingStarted.ipynb'), []);
  // An import the parser cannot follow (importlib) says nothing: shown.
  const dynamic = ['import importlib\nmod = importlib.import_module("onnxruntime")\n', ...cells.slice(1)];
  assert.ok((await shown(notebook(dynamic), 'vision/GettingStarted.ipynb')).length > 0);
});

test("a notebook fix's `import sys` goes to a cell that runs before the fixed line, never to an optional first cell (Qwen's quick start opens with an optional flash-attention install)", async () => {
  const { fixText } = await import('../../src/api.js');
  const cells = ['!git clone https://github.com/Dao-AILab/flash-attention\n!nvidia-smi\n', '!pip install transformers accelerate\n', "from modelscope import snapshot_download\n\nmodel_dir = snapshot_download('Qwen/Qwen-7B-Chat')\n", '!python ../finetune/finetune.py --model_name_or_path Qwen/Qwen-7B-Chat\n'];
  const fixed = JSON.parse(await fixText(notebook(cells), { path: 'recipes/quickstart/qwen.ipynb', unsafe: true }));
  const sources = fixed.cells.map((c: { source: string[] }) => c.source.join(''));
  assert.ok(!sources[0].includes('import sys'), sources[0]);
  assert.ok(sources[2].startsWith('import sys\nfrom modelscope'), sources[2]);
  assert.match(sources[3], /^!\{sys\.executable\} \.\.\/finetune\/finetune\.py/);
});

test("a module or a tool's subcommand run before any venv, and again after a throwaway venv, is the base Python's (fmriprep's CircleCI deploy job)", async () => {
  const wf = (early: string[]) =>
    [
      'on: push',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: pip install --upgrade build twine hatch',
      ...early.map((r) => `      - run: ${r}`),
      '      - name: Check sdist distribution',
      '        run: |',
      '          virtualenv --python=python sdist',
      '          source sdist/bin/activate',
      '          python -m pip install dist/fmriprep*.tar.gz',
      '          which fmriprep | grep sdist\\\\/bin',
      '      - run: python -m build wrapper',
      '      - run: twine check wrapper/dist/*',
      '',
    ].join('\n');
  assert.deepEqual(await shown(wf(['python -m build', 'twine check dist/*']), '.github/workflows/deploy.yml'), []);
  // The twin: nothing ran them before the venv; the later steps are the ones the venv was made for.
  const twin = await shown(wf([]), '.github/workflows/deploy.yml');
  assert.deepEqual(twin.map((x) => x.split(' ')[1]), ['VG202', 'VG201', 'VG201']);
});

test("a notebook saved from Kaggle runs in Kaggle's image, whose Python is the kernel and PATH's (Applio's Kaggle notebook)", async () => {
  const cells = ['!pip install -r requirements.txt\n', 'import torch\n', '!python core.py prerequisites\n'];
  const kaggle = JSON.parse(notebook(cells));
  kaggle.metadata.kaggle = { accelerator: 'nvidiaTeslaT4', isGpuEnabled: true, isInternetEnabled: true, language: 'python', sourceType: 'notebook' };
  assert.deepEqual(await shown(JSON.stringify(kaggle, null, 1), 'assets/Applio_Kaggle.ipynb'), []);
  // The same notebook saved from a local Jupyter: both shown.
  assert.deepEqual((await shown(notebook(cells), 'assets/Applio_Local.ipynb')).map((x) => x.split(' ')[1]), ['VG102', 'VG101']);
});

test("a program that runs a venv's activate_this.py in its own process has that venv on its PATH for every later child (aws-elastic-beanstalk-cli-setup's installer)", async () => {
  const installer = [
    'import os',
    'import subprocess',
    'import sys',
    '',
    '',
    'def _activate_virtualenv(location):',
    "    activate_this_path = os.path.join(location, 'bin', 'activate_this.py')",
    '    if sys.version_info < (3, 0):',
    '        execfile(activate_this_path, dict(__file__=activate_this_path))',
    '    else:',
    '        exec(open(activate_this_path).read(), dict(__file__=activate_this_path))',
    '',
    '',
    'def _install_ebcli():',
    "    return subprocess.call(['pip', 'install', 'awsebcli', '--upgrade'])",
    '',
  ].join('\n');
  assert.deepEqual(await shown(installer, 'scripts/ebcli_installer.py'), []);
  // The twin: the path is built but never run: pip is PATH's.
  assert.deepEqual(await shown(installer.replace(/ {4}if sys\.version_info[^]*?dict\(__file__=activate_this_path\)\)\n {4}else:\n {8}exec\(open\(activate_this_path\)\.read\(\), dict\(__file__=activate_this_path\)\)/, '    print(activate_this_path)'), 'scripts/ebcli_installer.py'), ['12 VG102']);
});
