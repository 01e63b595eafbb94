/**
 * VG204 activate-not-sourced: a venv's `activate` script run as a program (`./venv/bin/activate`,
 * `bash venv/bin/activate`) instead of sourced. It then runs in a child process, whose changes to
 * PATH end when it exits — or, executed directly, it is refused for lack of an execute bit.
 */
import { replaceWordEdit, wordSourceSpan, wordText, type Word } from '../kernel/word.js';
import { defineRule } from '../kernel/rule.js';
import type { Edit } from '../kernel/diagnostic.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'mksh']);
const ACTIVATE = /(^|\/)bin\/activate$/;

/** The activate script a site runs as a program, and how: directly, or as a shell's script operand. */
function executedActivate(argv: Word[]): { script: Word; shell?: Word } | undefined {
  const first = argv[0] ? wordText(argv[0]) : undefined;
  if (first === undefined) return undefined;
  if (ACTIVATE.test(first)) return { script: argv[0] };
  const base = first.slice(first.lastIndexOf('/') + 1);
  const second = argv[1] ? wordText(argv[1]) : undefined;
  if (SHELLS.has(base) && second !== undefined && ACTIVATE.test(second)) return { script: argv[1], shell: argv[0] };
  return undefined;
}

export const activateNotSourced = defineRule({
  code: 'VG204',
  name: 'activate-not-sourced',
  summary: "A venv's activate script is run as a program instead of sourced, so it changes nothing",
  fixable: 'sometimes',
  judges: 'config',
  topic: 'activation',
  messages: {
    runByShell: '"{{shell}} {{script}}" runs it in a new shell that exits at once, so PATH and VIRTUAL_ENV of this shell do not change; source it: ". {{script}}"',
    runAsProgram: '"{{script}}" runs it as a program (and venv installs it without an execute bit: "Permission denied", status 126), so PATH and VIRTUAL_ENV of this shell do not change; source it: ". {{script}}"',
  },
  docs: {
    exampleLanguage: 'dockerfile',
    mentalModel:
      "`activate` works by changing the environment of the shell that reads it: PATH, VIRTUAL_ENV, PS1, and a `deactivate` function. Run as a program — `./venv/bin/activate`, `bash venv/bin/activate` — it gets a shell process of its own, changes that process's environment, and exits; the shell that ran it is untouched. It is meant to be sourced (`. venv/bin/activate`), which is why venv installs it without an execute bit.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN bash /opt/venv/bin/activate && pip install -r requirements.txt", ""].join('\n'),
    why: "A child process cannot change its parent's environment. Only sourcing runs the script's assignments in the current shell.",
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN . /opt/venv/bin/activate && pip install -r requirements.txt", ""].join('\n'),
    inRealSystems:
      'Seen as `RUN bash venv/bin/activate`, `./venv/bin/activate && python app.py` in start scripts, and CI steps that `chmod +x venv/bin/activate` to get past "Permission denied" — after which the step succeeds and nothing is activated. Everything after it runs with the system or runner Python.',
    fixSafety:
      'The fix sources the script instead (`. venv/bin/activate`): with a shell word (`bash venv/bin/activate`) that word becomes `.`, and a script run directly gets `. ` in front. It is unsafe because it changes what runs: the activation starts to work, so later commands in the same shell run inside the venv.',
    keyTakeaway: 'Source activate (`. venv/bin/activate`); running it as a program changes nothing.',
    question: "`bash /opt/venv/bin/activate` exits 0. Is the venv active for the `pip` after `&&`?",
    answer:
      "No. `bash FILE` runs the script in a new process; its changes to PATH die with it, and the `pip` after `&&` is PATH's: here Debian's, which refuses (`externally-managed-environment`). The same holds in a shell script, under `sh` and `bash` alike.",
    commonMistake:
      "Making `activate` executable (`chmod +x`) and running `./venv/bin/activate`: it is still a child process. Activation only works with `.` (or bash's `source`) in the shell that runs the next commands.",
    lab: { venv: 'opt/venv', premadeVenv: true, files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join('\n'), "broken.sh": ["bash venv/bin/activate", "python3 -c \"import sys; print('prefix:', sys.prefix)\"", ""].join('\n'), "fixed.sh": [". venv/bin/activate", "python3 -c \"import sys; print('prefix:', sys.prefix)\"", ""].join('\n') }, cases: [
        { example: 'broken', situation: 'dockerfile', claim: { says: ['externally-managed-environment'], exit: 1 } },
        { example: 'fixed', situation: 'dockerfile', claim: { never: ['externally-managed-environment'], exit: 0 } },
        { example: 'broken', situation: 'sh', claim: { where: [{ line: 'prefix:', is: 'outside' }], exit: 0 } },
        { example: 'broken', situation: 'bash', claim: { where: [{ line: 'prefix:', is: 'outside' }], exit: 0 } },
        { example: 'fixed', situation: 'sh', claim: { where: [{ line: 'prefix:', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'bash', claim: { where: [{ line: 'prefix:', is: 'venv' }], exit: 0 } },
      ] },
    references: ['https://docs.python.org/3/library/venv.html#how-venvs-work', 'https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_19'],
  },
  check(site, _verdict, ctx) {
    const found = executedActivate(site.argv);
    if (!found) return;
    const path = wordText(found.script)!;
    // `bin/activate` names a venv only if the folder it runs in is one: a project's own
    // `bin/activate` program (richie's site factory: `#!/usr/bin/env bash`, run as `$ bin/activate`
    // in its README) is not, unless the file knows that folder as a venv.
    if (/^(?:\.\/)?bin\/activate$/.test(path) && !(site.config?.cwd !== undefined && site.env.knownVenvs?.includes(site.config.cwd))) return;
    let edits: Edit[] | undefined;
    // Sourcing needs a shell: an exec-form command line (JSON, a unit's ExecStart) gets no fix.
    if (site.config?.form !== 'shell') edits = undefined;
    else if (found.shell) {
      const e = replaceWordEdit(site.file.text, found.shell, '.');
      if (e) edits = [e];
    } else {
      const at = wordSourceSpan(found.script);
      if (at && replaceWordEdit(site.file.text, found.script, path)) edits = [{ start: at.start, end: at.start, text: '. ' }];
    }
    ctx.report({
      ...(found.shell ? { messageId: 'runByShell' as const, data: { shell: wordText(found.shell)!, script: path } } : { messageId: 'runAsProgram' as const, data: { script: path } }),
      span: (found.shell ?? found.script).span,
      fix: edits ? { title: `Source it: ". ${path}"`, edits, cap: 'unsafe', reason: 'the activation starts to work: later commands in this shell run inside the venv' } : undefined,
    });
  },
});
