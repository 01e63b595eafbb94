/**
 * The project pre-pass for code that runs inside the project's own container image. Before files
 * are checked, it reads the project's Dockerfiles and the files that say how they are built
 * (Compose files, `docker buildx bake` HCL files), finds the images whose PATH at container start
 * has a venv's bin first (`ENV PATH=/venv/bin:$PATH`, inherited through `FROM <stage>` or `FROM
 * <image another Dockerfile of the repository builds>`), and follows their start command
 * (ENTRYPOINT/CMD, or a Compose service's `entrypoint:`/`command:`) to the files and folders of
 * the repository it names, through COPY/ADD and Compose bind mounts (and the script a start command
 * runs with bash, `ENTRYPOINT ["/bin/bash", "./boot.sh"]`, whose `source` works whatever its
 * shebang says). A Python file (or a shell script that does not set PATH) there is judged with that PATH (a bare `python`, `pip` or console
 * script is the image's venv: no finding), unless
 * another configuration file of the repository starts it (or a folder holding it) outside a
 * container. Everything it needs is in the repository, or nothing is changed.
 */
import path from 'node:path';
import { yaml } from '../frontends/yaml-scalars.js';
import type { Language } from '../kernel/launch-site.js';
import { claimingFrontEnd } from '../frontends/index.js';
import { imageStages, splitWords, venvFirstOnPath, type ImageCopy, type ImageState } from '../frontends/dockerfile/image.js';
import { UNKNOWN } from '../frontends/config/facts.js';
import { parseDockerfile, type ParsedDockerfile } from '../frontends/dockerfile/reader.js';
import { dockerRunDefs, kindOf } from './docker-run.js';
import { TooComplexError } from '../kernel/budgets.js';
import { readConfigText } from './config.js';

/**
 * Where a Python file or shell script runs in the project's image: with a venv first on PATH, and
 * (for a script) with a /bin/sh that has `source` (Alpine's busybox ash, bash on Fedora/RHEL).
 */
export interface ImageRun {
  venv?: string;
  shHasSource?: boolean;
  /** The image and how it starts the file, for messages and --explain. */
  why: string;
}

/** One way the repository builds an image: a Dockerfile, a context, a stage, Compose's overrides. */
interface BuildDef {
  dockerfile: string;
  context: string;
  target?: string;
  /** The image name it is tagged with (Compose `image:` beside `build:`), to resolve `FROM name`. */
  image?: string;
  /** Bake's `contexts = { base = "target:base" }`: a FROM name → another definition's name. */
  namedContexts?: Map<string, string>;
  /** Bake target or Compose service name. */
  name?: string;
  command?: string[];
  entrypoint?: string[];
  workingDir?: string;
  /** Bind mounts: container path → host path. */
  mounts?: ImageCopy[];
  /** The service sets PATH itself: the image's PATH is not what the command sees. */
  setsPath?: boolean;
  from: string;
}

const COMPOSE_FILE = /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/;
const BAKE_FILE = /\.hcl$/;

/** Whether a file name is a Compose or bake file, which discovery hands to this pre-pass. */
export function isBuildFile(name: string): boolean {
  return COMPOSE_FILE.test(name) || BAKE_FILE.test(name);
}


/**
 * A Dockerfile over a budget (a RUN of more than dockerfile-run-size) tells the pre-pass nothing,
 * as an unreadable one does; its own check reports it as too complex. Thrown here, it ended the
 * whole run as an internal error.
 */
function parseWithinBudgets(text: string): ParsedDockerfile | undefined {
  try {
    return parseDockerfile(text);
  } catch (e) {
    if (e instanceof TooComplexError) return undefined;
    throw e;
  }
}

/** Build files (Dockerfiles, Compose, bake) are read up to this size. */
const MAX_BUILD_FILE_BYTES = 1024 * 1024;
const readText = (p: string) => readConfigText(p, MAX_BUILD_FILE_BYTES);

const str = (v: unknown): string | undefined => (typeof v === 'string' && !v.includes('$') ? v : undefined);
const words = (v: unknown): string[] | undefined =>
  typeof v === 'string' ? splitWords(v) : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;

