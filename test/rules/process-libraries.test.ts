/**
 * Issue 12 point 1: task runners and process libraries that start programs by name — invoke and
 * fabric, sh, plumbum, pexpect, sarge, delegator (src/frontends/python/process-libraries.ts). A
 * command fabric runs on a remote host over SSH is not a local venv escape and is not reported;
 * invoke's context and fabric's `local` run here. Fixes only where the rewrite is right.
 */
import { bareConsoleScript } from '../../src/rules/bare-console-script.js';
import { barePip } from '../../src/rules/bare-pip.js';
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { testRule } from '../rule-tester.js';

testRule(barePythonInterpreter, {
  label: 'process libraries',
  valid: [
    // fabric: a task's Connection runs commands on the remote host.
    'from fabric import task\n\n\n@task\ndef migrate(c):\n    c.run("python manage.py migrate")\n',
    'from fabric import Connection\nConnection("web1").run("python manage.py migrate")\n',
    'from fabric import Connection\nConnection("web1").sudo("python manage.py migrate")\n',
    'from fabric.api import run, sudo\n\n\ndef migrate():\n    run("python manage.py migrate")\n    sudo("python manage.py migrate")\n',
    // invoke: a function that is not a task, whose parameter is nothing known.
    'from invoke import task\n\n\ndef helper(c):\n    c.run("python x.py")\n',
    // Not a library's launch: other objects with run().
    'import invoke\n\n\ndef go(session):\n    session.run("python", "x.py")\n',
    { name: 'invoke with sys.executable', code: 'import sys\nfrom invoke import task\n\n\n@task\ndef test(c):\n    c.run(f"{sys.executable} -m pytest")\n' },
    'import sys\nimport sh\nsh.Command(sys.executable)("x.py")\n',
    'import sys\nfrom plumbum import local\nlocal[sys.executable]("x.py")\n',
    'import sh\nsh.git("status")\nsh.ls("-l")\n',
    'from plumbum import local\nfrom plumbum.cmd import git\nlocal["git"]("status")\n',
    'import pexpect\npexpect.spawn("ssh host python")\n',
  ],
  invalid: [
    {
      name: 'invoke: invoke.run in a script that defines no task (a real shell: fixed with shlex.quote)',
      code: 'import sys\nimport invoke\n\n\ndef migrate():\n    invoke.run("python manage.py migrate")\n',
      errors: [{ line: 6, column: 17, messageId: 'bareInterpreter', data: { name: 'python', via: ' (via sh)' } }],
      output: 'import shlex\nimport sys\nimport invoke\n\n\ndef migrate():\n    invoke.run(shlex.quote(sys.executable) + " manage.py migrate")\n',
    },
    {
      name: 'invoke: the module function invoke.run',
      code: 'import invoke\ninvoke.run("python x.py", hide=True)\n',
      errors: [{ line: 2, messageId: 'bareInterpreter' }],
    },
    {
      name: 'invoke: a parameter annotated Context, and Context()',
      code: 'from invoke import Context\n\n\ndef helper(c: Context):\n    c.run("python x.py")\n\n\nContext().run("python3 y.py")\n',
      errors: [
        { line: 5, messageId: 'bareInterpreter', data: { name: 'python' } },
        { line: 8, messageId: 'bareInterpreter', data: { name: 'python3' } },
      ],
    },
    {
      name: 'invoke: c.sudo looks the program up on sudo\'s secure_path',
      code: 'import invoke\n\n\n@invoke.task\ndef setup(c):\n    c.sudo("python3 setup.py install")\n',
      errors: [{ line: 6, messageId: 'bareInterpreter', data: { lookup: "looked up on sudo's secure_path, not this venv" } }],
    },
    {
      name: 'fabric: Connection.local runs here',
      code: 'from fabric import Connection\n\n\ndef build(host):\n    c = Connection(host)\n    Connection(host).local("python setup.py sdist")\n    c.run("python -V")\n',
      errors: [{ line: 6, messageId: 'bareInterpreter' }],
    },
    {
      name: 'fabric 1: local() runs here',
      code: 'from fabric.api import local\n\n\ndef test():\n    local("python -m unittest")\n',
      errors: [{ line: 5, messageId: 'bareInterpreter' }],
    },
    {
      name: 'sh: sh.Command("python") (fixed: sh.Command takes a path)',
      code: 'import sys\nimport sh\npy = sh.Command("python")\npy("x.py")\n',
      errors: [{ line: 3, column: 17, messageId: 'bareInterpreter' }],
      output: 'import sys\nimport sh\npy = sh.Command(sys.executable)\npy("x.py")\n',
    },
    {
      name: 'sh: sh.python3(...) and from sh import python (no fix: the name is not a string)',
      code: 'import sh\nfrom sh import python\nsh.python3("x.py")\n',
      errors: [
        { line: 2, column: 16, messageId: 'bareInterpreter', data: { name: 'python' } },
        { line: 3, column: 4, messageId: 'bareInterpreter', data: { name: 'python3' } },
      ],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'plumbum: local["python"] (fixed: local[] takes a path)',
      code: 'import sys\nfrom plumbum import local\nlocal["python"]("x.py")\n',
      errors: [{ line: 3, column: 7, messageId: 'bareInterpreter' }],
      output: 'import sys\nfrom plumbum import local\nlocal[sys.executable]("x.py")\n',
    },
    {
      name: 'plumbum: a bound command, plumbum.cmd and local.cmd',
      code: 'from plumbum import local, FG\nfrom plumbum.cmd import python3\npy = local["python"]["x.py"]\npy & FG\nlocal.cmd.python("y.py")\n',
      errors: [
        { line: 2, messageId: 'bareInterpreter', data: { name: 'python3' } },
        { line: 3, messageId: 'bareInterpreter', data: { name: 'python' } },
        { line: 5, messageId: 'bareInterpreter', data: { name: 'python' } },
      ],
    },
    {
      name: 'pexpect: spawn and run (reported, not fixed: not a shell)',
      code: 'import sys\nimport pexpect\nchild = pexpect.spawn("python manage.py shell")\npexpect.run("python3 -c \'import django\'")\n',
      errors: [
        { line: 3, messageId: 'bareInterpreter', data: { name: 'python' } },
        { line: 4, messageId: 'bareInterpreter', data: { name: 'python3' } },
      ],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'sarge: run and capture_stdout, a string and a list',
      code: 'import sarge\nsarge.run("python x.py && echo done")\nsarge.capture_stdout(["python3", "y.py"])\n',
      errors: [
        { line: 2, messageId: 'bareInterpreter', data: { name: 'python' } },
        { line: 3, messageId: 'bareInterpreter', data: { name: 'python3' } },
      ],
      output: null,
    },
    {
      name: 'delegator: run',
      code: 'import delegator\nc = delegator.run("python setup.py sdist")\n',
      errors: [{ line: 2, messageId: 'bareInterpreter' }],
      output: null,
    },
  ],
});

