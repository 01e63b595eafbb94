/**
 * The CLI end to end, as a user runs it: golden output for every format on the bundled example,
 * exit codes, `rules`, `explain`, usage errors, and config handling.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { test } from 'node:test';
import { repoRoot, runCli, tempDir } from './helpers.js';
import { assertValidSarif } from './sarif-schema.js';
import { threadsFor } from '../src/pipeline/run.js';

const PKG_VERSION = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

/** Remove what legitimately differs between runs and machines. */
function normalise(text: string): string {
  return text
    .split(repoRoot).join('<ROOT>')
    .replace(/"durationMs": [\d.]+/g, '"durationMs": 0')
    .split(`"${PKG_VERSION}"`).join('"<VERSION>"');
}

function golden(name: string, actual: string): void {
  const file = path.join(repoRoot, 'test/golden', name);
  if (process.env.UPDATE_GOLDEN) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
  }
  assert.ok(fs.existsSync(file), `missing golden file ${file} (run with UPDATE_GOLDEN=1 once, then review it)`);
  assert.equal(actual, fs.readFileSync(file, 'utf8'));
}

for (const format of ['concise', 'full', 'json', 'sarif', 'github']) {
  test(`golden: check examples/flask-worker --output-format ${format}`, () => {
    const r = runCli(['check', 'examples/flask-worker', '--output-format', format]);
    assert.equal(r.code, 1, r.stderr);
    golden(`example.${format}.out`, normalise(r.stdout));
  });
}

test('concise is the default; --format text is its older name; [tool.venvguard] output-format applies unless the flag is given', () => {
  const concise = runCli(['check', 'examples/flask-worker']).stdout;
  assert.equal(runCli(['check', 'examples/flask-worker', '--format', 'text']).stdout, concise);
  assert.doesNotMatch(concise, /^\s+\|/m, 'no code frames');
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.venvguard]\noutput-format = "full"\n');
  fs.writeFileSync(path.join(dir, 'job.py'), 'import os\nos.system("python train.py")\n');
  assert.match(runCli(['check', '.'], { cwd: dir }).stdout, /^  = help: /m, 'full from the settings');
  assert.doesNotMatch(runCli(['check', '.', '--output-format', 'concise'], { cwd: dir }).stdout, /= help:/, 'the flag wins');
  assert.equal(JSON.parse(runCli(['check', '.', '--output-format', 'json'], { cwd: dir }).stdout).diagnostics.length, 1);
});

test('concise lines stay under 160 characters on the bundled examples, run from their own folder', () => {
  for (const example of ['examples/flask-worker', 'examples/ci-mixed']) {
    const r = runCli(['check'], { cwd: path.join(repoRoot, example) });
    assert.equal(r.code, 1, r.stderr);
    const findings = r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: VG\d{3} /.test(l));
    assert.ok(findings.length >= 10, `${example}: ${findings.length} findings`);
    for (const line of findings) assert.ok(line.length <= 160, `${line.length} characters: ${line}`);
  }
});

test('full: the remedy once (help, or the fix when it says the same), and each fix-safety note once per rule', () => {
  const out = runCli(['check', 'examples/ci-mixed', 'examples/flask-worker', '--output-format', 'full']).stdout;
  const blocks = out.split('\n\n').filter((b) => /^\S+:\d+:\d+: VG/.test(b));
  assert.ok(blocks.length >= 20);
  for (const b of blocks) {
    const helps = b.split('\n').filter((l) => /^\s+= (help|fix):/.test(l)).map((l) => l.replace(/^\s+= (help|fix): (\[\*\] )?/, '').replace(/ \((unsafe fix, )?fixable with --[a-z-]+\)$| \(suggestion, not applied automatically\)$/, '').toLowerCase());
    assert.equal(new Set(helps).size, helps.length, `a help line repeated:\n${b}`);
    assert.ok(!b.split('\n')[0].includes('; use '), `the header holds no remedy:\n${b}`);
  }
  const notes = out.split('\n').filter((l) => /= note: fix is unsafe:/.test(l));
  assert.equal(new Set(notes).size, notes.length, 'every fix-safety note printed once');
  assert.ok(notes.length >= 3);
});

