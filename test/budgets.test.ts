/**
 * Budgets for configuration files (issue 16): the cases a stress test broke, grown 1×, 4×, 16×
 * with the CPU time's slope asserted linear as a ratio within the test (the minimum of repeats of
 * process.cpuUsage, so a busy machine slows every size alike), and each bomb ending as one
 * `too-complex` problem that names its budget and limit while a canary escape in a later file is
 * still found.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { checkText } from '../src/api.js';
import { YAML_CONFIG_MAX_BYTES } from '../src/frontends/front-end.js';
import { BUDGETS, DOCKERFILE_RUN_CHARS, GITLAB_EXTENDS_DEPTH, SHELL_COMMANDS, SHELL_NESTING, SHELL_SCRIPT_FILE_CHARS, TooComplexError, YAML_EXPANDED_CHARS, type Budget } from '../src/kernel/budgets.js';
import { parsesDuring } from './parse-count.js';
import { parseShellWord } from '../src/frontends/shell/parse.js';
import { substitutionDepth } from '../src/frontends/shell/batch.js';
import { textWord, wordText } from '../src/kernel/word.js';
import type { JsonReport } from '../src/reporters/json.js';
import { CLI, repoRoot, tempDir } from './helpers.js';
import * as gen from './stress-inputs.js';

/** CPU milliseconds (user + system) of one check of `text`, the minimum of `repeats`. */
async function cpu(text: string, file: string, repeats: number): Promise<number> {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t0 = process.cpuUsage();
    const diagnostics = await checkText(text, { path: file });
    const t = process.cpuUsage(t0);
    assert.ok(diagnostics.length > 0, `${file}: the escape in the generated file is found`);
    best = Math.min(best, (t.user + t.system) / 1000);
  }
  return best;
}

/**
 * 1×, 4× and 16× the input: CPU time may grow at most 2.5 times faster than the input (a
 * quadratic path grows 16× and 256×). The 1× input is sized to take tens of milliseconds.
 */
async function assertLinear(t: { diagnostic(m: string): void }, name: string, file: string, make: (n: number) => string, n: number): Promise<void> {
  await checkText(make(n), { path: file }); // warm-up: parsers loaded, code compiled
  const t1 = await cpu(make(n), file, 3);
  const t4 = await cpu(make(4 * n), file, 2);
  const t16 = await cpu(make(16 * n), file, 1);
  const slope = `${name}: ${t1.toFixed(0)} ms at ${n}, ${t4.toFixed(0)} ms at ${4 * n}, ${t16.toFixed(0)} ms at ${16 * n}`;
  t.diagnostic(slope);
  assert.ok(t4 / t1 < 4 * 2.5, slope);
  assert.ok(t16 / t1 < 16 * 2.5, slope);
}

test('budgets slope: GitHub Actions steps whose run: is an alias (was quadratic: each alias walked the whole document)', async (t) => {
  await assertLinear(t, 'actions aliases', '.github/workflows/ci.yml', gen.actionsAliases, 150);
});

test('budgets slope: GitLab jobs built from merge keys and aliases', async (t) => {
  await assertLinear(t, 'gitlab aliases', '.gitlab-ci.yml', gen.gitlabAliases, 40);
});

test('budgets slope: GitLab extends: chains of 10 levels, grown in number (a linear chain once copied every level into the next: now over the 11 levels GitLab allows)', async (t) => {
  await assertLinear(t, 'gitlab extends', '.gitlab-ci.yml', gen.gitlabExtendsChains, 300);
});

test('budgets slope: a Dockerfile RUN of many continued lines, up to its budget', async (t) => {
  await assertLinear(t, 'dockerfile RUN', 'Dockerfile', gen.dockerfileRun, 200);
});

test('budgets slope: a shell script of many lines, up to its budget', async (t) => {
  await assertLinear(t, 'shell script', 'run.sh', gen.shellScript, 150);
});

