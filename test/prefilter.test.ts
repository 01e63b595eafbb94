/**
 * The prefilter must never drop a file the full analysis would flag. Unit cases for the lexical
 * split, then whole runs with and without it on the example and on real code (the CPython
 * standard library files that use launch APIs, when an interpreter's stdlib is found).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { check } from '../src/api.js';
import { Prefilter, splitCodeAndStrings } from '../src/frontends/python/prefilter.js';
import { CURATED_CONSOLE_SCRIPTS, toolNamePattern } from '../src/judge/python-tools.js';
import { repoRoot, tempDir } from './helpers.js';

const prefilter = new Prefilter(toolNamePattern(CURATED_CONSOLE_SCRIPTS.keys()));

test('split: docstrings and comments are not strings; call arguments are', () => {
  const src = '"""Module doc mentions python."""\nimport os  # python in a comment\ndef f():\n    """Doc: run python."""\n    os.system(\n        """python job.py"""\n    )\n';
  const { code, strings } = splitCodeAndStrings(src);
  assert.match(code, /os\.system\(/);
  assert.doesNotMatch(code, /comment/);
  assert.equal(strings, 'python job.py');
});

test('split: PEP 701 nested quotes, escapes, continuation lines, unterminated strings', () => {
  assert.match(splitCodeAndStrings('x = f"{"python"} {a}"\n').strings, /python/);
  assert.equal(splitCodeAndStrings("x = 'it\\'s'\ny = 1\n").strings, "it\\'s");
  assert.equal(splitCodeAndStrings('x = 1 + \\\n    """kept: not a docstring"""\n').strings, 'kept: not a docstring');
  const broken = splitCodeAndStrings('x = "unterminated\nos.system("python")\n');
  assert.match(broken.code, /os\.system/);
  assert.match(broken.strings, /python/);
});

test('mayContainEscape: needs a launch API in code and a tool name in a string', () => {
  assert.equal(prefilter.mayContainEscape('import os\nos.system("python x.py")\n'), true);
  assert.equal(prefilter.mayContainEscape('# os.system("python x.py")\n'), false);
  assert.equal(prefilter.mayContainEscape('import os\nos.system("ls")\nprint("python")\n'), true, 'both present: analyse');
  assert.equal(prefilter.mayContainEscape('import os\nos.system("pipe.sh")\n'), false, 'pipe is not pip');
  assert.equal(prefilter.mayContainEscape('import subprocess\nsubprocess.run(["python3.{}".format(v)])\n'), true);
  assert.equal(prefilter.mayContainEscape('"""Use python."""\nimport subprocess\n'), false);
});

async function diagnosticsBoth(paths: string[], cwd: string): Promise<[string[], string[]]> {
  const key = (d: { path: string; start: { line: number; column: number }; code: string; message: string }) => `${d.path}:${d.start.line}:${d.start.column} ${d.code} ${d.message}`;
  const withFilter = await check({ paths, cwd, noConfig: true });
  const without = await check({ paths, cwd, noConfig: true, noPrefilter: true });
  assert.ok(without.filesSkipped === 0);
  return [withFilter.diagnostics.map(key), without.diagnostics.map(key)];
}

test('same findings with and without the prefilter: the example project', async () => {
  const [a, b] = await diagnosticsBoth(['examples/flask-worker'], repoRoot);
  assert.ok(b.length >= 10);
  assert.deepEqual(a, b);
});

test('same findings with and without the prefilter: names hidden by escapes or split literals', async () => {
  const dir = tempDir();
  const cases = [
    'import subprocess\nsubprocess.run("cd /tmp\\npip install -r r.txt", shell=True)\n',
    'import os\nos.system("set -e\\n\\tpython manage.py migrate")\n',
    'import subprocess\nsubprocess.run(["bash", "-c", "source e.sh && \\\npytest -q"])\n',
    'import subprocess\nsubprocess.run(["pyt" "hon", "x.py"])\n',
    'import subprocess\nexe = "pyth" "on3"\nsubprocess.run([exe, "x.py"])\n',
    'import subprocess\nsubprocess.run(["p" + "ip", "install", "x"])\n',
    'import subprocess\nsubprocess.run(["\\x70ython", "x.py"])\n',
  ];
  cases.forEach((c, i) => fs.writeFileSync(path.join(dir, `case${i}.py`), c));
  const [a, b] = await diagnosticsBoth([dir], dir);
  assert.equal(new Set(b.map((d) => d.split(':')[0])).size, cases.length, `every case is a finding without the prefilter: ${b.join('\n')}`);
  assert.deepEqual(a, b);
});

function findStdlib(): string | undefined {
  const candidates: string[] = [];
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (root.status === 0) {
    const versions = path.join(root.stdout.trim(), 'versions');
    for (const v of fs.existsSync(versions) ? fs.readdirSync(versions).sort().reverse() : []) candidates.push(path.join(versions, v, 'bin', 'python3'));
  }
  candidates.push('python3');
  for (const exe of candidates) {
    const r = spawnSync(exe, ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' });
    if (r.status === 0 && fs.existsSync(r.stdout.trim())) return r.stdout.trim();
  }
  return undefined;
}

test('same findings with and without the prefilter: stdlib files that launch processes, with sys.executable replaced by "python3"', async (t) => {
  const stdlib = findStdlib();
  if (!stdlib) return t.skip('no Python standard library found on this machine');
  // The stdlib launches Python only through sys.executable, so as it is both runs would find
  // nothing. Replacing sys.executable with "python3" turns its real launch code into escapes.
  // Copy the files that name a launch API (a few hundred), so the comparison is about real code.
  const dir = tempDir();
  let n = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'site-packages') walk(p);
      else if (e.isFile() && e.name.endsWith('.py')) {
        const text = fs.readFileSync(p, 'latin1');
        if (/subprocess|os\.system|os\.popen|spawn|exec[lv]/.test(text)) {
          const rel = path.relative(stdlib, p).split(path.sep).join('__');
          fs.writeFileSync(path.join(dir, rel), text.replace(/\bsys\.executable\b/g, '"python3"'), 'latin1');
          n++;
        }
      }
    }
  };
  walk(stdlib);
  assert.ok(n > 100, `expected many stdlib files with launch APIs, found ${n}`);
  const [a, b] = await diagnosticsBoth([dir], dir);
  assert.ok(b.length > 100, `expected many findings in the mutated stdlib, found ${b.length}`);
  assert.deepEqual(a, b);
});
