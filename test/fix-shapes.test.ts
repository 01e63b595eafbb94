/**
 * Regression tests for fixes that were wrong (issue 15, point 2): each a minimal file shaped like
 * the real case, fixed through the public API, with the exact text the fix must write.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { checkText, fixText } from '../src/api.js';
import { codeMayRunOnWindows, projectRunsOnWindows } from '../src/pipeline/platforms.js';
import { tempDir } from './helpers.js';

const unsafe = (text: string, path: string) => fixText(text, { unsafe: true, path });

test('a venv created at ../venv is written ../venv, never a path the file does not name', async () => {
  assert.equal(
    await unsafe('#!/bin/sh\npython3 -m venv ../venv\npip list\ncd sub\npip list\n', 'scripts/a.sh'),
    '#!/bin/sh\npython3 -m venv ../venv\n../venv/bin/python -m pip list\ncd sub\n../../venv/bin/python -m pip list\n',
  );
  assert.equal(
    await unsafe('all:\n\tpython3 -m venv ../venv\n\tpip list\n\tcd x && pip list\n', 'Makefile'),
    'all:\n\tpython3 -m venv ../venv\n\t../venv/bin/python -m pip list\n\tcd x && ../../venv/bin/python -m pip list\n',
  );
  assert.equal(await unsafe('* * * * * python3 -m venv ../v && pip install x\n', 'crontab'), '* * * * * python3 -m venv ../v && ../v/bin/python -m pip install x\n');
});

test('a venv above the CI checkout is shown and written relative to it, never under the checkout\'s stand-in path', async () => {
  const gh = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv ../venv\n      - run: pip list\n';
  const gl = 'test:\n  script:\n    - python -m venv ../venv\n    - pip list\n';
  for (const [code, path] of [[gh, '.github/workflows/ci.yml'], [gl, '.gitlab-ci.yml']]) {
    const shown = JSON.stringify((await checkText(code, { path })).map((d) => [d.message, d.fix?.title, d.fix?.edits]));
    assert.doesNotMatch(shown, /\/github\/|\/builds\//, shown);
    assert.match(shown, /\.\.\/venv/, shown);
  }
  assert.equal(await unsafe(gh, '.github/workflows/ci.yml'), gh.replace('../venv\n', '../venv && echo "$GITHUB_WORKSPACE/../venv/bin" >> "$GITHUB_PATH"\n'));
  assert.equal(await unsafe(gl, '.gitlab-ci.yml'), gl.replace('- pip list', '- ../venv/bin/python -m pip list'));
});

test('no stand-in folder name ever reaches a message or a fix', async () => {
  const cases: [string, string][] = [
    ['#!/bin/sh\npython3 -m venv ../venv\npip list\n', 'a.sh'],
    ['#!/bin/sh\npython3 -m venv ../../v\ncd ..\npip list\n. ../../v/bin/activate\n', 'a.sh'],
    ['all:\n\tpython3 -m venv ../venv\n\tpip list\n', 'Makefile'],
    ['VENV := ../venv\nall:\n\tpython3 -m venv $(VENV)\n\tpip list\n', 'Makefile'],
    ['* * * * * python3 -m venv ../v && pip install x\n* * * * * cd .. && python3 -m venv v && pip list\n', 'crontab'],
    ['web: python3 -m venv ../v && pip install x\n', 'Procfile'],
    ['[program:x]\ncommand=sh -c "python3 -m venv ../v && pip install x"\n', 'supervisord.conf'],
  ];
  for (const [code, path] of cases) {
    const diags = await checkText(code, { path });
    assert.ok(diags.length > 0, `${path}: a finding for ${JSON.stringify(code)}`);
    const shown = JSON.stringify(diags.map((d) => [d.message, d.fix?.title, d.fix?.reason, d.fix?.edits]));
    assert.doesNotMatch(shown, /__[a-z_]+__/, `${path}: ${shown}`);
    assert.doesNotMatch(await unsafe(code, path), /__[a-z_]+__/);
  }
});

test('a quoted program word is replaced whole, never leaving one quoted word that names no program', async () => {
  const script = '#!/bin/bash\npython3 -m venv .venv\n"pip" a\n\'pip\' b\n$\'pip\' c\n"p"ip d\np"i"p e\nbash -c \'"pip" f\'\n';
  assert.equal(
    await unsafe(script, 'a.sh'),
    '#!/bin/bash\npython3 -m venv .venv\n.venv/bin/python -m pip a\n.venv/bin/python -m pip b\n.venv/bin/python -m pip c\n.venv/bin/python -m pip d\n.venv/bin/python -m pip e\nbash -c \'.venv/bin/python -m pip f\'\n',
  );
  assert.equal(await unsafe('all:\n\tpython3 -m venv .venv\n\t"pip" --version\n', 'Makefile'), 'all:\n\tpython3 -m venv .venv\n\t.venv/bin/python -m pip --version\n');
  // An escape or an expansion in the word: no fix rather than a guess.
  for (const line of ['\\pip e', 'x=; "${x}pip" h', '"pi\\p" x']) {
    const code = `#!/bin/bash\npython3 -m venv .venv\n${line}\n`;
    assert.equal(await unsafe(code, 'a.sh'), code, line);
  }
});

test('two fixes never add the same line twice', async () => {
  assert.equal(
    await unsafe('FROM python:3.12\nRUN python -m venv /v\nRUN . /v/bin/activate\nRUN pip install x\n', 'Dockerfile'),
    'FROM python:3.12\nRUN python -m venv /v\nENV VIRTUAL_ENV=/v PATH="/v/bin:$PATH"\nRUN pip install x\n',
  );
  const wf = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv .venv\n      - run: . .venv/bin/activate\n      - run: pip install x\n      - run: "\\"pip\\" install z"\n';
  const out = await unsafe(wf, '.github/workflows/ci.yml');
  assert.equal(out.split('>> "$GITHUB_PATH"').length + out.split('>> \\"$GITHUB_PATH\\"').length - 2, 1, out);
  // The line is written in the style of the step it goes into (plain here), not the site's
  // (a double-quoted step's escapes, written once for each site).
  const wf2 = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv .venv\n      - run: |\n          "pip" install x\n      - run: "\\"pip\\" install z"\n';
  assert.equal(
    await unsafe(wf2, '.github/workflows/ci.yml'),
    wf2.replace('- run: python -m venv .venv\n', '- run: python -m venv .venv && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"\n'),
  );
});

test('Python shell strings: the quoted interpreter path replaces the whole shell word, outside any quotes', async () => {
  const py = (code: string) => unsafe(code, 'job.py');
  assert.equal(await py('import os\nos.system(\'"pip" --version\')\n'), 'import os\nimport shlex\nimport sys\nos.system(shlex.quote(sys.executable) + \' -m pip --version\')\n');
  assert.equal(
    await py('import subprocess\nsubprocess.run(\'"python" -c "import app"\', shell=True)\n'),
    'import shlex\nimport subprocess\nimport sys\nsubprocess.run(shlex.quote(sys.executable) + \' -c "import app"\', shell=True)\n',
  );
  assert.equal(await py('import os\nos.system(f\'"python" -c "print({x})"\')\n'), 'import os\nimport shlex\nimport sys\nos.system(f\'{shlex.quote(sys.executable)} -c "print({x})"\')\n');
  assert.equal(await py('import os\nos.popen("cd /srv && \'p\'ython job.py")\n'), 'import os\nimport shlex\nimport sys\nos.popen("cd /srv && " + shlex.quote(sys.executable) + " job.py")\n');
  // Inside a nested shell's quotes, or behind an escape: no fix (a quoted path there would break).
  for (const code of ['import os\nos.system(\'bash -c "python job.py"\')\n', 'import os\nos.system(\'\\\\python job.py\')\n', 'import os\nos.system(f\'python job.py %s\' % x)\n', 'import os\nos.system(\'echo "`python job.py`"\')\n']) {
    assert.equal(await py(code), code);
  }
});

// gradio's demo/text_analysis/run.py (os.system) and aws-cli's awscli/testutils.py (shell=True,
// tested on windows-latest): on Windows these strings go to cmd.exe, which does not read POSIX
// quotes, so `shlex.quote(sys.executable)` there names no program.
test('Python shell strings in code that also runs on Windows: quoted for cmd.exe and sh, and no fix for os.system', async () => {
  const py = (code: string) => unsafe(code, 'job.py');
  // The file tells platforms apart: the path is quoted by each platform's own rules.
  assert.equal(
    await py('import os\nimport subprocess\nWIN = os.name == "nt"\nsubprocess.run("python job.py %s" % x, shell=True)\n'),
    'import os\nimport shlex\nimport subprocess\nimport sys\nWIN = os.name == "nt"\nsubprocess.run(((subprocess.list2cmdline([sys.executable]) if os.name == "nt" else shlex.quote(sys.executable)).replace("%", "%%") + " job.py %s") % x, shell=True)\n',
  );
  assert.equal(
    await py("import os, subprocess, sys\nif sys.platform == 'win32':\n    pass\nsubprocess.run(f\"python -m tool {x}\", shell=True)\n"),
    "import os, subprocess, sys\nimport shlex\nif sys.platform == 'win32':\n    pass\nsubprocess.run(f\"{(subprocess.list2cmdline([sys.executable]) if os.name == 'nt' else shlex.quote(sys.executable))} -m tool {x}\", shell=True)\n",
  );
  // os.system hands the string to cmd.exe unwrapped: a quoted path loses its quotes there when the
  // command holds other quotes or the path a `(`. No quoting is right for every path: no fix.
  const system = 'import os\nimport platform\nif platform.system() == "Windows":\n    pass\nos.system(\'python -m spacy download en_core_web_sm\')\n';
  assert.equal(await py(system), system);
  const diags = await checkText(system, { path: 'job.py' });
  assert.deepEqual(diags.map((d) => [d.code, d.fix]), [['VG101', undefined]]);
  // The project says it runs on Windows (a CI job on a Windows runner): the same, for a file that
  // does not mention Windows itself.
  const project = tempDir('venvguard-windows-ci-');
  try {
    fs.mkdirSync(path.join(project, '.github', 'workflows'), { recursive: true });
    fs.writeFileSync(path.join(project, '.github', 'workflows', 'test.yml'), 'on: push\njobs:\n  t:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: pytest\n');
    const code = 'import subprocess\nsubprocess.run("python job.py", shell=True)\n';
    const seen = await checkText(code, { path: path.join(project, 'job.py'), cwd: project });
    assert.match(JSON.stringify(seen.map((d) => d.fix?.edits)), /subprocess\.list2cmdline\(\[sys\.executable\]\) if os\.name == \\"nt\\" else shlex\.quote\(sys\.executable\)/);
    const plain = await checkText(code, { path: 'job.py' });
    assert.match(JSON.stringify(plain.map((d) => d.fix?.edits)), /"shlex\.quote\(sys\.executable\) \+ \\" job\.py\\""/);
  } finally {
    fs.rmSync(project, { recursive: true, force: true });
  }
});

test('a project runs on Windows by its CI runners or its classifiers, not by a word elsewhere', () => {
  const root = tempDir('venvguard-platforms-');
  try {
    const at = (name: string, files: Record<string, string | Buffer>) => {
      const dir = path.join(root, name);
      for (const [f, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
        fs.writeFileSync(path.join(dir, f), text);
      }
      return projectRunsOnWindows(dir);
    };
    assert.equal(at('gha', { '.github/workflows/ci.yml': 'jobs:\n  t:\n    runs-on: windows-2022\n' }), true);
    assert.equal(at('self-hosted', { '.github/workflows/ci.yaml': 'jobs:\n  t:\n    runs-on: [self-hosted, windows, x64]\n' }), true);
    assert.equal(at('azure', { 'azure-pipelines.yml': "pool:\n  vmImage: 'windows-latest'\n" }), true);
    assert.equal(at('appveyor', { 'appveyor.yml': 'build: off\n' }), true);
    assert.equal(at('classifier', { 'pyproject.toml': '[project]\nclassifiers = ["Operating System :: Microsoft :: Windows"]\n' }), true);
    // A requirement only Windows installs, in a requirements file (python_gui_masks': a PowerShell
    // `pip freeze`, UTF-16) or a dependency list, marked for Windows or not.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('altgraph==0.17.2\r\npywin32==302\r\n', 'utf16le')]);
    assert.equal(at('requirements', { 'requirements.txt': 'numpy\npywin32==306 ; sys_platform == "win32"\n' }), true);
    assert.equal(at('freeze-utf16', { 'requirements.txt': utf16 }), true);
    assert.equal(at('dependency', { 'pyproject.toml': '[project]\ndependencies = ["requests", "comtypes>=1.2"]\n' }), true);
    assert.equal(at('not-windows', { 'requirements.txt': 'numpy\npywin32-ctypes==0.2\nmy-wmi-tools\n' }), false);
    assert.equal(at('linux', { '.github/workflows/ci.yml': 'jobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "works on Windows too"\n' }), false);
    assert.equal(at('independent', { 'setup.cfg': '[metadata]\nclassifiers =\n    Operating System :: OS Independent\n' }), false);
    assert.equal(projectRunsOnWindows(undefined), false);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// pycryptobot's telegram_bot.py (getoutput of "python3 …") in a project whose helper module tests
// `platform.system() == "Windows"`, and AutoGPTQ's examples vendored in OLMo (its own setup.py lists
// `platforms=["windows", "linux"]`): the file says nothing of Windows, its project does.
test('a file may run on Windows when another module of its project tells Windows apart, or a project nested around it lists Windows', async () => {
  const root = tempDir('venvguard-windows-code-');
  try {
    const write = (f: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), text);
    };
    write('bot/models/helper.py', 'import platform\n\ndef clear():\n    if platform.system() == "Windows":\n        return "cls"\n    return "clear"\n');
    write('bot/telegram_bot.py', 'import subprocess\n\ndef stats(market):\n    return subprocess.getoutput(f"python3 pycryptobot.py --stats --market {market}")\n');
    write('bot/pyproject.toml', '[project]\nname = "bot"\n');
    write('olmo/pyproject.toml', '[project]\nname = "olmo"\n');
    write('olmo/deps/AutoGPTQ/setup.py', 'from setuptools import setup\nsetup(name="auto_gptq", platforms=["windows", "linux"])\n');
    write('olmo/deps/AutoGPTQ/examples/run.py', 'import os\nos.system("pip install vllm")\n');
    write('olmo/tools/run.py', 'import os\nos.system("pip install vllm")\n');
    const bot = path.join(root, 'bot');
    assert.equal(codeMayRunOnWindows(bot, path.join(bot, 'telegram_bot.py')), true);
    const fixes = (await checkText(fs.readFileSync(path.join(bot, 'telegram_bot.py'), 'utf8'), { path: path.join(bot, 'telegram_bot.py'), cwd: bot })).map((d) => d.fix?.edits);
    assert.match(JSON.stringify(fixes), /subprocess\.list2cmdline\(\[sys\.executable\]\) if os\.name == 'nt' else shlex\.quote\(sys\.executable\)/);
    const olmo = path.join(root, 'olmo');
    assert.equal(codeMayRunOnWindows(olmo, path.join(olmo, 'deps/AutoGPTQ/examples/run.py')), true);
    // os.system: no quoting is right for every Windows path, so no fix there; the twin outside the
    // nested project keeps its fix.
    const fixOf = async (f: string) => (await checkText(fs.readFileSync(path.join(olmo, f), 'utf8'), { path: path.join(olmo, f), cwd: olmo })).map((d) => [d.code, !!d.fix]);
    assert.deepEqual(await fixOf('deps/AutoGPTQ/examples/run.py'), [['VG102', false]]);
    assert.equal(codeMayRunOnWindows(olmo, path.join(olmo, 'tools/run.py')), false);
    assert.deepEqual(await fixOf('tools/run.py'), [['VG102', true]]);
    // A platform test in a virtual environment's packages is other projects' code.
    write('plain/app.py', 'import os\nos.system("pip install x")\n');
    write('plain/.venv/pyvenv.cfg', 'home = /usr/bin\n');
    write('plain/venv/pyvenv.cfg', 'home = /usr/bin\n');
    write('plain/venv/lib/python3.12/site-packages/click/_compat.py', 'import os\nWIN = os.name == "nt"\n');
    assert.equal(codeMayRunOnWindows(path.join(root, 'plain'), path.join(root, 'plain', 'app.py')), false);
    assert.equal(codeMayRunOnWindows(undefined, 'app.py'), false);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

// SuperAGI's run_gui.py: `check_command("uvicorn", …)` exits unless shutil.which finds uvicorn on
// PATH, then starts ["uvicorn", "main:app"]: a fix to the launch alone would check one tool and run
// another. The finding stays; no fix. A tool the file does not look up keeps its fix.
test('no fix for a launch whose name the file also looks up on PATH, directly or through its own helper, or compares', async () => {
  const code = 'import shutil\nimport subprocess\nimport sys\n\ndef check_command(command, message):\n    if not shutil.which(command):\n        print(message)\n        sys.exit(1)\n\ndef run_server():\n    return subprocess.Popen(["uvicorn", "main:app", "--port", "8000"])\n\ndef migrate():\n    subprocess.run(["alembic", "upgrade", "head"])\n\ncheck_command("uvicorn", "Install uvicorn first")\n';
  const diags = await checkText(code, { path: 'run_gui.py' });
  assert.deepEqual(diags.map((d) => [d.code, code.slice(0, d.span.start).split('\n').length, !!d.fix]), [['VG103', 11, false], ['VG103', 14, true]]);
  // pylsp-mypy: the tool's command is resolved by a helper taking it as a later parameter (a
  // configured command, else PATH's), and one launch runs the name itself: no fix that bypasses both.
  const resolved = 'import shutil\nimport subprocess\n\ndef get_cmd(settings, cmd):\n    command = settings.get(f"{cmd}_command", [])\n    if not command and shutil.which(cmd):\n        command = [cmd]\n    return command\n\ndef lint(settings, status_file):\n    black = get_cmd(settings, "black")\n    subprocess.run([*black, "--check", "."])\n    subprocess.run(["black", "--quiet", status_file])\n';
  assert.deepEqual((await checkText(resolved, { path: 'plugin.py' })).map((d) => [d.code, !!d.fix]), [['VG103', false]]);
  assert.deepEqual((await checkText(resolved.replace('get_cmd(settings, "black")', 'settings.get("black_command", [])'), { path: 'plugin.py' })).map((d) => [d.code, !!d.fix]), [['VG103', true]]);
  // crfm-helm's downloader: the variable holding the name is also compared with it (`!= "gdown"`),
  // so a path written in its definition would fail that test: no fix. Without the test, the fix.
  const compared = 'import subprocess\n\ndef fmt(path):\n    tool = "black"\n    if tool != "black":\n        raise ValueError(tool)\n    subprocess.run([tool, path])\n';
  assert.deepEqual((await checkText(compared, { path: 'general.py' })).map((d) => [d.code, !!d.fix]), [['VG103', false]]);
  assert.deepEqual((await checkText(compared.replace('    if tool != "black":\n        raise ValueError(tool)\n', ''), { path: 'general.py' })).map((d) => [d.code, !!d.fix]), [['VG103', true]]);
});

test('messages say what pip does: list and freeze read, install installs', async () => {
  const code = 'import subprocess\nsubprocess.run(["pip", "list"])\nsubprocess.run(["pip", "-q", "install", "x"])\nsubprocess.run(["pip", "freeze"])\nsubprocess.run(["pip", "show", "x"])\nsubprocess.run(["pip", "--version"])\nsubprocess.run(["pip", "uninstall", "-y", "x"])\nsubprocess.run(["pip", "freeze", "--path", "site"])\n';
  const effects = (await checkText(code, { path: 'a.py' })).map((d) => d.data?.effect);
  assert.deepEqual(effects, [
    "reads another environment's packages",
    'installs into another environment',
    "reads another environment's packages",
    "reads another environment's packages",
    "runs another environment's pip",
    'uninstalls from another environment',
    // Told the folder to read: only the pip itself is another environment's (an install told
    // its --target is not reported at all).
    "runs another environment's pip",
  ]);
});

test('a fix note states each reason once, in the words of the fix it goes with', async () => {
  const files: [string, string][] = [
    ['FROM python:3.12\nRUN python -m venv /v\nRUN . /v/bin/activate\nRUN pip install x\n', 'Dockerfile'],
    ['FROM python:3.12\nENV VIRTUAL_ENV=/v\nRUN python -m venv /v\nRUN pip install x\n', 'Dockerfile'],
    ['on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv .venv\n      - run: pip list\n      - run: . .venv/bin/activate\n      - run: pip freeze\n', '.github/workflows/ci.yml'],
    ['all:\n\tpython3 -m venv .venv\n\t. .venv/bin/activate\n\tpip install x\n', 'Makefile'],
    ['#!/bin/sh\npython3 -m venv .venv\npip install x\n', 'a.sh'],
  ];
  let notes = 0;
  for (const [code, path] of files) {
    for (const d of await checkText(code, { path })) {
      const reason = d.fix?.reason;
      if (!reason) continue;
      notes++;
      const clauses = reason.split(/[;,:] /).map((c) => c.replace(/^(then |and )/, ''));
      assert.equal(new Set(clauses).size, clauses.length, `${path} ${d.code}: ${reason}`);
      assert.doesNotMatch(reason, /finds the venv's python, pip and scripts first on PATH.*finds the venv's/, `${path} ${d.code}: ${reason}`);
      // A PATH fix is not explained by what replacing the interpreter would do, and the reverse.
      const persists = d.fix!.edits.some((e) => /PATH/.test(e.text));
      assert.equal(/replaces the one PATH finds/.test(reason), !persists, `${path} ${d.code}: ${reason}`);
    }
  }
  assert.ok(notes >= 6, `notes checked: ${notes}`);
});

test("suggested paths are seen from the command's own folder (cd, working-directory, WORKDIR)", async () => {
  const wf = [
    'on: push',
    'jobs:',
    '  t:',
    '    runs-on: ubuntu-latest',
    '    defaults:',
    '      run:',
    '        working-directory: app',
    '    steps:',
    '      - run: python -m venv .venv',
    '      - run: pip list',
    '      - run: pip list',
    '        working-directory: app/sub',
    '      - run: cd x && pip list',
    '',
  ].join('\n');
  const uses = (await checkText(wf, { path: '.github/workflows/ci.yml' })).map((d) => /use (\S+)/.exec(d.remedy ?? '')?.[1]);
  assert.deepEqual(uses, ['.venv/bin/python', '../.venv/bin/python', '../.venv/bin/python']);
  // GitLab: from a folder outside the project no relative path is known, so no fix.
  const gl = 'test:\n  script:\n    - python -m venv .venv\n    - cd sub && pip list\n    - cd /tmp && pip list\n';
  assert.equal(await unsafe(gl, '.gitlab-ci.yml'), 'test:\n  script:\n    - python -m venv .venv\n    - cd sub && ../.venv/bin/python -m pip list\n    - cd /tmp && pip list\n');
  const gh = 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m venv .venv\n      - run: cd /tmp && pip list\n';
  assert.equal(await unsafe(gh, '.github/workflows/ci.yml'), gh.replace('python -m venv .venv\n', 'python -m venv .venv && echo "$GITHUB_WORKSPACE/.venv/bin" >> "$GITHUB_PATH"\n'));
  // Dockerfile: a relative venv is resolved against WORKDIR, and written absolute.
  const df = (await checkText('FROM python:3.12\nWORKDIR /app\nRUN python -m venv .venv\nWORKDIR /app/sub\nRUN pip install x\n', { path: 'Dockerfile' }))[0];
  assert.match(df.remedy ?? '', /use \/app\/\.venv\/bin\/python -m pip/);
});

test("a venv made after pushd is where pushd went: its path is written from the folder popd came back to (mujoco's build_steps.sh)", async () => {
  assert.equal(
    await unsafe('#!/bin/bash\npushd tools\npython3 -m venv venv\npopd\ntools/venv/bin/pip install x\npython3 x.py\n', 'ci/build.sh'),
    '#!/bin/bash\npushd tools\npython3 -m venv venv\npopd\ntools/venv/bin/pip install x\ntools/venv/bin/python x.py\n',
  );
  // In a folder the file does not name (`pushd "${TMPDIR}"`), the venv's path is not known: no `venv/bin/python`.
  const tmp = '#!/bin/bash\npushd "${TMPDIR}"\npython3 -m venv venv\npopd\npython3 x.py\n';
  assert.equal(await unsafe(tmp, 'ci/build.sh'), tmp);
});

test('os.exec*/os.spawn*: argv[0] becomes sys.executable with the program, or no fix is offered', async () => {
  const py = (code: string) => unsafe(code, 'launch.py');
  // Issue 16: `os.spawnlp(os.P_WAIT, "pip", "pip", …)` was rewritten into a list as the program
  // (the call then returned 127 without a word); the interpreter also needs its own path as argv[0].
  assert.equal(
    await py('import os\nos.spawnlp(os.P_WAIT, "pip", "pip", "install", "x")\n'),
    'import os\nimport sys\nos.spawnlp(os.P_WAIT, sys.executable, sys.executable, "-m", "pip", "install", "x")\n',
  );
  assert.equal(await py("import os\nos.execvp('python', ('python', 'x.py'))\n"), "import os\nimport sys\nos.execvp(sys.executable, (sys.executable, 'x.py'))\n");
  assert.equal(await py('import os\nos.execlpe("pip", "pip", "list", os.environ)\n'), 'import os\nimport sys\nos.execlpe(sys.executable, sys.executable, "-m", "pip", "list", os.environ)\n');
  // argv[0] that is not a literal of the call, a spread, or bytes: the finding stays, unfixed.
  for (const code of ['import os\nargs = ["pip", "x"]\nos.execvp("pip", args)\n', 'import os\nos.execlp("pip", *rest)\n', 'import os\nos.execlp("pip", name, "x")\n', 'import os\nos.execlp("pip", b"pip", "x")\n']) {
    assert.ok((await checkText(code, { path: 'launch.py' })).some((d) => d.code === 'VG102'), code);
    assert.equal(await py(code), code);
  }
});

