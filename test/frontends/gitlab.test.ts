/** The GitLab CI front end: parsing, positions, the two shells of a job, default/extends/anchors/!reference, variables. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gitlabFrontEnd } from '../../src/frontends/gitlab/index.js';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { analyze } from '../gitlab-lint.js';
import { TooComplexError } from '../../src/kernel/budgets.js';
import { argvText, positions, siteAt } from '../config-lint.js';


const P = '/builds/project';

test('gitlab claims: .gitlab-ci.yml and *.gitlab-ci.yml only', () => {
  for (const p of ['.gitlab-ci.yml', 'sub/dir/.gitlab-ci.yml', '/abs/repo/.gitlab-ci.yml', 'C:\\r\\.gitlab-ci.yml', 'ci/build.gitlab-ci.yml']) {
    assert.ok(gitlabFrontEnd.claims(p, ''), p);
    assert.equal(claimingFrontEnd(p), gitlabFrontEnd, p);
  }
  for (const p of ['gitlab-ci.yml', '.gitlab-ci.yaml', 'ci/templates.yml', '.gitlab/ci/test.yml', '.gitlab-ci.yml.bak']) assert.ok(!gitlabFrontEnd.claims(p, ''), p);
  assert.ok(gitlabFrontEnd.mayMatter('script: pip install x', /\bpytest\b/));
  assert.ok(!gitlabFrontEnd.mayMatter('script: npm test', /\bpytest\b/));
});

test('gitlab jobs: hidden jobs and global keywords are not run; a job needs script', async () => {
  const { sites, syntaxProblem } = await analyze(
    'stages: [test]\nvariables:\n  A: b\nworkflow:\n  rules:\n    - when: always\n.hidden:\n  script: pip install hidden\ninclude: ci/x.yml\ntest:\n  stage: test\n  script: pip install visible\ndeploy:\n  trigger: other/project\n',
  );
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(sites.map(argvText), ['pip install visible']);
  assert.equal(sites[0].language, 'gitlab-ci');
  assert.equal(sites[0].api, 'script');
});

test('gitlab positions: list items, plain and quoted scalars, folded plain lines', async () => {
  const { sites } = await analyze(
    'test:\n  script:\n    - python -m venv .venv\n    - "echo \\"a b\\" && pip install x"\n    - \'echo \'\'q\'\' ; python3 -V\'\n    - pip install\n      --upgrade pip\n    - [not, a, command]\n',
  );
  assert.deepEqual(positions(siteAt(sites, 'python -m')), ['3:7', '3:14', '3:17', '3:22']);
  assert.equal(argvText(siteAt(sites, 'echo')), 'echo a b');
  assert.deepEqual(positions(siteAt(sites, 'pip install x')), ['4:24', '4:28', '4:36']);
  assert.equal(argvText(siteAt(sites, 'echo', 1)), 'echo q');
  assert.deepEqual(positions(siteAt(sites, 'python3')), ['5:21', '5:29']);
  assert.deepEqual(positions(siteAt(sites, 'pip install --upgrade')), ['6:7', '6:11', '7:7', '7:17']);
});

test('gitlab positions: literal | and folded > block scalars, as the script and as list items', async () => {
  const { sites } = await analyze(
    'a:\n  script: |\n    python -m venv .venv\n    echo done &&\n      pip install -r req.txt\nb:\n  script:\n    - >\n      pip install\n      --upgrade pip\n\n      python -m pytest\n    - |-\n      tox -e py\n',
  );
  assert.deepEqual(positions(siteAt(sites, 'python -m venv')), ['3:5', '3:12', '3:15', '3:20']);
  assert.deepEqual(positions(siteAt(sites, 'pip install -r')), ['5:7', '5:11', '5:19', '5:22']);
  assert.deepEqual(positions(siteAt(sites, 'pip install --upgrade')), ['9:7', '9:11', '10:7', '10:17']);
  // The empty line folds to a newline: a second command.
  assert.deepEqual(positions(siteAt(sites, 'python -m pytest')), ['12:7', '12:14', '12:17']);
  assert.deepEqual(positions(siteAt(sites, 'tox')), ['14:7', '14:11', '14:14']);
  // Each site is anchored at its own script line (the block scalar).
  const call = siteAt(sites, 'python -m pytest').callSpan;
  assert.deepEqual([sites[0].file.location(call.start).line, sites[0].file.location(call.end).line], [8, 12]);
});

test('gitlab shells: before_script and script share one shell; after_script is a new one in the project directory', async () => {
  const { sites } = await analyze(
    'test:\n  before_script:\n    - python -m venv .venv\n    - source .venv/bin/activate\n    - cd src\n  script:\n    - pip install -e .\n  after_script:\n    - pip list\n    - python -m venv tmpvenv\n',
  );
  const pip = siteAt(sites, 'pip install');
  assert.equal(pip.env.activeVenv, `${P}/.venv`);
  assert.deepEqual(pip.env.knownVenvs, [`${P}/.venv`]);
  const after = siteAt(sites, 'pip list');
  assert.equal(after.api, 'after_script');
  assert.equal(after.env.activeVenv, undefined);
  assert.deepEqual(after.env.knownVenvs, [`${P}/.venv`]);
  // cd src in script does not carry over: tmpvenv is created in the project directory.
  assert.deepEqual((siteAt(sites, 'python -m venv tmpvenv')).config!.venvOrigins.size, 1);
  const facts = after.config!;
  assert.equal(facts.unit, 'after_script');
  assert.equal(facts.scope, 'in after_script (a new shell)');
  assert.equal(pip.config!.unit, "this job's script");
  assert.equal(pip.config!.scope, 'in this job');
});

test('gitlab shells: activation in script is not seen by after_script; a venv outside the project folder is not assumed there', async () => {
  const { sites } = await analyze('t:\n  script:\n    - python -m venv /opt/v\n    - . /opt/v/bin/activate\n    - pip install x\n  after_script:\n    - pip list\n');
  assert.equal(siteAt(sites, 'pip install').env.activeVenv, '/opt/v');
  assert.deepEqual(siteAt(sites, 'pip list').env.knownVenvs, []);
  const act = (siteAt(sites, '. /opt/v')).config!.activation!;
  assert.equal(act.lastInRun, false);
  assert.deepEqual([...act.later.sitesWithoutVenv()].map(argvText), ['pip list']);
});

test('gitlab jobs do not share venvs', async () => {
  const { sites } = await analyze('a:\n  script: python -m venv .venv\nb:\n  script: pip install x\n');
  assert.deepEqual(siteAt(sites, 'pip').env.knownVenvs, []);
});

test('gitlab default: and the deprecated top-level keywords apply to jobs that do not override them', async () => {
  const { sites } = await analyze(
    'before_script:\n  - echo global\ndefault:\n  image: python:3.12-alpine\n  before_script:\n    - python -m venv .venv\n    - . .venv/bin/activate\n  after_script:\n    - coverage report\nuses:\n  script: pip install a\noverrides:\n  image: python:3.12\n  before_script: [echo own]\n  after_script: []\n  script: pip install b\nopts-out:\n  inherit:\n    default: [image]\n  script: pip install c\n',
  );
  const a = siteAt(sites, 'pip install a');
  assert.equal(a.env.activeVenv, `${P}/.venv`);
  assert.equal(a.config!.shellDialect, 'sh');
  assert.equal(a.config!.shellName, '/bin/sh');
  assert.equal(siteAt(sites, 'coverage').api, 'after_script');
  const b = siteAt(sites, 'pip install b');
  assert.equal(b.env.activeVenv, undefined);
  assert.deepEqual(b.env.knownVenvs, []);
  assert.equal(b.config!.shellDialect, 'bash');
  assert.equal(b.config!.shellName, 'bash');
  const c = siteAt(sites, 'pip install c');
  assert.deepEqual(c.env.knownVenvs, []);
  assert.equal(c.config!.shellDialect, 'sh');
  // `default:` wins over the deprecated top-level before_script; `echo global` never runs.
  assert.ok(!sites.some((s) => argvText(s) === 'echo global'));
  // Only `uses` runs the default after_script: `overrides` has its own, `opts-out` inherits only the image.
  assert.equal(sites.filter((s) => argvText(s) === 'coverage report').length, 1);
});

test('gitlab extends: bases deep-merged in order, arrays replaced, the job on top', async () => {
  const { sites } = await analyze(
    [
      '.venv:',
      '  variables:',
      '    A: one',
      '  before_script:',
      '    - python -m venv .venv',
      '    - source .venv/bin/activate',
      '.other:',
      '  variables:',
      '    B: two',
      '  before_script:',
      '    - python -m venv other',
      '.chain:',
      '  extends: .venv',
      '  script:',
      '    - pip install chain $A',
      'first:',
      '  extends: [.other, .venv]',
      '  script:',
      '    - pip install first $A $B',
      'second:',
      '  extends:',
      '    - .venv',
      '    - .other',
      '  script: pip install second',
      'third:',
      '  extends: .chain',
      'fourth:',
      '  extends: [.from-an-include, .venv]',
      '  script: pip install fourth',
      '',
    ].join('\n'),
  );
  assert.equal(argvText(siteAt(sites, 'pip install first')), 'pip install first one two');
  assert.equal(siteAt(sites, 'pip install first').env.activeVenv, `${P}/.venv`);
  // .other's before_script replaces .venv's: the venv is created, never activated.
  assert.equal(siteAt(sites, 'pip install second').env.activeVenv, undefined);
  assert.deepEqual(siteAt(sites, 'pip install second').env.knownVenvs, [`${P}/other`]);
  assert.equal(siteAt(sites, 'pip install chain one').env.activeVenv, `${P}/.venv`);
  assert.equal(siteAt(sites, 'pip install fourth').env.activeVenv, `${P}/.venv`);
});

test('gitlab anchors: <<: merges and script anchors, nested lists flattened', async () => {
  const { sites } = await analyze(
    '.setup: &setup\n  - python -m venv .venv\n  - source .venv/bin/activate\n.job: &job\n  image: python:3.12\n  before_script: *setup\nmerged:\n  <<: *job\n  script:\n    - pip install merged\nlisted:\n  script:\n    - *setup\n    - - pip install nested\n',
  );
  assert.equal(siteAt(sites, 'pip install merged').env.activeVenv, `${P}/.venv`);
  assert.equal(siteAt(sites, 'pip install nested').env.activeVenv, `${P}/.venv`);
  // The anchored lines are analysed at the anchor, once per job that uses them.
  assert.deepEqual(sites.filter((s) => argvText(s).startsWith('source')).map((s) => positions(s)[0]), ['3:5', '3:5']);
});

test('gitlab !reference: resolved in the file (after extends, nested); a target from an include is unknown', async () => {
  const { sites, syntaxProblem } = await analyze(
    [
      '.create:',
      '  script:',
      '    - python -m venv .venv',
      '.activate:',
      '  extends: .create',
      '  before_script:',
      '    - !reference [.create, script]',
      '    - source .venv/bin/activate',
      'job:',
      '  before_script:',
      '    - !reference [.activate, before_script]',
      '  script:',
      '    - pip install one',
      'opaque:',
      '  before_script:',
      '    - python -m venv .venv',
      '    - !reference [.included, before_script]',
      '  script:',
      '    - pip install two',
      '',
    ].join('\n'),
  );
  assert.equal(syntaxProblem, undefined);
  assert.equal(siteAt(sites, 'pip install one').env.activeVenv, `${P}/.venv`);
  assert.deepEqual(positions(siteAt(sites, 'python -m venv')), ['3:7', '3:14', '3:17', '3:22']);
  // After a snippet we cannot see, no venv is assumed to be known.
  assert.deepEqual(siteAt(sites, 'pip install two').env.knownVenvs, []);
});

test('gitlab variables: global and job level, PATH and VIRTUAL_ENV, expansion of other variables', async () => {
  const { sites, file } = await analyze(
    [
      'variables:',
      '  VENV: $CI_PROJECT_DIR/.venv',
      '  PATH: "$VENV/bin:$PATH"',
      'on-path:',
      '  script:',
      '    - python -m venv $VENV',
      '    - pip install a',
      'job-level:',
      '  variables:',
      '    PATH: /usr/local/bin:/usr/bin:/bin',
      '    VIRTUAL_ENV: venv',
      '  script:',
      '    - python -m venv $VENV',
      '    - pip install b',
      'no-globals:',
      '  inherit:',
      '    variables: false',
      '  variables:',
      '    TOOL:',
      '      value: pytest',
      '      description: which tool',
      '  script:',
      '    - python -m venv .venv',
      '    - $TOOL -q',
      '',
    ].join('\n'),
  );
  assert.equal(siteAt(sites, 'pip install a').env.activeVenv, `${P}/.venv`);
  const b = siteAt(sites, 'pip install b');
  assert.equal(b.env.activeVenv, undefined);
  assert.deepEqual(b.env.knownVenvs, [`${P}/.venv`]);
  const ve = b.config!.virtualEnv!;
  assert.equal(ve.venv, `${P}/venv`);
  assert.equal(file.text.slice(ve.span.start, ve.span.end), 'VIRTUAL_ENV: venv');
  assert.equal((siteAt(sites, 'pip install a')).config!.virtualEnv, undefined);
  assert.equal(siteAt(sites, 'pytest').env.activeVenv, undefined);
});

test('gitlab shells: images without bash run sh; Windows jobs are not analysed', async () => {
  const { sites } = await analyze(
    'a:\n  image: alpine:3.20\n  script: pip install a\nb:\n  image:\n    name: registry.example.com/ci/python:3.12-alpine3.20\n  script: pip install b\nc:\n  image: busybox\n  script: pip install c\nd:\n  image: docker:27\n  script: pip install d\ne:\n  image: python:3.12-slim\n  script: pip install e\nf:\n  tags: [saas-windows-medium-amd64]\n  script: pip install f\ng:\n  image: mcr.microsoft.com/windows/servercore:ltsc2022\n  script: pip install g\n',
  );
  assert.deepEqual(
    sites.map((s) => `${argvText(s)} ${s.config!.shellDialect}`),
    ['pip install a sh', 'pip install b sh', 'pip install c sh', 'pip install d sh', 'pip install e bash'],
  );
});

test('gitlab inputs: a spec: header document comes first; $[[ inputs.x ]] is an unknown value', async () => {
  const { sites, syntaxProblem } = await analyze('spec:\n  inputs:\n    tool:\n      default: pytest\n---\nt:\n  script:\n    - $[[ inputs.tool ]] -q\n    - pip install x\n');
  assert.equal(syntaxProblem, undefined);
  assert.deepEqual(sites.map(argvText).slice(1), ['pip install x']);
  assert.notEqual(argvText(sites[0]), 'pytest -q');
});

test('gitlab bad input: malformed YAML is a per-file syntax problem, what parsed is still analysed', async () => {
  for (const text of ['t:\n  script:\n    - "unterminated\n', 'a: [\n', 'a: b: c\n', '- just\n- a list\n', '', 'x: !reference [x, script]\n', 'a:\n  extends: a\n  script: pip x\n', 'a:\n  script: !reference [a, script]\n']) {
    const r = await analyze(text);
    assert.ok(Array.isArray(r.sites), text);
  }
  const bad = await analyze('a:\n  script:\n    - python -m venv .venv\n    - pip install x\nb: [\n');
  assert.equal(bad.syntaxProblem?.kind, 'syntax');
  assert.match(bad.syntaxProblem!.message, /^YAML: /);
  assert.equal(bad.syntaxProblem!.partial, true);
  assert.deepEqual(siteAt(bad.sites, 'pip').env.knownVenvs, [`${P}/.venv`]);
});

test('gitlab bad input: a script of aliases of aliases (4^n lines) is too complex, over a named budget', async () => {
  // Found by the fuzzer: 4^8 lines took 6 s and 4^30 never ended (each alias was also resolved by
  // walking the whole document).
  const levels = (d: number) => `.s0: &s0 [python -m venv v]\n${Array.from({ length: d }, (_, i) => `.s${i + 1}: &s${i + 1} [*s${i}, *s${i}, *s${i}, *s${i}]`).join('\n')}\nt:\n  script: *s${d}\n`;
  for (const d of [8, 30]) await assert.rejects(analyze(levels(d)), (e: unknown) => e instanceof TooComplexError && /yaml-(alias-expansions|expanded-size)/.test(e.message), String(d));
  // Within the budget, every line is a line of the script, as GitLab runs them.
  const small = await analyze(levels(3));
  assert.equal(small.syntaxProblem, undefined);
  assert.equal(small.sites.length, 64);
});
