/**
 * Docker Compose front end: `compose.yaml`, `docker-compose.yml`, `compose.*.yaml` … → launch sites
 * for what a service's container starts. What the model follows (Compose specification,
 * compose-spec/compose-spec spec.md and build.md):
 *
 * - A service with `build:` (a context folder, or `context:`, `dockerfile:`, `target:`) runs the
 *   image that Dockerfile of the repository builds: its last stage, or `target:`. That image's PATH
 *   state is read from the Dockerfile (ENV PATH, the venvs it creates or copies in, WORKDIR); a
 *   Dockerfile that cannot be read, a base image the file cannot see (`FROM` another image: its
 *   PATH may hold the venv), a service that sets PATH itself (`environment:`, `env_file:`) or
 *   names an `image:` only is not judged.
 * - `entrypoint:` replaces the image's ENTRYPOINT, `command:` its CMD (the arguments of an
 *   ENTRYPOINT when the image or the service has one). A string is split as shlex does (no shell);
 *   a list is the argv as written. `sh -c '…'` runs its script in the shell model, with the image's
 *   PATH and its `/bin/sh`.
 * - The program is looked up on the container's PATH: a bare `python`, `pip` or console script is
 *   whatever the image's PATH gives; while the image holds a venv that is not first on PATH it
 *   escapes that venv (venv-not-on-path), and the fix names the venv's program by its path.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConfigSiteFacts, VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { unitsToWord } from '../../kernel/word-units.js';
import type { Word } from '../../kernel/word.js';
import { YAML_CONFIG_MAX_BYTES, configMayMatter, type Analysis, type FrontEnd } from '../front-end.js';
import { DEFAULT_PATH } from '../config/facts.js';
import { entrySuppressions, finishAnalysis, newCollected, runExecCommand, type Collected } from '../config/services.js';
import { field, isMapping, itemsOf, keyAt, linesOf, readCiYaml, scalarItem, scalarText, spanOf, type CiYaml, type Value } from '../config/ci-yaml.js';
import { shlexSplit } from '../supervisor/index.js';
import { replaceChars, type Char } from '../yaml-scalars.js';
import { parseDockerfile } from '../dockerfile/index.js';
import { imageStages, type ImageState } from '../dockerfile/image.js';
import { isParserTrap, ParserDamagedError } from '../tree-sitter.js';
import { TooComplexError } from '../../kernel/budgets.js';

const kindOf = (p: string): 'file' | 'folder' | undefined => {
  try {
    const st = fs.statSync(p);
    return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : undefined;
  } catch {
    return undefined;
  }
};

/** The image a service's `build:` makes from a Dockerfile of the repository, when it can be read. */
function builtImage(composeDir: string, build: Value | undefined): ImageState | undefined {
  const context = scalarText(build) ?? scalarText(field(build, 'context')) ?? (isMapping(build) ? '.' : undefined);
  if (context === undefined || context.includes('$') || /^[a-z]+:\/\//i.test(context) || context.startsWith('git@')) return undefined;
  if (isMapping(build) && field(build, 'dockerfile_inline') !== undefined) return undefined;
  const df = scalarText(field(build, 'dockerfile')) ?? 'Dockerfile';
  if (df.includes('$')) return undefined;
  const ctx = path.resolve(composeDir, context);
  const dockerfile = path.resolve(ctx, df);
  let text: string;
  try {
    if (fs.statSync(dockerfile).size > 2 * 1024 * 1024) return undefined;
    text = fs.readFileSync(dockerfile, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const stages = imageStages(path.relative(composeDir, dockerfile) || path.basename(dockerfile), parseDockerfile(text), ctx, () => undefined, kindOf);
    const target = scalarText(field(build, 'target'));
    return target === undefined ? stages[stages.length - 1] : stages.find((s) => s.describe.endsWith(`(stage ${target})`));
  } catch (e) {
    if (e instanceof TooComplexError) return undefined; // the Dockerfile's own check reports it
    throw e;
  }
}

/**
 * Compose interpolates a value before the container sees it: `$$` is a literal `$` (`$$(getconf
 * …)` reaches the shell as `$(getconf …)`, Airflow's own compose file), kept at its first `$`.
 * `$VAR` and `${VAR}` are filled from the environment or `.env`: left to the shell, where an
 * unknown variable reads the same.
 */
const uninterpolated = (cs: Char[]): Char[] => replaceChars(cs, /\$\$/g, '$$', () => ({ text: '$', at: true }));

/** A `command:`/`entrypoint:` value as argv: a string split as shlex does, or a list of words. */
function argvOf(y: CiYaml, v: Value | undefined, problems: { message: string; offset: number }[]): Word[] | undefined {
  const s = scalarItem(y, v);
  if (s) return shlexSplit(uninterpolated(s.chars), problems);
  const items = itemsOf(y, v);
  if (!items.length) return undefined;
  const out: Word[] = [];
  for (const it of items) {
    const w = scalarItem(y, it);
    if (!w) return undefined;
    out.push(unitsToWord(uninterpolated(w.chars), w.span));
  }
  return out;
}

export function analyzeCompose(file: SourceFile): Analysis {
  const suppressions: Suppressions = new Map();
  // Compose's own tags (!reset, !override) are read as plain YAML values.
  const y = readCiYaml(file);
  y.problems.splice(0, y.problems.length, ...y.problems.filter((p) => !/tag/i.test(p.message)));
  const problems = y.problems;
  const o: Collected = newCollected(file, 'compose');
  const composeDir = path.dirname(path.resolve(file.path));
  try {
    const services = field(y.root, 'services');
    if (isMapping(services)) {
      for (const [name, entry] of services.entries) {
        const svc = entry.value;
        if (!isMapping(svc) || field(svc, 'build') === undefined) continue;
        const env = field(svc, 'environment');
        const setsPath = isMapping(env) ? env.entries.has('PATH') : itemsOf(y, env).some((e) => /^PATH(=|$)/.test(scalarText(e) ?? ''));
        if (setsPath || field(svc, 'env_file') !== undefined) continue;
        const entrypoint = field(svc, 'entrypoint');
        const command = field(svc, 'command');
        if (entrypoint === undefined && command === undefined) continue;
        const image = builtImage(composeDir, field(svc, 'build'));
        if (!image) continue;
        let argv: Word[] | undefined;
        let key = 'entrypoint';
        if (entrypoint !== undefined) {
          argv = argvOf(y, entrypoint, problems);
          const args = command === undefined ? undefined : argvOf(y, command, problems);
          if (argv && args) argv = [...argv, ...args];
        } else if (image.entrypoint === undefined) {
          key = 'command';
          argv = argvOf(y, command, problems);
        }
        if (!argv || argv.length === 0) continue;
        const at = keyAt(svc, key) ?? 0;
        // An entrypoint's arguments from `command:` are part of the one command (`entrypoint: /bin/bash`,
        // `command: [-c, script]`): its span holds both, so the script's words keep their places.
        const spans = [spanOf(file, key === 'entrypoint' ? entrypoint : command), key === 'entrypoint' && command !== undefined ? spanOf(file, command) : undefined].filter((x) => x !== undefined);
        const valueSpan = spans.length ? { start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)) } : { start: at, end: at };
        const { first, last } = linesOf(file, { start: at, end: valueSpan.end });
        entrySuppressions(suppressions, file, first, last);
        const buildLine = linesOf(file, { start: keyAt(svc, 'build') ?? at, end: (keyAt(svc, 'build') ?? at) + 1 }).first;
        const venvs = new Map<string, VenvOrigin>();
        for (const v of image.venvs) venvs.set(v, { line: buildLine, how: 'created', where: `in ${image.describe}, the image this service builds` });
        const workingDir = scalarText(field(svc, 'working_dir'));
        const cwd = workingDir !== undefined && workingDir.startsWith('/') ? workingDir : image.workdir;
        const vars = new Map(image.vars);
        const envPath = vars.get('PATH') ?? DEFAULT_PATH;
        vars.delete('PATH');
        const unit = `the ${name} service's ${key}`;
        const facts: Omit<ConfigSiteFacts, 'venvOrigins'> = {
          form: 'exec',
          showVenv: (v) => v,
          unit,
          scope: `when the ${name} container starts`,
          persistAdvice: (venv) => `put it on the image's PATH (ENV PATH="${venv}/bin:$PATH" in ${image.describe}) or run ${venv}/bin/… in ${key}:`,
        };
        runExecCommand(argv, true, {
          file,
          language: 'compose',
          api: key,
          callSpan: valueSpan,
          order: first,
          envPath,
          execLookupOnEnvPath: true,
          cwd,
          vars,
          venvs,
          execFacts: facts,
          shellFacts: { ...facts, form: 'shell' },
          group: svc,
          shHasSource: image.shHasSource,
        }, o);
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError) throw e;
    problems.push({ message: `internal error while analysing the services: ${(e as Error).message}`, offset: 0 });
  }
  o.problems.push(...problems);
  return finishAnalysis(o, suppressions);
}

export const composeFrontEnd: FrontEnd = {
  language: 'compose',
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    // `docker-compose-dev.yml` and `compose-tests.yml` too: real repositories name variants both ways.
    return /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(path.posix.basename(p.replace(/\\/g, '/')));
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzeCompose(file));
  },
};
