import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordText } from '../../src/kernel/word.js';
import { dockerfileFrontEnd, parseDockerfile } from '../../src/frontends/dockerfile/index.js';
import { claimingFrontEnd } from '../../src/frontends/index.js';
import { analyze, siteAt } from '../dockerfile-lint.js';

const argvText = (s: { argv: { fragments: unknown[] }[] }) => s.argv.map((w) => wordText(w as never) ?? '?').join(' ');

test('dockerfile claims: Dockerfile, Containerfile, Dockerfile.*, *.dockerfile; not others', () => {
  for (const p of ['Dockerfile', 'a/b/Dockerfile', 'Containerfile', 'Dockerfile.dev', 'x/api.dockerfile', 'api.Dockerfile']) assert.ok(dockerfileFrontEnd.claims(p, ''), p);
  for (const p of ['dockerfile.py', 'Makefile', 'Dockerfiles/x.txt', 'README.md']) assert.ok(!dockerfileFrontEnd.claims(p, ''), p);
  // quay: a Dockerfile's own ignore file (BuildKit reads Dockerfile.x.dockerignore) is not a Dockerfile.
  assert.ok(!dockerfileFrontEnd.claims('Dockerfile.mirror.dockerignore', ''));
  // Issue 15: Docker reads a lowercase `dockerfile` too; its variants like the capitalised ones,
  // but not another format's file named after it.
  for (const p of ['dockerfile', 'a/dockerfile', 'dockerfile.dev', 'dev.dockerfile', 'Dockerfile.prod.arm64']) assert.ok(dockerfileFrontEnd.claims(p, ''), p);
  for (const p of ['dockerfile.md', 'Dockerfile.md', 'docs/Dockerfile.rst', 'dockerfile.json', 'Dockerfile.yml', 'dockerfile.txt']) assert.ok(!dockerfileFrontEnd.claims(p, ''), p);
  // Regression (ansible/awx): templates are another language's text (30 "unknown instruction {%").
  for (const p of ['templates/Dockerfile.j2', 'Dockerfile.template', 'Dockerfile.in', 'Dockerfile.tmpl']) assert.ok(!dockerfileFrontEnd.claims(p, ''), p);
  // A Jenkinsfile named for the agent it uses is the Jenkins front end's (demo-for-pipeline's exited 3: "unknown instruction PIPELINE").
  assert.ok(!dockerfileFrontEnd.claims('Jenkinsfile.dockerfile', ''));
  assert.equal(claimingFrontEnd('ci/Jenkinsfile.dockerfile')?.language, 'jenkins');
  assert.equal(claimingFrontEnd('ci/Dockerfile.jenkins')?.language, 'dockerfile');
  assert.ok(dockerfileFrontEnd.mayMatter('RUN pip install x', /\bpytest\b/));
  assert.ok(!dockerfileFrontEnd.mayMatter('FROM nginx\nCOPY . /usr/share/nginx/html\n', /\bpytest\b/));
});

test('dockerfile parser: continuations, comments inside them, directives and the backtick escape', () => {
  const p = parseDockerfile('# escape=`\nFROM x\nRUN echo a `\n# inside\n    && echo b\n');
  assert.equal(p.escape, '`');
  assert.equal(p.instructions.length, 2);
  const run = p.instructions[1];
  assert.equal(run.keyword, 'RUN');
  assert.equal(run.args.map((c) => c.ch).join(''), 'echo a     && echo b');
  assert.equal(run.firstLine, 3);
  assert.equal(run.lastLine, 5);
  assert.deepEqual(p.comments.map((c) => c.text), ['# inside']);
});

test('dockerfile sites: exact line and column across a continuation', async () => {
  const { sites, file } = await analyze('FROM python:3.12\nRUN apt-get update && \\\n    python3 -m venv /opt/venv && \\\n      pip install x\n');
  const pip = siteAt(sites, 'pip install');
  assert.deepEqual(file.location(pip.argv[0].span!.start), { line: 4, column: 7 });
  assert.equal(pip.api, 'RUN');
  assert.equal(pip.language, 'dockerfile');
  assert.deepEqual(file.location(pip.callSpan.start), { line: 2, column: 1 });
  assert.deepEqual(pip.env.knownVenvs, ['/opt/venv']);
  assert.equal(pip.env.activeVenv, undefined);
  assert.ok((siteAt(sites, 'python3 -m venv')).config?.createsVenv);
});

