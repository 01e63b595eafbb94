/**
 * The smaller rewrites of grammar-gaps.ts (its module comment lists them): each found by a pattern
 * over the text, each keeping every character's place.
 */
/** Bits of what a line holds before a position (LineStates): an odd number of `'`, of unescaped `"`, a `#`, a `#` that starts a word. */
const SINGLE = 1;
const DOUBLE = 2;
const HASH = 4;
const WORD_HASH = 8;

/**
 * For each position of a text, what its line holds before it (the bits above), made once a text:
 * plainBefore is asked at every match of every rewrite, and a hostile script of one long line has a
 * match every few characters (reading the line again each time was quadratic). Kept for one call of
 * rewriteGrammarGaps only (forgetLineStates): its rewrites all pass the very string it was made
 * for, which `===` matches at once, where a later script of the same text (the same file read
 * again) is another string that `===` compares character by character, at every match.
 */
let statesOf: { text: string; states: Uint8Array } | undefined;

/** Drops the line states of the text rewriteGrammarGaps was rewriting. */
export function forgetLineStates(): void {
  statesOf = undefined;
}

function lineStates(t: string): Uint8Array {
  if (statesOf?.text === t) return statesOf.states;
  const states = new Uint8Array(t.length + 1);
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    states[i] = s;
    const c = t[i];
    if (c === '\n') s = 0;
    else if (c === "'") s ^= SINGLE;
    else if (c === '"' && t[i - 1] !== '\\') s ^= DOUBLE;
    else if (c === '#') s |= HASH | (i === 0 || t[i - 1] === '\n' || /\s/.test(t[i - 1]) ? WORD_HASH : 0);
  }
  states[t.length] = s;
  statesOf = { text: t, states };
  return states;
}

/**
 * The text before `at` on its line is outside quotes and comments (a cheap per-line check).
 * `anyHash`: any `#` counts as a comment's start (also `$#`, `${#a}`), the more careful reading.
 */
export function plainBefore(t: string, at: number, anyHash = false): boolean {
  const s = lineStates(t)[at];
  return !(s & (SINGLE | DOUBLE)) && !(s & (anyHash ? HASH : WORD_HASH));
}

/**
 * Whether a line has opened a `[[` it has not closed, for positions asked in increasing order: the
 * line is read once, not once a match.
 */
class OpenTests {
  private pos = 0;
  private opened = 0;

  constructor(private readonly t: string) {}

  before(at: number): boolean {
    const t = this.t;
    for (; this.pos < at; this.pos++) {
      const c = t[this.pos];
      if (c === '\n') this.opened = 0;
      else if ((c === '[' || c === ']') && t[this.pos + 1] === c && this.pos + 1 < at) {
        this.opened += c === '[' ? 1 : -1;
        this.pos++;
      }
    }
    return this.opened > 0;
  }
}

