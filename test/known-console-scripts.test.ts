/**
 * The data file of known console scripts (src/judge/console-scripts.json) against real
 * interpreters: for every entry whose distribution is installed in an interpreter found here
 * (`python3` anywhere on PATH, pyenv's versions and its `system`), the distribution must provide
 * that script (its entry points) and, where a module is claimed, `python -m module` must be able to
 * run it (the module is found and, for a package, its `__main__` too). Entries no interpreter here
 * has are counted and reported, not passed.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { KNOWN_CONSOLE_SCRIPTS, scriptsOfDistribution } from '../src/judge/known-console-scripts.js';
import { CURATED_CONSOLE_SCRIPTS } from '../src/judge/python-tools.js';
import { render } from '../scripts/console-scripts-data.js';
import { repoRoot } from './helpers.js';

interface Claim {
  name: string;
  dist: string;
  module?: string;
}

/** Every Python 3.8+ interpreter found here (importlib.metadata), one per distinct prefix. */
function interpreters(): { exe: string; version: string }[] {
  const candidates: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir || /[/\\]shims$/.test(dir)) continue;
    const exe = path.join(dir, 'python3');
    if (fs.existsSync(exe)) candidates.push(exe);
  }
  const root = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (root.status === 0) {
    const versions = path.join(root.stdout.trim(), 'versions');
    for (const v of fs.existsSync(versions) ? fs.readdirSync(versions).sort() : []) candidates.push(path.join(versions, v, 'bin', 'python3'));
    const sys = spawnSync('pyenv', ['which', 'python3'], { encoding: 'utf8', env: { ...process.env, PYENV_VERSION: 'system' } });
    if (sys.status === 0 && sys.stdout.trim()) candidates.push(sys.stdout.trim());
  }
  const byPrefix = new Map<string, { exe: string; version: string }>();
  for (const exe of candidates) {
    if (!fs.existsSync(exe)) continue;
    const r = spawnSync(exe, ['-c', 'import sys; print(sys.prefix); print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8', timeout: 20_000 });
    const [prefix, version] = r.status === 0 ? r.stdout.trim().split('\n') : [];
    if (prefix && /^3\.(8|9|\d\d)$/.test(version ?? '') && !byPrefix.has(prefix)) byPrefix.set(prefix, { exe, version });
  }
  return [...byPrefix.values()];
}

/**
 * Runs in each interpreter: for each claim whose distribution is installed, what is wrong with it
 * ('' when nothing). The module is looked up as `python -m` does (runpy: the module, or a
 * package's __main__), which imports its parent packages.
 */
const CHECKER = String.raw`
import sys, os, json, importlib.util, importlib.machinery, importlib.metadata as md
SUFFIXES = importlib.machinery.all_suffixes()

def locate(name):
    """Where -m would find the module: ('package', folders) or ('module', None); None when absent. Only the
    top-level package is looked up through the import system (which runs no package code); the rest are files."""
    parts = name.split(".")
    spec = importlib.util.find_spec(parts[0])
    if spec is None:
        return None
    kind, locs = ("package", list(spec.submodule_search_locations)) if spec.submodule_search_locations is not None else ("module", None)
    for part in parts[1:]:
        if kind != "package":
            return None
        nxt = None
        for d in locs:
            if os.path.isdir(os.path.join(d, part)):
                nxt = ("package", [os.path.join(d, part)])
                break
            if any(os.path.isfile(os.path.join(d, part + s)) for s in SUFFIXES):
                nxt = ("module", None)
                break
        if nxt is None:
            return None
        kind, locs = nxt
    return kind, locs

claims = json.load(sys.stdin)
out = {}
for c in claims:
    try:
        dist = md.distribution(c["dist"])
    except Exception:
        continue
    names = {ep.name for ep in dist.entry_points if ep.group in ("console_scripts", "gui_scripts")}
    problem = ""
    if c.get("module"):
        found = locate(c["module"])
        if found is None:
            problem = "no module %s in %s %s" % (c["module"], c["dist"], dist.version)
        elif found[0] == "package" and not any(os.path.isfile(os.path.join(d, "__main__" + s)) for d in found[1] for s in SUFFIXES):
            problem = "package %s has no __main__ in %s %s" % (c["module"], c["dist"], dist.version)
    out[c["name"]] = {"script": c["name"] in names, "version": dist.version, "problem": problem}
sys.stdout.write("\n@@@" + json.dumps(out))
`;

interface Seen {
  /** The installed version provides the script (an older or newer one may not). */
  script: boolean;
  version: string;
  /** What is wrong with the module claim ('' when nothing). */
  problem: string;
}