test('budgets slope: a GitHub Actions script of many echo lines (was quadratic: each echo searched and copied the rest of the script)', async (t) => {
  await assertLinear(t, 'actions echo lines', '.github/workflows/ci.yml', gen.actionsEchoes, 400);
});

// ---------------------------------------------------------------------------------------------
// Bombs: one too-complex problem each, and the run goes on

interface Bomb {
  file: string;
  text: string;
  budget: Budget;
}

const BOMBS: Bomb[] = [
  // 348 bytes that named 9^7 script lines: 4.6 GB and an abort after 81 s.
  { file: 'laughs/.gitlab-ci.yml', text: gen.gitlabLaughs(7, 9), budget: YAML_EXPANDED_CHARS },
  // One 60 KB anchored script run by 20 more steps: 1.2 MB of shell text from a 60 KB file.
  { file: 'runbomb/.github/workflows/ci.yml', text: gen.actionsRunBomb(20, 60_000), budget: YAML_EXPANDED_CHARS },
  // A linear extends: chain (5,000 jobs took 58 s and 2.8 GB); GitLab itself stops at 11 levels.
  { file: 'extends/.gitlab-ci.yml', text: gen.gitlabExtendsChain(200), budget: GITLAB_EXTENDS_DEPTH },
  // A 2 MB RUN (under the 2 MB file cap): 16–35 s and 2.2 GB.
  { file: 'docker/Dockerfile', text: gen.dockerfileRun(40_000), budget: DOCKERFILE_RUN_CHARS },
  // A 1 MB shell script: 6 s and 480 MB.
  { file: 'script/run.sh', text: gen.shellScript(17_000), budget: SHELL_SCRIPT_FILE_CHARS },
  { file: 'nesting/nest.sh', text: gen.shellNesting(SHELL_NESTING.limit + 200), budget: SHELL_NESTING },
  // Nested `$(` are counted before the parse: 80,000 of them peaked at 302–319 MiB in tree-sitter.
  { file: 'nesting/subst.sh', text: `#!/bin/sh\necho ${'$('.repeat(SHELL_NESTING.limit + 200)}pip install a${')'.repeat(SHELL_NESTING.limit + 200)}\n`, budget: SHELL_NESTING },
  { file: 'commands/many.sh', text: gen.shellCommands(SHELL_COMMANDS.limit + 500), budget: SHELL_COMMANDS },
];

/**
 * Within every budget: one 150,000-character line before the escape. `push(...chars)` of such a
 * line overflowed the stack (an internal error for Actions and GitLab, too-deep for a Dockerfile).
 */
const LONG = `echo ${'x'.repeat(150_000)}`;
const LONG_LINES = [
  { file: 'long/.github/workflows/ci.yml', text: `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          ${LONG}\n          ${gen.ESCAPE}\n` },
  { file: 'long/.gitlab-ci.yml', text: `job:\n  script:\n    - |\n      ${LONG}\n      ${gen.ESCAPE}\n` },
  { file: 'long/Dockerfile', text: `FROM python:3.12\nRUN ${LONG} \\\n && ${gen.ESCAPE}\n` },
  { file: 'long/Makefile', text: `t:\n\t${LONG} \\\n\t&& ${gen.ESCAPE}\n` },
];

const root = tempDir('venvguard-budgets-');
after(() => fs.rmSync(root, { recursive: true, force: true }));

