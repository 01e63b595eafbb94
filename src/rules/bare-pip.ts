/**
 * VG102 bare-pip: `pip`/`pip3` (or `python -m pip` with a bare interpreter) started by name,
 * so packages go into whichever environment PATH finds first.
 */
import { defineRule } from '../kernel/rule.js';
import { isInterpreterName } from '../judge/python-tools.js';
import { wordSourceSpan, wordText } from '../kernel/word.js';
import { lookedUpOn, via } from './describe.js';
import { moduleFallbackAt } from '../judge/policy.js';

const M_PIP_REASON =
  '`python -m pip` puts the current directory first on sys.path, so a local pip.py or pip/ folder would shadow pip';

/** What pip does in another environment, by its command: `pip list` reads, it does not install. */
const PIP_EFFECTS: [RegExp, string][] = [
  [/^install$/, 'installs into another environment'],
  [/^uninstall$/, 'uninstalls from another environment'],
  [/^(list|freeze|show|check|inspect)$/, "reads another environment's packages"],
  [/^(download|wheel|lock)$/, "resolves packages for another environment's Python"],
];

/** The effect for pip's argv after the program: its first word that is not an option names the command. */
export function pipEffect(args: (string | undefined)[]): string {
  // Told where to read or write (`freeze --path DIR`, `install --target DIR`): the folder is the
  // one given, and only the pip itself is another environment's (python-inspector's `pip freeze --path`).
  if (args.some((a) => a !== undefined && /^(?:--(?:path|target|prefix|root)(?:=.*)?|-t)$/.test(a))) return "runs another environment's pip";
  const command = args.find((a) => a === undefined || !a.startsWith('-'));
  return PIP_EFFECTS.find(([re]) => command !== undefined && re.test(command))?.[1] ?? "runs another environment's pip";
}

