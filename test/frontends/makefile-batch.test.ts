/**
 * The Makefile front end parses a file's recipe lines a part at a time (shell/parse.ts,
 * parseShellBatch) instead of once per line, which was most of the time spent on CPython's own
 * Makefile. Work is counted (tree-sitter parses per file), not timed, so the batching cannot
 * silently regress; and every line the batch cannot take (a here-doc that runs on, a syntax error)
 * is still read as its own parse reads it, with every word at its place in the file.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { loadParsers } from '../../src/frontends/tree-sitter.js';
import { makefileFrontEnd, makefileStats } from '../../src/frontends/makefile/index.js';
import { expansionStats } from '../../src/frontends/makefile/expander.js';
import { cpythonMakefiles } from '../cpython-makefiles.js';
import { parsesDuring } from '../parse-count.js';
import { SourceFile } from '../../src/kernel/source.js';
import { wordSourceSpan } from '../../src/kernel/word.js';
import { CURATED_CONSOLE_SCRIPTS, toolNamePattern } from '../../src/judge/python-tools.js';
import { analyze } from '../makefile-lint.js';
import { argvText } from '../config-lint.js';


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
const cpythonMakefile = (): string | undefined => cpythonMakefiles()[0];

/**
 * CPython's Makefile with a venv made by a rule of its own (`venv:`): every recipe line that runs a
 * Python tool may then miss it, and goes to the shell model. CPython's own creates none.
 */
const withVenv = (text: string) => `${text}\nvenv:\n\tpython3 -m venv .venv\n`;

test("makefile: CPython's own Makefile creates no venv, and hands no recipe line to the shell model", async (t) => {
  const m = cpythonMakefile();
  if (!m) return t.skip('no CPython Makefile on this machine (pyenv root, sysconfig.get_makefile_filename())');
  const file = new SourceFile(m, fs.readFileSync(m, 'utf8'));
  const tools = toolNamePattern(CURATED_CONSOLE_SCRIPTS.keys());
  const m0 = { ...makefileStats };
  const { parses, result } = await parsesDuring(async () => makefileFrontEnd.analyze(file, (a) => a, { parseLess: true, tools }));
  // `./python -m test`, `python3.11 Tools/…` on ~150 lines: with no venv they have none to miss.
  assert.equal(makefileStats.shellScripts - m0.shellScripts, 0);
  assert.equal(parses, 0);
  assert.deepEqual(result.sites, []);
});

test("makefile: CPython's Makefile with a venv takes a few dozen parses, not one per recipe line", async (t) => {
  const m = cpythonMakefile();
  if (!m) return t.skip('no CPython Makefile on this machine (pyenv root, sysconfig.get_makefile_filename())');
  const file = new SourceFile(m, withVenv(fs.readFileSync(m, 'utf8')));
  const tools = toolNamePattern(CURATED_CONSOLE_SCRIPTS.keys());
  const { parses, result } = await parsesDuring(async () => makefileFrontEnd.analyze(file, (a) => a, { parseLess: true, tools }));
  const recipeLines = (file.text.match(/^\t/gm) ?? []).length;
  assert.ok(result.sites.length > 100, `${result.sites.length} sites`);
  // Measured: 27 parses for 3.11's Makefile (261 before, one per recipe line the prefilter keeps).
  assert.ok(parses <= 60 && parses * 10 < recipeLines, `${parses} parses for ${recipeLines} recipe lines`);
});

// Issue 15 point 5 / issue 16: CPython's own Makefile took ~1.1 s of CPU in `check`; the reader and
// the expander made an object per character, and finding the bin-folder variable ran one RegExp
// over the whole file per variable. The work is counted here for every CPython Makefile on the
// machine (3.6 to 3.13 measured: 70-200 KB), against budgets proportional to the file's size.
test("makefile: every CPython Makefile on this machine is read within a work budget (operation counts, not time)", async (t) => {
  const found = cpythonMakefiles();
  if (!found.length) return t.skip('no CPython Makefile on this machine (pyenv root, sysconfig.get_makefile_filename())');
  await loadParsers();
  const tools = toolNamePattern(CURATED_CONSOLE_SCRIPTS.keys());
  for (const m of found) {
    // With a venv: the lines that run a Python tool go to the shell model too.
    const file = new SourceFile(m, withVenv(fs.readFileSync(m, 'utf8')));
    const n = file.text.length;
    const e0 = { ...expansionStats };
    const m0 = { ...makefileStats };
    const sites = makefileFrontEnd.analyze(file, (a) => a.sites.length, { parseLess: true, tools });
    const refs = expansionStats.references - e0.references;
    const hits = expansionStats.memoHits - e0.memoHits;
    const copied = expansionStats.units - e0.units;
    const scans = makefileStats.fileScans - m0.fileScans;
    const shellChars = makefileStats.shellChars - m0.shellChars;
    const shown = `${m}: ${n} characters, ${sites} sites, ${refs} references (${hits} memo hits), ${copied} characters expanded, ${scans} searches of the file, ${shellChars} characters to the shell`;
    t.diagnostic(shown);
    assert.ok(sites > 100, shown);
    // One search of the whole text for a bin-folder variable (it was one per variable: ~500).
    assert.ok(scans <= 1, shown);
    // Measured 0.019-0.022 references per character, 72-80% of them memo hits.
    assert.ok(refs < 0.03 * n && hits > 0.6 * refs, shown);
    // Measured 1.3-9.7 characters per character of the file (3.13: $(LIBRARY_OBJS) in many recipes).
    assert.ok(copied < 12 * n, shown);
    // Recipe lines that may matter go to the shell model, each once: measured 0.22-0.33 of the
    // file's characters (0.62-0.80 when a line naming CPython's `Python/` folder counted).
    assert.ok(shellChars < 0.45 * n, shown);
  }
});

