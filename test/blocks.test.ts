/**
 * Parse less (src/frontends/python/blocks.ts): which top-level blocks the scan keeps and why, on
 * the lexical cases it must get right, and the same findings (messages, spans, related locations
 * and fixes) with and without it on crafted files where a finding depends on another block.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { check } from '../src/api.js';
import { keptRanges, planBlocks } from '../src/frontends/python/blocks.js';
import { tempDir } from './helpers.js';

/** name → reason (or 'blanked') for each def/class of the plan. */
function reasons(text: string): Record<string, string> | undefined {
  const plan = planBlocks(text);
  if (!plan) return undefined;
  return Object.fromEntries(plan.filter((u) => u.kind !== 'other').map((u) => [u.name, u.reason]));
}

test('blocks: a def/class that cannot matter is blanked; launches, their callers and helpers are kept', () => {
  const src = [
    'import subprocess',
    'def first():',
    '    pass',
    'def unrelated():',
    '    return 1',
    'def cmd():',
    '    return ["python", "x.py"]',
    'def run(c):',
    '    subprocess.run(c)',
    'def main():',
    '    run(cmd())',
    'class Tool:',
    '    def go(self):',
    '        return 2',
    '',
  ].join('\n');
  assert.deepEqual(reasons(src), { first: 'import-insertion', unrelated: 'blanked', cmd: 'defines', run: 'launch', main: 'caller', Tool: 'blanked' });
});

test('blocks: strings, f-strings, comments, brackets and continuations never split a block', () => {
  const src = [
    'import os',
    'def first(): pass',
    'def a():',
    '    s = """',
    'def fake():',
    '    os.system("x")',
    '"""',
    "    t = f'{s!r}' + f\"{ {'k': 1}['k'] }\" \\",
    '"def also_fake(): pass"',
    '    u = (1,',
    'def not_a_def)',
    '    return s',
    '# def commented(): os.system("y")',
    'def b():',
    '    pass',
    '',
  ].join('\n');
  assert.deepEqual(reasons(src), { first: 'import-insertion', a: 'blanked', b: 'blanked' });
});

test('blocks: decorators belong to their def, a def inside a top-level if is a statement, CRLF and form feeds', () => {
  const src = 'import subprocess\r\ndef first(): pass\r\n@deco(\r\n  1)\r\n@other\r\ndef decorated():\r\n    pass\r\nif True:\r\n    def run(c):\r\n        subprocess.run(c)\r\n\x0cdef main():\r\n    run(["pip"])\r\nclass C:\r\n    def m(self):\r\n        pass\r\n';
  assert.deepEqual(reasons(src), { first: 'import-insertion', decorated: 'blanked', main: 'caller', C: 'blanked' });
  const plan = planBlocks(src)!;
  const decorated = plan.find((u) => u.name === 'decorated')!;
  assert.equal(src.slice(decorated.start, decorated.start + 5), '@deco');
  assert.ok(plan.some((u) => u.kind === 'other' && src.slice(u.start).startsWith('if True:')));
});

test('blocks: a method that may wrap a launch makes its callers kept, in any class (the evaluator does not tie self.f() to a class)', () => {
  const src = [
    'import subprocess',
    'def first(): pass',
    'class A:',
    '    def sh(self, c):',
    '        subprocess.run(c, shell=True)',
    '    def other(self):',
    '        pass',
    'class B(A):',
    '    def go(self):',
    '        self.sh("pip install x")',
    'class C:',
    '    def go(self):',
    '        self.other()',
    '',
  ].join('\n');
  assert.deepEqual(reasons(src), { first: 'import-insertion', A: 'launch', B: 'caller', C: 'blanked' });
});

