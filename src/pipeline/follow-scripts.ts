/**
 * Configuration one step further (issue 12): a command of a configuration file that runs a shell
 * script of the repository (`./scripts/ci.sh`, `bash tools/build.sh`, `sh -e x.sh`, `. ./env.sh`)
 * runs it with its own PATH and venvs: a workflow step after `python -m venv .venv`, a `RUN` after
 * the image built `/opt/venv`, a recipe line whose target made the venv. After the check, such a
 * script is analysed again from each distinct caller state (the venvs in scope, the one on PATH,
 * the folder, the shell named), and what that finds beyond the script's own stand-alone findings
 * is added to the script's results: at the script's line, the caller named in the message and as
 * a related location. A finding the stand-alone analysis already has at the same place (same
 * rule, same span) is not repeated; no fix is offered for the added ones (the script is shared by
 * its callers, and a program path right for one caller's folder need not be for another's).
 *
 * Bounded: only scripts the run checks, only callers whose text names one of them, each script
 * once per distinct caller state, scripts the followed one runs in turn up to FOLLOW_DEPTH, never
 * a script already on the chain, and at most FOLLOW_RUNS analyses per run.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic, RelatedLocation } from '../kernel/diagnostic.js';
import type { Language, LaunchSite, VenvOrigin } from '../kernel/launch-site.js';
import { SourceFile } from '../kernel/source.js';
import { wordText } from '../kernel/word.js';
import { frontEndByLanguage } from '../frontends/index.js';
import { loadParsers, parsersDamaged } from '../frontends/tree-sitter.js';
import { DEFAULT_PATH } from '../frontends/config/facts.js';
import { analyzeShellScript, type ScriptCaller } from '../frontends/shell-script/index.js';
import type { ShellDialect } from '../frontends/shell/parse.js';
import { diagnose, type DiagnoseContext } from './diagnose.js';
import { readConfigText } from './config.js';
import type { FileCheckResult } from './check-file.js';
import { findingsOf } from './packed.js';
import { STAND_IN_ROOT } from '../kernel/stand-ins.js';

/** Scripts run by a followed script are followed this many steps from the configuration. */
export const FOLLOW_DEPTH = 3;
/** Analyses of followed scripts in one run. */
export const FOLLOW_RUNS = 500;

/** One script run with one caller state. */
interface Run {
  script: string;
  caller: ScriptCaller;
  /** `.github/workflows/ci.yml:12`, for messages. */
  label: string;
  related: RelatedLocation;
  depth: number;
  chain: readonly string[];
}

/** How a command runs a script: the path word, and the shell it names. */
function scriptWord(site: LaunchSite): { word: string; dialect?: ShellDialect } | undefined {
  const words = site.argv.map((w) => wordText(w));
  const w0 = words[0];
  if (w0 === undefined) return undefined;
  const base = path.posix.basename(w0);
  let i = 0;
  let dialect: ShellDialect | undefined;
  if (/^(sh|bash|dash)$/.test(base)) {
    dialect = base === 'bash' ? 'bash' : 'sh';
    for (i = 1; i < words.length; i++) {
      const a = words[i];
      if (a === undefined) return undefined;
      if (a === '--') {
        i++;
        break;
      }
      if (!a.startsWith('-') && !a.startsWith('+')) break;
      if (/^-[a-zA-Z]*c/.test(a) && !a.startsWith('--')) return undefined; // `sh -c '…'`: the shell model's own
      if (/^[-+][oO]$/.test(a)) i++;
    }
  } else if (w0 === 'source' || w0 === '.') i = 1;
  const word = words[i];
  if (word === undefined || word === '') return undefined;
  // A bare name runs from PATH (`deploy.sh`), not from the repository; `sh x.sh` and `. x.sh` read the file.
  if (i === 0 && !word.includes('/')) return undefined;
  if (/(^|\/)bin\/activate$/.test(word)) return undefined;
  return { word, dialect };
}

/** A script path of a command → the repository's script it names (relative to `dirs`, or an absolute path's tail under the root). */
function resolveScript(word: string, dirs: readonly string[], root: string, scripts: ReadonlyMap<string, number>): string | undefined {
  if (path.isAbsolute(word)) {
    if (scripts.has(path.normalize(word))) return path.normalize(word);
    // `/app/scripts/build.sh` in an image, `/srv/app/bin/run.sh` of a unit: the longest tail in the repository.
    const parts = word.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const c = path.join(root, ...parts.slice(i));
      if (scripts.has(c)) return c;
    }
    return undefined;
  }
  for (const d of dirs) {
    const c = path.resolve(d, word);
    if (scripts.has(c)) return c;
  }
  return undefined;
}

