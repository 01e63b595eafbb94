/**
 * Jenkinsfile front end (declarative and scripted pipelines) → launch sites. What the model follows
 * (Jenkins Pipeline syntax and steps reference, jenkins.io/doc/book/pipeline/syntax and
 * pipeline-steps-reference; the durable-task plugin that runs `sh`):
 *
 * - Each `sh` step (`sh '…'`, `sh "…"`, `sh '''…'''`, `sh """…"""`, `sh(script: …)`, `sh script: …`)
 *   is a shell of its own: the script is written to a file and run with `sh -xe` (or by its own
 *   `#!` line), so an activation, `export` or `cd` lasts for that step only. Steps and stages run in
 *   order in one workspace (`$WORKSPACE`, the start folder): files — the venvs a step creates —
 *   stay for the later ones. The agent's `/bin/sh` is not known: `source` there is not claimed to fail.
 * - `withEnv(["PATH+NAME=DIR", "X=v"]) { … }` puts DIR first on PATH (and sets X) for the steps in
 *   its block; `environment { PATH = "DIR:${env.PATH}" }` (pipeline or stage) does the same for its
 *   scope; `dir('sub') { … }` runs the steps in its block from that folder.
 * - Double-quoted strings are GStrings: `${WORKSPACE}`, `${env.WORKSPACE}`, `$WORKSPACE` and
 *   `${pwd()}` are the workspace, `${env.X}`/`${X}` a value the enclosing `environment`/`withEnv`
 *   set; any other interpolation is a value the file does not show. `bat` and `powershell` steps
 *   (Windows) are not read.
 */
import path from 'node:path';
import type { SourceFile } from '../../kernel/source.js';
import type { Char } from '../../kernel/word-units.js';
import { configMayMatter, CONFIG_MAX_BYTES, type Analysis, type FrontEnd } from '../front-end.js';
import { pathPrefixOf, runCiJobs, unknownChars, type CiFormat, type CiStep } from '../config/ci-steps.js';
import { UNKNOWN } from '../config/facts.js';
import { resolveDir } from '../shell/state.js';
import { bracketMatcher, endOfLine, isQuote, lineEndAt, readString, skipBlank, skipInline, type GroovyString } from './groovy.js';

/** The job's workspace ($WORKSPACE); venvs are kept as absolute paths under it. */
const WS = '/__jenkins_workspace__';
const HOME = '/__jenkins_home__';

const FORMAT: CiFormat = {
  language: 'jenkins',
  comments: { line: '/', trailing: '/' },
  workspace: WS,
  home: HOME,
  unit: 'this sh step',
  persistAdvice: (venv, show) =>
    `activate it in the same sh step, or wrap the steps that use it in withEnv(["PATH+VENV=${show(venv).startsWith('/') || show(venv).startsWith('$') ? show(venv) : `\${WORKSPACE}/${show(venv)}`}/bin"]) { … }`,
  normalizePath: (p) => p.replace(/\$\{?WORKSPACE\}?(?![A-Za-z0-9_])/g, WS),
};

/** One `{ … }` block: what `withEnv`, `dir` or an `environment` block inside it set for its steps. */
interface Frame {
  env: Map<string, string>;
  prepends: string[];
  cwd: string;
}

