/**
 * VG105 env-without-path: a Python tool started by name with an `env=` mapping that has no PATH,
 * so the name is looked up on os.defpath (/bin:/usr/bin) — never a venv.
 */
import { defineRule } from '../kernel/rule.js';

export const envWithoutPath = defineRule({
  code: 'VG105',
  name: 'env-without-path',
  summary: 'A Python tool is started by name with an env= that has no PATH, so /bin:/usr/bin is searched',
  fixable: 'never',
  judges: 'python',
  topic: 'services',
  messages: {
    noPath: 'env= has no PATH, so "{{name}}" is looked up on os.defpath (/bin:/usr/bin); copy os.environ into it or add PATH',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      'Passing `env=` replaces the whole environment of the child. When that mapping has no `PATH`, `subprocess` and `os.execvpe` look the program up on `os.defpath` — `/bin:/usr/bin` on POSIX — so a bare `python` or `pip` is the system one even when the caller\'s PATH was right.',
    example: ['import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run(["python3", "child.py"], env={"LANG": "C.UTF-8"})', ''].join('\n'),
    why: '`os.get_exec_path(env)` returns `env["PATH"]` split on `:`, or `os.defpath` when the key is missing; the lookup never sees the parent\'s PATH.',
    useInstead: ['import os', 'import subprocess', 'import sys', '', 'print("parent:", sys.prefix, flush=True)', 'subprocess.run([sys.executable, "child.py"], env={**os.environ, "LANG": "C.UTF-8"})', ''].join('\n'),
    inRealSystems:
      'Test helpers and sandboxes pass a minimal `env={"HOME": …}` for isolation; the launched `python` silently becomes `/usr/bin/python3`, and in images without it the call fails with FileNotFoundError.',
    fixSafety: 'No automatic fix: whether to extend `os.environ` or to pass an explicit PATH is a decision about isolation. Start `sys.executable` (VG101) and add `PATH` to the mapping if the child starts tools itself.',
    keyTakeaway: 'An `env=` without PATH means `/bin:/usr/bin`: start `sys.executable`, or copy `os.environ`.',
    question: "`broken.py` passes `env={\"LANG\": \"C.UTF-8\"}` to the child. Run inside an activated shell, where `python3` is the venv's, which `python3` starts?",
    answer:
      "The system's, even there. `env=` replaces the whole environment, so the child's lookup has no PATH and uses `os.defpath` (`/bin:/usr/bin`): `child:  /usr` in every situation.",
    commonMistake:
      "Adding `PATH` by hand (`env={\"PATH\": \"/usr/bin\", …}`) to silence the problem: the lookup then follows that PATH, still outside the venv. Start from `os.environ` (`{**os.environ, \"LANG\": \"C.UTF-8\"}`) and start `sys.executable`.",
    lab: { venv: 'venv', files: { "child.py": ["import sys", "print(\"child:\", sys.prefix)", ""].join('\n') }, cases: [
        { example: 'broken', situation: 'unactivated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'outside' }], exit: 0 } },
        { example: 'broken', situation: 'activated', claim: { where: [{ line: 'child:', is: 'outside' }], exit: 0 } },
        { example: 'broken', situation: 'cron', claim: { where: [{ line: 'child:', is: 'outside' }], exit: 0 } },
        { example: 'fixed', situation: 'unactivated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'activated', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'venv' }], exit: 0 } },
        { example: 'fixed', situation: 'cron', claim: { where: [{ line: 'parent:', is: 'venv' }, { line: 'child:', is: 'venv' }], exit: 0 } },
      ] },
    references: ['https://docs.python.org/3/library/os.html#os.get_exec_path', 'https://docs.python.org/3/library/subprocess.html#subprocess.Popen'],
  },
  check(site, verdict, ctx) {
    if (!verdict || site.env.path.kind !== 'missing' || verdict.resolution === 'system-path' || verdict.resolution === 'no-lookup') return;
    ctx.report({
      messageId: 'noPath',
      data: { name: verdict.name },
      span: site.env.path.span,
      related: verdict.programSpan ? [{ message: `"${verdict.name}" is started here`, span: verdict.programSpan }] : undefined,
    });
  },
});