test('golden: --diff shows safe fixes without writing', () => {
  const before = fs.readFileSync(path.join(repoRoot, 'examples/flask-worker/app/tasks.py'), 'utf8');
  const r = runCli(['check', 'examples/flask-worker', '--diff']);
  assert.equal(r.code, 1);
  golden('example.diff.out', normalise(r.stdout));
  assert.equal(fs.readFileSync(path.join(repoRoot, 'examples/flask-worker/app/tasks.py'), 'utf8'), before);
});

test('colour: --color decides; else FORCE_COLOR (0 off, 1-3 on) over NO_COLOR; else only on a terminal', () => {
  const ANSI_START = /\x1b\[/;
  const has = (args: string[], env: Record<string, string> = {}) => ANSI_START.test(runCli(['check', 'examples/flask-worker', ...args], { env }).stdout);
  assert.equal(has([]), false, 'a pipe is not a terminal');
  assert.equal(has([], { FORCE_COLOR: '1' }), true);
  assert.equal(has([], { FORCE_COLOR: '3' }), true);
  assert.equal(has([], { FORCE_COLOR: '0' }), false);
  assert.equal(has([], { FORCE_COLOR: 'false' }), false);
  assert.equal(has([], { FORCE_COLOR: '1', NO_COLOR: '1' }), true, 'FORCE_COLOR wins over NO_COLOR, as in Node');
  assert.equal(has(['--color', 'always'], { NO_COLOR: '1' }), true);
  assert.equal(has(['--color', 'never'], { FORCE_COLOR: '1' }), false);
  assert.equal(has(['--color', 'always', '--output-format', 'json']), false, 'machine formats are never coloured');
  const bad = runCli(['check', '--color', 'sometimes']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^venvguard: error: option '--color <when>' argument 'sometimes' is invalid.*\(see `venvguard check --help`\)\n$/);
});

test('exit 0 on a clean tree, 1 with findings, 2 on usage errors', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'ok.py'), 'import subprocess, sys\nsubprocess.run([sys.executable, "-V"])\n');
  const clean = runCli(['check', dir]);
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  assert.match(clean.stdout, /All checks passed/);
  fs.writeFileSync(path.join(dir, 'bad.py'), 'import os\nos.system("python train.py")\n');
  assert.equal(runCli(['check', dir]).code, 1);
  assert.equal(runCli(['check', dir, '--select', 'NOPE']).code, 2);
  assert.equal(runCli(['check', dir, '--format', 'xml']).code, 2);
  assert.equal(runCli(['frobnicate']).code, 2);
  // A path that names nothing: one line on stderr, exit 2, no "All checks passed" (issue 10).
  const missing = runCli(['check', dir, path.join(dir, 'nope')]);
  assert.equal(missing.code, 2);
  assert.equal(missing.stdout, '');
  assert.equal(missing.stderr, `venvguard: error: ${path.join(dir, 'nope')}: no such file or folder (see \`venvguard check --help\`)\n`);
  const ignored = runCli(['check', dir, '--ignore', 'VG101']);
  assert.equal(ignored.code, 0, ignored.stdout);
});

test('rules lists every rule, then every doctor code, each family under its header; --format json too', () => {
  const text = runCli(['rules']);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /^VG101 {2}bare-python-interpreter/m);
  const rulesAt = text.stdout.indexOf('Rules (venvguard check)\n');
  const doctorAt = text.stdout.indexOf('\nDoctor codes (venvguard doctor)\n');
  assert.ok(rulesAt === 0 && doctorAt > text.stdout.indexOf('VG205'), text.stdout);
  assert.match(text.stdout.slice(doctorAt), /^DR021 {2}error\/warning\/info {2}pyvenv\.cfg is unreadable or incomplete$/m);
  assert.equal(text.stdout.slice(doctorAt).match(/^DR\d{3} /gm)?.length, 21);
  const json = JSON.parse(runCli(['rules', '--format', 'json']).stdout) as { family: string; code: string; name?: string; summary: string; fixable?: string; severities?: string[] }[];
  const rules = json.filter((r) => r.family === 'rule');
  assert.deepEqual(rules.map((r) => r.code), ['VG101', 'VG102', 'VG103', 'VG104', 'VG105', 'VG106', 'VG107', 'VG201', 'VG202', 'VG203', 'VG204', 'VG205']);
  assert.ok(rules.every((r) => r.name && r.summary && ['always', 'sometimes', 'never'].includes(r.fixable!)));
  const doctor = json.filter((r) => r.family === 'doctor');
  assert.equal(doctor.length, 21);
  assert.deepEqual(doctor.at(-1), { family: 'doctor', code: 'DR021', summary: 'pyvenv.cfg is unreadable or incomplete', severities: ['error', 'warning', 'info'] });
  assert.equal(json.length, rules.length + doctor.length);
});

