/**
 * What the configuration front ends share about venvs and PATH values: which venv a PATH puts
 * first, which folder a command creates a venv in, side venvs, activations' later shells, and one
 * syntax problem per file. The facts themselves travel on the site (kernel/launch-site.ts).
 */
import path from 'node:path';
import type { LaunchSite, RewriteTarget } from '../../kernel/launch-site.js';
import type { SourceFile } from '../../kernel/source.js';
import type { FileProblem } from '../../kernel/diagnostic.js';
import { textWord, wordText, type Word } from '../../kernel/word.js';
import { STAND_IN_ROOT } from '../../kernel/stand-ins.js';
import { pipTargetGiven } from '../../judge/judge.js';
import { isInterpreterName, pipInstallKind } from '../../judge/python-tools.js';
import { STDLIB_MODULES } from '../../judge/stdlib-modules.js';
import { inlineImports } from '../python/inline-imports.js';
import { launchedScriptImports } from '../python/script-imports.js';
import { fileAnswer, fromFolderUp } from '../repo-files.js';

/** A PATH value's unknown default part (the image's or runner's PATH): it holds no venv. */
export const DEFAULT_PATH = '\u0000';
/** An unknown value inside a variable. */
export const UNKNOWN = '\u0001';
/**
 * The default PATH of a base image this file cannot see (not an official library image): it may
 * already hold the venv the file creates (an image that sets `ENV PATH=/lsiopy/bin:$PATH` for a
 * venv its children create), so a venv created on top of it may be on PATH.
 */
export const IMAGE_PATH = '\u0002';

/** The value holds a part that is not known statically (an unknown value or a default PATH). */
export const hasUnknown = (v: string): boolean => v.includes(UNKNOWN) || v.includes(DEFAULT_PATH) || v.includes(IMAGE_PATH);

/**
 * The venv whose bin comes first on this PATH value (before the default directories), if any:
 * one of `venvs`, or one the file otherwise names (`extra`: VIRTUAL_ENV, an activation's target).
 */
export function venvOnPath(pathValue: string | undefined, venvs: ReadonlyMap<string, unknown>, ...extra: (string | ReadonlySet<string> | undefined)[]): string | undefined {
  if (pathValue === undefined) return undefined;
  const named = (v: string) => extra.some((e) => (typeof e === 'string' ? e === v : e?.has(v)));
  for (const entry of pathValue.split(':')) {
    if (entry.includes(DEFAULT_PATH)) return undefined; // /usr/local/bin, /usr/bin … come first
    // An image we cannot see: the venv made last may be the one its PATH holds; we cannot say it is not.
    if (entry.includes(IMAGE_PATH)) return [...venvs.keys()].pop();
    const dir = entry.replace(/\/+$/, '');
    if (!dir.endsWith('/bin')) continue;
    const venv = dir.slice(0, -4);
    if (venvs.has(venv) || named(venv)) return venv;
  }
  return undefined;
}

const VENV_OPTIONS_WITH_VALUE = new Set(['-p', '--python', '--prompt', '--index-url', '--extra-index-url', '--cache-dir', '--app-data', '--activators', '--extra-search-dir', '--seeder']);

/** The folder a command creates a venv in: `python -m venv X`, `python -m virtualenv X`, `virtualenv X`, `uv venv [X]`. */
export function createdVenv(argv: Word[]): string | undefined {
  const t = argv.map((w) => wordText(w));
  if (argv.length === 0) return undefined;
  // The interpreter may be computed ("$PYTHON" -m venv, $(which python3) -m venv): -m venv says enough.
  const prog = t[0] === undefined ? undefined : path.posix.basename(t[0]);
  let i: number;
  let dflt: string | undefined;
  if ((prog === undefined || /^python[\d.]*$/.test(prog)) && t[1] === '-m' && (t[2] === 'venv' || t[2] === 'virtualenv')) i = 3;
  else if (prog === undefined) return undefined;
  else if (prog === 'virtualenv') i = 1;
  // virtualenv's zip app, or its module file run as a script (OctoPrint-OctoEverywhere's install.sh:
  // `python3 /usr/lib/python3.8/site-packages/virtualenv.py -p /usr/bin/python3 "$ENV"`).
  else if (/^python[\d.]*$/.test(prog) && t[1] !== undefined && /^virtualenv\.pyz?$/.test(path.posix.basename(t[1]))) i = 2;
  else if (prog === 'uv' && t[1] === 'venv') {
    i = 2;
    dflt = '.venv';
  } else return undefined;
  for (; i < t.length; i++) {
    const a = t[i];
    if (a === undefined) return undefined;
    if (a === '--') return t[i + 1];
    if (a.startsWith('-')) {
      if (VENV_OPTIONS_WITH_VALUE.has(a)) i++;
      continue;
    }
    return a;
  }
  return dflt;
}