test('blocks: a kept class is planned member by member; its header, body statements and at least one member stay', () => {
  const src = [
    'import subprocess',
    'def first(): pass',
    'class T:',
    '    """Doc."""',
    '    base = ["pip"]',
    '    def setUp(self):',
    '        self.cmd = self.base + ["install"]',
    '    def helper(self):',
    '        return 1',
    '    @property',
    '    def unused(self):',
    '        return self.helper',
    '    def test(self):',
    '        subprocess.run(self.cmd)',
    'class Only:',
    '    def a(self):',
    '        return 1',
    '    def bb(self):',
    '        return 22',
    'def main():',
    '    Only()',
    '    subprocess.run(["python", "m.py"])',
    '',
  ].join('\n');
  const plan = planBlocks(src)!;
  const members = (name: string) =>
    Object.fromEntries(plan.find((u) => u.name === name)!.members!.map((m) => [m.name ?? src.slice(m.start, m.end).trim().split('\n')[0], m.reason]));
  // self.cmd is assigned in setUp; self.helper is never called, so neither helper nor unused is needed.
  assert.deepEqual(members('T'), { T: 'statement', '"""Doc."""': 'statement', 'base = ["pip"]': 'statement', setUp: 'defines', helper: 'blanked', unused: 'blanked', test: 'launch' });
  // Only is kept because main names it; of its methods the smallest stays, so that its body is not empty.
  assert.deepEqual(members('Only'), { Only: 'defines', a: 'class-body', bb: 'blanked' });
  const ranges = keptRanges(src)!;
  const kept = ranges.map((r) => src.slice(r.startIndex, r.endIndex)).join('');
  assert.ok(!kept.includes('def helper') && !kept.includes('def unused') && kept.includes('    def setUp'), kept);
  // Every range starts at a line start, so kept members keep their indentation.
  for (const r of ranges) assert.ok(r.startIndex === 0 || src[r.startIndex - 1] === '\n', JSON.stringify(r));
});

// idlelib/editor.py kept 42 of its 69 KB for one launch in `open_turtle_demo(self, event=None)`:
// its parameter `event` was taken for the class's `self.event` (assigned in right_menu_event), the
// body statement `rmenu = None` for a read of `self.rmenu`, and the body's `from idlelib.undo
// import …` for a read of `self.undo`, each pulling in the methods that assign them, and theirs.
test('blocks: a method reaches its class only through attributes; a body statement\'s targets and imports are not reads', () => {
  const src = [
    'import subprocess',
    'class EditorWindow:',
    '    from idlelib.undo import UndoDelegator',
    '    rmenu = None',
    '    base = ["pip"]',
    '    cmd = base + ["install"]',
    '    def __init__(self, flist=None):',
    '        self.undo = UndoDelegator()',
    '    def right_menu_event(self, event):',
    '        self.event = event',
    '    def make_rmenu(self):',
    '        self.rmenu = object()',
    '    def flags(self):',
    '        self.extra = ["-q"]',
    '    def open_turtle_demo(self, event=None):',
    '        subprocess.run(self.cmd + self.extra)',
    '',
  ].join('\n');
  const plan = planBlocks(src)!;
  const members = Object.fromEntries(plan.find((u) => u.name === 'EditorWindow')!.members!.map((m) => [m.name ?? src.slice(m.start, m.end).trim(), m.reason]));
  assert.equal(members.open_turtle_demo, 'launch');
  // self.extra is read: the method that assigns it is kept.
  assert.equal(members.flags, 'defines');
  // `event` is a parameter, `rmenu` a target, `undo` part of an import's module path: not reads of self.x.
  assert.equal(members.right_menu_event, 'blanked');
  assert.equal(members.make_rmenu, 'blanked');
  assert.equal(members.__init__, 'blanked');
});

test('blocks: top-level statements are kept when they import, lead the file, or bind a name a kept block uses', () => {
  const src = ['"""Doc."""', 'import subprocess', 'X = 1', 'CMD = ["pip", "install"]', 'TABLE = {"a": 1}', 'if True:', '    import json', 'def go():', '    subprocess.run(CMD)', ''].join('\n');
  const plan = planBlocks(src)!;
  const byText = Object.fromEntries(plan.filter((u) => u.kind === 'other').map((u) => [src.slice(u.start, u.end).split('\n')[0], u.reason]));
  assert.deepEqual(byText, { '"""Doc."""': 'statement', 'import subprocess': 'statement', 'X = 1': 'import-insertion', 'CMD = ["pip", "install"]': 'defines', 'TABLE = {"a": 1}': 'blanked', 'if True:': 'statement' });
});

test('blocks: imports inside functions are file-wide; an alias of a launch API marks its users', () => {
  const src = [
    'def first(): pass',
    'def setup():',
    '    import subprocess as sp, json',
    'def uses_json():',
    '    return json.dumps(1)',
    'def go():',
    '    sp.run(["pip"])',
    '',
  ].join('\n');
  // go names only the alias sp; setup defines it (and json, which only uses_json uses).
  assert.deepEqual(reasons(src), { first: 'import-insertion', setup: 'launch', uses_json: 'blanked', go: 'launch' });
});

test('blocks: unbalanced brackets or an unterminated literal: nothing is blanked', () => {
  assert.equal(planBlocks('def a():\n    x = (1,\ndef b():\n    pass\n'), undefined);
  assert.equal(planBlocks('def a():\n    x = """\ndef b():\n    pass\n'), undefined);
  assert.equal(planBlocks('def a():\n    x = "abc\ndef b():\n    pass\n'), undefined);
  assert.equal(keptRanges('import os\n'), undefined, 'nothing to leave out');
});