test('dockerfile sites: exec form maps into the JSON strings', async () => {
  const { sites, file } = await analyze('FROM x\nRUN [ "pip", "install", "a b" ]\n');
  const s = siteAt(sites, 'pip');
  assert.equal(argvText(s), 'pip install a b');
  assert.deepEqual(file.location(s.argv[0].span!.start), { line: 2, column: 8 });
  assert.equal(s.viaShell, false);
  assert.equal(s.config?.form, 'exec');
});

test('dockerfile sites: RUN <<EOF heredoc body is the script, positions in the body', async () => {
  const { sites, file, syntaxProblem } = await analyze('FROM x\nRUN python -m venv /v\nRUN <<EOF\nset -e\n  pip install a\nEOF\nRUN echo ok\n');
  assert.equal(syntaxProblem, undefined);
  const s = siteAt(sites, 'pip install a');
  assert.deepEqual(file.location(s.argv[0].span!.start), { line: 5, column: 3 });
  assert.ok(siteAt(sites, 'echo ok'));
});

test('dockerfile sites: a heredoc fed to a command is stdin, not a script', async () => {
  const { sites } = await analyze('FROM x\nRUN python3 <<EOF\nimport os\nEOF\n');
  assert.deepEqual(sites.map(argvText), ['python3']);
});

test('dockerfile: unterminated heredoc, bad exec JSON and unknown instructions are reported and analysis goes on', async () => {
  const a = await analyze('FROM x\nFROB y\nRUN ["pip", install]\nRUN pip install z\n');
  assert.match(a.syntaxProblem!.message, /unknown instruction "FROB"/);
  assert.equal(a.syntaxProblem!.start?.line, 2);
  assert.match(a.syntaxProblem!.message, /and \d+ more/);
  assert.ok(siteAt(a.sites, 'pip install z'));
  const b = await analyze('FROM x\nRUN <<EOF\npip install a\n');
  assert.match(b.syntaxProblem!.message, /unterminated heredoc/);
  assert.ok(siteAt(b.sites, 'pip install a'));
});

test('dockerfile state: ENV PATH persists across RUN and expands $PATH / ${PATH}; VIRTUAL_ENV alone does not', async () => {
  const { sites } = await analyze(
    'FROM x\nRUN python -m venv /opt/venv\nENV VIRTUAL_ENV=/opt/venv\nRUN pip a\nENV PATH="/opt/venv/bin:${PATH}"\nRUN pip b\nENV PATH=/usr/local/bin:$PATH\nRUN pip c\n',
  );
  assert.equal(siteAt(sites, 'pip a').env.activeVenv, undefined);
  assert.equal(siteAt(sites, 'pip b').env.activeVenv, '/opt/venv');
  assert.equal(siteAt(sites, 'pip c').env.activeVenv, '/opt/venv');
});

test('dockerfile state: a venv appended after the default PATH is not what runs; legacy ENV K V form', async () => {
  const { sites } = await analyze('FROM x\nRUN python -m venv /opt/venv\nENV PATH $PATH:/opt/venv/bin\nRUN pip a\n');
  assert.equal(siteAt(sites, 'pip a').env.activeVenv, undefined);
});

