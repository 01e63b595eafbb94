/**
 * Tests a CI job runs inside the image it builds (issue 15, oca-ci): a GitHub Actions job builds an
 * image from the repository's Dockerfile, whose ENV PATH puts a venv first, and `docker run`s it with
 * the tests folder mounted and a script of that folder as the command
 * (src/pipeline/docker-run.ts). The folder's Python files run in the image: `python` by name is
 * the image's venv. Each negative twin lacks one piece of that evidence and stays reported.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { check } from '../src/api.js';
import { writeProject } from './helpers.js';

function project(files: Record<string, string>): string {
  return writeProject('venvguard-docker-run-', files);
}

async function findings(root: string): Promise<string[]> {
  try {
    const r = await check({ paths: ['.'], cwd: root, noConfig: true });
    return r.diagnostics.map((d) => `${d.path.split(path.sep).join('/')}:${d.start.line} ${d.code}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

// oca-ci's shape, reduced: the image's venv is made by an interpreter named with a build ARG.
const DOCKERFILE = ['FROM ubuntu:22.04', 'ARG python_version', 'RUN python$python_version -m venv /opt/odoo-venv', 'ENV PATH=/opt/odoo-venv/bin:$PATH', ''].join('\n');
const TEST_PY = ['import subprocess', '', '', 'def test_import_odoo():', '    subprocess.check_call(["python", "-c", "import odoo.cli"])', ''].join('\n');
const RUNTESTS = ['#!/bin/bash', 'here=$(dirname $0)', '/usr/bin/python3 -m venv /tmp/testvenv', '/tmp/testvenv/bin/pytest $here "$@"', ''].join('\n');
const FOUND = ['tests/test_preinstalled.py:5 VG101'];

const workflow = (o: { file?: string; tag?: string; run?: string } = {}) =>
  [
    'on: push',
    'jobs:',
    '  main:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: docker/build-push-action@v6',
    '        with:',
    `          file: "${o.file ?? "Dockerfile${{ matrix.python_version == '3.6' && '-legacypy' || '' }}"}"`,
    '          tags: |',
    `            ${o.tag ?? 'ghcr.io/oca/oca-ci/${{ matrix.image_name }}:latest'}`,
    '          load: true',
    '      - uses: actions/checkout@v4',
    '      - name: Tests',
    `        run: ${o.run ?? 'docker run -v ${PWD}/tests:/mnt/tests --network=host -e PGHOST=localhost ghcr.io/oca/oca-ci/${{ matrix.image_name }}:latest /mnt/tests/runtests.sh -v'}`,
    '',
  ].join('\n');

const files = (wf: string, extra: Record<string, string> = {}) => ({
  Dockerfile: DOCKERFILE,
  'Dockerfile-legacypy': DOCKERFILE,
  '.github/workflows/ci.yaml': wf,
  'tests/runtests.sh': RUNTESTS,
  'tests/test_preinstalled.py': TEST_PY,
  ...extra,
});

test('tests a job runs in the image it built (docker run, the folder mounted) are judged with the image PATH', async () => {
  assert.deepEqual(await findings(project(files(workflow()))), []);
  // One Dockerfile named plainly; the workspace written as ${{ github.workspace }}; --volume=.
  const plain = workflow({ file: 'Dockerfile', run: 'docker run --rm --volume=${{ github.workspace }}/tests:/mnt/tests ghcr.io/oca/oca-ci/${{ matrix.image_name }}:latest /mnt/tests/runtests.sh' });
  assert.deepEqual(await findings(project(files(plain))), []);
});

test('without one piece of that evidence the tests stay reported', async () => {
  // Another image than the one built.
  assert.deepEqual(await findings(project(files(workflow({ run: 'docker run -v ${PWD}/tests:/mnt/tests python:3.12 /mnt/tests/runtests.sh' })))), FOUND);
  // The command runs nothing from the mounted folder.
  assert.deepEqual(await findings(project(files(workflow({ run: 'docker run -v ${PWD}/tests:/mnt/tests ghcr.io/oca/oca-ci/${{ matrix.image_name }}:latest pytest /opt/other' })))), FOUND);
  // The whole repository mounted singles out nothing.
  assert.deepEqual(await findings(project(files(workflow({ run: 'docker run -v ${PWD}:/src ghcr.io/oca/oca-ci/${{ matrix.image_name }}:latest /src/tests/runtests.sh' })))), FOUND);
  // One of the Dockerfiles the build may use has no venv on PATH.
  assert.deepEqual(await findings(project(files(workflow(), { 'Dockerfile-legacypy': 'FROM ubuntu:22.04\n' }))), FOUND);
  // The image has no venv on PATH at all.
  assert.deepEqual(await findings(project(files(workflow(), { Dockerfile: 'FROM ubuntu:22.04\n', 'Dockerfile-legacypy': 'FROM ubuntu:22.04\n' }))), FOUND);
});
