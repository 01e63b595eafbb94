import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { scriptShell, shebangShell, shellScriptFrontEnd } from '../../src/frontends/shell-script/index.js';
import { START_DIR } from '../../src/frontends/config/services.js';
import { tempDir } from '../helpers.js';
import { argvText, configLinter, positions, siteAt } from '../services-lint.js';
import { parsesDuring } from '../parse-count.js';

const { analyze } = configLinter('scripts/bootstrap.sh');

test('shell-script claims: *.sh, *.bash, and extensionless files with a shell shebang', () => {
  for (const [p, head] of [['x.sh', ''], ['scripts/setup.bash', ''], ['bin/deploy', '#!/bin/sh'], ['bin/deploy', '#!/usr/bin/env bash'], ['run', '#! /bin/dash -e'], ['run', '#!/usr/bin/env -S zsh -f'], ['run', '#!/bin/ksh']]) {
    assert.equal(claimingFrontEnd(p, head), shellScriptFrontEnd, `${p} ${head}`);
  }
  for (const [p, head] of [['x.py', ''], ['bin/tool', '#!/usr/bin/env python3'], ['bin/tool', '#!/usr/bin/perl'], ['Makefile', ''], ['notes.txt', '#!/bin/sh'], ['README', '']]) {
    assert.notEqual(claimingFrontEnd(p, head), shellScriptFrontEnd, `${p} ${head}`);
  }
});

test('shell-script dialect: the shebang decides; no shebang carries no dialect fact', () => {
  assert.deepEqual(scriptShell('x.sh', '#!/bin/sh'), { parse: 'sh', dialect: 'sh', shellName: '/bin/sh' });
  assert.deepEqual(scriptShell('x', '#!/bin/dash'), { parse: 'sh', dialect: 'sh', shellName: '/bin/dash' });
  assert.deepEqual(scriptShell('x.sh', '#!/bin/bash -eu'), { parse: 'bash', dialect: 'bash', shellName: '/bin/bash' });
  assert.deepEqual(scriptShell('x.sh', '#!/usr/bin/env bash'), { parse: 'bash', dialect: 'bash', shellName: 'bash' });
  assert.deepEqual(scriptShell('x', '#!/bin/zsh'), { parse: 'bash', shellName: '/bin/zsh' });
  assert.deepEqual(scriptShell('x.sh', 'set -e'), { parse: 'bash' });
  assert.deepEqual(scriptShell('x.bash', 'set -e'), { parse: 'bash', dialect: 'bash', shellName: 'bash' });
  assert.equal(shebangShell('#!/usr/bin/env python3'), undefined);
});

test('shell-script positions and facts: every command on its own line, the dialect from the shebang', async () => {
  const { sites, syntaxProblem } = await analyze('#!/bin/sh\nset -e\npython3 -m venv .venv\n  .venv/bin/pip install \\\n    -r requirements.txt\n');
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(positions(siteAt(sites, 'python3')), ['3:1', '3:9', '3:12', '3:17']);
  const pip = siteAt(sites, '.venv/bin/pip');
  assert.deepEqual(positions(pip), ['4:3', '4:17', '5:5', '5:8']);
  assert.equal(pip.language, 'shell');
  assert.deepEqual(pip.file.location(pip.callSpan.start), { line: 4, column: 3 });
  const facts = pip.config!;
  assert.equal(facts.shellDialect, 'sh');
  assert.equal(facts.shellName, '/bin/sh');
  assert.equal(facts.unit, 'this script');
  assert.deepEqual(pip.env.knownVenvs, [`${START_DIR}/.venv`]);
});

test('shell-script state: one shell for the file — activation, deactivate, cd, variables, PATH', async () => {
  const { sites } = await analyze(
    [
      '#!/usr/bin/env bash',
      'VENV=.venv',
      'python3 -m venv "$VENV"',
      'source $VENV/bin/activate',
      'pip install -r requirements.txt',
      'deactivate',
      'pip --version',
      'export PATH="$PWD/.venv/bin:$PATH"',
      'cd app',
      'pytest',
      '',
    ].join('\n'),
  );
  const v = `${START_DIR}/.venv`;
  assert.equal(siteAt(sites, 'pip install').env.activeVenv, v);
  assert.equal(siteAt(sites, 'pip --version').env.activeVenv, undefined);
  assert.equal(siteAt(sites, 'pytest').env.activeVenv, v);
  const activation = (siteAt(sites, 'source')).config!.activation!;
  assert.equal(activation.venv, v);
  // A script may be sourced: its last-command activation is not "no effect".
  assert.equal(activation.lastInRun, false);
  assert.equal((siteAt(sites, 'pip install')).config!.shellDialect, 'bash');
});

