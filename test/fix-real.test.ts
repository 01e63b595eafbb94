/**
 * Every fix kind, applied to files shaped like real ones (written here), and checked for real:
 * every rule × every format that offers a fix, safe and unsafe. For each case the fixed file
 *   - draws no finding of the fixed rule any more,
 *   - still parses: `sh -n` / `bash -n` for scripts, `make -n` for Makefiles, a YAML parse for
 *     workflows and GitLab files, Python's own compile() with a real interpreter, and the format's
 *     front end re-reads every file without a problem,
 *   - differs from the original only on the lines the fixes touch (and the imports they add),
 *   - is a fixed point (fixing it again changes nothing),
 * and where it can run here, the fixed command runs with a real venv on a path holding spaces,
 * quotes, `$` and a backslash, and is shown to start that venv's interpreter (it prints
 * sys.prefix). Two venvs for the whole file (see Project).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parseDocument } from 'yaml';
import { checkText, fixText } from '../src/api.js';
import type { Diagnostic } from '../src/kernel/diagnostic.js';
import { SourceFile } from '../src/kernel/source.js';
import { frontEndFor } from '../src/frontends/index.js';
import { python3, tempDir } from './helpers.js';

const PY = python3();
let root = '';
/**
 * A project folder and its venv (`.venv`). ODD's name holds a space, both quotes, `$` and a
 * backslash; its venv has pip. SPACED's holds spaces only: a venv's own activate script writes
 * its path inside double quotes unescaped (measured with CPython 3.11 and 3.13), so activation
 * cannot work under ODD, and the cases that activate run under SPACED.
 */
interface Project {
  dir: string;
  venv: string;
}
const ODD: Project = { dir: '', venv: '' };
const SPACED: Project = { dir: '', venv: '' };
/** A PATH with no venv on it (cron's, after a folder whose `python3` is PY): whatever `python` it finds is not ours. */
let PLAIN_PATH = '/usr/bin:/bin';

/**
 * A module only the venv has: `python -m vg_where` prints sys.prefix from the venv's interpreter
 * and fails ("No module named vg_where") from any other. (`python -c "…print(sys.prefix)"` would
 * be an interpreter probe, which venvguard leaves alone on purpose.)
 */
