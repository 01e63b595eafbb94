/**
 * VG107 name-not-looked-up: a Python tool given by bare name to an API that does no PATH lookup
 * (`os.execv`, `os.spawnv`, `os.posix_spawn`, `multiprocessing.set_executable` …). The name is
 * taken as a path relative to the current folder, so the launch does not escape the venv: it fails.
 */
import { defineRule } from '../kernel/rule.js';
import type { LaunchSite } from '../kernel/launch-site.js';

/** How each API without a PATH lookup fails on a name that is not a file of the current folder (measured, CPython 3.11, Linux). */
export function failureOf(site: LaunchSite): string {
  const api = site.api;
  if (api.startsWith('multiprocessing.')) return 'every child the spawn start method starts exits with code 255 and no message (forkserver: BrokenPipeError)';
  if (/^os\.spawn/.test(api)) return `${api} returns 127 (P_WAIT) without raising`;
  return `${api} raises FileNotFoundError`;
}

export const nameNotLookedUp = defineRule({
  code: 'VG107',
  name: 'name-not-looked-up',
  summary: 'A Python tool is given by name to an API that does not search PATH (os.execv, os.spawnv, multiprocessing.set_executable), so the launch fails',
  fixable: 'sometimes',
  judges: 'python',
  topic: 'interpreters',
  messages: {
    notLookedUp: '"{{name}}" is given to {{api}}, which does not search PATH: it means ./{{name}} in the current folder, so {{failure}}; start sys.executable (or a full path) instead',
  },
  docs: {
    exampleLanguage: 'python',
    mentalModel:
      'Only the `p` variants of the exec and spawn families (`os.execvp`, `os.spawnlp`, `os.posix_spawnp`), `subprocess` and the shell search `PATH` for a bare program name. `os.execv`, `os.execl`, `os.execve`, `os.spawnv`, `os.spawnl`, `os.posix_spawn` and `multiprocessing.set_executable` take the name as a path: `"python"` is `./python` in the current folder. There is normally no such file, so the launch neither escapes the venv nor runs the venv\'s interpreter — it does not run at all, and with `os.spawnv` and multiprocessing the failure is silent.',
    example: [
      'import multiprocessing',
      'import sys',
      '',
      '',
      'def work():',
      '    print("child:", sys.prefix, flush=True)',
      '',
      '',
      'if __name__ == "__main__":',
      '    multiprocessing.set_start_method("spawn")',
      '    multiprocessing.set_executable("python")',
      '    p = multiprocessing.Process(target=work)',
      '    p.start()',
      '    p.join()',
      '    print("exit code:", p.exitcode, flush=True)',
      '',
    ].join('\n'),
    why:
      "`multiprocessing.util.spawnv_passfds` hands the executable to `_posixsubprocess.fork_exec` as the only path to try, and the forked child exits with 255 when that exec fails; the forkserver start method dies the same way and the parent gets BrokenPipeError. `os.execv` calls execv(2), which takes a path, and raises FileNotFoundError; `os.spawnv` returns 127 from a child whose exec failed. The `p` variants call `os.get_exec_path()` first; these do not.",
    useInstead: [
      'import multiprocessing',
      'import sys',
      '',
      '',
      'def work():',
      '    print("child:", sys.prefix, flush=True)',
      '',
      '',
      'if __name__ == "__main__":',
      '    multiprocessing.set_start_method("spawn")',
      '    multiprocessing.set_executable(sys.executable)',
      '    p = multiprocessing.Process(target=work)',
      '    p.start()',
      '    p.join()',
      '    print("exit code:", p.exitcode, flush=True)',
      '',
    ].join('\n'),
    inRealSystems:
      'multiprocessing uses spawn by default on Windows and macOS, and forkserver on Linux from Python 3.14, so a `set_executable("python")` that was harmless under fork starts failing after an upgrade or on another platform, with workers that exit at once and a pool that hangs or reports dead workers. `os.spawnv(os.P_WAIT, "python", …)` returns 127 and code that ignores the status goes on as if the step had run.',
    fixSafety:
      'The fix replaces the name with `sys.executable` (for pip and console scripts, `sys.executable -m module` or the script beside `sys.executable`; with os.exec* and os.spawn* the new process\'s own argv[0] too). It is always unsafe: the call never worked, so any fix changes what the program does, and the author may have meant another interpreter (one installed for the workers, `pythonw.exe` next to an embedding host). Names built at run time get no fix.',
    keyTakeaway: '`os.execv("python", …)` and `multiprocessing.set_executable("python")` do not search PATH: give them `sys.executable` or a full path.',
    question: "`broken.py` tells multiprocessing to start its children with `python`. What does the parent print, activated or not?",
    answer:
      "`exit code: 255` and nothing else: with the spawn start method multiprocessing execs the executable it was given without a PATH lookup, so `python` (no slash) names a file in the current folder, which does not exist. The child never starts, and no error reaches the output. Activation does not help.",
    commonMistake:
      "Calling `multiprocessing.set_executable(shutil.which(\"python\"))` to give it a full path: that is PATH's python, not the running one. `sys.executable` is the default already; set it only when embedding.",
    lab: { venv: 'venv', cases: [
        { example: 'broken', situation: 'unactivated', claim: { says: ['exit code: 255'], never: ['child:'], exit: 0 } },
        { example: 'broken', situation: 'activated', claim: { says: ['exit code: 255'], never: ['child:'], exit: 0 } },
        { example: 'broken', situation: 'cron', claim: { says: ['exit code: 255'], never: ['child:'], exit: 0 } },
        { example: 'fixed', situation: 'unactivated', claim: { where: [{ line: 'child:', is: 'venv' }], says: ['exit code: 0'], exit: 0 } },
        { example: 'fixed', situation: 'activated', claim: { where: [{ line: 'child:', is: 'venv' }], says: ['exit code: 0'], exit: 0 } },
        { example: 'fixed', situation: 'cron', claim: { where: [{ line: 'child:', is: 'venv' }], says: ['exit code: 0'], exit: 0 } },
      ] },
    references: [
      'https://docs.python.org/3/library/os.html#os.execv',
      'https://docs.python.org/3/library/os.html#os.spawnv',
      'https://docs.python.org/3/library/multiprocessing.html#multiprocessing.set_executable',
    ],
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.resolution !== 'no-lookup') return;
    const target =
      verdict.tool === 'interpreter'
        ? ({ kind: 'interpreter' } as const)
        : verdict.module
          ? ({ kind: 'interpreter', module: verdict.module } as const)
          : ({ kind: 'interpreter-bin', name: verdict.name } as const);
    ctx.report({
      messageId: 'notLookedUp',
      data: { name: verdict.name, api: site.api, failure: failureOf(site) },
      fix: {
        title: target.kind === 'interpreter' ? (target.module ? `Use sys.executable -m ${target.module}` : 'Use sys.executable') : `Use the ${verdict.name} beside sys.executable`,
        target,
        cap: 'unsafe',
        reason: 'the call never started the program, so any fix changes what it does; the author may have meant another interpreter',
      },
    });
  },
});
