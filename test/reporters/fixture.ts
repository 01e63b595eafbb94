/**
 * A hand-built CheckResult shared by the reporter tests: an LF file with a tab-indented line, a
 * CRLF file with a multi-line finding, safe / unsafe / display-only fixes, related locations and
 * two file problems. Offsets are found by searching the text, so the fixture reads like the files.
 */
import type { Diagnostic, Fix, FileProblem } from '../../src/kernel/diagnostic.js';
import type { RuleMeta } from '../../src/kernel/rule.js';
import { SourceFile } from '../../src/kernel/source.js';
import type { CheckResult, ReportOptions } from '../../src/reporters/types.js';

export const CWD = '/work/proj';

export const APP_TEXT = [
  'import subprocess',
  '',
  'def install():',
  '    subprocess.run(["pip", "install", "-r", "requirements.txt"])',
  '',
  'def fmt(env):',
  '\tsubprocess.call(["black", "."], env=env)',
  '',
].join('\n');

export const DEPLOY_TEXT = ['import os', '', 'os.system(', '    "python manage.py migrate"', ')', ''].join('\r\n');

/** Offsets of the `nth` occurrence of `needle` (0-based) in `text`. */
export function find(text: string, needle: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture: ${JSON.stringify(needle)} #${nth} not found`);
  }
  return { start: at, end: at + needle.length };
}

export function diag(
  file: SourceFile,
  span: { start: number; end: number },
  d: Pick<Diagnostic, 'code' | 'rule' | 'severity' | 'message'>,
  related: { message: string; span: { start: number; end: number } }[] = [],
  fix?: Fix,
): Diagnostic {
  return {
    ...d,
    path: file.path,
    span,
    start: file.location(span.start),
    end: file.location(span.end),
    related: related.map((r) => ({ ...r, start: file.location(r.span.start), end: file.location(r.span.end) })),
    ...(fix ? { fix } : {}),
  };
}

export function rule(code: string, name: string, summary: string): RuleMeta {
  return {
    code,
    name,
    summary,
    fixable: 'sometimes',
    judges: 'python',
    topic: 'interpreters',
    messages: {},
    docs: {
      mentalModel: `${name}: a bare program name is looked up on PATH, which is not the venv's bin.`,
      example: 'import subprocess\nsubprocess.run(["pip", "install", "x"])\n',
      question: 'Which pip runs?',
      answer: "PATH's: /usr/bin/pip.",
      why: 'An unactivated venv does not put its bin directory on PATH.',
      useInstead: 'import subprocess, sys\nsubprocess.run([sys.executable, "-m", "pip", "install", "x"])\n',
      inRealSystems: 'systemd units and cron jobs run without an activated venv.',
      fixSafety: 'Safe when the module is installed in the venv.',
      keyTakeaway: 'Launch tools through sys.executable.',
      commonMistake: 'Testing it from an activated shell.',
      lab: { venv: 'venv', cases: [] },
      references: ['https://docs.python.org/3/library/venv.html'],
      exampleLanguage: 'python',
    },
  };
}

export const RULES: RuleMeta[] = [
  rule('VG101', 'bare-python-tool', 'A Python tool launched by bare name, resolved on PATH instead of in the venv'),
  rule('VG102', 'env-without-venv-path', 'A launch with an explicit environment that may drop the venv from PATH'),
  rule('VG103', 'shell-python-launch', 'A shell command line that starts `python` from PATH'),
];

/** Build the fixture from the two texts (tests pass shifted texts to check fingerprints). */
export function makeResult(appText = APP_TEXT, deployText = DEPLOY_TEXT): CheckResult {
  const app = new SourceFile('app.py', appText);
  const deploy = new SourceFile('scripts/deploy.py', deployText);

  const pip = find(appText, '"pip"');
  const safeFix: Fix = {
    title: 'Run pip with this interpreter: `sys.executable, "-m", "pip"`',
    applicability: 'safe',
    edits: [
      { start: 0, end: 0, text: 'import sys\n' },
      { ...pip, text: 'sys.executable, "-m", "pip"' },
    ],
  };
  const black = find(appText, '"black"');
  const unsafeFix: Fix = {
    title: 'Run black with this interpreter: `sys.executable, "-m", "black"`',
    applicability: 'unsafe',
    reason: 'black may not be installed in this venv',
    edits: [{ ...black, text: 'sys.executable, "-m", "black"' }],
  };
  const call = { start: find(deployText, 'os.system(').start, end: find(deployText, ')').end };
  const displayFix: Fix = {
    title: 'Use subprocess.run([sys.executable, "manage.py", "migrate"])',
    applicability: 'display-only',
    reason: 'the shell command line may rely on shell features',
    edits: [{ ...call, text: 'subprocess.run([sys.executable, "manage.py", "migrate"])' }],
  };

  const diagnostics: Diagnostic[] = [
    diag(app, pip, { code: 'VG101', rule: 'bare-python-tool', severity: 'error', message: '`pip` is looked up on PATH, not in the venv' }, [], safeFix),
    diag(
      app,
      black,
      { code: 'VG102', rule: 'env-without-venv-path', severity: 'warning', message: '`black` runs with `env=env`, whose PATH may not hold the venv' },
      [{ message: 'environment passed here', span: find(appText, 'env=env') }],
      unsafeFix,
    ),
    diag(
      deploy,
      call,
      { code: 'VG103', rule: 'shell-python-launch', severity: 'error', message: 'the shell starts `python` from PATH' },
      [{ message: 'program word', span: find(deployText, 'python') }],
      displayFix,
    ),
  ];

  const problems: FileProblem[] = [
    { path: 'broken.py', kind: 'syntax', message: 'syntax error; checked the parts that parse', start: { line: 3, column: 5 }, partial: true },
    { path: 'vendor/blob.py', kind: 'binary', message: 'binary file, not checked', partial: false },
  ];

  return {
    diagnostics,
    problems,
    filesChecked: 5,
    filesSkipped: 12,
    rules: RULES,
    sources: new Map([
      [app.path, app],
      [deploy.path, deploy],
    ]),
    cwd: CWD,
  };
}

export const OPTIONS: ReportOptions = { color: false, showFixes: 'all', unsafeFixesEnabled: false, version: '0.1.0' };
