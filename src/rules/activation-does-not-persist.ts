/**
 * VG202 activation-does-not-persist: a Dockerfile RUN sources a venv's `activate` script, but the
 * activation ends with that RUN's shell: nothing follows it in the RUN, or a later RUN relies on it.
 */
import { defineRule } from '../kernel/rule.js';
import { wordText } from '../kernel/word.js';
import { isInterpreterName } from '../judge/python-tools.js';
import { meantForPathInterpreter, pipNotMeantForVenv } from './describe.js';
import { CI_LANGUAGES, type ConfigSiteFacts, type LaunchSite } from '../kernel/launch-site.js';
import { HOLDS_STAND_IN } from '../kernel/stand-ins.js';

const PERSIST_REASON = 'every later instruction or step then finds the venv\'s python, pip and scripts first on PATH, including commands that meant the system ones';

/** The fix that puts an activation's venv on PATH the format's persistent way (ENV PATH, $GITHUB_PATH), in place of the activation. */
export function persistActivationFix(facts: ConfigSiteFacts, venv: string) {
  return { title: `Put ${facts.showVenv ? facts.showVenv(venv) : venv}/bin on PATH`, target: { kind: 'persist-venv' as const, venv, at: 'site' as const }, cap: 'unsafe' as const, reason: PERSIST_REASON };
}