testRule(barePip, {
  label: 'process libraries',
  valid: ['from fabric import task\n\n\n@task\ndef deps(c):\n    c.run("pip install -r requirements.txt")\n'],
  invalid: [
    {
      name: 'invoke: pip install through a Context made by a script (no task)',
      code: 'from invoke import Context\n\n\ndef deps():\n    Context().run("pip install -r requirements.txt")\n',
      errors: [{ line: 5, messageId: 'barePip', data: { name: 'pip' } }],
    },
    {
      name: 'sh: sh.pip.install(...) and sh.pip(...)',
      code: 'import sh\nsh.pip.install("requests")\nsh.pip("install", "-U", "pip")\n',
      errors: [
        { line: 2, messageId: 'barePip', data: { name: 'pip' } },
        { line: 3, messageId: 'barePip', data: { name: 'pip' } },
      ],
    },
    {
      name: 'sh: from sh import pip (looked up at the import)',
      code: 'from sh import pip\npip("install", "requests")\n',
      errors: [{ line: 1, column: 16, messageId: 'barePip', data: { name: 'pip' } }],
    },
    {
      name: 'plumbum: local.cmd.pip and from plumbum.cmd import pip',
      code: 'from plumbum import local\nfrom plumbum.cmd import pip\nlocal.cmd.pip("install", "x")\npip["install", "y"]()\n',
      errors: [
        { line: 2, column: 25, messageId: 'barePip', data: { name: 'pip' } },
        { line: 3, column: 11, messageId: 'barePip', data: { name: 'pip' } },
      ],
    },
    {
      name: 'sarge: get_stdout',
      code: 'import sarge\nout = sarge.get_stdout("pip freeze")\n',
      errors: [{ line: 2, messageId: 'barePip', data: { name: 'pip' } }],
      output: null,
    },
    {
      name: 'plumbum: local["python"]["-m", "pip", …]',
      code: 'from plumbum import local\nlocal["python"]["-m", "pip", "install", "x"]()\n',
      errors: [{ line: 2, messageId: 'pipOfInterpreter', data: { name: 'python' } }],
    },
  ],
});

testRule(bareConsoleScript, {
  label: 'process libraries',
  valid: ['import sh\nsh.Command("git")("status")\n'],
  invalid: [
    {
      name: 'invoke: pytest through a Context a script makes (no task), fixed with -m',
      code: 'import sys\nfrom invoke import Context\n\n\ndef test():\n    Context().run("pytest -x")\n',
      errors: [{ line: 6, messageId: 'runModule', data: { name: 'pytest', module: 'pytest' } }],
      unsafeOutput: 'import shlex\nimport sys\nfrom invoke import Context\n\n\ndef test():\n    Context().run(shlex.quote(sys.executable) + " -m pytest -x")\n',
    },
    {
      name: 'sh: sh.pytest, sh.Command("pytest") and sh.Command("black"), django_admin → django-admin',
      code: 'import sh\nsh.pytest("-x")\nsh.Command("black")(".")\nsh.django_admin("migrate")\nrun_tests = sh.Command("pytest")\n',
      errors: [
        { line: 2, messageId: 'runModule', data: { name: 'pytest' } },
        { line: 3, messageId: 'runModule', data: { name: 'black' } },
        { line: 4, messageId: 'runModule', data: { name: 'django-admin' } },
        { line: 5, messageId: 'runModule', data: { name: 'pytest' } },
      ],
    },
    {
      name: 'plumbum: local.cmd.pytest',
      code: 'from plumbum import local\nlocal.cmd.pytest("-x")\n',
      errors: [{ line: 2, messageId: 'runModule', data: { name: 'pytest' } }],
    },
  ],
});
