/**
 * VG205 virtual-env-without-path: configuration sets VIRTUAL_ENV (Dockerfile ENV, a workflow's env:,
 * a unit's Environment=) but leaves the venv's bin off PATH. Python and pip ignore VIRTUAL_ENV, so
 * `python`/`pip` by name still run whatever PATH finds.
 */
import { defineRule } from '../kernel/rule.js';
import { isInterpreterName } from '../judge/python-tools.js';
import { pipNotMeantForVenv } from './describe.js';

export const virtualEnvWithoutPath = defineRule({
  code: 'VG205',
  name: 'virtual-env-without-path',
  summary: 'VIRTUAL_ENV is set but the venv’s bin is not on PATH, and a Python tool runs by name',
  fixable: 'sometimes',
  judges: 'config',
  topic: 'activation',
  messages: {
    virtualEnvOnly: 'VIRTUAL_ENV={{venv}} does not put {{venv}}/bin on PATH: python and pip by name still run whatever PATH finds; {{advice}}',
  },
  docs: {
    exampleLanguage: 'dockerfile',
    mentalModel:
      "VIRTUAL_ENV is a note that `activate` leaves for other programs (shell prompts, some tools such as uv and poetry); it is not how a venv is selected. Which `python` or `pip` runs is decided by PATH alone, and which packages Python sees by where that interpreter lives (its pyvenv.cfg). Setting VIRTUAL_ENV without putting `$VIRTUAL_ENV/bin` first on PATH selects nothing.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "ENV VIRTUAL_ENV=/opt/venv", "RUN python3 -m venv $VIRTUAL_ENV", "RUN pip install -r requirements.txt", ""].join('\n'),
    why: 'CPython never reads VIRTUAL_ENV (a venv is recognised by the pyvenv.cfg next to the interpreter that runs); the variable only means something to the tools that choose to read it.',
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "ENV VIRTUAL_ENV=/opt/venv", "RUN python3 -m venv $VIRTUAL_ENV", "ENV PATH=\"$VIRTUAL_ENV/bin:$PATH\"", "RUN pip install -r requirements.txt", ""].join('\n'),
    inRealSystems:
      'A common half-copy of the Dockerfile venv recipe: `ENV VIRTUAL_ENV=/opt/venv` is kept and `ENV PATH="$VIRTUAL_ENV/bin:$PATH"` is lost, or put before a FROM of a later stage where it no longer applies. The image builds, `pip install` fills the system site-packages, and the venv stays empty; the mistake shows only when the venv is copied into a slim final stage and imports fail. The same holds for `Environment=VIRTUAL_ENV=` in a systemd unit and `env: VIRTUAL_ENV:` in a workflow.',
    fixSafety:
      'In a Dockerfile the fix adds `PATH="/opt/venv/bin:$PATH"` to the ENV that sets VIRTUAL_ENV (or an ENV line after it). It is unsafe: every later instruction then finds the venv\'s programs first on PATH, including commands that meant the system ones. Other formats get the advice only (a workflow\'s `env:` and a unit\'s `Environment=` do not expand `$PATH`).',
    keyTakeaway: 'VIRTUAL_ENV selects nothing; put $VIRTUAL_ENV/bin first on PATH, or call the venv\'s python by path.',
    question: "`VIRTUAL_ENV` names the venv. Does setting it make `pip` and `python3` the venv's?",
    answer:
      "No. `VIRTUAL_ENV` is a label `activate` sets for prompts and tools to read; neither the shell nor Python looks programs up through it. `pip` is still PATH's (here Debian's, which refuses: `externally-managed-environment`), and a script that exports only `VIRTUAL_ENV` runs the system's `python3`.",
    commonMistake:
      "Reading `VIRTUAL_ENV` as proof of being in the venv (in a script or a tool): it can be stale, inherited, or set without PATH. Check `sys.prefix != sys.base_prefix` in the running interpreter instead.",
    lab: { venv: 'opt/venv', premadeVenv: true, files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join('\n'), "broken.sh": ["export VIRTUAL_ENV=\"$PWD/venv\"", "python3 -c \"import sys; print('prefix:', sys.prefix)\"", ""].join('\n'), "fixed.sh": ["export VIRTUAL_ENV=\"$PWD/venv\"", "export PATH=\"$VIRTUAL_ENV/bin:$PATH\"", "python3 -c \"import sys; print('prefix:', sys.prefix)\"", ""].join('\n') }, cases: [
        { example: 'broken', situation: 'dockerfile', claim: { says: ['externally-managed-environment'], exit: 1 } },
        { example: 'fixed', situation: 'dockerfile', claim: { never: ['externally-managed-environment'], exit: 0 } },
        { example: 'broken', situation: 'sh', claim: { where: [{ line: 'prefix:', is: 'outside' }], exit: 0 } },
        { example: 'fixed', situation: 'sh', claim: { where: [{ line: 'prefix:', is: 'venv' }], exit: 0 } },
      ] },
    references: ['https://docs.python.org/3/library/venv.html#how-venvs-work', 'https://docs.python.org/3/library/sys_path_init.html#virtual-environments', 'https://docs.docker.com/reference/dockerfile/#env'],
  },
  check(site, verdict, ctx) {
    // uv is no Python tool to the judge (SELF_MANAGED_TOOLS), so `export VIRTUAL_ENV=/v` then
    // `uv pip install …` has no verdict and is never reported here. Rightly: uv's pip interface
    // installs into $VIRTUAL_ENV whichever uv runs (https://docs.astral.sh/uv/pip/environments/),
    // and `uv sync` / `uv run` target it with `--active` (without it they use the project's
    // environment and warn that VIRTUAL_ENV "will be ignored",
    // https://docs.astral.sh/uv/concepts/projects/config/#project-environment-path).
    if (!verdict || verdict.resolution !== 'path') return;
    const facts = site.config;
    const v = facts?.virtualEnv;
    // Creating the venv with the system Python is the point of that command.
    if (!v || site.env.activeVenv === v.venv || facts.createsVenv || facts.afterFailedActivation) return;
    // A pip that installs only standalone tools (poetry, which then reads VIRTUAL_ENV itself) is not meant for the venv.
    if (verdict.tool === 'pip' && pipNotMeantForVenv(site, isInterpreterName(verdict.name), facts.venvOrigins?.get(v.venv))) return;
    const shown = facts.showVenv ? facts.showVenv(v.venv) : v.venv;
    ctx.report({
      messageId: 'virtualEnvOnly',
      data: { venv: shown, advice: facts.persistAdvice(v.venv) },
      span: v.span,
      related: verdict.programSpan ? [{ message: `"${verdict.name}" runs from PATH here`, span: verdict.programSpan }] : [],
      fix: { title: `Put ${shown}/bin on PATH`, target: { kind: 'persist-venv', venv: v.venv, at: 'virtual-env' }, cap: 'unsafe', reason: "every later command then finds the venv's programs first on PATH" },
    });
  },
});
