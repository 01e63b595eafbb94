/**
 * Code that runs only in a hosted notebook runtime, Google Colab or Kaggle, where the kernel's
 * interpreter is the runtime's only Python and the one PATH finds (the default policy's `colab`
 * signal, src/judge/policy.ts): the tests an `if` makes of it, and the blocks such an `if` guards in
 * a text that is not parsed there (a notebook's cells).
 */

/** What every test of a hosted runtime (colabAtom) names. */
export const HOSTED = /colab|kaggle/i;

/**
 * Kaggle's own Python packages and command (`!pip install kaggle`, `import kagglehub`, `!kaggle
 * datasets download …`): the Kaggle API, used from anywhere to fetch data, not the Kaggle runtime.
 */
const KAGGLE_API = /^[ \t]*(?:[!%]?\s*(?:(?:python3?\s+-m\s+)?pip3?\s+install\b[^\n]*|kaggle\s[^\n]*)|(?:import|from)\s+kaggle[^\n]*)$/gim;

/** Whether a text names Colab or Kaggle as where it runs: not only as the Kaggle API's package or command. */
export function namesHostedRuntime(text: string): boolean {
  if (!HOSTED.test(text)) return false;
  return HOSTED.test(text.replace(KAGGLE_API, (line) => line.replace(/kaggle[\w-]*/gi, '')));
}

/**
 * One part of a condition that holds only in a hosted notebook runtime, Google Colab or Kaggle:
 * `"google.colab" in sys.modules` (or in `str(get_ipython())`), `"COLAB_GPU" in os.environ`,
 * `"KAGGLE_KERNEL_RUN_TYPE" in os.environ`, `os.environ.get("KAGGLE_KERNEL_RUN_TYPE")`, a name or
 * call whose last part says colab (`IN_COLAB`, `is_colab()`, `utils.running_in_colab()`), or one that
 * says it is on Kaggle (`iskaggle`, `IS_KAGGLE`, `on_kaggle()`: fast.ai's course notebooks; not
 * `kaggle_dataset`, Kaggle as a data source). Comparisons and negations are not.
 */
function colabAtom(s: string): boolean {
  const t = s.trim().replace(/^\((.*)\)$/, '$1').trim();
  if (/\bnot\b|\bis\b|[=!<>]=?/.test(t.replace(/^["']google\.colab["']\s+in\b/, ''))) return false;
  // A name that says the opposite (`NOT_COLAB`, `no_colab`, `colab_disabled`) is no Colab test.
  if (/(?:^|[._])(?:not|no|non|disabled?|skip|without)(?=_|colab|kaggle|$)|(?:colab|kaggle)_?(?:disabled?|off|skip)/i.test(t)) return false;
  return (
    /^(?:\w+\.)*\w*colab\w*(?:\(\s*\))?$/i.test(t) ||
    /^["']google\.colab["']\s+in\s+[\w.()[\]"' ]+$/.test(t) ||
    /^["'](?:COLAB|KAGGLE)_\w+["']\s+in\s+os\.environ$/.test(t) ||
    /^os\.(?:environ\.get|getenv)\(\s*["']KAGGLE_\w+["']\s*(?:,\s*(?:""|''|None)\s*)?\)$/.test(t) ||
    /^(?:\w+\.)*(?:is|in|on|running_(?:on|in))_?kaggle(?:\(\s*\))?$/i.test(t)
  );
}

/**
 * Whether an `if` condition holds only in a hosted runtime (`colab`: a conjunction with a Colab or
 * Kaggle part, or a disjunction of such parts only) or only outside it (`not-colab`: `not` before
 * such a test); undefined for anything else (`or` with another test, other tests).
 */
export function colabCondition(condition: string): 'colab' | 'not-colab' | undefined {
  const t = condition.replace(/\s+/g, ' ').trim();
  // Colab or Kaggle, both hosted runtimes: hosted only.
  if (/\bor\b/.test(t)) return t.split(/\bor\b/).every(colabAtom) ? 'colab' : undefined;
  const not = /^not\s+(.*)$/.exec(t);
  if (not) return colabAtom(not[1]) ? 'not-colab' : undefined;
  return t.split(/\band\b/).some(colabAtom) ? 'colab' : undefined;
}

/**
 * The code ranges that run only in Colab, read from the lines of a text that is not parsed there
 * (a notebook's cells, whose escapes stand as `pass` in a module parsed only around launches):
 * the lines indented under `if COLAB_TEST:` (or `elif`), and under the `else:` of `if not
 * COLAB_TEST:`. Indentation as Python reads it, without brackets or strings running over lines.
 */
export function colabBlocks(text: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  if (!HOSTED.test(text)) return out;
  const lines: { start: number; end: number; indent: number; code: string }[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const code = line.trim();
    lines.push({ start, end, indent: line.length - line.trimStart().length, code: code.startsWith('#') ? '' : code });
    start = end + 1;
  }
  /** The body under line i: the lines after it indented deeper, blank ones between them included. */
  const body = (i: number): { from: number; to: number; next: number } | undefined => {
    let last = -1;
    let k = i + 1;
    for (; k < lines.length; k++) {
      if (!lines[k].code) continue;
      if (lines[k].indent <= lines[i].indent) break;
      last = k;
    }
    return last < 0 ? undefined : { from: lines[i + 1].start, to: lines[last].end, next: k };
  };
  for (let i = 0; i < lines.length; i++) {
    const m = /^(?:if|elif)\s+(.+?):\s*(?:#.*)?$/.exec(lines[i].code);
    const test = m && colabCondition(m[1]);
    if (!test) continue;
    const b = body(i);
    if (!b) continue;
    if (test === 'colab') out.push({ from: b.from, to: b.to });
    else if (b.next < lines.length && lines[b.next].indent === lines[i].indent && /^else\s*:/.test(lines[b.next].code)) {
      const e = body(b.next);
      if (e) out.push({ from: e.from, to: e.to });
    }
  }
  return out;
}

