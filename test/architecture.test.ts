/**
 * The architecture of src/, written down as data and checked against the source text. LAYERS says
 * which layer may import which; the checks read every .ts file under src/, take its import and
 * export specifiers with a regular expression (no build needed; `import type` counts like any other
 * import, and so do dynamic `import('…')` calls), and assert: (a) every import goes to the same
 * layer or to one the table allows, (b) no files import each other in a cycle, (c) no file is over
 * MAX_LINES lines.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// The architecture

interface Layer {
  /** Where it lives under src/: a folder (`kernel/`) or a single file (`api.ts`). */
  at: string;
  /** Layers it may import at run time (besides itself). */
  may: string[];
  /** Layers it may import types from (`import type`, `import { type X }`), and nothing else. */
  mayTypes?: string[];
  what: string;
}

/**
 * Bottom to top. Importing within a layer is always allowed. rules and frontends are siblings and
 * must not import each other; env sees neither of them.
 */
const LAYERS: Record<string, Layer> = {
  kernel: { at: 'kernel/', may: [], what: 'types and tiny generic helpers: source, word, launch-site, diagnostic, rule, verdict …' },
  judge: { at: 'judge/', may: ['kernel'], what: 'is this launch a Python tool?' },
  env: { at: 'env/', may: ['kernel', 'judge'], what: 'interpreter discovery, doctor' },
  frontends: { at: 'frontends/', may: ['kernel', 'judge'], what: 'files → LaunchSites' },
  rules: { at: 'rules/', may: ['kernel', 'judge'], what: 'LaunchSites → diagnostics' },
  pipeline: { at: 'pipeline/', may: ['kernel', 'judge', 'env', 'frontends', 'rules'], what: 'config, discover, read, diagnose, fix, engine/workers' },
  reporters: { at: 'reporters/', may: ['kernel'], mayTypes: ['pipeline'], what: 'diagnostics → text, JSON, SARIF, GitHub annotations' },
  lab: { at: 'lab/', may: ['kernel', 'judge', 'env', 'rules'], what: 'venvguard lab: rule pages\' examples run in real venvs' },
  lsp: { at: 'lsp/', may: ['kernel', 'judge', 'env', 'frontends', 'rules', 'pipeline', 'reporters'], what: 'the Language Server: LSP ⇄ checkSource' },
  api: { at: 'api.ts', may: ['kernel', 'judge', 'env', 'frontends', 'rules', 'pipeline', 'reporters'], what: 'the public API' },
  action: { at: 'action/', may: ['kernel', 'reporters', 'api'], mayTypes: ['pipeline'], what: 'the GitHub Action: inputs → check → annotations, SARIF, summary' },
  cli: { at: 'cli/', may: ['kernel', 'judge', 'env', 'frontends', 'rules', 'pipeline', 'reporters', 'api', 'lsp', 'lab'], what: 'the command line' },
};

/**
 * Imports that break the table on purpose, as `from → to` (`src/…` paths). At most three, each
 * with its reason. None today.
 */
const EXCEPTIONS: Array<{ from: string; to: string; why: string }> = [];
const MAX_EXCEPTIONS = 3;

const MAX_LINES = 600;

// ---------------------------------------------------------------------------------------------
// The import graph of src/

const srcDir = path.join(repoRoot, 'src');

interface Edge {
  from: string;
  to: string;
  /** The specifier as written, for messages. */
  spec: string;
  typeOnly: boolean;
}

function listTs(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `src/${f.split(path.sep).join('/')}`)
    .sort();
}

/** `import … from '…'`, `export … from '…'` (possibly over several lines), `import '…'`, `import('…')`. */
const FROM = /^[ \t]*(?:import|export)\s+(type\s+)?([\w$\s{},*]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const BARE = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** `import type { A }`, `export type { A }`, `import { type A, type B }`: erased at compile time. */
function isTypeOnly(typeKeyword: string | undefined, clause: string): boolean {
  if (typeKeyword) return true;
  const c = clause.trim();
  if (!/^\{[^}]*\}$/.test(c)) return false;
  const names = c.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => /^type\s/.test(n));
}

const files = listTs(srcDir);
const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(repoRoot, f), 'utf8')]));
const edges: Edge[] = [];
const unresolved: string[] = [];

for (const [file, text] of texts) {
  const found: Array<{ spec: string; typeOnly: boolean }> = [];
  for (const m of text.matchAll(FROM)) found.push({ spec: m[3], typeOnly: isTypeOnly(m[1], m[2]) });
  for (const m of text.matchAll(BARE)) found.push({ spec: m[1], typeOnly: false });
  for (const m of text.matchAll(DYNAMIC)) found.push({ spec: m[1], typeOnly: false });
  for (const { spec, typeOnly } of found) {
    if (!spec.startsWith('.')) continue; // packages and node: built-ins
    const to = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, '.ts');
    if (!texts.has(to)) unresolved.push(`${file}: '${spec}'`);
    else edges.push({ from: file, to, spec, typeOnly });
  }
}