test('dockerfile state: activation, export and cd last for one RUN only', async () => {
  const { sites } = await analyze(
    'FROM x\nWORKDIR /app\nRUN python -m venv venv\nRUN . venv/bin/activate && pip a\nRUN pip b\nRUN export PATH=/app/venv/bin:$PATH; pip c\nRUN cd /app && . ./venv/bin/activate && deactivate && pip d\nRUN PATH=/app/venv/bin:$PATH pip e\n',
  );
  assert.deepEqual(siteAt(sites, 'python -m venv').env.knownVenvs, []);
  assert.equal(siteAt(sites, 'pip a').env.activeVenv, '/app/venv');
  assert.equal(siteAt(sites, 'pip b').env.activeVenv, undefined);
  assert.equal(siteAt(sites, 'pip c').env.activeVenv, '/app/venv');
  assert.equal(siteAt(sites, 'pip d').env.activeVenv, undefined);
  assert.equal(siteAt(sites, 'pip e').env.path.kind, 'explicit');
  const act = siteAt(sites, '. venv/bin/activate');
  assert.deepEqual(act.config?.activation?.venv, '/app/venv');
  assert.equal(act.config?.activation?.lastInRun, false);
  assert.deepEqual([...(act.config?.activation?.later.sitesWithoutVenv() ?? [])].map(argvText), ['pip b', 'pip d', 'pip e']);
});

test('dockerfile state: venvs from virtualenv and uv venv (default .venv), relative to WORKDIR', async () => {
  const { sites } = await analyze('FROM x\nWORKDIR /srv\nWORKDIR app\nRUN virtualenv -p python3 env1 && uv venv && uv venv --seed /e3\nRUN true\n');
  assert.deepEqual(siteAt(sites, 'true').env.knownVenvs, ['/srv/app/env1', '/srv/app/.venv', '/e3']);
});

test('dockerfile state: stages reset, FROM <stage> inherits, COPY --from brings a venv but not ENV', async () => {
  const { sites } = await analyze(
    [
      'FROM python:3.12 AS builder',
      'RUN python -m venv /opt/venv',
      'ENV PATH=/opt/venv/bin:$PATH',
      'RUN pip one',
      'FROM builder AS test',
      'RUN pip two',
      'FROM python:3.12-slim',
      'RUN pip three',
      'COPY --from=builder /opt/venv /venv',
      'RUN pip four',
      'COPY --from=0 /opt /x/',
      'RUN pip five',
      '',
    ].join('\n'),
  );
  assert.equal(siteAt(sites, 'pip one').env.activeVenv, '/opt/venv');
  assert.equal(siteAt(sites, 'pip two').env.activeVenv, '/opt/venv');
  assert.deepEqual(siteAt(sites, 'pip three').env.knownVenvs, []);
  assert.deepEqual(siteAt(sites, 'pip four').env.knownVenvs, ['/venv']);
  assert.equal(siteAt(sites, 'pip four').env.activeVenv, undefined);
  assert.deepEqual(siteAt(sites, 'pip five').env.knownVenvs, ['/venv', '/x/venv']);
});

test('dockerfile state: SHELL picks the dialect; CMD/ENTRYPOINT run with the final ENV of the stage', async () => {
  const { sites } = await analyze(
    'FROM x\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN python -m venv /v\nCMD python app.py\nENV PATH=/v/bin:$PATH\nENTRYPOINT ["gunicorn", "app"]\n',
  );
  // CMD is only arguments once an ENTRYPOINT exists.
  assert.deepEqual(sites.filter((s) => s.api !== 'RUN').map((s) => `${s.api} ${argvText(s)} ${s.env.activeVenv}`), ['ENTRYPOINT gunicorn app /v']);
  const { sites: s2 } = await analyze('FROM x\nRUN python -m venv /v\nCMD ["python", "app.py"]\n');
  assert.equal(siteAt(s2, 'python app.py').api, 'CMD');
  assert.equal(siteAt(s2, 'python app.py').env.activeVenv, undefined);
});

test('dockerfile: wrappers are unwrapped by the shared front end (sh -c, env)', async () => {
  const { sites } = await analyze('FROM x\nRUN sh -c "env FOO=1 pip install a"\n');
  const s = siteAt(sites, 'pip install a');
  assert.deepEqual(s.wrappers, ['sh -c', 'env']);
});

test('dockerfile suppressions: the comment line above, or a shell comment on the instruction', async () => {
  const { suppressions } = await analyze('FROM x\n# venvguard: ignore[VG201]\nRUN a && \\\n  b\nRUN c # noqa: VG202\n');
  assert.deepEqual([...suppressions.entries()].map(([l, c]) => `${l}:${c === 'all' ? 'all' : [...c].join(',')}`), ['3:VG201', '4:VG201', '5:VG202']);
});

