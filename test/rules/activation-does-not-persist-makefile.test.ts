/** VG202 on Makefiles: an activation lasts for its recipe line's shell only (unless .ONESHELL). */
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { testRule } from '../rule-tester.js';

const rule = activationDoesNotPersist;
const ONESHELL_ADVICE = (venv: string) => `add .ONESHELL: so that a recipe's lines share one shell, or call the venv's programs by path on every line (${venv}/bin/pip …)`;

testRule(rule, {
  filename: 'Makefile',
  label: 'makefile',
  valid: [
    { name: 'activated and used on the same line', code: 'venv:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate && pip install -e .\n\techo done\n' },
    { name: 'activation continued onto the next line with a backslash', code: 'test:\n\t. .venv/bin/activate; \\\n\tpytest\n' },
    { name: '.ONESHELL: the recipe is one shell', code: '.ONESHELL:\ntest:\n\tsource .venv/bin/activate\n\tpytest\n' },
    { name: 'used in its line, later lines use the venv by path', code: 'VENV := .venv\ntest:\n\t. $(VENV)/bin/activate && pytest\n\t$(VENV)/bin/python -m build\n' },
    { name: "a later line in ANOTHER recipe is not this shell's business", code: 'a:\n\t. .venv/bin/activate && pytest\nb:\n\tpip install x\n' },
    { name: 'suppressed', code: 'test:\n\t# venvguard: ignore[VG202]\n\t. .venv/bin/activate\n' },
    { name: 'not an activate script', code: 'all:\n\t. ./env.sh\n\tpython x.py\n' },
    // A recipe that makes the venv and ends with its activation, nothing after it using it: a dead
    // line (codechecker's `venv:` targets, on one line; uda-capstone's `setup`, on the next).
    { name: 'the recipe that makes the venv ends with its activation', code: 'venv:\n\tpython3 -m venv venv && . venv/bin/activate\n' },
    { name: 'the recipe that makes the venv activates it on its last line', code: 'setup:\n\t# Create python virtualenv & source it\n\tpython3 -m venv ~/.venv\n\n\t# source it\n\t. ~/.venv/bin/activate\n' },
  ],
  invalid: [
    {
      name: 'activation alone on a line; the next line relies on it',
      code: 'VENV := .venv\ntest:\n\t@. $(VENV)/bin/activate\n\tpytest -q\n',
      errors: [{ line: 3, column: 3, messageId: 'lastCommandLaterRuns', data: { command: '. .venv/bin/activate', unit: 'this recipe line', program: 'pytest', line: 4, advice: ONESHELL_ADVICE('$(VENV)') } }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'activation used on its line, but a later line expects it',
      code: 'install:\n\tpython3 -m venv venv && . venv/bin/activate && pip install -U pip\n\tpip install -r requirements.txt\n',
      errors: [{ line: 2, column: 26, messageId: 'lastsOnlyForShell', data: { command: '. venv/bin/activate', unit: "this recipe line", program: 'pip', line: 3, advice: ONESHELL_ADVICE('venv') } }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'an activation at the end of a recipe has no effect at all',
      code: 'activate:\n\t. .venv/bin/activate\n',
      errors: [{ line: 2, column: 2, messageId: 'lastCommand', data: { unit: 'this recipe line', advice: ONESHELL_ADVICE('.venv') } }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'a recipe that only activates a venv another target makes: still reported',
      code: 'venv:\n\tpython3 -m venv venv\nactivate: venv\n\t. venv/bin/activate\n',
      errors: [{ line: 4, column: 2, messageId: 'lastCommand', data: { unit: 'this recipe line', advice: ONESHELL_ADVICE('venv') } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});