/**
 * Whether a command createdVenv recognises makes a venv that has no pip by design: `uv venv`
 * (unless --seed), whose users install with `uv pip`. (`-m venv --without-pip` is left out: it is
 * mostly a step before bootstrapping pip some other way, which a later `pip` may then be.)
 */
export function createdWithoutPip(argv: Word[]): boolean {
  const t = argv.map((w) => wordText(w));
  const prog = t[0] === undefined ? undefined : path.posix.basename(t[0]);
  return prog === 'uv' && t[1] === 'venv' && !t.includes('--seed');
}

/**
 * A command that runs another script, which may do anything the shell model does not see (make a
 * venv, start Python by name): a script by path or name (`./ci/test.sh`, `$STD
 * /opt/netbox/upgrade.sh`), one handed to a shell or sudo (`bash install.sh`), make, just or task.
 * `texts`: the command's first words.
 */
export function runsOtherScript(texts: readonly (string | undefined)[]): boolean {
  const [first, second] = texts;
  const script = (w: string | undefined) => w !== undefined && /\.(?:sh|bash)$/.test(w);
  if (first === undefined) return script(second);
  const base = first.split('/').pop() ?? first;
  if (script(base) || /^(?:g?make|just|task)$/.test(base) || /^\.\.?\//.test(first)) return true;
  return /^(?:bash|sh|dash|zsh|sudo)$/.test(base) && script(second);
}

/** A later command that may start Python out of sight: one that runs another script, or an unknown program. */
function mayStartUnseen(site: LaunchSite): boolean {
  const texts = site.argv.slice(0, 2).map((w) => wordText(w));
  return texts[0] === undefined || runsOtherScript(texts);
}

/**
 * Gives each activation the sites of LATER shells (by `order`: instruction index, step number,
 * recipe line …) that run with no venv on PATH; `venvAtEnd`: the venv first on the PATH that
 * outlives the group's last shell (a Dockerfile stage's final ENV PATH). Computed when read: a
 * list per activation would be quadratic in the number of shells.
 */
const WITHOUT_VENV = new WeakMap<readonly { site: LaunchSite; order: number }[], { site: LaunchSite; order: number }[]>();
const LAST_WITH_VENV = new WeakMap<readonly { site: LaunchSite; order: number }[], Map<string, number>>();
/** Per group of shells: whether a site at or after each index of its WITHOUT_VENV list may start Python out of sight. */
const UNSEEN_FROM = new WeakMap<readonly { site: LaunchSite; order: number }[], boolean[]>();

export function linkLaterSites(activations: readonly { site: LaunchSite; order: number }[], shells: readonly { site: LaunchSite; order: number }[], venvAtEnd?: string): void {
  // The sites no activation's later shells can skip, in order, listed once per group of shells (the
  // driver links each activation with its own call). Sites after a failed `source` are that
  // failure's (source-in-sh), not this activation's.
  const candidates = () => {
    let list = WITHOUT_VENV.get(shells);
    if (!list) {
      list = shells.filter((r) => !r.site.env.activeVenv && !r.site.config?.activation && !r.site.config?.afterFailedActivation).sort((x, y) => x.order - y.order);
      WITHOUT_VENV.set(shells, list);
    }
    return list;
  };
  // Per venv, the last shell that has it on PATH without activating it itself.
  const lastWithVenv = () => {
    let last = LAST_WITH_VENV.get(shells);
    if (!last) {
      last = new Map();
      for (const r of shells) {
        const v = r.site.env.activeVenv;
        if (v !== undefined && !r.site.config?.activation && r.order > (last.get(v) ?? -Infinity)) last.set(v, r.order);
      }
      LAST_WITH_VENV.set(shells, last);
    }
    return last;
  };
  const unseenFrom = () => {
    let from = UNSEEN_FROM.get(shells);
    if (!from) {
      const list = candidates();
      from = new Array<boolean>(list.length + 1).fill(false);
      for (let i = list.length - 1; i >= 0; i--) from[i] = from[i + 1] || mayStartUnseen(list[i].site);
      UNSEEN_FROM.set(shells, from);
    }
    return from;
  };
  for (const a of activations) {
    const facts = a.site.config?.activation;
    if (!facts) continue;
    // The first candidate after the activation.
    const firstAfter = () => {
      const list = candidates();
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].order > a.order) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    facts.later = {
      *sitesWithoutVenv() {
        const list = candidates();
        for (let i = firstAfter(); i < list.length; i++) yield list[i].site;
      },
      runsUnseen: () => unseenFrom()[firstAfter()],
      venvOnPath: () => venvAtEnd === facts.venv || (lastWithVenv().get(facts.venv) ?? -Infinity) > a.order,
    };
  }
}

