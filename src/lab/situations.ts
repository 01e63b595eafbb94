/**
 * How a lab runs one example in one situation (LabSituation): the command, its environment and
 * working folder, with stdout and stderr captured in the order they were written.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabSituation } from '../kernel/lab-spec.js';
import { dockerfileSteps } from './dockerfile.js';
import { actionsSteps, carryOver } from './actions.js';

/** systemd's default PATH for services (and Docker's for images that set none). */
export const SERVICE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
export const CRON_PATH = '/usr/bin:/bin';

/**
 * The environment every run starts from: a service's, not this shell's (no pyenv, no activation),
 * and pip isolated from this machine's configuration and network (no config file, no index, no
 * version check), so that outputs depend on the interpreters and the OS only.
 */
export function baseEnv(pathValue: string): Record<string, string> {
  return { PATH: pathValue, HOME: os.homedir(), LANG: 'C.UTF-8', PIP_CONFIG_FILE: '/dev/null', PIP_NO_INDEX: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1', PYTHONDONTWRITEBYTECODE: '1' };
}

export interface Executed {
  command: string;
  output: string;
  exitCode: number;
}

/** The child running now, so that an interrupted lab can stop it before removing its folder. */
export const running: { child?: ChildProcess } = {};

/** Run argv in `cwd` with `env`; stdout and stderr go to one file, so their order is kept. */
export async function execute(argv: string[], cwd: string, env: Record<string, string>): Promise<{ output: string; exitCode: number }> {
  const log = path.join(cwd, '.lab-output');
  const fd = fs.openSync(log, 'w');
  try {
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', fd, fd], timeout: 120_000 });
    running.child = child;
    const end = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
      child.once('close', (code, signal) => resolve({ code, signal }));
    });
    running.child = undefined;
    const output = fs.readFileSync(log, 'utf8');
    if (end.error) return { output: output + `${argv[0]}: ${(end.error as NodeJS.ErrnoException).code ?? end.error.message}\n`, exitCode: 127 };
    return { output, exitCode: end.code ?? 128 + (os.constants.signals[end.signal as NodeJS.Signals] ?? 0) };
  } finally {
    fs.closeSync(fd);
    fs.rmSync(log, { force: true });
  }
}

const shq = (s: string) => (/^[\w./=:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * Run one situation in `dir`. `example` is the file the example was written to (`example.py`,
 * `Dockerfile`, `broken.sh`, `broken.mk`).
 */
export async function runSituation(situation: LabSituation, dir: string, example: string, venv: string): Promise<Executed> {
  const service = baseEnv(SERVICE_PATH);
  switch (situation) {
    case 'unactivated': {
      const argv = [`${venv}/bin/python`, example];
      return { command: argv.join(' '), ...(await execute(argv, dir, service)) };
    }
    case 'activated': {
      const line = `. ${venv}/bin/activate && python ${example}`;
      return { command: `bash -c ${shq(line)}`, ...(await execute(['bash', '-c', line], dir, service)) };
    }
    case 'cron': {
      const line = `${venv}/bin/python ${example}`;
      const env = { ...baseEnv(CRON_PATH), SHELL: '/bin/sh' };
      return { command: `PATH=${CRON_PATH} sh -c ${shq(line)}`, ...(await execute(['/bin/sh', '-c', line], dir, env)) };
    }
    case 'sh':
    case 'bash':
      return { command: `${situation} ${example}`, ...(await execute([situation, example], dir, service)) };
    case 'make':
      return { command: `make -s -f ${example}`, ...(await execute(['make', '-s', '-f', example], dir, service)) };
    case 'dockerfile':
      return runDockerfile(dir, example, service);
    case 'actions':
      return runActions(dir, example, service);
  }
}

/**
 * A Dockerfile's RUN lines each as its own `/bin/sh -c` in `dir`, in order, with the ENV values set
 * before them, stopping at the first that fails (as a build does). Absolute paths under `/opt/`
 * become the lab folder's `opt/` (the transcript shows the commands as run).
 */
async function runDockerfile(dir: string, file: string, start: Record<string, string>): Promise<Executed> {
  const env: Record<string, string> = { ...start };
  const text = fs.readFileSync(path.join(dir, file), 'utf8').replace(/(^|[\s="'])\/opt\//g, `$1${dir}/opt/`);
  const commands: string[] = [];
  let output = '';
  let exitCode = 0;
  for (const step of dockerfileSteps(text, env)) {
    if (step.kind === 'env') {
      Object.assign(env, step.values);
      continue;
    }
    const argv = step.kind === 'run' ? ['/bin/sh', '-c', step.line] : step.argv;
    commands.push(step.kind === 'run' ? `sh -c ${shq(step.line)}` : argv.map(shq).join(' '));
    const r = await execute(argv, dir, env);
    output += r.output;
    exitCode = r.exitCode;
    if (exitCode !== 0) break;
  }
  return { command: commands.join(' ; '), output, exitCode };
}

/** A workflow's first job, step by step (src/lab/actions.ts), stopping at the first that fails. */
async function runActions(dir: string, file: string, start: Record<string, string>): Promise<Executed> {
  let env: Record<string, string> = { ...start, GITHUB_PATH: path.join(dir, '.github_path'), GITHUB_ENV: path.join(dir, '.github_env'), GITHUB_ACTIONS: 'true', CI: 'true' };
  fs.writeFileSync(env.GITHUB_PATH, '');
  fs.writeFileSync(env.GITHUB_ENV, '');
  const commands: string[] = [];
  let output = '';
  let exitCode = 0;
  for (const [i, step] of actionsSteps(fs.readFileSync(path.join(dir, file), 'utf8')).entries()) {
    const script = path.join(dir, `.step${i + 1}.sh`);
    fs.writeFileSync(script, step.script);
    commands.push(`step ${i + 1} (${step.shell} -e): ${step.script.trim()}`);
    const r = await execute([step.shell, '-e', script], dir, { ...env, ...step.env });
    fs.rmSync(script, { force: true });
    output += r.output;
    exitCode = r.exitCode;
    if (exitCode !== 0) break;
    env = carryOver(dir, env);
  }
  for (const f of ['.github_path', '.github_env']) fs.rmSync(path.join(dir, f), { force: true });
  return { command: commands.join(' ; '), output, exitCode };
}