test('explain prints the concept page of a rule or a doctor code; unknown codes are a usage error naming both families', () => {
  const r = runCli(['explain', 'bare-pip']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^# VG102 bare-pip/);
  // A rule: exactly the generated page, with the lab's recorded outputs (docs/lab/transcripts.json).
  assert.equal(r.stdout, fs.readFileSync(path.join(repoRoot, 'docs/rules/bare-pip.md'), 'utf8'));
  assert.match(r.stdout, /## The output\n\n\*\*The broken example\*\*/);
  // A doctor code, in any case: exactly the generated page.
  const dr = runCli(['explain', 'dr005']);
  assert.equal(dr.code, 0, dr.stderr);
  assert.equal(dr.stdout, fs.readFileSync(path.join(repoRoot, 'docs/doctor/DR005.md'), 'utf8'));
  assert.equal(runCli(['explain', 'DR005']).stdout, dr.stdout);
  for (const unknown of ['VG999', 'DR099', 'nope']) {
    const u = runCli(['explain', unknown]);
    assert.equal(u.code, 2);
    assert.equal(u.stdout, '');
    assert.equal(u.stderr.trim().split('\n').length, 1, u.stderr);
    assert.match(u.stderr, new RegExp(`unknown code '${unknown}': neither a rule .* nor a doctor code`));
  }
});

test('pyproject [tool.venvguard]: select, ignore, per-file-ignores, exclude, console-scripts; CLI overrides', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'ops'));
  fs.mkdirSync(path.join(dir, 'gen'));
  fs.writeFileSync(path.join(dir, 'main.py'), 'import subprocess\nsubprocess.run(["python3", "x"])\nsubprocess.run(["mytool", "x"])\n');
  fs.writeFileSync(path.join(dir, 'ops/deploy.py'), 'import subprocess\nsubprocess.run(["python3", "x"])\n');
  fs.writeFileSync(path.join(dir, 'gen/out.py'), 'import subprocess\nsubprocess.run(["python3", "x"])\n');
  fs.writeFileSync(
    path.join(dir, 'pyproject.toml'),
    '[tool.venvguard]\nextend-exclude = ["gen/"]\nper-file-ignores = { "ops/*.py" = ["VG101"] }\nconsole-scripts = { mytool = "mytool" }\n',
  );
  const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
  const found = (JSON.parse(r.stdout) as { diagnostics: { path: string; code: string; start: { line: number } }[] }).diagnostics.map((d) => `${d.path}:${d.start.line}:${d.code}`);
  assert.deepEqual(found, ['main.py:2:VG101', 'main.py:3:VG103']);
  const noConfig = runCli(['check', '.', '--format', 'json', '--no-config'], { cwd: dir });
  const all = (JSON.parse(noConfig.stdout) as { diagnostics: { path: string }[] }).diagnostics.map((d) => d.path).sort();
  // Without the config, `mytool` is a program no system provides and no known Python tool: main.py
  // relies on its environment on PATH, so its python3 is held back to the opt-in VG106 (README).
  assert.deepEqual(all, ['gen/out.py', 'ops/deploy.py']);
  // --no-config drops the settings, not the project: its own console scripts ([project.scripts])
  // are still known, as in the default run of a repository without settings.
  fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "demo"\n[project.scripts]\ndemo-serve = "demo.cli:main"\n[tool.venvguard]\nselect = ["VG105"]\n');
  fs.writeFileSync(path.join(dir, 'ops/serve.py'), 'import subprocess\nsubprocess.run(["demo-serve", "--port", "80"])\n');
  const own = runCli(['check', 'ops/serve.py', '--format', 'json', '--no-config'], { cwd: dir });
  assert.deepEqual((JSON.parse(own.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code), ['VG103']);
  // With the settings read, their select (VG105 only) applies.
  assert.deepEqual((JSON.parse(runCli(['check', 'ops/serve.py', '--format', 'json'], { cwd: dir }).stdout) as { diagnostics: unknown[] }).diagnostics, []);
  fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.venvguard]\nselect = "VG101"\n');
  const bad = runCli(['check', '.'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /select must be a list of strings/);
  fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[tool.venvguard]\nselct = ["VG101"]\n');
  assert.match(runCli(['check', '.'], { cwd: dir }).stderr, /unknown setting \[tool\.venvguard\] selct/);
  // --no-config ignores the settings, broken ones too, even when they break the file's TOML: the
  // project is then unknown, and the run goes on.
  fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "demo"\n[tool.venvguard]\nselect = [\n');
  assert.equal(runCli(['check', '.'], { cwd: dir }).code, 2);
  const ignored = runCli(['check', 'ops/deploy.py', '--format', 'json', '--no-config'], { cwd: dir });
  assert.equal(ignored.code, 1);
  assert.deepEqual((JSON.parse(ignored.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code), ['VG101']);
});

test('.gitignore is respected unless --no-respect-gitignore', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'build'));
  fs.writeFileSync(path.join(dir, '.gitignore'), 'build/\n');
  fs.writeFileSync(path.join(dir, 'build/gen.py'), 'import os\nos.system("python train.py")\n');
  assert.equal(runCli(['check', dir]).code, 0);
  assert.equal(runCli(['check', dir, '--no-respect-gitignore']).code, 1);
});

