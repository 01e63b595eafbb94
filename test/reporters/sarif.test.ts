/**
 * The SARIF reporter: validity against the official SARIF 2.1.0 schema (from the shared folder),
 * the run's structure, and fingerprints that survive lines being inserted above a finding.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type * as Sarif from 'sarif';
import { SourceFile } from '../../src/kernel/source.js';
import { FINGERPRINT_KEY, renderSarif, toSarifLog } from '../../src/reporters/sarif.js';
import type { CheckResult } from '../../src/reporters/types.js';
import { assertValidSarif as assertValid, schemaValidator } from '../sarif-schema.js';
import { APP_TEXT, DEPLOY_TEXT, diag, find, makeResult, OPTIONS } from './fixture.js';

/** Findings in a path with a space and `#`, and in a file outside the working directory. */
function oddPaths(): CheckResult {
  const spaced = new SourceFile('my dir/a#b.py', 'run("pip")\n');
  const outside = new SourceFile('/elsewhere/c.py', 'run("pip")\n');
  const r = makeResult();
  r.diagnostics = [spaced, outside].map((f) => diag(f, find(f.text, 'pip'), { code: 'VG999', rule: 'unknown-rule', severity: 'warning', message: 'm' }));
  r.sources = new Map([spaced, outside].map((f) => [f.path, f]));
  return r;
}

const run = (r: CheckResult) => toSarifLog(r, OPTIONS).runs[0];
const fingerprints = (r: CheckResult) => run(r).results!.map((res) => res.partialFingerprints![FINGERPRINT_KEY]);
const startLines = (r: CheckResult) => run(r).results!.map((res) => res.locations![0].physicalLocation!.region!.startLine);

describe('sarif reporter', () => {
  test('the fixture validates against the official SARIF 2.1.0 schema', (t) => {
    assertValid(t, renderSarif(makeResult(), OPTIONS));
  });

  test('an empty run, and odd and outside paths, validate too', (t) => {
    assertValid(t, renderSarif({ ...makeResult(), diagnostics: [], problems: [], rules: [] }, OPTIONS));
    assertValid(t, renderSarif(oddPaths(), OPTIONS));
  });

  test('URIs: relative to %SRCROOT% and percent-encoded, or absolute file URLs outside it', () => {
    const r = oddPaths();
    const uris = run(r).results!.map((res) => res.locations![0].physicalLocation!.artifactLocation);
    assert.deepEqual(uris, [{ uri: 'my%20dir/a%23b.py', uriBaseId: '%SRCROOT%' }, { uri: 'file:///elsewhere/c.py' }]);
    assert.equal(run(r).results![0].ruleIndex, undefined, 'no ruleIndex for a rule not in the driver');
  });

  test('the validator is not vacuous: it rejects a broken log', (t) => {
    const validate = schemaValidator(t);
    if (!validate) return;
    const log = toSarifLog(makeResult(), OPTIONS) as unknown as Record<string, unknown>;
    assert.equal(validate({ ...log, version: '2.0.0' }), false);
    const bad = JSON.parse(renderSarif(makeResult(), OPTIONS));
    bad.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(bad), false);
  });

  test('header, driver and rules', () => {
    const log = JSON.parse(renderSarif(makeResult(), OPTIONS)) as Sarif.Log;
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'venvguard');
    assert.equal(driver.version, '0.1.0');
    assert.equal(driver.informationUri, 'https://github.com/venvguard/venvguard');
    assert.deepEqual(driver.rules!.map((rule) => [rule.id, rule.name]), [
      ['VG101', 'bare-python-tool'],
      ['VG102', 'env-without-venv-path'],
      ['VG103', 'shell-python-launch'],
    ]);
    const rule = driver.rules![0];
    assert.equal(rule.helpUri, 'https://github.com/venvguard/venvguard/blob/main/docs/rules/bare-python-tool.md');
    assert.equal(rule.shortDescription!.text, 'A Python tool launched by bare name, resolved on PATH instead of in the venv');
    assert.match(rule.fullDescription!.text, /looked up on PATH/);
    assert.deepEqual(rule.defaultConfiguration, { level: 'error' });
    assert.deepEqual(rule.properties!.tags, ['correctness', 'virtualenv', 'python']);
    for (const heading of ['## Example', '```python\nimport subprocess\n', '## Why', '## Use instead', '## Fix safety', '## Key takeaway']) {
      assert.ok(rule.help!.markdown!.includes(heading), heading);
    }
    assert.ok(rule.help!.text.includes('Use instead:\n\n    import subprocess, sys\n'));
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///work/proj/' } });
  });

  test('rule help fences code containing backticks and links only bare URLs', () => {
    const r = makeResult();
    const [first] = r.rules;
    r.rules = [{ ...first, docs: { ...first.docs, example: 'print("```")\n', references: ['PEP 405', 'https://peps.python.org/pep-0405/'] } }];
    const markdown = run(r).tool.driver.rules![0].help!.markdown!;
    assert.ok(markdown.includes('## Example\n\n````python\nprint("```")\n````\n'));
    assert.ok(markdown.endsWith('## References\n\n- PEP 405\n- <https://peps.python.org/pep-0405/>'));
  });

  test('results: level, location, related locations, fixes', () => {
    const results = run(makeResult()).results!;
    assert.deepEqual(results.map((r) => [r.ruleId, r.ruleIndex, r.level]), [
      ['VG101', 0, 'error'],
      ['VG102', 1, 'warning'],
      ['VG103', 2, 'error'],
    ]);
    assert.deepEqual(results[2].locations, [
      {
        physicalLocation: {
          artifactLocation: { uri: 'scripts/deploy.py', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 1, endLine: 5, endColumn: 2, snippet: { text: 'os.system(\r\n    "python manage.py migrate"\r\n)' } },
        },
      },
    ]);
    assert.deepEqual(results[1].relatedLocations, [
      {
        id: 1,
        message: { text: 'environment passed here' },
        physicalLocation: {
          artifactLocation: { uri: 'app.py', uriBaseId: '%SRCROOT%' },
          region: { startLine: 7, startColumn: 34, endLine: 7, endColumn: 41, snippet: { text: 'env=env' } },
        },
      },
    ]);
    assert.deepEqual(results[0].fixes, [
      {
        description: { text: 'Run pip with this interpreter: `sys.executable, "-m", "pip"`' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'app.py', uriBaseId: '%SRCROOT%' },
            replacements: [
              { deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, insertedContent: { text: 'import sys\n' } },
              { deletedRegion: { startLine: 4, startColumn: 21, endLine: 4, endColumn: 26 }, insertedContent: { text: 'sys.executable, "-m", "pip"' } },
            ],
          },
        ],
        properties: { applicability: 'safe' },
      },
    ]);
    assert.deepEqual(results[2].fixes![0].properties, { applicability: 'display-only', reason: 'the shell command line may rely on shell features' });
    const safeOnly = toSarifLog(makeResult(), { ...OPTIONS, showFixes: 'safe' }).runs[0].results!;
    assert.deepEqual(safeOnly.map((r) => r.fixes?.length ?? 0), [1, 0, 0]);
  });

  test('file problems are tool execution notifications of a successful run', () => {
    const [invocation] = run(makeResult()).invocations!;
    assert.equal(invocation.executionSuccessful, true);
    assert.deepEqual(invocation.toolExecutionNotifications, [
      {
        level: 'warning',
        message: { text: 'syntax error; checked the parts that parse' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 5 } } }],
        properties: { kind: 'syntax', partial: true },
      },
      {
        level: 'warning',
        message: { text: 'binary file, not checked' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'vendor/blob.py', uriBaseId: '%SRCROOT%' } } }],
        properties: { kind: 'binary', partial: false },
      },
    ]);
  });
});

