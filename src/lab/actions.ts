/**
 * A GitHub Actions job's steps run here without a runner: the first job's `run:` steps in order,
 * each as its own shell the way the runner starts it on Linux (`bash -e FILE`, or `sh -e FILE` for
 * `shell: sh`), in the lab's folder (the checkout), with the step's `env:` and what earlier steps
 * wrote to `$GITHUB_PATH` (prepended to PATH) and `$GITHUB_ENV` (`NAME=value` lines). `uses:` steps
 * other than actions/checkout are refused, so a lab never claims to have run what it skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export class ActionsLabError extends Error {}

export interface ActionsStep {
  script: string;
  shell: 'bash' | 'sh';
  env: Record<string, string>;
}

export function actionsSteps(text: string): ActionsStep[] {
  const doc = parse(text) as { jobs?: Record<string, { steps?: Array<Record<string, unknown>> }> };
  const job = Object.values(doc?.jobs ?? {})[0];
  if (!job?.steps) throw new ActionsLabError('the workflow has no job with steps');
  const out: ActionsStep[] = [];
  for (const step of job.steps) {
    if (typeof step.uses === 'string') {
      if (/^actions\/checkout@/.test(step.uses)) continue; // the lab's folder is the checkout
      throw new ActionsLabError(`the lab does not run \`uses: ${step.uses}\``);
    }
    if (typeof step.run !== 'string') throw new ActionsLabError('a step with neither run: nor uses:');
    const shell = step.shell === undefined || step.shell === 'bash' ? 'bash' : step.shell === 'sh' ? 'sh' : undefined;
    if (!shell) throw new ActionsLabError(`the lab does not run steps with shell: ${String(step.shell)}`);
    out.push({ script: step.run, shell, env: Object.fromEntries(Object.entries((step.env as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)])) });
  }
  return out;
}

/** After a step: PATH with `$GITHUB_PATH`'s lines in front (the newest first), plus `$GITHUB_ENV`'s values. */
export function carryOver(dir: string, env: Record<string, string>): Record<string, string> {
  const next = { ...env };
  const added = fs.readFileSync(path.join(dir, '.github_path'), 'utf8').split('\n').filter(Boolean);
  for (const line of fs.readFileSync(path.join(dir, '.github_env'), 'utf8').split('\n')) {
    const m = /^(\w+)=(.*)$/.exec(line);
    if (m) next[m[1]] = m[2];
  }
  if (added.length) next.PATH = [...added.reverse(), env.PATH].join(':');
  return next;
}
