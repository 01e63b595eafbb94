/**
 * Issue 15, session 34: findings of the unseen56 and unseen57 batches reviewed as false, or with a
 * fix reviewed as wrong, each with the near case that is still reported (or still fixed).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { check } from '../../src/api.js';
import { tempDir } from '../helpers.js';

async function findings(files: Record<string, string>): Promise<string[]> {
  const root = tempDir('venvguard-u57-');
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const report = await check({ paths: [root], cwd: root, noConfig: true });
  return report.diagnostics.map((d) => `${d.path.split(path.sep).join('/')}:${d.start.line} ${d.code}`);
}

test("pyosmium (PyPI's osmium) declared as a dependency does not make `osmium`, the C++ osmium-tool, a console script (wodore-backend's OSM import)", async () => {
  const launch = (tool: string) => `import subprocess\n\nsubprocess.run(["${tool}", "cat", "in.pbf", "-o", "out.pbf"], check=True)\n`;
  assert.deepEqual(await findings({ 'pyproject.toml': '[project]\nname = "app"\ndependencies = ["osmium>=3.7.0", "towncrier"]\n', 'app/osm.py': launch('osmium') }), []);
  // towncrier, declared beside it, is still its package's script.
  assert.deepEqual(await findings({ 'pyproject.toml': '[project]\nname = "app"\ndependencies = ["osmium>=3.7.0", "towncrier"]\n', 'app/notes.py': launch('towncrier') }), ['app/notes.py:3 VG103']);
});
