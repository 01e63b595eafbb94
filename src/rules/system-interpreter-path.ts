/**
 * VG104 system-interpreter-path: a hard-coded system interpreter (`/usr/bin/python3`) — the one
 * interpreter guaranteed not to be the venv's. In Python code the venv is the running one; in a
 * configuration file (a unit's `ExecStart=`, a crontab line, a supervisor `command=`, a Dockerfile
 * `CMD`, a CI step) it is the venv the file puts in scope for that command, as VG201 needs one.
 */
import { defineRule } from '../kernel/rule.js';
import { meantVenv, type LaunchSite } from '../kernel/launch-site.js';
import type { Verdict } from '../kernel/verdict.js';
import { wordText } from '../kernel/word.js';
import { SELF_MANAGED_TOOLS } from '../judge/python-tools.js';
import { STDLIB_MODULES } from '../judge/stdlib-modules.js';
import { inColabOnlyCode } from '../judge/policy.js';
import { originText, pipNotMeantForVenv, via } from './describe.js';

const CONFIG_FIX_REASON =
  "the venv's interpreter replaces the system one: what was installed for the system interpreter is not visible to it, and the venv may hold another Python version";

/** Modules a system interpreter runs for the system on purpose: they make or manage environments. */
const SYSTEM_MODULES = new Set(['venv', 'virtualenv', 'pipx', 'ensurepip', ...SELF_MANAGED_TOOLS]);

/** `-m MODULE` of the interpreter's own options (`python3 -I -m venv`), if any. */
function moduleOf(site: LaunchSite): string | undefined {
  const t = site.argv.slice(1).map((w) => wordText(w));
  for (let i = 0; i < t.length; i++) {
    const a = t[i];
    if (a === undefined || !a.startsWith('-')) return undefined;
    if (a === '-m') return t[i + 1];
    if (/^-m\w/.test(a)) return a.slice(2);
    if (a === '-c') return undefined;
  }
  return undefined;
}

/** The venv a configuration command is meant to run in, when the file puts one in scope for it. */
function venvInScope(site: LaunchSite, verdict: Verdict): string | undefined {
  const facts = site.config;
  const venvs = site.env.knownVenvs ?? [];
  if (!facts || venvs.length === 0 || facts.createsVenv) return undefined;
  const venv = meantVenv(venvs, site.env.activeVenv)!;
  // After `deactivate` the system interpreter is the author's choice (a tool venv set aside).
  if (facts.deactivated?.includes(venv)) return undefined;
  // Inline code that imports only the standard library (a HEALTHCHECK's `/usr/local/bin/python -c
  // "import json, urllib.request; …"` beside a copied venv) runs the same in the system interpreter.
  if (site.inlineImports?.every((m) => STDLIB_MODULES.has(m))) return undefined;
  const mod = moduleOf(site);
  if (mod !== undefined && SYSTEM_MODULES.has(mod)) return undefined;
  if (mod === 'pip' && pipNotMeantForVenv(site, true, facts.venvOrigins.get(venv))) return undefined;
  return verdict.tool === 'interpreter' ? venv : undefined;
}

