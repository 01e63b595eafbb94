/**
 * Issue 15, session 33: findings and problems of the unseen54 repositories reviewed as false or as
 * not fully checked, each with the near case that is still reported.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { check } from '../../src/api.js';
import { writeProject } from '../helpers.js';
import { packageFolders } from '../../src/pipeline/imports-reliant.js';

/** The findings of `check` over a project made of `files`, VG106 included, as `path line CODE`. */
async function projectFindings(files: Record<string, string>): Promise<{ findings: string[]; messages: string[] }> {
  const root = writeProject('venvguard-u54-', files);
  try {
    const d = (await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect: ['VG106'] })).diagnostics;
    return { findings: d.map((x) => `${x.path} ${x.start.line} ${x.code}`), messages: d.map((x) => x.message) };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// nav: the package lives in python/ (setuptools' `where = ["python"]`); a helper class in it starts
// the project's own `eventengine` for the integration tests, the only files that import it.
const PYPROJECT = '[project]\nname = "nav"\n\n[project.scripts]\neventengine = "nav.bin.eventengine:main"\n\n[tool.setuptools.packages.find]\nwhere = ["python"]\n';
const HELPER = ['"""NAV eventengine"""', 'from subprocess import PIPE, STDOUT, Popen', '', '', 'class EventEngineProcess:', '    def __enter__(self):', '        self._process = Popen(["eventengine", "-f"], stdout=PIPE, stderr=STDOUT)', '        return self', ''].join('\n');
const NAV = {
  'pyproject.toml': PYPROJECT,
  'python/nav/__init__.py': '',
  'python/nav/bin/__init__.py': '',
  'python/nav/bin/eventengine.py': 'def main():\n    pass\n',
  'python/nav/eventengine/__init__.py': HELPER,
  'tests/__init__.py': '',
  'tests/integration/__init__.py': '',
  'tests/integration/eventengine/boxdown_test.py': 'from nav.eventengine import EventEngineProcess\n\n\ndef test_boxdown():\n    with EventEngineProcess():\n        pass\n',
};

test("a helper in the package that only tests import, starting the project's own command (nav's EventEngineProcess, its package under python/)", async () => {
  const r = await projectFindings(NAV);
  assert.deepEqual(r.findings, ['python/nav/eventengine/__init__.py 7 VG106']);
  assert.match(r.messages[0], /only the project's tests import this file \(tests\/integration\/eventengine\/boxdown_test\.py\)/);
  // Imported by code of the package too: it runs in that program's process, and is reported.
  const used = await projectFindings({ ...NAV, 'python/nav/daemon.py': 'from nav.eventengine import EventEngineProcess\n\n\ndef run():\n    with EventEngineProcess():\n        pass\n' });
  assert.deepEqual(used.findings, ['python/nav/eventengine/__init__.py 7 VG103']);
  // A program of its own (a `__main__` test) is started by someone else: reported.
  const main = await projectFindings({ ...NAV, 'python/nav/eventengine/__init__.py': HELPER + '\nif __name__ == "__main__":\n    EventEngineProcess().__enter__()\n' });
  assert.deepEqual(main.findings, ['python/nav/eventengine/__init__.py 7 VG103']);
  // Without the metadata that puts the package in python/, `nav.eventengine` names no file of the
  // project: who imports the helper is not known, and it is reported.
  const unplaced = await projectFindings({ ...NAV, 'pyproject.toml': PYPROJECT.replace(/\[tool\.setuptools[^]*$/, '') });
  assert.deepEqual(unplaced.findings, ['python/nav/eventengine/__init__.py 7 VG103']);
  // Another program than the project's own (pip), from the same helper: reported.
  const pip = await projectFindings({ ...NAV, 'python/nav/eventengine/__init__.py': HELPER.replace('["eventengine", "-f"]', '["pip", "install", "x"]') });
  assert.deepEqual(pip.findings, ['python/nav/eventengine/__init__.py 7 VG102']);
});

test('the folders packaging metadata takes packages from, in each spelling setuptools reads', () => {
  assert.deepEqual(packageFolders('[tool.setuptools.packages.find]\nwhere = ["python", "lib/py"]\n'), ['python', 'lib/py']);
  assert.deepEqual(packageFolders('[options.packages.find]\nwhere = lib\n'), ['lib']);
  assert.deepEqual(packageFolders('[tool.setuptools]\npackage-dir = {"" = "code"}\n'), ['code']);
  assert.deepEqual(packageFolders('[options]\npackage_dir =\n    =pylib\n'), ['pylib']);
  assert.deepEqual(packageFolders("setup(package_dir={'': 'source'}, packages=find_packages('source'))"), ['source']);
  // The root and src/ are looked in anyway; a folder outside the project is not one of it.
  assert.deepEqual(packageFolders('where = ["."]\nwhere = ["src"]\nwhere = ["../x"]\n'), []);
});
