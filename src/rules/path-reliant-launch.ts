/**
 * VG106 path-reliant-launch (opt-in): a Python tool started by name where the file itself shows
 * that it runs with its environment on PATH, or sets PATH, so the default policy holds the finding
 * back from VG101–VG103 (src/judge/policy.ts). Shown only when selected by code or name; no fix.
 */
import { defineRule } from '../kernel/rule.js';
import { via } from './describe.js';

const TOOL = { interpreter: 'interpreter', pip: 'pip', 'console-script': 'console script' } as const;

export const pathReliantLaunch = defineRule({
  code: 'VG106',
  name: 'path-reliant-launch',
  summary: 'A Python tool is started by name in a file that relies on its environment being on PATH (opt-in)',
  fixable: 'never',
  judges: 'python',
  topic: 'interpreters',
  optIn: true,
  messages: {
    held: 'the {{tool}} "{{name}}"{{via}} is found on PATH, not shown by default because {{reason}}; if this file can run without its environment on PATH, start sys.executable (or the venv\'s path) for all of its launches together',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      'VG101–VG103 report a Python tool started by name only when nothing in the file shows that it runs with its environment on PATH. Some files show it themselves: they also start, by name, a program that only their environment provides (`torchserve`, `locust`, the project\'s own command), or they install with PATH\'s `pip` and then run PATH\'s `python`, or they set `PATH` before the launch. In every run where such a file works at all, PATH holds its environment, and `python` found there is that environment\'s. This rule shows those launches anyway, for a project that wants every file to work without activation.',
    example: ["import subprocess", "", "subprocess.run([\"pip\", \"install\", \"--quiet\", \"-r\", \"requirements.txt\"], check=True)", "subprocess.run([\"python3\", \"app.py\"], check=True)", ""].join('\n'),
    why: 'A name is looked up on PATH at each launch. When every Python tool the file starts comes from PATH, or the file needs a program only its environment has, the file already depends on PATH holding that environment; the names then resolve consistently, and what to change is how the file is started (activated, `tox`, `uv run`, an image with `ENV PATH`), or all of its launches at once.',
    useInstead: ["import subprocess", "import sys", "", "subprocess.run([sys.executable, \"-m\", \"pip\", \"install\", \"--quiet\", \"-r\", \"requirements.txt\"], check=True)", "subprocess.run([sys.executable, \"app.py\"], check=True)", ""].join('\n'),
    inRealSystems:
      'Benchmark and test drivers that install a server with `pip` and start it by its console script (`torchserve --start`), then run helper scripts with `python`; release scripts run by tox or nox, which put the environment\'s `bin` first on PATH; tests that set `PATH` to a venv they just made. Reviewed on 43 repositories nobody had tuned to, such findings were false in almost every case: the file could not run without its environment on PATH anyway.',
    fixSafety:
      'No fix is offered: changing one launch of such a file splits what works today (an install with PATH\'s pip and a run with sys.executable reach two environments). Change all of the file\'s launches together, or how the file is started.',
    keyTakeaway: 'A file that relies on PATH for one tool of its environment relies on it for all of them: fix them together, or start the file with its environment on PATH.',
    question: "`broken.py` installs its requirements with PATH's `pip`, then runs `app.py` with PATH's `python3`. Started by the venv's path, where do the packages go and which Python runs?",
    answer:
      "Neither is the venv's. On Debian the service PATH's `pip` is the system's, which refuses to install (`externally-managed-environment`, PEP 668) and `check=True` stops the program; where the system pip does install, the packages land outside the venv, and `python3` is the system's too. In an activated shell both are the venv's, and the program works.",
    commonMistake:
      "Fixing one of the two: replacing only `python3` with `sys.executable` runs the venv while packages go elsewhere; replacing only `pip` installs into the venv and runs another Python. Change both, or make PATH carry the venv.",
    lab: { venv: 'venv', files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join('\n'), "app.py": ["import sys", "print(\"python:\", sys.prefix)", ""].join('\n') }, cases: [
        { example: 'broken', situation: 'unactivated', claim: { says: ['externally-managed-environment'], exit: 1 } },
        { example: 'broken', situation: 'activated', claim: { where: [{ line: 'python:', is: 'venv' }], exit: 0 } },
        { example: 'broken', situation: 'cron', claim: { says: ['externally-managed-environment'], exit: 1 } },
        { example: 'fixed', situation: 'unactivated', claim: { where: [{ line: 'python:', is: 'venv' }], never: ['externally-managed-environment'], exit: 0 } },
        { example: 'fixed', situation: 'activated', claim: { where: [{ line: 'python:', is: 'venv' }], never: ['externally-managed-environment'], exit: 0 } },
        { example: 'fixed', situation: 'cron', claim: { where: [{ line: 'python:', is: 'venv' }], never: ['externally-managed-environment'], exit: 0 } },
      ] },
    references: ['https://docs.python.org/3/library/sys.html#sys.executable', 'https://docs.python.org/3/library/venv.html#how-venvs-work'],
  },
  check(site, verdict, ctx) {
    if (!verdict?.held) return;
    ctx.report({ messageId: 'held', data: { tool: TOOL[verdict.tool], name: verdict.name, via: via(site), reason: verdict.held.reason } });
  },
});
