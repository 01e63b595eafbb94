/**
 * Fixes for a notebook's launches, as the IPython documentation recommends. A shell escape
 * `!pip install x` becomes the `%pip install x` magic (which runs `sys.executable -m pip`, the
 * kernel's own pip, with the interpreter path quoted); any other bare tool in an escape (`!python
 * x.py`, `!pytest`, `x = !pip freeze`) becomes `{sys.executable}` (with `-m module` where the rule
 * knows one), which IPython substitutes before the shell runs the line, with `import sys` added
 * when no cell imports it. The Python code of cells is fixed by the Python front end's rewriter,
 * its edits carried back into the notebook's JSON.
 */
import type { Edit } from '../../kernel/diagnostic.js';
import type { LaunchSite, ProgramRewriter, Rewrite, RewriteTarget } from '../../kernel/launch-site.js';
import { shellWordSpan, wordText } from '../../kernel/word.js';
import { isInterpreterName } from '../../judge/python-tools.js';
import type { CellChar, CodeCell } from './cells.js';
import { jsonText, type VirtualModule } from './virtual.js';

/** A shell command IPython runs for a line (or a cell) of a notebook. */
export interface ShellJob {
  cell: CodeCell;
  /** How the line runs it (`cell`: a `%%bash` body, which IPython does not expand). */
  form: 'system' | 'capture' | 'assign' | 'magic' | 'cell';
  /** The escape (`!`, `%system` …) and the command's first character. */
  marker?: CellChar;
  /** The command as IPython hands it to the shell, before its `{…}` and `$name` expansion. */
  text: string;
  /** Its first character. */
  first?: CellChar;
}

/** Where `import sys` goes when a fix needs it, or undefined when a cell already imports it. */
export interface ImportPlace {
  /** The cell that takes it (the escape's own, else the first plain code cell) and its first character. */
  cell: CodeCell;
  at: CellChar;
}

const UNQUOTED =
  'IPython substitutes {sys.executable} into the command unquoted, so an interpreter path with spaces or shell characters would be split by the shell';

export class EscapeRewriter implements ProgramRewriter {
  constructor(
    private readonly nbText: string,
    private readonly job: ShellJob,
    private readonly site: LaunchSite,
    /** undefined: sys is imported already; null: no cell can take the import. */
    private readonly importSys: ImportPlace | undefined | null,
  ) {}

  rewrite(target: RewriteTarget): Rewrite | undefined {
    if (target.kind !== 'interpreter' || this.job.form === 'cell' || this.site.wrappers.length > 0) return undefined;
    const program = this.site.argv[0];
    const name = program && wordText(program);
    const span = program && shellWordSpan(this.nbText, program);
    if (!name || !span || this.nbText.slice(span.start, span.end) !== name) return undefined;
    const first = this.job.first;
    // `!pip install x` → `%pip install x`; `!python -m pip …` too. Only for the whole line's
    // command: `%pip` runs `<quoted sys.executable> -m pip` followed by the rest of the line.
    if (this.job.form === 'system' && this.job.marker && first && span.start === first.start) {
      const end = target.module === 'pip' ? span.end : !target.module && isInterpreterName(name) ? this.mPipEnd(span.end) : undefined;
      if (end !== undefined) return { edits: [{ start: this.job.marker.start, end, text: '%pip' }], title: 'Use %pip', applicability: 'safe' };
    }
    // IPython expands `{…}` and `$name` in the whole line, or in none of it when one fails
    // (`awk '{print $1}'`, a shell variable): then `{sys.executable}` would reach the shell as is.
    if (/[{}$]/.test(this.job.text)) return undefined;
    if (this.importSys === null) return undefined;
    const edits: Edit[] = [{ start: span.start, end: span.end, text: `{sys.executable}${target.module ? ` -m ${target.module}` : ''}` }];
    if (this.importSys) {
      if (this.importSys.cell.index > this.job.cell.index) return undefined;
      const at = this.importSys.at.start;
      edits.push({ start: at, end: at, text: jsonText('import sys\n', this.importSys.cell, at) });
    }
    return { edits, title: target.module ? `Use !{sys.executable} -m ${target.module}` : 'Use !{sys.executable}', applicability: 'unsafe', reason: UNQUOTED };
  }

  /** After `python`: ` -m pip` written plainly, where it ends. */
  private mPipEnd(from: number): number | undefined {
    const m = /^([ \t]+)-m([ \t]+)pip(?=[ \t]|$|\\n|")/.exec(this.nbText.slice(from, from + 40));
    return m ? from + m[0].length : undefined;
  }
}

/** The Python front end's rewriter, its edits carried into the notebook (or none when one cannot be). */
export class CellRewriter implements ProgramRewriter {
  constructor(
    private readonly inner: ProgramRewriter,
    private readonly module: VirtualModule,
  ) {}

  rewrite(target: RewriteTarget): Rewrite | undefined {
    const rw = this.inner.rewrite(target);
    if (!rw) return undefined;
    const edits: Edit[] = [];
    for (const e of rw.edits) {
      const m = this.module.edit(e);
      if (!m) return undefined;
      edits.push(m);
    }
    return { ...rw, edits };
  }
}