test("a venv's files are not walked; a venv made in the project's own folder (`python3 -m venv .`) leaves the project's files walked (price_alert_bot: 0 files checked)", () => {
  const launch = 'import os\nos.system("python train.py")\n';
  const venv = (dir: string) => {
    fs.mkdirSync(path.join(dir, 'lib/python3.12/site-packages/dep'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pyvenv.cfg'), 'home = /usr/bin\n');
    fs.writeFileSync(path.join(dir, 'lib/python3.12/site-packages/dep/x.py'), launch);
    fs.writeFileSync(path.join(dir, 'bin/tool'), '#!/usr/bin/env python3\n' + launch);
    fs.writeFileSync(path.join(dir, 'bin/activate'), '# This file must be used with "source bin/activate"\nVIRTUAL_ENV=/srv/venv\n');
  };
  // A venv alone (with what pip and uv add at its top): nothing of it is the project's.
  const only = tempDir();
  venv(only);
  fs.mkdirSync(path.join(only, 'src/editable-dep'), { recursive: true });
  fs.writeFileSync(path.join(only, 'src/editable-dep/setup.py'), launch);
  fs.writeFileSync(path.join(only, '.gitignore'), '*\n');
  const alone = JSON.parse(runCli(['check', '.', '--format', 'json', '--no-respect-gitignore'], { cwd: only }).stdout) as { diagnostics: unknown[]; summary: { filesChecked: number } };
  assert.deepEqual([alone.diagnostics.length, alone.summary.filesChecked], [0, 0]);
  // Made in the project's folder: the project's own files are checked, the venv's folders are not.
  const inPlace = tempDir();
  venv(inPlace);
  fs.writeFileSync(path.join(inPlace, 'bot.py'), launch);
  fs.mkdirSync(path.join(inPlace, 'api'));
  fs.writeFileSync(path.join(inPlace, 'api/client.py'), launch);
  // A folder of a venv part's name that holds none of a venv's (`include/` of the project's code) is the project's.
  fs.mkdirSync(path.join(inPlace, 'include/helpers'), { recursive: true });
  fs.writeFileSync(path.join(inPlace, 'include/helpers/run.py'), launch);
  const r = JSON.parse(runCli(['check', '.', '--format', 'json'], { cwd: inPlace }).stdout) as { diagnostics: { path: string }[] };
  assert.deepEqual(r.diagnostics.map((d) => d.path).sort(), ['api/client.py', 'bot.py', 'include/helpers/run.py']);
});

test('console scripts of the project venv (entry_points.txt) and [project.scripts] are known', () => {
  const dir = tempDir();
  const sp = path.join(dir, '.venv/lib/python3.12/site-packages');
  fs.mkdirSync(path.join(sp, 'acme_tool-2.0.dist-info'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.venv/pyvenv.cfg'), 'home = /usr/bin\n');
  fs.writeFileSync(path.join(sp, 'acme_tool-2.0.dist-info/entry_points.txt'), '[console_scripts]\nacme = acme.cli:main\n');
  fs.mkdirSync(path.join(sp, 'acme'));
  fs.writeFileSync(path.join(sp, 'acme/__main__.py'), 'from acme.cli import main\n\nmain()\n');
  fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "x"\n[project.scripts]\nmine = "x.cli:main"\n');
  fs.writeFileSync(path.join(dir, 'run.py'), 'import subprocess\nsubprocess.run(["acme", "go"])\nsubprocess.run(["mine"])\n');
  const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
  const diags = (JSON.parse(r.stdout) as { diagnostics: { code: string; message: string; remedy: string }[] }).diagnostics.map((d) => ({ ...d, message: `${d.message}; ${d.remedy}` }));
  assert.equal(diags.length, 2, r.stdout);
  assert.match(diags[0].message, /"acme".*sys\.executable -m acme.*\.venv \(acme_tool 2\.0\)/);
  assert.match(diags[1].message, /"mine".*pyproject \[project\.scripts\]/);
});

test('SARIF from the CLI validates against the official schema', (t) => {
  const r = runCli(['check', 'examples/flask-worker', '--format', 'sarif']);
  assertValidSarif(t, r.stdout);
  const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; fixes?: unknown[]; partialFingerprints: Record<string, string> }[] }[] };
  const results = log.runs[0].results;
  assert.equal(results.length, 10);
  assert.ok(results.every((x) => Object.values(x.partialFingerprints)[0]?.length >= 16));
  assert.equal(new Set(results.map((x) => Object.values(x.partialFingerprints)[0])).size, results.length, 'fingerprints are distinct');
});

test('a declared dependency launched by name is a console script; known non-Python commands are not', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "x"\ndependencies = ["towncrier>=23", "docker"]\n[dependency-groups]\ndocs = ["zensical"]\n');
  fs.writeFileSync(path.join(dir, 'requirements-dev.txt'), '# tools\nNox_Poetry==1.0\n-r base.txt\n');
  fs.writeFileSync(path.join(dir, 'run.py'), 'import subprocess\nsubprocess.run(["zensical", "build"])\nsubprocess.run(["nox-poetry"])\nsubprocess.run(["docker", "ps"])\n');
  const r = runCli(['check', '.', '--format', 'json'], { cwd: dir });
  const diags = (JSON.parse(r.stdout) as { diagnostics: { start: { line: number }; remedy: string }[] }).diagnostics;
  assert.deepEqual(diags.map((d) => d.start.line), [2, 3], r.stdout);
  assert.match(diags[0].remedy, /known from a dependency in pyproject\.toml \[dependency-groups\] docs/);
  assert.match(diags[1].remedy, /known from a dependency in requirements-dev\.txt/);
});

