/**
 * Makefile front end (`Makefile`, `makefile`, `GNUmakefile`, `*.mk`) → launch sites, modelling
 * what GNU make (4.3, measured on this machine) really does with the environment:
 *
 * - make reads the whole file first (variables, rules, conditionals), then expands a recipe with
 *   the FINAL values of the variables (and the target's target-specific ones), `$$` becoming `$`.
 * - Each recipe line runs in its own shell, `$(SHELL) -c line` (default `/bin/sh`, dash here),
 *   unless `.ONESHELL:` appears anywhere: then the whole recipe is one shell. A multi-line
 *   variable (`define`) expanded in a recipe gives one command line per line (GNU make manual,
 *   "Canned Recipes"). `@`/`-`/`+` prefixes are stripped after expansion (`$(Q)echo` works).
 *   Backslash-newline inside a recipe is passed to the shell, which joins the lines.
 * - Only exported variables reach a recipe's environment (`export`, `.EXPORT_ALL_VARIABLES`, or
 *   a variable make found in its own environment). PATH always comes from the environment, so
 *   `PATH := $(VENV)/bin:$(PATH)` DOES reach recipes even without `export` (measured: make 4.3
 *   marks imported variables for export and a makefile assignment keeps that), `unexport PATH`
 *   stops it. `VIRTUAL_ENV := …` without export does not reach recipes (measured).
 * - Venvs created by a recipe (`python3 -m venv $(VENV)`, `virtualenv`, `uv venv`) are files:
 *   make runs targets in dependency order, not file order, so a venv another recipe creates is
 *   known in a recipe when make runs that recipe first — its target is a prerequisite of this one,
 *   directly or through others (order-only ones too) — or when this recipe names the venv's folder;
 *   in its own recipe it is known after the creating line. A publish-only or test-only venv does not
 *   cover unrelated targets. A venv only ever used by path is not "known" (as in the Dockerfile and
 *   Actions models: no creation seen, no finding).
 * - Conditionals: both branches are read (their rules are all analysed: they are alternatives).
 *   A variable the branches set differently is unknown after `endif`, unless the condition can
 *   be decided from the file alone (variables the file does not define taken as undefined, the
 *   same assumption as `?=`). `include` is not followed. `$(shell …)`, `$(wildcard …)`,
 *   `$(realpath …)`, `$(eval …)` are unknown; `$(call …)`, `$(abspath …)`, `$(subst …)`,
 *   `$(patsubst …)`, `$(dir …)`, `$(notdir …)`, `$(addprefix …)` … are evaluated.
 * - Not modelled: target-specific variables inherited by prerequisites, pattern-specific
 *   variables, `.SHELLFLAGS`, `$(eval)` output, the "no shell" fast path (make execs a simple
 *   command itself; its lookup uses the same exported PATH, so the verdict is the same).
 *
 * The files: reader.ts reads the file (logical lines, comments, continuations, assignments),
 * expander.ts holds make's variables and their expansion, parse.ts builds the model (rules,
 * recipes, conditionals, `define`); this file runs the recipes through the shell model.
 */
import path from 'node:path';
import type { FileProblem } from '../../kernel/diagnostic.js';
import type { LaunchSite, ProgramRewriter, Rewrite, RewriteTarget, ConfigSiteFacts, VenvOrigin } from '../../kernel/launch-site.js';
import type { SourceFile, Span } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import type { Word } from '../../kernel/word.js';
import { escapeRegExp } from '../../kernel/regexp.js';
import { writtenBin } from './written-venv.js';
import { ConfigRun, namedAsWindowsVenv, programRewriter, shownUnder, type ShellDecl } from '../config/driver.js';
import { DEFAULT_PATH, UNKNOWN } from '../config/facts.js';
import { CONFIG_MAX_BYTES, configMayMatter, shellLineMayMatter, shellLineMayMatterWithoutVenv, type AnalyzeOptions, type FrontEnd } from '../front-end.js';
import { decodeText, type DecodeResult } from '../../kernel/decode.js';
import type { ShellDialect } from '../shell/parse.js';
import { parseShellBatch } from '../shell/parse.js';
import { runShellSession } from '../shell/session.js';
import { resolveDir } from '../shell/state.js';
import { CURDIR, Expander, unknown, valueText, type AutoVars, type MakeVar, type Vars } from './expander.js';
import { concat, EMPTY, slice, toWord, type MText } from './mtext.js';
import { cloneVars, parseMakefile, type ParsedMakefile, type Rule } from './parse.js';
import { CREATES_VENV, mayHaveVenv } from './no-venv.js';

