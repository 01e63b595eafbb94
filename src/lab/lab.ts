/**
 * `venvguard lab`: run a rule page's broken and fixed examples for real — in a temporary venv made
 * with each chosen interpreter (Python rules) or with this machine's shells and make (configuration
 * rules) — and check each output against the claim the rule file makes beside its example.
 * Everything happens under one temporary folder, removed before returning, whatever happened.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabClaim, RuleLab } from '../kernel/lab-spec.js';
import { claimText, SITUATION_TEXT } from '../kernel/lab-spec.js';
import type { Rule } from '../kernel/rule.js';
import { discoverInterpreters, interpreterVersion, makeVenv, InterpreterError, type Interpreter } from '../env/interpreters.js';
import { baseEnv, execute, running, runSituation, SERVICE_PATH } from './situations.js';
import type { LabRun, LabTranscript } from './transcript.js';

export { InterpreterError };

export interface LabOptions {
  /** Interpreters for Python rules (paths); default: discovered, up to three versions. */
  pythons?: string[];
  /** Called before each rule's runs (progress). */
  onRule?: (code: string) => void;
}

/** What the lab's temporary folder is written as in commands and outputs. */
export const LAB = '$LAB';

/** The interpreters the lab will use: checked (each must run and be Python 3), or discovered. */
export function chooseInterpreters(pythons: string[] | undefined): Interpreter[] {
  if (pythons && pythons.length) return pythons.map((p) => ({ path: p, version: interpreterVersion(p) }));
  const found = discoverInterpreters(3);
  if (!found.length) throw new InterpreterError('no Python 3 interpreter found (python3 on PATH, pyenv versions): pass --python PATH');
  return found;
}

export function osName(): string {
  try {
    const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m) return `${m[1]} (${os.arch()})`;
  } catch {
    /* not Linux, or no os-release */
  }
  return `${os.type()} ${os.release()} (${os.arch()})`;
}