test('dockerfile: HEALTHCHECK CMD runs at container start; a python heredoc script is not shell', async () => {
  const { sites, file } = await analyze('FROM x\nHEALTHCHECK --interval=30s CMD python -c "import app"\nRUN <<EOF\n#!/usr/bin/env python3\nprint("pip")\nEOF\n');
  assert.deepEqual(sites.map((s) => `${s.api} ${argvText(s)}`), ['HEALTHCHECK python -c import app']);
  assert.deepEqual(file.location(sites[0].argv[0].span!.start), { line: 2, column: 32 });
});

test('dockerfile: a shell script inside an exec-form JSON string keeps shell positions', async () => {
  const { sites, file } = await analyze('FROM x\nRUN ["sh", "-c", "cd /app && pip install ."]\n');
  const s = siteAt(sites, 'pip install');
  assert.deepEqual(s.wrappers, ['sh -c']);
  assert.deepEqual(file.location(s.argv[0].span!.start), { line: 2, column: 30 });
  assert.equal(s.config?.form, 'shell');
});

test('dockerfile: RUN flags, FROM --platform and ARG values', async () => {
  const { sites } = await analyze('ARG VENV=/opt/v\nFROM --platform=$BUILDPLATFORM python:3.12 AS b\nARG VENV\nRUN --mount=type=cache,target=/root/.cache python -m venv $VENV\nRUN pip x\n');
  assert.deepEqual(siteAt(sites, 'pip x').env.knownVenvs, ['/opt/v']);
});

test('dockerfile: a non-POSIX SHELL (PowerShell) is not parsed as sh; exec form still is', async () => {
  const { sites } = await analyze('# escape=`\nFROM mcr.microsoft.com/windows/servercore\nSHELL ["powershell", "-Command"]\nRUN python -m venv C:\\v; pip install x\nRUN ["pip", "list"]\n');
  assert.deepEqual(sites.map(argvText), ['pip list']);
});

test('dockerfile: a shell form that starts with the test command [ is a shell command, not a broken exec form', async () => {
  // Real-repository review (unseen corpus: reflex, plone-backend, octoprint exited 3 on such lines).
  const ok = await analyze('FROM python:3.12-slim\nRUN python -m venv /venv\nRUN [ "$BUILD_TYPE" != "raspi" ] || \\\n    echo raspi\nCMD [ -d alembic ] && python -m alembic upgrade head; python -m app\n');
  assert.equal(ok.syntaxProblem, undefined);
  // Checked as the shell runs it: python by name while /venv is not on PATH.
  assert.ok(siteAt(ok.sites, 'python -m alembic'));
  assert.equal(siteAt(ok.sites, 'python -m app').viaShell, true);
  // A line that looks like an attempted JSON array is still worth a word.
  const broken = await analyze('FROM python:3.12-slim\nCMD ["python", "app.py"\n');
  assert.match(broken.syntaxProblem?.message ?? '', /not a valid JSON array of strings/);
});

// LocalAI's Dockerfiles: `RUN <<EOT bash` (a shell reading the here-document) was a shell syntax
// error near "<" in every such RUN, and their commands went unchecked.
test('dockerfile sites: a shell reading a heredoc runs it as its script; a heredoc before the command is moved after it', async () => {
  const a = await analyze('FROM x\nRUN python3 -m venv /v\nRUN <<EOT bash\n    if [ "$A" = b ]; then\n        pip install a\n    fi\nEOT\n');
  assert.equal(a.syntaxProblem, undefined);
  assert.deepEqual(a.file.location(siteAt(a.sites, 'pip install a').argv[0].span!.start), { line: 5, column: 9 });
  const b = await analyze('FROM x\nRUN bash -ex <<EOF\npip install b\nEOF\n');
  assert.equal(b.syntaxProblem, undefined);
  assert.ok(siteAt(b.sites, 'pip install b'));
  const c = await analyze('FROM x\nRUN <<EOF python3\nimport os\nEOF\n');
  assert.equal(c.syntaxProblem, undefined);
  assert.deepEqual(c.sites.map(argvText), ['python3']);
});
