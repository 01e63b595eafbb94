/**
 * The container pre-pass's third way an image is started (container-images.ts reads Dockerfiles,
 * Compose and bake files): a GitHub Actions job that builds an image from a Dockerfile of the
 * repository (`docker/build-push-action` with `tags:`, or `docker build -t TAG`) and, in a later
 * step, runs it with a folder of the repository bind-mounted (`docker run -v $PWD/tests:/mnt/tests
 * TAG /mnt/tests/runtests.sh`). The tag must be written the same way in both steps, expressions
 * included (`ghcr.io/oca/oca-ci/${{ matrix.image_name }}:latest`): the same text in one job is the
 * same image in each run of the matrix.
 *
 * When the command runs a file from a mounted folder (a test runner, a script), the whole folder is
 * what the container was started to run: a mount exists only for that container, so the folder's
 * Python files (the tests runtests.sh hands to pytest) run in the image, with its PATH. The
 * repository itself mounted (`-v $PWD:/src`) singles out nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { yaml } from '../frontends/yaml-scalars.js';
import { splitWords } from '../frontends/dockerfile/image.js';
import type { Word } from '../kernel/word.js';
import { escapeRegExp } from '../kernel/regexp.js';

export interface DockerRunDef {
  /** Every Dockerfile the build may use (`file: Dockerfile${{ … }}` names one of several). */
  dockerfiles: string[];
  context: string;
  command: string[];
  entrypoint?: string[];
  workingDir?: string;
  /** Bind mounts: container path → host folder or file. */
  mounts: { dest: string; host: string; folder: boolean }[];
  from: string;
}

/** Options of `docker run` that take a value as the next word (when not glued with `=`). */
const VALUE_OPTIONS = new Set([
  '-a', '--attach', '--add-host', '--blkio-weight', '--cap-add', '--cap-drop', '--cgroupns', '--cidfile', '--cpu-period', '--cpu-quota',
  '--cpu-shares', '-c', '--cpus', '--cpuset-cpus', '--device', '--dns', '--dns-option', '--dns-search', '-e', '--env', '--env-file',
  '--entrypoint', '--expose', '--gpus', '--group-add', '-h', '--hostname', '--ip', '--ipc', '-l', '--label', '--label-file', '--link',
  '--log-driver', '--log-opt', '-m', '--memory', '--mount', '--name', '--network', '--net', '--platform', '-p', '--publish', '--pull',
  '--restart', '--runtime', '--security-opt', '--shm-size', '--stop-signal', '--stop-timeout', '--tmpfs', '-u', '--user', '--ulimit',
  '-v', '--volume', '--volumes-from', '-w', '--workdir',
]);

/** `$PWD/x`, `${PWD}/x`, `"$PWD"/x`, `$(pwd)/x`, `${{ github.workspace }}/x`, `$GITHUB_WORKSPACE/x`, `./x`: the workspace. */
const WORKSPACE = /^(?:\$\{\{\s*github\.workspace\s*\}\}|\$\{?(?:PWD|GITHUB_WORKSPACE)\}?|\$\(pwd\)|\.)(?=\/|$)/;

