/**
 * The fuzzer's material (test/fuzz.test.ts): real-world-shaped seed files per format (beside the
 * bundled examples), tokens that matter to each format's reader, and generators of deeply nested
 * variants of each format's constructs. Written here for this project.
 */
import type { Language } from '../src/kernel/launch-site.js';

type Nester = (depth: number, rand: () => number) => string;

const rep = (s: string, n: number) => s.repeat(Math.max(0, n));
/** `sh -c '…'` around a command, `depth` times, until it grows past 20 KB (quoting doubles it). */
function nestedSh(cmd: string, depth: number): string {
  for (let i = 0; i < depth && cmd.length < 20_000; i++) cmd = `${i % 2 ? 'bash' : 'sh'} -c '${cmd.replace(/'/g, `'\\''`)}'`;
  return cmd;
}

export const SEEDS: Record<Language, string[]> = {
  python: [
    `"""Build helpers."""
from __future__ import annotations
import os, shlex, subprocess, sys
from subprocess import run as sh

PIP = ["pip", "install", "-q"]

class Builder:
    python = "python3"

    def wheel(self, path: str) -> None:
        subprocess.check_call([self.python, "-m", "build", path], cwd=path)
        sh(PIP + ["-r", "requirements.txt"], check=True)
        os.system(f"cd {shlex.quote(path)} && python setup.py sdist")
        env = {"VIRTUAL_ENV": "/srv/venv"}
        subprocess.Popen("pytest -q", shell=True, env=env)

def main(argv=sys.argv[1:]):
    cmd = "celery -A app worker" if argv else [sys.executable, "-m", "pip", "list"]
    match argv:
        case ["lint", *rest]:
            subprocess.run(["ruff", "check", *rest])
        case _:
            subprocess.run(cmd, shell=isinstance(cmd, str))

if __name__ == "__main__":
    main()
`,
    `import asyncio, os, pty

async def worker():
    proc = await asyncio.create_subprocess_exec("python3", "-u", "worker.py")
    await proc.wait()
    os.execlp("gunicorn", "gunicorn", "app:app")
    pty.spawn(["/usr/bin/python3", "-i"])
    os.spawnlp(os.P_WAIT, "pip3", "pip3", "freeze")
    print "py2 %s" % os.popen("python -V").read()
`,
  ],
  dockerfile: [
    `# syntax=docker/dockerfile:1
FROM python:3.12-slim AS build
WORKDIR /app
RUN python -m venv /opt/venv
COPY requirements.txt .
RUN . /opt/venv/bin/activate && pip install -r requirements.txt
RUN pip install gunicorn
FROM python:3.12-slim
COPY --from=build /opt/venv /opt/venv
ENV VIRTUAL_ENV=/opt/venv
RUN ["sh", "-c", "source /opt/venv/bin/activate; pip check"]
RUN <<EOF
set -e
python -m pip install --upgrade pip
EOF
HEALTHCHECK CMD python -c "import urllib.request" || exit 1
CMD ["gunicorn", "app:app"]
`,
  ],
  'github-actions': [
    `name: test
on: [push, pull_request]
defaults:
  run:
    shell: bash
jobs:
  test:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [ubuntu-latest, windows-latest]
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: { python-version: "3.12" }
      - run: |
          python -m venv .venv
          source .venv/bin/activate
          echo "$PWD/.venv/bin" >> "$GITHUB_PATH"
      - name: install
        run: pip install -e .[test]
        working-directory: ./src
      - run: >-
          pytest -q
          --cov
        env:
          VIRTUAL_ENV: .venv
`,
    `name: composite
description: x
runs:
  using: composite
  steps:
    - run: python3 -m venv "\${{ github.action_path }}/venv" && . venv/bin/activate
      shell: sh
    - run: pip install tox
      shell: bash
`,
  ],
  'gitlab-ci': [
    `default:
  image: python:3.12
  before_script:
    - python -m venv .venv
    - source .venv/bin/activate
variables:
  PIP_CACHE_DIR: "$CI_PROJECT_DIR/.cache/pip"
.tests: &tests
  script:
    - pip install -r requirements.txt
    - pytest
test:
  <<: *tests
  after_script:
    - coverage report
lint:
  extends: .tests
  script:
    - !reference [.tests, script]
    - flake8 src/
deploy:
  stage: deploy
  script: |
    . .venv/bin/activate
    python manage.py migrate
`,
  ],
  makefile: [
    `VENV ?= .venv
PY := $(VENV)/bin/python
export VIRTUAL_ENV := $(abspath $(VENV))
.PHONY: install test lint

$(VENV)/bin/activate: requirements.txt
\tpython3 -m venv $(VENV)
\t$(VENV)/bin/pip install -r $<

install: $(VENV)/bin/activate

test: install
\t. $(VENV)/bin/activate; pytest -q
\tsource $(VENV)/bin/activate && coverage run -m pytest

lint: | install
\t@pip install ruff && \\
\t  ruff check .

.ONESHELL:
docs:
\tcd docs
\tsphinx-build . _build
define RUN_PY
python -c 'print(1)'
endef
`,
  ],
  shell: [
    `#!/bin/sh
set -eu
cd /srv/app
if [ ! -d .venv ]; then
  python3 -m venv .venv
fi
source .venv/bin/activate
for req in requirements*.txt; do
  pip install -r "$req"
done
case "$1" in
  test) exec pytest "$@" ;;
  *) nohup gunicorn app:app >/dev/null 2>&1 & ;;
