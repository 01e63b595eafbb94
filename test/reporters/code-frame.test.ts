/** Code frames: tab expansion, CRLF, wide characters, empty and multi-line spans, sanitizing. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SourceFile } from '../../src/kernel/source.js';
import { codeFrame, sanitize, toTerminalLine } from '../../src/reporters/code-frame.js';

/** The frame for the `nth` occurrence of `needle` (or an explicit span). */
function frameOf(text: string, needle: string, length = needle.length): string {
  const f = new SourceFile('f.py', text);
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} in fixture`);
  return codeFrame(f, f.location(at), f.location(at + length)).lines.join('\n');
}

describe('codeFrame', () => {
  test('underlines the span with one line of context each side', () => {
    assert.equal(
      frameOf('a = 1\nrun(["pip"])\nb = 2\nc = 3\n', '"pip"'),
      ['  |', '1 | a = 1', '2 | run(["pip"])', `  | ${' '.repeat(5)}^^^^^`, '3 | b = 2', '  |'].join('\n'),
    );
  });

  test('expands a leading tab to the next tab stop and aligns the underline', () => {
    assert.equal(frameOf('\tpip()\n', 'pip'), ['  |', '1 |     pip()', '  |     ^^^', '  |'].join('\n'));
  });

  test('expands a mid-line tab to the next multiple of four cells', () => {
    assert.equal(frameOf('ab\tpip\n', 'pip'), ['  |', '1 | ab  pip', '  |     ^^^', '  |'].join('\n'));
  });

  test('never prints carriage returns from CRLF files', () => {
    const out = frameOf('x = 1\r\nrun("pip")\r\ny = 2\r\n', 'pip');
    assert.ok(!out.includes('\r'));
    assert.equal(out, ['  |', '1 | x = 1', '2 | run("pip")', '  |      ^^^', '3 | y = 2', '  |'].join('\n'));
  });

  test('an empty span is underlined with one caret', () => {
    assert.equal(frameOf('run(pip)\n', 'pip', 0), ['  |', '1 | run(pip)', '  |     ^', '  |'].join('\n'));
  });

  test('a span at the end of the line puts one caret after the text', () => {
    assert.equal(frameOf('run(pip)\n', '\n', 0), ['  |', '1 | run(pip)', '  |         ^', '  |'].join('\n'));
  });

  test('a multi-line span is underlined on its first line only, to the end of that line', () => {
    assert.equal(
      frameOf('os.system(\n  "pip"\n)\n', 'os.system(\n  "pip"\n)'),
      ['  |', '1 | os.system(', '  | ^^^^^^^^^^', '2 |   "pip"', '  |'].join('\n'),
    );
  });

  test('wide characters take two cells; astral characters two UTF-16 units', () => {
    // 漢 is one UTF-16 unit but two cells; 🐍 is two units and two cells.
    assert.equal(frameOf('s = "漢🐍" + pip\n', 'pip'), ['  |', '1 | s = "漢🐍" + pip', `  | ${' '.repeat(13)}^^^`, '  |'].join('\n'));
  });

  test('combining marks take no cell', () => {
    assert.equal(frameOf('e\u0301 = pip\n', 'pip'), ['  |', '1 | e\u0301 = pip', '  |     ^^^', '  |'].join('\n'));
  });

  test('drops blank context lines and sizes the gutter for the widest line number', () => {
    const text = ['1', '2', '3', '4', '5', '6', '7', '8', '', 'pip', '', ''].join('\n');
    assert.equal(frameOf(text, 'pip'), ['   |', '10 | pip', '   | ^^^', '   |'].join('\n'));
    const f = new SourceFile('f.py', ['1', '2', '3', '4', '5', '6', '7', '8', 'x', 'pip', 'y'].join('\n'));
    const frame = codeFrame(f, { line: 10, column: 1 }, { line: 10, column: 4 });
    assert.equal(frame.gutterWidth, 2);
    assert.deepEqual(frame.lines, ['   |', ' 9 | x', '10 | pip', '   | ^^^', '11 | y', '   |']);
  });

  test('control characters in the source are shown as control pictures, not sent to the terminal', () => {
    const out = frameOf('x = "\u001b[31m" + pip\n', 'pip');
    assert.ok(!out.includes('\u001b'));
    assert.equal(out, ['  |', '1 | x = "\u241b[31m" + pip', '  |               ^^^', '  |'].join('\n'));
  });
});

describe('toTerminalLine', () => {
  test('maps every UTF-16 index to its cell', () => {
    assert.deepEqual(toTerminalLine('\ta🐍b').cells, [0, 4, 5, 5, 7, 8]);
  });
});

describe('sanitize', () => {
  test('replaces control, C1 and bidi-override characters and lone surrogates; keeps the rest', () => {
    assert.equal(sanitize('a\u001bb\nc\u009bd\u202ee\ud800f\tg 漢🐍'), 'a\u241bb\u240ac\ufffdd\ufffde\ufffdf g 漢🐍');
  });
});