export const barePip = defineRule({
  code: 'VG102',
  name: 'bare-pip',
  summary: 'pip is started by name and installs into whatever environment PATH finds first',
  fixable: 'sometimes',
  judges: 'python',
  topic: 'pip',
  messages: {
    pipOfInterpreter: '"{{name}} -m pip"{{via}} runs the pip of the interpreter {{lookup}}; use {{instead}}',
    barePip: '"{{name}}"{{via}} is {{lookup}}, so it {{effect}}; use {{instead}}',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      "Every environment has its own pip, and each pip installs into the environment of the interpreter it runs on. `pip` by name is whichever pip script comes first on PATH — which is this venv's only while the venv is activated. `python -m pip` with `sys.executable` always means \"pip of the interpreter running now\". Reported by default only when nothing in the file shows that it runs with its environment on PATH: a file that sets PATH before the launch, also starts by name a program only its environment provides (`torchserve`), or installs with PATH's `pip` and runs PATH's `python` has its findings held back, and shown without a fix by the opt-in VG106 `path-reliant-launch`; a name next to `sys.executable` in the same function is always reported.",
    example: ['import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run(["pip", "--version"])', ''].join('\n'),
    why: 'The `pip` script is found through PATH like any program. Its shebang names the interpreter it belongs to, so an `install` lands in that interpreter\'s site-packages, not in the venv the caller runs in. The call succeeds, the build stays green, and the import fails later.',
    useInstead: ['import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run([sys.executable, "-m", "pip", "--version"])', ''].join('\n'),
    inRealSystems:
      "Build scripts, setup helpers and plugin installers run `pip install` from code started by a non-activated venv (a CI step, a Dockerfile RUN line, a systemd service). Packages go to the system or user site; the venv never gets them. See pypa/pip#1408 and opendr-io/opendr#106. In a Jupyter notebook, `!pip install pandas` is the same launch: the kernel is started by its interpreter's path and the escape runs the `pip` first on the Jupyter server's PATH, so the cell succeeds and `import pandas` fails in the kernel; IPython added the `%pip` magic for this. Notebook escapes (`!`, `!!`, `%system`, `%%bash` cells) are judged by this rule.",
    fixSafety:
      "`[\"pip\", …]` → `[sys.executable, \"-m\", \"pip\", …]` is unsafe: `-m` puts the current directory first on `sys.path`, so a `pip.py` or `pip/` there would be imported instead of pip, and `sys.executable` may be empty in embedded interpreters; a file that tests whether it runs frozen (`sys.frozen`, `sys._MEIPASS`: a PyInstaller bundle, whose `sys.executable` is the bundled program) gets no fix, nor does a `pip` written in the `elif`/`else` of an `if` whose first branch runs `sys.executable -m pip` (`if find_spec(\"pip\"):`), where the interpreter has no pip module: pip's own `--python` option is advised there. When the code already says `python -m pip`, only the interpreter is replaced, which is safe. In a notebook the fix is IPython's `%pip` magic (`!pip install x` → `%pip install x`, which runs the kernel's `sys.executable -m pip` with the rest of the line), unsafe for `pip` for the same `-m` reason and safe for `!python -m pip`; where `%pip` cannot take the line (`x = !pip freeze`, `!cd lib && pip install -e .`) it is `{sys.executable} -m pip`, unsafe because IPython substitutes the path unquoted.",
    keyTakeaway: 'Install with `[sys.executable, "-m", "pip", …]`, never with `pip` by name.',
    question: "`broken.py` runs `pip --version`, which names the environment pip belongs to. Started as `venv/bin/python broken.py`, which pip answers?",
    answer:
      "The system's. Without activation PATH has no venv, so `pip` is the first one on the service's PATH: Debian's `/usr/bin/pip`, from `/usr/lib/python3/dist-packages`, which installs into the system Python (or refuses, under PEP 668). Only in an activated shell is it the venv's.",
    commonMistake:
      "Replacing `pip` with `pip3` or `python3 -m pip`: both are still found on PATH. The running interpreter is `sys.executable`; `[sys.executable, \"-m\", \"pip\", …]` is the venv's pip wherever the program is started from.",
    lab: { venv: 'venv', cases: [
        { example: 'broken', situation: 'unactivated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'pip ', is: 'outside' }], exit: 0 } },
        { example: 'broken', situation: 'activated', claim: { where: [{ line: 'pip ', is: 'venv' }], exit: 0 } },
        { example: 'broken', situation: 'cron', claim: { where: [{ line: 'pip ', is: 'outside' }], exit: 0 } },
        { example: 'fixed', situation: 'unactivated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'pip ', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'activated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'pip ', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'cron', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'pip ', is: 'venv' }], exit: 0 } },
      ] },
    references: ['https://pip.pypa.io/en/stable/user_guide/#running-pip', 'https://github.com/pypa/pip/issues/1408', 'https://docs.python.org/3/library/sys.html#sys.executable'],
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.held || verdict.tool !== 'pip' || verdict.resolution === 'system-path' || verdict.resolution === 'no-lookup') return; // held: VG106's (src/judge/policy.ts)
    const viaInterpreter = isInterpreterName(verdict.name);
    // The fallback of an `if` whose first branch runs `sys.executable -m pip` (pycatsearch's `if
    // find_spec("pip") is not None: … elif which("pip"): ["pip", …]`): this interpreter has no pip
    // here, so `sys.executable -m pip` would fail; pip's own --python option is the way.
    const written = wordSourceSpan(site.argv[0]);
    const noPipHere = !!written && !!moduleFallbackAt(site.pythonFile, written.start, 'pip');
    const fix = verdict.name.endsWith('…') || noPipHere
      ? undefined
      : viaInterpreter
        ? { title: 'Use sys.executable', target: { kind: 'interpreter' as const } }
        : { title: 'Use sys.executable -m pip', target: { kind: 'interpreter' as const, module: 'pip' }, cap: 'unsafe' as const, reason: M_PIP_REASON };
    // A notebook's shell escape (`!pip`, `%system`, `%%bash`): IPython's own answer is the `%pip` magic.
    const instead = noPipHere ? "pip's --python option with sys.executable (this branch runs where the interpreter has no pip module)" : site.language === 'python' && /^[!%]/.test(site.api) ? '%pip' : 'sys.executable -m pip';
    const data = { name: verdict.name, via: via(site), lookup: lookedUpOn(verdict, site), instead };
    if (viaInterpreter) ctx.report({ messageId: 'pipOfInterpreter', data, fix });
    else ctx.report({ messageId: 'barePip', data: { ...data, effect: pipEffect(site.argv.slice(1).map(wordText)) }, fix });
  },
});
