/**
 * Facts about a configuration-file launch site (Dockerfile, GitHub Actions …) that the venv-in-scope
 * rules need and LaunchSite does not carry: where each known venv came from, whether the command
 * creates a venv, and activations. One WeakMap shared by every configuration front end.
 */
import type { LaunchSite } from '../core/launch-site.js';

export interface VenvOrigin {
  /** 1-based line of the instruction or step that created (or copied in) the venv. */
  line: number;
  how: 'created' | 'copied';
  /** GitHub Actions: the 1-based step number in its job. */
  step?: number;
}

export interface ConfigSiteFacts {
  /** Where each known venv (by absolute path) came from. */
  venvOrigins: ReadonlyMap<string, VenvOrigin>;
  /** The command creates a venv (`python -m venv X` …): using the system interpreter is the point. */
  createsVenv?: boolean;
  /** Set on `source X/bin/activate` / `. X/bin/activate` sites. */
  activation?: {
    venv: string;
    /** No command follows the activation in the same shell (RUN, step): it has no effect at all. */
    lastInRun: boolean;
    /** Sites of later shells (RUNs, steps) that run with no venv on PATH (computed when read). */
    readonly laterSites: LaunchSite[];
  };
  form: 'shell' | 'exec';
  /** How a venv path is shown in messages (GitHub Actions: relative to the workspace). */
  showVenv?: (venv: string) => string;
}

const FACTS = new WeakMap<LaunchSite, ConfigSiteFacts>();

export function configFacts(site: LaunchSite): ConfigSiteFacts | undefined {
  return FACTS.get(site);
}

export function setConfigFacts(site: LaunchSite, facts: ConfigSiteFacts): void {
  FACTS.set(site, facts);
}
