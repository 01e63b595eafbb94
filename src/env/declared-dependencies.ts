/**
 * The distributions a project declares, from every place Python projects declare them: pyproject
 * (PEP 621 dependencies and extras, PEP 735 [dependency-groups], Poetry, PDM and Hatch), requirements
 * and constraint files (`-r`/`-c` includes followed), setup.cfg, setup.py's literal lists, Pipfile,
 * conda's environment.yml (and its `pip:` list), and `pip install …` lines in the project's own CI
 * files and Dockerfiles. Each file is read once while unchanged, whichever projects share it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse as parseToml } from 'smol-toml';

/** A declared distribution: its PEP 503 name, where it was declared, and whether it is a PyPI name. */
export interface Declared {
  name: string;
  /** The file (relative to the project root) and, where useful, the table: `requirements-dev.txt`, `setup.cfg [options.extras_require]`. */
  from: string;
  /** False for conda's own packages (environment.yml `dependencies:` outside `pip:`): conda names are not PyPI's. */
  pypi: boolean;
}

export const normalizeDist = (n: string): string => n.toLowerCase().replace(/[-_.]+/g, '-');

/** A requirement's distribution name: `black[d]>=23; python_version>"3.8"`, `pkg @ https://…`, `git+https://…#egg=pkg`. */
export function requirementName(spec: string): string | undefined {
  const s = spec.trim().replace(/^["']|["']$/g, '');
  const egg = /#egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(s);
  if (egg) return normalizeDist(egg[1]);
  if (/^[a-z+]+:\/\/|^[./~$]|^\w:\\/.test(s)) return undefined; // a URL or a path
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?:$|[<>=!~;@(,\s])/.exec(s);
  return m ? normalizeDist(m[1]) : undefined;
}

const fileCache = new Map<string, { stamp: string; text: string | undefined }>();
/**
 * A file's text, read once while it is unchanged (a long-lived process, the editor server or
 * watch mode, sees edits); undefined when it cannot be read or is over 1 MB (not a declaration file).
 */
function readOnce(file: string): string | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return undefined;
  }
  const stamp = `${st.mtimeMs}:${st.size}`;
  const known = fileCache.get(file);
  if (known?.stamp === stamp) return known.text;
  let text: string | undefined;
  try {
    if (st.isFile() && st.size <= 1 << 20) text = fs.readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  fileCache.set(file, { stamp, text });
  return text;
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

const REQUIREMENTS_FILE = /(^|[-_.])(requirements|constraints|reqs)([-_.][^/]*)?\.(txt|in)$/i;
const INCLUDE = /^\s*(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)/;

/** Requirement files: names and their `-r`/`-c` includes, each file once. `seen` guards include cycles. */
function readRequirements(file: string, root: string, out: Declared[], seen: Set<string>): void {
  if (seen.has(file) || seen.size > 200) return;
  seen.add(file);
  const text = readOnce(file);
  if (text === undefined) return;
  const from = path.relative(root, file) || path.basename(file);
  for (const raw of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const inc = INCLUDE.exec(line);
    if (inc) {
      readRequirements(path.resolve(path.dirname(file), inc[1]), root, out, seen);
      continue;
    }
    if (line.startsWith('-')) {
      const editable = /^(?:-e|--editable)\s+(\S+)/.exec(line);
      const name = editable ? requirementName(editable[1]) : undefined;
      if (name) out.push({ name, from, pypi: true });
      continue;
    }
    const name = requirementName(line);
    if (name) out.push({ name, from, pypi: true });
  }
}

const asRecord = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** pyproject.toml's declarations: PEP 621, PEP 735, Poetry (with groups), PDM dev-dependencies, Hatch environments. */
function fromPyproject(py: Record<string, unknown>, out: Declared[]): void {
  const add = (specs: unknown, from: string) => {
    for (const s of asArray(specs)) {
      const name = typeof s === 'string' ? requirementName(s) : undefined;
      if (name) out.push({ name, from: `pyproject.toml ${from}`, pypi: true });
    }
  };
  const project = asRecord(py.project);
  add(project.dependencies, '[project.dependencies]');
  for (const [g, specs] of Object.entries(asRecord(project['optional-dependencies']))) add(specs, `[project.optional-dependencies] ${g}`);
  for (const [g, specs] of Object.entries(asRecord(py['dependency-groups']))) add(specs, `[dependency-groups] ${g}`);
  const tool = asRecord(py.tool);
  const poetry = asRecord(tool.poetry);
  const keys = (t: unknown, from: string) => {
    for (const k of Object.keys(asRecord(t))) if (k !== 'python') out.push({ name: normalizeDist(k), from: `pyproject.toml ${from}`, pypi: true });
  };
  keys(poetry.dependencies, '[tool.poetry.dependencies]');
  keys(poetry['dev-dependencies'], '[tool.poetry.dev-dependencies]');
  for (const [g, group] of Object.entries(asRecord(poetry.group))) keys(asRecord(group).dependencies, `[tool.poetry.group.${g}.dependencies]`);
  const pdm = asRecord(tool.pdm);
  for (const [g, specs] of Object.entries(asRecord(pdm['dev-dependencies']))) add(specs, `[tool.pdm.dev-dependencies] ${g}`);
  for (const [env, table] of Object.entries(asRecord(asRecord(tool.hatch).envs))) {
    add(asRecord(table).dependencies, `[tool.hatch.envs.${env}]`);
    add(asRecord(table)['extra-dependencies'], `[tool.hatch.envs.${env}]`);
  }
}

/** setup.cfg's `[options] install_requires` and `tests_require`, and every `[options.extras_require]` list. */
function fromSetupCfg(text: string, out: Declared[]): void {
  let section = '';
  let key = '';
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(raw) || !raw.trim()) continue;
    const s = /^\[([^\]]+)\]/.exec(raw);
    if (s) {
      section = s[1].trim();
      key = '';
      continue;
    }
    let value: string;
    const kv = /^(\S[^=:]*?)\s*[=:]\s*(.*)$/.exec(raw);
    if (kv && !/^\s/.test(raw)) {
      key = section === 'options.extras_require' ? 'extras' : kv[1].trim();
      value = kv[2];
    } else value = raw;
    const wanted = section === 'options' ? key === 'install_requires' || key === 'tests_require' : section === 'options.extras_require' && key === 'extras';
    if (!wanted) continue;
    for (const part of value.split(/[,\n]/)) {
      const name = requirementName(part.replace(/\s[#;].*$/, ''));
      if (name) out.push({ name, from: `setup.cfg [${section}]`, pypi: true });
    }
  }
}

/** The text between `open` at `at` and its matching close, skipping string literals; undefined when unclosed. */
function bracketed(text: string, at: number): string | undefined {
  const open = text[at];
  const close = open === '[' ? ']' : open === '{' ? '}' : ')';
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      if (end < 0) return undefined;
      i = end;
    } else if (c === '#') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === open) depth++;
    else if (c === close && --depth === 0) return text.slice(at + 1, i);
  }
  return undefined;
}

