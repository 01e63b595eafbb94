/** Small helpers for writing the pages: a shell session, and measured output shown as a Markdown code block. */

export const session = (...lines: string[]): string => lines.join('\n');

/** Output as printed, indented four spaces (a Markdown code block inside the prose). */
export const printed = (...lines: string[]): string => lines.map((l) => `    ${l}`).join('\n');

/** Paragraphs, separated by a blank line. */
export const paragraphs = (...ps: string[]): string => ps.join('\n\n');

export const DOCS = {
  venv: 'https://docs.python.org/3/library/venv.html',
  howVenvsWork: 'https://docs.python.org/3/library/venv.html#how-venvs-work',
  site: 'https://docs.python.org/3/library/site.html',
  sysPathInit: 'https://docs.python.org/3/library/sys_path_init.html',
  sysPrefix: 'https://docs.python.org/3/library/sys.html#sys.prefix',
  sysExecutable: 'https://docs.python.org/3/library/sys.html#sys.executable',
  pep405: 'https://peps.python.org/pep-0405/',
  pep370: 'https://peps.python.org/pep-0370/',
  envvars: 'https://docs.python.org/3/using/cmdline.html#environment-variables',
  pipConfig: 'https://pip.pypa.io/en/stable/topics/configuration/',
  pipInstall: 'https://pip.pypa.io/en/stable/cli/pip_install/',
  pipUserGuide: 'https://pip.pypa.io/en/stable/user_guide/',
  uvEnvironments: 'https://docs.astral.sh/uv/pip/environments/',
  virtualenv: 'https://virtualenv.pypa.io/en/latest/',
  pyenv: 'https://github.com/pyenv/pyenv#understanding-python-version-selection',
  systemdExec: 'https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html',
} as const;