/**
 * A venv that is set up by path in the same shell (`shell`: a RUN, a step …) that creates it
 * (`python3 -m venv /tmp/t && /tmp/t/bin/pip install x`), and is never activated, put on PATH or
 * used again, is a side venv
 * — a tool's or a test fixture's — and later commands using the image's or runner's own Python
 * are not escapes from it. (Found reviewing python-lsp-server's workflows: a Jedi test venv.)
 * A venv used by path in later steps stays: bare tools next to it most likely expect it.
 */
export function dropSideVenvs(entries: readonly { site: LaunchSite; shell: number }[]): void {
  const creating = new Set(entries.filter((e) => e.site.config?.createsVenv).map((e) => e.shell));
  const usedInCreation = new Set<string>();
  const usedElsewhere = new Set<string>();
  for (const { site: s, shell } of entries) {
    const activation = s.config?.activation;
    if (activation) usedElsewhere.add(activation.venv);
    if (s.env.activeVenv) usedElsewhere.add(s.env.activeVenv);
    const program = s.argv[0] ? wordText(s.argv[0]) : undefined;
    const cut = program?.lastIndexOf('/bin/') ?? -1;
    if (!program || cut < 0) continue;
    const dir = program.slice(0, cut).replace(/^\.\//, '');
    for (const v of s.env.knownVenvs ?? []) {
      if (v !== dir && (dir.startsWith('/') || !v.endsWith('/' + dir))) continue;
      (creating.has(shell) ? usedInCreation : usedElsewhere).add(v);
    }
  }
  const side = new Set([...usedInCreation].filter((v) => !usedElsewhere.has(v)));
  if (!side.size) return;
  for (const { site: s } of entries) if (s.env.knownVenvs) s.env.knownVenvs = s.env.knownVenvs.filter((v) => !side.has(v));
}

/**
 * Sets ConfigSiteFacts.ranWithoutVenv: `python3 helper.py` run again after a venv exists, where an
 * earlier run of it (by position in the file) knew no venv (ceph-build's builder-reimage
 * Jenkinsfile runs its node-control script with the system python3 before making the venv, and
 * again in a later step); so is a module (`python -m build`) or a tool's subcommand (`twine check`)
 * run again (fmriprep's CircleCI job builds and checks with the base Python's tools, then checks
 * the sdist and the wheel in throwaway venvs, then builds and checks again). Not pip: `python3 -m
 * pip …` and `pip …` installed before a venv are not a sign that later installs mean the system.
 * Not for a Makefile, whose recipes have no order of their own.
 */
export function markRanWithoutVenv(sites: readonly LaunchSite[]): void {
  const key = (s: LaunchSite): string | undefined => {
    const prog = s.argv[0] ? wordText(s.argv[0]) : undefined;
    const next = s.argv[1] ? wordText(s.argv[1]) : undefined;
    if (!prog || prog.includes('/') || !next) return undefined;
    if (/^python[\d.]*$/.test(prog)) {
      if (next === '-m') {
        const mod = s.argv[2] ? wordText(s.argv[2]) : undefined;
        return mod && mod !== 'pip' && /^[\w.]+$/.test(mod) ? `${prog}\0-m\0${mod}` : undefined;
      }
      return !next.startsWith('-') && /\.py$|\//.test(next) ? `${prog}\0${next}` : undefined;
    }
    return !/^pip[\d.]*$/.test(prog) && /^[a-z][\w-]*$/.test(next) ? `${prog}\0${next}` : undefined;
  };
  const firstBare = new Map<string, number>();
  const ordered = sites.filter((s) => s.config).sort((a, b) => a.callSpan.start - b.callSpan.start);
  for (const s of ordered) {
    const k = key(s);
    if (k === undefined) continue;
    if (!s.env.knownVenvs?.length) {
      if (!firstBare.has(k)) firstBare.set(k, s.file.location(s.callSpan.start).line);
    } else if (firstBare.has(k)) s.config!.ranWithoutVenv = firstBare.get(k);
  }
}

/** Where pip's subcommand is in a pip run by name: `pip3 install …` (1), `python -m pip install …` (3); -1 for anything else. */
function pipCommandAt(w: readonly (string | undefined)[]): number {
  if (/^pip[\d.]*$/.test(w[0] ?? '')) return 1;
  return /^python[\d.]*$/.test(w[0] ?? '') && w[1] === '-m' && w[2] === 'pip' ? 3 : -1;
}

/** `pip install` of the project's requirements (`-r FILE`, `-e`, `.`), or `uv pip install … --system`. */
function installsProjectOnPath(argv: readonly Word[]): boolean {
  const w = argv.map((x) => wordText(x));
  const uv = w[0] === 'uv' && w[1] === 'pip';
  const i = uv ? 2 : pipCommandAt(w);
  if (i < 0 || w[i] !== 'install') return false;
  const rest = w.slice(i + 1);
  // A target other than PATH's interpreter (judge.ts's pipTargetGiven; uv's `-p`, and `--user`): not an install there.
  if (pipTargetGiven(argv.slice(i + 1)) || rest.some((a) => a === undefined || /^(?:-p|--user)(?:=|$)/.test(a))) return false;
  if (uv && !rest.includes('--system')) return false;
  return rest.some((a) => /^(?:-r|--requirements?|-e|--editable)(?:=|$)|^-r\S|^\.(?:\[[^\]]*\])?$/.test(a!));
}

