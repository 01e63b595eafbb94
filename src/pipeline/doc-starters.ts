/**
 * Starters the project's contributor documentation names, for its release scripts (issue 15): a
 * maintainer runs a release script by hand the way its guide or its own opening says
 * (`./release.py` by its env shebang, `python tools/release.py`), from the shell they release
 * from, whose tools (`python setup.py sdist`, `twine`, `towncrier`) the script starts by name:
 * thefuck, nbgrader, hyperspy. Read are the guides written for those people (CONTRIBUTING,
 * RELEASING, HACKING, DEVELOPMENT … at the root, in `.github/` and in the docs folders) and the
 * opening docstring or comments of each script in question. A README's usage, written for users
 * who may run a program any way, is not read.
 *
 * Only for release scripts (a file whose name says so): the corpus reviews found the other
 * documented developer tools' launches true (mypy's incremental_checker.py, typeshed's
 * create_baseline_stubs.py: run by a venv's interpreter without activation, or from an IDE, they
 * start another environment's tools), and release scripts' false.
 *
 * Each command a line shows (inside backquotes when it has any, else the line without its prompt)
 * goes to who-runs' `recordCommand`, which decides whether it starts one of the files and how: by
 * PATH's interpreter (`on-path`), or a venv's by path without that venv on PATH (`by-path`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isInterpreterName } from '../judge/python-tools.js';
import { openingOfText } from '../frontends/python/file-facts.js';
import { readConfigText } from './config.js';

/** Guides for contributors and maintainers, by name. */
const GUIDE = /^(?:contributing|contribute|releasing|release[-_ ]?(?:process|guide|notes|checklist|howto)?|releases|hacking|development|developing|developer[-_]?guide|dev[-_]?guide|maintaining|maintainers?|maintainer[-_]?guide)(?:[-_][\w-]*)?\.(?:md|markdown|rst|txt)$/i;
/** A guide anywhere under a docs folder: its name says what it is for. */
const GUIDE_IN_DOCS = /(?:contribut|releas|develop|maintain|hacking)[\w-]*\.(?:md|markdown|rst|txt)$/i;
const DOC_FOLDERS = ['docs', 'doc', 'documentation', '.github', 'dev', 'developer', 'developers'];
const MAX_GUIDES = 64;
const MAX_GUIDE_BYTES = 256 * 1024;
const MAX_DEPTH = 4;

/** One command a document shows, with where it is. */
export interface DocCommand {
  file: string;
  line: number;
  words: string[];
}

/** The contributor guides of a project: at its root, and under its docs folders (bounded). */
export function contributorGuides(root: string): string[] {
  const out: string[] = [];
  const list = (dir: string): fs.Dirent[] => {
    try {
      return fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return [];
    }
  };
  for (const e of list(root)) if (e.isFile() && GUIDE.test(e.name)) out.push(path.join(root, e.name));
  const walk = (dir: string, depth: number): void => {
    for (const e of list(dir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (out.length >= MAX_GUIDES) return;
      const p = path.join(dir, e.name);
      if (e.isFile() && (GUIDE.test(e.name) || GUIDE_IN_DOCS.test(e.name))) out.push(p);
      else if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.') && e.name !== 'node_modules') walk(p, depth + 1);
    }
  };
  for (const d of DOC_FOLDERS) walk(path.join(root, d), 1);
  return [...new Set(out)].slice(0, MAX_GUIDES);
}

/** A release script, by its name (`release.py`, `prepare_release.py`, `make-release`). */
const RELEASE_SCRIPT = /releas/i;

/** A line's commands: its inline code spans when it has any, else the line without a prompt. */
function lineCommands(line: string): string[] {
  const spans = [...line.matchAll(/(`+)([^`]+?)\1/g)].map((m) => m[2]);
  const texts = spans.length ? spans : [line.replace(/^\s*(?:(?:\([\w.-]+\)\s*)?[$%>]\s+|>>>\s+|\.\.\s+code-block::.*)/, '')];
  const out: string[] = [];
  for (const t of texts) for (const part of t.split(/&&|\|\||;|\|/)) out.push(part.trim());
  return out;
}

/** The words of a command a document shows, from its first interpreter or script word on. */
function commandWords(text: string): string[] | undefined {
  const words = text.split(/\s+/).map((w) => w.replace(/^["']|["']$/g, '')).filter((w) => w !== '');
  const at = words.findIndex((w) => {
    const base = w.split(/[\\/]/).pop() ?? w;
    return (isInterpreterName(base) && !/^py(\.exe)?$/i.test(base)) || (/\.py$/.test(base) && /^\.{0,2}\//.test(w));
  });
  if (at < 0) return undefined;
  return words.slice(at);
}

/**
 * The commands in `text` (a guide, or a file's opening) that name one of `names` (files' base
 * names, `.py` or not), with their lines.
 */
export function docCommands(file: string, text: string, names: ReadonlySet<string>): DocCommand[] {
  const out: DocCommand[] = [];
  const lines = text.split('\n');
  const list = [...names];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes('.py') && !list.some((n) => line.includes(n))) continue;
    for (const c of lineCommands(line)) {
      const words = commandWords(c);
      if (!words || !words.some((w) => names.has(w.split(/[\\/]/).pop() ?? w))) continue;
      out.push({ file, line: i + 1, words });
    }
  }
  return out;
}

/**
 * The commands the project's contributor guides and the `wanted` release scripts' own openings
 * show that name one of those scripts.
 */
export function documentedCommands(root: string, wanted: readonly string[]): DocCommand[] {
  wanted = wanted.filter((w) => RELEASE_SCRIPT.test(path.basename(w)));
  const names = new Set<string>();
  for (const w of wanted) {
    const base = path.basename(w);
    // A name this common says nothing on its own (`python setup.py`, `python main.py`).
    if (base.length > 3) names.add(base);
  }
  if (!names.size) return [];
  const out: DocCommand[] = [];
  for (const g of contributorGuides(root)) {
    const text = readConfigText(g, MAX_GUIDE_BYTES);
    if (text !== undefined) out.push(...docCommands(g, text, names));
  }
  for (const w of wanted) {
    const text = readConfigText(w, MAX_GUIDE_BYTES);
    if (text !== undefined) out.push(...docCommands(w, openingOfText(text), new Set([path.basename(w)])));
  }
  return out;
}
