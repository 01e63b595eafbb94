/**
 * What a whole Python file says about the PATH its launches run with, beyond one call: its
 * function bodies (a launch belongs to the innermost) and where the program sets PATH for itself.
 * The judge's default policy (src/judge/policy.ts) weighs them; this module only reads the tree.
 */
import type { Node } from 'web-tree-sitter';
import type { LaunchSite, PythonFileFacts } from '../../kernel/launch-site.js';
import type { Span } from '../../kernel/source.js';

/** A "PATH" string in a with-clause: `with patch.dict(os.environ, {"PATH": …})`, `with EnvVars({"PATH": …})`. */
const PATH_KEY = /["']PATH["']/;
/**
 * A statement that sets PATH in the program's own environment, which every later child inherits:
 * `os.environ["PATH"] = …`, `os.environ.update({"PATH": …})` / `update(PATH=…)`,
 * `os.environ.setdefault("PATH", …)`, `os.putenv("PATH", …)`, `monkeypatch.setenv("PATH", …)`.
 */
const SETS_PATH =
  /\benviron\s*\[\s*["']PATH["']\s*\]\s*(?:\+|)=|\benviron\.update\s*\([^]*?(?:["']PATH["']|\bPATH\s*=)|\benviron\.setdefault\s*\(\s*["']PATH["']|\bputenv\s*\(\s*["']PATH["']|\.setenv\s*\(\s*["']PATH["']/;

/**
 * A dictionary given a PATH entry (`env_vars["PATH"] = …`, `env_vars = {"PATH": …}`,
 * `env_vars = dict(os.environ, PATH=…)`, `env_vars.update(PATH=…)`): its name, which a later
 * `with EnvVars(env_vars):` in the same function hands to the environment.
 */
const PATH_DICT = /^([A-Za-z_]\w*)\s*(?:\[\s*["']PATH["']\s*\]\s*\+?=|=\s*(?:\{[^]*["']PATH["']\s*:|dict\s*\([^]*\bPATH\s*=)|\.update\s*\([^]*(?:["']PATH["']|\bPATH\s*=))/;

const STATEMENT_HOLDERS = new Set(['module', 'block', 'function_definition', 'class_definition', 'decorated_definition', 'if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'try_statement', 'except_clause', 'finally_clause', 'with_statement', 'match_statement', 'case_clause']);

export function pythonFileFacts(root: Node, sites: readonly LaunchSite[]): PythonFileFacts {
  const functions: Span[] = [];
  const pathSets: { from: number; to: number; span: Span }[] = [];
  // Iterative walk: deep trees must not overflow the stack.
  const pathDicts: { name: string; fnEnd: number }[] = [];
  // Preorder, in source order: a dictionary is filled before the with-statement that uses it.
  const stack: { node: Node; fnEnd: number }[] = [{ node: root, fnEnd: root.endIndex }];
  while (stack.length) {
    const { node, fnEnd } = stack.pop()!;
    let end = fnEnd;
    if (node.type === 'function_definition') {
      functions.push({ start: node.startIndex, end: node.endIndex });
      end = node.endIndex;
    } else if (node.type === 'with_statement') {
      const clause = node.children.find((c) => c?.type === 'with_clause');
      const body = node.childForFieldName('body');
      const named = (t: string) => pathDicts.some((d) => d.fnEnd === fnEnd && new RegExp(`\\b${d.name}\\b`).test(t));
      if (clause && body && (PATH_KEY.test(clause.text) || named(clause.text))) pathSets.push({ from: body.startIndex, to: body.endIndex, span: { start: clause.startIndex, end: clause.endIndex } });
    } else if (node.type === 'expression_statement' && SETS_PATH.test(node.text)) {
      // From the statement on, to the end of its function (or of the module).
      pathSets.push({ from: node.endIndex, to: fnEnd, span: { start: node.startIndex, end: node.endIndex } });
      continue;
    } else if (node.type === 'expression_statement') {
      const m = PATH_DICT.exec(node.text);
      if (m) pathDicts.push({ name: m[1], fnEnd });
    }
    // Statements only: functions, with-statements and PATH assignments are never inside an expression.
    if (!STATEMENT_HOLDERS.has(node.type)) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c && c.endIndex - c.startIndex > 0) stack.push({ node: c, fnEnd: end });
    }
  }
  return { sites, functions, pathSets };
}