function firstPath(line: string): string | undefined {
  return /(\$LAB|\/)[^\s:'",)]*/.exec(line)?.[0];
}

/** Whether `output`/`exitCode` satisfy the claim; when not, the part that failed. */
export function checkClaim(claim: LabClaim, output: string, exitCode: number, venv: string): { agrees: boolean; failed?: string } {
  const lines = output.split('\n');
  const venvAt = `${LAB}/${venv}`;
  for (const w of claim.where ?? []) {
    const line = lines.find((l) => l.trimStart().startsWith(w.line));
    if (line === undefined) return { agrees: false, failed: `no line starts with \`${w.line}\`` };
    const p = firstPath(line.trimStart().slice(w.line.length));
    if (!p) return { agrees: false, failed: `\`${line.trim()}\` names no path` };
    const inside = p === venvAt || p.startsWith(venvAt + '/');
    if (inside !== (w.is === 'venv')) return { agrees: false, failed: `\`${w.line}\` names ${p}, ${inside ? 'inside' : 'outside'} the venv` };
  }
  for (const s of claim.says ?? []) if (!output.includes(s)) return { agrees: false, failed: `does not print \`${s}\`` };
  for (const s of claim.never ?? []) if (output.includes(s)) return { agrees: false, failed: `prints \`${s}\`` };
  if (claim.exit !== undefined && (claim.exit === 'nonzero' ? exitCode === 0 : exitCode !== claim.exit)) return { agrees: false, failed: `exits ${exitCode}` };
  return { agrees: true };
}

/** The lab folder's real and given paths → `$LAB`, so transcripts do not depend on where it was. */
function normalizer(dir: string): (s: string) => string {
  const forms = [...new Set([fs.realpathSync(dir), dir])].sort((a, b) => b.length - a.length);
  return (s) => forms.reduce((acc, f) => acc.split(f).join(LAB), s);
}

function clearFolder(dir: string, keep: string): void {
  for (const e of fs.readdirSync(dir)) if (e !== keep) fs.rmSync(path.join(dir, e), { recursive: true, force: true });
}

function writeFiles(dir: string, files: Record<string, string> | undefined): void {
  for (const [name, text] of Object.entries(files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

/** The venv the lab makes before the runs: Python labs' (with each interpreter), and the one configuration labs' scripts use. */
const PREMADE = 'venv';

function exampleFile(rule: Rule, which: 'broken' | 'fixed', situation: string): string {
  if (situation === 'sh' || situation === 'bash') return `${which}.sh`;
  if (situation === 'make') return `${which}.mk`;
  if (situation === 'actions') return `${which}.yml`;
  return rule.docs.exampleLanguage === 'python' ? `${which}.py` : `${which}.Dockerfile`;
}

/** Run the cases of one lab in `dir` (which holds a venv at `lab.venv` when one is premade). */
async function runCases(rule: Rule, lab: RuleLab, dir: string, interpreter: string): Promise<LabRun[]> {
  const norm = normalizer(dir);
  const runs: LabRun[] = [];
  if (lab.setup) {
    writeFiles(dir, lab.files);
    const r = await execute(['/bin/sh', '-c', lab.setup], dir, baseEnv(SERVICE_PATH));
    if (r.exitCode !== 0) throw new Error(`${rule.code}: the lab's setup \`${lab.setup}\` failed (exit ${r.exitCode}): ${norm(r.output).trim()}`);
  }
  for (const c of lab.cases) {
    const script = c.situation === 'sh' || c.situation === 'bash' || c.situation === 'make' || c.situation === 'actions';
    const venv = script ? PREMADE : lab.venv; // scripts use the venv made before them; the others theirs
    clearFolder(dir, PREMADE);
    writeFiles(dir, lab.files);
    const file = exampleFile(rule, c.example, c.situation);
    if (!script) fs.writeFileSync(path.join(dir, file), c.example === 'broken' ? rule.docs.example : rule.docs.useInstead);
    else if (!lab.files?.[file]) throw new Error(`${rule.code}: the lab's ${c.situation} case needs ${file} in its files`);
    const r = await runSituation(c.situation, dir, file, venv);
    const output = norm(r.output);
    const verdict = checkClaim(c.claim, output, r.exitCode, venv);
    runs.push({
      example: c.example,
      situation: SITUATION_TEXT[c.situation],
      interpreter,
      command: norm(r.command),
      claim: claimText(c.claim) + (verdict.failed ? ` — disagrees: ${verdict.failed}` : ''),
      output,
      exitCode: r.exitCode,
      agrees: verdict.agrees,
    });
  }
  return runs;
}

/** The words of a lab's examples and files that name a program on the services' PATH, and where it is found. */
export function programsFound(rule: Rule): Record<string, string> {
  const lab = rule.docs.lab;
  const texts = [rule.docs.example, rule.docs.useInstead, lab.setup ?? '', ...Object.values(lab.files ?? {})];
  const words = new Set(texts.join('\n').match(/(?<![\w./-])[A-Za-z][\w.+-]*/g) ?? []);
  const found: Record<string, string> = {};
  for (const w of [...words].sort()) {
    for (const dir of SERVICE_PATH.split(':')) {
      const p = path.join(dir, w);
      try {
        if (fs.statSync(p).isFile()) {
          fs.accessSync(p, fs.constants.X_OK);
          found[w] = p;
          break;
        }
      } catch {
        // not here
      }
    }
  }
  return found;
}

/** The python3 a service finds on its PATH: what configuration labs make their venvs with. */
function servicePython(): Interpreter {
  for (const dir of SERVICE_PATH.split(':')) {
    const p = path.join(dir, 'python3');
    if (fs.existsSync(p)) return { path: p, version: interpreterVersion(p) };
  }
  throw new InterpreterError(`no python3 on ${SERVICE_PATH}: configuration labs need one`);
}

/**
 * Run the labs of `rules`. Throws `InterpreterError` (before or while making venvs) with the
 * temporary folder already removed.
 */
export async function runLabs(rules: readonly Rule[], opts: LabOptions = {}): Promise<LabTranscript[]> {
  const python = rules.filter((r) => r.docs.exampleLanguage === 'python');
  const config = rules.filter((r) => r.docs.exampleLanguage !== 'python');
  const interpreters = python.length ? chooseInterpreters(opts.pythons) : [];
  const service = config.length ? servicePython() : undefined;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'venvguard-lab-'));
  const cleanup = () => fs.rmSync(root, { recursive: true, force: true });
  const onSignal = (sig: NodeJS.Signals) => {
    running.child?.kill(sig);
    cleanup();
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    process.kill(process.pid, sig);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    const system = osName();
    const byCode = new Map<string, LabTranscript>();
    for (const r of rules) byCode.set(r.code, { code: r.code, ok: true, os: system, found: programsFound(r), interpreters: r.docs.exampleLanguage === 'python' ? interpreters : service ? [service] : [], runs: [] });
    for (const [i, it] of interpreters.entries()) {
      const dir = path.join(root, `py${i}`);
      fs.mkdirSync(dir);
      await makeVenv(it.path, path.join(dir, PREMADE), process.env, (c) => (running.child = c));
      for (const r of python) {
        opts.onRule?.(`${r.code} (Python ${it.version})`);
        byCode.get(r.code)!.runs.push(...(await runCases(r, r.docs.lab, dir, it.version)));
      }
    }
    if (service) {
      const dir = path.join(root, 'config');
      fs.mkdirSync(dir);
      if (config.some((r) => r.docs.lab.premadeVenv)) await makeVenv(service.path, path.join(dir, PREMADE), process.env, (c) => (running.child = c));
      for (const r of config) {
        opts.onRule?.(r.code);
        byCode.get(r.code)!.runs.push(...(await runCases(r, r.docs.lab, dir, service.version)));
      }
    }
    const out = rules.map((r) => byCode.get(r.code)!);
    for (const t of out) t.ok = t.runs.length > 0 && t.runs.every((x) => x.agrees);
    return out;
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    cleanup();
  }
}
