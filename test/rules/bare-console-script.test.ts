import { bareConsoleScript } from '../../src/rules/bare-console-script.js';
import { testRule } from '../rule-tester.js';

testRule(bareConsoleScript, {
  valid: [
    'import subprocess, sys\nsubprocess.run([sys.executable, "-m", "pytest"])\n',
    'import subprocess\nsubprocess.run(["tox", "-e", "lint"])\n',
    'import subprocess\nsubprocess.run(["nox", "-s", "tests"])\n',
    'import subprocess\nsubprocess.run(["poetry", "run", "pytest"])\n',
    'import subprocess\nsubprocess.run(["hatch", "run", "test"])\n',
    'import subprocess\nsubprocess.run(["pdm", "run", "pytest"])\n',
    'import subprocess\nsubprocess.run(["conda", "run", "-n", "env", "pytest"])\n',
    'import subprocess\nsubprocess.run(["pipx", "run", "black", "."])\n',
    'import subprocess\nsubprocess.run(["git", "commit"])\n',
    'import subprocess\nsubprocess.run(["make", "test"])\n',
    'import subprocess\nsubprocess.run(["npm", "test"])\n',
    'import subprocess\nsubprocess.run(["ls", "-l"])\n',
    'import os, subprocess, sys\nsubprocess.run([os.path.join(os.path.dirname(sys.executable), "celery"), "worker"])\n',
    'import subprocess\nsubprocess.run(["ssh", "host", "celery", "worker"])\n',
  ],
  invalid: [
    {
      // unseen7's kolla-ansible: a helper puts its first argument first in its own argv; a list
      // written there would be its program (`[[sys.executable, …]] + args`), so the script beside
      // the interpreter is written instead.
      name: 'a helper that builds [executable] + args: the script beside sys.executable, not a list',
      code: 'import subprocess\n\n\ndef run_command(executable, args):\n    subprocess.run([executable] + args, check=True)\n\n\ndef lint():\n    run_command("flake8", ["--count"])\n',
      errors: [{ line: 9, messageId: 'runModule' }],
      output: null,
      unsafeOutput: 'import os\nimport shutil\nimport subprocess\nimport sys\n\n\ndef run_command(executable, args):\n    subprocess.run([executable] + args, check=True)\n\n\ndef lint():\n    run_command(shutil.which("flake8", path=os.path.dirname(sys.executable)) or "flake8", ["--count"])\n',
    },
    {
      name: 'a helper that passes its argument on as the whole argv: the list is right there',
      code: 'import subprocess\n\n\ndef run(cmd):\n    subprocess.run(cmd, check=True)\n\n\nrun("pytest")\n',
      errors: [{ line: 8, messageId: 'runModule' }],
      output: null,
      unsafeOutput: 'import subprocess\nimport sys\n\n\ndef run(cmd):\n    subprocess.run(cmd, check=True)\n\n\nrun([sys.executable, "-m", "pytest"])\n',
    },
    {
      // Spyder's vendored pylsp flake8 plugin: the name is another call's default, used as one word
      // of argv (`[exe] + args`); a list written there would be spliced in as one element, so the
      // script beside the interpreter (one word, as the default is) is offered instead.
      name: "the default of another call's argument, used as one argv word: found, the script beside sys.executable",
      code: 'import subprocess\nimport sys\n\n\ndef run(settings, args):\n    exe = settings.get("executable", "flake8")\n    cmd = [exe]\n    cmd.extend(args)\n    return subprocess.Popen(cmd)\n',
      errors: [{ line: 9, messageId: 'runModule' }],
      output: null,
      unsafeOutput: 'import os\nimport shutil\nimport subprocess\nimport sys\n\n\ndef run(settings, args):\n    exe = settings.get("executable", shutil.which("flake8", path=os.path.dirname(sys.executable)) or "flake8")\n    cmd = [exe]\n    cmd.extend(args)\n    return subprocess.Popen(cmd)\n',
    },
    {
      name: 'a program string as the call\'s own argument (positional or args=) → a list',
      code: 'import subprocess\nimport sys\nsubprocess.run("flake8")\nsubprocess.run(args="flake8")\n',
      errors: [{ line: 3, messageId: 'runModule' }, { line: 4, messageId: 'runModule' }],
      output: null,
      unsafeOutput: 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "-m", "flake8"])\nsubprocess.run(args=[sys.executable, "-m", "flake8"])\n',
    },
    {
      name: 'pytest: unsafe fix to -m pytest',
      code: 'import subprocess\nimport sys\nsubprocess.run(["pytest", "-q"])\n',
      errors: [{ line: 3, column: 17, messageId: 'runModule', message: /console script "pytest" is found on PATH/ }],
      output: null,
      unsafeOutput: 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "-m", "pytest", "-q"])\n',
    },
    {
      name: 'django-admin → -m django',
      code: 'import subprocess\nimport sys\nsubprocess.run(["django-admin", "migrate"])\n',
      errors: [{ line: 3, column: 17, messageId: 'runModule' }],
      unsafeOutput: 'import subprocess\nimport sys\nsubprocess.run([sys.executable, "-m", "django", "migrate"])\n',
    },
    {
      name: 'no module known: the copy beside sys.executable',
      code: 'import os\nimport subprocess\nimport sys\nsubprocess.run(["ansible-playbook", "site.yml"])\n',
      errors: [{ line: 4, column: 17, messageId: 'runBeside' }],
      unsafeOutput: 'import os\nimport shutil\nimport subprocess\nimport sys\nsubprocess.run([shutil.which("ansible-playbook", path=os.path.dirname(sys.executable)) or "ansible-playbook", "site.yml"])\n',
    },
    {
      name: 'gunicorn through sudo in a shell string',
      code: 'import subprocess\nsubprocess.run("sudo -u app gunicorn app:wsgi", shell=True)\n',
      errors: [{ line: 2, column: 29, messageId: 'runModule', message: /secure_path/ }],
    },
    {
      name: 'wrapper called with a variable holding the name (settings.get default)',
      code: 'import subprocess\n\ndef run_flake8(exe, args):\n    cmd = [exe]\n    cmd.extend(args)\n    return subprocess.Popen(cmd)\n\ndef lint(settings, args):\n    exe = settings.get("executable", "flake8")\n    return run_flake8(exe, args)\n',
      errors: [{ line: 10, column: 12, messageId: 'runModule', message: /"flake8" \(via run_flake8\(\)\)/ }],
    },
    {
      // The README lists timeout among the wrappers followed; a computed duration is still a duration.
      name: 'timeout with a duration the program computes (str(n), an f-string, "%d" %, sys.argv[1])',
      code: 'import subprocess\nimport sys\nn = 30\nsubprocess.run(["timeout", str(n), "pytest"])\nsubprocess.run(["timeout", f"{n}s", "pytest", "-x"])\nsubprocess.run(["timeout", "%d" % n, "pytest"])\nsubprocess.run(["timeout", sys.argv[1], "pytest"])\n',
      errors: [
        { line: 4, messageId: 'runModule' },
        { line: 5, messageId: 'runModule' },
        { line: 6, messageId: 'runModule' },
        { line: 7, messageId: 'runModule' },
      ],
    },
    {
      name: 'celery via nohup and a pipe',
      code: 'import os\nos.system("nohup celery -A app worker 2>&1 | tee log")\n',
      errors: [{ line: 2, column: 18, messageId: 'runModule' }],
    },
    {
      name: 'shell string via sh -c with env',
      code: 'import subprocess\nsubprocess.run(["sh", "-c", "env FOO=1 black --check ."])\n',
      errors: [{ line: 2, column: 40, messageId: 'runModule' }],
    },
  ],
});