test("shell-script cd: options and `--` are not the folder, `cd -` and a bare `cd` go where the file does not say (chia's install-gui.sh: `cd -- \"$(dirname -- \"$0\")\"`)", async () => {
  const cwdAt = async (line: string) => siteAt((await analyze(`#!/bin/bash\n${line}\npython3 app.py\n`)).sites, 'python3').config!.cwd;
  assert.equal(await cwdAt('cd -- app'), `${START_DIR}/app`);
  assert.equal(await cwdAt('cd -P -- app'), `${START_DIR}/app`);
  assert.equal(await cwdAt('cd -L app'), `${START_DIR}/app`);
  assert.equal(await cwdAt('cd app'), `${START_DIR}/app`);
  assert.equal(await cwdAt('cd -'), undefined);
  assert.equal(await cwdAt('cd'), undefined);
  assert.equal(await cwdAt('cd -- "$(dirname -- "$0")"'), undefined);
});

test("shell-script pushd/popd: pushd goes to its folder and popd back (mujoco's build_steps.sh: a venv made after `pushd \"${TMPDIR}\"` is not ./venv)", async () => {
  const cwdAt = async (lines: string) => siteAt((await analyze(`#!/bin/bash\n${lines}\npython3 app.py\n`)).sites, 'python3').config!.cwd;
  assert.equal(await cwdAt('pushd sub > /dev/null'), `${START_DIR}/sub`);
  assert.equal(await cwdAt('pushd sub\npopd'), START_DIR);
  assert.equal(await cwdAt('pushd a\npushd b\npopd'), `${START_DIR}/a`);
  assert.equal(await cwdAt('pushd a\ncd b\npopd'), START_DIR);
  assert.equal(await cwdAt('pushd "${TMPDIR}"\npopd'), START_DIR);
  // Forms this model does not follow: the folder is not known.
  assert.equal(await cwdAt('popd'), undefined);
  assert.equal(await cwdAt('pushd +1'), undefined);
  assert.equal(await cwdAt('pushd'), undefined);
  // The venv is where pushd went: its suggested path is from the folder popd came back to.
  const fixed = await analyze('#!/bin/bash\npushd sub\npython -m venv venv\npopd\nsub/venv/bin/pip install x\npython3 x.py\n');
  assert.deepEqual(siteAt(fixed.sites, 'python3').env.knownVenvs, [`${START_DIR}/sub/venv`]);
});

test('shell-script: a function runs where it is called; an exported VIRTUAL_ENV is the virtualEnv fact', async () => {
  const { sites, file } = await analyze('setup() {\n  /opt/venv/bin/pip install x\n}\nexport VIRTUAL_ENV=/opt/venv\nsetup\ncelery -A app worker\n');
  assert.deepEqual(sites.map(argvText), ['setup', '/opt/venv/bin/pip install x', 'celery -A app worker']);
  const celery = siteAt(sites, 'celery');
  const ve = celery.config!.virtualEnv!;
  assert.equal(ve.venv, '/opt/venv');
  assert.equal(file.text.slice(ve.span.start, ve.span.end), 'VIRTUAL_ENV=/opt/venv');
  assert.equal(celery.config!.shellDialect, undefined, 'no shebang: the caller decides the shell');
  assert.deepEqual(celery.env.knownVenvs, ['/opt/venv']);
});

test('shell-script: a venv named later in the file counts from the start; a bare script names none', async () => {
  const named = await analyze('pip install -r requirements.txt\n/srv/app/venv/bin/python manage.py migrate\n');
  assert.deepEqual(siteAt(named.sites, 'pip').env.knownVenvs, ['/srv/app/venv']);
  const none = await analyze('#!/bin/sh\npip install --user x\npython3 app.py\n');
  assert.ok(none.sites.every((s) => s.env.knownVenvs?.length === 0));
});