esac
cat > run.sh <<EOF
python -m app
EOF
deactivate
python3 - <<'PY'
print("x")
PY
`,
  ],
  systemd: [
    `[Unit]
Description=Worker
After=network.target

[Service]
Type=simple
User=app
WorkingDirectory=/srv/app
Environment=VIRTUAL_ENV=/srv/app/.venv "PATH=/usr/bin"
ExecStartPre=/bin/sh -c 'source /srv/app/.venv/bin/activate && pip install -r requirements.txt'
ExecStart=/srv/app/.venv/bin/celery -A app worker \\
    --loglevel=info
ExecReload=-python manage.py reload
Restart=on-failure

[Install]
WantedBy=multi-user.target
`,
  ],
  supervisor: [
    `[supervisord]
nodaemon=true

[program:web]
command=/srv/app/.venv/bin/gunicorn app:app -b 0.0.0.0:8000
directory=/srv/app
environment=VIRTUAL_ENV="/srv/app/.venv",PYTHONUNBUFFERED="1"
autorestart=true

[program:worker]
command=bash -c "source .venv/bin/activate && celery -A app worker"
directory=/srv/app
numprocs=%(ENV_WORKERS)s

[program:beat]
command=celery -A app beat
environment=VIRTUAL_ENV="/srv/app/.venv"
`,
  ],
  procfile: [
    `web: gunicorn app.wsgi --log-file -
worker: .venv/bin/python -m celery -A app worker
release: python manage.py migrate && python manage.py collectstatic --noinput
clock: sh -c 'source .venv/bin/activate; python clock.py'
`,
  ],
  crontab: [
    `SHELL=/bin/bash
MAILTO=""
# m h dom mon dow command
@reboot cd /srv/app && . .venv/bin/activate && python manage.py warm
*/5 * * * * python3 /srv/app/poll.py --since "$(date +\\%s)" >> /var/log/poll.log 2>&1
0 3 * * 1-5 pip install -U -r /srv/app/requirements.txt%input line%second
`,
  ],
  'pre-commit': [
    `repos:
  - repo: local
    hooks:
      - id: mypy
        name: mypy
        entry: .venv/bin/mypy
        language: system
        types: [python]
      - id: tests
        name: tests
        entry: bash -c '. .venv/bin/activate && pytest -q'
        language: system
        pass_filenames: false
      - id: lint
        entry: "flake8 --max-line-length=100"
        language: system
        args: [--count]
`,
    // A hook that runs the interpreter by name beside one that names the venv (a finding even
    // without console-script knowledge: the fuzz test's settings have none).
    `repos:
  - repo: local
    hooks:
      - id: mypy
        name: mypy
        entry: .venv/bin/mypy
        language: system
      - id: tests
        name: tests
        entry: python -m pytest -x
        language: system
        pass_filenames: false
`,
  ],
  jenkins: [
    `pipeline {
  agent any
  environment {
    VENV = "\${WORKSPACE}/venv"
  }
  stages {
    stage('Build') {
      steps {
        sh 'python3 -m venv venv'
        sh """
          . venv/bin/activate
          pip install -r requirements.txt
        """
      }
    }
    stage('Test') {
      steps {
        withEnv(["PATH+VENV=\${WORKSPACE}/venv/bin"]) {
          sh 'pytest --junitxml=report.xml'
        }
        sh(script: 'python -m coverage xml', returnStatus: true)
      }
    }
  }
}
`,
  ],
  'azure-pipelines': [
    `pool:
  vmImage: ubuntu-latest