/** Compose files parsed in this run (a main file is read once for all its override files). */
const composeCache = new Map<string, Record<string, unknown> | undefined>();

/** A Compose file's services (from its text when the caller has read it), or undefined when it is not a readable Compose file. */
function composeServices(file: string, raw?: string): Record<string, unknown> | undefined {
  if (!composeCache.has(file)) composeCache.set(file, parseServices(raw ?? readText(file)));
  return composeCache.get(file);
}

function parseServices(raw: string | undefined): Record<string, unknown> | undefined {
  if (raw === undefined) return undefined;
  let doc: unknown;
  try {
    // Compose's own tags (!reset, !override) are not YAML's: their values are read as plain data.
    doc = yaml().parse(raw.replace(/!(?:reset|override)\b/g, ''), { logLevel: 'silent' });
  } catch {
    return undefined;
  }
  const services = (doc as { services?: Record<string, unknown> } | null)?.services;
  return services && typeof services === 'object' ? services : undefined;
}

/** The files Compose reads by default in a folder, the first that exists (an override's base). */
const MAIN_COMPOSE = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/**
 * Compose services that build an image from the repository. A service built in an override file
 * (`docker-compose.build.yml`, used as `-f docker-compose.yml -f docker-compose.build.yml`) takes
 * what it does not set itself from the same service of its folder's main Compose file.
 */
function composeDefs(file: string): BuildDef[] {
  const raw = readText(file);
  // Only a service that builds an image matters.
  if (raw === undefined || !/^\s*build\s*:/m.test(raw)) return [];
  const services = composeServices(file, raw);
  if (!services) return [];
  const dir = path.dirname(file);
  const main = MAIN_COMPOSE.map((n) => path.join(dir, n)).find((f) => kindOf(f) === 'file');
  const base = main && main !== file ? composeServices(main) : undefined;
  const out: BuildDef[] = [];
  for (const [name, own] of Object.entries(services)) {
    if (!own || typeof own !== 'object') continue;
    const under = base?.[name];
    const s = (under && typeof under === 'object' ? { ...under, ...own } : own) as Record<string, unknown>;
    const build = typeof s.build === 'string' ? { context: s.build } : (s.build as Record<string, unknown> | undefined);
    if (!build || typeof build !== 'object') continue;
    const ctx = str(build.context) ?? '.';
    const context = path.resolve(dir, ctx);
    const df = str(build.dockerfile) ?? 'Dockerfile';
    if (build.dockerfile !== undefined && str(build.dockerfile) === undefined) continue;
    const env = s.environment;
    const setsPath = Array.isArray(env) ? env.some((e) => typeof e === 'string' && /^PATH(=|$)/.test(e)) : !!env && typeof env === 'object' && 'PATH' in env;
    const mounts: ImageCopy[] = [];
    for (const v of Array.isArray(s.volumes) ? s.volumes : []) {
      let src: string | undefined;
      let dst: string | undefined;
      if (typeof v === 'string') [src, dst] = v.split(':');
      else if (v && typeof v === 'object' && (v as { type?: string }).type === 'bind') [src, dst] = [str((v as { source?: unknown }).source), str((v as { target?: unknown }).target)];
      if (!src || !dst || src.includes('$') || !/^[./~]/.test(src) || !dst.startsWith('/') || src.startsWith('~')) continue;
      const host = path.resolve(dir, src);
      const kind = kindOf(host);
      if (kind) mounts.push({ dest: path.posix.normalize(dst).replace(/(.)\/+$/, '$1'), host, folder: kind === 'folder', intoDir: false });
    }
    out.push({
      dockerfile: path.resolve(context, df),
      context,
      target: str(build.target),
      image: str(s.image),
      name,
      command: s.command === undefined ? undefined : words(s.command) ?? [UNKNOWN],
      entrypoint: s.entrypoint === undefined ? undefined : words(s.entrypoint) ?? [UNKNOWN],
      workingDir: str(s.working_dir),
      mounts,
      setsPath,
      from: `${path.basename(file)} service ${name}`,
    });
  }
  return out;
}