/**
 * Marks `systemInstalled` on each interpreter launched by name (`python x.py`, not `-m pip` or
 * `-m venv`) while a venv is known, after its group (a CI job) installed the project's
 * requirements into PATH's interpreter before it knew any venv. `groups`: each group's sites with
 * their order.
 */
export function markSystemInstalled(groups: Iterable<{ site: LaunchSite; order: number }[]>): void {
  for (const g of groups) {
    let at: number | undefined;
    for (const { site: s } of [...g].sort((a, b) => a.order - b.order || a.site.callSpan.start - b.site.callSpan.start)) {
      if (!s.config) continue;
      const known = s.env.knownVenvs?.length ?? 0;
      if (!known && s.env.activeVenv === undefined && installsProjectOnPath(s.argv)) {
        at ??= s.file.location(s.callSpan.start).line;
        continue;
      }
      const prog = s.argv[0] ? wordText(s.argv[0]) : undefined;
      const next = s.argv[1] ? wordText(s.argv[1]) : undefined;
      if (at !== undefined && known && prog && /^python[\d.]*$/.test(prog) && next !== '-m') s.config.systemInstalled = at;
    }
  }
}

/**
 * Marks `toolPrep` on a pip that only upgrades its packaging tools (`pip install -U pip wheel`)
 * when the next install by that same program in the same shell installs only standalone tools
 * (`pip install poetry`): the upgrade is part of installing that tool outside any venv
 * (fittrackee's builder stage, which then activates the venv for `poetry install`). `entries`: each
 * site with its shell, as for dropSideVenvs.
 */
