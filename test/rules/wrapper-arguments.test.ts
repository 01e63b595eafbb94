/**
 * Issue 12: every wrapper the README says is followed is followed when its own arguments are
 * computed by the program (`str(n)`, an f-string, `"%d" % n`, `sys.argv[1]`, a parameter), not only
 * when they are literals: the program after the wrapper is judged either way. One case per
 * wrapper (and per argument it takes), each its own file so that no file-level signal interferes.
 */
import { barePythonInterpreter } from '../../src/rules/bare-python-interpreter.js';
import { testRule } from '../rule-tester.js';

const fn = (body: string) => `import os\nimport subprocess\nimport sys\n\n\ndef launch(n, level, user, cpu, script):\n    ${body}\n`;
const LINE = 7;

/** [wrapper, how its computed argument is written]: each launches "python" after the wrapper. */
const CASES: [string, string][] = [
  ['timeout str(n)', 'subprocess.run(["timeout", str(n), "python", "job.py"])'],
  ['timeout f-string', 'subprocess.run(["timeout", f"{n}s", "python", "job.py"])'],
  ['timeout "%d" %', 'subprocess.run(["timeout", "%d" % n, "python", "job.py"])'],
  ['timeout sys.argv[1]', 'subprocess.run(["timeout", sys.argv[1], "python", "job.py"])'],
  ['timeout -k computed', 'subprocess.run(["timeout", "-k", str(n), "30", "python", "job.py"])'],
  ['timeout in a shell string', 'os.system(f"timeout {n} python job.py")'],
  ['nice -n level', 'subprocess.run(["nice", "-n", level, "python", "job.py"])'],
  ['nice -n glued', 'subprocess.run(["nice", f"-n{level}", "python", "job.py"])'],
  ['nice in a shell string', 'os.system("nice -n %d python job.py" % level)'],
  ['nohup with a computed script', 'subprocess.Popen(["nohup", "python", script])'],
  ['env NAME=computed', 'subprocess.run(["env", f"LEVEL={level}", "python", "job.py"])'],
  ['sudo -u user', 'subprocess.run(["sudo", "-u", user, "python", "job.py"])'],
  ['sudo -u "$user" in a shell string', 'os.system(f\'sudo -u "{user}" python job.py\')'],
  ['exec -a computed', 'os.system(f"exec -a {script} python job.py")'],
  ['xargs -n computed', 'os.system(f"ls | xargs -n {n} python job.py")'],
  ['bash -lc with a computed script', 'subprocess.run(["bash", "-lc", f"python {script}"])'],
  ['sh -c with a computed script', 'subprocess.run(["sh", "-c", "python " + script])'],
  ['gosu user', 'subprocess.run(["gosu", user, "python", "job.py"])'],
  ['su-exec user', 'subprocess.run(["su-exec", user, "python", "job.py"])'],
  ['taskset mask', 'subprocess.run(["taskset", cpu, "python", "job.py"])'],
  ['chrt priority', 'subprocess.run(["chrt", "-f", str(level), "python", "job.py"])'],
  ['ionice -c class', 'subprocess.run(["ionice", "-c", level, "python", "job.py"])'],
  ['stdbuf -o mode', 'subprocess.run(["stdbuf", "-o", level, "python", "job.py"])'],
  ['flock file', 'subprocess.run(["flock", script + ".lock", "python", "job.py"])'],
  ['runuser -u user', 'subprocess.run(["runuser", "-u", user, "--", "python", "job.py"])'],
  ['doas -u user', 'subprocess.run(["doas", "-u", user, "python", "job.py"])'],
  ['time -o file', 'subprocess.run(["time", "-o", script, "python", "job.py"])'],
];

testRule(barePythonInterpreter, {
  label: 'wrappers with computed arguments',
  valid: [
    { name: 'nice -n level then sys.executable', code: fn('subprocess.run(["nice", "-n", level, sys.executable, "job.py"])') },
    { name: 'timeout str(n) then sys.executable', code: fn('subprocess.run(["timeout", str(n), sys.executable, "job.py"])') },
    // An unknown word where nohup's program goes may be any program: nothing to judge.
    { name: 'nohup with a computed program', code: fn('subprocess.run(["nohup", script, "python"])') },
    // env's first operand computed: NAME=VALUE or the program, nobody can tell.
    { name: 'env with a computed first operand', code: fn('subprocess.run(["env", script, "python"])') },
  ],
  invalid: CASES.map(([name, body]) => ({ name, code: fn(body), errors: [{ line: LINE, messageId: 'bareInterpreter' as const }] })),
});
