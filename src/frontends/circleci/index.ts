/**
 * CircleCI front end: `.circleci/config.yml` → launch sites. What the model follows (CircleCI
 * configuration reference, circleci.com/docs/configuration-reference):
 *
 * - `jobs:` → each job's `steps:` run in order in one container, in `working_directory` (the
 *   checkout, `~/project` by default): files (venvs) stay for the later steps; each `run:` step is a
 *   shell of its own (`run: cmd`, or `run: {command:, environment:, shell:, working_directory:}`).
 *   Jobs do not share state (workspaces and caches that may carry a venv are not followed).
 * - The default shell is `/bin/bash -eo pipefail` (`/bin/sh -eo pipefail` where the image has no
 *   bash: busybox ash, which has `source`); `shell:` on the job or the step names another.
 * - `$BASH_ENV` is sourced by bash at the start of every later step: a line appended to it
 *   (`echo 'export PATH=DIR:$PATH' >> $BASH_ENV`, `echo 'source venv/bin/activate' >> $BASH_ENV`,
 *   `echo ". venv/bin/activate" >> "$BASH_ENV"`) puts that folder first on PATH for them.
 * - `environment:` on the job and the step; Windows and macOS executors: Windows jobs
 *   (`machine: image: windows-…`, an executor named `win/…`) are not read.
 * - A reusable command of the file's own `commands:` used as a step (`- run_integration_tests`,
 *   `- install: {python: "3.11"}`) runs its `steps:` there, in the job's container, nested
 *   commands too (at most MAX_COMMAND_DEPTH deep; a command that uses itself stops there); its
 *   `<< parameters.x >>` are values not known. Orb commands (`python/install-packages`) are not
 *   expanded: what they do is not in the file.
 * - `<< parameters.x >>` and `<< pipeline.… >>` are filled in as text before the shell sees the
 *   step: here a value not known (`<< parameters.test-params >>` is no here-document), and the
 *   `<<# parameters.x >>` … `<</ parameters.x >>` markers of a boolean parameter's text go.
 */
import path from 'node:path';
import type { SourceFile } from '../../kernel/source.js';
import { YAML_CONFIG_MAX_BYTES, configMayMatter, type Analysis, type FrontEnd } from '../front-end.js';
import { activationBinOf, echoed, pathPrefixOf, runCiJobs, type CiFormat, type CiJob, type CiStep } from '../config/ci-steps.js';
import { envOf, field, isMapping, itemsOf, keyAt, linesOf, readCiYaml, scalarItem, scalarText, spanOf, type Value } from '../config/ci-yaml.js';
import { DEFAULT_PATH, UNKNOWN } from '../config/facts.js';
import { inArithmetic, replaceChars, type Char } from '../yaml-scalars.js';
import { resolveDir } from '../shell/state.js';
import { isParserTrap, ParserDamagedError } from '../tree-sitter.js';
import { TooComplexError } from '../../kernel/budgets.js';

/** The job's working_directory (the checkout); venvs are kept as absolute paths under it. */
const WS = '/__circleci_project__';
const HOME = '/__circleci_home__';