/** The `target "name" { … }` blocks of a bake file (only plain string values are read). */
function bakeDefs(file: string, roots: string[]): BuildDef[] {
  const raw = readText(file);
  if (raw === undefined || !/\btarget\s+"/.test(raw)) return [];
  const blocks = new Map<string, string>();
  const re = /^\s*target\s+"([^"]+)"\s*\{/gm;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < raw.length && depth > 0; i++) {
      if (raw[i] === '{') depth++;
      else if (raw[i] === '}') depth--;
    }
    blocks.set(m[1], raw.slice(m.index + m[0].length, i - 1));
  }
  const field = (body: string, key: string): string | undefined => {
    const v = new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`, 'm').exec(body)?.[1];
    return v === undefined || v.includes('${') ? undefined : v;
  };
  const own = (name: string, key: string, seen = new Set<string>()): string | undefined => {
    const body = blocks.get(name);
    if (body === undefined || seen.has(name)) return undefined;
    seen.add(name);
    const v = field(body, key);
    if (v !== undefined) return v;
    const inherits = /^\s*inherits\s*=\s*\[([^\]]*)\]/m.exec(body)?.[1] ?? '';
    for (const p of inherits.match(/"[^"]+"/g) ?? []) {
      const r = own(p.slice(1, -1), key, seen);
      if (r !== undefined) return r;
    }
    return undefined;
  };
  const out: BuildDef[] = [];
  for (const [name, body] of blocks) {
    const ctx = own(name, 'context');
    if (ctx === undefined) continue;
    // Bake reads a relative context from where it runs: the bake file's folder or the project root.
    const context = [path.dirname(file), ...roots].map((r) => path.resolve(r, ctx)).find((c) => kindOf(c) === 'folder');
    if (!context) continue;
    const namedContexts = new Map<string, string>();
    const ctxs = /^\s*contexts\s*=\s*\{([^}]*)\}/m.exec(body)?.[1] ?? '';
    for (const c of ctxs.matchAll(/([A-Za-z0-9_.\-/:]+|"[^"]+")\s*=\s*"target:([^"]+)"/g)) namedContexts.set(c[1].replace(/"/g, '').toLowerCase(), c[2]);
    out.push({ dockerfile: path.resolve(context, own(name, 'dockerfile') ?? 'Dockerfile'), context, target: field(body, 'target'), name, namedContexts, from: `${path.basename(file)} target ${name}` });
  }
  return out;
}

/**
 * Python files and shell scripts (absolute paths) that only the project's own images run, with the
 * venv their PATH puts first. `files`/`claimed` are discovery's; `buildFiles` the Compose and bake
 * files it met; `roots` the paths checked.
 */
export function containerRuns(files: readonly string[], claimed: ReadonlyMap<string, Language>, buildFiles: readonly string[], roots: string[]): Map<string, ImageRun> {
  const out = new Map<string, ImageRun>();
  composeCache.clear();
  // The folders checked (a file named on the command line stands for its folder).
  roots = roots.map((r) => (kindOf(r) === 'folder' ? r : path.dirname(r)));
  const languageOf = (f: string) => claimed.get(f) ?? claimingFrontEnd(f)?.language;
  const dockerfiles = files.filter((f) => languageOf(f) === 'dockerfile').map((f) => path.resolve(f));
  if (dockerfiles.length === 0) return out;
  const defs: BuildDef[] = [];
  for (const b of buildFiles) defs.push(...(COMPOSE_FILE.test(path.basename(b)) ? composeDefs(b) : bakeDefs(b, roots)));
  const known = new Set(dockerfiles);
  const built = defs.filter((d) => known.has(d.dockerfile));
  const named = new Set(built.map((d) => d.dockerfile));
  // A Dockerfile no Compose or bake file builds: built from its own folder, its last stage.
  for (const f of dockerfiles) if (!named.has(f)) built.push({ dockerfile: f, context: path.dirname(f), from: 'its own folder as the build context' });

  const parsed = new Map<string, ParsedDockerfile | undefined>();
  const memo = new Map<BuildDef, ImageState | undefined>();
  const busy = new Set<BuildDef>();
  const shown = (p: string) => path.relative(roots[0] ?? process.cwd(), p) || p;
  const evaluate = (d: BuildDef): ImageState | undefined => {
    if (memo.has(d)) return memo.get(d);
    if (busy.has(d)) return undefined;
    busy.add(d);
    if (!parsed.has(d.dockerfile)) {
      const t = readText(d.dockerfile);
      parsed.set(d.dockerfile, t === undefined ? undefined : parseWithinBudgets(t));
    }
    const p = parsed.get(d.dockerfile);
    const stages = p === undefined ? [] : imageStages(shown(d.dockerfile), p, d.context, (image) => baseImage(d, image), kindOf);
    const stage = d.target === undefined ? stages[stages.length - 1] : stages.find((s) => s.describe.endsWith(`(stage ${d.target})`));
    busy.delete(d);
    memo.set(d, stage);
    return stage;
  };
  /** `FROM name`: the one image of the repository that name means, when every build that names it agrees. */
  const baseImage = (d: BuildDef, image: string): ImageState | undefined => {
    const lower = image.toLowerCase();
    let candidates: BuildDef[];
    const viaContext = d.namedContexts?.get(lower);
    if (viaContext !== undefined) candidates = defs.filter((x) => x.name === viaContext && x.from.split(' target ')[0] === d.from.split(' target ')[0]);
    else {
      const bare = (n: string) => n.toLowerCase().replace(/:[\w.-]+$/, '');
      candidates = defs.filter((x) => x.image !== undefined && (x.image.toLowerCase() === lower || (!lower.includes(':') && bare(x.image) === lower)));
      // Other bake files' targets of the same name that another definition's context maps `image` to.
      if (!candidates.length) candidates = defs.filter((x) => x.namedContexts?.has(lower)).flatMap((x) => defs.filter((y) => y.name === x.namedContexts!.get(lower) && y.from.split(' target ')[0] === x.from.split(' target ')[0]));
    }
    const keys = new Set(candidates.map((c) => `${c.dockerfile}|${c.context}|${c.target ?? ''}`));
    if (keys.size !== 1) return undefined;
    return evaluate(candidates[0]);
  };

  const targets = new Map<string, ImageRun>();
  // GitHub Actions jobs that build an image and `docker run` it with a folder mounted (docker-run.ts):
  // every Dockerfile the build may use must put the same venv first on PATH.
  const workflows = files.filter((f) => languageOf(f) === 'github-actions').map((f) => path.resolve(f));
  for (const r of dockerRunDefs(workflows, roots[0] ?? process.cwd())) {
    const defsOf = r.dockerfiles.map((dockerfile): BuildDef => ({ ...r, dockerfile, mounts: r.mounts.map((m) => ({ ...m, intoDir: false })) }));
    const images = defsOf.map(evaluate);
    if (!defsOf.length || images.some((i) => !i) || new Set(images.map((i) => venvFirstOnPath(i!))).size !== 1) continue;
    const venv = venvFirstOnPath(images[0]!);
    if (!venv) continue;
    const start = r.entrypoint !== undefined ? [...r.entrypoint, ...r.command] : [...(images[0]!.entrypoint ?? []), ...r.command];
    for (const p of containerPaths(start, r.workingDir ?? images[0]!.workdir)) {
      // A file run from a mounted folder: the folder is what the container was started to run.
      const mount = r.mounts.find((m) => m.folder && (p === m.dest || p.startsWith(m.dest + '/')));
      const host = mount?.host ?? hostPath(p, defsOf[0].mounts ?? []);
      if (host && !targets.has(host)) targets.set(host, { venv, why: `${images[0]!.describe}, run by ${r.from}, puts ${venv}/bin first on PATH and runs ${p} from the mounted ${path.relative(roots[0] ?? process.cwd(), host) || host}` });
    }
  }
  for (const d of built) {
    const image = evaluate(d);
    if (!image) continue;
    const venv = d.setsPath ? undefined : venvFirstOnPath(image);
    const start = d.entrypoint !== undefined ? [...d.entrypoint, ...(d.command ?? [])] : [...(image.entrypoint ?? []), ...(d.command ?? image.cmd ?? [])];
    const workdir = d.workingDir ?? image.workdir;
    // `ENTRYPOINT ["/bin/bash", "./boot.sh"]`: bash runs the script whatever its `#!/bin/sh` says,
    // so its `source` works (ItogoviyProject's boot.sh, reviewed false in the corpus).
    const bashScript = /^(?:\/usr)?(?:\/bin\/)?bash$/.test(start[0] ?? '') ? start.slice(1).find((w) => !w.startsWith('-')) : undefined;
    const byBash = bashScript !== undefined && !bashScript.includes(UNKNOWN) ? path.posix.normalize(bashScript.startsWith('/') ? bashScript : path.posix.join(workdir, bashScript)) : undefined;
    if (!venv && !image.shHasSource && byBash === undefined) continue;
    const copies = [...image.copies, ...(d.mounts ?? [])];
    const how = d.from.startsWith('its own') ? `${image.describe}` : `${image.describe}, built by ${d.from}`;
    const puts = venv ? ` puts ${venv}/bin first on PATH and` : '';
    const paths = [...containerPaths(start, workdir), ...containerPaths(image.healthcheck ?? [], workdir)];
    for (const p of paths) {
      const host = hostPath(p, copies);
      if (host && !targets.has(host)) targets.set(host, { venv, shHasSource: image.shHasSource || p === byBash, why: `${how}${puts} starts ${p}${p === byBash ? ' with bash' : ''}` });
    }
  }
  if (targets.size === 0) return out;
  // A file is run outside a container when it, or a folder holding it, is started outside one.
  const outside = launchedOutside(files.filter((f) => {
    const l = languageOf(f);
    // A Compose file's commands run in its containers (the start commands read above).
    return l !== undefined && l !== 'python' && l !== 'dockerfile' && l !== 'compose';
  }), roots);
  for (const f of files) {
    const language = languageOf(f);
    if (language !== 'python' && language !== 'shell') continue;
    const abs = path.resolve(f);
    for (const [t, run] of targets) {
      const under = (p: string) => abs === p || abs.startsWith(p + path.sep);
      if (under(t) && !outside.some(under)) {
        // A script that sets PATH itself starts from its own PATH, not the image's.
        const ownPath = language === 'shell' && /\bPATH\+?=/.test(readText(abs) ?? 'PATH=');
        const kept: ImageRun = { ...run, venv: ownPath ? undefined : run.venv, shHasSource: language === 'shell' && run.shHasSource };
        if (kept.venv !== undefined || kept.shHasSource) out.set(abs, kept);
        break;
      }
    }
  }
  return out;
}

