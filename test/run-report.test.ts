/**
 * `venvguard run`'s reports from a judged trace (records shaped as the tracer writes them, judged
 * against a real venv): the terminal text puts escapes first with their call site and PATH entry,
 * then the tree; the SARIF is valid 2.1.0 with VG101/VG102 and the stack; the HTML page is one
 * self-contained file (no script, nothing fetched) with the tree and each escape's stack.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { judgeRecords, RULES, type ProcessRecord, type SpawnRecord, type TraceJudgement } from '../src/api.js';
import { renderRunJson, renderRunSarif, renderRunText, type RunReport } from '../src/env/trace/report.js';
import { renderRunHtml } from '../src/env/trace/report-html.js';
import { python3, tempDir } from './helpers.js';
import { assertValidSarif } from './sarif-schema.js';

const base = python3();
const root = fs.realpathSync(tempDir('venvguard-run-report-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));
const app = path.join(root, 'app');
const venv = path.join(app, 'venv');
const sysbin = path.join(root, 'sys-bin');
const skip = base ? false : 'no python3 to make a venv with';

let once: Promise<TraceJudgement> | undefined;
const judged = () => (once ??= judgeOnce());

async function judgeOnce(): Promise<TraceJudgement> {
  execFileSync(base!, ['-m', 'venv', '--without-pip', venv]);
  fs.mkdirSync(sysbin);
  fs.symlinkSync(base!, path.join(sysbin, 'python'));
  fs.writeFileSync(path.join(sysbin, 'pip'), `#!${base}\n`, { mode: 0o755 });
  const py = path.join(venv, 'bin', 'python');
  const stack = [
    { file: path.join(app, 'worker.py'), line: 30, function: '<module>' },
    { file: path.join(app, 'tasks.py'), line: 12, function: 'run <&>' },
  ];
  const parent: ProcessRecord = { type: 'process', pid: 10, ppid: 1, argv: [py, 'worker.py'], executable: py, prefix: venv, basePrefix: '/usr', version: '3.12.1', venv, audit: true, parentArgv: ['cron'], path: '/usr/bin:/bin', time: 1 };
  const s = (args: string[] | string, line: number): SpawnRecord => ({ type: 'spawn', pid: 10, event: typeof args === 'string' ? 'os.system' : 'subprocess.Popen', executable: null, args, shell: typeof args === 'string', cwd: null, path: `/nonexistent:${sysbin}`, envPassesTracer: true, stack: [stack[0], { ...stack[1], line }], callSite: 1, time: 2 });
  const stray: ProcessRecord = { ...parent, pid: 50, ppid: 49, argv: [base!, 'report.py'], executable: base!, prefix: '/usr', venv: null, parentArgv: ['make', 'report'] };
  return judgeRecords([parent, s('python analyze.py', 12), s(['pip', 'install', 'x'], 14), s([py, 'safe.py'], 16), stray], { venv, cwd: app, env: { PATH: sysbin } });
}

function report(j: TraceJudgement): RunReport {
  return { command: [path.join(venv, 'bin', 'python'), 'worker.py'], cwd: app, expected: { venv, how: 'command', why: 'the command is venv/bin/python' }, exitCode: 0, signal: null, judgement: j, notWatched: [] };
}

test('text: escapes first, each with file:line, what the name became and the PATH entry that won; then the tree', { skip }, async () => {
  const text = renderRunText(report(await judged()));
  const lines = text.split('\n');
  assert.match(lines[0], /^VG101 tasks\.py:12: os\.system "python analyze\.py"$/);
  assert.ok(lines[1].includes(`python → ${path.join(sysbin, 'python')}`) && lines[1].includes(`PATH entry ${sysbin} won`), lines[1]);
  const pip = lines.findIndex((l) => l.startsWith('VG102 tasks.py:14'));
  const stray = lines.findIndex((l) => l.startsWith('VG101 process 50 (started by make report)'));
  const tree = lines.indexOf('Python processes:');
  assert.ok(pip > 0 && stray > pip && tree > stray, text);
  assert.ok(!text.includes(':16'), 'the sys.executable spawn is not reported');
  assert.match(text, /\[in venv\] 10 .*worker\.py/);
  assert.match(text, /\[OUTSIDE\] 50 .*report\.py.*← make report/);
  assert.match(lines[lines.length - 2], /^venvguard run: 3 escapes from the venv .*; 2 Python processes, 3 spawns seen; the command exited with 0$/);
});

test('JSON: the escapes and the tree as data', { skip }, async () => {
  const j = JSON.parse(renderRunJson(report(await judged()), '9.9.9')) as { escapes: { code: string; callSite: { line: number } | null }[]; processes: { pid: number }[]; counts: { escapes: number } };
  assert.deepEqual(j.escapes.map((e) => [e.code, e.callSite?.line ?? null]), [['VG101', 12], ['VG102', 14], ['VG101', null]]);
  assert.deepEqual(j.processes.map((p) => p.pid), [10, 50]);
  assert.equal(j.counts.escapes, 3);
});

test('SARIF: valid 2.1.0, rule ids of check, the call site as location, the stack', { skip }, async (t) => {
  const log = renderRunSarif(report(await judged()), RULES, '9.9.9');
  assertValidSarif(t, log);
  const sarif = JSON.parse(log) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[]; stacks?: { frames: unknown[] }[] }[] }[] };
  const run = sarif.runs[0];
  assert.deepEqual(run.tool.driver.rules.map((r) => r.id), ['VG101', 'VG102', 'VG103']);
  assert.deepEqual(run.results.map((r) => r.ruleId), ['VG101', 'VG102', 'VG101']);
  assert.deepEqual(run.results[0].locations![0].physicalLocation.artifactLocation, { uri: 'tasks.py', uriBaseId: '%SRCROOT%' });
  assert.equal(run.results[0].locations![0].physicalLocation.region.startLine, 12);
  assert.equal(run.results[0].stacks![0].frames.length, 2);
  assert.equal(run.results[2].locations, undefined, 'a process escape has no source location');
});

test('HTML: one self-contained page, no script and nothing fetched, the tree and each stack, text escaped', { skip }, async () => {
  const html = renderRunHtml(report(await judged()));
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.doesNotMatch(html, /<script|<link|<img|<iframe|\bsrc=|url\(|@import|https?:\/\//i);
  assert.equal((html.match(/<section class="escape"/g) ?? []).length, 3);
  assert.equal((html.match(/<li class="callsite">/g) ?? []).length, 2);
  assert.ok(html.includes('run &lt;&amp;&gt;') && !html.includes('run <&>'), 'frame names are escaped');
  // The tree: the venv's worker, and the stray process outside it as a second root.
  assert.match(html, /<ul class="tree"><li><span class="node in" data-pid="10">.*<\/li><li><span class="node out" data-pid="50">/s);
  // Balanced lists and sections.
  for (const tag of ['ul', 'li', 'section', 'ol']) assert.equal((html.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length, (html.match(new RegExp(`</${tag}>`, 'g')) ?? []).length, tag);
});

/** A headless Chromium on this machine, if there is one (Debian's `chromium`, or Google's). */
function chromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

test('HTML in a real headless Chromium: the page it builds has every escape, its stack, and the tree', { skip: skip || (chromium() ? false : 'no chromium, chromium-browser or google-chrome on this machine') }, async () => {
  const file = path.join(root, 'run.html');
  fs.writeFileSync(file, renderRunHtml(report(await judged())));
  // No network for the page: any fetch it tried would fail, and the DOM would not change.
  const r = spawnSync(chromium()!, ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND', '--dump-dom', pathToFileURL(file).href], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const dom = r.stdout;
  assert.equal((dom.match(/<section class="escape" data-code="VG10\d">/g) ?? []).length, 3);
  assert.equal((dom.match(/<li class="callsite">/g) ?? []).length, 2);
  assert.equal((dom.match(/<span class="node (in|out)" data-pid="\d+">/g) ?? []).length, 2);
  assert.match(dom, /<h2 id="escapes">3 escapes<\/h2>/);
});