/** setup.py's literal `install_requires=[…]`, `tests_require=[…]` and `extras_require={…: […]}` (dict keys are not requirements). */
function fromSetupPy(text: string, out: Declared[]): void {
  // The keywords' literals, and the module-level lists they are built from (zulip-terminal's
  // `linting_deps = ["isort~=5.11.0", …]`, then `extras_require={"linting": linting_deps}`).
  for (const m of text.matchAll(/\b(install_requires|tests_require|extras_require)\s*=\s*([[{])|^([A-Za-z_]\w*(?:deps|requires|requirements|dependencies|reqs))\s*=\s*(\[)/gim)) {
    const body = bracketed(text, m.index + m[0].length - 1);
    if (body === undefined) continue;
    for (const s of body.matchAll(/(['"])([^'"\n]*)\1(\s*:)?/g)) {
      if (s[3]) continue; // an extras_require key
      const name = requirementName(s[2]);
      if (name) out.push({ name, from: `setup.py ${m[1] ?? m[3]}`, pypi: true });
    }
  }
}

/** Pipfile's `[packages]` and `[dev-packages]`. */
function fromPipfile(text: string, out: Declared[]): void {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text) as Record<string, unknown>;
  } catch {
    return;
  }
  for (const table of ['packages', 'dev-packages']) for (const k of Object.keys(asRecord(data[table]))) out.push({ name: normalizeDist(k), from: `Pipfile [${table}]`, pypi: true });
}

let yamlLib: typeof import('yaml') | undefined;
/** conda's environment.yml: `dependencies:` (conda names, `channel::name=1.0`) and its `pip:` list (PyPI requirements). */
function fromCondaEnv(text: string, from: string, out: Declared[]): void {
  let data: unknown;
  try {
    yamlLib ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
    data = yamlLib.parse(text);
  } catch {
    return;
  }
  for (const d of asArray(asRecord(data).dependencies)) {
    if (typeof d === 'string') {
      const name = /^(?:[\w.-]+::)?([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(d.trim())?.[1];
      if (name) out.push({ name: normalizeDist(name), from, pypi: false });
    } else
      for (const p of asArray(asRecord(d).pip)) {
        const name = typeof p === 'string' ? requirementName(p) : undefined;
        if (name) out.push({ name, from: `${from} pip:`, pypi: true });
      }
  }
}

/** pip options that take a value (their value is no requirement). */
const PIP_VALUE_OPTIONS = new Set(['-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--progress-bar', '--cache-dir', '--src', '--upgrade-strategy', '--trusted-host', '--proxy', '--timeout', '--retries', '--log', '-C', '--config-settings', '--global-option', '--no-binary', '--only-binary', '--python', '-p']);

/**
 * `pip install …` (also `pip3`, `python -m pip`, `uv pip`) in a CI file or Dockerfile: the names it
 * installs, and the requirement files it names (`-r`, `-c`), read like the project's own.
 */
export function pipInstallsIn(text: string): { names: string[]; files: string[] } {
  const names: string[] = [];
  const files: string[] = [];
  const joined = text.replace(/\\\r?\n/g, ' ');
  const commands = joined.split(/\n|&&|\|\||[;|`)]|\s#/);
  for (const command of commands) {
    const m = /(?<![\w.-])pip(?:\d+(?:\.\d+)*)?\s+install\b(.*)/.exec(command);
    if (!m) continue;
    const rest = m[1];
    const words = rest.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i].replace(/^["']|["']$/g, '');
      if (/^(-r|--requirement|-c|--constraint)$/.test(w)) {
        if (words[i + 1]) files.push(words[++i].replace(/^["']|["']$/g, ''));
        continue;
      }
      const eq = /^(?:-r|--requirement|-c|--constraint)=?(.+)$/.exec(w);
      if (eq && (w.startsWith('--') || w.length > 2)) {
        files.push(eq[1]);
        continue;
      }
      if (w.startsWith('-')) {
        if (PIP_VALUE_OPTIONS.has(w) || w === '-e' || w === '--editable') i++;
        continue;
      }
      if (/[$%{}]/.test(w)) continue; // a variable or template: not known here
      const name = requirementName(w);
      if (name) names.push(name);
    }
  }
  return { names, files };
}

/** The project's CI files and Dockerfiles at `dir` (a shallow, fixed set of places). */
function ciFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of listDir(dir)) {
    if (/^(Dockerfile|Containerfile)([-.]\S*)?$|\.(Dockerfile|dockerfile)$/.test(f) || /^(\.gitlab-ci\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|Jenkinsfile|\.travis\.ya?ml|appveyor\.ya?ml|Makefile|tox\.ini|noxfile\.py)$/.test(f)) out.push(path.join(dir, f));
  }
  for (const sub of ['.github/workflows', '.circleci', 'docker', '.ci', 'ci']) {
    for (const f of listDir(path.join(dir, sub))) if (/\.ya?ml$|^Dockerfile|^Jenkinsfile/.test(f)) out.push(path.join(dir, sub, f));
  }
  return out.filter((f) => !/(^|\/)(tox\.ini|noxfile\.py)$/.test(f)); // tox and nox install into environments of their own
}

/**
 * Every distribution the project at `root` declares (pyproject already parsed by the settings).
 * CI files and Dockerfiles are looked for at the root and at the repository's top (the nearest
 * folder above with `.git`), where a project in a subfolder keeps them.
 */
export function declaredDistributions(root: string, pyproject?: Record<string, unknown>): Declared[] {
  const key = path.resolve(root);
  const out: Declared[] = [];
  if (pyproject) fromPyproject(pyproject, out);
  const seen = new Set<string>();
  const names = listDir(root);
  for (const f of names) if (REQUIREMENTS_FILE.test(f)) readRequirements(path.join(root, f), root, out, seen);
  for (const sub of ['requirements', 'requirements.d', 'reqs']) for (const f of listDir(path.join(root, sub))) if (/\.(txt|in)$/.test(f)) readRequirements(path.join(root, sub, f), root, out, seen);
  const text = (f: string) => (names.includes(f) ? readOnce(path.join(root, f)) : undefined);
  const cfg = text('setup.cfg');
  if (cfg !== undefined) fromSetupCfg(cfg, out);
  const setupPy = text('setup.py');
  if (setupPy !== undefined) fromSetupPy(setupPy, out);
  const pipfile = text('Pipfile');
  if (pipfile !== undefined) fromPipfile(pipfile, out);
  for (const f of names) if (/^environment([-_.][\w.-]*)?\.ya?ml$/.test(f)) fromCondaEnv(readOnce(path.join(root, f)) ?? '', f, out);
  const dirs = [key];
  for (let d = key; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) {
      if (d !== key) dirs.push(d);
      break;
    }
    if (path.dirname(d) === d) break;
  }
  for (const dir of dirs) {
    for (const f of ciFiles(dir)) {
      const t = readOnce(f);
      if (t === undefined) continue;
      const from = path.relative(root, f);
      const found = pipInstallsIn(t);
      for (const name of found.names) out.push({ name, from: `pip install in ${from}`, pypi: true });
      for (const r of found.files) if (!/[$%{}]/.test(r)) readRequirements(path.resolve(dir, r), root, out, seen);
    }
  }
  return out;
}