test('golden: check examples/ci-mixed: every configuration format in one run, SARIF valid with exact regions', (t) => {
  const text = runCli(['check', 'examples/ci-mixed']);
  assert.equal(text.code, 1, text.stderr);
  golden('ci-mixed.concise.out', normalise(text.stdout));
  const full = runCli(['check', 'examples/ci-mixed', '--output-format', 'full']);
  golden('ci-mixed.full.out', normalise(full.stdout));
  const sarif = runCli(['check', 'examples/ci-mixed', '--format', 'sarif']);
  assert.equal(sarif.code, 1, sarif.stderr);
  assertValidSarif(t, sarif.stdout);
  golden('ci-mixed.sarif.out', normalise(sarif.stdout));
  const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
  const where = log.runs[0].results.map((r) => `${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}:${r.locations[0].physicalLocation.region.startColumn} ${r.ruleId}`);
  // One format per file, each at its command word.
  for (const expected of [
    'examples/ci-mixed/Dockerfile:15:7 VG201',
    'examples/ci-mixed/.github/workflows/ci.yml:20:14 VG201',
    'examples/ci-mixed/.gitlab-ci.yml:38:7 VG201',
    'examples/ci-mixed/Makefile:28:2 VG201',
    'examples/ci-mixed/scripts/bootstrap.sh:13:1 VG201',
    'examples/ci-mixed/deploy/app.service:12:11 VG201',
    'examples/ci-mixed/deploy/crontab:8:26 VG201',
    'examples/ci-mixed/deploy/supervisor/app.conf:11:9 VG201',
    'examples/ci-mixed/Procfile:4:10 VG201',
  ]) assert.ok(where.includes(expected), `${expected} in\n${where.join('\n')}`);
});

