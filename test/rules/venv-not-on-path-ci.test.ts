/**
 * VG201 and VG202 on the step-list CI formats (Azure Pipelines, CircleCI, Bitbucket Pipelines,
 * Jenkinsfile) and on pre-commit's local hooks: each step its own shell, venvs (files) kept for the
 * job's later steps, PATH written the format's way. Shapes taken from real public files: the
 * stage-per-command Jenkinsfiles of tutorials (`sh '. venv/bin/activate'` in a stage of its own,
 * then `sh 'pip install Flask'`), Microsoft's "Python to Linux Web App" Azure template, CircleCI's
 * Python 2.0 sample (`. venv/bin/activate` in every run step), Bitbucket's `script:` lists.
 */
import { activationDoesNotPersist } from '../../src/rules/activation-does-not-persist.js';
import { venvNotOnPath } from '../../src/rules/venv-not-on-path.js';
import { testRule } from '../rule-tester.js';

const AZURE = 'azure-pipelines.yml';
const CIRCLE = '.circleci/config.yml';
const BITBUCKET = 'bitbucket-pipelines.yml';
const JENKINS = 'Jenkinsfile';
const PRE_COMMIT = '.pre-commit-config.yaml';

const circle = (...steps: string[]) => `version: 2.1\njobs:\n  test:\n    docker:\n      - image: cimg/python:3.12\n    steps:\n      - checkout\n${steps.map((s) => `      ${s}\n`).join('')}`;
const jenkins = (...steps: string[]) => `pipeline {\n  agent any\n  stages {\n    stage('Build') {\n      steps {\n${steps.map((s) => `        ${s}\n`).join('')}      }\n    }\n  }\n}\n`;
const hooks = (...lines: string[]) => `repos:\n  - repo: local\n    hooks:\n${lines.map((l) => `      ${l}\n`).join('')}`;

