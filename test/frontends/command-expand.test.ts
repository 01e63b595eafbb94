/** Tests for unwrapping wrappers (env, sudo, timeout …) and nested shells, in exec form and shell form. */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { textWord, wordText, type Fragment, type Word } from '../../src/kernel/word.js';
import { loadParsers } from '../../src/frontends/tree-sitter.js';
import type { ExpandedCommand } from '../../src/frontends/command/expand.js';
import type { ShellParseResult } from '../../src/frontends/shell/parse.js';
import { runExecArgv, runShellSession, type ShellSessionOptions } from '../../src/frontends/shell/session.js';
import { DEFAULT_PATH } from '../../src/frontends/config/facts.js';
import { SourceFile } from '../../src/kernel/source.js';
import type { LaunchSite } from '../../src/kernel/launch-site.js';

before(async () => {
  await loadParsers();
});

function show(w: Word): string {
  return w.fragments.map((f) => (f.kind === 'text' ? f.text : `<${f.kind}>`)).join('');
}

function offsets(w: Word): number[] {
  return w.fragments.flatMap((f) => (f.kind === 'text' ? (f.offsets ?? []) : []));
}

/** Exec-form argv of literal words without source positions. */
function words(...xs: string[]): Word[] {
  return xs.map((x) => textWord(x));
}

/**
 * The programs a script or argv starts, as the one shell model expands them: every command the
 * session would make a site for (nested shells' included) is collected instead.
 */
function session(got: ExpandedCommand[]): ShellSessionOptions {
  return {
    file: new SourceFile('<test>', ''),
    language: 'shell',
    api: 'test',
    callSpan: { start: 0, end: 0 },
    dialect: 'bash',
    path: DEFAULT_PATH,
    cwd: undefined,
    vars: new Map(),
    venvs: new Map(),
    originAt: () => ({ line: 1, how: 'created' }),
    makeSite: (cmd) => {
      got.push(cmd);
      return {} as LaunchSite;
    },
  };
}

/** Exec form: the programs an argv starts (a nested shell's commands through the session). */
function expandArgv(argv: Word[], opts: { complete: boolean; span?: { start: number; end: number }; errors?: ShellParseResult['errors'] }): ExpandedCommand[] {
  const got: ExpandedCommand[] = [];
  const { commands, session: res } = runExecArgv(argv, opts.complete, session(got), opts.span);
  opts.errors?.push(...res.nestedErrors);
  return [...commands, ...got];
}

/** A script through the session: the programs it starts and every parse error, nested ones included. */
function expandShellScript(script: Word): { commands: ExpandedCommand[]; errors: ShellParseResult['errors'] } {
  const commands: ExpandedCommand[] = [];
  const r = runShellSession(script, session(commands));
  return { commands, errors: [...r.errors, ...r.nestedErrors] };
}

/** Expands a one-line shell script whose text starts at file offset 0. */
function sh(src: string): ExpandedCommand[] {
  const got: ExpandedCommand[] = [];
  const r = runShellSession(textWord(src, 0), session(got));
  assert.deepEqual([...r.errors, ...r.nestedErrors], [], `unexpected parse errors in ${src}`);
  return got;
}

/** The single command a script runs. */
function one(src: string): ExpandedCommand {
  const cmds = sh(src);
  assert.equal(cmds.length, 1, `expected one command from ${src}, got ${cmds.map((c) => c.argv.map(show).join(' ')).join(' | ')}`);
  return cmds[0];
}