/**
 * The container paths a start command names: words that are paths (`/start.py`, `./k8s_itests`,
 * `app/main.py`), `-m module`, and the same inside a `sh -c`/`bash -c` string, relative to WORKDIR.
 */
function containerPaths(start: string[], workdir: string, depth = 0): string[] {
  const out: string[] = [];
  for (let i = 0; i < start.length; i++) {
    const w = start[i];
    if (w.includes(UNKNOWN) || w.includes('$')) continue;
    if (/\s/.test(w)) {
      if (depth < 2) out.push(...containerPaths(splitWords(w.replace(/&&|\|\||[;|&()]/g, ' ')), workdir, depth + 1));
      continue;
    }
    if (w === '-m' && start[i + 1] && /^[A-Za-z_][\w.]*$/.test(start[i + 1])) {
      const mod = start[++i].replace(/\./g, '/');
      out.push(path.posix.join(workdir, `${mod}.py`), path.posix.join(workdir, mod));
      continue;
    }
    if (w.startsWith('-') || w.includes('=') || w.includes(':')) continue;
    if (!w.includes('/') && !/\.py$/.test(w)) continue;
    out.push(path.posix.normalize(w.startsWith('/') ? w : path.posix.join(workdir, w)).replace(/(.)\/+$/, '$1'));
  }
  return out;
}

