/**
 * The few Dockerfile instructions a lab runs without a container: `RUN` (shell form), `CMD`
 * (exec form: started as the container would start it), `ENV` (set for the lines after it, with
 * `$VAR`/`${VAR}` expanded from the values before it). `FROM`, `WORKDIR` and `COPY` are read past (the lab's
 * folder is the working folder and the build context, this machine is the image); anything else is refused, so a lab
 * never claims to have run what it skipped.
 */

export type DockerStep = { kind: 'run'; line: string } | { kind: 'cmd'; argv: string[] } | { kind: 'env'; values: Record<string, string> };

export class DockerfileLabError extends Error {}

function expand(v: string, env: Record<string, string>): string {
  return v.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => env[(a ?? b) as string] ?? '');
}

/** `K=V K2="V 2"` (or the legacy `K V`) → values, expanded against `env` as it was before the line. */
function envValues(rest: string, env: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  if (!/^\w+=/.test(rest)) {
    const m = /^(\w+)\s+(.*)$/.exec(rest);
    if (!m) throw new DockerfileLabError(`cannot read ENV ${rest}`);
    out[m[1]] = expand(m[2], env);
    return out;
  }
  const re = /(\w+)=("((?:[^"\\]|\\.)*)"|'([^']*)'|(\S*))\s*/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while ((m = re.exec(rest))) {
    at = re.lastIndex;
    out[m[1]] = m[3] !== undefined ? expand(m[3].replace(/\\(.)/g, '$1'), env) : m[4] !== undefined ? m[4] : expand(m[5], env);
  }
  if (at !== rest.length) throw new DockerfileLabError(`cannot read ENV ${rest}`);
  return out;
}

export function dockerfileSteps(text: string, start: Record<string, string>): DockerStep[] {
  const env = { ...start };
  const steps: DockerStep[] = [];
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (!m) throw new DockerfileLabError(`cannot read the line ${line}`);
    const [, instr, rest] = m;
    switch (instr.toUpperCase()) {
      case 'FROM':
      case 'WORKDIR':
      case 'COPY': // the build context is the lab's folder, already there
        break;
      case 'RUN':
        if (rest.startsWith('[')) throw new DockerfileLabError('exec-form RUN is not run by the lab');
        steps.push({ kind: 'run', line: rest });
        break;
      case 'CMD':
        if (!rest.startsWith('[')) throw new DockerfileLabError('shell-form CMD is not run by the lab');
        steps.push({ kind: 'cmd', argv: JSON.parse(rest) as string[] });
        break;
      case 'ENV': {
        const values = envValues(rest, env);
        Object.assign(env, values);
        steps.push({ kind: 'env', values });
        break;
      }
      default:
        throw new DockerfileLabError(`the lab does not run ${instr} instructions`);
    }
  }
  return steps;
}
