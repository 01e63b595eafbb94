import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsFrontEnd } from '../../src/frontends/actions/index.js';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { analyze } from '../actions-lint.js';
import { argvText, positions, siteAt } from '../config-lint.js';


const WS = '/github/workspace';

test('actions claims: workflow files and composite actions, absolute and Windows paths too', () => {
  for (const p of ['.github/workflows/ci.yml', '/abs/repo/.github/workflows/release.yaml', 'C:\\r\\.github\\workflows\\x.yml', 'action.yml', 'sub/dir/action.yaml']) {
    assert.ok(actionsFrontEnd.claims(p, ''), p);
    assert.equal(claimingFrontEnd(p), actionsFrontEnd, p);
  }
  for (const p of ['ci.yml', '.github/dependabot.yml', '.github/workflows/README.md', 'docs/.github/workflows.yml', 'actions.yml']) assert.ok(!actionsFrontEnd.claims(p, ''), p);
  assert.ok(actionsFrontEnd.mayMatter('run: pip install x', /\bpytest\b/));
  assert.ok(!actionsFrontEnd.mayMatter('run: npm test', /\bpytest\b/));
});

test('actions positions: literal | block scalar, every word at its real line and column', async () => {
  const { sites, syntaxProblem } = await analyze('jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          python -m venv .venv\n          echo done &&\n            pip install -r req.txt\n');
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(positions(siteAt(sites, 'python')), ['6:11', '6:18', '6:21', '6:26']);
  assert.deepEqual(positions(siteAt(sites, 'pip')), ['8:13', '8:17', '8:25', '8:28']);
  assert.equal(siteAt(sites, 'pip').language, 'github-actions');
  assert.equal(siteAt(sites, 'pip').api, 'run');
});

test('actions positions: folded > block scalar maps joined lines back to their own lines', async () => {
  const { sites } = await analyze('jobs:\n  t:\n    steps:\n      - run: >-\n          pip install\n          --upgrade\n\n          python -m pytest\n');
  assert.deepEqual(positions(siteAt(sites, 'pip')), ['5:11', '5:15', '6:11']);
  // The empty line folds to a newline: a second command.
  assert.deepEqual(positions(siteAt(sites, 'python')), ['8:11', '8:18', '8:21']);
});

test('actions positions: double- and single-quoted scalars, escapes and doubled quotes', async () => {
  const { sites } = await analyze('jobs:\n  t:\n    steps:\n      - run: "echo \\"a b\\" && pip install x"\n      - run: \'echo \'\'q\'\' ; python3 -V\'\n      - run: pip list\n');
  assert.equal(argvText(siteAt(sites, 'echo')), 'echo a b');
  assert.deepEqual(positions(siteAt(sites, 'pip install')), ['4:31', '4:35', '4:43']);
  assert.equal(argvText(siteAt(sites, 'echo', 1)), "echo q");
  assert.deepEqual(positions(siteAt(sites, 'python3')), ['5:28', '5:36']);
  assert.deepEqual(positions(siteAt(sites, 'pip list')), ['6:14', '6:18']);
});

test('actions state: $GITHUB_PATH writes put the venv on PATH for later steps only', async () => {
  for (const redirect of ['>> $GITHUB_PATH', '>> "$GITHUB_PATH"', '>>"${GITHUB_PATH}"']) {
    const { sites } = await analyze(
      `jobs:\n  t:\n    steps:\n      - run: |\n          python -m venv .venv\n          echo "$PWD/.venv/bin" ${redirect}\n          pip install a\n      - run: pip install b\n`,
    );
    assert.equal(siteAt(sites, 'pip install a').env.activeVenv, undefined, redirect);
    assert.deepEqual(siteAt(sites, 'pip install a').env.knownVenvs, [`${WS}/.venv`]);
    assert.equal(siteAt(sites, 'pip install b').env.activeVenv, `${WS}/.venv`, redirect);
  }
});