function layerOf(file: string): string | undefined {
  const rel = file.slice('src/'.length);
  for (const [name, l] of Object.entries(LAYERS)) if (l.at.endsWith('/') ? rel.startsWith(l.at) : rel === l.at) return name;
  return undefined;
}

const arrow = (e: { from: string; to: string }) => `${e.from} → ${e.to}`;

function layerViolations(): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const a = layerOf(e.from);
    const b = layerOf(e.to);
    if (!a || !b || a === b) continue;
    const l = LAYERS[a];
    if (l.may.includes(b) || (e.typeOnly && l.mayTypes?.includes(b))) continue;
    if (EXCEPTIONS.some((x) => x.from === e.from && x.to === e.to)) continue;
    out.push(arrow(e));
  }
  return [...new Set(out)];
}

/** Strongly connected components of more than one file (or a file importing itself), Tarjan. */
function cycles(): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)!.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1 || next.get(v)!.includes(v)) components.push(c.sort());
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return components;
}

/** A cycle's report: the shortest cycle from the component's first file, then any other files in it. */
function describeCycle(component: string[]): string {
  const loop = cyclePath(component);
  const others = component.filter((f) => !loop.split(' → ').includes(f));
  return others.length ? `${loop} (also in this cycle: ${others.join(', ')})` : loop;
}

/** One concrete cycle through a component, shortest from its first file: `a → b → c → a`. */
function cyclePath(component: string[]): string {
  const inside = new Set(component);
  const start = component[0];
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const e of edges) {
      if (e.from !== v || !inside.has(e.to)) continue;
      if (e.to === start) {
        const trail = [v];
        while (trail[0] !== start) trail.unshift(prev.get(trail[0])!);
        return [...trail, start].join(' → ');
      }
      if (!prev.has(e.to)) {
        prev.set(e.to, v);
        queue.push(e.to);
      }
    }
  }
  return component.join(', ');
}

function lineCount(text: string): number {
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

const sizes = files.map((f) => ({ file: f, lines: lineCount(texts.get(f)!) })).sort((a, b) => b.lines - a.lines);

/** One check: every violation fails it, listed. */
function check(name: string, violations: string[]): void {
  test(name, () => assert.deepEqual(violations, [], `${name}:\n  ${violations.join('\n  ')}`));
}

// ---------------------------------------------------------------------------------------------
// The checks

test('architecture summary', (t) => {
  const cross = edges.filter((e) => layerOf(e.from) !== layerOf(e.to)).length;
  const found = cycles();
  t.diagnostic(`${files.length} files, ${edges.length} imports checked (${cross} across layers), ${found.length} cycle(s) found`);
  t.diagnostic(`largest: ${sizes.slice(0, 5).map((s) => `${s.file} ${s.lines}`).join(', ')}`);
  for (const c of found) t.diagnostic(`cycle: ${describeCycle(c)}`);
});

test('the layer table is a definition: known layers, no loops between layers, every file placed', () => {
  for (const [name, l] of Object.entries(LAYERS)) {
    for (const dep of [...l.may, ...(l.mayTypes ?? [])]) assert.ok(dep in LAYERS && dep !== name, `${name} may import unknown layer ${dep}`);
  }
  // A layer may not reach itself through the table: "lower" and "higher" are well defined.
  const reach = (from: string, seen = new Set<string>()): Set<string> => {
    for (const d of [...LAYERS[from].may, ...(LAYERS[from].mayTypes ?? [])]) if (!seen.has(d)) reach(d, seen.add(d));
    return seen;
  };
  for (const name of Object.keys(LAYERS)) assert.ok(!reach(name).has(name), `layer ${name} can import itself through the table`);
  assert.deepEqual(files.filter((f) => !layerOf(f)), [], 'files under src/ outside every layer');
  assert.ok(files.length > 50 && edges.length > 200, `the scan found ${files.length} files and ${edges.length} imports: is the regex still right?`);
});

test('every relative import names a .ts file under src/', () => {
  assert.deepEqual(unresolved, []);
});

test(`at most ${MAX_EXCEPTIONS} exceptions to the layers, each explained and still needed`, () => {
  assert.ok(EXCEPTIONS.length <= MAX_EXCEPTIONS, `${EXCEPTIONS.length} exceptions`);
  for (const x of EXCEPTIONS) {
    assert.ok(x.why.trim().length > 20, `${x.from} → ${x.to}: say why`);
    assert.ok(edges.some((e) => e.from === x.from && e.to === x.to), `${x.from} → ${x.to} no longer imports: drop the exception`);
  }
});

check('(a) imports go down the layers, never between siblings', layerViolations());

check('(b) no import cycles between files', cycles().map(describeCycle));

check(
  `(c) no file under src/ over ${MAX_LINES} lines`,
  sizes.filter((s) => s.lines > MAX_LINES).map((s) => `${s.file} (${s.lines} lines)`),
);