variables:
  venv: .venv
steps:
- task: UsePythonVersion@0
  inputs:
    versionSpec: '3.11'
- script: |
    python -m venv $(venv)
    echo "##vso[task.prependpath]$(Build.SourcesDirectory)/$(venv)/bin"
  displayName: venv
- script: pip install -r requirements.txt
- bash: pytest tests
  workingDirectory: $(System.DefaultWorkingDirectory)
`,
  ],
  circleci: [
    `version: 2.1
jobs:
  test:
    docker:
      - image: cimg/python:3.12
    steps:
      - checkout
      - run:
          name: deps
          command: |
            python -m venv venv
            echo 'source venv/bin/activate' >> $BASH_ENV
      - run: pip install -r requirements.txt
      - run: { command: pytest, shell: /bin/bash -eo pipefail }
`,
  ],
  'bitbucket-pipelines': [
    `image: python:3.11
definitions:
  steps:
    - step: &test
        name: test
        script:
          - python -m venv venv
          - source venv/bin/activate
          - pip install -r requirements.txt
          - pytest
pipelines:
  default:
    - step: *test
  branches:
    main:
      - parallel:
          - step: { script: [python -m venv v, pip install x] }
`,
  ],
  compose: [
    `services:
  web:
    build: .
    command: python manage.py runserver 0.0.0.0:8000
  worker:
    build:
      context: .
      dockerfile: Dockerfile
    entrypoint: ["celery", "-A", "app", "worker"]
