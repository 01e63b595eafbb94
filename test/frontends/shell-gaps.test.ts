/**
 * The last valid scripts of the corpus that tree-sitter-bash could not parse (issue 15, point 3):
 * each case is the real file's construct cut down to a few lines, proven valid by the real `bash -n`
 * first, then parsed by the shell model with no error, the commands around and inside it found, and
 * the command after it at its exact offset. Next to each, a real syntax error of the same shape that
 * `bash -n` rejects is still reported: the workarounds never hide one.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { textWord, type Word } from '../../src/kernel/word.js';
import { loadParsers } from '../../src/frontends/tree-sitter.js';
import { parseShellWord, type ShellCommand } from '../../src/frontends/shell/parse.js';

before(async () => {
  await loadParsers();
});

function show(w: Word): string {
  return w.fragments.map((f) => (f.kind === 'text' ? f.text : `<${f.kind}>`)).join('');
}

function argvs(cmds: ShellCommand[]): string[][] {
  return cmds.map((c) => c.words.map(show)).filter((a) => a.length);
}

/** What the real bash says about the script: true when `bash -n` accepts it. */
function bashAccepts(src: string): boolean {
  const r = spawnSync('bash', ['-n'], { input: src, encoding: 'utf8' });
  assert.ok(r.status !== null, `bash did not run: ${String(r.error)}`);
  return r.status === 0;
}

/** Valid for bash, no parse error, and `python3 -m pip install x` (appended) found where it is. */
function clean(body: string): string[][] {
  const src = `${body}\npython3 -m pip install x\n`;
  assert.ok(bashAccepts(src), `bash -n rejects the case itself:\n${src}`);
  const r = parseShellWord(textWord(src, 0));
  assert.deepEqual(r.errors, [], src);
  const last = r.commands[r.commands.length - 1];
  assert.deepEqual(last.words.map(show), ['python3', '-m', 'pip', 'install', 'x'], src);
  const at = src.lastIndexOf('python3');
  assert.deepEqual([last.words[0].span?.start, last.words[0].span?.end], [at, at + 'python3'.length]);
  return argvs(r.commands);
}

/** Rejected by bash, and reported by the shell model. */
function broken(src: string): void {
  assert.ok(!bashAccepts(src), `bash -n accepts it, so it is no test of an error:\n${src}`);
  assert.notDeepEqual(parseShellWord(textWord(src, 0)).errors, [], src);
}

