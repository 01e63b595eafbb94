// Generated from src/ by scripts/bundle.ts (npm run action); do not edit.

// dist/src/pipeline/worker.js
import { parentPort, workerData } from "node:worker_threads";

// dist/src/kernel/source.js
var SourceFile = class {
  path;
  text;
  encoding;
  lineStarts;
  nl;
  constructor(path34, text3, encoding = { name: "utf-8", bom: false, lossless: true }) {
    this.path = path34;
    this.text = text3;
    this.encoding = encoding;
  }
  starts() {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 10)
          starts.push(i + 1);
        else if (c === 13 && t.charCodeAt(i + 1) !== 10)
          starts.push(i + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
  location(offset) {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset)
        lo = mid;
      else
        hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }
  /** The text of a 1-based line, without its line terminator. */
  lineText(line) {
    const starts = this.starts();
    const s = starts[line - 1];
    if (s === void 0)
      return "";
    const e = line < starts.length ? starts[line] : this.text.length;
    return this.text.slice(s, e).replace(/\r?\n$|\r$/, "");
  }
  lineStart(line) {
    return this.starts()[line - 1] ?? this.text.length;
  }
  get lineCount() {
    return this.starts().length;
  }
  /** The file's dominant newline, used when a fix inserts lines. */
  get newline() {
    if (this.nl === void 0) {
      const i = this.text.indexOf("\n");
      this.nl = i > 0 && this.text.charCodeAt(i - 1) === 13 ? "\r\n" : "\n";
    }
    return this.nl;
  }
};
function splitLines(text3) {
  const out = [];
  let no = 1;
  for (let s = 0; s <= text3.length; no++) {
    let e = text3.indexOf("\n", s);
    if (e < 0)
      e = text3.length;
    let t = text3.slice(s, e);
    if (t.endsWith("\r"))
      t = t.slice(0, -1);
    out.push({ no, start: s, text: t });
    s = e + 1;
  }
  return out;
}

// dist/src/frontends/tree-sitter.js
import { createRequire } from "node:module";
var require2 = createRequire(import.meta.url);
var current;
var instances = 0;
var damaged = false;
var ParserDamagedError = class extends Error {
};
function grammarPath(pkg) {
  return require2.resolve(`${pkg}/${pkg}.wasm`);
}
function instance() {
  if (!current) {
    instances++;
    if (instances > 1)
      delete require2.cache[require2.resolve("web-tree-sitter")];
    const runtime = Promise.resolve(require2("web-tree-sitter"));
    current = { runtime, languages: /* @__PURE__ */ new Map(), parsers: /* @__PURE__ */ new Map(), used: /* @__PURE__ */ new Set(), expected: /* @__PURE__ */ new Map() };
  }
  return current;
}
async function language(inst, pkg) {
  const { Parser, Language } = await inst.runtime;
  inst.init ??= Parser.init();
  await inst.init;
  let lang = inst.languages.get(pkg);
  if (!lang) {
    lang = Language.load(grammarPath(pkg));
    inst.languages.set(pkg, lang);
  }
  return lang;
}
var PROBES = {
  "tree-sitter-python": `if a:
    b = f'{c}' + "d"
`,
  "tree-sitter-bash": 'a "$(b)" <<E\nc\nE\n'
};
function probeShape(p, pkg) {
  const tree = p.parse(PROBES[pkg]);
  if (!tree)
    return "no tree";
  const root = tree.rootNode;
  const shape = `${root.type} ${root.descendantCount} ${root.endIndex} ${root.hasError} ${root.lastChild?.type}`;
  tree.delete();
  return shape;
}
async function parserFor(pkg) {
  if (damaged)
    rebuild();
  const inst = instance();
  let p = inst.parsers.get(pkg);
  if (!p) {
    const lang = await language(inst, pkg);
    const { Parser } = await inst.runtime;
    if (inst !== current || inst.parsers.has(pkg))
      return parserFor(pkg);
    p = new Parser();
    p.setLanguage(lang);
    inst.parsers.set(pkg, p);
  }
  return p;
}
function rebuild() {
  current = void 0;
  damaged = false;
}
function loadedParser(pkg) {
  if (damaged)
    throw new ParserDamagedError("the parser was damaged by an earlier file and not rebuilt yet");
  const p = current?.parsers.get(pkg);
  if (!p)
    throw new Error(`parser ${pkg} used before loadParsers()`);
  if (!current.expected.has(pkg))
    current.expected.set(pkg, probeShape(p, pkg));
  current.used.add(pkg);
  return p;
}
async function loadParsers() {
  await Promise.all([parserFor("tree-sitter-python"), parserFor("tree-sitter-bash")]);
}
function isParserTrap(e) {
  if (!(e instanceof WebAssembly.RuntimeError))
    return false;
  damaged = true;
  return true;
}
function parsersDamaged() {
  return damaged;
}
function parsersHealthy() {
  if (damaged)
    return false;
  const inst = current;
  if (!inst || inst.used.size === 0)
    return true;
  try {
    for (const pkg of inst.used) {
      if (probeShape(inst.parsers.get(pkg), pkg) !== inst.expected.get(pkg))
        damaged = true;
    }
  } catch (e) {
    if (!isParserTrap(e))
      damaged = true;
  }
  inst.used.clear();
  return !damaged;
}
function childNodes(n) {
  const c = n.children;
  n._children = void 0;
  return c;
}

// dist/src/kernel/regexp.js
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// dist/src/judge/python-tools.js
var INTERPRETER_RE = /^(?:python(?:w)?(?:\d+(?:\.\d+)*)?[tdmu]?|pypy(?:\d+(?:\.\d+)*)?|py|jython|ipy)(?:\.exe)?$|^[Pp]ython[w\d.]*\.(?:exe|EXE)$/;
var PIP_RE = /^pip(?:\d+(?:\.\d+)*)?(?:\.exe)?$|^[Pp]ip[\d.]*\.(?:exe|EXE)$/;
var CURATED_CONSOLE_SCRIPTS = /* @__PURE__ */ new Map([
  ["pytest", "pytest"],
  ["py.test", "pytest"],
  ["celery", "celery"],
  ["gunicorn", "gunicorn"],
  ["uvicorn", "uvicorn"],
  ["hypercorn", "hypercorn"],
  ["daphne", "daphne"],
  ["flask", "flask"],
  ["django-admin", "django"],
  ["black", "black"],
  ["isort", "isort"],
  ["flake8", "flake8"],
  ["pyflakes", "pyflakes"],
  ["pycodestyle", "pycodestyle"],
  ["autopep8", "autopep8"],
  ["yapf", "yapf"],
  ["mypy", "mypy"],
  ["pylint", "pylint"],
  ["bandit", "bandit"],
  ["coverage", "coverage"],
  ["sphinx-build", "sphinx"],
  ["sphinx-apidoc", "sphinx.ext.apidoc"],
  ["jupyter", "jupyter_core"],
  ["jupyter-notebook", "notebook"],
  ["jupyter-lab", "jupyterlab"],
  ["ipython", "IPython"],
  ["ipython3", "IPython"],
  ["twine", "twine"],
  ["wheel", "wheel"],
  ["virtualenv", "virtualenv"],
  ["alembic", "alembic"],
  ["pip-compile", void 0],
  ["pip-sync", void 0],
  ["nosetests", "nose"],
  ["scrapy", "scrapy"],
  ["locust", "locust"],
  ["streamlit", "streamlit"],
  ["mkdocs", "mkdocs"],
  ["cookiecutter", "cookiecutter"],
  ["invoke", "invoke"],
  ["fab", "fabric"],
  ["ansible", void 0],
  ["ansible-playbook", void 0],
  ["dask", void 0],
  ["tensorboard", "tensorboard"],
  ["mlflow", "mlflow"],
  ["huey_consumer", void 0],
  ["rq", "rq.cli"],
  ["dramatiq", "dramatiq"],
  ["behave", "behave"],
  ["robot", "robot"],
  ["httpie", "httpie.manager"],
  ["pyinstaller", "PyInstaller"],
  ["maturin", void 0],
  ["pybabel", void 0],
  ["towncrier", "towncrier"]
]);
var SELF_MANAGED_TOOLS = /* @__PURE__ */ new Set([
  "uv",
  "uvx",
  "poetry",
  "pipenv",
  "pdm",
  "hatch",
  "rye",
  "tox",
  "nox",
  "pipx",
  "conda",
  "mamba",
  "micromamba",
  "pixi",
  // pre-commit builds an environment per hook; which copy runs it does not decide what the hooks import.
  "pre-commit",
  // virtualenv (like `python -m venv`) makes a new environment: which interpreter it is based on is
  // its -p option or the caller's choice, and nothing of the caller's venv is meant to be inside it.
  "virtualenv"
]);
var PIP_OPTIONS_WITH_VALUE = /* @__PURE__ */ new Set(["-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--target", "-t", "--prefix", "--root", "--platform", "--python-version", "--implementation", "--abi", "--progress-bar", "--cache-dir", "--src", "--upgrade-strategy", "--trusted-host", "--proxy", "--timeout", "--retries", "--log", "--config-settings", "-C", "--global-option", "--no-binary", "--only-binary"]);
var PACKAGING = /* @__PURE__ */ new Set(["pip", "setuptools", "wheel"]);
function pipInstallKind(words2) {
  const at = words2.findIndex((w) => w === "install" || w === "uninstall");
  if (at < 0)
    return void 0;
  let tools = 0;
  let packaging = 0;
  for (let i = at + 1; i < words2.length; i++) {
    const w = words2[i];
    if (w === void 0)
      return void 0;
    if (w.startsWith("-")) {
      if (w === "-r" || w === "--requirement" || w === "-c" || w === "--constraint" || w === "-e" || w === "--editable" || w.startsWith("--requirement=") || w.startsWith("--editable="))
        return void 0;
      if (PIP_OPTIONS_WITH_VALUE.has(w))
        i++;
      continue;
    }
    const name = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:[<>=!~;@].*)?$/.exec(w)?.[1]?.toLowerCase().replace(/[-_.]+/g, "-");
    if (name && SELF_MANAGED_TOOLS.has(name))
      tools++;
    else if (name && PACKAGING.has(name))
      packaging++;
    else
      return void 0;
  }
  return tools > 0 ? "tools" : packaging > 0 ? "packaging" : void 0;
}
var installsOnlyTools = (words2) => pipInstallKind(words2) === "tools";
var SYSTEM_BIN_DIRS = ["/usr/bin", "/usr/local/bin", "/bin", "/usr/sbin", "/opt/homebrew/bin", "/opt/local/bin"];
var SYSTEM_TREES = ["/usr/local/opt", "/Library/Frameworks/Python.framework", "/System/Library/Frameworks/Python.framework"];
function isInterpreterName(name) {
  return INTERPRETER_RE.test(name);
}
function isPipName(name) {
  return PIP_RE.test(name);
}
function isSystemInterpreterPath(p) {
  const norm = p.replace(/\\/g, "/");
  const slash = norm.lastIndexOf("/");
  if (slash < 0)
    return false;
  const base = norm.slice(slash + 1);
  if (!INTERPRETER_RE.test(base) || /^(py|ipy)(\.exe)?$/i.test(base))
    return false;
  const dir = norm.slice(0, slash);
  if (/^[A-Za-z]:\/Python\d+$/i.test(dir) || /^[A-Za-z]:\/Program Files( \(x86\))?\/Python\d+$/i.test(dir))
    return true;
  return SYSTEM_BIN_DIRS.includes(dir) || SYSTEM_TREES.some((d) => dir === d || dir.startsWith(d + "/"));
}
function toolNamePattern(consoleScripts) {
  const unique = [...new Set(consoleScripts)];
  const names = unique.map(escapeRegExp).sort((a, b) => b.length - a.length);
  const alts = [
    // interpreters and pip, with versions; also a prefix like f"python{version}"
    // …not a path segment ("/python/") or a host name ("python.org")
    "(?:python|pythonw|pypy|pip|jython|ipy)(?:\\d+(?:\\.\\d+)*)?[tdmu]?(?:\\.exe)?(?![\\w/-]|\\.[A-Za-z])",
    "[Pp](?:ython|ip)[w\\d.]*\\.(?:exe|EXE)",
    "py(?:\\.exe)?(?![\\w.-])",
    `(?:${names.join("|")})(?:\\.exe)?(?![\\w/-]|\\.[A-Za-z])`
  ];
  const pattern = new RegExp(`(?<![\\w.-])(?:${alts.join("|")})`);
  if (unique.every((n) => /^\w/.test(n)))
    scanners.set(pattern, new RegExp(`\\b(?:${alts.join("|")})`, "g"));
  return pattern;
}
var scanners = /* @__PURE__ */ new WeakMap();
function hasToolName(pattern, text3) {
  const scan = scanners.get(pattern);
  if (!scan)
    return pattern.test(text3);
  scan.lastIndex = 0;
  for (let m = scan.exec(text3); m; m = scan.exec(text3)) {
    const before = text3.charCodeAt(m.index - 1);
    if (before !== 46 && before !== 45)
      return true;
    scan.lastIndex = m.index + 1;
  }
  return false;
}
var RUNNING_VERSION = "the running interpreter's version";

// dist/src/judge/console-scripts-data.js
var CONSOLE_SCRIPTS_DATA = [
  ["alembic", { "dist": "alembic", "module": "alembic", "entry": "alembic.config:main", "source": "Debian 12 python3-alembic (alembic 1.8.1.dev0) entry_points.txt; alembic/__main__.py calls alembic.config:main" }],
  ["ansible", { "dist": "ansible-core", "module": "ansible.cli.adhoc", "entry": "ansible.cli.adhoc:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/adhoc.py calls main() under if __name__ == "__main__"' }],
  ["ansible-config", { "dist": "ansible-core", "module": "ansible.cli.config", "entry": "ansible.cli.config:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/config.py calls main() under if __name__ == "__main__"' }],
  ["ansible-connection", { "dist": "ansible-core", "module": "ansible.cli.scripts.ansible_connection_cli_stub", "entry": "ansible.cli.scripts.ansible_connection_cli_stub:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/scripts/ansible_connection_cli_stub.py calls main() under if __name__ == "__main__"' }],
  ["ansible-console", { "dist": "ansible-core", "module": "ansible.cli.console", "entry": "ansible.cli.console:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/console.py calls main() under if __name__ == "__main__"' }],
  ["ansible-doc", { "dist": "ansible-core", "module": "ansible.cli.doc", "entry": "ansible.cli.doc:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/doc.py calls main() under if __name__ == "__main__"' }],
  ["ansible-galaxy", { "dist": "ansible-core", "module": "ansible.cli.galaxy", "entry": "ansible.cli.galaxy:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/galaxy.py calls main() under if __name__ == "__main__"' }],
  ["ansible-inventory", { "dist": "ansible-core", "module": "ansible.cli.inventory", "entry": "ansible.cli.inventory:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/inventory.py calls main() under if __name__ == "__main__"' }],
  ["ansible-lint", { "dist": "ansible-lint", "module": "ansiblelint", "entry": "ansiblelint.__main__:_run_cli_entrypoint", "source": "Debian 12 ansible-lint (ansible-lint 6.13.1) entry_points.txt; the entry point is ansiblelint.__main__" }],
  ["ansible-playbook", { "dist": "ansible-core", "module": "ansible.cli.playbook", "entry": "ansible.cli.playbook:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/playbook.py calls main() under if __name__ == "__main__"' }],
  ["ansible-pull", { "dist": "ansible-core", "module": "ansible.cli.pull", "entry": "ansible.cli.pull:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/pull.py calls main() under if __name__ == "__main__"' }],
  ["ansible-runner", { "dist": "ansible-runner", "module": "ansible_runner", "entry": "ansible_runner.__main__:main", "source": "Debian 12 python3-ansible-runner (ansible-runner 2.3.1) entry_points.txt; the entry point is ansible_runner.__main__" }],
  ["ansible-vault", { "dist": "ansible-core", "module": "ansible.cli.vault", "entry": "ansible.cli.vault:main", "source": 'Debian 12 ansible-core (ansible-core 2.14.18) entry_points.txt; ansible/cli/vault.py calls main() under if __name__ == "__main__"' }],
  ["asciinema", { "dist": "asciinema", "module": "asciinema", "entry": "asciinema.__main__:main", "source": "Debian 12 asciinema (asciinema 2.2.0) entry_points.txt; the entry point is asciinema.__main__" }],
  ["automat-visualize", { "dist": "Automat", "module": null, "entry": "automat._visualize:tool", "source": "Debian 12 python3-automat (Automat 22.10.0) entry_points.txt; no __main__.py calls automat._visualize:tool" }],
  ["autopep8", { "dist": "autopep8", "module": "autopep8", "entry": "autopep8:main", "source": 'Debian 12 python3-autopep8 (autopep8 2.0.1) entry_points.txt; autopep8.py calls main() under if __name__ == "__main__"' }],
  ["bandit", { "dist": "bandit", "module": "bandit", "entry": "bandit.cli.main:main", "source": "Debian 12 python3-bandit (bandit 1.6.2) entry_points.txt; bandit/__main__.py calls bandit.cli.main:main" }],
  ["bandit-baseline", { "dist": "bandit", "module": "bandit.cli.baseline", "entry": "bandit.cli.baseline:main", "source": 'Debian 12 python3-bandit (bandit 1.6.2) entry_points.txt; bandit/cli/baseline.py calls main() under if __name__ == "__main__"' }],
  ["bandit-config-generator", { "dist": "bandit", "module": "bandit.cli.config_generator", "entry": "bandit.cli.config_generator:main", "source": 'Debian 12 python3-bandit (bandit 1.6.2) entry_points.txt; bandit/cli/config_generator.py calls main() under if __name__ == "__main__"' }],
  ["base58", { "dist": "base58", "module": "base58", "entry": "base58:main", "source": 'Debian 12 python3-base58 (base58 1.0.3) entry_points.txt; base58.py calls main() under if __name__ == "__main__"' }],
  ["beet", { "dist": "beets", "module": "beets", "entry": "beets.ui:main", "source": "github beetbox/beets@07f39c520499 pyproject.toml scripts; beets/__main__.py calls beets.ui:main" }],
  ["bench", { "dist": "frappe-bench", "module": null, "entry": "bench.cli:cli", "source": "github frappe/bench@d728b808832c pyproject.toml scripts; no __main__.py calls bench.cli:cli" }],
  ["black", { "dist": "black", "module": "black", "entry": "black:patched_main", "source": "Debian 12 black (black 23.1.0) entry_points.txt; black/__main__.py calls black:patched_main" }],
  ["blackd", { "dist": "black", "module": "blackd", "entry": "blackd:patched_main", "source": "Debian 12 black (black 23.1.0) entry_points.txt; blackd/__main__.py calls blackd:patched_main" }],
  ["borg", { "dist": "borgbackup", "module": "borg", "entry": "borg.archiver:main", "source": "github borgbackup/borg@fc74d5f643d1 pyproject.toml scripts; borg/__main__.py calls borg.archiver:main" }],
  ["borgfs", { "dist": "borgbackup", "module": "borg", "entry": "borg.archiver:main", "source": "github borgbackup/borg@fc74d5f643d1 pyproject.toml scripts; borg/__main__.py calls borg.archiver:main" }],
  ["buildozer", { "dist": "buildozer", "module": "buildozer", "entry": "buildozer.scripts.client:main", "source": "github kivy/buildozer@105543da41f7 setup.py scripts; buildozer/__main__.py calls buildozer.scripts.client:main" }],
  ["buildozer-remote", { "dist": "buildozer", "module": "buildozer.scripts.remote", "entry": "buildozer.scripts.remote:main", "source": 'github kivy/buildozer@105543da41f7 setup.py scripts; buildozer/scripts/remote.py calls main() under if __name__ == "__main__"' }],
  ["bumpversion", { "dist": "bump2version", "module": "bumpversion", "entry": "bumpversion.cli:main", "source": "Debian 12 bumpversion (bump2version 1.0.1) entry_points.txt; bumpversion/__main__.py calls bumpversion.cli:main" }],
  ["celery", { "dist": "celery", "module": "celery", "entry": "celery.__main__:main", "source": "Debian 12 python3-celery (celery 5.2.6) entry_points.txt; the entry point is celery.__main__" }],
  ["certbot", { "dist": "certbot", "module": null, "entry": "certbot.main:main", "source": "Debian 12 python3-certbot (certbot 2.1.0) entry_points.txt; no __main__.py calls certbot.main:main" }],
  ["cfn-lint", { "dist": "cfn-lint", "module": null, "entry": "cfnlint.runner:main", "source": "wheel cfn-lint 1.51.0 entry_points.txt; no __main__.py calls cfnlint.runner:main" }],
  ["cftp", { "dist": "Twisted", "module": "twisted.conch.scripts.cftp", "entry": "twisted.conch.scripts.cftp:run", "source": 'Debian 12 python3-twisted (Twisted 22.4.0) entry_points.txt; twisted/conch/scripts/cftp.py calls run() under if __name__ == "__main__"' }],
  ["chardetect", { "dist": "chardet", "module": "chardet.cli.chardetect", "entry": "chardet.cli.chardetect:main", "source": 'Debian 12 python3-chardet (chardet 5.1.0) entry_points.txt; chardet/cli/chardetect.py calls main() under if __name__ == "__main__"' }],
  ["check-manifest", { "dist": "check-manifest", "module": "check_manifest", "entry": "check_manifest:main", "source": 'Debian 12 check-manifest (check-manifest 0.49) entry_points.txt; check_manifest.py calls main() under if __name__ == "__main__"' }],
  ["cherryd", { "dist": "CherryPy", "module": "cherrypy", "entry": "cherrypy.__main__:run", "source": "Debian 12 python3-cherrypy3 (CherryPy 18.8.0) entry_points.txt; the entry point is cherrypy.__main__" }],
  ["cibuildwheel", { "dist": "cibuildwheel", "module": "cibuildwheel", "entry": "cibuildwheel.__main__:main", "source": "github pypa/cibuildwheel@8832cf6b7559 pyproject.toml scripts; the entry point is cibuildwheel.__main__" }],
  ["cinder", { "dist": "python-cinderclient", "module": "cinderclient.shell", "entry": "cinderclient.shell:main", "source": 'Debian 12 python3-cinderclient (python-cinderclient 9.1.0) entry_points.txt; cinderclient/shell.py calls main() under if __name__ == "__main__"' }],
  ["ckeygen", { "dist": "Twisted", "module": "twisted.conch.scripts.ckeygen", "entry": "twisted.conch.scripts.ckeygen:run", "source": 'Debian 12 python3-twisted (Twisted 22.4.0) entry_points.txt; twisted/conch/scripts/ckeygen.py calls run() under if __name__ == "__main__"' }],
  ["codespell", { "dist": "codespell", "module": "codespell_lib", "entry": "codespell_lib:_script_main", "source": "Debian 12 codespell (codespell 0.0.0) entry_points.txt; codespell_lib/__main__.py calls codespell_lib:_script_main" }],
  ["coloredlogs", { "dist": "coloredlogs", "module": null, "entry": "coloredlogs.cli:main", "source": "Debian 12 python3-coloredlogs (coloredlogs 15.0.1) entry_points.txt; no __main__.py calls coloredlogs.cli:main" }],
  ["conch", { "dist": "Twisted", "module": "twisted.conch.scripts.conch", "entry": "twisted.conch.scripts.conch:run", "source": 'Debian 12 python3-twisted (Twisted 22.4.0) entry_points.txt; twisted/conch/scripts/conch.py calls run() under if __name__ == "__main__"' }],
  ["convert-json", { "dist": "oslo.log", "module": "oslo_log.cmds.convert_json", "entry": "oslo_log.cmds.convert_json:main", "source": 'Debian 12 python3-oslo.log (oslo.log 5.0.1) entry_points.txt; oslo_log/cmds/convert_json.py calls main() under if __name__ == "__main__"' }],
  ["cookiecutter", { "dist": "cookiecutter", "module": "cookiecutter", "entry": "cookiecutter.__main__:main", "source": "Debian 12 python3-cookiecutter (cookiecutter 1.7.3) entry_points.txt; the entry point is cookiecutter.__main__" }],
  ["coverage", { "dist": "coverage", "module": "coverage", "entry": "coverage.cmdline:main", "source": "github nedbat/coveragepy@210ade2b3bed setup.py scripts; coverage/__main__.py calls coverage.cmdline:main" }],
  ["cpuinfo", { "dist": "py-cpuinfo", "module": "cpuinfo", "entry": "cpuinfo:main", "source": "wheel py-cpuinfo 9.0.0 entry_points.txt; cpuinfo/__main__.py calls cpuinfo:main" }],
  ["csvclean", { "dist": "csvkit", "module": "csvkit.utilities.csvclean", "entry": "csvkit.utilities.csvclean:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvclean.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvcut", { "dist": "csvkit", "module": "csvkit.utilities.csvcut", "entry": "csvkit.utilities.csvcut:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvcut.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvformat", { "dist": "csvkit", "module": "csvkit.utilities.csvformat", "entry": "csvkit.utilities.csvformat:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvformat.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvgrep", { "dist": "csvkit", "module": "csvkit.utilities.csvgrep", "entry": "csvkit.utilities.csvgrep:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvgrep.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvjoin", { "dist": "csvkit", "module": "csvkit.utilities.csvjoin", "entry": "csvkit.utilities.csvjoin:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvjoin.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvjson", { "dist": "csvkit", "module": "csvkit.utilities.csvjson", "entry": "csvkit.utilities.csvjson:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvjson.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvlook", { "dist": "csvkit", "module": "csvkit.utilities.csvlook", "entry": "csvkit.utilities.csvlook:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvlook.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvpy", { "dist": "csvkit", "module": "csvkit.utilities.csvpy", "entry": "csvkit.utilities.csvpy:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvpy.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvsort", { "dist": "csvkit", "module": "csvkit.utilities.csvsort", "entry": "csvkit.utilities.csvsort:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvsort.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvsql", { "dist": "csvkit", "module": "csvkit.utilities.csvsql", "entry": "csvkit.utilities.csvsql:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvsql.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvstack", { "dist": "csvkit", "module": "csvkit.utilities.csvstack", "entry": "csvkit.utilities.csvstack:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvstack.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["csvstat", { "dist": "csvkit", "module": "csvkit.utilities.csvstat", "entry": "csvkit.utilities.csvstat:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/csvstat.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["daphne", { "dist": "daphne", "module": "daphne", "entry": "daphne.cli:CommandLineInterface.entrypoint", "source": "Debian 12 python3-daphne (daphne 4.0.0) entry_points.txt; daphne/__main__.py calls daphne.cli:CommandLineInterface.entrypoint" }],
  ["dask", { "dist": "dask", "module": "dask", "entry": "dask.__main__:main", "source": "Debian 12 python3-dask (dask 2022.12.1+dfsg) entry_points.txt; the entry point is dask.__main__" }],
  ["dask-scheduler", { "dist": "distributed", "module": "distributed.cli.dask_scheduler", "entry": "distributed.cli.dask_scheduler:main", "source": 'Debian 12 python3-distributed (distributed 2022.12.1+ds.1) entry_points.txt; distributed/cli/dask_scheduler.py calls main() under if __name__ == "__main__"' }],
  ["dask-ssh", { "dist": "distributed", "module": "distributed.cli.dask_ssh", "entry": "distributed.cli.dask_ssh:main", "source": 'Debian 12 python3-distributed (distributed 2022.12.1+ds.1) entry_points.txt; distributed/cli/dask_ssh.py calls main() under if __name__ == "__main__"' }],
  ["dask-worker", { "dist": "distributed", "module": "distributed.cli.dask_worker", "entry": "distributed.cli.dask_worker:main", "source": 'Debian 12 python3-distributed (distributed 2022.12.1+ds.1) entry_points.txt; distributed/cli/dask_worker.py calls main() under if __name__ == "__main__"' }],
  ["datasette", { "dist": "datasette", "module": "datasette", "entry": "datasette.cli:cli", "source": "github simonw/datasette@481df7ff6d78 pyproject.toml scripts; datasette/__main__.py calls datasette.cli:cli" }],
  ["distro", { "dist": "distro", "module": "distro", "entry": "distro.distro:main", "source": "Debian 12 python3-distro (distro 1.8.0) entry_points.txt; distro/__main__.py calls distro.distro:main" }],
  ["django-admin", { "dist": "Django", "module": "django", "entry": "django.core.management:execute_from_command_line", "source": "Debian 12 python3-django (Django 3.2.25) entry_points.txt; django/__main__.py calls django.core.management:execute_from_command_line" }],
  ["dmypy", { "dist": "mypy", "module": "mypy.dmypy", "entry": "mypy.dmypy.client:console_entry", "source": "Debian 12 python3-mypy (mypy 1.0.1) entry_points.txt; mypy/dmypy/__main__.py calls mypy.dmypy.client:console_entry" }],
  ["docformatter", { "dist": "docformatter", "module": "docformatter", "entry": "docformatter:main", "source": 'Debian 12 python3-docformatter (docformatter 1.4) entry_points.txt; docformatter.py calls main() under if __name__ == "__main__"' }],
  ["docker-compose", { "dist": "docker-compose", "module": "compose", "entry": "compose.cli.main:main", "source": "Debian 12 docker-compose (docker-compose 1.29.2) entry_points.txt; compose/__main__.py calls compose.cli.main:main" }],
  ["docutils", { "dist": "docutils", "module": "docutils", "entry": "docutils.__main__:main", "source": "Debian 12 python3-docutils (docutils 0.19) entry_points.txt; the entry point is docutils.__main__" }],
  ["doit", { "dist": "doit", "module": "doit", "entry": "doit.__main__:main", "source": "Debian 12 python3-doit (doit 0.31.1) entry_points.txt; the entry point is doit.__main__" }],
  ["dotenv", { "dist": "python-dotenv", "module": "dotenv", "entry": "dotenv.__main__:cli", "source": "Debian 12 python3-dotenv (python-dotenv 0.21.0) entry_points.txt; the entry point is dotenv.__main__" }],
  ["dulwich", { "dist": "dulwich", "module": null, "entry": "dulwich.cli:main", "source": "Debian 12 python3-dulwich (dulwich 0.21.2) entry_points.txt; dulwich/__main__.py does not call dulwich.cli:main" }],
  ["echo_supervisord_conf", { "dist": "supervisor", "module": null, "entry": "supervisor.confecho:main", "source": "Debian 12 supervisor (supervisor 4.2.5) entry_points.txt; no __main__.py calls supervisor.confecho:main" }],
  ["epylint", { "dist": "pylint", "module": null, "entry": "pylint:run_epylint", "source": "Debian 12 pylint (pylint 2.16.2) entry_points.txt; pylint/__main__.py does not call pylint:run_epylint" }],
  ["esphome", { "dist": "esphome", "module": "esphome", "entry": "esphome.__main__:main", "source": "github esphome/esphome@33fdbbe30c4d pyproject.toml scripts; the entry point is esphome.__main__" }],
  ["export_signing_key", { "dist": "matrix-synapse", "module": "synapse._scripts.export_signing_key", "entry": "synapse._scripts.export_signing_key:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/export_signing_key.py calls main() under if __name__ == "__main__"' }],
  ["f2py", { "dist": "numpy", "module": "numpy.f2py", "entry": "numpy.f2py.f2py2e:main", "source": "Debian 12 python3-numpy (numpy 1.24.2) entry_points.txt; numpy/f2py/__main__.py calls numpy.f2py.f2py2e:main" }],
  ["f2py3", { "dist": "numpy", "module": "numpy.f2py", "entry": "numpy.f2py.f2py2e:main", "source": "Debian 12 python3-numpy (numpy 1.24.2) entry_points.txt; numpy/f2py/__main__.py calls numpy.f2py.f2py2e:main" }],
  ["fab", { "dist": "fabric", "module": "fabric", "entry": "fabric.main:program.run", "source": "Debian 12 python3-fabric (fabric 2.6.0) entry_points.txt; fabric/__main__.py calls fabric.main:program.run" }],
  ["flake8", { "dist": "flake8", "module": "flake8", "entry": "flake8.main.cli:main", "source": "Debian 12 python3-flake8 (flake8 5.0.4) entry_points.txt; flake8/__main__.py calls flake8.main.cli:main" }],
  ["flask", { "dist": "Flask", "module": "flask", "entry": "flask.cli:main", "source": "Debian 12 python3-flask (Flask 2.2.2) entry_points.txt; flask/__main__.py calls flask.cli:main" }],
  ["flexget", { "dist": "flexget", "module": null, "entry": "flexget:main", "source": "github Flexget/Flexget@05b661f561b5 pyproject.toml scripts; no __main__.py calls flexget:main" }],
  ["flexget-headless", { "dist": "flexget", "module": null, "entry": "flexget:main", "source": "github Flexget/Flexget@05b661f561b5 pyproject.toml scripts; no __main__.py calls flexget:main" }],
  ["fonttools", { "dist": "fonttools", "module": "fontTools", "entry": "fontTools.__main__:main", "source": "Debian 12 python3-fonttools (fonttools 4.38.0) entry_points.txt; the entry point is fontTools.__main__" }],
  ["futurize", { "dist": "future", "module": null, "entry": "libfuturize.main:main", "source": "Debian 12 python3-future (future 0.18.2) entry_points.txt; no __main__.py calls libfuturize.main:main" }],
  ["gallery-dl", { "dist": "gallery_dl", "module": "gallery_dl", "entry": "gallery_dl:main", "source": "github mikf/gallery-dl@86047cf67a12 setup.py scripts; gallery_dl/__main__.py calls gallery_dl:main" }],
  ["gcovr", { "dist": "gcovr", "module": "gcovr", "entry": "gcovr.__main__:main", "source": "Debian 12 gcovr (gcovr 5.2) entry_points.txt; the entry point is gcovr.__main__" }],
  ["generate_config", { "dist": "matrix-synapse", "module": "synapse._scripts.generate_config", "entry": "synapse._scripts.generate_config:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/generate_config.py calls main() under if __name__ == "__main__"' }],
  ["generate_log_config", { "dist": "matrix-synapse", "module": "synapse._scripts.generate_log_config", "entry": "synapse._scripts.generate_log_config:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/generate_log_config.py calls main() under if __name__ == "__main__"' }],
  ["generate_signing_key", { "dist": "matrix-synapse", "module": "synapse._scripts.generate_signing_key", "entry": "synapse._scripts.generate_signing_key:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/generate_signing_key.py calls main() under if __name__ == "__main__"' }],
  ["ghp-import", { "dist": "ghp-import", "module": "ghp_import", "entry": "ghp_import:main", "source": 'Debian 12 ghp-import (ghp-import 2.1.0) entry_points.txt; ghp_import.py calls main() under if __name__ == "__main__"' }],
  ["glance", { "dist": "python-glanceclient", "module": null, "entry": "glanceclient.shell:main", "source": "Debian 12 python3-glanceclient (python-glanceclient 4.1.0) entry_points.txt; no __main__.py calls glanceclient.shell:main" }],
  ["glances", { "dist": "Glances", "module": "glances", "entry": "glances:main", "source": "Debian 12 glances (Glances 3.3.1.1) entry_points.txt; glances/__main__.py calls glances:main" }],
  ["gunicorn", { "dist": "gunicorn", "module": "gunicorn", "entry": "gunicorn.app.wsgiapp:run", "source": "Debian 12 python3-gunicorn (gunicorn 20.1.0) entry_points.txt; gunicorn/__main__.py calls gunicorn.app.wsgiapp:run" }],
  ["hash_password", { "dist": "matrix-synapse", "module": "synapse._scripts.hash_password", "entry": "synapse._scripts.hash_password:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/hash_password.py calls main() under if __name__ == "__main__"' }],
  ["hatch", { "dist": "hatch", "module": "hatch", "entry": "hatch.cli:main", "source": "github pypa/hatch@ed8e30bebf98 pyproject.toml scripts; hatch/__main__.py calls hatch.cli:main" }],
  ["hatchling", { "dist": "hatchling", "module": "hatchling", "entry": "hatchling.cli:hatchling", "source": "Debian 12 python3-hatchling (hatchling 1.12.2) entry_points.txt; hatchling/__main__.py calls hatchling.cli:hatchling" }],
  ["heat", { "dist": "python-heatclient", "module": "heatclient.shell", "entry": "heatclient.shell:main", "source": 'Debian 12 python3-heatclient (python-heatclient 3.1.0) entry_points.txt; heatclient/shell.py calls main() under if __name__ == "__main__"' }],
  ["http", { "dist": "httpie", "module": "httpie", "entry": "httpie.__main__:main", "source": "Debian 12 httpie (httpie 3.2.1) entry_points.txt; the entry point is httpie.__main__" }],
  ["httpie", { "dist": "httpie", "module": "httpie.manager", "entry": "httpie.manager.__main__:main", "source": "Debian 12 httpie (httpie 3.2.1) entry_points.txt; the entry point is httpie.manager.__main__" }],
  ["https", { "dist": "httpie", "module": "httpie", "entry": "httpie.__main__:main", "source": "Debian 12 httpie (httpie 3.2.1) entry_points.txt; the entry point is httpie.__main__" }],
  ["httpx", { "dist": "httpx", "module": null, "entry": "httpx:main", "source": "Debian 12 python3-httpx (httpx 0.23.3) entry_points.txt; no __main__.py calls httpx:main" }],
  ["humanfriendly", { "dist": "humanfriendly", "module": null, "entry": "humanfriendly.cli:main", "source": "Debian 12 python3-humanfriendly (humanfriendly 10.0) entry_points.txt; no __main__.py calls humanfriendly.cli:main" }],
  ["hypercorn", { "dist": "hypercorn", "module": "hypercorn", "entry": "hypercorn.__main__:main", "source": "Debian 12 python3-hypercorn (hypercorn 0.13.2) entry_points.txt; the entry point is hypercorn.__main__" }],
  ["hypothesis", { "dist": "hypothesis", "module": null, "entry": "hypothesis.extra.cli:main", "source": "Debian 12 python3-hypothesis (hypothesis 6.67.1) entry_points.txt; no __main__.py calls hypothesis.extra.cli:main" }],
  ["i", { "dist": "open-interpreter", "module": null, "entry": "interpreter.terminal_interface.start_terminal_interface:main", "source": "github OpenInterpreter/open-interpreter@dcfcffa9af13 pyproject.toml scripts; no __main__.py calls interpreter.terminal_interface.start_terminal_interface:main" }],
  ["identify-cli", { "dist": "identify", "module": "identify.cli", "entry": "identify.cli:main", "source": 'Debian 12 python3-identify (identify 2.5.17) entry_points.txt; identify/cli.py calls main() under if __name__ == "__main__"' }],
  ["in2csv", { "dist": "csvkit", "module": "csvkit.utilities.in2csv", "entry": "csvkit.utilities.in2csv:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/in2csv.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["interpreter", { "dist": "open-interpreter", "module": null, "entry": "interpreter.terminal_interface.start_terminal_interface:main", "source": "github OpenInterpreter/open-interpreter@dcfcffa9af13 pyproject.toml scripts; no __main__.py calls interpreter.terminal_interface.start_terminal_interface:main" }],
  ["interpreter-classic", { "dist": "open-interpreter", "module": null, "entry": "interpreter.terminal_interface.start_terminal_interface:main", "source": "github OpenInterpreter/open-interpreter@dcfcffa9af13 pyproject.toml scripts; no __main__.py calls interpreter.terminal_interface.start_terminal_interface:main" }],
  ["inv", { "dist": "invoke", "module": "invoke", "entry": "invoke.main:program.run", "source": "Debian 12 python3-invoke (invoke 2.0.0) entry_points.txt; invoke/__main__.py calls invoke.main:program.run" }],
  ["invoke", { "dist": "invoke", "module": "invoke", "entry": "invoke.main:program.run", "source": "Debian 12 python3-invoke (invoke 2.0.0) entry_points.txt; invoke/__main__.py calls invoke.main:program.run" }],
  ["invoke-useradd", { "dist": "InvokeAI", "module": null, "entry": "invokeai.app.util.user_management:useradd", "source": "github invoke-ai/InvokeAI@8e71a8a51939 pyproject.toml scripts; no __main__.py calls invokeai.app.util.user_management:useradd" }],
  ["invoke-userdel", { "dist": "InvokeAI", "module": null, "entry": "invokeai.app.util.user_management:userdel", "source": "github invoke-ai/InvokeAI@8e71a8a51939 pyproject.toml scripts; no __main__.py calls invokeai.app.util.user_management:userdel" }],
  ["invoke-userlist", { "dist": "InvokeAI", "module": null, "entry": "invokeai.app.util.user_management:userlist", "source": "github invoke-ai/InvokeAI@8e71a8a51939 pyproject.toml scripts; no __main__.py calls invokeai.app.util.user_management:userlist" }],
  ["invoke-usermod", { "dist": "InvokeAI", "module": null, "entry": "invokeai.app.util.user_management:usermod", "source": "github invoke-ai/InvokeAI@8e71a8a51939 pyproject.toml scripts; no __main__.py calls invokeai.app.util.user_management:usermod" }],
  ["invokeai-web", { "dist": "InvokeAI", "module": null, "entry": "invokeai.app.run_app:run_app", "source": "github invoke-ai/InvokeAI@8e71a8a51939 pyproject.toml scripts; no __main__.py calls invokeai.app.run_app:run_app" }],
  ["ipcluster", { "dist": "ipyparallel", "module": "ipyparallel.cluster", "entry": "ipyparallel.cluster.app:main", "source": "Debian 12 python3-ipyparallel (ipyparallel 7.1.0) entry_points.txt; ipyparallel/cluster/__main__.py calls ipyparallel.cluster.app:main" }],
  ["ipcontroller", { "dist": "ipyparallel", "module": "ipyparallel.controller", "entry": "ipyparallel.controller.app:main", "source": "Debian 12 python3-ipyparallel (ipyparallel 7.1.0) entry_points.txt; ipyparallel/controller/__main__.py calls ipyparallel.controller.app:main" }],
  ["ipengine", { "dist": "ipyparallel", "module": "ipyparallel.engine", "entry": "ipyparallel.engine.app:main", "source": "Debian 12 python3-ipyparallel (ipyparallel 7.1.0) entry_points.txt; ipyparallel/engine/__main__.py calls ipyparallel.engine.app:main" }],
  ["ipython", { "dist": "ipython", "module": "IPython", "entry": "IPython:start_ipython", "source": "Debian 12 python3-ipython (ipython 8.5.0) entry_points.txt; IPython/__main__.py calls IPython:start_ipython" }],
  ["ipython3", { "dist": "ipython", "module": "IPython", "entry": "IPython:start_ipython", "source": "Debian 12 python3-ipython (ipython 8.5.0) entry_points.txt; IPython/__main__.py calls IPython:start_ipython" }],
  ["isort", { "dist": "isort", "module": "isort", "entry": "isort.main:main", "source": "Debian 12 python3-isort (isort 5.6.4) entry_points.txt; isort/__main__.py calls isort.main:main" }],
  ["isympy", { "dist": "sympy", "module": "isympy", "entry": "isympy:main", "source": 'wheel sympy 1.14.0 entry_points.txt; isympy.py calls main() under if __name__ == "__main__"' }],
  ["jsonpath_ng", { "dist": "jsonpath-ng", "module": null, "entry": "jsonpath_ng.bin.jsonpath:entry_point", "source": "wheel jsonpath-ng 1.8.0 entry_points.txt; no __main__.py calls jsonpath_ng.bin.jsonpath:entry_point" }],
  ["jsonschema", { "dist": "jsonschema", "module": "jsonschema", "entry": "jsonschema.cli:main", "source": "Debian 12 python3-jsonschema (jsonschema 4.10.3) entry_points.txt; jsonschema/__main__.py calls jsonschema.cli:main" }],
  ["jupyter", { "dist": "jupyter_core", "module": "jupyter_core", "entry": "jupyter_core.command:main", "source": "Debian 12 python3-jupyter-core (jupyter_core 4.12.0) entry_points.txt; jupyter_core/__main__.py calls jupyter_core.command:main" }],
  ["jupyter-bundlerextension", { "dist": "notebook", "module": "notebook.bundler", "entry": "notebook.bundler.bundlerextensions:main", "source": "Debian 12 python3-notebook (notebook 6.4.12) entry_points.txt; notebook/bundler/__main__.py calls notebook.bundler.bundlerextensions:main" }],
  ["jupyter-console", { "dist": "jupyter-console", "module": "jupyter_console.app", "entry": "jupyter_console.app:main", "source": 'Debian 12 python3-jupyter-console (jupyter-console 6.4.4) entry_points.txt; jupyter_console/app.py calls main() under if __name__ == "__main__"' }],
  ["jupyter-dejavu", { "dist": "nbconvert", "module": null, "entry": "nbconvert.nbconvertapp:dejavu_main", "source": "Debian 12 python3-nbconvert (nbconvert 6.5.3) entry_points.txt; nbconvert/__main__.py does not call nbconvert.nbconvertapp:dejavu_main" }],
  ["jupyter-execute", { "dist": "nbclient", "module": null, "entry": "nbclient.cli:main", "source": "Debian 12 python3-nbclient (nbclient 0.7.2) entry_points.txt; no __main__.py calls nbclient.cli:main" }],
  ["jupyter-kernel", { "dist": "jupyter_client", "module": null, "entry": "jupyter_client.kernelapp:main", "source": "Debian 12 python3-jupyter-client (jupyter_client 7.4.9) entry_points.txt; no __main__.py calls jupyter_client.kernelapp:main" }],
  ["jupyter-kernelspec", { "dist": "jupyter_client", "module": "jupyter_client.kernelspecapp", "entry": "jupyter_client.kernelspecapp:KernelSpecApp.launch_instance", "source": 'Debian 12 python3-jupyter-client (jupyter_client 7.4.9) entry_points.txt; jupyter_client/kernelspecapp.py calls KernelSpecApp() under if __name__ == "__main__"' }],
  ["jupyter-migrate", { "dist": "jupyter_core", "module": "jupyter_core.migrate", "entry": "jupyter_core.migrate:main", "source": 'Debian 12 python3-jupyter-core (jupyter_core 4.12.0) entry_points.txt; jupyter_core/migrate.py calls main() under if __name__ == "__main__"' }],
  ["jupyter-nbconvert", { "dist": "nbconvert", "module": "nbconvert", "entry": "nbconvert.nbconvertapp:main", "source": "Debian 12 python3-nbconvert (nbconvert 6.5.3) entry_points.txt; nbconvert/__main__.py calls nbconvert.nbconvertapp:main" }],
  ["jupyter-nbextension", { "dist": "notebook", "module": "notebook.nbextensions", "entry": "notebook.nbextensions:main", "source": 'Debian 12 python3-notebook (notebook 6.4.12) entry_points.txt; notebook/nbextensions.py calls main() under if __name__ == "__main__"' }],
  ["jupyter-notebook", { "dist": "notebook", "module": "notebook", "entry": "notebook.notebookapp:main", "source": "Debian 12 python3-notebook (notebook 6.4.12) entry_points.txt; notebook/__main__.py does not call notebook.notebookapp:main; but notebook/notebookapp.py binds main = launch_new_instance = NotebookApp.launch_instance and notebook/__main__.py calls notebookapp.launch_new_instance()" }],
  ["jupyter-qtconsole", { "dist": "qtconsole", "module": "qtconsole", "entry": "qtconsole.qtconsoleapp:main", "source": "Debian 12 python3-qtconsole (qtconsole 5.4.0) entry_points.txt; qtconsole/__main__.py calls qtconsole.qtconsoleapp:main" }],
  ["jupyter-run", { "dist": "jupyter_client", "module": null, "entry": "jupyter_client.runapp:RunApp.launch_instance", "source": "Debian 12 python3-jupyter-client (jupyter_client 7.4.9) entry_points.txt; no __main__.py calls jupyter_client.runapp:RunApp.launch_instance" }],
  ["jupyter-serverextension", { "dist": "notebook", "module": "notebook.serverextensions", "entry": "notebook.serverextensions:main", "source": 'Debian 12 python3-notebook (notebook 6.4.12) entry_points.txt; notebook/serverextensions.py calls main() under if __name__ == "__main__"' }],
  ["jupyter-troubleshoot", { "dist": "jupyter_core", "module": "jupyter_core.troubleshoot", "entry": "jupyter_core.troubleshoot:main", "source": 'Debian 12 python3-jupyter-core (jupyter_core 4.12.0) entry_points.txt; jupyter_core/troubleshoot.py calls main() under if __name__ == "__main__"' }],
  ["jupyter-trust", { "dist": "nbformat", "module": null, "entry": "nbformat.sign:TrustNotebookApp.launch_instance", "source": "Debian 12 python3-nbformat (nbformat 5.5.0) entry_points.txt; no __main__.py calls nbformat.sign:TrustNotebookApp.launch_instance" }],
  ["jupyterhub", { "dist": "jupyterhub", "module": "jupyterhub", "entry": "jupyterhub.app:main", "source": "github jupyterhub/jupyterhub@2841153db6c1 pyproject.toml scripts; jupyterhub/__main__.py calls jupyterhub.app:main" }],
  ["jupyterhub-singleuser", { "dist": "jupyterhub", "module": "jupyterhub.singleuser", "entry": "jupyterhub.singleuser:main", "source": "github jupyterhub/jupyterhub@2841153db6c1 pyproject.toml scripts; jupyterhub/singleuser/__main__.py calls jupyterhub.singleuser:main" }],
  ["kedro", { "dist": "kedro", "module": "kedro", "entry": "kedro.framework.cli:main", "source": "github kedro-org/kedro@d58a0b140250 pyproject.toml scripts; kedro/__main__.py calls kedro.framework.cli:main" }],
  ["kernprof", { "dist": "line-profiler", "module": "kernprof", "entry": "kernprof:main", "source": 'Debian 12 python3-line-profiler (line-profiler 4.0.2) entry_points.txt; kernprof.py calls main() under if __name__ == "__main__"' }],
  ["keyring", { "dist": "keyring", "module": "keyring", "entry": "keyring.cli:main", "source": "Debian 12 python3-keyring (keyring 23.9.3) entry_points.txt; keyring/__main__.py calls keyring.cli:main" }],
  ["livereload", { "dist": "livereload", "module": null, "entry": "livereload.cli:main", "source": "Debian 12 python3-livereload (livereload 2.6.3) entry_points.txt; no __main__.py calls livereload.cli:main" }],
  ["locust", { "dist": "locust", "module": "locust", "entry": "locust.main:main", "source": "github locustio/locust@407343d0f5ab pyproject.toml scripts; locust/__main__.py calls locust.main:main" }],
  ["mailmail", { "dist": "Twisted", "module": null, "entry": "twisted.mail.scripts.mailmail:run", "source": "Debian 12 python3-twisted (Twisted 22.4.0) entry_points.txt; twisted/__main__.py does not call twisted.mail.scripts.mailmail:run" }],
  ["mako-render", { "dist": "Mako", "module": "mako.cmd", "entry": "mako.cmd:cmdline", "source": 'Debian 12 python3-mako (Mako 1.2.4.dev0) entry_points.txt; mako/cmd.py calls cmdline() under if __name__ == "__main__"' }],
  ["markdown-it", { "dist": "markdown-it-py", "module": "markdown_it.cli.parse", "entry": "markdown_it.cli.parse:main", "source": 'Debian 12 python3-markdown-it (markdown-it-py 2.1.0) entry_points.txt; markdown_it/cli/parse.py calls main() under if __name__ == "__main__"' }],
  ["markdown_py", { "dist": "Markdown", "module": "markdown", "entry": "markdown.__main__:run", "source": "Debian 12 python3-markdown (Markdown 3.4.1) entry_points.txt; the entry point is markdown.__main__" }],
  ["meson", { "dist": "meson", "module": "mesonbuild.mesonmain", "entry": "mesonbuild.mesonmain:main", "source": 'Debian 12 meson (meson 1.0.1) entry_points.txt; mesonbuild/mesonmain.py calls main() under if __name__ == "__main__"' }],
  ["mitmdump", { "dist": "mitmproxy", "module": null, "entry": "mitmproxy.tools.main:mitmdump", "source": "github mitmproxy/mitmproxy@8fc25b304593 pyproject.toml scripts; no __main__.py calls mitmproxy.tools.main:mitmdump" }],
  ["mitmproxy", { "dist": "mitmproxy", "module": null, "entry": "mitmproxy.tools.main:mitmproxy", "source": "github mitmproxy/mitmproxy@8fc25b304593 pyproject.toml scripts; no __main__.py calls mitmproxy.tools.main:mitmproxy" }],
  ["mitmweb", { "dist": "mitmproxy", "module": null, "entry": "mitmproxy.tools.main:mitmweb", "source": "github mitmproxy/mitmproxy@8fc25b304593 pyproject.toml scripts; no __main__.py calls mitmproxy.tools.main:mitmweb" }],
  ["mkdocs", { "dist": "mkdocs", "module": "mkdocs", "entry": "mkdocs.__main__:cli", "source": "Debian 12 mkdocs (mkdocs 1.4.2) entry_points.txt; the entry point is mkdocs.__main__" }],
  ["moto_proxy", { "dist": "moto", "module": "moto.proxy", "entry": "moto.proxy:main", "source": 'wheel moto 5.2.1 entry_points.txt; moto/proxy.py calls main() under if __name__ == "__main__"' }],
  ["moto_server", { "dist": "moto", "module": "moto.server", "entry": "moto.server:main", "source": 'wheel moto 5.2.1 entry_points.txt; moto/server.py calls main() under if __name__ == "__main__"' }],
  ["mprof", { "dist": "memory-profiler", "module": "mprof", "entry": "mprof:main", "source": 'Debian 12 python3-memory-profiler (memory-profiler 0.61.0) entry_points.txt; mprof.py calls main() under if __name__ == "__main__"' }],
  ["mycli", { "dist": "mycli", "module": "mycli.main", "entry": "mycli.main:cli", "source": 'Debian 12 mycli (mycli 1.26.1) entry_points.txt; mycli/main.py calls cli() under if __name__ == "__main__"' }],
  ["mypy", { "dist": "mypy", "module": "mypy", "entry": "mypy.__main__:console_entry", "source": "Debian 12 python3-mypy (mypy 1.0.1) entry_points.txt; the entry point is mypy.__main__" }],
  ["mypyc", { "dist": "mypy", "module": "mypyc", "entry": "mypyc.__main__:main", "source": "Debian 12 python3-mypy (mypy 1.0.1) entry_points.txt; the entry point is mypyc.__main__" }],
  ["myst-anchors", { "dist": "myst-parser", "module": null, "entry": "myst_parser.cli:print_anchors", "source": "Debian 12 python3-myst-parser (myst-parser 0.18.1) entry_points.txt; no __main__.py calls myst_parser.cli:print_anchors" }],
  ["myst-docutils-html", { "dist": "myst-parser", "module": null, "entry": "myst_parser.parsers.docutils_:cli_html", "source": "Debian 12 python3-myst-parser (myst-parser 0.18.1) entry_points.txt; no __main__.py calls myst_parser.parsers.docutils_:cli_html" }],
  ["myst-docutils-html5", { "dist": "myst-parser", "module": null, "entry": "myst_parser.parsers.docutils_:cli_html5", "source": "Debian 12 python3-myst-parser (myst-parser 0.18.1) entry_points.txt; no __main__.py calls myst_parser.parsers.docutils_:cli_html5" }],
  ["myst-docutils-latex", { "dist": "myst-parser", "module": null, "entry": "myst_parser.parsers.docutils_:cli_latex", "source": "Debian 12 python3-myst-parser (myst-parser 0.18.1) entry_points.txt; no __main__.py calls myst_parser.parsers.docutils_:cli_latex" }],
  ["myst-docutils-pseudoxml", { "dist": "myst-parser", "module": null, "entry": "myst_parser.parsers.docutils_:cli_pseudoxml", "source": "Debian 12 python3-myst-parser (myst-parser 0.18.1) entry_points.txt; no __main__.py calls myst_parser.parsers.docutils_:cli_pseudoxml" }],
  ["myst-docutils-xml", { "dist": "myst-parser", "module": null, "entry": "myst_parser.parsers.docutils_:cli_xml", "source": "Debian 12 python3-myst-parser (myst-parser 0.18.1) entry_points.txt; no __main__.py calls myst_parser.parsers.docutils_:cli_xml" }],
  ["nautobot-migrate-bootstrap-v3-to-v5", { "dist": "nautobot", "module": "nautobot.core.cli.bootstrap_v3_to_v5", "entry": "nautobot.core.cli.bootstrap_v3_to_v5:main", "source": 'github nautobot/nautobot@47325c5944aa pyproject.toml scripts; nautobot/core/cli/bootstrap_v3_to_v5.py calls main() under if __name__ == "__main__"' }],
  ["nautobot-migrate-deprecated-templates", { "dist": "nautobot", "module": "nautobot.core.cli.migrate_deprecated_templates", "entry": "nautobot.core.cli.migrate_deprecated_templates:main", "source": 'github nautobot/nautobot@47325c5944aa pyproject.toml scripts; nautobot/core/cli/migrate_deprecated_templates.py calls main() under if __name__ == "__main__"' }],
  ["nautobot-server", { "dist": "nautobot", "module": "nautobot.core.cli", "entry": "nautobot.core.cli:main", "source": "github nautobot/nautobot@47325c5944aa pyproject.toml scripts; nautobot/core/cli/__main__.py calls nautobot.core.cli:main" }],
  ["netaddr", { "dist": "netaddr", "module": "netaddr.cli", "entry": "netaddr.cli:main", "source": 'Debian 12 python3-netaddr (netaddr 0.8.0) entry_points.txt; netaddr/cli.py calls main() under if __name__ == "__main__"' }],
  ["neutron", { "dist": "python-neutronclient", "module": "neutronclient.shell", "entry": "neutronclient.shell:main", "source": 'Debian 12 python3-neutronclient (python-neutronclient 8.1.0) entry_points.txt; neutronclient/shell.py calls main() under if __name__ == "__main__"' }],
  ["nltk", { "dist": "nltk", "module": null, "entry": "nltk.cli:cli", "source": "Debian 12 python3-nltk (nltk 3.8) entry_points.txt; no __main__.py calls nltk.cli:cli" }],
  ["nodeenv", { "dist": "nodeenv", "module": "nodeenv", "entry": "nodeenv:main", "source": 'Debian 12 nodeenv (nodeenv 0.13.4) entry_points.txt; nodeenv.py calls main() under if __name__ == "__main__"' }],
  ["normalizer", { "dist": "charset-normalizer", "module": null, "entry": "charset_normalizer.cli.normalizer:cli_detect", "source": 'Debian 12 python3-charset-normalizer (charset-normalizer 3.0.1) entry_points.txt; charset_normalizer/cli/normalizer.py calls cli_detect() under if __name__ == "__main__"; but charset-normalizer 3.4.7 (a wheel, checked by test/known-console-scripts.test.ts) has no module charset_normalizer.cli.normalizer, so no -m is claimed' }],
  ["nose2", { "dist": "nose2", "module": "nose2", "entry": "nose2:discover", "source": "Debian 12 python3-nose2 (nose2 0.12.0) entry_points.txt; nose2/__main__.py calls nose2:discover" }],
  ["nova", { "dist": "python-novaclient", "module": "novaclient.shell", "entry": "novaclient.shell:main", "source": 'Debian 12 python3-novaclient (python-novaclient 18.1.0) entry_points.txt; novaclient/shell.py calls main() under if __name__ == "__main__"' }],
  ["nox", { "dist": "nox", "module": "nox", "entry": "nox.__main__:main", "source": "Debian 12 python3-nox (nox 2022.11.21) entry_points.txt; the entry point is nox.__main__" }],
  ["numpy-config", { "dist": "numpy", "module": "numpy._configtool", "entry": "numpy._configtool:main", "source": 'wheel numpy 2.4.6 entry_points.txt; numpy/_configtool.py calls main() under if __name__ == "__main__"' }],
  ["openapi-spec-validator", { "dist": "openapi-spec-validator", "module": "openapi_spec_validator", "entry": "openapi_spec_validator.__main__:main", "source": "wheel openapi-spec-validator 0.9.0 entry_points.txt; the entry point is openapi_spec_validator.__main__" }],
  ["openstack", { "dist": "python-openstackclient", "module": "openstackclient.shell", "entry": "openstackclient.shell:main", "source": 'Debian 12 python3-openstackclient (python-openstackclient 6.0.0) entry_points.txt; openstackclient/shell.py calls main() under if __name__ == "__main__"' }],
  ["openstack-inventory", { "dist": "openstacksdk", "module": "openstack.cloud.cmd.inventory", "entry": "openstack.cloud.cmd.inventory:main", "source": 'Debian 12 python3-openstacksdk (openstacksdk 0.101.0) entry_points.txt; openstack/cloud/cmd/inventory.py calls main() under if __name__ == "__main__"' }],
  ["oslo-config-generator", { "dist": "oslo.config", "module": "oslo_config.generator", "entry": "oslo_config.generator:main", "source": 'Debian 12 python3-oslo.config (oslo.config 9.0.0) entry_points.txt; oslo_config/generator.py calls main() under if __name__ == "__main__"' }],
  ["oslo-config-validator", { "dist": "oslo.config", "module": "oslo_config.validator", "entry": "oslo_config.validator:main", "source": 'Debian 12 python3-oslo.config (oslo.config 9.0.0) entry_points.txt; oslo_config/validator.py calls main() under if __name__ == "__main__"' }],
  ["papermill", { "dist": "papermill", "module": "papermill", "entry": "papermill.__main__:papermill", "source": "github nteract/papermill@83512185a052 pyproject.toml scripts; the entry point is papermill.__main__" }],
  ["pasteurize", { "dist": "future", "module": null, "entry": "libpasteurize.main:main", "source": "Debian 12 python3-future (future 0.18.2) entry_points.txt; no __main__.py calls libpasteurize.main:main" }],
  ["pbr", { "dist": "pbr", "module": "pbr.cmd.main", "entry": "pbr.cmd.main:main", "source": 'Debian 12 python3-pbr (pbr 5.10.0) entry_points.txt; pbr/cmd/main.py calls main() under if __name__ == "__main__"' }],
  ["pdistreport", { "dist": "pyramid", "module": "pyramid.scripts.pdistreport", "entry": "pyramid.scripts.pdistreport:main", "source": 'Debian 12 python3-pyramid (pyramid 2.0) entry_points.txt; pyramid/scripts/pdistreport.py calls main() under if __name__ == "__main__"' }],
  ["pdm", { "dist": "pdm", "module": "pdm", "entry": "pdm.core:main", "source": "github pdm-project/pdm@a7e9d0015b4d pyproject.toml scripts; pdm/__main__.py calls pdm.core:main" }],
  ["pelican", { "dist": "pelican", "module": "pelican", "entry": "pelican.__main__:main", "source": "Debian 12 pelican (pelican 4.8.0) entry_points.txt; the entry point is pelican.__main__" }],
  ["pelican-import", { "dist": "pelican", "module": null, "entry": "pelican.tools.pelican_import:main", "source": "Debian 12 pelican (pelican 4.8.0) entry_points.txt; pelican/__main__.py does not call pelican.tools.pelican_import:main" }],
  ["pelican-plugins", { "dist": "pelican", "module": null, "entry": "pelican.plugins._utils:list_plugins", "source": "Debian 12 pelican (pelican 4.8.0) entry_points.txt; pelican/__main__.py does not call pelican.plugins._utils:list_plugins" }],
  ["pelican-quickstart", { "dist": "pelican", "module": "pelican.tools.pelican_quickstart", "entry": "pelican.tools.pelican_quickstart:main", "source": 'Debian 12 pelican (pelican 4.8.0) entry_points.txt; pelican/tools/pelican_quickstart.py calls main() under if __name__ == "__main__"' }],
  ["pelican-themes", { "dist": "pelican", "module": null, "entry": "pelican.tools.pelican_themes:main", "source": "Debian 12 pelican (pelican 4.8.0) entry_points.txt; pelican/__main__.py does not call pelican.tools.pelican_themes:main" }],
  ["pep8", { "dist": "pep8", "module": "pep8", "entry": "pep8:_main", "source": 'Debian 12 python3-pep8 (pep8 1.7.1) entry_points.txt; pep8.py calls _main() under if __name__ == "__main__"' }],
  ["pgcli", { "dist": "pgcli", "module": "pgcli", "entry": "pgcli.main:cli", "source": "Debian 12 pgcli (pgcli 3.5.0) entry_points.txt; pgcli/__main__.py calls pgcli.main:cli" }],
  ["pidproxy", { "dist": "supervisor", "module": "supervisor.pidproxy", "entry": "supervisor.pidproxy:main", "source": 'Debian 12 supervisor (supervisor 4.2.5) entry_points.txt; supervisor/pidproxy.py calls main() under if __name__ == "__main__"' }],
  ["pip-audit", { "dist": "pip_audit", "module": "pip_audit", "entry": "pip_audit._cli:audit", "source": "github trailofbits/pip-audit@669117156fdc pyproject.toml scripts; pip_audit/__main__.py calls pip_audit._cli:audit" }],
  ["pip-compile", { "dist": "pip-tools", "module": null, "entry": "piptools.scripts.compile:cli", "source": "github jazzband/pip-tools@c58d5d945c0f pyproject.toml scripts; piptools/__main__.py does not call piptools.scripts.compile:cli" }],
  ["pip-sync", { "dist": "pip-tools", "module": null, "entry": "piptools.scripts.sync:cli", "source": "github jazzband/pip-tools@c58d5d945c0f pyproject.toml scripts; piptools/__main__.py does not call piptools.scripts.sync:cli" }],
  ["pipenv", { "dist": "pipenv", "module": "pipenv", "entry": "pipenv:cli", "source": "github pypa/pipenv@3f1b272abd51 pyproject.toml scripts; pipenv/__main__.py calls pipenv:cli" }],
  ["pipenv-resolver", { "dist": "pipenv", "module": "pipenv.resolver.main", "entry": "pipenv.resolver.main:main", "source": 'github pypa/pipenv@3f1b272abd51 pyproject.toml scripts; pipenv/resolver/main.py calls main() under if __name__ == "__main__"' }],
  ["pipx", { "dist": "pipx", "module": "pipx", "entry": "pipx.main:cli", "source": "github pypa/pipx@9bb766c055d4 pyproject.toml scripts; pipx/__main__.py calls pipx.main:cli" }],
  ["pkginfo", { "dist": "pkginfo", "module": null, "entry": "pkginfo.commandline:main", "source": "Debian 12 python3-pkginfo (pkginfo 1.8.2) entry_points.txt; no __main__.py calls pkginfo.commandline:main" }],
  ["poetry", { "dist": "poetry", "module": "poetry", "entry": "poetry.console.application:main", "source": "Debian 12 python3-poetry (poetry 1.3.2) entry_points.txt; poetry/__main__.py calls poetry.console.application:main" }],
  ["pre-commit", { "dist": "pre-commit", "module": "pre_commit", "entry": "pre_commit.main:main", "source": "Debian 12 pre-commit (pre-commit 3.0.4) entry_points.txt; pre_commit/__main__.py calls pre_commit.main:main" }],
  ["prequest", { "dist": "pyramid", "module": "pyramid.scripts.prequest", "entry": "pyramid.scripts.prequest:main", "source": 'Debian 12 python3-pyramid (pyramid 2.0) entry_points.txt; pyramid/scripts/prequest.py calls main() under if __name__ == "__main__"' }],
  ["proutes", { "dist": "pyramid", "module": "pyramid.scripts.proutes", "entry": "pyramid.scripts.proutes:main", "source": 'Debian 12 python3-pyramid (pyramid 2.0) entry_points.txt; pyramid/scripts/proutes.py calls main() under if __name__ == "__main__"' }],
  ["pserve", { "dist": "pyramid", "module": "pyramid.scripts.pserve", "entry": "pyramid.scripts.pserve:main", "source": 'Debian 12 python3-pyramid (pyramid 2.0) entry_points.txt; pyramid/scripts/pserve.py calls main() under if __name__ == "__main__"' }],
  ["pshell", { "dist": "pyramid", "module": "pyramid.scripts.pshell", "entry": "pyramid.scripts.pshell:main", "source": 'Debian 12 python3-pyramid (pyramid 2.0) entry_points.txt; pyramid/scripts/pshell.py calls main() under if __name__ == "__main__"' }],
  ["ptweens", { "dist": "pyramid", "module": "pyramid.scripts.ptweens", "entry": "pyramid.scripts.ptweens:main", "source": 'Debian 12 python3-pyramid (pyramid 2.0) entry_points.txt; pyramid/scripts/ptweens.py calls main() under if __name__ == "__main__"' }],
  ["pulpcore-api", { "dist": "pulpcore", "module": null, "entry": "pulpcore.app.entrypoint:main", "source": "github pulp/pulpcore@107800ebf38a pyproject.toml scripts; no __main__.py calls pulpcore.app.entrypoint:main" }],
  ["pulpcore-content", { "dist": "pulpcore", "module": null, "entry": "pulpcore.content.entrypoint:main", "source": "github pulp/pulpcore@107800ebf38a pyproject.toml scripts; no __main__.py calls pulpcore.content.entrypoint:main" }],
  ["pulpcore-manager", { "dist": "pulpcore", "module": "pulpcore.app.manage", "entry": "pulpcore.app.manage:manage", "source": 'github pulp/pulpcore@107800ebf38a pyproject.toml scripts; pulpcore/app/manage.py calls manage() under if __name__ == "__main__"' }],
  ["pulpcore-worker", { "dist": "pulpcore", "module": null, "entry": "pulpcore.tasking.entrypoint:worker", "source": "github pulp/pulpcore@107800ebf38a pyproject.toml scripts; no __main__.py calls pulpcore.tasking.entrypoint:worker" }],
  ["pviews", { "dist": "pyramid", "module": "pyramid.scripts.pviews", "entry": "pyramid.scripts.pviews:main", "source": 'Debian 12 python3-pyramid (pyramid 2.0) entry_points.txt; pyramid/scripts/pviews.py calls main() under if __name__ == "__main__"' }],
  ["py.test", { "dist": "pytest", "module": "pytest", "entry": "pytest:console_main", "source": "Debian 12 python3-pytest (pytest 7.2.1) entry_points.txt; pytest/__main__.py calls pytest:console_main" }],
  ["py.test-benchmark", { "dist": "pytest-benchmark", "module": "pytest_benchmark", "entry": "pytest_benchmark.cli:main", "source": "Debian 12 python3-pytest-benchmark (pytest-benchmark 3.2.2) entry_points.txt; pytest_benchmark/__main__.py calls pytest_benchmark.cli:main" }],
  ["pybabel", { "dist": "Babel", "module": "babel.messages.frontend", "entry": "babel.messages.frontend:main", "source": 'Debian 12 python3-babel (Babel 2.10.3) entry_points.txt; babel/messages/frontend.py calls main() under if __name__ == "__main__"' }],
  ["pybind11-config", { "dist": "pybind11", "module": "pybind11", "entry": "pybind11.__main__:main", "source": "Debian 12 python3-pybind11 (pybind11 2.10.3) entry_points.txt; the entry point is pybind11.__main__" }],
  ["pycodestyle", { "dist": "pycodestyle", "module": "pycodestyle", "entry": "pycodestyle:_main", "source": 'Debian 12 python3-pycodestyle (pycodestyle 2.10.0) entry_points.txt; pycodestyle.py calls _main() under if __name__ == "__main__"' }],
  ["pydevd", { "dist": "pydevd", "module": "pydevd", "entry": "pydevd:main", "source": 'Debian 12 python3-pydevd (pydevd 2.9.5) entry_points.txt; pydevd.py calls main() under if __name__ == "__main__"' }],
  ["pydocstyle", { "dist": "pydocstyle", "module": "pydocstyle", "entry": "pydocstyle.cli:main", "source": "Debian 12 python3-pydocstyle (pydocstyle 6.2.3) entry_points.txt; pydocstyle/__main__.py calls pydocstyle.cli:main" }],
  ["pyflakes", { "dist": "pyflakes", "module": "pyflakes", "entry": "pyflakes.api:main", "source": "Debian 12 python3-pyflakes (pyflakes 2.5.0) entry_points.txt; pyflakes/__main__.py calls pyflakes.api:main" }],
  ["pyftmerge", { "dist": "fonttools", "module": "fontTools.merge", "entry": "fontTools.merge:main", "source": "Debian 12 python3-fonttools (fonttools 4.38.0) entry_points.txt; fontTools/merge/__main__.py calls fontTools.merge:main" }],
  ["pyftsubset", { "dist": "fonttools", "module": "fontTools.subset", "entry": "fontTools.subset:main", "source": "Debian 12 python3-fonttools (fonttools 4.38.0) entry_points.txt; fontTools/subset/__main__.py calls fontTools.subset:main" }],
  ["pygmentize", { "dist": "Pygments", "module": "pygments", "entry": "pygments.cmdline:main", "source": "Debian 12 python3-pygments (Pygments 2.14.0) entry_points.txt; pygments/__main__.py calls pygments.cmdline:main" }],
  ["pygrun", { "dist": "antlr4-python3-runtime", "module": "antlr4._pygrun", "entry": "antlr4._pygrun:main", "source": 'wheel antlr4-python3-runtime 4.13.2 entry_points.txt; antlr4/_pygrun.py calls main() under if __name__ == "__main__"' }],
  ["pyhtmlizer", { "dist": "Twisted", "module": null, "entry": "twisted.scripts.htmlizer:run", "source": "Debian 12 python3-twisted (Twisted 22.4.0) entry_points.txt; twisted/__main__.py does not call twisted.scripts.htmlizer:run" }],
  ["pyi-archive_viewer", { "dist": "pyinstaller", "module": "PyInstaller.utils.cliutils.archive_viewer", "entry": "PyInstaller.utils.cliutils.archive_viewer:run", "source": 'github pyinstaller/pyinstaller@b3b542a75455 setup.cfg scripts; PyInstaller/utils/cliutils/archive_viewer.py calls run() under if __name__ == "__main__"' }],
  ["pyi-bindepend", { "dist": "pyinstaller", "module": "PyInstaller.utils.cliutils.bindepend", "entry": "PyInstaller.utils.cliutils.bindepend:run", "source": 'github pyinstaller/pyinstaller@b3b542a75455 setup.cfg scripts; PyInstaller/utils/cliutils/bindepend.py calls run() under if __name__ == "__main__"' }],
  ["pyi-grab_version", { "dist": "pyinstaller", "module": "PyInstaller.utils.cliutils.grab_version", "entry": "PyInstaller.utils.cliutils.grab_version:run", "source": 'github pyinstaller/pyinstaller@b3b542a75455 setup.cfg scripts; PyInstaller/utils/cliutils/grab_version.py calls run() under if __name__ == "__main__"' }],
  ["pyi-makespec", { "dist": "pyinstaller", "module": "PyInstaller.utils.cliutils.makespec", "entry": "PyInstaller.utils.cliutils.makespec:run", "source": 'github pyinstaller/pyinstaller@b3b542a75455 setup.cfg scripts; PyInstaller/utils/cliutils/makespec.py calls run() under if __name__ == "__main__"' }],
  ["pyi-set_version", { "dist": "pyinstaller", "module": "PyInstaller.utils.cliutils.set_version", "entry": "PyInstaller.utils.cliutils.set_version:run", "source": 'github pyinstaller/pyinstaller@b3b542a75455 setup.cfg scripts; PyInstaller/utils/cliutils/set_version.py calls run() under if __name__ == "__main__"' }],
  ["pyinstaller", { "dist": "pyinstaller", "module": "PyInstaller", "entry": "PyInstaller.__main__:_console_script_run", "source": "github pyinstaller/pyinstaller@b3b542a75455 setup.cfg scripts; the entry point is PyInstaller.__main__" }],
  ["pylint", { "dist": "pylint", "module": "pylint", "entry": "pylint:run_pylint", "source": "Debian 12 pylint (pylint 2.16.2) entry_points.txt; pylint/__main__.py calls pylint:run_pylint" }],
  ["pylint-config", { "dist": "pylint", "module": null, "entry": "pylint:_run_pylint_config", "source": "Debian 12 pylint (pylint 2.16.2) entry_points.txt; pylint/__main__.py does not call pylint:_run_pylint_config" }],
  ["pylsp", { "dist": "python-lsp-server", "module": "pylsp", "entry": "pylsp.__main__:main", "source": "Debian 12 python3-pylsp (python-lsp-server 1.7.1) entry_points.txt; the entry point is pylsp.__main__" }],
  ["pypi-server", { "dist": "pypiserver", "module": "pypiserver", "entry": "pypiserver.__main__:main", "source": "github pypiserver/pypiserver@d87ef03f9c81 pyproject.toml scripts; the entry point is pypiserver.__main__" }],
  ["pyproject-build", { "dist": "build", "module": "build", "entry": "build.__main__:entrypoint", "source": "Debian 12 python3-build (build 0.9.0) entry_points.txt; the entry point is build.__main__" }],
  ["pyreverse", { "dist": "pylint", "module": null, "entry": "pylint:run_pyreverse", "source": "Debian 12 pylint (pylint 2.16.2) entry_points.txt; pylint/__main__.py does not call pylint:run_pyreverse" }],
  ["pyroma", { "dist": "pyroma", "module": null, "entry": "pyroma:main", "source": "Debian 12 python3-pyroma (pyroma 2.6b2) entry_points.txt; no __main__.py calls pyroma:main" }],
  ["pyrsa-decrypt", { "dist": "rsa", "module": null, "entry": "rsa.cli:decrypt", "source": "wheel rsa 4.7.2 entry_points.txt; no __main__.py calls rsa.cli:decrypt" }],
  ["pyrsa-encrypt", { "dist": "rsa", "module": null, "entry": "rsa.cli:encrypt", "source": "wheel rsa 4.7.2 entry_points.txt; no __main__.py calls rsa.cli:encrypt" }],
  ["pyrsa-keygen", { "dist": "rsa", "module": null, "entry": "rsa.cli:keygen", "source": "wheel rsa 4.7.2 entry_points.txt; no __main__.py calls rsa.cli:keygen" }],
  ["pyrsa-priv2pub", { "dist": "rsa", "module": null, "entry": "rsa.util:private_to_public", "source": "wheel rsa 4.7.2 entry_points.txt; no __main__.py calls rsa.util:private_to_public" }],
  ["pyrsa-sign", { "dist": "rsa", "module": null, "entry": "rsa.cli:sign", "source": "wheel rsa 4.7.2 entry_points.txt; no __main__.py calls rsa.cli:sign" }],
  ["pyrsa-verify", { "dist": "rsa", "module": null, "entry": "rsa.cli:verify", "source": "wheel rsa 4.7.2 entry_points.txt; no __main__.py calls rsa.cli:verify" }],
  ["pytest", { "dist": "pytest", "module": "pytest", "entry": "pytest:console_main", "source": "Debian 12 python3-pytest (pytest 7.2.1) entry_points.txt; pytest/__main__.py calls pytest:console_main" }],
  ["pytest-benchmark", { "dist": "pytest-benchmark", "module": "pytest_benchmark", "entry": "pytest_benchmark.cli:main", "source": "Debian 12 python3-pytest-benchmark (pytest-benchmark 3.2.2) entry_points.txt; pytest_benchmark/__main__.py calls pytest_benchmark.cli:main" }],
  ["python-coverage", { "dist": "coverage", "module": "coverage", "entry": "coverage.cmdline:main", "source": "Debian 12 python3-coverage (coverage 6.5.0) entry_points.txt; coverage/__main__.py calls coverage.cmdline:main" }],
  ["pythran", { "dist": "pythran", "module": "pythran.run", "entry": "pythran.run:run", "source": 'Debian 12 python3-pythran (pythran 0.11.0) entry_points.txt; pythran/run.py calls run() under if __name__ == "__main__"' }],
  ["pythran-config", { "dist": "pythran", "module": "pythran.config", "entry": "pythran.config:run", "source": 'Debian 12 python3-pythran (pythran 0.11.0) entry_points.txt; pythran/config.py calls run() under if __name__ == "__main__"' }],
  ["qr", { "dist": "qrcode", "module": "qrcode.console_scripts", "entry": "qrcode.console_scripts:main", "source": 'Debian 12 python3-qrcode (qrcode 7.4.2) entry_points.txt; qrcode/console_scripts.py calls main() under if __name__ == "__main__"' }],
  ["redbot", { "dist": "Red-DiscordBot", "module": "redbot", "entry": "redbot.__main__:main", "source": "github Cog-Creators/Red-DiscordBot@4e2705920947 pyproject.toml scripts; the entry point is redbot.__main__" }],
  ["redbot-setup", { "dist": "Red-DiscordBot", "module": "redbot.setup", "entry": "redbot.setup:run_cli", "source": 'github Cog-Creators/Red-DiscordBot@4e2705920947 pyproject.toml scripts; redbot/setup.py calls run_cli() under if __name__ == "__main__"' }],
  ["reflex", { "dist": "reflex", "module": "reflex", "entry": "reflex.reflex:cli", "source": "github reflex-dev/reflex@d86f167bce73 pyproject.toml scripts; reflex/__main__.py calls reflex.reflex:cli" }],
  ["register_new_matrix_user", { "dist": "matrix-synapse", "module": "synapse._scripts.register_new_matrix_user", "entry": "synapse._scripts.register_new_matrix_user:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/register_new_matrix_user.py calls main() under if __name__ == "__main__"' }],
  ["restructuredtext-lint", { "dist": "restructuredtext-lint", "module": "restructuredtext_lint.cli", "entry": "restructuredtext_lint.cli:main", "source": 'Debian 12 python3-restructuredtext-lint (restructuredtext-lint 1.3.2) entry_points.txt; restructuredtext_lint/cli.py calls main() under if __name__ == "__main__"' }],
  ["roman", { "dist": "roman", "module": "roman", "entry": "roman:main", "source": 'Debian 12 python3-roman (roman 3.3) entry_points.txt; roman.py calls main() under if __name__ == "__main__"' }],
  ["rq", { "dist": "rq", "module": "rq.cli", "entry": "rq.cli:main", "source": "Debian 12 python3-rq (rq 1.13.0) entry_points.txt; rq/cli/__main__.py calls rq.cli:main" }],
  ["rqinfo", { "dist": "rq", "module": null, "entry": "rq.cli:info", "source": "Debian 12 python3-rq (rq 1.13.0) entry_points.txt; rq/cli/__main__.py does not call rq.cli:info" }],
  ["rqworker", { "dist": "rq", "module": null, "entry": "rq.cli:worker", "source": "Debian 12 python3-rq (rq 1.13.0) entry_points.txt; rq/cli/__main__.py does not call rq.cli:worker" }],
  ["rst-lint", { "dist": "restructuredtext-lint", "module": "restructuredtext_lint.cli", "entry": "restructuredtext_lint.cli:main", "source": 'Debian 12 python3-restructuredtext-lint (restructuredtext-lint 1.3.2) entry_points.txt; restructuredtext_lint/cli.py calls main() under if __name__ == "__main__"' }],
  ["scons", { "dist": "SCons", "module": null, "entry": "SCons.Script.Main:main", "source": "Debian 12 scons (SCons 4.4.0) entry_points.txt; SCons/__main__.py does not call SCons.Script.Main:main" }],
  ["scons-configure-cache", { "dist": "SCons", "module": "SCons.Utilities.ConfigureCache", "entry": "SCons.Utilities.ConfigureCache:main", "source": 'Debian 12 scons (SCons 4.4.0) entry_points.txt; SCons/Utilities/ConfigureCache.py calls main() under if __name__ == "__main__"' }],
  ["sconsign", { "dist": "SCons", "module": "SCons.Utilities.sconsign", "entry": "SCons.Utilities.sconsign:main", "source": 'Debian 12 scons (SCons 4.4.0) entry_points.txt; SCons/Utilities/sconsign.py calls main() under if __name__ == "__main__"' }],
  ["scrapy", { "dist": "Scrapy", "module": "scrapy", "entry": "scrapy.cmdline:execute", "source": "Debian 12 python3-scrapy (Scrapy 2.8.0) entry_points.txt; scrapy/__main__.py calls scrapy.cmdline:execute" }],
  ["send2trash", { "dist": "Send2Trash", "module": "send2trash", "entry": "send2trash.__main__:main", "source": "Debian 12 python3-send2trash (Send2Trash 1.8.1b0) entry_points.txt; the entry point is send2trash.__main__" }],
  ["sigstore", { "dist": "sigstore", "module": "sigstore", "entry": "sigstore._cli:main", "source": "github sigstore/sigstore-python@27db13db157e pyproject.toml scripts; sigstore/__main__.py calls sigstore._cli:main" }],
  ["slugify", { "dist": "python-slugify", "module": null, "entry": "slugify.slugify:main", "source": "Debian 12 python3-slugify (python-slugify 4.0.0) entry_points.txt; no __main__.py calls slugify.slugify:main" }],
  ["sphinx-apidoc", { "dist": "Sphinx", "module": "sphinx.ext.apidoc", "entry": "sphinx.ext.apidoc:main", "source": 'Debian 12 python3-sphinx (Sphinx 5.3.0) entry_points.txt; sphinx/ext/apidoc.py calls main() under if __name__ == "__main__"' }],
  ["sphinx-autogen", { "dist": "Sphinx", "module": "sphinx.ext.autosummary.generate", "entry": "sphinx.ext.autosummary.generate:main", "source": 'Debian 12 python3-sphinx (Sphinx 5.3.0) entry_points.txt; sphinx/ext/autosummary/generate.py calls main() under if __name__ == "__main__"' }],
  ["sphinx-build", { "dist": "Sphinx", "module": "sphinx", "entry": "sphinx.cmd.build:main", "source": "Debian 12 python3-sphinx (Sphinx 5.3.0) entry_points.txt; sphinx/__main__.py calls sphinx.cmd.build:main" }],
  ["sphinx-quickstart", { "dist": "Sphinx", "module": "sphinx.cmd.quickstart", "entry": "sphinx.cmd.quickstart:main", "source": 'Debian 12 python3-sphinx (Sphinx 5.3.0) entry_points.txt; sphinx/cmd/quickstart.py calls main() under if __name__ == "__main__"' }],
  ["spotdl", { "dist": "spotdl", "module": "spotdl", "entry": "spotdl:console_entry_point", "source": "github spotDL/spotify-downloader@0b5158067982 pyproject.toml scripts; spotdl/__main__.py calls spotdl:console_entry_point" }],
  ["sql2csv", { "dist": "csvkit", "module": "csvkit.utilities.sql2csv", "entry": "csvkit.utilities.sql2csv:launch_new_instance", "source": 'Debian 12 python3-csvkit (csvkit 1.0.7) entry_points.txt; csvkit/utilities/sql2csv.py calls launch_new_instance() under if __name__ == "__main__"' }],
  ["sqlformat", { "dist": "sqlparse", "module": "sqlparse", "entry": "sqlparse.__main__:main", "source": "Debian 12 python3-sqlparse (sqlparse 0.4.2) entry_points.txt; the entry point is sqlparse.__main__" }],
  ["sqlite-utils", { "dist": "sqlite-utils", "module": "sqlite_utils", "entry": "sqlite_utils.cli:cli", "source": "Debian 12 sqlite-utils (sqlite-utils 3.30) entry_points.txt; sqlite_utils/__main__.py calls sqlite_utils.cli:cli" }],
  ["sshuttle", { "dist": "sshuttle", "module": "sshuttle", "entry": "sshuttle.cmdline:main", "source": "Debian 12 sshuttle (sshuttle 1.1.1) entry_points.txt; sshuttle/__main__.py calls sshuttle.cmdline:main" }],
  ["stestr", { "dist": "stestr", "module": "stestr", "entry": "stestr.cli:main", "source": "Debian 12 python3-stestr (stestr 3.2.1) entry_points.txt; stestr/__main__.py calls stestr.cli:main" }],
  ["streamlink", { "dist": "streamlink", "module": "streamlink_cli", "entry": "streamlink_cli.main:main", "source": "github streamlink/streamlink@5376d2e8851b setup.py scripts; streamlink_cli/__main__.py calls streamlink_cli.main:main" }],
  ["stubgen", { "dist": "mypy", "module": null, "entry": "mypy.stubgen:main", "source": `Debian 12 python3-mypy (mypy 1.0.1) entry_points.txt; mypy/stubgen.py calls main() under if __name__ == "__main__", but PyPI's mypy wheels compile it with mypyc (mypy's setup.py leaves it out of MYPYC_BLACKLIST), and python -m cannot run a compiled module ("No code object available for mypy.stubgen"; typeshed moved from python -m mypy.stubgen to stubgen for that), so no -m is claimed` }],
  ["stubtest", { "dist": "mypy", "module": "mypy.stubtest", "entry": "mypy.stubtest:main", "source": 'Debian 12 python3-mypy (mypy 1.0.1) entry_points.txt; mypy/stubtest.py calls main() under if __name__ == "__main__"' }],
  ["supervisorctl", { "dist": "supervisor", "module": "supervisor.supervisorctl", "entry": "supervisor.supervisorctl:main", "source": 'Debian 12 supervisor (supervisor 4.2.5) entry_points.txt; supervisor/supervisorctl.py calls main() under if __name__ == "__main__"' }],
  ["supervisord", { "dist": "supervisor", "module": "supervisor.supervisord", "entry": "supervisor.supervisord:main", "source": 'Debian 12 supervisor (supervisor 4.2.5) entry_points.txt; supervisor/supervisord.py calls main() under if __name__ == "__main__"' }],
  ["swift", { "dist": "python-swiftclient", "module": "swiftclient.shell", "entry": "swiftclient.shell:main", "source": 'Debian 12 python3-swiftclient (python-swiftclient 4.1.0) entry_points.txt; swiftclient/shell.py calls main() under if __name__ == "__main__"' }],
  ["symilar", { "dist": "pylint", "module": null, "entry": "pylint:run_symilar", "source": "Debian 12 pylint (pylint 2.16.2) entry_points.txt; pylint/__main__.py does not call pylint:run_symilar" }],
  ["synapse_homeserver", { "dist": "matrix-synapse", "module": "synapse.app.homeserver", "entry": "synapse.app.homeserver:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/app/homeserver.py calls main() under if __name__ == "__main__"' }],
  ["synapse_port_db", { "dist": "matrix-synapse", "module": "synapse._scripts.synapse_port_db", "entry": "synapse._scripts.synapse_port_db:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/synapse_port_db.py calls main() under if __name__ == "__main__"' }],
  ["synapse_review_recent_signups", { "dist": "matrix-synapse", "module": "synapse._scripts.review_recent_signups", "entry": "synapse._scripts.review_recent_signups:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/review_recent_signups.py calls main() under if __name__ == "__main__"' }],
  ["synapse_worker", { "dist": "matrix-synapse", "module": "synapse.app.generic_worker", "entry": "synapse.app.generic_worker:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/app/generic_worker.py calls main() under if __name__ == "__main__"' }],
  ["synctl", { "dist": "matrix-synapse", "module": "synapse._scripts.synctl", "entry": "synapse._scripts.synctl:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/synctl.py calls main() under if __name__ == "__main__"' }],
  ["tabulate", { "dist": "tabulate", "module": "tabulate", "entry": "tabulate:_main", "source": 'Debian 12 python3-tabulate (tabulate 0.8.9) entry_points.txt; tabulate.py calls _main() under if __name__ == "__main__"' }],
  ["tkconch", { "dist": "Twisted", "module": "twisted.conch.scripts.tkconch", "entry": "twisted.conch.scripts.tkconch:run", "source": 'Debian 12 python3-twisted (Twisted 22.4.0) entry_points.txt; twisted/conch/scripts/tkconch.py calls run() under if __name__ == "__main__"' }],
  ["tldextract", { "dist": "tldextract", "module": "tldextract", "entry": "tldextract.cli:main", "source": "Debian 12 python3-tldextract (tldextract 3.1.2) entry_points.txt; tldextract/__main__.py calls tldextract.cli:main" }],
  ["tomlq", { "dist": "yq", "module": null, "entry": "yq:tq_cli", "source": "Debian 12 yq (yq 3.1.0) entry_points.txt; yq/__main__.py does not call yq:tq_cli" }],
  ["towncrier", { "dist": "towncrier", "module": "towncrier", "entry": "towncrier._shell:cli", "source": "Debian 12 towncrier (towncrier 22.12.0) entry_points.txt; towncrier/__main__.py calls towncrier._shell:cli" }],
  ["tox", { "dist": "tox", "module": "tox", "entry": "tox:cmdline", "source": "Debian 12 tox (tox 3.28.0) entry_points.txt; tox/__main__.py calls tox:cmdline" }],
  ["tox-quickstart", { "dist": "tox", "module": "tox._quickstart", "entry": "tox._quickstart:main", "source": 'Debian 12 tox (tox 3.28.0) entry_points.txt; tox/_quickstart.py calls main() under if __name__ == "__main__"' }],
  ["tox-to-nox", { "dist": "nox", "module": null, "entry": "nox.tox_to_nox:main", "source": "Debian 12 python3-nox (nox 2022.11.21) entry_points.txt; nox/__main__.py does not call nox.tox_to_nox:main" }],
  ["tqdm", { "dist": "tqdm", "module": "tqdm", "entry": "tqdm.cli:main", "source": "Debian 12 python3-tqdm (tqdm 4.64.1) entry_points.txt; tqdm/__main__.py calls tqdm.cli:main" }],
  ["trial", { "dist": "Twisted", "module": null, "entry": "twisted.scripts.trial:run", "source": "Debian 12 python3-twisted (Twisted 22.4.0) entry_points.txt; twisted/__main__.py does not call twisted.scripts.trial:run" }],
  ["ttx", { "dist": "fonttools", "module": "fontTools.ttx", "entry": "fontTools.ttx:main", "source": 'Debian 12 python3-fonttools (fonttools 4.38.0) entry_points.txt; fontTools/ttx.py calls main() under if __name__ == "__main__"' }],
  ["twine", { "dist": "twine", "module": "twine", "entry": "twine.__main__:main", "source": "Debian 12 twine (twine 4.0.2) entry_points.txt; the entry point is twine.__main__" }],
  ["twist", { "dist": "Twisted", "module": null, "entry": "twisted.application.twist._twist:Twist.main", "source": "Debian 12 python3-twisted (Twisted 22.4.0) entry_points.txt; twisted/__main__.py does not call twisted.application.twist._twist:Twist.main" }],
  ["twistd", { "dist": "Twisted", "module": null, "entry": "twisted.scripts.twistd:run", "source": "Debian 12 python3-twisted (Twisted 22.4.0) entry_points.txt; twisted/__main__.py does not call twisted.scripts.twistd:run" }],
  ["unstructured", { "dist": "unstructured", "module": "unstructured", "entry": "unstructured.cli:main", "source": "github Unstructured-IO/unstructured@3e5482bfcdc8 pyproject.toml scripts; unstructured/__main__.py calls unstructured.cli:main" }],
  ["update_synapse_database", { "dist": "matrix-synapse", "module": "synapse._scripts.update_synapse_database", "entry": "synapse._scripts.update_synapse_database:main", "source": 'github element-hq/synapse@a58ad44eb0ce pyproject.toml scripts; synapse/_scripts/update_synapse_database.py calls main() under if __name__ == "__main__"' }],
  ["uvicorn", { "dist": "uvicorn", "module": "uvicorn", "entry": "uvicorn.main:main", "source": "Debian 12 python3-uvicorn (uvicorn 0.17.6) entry_points.txt; uvicorn/__main__.py calls uvicorn.main:main" }],
  ["virtualenv", { "dist": "virtualenv", "module": "virtualenv", "entry": "virtualenv.__main__:run_with_catch", "source": "Debian 12 python3-virtualenv (virtualenv 20.17.1+ds) entry_points.txt; the entry point is virtualenv.__main__" }],
  ["waitress-serve", { "dist": "waitress", "module": "waitress", "entry": "waitress.runner:run", "source": "Debian 12 python3-waitress (waitress 2.1.2) entry_points.txt; waitress/__main__.py calls waitress.runner:run" }],
  ["wamp", { "dist": "autobahn", "module": "autobahn", "entry": "autobahn.__main__:_main", "source": "Debian 12 python3-autobahn (autobahn 22.7.1) entry_points.txt; the entry point is autobahn.__main__" }],
  ["watchmedo", { "dist": "watchdog", "module": "watchdog.watchmedo", "entry": "watchdog.watchmedo:main", "source": 'Debian 12 python3-watchdog (watchdog 2.2.1) entry_points.txt; watchdog/watchmedo.py calls main() under if __name__ == "__main__"' }],
  ["wheel", { "dist": "wheel", "module": "wheel", "entry": "wheel.cli:main", "source": "Debian 12 python3-wheel (wheel 0.38.4) entry_points.txt; wheel/__main__.py calls wheel.cli:main" }],
  ["whisper", { "dist": "openai-whisper", "module": "whisper", "entry": "whisper.transcribe:cli", "source": "github openai/whisper@c0d2f624c09d pyproject.toml scripts; whisper/__main__.py calls whisper.transcribe:cli" }],
  ["wtf", { "dist": "open-interpreter", "module": "scripts.wtf", "entry": "scripts.wtf:main", "source": 'github OpenInterpreter/open-interpreter@dcfcffa9af13 pyproject.toml scripts; scripts/wtf.py calls main() under if __name__ == "__main__"' }],
  ["xbrnetwork", { "dist": "autobahn", "module": "autobahn.xbr._cli", "entry": "autobahn.xbr._cli:_main", "source": 'Debian 12 python3-autobahn (autobahn 22.7.1) entry_points.txt; autobahn/xbr/_cli.py calls _main() under if __name__ == "__main__"' }],
  ["xbrnetwork-ui", { "dist": "autobahn", "module": "autobahn.xbr._gui", "entry": "autobahn.xbr._gui:_main", "source": 'Debian 12 python3-autobahn (autobahn 22.7.1) entry_points.txt; autobahn/xbr/_gui.py calls _main() under if __name__ == "__main__"' }],
  ["xmlschema-json2xml", { "dist": "xmlschema", "module": null, "entry": "xmlschema.cli:json2xml", "source": "Debian 12 python3-xmlschema (xmlschema 1.10.0) entry_points.txt; no __main__.py calls xmlschema.cli:json2xml" }],
  ["xmlschema-validate", { "dist": "xmlschema", "module": null, "entry": "xmlschema.cli:validate", "source": "Debian 12 python3-xmlschema (xmlschema 1.10.0) entry_points.txt; no __main__.py calls xmlschema.cli:validate" }],
  ["xmlschema-xml2json", { "dist": "xmlschema", "module": null, "entry": "xmlschema.cli:xml2json", "source": "Debian 12 python3-xmlschema (xmlschema 1.10.0) entry_points.txt; no __main__.py calls xmlschema.cli:xml2json" }],
  ["xonsh", { "dist": "xonsh", "module": "xonsh", "entry": "xonsh.main:main", "source": "github xonsh/xonsh@375f703fa486 pyproject.toml scripts; xonsh/__main__.py calls xonsh.main:main" }],
  ["xonsh-cat", { "dist": "xonsh", "module": "xonsh.xoreutils.cat", "entry": "xonsh.xoreutils.cat:main", "source": 'github xonsh/xonsh@375f703fa486 pyproject.toml scripts; xonsh/xoreutils/cat.py calls main() under if __name__ == "__main__"' }],
  ["xonsh-uname", { "dist": "xonsh", "module": "xonsh.xoreutils.uname", "entry": "xonsh.xoreutils.uname:main", "source": 'github xonsh/xonsh@375f703fa486 pyproject.toml scripts; xonsh/xoreutils/uname.py calls main() under if __name__ == "__main__"' }],
  ["xonsh-uptime", { "dist": "xonsh", "module": "xonsh.xoreutils.uptime", "entry": "xonsh.xoreutils.uptime:main", "source": 'github xonsh/xonsh@375f703fa486 pyproject.toml scripts; xonsh/xoreutils/uptime.py calls main() under if __name__ == "__main__"' }],
  ["xq", { "dist": "yq", "module": null, "entry": "yq:xq_cli", "source": "Debian 12 yq (yq 3.1.0) entry_points.txt; yq/__main__.py does not call yq:xq_cli" }],
  ["yamllint", { "dist": "yamllint", "module": "yamllint", "entry": "yamllint.cli:run", "source": "Debian 12 yamllint (yamllint 1.29.0) entry_points.txt; yamllint/__main__.py calls yamllint.cli:run" }],
  ["yapf", { "dist": "yapf", "module": "yapf", "entry": "yapf:run_main", "source": "Debian 12 python3-yapf (yapf 0.32.0) entry_points.txt; yapf/__main__.py calls yapf:run_main" }],
  ["yapf-diff", { "dist": "yapf", "module": "yapf.third_party.yapf_diff.yapf_diff", "entry": "yapf.third_party.yapf_diff.yapf_diff:main", "source": 'Debian 12 python3-yapf (yapf 0.32.0) entry_points.txt; yapf/third_party/yapf_diff/yapf_diff.py calls main() under if __name__ == "__main__"' }],
  ["yq", { "dist": "yq", "module": "yq", "entry": "yq:cli", "source": "Debian 12 yq (yq 3.1.0) entry_points.txt; yq/__main__.py calls yq:cli" }],
  ["yt-dlp", { "dist": "yt-dlp", "module": "yt_dlp", "entry": "yt_dlp:main", "source": "Debian 12 yt-dlp (yt-dlp 2023.3.4) entry_points.txt; yt_dlp/__main__.py calls yt_dlp:main" }]
];

// dist/src/judge/known-console-scripts.js
var KNOWN_CONSOLE_SCRIPTS = new Map(CONSOLE_SCRIPTS_DATA.map(([name, e]) => [name, { dist: e.dist, module: e.module ?? void 0, entry: e.entry, source: e.source }]));

// dist/src/env/declared-dependencies.js
import { parse as parseToml } from "smol-toml";

// dist/src/kernel/word.js
function textWord(text3, start) {
  const offsets = start === void 0 ? void 0 : Array.from({ length: text3.length }, (_, i) => start + i);
  return {
    fragments: [{ kind: "text", text: text3, offsets }],
    span: start === void 0 ? void 0 : { start, end: start + text3.length }
  };
}
function wordText(w) {
  let s = "";
  for (const f of w.fragments) {
    if (f.kind !== "text")
      return void 0;
    s += f.text;
  }
  return s;
}
function wordSourceSpan(w) {
  let start = Infinity;
  let end = -Infinity;
  for (const f of w.fragments) {
    if (f.kind === "text") {
      for (const o of f.offsets ?? []) {
        if (o < 0)
          continue;
        if (o < start)
          start = o;
        if (o + 1 > end)
          end = o + 1;
      }
    } else if (f.span) {
      if (f.span.start < start)
        start = f.span.start;
      if (f.span.end > end)
        end = f.span.end;
    }
  }
  if (start === Infinity)
    return w.span;
  return { start, end };
}
function concatWords(a, b) {
  const span = a.span && b.span ? { start: Math.min(a.span.start, b.span.start), end: Math.max(a.span.end, b.span.end) } : a.span ?? b.span;
  return { fragments: mergeText([...a.fragments, ...b.fragments]), span };
}
function mergeText(fragments) {
  const out = [];
  for (const f of fragments) {
    const prev = out[out.length - 1];
    if (f.kind === "text" && prev && prev.kind === "text") {
      const offsets = prev.offsets || f.offsets ? [...prev.offsets ?? new Array(prev.text.length).fill(-1), ...f.offsets ?? new Array(f.text.length).fill(-1)] : void 0;
      out[out.length - 1] = { kind: "text", text: prev.text + f.text, offsets };
    } else if (f.kind === "text" && f.text === "") {
      continue;
    } else {
      out.push(f);
    }
  }
  return out;
}
function replaceWordEdit(source, w, text3) {
  if (w.fragments.length !== 1)
    return void 0;
  const f = w.fragments[0];
  if (f.kind !== "text" || !f.offsets || f.offsets.length !== f.text.length || f.text.length === 0)
    return void 0;
  const start = f.offsets[0];
  if (f.offsets.some((o, i) => o !== start + i))
    return void 0;
  if (source.slice(start, start + f.text.length) !== f.text)
    return void 0;
  return { start, end: start + f.text.length, text: text3 };
}
var PLAIN_SHELL_PIECE = /[A-Za-z0-9_./+@%,:=-]+|"[^"\\$`!]*"|'[^']*'|\$'[^'\\]*'/y;
function plainShellWord(src) {
  let out = "";
  PLAIN_SHELL_PIECE.lastIndex = 0;
  while (PLAIN_SHELL_PIECE.lastIndex < src.length) {
    const at = PLAIN_SHELL_PIECE.lastIndex;
    const m = PLAIN_SHELL_PIECE.exec(src);
    if (!m || m.index !== at)
      return void 0;
    const p = m[0];
    out += p.startsWith("$'") ? p.slice(2, -1) : p.startsWith('"') || p.startsWith("'") ? p.slice(1, -1) : p;
  }
  return src.length ? out : void 0;
}
function shellWordSpan(source, w) {
  const name = wordText(w);
  const inner = wordSourceSpan(w);
  if (name === void 0 || !inner)
    return void 0;
  if (w.span && w.span.start <= inner.start && w.span.end >= inner.end) {
    return plainShellWord(source.slice(w.span.start, w.span.end)) === name ? w.span : void 0;
  }
  if (source.slice(inner.start, inner.end) !== name)
    return void 0;
  const around = (source[inner.start - 1] ?? " ") + (source[inner.end] ?? " ");
  return /["'\\`$]/.test(around) ? void 0 : inner;
}

// dist/src/frontends/python/values.js
var UNKNOWN = { k: "unknown" };
var MAX_OPTIONS = 16;
function strValue(word, literal) {
  return { k: "str", word, literal };
}
function fragmentValue(f, span) {
  return { k: "str", word: { fragments: [f], span } };
}
function union(values) {
  const out = [];
  for (const v of values) {
    if (v.k === "union")
      out.push(...v.options);
    else
      out.push(v);
  }
  if (out.length === 1)
    return out[0];
  if (out.length > MAX_OPTIONS)
    return { k: "union", options: out.slice(0, MAX_OPTIONS) };
  return { k: "union", options: out };
}
function options(v) {
  return v.k === "union" ? v.options : [v];
}
function mapEach(vs, f) {
  let combos = [[]];
  for (const v of vs) {
    const opts = options(v);
    if (combos.length * opts.length > MAX_OPTIONS)
      return f(vs);
    combos = combos.flatMap((c) => opts.map((o) => [...c, o]));
  }
  return combos.length === 1 ? f(combos[0]) : union(combos.map(f));
}
function mapValue(v, f) {
  return v.k === "union" ? union(v.options.map(f)) : f(v);
}
function runningVersion(span) {
  return fragmentValue({ kind: "unknown", span, why: RUNNING_VERSION }, span);
}
function unknownWord(span) {
  return { fragments: [{ kind: "unknown", span }], span };
}
function asWord(v, span) {
  if (v.k === "str")
    return v.word;
  return unknownWord(span);
}
function concatValues(a, b, span) {
  return mapValue(a, (x) => mapValue(b, (y) => {
    if (x.k === "str" && y.k === "str")
      return strValue(concatWords(x.word, y.word));
    if (x.k === "list" && y.k === "list")
      return { k: "list", items: [...x.items, ...y.items], span };
    if (x.k === "list" && y.k === "unknown")
      return { k: "list", items: [...x.items, { splat: UNKNOWN }], span };
    if (x.k === "unknown" && y.k === "list")
      return { k: "list", items: [{ splat: UNKNOWN }, ...y.items], span };
    if (x.k === "str" || y.k === "str") {
      return strValue({ fragments: mergeText([...asWord(x, span).fragments, ...asWord(y, span).fragments]), span });
    }
    return { k: "unknown", span };
  }));
}
function splitWords(word, shellLike) {
  const words2 = [];
  let cur = [];
  const flush = () => {
    const merged = mergeText(cur);
    if (merged.length)
      words2.push({ fragments: merged });
    cur = [];
  };
  for (const f of word.fragments) {
    if (f.kind !== "text") {
      cur.push(f);
      continue;
    }
    const t = f.text;
    let quote;
    let piece = "";
    let pieceOffsets = [];
    const pushPiece = () => {
      if (piece)
        cur.push({ kind: "text", text: piece, offsets: f.offsets ? pieceOffsets : void 0 });
      piece = "";
      pieceOffsets = [];
    };
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      const off = f.offsets?.[i] ?? -1;
      if (shellLike && (ch === '"' || ch === "'")) {
        if (!quote) {
          quote = ch;
          continue;
        }
        if (quote === ch) {
          quote = void 0;
          continue;
        }
      }
      if (!quote && /\s/.test(ch)) {
        pushPiece();
        flush();
        continue;
      }
      piece += ch;
      pieceOffsets.push(off);
    }
    pushPiece();
  }
  flush();
  return words2;
}

// dist/src/frontends/python/import-lines.js
import path from "node:path";

// dist/src/judge/stdlib-modules.js
var STDLIB_MODULES = /* @__PURE__ */ new Set([
  "__future__",
  "_abc",
  "_aix_support",
  "_android_support",
  "_ast",
  "_asyncio",
  "_bisect",
  "_blake2",
  "_bootsubprocess",
  "_bz2",
  "_codecs",
  "_codecs_cn",
  "_codecs_hk",
  "_codecs_iso2022",
  "_codecs_jp",
  "_codecs_kr",
  "_codecs_tw",
  "_collections",
  "_collections_abc",
  "_colorize",
  "_compat_pickle",
  "_compression",
  "_contextvars",
  "_crypt",
  "_csv",
  "_ctypes",
  "_curses",
  "_curses_panel",
  "_datetime",
  "_dbm",
  "_decimal",
  "_elementtree",
  "_frozen_importlib",
  "_frozen_importlib_external",
  "_functools",
  "_gdbm",
  "_hashlib",
  "_heapq",
  "_imp",
  "_interpchannels",
  "_interpqueues",
  "_interpreters",
  "_io",
  "_ios_support",
  "_json",
  "_locale",
  "_lsprof",
  "_lzma",
  "_markupbase",
  "_md5",
  "_msi",
  "_multibytecodec",
  "_multiprocessing",
  "_opcode",
  "_opcode_metadata",
  "_operator",
  "_osx_support",
  "_overlapped",
  "_pickle",
  "_posixshmem",
  "_posixsubprocess",
  "_py_abc",
  "_pydatetime",
  "_pydecimal",
  "_pyio",
  "_pylong",
  "_pyrepl",
  "_queue",
  "_random",
  "_scproxy",
  "_sha1",
  "_sha2",
  "_sha256",
  "_sha3",
  "_sha512",
  "_signal",
  "_sitebuiltins",
  "_socket",
  "_sqlite3",
  "_sre",
  "_ssl",
  "_stat",
  "_statistics",
  "_string",
  "_strptime",
  "_struct",
  "_suggestions",
  "_symtable",
  "_sysconfig",
  "_thread",
  "_threading_local",
  "_tkinter",
  "_tokenize",
  "_tracemalloc",
  "_typing",
  "_uuid",
  "_warnings",
  "_weakref",
  "_weakrefset",
  "_winapi",
  "_wmi",
  "_zoneinfo",
  "abc",
  "aifc",
  "antigravity",
  "argparse",
  "array",
  "ast",
  "asynchat",
  "asyncio",
  "asyncore",
  "atexit",
  "audioop",
  "base64",
  "bdb",
  "binascii",
  "binhex",
  "bisect",
  "builtins",
  "bz2",
  "cProfile",
  "calendar",
  "cgi",
  "cgitb",
  "chunk",
  "cmath",
  "cmd",
  "code",
  "codecs",
  "codeop",
  "collections",
  "colorsys",
  "compileall",
  "concurrent",
  "configparser",
  "contextlib",
  "contextvars",
  "copy",
  "copyreg",
  "crypt",
  "csv",
  "ctypes",
  "curses",
  "dataclasses",
  "datetime",
  "dbm",
  "decimal",
  "difflib",
  "dis",
  "distutils",
  "doctest",
  "email",
  "encodings",
  "ensurepip",
  "enum",
  "errno",
  "faulthandler",
  "fcntl",
  "filecmp",
  "fileinput",
  "fnmatch",
  "fractions",
  "ftplib",
  "functools",
  "gc",
  "genericpath",
  "getopt",
  "getpass",
  "gettext",
  "glob",
  "graphlib",
  "grp",
  "gzip",
  "hashlib",
  "heapq",
  "hmac",
  "html",
  "http",
  "idlelib",
  "imaplib",
  "imghdr",
  "imp",
  "importlib",
  "inspect",
  "io",
  "ipaddress",
  "itertools",
  "json",
  "keyword",
  "lib2to3",
  "linecache",
  "locale",
  "logging",
  "lzma",
  "mailbox",
  "mailcap",
  "marshal",
  "math",
  "mimetypes",
  "mmap",
  "modulefinder",
  "msilib",
  "msvcrt",
  "multiprocessing",
  "netrc",
  "nis",
  "nntplib",
  "nt",
  "ntpath",
  "nturl2path",
  "numbers",
  "opcode",
  "operator",
  "optparse",
  "os",
  "ossaudiodev",
  "pathlib",
  "pdb",
  "pickle",
  "pickletools",
  "pipes",
  "pkgutil",
  "platform",
  "plistlib",
  "poplib",
  "posix",
  "posixpath",
  "pprint",
  "profile",
  "pstats",
  "pty",
  "pwd",
  "py_compile",
  "pyclbr",
  "pydoc",
  "pydoc_data",
  "pyexpat",
  "queue",
  "quopri",
  "random",
  "re",
  "readline",
  "reprlib",
  "resource",
  "rlcompleter",
  "runpy",
  "sched",
  "secrets",
  "select",
  "selectors",
  "shelve",
  "shlex",
  "shutil",
  "signal",
  "site",
  "smtpd",
  "smtplib",
  "sndhdr",
  "socket",
  "socketserver",
  "spwd",
  "sqlite3",
  "sre_compile",
  "sre_constants",
  "sre_parse",
  "ssl",
  "stat",
  "statistics",
  "string",
  "stringprep",
  "struct",
  "subprocess",
  "sunau",
  "symtable",
  "sys",
  "sysconfig",
  "syslog",
  "tabnanny",
  "tarfile",
  "telnetlib",
  "tempfile",
  "termios",
  "textwrap",
  "this",
  "threading",
  "time",
  "timeit",
  "tkinter",
  "token",
  "tokenize",
  "tomllib",
  "trace",
  "traceback",
  "tracemalloc",
  "tty",
  "turtle",
  "turtledemo",
  "types",
  "typing",
  "unicodedata",
  "unittest",
  "urllib",
  "uu",
  "uuid",
  "venv",
  "warnings",
  "wave",
  "weakref",
  "webbrowser",
  "winreg",
  "winsound",
  "wsgiref",
  "xdrlib",
  "xml",
  "xmlrpc",
  "zipapp",
  "zipfile",
  "zipimport",
  "zlib",
  "zoneinfo"
]);

// dist/src/frontends/python/import-lines.js
var FROM_IMPORT = /^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*(?:\\\r?\n[^\n#;]*)*)/gm;
var PLAIN_IMPORT = /^[ \t]*import[ \t]+([^\n#;]*(?:\\\r?\n[^\n#;]*)*)/gm;
function fromImportParts(m) {
  const names = [];
  for (const n of m[3].replace(/[()\\\r\n]/g, " ").split(",")) {
    if (!n.trim())
      continue;
    const [name, alias] = n.split(/\s+as\s+/).map((x) => x.trim());
    if (/^\w+$/.test(name))
      names.push({ name, alias: alias ?? name });
  }
  return { level: m[1].length, module: m[2], names };
}
function plainImportParts(m) {
  const out = [];
  for (const n of m[1].replace(/[\\\r\n]/g, " ").split(",")) {
    const [module, alias] = n.trim().split(/\s+as\s+/).map((x) => x.trim());
    if (module && /^[\w.]+$/.test(module))
      out.push({ module, alias: alias ?? module });
  }
  return out;
}
function importBases(dir, isFile2, root, stopAt) {
  let top = dir;
  while (isFile2(path.join(top, "__init__.py")) && path.dirname(top) !== top && (stopAt === void 0 || top.startsWith(stopAt)))
    top = path.dirname(top);
  const out = [dir, top];
  if (root !== void 0)
    out.push(root, path.join(root, "src"));
  return [...new Set(out)];
}
function findModuleFile(bases, parts, isFile2) {
  for (const b of bases) {
    const stem = path.join(b, ...parts);
    for (const c of parts.length ? [`${stem}.py`, path.join(stem, "__init__.py")] : [path.join(stem, "__init__.py")])
      if (isFile2(c))
        return c;
  }
  return void 0;
}
var TOP_BLOCK = /^(?:async[ \t]+)?def[ \t]+(\w+)|^class[ \t]+(\w+)/;
function topLevelBlocks(text3) {
  const lines = text3.split("\n");
  const out = [];
  let open;
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.trim() && !/^[ \t]/.test(l) && !l.startsWith("#") && !/^[)\]}]/.test(l)) {
      const m = TOP_BLOCK.exec(l);
      if (open) {
        open.endLine = i;
        open.end = offset;
        open = void 0;
      }
      if (m) {
        open = { name: m[1] ?? m[2], kind: m[1] ? "def" : "class", start: offset, end: text3.length, startLine: i + 1, endLine: lines.length };
        out.push(open);
      }
    }
    offset += l.length + 1;
  }
  return out;
}
function isStandard(top) {
  return top === "test" || STDLIB_MODULES.has(top);
}
var PROCESS_LIBRARIES = /* @__PURE__ */ new Set(["invoke", "fabric", "sh", "plumbum", "pexpect", "sarge", "delegator"]);
var IMPORT_AT = /[ \t]*(?:from[ \t]+(\.*)(\w*)[\w. \t]*?)?import(?![\w])/y;
var IMPORTED_NAME = /[ \t]*(\w+)[\w.]*(?:[ \t]+as[ \t]+\w+)?[ \t]*(,)?/y;
function eachImport(text3, visit) {
  for (let k = text3.indexOf("mport", 1); k !== -1; k = text3.indexOf("mport", k + 5)) {
    if (text3.charCodeAt(k - 1) !== 105)
      continue;
    const i = k - 1;
    const before = i > 0 ? text3.charCodeAt(i - 1) : 10;
    const after = text3.charCodeAt(i + 6);
    if (before !== 32 && before !== 9 && before !== 10 || after !== 32 && after !== 9 && after !== 40 && after !== 42)
      continue;
    const lineStart = text3.lastIndexOf("\n", i) + 1;
    IMPORT_AT.lastIndex = lineStart;
    const m = IMPORT_AT.exec(text3);
    if (!m || IMPORT_AT.lastIndex !== i + 6)
      continue;
    let project = false;
    let library = false;
    if (m[1] !== void 0) {
      const top = m[2];
      project = !!m[1] || !!top && !isStandard(top);
      library = !m[1] && PROCESS_LIBRARIES.has(top);
    } else {
      IMPORTED_NAME.lastIndex = i + 6;
      for (let n = IMPORTED_NAME.exec(text3); n; n = n[2] ? IMPORTED_NAME.exec(text3) : null) {
        if (!isStandard(n[1]))
          project = true;
        if (PROCESS_LIBRARIES.has(n[1]))
          library = true;
      }
    }
    if (project || library)
      visit(lineStart, project, library);
  }
}
var lastText;
var lastScan = { starts: [], library: false };
function importScan(text3) {
  if (text3 !== lastText) {
    const starts = [];
    let library = false;
    eachImport(text3, (lineStart, project, lib) => {
      if (project && starts[starts.length - 1] !== lineStart)
        starts.push(lineStart);
      library ||= lib;
    });
    lastText = text3;
    lastScan = { starts, library };
  }
  return lastScan;
}

// dist/src/frontends/python/process-libraries.js
function importsProcessLibrary(text3) {
  return importScan(text3).library;
}
var SHELL0 = { form: "shell", index: 0, keyword: "command" };
var SH_OWN = /* @__PURE__ */ new Set(["Command", "ErrorReturnCode", "RunningCommand", "SignalException", "TimeoutException", "CommandNotFound", "contrib", "glob", "pushd", "which", "bake", "cd", "args", "Environment"]);
var SARGE = ["run", "capture_stdout", "capture_stderr", "capture_both", "get_stdout", "get_stderr", "get_both"];
function libraryLaunches(mod) {
  const roots = new Set([...mod.imports.values()].map((q) => q.split(".")[0]));
  const out = [];
  if (roots.has("invoke") || roots.has("fabric"))
    out.push(...taskRunnerLaunches(mod, roots.has("fabric")));
  const qualifiedCalls = (names, prefix, make) => {
    for (const call of mod.callsTo(names)) {
      const q = mod.qualify(call.childForFieldName("function"), mod.scopeAt(call));
      if (q?.startsWith(prefix)) {
        const l = make(call, q);
        if (l)
          out.push(l);
      }
    }
  };
  if (roots.has("pexpect")) {
    qualifiedCalls(["spawn", "spawnu", "run", "runu", "PopenSpawn"], "pexpect.", (call, q) => /^pexpect\.(?:spawnu?|runu?|popen_spawn\.PopenSpawn)$/.test(q) ? { node: call, api: q, spec: { form: "argv-or-shell", index: 0 }, fixable: false } : void 0);
  }
  if (roots.has("sarge")) {
    qualifiedCalls(SARGE, "sarge.", (call, q) => SARGE.includes(q.slice(6)) ? { node: call, api: q, spec: { form: "argv-or-shell", index: 0 }, fixable: false } : void 0);
  }
  if (roots.has("delegator")) {
    qualifiedCalls(["run", "chain"], "delegator.", (call, q) => q === "delegator.run" || q === "delegator.chain" ? { node: call, api: q, spec: { form: "argv-or-shell", index: 0 }, fixable: false } : void 0);
  }
  if (roots.has("sh"))
    out.push(...shLaunches(mod));
  if (roots.has("plumbum"))
    out.push(...plumbumLaunches(mod));
  return out;
}
function taskRunnerLaunches(mod, fabricFile) {
  const out = [];
  for (const call of mod.callsTo(["run", "sudo", "local"])) {
    const fn = call.childForFieldName("function");
    const q = mod.qualify(fn, mod.scopeAt(call));
    if (q === "invoke.run" || q === "invoke.sudo") {
      out.push({ node: call, api: q, spec: SHELL0, fixable: true });
      continue;
    }
    if (q === "fabric.api.local" || q === "fabric.operations.local") {
      out.push({ node: call, api: q, spec: SHELL0, fixable: true });
      continue;
    }
    if (fn.type !== "attribute")
      continue;
    const method = fn.childForFieldName("attribute")?.text;
    const obj = fn.childForFieldName("object");
    if (!obj || !method)
      continue;
    const kind = contextKind(mod, obj, fabricFile);
    if (!kind)
      continue;
    if (kind === "connection") {
      if (method === "local")
        out.push({ node: call, api: "fabric.Connection.local", spec: SHELL0, fixable: true });
      continue;
    }
    if (method === "run" || method === "sudo")
      out.push({ node: call, api: `invoke.Context.${method}`, spec: SHELL0, fixable: true });
  }
  return out;
}
function contextKind(mod, obj, fabricFile) {
  if (obj.type === "call") {
    const q = mod.qualify(obj.childForFieldName("function"), mod.scopeAt(obj));
    if (q === "invoke.Context" || q === "invoke.context.Context")
      return "context";
    if (q === "fabric.Connection" || q === "fabric.connection.Connection")
      return "connection";
    return void 0;
  }
  if (obj.type !== "identifier")
    return void 0;
  const name = obj.text;
  for (let def = obj.parent; def; def = def.parent) {
    if (def.type !== "function_definition")
      continue;
    const params = def.childForFieldName("parameters")?.namedChildren ?? [];
    for (let i = 0; i < params.length; i++) {
      const p = params[i];
      if (!p)
        continue;
      const pname = p.type === "identifier" ? p.text : p.childForFieldName("name")?.text ?? p.namedChildren[0]?.text;
      if (pname !== name)
        continue;
      const type = p.childForFieldName("type");
      const annotated = type ? mod.qualify(type.namedChildren[0] ?? type, mod.scopeAt(def)) : void 0;
      if (annotated === "invoke.Context" || annotated === "invoke.context.Context")
        return "context";
      if (annotated === "fabric.Connection" || annotated === "fabric.connection.Connection")
        return "connection";
      if (i !== 0)
        return void 0;
      const task = taskDecorator(mod, def);
      if (task === "invoke")
        return fabricFile ? "connection" : "context";
      if (task === "fabric")
        return "connection";
      return void 0;
    }
    return void 0;
  }
  return void 0;
}
function taskDecorator(mod, def) {
  const holder = def.parent?.type === "decorated_definition" ? def.parent : void 0;
  if (!holder)
    return void 0;
  for (const d of holder.namedChildren) {
    if (d?.type !== "decorator")
      continue;
    let e = d.namedChildren[0];
    if (e?.type === "call")
      e = e.childForFieldName("function");
    const q = e ? mod.qualify(e, mod.scopeAt(holder)) : void 0;
    if (q === "invoke.task" || q === "invoke.tasks.task")
      return "invoke";
    if (q === "fabric.task" || q === "fabric.tasks.task" || q === "fabric.decorators.task")
      return "fabric";
  }
  return void 0;
}
function definesTasks(mod, root) {
  const roots = new Set([...mod.imports.values()].map((q) => q.split(".")[0]));
  if (!roots.has("invoke") && !roots.has("fabric"))
    return void 0;
  for (const holder of root.descendantsOfType("decorated_definition")) {
    const def = holder?.childForFieldName("definition");
    if (def?.type !== "function_definition")
      continue;
    const kind = taskDecorator(mod, def);
    if (kind)
      return kind === "invoke" && roots.has("fabric") ? "fabric" : kind;
  }
  return void 0;
}
function nameWord(node, dashes) {
  const text3 = dashes ? node.text.replace(/_/g, "-") : node.text;
  return { fragments: [{ kind: "text", text: text3, offsets: Array.from({ length: text3.length }, (_, i) => node.startIndex + i) }], span: { start: node.startIndex, end: node.endIndex } };
}
function argsAfter(mod, node) {
  const parent = node.parent;
  if (parent?.type === "call" && parent.childForFieldName("function")?.id === node.id) {
    const { positional, keywords, splat } = mod.callArgs(parent);
    const options2 = [...keywords.keys()].some((k) => !k.startsWith("_"));
    return { words: positional.map((a) => asWord(mod.eval(a), { start: a.startIndex, end: a.endIndex })), complete: !splat && !options2 };
  }
  if (parent?.type === "subscript" && parent.childForFieldName("value")?.id === node.id) {
    const subs = parent.childrenForFieldName("subscript").filter((s) => !!s);
    const items = subs.length === 1 && subs[0].type === "tuple" ? subs[0].namedChildren.filter((s) => !!s) : subs;
    return { words: items.map((a) => asWord(mod.eval(a), { start: a.startIndex, end: a.endIndex })), complete: true };
  }
  return { words: [], complete: false };
}
function shLaunches(mod) {
  const out = [];
  for (const call of mod.callsTo(["Command"])) {
    if (mod.qualify(call.childForFieldName("function"), mod.scopeAt(call)) === "sh.Command")
      out.push({ node: call, api: "sh.Command", spec: { form: "program", index: 0, searchesPath: true }, fixable: true });
  }
  for (const [alias, q] of mod.imports) {
    const m = /^sh\.(\w+)$/.exec(q);
    if (m && !SH_OWN.has(m[1]))
      for (const imp of importedNames(mod, alias))
        out.push({ node: imp, api: "sh", spec: { form: "named" }, named: { argv: [nameWord(imp, true)], complete: false }, fixable: false });
    if (q === "sh") {
      for (const attr of attributesOf(mod, alias)) {
        const name = attr.childForFieldName("attribute");
        if (SH_OWN.has(name.text))
          continue;
        const outer = attr.parent?.type === "attribute" && attr.parent.childForFieldName("object")?.id === attr.id ? attr.parent : void 0;
        const sub = outer?.childForFieldName("attribute");
        const args = outer && sub && sub.text !== "bake" ? argsAfter(mod, outer) : argsAfter(mod, attr);
        const argv = [nameWord(name, true), ...outer && sub && sub.text !== "bake" ? [nameWord(sub, true)] : [], ...args.words];
        out.push({ node: attr, api: "sh", spec: { form: "named" }, named: { argv, complete: args.complete }, fixable: false });
      }
    }
  }
  return out;
}
function plumbumLaunches(mod) {
  const out = [];
  for (const [alias, q] of mod.imports) {
    const m = /^plumbum\.cmd\.(\w+)$/.exec(q);
    if (m)
      for (const imp of importedNames(mod, alias))
        out.push({ node: imp, api: "plumbum.cmd", spec: { form: "named" }, named: { argv: [nameWord(imp, false)], complete: false }, fixable: false });
    if (q !== "plumbum.local" && q !== "plumbum" && q !== "plumbum.machines.local")
      continue;
    const localName = q === "plumbum" ? `${alias}.local` : alias;
    for (const sub of subscriptsOf(mod, localName)) {
      const key = sub.childrenForFieldName("subscript").filter((s) => !!s);
      if (key.length !== 1)
        continue;
      const args = argsAfter(mod, sub);
      out.push({ node: sub, api: "plumbum.local", spec: { form: "named" }, named: { argv: [asWord(mod.eval(key[0]), { start: key[0].startIndex, end: key[0].endIndex }), ...args.words], complete: args.complete }, fixable: true });
    }
    for (const attr of attributesOf(mod, `${localName}.cmd`)) {
      const name = attr.childForFieldName("attribute");
      const args = argsAfter(mod, attr);
      out.push({ node: attr, api: "plumbum.local.cmd", spec: { form: "named" }, named: { argv: [nameWord(name, false), ...args.words], complete: args.complete }, fixable: false });
    }
  }
  return out;
}
function importedNames(mod, alias) {
  const out = [];
  for (const m of mod.file.text.matchAll(new RegExp(`\\b${alias}\\b`, "g"))) {
    const id = mod.root.descendantForIndex(m.index, m.index + alias.length);
    if (id?.type !== "identifier")
      continue;
    let p = id.parent;
    while (p && (p.type === "dotted_name" || p.type === "aliased_import"))
      p = p.parent;
    if (p?.type !== "import_from_statement")
      continue;
    const aliased = id.parent?.type === "aliased_import" ? id.parent : id.parent?.parent?.type === "aliased_import" ? id.parent.parent : void 0;
    if (aliased && aliased.childForFieldName("alias")?.id !== id.id)
      continue;
    if (p.childForFieldName("module_name")?.startIndex === (id.parent?.type === "dotted_name" ? id.parent : id).startIndex)
      continue;
    out.push(id);
  }
  return out;
}
function subscriptsOf(mod, dotted) {
  const out = [];
  const escaped = dotted.replace(/\./g, "\\s*\\.\\s*");
  for (const m of mod.file.text.matchAll(new RegExp(`\\b${escaped}\\s*\\[`, "g"))) {
    const at = m.index + m[0].length - 1;
    const sub = mod.root.descendantForIndex(at, at + 1)?.parent;
    if (sub?.type !== "subscript" || sub.childForFieldName("value")?.text.replace(/\s+/g, "") !== dotted)
      continue;
    out.push(sub);
  }
  return out;
}
function attributesOf(mod, dotted) {
  const out = [];
  const escaped = dotted.replace(/\./g, "\\s*\\.\\s*");
  for (const m of mod.file.text.matchAll(new RegExp(`\\b${escaped}\\s*\\.\\s*\\w`, "g"))) {
    const at = m.index + m[0].length - 1;
    const id = mod.root.descendantForIndex(at, at + 1);
    const attr = id?.parent;
    if (id?.type !== "identifier" || attr?.type !== "attribute" || attr.childForFieldName("attribute")?.id !== id.id)
      continue;
    if (attr.childForFieldName("object")?.text.replace(/\s+/g, "") !== dotted)
      continue;
    out.push(attr);
  }
  return out;
}

// dist/src/frontends/python/prefilter.js
var API_WORDS = /\b(?:subprocess|system|popen[234]?|spawn|spawn[lv]p?e?|posix_spawnp?|exec[lv]p?e?|create_subprocess_(?:exec|shell)|subprocess_(?:exec|shell)|getoutput|getstatusoutput|getstatus|set_executable|which|find_executable|Popen)\b/;
var API_KEYS = /subprocess|system|[pP]open|spawn|exec|getoutput|getstatus|which/g;
var API_WORD_EXACT = new RegExp(`^(?:${API_WORDS.source.slice(2, -2)})$`);
function isWordChar(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 95;
}
function nextApiWord(s, from = 0, to = s.length) {
  API_KEYS.lastIndex = from;
  for (let m = API_KEYS.exec(s); m && m.index < to; m = API_KEYS.exec(s)) {
    let a = m.index;
    let b = a + m[0].length;
    while (a > 0 && isWordChar(s.charCodeAt(a - 1)))
      a--;
    while (b < s.length && isWordChar(s.charCodeAt(b)))
      b++;
    if (a >= from && a < to && API_WORD_EXACT.test(s.slice(a, b)))
      return a;
    API_KEYS.lastIndex = b;
  }
  return -1;
}
var Prefilter = class {
  tools;
  project;
  /**
   * `tools`: the name of any Python tool the judge knows, as it may appear in a string; `project`:
   * the project's other modules, whose constants and helpers a file may use (project-modules.ts).
   */
  constructor(tools, project) {
    this.tools = tools;
    this.project = project;
  }
  /** True when the Python file may contain an escape and must be analysed. */
  mayContainEscape(text3) {
    return pythonMayMatter(text3, this.tools);
  }
  /**
   * For a Python file the tests above would skip: whether it may still start a tool through another
   * module of the project — it calls a helper of a module it imports, with a tool's name in a string,
   * or it names a launch API and uses a name a module sets to a tool's name. `text` may be the
   * undecoded bytes (then only the cheap half: a helper called, and a tool's name anywhere; the
   * bytes read as Latin-1, as the test on bytes read them).
   */
  mayMatterThroughProject(path34, text3) {
    const p = this.project;
    if (!p)
      return false;
    if (typeof text3 !== "string") {
      const s = latin1(text3);
      if (!p.mayImportProject(s))
        return false;
      return hasToolName(this.tools, s) && p.callsHelper(path34, s);
    }
    if (!p.mayImportProject(text3))
      return false;
    if (apiWordInCode(text3))
      return p.usesToolConstant(path34, text3, this.tools);
    return someStringMatches(text3, this.tools) && p.callsHelper(path34, text3);
  }
};
function pythonMayMatter(text3, tools) {
  return apiWordInCode(text3) && someStringMatches(text3, tools) || importsProcessLibrary(text3);
}
function pythonMayMatterBytes(bytes) {
  const s = latin1(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return apiWordInCode(s) || importsProcessLibrary(s);
}
var lastBytes;
var lastLatin1 = "";
function latin1(bytes) {
  if (bytes !== lastBytes) {
    lastBytes = bytes;
    lastLatin1 = bytes.toString("latin1");
  }
  return lastLatin1;
}
function apiWordInCode(s) {
  if (s === lastApiText)
    return lastApiAnswer;
  lastApiText = s;
  return lastApiAnswer = apiWordInCodeOf(s);
}
var lastApiText;
var lastApiAnswer = false;
function apiWordInCodeOf(s) {
  const nextWord = (from) => {
    const at = nextApiWord(s, from);
    return at < 0 ? Infinity : at;
  };
  let word = nextWord(0);
  const interesting = /[#'"]/g;
  let found;
  while (word !== Infinity && (found = interesting.exec(s))) {
    const i = found.index;
    if (word < i)
      return true;
    let end;
    if (s.charCodeAt(i) === 35)
      end = commentEnd(s, i);
    else {
      const lit = literalExtent(s, i);
      if (lit.qlen === 3 && lit.end >= s.length)
        return true;
      end = lit.next;
      if (lit.fString) {
        for (; word < end; word = nextWord(word + 1))
          if (inReplacementField(s, i + lit.qlen, word))
            return true;
      }
    }
    if (word < end)
      word = nextWord(end);
    interesting.lastIndex = end;
  }
  return word !== Infinity;
}
function inReplacementField(s, from, pos) {
  let depth = 0;
  for (let j = from; j < pos; j++) {
    const d = s.charCodeAt(j);
    if (d === 92)
      j++;
    else if (d === 123) {
      if (depth === 0 && s.charCodeAt(j + 1) === 123)
        j++;
      else
        depth++;
    } else if (d === 125 && depth > 0)
      depth--;
  }
  return depth > 0;
}
function commentEnd(s, i) {
  let j = s.indexOf("\n", i);
  if (j < 0)
    j = s.length;
  if (s.charCodeAt(j - 1) === 13)
    j--;
  return j;
}
function literalExtent(s, i) {
  const c = s.charCodeAt(i);
  const triple = s.charCodeAt(i + 1) === c && s.charCodeAt(i + 2) === c;
  const fString = isFStringPrefix(s, i);
  const end = fString ? fStringEnd(s, i + (triple ? 3 : 1), c, triple) : triple ? tripleEnd(s, i + 3, c) : singleEnd(s, i + 1, c);
  const qlen = triple ? 3 : 1;
  return { end, qlen, next: Math.min(s.length, end + qlen), fString };
}
function isFStringPrefix(s, i) {
  const ft = (k) => k === 102 || k === 70 || k === 116 || k === 84;
  const rb = (k) => k === 114 || k === 82 || k === 98 || k === 66;
  const a = s.charCodeAt(i - 1);
  return ft(a) || rb(a) && ft(s.charCodeAt(i - 2));
}
function walkSource(s, onComment, onString) {
  const n = s.length;
  const interesting = /[#'"]/g;
  let lastStringEnd = -1;
  let m;
  while (m = interesting.exec(s)) {
    const i = m.index;
    if (s.charCodeAt(i) === 35) {
      const j = commentEnd(s, i);
      onComment?.(i, j);
      interesting.lastIndex = j;
      continue;
    }
    const { end, qlen, fString } = literalExtent(s, i);
    const next = Math.min(n, end + qlen);
    const unterminated = qlen === 3 && end >= n;
    if (onString && (unterminated || !(qlen === 3 && !fString && startsLogicalLine(s, i) && followsBlockHeader(s, i)))) {
      const joined = lastStringEnd >= 0 && GLUE.test(s.slice(lastStringEnd, i));
      if (onString(i, Math.min(end, n), qlen, joined))
        return;
      lastStringEnd = next;
    }
    interesting.lastIndex = next;
  }
}
function someStringMatches(s, pattern) {
  let current2 = "";
  let found = false;
  walkSource(s, void 0, (i, end, qlen, joined) => {
    const content = unescape(s.slice(i + qlen, end));
    if (joined)
      current2 += content;
    else {
      if (current2 && pattern.test(current2))
        return found = true;
      current2 = content;
    }
  });
  return found || !!current2 && pattern.test(current2);
}
function blankComments(text3) {
  const spans = [];
  walkSource(text3, (i, j) => void spans.push(i, j), void 0);
  if (spans.length === 0)
    return { text: text3, comments: [] };
  const parts = [];
  const comments = [];
  let last = 0;
  for (let k = 0; k < spans.length; k += 2) {
    const [a, b] = [spans[k], spans[k + 1]];
    parts.push(text3.slice(last, a), " ".repeat(b - a));
    comments.push({ offset: a, text: text3.slice(a, b) });
    last = b;
  }
  parts.push(text3.slice(last));
  return { text: parts.join(""), comments };
}
var GLUE = /^[\s+()\\]*[rRbBfFuUtT]{0,2}$/;
function unescape(t) {
  if (!t.includes("\\"))
    return t;
  return t.replace(/\\(\r?\n|[ntrfv]|x[0-9a-fA-F]{2}|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/g, (_, e) => {
    if (e[0] === "\r" || e[0] === "\n")
      return "";
    if (e.length === 1 && "ntrfv".includes(e))
      return " ";
    if (e[0] === "x" || e[0] === "u" || e[0] === "U") {
      const cp = parseInt(e.slice(1), 16);
      return cp <= 1114111 ? String.fromCodePoint(cp) : "";
    }
    return String.fromCharCode(parseInt(e, 8));
  });
}
function followsBlockHeader(s, i) {
  let end = s.lastIndexOf("\n", i - 1);
  while (end > 0) {
    const start = s.lastIndexOf("\n", end - 1) + 1;
    const line = s.slice(start, end).replace(/\r$/, "");
    if (/\S/.test(line) && !/^\s*#/.test(line))
      return /:\s*(#[^'"]*)?$/.test(line);
    end = start - 1;
  }
  return true;
}
function tripleEnd(s, from, q) {
  const quote = q === 34 ? '"""' : "'''";
  let j = from;
  for (; ; ) {
    const k = s.indexOf(quote, j);
    if (k < 0)
      return s.length;
    let bs = 0;
    while (s.charCodeAt(k - 1 - bs) === 92)
      bs++;
    if (bs % 2 === 0)
      return k;
    j = k + 1;
  }
}
function fStringEnd(s, from, q, triple) {
  const strings = [{ q, triple, fields: [] }];
  for (let j = from; j < s.length; j++) {
    const str = strings[strings.length - 1];
    const fields = str.fields;
    const d = s.charCodeAt(j);
    const top = fields.length ? fields[fields.length - 1] : -1;
    if (d === 92) {
      j++;
    } else if (fields.length && top >= 0) {
      if (d === 39 || d === 34) {
        const three = s.charCodeAt(j + 1) === d && s.charCodeAt(j + 2) === d;
        if (isFStringPrefix(s, j)) {
          strings.push({ q: d, triple: three, fields: [] });
          if (three)
            j += 2;
        } else {
          const end = three ? tripleEnd(s, j + 3, d) : singleEnd(s, j + 1, d);
          if (end >= s.length)
            return s.length;
          j = three ? end + 2 : end;
        }
      } else if (d === 40 || d === 91 || d === 123)
        fields[fields.length - 1] = top + 1;
      else if (d === 41 || d === 93)
        fields[fields.length - 1] = Math.max(0, top - 1);
      else if (d === 125) {
        if (top > 0)
          fields[fields.length - 1] = top - 1;
        else
          fields.pop();
      } else if (d === 58 && top === 0)
        fields[fields.length - 1] = -1;
      else if (d === 35)
        j = commentEnd(s, j) - 1;
    } else if (d === 123) {
      if (!fields.length && s.charCodeAt(j + 1) === 123)
        j++;
      else
        fields.push(0);
    } else if (d === 125) {
      if (fields.length)
        fields.pop();
    } else if (!fields.length && d === str.q && (!str.triple || s.charCodeAt(j + 1) === d && s.charCodeAt(j + 2) === d)) {
      if (strings.length === 1)
        return j;
      strings.pop();
      if (str.triple)
        j += 2;
    } else if (!fields.length && !str.triple && (d === 10 || d === 13)) {
      if (strings.length === 1)
        return j;
      strings.pop();
      j--;
    }
  }
  return s.length;
}
function singleEnd(s, from, q) {
  for (let j = from; j < s.length; j++) {
    const d = s.charCodeAt(j);
    if (d === 92)
      j++;
    else if (d === q)
      return j;
    else if (d === 10 || d === 13)
      return j;
  }
  return s.length;
}
function startsLogicalLine(s, i) {
  let j = i - 1;
  while (j >= 0 && (s.charCodeAt(j) === 32 || s.charCodeAt(j) === 9 || s.charCodeAt(j) === 12))
    j--;
  if (j < 0)
    return true;
  if (s.charCodeAt(j) !== 10 && s.charCodeAt(j) !== 13)
    return false;
  let k = j - 1;
  if (s.charCodeAt(j) === 10 && s.charCodeAt(k) === 13)
    k--;
  return s.charCodeAt(k) !== 92;
}

// dist/src/frontends/python/project-modules.js
import fs from "node:fs";
import path2 from "node:path";

// dist/src/frontends/python/decode.js
import { isUtf8 } from "node:buffer";

// dist/src/kernel/decode.js
function decodeText(path34, bytes, opts = {}) {
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return { ok: false, kind: "binary", message: `not ${opts.kind ?? "text"}: NUL byte at offset ${nul} (binary file?)` };
  let bom = false;
  let body = bytes;
  if (bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191) {
    bom = true;
    body = bytes.subarray(3);
  }
  const declared = opts.declared;
  const codec = bom ? "utf-8" : opts.codec ?? "utf-8";
  if (bom && opts.codec && opts.codec !== "utf-8") {
    return { ok: false, kind: "decode", message: `BOM says UTF-8 but the coding line says '${declared}'` };
  }
  if (codec === "utf-8" || codec === "ascii") {
    try {
      const text3 = new TextDecoder("utf-8", { fatal: true }).decode(body);
      return { ok: true, file: new SourceFile(path34, text3, { name: codec, bom, lossless: true }) };
    } catch {
      const bad = firstInvalidUtf8(body) + (bom ? 3 : 0);
      const text3 = new TextDecoder("utf-8").decode(body);
      return {
        ok: true,
        file: new SourceFile(path34, text3, { name: codec, bom, lossless: false }),
        warning: `invalid UTF-8 at byte ${bad}; checked with replacement characters and never rewritten`
      };
    }
  }
  if (codec === "latin-1") {
    return { ok: true, file: new SourceFile(path34, Buffer.from(body).toString("latin1"), { name: codec, bom, lossless: true }) };
  }
  let decoder;
  try {
    decoder = new TextDecoder(codec, { fatal: true });
  } catch {
    return { ok: false, kind: "decode", message: `unknown source encoding '${declared}' in the coding declaration` };
  }
  try {
    return { ok: true, file: new SourceFile(path34, decoder.decode(body), { name: codec, bom, lossless: false }) };
  } catch {
    return { ok: false, kind: "decode", message: `bytes are not valid '${declared}' as the coding declaration says` };
  }
}
function firstInvalidUtf8(b) {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 128 ? 1 : c >= 194 && c < 224 ? 2 : c >= 224 && c < 240 ? 3 : c >= 240 && c < 245 ? 4 : 0;
    if (n === 0)
      return i;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(b.subarray(i, i + n));
    } catch {
      return i;
    }
    i += n;
  }
  return -1;
}

// dist/src/frontends/python/decode.js
var CODING_RE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
function normaliseCodec(name) {
  const n = name.toLowerCase().replace(/_/g, "-");
  if (n === "utf8" || n === "utf-8" || n.startsWith("utf-8-") || ["u8", "utf", "utf8-ucs2", "utf8-ucs4", "cp65001"].includes(n))
    return "utf-8";
  if (["latin-1", "latin1", "latin", "iso-8859-1", "iso8859-1", "iso8859", "iso-8859-1-1987", "l1", "cp819", "ibm819", "csisolatin1", "8859", "iso-ir-100"].includes(n))
    return "latin-1";
  if (["ascii", "us-ascii", "us", "646", "cp367", "ibm367", "csascii", "iso646-us", "iso-ir-6", "ansi-x3.4-1968", "ansi-x3-4-1968", "ansi-x3.4-1986", "iso-646.irv-1991"].includes(n))
    return "ascii";
  return n;
}
function codingDeclaration(bytes) {
  const head2 = Buffer.from(bytes.subarray(0, 400)).toString("latin1");
  const lines = head2.split(/\r\n|\r|\n/, 2);
  const m1 = CODING_RE.exec(lines[0] ?? "");
  if (m1)
    return m1[1];
  if (lines.length > 1 && /^[ \t\f]*(#.*)?$/.test(lines[0] ?? "")) {
    const m2 = CODING_RE.exec(lines[1] ?? "");
    if (m2)
      return m2[1];
  }
  return void 0;
}
function decodesCleanly(bytes) {
  if (bytes.indexOf(0) >= 0)
    return false;
  const bom = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191;
  const body = bom ? bytes.subarray(3) : bytes;
  const declared = codingDeclaration(body);
  const codec = normaliseCodec(declared ?? "utf-8");
  if (bom)
    return codec === "utf-8" && isUtf8(body);
  if (codec === "latin-1")
    return true;
  return (codec === "utf-8" || codec === "ascii") && isUtf8(body);
}
function decodePython(path34, bytes) {
  const declared = codingDeclaration(bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? bytes.subarray(3) : bytes);
  return decodeText(path34, bytes, { codec: declared === void 0 ? void 0 : normaliseCodec(declared), declared, kind: "Python source" });
}

// dist/src/frontends/python/ancestry.js
var Ancestry = class {
  /** Node id → its parent (null for the root), for every node a descent has passed. */
  parents = /* @__PURE__ */ new Map();
  /** The last descent: the root, then each node the parent of the next. */
  path;
  /** For each set of types asked for: node id → its nearest strict ancestor of those types. */
  nearestOf = /* @__PURE__ */ new Map();
  constructor(root) {
    this.path = [root];
    this.parents.set(root.id, null);
  }
  parent(n) {
    const known2 = this.parents.get(n.id);
    if (known2 !== void 0)
      return known2;
    const path34 = this.path;
    path34.length = this.deepestHolding(n.startIndex, n.endIndex) + 1;
    let at = path34[path34.length - 1];
    for (; ; ) {
      const next = at.childWithDescendant(n);
      if (!next)
        break;
      if (next.id === n.id) {
        this.parents.set(n.id, at);
        return at;
      }
      this.parents.set(next.id, at);
      path34.push(next);
      at = next;
    }
    const p = n.parent;
    this.parents.set(n.id, p);
    return p;
  }
  /** The smallest node that spans start..end, as `root.descendantForIndex(start, end)` finds it. */
  descendant(start, end) {
    return this.path[this.deepestHolding(start, end)].descendantForIndex(start, end);
  }
  /** The index of the deepest node of the path whose span holds start..end (the root's, 0, at least). */
  deepestHolding(start, end) {
    const path34 = this.path;
    let lo = 0;
    for (let hi = path34.length - 1; lo < hi; ) {
      const mid = lo + hi + 1 >>> 1;
      if (path34[mid].startIndex <= start && end <= path34[mid].endIndex)
        lo = mid;
      else
        hi = mid - 1;
    }
    return lo;
  }
  /** The nearest strict ancestor of `n` whose type is in `types`, or null. */
  nearest(n, types) {
    let memo = this.nearestOf.get(types);
    if (!memo)
      this.nearestOf.set(types, memo = /* @__PURE__ */ new Map());
    const known2 = memo.get(n.id);
    if (known2 !== void 0)
      return known2;
    const passed = [n.id];
    let found = null;
    for (let cur = this.parent(n); cur; cur = this.parent(cur)) {
      if (types.has(cur.type)) {
        found = cur;
        break;
      }
      const k = memo.get(cur.id);
      if (k !== void 0) {
        found = k;
        break;
      }
      passed.push(cur.id);
    }
    for (const id of passed)
      memo.set(id, found);
    return found;
  }
};
var BLOCK_TYPES = /* @__PURE__ */ new Set(["block", "module"]);
var byTree = /* @__PURE__ */ new WeakMap();
function ancestryOf(n) {
  let a = byTree.get(n.tree);
  if (!a)
    byTree.set(n.tree, a = new Ancestry(n.tree.rootNode));
  return a;
}
function parentOf(n) {
  return ancestryOf(n).parent(n);
}
function descendantAt(root, start, end) {
  return ancestryOf(root).descendant(start, end);
}
function nearestAncestor(n, types) {
  return ancestryOf(n).nearest(n, types);
}

// dist/src/frontends/python/value-ops.js
function withKey(path34, key) {
  if (key === "PATH")
    return "set";
  if (key === void 0 && path34 === "no")
    return "unknown";
  return path34;
}
function mergeEnv(a, b) {
  if (b === "set" || a === "set")
    return "set";
  if (b === "inherited")
    return "inherited";
  if (b === "unknown" && a === "no")
    return "unknown";
  return a === "no" ? b : a;
}
function hasVenvFragment(w) {
  return w.fragments.some((f) => f.kind === "sys-executable" || f.kind === "venv-path");
}
function wordTextOf(w) {
  let s = "";
  for (const f of w.fragments) {
    if (f.kind !== "text")
      return void 0;
    s += f.text;
  }
  return s;
}
function stripLiteral(v) {
  return mapValue(v, (x) => x.k === "str" && x.literal ? { k: "str", word: x.word } : x);
}
function synthetic(text3) {
  return { kind: "text", text: text3, offsets: new Array(text3.length).fill(-1) };
}
function joinPath(words2) {
  const frags = [];
  words2.forEach((w, i) => {
    if (i > 0)
      frags.push(synthetic("/"));
    frags.push(...w.fragments);
  });
  return strValue({ fragments: mergeText(frags) });
}
function joinAll(values, span) {
  if (values.length === 0)
    return { k: "unknown", span };
  let acc = values[0];
  for (const v of values.slice(1)) {
    acc = mapValue(acc, (a) => mapValue(v, (b) => a.k === "str" && b.k === "str" ? joinPath([a.word, b.word]) : { k: "unknown", span }));
  }
  return stripLiteral(acc);
}
function joinList(list, sep, span) {
  if (list.k !== "list")
    return { k: "unknown", span };
  const frags = [];
  list.items.forEach((it, i) => {
    if (i > 0)
      frags.push(synthetic(sep));
    if ("splat" in it)
      frags.push({ kind: "unknown", span });
    else
      frags.push(...asWord(it.value, span).fragments);
  });
  return strValue({ fragments: mergeText(frags), span });
}
function percentFormat(fmt, args, span) {
  const values = args.k === "list" && args.items.every((i) => "value" in i) ? args.items.map((i) => i.value) : [args];
  if (args.k === "env")
    return { k: "unknown", span };
  let next = 0;
  const out = [];
  for (const f of fmt.fragments) {
    if (f.kind !== "text") {
      out.push(f);
      continue;
    }
    let i = 0;
    let lastCut = 0;
    const t = f.text;
    const cut = (a, b) => {
      if (b > a)
        out.push({ kind: "text", text: t.slice(a, b), offsets: f.offsets?.slice(a, b) });
    };
    while (i < t.length) {
      if (t[i] !== "%") {
        i++;
        continue;
      }
      const m = /^%(\([^)]*\))?[-#0 +]*(\d+|\*)?(\.\d+)?[hlL]?([diouxXeEfFgGcrsa%])/.exec(t.slice(i));
      if (!m) {
        i++;
        continue;
      }
      cut(lastCut, i);
      if (m[4] === "%")
        out.push({ kind: "text", text: "%", offsets: f.offsets ? [f.offsets[i]] : void 0 });
      else if (m[1])
        out.push({ kind: "unknown", span });
      else {
        const v = values[next++];
        out.push(...v ? asWord(v, span).fragments : [{ kind: "unknown", span }]);
      }
      i += m[0].length;
      lastCut = i;
    }
    cut(lastCut, t.length);
  }
  return strValue({ fragments: mergeText(out), span });
}
function braceFormat(fmt, positional, keywords, span) {
  let auto = 0;
  const out = [];
  for (const f of fmt.fragments) {
    if (f.kind !== "text") {
      out.push(f);
      continue;
    }
    const t = f.text;
    let i = 0;
    let lastCut = 0;
    const cut = (a, b) => {
      if (b > a)
        out.push({ kind: "text", text: t.slice(a, b), offsets: f.offsets?.slice(a, b) });
    };
    while (i < t.length) {
      const ch = t[i];
      if ((ch === "{" || ch === "}") && t[i + 1] === ch) {
        cut(lastCut, i + 1);
        i += 2;
        lastCut = i;
        continue;
      }
      if (ch !== "{") {
        i++;
        continue;
      }
      const close = t.indexOf("}", i);
      if (close < 0)
        break;
      cut(lastCut, i);
      const field2 = t.slice(i + 1, close);
      const name = field2.split(/[!:]/)[0];
      const hasSpec = field2.length !== name.length;
      let v;
      if (!hasSpec) {
        if (name === "")
          v = positional[auto++];
        else if (/^\d+$/.test(name))
          v = positional[Number(name)];
        else if (/^\w+$/.test(name))
          v = keywords.get(name);
      }
      out.push(...v ? asWord(v, span).fragments : [{ kind: "unknown", span }]);
      i = close + 1;
      lastCut = i;
    }
    cut(lastCut, t.length);
  }
  return strValue({ fragments: mergeText(out), span });
}

// dist/src/frontends/python/branches.js
var SPLAT_BINDING = "*";
function branchFlow(stmt, name, pos, truth) {
  let b = containingBlock(stmt);
  const chain = [];
  while (b && b.type === "block") {
    const p = parentOf(b);
    if (!p)
      break;
    let chainIf;
    if (p.type === "if_statement" && p.childForFieldName("consequence")?.id === b.id) {
      const t = truth(p.childForFieldName("condition"));
      if (t === false)
        return { dead: true };
      if (t === true) {
        b = containingBlock(p);
        continue;
      }
      chainIf = p;
    } else if (p.type === "else_clause" && parentOf(p)?.type === "if_statement") {
      const ifs = parentOf(p);
      if (!ifs.namedChildren.some((c) => c?.type === "elif_clause")) {
        const t = truth(ifs.childForFieldName("condition"));
        if (t === true)
          return { dead: true };
        if (t === false) {
          b = containingBlock(ifs);
          continue;
        }
      }
      chainIf = ifs;
    } else if (p.type === "elif_clause" && parentOf(p)?.type === "if_statement") {
      const cond = p.childForFieldName("condition");
      if (cond && truth(cond) === false)
        return { dead: true };
      chainIf = parentOf(p);
    }
    if (!chainIf || pos < chainIf.endIndex)
      break;
    const branches = branchBlocks(chainIf);
    if (!branches || !branches.every((x) => assignsOrLeaves(x, name)))
      break;
    chain.unshift(`${chainIf.id}:${branches.findIndex((x) => x.id === b.id)}`);
    b = containingBlock(chainIf);
  }
  const at = b ?? stmt;
  return { dead: false, block: { start: at.startIndex, end: at.endIndex }, chain };
}
function containingBlock(n) {
  return nearestAncestor(n, BLOCK_TYPES) ?? void 0;
}
function branchBlocks(ifs) {
  const out = [];
  const first = ifs.childForFieldName("consequence");
  if (first)
    out.push(first);
  let hasElse = false;
  for (const c of ifs.namedChildren) {
    if (c?.type === "elif_clause") {
      const body = c.childForFieldName("consequence");
      if (body)
        out.push(body);
    } else if (c?.type === "else_clause") {
      const body = c.childForFieldName("body");
      if (body)
        out.push(body);
      hasElse = true;
    }
  }
  return hasElse ? out : void 0;
}
function assignsOrLeaves(block, name) {
  for (const s of block.namedChildren) {
    if (!s)
      continue;
    if (s.type === "return_statement" || s.type === "raise_statement")
      return true;
    if (s.type !== "expression_statement")
      continue;
    const a = s.namedChildren[0];
    if (a?.type === "assignment" && a.childForFieldName("left")?.type === "identifier" && a.childForFieldName("left")?.text === name)
      return true;
  }
  return false;
}
function parameterTruth(cond, def, bindings, defaultOf) {
  if (!bindings)
    return void 0;
  const { node: n, negated: negated2 } = unwrapNot(cond);
  if (n?.type !== "identifier")
    return void 0;
  const name = n.text;
  let param;
  for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
    const pname = p?.type === "identifier" ? p.text : p?.childForFieldName("name")?.text;
    if (p && pname === name)
      param = p;
  }
  if (!param)
    return void 0;
  let v = bindings.get(name);
  if (!v && !bindings.has(SPLAT_BINDING))
    v = defaultOf(param);
  const t = v ? truthOf(v) : void 0;
  return t === void 0 ? void 0 : t !== negated2;
}
function truthOf(v) {
  switch (v.k) {
    case "bool":
      return v.v;
    case "none":
      return false;
    case "str": {
      const text3 = wordTextOf(v.word);
      return text3 === void 0 ? void 0 : text3 !== "";
    }
    case "list":
      return v.items.length > 0 ? v.items.some((i) => "value" in i) || void 0 : false;
    default:
      return void 0;
  }
}
function unwrapNot(cond) {
  let n = cond;
  let negated2 = false;
  for (; ; ) {
    while (n?.type === "parenthesized_expression")
      n = n.namedChildren[0] ?? null;
    if (n?.type !== "not_operator")
      return { node: n, negated: negated2 };
    negated2 = !negated2;
    n = n.childForFieldName("argument");
  }
}

// dist/src/frontends/python/scopes.js
var STATEMENT_CONTAINERS = /* @__PURE__ */ new Set([
  "module",
  "block",
  "if_statement",
  "elif_clause",
  "else_clause",
  "for_statement",
  "while_statement",
  "try_statement",
  "except_clause",
  "except_group_clause",
  "finally_clause",
  "with_statement",
  "with_clause",
  "with_item",
  "match_statement",
  "case_clause",
  "decorated_definition"
]);
var SCOPE_TYPES = /* @__PURE__ */ new Set(["function_definition", "class_definition", "lambda", "module"]);
function spanOf(n) {
  return { start: n.startIndex, end: n.endIndex };
}
var lookupStats = { events: 0 };
var Scopes = class {
  root;
  ev;
  scopes = /* @__PURE__ */ new Map();
  constructor(root, ev) {
    this.root = root;
    this.ev = ev;
  }
  scopeAt(n) {
    let cur = nearestAncestor(n, SCOPE_TYPES);
    if (!cur)
      cur = this.root;
    if (cur.type === "lambda")
      return this.scopeAt(cur);
    return this.scopeFor(cur);
  }
  scopeFor(node) {
    let s = this.scopes.get(node.id);
    if (!s) {
      const kind = node.type === "module" ? "module" : node.type === "class_definition" ? "class" : "function";
      s = { kind, node, parent: node.type === "module" ? void 0 : this.scopeAt(node) };
      this.scopes.set(node.id, s);
    }
    return s;
  }
  eventsOf(scope) {
    if (scope.events)
      return scope.events;
    const events = /* @__PURE__ */ new Map();
    const add = (name, e) => {
      let l = events.get(name);
      if (!l)
        events.set(name, l = []);
      l.push(e);
    };
    const body = scope.kind === "module" ? scope.node : scope.node.childForFieldName("body");
    if (scope.kind === "function") {
      const params = scope.node.childForFieldName("parameters");
      for (const p of params?.namedChildren ?? []) {
        if (!p)
          continue;
        const name = p.type === "identifier" ? p.text : p.childForFieldName("name")?.text ?? p.namedChildren[0]?.text;
        const dflt = p.childForFieldName("value");
        if (!name)
          continue;
        const block = spanOf(scope.node);
        const fnId = scope.node.id;
        add(name, {
          k: "assign",
          pos: scope.node.startIndex,
          block,
          // A default is evaluated where the def runs, in the enclosing scope: `def f(x=x)` reads the outer x.
          value: () => this.ev.paramBindings.get(fnId)?.get(name) ?? (dflt ? union([UNKNOWN, this.ev.evalIn(dflt, scope.parent ?? scope, scope.node.startIndex)]) : UNKNOWN)
        });
      }
    }
    if (body) {
      const stack = [body];
      while (stack.length) {
        const n = stack.pop();
        if (n.id !== body.id && (n.type === "function_definition" || n.type === "class_definition")) {
          const name = n.childForFieldName("name")?.text;
          if (name) {
            const fn = n;
            add(name, { k: "assign", pos: n.startIndex, block: this.blockOf(n), value: () => fn.type === "function_definition" ? { k: "func", name, node: fn } : UNKNOWN });
          }
          continue;
        }
        if (n.type === "expression_statement") {
          for (const c of n.namedChildren)
            if (c)
              this.eventsFromNode(c, scope, add);
          continue;
        }
        if (n.type === "import_statement" || n.type === "import_from_statement") {
          this.eventsFromNode(n, scope, add);
          continue;
        }
        if (n.type === "for_statement" || n.type === "as_pattern")
          this.eventsFromNode(n, scope, add);
        if (n.type === "if_statement" || n.type === "while_statement" || n.type === "elif_clause") {
          let cond = n.childForFieldName("condition");
          while (cond?.type === "parenthesized_expression")
            cond = cond.namedChildren[0] ?? null;
          if (cond?.type === "named_expression")
            this.eventsFromNode(cond, scope, add);
        }
        if (!STATEMENT_CONTAINERS.has(n.type) && n.id !== body.id)
          continue;
        for (let i = n.namedChildCount - 1; i >= 0; i--) {
          const c = n.namedChild(i);
          if (c)
            stack.push(c);
        }
      }
    }
    for (const l of events.values())
      l.sort((a, b) => a.pos - b.pos);
    scope.events = events;
    return events;
  }
  /** The block whose execution an event depends on (for the dominance approximation). */
  blockOf(n) {
    const cur = nearestAncestor(n, BLOCK_TYPES);
    return cur ? spanOf(cur) : spanOf(this.root);
  }
  eventsFromNode(n, scope, add) {
    switch (n.type) {
      case "assignment": {
        const left = n.childForFieldName("left");
        const right = n.childForFieldName("right");
        if (!left || !right)
          return;
        let valueNode = right;
        while (valueNode.type === "assignment")
          valueNode = valueNode.childForFieldName("right") ?? valueNode;
        if (left.type === "subscript" && left.childForFieldName("value")?.type === "identifier") {
          const keyNode = left.childForFieldName("subscript");
          add(left.childForFieldName("value").text, { k: "setkey", pos: n.endIndex, block: this.blockOf(n), key: () => this.keyText(keyNode, scope, n.startIndex) });
          return;
        }
        this.bindTarget(left, valueNode, n, scope, add);
        return;
      }
      case "augmented_assignment": {
        const left = n.childForFieldName("left");
        const right = n.childForFieldName("right");
        const op = n.childForFieldName("operator")?.text;
        if (left?.type === "identifier" && right) {
          add(left.text, { k: op === "+=" ? "aug" : "assign", pos: n.endIndex, block: this.blockOf(n), value: op === "+=" ? () => this.ev.evalIn(right, scope, right.startIndex) : () => UNKNOWN });
        }
        return;
      }
      case "named_expression": {
        const name = n.childForFieldName("name");
        const value = n.childForFieldName("value");
        if (name && value)
          add(name.text, { k: "assign", pos: n.endIndex, block: this.blockOf(n), value: () => this.ev.evalIn(value, scope, value.startIndex) });
        return;
      }
      case "call":
        this.eventsFromCall(n, scope, add);
        return;
      case "for_statement":
      case "for_in_clause": {
        const left = n.childForFieldName("left");
        const right = n.childForFieldName("right");
        if (left?.type === "identifier" && right && (right.type === "tuple" || right.type === "list")) {
          add(left.text, { k: "assign", pos: n.startIndex, block: this.blockOf(n), value: () => loopItems(this.ev.evalIn(right, scope, right.startIndex)) });
        } else if (left)
          for (const id of identifiersIn(left))
            add(id, { k: "assign", pos: n.startIndex, block: this.blockOf(n), value: () => UNKNOWN });
        return;
      }
      case "as_pattern": {
        const alias = n.childForFieldName("alias");
        if (alias)
          for (const id of identifiersIn(alias))
            add(id, { k: "assign", pos: n.endIndex, block: this.blockOf(n), value: () => UNKNOWN });
        return;
      }
      case "import_statement":
      case "import_from_statement":
        for (const c of n.namedChildren) {
          if (!c || c.id === n.childForFieldName("module_name")?.id)
            continue;
          const local = c.type === "aliased_import" ? c.childForFieldName("alias")?.text : c.text.split(".")[0];
          if (local)
            add(local, { k: "assign", pos: n.endIndex, block: this.blockOf(n), value: () => UNKNOWN });
        }
        return;
      default:
        return;
    }
  }
  /**
   * A method call that changes what a name holds: append/extend/insert on a list,
   * setdefault/update on a mapping.
   */
  eventsFromCall(n, scope, add) {
    const fn = n.childForFieldName("function");
    if (fn?.type !== "attribute")
      return;
    const obj = fn.childForFieldName("object");
    const attr = fn.childForFieldName("attribute")?.text;
    if (obj?.type !== "identifier" || !attr)
      return;
    const args = (n.childForFieldName("arguments")?.namedChildren ?? []).filter((a) => !!a && a.type !== "comment");
    const block = this.blockOf(n);
    if ((attr === "append" || attr === "extend") && args.length === 1) {
      const a = args[0];
      add(obj.text, { k: attr, pos: n.endIndex, block, value: () => this.ev.evalIn(a, scope, a.startIndex) });
    } else if (attr === "setdefault" && args.length >= 1) {
      const keyNode = args[0];
      add(obj.text, { k: "setkey", pos: n.endIndex, block, key: () => this.keyText(keyNode, scope, n.startIndex) });
    } else if (attr === "update") {
      for (const a of n.childForFieldName("arguments")?.namedChildren ?? []) {
        if (!a)
          continue;
        if (a.type === "keyword_argument") {
          const k = a.childForFieldName("name")?.text;
          add(obj.text, { k: "setkey", pos: n.endIndex, block, key: () => k });
        } else if (a.type !== "comment") {
          add(obj.text, {
            k: "setkey",
            pos: n.endIndex,
            block,
            key: () => {
              const v = this.ev.evalIn(a, scope, n.startIndex);
              return v.k === "env" && v.path === "set" ? "PATH" : v.k === "env" && v.path === "no" ? "" : void 0;
            }
          });
        }
      }
    } else if (attr === "insert" && args.length === 2) {
      const idx = args[0].type === "integer" ? Number(args[0].text) : void 0;
      const a = args[1];
      add(obj.text, { k: "insert", pos: n.endIndex, block, index: idx, value: () => this.ev.evalIn(a, scope, a.startIndex) });
    }
  }
  bindTarget(left, right, stmt, scope, add) {
    const block = this.blockOf(stmt);
    if (left.type === "identifier") {
      add(left.text, { k: "assign", pos: stmt.endIndex, block, value: () => this.ev.evalIn(right, scope, right.startIndex), fallback: this.embeddedFallback(stmt, scope), stmt });
      return;
    }
    if (left.type === "pattern_list" || left.type === "tuple_pattern" || left.type === "list_pattern") {
      const targets = left.namedChildren.filter((c) => !!c);
      const rhs = right.type === "expression_list" || right.type === "tuple" || right.type === "list" ? right.namedChildren.filter((c) => !!c) : void 0;
      targets.forEach((t, i) => {
        const r = rhs && rhs.length === targets.length ? rhs[i] : void 0;
        if (t.type === "identifier")
          add(t.text, { k: "assign", pos: stmt.endIndex, block, value: r ? () => this.ev.evalIn(r, scope, r.startIndex) : () => UNKNOWN });
        else
          for (const id of identifiersIn(t))
            add(id, { k: "assign", pos: stmt.endIndex, block, value: () => UNKNOWN });
      });
    }
  }
  /**
   * For a statement directly in `if not sys.executable:` (or in the `else:` of `if sys.executable:`,
   * `exe` bound to it works too): a test that it runs only for an embedded interpreter, whose
   * sys.executable is empty — a name assigned there is not what normal runs launch.
   */
  embeddedFallback(stmt, scope) {
    const holder = parentOf(stmt);
    const block = holder?.type === "expression_statement" ? parentOf(holder) : holder;
    if (block?.type !== "block")
      return void 0;
    let branch = parentOf(block);
    let inElse = false;
    if (branch?.type === "else_clause") {
      inElse = true;
      branch = parentOf(branch);
      if (branch?.namedChildren.some((c) => c?.type === "elif_clause"))
        return void 0;
    }
    if (branch?.type !== "if_statement")
      return void 0;
    const cond = branch.childForFieldName("condition");
    if (!cond)
      return void 0;
    return () => this.ev.interpreterTest(cond, scope, cond.startIndex) === inElse;
  }
  /** Value of `name` just before offset `pos` in `scope`. */
  lookup(name, scope, pos) {
    const events = this.eventsOf(scope).get(name);
    if (!events || events.length === 0) {
      let parent = scope.parent;
      while (parent && parent.kind === "class")
        parent = parent.parent;
      return parent ? this.lookup(name, parent, Infinity) : void 0;
    }
    const keep2 = pos === Infinity && this.ev.paramBindings.size === 0;
    if (keep2 && scope.atEnd?.has(name))
      return scope.atEnd.get(name);
    const v = this.lookupEvents(events, pos, name, scope);
    if (keep2 && this.ev.paramBindings.size === 0)
      (scope.atEnd ??= /* @__PURE__ */ new Map()).set(name, v);
    return v;
  }
  /** The truth of a branch condition in `scope`, from the arguments bound for one call of it. */
  truthIn(scope) {
    if (scope.kind !== "function" || scope.node.type !== "function_definition")
      return void 0;
    const bindings = this.ev.paramBindings.get(scope.node.id);
    if (!bindings)
      return void 0;
    return (cond) => parameterTruth(cond, scope.node, bindings, (p) => {
      const d = p.childForFieldName("value");
      return d ? this.ev.evalIn(d, scope.parent ?? scope, scope.node.startIndex) : void 0;
    });
  }
  lookupEvents(events, pos, name, scope) {
    let end = 0;
    for (let hi = events.length; end < hi; ) {
      const mid = end + hi >>> 1;
      if (events[mid].pos <= pos)
        end = mid + 1;
      else
        hi = mid;
    }
    let from = end - 1;
    while (from > 0 && !(events[from].k === "assign" && events[from].block.start <= pos && pos <= events[from].block.end))
      from--;
    lookupStats.events += end - Math.max(from, 0);
    let cur;
    let chain;
    const truth = pos === Infinity ? void 0 : this.truthIn(scope);
    for (let i = Math.max(from, 0); i < end; i++) {
      const e = events[i];
      let dominates = e.block.start <= pos && pos <= e.block.end;
      let step;
      switch (e.k) {
        case "assign": {
          if (e.fallback?.())
            break;
          if (!dominates && e.stmt && pos !== Infinity) {
            const flow = branchFlow(e.stmt, name, pos, truth ?? (() => void 0));
            if (flow.dead)
              break;
            if (flow.block.start <= pos && pos <= flow.block.end) {
              if (flow.chain.length) {
                const outer = flow.chain[0].slice(0, flow.chain[0].indexOf(":"));
                if (chain?.key !== outer)
                  chain = { key: outer, values: /* @__PURE__ */ new Map() };
                const path34 = flow.chain.join("/");
                for (const k of [...chain.values.keys()])
                  if (path34.startsWith(k + "/") || k.startsWith(path34 + "/"))
                    chain.values.delete(k);
                chain.values.set(path34, e.value());
                cur = [...chain.values.values()];
                break;
              }
              dominates = true;
            }
          }
          chain = void 0;
          const v = e.value();
          cur = dominates || !cur ? [v] : [...cur, v];
          break;
        }
        case "aug":
          step = (c) => concatValues(c, e.value());
          break;
        case "append":
          step = (c) => c.k === "list" ? { ...c, items: [...c.items, { value: e.value() }] } : c;
          break;
        case "extend":
          step = (c) => c.k === "list" ? { ...c, items: [...c.items, { splat: e.value() }] } : c;
          break;
        case "setkey": {
          if (!cur)
            break;
          const key = e.key();
          step = (c) => c.k === "env" ? { ...c, path: key === "" ? c.path : withKey(c.path, key) } : c;
          break;
        }
        case "insert":
          step = (c) => {
            if (c.k !== "list")
              return c;
            if (e.index === void 0)
              return { ...c, items: [{ splat: UNKNOWN }] };
            const items = [...c.items];
            items.splice(e.index, 0, { value: e.value() });
            return { ...c, items };
          };
          break;
      }
      if (step && cur) {
        cur = cur.map(step);
        if (chain)
          for (const [k, c] of chain.values)
            chain.values.set(k, step(c));
      }
    }
    if (!cur)
      return { k: "unknown" };
    return union(cur);
  }
  keyText(n, scope, pos) {
    if (!n)
      return void 0;
    const v = this.ev.evalIn(n, scope, pos);
    return v.k === "str" ? wordTextOf(v.word) : void 0;
  }
};
function identifiersIn(n) {
  if (n.type === "identifier")
    return [n.text];
  return n.descendantsOfType("identifier").filter((c) => !!c).map((c) => c.text);
}
function loopItems(v) {
  if (v.k !== "list" || v.items.length === 0 || !v.items.every((i) => "value" in i))
    return UNKNOWN;
  return union(v.items.map((i) => "value" in i ? i.value : UNKNOWN));
}

// dist/src/frontends/python/summaries.js
function enclosingClass(n, selfName) {
  const fn = nearestAncestor(n, FUNCTION);
  if (!fn)
    return void 0;
  const params = fn.childForFieldName("parameters")?.namedChildren.filter((c) => !!c) ?? [];
  const first = params[0];
  const firstName = first?.type === "identifier" ? first.text : first?.childForFieldName("name")?.text;
  if (firstName !== selfName)
    return void 0;
  const cls = nearestAncestor(fn, CLASS_OR_FUNCTION);
  return cls?.type === "class_definition" ? cls : void 0;
}
var FUNCTION = /* @__PURE__ */ new Set(["function_definition"]);
var CLASS_OR_FUNCTION = /* @__PURE__ */ new Set(["class_definition", "function_definition"]);
function findMethod(cls, name) {
  const body = cls.childForFieldName("body");
  for (const c of body?.namedChildren ?? []) {
    const def = c?.type === "decorated_definition" ? c.childForFieldName("definition") : c;
    if (def?.type === "function_definition" && def.childForFieldName("name")?.text === name)
      return def;
  }
  return void 0;
}
var Summaries = class {
  scopes;
  ev;
  returnCache = /* @__PURE__ */ new Map();
  classAttrCache = /* @__PURE__ */ new Map();
  inProgress = /* @__PURE__ */ new Set();
  constructor(scopes, ev) {
    this.scopes = scopes;
    this.ev = ev;
  }
  /**
   * Every value assigned to attribute `attr` of class `cls`: in its body, and through the first
   * parameter (self.attr, cls.attr) in its methods.
   */
  classAttribute(cls, attr) {
    const key = `${cls.id}.${attr}`;
    const cached = this.ev.paramBindings.size ? void 0 : this.classAttrCache.get(key);
    if (cached)
      return cached;
    if (this.inProgress.has(key))
      return UNKNOWN;
    this.inProgress.add(key);
    try {
      const values = [];
      const classScope = this.scopes.scopeFor(cls);
      const fromBody = this.scopes.eventsOf(classScope).get(attr);
      if (fromBody?.length)
        values.push(this.scopes.lookup(attr, classScope, Infinity) ?? UNKNOWN);
      for (const { asg, right } of this.attributeAssignments(cls).get(attr) ?? [])
        values.push(this.ev.evalIn(right, this.scopes.scopeAt(asg), asg.startIndex));
      const v = values.length ? union(values) : UNKNOWN;
      if (!this.ev.paramBindings.size)
        this.classAttrCache.set(key, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
  }
  /**
   * The assignments `self.attr = …` / `cls.attr = …` in class `cls`'s methods, by attribute, in
   * the order of the text: found in one walk of the class per module. (Only the values depend on
   * the parameters bound at a call, so a lookup while they are bound, which is not cached, does
   * not walk the class again: on the stdlib's 33 analysed files, ~10 ms of walks.)
   */
  attributeAssignments(cls) {
    let byAttr = this.attrAssignments.get(cls.id);
    if (byAttr)
      return byAttr;
    byAttr = /* @__PURE__ */ new Map();
    for (const asg of cls.descendantsOfType("assignment")) {
      if (!asg)
        continue;
      const left = asg.childForFieldName("left");
      const right = asg.childForFieldName("right");
      const attr = left?.type === "attribute" ? left.childForFieldName("attribute")?.text : void 0;
      if (!attr || !right)
        continue;
      const obj = left.childForFieldName("object");
      if (obj?.type !== "identifier" || enclosingClass(asg, obj.text)?.id !== cls.id)
        continue;
      const list = byAttr.get(attr);
      if (list)
        list.push({ asg, right });
      else
        byAttr.set(attr, [{ asg, right }]);
    }
    this.attrAssignments.set(cls.id, byAttr);
    return byAttr;
  }
  attrAssignments = /* @__PURE__ */ new Map();
  /** The union of what a function returns (None when it has no return with a value). */
  returnsOf(def) {
    const cached = this.ev.paramBindings.size ? void 0 : this.returnCache.get(def.id);
    if (cached)
      return cached;
    const key = `ret:${def.id}`;
    if (this.inProgress.has(key))
      return UNKNOWN;
    this.inProgress.add(key);
    try {
      const scope = this.scopes.scopeFor(def);
      const body = def.childForFieldName("body");
      const values = [];
      const stack = body ? [body] : [];
      while (stack.length) {
        const n = stack.pop();
        if (n.type === "function_definition" || n.type === "class_definition" || n.type === "lambda")
          continue;
        if (n.type === "return_statement") {
          const e = n.namedChildren.find((c) => c && c.type !== "comment");
          values.push(e ? this.ev.evalIn(e, scope, n.startIndex) : { k: "none" });
          continue;
        }
        for (const c of n.namedChildren)
          if (c)
            stack.push(c);
      }
      const v = values.length ? union(values) : { k: "none" };
      if (!this.ev.paramBindings.size)
        this.returnCache.set(def.id, v);
      return v;
    } finally {
      this.inProgress.delete(key);
    }
  }
};

// dist/src/frontends/python/calls.js
function callArgs(call) {
  const positional = [];
  const keywords = /* @__PURE__ */ new Map();
  let splat = false;
  const args = call.childForFieldName("arguments");
  for (const a of args?.namedChildren ?? []) {
    if (!a || a.type === "comment")
      continue;
    if (a.type === "keyword_argument") {
      const name = a.childForFieldName("name")?.text;
      const value = a.childForFieldName("value");
      if (name && value)
        keywords.set(name, value);
    } else if (a.type === "dictionary_splat")
      splat = true;
    else
      positional.push(a);
  }
  return { positional, keywords, splat };
}
function evalCall(ev, summaries, n, scope, pos) {
  const span = spanOf(n);
  const fn = n.childForFieldName("function");
  if (!fn)
    return { k: "unknown", span };
  const { positional, keywords } = callArgs(n);
  const arg = (i, kw) => {
    const node = positional[i] ?? (kw ? keywords.get(kw) : void 0);
    return node ? ev.evalIn(node, scope, pos) : UNKNOWN;
  };
  const call = { n, span, scope, pos, positional, keywords, arg };
  const known2 = knownCall(ev, ev.qualify(fn, scope), call);
  if (known2)
    return known2;
  if (fn.type === "attribute")
    return methodCall(ev, summaries, fn, call);
  if (fn.type === "identifier") {
    const v = ev.lookup(fn.text, scope, pos);
    if (v) {
      const funcs = options(v).filter((o) => o.k === "func");
      if (funcs.length)
        return union(funcs.map((f) => summaries.returnsOf(f.node)));
    }
  }
  return { k: "unknown", span };
}
function knownCall(ev, q, call) {
  const { n, span, scope, pos, positional, keywords, arg } = call;
  switch (q) {
    case "shutil.which":
    case "distutils.spawn.find_executable":
    case "shutil.which.__call__": {
      const name = arg(0, q === "shutil.which" ? "cmd" : "executable");
      if (keywords.has("path") || positional.length > 2) {
        const dir = arg(q === "shutil.which" ? 2 : 1, "path");
        if (q !== "shutil.which.__call__" && dir.k === "str" && hasVenvFragment(dir.word) && name.k === "str")
          return joinAll([dir, name], span);
        return { k: "unknown", span };
      }
      return mapValue(name, (v) => v.k === "str" ? fragmentValue({ kind: "path-lookup", name: v.word, span }, span) : { k: "unknown", span });
    }
    case "shlex.quote":
    case "pipes.quote":
    case "str":
    case "os.fspath":
    case "os.path.abspath":
    case "os.path.normpath":
    case "os.path.realpath":
    case "os.path.expanduser":
    case "pathlib.Path":
    case "pathlib.PurePath":
    case "list":
    case "tuple":
      return positional.length === 1 ? stripLiteral(arg(0)) : { k: "unknown", span };
    case "os.path.dirname":
      return mapValue(arg(0), (v) => v.k === "str" && hasVenvFragment(v.word) ? fragmentValue({ kind: "venv-path", span }, span) : { k: "unknown", span });
    case "os.path.join":
    case "posixpath.join":
      return joinAll(positional.map((p) => ev.evalIn(p, scope, pos)), span);
    case "shlex.split":
      return mapValue(arg(0, "s"), (v) => v.k === "str" ? { k: "list", items: splitWords(v.word, true).map((w) => ({ value: strValue(w) })), span } : { k: "unknown", span });
    case "shlex.join":
      return mapValue(arg(0), (v) => joinList(v, " ", span));
    case "os.getenv":
    case "os.environ.get": {
      const key = arg(0);
      const keyText = key.k === "str" ? wordTextOf(key.word) : void 0;
      if (keyText === "VIRTUAL_ENV")
        return fragmentValue({ kind: "venv-path", span }, span);
      return positional.length > 1 ? union([{ k: "unknown", span }, arg(1)]) : { k: "unknown", span };
    }
    case "os.environ.copy":
    case "dict":
      if (q === "dict") {
        const a0 = positional[0] ? ev.evalIn(positional[0], scope, pos) : void 0;
        let path34 = a0 ? a0.k === "env" ? a0.path : "unknown" : "no";
        for (const a of n.childForFieldName("arguments")?.namedChildren ?? []) {
          if (a?.type !== "dictionary_splat")
            continue;
          const inner = a.namedChildren[0];
          const v = inner ? ev.evalIn(inner, scope, pos) : UNKNOWN;
          path34 = mergeEnv(path34, v.k === "env" ? v.path : "unknown");
        }
        for (const k of keywords.keys())
          path34 = withKey(path34, k);
        return { k: "env", path: path34, span };
      }
      return { k: "env", path: "inherited", span };
    case "platform.python_version":
    case "sysconfig.get_python_version":
      return runningVersion(span);
    case "sysconfig.get_path":
      return fragmentValue({ kind: "venv-path", span }, span);
  }
  return void 0;
}
function methodCall(ev, summaries, fn, call) {
  const { n, span, scope, pos, positional, keywords, arg } = call;
  const method = fn.childForFieldName("attribute")?.text;
  const objNode = fn.childForFieldName("object");
  if (objNode && method) {
    const obj = ev.evalIn(objNode, scope, pos);
    switch (method) {
      case "join":
        return mapValue(obj, (sep) => sep.k === "str" ? mapValue(arg(0), (l) => joinList(l, wordTextOf(sep.word) ?? " ", span)) : { k: "unknown", span });
      case "split":
        if (positional.length === 0 || positional.length === 1 && (positional[0].type === "none" || /^["'] ["']$/.test(positional[0].text))) {
          return mapValue(obj, (s) => s.k === "str" ? { k: "list", items: splitWords(s.word, false).map((w) => ({ value: strValue(w) })), span } : { k: "unknown", span });
        }
        return { k: "unknown", span };
      case "format":
        return mapValue(obj, (s) => {
          if (s.k !== "str")
            return { k: "unknown", span };
          const keys = [...keywords.keys()];
          const args = [...positional, ...keywords.values()].map((p) => ev.evalIn(p, scope, pos));
          return mapEach(args, (vs) => braceFormat(s.word, vs.slice(0, positional.length), new Map(keys.map((k, i) => [k, vs[positional.length + i]])), span));
        });
      case "strip":
      case "rstrip":
      case "lstrip":
      case "resolve":
      case "absolute":
      case "as_posix":
        return positional.length === 0 ? stripLiteral(obj) : { k: "unknown", span };
      case "copy":
        return obj.k === "env" || obj.k === "list" ? obj : { k: "unknown", span };
      case "get":
        return positional.length === 2 && obj.k !== "env" ? union([{ k: "unknown", span }, arg(1)]) : { k: "unknown", span };
    }
    if (objNode.type === "identifier") {
      const cls = enclosingClass(n, objNode.text);
      const def = cls ? findMethod(cls, method) : void 0;
      if (def)
        return summaries.returnsOf(def);
    }
  }
  return { k: "unknown", span };
}

// dist/src/frontends/python/string-literals.js
function evalString(ev, n, scope, pos) {
  const startTok = n.child(0);
  const startText = startTok?.text ?? '"';
  const m = /^([A-Za-z]*)('''|"""|'|")$/.exec(startText);
  const prefix = (m?.[1] ?? "").toLowerCase();
  const quote = m?.[2] ?? '"';
  const raw = prefix.includes("r");
  const isF = prefix.includes("f") || prefix.includes("t");
  const frags = [];
  const choices = [];
  let verbatim = true;
  const contentStart = startTok ? startTok.endIndex : n.startIndex;
  const endTok = n.child(n.childCount - 1);
  const contentEnd = endTok && endTok.type === "string_end" ? endTok.startIndex : n.endIndex;
  for (const c of n.children) {
    if (!c || c.type === "string_start" || c.type === "string_end")
      continue;
    if (c.type === "string_content") {
      const { text: text3, offsets, exact } = decodeContent(c, raw, isF, ev.file.text);
      if (!exact)
        verbatim = false;
      frags.push({ kind: "text", text: text3, offsets });
    } else if (c.type === "interpolation") {
      verbatim = false;
      const expr = c.childForFieldName("expression");
      const hasSpec = c.childForFieldName("format_specifier") || c.childForFieldName("type_conversion");
      const v = expr && !hasSpec ? ev.evalIn(expr, scope, pos) : UNKNOWN;
      if (v.k === "str")
        frags.push(...v.word.fragments);
      else if (v.k === "union" && v.options.every((o) => o.k === "str")) {
        choices.push({ at: frags.length, value: v });
        frags.push({ kind: "unknown", span: spanOf(c) });
      } else
        frags.push({ kind: "unknown", span: spanOf(c) });
    } else if (c.type === "escape_sequence") {
      verbatim = false;
      const d = decodeEscape(c.text, isF);
      frags.push({ kind: "text", text: d, offsets: Array.from({ length: d.length }, () => c.startIndex) });
    }
  }
  const span = spanOf(n);
  const literal = {
    span,
    contentSpan: { start: contentStart, end: contentEnd },
    prefix: m?.[1] ?? "",
    quote,
    verbatim,
    parentType: parentOf(n)?.type ?? ""
  };
  ev.literals.set(n.startIndex, literal);
  if (prefix.includes("b"))
    verbatim = false;
  if (choices.length === 0)
    return strValue({ fragments: mergeText(frags), span }, literal);
  return mapEach(choices.map((x) => x.value), (vs) => {
    const out = frags.slice();
    for (let i = choices.length - 1; i >= 0; i--) {
      const v = vs[i];
      out.splice(choices[i].at, 1, ...v.k === "str" ? v.word.fragments : [frags[choices[i].at]]);
    }
    return strValue({ fragments: mergeText(out), span }, literal);
  });
}
var SIMPLE_ESCAPES = { n: "\n", t: "	", r: "\r", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", v: "\v", "0": "\0" };
function decodeEscape(esc, isF) {
  if (isF && (esc === "{{" || esc === "}}"))
    return esc[0];
  const body = esc.slice(1);
  if (body.startsWith("\n") || body.startsWith("\r"))
    return "";
  if (body in SIMPLE_ESCAPES)
    return SIMPLE_ESCAPES[body];
  if (/^x[0-9a-fA-F]{2}$/.test(body) || /^u[0-9a-fA-F]{4}$/.test(body) || /^U[0-9a-fA-F]{8}$/.test(body)) {
    const cp = parseInt(body.slice(1), 16);
    return cp <= 1114111 ? String.fromCodePoint(cp) : "\uFFFD";
  }
  if (/^[0-7]{1,3}$/.test(body))
    return String.fromCharCode(parseInt(body, 8));
  return esc;
}
function decodeContent(c, raw, isF, source) {
  let text3 = "";
  const offsets = [];
  let exact = true;
  let cursor = c.startIndex;
  const copy = (to) => {
    for (let i = cursor; i < to; i++) {
      text3 += source[i];
      offsets.push(i);
    }
  };
  if (!raw || isF) {
    for (const e of c.children) {
      if (!e || !(e.type === "escape_sequence" && !raw || e.type === "escape_interpolation" && isF))
        continue;
      copy(e.startIndex);
      const d = decodeEscape(e.text, isF);
      if (d !== e.text)
        exact = false;
      for (const ch of d) {
        text3 += ch;
        offsets.push(e.startIndex);
      }
      cursor = e.endIndex;
    }
  }
  copy(c.endIndex);
  return { text: text3, offsets, exact };
}

// dist/src/frontends/python/evaluate.js
var MAX_DEPTH = 40;
var PY3_ONLY = /(?<![\w.-])(?:[fF][rR]?|[rR][fF])(?:"""|'''|"(?:[^"\\\n]|\\.)*\{|'(?:[^'\\\n]|\\.)*\{)|^[ \t]*async[ \t]+def\b|\bawait[ \t]+\w|\bnonlocal[ \t]+\w|\)[ \t]*->[ \t]*[\w"'[]|\byield[ \t]+from\b/m;
var PY2_CANDIDATE = /^[ \t]*(?:print|exec)[ \t]+(?![(=]|[ \t]*$)|^[ \t]*except[ \t]+[\w.]+[ \t]*,[ \t]*\w+[ \t]*:/m;
function firstPython2Line(root, text3) {
  for (const m of text3.matchAll(/\b(?:print|exec|except)\b/g)) {
    const at = descendantAt(root, m.index, m.index + m[0].length);
    const parent = at ? parentOf(at) : null;
    if (!parent || parent.startIndex !== m.index)
      continue;
    const py2 = parent.type === "print_statement" || parent.type === "exec_statement" || parent.type === "except_clause" && parent.namedChildren.filter((c) => c?.type !== "block" && c?.type !== "comment").length === 2;
    if (py2)
      return parent.startPosition.row + 1;
  }
  return void 0;
}
function python3OnlyText(text3) {
  return PY3_ONLY.test(text3);
}
var WINDOWS_WORDS = /\bos\.name\b|\bsys\.platform\b|\bplatform\.system\b|\bwin32\b|\bWindows\b|\bWINDOWS\b|\b(?:is|IS)_?(?:windows|WINDOWS|win|WIN)\b|\.exe\b|\bmsvcrt\b|\bwinreg\b|\bCOMSPEC\b|\bcmd\.exe\b/;
var WELL_KNOWN_MODULES = /* @__PURE__ */ new Set(["subprocess", "os", "sys", "asyncio", "pty", "commands", "popen2", "shutil", "shlex", "multiprocessing", "pipes", "sysconfig"]);
var PythonModule = class {
  root;
  file;
  project;
  importDepth;
  /** Local name → dotted qualified name, from every import statement in the file. */
  imports = /* @__PURE__ */ new Map();
  /** `import sys` at module level (for fixes). */
  moduleImports = /* @__PURE__ */ new Set();
  /** Every string literal evaluated, by start offset (for fixes). */
  literals = /* @__PURE__ */ new Map();
  /**
   * Argument values bound to a function's parameters while a call site of that function is
   * examined (function node id → parameter → value). Caches are bypassed while any is set.
   */
  paramBindings = /* @__PURE__ */ new Map();
  scopes;
  summaries;
  depth = 0;
  /** Set when an expression was nested too deeply to follow: the file was not fully analysed. */
  tooDeep = false;
  python2Cache;
  mayRunPython2Cache;
  windowsCache;
  bindable = /* @__PURE__ */ new Map();
  /** Whether the project says this file may run on Windows (pipeline/platforms.ts), for fixes: see mayRunOnWindows. */
  projectOnWindows;
  /** Where each launch site's program word starts (its first character's offset), for fixes. */
  launchPrograms;
  /** Whether the project says it runs on Python 2 too (pipeline/platforms.ts), for fixes: see mayRunPython2. */
  projectOnPython2;
  constructor(root, file, project, importDepth = 0) {
    this.root = root;
    this.file = file;
    this.project = project;
    this.importDepth = importDepth;
    this.scopes = new Scopes(root, this);
    this.summaries = new Summaries(this.scopes, this);
    for (const n of this.nodesAtKeywords(/\b(?:import|from)\b/g, ["import_statement", "import_from_statement"]))
      this.collectImport(n);
  }
  /** Whether the file is written for Python 3 only (an f-string, `async def` …), read lexically. */
  get python3Only() {
    return python3OnlyText(this.file.text);
  }
  /** Whether the file uses Python 2 statements (`print "x"`, `exec "x"`), for fixes. */
  get python2() {
    this.python2Cache ??= this.nodesAtKeywords(/\b(?:print|exec)\b/g, ["print_statement", "exec_statement"]).length > 0;
    return this.python2Cache;
  }
  /**
   * Python 2 code (above), or code of a project that says it runs on Python 2 too (its CI or
   * metadata), unless the file itself is written for Python 3 only (PY3_ONLY: an f-string, `async
   * def`, `await`, `nonlocal`, a return annotation, `yield from`; inginious' stale `.travis.yml`
   * still says 2.7).
   */
  get mayRunPython2() {
    this.mayRunPython2Cache ??= this.python2 || !this.python3Only && (this.projectOnPython2?.() ?? false);
    return this.mayRunPython2Cache;
  }
  /**
   * Whether this code may run on Windows, where a shell string is run by cmd.exe (for fixes): the
   * file itself mentions Windows or tells platforms apart, or the project says so (its CI, its
   * metadata or that of a project nested in it holding the file, another module's platform test). Erring towards
   * yes costs only a longer fix (quoted for both shells), never a wrong one.
   */
  get mayRunOnWindows() {
    this.windowsCache ??= WINDOWS_WORDS.test(this.file.text) || (this.projectOnWindows?.() ?? false);
    return this.windowsCache;
  }
  /** Statements of the given types that start with a keyword the pattern matches. */
  nodesAtKeywords(pattern, types) {
    const out = [];
    for (const m of this.file.text.matchAll(pattern)) {
      const at = descendantAt(this.root, m.index, m.index + m[0].length);
      const parent = at ? parentOf(at) : null;
      if (parent && types.includes(parent.type) && parent.startIndex === m.index)
        out.push(parent);
    }
    return out;
  }
  /**
   * Calls whose function is a name in `names` (`f(…)`) or an attribute ending in one (`x.f(…)`),
   * in source order, found as they are asked for (a file over the launch budget is left after the
   * call that goes over it, not after finding all of them).
   */
  *callsTo(names) {
    const list = [...names].filter((n) => /^\w+$/.test(n));
    if (!list.length)
      return;
    const pattern = new RegExp(`\\b(?:${list.join("|")})\\s*\\(`, "g");
    const seen = /* @__PURE__ */ new Set();
    for (const m of this.file.text.matchAll(pattern)) {
      const id = descendantAt(this.root, m.index, m.index + 1);
      if (id?.type !== "identifier")
        continue;
      const up = parentOf(id);
      const holder = up?.type === "attribute" && up.childForFieldName("attribute")?.id === id.id ? up : id;
      const call = parentOf(holder);
      if (call?.type !== "call" || call.childForFieldName("function")?.id !== holder.id || seen.has(call.id))
        continue;
      seen.add(call.id);
      yield call;
    }
  }
  collectImport(n) {
    const atModule = parentOf(n)?.type === "module";
    if (n.type === "import_statement") {
      for (const c of n.namedChildren) {
        if (!c)
          continue;
        if (c.type === "dotted_name") {
          const full = c.text;
          const first = full.split(".")[0];
          this.imports.set(first, first);
          if (atModule)
            this.moduleImports.add(full);
        } else if (c.type === "aliased_import") {
          const name = c.childForFieldName("name")?.text;
          const alias = c.childForFieldName("alias")?.text;
          if (name && alias)
            this.imports.set(alias, name);
        }
      }
      return;
    }
    const mod = n.childForFieldName("module_name");
    if (!mod)
      return;
    const modName = mod.text.replace(/\s+/g, "");
    const join = (name) => modName.endsWith(".") ? `${modName}${name}` : `${modName}.${name}`;
    for (const c of n.childrenForFieldName("name")) {
      if (!c)
        continue;
      if (c.type === "dotted_name")
        this.imports.set(c.text, join(c.text));
      else if (c.type === "aliased_import") {
        const name = c.childForFieldName("name")?.text;
        const alias = c.childForFieldName("alias")?.text;
        if (name && alias)
          this.imports.set(alias, join(name));
      }
    }
  }
  // ---- scopes and calls (scopes.ts, calls.ts) -----------------------------------------------
  scopeAt(n) {
    return this.scopes.scopeAt(n);
  }
  /** Value of `name` just before offset `pos` in `scope`. */
  lookup(name, scope, pos) {
    return this.scopes.lookup(name, scope, pos);
  }
  /** Positional and keyword arguments of a call node. */
  callArgs(call) {
    return callArgs(call);
  }
  // ---- evaluation ---------------------------------------------------------------------------
  /** Evaluate an expression node where it stands. */
  eval(n) {
    return this.evalIn(n, this.scopeAt(n), n.startIndex);
  }
  evalIn(n, scope, pos) {
    while (n.type === "parenthesized_expression") {
      const inner = n.namedChildren.find((c) => c && c.type !== "comment");
      if (!inner)
        break;
      n = inner;
    }
    if (this.depth > MAX_DEPTH) {
      this.tooDeep = true;
      return { k: "unknown", span: spanOf(n) };
    }
    this.depth++;
    try {
      return this.evalNode(n, scope, pos);
    } finally {
      this.depth--;
    }
  }
  evalNode(n, scope, pos) {
    const span = spanOf(n);
    switch (n.type) {
      case "string":
        return evalString(this, n, scope, pos);
      case "concatenated_string": {
        let v;
        for (const c of n.namedChildren) {
          if (!c || c.type !== "string")
            continue;
          const s = evalString(this, c, scope, pos);
          v = v ? concatValues(v, s, span) : s;
        }
        return v ? stripLiteral(v) : UNKNOWN;
      }
      case "parenthesized_expression": {
        const inner = n.namedChildren.find((c) => c && c.type !== "comment");
        return inner ? this.evalIn(inner, scope, pos) : UNKNOWN;
      }
      case "list":
      case "tuple":
      case "expression_list": {
        const items = [];
        for (const c of n.namedChildren) {
          if (!c || c.type === "comment")
            continue;
          if (c.type === "list_splat") {
            const inner = c.namedChildren[0];
            items.push({ splat: inner ? this.evalIn(inner, scope, pos) : UNKNOWN });
          } else
            items.push({ value: this.evalIn(c, scope, pos) });
        }
        return { k: "list", items, span };
      }
      case "true":
        return { k: "bool", v: true };
      case "false":
        return { k: "bool", v: false };
      case "none":
        return { k: "none" };
      case "identifier":
        return this.evalName(n, scope, pos);
      case "attribute":
        return this.evalAttribute(n, scope, pos);
      case "binary_operator":
        return this.evalBinary(n, scope, pos);
      case "conditional_expression": {
        const parts = n.namedChildren.filter((c) => !!c && c.type !== "comment");
        if (parts.length < 3)
          return UNKNOWN;
        const test = this.interpreterTest(parts[1], scope, pos);
        if (test !== void 0)
          return this.evalIn(parts[test ? 0 : 2], scope, pos);
        return union([this.evalIn(parts[0], scope, pos), this.evalIn(parts[2], scope, pos)]);
      }
      case "boolean_operator": {
        const left = n.childForFieldName("left");
        const right = n.childForFieldName("right");
        const op = n.childForFieldName("operator")?.text;
        if (!left || !right)
          return UNKNOWN;
        const l = this.evalIn(left, scope, pos);
        if (op === "or" && l.k === "str" && l.word.fragments.some((f) => f.kind === "sys-executable" || f.kind === "venv-path"))
          return l;
        return op === "or" ? union([l, this.evalIn(right, scope, pos)]) : this.evalIn(right, scope, pos);
      }
      case "named_expression": {
        const v = n.childForFieldName("value");
        return v ? this.evalIn(v, scope, pos) : UNKNOWN;
      }
      case "dictionary":
        return this.evalDict(n, scope, pos);
      case "call":
        return evalCall(this, this.summaries, n, scope, pos);
      case "subscript":
        return this.evalSubscript(n, scope, pos);
      default:
        return { k: "unknown", span };
    }
  }
  /**
   * Whether `cond` tests that the running interpreter's path is known: true for `sys.executable`
   * (or a name bound to it), false for `not sys.executable`, undefined for anything else.
   */
  interpreterTest(cond, scope, pos) {
    const { node: n, negated: negated2 } = unwrapNot(cond);
    if (!n || n.type !== "identifier" && n.type !== "attribute")
      return void 0;
    let interpreter = false;
    for (const o of options(this.evalIn(n, scope, pos))) {
      if (o.k === "unknown" || o.k === "none")
        continue;
      if (o.k !== "str")
        return void 0;
      if (o.word.fragments.some((f) => f.kind === "sys-executable"))
        interpreter = true;
      else if (!o.word.fragments.some((f) => f.kind === "text" && f.text !== ""))
        return void 0;
    }
    return interpreter ? !negated2 : void 0;
  }
  evalName(n, scope, pos) {
    const name = n.text;
    const v = this.lookup(name, scope, pos);
    if (v && !(v.k === "unknown" && !v.span))
      return v;
    const q = this.imports.get(name);
    if (q) {
      const known2 = this.qualifiedValue(q, spanOf(n));
      return known2.k === "unknown" ? this.project?.constant(this.file.path, q, spanOf(n), this.importDepth) ?? known2 : known2;
    }
    return v ?? { k: "unknown", span: spanOf(n) };
  }
  /** A name's value at the end of the module (for another module that imports it: project-modules.ts). */
  topLevelValue(name) {
    const v = this.lookup(name, this.scopes.scopeFor(this.root), Infinity);
    if (v && !(v.k === "unknown" && !v.span))
      return v;
    const q = this.imports.get(name);
    return q ? this.project?.constant(this.file.path, q, spanOf(this.root), this.importDepth) : void 0;
  }
  /** Where the module last binds a name at its top level (1-based line and column). */
  topLevelOrigin(name) {
    const events = this.scopes.eventsOf(this.scopes.scopeFor(this.root)).get(name);
    const last = events?.[events.length - 1];
    if (!last)
      return void 0;
    const offset = last.k === "assign" && last.stmt ? last.stmt.startIndex : last.pos;
    return { offset, ...this.file.location(offset) };
  }
  /** Values with a known meaning by qualified name (sys.executable, sys.prefix, os.environ …). */
  qualifiedValue(q, span) {
    switch (q) {
      case "sys.executable":
        return fragmentValue({ kind: "sys-executable", span }, span);
      case "sys.prefix":
      case "sys.exec_prefix":
        return fragmentValue({ kind: "venv-path", span }, span);
      case "os.environ":
        return { k: "env", path: "inherited", span };
      default:
        if (q === "sys.version" || q === "sys.version_info" || q.startsWith("sys.version_info."))
          return runningVersion(span);
        return { k: "unknown", span };
    }
  }
  /** Whether the file's text may bind `name` somewhere: an import naming it, an assignment to it, a star import or a notebook's `%run`. */
  mayBind(name) {
    let b = this.bindable.get(name);
    if (b === void 0) {
      const text3 = this.file.text;
      b = /\bimport\s+\*|%run\b|run_line_magic\(\s*['"]run/.test(text3);
      for (const m of b ? [] : text3.matchAll(new RegExp(`\\b${name}\\b`, "g"))) {
        const at = m.index;
        const before = text3.slice(Math.max(0, at - 200), at);
        const statement = before.slice(Math.max(before.lastIndexOf("\n"), before.lastIndexOf(";")) + 1);
        const after = text3.slice(at + name.length, at + name.length + 200);
        if (/\bimport\b/.test(statement) || /^\s*(?::[^=\n]*)?=(?!=)/.test(after)) {
          b = true;
          break;
        }
      }
      this.bindable.set(name, b);
    }
    return b;
  }
  /** The dotted name an expression refers to through imports (`sp.run` → `subprocess.run`), if any. */
  qualify(n, scope) {
    if (n.type === "identifier") {
      const name = n.text;
      const local = scope ? this.scopes.eventsOf(scope).get(name) : void 0;
      const imported = this.imports.get(name);
      if (imported)
        return imported;
      if (local && local.length)
        return void 0;
      if (["str", "list", "tuple", "dict"].includes(name))
        return name;
      if (WELL_KNOWN_MODULES.has(name) && this.mayBind(name))
        return name;
      return void 0;
    }
    if (n.type === "attribute") {
      const obj = n.childForFieldName("object");
      const attr = n.childForFieldName("attribute")?.text;
      if (!obj || !attr)
        return void 0;
      const base = this.qualify(obj, scope);
      return base ? `${base}.${attr}` : void 0;
    }
    return void 0;
  }
  evalAttribute(n, scope, pos) {
    const span = spanOf(n);
    const q = this.qualify(n, scope);
    if (q) {
      const v = this.qualifiedValue(q, span);
      if (v.k !== "unknown")
        return v;
      const other = this.project?.constant(this.file.path, q, span, this.importDepth);
      if (other)
        return other;
    }
    const obj = n.childForFieldName("object");
    const attr = n.childForFieldName("attribute")?.text;
    if (!obj || !attr)
      return { k: "unknown", span };
    if (obj.type === "identifier") {
      const cls = enclosingClass(n, obj.text);
      if (cls)
        return this.summaries.classAttribute(cls, attr);
    }
    const base = this.evalIn(obj, scope, pos);
    if ((attr === "parent" || attr === "parents") && base.k === "str" && hasVenvFragment(base.word)) {
      return fragmentValue({ kind: "venv-path", span }, span);
    }
    return { k: "unknown", span };
  }
  evalBinary(n, scope, pos) {
    const left = n.childForFieldName("left");
    const right = n.childForFieldName("right");
    const op = n.childForFieldName("operator")?.text;
    const span = spanOf(n);
    if (!left || !right)
      return { k: "unknown", span };
    const l = this.evalIn(left, scope, pos);
    const r = this.evalIn(right, scope, pos);
    if (op === "+")
      return stripLiteral(concatValues(l, r, span));
    if (op === "/") {
      return mapValue(l, (x) => mapValue(r, (y) => x.k === "str" && y.k === "str" ? joinPath([x.word, y.word]) : { k: "unknown", span }));
    }
    if (op === "%") {
      const each = (x, y) => y.k === "list" && y.items.every((i) => "value" in i) ? mapEach(y.items.map((i) => "value" in i ? i.value : UNKNOWN), (vs) => percentFormat(x.word, { k: "list", items: vs.map((value) => ({ value })), span: y.span }, span)) : percentFormat(x.word, y, span);
      return mapValue(l, (x) => x.k === "str" ? mapValue(r, (y) => each(x, y)) : { k: "unknown", span });
    }
    return { k: "unknown", span };
  }
  evalDict(n, scope, pos) {
    let path34 = "no";
    for (const c of n.namedChildren) {
      if (!c || c.type === "comment")
        continue;
      if (c.type === "pair") {
        const key = c.childForFieldName("key");
        const kv = key ? this.evalIn(key, scope, pos) : UNKNOWN;
        path34 = withKey(path34, kv.k === "str" ? wordTextOf(kv.word) : void 0);
      } else if (c.type === "dictionary_splat") {
        const inner = c.namedChildren[0];
        const v = inner ? this.evalIn(inner, scope, pos) : UNKNOWN;
        path34 = mergeEnv(path34, v.k === "env" ? v.path : "unknown");
      } else
        path34 = withKey(path34, void 0);
    }
    return { k: "env", path: path34, span: spanOf(n) };
  }
  evalSubscript(n, scope, pos) {
    const value = n.childForFieldName("value");
    const sub = n.childForFieldName("subscript");
    const span = spanOf(n);
    if (!value || !sub)
      return { k: "unknown", span };
    const q = this.qualify(value, scope);
    if (q === "sys.version_info" || q === "sys.version")
      return runningVersion(span);
    if (q === "os.environ") {
      const key = this.evalIn(sub, scope, pos);
      return key.k === "str" && wordTextOf(key.word) === "VIRTUAL_ENV" ? fragmentValue({ kind: "venv-path", span }, span) : { k: "unknown", span };
    }
    const base = this.evalIn(value, scope, pos);
    if (base.k !== "list")
      return { k: "unknown", span };
    if (sub.type === "integer") {
      const i = Number(sub.text);
      const item = base.items[i];
      if (base.items.slice(0, i + 1).every((it) => "value" in it) && item && "value" in item)
        return item.value;
      return { k: "unknown", span };
    }
    if (sub.type === "slice") {
      const parts = sub.namedChildren.filter((c) => !!c);
      if (parts.length === 1 && parts[0].type === "integer" && sub.text.trim().endsWith(":")) {
        const i = Number(parts[0].text);
        if (base.items.slice(0, i).every((it) => "value" in it))
          return { k: "list", items: base.items.slice(i), span };
      }
    }
    return { k: "unknown", span };
  }
};

// dist/src/frontends/python/launch-apis.js
var specs = [
  [["subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen"], { form: "subprocess" }],
  [["subprocess.getoutput", "subprocess.getstatusoutput"], { form: "shell", index: 0, keyword: "cmd" }],
  [["os.system"], { form: "shell", index: 0, keyword: "command" }],
  [["os.popen"], { form: "shell", index: 0, keyword: "cmd" }],
  [["commands.getoutput", "commands.getstatusoutput", "commands.getstatus"], { form: "shell", index: 0 }],
  [["asyncio.create_subprocess_shell", "asyncio.subprocess.create_subprocess_shell"], { form: "shell", index: 0, keyword: "cmd" }],
  [["os.popen2", "os.popen3", "os.popen4", "popen2.popen2", "popen2.popen3", "popen2.popen4", "popen2.Popen3", "popen2.Popen4"], { form: "argv-or-shell", index: 0 }],
  [["os.execv"], { form: "program-list", program: 0, list: 1, searchesPath: false }],
  [["os.execve"], { form: "program-list", program: 0, list: 1, searchesPath: false, env: 2 }],
  [["os.execvp"], { form: "program-list", program: 0, list: 1, searchesPath: true }],
  [["os.execvpe"], { form: "program-list", program: 0, list: 1, searchesPath: true, env: 2 }],
  [["os.execl"], { form: "program-rest", program: 0, rest: 1, searchesPath: false }],
  [["os.execle"], { form: "program-rest", program: 0, rest: 1, searchesPath: false, envLast: true }],
  [["os.execlp"], { form: "program-rest", program: 0, rest: 1, searchesPath: true }],
  [["os.execlpe"], { form: "program-rest", program: 0, rest: 1, searchesPath: true, envLast: true }],
  [["os.spawnv"], { form: "program-list", program: 1, list: 2, searchesPath: false }],
  [["os.spawnve"], { form: "program-list", program: 1, list: 2, searchesPath: false, env: 3 }],
  [["os.spawnvp"], { form: "program-list", program: 1, list: 2, searchesPath: true }],
  [["os.spawnvpe"], { form: "program-list", program: 1, list: 2, searchesPath: true, env: 3 }],
  [["os.spawnl"], { form: "program-rest", program: 1, rest: 2, searchesPath: false }],
  [["os.spawnle"], { form: "program-rest", program: 1, rest: 2, searchesPath: false, envLast: true }],
  [["os.spawnlp"], { form: "program-rest", program: 1, rest: 2, searchesPath: true }],
  [["os.spawnlpe"], { form: "program-rest", program: 1, rest: 2, searchesPath: true, envLast: true }],
  [["os.posix_spawn"], { form: "program-list", program: 0, list: 1, searchesPath: false, env: 2 }],
  [["os.posix_spawnp"], { form: "program-list", program: 0, list: 1, searchesPath: true, env: 2 }],
  [["asyncio.create_subprocess_exec", "asyncio.subprocess.create_subprocess_exec"], { form: "program-rest", program: 0, rest: 1, searchesPath: true, env: "kw" }],
  // loop.subprocess_exec(protocol_factory, program, *args) / loop.subprocess_shell(protocol_factory, cmd):
  // the loop object is rarely resolvable, so these are recognised by method name.
  [["asyncio.loop.subprocess_exec"], { form: "program-rest", program: 1, rest: 2, searchesPath: true, env: "kw" }],
  [["asyncio.loop.subprocess_shell"], { form: "shell", index: 1, keyword: "cmd" }],
  [["pty.spawn"], { form: "argv-or-name", index: 0, searchesPath: true }],
  [["multiprocessing.set_executable", "multiprocessing.spawn.set_executable"], { form: "program", index: 0, searchesPath: false }]
];
var LAUNCH_APIS = new Map(specs.flatMap(([names, spec]) => names.map((n) => [n, spec])));
var LOOP_METHODS = /* @__PURE__ */ new Set(["subprocess_exec", "subprocess_shell"]);
var LAUNCH_API_NAMES = new Set([...LAUNCH_APIS.keys()].map((k) => k.slice(k.lastIndexOf(".") + 1)));

// dist/src/frontends/python/project-helpers.js
function helpersIn(mod, candidates) {
  const out = /* @__PURE__ */ new Map();
  const names = new Set(LAUNCH_API_NAMES);
  for (const [alias, q] of mod.imports)
    if (LAUNCH_APIS.has(q))
      names.add(alias);
  for (const call of mod.callsTo(names)) {
    const def = topLevelDef(call);
    const name = def?.childForFieldName("name")?.text;
    if (!def || !name || !candidates.has(name) || out.has(name))
      continue;
    const fn = call.childForFieldName("function");
    const api = fn ? mod.qualify(fn, mod.scopeAt(call)) : void 0;
    const spec = api ? LAUNCH_APIS.get(api) : void 0;
    if (!api || !spec)
      continue;
    const helper = helperSpec(mod, def, call, spec);
    if (helper)
      out.set(name, { ...helper, api, file: mod.file.path, line: mod.file.location(def.startIndex).line });
  }
  return out;
}
function topLevelDef(n) {
  let def;
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === "function_definition" || p.type === "class_definition" || p.type === "lambda")
      def = p;
  }
  if (!def || def.type !== "function_definition")
    return void 0;
  const up = def.parent?.type === "decorated_definition" ? def.parent.parent : def.parent;
  return up?.type === "module" ? def : void 0;
}
function helperSpec(mod, def, call, spec) {
  const found = helperApiSpec(mod, def, call, spec);
  if (!found)
    return void 0;
  return { spec: found.spec, others: found.params.filter((p) => p !== found.param) };
}
function helperApiSpec(mod, def, call, spec) {
  const params = [];
  let keywordOnly = false;
  for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!p)
      continue;
    if (p.type === "keyword_separator")
      keywordOnly = true;
    else if (p.type === "list_splat_pattern") {
      params.push({ name: p.namedChildren[0]?.text ?? "", star: true, keywordOnly: false });
      keywordOnly = true;
    } else if (p.type === "dictionary_splat_pattern")
      continue;
    else {
      const name = p.type === "identifier" ? p.text : p.childForFieldName("name")?.text ?? p.namedChildren[0]?.text;
      if (name)
        params.push({ name, star: false, keywordOnly });
    }
  }
  const { positional, keywords, splat } = mod.callArgs(call);
  if (keywords.has("executable"))
    return void 0;
  const envNode = keywords.get("env");
  if (envNode) {
    mod.paramBindings.set(def.id, new Map(params.filter((p) => !p.star).map((p) => [p.name, { k: "none" }])));
    let env2;
    try {
      env2 = mod.eval(envNode);
    } finally {
      mod.paramBindings.delete(def.id);
    }
    if (!options(env2).every((o) => o.k === "none" || o.k === "env" && o.path === "inherited"))
      return void 0;
  }
  let cmd;
  switch (spec.form) {
    case "subprocess":
      cmd = positional[0] ?? keywords.get("args");
      break;
    case "shell":
      cmd = positional[spec.index] ?? (spec.keyword ? keywords.get(spec.keyword) : void 0);
      break;
    case "argv-or-shell":
    case "argv-or-name":
      cmd = positional[spec.index];
      break;
    default:
      return void 0;
  }
  if (!cmd)
    return void 0;
  let inner = cmd;
  if (inner.type === "call" && inner.childForFieldName("function")?.text === "list")
    inner = inner.childForFieldName("arguments")?.namedChildren[0] ?? inner;
  if (inner.type === "list" && inner.namedChildren.length === 1 && inner.namedChildren[0]?.type === "list_splat")
    inner = inner.namedChildren[0].namedChildren[0] ?? inner;
  if (inner.type !== "identifier")
    return void 0;
  const index = params.findIndex((p) => p.name === inner.text);
  const param = params[index];
  if (!param || param.keywordOnly || reassigned(def, param.name))
    return void 0;
  const found = (spec2) => ({ spec: spec2, params: params.map((p) => p.name), param: param.name });
  if (param.star)
    return spec.form === "subprocess" && !keywords.has("shell") ? found({ form: "program-rest", program: index, rest: index, searchesPath: true }) : void 0;
  if (inner !== cmd)
    return void 0;
  if (spec.form === "subprocess") {
    const shellNode = keywords.get("shell");
    if (!shellNode)
      return found(splat ? { form: "argv-or-shell", index } : { form: "argv-or-name", index, searchesPath: true });
    if (shellNode.type === "true")
      return found({ form: "shell", index, keyword: param.name });
    if (shellNode.type === "false")
      return found({ form: "argv-or-name", index, searchesPath: true });
    return found({ form: "argv-or-shell", index });
  }
  if (spec.form === "shell")
    return found({ form: "shell", index, keyword: param.name });
  return found({ ...spec, index });
}
function reassigned(def, name) {
  const body = def.childForFieldName("body")?.text ?? "";
  return new RegExp(`(?<![\\w.])${name}\\s*(?:[-+*/%|&]|//)?=(?!=)|\\bfor\\s+${name}\\b|\\bas\\s+${name}\\b|\\b(?:global|nonlocal)\\s+[^\\n]*\\b${name}\\b`).test(body);
}

// dist/src/frontends/python/project-modules.js
var MAX_DEPTH2 = 2;
var MAX_PER_FILE = 16;
var MAX_PARSED = 400;
var MAX_MODULE_CHARS = 512 * 1024;
var MAX_NAMES = 500;
var ModuleText = class {
  read;
  defs;
  names;
  words;
  /** The module's own imports of project modules (lexical, built on first use). */
  bindings;
  /** setsTool's answers, by name. */
  tool;
  constructor(read2) {
    this.read = read2;
  }
  /** Top-level `def NAME(` blocks whose code names a launch API, by name (lexical). */
  get launchingDefs() {
    return this.defs ??= launchingDefs(this.read());
  }
  /** Top-level assignments by name: the rest of each `NAME = …` line (lexical). */
  get assigned() {
    if (!this.names) {
      this.names = /* @__PURE__ */ new Map();
      for (const m of this.read().matchAll(TOP_ASSIGNMENT)) {
        const l = this.names.get(m[1]);
        if (l)
          l.push(m[2]);
        else
          this.names.set(m[1], [m[2]]);
      }
    }
    return this.names;
  }
  /**
   * The top-level assignments to one name (as `assigned` has them), found by searching for the
   * name at line starts: cheaper than listing every assignment when a module is asked about a few
   * names (most modules the prefilter asks about; `assigned` builds the whole list).
   */
  valuesOf(name) {
    if (this.names)
      return this.names.get(name) ?? [];
    let v = this.one?.get(name);
    if (v)
      return v;
    v = [];
    const text3 = this.read();
    for (let i = text3.indexOf(name); i !== -1; i = text3.indexOf(name, i + 1)) {
      const c = text3.charCodeAt(i - 1);
      if (i > 0 && c !== 10 && c !== 13 && c !== 8232 && c !== 8233)
        continue;
      ONE_ASSIGNMENT.lastIndex = i;
      const m = ONE_ASSIGNMENT.exec(text3);
      if (m && m[1] === name)
        v.push(m[2]);
    }
    (this.one ??= /* @__PURE__ */ new Map()).set(name, v);
    return v;
  }
  one;
  /** Every word on the module's import lines (a name it may re-export). */
  get importWords() {
    if (!this.words) {
      this.words = /* @__PURE__ */ new Set();
      for (const m of this.read().matchAll(IMPORT_LINE))
        for (const w of m[0].match(/\w+/g) ?? [])
          this.words.add(w);
    }
    return this.words;
  }
};
var TOP_ASSIGNMENT = /^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)([^\n]*)/gm;
var ONE_ASSIGNMENT = new RegExp(TOP_ASSIGNMENT.source.slice(1), "y");
var IMPORT_LINE = /^[ \t]*(?:from|import)\b[^\n]*/gm;
var MAX_KEPT_CHARS = 32 * 1024 * 1024;
var ProjectModules = class {
  root;
  exists = /* @__PURE__ */ new Map();
  resolved = /* @__PURE__ */ new Map();
  /** importBases of a folder (it stats up the package tree), per folder. */
  bases = /* @__PURE__ */ new Map();
  lastBindings;
  texts = /* @__PURE__ */ new Map();
  bodies = /* @__PURE__ */ new Map();
  keptChars = 0;
  constants = /* @__PURE__ */ new Map();
  origins = /* @__PURE__ */ new Map();
  helpers = /* @__PURE__ */ new Map();
  live = /* @__PURE__ */ new Map();
  parsedNow = 0;
  parsed = 0;
  /** Spans in the importing file where a value from another module was used, and where it came from. */
  uses = [];
  constructor(root) {
    this.root = root;
  }
  // ---- finding modules ------------------------------------------------------------------------
  isFile(p) {
    let e = this.exists.get(p);
    if (e === void 0) {
      try {
        e = fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        e = false;
      }
      this.exists.set(p, e);
    }
    return e;
  }
  isFileBound = (p) => this.isFile(p);
  /**
   * The module file a dotted name names from `fromFile` (leading dots: relative), if it is one of the
   * project. An absolute name whose first part is a standard-library module (`os`, `subprocess`,
   * `test`: isStandard) is never the project's: the standard library itself is a project of modules
   * with the launch APIs' names. Answers are cached by the importing file's folder.
   */
  moduleFile(fromFile, dotted) {
    return this.moduleFileIn(path2.dirname(path2.resolve(fromFile)), dotted);
  }
  moduleFileIn(dir, dotted) {
    const key = `${dir}\0${dotted}`;
    if (this.resolved.has(key))
      return this.resolved.get(key);
    const m = /^(\.*)(.*)$/.exec(dotted);
    const level = m[1].length;
    const parts = m[2] ? m[2].split(".") : [];
    let found;
    if (level) {
      let d = dir;
      for (let i = 1; i < level; i++)
        d = path2.dirname(d);
      found = findModuleFile([d], parts, this.isFileBound);
    } else if (parts.length && !isStandard(parts[0])) {
      let bases = this.bases.get(dir);
      if (!bases)
        this.bases.set(dir, bases = importBases(dir, this.isFileBound, this.root));
      found = findModuleFile(bases, parts, this.isFileBound);
    }
    this.resolved.set(key, found);
    return found;
  }
  /** `pkg.settings.PYTHON` → the module file of `pkg.settings` and the name `PYTHON`. */
  split(fromFile, q) {
    const i = q.lastIndexOf(".");
    if (i <= 0 && !q.startsWith("."))
      return void 0;
    const name = q.slice(i + 1);
    const modName = q.slice(0, i + 1).replace(/(?<=[^.])\.$/, "");
    if (!/^\w+$/.test(name))
      return void 0;
    const file = this.moduleFile(fromFile, modName);
    return file && path2.resolve(file) !== path2.resolve(fromFile) ? { file, name } : void 0;
  }
  moduleText(file) {
    if (!this.texts.has(file)) {
      const text3 = this.readText(file);
      this.texts.set(file, text3 === void 0 ? null : new ModuleText(() => this.readText(file) ?? ""));
    }
    return this.texts.get(file) ?? void 0;
  }
  /** A module's decoded text (undefined: unreadable, too large or undecodable), kept within MAX_KEPT_CHARS. */
  readText(file) {
    const kept = this.bodies.get(file);
    if (kept !== void 0)
      return kept;
    let text3;
    try {
      const bytes = fs.readFileSync(file);
      if (bytes.length <= MAX_MODULE_CHARS) {
        const d = decodePython(file, bytes);
        if (d.ok)
          text3 = d.file.text;
      }
    } catch {
      text3 = void 0;
    }
    if (text3 !== void 0 && this.keptChars + text3.length <= MAX_KEPT_CHARS) {
      this.bodies.set(file, text3);
      this.keptChars += text3.length;
    }
    return text3;
  }
  /** The module parsed, for the rest of this importing file's analysis (undefined over a budget). */
  loaded(file, depth) {
    const key = `${depth}:${file}`;
    if (this.live.has(key))
      return this.live.get(key) ?? void 0;
    this.live.set(key, null);
    const text3 = this.moduleText(file) && this.parsedNow < MAX_PER_FILE && this.parsed < MAX_PARSED ? this.readText(file) : void 0;
    if (text3 === void 0)
      return void 0;
    this.parsedNow++;
    this.parsed++;
    const source = new SourceFile(file, text3);
    const { text: blanked } = blankComments(text3);
    const tree = loadedParser("tree-sitter-python").parse(blanked.includes("\r") ? blanked.replace(/\r(?!\n)/g, "\n") : blanked);
    if (!tree)
      return void 0;
    const l = { file: source, tree, mod: new PythonModule(tree.rootNode, source, this, depth) };
    this.live.set(key, l);
    return l;
  }
  /** Frees the trees parsed for one importing file (call when its analysis ends). */
  release() {
    for (const l of this.live.values())
      l?.tree.delete();
    this.live.clear();
    this.parsedNow = 0;
    this.uses.length = 0;
  }
  // ---- constants ------------------------------------------------------------------------------
  /**
   * The value a name imported from another module of the project has at the end of that module
   * (`q` as the importing file's import table gives it: `.settings.PYTHON`, `pkg.settings.PYTHON`),
   * re-homed at `span` in the importing file; undefined when it is not a module of the project.
   */
  constant(fromFile, q, span, depth = 0) {
    if (depth >= MAX_DEPTH2)
      return void 0;
    const at = this.split(fromFile, q);
    if (!at)
      return void 0;
    const key = `${at.file}\0${at.name}`;
    let v = this.constants.get(key);
    if (v === void 0) {
      const t = this.moduleText(at.file);
      if (!t || !(t.assigned.has(at.name) || t.importWords.has(at.name))) {
        this.constants.set(key, null);
        return void 0;
      }
      const l = this.loaded(at.file, depth + 1);
      if (!l)
        return void 0;
      for (const name of /* @__PURE__ */ new Set([at.name, ...[...t.assigned.keys()].slice(0, MAX_NAMES)])) {
        const k = `${at.file}\0${name}`;
        if (this.constants.has(k))
          continue;
        const top = l.mod.topLevelValue(name);
        this.constants.set(k, top && top.k !== "func" && top.k !== "unknown" ? top : null);
        const origin2 = l.mod.topLevelOrigin(name);
        if (origin2)
          this.origins.set(k, { name, file: at.file, ...origin2 });
      }
      v = this.constants.get(key) ?? null;
    }
    if (!v)
      return void 0;
    const origin = this.origins.get(key);
    if (origin)
      this.uses.push({ span, origin });
    return rehome(v, span);
  }
  /**
   * Where a program word used in the importing file was set, when it came from another module: the
   * use at its span, else (a word a shell split out of such a value) the first use inside the call.
   */
  originOf(word, call) {
    if (!word || !this.uses.length)
      return void 0;
    const span = word.span;
    const at = span && this.uses.find((u) => u.span.start <= span.start && span.end <= u.span.end);
    if (at)
      return at.origin;
    const sourced = word.fragments.some((f) => f.kind === "text" ? f.offsets?.some((o) => o >= 0) : !!f.span);
    return sourced ? void 0 : this.uses.find((u) => call.start <= u.span.start && u.span.end <= call.end)?.origin;
  }
  // ---- helpers --------------------------------------------------------------------------------
  /** The helper a call's qualified name (`.utils.run`, `tools.sh`) names, if it is one. */
  helper(fromFile, q) {
    const at = this.split(fromFile, q);
    if (!at)
      return void 0;
    return this.helpersOf(at.file)?.get(at.name);
  }
  /** Whether a qualified name may name a helper, without parsing (lexical). */
  mayBeHelper(fromFile, q) {
    const at = this.split(fromFile, q);
    return !!at && !!this.moduleText(at.file)?.launchingDefs.has(at.name);
  }
  /** The helper names of a module the file imports whole (`from . import utils`, `import pkg.utils as u`). */
  helperNamesOfModule(fromFile, q) {
    const file = this.moduleFile(fromFile, q);
    if (!file || path2.resolve(file) === path2.resolve(fromFile))
      return [];
    return [...this.moduleText(file)?.launchingDefs ?? []];
  }
  helpersOf(file) {
    if (!this.helpers.has(file)) {
      const t = this.moduleText(file);
      if (!t || !t.launchingDefs.size) {
        this.helpers.set(file, null);
        return void 0;
      }
      const l = this.loaded(file, 1);
      if (!l)
        return void 0;
      this.helpers.set(file, helpersIn(l.mod, t.launchingDefs));
    }
    return this.helpers.get(file) ?? void 0;
  }
  // ---- lexical (the prefilter) ------------------------------------------------------------------
  /** The project modules a file imports, lexically (no parse). */
  importBindings(fromFile, text3) {
    if (this.lastBindings?.file === fromFile && this.lastBindings.text === text3)
      return this.lastBindings.bindings;
    const bindings = this.scanImports(fromFile, text3);
    this.lastBindings = { file: fromFile, text: text3, bindings };
    return bindings;
  }
  scanImports(fromFile, text3) {
    const out = [];
    const starts = importScan(text3).starts;
    if (!starts.length)
      return out;
    const me = path2.resolve(fromFile);
    const dir = path2.dirname(me);
    const at = (re) => starts.flatMap((i) => {
      re.lastIndex = i;
      const m = re.exec(text3);
      return m ? [m] : [];
    });
    for (const m of at(FROM_IMPORT_AT)) {
      const { level, module: mod, names } = fromImportParts(m);
      const base = ".".repeat(level) + mod;
      const module = base ? this.moduleFileIn(dir, base) : void 0;
      const mayBeSubmodule = !module || module.endsWith(`${path2.sep}__init__.py`);
      for (const { name, alias } of names) {
        const sub = mayBeSubmodule && (module || level) ? this.moduleFileIn(dir, base.endsWith(".") || !base ? base + name : `${base}.${name}`) : void 0;
        if (sub)
          out.push({ module: sub, alias });
        else if (module)
          out.push({ module, alias, name });
      }
    }
    for (const m of at(PLAIN_IMPORT_AT)) {
      for (const { module: mod, alias } of plainImportParts(m)) {
        const module = this.moduleFileIn(dir, mod);
        if (module)
          out.push({ module, alias });
      }
    }
    return out.filter((b) => b.module !== me);
  }
  mayImportProject(text3) {
    return importScan(text3).starts.length > 0;
  }
  /** Whether the file calls a helper of a module it imports (lexical: `run(` of `from utils import run`, `utils.run(`). */
  callsHelper(fromFile, text3) {
    for (const b of this.importBindings(fromFile, text3)) {
      const defs = this.moduleText(b.module)?.launchingDefs;
      if (!defs?.size)
        continue;
      if (b.name !== void 0) {
        if (defs.has(b.name) && someUse(text3, b.alias, (after) => isCallAt(text3, after)))
          return true;
      } else if (someUse(text3, b.alias, (after) => {
        const member2 = memberAt(text3, after);
        return defs.has(member2) && isCallAt(text3, after + 1 + member2.length);
      }))
        return true;
    }
    return false;
  }
  /**
   * Whether the file uses a name that a module it imports sets, at its top level, to a text naming
   * a tool (`tools`: the prefilter's pattern): `PYTHON` of `from .settings import PYTHON`, `settings.PIP`.
   */
  usesToolConstant(fromFile, text3, tools) {
    for (const b of this.importBindings(fromFile, text3)) {
      if (b.name !== void 0) {
        if (this.setsTool(b.module, b.name, tools, 1))
          return true;
      } else {
        const used = /* @__PURE__ */ new Set();
        someUse(text3, b.alias, (after) => {
          const member2 = memberAt(text3, after);
          if (member2)
            used.add(member2);
        });
        for (const name of used)
          if (this.setsTool(b.module, name, tools, 1))
            return true;
      }
    }
    return false;
  }
  /** Whether a module's top-level assignment to `name` names a tool, or names a name it imports from a module that does. */
  setsTool(file, name, tools, depth) {
    const t = this.moduleText(file);
    if (!t)
      return false;
    t.tool ??= /* @__PURE__ */ new Map();
    const known2 = t.tool.get(name);
    if (known2 !== void 0)
      return known2;
    t.tool.set(name, false);
    const values = t.valuesOf(name);
    let sets = values.some((v) => tools.test(v));
    if (!sets && depth < MAX_DEPTH2) {
      const named = /* @__PURE__ */ new Set([name, ...values.map((v) => v.trim()).filter((v) => /^\w+$/.test(v))]);
      t.bindings ??= this.importBindings(file, this.readText(file) ?? "");
      sets = t.bindings.some((b) => b.name !== void 0 && named.has(b.alias) && this.setsTool(b.module, b.name, tools, depth + 1));
    }
    t.tool.set(name, sets);
    return sets;
  }
};
function someUse(text3, name, test) {
  for (let i = text3.indexOf(name); i !== -1; i = text3.indexOf(name, i + 1)) {
    const before = text3.charCodeAt(i - 1);
    if (isWordChar(before) || before === 46)
      continue;
    const after = i + name.length;
    if (isWordChar(text3.charCodeAt(after)))
      continue;
    if (test(after))
      return true;
  }
  return false;
}
function memberAt(text3, after) {
  if (text3.charCodeAt(after) !== 46)
    return "";
  let j = after + 1;
  while (isWordChar(text3.charCodeAt(j)))
    j++;
  return text3.slice(after + 1, j);
}
function isCallAt(text3, at) {
  let j = at;
  for (let c = text3.charCodeAt(j); c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11; c = text3.charCodeAt(++j))
    ;
  return text3.charCodeAt(j) === 40;
}
var FROM_IMPORT_AT = new RegExp(FROM_IMPORT.source.slice(1), "y");
var PLAIN_IMPORT_AT = new RegExp(PLAIN_IMPORT.source.slice(1), "y");
function launchingDefs(text3) {
  const out = /* @__PURE__ */ new Set();
  if (!apiWordInCode(text3))
    return out;
  for (const b of topLevelBlocks(text3))
    if (b.kind === "def" && handsParameterOn(text3, b.start, b.end))
      out.add(b.name);
  return out;
}
var DEF_PARAMETERS = /^(?:async[ \t]+)?def[ \t]+\w+[ \t]*(?:\[[^\]]*\][ \t]*)?\(([^)]*)\)/;
function handsParameterOn(text3, from, to) {
  const head2 = DEF_PARAMETERS.exec(text3.slice(from, Math.min(to, from + 2e3)));
  if (!head2)
    return false;
  const params = head2[1].split(",").map((p) => p.trim().replace(/^\*+/, "").split(/[:=]/)[0].trim()).filter((p) => /^\w+$/.test(p));
  if (!params.length)
    return false;
  const first = new RegExp(`^[\\w.]*\\s*\\(\\s*(?:list\\(\\s*|\\[\\s*\\*\\s*)?(?:${params.join("|")})\\s*[,)\\]]`);
  for (let i = nextApiWord(text3, from, to); i !== -1; i = nextApiWord(text3, i + 1, to)) {
    if (first.test(text3.slice(i, i + 200)))
      return true;
  }
  return false;
}
function rehome(v, span) {
  switch (v.k) {
    case "str":
      return { k: "str", word: rehomeWord(v.word, span) };
    case "list":
      return { k: "list", items: v.items.map((it) => "value" in it ? { value: rehome(it.value, span) } : { splat: rehome(it.splat, span) }), span };
    case "union":
      return { k: "union", options: v.options.map((o) => rehome(o, span)) };
    case "env":
      return { ...v, span };
    case "unknown":
      return { k: "unknown", span };
    case "func":
      return UNKNOWN;
    default:
      return v;
  }
}
function rehomeWord(w, span) {
  const fragments = w.fragments.map((f) => f.kind === "text" ? { kind: "text", text: f.text } : f.kind === "path-lookup" ? { ...f, span, name: rehomeWord(f.name, span) } : { ...f, span });
  return { fragments, span };
}

// dist/src/kernel/rule.js
function defineRule(rule) {
  return rule;
}

// dist/src/rules/describe.js
function via(site) {
  const parts = [...site.wrappers];
  if (site.viaShell && !parts.some((w) => /-c$/.test(w)))
    parts.unshift("sh");
  return parts.length ? ` (via ${parts.join(" \u2192 ")})` : "";
}
function lookedUpOn(v, site) {
  switch (v.resolution) {
    case "defpath":
      return "looked up on os.defpath (/bin:/usr/bin): env= has no PATH";
    case "sudo": {
      const by = site?.env.path.kind === "reset" ? site.env.path.by : "sudo";
      if (by === "sudo")
        return "looked up on sudo's secure_path, not this venv";
      if (by === "env -i")
        return "looked up on the default path (/bin:/usr/bin): env -i cleared PATH";
      return `looked up on the PATH that ${by} sets, not this venv`;
    }
    default:
      return v.startedBy ? `found on PATH, which has this venv only if activated, and ${v.startedBy}` : "found on PATH, which has this venv only if activated";
  }
}
function originText(o) {
  if (!o)
    return "";
  const how = o.how === "copied" ? "copied in" : o.how === "named" ? "named" : "created";
  return o.where ? ` ${how} ${o.where} (line ${o.line})` : ` ${how} at line ${o.line}`;
}
function meantForPathInterpreter(site, tool) {
  const facts = site.config;
  return !!facts?.sdistBuild || !!facts?.userInstalled && tool !== "console-script";
}
function pipNotMeantForVenv(site, byInterpreter, origin) {
  return installsOnlyTools(site.argv.map((w) => wordText(w))) || !!site.config?.toolPrep || !byInterpreter && !!origin?.withoutPip;
}

// dist/src/rules/bare-console-script.js
var FINDS_SUBCOMMANDS_ON_PATH = /* @__PURE__ */ new Set(["jupyter"]);
var bareConsoleScript = defineRule({
  code: "VG103",
  name: "bare-console-script",
  summary: "A Python console script is started by name and may be another environment's copy",
  fixable: "sometimes",
  judges: "python",
  topic: "console-scripts",
  messages: {
    runModule: 'console script "{{name}}"{{via}} is {{lookup}}; use sys.executable -m {{module}}{{knownFrom}}',
    runBeside: 'console script "{{name}}"{{via}} is {{lookup}}; use the copy beside sys.executable{{knownFrom}}'
  },
  docs: {
    exampleLanguage: "python",
    mentalModel: "A console script such as `pytest` or `celery` is a tiny launcher that pip writes into an environment's `bin/`, with a shebang naming that environment's interpreter. Whichever copy PATH finds first decides which interpreter and which packages run. The venv's own copy sits next to `sys.executable`, and `python -m <module>` reaches the same code through the running interpreter. Reported by default only when nothing in the file shows that it runs with its environment on PATH: a file that sets PATH before the launch, also starts by name a program only its environment provides (`torchserve`), or installs with PATH's `pip` and runs PATH's `python` has its findings held back, and shown without a fix by the opt-in VG106 `path-reliant-launch`; a name next to `sys.executable` in the same function is always reported.",
    example: ["import subprocess", "", 'subprocess.run(["pytest", "--version"])', ""].join("\n"),
    why: 'The name is resolved through PATH, and the script found there runs on the interpreter in its own shebang, not on the caller\'s. Not reported: a tool the code looks up on PATH itself before running it and stops without (`if not shutil.which("ansible"): sys.exit("install ansible")`, then `ansible-playbook`), or runs only inside `if shutil.which(\u2026):`, the look-up held in a name first (`exe = shutil.which("flake8")`, then `if exe is None: return`) or made by the `which` program (`rc = subprocess.call(["which", "cookiecutter"])`, then `if rc == 0:`); the program then treats the tool as one the user installs on PATH, not as a package of its own environment. Nor in a script whose shebang is a system interpreter (`#!/usr/bin/python3`): no venv to escape from.',
    useInstead: ["import subprocess", "import sys", "", 'subprocess.run([sys.executable, "-m", "pytest", "--version"])', ""].join("\n"),
    inRealSystems: "Task runners, test harnesses and worker supervisors call `celery`, `gunicorn`, `pytest` or `black` by name; under systemd, cron or an IDE they pick up a global install or none. See fastapi/typer#408 and python-lsp/python-lsp-server#327.",
    fixSafety: "Always unsafe. `[sys.executable, \"-m\", module]` needs the module to be installed in the running environment and to be runnable with `-m`, and `-m` puts the current directory first on `sys.path`. The program's own name changes too: a command-line parser that names the program after `sys.argv[0]` (argparse does) prints `__main__.py` (Python 3.11 to 3.13 do) instead of the command's name, which breaks a test that compares the usage line (bandit's functional tests). Where no module is known, the fix uses the script beside the interpreter when there is one, else the name on PATH as before (`shutil.which(name, path=os.path.dirname(sys.executable)) or name`; a `pip --user` install or a source checkout keeps its scripts elsewhere); in Python 2 code, and in a project that says it runs on Python 2 too (a Python 2 trove classifier or `python_requires`, `py27` in tox's envlist, 2.7 in `.travis.yml` or in a workflow's `python-version`), since Python 2 has no `shutil.which`, the script beside the interpreter (`os.path.join(os.path.dirname(sys.executable), name)`), which assumes the script is installed in the running environment. In a notebook's shell escape (`!pytest -x`) the fix is `!{sys.executable} -m pytest -x`, with `import sys` added when no cell imports it; without a known module there is none.",
    keyTakeaway: 'Run console scripts as `[sys.executable, "-m", module]` (or from `os.path.dirname(sys.executable)`), not by name.',
    question: "The venv has pytest installed (here a stand-in built by the lab, since the lab has no network). Started as `venv/bin/python broken.py`, which pytest runs?",
    answer: "Not the venv's. Started by its path, the program looks `pytest` up on the service's PATH: a system-wide pytest when one is installed (Debian's python3-pytest, `/usr/bin/pytest`, with the system's interpreter and plugins), or none, and `subprocess.run` raises `FileNotFoundError`. Which of the two depends on the machine \u2014 the lab here saw both on the same day, before and after python3-pytest was installed. In an activated shell it is the venv's.",
    commonMistake: 'Writing the console script\'s full path in the venv (`/srv/app/venv/bin/pytest`): it works until the venv moves or is rebuilt elsewhere, and its shebang still names an absolute interpreter. `[sys.executable, "-m", "pytest"]` follows the program wherever it runs.',
    lab: { venv: "venv", files: { "make_wheel.py": ['"""Builds a stand-in `pytest` wheel (offline): its console script and `python -m pytest` print the prefix they run in."""', "import base64, hashlib, zipfile", "", "files = {", `    "pytest/__init__.py": "import sys\\n\\ndef main():\\n    print('pytest (lab stand-in) in', sys.prefix)\\n",`, '    "pytest/__main__.py": "from pytest import main\\nmain()\\n",', '    "pytest-0.0.0.dist-info/METADATA": "Metadata-Version: 2.1\\nName: pytest\\nVersion: 0.0.0\\n",', '    "pytest-0.0.0.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: lab\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",', '    "pytest-0.0.0.dist-info/entry_points.txt": "[console_scripts]\\npytest = pytest:main\\n",', "}", "record = []", 'with zipfile.ZipFile("pytest-0.0.0-py3-none-any.whl", "w") as z:', "    for name, text in files.items():", "        data = text.encode()", "        z.writestr(name, data)", '        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()', '        record.append(f"{name},sha256={digest},{len(data)}")', '    record.append("pytest-0.0.0.dist-info/RECORD,,")', '    z.writestr("pytest-0.0.0.dist-info/RECORD", "\\n".join(record) + "\\n")', ""].join("\n") }, setup: "venv/bin/python make_wheel.py && venv/bin/python -m pip install --quiet --no-deps pytest-0.0.0-py3-none-any.whl", cases: [
      { example: "broken", situation: "unactivated", claim: { never: ["pytest (lab stand-in) in"] } },
      { example: "broken", situation: "activated", claim: { where: [{ line: "pytest (lab stand-in) in", is: "venv" }], exit: 0 } },
      { example: "broken", situation: "cron", claim: { never: ["pytest (lab stand-in) in"] } },
      { example: "fixed", situation: "unactivated", claim: { where: [{ line: "pytest (lab stand-in) in", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "activated", claim: { where: [{ line: "pytest (lab stand-in) in", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "cron", claim: { where: [{ line: "pytest (lab stand-in) in", is: "venv" }], exit: 0 } }
    ] },
    references: ["https://packaging.python.org/en/latest/specifications/entry-points/", "https://github.com/fastapi/typer/issues/408"]
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.held || verdict.tool !== "console-script" || verdict.resolution === "no-lookup")
      return;
    const data = { name: verdict.name, via: via(site), lookup: lookedUpOn(verdict, site), knownFrom: verdict.source ? `; known from ${verdict.source}` : "" };
    const module = FINDS_SUBCOMMANDS_ON_PATH.has(verdict.name.replace(/\.exe$/i, "")) ? void 0 : verdict.module;
    const beside = {
      title: `Use the ${verdict.name} beside sys.executable when there is one`,
      target: { kind: "interpreter-bin", name: verdict.name, orPath: true },
      reason: `runs the ${verdict.name} of the running interpreter's environment when it has one, which is not the one PATH gave before (when it has none, PATH's as before)`
    };
    ctx.report({
      ...module ? { messageId: "runModule", data: { ...data, module } } : { messageId: "runBeside", data },
      fix: module ? {
        title: `Use sys.executable -m ${module}`,
        target: { kind: "interpreter", module },
        cap: "unsafe",
        reason: `the ${module} module must be installed in the running environment, -m puts the current directory first on sys.path, and a program that names itself after sys.argv[0] (argparse does by default) calls itself __main__.py instead of "${verdict.name}"`,
        // Where `-m` cannot be written in place of the name (a helper that puts it first in
        // its own argv: kolla-ansible's `run_command("ansible-galaxy", args)`), the script itself.
        fallback: beside
      } : { ...beside, cap: "unsafe" }
    });
  }
});

// dist/src/judge/policy.js
import path3 from "node:path";

// dist/src/kernel/test-paths.js
function isTestPath(rel) {
  const parts = rel.split(/[\\/]/);
  const base = parts[parts.length - 1];
  return /^test_.*\.py$|_test\.py$|^conftest\.py$/.test(base) || parts.slice(0, -1).some((d) => /^(?:tests?|testing)$|^test_|_tests?$/.test(d));
}

// dist/src/judge/policy.js
var SYSTEM_COMMANDS = new Set(`sh bash dash zsh ksh fish csh tcsh busybox env sudo su doas nice nohup timeout time xargs exec eval command
  set unset export source . alias unalias read readonly declare typeset local shift trap ulimit umask wait return exit
  getopts hash jobs fg bg builtin let pushd popd dirs shopt history break continue : [ [[ ulimit chdir start-stop-daemon
  ls cp mv rm rmdir mkdir ln chmod chown chgrp touch cat tac head tail less more tee wc sort uniq cut tr sed awk gawk grep egrep fgrep find
  which whereis type echo printf test true false sleep date kill pkill pgrep killall ps top uname hostname whoami id groups
  pwd cd basename dirname realpath readlink stat df du free mount umount sync file diff cmp patch install mktemp yes seq expr
  tar gzip gunzip zip unzip xz bzip2 zstd 7z curl wget rsync scp ssh ssh-keygen sftp ping nc netstat ss ip ifconfig dig host nslookup lsof
  git hg svn make cmake ninja meson gcc g++ cc c++ clang clang++ ld ar strip gdb lldb valgrind pkg-config autoreconf autoconf automake libtool
  apt apt-get apt-cache dpkg yum dnf rpm zypper pacman apk brew port snap flatpak choco winget scoop
  systemctl service journalctl launchctl crontab at logger chroot unshare ldconfig ldd nproc lscpu lspci lsblk nvidia-smi rocm-smi
  docker podman docker-compose buildah kubectl helm minikube kind oc aws gcloud az terraform ansible vagrant
  node npm npx yarn pnpm deno bun java javac mvn gradle go cargo rustc rustup ruby gem bundle perl php dotnet swift R Rscript julia lua
  conda mamba micromamba 2to3 pydoc pydoc3 idle idle3
  open xdg-open osascript defaults pbcopy pbpaste say
  cmd cmd.exe powershell powershell.exe pwsh where where.exe start tasklist taskkill reg setx icacls robocopy xcopy del copy move ren mklink
  ffmpeg ffprobe convert magick gs pandoc latex pdflatex xelatex lualatex dot sqlite3 psql mysql redis-cli mongo openssl gpg
  libreoffice soffice tesseract pdftotext pdftoppm pdfinfo inkscape chromium chromium-browser google-chrome firefox xvfb-run Xvfb`.split(/\s+/));
var judged = /* @__PURE__ */ new WeakMap();
var reliance = /* @__PURE__ */ new WeakMap();
var confirming = /* @__PURE__ */ new WeakMap();
var chains = /* @__PURE__ */ new WeakMap();
function pathChain(facts, judge) {
  let chain = chains.get(facts);
  if (chain === void 0) {
    const judgedSites = facts.sites.map((s) => ({ s, v: judge(s) })).filter((x) => x.v !== void 0 && x.v.resolution === "path");
    const installs = judgedSites.some((x) => x.v.tool === "pip" && x.s.argv.some((w) => wordText(w) === "install"));
    const runs = judgedSites.some((x) => x.v.tool !== "pip");
    chains.set(facts, chain = installs && runs);
  }
  return chain;
}
function rangeAt(ranges, at) {
  return ranges?.find((r) => r.from <= at && at < r.to);
}
function inColabOnlyCode(facts, at) {
  return rangeAt(facts.colabOnly, at) !== void 0 || rangeAt(facts.hostedSetup, at) !== void 0;
}
function functionOf(functions, at) {
  let best;
  for (const f of functions)
    if (f.start <= at && at < f.end && (!best || f.start >= best.start))
      best = f;
  return best;
}
function launchesSysExecutable(s) {
  return s.argv[0]?.fragments.some((f) => f.kind === "sys-executable" || f.kind === "venv-path") ?? false;
}
function environmentProgram(s) {
  if (!s.searchesPath || s.env.path.kind !== "inherited" || s.env.activeVenv !== void 0)
    return void 0;
  const w = s.argv[0];
  const name = w ? wordText(w) : void 0;
  if (!name || !/^[A-Za-z0-9][\w.+-]*$/.test(name))
    return void 0;
  const base = name.replace(/\.exe$/i, "");
  if (SYSTEM_COMMANDS.has(name) || SYSTEM_COMMANDS.has(base) || SELF_MANAGED_TOOLS.has(base))
    return void 0;
  if (isInterpreterName(name) || isPipName(name) || /^(python|pip|pypy)/i.test(base))
    return void 0;
  if (s.env.checkedOnPath?.some((n) => n.replace(/\.exe$/i, "") === base))
    return void 0;
  const args = s.argv.slice(1).map((a) => wordText(a));
  if (args.length === 1 && (args[0] === "--version" || args[0] === "-V" || args[0] === "version"))
    return void 0;
  return name;
}
function reliantLaunches(facts, judgeOne) {
  let found = reliance.get(facts);
  if (!found) {
    found = [];
    for (const s of facts.sites) {
      const name = environmentProgram(s);
      if (name !== void 0 && judgeOne(s) === void 0) {
        found.push({ name, line: s.file.location(s.callSpan.start).line });
        if (found.length >= 50)
          break;
      }
    }
    reliance.set(facts, found);
  }
  return found;
}
function knowsVenv(facts) {
  return facts.sites.some((s) => {
    if (s.argv.some((w) => w.fragments.some((f) => f.kind === "venv-path")))
      return true;
    const words2 = s.argv.map((w) => wordText(w));
    const base = (words2[0] ?? "").replace(/^.*[\\/]/, "");
    if (base === "virtualenv" || base === "uv" && words2[1] === "venv")
      return true;
    return words2.some((w, i) => w === "-m" && (words2[i + 1] === "venv" || words2[i + 1] === "virtualenv"));
  });
}
function sameTool(module, name) {
  const norm = (x) => x.replace(/\.exe$/i, "").replace(/_/g, "-").toLowerCase();
  return norm(module) === norm(name);
}
function moduleFallbackAt(facts, at, tool) {
  return rangeAt(facts?.moduleFallbacks?.filter((f) => sameTool(f.module, tool)), at);
}
function projectPath(p) {
  const rel = path3.relative(process.cwd(), p);
  return rel && !rel.startsWith("..") && !path3.isAbsolute(rel) ? rel : p;
}
var VENDORED = /(?:^|[\\/])(?:(?:_vendor(?:ed)?|vendored|third[-_]?party|3rdparty)[\\/]|vendor[\\/][^\\/]+[\\/])/i;
var OWN_SCRIPT = /^pyproject \[(?:project\.(?:gui-)?scripts|tool\.poetry\.scripts)\]$/;
var TEST_DATA = /(?:^|[\\/])(?:tests?[\\/]data|testdata|test[-_]data)[\\/]/i;
function applyPolicy(site, verdict, judgeOne) {
  const facts = site.pythonFile;
  if (facts && verdict.resolution === "sudo" && verdict.tool !== "pip") {
    const at2 = site.callSpan.start;
    const chain = rangeAt(facts.sudoInstalls, at2);
    if (chain)
      return { ...verdict, held: { signal: "sudo-chain", reason: `this ${chain.to - chain.from < site.file.text.length ? "class" : "file"} installs with pip through sudo (line ${chain.line}), so sudo's secure_path finds the interpreter those packages went to` } };
  }
  if (!facts || verdict.resolution !== "path")
    return verdict;
  let cache3 = judged.get(facts);
  if (!cache3)
    judged.set(facts, cache3 = /* @__PURE__ */ new Map());
  const judge = (s) => {
    if (!cache3.has(s))
      cache3.set(s, judgeOne(s));
    return cache3.get(s);
  };
  const where = projectPath(site.file.path);
  if (VENDORED.test(where))
    return { ...verdict, held: { signal: "vendored", reason: "this file is a vendored copy of another project (its folder says so), not code this project runs as its own" } };
  if (TEST_DATA.test(where))
    return { ...verdict, held: { signal: "test-data", reason: "this file is test data (its folder says so), input the tests read rather than code the project runs" } };
  if (facts.hostApp)
    return { ...verdict, held: { signal: "host-app", reason: `this file runs inside ${facts.hostApp} (its imports say so), whose embedded Python has no venv: a program it starts by name is PATH's on purpose, and sys.executable would start ${facts.hostApp}` } };
  if (facts.condaWorkflow)
    return { ...verdict, held: { signal: "conda-workflow", reason: `the project is no installable package and its README activates a conda environment (${facts.condaWorkflow.file}:${facts.condaWorkflow.line}) and names no venv: its scripts run there, where PATH's python is that environment's` } };
  if (facts.python2Only)
    return { ...verdict, held: { signal: "python2", reason: `this file is Python 2 code (line ${facts.python2Only}) in a project whose other code is Python 3 only, so no venv of the project runs it` } };
  const at = site.callSpan.start;
  const shipped = rangeAt(facts.shipped, at);
  if (shipped)
    return { ...verdict, held: { signal: "shipped", reason: `${shipped.why}, whose Python is the one on PATH there: no venv of this project is in it` } };
  const set = rangeAt(facts.pathSets, at);
  if (set)
    return { ...verdict, held: { signal: "path-set", reason: "the program sets PATH itself before this launch" } };
  if (facts.startedBy?.pathSet)
    return { ...verdict, held: { signal: "path-set", reason: facts.startedBy.pathSet } };
  const setup = rangeAt(facts.hostedSetup, at);
  if (setup) {
    return { ...verdict, held: { signal: "colab", reason: `cell ${setup.cell} is tagged ${setup.tag}, so the project's own runs of the notebook skip it: it is setup for the hosted runtime the notebook opens in (Google Colab or Kaggle), where the runtime's only Python is the one on PATH` } };
  }
  if (inColabOnlyCode(facts, at)) {
    return { ...verdict, held: { signal: "colab", reason: "this launch runs only in Google Colab or on Kaggle (its `if` tests for it), where the runtime's only Python is the one on PATH" } };
  }
  if (rangeAt(facts.mocked, at)) {
    return { ...verdict, held: { signal: "mocked", reason: "the launch API is replaced by a mock here (a test), so this call starts nothing" } };
  }
  const written = wordSourceSpan(site.argv[0]);
  const absent = written && site.argv[0].fragments.length === 1 ? rangeAt(facts.venvAbsent, written.start) : void 0;
  if (absent) {
    return { ...verdict, held: { signal: "venv-absent", reason: `this name is chosen only when the venv the test on line ${absent.line} looks for is not there, where PATH's interpreter is the one meant` } };
  }
  const tested = written && site.argv[0].fragments.length === 1 ? rangeAt(facts.executableTested, written.start) : void 0;
  if (tested) {
    return { ...verdict, held: { signal: "fallback", reason: `this name is chosen by the test of sys.executable on line ${tested.line} (a frozen program's sys.executable is the program itself), so PATH's is the one meant` } };
  }
  const fallback = written && verdict.tool === "console-script" ? moduleFallbackAt(facts, written.start, verdict.name) : void 0;
  if (fallback) {
    return { ...verdict, held: { signal: "fallback", reason: `this name is the fallback for when the branch above does not run "${fallback.module}" as a module of this interpreter (line ${fallback.line}), so PATH's is the one meant` } };
  }
  const activated = rangeAt(facts.activatedOnly, at);
  if (activated) {
    return { ...verdict, held: { signal: "activation-required", reason: `this launch runs only in an activated environment (the test on line ${activated.line}), whose bin is first on PATH` } };
  }
  const declared = facts.declaredVenv;
  if (declared) {
    return { ...verdict, held: { signal: "declared-venv", reason: `the file says it runs inside an activated virtualenv (line ${declared.line}), where PATH's python, pip and console scripts are that environment's` } };
  }
  const says2 = facts.declaredOnPath;
  if (says2 && (says2.words.includes(verdict.name) || says2.words.includes(verdict.name.replace(/\.exe$/i, "")))) {
    return { ...verdict, held: { signal: "declared-path", reason: `the file says it expects "${verdict.name}" on PATH (line ${says2.line}), so it means the one PATH has` } };
  }
  const lookedUpAt = verdict.tool === "console-script" ? facts.lookedUp?.get(verdict.name) ?? facts.lookedUp?.get(verdict.name.replace(/\.exe$/i, "")) : void 0;
  if (lookedUpAt !== void 0) {
    return { ...verdict, held: { signal: "looked-up", reason: `this file looks "${verdict.name}" up on PATH itself (line ${lookedUpAt}), so it means the one PATH has` } };
  }
  if (facts.notebook) {
    if (facts.colab) {
      const made = facts.colab === "saved" ? "was saved from Google Colab" : "is written for Google Colab (its cells use Colab's form fields, #@title or #@param)";
      return { ...verdict, held: { signal: "colab", reason: `the notebook ${made}, where the kernel is the runtime's only Python and PATH's pip and python are its own` } };
    }
    if (facts.kaggle)
      return { ...verdict, held: { signal: "kaggle", reason: "the notebook was saved from Kaggle, whose image's Python is the kernel and the one PATH finds" } };
    if (facts.kernelStdlibOnly && pathChain(facts, judge)) {
      return { ...verdict, held: { signal: "path-chain", reason: "this notebook's own code imports only the standard library, and its shell lines install with pip from PATH and run Python tools from PATH, so both are the same environment" } };
    }
    if (facts.startedBy?.byPath)
      return { ...verdict, startedBy: facts.startedBy.byPath };
    const runner = facts.startedBy?.onPath;
    if (runner)
      return { ...verdict, held: { signal: "started-on-path", reason: `${runner}, so its kernel is that program's Python and a name a cell starts is found on the same PATH` } };
    return verdict;
  }
  let confirmed = confirming.get(facts);
  if (!confirmed) {
    confirmed = /* @__PURE__ */ new Map();
    for (const s of facts.sites.filter(launchesSysExecutable)) {
      const fn = functionOf(facts.functions, s.callSpan.start);
      const held = confirmed.get(fn);
      if (held)
        held.push(s);
      else
        confirmed.set(fn, [s]);
    }
    confirming.set(facts, confirmed);
  }
  const byPath = facts.startedBy?.byPath;
  if (confirmed.size && confirmed.get(functionOf(facts.functions, at))?.some((s) => s !== site))
    return byPath ? { ...verdict, startedBy: byPath } : verdict;
  if (verdict.tool === "console-script" && OWN_SCRIPT.test(verdict.source ?? "") && isTestPath(where)) {
    return { ...verdict, held: { signal: "own-cli-test", reason: `this test runs the project's own command "${verdict.name}" (${verdict.source}) as its users do: a test run has the project installed in the environment on PATH` } };
  }
  const testsOnly = facts.startedBy?.testsOnly;
  if (testsOnly && verdict.tool === "console-script" && OWN_SCRIPT.test(verdict.source ?? "")) {
    return { ...verdict, held: { signal: "own-cli-test", reason: `${testsOnly}, and it runs the project's own command "${verdict.name}" (${verdict.source}) as its users do: a test run has the project installed in the environment on PATH` } };
  }
  const reliant = reliantLaunches(facts, judge)[0];
  if (reliant) {
    return { ...verdict, held: { signal: "path-reliant", reason: `this file also starts "${reliant.name}" by name (line ${reliant.line}), which only its environment on PATH provides` } };
  }
  const imported = facts.startedBy?.imports;
  if (imported)
    return { ...verdict, held: { signal: "path-reliant", reason: `${imported}, which only its environment on PATH provides` } };
  if (facts.taskRunner && !/\.sudo$/.test(site.api) && !site.wrappers.includes("sudo") && !knowsVenv(facts)) {
    const command2 = facts.taskRunner === "invoke" ? '"invoke" (or "inv")' : '"fab"';
    return { ...verdict, held: { signal: "task-runner", reason: `this file defines ${facts.taskRunner} tasks, which run inside ${command2} found on PATH, so a name they start is found on the same PATH as the task runner` } };
  }
  if (confirmed.size === 0 && pathChain(facts, judge)) {
    return { ...verdict, held: { signal: "path-chain", reason: "this file installs with pip from PATH and runs Python tools from PATH, so both are the same environment" } };
  }
  if (byPath)
    return { ...verdict, startedBy: byPath };
  const onPath = facts.startedBy?.onPath;
  if (onPath)
    return { ...verdict, held: { signal: "started-on-path", reason: `${onPath}, so a name it starts is found on the same PATH as its own interpreter` } };
  return verdict;
}

// dist/src/rules/bare-pip.js
var M_PIP_REASON = "`python -m pip` puts the current directory first on sys.path, so a local pip.py or pip/ folder would shadow pip";
var PIP_EFFECTS = [
  [/^install$/, "installs into another environment"],
  [/^uninstall$/, "uninstalls from another environment"],
  [/^(list|freeze|show|check|inspect)$/, "reads another environment's packages"],
  [/^(download|wheel|lock)$/, "resolves packages for another environment's Python"]
];
function pipEffect(args) {
  if (args.some((a) => a !== void 0 && /^(?:--(?:path|target|prefix|root)(?:=.*)?|-t)$/.test(a)))
    return "runs another environment's pip";
  const command2 = args.find((a) => a === void 0 || !a.startsWith("-"));
  return PIP_EFFECTS.find(([re]) => command2 !== void 0 && re.test(command2))?.[1] ?? "runs another environment's pip";
}
var barePip = defineRule({
  code: "VG102",
  name: "bare-pip",
  summary: "pip is started by name and installs into whatever environment PATH finds first",
  fixable: "sometimes",
  judges: "python",
  topic: "pip",
  messages: {
    pipOfInterpreter: '"{{name}} -m pip"{{via}} runs the pip of the interpreter {{lookup}}; use {{instead}}',
    barePip: '"{{name}}"{{via}} is {{lookup}}, so it {{effect}}; use {{instead}}'
  },
  docs: {
    exampleLanguage: "python",
    mentalModel: "Every environment has its own pip, and each pip installs into the environment of the interpreter it runs on. `pip` by name is whichever pip script comes first on PATH \u2014 which is this venv's only while the venv is activated. `python -m pip` with `sys.executable` always means \"pip of the interpreter running now\". Reported by default only when nothing in the file shows that it runs with its environment on PATH: a file that sets PATH before the launch, also starts by name a program only its environment provides (`torchserve`), or installs with PATH's `pip` and runs PATH's `python` has its findings held back, and shown without a fix by the opt-in VG106 `path-reliant-launch`; a name next to `sys.executable` in the same function is always reported.",
    example: ["import subprocess", "import sys", "", 'print("parent:", sys.prefix, flush=True)', 'subprocess.run(["pip", "--version"])', ""].join("\n"),
    why: "The `pip` script is found through PATH like any program. Its shebang names the interpreter it belongs to, so an `install` lands in that interpreter's site-packages, not in the venv the caller runs in. The call succeeds, the build stays green, and the import fails later.",
    useInstead: ["import subprocess", "import sys", "", 'print("parent:", sys.prefix, flush=True)', 'subprocess.run([sys.executable, "-m", "pip", "--version"])', ""].join("\n"),
    inRealSystems: "Build scripts, setup helpers and plugin installers run `pip install` from code started by a non-activated venv (a CI step, a Dockerfile RUN line, a systemd service). Packages go to the system or user site; the venv never gets them. See pypa/pip#1408 and opendr-io/opendr#106. In a Jupyter notebook, `!pip install pandas` is the same launch: the kernel is started by its interpreter's path and the escape runs the `pip` first on the Jupyter server's PATH, so the cell succeeds and `import pandas` fails in the kernel; IPython added the `%pip` magic for this. Notebook escapes (`!`, `!!`, `%system`, `%%bash` cells) are judged by this rule.",
    fixSafety: '`["pip", \u2026]` \u2192 `[sys.executable, "-m", "pip", \u2026]` is unsafe: `-m` puts the current directory first on `sys.path`, so a `pip.py` or `pip/` there would be imported instead of pip, and `sys.executable` may be empty in embedded interpreters; a file that tests whether it runs frozen (`sys.frozen`, `sys._MEIPASS`: a PyInstaller bundle, whose `sys.executable` is the bundled program) gets no fix, nor does a `pip` written in the `elif`/`else` of an `if` whose first branch runs `sys.executable -m pip` (`if find_spec("pip"):`), where the interpreter has no pip module: pip\'s own `--python` option is advised there. When the code already says `python -m pip`, only the interpreter is replaced, which is safe. In a notebook the fix is IPython\'s `%pip` magic (`!pip install x` \u2192 `%pip install x`, which runs the kernel\'s `sys.executable -m pip` with the rest of the line), unsafe for `pip` for the same `-m` reason and safe for `!python -m pip`; where `%pip` cannot take the line (`x = !pip freeze`, `!cd lib && pip install -e .`) it is `{sys.executable} -m pip`, unsafe because IPython substitutes the path unquoted.',
    keyTakeaway: 'Install with `[sys.executable, "-m", "pip", \u2026]`, never with `pip` by name.',
    question: "`broken.py` runs `pip --version`, which names the environment pip belongs to. Started as `venv/bin/python broken.py`, which pip answers?",
    answer: "The system's. Without activation PATH has no venv, so `pip` is the first one on the service's PATH: Debian's `/usr/bin/pip`, from `/usr/lib/python3/dist-packages`, which installs into the system Python (or refuses, under PEP 668). Only in an activated shell is it the venv's.",
    commonMistake: 'Replacing `pip` with `pip3` or `python3 -m pip`: both are still found on PATH. The running interpreter is `sys.executable`; `[sys.executable, "-m", "pip", \u2026]` is the venv\'s pip wherever the program is started from.',
    lab: { venv: "venv", cases: [
      { example: "broken", situation: "unactivated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "pip ", is: "outside" }], exit: 0 } },
      { example: "broken", situation: "activated", claim: { where: [{ line: "pip ", is: "venv" }], exit: 0 } },
      { example: "broken", situation: "cron", claim: { where: [{ line: "pip ", is: "outside" }], exit: 0 } },
      { example: "fixed", situation: "unactivated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "pip ", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "activated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "pip ", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "cron", claim: { where: [{ line: "parent:", is: "venv" }, { line: "pip ", is: "venv" }], exit: 0 } }
    ] },
    references: ["https://pip.pypa.io/en/stable/user_guide/#running-pip", "https://github.com/pypa/pip/issues/1408", "https://docs.python.org/3/library/sys.html#sys.executable"]
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.held || verdict.tool !== "pip" || verdict.resolution === "system-path" || verdict.resolution === "no-lookup")
      return;
    const viaInterpreter = isInterpreterName(verdict.name);
    const written = wordSourceSpan(site.argv[0]);
    const noPipHere = !!written && !!moduleFallbackAt(site.pythonFile, written.start, "pip");
    const fix2 = verdict.name.endsWith("\u2026") || noPipHere ? void 0 : viaInterpreter ? { title: "Use sys.executable", target: { kind: "interpreter" } } : { title: "Use sys.executable -m pip", target: { kind: "interpreter", module: "pip" }, cap: "unsafe", reason: M_PIP_REASON };
    const instead = noPipHere ? "pip's --python option with sys.executable (this branch runs where the interpreter has no pip module)" : site.language === "python" && /^[!%]/.test(site.api) ? "%pip" : "sys.executable -m pip";
    const data = { name: verdict.name, via: via(site), lookup: lookedUpOn(verdict, site), instead };
    if (viaInterpreter)
      ctx.report({ messageId: "pipOfInterpreter", data, fix: fix2 });
    else
      ctx.report({ messageId: "barePip", data: { ...data, effect: pipEffect(site.argv.slice(1).map(wordText)) }, fix: fix2 });
  }
});

// dist/src/rules/bare-python-interpreter.js
var barePythonInterpreter = defineRule({
  code: "VG101",
  name: "bare-python-interpreter",
  summary: "A Python interpreter is started by name and found on PATH, outside the running venv",
  fixable: "sometimes",
  judges: "python",
  topic: "interpreters",
  messages: {
    bareInterpreter: '"{{name}}"{{via}} is {{lookup}}; start sys.executable instead'
  },
  docs: {
    exampleLanguage: "python",
    mentalModel: "A venv is a folder, not a state of the machine. Running `venv/bin/python` makes that process's `sys.prefix` the venv, but it does not change `PATH`; only `activate` does that, and only in the shell that sourced it. When the program then starts `python` by name, the operating system walks `PATH` and takes the first `python` it finds: the system interpreter, a pyenv shim, or nothing. `sys.executable` is the interpreter that is running now \u2014 the venv's. Reported by default only when nothing in the file shows that it runs with its environment on PATH: a file that sets PATH before the launch, also starts by name a program only its environment provides (`torchserve`), or installs with PATH's `pip` and runs PATH's `python` has its findings held back, and shown without a fix by the opt-in VG106 `path-reliant-launch`; a name next to `sys.executable` in the same function is always reported.",
    example: ["import subprocess", "import sys", "", 'print("parent:", sys.prefix, flush=True)', 'subprocess.run(["python3", "child.py"])', ""].join("\n"),
    why: "`subprocess` (like `execvp` and `/bin/sh`) resolves a program name without a slash through `PATH`. The parent was started by path, so nothing put the venv's `bin` on `PATH`; the lookup finds whatever the service manager, cron, CI step or IDE put there. Not reported: a name that asks for a version the program was given (`f\"python{v.major}.{v.minor}\"` from an argument, as `poetry env remove 3.11` builds `python3.11`), since another interpreter is wanted on purpose (a version read from `sys.version_info` still means this one), or another major version than the file's shebang asks for (`python3` from a `#!/usr/bin/env python2` script); and a script whose shebang is a system interpreter (`#!/usr/bin/python3`), which runs outside any venv, so PATH's python is the same environment.",
    useInstead: ["import subprocess", "import sys", "", 'print("parent:", sys.prefix, flush=True)', 'subprocess.run([sys.executable, "child.py"])', ""].join("\n"),
    inRealSystems: "systemd units and cron jobs start `/srv/app/venv/bin/python app.py` without activation; Celery workers, IDE run buttons and Jupyter kernels do the same. Each child `python` then runs with other packages (or fails with exit 127 from `sh: python: not found`, often ignored). Reported in pre-commit/pre-commit#146, jupyterhub/jupyterhub#630 and apache/beam#962.",
    fixSafety: 'Replacing an unversioned `python`/`python3` in a list argv with `sys.executable` is safe: wherever this bug matters the running interpreter is the one intended. It is unsafe when the name asks for a specific version (`python2`, `python3.8`) or the launcher `py`, since `sys.executable` may be another version; when the name comes from a constant defined outside the call (other code may use it); and in embedded interpreters, where `sys.executable` can be empty or the host program. A file that tests whether it runs frozen (`getattr(sys, "frozen", False)`, `sys._MEIPASS`: a PyInstaller bundle, whose `sys.executable` is the bundled program) gets no fix. Shell strings are rewritten with `shlex.quote(sys.executable)` (`pipes.quote` in Python 2 code; none at all in other code of a project that says it runs on Python 2 too, where `shlex.quote` is missing and `pipes` is gone from Python 3.13) in place of the whole shell word, quotes included (`"python" x` becomes `shlex.quote(sys.executable) + \' x\'`), with the path\'s own `%` or braces doubled when the string is formatted afterwards with `%` or `.format`, so any interpreter path comes out as is. Where the code may also run on Windows (the file tells platforms apart or names Windows, or the project tests on a Windows runner or declares a Windows classifier), the string goes to cmd.exe there, which does not read POSIX quotes: the path is quoted for each platform\'s shell, `(subprocess.list2cmdline([sys.executable]) if os.name == "nt" else shlex.quote(sys.executable))`, and `os.system`, which hands cmd.exe the string without the outer quotes `shell=True` adds (so a quoted path loses its quotes when the command holds others), gets no fix. A word with an escape, or one inside a nested shell\'s quotes (`bash -c "python x"`), gets no fix. In a notebook\'s shell escape (`!python train.py`) the fix is `!{sys.executable} train.py`, as the IPython docs write it, with `import sys` added to the first code cell when no cell imports it: unsafe, since IPython substitutes the path unquoted (a path with spaces would be split), and not offered where IPython may not expand the line (another `{\u2026}` or a `$`) or in a `%%bash` cell, whose body it does not expand.',
    keyTakeaway: "Never start `python` by name from Python: start `sys.executable`.",
    question: "`broken.py` is started as `venv/bin/python broken.py`, and `child.py` prints its own `sys.prefix`. Does the child run in the venv? Does the answer change in an activated shell, or under cron?",
    answer: "Only in the activated shell. Started by its path, as a service is, the parent runs in the venv and its child does not: `python3` is looked up on the service's PATH and is the system's (`child: /usr` on Debian), with the system's packages. In a shell that sourced `activate` the child is the venv's, which is why the bug survives testing by hand.",
    commonMistake: "Testing it from an activated shell (or an IDE terminal that activates the venv) and concluding it works: there PATH's `python3` is the venv's. The other mistake is the half-fix `shutil.which(\"python3\")`, which asks the same PATH the same question.",
    lab: { venv: "venv", files: { "child.py": ["import sys", 'print("child:", sys.prefix)', ""].join("\n") }, cases: [
      { example: "broken", situation: "unactivated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "outside" }], exit: 0 } },
      { example: "broken", situation: "activated", claim: { where: [{ line: "child:", is: "venv" }], exit: 0 } },
      { example: "broken", situation: "cron", claim: { where: [{ line: "child:", is: "outside" }], exit: 0 } },
      { example: "fixed", situation: "unactivated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "activated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "cron", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "venv" }], exit: 0 } }
    ] },
    references: [
      "https://docs.python.org/3/library/sys.html#sys.executable",
      "https://docs.python.org/3/library/venv.html#how-venvs-work",
      "https://github.com/pre-commit/pre-commit/issues/146"
    ]
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.held || verdict.tool !== "interpreter" || verdict.resolution === "system-path" || verdict.resolution === "no-lookup")
      return;
    const versioned = /\d/.test(verdict.name) && !/^python3?(\.exe)?$/i.test(verdict.name);
    const launcher = /^py(\.exe)?$/i.test(verdict.name);
    const partial = verdict.name.endsWith("\u2026");
    const first = site.argv[1] === void 0 ? "" : wordText(site.argv[1]);
    const selector = launcher && (first === void 0 || /^-(\d|V:)/.test(first));
    ctx.report({
      messageId: "bareInterpreter",
      data: { name: verdict.name, via: via(site), lookup: lookedUpOn(verdict, site) },
      fix: partial || selector ? void 0 : {
        title: "Use sys.executable",
        target: { kind: "interpreter" },
        cap: versioned || launcher ? "unsafe" : void 0,
        reason: versioned || launcher ? `sys.executable may not be the version "${verdict.name}" asks for` : void 0
      }
    });
  }
});

// dist/src/rules/env-without-path.js
var envWithoutPath = defineRule({
  code: "VG105",
  name: "env-without-path",
  summary: "A Python tool is started by name with an env= that has no PATH, so /bin:/usr/bin is searched",
  fixable: "never",
  judges: "python",
  topic: "services",
  messages: {
    noPath: 'env= has no PATH, so "{{name}}" is looked up on os.defpath (/bin:/usr/bin); copy os.environ into it or add PATH'
  },
  docs: {
    exampleLanguage: "python",
    mentalModel: "Passing `env=` replaces the whole environment of the child. When that mapping has no `PATH`, `subprocess` and `os.execvpe` look the program up on `os.defpath` \u2014 `/bin:/usr/bin` on POSIX \u2014 so a bare `python` or `pip` is the system one even when the caller's PATH was right.",
    example: ["import subprocess", "import sys", "", 'print("parent:", sys.prefix, flush=True)', 'subprocess.run(["python3", "child.py"], env={"LANG": "C.UTF-8"})', ""].join("\n"),
    why: '`os.get_exec_path(env)` returns `env["PATH"]` split on `:`, or `os.defpath` when the key is missing; the lookup never sees the parent\'s PATH.',
    useInstead: ["import os", "import subprocess", "import sys", "", 'print("parent:", sys.prefix, flush=True)', 'subprocess.run([sys.executable, "child.py"], env={**os.environ, "LANG": "C.UTF-8"})', ""].join("\n"),
    inRealSystems: 'Test helpers and sandboxes pass a minimal `env={"HOME": \u2026}` for isolation; the launched `python` silently becomes `/usr/bin/python3`, and in images without it the call fails with FileNotFoundError.',
    fixSafety: "No automatic fix: whether to extend `os.environ` or to pass an explicit PATH is a decision about isolation. Start `sys.executable` (VG101) and add `PATH` to the mapping if the child starts tools itself.",
    keyTakeaway: "An `env=` without PATH means `/bin:/usr/bin`: start `sys.executable`, or copy `os.environ`.",
    question: '`broken.py` passes `env={"LANG": "C.UTF-8"}` to the child. Run inside an activated shell, where `python3` is the venv\'s, which `python3` starts?',
    answer: "The system's, even there. `env=` replaces the whole environment, so the child's lookup has no PATH and uses `os.defpath` (`/bin:/usr/bin`): `child:  /usr` in every situation.",
    commonMistake: 'Adding `PATH` by hand (`env={"PATH": "/usr/bin", \u2026}`) to silence the problem: the lookup then follows that PATH, still outside the venv. Start from `os.environ` (`{**os.environ, "LANG": "C.UTF-8"}`) and start `sys.executable`.',
    lab: { venv: "venv", files: { "child.py": ["import sys", 'print("child:", sys.prefix)', ""].join("\n") }, cases: [
      { example: "broken", situation: "unactivated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "outside" }], exit: 0 } },
      { example: "broken", situation: "activated", claim: { where: [{ line: "child:", is: "outside" }], exit: 0 } },
      { example: "broken", situation: "cron", claim: { where: [{ line: "child:", is: "outside" }], exit: 0 } },
      { example: "fixed", situation: "unactivated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "activated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "cron", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "venv" }], exit: 0 } }
    ] },
    references: ["https://docs.python.org/3/library/os.html#os.get_exec_path", "https://docs.python.org/3/library/subprocess.html#subprocess.Popen"]
  },
  check(site, verdict, ctx) {
    if (!verdict || site.env.path.kind !== "missing" || verdict.resolution === "system-path" || verdict.resolution === "no-lookup")
      return;
    ctx.report({
      messageId: "noPath",
      data: { name: verdict.name },
      span: site.env.path.span,
      related: verdict.programSpan ? [{ message: `"${verdict.name}" is started here`, span: verdict.programSpan }] : void 0
    });
  }
});

// dist/src/rules/path-reliant-launch.js
var TOOL = { interpreter: "interpreter", pip: "pip", "console-script": "console script" };
var pathReliantLaunch = defineRule({
  code: "VG106",
  name: "path-reliant-launch",
  summary: "A Python tool is started by name in a file that relies on its environment being on PATH (opt-in)",
  fixable: "never",
  judges: "python",
  topic: "interpreters",
  optIn: true,
  messages: {
    held: `the {{tool}} "{{name}}"{{via}} is found on PATH, not shown by default because {{reason}}; if this file can run without its environment on PATH, start sys.executable (or the venv's path) for all of its launches together`
  },
  docs: {
    exampleLanguage: "python",
    mentalModel: "VG101\u2013VG103 report a Python tool started by name only when nothing in the file shows that it runs with its environment on PATH. Some files show it themselves: they also start, by name, a program that only their environment provides (`torchserve`, `locust`, the project's own command), or they install with PATH's `pip` and then run PATH's `python`, or they set `PATH` before the launch. In every run where such a file works at all, PATH holds its environment, and `python` found there is that environment's. This rule shows those launches anyway, for a project that wants every file to work without activation.",
    example: ["import subprocess", "", 'subprocess.run(["pip", "install", "--quiet", "-r", "requirements.txt"], check=True)', 'subprocess.run(["python3", "app.py"], check=True)', ""].join("\n"),
    why: "A name is looked up on PATH at each launch. When every Python tool the file starts comes from PATH, or the file needs a program only its environment has, the file already depends on PATH holding that environment; the names then resolve consistently, and what to change is how the file is started (activated, `tox`, `uv run`, an image with `ENV PATH`), or all of its launches at once.",
    useInstead: ["import subprocess", "import sys", "", 'subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "-r", "requirements.txt"], check=True)', 'subprocess.run([sys.executable, "app.py"], check=True)', ""].join("\n"),
    inRealSystems: "Benchmark and test drivers that install a server with `pip` and start it by its console script (`torchserve --start`), then run helper scripts with `python`; release scripts run by tox or nox, which put the environment's `bin` first on PATH; tests that set `PATH` to a venv they just made. Reviewed on 43 repositories nobody had tuned to, such findings were false in almost every case: the file could not run without its environment on PATH anyway.",
    fixSafety: "No fix is offered: changing one launch of such a file splits what works today (an install with PATH's pip and a run with sys.executable reach two environments). Change all of the file's launches together, or how the file is started.",
    keyTakeaway: "A file that relies on PATH for one tool of its environment relies on it for all of them: fix them together, or start the file with its environment on PATH.",
    question: "`broken.py` installs its requirements with PATH's `pip`, then runs `app.py` with PATH's `python3`. Started by the venv's path, where do the packages go and which Python runs?",
    answer: "Neither is the venv's. On Debian the service PATH's `pip` is the system's, which refuses to install (`externally-managed-environment`, PEP 668) and `check=True` stops the program; where the system pip does install, the packages land outside the venv, and `python3` is the system's too. In an activated shell both are the venv's, and the program works.",
    commonMistake: "Fixing one of the two: replacing only `python3` with `sys.executable` runs the venv while packages go elsewhere; replacing only `pip` installs into the venv and runs another Python. Change both, or make PATH carry the venv.",
    lab: { venv: "venv", files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join("\n"), "app.py": ["import sys", 'print("python:", sys.prefix)', ""].join("\n") }, cases: [
      { example: "broken", situation: "unactivated", claim: { says: ["externally-managed-environment"], exit: 1 } },
      { example: "broken", situation: "activated", claim: { where: [{ line: "python:", is: "venv" }], exit: 0 } },
      { example: "broken", situation: "cron", claim: { says: ["externally-managed-environment"], exit: 1 } },
      { example: "fixed", situation: "unactivated", claim: { where: [{ line: "python:", is: "venv" }], never: ["externally-managed-environment"], exit: 0 } },
      { example: "fixed", situation: "activated", claim: { where: [{ line: "python:", is: "venv" }], never: ["externally-managed-environment"], exit: 0 } },
      { example: "fixed", situation: "cron", claim: { where: [{ line: "python:", is: "venv" }], never: ["externally-managed-environment"], exit: 0 } }
    ] },
    references: ["https://docs.python.org/3/library/sys.html#sys.executable", "https://docs.python.org/3/library/venv.html#how-venvs-work"]
  },
  check(site, verdict, ctx) {
    if (!verdict?.held)
      return;
    ctx.report({ messageId: "held", data: { tool: TOOL[verdict.tool], name: verdict.name, via: via(site), reason: verdict.held.reason } });
  }
});

// dist/src/rules/name-not-looked-up.js
function failureOf(site) {
  const api = site.api;
  if (api.startsWith("multiprocessing."))
    return "every child the spawn start method starts exits with code 255 and no message (forkserver: BrokenPipeError)";
  if (/^os\.spawn/.test(api))
    return `${api} returns 127 (P_WAIT) without raising`;
  return `${api} raises FileNotFoundError`;
}
var nameNotLookedUp = defineRule({
  code: "VG107",
  name: "name-not-looked-up",
  summary: "A Python tool is given by name to an API that does not search PATH (os.execv, os.spawnv, multiprocessing.set_executable), so the launch fails",
  fixable: "sometimes",
  judges: "python",
  topic: "interpreters",
  messages: {
    notLookedUp: '"{{name}}" is given to {{api}}, which does not search PATH: it means ./{{name}} in the current folder, so {{failure}}; start sys.executable (or a full path) instead'
  },
  docs: {
    exampleLanguage: "python",
    mentalModel: 'Only the `p` variants of the exec and spawn families (`os.execvp`, `os.spawnlp`, `os.posix_spawnp`), `subprocess` and the shell search `PATH` for a bare program name. `os.execv`, `os.execl`, `os.execve`, `os.spawnv`, `os.spawnl`, `os.posix_spawn` and `multiprocessing.set_executable` take the name as a path: `"python"` is `./python` in the current folder. There is normally no such file, so the launch neither escapes the venv nor runs the venv\'s interpreter \u2014 it does not run at all, and with `os.spawnv` and multiprocessing the failure is silent.',
    example: [
      "import multiprocessing",
      "import sys",
      "",
      "",
      "def work():",
      '    print("child:", sys.prefix, flush=True)',
      "",
      "",
      'if __name__ == "__main__":',
      '    multiprocessing.set_start_method("spawn")',
      '    multiprocessing.set_executable("python")',
      "    p = multiprocessing.Process(target=work)",
      "    p.start()",
      "    p.join()",
      '    print("exit code:", p.exitcode, flush=True)',
      ""
    ].join("\n"),
    why: "`multiprocessing.util.spawnv_passfds` hands the executable to `_posixsubprocess.fork_exec` as the only path to try, and the forked child exits with 255 when that exec fails; the forkserver start method dies the same way and the parent gets BrokenPipeError. `os.execv` calls execv(2), which takes a path, and raises FileNotFoundError; `os.spawnv` returns 127 from a child whose exec failed. The `p` variants call `os.get_exec_path()` first; these do not.",
    useInstead: [
      "import multiprocessing",
      "import sys",
      "",
      "",
      "def work():",
      '    print("child:", sys.prefix, flush=True)',
      "",
      "",
      'if __name__ == "__main__":',
      '    multiprocessing.set_start_method("spawn")',
      "    multiprocessing.set_executable(sys.executable)",
      "    p = multiprocessing.Process(target=work)",
      "    p.start()",
      "    p.join()",
      '    print("exit code:", p.exitcode, flush=True)',
      ""
    ].join("\n"),
    inRealSystems: 'multiprocessing uses spawn by default on Windows and macOS, and forkserver on Linux from Python 3.14, so a `set_executable("python")` that was harmless under fork starts failing after an upgrade or on another platform, with workers that exit at once and a pool that hangs or reports dead workers. `os.spawnv(os.P_WAIT, "python", \u2026)` returns 127 and code that ignores the status goes on as if the step had run.',
    fixSafety: "The fix replaces the name with `sys.executable` (for pip and console scripts, `sys.executable -m module` or the script beside `sys.executable`; with os.exec* and os.spawn* the new process's own argv[0] too). It is always unsafe: the call never worked, so any fix changes what the program does, and the author may have meant another interpreter (one installed for the workers, `pythonw.exe` next to an embedding host). Names built at run time get no fix.",
    keyTakeaway: '`os.execv("python", \u2026)` and `multiprocessing.set_executable("python")` do not search PATH: give them `sys.executable` or a full path.',
    question: "`broken.py` tells multiprocessing to start its children with `python`. What does the parent print, activated or not?",
    answer: "`exit code: 255` and nothing else: with the spawn start method multiprocessing execs the executable it was given without a PATH lookup, so `python` (no slash) names a file in the current folder, which does not exist. The child never starts, and no error reaches the output. Activation does not help.",
    commonMistake: 'Calling `multiprocessing.set_executable(shutil.which("python"))` to give it a full path: that is PATH\'s python, not the running one. `sys.executable` is the default already; set it only when embedding.',
    lab: { venv: "venv", cases: [
      { example: "broken", situation: "unactivated", claim: { says: ["exit code: 255"], never: ["child:"], exit: 0 } },
      { example: "broken", situation: "activated", claim: { says: ["exit code: 255"], never: ["child:"], exit: 0 } },
      { example: "broken", situation: "cron", claim: { says: ["exit code: 255"], never: ["child:"], exit: 0 } },
      { example: "fixed", situation: "unactivated", claim: { where: [{ line: "child:", is: "venv" }], says: ["exit code: 0"], exit: 0 } },
      { example: "fixed", situation: "activated", claim: { where: [{ line: "child:", is: "venv" }], says: ["exit code: 0"], exit: 0 } },
      { example: "fixed", situation: "cron", claim: { where: [{ line: "child:", is: "venv" }], says: ["exit code: 0"], exit: 0 } }
    ] },
    references: [
      "https://docs.python.org/3/library/os.html#os.execv",
      "https://docs.python.org/3/library/os.html#os.spawnv",
      "https://docs.python.org/3/library/multiprocessing.html#multiprocessing.set_executable"
    ]
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.resolution !== "no-lookup")
      return;
    const target = verdict.tool === "interpreter" ? { kind: "interpreter" } : verdict.module ? { kind: "interpreter", module: verdict.module } : { kind: "interpreter-bin", name: verdict.name };
    ctx.report({
      messageId: "notLookedUp",
      data: { name: verdict.name, api: site.api, failure: failureOf(site) },
      fix: {
        title: target.kind === "interpreter" ? target.module ? `Use sys.executable -m ${target.module}` : "Use sys.executable" : `Use the ${verdict.name} beside sys.executable`,
        target,
        cap: "unsafe",
        reason: "the call never started the program, so any fix changes what it does; the author may have meant another interpreter"
      }
    });
  }
});

// dist/src/kernel/launch-site.js
var CI_LANGUAGES = /* @__PURE__ */ new Set(["github-actions", "gitlab-ci", "jenkins", "azure-pipelines", "circleci", "bitbucket-pipelines"]);
function meantVenv(known2, active) {
  return active !== void 0 && known2.includes(active) ? active : known2[known2.length - 1];
}
var NO_LATER_SHELLS = { sitesWithoutVenv: () => [], runsUnseen: () => false, venvOnPath: () => false };

// dist/src/kernel/stand-ins.js
var ROOTS = String.raw`(?:\/__[a-z_]+__|\/github\/workspace|\/builds\/project)(?=\/|$)`;
var STAND_IN_ROOT = new RegExp(`^${ROOTS}`);
var HOLDS_STAND_IN = new RegExp(`(?:^|[=:])${ROOTS}`);

// dist/src/rules/activation-does-not-persist.js
var PERSIST_REASON = "every later instruction or step then finds the venv's python, pip and scripts first on PATH, including commands that meant the system ones";
function persistActivationFix(facts, venv) {
  return { title: `Put ${facts.showVenv ? facts.showVenv(venv) : venv}/bin on PATH`, target: { kind: "persist-venv", venv, at: "site" }, cap: "unsafe", reason: PERSIST_REASON };
}
var activationDoesNotPersist = defineRule({
  code: "VG202",
  name: "activation-does-not-persist",
  summary: "A RUN or CI step activates a venv, but activation ends with its shell",
  fixable: "sometimes",
  judges: "config",
  topic: "activation",
  messages: {
    lastCommand: '"{{command}}" ends {{unit}}, so its activation has no effect; it ends with {{ending}}: {{advice}}',
    lastCommandLaterRuns: '"{{command}}" ends {{unit}}, so "{{program}}" (line {{line}}) runs without it; activation ends with {{ending}}: {{advice}}',
    lastsOnlyForShell: '"{{command}}" lasts only for {{unit}}: "{{program}}" (line {{line}}) runs without it; {{advice}}'
  },
  docs: {
    exampleLanguage: "dockerfile",
    mentalModel: "`source venv/bin/activate` sets PATH and VIRTUAL_ENV in the shell that runs it, and nowhere else. Docker starts a new shell for every RUN, so activation alone on a RUN line does nothing that outlives the line; only ENV values persist to later instructions.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN . /opt/venv/bin/activate", "RUN pip install -r requirements.txt", ""].join("\n"),
    why: "A process cannot change its parent's environment, and an image stores files and ENV, not the state of the shell that ran a RUN. `activate` is a script to be sourced into a shell you keep using.",
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", 'ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"', "RUN pip install -r requirements.txt", ""].join("\n"),
    inRealSystems: "The pattern comes from shell habits and tutorials: `RUN source venv/bin/activate` on its own line (on Debian-based images /bin/sh is dash, which has no `source` builtin, so that spelling fails the build; `.` succeeds and changes nothing that lasts), followed by `RUN pip install -r requirements.txt` that installs into the system Python. Activating and installing in the same RUN (`RUN . /opt/venv/bin/activate && pip install \u2026`) works, and is not reported. Nor is a CI step that ends with an activation when no later step of the job runs a Python tool by name, make or a script, nor a Makefile recipe that makes the venv and ends by activating it: the activation does nothing, and nothing misses it (a target that needs the venv is judged on its own commands). A recipe that only activates a venv (`make activate`) is reported: it cannot change the caller's shell.",
    fixSafety: "The fix makes the activation persist the way the format allows, and is unsafe: " + PERSIST_REASON + '. In a Dockerfile a RUN that only activates is replaced by `ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"`, and one that does more gets that ENV line after it; in a GitHub Actions step, `echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"` is added after the activation. Formats without a persistent PATH (a Makefile recipe line) get no fix: chain the commands that need the venv into the same shell, or call `$(VENV)/bin/python` by path. Nor do Jenkinsfiles, Azure Pipelines, CircleCI, Bitbucket Pipelines and pre-commit hooks: their ways (`withEnv` around a block, `##vso[task.prependpath]`, a `$BASH_ENV` line) change what every later step finds, which venvguard does not decide for them; the message names the way. No fix is offered when a later instruction or step already puts the venv on PATH.',
    keyTakeaway: "A RUN line is its own shell: activate and use the venv in the same RUN, or put it on PATH with ENV.",
    question: "Line 4 sources the venv's `activate`. Is the venv active on line 5?",
    answer: "No. Each `RUN` line is its own `/bin/sh -c`: line 4's shell activates the venv and exits, and line 5 starts from the image's PATH. Its `pip` is the image's (here Debian's, which refuses: `externally-managed-environment`). A Makefile recipe behaves the same (each line is its own shell), and so do a GitHub Actions job's steps: a step that activates leaves the next step with the runner's PATH, and only `$GITHUB_PATH` carries the venv over.",
    commonMistake: "Moving `activate` into `~/.bashrc` or `/etc/profile`: `sh -c` (and `RUN`, and make) reads neither. Put the venv on PATH with `ENV`, or chain `. venv/bin/activate && \u2026` in one line.",
    lab: { venv: "opt/venv", premadeVenv: true, files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join("\n"), "broken.mk": ["install:", "	. venv/bin/activate", "	pip install -r requirements.txt", ""].join("\n"), "fixed.mk": ["install:", `	. venv/bin/activate && pip install -r requirements.txt && python3 -c "import sys; print('prefix:', sys.prefix)"`, ""].join("\n"), "broken.yml": ["jobs:", "  test:", "    runs-on: ubuntu-latest", "    steps:", "      - run: . venv/bin/activate", `      - run: 'python3 -c "import sys; print(''prefix:'', sys.prefix)"'`, ""].join("\n"), "fixed.yml": ["jobs:", "  test:", "    runs-on: ubuntu-latest", "    steps:", '      - run: echo "$PWD/venv/bin" >> "$GITHUB_PATH"', `      - run: 'python3 -c "import sys; print(''prefix:'', sys.prefix)"'`, ""].join("\n") }, cases: [
      { example: "broken", situation: "dockerfile", claim: { says: ["externally-managed-environment"], exit: 1 } },
      { example: "fixed", situation: "dockerfile", claim: { never: ["externally-managed-environment"], exit: 0 } },
      { example: "broken", situation: "make", claim: { says: ["externally-managed-environment"], exit: 2 } },
      { example: "fixed", situation: "make", claim: { where: [{ line: "prefix:", is: "venv" }], exit: 0 } },
      { example: "broken", situation: "actions", claim: { where: [{ line: "prefix:", is: "outside" }], exit: 0 } },
      { example: "fixed", situation: "actions", claim: { where: [{ line: "prefix:", is: "venv" }], exit: 0 } }
    ] },
    references: [
      "https://docs.docker.com/reference/dockerfile/#run",
      "https://docs.docker.com/reference/dockerfile/#env",
      "https://docs.python.org/3/library/venv.html#how-venvs-work"
    ]
  },
  check(site, _verdict, ctx) {
    const facts = site.config;
    const activation = facts?.activation;
    if (!activation)
      return;
    if (activation.fails)
      return;
    if (activation.deactivated)
      return;
    let later;
    const origin = facts?.venvOrigins.get(activation.venv);
    for (const s of activation.later.sitesWithoutVenv()) {
      if (s.config?.ranWithoutVenv)
        continue;
      const v = ctx.judge(s);
      if (v?.resolution !== "path")
        continue;
      if (v.tool === "pip" && pipNotMeantForVenv(s, isInterpreterName(v.name), origin))
        continue;
      if (meantForPathInterpreter(s, v.tool))
        continue;
      later = s;
      break;
    }
    if (!activation.lastInRun && !later)
      return;
    if (!later && CI_LANGUAGES.has(site.language) && !activation.later.runsUnseen())
      return;
    if (!later && facts.recipe !== void 0 && origin?.how === "created" && origin.where === facts.recipe && !activation.later.runsUnseen())
      return;
    if (!later && activation.later.venvOnPath())
      return;
    const shown = facts?.showVenv?.(activation.venv);
    const named = (t) => shown?.startsWith("$") && t.startsWith(activation.venv + "/") ? shown + t.slice(activation.venv.length) : t;
    const asWritten = (w) => w.span ? site.file.text.slice(w.span.start, w.span.end) : "\u2026";
    const cmd = site.argv.map((w) => {
      const t = wordText(w);
      return t === void 0 ? "\u2026" : HOLDS_STAND_IN.test(t) ? asWritten(w) : named(t);
    }).join(" ");
    const span = site.argv[0].span ? { start: site.argv[0].span.start, end: (site.argv[site.argv.length - 1].span ?? site.argv[0].span).end } : void 0;
    if (!facts)
      return;
    const shell2 = facts.nestedShell ? `the ${facts.nestedShell} shell in ${facts.unit}` : `${facts.unit}'s shell`;
    const data = {
      command: cmd,
      unit: facts.nestedShell ? `the ${facts.nestedShell} shell in ${facts.unit}` : facts.unit,
      ending: facts.nestedShell ? "that shell" : shell2,
      shell: shell2,
      advice: facts.persistAdvice(activation.venv)
    };
    const laterData = later && {
      ...data,
      program: JSON.stringify(wordText(later.argv[0]) ?? "\u2026").slice(1, -1),
      line: site.file.location((later.argv[0].span ?? later.callSpan).start).line
    };
    ctx.report({
      ...!laterData ? { messageId: "lastCommand", data } : activation.lastInRun ? { messageId: "lastCommandLaterRuns", data: laterData } : { messageId: "lastsOnlyForShell", data: laterData },
      span,
      fix: activation.later.venvOnPath() ? void 0 : persistActivationFix(facts, activation.venv)
    });
  }
});

// dist/src/rules/venv-not-on-path.js
var FIX_REASON = "the venv's interpreter replaces the one PATH finds: packages installed for the Python that PATH finds are not visible to it, the venv may hold another Python version, and a console script must be installed in the venv to exist in its bin";
var PERSIST_REASON2 = "every later command then finds the venv's python, pip and scripts first on PATH, including commands that meant the system ones";
var venvNotOnPath = defineRule({
  code: "VG201",
  name: "venv-not-on-path",
  summary: "A Python tool runs by name while a venv created earlier (in a RUN or a CI step) is not on PATH",
  fixable: "sometimes",
  judges: "config",
  topic: "activation",
  messages: {
    notOnPath: '"{{name}}" runs from PATH, but the venv {{venv}} is not on PATH {{scope}}; {{venv}}{{origin}}: use {{replacement}}, or {{advice}}'
  },
  docs: {
    exampleLanguage: "dockerfile",
    mentalModel: "Activation is a change to one shell's PATH. Docker runs every RUN in a new shell (`/bin/sh -c` unless SHELL says otherwise); only ENV (and ARG) values carry over to later instructions. So a venv created in one RUN is just a folder in the next: `pip` or `python` by name is whatever the image's PATH finds first \u2014 in the official python images, the system Python in /usr/local/bin.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN pip install -r requirements.txt", `CMD ["python3", "-c", "import sys; print('prefix:', sys.prefix)"]`, ""].join("\n"),
    why: "A venv is used either by running its own `bin/python` (or `bin/pip`) by path, or by putting its `bin` first on PATH. `source /opt/venv/bin/activate` in an earlier RUN did the latter for a shell that no longer exists; only `ENV PATH=\u2026` persists.",
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", 'ENV VIRTUAL_ENV=/opt/venv PATH="/opt/venv/bin:$PATH"', "RUN pip install -r requirements.txt", `CMD ["python3", "-c", "import sys; print('prefix:', sys.prefix)"]`, ""].join("\n"),
    inRealSystems: "Multi-stage builds are the usual trap: the builder stage sets `ENV PATH=/opt/venv/bin:$PATH`, the final stage copies the venv with `COPY --from=builder /opt/venv /opt/venv` \u2014 COPY copies files, not ENV \u2014 and its `RUN pip install` or `CMD python app.py` runs the base image's Python, which lacks every package. The container fails at import time, or worse, works with other versions installed by a later layer.",
    fixSafety: "The fix replaces the program with the venv's interpreter (`/opt/venv/bin/python`, with `-m pip` for pip; `/opt/venv/bin/<script>` for a console script). It is unsafe: " + FIX_REASON + ". Adding `ENV VIRTUAL_ENV=/opt/venv PATH=\"/opt/venv/bin:$PATH\"` after the RUN that creates the venv fixes every later instruction at once; the message suggests it and it is never applied automatically, because it also changes what every later command finds on PATH. In the CI formats (Actions, GitLab, Azure Pipelines, CircleCI, Bitbucket, Jenkinsfile), pre-commit hooks and Compose services the same program replacement is offered, written as the command's own folder sees the venv (`../venv/bin/pip` after `cd docs` or in `dir('docs')`), and none where no literal path names it on every runner (a venv under `$HOME`) or where the word is not written plainly (an interpolation, an escape).",
    keyTakeaway: "In a Dockerfile, put the venv on PATH with ENV (or call /opt/venv/bin/python by path); activation does not survive the RUN.",
    question: "Line 3 creates `/opt/venv`. Which pip installs the requirements on line 4, and which Python does `CMD` start?",
    answer: "Neither is the venv's: nothing put `/opt/venv/bin` on PATH. In the python image `pip` is `/usr/local/bin/pip` and the build succeeds with the packages outside the venv; on Debian, as here, it is the system pip, which refuses (`externally-managed-environment`) and the build stops. With `ENV PATH` every later line and the container's command find the venv first.",
    commonMistake: "Adding `RUN . /opt/venv/bin/activate` instead of `ENV PATH=\u2026`: the activation ends with that line's shell (VG202).",
    lab: { venv: "opt/venv", files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join("\n") }, cases: [
      { example: "broken", situation: "dockerfile", claim: { says: ["externally-managed-environment"], exit: 1 } },
      { example: "fixed", situation: "dockerfile", claim: { where: [{ line: "prefix:", is: "venv" }], never: ["externally-managed-environment"], exit: 0 } }
    ] },
    references: [
      "https://docs.docker.com/reference/dockerfile/#run",
      "https://docs.docker.com/reference/dockerfile/#env",
      "https://docs.docker.com/build/building/multi-stage/",
      "https://docs.python.org/3/library/venv.html#how-venvs-work"
    ]
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.resolution !== "path")
      return;
    const venvs = site.env.knownVenvs ?? [];
    if (venvs.length === 0 || site.env.activeVenv !== void 0)
      return;
    const facts = site.config;
    if (facts?.createsVenv)
      return;
    if (facts?.ranWithoutVenv)
      return;
    if (facts?.systemInstalled && verdict.tool === "interpreter")
      return;
    if (facts?.afterFailedActivation)
      return;
    if (meantForPathInterpreter(site, verdict.tool))
      return;
    const venv = venvs[venvs.length - 1];
    if (verdict.tool !== "console-script" && facts?.deactivated?.includes(venv))
      return;
    const origin = facts?.venvOrigins.get(venv);
    const linked = origin?.linkedOnPath;
    if (linked && (linked.includes(verdict.name) || verdict.tool === "console-script" && linked.includes("*")))
      return;
    const byInterpreter = verdict.tool === "pip" && isInterpreterName(verdict.name);
    if (verdict.tool === "pip" && pipNotMeantForVenv(site, byInterpreter, origin))
      return;
    const target = verdict.tool === "console-script" ? { kind: "interpreter-bin", name: verdict.name } : { kind: "interpreter", module: verdict.tool === "pip" && !byInterpreter ? "pip" : void 0 };
    if (!facts)
      return;
    const shown = facts.showVenv ? facts.showVenv(venv) : venv;
    const own = site.rewriter?.rewrite(target);
    const replacement = own?.edits.length === 1 ? own.edits[0].text : target.kind === "interpreter-bin" ? `${shown}/bin/${target.name}` : `${shown}/bin/python${target.module ? " -m pip" : ""}`;
    ctx.report({
      messageId: "notOnPath",
      data: { name: verdict.name, venv: shown, origin: originText(origin), scope: facts.scope, replacement, advice: facts.persistAdvice(venv) },
      // The format's persistent way first (ENV PATH, $GITHUB_PATH); else this command alone.
      // A venv made in one branch of an `if` only may not exist here: no path of it is written.
      fix: origin?.inBranch ? void 0 : {
        title: `Put ${shown}/bin on PATH`,
        target: { kind: "persist-venv", venv, at: "creation" },
        fallback: { title: `Use ${replacement}`, target, reason: FIX_REASON },
        cap: "unsafe",
        reason: PERSIST_REASON2
      }
    });
  }
});

// dist/src/rules/system-interpreter-path.js
var CONFIG_FIX_REASON = "the venv's interpreter replaces the system one: what was installed for the system interpreter is not visible to it, and the venv may hold another Python version";
var SYSTEM_MODULES = /* @__PURE__ */ new Set(["venv", "virtualenv", "pipx", "ensurepip", ...SELF_MANAGED_TOOLS]);
function moduleOf(site) {
  const t = site.argv.slice(1).map((w) => wordText(w));
  for (let i = 0; i < t.length; i++) {
    const a = t[i];
    if (a === void 0 || !a.startsWith("-"))
      return void 0;
    if (a === "-m")
      return t[i + 1];
    if (/^-m\w/.test(a))
      return a.slice(2);
    if (a === "-c")
      return void 0;
  }
  return void 0;
}
function venvInScope(site, verdict) {
  const facts = site.config;
  const venvs = site.env.knownVenvs ?? [];
  if (!facts || venvs.length === 0 || facts.createsVenv)
    return void 0;
  const venv = meantVenv(venvs, site.env.activeVenv);
  if (facts.deactivated?.includes(venv))
    return void 0;
  if (site.inlineImports?.every((m) => STDLIB_MODULES.has(m)))
    return void 0;
  const mod = moduleOf(site);
  if (mod !== void 0 && SYSTEM_MODULES.has(mod))
    return void 0;
  if (mod === "pip" && pipNotMeantForVenv(site, true, facts.venvOrigins.get(venv)))
    return void 0;
  return verdict.tool === "interpreter" ? venv : void 0;
}
var systemInterpreterPath = defineRule({
  code: "VG104",
  name: "system-interpreter-path",
  summary: "A hard-coded system interpreter path is started instead of the running venv (or the venv a configuration file puts in scope)",
  fixable: "sometimes",
  topic: "interpreters",
  messages: {
    systemInterpreter: '"{{name}}"{{via}} is the system interpreter, outside any venv; start sys.executable instead',
    systemInterpreterConfig: '"{{name}}" is the system interpreter, not the venv {{venv}} {{scope}}; {{venv}}{{origin}}: use {{replacement}}'
  },
  docs: {
    exampleLanguage: "python",
    mentalModel: "Absolute paths look precise, but `/usr/bin/python3` names the system interpreter, whose `sys.prefix` is `/usr` and whose site-packages never contain what the venv installed. Linters that flag partial paths (Bandit B607, Ruff S607) suggest exactly this, moving code further from the venv.",
    example: ["import subprocess", "import sys", "", 'print("parent:", sys.prefix, flush=True)', `subprocess.run(["/usr/bin/python3", "-c", "import sys; print('child: ', sys.prefix)"])`, ""].join("\n"),
    why: "The path is taken literally; nothing about the venv applies to it.",
    useInstead: ["import subprocess", "import sys", "", 'print("parent:", sys.prefix, flush=True)', `subprocess.run([sys.executable, "-c", "import sys; print('child: ', sys.prefix)"])`, ""].join("\n"),
    inRealSystems: 'Code written against a developer machine (`/usr/local/bin/python3`, `/opt/homebrew/bin/python3`; not a venv installed below such a folder, `/usr/local/bin/app/.venv/bin/python`) runs elsewhere in a container or venv where that interpreter has none of the dependencies, or a different version. Configuration does the same: a unit with `ExecStartPre=/srv/app/venv/bin/pip install -r requirements.txt` and `ExecStart=/usr/bin/python3 -m app`, a crontab line `/usr/bin/python3 job.py` beside `/srv/app/venv/bin/python other.py`, a Dockerfile that builds `/opt/venv` and ends with `CMD ["/usr/local/bin/python", "app.py"]`: the packages went into the venv, the command starts the interpreter that has none of them. In configuration files the rule needs a venv in scope for that command (created, copied in, activated or named by path in the file, as VG201 does); a system interpreter that makes or manages environments (`-m venv`, `-m virtualenv`, `-m pipx`, `-m tox` \u2026) or runs after `deactivate` is the system\'s on purpose, inline code that imports only the standard library (a `HEALTHCHECK` probe, `python3 -c "import json, urllib.request; \u2026"`) needs no venv, and asking the interpreter only for its version (`/usr/bin/python3 --version`, `-VV`, `-c "import sys; print(sys.version)"`) runs nothing of the project, in Python as in configuration; nor is a pip install told `--break-system-packages` (the system interpreter is its target on purpose).',
    fixSafety: "Unsafe: the author may have wanted the system interpreter on purpose (for instance to call a distribution tool), and `sys.executable` may be another version. In configuration files the fix writes the venv's own interpreter (`/srv/app/venv/bin/python`, relative to the command's folder where the format keeps venvs relative), also unsafe: " + CONFIG_FIX_REASON + ".",
    keyTakeaway: "A hard-coded system interpreter is outside every venv; use `sys.executable` unless you really mean the system.",
    question: "`broken.py` starts `/usr/bin/python3` by its full path. Does activating the venv first change what the child runs?",
    answer: "No. A path with a slash is never looked up on PATH, so the child is the system interpreter in every situation (`child:  /usr`), with the system's packages, activated or not.",
    commonMistake: 'Replacing `/usr/bin/python3` with `python3` to "make it portable": that trades a fixed wrong interpreter for one PATH picks (VG101). The portable spelling is `sys.executable`.',
    lab: { venv: "venv", cases: [
      { example: "broken", situation: "unactivated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "outside" }], exit: 0 } },
      { example: "broken", situation: "activated", claim: { where: [{ line: "child:", is: "outside" }], exit: 0 } },
      { example: "broken", situation: "cron", claim: { where: [{ line: "child:", is: "outside" }], exit: 0 } },
      { example: "fixed", situation: "unactivated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "activated", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "cron", claim: { where: [{ line: "parent:", is: "venv" }, { line: "child:", is: "venv" }], exit: 0 } }
    ] },
    references: ["https://docs.python.org/3/library/sys.html#sys.executable", "https://docs.astral.sh/ruff/rules/start-process-with-partial-path/"]
  },
  judges: "both",
  check(site, verdict, ctx) {
    if (!verdict || verdict.resolution !== "system-path")
      return;
    if (site.argv.some((w) => wordText(w) === "--break-system-packages"))
      return;
    if (site.language !== "python") {
      const venv = venvInScope(site, verdict);
      const facts = site.config;
      if (venv === void 0 || !facts)
        return;
      const shown = facts.showVenv ? facts.showVenv(venv) : venv;
      const target = { kind: "interpreter" };
      const own = site.rewriter?.rewrite(target);
      const replacement = own?.edits.length === 1 ? own.edits[0].text : `${shown}/bin/python`;
      ctx.report({
        messageId: "systemInterpreterConfig",
        data: { name: verdict.name, venv: shown, scope: facts.scope, origin: originText(facts.venvOrigins.get(venv)), replacement },
        fix: { title: `Use ${replacement}`, target, cap: "unsafe", reason: CONFIG_FIX_REASON }
      });
      return;
    }
    const py = site.pythonFile;
    if (py && (py.notebook && py.colab || inColabOnlyCode(py, site.callSpan.start)))
      return;
    if (py?.python2Only)
      return;
    ctx.report({
      messageId: "systemInterpreter",
      data: { name: verdict.name, via: via(site) },
      fix: { title: "Use sys.executable", target: { kind: "interpreter" }, cap: "unsafe", reason: "the system interpreter may be intended" }
    });
  }
});

// dist/src/rules/source-in-sh.js
var sourceInSh = defineRule({
  code: "VG203",
  name: "source-in-sh",
  summary: "A venv is activated with `source` in a POSIX sh (dash), which has no `source` command",
  fixable: "always",
  judges: "config",
  topic: "activation",
  messages: {
    sourceNotInSh: '"source" is not a command in {{shell}} (dash, on Debian and Ubuntu): the command fails with status 127 (not found) and {{args}} is never activated; use ". {{args}}"',
    sourceNotInShLast: '"source" is not a command in {{shell}} (dash, on Debian and Ubuntu): the command fails with status 127 (not found) and {{args}} is never activated; with "." it would end with {{ending}}: {{advice}}'
  },
  docs: {
    exampleLanguage: "dockerfile",
    mentalModel: "`source` is a bash (and zsh, ksh) builtin; POSIX sh has only `.` for the same thing. On Debian and Ubuntu, and in every image built on them (the official python and node images among them), /bin/sh is dash, and dash has no `source`. Make runs each recipe line with /bin/sh unless SHELL says otherwise, Docker runs RUN with `/bin/sh -c`, and a `#!/bin/sh` script is dash \u2014 so `source venv/bin/activate` there is a command that is not found.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN source /opt/venv/bin/activate && pip install -r requirements.txt", ""].join("\n"),
    why: "`.` is the POSIX spelling and works in every shell; `source` is an extension. dash implements POSIX and nothing more, so the activation never happens and PATH keeps its old value.",
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN . /opt/venv/bin/activate && pip install -r requirements.txt", ""].join("\n"),
    inRealSystems: 'Makefiles copied from a bash prompt are the usual case (`make: *** [Makefile:4: install] Error 127`, or, after `;`, a silent install into the system Python); so are Dockerfile RUN lines on `python:3.x` images (`/bin/sh: 1: source: not found`) \u2014 images based on Alpine (busybox ash) or Fedora/RHEL (bash as /bin/sh) accept `source`, which is why the same line works on one base image and not another. Setting `SHELL := /bin/bash` (Make) or `SHELL ["/bin/bash", "-c"]` (Docker) also works.',
    fixSafety: "The fix replaces `source` with `.`, which does the same in bash and works in dash. It is marked safe but changes what runs: the activation starts to work, so the commands after it now run inside the venv (which is what the line meant). Not when the activation is the last command of its shell (alone on a recipe line or in a RUN): there `.` would activate nothing that lasts, and a line that stopped the build with 127 would let the next line run without the venv (a Makefile whose `pip3 install` then goes to the system). The message then says how to keep the venv on PATH; a Dockerfile RUN that does nothing else becomes `ENV VIRTUAL_ENV=\u2026 PATH=\u2026` (unsafe), as activation-does-not-persist fixes it, and anything else gets no fix (a workflow's `$GITHUB_PATH` line would come after the failing `source`, which stops the step before it).",
    keyTakeaway: "In sh, activate with `. venv/bin/activate`; `source` exists only in bash and its relatives.",
    question: "`source` works in your terminal. What does it do in a `RUN` line, or in a script run with `sh`?",
    answer: "`sh` on Debian is dash, which has no `source`: it prints `source: not found` and returns 127. With `&&` the line fails there (the build stops); with a newline or `;` the script goes on with PATH unchanged, and its `python3` is the system's. The same script run with `bash` works, which is why it passes on a developer's machine.",
    commonMistake: 'Fixing it with `SHELL ["/bin/bash", "-c"]` or a `#!/bin/bash` line and keeping `source` in files other shells run (Makefiles, cron lines, CI steps with `sh`). `.` works in every POSIX shell.',
    lab: { venv: "opt/venv", premadeVenv: true, files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join("\n"), "broken.sh": ["source venv/bin/activate", `python3 -c "import sys; print('prefix:', sys.prefix)"`, ""].join("\n"), "fixed.sh": [". venv/bin/activate", `python3 -c "import sys; print('prefix:', sys.prefix)"`, ""].join("\n") }, cases: [
      { example: "broken", situation: "dockerfile", claim: { says: ["source: not found"], exit: 127 } },
      { example: "fixed", situation: "dockerfile", claim: { never: ["not found", "externally-managed-environment"], exit: 0 } },
      { example: "broken", situation: "sh", claim: { says: ["source: not found"], where: [{ line: "prefix:", is: "outside" }], exit: 0 } },
      { example: "broken", situation: "bash", claim: { where: [{ line: "prefix:", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "sh", claim: { where: [{ line: "prefix:", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "bash", claim: { where: [{ line: "prefix:", is: "venv" }], exit: 0 } }
    ] },
    references: [
      "https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_19",
      "https://www.gnu.org/software/make/manual/html_node/Choosing-the-Shell.html",
      "https://wiki.ubuntu.com/DashAsBinSh",
      "https://docs.docker.com/reference/dockerfile/#shell"
    ]
  },
  check(site, _verdict, ctx) {
    const facts = site.config;
    if (facts?.activation?.fails !== "source-in-sh")
      return;
    const word = site.argv[0];
    const args = site.argv.slice(1).map((w) => wordText(w) ?? "\u2026").join(" ");
    const shell2 = facts.shellName ?? "/bin/sh";
    const activation = facts.activation;
    if (activation.lastInRun) {
      ctx.report({
        messageId: "sourceNotInShLast",
        data: { shell: shell2, args, ending: facts.nestedShell ? "that shell" : `${facts.unit}'s shell`, advice: facts.persistAdvice(activation.venv) },
        span: word.span,
        // Only a Dockerfile RUN that does nothing else becomes the ENV line: elsewhere the
        // persistent way is written after the activation (`&& echo … >> "$GITHUB_PATH"`), which the
        // failing `source` never reaches, or the RUN would still fail.
        fix: activation.alone && site.language === "dockerfile" && !activation.later.venvOnPath() ? persistActivationFix(facts, activation.venv) : void 0
      });
      return;
    }
    const edit = replaceWordEdit(site.file.text, word, ".");
    ctx.report({
      messageId: "sourceNotInSh",
      data: { shell: shell2, args },
      span: word.span,
      fix: edit ? { title: `Use ". ${args}"`, edits: [edit] } : void 0
    });
  }
});

// dist/src/rules/activate-not-sourced.js
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ksh", "ash", "mksh"]);
var ACTIVATE = /(^|\/)bin\/activate$/;
function executedActivate(argv) {
  const first = argv[0] ? wordText(argv[0]) : void 0;
  if (first === void 0)
    return void 0;
  if (ACTIVATE.test(first))
    return { script: argv[0] };
  const base = first.slice(first.lastIndexOf("/") + 1);
  const second = argv[1] ? wordText(argv[1]) : void 0;
  if (SHELLS.has(base) && second !== void 0 && ACTIVATE.test(second))
    return { script: argv[1], shell: argv[0] };
  return void 0;
}
var activateNotSourced = defineRule({
  code: "VG204",
  name: "activate-not-sourced",
  summary: "A venv's activate script is run as a program instead of sourced, so it changes nothing",
  fixable: "sometimes",
  judges: "config",
  topic: "activation",
  messages: {
    runByShell: '"{{shell}} {{script}}" runs it in a new shell that exits at once, so PATH and VIRTUAL_ENV of this shell do not change; source it: ". {{script}}"',
    runAsProgram: '"{{script}}" runs it as a program (and venv installs it without an execute bit: "Permission denied", status 126), so PATH and VIRTUAL_ENV of this shell do not change; source it: ". {{script}}"'
  },
  docs: {
    exampleLanguage: "dockerfile",
    mentalModel: "`activate` works by changing the environment of the shell that reads it: PATH, VIRTUAL_ENV, PS1, and a `deactivate` function. Run as a program \u2014 `./venv/bin/activate`, `bash venv/bin/activate` \u2014 it gets a shell process of its own, changes that process's environment, and exits; the shell that ran it is untouched. It is meant to be sourced (`. venv/bin/activate`), which is why venv installs it without an execute bit.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN bash /opt/venv/bin/activate && pip install -r requirements.txt", ""].join("\n"),
    why: "A child process cannot change its parent's environment. Only sourcing runs the script's assignments in the current shell.",
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "RUN python3 -m venv /opt/venv", "RUN . /opt/venv/bin/activate && pip install -r requirements.txt", ""].join("\n"),
    inRealSystems: 'Seen as `RUN bash venv/bin/activate`, `./venv/bin/activate && python app.py` in start scripts, and CI steps that `chmod +x venv/bin/activate` to get past "Permission denied" \u2014 after which the step succeeds and nothing is activated. Everything after it runs with the system or runner Python.',
    fixSafety: "The fix sources the script instead (`. venv/bin/activate`): with a shell word (`bash venv/bin/activate`) that word becomes `.`, and a script run directly gets `. ` in front. It is unsafe because it changes what runs: the activation starts to work, so later commands in the same shell run inside the venv.",
    keyTakeaway: "Source activate (`. venv/bin/activate`); running it as a program changes nothing.",
    question: "`bash /opt/venv/bin/activate` exits 0. Is the venv active for the `pip` after `&&`?",
    answer: "No. `bash FILE` runs the script in a new process; its changes to PATH die with it, and the `pip` after `&&` is PATH's: here Debian's, which refuses (`externally-managed-environment`). The same holds in a shell script, under `sh` and `bash` alike.",
    commonMistake: "Making `activate` executable (`chmod +x`) and running `./venv/bin/activate`: it is still a child process. Activation only works with `.` (or bash's `source`) in the shell that runs the next commands.",
    lab: { venv: "opt/venv", premadeVenv: true, files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join("\n"), "broken.sh": ["bash venv/bin/activate", `python3 -c "import sys; print('prefix:', sys.prefix)"`, ""].join("\n"), "fixed.sh": [". venv/bin/activate", `python3 -c "import sys; print('prefix:', sys.prefix)"`, ""].join("\n") }, cases: [
      { example: "broken", situation: "dockerfile", claim: { says: ["externally-managed-environment"], exit: 1 } },
      { example: "fixed", situation: "dockerfile", claim: { never: ["externally-managed-environment"], exit: 0 } },
      { example: "broken", situation: "sh", claim: { where: [{ line: "prefix:", is: "outside" }], exit: 0 } },
      { example: "broken", situation: "bash", claim: { where: [{ line: "prefix:", is: "outside" }], exit: 0 } },
      { example: "fixed", situation: "sh", claim: { where: [{ line: "prefix:", is: "venv" }], exit: 0 } },
      { example: "fixed", situation: "bash", claim: { where: [{ line: "prefix:", is: "venv" }], exit: 0 } }
    ] },
    references: ["https://docs.python.org/3/library/venv.html#how-venvs-work", "https://pubs.opengroup.org/onlinepubs/9799919799/utilities/V3_chap02.html#tag_19_19"]
  },
  check(site, _verdict, ctx) {
    const found = executedActivate(site.argv);
    if (!found)
      return;
    const path34 = wordText(found.script);
    if (/^(?:\.\/)?bin\/activate$/.test(path34) && !(site.config?.cwd !== void 0 && site.env.knownVenvs?.includes(site.config.cwd)))
      return;
    let edits;
    if (site.config?.form !== "shell")
      edits = void 0;
    else if (found.shell) {
      const e = replaceWordEdit(site.file.text, found.shell, ".");
      if (e)
        edits = [e];
    } else {
      const at = wordSourceSpan(found.script);
      if (at && replaceWordEdit(site.file.text, found.script, path34))
        edits = [{ start: at.start, end: at.start, text: ". " }];
    }
    ctx.report({
      ...found.shell ? { messageId: "runByShell", data: { shell: wordText(found.shell), script: path34 } } : { messageId: "runAsProgram", data: { script: path34 } },
      span: (found.shell ?? found.script).span,
      fix: edits ? { title: `Source it: ". ${path34}"`, edits, cap: "unsafe", reason: "the activation starts to work: later commands in this shell run inside the venv" } : void 0
    });
  }
});

// dist/src/rules/virtual-env-without-path.js
var virtualEnvWithoutPath = defineRule({
  code: "VG205",
  name: "virtual-env-without-path",
  summary: "VIRTUAL_ENV is set but the venv\u2019s bin is not on PATH, and a Python tool runs by name",
  fixable: "sometimes",
  judges: "config",
  topic: "activation",
  messages: {
    virtualEnvOnly: "VIRTUAL_ENV={{venv}} does not put {{venv}}/bin on PATH: python and pip by name still run whatever PATH finds; {{advice}}"
  },
  docs: {
    exampleLanguage: "dockerfile",
    mentalModel: "VIRTUAL_ENV is a note that `activate` leaves for other programs (shell prompts, some tools such as uv and poetry); it is not how a venv is selected. Which `python` or `pip` runs is decided by PATH alone, and which packages Python sees by where that interpreter lives (its pyvenv.cfg). Setting VIRTUAL_ENV without putting `$VIRTUAL_ENV/bin` first on PATH selects nothing.",
    example: ["FROM python:3.12-slim", "COPY requirements.txt .", "ENV VIRTUAL_ENV=/opt/venv", "RUN python3 -m venv $VIRTUAL_ENV", "RUN pip install -r requirements.txt", ""].join("\n"),
    why: "CPython never reads VIRTUAL_ENV (a venv is recognised by the pyvenv.cfg next to the interpreter that runs); the variable only means something to the tools that choose to read it.",
    useInstead: ["FROM python:3.12-slim", "COPY requirements.txt .", "ENV VIRTUAL_ENV=/opt/venv", "RUN python3 -m venv $VIRTUAL_ENV", 'ENV PATH="$VIRTUAL_ENV/bin:$PATH"', "RUN pip install -r requirements.txt", ""].join("\n"),
    inRealSystems: 'A common half-copy of the Dockerfile venv recipe: `ENV VIRTUAL_ENV=/opt/venv` is kept and `ENV PATH="$VIRTUAL_ENV/bin:$PATH"` is lost, or put before a FROM of a later stage where it no longer applies. The image builds, `pip install` fills the system site-packages, and the venv stays empty; the mistake shows only when the venv is copied into a slim final stage and imports fail. The same holds for `Environment=VIRTUAL_ENV=` in a systemd unit and `env: VIRTUAL_ENV:` in a workflow.',
    fixSafety: "In a Dockerfile the fix adds `PATH=\"/opt/venv/bin:$PATH\"` to the ENV that sets VIRTUAL_ENV (or an ENV line after it). It is unsafe: every later instruction then finds the venv's programs first on PATH, including commands that meant the system ones. Other formats get the advice only (a workflow's `env:` and a unit's `Environment=` do not expand `$PATH`).",
    keyTakeaway: "VIRTUAL_ENV selects nothing; put $VIRTUAL_ENV/bin first on PATH, or call the venv's python by path.",
    question: "`VIRTUAL_ENV` names the venv. Does setting it make `pip` and `python3` the venv's?",
    answer: "No. `VIRTUAL_ENV` is a label `activate` sets for prompts and tools to read; neither the shell nor Python looks programs up through it. `pip` is still PATH's (here Debian's, which refuses: `externally-managed-environment`), and a script that exports only `VIRTUAL_ENV` runs the system's `python3`.",
    commonMistake: "Reading `VIRTUAL_ENV` as proof of being in the venv (in a script or a tool): it can be stale, inherited, or set without PATH. Check `sys.prefix != sys.base_prefix` in the running interpreter instead.",
    lab: { venv: "opt/venv", premadeVenv: true, files: { "requirements.txt": ["# the app has no third-party dependencies yet", ""].join("\n"), "broken.sh": ['export VIRTUAL_ENV="$PWD/venv"', `python3 -c "import sys; print('prefix:', sys.prefix)"`, ""].join("\n"), "fixed.sh": ['export VIRTUAL_ENV="$PWD/venv"', 'export PATH="$VIRTUAL_ENV/bin:$PATH"', `python3 -c "import sys; print('prefix:', sys.prefix)"`, ""].join("\n") }, cases: [
      { example: "broken", situation: "dockerfile", claim: { says: ["externally-managed-environment"], exit: 1 } },
      { example: "fixed", situation: "dockerfile", claim: { never: ["externally-managed-environment"], exit: 0 } },
      { example: "broken", situation: "sh", claim: { where: [{ line: "prefix:", is: "outside" }], exit: 0 } },
      { example: "fixed", situation: "sh", claim: { where: [{ line: "prefix:", is: "venv" }], exit: 0 } }
    ] },
    references: ["https://docs.python.org/3/library/venv.html#how-venvs-work", "https://docs.python.org/3/library/sys_path_init.html#virtual-environments", "https://docs.docker.com/reference/dockerfile/#env"]
  },
  check(site, verdict, ctx) {
    if (!verdict || verdict.resolution !== "path")
      return;
    const facts = site.config;
    const v = facts?.virtualEnv;
    if (!v || site.env.activeVenv === v.venv || facts.createsVenv || facts.afterFailedActivation)
      return;
    if (verdict.tool === "pip" && pipNotMeantForVenv(site, isInterpreterName(verdict.name), facts.venvOrigins?.get(v.venv)))
      return;
    const shown = facts.showVenv ? facts.showVenv(v.venv) : v.venv;
    ctx.report({
      messageId: "virtualEnvOnly",
      data: { venv: shown, advice: facts.persistAdvice(v.venv) },
      span: v.span,
      related: verdict.programSpan ? [{ message: `"${verdict.name}" runs from PATH here`, span: verdict.programSpan }] : [],
      fix: { title: `Put ${shown}/bin on PATH`, target: { kind: "persist-venv", venv: v.venv, at: "virtual-env" }, cap: "unsafe", reason: "every later command then finds the venv's programs first on PATH" }
    });
  }
});

// dist/src/rules/index.js
var RULES = [
  // Python source
  barePythonInterpreter,
  barePip,
  bareConsoleScript,
  systemInterpreterPath,
  envWithoutPath,
  pathReliantLaunch,
  nameNotLookedUp,
  // CI/CD and container configuration
  venvNotOnPath,
  activationDoesNotPersist,
  sourceInSh,
  activateNotSourced,
  virtualEnvWithoutPath
];
var CONFIG_RULES = RULES.filter((r) => r.judges === "config");

// dist/src/pipeline/config.js
import fs2 from "node:fs";
import ignore from "ignore";
import { parse as parseToml2 } from "smol-toml";

// dist/src/frontends/front-end.js
var CONFIG_MAX_BYTES = 2 * 1024 * 1024;
var YAML_CONFIG_MAX_BYTES = 512 * 1024;
var SHELL_LINE_WORDS = /venv|virtualenv|activate|VIRTUAL_ENV|\buv\b|conda|poetry|pdm|hatch/i;
var NO_VENV_LINE_WORDS = /activate|VIRTUAL_ENV|\buv\b|conda|poetry|pdm|hatch/i;
var CONFIG_WORDS = new RegExp(`python|pip|${SHELL_LINE_WORDS.source}`, "i");
function configMayMatter(text3, tools) {
  return CONFIG_WORDS.test(text3) || hasToolName(tools, text3);
}
function shellLineMayMatter(text3, tools) {
  return mentionsEnvironment(text3) || hasToolName(tools, text3);
}
function mentionsEnvironment(text3) {
  return SHELL_LINE_WORDS.test(text3);
}
function unreadLinesThatMatter(text3, problems) {
  if (!problems.length || mentionsEnvironment(text3))
    return problems;
  return problems.filter((p) => {
    const end = text3.indexOf("\n", p.offset);
    return CONFIG_WORDS.test(text3.slice(text3.lastIndexOf("\n", p.offset - 1) + 1, end < 0 ? text3.length : end));
  });
}
function shellLineMayMatterWithoutVenv(text3) {
  return NO_VENV_LINE_WORDS.test(text3);
}
var TooDeepError = class extends Error {
};

// dist/src/pipeline/config.js
function readConfigText(abs, max = CONFIG_MAX_BYTES) {
  try {
    const st = fs2.statSync(abs);
    if (!st.isFile() || st.size > max)
      return void 0;
    return fs2.readFileSync(abs, "utf8");
  } catch {
    return void 0;
  }
}
function isFile(p) {
  try {
    return fs2.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

// dist/src/pipeline/platforms.js
import fs3 from "node:fs";
import path4 from "node:path";
var MAX_FILES = 200;
var MAX_BYTES = 1024 * 1024;
function yamlFilesIn(dir) {
  try {
    return fs3.readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort().map((n) => path4.join(dir, n));
  } catch {
    return [];
  }
}
function says(files, test) {
  return files.some((f) => {
    const t = readConfigText(f, MAX_BYTES);
    return t !== void 0 && (typeof test === "function" ? test(t) : test.test(t));
  });
}
var PY2_VERSION = /^["']?2\.[67]\b/;
function python2Said(source, text3) {
  const lines = text3.split("\n");
  switch (source) {
    case "metadata":
      if (/Programming Language :: Python :: 2(?:\.\d+)?\b/.test(text3))
        return true;
      for (const line of lines) {
        const at = line.search(/python_requires|requires-python/);
        if (at < 0)
          continue;
        const value = /^(?:python_requires|requires-python)[ \t]*=[ \t]*["']?([^"'\n]{0,200})/.exec(line.slice(at));
        if (value && /(?:^|[>=~,\s])2\.\d/.test(value[1]))
          return true;
      }
      return false;
    case "tox":
      for (let i = 0; i < lines.length; i++) {
        const head2 = /^[ \t]*env_?list[ \t]*=(.*)$/.exec(lines[i]);
        if (!head2)
          continue;
        let value = head2[1];
        while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1]))
          value += ` ${lines[++i]}`;
        if (/\bpy2[67]?\b/.test(value))
          return true;
      }
      return false;
    case "travis":
      for (let i = 0; i < lines.length; i++) {
        const head2 = /^[ \t]*python[ \t]*:[ \t]*(.*)$/.exec(lines[i]);
        if (!head2)
          continue;
        if (head2[1].trim()) {
          if (PY2_VERSION.test(head2[1].replace(/^\[[ \t]*/, "")) || /[[,][ \t]*["']?2\.[67]\b/.test(head2[1]))
            return true;
          continue;
        }
        for (let j = i + 1; j < lines.length; j++) {
          if (!lines[j].trim())
            continue;
          const item = /^[ \t]*-[ \t]*(.*)$/.exec(lines[j]);
          if (!item)
            break;
          if (PY2_VERSION.test(item[1]))
            return true;
          i = j;
        }
      }
      return false;
    case "actions":
      for (const line of lines) {
        const at = line.indexOf("python-version");
        if (at >= 0 && /(?<![\d.])2\.7\b/.test(line.slice(at)))
          return true;
      }
      return false;
  }
}
var python2Known = /* @__PURE__ */ new Map();
function projectRunsOnPython2(root) {
  if (!root)
    return false;
  const cached = python2Known.get(root);
  if (cached !== void 0)
    return cached;
  const said = (source) => (text3) => python2Said(source, text3);
  const found = says(PROJECT_FILES.map((n) => path4.join(root, n)), said("metadata")) || says([path4.join(root, "tox.ini")], said("tox")) || says([path4.join(root, ".travis.yml")], said("travis")) || says(yamlFilesIn(path4.join(root, ".github", "workflows")).slice(0, MAX_FILES), said("actions"));
  python2Known.set(root, found);
  return found;
}
var WINDOWS_TEST = /\bplatform\.system\(\)\s*(?:==|!=|in|not in)\s*[[(]?\s*['"]Windows['"]|\bos\.name\s*(?:==|!=)\s*['"]nt['"]|\bsys\.platform\s*(?:==|!=)\s*['"](?:win32|cygwin)['"]|\bsys\.platform\.startswith\(\s*['"]win/;
var WINDOWS_SCRIPT = /\.(?:bat|cmd|ps1)$/i;
var WINDOWS_METADATA = /Operating System :: Microsoft :: Windows|\bplatforms\s*=\s*[[(]?[^\n\])]*\bwin/i;
var PROJECT_FILES = ["pyproject.toml", "setup.cfg", "setup.py"];
var MAX_SCANNED = 5e3;
var MAX_SCANNED_CHARS = 32 * 1024 * 1024;
var MAX_DIRS = 2e4;
var SKIPPED_DIRS = /* @__PURE__ */ new Set(["node_modules", "__pycache__", "site-packages", "dist-packages", "build", "dist"]);
var metadataSays = /* @__PURE__ */ new Map();
var codeSays = /* @__PURE__ */ new Map();
var WINDOWS_REQUIREMENT = /(?:^|["'])(?:pywin32|pypiwin32|pywinauto|comtypes|wmi|winshell|pywinpty|windows-curses)(?![\w-])/im;
var REQUIREMENTS_FILE = /^requirements[\w.-]*\.(?:txt|in)$/i;
function metadataNamesWindows(dir) {
  let said = metadataSays.get(dir);
  if (said === void 0) {
    let requirements = [];
    try {
      requirements = fs3.readdirSync(dir).filter((n) => REQUIREMENTS_FILE.test(n)).sort().slice(0, MAX_FILES).map((n) => path4.join(dir, n));
    } catch {
    }
    said = says(PROJECT_FILES.map((n) => path4.join(dir, n)), (t) => WINDOWS_METADATA.test(t) || WINDOWS_REQUIREMENT.test(t)) || says(requirements, (t) => WINDOWS_REQUIREMENT.test(t.replace(/\0/g, "")));
    metadataSays.set(dir, said);
  }
  return said;
}
function projectFilesSay(root, found) {
  let left = MAX_SCANNED;
  let chars = MAX_SCANNED_CHARS;
  let dirs = MAX_DIRS;
  const stack = [root];
  while (stack.length && left > 0 && chars > 0 && dirs-- > 0) {
    const dir = stack.pop();
    let entries;
    try {
      entries = fs3.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    if (entries.some((e) => e.name === "pyvenv.cfg"))
      continue;
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!e.name.startsWith(".") && !SKIPPED_DIRS.has(e.name))
          stack.push(path4.join(dir, e.name));
      } else if (e.isFile() && e.name.endsWith(".py") && left > 0 && chars > 0) {
        left--;
        const t = readConfigText(path4.join(dir, e.name), MAX_BYTES);
        chars -= t?.length ?? 0;
        if (t !== void 0 && found(e.name, t))
          return true;
      } else if (e.isFile() && found(e.name, void 0)) {
        return true;
      }
    }
  }
  return false;
}
function projectFilesSayWindows(root) {
  let said = codeSays.get(root);
  if (said === void 0) {
    said = projectFilesSay(root, (name, text3) => text3 === void 0 ? WINDOWS_SCRIPT.test(name) && name.toLowerCase() !== "make.bat" : WINDOWS_TEST.test(text3));
    codeSays.set(root, said);
  }
  return said;
}
var python3Says = /* @__PURE__ */ new Map();
function projectHasPython3OnlyCode(root, file, python3Only) {
  if (!root)
    return false;
  const top = path4.resolve(root);
  if (!path4.resolve(file).startsWith(top + path4.sep) || !isFile(file))
    return false;
  let said = python3Says.get(top);
  if (said === void 0) {
    said = projectFilesSay(top, (_name, text3) => text3 !== void 0 && python3Only(text3));
    python3Says.set(top, said);
  }
  return said;
}
function codeMayRunOnWindows(root, file) {
  if (!root)
    return false;
  const top = path4.resolve(root);
  for (let dir = path4.dirname(path4.resolve(file)); dir.startsWith(top + path4.sep); dir = path4.dirname(dir)) {
    if (metadataNamesWindows(dir))
      return true;
  }
  return projectFilesSayWindows(top);
}

// dist/src/pipeline/documented-env.js
import path5 from "node:path";
var READMES = ["README.md", "README.rst", "README.txt", "README", "readme.md", "Readme.md", "README.markdown"];
var CONDA_ACTIVATE = /^(?!\s*#).*\b(?:conda|source)\s+activate\s+[\w.-]+/m;
var OTHER_ENV = /\bvenv\b|virtualenv|bin\/activate|Scripts[\\/]activate|\bpipenv\b|\bpoetry\b|\buv (?:run|sync|venv|pip)\b|\bpixi\b/i;
var PACKAGED = /\bsetup\s*\(|^\[project\]|^\[tool\.poetry\]|^\[metadata\]/m;
var MAX_README_BYTES = 256 * 1024;
var known = /* @__PURE__ */ new Map();
function condaWorkflow(root) {
  if (!root)
    return void 0;
  const top = path5.resolve(root);
  let found = known.get(top);
  if (found === void 0) {
    found = read(top);
    known.set(top, found);
  }
  return found ?? void 0;
}
function read(top) {
  if (["setup.py", "pyproject.toml", "setup.cfg"].some((n) => PACKAGED.test(readConfigText(path5.join(top, n)) ?? "")))
    return null;
  const name = READMES.find((n) => isFile(path5.join(top, n)));
  if (!name)
    return null;
  const text3 = readConfigText(path5.join(top, name), MAX_README_BYTES);
  if (text3 === void 0 || OTHER_ENV.test(text3))
    return null;
  const m = CONDA_ACTIVATE.exec(text3);
  if (!m)
    return null;
  return { file: name, line: text3.slice(0, m.index).split("\n").length };
}
function outsidePackage(root, file) {
  if (!root)
    return false;
  const abs = path5.resolve(file);
  return abs.startsWith(path5.resolve(root) + path5.sep) && isFile(abs) && !isFile(path5.join(path5.dirname(abs), "__init__.py"));
}

// dist/src/pipeline/context.js
function contextFromSettings(s) {
  const knowledge = { consoleScripts: new Map(s.consoleScripts) };
  const project = new ProjectModules(s.projectRoot);
  return {
    rules: RULES.filter((r) => s.ruleCodes.includes(r.code)),
    knowledge,
    project,
    prefilter: s.usePrefilter ? new Prefilter(toolNamePattern(knowledge.consoleScripts.keys()), project) : void 0,
    maxFileSize: s.maxFileSize,
    imageRuns: s.imageRuns?.length ? new Map(s.imageRuns) : void 0,
    whoRuns: s.whoRuns?.length ? new Map(s.whoRuns) : void 0,
    windows: (file) => !!s.windows || codeMayRunOnWindows(s.projectRoot, file),
    python2: () => projectRunsOnPython2(s.projectRoot),
    python3Project: (file) => projectHasPython3OnlyCode(s.projectRoot, file, python3OnlyText),
    condaWorkflow: (file) => {
      const conda = condaWorkflow(s.projectRoot);
      return conda && outsidePackage(s.projectRoot, file) ? conda : void 0;
    }
  };
}

// dist/src/pipeline/apply-fixes.js
function fixableBy(d, allowUnsafe) {
  const a = d.fix?.applicability;
  return a === "safe" || allowUnsafe && a === "unsafe";
}
function applyFixes(text3, diagnostics, allowUnsafe) {
  const accepted = [];
  let applied = 0;
  const key = (e) => `${e.start}:${e.end}:${e.text}`;
  const have = /* @__PURE__ */ new Set();
  const buckets = /* @__PURE__ */ new Map();
  const bucketsOf = (e) => {
    const out2 = [];
    for (let k = e.start >> 8; k <= e.end >> 8; k++)
      out2.push(k);
    return out2;
  };
  const lineLike = (e) => e.text.includes("\n") || /^\s*(&&|;)/.test(e.text);
  const byText = /* @__PURE__ */ new Map();
  const lineByText = /* @__PURE__ */ new Map();
  const push = (m, k, e) => {
    const l = m.get(k);
    if (l)
      l.push(e);
    else
      m.set(k, [e]);
  };
  const conflictsWith = (e) => {
    for (const k of bucketsOf(e))
      if (buckets.get(k)?.some((a) => overlaps(a, e)))
        return true;
    const t = e.text.trim();
    if (t === "")
      return false;
    return ((lineLike(e) ? byText : lineByText).get(t) ?? []).some((a) => sameLine(a, e));
  };
  for (const d of diagnostics) {
    if (!d.fix || !fixableBy(d, allowUnsafe))
      continue;
    const fresh = d.fix.edits.filter((e) => !have.has(key(e)));
    if (fresh.some(conflictsWith))
      continue;
    for (const e of fresh) {
      accepted.push(e);
      have.add(key(e));
      for (const k of bucketsOf(e))
        push(buckets, k, e);
      const t = e.text.trim();
      if (t !== "") {
        push(byText, t, e);
        if (lineLike(e))
          push(lineByText, t, e);
      }
    }
    applied++;
  }
  const ordered = accepted.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const out = [];
  let at = 0;
  for (const { e } of ordered) {
    out.push(text3.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(text3.slice(at));
  return { text: out.join(""), applied, edits: ordered.map((o) => o.e) };
}
function overlaps(a, b) {
  if (a.start === a.end && b.start === b.end)
    return false;
  if (a.start === a.end)
    return a.start > b.start && a.start < b.end;
  if (b.start === b.end)
    return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
function sameLine(a, b) {
  if (a.start === b.start && a.end === b.end)
    return false;
  const t = a.text.trim();
  return t !== "" && t === b.text.trim() && (a.text.includes("\n") || b.text.includes("\n") || /^\s*(&&|;)/.test(a.text));
}

// dist/src/pipeline/check-file.js
import fs8 from "node:fs";

// dist/src/kernel/budgets.js
var SHELL_SCRIPT_CHARS = { name: "shell-script-size", what: "characters in one shell script", limit: 256 * 1024 };
var SHELL_SCRIPT_FILE_CHARS = { name: "shell-script-file-size", what: "characters in one shell script file", limit: 768 * 1024 };
var SHELL_FILE_CHARS = { name: "shell-text-per-file", what: "characters of shell text in one file", limit: 768 * 1024 };
var SHELL_COMMANDS = { name: "shell-commands-per-file", what: "shell commands in one file", limit: 1e4 };
var SHELL_NESTING = { name: "shell-nesting-depth", what: "nested shell compound commands", limit: 1e4 };
var DOCKERFILE_RUN_CHARS = { name: "dockerfile-run-size", what: "characters in one Dockerfile instruction (RUN)", limit: SHELL_SCRIPT_CHARS.limit };
var SERVICE_LINE_CHARS = { name: "service-line-size", what: "characters in one systemd setting or supervisor value", limit: SHELL_SCRIPT_CHARS.limit };
var EXEC_COMMANDS = { name: "exec-commands-per-file", what: "exec-form command lines in one file", limit: 5e3 };
var YAML_ALIASES = { name: "yaml-alias-expansions", what: "YAML alias expansions", limit: 5e4 };
var YAML_NESTING = { name: "yaml-nesting-depth", what: "nested YAML flow collections", limit: 1e3 };
var YAML_EXPANDED_CHARS = { name: "yaml-expanded-size", what: "characters of script text after YAML expansion", limit: 512 * 1024 };
var GITLAB_EXTENDS_DEPTH = { name: "gitlab-extends-depth", what: "levels of extends:", limit: 11 };
var GITLAB_REFERENCE_DEPTH = { name: "gitlab-reference-depth", what: "levels of !reference", limit: 10 };
var GITLAB_EXTENDS_KEYS = { name: "gitlab-extends-size", what: "keys merged by extends:", limit: 5e5 };
var PYTHON_LAUNCH_CALLS = { name: "python-launch-calls", what: "calls to launch APIs in one Python file", limit: 5e3 };
var PYTHON_PARSE_CHARS = { name: "python-parse-size", what: "characters of Python parsed at once", limit: 1024 * 1024 };
var PYTHON_PLAN_CHARS = { name: "python-file-size", what: "characters in one Python file that may launch a process", limit: 3 * 1024 * 1024 };
var NOTEBOOK_CELLS = { name: "notebook-cells", what: "cells in one notebook", limit: 1e4 };
var NOTEBOOK_SOURCE_CHARS = { name: "notebook-source-size", what: "characters of code cell source in one notebook", limit: 1024 * 1024 };
var TooComplexError = class extends Error {
  budget;
  amount;
  constructor(budget, amount) {
    super(`too complex to analyse: more ${budget.what} than the budget of ${budget.limit.toLocaleString("en-US")} (${budget.name}); skipped`);
    this.budget = budget;
    this.amount = amount;
  }
};
function within(budget, amount) {
  if (amount > budget.limit)
    throw new TooComplexError(budget, amount);
}
var BudgetMeter = class {
  used = /* @__PURE__ */ new Map();
  /** Adds `amount` to what `budget` has used; throws when that goes over it. */
  charge(budget, amount = 1) {
    const total = (this.used.get(budget) ?? 0) + amount;
    this.used.set(budget, total);
    within(budget, total);
  }
};

// dist/src/frontends/actions/index.js
import fs5 from "node:fs";
import path13 from "node:path";

// dist/src/frontends/yaml-scalars.js
import { createRequire as createRequire2 } from "node:module";

// dist/src/kernel/word-units.js
function wordUnits(w) {
  const out = [];
  for (const f of w.fragments) {
    if (f.kind === "text") {
      for (let i = 0; i < f.text.length; i++)
        out.push({ ch: f.text[i], off: f.offsets?.[i] ?? -1 });
    } else {
      out.push({ frag: f });
    }
  }
  return out;
}
function unitsToWord(units, span) {
  let n = 0;
  for (let i = 0; i < units.length; ) {
    n++;
    if ("frag" in units[i])
      i++;
    else
      while (i < units.length && !("frag" in units[i]))
        i++;
  }
  const fragments = new Array(n);
  n = 0;
  for (let i = 0; i < units.length; ) {
    const u = units[i];
    if ("frag" in u) {
      fragments[n++] = u.frag;
      i++;
      continue;
    }
    let j = i;
    while (j < units.length && !("frag" in units[j]))
      j++;
    let text3 = "";
    const offsets = new Array(j - i);
    let placed = false;
    for (let k = i; k < j; k++) {
      const c = units[k];
      text3 += c.ch;
      offsets[k - i] = c.off;
      if (c.off >= 0)
        placed = true;
    }
    if (text3 !== "")
      fragments[n++] = { kind: "text", text: text3, offsets: placed ? offsets : void 0 };
    i = j;
  }
  fragments.length = n;
  return { fragments, span: span ?? unitsSpan(units) };
}
function unitsSpan(units) {
  let start = Infinity;
  let end = -Infinity;
  for (const u of units) {
    if ("frag" in u) {
      if (u.frag.span) {
        start = Math.min(start, u.frag.span.start);
        end = Math.max(end, u.frag.span.end);
      }
    } else if (u.off >= 0) {
      start = Math.min(start, u.off);
      end = Math.max(end, u.off + 1);
    }
  }
  return start === Infinity ? void 0 : { start, end };
}
function leadingText(w) {
  let s = "";
  for (const f of w.fragments) {
    if (f.kind !== "text")
      break;
    s += f.text;
  }
  return s;
}
function isAllText(w) {
  return w.fragments.every((f) => f.kind === "text");
}
function dropLeading(w, n) {
  return unitsToWord(wordUnits(w).slice(n));
}
function pushAll(out, items) {
  for (const x of items)
    out.push(x);
}
function joinWords(words2, sep = " ") {
  const units = [];
  words2.forEach((w, i) => {
    if (i > 0)
      for (const ch of sep)
        units.push({ ch, off: -1 });
    pushAll(units, wordUnits(w));
  });
  return unitsToWord(units);
}

// dist/src/frontends/yaml-scalars.js
var yamlLib;
var yaml = () => yamlLib ??= createRequire2(import.meta.url)("yaml");
function checkYamlNesting(src) {
  let brackets = 0;
  for (let i = 0; i < src.length && brackets <= YAML_NESTING.limit; i++) {
    const c = src.charCodeAt(i);
    if (c === 91 || c === 123)
      brackets++;
  }
  if (brackets <= YAML_NESTING.limit)
    return;
  let depth = 0;
  for (const token of new (yaml()).Lexer().lex(src)) {
    if (token === "[" || token === "{")
      within(YAML_NESTING, ++depth);
    else if ((token === "]" || token === "}") && depth > 0)
      depth--;
  }
}
function parseLenient(src, parse) {
  const first = parse(src);
  const errorsOf = (r) => Array.isArray(r) ? [...r.errors ?? [], ...r.flatMap((d) => d.errors)] : r.errors;
  const unclosed = (r) => errorsOf(r).filter((e) => e.code === "MISSING_CHAR" && /quote/.test(e.message));
  const count = unclosed(first).length;
  if (count === 0 || count > 64)
    return first;
  const inserts = [];
  const done = /* @__PURE__ */ new Set();
  let starts = [];
  let before = [];
  const toOriginal = (p) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (starts[mid] <= p)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (lo === 0)
      return p;
    const i = lo - 1;
    const at = inserts[i].at;
    return p < starts[i] + inserts[i].n ? at : p - before[i] - inserts[i].n;
  };
  let result = first;
  const lib = yaml();
  const docsOf = (r) => Array.isArray(r) ? r : [r];
  const openingQuotes = (r) => {
    const ends = unclosed(r).map((e) => e.pos[0]);
    const out = [];
    for (const d of docsOf(r))
      lib.visit(d, {
        Scalar: (_k, n) => {
          const [a, , c] = n.range ?? [0, 0, 0];
          if ((n.type === "QUOTE_DOUBLE" || n.type === "QUOTE_SINGLE") && ends.some((e) => a <= e && e <= c))
            out.push(toOriginal(a));
        }
      });
    return out;
  };
  for (let round = 0; round < 8; round++) {
    const quotes = openingQuotes(result).filter((q) => !done.has(q));
    if (quotes.length === 0)
      break;
    for (const q of quotes) {
      done.add(q);
      const added = padQuoted(src, q);
      if (added === void 0)
        return first;
      inserts.push(...added);
    }
    inserts.sort((a, b) => a.at - b.at);
    starts = [];
    before = [];
    const parts = [];
    let k = 0;
    let shift = 0;
    for (const i of inserts) {
      starts.push(i.at + shift);
      before.push(shift);
      parts.push(src.slice(k, i.at), " ".repeat(i.n));
      k = i.at;
      shift += i.n;
    }
    const text3 = parts.join("");
    result = parse(text3 + src.slice(k));
  }
  if (inserts.length === 0 || errorsOf(result).length >= errorsOf(first).length)
    return first;
  for (const d of docsOf(result)) {
    const doc = d;
    if (doc.range)
      doc.range = doc.range.map(toOriginal);
    lib.visit(d, {
      Node: (_k, n) => {
        if (n.range)
          n.range = n.range.map(toOriginal);
      }
    });
  }
  for (const e of errorsOf(result))
    e.pos = [toOriginal(e.pos[0]), toOriginal(e.pos[1])];
  return result;
}
function padQuoted(src, q) {
  const quote = src[q];
  if (quote !== '"' && quote !== "'")
    return void 0;
  const column = q - (src.lastIndexOf("\n", q - 1) + 1);
  const out = [];
  for (let i = q + 1; i < src.length; i++) {
    const c = src[i];
    if (quote === '"' && c === "\\") {
      if (src[i + 1] !== "\n" && src[i + 1] !== "\r")
        i++;
    } else if (c === quote) {
      if (quote === "'" && src[i + 1] === "'")
        i++;
      else
        return out;
    } else if (c === "\n") {
      let j = i + 1;
      while (src[j] === " ")
        j++;
      if (src.startsWith("---", i + 1) || src.startsWith("...", i + 1))
        return void 0;
      if (j - (i + 1) < column && src[j] !== "\n" && src[j] !== "\r")
        out.push({ at: i + 1, n: column - (j - (i + 1)) });
    }
  }
  return void 0;
}
function yamlErrors(errors) {
  return errors.filter((e) => !(e.code === "MISSING_CHAR" && e.message.startsWith("Comments must be separated from other tokens by white space")));
}
var isAlias = ((n) => yaml().isAlias(n));
var isMap = ((n) => yaml().isMap(n));
var isScalar = ((n) => yaml().isScalar(n));
var isSeq = ((n) => yaml().isSeq(n));
var mapValue2 = (m, key) => isMap(m) ? m.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.value : void 0;
var scalarText = (n) => isScalar(n) && n.value !== null && typeof n.value !== "object" ? String(n.value) : void 0;
function aliasTargets(doc) {
  const targets = /* @__PURE__ */ new Map();
  const last = /* @__PURE__ */ new Map();
  const lib = yaml();
  lib.visit(doc, {
    Node: (_key, node) => {
      if (lib.isAlias(node))
        targets.set(node, last.get(node.source));
      else if ((lib.isScalar(node) || lib.isCollection(node)) && node.anchor)
        last.set(node.anchor, node);
    }
  });
  return (alias) => targets.get(alias);
}
var charsText = (cs) => cs.map((c) => c.ch).join("");
function replaceChars(cs, re, hint, value) {
  const s = charsText(cs);
  if (!s.includes(hint))
    return cs;
  const out = [];
  let k = 0;
  for (const m of s.matchAll(re)) {
    pushAll(out, cs.slice(k, m.index));
    const { text: text3, at } = value(m, s);
    const off = at ? cs[m.index].off : -1;
    for (const ch of text3)
      out.push({ ch, off });
    k = m.index + m[0].length;
  }
  pushAll(out, cs.slice(k));
  return out;
}
function inArithmetic(s, at) {
  const line = s.slice(s.lastIndexOf("\n", at - 1) + 1, at);
  return (line.match(/\(\(/g)?.length ?? 0) > (line.match(/\)\)/g)?.length ?? 0);
}
function splitLines2(src, from, to) {
  const out = [];
  for (let s = from; s < to; ) {
    let e = src.indexOf("\n", s);
    if (e < 0 || e > to)
      e = to;
    let t = src.slice(s, e);
    if (t.endsWith("\r"))
      t = t.slice(0, -1);
    out.push({ start: s, text: t });
    s = e + 1;
  }
  return out;
}
function blockChars(src, start, end) {
  const header = /^[|>][-+]?[1-9]?[-+]?/.exec(src.slice(start, start + 5))?.[0] ?? "|";
  const folded = header.startsWith(">");
  const nl = src.indexOf("\n", start);
  if (nl < 0 || nl >= end)
    return [];
  const lines = splitLines2(src, nl + 1, end);
  let indent = -1;
  for (const l of lines) {
    if (l.text.trim() !== "") {
      indent = l.text.length - l.text.trimStart().length;
      break;
    }
  }
  if (indent < 0)
    return [];
  const out = [];
  const body = (l) => {
    const r = [];
    for (let k = indent; k < l.text.length; k++)
      r.push({ ch: l.text[k], off: l.start + k });
    return r;
  };
  const isEmpty = (l) => l.text.trim() === "" && l.text.length <= indent;
  if (!folded) {
    lines.forEach((l, i) => {
      if (i > 0)
        out.push({ ch: "\n", off: lines[i - 1].start + lines[i - 1].text.length });
      if (!isEmpty(l))
        pushAll(out, body(l));
    });
    return out;
  }
  let prev;
  let empties = 0;
  for (const l of lines) {
    if (isEmpty(l)) {
      if (prev)
        empties++;
      continue;
    }
    const b = body(l);
    const more = /^[ \t]/.test(l.text.slice(indent));
    if (prev) {
      const breakOff = prev.start + prev.text.length;
      if (prev.more || more)
        out.push({ ch: "\n", off: breakOff });
      else if (empties === 0)
        out.push({ ch: " ", off: breakOff });
      for (let e = 0; e < empties; e++)
        out.push({ ch: "\n", off: breakOff });
    }
    pushAll(out, b);
    prev = { ...l, more };
    empties = 0;
  }
  return out;
}
function flowChars(src, start, end, quote) {
  const from = quote ? start + 1 : start;
  const to = quote ? end - 1 : end;
  const out = [];
  const simple2 = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "	", " ": " ", "0": "\0", r: "\r", b: "\b", e: "\x1B" };
  for (let k = from; k < to; k++) {
    const c = src[k];
    if (c === "\r" || c === "\n") {
      while (out.length && (out[out.length - 1].ch === " " || out[out.length - 1].ch === "	") && out[out.length - 1].off >= 0 && /[ \t]/.test(src[out[out.length - 1].off]))
        out.pop();
      const breakOff = k;
      let empties = 0;
      let j = k;
      for (; ; ) {
        if (src[j] === "\r")
          j++;
        if (src[j] !== "\n")
          break;
        j++;
        while (j < to && (src[j] === " " || src[j] === "	"))
          j++;
        if (src[j] === "\n" || src[j] === "\r")
          empties++;
        else
          break;
      }
      if (empties === 0)
        out.push({ ch: " ", off: breakOff });
      for (let e = 0; e < empties; e++)
        out.push({ ch: "\n", off: breakOff });
      k = j - 1;
      continue;
    }
    if (quote === "'" && c === "'" && src[k + 1] === "'") {
      out.push({ ch: "'", off: k });
      k++;
      continue;
    }
    if (quote === '"' && c === "\\") {
      const n = src[k + 1];
      if (n === "\n" || n === "\r") {
        let j = k + 1;
        if (src[j] === "\r")
          j++;
        j++;
        while (j < to && (src[j] === " " || src[j] === "	"))
          j++;
        k = j - 1;
        continue;
      }
      if (n !== void 0 && n in simple2) {
        out.push({ ch: simple2[n], off: k });
        k++;
        continue;
      }
      return [];
    }
    out.push({ ch: c, off: k });
  }
  if (!quote)
    while (out.length && /[ \t]/.test(out[out.length - 1].ch))
      out.pop();
  return out;
}
function scalarChars(src, node) {
  const value = String(node.value ?? "");
  const [start, end] = node.range ?? [0, 0];
  let mine = [];
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED")
    mine = blockChars(src, start, end);
  else if (node.type === "QUOTE_SINGLE")
    mine = flowChars(src, start, end, "'");
  else if (node.type === "QUOTE_DOUBLE")
    mine = flowChars(src, start, end, '"');
  else
    mine = flowChars(src, start, end, "");
  const strip = (s) => s.replace(/\n+$/, "");
  if (strip(charsText(mine)) === strip(value))
    return mine;
  return [...value].map((ch) => ({ ch, off: -1 }));
}

// dist/src/frontends/config/driver.js
import path12 from "node:path";

// dist/src/kernel/suppressions.js
var VENVGUARD_RE = /venvguard:\s*ignore(?:\[([^\]]*)\])?/i;
var NOQA_RE = /\bnoqa\b(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i;
function parseSuppressions(file, comments) {
  const out = /* @__PURE__ */ new Map();
  for (const c of comments) {
    const line = file.location(c.offset).line;
    const codes = suppressedCodes(c.text);
    if (!codes)
      continue;
    const prev = out.get(line);
    if (codes === "all" || prev === "all")
      out.set(line, "all");
    else
      out.set(line, /* @__PURE__ */ new Set([...prev ?? [], ...codes]));
  }
  return out;
}
function suppressedCodes(comment) {
  const v = VENVGUARD_RE.exec(comment);
  if (v) {
    if (v[1] === void 0)
      return "all";
    return new Set(v[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()));
  }
  const n = NOQA_RE.exec(comment);
  if (n) {
    if (!n[1])
      return "all";
    return new Set(n[1].split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()));
  }
  return void 0;
}
function isSuppressed(s, lines, code, name) {
  for (const l of lines) {
    const e = s.get(l);
    if (e === "all" || e?.has(code) || e?.has(name.toUpperCase()))
      return true;
  }
  return false;
}

// dist/src/frontends/shell/lookups.js
var LOOKUP = /^\s*(?:which|command\s+-v|type\s+-[pP])\s+(['"]?)([A-Za-z_][\w.+-]*)\1\s*(?:[12]?>\s*\/dev\/null\s*|2>&1\s*)*(?:\|\|\s*true\s*)?$/;
function lookedUpName(substitution) {
  let inner;
  if (substitution.startsWith("$(") && substitution.endsWith(")") && !substitution.startsWith("$(("))
    inner = substitution.slice(2, -1);
  else if (substitution.length >= 2 && substitution.startsWith("`") && substitution.endsWith("`"))
    inner = substitution.slice(1, -1);
  if (inner === void 0)
    return void 0;
  return LOOKUP.exec(inner)?.[2];
}
function lookupFragment(name, span) {
  const s = span ?? { start: 0, end: 0 };
  return { kind: "path-lookup", name: { fragments: [{ kind: "text", text: name }], span: s }, span: s };
}
var OPEN = "";
var CLOSE = "";
function lookupAwareText(w, other) {
  let s = "";
  for (const f of w.fragments) {
    if (f.kind === "path-lookup") {
      const n = f.name.fragments.length === 1 && f.name.fragments[0].kind === "text" ? f.name.fragments[0].text : void 0;
      s += n !== void 0 ? `${OPEN}${n}${CLOSE}` : other(f);
    } else
      s += f.kind === "text" ? f.text : other(f);
  }
  return s;
}
function splitLookups(value) {
  if (!value.includes(OPEN))
    return void 0;
  const out = [];
  const re = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, "g");
  let p = 0;
  for (const m of value.matchAll(re)) {
    if (m.index > p)
      out.push(value.slice(p, m.index));
    out.push({ lookup: m[1] });
    p = m.index + m[0].length;
  }
  if (p < value.length)
    out.push(value.slice(p));
  return out;
}
function lookupWordSpan(source, w) {
  if (w.fragments.length !== 1 || w.fragments[0].kind !== "path-lookup" || !w.span)
    return void 0;
  const text3 = source.slice(w.span.start, w.span.end);
  const bare = /^"(.*)"$/s.exec(text3)?.[1] ?? text3;
  if (lookedUpName(bare) !== void 0 || /^\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})$/.test(bare))
    return w.span;
  return void 0;
}

// dist/src/frontends/shell/removed-venvs.js
var removedAfterCreation = /* @__PURE__ */ new WeakMap();
function markRemovedAfterCreation(venvs, venv) {
  let set = removedAfterCreation.get(venvs);
  if (!set)
    removedAfterCreation.set(venvs, set = /* @__PURE__ */ new Set());
  set.add(venv);
}
function createdThenRemoved(venvs, venv) {
  return removedAfterCreation.get(venvs)?.has(venv) ?? false;
}
function removeVenvs(argv, venvs, resolve) {
  if (argv.length < 3 || wordText(argv[0]) !== "rm")
    return;
  const t = argv.map((w) => wordText(w));
  const opts = t.slice(1).filter((a) => a !== void 0 && /^-[A-Za-z]+$/.test(a)).join("");
  if (!/[rR]/.test(opts))
    return;
  for (const a of t.slice(1)) {
    if (a === void 0 || a.startsWith("-") || /[*?[]/.test(a))
      continue;
    const abs = resolve(a);
    if (abs === void 0)
      continue;
    for (const v of [...venvs.keys()]) {
      if (v !== abs && !v.startsWith(abs === "/" ? "/" : abs + "/"))
        continue;
      if (venvs.get(v)?.how === "created")
        markRemovedAfterCreation(venvs, v);
      venvs.delete(v);
    }
  }
}

// dist/src/frontends/shell/sourced.js
import path7 from "node:path";

// dist/src/frontends/repo-files.js
import fs4 from "node:fs";
import path6 from "node:path";
var MAX_LEVELS = 8;
function fromFolderUp(from, look) {
  let dir = path6.dirname(path6.resolve(from));
  for (let i = 0; i < MAX_LEVELS; i++) {
    const found = look(dir);
    if (found !== void 0)
      return found;
    const up = path6.dirname(dir);
    if (up === dir)
      break;
    dir = up;
  }
  return void 0;
}
function fileAnswer(cache3, p, maxBytes, answer) {
  let st;
  try {
    st = fs4.statSync(p);
  } catch {
    return void 0;
  }
  if (!st.isFile())
    return void 0;
  const key = `${p}\0${st.size}\0${st.mtimeMs}`;
  if (cache3.has(key))
    return cache3.get(key);
  let result;
  try {
    result = answer(st.size <= maxBytes ? fs4.readFileSync(p, "utf8") : void 0);
  } catch {
    return void 0;
  }
  cache3.set(key, result);
  return result;
}

// dist/src/frontends/shell/sourced.js
var MAX_BYTES2 = 256 * 1024;
var ACTIVATES = /^[^#]*?(?:(?:^|[\s;&|(])(?:source|\.)[ \t]+["']?[^\s;&|"']*\/?bin\/activate\b|\b(?:conda|mamba|micromamba)[ \t]+activate\b|\bVIRTUAL_ENV=\S|\bPATH=["']?[^\s;#]*\/bin:)/;
var MAX_LINE = 512;
function activatesIn(text3) {
  for (const line of text3.split("\n")) {
    if (line.length > MAX_LINE || !/activate|PATH=|VIRTUAL_ENV=/.test(line))
      continue;
    if (ACTIVATES.test(line))
      return true;
  }
  return false;
}
var cache = /* @__PURE__ */ new Map();
function sourcedActivation(from, target) {
  if (!target || target.startsWith("/") || target.startsWith("~") || /[$`*?\u0001]/.test(target))
    return void 0;
  const hit = fromFolderUp(from, (dir) => fileAnswer(cache, path7.join(dir, target), MAX_BYTES2, (text3) => text3 !== void 0 && activatesIn(text3)));
  return hit ? target : void 0;
}
var ACTIVATING_HELPER = /^(?:_+activate\w*|[A-Za-z]\w*[_-]activate(?:[_-][\w-]+)?|activate[_-][\w-]+)$/i;
function definesFunction(text3, name) {
  const n = name.replace(/[-]/g, "\\-");
  return new RegExp(`(?:^|[\\s;&|(){}])(?:function[ \\t]+${n}\\b|${n}[ \\t]*\\(\\s*\\))`).test(text3);
}

// dist/src/frontends/command/options.js
var MAX_SHELL_DEPTH = 8;
function wrapped(st, label) {
  return { ...st, wrappers: [...st.wrappers, label], steps: st.steps + 1 };
}
function assign(st, a) {
  const s = { ...st, assignments: [...st.assignments.filter((x) => x.name !== a.name), a] };
  if (a.name === "PATH") {
    s.envPathSet = true;
    s.pathUnset = false;
  }
  return s;
}
function nestedShell(script, dialect, st) {
  if (st.shellDepth >= MAX_SHELL_DEPTH)
    return { kind: "unknown" };
  return { kind: "script", script, dialect, st: { ...st, shellDepth: st.shellDepth + 1 } };
}
function lookupLong(spec, name) {
  const table = spec.long ?? {};
  if (Object.hasOwn(table, name))
    return [name, table[name]];
  const candidates = Object.keys(table).filter((k) => k.startsWith(name));
  if (candidates.length === 1)
    return [candidates[0], table[candidates[0]]];
  return [name, "flag"];
}
function parseOptions(argv, start, spec) {
  const options2 = [];
  let i = start;
  while (i < argv.length) {
    const w = argv[i];
    const lead = leadingText(w);
    const full = isAllText(w);
    if (lead === "") {
      const first = w.fragments[0];
      if (first && first.kind === "unknown")
        return { options: options2, next: i, status: "unknown" };
      return { options: options2, next: i, status: "ok" };
    }
    const sign = lead[0];
    if (sign !== "-" && !(spec.plus && sign === "+") || full && lead.length === 1)
      return { options: options2, next: i, status: "ok" };
    if (full && lead === "--")
      return { options: options2, next: i + 1, status: "ok", ended: true };
    if (spec.numeric && full && /^-[-+]?\d+$/.test(lead)) {
      options2.push({ name: "numeric", value: dropLeading(w, 1), end: i + 1 });
      i++;
      continue;
    }
    if (sign === "-" && lead.startsWith("--")) {
      const body = lead.slice(2);
      const eq = body.indexOf("=");
      if (eq < 0 && !full)
        return { options: options2, next: i, status: "unknown" };
      const [name, kind] = lookupLong(spec, eq < 0 ? body : body.slice(0, eq));
      if (eq >= 0) {
        options2.push({ name, value: dropLeading(w, 3 + eq), end: i + 1 });
        i++;
      } else if (kind === "arg") {
        if (i + 1 >= argv.length)
          return { options: options2, next: argv.length, status: "missing-value" };
        options2.push({ name, value: argv[i + 1], end: i + 2 });
        i += 2;
      } else {
        options2.push({ name, end: i + 1 });
        i++;
      }
      continue;
    }
    let j = 1;
    let consumedNext = false;
    let tookRest = false;
    for (; j < lead.length; j++) {
      const c = lead[j];
      if (spec.withArg?.includes(c)) {
        if (j + 1 < lead.length || !full) {
          options2.push({ name: c, value: dropLeading(w, j + 1), end: i + 1 });
        } else {
          if (i + 1 >= argv.length)
            return { options: options2, next: argv.length, status: "missing-value" };
          options2.push({ name: c, value: argv[i + 1], end: i + 2 });
          consumedNext = true;
        }
        tookRest = true;
        break;
      }
      if (spec.optionalArg?.includes(c)) {
        options2.push({ name: c, value: j + 1 < lead.length || !full ? dropLeading(w, j + 1) : void 0, end: i + 1 });
        tookRest = true;
        break;
      }
      options2.push({ name: c, end: i + 1 });
    }
    if (!tookRest && !full)
      return { options: options2, next: i, status: "unknown" };
    i += consumedNext ? 2 : 1;
  }
  return { options: options2, next: i, status: "ok" };
}
function has(p, ...names) {
  return p.options.some((o) => names.includes(o.name));
}
function operand(argv, p, st, label, alone = "self") {
  if (p.status === "unknown")
    return { kind: "unknown" };
  if (p.status === "missing-value" || p.next >= argv.length)
    return st.complete ? { kind: alone } : { kind: "unknown" };
  return { kind: "exec", argv: argv.slice(p.next), st: wrapped(st, label) };
}
function positionals(p, count) {
  return p.status === "ok" ? { ...p, next: p.next + count } : p;
}
function simple(spec, opts = {}) {
  return (argv, st, name) => {
    let p = parseOptions(argv, 1, spec);
    if (opts.computedPositional && p.status === "unknown" && p.next < argv.length && leadingText(argv[p.next]) === "")
      p = { ...p, status: "ok" };
    if (opts.selfIf && has(p, ...opts.selfIf))
      return { kind: "self" };
    return operand(argv, positionals(p, opts.positional ?? 0), st, name, opts.alone);
  };
}

// dist/src/frontends/command/wrappers.js
var ENV_SPEC = {
  withArg: "uCSaP",
  long: {
    "ignore-environment": "flag",
    null: "flag",
    unset: "arg",
    chdir: "arg",
    "split-string": "arg",
    argv0: "arg",
    debug: "flag",
    "block-signal": "optional",
    "default-signal": "optional",
    "ignore-signal": "optional",
    "list-signal-handling": "flag",
    help: "flag",
    version: "flag"
  }
};
var env = (argv, st0, name) => {
  let st = st0;
  let args = argv;
  let complete = st.complete;
  let p = parseOptions(args, 1, ENV_SPEC);
  options: for (; ; ) {
    for (const o of p.options) {
      if (o.name === "i" || o.name === "ignore-environment")
        st = { ...st, assignments: [], envPathSet: false, pathUnset: true };
      else if ((o.name === "u" || o.name === "unset") && o.value) {
        const unset = wordText(o.value);
        if (unset === "PATH")
          st = { ...st, envPathSet: false, pathUnset: true };
        if (unset !== void 0)
          st = { ...st, assignments: st.assignments.filter((a) => a.name !== unset) };
      } else if (o.name === "P")
        st = { ...st, envPathSet: true, pathUnset: false };
      else if ((o.name === "S" || o.name === "split-string") && o.value) {
        const split = splitEnvString(o.value);
        if (!split.complete)
          complete = false;
        args = [args[0], ...split.words, ...args.slice(o.end)];
        p = parseOptions(args, 1, ENV_SPEC);
        continue options;
      }
    }
    break;
  }
  if (p.status === "unknown")
    return { kind: "unknown" };
  let i = p.next;
  if (p.status === "ok" && i < args.length && wordText(args[i]) === "-") {
    st = { ...st, assignments: [], envPathSet: false, pathUnset: true };
    i++;
  }
  for (; p.status === "ok" && i < args.length; i++) {
    const w = args[i];
    const lead = leadingText(w);
    const eq = lead.indexOf("=");
    if (eq > 0)
      st = assign(st, { name: lead.slice(0, eq), value: dropLeading(w, eq + 1) });
    else if (lead === "" && w.fragments[0]?.kind === "unknown")
      return { kind: "unknown" };
    else
      break;
  }
  return operand(args, { ...p, next: i }, { ...st, complete }, name);
};
function splitEnvString(w) {
  const units = wordUnits(w);
  const words2 = [];
  let cur = [];
  let started = false;
  let complete = true;
  let quote = "";
  const end = () => {
    if (started)
      words2.push(unitsToWord(cur));
    cur = [];
    started = false;
  };
  const ch = (k) => {
    const u = units[k];
    return u && !("frag" in u) ? u.ch : void 0;
  };
  const escapes = { t: "	", n: "\n", r: "\r", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "#": "#", $: "$" };
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if ("frag" in u) {
      if (u.frag.kind === "unknown")
        complete = false;
      cur.push(u);
      started = true;
      continue;
    }
    const c = u.ch;
    if (quote === "'") {
      if (c === "'")
        quote = "";
      else if (c === "\\" && (ch(k + 1) === "\\" || ch(k + 1) === "'"))
        cur.push(units[++k]);
      else
        cur.push(u);
      continue;
    }
    if (c === "\\") {
      const e = ch(k + 1);
      if (e === "_") {
        if (quote)
          cur.push({ ch: " ", off: u.off });
        else
          end();
        k++;
      } else if (e === "c") {
        break;
      } else if (e !== void 0 && e in escapes) {
        cur.push({ ch: escapes[e], off: units[k + 1].off });
        started = true;
        k++;
      } else {
        cur.push(u);
        started = true;
      }
      continue;
    }
    if (c === "$" && ch(k + 1) === "{") {
      let j = k + 2;
      while (j < units.length && ch(j) !== "}")
        j++;
      cur.push({ frag: { kind: "unknown", why: "env -S ${\u2026}" } });
      started = true;
      complete = false;
      k = j;
      continue;
    }
    if (quote === '"') {
      if (c === '"')
        quote = "";
      else
        cur.push(u);
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      started = true;
    } else if (c === " " || c === "	" || c === "\n" || c === "\v" || c === "\f" || c === "\r") {
      end();
    } else if (c === "#" && !started) {
      break;
    } else {
      cur.push(u);
      started = true;
    }
  }
  end();
  return { words: words2, complete };
}
var SUDO_SPEC = {
  withArg: "CDgpRrTtUuac",
  optionalArg: "h",
  long: {
    askpass: "flag",
    background: "flag",
    bell: "flag",
    "close-from": "arg",
    chdir: "arg",
    "preserve-env": "optional",
    edit: "flag",
    group: "arg",
    "set-home": "flag",
    help: "flag",
    host: "arg",
    login: "flag",
    "remove-timestamp": "flag",
    "reset-timestamp": "flag",
    list: "flag",
    "no-update": "flag",
    "non-interactive": "flag",
    "preserve-groups": "flag",
    prompt: "arg",
    chroot: "arg",
    role: "arg",
    stdin: "flag",
    shell: "flag",
    type: "arg",
    "command-timeout": "arg",
    "other-user": "arg",
    user: "arg",
    version: "flag",
    validate: "flag",
    "auth-type": "arg",
    "login-class": "arg"
  }
};
var sudo = (argv, st0, name) => {
  const p = parseOptions(argv, 1, SUDO_SPEC);
  if (has(p, "l", "list", "v", "validate", "e", "edit", "V", "version", "K", "remove-timestamp", "help"))
    return { kind: "self" };
  if (p.options.some((o) => o.name === "h" && !o.value))
    return { kind: "self" };
  const keep2 = has(p, "E", "preserve-env");
  let st = { ...st0, pathReset: "sudo", envPathSet: false, pathUnset: false, assignments: keep2 ? st0.assignments : [] };
  let i = p.next;
  for (; p.status === "ok" && i < argv.length; i++) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(leadingText(argv[i]));
    if (!m)
      break;
    st = { ...st, assignments: [...st.assignments.filter((a) => a.name !== m[1]), { name: m[1], value: dropLeading(argv[i], m[0].length) }] };
  }
  return operand(argv, { ...p, next: i }, st, name);
};
var doas = (argv, st, name) => {
  const p = parseOptions(argv, 1, { withArg: "uC" });
  if (has(p, "C", "s", "L"))
    return { kind: "self" };
  return operand(argv, p, { ...st, pathReset: "doas", envPathSet: false, pathUnset: false }, name);
};
var SU_SPEC = {
  withArg: "cgGswu",
  long: {
    command: "arg",
    "session-command": "arg",
    shell: "arg",
    group: "arg",
    "supp-group": "arg",
    "whitelist-environment": "arg",
    login: "flag",
    "preserve-environment": "flag",
    fast: "flag",
    pty: "flag",
    user: "arg",
    help: "flag",
    version: "flag"
  }
};
var su = (argv, st0, name) => {
  let i = 1;
  let login = false;
  let script;
  let user = false;
  let firstOperand = -1;
  for (; ; ) {
    const p = parseOptions(argv, i, SU_SPEC);
    if (p.status === "unknown")
      return { kind: "unknown" };
    if (p.status === "missing-value")
      return st0.complete ? { kind: "self" } : { kind: "unknown" };
    for (const o of p.options) {
      if (o.name === "l" || o.name === "login")
        login = true;
      else if ((o.name === "c" || o.name === "command" || o.name === "session-command") && o.value)
        script = o.value;
      else if (o.name === "u" || o.name === "user")
        user = true;
    }
    if (p.next >= argv.length)
      break;
    if (firstOperand < 0)
      firstOperand = p.next;
    if (user)
      return operand(argv, { ...p, next: firstOperand }, st0, name);
    if (p.ended)
      break;
    if (wordText(argv[p.next]) === "-")
      login = true;
    i = p.next + 1;
  }
  if (!script)
    return st0.complete ? { kind: "self" } : { kind: "unknown" };
  let st = { ...wrapped(st0, `${name} -c`), complete: true };
  if (login)
    st = { ...st, pathReset: `${name} -l`, envPathSet: false, pathUnset: false, assignments: [] };
  return nestedShell(script, "sh", st);
};
var command = (argv, st, name) => {
  const p = parseOptions(argv, 1, {});
  if (has(p, "v", "V"))
    return { kind: "none" };
  return operand(argv, p, has(p, "p") ? { ...st, pathReset: "command -p", envPathSet: false, pathUnset: false } : st, name, "none");
};
var SHELL_SPEC = {
  withArg: "oO",
  plus: true,
  long: {
    login: "flag",
    noprofile: "flag",
    norc: "flag",
    posix: "flag",
    restricted: "flag",
    verbose: "flag",
    version: "flag",
    help: "flag",
    debugger: "flag",
    "dump-strings": "flag",
    "dump-po-strings": "flag",
    noediting: "flag",
    "pretty-print": "flag",
    rcfile: "arg",
    "init-file": "arg"
  }
};
var SH_DIALECT = /* @__PURE__ */ new Set(["sh", "dash", "ash"]);
var shell = (argv, st, name) => {
  const p = parseOptions(argv, 1, SHELL_SPEC);
  const dashC = p.options.some((o) => o.name === "c" && !leadingText(argv[o.end - 1]).startsWith("+"));
  if (p.status === "unknown" && !dashC)
    return { kind: "unknown" };
  if (!dashC)
    return { kind: "self" };
  if (p.status === "missing-value" || p.next >= argv.length)
    return st.complete ? { kind: "self" } : { kind: "unknown" };
  return nestedShell(argv[p.next], SH_DIALECT.has(name) ? "sh" : "bash", { ...wrapped(st, `${name} -c`), complete: true });
};
var flock = (argv, st, name) => {
  const parsed = parseOptions(argv, 1, {
    withArg: "wE",
    long: {
      shared: "flag",
      exclusive: "flag",
      unlock: "flag",
      nonblock: "flag",
      nb: "flag",
      close: "flag",
      "no-fork": "flag",
      timeout: "arg",
      "conflict-exit-code": "arg",
      verbose: "flag",
      help: "flag",
      version: "flag"
    }
  });
  const computed = parsed.status === "unknown" && parsed.next < argv.length && leadingText(argv[parsed.next]) === "";
  const p = positionals(computed ? { ...parsed, status: "ok" } : parsed, 1);
  const flag = p.status === "ok" ? wordText(argv[p.next] ?? { fragments: [] }) : void 0;
  if (flag === "-c" || flag === "--command") {
    if (p.next + 1 >= argv.length)
      return st.complete ? { kind: "self" } : { kind: "unknown" };
    return nestedShell(argv[p.next + 1], "sh", { ...wrapped(st, `${name} -c`), complete: true });
  }
  return operand(argv, p, st, name);
};
var WATCH_SPEC = {
  withArg: "nq",
  optionalArg: "d",
  long: {
    interval: "arg",
    differences: "optional",
    beep: "flag",
    color: "flag",
    "no-color": "flag",
    errexit: "flag",
    chgexit: "flag",
    equexit: "arg",
    exec: "flag",
    precise: "flag",
    "no-title": "flag",
    "no-wrap": "flag",
    "no-rerun": "flag",
    help: "flag",
    version: "flag"
  }
};
var watch = (argv, st, name) => {
  const p = parseOptions(argv, 1, WATCH_SPEC);
  if (has(p, "x", "exec"))
    return operand(argv, p, st, name);
  if (p.status === "unknown")
    return { kind: "unknown" };
  if (p.status === "missing-value" || p.next >= argv.length)
    return st.complete ? { kind: "self" } : { kind: "unknown" };
  return nestedShell(joinWords(argv.slice(p.next)), "sh", wrapped(wrapped(st, name), "sh -c"));
};
var evalBuiltin = (argv, st, name) => {
  if (!st.viaShell)
    return { kind: "self" };
  const start = wordText(argv[1] ?? { fragments: [] }) === "--" ? 2 : 1;
  if (start >= argv.length)
    return { kind: "none" };
  return nestedShell(joinWords(argv.slice(start)), st.dialect, wrapped(st, name));
};
var xargs = (argv, st, name) => {
  const p = parseOptions(argv, 1, {
    withArg: "nIdPLsEa",
    optionalArg: "iel",
    long: {
      null: "flag",
      "arg-file": "arg",
      delimiter: "arg",
      eof: "optional",
      replace: "optional",
      "max-lines": "optional",
      "max-args": "arg",
      "max-chars": "arg",
      "max-procs": "arg",
      interactive: "flag",
      verbose: "flag",
      exit: "flag",
      "no-run-if-empty": "flag",
      "open-tty": "flag",
      "process-slot-var": "arg",
      "show-limits": "flag",
      help: "flag",
      version: "flag"
    }
  });
  const step = operand(argv, p, st, name);
  if (step.kind === "exec" && !has(p, "I", "i", "replace"))
    step.st = { ...step.st, complete: false };
  return step;
};
var STRACE_SPEC = {
  withArg: "abeEIoOpPsSuXU",
  long: {
    output: "arg",
    attach: "arg",
    trace: "arg",
    "trace-path": "arg",
    "string-limit": "arg",
    "summary-sort-by": "arg",
    env: "arg",
    user: "arg",
    columns: "arg",
    "const-print-style": "arg",
    "decode-fds": "optional",
    "follow-forks": "flag",
    quiet: "optional",
    silent: "optional",
    timestamps: "optional",
    signal: "arg",
    status: "arg",
    inject: "arg",
    fault: "arg",
    "seccomp-bpf": "flag",
    summary: "flag",
    "summary-only": "flag"
  }
};
var LTRACE_SPEC = {
  withArg: "aAeFlnopsuwxD",
  long: { output: "arg", library: "arg", config: "arg", indent: "arg", align: "arg", demangle: "flag", help: "flag", version: "flag" }
};
var SCREEN_WITH_ARG = /* @__PURE__ */ new Set(["-c", "-e", "-h", "-p", "-s", "-S", "-t", "-T", "-Logfile"]);
var SCREEN_SELF = /* @__PURE__ */ new Set(["-ls", "-list", "-wipe", "-r", "-R", "-RR", "-x", "-v", "-version", "-help"]);
var SCREEN_BUNDLE = /^-[aAdDmiflLOqU]+([cehpsStT])?$/;
var screen = (argv, st, name) => {
  let i = 1;
  for (; i < argv.length; i++) {
    const w = wordText(argv[i]);
    if (w === void 0)
      return { kind: "unknown" };
    if (w === "--" || !w.startsWith("-"))
      break;
    if (SCREEN_SELF.has(w))
      return { kind: "self" };
    if (w === "-X") {
      if (wordText(argv[i + 1] ?? { fragments: [] }) !== "screen")
        return { kind: "self" };
      i++;
    } else if (SCREEN_WITH_ARG.has(w) || SCREEN_BUNDLE.exec(w)?.[1])
      i++;
    else if (!SCREEN_BUNDLE.test(w) && w !== "-fn" && w !== "-fa" && w !== "-ln")
      return { kind: "unknown" };
  }
  if (wordText(argv[i] ?? { fragments: [] }) === "--")
    i++;
  return operand(argv, { options: [], next: i, status: "ok" }, st, name);
};
var TMUX_SPEC = { withArg: "cfLST" };
var TMUX_OPTIONS = /^[2CDlNuvcfLST]$/;
var TMUX_STARTS = new Map([
  [["new-session", "new"], "cefFnstxy"],
  [["new-window", "neww"], "ceFnt"],
  [["split-window", "splitw"], "celtFp"],
  [["respawn-pane", "respawnp", "respawn-window", "respawnw"], "cet"]
].flatMap(([names, withArg]) => names.map((n) => [n, { withArg }])));
var tmux = (argv, st0, name) => {
  const p = parseOptions(argv, 1, TMUX_SPEC);
  if (p.status === "unknown" || p.options.some((o) => !TMUX_OPTIONS.test(o.name)))
    return { kind: "unknown" };
  const script = p.options.find((o) => o.name === "c")?.value;
  if (script)
    return nestedShell(script, "bash", wrapped(wrapped(st0, name), "$SHELL -c"));
  if (p.status === "missing-value")
    return { kind: "self" };
  const command2 = wordText(argv[p.next] ?? { fragments: [] });
  const spec = command2 === void 0 ? void 0 : TMUX_STARTS.get(command2);
  if (!spec)
    return command2 === void 0 && p.next < argv.length ? { kind: "unknown" } : { kind: "self" };
  const q = parseOptions(argv, p.next + 1, spec);
  if (q.options.some((o) => !/^[a-zA-Z]$/.test(o.name)))
    return { kind: "unknown" };
  let st = st0;
  for (const o of q.options) {
    if (o.name !== "e" || !o.value)
      continue;
    const lead = leadingText(o.value);
    const eq = lead.indexOf("=");
    if (eq <= 0)
      return { kind: "unknown" };
    st = assign(st, { name: lead.slice(0, eq), value: dropLeading(o.value, eq + 1) });
  }
  const rest = q.status === "ok" ? argv.slice(q.next) : [];
  if (rest.some((w) => wordText(w) === ";"))
    return { kind: "unknown" };
  if (rest.length === 1)
    return nestedShell(rest[0], "bash", wrapped(wrapped(st, name), "$SHELL -c"));
  return operand(argv, q, st, name);
};
var SHELLS2 = ["sh", "bash", "dash", "zsh", "ksh", "ash", "mksh"];
var HANDLERS = new Map([
  ["env", env],
  ["nice", simple({ withArg: "n", numeric: true, long: { adjustment: "arg", help: "flag", version: "flag" } })],
  ["nohup", simple({})],
  [
    "timeout",
    simple({ withArg: "ks", long: { "kill-after": "arg", signal: "arg", foreground: "flag", "preserve-status": "flag", verbose: "flag", help: "flag", version: "flag" } }, { positional: 1, computedPositional: true })
  ],
  ["sudo", sudo],
  ["doas", doas],
  ["su", su],
  ["runuser", su],
  ["exec", simple({ withArg: "a" }, { alone: "none" })],
  ["command", command],
  ["builtin", simple({}, { alone: "none" })],
  ["time", simple({ withArg: "fo", long: { format: "arg", output: "arg", append: "flag", verbose: "flag", portability: "flag", quiet: "flag" } }, { alone: "none" })],
  ["xargs", xargs],
  ["stdbuf", simple({ withArg: "ioe", long: { input: "arg", output: "arg", error: "arg", help: "flag", version: "flag" } })],
  ["ionice", simple({ withArg: "cnpPu", long: { class: "arg", classdata: "arg", pid: "arg", pgid: "arg", uid: "arg", ignore: "flag" } }, { selfIf: ["p", "P", "u", "pid", "pgid", "uid"] })],
  ["chrt", chrt()],
  ["taskset", simple({ long: { "all-tasks": "flag", pid: "flag", "cpu-list": "flag", help: "flag", version: "flag" } }, { positional: 1, selfIf: ["p", "pid"], computedPositional: true })],
  ["setsid", simple({ long: { ctty: "flag", fork: "flag", wait: "flag" } })],
  ["flock", flock],
  ["unbuffer", simple({})],
  ["chronic", simple({})],
  ["caffeinate", simple({ withArg: "tw" })],
  ["catchsegv", simple({})],
  ["strace", simple(STRACE_SPEC)],
  ["ltrace", simple(LTRACE_SPEC)],
  ["watch", watch],
  ["screen", screen],
  ["tmux", tmux],
  ["eval", evalBuiltin],
  ["gosu", simple({}, { positional: 1, computedPositional: true })],
  ["su-exec", simple({}, { positional: 1, computedPositional: true })],
  ["tini", simple({ withArg: "ep" })],
  ["dumb-init", simple({ withArg: "r", long: { "single-child": "flag", rewrite: "arg", verbose: "flag", version: "flag", help: "flag" } })],
  ...SHELLS2.map((s) => [s, shell])
]);
function chrt() {
  const spec = {
    withArg: "DPT",
    long: {
      "all-tasks": "flag",
      batch: "flag",
      deadline: "flag",
      fifo: "flag",
      help: "flag",
      idle: "flag",
      max: "flag",
      other: "flag",
      pid: "flag",
      "reset-on-fork": "flag",
      rr: "flag",
      "sched-runtime": "arg",
      "sched-period": "arg",
      "sched-deadline": "arg",
      verbose: "flag",
      version: "flag"
    }
  };
  return (argv, st, name) => {
    let p = parseOptions(argv, 1, spec);
    if (p.status === "unknown" && p.next < argv.length && leadingText(argv[p.next]) === "")
      p = { ...p, status: "ok" };
    if (has(p, "p", "pid", "m", "max"))
      return { kind: "self" };
    if (p.status !== "ok" || p.next >= argv.length)
      return operand(argv, p, st, name);
    const prio = argv[p.next];
    if (!isAllText(prio))
      return leadingText(prio) === "" ? operand(argv, positionals(p, 1), st, name) : { kind: "unknown" };
    return operand(argv, /^\d+$/.test(wordText(prio) ?? "") ? positionals(p, 1) : p, st, name);
  };
}

// dist/src/frontends/python/inline-imports.js
var DYNAMIC_CALLS = /* @__PURE__ */ new Set(["__import__", "exec", "eval", "compile"]);
var DYNAMIC_MODULES = /* @__PURE__ */ new Set(["importlib", "runpy", "pkgutil", "zipimport", "ensurepip"]);
var MAX_CODE = 2e4;
function inlineImports(code, max = MAX_CODE) {
  if (code.length > max)
    return void 0;
  const tree = loadedParser("tree-sitter-python").parse(code);
  if (!tree)
    return void 0;
  try {
    const root = tree.rootNode;
    if (root.hasError)
      return void 0;
    const modules = /* @__PURE__ */ new Set();
    const top = (n) => n?.type === "dotted_name" ? n.text.split(".")[0].trim() : void 0;
    const stack = [root];
    while (stack.length) {
      const n = stack.pop();
      switch (n.type) {
        case "import_statement":
          for (const c of n.childrenForFieldName("name")) {
            const m = top(c?.type === "aliased_import" ? c.childForFieldName("name") : c);
            if (m === void 0)
              return void 0;
            modules.add(m);
          }
          continue;
        case "import_from_statement": {
          const m = top(n.childForFieldName("module_name"));
          if (m === void 0)
            return void 0;
          modules.add(m);
          continue;
        }
        case "future_import_statement":
          modules.add("__future__");
          continue;
        case "call": {
          const f = n.childForFieldName("function");
          if (f?.type === "identifier" && DYNAMIC_CALLS.has(f.text))
            return void 0;
          break;
        }
      }
      for (const c of n.children)
        if (c)
          stack.push(c);
    }
    if ([...modules].some((m) => DYNAMIC_MODULES.has(m)))
      return void 0;
    return [...modules];
  } finally {
    tree.delete();
  }
}

// dist/src/frontends/command/expand.js
var MAX_STEPS = 32;
function expandArgv(argv, opts) {
  const st = { wrappers: [], envPathSet: false, pathUnset: false, assignments: [], shellDepth: 0, steps: 0, viaShell: opts.viaShell ?? false, complete: opts.complete, span: opts.span, dialect: "sh", errors: opts.errors ?? [], nested: opts.nested };
  return run(argv, st);
}
function expandShellCommand(cmd, dialect, nested, outer) {
  if (cmd.words.length === 0)
    return [];
  const base = outer ? { ...outer.st, dialect: outer.dialect } : { wrappers: [], envPathSet: false, pathUnset: false, assignments: [], shellDepth: 0, steps: 0, viaShell: true, complete: true, dialect, errors: [], nested };
  let s = { ...base, viaShell: true, complete: base.complete && cmd.complete, span: cmd.span ?? base.span, nested };
  for (const a of cmd.assignments)
    s = assign(s, a);
  const out = run(cmd.words, s);
  if (cmd.stdin !== void 0)
    for (const c of out)
      c.stdin = cmd.stdin;
  return out;
}
function nestedEnvironment(n) {
  return { pathReset: n.st.pathReset, envPathSet: n.st.envPathSet, pathUnset: n.st.pathUnset };
}
function run(argv, st) {
  for (; ; ) {
    if (argv.length === 0)
      return [];
    const name = programName(argv[0]);
    const handler = name === void 0 ? void 0 : HANDLERS.get(name);
    if (!handler || name === void 0)
      return [finish(argv, st)];
    if (st.steps >= MAX_STEPS)
      return [finish(argv, { ...st, complete: false })];
    const step = handler(argv, st, name);
    switch (step.kind) {
      case "exec":
        argv = step.argv;
        st = step.st;
        continue;
      case "script":
        return step.st.nested({ script: step.script, dialect: step.dialect, st: step.st });
      case "none":
        return [];
      case "self":
        return [finish(argv, st)];
      case "unknown":
        return [finish(argv, { ...st, complete: false })];
    }
  }
}
function finish(argv, st) {
  const c = { argv, wrappers: st.wrappers, viaShell: st.viaShell, complete: st.complete, assignments: st.assignments, span: st.span };
  if (st.pathReset)
    c.pathReset = st.pathReset;
  if (st.envPathSet)
    c.envPathSet = true;
  if (st.pathUnset)
    c.pathUnset = true;
  return c;
}
function programName(w) {
  const t = wordText(w);
  if (t === void 0)
    return void 0;
  return t.slice(t.lastIndexOf("/") + 1);
}
function launchSiteFor(cmd, at) {
  const viaShell = (at.viaShell ?? false) || cmd.viaShell;
  return {
    file: at.file,
    language: at.language,
    api: at.api,
    callSpan: at.callSpan,
    argv: cmd.argv,
    argvComplete: cmd.complete,
    // A wrapper (`env`, `nice` …) looks its operand up on PATH itself, whatever started the wrapper.
    searchesPath: viaShell || cmd.wrappers.length > 0 || (at.searchesPath ?? true),
    viaShell,
    wrappers: cmd.wrappers,
    env: at.env,
    ...inlineCode(cmd)
  };
}
function inlineCode(cmd) {
  const prog = programName(cmd.argv[0] ?? { fragments: [] });
  if (prog === void 0 || !/^(python|pypy)[\d.]*$/.test(prog))
    return {};
  const args = cmd.argv.slice(1).map((w) => wordText(w));
  let code;
  for (let i = 0; i <= args.length; i++) {
    const a = args[i];
    if (a === void 0) {
      if (i < args.length)
        return {};
      code = cmd.stdin;
      break;
    }
    if (a === "-") {
      code = cmd.stdin;
      break;
    }
    if (/^-[A-Za-z]*c$/.test(a) && !/m/.test(a)) {
      code = args[i + 1];
      break;
    }
    if (!/^-[A-Za-z]+$/.test(a) || /[cm]/.test(a))
      return {};
    if (/[WX]$/.test(a))
      i++;
  }
  if (code === void 0)
    return {};
  const imports = inlineImports(code);
  return imports ? { inlineImports: imports } : {};
}

// dist/src/frontends/shell/linked-tools.js
import path8 from "node:path";
var PATH_DIRS = /* @__PURE__ */ new Set(["/usr/local/bin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/sbin", "/sbin", "~/.local/bin", "~/bin"]);
function textOrStar(w) {
  return w.fragments.map((f) => f.kind === "text" ? f.text : "*").join("");
}
function linkedIntoPath(argv, venvs, resolve) {
  if (argv.length < 3 || wordText(argv[0]) !== "ln")
    return [];
  const operands = [];
  let targetDir;
  for (let i = 1; i < argv.length; i++) {
    const t = textOrStar(argv[i]);
    if (t === "--")
      continue;
    if (t.startsWith("--target-directory="))
      targetDir = t.slice("--target-directory=".length);
    else if (t === "-t" && i + 1 < argv.length)
      targetDir = textOrStar(argv[++i]);
    else if (t.startsWith("-") && t.length > 1)
      continue;
    else
      operands.push(t);
  }
  const sources = targetDir !== void 0 ? operands : operands.slice(0, -1);
  const dest = targetDir ?? operands[operands.length - 1];
  if (!sources.length || dest === void 0)
    return [];
  const destClean = dest.replace(/\/+$/, "");
  const intoDir = targetDir !== void 0 || PATH_DIRS.has(destClean) || sources.length > 1;
  const dir = intoDir ? destClean : path8.posix.dirname(destClean);
  if (!PATH_DIRS.has(dir))
    return [];
  const known2 = [...venvs];
  const out = [];
  for (const s of sources) {
    const binAt = s.lastIndexOf("/bin/");
    if (binAt < 0)
      continue;
    const venv = s.slice(0, binAt).includes("*") ? void 0 : resolve(s.slice(0, binAt));
    if (venv === void 0 || !known2.includes(venv))
      continue;
    const name = intoDir ? s.slice(binAt + 5) : path8.posix.basename(destClean);
    out.push({ venv, name: name && !/[*?[/]/.test(name) ? name : void 0 });
  }
  return out;
}

// dist/src/frontends/config/facts.js
import path10 from "node:path";

// dist/src/judge/judge.js
var STDLIB_TOOLS = /* @__PURE__ */ new Set([
  "http.server",
  "json.tool",
  "zipfile",
  "tarfile",
  "gzip",
  "base64",
  "calendar",
  "webbrowser",
  "uuid",
  "tabnanny",
  "tokenize",
  "ast",
  "dis",
  "pickletools",
  "filecmp",
  "mimetypes",
  "zipapp",
  "quopri",
  "uu",
  "binhex",
  "encodings.rot_13"
]);
function leadingText2(w) {
  let text3 = "";
  for (const f of w.fragments) {
    if (f.kind !== "text")
      return { text: text3, whole: false };
    text3 += f.text;
  }
  return { text: text3, whole: true };
}
function judgeLaunch(site, knowledge) {
  const v = judgeBare(site, knowledge);
  return v && site.language === "python" ? applyPolicy(site, v, (s) => judgeBare(s, knowledge)) : v;
}
function reliantLaunchesOf(facts, knowledge) {
  return reliantLaunches(facts, (s) => judgeBare(s, knowledge));
}
function judgeBare(site, knowledge) {
  const v = judgeProgram(site, knowledge);
  if (v?.tool === "pip" && v.resolution !== "system-path" && pipTargetGiven(pipArgs(site.argv.slice(1), isInterpreterName(v.name))))
    return void 0;
  return v;
}
function pipArgs(args, viaInterpreter) {
  if (!viaInterpreter)
    return args;
  const texts = args.map((a) => wordText(a));
  const i = texts.findIndex((t, k) => t === "-mpip" || t === "pip" && texts[k - 1] !== void 0 && /^-[A-Za-z]*m$/.test(texts[k - 1]));
  return i < 0 ? [] : args.slice(i + 1);
}
var PIP_TARGET = /^(?:--(?:target|prefix|root|python|environment)(=?)|-[tE])(.*)$/;
function pipTargetGiven(args) {
  for (let i = 0; i < args.length; i++) {
    const { text: text3, whole } = leadingText2(args[i]);
    const m = PIP_TARGET.exec(text3);
    if (!m)
      continue;
    if (m[1] === void 0 && m[2] === "" && !whole)
      return true;
    if (m[1] === "" && m[2] !== "")
      continue;
    if (m[2] !== "" || m[1] === "=" || i + 1 < args.length)
      return true;
  }
  return false;
}
function judgeProgram(site, knowledge) {
  const program = site.argv[0];
  if (!program || program.fragments.length === 0)
    return void 0;
  const frags = program.fragments;
  if (frags.some((f) => f.kind === "sys-executable" || f.kind === "venv-path"))
    return void 0;
  const pathChosen = site.env.path.kind === "explicit";
  const resolution = site.env.path.kind === "missing" ? "defpath" : site.env.path.kind === "reset" ? "sudo" : "path";
  const programSpan = program.span ?? wordSourceSpan(program);
  const lookup = frags.find((f) => f.kind === "path-lookup");
  if (lookup && lookup.kind === "path-lookup") {
    const name = wordText(lookup.name);
    if (!name || pathChosen || runsOnSystemInterpreter(site))
      return void 0;
    const v = classifyName(name, site, knowledge, "path", lookup.span);
    return v;
  }
  const { text: text3, whole } = leadingText2(program);
  if (text3 === "")
    return void 0;
  if (/[/\\]/.test(text3)) {
    if (whole && isSystemInterpreterPath(text3) && !runsOnSystemInterpreter(site) && !isDiscoveryProbe(text3.replace(/^.*[\\/]/, ""), site.argv.slice(1))) {
      return { tool: "interpreter", name: text3, resolution: "system-path", words: 1, programSpan };
    }
    return void 0;
  }
  if (!site.searchesPath)
    return whole ? classifyUnsearched(text3, knowledge, programSpan) : void 0;
  if (pathChosen)
    return void 0;
  if (runsOnSystemInterpreter(site) && (resolution === "path" || resolution === "sudo"))
    return void 0;
  if (site.language === "python" && site.env.activeVenv !== void 0 && resolution === "path")
    return void 0;
  if (whole)
    return classifyName(text3, site, knowledge, resolution, programSpan);
  if (/^(python|pypy)\d*(\.\d*)?$/.test(text3)) {
    if (isDiscoveryProbe(text3, site.argv.slice(1)))
      return void 0;
    if (!frags.some((f) => f.kind === "unknown" && f.why === RUNNING_VERSION))
      return void 0;
    return { tool: "interpreter", name: `${text3}\u2026`, resolution, words: 1, programSpan };
  }
  if (/^pip\d*(\.\d*)?$/.test(text3))
    return { tool: "pip", name: `${text3}\u2026`, resolution, words: 1, module: "pip", programSpan };
  return void 0;
}
function classifyUnsearched(name, knowledge, programSpan) {
  if (isInterpreterName(name))
    return { tool: "interpreter", name, resolution: "no-lookup", words: 1, programSpan };
  if (isPipName(name))
    return { tool: "pip", name, resolution: "no-lookup", module: "pip", words: 1, programSpan };
  const script = knowledge.consoleScripts.get(name.replace(/\.exe$/i, ""));
  if (script)
    return { tool: "console-script", name, resolution: "no-lookup", module: script.module, words: 1, programSpan, source: script.source };
  return void 0;
}
function runsOnSystemInterpreter(site) {
  return site.language === "python" && site.env.shebang !== void 0 && isSystemInterpreterPath(site.env.shebang);
}
function classifyName(name, site, knowledge, resolution, programSpan) {
  if (isInterpreterName(name)) {
    if (isDiscoveryProbe(name, site.argv.slice(1)))
      return void 0;
    if (otherMajorOnPurpose(name, site))
      return void 0;
    if (site.inlineImports?.every((m) => STDLIB_MODULES.has(m)))
      return void 0;
    const module = runModule(site.argv.slice(1));
    if (module === void 0 && noSite(site.argv.slice(1)))
      return void 0;
    if (module === "pip")
      return { tool: "pip", name, resolution, module: "pip", words: 1, programSpan };
    if (module !== void 0 && SELF_MANAGED_TOOLS.has(module.replace(/_/g, "-")))
      return void 0;
    if (module === "venv")
      return void 0;
    if (module !== void 0 && STDLIB_TOOLS.has(module))
      return void 0;
    return { tool: "interpreter", name, resolution, words: 1, programSpan };
  }
  if (isPipName(name))
    return otherMajorOnPurpose(name, site) ? void 0 : { tool: "pip", name, resolution, module: "pip", words: 1, programSpan };
  const base = name.replace(/\.exe$/i, "");
  if (SELF_MANAGED_TOOLS.has(base))
    return void 0;
  const script = knowledge.consoleScripts.get(base);
  if (script && site.env.scriptsOnPath !== void 0)
    return void 0;
  if (script && site.env.checkedOnPath?.some((n) => n.replace(/\.exe$/i, "") === base || knowledge.consoleScripts.has(n.replace(/\.exe$/i, ""))))
    return void 0;
  if (script)
    return { tool: "console-script", name, resolution, module: script.module, words: 1, programSpan, source: script.source };
  return void 0;
}
function otherMajorOnPurpose(name, site) {
  const asked = /^(?:python|pypy|pip)([23])(?:\.\d+)?(?:\.exe)?$/i.exec(name)?.[1];
  return asked !== void 0 && site.env.shebangMajor !== void 0 && asked !== site.env.shebangMajor;
}
function isDiscoveryProbe(name, args) {
  const texts = args.map((a) => wordText(a));
  if (/^py(\.exe)?$/i.test(name) && args[0]) {
    const first = args[0].fragments[0];
    const selector = texts[0] ?? (first?.kind === "text" && first.text === "-" ? "-{version}" : "");
    if (/^-(\d+(\.\d+)?t?(-(32|64))?|V:\S+|\{version\})$/.test(selector))
      return true;
  }
  if (/^py(\.exe)?$/i.test(name) && texts.length === 1 && /^(?:--list(?:-paths)?|-0p?)$/.test(texts[0] ?? ""))
    return true;
  if (texts.length === 1 && (texts[0] === "-V" || texts[0] === "-VV" || texts[0] === "--version"))
    return true;
  const c = texts.lastIndexOf("-c");
  if (c >= 0 && c === texts.length - 2 && texts[c + 1] !== void 0) {
    const code = texts[c + 1].replace(/\s+/g, " ").trim();
    return /^(import (sys|platform|sysconfig)(, ?(sys|platform|sysconfig))*; ?)+(print|sys\.stdout\.write)\(((sys\.(executable|version|version_info|prefix|base_prefix|exec_prefix|implementation|platform)|platform\.\w+\(\)|sysconfig\.\w+\([^()]*\))[\w.\[\]:, ]*)+\);?$/.test(code);
  }
  return false;
}
function interpreterTarget(args) {
  for (let i = 0; i < args.length; i++) {
    const a = wordText(args[i]);
    if (a === void 0)
      return void 0;
    if (/^-[A-Za-z]*m$/.test(a) && !/c/.test(a)) {
      const module = wordText(args[i + 1] ?? { fragments: [] });
      return module ? { module } : void 0;
    }
    if (/^-m\S/.test(a))
      return { module: a.slice(2) };
    if (a === "-c" || a === "-")
      return void 0;
    if (!a.startsWith("-"))
      return { script: a };
    if (/^-[WX]$/.test(a))
      i++;
    else if (/^--/.test(a))
      continue;
    else if (!/^-[a-zA-Z]+$/.test(a))
      return void 0;
    else if (/[cm]/.test(a.slice(1, -1)))
      return void 0;
  }
  return void 0;
}
function noSite(args) {
  for (const w of args) {
    const a = wordText(w);
    if (a === void 0 || !/^-[A-Za-z]+$/.test(a))
      return false;
    if (/^-[A-Za-z]*S/.test(a) && !/[cmWX]/.test(a.slice(1, a.indexOf("S"))))
      return true;
    if (/[cmWX]/.test(a))
      return false;
  }
  return false;
}
function runModule(args) {
  const t = interpreterTarget(args);
  return t && "module" in t ? t.module : void 0;
}

// dist/src/frontends/python/script-imports.js
import path9 from "node:path";
var MAX_BYTES3 = 64 * 1024;
var ENVIRONMENT_USE = /\bsys\.(?:executable|prefix|exec_prefix|base_prefix|base_exec_prefix|path)\b/;
var ENVIRONMENT_MODULES = /* @__PURE__ */ new Set(["site", "sysconfig", "distutils", "ensurepip", "venv", "importlib"]);
var cache2 = /* @__PURE__ */ new Map();
function launchedScriptImports(from, argv) {
  const program = argv[0] ? wordText(argv[0]) : void 0;
  if (program === void 0 || !isInterpreterName(path9.posix.basename(program)))
    return void 0;
  const target = interpreterTarget(argv.slice(1));
  let files;
  if (target && "module" in target) {
    if (!/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/.test(target.module))
      return void 0;
    const parts = target.module.split(".");
    files = [...parts.slice(0, -1).map((_, k) => `${parts.slice(0, k + 1).join("/")}/__init__.py`), `${parts.join("/")}.py`];
  } else if (target) {
    const w = target.script;
    if (!w.endsWith(".py") || path9.isAbsolute(w) || w.startsWith("~") || /[$`*?\u0001]/.test(w))
      return void 0;
    files = [w];
  }
  if (!files || path9.posix.basename(files[files.length - 1]) === "setup.py")
    return void 0;
  const wanted = files;
  return fromFolderUp(from, (dir) => {
    const found = wanted.map((f) => fileAnswer(cache2, path9.join(dir, f), MAX_BYTES3, importsIn));
    if (found[found.length - 1] === void 0)
      return void 0;
    return found.some((x) => x === null) ? null : found.flatMap((x) => x ?? []);
  }) ?? void 0;
}
function importsIn(text3) {
  const imports = text3 === void 0 || ENVIRONMENT_USE.test(text3) ? void 0 : inlineImports(text3, MAX_BYTES3);
  return imports && !imports.some((m) => ENVIRONMENT_MODULES.has(m)) ? imports : null;
}

// dist/src/frontends/config/facts.js
var DEFAULT_PATH = "\0";
var UNKNOWN2 = "";
var IMAGE_PATH = "";
var hasUnknown = (v) => v.includes(UNKNOWN2) || v.includes(DEFAULT_PATH) || v.includes(IMAGE_PATH);
function venvOnPath(pathValue, venvs, ...extra) {
  if (pathValue === void 0)
    return void 0;
  const named = (v) => extra.some((e) => typeof e === "string" ? e === v : e?.has(v));
  for (const entry of pathValue.split(":")) {
    if (entry.includes(DEFAULT_PATH))
      return void 0;
    if (entry.includes(IMAGE_PATH))
      return [...venvs.keys()].pop();
    const dir = entry.replace(/\/+$/, "");
    if (!dir.endsWith("/bin"))
      continue;
    const venv = dir.slice(0, -4);
    if (venvs.has(venv) || named(venv))
      return venv;
  }
  return void 0;
}
var VENV_OPTIONS_WITH_VALUE = /* @__PURE__ */ new Set(["-p", "--python", "--prompt", "--index-url", "--extra-index-url", "--cache-dir", "--app-data", "--activators", "--extra-search-dir", "--seeder"]);
function createdVenv(argv) {
  const t = argv.map((w) => wordText(w));
  if (argv.length === 0)
    return void 0;
  const prog = t[0] === void 0 ? void 0 : path10.posix.basename(t[0]);
  let i;
  let dflt;
  if ((prog === void 0 || /^python[\d.]*$/.test(prog)) && t[1] === "-m" && (t[2] === "venv" || t[2] === "virtualenv"))
    i = 3;
  else if (prog === void 0)
    return void 0;
  else if (prog === "virtualenv")
    i = 1;
  else if (/^python[\d.]*$/.test(prog) && t[1] !== void 0 && /^virtualenv\.pyz?$/.test(path10.posix.basename(t[1])))
    i = 2;
  else if (prog === "uv" && t[1] === "venv") {
    i = 2;
    dflt = ".venv";
  } else
    return void 0;
  for (; i < t.length; i++) {
    const a = t[i];
    if (a === void 0)
      return void 0;
    if (a === "--")
      return t[i + 1];
    if (a.startsWith("-")) {
      if (VENV_OPTIONS_WITH_VALUE.has(a))
        i++;
      continue;
    }
    return a;
  }
  return dflt;
}
function createdWithoutPip(argv) {
  const t = argv.map((w) => wordText(w));
  const prog = t[0] === void 0 ? void 0 : path10.posix.basename(t[0]);
  return prog === "uv" && t[1] === "venv" && !t.includes("--seed");
}
function runsOtherScript(texts) {
  const [first, second] = texts;
  const script = (w) => w !== void 0 && /\.(?:sh|bash)$/.test(w);
  if (first === void 0)
    return script(second);
  const base = first.split("/").pop() ?? first;
  if (script(base) || /^(?:g?make|just|task)$/.test(base) || /^\.\.?\//.test(first))
    return true;
  return /^(?:bash|sh|dash|zsh|sudo)$/.test(base) && script(second);
}
function mayStartUnseen(site) {
  const texts = site.argv.slice(0, 2).map((w) => wordText(w));
  return texts[0] === void 0 || runsOtherScript(texts);
}
var WITHOUT_VENV = /* @__PURE__ */ new WeakMap();
var LAST_WITH_VENV = /* @__PURE__ */ new WeakMap();
var UNSEEN_FROM = /* @__PURE__ */ new WeakMap();
function linkLaterSites(activations, shells, venvAtEnd) {
  const candidates = () => {
    let list = WITHOUT_VENV.get(shells);
    if (!list) {
      list = shells.filter((r) => !r.site.env.activeVenv && !r.site.config?.activation && !r.site.config?.afterFailedActivation).sort((x, y) => x.order - y.order);
      WITHOUT_VENV.set(shells, list);
    }
    return list;
  };
  const lastWithVenv = () => {
    let last = LAST_WITH_VENV.get(shells);
    if (!last) {
      last = /* @__PURE__ */ new Map();
      for (const r of shells) {
        const v = r.site.env.activeVenv;
        if (v !== void 0 && !r.site.config?.activation && r.order > (last.get(v) ?? -Infinity))
          last.set(v, r.order);
      }
      LAST_WITH_VENV.set(shells, last);
    }
    return last;
  };
  const unseenFrom = () => {
    let from = UNSEEN_FROM.get(shells);
    if (!from) {
      const list = candidates();
      from = new Array(list.length + 1).fill(false);
      for (let i = list.length - 1; i >= 0; i--)
        from[i] = from[i + 1] || mayStartUnseen(list[i].site);
      UNSEEN_FROM.set(shells, from);
    }
    return from;
  };
  for (const a of activations) {
    const facts = a.site.config?.activation;
    if (!facts)
      continue;
    const firstAfter = () => {
      const list = candidates();
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = lo + hi >> 1;
        if (list[mid].order > a.order)
          hi = mid;
        else
          lo = mid + 1;
      }
      return lo;
    };
    facts.later = {
      *sitesWithoutVenv() {
        const list = candidates();
        for (let i = firstAfter(); i < list.length; i++)
          yield list[i].site;
      },
      runsUnseen: () => unseenFrom()[firstAfter()],
      venvOnPath: () => venvAtEnd === facts.venv || (lastWithVenv().get(facts.venv) ?? -Infinity) > a.order
    };
  }
}
function dropSideVenvs(entries) {
  const creating = new Set(entries.filter((e) => e.site.config?.createsVenv).map((e) => e.shell));
  const usedInCreation = /* @__PURE__ */ new Set();
  const usedElsewhere = /* @__PURE__ */ new Set();
  for (const { site: s, shell: shell2 } of entries) {
    const activation = s.config?.activation;
    if (activation)
      usedElsewhere.add(activation.venv);
    if (s.env.activeVenv)
      usedElsewhere.add(s.env.activeVenv);
    const program = s.argv[0] ? wordText(s.argv[0]) : void 0;
    const cut = program?.lastIndexOf("/bin/") ?? -1;
    if (!program || cut < 0)
      continue;
    const dir = program.slice(0, cut).replace(/^\.\//, "");
    for (const v of s.env.knownVenvs ?? []) {
      if (v !== dir && (dir.startsWith("/") || !v.endsWith("/" + dir)))
        continue;
      (creating.has(shell2) ? usedInCreation : usedElsewhere).add(v);
    }
  }
  const side = new Set([...usedInCreation].filter((v) => !usedElsewhere.has(v)));
  if (!side.size)
    return;
  for (const { site: s } of entries)
    if (s.env.knownVenvs)
      s.env.knownVenvs = s.env.knownVenvs.filter((v) => !side.has(v));
}
function markRanWithoutVenv(sites) {
  const key = (s) => {
    const prog = s.argv[0] ? wordText(s.argv[0]) : void 0;
    const next = s.argv[1] ? wordText(s.argv[1]) : void 0;
    if (!prog || prog.includes("/") || !next)
      return void 0;
    if (/^python[\d.]*$/.test(prog)) {
      if (next === "-m") {
        const mod = s.argv[2] ? wordText(s.argv[2]) : void 0;
        return mod && mod !== "pip" && /^[\w.]+$/.test(mod) ? `${prog}\0-m\0${mod}` : void 0;
      }
      return !next.startsWith("-") && /\.py$|\//.test(next) ? `${prog}\0${next}` : void 0;
    }
    return !/^pip[\d.]*$/.test(prog) && /^[a-z][\w-]*$/.test(next) ? `${prog}\0${next}` : void 0;
  };
  const firstBare = /* @__PURE__ */ new Map();
  const ordered = sites.filter((s) => s.config).sort((a, b) => a.callSpan.start - b.callSpan.start);
  for (const s of ordered) {
    const k = key(s);
    if (k === void 0)
      continue;
    if (!s.env.knownVenvs?.length) {
      if (!firstBare.has(k))
        firstBare.set(k, s.file.location(s.callSpan.start).line);
    } else if (firstBare.has(k))
      s.config.ranWithoutVenv = firstBare.get(k);
  }
}
function pipCommandAt(w) {
  if (/^pip[\d.]*$/.test(w[0] ?? ""))
    return 1;
  return /^python[\d.]*$/.test(w[0] ?? "") && w[1] === "-m" && w[2] === "pip" ? 3 : -1;
}
function installsProjectOnPath(argv) {
  const w = argv.map((x) => wordText(x));
  const uv = w[0] === "uv" && w[1] === "pip";
  const i = uv ? 2 : pipCommandAt(w);
  if (i < 0 || w[i] !== "install")
    return false;
  const rest = w.slice(i + 1);
  if (pipTargetGiven(argv.slice(i + 1)) || rest.some((a) => a === void 0 || /^(?:-p|--user)(?:=|$)/.test(a)))
    return false;
  if (uv && !rest.includes("--system"))
    return false;
  return rest.some((a) => /^(?:-r|--requirements?|-e|--editable)(?:=|$)|^-r\S|^\.(?:\[[^\]]*\])?$/.test(a));
}
function markSystemInstalled(groups) {
  for (const g of groups) {
    let at;
    for (const { site: s } of [...g].sort((a, b) => a.order - b.order || a.site.callSpan.start - b.site.callSpan.start)) {
      if (!s.config)
        continue;
      const known2 = s.env.knownVenvs?.length ?? 0;
      if (!known2 && s.env.activeVenv === void 0 && installsProjectOnPath(s.argv)) {
        at ??= s.file.location(s.callSpan.start).line;
        continue;
      }
      const prog = s.argv[0] ? wordText(s.argv[0]) : void 0;
      const next = s.argv[1] ? wordText(s.argv[1]) : void 0;
      if (at !== void 0 && known2 && prog && /^python[\d.]*$/.test(prog) && next !== "-m")
        s.config.systemInstalled = at;
    }
  }
}
function markToolPrep(entries) {
  const shells = /* @__PURE__ */ new Map();
  for (const { site, shell: shell2 } of entries) {
    const list = shells.get(shell2);
    if (list)
      list.push(site);
    else
      shells.set(shell2, [site]);
  }
  for (const sites of shells.values()) {
    const sorted = [...sites].sort((a, b) => a.callSpan.start - b.callSpan.start);
    const next = /* @__PURE__ */ new Map();
    for (let i = sorted.length - 1; i >= 0; i--) {
      const s = sorted[i];
      const words2 = s.argv.map((w) => wordText(w));
      const program = words2[0];
      if (program === void 0 || !(words2.includes("install") || words2.includes("uninstall")))
        continue;
      const kind = pipInstallKind(words2);
      if (kind === "packaging" && s.config && next.get(program) === "tools")
        s.config.toolPrep = true;
      next.set(program, kind);
    }
  }
}
function installsForUser(words2) {
  const at = pipCommandAt(words2);
  return at > 0 && words2[at] === "install" && words2.slice(at + 1).some((w) => w === "--user" || w === "--break-system-packages");
}
function markUserInstalled(entries) {
  const since = /* @__PURE__ */ new Map();
  for (const { site, shell: shell2 } of [...entries].sort((a, b) => a.site.callSpan.start - b.site.callSpan.start)) {
    if (!site.config)
      continue;
    const words2 = site.argv.map((w) => wordText(w));
    if (!since.has(shell2) && installsForUser(words2))
      since.set(shell2, site.file.location(site.callSpan.start).line);
    const at = since.get(shell2);
    if (at !== void 0)
      site.config.userInstalled = at;
  }
}
function markRepositoryScripts(sites, filePath) {
  for (const site of sites) {
    if (site.inlineImports || site.argv.length < 2)
      continue;
    const program = wordText(site.argv[0]);
    if (program === void 0 || !/^python3(?:\.\d+)?$/.test(path10.posix.basename(program)))
      continue;
    const argv = site.argv.map((w) => {
      const t = wordText(w);
      return t !== void 0 && STAND_IN_ROOT.test(t) ? textWord(t.replace(STAND_IN_ROOT, ".")) : w;
    });
    const imports = launchedScriptImports(filePath, argv);
    if (imports)
      site.inlineImports = imports;
  }
}
var SDIST_WORDS = /^(?:sdist|egg_info|-[\w-]*(?:=.*)?|)$/;
var setupImports = /* @__PURE__ */ new Map();
var SETUP_MAX_BYTES = 64 * 1024;
function markSdistBuilds(sites, filePath) {
  for (const s of sites) {
    if (!s.config)
      continue;
    const words2 = s.argv.map((w) => wordText(w));
    const script = words2[1];
    if (!words2[0] || !isInterpreterName(path10.posix.basename(words2[0])) || script === void 0 || path10.posix.basename(script) !== "setup.py")
      continue;
    const rest = words2.slice(2);
    if (!rest.includes("sdist") || rest.some((w) => w === void 0 || !SDIST_WORDS.test(w)))
      continue;
    if (path10.isAbsolute(script) || script.includes("$"))
      continue;
    const imports = fromFolderUp(filePath, (dir) => fileAnswer(setupImports, path10.join(dir, script), SETUP_MAX_BYTES, (text3) => text3 === void 0 ? null : inlineImports(text3, SETUP_MAX_BYTES) ?? null));
    if (imports && imports.every((m) => STDLIB_MODULES.has(m) || m === "setuptools" || m === "distutils"))
      s.config.sdistBuild = true;
  }
}
function venvProgram(bin, target) {
  if (target.kind === "interpreter")
    return [`${bin}/python`, ...target.module ? ["-m", target.module] : []];
  if (target.kind === "interpreter-bin")
    return [`${bin}/${target.name}`];
  return void 0;
}
function syntaxProblemOf(file, problems) {
  const unique = [...new Map(problems.map((p2) => [`${p2.offset}|${p2.message}`, p2])).values()].sort((a, b) => Number(a.message.startsWith("shell:")) - Number(b.message.startsWith("shell:")) || a.offset - b.offset);
  if (!unique.length)
    return void 0;
  const p = unique[0];
  const more = unique.length > 1 ? ` (and ${unique.length - 1} more)` : "";
  return { path: file.path, kind: "syntax", message: p.message + more, start: file.location(Math.min(p.offset, file.text.length)), partial: true };
}

// dist/src/frontends/shell/script.js
function buildScript(w) {
  const pieces = new Array(w.fragments.length);
  let count = 0;
  let n = 0;
  w.fragments.forEach((f, k) => {
    pieces[k] = f.kind === "text" ? f.text : `_vgfrag${n++}_`;
    count += f.kind === "text" ? f.text.length : 1;
  });
  const off = new Int32Array(count);
  const frags = /* @__PURE__ */ new Map();
  const at = new Int32Array(pieces.reduce((sum, p) => sum + p.length, 0));
  let u = 0;
  let c = 0;
  w.fragments.forEach((f, k) => {
    if (f.kind === "text") {
      for (let i = 0; i < f.text.length; i++, u++) {
        off[u] = f.offsets?.[i] ?? -1;
        at[c++] = u;
      }
    } else {
      off[u] = -1;
      frags.set(u, f);
      for (let i = 0; i < pieces[k].length; i++)
        at[c++] = u;
      u++;
    }
  });
  return { text: pieces.join(""), at, units: { off, frags } };
}
function removeLineContinuations(s) {
  const parser = loadedParser("tree-sitter-bash");
  const tree = /['#]|<</.test(s.text) ? parser.parse(s.text) : null;
  const keep2 = [];
  if (tree) {
    try {
      const stack = [tree.rootNode];
      while (stack.length) {
        const n = stack.pop();
        if (n.type === "raw_string" || n.type === "ansi_c_string" || n.type === "comment" || n.type === "heredoc_body") {
          keep2.push([n.startIndex, n.endIndex]);
          continue;
        }
        for (const c of childNodes(n))
          if (c)
            stack.push(c);
      }
    } finally {
      tree.delete();
    }
  }
  keep2.sort((a, b) => a[0] - b[0]);
  let r = 0;
  const protectedAt = (i) => {
    while (r < keep2.length && keep2[r][1] <= i)
      r++;
    return r < keep2.length && i >= keep2[r][0];
  };
  const parts = [];
  const at = new Int32Array(s.at.length);
  let kept = 0;
  const t = s.text;
  let from = 0;
  const keepTo = (end) => {
    parts.push(t.slice(from, end));
    at.set(s.at.subarray(from, end), kept);
    kept += end - from;
  };
  for (let i = 0; i < t.length; i++) {
    if (t.charCodeAt(i) === 92 && !protectedAt(i)) {
      const nl = t[i + 1] === "\n" ? 1 : t[i + 1] === "\r" && t[i + 2] === "\n" ? 2 : 0;
      if (nl) {
        keepTo(i);
        i += nl;
        from = i + 1;
        continue;
      }
      if (i + 1 < t.length)
        i++;
    }
  }
  keepTo(t.length);
  return { text: parts.join(""), at: kept === at.length ? at : at.slice(0, kept), units: s.units };
}
var ScriptMap = class {
  s;
  /** For each script index: the nearest source position at or after / before it, for span mapping. */
  nextPos;
  prevPos;
  constructor(s) {
    this.s = s;
    const n = s.text.length;
    this.nextPos = new Int32Array(n + 1).fill(-1);
    this.prevPos = new Int32Array(n + 1).fill(-1);
    for (let i = n - 1; i >= 0; i--)
      this.nextPos[i] = this.startPos(i) >= 0 ? i : this.nextPos[i + 1];
    for (let i = 0; i < n; i++)
      this.prevPos[i + 1] = this.endPos(i) >= 0 ? i : this.prevPos[i];
  }
  /** The opaque fragment script index i stands in for, if it is part of a placeholder. */
  frag(i) {
    const f = this.s.units.frags;
    return f.size ? f.get(this.s.at[i]) : void 0;
  }
  /** Source offset of the literal character at script index i (-1 when it has none). */
  off(i) {
    return this.s.units.off[this.s.at[i]];
  }
  startPos(i) {
    const f = this.frag(i);
    return f ? f.span?.start ?? -1 : this.off(i);
  }
  endPos(i) {
    const f = this.frag(i);
    if (f)
      return f.span?.end ?? -1;
    const o = this.off(i);
    return o >= 0 ? o + 1 : -1;
  }
  /** Source span of script range [start, end): first to last character that has a source position. */
  span(start, end) {
    const a = this.nextPos[start];
    const b = this.prevPos[end];
    if (a < 0 || b < 0 || a >= end || b < start)
      return void 0;
    const sp = this.startPos(a);
    const ep = this.endPos(b);
    return ep >= sp ? { start: sp, end: ep } : { start: sp, end: sp };
  }
  /** A zero-width source position near script index i (for MISSING nodes). */
  point(i) {
    const b = this.prevPos[Math.min(i, this.s.text.length)];
    if (b >= 0) {
      const p = this.endPos(b);
      return { start: p, end: p };
    }
    const a = this.nextPos[Math.min(i, this.s.text.length)];
    if (a >= 0) {
      const p = this.startPos(a);
      return { start: p, end: p };
    }
    return void 0;
  }
};
var HEREDOC_SEMICOLON = /<<-?[ \t]*(["']?)[A-Za-z_][A-Za-z0-9_]*\1(?:[^\n;]|;(?![ \t]*(?:\r?\n|$)))*?(?<!;);[ \t]*(?=\r?\n|$)/g;
function blankHeredocSemicolons(s) {
  let text3 = s.text;
  for (const m of s.text.matchAll(HEREDOC_SEMICOLON)) {
    const lineStart = s.text.lastIndexOf("\n", m.index) + 1;
    const semi = m.index + m[0].lastIndexOf(";");
    const before = s.text.slice(lineStart, semi);
    if ((before.match(/'/g)?.length ?? 0) % 2 || (before.match(/(?<!\\)"/g)?.length ?? 0) % 2)
      continue;
    text3 = text3.slice(0, semi) + " " + text3.slice(semi + 1);
  }
  return text3 === s.text ? s : { ...s, text: text3 };
}
var COMPOUND_END_THEN_RESERVED = /(?<=(?:^|[\s;&|])(?:done|fi|esac)|[)}])[ \t]+(?=(?:fi|done|esac|else|elif|then|do|\})(?:[\s;&|)]|$))/g;
function separateCompoundEnds(s) {
  const text3 = s.text.replace(COMPOUND_END_THEN_RESERVED, (blank2) => ";" + blank2.slice(1));
  return text3 === s.text ? s : { ...s, text: text3 };
}

// dist/src/frontends/shell/small-gaps.js
var SINGLE = 1;
var DOUBLE = 2;
var HASH = 4;
var WORD_HASH = 8;
var statesOf;
function forgetLineStates() {
  statesOf = void 0;
}
function lineStates(t) {
  if (statesOf?.text === t)
    return statesOf.states;
  const states = new Uint8Array(t.length + 1);
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    states[i] = s;
    const c = t[i];
    if (c === "\n")
      s = 0;
    else if (c === "'")
      s ^= SINGLE;
    else if (c === '"' && t[i - 1] !== "\\")
      s ^= DOUBLE;
    else if (c === "#")
      s |= HASH | (i === 0 || t[i - 1] === "\n" || /\s/.test(t[i - 1]) ? WORD_HASH : 0);
  }
  states[t.length] = s;
  statesOf = { text: t, states };
  return states;
}
function plainBefore(t, at, anyHash = false) {
  const s = lineStates(t)[at];
  return !(s & (SINGLE | DOUBLE)) && !(s & (anyHash ? HASH : WORD_HASH));
}
var OpenTests = class {
  t;
  pos = 0;
  opened = 0;
  constructor(t) {
    this.t = t;
  }
  before(at) {
    const t = this.t;
    for (; this.pos < at; this.pos++) {
      const c = t[this.pos];
      if (c === "\n")
        this.opened = 0;
      else if ((c === "[" || c === "]") && t[this.pos + 1] === c && this.pos + 1 < at) {
        this.opened += c === "[" ? 1 : -1;
        this.pos++;
      }
    }
    return this.opened > 0;
  }
};
function inSubstitution(t, at) {
  const lineStart = t.lastIndexOf("\n", at - 1) + 1;
  const before = t.slice(lineStart, at);
  const open = before.lastIndexOf('"$(');
  return open >= 0 && !/["'`#]/.test(before.slice(open + 3)) && plainBefore(t, lineStart + open);
}
function smallGaps(t, out) {
  for (const m of t.matchAll(/\b(?:if|elif|while|until)[ \t]+\([^()\n]*\)([ \t]+)(?:then|do)\b/g)) {
    if (plainBefore(t, m.index))
      out[m.index + m[0].lastIndexOf(")") + 1] = ";";
  }
  for (const m of t.matchAll(/(^|[\s;&|!])\[[ \t][^\n\]]*?[ \t]\][ \t]*(?=$|[;&|)\n])/gm)) {
    const start = m.index + m[1].length;
    if (!plainBefore(t, start))
      continue;
    for (let k = start; k < m.index + m[0].length; k++) {
      if (t[k] === "\\" && /[()!]/.test(t[k + 1]) && /\s/.test(t[k - 1]) && /\s/.test(t[k + 2] ?? ""))
        out[k] = " ";
      else if (t[k] === "!" && t[k + 1] === "-" && /[ \t]/.test(t[k - 1]))
        out[k] = "_";
    }
  }
  for (const m of t.matchAll(/[ \t](<<-?(?:[A-Za-z_]\w*|'[^'\n]*'|"[^"\n]*"))(?=[<>])/g)) {
    if (!plainBefore(t, m.index))
      continue;
    const op = m[1];
    for (let k = 0; k < op.length; k++)
      out[m.index + k] = op[k];
    out[m.index + op.length] = " ";
  }
  for (const m of t.matchAll(/(?<=(?:^|[\s;&|!(])\[\[?[ \t]+(?:![ \t]+)?-[A-Za-z][ \t]+)\/(?=[ \t]+\]\]?(?:$|[\s;&|)]))/gm)) {
    if (plainBefore(t, m.index))
      out[m.index] = ".";
  }
  for (const m of t.matchAll(/(^|[\s;&|!(])\[\[[ \t][^\n]*?[ \t]\]\](?=$|[\s;&|)])/gm)) {
    const start = m.index + m[1].length;
    if (!plainBefore(t, start))
      continue;
    const andOr = /&&|\|\|/.test(m[0]);
    for (const e of m[0].matchAll(/(?<=[ \t])=[ \t](?=[^\s=])/g)) {
      const at = m.index + (e.index ?? 0);
      const before = t.slice(start, at);
      if ((before.match(/'/g)?.length ?? 0) % 2 || (before.match(/(?<!\\)"/g)?.length ?? 0) % 2)
        continue;
      if (andOr || /^[^\s"']*"(?:[^"\\]|\\.)*?[ \t]/.test(t.slice(at + 2, m.index + m[0].length)))
        out[at + 1] = "=";
    }
    for (const e of m[0].matchAll(/(?<=[ \t])=~[ \t]+/g)) {
      const at = m.index + (e.index ?? 0);
      if (!plainBefore(t, at))
        continue;
      const end = regexBeforeGroupEnd(t, at + e[0].length);
      if (end < 0)
        continue;
      out[at + 1] = "=";
      for (let k = at + e[0].length; k < end; k++)
        out[k] = "_";
    }
    for (const e of m[0].matchAll(/(?<=[ \t])=~[ \t]+([^\s'"`]+)(?=[ \t]+(?:\]\]|&&|\|\|))/g)) {
      const at = m.index + (e.index ?? 0);
      const word = e[1];
      if (!/[{}\\]/.test(word) || !plainBefore(t, at) || !parensBalanced(word))
        continue;
      out[at + 1] = "=";
      const from = at + e[0].length - word.length;
      for (let k = from; k < from + word.length; k++)
        out[k] = "_";
    }
    for (const g of m[0].matchAll(/[?*+@!]\(([^()`$]*["'][^()`$]*)\)/g)) {
      const from = m.index + (g.index ?? 0) + 2;
      if (!plainBefore(t, from - 2))
        continue;
      let q = "";
      for (let k = from; k < from + g[1].length; k++) {
        if (q) {
          if (t[k] === q)
            q = "";
          out[k] = "_";
        } else if (t[k] === '"' || t[k] === "'") {
          q = t[k];
          out[k] = "_";
        }
      }
    }
  }
  for (const m of t.matchAll(/(^|[\n;&|!]|\b(?:then|do|else|if|elif|while|until)\b)([ \t]*)\[[ \t]+(?:"[^"\n]*"|'[^'\n]*'|!-[^\s"']+|[^\s"'\]!-][^\s"']*)[ \t]+(?:"[^"\n]*"|'[^'\n]*'|[^\s"'\]][^\s"']*)[ \t]+\](?=[ \t]*(?:$|[;&|)\n]))/gm)) {
    const at = m.index + m[1].length + m[2].length;
    if (plainBefore(t, at))
      out[at] = ":";
  }
  for (const m of t.matchAll(/(?<=[ \t])\{[A-Za-z_][A-Za-z0-9_]*\}(?=[<>])/g)) {
    if (plainBefore(t, m.index))
      for (let k = m.index; k < m.index + m[0].length; k++)
        out[k] = " ";
  }
  for (const m of t.matchAll(/(?<=(?:^|[\s;&|(]))[A-Za-z_][A-Za-z0-9_]*\[([^[\]\n'"`(]*)\]\+?=/gm)) {
    if (!m[1].includes("$") || !(/[\w}][,:-]\$/.test(m[1]) || (m[1].match(/\$/g)?.length ?? 0) > 1) || !plainBefore(t, m.index))
      continue;
    const from = m.index + m[0].indexOf("[") + 1;
    for (let k = from; k < from + m[1].length; k++)
      out[k] = "_";
  }
  for (const m of t.matchAll(/(^|[\n;&|(]|\b(?:then|do|else)\b)([ \t]*)eval[ \t]+(?=(?:(?:declare|typeset|local|readonly|export)(?:[ \t]+-[A-Za-z]+)*[ \t]+)?[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]\n]*\])?\+?=\()/g)) {
    const at = m.index + m[1].length + m[2].length;
    if (plainBefore(t, at))
      out[at] = out[at + 1] = out[at + 2] = out[at + 3] = " ";
  }
  const last = /\\\n?$/.exec(t.slice(-2));
  if (last && t[t.length - 2 + last.index - 1] !== "\\" && plainBefore(t, t.length - 2 + last.index))
    out[t.length - 2 + last.index] = " ";
  for (const m of t.matchAll(/[0-9]?(?:>>?|<)&?[ \t]*[^\s;&|<>]+[ \t]+(<<<)/g)) {
    const at = m.index + m[0].length - 3;
    if (plainBefore(t, m.index) || inSubstitution(t, m.index))
      out.splice(at, 3, "<", " ", " ");
  }
  for (const m of t.matchAll(/`#[^`\n]*`/g)) {
    if (plainBefore(t, m.index))
      for (let k = m.index; k < m.index + m[0].length; k++)
        out[k] = " ";
  }
  for (const m of t.matchAll(/(?<=[ \t])==(?=[ \t]|$)/gm)) {
    const from = t.lastIndexOf("\n", m.index - 1) + 1;
    const to = t.indexOf("\n", m.index);
    const line = t.slice(from, to < 0 ? t.length : to);
    if (plainBefore(t, m.index) && !/\[|\(\(|(^|[\s;&|(])(test|let)\s/.test(line) && !insideOpenTest(t, from))
      out[m.index] = out[m.index + 1] = "_";
  }
  for (const m of t.matchAll(/(^|[\n;&|(!{]|\b(?:then|do|else|if|elif|while|until)\b)([ \t]*test[ \t][^\n;&|`()]*?[ \t]=)=(?=[ \t])/g)) {
    if (plainBefore(t, m.index + m[1].length))
      out[m.index + m[1].length + m[2].length] = " ";
  }
  for (const m of t.matchAll(/(^|[\n;&|]|\b(?:then|do|else)\b)([ \t]*)\(\(/g)) {
    const open = m.index + m[1].length + m[2].length;
    if (!plainBefore(t, open))
      continue;
    const close = matchingParen(t, open);
    const inner = matchingParen(t, open + 1);
    if (close < 0 || inner < 0 || inner === close - 1)
      continue;
    out[open] = " ";
    out[close] = " ";
  }
  const ticks = new LineState(t);
  for (const m of t.matchAll(/(?<!\\)\$`/g)) {
    const line = ticks.at(m.index);
    if (line.backquotes % 2 === 1 && line.apostrophes % 2 === 0)
      out[m.index] = "_";
  }
  for (const m of t.matchAll(/(?<=^[ \t]*|[;&|(][ \t]*)\{[^\s{},;&|<>()]+\}(?=[ \t]*(?:$|[;&|)#]))/gm)) {
    if (!m[0].includes("..") && plainBefore(t, m.index))
      out[m.index] = "_";
  }
  for (const m of t.matchAll(/(?<![$\\{])\{\{[^{}\n]*\}\}(?!\})/g)) {
    if (!plainBefore(t, m.index))
      continue;
    for (const k of [0, 1, m[0].length - 2, m[0].length - 1])
      out[m.index + k] = "_";
    if (m[0][2] === "#")
      out[m.index + 2] = "_";
  }
  for (const m of t.matchAll(/(?<=(?:^|[;&|(){][ \t]*|\(\)[ \t]*))\{\(/gm)) {
    if (!plainBefore(t, m.index))
      continue;
    const close = matchingParen(t, m.index + 1);
    if (close < 0 || t[close + 1] !== "}")
      continue;
    out[m.index] = " ";
    out[close + 1] = " ";
  }
  for (const m of t.matchAll(/\b(?:if|elif|while|until)[ \t]+(!)[ \t]+(?=[<>])/g)) {
    if (plainBefore(t, m.index))
      out[m.index + m[0].indexOf("!")] = ":";
  }
  extglobGroups(t, out, !/\bshopt[ \t]+-s[ \t]+(?:[\w-]+[ \t]+)*extglob\b|-O[ \t]*extglob\b/.test(t));
  for (const m of t.matchAll(/\$\{[\w@*#?!-]+(?:\[[^\]\n]*\])?:[ \t]+(\+)(?=\d)/g))
    out[m.index + m[0].length - 1] = " ";
  for (const m of t.matchAll(/\$\{[\w@*#?!-]+(?:\[[^\]\n]*\])?:(?![-=?+])[^}\n:'"`]*?[\w\])](\+\+|--)/g))
    out[m.index + m[0].length - 1] = "1";
  for (const m of t.matchAll(/\$\{[\w@*#?!-]+(?:\[[^\]\n]*\])?\/\/?(\$)(?=\/)/g))
    out[m.index + m[0].length - 1] = "_";
  for (const m of t.matchAll(/\$\(\(/g)) {
    const window = t.slice(m.index + 3, m.index + 3 + 402);
    const end = window.indexOf("))");
    if (end < 0)
      continue;
    const close = m.index + 3 + end;
    const inner = window.slice(0, end);
    if (inner.length > 400 || /[\n`$]\(|`|\n/.test(inner) || !inner.includes("(") || !parensBalanced(inner))
      continue;
    for (let k = m.index + 3; k < close; k++)
      if (t[k] === "(" || t[k] === ")")
        out[k] = " ";
  }
  for (const m of t.matchAll(/(^|[\n;&|(]|\b(?:then|do|else)\b)([ \t]*[A-Za-z0-9_.-]+)@(?=[A-Za-z0-9_.-]+(?:[ \t;&|)]|$))/gm)) {
    const at = m.index + m[1].length + m[2].length;
    if (plainBefore(t, m.index + m[1].length))
      out[at] = "_";
  }
  for (const m of t.matchAll(/(^|[\n;&|(]|\b(?:then|do|else)\b)([ \t]*(?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"\n]*"|'[^'\n]*'|[^\s;&|'"()])*[ \t]+)+[A-Za-z_][A-Za-z0-9_]*)[:%?]/gm)) {
    if (!plainBefore(t, m.index + m[1].length))
      continue;
    for (let k = m.index + m[1].length + m[2].length; k < t.length && !/[\s;&|()<>'"`$\\]/.test(t[k]); k++)
      if (/[:%?]/.test(t[k]))
        out[k] = "_";
  }
  const tests = new OpenTests(t);
  for (const m of t.matchAll(/(^|[;&|][ \t]|\b(?:then|do|else)[ \t])([ \t]*)\[(?=[^\s[\]])([^\s;&|]*)/gm)) {
    const at = m.index + m[1].length + m[2].length;
    if (/[)=|]/.test(m[3]) || !plainBefore(t, m.index + m[1].length) || tests.before(at))
      continue;
    out[at] = "_";
  }
  for (const m of t.matchAll(/\$\{\.[A-Za-z_]\w*(?:\.\w+)*\}/g))
    for (let k = m.index + 2; k < m.index + m[0].length - 1; k++)
      if (t[k] === ".")
        out[k] = "_";
  for (const m of t.matchAll(/(?<=^|[;&|(]|\b(?:then|do|else|if|while|until)\b)([ \t]*[A-Za-z_]\w*\+?=(?:"[^"\n]*"|'[^'\n]*'|[^\s;&|'"()<>])*[ \t]+)((?:\d*(?:>>?|<)&?[ \t]*(?:"[^"\n]*"|[^\s;&|()<>"])+[ \t]*)+)(?=&&|\|\||;|\|)/gm)) {
    if (!plainBefore(t, m.index))
      continue;
    const from = m.index + m[1].length;
    for (let k = from; k < from + m[2].length; k++)
      out[k] = " ";
  }
  for (const m of t.matchAll(/(?<=^|[;&|(]|\b(?:then|do|else)\b)([ \t]*for[ \t]+)([A-Za-z_]\w*(?:[ \t]+[A-Za-z_]\w*)+)(?=[ \t]+in\b)/gm)) {
    if (!plainBefore(t, m.index) || /^in$/.test(m[2].split(/[ \t]+/).pop() ?? ""))
      continue;
    const from = m.index + m[1].length;
    for (let k = from; k < from + m[2].length; k++)
      if (t[k] === " " || t[k] === "	")
        out[k] = "_";
  }
  for (const m of t.matchAll(/(?<=^|[;&|]|\b(?:then|do|else)\b)([ \t]*)(<<-?[ \t]*(?:[A-Za-z_]\w*|'[^'\n]*'|"[^"\n]*"))(?=[ \t]*$)/gm)) {
    const at = m.index + m[1].length;
    if (m[1].length)
      out[at - 1] = ":";
    else if (at >= 2 && t[at - 1] === "\n" && t[at - 2] === "\n")
      out[at - 1] = ":";
  }
}
function regexBeforeGroupEnd(t, from) {
  let depth = 0;
  for (let k = from; k < t.length; k++) {
    const c = t[k];
    if (c === "\\")
      k++;
    else if (c === "(")
      depth++;
    else if (c === ")") {
      if (depth === 0)
        return k > from ? k : -1;
      depth--;
    } else if (c === " " || c === "	" || c === "\n" || c === '"' || c === "'")
      return -1;
  }
  return -1;
}
function insideOpenTest(t, lineStart) {
  const before = t.slice(Math.max(0, lineStart - 2e3), lineStart);
  return before.lastIndexOf("[[") > before.lastIndexOf("]]") || before.lastIndexOf("((") > before.lastIndexOf("))");
}
function matchingParen(t, open) {
  let depth = 0;
  const end = Math.min(t.length, open + 4096);
  for (let k = open; k < end; k++) {
    const c = t[k];
    if (c === "\\")
      k++;
    else if (c === "'") {
      for (k++; k < end && t[k] !== "'"; k++)
        ;
      if (k >= end)
        return -1;
    } else if (c === '"') {
      for (k++; k < end && t[k] !== '"'; k++)
        if (t[k] === "\\")
          k++;
    } else if (c === "(")
      depth++;
    else if (c === ")" && --depth === 0)
      return k;
  }
  return -1;
}
function parensBalanced(s) {
  let depth = 0;
  for (const c of s)
    if ((depth += c === "(" ? 1 : c === ")" ? -1 : 0) < 0)
      return false;
  return depth === 0;
}
function extglobGroups(t, out, inTestsOnly) {
  const line = new LineState(t);
  const tests = inTestsOnly ? new OpenTests(t) : void 0;
  for (const m of t.matchAll(/(?<![$\\])[?*+@!]\(/g)) {
    if (tests && !tests.before(m.index))
      continue;
    const at = line.at(m.index);
    if (at.single || at.double || at.arith > 0 || at.openTest())
      continue;
    const close = matchingParen(t, m.index + 1);
    if (close < 0 || t.slice(m.index, close).includes("\n"))
      continue;
    out[m.index] = "_";
    out[m.index + 1] = "_";
    out[close] = "_";
    for (let k = m.index + 2; k < close; k++)
      if (t[k] === "|" || t[k] === "(" || t[k] === ")")
        out[k] = "_";
  }
}
var LineState = class {
  t;
  single = false;
  double = false;
  arith = 0;
  /** Unescaped backquotes and apostrophes (quoted or not) before the offset on its line. */
  backquotes = 0;
  apostrophes = 0;
  #pos = 0;
  #lineStart = 0;
  #open;
  constructor(t) {
    this.t = t;
  }
  at(offset) {
    const t = this.t;
    let k = this.#pos;
    for (; k < offset; k++) {
      const c = t[k];
      if (c === "\n") {
        this.single = this.double = false;
        this.arith = this.backquotes = this.apostrophes = 0;
        this.#lineStart = k + 1;
        this.#open = void 0;
        continue;
      }
      if (c === "'")
        this.apostrophes++;
      if (this.single) {
        if (c === "'")
          this.single = false;
      } else if (c === "\\") {
        if (t[k + 1] !== "\n")
          k++;
      } else if (c === "`")
        this.backquotes++;
      else if (c === "'" && !this.double)
        this.single = true;
      else if (c === '"')
        this.double = !this.double;
      else if (!this.double && c === "(" && t[k + 1] === "(") {
        this.arith++;
        k++;
      } else if (!this.double && c === ")" && t[k + 1] === ")" && this.arith > 0) {
        this.arith--;
        k++;
      }
    }
    this.#pos = k;
    return this;
  }
  /** A `[[` or `((` opened on an earlier line is still open on this one (once per line). */
  openTest() {
    return this.#open ??= insideOpenTest(this.t, this.#lineStart);
  }
};

// dist/src/frontends/shell/grammar-gaps.js
var NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/;
var OPERATORS = [":-", ":=", ":+", ":?", "##", "%%", "//", "/#", "/%", "^^", ",,", "-", "=", "+", "?", "#", "%", "/", "^", ",", ":"];
var TROUBLE = /[;&|<>()[\]'"\\]/;
var NOT_EXPANSION = /[^\w{(\[@*#?$!'"\s\\-]/;
var LITERAL_DOLLAR_ANYWHERE = /\$[^\w{(\[@*#?$!'"\s\\-]/;
function rewriteGrammarGaps(s) {
  const t = s.text;
  if (!t.includes("${") && !t.includes("((") && !/\b(for|done|fi|esac)\b|\}|[\\<`=@[]|[?*+!]\(/.test(t) && !LITERAL_DOLLAR_ANYWHERE.test(t))
    return s;
  const out = t.split("");
  try {
    new Scanner(t, out).script(0, void 0);
    forDo(t, out);
    closerPairs(t, out);
    smallGaps(t, out);
  } finally {
    forgetLineStates();
  }
  const text3 = out.join("");
  return text3 === t ? s : { ...s, text: text3, orig: s.orig ?? t };
}
var Scanner = class {
  t;
  out;
  inArithmeticCommand;
  constructor(t, out) {
    this.t = t;
    this.out = out;
    this.inArithmeticCommand = arithmeticLines(t);
  }
  /** Scans shell text from i; returns the index after the closing `close` char (or the end). */
  script(i, close) {
    const t = this.t;
    let dq = false;
    let depth = 0;
    let atWordStart = true;
    const heredocs = [];
    while (i < t.length) {
      const c = t[i];
      if (c === "\\") {
        i += 2;
        atWordStart = false;
        continue;
      }
      const past = this.dollar(i);
      if (past !== void 0) {
        if (t[i + 1] === "{")
          atWordStart = false;
        i = past;
        continue;
      }
      if (c === "`") {
        const end = this.backtick(i, dq);
        i = end;
        continue;
      }
      if (dq) {
        if (c === '"')
          dq = false;
        i++;
        continue;
      }
      if (c === '"') {
        dq = true;
        i++;
        atWordStart = false;
        continue;
      }
      if (c === "'") {
        const end = t.indexOf("'", i + 1);
        i = end < 0 ? t.length : end + 1;
        atWordStart = false;
        continue;
      }
      if (c === "$" && t[i + 1] === "#" && /[A-Za-z_]/.test(t[i + 2] ?? "") && this.inArithmeticCommand(i)) {
        this.out[i + 1] = "_";
        i += 2;
        continue;
      }
      if (c === "$" && i + 1 < t.length && NOT_EXPANSION.test(t[i + 1])) {
        this.out[i] = "_";
        i++;
        atWordStart = false;
        continue;
      }
      if (c === "#" && atWordStart) {
        const end = t.indexOf("\n", i);
        i = end < 0 ? t.length : end;
        continue;
      }
      if (c === "<" && t[i + 1] === "<" && t[i + 2] === "<") {
        i += 3;
        atWordStart = false;
        continue;
      }
      if (c === "<" && t[i + 1] === "<") {
        const m = /^<<(-?)[ \t]*(["']?)([^\s"'<>;&|()]+)\2/.exec(t.slice(i, i + 200));
        if (m) {
          const renamed = m[2] === "" && m[3].startsWith("=");
          if (renamed)
            this.out[i + m[0].length - m[3].length] = "_";
          heredocs.push({ word: m[3], strip: m[1] === "-", renamed });
          i += m[0].length;
          continue;
        }
      }
      if (c === "<" && t[i + 1] === ">") {
        this.out[i + 1] = " ";
        i += 2;
        atWordStart = true;
        continue;
      }
      if (c === "\n" && heredocs.length) {
        i = this.skipHeredocs(i + 1, heredocs.splice(0));
        atWordStart = true;
        continue;
      }
      if (close) {
        if (c === "(")
          depth++;
        else if (c === ")") {
          if (depth === 0)
            return i + 1;
          depth--;
        }
      }
      atWordStart = /[\s;&|()<>]/.test(c);
      i++;
    }
    return i;
  }
  /** Here-document bodies are left as they are (a quoted one is literal text). */
  skipHeredocs(i, docs) {
    const t = this.t;
    for (const d of docs) {
      let lastStart = -1;
      let last = "";
      while (i < t.length) {
        const nl = t.indexOf("\n", i);
        const line = t.slice(i, nl < 0 ? t.length : nl).replace(/\r$/, "");
        const start = i;
        i = nl < 0 ? t.length : nl + 1;
        const body = d.strip ? line.replace(/^\t+/, "") : line;
        if (body === d.word) {
          if (d.renamed)
            this.out[start + line.length - body.length] = "_";
          if (lastStart >= 0 && /^[ \t]+$/.test(last))
            for (let k = lastStart; k < lastStart + last.length; k++)
              this.out[k] = "\n";
          break;
        }
        lastStart = start;
        last = line;
        if (body.startsWith(d.word))
          this.out[start + line.length - body.length] = d.word[0] === "x" ? "y" : "x";
      }
    }
    return i;
  }
  /** `…` : its inside is a script; returns the index after the closing backtick. */
  backtick(i, dq = false) {
    const t = this.t;
    let j = i + 1;
    while (j < t.length && t[j] !== "`")
      j += t[j] === "\\" ? 2 : 1;
    if (j < t.length && j > i + 1 && /^\s+$/.test(t.slice(i + 1, j)))
      this.out[i + 1] = ":";
    else if (j === i + 1) {
      const alone = !dq && /^$|[\s;&|(]$/.test(t[i - 1] ?? "") && /^$|[\s;&|)]/.test(t[j + 1] ?? "");
      this.out[i] = alone ? " " : '"';
      this.out[j] = alone ? " " : '"';
    } else if (j < t.length && /^[ \t][^\\()`#]*\S[^\\()`#]*$/.test(t.slice(i + 1, j))) {
      this.out[i] = "$";
      this.out[i + 1] = "(";
      this.out[j] = ")";
    }
    return Math.min(j + 1, t.length);
  }
  /** `${`…`}` at i: returns the index after its `}`; blanks the operand if it has one. */
  expansion(i) {
    const t = this.t;
    let j = i + 2;
    if (t[j] === "(" && !this.t.startsWith("((", j))
      return this.zshFlags(j);
    if ((t[j] === "#" || t[j] === "!") && t[j + 1] !== "}")
      j++;
    if (t[j] === "$" && t[j + 1] === "{" || /[=~^]/.test(t[j]) && j === i + 2 && /[\w${(]/.test(t[j + 1] ?? ""))
      return this.zshWhole(i);
    const name = NAME.exec(t.slice(j, j + 256));
    if (!name)
      return this.skipBraces(i + 2);
    j += name[0].length;
    if (t[j] === "[") {
      const close = t.indexOf("]", j);
      if (close < 0)
        return this.skipBraces(j);
      const sub = t.slice(j + 1, close);
      if (sub !== "@" && sub !== "*" && (!/^[\w$ +\-*/]*$/.test(sub) || /[\w$]\s+[\w$]/.test(sub))) {
        if (sub.includes("$(") || sub.includes("`"))
          return this.skipBraces(j);
        for (let k = j + 1; k < close; k++)
          if (t[k] !== "\n")
            this.out[k] = "_";
      }
      j = close + 1;
    }
    if (t[j] === "}")
      return j + 1;
    const op = OPERATORS.find((o) => t.startsWith(o, j));
    if (!op)
      return this.skipBraces(j);
    return this.operand(j + op.length, op === ":");
  }
  /**
   * zsh's flags (`${(kv)jobs}`, `${(f)"$(cmd)"}`, `${(j. .)words[1,N]}`): bash -n takes them (it
   * reads no expansion until it runs one), the grammar does not. An unknown value, like an operand:
   * the flags `(…)` become `_:-` and blanks, so that what follows is the operand of `${_:-…}` (its
   * `$(…)` kept, the rest blanked as an operand is).
   */
  zshFlags(open) {
    const t = this.t;
    const near = t.slice(open, open + 64);
    const close = open + near.indexOf(")");
    if (close < open + 2 || /[\n}]/.test(t.slice(open, close)))
      return this.skipBraces(open);
    this.out[open] = "_";
    this.out[open + 1] = ":";
    this.out[open + 2] = "-";
    for (let k = open + 3; k <= close; k++)
      this.out[k] = "_";
    return this.operand(close + 1, false);
  }
  /**
   * zsh's nested expansions (`${#${(j. .)w}}`, `${${x}:-y}`) and `${=x}` `${~x}` `${^x}`: not bash,
   * which reads none of them until it runs one; everything inside the braces becomes `_` (a name
   * the grammar reads), a `$(…)` inside included.
   */
  zshWhole(i) {
    const end = this.skipBraces(i + 2);
    for (let k = i + 2; k < end - 1; k++)
      if (this.t[k] !== "\n")
        this.out[k] = "_";
    return end;
  }
  /**
   * The operand, up to the `}` that closes the expansion: nested `${…}` and `$(…)` kept (they may
   * run commands), everything else `_`; backquotes and `$((…))` inside are blanked whole.
   */
  operand(start, substring) {
    const t = this.t;
    const blank2 = [];
    let i = start;
    let dq = false;
    while (i < t.length) {
      const c = t[i];
      if (c === "`") {
        let j = i + 1;
        while (j < t.length && t[j] !== "`")
          j += t[j] === "\\" ? 2 : 1;
        if (j >= t.length)
          return this.skipBraces(start);
        for (let k = i; k <= j; k++)
          if (t[k] !== "\n")
            this.out[k] = "_";
        i = j + 1;
        continue;
      }
      if (c === "$" && t[i + 1] === "(" && t[i + 2] === "(") {
        const end = this.arithmetic(i + 3);
        for (let k = substring ? i : i + 1; k < end; k++)
          if (t[k] !== "\n")
            this.out[k] = "_";
        i = end;
        continue;
      }
      if (c === "\\") {
        blank2.push(i, i + 1);
        i += 2;
        continue;
      }
      if (c === "$" && t[i + 1] === "{" && !NAME.exec(t.slice(i + 2 + (/[#!]/.test(t[i + 2]) ? 1 : 0), i + 258))) {
        const end = this.skipBraces(i + 2);
        for (let k = i + 2; k < end - 1; k++)
          blank2.push(k);
        i = end;
        continue;
      }
      const past = this.dollar(i);
      if (past !== void 0) {
        i = past;
        continue;
      }
      if (c === '"')
        dq = !dq;
      else if (c === "'" && !dq) {
        const end = t.indexOf("'", i + 1);
        if (end < 0)
          return t.length;
        for (let k = i; k <= end; k++)
          blank2.push(k);
        i = end + 1;
        continue;
      } else if (c === "}" && !dq) {
        for (const k of blank2)
          if (k < i && (TROUBLE.test(t[k]) || substring && (t[k] === "$" || t[k] === "." || t[k] === ",")))
            this.out[k] = "_";
        return i + 1;
      }
      blank2.push(i);
      i++;
    }
    return i;
  }
  /** Past a `${…}`, `$((…))` or `$(…)` that starts at `i`, each scanned as such; undefined when none does. */
  dollar(i) {
    const t = this.t;
    if (t[i] !== "$")
      return void 0;
    if (t[i + 1] === "{")
      return this.expansion(i);
    if (t[i + 1] !== "(")
      return void 0;
    if (t[i + 2] !== "(")
      return this.script(i + 2, ")");
    const inner = matchingParen(t, i + 2);
    if (inner < 0 || t[inner + 1] === ")")
      return this.arithmetic(i + 3);
    this.out[i + 2] = " ";
    this.out[inner] = " ";
    return this.script(i + 2, ")");
  }
  /** Past the `}` matching an expansion we leave alone (nested braces and quotes counted). */
  skipBraces(i) {
    const t = this.t;
    let depth = 0;
    while (i < t.length) {
      const c = t[i];
      if (c === "\\")
        i += 2;
      else if (c === "$" && t[i + 1] === "(")
        i = this.script(i + 2, ")");
      else if (c === "{") {
        depth++;
        i++;
      } else if (c === "}") {
        if (depth === 0)
          return i + 1;
        depth--;
        i++;
      } else
        i++;
    }
    return i;
  }
  /** `$((`…`))` from its inside: `10#$x` → `10+$x`, `0x${m}` → `0+${m}`; nested expansions scanned. */
  arithmetic(i) {
    const t = this.t;
    let depth = 0;
    while (i < t.length) {
      const c = t[i];
      if (c === "$" && t[i + 1] === "{") {
        i = this.expansion(i);
        continue;
      }
      if (c === "$" && t[i + 1] === "(" && t[i + 2] !== "(") {
        i = this.script(i + 2, ")");
        continue;
      }
      if (c === "#" && /[0-9]/.test(t[i - 1] ?? "") && /[\w$]/.test(t[i + 1] ?? ""))
        this.out[i] = "+";
      if (c === "#" && t[i - 1] === "$" && /[A-Za-z_]/.test(t[i + 1] ?? ""))
        this.out[i] = "_";
      if (c === "x" && t[i - 1] === "0" && !/\w/.test(t[i - 2] ?? "") && t[i + 1] === "$")
        this.out[i] = "+";
      if (c === "(")
        depth++;
      else if (c === ")") {
        if (depth === 0)
          return t[i + 1] === ")" ? i + 2 : i + 1;
        depth--;
      }
      i++;
    }
    return i;
  }
};
function arithmeticLines(t) {
  let line;
  const last = (list, below) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (list[mid] < below)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo > 0 ? list[lo - 1] : -1;
  };
  return (i) => {
    if (!line || i < line.start || i > line.end) {
      const start = t.lastIndexOf("\n", i) + 1;
      const nl = t.indexOf("\n", i);
      const end = nl < 0 ? t.length : nl;
      const opens = [];
      const closes = [];
      for (let k = t.indexOf("((", start); k >= 0 && k < end; k = t.indexOf("((", k + 2))
        opens.push(k);
      for (let k = t.indexOf("))", start); k >= 0 && k < end; k = t.indexOf("))", k + 2))
        closes.push(k);
      line = { start, end, opens, closes };
    }
    const open = last(line.opens, i - 1);
    return open >= 0 && last(line.closes, i) < open + 2;
  };
}
function forDo(t, out) {
  for (const m of t.matchAll(/(^|[\n;&|(){}]|\bthen|\bdo|\belse)([ \t]*for[ \t]+[A-Za-z_][A-Za-z0-9_]*)([ \t]+)do(?=[\s;]|$)/g)) {
    if (!plainBefore(t, m.index + m[1].length, true))
      continue;
    out[m.index + m[1].length + m[2].length] = ";";
  }
}
function closerPairs(t, out) {
  for (const m of t.matchAll(/(^|[;&\n])([ \t]*(?:done|fi|esac|\}))([ \t]+)(?=(?:done|fi|esac|\})(?:[\s;&|)]|$))/g)) {
    if (!plainBefore(t, m.index + m[1].length, true))
      continue;
    out[m.index + m[1].length + m[2].length] = ";";
  }
}

// dist/src/frontends/shell/batch.js
function prepareScript(script) {
  let s = buildScript(script);
  if (/\\\r?\n/.test(s.text))
    s = removeLineContinuations(s);
  if (s.text.includes("<<"))
    s = blankHeredocSemicolons(s);
  return { plain: s, rewritten: rewriteGrammarGaps(s) };
}
function substitutionDepth(t) {
  let depth = 0;
  let max = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 36 && t.charCodeAt(k + 1) === 40) {
      if (++depth > max)
        max = depth;
      k++;
    } else if (c === 41 && depth > 0)
      depth--;
  }
  return max;
}
var batch;
function batchedParse(script) {
  return batch?.parsed.get(script);
}
var BATCH_SCRIPTS = 32;
function parseShellBatch(scripts, run2) {
  if (batch)
    return run2();
  const own = { parsed: /* @__PURE__ */ new Map(), trees: [] };
  try {
    const todo = [];
    let chars = 0;
    for (const w of new Set(scripts)) {
      const n = scriptLength(w);
      if (n > SHELL_SCRIPT_CHARS.limit)
        continue;
      if ((chars += n) > SHELL_FILE_CHARS.limit)
        break;
      const s = prepareScript(w).rewritten;
      if (substitutionDepth(s.text) > SHELL_NESTING.limit)
        continue;
      todo.push({ word: w, s });
    }
    for (let i = 0; i < todo.length; i += BATCH_SCRIPTS)
      batchPart(todo.slice(i, i + BATCH_SCRIPTS), own);
  } catch (e) {
    if (!(e instanceof RangeError || isParserTrap(e)))
      throw e;
    for (const t of own.trees)
      t.delete();
    own.trees.length = 0;
    own.parsed.clear();
  }
  batch = own;
  try {
    return run2();
  } finally {
    batch = void 0;
    for (const t of own.trees)
      t.delete();
  }
}
function batchPart(part, into) {
  if (part.length < 2)
    return;
  let unitCount = 1;
  let charCount = 0;
  for (const { s } of part) {
    unitCount += s.units.off.length;
    charCount += s.text.length + 1;
  }
  const off = new Int32Array(unitCount);
  off[0] = -1;
  const frags = /* @__PURE__ */ new Map();
  const at = new Int32Array(charCount);
  let text3 = "";
  let orig = "";
  const bounds = [];
  let base = 1;
  let c = 0;
  for (const { s } of part) {
    off.set(s.units.off, base);
    for (const [k, f] of s.units.frags)
      frags.set(k + base, f);
    for (let i = 0; i < s.at.length; i++)
      at[c++] = s.at[i] + base;
    at[c++] = 0;
    base += s.units.off.length;
    bounds.push(text3.length);
    text3 += s.text + "\n";
    orig += (s.orig ?? s.text) + "\n";
  }
  bounds.push(text3.length);
  const tree = loadedParser("tree-sitter-bash").parse(text3);
  if (!tree)
    return;
  const root = tree.rootNode;
  const kids = childNodes(root).filter((c2) => !!c2);
  const taken = [];
  let bad = -1;
  let badEnd = -1;
  for (let i = 0, k = 0; i < part.length; i++) {
    const end = bounds[i + 1] - 1;
    const nodes = [];
    while (k < kids.length && kids[k].startIndex < end)
      nodes.push(kids[k++]);
    if (nodes.some((n) => n.endIndex > end || n.hasError || n.isError || n.isMissing)) {
      const reach = nodes.reduce((m, n) => Math.max(m, n.endIndex), 0);
      bad = i;
      badEnd = i + 1;
      while (badEnd < part.length && bounds[badEnd] < reach)
        badEnd++;
      break;
    }
    taken.push(nodes);
  }
  if (taken.length) {
    into.trees.push(tree);
    const joined = { text: text3, at, units: { off, frags }, orig };
    const map = new ScriptMap(joined);
    taken.forEach((nodes, i) => into.parsed.set(part[i].word, { s: joined, map, root, nodes }));
  } else
    tree.delete();
  if (bad < 0)
    return;
  if (badEnd === bad + 1) {
    batchPart(part.slice(bad + 1), into);
    return;
  }
  const mid = bad + badEnd >> 1;
  batchPart(part.slice(bad, mid), into);
  batchPart(part.slice(mid, badEnd), into);
  batchPart(part.slice(badEnd), into);
}
function scriptLength(w) {
  let n = 0;
  for (const f of w.fragments)
    n += f.kind === "text" ? f.text.length : 1;
  return n;
}

// dist/src/frontends/shell/kept-parses.js
var keep;
function keepParses(scripts, run2) {
  if (keep)
    return run2();
  const own = new Map(scripts.map((w) => [w, void 0]));
  keep = own;
  try {
    return run2();
  } finally {
    keep = void 0;
    for (const k of own.values())
      k?.tree.delete();
  }
}
function keptParse(script) {
  return keep?.get(script);
}
function keepParse(script, s, tree) {
  if (!keep?.has(script) || keep.get(script))
    return false;
  keep.set(script, { s, tree });
  return true;
}

// dist/src/frontends/shell/grammar-repair.js
var MAX_PATTERN = 1e3;
function repairCasePatterns(s, root) {
  if (!s.text.includes("case"))
    return s;
  const t = s.text;
  let out;
  const starts = /* @__PURE__ */ new Set();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (n.isError) {
      const p = n.parent;
      if (p?.type === "case_item")
        starts.add(p.startIndex);
      else if (p?.type === "case_statement")
        starts.add(n.startIndex);
      continue;
    }
    if (n.hasError) {
      for (const c of childNodes(n))
        if (c)
          stack.push(c);
    }
  }
  for (const start of starts) {
    const quoted = patternQuotes(t, start);
    if (!quoted?.length)
      continue;
    out ??= t.split("");
    for (const k of quoted)
      out[k] = "_";
  }
  if (!out)
    return s;
  const text3 = out.join("");
  return text3 === t ? s : { ...s, text: text3, orig: s.orig ?? t };
}
function patternQuotes(t, start) {
  const out = [];
  let q = "";
  let depth = 0;
  const end = Math.min(t.length, start + MAX_PATTERN);
  for (let k = start; k < end; k++) {
    const c = t[k];
    if (k === start && c === "(")
      continue;
    if (q) {
      if (c === "\\" && q === '"') {
        out.push(k, k + 1);
        k++;
        continue;
      }
      if (c === "`" || c === "$" && t[k + 1] === "(")
        return void 0;
      out.push(k);
      if (c === q)
        q = "";
      continue;
    }
    if (c === "\\") {
      k++;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      out.push(k);
    } else if (c === ";" && t[k + 1] === ";")
      return void 0;
    else if (c === "(")
      depth++;
    else if (c === ")") {
      if (depth === 0)
        return out;
      depth--;
    }
  }
  return void 0;
}
function endAtExec(s, root) {
  if (!s.text.includes("exec") && !s.text.includes("exit"))
    return s;
  for (const c of childNodes(root)) {
    if (!c || c.isError || c.hasError)
      return s;
    if (c.type !== "command" || c.firstChild?.type !== "command_name")
      continue;
    const name = c.firstChild.text;
    if (name !== "exit" && (name !== "exec" || !childNodes(c).some((a, i) => i > 0 && a && !/redirect$/.test(a.type) && a.type !== "comment")))
      continue;
    const t = s.text;
    const text3 = t.slice(0, c.endIndex) + t.slice(c.endIndex).replace(/[^\n]/g, " ");
    return text3 === t ? s : { ...s, text: text3, orig: s.orig ?? t };
  }
  return s;
}

// dist/src/frontends/shell/words.js
import { posix } from "node:path";
var Fields = class {
  split;
  fields = [[]];
  started = false;
  /** The number or content of fields depends on run-time values (splitting, globbing). */
  inexact = false;
  constructor(split) {
    this.split = split;
  }
  get cur() {
    return this.fields[this.fields.length - 1];
  }
  /** Quotes count as content even when empty: `""` is an argument. */
  touch() {
    this.started = true;
  }
  char(ch, off, quoted) {
    this.cur.push({ ch, off });
    this.started = true;
    if (!quoted && this.split && (ch === "*" || ch === "?"))
      this.inexact = true;
  }
  frag(f, quoted, multi = false) {
    this.cur.push({ frag: f });
    this.started = true;
    if (this.split && (multi || !quoted && f.kind === "unknown"))
      this.inexact = true;
  }
  /** A known variable's value: synthesised characters, field-split when unquoted. */
  value(text3, quoted) {
    for (const ch of text3) {
      if (!quoted && this.split && (ch === " " || ch === "	" || ch === "\n"))
        this.breakField();
      else
        this.char(ch, -1, quoted);
    }
    if (quoted)
      this.started = true;
  }
  breakField() {
    if (!this.started)
      return;
    this.fields.push([]);
    this.started = false;
  }
  words(span) {
    const done = this.started ? this.fields : this.fields.slice(0, -1);
    if (done.length === 1)
      return [unitsToWord(done[0], span)];
    return done.map((units) => unitsToWord(units, unitsSpan(units) ?? span));
  }
};
var WordExpander = class {
  map;
  dialect;
  vars;
  s;
  /** Where the word being expanded starts and ends: a `~` there is the tilde prefix. */
  wordStart = -1;
  wordEnd = -1;
  constructor(map, dialect, vars) {
    this.map = map;
    this.dialect = dialect;
    this.vars = vars;
    this.s = map.s;
  }
  frag(i) {
    return this.map.frag(i);
  }
  span(start, end) {
    return this.map.span(start, end);
  }
  /** `NAME=value` / `NAME+=value` (a prefix, a statement of its own): the value as one word, never field-split. */
  assignment(n) {
    const nameNode = n.childForFieldName("name");
    const name = nameNode ? this.s.text.slice(nameNode.startIndex, nameNode.endIndex) : "";
    const valueNode = n.childForFieldName("value");
    const f = new Fields(false);
    if (childNodes(n).some((c) => c?.type === "+=")) {
      const known2 = this.vars?.get(name);
      if (known2 !== void 0)
        f.value(known2, true);
      else
        f.frag({ kind: "unknown", span: nameNode ? this.span(nameNode.startIndex, nameNode.endIndex) : void 0, why: `$${name}` }, true);
    }
    if (valueNode) {
      this.wordStart = valueNode.startIndex;
      this.wordEnd = valueNode.endIndex;
      this.sequence([valueNode], f, "unquoted");
    }
    f.touch();
    const span = valueNode ? this.span(valueNode.startIndex, valueNode.endIndex) : void 0;
    return { name, value: f.words(span)[0] };
  }
  /** Converts the nodes of one shell word into the argv words it expands to. */
  convert(nodes, split, from, to) {
    const f = new Fields(split);
    this.wordStart = from ?? nodes[0]?.startIndex ?? -1;
    this.wordEnd = to ?? nodes[nodes.length - 1]?.endIndex ?? -1;
    this.sequence(nodes, f, "unquoted", from, to);
    const span = this.span(from ?? nodes[0].startIndex, to ?? nodes[nodes.length - 1].endIndex);
    return { words: f.words(span), inexact: f.inexact };
  }
  /** Adjacent parts of a word, with the gaps between them (text the grammar left unclaimed) as literal. */
  sequence(nodes, f, mode, from, to) {
    let p = from ?? nodes[0]?.startIndex ?? 0;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (!n)
        continue;
      if (n.startIndex > p)
        this.literal(p, n.startIndex, f, mode);
      const next = nodes[i + 1];
      const localeDollar = this.dialect === "bash" && !n.isNamed && n.type === "$" && next?.type === "string" && next.startIndex === n.endIndex;
      if (!localeDollar)
        this.part(n, f, mode);
      p = Math.max(p, n.endIndex);
    }
    if (to !== void 0 && to > p)
      this.literal(p, to, f, mode);
  }
  part(n, f, mode) {
    switch (n.type) {
      case "raw_string": {
        f.touch();
        const closed = n.endIndex - n.startIndex >= 2 && this.s.text[n.endIndex - 1] === "'";
        this.literal(n.startIndex + 1, closed ? n.endIndex - 1 : n.endIndex, f, "raw");
        return;
      }
      case "string":
        this.dquoted(n, f);
        return;
      case "ansi_c_string":
        if (this.dialect === "sh") {
          this.literal(n.startIndex, n.startIndex + 1, f, mode);
          f.touch();
          const closed = n.endIndex - n.startIndex >= 3 && this.s.text[n.endIndex - 1] === "'";
          this.literal(n.startIndex + 2, closed ? n.endIndex - 1 : n.endIndex, f, "raw");
        } else {
          this.ansiC(n, f);
        }
        return;
      case "translated_string": {
        if (this.dialect === "sh")
          this.literal(n.startIndex, n.startIndex + 1, f, mode);
        const inner = n.namedChildren.find((c) => c?.type === "string");
        if (inner)
          this.dquoted(inner, f);
        return;
      }
      case "simple_expansion":
      case "expansion":
        this.expansion(n, f, mode);
        return;
      case "command_substitution":
        if (this.lookup(n, f, mode !== "unquoted"))
          return;
        this.unknown(n, f, mode, "command substitution");
        return;
      case "process_substitution":
        this.unknown(n, f, mode, "command substitution");
        return;
      case "arithmetic_expansion":
        this.unknown(n, f, mode, "arithmetic expansion");
        return;
      case "brace_expression":
        this.unknown(n, f, "unquoted", "brace expansion");
        return;
      case "array":
        this.unknown(n, f, mode, "array");
        return;
      default: {
        const children = childNodes(n);
        if (children.length === 0)
          this.literal(n.startIndex, n.endIndex, f, mode);
        else
          this.sequence(children, f, mode, n.startIndex, n.endIndex);
      }
    }
  }
  /**
   * `$(which python)`, `` `command -v pip` ``: the name looked up on PATH (lookups.ts); `$(pwd)`,
   * `` `pwd` ``: the current folder, as `$PWD` is, when it is known.
   */
  lookup(n, f, quoted) {
    const text3 = this.s.text.slice(n.startIndex, n.endIndex);
    const pwd = /^(?:\$\(\s*pwd(?:\s+-[LP])?\s*\)|`\s*pwd(?:\s+-[LP])?\s*`)$/.test(text3) ? this.vars?.get("PWD") : void 0;
    if (pwd !== void 0) {
      f.value(pwd, quoted);
      return true;
    }
    const canon = /^(?:\$\(\s*|`\s*)(?:readlink\s+-[fem]|realpath(?:\s+-[esm])?)\s+([\w./+-]+)\s*(?:\)|`)$/.exec(text3);
    if (canon) {
      const p = canon[1];
      const base = p.startsWith("/") ? "" : this.vars?.get("PWD");
      if (base !== void 0 && !/\$/.test(base)) {
        f.value(posix.normalize(p.startsWith("/") ? p : `${base}/${p}`).replace(/(.)\/$/, "$1"), quoted);
        return true;
      }
    }
    const name = lookedUpName(text3);
    if (name === void 0)
      return false;
    f.frag(lookupFragment(name, this.span(n.startIndex, n.endIndex)), quoted);
    return true;
  }
  unknown(n, f, mode, why, multi = false) {
    f.frag({ kind: "unknown", span: this.span(n.startIndex, n.endIndex), why }, mode !== "unquoted", multi);
  }
  dquoted(n, f) {
    f.touch();
    const t = this.s.text;
    const start = t[n.startIndex] === '"' ? n.startIndex + 1 : n.startIndex;
    const end = n.endIndex - start >= 1 && t[n.endIndex - 1] === '"' ? n.endIndex - 1 : n.endIndex;
    const inner = childNodes(n).filter((c) => !!c && c.startIndex >= start && c.endIndex <= end && !(c.type === '"' && !c.isNamed));
    let p = start;
    for (const c of inner) {
      if (c.startIndex > p)
        this.literal(p, c.startIndex, f, "dquoted");
      if (c.type === "simple_expansion" || c.type === "expansion")
        this.expansion(c, f, "dquoted");
      else if (c.type === "command_substitution") {
        if (!this.lookup(c, f, true))
          this.unknown(c, f, "dquoted", "command substitution");
      } else if (c.type === "arithmetic_expansion")
        this.unknown(c, f, "dquoted", "arithmetic expansion");
      else
        this.literal(c.startIndex, c.endIndex, f, "dquoted");
      p = Math.max(p, c.endIndex);
    }
    if (end > p)
      this.literal(p, end, f, "dquoted");
  }
  expansion(n, f, mode) {
    const kids = childNodes(n).filter((c) => !!c);
    let name;
    if (n.type === "simple_expansion" && kids.length === 2)
      name = this.s.text.slice(kids[1].startIndex, kids[1].endIndex);
    if (n.type === "expansion" && kids.length === 3 && kids[0].type === "${" && kids[2].type === "}")
      name = this.s.text.slice(kids[1].startIndex, kids[1].endIndex);
    const known2 = name !== void 0 ? this.vars?.get(name) : void 0;
    if (known2 !== void 0) {
      const parts = splitLookups(known2);
      if (parts)
        for (const p of parts)
          typeof p === "string" ? f.value(p, mode !== "unquoted") : f.frag(lookupFragment(p.lookup, this.span(n.startIndex, n.endIndex)), mode !== "unquoted");
      else
        f.value(known2, mode !== "unquoted");
      return;
    }
    const text3 = (this.s.orig ?? this.s.text).slice(n.startIndex, n.endIndex);
    const multi = name === "@" || /\[[@*]\]\}$/.test(text3) || mode === "unquoted" && name === "*";
    this.unknown(n, f, mode, text3.length > 40 ? text3.slice(0, 40) + "\u2026" : text3, multi);
  }
  /** Literal script text in the given quoting mode: backslashes removed as that mode does. */
  literal(start, end, f, mode) {
    const t = this.s.text;
    let lastFragUnit = -1;
    const home = this.vars?.get("HOME");
    for (let i = start; i < end; i++) {
      let frag = this.frag(i);
      let quoted = mode !== "unquoted";
      let ch = t[i];
      if (!frag && ch === "\\" && mode !== "raw" && i + 1 < end) {
        const next = t[i + 1];
        if (mode === "unquoted" || next === "$" || next === "`" || next === '"' || next === "\\" || next === "\n") {
          i++;
          if (next === "\n")
            continue;
          frag = this.frag(i);
          ch = next;
          quoted = true;
        }
      }
      if (frag) {
        const idx = this.s.at[i];
        if (idx !== lastFragUnit)
          f.frag(frag, quoted);
        lastFragUnit = idx;
        continue;
      }
      lastFragUnit = -1;
      if (ch === "_" && this.s.orig !== void 0)
        ch = this.s.orig[i];
      if (!quoted && ch === "~" && i === this.wordStart && home !== void 0 && (i + 1 === this.wordEnd || t[i + 1] === "/")) {
        f.value(home, true);
        continue;
      }
      if (!quoted && ch === "[" && t.indexOf("]", i + 1) >= 0 && t.indexOf("]", i + 1) < end)
        f.inexact = true;
      f.char(ch, this.map.off(i), quoted);
    }
  }
  /** bash `$'…'`: C-style escapes; each decoded character maps to the start of its escape sequence. */
  ansiC(n, f) {
    f.touch();
    const t = this.s.text;
    const start = n.startIndex + 2;
    const end = n.endIndex - start >= 1 && t[n.endIndex - 1] === "'" ? n.endIndex - 1 : n.endIndex;
    const simple2 = { a: "\x07", b: "\b", e: "\x1B", E: "\x1B", f: "\f", n: "\n", r: "\r", t: "	", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" };
    let lastFragUnit = -1;
    for (let i = start; i < end; i++) {
      const frag = this.frag(i);
      if (frag) {
        if (this.s.at[i] !== lastFragUnit)
          f.frag(frag, true);
        lastFragUnit = this.s.at[i];
        continue;
      }
      lastFragUnit = -1;
      if (t[i] !== "\\" || i + 1 >= end) {
        f.char(t[i], this.map.off(i), true);
        continue;
      }
      const e = t[i + 1];
      const digits = (re, max, from) => {
        let j = from;
        while (j < end && j - from < max && re.test(t[j]))
          j++;
        return j;
      };
      let decoded;
      let next;
      if (e in simple2) {
        decoded = simple2[e];
        next = i + 2;
      } else if (e >= "0" && e <= "7") {
        next = digits(/[0-7]/, 3, i + 1);
        decoded = String.fromCharCode(parseInt(t.slice(i + 1, next), 8) & 255);
      } else if ((e === "x" || e === "u" || e === "U") && /[0-9a-fA-F]/.test(t[i + 2] ?? "")) {
        next = digits(/[0-9a-fA-F]/, e === "x" ? 2 : e === "u" ? 4 : 8, i + 2);
        const cp = parseInt(t.slice(i + 2, next), 16);
        decoded = cp <= 1114111 ? String.fromCodePoint(cp) : "\uFFFD";
      } else if (e === "c" && i + 2 < end) {
        decoded = String.fromCharCode(t.charCodeAt(i + 2) & 31);
        next = i + 3;
      } else {
        decoded = "\\" + e;
        next = i + 2;
      }
      for (let k = 0; k < decoded.length; k++)
        f.char(decoded[k], this.map.off(i), true);
      i = next - 1;
    }
  }
};

// dist/src/frontends/shell/parse.js
var MAX_ERRORS = 20;
var RESERVED = /* @__PURE__ */ new Set(["if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "select", "function", "{", "}", "!", "[[", "]]"]);
var STATEMENT_PARENTS = /* @__PURE__ */ new Set([
  "program",
  "list",
  "pipeline",
  "compound_statement",
  "subshell",
  "do_group",
  "if_statement",
  "elif_clause",
  "else_clause",
  "case_item",
  "command_substitution",
  "process_substitution",
  "redirected_statement",
  "negated_command",
  "while_statement",
  "ERROR"
]);
function parseShellWord(script, opts = {}) {
  const result = { commands: [], errors: [] };
  const parser = loadedParser("tree-sitter-bash");
  let tree = null;
  const chars = scriptLength(script);
  within(opts.scriptBudget ?? SHELL_SCRIPT_CHARS, chars);
  opts.meter?.charge(SHELL_FILE_CHARS, chars);
  const walk = (s, root, nodes, map) => {
    const collector = new Collector(s, opts.dialect ?? "bash", opts.vars, result, opts.onCommand, opts.onVenvGuard, opts.meter, opts.onUncalledFunction, map);
    collector.onBranch = opts.onBranch;
    collector.onSubshell = opts.onSubshell;
    collector.library = opts.library === true;
    if (opts.onScopes)
      opts.onScopes(collector.scopes(nodes ?? root));
    collector.run(root, nodes);
  };
  const tooComplex = (e) => {
    if (e instanceof RangeError || isParserTrap(e))
      result.errors.push({ message: `shell script too complex to analyse (${e.message})`, span: script.span });
    else
      throw e;
  };
  const batched = batchedParse(script);
  const kept = keptParse(script);
  if (batched || kept) {
    try {
      if (batched)
        walk(batched.s, batched.root, batched.nodes, batched.map);
      else if (kept)
        walk(kept.s, kept.tree.rootNode);
    } catch (e) {
      tooComplex(e);
    }
    return result;
  }
  try {
    const prepared = prepareScript(script);
    within(SHELL_NESTING, substitutionDepth(prepared.plain.text));
    let s = prepared.plain;
    const rewritten = prepared.rewritten;
    tree = parser.parse(rewritten.text);
    if (rewritten !== s && tree?.rootNode.hasError) {
      const plain = parser.parse(s.text);
      if (plain && errorCount(plain.rootNode) < errorCount(tree.rootNode)) {
        tree.delete();
        tree = plain;
      } else {
        plain?.delete();
        s = rewritten;
      }
    } else
      s = rewritten;
    const retry = (repair, better) => {
      if (!tree?.rootNode.hasError)
        return;
      const repaired = repair(s, tree.rootNode);
      const again = repaired === s ? null : parser.parse(repaired.text);
      if (again && better(again.rootNode, tree.rootNode)) {
        tree.delete();
        tree = again;
        s = repaired;
      } else
        again?.delete();
    };
    const fewerErrors = (again, now) => errorCount(again) < errorCount(now);
    retry((x) => separateCompoundEnds(x), (again) => !again.hasError);
    retry(repairCasePatterns, fewerErrors);
    retry(endAtExec, fewerErrors);
    if (!tree) {
      result.errors.push({ message: "the shell parser gave up on this script", span: script.span });
      return result;
    }
    const root = tree.rootNode;
    if (keepParse(script, s, tree))
      tree = null;
    walk(s, root);
  } catch (e) {
    tooComplex(e);
  } finally {
    tree?.delete();
  }
  return result;
}
var NESTING = /* @__PURE__ */ new Set(["if_statement", "while_statement", "for_statement", "c_style_for_statement", "case_statement", "subshell", "compound_statement", "command_substitution", "process_substitution", "function_definition"]);
function errorCount(root) {
  let n = 0;
  const stack = [root];
  while (stack.length) {
    const x = stack.pop();
    if (x.isError || x.isMissing)
      n++;
    if (x.hasError) {
      for (const c of childNodes(x))
        if (c)
          stack.push(c);
    }
  }
  return n;
}
var Collector = class {
  s;
  out;
  onCommand;
  onVenvGuard;
  meter;
  onUncalled;
  map;
  expander;
  /** See ShellParseOptions.onBranch. */
  onBranch;
  /** See ShellParseOptions.library. */
  library = false;
  /** See ShellParseOptions.onSubshell. */
  onSubshell;
  constructor(s, dialect, vars, out, onCommand, onVenvGuard, meter, onUncalled, map) {
    this.s = s;
    this.out = out;
    this.onCommand = onCommand;
    this.onVenvGuard = onVenvGuard;
    this.meter = meter;
    this.onUncalled = onUncalled;
    this.map = map ?? new ScriptMap(s);
    this.expander = new WordExpander(this.map, dialect, vars);
  }
  span(start, end) {
    return this.map.span(start, end);
  }
  point(i) {
    return this.map.point(i);
  }
  error(message, span) {
    if (this.out.errors.length < MAX_ERRORS)
      this.out.errors.push({ message, span });
  }
  /** Script index where each collected command starts, to put them in source order at the end. */
  starts = /* @__PURE__ */ new Map();
  /**
   * Function bodies by name. A body runs where the function is first called by its literal name
   * (what it does — a venv it creates, a `cd`, an activation — happens there, not where it is
   * defined); one never called so is walked at the end of the script (a dispatch like `"$@"`).
   */
  functions = /* @__PURE__ */ new Map();
  walked = /* @__PURE__ */ new Set();
  emit(c, start) {
    this.meter?.charge(SHELL_COMMANDS);
    this.out.commands.push(c);
    this.starts.set(c, start);
    this.onCommand?.(c);
  }
  /** Iterative pre-order walk: nesting depth is unbounded in hostile input. */
  run(root, nodes) {
    try {
      this.walk(root, nodes);
      const called = this.walked.size > 0 && !this.library;
      const entries = [...this.functions].filter(([name, body]) => !this.walked.has(body.id) && !(called && this.neverCalled(name, body)));
      const helpers = new Set(entries.flatMap(([, body]) => this.callees(body)));
      const order = [...entries.filter(([, b]) => !helpers.has(b.id)), ...entries.filter(([, b]) => helpers.has(b.id))];
      for (const [, body] of order) {
        if (this.walked.has(body.id))
          continue;
        this.onUncalled?.();
        this.walk(this.markWalked(body));
      }
    } finally {
      this.out.commands.sort((a, b) => (this.starts.get(a) ?? 0) - (this.starts.get(b) ?? 0));
    }
  }
  /** Comments met by the walk, as [start, end) pairs of script offsets. */
  comments = [];
  /**
   * Dead code: a function the script never calls, in a script that calls some of its functions by
   * name (a program, not a library others source). Its name appears nowhere outside its own
   * definition and comments (a commented-out call, `#install_poetry;`, is none), and nothing calls a function by a computed
   * name (`"$@"`, `$1`, `$cmd`, `eval`, `install_$x`), so its body never runs and is not walked.
   */
  neverCalled(name, body) {
    if (this.dispatches)
      return false;
    const def = body.parent;
    if (!def)
      return false;
    if (!this.words) {
      this.words = /* @__PURE__ */ new Map();
      for (const m of this.s.text.matchAll(/[\w.:-]+/g)) {
        const at = this.words.get(m[0]);
        if (at)
          at.push(m.index);
        else
          this.words.set(m[0], [m.index]);
      }
      const pairs = [];
      for (let k = 0; k < this.comments.length; k += 2)
        pairs.push([this.comments[k], this.comments[k + 1]]);
      pairs.sort((x, y) => x[0] - y[0]);
      this.sortedComments = pairs;
    }
    for (const i of this.words.get(name) ?? []) {
      if (i >= def.startIndex && i < def.endIndex)
        continue;
      if (!this.inComment(i))
        return false;
    }
    return true;
  }
  words;
  sortedComments = [];
  /** Whether script offset i lies in a comment the walk met (binary search; comments do not overlap). */
  inComment(i) {
    const c = this.sortedComments;
    let lo = 0;
    let hi = c.length - 1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (c[mid][1] <= i)
        lo = mid + 1;
      else if (c[mid][0] > i)
        hi = mid - 1;
      else
        return true;
    }
    return false;
  }
  /** A command named by an expansion was met (`"$@"`, `$1 "$2"`, `${CMD}`, `install_$x`, `eval …`): any function may run. */
  dispatches = false;
  /** See ShellParseOptions.onScopes (iteratively: nesting is unbounded). */
  scopes(root) {
    const out = [];
    const add = (start, end) => {
      const sp = start < end ? this.span(start, end) : void 0;
      if (sp)
        out.push(sp);
    };
    const stack = Array.isArray(root) ? [...root] : [root];
    while (stack.length) {
      const n = stack.pop();
      if (n.type === "function_definition") {
        const body = n.childForFieldName("body");
        if (body)
          add(body.startIndex, body.endIndex);
      } else if (n.type === "elif_clause" || n.type === "else_clause" || n.type === "case_item") {
        add(n.startIndex, n.endIndex);
      } else if (n.type === "if_statement") {
        const kids = childNodes(n);
        const iThen = kids.findIndex((c) => c?.type === "then");
        const iEnd = kids.findIndex((c, i) => i > iThen && (c?.type === "elif_clause" || c?.type === "else_clause" || c?.type === "fi"));
        if (iThen >= 0)
          add(kids[iThen].endIndex, iEnd >= 0 ? kids[iEnd].startIndex : n.endIndex);
      }
      for (const c of childNodes(n))
        if (c && c.childCount)
          stack.push(c);
    }
    return out;
  }
  markWalked(body) {
    this.walked.add(body.id);
    return body;
  }
  /** Ids of the other functions' bodies a body calls (callTargets), at any depth. */
  callees(body) {
    const out = [];
    const stack = [body];
    while (stack.length) {
      const n = stack.pop();
      if (n.type === "command") {
        for (const b of this.callTargets(n))
          if (b.id !== body.id)
            out.push(b.id);
      }
      for (const c of childNodes(n))
        if (c && c.childCount)
          stack.push(c);
    }
    return out;
  }
  /**
   * The bodies a command may run: the function it calls by its literal name, then the functions it
   * names as plain arguments when it is itself a function call (an indirect call:
   * `ExperimentalBootstrap "Mac OS X" BootstrapMac` runs `$2` inside).
   */
  callTargets(cmd) {
    const name = cmd.childForFieldName("name");
    const fn = name ? this.functions.get(this.s.text.slice(name.startIndex, name.endIndex)) : void 0;
    if (!fn)
      return [];
    const out = [fn];
    for (const arg of cmd.childrenForFieldName("argument")) {
      const m = arg && /^(["']?)([A-Za-z_][\w:.-]*)\1$/.exec(this.s.text.slice(arg.startIndex, arg.endIndex));
      const body = m ? this.functions.get(m[2]) : void 0;
      if (body)
        out.push(body);
    }
    return out;
  }
  /** The bodies a command runs (callTargets), the first time only: recursion ends there. */
  calledBodies(cmd) {
    const out = [];
    for (const body of this.callTargets(cmd))
      if (!this.walked.has(body.id))
        out.push(this.markWalked(body));
    return out;
  }
  /** From `root`, or (a script of a batch) from its top-level `nodes`, children of `root`. */
  walk(root, nodes) {
    const stack = nodes ? nodes.map((n, i) => ({ n, parent: root, next: nodes[i + 1] })).reverse() : [{ n: root }];
    while (stack.length) {
      const { n, parent, next, guard, close, subshell, depth = 0 } = stack.pop();
      if (guard) {
        this.onVenvGuard?.();
        continue;
      }
      if (subshell) {
        this.onSubshell?.("close");
        continue;
      }
      if (close !== void 0) {
        this.onBranch?.("close", close);
        continue;
      }
      if (n.isError) {
        const snippet = (this.s.orig ?? this.s.text).slice(n.startIndex, Math.min(n.endIndex, n.startIndex + 30)).split("\n")[0];
        this.error(`shell syntax error near ${JSON.stringify(snippet)}`, this.span(n.startIndex, n.endIndex));
      } else if (n.isMissing) {
        this.error(`shell syntax error: missing ${JSON.stringify(n.type)}`, this.point(n.startIndex));
      }
      switch (n.type) {
        case "command": {
          const cmdName = n.childForFieldName("name");
          if (cmdName && !this.dispatches) {
            const t = this.s.text.slice(cmdName.startIndex, cmdName.endIndex);
            this.dispatches = t === "eval" || /[$`]|_vgfrag\d/.test(t);
          }
          const redirected = parent?.type === "redirected_statement";
          this.command(n, redirected ? next : void 0, redirected ? parent : void 0, parent?.type === "pipeline" ? parent : void 0);
          const bodies = this.calledBodies(n);
          for (let i = bodies.length - 1; i >= 0; i--)
            stack.push({ n: bodies[i], parent: n });
          break;
        }
        case "function_definition": {
          const name = n.childForFieldName("name");
          const body = n.childForFieldName("body");
          if (!name || !body)
            break;
          this.functions.set(this.s.text.slice(name.startIndex, name.endIndex), body);
          continue;
        }
        case "declaration_command":
        case "unset_command":
          this.declaration(n);
          break;
        case "variable_assignment":
        case "variable_assignments":
          if (parent && STATEMENT_PARENTS.has(parent.type))
            this.assignmentStatement(n);
          break;
        case "if_statement":
        case "list":
          if (this.onVenvGuard && parent?.type === "program" && isVenvGuard(n, this.s.text))
            stack.push({ n, guard: true });
          if (n.type === "if_statement" && this.onBranch) {
            this.onBranch("open", false);
            stack.push({ n, close: childNodes(n).some((c) => c?.type === "else_clause") });
          }
          break;
        case "subshell":
        case "command_substitution":
        case "process_substitution":
          if (this.onSubshell) {
            this.onSubshell("open");
            stack.push({ n, subshell: true });
          }
          break;
        case "elif_clause":
        case "else_clause":
          if (parent?.type === "if_statement")
            this.onBranch?.("next", false);
          break;
        case "comment":
          this.comments.push(n.startIndex, n.endIndex);
          continue;
      }
      const inner = NESTING.has(n.type) ? depth + 1 : depth;
      within(SHELL_NESTING, inner);
      const children = childNodes(n);
      for (let i = children.length - 1; i >= 0; i--) {
        const c = children[i];
        if (c)
          stack.push({ n: c, parent: n, next: children[i + 1] ?? void 0, depth: inner });
      }
    }
  }
  /**
   * `redirection`: the redirection that follows the command in a redirected statement (`statement`);
   * `pipe`: the pipeline that holds the command (for a here-doc `cat` pipes into it).
   */
  command(n, redirection, statement, pipe) {
    const groups = [];
    const assignments = [];
    let firstAssignment = -1;
    let complete = true;
    const children = childNodes(n);
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      if (!c)
        continue;
      const field2 = n.fieldNameForChild(i);
      if (c.type === "variable_assignment") {
        if (firstAssignment < 0)
          firstAssignment = c.startIndex;
        assignments.push(this.expander.assignment(c));
        continue;
      }
      if (field2 !== "name" && field2 !== "argument")
        continue;
      const last = groups[groups.length - 1];
      if (last && last[last.length - 1].endIndex === c.startIndex)
        last.push(c);
      else
        groups.push([c]);
    }
    let start = n.startIndex;
    while (groups.length && groups[0].length === 1 && this.isReservedWord(groups[0][0])) {
      groups.shift();
      const rest = [groups[0]?.[0].startIndex, firstAssignment].filter((x) => x !== void 0 && x > start);
      if (rest.length)
        start = Math.min(...rest);
    }
    const words2 = [];
    for (const g of groups) {
      const r = this.expander.convert(g, true);
      words2.push(...r.words);
      if (r.inexact)
        complete = false;
    }
    const end = redirection ? this.strayWords(n, redirection, words2) : n.endIndex;
    const cmd = { words: words2, assignments, span: this.span(start, end), complete };
    const stdin = statement ? this.hereDoc(statement) : pipe ? this.catHereDoc(n, pipe) : void 0;
    if (stdin !== void 0)
      cmd.stdin = stdin;
    this.emit(cmd, start);
  }
  /**
   * The text a here-doc of the statement feeds the command's stdin, when it is literal: a quoted
   * delimiter (`<<'EOF'`), or a body with no expansion and no backslash (`<<EOF`). `<<-` strips
   * leading tabs. Undefined otherwise, and for the last of several here-docs only.
   */
  hereDoc(statement) {
    const redirects = statement.childrenForFieldName("redirect").filter((r2) => r2?.type === "heredoc_redirect");
    const r = redirects[redirects.length - 1];
    if (!r)
      return void 0;
    const start = childNodes(r).find((c) => c?.type === "heredoc_start");
    const body = childNodes(r).find((c) => c?.type === "heredoc_body");
    if (!start)
      return void 0;
    if (!body)
      return "";
    const quoted = /['"\\]/.test(start.text);
    if (!quoted && (body.namedChildren.some((c) => c?.type !== "heredoc_content") || body.text.includes("\\")))
      return void 0;
    const dash = /^<<-/.test(this.s.text.slice(r.startIndex, r.startIndex + 3));
    return dash ? body.text.replace(/^\t+/gm, "") : body.text;
  }
  /**
   * `cat <<'EOF' | python3` (mujoco's build_steps.sh): the here-doc `cat` copies to the command right
   * after the pipe, which the grammar puts inside the here-doc's redirection. Only a bare `cat` (or
   * `cat -`), which adds nothing of its own.
   */
  catHereDoc(n, pipe) {
    if (pipe.namedChildren[0]?.id !== n.id)
      return void 0;
    const redirect = pipe.parent;
    if (redirect?.type !== "heredoc_redirect")
      return void 0;
    const statement = redirect.parent;
    const body = statement?.childForFieldName("body");
    if (!statement || statement.type !== "redirected_statement" || body?.type !== "command" || !/^cat(?:[ \t]+-)?$/.test(body.text))
      return void 0;
    return this.hereDoc(statement);
  }
  /**
   * tree-sitter-bash drops a last lone `-` before a here-doc (`python - <<EOF`): the text sits
   * between the command and its redirection in no node. Such leftovers are plain words.
   */
  strayWords(n, next, words2) {
    let end = n.endIndex;
    const gap = this.s.text.slice(n.endIndex, next.startIndex);
    for (const m of gap.matchAll(/[^\s]+/g)) {
      if (m[0].startsWith("#"))
        break;
      const start = n.endIndex + (m.index ?? 0);
      end = start + m[0].length;
      words2.push(...this.expander.convert([], true, start, end).words);
    }
    return end;
  }
  isReservedWord(n) {
    const w = n.type === "command_name" && n.childCount === 1 ? n.child(0) : n;
    return w.type === "word" && RESERVED.has(this.s.text.slice(w.startIndex, w.endIndex));
  }
  /** `export A=b`, `local x`, `unset PATH`: a command like any other, its assignments kept as words. */
  declaration(n) {
    const words2 = [];
    let complete = true;
    for (const c of childNodes(n)) {
      if (!c || c.type === "comment")
        continue;
      const r = this.expander.convert([c], c.type !== "variable_assignment");
      words2.push(...r.words);
      if (r.inexact)
        complete = false;
    }
    this.emit({ words: words2, assignments: [], span: this.span(n.startIndex, n.endIndex), complete }, n.startIndex);
  }
  assignmentStatement(n) {
    const nodes = n.type === "variable_assignment" ? [n] : n.namedChildren.filter((c) => c?.type === "variable_assignment");
    const assignments = nodes.map((c) => this.expander.assignment(c));
    this.emit({ words: [], assignments, span: this.span(n.startIndex, n.endIndex), complete: true }, n.startIndex);
  }
};
var VENV_VAR = String.raw`"?\$(?:VIRTUAL_ENV|\{VIRTUAL_ENV(?::?-)?\})"?`;
var UNSET_TEST = new RegExp(String.raw`^(?:(?:\[\[?|test)\s+-z\s+${VENV_VAR}|!\s+(?:\[\[?|test)\s+-n\s+${VENV_VAR}|\[\[?\s+${VENV_VAR}\s+==?\s+(?:""|'')|\[\[?\s+(?:""|'')\s+==?\s+${VENV_VAR})\s*(?:\]\]?)?\s*;?$`);
var SET_TEST = new RegExp(String.raw`^(?:(?:\[\[?|test)\s+(?:-n\s+)?${VENV_VAR})\s*(?:\]\]?)?\s*;?$`);
var EXITS = /(?:^|[\s;&|{(])(?:exit|return)(?:\s|;|$)/;
function isVenvGuard(n, text3) {
  const src = (a, b) => text3.slice(a.endIndex, b ? b.startIndex : a.endIndex).trim();
  const kids = childNodes(n).filter((c) => !!c && c.type !== "comment");
  if (n.type === "if_statement") {
    const iThen = kids.findIndex((c) => c.type === "then");
    if (kids[0]?.type !== "if" || iThen < 0)
      return false;
    let iEnd = kids.findIndex((c, i) => i > iThen && (c.type === "elif_clause" || c.type === "else_clause" || c.type === "fi"));
    if (iEnd < 0)
      iEnd = kids.length - 1;
    return UNSET_TEST.test(src(kids[0], kids[iThen])) && EXITS.test(text3.slice(kids[iThen].endIndex, kids[iEnd].startIndex));
  }
  if (kids.length !== 3)
    return false;
  const [left, op, right] = kids;
  const cond = text3.slice(left.startIndex, left.endIndex).trim();
  const rest = text3.slice(right.startIndex, right.endIndex);
  if (!EXITS.test(rest))
    return false;
  return op.type === "||" && SET_TEST.test(cond) || op.type === "&&" && UNSET_TEST.test(cond);
}

// dist/src/frontends/shell/state.js
import path11 from "node:path";
function resolveDir(p, cwd) {
  if (hasUnknown(p))
    return void 0;
  if (p === "~" || p.startsWith("~/"))
    return p === "~" ? p : `~/${path11.posix.normalize(p.slice(2)).replace(/\/+$/, "")}`;
  if (!p.startsWith("/")) {
    if (cwd === void 0 || hasUnknown(cwd))
      return void 0;
    p = `${cwd}/${p}`;
  }
  const root = STAND_IN_ROOT.exec(p)?.[0];
  if (root !== void 0) {
    const rel = path11.posix.normalize(`.${p.slice(root.length)}`).replace(/\/+$/, "");
    if (rel === ".." || rel.startsWith("../"))
      return `${root}/${rel}`;
  }
  const n = path11.posix.normalize(p);
  return n.length > 1 ? n.replace(/\/+$/, "") : n;
}
function resolverFrom(norm, cwd) {
  return (p) => resolveDir(norm(p), cwd);
}
function setShellPath(sh, v) {
  if (v === void 0)
    return;
  sh.path = v;
  if (sh.activated && !v.split(":").includes(`${sh.activated}/bin`))
    sh.activated = void 0;
}
function assignShell(sh, to) {
  for (const k of Object.keys(sh))
    delete sh[k];
  Object.assign(sh, to);
}
function activate(sh, venv) {
  sh.activated = venv;
  sh.unseen = void 0;
  sh.saved = sh.path;
  sh.path = `${venv}/bin:${sh.path}`;
}
function shellEffect(cmd, sh, valueOf) {
  if (cmd.words.length === 0) {
    for (const a of cmd.assignments)
      if (a.name === "PATH")
        setShellPath(sh, valueOf(a.value));
    return { kind: "assignment" };
  }
  const w0 = wordText(cmd.words[0]);
  if (w0 === "export") {
    for (const w of cmd.words.slice(1)) {
      const first = w.fragments[0];
      if (first?.kind === "text" && first.text.startsWith("PATH=")) {
        setShellPath(sh, valueOf({ fragments: [{ kind: "text", text: first.text.slice(5) }, ...w.fragments.slice(1)] }));
      }
    }
    return { kind: "state" };
  }
  if (w0 === "cd") {
    let k = 1;
    for (; k < cmd.words.length; k++) {
      const t = wordText(cmd.words[k]);
      if (t === "--") {
        k++;
        break;
      }
      if (t === void 0 || !/^-[LPe@]+$/.test(t))
        break;
    }
    const d = cmd.words[k] ? wordText(cmd.words[k]) : void 0;
    sh.cwd = d === void 0 || d === "-" ? void 0 : resolveDir(d, sh.cwd);
    return { kind: "state" };
  }
  if (w0 === "pushd" || w0 === "popd") {
    const args = cmd.words.slice(1).map((w) => wordText(w));
    if (w0 === "pushd" && args.length === 1 && (args[0] === void 0 || !/^[-+]/.test(args[0]))) {
      sh.dirs = [...sh.dirs ?? [], sh.cwd];
      sh.cwd = args[0] === void 0 ? void 0 : resolveDir(args[0], sh.cwd);
    } else if (w0 === "popd" && args.length === 0 && sh.dirs?.length) {
      sh.cwd = sh.dirs[sh.dirs.length - 1];
      sh.dirs = sh.dirs.slice(0, -1);
    } else {
      sh.cwd = void 0;
      sh.dirs = void 0;
    }
    return { kind: "state" };
  }
  if (w0 === "deactivate") {
    if (sh.activated && sh.saved !== void 0)
      sh.path = sh.saved;
    sh.activated = void 0;
    sh.unseen = void 0;
    return { kind: "state" };
  }
  const conda = condaActivation(cmd.words);
  if (conda !== void 0) {
    sh.unseen = conda || void 0;
    return { kind: "state" };
  }
  if ((w0 === "source" || w0 === ".") && cmd.words[1]) {
    const target = wordText(cmd.words[1]);
    const abs = target === void 0 ? void 0 : resolveDir(target, sh.cwd);
    const m = abs ? /\/(?:bin|Scripts)\/activate$/.exec(abs) : null;
    if (abs && m)
      return { kind: "activation", venv: abs.slice(0, m.index) };
  }
  return void 0;
}
function condaActivation(words2) {
  const t = words2.slice(0, 3).map((w) => wordText(w));
  const last = words2[0]?.fragments.at(-1);
  const tail = t[0] ?? (last?.kind === "text" && /[/\\]/.test(last.text) ? last.text : void 0);
  const tool = tail === void 0 ? void 0 : path11.win32.basename(tail);
  let name;
  if (tool && /^(conda|mamba|micromamba)(\.bat|\.exe)?$/i.test(tool)) {
    if (t[1] === "deactivate")
      return "";
    if (t[1] !== "activate")
      return void 0;
    name = words2.length > 2 ? t[2] ?? "a computed one" : "base";
  } else if ((t[0] === "source" || t[0] === ".") && t[1] === "activate") {
    name = words2.length > 2 ? t[2] ?? "a computed one" : "base";
  } else
    return void 0;
  return `the conda environment ${name}`;
}

// dist/src/frontends/shell/branches.js
function branchEvent(frame, venvs, event, hasElse) {
  const ifs = frame.ifs ??= [];
  if (event === "open") {
    ifs.push({ vars: new Map(frame.vars), alts: frame.alts && new Map(frame.alts), venvs: new Set(venvs.keys()), ends: [] });
    return false;
  }
  const top = ifs[ifs.length - 1];
  if (!top)
    return false;
  const created = new Set([...venvs.keys()].filter((v) => !top.venvs.has(v)));
  for (const v of created) {
    if (!(top.made ??= /* @__PURE__ */ new Map()).has(v))
      top.made.set(v, venvs.get(v));
    venvs.delete(v);
  }
  top.ends.push({ vars: new Map(frame.vars), created });
  if (event === "close")
    for (const [v, origin] of top.made ?? [])
      venvs.set(v, hasElse && !top.ends.every((e) => e.created.has(v)) ? { ...origin, inBranch: true } : origin);
  if (event === "close" && !hasElse)
    top.ends.push({ vars: top.vars, created: /* @__PURE__ */ new Set() });
  frame.vars.clear();
  for (const [k, v] of top.vars)
    frame.vars.set(k, v);
  frame.alts = top.alts && new Map(top.alts);
  if (event === "next")
    return false;
  ifs.pop();
  const names = new Set(top.ends.flatMap((e) => [...e.vars.keys()]));
  for (const name of names) {
    const values = top.ends.map((e) => e.vars.get(name));
    if (values.every((v) => v === values[0])) {
      frame.vars.set(name, values[0]);
      frame.alts?.delete(name);
      continue;
    }
    frame.vars.delete(name);
    frame.alts?.delete(name);
    if (values.some((v) => v === void 0)) {
      const last = values.filter((v) => v !== void 0).pop();
      if (last !== void 0)
        frame.vars.set(name, last);
      continue;
    }
    const alts = top.ends.map((e, i) => ({
      value: values[i],
      absent: new Set(top.ends.flatMap((o, j) => j === i ? [] : [...o.created]).filter((v) => !e.created.has(v)))
    }));
    (frame.alts ??= /* @__PURE__ */ new Map()).set(name, alts);
  }
  for (const name of [...frame.vars.keys()])
    if (!names.has(name))
      frame.vars.delete(name);
  return true;
}
function perBranch(alts, ex) {
  const program = ex.argv[0];
  if (!alts?.size || !program)
    return void 0;
  const refs = program.fragments.flatMap((f, i) => {
    const m = f.kind === "unknown" && f.why ? /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(f.why) : null;
    return m && alts.has(m[1]) ? [{ i, name: m[1] }] : [];
  });
  if (refs.length !== 1)
    return void 0;
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const alt of alts.get(refs[0].name)) {
    if (/\s/.test(alt.value) || alt.value === "" && program.fragments.length === 1 || seen.has(alt.value))
      continue;
    seen.add(alt.value);
    const fragments = program.fragments.map((f, i) => i === refs[0].i ? { kind: "text", text: alt.value } : f);
    out.push({ ex: { ...ex, argv: [{ ...program, fragments }, ...ex.argv.slice(1)] }, absent: alt.absent });
  }
  return out;
}

// dist/src/frontends/shell/session.js
var TRACKED = /* @__PURE__ */ new Set(["PATH"]);
function runShellSession(script, o) {
  const s = new ShellSession(o);
  const errors = s.runScript(script);
  return s.result(errors);
}
function runExecArgv(argv, complete, o, span) {
  const s = new ShellSession(o);
  const commands = s.expand(argv, complete, span, false);
  return { commands, session: s.result([]) };
}
var ShellSession = class {
  o;
  sites = [];
  activations = [];
  nestedErrors = [];
  top;
  /** Every shell this session ran, the top one first. */
  frames = [];
  cur;
  norm;
  constructor(o) {
    this.o = o;
    const vars = new Map([...o.vars].filter(([k, v]) => !TRACKED.has(k) && !hasUnknown(v)));
    this.top = { sh: { path: o.path, cwd: o.cwd }, vars, dialect: o.dialect, shellName: o.facts?.shellName, commands: 0, activations: [] };
    this.cur = this.top;
    this.frames.push(this.top);
    this.norm = o.normalizePath ?? ((p) => p);
    this.syncVars();
  }
  runScript(script) {
    const onScopes = (scopes) => this.scopes = scopes;
    const onUncalledFunction = () => this.fromTopEnd();
    return parseShellWord(script, { dialect: this.o.dialect, vars: this.top.vars, onCommand: (cmd) => this.onCommand(cmd), onVenvGuard: this.onVenvGuard, onScopes, onUncalledFunction, onBranch: this.onBranch, onSubshell: this.onSubshell, meter: this.o.meter, scriptBudget: this.o.scriptBudget, library: this.o.library }).errors;
  }
  /** The top shell's state when its own commands ended, before the first uncalled function's body. */
  topEnd;
  /**
   * An uncalled function's body starts from the top level's end state (see
   * ShellParseOptions.onUncalledFunction): PATH, folder, activation and variables. Venvs another
   * uncalled function created stay known: a venv is a folder, and outlives the run that made it.
   */
  fromTopEnd() {
    const top = this.top;
    if (!this.topEnd) {
      this.topEnd = snapshot(top);
      return;
    }
    restore(top, this.topEnd);
  }
  /**
   * A subshell or substitution is a child process (see ShellParseOptions.onSubshell): its folder,
   * PATH, activation and variables end with it (`HERE=$(cd sub && pwd)` leaves the script where it
   * was). Venvs it creates stay: a venv is a folder.
   */
  onSubshell = (event) => {
    const frame = this.cur;
    const saved = frame.subshells ??= [];
    if (event === "open") {
      saved.push({ ...snapshot(frame), alts: frame.alts && new Map(frame.alts) });
      return;
    }
    const before = saved.pop();
    if (!before)
      return;
    restore(frame, before);
    frame.alts = before.alts;
    this.syncVars();
  };
  /** The top script's function bodies, if/elif/else branches and case items (see ShellParseOptions.onScopes). */
  scopes = [];
  /**
   * The venvs known where a command at `at` runs. A venv the file only names (uses by path, never
   * creates) inside a function body or one branch of an `if`/`case` of this script says nothing
   * outside it: the function may run where that venv is not on PATH (a library of functions its
   * sourcer runs), the other branch runs when that one does not (certbot-auto's two phases).
   */
  innermost = /* @__PURE__ */ new Map();
  scopeOf(o) {
    if (this.innermost.has(o))
      return this.innermost.get(o);
    let scope;
    for (const sp of this.scopes)
      if (sp.start <= o && o < sp.end && (!scope || sp.end - sp.start < scope.end - scope.start))
        scope = sp;
    this.innermost.set(o, scope);
    return scope;
  }
  /** Whether a venv known from the start is known only from a later command on (VenvOrigin.knownFrom); asked once. */
  knownFromAny;
  someKnownFrom() {
    if (this.knownFromAny === void 0) {
      this.knownFromAny = false;
      for (const origin of this.o.venvs.values())
        if (origin.knownFrom !== void 0)
          this.knownFromAny = true;
    }
    return this.knownFromAny;
  }
  venvsAt(at) {
    if (at === void 0 || this.scopes.length === 0 && !this.someKnownFrom())
      return this.o.venvs;
    let out;
    for (const [v, origin] of this.o.venvs) {
      if (origin.how !== "named" || origin.offset === void 0)
        continue;
      if (origin.knownFrom !== void 0 && at < origin.knownFrom) {
        out ??= new Map(this.o.venvs);
        out.delete(v);
        continue;
      }
      const scope = this.scopeOf(origin.offset);
      if (!scope || scope.start <= at && at < scope.end)
        continue;
      out ??= new Map(this.o.venvs);
      out.delete(v);
    }
    return out ?? this.o.venvs;
  }
  result(errors) {
    for (const frame of this.frames)
      this.endFrame(frame);
    return { sites: this.sites, activations: this.activations, errors, nestedErrors: this.nestedErrors, commands: this.top.commands, final: this.top.sh, vars: this.top.vars };
  }
  /** The programs an argv starts; nested shells among them are run here. */
  expand(argv, complete, span, viaShell) {
    return expandArgv(argv, { complete, viaShell, span, errors: [], nested: this.runNested });
  }
  /** $PWD and $VIRTUAL_ENV follow `cd` and activation. */
  syncVars() {
    const { sh, vars } = this.cur;
    if (sh.cwd !== void 0)
      vars.set("PWD", sh.cwd);
    else
      vars.delete("PWD");
    if (sh.activated)
      vars.set("VIRTUAL_ENV", sh.activated);
  }
  valueOf = (w) => {
    let s = "";
    for (const f of w.fragments) {
      if (f.kind === "text")
        s += f.text;
      else if (f.kind === "unknown" && (f.why === "$PATH" || f.why === "${PATH}"))
        s += this.cur.sh.path;
      else
        s += UNKNOWN2;
    }
    return s;
  };
  /**
   * A venv named by VIRTUAL_ENV counts as one when its bin is on PATH, even if this file did not
   * make it; an environment the file cannot see (conda's, a $VIRTUAL_ENV guard's) counts too.
   */
  active() {
    const sh = this.cur.sh;
    return sh.unseen ?? sh.activated ?? venvOnPath(sh.path, this.o.venvs, this.o.facts?.virtualEnv?.venv, this.o.named);
  }
  makeSite(cmd) {
    const o = this.o;
    const site = o.makeSite ? o.makeSite(cmd, this.active()) : this.configSite(cmd);
    this.sites.push(site);
    o.onSite?.(site);
    return site;
  }
  configSite(cmd) {
    const o = this.o;
    const frame = this.cur;
    let pathState = { kind: "inherited" };
    if (cmd.pathReset)
      pathState = { kind: "reset", by: cmd.pathReset };
    else if (cmd.pathUnset)
      pathState = { kind: "missing", span: cmd.span ?? o.callSpan };
    else if (cmd.envPathSet)
      pathState = { kind: "explicit", span: cmd.span };
    let known2 = this.venvsAt(cmd.span?.start);
    const absent = this.absent;
    if (absent?.size)
      known2 = new Map([...known2].filter(([v]) => !absent.has(v)));
    const env2 = { path: pathState, knownVenvs: [...known2.keys()] };
    const a = this.active();
    if (a)
      env2.activeVenv = a;
    const site = launchSiteFor(cmd, { file: o.file, language: o.language, api: o.api, callSpan: o.callSpan, env: env2 });
    const venvs = env2.knownVenvs;
    if (o.rewriter && venvs.length && cmd.argv[0]) {
      const rw = o.rewriter(cmd.argv[0], meantVenv(venvs, a), frame.sh.cwd);
      if (rw)
        site.rewriter = rw;
    }
    if (o.facts) {
      const dialectKnown = frame === this.top ? o.dialectKnown !== false : !frame.userShell;
      site.config = Object.assign({}, o.facts, { venvOrigins: new Map(known2), shellDialect: dialectKnown ? frame.dialect : void 0, afterFailedActivation: frame.failedActivation, cwd: frame.sh.cwd });
      if (o.deactivated?.size)
        site.config.deactivated = [...o.deactivated];
      if (frame !== this.top) {
        site.config.shellName = frame.shellName;
        site.config.nestedShell = frame.label;
      }
    }
    return site;
  }
  /** See branchEvent (branches.ts). */
  onBranch = (event, hasElse) => {
    if (branchEvent(this.cur, this.o.venvs, event, hasElse))
      this.syncVars();
  };
  /** Venvs that do not exist for the site being made (another branch's, see perBranch). */
  absent;
  /** `NAME=value` alone or after `export`: a known value is substituted in later commands. */
  setVar(name, value) {
    if (TRACKED.has(name))
      return;
    this.cur.alts?.delete(name);
    const t = value === void 0 ? void 0 : lookupAwareText(value, (f) => this.valueOf({ fragments: [f] }));
    if (t === void 0 || hasUnknown(t))
      this.cur.vars.delete(name);
    else
      this.cur.vars.set(name, t);
  }
  /**
   * The script exits unless a venv is active (`[ -z "$VIRTUAL_ENV" ] && exit 1`): past the guard it
   * runs in one, which the file does not show, unless it already knows which.
   */
  onVenvGuard = () => {
    const sh = this.cur.sh;
    if (!sh.activated && !sh.unseen)
      sh.unseen = "the venv $VIRTUAL_ENV names";
  };
  /** A nested shell's script, run as a child of the current shell. */
  runNested = (n) => {
    const parent = this.cur;
    const env2 = nestedEnvironment(n);
    const fresh = env2.pathReset !== void 0 || env2.pathUnset;
    const sh = fresh ? { path: DEFAULT_PATH, cwd: parent.sh.cwd } : { ...parent.sh };
    const vars = new Map(parent.vars);
    if (fresh)
      vars.delete("VIRTUAL_ENV");
    const label = n.st.wrappers[n.st.wrappers.length - 1] ?? "";
    const shellName = / -c$/.test(label) ? label.slice(0, -3) : n.dialect;
    this.cur = { sh, vars, dialect: n.dialect, shellName, commands: 0, failedActivation: parent.failedActivation, activations: [], outer: n, label: label || n.dialect, parent, userShell: /^(?:su|runuser) -c$/.test(label) };
    this.frames.push(this.cur);
    try {
      const res = parseShellWord(n.script, { dialect: n.dialect, vars, onCommand: (cmd) => this.onCommand(cmd), onVenvGuard: this.onVenvGuard, onBranch: this.onBranch, onSubshell: this.onSubshell, meter: this.o.meter });
      this.nestedErrors.push(...res.errors);
    } finally {
      this.cur = parent;
    }
    return [];
  };
  /**
   * An activation's place: the last command of its own shell (then it has no effect there), and
   * whether it is all the outermost shell does (`RUN . v/bin/activate`, `RUN bash -c '. v/bin/activate'`).
   */
  endFrame(frame) {
    let alone = true;
    for (let f = frame; f; f = f.parent)
      alone &&= f.commands === 1 || f === this.top && f.commands === 0 && f !== frame;
    for (const a of frame.activations) {
      if (a.site.config)
        a.site.config.activation = { venv: a.venv, lastInRun: a.after === frame.commands, alone, fails: a.fails, deactivated: a.deactivated, later: NO_LATER_SHELLS };
    }
  }
  /**
   * `rm -rf VENV` (or a folder holding it): the venv no longer exists, so it is out of scope for the
   * commands after it that share these venvs (the rest of a script, recipe or stage; spaCy's `clean`:
   * `rm -rf $(VENV)` then `python setup.py clean`). A venv created again later comes back.
   */
  onCommand(cmd) {
    const o = this.o;
    const frame = this.cur;
    const sh = frame.sh;
    const w0 = cmd.words.length ? wordText(cmd.words[0]) : void 0;
    if (cmd.words.length === 0)
      for (const a of cmd.assignments)
        this.setVar(a.name, a.value);
    else if (w0 === "export" || w0 === "readonly" || w0 === "declare") {
      for (const w of cmd.words.slice(1)) {
        const t = leadingText(w);
        const eq = t.indexOf("=");
        if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(t.slice(0, eq)))
          this.setVar(t.slice(0, eq), dropLeading(w, eq + 1));
      }
    }
    const wasActive = sh.activated;
    const effect = shellEffect(cmd, sh, this.valueOf);
    if (wasActive && !sh.activated) {
      frame.vars.delete("VIRTUAL_ENV");
      if (w0 === "deactivate") {
        o.deactivated?.add(wasActive);
        for (const act of frame.activations)
          if (act.venv === wasActive)
            act.deactivated = true;
      }
    }
    this.syncVars();
    if (effect?.kind === "assignment")
      return;
    frame.commands++;
    if (o.intercept?.(cmd, sh, this.valueOf))
      return;
    if (effect?.kind === "state")
      return;
    const sourceFails = w0 === "source" && frame.dialect === "sh" && !frame.userShell && !o.shHasSource;
    if (effect === void 0 && (w0 === "source" || w0 === ".") && !sourceFails) {
      const target = cmd.words[1]?.fragments.map((f) => f.kind === "text" ? f.text : f.kind === "unknown" && f.why ? f.why : "\u2026").join("");
      if (target && /(^|\/)bin\/activate$/.test(target))
        sh.unseen = `the venv ${target.replace(/\/?bin\/activate$/, "") || "."}`;
      else {
        const script = target && sourcedActivation(o.file.path, target);
        if (script)
          sh.unseen = `the venv ${script} activates`;
      }
    }
    if (effect === void 0 && (w0 === void 0 || w0 === UNKNOWN2) && !sh.activated && cmd.words.length === 1) {
      const span = wordSourceSpan(cmd.words[0]);
      const end = span && o.file.text.startsWith("${{", span.start) ? o.file.text.indexOf("}}", span.start) + 2 : span?.end ?? 0;
      const written = span && end > span.start ? o.file.text.slice(span.start, end) : "";
      if (/activat/i.test(written) && /^[\s"'$]*[{$]/.test(written))
        sh.unseen = `the environment ${written} activates`;
    }
    if (effect === void 0 && w0 !== void 0 && !sh.activated && ACTIVATING_HELPER.test(w0) && !definesFunction(o.file.text, w0))
      sh.unseen = `the environment ${w0} activates`;
    if (effect?.kind === "activation") {
      const wrappers = frame.outer?.st.wrappers ?? [];
      const site = this.makeSite({ argv: cmd.words, wrappers, viaShell: true, complete: cmd.complete, assignments: [], span: cmd.span });
      const fails = sourceFails ? "source-in-sh" : void 0;
      const activation = { site, after: frame.commands, venv: effect.venv, fails };
      frame.activations.push(activation);
      this.activations.push(activation);
      o.named?.add(effect.venv);
      if (fails)
        frame.failedActivation = effect.venv;
      else {
        activate(sh, effect.venv);
        this.syncVars();
      }
      return;
    }
    for (const ex of expandShellCommand(cmd, frame.dialect, this.runNested, frame.outer)) {
      const branches = o.makeSite ? void 0 : perBranch(this.cur.alts, ex);
      if (branches) {
        for (const b of branches) {
          this.absent = b.absent;
          try {
            this.makeSite(b.ex).rewriter = void 0;
          } finally {
            this.absent = void 0;
          }
        }
        continue;
      }
      const site = this.makeSite(ex);
      const resolve = resolverFrom(this.norm, this.cur.sh.cwd);
      removeVenvs(ex.argv, o.venvs, resolve);
      for (const l of linkedIntoPath(ex.argv, o.venvs.keys(), resolve)) {
        const origin = o.venvs.get(l.venv);
        o.venvs.set(l.venv, { ...origin, linkedOnPath: [...origin.linkedOnPath ?? [], l.name ?? "*"] });
      }
      const dir = createdVenv(ex.argv);
      if (dir === void 0)
        continue;
      if (site.config)
        site.config.createsVenv = true;
      const abs = resolve(dir);
      const at = wordSourceSpan(ex.argv[0])?.start ?? o.callSpan.start;
      if (abs && !o.venvs.has(abs))
        o.venvs.set(abs, { ...o.originAt(at, ex.span), ...createdWithoutPip(ex.argv) ? { withoutPip: true } : {} });
      if (abs)
        o.deactivated?.delete(abs);
    }
  }
};
function snapshot(frame) {
  return { sh: { ...frame.sh }, vars: new Map(frame.vars) };
}
function restore(frame, to) {
  assignShell(frame.sh, to.sh);
  frame.vars.clear();
  for (const [k, v] of to.vars)
    frame.vars.set(k, v);
}

// dist/src/frontends/config/driver.js
var ConfigRun = class {
  file;
  host;
  entries = [];
  activations = [];
  problems = [];
  suppressions = /* @__PURE__ */ new Map();
  /** The venv first on the PATH each group ends with (what outlives its last shell), where known. */
  endVenvs = /* @__PURE__ */ new Map();
  /** Venvs the file deactivates on purpose (see ShellSessionOptions.deactivated). */
  deactivated = /* @__PURE__ */ new Set();
  /** The file's running totals against its budgets, for its shells and its YAML reading. */
  meter = new BudgetMeter();
  constructor(file, host) {
    this.file = file;
    this.host = host;
  }
  /** One shell running `script`, through the one shell model. */
  shell(decl, script) {
    const res = runShellSession(script, this.options(decl));
    for (const e of res.errors)
      this.problem(`shell: ${e.message}`, e.span?.start ?? decl.callSpan.start);
    for (const a of res.activations)
      this.activations.push({ site: a.site, decl });
    return res;
  }
  /**
   * An exec-form command line (a JSON `RUN [...]`, `ExecStart=`, `command=`): wrappers are peeled
   * and a shell one of them starts runs in the one shell model as a shell of `decl`; the programs
   * started directly are returned for the format to make its exec sites of (`addSite`).
   */
  exec(decl, argv, complete, reportNestedErrors = false) {
    this.meter.charge(EXEC_COMMANDS);
    const { commands, session } = runExecArgv(argv, complete, this.options(decl), decl.callSpan);
    if (reportNestedErrors)
      for (const e of session.nestedErrors)
        this.problem(`shell: ${e.message}`, e.span?.start ?? decl.callSpan.start);
    for (const a of session.activations)
      this.activations.push({ site: a.site, decl });
    return commands;
  }
  /** A site the format made itself (an exec-form program), belonging to `decl`'s shell (no `onSite` call). */
  addSite(site, decl) {
    this.entries.push({ site, decl });
  }
  /**
   * What outlives a group's last shell, declared when the group ends: the venv first on the PATH
   * it leaves (a stage's final `ENV PATH`). An activation is then harmless, whatever follows it.
   */
  endGroup(group, venvOnPath2) {
    this.endVenvs.set(group, venvOnPath2);
  }
  /** The venvs the file has deactivated so far, for an exec-form site the format makes (see ShellSessionOptions.deactivated). */
  deactivatedSoFar() {
    return this.deactivated.size ? [...this.deactivated] : void 0;
  }
  problem(message, offset) {
    this.problems.push({ message, offset });
  }
  /**
   * Suppression comments for an entry (an instruction, a step, a recipe line …) spanning lines
   * first..last: a comment line just above it (or just above each line of `above`, e.g. a step's
   * and its `run:` key's), or a comment at the end of one of its lines from `trailingFrom` on.
   * Every line of the entry is covered.
   */
  suppress(first, last, opts = {}) {
    scanSuppressions(this.suppressions, this.file, this.host.comments, first, last, opts);
  }
  /**
   * The file's analysis: side venvs dropped, activations linked, sites anchored, fixes wired.
   * `extra`: suppressions the format scanned itself (with `scanSuppressions`) before its shells ran.
   */
  finish(extra) {
    for (const [line, codes] of extra ?? [])
      coverLines(this.suppressions, line, line, codes);
    const sites = this.entries.map((e) => e.site);
    const ids = /* @__PURE__ */ new Map();
    const shellId = (decl) => {
      let id = ids.get(decl);
      if (id === void 0)
        ids.set(decl, id = -1 - ids.size);
      return id;
    };
    const byShell = this.entries.map((e) => ({ site: e.site, shell: shellId(e.decl) }));
    const byUnit = this.entries.map((e) => ({ site: e.site, shell: e.decl.unitOf ? e.decl.unitOf(e.site) : shellId(e.decl) }));
    dropSideVenvs(byUnit);
    if (this.host.language !== "makefile")
      markRanWithoutVenv(sites);
    const groups = /* @__PURE__ */ new Map();
    for (const e of this.entries) {
      if (e.decl.linksLater === false)
        continue;
      const g = groups.get(e.decl.group) ?? [];
      g.push({ site: e.site, order: e.decl.order });
      groups.set(e.decl.group, g);
    }
    if (this.host.language !== "makefile")
      markSystemInstalled(groups.values());
    markToolPrep(byShell);
    markUserInstalled(byShell);
    markSdistBuilds(sites, this.file.path);
    markRepositoryScripts(sites, this.file.path);
    for (const a of this.activations)
      linkLaterSites([{ site: a.site, order: a.decl.order }], groups.get(a.decl.group) ?? [], this.endVenvs.get(a.decl.group));
    for (const e of this.entries) {
      if (e.decl.anchor)
        e.site.callSpan = e.decl.anchor(e.site);
      const persist = this.host.persist;
      if (persist) {
        const program = e.site.rewriter;
        const site = e.site;
        site.rewriter = { rewrite: (t) => t.kind === "persist-venv" ? persist(site, t) : program?.rewrite(t) };
      }
    }
    return { sites, suppressions: this.suppressions, syntaxProblem: syntaxProblemOf(this.file, this.problems) };
  }
  options(decl) {
    return Object.assign({}, decl, {
      deactivated: this.deactivated,
      meter: this.meter,
      file: this.file,
      language: this.host.language,
      onSite: (site) => {
        this.entries.push({ site, decl });
        decl.onSite?.(site);
      }
    });
  }
};
function scanSuppressions(into, file, syntax, first, last, opts = {}) {
  const lineRe = new RegExp(`^\\s*[${charClass(syntax.line)}](.*)$`);
  const trailingRe = new RegExp(`(?:^|\\s)[${charClass(syntax.trailing)}](.*)$`);
  for (const a of new Set(opts.above ?? [first - 1])) {
    if (a < 1 || a > file.lineCount || opts.isCommentLine && !opts.isCommentLine(a))
      continue;
    const m = lineRe.exec(file.lineText(a));
    const codes = m ? suppressedCodes(m[1]) : void 0;
    if (codes)
      coverLines(into, first, last, codes);
  }
  for (let l = opts.trailingFrom ?? first; l <= last && l <= file.lineCount; l++) {
    const m = trailingRe.exec(file.lineText(l));
    const codes = m ? suppressedCodes(m[1]) : void 0;
    if (codes)
      coverLines(into, first, last, codes);
  }
}
function coverLines(into, first, last, codes) {
  for (let l = first; l <= last; l++) {
    const prev = into.get(l);
    into.set(l, codes === "all" || prev === "all" ? "all" : /* @__PURE__ */ new Set([...prev ?? [], ...codes]));
  }
}
function charClass(chars) {
  return chars.replace(/[\]\\^-]/g, "\\$&");
}
var UNSAFE_IN_PROGRAM = /[\s"'\\$`#;%&|<>()*?:]/;
var MAKE_REFERENCE = /\$\([A-Za-z_][A-Za-z0-9_.]*\)/g;
function programRewriter(file, program, bin, opts = {}) {
  const span = shellWordSpan(file.text, program) ?? lookupWordSpan(file.text, program);
  if (!span)
    return void 0;
  if (bin.endsWith("/bin") && namedAsWindowsVenv(file, bin.slice(0, -"/bin".length)))
    return void 0;
  return {
    rewrite(target) {
      const replacement = venvProgram(bin, target);
      if (!replacement)
        return void 0;
      const checked = replacement.map((r) => opts.makeReferences ? r.replace(MAKE_REFERENCE, "V") : r);
      if (checked.some((r) => UNSAFE_IN_PROGRAM.test(r)))
        return void 0;
      const text3 = replacement.join(" ");
      return { edits: [{ start: span.start, end: span.end, text: text3 }], applicability: "safe", title: opts.titled ? `Use ${text3}` : void 0 };
    }
  };
}
var scriptsFolders = /* @__PURE__ */ new WeakMap();
function namedWithScripts(file) {
  let found = scriptsFolders.get(file);
  if (found)
    return found;
  found = [];
  const t = file.text;
  for (const m of t.matchAll(/[\\/]Scripts[\\/]/g)) {
    let i = m.index;
    while (i > 0 && m.index - i < 256 && !/[\s"'`=;|&<>@]/.test(t[i - 1]))
      i--;
    const dir = t.slice(i, m.index);
    if (dir && !found.includes(dir))
      found.push(dir);
    if (found.length >= 64)
      break;
  }
  scriptsFolders.set(file, found);
  return found;
}
function namedAsWindowsVenv(file, folder) {
  const norm = (t) => t.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
  const want = norm(folder);
  return namedWithScripts(file).some((d) => norm(d) === want);
}
function binSeenFrom(venv, cwd, root) {
  if (!isUnder(venv, root))
    return `${venv}/bin`;
  if (cwd === void 0 || !isUnder(cwd, root))
    return void 0;
  const rel = path12.posix.relative(cwd, venv);
  return rel === "" ? "bin" : `${rel}/bin`;
}
function shownUnder(root) {
  return (v) => v === root ? "." : v.startsWith(root + "/") ? v.slice(root.length + 1) : v;
}
var isUnder = (p, root) => p === root || p.startsWith(root + "/");
function shownVia(standIns, otherwise) {
  return (v) => {
    const s = standIns.find(([root]) => isUnder(v, root));
    return s ? s[1] + v.slice(s[0].length) : otherwise(v);
  };
}

// dist/src/frontends/actions/folders.js
var WS = "/github/workspace";
var HOME = "/github/home";
var RUNNER_TEMP = "/github/runner_temp";
var ACTION_PATH = "/__github_action_path__";
function runnerFolders(v) {
  return v.replace(/(^|:)\/(?:home|Users)\/runner(?:\/work\/([^/:]+)\/\2(?=[/:]|$)|(?=[/:]|$))/g, (m, sep, repo) => sep + (repo !== void 0 ? WS : HOME));
}
function substituteWs(s) {
  return s.replace(/\$\{?GITHUB_WORKSPACE\}?/g, WS).replace(/\$\{?HOME\}?(?![A-Za-z0-9_])/g, HOME).replace(/^~(?=\/|$)/, HOME).replace(/\$\{?RUNNER_TEMP\}?/g, RUNNER_TEMP);
}

// dist/src/frontends/actions/matrix.js
function conjunctionOnly(condition) {
  return !/\|\||!/.test(condition.replace(/!=/g, ""));
}
var TERM = /^\(?\s*(?:matrix\.([\w-]+)\s*==\s*'((?:[^']|'')*)'|'((?:[^']|'')*)'\s*==\s*matrix\.([\w-]+))\s*\)?$/;
function pinnedMatrix(condition) {
  const pins = /* @__PURE__ */ new Map();
  if (condition === void 0)
    return pins;
  const expr = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, "$1").trim();
  if (!conjunctionOnly(expr))
    return pins;
  for (const term of expr.split("&&")) {
    const m = TERM.exec(term.trim());
    if (!m)
      continue;
    const key = m[1] ?? m[4];
    const value = (m[2] ?? m[3]).replace(/''/g, "'");
    if (pins.has(key) && pins.get(key) !== value)
      return /* @__PURE__ */ new Map();
    pins.set(key, value);
  }
  return pins;
}
function pinMatrix(text3, pins) {
  if (pins.size === 0)
    return text3;
  return text3.replace(/\$\{\{\s*matrix\.([\w-]+)\s*\}\}/g, (whole, key) => pins.get(key) ?? whole);
}

// dist/src/frontends/actions/index.js
var parseDocument = ((src, options2) => yaml().parseDocument(src, options2));
function ghPathEntry(v) {
  const shown = showVenv(v);
  return shown.startsWith("/") || shown.startsWith("$") ? shown : `$GITHUB_WORKSPACE/${shown}`;
}
var STAND_INS = [[HOME, "$HOME"], [RUNNER_TEMP, "$RUNNER_TEMP"], [ACTION_PATH, "$GITHUB_ACTION_PATH"]];
var showVenv = shownVia(STAND_INS, shownUnder(WS));
var underStandIn = (v) => STAND_INS.some(([root]) => isUnder(v, root));
var get = mapValue2;
var EXPRESSION = String.raw`\$\{\{\s*((?:'(?:[^']|'')*'|[^'}]|\}(?!\}))*?)\s*\}\}`;
function substituteExpressions(cs, env2, inputs, pins) {
  return replaceChars(cs, new RegExp(EXPRESSION, "g"), "${{", (m, s) => {
    const expr = m[1];
    const envRef = /^env\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expr);
    const inputRef = /^inputs\.([A-Za-z_][A-Za-z0-9_-]*)$/.exec(expr);
    const matrixRef = /^matrix\.([\w-]+)$/.exec(expr);
    const known2 = expr === "github.workspace" ? WS : expr === "runner.temp" ? RUNNER_TEMP : expr === "github.action_path" ? env2.get("GITHUB_ACTION_PATH") : envRef && env2.has(envRef[1]) ? env2.get(envRef[1]) : inputRef ? inputs?.get(inputRef[1]) : matrixRef ? pins?.get(matrixRef[1]) : void 0;
    return known2 !== void 0 ? { text: known2, at: false } : { text: inArithmetic(s, m.index) ? "0" : UNKNOWN2, at: true };
  });
}
var VIRTUAL_ENV_AT = /* @__PURE__ */ new WeakMap();
function envOf(node, src, base, inputs) {
  const out = new Map(base);
  const inherited = VIRTUAL_ENV_AT.get(base);
  if (inherited)
    VIRTUAL_ENV_AT.set(out, inherited);
  if (!isMap(node))
    return out;
  for (const p of node.items) {
    const k = scalarText(p.key);
    if (k === void 0 || !isScalar(p.value))
      continue;
    const r = p.key.range;
    if (k === "VIRTUAL_ENV" && r)
      VIRTUAL_ENV_AT.set(out, { start: r[0], end: r[1] });
    const v = charsText(substituteExpressions([...String(p.value.value ?? "")].map((ch) => ({ ch, off: -1 })), out, inputs));
    out.set(k, runnerFolders(v.replace(new RegExp(EXPRESSION, "g"), UNKNOWN2)));
  }
  void src;
  return out;
}
function scopeOf(node, src, parent, inputs) {
  const run2 = get(get(node, "defaults"), "run");
  return {
    env: envOf(get(node, "env"), src, parent.env, inputs),
    shell: scalarText(get(run2, "shell")) ?? parent.shell,
    workdir: scalarText(get(run2, "working-directory")) ?? parent.workdir
  };
}
function dialectOf(shell2, windows) {
  if (shell2 === void 0)
    return windows ? void 0 : "bash";
  const prog = path13.posix.basename(shell2.trim().split(/\s+/)[0] ?? "");
  if (prog === "bash")
    return "bash";
  if (/^(sh|dash|ash)$/.test(prog))
    return "sh";
  return void 0;
}
function persistVenv(file, site, t, styleAt) {
  if (t.at === "virtual-env")
    return void 0;
  const facts = site.config;
  let at;
  let step = "";
  if (t.at === "creation") {
    const origin = facts?.venvOrigins.get(t.venv);
    at = origin?.end;
    if (at !== void 0 && at >= site.callSpan.start && at <= site.callSpan.end)
      return void 0;
    step = origin?.where ? ` ${origin.where}` : "";
  } else {
    at = wordSourceSpan(site.argv[site.argv.length - 1])?.end;
  }
  if (at === void 0 || /[\s"'\\$`]/.test(t.venv.replace(WS, "")))
    return void 0;
  if (namedAsWindowsVenv(file, showVenv(t.venv)))
    return void 0;
  const style = styleAt(at);
  if (style === void 0)
    return void 0;
  const lineEnd = file.text.indexOf("\n", at);
  const rest = file.text.slice(at, lineEnd < 0 ? void 0 : lineEnd).replace(/\r$/, "");
  const closing = style === "QUOTE_DOUBLE" ? '"' : style === "QUOTE_SINGLE" ? "'" : "";
  if (!new RegExp(`^[ \\t]*(?:$|&&|\\|\\||;|#|${closing ? closing + "[ \\t]*(?:$|#)" : "$"})`).test(rest))
    return void 0;
  let insert = ` && echo "${ghPathEntry(t.venv)}/bin" >> "$GITHUB_PATH"`;
  if (style === "QUOTE_DOUBLE")
    insert = insert.replace(/["\\]/g, (c) => "\\" + c);
  return {
    edits: [{ start: at, end: at, text: insert }],
    applicability: "unsafe",
    reason: "every later step of the job then finds the venv's python, pip and scripts first on PATH, including commands that meant the system ones",
    title: `Append ${showVenv(t.venv)}/bin to $GITHUB_PATH${step}`
  };
}
var MAX_ACTION_DEPTH = 4;
function repositoryRoot(file) {
  const n = file.replace(/\\/g, "/");
  const m = /^(.*?)(?:^|\/)\.github\/workflows\/[^/]+$/.exec(n);
  if (m)
    return m[1] === "" ? "." : m[1];
  let dir = path13.dirname(file);
  for (let i = 0; i < 16; i++) {
    if (fs5.existsSync(path13.join(dir, ".github")))
      return dir;
    const up = path13.dirname(dir);
    if (up === dir)
      return void 0;
    dir = up;
  }
  return void 0;
}
function readLocalAction(root, uses) {
  for (const name of ["action.yml", "action.yaml"]) {
    const p = path13.join(root, uses, name);
    try {
      const st = fs5.statSync(p);
      if (!st.isFile() || st.size > YAML_CONFIG_MAX_BYTES)
        continue;
      return new SourceFile(p, fs5.readFileSync(p, "utf8").replace(/^\uFEFF/, ""));
    } catch {
    }
  }
  return void 0;
}
function inputDefaults(root) {
  const out = /* @__PURE__ */ new Map();
  const inputs = get(root, "inputs");
  if (!isMap(inputs))
    return out;
  for (const p of inputs.items) {
    const k = scalarText(p.key);
    const d = scalarText(get(p.value, "default"));
    if (k !== void 0 && d !== void 0 && !d.includes("${{"))
      out.set(k, d);
  }
  return out;
}
function analyzeActions(file, caller) {
  const src = file.text;
  const styles = [];
  const styleAt = (offset) => styles.find((r) => r.start <= offset && offset <= r.end)?.style;
  const run2 = new ConfigRun(file, {
    language: "github-actions",
    comments: { line: "#", trailing: "#" },
    persist: (site, t) => persistVenv(file, site, t, styleAt)
  });
  checkYamlNesting(src);
  const doc = parseLenient(src, (t) => parseDocument(t, { prettyErrors: false, uniqueKeys: false }));
  for (const e of yamlErrors(doc.errors))
    run2.problem(`YAML: ${e.message.split("\n")[0]}`, e.pos[0]);
  const lineOf = (off) => file.location(off).line;
  let targets;
  const virtualEnvOf = (stepEnv, js) => {
    const v = stepEnv.get("VIRTUAL_ENV") ?? js.ghEnv.get("VIRTUAL_ENV");
    const span = stepEnv.has("VIRTUAL_ENV") ? VIRTUAL_ENV_AT.get(stepEnv) : js.ghEnvAt.get("VIRTUAL_ENV");
    const dir = v === void 0 ? void 0 : resolveDir(substituteWs(v), WS);
    return dir && span ? { venv: dir, span } : void 0;
  };
  const usesStep = (uses, step, js, stepNo) => {
    const name = uses.split("@")[0].toLowerCase();
    const withs = get(step, "with");
    if (name !== "astral-sh/setup-uv" || !/^true$/i.test(scalarText(get(withs, "activate-environment")) ?? ""))
      return;
    const wd = resolveDir(substituteWs(scalarText(get(withs, "working-directory")) ?? WS), WS);
    const venv = resolveDir(substituteWs(scalarText(get(withs, "venv-path")) || ".venv"), wd);
    if (!venv)
      return;
    const at = step.range?.[0] ?? 0;
    if (!js.venvs.has(venv))
      js.venvs.set(venv, { line: lineOf(at), how: "created", where: `by ${uses} in step ${stepNo}`, offset: at });
    js.ghPath.unshift(`${venv}/bin`);
    js.ghEnv.set("VIRTUAL_ENV", venv);
  };
  const root = doc.contents;
  const repoRoot = caller?.root ?? repositoryRoot(file.path);
  const inputs = new Map([...inputDefaults(root), ...caller?.inputs ?? []]);
  const localAction = (uses, step, stepEnv, js, stepNo, windows, macos) => {
    const depth = (caller?.depth ?? 0) + 1;
    if (!uses.startsWith("./") || repoRoot === void 0 || depth > MAX_ACTION_DEPTH)
      return;
    const action = readLocalAction(repoRoot, uses);
    if (!action)
      return;
    const withs = /* @__PURE__ */ new Map();
    const w = get(step, "with");
    if (isMap(w)) {
      for (const p of w.items) {
        const k = scalarText(p.key);
        if (k === void 0)
          continue;
        const v = scalarText(p.value);
        withs.set(k, v === void 0 ? UNKNOWN2 : charsText(substituteExpressions([...v].map((ch) => ({ ch, off: -1 })), new Map([...js.ghEnv, ...stepEnv]), inputs)));
      }
    }
    const venvsBefore = new Set(js.venvs.keys());
    const envAtBefore = new Map(js.ghEnvAt);
    analyzeActions(action, { job: js, env: stepEnv, inputs: withs, depth, root: repoRoot, windows, macos, actionPath: resolveDir(uses, WS) ?? ACTION_PATH });
    const at = step.range?.[0] ?? 0;
    const stepSpan = { start: at, end: step.range?.[1] ?? at };
    for (const [v] of js.venvs)
      if (!venvsBefore.has(v))
        js.venvs.set(v, { line: lineOf(at), how: "created", where: `by ${uses} in step ${stepNo}`, offset: at });
    for (const [k, span] of js.ghEnvAt)
      if (envAtBefore.get(k) !== span)
        js.ghEnvAt.set(k, stepSpan);
  };
  const runJob = (job, scope, windows, macos = false) => {
    const steps = get(job, "steps");
    if (!isSeq(steps))
      return;
    const js = caller?.job ?? { venvs: /* @__PURE__ */ new Map(), ghPath: [], ghEnv: /* @__PURE__ */ new Map(), ghEnvAt: /* @__PURE__ */ new Map(), named: /* @__PURE__ */ new Set() };
    const jobPins = pinnedMatrix(scalarText(get(job, "if")));
    steps.items.forEach((step, i) => {
      const stepNo = i + 1;
      const uses = scalarText(get(step, "uses"));
      if (uses !== void 0) {
        usesStep(uses, step, js, stepNo);
        localAction(uses, step, envOf(get(step, "env"), src, scope.env, inputs), js, stepNo, windows, macos);
        return;
      }
      if (!windows && (windowsOnly(scalarText(get(step, "if"))) || matrixWindowsOnly(job, scalarText(get(step, "if")))))
        return;
      const rawRun = get(step, "run");
      if (isAlias(rawRun))
        run2.meter.charge(YAML_ALIASES);
      const runNode = isAlias(rawRun) ? (targets ??= aliasTargets(doc))(rawRun) : rawRun;
      if (!isScalar(runNode) || !runNode.range)
        return;
      run2.meter.charge(YAML_EXPANDED_CHARS, String(runNode.value ?? "").length);
      const runPair = step.items.find((p) => isScalar(p.key) && p.key.value === "run");
      const keyOff = runPair.key.range?.[0] ?? runNode.range[0];
      const stepOff = step.range?.[0] ?? keyOff;
      const callSpan = { start: runNode.range[0], end: runNode.range[1] };
      styles.push({ start: runNode.range[0], end: runNode.range[1], style: String(runNode.type) });
      const firstLine = Math.min(lineOf(stepOff), lineOf(keyOff));
      const lastLine = lineOf(Math.max(callSpan.start, callSpan.end - 1));
      run2.suppress(firstLine, lastLine, { above: [lineOf(stepOff) - 1, lineOf(keyOff) - 1], trailingFrom: lineOf(keyOff) });
      const stepEnv = envOf(get(step, "env"), src, scope.env, inputs);
      const dialect = dialectOf(scalarText(get(step, "shell")) ?? scope.shell, windows);
      const pins = new Map([...jobPins, ...pinnedMatrix(scalarText(get(step, "if")))]);
      const wd = pinMatrix(scalarText(get(step, "working-directory")) ?? scope.workdir ?? ".", pins);
      const cwd = resolveDir(substituteWs(wd), WS);
      const envPath = stepEnv.get("PATH") ?? js.ghEnv.get("PATH") ?? DEFAULT_PATH;
      const stepPath = [...js.ghPath, envPath].join(":");
      if (dialect === void 0) {
        const shellName = scalarText(get(step, "shell")) ?? scope.shell;
        if (shellName !== void 0 && /^python[\d.]*\b/.test(shellName.trim()))
          pythonStepWrites(charsText(scalarChars(src, runNode)), cwd, js);
        return;
      }
      const vars = new Map([...js.ghEnv, ...stepEnv]);
      const script = substituteExpressions(scalarChars(src, runNode), vars, inputs, pins);
      vars.delete("PATH");
      vars.set("GITHUB_WORKSPACE", WS);
      if (!vars.has("HOME"))
        vars.set("HOME", HOME);
      if (!vars.has("RUNNER_TEMP"))
        vars.set("RUNNER_TEMP", RUNNER_TEMP);
      const pendingPath = [];
      const pendingEnv = /* @__PURE__ */ new Map();
      const pendingEnvAt = /* @__PURE__ */ new Map();
      let indexOfOff;
      const appendsTo = (cmd) => {
        if (!indexOfOff) {
          indexOfOff = /* @__PURE__ */ new Map();
          for (let k = script.length - 1; k >= 0; k--)
            indexOfOff.set(script[k].off, k);
        }
        const at = cmd.span ? indexOfOff.get(cmd.span.start) ?? -1 : -1;
        if (at < 0)
          return void 0;
        let nl = at;
        while (nl < script.length && script[nl].ch !== "\n")
          nl++;
        const rest = charsText(script.slice(at, nl));
        const m = />>\s*("?)\$(?:GITHUB_(PATH|ENV)|\{GITHUB_(PATH|ENV)\})\1/.exec(rest);
        return m ? m[2] ?? m[3] : void 0;
      };
      run2.shell({
        api: "run",
        callSpan,
        order: stepNo,
        group: js,
        dialect,
        // `shell: sh` is dash on the Ubuntu runners; on macOS sh is bash, which has `source`.
        shHasSource: macos,
        path: stepPath,
        cwd,
        vars,
        venvs: js.venvs,
        named: js.named,
        originAt: (at, command2) => ({ line: lineOf(at), how: "created", where: `in step ${stepNo}`, offset: at, end: command2?.end }),
        facts: {
          form: "shell",
          showVenv,
          shellName: dialect === "sh" ? "sh" : "bash",
          virtualEnv: virtualEnvOf(stepEnv, js),
          unit: "this step",
          scope: "in this step",
          persistAdvice: (venv) => `write the venv's bin to $GITHUB_PATH (echo "${ghPathEntry(venv)}/bin" >> "$GITHUB_PATH") so that later steps find it`
        },
        normalizePath: substituteWs,
        rewriter: (program, venv, here) => {
          if (underStandIn(venv))
            return void 0;
          const bin = binSeenFrom(venv, here, WS);
          return bin === void 0 ? void 0 : programRewriter(file, program, bin);
        },
        intercept: (cmd, sh, valueOf) => {
          const w0 = cmd.words[0] === void 0 ? void 0 : wordText(cmd.words[0]);
          if (w0 !== "echo" && w0 !== "printf")
            return false;
          const to = appendsTo(cmd);
          if (!to)
            return false;
          const args = cmd.words.slice(1);
          if (w0 === "echo")
            while (args.length && /^-[neE]+$/.test(wordText(args[0]) ?? ""))
              args.shift();
          else if (args.length > 1 && /^%s(\\n)?$/.test(wordText(args[0]) ?? ""))
            args.shift();
          const v = args.map(valueOf).join(" ").replace(w0 === "printf" ? /\\n$/ : /$^/, "");
          if (to === "PATH") {
            const d = resolveDir(v, sh.cwd);
            if (d)
              pendingPath.unshift(d);
          } else {
            const eq = v.indexOf("=");
            if (eq > 0) {
              pendingEnv.set(v.slice(0, eq), v.slice(eq + 1));
              if (cmd.span)
                pendingEnvAt.set(v.slice(0, eq), cmd.span);
            }
          }
          return true;
        }
      }, unitsToWord(script, callSpan));
      js.ghPath.unshift(...pendingPath);
      for (const [k, v] of pendingEnv)
        js.ghEnv.set(k, v);
      for (const [k, v] of pendingEnvAt)
        js.ghEnvAt.set(k, v);
    });
    if (!caller)
      run2.endGroup(js, venvOnPath([...js.ghPath, DEFAULT_PATH].join(":"), js.venvs, js.named));
  };
  try {
    if (isMap(root)) {
      const top = scopeOf(root, src, { env: caller?.env ?? /* @__PURE__ */ new Map() }, inputs);
      const jobs = get(root, "jobs");
      const runs = get(root, "runs");
      if (isMap(jobs)) {
        for (const p of jobs.items) {
          const job = p.value;
          const oses = runnerLabels(job);
          runJob(job, scopeOf(job, src, top), oses.every((l) => /windows/i.test(l)), oses.every((l) => /macos/i.test(l)));
        }
      } else if (isMap(runs) && scalarText(get(runs, "using")) === "composite") {
        top.env.set("GITHUB_ACTION_PATH", caller?.actionPath ?? ACTION_PATH);
        runJob(runs, top, caller?.windows ?? false, caller?.macos ?? false);
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError)
      throw e;
    run2.problem(`internal error while analysing the workflow: ${e.message}`, 0);
  }
  return run2.finish();
}
function pythonStepWrites(script, cwd, js) {
  const literals = [...script.matchAll(/(["'])((?:(?!\1)[^\\\n]|\\.)*)\1/g)].map((m) => m[2].replace(/\\n$/, ""));
  if (/GITHUB_PATH/.test(script)) {
    for (const l of literals) {
      if (!/\/bin\/?$/.test(l) || /[{}%$]/.test(l))
        continue;
      const d = resolveDir(substituteWs(l), cwd);
      if (d)
        js.ghPath.unshift(d);
    }
  }
  if (/GITHUB_ENV/.test(script)) {
    for (const l of literals) {
      const m = /^VIRTUAL_ENV=([^{}%$]+)$/.exec(l);
      if (m)
        js.ghEnv.set("VIRTUAL_ENV", m[1]);
    }
  }
}
function runnerLabels(job) {
  const runsOn = get(job, "runs-on");
  const all = (v) => [v.toJSON()].flat().map(String);
  const labels = isScalar(runsOn) ? all(runsOn) : isSeq(runsOn) ? [oneRunner(all(runsOn))] : [""];
  const out = [];
  for (const l of labels) {
    const key = /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(l.trim())?.[1];
    const matrix = key ? get(get(job, "strategy"), "matrix") : void 0;
    if (!key || !isMap(matrix)) {
      out.push(l);
      continue;
    }
    const values = [get(matrix, key)].flatMap((v) => isSeq(v) ? v.items.map((i) => isScalar(i) ? String(i.value) : "") : []);
    const include = get(matrix, "include");
    if (isSeq(include)) {
      for (const e of include.items)
        if (isScalar(get(e, key)))
          values.push(String(get(e, key).value));
    }
    out.push(...values.length ? values : [l]);
  }
  return out;
}
function oneRunner(labels) {
  return labels.find((l) => /^(?:windows|macos|linux|ubuntu)/i.test(l.trim())) ?? labels.find((l) => l.trim() !== "self-hosted") ?? labels[0] ?? "";
}
function windowsOnly(condition) {
  if (!condition || !conjunctionOnly(condition))
    return false;
  return /\b(runner|matrix)\.os\s*==\s*'windows[^']*'|(startsWith|contains)\(\s*(runner|matrix)\.os\s*,\s*'windows/i.test(condition);
}
function matrixWindowsOnly(job, condition) {
  if (!condition || !conjunctionOnly(condition))
    return false;
  const runsOn = scalarText(get(job, "runs-on"));
  for (const key of runsOn?.match(/\$\{\{[^}]*\}\}/g)?.flatMap((e) => [...e.matchAll(/\bmatrix\.([\w-]+)/g)].map((m) => m[1])) ?? []) {
    const k = key.replace(/-/g, "\\-");
    if (new RegExp(`\\bmatrix\\.${k}\\s*==\\s*'windows[^']*'|(?:startsWith|contains)\\(\\s*matrix\\.${k}\\s*,\\s*'windows`, "i").test(condition))
      return true;
  }
  const osKey = runsOn && /^\$\{\{\s*matrix\.([\w-]+)\s*\}\}$/.exec(runsOn.trim())?.[1];
  const include = get(get(get(job, "strategy"), "matrix"), "include");
  if (!osKey || !isSeq(include))
    return false;
  for (const m of condition.matchAll(/\bmatrix\.([\w-]+)\s*==\s*'([^']*)'/g)) {
    if (m[1] === osKey)
      continue;
    const entries = include.items.filter((e) => scalarText(get(e, m[1])) === m[2]);
    if (entries.length && entries.every((e) => /windows/i.test(scalarText(get(e, osKey)) ?? "")))
      return true;
  }
  return false;
}
var actionsFrontEnd = {
  language: "github-actions",
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p) {
    const n = p.replace(/\\/g, "/");
    const base = path13.posix.basename(n);
    if (base === "action.yml" || base === "action.yaml")
      return true;
    return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(n);
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeActions(file));
  }
};

// dist/src/frontends/dockerfile/index.js
import path14 from "node:path";

// dist/src/frontends/dockerfile/reader.js
var KNOWN = /* @__PURE__ */ new Set(["FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"]);
function parseDockerfile(text3) {
  const lines = splitLines(text3);
  const out = { instructions: [], comments: [], problems: [], escape: "\\" };
  let i = 0;
  for (; i < lines.length; i++) {
    const m = /^\s*#\s*([A-Za-z][A-Za-z0-9]*)\s*=\s*(\S*)\s*$/.exec(lines[i].text);
    if (!m)
      break;
    if (m[1].toLowerCase() === "escape" && (m[2] === "`" || m[2] === "\\"))
      out.escape = m[2];
  }
  const esc = out.escape;
  const isComment = (t) => /^\s*#/.test(t);
  const chars = (ln, from = 0, to = ln.text.length) => {
    const r = [];
    for (let k = from; k < to; k++)
      r.push({ ch: ln.text[k], off: ln.start + k });
    return r;
  };
  while (i < lines.length) {
    const ln = lines[i];
    if (/^\s*$/.test(ln.text)) {
      i++;
      continue;
    }
    if (isComment(ln.text)) {
      out.comments.push({ offset: ln.start + ln.text.indexOf("#"), text: ln.text.trim() });
      i++;
      continue;
    }
    const firstLine = i + 1;
    const logical = [];
    let cur = ln;
    for (; ; ) {
      const trimmed = cur.text.replace(/\s+$/, "");
      within(DOCKERFILE_RUN_CHARS, logical.length + cur.text.length);
      if (trimmed.endsWith(esc)) {
        pushAll(logical, chars(cur, 0, trimmed.length - 1));
        i++;
        while (i < lines.length && (isComment(lines[i].text) || /^\s*$/.test(lines[i].text))) {
          if (isComment(lines[i].text))
            out.comments.push({ offset: lines[i].start + lines[i].text.indexOf("#"), text: lines[i].text.trim() });
          i++;
        }
        if (i >= lines.length)
          break;
        cur = lines[i];
        continue;
      }
      pushAll(logical, chars(cur));
      i++;
      break;
    }
    let lastLine = Math.min(i, lines.length);
    let k = 0;
    while (k < logical.length && /\s/.test(logical[k].ch))
      k++;
    const kwStart = k;
    while (k < logical.length && !/\s/.test(logical[k].ch))
      k++;
    const keyword = logical.slice(kwStart, k).map((c) => c.ch).join("").toUpperCase();
    while (k < logical.length && /\s/.test(logical[k].ch))
      k++;
    const args = logical.slice(k);
    const heredocs = [];
    const argText = args.map((c) => c.ch).join("");
    if ((keyword === "RUN" || keyword === "COPY" || keyword === "ADD") && !argText.trimStart().startsWith("[")) {
      const re = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
      for (let m = re.exec(argText); m; m = re.exec(argText)) {
        const strip = m[1] === "-";
        const delimiter = m[3];
        const body = [];
        let found = false;
        while (i < lines.length) {
          const l = lines[i++];
          const t = strip ? l.text.replace(/^\t+/, "") : l.text;
          if (t === delimiter) {
            found = true;
            break;
          }
          within(DOCKERFILE_RUN_CHARS, logical.length + body.length + l.text.length);
          pushAll(body, chars(l));
          body.push({ ch: "\n", off: l.start + l.text.length });
        }
        lastLine = Math.min(i, lines.length);
        if (!found)
          out.problems.push({ message: `unterminated heredoc: no line "${delimiter}" closes <<${delimiter}`, offset: args[m.index]?.off ?? ln.start });
        heredocs.push(new PackedHeredoc(delimiter, pack(body)));
      }
    }
    const endLine = lines[lastLine - 1];
    const span = { start: logical[kwStart]?.off ?? ln.start, end: endLine.start + endLine.text.length };
    if (!KNOWN.has(keyword))
      out.problems.push({ message: `unknown instruction ${JSON.stringify(keyword)}`, offset: span.start });
    out.instructions.push(new PackedInstruction(keyword, pack(args), heredocs, span, firstLine, lastLine));
  }
  return out;
}
function pack(cs) {
  const runs = [];
  for (let i = 0; i < cs.length; i++) {
    if (i === 0 || cs[i].off < 0 || cs[i - 1].off < 0 || cs[i].off !== cs[i - 1].off + 1)
      runs.push(i, cs[i].off);
  }
  return { text: cs.map((c) => c.ch).join(""), runs };
}
function unpack(p) {
  const out = new Array(p.text.length);
  for (let r = 0; r < p.runs.length; r += 2) {
    const from = p.runs[r];
    const to = r + 2 < p.runs.length ? p.runs[r + 2] : p.text.length;
    const off = p.runs[r + 1];
    for (let i = from; i < to; i++)
      out[i] = { ch: p.text[i], off: off < 0 ? off : off + (i - from) };
  }
  return out;
}
var PackedInstruction = class {
  keyword;
  packed;
  heredocs;
  span;
  firstLine;
  lastLine;
  constructor(keyword, packed, heredocs, span, firstLine, lastLine) {
    this.keyword = keyword;
    this.packed = packed;
    this.heredocs = heredocs;
    this.span = span;
    this.firstLine = firstLine;
    this.lastLine = lastLine;
  }
  get args() {
    return unpack(this.packed);
  }
};
var PackedHeredoc = class {
  delimiter;
  packed;
  constructor(delimiter, packed) {
    this.delimiter = delimiter;
    this.packed = packed;
  }
  get body() {
    return unpack(this.packed);
  }
};
function parseExecForm(args) {
  let k = 0;
  const ws = () => {
    while (k < args.length && /\s/.test(args[k].ch))
      k++;
  };
  ws();
  if (args[k]?.ch !== "[")
    return void 0;
  k++;
  const words2 = [];
  ws();
  if (args[k]?.ch === "]") {
    k++;
  } else {
    for (; ; ) {
      ws();
      if (args[k]?.ch !== '"')
        return void 0;
      const open = args[k].off;
      k++;
      const units = [];
      for (; ; ) {
        const c = args[k];
        if (!c)
          return void 0;
        if (c.ch === '"')
          break;
        if (c.ch === "\\") {
          const n = args[k + 1];
          if (!n)
            return void 0;
          const simple2 = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "	" };
          if (n.ch in simple2) {
            units.push({ ch: simple2[n.ch], off: -1 });
            k += 2;
          } else if (n.ch === "u") {
            const hex = args.slice(k + 2, k + 6).map((x) => x.ch).join("");
            if (!/^[0-9a-fA-F]{4}$/.test(hex))
              return void 0;
            units.push({ ch: String.fromCharCode(parseInt(hex, 16)), off: -1 });
            k += 6;
          } else
            return void 0;
          continue;
        }
        units.push({ ch: c.ch, off: c.off });
        k++;
      }
      const close = args[k].off;
      k++;
      words2.push(unitsToWord(units, { start: open + 1, end: close }));
      ws();
      if (args[k]?.ch === ",") {
        k++;
        continue;
      }
      if (args[k]?.ch === "]") {
        k++;
        break;
      }
      return void 0;
    }
  }
  ws();
  return k === args.length ? words2 : void 0;
}
var text = (cs) => cs.map((c) => c.ch).join("");
function expandVars(value, vars) {
  return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, a, def, b) => {
    const name = a ?? b;
    const v = vars.get(name);
    if (v !== void 0)
      return v;
    if (name === "PATH")
      return DEFAULT_PATH;
    return def ?? UNKNOWN2;
  });
}
function parseKeyValues(args, vars, esc, legacyAllowed) {
  const s = args.trim();
  const first = /^\S+/.exec(s)?.[0] ?? "";
  if (legacyAllowed && !first.includes("=")) {
    const rest = s.slice(first.length).trim();
    return first ? [[first, expandVars(unquote(rest, esc).value, vars)]] : [];
  }
  const out = [];
  let k = 0;
  while (k < s.length) {
    while (k < s.length && /\s/.test(s[k]))
      k++;
    if (k >= s.length)
      break;
    const tok = unquote(s.slice(k), esc, true);
    k += tok.consumed;
    const eq = tok.raw.indexOf("=");
    if (eq <= 0) {
      out.push([tok.value, UNKNOWN2]);
      continue;
    }
    const name = tok.raw.slice(0, eq);
    out.push([name, expandVars(unquote(tok.raw.slice(eq + 1), esc).value, vars)]);
  }
  return out;
}
function unquote(s, esc, oneWord = false) {
  let value = "";
  let q = "";
  let k = 0;
  for (; k < s.length; k++) {
    const c = s[k];
    if (!q && oneWord && /\s/.test(c))
      break;
    if (c === esc && q !== "'" && k + 1 < s.length) {
      value += s[++k];
      continue;
    }
    if ((c === '"' || c === "'") && (!q || q === c)) {
      q = q ? "" : c;
      continue;
    }
    value += c;
  }
  return { value, raw: s.slice(0, k), consumed: k };
}
function splitFlags(args) {
  const flags = /* @__PURE__ */ new Map();
  let k = 0;
  for (; ; ) {
    while (k < args.length && /\s/.test(args[k].ch))
      k++;
    if (args[k]?.ch !== "-" || args[k + 1]?.ch !== "-")
      break;
    let e = k;
    while (e < args.length && !/\s/.test(args[e].ch))
      e++;
    const t = text(args.slice(k + 2, e));
    const eq = t.indexOf("=");
    flags.set((eq < 0 ? t : t.slice(0, eq)).toLowerCase(), eq < 0 ? "" : t.slice(eq + 1));
    k = e;
  }
  return { flags, rest: args.slice(k) };
}
function healthcheckCommand(args) {
  const { rest } = splitFlags(args);
  const m = /^\s*CMD\s+/i.exec(text(rest));
  return m ? rest.slice(m[0].length) : void 0;
}

// dist/src/frontends/dockerfile/index.js
var SH_HAS_SOURCE = /alpine|busybox|fedora|centos|rhel|ubi\d*(?![a-z])|rocky|alma|amazonlinux|oraclelinux|opensuse|archlinux|manylinux/i;
function shHasSourceIn(image) {
  return SH_HAS_SOURCE.test(image);
}
function knownBaseImage(image) {
  const name = image.replace(/^(docker\.io\/|index\.docker\.io\/)?(library\/)?/, "");
  return /^[a-z0-9][a-z0-9._-]*(:[\w][\w.-]*)?(@sha256:[0-9a-f]+)?$/.test(name);
}
function freshState(image) {
  const vars = /* @__PURE__ */ new Map();
  if (!knownBaseImage(image))
    vars.set("PATH", IMAGE_PATH);
  return { vars, workdir: "/", shell: "sh", venvs: /* @__PURE__ */ new Map(), shHasSource: SH_HAS_SOURCE.test(image) };
}
function cloneState(s) {
  return { ...s, vars: new Map(s.vars), venvs: new Map(s.venvs) };
}
function persistVenv2(file, parsed, site, inst, t, byStart) {
  const venv = t.venv;
  if (!venv.startsWith("/") || /[\s"'\\$`]/.test(venv))
    return void 0;
  const facts = site.config;
  const nl = file.text.includes("\r\n") ? "\r\n" : "\n";
  const env2 = `ENV VIRTUAL_ENV=${venv} PATH="${venv}/bin:$PATH"`;
  const reason = `every later instruction (and the container) then finds the venv's python, pip and scripts first on PATH, including commands that meant the system ones`;
  const after = (i) => ({
    edits: [{ start: i.span.end, end: i.span.end, text: nl + env2 }],
    applicability: "unsafe",
    reason,
    title: `Add ${env2} after line ${i.lastLine}`
  });
  if (t.at === "creation") {
    const origin = facts?.venvOrigins.get(venv);
    const anchor = origin?.offset === void 0 ? void 0 : byStart.get(origin.offset);
    return anchor && anchor !== inst ? after(anchor) : void 0;
  }
  if (t.at === "site") {
    if (facts?.activation?.alone && inst.keyword === "RUN" && inst.heredocs.length === 0) {
      return { edits: [{ start: inst.span.start, end: inst.span.end, text: env2 }], applicability: "unsafe", reason, title: `Replace the RUN with ${env2}` };
    }
    return after(inst);
  }
  const v = facts?.virtualEnv;
  const envInst = v ? parsed.instructions.find((i) => i.keyword === "ENV" && v.span.start >= i.span.start && v.span.end <= i.span.end) : void 0;
  if (!v || !envInst)
    return void 0;
  const legacy = !/^\s*[A-Za-z_][A-Za-z0-9_]*=/.test(envInst.args.map((c) => c.ch).join(""));
  const path34 = `PATH="${v.venv}/bin:$PATH"`;
  if (legacy)
    return { edits: [{ start: envInst.span.end, end: envInst.span.end, text: `${nl}ENV ${path34}` }], applicability: "unsafe", reason, title: `Add ENV ${path34} after line ${envInst.lastLine}` };
  return { edits: [{ start: envInst.span.end, end: envInst.span.end, text: ` ${path34}` }], applicability: "unsafe", reason, title: `Add ${path34} to the ENV at line ${envInst.firstLine}` };
}
function analyzeDockerfile(file) {
  const parsed = parseDockerfile(file.text);
  const stages = [];
  const byName = /* @__PURE__ */ new Map();
  let stage;
  let globalArgs = /* @__PURE__ */ new Map();
  const instructionOf = /* @__PURE__ */ new Map();
  const byStart = new Map(parsed.instructions.map((i) => [i.span.start, i]));
  const run2 = new ConfigRun(file, {
    language: "dockerfile",
    comments: { line: "#", trailing: "#" },
    persist: (site, t) => {
      const inst = instructionOf.get(site);
      return inst ? persistVenv2(file, parsed, site, inst, t, byStart) : void 0;
    }
  });
  for (const p of parsed.problems)
    run2.problem(p.message, p.offset);
  const dockerFacts = (api, form, st) => ({
    form,
    unit: `this ${api}`,
    scope: api === "RUN" ? "in this RUN" : `when ${api} runs`,
    persistAdvice: (venv) => `put it on PATH for every later instruction with ENV PATH="${venv}/bin:$PATH"`,
    shellName: form === "shell" ? st.shell === "bash" ? "bash" : "/bin/sh" : void 0,
    virtualEnv: st.virtualEnv && st.vars.get("VIRTUAL_ENV") !== void 0 ? { venv: st.virtualEnv.venv, span: st.virtualEnv.span } : void 0
  });
  const named = /* @__PURE__ */ new Set();
  const shellOf = (inst, api, st, index, cur) => ({
    api,
    callSpan: inst.span,
    order: index,
    group: cur,
    // CMD and ENTRYPOINT run in the container, after every RUN: not a later RUN of an activation.
    linksLater: api === "RUN",
    dialect: st.shell === "bash" ? "bash" : "sh",
    shHasSource: st.shHasSource,
    path: st.vars.get("PATH") ?? DEFAULT_PATH,
    cwd: st.workdir,
    vars: st.vars,
    venvs: st.venvs,
    named,
    originAt: () => ({ line: inst.firstLine, how: "created", offset: inst.span.start }),
    facts: dockerFacts(api, "shell", st),
    onSite: (site) => instructionOf.set(site, inst)
  });
  const execSite = (inst, api, cmd, st, decl) => {
    let pathState = { kind: "inherited" };
    if (cmd.pathReset)
      pathState = { kind: "reset", by: cmd.pathReset };
    else if (cmd.pathUnset)
      pathState = { kind: "missing", span: cmd.span ?? inst.span };
    else if (cmd.envPathSet)
      pathState = { kind: "explicit", span: cmd.span };
    const env2 = { path: pathState, knownVenvs: [...st.venvs.keys()] };
    const active = venvOnPath(st.vars.get("PATH") ?? DEFAULT_PATH, st.venvs, st.virtualEnv?.venv, named);
    if (active)
      env2.activeVenv = active;
    const site = launchSiteFor(cmd, { file, language: "dockerfile", api, callSpan: inst.span, env: env2 });
    site.config = { ...dockerFacts(api, "exec", st), venvOrigins: new Map(st.venvs), deactivated: run2.deactivatedSoFar(), cwd: st.workdir };
    run2.addSite(site, decl);
    instructionOf.set(site, inst);
    const dir = createdVenv(cmd.argv);
    if (dir !== void 0) {
      site.config.createsVenv = true;
      const abs = resolveDir(dir, st.workdir);
      if (abs && !st.venvs.has(abs))
        st.venvs.set(abs, { line: inst.firstLine, how: "created", offset: inst.span.start });
    }
  };
  const runInstruction = (inst, api, st, index, cur, args = inst.args) => {
    const { rest } = api === "RUN" ? splitFlags(args) : { rest: args };
    const decl = shellOf(inst, api, st, index, cur);
    if (text(rest).trimStart().startsWith("[")) {
      const argv = parseExecForm(rest);
      if (argv) {
        for (const ex of run2.exec(decl, argv, true))
          execSite(inst, api, ex, st, decl);
        return;
      }
      if (/^\[\s*"(?:[^"\\]|\\.)*"\s*[,\]]/.test(text(rest).trimStart()))
        run2.problem(`${api}: not a valid JSON array of strings, run as a shell command`, rest[0]?.off ?? inst.span.start);
    }
    let scriptChars = rest;
    if (inst.heredocs.length) {
      const commandLine = text(rest).replace(/<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1/g, "").trim();
      const body = inst.heredocs[0].body;
      if ((commandLine === "" || SHELL_READS_STDIN.test(commandLine)) && inst.heredocs.length === 1) {
        const shebang = /^#!(\S+)(?:\s+(\S+))?/.exec(text(body.slice(0, 80)));
        if (shebang && !/(^|\/)(ba)?sh$/.test(shebang[2] && /env$/.test(shebang[1]) ? shebang[2] : shebang[1]))
          return;
        scriptChars = body;
      } else {
        scriptChars = [...leadingRedirectionLast(rest), { ch: "\n", off: -1 }];
        for (const h of inst.heredocs) {
          pushAll(scriptChars, h.body);
          for (const ch of `${h.delimiter}
`)
            scriptChars.push({ ch, off: -1 });
        }
      }
    }
    if (st.shell === "none")
      return;
    run2.shell(decl, unitsToWord(scriptChars));
  };
  const endStage = (s) => {
    if (!s)
      return;
    for (const d of s.deferred) {
      if (d.api === "CMD" && s.hasEntrypoint)
        continue;
      runInstruction(d.inst, d.api, s.state, Infinity, s, d.args);
    }
    run2.endGroup(s, venvOnPath(s.state.vars.get("PATH") ?? DEFAULT_PATH, s.state.venvs, s.state.virtualEnv?.venv, named));
  };
  parsed.instructions.forEach((inst, index) => {
    const kw = inst.keyword;
    if (kw === "FROM") {
      endStage(stage);
      const { rest } = splitFlags(inst.args);
      const m = /^(\S+)(?:\s+as\s+(\S+))?/i.exec(text(rest).trim());
      const base = m ? expandVars(m[1], globalArgs).toLowerCase() : "";
      const parent = byName.get(base);
      stage = {
        state: parent ? cloneState(parent.state) : freshState(base),
        hasEntrypoint: parent?.hasEntrypoint ?? false,
        deferred: []
      };
      if (!parent) {
        for (const [k, v] of globalArgs)
          if (!stage.state.vars.has(k))
            stage.state.vars.set(k, v);
      }
      stages.push(stage);
      byName.set(String(stages.length - 1), stage);
      if (m?.[2])
        byName.set(m[2].toLowerCase(), stage);
      return;
    }
    if (!stage) {
      if (kw === "ARG")
        globalArgs = new Map([...globalArgs, ...parseKeyValues(text(inst.args), globalArgs, parsed.escape, false)]);
      return;
    }
    const st = stage.state;
    switch (kw) {
      case "ENV":
      case "ARG":
        for (const [k, v] of parseKeyValues(text(inst.args), st.vars, parsed.escape, kw === "ENV")) {
          if (kw === "ARG" && v === UNKNOWN2 && (st.vars.has(k) || globalArgs.has(k))) {
            if (!st.vars.has(k))
              st.vars.set(k, globalArgs.get(k));
            continue;
          }
          st.vars.set(k, v);
          if (k === "VIRTUAL_ENV") {
            const dir = kw === "ENV" ? resolveDir(v, st.workdir) : void 0;
            const at = text(inst.args).indexOf("VIRTUAL_ENV");
            const from = inst.args[at]?.off ?? inst.span.start;
            st.virtualEnv = dir ? { venv: dir, span: { start: from, end: from + "VIRTUAL_ENV".length }, inst } : void 0;
          }
        }
        break;
      case "WORKDIR": {
        const d = resolveDir(expandVars(unquote(text(inst.args).trim(), parsed.escape).value, st.vars), st.workdir);
        if (d)
          st.workdir = d;
        break;
      }
      case "SHELL": {
        const argv = parseExecForm(inst.args);
        const prog = argv?.[0] ? wordText(argv[0]) : void 0;
        if (!argv || prog === void 0)
          run2.problem('SHELL: expects a JSON array, e.g. ["/bin/bash", "-c"]', inst.span.start);
        else
          st.shell = /(^|\/)bash$/.test(prog) ? "bash" : /(^|\/)(sh|dash|ash|ksh|mksh|zsh|busybox)$/.test(prog) ? "sh" : "none";
        break;
      }
      case "COPY":
      case "ADD": {
        const { flags, rest } = splitFlags(inst.args);
        const from = flags.get("from")?.toLowerCase();
        const src = from === void 0 ? void 0 : byName.get(from);
        if (!src)
          break;
        const argv = parseExecForm(rest)?.map((w) => wordText(w) ?? UNKNOWN2) ?? text(rest).trim().split(/\s+/);
        if (argv.length < 2)
          break;
        const dst = resolveDir(expandVars(argv[argv.length - 1], st.vars), st.workdir);
        if (!dst)
          break;
        for (const s of argv.slice(0, -1)) {
          const from2 = resolveDir(expandVars(s, src.state.vars), src.state.workdir);
          if (!from2)
            continue;
          for (const v of src.state.venvs.keys()) {
            if (v === from2 || v.startsWith(from2 === "/" ? "/" : from2 + "/")) {
              const to = path14.posix.join(dst, v.slice(from2.length));
              st.venvs.set(to.replace(/\/+$/, "") || "/", { line: inst.firstLine, how: "copied", offset: inst.span.start });
            }
          }
        }
        break;
      }
      case "RUN":
        runInstruction(inst, "RUN", st, index, stage);
        break;
      case "HEALTHCHECK": {
        const command2 = healthcheckCommand(inst.args);
        stage.deferred = stage.deferred.filter((d) => d.api !== "HEALTHCHECK");
        if (command2)
          stage.deferred.push({ inst, api: "HEALTHCHECK", args: command2 });
        break;
      }
      case "CMD":
      case "ENTRYPOINT":
        if (kw === "ENTRYPOINT")
          stage.hasEntrypoint = true;
        stage.deferred = stage.deferred.filter((d) => d.api !== kw);
        stage.deferred.push({ inst, api: kw });
        break;
    }
  });
  endStage(stage);
  const commentLines = new Set(parsed.comments.map((c) => file.location(c.offset).line));
  for (const inst of parsed.instructions)
    run2.suppress(inst.firstLine, inst.lastLine, { isCommentLine: (l) => commentLines.has(l) });
  return run2.finish();
}
var OTHER_FORMAT = /\.(py|pyw|pyi|md|rst|txt|adoc|html?|json|ya?ml|toml|ini|cfg|conf|xml|sh|bash|ps1|bat|js|ts|go|rs|rb|java|lock|log|csv|diff|patch|png|svg|dockerignore)$/i;
var dockerfileFrontEnd = {
  language: "dockerfile",
  maxBytes: CONFIG_MAX_BYTES,
  claims(p) {
    const base = path14.posix.basename(p.replace(/\\/g, "/"));
    if (/\.(j2|jinja2?|tpl|tmpl|template|in|erb|mustache|hbs)$/i.test(base))
      return false;
    if (/^Jenkinsfile[._-]/.test(base))
      return false;
    if (base === "Dockerfile" || base === "dockerfile" || base === "Containerfile" || /\.(dockerfile|Dockerfile)$/.test(base))
      return true;
    return /^[Dd]ockerfile\./.test(base) && !OTHER_FORMAT.test(base);
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeDockerfile(file));
  }
};
var SHELL_READS_STDIN = /^(?:\/usr)?(?:\/bin\/)?(?:ba|da)?sh(?:\s+(?:-[a-zA-Z]+|[-+]o\s+[a-z]+))*(?:\s+-s)?$/;
function leadingRedirectionLast(rest) {
  const line = text(rest);
  const m = /^(\s*)(<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\3)(?=\s)/.exec(line);
  if (!m)
    return rest;
  const from = m[1].length;
  const to = from + m[2].length;
  return [...rest.slice(0, from), ...rest.slice(to), { ch: " ", off: -1 }, ...[...m[2]].map((ch) => ({ ch, off: -1 }))];
}

// dist/src/frontends/gitlab/index.js
import path15 from "node:path";

// dist/src/frontends/gitlab/reader.js
var isMapping = (v) => typeof v === "object" && v !== null && v.kind === "mapping";
function deepMerge(base, over, meter) {
  meter.charge(GITLAB_EXTENDS_KEYS, base.entries.size + over.entries.size);
  const entries = new Map(base.entries);
  for (const [k, e] of over.entries) {
    const b = entries.get(k);
    entries.set(k, b && isMapping(b.value) && isMapping(e.value) ? { ...e, value: deepMerge(b.value, e.value, meter) } : e);
  }
  return { kind: "mapping", entries };
}
var Config = class {
  meter;
  extendedMemo = /* @__PURE__ */ new Map();
  /** Levels of `extends:` under each entry merged so far (GitLab refuses more than 11). */
  extendsDepth = /* @__PURE__ */ new Map();
  extending = /* @__PURE__ */ new Set();
  /** One Mapping per YAML mapping: aliases of aliases would otherwise expand exponentially. */
  mappings = /* @__PURE__ */ new WeakMap();
  root;
  target;
  constructor(doc, meter = new BudgetMeter()) {
    this.meter = meter;
    this.target = aliasTargets(doc);
    const r = this.valueOf(doc.contents, 0);
    this.root = isMapping(r) ? r : void 0;
  }
  deAlias(n) {
    for (let i = 0; i < 20 && isAlias(n); i++) {
      this.meter.charge(YAML_ALIASES);
      n = this.target(n);
    }
    return isAlias(n) ? void 0 : n;
  }
  /** A node as a Value: aliases followed, mappings with their `<<` merges applied. */
  valueOf(n, depth) {
    const v = this.deAlias(n);
    if (v === void 0 || v === null || isScalar(v) && v.value === null)
      return null;
    if (isMap(v)) {
      if (depth > 30)
        return null;
      let m = this.mappings.get(v);
      if (!m)
        this.mappings.set(v, m = this.toMapping(v, depth + 1));
      return m;
    }
    return v;
  }
  /**
   * YAML merge keys as Ruby's Psych applies them (GitLab loads YAML with it): `<<: *a` merges a's
   * keys over what came before, later keys override, and in `<<: [*a, *b]` the first wins.
   */
  toMapping(node, depth) {
    const entries = /* @__PURE__ */ new Map();
    const mergeFrom = (n) => {
      const m = this.valueOf(n, depth);
      if (isMapping(m))
        for (const [k, e] of m.entries)
          entries.set(k, e);
    };
    for (const p of node.items) {
      if (!isScalar(p.key) || p.key.value === null)
        continue;
      const k = String(p.key.value);
      if (k === "<<" && p.key.type === "PLAIN") {
        const v = this.deAlias(p.value);
        if (isSeq(v)) {
          const merged = /* @__PURE__ */ new Map();
          for (const item of [...v.items].reverse()) {
            const m = this.valueOf(item, depth);
            if (isMapping(m))
              for (const [kk, e] of m.entries)
                merged.set(kk, e);
          }
          for (const [kk, e] of merged)
            entries.set(kk, e);
        } else
          mergeFrom(v);
        continue;
      }
      entries.set(k, { key: p.key, value: this.valueOf(p.value, depth), node: p.value });
    }
    return { kind: "mapping", entries };
  }
  /** A top-level entry after `extends:` (Extendable::Entry#extend!: bases merged in order, then the entry itself). */
  /**
   * Each entry is merged once (memoized), so a file costs the keys its entries hold times their
   * `extends:` depth, which is GitLab's own limit: deeper is reported as too complex, as GitLab
   * refuses such a pipeline.
   */
  extended(name) {
    if (this.extendedMemo.has(name))
      return this.extendedMemo.get(name);
    const own = this.root?.entries.get(name)?.value;
    if (own === void 0)
      return null;
    if (!isMapping(own) || !own.entries.has("extends") || this.extending.has(name))
      return own;
    this.extending.add(name);
    let merged = { kind: "mapping", entries: /* @__PURE__ */ new Map() };
    let depth = 1;
    for (const base of this.names(own.entries.get("extends").value)) {
      if (!this.root?.entries.has(base))
        continue;
      const b = this.extended(base);
      depth = Math.max(depth, 1 + (this.extendsDepth.get(base) ?? 0));
      if (depth > GITLAB_EXTENDS_DEPTH.limit)
        throw new TooComplexError(GITLAB_EXTENDS_DEPTH, depth);
      if (isMapping(b))
        merged = deepMerge(merged, b, this.meter);
    }
    this.extending.delete(name);
    const result = deepMerge(merged, own, this.meter);
    this.extendsDepth.set(name, depth);
    this.extendedMemo.set(name, result);
    return result;
  }
  /** `extends: .a` or `extends: [.a, .b]`. */
  names(v) {
    const n = this.deAlias(v);
    if (isScalar(n) && n.value !== null)
      return [String(n.value)];
    if (isSeq(n))
      return n.items.map((i) => this.deAlias(i)).filter(isScalar).map((s) => String(s.value));
    return [];
  }
  /** `!reference [job, key, …]`: the value it selects, or undefined when that is not in this file. */
  reference(seq, chain) {
    if (chain.includes(seq))
      return void 0;
    if (chain.length >= GITLAB_REFERENCE_DEPTH.limit)
      throw new TooComplexError(GITLAB_REFERENCE_DEPTH, chain.length + 1);
    const keys = seq.items.map((i) => this.deAlias(i));
    if (keys.length === 0 || !keys.every((k) => isScalar(k) && k.value !== null))
      return void 0;
    const [first, ...rest] = keys.map((k) => String(k.value));
    if (!this.root?.entries.has(first))
      return void 0;
    let cur = this.extended(first);
    for (const k of rest) {
      cur = this.resolved(cur, [...chain, seq]);
      cur = isMapping(cur) ? cur.entries.get(k)?.value : void 0;
      if (cur === void 0)
        return void 0;
    }
    return cur;
  }
  /** The value with a `!reference` in its place followed (undefined when it points outside the file). */
  resolved(v, chain = []) {
    return isSeq(v) && v.tag === "!reference" ? this.resolved(this.reference(v, chain), [...chain, v]) : v;
  }
};
function trimmedSpan(src, node) {
  const [start, end] = node.range ?? [0, 0];
  let e = end;
  while (e > start && /\s/.test(src[e - 1]))
    e--;
  return { start, end: e };
}

// dist/src/frontends/gitlab/index.js
var PROJECT_DIR = "/builds/project";
var HOME2 = "/builds/.home";
var showVenv2 = shownVia([[HOME2, "$HOME"]], shownUnder(PROJECT_DIR));
var GLOBAL_KEYWORDS = /* @__PURE__ */ new Set(["default", "include", "stages", "types", "variables", "workflow", "spec", "image", "services", "cache", "before_script", "after_script"]);
var DEPRECATED_GLOBALS = /* @__PURE__ */ new Set(["image", "services", "cache", "before_script", "after_script"]);
var UNKNOWN_SNIPPET = "__venvguard_unknown_reference__";
function imageLacksBash(image) {
  const noDigest = image.split("@")[0];
  const slash = noDigest.lastIndexOf("/");
  const colon = noDigest.indexOf(":", slash + 1);
  const repo = (colon < 0 ? noDigest : noDigest.slice(0, colon)).slice(slash + 1).toLowerCase();
  const tag = colon < 0 ? "" : noDigest.slice(colon + 1).toLowerCase();
  if (repo === "alpine" || repo === "busybox" || /(^|[-_.])alpine/.test(tag))
    return true;
  return repo === "docker" && (slash < 0 || noDigest.startsWith("docker.io/") || noDigest.startsWith("library/")) && !/windows/.test(tag);
}
function venvRewriter(file, program, venv, cwd) {
  if (isUnder(venv, HOME2))
    return void 0;
  const bin = binSeenFrom(venv, cwd, PROJECT_DIR);
  return bin === void 0 ? void 0 : programRewriter(file, program, bin);
}
function analyzeGitlab(file) {
  const src = file.text;
  const run2 = new ConfigRun(file, { language: "gitlab-ci", comments: { line: "#", trailing: "#" } });
  const lineOf = (off) => file.location(Math.min(off, src.length)).line;
  const lastLine = (node, from) => {
    const range = node?.range;
    return lineOf(Math.max(from, range ? trimmedSpan(src, node).end - 1 : from));
  };
  const suppressFromLineAbove = (at, from, to) => run2.suppress(from, to, { above: [lineOf(at) - 1], trailingFrom: Infinity });
  checkYamlNesting(src);
  const docs = parseLenient(src, (t) => yaml().parseAllDocuments(t, { prettyErrors: false, uniqueKeys: false }));
  const all = [...docs];
  const streamErrors = "empty" in docs ? docs.errors : [];
  for (const e of yamlErrors([...streamErrors, ...all.flatMap((d) => d.errors)]))
    run2.problem(`YAML: ${e.message.split("\n")[0]}`, e.pos[0]);
  const isHeader = (d) => isMap(d.contents) && d.contents.items.some((p) => scalarText(p.key) === "spec");
  const doc = all.length > 1 && isHeader(all[0]) ? all[1] : all[0];
  try {
    if (doc)
      analyzeConfig(new Config(doc, run2.meter));
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError)
      throw e;
    run2.problem(`internal error while analysing the pipeline: ${e.message}`, 0);
  }
  function analyzeConfig(cfg) {
    const root = cfg.root;
    if (!root)
      return;
    const rootEntries = root.entries;
    const top = (k) => cfg.resolved(root.entries.get(k)?.value);
    const defaults = top("default");
    const collect = (v, section, out, depth, chain) => {
      if (v === void 0) {
        out.push("unknown");
        return;
      }
      if (v === null || isMapping(v) || depth > 12)
        return;
      if (isSeq(v)) {
        if (v.tag === "!reference") {
          collect(cfg.reference(v, chain), section, out, depth + 1, [...chain, v]);
          return;
        }
        for (const item of v.items)
          collect(cfg.valueOf(item, 0), section, out, depth + 1, chain);
        return;
      }
      if (!isScalar(v) || !v.range)
        return;
      run2.meter.charge(YAML_EXPANDED_CHARS, String(v.value).length);
      const chars = typeof v.value === "string" ? scalarChars(src, v) : [...String(v.value)].map((ch) => ({ ch, off: -1 }));
      out.push({ chars, span: trimmedSpan(src, v), section });
    };
    const variablesOf2 = (v) => {
      const out = /* @__PURE__ */ new Map();
      const m = cfg.resolved(v);
      if (!isMapping(m))
        return out;
      for (const [name, e] of m.entries) {
        let value = cfg.resolved(e.value);
        let expand = true;
        if (isMapping(value)) {
          expand = scalarText(value.entries.get("expand")?.value) !== "false";
          value = cfg.resolved(value.entries.get("value")?.value);
        }
        const raw = scalarText(value);
        const span = e.key?.range && isScalar(value) && value.range ? { start: e.key.range[0], end: trimmedSpan(src, value).end } : void 0;
        out.set(name, raw === void 0 ? { raw: UNKNOWN2, expand: false, span } : { raw, expand, span });
      }
      return out;
    };
    const globalVariables = variablesOf2(top("variables"));
    for (const [name, entry] of root.entries) {
      if (GLOBAL_KEYWORDS.has(name) || name.startsWith("."))
        continue;
      const job = cfg.extended(name);
      if (!isMapping(job) || !job.entries.has("script"))
        continue;
      analyzeJob(entry, job);
    }
    function analyzeJob(entry, job) {
      const inherit = cfg.resolved(job.entries.get("inherit")?.value);
      const inherits = (what, key) => {
        const v = isMapping(inherit) ? cfg.resolved(inherit.entries.get(what)?.value) : void 0;
        if (v === void 0 || v === null)
          return true;
        if (isScalar(v))
          return String(v.value) !== "false";
        return isSeq(v) && cfg.names(v).includes(key);
      };
      const keyword = (key) => {
        const own = job.entries.get(key);
        if (own)
          return own;
        if (!inherits("default", key))
          return void 0;
        return (isMapping(defaults) ? defaults.entries.get(key) : void 0) ?? (DEPRECATED_GLOBALS.has(key) ? rootEntries.get(key) : void 0);
      };
      const img = cfg.resolved(keyword("image")?.value);
      const imageName2 = scalarText(isMapping(img) ? cfg.resolved(img.entries.get("name")?.value) : img) ?? "";
      const tags = cfg.resolved(keyword("tags")?.value);
      const tagText = isSeq(tags) ? cfg.names(tags).join(" ") : scalarText(tags) ?? "";
      if (/windows|servercore|nanoserver/i.test(`${imageName2} ${tagText}`))
        return;
      const dialect = imageName2 && imageLacksBash(imageName2) ? "sh" : "bash";
      const shellName = dialect === "sh" ? "/bin/sh" : "bash";
      const vars = /* @__PURE__ */ new Map();
      for (const [k, v] of globalVariables)
        if (inherits("variables", k))
          vars.set(k, v);
      for (const [k, v] of variablesOf2(job.entries.get("variables")?.value))
        vars.set(k, v);
      const expanded = /* @__PURE__ */ new Map();
      const expand = (k, seen) => {
        const v = vars.get(k);
        if (!v)
          return UNKNOWN2;
        if (!v.expand || v.raw.includes(UNKNOWN2))
          return v.raw;
        return v.raw.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_all, a, b) => {
          const ref = a ?? b;
          if (ref === void 0)
            return "$";
          if (ref === "PATH" && k === "PATH")
            return DEFAULT_PATH;
          if (ref === "CI_PROJECT_DIR")
            return PROJECT_DIR;
          if (ref === "CI_BUILDS_DIR")
            return path15.posix.dirname(PROJECT_DIR);
          if (!vars.has(ref) || seen.has(ref))
            return UNKNOWN2;
          return expand(ref, /* @__PURE__ */ new Set([...seen, ref]));
        });
      };
      for (const k of vars.keys())
        expanded.set(k, expand(k, /* @__PURE__ */ new Set([k])));
      const startPath = expanded.get("PATH") ?? DEFAULT_PATH;
      const shellVars = new Map(expanded);
      shellVars.delete("PATH");
      shellVars.set("CI_PROJECT_DIR", PROJECT_DIR);
      if (!shellVars.has("HOME"))
        shellVars.set("HOME", HOME2);
      let virtualEnv;
      const ve = expanded.get("VIRTUAL_ENV");
      const veSpan = vars.get("VIRTUAL_ENV")?.span;
      if (ve !== void 0 && veSpan && !ve.includes(DEFAULT_PATH)) {
        const dir = resolveDir(ve, PROJECT_DIR);
        if (dir)
          virtualEnv = { venv: dir, span: veSpan };
      }
      const itemsOf2 = (section, e, out) => {
        if (e)
          collect(e.value, section, out, 0, []);
      };
      const mainItems = [];
      itemsOf2("before_script", keyword("before_script"), mainItems);
      itemsOf2("script", job.entries.get("script"), mainItems);
      const afterItems = [];
      itemsOf2("after_script", keyword("after_script"), afterItems);
      const jobKey = entry.key;
      for (const it of [...mainItems, ...afterItems]) {
        if (it === "unknown")
          continue;
        run2.suppress(lineOf(it.span.start), lineOf(Math.max(it.span.start, it.span.end - 1)));
      }
      const jobEnd = lastLine(entry.node, jobKey?.range?.[0] ?? 0);
      if (jobKey?.range)
        suppressFromLineAbove(jobKey.range[0], lineOf(jobKey.range[0]), jobEnd);
      for (const section of ["before_script", "script", "after_script"]) {
        const own = job.entries.get(section);
        const k = own?.key;
        if (!own || !k?.range || !jobKey?.range || k.range[0] < jobKey.range[0] || lineOf(k.range[0]) > jobEnd)
          continue;
        suppressFromLineAbove(k.range[0], lineOf(k.range[0]), Math.min(lastLine(own.node, k.range[0]), jobEnd));
      }
      const venvs = /* @__PURE__ */ new Map();
      const activation = (venv) => `${dialect === "sh" ? "." : "source"} ${showVenv2(venv)}/bin/activate`;
      const hasAfter = afterItems.length > 0;
      const keyAt2 = jobKey?.range?.[0] ?? 0;
      const group = {};
      const runShell = (items, which) => {
        if (items.length === 0)
          return;
        const real = items.filter((i) => i !== "unknown");
        const chars = [];
        items.forEach((it, i) => {
          if (i > 0)
            chars.push({ ch: "\n", off: -1 });
          if (it === "unknown")
            for (const ch of UNKNOWN_SNIPPET)
              chars.push({ ch, off: -1 });
          else
            pushAll(chars, withoutInputs(it.chars));
        });
        const shellSpan = which === "main" ? { start: keyAt2, end: keyAt2 } : { start: keyAt2 + 1, end: keyAt2 + 1 };
        const sectionAt = (off) => real.find((it) => off >= it.span.start && off < it.span.end)?.section ?? (which === "main" ? "script" : "after_script");
        const shellVenvs = which === "main" ? venvs : new Map([...venvs].filter(([v]) => isUnder(v, PROJECT_DIR)));
        let unknownFromHere = false;
        const facts = which === "main" ? {
          form: "shell",
          showVenv: showVenv2,
          shellName,
          virtualEnv,
          unit: "this job's script",
          scope: "in this job",
          persistAdvice: (venv) => `activate it with "${activation(venv)}" after the command that creates it and before the commands that use it (before_script and script run in one shell)` + (hasAfter ? "; after_script runs in a new shell and needs its own activation" : "")
        } : {
          form: "shell",
          showVenv: showVenv2,
          shellName,
          virtualEnv,
          unit: "after_script",
          scope: "in after_script (a new shell)",
          persistAdvice: (venv) => `activate it again at the start of after_script ("${activation(venv)}"): after_script runs in a new shell, without what before_script and script did`
        };
        run2.shell({
          api: which === "main" ? "script" : "after_script",
          callSpan: shellSpan,
          order: which === "main" ? 1 : 2,
          group,
          dialect,
          // The images without bash here (Alpine, busybox, docker) use busybox ash, which has `source`.
          shHasSource: true,
          path: startPath,
          cwd: PROJECT_DIR,
          vars: shellVars,
          venvs: shellVenvs,
          originAt: (at) => ({ line: lineOf(at), how: "created", where: `in ${sectionAt(at)}`, offset: at }),
          facts,
          normalizePath: (p) => p.replace(/\$\{?CI_PROJECT_DIR\}?/g, PROJECT_DIR).replace(/\$\{?HOME\}?(?![A-Za-z0-9_])/g, HOME2),
          rewriter: (program, venv, cwd) => venvRewriter(file, program, venv, cwd),
          intercept: (cmd) => {
            if (cmd.words[0] === void 0 || wordText(cmd.words[0]) !== UNKNOWN_SNIPPET)
              return false;
            unknownFromHere = true;
            return true;
          },
          onSite: (site) => {
            if (unknownFromHere)
              site.env.knownVenvs = [];
          },
          // Every site at its own script line: findings, suppressions and fixes are per line.
          anchor: (site) => {
            const at = site.argv.map((w) => wordSourceSpan(w)?.start).find((o) => o !== void 0);
            const item = at === void 0 ? void 0 : real.find((it) => at >= it.span.start && at < it.span.end);
            return item?.span ?? real[0]?.span ?? site.callSpan;
          }
        }, unitsToWord(chars, shellSpan));
      };
      runShell(mainItems, "main");
      runShell(afterItems, "after");
    }
  }
  return run2.finish();
}
function withoutInputs(cs) {
  return replaceChars(cs, /\$\[\[[^\]]*\]\]/g, "$[[", () => ({ text: "GLINPUT", at: true }));
}
var gitlabFrontEnd = {
  language: "gitlab-ci",
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p) {
    const base = path15.posix.basename(p.replace(/\\/g, "/"));
    return base === ".gitlab-ci.yml" || base.endsWith(".gitlab-ci.yml");
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeGitlab(file));
  }
};

// dist/src/frontends/makefile/index.js
import path18 from "node:path";

// dist/src/frontends/makefile/written-venv.js
import path16 from "node:path";
function writtenBin(venv, curdir, text3, values, bin) {
  for (const [name, value] of values) {
    if (!value.startsWith("/") || /\s/.test(value))
      continue;
    const bare = value.replace(/\/+$/, "");
    if (bare === "" || !venv.endsWith(bare))
      continue;
    const prefix = path16.posix.relative(curdir, venv.slice(0, venv.length - bare.length) || "/");
    if (prefix.startsWith("..") || !/^[\w./-]*$/.test(prefix))
      continue;
    const written = `${prefix}$(${name})`;
    const at = text3.indexOf(written);
    if (at < 0 || at > 0 && /[\w./-]/.test(text3[at - 1]))
      continue;
    return `${written}${value.endsWith("/") ? "" : "/"}${bin}`;
  }
  return void 0;
}

// dist/src/frontends/makefile/expander.js
import path17 from "node:path";

// dist/src/frontends/makefile/mtext.js
var EMPTY = { s: "" };
var mtext = (s, start) => start === void 0 || start < 0 ? { s } : { s, off: start };
var unknownText = (frag) => ({ s: UNKNOWN2, frags: /* @__PURE__ */ new Map([[0, frag]]) });
function offAt(t, k) {
  const o = t.off;
  if (o === void 0)
    return -1;
  return typeof o === "number" ? o + k : o[k];
}
var fragAt = (t, k) => t.frags && t.s.charCodeAt(k) === 1 ? t.frags.get(k) : void 0;
var hasFrags = (t) => !!t.frags && t.frags.size > 0;
function slice(t, a, b = t.s.length) {
  if (a <= 0 && b >= t.s.length)
    return t;
  if (a < 0)
    a = 0;
  if (b > t.s.length)
    b = t.s.length;
  if (b <= a)
    return EMPTY;
  const o = t.off;
  const off = o === void 0 ? void 0 : typeof o === "number" ? o + a : o.subarray(a, b);
  let frags;
  if (t.frags) {
    for (const [k, f] of t.frags) {
      if (k < a || k >= b)
        continue;
      (frags ??= /* @__PURE__ */ new Map()).set(k - a, f);
    }
  }
  return off === void 0 ? frags ? { s: t.s.slice(a, b), frags } : { s: t.s.slice(a, b) } : frags ? { s: t.s.slice(a, b), off, frags } : { s: t.s.slice(a, b), off };
}
function valueText(t) {
  if (!t.frags)
    return t.s;
  let out;
  for (const [k, f] of t.frags) {
    if (f.why !== "environment PATH" || t.s.charCodeAt(k) !== 1)
      continue;
    out ??= t.s;
    out = out.slice(0, k) + DEFAULT_PATH + out.slice(k + 1);
  }
  return out ?? t.s;
}
var MBuilder = class {
  positions;
  parts = [];
  length = 0;
  off;
  frags;
  constructor(positions = true) {
    this.positions = positions;
  }
  room(n) {
    let o = this.off;
    if (!o) {
      o = new Int32Array(Math.max(16, this.length + n)).fill(-1);
      this.off = o;
    } else if (this.length + n > o.length) {
      const grown = new Int32Array(Math.max(o.length * 2, this.length + n)).fill(-1, this.length);
      grown.set(o.subarray(0, this.length));
      this.off = o = grown;
    }
    return o;
  }
  /** Marks offsets -1 for n characters about to be added (when the table exists). */
  noPlace(n) {
    if (!this.off)
      return;
    this.room(n).fill(-1, this.length, this.length + n);
  }
  char(ch, off) {
    if (this.positions && off >= 0)
      this.room(1)[this.length] = off;
    else
      this.noPlace(1);
    this.parts.push(ch);
    this.length += 1;
  }
  /** Characters with no place in the file. */
  synth(s) {
    if (!s)
      return;
    this.noPlace(s.length);
    this.parts.push(s);
    this.length += s.length;
  }
  frag(f) {
    this.noPlace(1);
    (this.frags ??= /* @__PURE__ */ new Map()).set(this.length, f);
    this.parts.push(UNKNOWN2);
    this.length += 1;
  }
  /** Characters a to b of t, with their offsets and fragments. */
  text(t, a = 0, b = t.s.length) {
    const n = b - a;
    if (n <= 0)
      return;
    const o = t.off;
    if (this.positions && o !== void 0) {
      const into = this.room(n);
      if (typeof o === "number")
        for (let k = 0; k < n; k++)
          into[this.length + k] = o + a + k;
      else
        into.set(o.subarray(a, b), this.length);
    } else
      this.noPlace(n);
    if (t.frags) {
      for (const [k, f] of t.frags)
        if (k >= a && k < b)
          (this.frags ??= /* @__PURE__ */ new Map()).set(this.length + k - a, f);
    }
    this.parts.push(a === 0 && b === t.s.length ? t.s : t.s.slice(a, b));
    this.length += n;
  }
  /**
   * A reference's value: its characters all point at the reference (`span.start`), the last one at
   * its closing paren; its unknowns take the reference's span. Without a span, no character has a
   * place and the unknowns keep theirs.
   */
  relocated(t, span) {
    const n = t.s.length;
    if (!n)
      return;
    if (this.positions && span) {
      const into = this.room(n);
      into.fill(span.start, this.length, this.length + n);
      if (!t.frags?.has(n - 1) || t.s.charCodeAt(n - 1) !== 1)
        into[this.length + n - 1] = span.end - 1;
    } else
      this.noPlace(n);
    if (t.frags)
      for (const [k, f] of t.frags)
        (this.frags ??= /* @__PURE__ */ new Map()).set(this.length + k, span ? { ...f, span } : f);
    this.parts.push(t.s);
    this.length += n;
  }
  /** Takes back trailing blanks (spaces and tabs). */
  trimEnd() {
    while (this.parts.length) {
      const last = this.parts[this.parts.length - 1];
      let e = last.length;
      while (e > 0 && (last[e - 1] === " " || last[e - 1] === "	"))
        e--;
      this.length -= last.length - e;
      if (e > 0) {
        this.parts[this.parts.length - 1] = last.slice(0, e);
        return;
      }
      this.parts.pop();
    }
  }
  build() {
    const s = this.parts.length === 1 ? this.parts[0] : this.parts.join("");
    const off = this.off && this.positions ? this.off.subarray(0, this.length) : void 0;
    if (off && this.frags)
      return { s, off, frags: this.frags };
    if (off)
      return { s, off };
    if (this.frags)
      return { s, frags: this.frags };
    return { s };
  }
};
function concat(ts, sep = "") {
  if (ts.length === 1 && !sep)
    return ts[0];
  const b = new MBuilder();
  ts.forEach((t, i) => {
    if (i)
      b.synth(sep);
    b.text(t);
  });
  return b.build();
}
function firstNonBlank(t) {
  const m = /\S/.exec(t.s);
  return m ? m[0] : "";
}
function trim(t) {
  const s = t.s;
  let a = 0;
  let b = s.length;
  while (a < b && /\s/.test(s[a]))
    a++;
  while (b > a && /\s/.test(s[b - 1]))
    b--;
  return slice(t, a, b);
}
function toWord(t, span) {
  const fragments = [];
  const run2 = (a, b) => {
    if (b <= a)
      return;
    let offsets;
    const o = t.off;
    if (typeof o === "number") {
      offsets = new Array(b - a);
      for (let k = a; k < b; k++)
        offsets[k - a] = o + k;
    } else if (o) {
      let placed = false;
      for (let k = a; k < b && !placed; k++)
        placed = o[k] >= 0;
      if (placed) {
        offsets = new Array(b - a);
        for (let k = a; k < b; k++)
          offsets[k - a] = o[k];
      }
    }
    fragments.push({ kind: "text", text: t.s.slice(a, b), offsets });
  };
  let from = 0;
  if (t.frags && t.frags.size) {
    const at = [...t.frags.keys()].filter((k) => t.s.charCodeAt(k) === 1).sort((x, y) => x - y);
    for (const k of at) {
      run2(from, k);
      fragments.push(t.frags.get(k));
      from = k + 1;
    }
  }
  run2(from, t.s.length);
  return { fragments, span };
}

// dist/src/frontends/makefile/reader.js
var isWs = (ch) => ch === " " || ch === "	";
var LineReader = class {
  src;
  /** Physical lines read so far. */
  no = 0;
  /** Where the next physical line starts. */
  s = 0;
  back;
  constructor(src) {
    this.src = src;
  }
  /** The next physical line as splitLines reads it (a `\r` before the `\n` is not part of the line); make reads no line after the final line break. */
  physical() {
    const src = this.src;
    const s = this.s;
    if (s >= src.length)
      return void 0;
    let e = src.indexOf("\n", s);
    if (e < 0)
      e = src.length;
    const end = e > s && src.charCodeAt(e - 1) === 13 ? e - 1 : e;
    this.s = e + 1;
    this.no++;
    return { start: s, text: src.slice(s, end) };
  }
  unread(ll) {
    this.back = ll;
  }
  next() {
    if (this.back) {
      const b2 = this.back;
      this.back = void 0;
      return b2;
    }
    let p = this.physical();
    if (!p)
      return void 0;
    const firstLine = this.no;
    const starts = [p.start];
    let bs = 0;
    for (let k = p.text.length - 1; k >= 0 && p.text.charCodeAt(k) === 92; k--)
      bs++;
    let q;
    if (bs % 2 === 0 || !(q = this.physical()))
      return { text: mtext(p.text, p.start), firstLine, lastLine: firstLine, starts };
    const b = new MBuilder();
    b.text(mtext(p.text, p.start));
    for (; ; ) {
      b.char("\n", p.start + p.text.length);
      p = q;
      starts.push(p.start);
      b.text(mtext(p.text, p.start));
      bs = 0;
      for (let k = p.text.length - 1; k >= 0 && p.text.charCodeAt(k) === 92; k--)
        bs++;
      if (bs % 2 === 0)
        break;
      const n = this.physical();
      if (!n)
        break;
      q = n;
    }
    return { text: b.build(), firstLine, lastLine: this.no, starts };
  }
};
function stripComment(t) {
  const s = t.s;
  let h = s.indexOf("#");
  if (h < 0)
    return t;
  if (h === 0 || s[h - 1] !== "\\")
    return slice(t, 0, h);
  const b = new MBuilder();
  let from = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s[k];
    if (c === "\\" && s[k + 1] === "#") {
      b.text(t, from, k);
      b.text(t, k + 1, k + 2);
      k++;
      from = k + 1;
      continue;
    }
    if (c === "#") {
      b.text(t, from, k);
      return b.build();
    }
  }
  b.text(t, from, s.length);
  return b.build();
}
function collapseContinuations(t) {
  const s = t.s;
  if (!s.includes("\\\n"))
    return t;
  const b = new MBuilder();
  let from = 0;
  let k = 0;
  for (; k < s.length; k++) {
    if (s[k] === "\\" && s[k + 1] === "\n") {
      const at = offAt(t, k);
      let end = k;
      while (end > from && isWs(s[end - 1]))
        end--;
      b.text(t, from, end);
      if (end === from)
        b.trimEnd();
      k += 2;
      while (k < s.length && isWs(s[k]))
        k++;
      b.char(" ", at);
      from = k;
      k--;
    }
  }
  b.text(t, from, s.length);
  return b.build();
}
var trimChars = trim;
function matchClose(s, open) {
  const o = s[open];
  const c = o === "(" ? ")" : "}";
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    const ch = s[k];
    if (ch === o)
      depth++;
    else if (ch === c && --depth === 0)
      return k;
  }
  return -1;
}
function topLevelIndex(s, chars, from = 0) {
  for (let k = from; k < s.length; k++) {
    const ch = s[k];
    if (ch === "$" && (s[k + 1] === "(" || s[k + 1] === "{")) {
      const e = matchClose(s, k + 1);
      if (e < 0)
        return -1;
      k = e;
      continue;
    }
    if (ch === "$") {
      k++;
      continue;
    }
    if (chars.includes(ch))
      return k;
  }
  return -1;
}
function parseAssignment(t) {
  const s = t.s;
  const k = topLevelIndex(s, ":=");
  if (k < 0)
    return void 0;
  let op;
  let nameEnd = k;
  let valueStart;
  if (s[k] === ":") {
    if (s[k + 1] === "=") {
      op = ":=";
      valueStart = k + 2;
    } else if (s[k + 1] === ":" && s[k + 2] === "=") {
      op = "::=";
      valueStart = k + 3;
    } else
      return void 0;
  } else {
    const prev = s[k - 1];
    if (prev === "+" || prev === "?" || prev === "!") {
      op = `${prev}=`;
      nameEnd = k - 1;
    } else
      op = "=";
    valueStart = k + 1;
  }
  const name = trim(slice(t, 0, nameEnd));
  if (!name.s.length)
    return void 0;
  let v = valueStart;
  while (v < s.length && isWs(s[v]))
    v++;
  return { name, op, value: slice(t, v) };
}

// dist/src/frontends/makefile/expander.js
var CURDIR = "/__make_curdir__";
var text2 = (t) => t.s;
var unknown = (span, why) => unknownText({ kind: "unknown", span, why });
var FUNCTIONS = /* @__PURE__ */ new Set([
  "subst",
  "patsubst",
  "strip",
  "findstring",
  "filter",
  "filter-out",
  "sort",
  "word",
  "wordlist",
  "words",
  "firstword",
  "lastword",
  "dir",
  "notdir",
  "suffix",
  "basename",
  "addsuffix",
  "addprefix",
  "join",
  "wildcard",
  "realpath",
  "abspath",
  "error",
  "warning",
  "info",
  "shell",
  "origin",
  "flavor",
  "foreach",
  "if",
  "or",
  "and",
  "call",
  "eval",
  "file",
  "value",
  "guile",
  "let",
  "intcmp"
]);
var MEMO = /* @__PURE__ */ new WeakMap();
var TEXT_MEMO = /* @__PURE__ */ new WeakMap();
var expansionStats = { references: 0, memoHits: 0, units: 0 };
var MAX_EXPANSION = 1 << 18;
var Expander = class {
  vars;
  auto;
  problems;
  undefinedEmpty;
  active = /* @__PURE__ */ new Set();
  /** The expansions in progress, innermost last: each records what it looked up. */
  deps = [];
  /** Bumped whenever a result is cut short (a cycle, the depth or the budget): such results are not kept. */
  cuts = 0;
  /** References to automatic variables ($@, $(<D) …) so far, memoized ones included. */
  autoRefs = 0;
  /** false inside expandText: the characters a reference produces are not moved to the reference. */
  positions = true;
  constructor(vars, auto = /* @__PURE__ */ new Map(), problems = [], undefinedEmpty = false) {
    this.vars = vars;
    this.auto = auto;
    this.problems = problems;
    this.undefinedEmpty = undefinedEmpty;
  }
  /**
   * Expands make references in `cs`. Literal characters keep their offsets; the characters a
   * reference produces all map to the reference (its `$`, the last one to its closing paren),
   * so a word made only of `$(PIP)` still has a place in the file.
   */
  expand(cs, depth = 0) {
    const s = cs.s;
    let k = s.indexOf("$");
    if (k < 0)
      return cs;
    const out = new MBuilder(this.positions);
    let from = 0;
    for (; k >= 0; k = s.indexOf("$", k + 1)) {
      if (fragAt(cs, k))
        continue;
      out.text(cs, from, k);
      from = s.length;
      const off = offAt(cs, k);
      if (k + 1 >= s.length)
        break;
      if (fragAt(cs, k + 1)) {
        out.frag(UNKNOWN_FRAG());
        k++;
        from = k + 1;
        continue;
      }
      const n = s[k + 1];
      if (n === "$") {
        out.char("$", off);
        k++;
        from = k + 1;
        continue;
      }
      let inner;
      let end;
      if (n === "(" || n === "{") {
        end = matchClose(s, k + 1);
        if (end < 0) {
          this.problems.push({ message: "unterminated variable reference", offset: off });
          out.text(unknown({ start: Math.max(off, 0), end: Math.max(off, 0) + 1 }, "unterminated $("));
          break;
        }
        inner = slice(cs, k + 2, end);
      } else {
        end = k + 1;
        inner = slice(cs, k + 1, k + 2);
      }
      const lastOff = offAt(cs, end);
      const span = off >= 0 ? { start: off, end: (lastOff >= 0 ? lastOff : off) + 1 } : void 0;
      const value = this.reference(inner, depth);
      const chars = value.s.length;
      if (out.length + chars > MAX_EXPANSION) {
        this.tooLarge(off);
        out.text(unknown(span, "expansion too large"));
      } else {
        expansionStats.units += chars;
        if (this.positions)
          out.relocated(value, span);
        else
          out.text(value);
      }
      k = end;
      from = end + 1;
    }
    out.text(cs, from, s.length);
    return out.build();
  }
  /**
   * The expansion's text only (valueText of expand): targets, prerequisites, names, values. No
   * offset table is made: most of the work when a prerequisite list of hundreds of files is
   * expanded for each of hundreds of rules.
   */
  expandText(cs) {
    const was = this.positions;
    this.positions = false;
    try {
      return valueText(this.expand(cs));
    } finally {
      this.positions = was;
    }
  }
  /** References expanded so far: `A2 = $(A1)$(A1)`, `A1 = $(A0)$(A0)` … doubles at each level. */
  budget = 1e5;
  /** The value of `$(inner)`: a function call, a substitution reference or a variable. */
  reference(inner, depth) {
    expansionStats.references++;
    if (depth > 40) {
      this.cuts++;
      return unknown(void 0, "expansion too deep");
    }
    if (--this.budget < 0 || this.reportedTooLarge) {
      this.tooLarge(inner.s.length ? offAt(inner, 0) : 0);
      return unknown(void 0, "expansion too large");
    }
    const raw = inner.s;
    const fm = /^([a-z-]+)[ \t]/.exec(raw);
    if (fm && FUNCTIONS.has(fm[1]))
      return this.call(fm[1], splitArgs(slice(inner, fm[0].length), fm[1]), depth);
    const colon = topLevelIndex(raw, ":");
    if (colon > 0 && raw.slice(colon).includes("=")) {
      const name2 = this.expand(slice(inner, 0, colon), depth + 1).s;
      const [from, to] = splitOnce(raw.slice(colon + 1), "=");
      const value = this.variable(name2, depth);
      if (hasFrags(value))
        return unknown(void 0, `$(${name2}:\u2026)`);
      const pat = from.includes("%") ? from : `%${from}`;
      const rep = from.includes("%") ? to : `%${to}`;
      return synth(words(value.s).map((w) => patsubstWord(pat, rep, w)).join(" "));
    }
    const name = this.expand(inner, depth + 1).s;
    if (name.includes(UNKNOWN2))
      return unknown(void 0, `$(${raw})`);
    return this.variable(name, depth);
  }
  variable(name, depth) {
    if (/^[@<^+*?|%][DF]?$/.test(name)) {
      this.autoRefs++;
      const a = this.autoGet(name) ?? this.autoGet(name.replace(/[DF]$/, ""));
      if (a === void 0)
        return unknown(void 0, `$${name}`);
      if (name.length === 1)
        return synth(a);
      const ws = words(a);
      return synth(ws.map((w) => name.endsWith("D") ? path17.posix.dirname(w) : path17.posix.basename(w)).join(" "));
    }
    const v = this.vars.get(name);
    const top = this.deps.at(-1);
    if (top && !top.vars.has(name))
      top.vars.set(name, v);
    if (!v)
      return this.undefinedEmpty ? EMPTY : unknown(void 0, `$(${name})`);
    if (v.flavor === "simple")
      return v.value;
    if (this.active.has(name)) {
      this.cuts++;
      this.problems.push({ message: `recursive variable '${name}' references itself (eventually)`, offset: v.span?.start ?? 0 });
      return unknown(void 0, `$(${name})`);
    }
    const memos = this.positions ? MEMO : TEXT_MEMO;
    const memo = memos.get(v);
    if (memo && this.valid(memo)) {
      expansionStats.memoHits++;
      if (memo.auto.size)
        this.autoRefs++;
      if (top)
        this.merge(top, memo);
      return memo.result;
    }
    this.active.add(name);
    const own = { vars: /* @__PURE__ */ new Map(), auto: /* @__PURE__ */ new Map() };
    this.deps.push(own);
    const cuts = this.cuts;
    try {
      const result = this.expand(v.raw, depth + 1);
      if (this.cuts === cuts)
        memos.set(v, { undefinedEmpty: this.undefinedEmpty, vars: own.vars, auto: own.auto, result });
      return result;
    } finally {
      this.deps.pop();
      this.active.delete(name);
      if (top)
        this.merge(top, own);
    }
  }
  reportedTooLarge = false;
  tooLarge(offset) {
    this.cuts++;
    if (!this.reportedTooLarge)
      this.problems.push({ message: "variable expansion too large to analyse", offset: Math.max(offset, 0) });
    this.reportedTooLarge = true;
  }
  autoGet(name) {
    const a = this.auto.get(name);
    const top = this.deps.at(-1);
    if (top && !top.auto.has(name))
      top.auto.set(name, a);
    return a;
  }
  valid(m) {
    if (m.undefinedEmpty !== this.undefinedEmpty)
      return false;
    for (const [n, v] of m.vars)
      if (this.vars.get(n) !== v)
        return false;
    for (const [n, a] of m.auto)
      if (this.auto.get(n) !== a)
        return false;
    return true;
  }
  merge(into, from) {
    for (const [n, v] of from.vars)
      if (!into.vars.has(n))
        into.vars.set(n, v);
    for (const [n, a] of from.auto)
      if (!into.auto.has(n))
        into.auto.set(n, a);
  }
  /**
   * `$(call NAME,a,b)`: NAME's value expanded with `$(0)` bound to NAME and `$(1)`, `$(2)` … to the
   * arguments, expanded first (a `define` used as a recipe template: oncall's `$(call
   * backend_command,python manage.py start_celery)`). Numbers past the arguments are empty, as in
   * make; the outer call's bindings come back after it.
   */
  callVariable(args, depth) {
    const name = this.expand(args[0] ?? EMPTY, depth + 1);
    if (hasFrags(name))
      return unknown(void 0, "$(call \u2026)");
    const v = this.vars.get(name.s.trim());
    if (!v)
      return EMPTY;
    const params = [synth(name.s.trim()), ...args.slice(1).map((a) => this.expand(a, depth + 1))];
    const saved = /* @__PURE__ */ new Map();
    const bind = (key, value) => {
      if (!saved.has(key))
        saved.set(key, this.vars.get(key));
      this.vars.set(key, { flavor: "simple", raw: EMPTY, value, origin: "file" });
    };
    params.forEach((p, i) => bind(String(i), p));
    for (let i = params.length; this.vars.has(String(i)); i++)
      bind(String(i), EMPTY);
    try {
      return v.flavor === "simple" ? v.value : this.expand(v.raw, depth + 1);
    } finally {
      for (const [key, old] of saved) {
        if (old)
          this.vars.set(key, old);
        else
          this.vars.delete(key);
      }
    }
  }
  call(fn, args, depth) {
    const x = (i) => this.expand(args[i] ?? EMPTY, depth + 1);
    const known2 = (t2) => !hasFrags(t2);
    if (fn === "info" || fn === "warning" || fn === "error" || fn === "eval") {
      return EMPTY;
    }
    if (fn === "call")
      return this.callVariable(args, depth);
    if (fn === "if") {
      const cond = x(0);
      if (!known2(cond))
        return unknown(void 0, "$(if \u2026)");
      return cond.s.trim() !== "" ? x(1) : x(2);
    }
    if (fn === "or" || fn === "and") {
      let last = EMPTY;
      for (let i = 0; i < args.length; i++) {
        const v = x(i);
        if (!known2(v))
          return unknown(void 0, `$(${fn} \u2026)`);
        const empty = v.s.trim() === "";
        if (fn === "or" && !empty)
          return v;
        if (fn === "and" && empty)
          return EMPTY;
        last = v;
      }
      return fn === "or" ? EMPTY : last;
    }
    const vals = args.map((_, i) => x(i));
    if (!vals.every(known2))
      return unknown(void 0, `$(${fn} \u2026)`);
    const t = vals.map(text2);
    const ws = (i) => words(t[i] ?? "");
    switch (fn) {
      case "subst":
        return synth((t[2] ?? "").split(t[0] ?? "").join(t[1] ?? ""));
      case "patsubst":
        return synth(ws(2).map((w) => patsubstWord(t[0].trim(), (t[1] ?? "").trim(), w)).join(" "));
      case "strip":
        return synth(ws(0).join(" "));
      case "firstword":
        return synth(ws(0)[0] ?? "");
      case "lastword":
        return synth(ws(0).at(-1) ?? "");
      case "words":
        return synth(String(ws(0).length));
      case "dir":
        return synth(ws(0).map((w) => w.includes("/") ? w.slice(0, w.lastIndexOf("/") + 1) : "./").join(" "));
      case "notdir":
        return synth(ws(0).map((w) => w.slice(w.lastIndexOf("/") + 1)).join(" "));
      case "addprefix":
        return synth(ws(1).map((w) => t[0] + w).join(" "));
      case "addsuffix":
        return synth(ws(1).map((w) => w + t[0]).join(" "));
      case "abspath":
        return synth(ws(0).map((w) => resolveDir(w, CURDIR) ?? w).join(" "));
      default:
        return unknown(void 0, `$(${fn} \u2026)`);
    }
  }
};
var UNKNOWN_FRAG = () => ({ kind: "unknown", span: void 0, why: void 0 });
var synth = (s) => mtext(s);
var words = (s) => s.match(/\S+/g) ?? [];
var splitOnce = (s, sep) => {
  const i = s.indexOf(sep);
  return i < 0 ? [s, ""] : [s.slice(0, i), s.slice(i + 1)];
};
function patsubstWord(pat, rep, w) {
  const p = pat.indexOf("%");
  if (p < 0)
    return w === pat ? rep : w;
  const pre = pat.slice(0, p);
  const post = pat.slice(p + 1);
  if (w.length < pre.length + post.length || !w.startsWith(pre) || !w.endsWith(post))
    return w;
  const stem = w.slice(pre.length, w.length - post.length);
  return rep.includes("%") ? rep.replace("%", stem) : rep;
}
function splitArgs(t, fn) {
  const maxArgs = { subst: 3, patsubst: 3, addprefix: 2, addsuffix: 2, if: 3, word: 2, wordlist: 3, foreach: 3, findstring: 2, filter: 2, "filter-out": 2, join: 2 };
  const max = maxArgs[fn] ?? (fn === "or" || fn === "and" || fn === "call" ? Infinity : 1);
  const out = [];
  const s = t.s;
  let depth = 0;
  let from = 0;
  for (let k = 0; k < s.length; k++) {
    const ch = s[k];
    if (ch === "(" || ch === "{")
      depth++;
    else if (ch === ")" || ch === "}")
      depth--;
    else if (ch === "," && depth === 0 && out.length + 1 < max) {
      out.push(slice(t, from, k));
      from = k + 1;
    }
  }
  out.push(slice(t, from));
  return out;
}
function defaultVars() {
  const v = /* @__PURE__ */ new Map();
  const def = (name, value, origin = "default") => v.set(name, { flavor: "simple", raw: EMPTY, value: synth(value), origin });
  def("SHELL", "/bin/sh");
  def("CURDIR", CURDIR);
  def("MAKE", "make");
  def(".SHELLFLAGS", "-c");
  v.set("PATH", { flavor: "simple", raw: EMPTY, value: unknownText({ kind: "unknown", why: "environment PATH" }), origin: "environment" });
  return v;
}
var sameVar = (a, b) => a === b || !!a && !!b && a.flavor === b.flavor && a.exported === b.exported && a.raw.s === b.raw.s && valueText(a.value) === valueText(b.value);

// dist/src/frontends/makefile/parse.js
var WINDOWS_TEST2 = /^\(\s*\$[({]OS[)}]\s*,\s*Windows_NT\s*\)|^(["'])\$[({]OS[)}]\1\s+(["'])Windows_NT\2/;
var cloneVars = (v) => new Map(v);
function refersTo(value, name) {
  const t = value.s;
  return t.includes(`$(${name})`) || t.includes(`\${${name}}`);
}
function parseMakefile(src) {
  const lines = new LineReader(src);
  const out = { rules: [], vars: defaultVars(), targetVars: /* @__PURE__ */ new Map(), oneShell: false, exportAll: false, commentLines: /* @__PURE__ */ new Set(), problems: [] };
  const problems = out.problems;
  let vars = out.vars;
  let recipePrefix = "	";
  let rule;
  const conds = [];
  let included = false;
  const ex = () => new Expander(vars, void 0, problems);
  const lineSpan = (ll) => {
    const n = ll.text.s.length;
    return { start: n ? offAt(ll.text, 0) : ll.starts[0], end: (n ? offAt(ll.text, n - 1) : ll.starts[0]) + 1 };
  };
  const assign2 = (name, op, value, span, exported, override = false) => {
    void override;
    const prev = vars.get(name);
    let nv;
    if (op === "?=" && prev && prev.origin !== "default")
      return;
    if (op === "?=" && included && refersTo(value, name)) {
      vars.set(name, { flavor: "simple", raw: value, value: unknown(span, `$(${name}) (from an included file)`), origin: "file", span, exported: exported ?? prev?.exported });
      return;
    }
    if (op === "+=" && prev) {
      nv = prev.flavor === "simple" ? { ...prev, value: appended(prev.value, ex().expand(value)), span } : { ...prev, raw: appended(prev.raw, value), span };
    } else if (op === ":=" || op === "::=") {
      nv = { flavor: "simple", raw: value, value: ex().expand(value), origin: "file", span, exported: prev?.exported };
    } else if (op === "!=") {
      nv = { flavor: "simple", raw: value, value: unknown(span, "!= (shell assignment)"), origin: "file", span, exported: prev?.exported };
    } else {
      nv = { flavor: "recursive", raw: value, value: EMPTY, origin: "file", span, exported: prev?.exported };
    }
    if (prev?.origin === "environment")
      nv.origin = "environment";
    if (exported !== void 0)
      nv.exported = exported;
    vars.set(name, nv);
    if (name === ".RECIPEPREFIX") {
      const t = ex().expandText(value);
      recipePrefix = t === "" ? "	" : t[0];
    }
  };
  const evalCondition = (kw, rest) => {
    if (kw === "ifdef" || kw === "ifndef") {
      const name = ex().expandText(rest).trim();
      if (name.includes(UNKNOWN2))
        return void 0;
      const v = vars.get(name);
      let defined;
      if (!v)
        defined = false;
      else if (v.origin === "environment")
        defined = true;
      else
        defined = v.flavor === "recursive" ? v.raw.s !== "" : v.value.s.length > 0;
      return kw === "ifdef" ? defined : !defined;
    }
    const args = conditionArgs(rest);
    if (!args) {
      problems.push({ message: `invalid syntax in conditional`, offset: rest.s.length ? offAt(rest, 0) : 0 });
      return void 0;
    }
    const [a, b] = args.map((cs) => new Expander(vars, void 0, problems, true).expandText(cs));
    if (a.includes(UNKNOWN2) || b.includes(UNKNOWN2) || a.includes(DEFAULT_PATH) || b.includes(DEFAULT_PATH))
      return void 0;
    return a === b === (kw === "ifeq");
  };
  const endRuleContext = () => {
    rule = void 0;
  };
  for (let ll = lines.next(); ll; ll = lines.next()) {
    if (rule && ll.text.s[0] === recipePrefix) {
      if (conds.some((f) => f.windowsBranch === f.results.length))
        continue;
      const text3 = recipeText(ll.text, recipePrefix);
      rule.recipe.push({ text: text3, firstLine: ll.firstLine, lastLine: ll.lastLine, span: lineSpan(ll) });
      if (firstNonBlank(text3) === "#")
        out.commentLines.add(ll.firstLine);
      continue;
    }
    const noComment = stripComment(ll.text);
    if (noComment.s.length < ll.text.s.length && /^\s*#/.test(ll.text.s)) {
      for (let l = ll.firstLine; l <= ll.lastLine; l++)
        out.commentLines.add(l);
    }
    const collapsed = collapseContinuations(noComment);
    const first = collapsed.s.search(/\S/);
    if (first < 0)
      continue;
    const line = slice(collapsed, first);
    const kwm = /^(-?[a-z]+)(?=\s|$|\()/.exec(head(line));
    let kw = kwm?.[1] ?? "";
    const afterKw = () => trimChars(slice(line, kw.length));
    if (kw === "ifeq" || kw === "ifneq" || kw === "ifdef" || kw === "ifndef") {
      const windows = (kw === "ifeq" || kw === "ifneq") && WINDOWS_TEST2.test(afterKw().s) ? kw === "ifeq" ? 0 : 1 : void 0;
      conds.push({ snapshot: cloneVars(vars), results: [], decisions: [evalCondition(kw, afterKw())], hasElse: false, line: ll.firstLine, offset: offAt(line, 0), windowsBranch: windows });
      continue;
    }
    if (kw === "else") {
      const f = conds.at(-1);
      if (!f || f.hasElse) {
        problems.push({ message: f ? "only one 'else' per conditional" : "extraneous 'else'", offset: offAt(line, 0) });
        continue;
      }
      f.results.push(vars);
      vars = cloneVars(f.snapshot);
      const rest2 = afterKw();
      const m = /^(ifeq|ifneq|ifdef|ifndef)(?=\s|\()/.exec(rest2.s);
      if (m) {
        f.decisions.push(evalCondition(m[1], trimChars(slice(rest2, m[1].length))));
        if (f.windowsBranch === f.results.length)
          f.windowsBranch = void 0;
      } else {
        f.decisions.push(true);
        f.hasElse = true;
      }
      continue;
    }
    if (kw === "endif") {
      const f = conds.pop();
      if (!f) {
        problems.push({ message: "extraneous 'endif'", offset: offAt(line, 0) });
        continue;
      }
      f.results.push(vars);
      if (!f.hasElse) {
        f.results.push(f.snapshot);
        f.decisions.push(true);
      }
      let chosen;
      for (let i = 0; i < f.decisions.length; i++) {
        if (f.decisions[i] === void 0)
          break;
        if (f.decisions[i]) {
          chosen = i;
          break;
        }
      }
      if (chosen !== void 0)
        vars = f.results[chosen];
      else {
        vars = cloneVars(f.results[0]);
        const names = new Set(f.results.flatMap((r) => [...r.keys()]));
        for (const n of names) {
          const vs = f.results.map((r) => r.get(n));
          if (vs.every((v) => sameVar(v, vs[0])))
            continue;
          const any = vs.find((v) => v);
          vars.set(n, { flavor: "simple", raw: EMPTY, value: unknown(any.span, `$(${n}) (set differently in the branches of a conditional)`), origin: any.origin, exported: vs.some((v) => v?.exported) ? true : any.exported, span: any.span });
        }
      }
      out.vars = vars;
      continue;
    }
    if (kw === "define") {
      endRuleContext();
      const head2 = afterKw();
      const a2 = parseDefineHead(head2);
      const body = new MBuilder();
      let depth = 1;
      let closed = false;
      let first2 = true;
      for (let bl = lines.next(); bl; bl = lines.next()) {
        const bt = bl.text.s;
        const w = /^\s*(\S+)/.exec(bt)?.[1];
        if (w === "define" || /^\s*(override|export)\s+define(\s|$)/.test(bt))
          depth++;
        if (w === "endef" && --depth === 0) {
          closed = true;
          break;
        }
        if (body.length || !first2)
          body.char("\n", bl.starts[0] - 1);
        first2 = false;
        body.text(bl.text);
      }
      if (!closed)
        problems.push({ message: "missing 'endef', unterminated 'define'", offset: offAt(line, 0) });
      if (a2)
        assign2(a2.name, a2.op, body.build(), lineSpan(ll));
      continue;
    }
    if (kw === "endef") {
      problems.push({ message: "extraneous 'endef'", offset: offAt(line, 0) });
      continue;
    }
    if (kw === "include" || kw === "-include" || kw === "sinclude" || kw === "vpath" || kw === "load" || kw === "-load") {
      if (kw !== "vpath")
        included = true;
      endRuleContext();
      continue;
    }
    let rest = line;
    let exported;
    let override = false;
    for (; ; ) {
      const m = /^(export|unexport|override|private)(?=\s|$)/.exec(head(rest));
      if (!m)
        break;
      if (m[1] === "export")
        exported = true;
      else if (m[1] === "unexport")
        exported = false;
      else if (m[1] === "override")
        override = true;
      rest = trimChars(slice(rest, m[1].length));
      kw = "";
    }
    if (exported !== void 0 || override) {
      if (/^define(\s|$)/.test(rest.s)) {
        lines.unread({ ...ll, text: rest });
        continue;
      }
      const a2 = parseAssignment(rest);
      if (a2) {
        endRuleContext();
        assign2(ex().expandText(a2.name).trim(), a2.op, a2.value, lineSpan(ll), exported, override);
        continue;
      }
      if (exported !== void 0) {
        endRuleContext();
        const names = words(ex().expandText(rest));
        if (!names.length)
          out.exportAll = exported;
        for (const n of names) {
          const v = vars.get(n);
          if (v)
            vars.set(n, { ...v, exported });
          else
            vars.set(n, { flavor: "recursive", raw: EMPTY, value: EMPTY, origin: "file", exported });
        }
        continue;
      }
    }
    if (kw === "undefine") {
      endRuleContext();
      for (const n of words(ex().expandText(afterKw())))
        vars.delete(n);
      continue;
    }
    const a = parseAssignment(rest);
    if (a) {
      endRuleContext();
      assign2(ex().expandText(a.name).trim(), a.op, a.value, lineSpan(ll), exported, override);
      continue;
    }
    const colon = topLevelIndex(rest.s, ":");
    if (colon < 0) {
      const expanded = ex().expandText(rest);
      if (expanded.replaceAll(UNKNOWN2, "").trim() === "")
        continue;
      if (rest.s.includes("$") && (expanded.includes(UNKNOWN2) || expanded.includes(":"))) {
        endRuleContext();
        continue;
      }
      if (/\$[({]error[\s,]/.test(rest.s)) {
        endRuleContext();
        continue;
      }
      problems.push({ message: ll.text.s[0] === recipePrefix ? "recipe commences before first target" : "missing separator", offset: offAt(line, 0) });
      endRuleContext();
      continue;
    }
    const targetsText = rest.s.slice(0, colon).trim();
    const targets = words(ex().expandText(slice(rest, 0, colon)));
    let after = colon + 1;
    let doubleColon = false;
    if (rest.s[after] === ":") {
      doubleColon = true;
      after++;
    }
    const tail = slice(rest, after);
    const semi = topLevelIndex(tail.s, ";");
    const prereqPart = semi < 0 ? tail : slice(tail, 0, semi);
    let tsExport;
    let tsPart = trimChars(prereqPart);
    for (; ; ) {
      const m = /^(export|unexport|override|private)(?=\s)/.exec(head(tsPart));
      if (!m)
        break;
      if (m[1] === "export")
        tsExport = true;
      if (m[1] === "unexport")
        tsExport = false;
      tsPart = trimChars(slice(tsPart, m[1].length));
    }
    const ts = semi < 0 ? parseAssignment(tsPart) : void 0;
    if (ts) {
      endRuleContext();
      const name = ex().expandText(ts.name).trim();
      for (const tg of targets) {
        const list = out.targetVars.get(tg) ?? [];
        list.push({ name, op: ts.op, value: ts.value, exported: tsExport, span: lineSpan(ll) });
        out.targetVars.set(tg, list);
      }
      continue;
    }
    const prereqs = words(ex().expandText(withoutBars(prereqPart)));
    if (targets.includes(".ONESHELL"))
      out.oneShell = true;
    if (targets.includes(".EXPORT_ALL_VARIABLES"))
      out.exportAll = true;
    rule = { targetsText, targets, prereqs, doubleColon, recipe: [], line: ll.firstLine };
    out.rules.push(rule);
    if (semi >= 0) {
      const semiOff = offAt(tail, semi);
      const at = indexOfOffset(ll.text, semiOff);
      let from = at + 1;
      while (from < ll.text.s.length && isWs(ll.text.s[from]))
        from++;
      const text3 = slice(ll.text, from);
      const n = text3.s.length;
      if (n)
        rule.recipe.push({ text: text3, firstLine: ll.firstLine, lastLine: ll.lastLine, span: { start: offAt(text3, 0), end: offAt(text3, n - 1) + 1 } });
    }
  }
  for (const f of conds)
    problems.push({ message: "missing 'endif'", offset: f.offset });
  out.vars = vars;
  return out;
}
var head = (t) => t.s.slice(0, 16);
function recipeText(t, prefix) {
  const s = t.s;
  if (!s.includes("\n" + prefix))
    return slice(t, 1);
  const b = new MBuilder();
  let from = 1;
  for (let k = 1; k < s.length; k++) {
    if (s[k] === "\n" && s[k + 1] === prefix) {
      b.text(t, from, k + 1);
      from = k + 2;
      k++;
    }
  }
  b.text(t, from);
  return b.build();
}
function appended(value, more) {
  const b = new MBuilder();
  b.text(value);
  if (value.s.length)
    b.synth(" ");
  b.text(more);
  return b.build();
}
function withoutBars(t) {
  if (!t.s.includes("|"))
    return t;
  const b = new MBuilder();
  let from = 0;
  for (let k = t.s.indexOf("|"); k >= 0; k = t.s.indexOf("|", k + 1)) {
    b.text(t, from, k);
    from = k + 1;
  }
  b.text(t, from);
  return b.build();
}
function indexOfOffset(t, off) {
  for (let k = 0; k < t.s.length; k++)
    if (offAt(t, k) === off)
      return k;
  return -1;
}
function parseDefineHead(cs) {
  const t = cs.s.trim();
  const m = /^(\S+?)\s*(=|:=|::=|\?=|\+=|!=)?$/.exec(t);
  if (!m)
    return void 0;
  return { name: m[1], op: m[2] ?? "=" };
}
function conditionArgs(cs) {
  const s = cs.s;
  if (s[0] === "(") {
    const end = matchClose(s, 0);
    if (end < 0)
      return void 0;
    const inner = slice(cs, 1, end);
    const comma = topLevelIndex(inner.s, ",");
    if (comma < 0)
      return void 0;
    return [trimChars(slice(inner, 0, comma)), trimChars(slice(inner, comma + 1))];
  }
  const q = s[0];
  if (q !== '"' && q !== "'")
    return void 0;
  const e1 = s.indexOf(q, 1);
  if (e1 < 0)
    return void 0;
  const rest = trimChars(slice(cs, e1 + 1));
  const q2 = rest.s[0];
  if (q2 !== '"' && q2 !== "'")
    return void 0;
  const e2 = rest.s.indexOf(q2, 1);
  if (e2 < 0)
    return void 0;
  return [slice(cs, 1, e1), slice(rest, 1, e2)];
}

// dist/src/frontends/makefile/no-venv.js
var CREATES_VENV = /-m\s*['"]?(?:venv|virtualenv)(?![\w.-])|(?:^|[^\w.-])virtualenv(?![\w.-])|\buv\s+['"]?venv(?![\w.-])/;
function namesIn(text3) {
  const out = text3.split(/[\s$(){},:=#'"\\;|&<>]+/).filter(Boolean);
  for (let k = text3.indexOf("$"); k >= 0; k = text3.indexOf("$", k + 1))
    if (k + 1 < text3.length && text3[k + 1] !== "(" && text3[k + 1] !== "{")
      out.push(text3[k + 1]);
  return out;
}
function environmentVariables(parsed) {
  const tainted = /* @__PURE__ */ new Set();
  const usedBy = /* @__PURE__ */ new Map();
  const consider = (name, texts) => {
    if (texts.some(mentionsEnvironment))
      tainted.add(name);
    else {
      for (const t of texts) {
        if (!t.includes("$"))
          continue;
        for (const n of namesIn(t)) {
          let users = usedBy.get(n);
          if (!users)
            usedBy.set(n, users = []);
          users.push(name);
        }
      }
    }
  };
  for (const [name, v] of parsed.vars)
    consider(name, [v.raw.s, v.value.s]);
  for (const list of parsed.targetVars.values())
    for (const a of list)
      consider(a.name, [a.value.s]);
  const todo = [...tainted];
  while (todo.length) {
    for (const user of usedBy.get(todo.pop()) ?? []) {
      if (tainted.has(user))
        continue;
      tainted.add(user);
      todo.push(user);
    }
  }
  return tainted;
}
function mayHaveVenv(parsed, expand) {
  if (parsed.vars.has("VIRTUAL_ENV") || [...parsed.targetVars.values()].some((l) => l.some((a) => a.name === "VIRTUAL_ENV")))
    return true;
  const tainted = environmentVariables(parsed);
  const few = tainted.size <= 32 ? [...tainted] : void 0;
  const namesTainted = (t) => t.includes("$") && (few ? few.some((n) => t.includes(n)) : namesIn(t).some((n) => tainted.has(n)));
  for (const rule of parsed.rules) {
    if (!rule.recipe.length)
      continue;
    const named = rule.targets.some(mentionsEnvironment) || rule.prereqs.some(mentionsEnvironment);
    for (const rl of rule.recipe) {
      const t = rl.text.s;
      if (!named && !mentionsEnvironment(t) && !namesTainted(t))
        continue;
      const s = expand(rule, rl);
      if (CREATES_VENV.test(s) || shellLineMayMatterWithoutVenv(s))
        return true;
    }
  }
  return false;
}

// dist/src/frontends/makefile/index.js
var makefileStats = { fileScans: 0, shellScripts: 0, shellChars: 0, prerequisiteJoins: 0 };
var PASS_SCRIPTS = 1024;
var PASS_CHARS = 65536;
function venvRewriter2(file, program, bin, persist) {
  const own = programRewriter(file, program, bin, { makeReferences: true, titled: true });
  return { rewrite: (target) => target.kind === "persist-venv" ? persist(target) : own?.rewrite(target) };
}
function globalText(p, name) {
  const v = p.vars.get(name);
  if (!v)
    return void 0;
  const t = valueText(new Expander(p.vars).variable(name, 0));
  return t.includes(UNKNOWN2) || t.includes(DEFAULT_PATH) ? void 0 : t;
}
var SHELL_DIALECTS = [
  [/^bash$/, "bash"],
  [/^(sh|dash|ash|ksh|mksh|posh|busybox)$/, "sh"]
];
function analyzeMakefile(file, opts = {}) {
  const parsed = parseMakefile(file.text);
  const problems = parsed.problems;
  const run2 = new ConfigRun(file, { language: "makefile", comments: { line: "#", trailing: "#" } });
  const lineOf = (off) => file.location(off).line;
  const namedBy = /* @__PURE__ */ new Map();
  const venvName = (venv) => {
    if (namedBy.has(venv))
      return namedBy.get(venv) || void 0;
    let found = "";
    const byName = [...parsed.vars].sort(([a], [b]) => Number(!/venv|virtual|env/i.test(a)) - Number(!/venv|virtual|env/i.test(b)));
    for (const [name, v] of byName) {
      if (v.origin !== "file" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        continue;
      const t = globalText(parsed, name);
      if (t !== void 0 && t !== "" && !/\s/.test(t) && resolveDir(t, CURDIR) === venv) {
        found = name;
        break;
      }
    }
    namedBy.set(venv, found);
    return found || void 0;
  };
  const shownPath2 = shownUnder(CURDIR);
  const showVenv4 = (venv) => {
    const n = venvName(venv);
    return n ? `$(${n})` : shownPath2(venv);
  };
  const slashRefs = /* @__PURE__ */ new Set();
  makefileStats.fileScans++;
  for (const m of file.text.matchAll(/\/\$[({]([^\s(){}]+)[)}](?=\/)/g))
    slashRefs.add(m[1]);
  const binVar = [...parsed.vars.keys()].find((k) => slashRefs.has(k) && globalText(parsed, k) === "bin");
  const BIN = binVar ? `$(${binVar})` : "bin";
  let values;
  const knownValues = () => values ??= [...parsed.vars.keys()].flatMap((k) => {
    const t = /^[A-Za-z_]\w*$/.test(k) ? globalText(parsed, k) : void 0;
    return t ? [[k, t]] : [];
  });
  const binFor = (venv, cwd) => {
    const n = venvName(venv);
    const absValue = n ? globalText(parsed, n).startsWith("/") : false;
    if (n && (cwd === CURDIR || absValue))
      return `$(${n})/${BIN}`;
    const written = cwd === CURDIR ? writtenBin(venv, CURDIR, file.text, knownValues(), BIN) : void 0;
    if (written)
      return written;
    if (!venv.startsWith(CURDIR + "/") && venv !== CURDIR)
      return `${venv}/${BIN}`;
    if (cwd === void 0)
      return void 0;
    if (!cwd.startsWith(CURDIR))
      return void 0;
    const rel = path18.posix.relative(cwd, venv);
    return rel === "" ? BIN : `${rel}/${BIN}`;
  };
  const exported = (name, v) => v.exported ?? (parsed.exportAll || v.origin === "environment" ? /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) : false);
  const recipeEnvironment = (vars, ex) => {
    const autoRefs = ex.autoRefs;
    const shellName = valueText(ex.variable("SHELL", 0)).trim();
    const shellProg = shellName.split(/\s+/);
    const progBase = path18.posix.basename(shellProg[0] === "/usr/bin/env" || shellProg[0] === "env" ? shellProg[1] ?? "" : shellProg[0] ?? "");
    const dialect = SHELL_DIALECTS.find(([re]) => re.test(progBase))?.[1];
    const pv = vars.get("PATH");
    let startPath = DEFAULT_PATH;
    if (pv && exported("PATH", pv)) {
      startPath = valueText(ex.variable("PATH", 0)).split(":").map((e) => e.includes(DEFAULT_PATH) || e.includes(UNKNOWN2) || e.startsWith("/") ? e : resolveDir(e === "" ? "." : e, CURDIR) ?? e).join(":");
    }
    const shellVars = /* @__PURE__ */ new Map();
    let virtualEnv;
    for (const [name, v] of vars) {
      if (name === "PATH" || !exported(name, v))
        continue;
      const t = valueText(ex.variable(name, 0));
      if (t.includes(UNKNOWN2) || t.includes(DEFAULT_PATH))
        continue;
      shellVars.set(name, t);
      if (name === "VIRTUAL_ENV" && v.span) {
        const d = resolveDir(t.trim(), CURDIR);
        if (d)
          virtualEnv = { venv: d, span: v.span };
      }
    }
    return { shellName, dialect, startPath, shellVars, virtualEnv, usesAuto: ex.autoRefs > autoRefs };
  };
  let shared;
  const sharedEnv = () => shared ??= recipeEnvironment(parsed.vars, new Expander(parsed.vars, /* @__PURE__ */ new Map(), problems));
  const varsOf = (rule, found) => {
    const tsv = parsed.targetVars.get(rule.targets[0] ?? "") ?? [];
    const vars = tsv.length ? cloneVars(parsed.vars) : parsed.vars;
    for (const a of tsv) {
      const prev = vars.get(a.name);
      const ex = new Expander(vars, void 0, found);
      let nv;
      if (a.op === "+=" && prev)
        nv = prev.flavor === "simple" ? { ...prev, value: concat([prev.value, ex.expand(a.value)], " ") } : { ...prev, raw: concat([prev.raw, a.value], " ") };
      else if (a.op === "?=" && prev)
        continue;
      else if (a.op === ":=" || a.op === "::=")
        nv = { flavor: "simple", raw: a.value, value: ex.expand(a.value), origin: "file", exported: prev?.exported };
      else if (a.op === "!=")
        nv = { flavor: "simple", raw: EMPTY, value: unknown(a.span), origin: "file", exported: prev?.exported };
      else
        nv = { flavor: "recursive", raw: a.value, value: EMPTY, origin: "file", exported: prev?.exported };
      if (prev?.origin === "environment")
        nv.origin = "environment";
      if (a.exported !== void 0)
        nv.exported = a.exported;
      nv.span = a.span;
      vars.set(a.name, nv);
    }
    return { vars, targetSpecific: tsv.length > 0 };
  };
  const finish3 = () => {
    for (const p of problems)
      run2.problem(p.message, p.offset);
    for (const rule of parsed.rules)
      for (const rl of rule.recipe)
        run2.suppress(rl.firstLine, rl.lastLine, { isCommentLine: (l) => parsed.commentLines.has(l) });
    return run2.finish();
  };
  if (opts.parseLess && opts.tools) {
    const found = [];
    const expandLine = (rule, rl) => new Expander(varsOf(rule, found).vars, new RuleAuto(rule), found).expand(rl.text).s;
    if (!mayHaveVenv(parsed, expandLine)) {
      problems.push(...found);
      return finish3();
    }
  }
  const jobs = [];
  parsed.rules.forEach((rule, index) => {
    if (!rule.recipe.length)
      return;
    const { vars, targetSpecific } = varsOf(rule, problems);
    const ex = new Expander(vars, new RuleAuto(rule), problems);
    const env2 = !targetSpecific && !sharedEnv().usesAuto ? sharedEnv() : recipeEnvironment(vars, ex);
    const { shellName, dialect, startPath, shellVars, virtualEnv } = env2;
    const commandLines = [];
    for (const rl of rule.recipe) {
      const expanded = ex.expand(rl.text);
      const s = expanded.s;
      const flush = (from2, to) => {
        let k = from2;
        let ignoresErrors = false;
        for (; k < to; k++) {
          const ch = s[k];
          if (!(ch === "@" || ch === "+" || ch === "-" || ch === " " || ch === "	"))
            break;
          if (ch === "-")
            ignoresErrors = true;
        }
        if (/\S/.test(s.slice(k, to)))
          commandLines.push({ text: slice(expanded, k, to), span: rl.span, ignoresErrors, order: commandLines.length });
      };
      let from = 0;
      for (let k = s.indexOf("\n"); k >= 0; k = s.indexOf("\n", k + 1)) {
        if (k > 0 && s[k - 1] === "\\")
          continue;
        flush(from, k);
        from = k + 1;
      }
      flush(from, s.length);
    }
    let shells;
    if (parsed.oneShell && commandLines.length) {
      const text3 = concat(commandLines.map((c) => c.text), "\n");
      const span = { start: rule.recipe[0].span.start, end: rule.recipe.at(-1).span.end };
      shells = [{ text: text3, span, ignoresErrors: commandLines[0].ignoresErrors, order: 0 }];
    } else
      shells = commandLines;
    jobs.push({ rule, index, vars, dialect, shellName, startPath, shellVars, virtualEnv, shells });
  });
  const persistPath = (t, job) => {
    const bin = binFor(t.venv, CURDIR);
    if (bin === void 0 || /[\s#\\]/.test(bin) || /\$(?!\()/.test(bin))
      return void 0;
    const dir = bin.slice(0, -"/bin".length);
    if (namedAsWindowsVenv(file, dir))
      return void 0;
    const line = `export PATH := ${dir.startsWith("/") ? dir : `$(abspath ${dir})`}/bin:$(PATH)`;
    let after2;
    if (t.at !== "virtual-env")
      return void 0;
    if (t.at === "virtual-env") {
      const ve = parsed.vars.get("VIRTUAL_ENV");
      if (!job.virtualEnv || ve?.span?.start !== job.virtualEnv.span.start)
        return void 0;
      after2 = job.virtualEnv.span.end - 1;
    } else {
      const n = venvName(t.venv);
      after2 = n ? parsed.vars.get(n)?.span?.end : void 0;
      if (after2 !== void 0)
        after2--;
    }
    const nl = file.newline;
    let edit;
    if (after2 === void 0)
      edit = { start: 0, end: 0, text: line + nl };
    else {
      let eol = file.text.indexOf("\n", after2);
      if (eol < 0)
        eol = file.text.length;
      else if (file.text[eol - 1] === "\r")
        eol--;
      edit = { start: eol, end: eol, text: nl + line };
    }
    return {
      edits: [edit],
      title: `Put the venv on PATH for every recipe: ${line}`,
      applicability: "unsafe",
      reason: "every recipe line, the one that creates the venv included, then finds the venv's python, pip and scripts first on PATH, including commands that meant the system ones"
    };
  };
  const shellsActivating = /* @__PURE__ */ new Set();
  const jobParts = /* @__PURE__ */ new Map();
  const partsOf = (job) => {
    let parts = jobParts.get(job);
    if (parts)
      return parts;
    const unit = parsed.oneShell ? "this recipe" : "this recipe line";
    const facts = {
      form: "shell",
      shellName: job.shellName,
      showVenv: showVenv4,
      unit,
      scope: `in ${unit}`,
      persistAdvice: (venv) => {
        const bin = binFor(venv, CURDIR) ?? `${shownPath2(venv)}/bin`;
        if (shellsActivating.has(job))
          return `add .ONESHELL: so that a recipe's lines share one shell, or call the venv's programs by path on every line (${bin}/pip \u2026)`;
        const dir = bin.slice(0, -"/bin".length);
        const abs = dir.startsWith("/") ? dir : `$(abspath ${dir})`;
        return `put it on PATH for every recipe with export PATH := ${abs}/bin:$(PATH)`;
      }
    };
    if (job.virtualEnv)
      facts.virtualEnv = job.virtualEnv;
    facts.recipe = `by target ${job.rule.targetsText}`;
    parts = {
      facts,
      originAt: (at) => ({ line: lineOf(at), how: "created", where: facts.recipe, offset: at }),
      rewriter: (program, venv, cwd) => {
        const bin = binFor(venv, cwd);
        return bin === void 0 ? void 0 : venvRewriter2(file, program, bin, (t) => persistPath(t, job));
      }
    };
    jobParts.set(job, parts);
    return parts;
  };
  const shellOf = (job, sh, dialect, venvs) => {
    const parts = partsOf(job);
    let facts = parts.facts;
    if (sh.ignoresErrors)
      facts = parts.ignoring ??= { ...parts.facts, ignoresErrors: true };
    return {
      api: "recipe",
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
      rewriter: parts.rewriter
    };
  };
  const words2 = /* @__PURE__ */ new Map();
  const wordOf = (sh) => {
    let w = words2.get(sh);
    if (!w)
      words2.set(sh, w = toWord(sh.text, sh.span));
    return w;
  };
  const textOf = (sh) => sh.text.s;
  const creates = (sh) => CREATES_VENV.test(textOf(sh));
  const removes = (sh) => /(?:^|[;&|(]\s*)rm\s+(?:-\w+\s+)*-[A-Za-z]*[rR]/.test(textOf(sh));
  const mayMatter = (sh) => !(opts.parseLess && opts.tools && !shellLineMayMatter(textOf(sh), opts.tools) && !removes(sh));
  const counted = (sh) => {
    makefileStats.shellScripts++;
    makefileStats.shellChars += sh.text.s.length;
    return sh;
  };
  const created = /* @__PURE__ */ new Map();
  const createdBy = parseShellBatch(jobs.flatMap((job) => job.dialect === void 0 ? [] : job.shells.filter(creates).map((sh) => wordOf(counted(sh)))), () => jobs.map((job) => {
    const venvs = /* @__PURE__ */ new Map();
    const dialect = job.dialect;
    if (dialect === void 0)
      return venvs;
    for (const sh of job.shells) {
      if (!creates(sh))
        continue;
      runShellSession(wordOf(sh), { ...shellOf(job, sh, dialect, venvs), file, language: "makefile" });
    }
    for (const [v, origin] of venvs)
      if (!created.has(v))
        created.set(v, origin);
    return venvs;
  }));
  const after = ruleGraph(parsed.rules);
  const runsAfter = /* @__PURE__ */ new Map();
  const needsCreator = (v, rule) => {
    let names = runsAfter.get(v);
    if (!names)
      runsAfter.set(v, names = after(jobs.filter((_, k) => createdBy[k].has(v)).flatMap((j) => j.rule.targets)));
    return rule.prereqs.some((p) => names.has(p));
  };
  let part = [];
  let partChars = 0;
  const runPart = () => {
    const todo = part;
    part = [];
    partChars = 0;
    parseShellBatch(todo.map((p) => wordOf(p.sh)), () => {
      for (const { job, sh, dialect, venvs } of todo) {
        const res = run2.shell(shellOf(job, sh, dialect, venvs), wordOf(sh));
        if (res.activations.length)
          shellsActivating.add(job);
        words2.delete(sh);
      }
    });
  };
  const noVenv = opts.parseLess && created.size === 0 && jobs.every((j) => !j.virtualEnv && !j.shells.some((sh) => shellLineMayMatterWithoutVenv(textOf(sh))));
  jobs.forEach((job, i) => {
    const named = job.shells.map(textOf).join("\n");
    const inScope = (v) => needsCreator(v, job.rule) || namesVenv(named, shownPath2(v));
    const venvs = new Map([...created].filter(([v]) => !createdBy[i].has(v) && inScope(v)));
    const dialect = job.dialect;
    if (dialect === void 0)
      return;
    for (const sh of job.shells) {
      if (noVenv || !mayMatter(sh))
        continue;
      if (!creates(sh))
        counted(sh);
      part.push({ job, sh, dialect, venvs });
      partChars += sh.text.s.length;
      if (part.length >= PASS_SCRIPTS || partChars >= PASS_CHARS)
        runPart();
    }
  });
  if (part.length)
    runPart();
  return finish3();
}
var RuleAuto = class {
  rule;
  all;
  plus;
  /** Pattern rules: the target varies, `$@` is not known. */
  pattern;
  constructor(rule) {
    this.rule = rule;
    this.pattern = rule.targets.some((t) => t.includes("%"));
  }
  get(name) {
    switch (name) {
      case "@":
        return this.pattern ? void 0 : this.rule.targets[0] ?? "";
      case "<":
        return this.rule.prereqs[0] ?? "";
      case "^":
        if (this.all === void 0) {
          makefileStats.prerequisiteJoins++;
          this.all = [...new Set(this.rule.prereqs)].join(" ");
        }
        return this.all;
      case "+":
        if (this.plus === void 0) {
          makefileStats.prerequisiteJoins++;
          this.plus = this.rule.prereqs.join(" ");
        }
        return this.plus;
      default:
        return void 0;
    }
  }
};
function ruleGraph(rules) {
  let reversed;
  let names;
  const patternRe = (t) => new RegExp(`^${t.split("%").map(escapeRegExp).join(".+")}$`);
  const build = () => {
    const byTarget = /* @__PURE__ */ new Map();
    const patterns = [];
    names = /* @__PURE__ */ new Set();
    for (const r of rules) {
      for (const p of r.prereqs)
        names.add(p);
      for (const t of r.targets) {
        if (t.includes("%"))
          patterns.push({ re: patternRe(t), rule: r });
        else {
          names.add(t);
          const list = byTarget.get(t);
          if (list)
            list.push(r);
          else
            byTarget.set(t, [r]);
        }
      }
    }
    reversed = /* @__PURE__ */ new Map();
    for (const n of names) {
      const rs = byTarget.get(n) ?? patterns.filter((p) => p.re.test(n)).map((p) => p.rule);
      for (const r of rs) {
        for (const p of r.prereqs) {
          const list = reversed.get(p);
          if (list)
            list.push(n);
          else
            reversed.set(p, [n]);
        }
      }
    }
  };
  return (targets) => {
    if (!reversed)
      build();
    const seen = /* @__PURE__ */ new Set();
    const todo = [];
    for (const t of targets) {
      if (!t.includes("%"))
        todo.push(t);
      else {
        const re = patternRe(t);
        for (const n of names)
          if (re.test(n))
            todo.push(n);
      }
    }
    while (todo.length) {
      const n = todo.pop();
      if (seen.has(n))
        continue;
      seen.add(n);
      for (const m of reversed.get(n) ?? [])
        todo.push(m);
    }
    return seen;
  };
}
function namesVenv(recipe, shown) {
  if (shown === "." || shown === "")
    return false;
  const at = escapeRegExp(shown.replace(/^\.\//, ""));
  return new RegExp(`(^|[\\s/'"=:;(])(\\./)?${at}(/|[\\s'";)]|$)`).test(recipe);
}
var makefileFrontEnd = {
  language: "makefile",
  maxBytes: CONFIG_MAX_BYTES,
  claims(p) {
    const base = path18.posix.basename(p.replace(/\\/g, "/"));
    return base === "Makefile" || base === "makefile" || base === "GNUmakefile" || base.endsWith(".mk") && base.length > 3;
  },
  mayMatter: configMayMatter,
  decode(p, bytes) {
    return decodeText(p, bytes, { kind: "a makefile" });
  },
  analyze(file, use, opts) {
    return use(analyzeMakefile(file, opts));
  }
};

// dist/src/frontends/python/block-scan.js
var CONTINUATION = /^(?:else|elif|except|finally)(?![\w\u0080-\uffff])/;
var HEADER = /^(?:(?:async[ \t]+)?def|class)[ \t]+([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/;
function scanUnits(s) {
  const n = s.length;
  const buf = utf16(s);
  const hasCR = s.includes("\r");
  const starts = [0];
  const lines = [];
  const columns = [];
  let tabs = false;
  const lineAt = (k) => {
    let j = k;
    let column = 0;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === 32)
        column++;
      else if (c === 9) {
        column = (Math.floor(column / 8) + 1) * 8;
        tabs = true;
      } else if (c === 12)
        column = 0;
      else
        break;
    }
    const d = s.charCodeAt(j);
    if (j >= n || d === 10 || d === 13 || d === 35)
      return false;
    lines.push(j);
    columns.push(column);
    return column === 0 && !((d === 101 || d === 102) && CONTINUATION.test(s.slice(j, j + 9)));
  };
  lineAt(0);
  const stack = [];
  const re = /[#'"()[\]{}\\\r\n]/g;
  while (re.test(s)) {
    const i = re.lastIndex - 1;
    const c = s.charCodeAt(i);
    if (c === 35) {
      const end = commentEnd(s, i);
      blank(buf, s, i, end, hasCR);
      re.lastIndex = end;
    } else if (c === 34 || c === 39) {
      const lit = literalExtent(s, i);
      if (lit.end >= n || s.charCodeAt(lit.end) !== c)
        return void 0;
      if (!lit.fString)
        blank(buf, s, i + lit.qlen, lit.end, hasCR);
      re.lastIndex = lit.next;
    } else if (c === 40 || c === 91 || c === 123)
      stack.push(c);
    else if (c === 41 || c === 93 || c === 125) {
      if (stack.pop() !== (c === 41 ? 40 : c === 93 ? 91 : 123))
        return void 0;
    } else if (c === 92) {
      const d = s.charCodeAt(i + 1);
      if (d === 13 && s.charCodeAt(i + 2) === 10)
        re.lastIndex = i + 3;
      else if (d === 10 || d === 13)
        re.lastIndex = i + 2;
    } else {
      if (c === 13 && s.charCodeAt(i + 1) === 10)
        continue;
      if (!stack.length && lineAt(i + 1))
        starts.push(i + 1);
    }
  }
  if (stack.length)
    return void 0;
  const code = fromUtf16(buf);
  return { units: unitsAt(code, starts, n), code, lines, columns, tabs };
}
function unitsAt(code, starts, n) {
  const units = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1] : n;
    const head2 = code.slice(start, Math.min(end, start + 200)).replace(/^\f+/, "");
    const h = HEADER.exec(head2);
    const kind = h ? head2.startsWith("class") ? "class" : "def" : head2.startsWith("@") ? "decorator" : "other";
    const prev = units[units.length - 1];
    if (prev?.kind === "decorator") {
      prev.end = end;
      prev.kind = kind;
      prev.name = h?.[1];
      continue;
    }
    units.push({ start, end, kind, name: h?.[1] });
  }
  for (const u of units)
    if (u.kind === "decorator")
      u.kind = "other";
  return units;
}
function splitClass(scan, cls) {
  if (scan.tabs)
    return;
  const { lines, columns, code } = scan;
  let k = lastAtOrBefore(lines, cls.start - 1) + 1;
  while (k < lines.length && lines[k] < cls.end && columns[k] === 0)
    k++;
  if (k >= lines.length || lines[k] >= cls.end)
    return;
  const bodyColumn = columns[k];
  const members = [];
  for (; k < lines.length && lines[k] < cls.end; k++) {
    if (columns[k] < bodyColumn)
      return;
    if (columns[k] > bodyColumn)
      continue;
    const at = lines[k];
    const head2 = code.slice(at, at + 200);
    if (CONTINUATION.test(head2))
      continue;
    let start = at;
    while (start > cls.start && code.charCodeAt(start - 1) !== 10 && code.charCodeAt(start - 1) !== 13)
      start--;
    const h = HEADER.exec(head2);
    const kind = h ? head2.startsWith("class") ? "class" : "def" : head2.startsWith("@") ? "decorator" : "other";
    const prev = members[members.length - 1];
    if (prev?.kind === "decorator") {
      prev.kind = kind;
      prev.name = h?.[1];
      continue;
    }
    members.push({ start, end: cls.end, kind, name: h?.[1], owner: cls });
  }
  if (!members.length || members[0].start <= cls.start)
    return;
  for (let i = 0; i + 1 < members.length; i++)
    members[i].end = members[i + 1].start;
  for (const m of members)
    if (m.kind === "decorator")
      m.kind = "other";
  const header = { start: cls.start, end: members[0].start, kind: "header", name: cls.name, owner: cls };
  cls.split = [header, ...members];
}
function lastAtOrBefore(a, x) {
  let lo = 0;
  let hi = a.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (a[mid] <= x) {
      best = mid;
      lo = mid + 1;
    } else
      hi = mid - 1;
  }
  return best;
}
function utf16(s) {
  const b = Buffer.from(s, "utf16le");
  return b.byteOffset % 2 === 0 ? new Uint16Array(b.buffer, b.byteOffset, s.length) : new Uint16Array(new Uint8Array(b).buffer);
}
var UTF16 = new TextDecoder("utf-16le");
function fromUtf16(units) {
  return UTF16.decode(units);
}
function blank(units, s, from, to, hasCR) {
  if (to <= from)
    return;
  units.fill(32, from, to);
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13 && hasCR)
      units[i] = c;
  }
}

// dist/src/frontends/python/fallbacks.js
var AS_MODULE = /\bsys\.executable\s*,\s*["']-m["']\s*,\s*["']([\w.-]+)["']/g;
function moduleFallbackRanges(root, text3, file) {
  const out = [];
  if (!text3.includes("sys.executable"))
    return out;
  AS_MODULE.lastIndex = 0;
  let seen = 0;
  for (let m = AS_MODULE.exec(text3); m && seen++ < 256; m = AS_MODULE.exec(text3)) {
    let n = descendantAt(root, m.index, m.index + 1);
    while (n && !(n.type === "block" && n.parent?.type === "if_statement" && n.parent.childForFieldName("consequence")?.startIndex === n.startIndex))
      n = n.parent;
    const holder = n?.parent;
    if (!holder)
      continue;
    const alt = holder.namedChildren.find((c) => c?.type === "elif_clause" || c?.type === "else_clause");
    if (!alt)
      continue;
    const range = { from: alt.startIndex, to: holder.endIndex, line: file.location(m.index).line, module: m[1] };
    if (!out.some((o) => o.from === range.from && o.module === range.module))
      out.push(range);
  }
  return out;
}

// dist/src/frontends/python/hosted.js
var HOSTED = /colab|kaggle/i;
var KAGGLE_API = /^[ \t]*(?:[!%]?\s*(?:(?:python3?\s+-m\s+)?pip3?\s+install\b[^\n]*|kaggle\s[^\n]*)|(?:import|from)\s+kaggle[^\n]*)$/gim;
function namesHostedRuntime(text3) {
  if (!HOSTED.test(text3))
    return false;
  return HOSTED.test(text3.replace(KAGGLE_API, (line) => line.replace(/kaggle[\w-]*/gi, "")));
}
function colabAtom(s) {
  const t = s.trim().replace(/^\((.*)\)$/, "$1").trim();
  if (/\bnot\b|\bis\b|[=!<>]=?/.test(t.replace(/^["']google\.colab["']\s+in\b/, "")))
    return false;
  if (/(?:^|[._])(?:not|no|non|disabled?|skip|without)(?=_|colab|kaggle|$)|(?:colab|kaggle)_?(?:disabled?|off|skip)/i.test(t))
    return false;
  return /^(?:\w+\.)*\w*colab\w*(?:\(\s*\))?$/i.test(t) || /^["']google\.colab["']\s+in\s+[\w.()[\]"' ]+$/.test(t) || /^["'](?:COLAB|KAGGLE)_\w+["']\s+in\s+os\.environ$/.test(t) || /^os\.(?:environ\.get|getenv)\(\s*["']KAGGLE_\w+["']\s*(?:,\s*(?:""|''|None)\s*)?\)$/.test(t) || /^(?:\w+\.)*(?:is|in|on|running_(?:on|in))_?kaggle(?:\(\s*\))?$/i.test(t);
}
function colabCondition(condition) {
  const t = condition.replace(/\s+/g, " ").trim();
  if (/\bor\b/.test(t))
    return t.split(/\bor\b/).every(colabAtom) ? "colab" : void 0;
  const not = /^not\s+(.*)$/.exec(t);
  if (not)
    return colabAtom(not[1]) ? "not-colab" : void 0;
  return t.split(/\band\b/).some(colabAtom) ? "colab" : void 0;
}
function colabBlocks(text3) {
  const out = [];
  if (!HOSTED.test(text3))
    return out;
  const lines = [];
  for (let start = 0; start <= text3.length; ) {
    let end = text3.indexOf("\n", start);
    if (end < 0)
      end = text3.length;
    const line = text3.slice(start, end);
    const code = line.trim();
    lines.push({ start, end, indent: line.length - line.trimStart().length, code: code.startsWith("#") ? "" : code });
    start = end + 1;
  }
  const body = (i) => {
    let last = -1;
    let k = i + 1;
    for (; k < lines.length; k++) {
      if (!lines[k].code)
        continue;
      if (lines[k].indent <= lines[i].indent)
        break;
      last = k;
    }
    return last < 0 ? void 0 : { from: lines[i + 1].start, to: lines[last].end, next: k };
  };
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:if|elif)\s+(.+?):\s*(?:#.*)?$/.exec(lines[i].code);
    const test = m && colabCondition(m[1]);
    if (!test)
      continue;
    const b = body(i);
    if (!b)
      continue;
    if (test === "colab")
      out.push({ from: b.from, to: b.to });
    else if (b.next < lines.length && lines[b.next].indent === lines[i].indent && /^else\s*:/.test(lines[b.next].code)) {
      const e = body(b.next);
      if (e)
        out.push({ from: e.from, to: e.to });
    }
  }
  return out;
}

// dist/src/frontends/python/file-facts.js
var PATH_KEY = /["']PATH["']/;
var SETS_PATH = /\benviron\s*\[\s*["']PATH["']\s*\]\s*(?:\+|)=|\benviron\.update\s*\([^]*?(?:["']PATH["']|\bPATH\s*=)|\benviron\.setdefault\s*\(\s*["']PATH["']|\bputenv\s*\(\s*["']PATH["']|\.setenv\s*\(\s*["']PATH["']/;
var RUNS_ACTIVATE_THIS = /\b(?:exec|execfile|run_path)\s*\([^]*\bactivate_this/;
var PATH_DICT = /^([A-Za-z_]\w*)\s*(?:\[\s*["']PATH["']\s*\]\s*\+?=|=\s*(?:\{[^]*["']PATH["']\s*:|dict\s*\([^]*\bPATH\s*=)|\.update\s*\([^]*(?:["']PATH["']|\bPATH\s*=))/;
function leaves(stmt) {
  if (!stmt)
    return false;
  if (stmt.type === "raise_statement" || stmt.type === "return_statement")
    return true;
  return stmt.type === "expression_statement" && /^(?:sys\.exit|exit|quit|os\._exit)\s*\(/.test(stmt.text);
}
function guardedRanges(node, when) {
  const out = [];
  const body = node.childForFieldName("consequence");
  if (when === "holds") {
    if (body)
      out.push({ from: body.startIndex, to: body.endIndex });
    return out;
  }
  const alternatives = node.childrenForFieldName("alternative").filter((c) => !!c);
  if (alternatives.length === 1 && alternatives[0].type === "else_clause") {
    const other = alternatives[0].childForFieldName("body");
    if (other)
      out.push({ from: other.startIndex, to: other.endIndex });
  }
  const stmts = body?.namedChildren.filter((c) => !!c && c.type !== "comment") ?? [];
  if (alternatives.length === 0 && leaves(stmts[stmts.length - 1]) && node.parent?.type === "block")
    out.push({ from: node.endIndex, to: node.parent.endIndex });
  return out;
}
function colabRanges(node, out) {
  const test = colabCondition(node.childForFieldName("condition")?.text ?? "");
  if (test)
    out.push(...guardedRanges(node, test === "colab" ? "holds" : "fails"));
}
var STATEMENT_HOLDERS = /* @__PURE__ */ new Set(["module", "block", "function_definition", "class_definition", "decorated_definition", "if_statement", "elif_clause", "else_clause", "for_statement", "while_statement", "try_statement", "except_clause", "finally_clause", "with_statement", "match_statement", "case_clause"]);
function pythonFileFacts(root, sites, text3, file) {
  return new TreeFacts(root, sites, text3, file);
}
var OPENING_CHARS = 8192;
var DECLARES_VENV = /\b(?:assum(?:es?|ing)|expects?|requires?|must|should|needs?\s+to|(?:meant|intended|designed|supposed)\s+to)\b(?:\s+[\w'\u2019]+){0,4}?\s+(?:run|running|be\s+run|executed|invoked|launched|started)\s+(?:in(?:side)?|within|from|under)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:virtualenv|virtual\s+env(?:ironment)?|venv)\b|\brun\s+(?:this|it|me)(?:\s+script)?\s+(?:in(?:side)?|within|from)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:virtualenv|virtual\s+env(?:ironment)?|venv)\b/i;
function declaredVenv(file) {
  const source = openingOf(file);
  const found = DECLARES_VENV.exec(source);
  if (!found || negated(source, found))
    return void 0;
  return { line: file.location(found.index).line };
}
var DECLARES_ON_PATH = /\b(?:assum(?:es?|ing)|requires?|expects?|needs?)\b([^.!?;]{1,100}?)\b(?:in|on)\s+(?:the\s+|your\s+|\$)?(?:PATH|path)\b(?!\s+(?:to|of)\b)/i;
function declaredOnPath(file) {
  const source = openingOf(file);
  const found = DECLARES_ON_PATH.exec(source);
  if (!found || negated(source, found))
    return void 0;
  return { line: file.location(found.index).line, words: found[1].split(/[^\w.+-]+/).filter(Boolean) };
}
var negated = (source, found) => /\b(?:not|never|no)\b|n['\u2019]t\b/i.test(source.slice(Math.max(0, found.index - 16), found.index + found[0].length));
function openingOf(file) {
  return openingOfText(file.text);
}
function openingOfText(text3) {
  const source = text3.slice(0, OPENING_CHARS);
  let end = 0;
  const line = /[^\n]*\n?/y;
  for (; ; ) {
    line.lastIndex = end;
    const m = line.exec(source);
    if (!m || !m[0])
      break;
    const t = m[0].trim();
    if (t === "" || t.startsWith("#")) {
      end += m[0].length;
      continue;
    }
    const q = /^[rRuU]?("""|''')/.exec(t);
    if (q) {
      const open = source.indexOf(q[1], end);
      const close = source.indexOf(q[1], open + 3);
      end = close < 0 ? source.length : close + 3;
    }
    break;
  }
  return source.slice(0, end);
}
var TreeFacts = class {
  sites;
  #walked;
  #root;
  #text;
  #file;
  taskRunner;
  hostApp;
  python2Only;
  condaWorkflow;
  startedBy;
  #declared;
  constructor(root, sites, text3, file) {
    this.sites = sites;
    this.#root = root;
    this.#text = text3;
    this.#file = file;
  }
  get declaredVenv() {
    this.#declared ??= { value: declaredVenv(this.#file) };
    return this.#declared.value;
  }
  #onPath;
  get declaredOnPath() {
    this.#onPath ??= { value: declaredOnPath(this.#file) };
    return this.#onPath.value;
  }
  #walk() {
    if (!this.#walked) {
      this.#plain ??= isPlain(this.#text);
      this.#walked = walkFacts(this.#root, this.#text, this.#file);
      this.#root = void 0;
      this.#text = "";
    }
    return this.#walked;
  }
  /** Neither PATH nor Colab nor a look-up in the text (most files): those facts are empty without a walk. */
  #plain;
  #isPlain() {
    return this.#plain ??= isPlain(this.#text);
  }
  get functions() {
    return this.#walk().functions;
  }
  get pathSets() {
    return this.#isPlain() ? [] : this.#walk().pathSets;
  }
  get colabOnly() {
    return this.#isPlain() ? void 0 : this.#walk().colabOnly;
  }
  get lookedUp() {
    return this.#isPlain() ? void 0 : this.#walk().lookedUp;
  }
  get mocked() {
    return this.#isPlain() ? void 0 : this.#walk().mocked;
  }
  get activatedOnly() {
    return this.#isPlain() ? void 0 : this.#walk().activatedOnly;
  }
  get sudoInstalls() {
    return this.#walk().sudoInstalls;
  }
  get moduleFallbacks() {
    return this.#walk().moduleFallbacks;
  }
  get venvAbsent() {
    return this.#walk().venvAbsent;
  }
  get executableTested() {
    return this.#walk().executableTested;
  }
};
function isPlain(text3) {
  return !text3.includes("PATH") && !text3.includes("activate_this") && !HOSTED.test(text3) && !/which|find_executable/.test(text3) && !ACTIVATION_VAR.test(text3) && !text3.includes("patch") && !/sys\.executable\s*,\s*["']-m/.test(text3);
}
function walkFacts(root, text3, file) {
  const lookedUp2 = lookedUpNames(root, text3, file);
  const sudoInstalls = sudoInstallScopes(file.text, file);
  const walked = walkTree(root, text3, file);
  const absent = venvAbsentRanges(root, text3, file);
  if (absent.length)
    walked.venvAbsent = absent;
  const tested = executableTestRanges(root, text3, file);
  if (tested.length)
    walked.executableTested = tested;
  const fallbacks = moduleFallbackRanges(root, text3, file);
  if (fallbacks.length)
    walked.moduleFallbacks = fallbacks;
  if (lookedUp2.size)
    walked.lookedUp = lookedUp2;
  if (sudoInstalls.length)
    walked.sudoInstalls = sudoInstalls;
  return walked;
}
var SUDO_PIP_INSTALL = /\bsudo\s+(?:-[A-Za-z]+\s+|-u\s+\S+\s+)*(?:pip[\d.]*|python[\d.]*\s+-m\s+pip)\s+install\b/g;
function sudoInstallScopes(text3, file) {
  const out = [];
  if (!text3.includes("sudo"))
    return out;
  let scan = null;
  SUDO_PIP_INSTALL.lastIndex = 0;
  let seen = 0;
  for (let m = SUDO_PIP_INSTALL.exec(text3); m && seen++ < 64; m = SUDO_PIP_INSTALL.exec(text3)) {
    scan ??= scanUnits(text3) ?? null;
    if (scan && scan.code[m.index] !== " ")
      continue;
    if (commentBefore(text3, m.index))
      continue;
    const cls = scan?.units.find((u) => u.kind === "class" && u.start <= m.index && m.index < u.end);
    const scope = cls ? { from: cls.start, to: cls.end } : { from: 0, to: text3.length };
    if (!out.some((o) => o.from === scope.from && o.to === scope.to))
      out.push({ ...scope, line: file.location(m.index).line });
  }
  return out;
}
var VENV_TEST = /(?:\.(?:exists|is_dir)|\bos\.path\.(?:exists|isdir))\s*\(/;
function* ifConditions(root, text3, max = 256) {
  const re = /\bif\b/g;
  let seen = 0;
  for (let m = re.exec(text3); m && seen < max; m = re.exec(text3)) {
    const holder = descendantAt(root, m.index, m.index + 2)?.parent;
    if (!holder || holder.type !== "if_statement" && holder.type !== "conditional_expression")
      continue;
    seen++;
    const cond = holder.type === "if_statement" ? holder.childForFieldName("condition") : holder.namedChildren[1];
    if (cond)
      yield { holder, cond };
  }
}
function venvAbsentRanges(root, text3, file) {
  const out = [];
  if (!/venv/i.test(text3) || !/exists|is_dir|isdir/.test(text3))
    return out;
  for (const { holder, cond } of ifConditions(root, text3)) {
    const negated2 = cond.type === "not_operator";
    const test = negated2 ? cond.namedChildren[0] : cond;
    if (test?.type !== "call" || !/venv/i.test(test.text) || !VENV_TEST.test(test.text))
      continue;
    const line = file.location(cond.startIndex).line;
    if (holder.type === "conditional_expression") {
      const branch = holder.namedChildren[negated2 ? 0 : 2];
      if (branch)
        out.push({ from: branch.startIndex, to: branch.endIndex, line });
      continue;
    }
    if (negated2) {
      const body = holder.childForFieldName("consequence");
      if (body)
        out.push({ from: body.startIndex, to: body.endIndex, line });
      continue;
    }
    const alt = holder.namedChildren.find((c) => c?.type === "elif_clause" || c?.type === "else_clause");
    if (alt)
      out.push({ from: alt.startIndex, to: holder.endIndex, line });
  }
  return out;
}
var FROZEN_TEST = /\b(?:getattr|hasattr)\(\s*sys\s*,\s*["'](?:frozen|_MEIPASS)["']|\bsys\.(?:frozen|_MEIPASS)\b/;
function executableTestRanges(root, text3, file) {
  const out = [];
  if (!text3.includes("sys.executable") && !FROZEN_TEST.test(text3))
    return out;
  const aliases = [...text3.matchAll(/^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*sys\.executable[ \t]*(?:#.*)?$/gm)].map((m) => m[1]);
  const names = new RegExp(`\\bsys\\.executable\\b${aliases.length ? `|(?<![\\w.])(?:${[...new Set(aliases)].join("|")})\\b` : ""}`);
  for (const { holder, cond } of ifConditions(root, text3)) {
    if (!(FROZEN_TEST.test(cond.text) || names.test(cond.text)))
      continue;
    out.push({ from: holder.startIndex, to: holder.endIndex, line: file.location(cond.startIndex).line });
  }
  return out;
}
function commentBefore(text3, at) {
  let quote = "";
  for (let i = text3.lastIndexOf("\n", at - 1) + 1; i < at; i++) {
    const c = text3[i];
    if (quote) {
      if (c === "\\")
        i++;
      else if (c === quote)
        quote = "";
    } else if (c === '"' || c === "'")
      quote = c;
    else if (c === "#")
      return true;
  }
  return false;
}
var LOOKUP_HOLDERS = /* @__PURE__ */ new Set(["function_definition", "class_definition", "lambda", "string", "comment"]);
function lookedUpNames(root, text3, file) {
  const out = /* @__PURE__ */ new Map();
  if (!/which|find_executable/.test(text3))
    return out;
  const re = /(?<![\w.])(?:shutil\.)?(?:which|find_executable)\s*\(\s*[rRuU]?(["'])([\w.+-]+)\1/g;
  for (let m = re.exec(text3); m; m = re.exec(text3)) {
    if (out.has(m[2]))
      continue;
    const n = descendantAt(root, m.index, m.index + 1);
    if (n && (LOOKUP_HOLDERS.has(n.type) || nearestAncestor(n, LOOKUP_HOLDERS)))
      continue;
    out.set(m[2], file.location(m.index).line);
  }
  return out;
}
function walkTree(root, text3, file) {
  const paths = text3.includes("PATH") || text3.includes("activate_this");
  const colab = HOSTED.test(text3);
  const activation = ACTIVATION_VAR.test(text3);
  const mocks = text3.includes("patch") && MOCKS_LAUNCH.test(text3);
  if (!paths && !colab && !activation && !mocks)
    return { functions: functionsIn(root), pathSets: [] };
  const mocked = [];
  const activatedOnly = [];
  const flags = activation ? activationNames(text3) : /* @__PURE__ */ new Set();
  const functions = [];
  const pathSets = [];
  const colabOnly = [];
  const pathDicts = [];
  const stack = [{ node: root, fnEnd: root.endIndex }];
  while (stack.length) {
    const { node, fnEnd, classEnd } = stack.pop();
    let end = fnEnd;
    let inClass;
    if (mocks)
      mockedRanges(node, fnEnd, mocked);
    if (node.type === "class_definition")
      inClass = node.endIndex;
    else if ((node.type === "block" || node.type === "decorated_definition") && classEnd !== void 0)
      inClass = classEnd;
    if (node.type === "function_definition") {
      functions.push({ start: node.startIndex, end: node.endIndex });
      end = classEnd !== void 0 && node.childForFieldName("name")?.text === "__init__" ? classEnd : node.endIndex;
    } else if (!paths) {
      if (node.type === "if_statement")
        colabRanges(node, colabOnly);
      if (activation && node.type === "if_statement")
        activationRanges(node, flags, activatedOnly, file);
    } else if (node.type === "with_statement") {
      const clause = node.children.find((c) => c?.type === "with_clause");
      const body = node.childForFieldName("body");
      const named = (t) => pathDicts.some((d) => d.fnEnd === fnEnd && new RegExp(`\\b${d.name}\\b`).test(t));
      if (clause && body && (PATH_KEY.test(clause.text) || named(clause.text)))
        pathSets.push({ from: body.startIndex, to: body.endIndex, span: { start: clause.startIndex, end: clause.endIndex } });
    } else if (node.type === "expression_statement" && RUNS_ACTIVATE_THIS.test(node.text)) {
      pathSets.push({ from: 0, to: root.endIndex, span: { start: node.startIndex, end: node.endIndex } });
      continue;
    } else if (node.type === "expression_statement" && SETS_PATH.test(node.text)) {
      pathSets.push({ from: node.endIndex, to: fnEnd, span: { start: node.startIndex, end: node.endIndex } });
      continue;
    } else if (node.type === "expression_statement") {
      const m = PATH_DICT.exec(node.text);
      if (m)
        pathDicts.push({ name: m[1], fnEnd });
    } else if (node.type === "if_statement") {
      if (colab)
        colabRanges(node, colabOnly);
      if (activation)
        activationRanges(node, flags, activatedOnly, file);
    }
    if (!STATEMENT_HOLDERS.has(node.type))
      continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c && c.endIndex - c.startIndex > 0)
        stack.push({ node: c, fnEnd: end, classEnd: inClass });
    }
  }
  const out = { functions, pathSets };
  if (colabOnly.length)
    out.colabOnly = colabOnly;
  if (activatedOnly.length)
    out.activatedOnly = activatedOnly;
  if (mocked.length)
    out.mocked = mocked;
  return out;
}
var LAUNCH_TARGET = String.raw`(?:["'](?:[\w.]+\.)?(?:subprocess\.\w+|os\.(?:system|popen|exec\w*|spawn\w*|posix_spawnp?)|asyncio\.create_subprocess_\w+)["']|(?:subprocess|os|asyncio)\s*,\s*["']\w+["'])`;
var MOCKS_LAUNCH = new RegExp(String.raw`\b(?:patch(?:\.object)?|setattr)\s*\(\s*` + LAUNCH_TARGET);
var PATCH_CALL = new RegExp(String.raw`\bpatch(?:\.object)?\s*\(\s*` + LAUNCH_TARGET);
var PATCH_STATEMENT = new RegExp(String.raw`^(?:[A-Za-z_]\w*\s*=\s*)?(?:monkeypatch\.setattr|mocker\.patch(?:\.object)?|(?:mock\.|unittest\.mock\.)?patch(?:\.object)?)\s*\(\s*` + LAUNCH_TARGET);
function mockedRanges(node, fnEnd, out) {
  if (node.type === "with_statement") {
    const clause = node.children.find((c) => c?.type === "with_clause");
    const body = node.childForFieldName("body");
    if (clause && body && PATCH_CALL.test(clause.text))
      out.push({ from: body.startIndex, to: body.endIndex });
  } else if (node.type === "function_definition" && node.parent?.type === "decorated_definition") {
    const body = node.childForFieldName("body");
    const decorators = node.parent.children.filter((c) => c?.type === "decorator");
    if (body && decorators.some((d) => PATCH_CALL.test(d.text)))
      out.push({ from: body.startIndex, to: body.endIndex });
  } else if (node.type === "expression_statement" && PATCH_STATEMENT.test(node.text))
    out.push({ from: node.endIndex, to: fnEnd });
}
var ACTIVATION_VAR = /\b(?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)\b/;
var ACTIVATION_TEST = /^(?:["'](?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)["']\s+in\s+os\.environ|os\.(?:environ\.get|getenv)\s*\(\s*["'](?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)["']\s*\)|os\.environ\s*\[\s*["'](?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)["']\s*\])$/;
function activationNames(text3) {
  const out = /* @__PURE__ */ new Set();
  const re = /^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*([^\n]*)$/gm;
  for (let m = re.exec(text3); m; m = re.exec(text3)) {
    if (!ACTIVATION_VAR.test(m[2]))
      continue;
    const value = m[2].trim().replace(/^bool\s*\((.*)\)$/, "$1").trim();
    if (ACTIVATION_TEST.test(value))
      out.add(m[1]);
  }
  return out;
}
function activationAtom(part, names) {
  let t = part.trim().replace(/^\((.*)\)$/, "$1").trim();
  let negated2 = false;
  const not = /^not\s+(.*)$/.exec(t);
  if (not) {
    negated2 = true;
    t = not[1].trim().replace(/^\((.*)\)$/, "$1").trim();
  }
  const notIn = /^(["'](?:VIRTUAL_ENV|CONDA_PREFIX|CONDA_DEFAULT_ENV)["'])\s+not\s+in\s+(os\.environ)$/.exec(t);
  if (notIn)
    return negated2 ? "on" : "off";
  const none = /^(.*?)\s+is\s+(not\s+)?None$/.exec(t);
  if (none) {
    if (!none[2])
      negated2 = !negated2;
    t = none[1].trim();
  }
  if (!ACTIVATION_TEST.test(t) && !names.has(t))
    return void 0;
  return negated2 ? "off" : "on";
}
function activationRanges(node, names, out, file) {
  const condition = (node.childForFieldName("condition")?.text ?? "").replace(/\s+/g, " ").trim();
  if (/\bor\b/.test(condition))
    return;
  const parts = condition.split(/\band\b/).map((p) => activationAtom(p, names));
  const test = parts.includes("on") ? "on" : parts.includes("off") ? "off" : void 0;
  if (!test)
    return;
  if (test === "off" && parts.filter((p) => p === "off").length !== 1)
    return;
  const line = file.location(node.startIndex).line;
  for (const r of guardedRanges(node, test === "on" ? "holds" : "fails"))
    out.push({ ...r, line });
}
function functionsIn(root) {
  const out = [];
  for (const f of root.descendantsOfType("function_definition")) {
    if (!f)
      continue;
    let p = f.parent;
    while (p && p.id !== root.id && STATEMENT_HOLDERS.has(p.type))
      p = p.parent;
    if (p && p.id === root.id)
      out.push({ start: f.startIndex, end: f.endIndex });
  }
  return out;
}

// dist/src/frontends/python/blocks.js
var KEYWORDS = new Set("False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type".split(" "));
var IDENT = /[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*/g;
var PY2_STATEMENT = /\b(?:print|exec)\b(?![ \t]*\()/;
var DEF_NAME = /\bdef[ \t]+([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/g;
var ASSIGNMENT_TARGETS = /^\s*[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*(?:[ \t]*,[ \t]*[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)*[ \t]*(?::[^=\n]*)?=(?!=)/;
var ATTRIBUTE = /\.\s*([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/g;
var CALLED_ATTRIBUTE = /\.\s*([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)\s*\(/g;
var FIRST_PARAMETER = /\bdef[ \t]+[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*[ \t]*(?:\[[^\]]*\][ \t]*)?\(\s*([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)/;
var ASSIGNED_ATTRIBUTE = /\.[ \t]*([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)[ \t]*(?::[^=\n\r]*)?(?:[-+*/%&|^@]|\/\/|>>|<<|\*\*)?=(?!=)/g;
function keptRanges(text3) {
  const plan = planBlocks(text3);
  if (!plan)
    return void 0;
  const spans = [];
  let left = false;
  const add = (u) => {
    if (u.reason === "blanked") {
      left = true;
      return;
    }
    const last = spans[spans.length - 1];
    if (last && last[1] === u.start)
      last[1] = u.end;
    else
      spans.push([u.start, u.end]);
  };
  for (const u of plan) {
    if (u.members && u.reason !== "blanked")
      u.members.forEach(add);
    else
      add(u);
  }
  if (!left || !spans.length)
    return void 0;
  let row = 0;
  let rowStart = 0;
  let next = text3.indexOf("\n");
  const point = (offset) => {
    for (; next >= 0 && next < offset; next = text3.indexOf("\n", next + 1)) {
      row++;
      rowStart = next + 1;
    }
    return { row, column: offset - rowStart };
  };
  return spans.map(([a, b]) => ({ startIndex: a, startPosition: point(a), endIndex: b, endPosition: point(b) }));
}
function planBlocks(text3) {
  const scan = scanUnits(text3);
  if (!scan)
    return void 0;
  const { units, code } = scan;
  for (const u of units)
    if (u.kind === "class")
      splitClass(scan, u);
  const leaves3 = units.flatMap((u) => u.split ?? [u]);
  const reasons = /* @__PURE__ */ new Map();
  const via2 = /* @__PURE__ */ new Map();
  const body = (u) => code.slice(u.start, u.end);
  const api = (t) => nextApiWord(t) >= 0;
  const isStatement = (u) => u.kind === "other";
  const aliases = /* @__PURE__ */ new Set();
  const importBinds = importedNames2(code, leaves3, aliases);
  const aliasUse = namesPattern(aliases);
  const mayLaunch = (t) => api(t) || !!aliasUse?.test(t);
  const seeds = [];
  const wrappers = /* @__PURE__ */ new Set();
  for (const u of leaves3) {
    if (!mayLaunch(body(u)))
      continue;
    seeds.push(u);
    reasons.set(u, isStatement(u) ? "statement" : "launch");
    for (const [name, from, to] of functionsIn2(scan, u))
      if (mayLaunch(code.slice(from, to)))
        wrappers.add(name);
  }
  const wrapperUse = callsPattern(wrappers);
  if (wrapperUse) {
    for (const u of leaves3) {
      if (reasons.has(u))
        continue;
      const m = wrapperUse.exec(body(u));
      if (!m)
        continue;
      seeds.push(u);
      reasons.set(u, isStatement(u) ? "statement" : "caller");
      via2.set(u, m[0]);
    }
  }
  for (const u of units) {
    const leaf = u.split?.[0] ?? u;
    const leading = u.kind === "other" && /^\s*(?:(?:import|from)\b|[rRbBuUfFtT]{0,2}["']|$)/.test(body(u));
    if (!reasons.has(leaf))
      reasons.set(leaf, leading ? "statement" : "import-insertion");
    if (!leading)
      break;
  }
  for (const u of leaves3)
    if (!reasons.has(u) && u.kind !== "header" && PY2_STATEMENT.test(body(u)))
      reasons.set(u, "python2");
  for (const u of units)
    if (!reasons.has(u) && u.kind === "other" && importBinds.has(u))
      reasons.set(u, "statement");
  keepDefiners(code, leaves3, seeds, importBinds, reasons, via2);
  return planResult(text3, units, reasons, via2);
}
function keepDefiners(code, leaves3, seeds, importBinds, reasons, via2) {
  const define = (map, name, u) => {
    let l = map.get(name);
    if (!l)
      map.set(name, l = []);
    l.push(u);
  };
  const moduleNames = /* @__PURE__ */ new Map();
  for (const u of leaves3) {
    for (const n of importBinds.get(u) ?? [])
      define(moduleNames, n, u);
    if (!u.owner) {
      if (u.kind === "other")
        for (const w of wordsOf(code, u))
          define(moduleNames, w, u);
      else if (u.name)
        define(moduleNames, u.name, u);
    } else if (u.kind === "header" && u.name)
      define(moduleNames, u.name, u);
  }
  const classScopes = /* @__PURE__ */ new Map();
  const classScope = (cls) => {
    let scope = classScopes.get(cls);
    if (scope)
      return scope;
    scope = { names: /* @__PURE__ */ new Map(), methods: /* @__PURE__ */ new Map() };
    classScopes.set(cls, scope);
    for (const m of cls.split) {
      if (m.kind === "header")
        continue;
      if (m.kind === "other")
        for (const w of wordsOf(code, m))
          define(scope.names, w, m);
      else {
        if (m.name)
          define(scope.methods, m.name, m);
        if (m.kind === "def")
          for (const n of assignedAttributes(code, m))
            define(scope.names, n, m);
      }
    }
    return scope;
  };
  const used = /* @__PURE__ */ new Map();
  const evaluated = /* @__PURE__ */ new Set();
  const work = [...seeds];
  const need = (map, w) => {
    let seen = used.get(map);
    if (!seen)
      used.set(map, seen = /* @__PURE__ */ new Set());
    if (seen.has(w))
      return;
    seen.add(w);
    for (const d of map.get(w) ?? []) {
      if (!reasons.has(d)) {
        reasons.set(d, "defines");
        via2.set(d, w);
      }
      if (d.kind !== "class" && d.kind !== "header" && !evaluated.has(d))
        work.push(d);
    }
  };
  while (work.length) {
    const u = work.pop();
    if (evaluated.has(u))
      continue;
    evaluated.add(u);
    if (u.owner) {
      for (const m of u.owner.split) {
        if (m.kind !== "header" && m.kind !== "other")
          continue;
        if (!reasons.has(m))
          reasons.set(m, "statement");
        if (!evaluated.has(m))
          work.push(m);
      }
    }
    const scope = u.owner ? classScope(u.owner) : void 0;
    for (const w of wordsOf(code, u))
      need(moduleNames, w);
    if (scope) {
      for (const w of u.kind === "other" ? readsOf(code, u) : attributesOf2(code, u))
        need(scope.names, w);
      for (const w of calledAttributes(code, u))
        need(scope.methods, w);
    }
  }
}
function planResult(text3, units, reasons, via2) {
  const planned = (u) => ({
    start: u.start,
    end: u.end,
    kind: u.kind === "decorator" ? "other" : u.kind,
    name: u.name,
    reason: reasons.get(u) ?? "blanked",
    via: via2.get(u)
  });
  return units.map((u) => {
    if (!u.split)
      return planned(u);
    const [header, ...members] = u.split;
    if (!u.split.some((m) => reasons.has(m)))
      return { ...planned(u), reason: "blanked", members: u.split.map(planned) };
    reasons.set(header, reasons.get(header) ?? "statement");
    for (const m of members)
      if (m.kind === "other" && !reasons.has(m))
        reasons.set(m, "statement");
    for (const m of members) {
      if (m.kind === "def" && m.name === "__init__" && !reasons.has(m) && SETS_PATH.test(text3.slice(m.start, m.end))) {
        reasons.set(m, "defines");
        via2.set(m, "PATH");
      }
    }
    if (!members.some((m) => reasons.has(m))) {
      const smallest = members.reduce((a, b) => b.end - b.start < a.end - a.start ? b : a);
      reasons.set(smallest, "class-body");
    }
    const order = ["launch", "caller", "python2", "defines", "import-insertion", "statement"];
    const memberReasons = u.split.map((m) => reasons.get(m));
    const reason = order.find((r) => memberReasons.includes(r)) ?? "statement";
    const viaName = u.split.map((m) => via2.get(m)).find((v) => v);
    return { start: u.start, end: u.end, kind: "class", name: u.name, reason, via: viaName, members: u.split.map(planned) };
  });
}
function readsOf(code, u) {
  const text3 = code.slice(u.start, u.end);
  if (/^\s*(?:from|import)\b/.test(text3))
    return /* @__PURE__ */ new Set();
  const target = ASSIGNMENT_TARGETS.exec(text3);
  if (!target)
    return wordsOf(code, u);
  const out = /* @__PURE__ */ new Set();
  for (const m of text3.slice(target[0].length).matchAll(IDENT))
    if (!KEYWORDS.has(m[0]))
      out.add(m[0]);
  return out;
}
function attributesOf2(code, u) {
  const out = /* @__PURE__ */ new Set();
  for (const m of code.slice(u.start, u.end).matchAll(ATTRIBUTE))
    out.add(m[1]);
  return out;
}
function calledAttributes(code, u) {
  const out = /* @__PURE__ */ new Set();
  for (const m of code.slice(u.start, u.end).matchAll(CALLED_ATTRIBUTE))
    out.add(m[1]);
  return out;
}
function assignedAttributes(code, u) {
  const out = /* @__PURE__ */ new Set();
  const text3 = code.slice(u.start, u.end);
  const first = FIRST_PARAMETER.exec(text3)?.[1];
  if (!first)
    return out;
  const assigned = new RegExp(`(?<![\\w\\u0080-\\uffff.])${first}[ \\t]*${ASSIGNED_ATTRIBUTE.source}`, "g");
  for (const m of text3.matchAll(assigned))
    out.add(m[1]);
  return out;
}
function wordsOf(code, u) {
  if (u.words)
    return u.words;
  const words2 = /* @__PURE__ */ new Set();
  const re = new RegExp(IDENT.source, "g");
  re.lastIndex = u.start;
  let m;
  while ((m = re.exec(code)) && m.index < u.end)
    if (!KEYWORDS.has(m[0]))
      words2.add(m[0]);
  u.words = words2;
  return words2;
}
function callsPattern(names) {
  return names.size ? new RegExp(`(?<![\\w\\u0080-\\uffff])(?<!\\bdef[ \\t]+)(?:${alternation(names)})\\s*\\(`) : void 0;
}
function namesPattern(names) {
  return names.size ? new RegExp(`(?<![\\w\\u0080-\\uffff])(?:${alternation(names)})(?![\\w\\u0080-\\uffff])`) : void 0;
}
function alternation(names) {
  return [...names].map((n) => n.replace(/[^\w\u0080-\uffff]/g, "\\$&")).join("|");
}
function functionsIn2(scan, u) {
  const { code, lines, columns } = scan;
  const out = [];
  for (const found of code.slice(u.start, u.end).matchAll(DEF_NAME)) {
    const at = u.start + found.index;
    let end = u.end;
    const li = lastAtOrBefore(lines, at);
    if (!scan.tabs && li >= 0 && /^(?:async[ \t]+)?$/.test(code.slice(lines[li], at))) {
      for (let k = li + 1; k < lines.length && lines[k] < u.end; k++) {
        if (columns[k] <= columns[li]) {
          end = lines[k];
          break;
        }
      }
    }
    out.push([found[1], at, end]);
  }
  return out;
}
function importedNames2(code, units, aliases) {
  const out = /* @__PURE__ */ new Map();
  const api = (t) => nextApiWord(t) >= 0;
  let k = 0;
  for (const m of code.matchAll(/\bimport\b/g)) {
    const at = m.index;
    while (units[k].end <= at)
      k++;
    const u = units[k];
    let start = at;
    for (; ; ) {
      const c = code.charCodeAt(start - 1);
      if (start <= u.start || c === 59)
        break;
      if ((c === 10 || c === 13) && !continued(code, start - 1))
        break;
      start--;
    }
    let end = at + m[0].length;
    let depth = 0;
    for (; end < u.end; end++) {
      const c = code.charCodeAt(end);
      if (c === 40)
        depth++;
      else if (c === 41)
        depth--;
      else if (c === 59 && depth <= 0)
        break;
      else if ((c === 10 || c === 13) && depth <= 0 && !continued(code, end))
        break;
    }
    let names = out.get(u);
    if (!names)
      out.set(u, names = /* @__PURE__ */ new Set());
    const from = /\bfrom\s+([^\s;:]*)\s*$/.exec(code.slice(start, at).replace(/\\\r?\n|\\\r/g, " "));
    const fromApi = !!from && api(from[1]);
    for (const item of code.slice(at + m[0].length, end).replace(/[()\\\r\n]/g, " ").split(",")) {
      const parsed = /^\s*([\w.\u0080-\uffff]+)(?:\s+as\s+([\w\u0080-\uffff]+))?\s*$/.exec(item);
      if (!parsed) {
        const all = [...item.matchAll(IDENT)].map((w) => w[0]).filter((w) => w !== "as");
        for (const w of all)
          names.add(w);
        if (fromApi || api(item))
          for (const w of all)
            aliases.add(w);
        continue;
      }
      const bound = parsed[2] ?? (from ? parsed[1] : parsed[1].split(".")[0]);
      names.add(bound);
      if (fromApi || api(parsed[1]))
        aliases.add(bound);
    }
  }
  return out;
}
function continued(code, i) {
  let j = i - 1;
  if (code.charCodeAt(i) === 10 && code.charCodeAt(j) === 13)
    j--;
  return code.charCodeAt(j) === 92;
}

// dist/src/frontends/python/launch-sites.js
import path19 from "node:path";

// dist/src/frontends/python/literal-index.js
var LiteralIndex = class {
  entries;
  constructor(literals) {
    const entries = [...literals].map((lit, order) => ({ lit, order, parent: -1 }));
    entries.sort((a, b) => a.lit.contentSpan.start - b.lit.contentSpan.start || b.lit.contentSpan.end - a.lit.contentSpan.end || a.order - b.order);
    const open = [];
    entries.forEach((e, i) => {
      while (open.length && !contains(entries[open[open.length - 1]].lit, e.lit.contentSpan.start, e.lit.contentSpan.end))
        open.pop();
      e.parent = open.length ? open[open.length - 1] : -1;
      open.push(i);
    });
    this.entries = entries;
  }
  around(start, end) {
    const es = this.entries;
    let lo = 0;
    let hi = es.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (es[mid].lit.contentSpan.start <= start) {
        last = mid;
        lo = mid + 1;
      } else
        hi = mid - 1;
    }
    let best;
    for (let i = last; i >= 0; i = es[i].parent) {
      if (contains(es[i].lit, start, end) && (!best || es[i].order < best.order))
        best = es[i];
    }
    return best?.lit;
  }
};
function contains(lit, start, end) {
  return lit.contentSpan.start <= start && end <= lit.contentSpan.end;
}
var indexes = /* @__PURE__ */ new WeakMap();
function literalIndex(mod) {
  let known2 = indexes.get(mod);
  if (!known2 || known2.size !== mod.literals.size) {
    known2 = { size: mod.literals.size, index: new LiteralIndex(mod.literals.values()) };
    indexes.set(mod, known2);
  }
  return known2.index;
}

// dist/src/frontends/python/rewriter.js
var FROZEN = /\bsys\._MEIPASS\b|\bsys\.frozen\b|\b(?:getattr|hasattr)\(\s*sys\s*,\s*["']frozen["']/;
function looksUpOnPath(text3, name) {
  if (!/\b(?:which|find_executable)\(/.test(text3))
    return false;
  const quoted = `['"]${escapeRegExp(name)}['"]`;
  if (new RegExp(`\\b(?:which|find_executable)\\(\\s*${quoted}`).test(text3))
    return true;
  for (const m of text3.matchAll(/^([ \t]*)def\s+(\w+)\s*\(([^)]*)\)[^\n]*:[^\n]*\n((?:\1[ \t]+[^\n]*\n|[ \t]*\n)*)/gm)) {
    const [, , fn, params, body] = m;
    const names = [...params.matchAll(/(?:^|,)\s*\**(\w+)/g)].map((p) => p[1]).filter((p) => p !== "self");
    if (!names.length || !new RegExp(`\\b(?:which|find_executable)\\(\\s*(?:${names.join("|")})\\b`).test(body))
      continue;
    if (new RegExp(`\\b${fn}\\([^()]*${quoted}`).test(text3))
      return true;
  }
  return false;
}
var lookedUp = /* @__PURE__ */ new WeakMap();
function nameWrittenAgain(text3, name, span, programs) {
  const re = new RegExp(`(["'])${escapeRegExp(name)}\\1`, "g");
  for (const m of text3.matchAll(re))
    if ((m.index < span.start || m.index >= span.end) && !programs?.has(m.index + 1))
      return true;
  return false;
}
var MARIMO = /^import marimo\b|^\s*@app\.cell\b/m;
var CLICK_COMPLETION = /\b_[A-Z][A-Z0-9_]*_COMPLETE\b/;
var fileFacts = /* @__PURE__ */ new WeakMap();
function fileSays(mod, what) {
  let m = fileFacts.get(mod);
  if (!m)
    fileFacts.set(mod, m = /* @__PURE__ */ new Map());
  let v = m.get(what);
  if (v === void 0) {
    const text3 = mod.file.text;
    v = what === "frozen" ? FROZEN.test(text3) : what === "marimo" ? MARIMO.test(text3) && /\bmarimo\b/.test(text3.slice(0, 4096)) : CLICK_COMPLETION.test(text3);
    m.set(what, v);
  }
  return v;
}
var SAFE_PARENTS = /* @__PURE__ */ new Set(["argument_list", "list", "tuple", "keyword_argument", "assignment", "expression_list", "parenthesized_expression", "return_statement", "pair"]);
var PythonRewriter = class {
  mod;
  site;
  call;
  opts;
  constructor(mod, site, call, opts = {}) {
    this.mod = mod;
    this.site = site;
    this.call = call;
    this.opts = opts;
  }
  rewrite(target) {
    if (target.kind === "persist-venv")
      return void 0;
    if (fileSays(this.mod, "frozen"))
      return void 0;
    if (fileSays(this.mod, "marimo"))
      return void 0;
    if (target.kind === "interpreter" && target.module && target.module !== "pip" && fileSays(this.mod, "click-completion"))
      return void 0;
    const program = this.site.argv[0];
    if (!program || program.fragments.length !== 1)
      return void 0;
    const frag = program.fragments[0];
    if (frag.kind !== "text" || !frag.offsets || frag.offsets.length === 0)
      return void 0;
    const offs = frag.offsets;
    const word = this.site.viaShell ? shellWordSpan(this.mod.file.text, program) : void 0;
    if (this.site.viaShell && !word)
      return void 0;
    if (!word) {
      for (let i = 1; i < offs.length; i++)
        if (offs[i] !== offs[0] + i)
          return void 0;
    }
    const start = word ? word.start : offs[0];
    const end = word ? word.end : start + offs.length;
    if (!word && this.mod.file.text.slice(start, end) !== frag.text)
      return void 0;
    const lit = this.literalAround(start, end);
    if (!lit || /[bB]/.test(lit.prefix))
      return void 0;
    const name = word ? this.mod.file.text.slice(word.start, word.end).replace(/['"]/g, "") : frag.text;
    const pythonOrPip = /^(?:python|pip)[\d.]*(?:\.exe)?$/i.test(name);
    if (!pythonOrPip && this.checkedOnPath(name))
      return void 0;
    if (!pythonOrPip && this.site.argv.length === 2 && /^(?:--version|-V|version)$/.test(wordText(this.site.argv[1]) ?? "") && nameWrittenAgain(this.mod.file.text, name, lit.span, this.mod.launchPrograms))
      return void 0;
    const insideCall = lit.span.start >= this.call.startIndex && lit.span.end <= this.call.endIndex;
    const outsideReason = "the name comes from a definition outside the call, which other code may also use";
    if (!insideCall && this.comparedVariable(lit))
      return void 0;
    const imports = /* @__PURE__ */ new Set(["sys"]);
    if (target.kind === "interpreter-bin")
      imports.add("os");
    const orPath = target.kind === "interpreter-bin" && target.orPath && !this.mod.mayRunPython2;
    if (orPath)
      imports.add("shutil");
    const beside = (q) => {
      const name2 = `${q}${target.name}${q}`;
      return orPath ? `shutil.which(${name2}, path=os.path.dirname(sys.executable)) or ${name2}` : `os.path.join(os.path.dirname(sys.executable), ${name2})`;
    };
    if (!this.site.viaShell) {
      if (start !== lit.contentSpan.start || end !== lit.contentSpan.end || !lit.verbatim)
        return void 0;
      if (lit.parentType === "binary_operator")
        return void 0;
      let text4;
      const bare = ["list", "tuple", "argument_list", "keyword_argument", "assignment"].includes(lit.parentType ?? "");
      const exe = target.kind === "interpreter" ? "sys.executable" : orPath && !bare ? `(${beside(lit.quote)})` : beside(lit.quote);
      const argv0 = this.opts.argv0;
      if (argv0 !== void 0 && target.kind === "interpreter") {
        if (!argv0 || /^[a-zA-Z]*[bB]/.test(argv0.text) || argv0.startIndex < this.call.startIndex || argv0.endIndex > this.call.endIndex)
          return void 0;
        const q = lit.quote.length === 3 ? lit.quote[0] : lit.quote;
        const name2 = target.module ? `${exe}, ${q}-m${q}, ${q}${target.module}${q}` : exe;
        return {
          edits: [{ start: lit.span.start, end: lit.span.end, text: exe }, { start: argv0.startIndex, end: argv0.endIndex, text: name2 }, ...this.importEdits(imports)],
          applicability: insideCall ? "safe" : "unsafe",
          reason: insideCall ? void 0 : outsideReason
        };
      }
      if (target.kind === "interpreter" && target.module) {
        const q = lit.quote.length === 3 ? lit.quote[0] : lit.quote;
        const seq = `${exe}, ${q}-m${q}, ${q}${target.module}${q}`;
        if (lit.parentType === "list" || lit.parentType === "tuple")
          text4 = seq;
        else if (!this.argumentOfCall(lit))
          return void 0;
        else if (lit.parentType === "argument_list" && (this.site.api.startsWith("asyncio.") || this.opts.varargs))
          text4 = seq;
        else if ((lit.parentType === "argument_list" || lit.parentType === "keyword_argument") && this.takesArgv() && this.site.argv.length === 1)
          text4 = `[${seq}]`;
        else
          return void 0;
      } else
        text4 = exe;
      return {
        edits: [{ start: lit.span.start, end: lit.span.end, text: text4 }, ...this.importEdits(imports)],
        applicability: insideCall ? "safe" : "unsafe",
        reason: insideCall ? void 0 : outsideReason
      };
    }
    if (!word || this.site.wrappers.some((w) => / -c$/.test(w) || w === "eval"))
      return void 0;
    if (/`/.test(this.mod.file.text.slice(lit.contentSpan.start, word.start)))
      return void 0;
    const py2 = this.mod.python2;
    if (!py2 && this.mod.mayRunPython2)
      return void 0;
    const quoteFn = py2 ? "pipes.quote" : "shlex.quote";
    imports.add(py2 ? "pipes" : "shlex");
    const pathIn = (q) => target.kind === "interpreter" ? "sys.executable" : beside(q);
    const windows = this.mod.mayRunOnWindows;
    if (windows && this.site.api === "os.system")
      return void 0;
    if (windows)
      imports.add("os").add("subprocess");
    const quoted = (q) => windows ? `(subprocess.list2cmdline([${pathIn(q)}]) if os.name == ${q}nt${q} else ${quoteFn}(${pathIn(q)}))` : `${quoteFn}(${pathIn(q)})`;
    const expr = quoted('"');
    const suffix = target.kind === "interpreter" && target.module ? ` -m ${target.module}` : "";
    if (/[fFtT]/.test(lit.prefix)) {
      if (formattingOf(this.nodeAt(lit)))
        return void 0;
      const inner = quoted(lit.quote[0] === '"' ? "'" : '"');
      return {
        edits: [{ start: word.start, end: word.end, text: `{${inner}}${suffix}` }, ...this.importEdits(imports)],
        applicability: insideCall ? "safe" : "unsafe",
        reason: insideCall ? void 0 : outsideReason
      };
    }
    const source = this.mod.file.text;
    const before = source.slice(lit.contentSpan.start, word.start);
    const after = suffix + source.slice(word.end, lit.contentSpan.end);
    if (/(^|[^\\])(\\\\)*\\$/.test(before))
      return void 0;
    let parent = lit.parentType;
    let parentNode = this.nodeAt(lit);
    let gluedBefore = false;
    let gluedAfter = false;
    if (parent === "concatenated_string") {
      parentNode = parentNode ? parentOf(parentNode) : null;
      const parts = parentNode?.namedChildren.filter((c) => c?.type === "string") ?? [];
      gluedBefore = parts[0]?.startIndex !== lit.span.start;
      gluedAfter = parts[parts.length - 1]?.endIndex !== lit.span.end;
      const outer = parentNode ? parentOf(parentNode) : null;
      parent = outer?.type ?? "";
    }
    const open = lit.prefix + lit.quote;
    const format = formattingOf(parentNode);
    const pieces = [];
    if (before || gluedBefore)
      pieces.push(`${open}${before}${lit.quote}`);
    pieces.push(format === "%" ? `${expr}.replace("%", "%%")` : format === "{}" ? `${expr}.replace("{", "{{").replace("}", "}}")` : expr);
    if (after || gluedAfter)
      pieces.push(`${open}${after}${lit.quote}`);
    let text3 = pieces.join(" + ");
    const applicability = insideCall ? "safe" : "unsafe";
    const reason = insideCall ? void 0 : outsideReason;
    if (!SAFE_PARENTS.has(parent)) {
      if (lit.parentType === "concatenated_string")
        return void 0;
      text3 = `(${text3})`;
    }
    return { edits: [{ start: lit.span.start, end: lit.span.end, text: text3 }, ...this.importEdits(imports)], applicability, reason };
  }
  /** Whether the file looks this console script's name up on PATH (looksUpOnPath), read once per name and file. */
  checkedOnPath(name) {
    let m = lookedUp.get(this.mod);
    if (!m)
      lookedUp.set(this.mod, m = /* @__PURE__ */ new Map());
    let v = m.get(name);
    if (v === void 0)
      m.set(name, v = looksUpOnPath(this.mod.file.text, name));
    return v;
  }
  /** Whether the literal is an argument (positional or keyword) of the launch call's own argument list. */
  argumentOfCall(lit) {
    const node = this.nodeAt(lit);
    let list = node ? parentOf(node) : null;
    if (list?.type === "keyword_argument")
      list = parentOf(list);
    const own = this.call.childForFieldName("arguments");
    return !!list && !!own && list.type === "argument_list" && list.startIndex === own.startIndex && list.endIndex === own.endIndex;
  }
  /** Whether the call reads a list here as the whole argv (subprocess's args, pty.spawn), not as one program path. */
  takesArgv() {
    return !/^(os\.|multiprocessing\.)/.test(this.site.api);
  }
  literalAround(start, end) {
    return literalIndex(this.mod).around(start, end);
  }
  /** The literal is the whole value of `NAME = "…"` and the file compares NAME with `==`, `!=` or `in`. */
  comparedVariable(lit) {
    const node = this.nodeAt(lit);
    const parent = node ? parentOf(node) : null;
    if (parent?.type !== "assignment" || parent.childForFieldName("right")?.startIndex !== node?.startIndex)
      return false;
    const name = parent.childForFieldName("left")?.text;
    if (!name || !/^[A-Za-z_]\w*$/.test(name))
      return false;
    return new RegExp(`(?<![\\w.])${name}\\s*(?:==|!=|(?:not\\s+)?in\\s)|(?:==|!=)\\s*${name}(?![\\w(])`).test(this.mod.file.text);
  }
  nodeAt(lit) {
    return descendantAt(this.mod.root, lit.span.start, lit.span.end);
  }
  importEdits(needed) {
    const missing = [...needed].filter((m) => !this.mod.moduleImports.has(m)).sort();
    if (missing.length === 0)
      return [];
    const nl = this.mod.file.newline;
    return missing.map((m, i) => {
      const at = importInsertionPoint(this.mod, m);
      const last = i === missing.length - 1 || importInsertionPoint(this.mod, missing[i + 1]).offset !== at.offset;
      return { start: at.offset, end: at.offset, text: at.inline ? `import ${m}; ` : at.leadingNewline ? `${nl}import ${m}` : `import ${m}${nl}${at.section && last ? nl : ""}` };
    });
  }
};
function formattingOf(node) {
  const parent = node ? parentOf(node) : null;
  if (!node || !parent)
    return void 0;
  if (parent.type === "binary_operator" && parent.childForFieldName("left")?.startIndex === node.startIndex && parent.childForFieldName("operator")?.type === "%")
    return "%";
  if (parent.type === "attribute" && parent.childForFieldName("object")?.startIndex === node.startIndex && parent.childForFieldName("attribute")?.text === "format" && parentOf(parent)?.type === "call")
    return "{}";
  return void 0;
}
function importInsertionPoint(mod, module = "") {
  let known2 = insertionPoints.get(mod);
  if (!known2)
    insertionPoints.set(mod, known2 = /* @__PURE__ */ new Map());
  let at = known2.get(module);
  if (!at)
    known2.set(module, at = findInsertionPoint(mod, module));
  return at;
}
var insertionPoints = /* @__PURE__ */ new WeakMap();
function findInsertionPoint(mod, module) {
  const stmts = mod.root.namedChildren.filter((c) => !!c && c.type !== "comment");
  let i = 0;
  if (stmts[0]?.type === "expression_statement" && stmts[0].namedChildren[0]?.type === "string")
    i = 1;
  while (stmts[i]?.type === "future_import_statement")
    i++;
  const atLineStart = (n) => !mod.file.text.slice(mod.file.lineStart(mod.file.location(n.startIndex).line), n.startIndex).trim();
  let after;
  for (let j = i; stmts[j]?.type === "import_statement" && atLineStart(stmts[j]); j++) {
    const name = stmts[j].namedChildren[0]?.type === "aliased_import" ? stmts[j].namedChildren[0]?.childForFieldName("name")?.text : stmts[j].namedChildren[0]?.text;
    if (!name || !isStandard(name.split(".")[0]) || name > module)
      break;
    if (!stmts[j + 1] || mod.file.location(stmts[j + 1].startIndex).line > mod.file.location(stmts[j].endIndex).line)
      after = stmts[j];
    else
      break;
  }
  if (after) {
    const line = mod.file.location(after.endIndex).line;
    if (line < mod.file.lineCount)
      return { offset: mod.file.lineStart(line + 1), leadingNewline: false };
    return { offset: mod.file.text.length, leadingNewline: !/\r?\n$/.test(mod.file.text) };
  }
  const next = stmts[i];
  if (next) {
    const lineStart = mod.file.lineStart(mod.file.location(next.startIndex).line);
    if (mod.file.text.slice(lineStart, next.startIndex).trim())
      return { offset: next.startIndex, leadingNewline: false, inline: true };
    return { offset: lineStart, leadingNewline: false, section: module !== "" && isStandard(module) && startsOtherSection(next) };
  }
  const text3 = mod.file.text;
  const endsWithNewline = /\r?\n$/.test(text3);
  return { offset: text3.length, leadingNewline: !endsWithNewline && text3.length > 0 };
}
function startsOtherSection(n) {
  if (n.type === "import_statement") {
    const first = n.namedChildren[0];
    const name = first?.type === "aliased_import" ? first.childForFieldName("name")?.text : first?.text;
    return name !== void 0 && !isStandard(name.split(".")[0]);
  }
  if (n.type !== "import_from_statement")
    return false;
  const from = n.childForFieldName("module_name");
  return from?.type !== "dotted_name" || !isStandard(from.text.split(".")[0]);
}

// dist/src/frontends/python/written-scripts.js
var AS_STRING = /* @__PURE__ */ new Set(["str", "os.fspath", "os.path.abspath", "os.path.realpath"]);
function writtenScriptImports(mod, call, argsNode) {
  if (argsNode?.type !== "list")
    return void 0;
  const items = argsNode.namedChildren.filter((c) => !!c && c.type !== "comment");
  let script;
  for (const it of items.slice(1)) {
    if (it.type === "string" && /^[rbuRBU]*['"]-/.test(it.text)) {
      if (/^[rbuRBU]*['"]-[A-Za-z]*[cm]/.test(it.text) || it.text.includes("--"))
        return void 0;
      continue;
    }
    script = it;
    break;
  }
  const name = script ? pathName(mod, script) : void 0;
  if (!name)
    return void 0;
  const scope = enclosingScope(call);
  let write;
  for (const w of mod.callsTo(["write_text"])) {
    if (w.startIndex >= call.startIndex)
      break;
    const fn = w.childForFieldName("function");
    if (fn?.type !== "attribute" || fn.childForFieldName("object")?.type !== "identifier" || fn.childForFieldName("object")?.text !== name)
      continue;
    if (enclosingScope(w)?.id !== scope?.id)
      continue;
    write = w;
  }
  if (!write || !scope)
    return void 0;
  const stmt = parentOf(write);
  const block = stmt?.type === "expression_statement" ? parentOf(stmt) : void 0;
  if (!block || block.startIndex > call.startIndex || block.endIndex < call.endIndex)
    return void 0;
  if (assignedBetween(scope, name, write.endIndex, call.startIndex))
    return void 0;
  const { positional, keywords } = mod.callArgs(write);
  const data = positional[0] ?? keywords.get("data");
  if (!data || positional.length > 1)
    return void 0;
  const v = mod.eval(data);
  const code = v.k === "str" ? wordTextOf(v.word) : void 0;
  return code === void 0 ? void 0 : inlineImports(code);
}
function pathName(mod, n) {
  if (n.type === "identifier")
    return n.text;
  if (n.type !== "call")
    return void 0;
  const fn = n.childForFieldName("function");
  const q = fn ? mod.qualify(fn, mod.scopeAt(n)) : void 0;
  if (!q || !AS_STRING.has(q))
    return void 0;
  const { positional, keywords } = mod.callArgs(n);
  const a = positional[0];
  return positional.length === 1 && keywords.size === 0 && a?.type === "identifier" ? a.text : void 0;
}
function enclosingScope(n) {
  return nearestAncestor(n, SCOPES) ?? void 0;
}
var SCOPES = /* @__PURE__ */ new Set(["function_definition", "lambda", "class_definition", "module"]);
function assignedBetween(scope, name, from, to) {
  for (const t of ["assignment", "augmented_assignment", "for_statement", "as_pattern", "named_expression"]) {
    for (const a of scope.descendantsOfType(t)) {
      if (!a || a.startIndex < from || a.startIndex > to)
        continue;
      const target = a.childForFieldName("left") ?? a.childForFieldName("alias") ?? a.childForFieldName("name");
      if (!target)
        return true;
      if (target.type === "identifier" ? target.text === name : target.descendantsOfType("identifier").some((i) => i?.text === name))
        return true;
    }
  }
  return false;
}

// dist/src/frontends/python/run-context.js
function shebangInterpreter(text3) {
  const m = /^#![ \t]*(\/\S+)/.exec(text3.replace(/^\uFEFF/, ""));
  if (!m || /\/env$/.test(m[1]))
    return void 0;
  return /\/(python|pypy)[\d.]*$/.test(m[1]) ? m[1] : void 0;
}
function shebangMajor(text3) {
  const m = /^#![^\n]*?\b(?:python|pypy)([23])(?:\.\d+)?(?=[\s]|$)/.exec(text3.replace(/^\uFEFF/, "").slice(0, 200));
  return m ? m[1] : void 0;
}
var LOOKUPS = /* @__PURE__ */ new Set(["shutil.which", "distutils.spawn.find_executable"]);
function pathChecksBefore(mod, call) {
  const out = [];
  for (let block = nearestAncestor(call, GUARD_HOLDERS); block; block = nearestAncestor(block, GUARD_HOLDERS)) {
    if (block.type === "function_definition" || block.type === "class_definition" || block.type === "lambda") {
      break;
    }
    if (block.type === "if_statement") {
      const body = block.childForFieldName("consequence");
      if (body && body.startIndex <= call.startIndex && call.endIndex <= body.endIndex) {
        const t = lookupTest(mod, block.childForFieldName("condition"), block);
        if (t && !t.negated)
          out.push(...t.names);
      }
      continue;
    }
    for (const g of leavingGuards(mod, block)) {
      if (g.end > call.startIndex)
        break;
      out.push(...g.names);
    }
  }
  return out;
}
var GUARD_HOLDERS = /* @__PURE__ */ new Set(["if_statement", "block", "module", "function_definition", "class_definition", "lambda"]);
var guardCache = /* @__PURE__ */ new WeakMap();
function leavingGuards(mod, block) {
  let byBlock = guardCache.get(mod);
  if (!byBlock)
    guardCache.set(mod, byBlock = /* @__PURE__ */ new Map());
  let guards = byBlock.get(block.id);
  if (!guards) {
    guards = [];
    for (const s of block.namedChildren) {
      if (!s || s.type !== "if_statement")
        continue;
      const t = lookupTest(mod, s.childForFieldName("condition"), s);
      if (t && t.negated && leaves2(s.childForFieldName("consequence")))
        guards.push({ end: s.endIndex, names: t.names });
    }
    byBlock.set(block.id, guards);
  }
  return guards;
}
function lookupTest(mod, cond, stmt) {
  if (!cond)
    return void 0;
  let { node, negated: negated2 } = unwrapNot(cond);
  const compared = node?.type === "comparison_operator" && node.namedChildren.length === 2 ? node.namedChildren[1] : void 0;
  const op = compared ? node.children.slice(1, -1).map((c) => c?.text).join(" ") : "";
  if (compared?.type === "none") {
    if (op !== "is" && op !== "is not" && op !== "==" && op !== "!=")
      return void 0;
    negated2 = negated2 !== (op === "is" || op === "==");
    node = node.namedChildren[0];
  } else if (compared?.type === "integer" && compared.text === "0") {
    if (op !== "==" && op !== "!=")
      return void 0;
    const names2 = lookupProgramNames(mod, assignedValue(mod, node.namedChildren[0], stmt));
    return names2 ? { names: names2, negated: negated2 !== (op === "!=") } : void 0;
  }
  node = assignedValue(mod, node, stmt);
  if (node?.type !== "call")
    return void 0;
  const fn = node.childForFieldName("function");
  if (!fn || !LOOKUPS.has(mod.qualify(fn, mod.scopeAt(node)) ?? ""))
    return void 0;
  const first = mod.callArgs(node).positional[0];
  if (!first)
    return void 0;
  const names = [];
  for (const o of options(mod.eval(first))) {
    const t = o.k === "str" ? wordTextOf(o.word) : void 0;
    if (t === void 0)
      return void 0;
    names.push(t);
  }
  return { names, negated: negated2 };
}
function assignedValue(mod, node, stmt) {
  if (node?.type !== "identifier")
    return node ?? null;
  const block = stmt.parent;
  if (!block)
    return node;
  let byBlock = assignmentCache.get(mod);
  if (!byBlock)
    assignmentCache.set(mod, byBlock = /* @__PURE__ */ new Map());
  let names = byBlock.get(block.id);
  if (!names) {
    names = /* @__PURE__ */ new Map();
    for (const s of block.namedChildren) {
      const a = s?.type === "expression_statement" ? s.namedChildren[0] : void 0;
      const left = a?.type === "assignment" ? a.childForFieldName("left") : void 0;
      if (!a || left?.type !== "identifier")
        continue;
      const list2 = names.get(left.text) ?? [];
      list2.push({ start: a.startIndex, value: a.childForFieldName("right") });
      names.set(left.text, list2);
    }
    byBlock.set(block.id, names);
  }
  const list = names.get(node.text);
  if (!list)
    return node;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (list[mid].start < stmt.startIndex)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo > 0 ? list[lo - 1].value : node;
}
var assignmentCache = /* @__PURE__ */ new WeakMap();
var LOOKUP_PROGRAM = /^\s*(?:which|command\s+-v)\s+([\w.+-]+)(?:\s+(?:[12]?>&[12]|[12]?>>?\s*[^\s>&]+))*\s*$/;
function lookupProgramNames(mod, node) {
  const status = node?.type === "attribute" && node.childForFieldName("attribute")?.text === "returncode";
  if (status)
    node = node.childForFieldName("object");
  if (node?.type !== "call")
    return void 0;
  const fn = node.childForFieldName("function");
  const api = fn ? mod.qualify(fn, mod.scopeAt(node)) : void 0;
  if (!(status ? api === "subprocess.run" : api === "subprocess.call" || api === "os.system"))
    return void 0;
  const first = mod.callArgs(node).positional[0];
  let text3;
  if (first?.type === "list") {
    const words2 = first.namedChildren.map((c) => c ? options(mod.eval(c)) : []);
    if (words2.some((o) => o.length !== 1 || o[0].k !== "str"))
      return void 0;
    const texts = words2.map((o) => o[0].k === "str" ? wordTextOf(o[0].word) : void 0);
    text3 = texts.every((t) => t !== void 0) ? texts.join(" ") : void 0;
  } else if (first) {
    const o = options(mod.eval(first));
    text3 = o.length === 1 && o[0].k === "str" ? wordTextOf(o[0].word) : void 0;
  }
  const m = text3 === void 0 ? null : LOOKUP_PROGRAM.exec(text3);
  return m ? [m[1]] : void 0;
}
function leaves2(block) {
  const last = block?.namedChildren.filter((c) => c && c.type !== "comment").pop();
  if (!last)
    return false;
  if (last.type === "raise_statement" || last.type === "return_statement")
    return true;
  const e = last.type === "expression_statement" ? last.namedChildren[0] : void 0;
  const fn = e?.type === "call" ? e.childForFieldName("function")?.text : void 0;
  return fn !== void 0 && ["sys.exit", "exit", "quit", "os._exit", "SystemExit"].includes(fn);
}

// dist/src/frontends/python/launch-sites.js
var MAX_CANDIDATES = 8;
var exitsByTree = /* @__PURE__ */ new WeakMap();
var EXITS2 = /* @__PURE__ */ new Set(["raise_statement", "return_statement", "continue_statement", "break_statement"]);
function unreachable(call) {
  let exits = exitsByTree.get(call.tree);
  if (!exits)
    exitsByTree.set(call.tree, exits = /* @__PURE__ */ new Map());
  for (let n = call, depth = 0; n && depth < 200; depth++) {
    const p = parentOf(n);
    if (!p)
      return false;
    if (p.type === "block" || p.type === "module") {
      let end = exits.get(p.id);
      if (end === void 0) {
        end = Infinity;
        for (const c of p.namedChildren) {
          if (c && EXITS2.has(c.type)) {
            end = c.endIndex;
            break;
          }
        }
        exits.set(p.id, end);
      }
      if (n.startIndex >= end)
        return true;
    }
    if (p.type === "function_definition" || p.type === "lambda")
      return false;
    n = p;
  }
  return false;
}
function findLaunchSites(mod) {
  const sites = [];
  const launches = [];
  const names = /* @__PURE__ */ new Set([...LAUNCH_API_NAMES, ...LOOP_METHODS]);
  for (const [alias, q] of mod.imports)
    if (LAUNCH_APIS.has(q))
      names.add(alias);
  const meter = new BudgetMeter();
  for (const call of mod.callsTo(names)) {
    const fn = call.childForFieldName("function");
    if (!fn)
      continue;
    const last = fn.type === "identifier" ? fn.text : fn.type === "attribute" ? fn.childForFieldName("attribute")?.text : void 0;
    if (!last)
      continue;
    if (unreachable(call))
      continue;
    const aliased = fn.type === "identifier" ? mod.imports.get(last) : void 0;
    if (!LAUNCH_API_NAMES.has(last) && !(aliased && LAUNCH_APIS.has(aliased)))
      continue;
    let api = mod.qualify(fn, mod.scopeAt(call));
    if ((!api || !LAUNCH_APIS.has(api)) && fn.type === "attribute" && LOOP_METHODS.has(last))
      api = `asyncio.loop.${last}`;
    const spec = api ? LAUNCH_APIS.get(api) : void 0;
    if (!api || !spec)
      continue;
    within(PYTHON_LAUNCH_CALLS, launches.length + 1);
    const own = sitesForCall(mod, meter, call, api, spec);
    launches.push({
      call,
      api,
      spec,
      programs: new Set(own.map((x) => x.argv[0] ? programKey(x.argv[0]) : "")),
      // A caller can only change a program that is not fully known here.
      open: own.length === 0 || own.some((x) => !x.argv[0] || x.argv[0].fragments.some((f) => f.kind === "unknown"))
    });
    sites.push(...own);
  }
  if (importsProcessLibrary(mod.file.text)) {
    for (const l of libraryLaunches(mod)) {
      within(PYTHON_LAUNCH_CALLS, launches.length + 1);
      const own = sitesForCall(mod, meter, l.node, l.api, l.spec, l.node, l.named);
      if (!l.fixable)
        for (const s of own)
          s.rewriter = void 0;
      if (l.api.endsWith(".sudo")) {
        for (const s of own)
          if (s.env.path.kind === "inherited")
            s.env.path = { kind: "reset", by: "sudo" };
      }
      sites.push(...own);
      if (l.node.type === "call" && l.fixable) {
        launches.push({
          call: l.node,
          api: l.api,
          spec: l.spec,
          programs: new Set(own.map((x) => x.argv[0] ? programKey(x.argv[0]) : "")),
          open: own.length === 0 || own.some((x) => !x.argv[0] || x.argv[0].fragments.some((f) => f.kind === "unknown"))
        });
      }
    }
  }
  if (launches.length)
    sites.push(...wrapperCallSites(mod, meter, launches));
  if (mod.project) {
    sites.push(...projectHelperSites(mod, meter, launches.length));
    for (const site of sites) {
      const origin = mod.project.originOf(site.argv[0], site.callSpan);
      if (origin)
        (site.elsewhere ??= []).push({ message: `"${origin.name}" is set here`, path: shownPath(mod, origin.file), offset: origin.offset, line: origin.line, column: origin.column });
    }
  }
  if (definesBuildHooks(mod)) {
    for (const site of sites)
      if (site.env.path.kind !== "missing" && site.env.path.kind !== "reset")
        site.env.scriptsOnPath = "the PEP 517 build environment";
  }
  return dedupe(sites);
}
function shownPath(mod, file) {
  return path19.isAbsolute(mod.file.path) ? file : path19.relative(process.cwd(), file).split(path19.sep).join("/");
}
function projectHelperSites(mod, meter, counted) {
  const project = mod.project;
  const names = /* @__PURE__ */ new Set();
  for (const [alias, q] of mod.imports) {
    if (LAUNCH_APIS.has(q))
      continue;
    if (project.mayBeHelper(mod.file.path, q))
      names.add(alias);
    else
      for (const h of project.helperNamesOfModule(mod.file.path, q))
        names.add(h);
  }
  if (!names.size)
    return [];
  const sites = [];
  let n = counted;
  for (const call of mod.callsTo(names)) {
    const fn = call.childForFieldName("function");
    const q = fn ? mod.qualify(fn, mod.scopeAt(call)) : void 0;
    if (!q || LAUNCH_APIS.has(q))
      continue;
    const helper = project.helper(mod.file.path, q);
    if (!helper)
      continue;
    const { keywords, positional } = mod.callArgs(call);
    const commandAt = "index" in helper.spec ? helper.spec.index : helper.spec.form === "program-rest" ? Infinity : 0;
    if ([...keywords.keys()].some((k) => helper.others.includes(k) && /env|path|venv|python/i.test(k)))
      continue;
    if (positional.length > commandAt + 1 && helper.others.some((p) => /env|path|venv|python/i.test(p)))
      continue;
    within(PYTHON_LAUNCH_CALLS, ++n);
    const name = q.slice(q.lastIndexOf(".") + 1);
    for (const site of sitesForCall(mod, meter, call, helper.api, helper.spec)) {
      site.wrappers = [`${name}()`, ...site.wrappers];
      if (helper.spec.form === "program-rest" && site.rewriter)
        site.rewriter = new PythonRewriter(mod, site, call, { varargs: true });
      (site.elsewhere ??= []).push({ message: `"${name}" runs what it is given with ${helper.api}`, path: shownPath(mod, helper.file), offset: 0, line: helper.line, column: 1 });
      sites.push(site);
    }
  }
  return sites;
}
var BUILD_HOOKS = /^(?:async\s+)?def\s+(?:build_wheel|build_sdist|build_editable|prepare_metadata_for_build_(?:wheel|editable)|get_requires_for_build_(?:wheel|sdist|editable))\s*\(/m;
function definesBuildHooks(mod) {
  if (!BUILD_HOOKS.test(mod.file.text))
    return false;
  for (const n of mod.root.namedChildren) {
    const def = n?.type === "decorated_definition" ? n.childForFieldName("definition") : n;
    if (def?.type === "function_definition" && BUILD_HOOKS.test(`def ${def.childForFieldName("name")?.text ?? ""}(`))
      return true;
  }
  return false;
}
var MAX_WRAPPER_CALLS = 64;
function wrapperCallSites(mod, meter, launches) {
  const byFunction = /* @__PURE__ */ new Map();
  for (const l of launches) {
    if (!l.open)
      continue;
    const def = enclosingFunction(l.call);
    if (!def)
      continue;
    const entry = byFunction.get(def.id) ?? { def, launches: [] };
    entry.launches.push(l);
    byFunction.set(def.id, entry);
  }
  const sites = [];
  for (const { def, launches: inner } of byFunction.values()) {
    const name = def.childForFieldName("name")?.text;
    if (!name)
      continue;
    const up = (n) => n ? parentOf(n) : null;
    const isMethod = up(up(def))?.type === "class_definition" || up(up(up(def)))?.type === "class_definition";
    const params = parameterNames(def);
    let seen = 0;
    for (const outer of mod.callsTo([name])) {
      const fn = outer.childForFieldName("function");
      const viaSelf = fn.type === "attribute" && ["self", "cls"].includes(fn.childForFieldName("object")?.text ?? "");
      if (isMethod ? !viaSelf : fn.type !== "identifier")
        continue;
      if (seen >= MAX_WRAPPER_CALLS)
        break;
      if (outer.startIndex >= def.startIndex && outer.endIndex <= def.endIndex)
        continue;
      seen++;
      const { positional, keywords } = mod.callArgs(outer);
      const bindings = /* @__PURE__ */ new Map();
      const offset = isMethod ? 1 : 0;
      let varargs = false;
      positional.forEach((a, i) => {
        const p = params[i + offset];
        if (p && !p.startsWith("*"))
          bindings.set(p, mod.eval(a));
      });
      const star = params.findIndex((p) => p.startsWith("*") && !p.startsWith("**"));
      if (star >= 0 && params[star].length > 1 && positional.length > star - offset) {
        bindings.set(params[star].slice(1), { k: "list", items: positional.slice(Math.max(0, star - offset)).map((a) => ({ value: mod.eval(a) })) });
        varargs = true;
      }
      for (const [k, v] of keywords)
        if (params.includes(k))
          bindings.set(k, mod.eval(v));
      if (!bindings.size)
        continue;
      mod.paramBindings.set(def.id, bindings);
      try {
        for (const l of inner) {
          const known2 = l.programs;
          for (const site of sitesForCall(mod, meter, l.call, l.api, l.spec, outer)) {
            if (!site.argv[0] || known2.has(programKey(site.argv[0])))
              continue;
            site.wrappers = [`${name}()`, ...site.wrappers];
            if (varargs)
              site.rewriter = new PythonRewriter(mod, site, outer, { varargs: true });
            sites.push(site);
          }
        }
      } finally {
        mod.paramBindings.delete(def.id);
      }
    }
  }
  return sites;
}
function argvZeroOf(spec, api, positional, splat) {
  if (spec.form === "program-rest" && api.startsWith("os."))
    return splat ? null : plainString(positional[spec.rest]);
  if (spec.form !== "program-list")
    return void 0;
  const list = positional[spec.list];
  if (splat || !list || list.type !== "list" && list.type !== "tuple")
    return null;
  return plainString(list.namedChildren[0] ?? void 0);
}
function plainString(n) {
  return n && n.type === "string" && !n.namedChildren.some((c) => c?.type === "interpolation") ? n : null;
}
function programKey(w) {
  return w.fragments.map((f) => f.kind === "text" ? `${f.text}@${f.offsets?.[0] ?? ""}` : `${f.kind}@${f.span?.start ?? ""}`).join("|");
}
function enclosingFunction(n) {
  const cur = nearestAncestor(n, DEFINITIONS);
  return cur?.type === "function_definition" ? cur : void 0;
}
var DEFINITIONS = /* @__PURE__ */ new Set(["function_definition", "lambda", "class_definition"]);
function parameterNames(def) {
  const out = [];
  for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
    if (!p)
      continue;
    if (p.type === "identifier")
      out.push(p.text);
    else if (p.type === "list_splat_pattern" || p.type === "dictionary_splat_pattern")
      out.push("*" + (p.namedChildren[0]?.text ?? ""));
    else {
      const name = p.childForFieldName("name")?.text ?? p.namedChildren[0]?.text;
      if (name)
        out.push(name);
    }
  }
  return out;
}
function sitesForCall(mod, meter, call, api, spec, reportAt = call, named) {
  const { positional, keywords, splat } = mod.callArgs(call);
  const ev = (n) => n ? mod.eval(n) : void 0;
  const callSpan = { start: reportAt.startIndex, end: reportAt.endIndex };
  const r = { argvs: [], scripts: [], searchesPath: true, env: { kind: "inherited" } };
  const envFrom = (v, node) => {
    if (!v || !node || v.k === "none")
      return { kind: "inherited" };
    const span = { start: node.startIndex, end: node.endIndex };
    if (v.k === "env") {
      switch (v.path) {
        case "set":
          return { kind: "explicit", span };
        case "no":
          return { kind: "missing", span };
        case "inherited":
          return { kind: "inherited" };
        default:
          return { kind: "unknown" };
      }
    }
    return { kind: "unknown" };
  };
  switch (spec.form) {
    case "subprocess": {
      const argsNode = positional[0] ?? keywords.get("args");
      const args = ev(argsNode);
      if (!args)
        return [];
      const shellNode = keywords.get("shell");
      const shellV = ev(shellNode);
      const shell3 = shellV ? shellV.k === "bool" ? shellV.v : "unknown" : false;
      const exeNode = keywords.get("executable") ?? positional[2];
      const exe = ev(exeNode);
      r.env = envFrom(ev(keywords.get("env")), keywords.get("env"));
      for (const opt of options(args)) {
        const asShell = shell3 === true || shell3 === "unknown" && opt.k === "str";
        if (asShell) {
          if (opt.k === "str")
            r.scripts.push(opt.word);
          else if (opt.k === "list" && shell3 === true && opt.items.length > 1)
            r.argvs.push(...listArgvs(opt));
          else if (opt.k === "list" && opt.items[0] && "value" in opt.items[0])
            r.scripts.push(asWord(opt.items[0].value));
        } else if (opt.k === "str") {
          r.argvs.push({ argv: [opt.word], complete: true });
        } else if (opt.k === "list") {
          r.argvs.push(...listArgvs(opt));
        }
      }
      if (exe && exe.k === "str" && shell3 !== true) {
        r.argvs = r.argvs.map((a) => ({ argv: [exe.word, ...a.argv.slice(1)], complete: a.complete }));
      }
      if (shell3 === false && !exe && r.argvs.length)
        r.scriptImports = writtenScriptImports(mod, call, argsNode);
      break;
    }
    case "shell": {
      const v = ev(positional[spec.index] ?? (spec.keyword ? keywords.get(spec.keyword) : void 0));
      for (const opt of options(v ?? { k: "unknown" }))
        if (opt.k === "str")
          r.scripts.push(opt.word);
      if (api.startsWith("asyncio."))
        r.env = envFrom(ev(keywords.get("env")), keywords.get("env"));
      break;
    }
    case "argv-or-shell": {
      const v = ev(positional[spec.index]);
      for (const opt of options(v ?? { k: "unknown" })) {
        if (opt.k === "str")
          r.scripts.push(opt.word);
        else if (opt.k === "list")
          r.argvs.push(...listArgvs(opt));
      }
      break;
    }
    case "argv-or-name": {
      r.searchesPath = spec.searchesPath;
      const v = ev(positional[spec.index]);
      for (const opt of options(v ?? { k: "unknown" })) {
        if (opt.k === "str")
          r.argvs.push({ argv: [opt.word], complete: true });
        else if (opt.k === "list")
          r.argvs.push(...listArgvs(opt));
      }
      break;
    }
    case "program": {
      r.searchesPath = spec.searchesPath;
      const v = ev(positional[spec.index]);
      for (const opt of options(v ?? { k: "unknown" }))
        if (opt.k === "str")
          r.argvs.push({ argv: [opt.word], complete: false });
      break;
    }
    case "named":
      if (named)
        r.argvs.push(named);
      break;
    case "program-list":
    case "program-rest": {
      r.searchesPath = spec.searchesPath;
      const prog = ev(positional[spec.program]);
      let rest = [];
      let complete = !splat;
      if (spec.form === "program-list") {
        const list = ev(positional[spec.list]);
        const first = list ? options(list).find((o) => o.k === "list") : void 0;
        if (first && first.k === "list") {
          const a = listArgvs(first)[0];
          if (a) {
            rest = a.argv.slice(1);
            complete = complete && a.complete;
          }
        } else
          complete = false;
        const envIdx = spec.env;
        if (typeof envIdx === "number")
          r.env = envFrom(ev(positional[envIdx] ?? keywords.get("env")), positional[envIdx] ?? keywords.get("env"));
      } else {
        const end = spec.envLast ? positional.length - 1 : positional.length;
        const restNodes = positional.slice(spec.rest + (api.startsWith("asyncio.") ? 0 : 1), end);
        rest = restNodes.map((n) => asWord(mod.eval(n), { start: n.startIndex, end: n.endIndex }));
        if (spec.envLast && positional.length > spec.rest)
          r.env = envFrom(ev(positional[positional.length - 1]), positional[positional.length - 1]);
        if (spec.env === "kw")
          r.env = envFrom(ev(keywords.get("env")), keywords.get("env"));
      }
      for (const opt of options(prog ?? { k: "unknown" }))
        if (opt.k === "str")
          r.argvs.push({ argv: [opt.word, ...rest], complete });
      break;
    }
  }
  const argv0 = argvZeroOf(spec, api, positional, splat);
  const shebang = shebangInterpreter(mod.file.text);
  const major = shebangMajor(mod.file.text);
  const checked = pathChecksBefore(mod, call);
  const sites = [];
  const make = (cmd, viaShell, active) => {
    let path34 = r.env;
    if (cmd.pathReset)
      path34 = { kind: "reset", by: cmd.pathReset };
    else if (cmd.pathUnset)
      path34 = { kind: "reset", by: "env -i" };
    else if (cmd.envPathSet)
      path34 = { kind: "explicit" };
    const env2 = { path: path34 };
    if (shebang !== void 0)
      env2.shebang = shebang;
    if (major !== void 0)
      env2.shebangMajor = major;
    if (checked.length)
      env2.checkedOnPath = checked;
    if (active !== void 0 && path34.kind !== "reset" && path34.kind !== "missing")
      env2.activeVenv = active;
    const site = launchSiteFor(cmd, { file: mod.file, language: "python", api, callSpan, env: env2, searchesPath: r.searchesPath, viaShell });
    site.rewriter = new PythonRewriter(mod, site, reportAt, { argv0 });
    if (!site.inlineImports) {
      const imports = launchedScriptImports(mod.file.path, cmd.argv);
      if (imports)
        site.inlineImports = imports;
    }
    return site;
  };
  const shell2 = {
    file: mod.file,
    language: "python",
    api,
    callSpan,
    dialect: "bash",
    path: DEFAULT_PATH,
    cwd: void 0,
    vars: /* @__PURE__ */ new Map(),
    venvs: /* @__PURE__ */ new Map(),
    originAt: (offset) => ({ line: mod.file.location(offset).line, how: "created", offset }),
    makeSite: (cmd, active) => make(cmd, true, active),
    meter
  };
  for (const a of r.argvs.slice(0, MAX_CANDIDATES)) {
    const { commands, session } = runExecArgv(a.argv, a.complete, shell2, callSpan);
    for (const cmd of commands) {
      const site = make(cmd, false);
      if (r.scriptImports && !cmd.wrappers.length && !site.inlineImports)
        site.inlineImports = r.scriptImports;
      sites.push(site);
    }
    sites.push(...session.sites);
  }
  for (const s of r.scripts.slice(0, MAX_CANDIDATES))
    sites.push(...runShellSession(s, shell2).sites);
  return sites;
}
function listArgvs(list) {
  const flat = [];
  const flatten = (l, depth) => {
    for (const it of l.items) {
      if ("value" in it)
        flat.push(it);
      else {
        const s = it.splat;
        if (s.k === "list" && depth < 8)
          flatten(s, depth + 1);
        else {
          flat.push({ unknownTail: true });
          return;
        }
      }
      if (flat.length && "unknownTail" in flat[flat.length - 1])
        return;
    }
  };
  flatten(list, 0);
  let complete = true;
  const words2 = [];
  for (const f of flat) {
    if ("unknownTail" in f) {
      complete = false;
      break;
    }
    words2.push(f.value);
  }
  if (words2.length === 0)
    return [];
  const head2 = words2[0];
  const tail = words2.slice(1).map((v) => v.k === "str" ? v.word : v.k === "union" ? firstStr(v) : unknownWord());
  return options(head2).filter((o) => o.k === "str").map((o) => ({ argv: [o.word, ...tail], complete }));
}
function firstStr(v) {
  const s = options(v).find((o) => o.k === "str");
  return s && s.k === "str" ? s.word : unknownWord();
}
function dedupe(sites) {
  const seen = /* @__PURE__ */ new Set();
  return sites.filter((s) => {
    const key = `${s.callSpan.start}|${s.argv.map((w) => w.fragments.map((f) => f.kind === "text" ? `${f.text}@${f.offsets?.[0] ?? ""}` : f.kind).join("")).join(" ")}|${s.env.path.kind}`;
    if (seen.has(key))
      return false;
    seen.add(key);
    return true;
  });
}

// dist/src/frontends/python/shipped-functions.js
var SHIPPING_DECORATORS = /* @__PURE__ */ new Map([
  ["hera.workflows.script", "Hera's @script, which runs the function's body in its own container image (an Argo workflow step)"],
  ["hera.script", "Hera's @script, which runs the function's body in its own container image (an Argo workflow step)"],
  ["kfp.dsl.component", "Kubeflow Pipelines' @component, which runs the function in its own container image"],
  ["kfp.v2.dsl.component", "Kubeflow Pipelines' @component, which runs the function in its own container image"],
  ["kfp.components.create_component_from_func", "Kubeflow Pipelines' create_component_from_func, which runs the function in its own container image"],
  ["kfp.components.func_to_container_op", "Kubeflow Pipelines' func_to_container_op, which runs the function in its own container image"],
  ["airflow.decorators.task.docker", "Airflow's @task.docker, which runs the function in a Docker container"],
  ["airflow.decorators.task.kubernetes", "Airflow's @task.kubernetes, which runs the function in a Kubernetes pod"]
]);
function qualifiedDecorator(mod, decorator) {
  let expr = decorator.namedChildren.find((c) => c?.type !== "comment") ?? null;
  if (expr?.type === "call")
    expr = expr.childForFieldName("function");
  if (!expr || !/^[A-Za-z_][\w.]*$/.test(expr.text))
    return void 0;
  const [head2, ...rest] = expr.text.split(".");
  const q = mod.imports.get(head2);
  return q ? [q, ...rest].join(".") : void 0;
}
var FRAMEWORKS = /^(?:hera|kfp|airflow)(?:\.|$)/;
function shippedFunctions(mod, root, offsets) {
  if (![...mod.imports.values()].some((q) => FRAMEWORKS.test(q)))
    return [];
  const out = [];
  for (const at of offsets) {
    if (out.some((r) => r.from <= at && at < r.to))
      continue;
    for (let n = descendantAt(root, at, at + 1); n; n = parentOf(n)) {
      if (n.type !== "function_definition")
        continue;
      const holder = parentOf(n);
      if (holder?.type !== "decorated_definition")
        continue;
      const why = holder.namedChildren.filter((d) => d?.type === "decorator").map((d) => SHIPPING_DECORATORS.get(qualifiedDecorator(mod, d) ?? "")).find((w) => w !== void 0);
      if (why) {
        out.push({ from: n.startIndex, to: n.endIndex, why: `${n.childForFieldName("name")?.text ?? "the function"} is decorated with ${why}` });
        break;
      }
    }
  }
  return out;
}

// dist/src/frontends/python/indentation.js
function indentationLevels(text3) {
  const stack = [0];
  let most = 0;
  let i = 0;
  const n = text3.length;
  while (i < n) {
    let width = 0;
    let c = text3.charCodeAt(i);
    while (c === 32 || c === 9 || c === 12) {
      width = c === 9 ? (width & ~7) + 8 : c === 12 ? 0 : width + 1;
      c = text3.charCodeAt(++i);
    }
    if (i < n && c !== 10 && c !== 13) {
      while (width < stack[stack.length - 1])
        stack.pop();
      if (width > stack[stack.length - 1]) {
        stack.push(width);
        if (stack.length - 1 > most)
          most = stack.length - 1;
      }
    }
    i = lineAfter(text3, i);
  }
  return most;
}
function indentationError(s, tabs) {
  const n = s.length;
  const cols = [0];
  const alts = [0];
  let header = -1;
  let i = 0;
  while (i < n) {
    const start = i;
    let col = 0;
    let alt = 0;
    let c = s.charCodeAt(i);
    while (c === 32 || c === 9 || c === 12) {
      if (c === 32) {
        col++;
        alt++;
      } else if (c === 9) {
        col = (col & ~7) + 8;
        alt++;
      } else
        col = alt = 0;
      c = s.charCodeAt(++i);
    }
    if (i >= n)
      break;
    if (c === 10 || c === 13 || c === 35) {
      i = c === 35 ? commentEnd(s, i) : i;
      i = lineAfter(s, i);
      continue;
    }
    const bad = compare(start, col, alt, cols, alts, header, tabs);
    if (bad)
      return bad;
    let depth = 0;
    let last = 0;
    for (; ; ) {
      if (i >= n) {
        if (depth !== 0)
          return void 0;
        break;
      }
      c = s.charCodeAt(i);
      if (c === 39 || c === 34) {
        const lit = literalExtent(s, i);
        if (lit.end >= n || s.charCodeAt(lit.end) !== c)
          return void 0;
        i = lit.next;
        last = c;
        continue;
      }
      if (c === 35) {
        i = commentEnd(s, i);
        continue;
      }
      if (c === 92 && (s.charCodeAt(i + 1) === 10 || s.charCodeAt(i + 1) === 13 && s.charCodeAt(i + 2) === 10)) {
        i = lineAfter(s, i + 1);
        continue;
      }
      if (c === 10 || c === 13) {
        i = lineAfter(s, i);
        if (depth === 0)
          break;
        continue;
      }
      if (c === 40 || c === 91 || c === 123)
        depth++;
      else if (c === 41 || c === 93 || c === 125) {
        if (--depth < 0)
          return void 0;
      }
      if (c !== 32 && c !== 9 && c !== 12)
        last = c;
      i++;
    }
    if (depth !== 0)
      return void 0;
    header = last === 58 ? start : -1;
  }
  if (header >= 0)
    return { offset: n, message: "expected an indented block", error: "IndentationError", header };
  return void 0;
}
function lineAfter(s, i) {
  const n = s.length;
  let c = s.charCodeAt(i);
  while (i < n && c !== 10 && c !== 13)
    c = s.charCodeAt(++i);
  if (c === 13 && s.charCodeAt(i + 1) === 10)
    return i + 2;
  return i + 1;
}
function compare(at, col, alt, cols, alts, header, tabs) {
  const top = cols[cols.length - 1];
  const altTop = alts[alts.length - 1];
  const mixed = { offset: at, message: "inconsistent use of tabs and spaces in indentation", error: "TabError" };
  if (col > top) {
    if (tabs && alt <= altTop)
      return mixed;
    if (header < 0)
      return { offset: at, message: "unexpected indent", error: "IndentationError" };
    cols.push(col);
    alts.push(alt);
    return void 0;
  }
  while (col < cols[cols.length - 1]) {
    cols.pop();
    alts.pop();
  }
  if (col !== cols[cols.length - 1])
    return { offset: at, message: "unindent does not match any outer indentation level", error: "IndentationError" };
  if (tabs && alt !== alts[alts.length - 1])
    return mixed;
  if (header >= 0)
    return { offset: at, message: "expected an indented block", error: "IndentationError", header };
  return void 0;
}

// dist/src/frontends/python/index.js
function withPythonAnalysis(file, use, opts = {}) {
  const parser = loadedParser("tree-sitter-python");
  const { text: blanked, comments } = blankComments(file.text);
  const parseText = blanked.includes("\r") ? blanked.replace(/\r(?!\n)/g, "\n") : blanked;
  const levels = indentationLevels(parseText);
  if (levels > MAX_INDENT_LEVELS) {
    throw new TooDeepError(`too deeply nested to parse: ${levels} levels of indentation, over the ${MAX_INDENT_LEVELS} this checker parses (CPython refuses 100); skipped`);
  }
  if (opts.parseLess)
    within(PYTHON_PLAN_CHARS, parseText.length);
  const ranges = opts.parseLess && !importsProcessLibrary(parseText) && !opts.project?.callsHelper(file.path, parseText) ? keptRanges(parseText) : void 0;
  within(PYTHON_PARSE_CHARS, ranges ? ranges.reduce((n, r) => n + r.endIndex - r.startIndex, 0) : parseText.length);
  let tree = parser.parse(ranges ? rangeReader(parseText, ranges) : parseText, null, ranges ? { includedRanges: ranges } : void 0);
  if (tree && ranges && tree.rootNode.hasError) {
    tree.delete();
    within(PYTHON_PARSE_CHARS, parseText.length);
    tree = parser.parse(parseText);
  }
  if (!tree)
    throw new Error("tree-sitter returned no tree");
  try {
    const root = tree.rootNode;
    const mod = new PythonModule(root, file, opts.project);
    if (opts.windows)
      mod.projectOnWindows = () => opts.windows(file.path);
    if (opts.python2)
      mod.projectOnPython2 = () => opts.python2(file.path);
    const sites = findLaunchSites(mod);
    mod.launchPrograms = new Set(sites.flatMap((s) => (s.argv[0]?.fragments ?? []).flatMap((f) => f.kind === "text" && f.offsets?.length ? [f.offsets[0]] : [])));
    const facts = pythonFileFacts(root, sites, parseText, file);
    const tasks = sites.length ? definesTasks(mod, root) ?? (/(?:^|[\\/])fabfile\.py$/.test(file.path) && [...mod.imports.values()].some((q) => q.startsWith("fabric")) ? "fabric" : void 0) : void 0;
    if (tasks)
      facts.taskRunner = tasks;
    const host = sites.length ? hostApplication(mod.imports.values()) : void 0;
    if (host)
      facts.hostApp = host;
    const conda = sites.length && !file.path.endsWith(".ipynb") ? opts.condaWorkflow?.(file.path) : void 0;
    if (conda)
      facts.condaWorkflow = conda;
    if (sites.length && !mod.python3Only && PY2_CANDIDATE.test(parseText) && opts.python3Project?.(file.path)) {
      const line = ranges ? python2LineOfWhole(parser, parseText) : firstPython2Line(root, parseText);
      if (line)
        facts.python2Only = line;
    }
    const shipped = sites.length ? shippedFunctions(mod, root, sites.map((s) => s.callSpan.start)) : [];
    if (shipped.length)
      facts.shipped = shipped;
    for (const s of sites)
      s.pythonFile = facts;
    const suppressions = parseSuppressions(file, comments);
    let syntaxProblem;
    if (root.hasError) {
      const bad = firstError(root);
      const at = bad ? file.location(bad.startIndex) : void 0;
      syntaxProblem = {
        path: file.path,
        kind: "syntax",
        message: `not fully parsed: syntax error${at ? ` at ${at.line}:${at.column}` : ""}; the rest of the file was still checked`,
        start: at,
        partial: true
      };
    }
    if (!syntaxProblem && !/\.ipynb$/i.test(file.path)) {
      const bad = indentationError(parseText, mod.python3Only);
      if (bad) {
        const at = file.location(Math.min(bad.offset, file.text.length));
        const after = bad.header !== void 0 ? ` after line ${file.location(bad.header).line}` : "";
        syntaxProblem = {
          path: file.path,
          kind: "syntax",
          message: `not valid Python: ${bad.message}${after} at ${at.line}:${at.column} (${bad.error}), so CPython does not run this file; it was still checked`,
          start: at,
          partial: true
        };
      }
    }
    const depthProblem = mod.tooDeep ? { path: file.path, kind: "too-deep", message: "not fully analysed: an expression is nested too deeply to follow; launches inside it may be missed", partial: true } : void 0;
    return use({ sites, facts, suppressions, syntaxProblem: syntaxProblem ?? depthProblem });
  } finally {
    tree.delete();
    opts.project?.release();
  }
}
function python2LineOfWhole(parser, text3) {
  within(PYTHON_PARSE_CHARS, text3.length);
  const whole = parser.parse(text3);
  if (!whole)
    return void 0;
  try {
    return firstPython2Line(whole.rootNode, text3);
  } finally {
    whole.delete();
  }
}
var HOST_MODULES = /* @__PURE__ */ new Map([
  ["bpy", "Blender"],
  ["gimpfu", "GIMP"],
  // Not `maya` alone: a date library on PyPI has that name.
  ["maya.cmds", "Maya"],
  ["maya.mel", "Maya"],
  ["maya.OpenMaya", "Maya"],
  ["maya.api", "Maya"],
  ["hou", "Houdini"],
  ["nuke", "Nuke"],
  ["c4d", "Cinema 4D"],
  ["unreal", "Unreal Editor"],
  ["pymxs", "3ds Max"],
  ["krita", "Krita"],
  ["FreeCADGui", "FreeCAD"],
  ["rhinoscriptsyntax", "Rhino"],
  ["sublime_plugin", "Sublime Text"],
  ["idaapi", "IDA"]
]);
function hostApplication(imports) {
  for (const q of imports) {
    const parts = q.split(".");
    for (let i = 1; i <= Math.min(parts.length, 2); i++) {
      const host = HOST_MODULES.get(parts.slice(0, i).join("."));
      if (host)
        return host;
    }
  }
  return void 0;
}
function rangeReader(text3, ranges) {
  let k = 0;
  return (index) => {
    if (k >= ranges.length || index < ranges[k].startIndex)
      k = 0;
    while (k < ranges.length && ranges[k].endIndex <= index)
      k++;
    const end = k < ranges.length ? index < ranges[k].startIndex ? ranges[k].startIndex : ranges[k].endIndex : text3.length;
    return text3.slice(index, Math.min(end, index + READ_CHUNK));
  };
}
var READ_CHUNK = 4096;
var MAX_INDENT_LEVELS = Number(process.env.VG_MAX_INDENT_LEVELS ?? 200);
function firstError(root) {
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (n.isError || n.isMissing)
      return n;
    if (!n.hasError)
      continue;
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c)
        stack.push(c);
    }
  }
  return void 0;
}
var pythonFrontEnd = {
  language: "python",
  claims: (path34, head2) => /\.pyw?$/i.test(path34) || /^#!.*\bpython[\d.]*\b/.test(head2),
  mayMatter: pythonMayMatter,
  mayMatterBytes: (bytes) => pythonMayMatterBytes(bytes) || !decodesCleanly(bytes),
  decode: decodePython,
  analyze: withPythonAnalysis
};

// dist/src/frontends/shell-script/index.js
import path21 from "node:path";

// dist/src/frontends/config/services.js
import path20 from "node:path";
var START_DIR = "/__start_dir__";
var showVenv3 = shownUnder(START_DIR);
var NOT_VENV = /^(|\/|\/usr|\/usr\/local|\/opt\/homebrew|\/opt\/local|\/snap|.*\/\.local|.*\/(mini|ana)conda\d*|\/opt\/conda|.*\/\.pyenv\/versions\/\d[\w.-]*|\/usr\/local\/opt\/python[\w@.]*)$/;
function venvOfProgram(program, cwd) {
  if (!program || !program.includes("/"))
    return void 0;
  const m = /^(.*?)\/?bin\/([^/]+)$/.exec(program.replace(/\/{2,}/g, "/"));
  if (!m)
    return void 0;
  const name = m[2];
  if (!isInterpreterName(name) && !isPipName(name) && !CURATED_CONSOLE_SCRIPTS.has(name))
    return void 0;
  const dir = m[1] === "" && program.startsWith("/") ? "/" : m[1] === "" ? "." : m[1];
  const abs = resolveDir(dir, cwd);
  if (abs === void 0 || NOT_VENV.test(abs))
    return void 0;
  return abs;
}
var SERVICE_COMMENTS = { line: "#", trailing: "#;" };
function newCollected(file, language2) {
  return { run: new ConfigRun(file, { language: language2, comments: SERVICE_COMMENTS }), activations: [], named: /* @__PURE__ */ new Map(), problems: [], scriptCalls: [] };
}
function nameVenv(out, venv, file, offset) {
  if (venv !== void 0 && !out.named.has(venv))
    out.named.set(venv, { line: file.location(offset).line, how: "named", offset });
}
function binFrom(venv, cwd) {
  const root = /^\/__[a-z_]+__(?=\/|$)/.exec(venv)?.[0];
  return root === void 0 ? `${venv}/bin` : binSeenFrom(venv, cwd, root);
}
function shellCommandOf(argv) {
  const prog = argv[0] ? wordText(argv[0]) : void 0;
  if (prog === void 0)
    return void 0;
  const base = path20.posix.basename(prog);
  if (!/^(sh|bash|dash)$/.test(base))
    return void 0;
  for (let i = 1; i < argv.length; i++) {
    const a = wordText(argv[i]);
    if (a === void 0)
      return void 0;
    if (a === "--" || !a.startsWith("-") || a.startsWith("--"))
      return void 0;
    if (/^-[a-z]*c[a-z]*$/i.test(a)) {
      const script = argv[i + 1];
      return script ? { script, dialect: base === "bash" ? "bash" : "sh", shellName: prog } : void 0;
    }
    if (/^-[oO]$/.test(a))
      i++;
  }
  return void 0;
}
function runExecCommand(argv, complete, env2, out) {
  const shell2 = shellCommandOf(argv);
  if (shell2) {
    runShellCommand(shell2.script, shell2.dialect, shell2.shellName, env2, out);
    return;
  }
  const decl = declOf(env2, out, "sh", void 0, "sh");
  for (const ex of out.run.exec(decl, argv, complete, true)) {
    const program = ex.argv[0];
    if (!program)
      continue;
    if (createdVenv(ex.argv) === void 0)
      nameVenv(out, venvOfProgram(wordText(program), env2.cwd), env2.file, wordSourceSpan(program)?.start ?? env2.callSpan.start);
    let pathState = { kind: "inherited" };
    const onEnvPath = env2.execLookupOnEnvPath || ex.wrappers.length > 0 || ex.viaShell;
    if (ex.pathReset)
      pathState = { kind: "reset", by: ex.pathReset };
    else if (ex.pathUnset)
      pathState = { kind: "missing", span: ex.span ?? env2.callSpan };
    else if (ex.envPathSet)
      pathState = { kind: "explicit", span: ex.span };
    else if (onEnvPath && env2.envPathUnknown)
      pathState = { kind: "explicit", span: env2.envPathUnknown };
    const state = { path: pathState, knownVenvs: [...env2.venvs.keys()] };
    const active = onEnvPath ? venvOnPath(env2.envPath, env2.venvs) : void 0;
    if (active)
      state.activeVenv = active;
    const own = onEnvPath ? void 0 : venvOnPath(env2.envPath, env2.venvs);
    if (own)
      state.processVenv = own;
    const site = launchSiteFor(ex, { file: env2.file, language: env2.language, api: env2.api, callSpan: env2.callSpan, env: state });
    const venvs = [...env2.venvs.keys()];
    const meant = meantVenv(venvs, active);
    if (meant !== void 0 && !(meant.startsWith("~") && !ex.viaShell)) {
      const bin = binFrom(meant, env2.cwd);
      const rw = bin === void 0 ? void 0 : programRewriter(env2.file, program, bin);
      if (rw)
        site.rewriter = rw;
    }
    const facts = { ...onEnvPath ? env2.shellFacts : env2.execFacts, venvOrigins: new Map(env2.venvs), form: "exec", deactivated: out.run.deactivatedSoFar(), cwd: env2.cwd };
    if (env2.virtualEnv && venvOnPath(env2.envPath, /* @__PURE__ */ new Map([[env2.virtualEnv.venv, true]])) !== env2.virtualEnv.venv)
      facts.virtualEnv = env2.virtualEnv;
    site.config = facts;
    out.run.addSite(site, decl);
    const dir = createdVenv(ex.argv);
    if (dir !== void 0) {
      facts.createsVenv = true;
      const abs = resolveDir(dir, env2.cwd);
      const at = wordSourceSpan(program)?.start ?? env2.callSpan.start;
      if (abs && !env2.venvs.has(abs))
        env2.venvs.set(abs, { line: env2.file.location(at).line, how: "created", offset: at });
    }
  }
}
function runShellCommand(script, dialect, shellName, env2, out, dialectFact = dialect) {
  const res = out.run.shell(declOf(env2, out, dialect, shellName, dialectFact), script);
  out.activations.push(...res.activations.map((a) => a.site));
  return res;
}
function declOf(env2, out, dialect, shellName, dialectFact) {
  let virtualEnv = env2.virtualEnv;
  const anchor = env2.siteSpan;
  return {
    api: env2.api,
    callSpan: env2.callSpan,
    order: env2.order,
    group: env2.group,
    // A script anchors each command on its own line, and a line is the unit of its side venvs.
    anchor,
    unitOf: anchor && ((site) => anchor(site).start),
    dialect,
    dialectKnown: dialectFact !== "unknown",
    shHasSource: env2.shHasSource,
    scriptBudget: env2.scriptBudget,
    library: env2.library,
    path: env2.envPath,
    cwd: env2.cwd,
    vars: env2.vars,
    venvs: env2.venvs,
    originAt: (at) => ({ line: env2.file.location(at).line, how: "created", offset: at }),
    facts: { ...env2.shellFacts, form: "shell", shellName },
    normalizePath: (p) => p,
    rewriter: (program, venv, cwd) => {
      const bin = binFrom(venv, cwd);
      return bin === void 0 ? void 0 : programRewriter(env2.file, program, bin);
    },
    intercept: (cmd, sh, valueOf) => {
      const w0 = cmd.words[0] ? wordText(cmd.words[0]) : void 0;
      const at = (w) => (w ? wordSourceSpan(w)?.start : void 0) ?? cmd.span?.start ?? env2.callSpan.start;
      if (w0 === "export" || w0 === "declare") {
        for (const w of cmd.words.slice(1)) {
          const t = wordText(w);
          const m = t === void 0 ? void 0 : /^VIRTUAL_ENV=(.+)$/.exec(t);
          const venv = m ? resolveDir(m[1], sh.cwd) : void 0;
          if (venv === void 0)
            continue;
          nameVenv(out, venv, env2.file, at(w));
          const span = wordSourceSpan(w);
          if (span)
            virtualEnv = { venv, span };
        }
        return false;
      }
      if (runsOtherScript(cmd.words.slice(0, 2).map((w) => wordText(w))))
        out.scriptCalls.push(at(cmd.words[0]));
      const effect = shellEffect({ ...cmd }, { ...sh }, valueOf);
      if (effect?.kind === "activation")
        nameVenv(out, effect.venv, env2.file, at(cmd.words[0]));
      else if (!effect && createdVenv(cmd.words) === void 0)
        nameVenv(out, venvOfProgram(w0, sh.cwd), env2.file, at(cmd.words[0]));
      return false;
    },
    onSite: (site) => {
      const facts = site.config;
      if (virtualEnv && !facts.activation && site.env.activeVenv !== virtualEnv.venv)
        facts.virtualEnv = virtualEnv;
      if (env2.envPathUnknown && site.env.path.kind === "inherited")
        site.env.path = { kind: "explicit", span: env2.envPathUnknown };
    }
  };
}
function analyzeWithNamedVenvs(analyze) {
  const first = analyze(/* @__PURE__ */ new Map());
  const extra = [...first.out.named].filter(([v]) => first.venvs.get(v)?.how !== "created" && !createdThenRemoved(first.venvs, v));
  if (extra.length === 0)
    return first.out;
  const calls = first.out.scriptCalls;
  const known2 = extra.map(([v, origin]) => {
    if (origin.offset === void 0)
      return [v, origin];
    let knownFrom;
    for (const c of calls)
      if (c < origin.offset && (knownFrom === void 0 || c > knownFrom))
        knownFrom = c;
    return [v, knownFrom === void 0 ? origin : { ...origin, knownFrom }];
  });
  return analyze(new Map(known2)).out;
}
function finishAnalysis(out, suppressions) {
  for (const p of out.problems)
    out.run.problem(p.message, p.offset);
  return out.run.finish(suppressions);
}
function entrySuppressions(s, file, first, last, commentChars = "#") {
  scanSuppressions(s, file, { line: commentChars, trailing: SERVICE_COMMENTS.trailing }, first, last);
}

// dist/src/frontends/shell-script/index.js
var SHELLS3 = /^(sh|bash|dash|ksh|ksh93|mksh|zsh)$/;
function documentedAsSourced(text3, base) {
  if (base.length < 4)
    return false;
  for (let i = text3.indexOf(base); i >= 0; i = text3.indexOf(base, i + base.length)) {
    const before = text3.slice(Math.max(0, i - 400), i);
    const nl = before.lastIndexOf("\n");
    if (nl < 0 && i > 400)
      continue;
    if (/^[ \t]*#(?:.*[\s;&|#])?(?:source|\.)[ \t]+(?:(?:\$\([^()\n]*\)|[^\s$]|\$(?!\())*\/)?$/.test(before.slice(nl + 1)) && !/[\w.-]/.test(text3[i + base.length] ?? ""))
      return true;
  }
  return false;
}
function shebangShell(head2) {
  const m = /^#!\s*(\S+)(.*)$/.exec(head2);
  if (!m)
    return void 0;
  let prog = m[1];
  if (path21.posix.basename(prog) === "env") {
    const args = m[2].trim().split(/\s+/).filter((a) => !/^-/.test(a) && !/=/.test(a));
    if (!args[0])
      return void 0;
    prog = args[0];
  }
  const name = path21.posix.basename(prog);
  return SHELLS3.test(name) ? { prog, name } : void 0;
}
function scriptShell(fileName, head2) {
  const sb = shebangShell(head2);
  if (!sb)
    return /\.bash$/.test(fileName) ? { parse: "bash", dialect: "bash", shellName: "bash" } : { parse: "bash" };
  if (sb.name === "bash")
    return { parse: "bash", dialect: "bash", shellName: sb.prog };
  if (sb.name === "sh" || sb.name === "dash")
    return { parse: "sh", dialect: "sh", shellName: sb.prog };
  return { parse: "bash", shellName: sb.prog };
}
var BASH_ONLY = /(?:^|[ \t;&|(!])\[[ \t][^\]\n]{0,256}?[ \t]==[ \t]|(?:^|[ \t;&|(!])\[\[[ \t]|^[ \t]*[A-Za-z_]\w*=\(|^[ \t]*function[ \t]+[A-Za-z_]|<<<|\$\{[A-Za-z_]\w*(?::(?![-=+?])|\/)/m;
function writtenForBash(text3) {
  return BASH_ONLY.test(text3.replace(/^[ \t]*#.*$/gm, ""));
}
function analyzeShellScript(file, opts = {}, caller) {
  const head2 = file.text.slice(0, Math.max(0, file.text.indexOf("\n"))) || file.text;
  const shell2 = caller?.dialect ? { parse: caller.dialect, dialect: caller.dialect, shellName: caller.dialect } : scriptShell(file.path, head2);
  const shown = caller?.showVenv ?? showVenv3;
  const fileSpan = { start: 0, end: file.text.length };
  const siteSpan = (site) => {
    const at = (site.argv[0] && wordSourceSpan(site.argv[0])?.start) ?? 0;
    const line = file.location(at).line;
    const text3 = file.lineText(line);
    const start = file.lineStart(line) + (text3.length - text3.trimStart().length);
    return { start: Math.min(start, at), end: Math.max(at, file.lineStart(line) + text3.length) };
  };
  const facts = {
    form: "shell",
    showVenv: shown,
    unit: "this script",
    scope: caller?.scope ?? "at this point of the script",
    persistAdvice: (venv) => `activate it earlier in the script (. ${shown(venv)}/bin/activate)`
  };
  const script = textWord(file.text, 0);
  const out = keepParses([script], () => analyzeWithNamedVenvs((initial) => {
    const o = newCollected(file, "shell");
    const venvs = new Map([...caller?.venvs ?? [], ...initial]);
    runShellCommand(script, shell2.parse, shell2.shellName, {
      file,
      language: "shell",
      api: "script",
      callSpan: fileSpan,
      order: 0,
      envPath: caller?.path ?? DEFAULT_PATH,
      execLookupOnEnvPath: true,
      cwd: caller ? caller.cwd : START_DIR,
      vars: /* @__PURE__ */ new Map(),
      venvs,
      execFacts: facts,
      shellFacts: facts,
      siteSpan,
      // Unless an image that runs it says which sh it gets: a `#!/bin/sh` script written in bash.
      shHasSource: opts.shHasSource ?? (shell2.dialect === "sh" && writtenForBash(file.text)),
      scriptBudget: SHELL_SCRIPT_FILE_CHARS,
      library: documentedAsSourced(file.text, path21.basename(file.path))
    }, o, shell2.dialect ?? "unknown");
    return { out: o, venvs };
  }));
  for (const site of out.activations) {
    const act = site.config?.activation;
    if (act)
      act.lastInRun = false;
  }
  return finishAnalysis(out, scriptSuppressions(file));
}
function scriptSuppressions(file) {
  const s = /* @__PURE__ */ new Map();
  for (let l = 1; l <= file.lineCount; l++) {
    if (!file.lineText(l).includes("#") && !(l > 1 && file.lineText(l - 1).includes("#")))
      continue;
    scanSuppressions(s, file, { line: "#", trailing: "#" }, l, l);
  }
  return s;
}
var shellScriptFrontEnd = {
  language: "shell",
  maxBytes: CONFIG_MAX_BYTES,
  claims(p, head2) {
    const base = path21.posix.basename(p.replace(/\\/g, "/"));
    if (/\.(sh|bash)$/.test(base))
      return true;
    return !base.includes(".") && shebangShell(head2) !== void 0;
  },
  mayMatter: configMayMatter,
  analyze(file, use, opts) {
    return use(analyzeShellScript(file, opts));
  }
};

// dist/src/frontends/systemd/index.js
import path22 from "node:path";

// dist/src/kernel/platform.js
var SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
var CRON_PATH = "/usr/bin:/bin";

// dist/src/frontends/systemd/index.js
var EXEC_KEYS = ["ExecCondition", "ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost"];
function parseUnitFile(text3, problems) {
  const lines = splitLines(text3);
  const out = [];
  let section = "";
  const isComment = (t) => /^\s*[#;]/.test(t);
  for (let i = 0; i < lines.length; i++) {
    const ln = lines[i];
    if (/^\s*$/.test(ln.text) || isComment(ln.text))
      continue;
    const sec = /^\s*\[([^\]]+)\]\s*$/.exec(ln.text);
    if (sec) {
      section = sec[1];
      continue;
    }
    const chars = [];
    let cur = ln;
    let last = ln.no;
    for (; ; ) {
      within(SERVICE_LINE_CHARS, chars.length + cur.text.length);
      const trimmed = cur.text.replace(/\s+$/, "");
      if (trimmed.endsWith("\\") && !trimmed.endsWith("\\\\")) {
        for (let k = 0; k < trimmed.length - 1; k++)
          chars.push({ ch: cur.text[k], off: cur.start + k });
        chars.push({ ch: " ", off: cur.start + trimmed.length - 1 });
        i++;
        while (i < lines.length && isComment(lines[i].text))
          i++;
        if (i >= lines.length)
          break;
        cur = lines[i];
        last = cur.no;
        continue;
      }
      for (let k = 0; k < cur.text.length; k++)
        chars.push({ ch: cur.text[k], off: cur.start + k });
      break;
    }
    const joined = chars.map((c) => c.ch).join("");
    const m = /^\s*([A-Za-z0-9_.-]+)\s*=\s*/.exec(joined);
    if (!m) {
      problems.push({ message: `not a Key=Value line: ${JSON.stringify(joined.trim().slice(0, 40))}`, offset: ln.start });
      continue;
    }
    if (!section)
      problems.push({ message: `${m[1]}= outside a [section]`, offset: ln.start });
    let value = chars.slice(m[0].length);
    while (value.length && /\s/.test(value[value.length - 1].ch))
      value = value.slice(0, -1);
    const endLine = lines[last - 1];
    out.push({ section, key: m[1], value, firstLine: ln.no, lastLine: last, span: { start: ln.start + (ln.text.length - ln.text.trimStart().length), end: endLine.start + endLine.text.length } });
  }
  return out;
}
var ESCAPES = { n: "\n", t: "	", r: "\r", s: " ", a: "\x07", b: "\b", f: "\f", v: "\v", "\\": "\\", '"': '"', "'": "'", ";": ";", " ": " " };
function splitUnitWords(value, vars, problems) {
  const words2 = [];
  let complete = true;
  let i = 0;
  const n = value.length;
  const unknown2 = (why, start, end) => ({ frag: { kind: "unknown", why, span: { start, end } } });
  while (i < n) {
    while (i < n && /\s/.test(value[i].ch))
      i++;
    if (i >= n)
      break;
    const units = [];
    let q = "";
    let quotedAny = false;
    const wordStart = value[i].off;
    for (; i < n && (q || !/\s/.test(value[i].ch)); i++) {
      const c = value[i];
      if (!q && (c.ch === '"' || c.ch === "'")) {
        q = c.ch;
        quotedAny = true;
        continue;
      }
      if (q && c.ch === q) {
        q = "";
        continue;
      }
      if (c.ch === "\\" && i + 1 < n) {
        const e = value[i + 1].ch;
        units.push({ ch: ESCAPES[e] ?? e, off: -1 });
        i++;
        continue;
      }
      if (vars && c.ch === "%" && i + 1 < n) {
        if (value[i + 1].ch === "%")
          units.push({ ch: "%", off: c.off });
        else
          units.push(unknown2(`%${value[i + 1].ch}`, c.off, value[i + 1].off + 1));
        i++;
        continue;
      }
      if (vars && c.ch === "$" && i + 1 < n) {
        const rest = value.slice(i + 1, i + 200).map((x) => x.ch).join("");
        if (rest[0] === "$") {
          units.push({ ch: "$", off: c.off });
          i++;
          continue;
        }
        const braced = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
        const bare = braced ? void 0 : /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
        const name = braced?.[1] ?? bare?.[0];
        if (name !== void 0) {
          const len = (braced ?? bare)[0].length;
          const v = vars.get(name);
          const end = value[i + len].off + 1;
          const alone = bare && units.length === 0 && !q && (i + 1 + len >= n || /\s/.test(value[i + 1 + len].ch));
          if (v === void 0) {
            units.push(unknown2(braced ? `\${${name}}` : `$${name}`, c.off, end));
            if (alone)
              complete = false;
          } else if (alone) {
            const parts = v.split(/\s+/).filter(Boolean);
            for (const p of parts.slice(0, -1))
              words2.push({ word: unitsToWord([...p].map((ch) => ({ ch, off: -1 })), { start: c.off, end }), separator: false });
            units.push(...[...parts[parts.length - 1] ?? ""].map((ch) => ({ ch, off: -1 })));
          } else {
            units.push(...[...v].map((ch) => ({ ch, off: -1 })));
          }
          i += len;
          continue;
        }
      }
      units.push({ ch: c.ch, off: c.off });
    }
    if (q)
      problems.push({ message: `unterminated ${q === '"' ? "double" : "single"} quote`, offset: wordStart });
    const separator = !quotedAny && units.length === 1 && "ch" in units[0] && units[0].ch === ";" && units[0].off >= 0;
    words2.push({ word: unitsToWord(units), separator });
  }
  return { words: words2, complete };
}
function analyzeSystemd(file) {
  const problems = [];
  const directives = parseUnitFile(file.text, problems);
  const service = directives.filter((d) => d.section === "Service");
  const st = { vars: /* @__PURE__ */ new Map(), varSpans: /* @__PURE__ */ new Map(), cwd: "/" };
  for (const d of service) {
    if (d.key === "Environment") {
      const { words: words2 } = splitUnitWords(d.value, void 0, problems);
      if (words2.length === 0) {
        st.vars.clear();
        st.varSpans.clear();
      }
      for (const { word } of words2) {
        const t = word.fragments.map((f) => f.kind === "text" ? f.text : "").join("");
        const eq = t.indexOf("=");
        if (eq <= 0)
          continue;
        st.vars.set(t.slice(0, eq), t.slice(eq + 1));
        if (word.span)
          st.varSpans.set(t.slice(0, eq), word.span);
      }
    } else if (d.key === "EnvironmentFile") {
      st.envFile = d.span;
    } else if (d.key === "WorkingDirectory") {
      const v = d.value.map((c) => c.ch).join("").replace(/^-/, "");
      st.cwd = v.startsWith("/") ? resolveDir(v, "/") : void 0;
    }
  }
  const suppressions = /* @__PURE__ */ new Map();
  for (const d of directives)
    entrySuppressions(suppressions, file, d.firstLine, d.lastLine, "#;");
  const envPath = st.vars.get("PATH") ?? DEFAULT_PATH;
  const venvSetting = st.vars.get("VIRTUAL_ENV");
  const virtualEnvDir = venvSetting === void 0 ? void 0 : resolveDir(venvSetting, st.cwd);
  const exec = service.filter((d) => EXEC_KEYS.includes(d.key));
  const vars = new Map(st.vars);
  vars.delete("PATH");
  const out = analyzeWithNamedVenvs((initial) => {
    const o = newCollected(file, "systemd");
    const venvs = new Map(initial);
    if (virtualEnvDir && st.varSpans.get("VIRTUAL_ENV"))
      nameVenv(o, virtualEnvDir, file, st.varSpans.get("VIRTUAL_ENV").start);
    for (const d of exec) {
      const { words: words2, complete } = splitUnitWords(d.value, st.vars, problems);
      const first = words2[0]?.word;
      const lead = first?.fragments[0];
      let argv = words2;
      if (first && lead?.kind === "text") {
        const pm = /^[-@:+!]+/.exec(lead.text);
        if (pm) {
          const rest = { ...lead, text: lead.text.slice(pm[0].length), offsets: lead.offsets?.slice(pm[0].length) };
          argv = [{ word: { fragments: [rest, ...first.fragments.slice(1)] }, separator: false }, ...words2.slice(1)];
          if (pm[0].includes("@"))
            argv.splice(1, 1);
        }
      }
      const rank = EXEC_KEYS.indexOf(d.key);
      const keyName = `${d.key}=`;
      const execFacts = {
        form: "exec",
        showVenv: showVenv3,
        unit: `this ${keyName} command`,
        scope: `when ${keyName} runs`,
        persistAdvice: (venv) => `set Environment=PATH=${venv}/bin:${SYSTEMD_PATH} and start it with /usr/bin/env (systemd looks a bare program name up on its fixed search path, never on Environment=PATH=)`
      };
      const shellFacts = {
        form: "shell",
        showVenv: showVenv3,
        unit: `this ${keyName} command`,
        scope: `when ${keyName} runs`,
        persistAdvice: (venv) => `set Environment=PATH=${venv}/bin:${SYSTEMD_PATH} in [Service] (systemd does not expand $PATH there)`
      };
      let cmd = [];
      const flush = () => {
        if (cmd.length === 0)
          return;
        runExecCommand(cmd.map((w) => w.word), complete, {
          file,
          language: "systemd",
          api: d.key,
          callSpan: d.span,
          order: rank * 1e7 + d.firstLine,
          envPath,
          execLookupOnEnvPath: false,
          envPathUnknown: st.vars.has("PATH") ? void 0 : st.envFile,
          cwd: st.cwd,
          vars,
          venvs,
          execFacts,
          shellFacts,
          virtualEnv: virtualEnvDir && st.varSpans.get("VIRTUAL_ENV") ? { venv: virtualEnvDir, span: st.varSpans.get("VIRTUAL_ENV") } : void 0
        }, o);
        cmd = [];
      };
      for (const w of argv) {
        if (w.separator)
          flush();
        else
          cmd.push(w);
      }
      flush();
    }
    return { out: o, venvs };
  });
  out.problems.push(...problems);
  return finishAnalysis(out, suppressions);
}
var systemdFrontEnd = {
  language: "systemd",
  maxBytes: CONFIG_MAX_BYTES,
  claims(p) {
    return /\.service$/.test(path22.posix.basename(p.replace(/\\/g, "/")));
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeSystemd(file));
  }
};

// dist/src/frontends/supervisor/index.js
import path23 from "node:path";
function parseIni(text3, problems) {
  const sections = [];
  let cur;
  let last;
  const stripInline = (chars) => {
    for (let k = 1; k < chars.length; k++)
      if ((chars[k].ch === ";" || chars[k].ch === "#") && /\s/.test(chars[k - 1].ch))
        return chars.slice(0, k);
    return chars;
  };
  const trim2 = (chars) => {
    let a = 0;
    let b = chars.length;
    while (a < b && /\s/.test(chars[a].ch))
      a++;
    while (b > a && /\s/.test(chars[b - 1].ch))
      b--;
    return chars.slice(a, b);
  };
  for (const ln of splitLines(text3)) {
    if (/^\s*[#;]/.test(ln.text) || /^\s*$/.test(ln.text)) {
      if (/^\s*$/.test(ln.text))
        last = void 0;
      continue;
    }
    within(SERVICE_LINE_CHARS, ln.text.length + (/^\s/.test(ln.text) && last ? last.value.length : 0));
    const chars = [...ln.text].map((ch, k) => ({ ch, off: ln.start + k }));
    if (/^\s/.test(ln.text) && last) {
      const more = trim2(stripInline(chars));
      last.value.push({ ch: "\n", off: -1 }, ...more);
      last.lastLine = ln.no;
      last.span = { start: last.span.start, end: ln.start + ln.text.length };
      continue;
    }
    const sec = /^\[([^\]]+)\]/.exec(ln.text);
    if (sec) {
      cur = { name: sec[1].trim(), line: ln.no, entries: /* @__PURE__ */ new Map() };
      sections.push(cur);
      last = void 0;
      continue;
    }
    const m = /^([^=:\s][^=:]*?)\s*[=:]/.exec(ln.text);
    if (!m) {
      problems.push({ message: `not a "key = value" line: ${JSON.stringify(ln.text.trim().slice(0, 40))}`, offset: ln.start });
      last = void 0;
      continue;
    }
    if (!cur) {
      problems.push({ message: `${m[1]} outside a [section]`, offset: ln.start });
      last = void 0;
      continue;
    }
    const entry = { key: m[1].toLowerCase(), value: trim2(stripInline(chars.slice(m[0].length))), firstLine: ln.no, lastLine: ln.no, span: { start: ln.start, end: ln.start + ln.text.length } };
    cur.entries.set(entry.key, entry);
    last = entry;
  }
  return sections;
}
function expandPercent(value, known2) {
  const out = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c.ch === "%" && value[i + 1]?.ch === "%") {
      out.push({ ch: "%", off: c.off });
      i++;
      continue;
    }
    if (c.ch === "%" && value[i + 1]?.ch === "(") {
      const rest = value.slice(i, i + 120).map((x) => x.ch).join("");
      const m = /^%\(([^)]*)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]/.exec(rest);
      if (m) {
        const v = known2.get(m[1]);
        if (v !== void 0)
          out.push(...[...v].map((ch) => ({ ch, off: -1 })));
        else
          out.push({ frag: { kind: "unknown", why: m[0], span: { start: c.off, end: value[i + m[0].length - 1].off + 1 } } });
        i += m[0].length - 1;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}
function shlexSplit(units, problems) {
  const words2 = [];
  let cur;
  let q = "";
  let quoteAt = -1;
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if ("frag" in u) {
      (cur ??= []).push(u);
      continue;
    }
    if (!q && /\s/.test(u.ch)) {
      if (cur)
        words2.push(unitsToWord(cur));
      cur = void 0;
      continue;
    }
    cur ??= [];
    if (!q && (u.ch === '"' || u.ch === "'")) {
      q = u.ch;
      quoteAt = u.off;
      continue;
    }
    if (q && u.ch === q) {
      q = "";
      continue;
    }
    const next = units[i + 1];
    if (u.ch === "\\" && q !== "'" && next && "ch" in next && (!q || next.ch === '"' || next.ch === "\\")) {
      cur.push(next);
      i++;
      continue;
    }
    cur.push(u);
  }
  if (q)
    problems.push({ message: `command: no closing quotation (${q})`, offset: quoteAt });
  if (cur)
    words2.push(unitsToWord(cur));
  return words2;
}
function parseEnvironment(units, problems) {
  const out = [];
  let i = 0;
  const ch = (k) => {
    const u = units[k];
    return u && "ch" in u ? u.ch : u ? "" : "";
  };
  const offOf = (k) => {
    const u = units[k];
    return u && "ch" in u ? u.off : u && "frag" in u ? u.frag.span?.start ?? -1 : -1;
  };
  while (i < units.length) {
    while (i < units.length && /[\s,]/.test(ch(i)))
      i++;
    if (i >= units.length)
      break;
    const start = i;
    let key = "";
    while (i < units.length && ch(i) !== "=" && ch(i) !== ",")
      key += ch(i++);
    if (ch(i) !== "=") {
      problems.push({ message: `environment: expected KEY=value, got ${JSON.stringify(key.trim())}`, offset: offOf(start) });
      continue;
    }
    i++;
    let value = "";
    let q = "";
    for (; i < units.length; i++) {
      const c = ch(i);
      if (!q && c === ",")
        break;
      if (!q && (c === '"' || c === "'"))
        q = c;
      else if (q && c === q)
        q = "";
      else
        value += c;
    }
    const endOff = offOf(i - 1);
    out.push({ key: key.trim(), value, span: { start: offOf(start), end: endOff >= 0 ? endOff + 1 : offOf(start) + 1 } });
  }
  return out;
}
var PROGRAM_SECTION = /^(program|fcgi-program|eventlistener):(.+)$/;
function analyzeSupervisor(file) {
  const suppressions = /* @__PURE__ */ new Map();
  if (!/^\s*\[(program|fcgi-program|eventlistener):/m.test(file.text))
    return { sites: [], suppressions };
  const problems = [];
  const sections = parseIni(file.text, problems);
  for (const s of sections) {
    for (const e of s.entries.values())
      entrySuppressions(suppressions, file, e.firstLine, e.lastLine, "#;");
    const lastLine = Math.max(s.line, ...[...s.entries.values()].map((e) => e.lastLine));
    entrySuppressions(suppressions, file, s.line, s.line, "#;");
    const header = suppressions.get(s.line);
    if (header)
      coverLines(suppressions, s.line, lastLine, header);
  }
  const envOf3 = (e, known2) => e ? parseEnvironment(expandPercent(e.value, known2), problems) : [];
  const daemon = sections.find((s) => s.name === "supervisord");
  const base = envOf3(daemon?.entries.get("environment"), /* @__PURE__ */ new Map());
  const out = analyzeWithNamedVenvs((initial) => {
    const o = newCollected(file, "supervisor");
    const venvs = new Map(initial);
    for (const s of sections) {
      const pm = PROGRAM_SECTION.exec(s.name);
      const command2 = s.entries.get("command");
      if (!pm || !command2)
        continue;
      const known2 = /* @__PURE__ */ new Map([["program_name", pm[2].trim()], ["group_name", pm[2].trim()]]);
      const pairs = [...base, ...envOf3(s.entries.get("environment"), known2)];
      const vars = /* @__PURE__ */ new Map();
      let virtualEnv;
      const dirEntry = s.entries.get("directory");
      const dir = dirEntry ? expandPercent(dirEntry.value, known2).map((u) => "ch" in u ? u.ch : "").join("") : void 0;
      const cwd = dir === void 0 ? START_DIR : resolveDir(dir, START_DIR);
      for (const p of pairs) {
        vars.set(p.key, p.value);
        if (p.key === "VIRTUAL_ENV") {
          const venv = resolveDir(p.value, cwd);
          if (venv) {
            virtualEnv = { venv, span: p.span };
            nameVenv(o, venv, file, p.span.start);
          }
        }
      }
      const envPath = vars.get("PATH") ?? DEFAULT_PATH;
      vars.delete("PATH");
      const argv = shlexSplit(expandPercent(command2.value, known2), problems);
      const unit = `this [${s.name}] command`;
      const execFacts = {
        form: "exec",
        showVenv: showVenv3,
        unit,
        scope: `when [${s.name}] starts`,
        persistAdvice: (venv) => `add PATH="${showVenv3(venv)}/bin:/usr/local/bin:/usr/bin:/bin" to this program's environment= and start it with /usr/bin/env (supervisord looks a relative command up on its own PATH, not on environment=PATH=)`
      };
      const shellFacts = {
        form: "shell",
        showVenv: showVenv3,
        unit,
        scope: `when [${s.name}] starts`,
        persistAdvice: (venv) => `add PATH="${showVenv3(venv)}/bin:/usr/local/bin:/usr/bin:/bin" to this program's environment=`
      };
      runExecCommand(argv, true, {
        file,
        language: "supervisor",
        api: "command",
        callSpan: command2.span,
        order: command2.firstLine,
        envPath,
        execLookupOnEnvPath: false,
        cwd,
        vars,
        venvs,
        execFacts,
        shellFacts,
        virtualEnv,
        // Programs run side by side, not one after another: an activation in one is not relied on
        // by another (an activation that ends its own command is still reported).
        group: s
      }, o);
    }
    return { out: o, venvs };
  });
  out.problems.push(...problems);
  return finishAnalysis(out, suppressions);
}
var supervisorFrontEnd = {
  language: "supervisor",
  maxBytes: CONFIG_MAX_BYTES,
  claims(p) {
    const n = p.replace(/\\/g, "/");
    const base = path23.posix.basename(n);
    if (base === "supervisord.conf")
      return true;
    return /\.conf$/.test(base) && /(^|\/)(supervisor|supervisord|conf\.d)\/(.*\/)?[^/]+$/.test(n);
  },
  mayMatter(t, tools) {
    return /^\s*\[(program|fcgi-program|eventlistener):/m.test(t) && configMayMatter(t, tools);
  },
  analyze(file, use) {
    return use(analyzeSupervisor(file));
  }
};

// dist/src/frontends/procfile/index.js
import path24 from "node:path";
var LINE = /^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*?)\s*$/;
var TEMPLATE_TAGS = /^\s*(?:(?:\{\{[^{}\n]*\}\}|\{%(?:[^%\n]|%(?!\}))*%\}|\{#(?:[^#\n]|#(?!\}))*#\})\s*)+$/;
function analyzeProcfile(file) {
  const suppressions = /* @__PURE__ */ new Map();
  const problems = [];
  const entries = [];
  for (const ln of splitLines(file.text)) {
    if (/^\s*(#|$)/.test(ln.text))
      continue;
    if (TEMPLATE_TAGS.test(ln.text))
      continue;
    const m = LINE.exec(ln.text);
    if (!m) {
      problems.push({ message: `not a "name: command" line: ${JSON.stringify(ln.text.trim().slice(0, 40))}`, offset: ln.start });
      continue;
    }
    const cmdStart = ln.start + ln.text.indexOf(m[2], m[1].length + 1);
    within(SHELL_SCRIPT_CHARS, m[2].length);
    entries.push({ name: m[1], line: ln.no, start: ln.start, end: ln.start + ln.text.length, cmdStart, cmd: m[2] });
    entrySuppressions(suppressions, file, ln.no, ln.no);
  }
  const advice = (venv) => {
    const shown = showVenv3(venv);
    return `put its bin on PATH in the command (PATH="${shown.startsWith("/") ? shown : `$PWD/${shown}`}/bin:$PATH" \u2026)`;
  };
  const out = analyzeWithNamedVenvs((initial) => {
    const o = newCollected(file, "procfile");
    const venvs = new Map(initial);
    for (const e of entries) {
      const facts = { form: "shell", showVenv: showVenv3, unit: `the ${e.name} process`, scope: `in the ${e.name} process`, persistAdvice: advice };
      const script = e.cmd === "" ? { fragments: [] } : textWord(e.cmd, e.cmdStart);
      runShellCommand(script, "bash", "bash", {
        file,
        language: "procfile",
        api: e.name,
        callSpan: { start: e.start, end: e.end },
        order: e.line,
        envPath: DEFAULT_PATH,
        execLookupOnEnvPath: true,
        cwd: START_DIR,
        vars: /* @__PURE__ */ new Map(),
        venvs,
        execFacts: facts,
        shellFacts: facts,
        // Processes run side by side: an activation in one is not relied on by another.
        group: e
      }, o);
    }
    return { out: o, venvs };
  });
  out.problems.push(...unreadLinesThatMatter(file.text, problems));
  return finishAnalysis(out, suppressions);
}
var SCRIPT_EXTENSION = /\.(?:sh|bash|zsh|ksh|py|pyw|ps1|bat|cmd|rb|js|ts|pl)$/i;
var procfileFrontEnd = {
  language: "procfile",
  maxBytes: CONFIG_MAX_BYTES,
  claims(p) {
    const base = path24.posix.basename(p.replace(/\\/g, "/"));
    return base === "Procfile" || base.startsWith("Procfile.") && !SCRIPT_EXTENSION.test(base);
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeProcfile(file));
  }
};

// dist/src/frontends/crontab/index.js
import path25 from "node:path";
var HOME3 = "/__cron_home__";
var KEYWORDS2 = /* @__PURE__ */ new Set(["@reboot", "@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);
var TIME_FIELD = /^[0-9A-Za-z*\/,\-?LW#]+$/;
function commandWord(e) {
  if (e.text === "")
    return { fragments: [] };
  return { fragments: [{ kind: "text", text: e.text, offsets: e.offsets }], span: { start: e.offsets[0], end: e.offsets[e.offsets.length - 1] + 1 } };
}
var showCronVenv = shownVia([[HOME3, "~"]], showVenv3);
function parseCrontab(text3, system, problems) {
  const out = [];
  for (const ln of splitLines(text3)) {
    const t = ln.text;
    if (/^\s*(#|$)/.test(t))
      continue;
    const env2 = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(t);
    if (env2 && !/^\s*[@*0-9]/.test(t)) {
      let value = env2[2];
      const q = /^(["'])(.*)\1$/.exec(value);
      if (q)
        value = q[2];
      out.push({ kind: "env", name: env2[1], value, line: ln.no, span: { start: ln.start, end: ln.start + t.length } });
      continue;
    }
    const fields = [];
    const re = /\S+/g;
    for (let m = re.exec(t); m && fields.length < 8; m = re.exec(t))
      fields.push({ text: m[0], start: m.index });
    let n;
    if (fields[0]?.text.startsWith("@")) {
      if (!KEYWORDS2.has(fields[0].text)) {
        problems.push({ message: `unknown schedule ${JSON.stringify(fields[0].text)}`, offset: ln.start + fields[0].start });
        continue;
      }
      n = 1;
    } else {
      n = 5;
      if (fields.length < 6 || !fields.slice(0, 5).every((f) => TIME_FIELD.test(f.text))) {
        problems.push({ message: `not a crontab line (schedule, ${system ? "user, " : ""}command): ${JSON.stringify(t.trim().slice(0, 40))}`, offset: ln.start });
        continue;
      }
    }
    if (system || fields[n]?.text === "root" && fields.length > n + 1)
      n++;
    const cmdField = fields[n];
    if (!cmdField) {
      problems.push({ message: "crontab line without a command", offset: ln.start });
      continue;
    }
    within(SHELL_SCRIPT_CHARS, t.length - cmdField.start);
    let text4 = "";
    const offsets = [];
    for (let k = cmdField.start; k < t.length; k++) {
      if (t[k] === "\\" && t[k + 1] === "%") {
        text4 += "%";
        offsets.push(ln.start + k + 1);
        k++;
        continue;
      }
      if (t[k] === "%")
        break;
      text4 += t[k];
      offsets.push(ln.start + k);
    }
    out.push({ kind: "command", line: ln.no, span: { start: ln.start, end: ln.start + t.length }, text: text4, offsets });
  }
  return out;
}
function isSystemCrontab(p) {
  const n = p.replace(/\\/g, "/");
  return /(^|\/)cron\.d\/[^/]+$/.test(n) || /(^|\/)etc\/crontab$/.test(n);
}
function analyzeCrontab(file) {
  const read2 = [];
  const entries = parseCrontab(file.text, isSystemCrontab(file.path), read2);
  const problems = unreadLinesThatMatter(file.text, read2);
  const suppressions = /* @__PURE__ */ new Map();
  for (const e of entries)
    entrySuppressions(suppressions, file, e.line, e.line);
  const out = analyzeWithNamedVenvs((initial) => {
    const o = newCollected(file, "crontab");
    const venvs = new Map(initial);
    const vars = /* @__PURE__ */ new Map();
    let cronPath = CRON_PATH;
    let shell2 = "/bin/sh";
    let cwd = HOME3;
    let virtualEnv;
    for (const e of entries) {
      if (e.kind === "env") {
        if (e.name === "PATH")
          cronPath = e.value;
        else if (e.name === "SHELL")
          shell2 = e.value;
        else if (e.name === "HOME")
          cwd = resolveDir(e.value, "/");
        else
          vars.set(e.name, e.value);
        if (e.name === "VIRTUAL_ENV") {
          const venv = resolveDir(e.value, cwd);
          if (venv) {
            virtualEnv = { venv, span: e.span };
            nameVenv(o, venv, file, e.span.start);
          }
        }
        continue;
      }
      const base = path25.posix.basename(shell2);
      const dialect = base === "bash" ? "bash" : /^(sh|dash|ash)$/.test(base) ? "sh" : void 0;
      if (!dialect)
        continue;
      const facts = {
        form: "shell",
        showVenv: showCronVenv,
        unit: "this crontab line",
        scope: "in this crontab line",
        persistAdvice: (venv) => venv.startsWith(HOME3) ? `set PATH=/home/<user>${venv.slice(HOME3.length)}/bin:${CRON_PATH} on a line above it (an absolute path: cron expands neither ~ nor $HOME there)` : `set PATH=${venv}/bin:${CRON_PATH} on a line above it (cron does not expand $PATH there)`
      };
      const fileVars = new Map(vars);
      if (cwd !== void 0 && cwd !== HOME3)
        fileVars.set("HOME", cwd);
      runShellCommand(commandWord(e), dialect, shell2, {
        file,
        language: "crontab",
        api: "cron",
        callSpan: e.span,
        order: e.line,
        envPath: cronPath,
        execLookupOnEnvPath: true,
        cwd,
        vars: fileVars,
        venvs,
        execFacts: facts,
        shellFacts: facts,
        virtualEnv
      }, o);
    }
    return { out: o, venvs };
  });
  out.problems.push(...problems);
  return finishAnalysis(out, suppressions);
}
var crontabFrontEnd = {
  language: "crontab",
  maxBytes: CONFIG_MAX_BYTES,
  claims(p) {
    const n = p.replace(/\\/g, "/");
    const base = path25.posix.basename(n);
    if (base === "crontab" || /\.(crontab|cron)$/.test(base))
      return true;
    return /(^|\/)cron\.d\/[A-Za-z0-9_-]+$/.test(n);
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeCrontab(file));
  }
};

// dist/src/frontends/pre-commit/index.js
import path26 from "node:path";

// dist/src/frontends/config/ci-yaml.js
function readCiYaml(file) {
  const problems = [];
  checkYamlNesting(file.text);
  const doc = parseLenient(file.text, (t) => yaml().parseDocument(t, { prettyErrors: false, uniqueKeys: false }));
  for (const e of yamlErrors(doc.errors))
    problems.push({ message: `YAML: ${e.message.split("\n")[0]}`, offset: e.pos[0] });
  const meter = new BudgetMeter();
  const cfg = new Config(doc, meter);
  return { cfg, root: cfg.root, problems, file, meter };
}
function field(v, key) {
  return isMapping(v) ? v.entries.get(key)?.value : void 0;
}
function keyAt(v, key) {
  return isMapping(v) ? v.entries.get(key)?.key?.range?.[0] : void 0;
}
function itemsOf(y, v) {
  if (!isSeq(v))
    return [];
  return v.items.map((i) => y.cfg.valueOf(i, 0));
}
function scalarItem(y, v) {
  if (!isScalar(v) || !v.range || v.value === null || typeof v.value === "object")
    return void 0;
  y.meter.charge(YAML_EXPANDED_CHARS, String(v.value).length);
  const chars = typeof v.value === "string" ? scalarChars(y.file.text, v) : [...String(v.value)].map((ch) => ({ ch, off: -1 }));
  return { chars, span: trimmedSpan(y.file.text, v) };
}
function envOf2(v) {
  const out = /* @__PURE__ */ new Map();
  if (!isMapping(v))
    return out;
  for (const [k, e] of v.entries) {
    const t = scalarText(e.value);
    if (t !== void 0)
      out.set(k, t);
  }
  return out;
}
function linesOf(file, span) {
  const line = (o) => file.location(Math.min(o, file.text.length)).line;
  return { first: line(span.start), last: line(Math.max(span.start, span.end - 1)) };
}
function spanOf2(file, v) {
  if (v === void 0 || v === null)
    return void 0;
  if (isMapping(v)) {
    let start = Infinity;
    let end = -Infinity;
    for (const e of v.entries.values()) {
      const k = e.key?.range?.[0];
      if (k !== void 0)
        start = Math.min(start, k);
      const n2 = e.node;
      if (n2?.range)
        end = Math.max(end, trimmedSpan(file.text, n2).end);
      else if (e.key?.range)
        end = Math.max(end, e.key.range[1]);
    }
    return start <= end ? { start, end } : void 0;
  }
  const n = v;
  return n.range ? trimmedSpan(file.text, n) : void 0;
}

// dist/src/frontends/pre-commit/index.js
var SYSTEM = /* @__PURE__ */ new Set(["system", "unsupported"]);
var SCRIPT = /* @__PURE__ */ new Set(["script", "unsupported_script"]);
function analyzePreCommit(file) {
  const suppressions = /* @__PURE__ */ new Map();
  const y = readCiYaml(file);
  const problems = y.problems;
  const hooks = [];
  try {
    for (const repo of itemsOf(y, field(y.root, "repos"))) {
      if (scalarText(field(repo, "repo")) !== "local")
        continue;
      for (const hook of itemsOf(y, field(repo, "hooks"))) {
        if (!isMapping(hook))
          continue;
        const language2 = scalarText(field(hook, "language")) ?? "";
        const system = SYSTEM.has(language2);
        if (!system && !SCRIPT.has(language2))
          continue;
        const entry = scalarItem(y, field(hook, "entry"));
        if (!entry)
          continue;
        const argv = shlexSplit(entry.chars, problems);
        if (argv.length === 0)
          continue;
        if (!system && !argv[0].fragments.some((f) => f.kind === "text" && f.text.startsWith("/"))) {
          const dot = [{ ch: ".", off: -1 }, { ch: "/", off: -1 }];
          argv[0] = unitsToWord([...dot, ...wordUnits(argv[0])], argv[0].span);
        }
        for (const a of itemsOf(y, field(hook, "args"))) {
          const it = scalarItem(y, a);
          if (it)
            argv.push(unitsToWord(it.chars, it.span));
        }
        const hookSpan = spanOf2(file, hook) ?? entry.span;
        const { first, last } = linesOf(file, hookSpan);
        entrySuppressions(suppressions, file, first, last);
        const k = keyAt(hook, "entry");
        if (k !== void 0)
          entrySuppressions(suppressions, file, linesOf(file, { start: k, end: k + 1 }).first, last);
        hooks.push({
          id: scalarText(field(hook, "id")) ?? "?",
          argv,
          complete: scalarText(field(hook, "pass_filenames")) === "false",
          span: entry.span,
          line: first
        });
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError)
      throw e;
    problems.push({ message: `internal error while analysing the hooks: ${e.message}`, offset: 0 });
  }
  const out = analyzeWithNamedVenvs((initial) => {
    const o = newCollected(file, "pre-commit");
    const venvs = new Map(initial);
    for (const h of hooks) {
      const unit = `the hook "${h.id}"`;
      const advice = (venv) => `run it from the venv (entry: ${showVenv3(venv)}/bin/\u2026), or give the hook "language: python" and its additional_dependencies (pre-commit then makes its environment itself)`;
      const facts = { form: "exec", showVenv: showVenv3, unit, scope: `when ${unit} runs (the committer's PATH)`, persistAdvice: advice };
      runExecCommand(h.argv, h.complete, {
        file,
        language: "pre-commit",
        api: "entry",
        callSpan: h.span,
        order: h.line,
        envPath: DEFAULT_PATH,
        execLookupOnEnvPath: true,
        cwd: START_DIR,
        vars: /* @__PURE__ */ new Map(),
        venvs,
        execFacts: facts,
        shellFacts: { ...facts, form: "shell" },
        // Hooks run one after the other, each a process of its own: an activation lasts for none of the others.
        group: h
      }, o);
    }
    return { out: o, venvs };
  });
  out.problems.push(...problems);
  return finishAnalysis(out, suppressions);
}
var preCommitFrontEnd = {
  language: "pre-commit",
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p) {
    const base = path26.posix.basename(p.replace(/\\/g, "/"));
    return base === ".pre-commit-config.yaml" || base === ".pre-commit-config.yml";
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzePreCommit(file));
  }
};

// dist/src/frontends/azure/index.js
import path27 from "node:path";

// dist/src/frontends/config/ci-steps.js
function scriptOf(items) {
  const out = [];
  items.forEach((it, i) => {
    if (i > 0)
      out.push({ ch: "\n", off: -1 });
    pushAll(out, it.chars);
  });
  return out;
}
function runCiJobs(file, format, jobs, problems) {
  const run2 = new ConfigRun(file, { language: format.language, comments: format.comments });
  const show = shownVia([[format.home, "$HOME"]], shownUnder(format.workspace));
  const lineOf = (off) => file.location(Math.min(off, file.text.length)).line;
  let order = 0;
  for (const job of jobs) {
    const venvs = /* @__PURE__ */ new Map();
    const named = /* @__PURE__ */ new Set();
    const persisted = [];
    const group = job;
    let steps = 0;
    for (const step of job.steps) {
      const stepNo = steps++;
      order++;
      if (step.writesPath)
        persisted.unshift(...step.writesPath);
      if (step.items.length === 0)
        continue;
      run2.suppress(step.lines.first, step.lines.last, { above: step.lines.above });
      const script = scriptOf(step.items);
      const callSpan = { start: step.items[0].span.start, end: step.items[step.items.length - 1].span.end };
      const vars = new Map(step.env);
      const ownPath = vars.get("PATH");
      vars.delete("PATH");
      if (!vars.has("HOME"))
        vars.set("HOME", format.home);
      const startPath = [...step.pathPrepends ?? [], ...persisted, ownPath ?? DEFAULT_PATH].join(":");
      const pending = [];
      const facts = {
        form: "shell",
        showVenv: show,
        shellName: step.shellName,
        unit: format.unit,
        scope: `in ${format.unit}`,
        persistAdvice: (venv) => format.persistAdvice(venv, show)
      };
      run2.shell({
        api: step.api,
        callSpan,
        order,
        group,
        dialect: step.dialect,
        shHasSource: step.shHasSource,
        path: startPath,
        cwd: step.cwd ?? format.workspace,
        vars,
        venvs,
        named,
        originAt: (at, command2) => ({ line: lineOf(at), how: "created", where: `in step ${stepNo + 1}`, offset: at, end: command2?.end }),
        facts,
        normalizePath: format.normalizePath,
        rewriter: (program, venv, cwd) => {
          if (isUnder(venv, format.home))
            return void 0;
          const bin = binSeenFrom(venv, cwd, format.workspace);
          return bin === void 0 ? void 0 : programRewriter(file, program, bin);
        },
        intercept: format.pathWrite ? pathWriteOf(format.pathWrite, script, pending) : void 0,
        // A site of a list item is reported at that item (findings and suppressions per line).
        anchor: step.items.length > 1 ? itemAnchor(step.items.map((it) => it.span)) : void 0
      }, unitsToWord(script, callSpan));
      persisted.unshift(...pending);
    }
    run2.endGroup(group, venvOnPath([...persisted, DEFAULT_PATH].join(":"), venvs, named));
  }
  for (const p of problems)
    run2.problem(p.message, p.offset);
  return run2.finish();
}
function pathWriteOf(pathWrite, script, pending) {
  let indexOfOff;
  const restOf = (cmd) => {
    if (!indexOfOff) {
      indexOfOff = /* @__PURE__ */ new Map();
      for (let k = script.length - 1; k >= 0; k--)
        if (script[k].off >= 0)
          indexOfOff.set(script[k].off, k);
    }
    const at = cmd.span ? indexOfOff.get(cmd.span.start) ?? -1 : -1;
    if (at < 0)
      return "";
    let nl = at;
    while (nl < script.length && script[nl].ch !== "\n")
      nl++;
    return script.slice(at, nl).map((c) => c.ch).join("");
  };
  return (cmd, sh, valueOf) => {
    const dirs = pathWrite(cmd, valueOf, restOf(cmd), sh);
    if (!dirs)
      return false;
    pending.unshift(...dirs);
    return true;
  };
}
function itemAnchor(spans) {
  return (site) => {
    const at = site.argv.map((w) => wordSourceSpan(w)?.start).find((o) => o !== void 0);
    return spans.find((sp) => at !== void 0 && at >= sp.start && at < sp.end) ?? site.callSpan;
  };
}
function pathPrefixOf(assignment, cwd) {
  const m = /^\s*(?:export\s+)?PATH=(["']?)(.*?)\1\s*;?\s*$/.exec(assignment);
  if (!m)
    return void 0;
  const out = [];
  for (const entry of m[2].split(":")) {
    if (/\$\{?PATH\}?/.test(entry) || entry.includes(DEFAULT_PATH))
      return out.length ? out : void 0;
    const d = resolveDir(entry, cwd);
    if (d === void 0 || hasUnknown(d))
      return void 0;
    out.push(d);
  }
  return void 0;
}
function activationBinOf(line, cwd) {
  const m = /^\s*(?:source|\.)\s+(["']?)(\S+?)\/bin\/activate\1\s*;?\s*$/.exec(line);
  if (!m)
    return void 0;
  const d = resolveDir(m[2], cwd);
  return d === void 0 ? void 0 : `${d}/bin`;
}
function echoed(cmd, valueOf) {
  const w0 = cmd.words[0] === void 0 ? void 0 : wordText(cmd.words[0]);
  if (w0 !== "echo" && w0 !== "printf")
    return void 0;
  const args = cmd.words.slice(1);
  if (w0 === "echo")
    while (args.length && /^-[neE]+$/.test(wordText(args[0]) ?? ""))
      args.shift();
  else if (args.length > 1 && /^%s(\\n)?$/.test(wordText(args[0]) ?? ""))
    args.shift();
  return args.map(valueOf).join(" ").replace(w0 === "printf" ? /\\n$/ : /$^/, "");
}
function unknownChars(at) {
  return [{ ch: UNKNOWN2, off: at }];
}

// dist/src/frontends/azure/index.js
var WS2 = "/__azure_sources__";
var HOME4 = "/__azure_home__";
var WORKSPACE_VARS = ["Build.SourcesDirectory", "System.DefaultWorkingDirectory", "Build.Repository.LocalPath"];
var WORKSPACE_ENV = /\$\{?(BUILD_SOURCESDIRECTORY|SYSTEM_DEFAULTWORKINGDIRECTORY|BUILD_REPOSITORY_LOCALPATH)\}?(?![A-Za-z0-9_])/g;
var FORMAT = {
  language: "azure-pipelines",
  comments: { line: "#", trailing: "#" },
  workspace: WS2,
  home: HOME4,
  unit: "this step",
  persistAdvice: (venv, show) => `write the venv's bin to PATH for the later steps (echo "##vso[task.prependpath]${show(venv).startsWith("/") || show(venv).startsWith("$") ? show(venv) : `$(Build.SourcesDirectory)/${show(venv)}`}/bin")`,
  pathWrite(cmd, valueOf, _rest, sh) {
    const out = echoed(cmd, valueOf);
    const m = out === void 0 ? void 0 : /^##vso\[task\.prependpath\](.*)$/.exec(out.trim());
    if (!m)
      return void 0;
    const d = resolveDir(m[1].trim(), sh.cwd);
    return d === void 0 ? [] : [d];
  },
  normalizePath: (p) => p.replace(WORKSPACE_ENV, WS2)
};
function variablesOf(y, v, into) {
  if (isMapping(v)) {
    for (const [k, val] of envOf2(v))
      into.set(k, val);
    return;
  }
  for (const item of itemsOf(y, v)) {
    const name = scalarText(field(item, "name"));
    const value = scalarText(field(item, "value"));
    if (name !== void 0 && value !== void 0)
      into.set(name, value);
  }
}
function expandMacros(chars, vars) {
  const text3 = chars.map((c) => c.ch).join("");
  if (!text3.includes("$("))
    return chars;
  const out = [];
  let k = 0;
  const re = /\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g;
  for (let m = re.exec(text3); m; m = re.exec(text3)) {
    const name = m[1];
    const known2 = vars.get(name);
    const isWs2 = WORKSPACE_VARS.some((w) => w.toLowerCase() === name.toLowerCase());
    if (!isWs2 && known2 === void 0 && !name.includes("."))
      continue;
    for (let j = k; j < m.index; j++)
      out.push(chars[j]);
    const at = chars[m.index].off;
    if (isWs2)
      for (const ch of WS2)
        out.push({ ch, off: -1 });
    else if (known2 !== void 0 && !known2.includes("$("))
      for (const ch of known2)
        out.push({ ch, off: -1 });
    else
      out.push(...unknownChars(at));
    k = m.index + m[0].length;
  }
  for (let j = k; j < chars.length; j++)
    out.push(chars[j]);
  return out;
}
var isWindowsPool = (y, pool) => {
  const image = scalarText(field(pool, "vmImage")) ?? "";
  const demands = JSON.stringify(itemsOf(y, field(pool, "demands")).map((d) => scalarText(d)));
  return /windows|win20|vs20/i.test(image) || /Agent\.OS\s*-equals\s*Windows/i.test(demands);
};
function analyzeAzure(file) {
  const y = readCiYaml(file);
  const jobs = [];
  const lineOf = (off) => file.location(Math.min(off, file.text.length)).line;
  try {
    const root = y.root;
    if (root) {
      const top = /* @__PURE__ */ new Map();
      variablesOf(y, field(root, "variables"), top);
      const topWindows = isWindowsPool(y, field(root, "pool"));
      const readJob = (job, inherited, windows) => {
        const vars = new Map(inherited);
        variablesOf(y, field(job, "variables"), vars);
        const pool = field(job, "pool");
        if (pool !== void 0 ? isWindowsPool(y, pool) : windows)
          return;
        const lists = [itemsOf(y, field(job, "steps"))];
        const walk = (v, depth) => {
          if (!isMapping(v) || depth > 4)
            return;
          for (const [k, e] of v.entries) {
            if (k === "steps")
              lists.push(itemsOf(y, e.value));
            else
              walk(e.value, depth + 1);
          }
        };
        walk(field(job, "strategy"), 0);
        function* steps() {
          try {
            for (const list of lists) {
              for (const step of list) {
                const s = readStep(step, vars);
                if (s === "tool-python")
                  yield toolPythonStep();
                else if (s)
                  yield s;
              }
            }
          } catch (e) {
            if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError)
              throw e;
            y.problems.push({ message: `internal error while analysing the pipeline: ${e.message}`, offset: 0 });
          }
        }
        if (lists.some((l) => l.length > 0))
          jobs.push({ steps: steps() });
      };
      const readStep = (step, vars) => {
        if (!isMapping(step))
          return void 0;
        const task = scalarText(field(step, "task"));
        if (task !== void 0 && /^UsePythonVersion@/i.test(task))
          return "tool-python";
        let key;
        let scriptValue;
        if (field(step, "script") !== void 0)
          [key, scriptValue] = ["script", field(step, "script")];
        else if (field(step, "bash") !== void 0)
          [key, scriptValue] = ["bash", field(step, "bash")];
        else if (task !== void 0 && /^(Bash|ShellScript)@/i.test(task)) {
          const inputs = field(step, "inputs");
          const inline = scalarText(field(inputs, "targetType"));
          if (inline === void 0 || !/^inline$/i.test(inline))
            return void 0;
          [key, scriptValue] = ["task", field(inputs, "script")];
        }
        if (key === void 0)
          return void 0;
        const item = scalarItem(y, scriptValue);
        if (!item)
          return void 0;
        const env2 = /* @__PURE__ */ new Map();
        for (const [k2, v] of vars)
          env2.set(k2.toUpperCase().replace(/\./g, "_"), v);
        for (const [k2, v] of envOf2(field(step, "env")))
          env2.set(k2, v);
        if (env2.has("PATH"))
          env2.set("PATH", env2.get("PATH").replace(/\$\{?PATH\}?/g, DEFAULT_PATH));
        const wd = scalarText(field(step, "workingDirectory"));
        const cwd = wd === void 0 ? WS2 : resolveDir(expandMacros([...wd].map((ch) => ({ ch, off: -1 })), vars).map((c) => c.ch).join(""), WS2);
        const stepSpan = spanOf2(file, step) ?? item.span;
        const k = keyAt(step, key === "task" ? "task" : key) ?? stepSpan.start;
        const { first, last } = linesOf(file, { start: Math.min(stepSpan.start, k), end: Math.max(stepSpan.end, item.span.end) });
        return {
          api: key,
          items: [{ chars: expandMacros(item.chars, vars), span: item.span }],
          lines: { first, last, above: [lineOf(stepSpan.start) - 1, lineOf(k) - 1] },
          dialect: "bash",
          shHasSource: true,
          shellName: "bash",
          env: env2,
          cwd
        };
      };
      const jobsOf = (v, vars, windows) => {
        for (const j of itemsOf(y, v))
          if (isMapping(j) && (j.entries.has("job") || j.entries.has("deployment")))
            readJob(j, vars, windows);
      };
      if (field(root, "steps") !== void 0)
        readJob(root, top, topWindows);
      jobsOf(field(root, "jobs"), top, topWindows);
      for (const stage of itemsOf(y, field(root, "stages"))) {
        const vars = new Map(top);
        variablesOf(y, field(stage, "variables"), vars);
        const pool = field(stage, "pool");
        jobsOf(field(stage, "jobs"), vars, pool !== void 0 ? isWindowsPool(y, pool) : topWindows);
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError)
      throw e;
    y.problems.push({ message: `internal error while analysing the pipeline: ${e.message}`, offset: 0 });
  }
  return runCiJobs(file, FORMAT, jobs, y.problems);
}
function toolPythonStep() {
  return { api: "task", items: [], writesPath: [DEFAULT_PATH], lines: { first: 0, last: 0, above: [] }, dialect: "bash", shHasSource: true, shellName: "bash", env: /* @__PURE__ */ new Map() };
}
var azureFrontEnd = {
  language: "azure-pipelines",
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p) {
    const norm = p.replace(/\\/g, "/");
    const base = path27.posix.basename(norm);
    return /^azure-pipelines[\w.-]*\.ya?ml$/.test(base) || /(^|\/)\.azure-pipelines\/[^/]+\.ya?ml$/.test(norm);
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeAzure(file));
  }
};

// dist/src/frontends/circleci/index.js
import path28 from "node:path";
var WS3 = "/__circleci_project__";
var HOME5 = "/__circleci_home__";
var FORMAT2 = {
  language: "circleci",
  comments: { line: "#", trailing: "#" },
  workspace: WS3,
  home: HOME5,
  unit: "this run step",
  persistAdvice: (venv, show) => `append its activation to $BASH_ENV (echo 'source ${show(venv).startsWith("/") || show(venv).startsWith("$") ? show(venv) : `$CIRCLE_WORKING_DIRECTORY/${show(venv)}`}/bin/activate' >> "$BASH_ENV") so that later steps start with it`,
  pathWrite(cmd, valueOf, rest, sh) {
    if (!/>>\s*("?)\$(?:BASH_ENV|\{BASH_ENV\})\1/.test(rest))
      return void 0;
    const echo = echoed(cmd, valueOf);
    if (echo === void 0)
      return void 0;
    const line = echo.replace(/(^|[\s=:])~(?=\/|$)/g, `$1${HOME5}`);
    const bin = activationBinOf(line, sh.cwd);
    if (bin !== void 0)
      return [bin];
    return pathPrefixOf(line.replace(/\$\{?PATH\}?/g, "$PATH"), sh.cwd) ?? [];
  },
  normalizePath: (p) => p.replace(/\$\{?CIRCLE_WORKING_DIRECTORY\}?(?![A-Za-z0-9_])/g, WS3)
};
var TEMPLATE = /<<\s*([#^/]?)\s*(?:pipeline|parameters)\.[\w.-]+\s*>>/g;
var fillTemplates = (cs) => replaceChars(cs, TEMPLATE, "<<", (m, s) => ({ text: m[1] ? "" : inArithmetic(s, m.index) ? "0" : UNKNOWN2, at: true }));
var lacksBash = (image) => /(^|\/)(alpine|busybox)(:|$)|[:-]alpine/.test(image);
var MAX_COMMAND_DEPTH = 8;
function* expandedSteps(y, list, commands, using = []) {
  for (const step of list) {
    const name = scalarText(step) ?? (isMapping(step) && step.entries.size === 1 ? [...step.entries.keys()][0] : void 0);
    const command2 = name === void 0 || name === "run" ? void 0 : field(commands, name);
    if (command2 === void 0) {
      yield step;
      continue;
    }
    if (using.includes(name) || using.length >= MAX_COMMAND_DEPTH)
      continue;
    yield* expandedSteps(y, itemsOf(y, field(command2, "steps")), commands, [...using, name]);
  }
}
function analyzeCircleci(file) {
  const y = readCiYaml(file);
  const jobs = [];
  const lineOf = (off) => file.location(Math.min(off, file.text.length)).line;
  try {
    const root = y.root;
    const commands = field(root, "commands");
    const jobsMap = field(root, "jobs");
    if (isMapping(jobsMap)) {
      for (const [, entry] of jobsMap.entries) {
        const job = entry.value;
        if (!isMapping(job))
          continue;
        const machineImage = scalarText(field(field(job, "machine"), "image")) ?? "";
        const executor = scalarText(field(job, "executor")) ?? scalarText(field(field(job, "executor"), "name")) ?? "";
        if (/windows/i.test(machineImage) || /^win\//.test(executor) || /windows/i.test(executor))
          continue;
        const macos = field(job, "macos") !== void 0;
        const image = scalarText(field(itemsOf(y, field(job, "docker"))[0], "image")) ?? "";
        const jobShell = scalarText(field(job, "shell"));
        const jobEnv = envOf2(field(job, "environment"));
        const wd = scalarText(field(job, "working_directory"));
        const jobCwd = wd === void 0 ? WS3 : resolveDir(wd.replace(/^~\/project(?=\/|$)/, WS3).replace(/^~(?=\/|$)/, HOME5), WS3) ?? WS3;
        const list = [...expandedSteps(y, itemsOf(y, field(job, "steps")), commands)];
        function* steps() {
          try {
            for (const step of list) {
              const runValue = field(step, "run");
              if (runValue === void 0)
                continue;
              const command2 = isMapping(runValue) ? field(runValue, "command") : runValue;
              const raw = scalarItem(y, command2);
              if (!raw)
                continue;
              const item = { ...raw, chars: fillTemplates(raw.chars) };
              const shell2 = (isMapping(runValue) ? scalarText(field(runValue, "shell")) : void 0) ?? jobShell;
              const shellProg = shell2 === void 0 ? lacksBash(image) && !macos ? "sh" : "bash" : path28.posix.basename(shell2.trim().split(/\s+/)[0]);
              if (!/^(bash|sh|dash|zsh)$/.test(shellProg))
                continue;
              const env2 = new Map(jobEnv);
              for (const [k2, v] of envOf2(isMapping(runValue) ? field(runValue, "environment") : void 0))
                env2.set(k2, v);
              if (env2.has("PATH"))
                env2.set("PATH", env2.get("PATH").replace(/\$\{?PATH\}?/g, DEFAULT_PATH));
              const swd = isMapping(runValue) ? scalarText(field(runValue, "working_directory")) : void 0;
              const cwd = swd === void 0 ? jobCwd : resolveDir(swd.replace(/^~(?=\/|$)/, HOME5), jobCwd);
              const stepSpan = spanOf2(file, step) ?? item.span;
              const k = keyAt(step, "run") ?? stepSpan.start;
              const { first, last } = linesOf(file, { start: Math.min(stepSpan.start, k), end: Math.max(stepSpan.end, item.span.end) });
              const dialect = shellProg === "bash" || shellProg === "zsh" ? "bash" : "sh";
              yield {
                api: "run",
                items: [item],
                lines: { first, last, above: [lineOf(stepSpan.start) - 1, lineOf(k) - 1] },
                dialect,
                // sh here is busybox ash (an image without bash) or the agent's: `source` is not claimed to fail.
                shHasSource: true,
                shellName: shell2?.trim().split(/\s+/)[0] ?? (dialect === "bash" ? "/bin/bash" : "/bin/sh"),
                env: env2,
                cwd
              };
            }
          } catch (e) {
            if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError)
              throw e;
            y.problems.push({ message: `internal error while analysing the configuration: ${e.message}`, offset: 0 });
          }
        }
        if (list.some((step) => field(step, "run") !== void 0))
          jobs.push({ steps: steps() });
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError)
      throw e;
    y.problems.push({ message: `internal error while analysing the configuration: ${e.message}`, offset: 0 });
  }
  return runCiJobs(file, FORMAT2, jobs, y.problems);
}
var circleciFrontEnd = {
  language: "circleci",
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p) {
    return /(^|\/)\.circleci\/config\.ya?ml$/.test(p.replace(/\\/g, "/"));
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeCircleci(file));
  }
};

// dist/src/frontends/bitbucket/index.js
import path29 from "node:path";
var WS4 = "/__bitbucket_clone__";
var HOME6 = "/__bitbucket_home__";
var FORMAT3 = {
  language: "bitbucket-pipelines",
  comments: { line: "#", trailing: "#" },
  workspace: WS4,
  home: HOME6,
  unit: "this step",
  persistAdvice: (venv, show) => `activate it ("source ${show(venv)}/bin/activate") in the script before the commands that use it (a step's script lines run in one shell; after-script and other steps need their own)`,
  normalizePath: (p) => p.replace(/\$\{?BITBUCKET_CLONE_DIR\}?(?![A-Za-z0-9_])/g, WS4)
};
var imageName = (v) => scalarText(v) ?? scalarText(field(v, "name")) ?? "";
var lacksBash2 = (image) => /(^|\/)(alpine|busybox)(:|$)|[:-]alpine/.test(image);
function analyzeBitbucket(file) {
  const y = readCiYaml(file);
  const jobs = [];
  const lineOf = (off) => file.location(Math.min(off, file.text.length)).line;
  const topImage = imageName(field(y.root, "image"));
  const readStep = (stepItem) => {
    const step = field(stepItem, "step");
    if (!isMapping(step))
      return;
    const image = imageName(field(step, "image")) || topImage;
    const sh = lacksBash2(image);
    const stepSpan = spanOf2(file, stepItem);
    const shells = [];
    for (const key of ["script", "after-script"]) {
      const items = [];
      for (const line of itemsOf(y, field(step, key))) {
        const it = scalarItem(y, line);
        if (it)
          items.push(it);
      }
      if (items.length === 0)
        continue;
      const k = keyAt(step, key) ?? items[0].span.start;
      const { first, last } = linesOf(file, { start: Math.min(k, stepSpan?.start ?? k), end: items[items.length - 1].span.end });
      shells.push({
        api: key,
        items,
        lines: { first, last, above: [lineOf(stepSpan?.start ?? k) - 1, lineOf(k) - 1] },
        dialect: sh ? "sh" : "bash",
        shHasSource: true,
        shellName: sh ? "/bin/sh" : "bash",
        env: /* @__PURE__ */ new Map()
      });
    }
    if (shells.length)
      jobs.push({ steps: shells });
  };
  const readList = (list, depth) => {
    if (depth > 4)
      return;
    for (const item of itemsOf(y, list)) {
      if (!isMapping(item))
        continue;
      if (item.entries.has("step"))
        readStep(item);
      const parallel = field(item, "parallel");
      if (parallel !== void 0)
        readList(isMapping(parallel) ? field(parallel, "steps") : parallel, depth + 1);
      const stage = field(item, "stage");
      if (stage !== void 0)
        readList(field(stage, "steps"), depth + 1);
    }
  };
  try {
    const pipelines = field(y.root, "pipelines");
    if (isMapping(pipelines)) {
      for (const [name, e] of pipelines.entries) {
        if (name === "default")
          readList(e.value, 0);
        else if (isMapping(e.value))
          for (const sub of e.value.entries.values())
            readList(sub.value, 0);
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError)
      throw e;
    y.problems.push({ message: `internal error while analysing the pipelines: ${e.message}`, offset: 0 });
  }
  return runCiJobs(file, FORMAT3, jobs, y.problems);
}
var bitbucketFrontEnd = {
  language: "bitbucket-pipelines",
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p) {
    return path29.posix.basename(p.replace(/\\/g, "/")) === "bitbucket-pipelines.yml";
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeBitbucket(file));
  }
};

// dist/src/frontends/jenkins/index.js
import path30 from "node:path";

// dist/src/frontends/jenkins/groovy.js
var ESCAPES2 = { n: "\n", t: "	", r: "\r", b: "\b", f: "\f", "\\": "\\", "'": "'", '"': '"', $: "$", "/": "/" };
function lineEndAt(src, i) {
  if (src[i] === "\n")
    return 1;
  if (src[i] === "\r")
    return src[i + 1] === "\n" ? 2 : 1;
  return 0;
}
function endOfLine(src, i) {
  while (i < src.length && src[i] !== "\n" && src[i] !== "\r")
    i++;
  return i;
}
function skipBlank(src, i) {
  for (; ; ) {
    while (i < src.length && /\s/.test(src[i]))
      i++;
    if (src.startsWith("//", i)) {
      i = endOfLine(src, i + 2);
    } else if (src.startsWith("/*", i)) {
      const e = src.indexOf("*/", i + 2);
      i = e < 0 ? src.length : e + 2;
    } else
      return i;
  }
}
function skipInline(src, i) {
  for (; ; ) {
    while (i < src.length && (src[i] === " " || src[i] === "	"))
      i++;
    if (src.startsWith("/*", i)) {
      const e = src.indexOf("*/", i + 2);
      i = e < 0 ? src.length : e + 2;
    } else if (src[i] === "\\" && lineEndAt(src, i + 1) > 0) {
      i += 1 + lineEndAt(src, i + 1);
    } else
      return i;
  }
}
var isQuote = (c) => c === "'" || c === '"';
function readString(src, i) {
  const q = src[i];
  const triple = src.startsWith(q.repeat(3), i);
  const delim = triple ? q.repeat(3) : q;
  const gstring = q === '"';
  const parts = [];
  let text3 = [];
  const flush = () => {
    if (text3.length)
      parts.push({ kind: "text", chars: text3 });
    text3 = [];
  };
  let k = i + delim.length;
  while (k < src.length) {
    if (k - i > SHELL_SCRIPT_CHARS.limit)
      within(SHELL_SCRIPT_CHARS, k - i);
    if (src.startsWith(delim, k)) {
      flush();
      return { parts, start: i, end: k + delim.length };
    }
    const c = src[k];
    if (!triple && (c === "\n" || c === "\r"))
      break;
    if (c === "\\") {
      const n = src[k + 1];
      if (lineEndAt(src, k + 1) > 0) {
        k += 1 + lineEndAt(src, k + 1);
        continue;
      }
      if (n !== void 0 && n in ESCAPES2) {
        text3.push({ ch: ESCAPES2[n], off: k });
        k += 2;
        continue;
      }
      if (n === "u" && /^[0-9a-fA-F]{4}$/.test(src.slice(k + 2, k + 6))) {
        text3.push({ ch: String.fromCharCode(parseInt(src.slice(k + 2, k + 6), 16)), off: k });
        k += 6;
        continue;
      }
      text3.push({ ch: c, off: k });
      k++;
      continue;
    }
    if (gstring && c === "$") {
      if (src[k + 1] === "{") {
        let depth = 1;
        let j = k + 2;
        while (j < src.length && depth > 0) {
          if (src[j] === "{")
            depth++;
          else if (src[j] === "}")
            depth--;
          else if (isQuote(src[j])) {
            j = readString(src, j).end;
            continue;
          }
          if (depth > 0)
            j++;
        }
        flush();
        parts.push({ kind: "expr", expr: src.slice(k + 2, j).trim(), at: k });
        k = j + 1;
        continue;
      }
      const m = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(k + 1, k + 200));
      if (m) {
        flush();
        parts.push({ kind: "expr", expr: m[0], at: k });
        k += 1 + m[0].length;
        continue;
      }
    }
    text3.push({ ch: c, off: k });
    k++;
  }
  flush();
  return { parts, start: i, end: k, open: true };
}
function bracketMatcher(src) {
  let closeOf;
  return (i) => {
    closeOf ??= matchAll(src);
    const c = closeOf[i];
    return c === NOT_MET ? matching(src, i) : c;
  };
}
var NOT_MET = -2;
function matchAll(src) {
  const closeOf = new Int32Array(src.length).fill(NOT_MET);
  const open = { "(": [], "[": [], "{": [] };
  const openOf = { ")": "(", "]": "[", "}": "{" };
  let k = 0;
  while (k < src.length) {
    const c = src[k];
    if (isQuote(c)) {
      k = readString(src, k).end;
      continue;
    }
    if (src.startsWith("//", k) || src.startsWith("/*", k)) {
      k = skipBlank(src, k);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") {
      open[c].push(k);
      closeOf[k] = -1;
    } else if (c === ")" || c === "]" || c === "}") {
      const o = open[openOf[c]].pop();
      if (o !== void 0)
        closeOf[o] = k;
    }
    k++;
  }
  return closeOf;
}
function matching(src, i) {
  const open = src[i];
  const close = open === "(" ? ")" : open === "[" ? "]" : "}";
  let depth = 0;
  let k = i;
  while (k < src.length) {
    const c = src[k];
    if (isQuote(c)) {
      k = readString(src, k).end;
      continue;
    }
    if (src.startsWith("//", k) || src.startsWith("/*", k)) {
      k = skipBlank(src, k);
      continue;
    }
    if (c === open)
      depth++;
    else if (c === close && --depth === 0)
      return k;
    k++;
  }
  return -1;
}

// dist/src/frontends/jenkins/index.js
var WS5 = "/__jenkins_workspace__";
var HOME7 = "/__jenkins_home__";
var FORMAT4 = {
  language: "jenkins",
  comments: { line: "/", trailing: "/" },
  workspace: WS5,
  home: HOME7,
  unit: "this sh step",
  persistAdvice: (venv, show) => `activate it in the same sh step, or wrap the steps that use it in withEnv(["PATH+VENV=${show(venv).startsWith("/") || show(venv).startsWith("$") ? show(venv) : `\${WORKSPACE}/${show(venv)}`}/bin"]) { \u2026 }`,
  normalizePath: (p) => p.replace(/\$\{?WORKSPACE\}?(?![A-Za-z0-9_])/g, WS5)
};
function analyzeJenkins(file) {
  const src = file.text;
  const problems = [];
  const ready2 = [];
  const lineOf = (off) => file.location(Math.min(off, src.length)).line;
  const match = bracketMatcher(src);
  let unclosed = false;
  const frames = [{ env: /* @__PURE__ */ new Map(), prepends: [], cwd: WS5 }];
  let pending;
  const top = () => frames[frames.length - 1];
  const lookup = (name) => {
    for (let f = frames.length - 1; f >= 0; f--)
      if (frames[f].env.has(name))
        return frames[f].env.get(name);
    return void 0;
  };
  const valueOf = (expr) => {
    const e = expr.replace(/^env\./, "").replace(/\s+/g, "");
    if (e === "WORKSPACE" || e === "pwd()")
      return WS5;
    if (e === "PATH")
      return "$PATH";
    if (/^[A-Za-z_]\w*$/.test(e))
      return lookup(e);
    return void 0;
  };
  const charsOf = (s) => {
    const out = [];
    for (const p of s.parts) {
      if (p.kind === "text")
        for (const c of p.chars)
          out.push(c);
      else {
        const v = valueOf(p.expr);
        if (v === void 0 || v.includes(UNKNOWN2))
          out.push(...unknownChars(p.at));
        else
          for (const ch of v)
            out.push({ ch, off: -1 });
      }
    }
    return out;
  };
  const textOf = (s) => charsOf(s).map((c) => c.ch).join("");
  const setVar = (f, name, value) => {
    const plus = /^PATH\+\w*$/.test(name);
    if (plus) {
      const d = resolveDir(value, f.cwd);
      if (d !== void 0 && !d.includes(UNKNOWN2))
        f.prepends.unshift(d);
      return;
    }
    if (name === "PATH") {
      const dirs = pathPrefixOf(`PATH=${value}`, f.cwd);
      if (dirs)
        f.prepends.unshift(...dirs);
      return;
    }
    f.env.set(name, value);
  };
  const shStep = (at, script, concatenated, margin) => {
    const chars = charsOf(script);
    if (margin !== void 0)
      stripMargin(chars, margin);
    if (concatenated)
      chars.push(...unknownChars(script.end));
    const body = chars.map((c) => c.ch).join("");
    const shebang = /^\s*#!\s*(\S+)/.exec(body)?.[1];
    if (shebang !== void 0 && !/\/(ba|da)?sh$/.test(shebang))
      return;
    const env2 = /* @__PURE__ */ new Map();
    for (const f2 of frames)
      for (const [k, v] of f2.env)
        env2.set(k, v);
    env2.set("WORKSPACE", WS5);
    const f = top();
    const prepends = [];
    for (let k = frames.length - 1; k >= 0; k--)
      prepends.push(...frames[k].prepends);
    const first = lineOf(at);
    ready2.push({
      api: "sh",
      items: [{ chars, span: { start: script.start, end: script.end } }],
      lines: { first, last: lineOf(Math.max(at, script.end - 1)), above: [first - 1] },
      dialect: shebang !== void 0 && /bash$/.test(shebang) ? "bash" : "sh",
      shHasSource: true,
      shellName: shebang ?? "sh -xe",
      env: env2,
      pathPrepends: prepends,
      cwd: f.cwd
    });
  };
  function* scan() {
    let i = 0;
    while (i < src.length) {
      for (const s of ready2.splice(0))
        yield s;
      const c = src[i];
      if (c === "{" || c === "}") {
        if (c === "{")
          frames.push(pending ?? { env: /* @__PURE__ */ new Map(), prepends: [], cwd: top().cwd });
        else if (frames.length > 1)
          frames.pop();
        pending = void 0;
        i++;
        continue;
      }
      if (c === "/" && (src[i + 1] === "/" || src[i + 1] === "*")) {
        i = skipBlank(src, i);
        continue;
      }
      if (isQuote(c)) {
        const s = readString(src, i);
        if (s.open)
          problems.push({ message: "Groovy: unterminated string", offset: i });
        i = s.end;
        continue;
      }
      if (!/[A-Za-z_]/.test(c) || i > 0 && /[\w.$]/.test(src[i - 1])) {
        i++;
        continue;
      }
      const word = /^[A-Za-z_]\w*/.exec(src.slice(i, i + 64))[0];
      const after = i + word.length;
      if (word === "sh") {
        i = readSh(i, after);
        continue;
      }
      if (word === "withEnv" || word === "dir") {
        const open = skipInline(src, after);
        const close = src[open] === "(" ? match(open) : -1;
        const brace = close < 0 ? -1 : skipBlank(src, close + 1);
        if (close > 0 && src[brace] === "{") {
          const f = { env: /* @__PURE__ */ new Map(), prepends: [], cwd: top().cwd };
          const strings = stringsIn(open, close);
          if (word === "dir") {
            const d = strings[0] ? resolveDir(textOf(strings[0]), top().cwd) : void 0;
            f.cwd = d ?? `${WS5}/${UNKNOWN2}`;
          } else {
            frames.push(f);
            for (const s of strings) {
              const t = textOf(s);
              const eq = t.indexOf("=");
              if (eq > 0)
                setVar(f, t.slice(0, eq), t.slice(eq + 1));
            }
            frames.pop();
          }
          pending = f;
          i = brace;
          continue;
        }
      }
      if (word === "environment") {
        const brace = skipBlank(src, after);
        if (src[brace] === "{") {
          const end = match(brace);
          const stop = end < 0 ? src.length : end;
          const f = top();
          const re = /([A-Za-z_][\w+]*)\s*=\s*/g;
          re.lastIndex = brace + 1;
          for (let m = re.exec(src); m && m.index < stop; m = re.exec(src)) {
            const v = re.lastIndex;
            if (isQuote(src[v])) {
              const s = readString(src, v);
              setVar(f, m[1], textOf(s));
              re.lastIndex = s.end;
            } else
              f.env.set(m[1], UNKNOWN2);
          }
          i = stop + 1;
          continue;
        }
      }
      i = after;
    }
    for (const s of ready2.splice(0))
      yield s;
  }
  function stringsIn(open, close) {
    const out = [];
    let k = open + 1;
    while (k < close) {
      if (isQuote(src[k])) {
        const s = readString(src, k);
        out.push(s);
        k = s.end;
      } else
        k++;
    }
    return out;
  }
  function readSh(at, after) {
    let k = skipInline(src, after);
    let end;
    const paren = src[k] === "(";
    if (paren) {
      end = match(k);
      if (end < 0) {
        if (!unclosed)
          problems.push({ message: "Groovy: unclosed (", offset: k });
        unclosed = true;
        end = k + 1;
      }
      k = skipBlank(src, k + 1);
    } else if (!isQuote(src[k]))
      end = commandEnd(k);
    let s;
    if (isQuote(src[k]))
      s = readString(src, k);
    else if (end !== void 0) {
      const m = /\bscript\s*:\s*/.exec(src.slice(k, end));
      const v = m ? k + m.index + m[0].length : -1;
      if (v >= 0 && isQuote(src[v]))
        s = readString(src, v);
    }
    const past = end !== void 0 && !paren ? end : after;
    if (!s)
      return past;
    if (s.open) {
      problems.push({ message: "Groovy: unterminated string", offset: s.start });
      return s.end;
    }
    const concatenated = /^\s*\+/.test(src.slice(s.end, s.end + 20));
    const margin = STRIP_MARGIN.exec(src.slice(s.end, s.end + 40));
    shStep(at, s, concatenated, margin ? margin[2] ?? "|" : void 0);
    return Math.max(s.end, past);
  }
  function commandEnd(k) {
    let end = k;
    let last = "";
    while (end < src.length && src[end] !== "}" && src[end] !== "{" && src[end] !== ";") {
      const nl = lineEndAt(src, end);
      if (nl > 0) {
        if (last !== ",")
          break;
        end += nl;
        continue;
      }
      if (src.startsWith("//", end)) {
        end = endOfLine(src, end);
        continue;
      }
      if (src.startsWith("/*", end)) {
        const e = src.indexOf("*/", end + 2);
        end = e < 0 ? src.length : e + 2;
        continue;
      }
      if (isQuote(src[end])) {
        last = src[end];
        end = readString(src, end).end;
        continue;
      }
      if (!/\s/.test(src[end]))
        last = src[end];
      end++;
    }
    return end;
  }
  return runCiJobs(file, FORMAT4, [{ steps: scan() }], problems);
}
var STRIP_MARGIN = /^\s*\.stripMargin\(\s*(?:(['"])(.)\1\s*)?\)/;
function stripMargin(chars, margin) {
  let lineStart = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c.ch === "\n") {
      lineStart = true;
      continue;
    }
    if (!lineStart)
      continue;
    if (c.ch === " " || c.ch === "	")
      continue;
    if (c.ch === margin)
      chars[i] = { ch: " ", off: c.off };
    lineStart = false;
  }
}
var jenkinsFrontEnd = {
  language: "jenkins",
  maxBytes: CONFIG_MAX_BYTES,
  claims(p) {
    const base = path30.posix.basename(p.replace(/\\/g, "/"));
    return base === "Jenkinsfile" || /^Jenkinsfile[._-][\w.-]+$/.test(base) && !/\.(md|txt|bak|orig|sh|bash|zsh|py|ya?ml|json|ps1|bat|cmd|ini|cfg|toml)$/i.test(base) || base.endsWith(".jenkinsfile");
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeJenkins(file));
  }
};

// dist/src/frontends/compose/index.js
import fs6 from "node:fs";
import path32 from "node:path";

// dist/src/frontends/dockerfile/image.js
import path31 from "node:path";
function imageStages(shown, parsed, context, baseOf, exists) {
  const esc = parsed.escape;
  const stages = [];
  const byName = /* @__PURE__ */ new Map();
  let globalArgs = /* @__PURE__ */ new Map();
  let st;
  for (const inst of parsed.instructions) {
    const kw = inst.keyword;
    const args = text(inst.args);
    if (kw === "FROM") {
      const { rest } = splitFlags(inst.args);
      const m = /^(\S+)(?:\s+as\s+(\S+))?/i.exec(text(rest).trim());
      const base = m ? expandVars(m[1], globalArgs) : "";
      const parent = byName.get(base.toLowerCase()) ?? (hasUnknown(base) ? void 0 : baseOf(base));
      const vars = new Map(parent?.vars ?? []);
      if (!parent) {
        if (!knownBaseImage(base.toLowerCase()))
          vars.set("PATH", IMAGE_PATH);
        for (const [k, v] of globalArgs)
          if (!vars.has(k))
            vars.set(k, v);
      }
      st = {
        describe: m?.[2] ? `${shown} (stage ${m[2]})` : shown,
        vars,
        workdir: parent?.workdir ?? "/",
        venvs: new Set(parent?.venvs ?? []),
        virtualEnv: parent?.virtualEnv,
        copies: [...parent?.copies ?? []],
        entrypoint: parent?.entrypoint,
        cmd: parent?.cmd,
        healthcheck: parent?.healthcheck,
        shHasSource: parent ? parent.shHasSource : shHasSourceIn(base)
      };
      stages.push(st);
      byName.set(String(stages.length - 1), st);
      if (m?.[2])
        byName.set(m[2].toLowerCase(), st);
      continue;
    }
    if (!st) {
      if (kw === "ARG")
        globalArgs = new Map([...globalArgs, ...parseKeyValues(args, globalArgs, esc, false)]);
      continue;
    }
    const cur = st;
    switch (kw) {
      case "ENV":
      case "ARG":
        for (const [k, v] of parseKeyValues(args, cur.vars, esc, kw === "ENV")) {
          if (kw === "ARG" && v === UNKNOWN2 && (cur.vars.has(k) || globalArgs.has(k))) {
            if (!cur.vars.has(k))
              cur.vars.set(k, globalArgs.get(k));
            continue;
          }
          cur.vars.set(k, v);
          if (k === "VIRTUAL_ENV")
            cur.virtualEnv = kw === "ENV" ? resolveDir(v, cur.workdir) : void 0;
        }
        break;
      case "WORKDIR": {
        const d = resolveDir(expandVars(unquote(args.trim(), esc).value, cur.vars), cur.workdir);
        if (d)
          cur.workdir = d;
        break;
      }
      case "RUN":
        for (const v of venvsCreated(inst.heredocs.length ? inst.heredocs.map((h) => text(h.body)).join("\n") : splitFlags(inst.args).rest.map((c) => c.ch).join(""), cur.vars)) {
          const dir = resolveDir(v, cur.workdir);
          if (dir)
            cur.venvs.add(dir);
        }
        break;
      case "COPY":
      case "ADD": {
        const { flags, rest } = splitFlags(inst.args);
        const argv = parseExecForm(rest)?.map((w) => wordText(w) ?? UNKNOWN2) ?? text(rest).trim().split(/\s+/).map((w) => unquote(w, esc).value);
        if (argv.length < 2 || inst.heredocs.length)
          break;
        const rawDest = expandVars(argv[argv.length - 1], cur.vars);
        const dest = resolveDir(rawDest, cur.workdir);
        if (!dest)
          break;
        const sources = argv.slice(0, -1);
        const intoDir = sources.length > 1 || rawDest.endsWith("/");
        const from = flags.get("from");
        if (from !== void 0) {
          const src = byName.get(from.toLowerCase());
          const under = (p, f) => p === f || p.startsWith(f === "/" ? "/" : f + "/");
          const moved = (p, f) => path31.posix.join(dest, p.slice(f.length)).replace(/\/+$/, "") || "/";
          for (const s of sources) {
            const f = src && resolveDir(expandVars(s, src.vars), src.workdir);
            if (!f)
              continue;
            for (const v of src.venvs)
              if (under(v, f))
                cur.venvs.add(moved(v, f));
            if (sources.length === 1)
              for (const c of src.copies) {
                if (under(c.dest, f))
                  cur.copies.push({ ...c, dest: moved(c.dest, f) });
              }
          }
          break;
        }
        for (const s of sources) {
          const src = expandVars(s, cur.vars);
          if (hasUnknown(src) || /[*?[\]]|^[a-z]+:\/\//i.test(src) || src.startsWith("/"))
            continue;
          const host = path31.resolve(context, src);
          if (host !== context && !host.startsWith(context + path31.sep))
            continue;
          const kind = exists(host);
          if (kind)
            cur.copies.push({ dest, host, folder: kind === "folder", intoDir });
        }
        break;
      }
      case "HEALTHCHECK": {
        const command2 = healthcheckCommand(inst.args);
        cur.healthcheck = command2 ? startWords(command2) : void 0;
        break;
      }
      case "CMD":
      case "ENTRYPOINT": {
        const words2 = startWords(inst.args);
        if (kw === "ENTRYPOINT") {
          cur.entrypoint = words2;
          cur.cmd = void 0;
        } else
          cur.cmd = words2;
        break;
      }
    }
  }
  return stages;
}
function venvsCreated(script, vars) {
  if (!/venv|virtualenv/.test(script))
    return [];
  const out = [];
  for (const cmd of script.split(/&&|\|\||[;|\n]/)) {
    const words2 = splitWords2(cmd).map((w) => expandVars(w, vars));
    while (words2.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words2[0]) || /^(sudo|env|exec|nice|time)$/.test(words2[0])))
      words2.shift();
    const dir = createdVenv(words2.map((w) => hasUnknown(w) ? { fragments: [{ kind: "unknown" }] } : textWord(w)));
    if (dir !== void 0 && !hasUnknown(dir))
      out.push(dir);
  }
  return out;
}
function splitWords2(s) {
  const out = [];
  let cur = "";
  let q = "";
  let any = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q)
        q = "";
      else if (c === "\\" && q === '"' && i + 1 < s.length)
        cur += s[++i];
      else
        cur += c;
      continue;
    }
    if (c === '"' || c === "'") {
      q = c;
      any = true;
      continue;
    }
    if (c === "\\" && i + 1 < s.length) {
      cur += s[++i];
      any = true;
      continue;
    }
    if (/\s/.test(c)) {
      if (cur || any)
        out.push(cur);
      cur = "";
      any = false;
      continue;
    }
    cur += c;
  }
  if (cur || any)
    out.push(cur);
  return out;
}
function startWords(args) {
  const exec = parseExecForm(args);
  if (exec)
    return exec.map((w) => wordText(w) ?? UNKNOWN2);
  return ["/bin/sh", "-c", text(args).trim()];
}

// dist/src/frontends/compose/index.js
var kindOf = (p) => {
  try {
    const st = fs6.statSync(p);
    return st.isDirectory() ? "folder" : st.isFile() ? "file" : void 0;
  } catch {
    return void 0;
  }
};
function builtImage(composeDir, build) {
  const context = scalarText(build) ?? scalarText(field(build, "context")) ?? (isMapping(build) ? "." : void 0);
  if (context === void 0 || context.includes("$") || /^[a-z]+:\/\//i.test(context) || context.startsWith("git@"))
    return void 0;
  if (isMapping(build) && field(build, "dockerfile_inline") !== void 0)
    return void 0;
  const df = scalarText(field(build, "dockerfile")) ?? "Dockerfile";
  if (df.includes("$"))
    return void 0;
  const ctx = path32.resolve(composeDir, context);
  const dockerfile = path32.resolve(ctx, df);
  let text3;
  try {
    if (fs6.statSync(dockerfile).size > 2 * 1024 * 1024)
      return void 0;
    text3 = fs6.readFileSync(dockerfile, "utf8");
  } catch {
    return void 0;
  }
  try {
    const stages = imageStages(path32.relative(composeDir, dockerfile) || path32.basename(dockerfile), parseDockerfile(text3), ctx, () => void 0, kindOf);
    const target = scalarText(field(build, "target"));
    return target === void 0 ? stages[stages.length - 1] : stages.find((s) => s.describe.endsWith(`(stage ${target})`));
  } catch (e) {
    if (e instanceof TooComplexError)
      return void 0;
    throw e;
  }
}
var uninterpolated = (cs) => replaceChars(cs, /\$\$/g, "$$", () => ({ text: "$", at: true }));
function argvOf(y, v, problems) {
  const s = scalarItem(y, v);
  if (s)
    return shlexSplit(uninterpolated(s.chars), problems);
  const items = itemsOf(y, v);
  if (!items.length)
    return void 0;
  const out = [];
  for (const it of items) {
    const w = scalarItem(y, it);
    if (!w)
      return void 0;
    out.push(unitsToWord(uninterpolated(w.chars), w.span));
  }
  return out;
}
function analyzeCompose(file) {
  const suppressions = /* @__PURE__ */ new Map();
  const y = readCiYaml(file);
  y.problems.splice(0, y.problems.length, ...y.problems.filter((p) => !/tag/i.test(p.message)));
  const problems = y.problems;
  const o = newCollected(file, "compose");
  const composeDir = path32.dirname(path32.resolve(file.path));
  try {
    const services = field(y.root, "services");
    if (isMapping(services)) {
      for (const [name, entry] of services.entries) {
        const svc = entry.value;
        if (!isMapping(svc) || field(svc, "build") === void 0)
          continue;
        const env2 = field(svc, "environment");
        const setsPath = isMapping(env2) ? env2.entries.has("PATH") : itemsOf(y, env2).some((e) => /^PATH(=|$)/.test(scalarText(e) ?? ""));
        if (setsPath || field(svc, "env_file") !== void 0)
          continue;
        const entrypoint = field(svc, "entrypoint");
        const command2 = field(svc, "command");
        if (entrypoint === void 0 && command2 === void 0)
          continue;
        const image = builtImage(composeDir, field(svc, "build"));
        if (!image)
          continue;
        let argv;
        let key = "entrypoint";
        if (entrypoint !== void 0) {
          argv = argvOf(y, entrypoint, problems);
          const args = command2 === void 0 ? void 0 : argvOf(y, command2, problems);
          if (argv && args)
            argv = [...argv, ...args];
        } else if (image.entrypoint === void 0) {
          key = "command";
          argv = argvOf(y, command2, problems);
        }
        if (!argv || argv.length === 0)
          continue;
        const at = keyAt(svc, key) ?? 0;
        const spans = [spanOf2(file, key === "entrypoint" ? entrypoint : command2), key === "entrypoint" && command2 !== void 0 ? spanOf2(file, command2) : void 0].filter((x) => x !== void 0);
        const valueSpan = spans.length ? { start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)) } : { start: at, end: at };
        const { first, last } = linesOf(file, { start: at, end: valueSpan.end });
        entrySuppressions(suppressions, file, first, last);
        const buildLine = linesOf(file, { start: keyAt(svc, "build") ?? at, end: (keyAt(svc, "build") ?? at) + 1 }).first;
        const venvs = /* @__PURE__ */ new Map();
        for (const v of image.venvs)
          venvs.set(v, { line: buildLine, how: "created", where: `in ${image.describe}, the image this service builds` });
        const workingDir = scalarText(field(svc, "working_dir"));
        const cwd = workingDir !== void 0 && workingDir.startsWith("/") ? workingDir : image.workdir;
        const vars = new Map(image.vars);
        const envPath = vars.get("PATH") ?? DEFAULT_PATH;
        vars.delete("PATH");
        const unit = `the ${name} service's ${key}`;
        const facts = {
          form: "exec",
          showVenv: (v) => v,
          unit,
          scope: `when the ${name} container starts`,
          persistAdvice: (venv) => `put it on the image's PATH (ENV PATH="${venv}/bin:$PATH" in ${image.describe}) or run ${venv}/bin/\u2026 in ${key}:`
        };
        runExecCommand(argv, true, {
          file,
          language: "compose",
          api: key,
          callSpan: valueSpan,
          order: first,
          envPath,
          execLookupOnEnvPath: true,
          cwd,
          vars,
          venvs,
          execFacts: facts,
          shellFacts: { ...facts, form: "shell" },
          group: svc,
          shHasSource: image.shHasSource
        }, o);
      }
    }
  } catch (e) {
    if (isParserTrap(e) || e instanceof ParserDamagedError || e instanceof TooComplexError)
      throw e;
    problems.push({ message: `internal error while analysing the services: ${e.message}`, offset: 0 });
  }
  o.problems.push(...problems);
  return finishAnalysis(o, suppressions);
}
var composeFrontEnd = {
  language: "compose",
  maxBytes: YAML_CONFIG_MAX_BYTES,
  claims(p) {
    return /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(path32.posix.basename(p.replace(/\\/g, "/")));
  },
  mayMatter: configMayMatter,
  analyze(file, use) {
    return use(analyzeCompose(file));
  }
};

// dist/src/frontends/notebook/index.js
import fs7 from "node:fs";
import path33 from "node:path";

// dist/src/frontends/notebook/json.js
var PLAIN = /[^"\\\u0000-\u001f]*/y;
var JsonError = class extends Error {
  offset;
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
};
var MAX_DEPTH3 = 512;
function parseJson(text3, want = "all") {
  return new Reader(text3).whole(want);
}
function parseJsonAt(text3, start, want = "all") {
  return new Reader(text3, start).value(0, want);
}
var Reader = class {
  text;
  i;
  n;
  constructor(text3, i = 0) {
    this.text = text3;
    this.i = i;
    this.n = text3.length;
  }
  whole(want) {
    const v = this.value(0, want);
    this.ws();
    if (this.i < this.n)
      this.fail("expected the end of the file");
    return v;
  }
  ws() {
    const { text: text3, n } = this;
    let i = this.i;
    while (i < n) {
      const c = text3.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9)
        i++;
      else
        break;
    }
    this.i = i;
  }
  fail(what) {
    const { text: text3, n, i } = this;
    throw new JsonError(i >= n ? `unexpected end of the file, ${what}` : `unexpected ${JSON.stringify(text3[i])}, ${what}`, Math.min(i, n));
  }
  /** Reads a string token; returns its start (its end is this.i). */
  str() {
    const { text: text3, n } = this;
    const start = this.i++;
    while (this.i < n) {
      PLAIN.lastIndex = this.i;
      PLAIN.test(text3);
      this.i = PLAIN.lastIndex;
      if (this.i >= n)
        break;
      const c = text3.charCodeAt(this.i);
      if (c === 34) {
        this.i++;
        return start;
      }
      if (c === 92) {
        const e = text3[this.i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text3.slice(this.i + 2, this.i + 6))) {
            this.i += 2;
            this.fail("expected four hex digits after \\u");
          }
          this.i += 6;
        } else if (e !== void 0 && '"\\/bfnrt'.includes(e))
          this.i += 2;
        else {
          this.i++;
          this.fail("not a JSON string escape");
        }
      } else if (c < 32)
        this.fail("a control character inside a string");
      else
        this.i++;
    }
    return this.fail("expected the end of a string");
  }
  /** The items of the array at this.i, each read by `item` (which starts at the item's first character); returns their number. */
  list(item) {
    const { text: text3 } = this;
    this.i++;
    let count = 0;
    this.ws();
    if (text3[this.i] === "]") {
      this.i++;
      return count;
    }
    for (; ; ) {
      this.ws();
      item();
      count++;
      this.ws();
      if (text3[this.i] === ",") {
        this.i++;
        continue;
      }
      if (text3[this.i] === "]") {
        this.i++;
        return count;
      }
      this.fail('expected "," or "]"');
    }
  }
  /** An array read with `Want` 'strings'. */
  strings(depth, start) {
    let spans = new Int32Array(16);
    let n = 0;
    let only = true;
    const items = this.list(() => {
      if (only && this.text[this.i] === '"') {
        const s = this.str();
        if (n + 2 > spans.length) {
          const more = new Int32Array(spans.length * 2);
          more.set(spans);
          spans = more;
        }
        spans[n++] = s;
        spans[n++] = this.i;
      } else {
        only = false;
        this.value(depth + 1, "skip");
      }
    });
    return only ? { kind: "strings", start, end: this.i, spans: spans.slice(0, n) } : { kind: "skipped", start, end: this.i, of: "array", items };
  }
  value(depth, want) {
    if (depth > MAX_DEPTH3)
      this.fail(`nested more than ${MAX_DEPTH3} levels deep`);
    this.ws();
    const { text: text3 } = this;
    const c = text3[this.i];
    const start = this.i;
    const skip = want === "skip";
    if (c === "{") {
      const members = typeof want === "object" && "members" in want ? want.members : void 0;
      const keep2 = want === "all" || members !== void 0;
      this.i++;
      const entries = [];
      const done = () => keep2 ? { kind: "object", start, end: this.i, entries } : { kind: "skipped", start, end: this.i, of: "object", items: 0 };
      this.ws();
      if (text3[this.i] === "}") {
        this.i++;
        return done();
      }
      for (; ; ) {
        this.ws();
        if (text3[this.i] !== '"')
          this.fail("expected a key");
        const k = this.str();
        const kEnd = this.i;
        this.ws();
        if (text3[this.i] !== ":")
          this.fail('expected ":"');
        this.i++;
        if (!keep2)
          this.value(depth + 1, "skip");
        else {
          const key = decodeText2(text3, { kind: "string", start: k, end: kEnd });
          if (members === void 0)
            entries.push([key, this.value(depth + 1, "all")]);
          else {
            const w = Object.prototype.hasOwnProperty.call(members, key) ? members[key] : void 0;
            if (w === void 0)
              this.value(depth + 1, "skip");
            else
              entries.push([key, this.value(depth + 1, w)]);
          }
        }
        this.ws();
        if (text3[this.i] === ",") {
          this.i++;
          continue;
        }
        if (text3[this.i] === "}") {
          this.i++;
          return done();
        }
        this.fail('expected "," or "}"');
      }
    }
    if (c === "[" && want === "strings")
      return this.strings(depth, start);
    if (c === "[") {
      const itemWant = want === "all" ? "all" : typeof want === "object" && "items" in want ? want.items : void 0;
      const items = [];
      const count = this.list(() => {
        if (itemWant === void 0)
          this.value(depth + 1, "skip");
        else
          items.push(this.value(depth + 1, itemWant));
      });
      return itemWant !== void 0 ? { kind: "array", start, end: this.i, items } : { kind: "skipped", start, end: this.i, of: "array", items: count };
    }
    if (c === '"') {
      this.str();
      return skip ? { kind: "skipped", start, end: this.i, of: "string", items: 0 } : { kind: "string", start, end: this.i };
    }
    const m = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null/y;
    m.lastIndex = this.i;
    const r = m.exec(text3);
    if (!r)
      return this.fail("expected a value");
    this.i += r[0].length;
    const kind = /^[tfn]/.test(r[0]) ? "literal" : "number";
    return skip ? { kind: "skipped", start, end: this.i, of: kind, items: 0 } : { kind, start, end: this.i, text: r[0] };
  }
};
var SIMPLE = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "	" };
function decodedLength(text3, start, stop) {
  const end = stop - 1;
  let units = 0;
  for (let i = start + 1; i < end; units++) {
    if (text3.charCodeAt(i) !== 92)
      i++;
    else
      i += text3[i + 1] === "u" ? 6 : 2;
  }
  return units;
}
function decodeString(text3, s) {
  const units = decodedLength(text3, s.start, s.end);
  const starts = new Int32Array(units);
  const ends = new Int32Array(units);
  return { text: decodeInto(text3, s.start, s.end, starts, ends, 0), starts, ends };
}
function decodeInto(text3, start, stop, starts, ends, at) {
  const parts = [];
  let i = start + 1;
  const end = stop - 1;
  let u = at;
  let run2 = i;
  while (i < end) {
    if (text3.charCodeAt(i) !== 92) {
      starts[u] = i;
      ends[u++] = ++i;
      continue;
    }
    if (run2 < i)
      parts.push(text3.slice(run2, i));
    const e = text3[i + 1];
    starts[u] = i;
    if (e === "u") {
      parts.push(String.fromCharCode(parseInt(text3.slice(i + 2, i + 6), 16)));
      i += 6;
    } else {
      parts.push(SIMPLE[e]);
      i += 2;
    }
    ends[u++] = i;
    run2 = i;
  }
  if (run2 === start + 1)
    return text3.slice(run2, end);
  if (run2 < end)
    parts.push(text3.slice(run2, end));
  return parts.join("");
}
function decodeText2(text3, s) {
  const inner = text3.slice(s.start + 1, s.end - 1);
  return inner.includes("\\") ? decodeString(text3, s).text : inner;
}
function member(v, key) {
  if (v?.kind !== "object")
    return void 0;
  for (let k = v.entries.length - 1; k >= 0; k--)
    if (v.entries[k][0] === key)
      return v.entries[k][1];
  return void 0;
}
function jsonStringContent(s) {
  return JSON.stringify(s).slice(1, -1);
}

// dist/src/frontends/notebook/cells.js
function charAt(cell, i) {
  return { ch: cell.text[i], start: cell.starts[i], end: cell.ends[i], token: cell.token[i] };
}
var NotebookError = class extends Error {
  offset;
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
};
var METADATA = { members: { kernelspec: { members: { language: "all" } }, language_info: { members: { name: "all" } }, colab: "skip", kaggle: "skip", jupytext: { members: { formats: "all" } } } };
var ROOT = { members: { nbformat: "all", cells: "skip", worksheets: { items: { members: { cells: "skip" } } }, metadata: METADATA } };
var cellsWant = (source) => ({ items: { members: { cell_type: "all", [source]: "strings", metadata: { members: { tags: "strings" } } } } });
var CELLS = cellsWant("source");
var CELLS_V3 = cellsWant("input");
function readNotebook(text3) {
  let root;
  try {
    root = parseJson(text3, ROOT);
  } catch (e) {
    if (e instanceof JsonError)
      throw new NotebookError(`not valid JSON: ${e.message}`, e.offset);
    throw e;
  }
  if (root.kind !== "object")
    throw new NotebookError("not a Jupyter notebook: the file is JSON but not an object", root.start);
  const nbformat = member(root, "nbformat");
  const major = nbformat?.kind === "number" ? Number(nbformat.text) : void 0;
  if (major === void 0)
    throw new NotebookError('not a Jupyter notebook: no "nbformat" number', root.start);
  if (major < 3)
    throw new NotebookError(`nbformat ${major} notebook: only nbformat 3 and 4 are read (convert it with \`jupyter nbconvert --to notebook --nbformat 4\`)`, nbformat.start);
  if (major > 4)
    throw new NotebookError(`nbformat ${major} notebook: only nbformat 3 and 4 are read`, nbformat.start);
  const lists = [];
  if (major === 4) {
    const list = member(root, "cells");
    if (list?.kind !== "skipped" || list.of !== "array")
      throw new NotebookError('not an nbformat 4 notebook: no "cells" list', (list ?? root).start);
    lists.push(list);
  } else {
    const sheets = member(root, "worksheets");
    if (sheets?.kind !== "array")
      throw new NotebookError('not an nbformat 3 notebook: no "worksheets" list', (sheets ?? root).start);
    for (const sheet of sheets.items) {
      const list = member(sheet, "cells");
      if (list?.kind !== "skipped" || list.of !== "array")
        throw new NotebookError('not an nbformat 3 notebook: a worksheet without a "cells" list', (list ?? sheet).start);
      lists.push(list);
    }
  }
  within(NOTEBOOK_CELLS, lists.reduce((n, l) => n + (l.kind === "skipped" ? l.items : 0), 0));
  const metadata = member(root, "metadata");
  const lang = member(member(metadata, "kernelspec"), "language") ?? member(member(metadata, "language_info"), "name");
  const out = { cells: [], problems: [], language: lang?.kind === "string" ? decodeText2(text3, lang).toLowerCase() : void 0, colab: member(metadata, "colab") !== void 0, kaggle: member(metadata, "kaggle") !== void 0 };
  const jupytext = member(metadata, "jupytext");
  if (jupytext) {
    const formats = member(jupytext, "formats");
    out.jupytext = formats?.kind === "string" ? { formats: decodeText2(text3, formats) } : {};
  }
  const sourceKey = major === 4 ? "source" : "input";
  let chars = 0;
  let index = 0;
  for (const l of lists) {
    const cells = parseJsonAt(text3, l.start, major === 4 ? CELLS : CELLS_V3);
    if (cells.kind !== "array")
      throw new Error("the cells list read again is not a list");
    for (const cell of cells.items) {
      const k = index++;
      const type = member(cell, "cell_type");
      if (type?.kind !== "string" || decodeText2(text3, type) !== "code")
        continue;
      const source = member(cell, sourceKey);
      let tokens;
      if (source?.kind === "string")
        tokens = Int32Array.of(source.start, source.end);
      else if (source?.kind === "strings")
        tokens = source.spans;
      else {
        out.problems.push({ message: `cell ${k + 1}: its "${sourceKey}" is not a string or a list of strings; not checked`, offset: (source ?? cell).start });
        continue;
      }
      const count = tokens.length / 2;
      const lengths = new Int32Array(count);
      let n = 0;
      for (let t = 0; t < count; t++)
        n += lengths[t] = decodedLength(text3, tokens[2 * t], tokens[2 * t + 1]);
      chars += n;
      within(NOTEBOOK_SOURCE_CHARS, chars);
      const starts = new Int32Array(n);
      const ends = new Int32Array(n);
      const token = new Int32Array(n);
      const parts = [];
      let at = 0;
      for (let t = 0; t < count; t++) {
        if (lengths[t] === 0)
          continue;
        parts.push(decodeInto(text3, tokens[2 * t], tokens[2 * t + 1], starts, ends, at));
        token.fill(t, at, at + lengths[t]);
        at += lengths[t];
      }
      const src = parts.length === 1 ? parts[0] : parts.join("");
      const list = source.kind === "strings";
      const separator = list && count > 1 ? text3.slice(tokens[1], tokens[2]) : list ? `,${text3.slice(source.start + 1, count ? tokens[0] : source.start + 1)}` : "";
      const tagList = member(member(cell, "metadata"), "tags");
      const tags = [];
      if (tagList?.kind === "strings")
        for (let t = 0; t < tagList.spans.length; t += 2)
          tags.push(decodeText2(text3, { kind: "string", start: tagList.spans[t], end: tagList.spans[t + 1] }));
      out.cells.push({ index: k + 1, text: src, starts, ends, token, lines: splitCellLines(src), tokens, form: list ? "list" : "string", separator, tags });
    }
  }
  return out;
}
function splitCellLines(src) {
  const lines = [];
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) {
      const brkEnd = c === 13 && src.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      lines.push({ from, to: i, brkEnd, text: src.slice(from, i) });
      from = brkEnd;
      i = brkEnd - 1;
    }
  }
  lines.push({ from, to: src.length, brkEnd: src.length, text: src.slice(from) });
  return lines;
}
var SHELL_MAGIC = /^(\s*)(?:([A-Za-z_([][\w.,\t ()[\]'"]*?)\s*=\s*)?(!!|!|%sx\b|%system\b)\s*/;
function lineKind(text3) {
  const m = SHELL_MAGIC.exec(text3);
  if (m) {
    const esc = m[3];
    if (text3.length > m[0].length || esc !== "!") {
      const form = m[2] !== void 0 ? "assign" : esc === "!" ? "system" : esc === "%system" ? "magic" : "capture";
      return { kind: "shell", form, marker: m[0].lastIndexOf(esc), from: m[0].length };
    }
  }
  const t = text3.trimStart();
  if (t.startsWith("%"))
    return { kind: "magic", pathSet: /^%env\s+PATH\b/.test(t) };
  if (/^[A-Za-z_][\w.]*\s*=\s*%[A-Za-z]/.test(t))
    return { kind: "magic" };
  const auto = AUTOMAGIC.exec(t);
  if (auto)
    return { kind: "magic", pathSet: auto[1] === "env" && /^env\s+PATH\b/.test(t) };
  if (/^\?/.test(t) || /^[A-Za-z_][\w.]*\?\??\s*$/.test(t))
    return { kind: "magic" };
  return { kind: "python" };
}
var AUTOMAGIC = /^(cd|ls|ll|pwd|cat|cp|mv|rm|mkdir|rmdir|pip|conda|mamba|env|set_env|load_ext|reload_ext|matplotlib|pylab|run|who|whos|history|reset|store|autoreload|tensorflow_version)(?:\s+(?![=+\-*/%&|^<>!,)\]}:;]|\.(?![./])|in\b|is\b|and\b|or\b|not\b|if\b|else\b|for\b)\S|\s*$)/;
var PYTHON_BODY_MAGICS = /* @__PURE__ */ new Set(["time", "timeit", "capture", "prun", "debug", "skip", "memit", "tensorflow_version"]);
function magicLineOf(texts) {
  let k = 0;
  while (k < texts.length - 1 && /^#@(?:title|markdown)\b/.test(texts[k]))
    k++;
  return k > 0 && /^%%\w/.test(texts[k]) ? k : 0;
}
function cellMagic(first) {
  const m = /^%%(\w+)\s*(.*)$/.exec(first);
  if (!m)
    return { kind: "none" };
  const name = m[1];
  if (name === "bash" || name === "sh")
    return { kind: "shell", dialect: name, program: name };
  if (name === "script") {
    const args = m[2].split(/\s+/).filter((a) => !a.startsWith("-"));
    const prog = args[0]?.replace(/^.*\//, "");
    if (prog === "bash" || prog === "sh" || prog === "dash")
      return { kind: "shell", dialect: prog === "bash" ? "bash" : "sh", program: args[0] };
    return m[2].trim() === "" ? { kind: "other" } : { kind: "script", from: first.indexOf(m[2]) };
  }
  if (PYTHON_BODY_MAGICS.has(name))
    return { kind: "python-body" };
  return { kind: "other" };
}
function statementStarts(lines) {
  const out = [];
  let depth = 0;
  let triple;
  let cont = false;
  for (const line of lines) {
    out.push(depth === 0 && triple === void 0 && !cont);
    cont = false;
    if (out[out.length - 1] && lineKind(line).kind !== "python") {
      cont = /\\$/.test(line);
      continue;
    }
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      if (triple !== void 0) {
        if (c === "\\")
          i += 2;
        else if (line.startsWith(triple, i)) {
          i += 3;
          triple = void 0;
        } else
          i++;
        continue;
      }
      if (c === "#")
        break;
      if (c === '"' || c === "'") {
        if (line.startsWith(c.repeat(3), i)) {
          triple = c.repeat(3);
          i += 3;
          continue;
        }
        i++;
        while (i < line.length && line[i] !== c)
          i += line[i] === "\\" ? 2 : 1;
        i++;
        continue;
      }
      if (c === "(" || c === "[" || c === "{")
        depth++;
      else if ((c === ")" || c === "]" || c === "}") && depth > 0)
        depth--;
      i++;
    }
    if (triple === void 0 && /\\$/.test(line))
      cont = true;
  }
  return out;
}

// dist/src/frontends/notebook/virtual.js
var VirtualModule = class {
  parts = [];
  /** The cells characters come from; a character's cell is an index here (-1: no place). */
  cells = [];
  n = 0;
  cellOf;
  tokenOf;
  startOf;
  endOf;
  synthOf;
  /** `capacity`: the characters it is expected to hold (it grows past them when it must). */
  constructor(capacity = 1024) {
    const cap = Math.max(capacity, 16);
    this.cellOf = new Int32Array(cap);
    this.tokenOf = new Int32Array(cap);
    this.startOf = new Int32Array(cap);
    this.endOf = new Int32Array(cap);
    this.synthOf = new Uint8Array(cap);
  }
  get text() {
    return this.parts.join("");
  }
  get length() {
    return this.n;
  }
  /** Where module character `i` comes from (undefined: nowhere, or past the end). */
  ref(i) {
    if (i < 0 || i >= this.n || this.cellOf[i] < 0)
      return void 0;
    const r = { cell: this.cells[this.cellOf[i]], token: this.tokenOf[i], start: this.startOf[i], end: this.endOf[i] };
    if (this.synthOf[i])
      r.synthetic = true;
    return r;
  }
  /** The cell's characters [from, to), in order. */
  pushRange(cell, from, to) {
    if (to <= from)
      return;
    this.room(to - from);
    const id = this.cellId(cell);
    this.parts.push(cell.text.slice(from, to));
    const n = this.n;
    this.cellOf.fill(id, n, n + to - from);
    this.tokenOf.set(cell.token.subarray(from, to), n);
    this.startOf.set(cell.starts.subarray(from, to), n);
    this.endOf.set(cell.ends.subarray(from, to), n);
    this.synthOf.fill(0, n, n + to - from);
    this.n += to - from;
  }
  /** `pass` (or nothing) in place of an IPython line, anchored before its first character. */
  synth(text3, cell, at) {
    this.room(text3.length);
    this.parts.push(text3);
    const id = at ? this.cellId(cell) : -1;
    for (let k = 0; k < text3.length; k++) {
      const i = this.n++;
      this.cellOf[i] = id;
      this.tokenOf[i] = at ? at.token : 0;
      this.startOf[i] = at ? at.start : 0;
      this.endOf[i] = at ? at.start : 0;
      this.synthOf[i] = 1;
    }
  }
  cellId(cell) {
    if (this.cells[this.cells.length - 1] !== cell)
      this.cells.push(cell);
    return this.cells.length - 1;
  }
  room(more) {
    const need = this.n + more;
    if (need <= this.cellOf.length)
      return;
    let cap = this.cellOf.length;
    while (cap < need)
      cap *= 2;
    const grow = (a, make) => {
      const b = make(cap);
      b.set(a.subarray(0, this.n));
      return b;
    };
    this.cellOf = grow(this.cellOf, (k) => new Int32Array(k));
    this.tokenOf = grow(this.tokenOf, (k) => new Int32Array(k));
    this.startOf = grow(this.startOf, (k) => new Int32Array(k));
    this.endOf = grow(this.endOf, (k) => new Int32Array(k));
    this.synthOf = grow(this.synthOf, (k) => new Uint8Array(k));
  }
  /** The notebook offset of module offset `o` (-1 for text that is not the notebook's). */
  offset(o) {
    return o >= 0 && o < this.n && this.cellOf[o] >= 0 && !this.synthOf[o] ? this.startOf[o] : -1;
  }
  /**
   * The notebook offset where the module's line ending at `nl` (a newline) ends: that newline's own
   * place, or, where the line is its cell's last (the newline joins cells and is not the notebook's),
   * the end of the cell's last character: an escape there is `pass` here, shorter than the line.
   */
  lineEnd(nl) {
    const real = this.offset(nl);
    if (real >= 0)
      return real;
    for (let i = Math.min(nl - 1, this.n - 1); i >= 0; i--) {
      if (this.cellOf[i] < 0)
        continue;
      const cell = this.cells[this.cellOf[i]];
      return cell.text.length ? cell.ends[cell.text.length - 1] : this.startOf[i];
    }
    return 0;
  }
  span(s) {
    let a = -1;
    let b = -1;
    for (let i = Math.max(s.start, 0); i < s.end && i < this.n; i++) {
      if (this.cellOf[i] < 0 || this.synthOf[i])
        continue;
      if (a < 0)
        a = this.startOf[i];
      b = this.endOf[i];
    }
    if (a >= 0)
      return { start: a, end: b };
    for (let i = Math.min(s.start, this.n - 1); i >= 0; i--) {
      if (this.cellOf[i] >= 0)
        return { start: this.startOf[i], end: this.startOf[i] };
    }
    return { start: 0, end: 0 };
  }
  word(w) {
    return { fragments: w.fragments.map((f) => this.fragment(f)), ...w.span ? { span: this.span(w.span) } : {} };
  }
  fragment(f) {
    switch (f.kind) {
      case "text":
        return f.offsets ? { ...f, offsets: f.offsets.map((o) => o < 0 ? -1 : this.offset(o)) } : f;
      case "path-lookup":
        return { ...f, name: this.word(f.name), span: this.span(f.span) };
      default:
        return f.span ? { ...f, span: this.span(f.span) } : f;
    }
  }
  /**
   * A Python fix's edit in the notebook: its range must be characters of one JSON string of the
   * notebook, written as they read; its text is written as JSON string content, and in a cell kept
   * as a list of lines a line break it writes ends the list element. Undefined when it cannot be.
   */
  edit(e) {
    if (e.start === e.end) {
      const here = this.ref(e.start);
      const before = e.start > 0 ? this.ref(e.start - 1) : void 0;
      const r = here ?? (before && !before.synthetic ? { ...before, start: before.end } : void 0);
      if (!r)
        return void 0;
      return { start: r.start, end: r.start, text: jsonText(e.text, r.cell, r.start) };
    }
    const first = this.ref(e.start);
    if (!first || first.synthetic)
      return void 0;
    let end = first.start;
    for (let i = e.start; i < e.end; i++) {
      const r = this.ref(i);
      if (!r || r.synthetic || r.cell !== first.cell || r.token !== first.token || r.start !== end)
        return void 0;
      end = r.end;
    }
    return { start: first.start, end, text: jsonText(e.text, first.cell, first.start) };
  }
};
function jsonText(s, cell, at) {
  if (cell.form === "string")
    return jsonStringContent(s);
  let atElementEnd = false;
  for (let k = 0; k < cell.tokens.length; k += 2) {
    if (cell.tokens[k] < at && at < cell.tokens[k + 1]) {
      atElementEnd = at === cell.tokens[k + 1] - 1;
      break;
    }
  }
  const parts = s.split("\n");
  let out = "";
  parts.forEach((p, k) => {
    out += jsonStringContent(p);
    if (k === parts.length - 1)
      return;
    out += "\\n";
    if (k === parts.length - 2 && parts[k + 1] === "" && atElementEnd)
      return;
    out += `"${cell.separator}"`;
  });
  return out;
}

// dist/src/frontends/notebook/rewrite.js
var UNQUOTED = "IPython substitutes {sys.executable} into the command unquoted, so an interpreter path with spaces or shell characters would be split by the shell";
var EscapeRewriter = class {
  nbText;
  job;
  site;
  importSys;
  constructor(nbText, job, site, importSys) {
    this.nbText = nbText;
    this.job = job;
    this.site = site;
    this.importSys = importSys;
  }
  rewrite(target) {
    if (target.kind !== "interpreter" || this.job.form === "cell" || this.site.wrappers.length > 0)
      return void 0;
    const program = this.site.argv[0];
    const name = program && wordText(program);
    const span = program && shellWordSpan(this.nbText, program);
    if (!name || !span || this.nbText.slice(span.start, span.end) !== name)
      return void 0;
    const first = this.job.first;
    if (this.job.form === "system" && this.job.marker && first && span.start === first.start) {
      const end = target.module === "pip" ? span.end : !target.module && isInterpreterName(name) ? this.mPipEnd(span.end) : void 0;
      if (end !== void 0)
        return { edits: [{ start: this.job.marker.start, end, text: "%pip" }], title: "Use %pip", applicability: "safe" };
    }
    if (/[{}$]/.test(this.job.text))
      return void 0;
    if (this.importSys === null)
      return void 0;
    const edits = [{ start: span.start, end: span.end, text: `{sys.executable}${target.module ? ` -m ${target.module}` : ""}` }];
    if (this.importSys) {
      if (this.importSys.cell.index > this.job.cell.index)
        return void 0;
      const at = this.importSys.at.start;
      edits.push({ start: at, end: at, text: jsonText("import sys\n", this.importSys.cell, at) });
    }
    return { edits, title: target.module ? `Use !{sys.executable} -m ${target.module}` : "Use !{sys.executable}", applicability: "unsafe", reason: UNQUOTED };
  }
  /** After `python`: ` -m pip` written plainly, where it ends. */
  mPipEnd(from) {
    const m = /^([ \t]+)-m([ \t]+)pip(?=[ \t]|$|\\n|")/.exec(this.nbText.slice(from, from + 40));
    return m ? from + m[0].length : void 0;
  }
};
var CellRewriter = class {
  inner;
  module;
  constructor(inner, module) {
    this.inner = inner;
    this.module = module;
  }
  rewrite(target) {
    const rw = this.inner.rewrite(target);
    if (!rw)
      return void 0;
    const edits = [];
    for (const e of rw.edits) {
      const m = this.module.edit(e);
      if (!m)
        return void 0;
      edits.push(m);
    }
    return { ...rw, edits };
  }
};

// dist/src/frontends/notebook/index.js
var COLAB_FORM = /#[ \t]*@(?:title|param|markdown)\b/;
function readCells(nb) {
  let capacity = 0;
  for (const cell of nb.cells)
    capacity += cell.text.length + 4 * cell.lines.length + 1;
  const module = new VirtualModule(capacity);
  const jobs = [];
  const pathSets = [];
  let importSys = null;
  const sysCells = /* @__PURE__ */ new Set();
  let importCell;
  for (const cell of nb.cells) {
    const texts = cell.lines.map((l) => l.text);
    const at = magicLineOf(texts);
    const magic = cellMagic(texts[at] ?? "");
    const span = cellSpan(cell);
    if (magic.kind === "other")
      continue;
    if (magic.kind === "shell" || magic.kind === "script") {
      const head2 = cell.lines[at];
      const job = { cell, form: "cell", text: texts.slice(at + 1).join("\n"), script: cellWord(cell, head2.brkEnd, cell.text.length, false), api: `%%${/^%%(\w+)/.exec(texts[at])[1]}`, callSpan: span, dialect: magic.kind === "shell" ? magic.dialect : "bash" };
      if (magic.kind === "script") {
        job.argv = [];
        const re = /\S+/g;
        for (let m; m = re.exec(texts[at].slice(magic.from)); ) {
          const from = head2.from + magic.from + m.index;
          job.argv.push(cellWord(cell, from, from + m[0].length, false));
        }
        job.callSpan = { start: cell.starts[head2.from], end: cell.ends[head2.to - 1] };
      }
      jobs.push(job);
      continue;
    }
    if (magic.kind === "none" && importSys === null && cell.lines[0] && cell.lines[0].to > cell.lines[0].from)
      importSys = { cell, at: charAt(cell, cell.lines[0].from) };
    const starts = statementStarts(texts);
    let imports = false;
    let escapes = false;
    for (let i = 0; i < cell.lines.length; i++) {
      const line = cell.lines[i];
      const kind = i === at && magic.kind === "python-body" ? { kind: "magic" } : starts[i] ? lineKind(line.text) : { kind: "python" };
      if (kind.kind === "python") {
        module.pushRange(cell, line.from, line.brkEnd);
        if (/^import\s+([\w.]+(\s+as\s+\w+)?\s*,\s*)*sys\s*(,|;|#|$)/.test(line.text))
          sysCells.add(cell);
        imports ||= /^(?:import|from)[ \t]+[\w.]/.test(line.text);
        continue;
      }
      const indent = /^\s*/.exec(line.text)[0].length;
      module.pushRange(cell, line.from, line.from + indent);
      module.synth("pass", cell, line.from + indent < line.to ? charAt(cell, line.from + indent) : void 0);
      module.pushRange(cell, line.to, line.brkEnd);
      if (kind.kind === "magic") {
        if (kind.pathSet && line.to > line.from)
          pathSets.push({ start: cell.starts[line.from], end: cell.ends[line.to - 1] });
        while (/\\$/.test(cell.lines[i].text) && i + 1 < cell.lines.length) {
          i++;
          module.pushRange(cell, cell.lines[i].to, cell.lines[i].brkEnd);
        }
        continue;
      }
      escapes = true;
      let j = i;
      while (/\\$/.test(cell.lines[j].text) && j + 1 < cell.lines.length) {
        j++;
        module.pushRange(cell, cell.lines[j].to, cell.lines[j].brkEnd);
      }
      i = j;
      const from = line.from + kind.from;
      const to = Math.max(from, cell.lines[j].to);
      const marker = charAt(cell, line.from + kind.marker);
      const last = to > from ? charAt(cell, to - 1) : marker;
      jobs.push({
        cell,
        form: kind.form,
        marker,
        first: to > from ? charAt(cell, from) : void 0,
        text: cell.text.slice(from, to),
        script: cellWord(cell, from, to, true),
        api: kind.form === "magic" ? "%system" : kind.form === "capture" ? line.text.includes("%sx") ? "%sx" : "!!" : "!",
        callSpan: { start: marker.start, end: last.end },
        dialect: "bash"
      });
    }
    if (!importCell && imports && !escapes && magic.kind === "none" && cell.lines[0].to > cell.lines[0].from)
      importCell = { cell, at: charAt(cell, cell.lines[0].from) };
    module.synth("\n", cell, void 0);
  }
  return { module, jobs, pathSets, importSys, sysCells, importCell };
}
function cellSpan(cell) {
  const first = cell.lines.find((l) => l.to > l.from);
  let last = first;
  for (const l of cell.lines)
    if (l.to > l.from)
      last = l;
  return first && last ? { start: cell.starts[first.from], end: cell.ends[last.to - 1] } : { start: cell.tokens[0] ?? 0, end: cell.tokens[1] ?? 0 };
}
function cellWord(cell, from, to, expand) {
  const fragments = [];
  const src = cell.text;
  let text3 = "";
  let runFrom = from;
  let offsets = [];
  let lo = Infinity;
  let hi = -Infinity;
  const flush = (end) => {
    if (end > runFrom)
      text3 += src.slice(runFrom, end);
    if (text3 === "")
      return;
    fragments.push({ kind: "text", text: text3, offsets });
    text3 = "";
    offsets = [];
  };
  const char = (i) => {
    const off = cell.starts[i];
    offsets.push(off);
    if (off < lo)
      lo = off;
    if (off + 1 > hi)
      hi = off + 1;
  };
  for (let i = from; i < to; i++) {
    const c = src[i];
    if (expand && (c === "{" || c === "}") && i + 1 < to && src[i + 1] === c) {
      text3 += src.slice(runFrom, i + 1);
      char(i);
      runFrom = i + 2;
      i++;
      continue;
    }
    if (expand && c === "{") {
      let j = i + 1;
      while (j < to && src[j] !== "}" && src[j] !== "{")
        j++;
      if (j < to && src[j] === "}") {
        flush(i);
        const expr = src.slice(i + 1, j).trim();
        const span = { start: cell.starts[i], end: cell.ends[j] };
        const frag = /^((shlex|pipes)\.quote\()?sys\.executable\)?$/.test(expr) ? { kind: "sys-executable", span } : { kind: "unknown", span, why: "an IPython {expression}" };
        fragments.push(frag);
        if (span.start < lo)
          lo = span.start;
        if (span.end > hi)
          hi = span.end;
        i = j;
        runFrom = j + 1;
        continue;
      }
    }
    char(i);
  }
  flush(to);
  return { fragments, span: lo === Infinity ? void 0 : { start: lo, end: hi } };
}
function analyzeNotebook(file, use, opts = {}) {
  let nb;
  try {
    nb = readNotebook(file.text);
  } catch (e) {
    if (!(e instanceof NotebookError))
      throw e;
    const at = file.location(e.offset);
    return use({ sites: [], suppressions: /* @__PURE__ */ new Map(), syntaxProblem: { path: file.path, kind: "syntax", message: `${e.message} (at ${at.line}:${at.column}); not checked`, start: at, partial: false } });
  }
  if (nb.language !== void 0 && !/^(i?python\d*)$/.test(nb.language))
    return use({ sites: [], suppressions: /* @__PURE__ */ new Map() });
  const reading = readCells(nb);
  const vfile = new SourceFile(file.path, reading.module.text, file.encoding);
  const withPython = vfile.text.trim() !== "" && (!opts.parseLess || !opts.tools || pythonMayMatter(vfile.text, opts.tools));
  if (!withPython)
    return finish2(file, nb, reading, void 0, vfile, use);
  return withPythonAnalysis(vfile, (pa) => finish2(file, nb, reading, pa, vfile, use), opts);
}
function finish2(file, nb, reading, pa, vfile, use) {
  const mod = reading.module;
  const sites = [];
  for (const s of pa?.sites ?? []) {
    sites.push({
      ...s,
      file,
      callSpan: mod.span(s.callSpan),
      argv: s.argv.map((w) => mod.word(w)),
      env: { ...s.env, path: mapPath(s.env.path, (x) => mod.span(x)) },
      rewriter: s.rewriter && new CellRewriter(s.rewriter, mod)
    });
  }
  const scripts = new Map(reading.jobs.filter((j) => !j.argv).map((j) => [j, j.script]));
  const venvMeant = parseShellBatch([...scripts.values()], () => runJobs(file, reading, scripts, sites));
  sites.sort((a, b) => a.callSpan.start - b.callSpan.start);
  const py = pa?.facts;
  const facts = {
    sites,
    functions: (py?.functions ?? []).map((f) => mod.span(f)),
    pathSets: [
      ...(py?.pathSets ?? []).map((p) => ({ from: mod.span({ start: p.from, end: p.from + 1 }).start, to: mod.span({ start: Math.max(p.to - 1, 0), end: p.to }).end, span: mod.span(p.span) })),
      ...reading.pathSets.map((s) => ({ from: s.end, to: file.text.length, span: s }))
    ],
    notebook: true,
    colab: nb.colab ? "saved" : nb.cells.some((c) => COLAB_FORM.test(c.text)) ? "forms" : void 0,
    kaggle: nb.kaggle
  };
  if (sites.length > 1 && !venvMeant && !sites.some((s) => createdVenv(s.argv) !== void 0) && kernelStdlibOnly(mod.text))
    facts.kernelStdlibOnly = true;
  const colabOnly = [...py?.colabOnly ?? [], ...reading.jobs.length ? colabBlocks(mod.text) : []];
  const lineEnd = (to) => {
    const nl = mod.text.indexOf("\n", Math.max(to - 1, 0));
    return nl < 0 ? file.text.length : mod.lineEnd(nl);
  };
  if (colabOnly.length)
    facts.colabOnly = colabOnly.map((r) => ({ from: mod.span({ start: r.from, end: r.from + 1 }).start, to: lineEnd(r.to) }));
  const setup = hostedSetup(file.text, nb);
  if (setup.length)
    facts.hostedSetup = setup;
  if (pairedByJupytext(file.path, nb))
    for (const s of sites)
      s.rewriter = void 0;
  for (const s of sites)
    s.pythonFile = facts;
  return use({ sites, suppressions: suppressionsOf(file, nb), syntaxProblem: problemOf(file, nb, pa, vfile, mod) });
}
var PAIRED_EXTENSIONS = [".py", ".md", ".Rmd", ".qmd", ".myst", ".mystnb", ".pct.py", ".lgt.py", ".spx.py", ".nb.py"];
function pairedByJupytext(file, nb) {
  if (!nb.jupytext)
    return false;
  const named = (nb.jupytext.formats ?? "").split(",").map((f) => /^(?:[^:]*\/)?\.?([\w.]+)(?::|$)/.exec(f.trim())?.[1]).filter((e) => !!e && e !== "ipynb");
  const stem = file.replace(/\.ipynb$/i, "");
  return [...PAIRED_EXTENSIONS, ...named.map((e) => `.${e}`)].some((ext) => fs7.existsSync(stem + ext));
}
var SKIPPED_TAGS = ["skip-execution", "nbval-skip"];
var HOSTED_LINK = /colab\.research\.google\.com\/|kaggle\.com\/(?:kernels\/welcome|code\/)/;
function hostedSetup(text3, nb) {
  const out = [];
  let linked;
  for (const cell of nb.cells) {
    const tag = SKIPPED_TAGS.find((t) => cell.tags.includes(t));
    if (!tag)
      continue;
    linked ??= HOSTED_LINK.test(text3);
    if (!linked && !namesHostedRuntime(cell.text))
      continue;
    const span = cellSpan(cell);
    out.push({ from: span.start, to: span.end, cell: cell.index, tag });
  }
  return out;
}
function importPlaceFor(job, reading) {
  const head2 = job.cell.lines[0];
  let place = reading.importSys;
  if (reading.importCell && reading.importCell.cell.index <= job.cell.index)
    place = reading.importCell;
  else if (job.form !== "cell" && head2 && head2.to > head2.from && cellMagic(job.cell.lines[magicLineOf(job.cell.lines.map((l) => l.text))].text).kind === "none")
    place = { cell: job.cell, at: charAt(job.cell, head2.from) };
  if (reading.sysCells.has(job.cell) || place && reading.sysCells.has(place.cell))
    return void 0;
  return place;
}
function kernelStdlibOnly(code) {
  if (/\bimport_module\s*\(|\b__import__\s*\(|\brunpy\b/.test(code))
    return false;
  return importScan(code).starts.every((at) => /^[ \t]*(?:from[ \t]+IPython\b[\w.]*[ \t]+import\b|import[ \t]+IPython\b[\w.]*[ \t]*(?:as[ \t]+\w+[ \t]*)?(?:#|$))/m.test(code.slice(at, code.indexOf("\n", at) < 0 ? code.length : code.indexOf("\n", at))));
}
function runJobs(file, reading, scripts, sites) {
  const meter = new BudgetMeter();
  let activates = false;
  for (const job of reading.jobs) {
    const make = (cmd, active) => {
      let p = { kind: "inherited" };
      if (cmd.pathReset)
        p = { kind: "reset", by: cmd.pathReset };
      else if (cmd.pathUnset)
        p = { kind: "reset", by: "env -i" };
      else if (cmd.envPathSet)
        p = { kind: "explicit" };
      const env2 = { path: p };
      if (active !== void 0 && p.kind === "inherited")
        env2.activeVenv = active;
      const site = launchSiteFor(cmd, { file, language: "python", api: job.api, callSpan: job.callSpan, env: env2, viaShell: !job.argv });
      site.rewriter = new EscapeRewriter(file.text, job, site, importPlaceFor(job, reading));
      return site;
    };
    const shell2 = {
      file,
      language: "python",
      api: job.api,
      callSpan: job.callSpan,
      dialect: job.dialect,
      dialectKnown: job.form === "cell",
      path: DEFAULT_PATH,
      cwd: void 0,
      vars: /* @__PURE__ */ new Map(),
      venvs: /* @__PURE__ */ new Map(),
      originAt: (offset) => ({ line: file.location(offset).line, how: "created", offset }),
      makeSite: make,
      meter
    };
    let session;
    if (job.argv) {
      const run2 = runExecArgv(job.argv, true, shell2, job.callSpan);
      for (const cmd of run2.commands)
        sites.push(make(cmd, void 0));
      session = run2.session;
    } else
      session = runShellSession(scripts.get(job), shell2);
    sites.push(...session.sites);
    activates ||= session.activations.length > 0 || session.final.unseen !== void 0 || session.final.activated !== void 0;
  }
  return activates;
}
function mapPath(p, span) {
  if (p.kind === "missing")
    return { ...p, span: span(p.span) };
  if (p.kind === "explicit" && p.span)
    return { ...p, span: span(p.span) };
  return p;
}
function suppressionsOf(file, nb) {
  const out = /* @__PURE__ */ new Map();
  for (const cell of nb.cells) {
    for (const l of cell.lines) {
      for (let k = l.text.indexOf("#"); k >= 0; k = l.text.indexOf("#", k + 1)) {
        const codes = suppressedCodes(l.text.slice(k));
        if (!codes)
          continue;
        const line = file.location(cell.starts[l.from + k]).line;
        const prev = out.get(line);
        out.set(line, codes === "all" || prev === "all" ? "all" : /* @__PURE__ */ new Set([...prev ?? [], ...codes]));
        break;
      }
    }
  }
  return out;
}
function problemOf(file, nb, pa, vfile, mod) {
  const p = pa?.syntaxProblem;
  if (p?.kind === "syntax" && p.start) {
    const v = vfile.lineStart(p.start.line) + p.start.column - 1;
    const ref = mod.ref(Math.min(v, mod.length - 1));
    const at = file.location(mod.span({ start: v, end: v + 1 }).start);
    return { ...p, message: `not fully parsed: Python syntax error${ref ? ` in cell ${ref.cell.index}` : ""} at ${at.line}:${at.column}; the rest of the notebook was still checked`, start: at };
  }
  if (p)
    return p;
  const q = nb.problems[0];
  if (q)
    return { path: file.path, kind: "syntax", message: `not fully read: ${q.message}`, start: file.location(q.offset), partial: true };
  return void 0;
}
var NOTEBOOK_WORDS = /python|pip|venv|activate/i;
function looksWhole(text3) {
  return /^\s*\{/.test(text3) && /\}\s*$/.test(text3) && /"nbformat"\s*:\s*[34]\b/.test(text3);
}
var notebookFrontEnd = {
  language: "notebook",
  claims: (p) => /\.ipynb$/i.test(p) && !/(^|[/\\])\.ipynb_checkpoints[/\\]/.test(path33.normalize(p)),
  // A broken or older notebook is read whatever it holds, so that it is reported, never passed.
  mayMatter: (text3, tools) => NOTEBOOK_WORDS.test(text3) || hasToolName(tools, text3) || !looksWhole(text3),
  analyze: analyzeNotebook
};

// dist/src/frontends/index.js
var FRONT_ENDS = [
  pythonFrontEnd,
  dockerfileFrontEnd,
  actionsFrontEnd,
  gitlabFrontEnd,
  preCommitFrontEnd,
  azureFrontEnd,
  circleciFrontEnd,
  bitbucketFrontEnd,
  jenkinsFrontEnd,
  composeFrontEnd,
  makefileFrontEnd,
  crontabFrontEnd,
  procfileFrontEnd,
  systemdFrontEnd,
  supervisorFrontEnd,
  shellScriptFrontEnd,
  notebookFrontEnd
];
var GENERIC_SCRIPT_NAME = /\.(sh|bash)$/i;
function headOf(path34, content) {
  const name = path34.slice(Math.max(path34.lastIndexOf("/"), path34.lastIndexOf("\\")) + 1);
  if (name.includes(".") && !GENERIC_SCRIPT_NAME.test(name))
    return "";
  const head2 = typeof content === "string" ? content.slice(0, 200) : Buffer.from(content.subarray(0, 200)).toString("latin1");
  return head2.split(/\r?\n|\r/, 1)[0];
}
function frontEndByLanguage(language2) {
  const fe = FRONT_ENDS.find((f) => f.language === language2);
  if (!fe)
    throw new Error(`no front end for ${language2}`);
  return fe;
}
function claimingFrontEnd(path34, head2 = "") {
  return FRONT_ENDS.find((f) => f.claims(path34, head2));
}
function frontEndFor(path34, head2 = "") {
  return claimingFrontEnd(path34, head2) ?? pythonFrontEnd;
}

// dist/src/kernel/messages.js
var PLACEHOLDER = /\{\{(\w+)\}\}/g;
function fillMessage(template, data = {}) {
  return template.replace(PLACEHOLDER, (whole, key) => Object.hasOwn(data, key) ? data[key] : whole);
}
function splitTemplate(template) {
  const at = template.lastIndexOf("; ");
  return at < 0 ? { problem: template } : { problem: template.slice(0, at), remedy: template.slice(at + 2) };
}

// dist/src/pipeline/diagnose.js
function diagnose(file, analysis, ctx) {
  const diagnostics = [];
  const seen = /* @__PURE__ */ new Map();
  const verdicts = /* @__PURE__ */ new Map();
  const judge = (s) => {
    if (!verdicts.has(s))
      verdicts.set(s, judgeLaunch(s, ctx.knowledge));
    return verdicts.get(s);
  };
  const imageVenv = ctx.imageRuns?.get(file.path)?.venv;
  const startedBy = ctx.whoRuns?.get(file.path);
  if (startedBy) {
    for (const s of analysis.sites)
      if (s.pythonFile && !s.pythonFile.startedBy)
        s.pythonFile.startedBy = startedBy;
  }
  for (const original of analysis.sites) {
    const inImage = imageVenv !== void 0 && original.env.path.kind === "inherited" && original.env.activeVenv === void 0 && (original.language === "python" || original.language === "shell" && (original.env.knownVenvs ?? []).every((v) => v === imageVenv));
    const site = inImage ? { ...original, env: { ...original.env, activeVenv: imageVenv } } : original;
    const verdict = judge(site);
    const judges = site.language === "python" ? "python" : "config";
    for (const rule of ctx.rules) {
      if (rule.judges !== judges && rule.judges !== "both")
        continue;
      rule.check(site, verdict, {
        judge,
        report: (r) => {
          const programSpan = verdict?.programSpan;
          const inCall = (s) => !!s && s.start >= site.callSpan.start && s.end <= site.callSpan.end;
          const span = r.span ?? (inCall(programSpan) ? programSpan : site.callSpan);
          const related = [...r.related ?? []];
          if (programSpan && !inCall(programSpan) && !r.span) {
            related.push({ message: `"${verdict.name}" comes from here`, span: programSpan });
          }
          let fix2;
          if (r.fix && (site.rewriter || r.fix.edits)) {
            let title = r.fix.title;
            let target = r.fix.target;
            let ruleReason = r.fix.reason;
            let rw = r.fix.edits ? { edits: r.fix.edits, applicability: "safe" } : r.fix.target && site.rewriter?.rewrite(r.fix.target);
            if (!rw && r.fix.fallback && site.rewriter) {
              rw = site.rewriter.rewrite(r.fix.fallback.target);
              title = r.fix.fallback.title;
              target = r.fix.fallback.target;
              ruleReason = r.fix.fallback.reason ?? r.fix.reason;
            }
            if (rw) {
              const order = ["safe", "unsafe", "display-only"];
              const applicability = order[Math.max(order.indexOf(rw.applicability), order.indexOf(r.fix.cap ?? "safe"))];
              const own = rw.applicability !== "safe" ? rw.reason : void 0;
              const reasons = [...new Set([target?.kind === "persist-venv" && own ? void 0 : r.fix.cap ? ruleReason : void 0, own].filter((x) => !!x))];
              fix2 = { title: rw.title ?? title, applicability, reason: applicability === "safe" ? void 0 : reasons.join("; ") || void 0, edits: rw.edits };
            }
          }
          const template = rule.messages[r.messageId];
          if (template === void 0)
            throw new Error(`${rule.code} reported the message id "${r.messageId}", which it does not declare`);
          const data = Object.fromEntries(Object.entries(r.data ?? {}).map(([k, v]) => [k, String(v)]));
          const parts = splitTemplate(template);
          const message = fillMessage(parts.problem, data);
          const remedy = parts.remedy === void 0 ? void 0 : fillMessage(parts.remedy, data);
          const key = `${rule.code}|${span.start}|${span.end}|${message}|${remedy ?? ""}`;
          if (seen.has(key)) {
            const first = seen.get(key);
            if (first) {
              first.fix = mergedFix(first.fix, fix2);
              for (const x of related) {
                if (!first.related.some((y) => !y.path && y.span.start === x.span.start && y.message === x.message)) {
                  first.related.push({ message: x.message, span: x.span, start: file.location(x.span.start), end: file.location(x.span.end) });
                }
              }
            }
            return;
          }
          seen.set(key, null);
          const start = file.location(span.start);
          const lines = [start.line, file.location(site.callSpan.start).line, file.location(site.callSpan.end).line];
          if (isSuppressed(analysis.suppressions, lines, rule.code, rule.name))
            return;
          const diagnostic = {
            code: rule.code,
            rule: rule.name,
            severity: "error",
            message,
            ...remedy ? { remedy } : {},
            messageId: r.messageId,
            data,
            path: file.path,
            span,
            start,
            end: file.location(span.end),
            related: [
              ...related.map((x) => ({ message: x.message, span: x.span, start: file.location(x.span.start), end: file.location(x.span.end) })),
              ...(site.elsewhere ?? []).map((x) => ({ message: x.message, path: x.path, span: { start: x.offset, end: x.offset }, start: { line: x.line, column: x.column }, end: { line: x.line, column: x.column } }))
            ],
            fix: fix2
          };
          seen.set(key, diagnostic);
          diagnostics.push(diagnostic);
        }
      });
    }
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  const facts = analysis.sites[0]?.pythonFile;
  const reliant = facts && !facts.notebook ? reliantLaunchesOf(facts, ctx.knowledge) : void 0;
  return { diagnostics, problems: analysis.syntaxProblem ? [analysis.syntaxProblem] : [], ...reliant?.length ? { reliant } : {} };
}
function mergedFix(a, b) {
  if (!a || !b)
    return void 0;
  const edits = [...a.edits];
  for (const e of b.edits) {
    if (edits.some((x) => x.start === e.start && x.end === e.end && x.text === e.text))
      continue;
    if (edits.some((x) => x.start < e.end && e.start < x.end || x.start === e.start))
      return void 0;
    edits.push(e);
  }
  const order = ["safe", "unsafe", "display-only"];
  const applicability = order[Math.max(order.indexOf(a.applicability), order.indexOf(b.applicability))];
  const reason = [...new Set([a.reason, b.reason].filter((x) => !!x))].join("; ") || void 0;
  return { title: a.title, applicability, ...applicability === "safe" || !reason ? {} : { reason }, edits: edits.sort((x, y) => x.start - y.start || x.end - y.end) };
}

// dist/src/pipeline/check-file.js
var OPEN_FLAGS = fs8.constants.O_NONBLOCK === void 0 ? void 0 : fs8.constants.O_RDONLY | fs8.constants.O_NONBLOCK;
var SCRATCH_BYTES = 1 << 20;
var TEMPLATE_SYNTAX = /\{%[-+]?\s*(?:if|elif|else|endif|for|endfor|raw|endraw|set|endset|macro|endmacro|include|import|from|block|endblock|extends|with|endwith|filter|endfilter|call|endcall)\b[^\n]{0,300}?%\}|\{\{-?\s*cookiecutter\.|:[ \t]+\{\{-?[ \t]*\.?[A-Za-z_][\w.]*[^{}\n]*\}\}/;
function isTemplate(text3) {
  return TEMPLATE_SYNTAX.test(text3);
}
function analyseDecoded(result, file, ctx) {
  const path34 = result.path;
  try {
    const fe = result.language ? frontEndByLanguage(result.language) : void 0;
    const { diagnostics, problems, reliant } = checkSource(file, ctx, fe);
    if (!parsersHealthy())
      throw new ParserDamagedError("the parser answered a known text wrongly after this file");
    if (problems.some((p) => p.kind === "syntax") && (isTemplate(file.text) || result.language === "shell" && shebangShell(headOf(file.path, file.text))?.name === "zsh")) {
      result.skipped = true;
      return result;
    }
    result.diagnostics = diagnostics;
    result.problems.push(...problems);
    if (reliant)
      result.reliant = reliant;
    if (diagnostics.length)
      result.source = file;
  } catch (e) {
    result.problems.push(crashProblem(path34, e));
  }
  return result;
}
function crashProblem(path34, e) {
  if (e instanceof TooComplexError)
    return { path: path34, kind: "too-complex", message: e.message, partial: false };
  if (e instanceof TooDeepError)
    return { path: path34, kind: "too-deep", message: e.message, partial: false };
  if (e instanceof RangeError)
    return { path: path34, kind: "too-deep", message: "too deeply nested to analyse; skipped", partial: false };
  if (isParserTrap(e) || e instanceof ParserDamagedError || parsersDamaged()) {
    const why = e instanceof WebAssembly.RuntimeError ? `the parser crashed on this file (${e.message})` : "the parser was left damaged by this file";
    return { path: path34, kind: "parser-crash", message: `${why}; skipped, and the parser was restarted for the other files`, partial: false };
  }
  return { path: path34, kind: "internal", message: `internal error while checking: ${e.message}`, partial: false };
}
function checkSource(file, ctx, fe = frontEndFor(file.path, headOf(file.path, file.text))) {
  return fe.analyze(file, (analysis) => diagnose(file, analysis, ctx), { parseLess: !!ctx.prefilter, tools: ctx.prefilter?.tools, shHasSource: ctx.imageRuns?.get(file.path)?.shHasSource, project: ctx.project, ...projectAnswers(ctx) });
}
function projectAnswers(ctx) {
  return { windows: ctx.windows, python2: ctx.python2, python3Project: ctx.python3Project, condaWorkflow: ctx.condaWorkflow };
}

// dist/src/pipeline/fix.js
var MAX_FIX_PASSES = 10;
function computeFix(r, diags, ctx, unsafe, drop = []) {
  const original = r.source;
  if (!original.encoding.lossless)
    return { remaining: diags, problem: { path: r.path, kind: "decode", message: "not fixed: the file could not be decoded losslessly", partial: true } };
  let loop;
  try {
    if (r.problems.some((p) => p.kind === "syntax"))
      loop = { kind: "syntax", error: NOT_VERIFIED };
    else
      loop = fixLoop(original, diags, ctx, unsafe, r.language ? frontEndByLanguage(r.language) : void 0, { checked: true, drop });
    if (!parsersHealthy())
      throw new ParserDamagedError("the parser answered a known text wrongly after fixing this file");
  } catch (e) {
    const p = crashProblem(r.path, e);
    return { remaining: diags, problem: { ...p, message: `not fixed: ${p.message}`, partial: true } };
  }
  if ("error" in loop)
    return { remaining: diags, problem: { path: r.path, kind: loop.error === NOT_VERIFIED ? "not-fixed" : loop.kind, message: loop.error, partial: true } };
  const { text: text3, applied, remaining: current2 } = loop;
  if (applied === 0)
    return { remaining: diags };
  return { fixed: { before: original.text, after: text3, applied }, remaining: current2, source: new SourceFile(original.path, text3, original.encoding) };
}
function fixLoop(original, diags, ctx, unsafe, fe = frontEndFor(original.path, headOf(original.path, original.text)), opts = {}) {
  const parses = (text4) => !hasSyntaxErrors(new SourceFile(original.path, text4, original.encoding), fe);
  if (!opts.checked && !parses(original.text))
    return { kind: "syntax", error: NOT_VERIFIED };
  let text3 = original.text;
  let current2 = diags;
  let applied = 0;
  let written = [];
  for (let pass = 1; ; pass++) {
    const step = applyFixes(text3, current2, unsafe);
    if (step.applied === 0 || step.text === text3)
      break;
    if (pass > MAX_FIX_PASSES) {
      const left = current2.filter((d) => fixableBy(d, unsafe));
      return { kind: "internal", error: `not fixed: ${MAX_FIX_PASSES} passes of fixes left ${left.length} fixable finding(s) of ${ruleList(left)} (please report this)` };
    }
    const again = recheck(new SourceFile(original.path, step.text, original.encoding), ctx, fe);
    if (again.syntax) {
      if (opts.checked && !parses(original.text))
        return { kind: "syntax", error: NOT_VERIFIED };
      return { kind: "internal", error: "not fixed: the fixed code would not parse (please report this)" };
    }
    const next = opts.drop?.length ? again.diagnostics.filter((d) => !opts.drop.includes(d.code)) : again.diagnostics;
    const fresh = step.edits.some((e) => !written.some((w) => e.start <= w.end && e.end >= w.start));
    if (next.length >= current2.length && !fresh) {
      const culprits = notReduced(current2, next, unsafe);
      return { kind: "internal", error: `not fixed: the fixes of ${ruleList(culprits)} do not converge: pass ${pass} left ${next.length} finding(s) of the ${current2.length} it started with (please report this)` };
    }
    text3 = step.text;
    applied += step.applied;
    current2 = next;
    written = afterEdits(written, step.edits);
  }
  return { text: text3, applied, remaining: current2 };
}
function afterEdits(written, edits) {
  const shift = (p, edge) => {
    let delta2 = 0;
    for (const e of edits) {
      if (e.end < p || e.end === p && (e.start < p || edge === "end"))
        delta2 += e.text.length - (e.end - e.start);
      else if (e.start < p)
        return e.start + delta2 + e.text.length;
      else
        break;
    }
    return p + delta2;
  };
  const out = written.map((w) => ({ start: shift(w.start, "start"), end: shift(w.end, "end") }));
  let delta = 0;
  for (const e of edits) {
    out.push({ start: e.start + delta, end: e.start + delta + e.text.length });
    delta += e.text.length - (e.end - e.start);
  }
  return out;
}
function notReduced(before, after, unsafe) {
  const count = (ds, code) => ds.filter((d) => d.code === code).length;
  const fixed = before.filter((d) => fixableBy(d, unsafe));
  const stuck = fixed.filter((d) => count(after, d.code) >= count(before, d.code));
  return stuck.length ? stuck : fixed;
}
function ruleList(ds) {
  const rules = new Map(ds.map((d) => [d.code, d.rule]));
  return [...rules].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => `${code} (${name})`).join(", ") || "no rule";
}
var NOT_VERIFIED = "not fixed: the file has syntax errors, so a fix could not be verified";
function recheck(file, ctx, fe) {
  return fe.analyze(file, (a) => a.syntaxProblem?.kind === "syntax" ? { syntax: true, diagnostics: [] } : { syntax: false, diagnostics: diagnose(file, a, ctx).diagnostics }, projectAnswers(ctx));
}
function hasSyntaxErrors(file, fe) {
  return fe.analyze(file, (a) => a.syntaxProblem?.kind === "syntax");
}

// dist/src/pipeline/check-and-fix.js
function checkAndFix(result, file, ctx, fix2, drop = []) {
  const r = analyseDecoded(result, file, ctx);
  if (!fix2 || !r.source)
    return { result: r };
  const diags = drop.length ? r.diagnostics.filter((d) => !drop.includes(d.code)) : r.diagnostics;
  if (!diags.some((d) => fixableBy(d, fix2.unsafe)))
    return { result: r };
  const o = computeFix(r, diags, ctx, fix2.unsafe, drop);
  return { result: r, fix: { after: o.fixed?.after, applied: o.fixed?.applied, remaining: o.remaining, problem: o.problem } };
}

// dist/src/pipeline/worker.js
var { settings, fix } = workerData;
var ready = loadParsers();
var contexts = /* @__PURE__ */ new Map();
var contextOf = (k) => {
  let c = contexts.get(k);
  if (!c)
    contexts.set(k, c = contextFromSettings(settings[k]));
  return c;
};
parentPort.on("message", async (items) => {
  await ready;
  const results = [];
  for (const { index, result, file, drop, settings: k } of items) {
    const ctx = contextOf(k ?? 0);
    if (parsersDamaged())
      await loadParsers();
    const done = checkAndFix(result, new SourceFile(file.path, file.text, file.encoding), ctx, fix, drop);
    const r = done.result;
    results.push({ index, result: { ...r, source: r.source ? { path: r.source.path, text: r.source.text, encoding: r.source.encoding } : void 0 }, fix: done.fix });
  }
  parentPort.postMessage(results);
});
void ready.then(() => parentPort.postMessage("ready"));
