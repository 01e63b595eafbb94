/**
 * Reports in pieces (`chunkedReporters`): the CLI writes each format as it is built, one batch of
 * findings at a time. The pieces must join to exactly the text the whole document gives, at every
 * size, and no piece may hold the whole report.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prettyJsonChunks, ITEMS_PLACE } from '../../src/reporters/common.js';
import { jsonReportChunks, toJsonReport } from '../../src/reporters/json.js';
import { sarifLogChunks, toSarifLog } from '../../src/reporters/sarif.js';
import { chunkedReporters, reporters } from '../../src/reporters/index.js';
import { makeResult, OPTIONS } from './fixture.js';

test('JSON and SARIF pieces join to JSON.stringify of the whole document: no finding, a few, thousands', () => {
  const base = makeResult();
  for (const n of [0, 1, base.diagnostics.length, 3000]) {
    const diagnostics = Array.from({ length: n }, (_, i) => base.diagnostics[i % base.diagnostics.length]);
    const r = { ...base, diagnostics };
    const json = [...jsonReportChunks(r, OPTIONS)];
    assert.equal(json.join(''), JSON.stringify(toJsonReport(r, OPTIONS), null, 2) + '\n', `json, ${n} findings`);
    const sarif = [...sarifLogChunks(r, OPTIONS)];
    assert.equal(sarif.join(''), JSON.stringify(toSarifLog(r, OPTIONS), null, 2) + '\n', `sarif, ${n} findings`);
    if (n === 3000) {
      assert.ok(json.length > 10 && sarif.length > 10, `written in pieces (${json.length} and ${sarif.length})`);
      for (const c of [...json, ...sarif]) assert.ok(c.length < 70_000, `a piece of ${c.length} characters`);
    }
  }
});

test('prettyJsonChunks: the items at any depth, with nested values, strings holding newlines and quotes', () => {
  const items = [{ a: [1, { b: 'x\ny "z"' }], c: null }, [], 'plain', { e: {} }];
  const doc = { top: 1, deep: { list: [{ here: ITEMS_PLACE, after: true }] }, tail: [] };
  const whole = { top: 1, deep: { list: [{ here: items, after: true }] }, tail: [] };
  assert.equal([...prettyJsonChunks(doc, items, (x) => x)].join(''), JSON.stringify(whole, null, 2) + '\n');
  assert.throws(() => [...prettyJsonChunks({ no: 1 }, items, (x) => x)], /no place/);
});

test('every format: the pieces the CLI writes join to the reporter\'s text, with and without findings and problems, in colour too', () => {
  const base = makeResult();
  for (const n of [0, 1, 3000]) {
    const diagnostics = Array.from({ length: n }, (_, i) => base.diagnostics[i % base.diagnostics.length]);
    for (const problems of [[], base.problems]) {
      const r = { ...base, diagnostics, problems };
      for (const name of Object.keys(reporters) as (keyof typeof reporters)[]) {
        for (const color of [false, true]) {
          const o = { ...OPTIONS, color };
          const pieces = [...chunkedReporters[name](r, o)];
          assert.equal(pieces.join(''), reporters[name](r, o), `${name}, ${n} findings, ${problems.length} problems`);
          if (n === 3000) {
            assert.ok(pieces.length > 1, `${name} in pieces`);
            for (const c of pieces) assert.ok(c.length < 70_000 + 10_000, `${name}: a piece of ${c.length} characters`);
          }
        }
      }
    }
  }
});