/** The folder the caller runs in, as a real folder of the repository when the shell model knows it (a stand-in root is the caller's folder). */
function callerDirs(site: LaunchSite, callerDir: string, root: string): string[] {
  const cwd = site.config?.cwd;
  const dirs: string[] = [];
  const standIn = cwd === undefined ? undefined : STAND_IN_ROOT.exec(cwd)?.[0];
  if (standIn !== undefined && cwd!.length > standIn.length) dirs.push(path.join(callerDir, cwd!.slice(standIn.length)));
  dirs.push(callerDir, root);
  return dirs;
}

/** The caller state a site runs a script with; undefined when following adds nothing (no venv in scope) or PATH is not the inherited one. */
function callerState(site: LaunchSite, dialect: ShellDialect | undefined, scope: string, shown: (p: string) => string): ScriptCaller | undefined {
  const facts = site.config;
  if (!facts || facts.activation || site.env.path.kind !== 'inherited') return undefined;
  const known = site.env.knownVenvs ?? [];
  if (known.length === 0) return undefined;
  const active = site.env.activeVenv;
  // An environment the file cannot see (conda's, a $VIRTUAL_ENV guard's) is first on PATH: names are its.
  if (active !== undefined && !active.startsWith('/')) return undefined;
  const callerFile = shown(site.file.path);
  const venvs = new Map<string, VenvOrigin>();
  // A venv the caller deactivated is set aside on purpose (fdroidserver's "back to bare machine"):
  // the script's python and pip are then the system's, as the caller's own would be.
  const deactivated = new Set(facts.deactivated ?? []);
  for (const [v, o] of facts.venvOrigins) {
    if (deactivated.has(v) && v !== active) continue;
    venvs.set(v, { ...o, where: o.where ? `${o.where} of ${callerFile}` : `in ${callerFile}`, offset: undefined, end: undefined });
  }
  // The venv on the caller's PATH is one the script sees on its PATH, whether or not the caller made it.
  if (active !== undefined && !venvs.has(active)) venvs.set(active, { line: site.file.location(site.callSpan.start).line, how: 'named', where: `in ${callerFile}` });
  if (venvs.size === 0) return undefined;
  return {
    path: active ? `${active}/bin:${DEFAULT_PATH}` : DEFAULT_PATH,
    cwd: facts.cwd,
    venvs,
    dialect,
    showVenv: facts.showVenv ?? ((v) => v),
    scope,
  };
}

function stateKey(script: string, c: ScriptCaller): string {
  return JSON.stringify([script, c.path, c.cwd, c.dialect, [...c.venvs.keys()].sort()]);
}

/**
 * Follows every configuration command of the run that runs one of its shell scripts, and adds
 * what the scripts' analyses with those callers' states find to the scripts' results.
 * `ctxFor` gives a file's diagnose context; `display` how the report shows a path.
 */
