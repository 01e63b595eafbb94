/**
 * Renderings of an EnvironmentReport: the human view follows the mental model interpreter →
 * prefix → sys.path/site-packages → PATH, then the findings; JSON is the report as it is.
 */
import type { ChildRun, EnvironmentReport } from './doctor.js';

export function renderDoctorJson(r: EnvironmentReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}

function childCell(c: ChildRun | undefined): string {
  if (!c || !c.found) return 'not found';
  if (c.inside) return 'this env';
  if (c.shim) {
    const from = c.shim.source === 'PYENV_VERSION' ? 'PYENV_VERSION' : c.shim.source.endsWith('.python-version') ? '.python-version' : 'global';
    return c.shim.target ? `pyenv ${c.shim.version} (${from})` : `pyenv ${c.shim.version} (${from}): not found`;
  }
  return c.real ?? c.found;
}

export function renderDoctorText(r: EnvironmentReport): string {
  const i = r.interpreter;
  const out: string[] = [];
  const row = (label: string, value: string) => out.push(`${label.padEnd(14)}${value}`);
  row('target', `${i.venv ?? i.python ?? '(none)'}  [${i.target.why}]`);
  if (i.python) row('interpreter', `${i.python}${i.sysExecutable && i.sysExecutable !== i.python ? `  (sys.executable ${i.sysExecutable})` : ''}${i.version ? `  Python ${i.version}` : i.recordedVersion ? `  Python ${i.recordedVersion} (recorded)` : ''}`);
  if (i.baseExecutable && i.baseExecutable !== i.sysExecutable) row('  base', i.baseExecutable);
  if (i.pyvenvCfg) {
    const c = i.pyvenvCfg;
    row('  pyvenv.cfg', ['home', 'version', 'version_info', 'include-system-site-packages', 'virtualenv', 'uv'].filter((k) => c[k] !== undefined).map((k) => `${k} = ${c[k]}`).join('; '));
  }
  if (i.prefix) row('prefix', `${i.prefix}${i.basePrefix && i.basePrefix !== i.prefix ? `  (base ${i.basePrefix})` : ''}`);
  if (i.sysPath) {
    const how = i.isolatedRun === 'same' ? 'once (no PYTHON… variable is set and the user site is off, so -I would change nothing but the script folder)' : `normally and with ${i.isolatedFlags?.join(' ') || 'no isolated run'}`;
    row('sys.path', `(the probe started the interpreter ${how}; starting it runs the environment's .pth code)`);
    const w = Math.min(60, Math.max(...i.sysPath.map((e) => (e.entry || "''").length)));
    for (const e of i.sysPath) out.push(`  ${(e.entry || "''").padEnd(w)}  ${e.origin}${e.fromEnvironment ? ', from the environment' : ''}${e.exists ? '' : ', missing'}`);
  } else {
    row('sys.path', i.probe === 'skipped' ? '(not probed: static pass only, nothing was executed)' : '(the probe failed)');
    if (i.sitePackages.length) row('site-packages', i.sitePackages.join(', '));
  }
  if (i.userSite) row('user site', `${i.userSite.path ?? '-'}: ${i.userSite.onPath ? 'ON sys.path' : i.userSite.enabled ? 'enabled' : 'disabled'}${i.userSite.exists ? `, ${i.userSite.distributions.length} distribution(s)` : ', does not exist'}`);
  if (i.customize && Object.keys(i.customize).length) row('customize', Object.entries(i.customize).map(([k, v]) => `${k} from ${v}`).join('; '));
  const envVars = Object.entries(i.environment);
  if (envVars.length) row('variables', envVars.map(([k, v]) => `${k}=${v}`).join('  '));
  if (i.children.length) {
    const names = [...new Set(i.children.map((c) => c.name))];
    row('PATH', 'what a child started by name runs');
    const w = Math.max(...names.map((n) => n.length));
    const cells = names.map((n) => (['current', 'systemd', 'cron'] as const).map((k) => childCell(i.children.find((c) => c.name === n && c.pathKind === k))));
    const cw = [0, 1].map((j) => Math.max(12, ...cells.map((c) => c[j].length)));
    out.push(`  ${''.padEnd(w)}  ${'current PATH'.padEnd(cw[0])}  ${'systemd'.padEnd(cw[1])}  cron`);
    names.forEach((n, j) => out.push(`  ${n.padEnd(w)}  ${cells[j][0].padEnd(cw[0])}  ${cells[j][1].padEnd(cw[1])}  ${cells[j][2]}`));
  }
  out.push('');
  for (const f of r.findings) {
    out.push(`${f.severity.padEnd(7)} ${f.code}  ${f.message}`);
    for (const e of f.evidence) out.push(`          ${e}`);
    out.push(`          fix: ${f.fix}`);
  }
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  out.push(`${r.findings.length ? '' : 'no findings\n'}${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info  (${Math.round(i.durationMs)} ms${i.probeMs !== undefined ? `, probe ${Math.round(i.probeMs)} ms` : ''})`);
  return out.join('\n') + '\n';
}
