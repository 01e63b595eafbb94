/** VG202 on GitLab CI pipelines: an activation ends with its shell (before_script + script, or after_script). */
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';

const rule = activationDoesNotPersist;
const job = (...lines: string[]) => `test:\n  image: python:3.12\n${lines.map((l) => `  ${l}\n`).join('')}`;
const ACTIVATE = (script: string) => `activate it with "${script}" after the command that creates it and before the commands that use it (before_script and script run in one shell)`;
const AFTER_SCRIPT_NEEDS_ITS_OWN = '; after_script runs in a new shell and needs its own activation';
const SCRIPT_ACTIVATES = job('script:', '  - python -m venv .venv', '  - source .venv/bin/activate', '  - pip install -e .', '  - pytest', 'after_script:', '  - coverage report');

testRule(rule, {
  filename: '.gitlab-ci.yml',
  label: 'gitlab',
  valid: [
    { name: 'activated in before_script, used in script', code: job('before_script:', '  - python -m venv .venv', '  - source .venv/bin/activate', 'script:', '  - pip install .') },
    { name: 'after_script activates again', code: job('before_script:', '  - python -m venv .venv', '  - source .venv/bin/activate', 'script: [pytest]', 'after_script:', '  - source .venv/bin/activate', '  - coverage xml') },
    { name: 'after_script uses the venv by path', code: job('before_script: [python -m venv .venv, . .venv/bin/activate]', 'script: [pytest]', 'after_script: [.venv/bin/coverage xml]') },
    { name: 'after_script runs no Python tool', code: job('before_script: [python -m venv .venv, . .venv/bin/activate]', 'script: [pytest]', 'after_script: [echo done, git status]') },
    { name: 'an unknown snippet follows the activation', code: job('before_script: [python -m venv .venv, . .venv/bin/activate]', 'script:', '  - !reference [.from_include, script]') },
    { name: 'suppressed', code: job('before_script: [python -m venv .venv]', 'script:', '  # venvguard: ignore[VG202]', '  - source .venv/bin/activate') },
    { name: 'a script called activate elsewhere', code: job('script:', '  - . /etc/profile', '  - echo ok') },
    // A no-op that nothing after it in the job could use is harmless (autogen's "Prepare python venv" step).
    { name: "activation as the last command of the job's script, nothing after it", code: job('image: python:3.12-alpine', 'before_script:', '  - python -m venv venv', 'script:', '  - pip --version', '  - . venv/bin/activate') },
    { name: 'activation alone in a block script, after_script echoes, last in after_script', code: job('before_script:', '  - python -m venv .venv', 'script: |', '  source .venv/bin/activate', 'after_script:', '  - echo cleanup', '  - source .venv/bin/activate') },
  ],
  invalid: [
    {
      name: 'activation in script that after_script relies on',
      code: SCRIPT_ACTIVATES,
      errors: [
        {
          line: 5,
          column: 7,
          messageId: 'lastsOnlyForShell',
          data: { command: 'source .venv/bin/activate', unit: "this job's script", program: 'coverage', line: 9, advice: ACTIVATE('source .venv/bin/activate') + AFTER_SCRIPT_NEEDS_ITS_OWN },
        },
      ],
      output: null,
      unsafeOutput: null,
    },
    {
      // The no-op is reported when a later shell runs what may start Python out of sight (a script).
      name: "activation as the last command of the job's script, and after_script runs a script",
      code: job('image: python:3.12-alpine', 'before_script:', '  - python -m venv venv', 'script:', '  - pip --version', '  - . venv/bin/activate', 'after_script:', '  - ./ci/upload-coverage.sh'),
      errors: [{ line: 8, column: 7, messageId: 'lastCommand', data: { command: '. venv/bin/activate', unit: "this job's script", advice: ACTIVATE('. venv/bin/activate') + AFTER_SCRIPT_NEEDS_ITS_OWN } }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'activation alone in a block script before an after_script that runs make, and last in after_script',
      code: job('before_script:', '  - python -m venv .venv', 'script: |', '  source .venv/bin/activate', 'after_script:', '  - make clean', '  - source .venv/bin/activate'),
      // The after_script's own activation ends the job: nothing after it could use it.
      errors: [{ line: 6, column: 5, messageId: 'lastCommand' }],
      output: null,
      unsafeOutput: null,
    },
  ],
});

// …and the after_script line the activation does not reach is VG201.
testRule(venvNotOnPath, {
  filename: '.gitlab-ci.yml',
  label: 'gitlab, with VG202',
  valid: [],
  invalid: [
    {
      name: 'the after_script line after an activation in script',
      code: SCRIPT_ACTIVATES,
      errors: [{ line: 9, column: 7, messageId: 'notOnPath', data: { name: 'coverage', scope: 'in after_script (a new shell)' } }],
      output: null,
      unsafeOutput: SCRIPT_ACTIVATES.replace('- coverage report', '- .venv/bin/coverage report'),
    },
  ],
});
