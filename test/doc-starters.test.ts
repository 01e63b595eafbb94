/**
 * Starters the contributor documentation names for release scripts (issue 15,
 * src/pipeline/doc-starters.ts): a release script run the way its guide or its own docstring says,
 * by PATH's interpreter, starts its children by name on that same PATH (thefuck's `./release.py`
 * in CONTRIBUTING.md, nbgrader's `Usage: python tools/release.py`, hyperspy's releasing guide).
 * Each held case has a twin that stays reported: the guide runs it by a venv's path, only a README
 * (written for users, who may run it any way) shows it, or it is not a release script.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docCommands } from '../src/pipeline/doc-starters.js';
import { openingOfText } from '../src/frontends/python/file-facts.js';
import { findingCodes as codes, projectFindings } from './helpers.js';

const findings = (files: Record<string, string>) => projectFindings(files, 'venvguard-docs-');


/** thefuck's release.py, reduced: an env shebang, sdist by name and twine by name. */
const RELEASE = ['#!/usr/bin/env python', 'from subprocess import call', '', 'call("python setup.py sdist bdist_wheel", shell=True)', "call('twine upload dist/*', shell=True)", ''].join('\n');

test("a contributor guide's `./release.py` (env shebang) holds the script's findings back, naming the guide", async () => {
  const guide = ['# Contributing', '', '## Releasing', '', 'Run the release script from the activated dev venv:', '', '```', './release.py', '```', ''].join('\n');
  const found = await findings({ 'release.py': RELEASE, 'CONTRIBUTING.md': guide, 'setup.py': 'from setuptools import setup\nsetup(name="x")\n' });
  assert.deepEqual(codes(found), ['release.py:4 VG106', 'release.py:5 VG106']);
  assert.match(found[0], /because CONTRIBUTING\.md:8 says to run this file by its shebang, as "python" from PATH/);
});

test('the twin: a guide that runs it by a venv\'s interpreter path keeps the findings and names that start', async () => {
  const guide = ['# Releasing', '', '    $ .venv/bin/python release.py', ''].join('\n');
  const found = await findings({ 'release.py': RELEASE, 'RELEASING.rst': guide });
  assert.deepEqual(codes(found), ['release.py:4 VG101', 'release.py:5 VG103']);
  assert.match(found[0], /RELEASING\.rst:3 says to run this file as "\.venv\/bin\/python" without that venv on PATH/);
});

test("only a README's usage (written for users) holds nothing back", async () => {
  const readme = ['# x', '', 'Run `python release.py` to publish.', ''].join('\n');
  const found = await findings({ 'release.py': RELEASE, 'README.md': readme });
  assert.deepEqual(codes(found), ['release.py:4 VG101', 'release.py:5 VG103']);
});

test("a script's own docstring usage (`python tools/release.py`) is how it runs (nbgrader)", async () => {
  const script = ['"""Release helper.', '', 'Usage:', '    python tools/release.py', '"""', 'import os', '', 'os.system("python setup.py sdist")', ''].join('\n');
  const found = await findings({ 'tools/release.py': script });
  assert.deepEqual(codes(found), ['tools/release.py:8 VG106']);
  assert.match(found[0], /tools\/release\.py:4 says to run this file as "python" from PATH/);
  // The same command in the code, not the opening, is a launch, not usage: reported.
  const inCode = ['"""Release helper."""', 'import os', '', 'USAGE = "python tools/release.py"', 'os.system("python setup.py sdist")', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'tools/release.py': inCode })), ['tools/release.py:5 VG101']);
});

test('a guide deep in the docs folder, by its name (docs/development/releasing.md)', async () => {
  const script = ['import subprocess', '', 'subprocess.run("python -m build", shell=True, check=True)', ''].join('\n');
  const guide = ['# Releasing', '', '```bash', 'python scripts/make_release.py 1.2.0', '```', ''].join('\n');
  const found = await findings({ 'scripts/make_release.py': script, 'docs/development/releasing.md': guide });
  assert.deepEqual(codes(found), ['scripts/make_release.py:3 VG106']);
  // A guide elsewhere (not a docs folder) is not read.
  assert.deepEqual(codes(await findings({ 'scripts/make_release.py': script, 'notes/releasing.md': guide })), ['scripts/make_release.py:3 VG101']);
});

test("a developer tool the guide runs by name is not a release script: reported (mypy's incremental_checker.py)", async () => {
  const script = ['"""Usage:', '', '    python3 misc/incremental_checker.py last 30', '"""', 'import subprocess', '', 'subprocess.run(["python3", "-m", "mypy", "."])', ''].join('\n');
  const guide = ['# Contributing', '', '    python3 misc/incremental_checker.py last 30', ''].join('\n');
  assert.deepEqual(codes(await findings({ 'misc/incremental_checker.py': script, 'CONTRIBUTING.md': guide })), ['misc/incremental_checker.py:7 VG101']);
});

test('docCommands reads code spans, prompts and prose commands, and the opening stops at the code', () => {
  const names = new Set(['release.py']);
  const text = ['Run `python3 tools/release.py 1.2` then push.', '(venv) $ python release.py --dry-run', 'To publish, python -m twine upload', '>>> release.py'].join('\n');
  assert.deepEqual(
    docCommands('g.md', text, names).map((c) => [c.line, c.words.join(' ')]),
    [
      [1, 'python3 tools/release.py 1.2'],
      [2, 'python release.py --dry-run'],
    ],
  );
  const opening = openingOfText(['#!/usr/bin/env python', '# usage: ./x.py', "'''Doc", "python x.py'''", 'import os', '# python x.py later'].join('\n'));
  assert.equal(opening.split('\n').length, 4);
  assert.doesNotMatch(opening, /later/);
});