test('a program bound on two branches is one finding: its fix rewrites both values, or it has none', async () => {
  // mypy's misc/incremental_checker.py: `python3` from two assignments, and the fix rewrote one.
  const branches = (other: string) => `import subprocess\n\n\ndef run(daemon):\n    if daemon:\n        cmd = ["python3", "-m", "x"]\n    else:\n        cmd = [${other}, "-m", "y"]\n    subprocess.run(cmd)\n`;
  const code = branches('"python3"');
  const diags = await checkText(code, { path: 'tool.py' });
  assert.deepEqual(diags.map((d) => [d.code, d.start.line, d.related.length]), [['VG101', 9, 2]]);
  const fixed = await unsafe(code, 'tool.py');
  assert.equal(fixed, 'import subprocess\nimport sys\n\n\ndef run(daemon):\n    if daemon:\n        cmd = [sys.executable, "-m", "x"]\n    else:\n        cmd = [sys.executable, "-m", "y"]\n    subprocess.run(cmd)\n');
  assert.deepEqual(await checkText(fixed, { path: 'tool.py' }), []);
  // One value the rewriter cannot take (an implicit concatenation): fixing the other alone would
  // leave the finding standing, so there is no fix.
  const split = branches('"py" "thon3"');
  const [one] = await checkText(split, { path: 'tool.py' });
  assert.equal(one?.code, 'VG101');
  assert.equal(one.fix, undefined);
  assert.equal(await unsafe(split, 'tool.py'), split);
});

