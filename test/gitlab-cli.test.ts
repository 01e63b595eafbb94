/** `venvguard check` on a tree with GitLab CI files: found by name, reported with correct SARIF regions. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Log } from 'sarif';
import { CLI, tempDir } from './helpers.js';
import { assertValidSarif, sarifRegions } from './sarif-schema.js';


function check(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true' } });
}

test('check: .gitlab-ci.yml and *.gitlab-ci.yml reported in one SARIF run; an included plain YAML file is not claimed', (t) => {
  const dir = tempDir();
  try {
    fs.mkdirSync(path.join(dir, 'ci'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, '.gitlab-ci.yml'),
      [
        'include:',
        '  - local: ci/templates.yml',
        '  - local: ci/docs.gitlab-ci.yml',
        'test:',
        '  image: python:3.12',
        '  before_script:',
        '    - python -m venv .venv',
        '  script: |',
        '    echo "testing" &&',
        '      pytest -q',
        '    source .venv/bin/activate',
        '  after_script:',
        '    - ./ci/report.sh',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(dir, 'ci/docs.gitlab-ci.yml'), 'docs:\n  script:\n    - "python3 -m venv /opt/docs"\n    - "pip install sphinx"\n');
    fs.writeFileSync(path.join(dir, 'ci/templates.yml'), '.t:\n  script:\n    - python -m venv .venv\n    - pip install x\n');
    const r = check(dir, '.', '--format', 'sarif');
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    assertValidSarif(t, r.stdout);
    assert.equal(log.runs.length, 1);
    const got = sarifRegions(log);
    assert.deepEqual(got.sort(), ['.gitlab-ci.yml VG201 10:7-10:13', '.gitlab-ci.yml VG202 11:5-11:30', 'ci/docs.gitlab-ci.yml VG201 4:8-4:11']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('check: a malformed .gitlab-ci.yml is a per-file problem; the rest still runs', () => {
  const dir = tempDir();
  try {
    fs.writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'test:\n  script:\n    - python -m venv .venv\n    - pip install x\nbroken: [\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12\nRUN python -m venv /opt/venv\nRUN pip install x\n');
    const r = check(dir, '.', '--format', 'json');
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; path: string; start: { line: number; column: number } }[]; problems: { path: string; kind: string; partial: boolean; message: string }[] };
    assert.deepEqual(out.diagnostics.map((d) => `${d.path} ${d.code} ${d.start.line}:${d.start.column}`).sort(), ['.gitlab-ci.yml VG201 4:7', 'Dockerfile VG201 3:5']);
    assert.deepEqual(out.problems.map((p) => [p.path, p.kind, p.partial]), [['.gitlab-ci.yml', 'syntax', true]]);
    assert.match(out.problems[0].message, /^YAML: /);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