test('budgets bombs: each file over a budget is one too-complex problem naming the budget and its limit; a later canary is still found', () => {
  // YAML over 512 KiB: the YAML library alone peaked at ~250 MB on 1.9 MB.
  const bigYaml = gen.gitlabExtendsChains(10_000);
  assert.ok(bigYaml.length > YAML_CONFIG_MAX_BYTES && bigYaml.length < 2 * 1024 * 1024, String(bigYaml.length));
  fs.mkdirSync(path.join(root, 'bigyaml'));
  fs.writeFileSync(path.join(root, 'bigyaml/.gitlab-ci.yml'), bigYaml);
  for (const b of [...BOMBS, ...LONG_LINES]) {
    fs.mkdirSync(path.join(root, path.dirname(b.file)), { recursive: true });
    fs.writeFileSync(path.join(root, b.file), b.text);
  }
  // Sorted after every bomb's folder.
  fs.mkdirSync(path.join(root, 'zz'));
  fs.writeFileSync(path.join(root, 'zz/canary.sh'), '#!/bin/sh\npython3 -m venv .venv && pip install canary\n');
  const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--no-config'], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '' } });
  assert.equal(r.signal, null, `killed (${r.signal}):\n${r.stderr}`);
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(
    report.problems.filter((p) => p.path === 'bigyaml/.gitlab-ci.yml').map((p) => [p.kind, /is over the 524288 bytes that gitlab-ci files are analysed up to/.test(p.message)]),
    [['too-large', true]],
  );
  for (const f of LONG_LINES) {
    assert.deepEqual(report.problems.filter((p) => p.path === f.file), [], f.file);
    assert.ok(report.diagnostics.some((d) => d.path === f.file && /pip/.test(d.message)), `${f.file}: the escape after the long line is found`);
  }
  for (const b of BOMBS) {
    const problems = report.problems.filter((p) => p.path === b.file);
    assert.equal(problems.length, 1, `${b.file}: ${JSON.stringify(problems)}`);
    assert.equal(problems[0].kind, 'too-complex', `${b.file}: ${problems[0].message}`);
    assert.equal(problems[0].partial, false);
    assert.ok(problems[0].message.includes(`(${b.budget.name})`) && problems[0].message.includes(b.budget.limit.toLocaleString('en-US')), `${b.file}: ${problems[0].message}`);
    assert.equal(report.diagnostics.filter((d) => d.path === b.file).length, 0, `${b.file}: not analysed, so no findings`);
  }
  assert.ok(report.diagnostics.some((d) => d.path === 'zz/canary.sh' && /pip/.test(d.message)), 'the canary escape after the bombs is found');
  // A file not completely checked: never "all passed".
  assert.equal(r.status, 1);
});

test('budgets: each is named once, with a positive limit', () => {
  assert.equal(new Set(BUDGETS.map((b) => b.name)).size, BUDGETS.length);
  for (const b of BUDGETS) assert.ok(Number.isInteger(b.limit) && b.limit > 0, b.name);
});

test('budgets: the README table lists every budget with its limit', () => {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const rows = new Map([...readme.matchAll(/^\| `([a-z-]+)` \| ([\d,]+) \|/gm)].map((m) => [m[1], Number(m[2].replace(/,/g, ''))]));
  for (const b of BUDGETS) assert.equal(rows.get(b.name), b.limit, b.name);
  assert.equal([...rows.keys()].filter((k) => BUDGETS.some((b) => b.name === k)).length, BUDGETS.length);
});

test('budgets: nested command substitutions over shell-nesting-depth are refused before tree-sitter parses them; at the limit they are parsed', async () => {
  const nested = (n: number) => textWord(`echo ${'$('.repeat(n)}pip install a${')'.repeat(n)}\n`, 0);
  const over = await parsesDuring(() => assert.throws(() => parseShellWord(nested(SHELL_NESTING.limit + 1)), (e: unknown) => e instanceof TooComplexError && e.budget === SHELL_NESTING));
  assert.equal(over.parses, 0);
  // A `)` closes one whatever opened it: case items and subshells never make a script deeper.
  assert.equal(substitutionDepth('case $a in x) y ;; esac; $( (a) )'), 1);
  assert.equal(substitutionDepth('$($(a) $(b $(c)))'), 3);
  const { parses, result: r } = await parsesDuring(() => parseShellWord(nested(200)));
  assert.equal(parses, 1);
  assert.ok(r.commands.some((c) => c.words.map((w) => wordText(w)).join(' ') === 'pip install a'));
});
