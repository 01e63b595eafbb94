/**
 * Issue 15, session 21: findings of the unseen13 batch (and one of bazarr's) reviewed as false,
 * each with the near case that is still an escape.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../src/api.js';

const shown = async (code: string, path: string, select?: string[]) => (await checkText(code, { path, select })).map((d) => `${d.start.line} ${d.code}`);

test("a Python installation's own scripts (2to3, pydoc3) are no venv's: not VG103 (sickgear's compatibility test)", async () => {
  const code = "import subprocess\n\nsubprocess.Popen('2to3 -f except -f numliterals sickgear.py', shell=True)\nsubprocess.run(['pydoc3', 'json'])\n";
  assert.deepEqual(await shown(code, 'tests/compatibility_tests.py'), []);
  // A console script a venv has (pylint) is still one.
  assert.deepEqual(await shown(code.replace("'pydoc3'", "'pylint'"), 'tests/compatibility_tests.py'), ['4 VG103']);
});

test('a vendored copy of another project (vendor/, _vendor/, third_party/) is held back (vendored)', async () => {
  const code = "import os\n\nif os.environ.get('READTHEDOCS'):\n    os.system('pip install .')\n";
  assert.deepEqual(await shown(code, 'libs/dynaconf/vendor/ruamel/yaml/setup.py'), []);
  assert.deepEqual(await shown(code, 'src/pkg/_vendor/lib/setup.py'), []);
  assert.deepEqual(await shown(code, 'third_party/lib/setup.py', ['VG106']), ['4 VG106']);
  // A file right in vendor/ may be the project's own tool that manages them (pex's pex/vendor/__main__.py);
  // a folder that only contains the word (vendors/, vendor_tools/) is the project's own.
  assert.deepEqual(await shown(code, 'pex/vendor/__main__.py'), ['4 VG102']);
  assert.deepEqual(await shown(code, 'vendor_tools/setup.py'), ['4 VG102']);
  assert.deepEqual(await shown(code, 'app/vendors/setup.py'), ['4 VG102']);
});
