/**
 * Valid shell that tree-sitter-bash cannot parse, rewritten before parsing into text it can, with
 * the same length so that every character keeps its place in the script → source map. Measured on
 * ~8,000 scripts bash or dash accepts (scripts/shell-corpus.ts). Each rewrite touches only text
 * whose value the shell model never reads:
 *
 * - the operand of a `${NAME<op>…}` expansion (`${X:-a;b}`, `${X:+ (from $2)}`, `${v//&/\&amp;}`,
 *   `${s:$i:1}`, `${a[$k:$v]:-}`, zsh's `${BASH_SOURCE[0]:-${(%):-%x}}`): an expansion with an
 *   operator is an unknown value, so its operand matters only for the commands it runs — nested
 *   `$(…)` and `${NAME…}` are kept, and the characters
 *   the grammar stumbles on (`; & | < > ( ) [ ] ' " \`) become `_`;
 * - `N#digits` and `0x$…` in `$((…))`: an arithmetic expansion is an unknown value too;
 * - `for NAME do` (no `;` before `do`, which POSIX allows): the blank before `do` becomes `;`;
 * - two closing words in a row (`done done`, `fi fi`, `fi }`: a folded YAML scalar makes these from
 *   nested loops, as in fdroidserver's .gitlab-ci.yml): the blank between becomes `;`;
 * - and, from the review of unseen repositories (scripts bash -n accepts): a subshell condition
 *   followed by `then`/`do` without `;` (`if (pg_isready) then`), `\(` `\)` inside `[ … ]`
 *   (`[ \( -n "$A" \) ]`: the backslash becomes a blank), a here-string after another redirection
 *   (`jq . >/dev/null <<<"$x"`: `<<<` becomes `<` and two blanks), a comment in backquotes used as
 *   an inline remark on a continued line (`` `# why` ``: blanked), a standalone `==` argument
 *   (`grep ==`: `__`), an `@` inside a command name (`poetry@build`: `_`) and two subshells opened
 *   together (`(($(PY) -m pip install . || echo failed) || popd)`, st2's Makefile: bash reads them as
 *   subshells because the text is no arithmetic command; the outer pair becomes blanks);
 * - from the shell corpus's last valid scripts: backquotes holding only blanks (devstack's
 *   `"…"`<newline>`"…"`: the first blank becomes `:`), and a single `=` in `[[ … && … ]]` whose
 *   pattern holds `.`, `*` or `/` (`[[ $V = 3.8 || … ]]`: `==`, the blank after it becoming `=`);
 * - from the corpus's last valid scripts (session 8): a `$` that starts no expansion (`sed s/.md$//`,
 *   `s/\.pyx$/…/`: bash keeps it as text; it becomes `_`, and the word expander reads such a `_` as
 *   the character it stands for), the read-write redirection `<>` (`exec 3<> $fifo`: the `>` becomes
 *   a blank, the descriptor and the file stay), a command substitution that opens with a subshell
 *   (`$((find a || find b) 2>/dev/null)`: bash reads `$((` as arithmetic only when the `(` it opens
 *   closes right before the last `)`; the inner pair becomes blanks), a subscript of two words
 *   (`${RESULTS[parse  warm]:-0}`: `_`), a quoted string in an extglob group of `[[ … ]]`
 *   (`[[ $A == @("x86_64") ]]`: the string becomes `_`), and a quoted string holding a blank in the
 *   pattern of a single `=` in `[[ … ]]` (`[[ $R = *"n: 0"* ]]`: `==`, as above);
 * - from the three corpus scripts still reported in session 9: backquotes whose command starts with
 *   a blank (`` pid=` cat $F` ``: read as `$( cat $F)`, the same command), `test A == B` as a command
 *   (the second `=` becomes a blank), and `==` on a later line of a `[[ … ]]` over several lines is
 *   the test's own operator, not a standalone argument.
 *
 * - zsh in a file bash -n accepts (aws-cli's bin/aws_zsh_completer.sh): expansion flags
 *   (`${(kv)jobs}`, `${(f)"$(cmd)"}`: the flags become `_:-` and blanks, the rest an operand), nested
 *   expansions and `${=x}` `${~x}` `${^x}` (blanked inside), and `$#NAME` in arithmetic (`$_NAME`).
 *
 * - from the unseen7 repositories (session 18), scripts bash -n accepts: a regex right before the
 *   `)` of a group in `[[ … ]]` (`[[ ! ($a =~ ^(y|n)$) ]]`: the regex becomes `_` and `=~` the `==`
 *   the grammar reads), `eval` of an array assignment (`eval A=( $L )`: `eval` becomes blanks), a
 *   test of two operands whose operator comes from `"$@"` (`[ "$v" "$@" ]`: `[` becomes `:`), a
 *   descriptor named by a variable after a group (`{ …; } {fd}>&1`: `{fd}` becomes blanks), a
 *   backslash that ends the script, and `$((…))` in a substring's offset (`${@:$(( n + 1 ))}`: `_`
 *   throughout, its blanks and `$` included); and, from the shell corpus, a here-document body line
 *   that starts with the here-document's word (pyenv's `<<SH` whose body sets `SHIM_PATH=…`: the
 *   grammar ends the body there; the line's first character becomes another letter) and an
 *   unquoted word that starts with `=` (`: <<=cut` before POD: `_`, at both ends).
 * - from the unseen12 repositories (session 21): a unary test of the lone word `/` (`[ ! -w / ]`,
 *   mynode's startup script: `.`).
 * - from the unseen13 repositories: a here-document's word followed at once by a redirection (`cat
 *   <<EOF>$(dirname $0)/conf.py`, xandikos: the blank before `<<` moves after the word).
 * - from the unseen23 repositories: `!-x` glued in a `[ … ]` test (one word to `[`): `_-x`; and
 *   a here-string after another redirection in a command
 *   substitution inside double quotes (`ERR="$( jq -e . 2>&1 <<<"$RAW" )"`, allsky), as above.
 * - from the unseen21 and unseen23 repositories: a `.` or `,` in a substring's offset
 *   (`${P:meta-llama/Llama-3.1-8B}`, which bash runs while P is unset; `${F:1,-1}`, the comma
 *   operator): `_`, like the offset's other troubles.
 * - from the unseen21 repositories: a template's placeholder alone as a command
 *   (`{solution_code_command}`, a word to bash, a group to the grammar): its `{` becomes `_`.
 * - from the unseen20 repositories: empty backquotes (``` `` ```, reST markup in fmriprep's echo
 *   "… ``git fetch --tags`` …"): `""`, the same empty value.
 * - from the unseen28 repositories: a command name with `:`, `%` or `?` after an assignment
 *   (`force_make_binaries=y dind::up`): that character becomes `_`.
 * - from the unseen30 and unseen31 repositories: a mustache tag as a word or a command (`cd
 *   {{repo_server}}`, `{{>header.sh}}`, `{{#is_pr}}`, fireq's templates): its braces, and a section
 *   tag's `#`, become `_`; a group holding only a subshell with its braces glued on (`show() {(set
 *   -x; "$@")}`, devenv's installer): both braces become blanks, the subshell alone.
 * - from the unseen37 repositories: an extglob group in a script with none of the characters the
 *   other rewrites look for (rasterio's `shopt -s extglob` then `rm -rf !(dist|tests)`) was not
 *   rewritten at all: `!(`, `+(`, `*(` and `?(` now start the rewrites too.
 * - from the unseen38 and unseen39 repositories: ksh's `${.sh.file}` (the dots become `_`), and a
 *   here-document alone as a command (`<<USAGE` on a line of its own: the blank or empty line
 *   before it becomes `:`, the null command bash runs).
 * - from DietPi's dietpi-software (session 32): an assignment's subscript of two expansions, or of
 *   one joined by `,` `:` or `-` (`aAVAIL[$id,$MODEL]=0`): `_` throughout; and from reformed-dave's
 *   Dockerfile, a command word that starts with `[` glued to more (`CMD ["python" "bot.py"]`, no
 *   JSON for want of a comma, so run by sh): the `[` becomes `_`.
 * - from the unseen40 and unseen41 repositories: an assignment alone with a file redirection before
 *   `&&`, `||`, `|` or `;` (libtool's ltmain.sh, `__PLUSEQ_TEST+=" b" 2>/dev/null && …`): the
 *   redirection becomes blanks; and zsh's loop over several names (`for task data_path in …`,
 *   fairseq's zsh scripts): the blanks between the names become `_`.
 * - from the unseen54 repositories (session 33): an extglob group in the pattern of a `[[ … ]]` test
 *   without `shopt -s extglob` (rdiffweb's `[[ "$CI_COMMIT_TAG" == *.+([0-9]) ]]`: bash turns
 *   extglob on for that match), rewritten as under `shopt`; and a here-document's last body line of
 *   blanks only (nav's mergedb.sh): its blanks become line breaks.
 *
 * The original text stays in `Script.orig`, for messages and anything else that shows text.
 */
