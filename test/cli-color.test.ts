/** colorWanted: the colour decision on a terminal, which a spawned CLI (a pipe) cannot show. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colorWanted } from '../src/cli/color.js';

test('on a terminal: colour unless NO_COLOR, FORCE_COLOR=0/false or TERM=dumb; --color overrides all', () => {
  assert.equal(colorWanted('auto', {}, true), true);
  assert.equal(colorWanted('auto', {}, false), false);
  assert.equal(colorWanted('auto', { NO_COLOR: '1' }, true), false);
  assert.equal(colorWanted('auto', { NO_COLOR: '' }, true), true, 'an empty NO_COLOR is unset (no-color.org)');
  assert.equal(colorWanted('auto', { FORCE_COLOR: '0' }, true), false);
  assert.equal(colorWanted('auto', { FORCE_COLOR: 'false' }, true), false);
  assert.equal(colorWanted('auto', { FORCE_COLOR: '' }, true), true, 'an empty FORCE_COLOR is unset');
  assert.equal(colorWanted('auto', { FORCE_COLOR: '2' }, false), true);
  assert.equal(colorWanted('auto', { FORCE_COLOR: 'true', NO_COLOR: '1' }, false), true);
  assert.equal(colorWanted('auto', { TERM: 'dumb' }, true), false);
  assert.equal(colorWanted('never', { FORCE_COLOR: '1' }, true), false);
  assert.equal(colorWanted('always', { NO_COLOR: '1', FORCE_COLOR: '0' }, false), true);
});
