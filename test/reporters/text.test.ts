/** The text reporter: the exact output for the shared fixture, colour, summaries and fix hints. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SourceFile } from '../../src/kernel/source.js';
import { renderText } from '../../src/reporters/text.js';
import { diag, find, makeResult, OPTIONS } from './fixture.js';

const ANSI = /\u001b\[[0-9;]*m/g;

const EXPECTED = `\
app.py:4:21: VG101 \`pip\` is looked up on PATH, not in the venv [bare-python-tool]
  |
3 | def install():
4 |     subprocess.run(["pip", "install", "-r", "requirements.txt"])
  |                     ^^^^^
  |
  = help: [*] Run pip with this interpreter: \`sys.executable, "-m", "pip"\` (fixable with --fix)

app.py:7:19: VG102 \`black\` runs with \`env=env\`, whose PATH may not hold the venv [env-without-venv-path]
  |
6 | def fmt(env):
7 |     subprocess.call(["black", "."], env=env)
  |                      ^^^^^^^
  |
  = note: environment passed here at app.py:7:34
  = help: Run black with this interpreter: \`sys.executable, "-m", "black"\` (unsafe fix, fixable with --unsafe-fixes)
  = note: fix is unsafe: black may not be installed in this venv

scripts/deploy.py:3:1: VG103 the shell starts \`python\` from PATH [shell-python-launch]
  |
3 | os.system(
  | ^^^^^^^^^^
4 |     "python manage.py migrate"
  |
  = note: program word at scripts/deploy.py:4:6
  = help: Use subprocess.run([sys.executable, "manage.py", "migrate"]) (suggestion, not applied automatically)
  = note: not applied automatically: the shell command line may rely on shell features

broken.py:3:5: warning: syntax error; checked the parts that parse
vendor/blob.py: warning: binary file, not checked

Found 3 problems (1 fixable with --fix, 1 more with --unsafe-fixes); 17 files checked, 12 of them by a fast scan that found nothing to analyse.
2 files could not be checked completely (see the warnings above).
`;

describe('text reporter', () => {
  test('renders the fixture exactly (no colour)', () => {
    assert.equal(renderText(makeResult(), OPTIONS), EXPECTED);
  });

  test('without colour there is no escape sequence at all', () => {
    assert.ok(!renderText(makeResult(), OPTIONS).includes('\u001b'));
  });

  test('with colour it adds ANSI styling and nothing else', () => {
    const out = renderText(makeResult(), { ...OPTIONS, color: true });
    assert.match(out, /\u001b\[31m\u001b\[1mVG101\u001b\[22m\u001b\[39m/, 'error code in bold red');
    assert.match(out, /\u001b\[33m\u001b\[1mVG102/, 'warning code in yellow');
    assert.match(out, /\u001b\[1mapp\.py\u001b\[22m:4:21/, 'path in bold');
    assert.equal(out.replace(ANSI, ''), EXPECTED);
  });

  test('with --unsafe-fixes, unsafe fixes count as fixable with --fix', () => {
    const out = renderText(makeResult(), { ...OPTIONS, unsafeFixesEnabled: true });
    assert.ok(out.includes('  = help: [*] Run black with this interpreter: `sys.executable, "-m", "black"` (unsafe fix, fixable with --fix)\n'));
    assert.ok(out.includes('Found 3 problems (2 fixable with --fix); 17 files checked, 12 of them by a fast scan that found nothing to analyse.\n'));
  });

  test('showFixes decides which help lines appear; the summary counts stay', () => {
    const safe = renderText(makeResult(), { ...OPTIONS, showFixes: 'safe' });
    assert.deepEqual(safe.match(/= help: .*/g), ['= help: [*] Run pip with this interpreter: `sys.executable, "-m", "pip"` (fixable with --fix)']);
    assert.ok(!safe.includes('fix is unsafe'));
    const none = renderText(makeResult(), { ...OPTIONS, showFixes: 'none' });
    assert.equal(none.match(/= help:/g), null);
    assert.ok(none.includes('(1 fixable with --fix, 1 more with --unsafe-fixes)'));
  });

  test('only unsafe fixes: "fixable with --unsafe-fixes", without "more"', () => {
    const r = makeResult();
    r.diagnostics = [r.diagnostics[1]];
    r.problems = [];
    assert.ok(renderText(r, OPTIONS).endsWith('Found 1 problem (1 fixable with --unsafe-fixes); 17 files checked, 12 of them by a fast scan that found nothing to analyse.\n'));
  });

  test('no findings: "All checks passed!"; a fix run reports what it fixed', () => {
    const r = { ...makeResult(), diagnostics: [], problems: [], filesChecked: 1, filesSkipped: 0 };
    assert.equal(renderText(r, OPTIONS), 'All checks passed! (1 file checked)\n');
    assert.equal(renderText({ ...r, fixesApplied: 2 }, OPTIONS), 'Fixed 2 problems.\nAll checks passed! (1 file checked)\n');
    assert.equal(renderText({ ...r, fixesApplied: 0 }, OPTIONS), 'All checks passed! (1 file checked)\n');
  });

  test('no findings but a file not checked completely: never "All checks passed!"', () => {
    const r = { ...makeResult(), diagnostics: [], filesChecked: 2, filesSkipped: 1 };
    r.problems = [{ path: 'bad.sh', kind: 'syntax', message: 'shell syntax error', partial: true }];
    const out = renderText(r, OPTIONS);
    assert.doesNotMatch(out, /All checks passed/);
    assert.ok(out.endsWith('\nNo problems found (3 files checked, 1 of them by a fast scan that found nothing to analyse), but 1 file could not be checked completely (see the warnings above).\n'), out);
  });

  test('no fixable findings and nothing skipped: no parentheses', () => {
    const r = makeResult();
    r.diagnostics = r.diagnostics.map(({ fix: _fix, ...d }) => d);
    r.problems = [];
    r.filesSkipped = 0;
    assert.ok(renderText(r, OPTIONS).endsWith('\nFound 3 problems; 5 files checked.\n'));
  });

  test('paths are shown relative to the working directory', () => {
    const r = makeResult();
    const abs = new SourceFile('/work/proj/pkg/mod.py', 'run("pip")\n');
    r.diagnostics = [diag(abs, find(abs.text, 'pip'), { code: 'VG101', rule: 'bare-python-tool', severity: 'error', message: 'm' })];
    r.sources = new Map([[abs.path, abs]]);
    r.problems = [{ path: '/elsewhere/x.py', kind: 'unreadable', message: 'permission denied', partial: false }];
    const out = renderText(r, OPTIONS);
    assert.ok(out.startsWith('pkg/mod.py:1:6: VG101 m [bare-python-tool]\n'));
    assert.ok(out.includes('\n/elsewhere/x.py: warning: permission denied\n'));
    assert.ok(out.endsWith('\n1 file could not be checked completely (see the warnings above).\n'));
  });

  test('a diagnostic whose source is missing is reported without a frame', () => {
    const r = makeResult();
    r.sources = new Map();
    r.diagnostics = [r.diagnostics[1]];
    r.problems = [];
    assert.equal(
      renderText(r, OPTIONS).split('\n\n')[0],
      [
        'app.py:7:19: VG102 `black` runs with `env=env`, whose PATH may not hold the venv [env-without-venv-path]',
        '  = note: environment passed here at app.py:7:34',
        '  = help: Run black with this interpreter: `sys.executable, "-m", "black"` (unsafe fix, fixable with --unsafe-fixes)',
        '  = note: fix is unsafe: black may not be installed in this venv',
      ].join('\n'),
    );
  });

  test('file-derived text cannot inject escape sequences', () => {
    const src = new SourceFile('evil.py', 'run("\u001b]0;pwned\u0007pip")\n');
    const r = makeResult();
    r.diagnostics = [diag(src, find(src.text, 'pip'), { code: 'VG101', rule: 'bare-python-tool', severity: 'error', message: 'runs `\u001b[2Jpip`' })];
    r.sources = new Map([[src.path, src]]);
    const out = renderText(r, OPTIONS);
    assert.ok(!out.includes('\u001b'));
    assert.ok(!out.includes('\u0007'));
    assert.ok(out.includes('runs `\u241b[2Jpip`'));
  });
});
