/**
 * What a built image holds when its container starts, for the project pre-pass
 * (pipeline/container-images.ts): per stage, the final ENV (PATH, VIRTUAL_ENV), WORKDIR, the venvs
 * it made or copied in, which files of the build context COPY/ADD put where, and the start command
 * (ENTRYPOINT + CMD). No launch sites and no shell model: a RUN is read only for the venvs it
 * creates (`python -m venv X`, `virtualenv X`, `uv venv X`), with quote removal and the stage's
 * variables, so the pre-pass stays a quick read of a few files.
 */
import path from 'node:path';
import { textWord } from '../../kernel/word.js';
import { createdVenv, DEFAULT_PATH, hasUnknown, IMAGE_PATH, UNKNOWN } from '../config/facts.js';
import { resolveDir } from '../shell/state.js';
import { expandVars, healthcheckCommand, parseExecForm, parseKeyValues, splitFlags, text, unquote, type ParsedDockerfile } from './reader.js';
import { wordText } from '../../kernel/word.js';
import type { Char } from '../../kernel/word-units.js';
import { knownBaseImage, shHasSourceIn } from './index.js';

/** A file or folder of the host put into the image: the container path and the host path. */
export interface ImageCopy {
  /** Absolute path in the container (a file, or a folder whose contents are the host folder's). */
  dest: string;
  /** Absolute host path of the source. */
  host: string;
  /** The host source is a folder (its contents are copied into dest). */
  folder: boolean;
  /** Several sources or a dest ending in `/`: a file lands at dest/basename. */
  intoDir: boolean;
}

export interface ImageState {
  /** The Dockerfile and stage, for messages: "docker/Dockerfile (stage app)". */
  describe: string;
  vars: Map<string, string>;
  workdir: string;
  venvs: Set<string>;
  virtualEnv?: string;
  /** Host files put into the image, in order (a later copy wins). */
  copies: ImageCopy[];
  /** The start command's words: ENTRYPOINT then CMD, exec form or a shell form's text split. */
  entrypoint?: string[];
  cmd?: string[];
  /** HEALTHCHECK CMD's words: the container runs them too, while it runs. */
  healthcheck?: string[];
  /** Its /bin/sh has `source` (busybox ash on Alpine, bash on Fedora/RHEL), from the base image. */
  shHasSource: boolean;
}

/** Another image the repository builds (`FROM base` where bake or compose says what base is). */
export type BaseResolver = (image: string) => ImageState | undefined;

/**
 * Every stage of a Dockerfile (read by parseDockerfile), evaluated (`shown`: its name in messages): `context` is the host folder COPY sources are read from,
 * `exists` tells whether a host path exists (and is a folder).
 */
