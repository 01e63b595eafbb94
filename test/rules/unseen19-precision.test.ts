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
