/**
 * The doctor's one result type. A finding is a fact about the environment with a severity
 * (error: broken, or loads code from outside; warning: an escape is likely; info), the evidence
 * that shows it, and a command that fixes it.
 */
import type { Topic } from '../kernel/topic.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  evidence: string[];
  fix: string;
}

/** A doctor code's concept page (src/env/pages, rendered by finding-docs.ts like the rules' pages). */
export interface FindingDocs {
  /** The severities the doctor reports it with, most severe first. */
  severities: Severity[];
  /** Where the docs site's index lists the page (kernel/topic.ts). */
  topic: Topic;
  /** One paragraph: what the doctor looks at, which pass finds it, and when each severity applies. */
  summary: string;
  /** What is really going on. */
  mentalModel: string;
  /** A shell session that produces the state, ending with the `venvguard doctor` run. */
  session: string;
  /** What the doctor prints for it (measured on this project's development machine). */
  whatItPrints: string;
  why: string;
  /** A shell session that avoids or repairs the state. */
  useInstead: string;
  /** How it fails in real systems (services, cron, CI, containers …). */
  inRealSystems: string;
  /** What the doctor's fix line changes, and when it is not safe to run blindly. */
  fixSafety: string;
  keyTakeaway: string;
  /** https links to the documentation the page relies on. */
  references: string[];
}

/** Every code the doctor emits, with a one-line title (for docs and the JSON consumer). */
export const FINDING_CODES: Record<string, string> = {
  DR001: 'the base interpreter recorded in pyvenv.cfg is missing',
  DR002: 'the venv interpreter is a dangling symbolic link',
  DR003: 'pyvenv.cfg records another Python version than the interpreter has',
  DR004: 'the activation scripts point at another folder (moved or copied venv)',
  DR005: 'console scripts point at an interpreter outside this venv',
  DR006: 'a .pth file runs code at every start',
  DR007: 'the same distribution is installed twice with different versions',
  DR008: 'packages of the base interpreter are importable (include-system-site-packages = true)',
  DR009: 'the user site (~/.local) is on sys.path',
  DR010: 'PYTHONPATH adds entries to sys.path',
  DR011: 'PYTHONHOME overrides where the standard library is found',
  DR012: 'VIRTUAL_ENV names another environment than the target, or nothing',
  DR013: 'a variable changes how this interpreter starts',
  DR014: 'a pip setting redirects installs',
  DR015: 'a child that starts python or pip by name runs another interpreter',
  DR016: 'a pyenv shim on PATH picks another version than the target',
  DR017: 'sitecustomize or usercustomize is loaded',
  DR018: 'the target is not a usable venv or interpreter',
  DR019: 'the interpreter failed to start',
  DR020: 'the probe found another prefix than the target',
  DR021: 'pyvenv.cfg is unreadable or incomplete',
};
