/**
 * A venv a script only names (uses by path, never creates) inside a function body or one branch
 * of an `if`/`case` says nothing outside it (issue 15): a library of functions that its sourcer
 * runs after activating a venv (securedrop's bin/dev-deps), a script whose two phases are the two
 * branches of one `if` (certbot-auto). Where the venv is named at the top level, created, or named
 * in the same function or branch as the bare command, the finding stays.
 */
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';

testRule(venvNotOnPath, {
  filename: 'bin/dev-deps',
  label: 'shell script, named venvs in scope',
  valid: [
    {
      name: 'a library of functions: a venv one function names says nothing about another',
      code:
        '#!/bin/bash\nexport DISPLAY=:1\nexport REPOROOT="${REPOROOT:-$(git rev-parse --show-toplevel)}"\n\n' +
        'function run_redis() {\n  rm -f "${REPOROOT}/securedrop/redis-password"\n  python "${REPOROOT}/securedrop/scripts/rqrequeue" --interval 60 &\n}\n\n' +
        'function build_translations() {\n  pybabel compile --directory translations/\n}\n\n' +
        'function reset_demo() {\n  /opt/venvs/app-code/bin/pip install -r requirements.txt\n}\n',
    },
    {
      name: 'two phases in the two branches of one if: the venv of phase 2 is not in phase 1 or in an uncalled function',
      code:
        '#!/bin/sh\nVENV_PATH=/opt/eff.org/certbot/venv\nVENV_BIN="$VENV_PATH/bin"\n\n' +
        'BootstrapMac() {\n  if ! hash pip 2>/dev/null; then\n    curl -sS https://bootstrap.pypa.io/get-pip.py | python\n  fi\n  pip install virtualenv\n}\n\n' +
        'if [ "$1" = "--le-auto-phase2" ]; then\n  shift 1\n  "$VENV_BIN/pip" install --require-hashes -r requirements.txt\n  "$VENV_BIN/letsencrypt" "$@"\nelse\n' +
        '  python -c "import sys; print(sys.version)"\n  pip --version\n  "$0" --le-auto-phase2 "$@"\nfi\n',
    },
  ],
  invalid: [
    {
      name: 'a library whose own function creates a venv and then runs pip by name',
      code: '#!/bin/bash\nexport REPOROOT=/srv/app\n\nsetup_env() {\n  python3 -m venv /opt/venvs/app\n  pip install -r "$REPOROOT/requirements.txt"\n}\n',
      errors: [{ line: 6, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/venvs/app' } }],
    },
    {
      name: 'a function that names the venv and runs pip by name in its own body',
      code: '#!/bin/bash\ndeploy() {\n  /opt/venvs/app/bin/python manage.py migrate\n  pip install -r requirements.txt\n}\ndeploy\n',
      errors: [{ line: 4, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/venvs/app' } }],
    },
    {
      name: 'a venv named at the top level covers a called function',
      code: '#!/bin/bash\n/opt/venv/bin/pip install -r requirements.txt\nrun() {\n  python app.py\n}\nrun\n',
      errors: [{ line: 4, messageId: 'notOnPath', data: { name: 'python', venv: '/opt/venv' } }],
    },
    {
      name: 'the venv named in the same branch as the bare command',
      code: '#!/bin/sh\nif [ "$1" = "--phase2" ]; then\n  /opt/venv/bin/pip install -r requirements.txt\n  python -m app\nelse\n  echo phase1\nfi\n',
      errors: [{ line: 4, messageId: 'notOnPath', data: { name: 'python', venv: '/opt/venv' } }],
    },
    {
      name: 'a case item that names the venv and runs pip by name',
      code: '#!/bin/sh\ncase "$1" in\n  install)\n    /opt/venv/bin/python -m ensurepip\n    pip install .\n    ;;\n  *) echo usage ;;\nesac\n',
      errors: [{ line: 5, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/venv' } }],
    },
  ],
});

const BOOTSTRAP =
  '#!/bin/sh\nExperimentalBootstrap() {\n  if [ "$DEBUG" = 1 ]; then\n    $2\n  else\n    echo "FATAL: $1 support is very experimental" >&2\n    exit 1\n  fi\n}\n\n' +
  'BootstrapMac() {\n  pip install virtualenv\n}\n\nBootstrap() {\n  ExperimentalBootstrap "Mac OS X" BootstrapMac\n}\n\n';

testRule(venvNotOnPath, {
  filename: 'letsencrypt-auto',
  label: 'shell script, indirect and uncalled functions',
  valid: [
    {
      name: 'a function passed by name to a function that runs it ($2) runs there, before the venv is made',
      code: BOOTSTRAP + 'Bootstrap\npython3 -m venv /opt/eff.org/venv\n/opt/eff.org/venv/bin/pip install certbot\n',
    },
  ],
  invalid: [
    {
      name: 'a function passed by name runs after the venv is made: its bare pip is an escape',
      // (A package, not virtualenv: installing a standalone tool with PATH's pip is not an escape.)
      code: BOOTSTRAP.replace('pip install virtualenv', 'pip install six') + 'python3 -m venv /opt/eff.org/venv\nBootstrap\n/opt/eff.org/venv/bin/pip install certbot\n',
      errors: [{ line: 12, messageId: 'notOnPath', data: { name: 'pip', venv: '/opt/eff.org/venv' } }],
    },
    {
      name: 'an uncalled function starts in the folder the top level ends in, not in one another uncalled function cd-ed to',
      code: '#!/bin/bash\nbuild_docs() {\n  cd docs\n  make html\n}\n\nsetup() {\n  python3 -m venv .venv\n  pip install -e .\n}\n\n"$@"\n',
      errors: [{ line: 9, messageId: 'notOnPath', data: { name: 'pip', venv: '.venv' } }],
      unsafeOutput: '#!/bin/bash\nbuild_docs() {\n  cd docs\n  make html\n}\n\nsetup() {\n  python3 -m venv .venv\n  .venv/bin/python -m pip install -e .\n}\n\n"$@"\n',
    },
  ],
});

// odm's configure_macos.sh: `"$1"` dispatches to install(), which calls installreqs() (it makes and
// activates the venv) and then runs pip: the helper runs inside its caller, not first on its own.
const ODM = (call: string) =>
  '#!/bin/bash\ninstallreqs() {\n  python3 -m venv venv\n  source venv/bin/activate\n  pip install -r requirements.txt\n}\n\n' +
  `install() {\n  ${call}\n  pip download GDAL\n}\n\nRUNPATH="$( cd "$( dirname "\${BASH_SOURCE[0]}" )" && pwd )"\n"$1"\n`;

testRule(venvNotOnPath, {
  filename: 'configure_macos.sh',
  label: 'shell script, functions dispatched by "$1"',
  valid: [{ name: 'odm: the helper a dispatched function calls runs inside it, after what it did', code: ODM('installreqs') }],
  invalid: [
    {
      name: 'the dispatched function does not call the helper: its pip is not the venv\'s',
      code: ODM('echo installing'),
      errors: [{ line: 10, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv' } }],
    },
  ],
});

testRule(venvNotOnPath, {
  filename: 'scripts/setup.sh',
  label: 'shell script, subshells and substitutions end what they change',
  valid: [
    { name: 'pip inside the subshell that activates', code: '#!/bin/bash\npython3 -m venv .venv\n(source .venv/bin/activate && pip install -r requirements.txt)\n' },
    { name: 'an activation outside any subshell lasts', code: '#!/bin/bash\npython3 -m venv .venv\nsource .venv/bin/activate\npip install -e .\n' },
  ],
  invalid: [
    {
      name: "a command substitution's cd leaves the script where it was: the fix's path is from there",
      code: '#!/bin/bash\npython3 -m venv .venv\nHERE=$(cd sub && pwd)\npython app.py\n',
      errors: [{ line: 4, messageId: 'notOnPath', data: { name: 'python', venv: '.venv' } }],
      unsafeOutput: '#!/bin/bash\npython3 -m venv .venv\nHERE=$(cd sub && pwd)\n.venv/bin/python app.py\n',
    },
    {
      name: 'a process substitution and a subshell too',
      code: '#!/bin/bash\npython3 -m venv .venv\nwhile read -r f; do echo "$f"; done < <(cd sub && ls)\n(cd docs; make html)\npython app.py\n',
      errors: [{ line: 5, messageId: 'notOnPath', data: { name: 'python', venv: '.venv' } }],
      unsafeOutput: '#!/bin/bash\npython3 -m venv .venv\nwhile read -r f; do echo "$f"; done < <(cd sub && ls)\n(cd docs; make html)\n.venv/bin/python app.py\n',
    },
    {
      name: "the subshell's activation ends with it",
      code: '#!/bin/bash\npython3 -m venv .venv\n(source .venv/bin/activate && pip install -r requirements.txt)\npip install -e .\n',
      errors: [{ line: 4, messageId: 'notOnPath', data: { name: 'pip', venv: '.venv' } }],
    },
  ],
});

// LocalAI's libbackend.sh: a library the backends' scripts source, which calls its own `init` at its
// end; the other functions are called by the scripts that source it, as its comment shows.
const LIBRARY = (comment: string) =>
  `#!/usr/bin/env bash\n${comment}\ninit() {\n  EDIR=.\n}\n\nsetup() {\n  python3 -m venv .venv\n  pip install -e .\n}\n\ninit\n`;

testRule(venvNotOnPath, {
  filename: 'backend/common/libbackend.sh',
  label: 'shell script, a library documented as sourced',
  valid: [
    { name: 'no such comment: a program, whose function nothing calls is dead code', code: LIBRARY('# helpers for the backends') },
    { name: 'the comment sources another file', code: LIBRARY('# source $(dirname $0)/../common/libbackend.sh.orig') },
    { name: 'nor one whose name ends with this one', code: LIBRARY('# source $(dirname $0)/../common/mylibbackend.sh') },
  ],
  invalid: [
    {
      name: 'its comment sources it by its own name: every function may be called',
      code: LIBRARY('# use the library by adding the following line to a script:\n# source $(dirname $0)/../common/libbackend.sh'),
      errors: [{ line: 10, messageId: 'notOnPath', data: { name: 'pip', venv: '.venv' } }],
    },
    {
      name: 'with `.` in place of source',
      code: LIBRARY('#   . ./libbackend.sh'),
      errors: [{ line: 9, messageId: 'notOnPath', data: { name: 'pip', venv: '.venv' } }],
    },
  ],
});

// gse's install-gse.sh: `install_poetry()` pipes get-poetry.py to `python3` after the venv is made,
// but nothing calls it (its call is commented out, `#install_poetry;`): dead code, not walked.
const GSE = (call: string) =>
  "#!/bin/bash\ninstall_venv() {\n  python3 -m venv ~/gvmpy\n  ~/gvmpy/bin/pip install -q wheel\n}\n\ninstall_poetry() {\n  /usr/bin/logger 'install_poetry' -t 'gce';\n" +
  '  curl -sSL https://example.org/get-poetry.py | python3 - > /dev/null 2>&1;\n}\n\nmain() {\n  install_venv;\n  ' + call + '\n}\n\nmain;\n';

testRule(venvNotOnPath, {
  filename: 'installfiles/install-gse.sh',
  label: 'shell script, a function never called',
  valid: [
    { name: 'gse: its only call commented out, its own log line naming it', code: GSE('#install_poetry;') },
    { name: 'named nowhere at all', code: GSE('echo done') },
  ],
  invalid: [
    {
      name: 'called from main: its python3 runs after the venv is made',
      code: GSE('install_poetry;'),
      errors: [{ line: 9, messageId: 'notOnPath', data: { name: 'python3' } }],
    },
    {
      name: 'a dispatch by computed name ("$@") may call it',
      code: GSE('"$@"'),
      errors: [{ line: 9, messageId: 'notOnPath', data: { name: 'python3' } }],
    },
    {
      name: 'named in a trap: it may run',
      code: GSE("trap 'install_poetry' EXIT"),
      errors: [{ line: 9, messageId: 'notOnPath', data: { name: 'python3' } }],
    },
    {
      name: 'a library of functions (none called here): another script sources it and calls them',
      code: '#!/bin/bash\nmake_venv() {\n  python3 -m venv .venv\n}\n\nsetup() {\n  make_venv\n  pip install -e .\n}\n',
      errors: [{ line: 8, messageId: 'notOnPath', data: { name: 'pip' } }],
    },
  ],
});