export { CURDIR, type MakeVar } from './expander.js';
export { parseMakefile, type ParsedMakefile, type RecipeLine, type Rule } from './parse.js';
export { logicalLines } from './reader.js';

// ---------------------------------------------------------------------------------------------
// Running the recipes

/**
 * Counts of the work analyses did (the regression tests bound them, instead of timing): searches
 * of the whole file's text, the recipe lines (and their characters) handed to the shell model, and
 * a rule's prerequisite list joined for `$^` or `$+`.
 */
export const makefileStats = { fileScans: 0, shellScripts: 0, shellChars: 0, prerequisiteJoins: 0 };

/** Recipe lines, and their characters, handed to the shell model at a time (see pass 2 below). */
const PASS_SCRIPTS = 1024;
const PASS_CHARS = 65536;

/**
 * The venv's programs as the fix writes them (`$(VENV)/bin/pip` when a make variable names the
 * venv), and the file-wide `export PATH` line for the persist-venv target.
 */
function venvRewriter(file: SourceFile, program: Word, bin: string, persist: (t: Extract<RewriteTarget, { kind: 'persist-venv' }>) => Rewrite | undefined): ProgramRewriter {
  const own = programRewriter(file, program, bin, { makeReferences: true, titled: true });
  return { rewrite: (target) => (target.kind === 'persist-venv' ? persist(target) : own?.rewrite(target)) };
}

/** A make variable's final value as text, when fully known. */
function globalText(p: ParsedMakefile, name: string): string | undefined {
  const v = p.vars.get(name);
  if (!v) return undefined;
  const t = valueText(new Expander(p.vars).variable(name, 0));
  return t.includes(UNKNOWN) || t.includes(DEFAULT_PATH) ? undefined : t;
}

const SHELL_DIALECTS: [RegExp, ShellDialect][] = [
  [/^bash$/, 'bash'],
  [/^(sh|dash|ash|ksh|mksh|posh|busybox)$/, 'sh'],
];