/** The host file or folder a container path comes from: the last mount or copy that put it there. */
function hostPath(p: string, copies: ImageCopy[]): string | undefined {
  for (let i = copies.length - 1; i >= 0; i--) {
    const c = copies[i];
    if (c.folder) {
      if (p === c.dest || p.startsWith(c.dest === '/' ? '/' : c.dest + '/')) {
        const host = path.join(c.host, p.slice(c.dest.length));
        if (kindOf(host)) return host.replace(/\/+$/, '');
      }
      continue;
    }
    const at = c.intoDir ? path.posix.join(c.dest, path.basename(c.host)) : c.dest;
    if (p === at || (!c.intoDir && p === path.posix.join(c.dest, path.basename(c.host)))) return c.host;
  }
  return undefined;
}

/** Programs that run a file or folder handed to them: interpreters, test runners, shells. */
const RUNNER = String.raw`\b(?:python[\d.]*|pypy[\d.]*|pytest|py\.test|coverage\s+run|nosetests|nose2|behave|sh|bash|dash|zsh|exec|nohup|(?:uv|poetry|pipenv|pdm|hatch)\s+run)(?:\s+-\S+)*\s+['"]?`;
/** Where a command starts on a line: its beginning, after an operator, `then`/`do`, a YAML `- `, `run:`, `ExecStart=` … */
const COMMAND_START = String.raw`(?:^|[;&|(\x60]|\bthen\b|\bdo\b|\$\(|^\s*-|\b(?:run|script|command|cmd|Exec\w*)\s*[:=])\s*['"]?`;
/** A folder the configuration names by a variable: `$PWD/`, `${ROOT}/`, `$(CURDIR)/`, `{toxinidir}/`, `${{ github.workspace }}/`. */
const VAR_DIR = String.raw`(?:\$\{\{[^}]*\}\}|\$\{[^}]*\}|\$\([^)]*\)|\$\w+|\{\w+\})/`;
const PATH_WORD = String.raw`([\w.-]*/[\w./-]*|[\w-]+\.py)(?=$|[\s;&|)\x60'":])`;
// Lookaheads, so that overlapping launches are all found (`python -m pytest itests`).
const LAUNCHES = [
  new RegExp(String.raw`(?=${RUNNER}(?:${VAR_DIR})?([\w./-]+)(?=$|[\s;&|)\x60'":]))`, 'g'),
  new RegExp(String.raw`(?=${COMMAND_START}(?:${VAR_DIR})?${PATH_WORD})`, 'g'),
];
const MODULE = /(?:^|\s)-m\s*([A-Za-z_][\w.]*)/g;

