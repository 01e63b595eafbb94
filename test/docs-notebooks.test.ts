/**
 * Notebooks the project runs itself (src/pipeline/docs-builds.ts, through the who-runs pre-pass): a
 * notebook of the documentation executed by the docs build (myst-nb, nbsphinx, jupyter-book,
 * mkdocs-jupyter) or by a notebook runner (`pytest --nbval-lax`, `jupyter nbconvert --execute`)
 * started by name runs its kernel with that program's Python and PATH, so its `!pip` is the
 * kernel's. Each held case is shaped like the repository it came from (nbgrader's user guide,
 * jupyter-book's and optax's docs) and has a twin that differs in one piece of evidence and stays
 * reported.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingCodes as codes, projectFindings } from './helpers.js';

const findings = (files: Record<string, string>) => projectFindings(files, 'venvguard-docnb-');


/** An nbformat 4 notebook of code cells; `outputs` stores one stream output in every cell. */
function notebook(cells: string[], options: { outputs?: boolean; metadata?: object } = {}): string {
  const output = { name: 'stdout', output_type: 'stream', text: ['ok\n'] };
  return JSON.stringify(
    {
      cells: cells.map((source) => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: options.outputs ? [output] : [], source: source.split(/(?<=\n)/) })),
      metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, ...options.metadata },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

/** A docs notebook that installs with PATH's pip and imports what it installed in the kernel. */
const GUIDE = notebook(['!pip install requests\n', 'import requests\nprint(requests.__version__)\n']);
/** The line of its `!pip` cell in the file above. */
const at = (file: string, text: string) => `${file}:${text.split('\n').findIndex((l) => l.includes('!pip')) + 1}`;

const workflow = (...cmds: string[]) => ['on: push', 'jobs:', '  docs:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - uses: actions/setup-python@v5', ...cmds.map((c) => `      - run: ${c}`), ''].join('\n');