describe('shell model: the corpus\'s last valid scripts', () => {
  test('a `$` that starts no expansion is text, read as written (mathesar, hummingbot)', () => {
    // mathesar's find_missing_prs.sh, hummingbot's clean
    const cmds = clean('PREV_RELEASE=$(echo $PREV_NOTES_FILE | sed s/.md$//)\nrm -f $(find . -name "*.pyx" | sed s/\\.pyx$/\\*\\.cpp/g)\necho cost: 5$ "a$/" x$');
    assert.deepEqual(cmds.slice(0, 6), [
      ['echo', '<unknown>'],
      ['sed', 's/.md$//'],
      ['rm', '-f', '<unknown>'],
      ['find', '.', '-name', '*.pyx'],
      ['sed', 's/.pyx$/*.cpp/g'],
      ['echo', 'cost:', '5$', 'a$/', 'x$'],
    ]);
    // The sed word's characters keep their offsets, the `$` included.
    const src = 'sed s/.md$//\n';
    const sed = parseShellWord(textWord(src, 0)).commands[0].words[1];
    assert.deepEqual([sed.span?.start, sed.span?.end], [4, 12]);
    broken('echo a$)\n');
  });

  test('`<>` opens a file for reading and writing (cloud-init\'s hook-hotplug)', () => {
    assert.deepEqual(clean('exec 3<> $fifo\nprintf "%s\\n" "$env_params" >&3\nexec 3<>/dev/tcp/localhost/80').slice(0, 2), [['exec'], ['printf', '%s\\n', '<unknown>']]);
    broken('exec 3<>\n');
  });

  test('a command substitution that opens with a subshell is not arithmetic (hummingbot\'s install)', () => {
    const cmds = clean(
      'if [ "${CONDA_EXE} " == " " ]; then\n    CONDA_EXE=$((find /opt/conda/bin/conda || find ~/anaconda3/bin/conda || \\\n\t    find $CONDA/bin/conda) 2>/dev/null)\nfi\necho $((1+2)) $(( (1) + 2 )) $(((1)+(2))) "$((pip --version) 2>&1)"',
    );
    assert.deepEqual(cmds.slice(0, 5), [['find', '/opt/conda/bin/conda'], ['find', '~/anaconda3/bin/conda'], ['find', '<unknown>/bin/conda'], ['echo', '<unknown>', '<unknown>', '<unknown>', '<unknown>'], ['pip', '--version']]);
    // Arithmetic stays arithmetic: no command in it.
    assert.deepEqual(argvs(parseShellWord(textWord('echo $(((1)+(2))) $(( (a) * (b) ))', 0)).commands), [['echo', '<unknown>', '<unknown>']]);
    broken('x=$((find a || find b) 2>/dev/null\n');
  });

  test('an associative subscript of several words (dbt-core\'s partial_parse_bench.sh)', () => {
    clean('declare -A RESULTS\nPARSE_BASELINE="${RESULTS[parse  warm  no-pp]:-0}"\nSHOW="${RESULTS[show  warm  no-pp  select=1-model  fqn]:-0}"\necho "${RESULTS[a b]}" ${A[i + 1]}');
  });

  test('a quoted string in an extglob group of [[ … ]] (pwndbg\'s qemu tests)', () => {
    const cmds = clean('set -o pipefail\nif [[ "${ARCH}" == @("x86_64") ]]; then\n    pip install pytest\nelif [[ $ARCH == +("arm"|\'aarch 64\') ]]; then :; fi');
    assert.deepEqual(cmds.slice(0, 2), [['set', '-o', 'pipefail'], ['pip', 'install', 'pytest']]);
    broken('if [[ "${ARCH}" == @("x86 64") ]]; then :; f\n');
  });

  test('a single = in [[ … ]] with a quoted blank in its pattern (openlibrary\'s solr_builder/utils.sh)', () => {
    const cmds = clean('if [[ $RESP = *"\\"numFound\\": 0"* ]]; then\n    echo "ERROR: ${base_url} is returning 0 results"\nfi\n[[ $x = "a b" ]] && echo same');
    assert.deepEqual(cmds.slice(0, 2), [['echo', 'ERROR: <unknown> is returning 0 results'], ['echo', 'same']]);
    broken('[[ $R = *"n: 0"* ]] ]]\n');
  });

  test('a here-doc line ending in `;` after more commands (mailinabox\'s nextcloud.sh)', () => {
    const cmds = clean('php"$PHP_VER" <<EOF > "$CONFIG_TEMP" && mv "$CONFIG_TEMP" "$STORAGE_ROOT/owncloud/config.php";\n<?php\n$x = 1;\nEOF\ncat <<EOF >f && echo a;\nbody\nEOF');
    assert.deepEqual(cmds.slice(0, 4), [['php<unknown>'], ['mv', '<unknown>', '<unknown>/owncloud/config.php'], ['cat'], ['echo', 'a']]);
    // In quotes the `;` is text.
    const q = parseShellWord(textWord('echo "cat <<EOF > f;"\n', 0));
    assert.deepEqual(argvs(q.commands), [['echo', 'cat <<EOF > f;']]);
  });

  test('autoconf\'s case pattern with quoted newlines (rhasspy\'s configure); the items\' commands are read', () => {
    const cmds = clean(
      'case $ac_user_opts in\n  *"\n"enable_$ac_useropt"\n"*) ;;\n  *) ac_unrecognized_opts="$ac_unrecognized_opts--disable-$ac_useropt_orig"\n\t python3 setup.py ;;\nesac\ncase $x in\n  (*"a"b|c) pip install y ;;\n  *\'q\'z) pip install z ;;\nesac',
    );
    assert.deepEqual(cmds.slice(0, 3), [['python3', 'setup.py'], ['pip', 'install', 'y'], ['pip', 'install', 'z']]);
    broken('case $x in\n  *"\n"a"b) pip install y ;;\nesac\n');
  });
});