export const systemInterpreterPath = defineRule({
  code: 'VG104',
  name: 'system-interpreter-path',
  summary: 'A hard-coded system interpreter path is started instead of the running venv (or the venv a configuration file puts in scope)',
  fixable: 'sometimes',
  topic: 'interpreters',
  messages: {
    systemInterpreter: '"{{name}}"{{via}} is the system interpreter, outside any venv; start sys.executable instead',
    systemInterpreterConfig: '"{{name}}" is the system interpreter, not the venv {{venv}} {{scope}}; {{venv}}{{origin}}: use {{replacement}}',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      "Absolute paths look precise, but `/usr/bin/python3` names the system interpreter, whose `sys.prefix` is `/usr` and whose site-packages never contain what the venv installed. Linters that flag partial paths (Bandit B607, Ruff S607) suggest exactly this, moving code further from the venv.",
    example: ['import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run(["/usr/bin/python3", "-c", "import sys; print(\'child: \', sys.prefix)"])', ''].join('\n'),
    why: 'The path is taken literally; nothing about the venv applies to it.',
    useInstead: ['import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run([sys.executable, "-c", "import sys; print(\'child: \', sys.prefix)"])', ''].join('\n'),
    inRealSystems:
      'Code written against a developer machine (`/usr/local/bin/python3`, `/opt/homebrew/bin/python3`; not a venv installed below such a folder, `/usr/local/bin/app/.venv/bin/python`) runs elsewhere in a container or venv where that interpreter has none of the dependencies, or a different version. Configuration does the same: a unit with `ExecStartPre=/srv/app/venv/bin/pip install -r requirements.txt` and `ExecStart=/usr/bin/python3 -m app`, a crontab line `/usr/bin/python3 job.py` beside `/srv/app/venv/bin/python other.py`, a Dockerfile that builds `/opt/venv` and ends with `CMD ["/usr/local/bin/python", "app.py"]`: the packages went into the venv, the command starts the interpreter that has none of them. In configuration files the rule needs a venv in scope for that command (created, copied in, activated or named by path in the file, as VG201 does); a system interpreter that makes or manages environments (`-m venv`, `-m virtualenv`, `-m pipx`, `-m tox` …) or runs after `deactivate` is the system\'s on purpose, inline code that imports only the standard library (a `HEALTHCHECK` probe, `python3 -c "import json, urllib.request; …"`) needs no venv, and asking the interpreter only for its version (`/usr/bin/python3 --version`, `-VV`, `-c "import sys; print(sys.version)"`) runs nothing of the project, in Python as in configuration; nor is a pip install told `--break-system-packages` (the system interpreter is its target on purpose).',
    fixSafety:
      "Unsafe: the author may have wanted the system interpreter on purpose (for instance to call a distribution tool), and `sys.executable` may be another version. In configuration files the fix writes the venv's own interpreter (`/srv/app/venv/bin/python`, relative to the command's folder where the format keeps venvs relative), also unsafe: " +
      CONFIG_FIX_REASON +
      '.',
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
  judges: 'both',
  check(site, verdict, ctx) {
    if (!verdict || verdict.resolution !== 'system-path') return;
    // pip told to write into an externally managed (system) Python (`/usr/bin/python3 -m pip install
    // --break-system-packages …`, Dr.QP's overlay installer): the system interpreter is the target on purpose.
    if (site.argv.some((w) => wordText(w) === '--break-system-packages')) return;
    if (site.language !== 'python') {
      const venv = venvInScope(site, verdict);
      const facts = site.config;
      if (venv === undefined || !facts) return;
      const shown = facts.showVenv ? facts.showVenv(venv) : venv;
      const target = { kind: 'interpreter' as const };
      const own = site.rewriter?.rewrite(target);
      const replacement = own?.edits.length === 1 ? own.edits[0].text : `${shown}/bin/python`;
      ctx.report({
        messageId: 'systemInterpreterConfig',
        data: { name: verdict.name, venv: shown, scope: facts.scope, origin: originText(facts.venvOrigins.get(venv)), replacement },
        fix: { title: `Use ${replacement}`, target, cap: 'unsafe', reason: CONFIG_FIX_REASON },
      });
      return;
    }
    // In Google Colab the kernel is the system interpreter: `/usr/bin/python3` is the kernel's own
    // there (a notebook saved from Colab or written for it, or code only Colab runs; ColabFold's BioEmu notebook).
    const py = site.pythonFile;
    if (py && ((py.notebook && py.colab) || inColabOnlyCode(py, site.callSpan.start))) return;
    // Python 2 code in a project whose other code is Python 3 only (PythonFileFacts.python2Only):
    // no venv of the project runs it, and the interpreter it names is the Python 2 it was written for.
    if (py?.python2Only) return;
    ctx.report({
      messageId: 'systemInterpreter',
      data: { name: verdict.name, via: via(site) },
      fix: { title: 'Use sys.executable', target: { kind: 'interpreter' }, cap: 'unsafe', reason: 'the system interpreter may be intended' },
    });
  },
});
