/**
 * pre-commit front end: `.pre-commit-config.yaml` → launch sites for the hooks pre-commit runs
 * with the caller's environment. What the model follows (pre-commit.com, "Creating new hooks" and
 * pre-commit's languages/system.py, languages/script.py, lang_base.hook_cmd):
 *
 * - Only `repo: local` hooks are in this file; a hook's command is `shlex.split(entry)` followed by
 *   its `args:` (each one word) and, unless `pass_filenames: false`, the staged file names. It is
 *   started directly, without a shell, from the repository's root folder.
 * - `language: system` (and its newer name `unsupported`): the program is looked up on the PATH of
 *   whoever runs `git commit` — a terminal with or without the venv activated, an IDE, a git GUI.
 *   `language: script` (`unsupported_script`): the entry's first word is a file of the repository,
 *   run by path. Other languages (`python`, `node` …) get an environment pre-commit makes itself:
 *   not read.
 * - "No venv, no finding", as in the other service formats: a venv is in scope when the file names
 *   it (a hook that runs `.venv/bin/mypy`, `bash -c '. venv/bin/activate && …'`); then a hook that
 *   runs python, pip or a console script by name escapes it. A hook that runs `bash -c '…'` runs
 *   that script in the shell model.
 */
import path from 'node:path';
import type { ConfigSiteFacts } from '../../kernel/launch-site.js';
import type { SourceFile } from '../../kernel/source.js';
import type { Suppressions } from '../../kernel/suppressions.js';
import { unitsToWord, wordUnits, type Unit } from '../../kernel/word-units.js';
import type { Word } from '../../kernel/word.js';
import { YAML_CONFIG_MAX_BYTES, configMayMatter, type Analysis, type FrontEnd } from '../front-end.js';
import { DEFAULT_PATH } from '../config/facts.js';
import { analyzeWithNamedVenvs, entrySuppressions, finishAnalysis, newCollected, runExecCommand, showVenv, START_DIR, type Collected } from '../config/services.js';
import { field, isMapping, itemsOf, keyAt, linesOf, readCiYaml, scalarItem, scalarText, spanOf } from '../config/ci-yaml.js';
import { shlexSplit } from '../supervisor/index.js';
import { isParserTrap, ParserDamagedError } from '../tree-sitter.js';
import { TooComplexError } from '../../kernel/budgets.js';

const SYSTEM = new Set(['system', 'unsupported']);
const SCRIPT = new Set(['script', 'unsupported_script']);

interface Hook {
  id: string;
  argv: Word[];
  complete: boolean;
  span: { start: number; end: number };
  line: number;
}

export function analyzePreCommit(file: SourceFile): Analysis {
  const suppressions: Suppressions = new Map();
  const y = readCiYaml(file);
  const problems = y.problems;
  const hooks: Hook[] = [];
  try {
    for (const repo of itemsOf(y, field(y.root, 'repos'))) {
      if (scalarText(field(repo, 'repo')) !== 'local') continue;
      for (const hook of itemsOf(y, field(repo, 'hooks'))) {
        if (!isMapping(hook)) continue;
        const language = scalarText(field(hook, 'language')) ?? '';
        const system = SYSTEM.has(language);
        if (!system && !SCRIPT.has(language)) continue;
        const entry = scalarItem(y, field(hook, 'entry'));
        if (!entry) continue;
        const argv = shlexSplit(entry.chars, problems);
        if (argv.length === 0) continue;
        // A script hook's first word is a file of the repository, run by path (os.path.join with the repository).
        if (!system && !argv[0].fragments.some((f) => f.kind === 'text' && f.text.startsWith('/'))) {
          const dot: Unit[] = [{ ch: '.', off: -1 }, { ch: '/', off: -1 }];
          argv[0] = unitsToWord([...dot, ...wordUnits(argv[0])], argv[0].span);
        }
        for (const a of itemsOf(y, field(hook, 'args'))) {
          const it = scalarItem(y, a);
          if (it) argv.push(unitsToWord(it.chars, it.span));
        }
        const hookSpan = spanOf(file, hook) ?? entry.span;
        const { first, last } = linesOf(file, hookSpan);
        entrySuppressions(suppressions, file, first, last);
        const k = keyAt(hook, 'entry');
        if (k !== undefined) entrySuppressions(suppressions, file, linesOf(file, { start: k, end: k + 1 }).first, last);
        hooks.push({
          id: scalarText(field(hook, 'id')) ?? '?',
          argv,
          complete: scalarText(field(hook, 'pass_filenames')) === 'false',
          span: entry.span,
          line: first,
        });
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError) throw e;
    problems.push({ message: `internal error while analysing the hooks: ${(e as Error).message}`, offset: 0 });
  }
  const out = analyzeWithNamedVenvs((initial) => {
    const o: Collected = newCollected(file, 'pre-commit');
    const venvs = new Map(initial);
    for (const h of hooks) {
      const unit = `the hook "${h.id}"`;
      const advice = (venv: string) => `run it from the venv (entry: ${showVenv(venv)}/bin/…), or give the hook "language: python" and its additional_dependencies (pre-commit then makes its environment itself)`;
      const facts: Omit<ConfigSiteFacts, 'venvOrigins'> = { form: 'exec', showVenv, unit, scope: `when ${unit} runs (the committer's PATH)`, persistAdvice: advice };
      runExecCommand(h.argv, h.complete, {
        file,
        language: 'pre-commit',
        api: 'entry',
        callSpan: h.span,
        order: h.line,
        envPath: DEFAULT_PATH,
        execLookupOnEnvPath: true,
        cwd: START_DIR,
        vars: new Map(),
        venvs,
        execFacts: facts,
        shellFacts: { ...facts, form: 'shell' },
        // Hooks run one after the other, each a process of its own: an activation lasts for none of the others.
        group: h,
      }, o);
    }
    return { out: o, venvs };
  });
  out.problems.push(...problems);
  return finishAnalysis(out, suppressions);
}

export const preCommitFrontEnd: FrontEnd = {
  language: 'pre-commit',
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const base = path.posix.basename(p.replace(/\\/g, '/'));
    return base === '.pre-commit-config.yaml' || base === '.pre-commit-config.yml';
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzePreCommit(file));
  },
};