/** name → { interpreter: what it has } over every interpreter that has the distribution. */
function verify(claims: Claim[], pythons: { exe: string; version: string }[]): Map<string, Map<string, Seen>> {
  const results = new Map<string, Map<string, Seen>>();
  for (const py of pythons) {
    const r = spawnSync(py.exe, ['-c', CHECKER], { input: JSON.stringify(claims), encoding: 'utf8', timeout: 300_000, maxBuffer: 64 << 20, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONWARNINGS: 'ignore' } });
    const at = r.stdout.lastIndexOf('\n@@@');
    assert.ok(at >= 0, `${py.exe}: the checker printed no result (${r.status}): ${r.stderr.slice(-500)}`);
    for (const [name, seen] of Object.entries(JSON.parse(r.stdout.slice(at + 4)) as Record<string, Seen>)) {
      const m = results.get(name) ?? new Map<string, Seen>();
      m.set(`${py.exe} (${py.version})`, seen);
      results.set(name, m);
    }
  }
  return results;
}

const claims: Claim[] = [...KNOWN_CONSOLE_SCRIPTS].map(([name, e]) => ({ name, dist: e.dist, module: e.module }));

test('src/judge/console-scripts-data.ts is generated from console-scripts.json (node dist/scripts/console-scripts-data.js)', () => {
  const json = JSON.parse(fs.readFileSync(path.join(repoRoot, 'src/judge/console-scripts.json'), 'utf8')) as { scripts: Record<string, unknown> };
  assert.equal(fs.readFileSync(path.join(repoRoot, 'src/judge/console-scripts-data.ts'), 'utf8'), render(json));
});

test('the data file: hundreds of entries, each with a distribution, an entry point and where the fact comes from', () => {
  assert.ok(KNOWN_CONSOLE_SCRIPTS.size >= 300, `${KNOWN_CONSOLE_SCRIPTS.size} entries`);
  for (const [name, e] of KNOWN_CONSOLE_SCRIPTS) {
    assert.match(name, /^[\w.+-]+$/, name);
    assert.ok(e.dist && e.source.length > 10, `${name}: a distribution and a source`);
    assert.match(e.entry, /^[\w.]+(:[\w.]+)?$/, `${name}: entry point`);
    if (e.module !== undefined) assert.match(e.module, /^[A-Za-z_]\w*(\.\w+)*$/, `${name}: module`);
    assert.ok(scriptsOfDistribution(e.dist).includes(name), `${name} is listed under ${e.dist}`);
  }
  // The curated list and the data file agree wherever both name a module.
  for (const [name, module] of CURATED_CONSOLE_SCRIPTS) {
    const known = KNOWN_CONSOLE_SCRIPTS.get(name);
    if (known && module !== undefined) assert.equal(module, known.module, `${name}: curated -m ${module}, data file ${known.module ?? 'none'} (${known.source})`);
  }
});

test('every module the data file claims runs with -m, on every interpreter here that has its distribution', (t) => {
  const pythons = interpreters();
  if (pythons.length === 0) return t.skip('no Python 3.8+ found (python3 on PATH, pyenv versions): nothing verified');
  const results = verify(claims, pythons);
  const wrong: string[] = [];
  let verified = 0;
  let modules = 0;
  let otherVersion = 0;
  for (const c of claims) {
    const seen = [...(results.get(c.name) ?? [])].filter(([, s]) => s.script);
    // A distribution installed here in a version without this script checks nothing about it.
    if (!seen.length) {
      if (results.has(c.name)) otherVersion++;
      continue;
    }
    verified++;
    if (c.module) modules++;
    for (const [py, s] of seen) if (s.problem) wrong.push(`${c.name} (-m ${c.module}) on ${py}: ${s.problem}`);
  }
  const msg = `verified ${verified} of ${claims.length} entries (${modules} of them claim a module) on ${pythons.length} interpreters (${pythons.map((p) => p.version).join(', ')}); not verifiable here: ${claims.length - verified} (${otherVersion} of them installed only in a version without the script)`;
  t.diagnostic(msg);
  console.log(`# known console scripts: ${msg}`);
  assert.deepEqual(wrong, [], msg);
  // pip is in every interpreter: the checker itself must catch a wrong claim.
  const bad = verify([{ name: 'pip', dist: 'pip', module: 'pip._no_such_module' }, { name: 'pip3', dist: 'pip', module: 'pip._internal' }], pythons);
  for (const [, s] of bad.get('pip') ?? []) assert.match(s.problem, /no module pip\._no_such_module/);
  for (const [, s] of bad.get('pip3') ?? []) assert.match(s.problem, /package pip\._internal has no __main__/);
  assert.ok(bad.get('pip')?.size, 'pip is found in the interpreters');
});