describe('sarif fingerprints', () => {
  test('are 32 hex digits, distinct per finding', () => {
    const fp = fingerprints(makeResult());
    assert.equal(new Set(fp).size, 3);
    for (const f of fp) assert.match(f, /^[0-9a-f]{32}$/);
  });

  test('do not change when lines are inserted above', () => {
    const before = makeResult();
    const after = makeResult('# a\n# b\n\n' + APP_TEXT, '# header\r\n\r\n' + DEPLOY_TEXT);
    assert.deepEqual(startLines(before), [4, 7, 3]);
    assert.deepEqual(startLines(after), [7, 10, 5]);
    assert.deepEqual(fingerprints(after), fingerprints(before));
  });

  test('do not change when the flagged line is only re-indented; do when its text changes', () => {
    const before = fingerprints(makeResult());
    const reindented = fingerprints(makeResult(APP_TEXT.replace('    subprocess.run', '        subprocess.run')));
    assert.equal(reindented[0], before[0]);
    const edited = fingerprints(makeResult(APP_TEXT.replace('"-r"', '"-U", "-r"')));
    assert.notEqual(edited[0], before[0]);
  });

  test('identical lines are told apart by their order, and keep it when lines move above', () => {
    const line = 'subprocess.run(["pip", "install", "x"])';
    const make = (prefix: string) => {
      const f = new SourceFile('dup.py', `${prefix}${line}\n${line}\n`);
      const r = makeResult();
      r.diagnostics = [0, 1].map((n) => diag(f, find(f.text, '"pip"', n), { code: 'VG101', rule: 'bare-python-tool', severity: 'error', message: 'm' }));
      r.sources = new Map([[f.path, f]]);
      return r;
    };
    const a = fingerprints(make(''));
    assert.notEqual(a[0], a[1]);
    assert.deepEqual(fingerprints(make('import subprocess\n\n')), a);
    // counted in file order even when the caller's order differs
    const reversed = make('');
    reversed.diagnostics.reverse();
    assert.deepEqual(fingerprints(reversed), [a[1], a[0]]);
  });
});
