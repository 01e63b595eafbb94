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
  topic: 'interpreters',
  messages: {
    systemInterpreter: '"{{name}}"{{via}} is the system interpreter, outside any venv; start sys.executable instead',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      "Absolute paths look precise, but `/usr/bin/python3` names the system interpreter, whose `sys.prefix` is `/usr` and whose site-packages never contain what the venv installed. Linters that flag partial paths (Bandit B607, Ruff S607) suggest exactly this, moving code further from the venv.",
    example: ['import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run(["/usr/bin/python3", "-c", "import sys; print(\'child: \', sys.prefix)"])', ''].join('\n'),
    whatItPrints: ['Run as `venv/bin/python example.py` (measured on Debian 12):', '', '    parent: /tmp/labv', '    child:  /usr'].join('\n'),
    why: 'The path is taken literally; nothing about the venv applies to it.',
    useInstead: ['import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run([sys.executable, "-c", "import sys; print(\'child: \', sys.prefix)"])', ''].join('\n'),
    inRealSystems:
      'Code written against a developer machine (`/usr/local/bin/python3`, `/opt/homebrew/bin/python3`) runs elsewhere in a container or venv where that interpreter has none of the dependencies, or a different version.',
    fixSafety:
      'Unsafe: the author may have wanted the system interpreter on purpose (for instance to call a distribution tool), and `sys.executable` may be another version.',
    keyTakeaway: 'A hard-coded system interpreter is outside every venv; use `sys.executable` unless you really mean the system.',
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