/** The text before `at` on its line opens `"$(` last, with no quote after it: a new quoting context. */
function inSubstitution(t: string, at: number): boolean {
  const lineStart = t.lastIndexOf('\n', at - 1) + 1;
  const before = t.slice(lineStart, at);
  const open = before.lastIndexOf('"$(');
  return open >= 0 && !/["'`#]/.test(before.slice(open + 3)) && plainBefore(t, lineStart + open);
}

/** The smaller gaps listed in the module comment; each rewrite keeps every character's place. */
export function smallGaps(t: string, out: string[]): void {
  // `if (cmd) then`, `while (cmd) do`: the blank after the subshell becomes `;`.
  for (const m of t.matchAll(/\b(?:if|elif|while|until)[ \t]+\([^()\n]*\)([ \t]+)(?:then|do)\b/g)) {
    if (plainBefore(t, m.index)) out[m.index + m[0].lastIndexOf(')') + 1] = ';';
  }
  // `[ \( … \) ]` on one line: the backslashes become blanks (the grammar reads ( ) there); so
  // does the one of `[ \! "$tag" = latest ]` (bioconda-utils' workflows: `\!` is `!` to `[`).
  for (const m of t.matchAll(/(^|[\s;&|!])\[[ \t][^\n\]]*?[ \t]\][ \t]*(?=$|[;&|)\n])/gm)) {
    const start = m.index + m[1].length;
    if (!plainBefore(t, start)) continue;
    for (let k = start; k < m.index + m[0].length; k++) {
      if (t[k] === '\\' && /[()!]/.test(t[k + 1]) && /\s/.test(t[k - 1]) && /\s/.test(t[k + 2] ?? '')) out[k] = ' ';
      // `[ !-x "$(command -v apt-cyg)" ]` (PokemonGo-Bot's setup.sh): `!-x` is one word to `[` (a
      // string, not a negation); the grammar fails on it. The `!` becomes `_` (the model reads no test).
      else if (t[k] === '!' && t[k + 1] === '-' && /[ \t]/.test(t[k - 1])) out[k] = '_';
    }
  }
  // `cat <<EOF>$(dirname $0)/conf.py` (xandikos' compat scripts): a here-document's word followed
  // at once by a redirection; the grammar reads the redirection into the word. The blank before
  // `<<` moves after the word (`cat<<EOF >…`): the same command, each character one place over.
  for (const m of t.matchAll(/[ \t](<<-?(?:[A-Za-z_]\w*|'[^'\n]*'|"[^"\n]*"))(?=[<>])/g)) {
    if (!plainBefore(t, m.index)) continue;
    const op = m[1];
    for (let k = 0; k < op.length; k++) out[m.index + k] = op[k];
    out[m.index + op.length] = ' ';
  }
  // `[ -w / ]`, `[[ -d / ]]` (mynode's startup script: is the root file system writable?): a unary
  // test of the lone word `/` makes the grammar fail; the `/` becomes `.` (a folder that exists
  // too; the model reads no such test).
  for (const m of t.matchAll(/(?<=(?:^|[\s;&|!(])\[\[?[ \t]+(?:![ \t]+)?-[A-Za-z][ \t]+)\/(?=[ \t]+\]\]?(?:$|[\s;&|)]))/gm)) {
    if (plainBefore(t, m.index)) out[m.index] = '.';
  }
  // `[[ $V = 3.8 || … ]]`, `[[ $cur = -* && … ]]`: a single `=` whose pattern holds `.`, `*` or `/`,
  // followed by `&&` or `||`, is missing its `]]` to the grammar; `==` (the same test) it reads, also
  // written `==3.8`: the blank after the `=` becomes `=`.
  for (const m of t.matchAll(/(^|[\s;&|!(])\[\[[ \t][^\n]*?[ \t]\]\](?=$|[\s;&|)])/gm)) {
    const start = m.index + m[1].length;
    if (!plainBefore(t, start)) continue;
    const andOr = /&&|\|\|/.test(m[0]);
    for (const e of m[0].matchAll(/(?<=[ \t])=[ \t](?=[^\s=])/g)) {
      const at = m.index + (e.index ?? 0);
      const before = t.slice(start, at);
      // Not inside a quoted string of the test.
      if ((before.match(/'/g)?.length ?? 0) % 2 || (before.match(/(?<!\\)"/g)?.length ?? 0) % 2) continue;
      // Or, alone, a pattern with a quoted string holding a blank (`[[ $R = *"n: 0"* ]]`, openlibrary).
      if (andOr || /^[^\s"']*"(?:[^"\\]|\\.)*?[ \t]/.test(t.slice(at + 2, m.index + m[0].length))) out[at + 1] = '=';
    }
    // `[[ ! ($A =~ ^(y|n)$) ]]`: a regex right before the `)` of a group; the grammar reads the `)`
    // into the regex. The regex (never read by the model) becomes `_`, and `=~` the `==` it reads.
    for (const e of m[0].matchAll(/(?<=[ \t])=~[ \t]+/g)) {
      const at = m.index + (e.index ?? 0);
      if (!plainBefore(t, at)) continue;
      const end = regexBeforeGroupEnd(t, at + e[0].length);
      if (end < 0) continue;
      out[at + 1] = '=';
      for (let k = at + e[0].length; k < end; k++) out[k] = '_';
    }
    // `[[ "$1" =~ ^(https?://)?([a-z.-]+|\b\d{1,3}(\.\d{1,3}){3}\b):[0-9]+$ ]]` (raspiblitz): a
    // regex of one word with braces or escapes, its groups balanced, some of which the grammar
    // misreads; it (never read by the model) becomes `_`, and `=~` the `==` the grammar reads.
    for (const e of m[0].matchAll(/(?<=[ \t])=~[ \t]+([^\s'"`]+)(?=[ \t]+(?:\]\]|&&|\|\|))/g)) {
      const at = m.index + (e.index ?? 0);
      const word = e[1];
      if (!/[{}\\]/.test(word) || !plainBefore(t, at) || !parensBalanced(word)) continue;
      out[at + 1] = '=';
      const from = at + e[0].length - word.length;
      for (let k = from; k < from + word.length; k++) out[k] = '_';
    }
    // `[[ $A == @("x86_64") ]]`: a quoted string inside an extglob group; it (quotes included) becomes `_`.
    for (const g of m[0].matchAll(/[?*+@!]\(([^()`$]*["'][^()`$]*)\)/g)) {
      const from = m.index + (g.index ?? 0) + 2;
      if (!plainBefore(t, from - 2)) continue;
      let q = '';
      for (let k = from; k < from + g[1].length; k++) {
        if (q) {
          if (t[k] === q) q = '';
          out[k] = '_';
        } else if (t[k] === '"' || t[k] === "'") {
          q = t[k];
          out[k] = '_';
        }
      }
    }
  }
  // `[ "$(osx_version)" "$@" ]` (pyenv's python-build): a test of two operands, whose operator
  // comes from "$@"; the grammar wants one it can see. The `[` becomes the command `:`, whose
  // arguments are still expanded (a command substitution among them still runs). So does a test
  // whose first word is a glued `!-x` (one word to `[`: PokemonGo-Bot's setup.sh).
  for (const m of t.matchAll(/(^|[\n;&|!]|\b(?:then|do|else|if|elif|while|until)\b)([ \t]*)\[[ \t]+(?:"[^"\n]*"|'[^'\n]*'|!-[^\s"']+|[^\s"'\]!-][^\s"']*)[ \t]+(?:"[^"\n]*"|'[^'\n]*'|[^\s"'\]][^\s"']*)[ \t]+\](?=[ \t]*(?:$|[;&|)\n]))/gm)) {
    const at = m.index + m[1].length + m[2].length;
    if (plainBefore(t, at)) out[at] = ':';
  }
  // `{ … } {fd}>&1` (bup's test library): a redirection to a descriptor the shell picks, named by a
  // variable. The grammar takes it only after a simple command; `{fd}` becomes blanks (`>&1` alone
  // is the same redirection of the default descriptor, and the model reads no descriptor).
  for (const m of t.matchAll(/(?<=[ \t])\{[A-Za-z_][A-Za-z0-9_]*\}(?=[<>])/g)) {
    if (plainBefore(t, m.index)) for (let k = m.index; k < m.index + m[0].length; k++) out[k] = ' ';
  }
  // `aAVAIL[$id,$MODEL]=0` (DietPi's dietpi-software: an associative array keyed by two values): an
  // assignment's subscript where an expansion is followed by `,`, `:` or `-`, or that holds two or
  // more expansions; the grammar reads it as arithmetic and fails. The model never reads a subscript,
  // so it becomes `_` throughout (a subscript running a command, `$(` or a backquote, is left).
  // (The subscript holds no `[`: each scan ends at the next one, linear on a hostile line.)
  for (const m of t.matchAll(/(?<=(?:^|[\s;&|(]))[A-Za-z_][A-Za-z0-9_]*\[([^[\]\n'"`(]*)\]\+?=/gm)) {
    if (!m[1].includes('$') || !(/[\w}][,:-]\$/.test(m[1]) || (m[1].match(/\$/g)?.length ?? 0) > 1) || !plainBefore(t, m.index)) continue;
    const from = m.index + m[0].indexOf('[') + 1;
    for (let k = from; k < from + m[1].length; k++) out[k] = '_';
  }
  // `eval DEVICES=( $LIST )`, `eval declare -A a=($(list))` (diskimage-builder): eval of an array
  // assignment, which the grammar takes only as a statement. `eval` becomes blanks: the statement
  // is what eval runs.
  for (const m of t.matchAll(/(^|[\n;&|(]|\b(?:then|do|else)\b)([ \t]*)eval[ \t]+(?=(?:(?:declare|typeset|local|readonly|export)(?:[ \t]+-[A-Za-z]+)*[ \t]+)?[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]\n]*\])?\+?=\()/g)) {
    const at = m.index + m[1].length + m[2].length;
    if (plainBefore(t, at)) out[at] = out[at + 1] = out[at + 2] = out[at + 3] = ' ';
  }
  // A backslash ending the script (TTS's run.sh: a continued command with no next line): bash
  // ends the command there; it becomes a blank.
  const last = /\\\n?$/.exec(t.slice(-2));
  if (last && t[t.length - 2 + last.index - 1] !== '\\' && plainBefore(t, t.length - 2 + last.index)) out[t.length - 2 + last.index] = ' ';
  // `cmd >/dev/null <<<"$x"`: a here-string after another redirection of the same command; also in
  // a command substitution a double quote opened (allsky's `if ERR="$( jq -e . 2>&1 <<<"${RAW}" )"`).
  for (const m of t.matchAll(/[0-9]?(?:>>?|<)&?[ \t]*[^\s;&|<>]+[ \t]+(<<<)/g)) {
    const at = m.index + m[0].length - 3;
    if (plainBefore(t, m.index) || inSubstitution(t, m.index)) out.splice(at, 3, '<', ' ', ' ');
  }
  // `` `# a remark` `` on a continued line: a command substitution holding only a comment.
  for (const m of t.matchAll(/`#[^`\n]*`/g)) {
    if (plainBefore(t, m.index)) for (let k = m.index; k < m.index + m[0].length; k++) out[k] = ' ';
  }
  // `grep ==`: a standalone == argument outside a test.
  for (const m of t.matchAll(/(?<=[ \t])==(?=[ \t]|$)/gm)) {
    const from = t.lastIndexOf('\n', m.index - 1) + 1;
    const to = t.indexOf('\n', m.index);
    const line = t.slice(from, to < 0 ? t.length : to);
    // Not in a test or arithmetic, where == is the grammar's own operator, also on a later line
    // of one (`if [[<newline> -n "$CI" <newline> || "$U" == "1" ]]`, spyder's post-install.sh).
    if (plainBefore(t, m.index) && !/\[|\(\(|(^|[\s;&|(])(test|let)\s/.test(line) && !insideOpenTest(t, from)) out[m.index] = out[m.index + 1] = '_';
  }
  // `test "$F" == true` as a command: the grammar reads what follows `==` as a regex, running on
  // into a later `)` (a case item's pattern, gallery-dl's selective-checkout). `=` is the same test:
  // the second `=` becomes a blank.
  for (const m of t.matchAll(/(^|[\n;&|(!{]|\b(?:then|do|else|if|elif|while|until)\b)([ \t]*test[ \t][^\n;&|`()]*?[ \t]=)=(?=[ \t])/g)) {
    if (plainBefore(t, m.index + m[1].length)) out[m.index + m[1].length + m[2].length] = ' ';
  }
  // `((cmd) || fallback)`: two subshells, which bash reads as such because the text is not an
  // arithmetic command (that one ends in `))`); the grammar takes any `((` for arithmetic. The
  // outer pair of parentheses becomes blanks: the inner subshell keeps the commands' grouping.
  for (const m of t.matchAll(/(^|[\n;&|]|\b(?:then|do|else)\b)([ \t]*)\(\(/g)) {
    const open = m.index + m[1].length + m[2].length;
    if (!plainBefore(t, open)) continue;
    const close = matchingParen(t, open);
    const inner = matchingParen(t, open + 1);
    if (close < 0 || inner < 0 || inner === close - 1) continue; // `(( … ))`: arithmetic
    out[open] = ' ';
    out[close] = ' ';
  }
  // `for F in \`… | grep \.py$\``: a `$` right before the closing backtick is a literal `$` to bash;
  // the grammar reads `$` + backtick as the start of something else (timesketch's linters.yml).
  // The `$` becomes `_`.
  const ticks = new LineState(t);
  for (const m of t.matchAll(/(?<!\\)\$`/g)) {
    const line = ticks.at(m.index);
    if (line.backquotes % 2 === 1 && line.apostrophes % 2 === 0) out[m.index] = '_';
  }
  // `{solution_code_command}` alone as a command (OpenHands' templates, filled in before they run):
  // a `{` not followed by a blank is no group but part of a word, which bash runs as a program of
  // that name; the grammar opens a group. The `{` becomes `_` (a brace expansion, with `,` or `..`, is left).
  for (const m of t.matchAll(/(?<=^[ \t]*|[;&|(][ \t]*)\{[^\s{},;&|<>()]+\}(?=[ \t]*(?:$|[;&|)#]))/gm)) {
    if (!m[0].includes('..') && plainBefore(t, m.index)) out[m.index] = '_';
  }
  // `cd {{repo_server}}`, `{{>add-dbs.sh}}`, `. {{repo_env}}/bin/activate` (fireq's mustache
  // templates, which bash -n accepts): `{{` opens no group and no brace expansion, it is part of a
  // word, which the grammar cannot read. Each brace of the tag becomes `_`, and so does the `#` of a
  // section tag (`{{#is_pr}}`: part of the word to bash, a comment to the grammar); words keep the text.
  for (const m of t.matchAll(/(?<![$\\{])\{\{[^{}\n]*\}\}(?!\})/g)) {
    if (!plainBefore(t, m.index)) continue;
    for (const k of [0, 1, m[0].length - 2, m[0].length - 1]) out[m.index + k] = '_';
    if (m[0][2] === '#') out[m.index + 2] = '_';
  }
  // `show() {(set -x; "$@")}` (devenv's install-devenv.sh): a group holding only a subshell, with no
  // blanks between the braces and the parentheses; bash reads it, the grammar does not. Both braces
  // become blanks: the subshell alone, the same commands in the same shell (a function's body may be one).
  for (const m of t.matchAll(/(?<=(?:^|[;&|(){][ \t]*|\(\)[ \t]*))\{\(/gm)) {
    if (!plainBefore(t, m.index)) continue;
    const close = matchingParen(t, m.index + 1);
    if (close < 0 || t[close + 1] !== '}') continue;
    out[m.index] = ' ';
    out[close + 1] = ' ';
  }
  // `if ! > "$f"`: a negated command of a redirection alone (DietPi's dietpi-globals); the `!`
  // becomes `:`, the same command without the negation (the model reads no exit status).
  for (const m of t.matchAll(/\b(?:if|elif|while|until)[ \t]+(!)[ \t]+(?=[<>])/g)) {
    if (plainBefore(t, m.index)) out[m.index + m[0].indexOf('!')] = ':';
  }
  // With `shopt -s extglob`, `out/!(anki*).whl`, `m*.@(diff|snapshot)?(.gz)`, `'…['+([[:digit:]])']'`:
  // a pattern group in a word, outside `[[ ]]` and case patterns where the grammar reads one.
  // With extglob on, anywhere; without, in the pattern of a `[[ … ]]` test, where bash turns it on
  // for the match (rdiffweb's `[[ "$CI_COMMIT_TAG" == *.+([0-9]) ]]`).
  extglobGroups(t, out, !/\bshopt[ \t]+-s[ \t]+(?:[\w-]+[ \t]+)*extglob\b|-O[ \t]*extglob\b/.test(t));
  // `${line: +2}` (DietPi's dietpi-services): a substring offset with a `+` sign; it becomes a blank.
  for (const m of t.matchAll(/\$\{[\w@*#?!-]+(?:\[[^\]\n]*\])?:[ \t]+(\+)(?=\d)/g)) out[m.index + m[0].length - 1] = ' ';
  // `${sp:i++%${#sp}:1}` (nf-core's generate-api-docs.sh, a spinner): a substring offset that
  // increments its variable; the grammar has no `++` there. The second `+` (or `-`) becomes `1`: an
  // offset the model never reads, the same length. Not `${x:-…}`, `${x:+…}` (operators, not offsets).
  for (const m of t.matchAll(/\$\{[\w@*#?!-]+(?:\[[^\]\n]*\])?:(?![-=?+])[^}\n:'"`]*?[\w\])](\+\+|--)/g)) out[m.index + m[0].length - 1] = '1';
  // `${s//$/\\$}`: `$` alone as the pattern of a substitution (DietPi's dietpi-globals); it becomes `_`.
  for (const m of t.matchAll(/\$\{[\w@*#?!-]+(?:\[[^\]\n]*\])?\/\/?(\$)(?=\/)/g)) out[m.index + m[0].length - 1] = '_';
  // `$(( a * ( b + c ) ))` in a here-document's body: the grammar takes an operator before `(`
  // there for the end of the expression (DietPi's dietpi-survey_report). The inner parentheses of
  // an arithmetic expansion that holds no command become blanks, here and anywhere.
  for (const m of t.matchAll(/\$\(\(/g)) {
    // Within the expansions it rewrites (400 characters): no search to the end per `$((`.
    const window = t.slice(m.index + 3, m.index + 3 + 402);
    const end = window.indexOf('))');
    if (end < 0) continue;
    const close = m.index + 3 + end;
    const inner = window.slice(0, end);
    if (inner.length > 400 || /[\n`$]\(|`|\n/.test(inner) || !inner.includes('(') || !parensBalanced(inner)) continue;
    for (let k = m.index + 3; k < close; k++) if (t[k] === '(' || t[k] === ')') out[k] = ' ';
  }
  // `poetry@build --version`: an @ inside the command name.
  for (const m of t.matchAll(/(^|[\n;&|(]|\b(?:then|do|else)\b)([ \t]*[A-Za-z0-9_.-]+)@(?=[A-Za-z0-9_.-]+(?:[ \t;&|)]|$))/gm)) {
    const at = m.index + m[1].length + m[2].length;
    if (plainBefore(t, m.index + m[1].length)) out[at] = '_';
  }
  // `force_make_binaries=y dind::up` (kubeadm-dind-cluster's script, vendored in OdooScript): after
  // an assignment the grammar reads a command name that starts like a name as one more assignment,
  // and fails at a `:`, `%` or `?` after that name. Each such character of the word becomes `_`.
  for (const m of t.matchAll(/(^|[\n;&|(]|\b(?:then|do|else)\b)([ \t]*(?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"\n]*"|'[^'\n]*'|[^\s;&|'"()])*[ \t]+)+[A-Za-z_][A-Za-z0-9_]*)[:%?]/gm)) {
    if (!plainBefore(t, m.index + m[1].length)) continue;
    // Every such character of the word (`dind::up`: both colons).
    for (let k = m.index + m[1].length + m[2].length; k < t.length && !/[\s;&|()<>'"`$\\]/.test(t[k]); k++) if (/[:%?]/.test(t[k])) out[k] = '_';
  }
  // `CMD ["python" "bot.py"]` (reformed-dave's Dockerfile: no comma, so no JSON, and Docker runs it
  // with /bin/sh -c): a command word that starts with `[` glued to more (`[python`, not the test
  // command `[`). The grammar reads a test and fails; the `[` becomes `_` (the command is still no
  // tool's name). Not a case pattern (`[yY]*)`) nor an array element (`[key]=value`).
  // (After `;`, `&`, `|`, `then` … a blank is wanted: `|[^ ]` in a regex of `[[ … =~ … ]]` is no
  // command, catuserbot's megadown; nor is anything inside a `[[ … ]]` the line opened.)
  const tests = new OpenTests(t);
  for (const m of t.matchAll(/(^|[;&|][ \t]|\b(?:then|do|else)[ \t])([ \t]*)\[(?=[^\s[\]])([^\s;&|]*)/gm)) {
    const at = m.index + m[1].length + m[2].length;
    if (/[)=|]/.test(m[3]) || !plainBefore(t, m.index + m[1].length) || tests.before(at)) continue;
    out[at] = '_';
  }
  // `${.sh.file}` (ksh's own variables, in micropython's tools/ci.sh, a branch that runs only under
  // ksh; bash reads the line and fails only if it runs it): the dots become `_`, an unset name, which
  // is what bash would have for it.
  for (const m of t.matchAll(/\$\{\.[A-Za-z_]\w*(?:\.\w+)*\}/g)) for (let k = m.index + 2; k < m.index + m[0].length - 1; k++) if (t[k] === '.') out[k] = '_';
  // An assignment alone with a redirection, then `&&`, `||`, `|` or `;` (libtool's ltmain.sh:
  // `__PLUSEQ_TEST+=" b" 2>/dev/null && …`, which probes the shell for `+=`): the grammar fails
  // after the redirection. It only moves where the assignment's errors go: it becomes blanks.
  for (const m of t.matchAll(/(?<=^|[;&|(]|\b(?:then|do|else|if|while|until)\b)([ \t]*[A-Za-z_]\w*\+?=(?:"[^"\n]*"|'[^'\n]*'|[^\s;&|'"()<>])*[ \t]+)((?:\d*(?:>>?|<)&?[ \t]*(?:"[^"\n]*"|[^\s;&|()<>"])+[ \t]*)+)(?=&&|\|\||;|\|)/gm)) {
    if (!plainBefore(t, m.index)) continue;
    const from = m.index + m[1].length;
    for (let k = from; k < from + m[2].length; k++) out[k] = ' ';
  }
  // zsh's loop over several names at once (`for task data_path in ${(kv)tasks}; do`, fairseq's
  // data2vec scripts, `#!/usr/bin/env zsh`; a syntax error to bash): the blanks between the names
  // become `_`, one name whose value the model does not know (nor did it know theirs).
  for (const m of t.matchAll(/(?<=^|[;&|(]|\b(?:then|do|else)\b)([ \t]*for[ \t]+)([A-Za-z_]\w*(?:[ \t]+[A-Za-z_]\w*)+)(?=[ \t]+in\b)/gm)) {
    if (!plainBefore(t, m.index) || /^in$/.test(m[2].split(/[ \t]+/).pop() ?? '')) continue;
    const from = m.index + m[1].length;
    for (let k = from; k < from + m[2].length; k++) if (t[k] === ' ' || t[k] === '\t') out[k] = '_';
  }
  // A here-document alone as a command (`<<USAGE` … `USAGE`, documentcloud's install.sh: a note
  // bash reads and does nothing with): the grammar wants a command; the blank or empty line
  // before the `<<` becomes `:`, the null command. (With neither before it, nothing is rewritten.)
  for (const m of t.matchAll(/(?<=^|[;&|]|\b(?:then|do|else)\b)([ \t]*)(<<-?[ \t]*(?:[A-Za-z_]\w*|'[^'\n]*'|"[^"\n]*"))(?=[ \t]*$)/gm)) {
    const at = m.index + m[1].length;
    if (m[1].length) out[at - 1] = ':';
    else if (at >= 2 && t[at - 1] === '\n' && t[at - 2] === '\n') out[at - 1] = ':';
  }
}

/**
 * Where the regex operand of `=~` starting at `from` ends, when it ends right at the `)` of a group
 * opened before it (its own groups balanced), or -1: it ends at a blank, or the group is its own.
 */
function regexBeforeGroupEnd(t: string, from: number): number {
  let depth = 0;
  for (let k = from; k < t.length; k++) {
    const c = t[k];
    if (c === '\\') k++;
    else if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return k > from ? k : -1;
      depth--;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '"' || c === "'") return -1;
  }
  return -1;
}

/** A `[[` or `((` opened on an earlier line is still open at `lineStart` (a test over several lines). */
function insideOpenTest(t: string, lineStart: number): boolean {
  const before = t.slice(Math.max(0, lineStart - 2000), lineStart);
  return before.lastIndexOf('[[') > before.lastIndexOf(']]') || before.lastIndexOf('((') > before.lastIndexOf('))');
}

/**
 * The `)` that closes the `(` at `open`, outside quotes and escapes (nested `(`, `$(` counted),
 * or -1 when there is none within a few thousand characters. Bounded on purpose (unlike the
 * Scanner, which reads to the script's end): it runs once per `((` in command position.
 */
export function matchingParen(t: string, open: number): number {
  let depth = 0;
  const end = Math.min(t.length, open + 4096);
  for (let k = open; k < end; k++) {
    const c = t[k];
    if (c === '\\') k++;
    else if (c === "'") {
      // Within the window: an unbounded search here would read to the end once per `((`.
      for (k++; k < end && t[k] !== "'"; k++);
      if (k >= end) return -1;
    } else if (c === '"') {
      for (k++; k < end && t[k] !== '"'; k++) if (t[k] === '\\') k++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return k;
  }
  return -1;
}

/** Every `)` closes an earlier `(` of the text, and every `(` is closed. */
function parensBalanced(s: string): boolean {
  let depth = 0;
  for (const c of s) if ((depth += c === '(' ? 1 : c === ')' ? -1 : 0) < 0) return false;
  return depth === 0;
}

/**
 * Each `?(…)`, `*(…)`, `+(…)`, `@(…)`, `!(…)` group in a word (outside single quotes, arithmetic
 * and `$`-expansions) becomes `_` characters, its `|` separators too: a glob word the model never
 * reads as a program. `inTestsOnly`: only the groups inside a `[[ … ]]` opened on their line.
 */
function extglobGroups(t: string, out: string[], inTestsOnly: boolean): void {
  const line = new LineState(t);
  const tests = inTestsOnly ? new OpenTests(t) : undefined;
  // After a letter too: augur's `case "$version" in *.dev+([0-9])*)`.
  for (const m of t.matchAll(/(?<![$\\])[?*+@!]\(/g)) {
    if (tests && !tests.before(m.index)) continue;
    const at = line.at(m.index);
    if (at.single || at.double || at.arith > 0 || at.openTest()) continue;
    const close = matchingParen(t, m.index + 1);
    if (close < 0 || t.slice(m.index, close).includes('\n')) continue;
    out[m.index] = '_';
    out[m.index + 1] = '_';
    out[close] = '_';
    for (let k = m.index + 2; k < close; k++) if (t[k] === '|' || t[k] === '(' || t[k] === ')') out[k] = '_';
  }
}

/**
 * What the text of a line before an offset holds, for offsets asked in increasing order: each
 * character is read once, so a long line with many hits costs no more than its length.
 */
class LineState {
  single = false;
  double = false;
  arith = 0;
  /** Unescaped backquotes and apostrophes (quoted or not) before the offset on its line. */
  backquotes = 0;
  apostrophes = 0;
  #pos = 0;
  #lineStart = 0;
  #open?: boolean;
  constructor(private readonly t: string) {}

  at(offset: number): this {
    const t = this.t;
    let k = this.#pos;
    for (; k < offset; k++) {
      const c = t[k];
      if (c === '\n') {
        this.single = this.double = false;
        this.arith = this.backquotes = this.apostrophes = 0;
        this.#lineStart = k + 1;
        this.#open = undefined;
        continue;
      }
      if (c === "'") this.apostrophes++;
      if (this.single) {
        if (c === "'") this.single = false;
      } else if (c === '\\') {
        // The escaped character is no quote, backquote or parenthesis (a newline still ends the line).
        if (t[k + 1] !== '\n') k++;
      } else if (c === '`') this.backquotes++;
      else if (c === "'" && !this.double) this.single = true;
      else if (c === '"') this.double = !this.double;
      else if (!this.double && c === '(' && t[k + 1] === '(') {
        this.arith++;
        k++;
      } else if (!this.double && c === ')' && t[k + 1] === ')' && this.arith > 0) {
        this.arith--;
        k++;
      }
    }
    this.#pos = k;
    return this;
  }

  /** A `[[` or `((` opened on an earlier line is still open on this one (once per line). */
  openTest(): boolean {
    return (this.#open ??= insideOpenTest(this.t, this.#lineStart));
  }
}
