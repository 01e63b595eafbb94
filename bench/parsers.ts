/**
 * Parser comparison on the CPython 3.12 standard library: how fast, how big, and how right each Python
 * parser venvguard could use is, with CPython itself as the judge of which files are valid.
 *
 *   npx tsc -p . && node dist/bench/parsers.js [--runs N] [--only LIST] [--corpus DIR] [--json FILE]
 *
 * Parsers (ids for --only):
 *   web      web-tree-sitter + tree-sitter-python's own .wasm (what venvguard ships)
 *   native   the `tree-sitter` npm binding + tree-sitter-python's native binding (devDependency)
 *   lezer    @lezer/python (devDependency)
 *   cpython  python3.12's ast.parse (timed); validity is python3.12's compile(), run untimed
 *   native-yield  (only with --only) native, but the loop awaits setImmediate every 100 files (time counted
 *            as parse time). The binding frees a tree in a finalizer that runs only when the event loop
 *            turns, so a synchronous loop over many files keeps every tree alive; this variant shows that.
 *   native-gc  (only with --only) as native-yield, plus a full gc() (node --expose-gc) before each turn
 *
 * Every run of every parser is its own child process (this same script with --child), so each gets a
 * fresh heap and its own peak RSS. Runs are interleaved (run 1 of each parser, then run 2, ...) so drift
 * on the machine hits all parsers alike. Inside a child, each file is read and decoded first (untimed),
 * then only the parse call is timed; the error check (tree-sitter: rootNode.hasError, Lezer: a walk for
 * an error node) is timed separately. Peak RSS is GNU time's %M when /usr/bin/time works, else the
 * child's own process.resourceUsage().maxRSS; both are printed.
 *
 * Node parsers get the text decoded as CPython would (UTF-8 BOM, else a PEP 263 coding line on line 1
 * or 2, else UTF-8; undecodable bytes become U+FFFD). CPython gets the raw bytes.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { findCPython312, probePython, type PythonInfo } from './corpus.js';
import { listPythonFiles } from './walk.js';

const require = createRequire(import.meta.url);
const SELF = fileURLToPath(import.meta.url);

type ParserId = 'web' | 'native' | 'native-yield' | 'native-gc' | 'lezer' | 'cpython';
type NodeParserId = Exclude<ParserId, 'cpython'>;
/** The parsers run by default; native-yield and native-gc are diagnostic variants, run only when named in --only. */
const DEFAULT_PARSERS: ParserId[] = ['web', 'native', 'lezer', 'cpython'];
const ALL_PARSERS: ParserId[] = [...DEFAULT_PARSERS, 'native-yield', 'native-gc'];
/** native-yield / native-gc: how often (in files) the loop yields to the event loop (and, for native-gc, collects first). */
const GC_EVERY = 100;
const LABELS: Record<ParserId, string> = {
  web: 'web-tree-sitter + tree-sitter-python.wasm',
  native: 'tree-sitter (native) + tree-sitter-python (native)',
  'native-yield': `native, event loop turned every ${GC_EVERY} files`,
  'native-gc': `native, gc() + event loop turned every ${GC_EVERY} files`,
  lezer: '@lezer/python',
  cpython: 'CPython ast.parse',
};

/** What one child run reports (as JSON on the file named by --out). */
interface ChildReport {
  parser: ParserId;
  version: string;
  files: number;
  bytes: number;
  /** Sum of the per-file parse calls (wall clock). */
  parseSeconds: number;
  /** The same calls in CPU time (user + system of the whole process), robust to a busy machine. */
  parseCpuSeconds: number;
  /** Sum of the per-file error checks (0 for CPython, whose verdict comes with the parse). */
  checkSeconds: number;
  /** Loading the runtime and grammar. */
  loadSeconds: number;
  /** The child's own peak RSS in KiB (resourceUsage / getrusage). */
  selfMaxRssKiB: number;
  /** Relative paths of files the parser flagged as having a syntax error. */
  flagged: string[];
  /** Files where the parser threw or gave no tree: relative path and message. */
  crashed: Array<[string, string]>;
  /** CPython only: files compile() rejects, with the message. */
  invalid?: Array<[string, string]>;
  /** CPython only: files ast.parse() rejects (a subset of compile()'s). */
  astRejected?: string[];
}