export function analyzeJenkins(file: SourceFile): Analysis {
  const src = file.text;
  const problems: { message: string; offset: number }[] = [];
  /** The step just read, until the scan hands it on. */
  const ready: CiStep[] = [];
  const lineOf = (off: number) => file.location(Math.min(off, src.length)).line;
  /** The matching close of a bracket (-1: unclosed), the file's brackets matched once. */
  const match = bracketMatcher(src);
  /** An unclosed `sh(` has been reported. */
  let unclosed = false;
  const frames: Frame[] = [{ env: new Map(), prepends: [], cwd: WS }];
  /** The frame the next `{` opens (a withEnv's or dir's block), if any. */
  let pending: Frame | undefined;
  const top = () => frames[frames.length - 1];
  const lookup = (name: string): string | undefined => {
    for (let f = frames.length - 1; f >= 0; f--) if (frames[f].env.has(name)) return frames[f].env.get(name);
    return undefined;
  };
  /** An interpolation's value: the workspace, a known variable, or unknown. */
  const valueOf = (expr: string): string | undefined => {
    const e = expr.replace(/^env\./, '').replace(/\s+/g, '');
    if (e === 'WORKSPACE' || e === 'pwd()') return WS;
    if (e === 'PATH') return '$PATH';
    if (/^[A-Za-z_]\w*$/.test(e)) return lookup(e);
    return undefined;
  };
  /** A string's value as characters mapped to the file (interpolations resolved or unknown). */
  const charsOf = (s: GroovyString): Char[] => {
    const out: Char[] = [];
    for (const p of s.parts) {
      if (p.kind === 'text') for (const c of p.chars) out.push(c);
      else {
        const v = valueOf(p.expr);
        if (v === undefined || v.includes(UNKNOWN)) out.push(...unknownChars(p.at));
        else for (const ch of v) out.push({ ch, off: -1 });
      }
    }
    return out;
  };
  const textOf = (s: GroovyString) => charsOf(s).map((c) => c.ch).join('');
  /** `NAME=value` strings of a withEnv list, or `NAME = "value"` lines of an environment block, into a frame. */
  const setVar = (f: Frame, name: string, value: string) => {
    const plus = /^PATH\+\w*$/.test(name);
    if (plus) {
      const d = resolveDir(value, f.cwd);
      if (d !== undefined && !d.includes(UNKNOWN)) f.prepends.unshift(d);
      return;
    }
    if (name === 'PATH') {
      const dirs = pathPrefixOf(`PATH=${value}`, f.cwd);
      if (dirs) f.prepends.unshift(...dirs);
      return;
    }
    f.env.set(name, value);
  };

  const shStep = (at: number, script: GroovyString, concatenated: boolean, margin?: string) => {
    const chars = charsOf(script);
    if (margin !== undefined) stripMargin(chars, margin);
    if (concatenated) chars.push(...unknownChars(script.end));
    const body = chars.map((c) => c.ch).join('');
    const shebang = /^\s*#!\s*(\S+)/.exec(body)?.[1];
    if (shebang !== undefined && !/\/(ba|da)?sh$/.test(shebang)) return; // another interpreter
    const env = new Map<string, string>();
    for (const f of frames) for (const [k, v] of f.env) env.set(k, v);
    env.set('WORKSPACE', WS);
    const f = top();
    const prepends: string[] = [];
    for (let k = frames.length - 1; k >= 0; k--) prepends.push(...frames[k].prepends);
    const first = lineOf(at);
    ready.push({
      api: 'sh',
      items: [{ chars, span: { start: script.start, end: script.end } }],
      lines: { first, last: lineOf(Math.max(at, script.end - 1)), above: [first - 1] },
      dialect: shebang !== undefined && /bash$/.test(shebang) ? 'bash' : 'sh',
      shHasSource: true,
      shellName: shebang ?? 'sh -xe',
      env,
      pathPrepends: prepends,
      cwd: f.cwd,
    });
  };

  /**
   * The file's `sh` steps in order, each handed on as soon as it is read: the shells run while the
   * file is read, and a step is dropped once it has run (held all at once, a 1.96 MB Jenkinsfile of
   * 76,000 `sh` lines took ~95 MB before its first shell ran, 289 MiB peak in all).
   */
  function* scan(): Generator<CiStep> {
    let i = 0;
    while (i < src.length) {
      for (const s of ready.splice(0)) yield s;
      const c = src[i];
      if (c === '{' || c === '}') {
        // Blocks (stages, steps, closures) scope what is set inside them.
        if (c === '{') frames.push(pending ?? { env: new Map(), prepends: [], cwd: top().cwd });
        else if (frames.length > 1) frames.pop();
        pending = undefined;
        i++;
        continue;
      }
      if (c === '/' && (src[i + 1] === '/' || src[i + 1] === '*')) {
        i = skipBlank(src, i);
        continue;
      }
      if (isQuote(c)) {
        const s = readString(src, i);
        if (s.open) problems.push({ message: 'Groovy: unterminated string', offset: i });
        i = s.end;
        continue;
      }
      if (!/[A-Za-z_]/.test(c) || (i > 0 && /[\w.$]/.test(src[i - 1]))) {
        i++;
        continue;
      }
      const word = /^[A-Za-z_]\w*/.exec(src.slice(i, i + 64))![0];
      const after = i + word.length;
      if (word === 'sh') {
        i = readSh(i, after);
        continue;
      }
      if (word === 'withEnv' || word === 'dir') {
        const open = skipInline(src, after);
        const close = src[open] === '(' ? match(open) : -1;
        const brace = close < 0 ? -1 : skipBlank(src, close + 1);
        if (close > 0 && src[brace] === '{') {
          const f: Frame = { env: new Map(), prepends: [], cwd: top().cwd };
          const strings = stringsIn(open, close);
          if (word === 'dir') {
            const d = strings[0] ? resolveDir(textOf(strings[0]), top().cwd) : undefined;
            f.cwd = d ?? `${WS}/${UNKNOWN}`;
          } else {
            frames.push(f); // values may name variables set before in the same list
            for (const s of strings) {
              const t = textOf(s);
              const eq = t.indexOf('=');
              if (eq > 0) setVar(f, t.slice(0, eq), t.slice(eq + 1));
            }
            frames.pop();
          }
          pending = f;
          i = brace;
          continue;
        }
      }
      if (word === 'environment') {
        const brace = skipBlank(src, after);
        if (src[brace] === '{') {
          const end = match(brace);
          const stop = end < 0 ? src.length : end;
          // The block's assignments are the enclosing scope's (the pipeline's or the stage's).
          const f = top();
          const re = /([A-Za-z_][\w+]*)\s*=\s*/g;
          re.lastIndex = brace + 1;
          for (let m = re.exec(src); m && m.index < stop; m = re.exec(src)) {
            const v = re.lastIndex;
            if (isQuote(src[v])) {
              const s = readString(src, v);
              setVar(f, m[1], textOf(s));
              re.lastIndex = s.end;
            } else f.env.set(m[1], UNKNOWN); // credentials(…), an expression
          }
          i = stop + 1;
          continue;
        }
      }
      i = after;
    }
    for (const s of ready.splice(0)) yield s;
  }

  /** The strings directly inside a bracketed list or call between `open` and `close`. */
  function stringsIn(open: number, close: number): GroovyString[] {
    const out: GroovyString[] = [];
    let k = open + 1;
    while (k < close) {
      if (isQuote(src[k])) {
        const s = readString(src, k);
        out.push(s);
        k = s.end;
      } else k++;
    }
    return out;
  }

  /** `sh '…'`, `sh("…")`, `sh script: '…', returnStdout: true`, `sh(label: 'x', script: """…""")`. */
  function readSh(at: number, after: number): number {
    let k = skipInline(src, after);
    /** Where the call's arguments end, when they are searched for `script:`. */
    let end: number | undefined;
    const paren = src[k] === '(';
    if (paren) {
      end = match(k);
      if (end < 0) {
        // Jenkins refuses the file (at the first one: the others are not reported). Only a string
        // right after the `(` is taken for the script: searched to the end of the file for
        // `script:`, every unclosed `sh(` read the rest of it (1.9 MB of `sh(` lines: 38 s of CPU).
        if (!unclosed) problems.push({ message: 'Groovy: unclosed (', offset: k });
        unclosed = true;
        end = k + 1;
      }
      k = skipBlank(src, k + 1);
    } else if (!isQuote(src[k])) end = commandEnd(k);
    // The script: the first argument when it is a string, else the `script:` one.
    let s: GroovyString | undefined;
    if (isQuote(src[k])) s = readString(src, k);
    else if (end !== undefined) {
      const m = /\bscript\s*:\s*/.exec(src.slice(k, end));
      const v = m ? k + m.index + m[0].length : -1;
      if (v >= 0 && isQuote(src[v])) s = readString(src, v);
    }
    // A command expression searched for `script:` is read to its end (its continuation lines are
    // its arguments: read again from each `sh` in them, a long chain was quadratic).
    const past = end !== undefined && !paren ? end : after;
    if (!s) return past;
    if (s.open) {
      // Jenkins refuses the whole file; the script's end is unknown, so it is not run.
      problems.push({ message: 'Groovy: unterminated string', offset: s.start });
      return s.end;
    }
    const concatenated = /^\s*\+/.test(src.slice(s.end, s.end + 20));
    // `'''…|cd $WORKSPACE…'''.stripMargin()` (snowflake-connector-python): Groovy strips each line's
    // blanks and margin character (`|`, or the one given) before the step runs the script.
    const margin = STRIP_MARGIN.exec(src.slice(s.end, s.end + 40));
    shStep(at, s, concatenated, margin ? (margin[2] ?? '|') : undefined);
    return Math.max(s.end, past);
  }

  /**
   * The end of a command expression's arguments from `k`: the end of the line, a trailing comma
   * continuing it. A lone \r ends a line too, as in Groovy: read as part of the line, every `sh` of
   * a file saved with old Mac line ends read the whole rest of the file (1.96 MB: over 80 s of CPU).
   * A `{` (a closure argument) ends it too: its block is the main loop's to open.
   */
  function commandEnd(k: number): number {
    let end = k;
    let last = '';
    while (end < src.length && src[end] !== '}' && src[end] !== '{' && src[end] !== ';') {
      const nl = lineEndAt(src, end);
      if (nl > 0) {
        if (last !== ',') break;
        end += nl;
        continue;
      }
      if (src.startsWith('//', end)) {
        end = endOfLine(src, end);
        continue;
      }
      if (src.startsWith('/*', end)) {
        const e = src.indexOf('*/', end + 2);
        end = e < 0 ? src.length : e + 2;
        continue;
      }
      if (isQuote(src[end])) {
        last = src[end];
        end = readString(src, end).end;
        continue;
      }
      if (!/\s/.test(src[end])) last = src[end];
      end++;
    }
    return end;
  }

  return runCiJobs(file, FORMAT, [{ steps: scan() }], problems);
}

