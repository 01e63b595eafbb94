/** The JSON reporter: document shape, edits as lines/columns, fix filtering, formatting. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SourceFile } from '../../src/kernel/source.js';
import { reporters } from '../../src/reporters/index.js';
import { JSON_SCHEMA_VERSION, renderJson, type JsonReport } from '../../src/reporters/json.js';
import { diag, find, makeResult, OPTIONS } from './fixture.js';

const parse = (s: string) => JSON.parse(s) as JsonReport;

describe('json reporter', () => {
  test('is 2-space indented JSON with a newline at the end', () => {
    const out = renderJson(makeResult(), OPTIONS);
    assert.ok(out.startsWith(`{\n  "schemaVersion": ${JSON_SCHEMA_VERSION},\n  "version": "0.1.0",\n  "diagnostics": [\n    {\n      "code"`));
    assert.ok(out.endsWith('\n}\n'));
    assert.deepEqual(Object.keys(parse(out)), ['schemaVersion', 'version', 'diagnostics', 'problems', 'summary']);
  });

  test('a diagnostic with a safe fix: edits as line/column, not offsets', () => {
    assert.deepEqual(parse(renderJson(makeResult(), OPTIONS)).diagnostics[0], {
      code: 'VG101',
      rule: 'bare-python-tool',
      severity: 'error',
      message: '`pip` is looked up on PATH, not in the venv',
      remedy: null,
      path: 'app.py',
      start: { line: 4, column: 21 },
      end: { line: 4, column: 26 },
      related: [],
      fix: {
        title: 'Run pip with this interpreter: `sys.executable, "-m", "pip"`',
        applicability: 'safe',
        edits: [
          { start: { line: 1, column: 1 }, end: { line: 1, column: 1 }, content: 'import sys\n' },
          { start: { line: 4, column: 21 }, end: { line: 4, column: 26 }, content: 'sys.executable, "-m", "pip"' },
        ],
      },
    });
  });

  test('related locations and unsafe / display-only fixes with reasons; CRLF positions', () => {
    const [, unsafe, displayOnly] = parse(renderJson(makeResult(), OPTIONS)).diagnostics;
    assert.deepEqual(unsafe.related, [{ message: 'environment passed here', path: 'app.py', start: { line: 7, column: 34 }, end: { line: 7, column: 41 } }]);
    assert.equal(unsafe.fix?.applicability, 'unsafe');
    assert.equal(unsafe.fix?.reason, 'black may not be installed in this venv');
    assert.deepEqual(displayOnly, {
      code: 'VG103',
      rule: 'shell-python-launch',
      severity: 'error',
      message: 'the shell starts `python` from PATH',
      remedy: null,
      path: 'scripts/deploy.py',
      start: { line: 3, column: 1 },
      end: { line: 5, column: 2 },
      related: [{ message: 'program word', path: 'scripts/deploy.py', start: { line: 4, column: 6 }, end: { line: 4, column: 12 } }],
      fix: {
        title: 'Use subprocess.run([sys.executable, "manage.py", "migrate"])',
        applicability: 'display-only',
        reason: 'the shell command line may rely on shell features',
        edits: [{ start: { line: 3, column: 1 }, end: { line: 5, column: 2 }, content: 'subprocess.run([sys.executable, "manage.py", "migrate"])' }],
      },
    });
  });

  test('problems and summary', () => {
    const doc = parse(renderJson({ ...makeResult(), durationMs: 42 }, OPTIONS));
    assert.deepEqual(doc.problems, [
      { path: 'broken.py', kind: 'syntax', message: 'syntax error; checked the parts that parse', start: { line: 3, column: 5 }, partial: true },
      { path: 'vendor/blob.py', kind: 'binary', message: 'binary file, not checked', start: null, partial: false },
    ]);
    assert.deepEqual(doc.summary, {
      diagnostics: 3,
      errors: 2,
      warnings: 1,
      fixable: { safe: 1, unsafe: 1, displayOnly: 1 },
      filesChecked: 5,
      filesSkipped: 12,
      filesNotFullyChecked: 2,
      fixesApplied: null,
      baselined: null,
      durationMs: 42,
    });
    assert.equal(parse(renderJson({ ...makeResult(), fixesApplied: 3 }, OPTIONS)).summary.fixesApplied, 3);
  });

  test('showFixes filters fixes to null; counts stay', () => {
    const fixes = (o: typeof OPTIONS) => parse(renderJson(makeResult(), o)).diagnostics.map((d) => d.fix?.applicability ?? null);
    assert.deepEqual(fixes({ ...OPTIONS, showFixes: 'none' }), [null, null, null]);
    assert.deepEqual(fixes({ ...OPTIONS, showFixes: 'safe' }), ['safe', null, null]);
    assert.deepEqual(fixes({ ...OPTIONS, showFixes: 'safe', unsafeFixesEnabled: true }), ['safe', 'unsafe', null]);
    assert.deepEqual(fixes(OPTIONS), ['safe', 'unsafe', 'display-only']);
    assert.deepEqual(parse(renderJson(makeResult(), { ...OPTIONS, showFixes: 'none' })).summary.fixable, { safe: 1, unsafe: 1, displayOnly: 1 });
  });

  test('absolute paths inside the working directory become relative, with forward slashes', () => {
    const src = new SourceFile('/work/proj/pkg/mod.py', 'run("pip")\n');
    const r = { ...makeResult(), diagnostics: [diag(src, find(src.text, 'pip'), { code: 'VG101', rule: 'bare-python-tool', severity: 'error', message: 'm' })] };
    assert.equal(parse(renderJson(r, OPTIONS)).diagnostics[0].path, 'pkg/mod.py');
  });
});

describe('reporters index', () => {
  test('offers the five formats, each rendering the fixture to newline-terminated text', () => {
    assert.deepEqual(Object.keys(reporters).sort(), ['concise', 'full', 'github', 'json', 'sarif']);
    for (const [name, render] of Object.entries(reporters)) {
      const out = render(makeResult(), OPTIONS);
      assert.ok(out.length > 0 && out.endsWith('\n'), name);
    }
  });
});