test("a venv the file also names by its Windows layout gets no bin/ fix (deepchecks' test-win recipe: venv\\Scripts\\activate.bat)", async () => {
  const win = 'WIN_ENV := venv\ntest-win:\n\t@test -d $(WIN_ENV) || python -m venv $(WIN_ENV)\n\t@$(WIN_ENV)\\Scripts\\activate.bat\n\tpython -m pytest tests\n';
  const found = await checkText(win, { path: 'makefile' });
  assert.deepEqual(found.map((d) => [d.code, d.start.line]), [['VG201', 5]], 'still reported: the activation does not reach the next line');
  assert.equal(await unsafe(win, 'makefile'), win, 'no fix writes $(WIN_ENV)/bin/python, which a Windows venv has not');
  // The same recipe with a POSIX activation keeps its fix.
  const posix = win.replace('@$(WIN_ENV)\\Scripts\\activate.bat', '@. $(WIN_ENV)/bin/activate');
  assert.equal(await unsafe(posix, 'makefile'), posix.replace('\tpython -m pytest', '\t$(WIN_ENV)/bin/python -m pytest'));
  // A workflow that names .venv/Scripts/ for its Windows jobs: no .venv/bin fix either.
  const gh = 'on: push\njobs:\n  t:\n    runs-on: ${{ matrix.os }}\n    steps:\n      - run: python -m venv .venv\n      - run: .venv/Scripts/python -m pip --version\n      - run: pip install -e .\n';
  assert.equal(await unsafe(gh, '.github/workflows/ci.yml'), gh);
});
