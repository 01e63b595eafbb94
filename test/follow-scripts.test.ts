/**
 * Configuration one step further (src/pipeline/follow-scripts.ts): a configuration command that
 * runs a shell script of the repository runs it with its own PATH and venvs; what that finds
 * beyond the script's stand-alone analysis is reported in the script, naming the caller (message
 * and related location), once per place.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { check } from '../src/api.js';
import { toJsonReport } from '../src/reporters/json.js';
import { python3, tempDir } from './helpers.js';

type Files = Record<string, string>;

async function run(files: Files): Promise<{ dir: string; found: string[]; result: Awaited<ReturnType<typeof check>> }> {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text, { mode: name.endsWith('.sh') ? 0o755 : 0o644 });
  }
  const result = await check({ paths: [dir], cwd: dir, noConfig: true });
  const found = result.diagnostics.map((d) => `${d.path}:${d.start.line} ${d.code} ${d.data?.name ?? ''}${d.related.filter((r) => r.path).map((r) => ` <- ${r.path}:${r.start.line}`).join('')}`);
  return { dir, found, result };
}

const WORKFLOW = (...steps: string[]) => `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps.map((s) => `      - run: ${s}\n`).join('')}`;
const CI_SH = '#!/bin/bash\nset -e\npip install -r requirements.txt\npytest tests\n';

test('follow: a workflow step runs ./scripts/ci.sh after a step made .venv, off PATH: findings in the script, naming the step', async () => {
  const { dir, found, result } = await run({ '.github/workflows/ci.yml': WORKFLOW('python -m venv .venv', './scripts/ci.sh'), 'scripts/ci.sh': CI_SH });
  try {
    assert.deepEqual(found, ['scripts/ci.sh:3 VG201 pip <- .github/workflows/ci.yml:8', 'scripts/ci.sh:4 VG201 pytest <- .github/workflows/ci.yml:8']);
    const d = result.diagnostics[0];
    assert.match(d.message, /not on PATH in this script, run by \.github\/workflows\/ci\.yml:8$/);
    assert.match(d.remedy ?? '', /\.venv created in step 2 of \.github\/workflows\/ci\.yml \(line 7\): use \.venv\/bin\/python -m pip/);
    // No fix: the script is shared by its callers.
    assert.equal(d.fix, undefined);
    // The JSON report names the caller's file in the related location.
    const json = toJsonReport(result, {} as Parameters<typeof toJsonReport>[1]);
    assert.equal(json.diagnostics[0].related.at(-1)?.path, '.github/workflows/ci.yml');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('follow: the caller\'s activation, $GITHUB_PATH or ENV PATH puts the venv on the script\'s PATH: nothing', async () => {
  for (const files of <Files[]>[
    { '.github/workflows/ci.yml': WORKFLOW('python -m venv .venv', '|\n          . .venv/bin/activate\n          bash scripts/ci.sh'), 'scripts/ci.sh': CI_SH },
    { '.github/workflows/ci.yml': WORKFLOW('python -m venv .venv && echo "$PWD/.venv/bin" >> "$GITHUB_PATH"', './scripts/ci.sh'), 'scripts/ci.sh': CI_SH },
    { Dockerfile: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nCOPY scripts /app/scripts\nRUN /app/scripts/ci.sh\n', 'scripts/ci.sh': CI_SH },
    // No venv in scope where it runs: nothing to escape from.
    { '.github/workflows/ci.yml': WORKFLOW('./scripts/ci.sh'), 'scripts/ci.sh': CI_SH },
    // `sh -c '…'`, a bare name (found on PATH, not the repository's file), a script outside the repository.
    { '.github/workflows/ci.yml': WORKFLOW('python -m venv .venv', "sh -c 'echo ci.sh'", 'ci.sh', '/opt/tools/ci.sh'), 'scripts/ci.sh': CI_SH },
  ]) {
    const { dir, found } = await run(files);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(found, [], JSON.stringify(Object.keys(files)));
  }
});

test('follow: Dockerfile RUN and Makefile recipe callers; `sh -e x.sh` and `. ./env.sh`', async () => {
  const { dir, found } = await run({
    Dockerfile: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nCOPY scripts /app/scripts\nRUN sh -e /app/scripts/build.sh\n',
    Makefile: 'venv:\n\tpython3 -m venv .venv\n\ntest: venv\n\t. ./tools/env.sh\n',
    'scripts/build.sh': '#!/bin/sh\npip install --no-cache-dir -r requirements.txt\n',
    'tools/env.sh': 'export APP_ENV=test\npytest -q\n',
  });
  try {
    assert.deepEqual(found, ['scripts/build.sh:2 VG201 pip <- Dockerfile:4', 'tools/env.sh:2 VG201 pytest <- Makefile:5']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('follow: the same launch once — the stand-alone finding stays, a second caller is one more related location', async () => {
  const { dir, found, result } = await run({
    '.github/workflows/ci.yml': WORKFLOW('python -m venv .venv', './scripts/ci.sh'),
    Dockerfile: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nCOPY scripts /app/scripts\nRUN /app/scripts/ci.sh\n',
    // The script makes its own venv and forgets it: its own finding on line 3, with or without a caller.
    'scripts/ci.sh': '#!/bin/bash\npython3 -m venv build-env\npip install -r requirements.txt\npytest tests\n',
  });
  try {
    assert.deepEqual(found, ['scripts/ci.sh:3 VG201 pip', 'scripts/ci.sh:4 VG201 pytest']);
    assert.match(result.diagnostics[0].message, /at this point of the script$/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const two = await run({
    '.github/workflows/ci.yml': WORKFLOW('python -m venv .venv', './scripts/ci.sh'),
    Dockerfile: 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nCOPY scripts /app/scripts\nRUN /app/scripts/ci.sh\n',
    'scripts/ci.sh': CI_SH,
  });
  fs.rmSync(two.dir, { recursive: true, force: true });
  assert.deepEqual(two.found, ['scripts/ci.sh:3 VG201 pip <- .github/workflows/ci.yml:8 <- Dockerfile:4', 'scripts/ci.sh:4 VG201 pytest <- .github/workflows/ci.yml:8 <- Dockerfile:4']);
});

test('follow: a script the followed one runs, with its state; cycles end', async () => {
  const { dir, found } = await run({
    '.github/workflows/ci.yml': WORKFLOW('python -m venv .venv', 'bash ci/all.sh'),
    'ci/all.sh': '#!/bin/bash\nset -e\nbash ci/lint.sh\n./ci/all.sh\n',
    'ci/lint.sh': '#!/bin/bash\nflake8 src\nbash ci/all.sh\n',
  });
  try {
    assert.deepEqual(found, ['ci/lint.sh:2 VG201 flake8 <- ci/all.sh:3']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('follow: what the finding says, measured — the script run from the step\'s state installs outside .venv (real venv, real bash)', (t) => {
  const py = python3();
  if (!py) return t.skip('no Python 3 found');
  const dir = tempDir();
  try {
    // The workflow's two steps as two shells of one workspace: the venv is made, then the script runs.
    assert.equal(spawnSync(py, ['-m', 'venv', '--without-pip', '.venv'], { cwd: dir }).status, 0);
    fs.mkdirSync(path.join(dir, 'scripts'));
    fs.writeFileSync(path.join(dir, 'scripts/ci.sh'), '#!/bin/bash\npython3 -c "import sys; print(sys.prefix)"\n', { mode: 0o755 });
    const env = { ...process.env, PATH: `${path.dirname(py)}:/usr/bin:/bin`, VIRTUAL_ENV: '' };
    const r = spawnSync('bash', ['-c', './scripts/ci.sh'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(r.status, 0, r.stderr);
    assert.notEqual(fs.realpathSync(r.stdout.trim()), fs.realpathSync(path.join(dir, '.venv')));
    // With the step's activation (what the finding asks for), the same script runs the venv's.
    const a = spawnSync('bash', ['-c', '. .venv/bin/activate && ./scripts/ci.sh'], { cwd: dir, encoding: 'utf8', env });
    assert.equal(fs.realpathSync(a.stdout.trim()), fs.realpathSync(path.join(dir, '.venv')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('follow: regressions from the corpus review — callers whose state keeps the script on its own environment', async () => {
  for (const [why, files] of <[string, Files][]>[
    [
      // fdroidserver's .gitlab-ci.yml (ubuntu_jammy_pip): a venv for the sdist, deactivated ("back to
      // bare machine"), then tests/run-tests runs python3 -m unittest on the system's install.
      'the caller deactivated the venv',
      {
        '.gitlab-ci.yml': 'test:\n  image: ubuntu:jammy\n  script:\n    - python3 -m venv sdist-env\n    - . sdist-env/bin/activate\n    - ./setup.py sdist\n    - deactivate\n    - pip3 install dist/*.tar.gz\n    - ./tests/run-tests\n',
        'tests/run-tests': '#!/bin/bash\nset -e\npython3 -m unittest -v\n',
      },
    ],
    [
      // tandoor's Dockerfile: a venv under WORKDIR in a python:*-alpine image, ENTRYPOINT (exec form)
      // runs boot.sh, whose `source venv/bin/activate` works in busybox ash, relative to WORKDIR.
      'an Alpine image\'s ENTRYPOINT runs a script that activates the venv relative to WORKDIR',
      {
        Dockerfile: 'FROM python:3.13-alpine3.23\nWORKDIR /opt/recipes\nRUN python -m venv venv && venv/bin/pip install -r requirements.txt\nCOPY . ./\nENTRYPOINT ["/sbin/tini", "--", "/opt/recipes/boot.sh"]\n',
        'boot.sh': '#!/bin/sh\nsource venv/bin/activate\npython manage.py migrate\nexec gunicorn app.wsgi\n',
      },
    ],
    [
      // localstack's asf-updates.yml: the step activates .venv (made by an earlier `make install`),
      // then runs bin/release-helper.sh; another venv is made in /tmp later in the job.
      'the caller activated a venv it did not create, and knows another',
      {
        '.github/workflows/ci.yml': WORKFLOW('|\n          source .venv/bin/activate\n          bin/release-helper.sh set-dep-ver botocore 1\n          uv venv /tmp/other-venv'),
        'bin/release-helper.sh': '#!/usr/bin/env bash\npython3 -m pip download -d /tmp/x botocore\n',
      },
    ],
  ]) {
    const { dir, found } = await run(files);
    fs.rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(found, [], why);
  }
});
