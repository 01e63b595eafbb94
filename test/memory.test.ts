/**
 * Peak memory and CPU time of one large or hostile file (issue 16, point 1): the real CLI runs in a
 * child process under a JavaScript heap cap, and a wrapper reports the child's peak resident
 * memory (process.resourceUsage().maxRSS, WebAssembly memory included) and CPU time at exit.
 * Before the Python budgets and the lone-\r fix these shapes took 517 MiB (4 MB on one line), 385 MiB
 * (10 MB of short lines, rejected only after planning its blocks),
 * ~350 MiB (a launch on every line of 0.9 MB) and 25 s of CPU (20 KB with lone \r line ends).
 * `node dist/scripts/memory.js` measures every front end and shape at 1 MiB and just under its size cap.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';
import { EXEC_COMMANDS, NOTEBOOK_CELLS, NOTEBOOK_SOURCE_CHARS, PYTHON_LAUNCH_CALLS, PYTHON_PARSE_CHARS, PYTHON_PLAN_CHARS, SERVICE_LINE_CHARS, SHELL_COMMANDS, SHELL_SCRIPT_CHARS, YAML_NESTING } from '../src/kernel/budgets.js';
import type { JsonReport } from '../src/reporters/json.js';
import { SourceFile } from '../src/kernel/source.js';
import { analyzeJenkins } from '../src/frontends/jenkins/index.js';
import { loadParsers } from '../src/frontends/tree-sitter.js';
import { pack, StringTable, unpack } from '../src/pipeline/packed.js';
import type { Diagnostic } from '../src/kernel/diagnostic.js';
import { CLI, tempDir } from './helpers.js';
import { MEMORY_FORMATS, SHAPES, shapeText } from './memory-shapes.js';

const dir = tempDir('vg-memory-');
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Loads the CLI and, at exit, writes its peak RSS (KiB) and CPU time (µs) to a file. */
const WRAPPER = `import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
const [out, cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
process.on('exit', () => { const u = process.resourceUsage(); fs.writeFileSync(out, JSON.stringify({ rssKiB: u.maxRSS, cpuUs: u.userCPUTime + u.systemCPUTime })); });
await import(pathToFileURL(cli).href);
`;
const wrapper = path.join(dir, 'peak.mjs');
fs.writeFileSync(wrapper, WRAPPER);

const PYTHON = MEMORY_FORMATS.find((f) => f.language === 'python')!;