testRule(venvNotOnPath, {
  label: 'ci formats',
  valid: [
    {
      name: "azure: Microsoft's web app template (create, activate, install in one script step)",
      filename: AZURE,
      code: 'pool:\n  vmImage: ubuntu-latest\nsteps:\n- task: UsePythonVersion@0\n  inputs:\n    versionSpec: "3.11"\n- script: |\n    python -m venv antenv\n    source antenv/bin/activate\n    python -m pip install --upgrade pip\n    pip install -r requirements.txt\n  workingDirectory: $(System.DefaultWorkingDirectory)\n',
    },
    {
      name: 'azure: ##vso[task.prependpath] puts the venv on PATH for the later steps',
      filename: AZURE,
      code: 'steps:\n- script: |\n    python -m venv .venv\n    echo "##vso[task.prependpath]$(Build.SourcesDirectory)/.venv/bin"\n- script: pip install -r requirements.txt\n- bash: pytest\n',
    },
    { name: 'azure: a Windows pool is not read', filename: AZURE, code: 'pool:\n  vmImage: windows-latest\nsteps:\n- script: python -m venv .venv\n- script: pip install x\n' },
    { name: 'azure: jobs do not share venvs', filename: AZURE, code: 'jobs:\n- job: a\n  steps:\n  - script: python -m venv .venv\n- job: b\n  steps:\n  - script: pip install x\n' },
    {
      name: "circleci: CircleCI's Python sample activates in every run step",
      filename: CIRCLE,
      code: circle('- run:', '    name: install', '    command: |', '      python3 -m venv venv', '      . venv/bin/activate', '      pip install -r requirements.txt', '- run:', '    command: |', '      . venv/bin/activate', '      pytest'),
    },
    { name: 'circleci: an activation appended to $BASH_ENV reaches the later steps', filename: CIRCLE, code: circle("- run: python -m venv venv && echo 'source venv/bin/activate' >> $BASH_ENV", '- run: pip install -r requirements.txt', '- run: pytest') },
    // fairscale: the double quotes keep `~` for bash to expand when it sources $BASH_ENV (45 findings were reported).
    { name: 'circleci: an activation under ~ appended to $BASH_ENV', filename: CIRCLE, code: circle('- run: python -m venv ~/venv', '- run: echo ". ~/venv/bin/activate" >> $BASH_ENV', '- run: pip install -r requirements.txt') },
    { name: 'circleci: export PATH appended to $BASH_ENV', filename: CIRCLE, code: circle('- run: python -m venv /tmp/v', "- run: echo 'export PATH=/tmp/v/bin:$PATH' >> \"$BASH_ENV\"", '- run: pip install x') },
    { name: 'bitbucket: one step, its script lines in one shell', filename: BITBUCKET, code: 'image: python:3.11\npipelines:\n  default:\n    - step:\n        script:\n          - python -m venv venv\n          - source venv/bin/activate\n          - pip install -r requirements.txt\n          - pytest\n' },
    { name: 'bitbucket: steps do not share venvs (each its own container)', filename: BITBUCKET, code: 'pipelines:\n  default:\n    - step:\n        script: [python -m venv venv]\n    - step:\n        script: [pip install x]\n' },
    { name: 'jenkins: activation and use in one sh step', filename: JENKINS, code: jenkins("sh 'python3 -m venv venv'", "sh '. venv/bin/activate && pip install -r requirements.txt'", "sh '''", '  . venv/bin/activate', '  pytest', "'''") },
    { name: 'jenkins: withEnv PATH+VENV around the steps', filename: JENKINS, code: jenkins("sh 'python3 -m venv venv'", 'withEnv(["PATH+VENV=${WORKSPACE}/venv/bin"]) {', "  sh 'pip install -r requirements.txt'", '  sh "pytest"', '}') },
    { name: 'jenkins: environment { PATH = … } for the pipeline', filename: JENKINS, code: 'pipeline {\n  agent any\n  environment {\n    PATH = "${WORKSPACE}/venv/bin:${env.PATH}"\n  }\n  stages {\n    stage("t") {\n      steps {\n        sh "python3 -m venv venv"\n        sh "pip install x"\n      }\n    }\n  }\n}\n' },
    // cloudify-manager's flake8 stage: pip refuses --user inside a venv, so PATH's interpreter is meant, and the `python -m flake8` after it too.
    { name: 'jenkins: pip install --user, then python -m by name, in one sh step', filename: JENKINS, code: jenkins("sh 'python3 -m venv venv'", "sh '''", '  pip install --user flake8', '  python -m flake8', "'''") },
    { name: 'jenkins: the venv by path, and a suppression comment', filename: JENKINS, code: jenkins("sh 'python3 -m venv venv'", "sh 'venv/bin/pip install x'", '// venvguard: ignore[VG201]', "sh 'pytest'") },
    { name: 'pre-commit: no venv named, no finding (the committer\'s PATH is unknown)', filename: PRE_COMMIT, code: hooks('- id: pytest', '  name: pytest', '  entry: pytest', '  language: system', '  pass_filenames: false') },
    { name: 'pre-commit: python hooks get their own environment', filename: PRE_COMMIT, code: hooks('- id: mypy', '  entry: .venv/bin/mypy', '  language: system', '- id: black', '  name: black', '  entry: black', '  language: python') },
    { name: "pre-commit: StackStorm's script hooks run the venv's python by path", filename: PRE_COMMIT, code: hooks('- id: flake8', '  name: flake8', '  entry: ./virtualenv/bin/python -m flake8', '  language: script', '- id: black', '  entry: ./virtualenv/bin/python -m black', '  language: script') },
  ],
  invalid: [
    {
      name: 'azure: activation in one script step, pytest in the next',
      filename: AZURE,
      code: 'steps:\n- script: |\n    python -m venv .venv\n    source .venv/bin/activate\n    pip install -r requirements.txt\n- script: pytest tests\n',
      errors: [{ line: 6, column: 11, messageId: 'notOnPath', data: { name: 'pytest', venv: '.venv', origin: ' created in step 1 (line 3)', scope: 'in this step', replacement: '.venv/bin/pytest' } }],
      output: null,
      unsafeOutput: 'steps:\n- script: |\n    python -m venv .venv\n    source .venv/bin/activate\n    pip install -r requirements.txt\n- script: .venv/bin/pytest tests\n',
      fixSilences: true,
    },
    {
      name: 'azure: UsePythonVersion after the prependpath puts the tool Python first',
      filename: AZURE,
      code: 'steps:\n- script: python -m venv .venv && echo "##vso[task.prependpath]$(Build.SourcesDirectory)/.venv/bin"\n- task: UsePythonVersion@0\n- script: pip install x\n',
      errors: [{ line: 4, column: 11, messageId: 'notOnPath', data: { name: 'pip' } }],
      output: null,
      unsafeOutput: 'steps:\n- script: python -m venv .venv && echo "##vso[task.prependpath]$(Build.SourcesDirectory)/.venv/bin"\n- task: UsePythonVersion@0\n- script: .venv/bin/python -m pip install x\n',
    },
    {
      name: 'circleci: the map form of run, a step that forgot the activation',
      filename: CIRCLE,
      code: circle('- run:', '    name: install', '    command: |', '      python3 -m venv venv', '      . venv/bin/activate', '      pip install -r requirements.txt', '- run: { name: test, command: "pytest -q" }'),
      errors: [{ line: 14, column: 38, messageId: 'notOnPath', data: { name: 'pytest', venv: 'venv', scope: 'in this run step' } }],
      output: null,
      unsafeOutput: circle('- run:', '    name: install', '    command: |', '      python3 -m venv venv', '      . venv/bin/activate', '      pip install -r requirements.txt', '- run: { name: test, command: "venv/bin/pytest -q" }'),
    },
    {
      name: 'bitbucket: pip before the activation, each list item at its own line',
      filename: BITBUCKET,
      code: 'pipelines:\n  default:\n    - step:\n        script:\n          - python -m venv venv\n          - pip install -r requirements.txt\n          - source venv/bin/activate\n          - pytest\n',
      errors: [{ line: 6, column: 13, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv', replacement: 'venv/bin/python -m pip' } }],
      output: null,
      unsafeOutput: 'pipelines:\n  default:\n    - step:\n        script:\n          - python -m venv venv\n          - venv/bin/python -m pip install -r requirements.txt\n          - source venv/bin/activate\n          - pytest\n',
    },
    {
      name: 'jenkins: a tutorial with a stage per command (activation in its own sh step)',
      filename: JENKINS,
      code: jenkins("sh 'python3 -m venv venv'", "sh '. venv/bin/activate'", "sh 'pip install Flask'", 'sh "python test.py"', "sh(script: 'python app.py', returnStatus: true)"),
      errors: [
        { line: 8, column: 13, messageId: 'notOnPath', data: { name: 'pip', venv: 'venv', scope: 'in this sh step', replacement: 'venv/bin/python -m pip' } },
        { line: 9, column: 13, messageId: 'notOnPath', data: { name: 'python' } },
        { line: 10, column: 21, messageId: 'notOnPath', data: { name: 'python' } },
      ],
      output: null,
      unsafeOutput: jenkins("sh 'python3 -m venv venv'", "sh '. venv/bin/activate'", "sh 'venv/bin/python -m pip install Flask'", 'sh "venv/bin/python test.py"', "sh(script: 'venv/bin/python app.py', returnStatus: true)"),
    },
    {
      name: "jenkins: triple-quoted scripts keep their columns; dir('sub') moves the fix",
      filename: JENKINS,
      code: jenkins("sh 'python3 -m venv venv'", "dir('docs') {", '  sh """', '    pip install sphinx', '  """', '}'),
      errors: [{ line: 9, column: 13, messageId: 'notOnPath', data: { name: 'pip', replacement: '../venv/bin/python -m pip' } }],
      output: null,
      unsafeOutput: jenkins("sh 'python3 -m venv venv'", "dir('docs') {", '  sh """', '    ../venv/bin/python -m pip install sphinx', '  """', '}'),
    },
    {
      // The twin of the --user case: the same step without it, and an interpreter in a later step.
      name: 'jenkins: pip install without --user; a later step after a --user install',
      filename: JENKINS,
      code: jenkins("sh 'python3 -m venv venv'", "sh 'pip install flake8'", "sh 'pip install --user black'", "sh 'python -m black .'"),
      errors: [
        { line: 7, column: 13, messageId: 'notOnPath', data: { name: 'pip' } },
        { line: 9, column: 13, messageId: 'notOnPath', data: { name: 'python' } },
      ],
      output: null,
      unsafeOutput: jenkins("sh 'python3 -m venv venv'", "sh 'venv/bin/python -m pip install flake8'", "sh 'pip install --user black'", "sh 'venv/bin/python -m black .'"),
    },
    {
      name: "jenkins: a stage's environment { PATH } is that stage's only",
      filename: JENKINS,
      code: 'pipeline {\n  agent any\n  stages {\n    stage(\'a\') {\n      environment { PATH = "${WORKSPACE}/venv/bin:${env.PATH}" }\n      steps {\n        sh \'python3 -m venv venv\'\n        sh \'pip install x\'\n      }\n    }\n    stage(\'b\') {\n      steps {\n        sh \'pytest\'\n      }\n    }\n  }\n}\n',
      errors: [{ line: 13, column: 13, messageId: 'notOnPath', data: { name: 'pytest', venv: 'venv' } }],
      output: null,
      unsafeOutput: 'pipeline {\n  agent any\n  stages {\n    stage(\'a\') {\n      environment { PATH = "${WORKSPACE}/venv/bin:${env.PATH}" }\n      steps {\n        sh \'python3 -m venv venv\'\n        sh \'pip install x\'\n      }\n    }\n    stage(\'b\') {\n      steps {\n        sh \'venv/bin/pytest\'\n      }\n    }\n  }\n}\n',
    },
    {
      name: 'pre-commit: one hook runs the venv by path, another runs pytest by name',
      filename: PRE_COMMIT,
      code: hooks('- id: mypy', '  name: mypy', '  entry: .venv/bin/mypy', '  language: system', '- id: pytest', '  name: pytest', '  entry: pytest -x', '  language: system', '  pass_filenames: false'),
      errors: [{ line: 10, column: 16, messageId: 'notOnPath', data: { name: 'pytest', venv: '.venv', origin: ' named at line 6', scope: 'when the hook "pytest" runs (the committer\'s PATH)', replacement: '.venv/bin/pytest' } }],
      output: null,
      unsafeOutput: hooks('- id: mypy', '  name: mypy', '  entry: .venv/bin/mypy', '  language: system', '- id: pytest', '  name: pytest', '  entry: .venv/bin/pytest -x', '  language: system', '  pass_filenames: false'),
      fixSilences: true,
    },
    {
      name: 'pre-commit: a quoted entry, and a hook activating in bash -c',
      filename: PRE_COMMIT,
      code: hooks('- id: tests', "  entry: bash -c '. venv/bin/activate && pytest'", '  language: system', '- id: lint', '  entry: "flake8 --count"', '  language: system'),
      errors: [{ line: 8, column: 17, messageId: 'notOnPath', data: { name: 'flake8', venv: 'venv' } }],
      output: null,
      unsafeOutput: hooks('- id: tests', "  entry: bash -c '. venv/bin/activate && pytest'", '  language: system', '- id: lint', '  entry: "venv/bin/flake8 --count"', '  language: system'),
    },
  ],
});

testRule(activationDoesNotPersist, {
  label: 'ci formats',
  valid: [
    { name: 'jenkins: activation and use in one step', filename: JENKINS, code: jenkins("sh 'python3 -m venv venv'", "sh '. venv/bin/activate && pytest'") },
    { name: 'circleci: the activation is appended to $BASH_ENV', filename: CIRCLE, code: circle("- run: python -m venv venv && echo 'source venv/bin/activate' >> $BASH_ENV", '- run: pytest') },
  ],
  invalid: [
    {
      name: 'jenkins: an sh step that only activates (no fix: the format has no persistent PATH write venvguard makes)',
      filename: JENKINS,
      code: jenkins("sh 'python3 -m venv venv'", "sh '. venv/bin/activate'", "sh 'pytest'"),
      errors: [{ line: 7, column: 13, messageId: 'lastCommandLaterRuns' }],
      output: null,
      unsafeOutput: null,
    },
    {
      name: 'azure: the activation lasts only for its step',
      filename: AZURE,
      code: 'steps:\n- script: |\n    python -m venv .venv\n    source .venv/bin/activate\n    pip install x\n- script: pytest\n',
      errors: [{ line: 4, column: 5, messageId: 'lastsOnlyForShell' }],
      output: null,
      unsafeOutput: null,
    },
  ],
});
