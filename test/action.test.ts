/**
 * The GitHub Action (action.yml → action/index.js): the committed bundle is current with the
 * sources, and its entry point, run with the variables the runner sets, writes annotations, a
 * valid SARIF file, step outputs and a job summary, with the documented exit codes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot, tempDir } from './helpers.js';
import { assertValidSarif } from './sarif-schema.js';
import { words } from '../src/action/main.js';

const BUNDLED = ['index.js', 'run.js', 'worker.js'];

test('the committed action bundle is the one the sources build (run `npm run action` after a change)', () => {
  for (const f of BUNDLED) {
    const built = fs.readFileSync(path.join(repoRoot, 'dist/action', f), 'utf8');
    const committed = fs.readFileSync(path.join(repoRoot, 'action', f), 'utf8');
    assert.ok(built === committed, `action/${f} is stale: run \`npm run action\` and commit it`);
  }
});

test('action.yml runs the bundled entry on node, with the inputs the entry reads', () => {
  const meta = parse(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8'));
  assert.match(meta.runs.using, /^node\d+$/);
  assert.equal(meta.runs.main, 'action/index.js');
  assert.deepEqual(Object.keys(meta.inputs).sort(), ['args', 'fail-on-findings', 'paths', 'sarif']);
  assert.deepEqual(Object.keys(meta.outputs).sort(), ['findings', 'sarif']);
});

/** Run the committed entry point as the runner does: inputs as INPUT_*, the workspace as cwd. */
function runAction(workspace: string, inputs: Record<string, string>) {
  const scratch = tempDir('venvguard-action-');
  const output = path.join(scratch, 'output');
  const summary = path.join(scratch, 'summary.md');
  fs.writeFileSync(output, '');
  fs.writeFileSync(summary, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'action/index.js')], { cwd: workspace, env, encoding: 'utf8' });
  const result = { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs: fs.readFileSync(output, 'utf8'), summary: fs.readFileSync(summary, 'utf8') };
  fs.rmSync(scratch, { recursive: true, force: true });
  return result;
}

function copyExample(name: string): string {
  const dir = tempDir('venvguard-action-ws-');
  fs.cpSync(path.join(repoRoot, 'examples', name), dir, { recursive: true });
  return dir;
}

test('on the bundled CI example: annotations, a valid SARIF file, outputs, a summary, exit 1', (t) => {
  const ws = copyExample('ci-mixed');
  const r = runAction(ws, { paths: '.', 'fail-on-findings': 'true', sarif: 'reports/venvguard.sarif', args: '' });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::error ') || l.startsWith('::warning '));
  assert.equal(annotations.length, 12, r.stdout);
  assert.match(r.stdout, /^::(error|warning) file=scripts\/bootstrap\.sh,line=13,/m);
  const sarifFile = path.join(ws, 'reports/venvguard.sarif');
  const sarif = fs.readFileSync(sarifFile, 'utf8');
  assertValidSarif(t, sarif);
  assert.equal(JSON.parse(sarif).runs[0].results.length, 12);
  assert.equal(r.outputs, `sarif=${sarifFile}\nfindings=12\n`);
  assert.match(r.summary, /^## venvguard\n\n12 findings in 9 files checked\.\n/);
  assert.match(r.summary, /\| `scripts\/bootstrap\.sh:13` \| VG201 `venv-not-on-path` \|/);
  fs.rmSync(ws, { recursive: true, force: true });
});

test('fail-on-findings false keeps the step green; args select rules; sarif none writes no file', () => {
  const ws = copyExample('ci-mixed');
  const r = runAction(ws, { paths: '.', 'fail-on-findings': 'false', sarif: 'none', args: '--select VG1 --extend-exclude "scripts/"' });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /VG2\d\d|scripts\//);
  assert.ok(!fs.existsSync(path.join(ws, 'venvguard.sarif')));
  assert.doesNotMatch(r.outputs, /^sarif=/m);
  fs.rmSync(ws, { recursive: true, force: true });
});

test('a clean workspace passes; bad input is one ::error line and exit 2', () => {
  const ws = tempDir('venvguard-action-clean-');
  fs.writeFileSync(path.join(ws, 'app.py'), 'import subprocess, sys\nsubprocess.run([sys.executable, "-m", "pip", "--version"])\n');
  const clean = runAction(ws, {});
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  assert.match(clean.summary, /No venv escapes found in 1 file\./);
  const badFlag = runAction(ws, { args: '--fix' });
  assert.equal(badFlag.code, 2);
  assert.match(badFlag.stdout, /^::error title=venvguard::Unknown option '--fix'/m);
  const badPath = runAction(ws, { paths: 'nowhere' });
  assert.equal(badPath.code, 2);
  assert.match(badPath.stdout, /^::error title=venvguard::paths: nowhere: no such file or folder/m);
  fs.rmSync(ws, { recursive: true, force: true });
});

test('inputs are split into words as a shell would, quotes kept together', () => {
  assert.deepEqual(words(`--select VG1 --extend-exclude "a b/" 'c d' e"f g"`), ['--select', 'VG1', '--extend-exclude', 'a b/', 'c d', 'ef g']);
  assert.deepEqual(words('   '), []);
});
