/**
 * The diagnose stage: launch sites (+ suppressions) → judge → rules → fixes → diagnostics. It
 * takes sites from anywhere — a front end's parse, the runtime tracer, an editor — and knows no
 * front end: a site carries what the rules need, and its rewriter builds the fixes they ask for.
 */
import type { Diagnostic, Fix, FileProblem, RelatedLocation } from '../kernel/diagnostic.js';
import type { FileStarters, LaunchSite } from '../kernel/launch-site.js';
import type { Report, Rule } from '../kernel/rule.js';
import type { SourceFile, Span } from '../kernel/source.js';
import { fillMessage, splitTemplate } from '../kernel/messages.js';
import { isSuppressed, type Suppressions } from '../kernel/suppressions.js';
import { judgeLaunch, reliantLaunchesOf, type ToolKnowledge } from '../judge/judge.js';
import type { ImageRun } from './container-images.js';

/** What the diagnose stage needs from a file: its sites, its suppression comments, how far it parsed. */
export interface SiteSource {
  sites: readonly LaunchSite[];
  suppressions: Suppressions;
  /** Set when the file was not fully parsed or analysed; reported as the file's problem. */
  syntaxProblem?: FileProblem;
}

export interface DiagnoseContext {
  rules: readonly Rule[];
  knowledge: ToolKnowledge;
  /**
   * Python files and shell scripts only the project's own container images run (absolute path →
   * how, container-images.ts): a name found on the inherited PATH is the venv whose bin those
   * images put first on PATH, when they put one there.
   */
  imageRuns?: ReadonlyMap<string, ImageRun>;
  /** Python files the project starts (absolute path → what their starters say about PATH, who-runs.ts). */
  whoRuns?: ReadonlyMap<string, FileStarters>;
}

