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
  /** Closes what `head` opened (a Jenkinsfile's braces, a notebook's JSON), after every shape. */
  tail?: string;
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
  { language: 'pre-commit', name: '.pre-commit-config.yaml', head: 'repos:\n  - repo: local\n    hooks:\n      - {id: v, entry: .venv/bin/mypy, language: system}\n', unit: '      - {id: t, entry: python -m pytest, language: system}', lineStart: `      - {id: t, language: system, entry: "bash -c 'true`, lineUnit: '; python a.py', lineEnd: `'"}`, filler: '      # python', nestStart: `      - {id: n, language: system, entry: "bash -c 'echo `, open: '$(', close: ')', nestUnit: 'python a.py' },
  { language: 'jenkins', name: 'Jenkinsfile', head: "pipeline {\n  agent any\n  stages {\n    stage('a') {\n      steps {\n        sh 'python3 -m venv venv'\n", unit: `        sh '${SH}'`, lineStart: "        sh 'true", lineUnit: `; ${SH}`, lineEnd: "'", filler: '        // python', nestStart: "        sh 'echo ", open: '$(', close: ')', nestUnit: SH, tail: '      }\n    }\n  }\n}\n' },
  { language: 'azure-pipelines', name: 'azure-pipelines.yml', head: 'steps:\n  - script: python -m venv .venv\n', unit: `  - script: ${SH}`, lineStart: '  - script: true', lineUnit: `; ${SH}`, lineEnd: '', filler: '  - script: echo python', nestStart: '  - script: echo ', open: '$(', close: ')', nestUnit: SH },
  { language: 'circleci', name: '.circleci/config.yml', head: 'version: 2.1\njobs:\n  a:\n    docker:\n      - image: cimg/python:3.12\n    steps:\n      - run: python -m venv .venv\n', unit: `      - run: ${SH}`, lineStart: '      - run: true', lineUnit: `; ${SH}`, lineEnd: '', filler: '      - run: echo python', nestStart: '      - run: echo ', open: '$(', close: ')', nestUnit: SH },
  { language: 'bitbucket-pipelines', name: 'bitbucket-pipelines.yml', head: 'pipelines:\n  default:\n    - step:\n        script:\n          - python -m venv .venv\n', unit: `          - ${SH}`, lineStart: '          - true', lineUnit: `; ${SH}`, lineEnd: '', filler: '          - echo python', nestStart: '          - echo ', open: '$(', close: ')', nestUnit: SH },
  // Compose has no shell: one long command line, many environment lines, deeply nested flow lists.
  { language: 'compose', name: 'compose.yaml', head: 'services:\n  web:\n    build: .\n    environment:\n      - VIRTUAL_ENV=/venv\n', unit: '      - A=python', lineStart: '    command: python', lineUnit: ' a.py', lineEnd: '', filler: '      - B=pip', nestStart: '    labels: ', open: '[', close: ']', nestUnit: 'python' },
  { language: 'notebook', name: 'explore.ipynb', head: '{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": ["!python -m venv .venv"]}\n', unit: `, {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["!${SH}"]}`, lineStart: ', {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["!true', lineUnit: `; ${SH}`, lineEnd: '"]}', filler: ', {"cell_type": "markdown", "metadata": {}, "source": ["python"]}', nestStart: ', {"cell_type": "code", "metadata": {}, "outputs": [], "source": ["!echo ', open: '$(', close: ')', nestUnit: SH, tail: '], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n' },
];

/** `format`'s file of `shape`, `bytes` long or a little over. */
export function shapeText(f: MemoryFormat, shape: Shape, bytes: number): string {
  const tail = f.tail ?? '';
  return body(f, shape, bytes - tail.length) + tail;
}

function body(f: MemoryFormat, shape: Shape, bytes: number): string {
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
