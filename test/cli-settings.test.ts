/**
 * The first ten minutes (issue 10): settings honoured and validated with the file, key, line and
 * column named; usage errors on one line with a hint and exit 2; help showing real defaults; the
 * summary forms. Each case runs the built CLI as a user would.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, tempDir } from './helpers.js';

/** A project folder with a pyproject.toml holding `toml`, one escape in job.py and one in build/gen.py (gitignored). */
function project(toml: string): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'pyproject.toml'), toml);
  fs.writeFileSync(path.join(dir, 'job.py'), 'import os\nos.system("python train.py")\n');
  fs.mkdirSync(path.join(dir, 'build'));
  fs.writeFileSync(path.join(dir, 'build/gen.py'), 'import os\nos.system("pip install x")\n');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'build/\n');
  return dir;
}

const codes = (stdout: string) => (JSON.parse(stdout) as { diagnostics: { path: string; code: string }[] }).diagnostics.map((d) => `${d.path} ${d.code}`);

test('respect-gitignore = false in the settings holds from the CLI; a flag given wins either way', () => {
  const off = project('[tool.venvguard]\nrespect-gitignore = false\n');
  assert.deepEqual(codes(runCli(['check', '--output-format', 'json'], { cwd: off }).stdout), ['build/gen.py VG102', 'job.py VG101']);
  assert.deepEqual(codes(runCli(['check', '--output-format', 'json', '--respect-gitignore'], { cwd: off }).stdout), ['job.py VG101']);
  const on = project('[tool.venvguard]\nrespect-gitignore = true\n');
  assert.deepEqual(codes(runCli(['check', '--output-format', 'json'], { cwd: on }).stdout), ['job.py VG101']);
  assert.deepEqual(codes(runCli(['check', '--output-format', 'json', '--no-respect-gitignore'], { cwd: on }).stdout), ['build/gen.py VG102', 'job.py VG101']);
});

test('max-file-size from the settings holds unless --max-file-size is given', () => {
  const dir = project('[tool.venvguard]\nmax-file-size = 10\n');
  const r = runCli(['check', 'job.py', '--output-format', 'json'], { cwd: dir });
  assert.equal(r.code, 3, r.stderr);
  assert.equal(runCli(['check', 'job.py', '--max-file-size', '100000'], { cwd: dir }).code, 1);
});

/** Each bad setting: the one-line error on stderr (file, key, what is wrong), exit 2, nothing on stdout. */
const BAD_SETTINGS: [string, string, RegExp][] = [
  ['a string where a boolean goes', '[tool.venvguard]\nrespect-gitignore = "no"\n', /^venvguard: error: \S*pyproject\.toml: \[tool\.venvguard\] respect-gitignore must be true or false, not the string "no"\n$/],
  ['an unknown key, with the closest one', '[tool.venvguard]\nrespect_gitignore = false\n', /^venvguard: error: \S*pyproject\.toml: unknown setting \[tool\.venvguard\] respect_gitignore; did you mean "respect-gitignore"\?\n$/],
  ['an unknown key with nothing close', '[tool.venvguard]\ncolour = "red"\n', /^venvguard: error: \S*pyproject\.toml: unknown setting \[tool\.venvguard\] colour\n$/],
  ['a list with a number in it', '[tool.venvguard]\nignore = ["VG101", 3]\n', /pyproject\.toml: \[tool\.venvguard\] ignore must be a list of strings; item 2 is the number 3\n$/],
  ['a string where a list goes', '[tool.venvguard]\nselect = "VG1"\n', /pyproject\.toml: \[tool\.venvguard\] select must be a list of strings, not the string "VG1"\n$/],
  ['an unknown rule, with the closest one', '[tool.venvguard]\nignore = ["bare-pipp"]\n', /pyproject\.toml: \[tool\.venvguard\] ignore: unknown rule "bare-pipp"; did you mean "bare-pip"\? \(`venvguard rules` lists them\)\n$/],
  ['an unknown rule in per-file-ignores', '[tool.venvguard]\nper-file-ignores = { "t/*.py" = ["VG901"] }\n', /\[tool\.venvguard\] per-file-ignores\."t\/\*\.py": unknown rule "VG901"/],
  ['a negative size', '[tool.venvguard]\nmax-file-size = -1\n', /\[tool\.venvguard\] max-file-size must be a positive whole number of bytes, not the number -1\n$/],
  ['an output format that does not exist', '[tool.venvguard]\noutput-format = "ful"\n', /\[tool\.venvguard\] output-format must be one of "concise", "full", "json", "sarif", "github", not the string "ful"; did you mean "full"\?\n$/],
  ['a table that is not one', '[tool]\nvenvguard = 3\n', /pyproject\.toml: \[tool\.venvguard\] must be a table, not the number 3\n$/],
  ['console-scripts of the wrong type', '[tool.venvguard]\nconsole-scripts = 3\n', /\[tool\.venvguard\] console-scripts must be a list of names or a table of name = "module", not the number 3\n$/],
  ['TOML syntax: line and column', '[project]\nname = "x"\n\n[tool.venvguard]\nselect = ["VG1",\nignore = 3\n', /^venvguard: error: \S*pyproject\.toml:6:\d+: invalid TOML: .+\n$/],
];