`,
  ],
  notebook: [
    `{
 "cells": [
  {
   "cell_type": "markdown",
   "metadata": {},
   "source": ["# Setup\\n", "Run \`!pip install\` first."]
  },
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {},
   "outputs": [{"name": "stdout", "output_type": "stream", "text": ["Successfully installed pandas\\n"]}],
   "source": [
    "!pip install -q pandas \\"numpy>=1.26\\"\\n",
    "import os, subprocess, sys\\n",
    "files = !ls data\\n",
    "if files:\\n",
    "    !python prepare.py {files[0]}\\n",
    "subprocess.run([\\"pytest\\", \\"-q\\"])"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "metadata": {},
   "outputs": [],
   "source": "%%bash\\nsource .venv/bin/activate\\npip list | grep caf\\u00e9\\n"
  }
 ],
 "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
 "nbformat": 4,
 "nbformat_minor": 5
}
`,
  ],
};

/** Tokens that change how each format's reader or the shell model reads what follows. */
export const TOKENS: Record<Language | 'any', string[]> = {
  any: ['"', "'", '`', '\\', '\\\n', '\n', '\r', '\t', '\0', ' ', '#', '$', '${', '$(', ')', '(', '{', '}', '[', ']', ';', '&&', '||', '|', '<<EOF\n', '\nEOF\n', '\ufffd', '\u00e9', '\ud83d\ude00', '\u2028', 'python', 'pip install x', 'source .venv/bin/activate', '. venv/bin/activate', 'python -m venv .venv', 'VIRTUAL_ENV=/v', 'deactivate', 'sh -c "', 'bash -lc \'', 'sudo ', 'env -i ', '=', ':'],
  python: ['os.system(', 'subprocess.run([', 'shell=True', 'f"{', "'''", '"""', 'lambda: ', 'if x:\n    ', 'def f():\n', 'class A:\n', '+ ["-m", "pip"]', '.format(', '% (', 'sys.executable', 'import os\n', 'from subprocess import *\n', '# venvguard: ignore\n', '# noqa\n', ' \\\n', 'match x:\n    case 1:\n        '],
  dockerfile: ['RUN ', 'ENV ', 'ARG ', 'FROM x AS y\n', 'COPY --from=y /v /v\n', 'SHELL ["/bin/bash", "-c"]\n', 'CMD ["python", "a.py"]\n', 'ENTRYPOINT ', 'WORKDIR /app\n', ' \\\n', '# escape=`\n', 'RUN <<EOT\n', '\nEOT\n', 'ONBUILD ', 'HEALTHCHECK CMD '],
  'github-actions': ['- run: ', 'run: |\n  ', 'shell: ', 'env:\n  ', 'steps:\n', 'jobs:\n', '${{ ', ' }}', '&a ', '*a', '!!str ', '? ', '- ', ': ', '---\n', '...\n', '|-\n', '>\n', 'working-directory: ', '"$GITHUB_PATH"', '>> $GITHUB_ENV'],
  'gitlab-ci': ['script:\n  - ', 'before_script:', 'after_script:', 'extends: ', 'variables:\n  ', '!reference [', '<<: *', '&x ', '*x', 'default:\n', 'include: ', '- |\n  ', ': ', '---\n'],
  makefile: ['\t', '$(', '$$', '$(VENV)', 'export ', '.ONESHELL:\n', 'SHELL := /bin/bash\n', 'define X\n', 'endef\n', 'ifeq (a,b)\n', 'endif\n', 'include x.mk\n', '%: ', '::', '?=', ':=', '+=', '$(shell ', '$(call ', '@', '-', '\\\n'],
  shell: ['#!/bin/sh\n', '#!/bin/bash\n', 'if ', 'then ', 'fi', 'for i in ', 'do ', 'done', 'case $1 in ', 'esac', 'function f { ', '$((', '))', '[[ ', ' ]]', '<<-EOF\n', "<<'EOF'\n", 'exec ', 'export PATH=', 'cd ', '$\'', 'alias p=python\n'],
  systemd: ['[Service]\n', 'ExecStart=', 'ExecStartPre=-', 'Environment=', 'EnvironmentFile=', 'WorkingDirectory=', '@', '!', '+', ' \\\n', '%h', '${', '"'],
  supervisor: ['[program:x]\n', 'command=', 'environment=', 'directory=', '%(ENV_X)s', '%(program_name)s', '[group:g]\n', '; ', '\n  ', ','],
  procfile: ['web: ', 'worker: ', 'release: ', '$PORT', ': ', '# ', '\n'],
  crontab: ['* * * * * ', '@reboot ', '@daily ', 'SHELL=', 'PATH=', 'MAILTO=', '%', '\\%', '0 0 * * * root ', '*/5 '],
  'pre-commit': ['repos:\n', '- repo: local\n', 'hooks:\n', 'entry: ', 'language: system\n', 'language: script\n', 'args: [', 'pass_filenames: false\n', '&h ', '*h'],
  jenkins: ["sh '", 'sh """', "sh '''", 'sh(script: ', 'withEnv(["PATH+X=', '"]) {', 'environment {', 'stage(', 'steps {', '}', '${', '\\$', '//', '/*', '*/', "'''", 'dir("sub") {'],
  'azure-pipelines': ['- script: ', '- bash: ', 'steps:\n', 'jobs:\n', '- job: ', 'stages:\n', 'variables:\n  ', '$(', '##vso[task.prependpath]', '- task: UsePythonVersion@0\n', 'env:\n  ', 'workingDirectory: '],
  circleci: ['jobs:\n', 'steps:\n', '- run: ', 'command: |\n  ', 'environment:\n  ', '>> $BASH_ENV', 'shell: ', 'working_directory: ', '<<: *', '&d '],
  'bitbucket-pipelines': ['pipelines:\n', 'default:\n', '- step:\n', 'script:\n  - ', 'after-script:\n', '- parallel:\n', '&s ', '*s', 'image: '],
  compose: ['services:\n', 'build: .\n', 'command: ', 'entrypoint: ', '["python", ', 'working_dir: ', 'environment:\n  ', 'image: '],
  notebook: ['"source": [', '"cell_type": "code"', '\\n', '\\"', '\\u00e9', '!pip install x', '!!', '%%bash\\n', '%pip ', '{sys.executable}', '"nbformat": 3', ', ', '[', ']', '{', '}'],
};

const launch = 'python app.py';
const pyLaunch = 'os.system("python app.py")';

