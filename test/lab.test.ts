/**
 * `venvguard lab`, for real: venvs made by two interpreter versions found on this machine (the
 * system's python3, pyenv's), the Python rules' examples run by path, activated and under cron's
 * PATH; configuration labs with dash, bash and make; a claim that does not hold; and bad input —
 * an unknown code, a --python that is not an interpreter, one without ensurepip — with no
 * temporary venv left behind. The pages' recorded outputs (docs/lab/transcripts.json) are compared
 * with the fresh runs of the same interpreters. `lab --all` is scripts/lab-all.slow.test.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { discoverInterpreters } from '../src/env/interpreters.js';
import { runLabs } from '../src/lab/lab.js';
import { recordedTranscripts } from '../src/lab/page.js';
import type { LabRun, LabTranscript } from '../src/lab/transcript.js';
import { RULES, ruleByCodeOrName } from '../src/rules/index.js';
import { CLI, repoRoot, tempDir } from './helpers.js';

/** The CLI with TMPDIR set to a fresh folder, so that what the lab leaves behind can be seen. */
function lab(args: string[]) {
  const tmp = tempDir('venvguard-lab-tmp-');
  const r = spawnSync(process.execPath, [CLI, 'lab', ...args], { encoding: 'utf8', env: { ...process.env, TMPDIR: tmp, NO_COLOR: '1' } });
  const left = fs.readdirSync(tmp);
  fs.rmSync(tmp, { recursive: true, force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, left };
}

/** Two interpreters of different minor versions, as the lab itself discovers them. */
const two = discoverInterpreters(3).slice(0, 2);

const skippedMachines: string[] = [];

/** Every recorded run that has a fresh twin (same rule, example, situation, interpreter) must match it. */
function compareWithRecorded(fresh: LabTranscript[]): number {
  const recorded = recordedTranscripts(repoRoot);
  let compared = 0;
  for (const t of fresh) {
    const old: LabTranscript | undefined = recorded.find((r) => r.code === t.code);
    assert.ok(old, `${t.code} has no recorded transcript: run npm run docs`);
    // Recorded where the examples' programs were found elsewhere (or not at all): another machine's outputs.
    if (JSON.stringify(old.found ?? {}) !== JSON.stringify(t.found ?? {})) {
      skippedMachines.push(`${t.code}: recorded with ${JSON.stringify(old.found)}, here ${JSON.stringify(t.found)}`);
      continue;
    }
    for (const run of t.runs) {
      const twin: LabRun | undefined = old.runs.find((r) => r.example === run.example && r.situation === run.situation && r.interpreter === run.interpreter);
      if (!twin) continue;
      compared++;
      assert.equal(run.command, twin.command, `${t.code} ${run.example}, ${run.situation}, ${run.interpreter}: command`);
      assert.equal(run.output, twin.output, `${t.code} ${run.example}, ${run.situation}, ${run.interpreter}: the page's output is stale (npm run docs)`);
      assert.equal(run.exitCode, twin.exitCode);
    }
  }
  return compared;
}

test('Python labs on two interpreter versions: every run agrees with its page, and with the output the page recorded', { skip: two.length < 2 && 'fewer than two Python 3 versions on this machine' }, (t) => {
  const codes = RULES.filter((r) => r.judges === 'python').map((r) => r.code);
  const r = lab([...codes, ...two.flatMap((i) => ['--python', i.path]), '--format', 'json']);
  assert.equal(r.code, 0, r.stderr + r.stdout.slice(0, 4000));
  assert.deepEqual(r.left, [], 'the temporary venvs are removed');
  const ts = JSON.parse(r.stdout) as LabTranscript[];
  assert.deepEqual(ts.map((t) => t.code), codes);
  for (const t of ts) {
    assert.equal(t.ok, true, t.code);
    assert.deepEqual(t.interpreters.map((i) => i.version), two.map((i) => i.version));
    // three situations × two examples × two interpreters, each with a claim and an exit status
    assert.equal(t.runs.length, 12, t.code);
    for (const run of t.runs) {
      assert.ok(run.agrees && run.claim.length > 10 && typeof run.exitCode === 'number', JSON.stringify(run));
      assert.ok(!run.output.includes(tempDirRoot()), 'outputs name the lab folder $LAB, not the temporary path');
    }
    assert.deepEqual(new Set(t.runs.map((x) => x.situation)).size, 3);
  }
  // The classic claim and its refinement, as measured: by path the child escapes, activated it does not.
  const vg101 = ts.find((t) => t.code === 'VG101')!;
  const broken = (s: string) => vg101.runs.filter((x) => x.example === 'broken' && x.situation.startsWith(s));
  for (const x of broken('by the venv')) assert.match(x.output, /^child: \/(?!.*\$LAB)/m);
  for (const x of broken('in an activated')) assert.match(x.output, /^child: \$LAB\/venv$/m);
  const compared = compareWithRecorded(ts);
  for (const s of skippedMachines) t.diagnostic(`not compared (another machine's programs): ${s}`);
  const comparable = codes.length - skippedMachines.length;
  assert.ok(comparable >= codes.length / 2, `most labs were recorded with other programs installed: record with npm run docs on this machine (${skippedMachines.join('; ')})`);
  assert.ok(compared >= 6 * comparable, `only ${compared} runs matched a recorded one: record with npm run docs on this machine`);
});

const tempDirRoot = () => path.join(fs.realpathSync(tempDir('x-')), '..');

test('configuration labs: dash, bash and make run the scripts, each RUN line its own sh -c, each Actions step its own bash', () => {
  const r = lab(['VG202', 'VG203', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr + r.stdout.slice(0, 4000));
  assert.deepEqual(r.left, []);
  const [vg202, vg203] = JSON.parse(r.stdout) as LabTranscript[];
  const run = (t: LabTranscript, example: string, situation: string) => t.runs.find((x) => x.example === example && x.situation === situation)!;
  // dash has no `source`; bash does: the same script escapes under sh only.
  assert.match(run(vg203, 'broken', 'sh (dash)').output, /source: not found/);
  assert.match(run(vg203, 'broken', 'sh (dash)').output, /^prefix: \/usr/m);
  assert.match(run(vg203, 'broken', 'bash').output, /^prefix: \$LAB\/venv$/m);
  assert.equal(run(vg203, 'broken', 'RUN lines, each its own sh -c').exitCode, 127);
  // make runs each recipe line in its own shell: the activation is gone on the next line.
  assert.match(run(vg202, 'broken', 'make').output, /externally-managed-environment/);
  assert.match(run(vg202, 'fixed', 'make').output, /^prefix: \$LAB\/venv$/m);
  assert.match(run(vg202, 'fixed', 'RUN lines, each its own sh -c').command, /\$LAB\/opt\/venv/);
  // Actions steps: an activation dies with its step; $GITHUB_PATH carries the venv to the next.
  assert.match(run(vg202, 'broken', 'Actions steps, each its own bash -e').output, /^prefix: \/usr/m);
  assert.match(run(vg202, 'fixed', 'Actions steps, each its own bash -e').output, /^prefix: \$LAB\/venv$/m);
});

test('a claim the output disproves: the lab says which claim failed and what the output was', async () => {
  const rule = ruleByCodeOrName('VG104')!;
  const wrong = { ...rule, docs: { ...rule.docs, lab: { venv: 'venv', cases: [{ example: 'broken' as const, situation: 'activated' as const, claim: { where: [{ line: 'child:', is: 'venv' as const }] } }] } } };
  const [t] = await runLabs([wrong], { pythons: [two[0]?.path ?? 'python3'] });
  assert.equal(t.ok, false);
  assert.equal(t.runs[0].agrees, false);
  assert.match(t.runs[0].claim, /`child:` names a path inside the venv — disagrees: `child:` names \/usr, outside the venv/);
});

test('bad input: an unknown code, a --python that is not an interpreter — exit 2, a clear message, nothing left behind', () => {
  const unknown = lab(['VG999']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^venvguard: error: unknown rule 'VG999'/);
  const notPython = lab(['VG101', '--python', process.execPath]);
  assert.equal(notPython.code, 2);
  assert.match(notPython.stderr, /not a Python interpreter/);
  const missing = lab(['VG101', '--python', '/nonexistent/python3']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /\/nonexistent\/python3: no such file/);
  assert.deepEqual([...unknown.left, ...notPython.left, ...missing.left], []);
  const none = lab([]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /missing rule code/);
});

test('an interpreter without ensurepip (as Debian without python3-venv): exit 2, the reason, no venv left behind', { skip: !two.length && 'no Python 3' }, () => {
  // A real interpreter whose standard library lacks ensurepip: its binary copied, its stdlib linked entry by entry.
  const dir = tempDir('venvguard-noensurepip-');
  try {
    const q = spawnSync(two[0].path, ['-c', 'import os, sys, sysconfig; print(os.path.realpath(sys.executable)); print(sysconfig.get_path("stdlib"))'], { encoding: 'utf8' });
    const [exe, stdlib] = q.stdout.trim().split('\n');
    const lib = path.join(dir, 'lib', path.basename(stdlib));
    fs.mkdirSync(path.join(dir, 'bin'), { recursive: true });
    fs.mkdirSync(lib, { recursive: true });
    fs.copyFileSync(exe, path.join(dir, 'bin', 'python3'));
    fs.chmodSync(path.join(dir, 'bin', 'python3'), 0o755);
    for (const e of fs.readdirSync(stdlib)) if (e !== 'ensurepip') fs.symlinkSync(path.join(stdlib, e), path.join(lib, e));
    const python = path.join(dir, 'bin', 'python3');
    assert.equal(spawnSync(python, ['-c', 'import ensurepip'], { encoding: 'utf8' }).status, 1, 'the copy has no ensurepip');
    const r = lab(['VG101', '--python', python]);
    assert.equal(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /cannot create a venv \(its ensurepip is missing or failed: on Debian, install python3-venv\)/);
    assert.deepEqual(r.left, [], 'the half-made venv is removed');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
