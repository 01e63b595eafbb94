/**
 * Local and composite actions (`uses: ./.github/actions/setup`, issue 15): the action's steps run in
 * the calling job, so the venvs they create and what they write to $GITHUB_PATH / $GITHUB_ENV hold for
 * the later steps; `${{ inputs.x }}` takes the step's `with:` value or the input's default. The
 * action's own findings are reported once, in the action file. A missing action assumes nothing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CLI, tempDir } from './helpers.js';

interface Finding {
  code: string;
  path: string;
  line: number;
  message: string;
}

function checkTree(files: Record<string, string>): { status: number | null; findings: Finding[]; problems: unknown[] } {
  const dir = tempDir();
  try {
    for (const [p, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), text);
    }
    const r = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json', '--no-config'], { cwd: dir, encoding: 'utf8' });
    const out = JSON.parse(r.stdout) as { diagnostics: (Omit<Finding, 'line'> & { start: { line: number }; remedy: string })[]; problems: unknown[] };
    const findings = out.diagnostics.map((d) => ({ code: d.code, path: d.path, line: d.start.line, message: `${d.message}; ${d.remedy}` })).sort((a, b) => `${a.path}:${a.line}`.localeCompare(`${b.path}:${b.line}`));
    return { status: r.status, findings, problems: out.problems };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const workflow = (...steps: string[]) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n${steps.map((s) => `      - ${s}\n`).join('')}`;
const composite = (inputs: string, ...steps: string[]) => `name: setup\n${inputs}runs:\n  using: composite\n  steps:\n${steps.map((s) => `    - ${s}\n      shell: bash\n`).join('')}`;

test('a composite action that creates a venv: later steps of the calling job are judged against it', () => {
  const r = checkTree({
    '.github/actions/setup/action.yml': composite('', 'run: python3 -m venv venv'),
    '.github/workflows/ci.yml': workflow('uses: actions/checkout@v4', 'uses: ./.github/actions/setup', 'run: pip install -e .'),
  });
  assert.deepEqual(r.findings.map((f) => `${f.code} ${f.path}:${f.line}`), ['VG201 .github/workflows/ci.yml:8']);
  assert.match(r.findings[0].message, /; venv created by \.\/\.github\/actions\/setup in step 2 \(line 7\): use/);
});

test("its $GITHUB_PATH line holds for later steps, with ${{ inputs.x }} from with: or the input's default", () => {
  const action = composite('inputs:\n  venv:\n    default: .venv\n', 'run: python -m venv ${{ inputs.venv }}', 'run: echo "$GITHUB_WORKSPACE/${{ inputs.venv }}/bin" >> "$GITHUB_PATH"');
  for (const uses of ['uses: ./.github/actions/setup', 'uses: ./.github/actions/setup\n        with:\n          venv: env2']) {
    const r = checkTree({ '.github/actions/setup/action.yml': action, '.github/workflows/ci.yml': workflow(uses, 'run: pip install -e .', 'run: pytest') });
    assert.deepEqual(r.findings, [], uses);
    assert.equal(r.status, 0);
  }
  // An input whose value is not known here: its venv's bin is not known to be on PATH.
  const r = checkTree({
    '.github/actions/setup/action.yml': action,
    '.github/workflows/ci.yml': workflow('run: python -m venv .venv', 'uses: ./.github/actions/setup\n        with:\n          venv: ${{ matrix.venv }}', 'run: pip install -e .'),
  });
  assert.deepEqual(r.findings.map((f) => `${f.code} ${f.path}:${f.line}`), ['VG201 .github/workflows/ci.yml:10']);
});

test("the action's own findings are reported once, in the action file, however many workflows use it", () => {
  const r = checkTree({
    '.github/actions/setup/action.yml': composite('', 'run: python -m venv .venv', 'run: source .venv/bin/activate', 'run: pip install -r requirements.txt'),
    '.github/workflows/a.yml': workflow('uses: ./.github/actions/setup', 'run: echo done'),
    '.github/workflows/b.yml': workflow('uses: ./.github/actions/setup', 'run: echo done'),
  });
  assert.deepEqual(r.findings.map((f) => `${f.code} ${f.path}:${f.line}`), ['VG202 .github/actions/setup/action.yml:7', 'VG201 .github/actions/setup/action.yml:9']);
});

test('a local action that calls another local action, followed; a missing action file assumes nothing', () => {
  const r = checkTree({
    '.github/actions/outer/action.yaml': 'runs:\n  using: composite\n  steps:\n    - uses: ./.github/actions/inner\n',
    '.github/actions/inner/action.yml': composite('', 'run: python -m venv /opt/venv && echo /opt/venv/bin >> $GITHUB_PATH'),
    '.github/workflows/ci.yml': workflow('uses: ./.github/actions/outer', 'run: pip install .', 'uses: ./.github/actions/not-yet-there', 'run: pytest'),
  });
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.problems, []);
  const missing = checkTree({ '.github/workflows/ci.yml': workflow('run: python -m venv .venv', 'uses: ./tools/made-by-a-step', 'run: pip install .') });
  assert.deepEqual(missing.findings.map((f) => `${f.code} ${f.path}:${f.line}`), ['VG201 .github/workflows/ci.yml:8']);
  assert.deepEqual(missing.problems, []);
});

test('local actions calling themselves stop at the depth limit', () => {
  const r = checkTree({
    '.github/actions/loop/action.yml': 'runs:\n  using: composite\n  steps:\n    - uses: ./.github/actions/loop\n',
    '.github/workflows/ci.yml': workflow('uses: ./.github/actions/loop', 'run: echo ok'),
  });
  assert.equal(r.status, 0);
  assert.deepEqual(r.findings, []);
});

test("VIRTUAL_ENV a composite action writes to $GITHUB_ENV: VG205 points at the step that uses it", () => {
  const r = checkTree({
    '.github/actions/venv/action.yml': composite('', 'run: python -m venv /opt/venv', 'run: echo "VIRTUAL_ENV=/opt/venv" >> "$GITHUB_ENV"'),
    '.github/workflows/ci.yml': workflow('uses: actions/checkout@v4', 'uses: ./.github/actions/venv', 'run: pip install -e .'),
  });
  const codes = r.findings.map((f) => `${f.code} ${f.path}:${f.line}`);
  assert.ok(codes.includes('VG205 .github/workflows/ci.yml:7'), codes.join(', '));
  assert.ok(codes.every((c) => !c.includes('action.yml')), codes.join(', '));
});