function makeProject(p: Project, name: string, withPip: boolean): void {
  p.dir = path.join(root, name);
  fs.mkdirSync(p.dir);
  p.venv = path.join(p.dir, '.venv');
  if (!PY) return;
  assert.equal(spawnSync(PY, ['-m', 'venv', ...(withPip ? [] : ['--without-pip']), p.venv]).status, 0, 'python3 -m venv');
  const purelib = spawnSync(path.join(p.venv, 'bin', 'python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).stdout.trim();
  fs.writeFileSync(path.join(purelib, 'vg_where.py'), 'import sys\nprint(sys.prefix)\n');
  // A console script of no known module, installed in the venv: run, it prints the venv's prefix.
  const tool = path.join(p.venv, 'bin', 'ansible-playbook');
  fs.writeFileSync(tool, '#!/bin/sh\nexec "$(dirname "$0")/python" -m vg_where\n');
  fs.chmodSync(tool, 0o755);
}

before(() => {
  root = tempDir('venvguard-fix-real-');
  makeProject(ODD, `my "odd" venv's $dir\\`, true);
  makeProject(SPACED, 'my venv dir', false);
  // `python3 -m venv` in the files re-makes the venv with the same interpreter (it keeps pip).
  const shims = path.join(root, 'bin');
  fs.mkdirSync(shims);
  if (PY) fs.symlinkSync(PY, path.join(shims, 'python3'));
  PLAIN_PATH = `${shims}:/usr/bin:/bin`;
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

const WHERE = '-m vg_where';

interface Case {
  name: string;
  path: string;
  code: string;
  /** The rules whose fixes the case applies (each must offer one, and leave no finding). */
  rules: string[];
  /** Apply unsafe fixes too. */
  unsafe?: boolean;
  /** Run the fixed file for real in the project's folder; returns what it printed. */
  run?: (file: string, p: Project) => { stdout: string; stderr: string; status: number | null };
  /** The file activates the venv: run under SPACED (see Project). */
  activates?: boolean;
  /** How many lines of the run's output must be the venv's prefix. */
  prefixes?: number;
}

const sh = (p: Project, script: string, extraEnv: Record<string, string> = {}) => spawnSync('sh', ['-c', script], { cwd: p.dir, encoding: 'utf8', env: { PATH: PLAIN_PATH, HOME: p.dir, ...extraEnv } });

/** Runs a workflow's steps as the runner does: one bash per step, $GITHUB_PATH lines put first for the later steps. */
function runWorkflow(file: string, p: Project) {
  const doc = parseDocument(fs.readFileSync(file, 'utf8')).toJS() as { jobs: Record<string, { steps: { run?: string }[] }> };
  const ghPath = path.join(root, 'github_path');
  fs.writeFileSync(ghPath, '');
  let stdout = '';
  let stderr = '';
  for (const job of Object.values(doc.jobs)) {
    for (const step of job.steps) {
      if (!step.run) continue;
      const added = fs.readFileSync(ghPath, 'utf8').split('\n').filter(Boolean).reverse();
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
        cwd: p.dir,
        encoding: 'utf8',
        env: { PATH: [...added, PLAIN_PATH].join(':'), GITHUB_PATH: ghPath, GITHUB_WORKSPACE: p.dir, HOME: p.dir },
      });
      stdout += r.stdout;
      stderr += r.stderr;
      if (r.status !== 0) return { stdout, stderr, status: r.status };
    }
  }
  return { stdout, stderr, status: 0 };
}

/** Runs a GitLab job's before_script and script in one shell, in the project folder. */
function runGitlab(file: string, p: Project) {
  const doc = parseDocument(fs.readFileSync(file, 'utf8')).toJS() as Record<string, { before_script?: string[]; script?: string[] }>;
  const job = Object.values(doc).find((j) => j && typeof j === 'object' && j.script)!;
  return sh(p, [...(job.before_script ?? []), ...(job.script ?? [])].join('\n'), { CI_PROJECT_DIR: p.dir });
}

/** The fixed Python file, run by the venv's own interpreter with no venv on PATH. */
const runPython = (file: string, p: Project) => spawnSync(path.join(p.venv, 'bin', 'python'), [file], { cwd: p.dir, encoding: 'utf8', env: { PATH: PLAIN_PATH } });

const CASES: Case[] = [
  // ---- Python (VG101, VG102, VG103, VG104), safe and unsafe, list and shell forms
  {
    name: 'python: a worker that starts python by name, as a list and through the shell (VG101, safe)',
    path: 'worker.py',
    code: [
      '"""Background jobs."""',
      'import os',
      'import subprocess',
      '',
      'MODULE = "vg_where"',
      '',
      '',
      'def run_all(name):',
      '    subprocess.run(["python", "-m", MODULE], check=True)',
      `    os.system('"python" ${WHERE}')`,
      `    subprocess.run(f'python ${WHERE} {name}', shell=True, check=True)`,
      `    os.system('cd /tmp && python ${WHERE} %s' % name)`,
      `    os.system("python ${WHERE} {}".format(name))`,
      `    print(os.popen("'p'ython ${WHERE}").read(), end="")`,
      '',
      '',
      'if __name__ == "__main__":',
      '    run_all("x")',
      '',
    ].join('\n'),
    rules: ['VG101'],
    run: runPython,
    prefixes: 6,
  },
  {
    // Code that also runs on Windows (it tells platforms apart): shell=True and os.popen run
    // cmd.exe there, which does not read POSIX quotes, so the path is quoted for each platform's
    // shell. Here the POSIX branch runs, on a path with spaces, quotes, `$` and a backslash.
    name: 'python: shell strings in code that also runs on Windows, quoted for sh and cmd.exe (VG101, safe)',
    path: 'portable.py',
    code: [
      'import os',
      'import subprocess',
      '',
      'EXT = ".exe" if os.name == "nt" else ""',
      '',
      '',
      'def run_all(name):',
      `    subprocess.run(f'python ${WHERE} {name}', shell=True, check=True)`,
      `    subprocess.run('cd /tmp && python ${WHERE} %s' % name, shell=True, check=True)`,
      `    subprocess.run("python ${WHERE} {}".format(name), shell=True, check=True)`,
      `    print(os.popen("'p'ython ${WHERE}").read(), end="")`,
      '',
      '',
      'if __name__ == "__main__":',
      '    run_all("x")',
      '',
    ].join('\n'),
    rules: ['VG101'],
    run: runPython,
    prefixes: 4,
  },
  {
    name: 'python: pip by name and python -m pip (VG102, safe and unsafe)',
    path: 'setup_helpers.py',
    code: [
      'import subprocess',
      '',
      '',
      'def show():',
      '    subprocess.run(["pip", "--version"], check=True)',
      '    subprocess.run(["python", "-m", "pip", "--version"], check=True)',
      '    subprocess.run("pip --version", shell=True, check=True)',
      '',
      '',
      'show()',
      '',
    ].join('\n'),
    rules: ['VG102'],
    unsafe: true,
    run: runPython,
    prefixes: 3,
  },
  {
    // os.exec*/os.spawn* take argv[0] apart from the program, and an interpreter finds its venv
    // from argv[0]: rewriting only the program (or passing a list as the program, which once
    // returned 127 without a word) is not a fix. Both become sys.executable.
    name: 'python: os.spawn*/os.exec*/os.posix_spawn* in their varargs and list forms (VG101 safe, VG102 unsafe)',
    path: 'spawner.py',
    code: [
      'import os',
      '',
      '',
      'def main():',
      '    os.spawnlp(os.P_WAIT, "python", "python", "-m", "vg_where")',
      "    os.spawnvp(os.P_WAIT, 'python', ['python', '-m', 'vg_where'])",
      '    os.spawnlpe(os.P_WAIT, "pip", "pip", "--version", dict(os.environ))',
      '    assert os.spawnlp(os.P_WAIT, "pip", "pip", "--version") == 0',
      '    pid = os.posix_spawnp("python", ("python", "-m", "vg_where"), dict(os.environ))',
      '    os.waitpid(pid, 0)',
      '    if os.fork() == 0:',
      '        os.execlp("pip", "pip", "--version")',
      '    os.wait()',
      '',
      '',
      'main()',
      '',
    ].join('\n'),
    rules: ['VG101', 'VG102'],
    unsafe: true,
    run: runPython,
    prefixes: 6,
  },
  {
    name: 'python: a versioned interpreter and a system path (VG101 and VG104, unsafe)',
    path: 'tools/run.py',
    code: ['import subprocess', '', `subprocess.run(["python3", "-m", "vg_where"], check=True)`, `subprocess.run(["/usr/bin/python3", "-m", "vg_where"], check=True)`, `subprocess.call("/usr/bin/python3 ${WHERE}", shell=True)`, ''].join('\n'),
    rules: ['VG101', 'VG104'],
    unsafe: true,
    run: runPython,
    prefixes: 3,
  },
  {
    name: 'python: a console script by name (VG103, unsafe)',
    path: 'tasks.py',
    code: ['import subprocess', '', '', 'def lint():', '    subprocess.run(["pytest", "-q"], check=False)', '    subprocess.run("black --check .", shell=True)', ''].join('\n'),
    rules: ['VG103'],
    unsafe: true,
  },
  {
    // No module known: the copy beside sys.executable when the running environment has one.
    name: 'python: a console script with no module known, as a list and through the shell (VG103, unsafe)',
    path: 'deploy.py',
    code: ['import subprocess', '', '', 'def deploy():', '    subprocess.run(["ansible-playbook", "site.yml"], check=True)', '    subprocess.run("ansible-playbook site.yml", shell=True, check=True)', '', '', 'deploy()', ''].join('\n'),
    rules: ['VG103'],
    unsafe: true,
    run: runPython,
    prefixes: 2,
  },
  // ---- Shell scripts (VG201, VG203, VG204)
  {
    name: 'shell script: a deploy script that makes a venv and then runs python by name, quoted, here and after cd (VG201, unsafe)',
    path: 'scripts/deploy.sh',
    code: ['#!/bin/sh', 'set -e', 'python3 -m venv --without-pip .venv', `"python" ${WHERE}`, '"pip" --version', 'mkdir -p scripts', 'cd scripts', `'python' ${WHERE}`, ''].join('\n'),
    rules: ['VG201'],
    unsafe: true,
    run: (file, p) => sh(p, `sh '${file}'`),
    prefixes: 3,
  },
  {
    name: 'shell script: source under /bin/sh, and activate run as a program (VG203 safe, VG204 unsafe)',
    path: 'bin/setup-env',
    code: ['#!/bin/sh', 'set -e', 'python3 -m venv --without-pip .venv', 'source .venv/bin/activate', `python ${WHERE}`, 'deactivate', 'bash .venv/bin/activate', `python ${WHERE}`, ''].join('\n'),
    rules: ['VG203', 'VG204'],
    unsafe: true,
    activates: true,
    run: (file, p) => sh(p, `sh '${file}'`),
    prefixes: 2,
  },
  // ---- Makefile (VG201 with a make variable, after cd; VG203)
  {
    name: 'Makefile: a venv target and recipes that run python by name (VG201 unsafe, VG203 safe)',
    path: 'Makefile',
    code: ['VENV := .venv', '', '.PHONY: all test', '', 'all: test', '', '$(VENV):', '\tpython3 -m venv --without-pip $(VENV)', '', 'test: | $(VENV)', `\t"python" ${WHERE}`, '\t"pip" --version', `\tmkdir -p docs && cd docs && python ${WHERE}`, ''].join('\n'),
    rules: ['VG201'],
    unsafe: true,
    run: (file, p) => spawnSync('make', ['-s', '-f', file], { cwd: p.dir, encoding: 'utf8', env: { PATH: PLAIN_PATH } }),
    prefixes: 3,
  },
  {
    name: 'Makefile: an exported VIRTUAL_ENV without its bin on PATH (VG205, unsafe)',
    path: 'Makefile',
    code: ['export VIRTUAL_ENV := .venv', '', '.PHONY: check', 'check:', '\tpython3 -m venv --without-pip $(VIRTUAL_ENV)', `\tpython ${WHERE}`, ''].join('\n'),
    rules: ['VG205'],
    unsafe: true,
    run: (file, p) => spawnSync('make', ['-s', '-f', file], { cwd: p.dir, encoding: 'utf8', env: { PATH: PLAIN_PATH } }),
    prefixes: 1,
  },
  {
    name: 'Makefile: source in a recipe run by /bin/sh (VG203, safe)',
    path: 'Makefile',
    code: ['.PHONY: test', 'test:', '\tpython3 -m venv --without-pip .venv', `\tsource .venv/bin/activate; python ${WHERE}`, ''].join('\n'),
    rules: ['VG203'],
    activates: true,
    run: (file, p) => spawnSync('make', ['-s', '-f', file], { cwd: p.dir, encoding: 'utf8', env: { PATH: PLAIN_PATH } }),
    prefixes: 1,
  },
  // ---- GitHub Actions (VG201 and VG202: $GITHUB_PATH)
  {
    name: 'GitHub Actions: a venv made in one step, used by name, quoted, in later steps (VG201)',
    path: '.github/workflows/test.yml',
    code: ['name: test', 'on: [push, pull_request]', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:', '      - uses: actions/checkout@v4', '      - name: Make the venv', '        run: python3 -m venv --without-pip .venv', '      - name: Which python', `        run: python ${WHERE}`, '      - name: Quoted', `        run: "\\"python\\" ${WHERE}"`, ''].join('\n'),
    rules: ['VG201'],
    unsafe: true,
    run: runWorkflow,
    prefixes: 2,
  },
  {
    name: 'GitHub Actions: an activation alone in its step (VG202)',
    path: '.github/workflows/ci.yml',
    code: ['on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: python3 -m venv --without-pip .venv', '      - run: source .venv/bin/activate', `      - run: python ${WHERE}`, ''].join('\n'),
    rules: ['VG202', 'VG201'],
    unsafe: true,
    run: runWorkflow,
    prefixes: 1,
  },
  // ---- GitLab CI (VG201)
  {
    name: 'GitLab CI: a job that makes a venv and runs python by name, in its folder and in a sub-folder (VG201)',
    path: '.gitlab-ci.yml',
    code: ['stages: [test]', '', 'unit:', '  stage: test', '  image: python:3.12', '  before_script:', '    - python3 -m venv --without-pip .venv', '  script:', `    - python ${WHERE}`, `    - mkdir -p sub && cd sub && python ${WHERE}`, ''].join('\n'),
    rules: ['VG201'],
    unsafe: true,
    run: runGitlab,
    prefixes: 2,
  },
  // ---- Dockerfile (VG201, VG202, VG203, VG204, VG205): re-read, not run (no container engine here)
  {
    name: 'Dockerfile: ENV lines for a venv made in a RUN, an activation alone, source under sh (VG201, VG202, VG203)',
    path: 'Dockerfile',
    code: ['FROM python:3.12-slim AS app', 'WORKDIR /app', 'COPY requirements.txt .', 'RUN python -m venv /opt/venv', 'RUN . /opt/venv/bin/activate', 'RUN pip install --no-cache-dir -r requirements.txt', 'RUN source /opt/venv/bin/activate && pip check', 'COPY . .', 'CMD ["gunicorn", "app:app"]', ''].join('\n'),
    rules: ['VG201', 'VG202', 'VG203'],
    unsafe: true,
  },
  {
    name: 'Dockerfile: VIRTUAL_ENV without PATH, and activate run by bash (VG205, VG204)',
    path: 'docker/Dockerfile.worker',
    code: ['FROM python:3.12', 'ENV VIRTUAL_ENV=/venv', 'RUN python -m venv $VIRTUAL_ENV', 'RUN bash /venv/bin/activate && pip install celery', 'CMD ["celery", "-A", "app", "worker"]', ''].join('\n'),
    rules: ['VG205', 'VG204'],
    unsafe: true,
  },
  // ---- Services: systemd, supervisor, Procfile, crontab (VG201, VG203)
  {
    name: 'systemd: a unit that makes its venv and starts gunicorn and pip by name (VG201)',
    path: 'deploy/app.service',
    code: ['[Unit]', 'Description=App', '', '[Service]', 'WorkingDirectory=/srv/app', 'ExecStartPre=/usr/bin/python3 -m venv /srv/app/.venv', 'ExecStartPre=/bin/sh -c "pip install -r requirements.txt"', 'ExecStart=gunicorn app:app', '', '[Install]', 'WantedBy=multi-user.target', ''].join('\n'),
    rules: ['VG201'],
    unsafe: true,
  },
  {
    name: 'supervisor: a program that names its venv and one that runs celery by name (VG201)',
    path: 'supervisor/conf.d/app.conf',
    code: ['[program:web]', 'directory=/srv/app', 'command=/srv/app/.venv/bin/gunicorn app:app', '', '[program:worker]', 'directory=/srv/app', 'command=celery -A app worker', 'autorestart=true', ''].join('\n'),
    rules: ['VG201'],
    unsafe: true,
  },
  {
    name: 'Procfile: a release phase that makes a venv and runs python by name (VG201)',
    path: 'Procfile',
    code: [`release: python3 -m venv --without-pip .venv && python ${WHERE}`, 'web: .venv/bin/gunicorn app:app', ''].join('\n'),
    rules: ['VG201'],
    unsafe: true,
    run: (file, p) => sh(p, fs.readFileSync(file, 'utf8').split('\n')[0].replace(/^release: /, '')),
    prefixes: 1,
  },
  {
    name: 'crontab: a job that makes a venv and runs python by name (VG201)',
    path: 'crontab',
    code: ['SHELL=/bin/sh', 'MAILTO=""', `*/5 * * * * python3 -m venv --without-pip .venv && python ${WHERE}`, ''].join('\n'),
    rules: ['VG201'],
    unsafe: true,
    run: (file, p) => sh(p, cronCommands(file)),
    prefixes: 1,
  },
  {
    name: 'crontab: source under cron\'s /bin/sh (VG203, safe)',
    path: 'crontab',
    code: ['MAILTO=""', `0 3 * * * python3 -m venv --without-pip .venv && source .venv/bin/activate && python ${WHERE}`, ''].join('\n'),
    rules: ['VG203'],
    activates: true,
    run: (file, p) => sh(p, cronCommands(file)),
    prefixes: 1,
  },
  // ---- VG203 (`.` for `source` under sh) and VG204 (source what was run) in every other format that offers them
  {
    name: 'GitHub Actions: source under shell: sh, and activate run by bash (VG203 safe, VG204 unsafe)',
    path: '.github/workflows/lint.yml',
    code: ['on: push', 'jobs:', '  lint:', '    runs-on: ubuntu-latest', '    defaults:', '      run:', '        shell: sh', '    steps:', '      - run: python3 -m venv .venv', '      - run: source .venv/bin/activate && pytest', '      - run: bash .venv/bin/activate && . .venv/bin/activate && flake8', ''].join('\n'),
    rules: ['VG203', 'VG204'],
    unsafe: true,
  },
  {
    name: 'GitLab CI: activate run by bash in a job script (VG204, unsafe)',
    path: 'ci/.gitlab-ci.yml',
    code: ['test:', '  image: python:3.12', '  script:', '    - python3 -m venv .venv', '    - bash .venv/bin/activate', '    - source .venv/bin/activate && pytest', ''].join('\n'),
    rules: ['VG204'],
    unsafe: true,
  },
  {
    name: 'Makefile: activate run by bash in a recipe (VG204, unsafe)',
    path: 'Makefile',
    code: ['.PHONY: test', 'test:', '\tpython3 -m venv --without-pip .venv', `\tbash .venv/bin/activate; . .venv/bin/activate; python ${WHERE}`, ''].join('\n'),
    rules: ['VG204'],
    unsafe: true,
    activates: true,
    run: (file, p) => spawnSync('make', ['-s', '-f', file], { cwd: p.dir, encoding: 'utf8', env: { PATH: PLAIN_PATH } }),
    prefixes: 1,
  },
  {
    name: 'systemd: source in ExecStart=/bin/sh -c, and activate run by bash (VG203 safe, VG204 unsafe)',
    path: 'app.service',
    code: ['[Service]', 'ExecStartPre=/usr/bin/python3 -m venv /srv/app/.venv', 'ExecStart=/bin/sh -c "source /srv/app/.venv/bin/activate && exec gunicorn app:app"', 'ExecStartPost=/bin/sh -c "bash /srv/app/.venv/bin/activate; . /srv/app/.venv/bin/activate; exec pytest"', ''].join('\n'),
    rules: ['VG203', 'VG204'],
    unsafe: true,
  },
  {
    name: 'supervisor: source in command=/bin/sh -c, and activate run by bash (VG203 safe, VG204 unsafe)',
    path: 'supervisord.conf',
    code: ['[supervisord]', 'nodaemon=true', '', '[program:worker]', 'directory=/srv/app', 'command=/bin/sh -c "source /srv/app/.venv/bin/activate && exec celery -A app worker"', '', '[program:beat]', 'command=/bin/sh -c "bash /srv/app/.venv/bin/activate; . /srv/app/.venv/bin/activate; exec celery -A app beat"', ''].join('\n'),
    rules: ['VG203', 'VG204'],
    unsafe: true,
  },
  {
    name: 'Procfile: activate run by bash, and source under sh -c (VG204 unsafe, VG203 safe)',
    path: 'Procfile',
    code: [`release: python3 -m venv --without-pip .venv && bash .venv/bin/activate && . .venv/bin/activate && python ${WHERE}`, `web: sh -c "source .venv/bin/activate && python ${WHERE}"`, ''].join('\n'),
    rules: ['VG204', 'VG203'],
    unsafe: true,
    activates: true,
    run: (file, p) => sh(p, fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => l.replace(/^\w+: /, '')).join('\n')),
    prefixes: 2,
  },
  {
    name: 'crontab: activate run by bash (VG204, unsafe)',
    path: 'cron.d/app',
    code: ['SHELL=/bin/sh', `0 * * * * root python3 -m venv --without-pip .venv; bash .venv/bin/activate; . .venv/bin/activate; python ${WHERE}`, ''].join('\n'),
    rules: ['VG204'],
    unsafe: true,
  },
];

/**
 * Every quoting form YAML allows for a step's `run:` and a GitLab script item: plain, single- and
 * double-quoted, and the block scalars (literal and folded, with each chomping indicator). Each
 * form that makes the venv is followed by later steps in every form, and by a use in the same
 * scalar; each GitLab job runs its script items in every form. The fixed files run for real.
 */
const CREATE_STEP: Record<string, (cmd: string) => string> = {
  plain: (c) => `      - run: ${c}`,
  'single-quoted': (c) => `      - run: '${c}'`,
  'double-quoted': (c) => `      - run: "${c}"`,
  'literal |': (c) => `      - run: |\n          ${c.replace(' && ', '\n          ')}`,
  'folded >': (c) => `      - run: >\n          ${c.replace(' && ', ' &&\n          ')}`,
  'literal |-': (c) => `      - run: |-\n          ${c.replace(' && ', '\n          ')}`,
  'folded >-': (c) => `      - run: >-\n          ${c.replace(' && ', ' &&\n          ')}`,
  'literal |+': (c) => `      - run: |+\n          ${c.replace(' && ', '\n          ')}\n`,
};
const LATER_STEPS = [
  `      - run: python ${WHERE}`,
  `      - run: 'python ${WHERE}'`,
  `      - run: "\\"python\\" ${WHERE}"`,
  `      - run: |\n          echo start >&2\n          python ${WHERE}`,
  `      - run: >\n          python\n          ${WHERE}`,
  `      - run: |-\n          python ${WHERE}`,
  `      - run: >+\n          python ${WHERE}\n`,
];
const workflow = (steps: string[]) => ['on: push', 'jobs:', '  test:', '    runs-on: ubuntu-latest', '    steps:', ...steps, ''].join('\n');
for (const [form, step] of Object.entries(CREATE_STEP)) {
  CASES.push(
    { name: `GitHub Actions: the venv made in a ${form} run:, used by name in later steps of every form (VG201)`, path: '.github/workflows/forms.yml', code: workflow([step('python3 -m venv --without-pip .venv'), ...LATER_STEPS]), rules: ['VG201'], unsafe: true, run: runWorkflow, prefixes: LATER_STEPS.length },
    { name: `GitHub Actions: the venv made and used in one ${form} run: (VG201)`, path: '.github/workflows/same.yml', code: workflow([step(`python3 -m venv --without-pip .venv && python ${WHERE}`)]), rules: ['VG201'], unsafe: true, run: runWorkflow, prefixes: 1 },
  );
}
const SCRIPT_ITEMS = [`    - python ${WHERE}`, `    - 'python ${WHERE}'`, `    - "python ${WHERE}"`, `    - |\n      echo start >&2\n      python ${WHERE}`, `    - >\n      python\n      ${WHERE}`, `    - |-\n      python ${WHERE}`, `    - >-\n      python ${WHERE}`];
for (const [form, item] of Object.entries({ plain: (c: string) => `    - ${c}`, 'single-quoted': (c: string) => `    - '${c}'`, 'double-quoted': (c: string) => `    - "${c}"`, 'literal |': (c: string) => `    - |\n      ${c}` })) {
  CASES.push({
    name: `GitLab CI: the venv made in a ${form} script item, used by name in items of every form (VG201)`,
    path: '.gitlab-ci.yml',
    code: ['unit:', '  image: python:3.12', '  script:', item('python3 -m venv --without-pip .venv'), ...SCRIPT_ITEMS, ''].join('\n'),
    rules: ['VG201'],
    unsafe: true,
    run: runGitlab,
    prefixes: SCRIPT_ITEMS.length,
  });
}

/** The commands of a crontab's job lines (after the five time fields), in the owner's HOME. */
function cronCommands(file: string): string {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => /^[*\d]/.test(l)).map((l) => l.split(/\s+/).slice(5).join(' ')).join('\n');
}

/** The lines of `a` not in `b`, by a longest-common-subsequence diff (the files are small). */
function diffLines(a: string[], b: string[]): { removed: number[]; added: string[] } {
  const n = a.length;
  const m = b.length;
  const L = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = a[i] === b[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const removed: number[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) (i++, j++);
    else if (j < m && (i === n || L[i][j + 1] >= L[i + 1][j])) added.push(b[j++]);
    else removed.push(++i);
  }
  return { removed, added };
}

/** The file parses for its own tools: sh/bash -n, make -n, YAML, Python's compile(), and the front end. */
function assertParses(c: Case, file: string, text: string): void {
  const fe = frontEndFor(c.path, text.slice(0, text.indexOf('\n')));
  const problem = fe.analyze(new SourceFile(c.path, text), (a) => a.syntaxProblem);
  assert.equal(problem, undefined, `${c.path}: the front end re-reads the fixed file: ${problem?.message}`);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: path.dirname(file), encoding: 'utf8' });
    assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  };
  if (/\.ya?ml$/.test(c.path)) assert.deepEqual(parseDocument(text).errors, [], 'YAML parse');
  else if (text.startsWith('#!/bin/sh')) run('sh', ['-n', file]);
  else if (text.startsWith('#!/bin/bash') || c.path.endsWith('.sh')) run('bash', ['-n', file]);
  else if (path.basename(c.path) === 'Makefile') run('make', ['-n', '-f', file]);
  else if (c.path.endsWith('.py') && PY) run(PY, ['-c', 'import sys; compile(open(sys.argv[1], encoding="utf-8").read(), sys.argv[1], "exec")', file]);
}

