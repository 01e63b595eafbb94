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
import { API_WORDS, apiWordInCode, nextApiWord, Prefilter, pythonMayMatterBytes, splitCodeAndStrings } from '../src/frontends/python/prefilter.js';
import { LAUNCH_APIS, LOOP_METHODS } from '../src/frontends/python/launch-apis.js';
import { CURATED_CONSOLE_SCRIPTS, hasToolName, toolNamePattern } from '../src/judge/python-tools.js';
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

test('API words: every launch API shows its last segment or its root module as a listed word', () => {
  // Regression: commands.getstatus was missing, so a file using only it was skipped unanalysed.
  const word = (w: string) => new RegExp(`^(?:${API_WORDS.source})$`).test(w);
  for (const api of LAUNCH_APIS.keys()) {
    const parts = api.split('.');
    assert.ok(word(parts[parts.length - 1]) || word(parts[0]), `${api}: neither ${parts[parts.length - 1]} nor ${parts[0]} is an API word`);
  }
  for (const m of LOOP_METHODS) assert.ok(word(m), m);
});

test('apiWordInCode: a word counts only outside comments and literals of every kind', () => {
  assert.equal(apiWordInCode('import subprocess\n'), true);
  assert.equal(apiWordInCode('x = 1  # subprocess\n'), false);
  assert.equal(apiWordInCode('"""subprocess"""\nx = 1\n'), false);
  assert.equal(apiWordInCode("x = 'os.system'\n"), false);
  assert.equal(apiWordInCode('x = f"{y} subprocess {z}"\n'), false, 'inside an f-string');
  assert.equal(apiWordInCode('x = f"{d["k"]} subprocess"\n'), false, 'PEP 701 nested quotes do not end the f-string');
  assert.equal(apiWordInCode('x = "a \\" subprocess"\n'), false, 'an escaped quote does not end the literal');
  assert.equal(apiWordInCode("x = '''a\n' subprocess\n'''\n"), false, 'a lone quote inside a triple-quoted literal');
  assert.equal(apiWordInCode('x = "unterminated\nimport subprocess\n'), true, 'an unterminated literal ends at its line end');
  assert.equal(apiWordInCode('# subprocess\r\nimport os; os.system("x")\r\n'), true, 'CRLF');
  assert.equal(apiWordInCode('"subprocess" # system\nos.popen("x")'), true, 'the last word, after every literal and comment');
  assert.equal(apiWordInCode('subprocessing = 1\nmy_system = 2\n'), false, 'whole words only');
  assert.equal(apiWordInCode('x = f"{os.system(cmd)}"\n'), true, 'a replacement field is code');
  assert.equal(apiWordInCode('x = f"{{os.system}} {y}"\n'), false, 'doubled braces are text');
  assert.equal(apiWordInCode('x = rf"a {b} {os.popen(c)!r}"\n'), true);
});

test('pythonMayMatterBytes: the same answer on the raw bytes as on the decoded text (UTF-8 and Latin-1)', () => {
  const cases = [
    'import os\n# caf\u00e9 subprocess\nx = "\u00e9t\u00e9 system"\n',
    'x = "\u00e9"; import subprocess\n',
    '\u00e9subprocess = 1\n', // a non-ASCII letter is not a word character for \b in either form
    's = "\u4e2d\u6587" # \u4e2d system\nos.execv(a, b)\n',
    'x = f"{"\u00e9"}" if a else \'\u00e9\'\nsystem = 1\n',
  ];
  for (const c of cases) {
    assert.equal(pythonMayMatterBytes(Buffer.from(c, 'utf8')), apiWordInCode(c), `utf-8: ${JSON.stringify(c)}`);
    assert.equal(pythonMayMatterBytes(Buffer.from('\ufeff' + c, 'utf8')), apiWordInCode(c), `BOM: ${JSON.stringify(c)}`);
  }
  const latin1 = '# -*- coding: latin-1 -*-\nx = "\u00e9 subprocess"\n\u00e9system = 1\n';
  assert.equal(pythonMayMatterBytes(Buffer.from(latin1, 'latin1')), apiWordInCode(latin1));
});