/** Generators of deeply nested variants, `depth` levels deep. */
export const NESTERS: Record<Language, Nester[]> = {
  python: [
    (d) => `import os\nx = ${rep('(', d)}${pyLaunch}${rep(')', d)}\n`,
    (d) => `import os\nx = ${rep('[', d)}"python"${rep(']', d)}\nos.system(x)\n`,
    (d) => `import subprocess\nsubprocess.run(${rep('[', d)}"pip"${rep(']', d)})\n`,
    (d) => `import os\n${Array.from({ length: d }, (_, i) => `${' '.repeat(i)}if a${i}:`).join('\n')}\n${' '.repeat(d)}${pyLaunch}\n`,
    (d) => `import os\n${Array.from({ length: d }, (_, i) => `${' '.repeat(4 * i)}def f${i}():`).join('\n')}\n${' '.repeat(4 * d)}${pyLaunch}\n`,
    (d) => `import os\ncmd = "python"${rep(' + "x"', d)}\nos.system(cmd)\n`,
    (d) => `import os\nos.system(${rep('f"{', Math.min(d, 150))}'python'${rep('}"', Math.min(d, 150))})\n`,
    (d) => `import os\nf = ${rep('lambda: ', d)}${pyLaunch}\n`,
    (d) => `import os\n${Array.from({ length: d }, (_, i) => `c${i + 1} = c${i} + " -u"`).join('\n').replace('c0', '"python"')}\nos.system(c${d})\n`,
    (d) => `import subprocess\n${rep('"""', d % 7)}\nsubprocess.run("pip install " ${rep('"x" ', d)})\n`,
  ],
  dockerfile: [
    (d) => `FROM python:3.12\nRUN python -m venv /v\nRUN ${Array.from({ length: d }, (_, i) => `echo ${i}`).join(' && \\\n  ')} && pip install x\n`,
    (d) => `FROM python:3.12\nRUN python -m venv /v\nRUN ${nestedSh('. /v/bin/activate && pip install x', d)}\n`,
    (d) => `FROM python:3.12 AS s0\nRUN python -m venv /v\n${Array.from({ length: d }, (_, i) => `FROM s${i} AS s${i + 1}\nCOPY --from=s${i} /v /v`).join('\n')}\nRUN pip install x\n`,
    (d) => `FROM python:3.12\nRUN python -m venv /v\nRUN ${rep('$(', d)}pip install x${rep(')', d)}\n`,
    (d) => `FROM python:3.12\n${Array.from({ length: d }, (_, i) => `ENV V${i}=$V${i - 1}/x`).join('\n')}\nENV VIRTUAL_ENV=$V${d - 1}\nRUN pip install x\n`,
  ],
  'github-actions': [
    (d) => `on: push\njobs:\n  t:\n    runs-on: ${rep('[', d)}ubuntu-latest${rep(']', d)}\n    steps:\n      - run: python -m venv v && pip install x\n`,
    // Up to 1,000 steps: a job's fix loop re-checks the whole file per pass (test/fuzz-regressions.test.ts
    // checks that the check itself stays linear in the number of steps).
    (d) => `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n${Array.from({ length: Math.min(d, 500) }, () => '      - run: python -m venv v\n      - run: . v/bin/activate\n').join('')}      - run: pip install x\n`,
    (d) => `a: &a0 [x]\n${Array.from({ length: Math.min(d, 30) }, (_, i) => `a${i + 1}: &a${i + 1} [${rep(`*a${i},`, 9)}*a${i}]`).join('\n')}\njobs:\n  t:\n    runs-on: *a${Math.min(d, 30)}\n    steps:\n      - run: python -m venv v && pip install x\n`,
    (d) => `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${nestedSh('. v/bin/activate; pip install x', d).replace(/\n/g, ' ')}\n`,
    (d) => `jobs:\n${Array.from({ length: d }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')}\n${'  '.repeat(d + 1)}steps: [{run: python -m venv v}]\n`,
    (d) => `on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n${Array.from({ length: d }, (_, i) => `          ${'  '.repeat(i % 40)}if true; then`).join('\n')}\n          python -m venv v; pip install x\n${rep('          fi\n', d)}`,
  ],
  'gitlab-ci': [
    (d) => `.j0:\n  script: [python -m venv v]\n${Array.from({ length: d }, (_, i) => `.j${i + 1}:\n  extends: .j${i}`).join('\n')}\nt:\n  extends: .j${d}\n  script:\n    - pip install x\n`,
    () => `a:\n  extends: b\nb:\n  extends: a\n  script: [python -m venv v, pip install x]\n`,
    // Found by this fuzzer (seed 20261203, input 263): a job's script of aliases of aliases expands
    // exponentially (4^8 lines took 6 s, 4^30 hung); now a budget on script lines per job.
    (d) => `.s0: &s0 [python -m venv v]\n${Array.from({ length: Math.min(d, 30) }, (_, i) => `.s${i + 1}: &s${i + 1} [*s${i}, *s${i}, *s${i}, *s${i}]`).join('\n')}\nt:\n  script: *s${Math.min(d, 30)}\n`,
    (d) => `.r0:\n  script: [python -m venv v]\n${Array.from({ length: d }, (_, i) => `.r${i + 1}:\n  script: [!reference [.r${i}, script]]`).join('\n')}\nt:\n  script:\n    - !reference [.r${d}, script]\n    - pip install x\n`,
    (d) => `t:\n  script:\n    - ${rep('$(', d)}pip install x${rep(')', d)}\n  before_script: [python -m venv v]\n`,
  ],
  makefile: [
    (d) => `${Array.from({ length: d }, (_, i) => `V${i} = $(V${i + 1})`).join('\n')}\nV${d} = .venv\nt:\n\tpython -m venv $(V0) && pip install x\n`,
    () => `A = $(B)\nB = $(A)\nt:\n\tpython -m venv $(A); pip install x\n`,
    (d) => `VENV = .venv\nt:\n\tpython -m venv $(VENV)\n\t${rep('$(if x,', d)}pip install x${rep(')', d)}\n`,
    (d) => `VENV = .venv\n${Array.from({ length: d }, (_, i) => `t${i}: t${i + 1}\n\t@echo ${i}`).join('\n')}\nt${d}:\n\tpython -m venv $(VENV)\nt:\n\t$(VENV)/bin/python x; pip install x\n`,
    (d) => `t:\n\tpython -m venv v\n\t${nestedSh('. v/bin/activate; pip install x', d)}\n`,
    (d) => `VENV = .venv\n${rep('ifeq (a,a)\n', d)}t:\n\tpython -m venv $(VENV); pip install x\n${rep('endif\n', d)}`,
  ],
  shell: [
    (d) => `python -m venv v\necho ${rep('"$(', d)}pip install x${rep(')"', d)}\n`,
    (d) => `python -m venv v\n${rep('(', d)}pip install x${rep(')', d)}\n`,
    (d) => `python -m venv v\n${rep('{ ', d)}pip install x; ${rep('}; ', d)}\n`,
    (d) => `python -m venv v\n${rep('if true; then\n', d)}pip install x\n${rep('fi\n', d)}`,
    (d) => `python -m venv v\necho ${rep('"${a:-', d)}x${rep('}"', d)}; pip install x\n`,
    (d) => `python -m venv v\n${nestedSh('. v/bin/activate; pip install x', d)}\n`,
    (d) => `python -m venv v\n${Array.from({ length: Math.min(d, 60) }, (_, i) => `cat <<E${i}\nx\nE${i}`).join('\n')}\npip install x\n`,
    (d) => `python -m venv v\nf() {\n${rep('  for i in 1; do\n', d)}pip install x\n${rep('  done\n', d)}}\n`,
    (d) => `python -m venv v\n${rep('case x in x) ', d)}pip install x${rep(' ;; esac', d)}\n`,
  ],
  systemd: [
    (d) => `[Service]\nEnvironment=VIRTUAL_ENV=/v\nExecStart=${rep('/usr/bin/env ', d)}python app.py\n`,
    (d) => `[Service]\nExecStart=/bin/sh -c ${JSON.stringify(nestedSh(launch, d))}\n`,
    (d) => `[Service]\nExecStart=python \\\n${rep('  -u \\\n', d)}  app.py\n`,
    (d) => `[Service]\n${Array.from({ length: d }, (_, i) => `Environment=V${i}=\${V${i - 1}}`).join('\n')}\nExecStart=python app.py\n`,
  ],
  supervisor: [
    (d) => `[program:x]\ncommand=${rep('nice ', d)}python app.py\nenvironment=VIRTUAL_ENV="/v"\n`,
    (d) => `[program:x]\ncommand=bash -c ${JSON.stringify(nestedSh('. /v/bin/activate && pip install x', d))}\n`,
    (d) => Array.from({ length: d }, (_, i) => `[program:p${i}]\ncommand=python p${i}.py\ndirectory=/srv/%(program_name)s\n`).join('\n'),
    (d) => `[program:x]\ncommand=python ${rep('%(ENV_A)s', d)}\n`,
  ],
  procfile: [
    (d) => `web: ${nestedSh('. .venv/bin/activate && python app.py', d)}\n`,
    (d) => Array.from({ length: d }, (_, i) => `p${i}: ${i % 2 ? '.venv/bin/python' : 'python'} x${i}.py`).join('\n'),
    (d) => `web: ${rep('$(', d)}python app.py${rep(')', d)}\n`,
  ],
  crontab: [
    (d) => `* * * * * ${nestedSh('cd /srv && . .venv/bin/activate && python app.py', d)}\n`,
    (d) => `${Array.from({ length: d }, (_, i) => `V${i}=x${i}`).join('\n')}\n* * * * * python app.py\n`,
    (d) => `* * * * * cd /srv && . v/bin/activate && python app.py ${rep('%x', d)}\n`,
    (d) => `* * * * * ${rep('$(', d)}python app.py${rep(')', d)}\n`,
  ],
  'pre-commit': [
    (d) => `repos:\n  - repo: local\n    hooks:\n${Array.from({ length: Math.min(d, 500) }, (_, i) => `      - id: h${i}\n        entry: ${i ? 'pytest' : '.venv/bin/mypy'}\n        language: system\n`).join('')}`,
    (d) => `repos:\n  - repo: local\n    hooks:\n      - id: x\n        entry: ${nestedSh('. v/bin/activate; pip install x', d).replace(/\n/g, ' ')}\n        language: system\n`,
  ],
  jenkins: [
    (d) => `pipeline {\n${rep('stage("x") {\n', d)}sh 'python -m venv v; pip install x'\n${rep('}\n', d)}}\n`,
    (d) => `node {\n  sh 'python -m venv v'\n  sh "${rep('${', d)}x${rep('}', d)} pip install x"\n}\n`,
    (d) => `node {\n${Array.from({ length: Math.min(d, 500) }, () => "  sh 'python -m venv v'\n  sh '. v/bin/activate'\n").join('')}  sh 'pip install x'\n}\n`,
  ],
  'azure-pipelines': [
    (d) => `steps:\n${Array.from({ length: Math.min(d, 500) }, () => '- script: python -m venv v\n- script: . v/bin/activate\n').join('')}- script: pip install x\n`,
    (d) => `steps:\n- script: python -m venv v && ${rep('$(', d)}pip install x${rep(')', d)}\n`,
  ],
  circleci: [
    (d) => `jobs:\n  t:\n    steps:\n${Array.from({ length: Math.min(d, 500) }, () => '      - run: python -m venv v\n      - run: . v/bin/activate\n').join('')}      - run: pip install x\n`,
    (d) => `a: &a0 [x]\n${Array.from({ length: Math.min(d, 30) }, (_, i) => `a${i + 1}: &a${i + 1} [${rep(`*a${i},`, 9)}*a${i}]`).join('\n')}\njobs:\n  t:\n    steps: *a${Math.min(d, 30)}\n`,
  ],
  'bitbucket-pipelines': [
    (d) => `.s0: &s0 [python -m venv v]\n${Array.from({ length: Math.min(d, 30) }, (_, i) => `.s${i + 1}: &s${i + 1} [*s${i}, *s${i}, *s${i}, *s${i}]`).join('\n')}\npipelines:\n  default:\n    - step:\n        script: *s${Math.min(d, 30)}\n`,
    (d) => `pipelines:\n  default:\n${rep('    - parallel:\n', d)}    - step: { script: [python -m venv v, pip install x] }\n`,
  ],
  compose: [
    (d) => `services:\n  web:\n    build: .\n    command: ${rep('[', d)}python${rep(']', d)}\n`,
  ],
  notebook: [
    (d) => `{"cells": [{"cell_type": "code", "source": ${JSON.stringify(`import os\n${rep('(', d)}os.system("python a.py")${rep(')', d)}\n!pip install x\n`)}}], "nbformat": 4, "nbformat_minor": 5}`,
    (d) => `{"cells": [{"cell_type": "code", "source": ${JSON.stringify(`!${nestedSh('. v/bin/activate && pip install x', d)}`)}}], "nbformat": 4, "nbformat_minor": 5}`,
    // Up to 500 cells with a finding each, as the Actions steps above: the fix loop re-checks the
    // whole notebook per pass (2,000 such cells: 1.2 s of CPU per check here, idle).
    (d) => `{"cells": [${Array.from({ length: Math.min(d, 500) }, () => '{"cell_type": "code", "source": ["!pip install x"]}').join(', ')}], "nbformat": 4, "nbformat_minor": 5}`,
    (d) => `{"cells": [{"cell_type": "code", "source": ["!pip install x"], "metadata": ${rep('[', Math.min(d, 400))}${rep(']', Math.min(d, 400))}}], "nbformat": 4}`,
  ],
};
