/**
 * Settings per file (issue 13 point 5): each checked file takes the settings file nearest to it
 * (`.venvguard.toml`, `venvguard.toml`, or a pyproject.toml with [tool.venvguard]), as Ruff does,
 * not the one above the first path given; `--config` and `--no-config` give all files the same.
 * Each case runs the built CLI on a small monorepo-shaped tree.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, tempDir } from './helpers.js';

/** Write `files` (path → content) under a fresh folder. */
function tree(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

const ESCAPE = 'import os\nos.system("python train.py")\n'; // VG101
const PIP = 'import os\nos.system("pip install x")\n'; // VG102
// (Not both in one file: `pip install` then `python` by name is a PATH chain, held back as VG106.)
/** A folder's two files: one VG101, one VG102. */
const both = (dir: string) => ({ [`${dir}a.py`]: ESCAPE, [`${dir}b.py`]: PIP });

function found(args: string[], cwd: string, env?: Record<string, string>): string[] {
  const r = runCli(['check', '--output-format', 'json', ...args], { cwd, env });
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { diagnostics: { path: string; code: string }[] }).diagnostics.map((d) => `${d.path} ${d.code}`);
}

test('a sub-project with its own [tool.venvguard] is checked with its settings, the rest with the root ones', () => {
  const dir = tree({
    'pyproject.toml': '[tool.venvguard]\nignore = ["VG102"]\n',
    ...both('app/'),
    'services/api/pyproject.toml': '[project]\nname = "api"\n\n[tool.venvguard]\nignore = ["VG101"]\n',
    ...both('services/api/'),
  });
  const want = ['app/a.py VG101', 'services/api/b.py VG102'];
  assert.deepEqual(found([], dir), want);
  // Named from anywhere, one file or the whole tree: the same settings for each file.
  assert.deepEqual(found(['app', 'services'], dir), want);
  // The same when worker threads do the checking (each item carries its settings).
  assert.deepEqual(found(['--jobs', '2'], dir, { VG_PARALLEL_BYTES: '1' }), want);
  assert.deepEqual(found(['services/api/b.py', 'services/api/a.py', 'app/a.py', 'app/b.py'], dir), want);
  assert.deepEqual(found(['.'], path.join(dir, 'services')).map((l) => `services/${l}`), ['services/api/b.py VG102']);
});

test('a pyproject.toml without [tool.venvguard] does not hide the settings above it (as Ruff)', () => {
  const dir = tree({
    'pyproject.toml': '[tool.venvguard]\nignore = ["VG102"]\n',
    'libs/util/pyproject.toml': '[project]\nname = "util"\n',
    ...both('libs/util/'),
  });
  assert.deepEqual(found([], dir), ['libs/util/a.py VG101']);
  assert.deepEqual(found(['libs/util'], dir), ['libs/util/a.py VG101']);
});

test('exclude and per-file-ignores patterns are relative to the folder of the settings file that holds them', () => {
  const dir = tree({
    'pyproject.toml': '[tool.venvguard]\nper-file-ignores = { "scripts/*.py" = ["VG101"] }\n',
    'scripts/a.py': ESCAPE,
    'pkg/venvguard.toml': 'extend-exclude = ["gen/"]\nper-file-ignores = { "scripts/*.py" = ["VG102"] }\n',
    'pkg/gen/b.py': ESCAPE,
    ...both('pkg/scripts/'),
  });
  // Root: scripts/a.py loses VG101. pkg: gen/ excluded; its scripts/*.py lose VG102, not VG101 (the root's pattern is not inherited).
  assert.deepEqual(found([], dir), ['pkg/scripts/a.py VG101']);
});

test('venvguard.toml holds settings at the top level and wins over pyproject.toml in the same folder; .venvguard.toml wins over both', () => {
  const dir = tree({
    'pyproject.toml': '[tool.venvguard]\nignore = ["VG101"]\n',
    'venvguard.toml': 'ignore = ["VG102"]\n',
    ...both(''),
  });
  assert.deepEqual(found([], dir), ['a.py VG101']);
  fs.writeFileSync(path.join(dir, '.venvguard.toml'), 'ignore = []\n');
  assert.deepEqual(found([], dir), ['a.py VG101', 'b.py VG102']);
});

test('a settings error in a nested file names that file; [tool.venvguard] inside venvguard.toml is explained', () => {
  const dir = tree({ 'pyproject.toml': '[tool.venvguard]\n', 'sub/venvguard.toml': '[tool.venvguard]\nignore = ["VG101"]\n', 'sub/job.py': ESCAPE });
  const r = runCli(['check'], { cwd: dir });
  assert.equal(r.code, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /^venvguard: error: \S*sub\/venvguard\.toml: unknown setting tool \(in this file the settings are at the top level, without \[tool\.venvguard\]\)\n$/);
  const bad = tree({ 'a/venvguard.toml': 'respect-gitignore = "no"\n', 'a/job.py': ESCAPE });
  assert.match(runCli(['check'], { cwd: bad }).stderr, /a\/venvguard\.toml: respect-gitignore must be true or false, not the string "no"\n$/);
});

test('--config and --no-config give every file the same settings; command-line flags win in every settings file', () => {
  const dir = tree({
    'pyproject.toml': '[tool.venvguard]\nignore = ["VG102"]\n',
    'sub/venvguard.toml': 'ignore = ["VG101"]\n',
    ...both('sub/'),
    ...both(''),
    'other.toml': 'ignore = []\n',
  });
  const all = ['a.py VG101', 'b.py VG102', 'sub/a.py VG101', 'sub/b.py VG102'];
  assert.deepEqual(found([], dir), ['a.py VG101', 'sub/b.py VG102']);
  assert.deepEqual(found(['--config', 'other.toml'], dir), all);
  assert.deepEqual(found(['--config', 'pyproject.toml'], dir), ['a.py VG101', 'sub/a.py VG101']);
  assert.deepEqual(found(['--no-config'], dir), all);
  // A flag applies in every settings file: --ignore VG101 on top of the root's VG102 and sub's VG101.
  assert.deepEqual(found(['--ignore', 'VG101'], dir), ['sub/b.py VG102']);
});

test('console scripts come from the project each file belongs to', () => {
  // `mytool` is a console script of the api project only: launching it by name is an escape there.
  const dir = tree({
    'services/api/pyproject.toml': '[project]\nname = "api"\n[project.scripts]\nmytool = "api.cli:main"\n',
    'services/api/run.py': 'import subprocess\nsubprocess.run(["mytool", "--x"])\n',
    'services/web/pyproject.toml': '[project]\nname = "web"\n',
    'services/web/run.py': 'import subprocess\nsubprocess.run(["mytool", "--x"])\n',
  });
  assert.deepEqual(found([], dir), ['services/api/run.py VG103']);
});

test('--fix rewrites each file with its own settings: a rule a sub-project ignores is not fixed there', () => {
  const dir = tree({
    'job.py': ESCAPE,
    'sub/venvguard.toml': 'ignore = ["VG101"]\n',
    'sub/job.py': ESCAPE,
  });
  const r = runCli(['check', '--fix'], { cwd: dir });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(fs.readFileSync(path.join(dir, 'job.py'), 'utf8'), /sys\.executable/);
  assert.equal(fs.readFileSync(path.join(dir, 'sub/job.py'), 'utf8'), ESCAPE);
});
