/**
 * A file that looks a console script up on PATH itself (`shutil.which("tensorboard")`, the default
 * policy's `looked-up` signal, src/judge/policy.ts) treats it as a program of PATH: its launches of
 * that script are held back from VG103 and shown by VG106. Real case: kohya_ss's
 * kohya_gui/class_tensorboard.py shows its TensorBoard button only when `shutil.which("tensorboard")`
 * finds one, then starts `tensorboard` by name (reviewed false in the corpus). Another name looked
 * up, a look-up inside a function (test/rules/python-intent.test.ts: "checked in another
 * function"), or python and pip (that PATH has one says nothing of its environment) hold nothing.
 */
import { barePip } from '../../src/rules/bare-pip.js';
import { bareConsoleScript } from '../../src/rules/bare-console-script.js';
import { pathReliantLaunch } from '../../src/rules/path-reliant-launch.js';
import { testRule } from '../rule-tester.js';

const KOHYA = (looked: string) => `import shutil
import subprocess

visibility = bool(shutil.which("${looked}"))


class TensorboardManager:
    def start(self, logging_dir):
        run_cmd = ["tensorboard", "--logdir", logging_dir, "--port", "6006"]
        self.proc = subprocess.Popen(run_cmd)
`;

testRule(bareConsoleScript, {
  label: 'looked up',
  valid: [{ name: 'kohya_ss: the button shows only when which("tensorboard") finds it (held: VG106)', code: KOHYA('tensorboard') }],
  invalid: [
    {
      name: 'another program looked up',
      code: KOHYA('nvidia-smi'),
      errors: [{ line: 10, messageId: 'runModule' }],
      output: null,
      unsafeOutput: KOHYA('nvidia-smi').replace('run_cmd = ["tensorboard",', 'run_cmd = [sys.executable, "-m", "tensorboard",').replace('import subprocess\n', 'import subprocess\nimport sys\n'),
    },
  ],
});

testRule(barePip, {
  label: 'looked up',
  valid: [],
  invalid: [
    {
      name: 'pip looked up is still pip of some environment',
      code: 'import shutil, subprocess, sys\nif shutil.which("pip"):\n    print("found")\nsubprocess.run(["pip", "install", "x"])\n',
      errors: [{ line: 4, messageId: 'barePip' }],
      output: null,
      unsafeOutput: 'import shutil, subprocess, sys\nif shutil.which("pip"):\n    print("found")\nsubprocess.run([sys.executable, "-m", "pip", "install", "x"])\n',
    },
  ],
});

testRule(pathReliantLaunch, {
  label: 'looked up',
  valid: [],
  invalid: [
    {
      name: 'held, with the reason and the line',
      code: KOHYA('tensorboard'),
      errors: [{ line: 10, messageId: 'held', data: { tool: 'console script', reason: 'this file looks "tensorboard" up on PATH itself (line 4), so it means the one PATH has' } }],
      output: null,
      unsafeOutput: null,
    },
  ],
});