export function analyzeMakefile(file: SourceFile, opts: AnalyzeOptions = {}): { sites: LaunchSite[]; suppressions: Suppressions; syntaxProblem?: FileProblem } {
  const parsed = parseMakefile(file.text);
  const problems = parsed.problems;
  const run = new ConfigRun(file, { language: 'makefile', comments: { line: '#', trailing: '#' } });
  const lineOf = (off: number) => file.location(off).line;

  // Which make variable names a venv: the first one whose whole value is that folder.
  const namedBy = new Map<string, string>();
  const venvName = (venv: string): string | undefined => {
    if (namedBy.has(venv)) return namedBy.get(venv) || undefined;
    let found = '';
    // Names that say "venv" first: `TARGET := venv` naming the folder by coincidence comes last.
    const byName = [...parsed.vars].sort(([a], [b]) => Number(!/venv|virtual|env/i.test(a)) - Number(!/venv|virtual|env/i.test(b)));
    for (const [name, v] of byName) {
      if (v.origin !== 'file' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
      const t = globalText(parsed, name);
      if (t !== undefined && t !== '' && !/\s/.test(t) && resolveDir(t, CURDIR) === venv) {
        found = name;
        break;
      }
    }
    namedBy.set(venv, found);
    return found || undefined;
  };
  const shownPath = shownUnder(CURDIR);
  const showVenv = (venv: string) => {
    const n = venvName(venv);
    return n ? `$(${n})` : shownPath(venv);
  };
  // A Makefile that spells the venv's bin folder through a variable (`VENV_BIN_DIR := Scripts` on
  // Windows_NT, `bin` otherwise; buildbot) gets its fixes written the same way.
  // The file's text is searched first, once for every `/$(NAME)/`: expanding every variable to find
  // one was most of the cost here, and then a search of the file per variable (CPython's Makefile).
  const slashRefs = new Set<string>();
  makefileStats.fileScans++;
  for (const m of file.text.matchAll(/\/\$[({]([^\s(){}]+)[)}](?=\/)/g)) slashRefs.add(m[1]);
  const binVar = [...parsed.vars.keys()].find((k) => slashRefs.has(k) && globalText(parsed, k) === 'bin');
  const BIN = binVar ? `$(${binVar})` : 'bin';
  let values: [string, string][] | undefined;
  const knownValues = () => (values ??= [...parsed.vars.keys()].flatMap((k): [string, string][] => { const t = /^[A-Za-z_]\w*$/.test(k) ? globalText(parsed, k) : undefined; return t ? [[k, t]] : []; }));
  const binFor = (venv: string, cwd: string | undefined): string | undefined => {
    const n = venvName(venv);
    const absValue = n ? globalText(parsed, n)!.startsWith('/') : false;
    if (n && (cwd === CURDIR || absValue)) return `$(${n})/${BIN}`;
    const written = cwd === CURDIR ? writtenBin(venv, CURDIR, file.text, knownValues(), BIN) : undefined;
    if (written) return written;
    if (!venv.startsWith(CURDIR + '/') && venv !== CURDIR) return `${venv}/${BIN}`;
    if (cwd === undefined) return undefined;
    if (!cwd.startsWith(CURDIR)) return undefined;
    const rel = path.posix.relative(cwd, venv);
    return rel === '' ? BIN : `${rel}/${BIN}`;
  };

  interface Job {
    rule: Rule;
    index: number;
    vars: Vars;
    dialect: ShellDialect | undefined;
    shellName: string;
    startPath: string;
    shellVars: Map<string, string>;
    virtualEnv?: { venv: string; span: Span };
    /** Command lines to run, each one shell (the whole recipe under .ONESHELL). */
    shells: { text: MText; span: Span; ignoresErrors: boolean; order: number }[];
  }

  const exported = (name: string, v: MakeVar) => v.exported ?? (parsed.exportAll || v.origin === 'environment' ? /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) : false);
  /** What a recipe's shell starts with: the shell make runs, its PATH, the exported variables. */
  const recipeEnvironment = (vars: Vars, ex: Expander) => {
    const autoRefs = ex.autoRefs;
    // SHELL is never taken from the environment and is not exported by default (GNU make manual, "Choosing the Shell").
    const shellName = valueText(ex.variable('SHELL', 0)).trim();
    const shellProg = shellName.split(/\s+/);
    const progBase = path.posix.basename(shellProg[0] === '/usr/bin/env' || shellProg[0] === 'env' ? shellProg[1] ?? '' : shellProg[0] ?? '');
    const dialect = SHELL_DIALECTS.find(([re]) => re.test(progBase))?.[1];
    // PATH the recipe starts with: make's PATH variable if exported, relative entries seen from $(CURDIR).
    const pv = vars.get('PATH');
    let startPath = DEFAULT_PATH;
    if (pv && exported('PATH', pv)) {
      startPath = valueText(ex.variable('PATH', 0))
        .split(':')
        .map((e) => (e.includes(DEFAULT_PATH) || e.includes(UNKNOWN) || e.startsWith('/') ? e : (resolveDir(e === '' ? '.' : e, CURDIR) ?? e)))
        .join(':');
    } // else (`unexport PATH`, or make started without PATH): the shell's own default PATH
    const shellVars = new Map<string, string>();
    let virtualEnv: Job['virtualEnv'];
    for (const [name, v] of vars) {
      if (name === 'PATH' || !exported(name, v)) continue;
      const t = valueText(ex.variable(name, 0));
      if (t.includes(UNKNOWN) || t.includes(DEFAULT_PATH)) continue;
      shellVars.set(name, t);
      if (name === 'VIRTUAL_ENV' && v.span) {
        const d = resolveDir(t.trim(), CURDIR);
        if (d) virtualEnv = { venv: d, span: v.span };
      }
    }
    return { shellName, dialect, startPath, shellVars, virtualEnv, usesAuto: ex.autoRefs > autoRefs };
  };
  let shared: ReturnType<typeof recipeEnvironment> | undefined;
  const sharedEnv = () => (shared ??= recipeEnvironment(parsed.vars, new Expander(parsed.vars, new Map(), problems)));

  /** A rule's variables: the file's final values, then its target-specific assignments. */
  const varsOf = (rule: Rule, found: typeof problems) => {
    const tsv = parsed.targetVars.get(rule.targets[0] ?? '') ?? [];
    const vars = tsv.length ? cloneVars(parsed.vars) : parsed.vars;
    for (const a of tsv) {
      const prev = vars.get(a.name);
      const ex = new Expander(vars, undefined, found);
      let nv: MakeVar;
      if (a.op === '+=' && prev) nv = prev.flavor === 'simple' ? { ...prev, value: concat([prev.value, ex.expand(a.value)], ' ') } : { ...prev, raw: concat([prev.raw, a.value], ' ') };
      else if (a.op === '?=' && prev) continue;
      else if (a.op === ':=' || a.op === '::=') nv = { flavor: 'simple', raw: a.value, value: ex.expand(a.value), origin: 'file', exported: prev?.exported };
      else if (a.op === '!=') nv = { flavor: 'simple', raw: EMPTY, value: unknown(a.span), origin: 'file', exported: prev?.exported };
      else nv = { flavor: 'recursive', raw: a.value, value: EMPTY, origin: 'file', exported: prev?.exported };
      if (prev?.origin === 'environment') nv.origin = 'environment';
      if (a.exported !== undefined) nv.exported = a.exported;
      nv.span = a.span;
      vars.set(a.name, nv);
    }
    return { vars, targetSpecific: tsv.length > 0 };
  };

  /** The file's problems and suppressions, then its analysis. */
  const finish = () => {
    for (const p of problems) run.problem(p.message, p.offset);
    // `# venvguard: ignore[…]` / `# noqa: …` at the end of a recipe line (a shell comment there) or
    // on a comment line just above it covers every physical line of that recipe line.
    for (const rule of parsed.rules) for (const rl of rule.recipe) run.suppress(rl.firstLine, rl.lastLine, { isCommentLine: (l) => parsed.commentLines.has(l) });
    return run.finish();
  };

  // With no venv to miss and no environment manager, no recipe line can take part in a finding:
  // told from the few lines that could name one (no-venv.ts), before expanding the others.
  if (opts.parseLess && opts.tools) {
    const found: typeof problems = [];
    const expandLine = (rule: Rule, rl: Rule['recipe'][number]) => new Expander(varsOf(rule, found).vars, new RuleAuto(rule), found).expand(rl.text).s;
    if (!mayHaveVenv(parsed, expandLine)) {
      problems.push(...found);
      return finish();
    }
  }

  const jobs: Job[] = [];
  parsed.rules.forEach((rule, index) => {
    if (!rule.recipe.length) return;
    const { vars, targetSpecific } = varsOf(rule, problems);
    const ex = new Expander(vars, new RuleAuto(rule), problems);
    // The environment a recipe starts with is the same for every rule without target-specific
    // variables, unless an exported variable mentions $@ & co.: computed once then (it was once
    // per rule, each time over every variable: quadratic in the file).
    const env = !targetSpecific && !sharedEnv().usesAuto ? sharedEnv() : recipeEnvironment(vars, ex);
    const { shellName, dialect, startPath, shellVars, virtualEnv } = env;
    // Expand each recipe line, split multi-line values into command lines, strip prefixes.
    // Each line's object is made once, with its order (a spread copy `{ ...c, order }` gave every
    // one a hidden class of its own: 137,000 lines held 30 MB of V8 maps).
    const commandLines: Job['shells'] = [];
    for (const rl of rule.recipe) {
      const expanded = ex.expand(rl.text);
      const s = expanded.s;
      const flush = (from: number, to: number) => {
        let k = from;
        let ignoresErrors = false;
        for (; k < to; k++) {
          const ch = s[k];
          if (!(ch === '@' || ch === '+' || ch === '-' || ch === ' ' || ch === '\t')) break;
          if (ch === '-') ignoresErrors = true;
        }
        if (/\S/.test(s.slice(k, to))) commandLines.push({ text: slice(expanded, k, to), span: rl.span, ignoresErrors, order: commandLines.length });
      };
      // A newline from a multi-line variable ends a command line; a backslash-newline does not.
      let from = 0;
      for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) {
        if (k > 0 && s[k - 1] === '\\') continue;
        flush(from, k);
        from = k + 1;
      }
      flush(from, s.length);
    }
    let shells: Job['shells'];
    if (parsed.oneShell && commandLines.length) {
      const text = concat(
        commandLines.map((c) => c.text),
        '\n',
      );
      const span = { start: rule.recipe[0].span.start, end: rule.recipe.at(-1)!.span.end };
      shells = [{ text, span, ignoresErrors: commandLines[0].ignoresErrors, order: 0 }];
    } else shells = commandLines;
    jobs.push({ rule, index, vars, dialect, shellName, startPath, shellVars, virtualEnv, shells });
  });

  /**
   * `export PATH := $(abspath $(VENV))/bin:$(PATH)` as a file-level line: after the exported
   * VIRTUAL_ENV it belongs with, else after the variable that names the venv, else at the top.
   */
  const persistPath = (t: Extract<RewriteTarget, { kind: 'persist-venv' }>, job: Job): Rewrite | undefined => {
    const bin = binFor(t.venv, CURDIR);
    if (bin === undefined || /[\s#\\]/.test(bin) || /\$(?!\()/.test(bin)) return undefined;
    const dir = bin.slice(0, -'/bin'.length);
    // A venv the file also names by its Windows layout has no bin/ where that recipe runs.
    if (namedAsWindowsVenv(file, dir)) return undefined;
    const line = `export PATH := ${dir.startsWith('/') ? dir : `$(abspath ${dir})`}/bin:$(PATH)`;
    let after: number | undefined;
    // A venv that recipes use by name gets `$(VENV)/bin/…` (the rule's fallback): a file-wide PATH
    // changes every recipe, the one that creates the venv included. Only an exported VIRTUAL_ENV that
    // lacks its PATH gets the PATH line beside it.
    if (t.at !== 'virtual-env') return undefined;
    if (t.at === 'virtual-env') {
      const ve = parsed.vars.get('VIRTUAL_ENV');
      // Only a file-level VIRTUAL_ENV: a target-specific one would need a target-specific PATH.
      if (!job.virtualEnv || ve?.span?.start !== job.virtualEnv.span.start) return undefined;
      after = job.virtualEnv.span.end - 1;
    } else {
      const n = venvName(t.venv);
      after = n ? parsed.vars.get(n)?.span?.end : undefined;
      if (after !== undefined) after--;
    }
    const nl = file.newline;
    let edit;
    if (after === undefined) edit = { start: 0, end: 0, text: line + nl };
    else {
      let eol = file.text.indexOf('\n', after);
      if (eol < 0) eol = file.text.length;
      else if (file.text[eol - 1] === '\r') eol--;
      edit = { start: eol, end: eol, text: nl + line };
    }
    return {
      edits: [edit],
      title: `Put the venv on PATH for every recipe: ${line}`,
      applicability: 'unsafe',
      reason: 'every recipe line, the one that creates the venv included, then finds the venv\'s python, pip and scripts first on PATH, including commands that meant the system ones',
    };
  };
  const shellsActivating = new Set<Job>();
  /**
   * What every shell of a recipe shares (its wording, its closures), made once per recipe: sites
   * keep their shell's declaration, and one set of closures per line held ~1 KB a site.
   */
  const jobParts = new Map<Job, { facts: Omit<ConfigSiteFacts, 'venvOrigins'>; ignoring?: Omit<ConfigSiteFacts, 'venvOrigins'>; originAt: ShellDecl['originAt']; rewriter: ShellDecl['rewriter'] }>();
  const partsOf = (job: Job) => {
    let parts = jobParts.get(job);
    if (parts) return parts;
    const unit = parsed.oneShell ? 'this recipe' : 'this recipe line';
    const facts: Omit<ConfigSiteFacts, 'venvOrigins'> = {
      form: 'shell',
      shellName: job.shellName,
      showVenv,
      unit,
      scope: `in ${unit}`,
      persistAdvice: (venv) => {
        const bin = binFor(venv, CURDIR) ?? `${shownPath(venv)}/bin`;
        // .ONESHELL helps a recipe that activates the venv; otherwise PATH must carry it.
        if (shellsActivating.has(job)) return `add .ONESHELL: so that a recipe's lines share one shell, or call the venv's programs by path on every line (${bin}/pip …)`;
        const dir = bin.slice(0, -'/bin'.length);
        const abs = dir.startsWith('/') ? dir : `$(abspath ${dir})`;
        return `put it on PATH for every recipe with export PATH := ${abs}/bin:$(PATH)`;
      },
    };
    if (job.virtualEnv) facts.virtualEnv = job.virtualEnv;
    facts.recipe = `by target ${job.rule.targetsText}`;
    parts = {
      facts,
      originAt: (at) => ({ line: lineOf(at), how: 'created', where: facts.recipe, offset: at }),
      rewriter: (program, venv, cwd) => {
        const bin = binFor(venv, cwd);
        return bin === undefined ? undefined : venvRewriter(file, program, bin, (t) => persistPath(t, job));
      },
    };
    jobParts.set(job, parts);
    return parts;
  };
  /** One recipe line's shell (or the whole recipe's, under .ONESHELL). */
  const shellOf = (job: Job, sh: Job['shells'][number], dialect: ShellDialect, venvs: Map<string, VenvOrigin>): ShellDecl => {
    const parts = partsOf(job);
    let facts = parts.facts;
    if (sh.ignoresErrors) facts = parts.ignoring ??= { ...parts.facts, ignoresErrors: true };
    return {
      api: 'recipe',
      callSpan: sh.span,
      // A recipe's later lines rely on an activation in vain; other recipes may run before or after.
      order: sh.order,
      group: job,
      dialect,
      path: job.startPath,
      cwd: CURDIR,
      vars: job.shellVars,
      venvs,
      originAt: parts.originAt,
      facts,
      rewriter: parts.rewriter,
    };
  };

  // Each recipe line is a shell of its own: one with no Python tool, venv or activation in its
  // expanded text can take part in no finding, and is not parsed (CPython's Makefile: most lines).
  // The others are parsed together, in one tree-sitter call (parseShellBatch): one parse per line
  // was most of the time on CPython's Makefile.
  const words = new Map<Job['shells'][number], Word>();
  const wordOf = (sh: Job['shells'][number]) => {
    let w = words.get(sh);
    if (!w) words.set(sh, (w = toWord(sh.text, sh.span)));
    return w;
  };
  const textOf = (sh: Job['shells'][number]) => sh.text.s;
  const creates = (sh: Job['shells'][number]) => CREATES_VENV.test(textOf(sh));
  // `rm -rf $(VENV)` matters too: the venv is gone for the rest of its recipe (session.ts removeVenvs).
  const removes = (sh: Job['shells'][number]) => /(?:^|[;&|(]\s*)rm\s+(?:-\w+\s+)*-[A-Za-z]*[rR]/.test(textOf(sh));
  const mayMatter = (sh: Job['shells'][number]) => !(opts.parseLess && opts.tools && !shellLineMayMatter(textOf(sh), opts.tools) && !removes(sh));
  const counted = (sh: Job['shells'][number]) => {
    makefileStats.shellScripts++;
    makefileStats.shellChars += sh.text.s.length;
    return sh;
  };
  // Pass 1: which venvs the recipes create (files persist: every other recipe may see them).
  const created = new Map<string, VenvOrigin>();
  const createdBy = parseShellBatch(jobs.flatMap((job) => (job.dialect === undefined ? [] : job.shells.filter(creates).map((sh) => wordOf(counted(sh))))), () =>
    jobs.map((job) => {
      const venvs = new Map<string, VenvOrigin>();
      const dialect = job.dialect;
      if (dialect === undefined) return venvs; // not a POSIX shell (python, fish …): not analysed
      for (const sh of job.shells) {
        if (!creates(sh)) continue;
        runShellSession(wordOf(sh), { ...shellOf(job, sh, dialect, venvs), file, language: 'makefile' });
      }
      for (const [v, origin] of venvs) if (!created.has(v)) created.set(v, origin);
      return venvs;
    }),
  );
  // Pass 2: each recipe with the venvs other recipes create that are in scope for it (see
  // venvInScope); the ones it creates itself appear from their creating line on.
  // The rules that run after a venv's creating target: computed once per venv, and only when a
  // recipe creates one (a closure per rule was quadratic in the rules: CPython's Makefile).
  const after = ruleGraph(parsed.rules);
  const runsAfter = new Map<string, Set<string>>();
  const needsCreator = (v: string, rule: Rule) => {
    let names = runsAfter.get(v);
    if (!names) runsAfter.set(v, (names = after(jobs.filter((_, k) => createdBy[k].has(v)).flatMap((j) => j.rule.targets))));
    return rule.prereqs.some((p) => names.has(p));
  };
  // The lines are handed to the shell model a part at a time (PASS_SCRIPTS lines or PASS_CHARS
  // characters), each part parsed in one batch and then run: what the shell model prepares for a
  // batch (trees, source maps) is freed after its part, not held for the whole file (a 1 MB
  // Makefile of 70,000 recipe lines peaked at 380 MiB holding all of it).
  let part: { job: Job; sh: Job['shells'][number]; dialect: ShellDialect; venvs: Map<string, VenvOrigin> }[] = [];
  let partChars = 0;
  const runPart = () => {
    const todo = part;
    part = [];
    partChars = 0;
    parseShellBatch(
      todo.map((p) => wordOf(p.sh)),
      () => {
        for (const { job, sh, dialect, venvs } of todo) {
          const res = run.shell(shellOf(job, sh, dialect, venvs), wordOf(sh));
          if (res.activations.length) shellsActivating.add(job);
          words.delete(sh);
        }
      },
    );
  };
  // No recipe creates a venv, activates one or names an environment manager, and none is exported
  // as VIRTUAL_ENV: a Python tool by name has no venv to miss, and no line is run (CPython's
  // Makefile runs `./python` and `python3.11` on 150 lines, and has no venv).
  const noVenv = opts.parseLess && created.size === 0 && jobs.every((j) => !j.virtualEnv && !j.shells.some((sh) => shellLineMayMatterWithoutVenv(textOf(sh))));
  jobs.forEach((job, i) => {
    const named = job.shells.map(textOf).join('\n');
    const inScope = (v: string) => needsCreator(v, job.rule) || namesVenv(named, shownPath(v));
    const venvs = new Map([...created].filter(([v]) => !createdBy[i].has(v) && inScope(v)));
    const dialect = job.dialect;
    if (dialect === undefined) return;
    for (const sh of job.shells) {
      if (noVenv || !mayMatter(sh)) continue;
      if (!creates(sh)) counted(sh);
      part.push({ job, sh, dialect, venvs });
      partChars += sh.text.s.length;
      if (part.length >= PASS_SCRIPTS || partChars >= PASS_CHARS) runPart();
    }
  });
  if (part.length) runPart();

  return finish();
}

/**
 * A rule's automatic variables, each made when first looked up: `$^` and `$+` join the whole
 * prerequisite list, which CPython's Makefile makes hundreds of names long for rules whose recipes
 * never use them (joining them for every rule was the largest cost of expanding its recipes).
 */
class RuleAuto implements AutoVars {
  private all: string | undefined;
  private plus: string | undefined;
  /** Pattern rules: the target varies, `$@` is not known. */
  private readonly pattern: boolean;
  constructor(private readonly rule: Rule) {
    this.pattern = rule.targets.some((t) => t.includes('%'));
  }
  get(name: string): string | undefined {
    switch (name) {
      case '@':
        return this.pattern ? undefined : (this.rule.targets[0] ?? '');
      case '<':
        return this.rule.prereqs[0] ?? '';
      case '^':
        if (this.all === undefined) {
          makefileStats.prerequisiteJoins++;
          this.all = [...new Set(this.rule.prereqs)].join(' ');
        }
        return this.all;
      case '+':
        if (this.plus === undefined) {
          makefileStats.prerequisiteJoins++;
          this.plus = this.rule.prereqs.join(' ');
        }
        return this.plus;
      default:
        return undefined;
    }
  }
}

/**
 * The names (targets and prerequisites) whose prerequisites, theirs and so on (order-only ones
 * included, through rules with or without recipes and pattern rules `%`) reach one of `targets`:
 * a rule with such a prerequisite runs after those targets' recipes. A venv another recipe makes
 * is in scope for a recipe only then, or when the recipe names it: a publish-only or test-only
 * venv does not cover unrelated targets (corpus review, mayan-edms). One walk of the reversed
 * graph per question, linear in the rules.
 */
function ruleGraph(rules: readonly Rule[]): (targets: readonly string[]) => Set<string> {
  let reversed: Map<string, string[]> | undefined;
  let names: Set<string> | undefined;
  const patternRe = (t: string) => new RegExp(`^${t.split('%').map(escapeRegExp).join('.+')}$`);
  const build = () => {
    const byTarget = new Map<string, Rule[]>();
    const patterns: { re: RegExp; rule: Rule }[] = [];
    names = new Set<string>();
    for (const r of rules) {
      for (const p of r.prereqs) names.add(p);
      for (const t of r.targets) {
        if (t.includes('%')) patterns.push({ re: patternRe(t), rule: r });
        else {
          names.add(t);
          const list = byTarget.get(t);
          if (list) list.push(r);
          else byTarget.set(t, [r]);
        }
      }
    }
    reversed = new Map();
    for (const n of names) {
      const rs = byTarget.get(n) ?? patterns.filter((p) => p.re.test(n)).map((p) => p.rule);
      for (const r of rs) {
        for (const p of r.prereqs) {
          const list = reversed.get(p);
          if (list) list.push(n);
          else reversed.set(p, [n]);
        }
      }
    }
  };
  return (targets) => {
    if (!reversed) build();
    const seen = new Set<string>();
    const todo: string[] = [];
    for (const t of targets) {
      if (!t.includes('%')) todo.push(t);
      else {
        const re = patternRe(t);
        for (const n of names!) if (re.test(n)) todo.push(n);
      }
    }
    while (todo.length) {
      const n = todo.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      for (const m of reversed!.get(n) ?? []) todo.push(m);
    }
    return seen;
  };
}

/** Whether recipe text names a venv's folder (`venv/bin/pip`, `. venv/bin/activate`, `VIRTUAL_ENV=venv`). */
function namesVenv(recipe: string, shown: string): boolean {
  if (shown === '.' || shown === '') return false;
  const at = escapeRegExp(shown.replace(/^\.\//, ''));
  return new RegExp(`(^|[\\s/'"=:;(])(\\./)?${at}(/|[\\s'";)]|$)`).test(recipe);
}

export const makefileFrontEnd: FrontEnd = {
  language: 'makefile',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const base = path.posix.basename(p.replace(/\\/g, '/'));
    return base === 'Makefile' || base === 'makefile' || base === 'GNUmakefile' || (base.endsWith('.mk') && base.length > 3);
  },
  mayMatter: configMayMatter,
  decode(p: string, bytes: Uint8Array): DecodeResult {
    return decodeText(p, bytes, { kind: 'a makefile' });
  },
  analyze<T>(file: SourceFile, use: (a: ReturnType<typeof analyzeMakefile>) => T, opts?: AnalyzeOptions): T {
    return use(analyzeMakefile(file, opts));
  },
};