test('actions state: $GITHUB_ENV PATH= and $VIRTUAL_ENV after activation', async () => {
  const { sites } = await analyze(
    'jobs:\n  t:\n    steps:\n      - run: python -m venv /opt/v\n      - run: |\n          . /opt/v/bin/activate\n          echo "PATH=$PATH" >> $GITHUB_ENV\n      - run: pip install b\n  u:\n    steps:\n      - run: uv venv\n      - run: |\n          source .venv/bin/activate\n          echo "$VIRTUAL_ENV/bin" >> $GITHUB_PATH\n      - run: pytest\n',
  );
  assert.equal(siteAt(sites, 'pip install b').env.activeVenv, '/opt/v');
  assert.deepEqual(siteAt(sites, 'pytest').env.knownVenvs, [`${WS}/.venv`]);
  assert.equal(siteAt(sites, 'pytest').env.activeVenv, `${WS}/.venv`);
});

test('actions state: ${{ env.X }} holds what an earlier step wrote to $GITHUB_ENV (gradio: `. ${{ env.VENV_ACTIVATE }}`)', async () => {
  const { sites } = await analyze(
    'jobs:\n  t:\n    steps:\n      - run: echo "VENV_ACTIVATE=venv/bin/activate" >> $GITHUB_ENV\n      - run: python -m venv venv\n      - run: |\n          . ${{ env.VENV_ACTIVATE }}\n          python scripts/generate.py\n      - run: python scripts/other.py\n',
  );
  assert.equal(siteAt(sites, 'python scripts/generate.py').env.activeVenv, `${WS}/venv`);
  assert.equal(siteAt(sites, 'python scripts/other.py').env.activeVenv, undefined);
  // One step per runner OS writes it (`if:`): the later, Windows layout, names the same venv.
  const both = await analyze(
    'jobs:\n  t:\n    steps:\n      - if: github.event.inputs.os == \'ubuntu-latest\'\n        run: echo "VENV_ACTIVATE=venv/bin/activate" >> $GITHUB_ENV\n      - if: github.event.inputs.os == \'windows-latest\'\n        run: echo "VENV_ACTIVATE=venv/Scripts/activate" >> $GITHUB_ENV\n      - run: python -m venv venv\n      - run: |\n          . ${{ env.VENV_ACTIVATE }}\n          python scripts/generate.py\n',
  );
  assert.equal(siteAt(both.sites, 'python scripts/generate.py').env.activeVenv, `${WS}/venv`);
});

test('actions state: env: PATH at workflow/job/step level, with ${{ github.workspace }}', async () => {
  const { sites } = await analyze(
    'env:\n  PATH: ${{ github.workspace }}/.venv/bin:/usr/bin\njobs:\n  t:\n    steps:\n      - run: python -m venv .venv\n      - run: pip install a\n  u:\n    env:\n      PATH: /usr/bin:/bin\n    steps:\n      - run: python -m venv .venv\n      - run: pip install b\n      - run: pip install c\n        env:\n          PATH: ${{ github.workspace }}/.venv/bin:${{ env.PATH }}\n',
  );
  assert.equal(siteAt(sites, 'pip install a').env.activeVenv, `${WS}/.venv`);
  assert.equal(siteAt(sites, 'pip install b').env.activeVenv, undefined);
  assert.equal(siteAt(sites, 'pip install c').env.activeVenv, `${WS}/.venv`);
});

test('actions state: defaults.run.shell and shell: decide what is analysed', async () => {
  const { sites } = await analyze(
    'defaults:\n  run:\n    shell: pwsh\njobs:\n  a:\n    steps:\n      - run: pip install a\n      - run: pip install b\n        shell: bash\n  b:\n    defaults:\n      run:\n        shell: sh -e {0}\n    steps:\n      - run: pip install c\n      - run: print(1)\n        shell: python\n  c:\n    runs-on: windows-latest\n    steps:\n      - run: pip install d\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install e\n        shell: cmd\n',
  );
  assert.deepEqual(sites.map(argvText), ['pip install b', 'pip install c']);
});