import type { Script } from './script.js';
import { forgetLineStates, matchingParen, plainBefore, smallGaps } from './small-gaps.js';

const NAME = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])/;
/** Longest first: `:-` before `:`, `##` before `#`. */
const OPERATORS = [':-', ':=', ':+', ':?', '##', '%%', '//', '/#', '/%', '^^', ',,', '-', '=', '+', '?', '#', '%', '/', '^', ',', ':'];
/** What tree-sitter-bash cannot take in an operand (measured); letters, digits, blanks and `$` it can. */
const TROUBLE = /[;&|<>()[\]'"\\]/;
/** After a `$`, a character that starts no expansion (bash keeps the `$` as text; the grammar fails). */
const NOT_EXPANSION = /[^\w{(\[@*#?$!'"\s\\-]/;
const LITERAL_DOLLAR_ANYWHERE = /\$[^\w{(\[@*#?$!'"\s\\-]/;

export function rewriteGrammarGaps(s: Script): Script {
  const t = s.text;
  // (An extglob group may start with `!`, `+`, `*` or `?` alone: `rm -rf !(dist|tests)`, rasterio's workflow.)
  if (!t.includes('${') && !t.includes('((') && !/\b(for|done|fi|esac)\b|\}|[\\<`=@[]|[?*+!]\(/.test(t) && !LITERAL_DOLLAR_ANYWHERE.test(t)) return s;
  const out = t.split('');
  try {
    new Scanner(t, out).script(0, undefined);
    forDo(t, out);
    closerPairs(t, out);
    smallGaps(t, out);
  } finally {
    forgetLineStates();
  }
  const text = out.join('');
  return text === t ? s : { ...s, text, orig: s.orig ?? t };
}

/**
 * A small lexer that finds expansions where the shell would: not in single quotes, comments or
 * quoted here-documents. It stops at the `)` that ends a command substitution it was called for.
 */
class Scanner {
  private readonly inArithmeticCommand: (i: number) => boolean;

  constructor(
    private readonly t: string,
    private readonly out: string[],
  ) {
    this.inArithmeticCommand = arithmeticLines(t);
  }

  /** Scans shell text from i; returns the index after the closing `close` char (or the end). */
  script(i: number, close: ')' | undefined): number {
    const t = this.t;
    let dq = false;
    let depth = 0;
    let atWordStart = true;
    const heredocs: Array<{ word: string; strip: boolean; renamed?: boolean }> = [];
    while (i < t.length) {
      const c = t[i];
      if (c === '\\') {
        i += 2;
        atWordStart = false;
        continue;
      }
      const past = this.dollar(i);
      if (past !== undefined) {
        if (t[i + 1] === '{') atWordStart = false;
        i = past;
        continue;
      }
      if (c === '`') {
        const end = this.backtick(i, dq);
        i = end;
        continue;
      }
      if (dq) {
        if (c === '"') dq = false;
        i++;
        continue;
      }
      if (c === '"') {
        dq = true;
        i++;
        atWordStart = false;
        continue;
      }
      if (c === "'") {
        const end = t.indexOf("'", i + 1);
        i = end < 0 ? t.length : end + 1;
        atWordStart = false;
        continue;
      }
      if (c === '$' && t[i + 1] === '#' && /[A-Za-z_]/.test(t[i + 2] ?? '') && this.inArithmeticCommand(i)) {
        // zsh's `$#NAME` (NAME's length) in `(( … ))`: for bash `$#` then text, taken by bash -n;
        // the grammar fails on it in arithmetic. An unknown value either way: `$_NAME`.
        this.out[i + 1] = '_';
        i += 2;
        continue;
      }
      if (c === '$' && i + 1 < t.length && NOT_EXPANSION.test(t[i + 1])) {
        // `sed s/.md$//`: a `$` bash keeps as text.
        this.out[i] = '_';
        i++;
        atWordStart = false;
        continue;
      }
      if (c === '#' && atWordStart) {
        const end = t.indexOf('\n', i);
        i = end < 0 ? t.length : end;
        continue;
      }
      if (c === '<' && t[i + 1] === '<' && t[i + 2] === '<') {
        // A here-string, not a here-document: its second and third '<' must not start one.
        i += 3;
        atWordStart = false;
        continue;
      }
      if (c === '<' && t[i + 1] === '<') {
        const m = /^<<(-?)[ \t]*(["']?)([^\s"'<>;&|()]+)\2/.exec(t.slice(i, i + 200));
        if (m) {
          // An unquoted word that starts with `=` (pg_getwal's POD: `: <<=cut`) the grammar does not
          // take; it becomes `_` here and on the line that ends the here-document.
          const renamed = m[2] === '' && m[3].startsWith('=');
          if (renamed) this.out[i + m[0].length - m[3].length] = '_';
          heredocs.push({ word: m[3], strip: m[1] === '-', renamed });
          i += m[0].length;
          continue;
        }
      }
      if (c === '<' && t[i + 1] === '>') {
        // `exec 3<> $fifo`: opened for reading and writing; read as `3< $fifo`.
        this.out[i + 1] = ' ';
        i += 2;
        atWordStart = true;
        continue;
      }
      if (c === '\n' && heredocs.length) {
        i = this.skipHeredocs(i + 1, heredocs.splice(0));
        atWordStart = true;
        continue;
      }
      if (close) {
        if (c === '(') depth++;
        else if (c === ')') {
          if (depth === 0) return i + 1;
          depth--;
        }
      }
      atWordStart = /[\s;&|()<>]/.test(c);
      i++;
    }
    return i;
  }

  /** Here-document bodies are left as they are (a quoted one is literal text). */
  private skipHeredocs(i: number, docs: Array<{ word: string; strip: boolean; renamed?: boolean }>): number {
    const t = this.t;
    for (const d of docs) {
      /** Where the body's last line starts, and that line (read before its delimiter's). */
      let lastStart = -1;
      let last = '';
      while (i < t.length) {
        const nl = t.indexOf('\n', i);
        const line = t.slice(i, nl < 0 ? t.length : nl).replace(/\r$/, '');
        const start = i;
        i = nl < 0 ? t.length : nl + 1;
        const body = d.strip ? line.replace(/^\t+/, '') : line;
        if (body === d.word) {
          if (d.renamed) this.out[start + line.length - body.length] = '_';
          // A last body line of blanks only (nav's mergedb.sh, a usage text ending in one space):
          // inside a compound command, once the body holds an expansion, the grammar fails on it;
          // an empty line parses. Its blanks become line breaks, nothing to every reader of it.
          if (lastStart >= 0 && /^[ \t]+$/.test(last)) for (let k = lastStart; k < lastStart + last.length; k++) this.out[k] = '\n';
          break;
        }
        lastStart = start;
        last = line;
        // The grammar ends a here-document at a line that only starts with its word (pyenv's
        // `<<SH` whose body sets `SHIM_PATH=…`): that first character becomes another letter.
        if (body.startsWith(d.word)) this.out[start + line.length - body.length] = d.word[0] === 'x' ? 'y' : 'x';
      }
    }
    return i;
  }

  /** `…` : its inside is a script; returns the index after the closing backtick. */
  private backtick(i: number, dq = false): number {
    const t = this.t;
    let j = i + 1;
    while (j < t.length && t[j] !== '`') j += t[j] === '\\' ? 2 : 1;
    // Backquotes holding only blanks (devstack's `"…"`<newline>`"…"`, a string continued on the
    // next line): bash substitutes nothing; the grammar, after any earlier backquotes in the script,
    // turns everything from there into one ERROR. The first blank becomes `:` (a command that does
    // nothing, so the substitution stays one, and the word around it stays one word).
    if (j < t.length && j > i + 1 && /^\s+$/.test(t.slice(i + 1, j))) this.out[i + 1] = ':';
    // Empty backquotes (fmriprep's CircleCI `echo "the command ``git fetch --tags``"`, reST markup in
    // a message): bash substitutes nothing; the grammar fails on them inside double quotes. They
    // become `""`, an empty string that leaves the word around it one word with the same value;
    // unquoted and a word of their own, blanks (bash drops the empty word).
    else if (j === i + 1) {
      const alone = !dq && /^$|[\s;&|(]$/.test(t[i - 1] ?? '') && /^$|[\s;&|)]/.test(t[j + 1] ?? '');
      this.out[i] = alone ? ' ' : '"';
      this.out[j] = alone ? ' ' : '"';
    }
    // Backquotes whose command starts with a blank (CouchPotatoServer's ``pid=` cat $F 2>/dev/null ` ``):
    // after earlier backquotes in the script the grammar fails on them in an assignment's value. Without
    // a backslash or parenthesis inside they mean the same as `$(…)`, which it reads: the opening
    // backquote becomes `$`, the blank `(`, the closing backquote `)`.
    else if (j < t.length && /^[ \t][^\\()`#]*\S[^\\()`#]*$/.test(t.slice(i + 1, j))) {
      this.out[i] = '$';
      this.out[i + 1] = '(';
      this.out[j] = ')';
    }
    return Math.min(j + 1, t.length);
  }

  /** `${`…`}` at i: returns the index after its `}`; blanks the operand if it has one. */
  private expansion(i: number): number {
    const t = this.t;
    let j = i + 2;
    if (t[j] === '(' && !this.t.startsWith('((', j)) return this.zshFlags(j);
    if ((t[j] === '#' || t[j] === '!') && t[j + 1] !== '}') j++;
    if ((t[j] === '$' && t[j + 1] === '{') || (/[=~^]/.test(t[j]) && j === i + 2 && /[\w${(]/.test(t[j + 1] ?? ''))) return this.zshWhole(i);
    const name = NAME.exec(t.slice(j, j + 256));
    if (!name) return this.skipBraces(i + 2);
    j += name[0].length;
    if (t[j] === '[') {
      const close = t.indexOf(']', j);
      if (close < 0) return this.skipBraces(j);
      const sub = t.slice(j + 1, close);
      // Arithmetic (`a[i + 1]`) the grammar reads; two words (`R[parse  warm]`, an associative key) it does not.
      if (sub !== '@' && sub !== '*' && (!/^[\w$ +\-*/]*$/.test(sub) || /[\w$]\s+[\w$]/.test(sub))) {
        if (sub.includes('$(') || sub.includes('`')) return this.skipBraces(j);
        for (let k = j + 1; k < close; k++) if (t[k] !== '\n') this.out[k] = '_';
      }
      j = close + 1;
    }
    if (t[j] === '}') return j + 1;
    const op = OPERATORS.find((o) => t.startsWith(o, j));
    if (!op) return this.skipBraces(j);
    return this.operand(j + op.length, op === ':');
  }

  /**
   * zsh's flags (`${(kv)jobs}`, `${(f)"$(cmd)"}`, `${(j. .)words[1,N]}`): bash -n takes them (it
   * reads no expansion until it runs one), the grammar does not. An unknown value, like an operand:
   * the flags `(…)` become `_:-` and blanks, so that what follows is the operand of `${_:-…}` (its
   * `$(…)` kept, the rest blanked as an operand is).
   */
  private zshFlags(open: number): number {
    const t = this.t;
    // Flags are a few characters: looked for that far only (every `${(` of a hostile script scanning
    // to its end would be quadratic).
    const near = t.slice(open, open + 64);
    const close = open + near.indexOf(')');
    if (close < open + 2 || /[\n}]/.test(t.slice(open, close))) return this.skipBraces(open);
    this.out[open] = '_';
    this.out[open + 1] = ':';
    this.out[open + 2] = '-';
    for (let k = open + 3; k <= close; k++) this.out[k] = '_';
    return this.operand(close + 1, false);
  }

  /**
   * zsh's nested expansions (`${#${(j. .)w}}`, `${${x}:-y}`) and `${=x}` `${~x}` `${^x}`: not bash,
   * which reads none of them until it runs one; everything inside the braces becomes `_` (a name
   * the grammar reads), a `$(…)` inside included.
   */
  private zshWhole(i: number): number {
    const end = this.skipBraces(i + 2);
    for (let k = i + 2; k < end - 1; k++) if (this.t[k] !== '\n') this.out[k] = '_';
    return end;
  }

  /**
   * The operand, up to the `}` that closes the expansion: nested `${…}` and `$(…)` kept (they may
   * run commands), everything else `_`; backquotes and `$((…))` inside are blanked whole.
   */
  private operand(start: number, substring: boolean): number {
    const t = this.t;
    const blank: number[] = [];
    let i = start;
    let dq = false;
    while (i < t.length) {
      const c = t[i];
      if (c === '`') {
        // A fallback computed in backquotes (devstack's `${IFACE:-`ip … | awk '{print $1}'`}`): the
        // grammar cannot take them in an operand; the whole substitution is blanked, quotes included.
        let j = i + 1;
        while (j < t.length && t[j] !== '`') j += t[j] === '\\' ? 2 : 1;
        if (j >= t.length) return this.skipBraces(start);
        for (let k = i; k <= j; k++) if (t[k] !== '\n') this.out[k] = '_';
        i = j + 1;
        continue;
      }
      if (c === '$' && t[i + 1] === '(' && t[i + 2] === '(') {
        // An arithmetic fallback (`${N:=$(( ($(nproc)/4)<2 ? 2 : ($(nproc)/4) ))}`): an unknown value.
        // All of it becomes `_` (`$___…`, a plain expansion): its blanks too, which the grammar does
        // not take in a substring's offset (pyenv's `"${@:$(( $n + 1 ))}"`), nor a `$` there.
        const end = this.arithmetic(i + 3);
        for (let k = substring ? i : i + 1; k < end; k++) if (t[k] !== '\n') this.out[k] = '_';
        i = end;
        continue;
      }
      if (c === '\\') {
        blank.push(i, i + 1);
        i += 2;
        continue;
      }
      if (c === '$' && t[i + 1] === '{' && !NAME.exec(t.slice(i + 2 + (/[#!]/.test(t[i + 2]) ? 1 : 0), i + 258))) {
        // Not a bash expansion (zsh's `${(%):-%x}` as the fallback of `${BASH_SOURCE[0]:-…}`): an
        // operand bash never reads unless it runs; blanked like the rest of the operand.
        const end = this.skipBraces(i + 2);
        for (let k = i + 2; k < end - 1; k++) blank.push(k);
        i = end;
        continue;
      }
      const past = this.dollar(i);
      if (past !== undefined) {
        i = past;
        continue;
      }
      if (c === '"') dq = !dq;
      else if (c === "'" && !dq) {
        const end = t.indexOf("'", i + 1);
        if (end < 0) return t.length;
        for (let k = i; k <= end; k++) blank.push(k);
        i = end + 1;
        continue;
      } else if (c === '}' && !dq) {
        // In `${s:$i:1}` the grammar also stumbles on a plain `$i`: its `$` goes too; and on a `.`
        // (mlperf's `${CHECKPOINT_PATH:meta-llama/Meta-Llama-3.1-8B-Instruct}`, a `:-` missing its `-`)
        // and a `,` (allsky's `${F:1,-1}`, the comma operator: the last character).
        for (const k of blank) if (k < i && (TROUBLE.test(t[k]) || (substring && (t[k] === '$' || t[k] === '.' || t[k] === ',')))) this.out[k] = '_';
        return i + 1;
      }
      blank.push(i);
      i++;
    }
    return i;
  }

  /** Past a `${…}`, `$((…))` or `$(…)` that starts at `i`, each scanned as such; undefined when none does. */
  private dollar(i: number): number | undefined {
    const t = this.t;
    if (t[i] !== '$') return undefined;
    if (t[i + 1] === '{') return this.expansion(i);
    if (t[i + 1] !== '(') return undefined;
    if (t[i + 2] !== '(') return this.script(i + 2, ')');
    // `$((cmd || x) 2>/dev/null)`: bash reads `$((` as arithmetic only when the `(` after it closes
    // right before the last `)`; otherwise it is a command substitution that opens with a subshell.
    const inner = matchingParen(t, i + 2);
    if (inner < 0 || t[inner + 1] === ')') return this.arithmetic(i + 3);
    this.out[i + 2] = ' ';
    this.out[inner] = ' ';
    return this.script(i + 2, ')');
  }

  /** Past the `}` matching an expansion we leave alone (nested braces and quotes counted). */
  private skipBraces(i: number): number {
    const t = this.t;
    let depth = 0;
    while (i < t.length) {
      const c = t[i];
      if (c === '\\') i += 2;
      else if (c === '$' && t[i + 1] === '(') i = this.script(i + 2, ')');
      else if (c === '{') {
        depth++;
        i++;
      } else if (c === '}') {
        if (depth === 0) return i + 1;
        depth--;
        i++;
      } else i++;
    }
    return i;
  }

  /** `$((`…`))` from its inside: `10#$x` → `10+$x`, `0x${m}` → `0+${m}`; nested expansions scanned. */
  private arithmetic(i: number): number {
    const t = this.t;
    let depth = 0;
    while (i < t.length) {
      const c = t[i];
      if (c === '$' && t[i + 1] === '{') {
        i = this.expansion(i);
        continue;
      }
      if (c === '$' && t[i + 1] === '(' && t[i + 2] !== '(') {
        i = this.script(i + 2, ')');
        continue;
      }
      if (c === '#' && /[0-9]/.test(t[i - 1] ?? '') && /[\w$]/.test(t[i + 1] ?? '')) this.out[i] = '+';
      if (c === '#' && t[i - 1] === '$' && /[A-Za-z_]/.test(t[i + 1] ?? '')) this.out[i] = '_'; // zsh's `$#NAME`, as above
      if (c === 'x' && t[i - 1] === '0' && !/\w/.test(t[i - 2] ?? '') && t[i + 1] === '$') this.out[i] = '+';
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) return t[i + 1] === ')' ? i + 2 : i + 1;
        depth--;
      }
      i++;
    }
    return i;
  }
}

/**
 * Whether an offset is inside a `(( … ))` opened earlier on its line. Each line's `((` and `))` are
 * listed once, when the first offset on it is asked about, so a hostile one-line script full of
 * `$#x` stays linear.
 */
function arithmeticLines(t: string): (i: number) => boolean {
  let line: { start: number; end: number; opens: number[]; closes: number[] } | undefined;
  const last = (list: number[], below: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < below) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? list[lo - 1] : -1;
  };
  return (i) => {
    if (!line || i < line.start || i > line.end) {
      const start = t.lastIndexOf('\n', i) + 1;
      const nl = t.indexOf('\n', i);
      const end = nl < 0 ? t.length : nl;
      const opens: number[] = [];
      const closes: number[] = [];
      for (let k = t.indexOf('((', start); k >= 0 && k < end; k = t.indexOf('((', k + 2)) opens.push(k);
      for (let k = t.indexOf('))', start); k >= 0 && k < end; k = t.indexOf('))', k + 2)) closes.push(k);
      line = { start, end, opens, closes };
    }
    const open = last(line.opens, i - 1);
    return open >= 0 && last(line.closes, i) < open + 2;
  };
}

/** `for NAME do` at a line's command start, outside quotes: the blank before `do` becomes `;`. */
function forDo(t: string, out: string[]): void {
  for (const m of t.matchAll(/(^|[\n;&|(){}]|\bthen|\bdo|\belse)([ \t]*for[ \t]+[A-Za-z_][A-Za-z0-9_]*)([ \t]+)do(?=[\s;]|$)/g)) {
    if (!plainBefore(t, m.index + m[1].length, true)) continue;
    out[m.index + m[1].length + m[2].length] = ';';
  }
}

/**
 * A closing word in command position (after `;`, `&` or a line break) followed by another one on
 * the same line, outside quotes: `…; done done` → `…; done;done`.
 */
function closerPairs(t: string, out: string[]): void {
  for (const m of t.matchAll(/(^|[;&\n])([ \t]*(?:done|fi|esac|\}))([ \t]+)(?=(?:done|fi|esac|\})(?:[\s;&|)]|$))/g)) {
    if (!plainBefore(t, m.index + m[1].length, true)) continue;
    out[m.index + m[1].length + m[2].length] = ';';
  }
}
