/**
 * The diagnose stage on its own: launch sites that come from no parse (as the runtime tracer and
 * an editor server will hand them over) are judged, reported and suppressed like parsed ones.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnoseSites, SourceFile, type LaunchSite } from '../src/api.js';
import { textWord } from '../src/kernel/word.js';

const file = new SourceFile('trace.log', 'pid 41 ran: pip install requests\npid 42 ran: python analyze.py\n');

function site(argv: string[], at: number, extra: Partial<LaunchSite> = {}): LaunchSite {
  let off = at;
  const words = argv.map((a) => {
    const w = textWord(a, off);
    off += a.length + 1;
    return w;
  });
  return {
    file,
    language: 'python',
    api: 'subprocess.Popen',
    callSpan: { start: at, end: off - 1 },
    argv: words,
    argvComplete: true,
    searchesPath: true,
    viaShell: false,
    wrappers: [],
    env: { path: { kind: 'inherited' } },
    ...extra,
  };
}

test('diagnoseSites: hand-made Python sites are judged by the Python rules, with no fix when no front end can rewrite them', () => {
  const pip = site(['pip', 'install', 'requests'], 12);
  const python = site(['python', 'analyze.py'], file.text.indexOf('python'));
  const { diagnostics, problems } = diagnoseSites(file, [pip, python]);
  assert.deepEqual(problems, []);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.start.line, d.start.column, d.fix]), [
    ['VG102', 1, 13, undefined],
    ['VG101', 2, 13, undefined],
  ]);
});

test('diagnoseSites: a site whose program is an explicit path is not reported; suppressions apply by line', () => {
  const explicit = site(['/srv/app/venv/bin/pip', 'install', 'x'], 0);
  assert.deepEqual(diagnoseSites(file, [explicit]).diagnostics, []);
  const pip = site(['pip', 'install', 'requests'], 12);
  assert.deepEqual(diagnoseSites(file, [pip], { suppressions: new Map([[1, new Set(['VG102'])]]) }).diagnostics, []);
  assert.equal(diagnoseSites(file, [pip], { suppressions: new Map([[2, 'all']]) }).diagnostics.length, 1);
});

test('diagnoseSites: a configuration site carries its facts on the site; VG201 reads them', () => {
  const pip = site(['pip', 'install', 'requests'], 12, {
    language: 'shell',
    api: 'shell',
    viaShell: true,
    env: { path: { kind: 'inherited' }, knownVenvs: ['/srv/app/venv'] },
    config: {
      venvOrigins: new Map([['/srv/app/venv', { line: 1, how: 'named' as const }]]),
      form: 'shell',
      unit: 'this command',
      scope: 'in this command',
      persistAdvice: (v: string) => `put ${v}/bin on PATH`,
    },
  });
  const { diagnostics } = diagnoseSites(file, [pip], { select: ['VG201'] });
  assert.deepEqual(diagnostics.map((d) => d.code), ['VG201']);
  assert.match(`${diagnostics[0].message}; ${diagnostics[0].remedy}`, /venv \/srv\/app\/venv is not on PATH in this command; \/srv\/app\/venv named at line 1: use \/srv\/app\/venv\/bin\/python -m pip, or put \/srv\/app\/venv\/bin on PATH/);
});