test('a configuration file over 2 MB is reported as too large for its front end, and the run goes on', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM python:3.12\n' + 'RUN pip install x && \\\n'.repeat(120_000) + 'true\n');
  fs.mkdirSync(path.join(dir, 'app'));
  fs.writeFileSync(path.join(dir, 'app/job.py'), 'import os\nos.system("python x.py")\n');
  const r = runCli(['check', '.', '--format', 'json', '--no-config'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { diagnostics: { path: string }[]; problems: { path: string; kind: string; message: string }[] };
  assert.deepEqual(report.diagnostics.map((d) => d.path), ['app/job.py']);
  assert.equal(report.problems.length, 1);
  assert.equal(report.problems[0].kind, 'too-large');
  assert.match(report.problems[0].message, /^2\.6 MB \(2760022 bytes\) is over the 2\.0 MB \(2097152 bytes\) that dockerfile files are analysed up to; skipped$/);
});

test('worker threads (used when much is left to analyse) give the same report as this thread alone', () => {
  // VG_PARALLEL_BYTES lowers the threshold so that the bundled example goes to the workers.
  const args = ['check', 'examples/flask-worker', '--format', 'json'];
  const alone = runCli([...args, '--jobs', '1']);
  const workers = runCli([...args, '--jobs', '2'], { env: { VG_PARALLEL_BYTES: '1' } });
  assert.equal(alone.code, 1, alone.stderr);
  assert.equal(workers.code, 1, workers.stderr);
  assert.equal(normalise(workers.stdout), normalise(alone.stdout));
  assert.ok((JSON.parse(alone.stdout) as { diagnostics: unknown[] }).diagnostics.length > 5);
});

test('--jobs is capped at the CPUs the process may use: --jobs 100000 gives the same report as --jobs 1', () => {
  assert.equal(threadsFor(100_000), os.availableParallelism());
  assert.equal(threadsFor(1), 1);
  assert.equal(threadsFor(undefined), os.availableParallelism());
  const args = ['check', 'examples/flask-worker', '--format', 'json'];
  const alone = runCli([...args, '--jobs', '1']);
  const many = runCli([...args, '--jobs', '100000'], { env: { VG_PARALLEL_BYTES: '1' } });
  assert.equal(many.code, 1, many.stderr);
  assert.equal(normalise(many.stdout), normalise(alone.stdout));
});

test('the version comes from the package.json above the bundle', () => {
  const r = runCli(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), PKG_VERSION);
});

// Issue 15: `.sh`/`.bash` say "a script", the shebang says which language (as the kernel runs it).
test('a .sh file whose shebang names Python is checked as Python, walked or named', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.writeFileSync(path.join(dir, 'scripts', 'tool.sh'), '#!/usr/bin/env python3\nimport os\nos.system("python x.py")\n');
  fs.writeFileSync(path.join(dir, 'scripts', 'run.bash'), '#!/usr/bin/env bash\npip install x\n');
  fs.writeFileSync(path.join(dir, 'scripts', 'plain.sh'), 'echo "python is here"\n');
  for (const args of [['.'], ['scripts/tool.sh', 'scripts/run.bash', 'scripts/plain.sh']]) {
    const r = runCli(['check', ...args, '--format', 'json', '--no-config', '--no-prefilter'], { cwd: dir });
    const report = JSON.parse(r.stdout) as { diagnostics: Array<{ path: string; code: string; start: { line: number; column: number } }>; problems: unknown[]; summary: { filesChecked: number } };
    assert.deepEqual(report.diagnostics.map((d) => [d.path, d.code, d.start.line, d.start.column]), [['scripts/tool.sh', 'VG101', 3, 12]], args.join(' '));
    assert.deepEqual(report.problems, []);
    assert.equal(report.summary.filesChecked, 3);
  }
});

// kitty's shell-integration/zsh/kitty-integration (a `#!/bin/zsh` script with zsh-only syntax) exited 3
// as "could not be checked": zsh is not the shell this checker models. Such a file is skipped; a zsh
// script that bash reads is checked, and the same syntax under a bash shebang is still an error.
test('zsh: a zsh script with syntax bash does not read is skipped, not a syntax error', () => {
  const dir = tempDir();
  const zshOnly = '#!/bin/zsh\nfunction () {\n  local self_dir="${${(%):-%x}:A:h}"\n  source "$self_dir/lib.zsh"\n}\n';
  fs.writeFileSync(path.join(dir, 'integration'), zshOnly);
  // Parses as bash: checked, its finding reported.
  fs.writeFileSync(path.join(dir, 'setup'), '#!/bin/zsh\npython3 -m venv .venv\npip install -r requirements.txt\n');
  const r = runCli(['check', '.', '--format', 'json', '--no-config', '--no-prefilter'], { cwd: dir });
  const report = JSON.parse(r.stdout) as { diagnostics: Array<{ path: string; code: string }>; problems: unknown[]; summary: { filesChecked: number; filesSkipped: number } };
  assert.deepEqual(report.problems, []);
  assert.deepEqual([...new Set(report.diagnostics.map((x) => x.path))], ['setup']);
  assert.equal(report.summary.filesSkipped, 1);
  assert.equal(r.code, 1);
  fs.writeFileSync(path.join(dir, 'integration'), zshOnly.replace('#!/bin/zsh', '#!/bin/bash'));
  assert.equal(runCli(['check', 'integration', '--no-config', '--no-prefilter'], { cwd: dir }).code, 3, 'the same text under a bash shebang is a syntax error');
});

