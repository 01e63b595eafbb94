/**
 * Every Python API that starts a process, by qualified name, with where its program, argv,
 * shell string and environment come from. Sources: the CPython docs for subprocess, os,
 * asyncio, pty, multiprocessing and the Python 2 `commands`/`popen2` modules.
 */

export type ApiSpec =
  /** subprocess.run/call/check_call/check_output/Popen: args (list or str), shell=, executable=, env= */
  | { form: 'subprocess' }
  /** a command string run by /bin/sh (os.system, os.popen, subprocess.getoutput …) */
  | { form: 'shell'; index: number; keyword?: string }
  /** program + argv list (os.execv, os.spawnv, os.posix_spawn) */
  | { form: 'program-list'; program: number; list: number; searchesPath: boolean; env?: number | 'kw' }
  /** program + argv as the remaining positional args (os.execl, asyncio.create_subprocess_exec) */
  | { form: 'program-rest'; program: number; rest: number; searchesPath: boolean; envLast?: boolean; env?: 'kw' }
  /** a list argv or a program name (pty.spawn) */
  | { form: 'argv-or-name'; index: number; searchesPath: boolean }
  /** a list argv or a shell string (os.popen2, popen2.popen3 …) */
  | { form: 'argv-or-shell'; index: number }
  /** sets the interpreter multiprocessing starts (an exact path, no PATH lookup) */
  | { form: 'program'; index: number; searchesPath: boolean }
  /** a program named by an attribute or an import, not an argument (`sh.pip(…)`, plumbum's `local["python"]`): process-libraries.ts */
  | { form: 'named' };

const specs: [string[], ApiSpec][] = [
  [['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen'], { form: 'subprocess' }],
  [['subprocess.getoutput', 'subprocess.getstatusoutput'], { form: 'shell', index: 0, keyword: 'cmd' }],
  [['os.system'], { form: 'shell', index: 0, keyword: 'command' }],
  [['os.popen'], { form: 'shell', index: 0, keyword: 'cmd' }],
  [['commands.getoutput', 'commands.getstatusoutput', 'commands.getstatus'], { form: 'shell', index: 0 }],
  [['asyncio.create_subprocess_shell', 'asyncio.subprocess.create_subprocess_shell'], { form: 'shell', index: 0, keyword: 'cmd' }],
  [['os.popen2', 'os.popen3', 'os.popen4', 'popen2.popen2', 'popen2.popen3', 'popen2.popen4', 'popen2.Popen3', 'popen2.Popen4'], { form: 'argv-or-shell', index: 0 }],
  [['os.execv'], { form: 'program-list', program: 0, list: 1, searchesPath: false }],
  [['os.execve'], { form: 'program-list', program: 0, list: 1, searchesPath: false, env: 2 }],
  [['os.execvp'], { form: 'program-list', program: 0, list: 1, searchesPath: true }],
  [['os.execvpe'], { form: 'program-list', program: 0, list: 1, searchesPath: true, env: 2 }],
  [['os.execl'], { form: 'program-rest', program: 0, rest: 1, searchesPath: false }],
  [['os.execle'], { form: 'program-rest', program: 0, rest: 1, searchesPath: false, envLast: true }],
  [['os.execlp'], { form: 'program-rest', program: 0, rest: 1, searchesPath: true }],
  [['os.execlpe'], { form: 'program-rest', program: 0, rest: 1, searchesPath: true, envLast: true }],
  [['os.spawnv'], { form: 'program-list', program: 1, list: 2, searchesPath: false }],
  [['os.spawnve'], { form: 'program-list', program: 1, list: 2, searchesPath: false, env: 3 }],
  [['os.spawnvp'], { form: 'program-list', program: 1, list: 2, searchesPath: true }],
  [['os.spawnvpe'], { form: 'program-list', program: 1, list: 2, searchesPath: true, env: 3 }],
  [['os.spawnl'], { form: 'program-rest', program: 1, rest: 2, searchesPath: false }],
  [['os.spawnle'], { form: 'program-rest', program: 1, rest: 2, searchesPath: false, envLast: true }],
  [['os.spawnlp'], { form: 'program-rest', program: 1, rest: 2, searchesPath: true }],
  [['os.spawnlpe'], { form: 'program-rest', program: 1, rest: 2, searchesPath: true, envLast: true }],
  [['os.posix_spawn'], { form: 'program-list', program: 0, list: 1, searchesPath: false, env: 2 }],
  [['os.posix_spawnp'], { form: 'program-list', program: 0, list: 1, searchesPath: true, env: 2 }],
  [['asyncio.create_subprocess_exec', 'asyncio.subprocess.create_subprocess_exec'], { form: 'program-rest', program: 0, rest: 1, searchesPath: true, env: 'kw' }],
  // loop.subprocess_exec(protocol_factory, program, *args) / loop.subprocess_shell(protocol_factory, cmd):
  // the loop object is rarely resolvable, so these are recognised by method name.
  [['asyncio.loop.subprocess_exec'], { form: 'program-rest', program: 1, rest: 2, searchesPath: true, env: 'kw' }],
  [['asyncio.loop.subprocess_shell'], { form: 'shell', index: 1, keyword: 'cmd' }],
  [['pty.spawn'], { form: 'argv-or-name', index: 0, searchesPath: true }],
  [['multiprocessing.set_executable', 'multiprocessing.spawn.set_executable'], { form: 'program', index: 0, searchesPath: false }],
];

export const LAUNCH_APIS: ReadonlyMap<string, ApiSpec> = new Map(specs.flatMap(([names, spec]) => names.map((n) => [n, spec] as const)));

/** Event-loop methods recognised on any object. */
export const LOOP_METHODS: ReadonlySet<string> = new Set(['subprocess_exec', 'subprocess_shell']);

/** Last name segments of launch APIs: a cheap test before qualifying a call's function. */
export const LAUNCH_API_NAMES: ReadonlySet<string> = new Set([...LAUNCH_APIS.keys()].map((k) => k.slice(k.lastIndexOf('.') + 1)));
