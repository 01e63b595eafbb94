/**
 * The judge: is this launch a Python tool resolved outside the venv? It looks only at the
 * LaunchSite's resolved argv and environment state; rules turn its Verdict into diagnostics.
 */
import type { LaunchSite, PythonFileFacts } from '../kernel/launch-site.js';
import { wordSourceSpan, wordText, type Word } from '../kernel/word.js';
import { isInterpreterName, isPipName, isSystemInterpreterPath, RUNNING_VERSION, SELF_MANAGED_TOOLS } from './python-tools.js';
import type { Verdict } from '../kernel/verdict.js';
import { STDLIB_MODULES } from './stdlib-modules.js';
import { applyPolicy, reliantLaunches } from './policy.js';

/**
 * Standard-library modules run with `-m` that do their own work and import nothing of the
 * environment: serve, format, compress or encode files. Not the ones that run or import the
 * project's code (unittest, doctest, pdb, cProfile, profile, trace, timeit, pydoc, runpy), report
 * on their interpreter's own environment (site, sysconfig), install into it (ensurepip, pip), or
 * byte-compile for its version (compileall, py_compile: another interpreter's `.pyc` files are not
 * the ones the environment's Python reads).
 */
const STDLIB_TOOLS: ReadonlySet<string> = new Set([
  'http.server', 'json.tool', 'zipfile', 'tarfile', 'gzip', 'base64', 'calendar', 'webbrowser', 'uuid',
  'tabnanny', 'tokenize', 'ast', 'dis', 'pickletools', 'filecmp', 'mimetypes', 'zipapp', 'quopri', 'uu', 'binhex', 'encodings.rot_13',
]);

export interface ConsoleScript {
  /** Module for `python -m`, when one is known to exist. */
  module?: string;
  /** Where we learned the name: "curated list", "venv .venv (celery 5.3)", "pyproject [project.scripts]". */
  source: string;
}

export interface ToolKnowledge {
  consoleScripts: ReadonlyMap<string, ConsoleScript>;
}

/** The leading literal text of a word, and whether the whole word is literal. */
function leadingText(w: Word): { text: string; whole: boolean } {
  let text = '';
  for (const f of w.fragments) {
    if (f.kind !== 'text') return { text, whole: false };
    text += f.text;
  }
  return { text, whole: true };
}

export function judgeLaunch(site: LaunchSite, knowledge: ToolKnowledge): Verdict | undefined {
  const v = judgeBare(site, knowledge);
  // Python: the default policy may hold a finding back (src/judge/policy.ts).
  return v && site.language === 'python' ? applyPolicy(site, v, (s) => judgeBare(s, knowledge)) : v;
}

/**
 * The launches of a Python file that start, by name, a program only its environment provides (the
 * policy's `path-reliant`): what the cross-file pass (src/pipeline/imports-reliant.ts) indexes.
 */
export function reliantLaunchesOf(facts: PythonFileFacts, knowledge: ToolKnowledge): readonly { name: string; line: number }[] {
  return reliantLaunches(facts, (s) => judgeBare(s, knowledge));
}

function judgeBare(site: LaunchSite, knowledge: ToolKnowledge): Verdict | undefined {
  const v = judgeProgram(site, knowledge);
  // pip told which environment to install into is not PATH's choice: an escape only by name.
  if (v?.tool === 'pip' && v.resolution !== 'system-path' && pipTargetGiven(pipArgs(site.argv.slice(1), isInterpreterName(v.name)))) return undefined;
  return v;
}

/** pip's own arguments: after `-m pip` when an interpreter runs it (python's `-E` is not pip's). */
function pipArgs(args: Word[], viaInterpreter: boolean): Word[] {
  if (!viaInterpreter) return args;
  const texts = args.map((a) => wordText(a));
  const i = texts.findIndex((t, k) => t === '-mpip' || (t === 'pip' && texts[k - 1] !== undefined && /^-[A-Za-z]*m$/.test(texts[k - 1]!)));
  return i < 0 ? [] : args.slice(i + 1);
}

/**
 * pip's own options that say where it installs (pip's `install` and global options):
 * `--target`/`-t DIR` (a folder, e.g. a venv's site-packages), `--prefix DIR`, `--root DIR`,
 * `--python PYTHON` (pip ≥ 22.3 runs for that interpreter's environment), and pip < 1.0's
 * `-E`/`--environment VENV`. Glued values (`--target=DIR`, `-tDIR`) count.
 */
const PIP_TARGET = /^(?:--(?:target|prefix|root|python|environment)(=?)|-[tE])(.*)$/;