test('shell-script bad input: an unterminated quote is a partial syntax problem, the rest is still analysed', async () => {
  const { sites, syntaxProblem } = await analyze('#!/bin/sh\npython3 -m venv v\necho "unterminated\n');
  assert.equal(syntaxProblem?.kind, 'syntax');
  assert.equal(syntaxProblem?.partial, true);
  assert.ok(sites.some((s) => argvText(s).startsWith('python3')));
  const bin = await analyze('\u0000\u0001\u0002 garbage \u00ff((((');
  assert.ok(Array.isArray(bin.sites));
});

/** Runs `script` (made executable) in a temp dir with dash and bash present, returns status and output. */
function runIn(dir: string, cmd: string[], script?: [string, string]) {
  if (script) {
    fs.writeFileSync(path.join(dir, script[0]), script[1]);
    fs.chmodSync(path.join(dir, script[0]), 0o755);
  }
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: dir, encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

test('measured with dash: #!/bin/sh + source fails with status 127 and goes on; activation lasts to the end of the script', { skip: !fs.existsSync('/bin/dash') }, () => {
  const dir = tempDir();
  try {
    // A venv stand-in: bin/activate puts its bin first on PATH, bin/pip says which pip ran.
    fs.mkdirSync(path.join(dir, 'v', 'bin'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'v', 'bin', 'activate'), 'VIRTUAL_ENV="$(pwd)/v"\nPATH="$VIRTUAL_ENV/bin:$PATH"\nexport VIRTUAL_ENV PATH\n');
    fs.writeFileSync(path.join(dir, 'v', 'bin', 'pip'), '#!/bin/sh\necho "venv pip"\n');
    fs.chmodSync(path.join(dir, 'v', 'bin', 'pip'), 0o755);

    const src = runIn(dir, ['/bin/dash', './a.sh'], ['a.sh', '#!/bin/sh\nsource v/bin/activate\necho "status $?"\n']);
    assert.equal(src.out, 'status 127\n');
    assert.match(src.err, /source: not found/);

    const dot = runIn(dir, ['/bin/dash', './b.sh'], ['b.sh', '#!/bin/sh\n. v/bin/activate\necho start\npip\ndeactivate 2>/dev/null; true\ncd /\npip\n']);
    assert.equal(dot.out, 'start\nvenv pip\nvenv pip\n', 'the activation survives later lines and cd: one shell for the file');

    // No shebang, executed: the calling shell decides (bash runs it in bash, dash in dash).
    fs.writeFileSync(path.join(dir, 'c.sh'), 'if [ -n "$BASH_VERSION" ]; then echo bash; else echo "not bash"; fi\n');
    fs.chmodSync(path.join(dir, 'c.sh'), 0o755);
    assert.equal(runIn(dir, ['/bin/dash', '-c', './c.sh']).out, 'not bash\n');
    if (fs.existsSync('/bin/bash')) assert.equal(runIn(dir, ['/bin/bash', '-c', './c.sh']).out, 'bash\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('shell-script: the interpreter that creates a venv is not a venv itself', async () => {
  const { sites } = await analyze('#!/bin/sh\n/opt/python3.12/bin/python3 -m venv .venv\n.venv/bin/pip install x\n');
  assert.deepEqual(siteAt(sites, '.venv/bin/pip').env.knownVenvs, [`${START_DIR}/.venv`]);
});

test('a script naming a venv it does not create is parsed once for both of its runs (the second, with that venv known from the start, walks the first parse)', async () => {
  // Line continuations and quotes: two tree-sitter calls a parse (removeLineContinuations).
  const body = "#!/bin/sh\necho 'a' \\\n  b\npip install x\n";
  const once = (await parsesDuring(() => analyze(body))).parses;
  assert.equal(once, 2);
  const { parses, result: named } = await parsesDuring(() => analyze(`${body}/opt/venv/bin/pip install y\n`));
  assert.equal(parses, once, 'both runs share one parse');
  assert.deepEqual(named.sites.map((s) => [argvText(s), s.env.knownVenvs]), [['echo a b', ['/opt/venv']], ['pip install x', ['/opt/venv']], ['/opt/venv/bin/pip install y', ['/opt/venv']]]);
});