// cookiecutter-django (issue 15): a file with Jinja statements is a template, not a file of its
// format; when the template syntax breaks its format's parse it is skipped, never "could not be
// checked" and never counted as checked. A template that parses is checked like any file.
test('templates: a Jinja-templated shell script or Dockerfile that does not parse is skipped, not a syntax error', () => {
  const dir = tempDir();
  const d = path.join(dir, '{{cookiecutter.project_slug}}', 'compose');
  fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(d, 'start'), "#!/bin/bash\nset -o errexit\npython manage.py migrate\n{%- if cookiecutter.use_async == 'y' %}\nexec uvicorn config.asgi:application\n{%- else %}\nexec python manage.py runserver_plus\n{%- endif %}\n");
  fs.writeFileSync(path.join(d, 'Dockerfile'), "FROM python:3.12\n{% if cookiecutter.use_whitenoise == 'n' -%}\nRUN python -m venv /venv\n{%- endif %}\nCMD [\"python\", \"app.py\"]\n");
  // Parses as a Makefile: checked, its finding reported.
  fs.writeFileSync(path.join(d, 'Makefile'), 'venv:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate\n\tpip install {{ cookiecutter.project_slug }}\n');
  const r = runCli(['check', '.', '--format', 'json', '--no-config', '--no-prefilter'], { cwd: dir });
  const report = JSON.parse(r.stdout) as { diagnostics: Array<{ path: string; code: string }>; problems: unknown[]; summary: { filesChecked: number; filesSkipped: number } };
  assert.deepEqual(report.problems, []);
  assert.deepEqual([...new Set(report.diagnostics.map((x) => x.path))], ['{{cookiecutter.project_slug}}/compose/Makefile']);
  assert.equal(report.summary.filesChecked, 1);
  assert.equal(report.summary.filesSkipped, 2);
  assert.equal(r.code, 1);
  // Without the template syntax the same script is shell with a syntax error: still reported.
  fs.writeFileSync(path.join(d, 'start'), '#!/bin/bash\nif then fi (\n');
  const broken = runCli(['check', path.join('{{cookiecutter.project_slug}}', 'compose', 'start'), '--format', 'json', '--no-config', '--no-prefilter'], { cwd: dir });
  assert.equal(broken.code, 3);
  // tutor's templates/dev/docker-compose.jobs.yml: Jinja expressions as YAML values (`image: {{ X }}`)
  // break the YAML, with no statement tag: a template too. A workflow's `${{ … }}` is no template.
  const t = path.join(dir, 'templates', 'dev');
  fs.mkdirSync(t, { recursive: true });
  fs.writeFileSync(path.join(t, 'docker-compose.jobs.yml'), 'x-job:\n  &job\n  image: {{ DOCKER_IMAGE_OPENEDX_DEV }}\n  environment:\n    PATH: /openedx/venv/bin:$PATH\nservices:\n  lms-job:\n    <<: *job\n    command: python manage.py migrate\n');
  const templated = runCli(['check', 'templates', '--format', 'json', '--no-config', '--no-prefilter'], { cwd: dir });
  assert.deepEqual((JSON.parse(templated.stdout) as { problems: unknown[] }).problems, []);
  assert.equal(templated.code, 0);
  fs.writeFileSync(path.join(t, 'docker-compose.jobs.yml'), 'services:\n  job:\n    image: ${{ x }\n    command: [\n');
  assert.equal(runCli(['check', 'templates', '--format', 'json', '--no-config', '--no-prefilter'], { cwd: dir }).code, 3);
});