/** Whether a path is a file or a folder (undefined: neither, or missing); the container pre-pass uses it too. */
export function kindOf(p: string): 'file' | 'folder' | undefined {
  try {
    const st = fs.statSync(p);
    return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
}

/** The `docker run` commands of GitHub Actions workflows whose image a step of the same job builds. */
export function dockerRunDefs(workflows: readonly string[], root: string): DockerRunDef[] {
  const out: DockerRunDef[] = [];
  for (const file of workflows) {
    let text: string;
    try {
      if (fs.statSync(file).size > 1024 * 1024) continue;
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!/docker\s+run\b/.test(text)) continue;
    let doc: unknown;
    try {
      doc = yaml().parse(text, { logLevel: 'silent' });
    } catch {
      continue;
    }
    const jobs = (doc as { jobs?: Record<string, unknown> } | null)?.jobs;
    if (!jobs || typeof jobs !== 'object') continue;
    for (const [jobName, job] of Object.entries(jobs)) {
      const steps = (job as { steps?: unknown } | null)?.steps;
      if (!Array.isArray(steps)) continue;
      /** tag → the Dockerfiles and context it was built from, in this job. */
      const built = new Map<string, { dockerfiles: string[]; context: string }>();
      for (const step of steps) {
        if (!step || typeof step !== 'object') continue;
        const s = step as { uses?: unknown; with?: Record<string, unknown>; run?: unknown };
        if (typeof s.uses === 'string' && /^docker\/build-push-action@/.test(s.uses)) {
          const w = s.with ?? {};
          const ctx = typeof w.context === 'string' ? w.context : '.';
          if (ctx.includes('${{')) continue;
          const context = path.resolve(root, ctx);
          const dockerfiles = candidates(typeof w.file === 'string' ? w.file : path.join(ctx, 'Dockerfile'), root);
          const tags = typeof w.tags === 'string' ? w.tags.split(/[\n,]/).map((t) => oneWord(t.trim())).filter(Boolean) : [];
          if (dockerfiles.length) for (const t of tags) built.set(t, { dockerfiles, context });
        }
        if (typeof s.run !== 'string') continue;
        for (const line of s.run.split('\n')) {
          const words = splitWords(oneWord(line.replace(/\s*\\$/, '')));
          const at = words.findIndex((w, i) => w === 'docker' && words[i + 1] === 'run');
          if (at < 0) continue;
          const run = parseRun(words.slice(at + 2));
          const image = run && built.get(run.image);
          if (!run || !image) continue;
          const mounts: DockerRunDef['mounts'] = [];
          for (const v of run.volumes) {
            const [src, dest] = v.split(':');
            const m = src ? WORKSPACE.exec(src) : null;
            if (!m || !dest?.startsWith('/')) continue;
            const host = path.resolve(root, `.${src.slice(m[0].length)}`);
            const kind = kindOf(host);
            // The repository itself mounted singles out nothing.
            if (!kind || host === root || !host.startsWith(root + path.sep)) continue;
            mounts.push({ dest: path.posix.normalize(dest).replace(/(.)\/+$/, '$1'), host, folder: kind === 'folder' });
          }
          if (!mounts.length) continue;
          out.push({ ...image, command: run.command, entrypoint: run.entrypoint, workingDir: run.workdir, mounts, from: `${path.relative(root, file)} job ${jobName} (docker run)` });
        }
      }
    }
  }
  return out;
}

/** `${{ matrix.image_name }}` written without its spaces, so that it stays in one word and compares as text. */
function oneWord(s: string): string {
  return s.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => `\${{${e.replace(/\s+/g, '')}}}`);
}

/** The Dockerfiles a build's `file:` may name: itself, or with an expression, each file its literal parts match. */
function candidates(file: string, root: string): string[] {
  if (!file.includes('${{')) return kindOf(path.resolve(root, file)) === 'file' ? [path.resolve(root, file)] : [];
  const full = path.resolve(root, file.replace(/\$\{\{[^}]*\}\}/g, '\0'));
  const dir = path.dirname(full);
  if (dir.includes('\0')) return [];
  const re = new RegExp(`^${path.basename(full).split('\0').map(escapeRegExp).join('.*')}$`);
  try {
    return fs.readdirSync(dir).filter((n) => re.test(n) && kindOf(path.join(dir, n)) === 'file').map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

function parseRun<W extends string | undefined>(args: W[]): { image: W; command: W[]; volumes: string[]; entrypoint?: string[]; workdir?: string } | undefined {
  const volumes: string[] = [];
  let entrypoint: string[] | undefined;
  let workdir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    // A word not known here (`"$IMAGE_TAG"`) where an option may stand is the image: the place is what counts.
    if (a === undefined || !a.startsWith('-')) return { image: a, command: args.slice(i + 1).filter((w) => !/^(&&|\|\||;|\|)$/.test(w ?? '')), volumes, entrypoint, workdir };
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const glued = a.startsWith('--') && eq > 0;
    if (!VALUE_OPTIONS.has(name)) {
      if (/^-[a-zA-Z]{2,}$/.test(a) && VALUE_OPTIONS.has(`-${a[a.length - 1]}`)) i++; // `-itv x`: the last one takes the value
      continue;
    }
    const value = glued ? a.slice(eq + 1) : args[++i];
    if (value === undefined) {
      if (i < args.length) continue;
      return undefined;
    }
    const v = value as string;
    if (name === '-v' || name === '--volume') volumes.push(v);
    else if (name === '--entrypoint') entrypoint = [v];
    else if (name === '-w' || name === '--workdir') workdir = v;
  }
  return undefined;
}

