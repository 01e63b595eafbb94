#!/usr/bin/env node
/**
 * The venvguard command line: argument parsing and printing only; all work goes through the API.
 * Started by entry.ts (the package's `bin`) for every invocation it does not serve itself.
 * Exit codes: 0 clean, 1 findings, 2 usage/config/internal error, 3 no findings but some files
 * could not be checked completely (see stderr or the report).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import v8 from 'node:v8';
import { Command, InvalidArgumentError, Option, type OptionValues } from 'commander';
import { UsageError } from '../kernel/errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../kernel/output-formats.js';
import { COLOR_CHOICES, colorWanted, type ColorWhen } from './color.js';
import { runDoctor } from './doctor.js';
import { EXIT, reportFailure } from './exit.js';
import { guardOutput, writePieces } from './output.js';
import { ownPackage } from './version.js';
// Each command loads only what it uses (dynamic imports below): `doctor` must not pay for the
// check pipeline's modules, nor `check` for the doctor's.

const pkg = ownPackage();
guardOutput(EXIT.error); // EPIPE ends quietly; other write errors: one line, exit 2 (output.ts)

function list(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY || process.env.CI) return undefined;
  let last = 0;
  return (done, total) => {
    if (total < 200) return;
    const now = Date.now();
    if (done < total && now - last < 80) return;
    last = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} files`);
    if (done === total) process.stderr.write('\r\x1b[K');
  };
}

/**
 * Usage errors as one line naming the problem, with where to look next (commander's own message,
 * its "did you mean" folded in), instead of the whole help after it.
 */
function oneLineErrors(cmd: Command, hint: string): Command {
  return cmd.configureOutput({
    outputError: (str, write) => write(`venvguard: ${str.trim().replace(/\s*\n\s*/g, ' ')} (see \`${hint}\`)\n`),
  });
}

const SHORT_USAGE = `Usage: venvguard <command> [options]

  check [paths...]    find launches that escape the venv (and --fix them)
  doctor              show where an interpreter loads code from, and what a child would run
  run -- CMD [ARGS…]  run CMD and report every Python process that escapes the venv
  rules, explain CODE the rules and doctor codes, and each one's page
  lab CODE|--all      run a rule page's examples in real venvs and check the page

Run \`venvguard --help\` or \`venvguard <command> --help\` for more.
`;

const program = new Command();
program.name('venvguard').description('Keep Python processes inside the virtual environment they belong to.').version(pkg.version);
program.exitOverride();
oneLineErrors(program, 'venvguard --help');


