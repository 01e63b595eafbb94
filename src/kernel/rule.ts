/**
 * A rule is one file under src/rules/: metadata (its message templates among it), its concept-page
 * docs, the detector and its fix. Rules judge LaunchSites (with the judge's Verdict); they never
 * parse files, and they report a message id with data, never a literal message.
 */
import type { LaunchSite, RewriteTarget } from './launch-site.js';
import type { MessageRef, MessageTemplates } from './messages.js';
import type { Span } from './source.js';
import type { Edit } from './diagnostic.js';
import type { Verdict } from './verdict.js';
import type { Topic } from './topic.js';
import type { RuleLab } from './lab-spec.js';

export interface RuleDocs {
  /** One-paragraph mental model: what is really going on. */
  mentalModel: string;
  /** Broken code (a complete, runnable snippet in `exampleLanguage`). */
  example: string;
  /** The page's question about the broken example ("what does this print when …?"). */
  question: string;
  /** Its answer, in words; the outputs themselves come from the lab (`lab`). */
  answer: string;
  /** Why it happens. */
  why: string;
  /** The fixed code (also runnable); must produce no diagnostic of this rule. */
  useInstead: string;
  /** How it fails in real systems (systemd, cron, CI …) with public references. */
  inRealSystems: string;
  /** When the fix is safe and when it is not, and why. */
  fixSafety: string;
  keyTakeaway: string;
  /** The mistake people make when they fix or avoid this, and what it does. */
  commonMistake: string;
  /** How `venvguard lab` runs the examples, and what the page claims each run prints. */
  lab: RuleLab;
  references: string[];
  /** Language of `example` / `useInstead`. */
  exampleLanguage: 'python' | 'dockerfile' | 'yaml' | 'makefile' | 'shell';
}

export interface RuleMeta<M extends MessageTemplates = MessageTemplates> {
  code: string;
  name: string;
  /** One line, imperative-free: what the rule finds. */
  summary: string;
  /** Whether the rule can offer a fix. */
  fixable: 'always' | 'sometimes' | 'never';
  /**
   * Which launch sites the rule judges: Python source (code started from a venv), or configuration
   * files (Dockerfile, CI …), where a finding needs a venv in scope, or both (VG104: a system
   * interpreter by path is the same mistake in either). The checker does the filtering.
   */
  judges: 'python' | 'config' | 'both';
  /** Where the docs site's index lists the rule's page (kernel/topic.ts). */
  topic: Topic;
  /**
   * Not run unless asked for by its own code or name (`--select`/`--extend-select VG106`, or `ALL`):
   * findings the default policy holds back. A prefix (`VG1`) does not select it.
   */
  optIn?: true;
  /** What the rule says, by id: templates with `{{placeholder}}`s that the report's data fills. */
  messages: M;
  docs: RuleDocs;
}

export type Report<M extends MessageTemplates = MessageTemplates> = MessageRef<M> & ReportPlace;

/** Where a report points and what it offers, besides its message. */
export interface ReportPlace {
  /** Where to report; defaults to the program word if it lies inside the call, else the call. */
  span?: Span;
  related?: { message: string; span: Span }[];
  /** Ask the site's front end for a fix replacing the program with this. */
  fix?: {
    title: string;
    /** What the front end should rewrite; or `edits` the rule computed itself (a literal word swap). */
    target?: RewriteTarget;
    edits?: Edit[];
    /** Tried when the front end cannot build `target` (e.g. no persistent PATH in this format). */
    fallback?: { title: string; target: RewriteTarget; reason?: string };
    /** force at most this applicability */
    cap?: 'unsafe' | 'display-only';
    /**
     * Why the fix is capped. A `persist-venv` rewrite's own reason, worded in the format's terms
     * (what a later instruction, step or recipe line then finds), takes its place: one reason, once.
     */
    reason?: string;
  };
}

export interface RuleContext<M extends MessageTemplates = MessageTemplates> {
  /** Report one of the rule's own message ids (a compile error for any other), with its data. */
  report(r: Report<M>): void;
  /** The run's judge (with the run's console-script knowledge), for rules that look at other sites. */
  judge(site: LaunchSite): Verdict | undefined;
}

export interface Rule<M extends MessageTemplates = MessageTemplates> extends RuleMeta<M> {
  check(site: LaunchSite, verdict: Verdict | undefined, ctx: RuleContext<M>): void;
}

/** A rule, its message ids taken from its `messages` (so that `check` can report only those). */
export function defineRule<const M extends MessageTemplates>(rule: Rule<M>): Rule<M> {
  return rule;
}