test('actions state: working-directory (step and defaults) resolves venvs; jobs do not share state', async () => {
  const { sites } = await analyze(
    'jobs:\n  t:\n    defaults:\n      run:\n        working-directory: app\n    steps:\n      - run: python3 -m venv .venv\n      - run: virtualenv env2\n        working-directory: ./tools\n      - run: cd sub && uv venv\n      - run: pip install a\n  u:\n    steps:\n      - run: pip install b\n',
  );
  assert.deepEqual(siteAt(sites, 'pip install a').env.knownVenvs, [`${WS}/app/.venv`, `${WS}/tools/env2`, `${WS}/app/sub/.venv`]);
  assert.deepEqual(siteAt(sites, 'pip install b').env.knownVenvs, []);
});

test('actions composite action: runs.steps with shell: bash', async () => {
  const { sites } = await analyze(
    'name: setup\nruns:\n  using: composite\n  steps:\n    - run: python -m venv .venv\n      shell: bash\n    - run: pip install .\n      shell: bash\n',
    'action.yml',
  );
  assert.deepEqual(siteAt(sites, 'pip').env.knownVenvs, [`${WS}/.venv`]);
  assert.deepEqual(positions(siteAt(sites, 'pip')), ['7:12', '7:16', '7:24']);
});

test('actions bad input: malformed YAML is a per-file syntax problem, never a crash', async () => {
  for (const text of ['jobs:\n  t:\n    steps:\n      - run: "unterminated\n', 'jobs: [\n', 'a: b: c\n', '- just\n- a list\n', '', 'jobs:\n  t:\n    steps:\n      - run: |\n          echo "open\n']) {
    const r = await analyze(text);
    assert.ok(Array.isArray(r.sites));
  }
  const bad = await analyze('jobs:\n  t:\n    steps:\n      - run: "unterminated\n');
  assert.equal(bad.syntaxProblem?.kind, 'syntax');
  assert.match(bad.syntaxProblem!.message, /^YAML: /);
  assert.equal(bad.syntaxProblem!.partial, true);
});

test("a comment written right after a flow list (fastcore's `os: [ubuntu, macos]#,windows]`) is read as a comment, as GitHub reads it: no problem, the steps checked", async () => {
  const text = (os: string) => `jobs:\n  t:\n    strategy:\n      matrix:\n        os: ${os}\n    runs-on: \${{ matrix.os }}-latest\n    steps:\n      - run: |\n          python -m venv .venv\n          pip install -r requirements.txt\n`;
  const glued = await analyze(text('[ubuntu, macos]#,windows]'));
  assert.equal(glued.syntaxProblem, undefined);
  assert.ok(siteAt(glued.sites, 'pip'));
  // Any other YAML error is still the file's problem (here an unclosed flow list).
  const open = await analyze(text('[ubuntu, macos'));
  assert.equal(open.syntaxProblem?.kind, 'syntax');
});

test('actions bad input: a heredoc body at column 0 ends the run: block; the YAML error is named, not the half heredoc the shell then sees', async () => {
  // The shape of a real release workflow: `cat > f.rb << RUBY` whose body starts at column 0.
  const text = 'jobs:\n  t:\n    steps:\n      - run: |\n          cat > /tmp/f.rb << RUBY\nclass F < Formula\n  desc "x"\nend\nRUBY\n          ruby -c /tmp/f.rb\n';
  const bad = await analyze(text);
  assert.equal(bad.syntaxProblem?.kind, 'syntax');
  assert.match(bad.syntaxProblem!.message, /^YAML: .*\(and \d+ more\)$/);
});

test('actions: a run: script reused through a YAML alias is analysed at the anchor', async () => {
  const { sites, syntaxProblem } = await analyze('jobs:\n  t:\n    steps:\n      - run: &install pip install x\n      - run: *install\n');
  assert.equal(syntaxProblem, undefined);
  assert.equal(sites.length, 2);
  assert.deepEqual(positions(sites[1]), ['4:23', '4:27', '4:35']);
});

