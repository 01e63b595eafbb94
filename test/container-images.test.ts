/**
 * Code that only the project's own container image runs (issue 15): the pre-pass
 * (src/pipeline/container-images.ts) judges a Python file that an image's start command names,
 * through COPY/ADD or a Compose bind mount, with the image's PATH when that PATH has a venv first.
 * Each positive case has negative twins that differ in one piece of evidence and stay reported.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { check } from '../src/api.js';
import { writeProject } from './helpers.js';

function project(files: Record<string, string>): string {
  return writeProject('venvguard-image-', files);
}

async function findings(root: string, extendSelect?: string[]): Promise<string[]> {
  try {
    const r = await check({ paths: ['.'], cwd: root, noConfig: true, extendSelect });
    return r.diagnostics.map((d) => `${d.path.split(path.sep).join('/')}:${d.start.line} ${d.code}`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** An admin-style entry point (mailu's core/admin/start.py, reduced): flask and gunicorn through the shell. */
const START_PY = ['#!/usr/bin/env python3', 'import os', '', 'os.system("flask db upgrade")', 'os.system("gunicorn --preload app:app")', ''].join('\n');
const START_FINDINGS = ['start.py:4 VG103', 'start.py:5 VG103'];

const VENV_IMAGE = ['FROM python:3.12-slim', 'RUN python -m venv /opt/venv && /opt/venv/bin/pip install flask gunicorn', 'ENV PATH=/opt/venv/bin:$PATH'];

test('a script an image with its venv first on PATH starts (COPY + CMD) is judged with that PATH: no finding', async () => {
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: [...VENV_IMAGE, 'COPY start.py /', 'CMD /start.py', ''].join('\n') })), []);
  // Exec form, relative to WORKDIR, and a VIRTUAL_ENV-named venv (made in a parent stage).
  const df = ['FROM python:3.12-slim AS build', 'RUN python -m venv /app/venv', 'FROM python:3.12-slim', 'COPY --from=build /app/venv /app/venv', 'ENV VIRTUAL_ENV=/app/venv PATH="/app/venv/bin:${PATH}"', 'WORKDIR /app', 'COPY . .', 'CMD ["python", "start.py"]', ''];
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: df.join('\n') })), []);
  // virtualenv, into a folder whose name does not say venv.
  const tools = ['FROM python:3.12-slim', 'RUN pip install virtualenv && virtualenv /opt/tools', 'ENV PATH=/opt/tools/bin:$PATH', 'COPY start.py /', 'CMD /start.py', ''];
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: tools.join('\n') })), []);
});

test('the same script without the image evidence is still reported', async () => {
  // No Dockerfile at all.
  assert.deepEqual(await findings(project({ 'start.py': START_PY })), START_FINDINGS);
  // A Dockerfile that does not COPY it.
  assert.deepEqual(await findings(project({ 'start.py': START_PY, 'other.py': '', Dockerfile: [...VENV_IMAGE, 'COPY other.py /', 'CMD /start.py', ''].join('\n') })), START_FINDINGS);
  // COPY'd (with the whole folder) but the start command does not run it.
  assert.deepEqual(await findings(project({ 'start.py': START_PY, 'serve.py': '', Dockerfile: [...VENV_IMAGE, 'COPY . /app', 'CMD ["python", "/app/serve.py"]', ''].join('\n') })), START_FINDINGS);
  // The venv exists but is not on PATH.
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: ['FROM python:3.12-slim', 'RUN python -m venv /opt/venv', 'COPY start.py /', 'CMD /start.py', ''].join('\n') })), START_FINDINGS);
  // Something else comes first on PATH.
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: [...VENV_IMAGE, 'ENV PATH=/usr/local/bin:$PATH', 'COPY start.py /', 'CMD /start.py', ''].join('\n') })), START_FINDINGS);
});

test('the stage the file ends up in counts: a venv copied into a final stage without its PATH', async () => {
  const df = ['FROM python:3.12-slim AS build', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'FROM python:3.12-slim', 'COPY --from=build /opt/venv /opt/venv', 'COPY start.py /', 'CMD /start.py', ''];
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: df.join('\n') })), START_FINDINGS);
  // `FROM build` inherits the ENV.
  const inherit = ['FROM python:3.12-slim AS build', 'RUN python -m venv /opt/venv', 'ENV PATH=/opt/venv/bin:$PATH', 'FROM build', 'COPY start.py /', 'CMD /start.py', ''];
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: inherit.join('\n') })), []);
});

