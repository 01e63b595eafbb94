// The records the `venvguard run` tracer writes, one JSON object per line, to
// <folder>/records.jsonl (one file for the whole run; each line is written with a
// single os.write on an O_APPEND descriptor, so processes' lines never mix). Shared by the tracer (the Python
// side in sitecustomize.ts and the Node side in launch.ts) and the judge/report.
//
// What the tracer puts in them (beyond the field comments):
// - A pid can have several process records: a process that execs another Python keeps its pid (the
//   later record is what it became), and a child made by os.fork (or multiprocessing's fork start) writes
//   one, with the parent's argv, before its first spawn record.
// - SpawnRecord.cwd is the folder the child starts in: cwd= when given (made absolute), else the parent's.
// - SpawnRecord.path is null when the child's environment (env=) has no PATH.
// - os.execvp* is recorded once, with the name as given (its later PATH tries are not); os.spawn* on
//   POSIX is recorded as os.spawn in the parent; pty.spawn once in the parent; the os.posix_spawn that
//   subprocess makes itself (3.13) is covered by its subprocess.Popen record. os.posix_spawnp records
//   event 'os.posix_spawn' with the bare name (the audit event does not tell the two apart).
// - For subprocess.Popen with shell=True, executable is the shell and args is the command string.
//   os.system: executable null, args the command string, shell true. os.fork: executable null, args [].

export interface StackFrame { file: string; line: number; function: string }

export interface ProcessRecord {
  type: 'process'; pid: number; ppid: number; argv: string[];
  executable: string; prefix: string; basePrefix: string; version: string; // "3.12.1"
  venv: string | null;        // the venv this interpreter is in (sys.prefix when != base prefix, or the pyvenv.cfg folder)
  audit: boolean;             // false on 2.7/3.6/3.7: identity only
  parentArgv: string[] | null; // the parent process's command line (from /proc/<ppid>/cmdline) when known
  path: string;               // os.environ PATH as this process saw it
  time: number;               // epoch seconds
}

export interface SpawnRecord {
  type: 'spawn'; pid: number;
  event: 'subprocess.Popen' | 'os.system' | 'os.exec' | 'os.posix_spawn' | 'os.spawn' | 'os.fork' | 'pty.spawn';
  executable: string | null;  // as passed (may be a bare name)
  args: string[] | string;    // argv list, or the command string for os.system / shell=True
  shell: boolean;
  cwd: string | null;
  path: string | null;        // PATH the child will see (from env= if given, else inherited)
  envPassesTracer: boolean;   // false when env= drops PYTHONPATH/VENVGUARD_TRACE_DIR, or the argv has -I/-E/-S
  stack: StackFrame[];        // innermost last
  callSite: number | null;    // index in stack of the first frame outside the standard library (and outside the tracer)
  time: number;
}

export type TraceRecord = ProcessRecord | SpawnRecord;

export interface TraceResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  records: TraceRecord[];
  folder: string;
  notWatched: string[];       // plain-language reasons tracing could not be installed
}
