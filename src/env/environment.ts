/**
 * Environment variables that change which interpreter starts, what it imports, or where pip
 * installs. Judged against the target: a VIRTUAL_ENV that names another folder is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from './finding.js';

export const WATCHED_VARIABLES = [
  'PYTHONPATH', 'PYTHONHOME', 'PYTHONUSERBASE', 'PYTHONNOUSERSITE', 'PYTHONSTARTUP', 'PYTHONEXECUTABLE',
  '__PYVENV_LAUNCHER__', 'VIRTUAL_ENV', 'CONDA_PREFIX', 'PIP_TARGET', 'PIP_PREFIX', 'PIP_USER', 'PIP_REQUIRE_VIRTUALENV',
] as const;

export function watchedVariables(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of WATCHED_VARIABLES) if (env[k] !== undefined) out[k] = env[k]!;
  return out;
}

const truthy = (v: string | undefined) => !!v && !/^(0|false|no|off)$/i.test(v);

export function environmentFindings(env: Record<string, string | undefined>, target: { venv?: string; python: string }): Finding[] {
  const f: Finding[] = [];
  const py = target.python;
  if (env.PYTHONPATH) {
    f.push({ code: 'DR010', severity: 'error', message: 'PYTHONPATH puts folders before site-packages on sys.path of every Python that starts, inside the venv or not', evidence: [`PYTHONPATH=${env.PYTHONPATH}`], fix: `unset PYTHONPATH (and remove it from ~/.profile, ~/.bashrc or the service unit); install the code into the environment instead: ${py} -m pip install -e .` });
  }
  if (env.PYTHONHOME) {
    f.push({ code: 'DR011', severity: 'error', message: 'PYTHONHOME replaces the prefix every interpreter finds its standard library under: any Python started with it, in a venv or not, loads that installation\'s standard library (or fails to start)', evidence: [`PYTHONHOME=${env.PYTHONHOME}`], fix: 'unset PYTHONHOME' });
  }
  if (env.VIRTUAL_ENV && !fs.existsSync(path.join(env.VIRTUAL_ENV, 'pyvenv.cfg'))) {
    const what = fs.existsSync(env.VIRTUAL_ENV) ? 'a folder without pyvenv.cfg, not a venv' : 'nothing: the folder does not exist';
    f.push({ code: 'DR012', severity: 'warning', message: `VIRTUAL_ENV names ${what}; it is left from a venv that was removed or moved, and tools that trust it (uv, shell prompts) fail or act on the wrong environment`, evidence: [`VIRTUAL_ENV=${env.VIRTUAL_ENV}`], fix: `unset VIRTUAL_ENV (and its bin folder from PATH: deactivate, or open a new shell)${target.venv ? `, then: source ${path.join(target.venv, 'bin', 'activate')}` : ''}` });
  } else if (env.VIRTUAL_ENV && target.venv && path.resolve(env.VIRTUAL_ENV) !== path.resolve(target.venv)) {
    f.push({ code: 'DR012', severity: 'warning', message: `VIRTUAL_ENV names ${env.VIRTUAL_ENV}, not the target ${target.venv}: tools that trust it (uv, the py launcher, shell prompts) act on the wrong environment`, evidence: [`VIRTUAL_ENV=${env.VIRTUAL_ENV}`], fix: `deactivate (or unset VIRTUAL_ENV), then: source ${path.join(target.venv, 'bin', 'activate')}` });
  }
  const notes: [string, string][] = [
    ['PYTHONUSERBASE', 'moves the user site (where pip --user installs, and which is on sys.path unless disabled)'],
    ['PYTHONNOUSERSITE', 'disables the user site'],
    ['PYTHONSTARTUP', 'runs a file before interactive sessions'],
    ['PYTHONEXECUTABLE', 'overrides sys.executable, and Python looks for pyvenv.cfg beside the path it names: a venv\'s interpreter started with it runs outside the venv, and children started with sys.executable start that path'],
    ['__PYVENV_LAUNCHER__', 'is inherited from a macOS or Windows venv launcher: a child interpreter believes it runs from that venv'],
    ['CONDA_PREFIX', 'shows an active conda environment; its bin is probably on PATH before the venv'],
  ];
  for (const [k, why] of notes) {
    if (env[k] === undefined) continue;
    const severity = k === 'PYTHONEXECUTABLE' || k === '__PYVENV_LAUNCHER__' ? 'warning' : 'info';
    f.push({ code: 'DR013', severity, message: `${k} ${why}`, evidence: [`${k}=${env[k]}`], fix: `unset ${k} if it is not meant for this environment` });
  }
  const pip: string[] = [];
  if (env.PIP_TARGET) pip.push(`PIP_TARGET=${env.PIP_TARGET} (pip install writes there, not into site-packages)`);
  if (env.PIP_PREFIX) pip.push(`PIP_PREFIX=${env.PIP_PREFIX} (pip install writes under that prefix)`);
  if (truthy(env.PIP_USER)) pip.push(`PIP_USER=${env.PIP_USER} (pip install --user: into the user site, refused inside a venv)`);
  if (pip.length) f.push({ code: 'DR014', severity: 'warning', message: 'pip is configured to install outside the environment it runs in', evidence: pip, fix: `unset ${pip.map((p) => p.split('=')[0]).join(' ')}; then ${py} -m pip install …` });
  if (env.PIP_REQUIRE_VIRTUALENV !== undefined) {
    f.push({ code: 'DR014', severity: 'info', message: `PIP_REQUIRE_VIRTUALENV=${env.PIP_REQUIRE_VIRTUALENV}: pip ${truthy(env.PIP_REQUIRE_VIRTUALENV) ? 'refuses to install outside a venv (good)' : 'may install outside a venv'}`, evidence: [`PIP_REQUIRE_VIRTUALENV=${env.PIP_REQUIRE_VIRTUALENV}`], fix: 'export PIP_REQUIRE_VIRTUALENV=1 in your shell profile to keep it that way' });
  }
  return f;
}
