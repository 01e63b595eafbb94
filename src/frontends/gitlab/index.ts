/**
 * GitLab CI front end: `.gitlab-ci.yml` (and `*.gitlab-ci.yml`) → launch sites, with the state
 * GitLab Runner really keeps. What the model follows (CI/CD YAML syntax reference,
 * https://docs.gitlab.com/ci/yaml/, and GitLab's config loader lib/gitlab/ci/config.rb):
 *
 * - A job is a top-level mapping whose name is not a global keyword and does not start with `.`
 *   (hidden jobs are templates: never run themselves, but `extends:`, YAML anchors / `<<: *x`
 *   merges and `!reference` tags pull them in).
 * - `before_script` and `script` "are concatenated … The combined scripts execute together in a
 *   single shell" (reference, `before_script`): one shell session, activation in before_script
 *   lasts into script. `after_script` commands "execute in a new shell, separate from any
 *   before_script or script commands", with the working directory set back to the default and
 *   without "variables exported in script" or "changes outside of the working tree" (reference,
 *   `after_script`): a second session that starts from the job's variables again; venvs created
 *   outside the project directory are not assumed to exist there.
 * - `default:` (and the deprecated top-level `before_script`/`after_script`/`image`) fill in what a
 *   job does not define — no merging (reference, `default`); `inherit:default` / `inherit:variables`
 *   limit that. `extends:` (one name or a list) deep-merges hashes and replaces everything else,
 *   bases in order, then the job on top ("closest scope wins", yaml_optimization.md "Merge
 *   details"; Extendable::Entry#extend!). `!reference [job, key, …]` is resolved after `extends`
 *   (Config#build_config: includes → Extendable → Tags::Resolver), nested up to 10 levels; a target
 *   that is not in this file (an `include:`) is unknown, not an error: from there on in that shell,
 *   no venv is assumed to be known.
 * - `variables:` (global, then job) set the environment; values may use other variables, which
 *   GitLab expands. `PATH` there is the shell's starting PATH (`$PATH` in it stands for the
 *   image's default), `VIRTUAL_ENV` there is recorded as `facts.virtualEnv`.
 * - Jobs do not share state: each runs in its own fresh environment, so a venv created in one job
 *   is not known in another (artifacts and caches that might carry one are not modelled).
 * - The script runs in the image's shell: GitLab Runner's shell detection execs the first of bash
 *   and sh it finds (BashDetectShellScript, gitlab-runner shells/bash.go), so bash unless the image
 *   is known to have no bash (alpine, busybox, the alpine-based docker images). Windows jobs
 *   (PowerShell) are not analysed.
 *
 * reader.ts resolves the YAML as GitLab does (merge keys, `extends:`, `!reference`); this module is
 * the model and the host declaration. Script lines are mapped back to the file character by
 * character (../yaml-scalars.ts).
 */
