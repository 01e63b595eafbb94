/**
 * VG203 source-in-sh: `source venv/bin/activate` in a shell that is POSIX sh — a Dockerfile RUN on a
 * Debian or Ubuntu based image, a Makefile recipe, a `#!/bin/sh` script, an Actions step with
 * `shell: sh`. dash, /bin/sh there, has no `source`: the line fails and nothing is activated.
 */
import { replaceWordEdit, wordText } from '../kernel/word.js';
import { defineRule } from '../kernel/rule.js';
import { persistActivationFix } from './activation-does-not-persist.js';

export const sourceInSh = defineRule({
  code: 'VG203',
  name: 'source-in-sh',
  summary: 'A venv is activated with `source` in a POSIX sh (dash), which has no `source` command',
  fixable: 'always',
  judges: 'config',
  topic: 'activation',
  messages: {
    sourceNotInSh: '"source" is not a command in {{shell}} (dash, on Debian and Ubuntu): the command fails with status 127 (not found) and {{args}} is never activated; use ". {{args}}"',
    sourceNotInShLast: '"source" is not a command in {{shell}} (dash, on Debian and Ubuntu): the command fails with status 127 (not found) and {{args}} is never activated; with "." it would end with {{ending}}: {{advice}}',
  },
  docs: {
    exampleLanguage: 'dockerfile',
    mentalModel:
      "`source` is a bash (and zsh, ksh) builtin; POSIX sh has only `.` for the same thing. On Debian and Ubuntu, and in every image built on them (the official python and node images among them), /bin/sh is dash, and dash has no `source`. Make runs each recipe line with /bin/sh unless SHELL says otherwise, Docker runs RUN with `/bin/sh -c`, and a `#!/bin/sh` script is dash — so `source venv/bin/activate` there is a command that is not found.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN source /opt/venv/bin/activate && pip install -r requirements.txt", ""].join('\n'),
    why: '`.` is the POSIX spelling and works in every shell; `source` is an extension. dash implements POSIX and nothing more, so the activation never happens and PATH keeps its old value.',
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN . /opt/venv/bin/activate && pip install -r requirements.txt", ""].join('\n'),
    inRealSystems:
      "Makefiles copied from a bash prompt are the usual case (`make: *** [Makefile:4: install] Error 127`, or, after `;`, a silent install into the system Python); so are Dockerfile RUN lines on `python:3.x` images (`/bin/sh: 1: source: not found`) — images based on Alpine (busybox ash) or Fedora/RHEL (bash as /bin/sh) accept `source`, which is why the same line works on one base image and not another. Setting `SHELL := /bin/bash` (Make) or `SHELL [\"/bin/bash\", \"-c\"]` (Docker) also works.",
    fixSafety:
      'The fix replaces `source` with `.`, which does the same in bash and works in dash. It is marked safe but changes what runs: the activation starts to work, so the commands after it now run inside the venv (which is what the line meant). Not when the activation is the last command of its shell (alone on a recipe line or in a RUN): there `.` would activate nothing that lasts, and a line that stopped the build with 127 would let the next line run without the venv (a Makefile whose `pip3 install` then goes to the system). The message then says how to keep the venv on PATH; a Dockerfile RUN that does nothing else becomes `ENV VIRTUAL_ENV=… PATH=…` (unsafe), as activation-does-not-persist fixes it, and anything else gets no fix (a workflow\'s `$GITHUB_PATH` line would come after the failing `source`, which stops the step before it).',
    keyTakeaway: 'In sh, activate with `. venv/bin/activate`; `source` exists only in bash and its relatives.',
    question: "`source` works in your terminal. What does it do in a `RUN` line, or in a script run with `sh`?",
    answer:
      "`sh` on Debian is dash, which has no `source`: it prints `source: not found` and returns 127. With `&&` the line fails there (the build stops); with a newline or `;` the script goes on with PATH unchanged, and its `python3` is the system's. The same script run with `bash` works, which is why it passes on a developer's machine.",
    commonMistake:
      "Fixing it with `SHELL [\"/bin/bash\", \"-c\"]` or a `#!/bin/bash` line and keeping `source` in files other shells run (Makefiles, cron lines, CI steps with `sh`). `.` works in every POSIX shell.",
    lab: { venv: 'opt/venv', premadeVenv: true, files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join('\n'), "broken.sh": ["source venv/bin/activate", "python3 -c \"import sys; print('prefix:', sys.prefix)\"", ""].join('\n'), "fixed.sh": [". venv/bin/activate", "python3 -c \"import sys; print('prefix:', sys.prefix)\"", ""].join('\n') }, cases: [
        { example: 'broken', situation: 'dockerfile', claim: { says: ['source: not found'], exit: 127 } },
        { example: 'fixed', situation: 'dockerfile', claim: { never: ['not found', 'externally-managed-environment'], exit: 0 } },
        { example: 'broken', situation: 'sh', claim: { says: ['source: not found'], where: [{ line: 'prefix:', is: 'outside' }], exit: 0 } },
        { example: 'broken', situation: 'bash', claim: { where: [{ line: 'prefix:', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'sh', claim: { where: [{ line: 'prefix:', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'bash', claim: { where: [{ line: 'prefix:', is: 'venv' }], exit: 0 } },
      ] },
    references: [
      'https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_19',
      'https://www.gnu.org/software/make/manual/html_node/Choosing-the-Shell.html',
      'https://wiki.ubuntu.com/DashAsBinSh',
      'https://docs.docker.com/reference/dockerfile/#shell',
    ],
  },
  check(site, _verdict, ctx) {
    const facts = site.config;
    if (facts?.activation?.fails !== 'source-in-sh') return;
    const word = site.argv[0];
    const args = site.argv.slice(1).map((w) => wordText(w) ?? '…').join(' ');
    const shell = facts.shellName ?? '/bin/sh';
    const activation = facts.activation;
    // Last in its shell, `.` would activate nothing that lasts: a build stopped by 127 would go on
    // without the venv (genomic-data-service's `source venv/bin/activate` alone on a recipe line).
    if (activation.lastInRun) {
      ctx.report({
        messageId: 'sourceNotInShLast',
        data: { shell, args, ending: facts.nestedShell ? 'that shell' : `${facts.unit}'s shell`, advice: facts.persistAdvice(activation.venv) },
        span: word.span,
        // Only a Dockerfile RUN that does nothing else becomes the ENV line: elsewhere the
        // persistent way is written after the activation (`&& echo … >> "$GITHUB_PATH"`), which the
        // failing `source` never reaches, or the RUN would still fail.
        fix: activation.alone && site.language === 'dockerfile' && !activation.later.venvOnPath() ? persistActivationFix(facts, activation.venv) : undefined,
      });
      return;
    }
    const edit = replaceWordEdit(site.file.text, word, '.');
    ctx.report({
      messageId: 'sourceNotInSh',
      data: { shell, args },
      span: word.span,
      fix: edit ? { title: `Use ". ${args}"`, edits: [edit] } : undefined,
    });
  },
});