test('actions expressions: a string literal inside ${{ }} may hold braces (format)', async () => {
  // Real-repository review (unseen corpus: pgadmin4, chia): the expression ended at the first '}',
  // and the rest of the line reached the shell parser as a syntax error.
  const { sites, syntaxProblem } = await analyze(
    "jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo \"${{ format('/srv/{0}', github.ref_name) }}\" ${{ inputs.o && format('--only {0}', inputs.o) || '' }}\n          python -m pip install .\n",
  );
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(positions(siteAt(sites, 'python')), ['7:11', '7:18', '7:21', '7:25', '7:33']);
});

test('actions runners: a job on Windows only (runs-on or its matrix) is not read as bash; a Windows-only step is skipped', async () => {
  const ps = '      - run: |\n          if (git status --porcelain) { exit 1 }\n          pip install .\n';
  for (const runsOn of ['windows-latest', '${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [windows-2022]\n        include:\n          - os: windows-latest']) {
    const r = await analyze(`jobs:\n  w:\n    runs-on: ${runsOn}\n    steps:\n${ps}`);
    assert.equal(r.syntaxProblem, undefined, runsOn);
    assert.equal(r.sites.length, 0, runsOn);
  }
  // A self-hosted runner named by its labels, all of which it must have (gaia's `[self-hosted, Windows, stx]`).
  const selfHosted = await analyze(`jobs:\n  w:\n    runs-on:\n      - self-hosted\n      - Windows\n      - \${{ inputs.pool || 'stx' }}\n    steps:\n${ps}`);
  assert.equal(selfHosted.syntaxProblem, undefined);
  assert.equal(selfHosted.sites.length, 0);
  // …and a Linux one is read as bash.
  assert.ok((await analyze(`jobs:\n  w:\n    runs-on: [self-hosted, Linux, x64]\n    steps:\n${ps}`)).syntaxProblem);
  // A matrix with a Linux runner too: the Linux leg is analysed (and the PowerShell is a bash error there).
  const mixed = await analyze(`jobs:\n  w:\n    runs-on: \${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    steps:\n${ps}`);
  assert.ok(mixed.syntaxProblem);
  const guarded = await analyze(`jobs:\n  w:\n    runs-on: \${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    steps:\n      - if: runner.os == 'Windows'\n        run: |\n          if (git status --porcelain) { exit 1 }\n          pip install .\n`);
  assert.equal(guarded.syntaxProblem, undefined);
  assert.equal(guarded.sites.length, 0);
  // A matrix key whose include entries pin it to a Windows runner (kitchenowl's release workflow,
  // `if: matrix.target == 'Windows'`, exited 3): that step is PowerShell too. A value that also
  // runs on Linux keeps the step read.
  const byTarget = (target: string) =>
    analyze(`jobs:\n  b:\n    runs-on: \${{ matrix.os }}\n    strategy:\n      matrix:\n        target: [Windows, Linux]\n        include:\n          - os: windows-latest\n            target: Windows\n          - os: ubuntu-latest\n            target: Linux\n    steps:\n      - if: matrix.target == '${target}'\n        run: |\n          Copy-Item (vswhere -latest -find 'VC\\Redist\\MSVC\\*\\x64\\*\\msvcp140.dll') .\n          pip install .\n`);
  const windowsTarget = await byTarget('Windows');
  assert.equal(windowsTarget.syntaxProblem, undefined);
  assert.equal(windowsTarget.sites.length, 0);
  assert.ok((await byTarget('Linux')).syntaxProblem);
});

test('actions expressions: an unknown ${{ }} inside $(( )) reads as a number (zulip-terminal, chia exited 3)', async () => {
  const { sites, syntaxProblem } = await analyze(
    'jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo "DEPTH=$(( ${{ github.event.pull_request.commits }} + 1 ))" >> "$GITHUB_ENV"\n          python -m pip install .\n',
  );
  assert.equal(syntaxProblem, undefined);
  assert.ok(siteAt(sites, 'python'));
});