const FORMAT: CiFormat = {
  language: 'circleci',
  comments: { line: '#', trailing: '#' },
  workspace: WS,
  home: HOME,
  unit: 'this run step',
  persistAdvice: (venv, show) => `append its activation to $BASH_ENV (echo 'source ${show(venv).startsWith('/') || show(venv).startsWith('$') ? show(venv) : `$CIRCLE_WORKING_DIRECTORY/${show(venv)}`}/bin/activate' >> "$BASH_ENV") so that later steps start with it`,
  pathWrite(cmd, valueOf, rest, sh) {
    if (!/>>\s*("?)\$(?:BASH_ENV|\{BASH_ENV\})\1/.test(rest)) return undefined;
    const echo = echoed(cmd, valueOf);
    if (echo === undefined) return undefined;
    // The line is read when bash sources $BASH_ENV: a `~` the quotes kept from echo is expanded then
    // (fairscale's `echo ". ~/venv/bin/activate" >> $BASH_ENV`).
    const line = echo.replace(/(^|[\s=:])~(?=\/|$)/g, `$1${HOME}`);
    const bin = activationBinOf(line, sh.cwd);
    if (bin !== undefined) return [bin];
    return pathPrefixOf(line.replace(/\$\{?PATH\}?/g, '$PATH'), sh.cwd) ?? [];
  },
  normalizePath: (p) => p.replace(/\$\{?CIRCLE_WORKING_DIRECTORY\}?(?![A-Za-z0-9_])/g, WS),
};

/**
 * CircleCI's own template syntax in a step (configuration reference, "Pipeline values and
 * parameters"): `<< parameters.x >>`, `<< pipeline.parameters.x >>`, `<< pipeline.git.branch >>` …
 * become a value not known here (a number inside `$(( … ))`); the section markers of a boolean
 * parameter, `<<# parameters.x >>`, `<</ parameters.x >>` and `<<^ parameters.x >>`, go. The
 * substituted text keeps the offsets of the characters around it.
 */
const TEMPLATE = /<<\s*([#^/]?)\s*(?:pipeline|parameters)\.[\w.-]+\s*>>/g;

const fillTemplates = (cs: Char[]): Char[] =>
  replaceChars(cs, TEMPLATE, '<<', (m, s) => ({ text: m[1] ? '' : inArithmetic(s, m.index!) ? '0' : UNKNOWN, at: true }));

/** Images known to have no bash (busybox ash as /bin/sh, which has `source`). */
const lacksBash = (image: string) => /(^|\/)(alpine|busybox)(:|$)|[:-]alpine/.test(image);

/** How deep reusable commands are expanded inside each other. */
const MAX_COMMAND_DEPTH = 8;

/**
 * A job's steps with each use of the file's own reusable commands replaced by that command's steps
 * (see the module comment), in order.
 */
function* expandedSteps(y: ReturnType<typeof readCiYaml>, list: readonly Value[], commands: Value | undefined, using: readonly string[] = []): Generator<Value> {
  for (const step of list) {
    const name = scalarText(step) ?? (isMapping(step) && step.entries.size === 1 ? [...step.entries.keys()][0] : undefined);
    const command = name === undefined || name === 'run' ? undefined : field(commands, name);
    if (command === undefined) {
      yield step;
      continue;
    }
    if (using.includes(name!) || using.length >= MAX_COMMAND_DEPTH) continue;
    yield* expandedSteps(y, itemsOf(y, field(command, 'steps')), commands, [...using, name!]);
  }
}

export function analyzeCircleci(file: SourceFile): Analysis {
  const y = readCiYaml(file);
  const jobs: CiJob[] = [];
  const lineOf = (off: number) => file.location(Math.min(off, file.text.length)).line;
  try {
    const root = y.root;
    const commands = field(root, 'commands');
    const jobsMap = field(root, 'jobs');
    if (isMapping(jobsMap)) {
      for (const [, entry] of jobsMap.entries) {
        const job = entry.value;
        if (!isMapping(job)) continue;
        const machineImage = scalarText(field(field(job, 'machine'), 'image')) ?? '';
        const executor = scalarText(field(job, 'executor')) ?? scalarText(field(field(job, 'executor'), 'name')) ?? '';
        if (/windows/i.test(machineImage) || /^win\//.test(executor) || /windows/i.test(executor)) continue;
        const macos = field(job, 'macos') !== undefined;
        const image = scalarText(field(itemsOf(y, field(job, 'docker'))[0], 'image')) ?? '';
        const jobShell = scalarText(field(job, 'shell'));
        const jobEnv = envOf(field(job, 'environment'));
        const wd = scalarText(field(job, 'working_directory'));
        const jobCwd = wd === undefined ? WS : resolveDir(wd.replace(/^~\/project(?=\/|$)/, WS).replace(/^~(?=\/|$)/, HOME), WS) ?? WS;
        const list = [...expandedSteps(y, itemsOf(y, field(job, 'steps')), commands)];
        // Each step read as it runs, not all held at once (see CiJob).
        function* steps(): Generator<CiStep> {
          try {
            for (const step of list) {
              const runValue = field(step, 'run');
              if (runValue === undefined) continue;
              const command = isMapping(runValue) ? field(runValue, 'command') : runValue;
              const raw = scalarItem(y, command);
              if (!raw) continue;
              const item = { ...raw, chars: fillTemplates(raw.chars) };
              const shell = (isMapping(runValue) ? scalarText(field(runValue, 'shell')) : undefined) ?? jobShell;
              const shellProg = shell === undefined ? (lacksBash(image) && !macos ? 'sh' : 'bash') : path.posix.basename(shell.trim().split(/\s+/)[0]);
              if (!/^(bash|sh|dash|zsh)$/.test(shellProg)) continue; // python, powershell …: not a POSIX shell script
              const env = new Map(jobEnv);
              for (const [k, v] of envOf(isMapping(runValue) ? field(runValue, 'environment') : undefined)) env.set(k, v);
              if (env.has('PATH')) env.set('PATH', env.get('PATH')!.replace(/\$\{?PATH\}?/g, DEFAULT_PATH));
              const swd = isMapping(runValue) ? scalarText(field(runValue, 'working_directory')) : undefined;
              const cwd = swd === undefined ? jobCwd : resolveDir(swd.replace(/^~(?=\/|$)/, HOME), jobCwd);
              const stepSpan = spanOf(file, step) ?? item.span;
              const k = keyAt(step, 'run') ?? stepSpan.start;
              const { first, last } = linesOf(file, { start: Math.min(stepSpan.start, k), end: Math.max(stepSpan.end, item.span.end) });
              const dialect = shellProg === 'bash' || shellProg === 'zsh' ? 'bash' : 'sh';
              yield {
                api: 'run',
                items: [item],
                lines: { first, last, above: [lineOf(stepSpan.start) - 1, lineOf(k) - 1] },
                dialect,
                // sh here is busybox ash (an image without bash) or the agent's: `source` is not claimed to fail.
                shHasSource: true,
                shellName: shell?.trim().split(/\s+/)[0] ?? (dialect === 'bash' ? '/bin/bash' : '/bin/sh'),
                env,
                cwd,
              };
            }
          } catch (e) {
            if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError) throw e;
            y.problems.push({ message: `internal error while analysing the configuration: ${(e as Error).message}`, offset: 0 });
          }
        }
        if (list.some((step) => field(step, 'run') !== undefined)) jobs.push({ steps: steps() });
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError) throw e;
    y.problems.push({ message: `internal error while analysing the configuration: ${(e as Error).message}`, offset: 0 });
  }
  return runCiJobs(file, FORMAT, jobs, y.problems);
}

export const circleciFrontEnd: FrontEnd = {
  language: 'circleci',
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    return /(^|\/)\.circleci\/config\.ya?ml$/.test(p.replace(/\\/g, '/'));
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzeCircleci(file));
  },
};