test('prefilter on bytes: files it skips undecoded still report what decoding would report', async () => {
  // None of these names a launch API, so all stop at the prefilter; their decoding problems
  // (NUL, invalid UTF-8, unknown or wrong codec, BOM against coding line) must still be reported.
  const dir = tempDir();
  const files: Record<string, Buffer> = {
    'nul.py': Buffer.from('x = 1\n\0\n', 'latin1'),
    'bad_utf8.py': Buffer.concat([Buffer.from('x = "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n')]),
    'bom_bad_utf8.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('x = "'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]),
    'unknown_codec.py': Buffer.from('# coding: klingon\nx = 1\n'),
    'wrong_codec.py': Buffer.concat([Buffer.from('# coding: utf-16\nx = 1\n'), Buffer.from([0xd8])]),
    'bom_conflict.py': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# coding: latin-1\nx = 1\n')]),
    'ascii_declared.py': Buffer.concat([Buffer.from('# coding: ascii\nx = "'), Buffer.from([0xe9]), Buffer.from('"\n')]),
    'cp1252.py': Buffer.concat([Buffer.from('# coding: cp1252\nx = "'), Buffer.from([0x80]), Buffer.from('"\n')]),
    'clean.py': Buffer.from('x = "caf\u00e9"\n', 'utf8'),
  };
  for (const [name, b] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), b);
  const key = (p: { path: string; kind: string; message: string; partial: boolean }) => `${p.path} ${p.kind} ${p.partial} ${p.message}`;
  const withFilter = await check({ paths: [dir], cwd: dir, noConfig: true });
  const without = await check({ paths: [dir], cwd: dir, noConfig: true, noPrefilter: true });
  assert.deepEqual(withFilter.problems.map(key), without.problems.map(key));
  assert.ok(without.problems.length >= 6, without.problems.map(key).join('\n'));
});

async function diagnosticsBoth(paths: string[], cwd: string): Promise<[string[], string[]]> {
  const key = (d: { path: string; start: { line: number; column: number }; code: string; message: string }) => `${d.path}:${d.start.line}:${d.start.column} ${d.code} ${d.message}`;
  // Every rule, the opt-in VG106 too: what the default policy holds back must also be found.
  const withFilter = await check({ paths, cwd, noConfig: true, extendSelect: ['VG106'] });
  const without = await check({ paths, cwd, noConfig: true, noPrefilter: true, extendSelect: ['VG106'] });
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
    // Regression: commands.getstatus was not a launch-API word, so the prefilter skipped these.
    'import commands\nprint(commands.getstatus("python x.py"))\n',
    'from commands import getstatus as g\ng("pip install x")\n',
    // Regression: a launch inside an f-string's replacement field was taken for string text.
    'import os\nprint(f"{os.system(\'pip install x\')}")\n',
    'import os\ndef f():\n    f"""{os.system("python x.py")}"""\n',
    // Regression (fuzz seed 20261203): a triple quote left open in a half-edited file ran to the
    // end of the file here, hiding the launches after it, while the parser recovers and reads them.
    "import os\nif ready''':\n    os.system(\"python app.py\")\n",
    "import os\nHELP = '''usage\nos.system(\"pip install x\")\n",
    "import os\ndef f():\n    '''Run it.\nos.system(\"python x.py\")\n",
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

test('nextApiWord finds exactly the whole words API_WORDS matches, in order', () => {
  const all = new RegExp(API_WORDS.source, 'g');
  const expected = (s: string) => [...s.matchAll(all)].map((m) => m.index);
  const found = (s: string) => {
    const out: number[] = [];
    for (let at = nextApiWord(s); at >= 0; at = nextApiWord(s, at + 1)) out.push(at);
    return out;
  };
  // Every word API_WORDS accepts, alone and next to the characters that do and do not end a word.
  const words = ['subprocess', 'system', 'popen', 'popen2', 'popen3', 'popen4', 'Popen', 'spawn', 'spawnl', 'spawnle', 'spawnlp', 'spawnlpe', 'spawnv', 'spawnve', 'spawnvp', 'spawnvpe', 'posix_spawn', 'posix_spawnp', 'execl', 'execle', 'execlp', 'execlpe', 'execv', 'execve', 'execvp', 'execvpe', 'create_subprocess_exec', 'create_subprocess_shell', 'subprocess_exec', 'subprocess_shell', 'getoutput', 'getstatusoutput', 'getstatus', 'set_executable', 'which', 'find_executable'];
  for (const w of words) {
    assert.ok(new RegExp(`^(?:${API_WORDS.source})$`).test(w), w);
    for (const s of [w, ` ${w}(`, `os.${w}`, `x${w}`, `${w}x`, `_${w}`, `${w}_`, `${w}1`, `é${w}`, `${w}.${w}`, `${w}${w}`]) assert.deepEqual(found(s), expected(s), JSON.stringify(s));
  }
  // Real text: this repository's own sources and examples.
  const texts: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(py|ts|md)$/.test(e.name)) texts.push(fs.readFileSync(p, 'latin1'));
    }
  };
  for (const d of ['src', 'examples', 'docs']) walk(path.join(repoRoot, d));
  let n = 0;
  for (const t of texts) {
    const e = expected(t);
    n += e.length;
    assert.deepEqual(found(t), e);
  }
  assert.ok(n > 100, `only ${n} API words in the repository's text`);
});