test('another launcher in the repository that runs the file outside the image keeps the findings', async () => {
  const files = { 'start.py': START_PY, Dockerfile: [...VENV_IMAGE, 'COPY start.py /', 'CMD /start.py', ''].join('\n') };
  // A launcher that runs it by a venv's interpreter path, without that venv on PATH (who-runs.ts).
  assert.deepEqual(await findings(project({ ...files, Makefile: 'run:\n\t.venv/bin/python start.py\n' })), START_FINDINGS);
  assert.deepEqual(await findings(project({ ...files, 'run.sh': '#!/bin/sh\nset -e\nvenv/bin/python ./start.py\n' })), START_FINDINGS);
  // One that runs it by name (`python start.py`, `./start.py` by its `env python3` shebang) is PATH's
  // interpreter, whose children by name are found on the same PATH: held back into VG106 (who-runs.ts).
  assert.deepEqual(await findings(project({ ...files, Makefile: 'run:\n\tpython start.py\n' })), []);
  assert.deepEqual(await findings(project({ ...files, 'run.sh': '#!/bin/sh\nset -e\n./start.py\n' })), []);
  // Files named one by one on the command line: the launcher among them still counts.
  const root = project({ ...files, Makefile: 'run:\n\t.venv/bin/python start.py\n' });
  try {
    const r = await check({ paths: ['start.py', 'Dockerfile', 'Makefile'], cwd: root, noConfig: true });
    assert.deepEqual(r.diagnostics.map((d) => `${d.path}:${d.start.line} ${d.code}`), START_FINDINGS);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  // Naming it for a container (a bind mount in a `docker run`, a list of volumes) is not running it outside.
  assert.deepEqual(await findings(project({ ...files, 'dev.sh': '#!/bin/bash\nfor f in start.py app/; do vols+=(-v "$PWD/$f:/$f"); done\ndocker run "${vols[@]}" img python /start.py\n' })), []);
});

test('a shell script an image starts (ENTRYPOINT) that knows only the image venv is judged with its PATH', async () => {
  const entry = ['#!/bin/sh', 'set -e', '/opt/venv/bin/python -m app.migrate', 'pip install -r /app/extra.txt', 'exec gunicorn app:app', ''].join('\n');
  const dockerfile = [...VENV_IMAGE, 'COPY entrypoint.sh /', 'ENTRYPOINT ["/entrypoint.sh"]', ''].join('\n');
  assert.deepEqual(await findings(project({ 'entrypoint.sh': entry, Dockerfile: dockerfile })), []);
  // Outside any image, /opt/venv is named but not on PATH.
  assert.deepEqual(await findings(project({ 'entrypoint.sh': entry })), ['entrypoint.sh:4 VG201', 'entrypoint.sh:5 VG201']);
  // A script that sets PATH itself, or knows another venv, is judged as it is written.
  const ownPath = entry.replace('set -e', 'set -e\nexport PATH=/usr/bin:/bin');
  assert.deepEqual(await findings(project({ 'entrypoint.sh': ownPath, Dockerfile: dockerfile })), ['entrypoint.sh:5 VG201', 'entrypoint.sh:6 VG201']);
  const other = entry.replace('/opt/venv/bin/python', '/srv/tools/bin/python');
  assert.deepEqual(await findings(project({ 'entrypoint.sh': other, Dockerfile: dockerfile })), ['entrypoint.sh:4 VG201', 'entrypoint.sh:5 VG201']);
});

/** mailu's layout, reduced: core/base builds the venv image, core/admin is built `FROM base` by a bake file. */
const MAILU = {
  'core/base/Dockerfile': [
    'ARG DISTRO=ghcr.io/example/alpine:3.21',
    'FROM $DISTRO as system',
    'WORKDIR /app',
    'FROM system as build',
    'ENV VIRTUAL_ENV=/app/venv',
    'RUN set -eu ; python3 -m venv ${VIRTUAL_ENV} ; ${VIRTUAL_ENV}/bin/pip install flask gunicorn',
    'FROM system',
    'COPY --from=build /app/venv/ /app/venv/',
    'ENV VIRTUAL_ENV=/app/venv PATH="/app/venv/bin:${PATH}"',
    '',
  ].join('\n'),
  'core/admin/Dockerfile': ['FROM base', 'COPY start.py /', 'CMD /start.py', ''].join('\n'),
  'core/admin/start.py': START_PY,
};
const BAKE = ['target "defaults" {', '  dockerfile = "Dockerfile"', '}', 'target "base" {', '  inherits = ["defaults"]', '  context = "core/base/"', '}', 'target "admin" {', '  inherits = ["defaults"]', '  context = "core/admin/"', '  contexts = {', '    base = "target:base"', '  }', '}', ''].join('\n');

test('FROM an image another Dockerfile of the repository builds (bake contexts) inherits its ENV', async () => {
  assert.deepEqual(await findings(project({ ...MAILU, 'tests/build.hcl': BAKE })), []);
  // Without the bake file, `base` is an image this repository does not say it builds.
  assert.deepEqual(await findings(project(MAILU)), ['core/admin/start.py:4 VG103', 'core/admin/start.py:5 VG103']);
});

/** paasta's layout, reduced: integration tests run by pytest in a Compose service built from the repository root. */
const UTILS_PY = ['import subprocess', '', 'def apply():', '    return subprocess.run("python -m tool.apply -v".split(" "), check=True)', ''].join('\n');
const ITEST_DOCKERFILE = ['ARG BASE_IMAGE=registry.example.com/jammy', 'FROM ${BASE_IMAGE}', 'WORKDIR /work', 'RUN virtualenv /venv -ppython3.10', 'ENV PATH=/venv/bin:$PATH', 'ADD . /work/', 'RUN pip install -e /work/', ''].join('\n');
const compose = (command: string) =>
  ['services:', '  tools:', '    build:', '      context: ../', '      dockerfile: ./docker/itest/Dockerfile', '    volumes:', '      - ../:/work:rw', `    command: ${command}`, ''].join('\n');

test('tests a Compose service built from a repository Dockerfile runs (command: pytest ./itests) are judged in that image', async () => {
  const base = { 'docker/itest/Dockerfile': ITEST_DOCKERFILE, 'itests/utils.py': UTILS_PY };
  assert.deepEqual(await findings(project({ ...base, 'itests/docker-compose.yml': compose(`bash -c "/venv/bin/wait.sh -- pytest ./itests -s"`) })), []);
  // The service runs something else: the tests' folder is in the image, but nothing starts it there.
  assert.deepEqual(await findings(project({ ...base, 'itests/docker-compose.yml': compose('paasta-api -D') })), ['itests/utils.py:4 VG101']);
  // The service sets its own PATH.
  const ownPath = compose('pytest ./itests').replace('    command:', '    environment:\n      PATH: /usr/bin:/bin\n    command:');
  assert.deepEqual(await findings(project({ ...base, 'itests/docker-compose.yml': ownPath })), ['itests/utils.py:4 VG101']);
  // A workflow that runs the same tests on the runner, with a venv's interpreter by path (not on PATH).
  const wf = ['on: push', 'jobs:', '  t:', '    runs-on: ubuntu-latest', '    steps:', '      - run: .venv/bin/python -m pytest itests', ''].join('\n');
  assert.deepEqual(await findings(project({ ...base, 'itests/docker-compose.yml': compose('pytest ./itests'), '.github/workflows/ci.yml': wf })), ['itests/utils.py:4 VG101']);
  // By name on the runner, or tox running the folder (from its own variable for the project root):
  // the image yields to them, and they run the tests with their environment on PATH (who-runs.ts).
  assert.deepEqual(await findings(project({ ...base, 'itests/docker-compose.yml': compose('pytest ./itests'), '.github/workflows/ci.yml': wf.replace('.venv/bin/python', 'python') })), []);
  assert.deepEqual(await findings(project({ ...base, 'itests/docker-compose.yml': compose('pytest ./itests'), 'tox.ini': '[testenv:itests]\ncommands =\n    pytest {toxinidir}/itests\n' })), []);
  // A helper script under the folder that the host runs (the Makefile beside it) is only that script.
  const makefile = 'cluster:\n\t./scripts/setup.sh\n';
  assert.deepEqual(await findings(project({ ...base, 'itests/docker-compose.yml': compose('pytest ./itests'), 'itests/Makefile': makefile, 'itests/scripts/setup.sh': '#!/bin/sh\necho setup\n' })), []);
});

// tandoor's boot.sh (reduced): a #!/bin/sh entry point that `source`s the venv made in the image.
const BOOT_SH = ['#!/bin/sh', 'source venv/bin/activate', 'python manage.py migrate', ''].join('\n');

test("a #!/bin/sh script an Alpine image starts uses source freely (busybox ash has it): no VG203; on a Debian image, or run outside, it stays", async () => {
  const alpine = ['FROM python:3.13-alpine3.23', 'WORKDIR /opt/recipes', 'COPY . ./', 'RUN python -m venv venv', 'RUN chmod +x boot.sh', 'ENTRYPOINT ["/sbin/tini", "--", "/opt/recipes/boot.sh"]', ''];
  assert.deepEqual(await findings(project({ 'boot.sh': BOOT_SH, Dockerfile: alpine.join('\n') })), []);
  // The same on a Debian-based image: dash has no source.
  const debian = alpine.map((l) => l.replace('python:3.13-alpine3.23', 'python:3.13-slim'));
  assert.deepEqual(await findings(project({ 'boot.sh': BOOT_SH, Dockerfile: debian.join('\n') })), ['boot.sh:2 VG203']);
  // Also run outside the image (a Makefile on the host, with dash as /bin/sh).
  const outside = { 'boot.sh': BOOT_SH, Dockerfile: alpine.join('\n'), Makefile: 'start:\n\t./boot.sh\n' };
  assert.deepEqual(await findings(project(outside)), ['boot.sh:2 VG203']);
  // No Dockerfile: the shebang decides.
  assert.deepEqual(await findings(project({ 'boot.sh': BOOT_SH })), ['boot.sh:2 VG203']);
});

test("a #!/bin/sh script an image starts with bash (ENTRYPOINT [\"/bin/bash\", \"./boot.sh\"]) has source: no VG203 (ItogoviyProject); started by sh, it stays", async () => {
  const image = ['FROM python:3.10-slim', 'WORKDIR /home/app', 'RUN python -m venv venv', 'COPY boot.sh ./', 'RUN chmod +x boot.sh', 'ENTRYPOINT ["/bin/bash", "./boot.sh"]', ''];
  assert.deepEqual(await findings(project({ 'boot.sh': BOOT_SH, Dockerfile: image.join('\n') })), []);
  const bySh = image.map((l) => l.replace('"/bin/bash"', '"/bin/sh"'));
  assert.deepEqual(await findings(project({ 'boot.sh': BOOT_SH, Dockerfile: bySh.join('\n') })), ['boot.sh:2 VG203']);
  // bash running another script does not make this one bash's.
  const other = image.map((l) => l.replace('"./boot.sh"', '"./start.sh"'));
  assert.deepEqual(await findings(project({ 'boot.sh': BOOT_SH, 'start.sh': '#!/bin/bash\nexec ./boot.sh\n', Dockerfile: other.join('\n') })), ['boot.sh:2 VG203']);
});

test('what a later stage copies from a build stage carries the build context files it holds (COPY --from=build /app /app)', async () => {
  // webodm's Dockerfile (reduced): the build stage copies the project in, the app stage copies the
  // build stage's folder, venv included.
  const df = ['FROM python:3.12-slim AS build', 'WORKDIR /app', 'RUN python -m venv /app/venv', 'COPY . ./', 'FROM python:3.12-slim AS app', 'ENV PATH=/srv/venv/bin:$PATH', 'COPY --from=build /app /srv', 'CMD ["/srv/start.py"]', ''];
  // The names are the image venv's: not even held back (VG106).
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: df.join('\n') }), ['VG106']), []);
  // Copied from another folder of the build stage: the project is not there. (The start command
  // still runs a start.py by its shebang, from PATH: held back, as any such starter is.)
  const other = df.map((l) => (l === 'COPY --from=build /app /srv' ? 'COPY --from=build /app/venv /srv/venv' : l));
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: other.join('\n') }), ['VG106']), ['start.py:4 VG106', 'start.py:5 VG106']);
});