export const activationDoesNotPersist = defineRule({
  code: 'VG202',
  name: 'activation-does-not-persist',
  summary: 'A RUN or CI step activates a venv, but activation ends with its shell',
  fixable: 'sometimes',
  judges: 'config',
  topic: 'activation',
  messages: {
    lastCommand: '"{{command}}" ends {{unit}}, so its activation has no effect; it ends with {{ending}}: {{advice}}',
    lastCommandLaterRuns: '"{{command}}" ends {{unit}}, so "{{program}}" (line {{line}}) runs without it; activation ends with {{ending}}: {{advice}}',
    lastsOnlyForShell: '"{{command}}" lasts only for {{unit}}: "{{program}}" (line {{line}}) runs without it; {{advice}}',
  },
  docs: {
    exampleLanguage: 'dockerfile',
    mentalModel:
      "`source venv/bin/activate` sets PATH and VIRTUAL_ENV in the shell that runs it, and nowhere else. Docker starts a new shell for every RUN, so activation alone on a RUN line does nothing that outlives the line; only ENV values persist to later instructions.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN . /opt/venv/bin/activate", "RUN pip install -r requirements.txt", ""].join('\n'),
    why: "A process cannot change its parent's environment, and an image stores files and ENV, not the state of the shell that ran a RUN. `activate` is a script to be sourced into a shell you keep using.",
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "ENV VIRTUAL_ENV=/opt/venv PATH=\"/opt/venv/bin:$PATH\"", "RUN pip install -r requirements.txt", ""].join('\n'),
    inRealSystems:
      "The pattern comes from shell habits and tutorials: `RUN source venv/bin/activate` on its own line (on Debian-based images /bin/sh is dash, which has no `source` builtin, so that spelling fails the build; `.` succeeds and changes nothing that lasts), followed by `RUN pip install -r requirements.txt` that installs into the system Python. Activating and installing in the same RUN (`RUN . /opt/venv/bin/activate && pip install …`) works, and is not reported. Nor is a CI step that ends with an activation when no later step of the job runs a Python tool by name, make or a script, nor a Makefile recipe that makes the venv and ends by activating it: the activation does nothing, and nothing misses it (a target that needs the venv is judged on its own commands). A recipe that only activates a venv (`make activate`) is reported: it cannot change the caller's shell.",
    fixSafety:
      'The fix makes the activation persist the way the format allows, and is unsafe: ' +
      PERSIST_REASON +
      '. In a Dockerfile a RUN that only activates is replaced by `ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"`, and one that does more gets that ENV line after it; in a GitHub Actions step, `echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"` is added after the activation. Formats without a persistent PATH (a Makefile recipe line) get no fix: chain the commands that need the venv into the same shell, or call `$(VENV)/bin/python` by path. Nor do Jenkinsfiles, Azure Pipelines, CircleCI, Bitbucket Pipelines and pre-commit hooks: their ways (`withEnv` around a block, `##vso[task.prependpath]`, a `$BASH_ENV` line) change what every later step finds, which venvguard does not decide for them; the message names the way. No fix is offered when a later instruction or step already puts the venv on PATH.',
    keyTakeaway: 'A RUN line is its own shell: activate and use the venv in the same RUN, or put it on PATH with ENV.',
    question: "Line 4 sources the venv's `activate`. Is the venv active on line 5?",
    answer:
      "No. Each `RUN` line is its own `/bin/sh -c`: line 4's shell activates the venv and exits, and line 5 starts from the image's PATH. Its `pip` is the image's (here Debian's, which refuses: `externally-managed-environment`). A Makefile recipe behaves the same (each line is its own shell), and so do a GitHub Actions job's steps: a step that activates leaves the next step with the runner's PATH, and only `$GITHUB_PATH` carries the venv over.",
    commonMistake:
      "Moving `activate` into `~/.bashrc` or `/etc/profile`: `sh -c` (and `RUN`, and make) reads neither. Put the venv on PATH with `ENV`, or chain `. venv/bin/activate && …` in one line.",
    lab: { venv: 'opt/venv', premadeVenv: true, files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join('\n'), "broken.mk": ["install:", "\t. venv/bin/activate", "\tpip install -r requirements.txt", ""].join('\n'), "fixed.mk": ["install:", "\t. venv/bin/activate && pip install -r requirements.txt && python3 -c \"import sys; print('prefix:', sys.prefix)\"", ""].join('\n'), "broken.yml": ["jobs:", "  test:", "    runs-on: ubuntu-latest", "    steps:", "      - run: . venv/bin/activate", "      - run: 'python3 -c \"import sys; print(''prefix:'', sys.prefix)\"'", ""].join('\n'), "fixed.yml": ["jobs:", "  test:", "    runs-on: ubuntu-latest", "    steps:", "      - run: echo \"$PWD/venv/bin\" >> \"$GITHUB_PATH\"", "      - run: 'python3 -c \"import sys; print(''prefix:'', sys.prefix)\"'", ""].join('\n') }, cases: [
        { example: 'broken', situation: 'dockerfile', claim: { says: ['externally-managed-environment'], exit: 1 } },
        { example: 'fixed', situation: 'dockerfile', claim: { never: ['externally-managed-environment'], exit: 0 } },
        { example: 'broken', situation: 'make', claim: { says: ['externally-managed-environment'], exit: 2 } },
        { example: 'fixed', situation: 'make', claim: { where: [{ line: 'prefix:', is: 'venv' }], exit: 0 } },
        { example: 'broken', situation: 'actions', claim: { where: [{ line: 'prefix:', is: 'outside' }], exit: 0 } },
        { example: 'fixed', situation: 'actions', claim: { where: [{ line: 'prefix:', is: 'venv' }], exit: 0 } },
      ] },
    references: [
      'https://docs.docker.com/reference/dockerfile/#run',
      'https://docs.docker.com/reference/dockerfile/#env',
      'https://docs.python.org/3/library/venv.html#how-venvs-work',
    ],
  },
  check(site, _verdict, ctx) {
    const facts = site.config;
    const activation = facts?.activation;
    if (!activation) return;
    if (activation.fails) return; // nothing was activated: source-in-sh says why
    if (activation.deactivated) return; // ended on purpose by `deactivate` in the same shell
    let later: LaunchSite | undefined;
    const origin = facts?.venvOrigins.get(activation.venv);
    for (const s of activation.later.sitesWithoutVenv()) {
      if (s.config?.ranWithoutVenv) continue; // run by that name before any venv too: it needs none
      const v = ctx.judge(s);
      if (v?.resolution !== 'path') continue;
      if (v.tool === 'pip' && pipNotMeantForVenv(s, isInterpreterName(v.name), origin)) continue;
      if (meantForPathInterpreter(s, v.tool)) continue; // after `pip install --user`, or an sdist build
      later = s;
      break;
    }
    if (!activation.lastInRun && !later) return;
    // A CI job's no-op activation that nothing after it could use is harmless: its later steps run
    // no Python tool by name, and no make or script that could (autogen's "Prepare python venv"
    // step before dotnet steps). Kept everywhere else: an image runs its CMD later, and `make
    // activate` is a user expecting their own shell to change.
    if (!later && CI_LANGUAGES.has(site.language) && !activation.later.runsUnseen()) return;
    // So is a Makefile recipe that makes the venv and ends with its activation, nothing after it in
    // the recipe using it (codechecker's `venv:` targets, uda-capstone's `setup`: 6 findings reviewed
    // false; the targets that need the venv are judged by VG201 on their own commands). A recipe
    // that only activates a venv made elsewhere (`make activate`) is still reported.
    if (!later && facts.recipe !== undefined && origin?.how === 'created' && origin.where === facts.recipe && !activation.later.runsUnseen()) return;
    // Last in its shell but harmless: a later ENV PATH / $GITHUB_PATH puts the venv on PATH anyway,
    // also after a RUN that only activates (bluebutton-web-server's `RUN . /tmp/venv/bin/activate`
    // then `ENV PATH="/tmp/venv/bin:${PATH}"`, reviewed false): a dead line, but nothing runs without the venv.
    if (!later && activation.later.venvOnPath()) return;
    // A venv under a folder the format keeps as a stand-in ($HOME, $RUNNER_TEMP) is shown as the variable.
    const shown = facts?.showVenv?.(activation.venv);
    const named = (t: string) => (shown?.startsWith('$') && t.startsWith(activation.venv + '/') ? shown + t.slice(activation.venv.length) : t);
    // A word whose value holds a stand-in folder (`/__jenkins_workspace__` from `$WORKSPACE` in a
    // variable, `/github/workspace` from `$GITHUB_WORKSPACE`) is shown as written, never as the
    // stand-in (ceph-build's builder-reimage Jenkinsfile).
    const asWritten = (w: (typeof site.argv)[number]) => (w.span ? site.file.text.slice(w.span.start, w.span.end) : '…');
    const cmd = site.argv.map((w) => { const t = wordText(w); return t === undefined ? '…' : HOLDS_STAND_IN.test(t) ? asWritten(w) : named(t); }).join(' ');
    const span = site.argv[0].span ? { start: site.argv[0].span.start, end: (site.argv[site.argv.length - 1].span ?? site.argv[0].span).end } : undefined;
    if (!facts) return;
    // Inside a shell a command started (`RUN bash -c '. v/bin/activate' && …`), that shell is the unit.
    const shell = facts.nestedShell ? `the ${facts.nestedShell} shell in ${facts.unit}` : `${facts.unit}'s shell`;
    const data = {
      command: cmd,
      unit: facts.nestedShell ? `the ${facts.nestedShell} shell in ${facts.unit}` : facts.unit,
      ending: facts.nestedShell ? 'that shell' : shell,
      shell,
      advice: facts.persistAdvice(activation.venv),
    };
    // The later command that relies on the activation; its name JSON-escaped (the message has always quoted it so).
    const laterData = later && {
      ...data,
      program: JSON.stringify(wordText(later.argv[0]) ?? '…').slice(1, -1),
      line: site.file.location((later.argv[0].span ?? later.callSpan).start).line,
    };
    ctx.report({
      ...(!laterData
        ? { messageId: 'lastCommand' as const, data }
        : activation.lastInRun
          ? { messageId: 'lastCommandLaterRuns' as const, data: laterData }
          : { messageId: 'lastsOnlyForShell' as const, data: laterData }),
      span,
      fix: activation.later.venvOnPath() ? undefined : persistActivationFix(facts, activation.venv),
    });
  },
});
