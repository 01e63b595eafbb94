/** VG202 on Makefiles: an activation lasts for its recipe line's shell only (unless .ONESHELL). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { assertSilent, lint } from '../makefile-lint.js';

const rule = activationDoesNotPersist;

const valid: [string, string][] = [
  ['activated and used on the same line', 'venv:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate && pip install -e .\n\techo done\n'],
  ['activation continued onto the next line with a backslash', 'test:\n\t. .venv/bin/activate; \\\n\tpytest\n'],
  ['.ONESHELL: the recipe is one shell', '.ONESHELL:\ntest:\n\tsource .venv/bin/activate\n\tpytest\n'],
  ['used in its line, later lines use the venv by path', 'VENV := .venv\ntest:\n\t. $(VENV)/bin/activate && pytest\n\t$(VENV)/bin/python -m build\n'],
  ['a later line in ANOTHER recipe is not this shell\'s business', 'a:\n\t. .venv/bin/activate && pytest\nb:\n\tpip install x\n'],
  ['suppressed', 'test:\n\t# venvguard: ignore[VG202]\n\t. .venv/bin/activate\n'],
  ['not an activate script', 'all:\n\t. ./env.sh\n\tpython x.py\n'],
];

for (const [name, code] of valid) test(`activation-does-not-persist (makefile) valid: ${name}`, () => assertSilent(rule, code));

test('activation-does-not-persist (makefile) invalid: activation alone on a line; the next line relies on it', async () => {
  const code = 'VENV := .venv\ntest:\n\t@. $(VENV)/bin/activate\n\tpytest -q\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[3, 3]]);
  assert.equal(
    found[0].message,
    '". .venv/bin/activate" is the last command of this recipe line: activation ends with this recipe line\'s shell, so it has no effect; the "pytest" at line 4 runs without it; add .ONESHELL: so that a recipe\'s lines share one shell, or call the venv\'s programs by path on every line ($(VENV)/bin/pip …)',
  );
});

test('activation-does-not-persist (makefile) invalid: activation used on its line, but a later line expects it', async () => {
  const code = 'install:\n\tpython3 -m venv venv && . venv/bin/activate && pip install -U pip\n\tpip install -r requirements.txt\n';
  const found = await lint(rule, code);
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 26]]);
  assert.match(found[0].message, /^"\. venv\/bin\/activate" lasts only for this recipe line's shell; the "pip" at line 3 runs without it; add \.ONESHELL:.*\(venv\/bin\/pip …\)$/);
});

test('activation-does-not-persist (makefile) invalid: an activation at the end of a recipe has no effect at all', async () => {
  const found = await lint(rule, 'activate:\n\t. .venv/bin/activate\n');
  assert.deepEqual(found.map((f) => [f.line, f.column]), [[2, 2]]);
  assert.match(found[0].message, /is the last command of this recipe line: activation ends with this recipe line's shell, so it has no effect; add \.ONESHELL:/);
});