export function pipTargetGiven(args: Word[]): boolean {
  for (let i = 0; i < args.length; i++) {
    const { text, whole } = leadingText(args[i]);
    const m = PIP_TARGET.exec(text);
    if (!m) continue;
    if (m[1] === undefined && m[2] === '' && !whole) return true; // `-t$DIR`
    if (m[1] === '' && m[2] !== '') continue; // `--rootless`: another option
    // The option's value: glued (`--target=DIR`, `-tDIR`), or the next word.
    if (m[2] !== '' || m[1] === '=' || i + 1 < args.length) return true;
  }
  return false;
}

function judgeProgram(site: LaunchSite, knowledge: ToolKnowledge): Verdict | undefined {
  const program = site.argv[0];
  if (!program || program.fragments.length === 0) return undefined;
  const frags = program.fragments;
  if (frags.some((f) => f.kind === 'sys-executable' || f.kind === 'venv-path')) return undefined;

  // The launch sets PATH itself (env={"PATH": …}, `PATH=… cmd`, `env PATH=… cmd`): the author chose it.
  const pathChosen = site.env.path.kind === 'explicit';
  const resolution: Verdict['resolution'] =
    site.env.path.kind === 'missing' ? 'defpath' : site.env.path.kind === 'reset' ? 'sudo' : 'path';
  // The word as written (a whole string literal, quotes included) when known, else its characters.
  const programSpan = program.span ?? wordSourceSpan(program);

  // shutil.which("python") launched: a PATH lookup made by the program itself.
  const lookup = frags.find((f) => f.kind === 'path-lookup');
  if (lookup && lookup.kind === 'path-lookup') {
    const name = wordText(lookup.name);
    if (!name || pathChosen || runsOnSystemInterpreter(site)) return undefined;
    const v = classifyName(name, site, knowledge, 'path', lookup.span);
    return v;
  }

  const { text, whole } = leadingText(program);
  if (text === '') return undefined;
  if (/[/\\]/.test(text)) {
    // `/usr/bin/python3 --version` (timesketch's entrypoint prints the venv's and the system's in
    // turn): asking a named interpreter for its version runs nothing of the project.
    if (whole && isSystemInterpreterPath(text) && !runsOnSystemInterpreter(site) && !isDiscoveryProbe(text.replace(/^.*[\\/]/, ''), site.argv.slice(1))) {
      return { tool: 'interpreter', name: text, resolution: 'system-path', words: 1, programSpan };
    }
    return undefined; // an explicit path: the author chose it
  }
  // execv("python"), multiprocessing.set_executable("python"): relative to the cwd, not a PATH
  // lookup. No escape, a launch that fails (VG107).
  if (!site.searchesPath) return whole ? classifyUnsearched(text, knowledge, programSpan) : undefined;
  if (pathChosen) return undefined;
  // (sudo's secure_path too: from a system interpreter, `sudo python3` finds a system one as well,
  // howdy's Debian postinst; not os.defpath, where a missing PATH may find nothing.)
  if (runsOnSystemInterpreter(site) && (resolution === 'path' || resolution === 'sudo')) return undefined;
  // A Python shell string that activates an environment first (`. /opt/venv/bin/activate && pip …`,
  // `conda activate env && python …`): the name is that environment's. (Configuration files judge
  // their active venv in their own rules.)
  if (site.language === 'python' && site.env.activeVenv !== undefined && resolution === 'path') return undefined;
  if (whole) return classifyName(text, site, knowledge, resolution, programSpan);
  // Partly known: f"python{version}" is still an interpreter looked up on PATH, unless it is asked
  // only what it is (["python{0}".format(v), "--version"]).
  if (/^(python|pypy)\d*(\.\d*)?$/.test(text)) {
    if (isDiscoveryProbe(text, site.argv.slice(1))) return undefined;
    // `f"python{major}.{minor}"` from a version the program was given (poetry's `env remove 3.11`
    // builds `python3.11`): the program asks PATH for the interpreter of that version on purpose,
    // and sys.executable, the running one, is not what it wants. Only a version read from the
    // running interpreter (`f"python{sys.version_info.major}"`) means this interpreter by name.
    if (!frags.some((f) => f.kind === 'unknown' && f.why === RUNNING_VERSION)) return undefined;
    return { tool: 'interpreter', name: `${text}…`, resolution, words: 1, programSpan };
  }
  if (/^pip\d*(\.\d*)?$/.test(text)) return { tool: 'pip', name: `${text}…`, resolution, words: 1, module: 'pip', programSpan };
  return undefined;
}