export function imageStages(shown: string, parsed: ParsedDockerfile, context: string, baseOf: BaseResolver, exists: (p: string) => 'file' | 'folder' | undefined): ImageState[] {
  const esc = parsed.escape;
  const stages: ImageState[] = [];
  const byName = new Map<string, ImageState>();
  let globalArgs = new Map<string, string>();
  let st: ImageState | undefined;
  for (const inst of parsed.instructions) {
    const kw = inst.keyword;
    const args = text(inst.args);
    if (kw === 'FROM') {
      const { rest } = splitFlags(inst.args);
      const m = /^(\S+)(?:\s+as\s+(\S+))?/i.exec(text(rest).trim());
      const base = m ? expandVars(m[1], globalArgs) : '';
      const parent = byName.get(base.toLowerCase()) ?? (hasUnknown(base) ? undefined : baseOf(base));
      const vars = new Map(parent?.vars ?? []);
      if (!parent) {
        if (!knownBaseImage(base.toLowerCase())) vars.set('PATH', IMAGE_PATH);
        for (const [k, v] of globalArgs) if (!vars.has(k)) vars.set(k, v);
      }
      st = {
        describe: m?.[2] ? `${shown} (stage ${m[2]})` : shown,
        vars,
        workdir: parent?.workdir ?? '/',
        venvs: new Set(parent?.venvs ?? []),
        virtualEnv: parent?.virtualEnv,
        copies: [...(parent?.copies ?? [])],
        entrypoint: parent?.entrypoint,
        cmd: parent?.cmd,
        healthcheck: parent?.healthcheck,
        shHasSource: parent ? parent.shHasSource : shHasSourceIn(base),
      };
      stages.push(st);
      byName.set(String(stages.length - 1), st);
      if (m?.[2]) byName.set(m[2].toLowerCase(), st);
      continue;
    }
    if (!st) {
      if (kw === 'ARG') globalArgs = new Map([...globalArgs, ...parseKeyValues(args, globalArgs, esc, false)]);
      continue;
    }
    const cur = st;
    switch (kw) {
      case 'ENV':
      case 'ARG':
        for (const [k, v] of parseKeyValues(args, cur.vars, esc, kw === 'ENV')) {
          if (kw === 'ARG' && v === UNKNOWN && (cur.vars.has(k) || globalArgs.has(k))) {
            if (!cur.vars.has(k)) cur.vars.set(k, globalArgs.get(k)!);
            continue;
          }
          cur.vars.set(k, v);
          if (k === 'VIRTUAL_ENV') cur.virtualEnv = kw === 'ENV' ? resolveDir(v, cur.workdir) : undefined;
        }
        break;
      case 'WORKDIR': {
        const d = resolveDir(expandVars(unquote(args.trim(), esc).value, cur.vars), cur.workdir);
        if (d) cur.workdir = d;
        break;
      }
      case 'RUN':
        for (const v of venvsCreated(inst.heredocs.length ? inst.heredocs.map((h) => text(h.body)).join('\n') : splitFlags(inst.args).rest.map((c) => c.ch).join(''), cur.vars)) {
          const dir = resolveDir(v, cur.workdir);
          if (dir) cur.venvs.add(dir);
        }
        break;
      case 'COPY':
      case 'ADD': {
        const { flags, rest } = splitFlags(inst.args);
        const argv = parseExecForm(rest)?.map((w) => wordText(w) ?? UNKNOWN) ?? text(rest).trim().split(/\s+/).map((w) => unquote(w, esc).value);
        if (argv.length < 2 || inst.heredocs.length) break;
        const rawDest = expandVars(argv[argv.length - 1], cur.vars);
        const dest = resolveDir(rawDest, cur.workdir);
        if (!dest) break;
        const sources = argv.slice(0, -1);
        const intoDir = sources.length > 1 || rawDest.endsWith('/');
        const from = flags.get('from');
        if (from !== undefined) {
          // Files of another stage: the venvs it holds and the files of the build context it
          // copied there (never its ENV).
          const src = byName.get(from.toLowerCase());
          const under = (p: string, f: string) => p === f || p.startsWith(f === '/' ? '/' : f + '/');
          const moved = (p: string, f: string) => path.posix.join(dest, p.slice(f.length)).replace(/\/+$/, '') || '/';
          for (const s of sources) {
            const f = src && resolveDir(expandVars(s, src.vars), src.workdir);
            if (!f) continue;
            for (const v of src.venvs) if (under(v, f)) cur.venvs.add(moved(v, f));
            // (Several sources land each in dest/its name: not followed.)
            if (sources.length === 1) for (const c of src.copies) {
              // A copied folder under the source (`COPY --from=build /app /app` after `COPY . /app`).
              if (under(c.dest, f)) cur.copies.push({ ...c, dest: moved(c.dest, f) });
            }
          }
          break;
        }
        for (const s of sources) {
          const src = expandVars(s, cur.vars);
          // A URL, a glob or a value not known here copies nothing this pre-pass can follow.
          if (hasUnknown(src) || /[*?[\]]|^[a-z]+:\/\//i.test(src) || src.startsWith('/')) continue;
          const host = path.resolve(context, src);
          if (host !== context && !host.startsWith(context + path.sep)) continue;
          const kind = exists(host);
          if (kind) cur.copies.push({ dest, host, folder: kind === 'folder', intoDir });
        }
        break;
      }
      case 'HEALTHCHECK': {
        const command = healthcheckCommand(inst.args);
        cur.healthcheck = command ? startWords(command) : undefined;
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const words = startWords(inst.args);
        if (kw === 'ENTRYPOINT') {
          cur.entrypoint = words;
          cur.cmd = undefined; // Docker resets an inherited CMD when ENTRYPOINT is set
        } else cur.cmd = words;
        break;
      }
    }
  }
  return stages;
}

/** The venv folders a RUN's commands create, read from its text split into simple commands. */
export function venvsCreated(script: string, vars: Map<string, string>): string[] {
  if (!/venv|virtualenv/.test(script)) return [];
  const out: string[] = [];
  for (const cmd of script.split(/&&|\|\||[;|\n]/)) {
    const words = splitWords(cmd).map((w) => expandVars(w, vars));
    // Leading assignments and `sudo`/`env`-like prefixes are not the program.
    while (words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0]) || /^(sudo|env|exec|nice|time)$/.test(words[0]))) words.shift();
    // A word with an ARG not known here (`python$python_version -m venv /opt/v`) is unknown to
    // createdVenv, which then reads `-m venv` alone.
    const dir = createdVenv(words.map((w) => (hasUnknown(w) ? { fragments: [{ kind: 'unknown' as const }] } : textWord(w))));
    if (dir !== undefined && !hasUnknown(dir)) out.push(dir);
  }
  return out;
}

/** Shell words with quotes removed (no expansions): enough to find paths and program names. */
export function splitWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = '';
  let any = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = '';
      else if (c === '\\' && q === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      any = true;
      continue;
    }
    if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      any = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (cur || any) out.push(cur);
      cur = '';
      any = false;
      continue;
    }
    cur += c;
  }
  if (cur || any) out.push(cur);
  return out;
}

/** CMD/ENTRYPOINT words: the exec form's strings, or the shell form run as `/bin/sh -c TEXT`. */
function startWords(args: Char[]): string[] {
  const exec = parseExecForm(args);
  if (exec) return exec.map((w) => wordText(w) ?? UNKNOWN);
  return ['/bin/sh', '-c', text(args).trim()];
}

/** The venv whose bin is the first entry of the image's PATH (nothing can be found before it), if any. */
export function venvFirstOnPath(s: ImageState): string | undefined {
  const value = s.vars.get('PATH');
  if (value === undefined) return undefined;
  const first = value.split(':')[0];
  if (first.includes(DEFAULT_PATH) || first.includes(IMAGE_PATH) || hasUnknown(first)) return undefined;
  const dir = first.replace(/\/+$/, '');
  if (!dir.endsWith('/bin')) return undefined;
  const venv = dir.slice(0, -4);
  return s.venvs.has(venv) || s.virtualEnv === venv ? venv : undefined;
}