test('importScan: one pass finds process-library imports and the line starts of project imports', async () => {
  const { importScan } = await import('../src/frontends/python/import-lines.js');
  const lib = (s: string) => importScan(s).library;
  for (const s of ['import sh\n', 'from sh import*\n', 'from invoke import(task)\n', 'import os, sh\n', 'from fabric.api import local\n', '    import pexpect\n', 'x = 1\nimport plumbum.cmd as cmd\n']) assert.ok(lib(s), s);
  for (const s of ['import shutil\n', 'from .sh import run\n', 'x = 1; import sh\n', '# import sh\nimport os\n', 'import invoke_utils\n', 'from x import sh\n']) assert.ok(!lib(s), s);
  const starts = (s: string) => [...importScan(s).starts];
  assert.deepEqual(starts('import os\nfrom . import util\nimport json, mypkg.sub as m\nfrom lib2to3 import x\n'), [10, 29]);
  // The earliest `import` of the line is the statement's (`does_tree_import` is a name).
  assert.deepEqual(starts('from .fixer_util import does_tree_import\n'), [0]);
  // A template in a string is no import of a name.
  assert.deepEqual(starts('code = """\nimport {name}\n"""\n'), []);
});

test('hasToolName gives the answer of the pattern itself, on edge cases and on real text', () => {
  const tools = toolNamePattern(CURATED_CONSOLE_SCRIPTS.keys());
  const cases = ['pytest', ' pytest -q', '.pytest', '-pytest', 'xpytest', '_pytest', 'a.pytest pytest', 'a-pip pip', 'https://python.org', '/usr/bin/python3', 'numpy', 'py', 'copy.py', 'py.test', 'python3.12', 'pytest.ini', 'é pip', 'épip', '"pip"', 'a.py -pyb py'];
  for (const s of cases) assert.equal(hasToolName(tools, s), tools.test(s), JSON.stringify(s));
  // A name at offset 0, after a line break, after a dot or a dash.
  for (const s of ['pip', 'x\npip', 'x.\npip', '.pip', '-\n-pip']) assert.equal(hasToolName(tools, s), tools.test(s), JSON.stringify(s));
  // A console script whose name starts with a non-word character: the pattern itself answers.
  const odd = toolNamePattern(['-weird', 'pytest']);
  for (const s of ['a -weird b', 'x-weird', 'pytest', '.pytest']) assert.equal(hasToolName(odd, s), odd.test(s), s);
  // Real text: this repository's sources, examples and docs, and each line of them.
  let n = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(py|ts|md|yml|sh)$/.test(e.name)) {
        const t = fs.readFileSync(p, 'latin1');
        for (const s of [t, ...t.split('\n')]) {
          const yes = tools.test(s);
          n += yes ? 1 : 0;
          assert.equal(hasToolName(tools, s), yes, `${p}: ${s.slice(0, 80)}`);
        }
      }
    }
  };
  for (const d of ['src', 'examples', 'docs']) walk(path.join(repoRoot, d));
  assert.ok(n > 1000, `only ${n} texts with a tool's name`);
});