/**
 * A Python tool's name where no PATH is searched: whatever the arguments (a probe, inline code, a
 * self-managed tool), the program is not found. Only names known to be Python tools are judged.
 */
function classifyUnsearched(name: string, knowledge: ToolKnowledge, programSpan: Verdict['programSpan']): Verdict | undefined {
  if (isInterpreterName(name)) return { tool: 'interpreter', name, resolution: 'no-lookup', words: 1, programSpan };
  if (isPipName(name)) return { tool: 'pip', name, resolution: 'no-lookup', module: 'pip', words: 1, programSpan };
  const script = knowledge.consoleScripts.get(name.replace(/\.exe$/i, ''));
  if (script) return { tool: 'console-script', name, resolution: 'no-lookup', module: script.module, words: 1, programSpan, source: script.source };
  return undefined;
}

/**
 * A Python file whose shebang names a system interpreter by path (`#!/usr/bin/python3`) is a
 * program of that interpreter: started as a program it runs there, with no venv to escape from,
 * and PATH's python, pip and console scripts are the system's, the same environment. (A venv's
 * interpreter in the shebang, `#!/opt/venvs/app/bin/python`, keeps every finding: its PATH does not
 * have the venv.)
 */
function runsOnSystemInterpreter(site: LaunchSite): boolean {
  return site.language === 'python' && site.env.shebang !== undefined && isSystemInterpreterPath(site.env.shebang);
}

function classifyName(
  name: string,
  site: LaunchSite,
  knowledge: ToolKnowledge,
  resolution: Verdict['resolution'],
  programSpan: Verdict['programSpan'],
): Verdict | undefined {
  if (isInterpreterName(name)) {
    if (isDiscoveryProbe(name, site.argv.slice(1))) return undefined;
    if (otherMajorOnPurpose(name, site)) return undefined;
    // Inline code that imports only the standard library (`python3 -c 'import json,sys; …'`, a
    // here-doc on stdin) runs the same in any Python of that version: it needs no venv.
    if (site.inlineImports?.every((m) => STDLIB_MODULES.has(m))) return undefined;
    const module = runModule(site.argv.slice(1));
    // `python3 -S` (`-BS`, micropython's benchmark runner): no site module, so no site-packages: a
    // script run so sees the standard library only, the same in any Python of that version.
    if (module === undefined && noSite(site.argv.slice(1))) return undefined;
    if (module === 'pip') return { tool: 'pip', name, resolution, module: 'pip', words: 1, programSpan };
    // `python -m tox`, `python3 -m poetry`, `python -m pre_commit`: the tool, spelled as a module,
    // makes its own environment as it does when started by name.
    if (module !== undefined && SELF_MANAGED_TOOLS.has(module.replace(/_/g, '-'))) return undefined;
    // `python3 -m venv DIR`: making a new venv from the interpreter PATH finds is choosing its base.
    if (module === 'venv') return undefined;
    // `python -m http.server`, `-m json.tool`, `-m zipfile`: a standard-library tool that runs no
    // code of the project runs the same in any Python of that version (as inline stdlib code does).
    if (module !== undefined && STDLIB_TOOLS.has(module)) return undefined;
    return { tool: 'interpreter', name, resolution, words: 1, programSpan };
  }
  if (isPipName(name)) return otherMajorOnPurpose(name, site) ? undefined : { tool: 'pip', name, resolution, module: 'pip', words: 1, programSpan };
  const base = name.replace(/\.exe$/i, '');
  if (SELF_MANAGED_TOOLS.has(base)) return undefined;
  const script = knowledge.consoleScripts.get(base);
  // A PEP 517 backend's hooks run with the build environment's scripts first on PATH.
  if (script && site.env.scriptsOnPath !== undefined) return undefined;
  // The code looked the tool (or another Python tool) up on PATH itself and stops when it is not
  // there (frappe-bench: `if not which("ansible"): print("please install it"); sys.exit(1)`, then
  // `ansible-playbook …`): it treats Python tools as programs the user puts on PATH, not as
  // packages of its own environment. (python and pip stay reported: checking that PATH has them
  // says nothing about which environment they belong to.)
  if (script && site.env.checkedOnPath?.some((n) => n.replace(/\.exe$/i, '') === base || knowledge.consoleScripts.has(n.replace(/\.exe$/i, '')))) return undefined;
  if (script) return { tool: 'console-script', name, resolution, module: script.module, words: 1, programSpan, source: script.source };
  return undefined;
}

/**
 * `python3` (or `pip3`) started from a file whose shebang asks for Python 2, or the reverse
 * (repo2docker's `#!/usr/bin/env python2` verify script runs `python3 -c 'import numpy'`): the
 * running interpreter cannot be the one wanted, so PATH's is chosen on purpose (and a fix to
 * sys.executable would start the wrong version).
 */
