/**
 * The Makefile front end parses a file's recipe lines a part at a time (shell/parse.ts,
 * parseShellBatch) instead of once per line, which was most of the time spent on CPython's own
 * Makefile. Work is counted (tree-sitter parses per file), not timed, so the batching cannot
 * silently regress; and every line the batch cannot take (a here-doc that runs on, a syntax error)
 * is still read as its own parse reads it, with every word at its place in the file.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadedParser, loadParsers } from '../../src/frontends/tree-sitter.js';
import { makefileFrontEnd } from '../../src/frontends/makefile/index.js';
import { SourceFile } from '../../src/kernel/source.js';
import { wordSourceSpan } from '../../src/kernel/word.js';
import { CURATED_CONSOLE_SCRIPTS, toolNamePattern } from '../../src/judge/python-tools.js';
import { analyze } from '../makefile-lint.js';
import { argvText } from '../config-lint.js';

/** tree-sitter-bash parses made while `run` runs. */
async function parsesDuring<T>(run: () => Promise<T>): Promise<{ parses: number; result: T }> {
  await loadParsers();
  const parser = loadedParser('tree-sitter-bash');
  const parse = parser.parse;
  let parses = 0;
  parser.parse = function (this: typeof parser, ...args: Parameters<typeof parse>) {
    parses++;
    return parse.apply(this, args);
  } as typeof parse;
  try {
    return { result: await run(), parses };
  } finally {
    parser.parse = parse;
  }
}

/** n rules of two recipe lines each, and (after rule `bad`) lines the batch cannot take. */
function makefile(n: number, bad: number): string {
  let code = 'VENV := .venv\n\n';
  for (let i = 0; i < n; i++) {
    code += `t${i}:\n\tpython -m tool${i} --flag "a b"\n\t@pip install -q 'pkg${i}' && echo done\n`;
    if (i === bad) {
      // A here-doc runs on into the next line of the batch; an `if` without `fi` is a syntax error.
      code += `heredoc${i}:\n\tpython - <<EOF\n\tif true; then pip freeze\n\tpytest -q x${i}\n`;
    }
  }
  return code;
}

test('makefile: recipe lines are parsed a part at a time, not once each (parse count, not time)', async () => {
  const n = 200;
  const code = makefile(n, 57);
  const { parses, result } = await parsesDuring(() => analyze(code));
  const lines = 2 * n + 3;
  // 403 recipe lines: ~13 parts of 32 lines, two lines left to their own parse (with a retry each),
  // and the parts that start after them. One parse per line would be 403.
  assert.ok(parses <= 24, `${parses} tree-sitter parses for ${lines} recipe lines`);
  const programs = result.sites.filter((s) => s.argv[0]).map((s) => wordSourceSpan(s.argv[0]));
  // Every site's program word maps back to its own place in the file.
  for (const [i, sp] of programs.entries()) {
    assert.ok(sp, `site ${i} has no source span`);
    assert.match(code.slice(sp.start, sp.end), /^(python|pip|echo|pytest|true)$/, argvText(result.sites[i]));
  }
  const texts = result.sites.map(argvText);
  assert.equal(texts.filter((t) => t.startsWith('python -m tool')).length, n);
  assert.equal(texts.filter((t) => t.startsWith('pip install -q pkg')).length, n);
  assert.ok(texts.includes('python -m tool199 --flag a b'));
  // The lines the batch could not take are read as their own parse reads them.
  assert.ok(texts.includes('python'));
  assert.ok(texts.includes('pip freeze'));
  assert.ok(texts.includes('pytest -q x57'));
  assert.match(result.syntaxProblem?.message ?? '', /shell syntax error/);
});

test('makefile: the sites of a batch are those of each line parsed alone', async () => {
  const code = makefile(40, 3);
  const all = (await analyze(code)).sites.map(argvText);
  // Each rule alone in a file: too few lines for a batch (parseShellBatch takes two or more).
  const alone: string[] = [];
  for (const rule of code.split(/\n(?=\S)/).slice(1)) {
    for (const line of rule.split('\n').slice(1).filter(Boolean)) alone.push(...(await analyze(`x:\n${line}\n`)).sites.map(argvText));
  }
  assert.deepEqual(all, alone);
});

/** CPython's own Makefile (every CPython install has one), if this machine has a CPython. */
function cpythonMakefile(): string | undefined {
  const found: string[] = [];
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' }).stdout?.trim();
  if (root && fs.existsSync(path.join(root, 'versions'))) {
    for (const v of fs.readdirSync(path.join(root, 'versions'))) {
      const lib = path.join(root, 'versions', v, 'lib');
      if (!fs.existsSync(lib)) continue;
      for (const py of fs.readdirSync(lib).filter((d) => /^python3\.\d+$/.test(d))) {
        for (const c of fs.readdirSync(path.join(lib, py)).filter((d) => d.startsWith('config-'))) found.push(path.join(lib, py, c, 'Makefile'));
      }
    }
  }
  const sys = spawnSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_makefile_filename())'], { encoding: 'utf8' }).stdout?.trim();
  if (sys) found.push(sys);
  return found.find((f) => fs.existsSync(f));
}

test("makefile: CPython's own Makefile takes a few dozen parses, not one per recipe line", async (t) => {
  const m = cpythonMakefile();
  if (!m) return t.skip('no CPython Makefile on this machine (pyenv root, sysconfig.get_makefile_filename())');
  const file = new SourceFile(m, fs.readFileSync(m, 'utf8'));
  const tools = toolNamePattern(CURATED_CONSOLE_SCRIPTS.keys());
  const { parses, result } = await parsesDuring(async () => makefileFrontEnd.analyze(file, (a) => a, { parseLess: true, tools }));
  const recipeLines = (file.text.match(/^\t/gm) ?? []).length;
  assert.ok(result.sites.length > 100, `${result.sites.length} sites`);
  // Measured: 27 parses for 3.11's Makefile (261 before, one per recipe line the prefilter keeps).
  assert.ok(parses <= 60 && parses * 10 < recipeLines, `${parses} parses for ${recipeLines} recipe lines`);
});