for (const [what, toml, expected] of BAD_SETTINGS) {
  test(`settings: ${what} is a configuration error naming the file and key (exit 2)`, () => {
    const r = runCli(['check'], { cwd: project(toml) });
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, expected);
    assert.equal(r.stderr.split('\n').length, 2, 'one line');
  });
}

test('every documented key is accepted with a valid value', () => {
  const toml = `[tool.venvguard]
select = ["VG1", "venv-not-on-path", "ALL"]
ignore = ["VG105"]
extend-exclude = ["vendor/"]
exclude = [".git"]
per-file-ignores = { "tests/*.py" = ["VG103"] }
console-scripts = { mytool = "mytool.cli" }
respect-gitignore = true
max-file-size = 10485760
output-format = "concise"
`;
  const r = runCli(['check'], { cwd: project(toml) });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, '');
});

/** Usage errors: one line on stderr that names the problem and where to look, exit 2, nothing on stdout. */
const USAGE: [string[], RegExp][] = [
  [['check', '--format', 'xml'], /^venvguard: error: option '--format <format>' argument 'xml' is invalid\. Allowed choices are .+ \(see `venvguard check --help`\)\n$/],
  [['check', '--output-format', 'xml'], /^venvguard: error: option '--output-format <format>' argument 'xml' is invalid\. Allowed choices are concise, full, json, sarif, github\. \(see `venvguard check --help`\)\n$/],
  [['check', '--jobs', 'abc'], /^venvguard: error: option '--jobs <n>' argument 'abc' is invalid\. expected a positive integer \(see `venvguard check --help`\)\n$/],
  [['check', '--fixx'], /^venvguard: error: unknown option '--fixx' \(Did you mean --fix\?\) \(see `venvguard check --help`\)\n$/],
  [['chek'], /^venvguard: error: unknown command 'chek' \(Did you mean check\?\) \(see `venvguard --help`\)\n$/],
  [['doctor', '--format', 'yaml'], /^venvguard: error: option '--format <format>' argument 'yaml' is invalid\. .*\(see `venvguard doctor --help`\)\n$/],
  [['explain'], /^venvguard: error: missing required argument 'code' \(see `venvguard explain --help`\)\n$/],
  [['check', '--select', 'VG9'], /^venvguard: error: unknown rule 'VG9'.*\(see `venvguard rules`\)\n$/],
  [['check', '--ignore', 'bare-pipp'], /^venvguard: error: unknown rule 'bare-pipp'; did you mean "bare-pip"\? \(see `venvguard rules`\)\n$/],
  [['check', 'no/such/path'], /^venvguard: error: no\/such\/path: no such file or folder \(see `venvguard check --help`\)\n$/],
];