oneLineErrors(program
  .command('check'), 'venvguard check --help')
  .description('find launches of python/pip/console scripts that escape the venv')
  .argument('[paths...]', 'files or folders to check (default: the current folder)')
  .addOption(new Option('--output-format <format>', 'report: one line per finding (concise), with code frames and help (full), or a machine format (default: concise, or output-format in [tool.venvguard])').choices([...OUTPUT_FORMATS]))
  .addOption(new Option('--format <format>', 'the older name of --output-format; text is concise').choices(['text', ...OUTPUT_FORMATS]).hideHelp())
  .addOption(new Option('--color <when>', 'colour the text report: auto (a terminal, unless NO_COLOR; FORCE_COLOR=0/1 overrides), always or never').choices(COLOR_CHOICES).default('auto'))
  .option('--fix', 'apply safe fixes')
  .option('--unsafe-fixes', 'with --fix or --diff: also apply unsafe fixes; otherwise show them')
  .option('--diff', 'print the fixes as a unified diff instead of writing them')
  .option('--fix-readonly', 'with --fix: also rewrite read-only files (they keep their mode)')
  .option('--baseline <file>', 'report only findings this baseline does not hold (record one with --update-baseline)')
  .option('--update-baseline', 'with --baseline: record the findings of this run in the file (later runs report only new ones)')
  .option('--select <codes>', 'rules to enable (codes, names or prefixes; comma-separated)', list)
  .option('--extend-select <codes>', 'rules to enable besides the selection, e.g. the opt-in VG106 (codes or names)', list)
  .option('--ignore <codes>', 'rules to disable', list)
  .option('--extend-exclude <patterns>', 'more .gitignore-style patterns to skip', list)
  .option('--config <file>', 'settings for every file from this pyproject.toml or venvguard.toml (default: the settings file nearest to each file)')
  .option('--no-config', 'ignore settings files ([tool.venvguard], venvguard.toml); project metadata is still read')
  .option('--respect-gitignore', 'skip files .gitignore excludes (default: true, or respect-gitignore in [tool.venvguard])')
  .option('--no-respect-gitignore', 'also check files .gitignore excludes')
  .option('--force-exclude', 'treat files named on the command line as a folder walk would: skip those the exclusions name or in no format venvguard reads (for pre-commit; default: force-exclude in [tool.venvguard])')
  .option('--no-prefilter', 'analyse every file, even those that cannot hold an escape')
  .option('--jobs <n>', `threads (default and maximum: the CPUs this process may use, ${os.availableParallelism()} here)`, positiveInt)
  .option('--max-file-size <bytes>', 'skip larger files with a message (default: 10485760, or max-file-size in [tool.venvguard])', positiveInt)
  .option('--watch', 'check again whenever a file under the paths changes, until interrupted')
  .action(async (given: string[] | undefined, o) => {
    if (!o.watch) return void (process.exitCode = await checkCommand(given ?? [], o));
    if (o.fix || o.diff || o.updateBaseline) throw new UsageError('--watch does not combine with --fix, --diff or --update-baseline (see `venvguard check --help`)');
    const { watchPaths } = await import('./watch.js');
    await watchPaths(given?.length ? given : ['.'], async () => {
      if (process.stdout.isTTY) process.stdout.write('\x1bc'); // a fresh screen for each report, as a terminal user expects
      try {
        process.exitCode = await checkCommand(given ?? [], o);
      } catch (e) {
        process.exitCode = reportFailure(e); // a settings file being edited: say what is wrong, keep watching
      }
      process.stderr.write(`[${new Date().toLocaleTimeString()}] Watching for file changes (Ctrl-C to stop).\n`);
    });
  });

/**
 * How much V8 lets the old generation grow past what a full collection left live, in percent.
 * Unbounded, V8 lets a process that may use gigabytes (Node's default limit) grow it up to 4×, and
 * a check makes much garbage that outlives a young collection (each file's trees and values): a
 * tree of 16,000 Python files, two findings in each, peaked at ~290 MB of memory around ~60 MB of
 * live data. 1.5× keeps it near 220 MB, for a few percent more CPU in collections. The CLI owns its
 * process, so it sets this; the library does not. VG_HEAP_GROWTH=0 leaves V8's own choice (the
 * build's code-cache run does: V8 stamps a cache with the flags of the moment it is written).
 */
const HEAP_GROWTH_PERCENT = 50;