/** Every changed line is one a fix touches: removed lines lie in an edit's lines, added lines are written by an edit. */
function assertConfined(c: Case, before: string, after: string, diags: Diagnostic[]): void {
  const file = new SourceFile(c.path, before);
  const fixes = diags.filter((d) => d.fix && (d.fix.applicability === 'safe' || (c.unsafe && d.fix.applicability === 'unsafe')));
  const touched = new Set<number>();
  const written: string[] = [];
  for (const d of fixes) {
    for (const e of d.fix!.edits) {
      for (let l = file.location(e.start).line; l <= file.location(Math.max(e.start, e.end - 1)).line; l++) touched.add(l);
      written.push(...e.text.split('\n').map((t) => t.trim()).filter(Boolean));
    }
  }
  const { removed, added } = diffLines(before.split('\n'), after.split('\n'));
  for (const l of removed) assert.ok(touched.has(l), `${c.path}: line ${l} changed, but no fix touches it`);
  for (const a of added) {
    const t = a.trim();
    assert.ok(/^import \w+$/.test(t) || written.some((w) => t.includes(w) || w.includes(t)), `${c.path}: the added line ${JSON.stringify(a)} is not a fix's`);
  }
}

for (const c of CASES) {
  test(`fix for real: ${c.name}`, async (t) => {
    const diags = await checkText(c.code, { path: c.path });
    for (const rule of c.rules) {
      const offered = diags.filter((d) => d.code === rule && d.fix && (d.fix.applicability === 'safe' || c.unsafe));
      assert.ok(offered.length > 0, `${rule} offers a fix here: ${JSON.stringify(diags.map((d) => [d.code, d.message, d.fix?.applicability]))}`);
    }
    const fixed = await fixText(c.code, { path: c.path, unsafe: c.unsafe });
    assert.notEqual(fixed, c.code);
    const left = (await checkText(fixed, { path: c.path })).filter((d) => c.rules.includes(d.code));
    assert.deepEqual(left.map((d) => `${d.code} ${d.start.line}: ${d.message}`), [], `no finding of ${c.rules.join(', ')} is left in:\n${fixed}`);
    assert.equal(await fixText(fixed, { path: c.path, unsafe: c.unsafe }), fixed, 'a second --fix changes nothing');
    assertConfined(c, c.code, fixed, diags);
    const dir = path.join(root, 'case');
    fs.rmSync(dir, { recursive: true, force: true });
    const file = path.join(dir, c.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, fixed);
    assertParses(c, file, fixed);
    if (!c.run) return;
    if (!PY) return t.skip('no Python 3 found (pyenv or python3 on PATH): the fixed command is not run');
    const p = c.activates ? SPACED : ODD;
    const r = c.run(file, p);
    assert.equal(r.status, 0, `the fixed file runs: ${r.stderr}`);
    // `pip --version` names the site-packages it runs from (`pip X from <venv>/lib/…`): the venv's.
    const lines = r.stdout.split('\n').filter(Boolean).map((l) => (/^pip \S+ from /.test(l) && l.includes(`${p.venv}/lib/`) ? p.venv : l));
    assert.equal(lines.length, c.prefixes, `output:\n${r.stdout}\n${r.stderr}`);
    for (const l of lines) assert.equal(l, p.venv, `every command started the venv's interpreter:\n${fixed}`);
  });
}