describe('expandArgv (exec form)', () => {
  test('env python x.py', () => {
    const [c] = expandArgv(words('env', 'python', 'x.py'), { complete: true, span: { start: 3, end: 30 } });
    assert.deepEqual(c.argv.map(show), ['python', 'x.py']);
    assert.deepEqual(c.wrappers, ['env']);
    assert.equal(c.viaShell, false);
    assert.equal(c.complete, true);
    assert.deepEqual(c.span, { start: 3, end: 30 });
    assert.equal(c.envPathSet, undefined);
    assert.equal(c.pathReset, undefined);
  });

  test('a program that is not a wrapper is argv[0] as given', () => {
    const argv = words('python', '-m', 'pip');
    const [c] = expandArgv(argv, { complete: true });
    assert.equal(c.argv, argv);
    assert.deepEqual(c.wrappers, []);
  });

  test('sh -c SCRIPT: the script words keep their positions in the file', () => {
    // e.g. subprocess.run(["sh", "-c", "pip install x"]) with the string literal's text at 40
    const argv = [textWord('sh', 20), textWord('-c', 26), textWord('pip install x', 40)];
    const [c] = expandArgv(argv, { complete: true });
    assert.deepEqual(c.argv.map(show), ['pip', 'install', 'x']);
    assert.deepEqual(c.wrappers, ['sh -c']);
    assert.equal(c.viaShell, true);
    assert.deepEqual(offsets(c.argv[0]), [40, 41, 42]);
    assert.deepEqual(offsets(c.argv[2]), [52]);
    assert.deepEqual(c.span, { start: 40, end: 53 });
  });

  test('extra words after the -c script are $0 …, not part of the commands', () => {
    const cmds = expandArgv([...words('bash', '-c', 'python "$0"'), { fragments: [{ kind: 'unknown' }] }], { complete: false });
    assert.equal(cmds.length, 1);
    assert.deepEqual(cmds[0].argv.map(show), ['python', '<unknown>']);
    assert.equal(cmds[0].complete, true);
  });

  test('sys.executable behind a wrapper is an operand, not an option', () => {
    const exe: Fragment = { kind: 'sys-executable', span: { start: 1, end: 2 } };
    const [c] = expandArgv([textWord('nice'), { fragments: [exe] }, textWord('-m'), textWord('pip')], { complete: true });
    assert.deepEqual(c.argv.map(show), ['<sys-executable>', '-m', 'pip']);
    assert.deepEqual(c.wrappers, ['nice']);
  });

  test('an unknown word where an option or the program should be stops unwrapping', () => {
    const unknown: Word = { fragments: [{ kind: 'unknown' }] };
    const [c] = expandArgv([textWord('env'), unknown, textWord('python')], { complete: true });
    assert.deepEqual(c.argv.map(show), ['env', '<unknown>', 'python']);
    assert.deepEqual(c.wrappers, []);
    assert.equal(c.complete, false);
    const [d] = expandArgv([textWord('nice'), { fragments: [{ kind: 'text', text: '-' }, { kind: 'unknown' }] }, textWord('python')], { complete: true });
    assert.equal(show(d.argv[0]), 'nice');
    assert.equal(d.complete, false);
    // The value of an option may be unknown: it is skipped all the same.
    const [e] = expandArgv([textWord('timeout'), textWord('-s'), unknown, textWord('10'), textWord('python')], { complete: true });
    assert.deepEqual(e.argv.map(show), ['python']);
    assert.equal(e.complete, true);
    // timeout's DURATION computed by the program (str(n), f"{n}s", sys.argv[1]) is the duration.
    const [f] = expandArgv([textWord('timeout'), unknown, textWord('pytest')], { complete: true });
    assert.deepEqual(f.argv.map(show), ['pytest']);
    assert.deepEqual(f.wrappers, ['timeout']);
    const [g] = expandArgv([textWord('timeout'), { fragments: [{ kind: 'unknown' }, { kind: 'text', text: 's' }] }, textWord('pytest')], { complete: true });
    assert.deepEqual(g.argv.map(show), ['pytest']);
    // Other wrappers still cannot tell an unknown word from an option.
    const [h] = expandArgv([textWord('nohup'), unknown, textWord('pytest')], { complete: true });
    assert.equal(show(h.argv[0]), 'nohup');
  });

  test('an incomplete argv that ends inside the wrapper is not known', () => {
    const [c] = expandArgv(words('env', '-u'), { complete: false });
    assert.equal(show(c.argv[0]), 'env');
    assert.equal(c.complete, false);
    const [d] = expandArgv(words('sudo'), { complete: false });
    assert.equal(d.complete, false);
  });

  test('nested shell parse errors go to the errors sink', () => {
    const errors: ShellParseResult['errors'] = [];
    const cmds = expandArgv([textWord('bash'), textWord('-c'), textWord('if then pip install x', 10)], { complete: true, errors });
    assert.deepEqual(cmds.map((c) => c.argv.map(show)), [['pip', 'install', 'x']]);
    assert.equal(errors.length, 1);
    assert.ok(errors[0].span && errors[0].span.start >= 10);
  });

  test('empty argv starts nothing', () => {
    assert.deepEqual(expandArgv([], { complete: true }), []);
  });
});