// A recipe line goes to the shell model when a word in it can take part in a finding: a Python
// tool's name as a program (`./python`, `python3.11`, `pytest`), a venv, an activation, a
// self-managing tool. `python` and `pip` in other shapes (CPython's `Python/ceval.c`, `PIPE`,
// `pipeline`) are not such a word.
test('makefile: lines naming python or pip only in paths and other words are not handed to the shell model', async () => {
  await loadParsers();
  const tools = toolNamePattern(CURATED_CONSOLE_SCRIPTS.keys());
  const run = (code: string) => {
    const m0 = makefileStats.shellScripts;
    const sites = makefileFrontEnd.analyze(new SourceFile('Makefile', code), (a) => a.sites.map((x) => argvText(x)), { parseLess: true, tools });
    return { parsed: makefileStats.shellScripts - m0, sites };
  };
  const quiet = run('all:\n\tgcc -c Python/ceval.c -o Python/ceval.o\n\tcat PIPELINE | tee pipe.log\n\tcp Lib/PyPI.txt out/\n');
  assert.equal(quiet.parsed, 0, quiet.sites.join(' | '));
  const lines = 'all:\n\tgcc -c Python/ceval.c\n\t./python -m test\n\tpython3.11 Tools/x.py\n\t. .venv/bin/activate\n\tpoetry run x\n\tVIRTUAL_ENV=/opt/v tool\n';
  const kept = run(`${lines}venv:\n\tpython3 -m venv .venv\n`);
  assert.equal(kept.parsed, 6, kept.sites.join(' | '));
  assert.ok(kept.sites.includes('./python -m test') && kept.sites.includes('python3.11 Tools/x.py'), kept.sites.join(' | '));
  // An activation alone is enough: a later line may rely on it.
  assert.equal(run(lines).parsed, 5);
  // With no venv made, activated or exported as VIRTUAL_ENV and no environment manager, a Python
  // tool has no venv to miss: no line is run.
  const venvLess = run('all:\n\tgcc -c Python/ceval.c\n\t./python -m test\n\tpython3.11 Tools/x.py\n\tpip install .\n');
  assert.equal(venvLess.parsed, 0, venvLess.sites.join(' | '));
  const exported = run('export VIRTUAL_ENV := /opt/v\nall:\n\t./python -m test\n');
  assert.deepEqual(exported.sites, ['./python -m test']);
  // The venv's word only in a variable that another names, named by a line whose text has none
  // (no-venv.ts follows the names): the line is expanded, creates the venv, and the file is run.
  const through = run('MOD = venv\nPY = python3 -m $(MOD)\nDIR = .env\nsetup:\n\t$(PY) $(DIR)\ntest: setup\n\tpip install -r requirements.txt\n');
  assert.ok(through.sites.includes('python3 -m venv .env') && through.sites.includes('pip install -r requirements.txt'), through.sites.join(' | '));
  // Or in a prerequisite's name, read through `$<`: an activation.
  const prereq = run('run: venv/bin/activate\n\t. $<; pytest\n');
  assert.ok(prereq.sites.includes('. venv/bin/activate') && prereq.sites.includes('pytest'), prereq.sites.join(' | '));
});

// CPython's Makefile: hundreds of rules whose prerequisite lists are hundreds of names long
// ($(LIBRARY_OBJS)); `$^` and `$+` were joined for every rule with a recipe, used or not (the
// largest cost of expanding its recipes). They are joined when a recipe first looks one up.
test('makefile: a rule joins its prerequisites for $^ and $+ only when its recipe uses them', async () => {
  const objs = Array.from({ length: 300 }, (_, i) => `obj${i}.o`).join(' ');
  let code = `OBJS = ${objs}\nall: prog\n\tpython3 -m venv .venv\n`;
  for (let i = 0; i < 50; i++) code += `lib${i}.a: $(OBJS)\n\tar rcs $@ $(firstword $(OBJS))\n`;
  code += 'prog: $(OBJS)\n\tcc -o $@ $^\n';
  const m0 = makefileStats.prerequisiteJoins;
  await analyze(code);
  assert.equal(makefileStats.prerequisiteJoins - m0, 1, 'only the rule whose recipe reads $^');
});