/**
 * What other configuration files (and `tox.ini`) start outside a container: on a command line that
 * does not run docker, podman or kubectl, a path handed to an interpreter, a test runner or a shell
 * (`python start.py`, `pytest itests`), a path run as a program (`./start.py`, `bin/tool.py`,
 * `{toxinidir}/itests/setup.sh`), or `-m module`. Each is resolved against the repository root and
 * the file's own folder (the host paths they may mean are all returned: blocking more keeps more
 * findings); a path that is the repository itself (`pytest .`) singles out nothing.
 */
function launchedOutside(configFiles: string[], roots: string[]): string[] {
  const found: string[] = [];
  const root = roots[0] ?? process.cwd();
  const extra = roots.map((r) => path.join(r, 'tox.ini')).filter((p) => kindOf(p) === 'file');
  for (const f of [...configFiles.map((c) => path.resolve(c)), ...extra]) {
    const t = readText(f);
    if (t === undefined) continue;
    const bases = [...new Set([root, path.dirname(f)])];
    for (const line of t.split('\n')) {
      if (/\b(docker|podman|kubectl|buildah|nerdctl)\b/.test(line)) continue;
      const words: string[] = [];
      for (const re of LAUNCHES) for (const m of line.matchAll(re)) words.push(m[1]);
      for (const m of line.matchAll(MODULE)) words.push(m[1].split('.').join('/'), `${m[1].split('.').join('/')}.py`);
      for (const w of words) {
        if (w.startsWith('/')) continue;
        // The repository itself (`../` in an argument list, `pytest .`) singles out no file.
        for (const b of bases) {
          const p = path.resolve(b, w);
          if (p.startsWith(root + path.sep)) found.push(p);
        }
      }
    }
  }
  return found;
}
