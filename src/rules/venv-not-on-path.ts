/**
 * VG201 venv-not-on-path: in a Dockerfile, a Python tool started by name while a venv exists in
 * the image but its bin directory is not on PATH for that command, so the image's own Python runs.
 */
import { defineRule } from '../kernel/rule.js';
import { isInterpreterName } from '../judge/python-tools.js';
import { meantForPathInterpreter, pipNotMeantForVenv } from './describe.js';
import { originText } from './describe.js';

const FIX_REASON =
  "the venv's interpreter replaces the one PATH finds: packages installed for the Python that PATH finds are not visible to it, the venv may hold another Python version, and a console script must be installed in the venv to exist in its bin";

const PERSIST_REASON = "every later command then finds the venv's python, pip and scripts first on PATH, including commands that meant the system ones";

export const venvNotOnPath = defineRule({
  code: 'VG201',
  name: 'venv-not-on-path',
  summary: 'A Python tool runs by name while a venv created earlier (in a RUN or a CI step) is not on PATH',
  fixable: 'sometimes',
  judges: 'config',
  topic: 'activation',
  messages: {
    notOnPath: '"{{name}}" runs from PATH, but the venv {{venv}} is not on PATH {{scope}}; {{venv}}{{origin}}: use {{replacement}}, or {{advice}}',
  },
  docs: {
    exampleLanguage: 'dockerfile',
    mentalModel:
      "Activation is a change to one shell's PATH. Docker runs every RUN in a new shell (`/bin/sh -c` unless SHELL says otherwise); only ENV (and ARG) values carry over to later instructions. So a venv created in one RUN is just a folder in the next: `pip` or `python` by name is whatever the image's PATH finds first — in the official python images, the system Python in /usr/local/bin.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN pip install -r requirements.txt", "CMD [\"python3\", \"-c\", \"import sys; print('prefix:', sys.prefix)\"]", ""].join('\n'),
    why: 'A venv is used either by running its own `bin/python` (or `bin/pip`) by path, or by putting its `bin` first on PATH. `source /opt/venv/bin/activate` in an earlier RUN did the latter for a shell that no longer exists; only `ENV PATH=…` persists.',
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "ENV VIRTUAL_ENV=/opt/venv PATH=\"/opt/venv/bin:$PATH\"", "RUN pip install -r requirements.txt", "CMD [\"python3\", \"-c\", \"import sys; print('prefix:', sys.prefix)\"]", ""].join('\n'),
    inRealSystems:
      'Multi-stage builds are the usual trap: the builder stage sets `ENV PATH=/opt/venv/bin:$PATH`, the final stage copies the venv with `COPY --from=builder /opt/venv /opt/venv` — COPY copies files, not ENV — and its `RUN pip install` or `CMD python app.py` runs the base image\'s Python, which lacks every package. The container fails at import time, or worse, works with other versions installed by a later layer.',
    fixSafety:
      "The fix replaces the program with the venv's interpreter (`/opt/venv/bin/python`, with `-m pip` for pip; `/opt/venv/bin/<script>` for a console script). It is unsafe: " +
      FIX_REASON +
      '. Adding `ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"` after the RUN that creates the venv fixes every later instruction at once; the message suggests it and it is never applied automatically, because it also changes what every later command finds on PATH. In the CI formats (Actions, GitLab, Azure Pipelines, CircleCI, Bitbucket, Jenkinsfile), pre-commit hooks and Compose services the same program replacement is offered, written as the command\'s own folder sees the venv (`../venv/bin/pip` after `cd docs` or in `dir(\'docs\')`), and none where no literal path names it on every runner (a venv under `$HOME`) or where the word is not written plainly (an interpolation, an escape).',
    keyTakeaway: 'In a Dockerfile, put the venv on PATH with ENV (or call /opt/venv/bin/python by path); activation does not survive the RUN.',
    question: "Line 3 creates `/opt/venv`. Which pip installs the requirements on line 4, and which Python does `CMD` start?",
    answer:
      "Neither is the venv's: nothing put `/opt/venv/bin` on PATH. In the python image `pip` is `/usr/local/bin/pip` and the build succeeds with the packages outside the venv; on Debian, as here, it is the system pip, which refuses (`externally-managed-environment`) and the build stops. With `ENV PATH` every later line and the container's command find the venv first.",
    commonMistake:
      "Adding `RUN . /opt/venv/bin/activate` instead of `ENV PATH=…`: the activation ends with that line's shell (VG202).",
    lab: { venv: 'opt/venv', files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join('\n') }, cases: [
        { example: 'broken', situation: 'dockerfile', claim: { says: ['externally-managed-environment'], exit: 1 } },
        { example: 'fixed', situation: 'dockerfile', claim: { where: [{ line: 'prefix:', is: 'venv' }], never: ['externally-managed-environment'], exit: 0 } },
      ] },
    references: [
      'https://docs.docker.com/reference/dockerfile/#run',
      'https://docs.docker.com/reference/dockerfile/#env',
      'https://docs.docker.com/build/building/multi-stage/',
      'https://docs.python.org/3/library/venv.html#how-venvs-work',
    ],
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.resolution !== 'path') return;
    const venvs = site.env.knownVenvs ?? [];
    if (venvs.length === 0 || site.env.activeVenv !== undefined) return;
    const facts = site.config;
    if (facts?.createsVenv) return;
    if (facts?.ranWithoutVenv) return; // the same script ran by this name before any venv (facts.ts)
    if (facts?.systemInstalled && verdict.tool === 'interpreter') return; // the job installed the project into PATH's interpreter first (facts.ts)
    if (facts?.afterFailedActivation) return; // the failed `source` is the finding (source-in-sh)
    if (meantForPathInterpreter(site, verdict.tool)) return; // after `pip install --user`, or an sdist build (facts.ts)
    const venv = venvs[venvs.length - 1];
    // After `deactivate` the author uses the system's python and pip on purpose (a tool venv set
    // aside); a console script is still looked for where it was installed, the venv.
    if (verdict.tool !== 'console-script' && facts?.deactivated?.includes(venv)) return;
    const origin = facts?.venvOrigins.get(venv);
    // The file linked this program of the venv into a folder on every PATH (`ln -s venv/bin/app
    // /usr/local/bin/`): the name finds the venv's own (a glob or variable covers console scripts).
    const linked = origin?.linkedOnPath;
    if (linked && (linked.includes(verdict.name) || (verdict.tool === 'console-script' && linked.includes('*')))) return;
    const byInterpreter = verdict.tool === 'pip' && isInterpreterName(verdict.name);
    if (verdict.tool === 'pip' && pipNotMeantForVenv(site, byInterpreter, origin)) return;
    const target =
      verdict.tool === 'console-script'
        ? { kind: 'interpreter-bin' as const, name: verdict.name }
        : { kind: 'interpreter' as const, module: verdict.tool === 'pip' && !byInterpreter ? 'pip' : undefined };
    if (!facts) return;
    const shown = facts.showVenv ? facts.showVenv(venv) : venv;
    // As the command's own folder sees it (`cd sub`, a step's working-directory): what the
    // front end would write in place of the program, when it can.
    const own = site.rewriter?.rewrite(target);
    const replacement =
      own?.edits.length === 1 ? own.edits[0].text : target.kind === 'interpreter-bin' ? `${shown}/bin/${target.name}` : `${shown}/bin/python${target.module ? ' -m pip' : ''}`;
    ctx.report({
      messageId: 'notOnPath',
      data: { name: verdict.name, venv: shown, origin: originText(origin), scope: facts.scope, replacement, advice: facts.persistAdvice(venv) },
      // The format's persistent way first (ENV PATH, $GITHUB_PATH); else this command alone.
      // A venv made in one branch of an `if` only may not exist here: no path of it is written.
      fix: origin?.inBranch ? undefined : {
        title: `Put ${shown}/bin on PATH`,
        target: { kind: 'persist-venv', venv, at: 'creation' },
        fallback: { title: `Use ${replacement}`, target, reason: FIX_REASON },
        cap: 'unsafe',
        reason: PERSIST_REASON,
      },
    });
  },
});