test("a docs notebook a task file runs with `pytest --nbval-lax` by name is executed with PATH's environment (nbgrader's tasks.py docs)", async () => {
  const nb = 'docs/source/user_guide/grading.ipynb';
  const tasks = (cmd: string) => ['import subprocess', '', 'def run(cmd):', '    return subprocess.check_call(cmd, shell=True)', '', 'def docs():', `    run("${cmd}")`, '', 'docs()', ''].join('\n');
  const files = { [nb]: GUIDE, 'tasks.py': tasks('pytest --nbval-lax --current-env docs/source/user_guide/*.ipynb'), '.github/workflows/docs.yml': workflow('python tasks.py') };
  const held = await findings(files);
  // (The task file's own `pytest` is held too: it is started by PATH's python.)
  assert.deepEqual(codes(held), [`${at(nb, GUIDE)} VG106`, 'tasks.py:7 VG106']);
  assert.match(held[0], /tasks\.py:7 runs this file as "pytest" from PATH, so its kernel is that program's Python/);
  // Twins: pytest without a notebook plugin; a glob of another folder; the task file started by nothing known.
  assert.deepEqual(codes(await findings({ ...files, 'tasks.py': tasks('pytest docs/source/user_guide/*.ipynb') })), [`${at(nb, GUIDE)} VG102`, 'tasks.py:7 VG106']);
  assert.deepEqual(codes(await findings({ ...files, 'tasks.py': tasks('pytest --nbval-lax docs/source/api/*.ipynb') })), [`${at(nb, GUIDE)} VG102`, 'tasks.py:7 VG106']);
  const { ['.github/workflows/docs.yml']: _, ...unstarted } = files;
  assert.deepEqual(codes(await findings(unstarted)), [`${at(nb, GUIDE)} VG102`, 'tasks.py:7 VG103']);
});

test('a notebook runner holds only notebooks of the documentation: a tutorial its CI also executes is still opened by users in their own Jupyter', async () => {
  const wf = (cmd: string) => ({ '.github/workflows/nb.yml': workflow(cmd) });
  assert.deepEqual(codes(await findings({ 'docs/usage.ipynb': GUIDE, ...wf('jupyter nbconvert --to notebook --execute docs/usage.ipynb') })), [`${at('docs/usage.ipynb', GUIDE)} VG106`]);
  assert.deepEqual(codes(await findings({ 'docs/usage.ipynb': GUIDE, ...wf('pytest --nbmake docs') })), [`${at('docs/usage.ipynb', GUIDE)} VG106`]);
  assert.deepEqual(codes(await findings({ 'docs/usage.ipynb': GUIDE, ...wf('papermill docs/usage.ipynb out.ipynb -p n 3') })), [`${at('docs/usage.ipynb', GUIDE)} VG106`]);
  assert.deepEqual(codes(await findings({ 'docs/usage.ipynb': GUIDE, ...wf('papermill -p alpha 0.6 -p ratio 0.1 docs/usage.ipynb out.ipynb') })), [`${at('docs/usage.ipynb', GUIDE)} VG106`]);
  // Converted, not executed; a chapter notebook outside the docs (llms-from-scratch's `pytest --nbval ch02/…`).
  assert.deepEqual(codes(await findings({ 'docs/usage.ipynb': GUIDE, ...wf('jupyter nbconvert --to markdown docs/usage.ipynb') })), [`${at('docs/usage.ipynb', GUIDE)} VG102`]);
  assert.deepEqual(codes(await findings({ 'ch02/usage.ipynb': GUIDE, ...wf('pytest --nbval ch02/usage.ipynb') })), [`${at('ch02/usage.ipynb', GUIDE)} VG102`]);
  // The runner by a venv's path without that venv on PATH is the escape itself, named.
  const byPath = await findings({ 'docs/usage.ipynb': GUIDE, Makefile: 'docs:\n\t.venv/bin/jupyter nbconvert --execute docs/usage.ipynb\n' });
  assert.deepEqual(codes(byPath), [`${at('docs/usage.ipynb', GUIDE)} VG102`]);
  assert.match(byPath[0], /Makefile:2 runs this file as "\.venv\/bin\/jupyter" without that venv on PATH/);
});

test("a Sphinx build that executes notebooks (myst-nb, nbsphinx) runs them with its own environment (optax's docs, nb_execution_mode = 'force')", async () => {
  const conf = (extension: string, ...settings: string[]) => ['project = "demo"', `extensions = ["sphinx.ext.autodoc", "${extension}"]`, ...settings, ''].join('\n');
  const nb = 'docs/tutorial.ipynb';
  const build = { '.github/workflows/docs.yml': workflow('pip install -e .[docs]', 'sphinx-build -b html docs docs/_build') };
  const withConf = (c: string, n = GUIDE) => ({ ...build, 'docs/conf.py': c, [nb]: n });
  const HELD = [`${at(nb, GUIDE)} VG106`];
  const SHOWN = [`${at(nb, GUIDE)} VG102`];
  const force = await findings(withConf(conf('myst_nb', 'nb_execution_mode = "force"')));
  assert.deepEqual(codes(force), HELD);
  assert.match(force[0], /\.github\/workflows\/docs\.yml:\d+ runs this file as "sphinx-build" from PATH/);
  // myst-nb's default ("auto") executes a notebook missing outputs; off, or excluded, it does not.
  assert.deepEqual(codes(await findings(withConf(conf('myst_nb')))), HELD);
  assert.deepEqual(codes(await findings(withConf(conf('myst_nb', 'nb_execution_mode = "off"')))), SHOWN);
  assert.deepEqual(codes(await findings(withConf(conf('myst_nb', 'nb_execution_mode = "force"', 'nb_execution_excludepatterns = ["tutorial.ipynb"]')))), SHOWN);
  // nbsphinx's "auto" executes only a notebook stored without any output.
  assert.deepEqual(codes(await findings(withConf(conf('nbsphinx')))), HELD);
  const stored = notebook(['!pip install requests\n', 'import requests\nprint(requests.__version__)\n'], { outputs: true });
  assert.deepEqual(codes(await findings(withConf(conf('nbsphinx'), stored))), [`${at(nb, stored)} VG102`]);
  assert.deepEqual(codes(await findings(withConf(conf('nbsphinx', 'nbsphinx_execute = "always"'), stored))), [`${at(nb, stored)} VG106`]);
  // Set under an `if` (xclim's conf.py: by the Read the Docs version): the build may execute it.
  const conditional = ['import os', 'if os.getenv("READTHEDOCS"):', '    nbsphinx_execute = "always"', 'else:', '    nbsphinx_execute = "never"'];
  assert.deepEqual(codes(await findings(withConf(conf('nbsphinx', ...conditional), stored))), [`${at(nb, stored)} VG106`]);
  assert.deepEqual(codes(await findings(withConf(conf('nbsphinx', ...conditional.map((l) => l.replace('"always"', '"never"'))), stored))), [`${at(nb, stored)} VG102`]);
  // The notebook's own metadata decides over the configuration.
  const never = notebook(['!pip install requests\n', 'import requests\n'], { metadata: { nbsphinx: { execute: 'never' } } });
  assert.deepEqual(codes(await findings(withConf(conf('nbsphinx'), never))), [`${at(nb, never)} VG102`]);
  // A configuration that invites readers to download each notebook (xclim's prolog): its readers run it in their own Jupyter.
  const prolog = ['nbsphinx_execute = "always"', 'nbsphinx_prolog = r"""', '{% set docname = env.doc2path(env.docname, base=None) %}', '`Download this notebook. <https://example.org/raw/main/docs/{{ docname }}>`_', '"""'];
  assert.deepEqual(codes(await findings(withConf(conf('nbsphinx', ...prolog)))), SHOWN);
  // No notebook extension: Sphinx does not read the notebook at all.
  assert.deepEqual(codes(await findings(withConf(conf('sphinx.ext.napoleon')))), SHOWN);
});

test("a jupyter-book or mkdocs-jupyter build executes its notebooks (jupyter-book's own docs: `jb build docs`)", async () => {
  const nb = 'docs/file-types/notebooks.ipynb';
  const book = (execute: string) => ({ 'docs/_config.yml': `title: Demo\nexecute:\n  execute_notebooks: ${execute}\n`, 'docs/_toc.yml': 'format: jb-book\nroot: intro\n', [nb]: GUIDE });
  const wf = { '.github/workflows/book.yml': workflow('pip install jupyter-book', 'jb build docs/') };
  const held = await findings({ ...book('cache'), ...wf });
  assert.deepEqual(codes(held), [`${at(nb, GUIDE)} VG106`]);
  assert.match(held[0], /book\.yml:\d+ runs this file as "jb" from PATH/);
  assert.deepEqual(codes(await findings({ ...book('off'), ...wf })), [`${at(nb, GUIDE)} VG102`]);
  // mkdocs-jupyter executes only with `execute: true`.
  const mk = (execute: boolean) => ({ 'mkdocs.yml': `site_name: Demo\nplugins:\n  - search\n  - mkdocs-jupyter:\n      execute: ${execute}\n`, 'docs/howto.ipynb': GUIDE, '.github/workflows/site.yml': workflow('mkdocs build --strict') });
  assert.deepEqual(codes(await findings(mk(true))), [`${at('docs/howto.ipynb', GUIDE)} VG106`]);
  assert.deepEqual(codes(await findings(mk(false))), [`${at('docs/howto.ipynb', GUIDE)} VG102`]);
});
