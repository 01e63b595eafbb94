/**
 * VG104 system-interpreter-path: a hard-coded system interpreter (`/usr/bin/python3`) — the one
 * interpreter guaranteed not to be the venv's.
 */
import { defineRule } from '../kernel/rule.js';
import { via } from './describe.js';

export const systemInterpreterPath = defineRule({
  code: 'VG104',
  name: 'system-interpreter-path',
  summary: 'A hard-coded system interpreter path is started instead of the running venv',
  fixable: 'sometimes',
  judges: 'python',
  messages: {
    systemInterpreter: '"{{name}}"{{via}} is the system interpreter, outside any venv; start sys.executable instead',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      "Absolute paths look precise, but `/usr/bin/python3` names the system interpreter, whose `sys.prefix` is `/usr` and whose site-packages never contain what the venv installed. Linters that flag partial paths (Bandit B607, Ruff S607) suggest exactly this, moving code further from the venv.",
    example: ['import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run(["/usr/bin/python3", "-c", "import sys; print(\'child: \', sys.prefix)"])', ''].join('\n'),
    why: 'The path is taken literally; nothing about the venv applies to it.',
    useInstead: ['import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run([sys.executable, "-c", "import sys; print(\'child: \', sys.prefix)"])', ''].join('\n'),
    inRealSystems:
      'Code written against a developer machine (`/usr/local/bin/python3`, `/opt/homebrew/bin/python3`) runs elsewhere in a container or venv where that interpreter has none of the dependencies, or a different version.',
    fixSafety:
      'Unsafe: the author may have wanted the system interpreter on purpose (for instance to call a distribution tool), and `sys.executable` may be another version.',
    keyTakeaway: 'A hard-coded system interpreter is outside every venv; use `sys.executable` unless you really mean the system.',
    question: "`broken.py` starts `/usr/bin/python3` by its full path. Does activating the venv first change what the child runs?",
    answer:
      "No. A path with a slash is never looked up on PATH, so the child is the system interpreter in every situation (`child:  /usr`), with the system's packages, activated or not.",
    commonMistake:
      "Replacing `/usr/bin/python3` with `python3` to \"make it portable\": that trades a fixed wrong interpreter for one PATH picks (VG101). The portable spelling is `sys.executable`.",
    lab: { venv: 'venv', cases: [
        { example: 'broken', situation: 'unactivated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'outside' }], exit: 0 } },
        { example: 'broken', situation: 'activated', claim: { where: [{ line: 'child:', is: 'outside' }], exit: 0 } },
        { example: 'broken', situation: 'cron', claim: { where: [{ line: 'child:', is: 'outside' }], exit: 0 } },
        { example: 'fixed', situation: 'unactivated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'activated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'cron', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'venv' }], exit: 0 } },
      ] },
    references: ['https://docs.python.org/3/library/sys.html#sys.executable', 'https://docs.astral.sh/ruff/rules/start-process-with-partial-path/'],
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.resolution !== 'system-path') return;
    ctx.report({
      messageId: 'systemInterpreter',
      data: { name: verdict.name, via: via(site) },
      fix: { title: 'Use sys.executable', target: { kind: 'interpreter' }, cap: 'unsafe', reason: 'the system interpreter may be intended' },
    });
  },
});
