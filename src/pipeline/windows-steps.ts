/**
 * The commands of a workflow's Windows steps, for the who-runs pre-pass (issue 15). A job on a
 * Windows runner runs its `run:` steps in PowerShell unless they say otherwise, and the front end
 * (src/frontends/actions) reads only POSIX shells' steps. What who-runs needs from those steps is
 * only which project files they start and with what: `python continuous-integration\windows\test.py`
 * after actions/setup-python runs the file by PATH's interpreter (zivid-python's CI, and CAPEv2's
 * `pytest` of its Windows analyzer: three findings reviewed false in the corpus). So each line of
 * such a step is read as plain words: split at blanks outside quotes, at `;`, `&&` and `||`, with
 * `\` read as the path separator it is there.
 * A line with anything PowerShell computes (`$`, `(`, `{`, `@`, a backquote) is skipped.
 */
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { checkYamlNesting, isMap, isScalar, isSeq, mapValue, scalarText, yaml } from '../frontends/yaml-scalars.js';

/** One command line of a Windows step: its words, its line in the file, the step's working folder. */
export interface WindowsCommand {
  words: string[];
  line: number;
  cwd?: string;
}

const get = mapValue;

/** Windows runners by label: `windows-latest`, `windows-2022`, a self-hosted `windows` label. */
const WINDOWS_LABEL = /^windows(?:-[\w.]+)?$/i;
/** The shells a Windows step may run that this reads: PowerShell (the default there) and cmd. */
const WINDOWS_SHELL = /^(?:pwsh|powershell|cmd)$/;

/** Whether `runs-on` names only Windows runners, as written (an expression is not resolved). */
function onWindows(runsOn: unknown): boolean {
  const labels = isScalar(runsOn) ? [scalarText(runsOn)] : isSeq(runsOn) ? (runsOn as { items: unknown[] }).items.map(scalarText) : [];
  return labels.length > 0 && labels.some((l) => l !== undefined && WINDOWS_LABEL.test(l.trim())) && labels.every((l) => l !== undefined && !l.includes('${{'));
}

/** The words of one command line, or undefined when PowerShell would compute part of it. */
function commandsOf(line: string): string[][] | undefined {
  if (/[$(){}@`]/.test(line)) return undefined;
  const out: string[][] = [[]];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(&&|\|\||;)|([^\s"';&|]+)/g)) {
    if (m[3] !== undefined) out.push([]);
    else out[out.length - 1].push((m[1] ?? m[2] ?? m[4]).replace(/\\/g, '/'));
  }
  return out.filter((c) => c.length > 0);
}

/** The command lines of the Windows steps of a workflow file's jobs (none when it is not readable YAML). */
export function windowsStepCommands(text: string): WindowsCommand[] {
  if (!/windows/i.test(text)) return [];
  let doc: YamlNode | null | undefined;
  try {
    // Within the front end's nesting budget (a file over it tells nothing here either).
    checkYamlNesting(text);
    doc = yaml().parseDocument(text, { logLevel: 'silent', uniqueKeys: false }).contents as YamlNode | null;
  } catch {
    return [];
  }
  const jobs = get(doc, 'jobs');
  if (!isMap(jobs)) return [];
  // Lines are asked for in document order: counted on from the last one asked for.
  let seenAt = 0;
  let seenLine = 1;
  const lineAt = (offset: number) => {
    if (offset < seenAt) [seenAt, seenLine] = [0, 1];
    for (let i = text.indexOf('\n', seenAt); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) seenLine++;
    seenAt = offset;
    return seenLine;
  };
  const shellOf = (node: unknown) => scalarText(get(get(get(node, 'defaults'), 'run'), 'shell'));
  const out: WindowsCommand[] = [];
  for (const item of (jobs as YAMLMap).items) {
    const job = item.value;
    if (!onWindows(get(job, 'runs-on'))) continue;
    const jobShell = shellOf(job) ?? shellOf(doc);
    const steps = get(job, 'steps');
    if (!isSeq(steps)) continue;
    for (const step of (steps as { items: unknown[] }).items) {
      const run = get(step, 'run');
      const script = scalarText(run);
      const shell = scalarText(get(step, 'shell')) ?? jobShell;
      if (script === undefined || (shell !== undefined && !WINDOWS_SHELL.test(shell.trim()))) continue;
      const range = (run as YamlNode).range;
      if (!range) continue;
      const cwd = scalarText(get(step, 'working-directory'));
      // Each line of the script where it is in the file: looked up from the scalar's start.
      let from = range[0];
      for (const raw of script.split('\n')) {
        const line = raw.trim();
        if (!line) continue;
        const at = text.indexOf(line, from);
        if (at >= 0) from = at + line.length;
        if (/^(?:#|rem\b|::)/i.test(line)) continue;
        for (const words of commandsOf(line) ?? []) out.push({ words, line: lineAt(at >= 0 ? at : range[0]), cwd: cwd?.includes('${{') ? undefined : cwd });
      }
    }
  }
  return out;
}
