/** Code frames: tab expansion, CRLF, wide characters, empty and multi-line spans, sanitizing. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SourceFile } from '../../src/kernel/source.js';
import { codeFrame, MAX_LINE_CELLS, sanitize, toTerminalLine, WHOLE_LINE_CELLS } from '../../src/reporters/code-frame.js';

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

describe('codeFrame on long lines', () => {
  /** A minified bundle's line: `n` statements, the launch somewhere in it. */
  const minified = (before: number, after: number) => `${'var a=1;'.repeat(before)}require("child_process").execSync("pip install x");${'var b=2;'.repeat(after)}`;
  /** The frame of the first `needle`: its printed source lines (without gutter) and the caret's columns in them. */
  const frame = (text: string, needle: string, length = needle.length) => {
    const f = new SourceFile('dist/app.py', text);
    const at = text.indexOf(needle);
    const lines = codeFrame(f, f.location(at), f.location(at + length)).lines;
    const m = lines.findIndex((l) => /^\s*\|\s*\^/.test(l));
    const gutter = lines[m].indexOf('|') + 2;
    const caret = lines[m].indexOf('^') - gutter;
    return { lines: lines.map((l) => l.slice(gutter)), flagged: lines[m - 1].slice(gutter), caret, carets: lines[m].length - gutter - caret };
  };

  test('a 1 MB line is cut to a window of 120 cells around the span, with … on both cut sides and the caret under the span', () => {
    // CPU time, not wall time: a loaded machine (parallel test files) stretches the latter.
    const t0 = process.cpuUsage();
    const r = frame(`// bundle\n${minified(65536, 65536)}\n`, '"pip install x"');
    const used = process.cpuUsage(t0);
    const ms = (used.user + used.system) / 1000;
    assert.equal(r.flagged.length, MAX_LINE_CELLS, r.flagged);
    assert.ok(r.flagged.startsWith('\u2026') && r.flagged.endsWith('\u2026'), r.flagged);
    assert.equal(r.flagged.slice(r.caret, r.caret + r.carets), '"pip install x"');
    // Centred: as much of the line shown before the span as after it (within a cell).
    assert.ok(Math.abs(r.caret - (MAX_LINE_CELLS - r.caret - r.carets)) <= 1, `${r.caret}`);
    assert.ok(ms < 200, `${ms} ms of CPU for one frame of a 1 MB line`);
  });

  test('near the start or the end of a long line only the cut side has …; a line of 200 cells is not cut', () => {
    const head = frame(minified(0, 100) + '\n', '"pip install x"');
    assert.ok(!head.flagged.startsWith('\u2026') && head.flagged.endsWith('\u2026'), head.flagged);
    assert.equal(head.flagged.slice(head.caret, head.caret + head.carets), '"pip install x"');
    const tail = frame(minified(100, 0) + '\n', '"pip install x"');
    assert.ok(tail.flagged.startsWith('\u2026') && !tail.flagged.endsWith('\u2026'), tail.flagged);
    assert.ok(tail.flagged.endsWith('execSync("pip install x");'), tail.flagged);
    assert.equal(tail.flagged.slice(tail.caret, tail.caret + tail.carets), '"pip install x"');
    // A long hand-written line (up to 200 cells) is shown whole; one cell more and it is cut.
    const exact = `x = run(["pip"])${' '.repeat(WHOLE_LINE_CELLS - 17)}#`;
    assert.equal(frame(exact + '\n', '"pip"').flagged, exact);
    const cut = frame(exact + '#\n', '"pip"').flagged;
    assert.ok(cut.length <= MAX_LINE_CELLS && cut.startsWith('x = run(["pip"])') && cut.endsWith('\u2026'), cut);
  });

  test('a long context line is cut around the same columns; a span wider than the window is underlined to the window\'s edge', () => {
    const r = frame(`${'#'.repeat(5000)}\n${minified(300, 300)}\n${'y'.repeat(5000)}\n`, '"pip install x"');
    for (const l of r.lines.filter((x) => /[#y]/.test(x))) assert.ok([...l].length <= MAX_LINE_CELLS && l.includes('\u2026'), l);
    const wide = frame(`run("${'p'.repeat(1000)}")\n`, 'run', 1000);
    assert.ok(wide.carets <= MAX_LINE_CELLS && wide.caret + wide.carets <= [...wide.flagged].length, JSON.stringify(wide));
    assert.ok(wide.flagged.startsWith('run("ppp'));
  });

  test('wide characters and tabs in a cut line keep the caret under the span', () => {
    const line = `${'漢\t'.repeat(2000)}run(["pip"])${'🐍'.repeat(2000)}`;
    const r = frame(line + '\n', '"pip"');
    // Count cells: wide characters take two.
    const cells = (s: string) => [...s].reduce((n, ch) => n + (/[\u4e00-\u9fff]|\p{Emoji_Presentation}/u.test(ch) ? 2 : 1), 0);
    assert.ok(cells(r.flagged) <= MAX_LINE_CELLS, r.flagged);
    let cell = 0;
    let i = 0;
    const chars = [...r.flagged];
    while (cell < r.caret) cell += cells(chars[i++]);
    assert.equal(chars.slice(i, i + 5).join(''), '"pip"');
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