// ---------------------------------------------------------------------------------------------------
// Decoding (same for every Node parser)

const CODING_RE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

function codingLine(bytes: Buffer): string | undefined {
  const lines = bytes.subarray(0, 400).toString('latin1').split(/\r\n|\r|\n/, 2);
  const first = CODING_RE.exec(lines[0] ?? '');
  if (first) return first[1];
  if (lines.length > 1 && /^[ \t\f]*(#.*)?$/.test(lines[0] ?? '')) return CODING_RE.exec(lines[1] ?? '')?.[1];
  return undefined;
}

export function decodeSource(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const declared = codingLine(bytes)?.toLowerCase().replace(/_/g, '-');
  if (declared && !/^(utf-?8|u8)(-|$)/.test(declared)) {
    if (/^(latin-?1|iso-?8859-1|l1)$/.test(declared)) return bytes.toString('latin1');
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      /* unknown to WHATWG: fall through to UTF-8 */
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

// ---------------------------------------------------------------------------------------------------
// The parsers, each behind one small interface

interface LoadedParser {
  version: string;
  /** Parses; returns an opaque tree handle (or throws). */
  parse(text: string): unknown;
  /** Whether the tree has a syntax error; also frees the tree where the runtime needs that. */
  hasErrorAndFree(tree: unknown): boolean;
  /** A printable form of the tree for the feature checks. */
  show(tree: unknown): string;
}

function packageVersion(pkg: string): string {
  try {
    const file = require.resolve(`${pkg}/package.json`);
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    // Packages whose "exports" hide package.json: walk up from the entry point.
    try {
      let dir = path.dirname(require.resolve(pkg));
      while (dir !== path.dirname(dir)) {
        const candidate = path.join(dir, 'package.json');
        if (fs.existsSync(candidate)) {
          const json = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
          if (json.name === pkg) return json.version ?? '?';
        }
        dir = path.dirname(dir);
      }
    } catch {
      /* not installed */
    }
    return '?';
  }
}

interface TsNodeLike {
  hasError: boolean;
  toString(): string;
}
interface TsTreeLike {
  rootNode: TsNodeLike;
  delete?: () => void;
}

async function loadWeb(): Promise<LoadedParser> {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const language = await Language.load(require.resolve('tree-sitter-python/tree-sitter-python.wasm'));
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    version: `web-tree-sitter ${packageVersion('web-tree-sitter')}, tree-sitter-python ${packageVersion('tree-sitter-python')}`,
    parse: (text) => {
      const tree = parser.parse(text);
      if (!tree) throw new Error('parse returned null');
      return tree;
    },
    hasErrorAndFree: (tree) => {
      const t = tree as TsTreeLike;
      const error = t.rootNode.hasError;
      t.delete?.();
      return error;
    },
    show: (tree) => (tree as TsTreeLike).rootNode.toString(),
  };
}

async function loadNative(): Promise<LoadedParser> {
  // Loaded through require with a computed name: the bench compiles even when the devDependency is absent.
  const nativeName = 'tree-sitter';
  const NativeParser = require(nativeName) as new () => { setLanguage(l: unknown): void; parse(s: string, old?: null, o?: { bufferSize?: number }): TsTreeLike };
  const python = require('tree-sitter-python') as unknown;
  const parser = new NativeParser();
  parser.setLanguage(python);
  return {
    version: `tree-sitter ${packageVersion('tree-sitter')} (native), tree-sitter-python ${packageVersion('tree-sitter-python')} (native)`,
    parse: (text) => parser.parse(text),
    // The native binding frees trees only when V8 collects the JS wrapper; there is no delete().
    hasErrorAndFree: (tree) => (tree as TsTreeLike).rootNode.hasError,
    show: (tree) => (tree as TsTreeLike).rootNode.toString(),
  };
}

interface LezerNodeType {
  isError: boolean;
}
interface LezerTree {
  iterate(spec: { enter(node: { type: LezerNodeType }): boolean | void }): void;
  toString(): string;
}

async function loadLezer(): Promise<LoadedParser> {
  const lezerName = '@lezer/python';
  const mod = (await import(lezerName)) as { parser: { parse(text: string): LezerTree } };
  return {
    version: `@lezer/python ${packageVersion('@lezer/python')}, @lezer/lr ${packageVersion('@lezer/lr')}`,
    parse: (text) => mod.parser.parse(text),
    hasErrorAndFree: (tree) => {
      let error = false;
      (tree as LezerTree).iterate({
        enter: (node) => {
          if (error) return false;
          if (node.type.isError) {
            error = true;
            return false;
          }
          return undefined;
        },
      });
      return error;
    },
    show: (tree) => (tree as LezerTree).toString(),
  };
}

async function loadNodeParser(id: NodeParserId): Promise<LoadedParser> {
  if (id === 'web') return loadWeb();
  if (id === 'native' || id === 'native-yield' || id === 'native-gc') return loadNative();
  return loadLezer();
}

// ---------------------------------------------------------------------------------------------------
// Child mode: parse every file of the list once, report JSON

async function runNodeChild(id: NodeParserId, listFile: string, outFile: string): Promise<void> {
  const { root, files } = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { root: string; files: string[] };
  const t0 = performance.now();
  const parser = await loadNodeParser(id);
  const loadSeconds = (performance.now() - t0) / 1000;
  const gc = id === 'native-gc' ? (globalThis as { gc?: () => void }).gc : undefined;
  if (id === 'native-gc' && !gc) throw new Error('native-gc needs node --expose-gc');
  const turnLoop = id === 'native-gc' || id === 'native-yield';
  let parseMs = 0;
  let parseCpuUs = 0;
  let checkMs = 0;
  let bytes = 0;
  let count = 0;
  const flagged: string[] = [];
  const crashed: Array<[string, string]> = [];
  for (const file of files) {
    const raw = fs.readFileSync(file);
    bytes += raw.length;
    const text = decodeSource(raw);
    const rel = path.relative(root, file);
    const cpu = process.cpuUsage();
    const a = performance.now();
    let tree: unknown;
    try {
      tree = parser.parse(text);
    } catch (error) {
      parseMs += performance.now() - a;
      crashed.push([rel, error instanceof Error ? error.message : String(error)]);
      continue;
    }
    const b = performance.now();
    const used = process.cpuUsage(cpu);
    parseCpuUs += used.user + used.system;
    const error = parser.hasErrorAndFree(tree);
    const c = performance.now();
    parseMs += b - a;
    checkMs += c - b;
    if (error) flagged.push(rel);
    tree = undefined;
    if (turnLoop && ++count % GC_EVERY === 0) {
      const cpuGc = process.cpuUsage();
      const g = performance.now();
      gc?.();
      await new Promise<void>((resolve) => setImmediate(resolve));
      parseMs += performance.now() - g;
      const usedGc = process.cpuUsage(cpuGc);
      parseCpuUs += usedGc.user + usedGc.system;
    }
  }
  const report: ChildReport = {
    parser: id,
    version: parser.version,
    files: files.length,
    bytes,
    parseSeconds: parseMs / 1000,
    parseCpuSeconds: parseCpuUs / 1e6,
    checkSeconds: checkMs / 1000,
    loadSeconds,
    selfMaxRssKiB: process.resourceUsage().maxRSS,
    flagged,
    crashed,
  };
  fs.writeFileSync(outFile, JSON.stringify(report));
}

/** The CPython child: times ast.parse per file, then (untimed) compile() for the validity verdict. */
const PYTHON_CHILD = String.raw`
import ast, json, os, resource, sys, time, warnings
warnings.simplefilter("ignore")
list_file, out_file = sys.argv[1], sys.argv[2]
with open(list_file, encoding="utf-8") as f:
    spec = json.load(f)
root = spec["root"]
t0 = time.perf_counter()
parse = 0.0
parse_cpu = 0.0
total = 0
flagged, invalid, crashed = [], [], []
for path in spec["files"]:
    with open(path, "rb") as f:
        data = f.read()
    total += len(data)
    rel = os.path.relpath(path, root)
    a = time.perf_counter()
    ac = time.process_time()
    try:
        tree = ast.parse(data, path)
        del tree
    except (SyntaxError, ValueError, UnicodeDecodeError) as e:
        flagged.append(rel)
    except Exception as e:
        crashed.append([rel, repr(e)])
    parse += time.perf_counter() - a
    parse_cpu += time.process_time() - ac
    try:
        compile(data, path, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, UnicodeDecodeError) as e:
        invalid.append([rel, "%s: %s" % (type(e).__name__, getattr(e, "msg", None) or str(e))])
report = {
    "parser": "cpython",
    "version": "CPython %s (%s)" % (sys.version.split()[0], sys.executable),
    "files": len(spec["files"]),
    "bytes": total,
    "parseSeconds": parse,
    "parseCpuSeconds": parse_cpu,
    "checkSeconds": 0,
    "loadSeconds": 0,
    "selfMaxRssKiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "flagged": flagged,
    "crashed": crashed,
    "invalid": invalid,
    "astRejected": flagged,
}
with open(out_file, "w", encoding="utf-8") as f:
    json.dump(report, f)
`;

// ---------------------------------------------------------------------------------------------------
// Parent: spawn children, measure, compare, print

interface Measured {
  report: ChildReport | null;
  wallSeconds: number;
  gnuTimeKiB: number | null;
  error?: string;
}

function gnuTimeWorks(): boolean {
  if (!fs.existsSync('/usr/bin/time')) return false;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '-e', '0'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/m.test(r.stderr ?? '');
}

function runChild(command: string, args: string[], outFile: string, useGnuTime: boolean, timeoutSeconds: number): Promise<Measured> {
  return new Promise((resolve) => {
    const rssFile = `${outFile}.rss`;
    const [cmd, argv] = useGnuTime ? ['/usr/bin/time', ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
    const start = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallSeconds = (performance.now() - start) / 1000;
      let gnuTimeKiB: number | null = null;
      if (useGnuTime && fs.existsSync(rssFile)) {
        const last = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '';
        gnuTimeKiB = /^\d+$/.test(last) ? Number(last) : null;
      }
      let report: ChildReport | null = null;
      try {
        report = JSON.parse(fs.readFileSync(outFile, 'utf8')) as ChildReport;
      } catch {
        /* reported below */
      }
      const failed = code !== 0 || report === null;
      resolve({
        report,
        wallSeconds,
        gnuTimeKiB,
        error: failed ? `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-5).join(' | ')}` : undefined,
      });
    });
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmt(n: number, digits = 2): string {
  return n.toFixed(digits);
}

/** Small programs for the feature check: each should parse without error in a Python 3.12 grammar. */
const FEATURES: Array<{ name: string; source: string; cpython312: string }> = [
  {
    name: 'match statement',
    source: 'match cmd:\n    case ["go", direction] if direction:\n        pass\n    case {"x": x, **rest}:\n        pass\n    case Point(x=0) | None:\n        pass\n    case _:\n        pass\n',
    cpython312: 'valid',
  },
  { name: 'PEP 695 type alias', source: 'type Pairs[T] = list[tuple[T, T]]\ntype X = int | str\n', cpython312: 'valid' },
  { name: 'PEP 695 generic def', source: 'def f[T](x: T) -> T:\n    return x\n', cpython312: 'valid' },
  { name: 'PEP 695 generic class', source: 'class Box[T: int, *Ts, **P]:\n    pass\n', cpython312: 'valid' },
  { name: 'PEP 701 nested same-quote f-string', source: 'x = f"{", ".join(f"{a}" for a in items)}"\n', cpython312: 'valid' },
  { name: 'PEP 701 f-string, backslash in expression', source: 'x = f"{"\\n".join(lines)}"\n', cpython312: 'valid' },
  { name: 'Python 2 print statement', source: 'print "x"\n', cpython312: 'invalid' },
  // Also a valid Python 3 expression statement (a tuple: print >> sys.stderr, "x"), so CPython compiles it.
  { name: 'Python 2 print >>f (also a valid Py3 expression)', source: 'print >>sys.stderr, "x"\n', cpython312: 'valid' },
  { name: 'Python 2 exec statement', source: 'exec "x = 1"\n', cpython312: 'invalid' },
  { name: 'Python 2 exec ... in ns', source: 'exec "x = 1" in ns\n', cpython312: 'invalid' },
];

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

async function featureChecks(ids: ParserId[], python: PythonInfo | null): Promise<string[]> {
  const lines: string[] = ['## Feature checks', ''];
  const loaded: Array<[ParserId, LoadedParser]> = [];
  for (const id of ids) {
    if (id === 'cpython' || id === 'native-gc' || id === 'native-yield') continue;
    try {
      loaded.push([id, await loadNodeParser(id)]);
    } catch (error) {
      lines.push(`- ${LABELS[id]}: not loaded (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  let cpythonVerdicts: string[] | null = null;
  if (python) {
    const script = 'import json,sys,warnings\nwarnings.simplefilter("ignore")\nout=[]\nfor s in json.load(sys.stdin):\n  try:\n    compile(s,"<f>","exec",dont_inherit=True); out.append("ok")\n  except SyntaxError as e:\n    out.append("SyntaxError: %s" % e.msg)\nprint(json.dumps(out))';
    const r = spawnSync(python.executable, ['-I', '-c', script], { input: JSON.stringify(FEATURES.map((f) => f.source)), encoding: 'utf8' });
    if (r.status === 0) cpythonVerdicts = JSON.parse(r.stdout) as string[];
  }
  const header = ['Construct', `CPython ${python?.version ?? '?'}`, ...loaded.map(([id]) => LABELS[id])];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`);
  const trees: string[] = [];
  FEATURES.forEach((feature, i) => {
    const row = [feature.name, cpythonVerdicts ? cpythonVerdicts[i] : '?'];
    for (const [id, parser] of loaded) {
      try {
        const tree = parser.parse(feature.source);
        const shown = parser.show(tree);
        const error = parser.hasErrorAndFree(tree);
        row.push(error ? '**error**' : 'ok');
        if (id === 'web') trees.push(`- ${feature.name}: \`${feature.source.trimEnd().replace(/\n/g, '⏎')}\`\n  → ${error ? 'ERROR ' : ''}\`${truncate(shown, 600)}\``);
      } catch (error) {
        row.push(`threw: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    lines.push(`| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  });
  if (trees.length) lines.push('', 'web-tree-sitter trees:', '', ...trees);
  return lines;
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) out[a.slice(2)] = argv[++i];
    else out[a.slice(2)] = 'true';
  }
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) {
    await runNodeChild(args.child as NodeParserId, args.list, args.out);
    return;
  }
  const runs = Number(args.runs ?? 3);
  const timeoutSeconds = Number(args.timeout ?? 900);
  const ids = (args.only ? args.only.split(',').map((s) => s.trim()) : DEFAULT_PARSERS) as ParserId[];
  for (const id of ids) if (!ALL_PARSERS.includes(id)) throw new Error(`--only: unknown parser ${id} (known: ${ALL_PARSERS.join(', ')})`);

  const python = findCPython312();
  let corpus = args.corpus ? path.resolve(args.corpus) : python?.stdlib;
  if (!corpus) {
    const fallback = probePython('python3');
    corpus = fallback?.stdlib;
    if (!corpus) throw new Error('no CPython 3.12 (pyenv or python3.12 on PATH) and no python3: pass --corpus DIR');
    console.error(`warning: no CPython 3.12 found; using ${fallback?.version} standard library`);
  }
  const files = listPythonFiles(corpus);
  const totalBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-parsers-'));
  const listFile = path.join(work, 'files.json');
  fs.writeFileSync(listFile, JSON.stringify({ root: corpus, files }));
  const useGnuTime = gnuTimeWorks();
  console.error(`corpus: ${corpus}: ${files.length} files, ${fmt(totalBytes / 1e6, 1)} MB; ${runs} runs; peak RSS from ${useGnuTime ? 'GNU time %M' : 'the child itself'}`);

  const loadBefore = os.loadavg();
  const results = new Map<ParserId, Measured[]>();
  const skipped = new Map<ParserId, string>();
  // Can each parser be loaded at all? (A missing devDependency is a skip, not a failure.)
  for (const id of ids) {
    if (id === 'cpython') {
      if (!python) skipped.set(id, 'no CPython 3.12 found');
      continue;
    }
    try {
      await loadNodeParser(id);
    } catch (error) {
      skipped.set(id, `cannot load: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  for (let run = 1; run <= runs; run++) {
    for (const id of ids) {
      if (skipped.has(id)) continue;
      const outFile = path.join(work, `${id}-${run}.json`);
      const [command, argv] =
        id === 'cpython'
          ? [python!.executable, ['-I', '-c', PYTHON_CHILD, listFile, outFile]]
          : [process.execPath, [...(id === 'native-gc' ? ['--expose-gc'] : []), SELF, '--child', id, '--list', listFile, '--out', outFile]];
      console.error(`run ${run}/${runs}: ${id} ...`);
      const m = await runChild(command, argv, outFile, useGnuTime, timeoutSeconds);
      if (m.error) console.error(`  ${id} run ${run} failed: ${m.error}`);
      else console.error(`  parse ${fmt(m.report!.parseSeconds)} s (CPU ${fmt(m.report!.parseCpuSeconds)} s), wall ${fmt(m.wallSeconds)} s, RSS ${m.gnuTimeKiB ?? m.report!.selfMaxRssKiB} KiB, load ${os.loadavg()[0].toFixed(2)}`);
      results.set(id, [...(results.get(id) ?? []), m]);
    }
  }

  // The reference: which files CPython 3.12 compiles.
  const cpythonReport = results.get('cpython')?.find((m) => m.report)?.report ?? null;
  const invalid = new Map<string, string>((cpythonReport?.invalid ?? []).map(([f, msg]) => [f, msg]));
  const out: string[] = [];
  out.push(`# Python parsers on ${files.length} files, ${fmt(totalBytes / 1e6, 1)} MB`, '');
  const loadAfter = os.loadavg();
  out.push(`Corpus: ${corpus} (site-packages and __pycache__ excluded). ${runs} runs per parser, each a fresh child process; times are medians.`);
  out.push(`Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}; 1-minute load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after (above ~1 means other work shared the CPUs: trust the CPU columns over the wall ones).`);
  out.push(cpythonReport ? `Reference: ${cpythonReport.version}: compile() rejects ${invalid.size} of ${files.length} files.` : 'Reference: none (CPython 3.12 not run).', '');
  out.push('| Parser | Version | Parse CPU, median (s) | MB/s (CPU) | Parse wall, median (s) | Wall runs (s) | MB/s (wall) | Error check (s) | Child wall (s) | Peak RSS (MiB) | Valid files flagged | Invalid files noticed |');
  out.push('| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const details: string[] = [];
  for (const id of ids) {
    if (skipped.has(id)) {
      out.push(`| ${LABELS[id]} | – | skipped: ${skipped.get(id)} | | | | | | | | | |`);
      continue;
    }
    const ok = (results.get(id) ?? []).filter((m) => m.report);
    const failed = (results.get(id) ?? []).filter((m) => m.error);
    if (!ok.length) {
      out.push(`| ${LABELS[id]} | – | failed: ${failed[0]?.error ?? '?'} | | | | | | | | | |`);
      continue;
    }
    const r0 = ok[0].report!;
    const parse = median(ok.map((m) => m.report!.parseSeconds));
    const parseCpu = median(ok.map((m) => m.report!.parseCpuSeconds));
    const check = median(ok.map((m) => m.report!.checkSeconds));
    const wall = median(ok.map((m) => m.wallSeconds));
    const rssKiB = Math.max(...ok.map((m) => m.gnuTimeKiB ?? m.report!.selfMaxRssKiB));
    const selfRss = Math.max(...ok.map((m) => m.report!.selfMaxRssKiB));
    const flagged = new Set([...r0.flagged, ...r0.crashed.map(([f]) => f)]);
    const falseErrors = [...flagged].filter((f) => !invalid.has(f));
    const noticed = [...invalid.keys()].filter((f) => flagged.has(f));
    const stable = ok.every((m) => JSON.stringify(m.report!.flagged) === JSON.stringify(r0.flagged));
    const runsCol = ok.map((m) => fmt(m.report!.parseSeconds)).join(', ') + (failed.length ? ` (+${failed.length} failed)` : '');
    out.push(
      `| ${LABELS[id]} | ${r0.version.replace(/ \(\/.*\)$/, '')} | ${fmt(parseCpu)} | ${fmt(totalBytes / 1e6 / parseCpu, 1)} | ${fmt(parse)} | ${runsCol} | ${fmt(totalBytes / 1e6 / parse, 1)} | ${id === 'cpython' ? 'n/a' : fmt(check)} | ${fmt(wall)} | ${fmt(rssKiB / 1024, 0)} | ${id === 'cpython' ? `${r0.flagged.filter((f) => !invalid.has(f)).length} (ast.parse vs compile)` : falseErrors.length} | ${noticed.length} / ${invalid.size} |`,
    );
    details.push(`### ${LABELS[id]}`, '');
    details.push(`- version: ${r0.version}; load ${fmt(r0.loadSeconds, 3)} s; parse CPU per run ${ok.map((m) => fmt(m.report!.parseCpuSeconds)).join(', ')} s; peak RSS: GNU time ${ok.map((m) => m.gnuTimeKiB ?? '?').join('/')} KiB, self-reported ${fmt(selfRss / 1024, 0)} MiB max`);
    if (!stable) details.push('- WARNING: the set of flagged files differed between runs');
    if (r0.crashed.length) details.push(`- threw on ${r0.crashed.length} files: ${r0.crashed.slice(0, 10).map(([f, m]) => `${f} (${m})`).join('; ')}`);
    if (id === 'cpython') {
      details.push(`- ast.parse rejects ${r0.flagged.length}; compile() rejects ${invalid.size}:`);
      for (const [f, msg] of invalid) details.push(`  - ${f}: ${truncate(msg, 110)}${r0.flagged.includes(f) ? '' : ' (ast.parse accepts it)'}`);
    } else {
      details.push(`- flags ${flagged.size} files; valid files flagged: ${falseErrors.length}${falseErrors.length ? ` (first ${Math.min(10, falseErrors.length)}: ${falseErrors.slice(0, 10).join(', ')})` : ''}`);
      if (invalid.size) {
        const missed = [...invalid.keys()].filter((f) => !flagged.has(f));
        details.push(`- invalid files noticed: ${noticed.length} of ${invalid.size}${missed.length ? `; not noticed: ${missed.join(', ')}` : ''}`);
      }
    }
    details.push('');
  }
  out.push('', 'Parse = the sum of the parse calls only (files read and decoded beforehand, untimed), as CPU time (user + system of the child, all its threads) and as wall time; MB/s = corpus bytes (10^6) ÷ that median. Valid files flagged = files CPython 3.12 compiles that the parser marks as having an error (for CPython itself: files ast.parse rejects that compile() accepts, always 0); invalid files noticed = of the files compile() rejects, how many the parser marks. Error check = rootNode.hasError (tree-sitter) or a walk for an error node (Lezer), timed apart. Child wall = the whole child process (startup, load, read, decode, parse, check). Peak RSS = the highest over the runs.', '');
  out.push(...details);
  out.push(...(await featureChecks(ids, python)));
  console.log(out.join('\n'));
  if (args.json) {
    fs.writeFileSync(args.json, JSON.stringify({ corpus, files: files.length, bytes: totalBytes, results: Object.fromEntries(results), skipped: Object.fromEntries(skipped) }, null, 2));
  }
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(2);
});