/** The CLI on one file (JSON report) under a 160 MiB heap cap (or `heapMiB`); its report, peak RSS and CPU time. */
function run(name: string, text: string, heapMiB = 160): { report: JsonReport; status: number | null; rssMiB: number; cpuS: number } {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  const stats = `${file}.stats`;
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMiB}`, wrapper, stats, CLI, 'check', '--no-config', '--format', 'json', '--max-file-size', '20971520', file], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.ok(fs.existsSync(stats), `the CLI exited normally (status ${r.status}, signal ${r.signal}): ${r.stderr.slice(-400)}`);
  const { rssKiB, cpuUs } = JSON.parse(fs.readFileSync(stats, 'utf8'));
  return { report: JSON.parse(r.stdout), status: r.status, rssMiB: rssKiB / 1024, cpuS: cpuUs / 1e6 };
}

function assertTooComplex(r: ReturnType<typeof run>, budget: string, limit: number): void {
  const p = r.report.problems.find((x) => x.kind === 'too-complex');
  assert.ok(p, `a too-complex problem: ${JSON.stringify(r.report.problems)}`);
  assert.match(p.message, new RegExp(`\\(${budget}\\)`));
  assert.match(p.message, new RegExp(limit.toLocaleString('en-US')));
  assert.equal(r.status, 3, 'not "all passed": the file was not checked');
  assert.equal(r.report.diagnostics.length, 0);
}

test('memory: 2 MB of Python launches on one line stays under 256 MiB (4 MB was 517 MiB, 1 MB 382 MiB): over python-parse-size, not parsed', (t) => {
  const r = run('one-line.py', shapeText(PYTHON, 'one-line', 2 * 1048576));
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assertTooComplex(r, 'python-parse-size', PYTHON_PARSE_CHARS.limit);
  assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

test('memory: 10 MB of Python with a launch on every line stays under 256 MiB (was 385 MiB dividing it into blocks before any parse): over python-file-size', (t) => {
  const r = run('lines10.py', shapeText(PYTHON, 'lines', 10 * 1048576));
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assertTooComplex(r, 'python-file-size', PYTHON_PLAN_CHARS.limit);
  assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

test('memory: a launch on every line of 0.9 MB of Python stays under 256 MiB: over python-launch-calls after 5,000', (t) => {
  const r = run('lines.py', shapeText(PYTHON, 'lines', 0.9 * 1048576));
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assertTooComplex(r, 'python-launch-calls', PYTHON_LAUNCH_CALLS.limit);
  assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

test('memory: just under python-launch-calls every launch is still reported, under 256 MiB', (t) => {
  const n = PYTHON_LAUNCH_CALLS.limit;
  const r = run('under.py', 'import os; ' + 'os.system("python a.py"); '.repeat(n) + '\n');
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assert.equal(r.report.diagnostics.length, n);
  assert.deepEqual(r.report.problems, []);
  assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

test('memory: 1 MB of launches nested in each other\'s arguments stays under 256 MiB (ran past 35 s of CPU: every parent look-up descended from the root): over python-launch-calls', (t) => {
  const r = run('nested.py', shapeText(PYTHON, 'nested', 1048576));
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assertTooComplex(r, 'python-launch-calls', PYTHON_LAUNCH_CALLS.limit);
  assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

for (const language of ['systemd', 'supervisor'] as const) {
  test(`memory: a launch on every line of 1 MB of ${language} stays under 256 MiB (systemd 681 MiB, supervisor 595 MiB; 1.9 MB 1.3 GB and 906 MiB): over exec-commands-per-file after 5,000`, (t) => {
    const f = MEMORY_FORMATS.find((x) => x.language === language)!;
    const r = run(`lines-${language}/${f.name}`, shapeText(f, 'lines', 1048576));
    t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
    assertTooComplex(r, 'exec-commands-per-file', EXEC_COMMANDS.limit);
    assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  });

  test(`memory: one 1.9 MB ${language} line stays under 256 MiB (systemd 462 MiB, supervisor 387 MiB, mapping each character before its shell script went over its budget): over service-line-size before any character is mapped`, (t) => {
    const f = MEMORY_FORMATS.find((x) => x.language === language)!;
    const r = run(`one-line-${language}/${f.name}`, shapeText(f, 'one-line', 1.9 * 1048576));
    t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
    assertTooComplex(r, 'service-line-size', SERVICE_LINE_CHARS.limit);
    assert.ok(r.rssMiB < 160, `peak RSS ${r.rssMiB.toFixed(0)} MiB (the file is refused before its line is read)`);
  });
}

test('lone \\r line ends: a script saved with old Mac line ends is parsed line by line (was 25 s of CPU for 20 KB), with the same findings as with \\n', (t) => {
  const lf = 'import os\n\ndef build():\n    os.system("python setup.py build")\n\n' + 'os.system("python a.py")\n'.repeat(800);
  const withCr = run('mac.py', lf.replace(/\n/g, '\r'));
  const withLf = run('unix.py', lf);
  t.diagnostic(`\\r: ${withCr.cpuS.toFixed(1)} s CPU, \\n: ${withLf.cpuS.toFixed(1)} s CPU`);
  assert.equal(withLf.report.diagnostics.length, 801);
  const at = (r: ReturnType<typeof run>) => r.report.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`);
  assert.deepEqual(at(withCr), at(withLf));
  assert.deepEqual(withCr.report.problems, []);
  assert.ok(withCr.cpuS < withLf.cpuS * 3 + 2, `\\r took ${withCr.cpuS.toFixed(1)} s of CPU, \\n ${withLf.cpuS.toFixed(1)} s`);
});