function boundHeapGrowth(): void {
  const percent = process.env.VG_HEAP_GROWTH === undefined ? HEAP_GROWTH_PERCENT : Number(process.env.VG_HEAP_GROWTH);
  if (Number.isInteger(percent) && percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** One `check` run as the command line asked for it; returns the exit code. */
async function checkCommand(given: string[], o: OptionValues): Promise<number> {
  const paths = given;
  boundHeapGrowth();
  // A path that names nothing is a typo on the command line, not a file that could not be checked.
  for (const p of paths) {
    try {
      fs.lstatSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${p}: no such file or folder (see \`venvguard check --help\`)`);
    }
  }
  const fixMode = o.fix || o.diff ? (o.unsafeFixes ? 'unsafe' : 'safe') : undefined;
  const [{ checkForReport }, { chunkedReporters }] = await Promise.all([import('../api.js'), import('../reporters/index.js')]);
  const result = await checkForReport({
    paths,
    // commander folds --config PATH and --no-config into one option: a string, false, or undefined.
    config: typeof o.config === 'string' ? o.config : undefined,
    noConfig: o.config === false,
    select: o.select,
    extendSelect: o.extendSelect,
    ignore: o.ignore,
    extendExclude: o.extendExclude,
    respectGitignore: o.respectGitignore,
    forceExclude: o.forceExclude ? true : undefined,
    noPrefilter: o.prefilter === false,
    jobs: o.jobs,
    maxFileSize: o.maxFileSize,
    fix: fixMode,
    dryRun: !!o.diff,
    fixReadonly: !!o.fixReadonly,
    baseline: o.baseline,
    updateBaseline: !!o.updateBaseline,
    // On stderr, on a terminal only; not when a machine format was asked for.
    onProgress: ['json', 'sarif', 'github'].includes(o.outputFormat ?? o.format) ? undefined : progressBar(),
  });
  if (o.diff) {
    // require, not import(): the bundled program is a script compiled with a code cache, where
    // V8 drops the callback that import() needs (scripts/bundle.ts).
    const { createTwoFilesPatch } = createRequire(import.meta.url)('diff') as typeof import('diff');
    for (const f of result.fixed) process.stdout.write(createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, f.before, f.after, '', '', { context: 3 }).replace(/^=+\n/, ''));
    process.stderr.write(`${result.fixed.reduce((n, f) => n + f.applied, 0)} fix(es) would be applied to ${result.fixed.length} file(s)\n`);
    return result.fixed.length ? EXIT.findings : EXIT.clean;
  }
  // The flag wins when given; then the settings file; then concise.
  const asked: string | undefined = o.outputFormat ?? (o.format === 'text' ? 'concise' : o.format);
  const format = (asked ?? result.config.outputFormat ?? 'concise') as OutputFormat;
  const options = {
    color: (format === 'concise' || format === 'full') && colorWanted(o.color as ColorWhen, process.env, !!process.stdout.isTTY),
    showFixes: 'all' as const, // every fix, with its applicability: users see what --unsafe-fixes would do
    unsafeFixesEnabled: !!o.unsafeFixes,
    version: pkg.version,
  };
  await writePieces(process.stdout, chunkedReporters[format](result, options));
  return result.diagnostics.length ? EXIT.findings : result.problems.length ? EXIT.incomplete : EXIT.clean;
}

oneLineErrors(program
  .command('lsp'), 'venvguard lsp --help')
  .description('run the Language Server for editors (LSP over stdin and stdout)')
  .option('--stdio', 'talk over stdin and stdout (the default, and the only transport)')
  .action(async () => {
    const { startServer } = await import('../lsp/server.js');
    startServer();
  });

oneLineErrors(program
  .command('rules'), 'venvguard rules --help')
  .description("list the rules (venvguard check) and the doctor's codes (venvguard doctor)")
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action(async (o) => {
    const [{ RULES }, { FINDING_DOCS }, { FINDING_CODES }] = await Promise.all([import('../rules/index.js'), import('../env/finding-docs.js'), import('../env/finding.js')]);
    const codes = Object.keys(FINDING_CODES);
    const severity = (code: string) => FINDING_DOCS[code]?.severities.join('/') ?? '';
    if (o.format === 'json') {
      const rows = [
        ...RULES.map((r) => ({ family: 'rule', code: r.code, name: r.name, summary: r.summary, fixable: r.fixable })),
        ...codes.map((code) => ({ family: 'doctor', code, summary: FINDING_CODES[code], severities: FINDING_DOCS[code]?.severities ?? [] })),
      ];
      process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      return;
    }
    const w = Math.max(...RULES.map((r) => r.name.length));
    process.stdout.write('Rules (venvguard check)\n');
    for (const r of RULES) process.stdout.write(`${r.code}  ${r.name.padEnd(w)}  ${r.fixable === 'never' ? '   ' : '[*]'}  ${r.summary}\n`);
    process.stdout.write('\n[*] a fix is available (see `venvguard explain CODE` for when it is safe)\n');
    const sw = Math.max(...codes.map((c) => severity(c).length));
    process.stdout.write('\nDoctor codes (venvguard doctor)\n');
    for (const code of codes) process.stdout.write(`${code}  ${severity(code).padEnd(sw)}  ${FINDING_CODES[code]}\n`);
  });

oneLineErrors(program
  .command('explain'), 'venvguard explain --help')
  .description("print a rule's or a doctor code's concept page")
  .argument('<code>', 'a rule code or name (VG101, bare-pip) or a doctor code (DR005), in any case')
  .action(async (key: string) => {
    const k = key.trim();
    if (/^dr\d+$/i.test(k)) {
      const { findingCode, renderFindingDoc } = await import('../env/finding-docs.js');
      const code = findingCode(k);
      if (code) return void process.stdout.write(renderFindingDoc(code));
    } else {
      const [{ RULES }, { renderRuleDoc }, { recordedTranscripts, pageOutput }] = await Promise.all([import('../rules/index.js'), import('../rules/docs.js'), import('../lab/page.js')]);
      const rule = RULES.find((r) => r.code === k.toUpperCase() || r.name === k.toLowerCase());
      const recorded = rule && recordedTranscripts().find((t) => t.code === rule.code);
      if (rule) return void process.stdout.write(renderRuleDoc(rule, recorded && pageOutput(recorded)));
    }
    throw new UsageError(`unknown code '${key}': neither a rule (VG101…, or a name such as bare-pip) nor a doctor code (DR001…); \`venvguard rules\` lists both`);
  });

oneLineErrors(program
  .command('doctor'), 'venvguard doctor --help')
  .description('show where an interpreter really loads code from, and what a child would run')
  .option('--python <path>', 'an interpreter or a venv folder (default: $VIRTUAL_ENV, .venv/venv here or above, python3 on PATH)')
  .option('--static', 'read files only; do not start the interpreter (the probe runs its .pth code)')
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .action((o) => runDoctor({ python: o.python, static: !!o.static, format: o.format }));

oneLineErrors(program
  .command('lab'), 'venvguard lab --help')
  .description("run rule pages' examples in real temporary venvs and check each output against the page")
  .argument('[codes...]', 'rule codes or names (VG101, bare-pip)')
  .option('--all', 'every rule')
  .option('--python <path>', 'an interpreter to make the venv with (repeatable; default: up to three versions found: python3 on PATH, pyenv)', (v: string, prev: string[]) => [...prev, v], [] as string[])
  .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
  .addHelpText('after', `
Exit codes: 0 every output agrees with its page; 1 an output disagrees (the claim and the output are
named); 2 bad input: an unknown code, a --python that is not a Python 3 interpreter, or one that
cannot create a venv (ensurepip missing). Temporary venvs are removed in every case.`)
  .action(async (codes: string[], o) => {
    const { runLabCommand } = await import('./lab.js');
    process.exitCode = await runLabCommand({ codes, all: !!o.all, pythons: o.python, format: o.format });
  });

oneLineErrors(program
  .command('run'), 'venvguard run --help')
  .description('run a command and report where Python processes below it escape the venv')
  .usage('[options] -- CMD [ARGS...]')
  .argument('[command...]', 'the command to run (put it after --)')
  .option('--venv <dir>', "the venv processes belong in (default: CMD's own venv when CMD is a venv's interpreter or script, else $VIRTUAL_ENV, else .venv/venv here or above)")
  .addOption(new Option('--format <format>', 'also write the report as json or sarif (to --output, else stdout); the text report always goes to stderr').choices(['text', 'json', 'sarif']).default('text'))
  .option('--output <file>', 'write the --format json|sarif report to this file')
  .option('--html <file>', 'write one self-contained HTML page: the process tree and each escape with its stack')
  .option('--no-fail', "exit with CMD's own code even when escapes were seen")
  .option('--keep', 'keep the folder of trace records (its path is printed)')
  .addHelpText('after', `
Exit codes: CMD's own when CMD failed (128+N when signal N ended it); otherwise 1 when escapes
were seen, 3 when none were seen but tracing could not be installed (see "Not watched"), 0 when
none. --no-fail: always CMD's own. 2: bad input; 127: CMD not found; 126: CMD cannot be run.`)
  .action(async (command: string[], o) => {
    const { runCommand } = await import('./run-command.js');
    process.exitCode = await runCommand(command, { venv: o.venv, format: o.format, output: o.output, html: o.html, fail: o.fail !== false, keep: !!o.keep, version: pkg.version });
  });

// No top-level await: the bundle of this file is a CommonJS script run with a code cache
// (scripts/bundle.ts).
if (process.argv.length <= 2) {
  // Nothing asked: a short usage, and a status that says nothing was done.
  process.stderr.write(SHORT_USAGE);
  process.exitCode = EXIT.error;
} else {
  program.parseAsync(process.argv).catch((e: unknown) => {
    process.exitCode = reportFailure(e);
  });
}