test("fix for real: a console script's fix falls back to PATH's when the running environment has none (a pip --user install, a source checkout)", async (t) => {
  if (!PY) return t.skip('no Python 3 found (pyenv or python3 on PATH): the fixed command is not run');
  const code = ['import subprocess', '', 'subprocess.run(["ansible-playbook", "site.yml"], check=True)', 'subprocess.run("ansible-playbook site.yml", shell=True, check=True)', ''].join('\n');
  const fixed = await fixText(code, { path: 'deploy.py', unsafe: true });
  assert.match(fixed, /shutil\.which\("ansible-playbook", path=os\.path\.dirname\(sys\.executable\)\) or "ansible-playbook"/);
  const dir = path.join(root, 'fallback');
  fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'deploy.py'), fixed);
  fs.writeFileSync(path.join(dir, 'bin', 'ansible-playbook'), '#!/bin/sh\necho "from PATH"\n');
  fs.chmodSync(path.join(dir, 'bin', 'ansible-playbook'), 0o755);
  // PY's own folder has no ansible-playbook: both launches find PATH's, as the original did.
  assert.ok(!fs.existsSync(path.join(path.dirname(PY), 'ansible-playbook')));
  const r = spawnSync(PY, ['deploy.py'], { cwd: dir, encoding: 'utf8', env: { PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin` } });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(r.stdout.split('\n').filter(Boolean), ['from PATH', 'from PATH']);
});
