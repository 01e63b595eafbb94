/** The wording shared by rule messages (src/rules/describe.ts): how a launch reaches its program, and which PATH is searched. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LaunchSite, PathState } from '../../src/kernel/launch-site.js';
import { SourceFile } from '../../src/kernel/source.js';
import type { Verdict } from '../../src/kernel/verdict.js';
import { lookedUpOn, via } from '../../src/rules/describe.js';

function site(wrappers: string[], viaShell: boolean, path: PathState = { kind: 'inherited' }): LaunchSite {
  return { file: new SourceFile('x.py', ''), language: 'python', api: 'os.system', callSpan: { start: 0, end: 0 }, argv: [], argvComplete: true, searchesPath: true, viaShell, wrappers, env: { path } };
}
const verdict = (resolution: Verdict['resolution']): Verdict => ({ tool: 'interpreter', name: 'python', resolution, words: 1 });

test('via: wrappers outermost first; a shell string says so unless a `-c` wrapper already does', () => {
  assert.equal(via(site([], false)), '');
  assert.equal(via(site([], true)), ' (via sh)');
  assert.equal(via(site(['env', 'nice'], false)), ' (via env → nice)');
  assert.equal(via(site(['sudo'], true)), ' (via sh → sudo)');
  assert.equal(via(site(['bash -c'], false)), ' (via bash -c)');
});

test('lookedUpOn: inherited PATH, os.defpath, sudo secure_path, and a PATH another wrapper sets', () => {
  assert.match(lookedUpOn(verdict('path')), /on PATH, which has this venv only if activated/);
  assert.match(lookedUpOn(verdict('defpath')), /os\.defpath \(\/bin:\/usr\/bin\): env= has no PATH/);
  assert.match(lookedUpOn(verdict('sudo'), site(['sudo'], true, { kind: 'reset', by: 'sudo' })), /sudo's secure_path/);
  assert.match(lookedUpOn(verdict('sudo'), site(['env'], true, { kind: 'reset', by: 'env -i' })), /default path \(\/bin:\/usr\/bin\): env -i cleared PATH/);
  assert.match(lookedUpOn(verdict('sudo'), site(['su'], true, { kind: 'reset', by: 'su -l' })), /the PATH that su -l sets/);
});
