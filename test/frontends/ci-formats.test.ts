/**
 * The CI and machine formats of issue 12 point 4: pre-commit, Jenkinsfile, Azure Pipelines,
 * CircleCI, Bitbucket Pipelines and Compose — which files they claim, where every word is (YAML
 * and Groovy quoting forms), what they say about bad input, their budgets, and Compose against a
 * real Dockerfile next to it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import type { JsonReport } from '../../src/reporters/json.js';
import { argvText, configLinter, positions, siteAt } from '../config-lint.js';
import { runCli, tempDir } from '../helpers.js';

const root = tempDir('venvguard-ci-formats-');
after(() => fs.rmSync(root, { recursive: true, force: true }));

test('ci formats claim their files, and only those', () => {
  const claims: [string, string | undefined][] = [
    ['.pre-commit-config.yaml', 'pre-commit'],
    ['sub/.pre-commit-config.yml', 'pre-commit'],
    ['.pre-commit-hooks.yaml', undefined],
    ['Jenkinsfile', 'jenkins'],
    ['ci/Jenkinsfile.release', 'jenkins'],
    ['build.jenkinsfile', 'jenkins'],
    ['Jenkinsfile.md', undefined],
    // Another format's file named after the job: caracal's Jenkinsfile.sh is the shell script its job runs.
    ['ci/Jenkinsfile.sh', 'shell'],
    ['Jenkinsfile.groovy', 'jenkins'],
    ['azure-pipelines.yml', 'azure-pipelines'],
    ['azure-pipelines-release.yaml', 'azure-pipelines'],
    ['.azure-pipelines/ci.yml', 'azure-pipelines'],
    ['pipelines.yml', undefined],
    ['.circleci/config.yml', 'circleci'],
    ['config.yml', undefined],
    ['bitbucket-pipelines.yml', 'bitbucket-pipelines'],
    ['compose.yaml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['deploy/docker-compose.prod.yml', 'compose'],
    ['docker/docker-compose-dev.yml', 'compose'],
    ['composer.yml', undefined],
    ['compose.json', undefined],
  ];
  for (const [p, lang] of claims) assert.equal(claimingFrontEnd(p)?.language, lang, p);
});

test('jenkins: every string form maps each word to its column; GStrings resolve the workspace', async () => {
  const { analyze } = configLinter('Jenkinsfile');
  const text = [
    'node {',
    "  sh 'pip install a'",
    '  sh "pip install ${WORKSPACE}/b"',
    "  sh '''",
    '    pip install c',
    "  '''",
    '  sh(script: """pip install d""", returnStdout: true)',
    "  sh script: 'pip install \\'e\\'', label: 'x'",
    '  bat "pip install windows"',
    '}',
    '',
  ].join('\n');
  const { sites, syntaxProblem } = await analyze(text);
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(sites.map(argvText), ['pip install a', 'pip install /__jenkins_workspace__/b', 'pip install c', 'pip install d', 'pip install e']);
  assert.deepEqual(positions(siteAt(sites, 'pip install a')), ['2:7', '2:11', '2:19']);
  assert.deepEqual(positions(siteAt(sites, 'pip install c')), ['5:5', '5:9', '5:17']);
  assert.deepEqual(positions(siteAt(sites, 'pip install d')).slice(0, 2), ['7:17', '7:21']);
  // `\'e\'`: a quote for the shell, written as an escape in the Groovy string; `e` keeps its column.
  assert.deepEqual(positions(siteAt(sites, 'pip install e')), ['8:15', '8:19', '8:29']);
  assert.equal(siteAt(sites, 'pip install a').api, 'sh');
});

test("jenkins: `.stripMargin()` takes each line's margin off before the shell reads it (snowflake-connector-python's Build stage)", async () => {
  const { analyze } = configLinter('Jenkinsfile');
  const text = [
    'node {',
    "  sh '''\\",
    '  |cd $WORKSPACE',
    '  |pip install a | tee log',
    "  '''.stripMargin()",
    "  sh '''",
    '  #pip install b',
    "  '''.stripMargin('#')",
    '}',
    '',
  ].join('\n');
  const { sites, syntaxProblem } = await analyze(text);
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(sites.map(argvText).filter((a) => a.startsWith('pip') || a.startsWith('tee')), ['pip install a', 'tee log', 'pip install b']);
  assert.deepEqual(positions(siteAt(sites, 'pip install a')), ['4:4', '4:8', '4:16']);
  // Without stripMargin the `|` is the shell's: a pipe with nothing before it, an error when Jenkins runs it too.
  const plain = await analyze(text.replace(/\.stripMargin\(\)/, ''));
  assert.match(plain.syntaxProblem!.message, /shell syntax error/);
});

test('jenkins bad input: an unterminated string is reported, the rest is still read', async () => {
  const { analyze } = configLinter('Jenkinsfile');
  const { sites, syntaxProblem } = await analyze("node {\n  sh 'pip install a\n  sh 'python -m venv v'\n}\n");
  assert.equal(syntaxProblem?.kind, 'syntax');
  assert.match(syntaxProblem!.message, /unterminated string/);
  assert.deepEqual(sites.map(argvText), ['python -m venv v']);
});

test('jenkins: a `//` comment ends at a lone \\r, as in Groovy (it took the rest of a file saved with old Mac line ends, and every finding after it)', async () => {
  const { analyze } = configLinter('Jenkinsfile');
  const lf = "node {\n  sh 'python3 -m venv venv'\n  // install the tools\n  sh 'pip install a'\n  withEnv(['X=1']) { // a block\n    sh 'pip install b'\n  }\n}\n";
  const at = (a: Awaited<ReturnType<typeof analyze>>) => a.sites.map((site) => `${argvText(site)} ${positions(site)[0]}`);
  const withLf = await analyze(lf);
  assert.deepEqual(at(withLf), ['python3 -m venv venv 2:7', 'pip install a 4:7', 'pip install b 6:9']);
  for (const eol of ['\r', '\r\n']) {
    const other = await analyze(lf.replace(/\n/g, eol));
    assert.equal(other.syntaxProblem, undefined, JSON.stringify(eol));
    assert.deepEqual(at(other), at(withLf), JSON.stringify(eol));
  }
});

test('jenkins: a `\\` line continuation in a string ends with \\r\\n or a lone \\r too, and a one-line string ends at a lone \\r', async () => {
  const { analyze } = configLinter('Jenkinsfile');
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = ["node {", "  sh 'python3 -m venv venv'", "  sh 'pip install \\", "a'", "  sh 'pip install b", "  sh 'pip install c'", '}', ''].join(eol);
    const { sites, syntaxProblem } = await analyze(text);
    // The continued string is one script; the unterminated one is reported and the line after it still read.
    assert.deepEqual(sites.map(argvText), ['python3 -m venv venv', 'pip install a', 'pip install c'], JSON.stringify(eol));
    assert.match(syntaxProblem?.message ?? '', /unterminated string/, JSON.stringify(eol));
    assert.equal(syntaxProblem?.start?.line, 5, JSON.stringify(eol));
  }
});

test('jenkins: unclosed brackets, comments ended by lone \\r and comma-continued calls are read in linear time (200 KB of `sh(` lines took 60 s: each scanned to the end of the file)', async () => {
  const { analyze } = configLinter('Jenkinsfile');
  const head = "node {\n  sh 'python3 -m venv venv'\n";
  const tail = "  sh 'pip install a'\n}\n";
  for (const line of ['  sh(', '  withEnv(', '  dir(', '  sh (x, ', '  // c\r  sh(x', "  sh label: 'a',", '  sh returnStdout: true,']) {
    const text = head + `${line}\n`.repeat(Math.floor(200_000 / (line.length + 1))) + tail;
    const t0 = performance.now();
    await analyze(text);
    const ms = performance.now() - t0;
    assert.ok(ms < 3000, `${JSON.stringify(line)}: ${ms.toFixed(0)} ms`);
  }
  // Searched to the end of the file for `script:`, each unclosed `sh(` took 38 s for 1.9 MB.
  const many = head + '  sh(\n'.repeat(200_000) + tail;
  const t0 = performance.now();
  const { sites: after, syntaxProblem } = await analyze(many);
  const ms = performance.now() - t0;
  assert.ok(ms < 3000, `1 MB of sh( lines: ${ms.toFixed(0)} ms`);
  assert.deepEqual(after.map(argvText), ['python3 -m venv venv', 'pip install a']);
  assert.equal(syntaxProblem?.message, 'Groovy: unclosed (');
  // What closes is still found: a finding after 10,000 unclosed `withEnv(`, and after balanced ones.
  const { sites } = await analyze(head + '  withEnv(\n'.repeat(10_000) + "  withEnv(['PATH+V=venv/bin']) { sh 'pip install b' }\n" + tail);
  assert.deepEqual(sites.map(argvText), ['python3 -m venv venv', 'pip install b', 'pip install a']);
});

test('azure: macros, env:, workingDirectory and step kinds', async () => {
  const { analyze } = configLinter('azure-pipelines.yml');
  const text = [
    'variables:',
    '  venv: .venv',
    'steps:',
    '- script: $(venv)/bin/pip install x',
    '- bash: python -m pytest',
    '  workingDirectory: $(Build.SourcesDirectory)/src',
    '- task: Bash@3',
    '  inputs:',
    '    targetType: inline',
    '    script: pip install y',
    '- powershell: pip install z',
    '- script: pip install $(Agent.TempDirectory)/w',
    '',
  ].join('\n');
  const { sites, syntaxProblem } = await analyze(text);
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(sites.map((s) => argvText(s).replace(/\u0001/g, '?')), ['.venv/bin/pip install x', 'python -m pytest', 'pip install y', 'pip install ?/w']);
  assert.deepEqual(positions(siteAt(sites, 'python')).slice(0, 2), ['5:9', '5:16']);
  assert.deepEqual(positions(siteAt(sites, 'pip install y'))[0], '10:13');
});

test('circleci: << parameters.x >> and << pipeline.… >> are values filled in before the shell runs, not here-documents (pyodide\'s test step exited 3)', async () => {
  const text = [
    'jobs:',
    '  test:',
    '    parameters:',
    '      test-params: {type: string}',
    '      cache-dir: {type: string}',
    '    steps:',
    '      - run:',
    '          command: |',
    '            python -m venv .venv',
    '            if [ -z "<< parameters.cache-dir >>" ]; then export CACHE_DIR=.c; else export CACHE_DIR=".c/<< parameters.cache-dir >>"; fi',
    '            .venv/bin/python -m pytest \\',
    '              --verbose \\',
    '              << parameters.test-params >> \\',
    '              -o cache_dir=$CACHE_DIR',
    '      - run: echo $((<< parameters.n >> + 1)) && pip install "x==<< pipeline.parameters.version >>"',
    '      - run: pytest <<# parameters.verbose >>-v<</ parameters.verbose >> tests/',
    '',
  ].join('\n');
  const { sites, syntaxProblem } = await configLinter('.circleci/config.yml').analyze(text);
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(
    sites.map((s) => argvText(s).replace(/\u0001/g, '?')),
    ['python -m venv .venv', '.venv/bin/python -m pytest --verbose ? -o cache_dir=.c', 'echo ?', 'pip install x==?', 'pytest -v tests/'],
  );
  // The words after a template keep their places in the file.
  assert.deepEqual(positions(siteAt(sites, 'pytest -v')), ['16:14', '16:46', '16:74']);
});

// irrd's .circleci/config.yml: the jobs are made of the file's own reusable commands
// (`- install_dependencies`, `- run_integration_tests`), whose steps were not read at all.
test("circleci: a reusable command of the file's own `commands:` runs its steps in the job that uses it; orb commands and a command that uses itself are not followed", async () => {
  const text = [
    'version: 2.1',
    'commands:',
    '  make_venv:',
    '    parameters:',
    '      dir: {type: string, default: venv}',
    '    steps:',
    '      - run: python3 -m venv << parameters.dir >> && python3 -m venv .venv',
    '  install:',
    '    steps:',
    '      - make_venv',
    '      - run: pip install -r requirements.txt',
    '  loop:',
    '    steps:',
    '      - loop',
    '      - run: echo loop',
    'jobs:',
    '  test:',
    '    docker: [{image: cimg/python:3.11}]',
    '    steps:',
    '      - checkout',
    '      - python/install-packages: {pkg-manager: pip}',
    '      - install',
    '      - make_venv: {dir: env}',
    '      - loop',
    '      - run: pytest tests/',
    '',
  ].join('\n');
  const { sites, syntaxProblem } = await configLinter('.circleci/config.yml').analyze(text);
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(
    sites.map((s) => `${s.file.location(s.callSpan.start).line} ${argvText(s).replace(/\u0001/g, '?')}`),
    ['7 python3 -m venv ?', '7 python3 -m venv .venv', '11 pip install -r requirements.txt', '7 python3 -m venv ?', '7 python3 -m venv .venv', '15 echo loop', '25 pytest tests/'],
  );
  // The venv the command made is in scope for the job's later steps: pip after it is reported.
  const found = await configLinter('.circleci/config.yml').lint(venvNotOnPath, text);
  assert.deepEqual(found.map((f) => f.line), [11, 25]);
});

test('yaml ci formats: malformed YAML is reported and the rest is read', async () => {
  for (const [name, text] of [
    ['azure-pipelines.yml', 'steps:\n- script: pip install x\n- script: "unterminated\n'],
    ['.circleci/config.yml', 'jobs:\n  t:\n    steps:\n      - run: pip install x\n      - run: [unclosed\n'],
    ['bitbucket-pipelines.yml', 'pipelines:\n  default:\n    - step:\n        script:\n          - pip install x\n          - "oops\n'],
    ['.pre-commit-config.yaml', "repos:\n  - repo: local\n    hooks:\n      - id: x\n        entry: 'pytest\n"],
  ] as const) {
    const { syntaxProblem } = await configLinter(name).analyze(text);
    assert.equal(syntaxProblem?.kind, 'syntax', name);
    assert.match(syntaxProblem!.message, /^YAML: /, name);
  }
});

test('yaml formats: a quoted scalar continued at column 0 is read as libyaml (PyYAML, pre-commit) reads it, each word still at its place (yt\'s pre-commit config exited 3)', async () => {
  const exclude = ['exclude: "^(\\', 'docs/ext\\', '|vendor\\', ')"', "skip: 'a", "b'"];
  const cases: [string, string[], Record<string, string[]>][] = [
    ['.pre-commit-config.yaml', [...exclude, 'repos:', '- repo: local', '  hooks:', '  - id: t', '    entry: "python -m', 'pytest"', '    language: system', ''], { 'python -m pytest': ['11:13', '11:20', '12:1'] }],
    ['.gitlab-ci.yml', [...exclude, 'test:', '  script:', '    - "pip install', 'x"', '    - python -m pytest', ''], { 'pip install x': ['9:8', '9:12', '10:1'], 'python -m pytest': ['11:7', '11:14', '11:17'] }],
    ['.github/workflows/ci.yml', ['on: push', ...exclude, 'jobs:', '  t:', '    runs-on: ubuntu-latest', '    steps:', '      - run: "pip install', 'x"', '      - run: python -m pytest', ''], { 'pip install x': ['12:15', '12:19', '13:1'], 'python -m pytest': ['14:14', '14:21', '14:24'] }],
  ];
  for (const [name, lines, expected] of cases) {
    const { sites, syntaxProblem } = await configLinter(name).analyze(lines.join('\n'));
    assert.equal(syntaxProblem, undefined, name);
    for (const [argv, at] of Object.entries(expected)) assert.deepEqual(positions(siteAt(sites, argv)).slice(0, 3), at, `${name}: ${argv}`);
  }
  // A document marker at column 0 ends the scalar for libyaml too: still reported.
  const { syntaxProblem } = await configLinter('.gitlab-ci.yml').analyze('a: "x\n---\ny"\n');
  assert.equal(syntaxProblem?.kind, 'syntax');
});

test('ci formats budgets: one anchored script run by many steps is one too-complex problem; nested alias lists stay linear; the run goes on', () => {
  const laughs = (levels: number, width: number) => {
    let y = '.l0: &l0 ["python -m venv v && pip install x"]\n';
    for (let i = 1; i <= levels; i++) y += `.l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(',')}]\n`;
    return y;
  };
  // One 60 KB anchored script run by 20 more steps: 1.2 MB of shell text from a 60 KB file.
  const big = `python -m venv v && echo ${'x'.repeat(60_000)}`;
  const runs = (indent: string, first: string, rest: string) => `${indent}${first}\n${Array.from({ length: 20 }, () => `${indent}${rest}`).join('\n')}\n`;
  const dir = path.join(root, 'bombs');
  fs.mkdirSync(path.join(dir, 'circle/.circleci'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'bitbucket'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'laughs/.circleci'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'circle/.circleci/config.yml'), `jobs:\n  t:\n    steps:\n${runs('      ', `- run: &s "${big}"`, '- run: *s')}`);
  fs.writeFileSync(path.join(dir, 'bitbucket/bitbucket-pipelines.yml'), `pipelines:\n  default:\n    - step:\n        script:\n${runs('          ', `- &s "${big}"`, '- *s')}`);
  // 9^7 lines if every alias were followed into every list: a script list holds strings, so nested lists are not read.
  fs.writeFileSync(path.join(dir, 'laughs/.circleci/config.yml'), `${laughs(7, 9)}jobs:\n  t:\n    steps:\n      - run:\n          command: *l7\n`);
  fs.writeFileSync(path.join(dir, 'azure-pipelines.yml'), 'steps:\n- script: python -m venv .venv\n- script: pip install x\n');
  const r = runCli(['check', '--no-config', '--output-format', 'json', '.'], { cwd: dir });
  const report = JSON.parse(r.stdout) as JsonReport;
  const complex = report.problems.filter((p) => p.kind === 'too-complex');
  assert.deepEqual(complex.map((p) => p.path).sort(), ['bitbucket/bitbucket-pipelines.yml', 'circle/.circleci/config.yml']);
  assert.ok(complex.every((p) => /yaml-expanded-size/.test(p.message)), JSON.stringify(complex));
  // The canary in the file next to them is still found.
  assert.deepEqual(report.diagnostics.map((d) => `${d.path}:${d.start.line} ${d.code}`), ['azure-pipelines.yml:3 VG201']);
  assert.equal(r.code, 1);
});

test('compose: a service built from a Dockerfile whose venv is not on PATH; string and list forms; fixes name the venv', () => {
  const dir = path.join(root, 'compose');
  fs.mkdirSync(path.join(dir, 'web'), { recursive: true });
  // The shape of many Django images: a venv made in a RUN, used by path in CMD, PATH left alone.
  fs.writeFileSync(path.join(dir, 'web/Dockerfile'), 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install -r requirements.txt\nWORKDIR /app\nCMD ["/opt/venv/bin/gunicorn", "app.wsgi"]\n');
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN python -m venv /venv\nENV PATH="/venv/bin:$PATH"\nRUN pip install -r requirements.txt\n');
  const compose = [
    'services:',
    '  web:',
    '    build: ./web',
    '    command: python manage.py runserver 0.0.0.0:8000',
    '  worker:',
    '    build:',
    '      context: web',
    '    entrypoint: ["celery", "-A", "app", "worker"]',
    '  migrate:',
    '    build: ./web',
    '    command: /opt/venv/bin/python manage.py migrate',
    '  onpath:',
    '    build: .',
    '    command: python manage.py runserver',
    '  pulled:',
    '    image: python:3.12',
    '    command: python x.py',
    '  ownpath:',
    '    build: ./web',
    '    environment:',
    '      PATH: /opt/venv/bin:/usr/bin',
    '    command: python x.py',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'compose.yaml'), compose);
  const r = runCli(['check', '--no-config', '--output-format', 'json', 'compose.yaml'], { cwd: dir });
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(
    report.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.code} ${d.message.split(';')[0]}`),
    [
      '4:14 VG201 "python" runs from PATH, but the venv /opt/venv is not on PATH when the web container starts',
      '8:18 VG201 "celery" runs from PATH, but the venv /opt/venv is not on PATH when the worker container starts',
    ],
  );
  const fixed = runCli(['check', '--no-config', '--fix', '--unsafe-fixes', 'compose.yaml'], { cwd: dir });
  assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
  const after = fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
  assert.equal(after, compose.replace('command: python manage.py runserver 0.0.0.0', 'command: /opt/venv/bin/python manage.py runserver 0.0.0.0').replace('["celery",', '[/opt/venv/bin/celery,'));
});

test('compose: `$$` is a literal `$` (Compose interpolation), so `$$(getconf …)` in a service\'s bash -c script is a command substitution, and what follows it is still judged, at its place though the shell is the entrypoint (Airflow\'s compose file exited 3)', () => {
  const dir = path.join(root, 'compose-dollars');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install apache-airflow\n');
  const compose = [
    'services:',
    '  init:',
    '    build: .',
    '    entrypoint: /bin/bash',
    '    command:',
    '      - -c',
    '      - |',
    '        mem=$$(($$(getconf _PHYS_PAGES) * $$(getconf PAGE_SIZE) / 1048576))',
    "        disk=$$(df / | tail -1 | awk '{print $$4}')",
    '        echo "$${HOSTNAME} $$mem $$disk"',
    '        python app.py',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'compose.yaml'), compose);
  const r = runCli(['check', '--no-config', '--output-format', 'json', 'compose.yaml'], { cwd: dir });
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(report.problems, []);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.deepEqual(
    report.diagnostics.map((d) => `${d.start.line}:${d.start.column} ${d.code}`),
    ['11:9 VG201'],
  );
  // Its fix names the venv's python at that place, and nothing else moves.
  const fixed = runCli(['check', '--no-config', '--fix', '--unsafe-fixes', 'compose.yaml'], { cwd: dir });
  assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
  assert.equal(fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8'), compose.replace('        python app.py', '        /opt/venv/bin/python app.py'));
});

test('compose: without the Dockerfile (or with an image from elsewhere) nothing is judged', async () => {
  const { lint } = configLinter('compose.yaml');
  assert.deepEqual(await lint(venvNotOnPath, 'services:\n  web:\n    build: ./missing\n    command: python app.py\n'), []);
});
