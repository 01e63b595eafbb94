/**
 * Large and hostile files of every front end, grown to a size in bytes (issue 16, point 1): shared by
 * the memory harness (scripts/memory.ts) and the peak-memory test (test/memory.test.ts). Each
 * format has a head that puts a venv in scope and a unit that launches a Python tool, so that
 * every unit is a launch the rules judge; the shapes arrange the units the ways a generated or
 * damaged file does.
 */
import type { Language } from '../src/kernel/launch-site.js';

export type Shape = 'one-line' | 'lines' | 'lone-cr' | 'nested' | 'plain';

export const SHAPES: { shape: Shape; what: string }[] = [
  { shape: 'one-line', what: 'one long line of launches' },
  { shape: 'lines', what: 'a launch on every line' },
  { shape: 'lone-cr', what: 'a launch on every line, lines ended by a lone \\r' },
  { shape: 'nested', what: 'one launch inside deep nesting' },
  { shape: 'plain', what: 'many short lines without launches, one launch at the end' },
];

export interface MemoryFormat {
  language: Language;
  /** The file name the front end is chosen by. */
  name: string;
  /** Puts a venv in scope. */
  head: string;
  /** One launch as a line of its own (no line end). */
  unit: string;
  /** The one-line shape: `lineStart`, `lineUnit` repeated, `lineEnd`. */
  lineStart: string;
  lineUnit: string;
  lineEnd: string;
  /** A line that launches nothing but passes the prefilter. */
  filler: string;
  /** The nested shape: `nestStart`, `open` n times, `nestUnit`, `close` n times, `lineEnd`. */
  nestStart: string;
  open: string;
  close: string;
  nestUnit: string;
}

const SH = 'pip install a';

export const MEMORY_FORMATS: MemoryFormat[] = [
  { language: 'python', name: 'big.py', head: 'import os\nimport subprocess\n', unit: 'os.system("python a.py")', lineStart: '', lineUnit: 'os.system("python a.py"); ', lineEnd: '', filler: 'x = subprocess_count + 1', nestStart: '', open: 'os.system(', close: ')', nestUnit: '"python a.py"' },
  { language: 'shell', name: 'run.sh', head: '#!/bin/sh\npython3 -m venv .venv\n', unit: SH, lineStart: 'true', lineUnit: `; ${SH}`, lineEnd: '', filler: 'echo python', nestStart: 'echo ', open: '$(', close: ')', nestUnit: SH },
  { language: 'dockerfile', name: 'Dockerfile', head: 'FROM python:3.12\nRUN python -m venv /venv\n', unit: `RUN ${SH}`, lineStart: 'RUN true', lineUnit: ` && ${SH}`, lineEnd: '', filler: 'ENV PYTHON_X=1', nestStart: 'RUN echo ', open: '$(', close: ')', nestUnit: SH },
  { language: 'makefile', name: 'Makefile', head: 'all:\n\tpython3 -m venv .venv\n', unit: `\t${SH}`, lineStart: '\ttrue', lineUnit: `; ${SH}`, lineEnd: '', filler: '\t@echo python', nestStart: '\techo ', open: '$$(', close: ')', nestUnit: SH },
  { language: 'github-actions', name: '.github/workflows/ci.yml', head: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv .venv\n', unit: `      - run: ${SH}`, lineStart: '      - run: true', lineUnit: `; ${SH}`, lineEnd: '', filler: '      - run: echo python', nestStart: '      - run: echo ', open: '$(', close: ')', nestUnit: SH },
  { language: 'gitlab-ci', name: '.gitlab-ci.yml', head: 'job:\n  script:\n    - python -m venv .venv\n', unit: `    - ${SH}`, lineStart: '    - true', lineUnit: `; ${SH}`, lineEnd: '', filler: '    - echo python', nestStart: '    - echo ', open: '$(', close: ')', nestUnit: SH },
  { language: 'systemd', name: 'app.service', head: '[Service]\nExecStartPre=/opt/venv/bin/python -m a\n', unit: 'ExecStart=python a.py', lineStart: 'ExecStart=/bin/sh -c "true', lineUnit: '; python a.py', lineEnd: '"', filler: 'Description=python', nestStart: 'ExecStart=/bin/sh -c "echo ', open: '$(', close: ')', nestUnit: 'python a.py' },
  { language: 'supervisor', name: 'supervisord.conf', head: '[program:v]\ncommand=/opt/venv/bin/python -m a\n', unit: '[program:a]\ncommand=python a.py', lineStart: '[program:a]\ncommand=/bin/sh -c "true', lineUnit: '; python a.py', lineEnd: '"', filler: '; python', nestStart: '[program:n]\ncommand=/bin/sh -c "echo ', open: '$(', close: ')', nestUnit: 'python a.py' },
  { language: 'procfile', name: 'Procfile', head: 'v: .venv/bin/python -m a\n', unit: 'w: python a.py', lineStart: 'w: true', lineUnit: '; python a.py', lineEnd: '', filler: '# python', nestStart: 'n: echo ', open: '$(', close: ')', nestUnit: 'python a.py' },
  { language: 'crontab', name: 'crontab', head: '* * * * * /opt/venv/bin/python -m a\n', unit: '* * * * * python a.py', lineStart: '* * * * * true', lineUnit: '; python a.py', lineEnd: '', filler: '# python', nestStart: '* * * * * echo ', open: '$(', close: ')', nestUnit: 'python a.py' },
];

/** `format`'s file of `shape`, `bytes` long or a little over. */
export function shapeText(f: MemoryFormat, shape: Shape, bytes: number): string {
  const times = (piece: string, room: number) => piece.repeat(Math.max(1, Math.ceil(room / piece.length)));
  const room = bytes - f.head.length;
  switch (shape) {
    case 'one-line':
      return f.head + f.lineStart + times(f.lineUnit, room - f.lineStart.length - f.lineEnd.length - 1) + f.lineEnd + '\n';
    case 'lines':
      return f.head + times(f.unit + '\n', room);
    case 'lone-cr':
      return (f.head + times(f.unit + '\n', room)).replace(/\n/g, '\r');
    case 'nested': {
      const n = Math.max(1, Math.floor((room - f.nestStart.length - f.nestUnit.length - f.lineEnd.length - 1) / (f.open.length + f.close.length)));
      return f.head + f.nestStart + f.open.repeat(n) + f.nestUnit + f.close.repeat(n) + f.lineEnd + '\n';
    }
    case 'plain':
      return f.head + times(f.filler + '\n', room - f.unit.length - 1) + f.unit + '\n';
  }
}