function otherMajorOnPurpose(name: string, site: LaunchSite): boolean {
  const asked = /^(?:python|pypy|pip)([23])(?:\.\d+)?(?:\.exe)?$/i.exec(name)?.[1];
  return asked !== undefined && site.env.shebangMajor !== undefined && asked !== site.env.shebangMajor;
}

/**
 * Asking PATH which interpreter it has is the point of some launches, not an accident:
 * `python -V`, `python -VV`, `python3 --version`, `python -c "import sys; print(sys.executable)"`, and the
 * Windows launcher with a version selector (`py -3.11 …`) that deliberately picks another Python,
 * or asked to list the installed interpreters (`py --list-paths`, `py -0p`).
 */
export function isDiscoveryProbe(name: string, args: Word[]): boolean {
  const texts = args.map((a) => wordText(a));
  // `py -3.11 …`, `py -V:3.12 …`, or `py -{version} …` (a selector built at run time).
  if (/^py(\.exe)?$/i.test(name) && args[0]) {
    const first = args[0].fragments[0];
    const selector = texts[0] ?? (first?.kind === 'text' && first.text === '-' ? '-{version}' : '');
    if (/^-(\d+(\.\d+)?t?(-(32|64))?|V:\S+|\{version\})$/.test(selector)) return true;
  }
  // `py --list-paths`, `py -0p`, `py --list`, `py -0`: the Windows launcher lists the installed interpreters; nothing runs.
  if (/^py(\.exe)?$/i.test(name) && texts.length === 1 && /^(?:--list(?:-paths)?|-0p?)$/.test(texts[0] ?? '')) return true;
  // `-VV` (3.6+) adds the build: still only a report on the interpreter (a cache key, a bug report).
  if (texts.length === 1 && (texts[0] === '-V' || texts[0] === '-VV' || texts[0] === '--version')) return true;
  // `… -c "import sys; print(sys.executable)"` (or `sys.stdout.write(…)`, certbot's) as the whole
  // command: it only reports on the interpreter.
  const c = texts.lastIndexOf('-c');
  if (c >= 0 && c === texts.length - 2 && texts[c + 1] !== undefined) {
    const code = texts[c + 1]!.replace(/\s+/g, ' ').trim();
    return /^(import (sys|platform|sysconfig)(, ?(sys|platform|sysconfig))*; ?)+(print|sys\.stdout\.write)\(((sys\.(executable|version|version_info|prefix|base_prefix|exec_prefix|implementation|platform)|platform\.\w+\(\)|sysconfig\.\w+\([^()]*\))[\w.\[\]:, ]*)+\);?$/.test(code);
  }
  return false;
}

/**
 * What an interpreter command line runs, read from its arguments (`args`: after the interpreter):
 * a module with -m, or a script by its path; undefined for -c CODE, stdin, or options that cannot
 * be read.
 */
export function interpreterTarget(args: readonly Word[]): { module: string } | { script: string } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = wordText(args[i]);
    if (a === undefined) return undefined;
    if (/^-[A-Za-z]*m$/.test(a) && !/c/.test(a)) {
      const module = wordText(args[i + 1] ?? { fragments: [] });
      return module ? { module } : undefined;
    }
    if (/^-m\S/.test(a)) return { module: a.slice(2) };
    if (a === '-c' || a === '-') return undefined; // -c CODE, or stdin
    if (!a.startsWith('-')) return { script: a };
    if (/^-[WX]$/.test(a)) i++; // options taking a separate value
    else if (/^--/.test(a)) continue;
    else if (!/^-[a-zA-Z]+$/.test(a)) return undefined;
    else if (/[cm]/.test(a.slice(1, -1))) return undefined; // -cX clusters: be conservative
  }
  return undefined;
}

/** Whether the interpreter's options before its script (or -c, -m) hold `-S`: no site-packages. */
function noSite(args: readonly Word[]): boolean {
  for (const w of args) {
    const a = wordText(w);
    if (a === undefined || !/^-[A-Za-z]+$/.test(a)) return false;
    if (/^-[A-Za-z]*S/.test(a) && !/[cmWX]/.test(a.slice(1, a.indexOf('S')))) return true;
    if (/[cmWX]/.test(a)) return false;
  }
  return false;
}

/** The module an interpreter command line runs with -m, if it can be read from the options. */
export function runModule(args: readonly Word[]): string | undefined {
  const t = interpreterTarget(args);
  return t && 'module' in t ? t.module : undefined;
}