describe('expandShellScript', () => {
  test('env -i PATH=/x python', () => {
    const c = one('env -i PATH=/x python');
    assert.deepEqual(c.argv.map(show), ['python']);
    assert.deepEqual(c.wrappers, ['env']);
    assert.equal(c.envPathSet, true);
    assert.equal(c.pathUnset, undefined);
    assert.deepEqual(
      c.assignments.map((a) => [a.name, wordText(a.value)]),
      [['PATH', '/x']],
    );
    assert.deepEqual(offsets(c.assignments[0].value), [12, 13]);
    assert.equal(c.viaShell, true);
    assert.deepEqual(c.span, { start: 0, end: 21 });
  });

  test('env -i / env -u PATH leave no PATH', () => {
    assert.equal(one('env -i python').pathUnset, true);
    assert.equal(one('env - python').pathUnset, true);
    assert.equal(one('env -u PATH python').pathUnset, true);
    assert.equal(one('env -u HOME python').pathUnset, undefined);
    const c = one('FOO=1 env -i BAR=2 python');
    assert.deepEqual(
      c.assignments.map((a) => a.name),
      ['BAR'],
      'env -i drops what was set before it',
    );
  });

  test('PATH=… prefix assignment', () => {
    const c = one('PATH=/venv/bin:$PATH python x.py');
    assert.equal(c.envPathSet, true);
    assert.deepEqual(c.assignments.map((a) => show(a.value)), ['/venv/bin:<unknown>']);
  });

  test('sudo -u app python x', () => {
    const c = one('sudo -u app python x');
    assert.deepEqual(c.argv.map(show), ['python', 'x']);
    assert.deepEqual(c.wrappers, ['sudo']);
    assert.equal(c.pathReset, 'sudo');
    assert.deepEqual(offsets(c.argv[0]), [12, 13, 14, 15, 16, 17]);
  });

  test('sudo options and modes', () => {
    assert.deepEqual(one('sudo -E -H -n -S --preserve-env=A,B -g grp -- pip install x').argv.map(show), ['pip', 'install', 'x']);
    assert.deepEqual(one('sudo --user=app -i python').argv.map(show), ['python']);
    const c = one('sudo PATH=/v/bin:$PATH python');
    assert.deepEqual(c.argv.map(show), ['python']);
    assert.equal(c.envPathSet, undefined, "sudo's own lookup ignores PATH=…");
    assert.deepEqual(c.assignments.map((a) => a.name), ['PATH']);
    // modes that do not run the command: the wrapper is the program
    assert.deepEqual(one('sudo -l python').argv.map(show), ['sudo', '-l', 'python']);
    assert.deepEqual(one('sudo -v').argv.map(show), ['sudo', '-v']);
  });

  test('a PATH set after sudo wins; one set before it is reset', () => {
    const after = one('sudo env PATH=/v/bin python');
    assert.equal(after.pathReset, 'sudo');
    assert.equal(after.envPathSet, true);
    const before = one('env PATH=/v/bin sudo python');
    assert.equal(before.pathReset, 'sudo');
    assert.equal(before.envPathSet, undefined);
  });

  test('timeout -s KILL 10 nice -n 5 python', () => {
    const c = one('timeout -s KILL 10 nice -n 5 python');
    assert.deepEqual(c.argv.map(show), ['python']);
    assert.deepEqual(c.wrappers, ['timeout', 'nice']);
    assert.deepEqual(offsets(c.argv[0]), [29, 30, 31, 32, 33, 34]);
  });

  test('option syntaxes: attached values, long options, abbreviations, numeric nice, --', () => {
    const cases: [string, string[], string[]][] = [
      ['timeout --signal=KILL -k5 --pres 1m python -V', ['python', '-V'], ['timeout']],
      ['timeout --kill-after 5 10 python', ['python'], ['timeout']],
      ['nice -5 python', ['python'], ['nice']],
      ['nice --adjustment=5 python', ['python'], ['nice']],
      ['nice -n5 -- python', ['python'], ['nice']],
      ['nohup python -u app.py', ['python', '-u', 'app.py'], ['nohup']],
      ['exec -a name -c python', ['python'], ['exec']],
      ['command -p python', ['python'], ['command']],
      ['builtin cd /x', ['cd', '/x'], ['builtin']],
      ['time -p python x', ['python', 'x'], ['time']],
      ['stdbuf -oL -e 0 --input=L python', ['python'], ['stdbuf']],
      ['ionice -c 3 -n7 -t python', ['python'], ['ionice']],
      ['chrt -f 99 python', ['python'], ['chrt']],
      ['chrt --idle python', ['python'], ['chrt']],
      ['taskset 0x3 python', ['python'], ['taskset']],
      ['taskset -c 0,1 python', ['python'], ['taskset']],
      ['setsid -f -w python', ['python'], ['setsid']],
      ['flock -n -w 10 /tmp/lock python x.py', ['python', 'x.py'], ['flock']],
      ['unbuffer -p python', ['python'], ['unbuffer']],
      ['chronic -e python', ['python'], ['chronic']],
      ['caffeinate -i -t 60 python', ['python'], ['caffeinate']],
      ['catchsegv python', ['python'], ['catchsegv']],
      ['strace -f -o log -e trace=execve python x', ['python', 'x'], ['strace']],
      ['ltrace -o log -s 80 python', ['python'], ['ltrace']],
      ['doas -u app python', ['python'], ['doas']],
      ['gosu app python', ['python'], ['gosu']],
      ['su-exec app:app python', ['python'], ['su-exec']],
      ['tini -s -- python', ['python'], ['tini']],
      ['dumb-init --single-child python', ['python'], ['dumb-init']],
      ['runuser -u app -- python x', ['python', 'x'], ['runuser']],
      ['/usr/bin/env python3', ['python3'], ['env']],
      ['xargs -0 -I{} -P 4 python {}', ['python', '{}'], ['xargs']],
      ['watch -x pip list', ['pip', 'list'], ['watch']],
      ['screen -dmS logger python app.py', ['python', 'app.py'], ['screen']],
      ['screen -d -m -S logger -L -Logfile log.txt python', ['python'], ['screen']],
      ['screen -S ail -X screen -t worker python w.py', ['python', 'w.py'], ['screen']],
      ['tmux new-session -d -s api python app.py', ['python', 'app.py'], ['tmux']],
      ['tmux -L dev new -d -s api -n main -e FOO=1 -- python -m app', ['python', '-m', 'app'], ['tmux']],
      ['tmux split-window -h -t api.0 -l 30% pytest -x', ['pytest', '-x'], ['tmux']],
      ['tmux new -ds api python app.py', ['python', 'app.py'], ['tmux']],
    ];
    for (const [src, argv, wrappers] of cases) {
      const c = one(src);
      assert.deepEqual(c.argv.map(show), argv, src);
      assert.deepEqual(c.wrappers, wrappers, src);
    }
  });

  test('wrappers with nothing to run', () => {
    assert.deepEqual(sh('command -v python'), []);
    assert.deepEqual(sh('command -V pip'), []);
    assert.deepEqual(sh('exec 3>log'), []);
    assert.deepEqual(one('env').argv.map(show), ['env']);
    assert.deepEqual(one('strace -p 1234').argv.map(show), ['strace', '-p', '1234']);
    assert.deepEqual(one('ionice -p 1 python').argv.map(show), ['ionice', '-p', '1', 'python']);
    assert.deepEqual(one('taskset -p 3 1234').argv.map(show), ['taskset', '-p', '3', '1234']);
    // screen: listing, reattaching, and a command sent to a session that opens no window.
    assert.deepEqual(one('screen -ls').argv.map(show), ['screen', '-ls']);
    assert.deepEqual(one('screen -r logger').argv.map(show), ['screen', '-r', 'logger']);
    assert.deepEqual(one('screen -S game -p 0 -X stuff python').argv.map(show), ['screen', '-S', 'game', '-p', '0', '-X', 'stuff', 'python']);
    // tmux: typing into a pane and attaching start nothing of their own.
    assert.deepEqual(one('tmux send-keys -t api "python app.py" Enter').argv.map(show), ['tmux', 'send-keys', '-t', 'api', 'python app.py', 'Enter']);
    assert.deepEqual(one('tmux attach -t api').argv.map(show), ['tmux', 'attach', '-t', 'api']);
  });

  test('command -p looks up on the default PATH; doas and su -l reset PATH', () => {
    assert.equal(one('command -p python').pathReset, 'command -p');
    assert.equal(one('doas python').pathReset, 'doas');
    assert.equal(one('su -l app -c python').pathReset, 'su -l');
    assert.equal(one('su app -c python').pathReset, undefined);
  });

  test('xargs appends unknown words', () => {
    const c = one('xargs -n1 python');
    assert.deepEqual(c.argv.map(show), ['python']);
    assert.deepEqual(c.wrappers, ['xargs']);
    assert.equal(c.complete, false);
    assert.equal(one('xargs -I{} python {}').complete, true);
  });

  test("bash -lc 'source venv/bin/activate && pip install -r r.txt'", () => {
    const src = "bash -lc 'source venv/bin/activate && pip install -r r.txt'";
    const cmds = sh(src);
    assert.deepEqual(
      cmds.map((c) => c.argv.map(show)),
      [
        ['source', 'venv/bin/activate'],
        ['pip', 'install', '-r', 'r.txt'],
      ],
    );
    for (const c of cmds) {
      assert.deepEqual(c.wrappers, ['bash -c']);
      assert.equal(c.viaShell, true);
      assert.equal(c.complete, true);
    }
    const pip = src.indexOf('pip');
    assert.deepEqual(offsets(cmds[1].argv[0]), [pip, pip + 1, pip + 2]);
    assert.deepEqual(cmds[1].span, { start: pip, end: src.length - 1 });
  });

  test('shell option syntax before -c', () => {
    const cases = [
      "sh -c 'pip x'",
      "sh -ec 'pip x'",
      "bash -xec 'pip x'",
      "bash -o pipefail -c 'pip x'",
      "bash -c -e 'pip x'",
      "bash --noprofile --norc -c 'pip x'",
      "bash +x -c 'pip x' arg0 arg1",
      "/bin/dash -c 'pip x'",
      "/usr/bin/env bash -c 'pip x'",
      "zsh -lc 'pip x'",
    ];
    for (const src of cases) assert.deepEqual(one(src).argv.map(show), ['pip', 'x'], src);
    assert.deepEqual(one("/usr/bin/env bash -c 'pip x'").wrappers, ['env', 'bash -c']);
    assert.deepEqual(one("/bin/dash -c 'pip x'").wrappers, ['dash -c']);
  });

  test('a shell running a script file or stdin is itself the program', () => {
    assert.deepEqual(one('bash script.sh').argv.map(show), ['bash', 'script.sh']);
    assert.deepEqual(one('sh -s < x').argv.map(show), ['sh', '-s']);
    assert.deepEqual(one('bash').argv.map(show), ['bash']);
  });

  test('nested shells and wrappers compose; positions map through every level', () => {
    const src = `sudo -u app bash -c "cd /srv && env PATH=/v/bin:\\$PATH python -m pip install x"`;
    const cmds = sh(src);
    // `cd` changes the nested shell's folder and starts nothing.
    assert.deepEqual(
      cmds.map((c) => c.argv.map(show)),
      [['python', '-m', 'pip', 'install', 'x']],
    );
    const py = cmds[0];
    assert.deepEqual(py.wrappers, ['sudo', 'bash -c', 'env']);
    assert.equal(py.pathReset, 'sudo');
    assert.equal(py.envPathSet, true);
    assert.deepEqual(py.assignments.map((a) => show(a.value)), ['/v/bin:<unknown>']);
    const at = src.indexOf('python');
    assert.deepEqual(offsets(py.argv[0]), [at, at + 1, at + 2, at + 3, at + 4, at + 5]);
  });

  test('sh -c inside sh -c with escaped quotes', () => {
    const src = `sh -c "bash -c 'pip install \\"a b\\"'"`;
    const c = one(src);
    assert.deepEqual(c.argv.map(show), ['pip', 'install', 'a b']);
    assert.deepEqual(c.wrappers, ['sh -c', 'bash -c']);
    const a = src.indexOf('a b');
    assert.deepEqual(offsets(c.argv[2]), [a, a + 1, a + 2]);
  });

  test('su -c, flock -c, watch and eval run their string through a shell', () => {
    const su = one(`su - app -c 'pip install x'`);
    assert.deepEqual(su.argv.map(show), ['pip', 'install', 'x']);
    assert.deepEqual(su.wrappers, ['su -c']);
    assert.deepEqual(one(`su -c 'pip install x' app`).argv.map(show), ['pip', 'install', 'x']);
    const fl = one(`flock /tmp/l -c 'python x.py'`);
    assert.deepEqual(fl.argv.map(show), ['python', 'x.py']);
    assert.deepEqual(fl.wrappers, ['flock -c']);
    const w = one('watch -n 5 pip list --outdated');
    assert.deepEqual(w.argv.map(show), ['pip', 'list', '--outdated']);
    assert.deepEqual(w.wrappers, ['watch', 'sh -c']);
    assert.deepEqual(offsets(w.argv[0]), [11, 12, 13]);
    const ev = one(`eval "pip install $PKG"`);
    assert.deepEqual(ev.argv.map(show), ['pip', 'install', '<unknown>']);
    assert.deepEqual(ev.wrappers, ['eval']);
    assert.equal(ev.complete, false, 'eval splits $PKG again');
  });

  test('env -S splits its string', () => {
    const src = `env -S 'python3 -u "a b"' x.py`;
    const c = one(src);
    assert.deepEqual(c.argv.map(show), ['python3', '-u', 'a b', 'x.py']);
    assert.deepEqual(c.wrappers, ['env']);
    assert.deepEqual(offsets(c.argv[0]), [8, 9, 10, 11, 12, 13, 14]);
    assert.deepEqual(one(`env -S'-i PATH=/x python3'`).argv.map(show), ['python3']);
    assert.equal(one(`env -S'-i PATH=/x python3'`).envPathSet, true);
  });

  test('things that run elsewhere are not unwrapped', () => {
    for (const src of ['docker run img python x', 'ssh host pip install x', 'kubectl exec pod -- python x', 'uv run python x']) {
      const c = one(src);
      assert.deepEqual(c.argv.map(show), src.split(' '), src);
      assert.deepEqual(c.wrappers, [], src);
    }
  });

  test('unknown program or options', () => {
    const c = one('$PY -m pip install x');
    assert.equal(show(c.argv[0]), '<unknown>');
    assert.equal(c.complete, false);
    const d = one('env $OPTS python');
    assert.deepEqual(d.argv.map(show), ['env', '<unknown>', 'python']);
    assert.equal(d.complete, false);
    const e = one('bash -c "$CMD"');
    assert.equal(show(e.argv[0]), '<unknown>');
    assert.deepEqual(e.wrappers, ['bash -c']);
  });

  test('the placeholder for sys.executable survives a nested shell', () => {
    const exe: Fragment = { kind: 'sys-executable', span: { start: 50, end: 64 } };
    const script: Word = {
      fragments: [
        { kind: 'text', text: 'cd /app && nice ', offsets: Array.from({ length: 16 }, (_, i) => 10 + i) },
        exe,
        { kind: 'text', text: ' -m pip install x', offsets: Array.from({ length: 17 }, (_, i) => 70 + i) },
      ],
    };
    const r = expandShellScript(script);
    assert.deepEqual(r.errors, []);
    // `cd` changes the shell's folder and starts nothing: one program.
    assert.equal(r.commands.length, 1);
    assert.deepEqual(r.commands[0].argv[0].fragments, [exe]);
    assert.deepEqual(r.commands[0].wrappers, ['nice']);
    assert.deepEqual(r.commands[0].argv.slice(1).map(show), ['-m', 'pip', 'install', 'x']);
  });

  test('syntax errors: the commands that parsed are still expanded', () => {
    const r = expandShellScript(textWord('if then python x.py; pip install y', 0));
    assert.ok(r.errors.length >= 1);
    assert.deepEqual(
      r.commands.map((c) => c.argv.map(show)),
      [
        ['python', 'x.py'],
        ['pip', 'install', 'y'],
      ],
    );
  });

  test('nesting deeper than the limit stops, incomplete', () => {
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    let src = 'pip install x';
    for (let i = 0; i < 9; i++) src = `sh -c ${q(src)}`;
    const r = expandShellScript(textWord(src, 0));
    assert.equal(r.commands.length, 1);
    const c = r.commands[0];
    assert.equal(show(c.argv[0]), 'sh');
    assert.equal(c.wrappers.length, 8);
    assert.equal(c.complete, false);
  });

  test('10,000 nested $( … ) expand without crashing', () => {
    const r = expandShellScript(textWord('echo ' + '$('.repeat(10000) + 'pip list' + ')'.repeat(10000)));
    assert.equal(r.commands.length, 10001);
    assert.deepEqual(r.commands[10000].argv.map(show), ['pip', 'list']);
  });
});