const CASES: [string, string][] = [
  ["wrapper_other_block", "import subprocess\n\ndef unrelated():\n    return 1\n\ndef run(c):\n    subprocess.run(c)\n\ndef main():\n    run([\"pip\", \"install\", \"x\"])\n"],
  ["helper_returns_argv", "import subprocess\n\ndef cmd():\n    return [\"python\", \"-m\", \"app.server\"]\n\nclass Unrelated:\n    def m(self):\n        return 2\n\ndef go():\n    subprocess.run(cmd())\n"],
  ["import_in_other_function", "def setup():\n    import subprocess as sp\n    return sp\n\ndef unrelated():\n    return 3\n\ndef go():\n    sp.run([\"pip\", \"install\", \"y\"])\n"],
  ["method_wrapper_other_class", "import subprocess\n\nclass A:\n    def sh(self, c):\n        subprocess.run(c, shell=True)\n\nclass Other:\n    def x(self):\n        return 1\n\nclass B(A):\n    def go(self):\n        self.sh(\"pip install x\")\n"],
  ["class_attribute", "import subprocess\n\nclass Unrelated:\n    pass\n\nclass C:\n    cmd = [\"python\", \"x.py\"]\n\n    def go(self):\n        subprocess.run(self.cmd)\n"],
  ["module_constant_from_function", "import subprocess\n\ndef make():\n    return [\"python\", \"y.py\"]\n\ndef unrelated():\n    return make\n\nCMD = make()\n\ndef f():\n    subprocess.run(CMD)\n"],
  ["def_inside_if", "import subprocess\nimport sys\n\nif sys.platform != \"win32\":\n    def run(c):\n        subprocess.run(c)\nelse:\n    def run(c):\n        subprocess.call(c)\n\ndef unrelated():\n    pass\n\ndef main():\n    run([\"pip\", \"install\", \"z\"])\n"],
  ["decorated", "import functools\nimport subprocess\n\ndef deco(f):\n    return f\n\n@deco\n@functools.lru_cache(\n    maxsize=None,\n)\ndef run(c):\n    subprocess.run(c)\n\n@deco\ndef unrelated():\n    pass\n\ndef main():\n    run([\"python\", \"z.py\"])\n"],
  ["crlf", "import subprocess\r\n\r\ndef unrelated():\r\n    return 1\r\n\r\ndef run(c):\r\n    subprocess.run(c)\r\n\r\ndef main():\r\n    run([\"pip\", \"install\", \"q\"])\r\n"],
  ["strings_that_look_like_code", "import subprocess\n\nDOC = \"\"\"\ndef fake():\n    subprocess.run([\"pip\"])\nclass X:\n\"\"\"\n\ndef unrelated():\n    s = '''\ndef run(c):\n'''\n    return s\n\ndef main():\n    subprocess.run([\"python\", \"w.py\"])\n"],
  ["continuations", "import subprocess\n\ndef unrelated():\n    x = 1 + \\\n2\n    return x\n\nPROG = \"py\" \\\n\"thon\"\n\ndef main():\n    subprocess.run([PROG, \"u.py\"])\n"],
  ["fstring_helper", "import subprocess\n\ndef exe():\n    return \"python\"\n\ndef unrelated():\n    return f\"{exe} {{not a field}}\"\n\ndef main():\n    subprocess.run(f\"{exe()} t.py\", shell=True)\n"],
  ["python2_print_elsewhere", "import os\n\ndef unrelated():\n    print \"hello\"\n\ndef main():\n    os.system(\"python s.py\")\n"],
  ["import_insertion", "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\nimport os\n\ndef helper():\n    return 1\n\nimport subprocess\n\ndef unrelated():\n    pass\n\ndef main():\n    subprocess.run([\"python\", \"r.py\"])\n"],
  ["alias_import", "from subprocess import run as launch\nimport os\n\ndef unrelated():\n    return os.getcwd()\n\ndef main():\n    launch([\"pip\", \"install\", \"p\"])\n"],
  ["non_ascii_names", "import subprocess\n\ndef café():\n    return [\"python\", \"o.py\"]\n\ndef unrelated():\n    pass\n\ndef main():\n    subprocess.run(café())\n"],
  ["form_feed", "import subprocess\n\f\ndef unrelated():\n    pass\n\fX = [\"pip\", \"install\", \"n\"]\n\ndef main():\n    subprocess.run(X)\n"],
  ["async_wrapper", "import asyncio\n\nasync def run(*args):\n    await asyncio.create_subprocess_exec(*args)\n\ndef unrelated():\n    pass\n\nasync def main():\n    await run(\"pip\", \"install\", \"m\")\n"],
  ["nested_def_wrapper", "import subprocess\n\ndef outer():\n    def inner(c):\n        subprocess.run(c)\n    return inner\n\ndef unrelated():\n    pass\n\ndef main():\n    inner([\"pip\", \"install\", \"l\"])\n"],
  ["env_from_helper", "import os\nimport subprocess\n\ndef make_env():\n    env = os.environ.copy()\n    env[\"PATH\"] = \"/opt/bin\"\n    return env\n\ndef unrelated():\n    pass\n\ndef main():\n    subprocess.run([\"pip\", \"install\", \"k\"], env=make_env())\n"],
  ["class_name_shadow", "import subprocess\n\nclass subprocess_helper:\n    pass\n\ndef unrelated():\n    pass\n\ndef main():\n    subprocess.run([\"python\", \"j.py\"])\n"],
  ["else_col0_after_try", "import subprocess\ntry:\n    import json\nexcept ImportError:\n    json = None\nelse:\n    pass\nfinally:\n    pass\n\ndef unrelated():\n    pass\n\ndef main():\n    subprocess.run([\"pip\", \"install\", \"g\"])\n"],
  ["global_rebind", "import subprocess\n\ndef configure():\n    global PROG\n    PROG = \"python\"\n\nPROG = \"pip\"\n\ndef unrelated():\n    pass\n\ndef main():\n    subprocess.run([PROG, \"install\"])\n"],
  ["semicolon_import", "import os; import subprocess as sp\n\ndef unrelated():\n    return os.sep\n\ndef main():\n    sp.run([\"pip\", \"install\", \"f\"])\n"],
  ["paren_import", "from subprocess import (\n    PIPE,\n    run as go,\n)\n\ndef unrelated():\n    pass\n\ndef main():\n    go([\"python\", \"e.py\"], stdout=PIPE)\n"],
  ["self_method_returns_argv", "import subprocess\n\nclass Tool:\n    def argv(self):\n        return [\"pip\", \"install\", \"d\"]\n\n    def unused(self):\n        pass\n\n    def go(self):\n        subprocess.run(self.argv())\n\nclass Other:\n    def argv(self):\n        return [\"ls\"]\n"],
  ["lambda_top_level", "import subprocess\n\nrun = lambda c: subprocess.run(c)\n\ndef unrelated():\n    pass\n\ndef main():\n    run([\"pip\", \"install\", \"c\"])\n"],
  ["member_attr_from_setup", "import subprocess\n\nclass T:\n    def setUp(self):\n        self.cmd = [\"pip\", \"install\", \"x\"]\n\n    def unrelated(self):\n        self.other = 1\n\n    def test(self):\n        subprocess.run(self.cmd)\n"],
  ["member_annotated_and_augmented", "import subprocess\n\nclass T:\n    def a(self):\n        self.argv: list = [\"pip\"]\n\n    def b(self):\n        self.argv += [\"install\", \"y\"]\n\n    def unrelated(self):\n        return 3\n\n    def go(self):\n        subprocess.run(self.argv)\n"],
  ["member_wrapper_same_class", "import subprocess\n\nclass A:\n    def sh(self, c):\n        subprocess.run(c)\n\n    def unrelated(self):\n        pass\n\n    def go(self):\n        self.sh([\"pip\", \"install\", \"w\"])\n"],
  ["member_static_argv", "import subprocess\n\nclass A:\n    @staticmethod\n    def argv():\n        return [\"python\", \"v.py\"]\n\n    @property\n    def unrelated(self):\n        return 1\n\n    def go(self):\n        subprocess.run(self.argv())\n"],
  ["member_nested_class", "import subprocess\n\nclass Outer:\n    class Inner:\n        def go(self):\n            subprocess.run([\"pip\", \"install\", \"u\"])\n\n    def unrelated(self):\n        pass\n"],
  ["member_import_in_method", "class C:\n    def setup(self):\n        import subprocess as sp\n\n    def unrelated(self):\n        pass\n\n    def go(self):\n        sp.run([\"pip\", \"install\", \"t\"])\n"],
  ["member_module_helper", "import subprocess\n\ndef argv():\n    return [\"pip\", \"install\", \"s\"]\n\ndef unrelated_helper():\n    return 1\n\nclass C:\n    def unrelated(self):\n        return unrelated_helper()\n\n    def go(self):\n        subprocess.run(argv())\n"],
  ["member_defines_only_class", "import subprocess\n\nclass Helper:\n    def a(self):\n        return 1\n\n    def b(self):\n        return 22\n\ndef main():\n    h = Helper()\n    subprocess.run([\"python\", \"r.py\"])\n"],
  ["member_if_else_in_body", "import subprocess\nimport sys\n\nclass C:\n    if sys.platform == \"win32\":\n        def run(self, c):\n            subprocess.call(c)\n    else:\n        def run(self, c):\n            subprocess.run(c)\n\n    def unrelated(self):\n        pass\n\n    def go(self):\n        self.run([\"pip\", \"install\", \"q\"])\n"],
  ["member_strings_like_members", "import subprocess\n\nclass C:\n    DOC = \"\"\"\n    def fake(self):\n        subprocess.run([\"pip\"])\n    \"\"\"\n\n    def unrelated(self):\n        s = '''\n    def go(self):\n'''\n        return s\n\n    def go(self):\n        subprocess.run([\"python\", \"p.py\"])\n"],
  ["member_crlf_class_first", "\"\"\"Doc.\"\"\"\r\nimport os\r\n\r\nclass C:\r\n    \"\"\"Class doc.\"\"\"\r\n\r\n    def unrelated(self):\r\n        pass\r\n\r\n    def go(self):\r\n        os.system(\"python o.py\")\r\n"],
  ["member_classmethod_cls_attr", "import subprocess\n\nclass C:\n    @classmethod\n    def configure(cls):\n        cls.tool = \"pip\"\n\n    def unrelated(self):\n        pass\n\n    @classmethod\n    def go(cls):\n        subprocess.run([cls.tool, \"install\", \"n\"])\n"],
  ["member_caller_of_module_wrapper", "import subprocess\n\ndef run(c):\n    subprocess.run(c)\n\nclass C:\n    def unrelated(self):\n        pass\n\n    def go(self):\n        run([\"pip\", \"install\", \"m\"])\n"],
  ["member_param_named_like_attribute", "import subprocess\n\nclass W:\n    rmenu = None\n    from idlelib import undo\n\n    def __init__(self, event=None):\n        self.event = event\n        self.rmenu = []\n        self.undo = 1\n\n    def go(self, event=None):\n        subprocess.run([\"pip\", \"install\", event])\n"],
  ["shell_string_fix", "import os\nimport subprocess\n\ndef unrelated():\n    return 1\n\ndef main():\n    os.system(\"cd /tmp && python b.py\")\n    subprocess.run(\"pip install a\", shell=True)\n"],
];