export function markToolPrep(entries: readonly { site: LaunchSite; shell: number }[]): void {
  const shells = new Map<number, LaunchSite[]>();
  for (const { site, shell } of entries) {
    const list = shells.get(shell);
    if (list) list.push(site);
    else shells.set(shell, [site]);
  }
  for (const sites of shells.values()) {
    const sorted = [...sites].sort((a, b) => a.callSpan.start - b.callSpan.start);
    // Backwards, each program's next install is known when its earlier one is met.
    const next = new Map<string, 'tools' | 'packaging' | undefined>();
    for (let i = sorted.length - 1; i >= 0; i--) {
      const s = sorted[i];
      const words = s.argv.map((w) => wordText(w));
      const program = words[0];
      if (program === undefined || !(words.includes('install') || words.includes('uninstall'))) continue;
      const kind = pipInstallKind(words);
      if (kind === 'packaging' && s.config && next.get(program) === 'tools') s.config.toolPrep = true;
      next.set(program, kind);
    }
  }
}

/**
 * `pip install --user …` or `pip install --break-system-packages …` by name (pip, pip3, python -m
 * pip): an install into PATH's interpreter on purpose, its user site or the externally managed
 * system Python itself.
 */
function installsForUser(words: readonly (string | undefined)[]): boolean {
  const at = pipCommandAt(words);
  return at > 0 && words[at] === 'install' && words.slice(at + 1).some((w) => w === '--user' || w === '--break-system-packages');
}

/**
 * Marks `userInstalled` on a `pip install --user …` by name and on the Python launches by name after
 * it in the same shell: pip refuses `--user` inside a venv ("User site-packages are not visible in
 * this virtualenv"), so the author installs into PATH's interpreter on purpose, and what that shell
 * then runs by name (`python -m flake8`) is meant from there (cloudify-manager's flake8 stage). So
 * does `--break-system-packages`, which only an externally managed system Python asks for
 * (rebuild's toggle.sh: `pip3 install -r requirements.txt --break-system-packages`, then `python3
 * ./install_data.py`, beside another program's venv named later).
 * `entries`: each site with its shell, as for markToolPrep.
 */
export function markUserInstalled(entries: readonly { site: LaunchSite; shell: number }[]): void {
  const since = new Map<number, number>();
  for (const { site, shell } of [...entries].sort((a, b) => a.site.callSpan.start - b.site.callSpan.start)) {
    if (!site.config) continue;
    const words = site.argv.map((w) => wordText(w));
    if (!since.has(shell) && installsForUser(words)) since.set(shell, site.file.location(site.callSpan.start).line);
    const at = since.get(shell);
    if (at !== undefined) site.config.userInstalled = at;
  }
}

/**
 * Gives a command that runs a repository script by a Python 3 interpreter's name (`python3
 * $(ROOT)/scripts/build/wrap_binary_in_venv.py` in a recipe) the modules that script imports, as
 * Python code's launches get them (python/script-imports.ts): a script that imports only the
 * standard library runs the same in any Python 3 and needs no venv, as inline code does (the
 * judge). The script is looked for from the checked file's folder up, a path under a stand-in
 * folder (make's `$(CURDIR)`, the CI checkout) as relative to it (codechecker's
 * `standalone_package` recipes, reviewed false: 3 findings). Not for `python` unversioned, which
 * may be missing or Python 2 where the command runs (pioreactor's pre-commit hook, the
 * documentation Makefile's `python ./docs/addMetaData.py`: reviewed true).
 */