/** A word's text with what is not known at this point as NUL (a word holding one is not known). */
function textOf(w: Word): string {
  return w.fragments.map((f) => (f.kind === 'text' ? f.text : '\0')).join('');
}

/**
 * The commands a `docker run` (or `podman run`) of a script, recipe or CI step starts in its
 * container, as words (undefined: not known here): its command after the image, and a shell's
 * `-c` script split into simple commands (kaggle-docker-python's `test`: `docker run … -v
 * $PWD:/input:ro "$IMAGE_TAG" /bin/bash -c "python -m unittest discover -s /input/tests …"`). A
 * path under a bind mount whose host side `hostPath` knows (`-v $PWD/tests:/t`) is written as that
 * host path, and so is the working folder (`-w`); other container paths are left as they are (the
 * caller finds `/input/tests` by its tail). Undefined when the words are not such a run.
 */
export function containerRunCommands(argv: readonly Word[], hostPath: (p: string) => string | undefined): { commands: (string | undefined)[][]; cwd?: string } | undefined {
  const texts = argv.map((w) => textOf(w));
  const prog = texts[0]?.replace(/^.*\//, '');
  if (prog !== 'docker' && prog !== 'podman') return undefined;
  const at = texts[1] === 'run' ? 2 : texts[1] === 'container' && texts[2] === 'run' ? 3 : -1;
  if (at < 0) return undefined;
  const known = (t: string) => (t.includes('\0') ? undefined : t);
  const run = parseRun(texts.slice(at).map(known));
  if (!run) return undefined;
  const mounts: { host: string; dest: string }[] = [];
  for (const v of run.volumes) {
    const [host, dest] = v.split(':');
    const real = host ? hostPath(host) : undefined;
    if (real && dest?.startsWith('/')) mounts.push({ host: real, dest: dest.replace(/\/+$/, '') || '/' });
  }
  const onHost = (w: string | undefined): string | undefined => {
    if (w === undefined) return w;
    for (const m of mounts) if (w === m.dest || w.startsWith(m.dest + '/')) return m.host + w.slice(m.dest.length);
    return w;
  };
  const cwd = run.workdir === undefined ? undefined : onHost(run.workdir);
  // `--entrypoint bash … IMAGE -c SCRIPT`: the entrypoint, then the command.
  const command = [...(run.entrypoint ?? []), ...run.command];
  if (command.length === 0) return undefined;
  const [first, flag, script] = command;
  if (first !== undefined && /^(?:ba|da|z)?sh$/.test(first.replace(/^.*\//, '')) && flag !== undefined && /^-[a-z]*c$/.test(flag)) {
    const source = texts[texts.length - command.length + 2];
    if (source === undefined || known(source) !== script) return { commands: [] };
    const commands: (string | undefined)[][] = [[]];
    for (const w of splitWords(source)) {
      if (/^(?:&&|\|\||;|\|)$/.test(w)) commands.push([]);
      else commands[commands.length - 1].push(onHost(known(w)));
    }
    return { commands: commands.filter((c) => c.length > 0), cwd };
  }
  return { commands: [command.map(onHost)], cwd };
}