export function diagnose(file: SourceFile, analysis: SiteSource, ctx: DiagnoseContext): { diagnostics: Diagnostic[]; problems: FileProblem[]; reliant?: readonly { name: string; line: number }[] } {
  const diagnostics: Diagnostic[] = [];
  // One finding per rule, place and message. The program of a call may have several values (a
  // name bound on several branches): each is its own site, and the same finding again for another
  // value is merged into the first, whose fix then covers every value or is not offered.
  const seen = new Map<string, Diagnostic | null>();
  // Each site judged once: rules also judge other sites (an activation's later shells), and
  // thousands of activations in one file would judge the same later sites again each time.
  const verdicts = new Map<LaunchSite, ReturnType<typeof judgeLaunch>>();
  const judge = (s: LaunchSite) => {
    if (!verdicts.has(s)) verdicts.set(s, judgeLaunch(s, ctx.knowledge));
    return verdicts.get(s);
  };
  const imageVenv = ctx.imageRuns?.get(file.path)?.venv;
  // Who starts this Python file: the file's facts carry it to the default policy (src/judge/policy.ts).
  const startedBy = ctx.whoRuns?.get(file.path);
  if (startedBy) for (const s of analysis.sites) if (s.pythonFile && !s.pythonFile.startedBy) s.pythonFile.startedBy = startedBy;
  for (const original of analysis.sites) {
    // In the image, the PATH the file inherits has the image's venv first: judged as activated (in
    // a script, only where that venv is the only one the script knows of).
    const inImage =
      imageVenv !== undefined &&
      original.env.path.kind === 'inherited' &&
      original.env.activeVenv === undefined &&
      (original.language === 'python' || (original.language === 'shell' && (original.env.knownVenvs ?? []).every((v) => v === imageVenv)));
    const site = inImage ? { ...original, env: { ...original.env, activeVenv: imageVenv } } : original;
    const verdict = judge(site);
    const judges = site.language === 'python' ? 'python' : 'config';
    for (const rule of ctx.rules) {
      if (rule.judges !== judges && rule.judges !== 'both') continue;
      rule.check(site, verdict, {
        judge,
        report: (r: Report) => {
          const programSpan = verdict?.programSpan;
          const inCall = (s: Span | undefined) => !!s && s.start >= site.callSpan.start && s.end <= site.callSpan.end;
          const span = r.span ?? (inCall(programSpan) ? programSpan! : site.callSpan);
          const related: { message: string; span: Span }[] = [...(r.related ?? [])];
          if (programSpan && !inCall(programSpan) && !r.span) {
            related.push({ message: `"${verdict!.name}" comes from here`, span: programSpan });
          }
          let fix: Fix | undefined;
          if (r.fix && (site.rewriter || r.fix.edits)) {
            let title = r.fix.title;
            let target = r.fix.target;
            let ruleReason = r.fix.reason;
            let rw = r.fix.edits ? { edits: r.fix.edits, applicability: 'safe' as const } : r.fix.target && site.rewriter?.rewrite(r.fix.target);
            if (!rw && r.fix.fallback && site.rewriter) {
              rw = site.rewriter.rewrite(r.fix.fallback.target);
              title = r.fix.fallback.title;
              target = r.fix.fallback.target;
              ruleReason = r.fix.fallback.reason ?? r.fix.reason;
            }
            if (rw) {
              const order = ['safe', 'unsafe', 'display-only'] as const;
              const applicability = order[Math.max(order.indexOf(rw.applicability), order.indexOf(r.fix.cap ?? 'safe'))];
              // Every reason that makes the fix unsafe, the rule's own first, each once; the
              // format words a persistent PATH change itself (its reason replaces the rule's).
              const own = rw.applicability !== 'safe' ? rw.reason : undefined;
              const reasons = [...new Set([target?.kind === 'persist-venv' && own ? undefined : r.fix.cap ? ruleReason : undefined, own].filter((x): x is string => !!x))];
              fix = { title: rw.title ?? title, applicability, reason: applicability === 'safe' ? undefined : reasons.join('; ') || undefined, edits: rw.edits };
            }
          }
          const template = rule.messages[r.messageId];
          if (template === undefined) throw new Error(`${rule.code} reported the message id "${r.messageId}", which it does not declare`);
          const data = Object.fromEntries(Object.entries(r.data ?? {}).map(([k, v]) => [k, String(v)]));
          const parts = splitTemplate(template);
          const message = fillMessage(parts.problem, data);
          const remedy = parts.remedy === undefined ? undefined : fillMessage(parts.remedy, data);
          const key = `${rule.code}|${span.start}|${span.end}|${message}|${remedy ?? ''}`;
          if (seen.has(key)) {
            const first = seen.get(key);
            if (first) {
              first.fix = mergedFix(first.fix, fix);
              for (const x of related) {
                if (!first.related.some((y) => !y.path && y.span.start === x.span.start && y.message === x.message)) {
                  first.related.push({ message: x.message, span: x.span, start: file.location(x.span.start), end: file.location(x.span.end) });
                }
              }
            }
            return;
          }
          seen.set(key, null);
          const start = file.location(span.start);
          const lines = [start.line, file.location(site.callSpan.start).line, file.location(site.callSpan.end).line];
          if (isSuppressed(analysis.suppressions, lines, rule.code, rule.name)) return;
          const diagnostic: Diagnostic = {
            code: rule.code,
            rule: rule.name,
            severity: 'error',
            message,
            ...(remedy ? { remedy } : {}),
            messageId: r.messageId,
            data,
            path: file.path,
            span,
            start,
            end: file.location(span.end),
            related: [
              ...related.map((x): RelatedLocation => ({ message: x.message, span: x.span, start: file.location(x.span.start), end: file.location(x.span.end) })),
              ...(site.elsewhere ?? []).map((x): RelatedLocation => ({ message: x.message, path: x.path, span: { start: x.offset, end: x.offset }, start: { line: x.line, column: x.column }, end: { line: x.line, column: x.column } })),
            ],
            fix,
          };
          seen.set(key, diagnostic);
          diagnostics.push(diagnostic);
        },
      });
    }
  }
  diagnostics.sort((a, b) => a.span.start - b.span.start || a.code.localeCompare(b.code));
  // A Python file's launches of programs only its environment provides: for the files that import it (imports-reliant.ts).
  const facts = analysis.sites[0]?.pythonFile;
  const reliant = facts && !facts.notebook ? reliantLaunchesOf(facts, ctx.knowledge) : undefined;
  return { diagnostics, problems: analysis.syntaxProblem ? [analysis.syntaxProblem] : [], ...(reliant?.length ? { reliant } : {}) };
}

/**
 * The fix of one finding reported for two values of a program (see `seen` in diagnose): both
 * fixes' edits, when both have a fix and no two different edits touch the same text; otherwise
 * none, since fixing one value leaves the finding standing for the other (mypy's
 * misc/incremental_checker.py ran `python3` from two assignments, and the fix rewrote one).
 */
function mergedFix(a: Fix | undefined, b: Fix | undefined): Fix | undefined {
  if (!a || !b) return undefined;
  const edits = [...a.edits];
  for (const e of b.edits) {
    if (edits.some((x) => x.start === e.start && x.end === e.end && x.text === e.text)) continue;
    // Overlapping, or two insertions at one point (their order would be a guess).
    if (edits.some((x) => x.start < e.end && e.start < x.end || x.start === e.start)) return undefined;
    edits.push(e);
  }
  const order = ['safe', 'unsafe', 'display-only'] as const;
  const applicability = order[Math.max(order.indexOf(a.applicability), order.indexOf(b.applicability))];
  const reason = [...new Set([a.reason, b.reason].filter((x): x is string => !!x))].join('; ') || undefined;
  return { title: a.title, applicability, ...(applicability === 'safe' || !reason ? {} : { reason }), edits: edits.sort((x, y) => x.start - y.start || x.end - y.end) };
}