type Diag = Awaited<ReturnType<typeof check>>['diagnostics'][number];
const full = (d: Diag) => JSON.stringify({ path: d.path, code: d.code, message: d.message, span: d.span, related: d.related, fix: d.fix });

test('blocks: the same findings, fixes and related locations with and without parsing less', async () => {
  const dir = tempDir();
  for (const [name, text] of CASES) fs.writeFileSync(path.join(dir, `${name}.py`), text);
  const less = await check({ paths: [dir], cwd: dir, noConfig: true });
  const all = await check({ paths: [dir], cwd: dir, noConfig: true, noPrefilter: true });
  assert.deepEqual(less.diagnostics.map(full), all.diagnostics.map(full));
  assert.deepEqual(less.problems, all.problems);
  const flagged = new Set(all.diagnostics.map((d) => d.path));
  assert.ok(flagged.size >= 34, `most cases are findings: ${[...flagged].join(', ')}`);
  // The cases exercise the blanking: in most of them something is left out.
  const blanked = CASES.filter(([, text]) => keptRanges(text) !== undefined);
  assert.ok(blanked.length >= 28, `only ${blanked.length} cases blank anything`);
});

test('blocks: a syntax error in a blanked block goes unreported; one in a kept block is reported as for the whole file', async () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'blanked.py'), 'import subprocess\ndef first(): pass\ndef broken():\n    x = = 1\ndef main():\n    subprocess.run(["python", "x.py"])\n');
  fs.writeFileSync(path.join(dir, 'kept.py'), 'import subprocess\ndef first(): pass\ndef other():\n    pass\ndef main():\n    subprocess.run(["python", "x.py"]) +\n');
  const less = await check({ paths: [dir], cwd: dir, noConfig: true });
  const all = await check({ paths: [dir], cwd: dir, noConfig: true, noPrefilter: true });
  assert.deepEqual(less.diagnostics.map(full), all.diagnostics.map(full));
  assert.deepEqual(less.problems.map((p) => p.path), ['kept.py']);
  assert.deepEqual(all.problems.map((p) => p.path), ['blanked.py', 'kept.py']);
  assert.deepEqual(less.problems[0], all.problems[1]);
});
