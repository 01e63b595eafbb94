/**
 * The pre-commit hooks (.pre-commit-hooks.yaml), run the way pre-commit runs a `language: node`
 * hook: the package's `bin` on PATH, the entry split into words, the hook's args, then the names of
 * the changed files that pass the hook's type filter, from the repository root.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CLI, repoRoot, runCli, tempDir } from './helpers.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  types?: string[];
  args?: string[];
}

const hooks = parse(fs.readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string) => {
  const h = hooks.find((x) => x.id === id);
  assert.ok(h, `hook ${id} is declared`);
  return h;
};

/** identify's `text` tag: no NUL byte and valid UTF-8 in the file's start (what `types: [text]` keeps). */
function isText(file: string): boolean {
  const head = fs.readFileSync(file).subarray(0, 1024);
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head);
    return true;
  } catch {
    return false;
  }
}

/** `npm install -g` puts the package's bin on PATH as `venvguard`; pre-commit then runs the entry. */
function runHook(h: Hook, repo: string, changed: string[]) {
  assert.equal(h.language, 'node');
  assert.doesNotMatch(h.entry, /["'\\]/, 'the entry is plain words (pre-commit splits it with shlex)');
  const bin = tempDir('venvguard-hook-bin-');
  fs.symlinkSync(CLI, path.join(bin, 'venvguard'));
  const files = changed.filter((f) => !(h.types ?? []).includes('text') || isText(path.join(repo, f)));
  const [program, ...words] = h.entry.split(/\s+/);
  const r = spawnSync(program, [...words, ...(h.args ?? []), ...files], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}`, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  fs.rmSync(bin, { recursive: true, force: true });
  return { code: r.status, out: r.stdout + r.stderr, files };
}

/** A small repository: an escape in Python and in a Dockerfile, an excluded escape, files venvguard does not read. */
function repository(): { repo: string; changed: string[] } {
  const repo = tempDir('venvguard-hook-repo-');
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    fs.writeFileSync(path.join(repo, rel), text);
  };
  write('pyproject.toml', '[tool.venvguard]\nextend-exclude = ["vendor/"]\n');
  write('app.py', 'import subprocess\nsubprocess.run(["python", "worker.py"])\n');
  write('Dockerfile', 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN pip install flask\n');
  write('vendor/lib.py', 'import os\nos.system("python setup.py build")\n');
  // Not Python: read as Python when named, these would be syntax errors (exit 3) or findings.
  write('web/server.js', 'const { execSync } = require("child_process");\nexecSync("python worker.py");\nif (x) { y(); }\n');
  write('README.md', '# demo\n\nRun `python worker.py`.\n');
  write('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  return { repo, changed: ['Dockerfile', 'README.md', 'app.py', 'logo.png', 'pyproject.toml', 'vendor/lib.py', 'web/server.js'] };
}

test('the check hook fails on the escapes in Python and in the Dockerfile, and skips what venvguard does not read', () => {
  const { repo, changed } = repository();
  const r = runHook(hook('venvguard'), repo, changed);
  assert.ok(!r.files.includes('logo.png'), 'binary files are not passed');
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /^app\.py:2:\d+: VG101 /m);
  assert.match(r.out, /^Dockerfile:3:\d+: VG201 /m);
  assert.doesNotMatch(r.out, /vendor\/lib\.py|server\.js|README/);
  assert.match(r.out, /Found 2 problems/);
  fs.rmSync(repo, { recursive: true, force: true });
});

test('without --force-exclude the same names are all checked: the hook relies on the flag', () => {
  const { repo } = repository();
  const r = runCli(['check', 'vendor/lib.py', 'web/server.js'], { cwd: repo });
  assert.match(r.stdout, /vendor\/lib\.py:2:\d+: VG101 /);
  assert.match(r.stdout, /; 2 files checked/, 'server.js was read (as Python) too');
  fs.rmSync(repo, { recursive: true, force: true });
});

test('the fix hook rewrites the Python escape to sys.executable; the check hook then passes on that file', () => {
  const { repo, changed } = repository();
  const fix = runHook(hook('venvguard-fix'), repo, changed);
  assert.equal(fs.readFileSync(path.join(repo, 'app.py'), 'utf8'), 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "worker.py"])\n');
  assert.equal(fs.readFileSync(path.join(repo, 'vendor/lib.py'), 'utf8'), 'import os\nos.system("python setup.py build")\n', 'excluded files are not touched');
  assert.match(fix.out, /Fixed 1 problem/);
  const again = runHook(hook('venvguard'), repo, ['app.py', 'vendor/lib.py', 'web/server.js']);
  assert.equal(again.code, 0, again.out);
  assert.match(again.out, /All checks passed! \(1 file checked/);
  fs.rmSync(repo, { recursive: true, force: true });
});

test('force-exclude in [tool.venvguard] works like the flag and is type-checked', () => {
  const { repo } = repository();
  fs.writeFileSync(path.join(repo, 'pyproject.toml'), '[tool.venvguard]\nextend-exclude = ["vendor/"]\nforce-exclude = true\n');
  const on = runCli(['check', 'vendor/lib.py', 'web/server.js', 'app.py'], { cwd: repo });
  assert.equal(on.code, 1, on.stdout + on.stderr);
  assert.doesNotMatch(on.stdout, /vendor|server\.js/);
  fs.writeFileSync(path.join(repo, 'pyproject.toml'), '[tool.venvguard]\nforce-exclude = "yes"\n');
  const bad = runCli(['check', 'app.py'], { cwd: repo });
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'venvguard: error: pyproject.toml: [tool.venvguard] force-exclude must be true or false, not the string "yes"\n');
  fs.rmSync(repo, { recursive: true, force: true });
});
