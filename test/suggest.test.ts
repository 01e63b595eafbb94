/** "Did you mean": edit distance with adjacent swaps, and a closeness limit that keeps it to typos. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, didYouMean, editDistance } from '../src/kernel/suggest.js';

test('editDistance counts insertions, deletions, substitutions and adjacent swaps', () => {
  assert.equal(editDistance('ignore', 'ignore'), 0);
  assert.equal(editDistance('ignor', 'ignore'), 1);
  assert.equal(editDistance('ignoer', 'ignore'), 1, 'a swap is one edit');
  assert.equal(editDistance('respect_gitignore', 'respect-gitignore'), 1);
  assert.equal(editDistance('', 'abc'), 3);
});

test('closest: case-insensitive, within a third of the word (1 to 3 edits), else nothing', () => {
  const keys = ['select', 'ignore', 'exclude', 'extend-exclude', 'respect-gitignore', 'max-file-size', 'output-format'];
  assert.equal(closest('Selct', keys), 'select');
  assert.equal(closest('exlude', keys), 'exclude');
  assert.equal(closest('output_fromat', keys), 'output-format');
  assert.equal(closest('colour', keys), undefined, 'another word, not a typo');
  assert.equal(closest('VG1O1', ['VG101', 'VG102']), 'VG101');
  assert.equal(didYouMean('bare-pipp', ['bare-pip', 'bare-python-interpreter']), '; did you mean "bare-pip"?');
  assert.equal(didYouMean('zzz', ['bare-pip']), '');
});