import path from 'node:path';
import type { Document, Node as YamlNode, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { LaunchSite, ProgramRewriter, ConfigSiteFacts, VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { wordSourceSpan, wordText, type Word } from '../../kernel/word.js';
import { binSeenFrom, ConfigRun, isUnder, programRewriter, shownUnder, shownVia } from '../config/driver.js';
import { DEFAULT_PATH, UNKNOWN } from '../config/facts.js';
import { YAML_CONFIG_MAX_BYTES, configMayMatter, type FrontEnd } from '../front-end.js';
import type { ShellDialect } from '../shell/parse.js';
import { resolveDir } from '../shell/state.js';
import { pushAll, unitsToWord } from '../../kernel/word-units.js';
import { checkYamlNesting, isMap, isScalar, isSeq, parseLenient, replaceChars, scalarChars, yaml, yamlErrors, type Char } from '../yaml-scalars.js';
import { Config, isMapping, scalarText, trimmedSpan, type Entry, type Mapping, type Value } from './reader.js';
import { isParserTrap, ParserDamagedError } from '../tree-sitter.js';
import { TooComplexError, YAML_EXPANDED_CHARS } from '../../kernel/budgets.js';

/** Where the runner checks the project out ($CI_PROJECT_DIR); venvs are kept as absolute paths under it. */
const PROJECT_DIR = '/builds/project';

/** A stand-in for the job's $HOME (and `~`): the same folder in every part of the job, its real value unknown. */
const HOME = '/builds/.home';

/** `.venv` for a venv in the project directory, `$HOME/venv` under $HOME, the absolute path otherwise. */
export const showVenv = shownVia([[HOME, '$HOME']], shownUnder(PROJECT_DIR));

/** Top-level keys that are not jobs (global keywords, and the deprecated global job defaults). */
const GLOBAL_KEYWORDS = new Set(['default', 'include', 'stages', 'types', 'variables', 'workflow', 'spec', 'image', 'services', 'cache', 'before_script', 'after_script']);

/** Job keywords that may still be set at the top level (deprecated: `default:` is the way now). */
const DEPRECATED_GLOBALS = new Set(['image', 'services', 'cache', 'before_script', 'after_script']);

/** A stand-in command for a `!reference` whose target is not in this file: it may do anything. */
const UNKNOWN_SNIPPET = '__venvguard_unknown_reference__';

// ---------------------------------------------------------------------------------------------
// Jobs

type Section = 'before_script' | 'script' | 'after_script';

interface ScriptItem {
  chars: Char[];
  /** The scalar's extent in the file (trailing line break and blanks excluded). */
  span: Span;
  section: Section;
}

interface VariableValue {
  raw: string;
  expand: boolean;
  span?: Span;
}
/** Images known to have no bash: GitLab Runner's shell detection then execs sh. */
function imageLacksBash(image: string): boolean {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', slash + 1);
  const repo = (colon < 0 ? noDigest : noDigest.slice(0, colon)).slice(slash + 1).toLowerCase();
  const tag = colon < 0 ? '' : noDigest.slice(colon + 1).toLowerCase();
  if (repo === 'alpine' || repo === 'busybox' || /(^|[-_.])alpine/.test(tag)) return true;
  // The official docker images (docker:27, docker:dind, docker:cli) are alpine-based.
  return repo === 'docker' && (slash < 0 || noDigest.startsWith('docker.io/') || noDigest.startsWith('library/')) && !/windows/.test(tag);
}

/** Replaces the program word with the venv's, relative to the job's folder when in the project. */
function venvRewriter(file: SourceFile, program: Word, venv: string, cwd: string | undefined): ProgramRewriter | undefined {
  if (isUnder(venv, HOME)) return undefined; // no literal path names it on every runner
  const bin = binSeenFrom(venv, cwd, PROJECT_DIR);
  return bin === undefined ? undefined : programRewriter(file, program, bin);
}

export function analyzeGitlab(file: SourceFile): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
  const src = file.text;
  const run = new ConfigRun(file, { language: 'gitlab-ci', comments: { line: '#', trailing: '#' } });
  const lineOf = (off: number) => file.location(Math.min(off, src.length)).line;
  /** The last line of a node's own text (`from` when it has none). */
  const lastLine = (node: unknown, from: number) => {
    const range = (node as YamlNode | undefined)?.range;
    return lineOf(Math.max(from, range ? trimmedSpan(src, node as YamlNode).end - 1 : from));
  };
  /** A suppression comment on the line above `at`, for the lines from..to. */
  const suppressFromLineAbove = (at: number, from: number, to: number) => run.suppress(from, to, { above: [lineOf(at) - 1], trailingFrom: Infinity });

  // A header document (`spec:` … `---`) comes before the configuration.
  checkYamlNesting(src);
  const docs = parseLenient(src, (t) => yaml().parseAllDocuments(t, { prettyErrors: false, uniqueKeys: false }));
  const all: Document.Parsed[] = [...docs];
  // A stream with no document carries its errors itself.
  const streamErrors = 'empty' in docs ? docs.errors : [];
  for (const e of yamlErrors([...streamErrors, ...all.flatMap((d) => d.errors)])) run.problem(`YAML: ${e.message.split('\n')[0]}`, e.pos[0]);
  const isHeader = (d: Document.Parsed) => isMap(d.contents) && (d.contents as YAMLMap).items.some((p) => scalarText(p.key) === 'spec');
  const doc = all.length > 1 && isHeader(all[0]) ? all[1] : all[0];

  try {
    if (doc) analyzeConfig(new Config(doc, run.meter));
  } catch (e) {
    // A parser trap is the file's, not a part of it: the checker reports it and rebuilds the parser.
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError) throw e;
    run.problem(`internal error while analysing the pipeline: ${(e as Error).message}`, 0);
  }

  function analyzeConfig(cfg: Config) {
    const root = cfg.root;
    if (!root) return;
    const rootEntries = root.entries;
    const top = (k: string) => cfg.resolved(root.entries.get(k)?.value);
    const defaults = top('default');

    /**
     * Script lines of a `script:`-like value: a string, or a list nested up to 10 levels (anchors,
     * `!reference`). Aliases of aliases multiply (four aliases of four aliases … make 4^n lines out
     * of a few): the aliases followed and the text collected are charged to the file's budgets.
     */
    const collect = (v: Value | undefined, section: Section, out: (ScriptItem | 'unknown')[], depth: number, chain: readonly YAMLSeq[]) => {
      if (v === undefined) {
        out.push('unknown');
        return;
      }
      if (v === null || isMapping(v) || depth > 12) return;
      if (isSeq(v)) {
        if (v.tag === '!reference') {
          collect(cfg.reference(v, chain), section, out, depth + 1, [...chain, v]);
          return;
        }
        for (const item of v.items) collect(cfg.valueOf(item, 0), section, out, depth + 1, chain);
        return;
      }
      if (!isScalar(v) || !v.range) return;
      run.meter.charge(YAML_EXPANDED_CHARS, String(v.value).length);
      const chars = typeof v.value === 'string' ? scalarChars(src, v as Scalar) : [...String(v.value)].map((ch) => ({ ch, off: -1 }));
      out.push({ chars, span: trimmedSpan(src, v), section });
    };

    const variablesOf = (v: Value | undefined): Map<string, VariableValue> => {
      const out = new Map<string, VariableValue>();
      const m = cfg.resolved(v);
      if (!isMapping(m)) return out;
      for (const [name, e] of m.entries) {
        let value = cfg.resolved(e.value);
        let expand = true;
        if (isMapping(value)) {
          // `NAME: {value: …, description: …, expand: false}`
          expand = scalarText(value.entries.get('expand')?.value) !== 'false';
          value = cfg.resolved(value.entries.get('value')?.value);
        }
        const raw = scalarText(value);
        const span = e.key?.range && isScalar(value) && value.range ? { start: e.key.range[0], end: trimmedSpan(src, value).end } : undefined;
        out.set(name, raw === undefined ? { raw: UNKNOWN, expand: false, span } : { raw, expand, span });
      }
      return out;
    };

    const globalVariables = variablesOf(top('variables'));
    for (const [name, entry] of root.entries) {
      if (GLOBAL_KEYWORDS.has(name) || name.startsWith('.')) continue;
      const job = cfg.extended(name);
      if (!isMapping(job) || !job.entries.has('script')) continue;
      analyzeJob(entry, job);
    }

    function analyzeJob(entry: Entry, job: Mapping) {
      // inherit:default / inherit:variables: true (the default), false, or a list of names.
      const inherit = cfg.resolved(job.entries.get('inherit')?.value);
      const inherits = (what: 'default' | 'variables', key: string) => {
        const v = isMapping(inherit) ? cfg.resolved(inherit.entries.get(what)?.value) : undefined;
        if (v === undefined || v === null) return true;
        if (isScalar(v)) return String(v.value) !== 'false';
        return isSeq(v) && cfg.names(v).includes(key);
      };
      /** A job keyword, else `default:`'s, else the deprecated top-level one. */
      const keyword = (key: string): { value: Value | undefined; key?: Scalar } | undefined => {
        const own = job.entries.get(key);
        if (own) return own;
        if (!inherits('default', key)) return undefined;
        return (isMapping(defaults) ? defaults.entries.get(key) : undefined) ?? (DEPRECATED_GLOBALS.has(key) ? rootEntries.get(key) : undefined);
      };

      // The image and its shell.
      const img = cfg.resolved(keyword('image')?.value);
      const imageName = scalarText(isMapping(img) ? cfg.resolved(img.entries.get('name')?.value) : img) ?? '';
      const tags = cfg.resolved(keyword('tags')?.value);
      const tagText = isSeq(tags) ? cfg.names(tags).join(' ') : (scalarText(tags) ?? '');
      if (/windows|servercore|nanoserver/i.test(`${imageName} ${tagText}`)) return; // PowerShell: not analysed
      const dialect: ShellDialect = imageName && imageLacksBash(imageName) ? 'sh' : 'bash';
      const shellName = dialect === 'sh' ? '/bin/sh' : 'bash';

      // Variables: global (unless inherit:variables says otherwise), then the job's own.
      const vars = new Map<string, VariableValue>();
      for (const [k, v] of globalVariables) if (inherits('variables', k)) vars.set(k, v);
      for (const [k, v] of variablesOf(job.entries.get('variables')?.value)) vars.set(k, v);
      const expanded = new Map<string, string>();
      const expand = (k: string, seen: Set<string>): string => {
        const v = vars.get(k);
        if (!v) return UNKNOWN;
        if (!v.expand || v.raw.includes(UNKNOWN)) return v.raw;
        return v.raw.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_all, a?: string, b?: string) => {
          const ref = a ?? b;
          if (ref === undefined) return '$';
          if (ref === 'PATH' && k === 'PATH') return DEFAULT_PATH;
          if (ref === 'CI_PROJECT_DIR') return PROJECT_DIR;
          if (ref === 'CI_BUILDS_DIR') return path.posix.dirname(PROJECT_DIR);
          if (!vars.has(ref) || seen.has(ref)) return UNKNOWN;
          return expand(ref, new Set([...seen, ref]));
        });
      };
      for (const k of vars.keys()) expanded.set(k, expand(k, new Set([k])));
      const startPath = expanded.get('PATH') ?? DEFAULT_PATH;
      const shellVars = new Map(expanded);
      shellVars.delete('PATH');
      shellVars.set('CI_PROJECT_DIR', PROJECT_DIR);
      if (!shellVars.has('HOME')) shellVars.set('HOME', HOME);
      let virtualEnv: ConfigSiteFacts['virtualEnv'];
      const ve = expanded.get('VIRTUAL_ENV');
      const veSpan = vars.get('VIRTUAL_ENV')?.span;
      if (ve !== undefined && veSpan && !ve.includes(DEFAULT_PATH)) {
        const dir = resolveDir(ve, PROJECT_DIR);
        if (dir) virtualEnv = { venv: dir, span: veSpan };
      }

      // The two shells.
      const itemsOf = (section: Section, e: { value: Value | undefined } | undefined, out: (ScriptItem | 'unknown')[]) => {
        if (e) collect(e.value, section, out, 0, []);
      };
      const mainItems: (ScriptItem | 'unknown')[] = [];
      itemsOf('before_script', keyword('before_script'), mainItems);
      itemsOf('script', job.entries.get('script'), mainItems);
      const afterItems: (ScriptItem | 'unknown')[] = [];
      itemsOf('after_script', keyword('after_script'), afterItems);

      // Suppressions: a comment on a script line or on the comment line above it, above the
      // section's key, or above the job's key.
      const jobKey = entry.key;
      for (const it of [...mainItems, ...afterItems]) {
        if (it === 'unknown') continue;
        run.suppress(lineOf(it.span.start), lineOf(Math.max(it.span.start, it.span.end - 1)));
      }
      const jobEnd = lastLine(entry.node, jobKey?.range?.[0] ?? 0);
      if (jobKey?.range) suppressFromLineAbove(jobKey.range[0], lineOf(jobKey.range[0]), jobEnd);
      for (const section of ['before_script', 'script', 'after_script'] as const) {
        const own = job.entries.get(section);
        const k = own?.key;
        if (!own || !k?.range || !jobKey?.range || k.range[0] < jobKey.range[0] || lineOf(k.range[0]) > jobEnd) continue; // a template's key
        suppressFromLineAbove(k.range[0], lineOf(k.range[0]), Math.min(lastLine(own.node, k.range[0]), jobEnd));
      }

      const venvs = new Map<string, VenvOrigin>();
      const activation = (venv: string) => `${dialect === 'sh' ? '.' : 'source'} ${showVenv(venv)}/bin/activate`;
      const hasAfter = afterItems.length > 0;
      const keyAt = jobKey?.range?.[0] ?? 0;
      const group = {};

      const runShell = (items: (ScriptItem | 'unknown')[], which: 'main' | 'after') => {
        if (items.length === 0) return;
        const real = items.filter((i): i is ScriptItem => i !== 'unknown');
        const chars: Char[] = [];
        items.forEach((it, i) => {
          if (i > 0) chars.push({ ch: '\n', off: -1 });
          if (it === 'unknown') for (const ch of UNKNOWN_SNIPPET) chars.push({ ch, off: -1 });
          else pushAll(chars, withoutInputs(it.chars));
        });
        // The shell's identity while it runs (the side-venv test groups by it); each site is
        // anchored at its own script line afterwards.
        const shellSpan: Span = which === 'main' ? { start: keyAt, end: keyAt } : { start: keyAt + 1, end: keyAt + 1 };
        const sectionAt = (off: number): Section => real.find((it) => off >= it.span.start && off < it.span.end)?.section ?? (which === 'main' ? 'script' : 'after_script');
        const shellVenvs = which === 'main' ? venvs : new Map([...venvs].filter(([v]) => isUnder(v, PROJECT_DIR)));
        let unknownFromHere = false;
        const facts: Omit<ConfigSiteFacts, 'venvOrigins'> =
          which === 'main'
            ? {
                form: 'shell',
                showVenv,
                shellName,
                virtualEnv,
                unit: "this job's script",
                scope: 'in this job',
                persistAdvice: (venv) =>
                  `activate it with "${activation(venv)}" after the command that creates it and before the commands that use it (before_script and script run in one shell)` +
                  (hasAfter ? '; after_script runs in a new shell and needs its own activation' : ''),
              }
            : {
                form: 'shell',
                showVenv,
                shellName,
                virtualEnv,
                unit: 'after_script',
                scope: 'in after_script (a new shell)',
                persistAdvice: (venv) => `activate it again at the start of after_script ("${activation(venv)}"): after_script runs in a new shell, without what before_script and script did`,
              };
        run.shell({
          api: which === 'main' ? 'script' : 'after_script',
          callSpan: shellSpan,
          order: which === 'main' ? 1 : 2,
          group,
          dialect,
          // The images without bash here (Alpine, busybox, docker) use busybox ash, which has `source`.
          shHasSource: true,
          path: startPath,
          cwd: PROJECT_DIR,
          vars: shellVars,
          venvs: shellVenvs,
          originAt: (at) => ({ line: lineOf(at), how: 'created', where: `in ${sectionAt(at)}`, offset: at }),
          facts,
          normalizePath: (p) => p.replace(/\$\{?CI_PROJECT_DIR\}?/g, PROJECT_DIR).replace(/\$\{?HOME\}?(?![A-Za-z0-9_])/g, HOME),
          rewriter: (program, venv, cwd) => venvRewriter(file, program, venv, cwd),
          intercept: (cmd) => {
            if (cmd.words[0] === undefined || wordText(cmd.words[0]) !== UNKNOWN_SNIPPET) return false;
            unknownFromHere = true;
            return true;
          },
          onSite: (site) => {
            // After a snippet we cannot see, which venvs exist and what PATH holds is unknown.
            if (unknownFromHere) site.env.knownVenvs = [];
          },
          // Every site at its own script line: findings, suppressions and fixes are per line.
          anchor: (site) => {
            const at = site.argv.map((w) => wordSourceSpan(w)?.start).find((o) => o !== undefined);
            const item = at === undefined ? undefined : real.find((it) => at >= it.span.start && at < it.span.end);
            return item?.span ?? real[0]?.span ?? site.callSpan;
          },
        }, unitsToWord(chars, shellSpan));
      };
      runShell(mainItems, 'main');
      runShell(afterItems, 'after');
    }

  }

  return run.finish();
}

/** `$[[ inputs.name ]]` (spec:inputs interpolation): an unknown value to the shell. */
function withoutInputs(cs: Char[]): Char[] {
  return replaceChars(cs, /\$\[\[[^\]]*\]\]/g, '$[[', () => ({ text: 'GLINPUT', at: true }));
}


export const gitlabFrontEnd: FrontEnd = {
  language: 'gitlab-ci',
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    // Only the names GitLab gives its pipeline file: included files are plain YAML we cannot tell apart.
    const base = path.posix.basename(p.replace(/\\/g, '/'));
    return base === '.gitlab-ci.yml' || base.endsWith('.gitlab-ci.yml');
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: ReturnType<typeof analyzeGitlab>) => T): T {
    return use(analyzeGitlab(file));
  },
};