test('a Compose override that builds a service takes its entrypoint from the main Compose file (-f docker-compose.yml -f docker-compose.build.yml)', async () => {
  const df = [...VENV_IMAGE, 'WORKDIR /app', 'COPY . .', ''].join('\n');
  const main = ['services:', '  web:', '    image: example/web', '    entrypoint: /bin/bash -c "/app/wait.sh db && python /app/start.py"', ''].join('\n');
  const build = ['services:', '  web:', '    build: .', ''].join('\n');
  assert.deepEqual(await findings(project({ 'start.py': START_PY, 'wait.sh': '#!/bin/sh\n', Dockerfile: df, 'docker-compose.yml': main, 'docker-compose.build.yml': build })), []);
  // The override alone (no main file beside it) starts nothing the pre-pass can see.
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: df, 'docker-compose.build.yml': build })), START_FINDINGS);
  // Another service of the main file is not this one.
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: df, 'docker-compose.yml': main.replace('  web:', '  other:'), 'docker-compose.build.yml': build })), START_FINDINGS);
});

test("an image's HEALTHCHECK runs its command in the container, as CMD does", async () => {
  const df = [...VENV_IMAGE, 'COPY start.py /', 'HEALTHCHECK --interval=5s CMD /start.py || exit 1', ''];
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: df.join('\n') })), []);
  assert.deepEqual(await findings(project({ 'start.py': START_PY, Dockerfile: df.map((l) => (l.startsWith('HEALTHCHECK') ? 'HEALTHCHECK NONE' : l)).join('\n') })), START_FINDINGS);
});