for (const [args, expected] of USAGE) {
  test(`usage error: venvguard ${args.join(' ')}`, () => {
    const r = runCli(args);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, expected);
  });
}

test('bare venvguard prints a short usage on stderr and exits 2; --help exits 0', () => {
  const r = runCli([]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^Usage: venvguard <command> \[options\]\n/);
  assert.ok(r.stderr.split('\n').length < 12, 'short');
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Commands:/);
});

test('check --help shows real defaults, never "(default: [])"', () => {
  const help = runCli(['check', '--help']).stdout;
  assert.doesNotMatch(help, /default: \[\]/);
  assert.match(help, /paths\s+files or folders to check \(default: the current\s+folder\)/);
  assert.match(help, /--jobs <n>[\s\S]*?\d+ here\)/);
  assert.match(help, /--output-format <format>[\s\S]*?default: concise/);
  assert.match(help, /--color <when>[\s\S]*?default: "auto"\)/);
});

test('summaries: every form says what was checked, and never "All checks passed!" beside a problem', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'clean.py'), 'print("hello")\n');
  assert.equal(runCli(['check'], { cwd: dir }).stdout, 'All checks passed! (1 file checked by a fast scan that found nothing to analyse)\n');
  fs.writeFileSync(path.join(dir, 'ok.py'), 'import os\nos.system("python -V")  # venvguard: ignore[VG101]\n');
  assert.equal(runCli(['check'], { cwd: dir }).stdout, 'All checks passed! (2 files checked, 1 of them by a fast scan that found nothing to analyse)\n');
  assert.equal(runCli(['check', '--no-prefilter'], { cwd: dir }).stdout, 'All checks passed! (2 files checked)\n');
  fs.writeFileSync(path.join(dir, 'broken.sh'), '#!/bin/sh\nif then fi (\n');
  const partial = runCli(['check', '--no-prefilter'], { cwd: dir });
  assert.equal(partial.code, 3);
  assert.match(partial.stdout, /\nNo problems found \(3 files checked\), but 1 file could not be checked completely \(see the warnings above\)\.\n$/);
  fs.writeFileSync(path.join(dir, 'job.py'), 'import os\nos.system("python train.py")\n');
  const found = runCli(['check', '--no-prefilter'], { cwd: dir });
  assert.equal(found.code, 1);
  assert.match(found.stdout, /\nFound 1 problem \(1 fixable with --fix\); 4 files checked\.\n1 file could not be checked completely \(see the warnings above\)\.\n$/);
});

test("a pyproject.toml that is not valid TOML and holds no [tool.venvguard] (another tool's template) does not end the run; one that holds it does", () => {
  const dir = project('[project]\nname = "x"\n');
  // crewai's templates/crew/pyproject.toml: Jinja placeholders as keys.
  fs.mkdirSync(path.join(dir, 'templates/crew'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'templates/crew/pyproject.toml'), '[project]\nname = "{{folder_name}}"\n\n[project.scripts]\n{{folder_name}} = "{{folder_name}}.main:run"\n');
  fs.writeFileSync(path.join(dir, 'templates/crew/main.py'), 'import os\nos.system("pip install x")\n');
  const r = runCli(['check', '--output-format', 'json'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(codes(r.stdout), ['job.py VG101', 'templates/crew/main.py VG102']);
  // The same file with a [tool.venvguard] table: its settings cannot be read, which is an error.
  fs.writeFileSync(path.join(dir, 'templates/crew/pyproject.toml'), '[tool.venvguard]\nselect = ["VG1",\n{{x}} = 1\n');
  const bad = runCli(['check', '--output-format', 'json'], { cwd: dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^venvguard: error: \S*templates\/crew\/pyproject\.toml:\d+:\d+: invalid TOML: .+\n$/);
});
