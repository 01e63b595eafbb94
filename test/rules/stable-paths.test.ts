/**
 * A venv path built from variables that are the same in every step of a job (issue 15): `$HOME/venv`
 * and `~/venv`, `${{ github.workspace }}/.venv` and `$GITHUB_WORKSPACE/.venv` and `.venv`,
 * `${{ runner.temp }}/venv` and `$RUNNER_TEMP/venv`; in GitLab `$CI_PROJECT_DIR/.venv` and `.venv`,
 * `$HOME/venv` and `~/venv`. Other expressions (`${{ matrix.x }}`) are unknown values, not text.
 */
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';

const wf = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;
const GITHUB_PATH = (venv: string) => `write the venv's bin to $GITHUB_PATH (echo "${venv}/bin" >> "$GITHUB_PATH") so that later steps find it`;

testRule(venvNotOnPath, {
  filename: '.github/workflows/ci.yml',
  label: 'actions',
  valid: [
    { name: '$HOME/venv created, ~/venv/bin written to $GITHUB_PATH', code: wf('run: python -m venv $HOME/venv', 'run: echo ~/venv/bin >> "$GITHUB_PATH"', 'run: pip install -r requirements.txt') },
    { name: '~/venv created, $HOME/venv/bin written to $GITHUB_PATH', code: wf('run: python3 -m venv ~/venv', 'run: echo "$HOME/venv/bin" >> "$GITHUB_PATH"', 'run: pytest -q') },
    { name: '${{ runner.temp }}/venv created, $RUNNER_TEMP/venv/bin on $GITHUB_PATH', code: wf('run: python -m venv ${{ runner.temp }}/venv', 'run: echo "$RUNNER_TEMP/venv/bin" >> $GITHUB_PATH', 'run: pip install .') },
    { name: '${{ github.workspace }}/.venv created, .venv activated later', code: wf('run: python -m venv ${{ github.workspace }}/.venv', 'run: |\n          . .venv/bin/activate\n          pip install .') },
    { name: 'a venv at another expression is at no known path', code: wf('run: python -m venv ${{ matrix.envdir }}/venv', 'run: pip install .') },
  ],
  invalid: [
    {
      name: '$HOME/venv created and used as ~/venv/bin/pip, then bare pip',
      code: wf('run: python -m venv $HOME/venv', 'run: ~/venv/bin/pip install -r requirements.txt', 'run: pip install -e .'),
      errors: [{ line: 8, column: 14, messageId: 'notOnPath', data: { name: 'pip', venv: '$HOME/venv', origin: ' created in step 1 (line 6)', replacement: '$HOME/venv/bin/python -m pip', advice: GITHUB_PATH('$HOME/venv') } }],
      output: null,
      unsafeOutput: wf('run: python -m venv $HOME/venv && echo "$HOME/venv/bin" >> "$GITHUB_PATH"', 'run: ~/venv/bin/pip install -r requirements.txt', 'run: pip install -e .'),
      fixSilences: true,
    },
    {
      name: '${{ runner.temp }}/venv used by path as $RUNNER_TEMP/venv, then bare python',
      code: wf('run: python -m venv ${{ runner.temp }}/venv', 'run: $RUNNER_TEMP/venv/bin/pip install .', 'run: python -m pytest'),
      errors: [{ line: 8, column: 14, messageId: 'notOnPath', data: { name: 'python', venv: '$RUNNER_TEMP/venv', advice: GITHUB_PATH('$RUNNER_TEMP/venv') } }],
      output: null,
    },
    {
      // It was written as ../../opt/venv/bin/python, relative to the stand-in workspace folder.
      name: 'a venv outside the workspace is named by its absolute path in the fix',
      code: wf('run: python -m venv /opt/venv > /dev/null', 'run: /opt/venv/bin/pip install -U pip', 'run: pip install -e .'),
      errors: [{ line: 8, column: 14, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/venv' } }],
      output: null,
      unsafeOutput: wf('run: python -m venv /opt/venv > /dev/null', 'run: /opt/venv/bin/pip install -U pip', 'run: /opt/venv/bin/python -m pip install -e .'),
    },
    {
      name: '$GITHUB_WORKSPACE/.venv created, .venv/bin/pip used, then bare pytest',
      code: wf('run: python -m venv $GITHUB_WORKSPACE/.venv', 'run: .venv/bin/pip install pytest', 'run: pytest'),
      errors: [{ line: 8, column: 14, messageId: 'notOnPath', data: { name: 'pytest', venv: '.venv', replacement: '.venv/bin/pytest' } }],
      output: null,
    },
  ],
});

const job = (...lines: string[]) => `test:\n  image: python:3.12\n${lines.map((l) => `  ${l}\n`).join('')}`;

testRule(venvNotOnPath, {
  filename: '.gitlab-ci.yml',
  label: 'gitlab',
  valid: [
    { name: '$HOME/venv created, ~/venv activated', code: job('before_script:', '  - python -m venv $HOME/venv', '  - source ~/venv/bin/activate', 'script:', '  - pip install .') },
    { name: '$CI_PROJECT_DIR/.venv created, .venv activated', code: job('script:', '  - python -m venv $CI_PROJECT_DIR/.venv', '  - . .venv/bin/activate', '  - pip install .') },
  ],
  invalid: [
    {
      name: '~/venv created, bare pip, then $HOME/venv activated',
      code: job('script:', '  - python -m venv ~/venv', '  - pip install -e .', '  - source $HOME/venv/bin/activate', '  - pytest'),
      errors: [{ line: 5, column: 7, messageId: 'notOnPath', data: { name: 'pip', venv: '$HOME/venv', replacement: '$HOME/venv/bin/python -m pip' } }],
      output: null,
    },
  ],
});

testRule(activationDoesNotPersist, {
  filename: '.gitlab-ci.yml',
  label: 'gitlab, the command as written',
  valid: [],
  invalid: [
    {
      name: 'activation of ~/venv in script, pip in after_script',
      code: job('script:', '  - python -m venv ~/venv', '  - source ~/venv/bin/activate', '  - pytest', 'after_script:', '  - pip install coverage'),
      errors: [{ line: 5, column: 7, messageId: 'lastsOnlyForShell', data: { command: 'source $HOME/venv/bin/activate', program: 'pip' } }],
      output: null,
    },
  ],
});