/** `.stripMargin()` or `.stripMargin('#')` right after a string. */
const STRIP_MARGIN = /^\s*\.stripMargin\(\s*(?:(['"])(.)\1\s*)?\)/;

/**
 * Groovy's `stripMargin`: on each line, the blanks before the margin character and the character
 * itself are removed. Here they become blanks, so every other character keeps its offset (leading
 * blanks change nothing a shell reads outside a here-document's body).
 */
function stripMargin(chars: Char[], margin: string): void {
  let lineStart = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c.ch === '\n') {
      lineStart = true;
      continue;
    }
    if (!lineStart) continue;
    if (c.ch === ' ' || c.ch === '\t') continue;
    if (c.ch === margin) chars[i] = { ch: ' ', off: c.off };
    lineStart = false;
  }
}

export const jenkinsFrontEnd: FrontEnd = {
  language: 'jenkins',
  maxBytes: CONFIG_MAX_BYTES,
  claims(p: string): boolean {
    const base = path.posix.basename(p.replace(/\\/g, '/'));
    // Not another format's file named after the job (caracal's `Jenkinsfile.sh`, the shell script its job runs).
    return base === 'Jenkinsfile' || /^Jenkinsfile[._-][\w.-]+$/.test(base) && !/\.(md|txt|bak|orig|sh|bash|zsh|py|ya?ml|json|ps1|bat|cmd|ini|cfg|toml)$/i.test(base) || base.endsWith('.jenkinsfile');
  },
  mayMatter: configMayMatter,
  analyze<T>(file: SourceFile, use: (a: Analysis) => T): T {
    return use(analyzeJenkins(file));
  },
};
