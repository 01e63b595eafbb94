/** The GitHub workflow-command reporter: exact commands and the runner's escaping rules. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SourceFile } from '../../src/kernel/source.js';
import { escapeData, escapeProperty, renderGithub } from '../../src/reporters/github.js';
import { diag, find, makeResult, OPTIONS } from './fixture.js';

describe('github reporter', () => {
  test('one command per diagnostic and per file problem', () => {
    assert.equal(
      renderGithub(makeResult(), OPTIONS),
      [
        '::error file=app.py,line=4,col=21,endLine=4,endColumn=26,title=VG101 bare-python-tool::`pip` is looked up on PATH, not in the venv',
        '::warning file=app.py,line=7,col=19,endLine=7,endColumn=26,title=VG102 env-without-venv-path::`black` runs with `env=env`, whose PATH may not hold the venv',
        // multi-line: the runner rejects col/endColumn unless line == endLine
        '::error file=scripts/deploy.py,line=3,endLine=5,title=VG103 shell-python-launch::the shell starts `python` from PATH',
        '::warning file=broken.py,line=3,col=5,title=partially checked (syntax)::syntax error; checked the parts that parse',
        '::warning file=vendor/blob.py,title=not checked (binary)::binary file, not checked',
        '',
      ].join('\n'),
    );
  });

  test('escapes data and properties as actions/toolkit does', () => {
    assert.equal(escapeData('100% a\r\nb: c, d'), '100%25 a%0D%0Ab: c, d');
    assert.equal(escapeProperty('100% a\r\nb: c, d'), '100%25 a%0D%0Ab%3A c%2C d');
    // `%` first, so an escape is never escaped twice
    assert.equal(escapeData('%0A'), '%250A');
  });

  test('escapes file names and messages in commands', () => {
    const src = new SourceFile('odd,dir/a:b%.py', 'run("pip")\n');
    const r = makeResult();
    r.diagnostics = [diag(src, find(src.text, 'pip'), { code: 'VG101', rule: 'bare-python-tool', severity: 'error', message: '50% of\nlines: bad, really' })];
    r.problems = [];
    assert.equal(
      renderGithub(r, OPTIONS),
      '::error file=odd%2Cdir/a%3Ab%25.py,line=1,col=6,endLine=1,endColumn=9,title=VG101 bare-python-tool::50%25 of%0Alines: bad, really\n',
    );
  });

  test('a file --fix would not write is titled as checked, not as partially checked', () => {
    const r = { ...makeResult(), diagnostics: [] };
    r.problems = [{ path: 'ro.py', kind: 'not-fixed', message: 'not fixed: the file is read-only (mode 0444); use --fix-readonly to fix it anyway', partial: true }];
    assert.equal(renderGithub(r, OPTIONS), '::warning file=ro.py,title=checked but not fixed::not fixed: the file is read-only (mode 0444); use --fix-readonly to fix it anyway\n');
  });

  test('nothing to report: no output', () => {
    assert.equal(renderGithub({ ...makeResult(), diagnostics: [], problems: [] }, OPTIONS), '');
  });
});