export async function followScripts(
  files: readonly string[],
  claimed: ReadonlyMap<string, Language>,
  roots: readonly string[],
  results: FileCheckResult[],
  ctxFor: (file: string) => DiagnoseContext,
  display: (p: string) => string,
  beforeParsing: () => void,
): Promise<void> {
  const root = projectRoot(roots);
  if (root === undefined) return;
  const scripts = new Map<string, number>();
  files.forEach((f, i) => {
    if (claimed.get(f) === 'shell' && results[i] && !results[i].problems.some((p) => !p.partial)) scripts.set(path.resolve(f), i);
  });
  if (!scripts.size) return;
  const names = new Set([...scripts.keys()].map((s) => path.basename(s)));
  const names1 = (text: string) => [...text.matchAll(/[\w.+-]+/g)].some((m) => names.has(m[0]));
  const queue: Run[] = [];
  const seen = new Set<string>();
  let loaded = false;
  const ensureParsers = async () => {
    if (!loaded) {
      beforeParsing();
      await loadParsers();
      loaded = true;
    }
    if (parsersDamaged()) await loadParsers();
  };
  const enqueue = (site: LaunchSite, callerDir: string, depth: number, chain: readonly string[]) => {
    const how = scriptWord(site);
    if (!how) return;
    const script = resolveScript(how.word, callerDirs(site, callerDir, root), root, scripts);
    if (!script || chain.includes(script)) return;
    const line = site.file.location(site.callSpan.start).line;
    const label = `${display(site.file.path)}:${line}`;
    const caller = callerState(site, how.dialect, `in this script, run by ${label}`, display);
    if (!caller) return;
    const key = stateKey(script, caller);
    if (seen.has(key)) return;
    seen.add(key);
    const span = site.callSpan;
    const related: RelatedLocation = {
      message: `${display(site.file.path)} runs this script here`,
      path: display(site.file.path),
      span,
      start: site.file.location(span.start),
      end: site.file.location(span.end),
    };
    queue.push({ script, caller, label, related, depth, chain: [...chain, script] });
  };
  for (const f of files) {
    const language = claimed.get(f);
    if (!language || language === 'python' || language === 'notebook' || language === 'shell') continue;
    const abs = path.resolve(f);
    const text = readConfigText(abs);
    if (text === undefined) continue;
    if (!names1(text)) continue;
    await ensureParsers();
    try {
      const sites = frontEndByLanguage(language).analyze(new SourceFile(abs, text), (a) => a.sites);
      for (const s of sites) enqueue(s, path.dirname(abs), 1, []);
    } catch {
      // The file's own check reports what is wrong with it; here it runs no script.
    }
  }
  const added = new Map<number, Diagnostic[]>();
  const texts = new Map<string, SourceFile>();
  for (let n = 0; n < queue.length && n < FOLLOW_RUNS; n++) {
    const run = queue[n];
    const index = scripts.get(run.script)!;
    let file = texts.get(run.script);
    if (!file) {
      try {
        file = new SourceFile(run.script, fs.readFileSync(run.script, 'utf8'));
      } catch {
        continue;
      }
      texts.set(run.script, file);
    }
    await ensureParsers();
    let diags: Diagnostic[];
    let sites: readonly LaunchSite[];
    try {
      // `sh` of the image that alone runs the script (busybox ash: `source` works), as its own check has it.
      const ctx = ctxFor(results[index].path);
      const analysis = analyzeShellScript(file, { shHasSource: ctx.imageRuns?.get(results[index].path)?.shHasSource }, run.caller);
      if (analysis.syntaxProblem) continue;
      sites = analysis.sites;
      // No fix (see above): messages then show the venv's program as the caller shows the venv.
      for (const s of sites) s.rewriter = undefined;
      diags = diagnose(file, analysis, ctx).diagnostics;
    } catch {
      continue;
    }
    // The same place and rule as a finding the script has on its own, or from an earlier caller:
    // once (another caller that finds it too is one more related location).
    const key = (d: Diagnostic) => `${d.code}|${d.span.start}|${d.span.end}`;
    const own = new Set(findingsOf(results[index]).map(key));
    const earlier = new Map((added.get(index) ?? []).map((d) => [key(d), d]));
    for (const d of diags) {
      const e = earlier.get(key(d));
      if (e && e.related.length < 10 && !e.related.some((r) => r.path === run.related.path && r.start.line === run.related.start.line)) e.related.push(run.related);
    }
    const fresh = diags
      .filter((d) => !own.has(key(d)) && !earlier.has(key(d)))
      .map((d): Diagnostic => ({ ...d, path: results[index].path, fix: undefined, related: [...d.related, run.related] }));
    if (fresh.length) added.set(index, [...(added.get(index) ?? []), ...fresh]);
    if (run.depth < FOLLOW_DEPTH) for (const s of sites) enqueue(s, path.dirname(run.script), run.depth + 1, run.chain);
  }
  for (const [index, diags] of added) {
    const r = results[index];
    r.diagnostics = [...findingsOf(r), ...diags].sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
    r.packed = undefined;
    r.source ??= texts.get(path.resolve(r.path));
  }
}

/** The project folder: the one folder checked (a file's folder), when there is exactly one. */
function projectRoot(roots: readonly string[]): string | undefined {
  const dirs = [
    ...new Set(
      roots.map((r) => {
        try {
          return fs.statSync(r).isDirectory() ? path.resolve(r) : path.dirname(path.resolve(r));
        } catch {
          return undefined;
        }
      }),
    ),
  ];
  return dirs.length === 1 ? dirs[0] : undefined;
}