export function markRepositoryScripts(sites: readonly LaunchSite[], filePath: string): void {
  for (const site of sites) {
    if (site.inlineImports || site.argv.length < 2) continue;
    const program = wordText(site.argv[0]);
    if (program === undefined || !/^python3(?:\.\d+)?$/.test(path.posix.basename(program))) continue;
    const argv = site.argv.map((w) => {
      const t = wordText(w);
      return t !== undefined && STAND_IN_ROOT.test(t) ? textWord(t.replace(STAND_IN_ROOT, '.')) : w;
    });
    const imports = launchedScriptImports(filePath, argv);
    if (imports) site.inlineImports = imports;
  }
}

/** What `setup.py` may be given to build a source archive only (egg_info's options too: `-b ""`). */
const SDIST_WORDS = /^(?:sdist|egg_info|-[\w-]*(?:=.*)?|)$/;
const setupImports = new Map<string, string[] | null>();
/** A setup.py is read up to this size (script-imports.ts reads a launched script so). */
const SETUP_MAX_BYTES = 64 * 1024;

/**
 * Marks `sdistBuild` on `python setup.py sdist` (`egg_info -b "" sdist`, `--formats=gztar` …) whose
 * `setup.py`, found from the checked file's folder up, imports only the standard library and
 * setuptools (or distutils): building a source archive runs that file alone, the same in any Python
 * with setuptools, so the venv is not needed (bonito's Makefile and admin-server-cli's Jenkinsfile,
 * reviewed false). An install, a wheel, a test or an upload keeps the command judged.
 */
export function markSdistBuilds(sites: readonly LaunchSite[], filePath: string): void {
  for (const s of sites) {
    if (!s.config) continue;
    const words = s.argv.map((w) => wordText(w));
    const script = words[1];
    if (!words[0] || !isInterpreterName(path.posix.basename(words[0])) || script === undefined || path.posix.basename(script) !== 'setup.py') continue;
    const rest = words.slice(2);
    if (!rest.includes('sdist') || rest.some((w) => w === undefined || !SDIST_WORDS.test(w))) continue;
    if (path.isAbsolute(script) || script.includes('$')) continue;
    const imports = fromFolderUp(filePath, (dir) => fileAnswer(setupImports, path.join(dir, script), SETUP_MAX_BYTES, (text) => (text === undefined ? null : inlineImports(text, SETUP_MAX_BYTES) ?? null)));
    if (imports && imports.every((m) => STDLIB_MODULES.has(m) || m === 'setuptools' || m === 'distutils')) s.config.sdistBuild = true;
  }
}

/** The argv that runs a program target from a venv's bin folder (`bin` as written in the file). */
export function venvProgram(bin: string, target: RewriteTarget): string[] | undefined {
  if (target.kind === 'interpreter') return [`${bin}/python`, ...(target.module ? ['-m', target.module] : [])];
  if (target.kind === 'interpreter-bin') return [`${bin}/${target.name}`];
  return undefined;
}

/**
 * A configuration file's parse problems as the one partial `syntax` problem the checker reports:
 * the first by position, with how many more there were (identical ones counted once). A problem
 * of the file's own grammar (YAML, a unit file) comes before a shell problem, which it often causes:
 * a heredoc body at column 0 ends a YAML block scalar, and the shell then sees half a heredoc.
 */
export function syntaxProblemOf(file: SourceFile, problems: readonly { message: string; offset: number }[]): FileProblem | undefined {
  const unique = [...new Map(problems.map((p) => [`${p.offset}|${p.message}`, p])).values()].sort(
    (a, b) => Number(a.message.startsWith('shell:')) - Number(b.message.startsWith('shell:')) || a.offset - b.offset,
  );
  if (!unique.length) return undefined;
  const p = unique[0];
  const more = unique.length > 1 ? ` (and ${unique.length - 1} more)` : '';
  return { path: file.path, kind: 'syntax', message: p.message + more, start: file.location(Math.min(p.offset, file.text.length)), partial: true };
}
