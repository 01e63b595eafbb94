/**
 * The environment a project's README says its code runs in, when it says one clearly: a project
 * that is no installable package (nothing installs it; its scripts are run from the checkout) and
 * whose README makes and activates a conda environment (`conda activate gof`), naming no venv.
 * Its scripts run in that activated environment, whose `bin` is first on PATH, so a `python` they
 * start by name is that environment's (the research code of 3D Gaussian Splatting and the projects
 * built on it, reviewed false in the corpus: 50 findings in four repositories). Asked by the
 * Python front end only for a file with a launch that is not in a package folder.
 */
import path from 'node:path';
import { isFile, readConfigText } from './config.js';

const READMES = ['README.md', 'README.rst', 'README.txt', 'README', 'readme.md', 'Readme.md', 'README.markdown'];
/** An activation of a conda environment by name (`conda activate gof`, the older `source activate gof`). */
const CONDA_ACTIVATE = /^(?!\s*#).*\b(?:conda|source)\s+activate\s+[\w.-]+/m;
/** Words of a venv or of another environment manager: the README then names more than one way. */
const OTHER_ENV = /\bvenv\b|virtualenv|bin\/activate|Scripts[\\/]activate|\bpipenv\b|\bpoetry\b|\buv (?:run|sync|venv|pip)\b|\bpixi\b/i;
/** Packaging metadata: the project installs as a package (its users run it wherever they install it). */
const PACKAGED = /\bsetup\s*\(|^\[project\]|^\[tool\.poetry\]|^\[metadata\]/m;
const MAX_README_BYTES = 256 * 1024;

const known = new Map<string, { file: string; line: number } | null>();

/** Where the README of the project at `root` activates its conda environment, when the above holds (cached per root). */
export function condaWorkflow(root: string | undefined): { file: string; line: number } | undefined {
  if (!root) return undefined;
  const top = path.resolve(root);
  let found = known.get(top);
  if (found === undefined) {
    found = read(top);
    known.set(top, found);
  }
  return found ?? undefined;
}

function read(top: string): { file: string; line: number } | null {
  if (['setup.py', 'pyproject.toml', 'setup.cfg'].some((n) => PACKAGED.test(readConfigText(path.join(top, n)) ?? ''))) return null;
  const name = READMES.find((n) => isFile(path.join(top, n)));
  if (!name) return null;
  const text = readConfigText(path.join(top, name), MAX_README_BYTES);
  if (text === undefined || OTHER_ENV.test(text)) return null;
  const m = CONDA_ACTIVATE.exec(text);
  if (!m) return null;
  return { file: name, line: text.slice(0, m.index).split('\n').length };
}

/** Whether `file` is a file of the project at `root` outside a package folder (no `__init__.py` beside it). */
export function outsidePackage(root: string | undefined, file: string): boolean {
  if (!root) return false;
  const abs = path.resolve(file);
  return abs.startsWith(path.resolve(root) + path.sep) && isFile(abs) && !isFile(path.join(path.dirname(abs), '__init__.py'));
}
