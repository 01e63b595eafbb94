/**
 * VG103 bare-console-script: a Python distribution's console script (pytest, celery, black …)
 * started by name, so the copy found on PATH runs — with its own interpreter and packages.
 */
import { defineRule } from '../kernel/rule.js';
import { lookedUpOn, via } from './describe.js';

export const bareConsoleScript = defineRule({
  code: 'VG103',
  name: 'bare-console-script',
  summary: "A Python console script is started by name and may be another environment's copy",
  fixable: 'sometimes',
  judges: 'python',
  topic: 'console-scripts',
  messages: {
    runModule: 'console script "{{name}}"{{via}} is {{lookup}}; use sys.executable -m {{module}}{{knownFrom}}',
    runBeside: 'console script "{{name}}"{{via}} is {{lookup}}; use the copy beside sys.executable{{knownFrom}}',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      "A console script such as `pytest` or `celery` is a tiny launcher that pip writes into an environment's `bin/`, with a shebang naming that environment's interpreter. Whichever copy PATH finds first decides which interpreter and which packages run. The venv's own copy sits next to `sys.executable`, and `python -m <module>` reaches the same code through the running interpreter. Reported by default only when nothing in the file shows that it runs with its environment on PATH: a file that sets PATH before the launch, also starts by name a program only its environment provides (`torchserve`), or installs with PATH's `pip` and runs PATH's `python` has its findings held back, and shown without a fix by the opt-in VG106 `path-reliant-launch`; a name next to `sys.executable` in the same function is always reported.",
    example: ['import subprocess', '', 'subprocess.run(["pytest", "--version"])', ''].join('\n'),
    whatItPrints:
      "From a non-activated venv that has pytest installed: whatever `pytest` is first on PATH — a global pytest with other plugins, or `FileNotFoundError: [Errno 2] No such file or directory: 'pytest'` when there is none (for instance under cron's `PATH=/usr/bin:/bin`).",
    why: 'The name is resolved through PATH, and the script found there runs on the interpreter in its own shebang, not on the caller\'s. Not reported: a tool the code looks up on PATH itself before running it and stops without (`if not shutil.which("ansible"): sys.exit("install ansible")`, then `ansible-playbook`), or runs only inside `if shutil.which(…):`; the program then treats the tool as one the user installs on PATH, not as a package of its own environment. Nor in a script whose shebang is a system interpreter (`#!/usr/bin/python3`): no venv to escape from.',
    useInstead: ['import subprocess', 'import sys', '', 'subprocess.run([sys.executable, "-m", "pytest", "--version"])', ''].join('\n'),
    inRealSystems:
      'Task runners, test harnesses and worker supervisors call `celery`, `gunicorn`, `pytest` or `black` by name; under systemd, cron or an IDE they pick up a global install or none. See fastapi/typer#408 and python-lsp/python-lsp-server#327.',
    fixSafety:
      "Always unsafe. `[sys.executable, \"-m\", module]` needs the module to be installed in the running environment and to be runnable with `-m`, and `-m` puts the current directory first on `sys.path`. Where no module is known, the fix uses the script beside the interpreter (`os.path.join(os.path.dirname(sys.executable), name)`), which assumes the script is installed in the running environment. In a notebook\'s shell escape (`!pytest -x`) the fix is `!{sys.executable} -m pytest -x`, with `import sys` added when no cell imports it; without a known module there is none.",
    keyTakeaway: 'Run console scripts as `[sys.executable, "-m", module]` (or from `os.path.dirname(sys.executable)`), not by name.',
    references: ['https://packaging.python.org/en/latest/specifications/entry-points/', 'https://github.com/fastapi/typer/issues/408'],
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.held || verdict.tool !== 'console-script' || verdict.resolution === 'no-lookup') return; // held: VG106's (src/judge/policy.ts)
    const data = { name: verdict.name, via: via(site), lookup: lookedUpOn(verdict, site), knownFrom: verdict.source ? `; known from ${verdict.source}` : '' };
    ctx.report({
      ...(verdict.module ? { messageId: 'runModule' as const, data: { ...data, module: verdict.module } } : { messageId: 'runBeside' as const, data }),
      fix: verdict.module
        ? {
            title: `Use sys.executable -m ${verdict.module}`,
            target: { kind: 'interpreter', module: verdict.module },
            cap: 'unsafe',
            reason: `the ${verdict.module} module must be installed in the running environment, and -m puts the current directory first on sys.path`,
          }
        : {
            title: `Use the ${verdict.name} beside sys.executable`,
            target: { kind: 'interpreter-bin', name: verdict.name },
            cap: 'unsafe',
            reason: `assumes ${verdict.name} is installed in the running environment`,
          },
    });
  },
});
