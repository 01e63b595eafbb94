/** Wording shared by the rules' messages: how the program is reached and where PATH comes from. */
import type { LaunchSite, VenvOrigin } from '../kernel/launch-site.js';
import type { Verdict } from '../kernel/verdict.js';
import { wordText } from '../kernel/word.js';
import { installsOnlyTools } from '../judge/python-tools.js';

/** e.g. ` (run by sh -c via env)` — how the launch reaches the program. */
export function via(site: LaunchSite): string {
  const parts = [...site.wrappers];
  if (site.viaShell && !parts.some((w) => /-c$/.test(w))) parts.unshift('sh');
  return parts.length ? ` (via ${parts.join(' → ')})` : '';
}

/** Which PATH the name is looked up on. */
export function lookedUpOn(v: Verdict, site?: LaunchSite): string {
  switch (v.resolution) {
    case 'defpath':
      return 'looked up on os.defpath (/bin:/usr/bin): env= has no PATH';
    case 'sudo': {
      const by = site?.env.path.kind === 'reset' ? site.env.path.by : 'sudo';
      if (by === 'sudo') return "looked up on sudo's secure_path, not this venv";
      if (by === 'env -i') return 'looked up on the default path (/bin:/usr/bin): env -i cleared PATH';
      return `looked up on the PATH that ${by} sets, not this venv`;
    }
    default:
      // A starter of the file that runs it by the venv's path without the venv on PATH (who-runs pre-pass).
      return v.startedBy ? `found on PATH, which has this venv only if activated, and ${v.startedBy}` : 'found on PATH, which has this venv only if activated';
  }
}

/** " created at line 2", " copied in at line 6", " named at line 3", " created in step 1 (line 5)". */
export function originText(o: VenvOrigin | undefined): string {
  if (!o) return '';
  const how = o.how === 'copied' ? 'copied in' : o.how === 'named' ? 'named' : 'created';
  return o.where ? ` ${how} ${o.where} (line ${o.line})` : ` ${how} at line ${o.line}`;
}

/**
 * A command the file means for PATH's interpreter, not the venv's (config facts.ts): after `pip
 * install --user` in its shell (an interpreter or pip by name; a console script is still looked for
 * in the venv), or `python setup.py sdist` of a setup.py that needs only setuptools.
 */
export function meantForPathInterpreter(site: LaunchSite, tool: Verdict['tool']): boolean {
  const facts = site.config;
  return !!facts?.sdistBuild || (!!facts?.userInstalled && tool !== 'console-script');
}

/**
 * A `pip` run outside a venv that cannot be meant for that venv: it installs only standalone tools
 * (`pip install pre-commit`: they build their own environments), or upgrades itself for such an
 * install (`toolPrep`), or the venv was made without pip
 * (`uv venv`), so `pip` by name was never going to be its pip and its interpreter with `-m pip`
 * would fail (`byInterpreter`: `python -m pip`, where the interpreter's choice still matters).
 */
export function pipNotMeantForVenv(site: LaunchSite, byInterpreter: boolean, origin: VenvOrigin | undefined): boolean {
  return installsOnlyTools(site.argv.map((w) => wordText(w))) || !!site.config?.toolPrep || (!byInterpreter && !!origin?.withoutPip);
}