test('a Dockerfile with a RUN over dockerfile-run-size is its own too-complex problem, not an internal error of the whole run (the container pre-pass threw)', () => {
  const project = path.join(dir, 'image');
  fs.mkdirSync(project, { recursive: true });
  fs.writeFileSync(path.join(project, 'Dockerfile'), 'FROM python:3.12\nRUN python -m venv /venv\nRUN echo ' + '$('.repeat(150_000) + 'pip install a' + ')'.repeat(150_000) + '\n');
  fs.writeFileSync(path.join(project, 'task.py'), 'import subprocess\nsubprocess.run(["pip", "install", "requests"])\n');
  const r = spawnSync(process.execPath, [CLI, 'check', '--no-config', '--format', 'json', '.'], { cwd: project, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 1, r.stderr.slice(0, 400));
  const report = JSON.parse(r.stdout) as JsonReport;
  assert.deepEqual(report.problems.map((p) => `${p.path} ${p.kind}`), ['Dockerfile too-complex']);
  assert.match(report.problems[0].message, /dockerfile-run-size/);
  assert.deepEqual(report.diagnostics.map((d) => `${d.path} ${d.code}`), ['task.py VG102']);
});

test('memory: 1 MB Makefiles: one long recipe line or lone \\r line ends under 128 MiB (were 223-253 MiB under this heap cap: an object per character), a recipe line on every line under 256 MiB (over shell-commands-per-file)', (t) => {
  const f = MEMORY_FORMATS.find((x) => x.language === 'makefile')!;
  const oneLine = run('mk-one-line/Makefile', shapeText(f, 'one-line', 1048576));
  const loneCr = run('mk-lone-cr/Makefile', shapeText(f, 'lone-cr', 1048576));
  const lines = run('mk-lines/Makefile', shapeText(f, 'lines', 1048576));
  t.diagnostic(`one line ${oneLine.rssMiB.toFixed(0)} MiB, lone \\r ${loneCr.rssMiB.toFixed(0)} MiB, lines ${lines.rssMiB.toFixed(0)} MiB`);
  assertTooComplex(oneLine, 'shell-script-size', SHELL_SCRIPT_CHARS.limit);
  // make reads a lone \r as part of the line: one rule with one recipe line that runs nothing known.
  assert.equal(loneCr.status, 0);
  assertTooComplex(lines, 'shell-commands-per-file', SHELL_COMMANDS.limit);
  assert.ok(oneLine.rssMiB < 128 && loneCr.rssMiB < 128, `peak RSS ${oneLine.rssMiB.toFixed(0)} and ${loneCr.rssMiB.toFixed(0)} MiB`);
  assert.ok(lines.rssMiB < 256, `peak RSS ${lines.rssMiB.toFixed(0)} MiB`);
});

test('memory: 1.96 MB Makefiles with a recipe line on every line, or many lines without launches, are analysed up to shell-commands-per-file within an 88 MiB heap (they ran out of it: ~110 MB live, 327-333 MiB peak RSS with the harness\'s heap)', (t) => {
  // What made it: a hidden class of its own for every command line and every site's facts (a spread
  // followed by more properties), all the file's logical lines held while it was parsed, words'
  // arrays grown by push (room for 17), one set of closures per recipe line.
  const f = MEMORY_FORMATS.find((x) => x.language === 'makefile')!;
  for (const shape of ['lines', 'plain'] as const) {
    const r = run(`mk-cap-${shape}/Makefile`, shapeText(f, shape, Math.floor(1.96 * 1048576)), 88);
    t.diagnostic(`${shape}: ${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
    assertTooComplex(r, 'shell-commands-per-file', SHELL_COMMANDS.limit);
    assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  }
});

for (const language of ['procfile', 'crontab'] as const) {
  test(`memory: one 1.9 MB ${language} line stays under 256 MiB (was 328–340 MiB: an object per character of the line before its shell script went over its budget): over shell-script-size before the line is read`, (t) => {
    const f = MEMORY_FORMATS.find((x) => x.language === language)!;
    const r = run(`one-line-${language}/${f.name}`, shapeText(f, 'one-line', 1.9 * 1048576));
    t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
    assertTooComplex(r, 'shell-script-size', SHELL_SCRIPT_CHARS.limit);
    assert.ok(r.rssMiB < 160, `peak RSS ${r.rssMiB.toFixed(0)} MiB (the file is refused before its line is read)`);
  });
}

test('memory: a Dockerfile of 1.9 MB with a RUN on every line stays under 256 MiB (was 288 MiB: every instruction held an object per character for the whole analysis): over shell-commands-per-file', (t) => {
  const f = MEMORY_FORMATS.find((x) => x.language === 'dockerfile')!;
  const r = run('lines-dockerfile/Dockerfile', shapeText(f, 'lines', 1.9 * 1048576));
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assertTooComplex(r, 'shell-commands-per-file', SHELL_COMMANDS.limit);
  assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

test('the memory harness measures every front end just under its size cap (0.49 MiB YAML, 1.96 MiB other configuration, 9.8 MiB Python and notebooks), with files the front end does not refuse as too large', async () => {
  const { capOf, justUnder } = await import('../scripts/memory.js');
  const { FRONT_ENDS } = await import('../src/frontends/index.js');
  assert.deepEqual(new Set(MEMORY_FORMATS.map((f) => f.language)), new Set(FRONT_ENDS.map((fe) => fe.language)), 'every front end has shapes');
  assert.equal(justUnder('gitlab-ci'), 0.49);
  assert.equal(justUnder('procfile'), 1.96);
  assert.equal(justUnder('python'), 9.8);
  for (const f of MEMORY_FORMATS) {
    for (const shape of SHAPES) {
      const bytes = Buffer.byteLength(shapeText(f, shape.shape, justUnder(f.language) * 1048576));
      assert.ok(bytes <= capOf(f.language) && bytes > capOf(f.language) * 0.95, `${f.language} ${shape.shape}: ${bytes} bytes, cap ${capOf(f.language)}`);
    }
  }
});

test('memory: one 1.96 MB Jenkinsfile `sh` line stays under 256 MiB (was 398 MiB: an object per character of the string): over shell-script-size while the string is read', (t) => {
  const f = MEMORY_FORMATS.find((x) => x.language === 'jenkins')!;
  const r = run('one-line-jenkins/Jenkinsfile', shapeText(f, 'one-line', 1.96 * 1048576));
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assertTooComplex(r, 'shell-script-size', SHELL_SCRIPT_CHARS.limit);
  assert.ok(r.rssMiB < 160, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

test('lone \\r line ends: a Jenkinsfile saved with old Mac line ends is read line by line (each `sh` read the rest of the file: 1.96 MB ran past 80 s of CPU), with the same findings as with \\n', (t) => {
  const lf = "pipeline {\n  agent any\n  stages {\n    stage('a') {\n      steps {\n        sh 'python3 -m venv venv'\n" + "        sh 'pip install a'\n".repeat(4000) + '      }\n    }\n  }\n}\n';
  const withCr = run('mac/Jenkinsfile', lf.replace(/\n/g, '\r'));
  const withLf = run('unix/Jenkinsfile', lf);
  t.diagnostic(`\\r: ${withCr.cpuS.toFixed(1)} s CPU, \\n: ${withLf.cpuS.toFixed(1)} s CPU`);
  assert.equal(withLf.report.diagnostics.length, 4000);
  const at = (r: ReturnType<typeof run>) => r.report.diagnostics.map((d) => `${d.code} ${d.start.line}:${d.start.column}`);
  assert.deepEqual(at(withCr), at(withLf));
  assert.ok(withCr.cpuS < withLf.cpuS * 1.5 + 0.5, `\\r took ${withCr.cpuS.toFixed(1)} s of CPU, \\n ${withLf.cpuS.toFixed(1)} s`);
});

test('memory: a Jenkinsfile of 1.96 MB with an `sh` step on every line stays under 200 MiB (was 289 MiB: all 76,000 steps were read, an object per character, before the first shell ran): over shell-commands-per-file', (t) => {
  const f = MEMORY_FORMATS.find((x) => x.language === 'jenkins')!;
  const r = run('lines-jenkins/Jenkinsfile', shapeText(f, 'lines', 1.96 * 1048576));
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assertTooComplex(r, 'shell-commands-per-file', SHELL_COMMANDS.limit);
  assert.ok(r.rssMiB < 200, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

test('memory: just under shell-commands-per-file every `sh` step of a Jenkinsfile is still reported, under 256 MiB', (t) => {
  const f = MEMORY_FORMATS.find((x) => x.language === 'jenkins')!;
  const n = SHELL_COMMANDS.limit - 10;
  const r = run('under-jenkins/Jenkinsfile', f.head + `${f.unit}\n`.repeat(n) + f.tail);
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assert.equal(r.report.diagnostics.length, n);
  assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

test('a CI step\'s sites do not keep its script and step alive after its shell ran: 2,000 Jenkinsfile `sh` steps of 230 characters keep ~14 KB of heap each (was ~27 KB: the closures the shell\'s declaration keeps shared the step loop\'s scope, its script an object per character)', async (t) => {
  await loadParsers();
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const f = MEMORY_FORMATS.find((x) => x.language === 'jenkins')!;
  const n = 2000; // 460 KB of shell text, under shell-text-per-file
  const file = new SourceFile('Jenkinsfile', f.head + `        sh 'echo ${'x'.repeat(200)}; pip install a'\n`.repeat(n) + f.tail);
  gc();
  const before = process.memoryUsage().heapUsed;
  const analysis = analyzeJenkins(file);
  gc();
  const perStep = (process.memoryUsage().heapUsed - before) / n;
  t.diagnostic(`${analysis.sites.length} sites, ${perStep.toFixed(0)} bytes of heap a step`);
  assert.equal(analysis.sites.length, 2 * n + 1, "each step's echo and pip, and the head's python3 -m venv");
  assert.ok(perStep < 20_000, `${perStep.toFixed(0)} bytes a step`);
});

for (const language of ['azure-pipelines', 'circleci'] as const) {
  // Without the test's heap cap 262–268 MiB before, 245–250 after (node dist/scripts/memory.js); under it 215–228 before, 192–201 after.
  test(`memory: 0.49 MB of ${language} with a step on every line stays under 256 MiB (was 262–268 MiB: every step was read before the first ran): over shell-commands-per-file`, (t) => {
    const f = MEMORY_FORMATS.find((x) => x.language === language)!;
    const r = run(`lines-${language}/${f.name}`, shapeText(f, 'lines', 0.49 * 1048576));
    t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
    assertTooComplex(r, 'shell-commands-per-file', SHELL_COMMANDS.limit);
    assert.ok(r.rssMiB < 208, `peak RSS ${r.rssMiB.toFixed(0)} MiB under a 160 MiB heap cap`);
  });
}

test('memory: a 0.49 MB Compose file of deeply nested flow lists stays under 160 MiB (was 364–366 MiB, the YAML library holding ~1.1 KB a level): over yaml-nesting-depth before the library reads it', (t) => {
  const f = MEMORY_FORMATS.find((x) => x.language === 'compose')!;
  const r = run('nested-compose/compose.yaml', shapeText(f, 'nested', 0.49 * 1048576));
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assertTooComplex(r, 'yaml-nesting-depth', YAML_NESTING.limit);
  assert.ok(r.rssMiB < 160, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

test('yaml-nesting-depth counts flow collections only: brackets in quoted and block scalars do not count, and nesting up to the limit is read', async () => {
  const { checkYamlNesting } = await import('../src/frontends/yaml-scalars.js');
  const deep = (n: number) => `a: ${'['.repeat(n)}x${']'.repeat(n)}\n`;
  assert.doesNotThrow(() => checkYamlNesting(deep(YAML_NESTING.limit)));
  assert.throws(() => checkYamlNesting(deep(YAML_NESTING.limit + 1)), /yaml-nesting-depth/);
  const many = '['.repeat(5000);
  assert.doesNotThrow(() => checkYamlNesting(`a: "${many}"\nb: '${many}'\nc: |\n  echo ${many}\nd: plain ${many}\n`));
  assert.doesNotThrow(() => checkYamlNesting(`${'- [x, {a: [1]}]\n'.repeat(2000)}`));
});

test('memory: 9.8 MB notebooks stay under 160 MiB (one cell of 9.8 MB was 1.4 GB, 9.8 MB of small cells 267–277 MiB: the JSON tree and every character were built before the budgets were checked): over notebook-source-size or notebook-cells before the cells are built', (t) => {
  const f = MEMORY_FORMATS.find((x) => x.language === 'notebook')!;
  for (const [shape, budget] of [['one-line', NOTEBOOK_SOURCE_CHARS], ['nested', NOTEBOOK_SOURCE_CHARS], ['lines', NOTEBOOK_CELLS], ['plain', NOTEBOOK_CELLS]] as const) {
    const r = run(`${shape}-notebook/${f.name}`, shapeText(f, shape, 9.8 * 1048576));
    t.diagnostic(`${shape}: ${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
    assertTooComplex(r, budget.name, budget.limit);
    assert.ok(r.rssMiB < 160, `${shape}: peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  }
});

test('memory: a 1 MB notebook cell of shell escapes on one line stays under 160 MiB (was 328–338 MiB: an object per character in the cell, the module and the escape\'s script): over shell-script-size', (t) => {
  const f = MEMORY_FORMATS.find((x) => x.language === 'notebook')!;
  for (const shape of ['one-line', 'nested'] as const) {
    const r = run(`${shape}-1-notebook/${f.name}`, shapeText(f, shape, 1048576));
    t.diagnostic(`${shape}: ${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
    assertTooComplex(r, 'shell-script-size', SHELL_SCRIPT_CHARS.limit);
    assert.ok(r.rssMiB < 160, `${shape}: peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  }
});

test('memory: a notebook cell whose source list has 2.5 million empty elements stays under 160 MiB (289 MiB before, without a heap cap: an object for each element), and one of 170,000 lines of Python (parsed: it names a launch API) under 256 MiB (was 416 MiB)', (t) => {
  const nb = (source: string[]) => JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], execution_count: null, source }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
  const empties = run('empties-notebook/explore.ipynb', nb(['!python -m venv .venv\n', ...Array<string>(2_500_000).fill('')]));
  t.diagnostic(`empty elements: ${empties.rssMiB.toFixed(0)} MiB, ${empties.cpuS.toFixed(1)} s CPU`);
  assert.deepEqual([empties.report.diagnostics.length, empties.report.problems.length], [0, 0]);
  assert.ok(empties.rssMiB < 160, `peak RSS ${empties.rssMiB.toFixed(0)} MiB`);
  const lines = run('lines-py-notebook/explore.ipynb', nb(['!python -m venv .venv\n', 'import os\n', ...Array<string>(170_000).fill('x = 1\n'), 'os.system("pip install a")\n']));
  t.diagnostic(`Python lines: ${lines.rssMiB.toFixed(0)} MiB, ${lines.cpuS.toFixed(1)} s CPU`);
  assert.deepEqual(lines.report.diagnostics.map((d) => d.code), ['VG102']);
  assert.ok(lines.rssMiB < 256, `peak RSS ${lines.rssMiB.toFixed(0)} MiB`);
});

// Issue 15 point 5: a run keeps every finding until its report, and as objects each took ~860 bytes
// of heap even with its strings shared (on a tree of 2,000 files with eight findings each). Packed
// (packed.ts), a file's findings are one Int32Array and indexes into the run's string table.
test('memory: a run keeps its findings packed (8,000 findings, 8 a file: under a quarter of their objects, and the same objects again)', (t) => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  // Strings built at run time, as messages are (a template filled per finding): each its own copy.
  const make = (i: number): Diagnostic => {
    const name = ['pytest', 'python'][i % 2];
    return {
      code: 'VG103', rule: 'bare-console-script', severity: 'error', message: `console script "${name}" is found on PATH, which has this venv only if activated`,
      remedy: `start it with sys.executable -m ${name} instead`, messageId: 'runModule', data: { name: `${name}`, via: '', lookup: `found on PATH${''}, which has this venv only if activated` },
      path: `pkg/m${i >> 3}.py`, span: { start: 10 * i, end: 10 * i + 6 }, start: { line: i + 1, column: 5 }, end: { line: i + 1, column: 11 }, related: [],
      fix: { title: `Use sys.executable -m ${name}`, applicability: 'unsafe', reason: `the ${name} module must be installed in the running environment, -m puts the current directory first on sys.path`, edits: [{ start: 10 * i, end: 10 * i + 6, text: `[sys.executable, "-m", "${name}"]` }, { start: 0, end: 0, text: 'import sys\n' }] },
    };
  };
  const n = 8000;
  const used = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const h0 = used();
  const own = Array.from({ length: n }, (_, i) => make(i));
  const ownBytes = used() - h0;
  const table = new StringTable();
  const files = Array.from({ length: n / 8 }, (_, f) => pack(own.slice(8 * f, 8 * f + 8), table));
  own.length = 0;
  const packedBytes = used() - h0;
  t.diagnostic(`${(ownBytes / n).toFixed(0)} bytes a finding as objects, ${(packedBytes / n).toFixed(0)} packed`);
  assert.ok(files.every((f) => f.ints), 'every file packed');
  assert.deepStrictEqual(unpack(files[1]), Array.from({ length: 8 }, (_, i) => make(8 + i)));
  assert.ok(packedBytes < 0.25 * ownBytes, `${packedBytes} bytes against ${ownBytes}`);
});

// Issue 15 point 3: Salt's 355 KB bootstrap-salt.sh, a valid script, was over shell-script-size
// (256 KiB), and DietPi's 675 KB dietpi-software over the 384 KiB shell-script-file-size that came
// next. Its analysis peaked at 292 MiB: an object per character of the script (`{ ch, off }`, 34
// MB) and web-tree-sitter's cache of every node's children (38 MB) while the whole analysis ran.
// With both gone it is 190–200 MiB, and the file budget is 768 KiB, where every shape of script
// stays under 256 MiB; nested `$(` are refused before the parse (they peaked at 302–319 MiB at
// 0.24 MiB).
for (const shape of ['one-line', 'nested'] as const) {
  test(`memory: a 0.74 MiB shell script file (${shape}) stays under 256 MiB`, (t) => {
    const f = MEMORY_FORMATS.find((x) => x.language === 'shell')!;
    const r = run(`sh-${shape}/${f.name}`, shapeText(f, shape, 0.74 * 1048576));
    t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
    assert.notEqual(r.report.problems[0]?.message.includes('shell-script-file-size'), true, 'under the file budget');
    assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
  });
}

/** An installer of many applications in functions of their own, as DietPi's dietpi-software is written. */
function installerScript(size: number): string {
  const block = (i: number) => `# ---- software title ${i}: a web application installed into its own venv under /opt ----
install_title_${i}() {
	local id=${i}
	aSOFTWARE_NAME[$id]='Title ${i}'
	aSOFTWARE_DESC[$id]='A self-hosted web application, number ${i}, with its own Python environment and a service unit'
	aAVAIL[$id,$MODEL]=0
	if (( $G_HW_ARCH == 10 )) || [[ $G_DISTRO -lt 7 && $SKIP_CHECKS != 1 ]]; then
		G_NOTIFY 2 "Title ${i} is not available for this architecture or distribution version, skipping"
		return 0
	fi
	case $G_HW_MODEL in
		1|2|3) local pkgs=('libjpeg-dev' 'zlib1g-dev');;
		*) local pkgs=();;
	esac
	[[ -d /opt/title${i} ]] || G_EXEC mkdir -p /opt/title${i}
	G_EXEC /opt/title${i}/venv/bin/pip3 install -U "title${i}==1.${i}.0" "\${pkgs[@]}"
	cat << _EOF_ > /etc/systemd/system/title${i}.service
[Unit]
Description=Title ${i}
After=network-online.target

[Service]
User=title${i}
ExecStart=/opt/title${i}/venv/bin/python3 -m title${i} --port $((8000 + ${i}))
_EOF_
}
`;
  let s = '#!/bin/bash\n# An installer of many applications, each in a function of its own.\n';
  for (let i = 0; s.length < size; i++) s += block(i);
  // The script's one finding is on its last line: the whole file was read.
  return s + 'for f in $(compgen -A function install_title_); do "$f"; done\npython3 -m venv /opt/tools\npip install -r /opt/tools/requirements.txt\n';
}

test('memory: a 0.67 MiB hand-written installer script (DietPi\'s dietpi-software is 675 KB) is checked whole, under 256 MiB (was too complex: over shell-script-file-size)', (t) => {
  const text = installerScript(675_000);
  assert.equal(spawnSync('bash', ['-n'], { input: text }).status, 0, 'valid bash');
  const r = run('dietpi-like/dietpi-software', text);
  t.diagnostic(`${r.rssMiB.toFixed(0)} MiB, ${r.cpuS.toFixed(1)} s CPU`);
  assert.deepStrictEqual(r.report.problems, []);
  const lastLine = text.split('\n').length - 1;
  assert.deepStrictEqual(r.report.diagnostics.map((d) => `${d.start.line} ${d.code}`), [`${lastLine} VG201`], 'the pip by name after the venv, on the last line; every other pip and python runs a venv by its path');
  assert.ok(r.rssMiB < 256, `peak RSS ${r.rssMiB.toFixed(0)} MiB`);
});

// Issue 15 point 5: to a pipe (`venvguard check --output-format json | jq …`) Node writes
// asynchronously, and the report's pieces were queued in memory faster than the reader took them:
// 2,000 files with eight findings each (a 21 MB JSON report) peaked at 258 MB through a pipe
// against 150 MB to a file, and 16,000 such files at 1.3 GB. The CLI now waits for 'drain'.
test('memory: a large JSON report through a pipe is written as the reader takes it (2,000 files, 16,000 findings: under 200 MiB)', (t) => {
  const tree = path.join(dir, 'piped');
  const body = ['import os', '', ...Array.from({ length: 8 }, (_, i) => `def f${i}():\n    os.system('python a${i}.py')\n`)].join('\n');
  for (let d = 0; d < 20; d++) {
    fs.mkdirSync(path.join(tree, `pkg${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) fs.writeFileSync(path.join(tree, `pkg${d}`, `m${f}.py`), body);
  }
  const stats = path.join(dir, 'piped.stats');
  const out = path.join(dir, 'piped.json');
  // A shell pipeline (a pipe(2) of 64 KB, which a child's own stdout pipe from spawnSync is not).
  spawnSync('/bin/sh', ['-c', '"$0" "$@" | cat > "$OUT"', process.execPath, wrapper, stats, CLI, 'check', '--no-config', '--output-format', 'json', tree], { cwd: dir, env: { ...process.env, OUT: out } });
  const { rssKiB } = JSON.parse(fs.readFileSync(stats, 'utf8'));
  const text = fs.readFileSync(out, 'utf8');
  const report = JSON.parse(text) as JsonReport;
  t.diagnostic(`${(rssKiB / 1024).toFixed(0)} MiB peak, report ${(text.length / 1e6).toFixed(1)} MB`);
  assert.equal(report.diagnostics.length, 16_000);
  assert.ok(rssKiB / 1024 < 200, `peak RSS ${(rssKiB / 1024).toFixed(0)} MiB`);
});
