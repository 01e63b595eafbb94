/** The matrix values an `if:` pins (src/frontends/actions/matrix.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pinMatrix, pinnedMatrix } from '../../src/frontends/actions/matrix.js';

const pins = (c: string | undefined) => Object.fromEntries(pinnedMatrix(c));

test('an if: of == comparisons joined by && pins each key', () => {
  assert.deepEqual(pins("matrix.package == 'prefect-ray'"), { package: 'prefect-ray' });
  assert.deepEqual(pins("${{ matrix.os == 'ubuntu-latest' && 'x' == matrix.kind }}"), { os: 'ubuntu-latest', kind: 'x' });
  assert.deepEqual(pins("(matrix.name == 'it''s') && success()"), { name: "it's" });
});

test('nothing is pinned where the step may run for other values', () => {
  assert.deepEqual(pins(undefined), {});
  assert.deepEqual(pins("matrix.a == 'x' || matrix.a == 'y'"), {});
  assert.deepEqual(pins("!(matrix.a == 'x')"), {});
  assert.deepEqual(pins("matrix.a != 'x'"), {});
  assert.deepEqual(pins("matrix.a == 'x' && matrix.a == 'y'"), {});
  assert.deepEqual(pins("contains(matrix.a, 'x')"), {});
});

test('pinMatrix replaces only pinned keys', () => {
  const p = pinnedMatrix("matrix.package == 'prefect-ray'");
  assert.equal(pinMatrix('src/${{ matrix.package }}/${{matrix.other}}', p), 'src/prefect-ray/${{matrix.other}}');
  assert.equal(pinMatrix('src/${{ matrix.package }}', new Map()), 'src/${{ matrix.package }}');
});
