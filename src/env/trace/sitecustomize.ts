/**
 * The Python side of `venvguard run`: the texts of the `sitecustomize.py` (a small loader), of the
 * tracer's body (`venvguard-tracer.py`) and of its spawn half (`venvguard-spawn.py`, loaded on the first
 * process-starting event; neither is importable by name) that launch.ts writes into the run's private
 * folder (first on PYTHONPATH). Kept as strings so they ship in dist/ with no copy step.
 *
 * It must run unchanged on Python 2.7 and 3.6–3.13, so it uses only what all of them have (no f-strings,
 * no `nonlocal`, `u''` literals for text). What it does, in every Python process that loads it:
 *  - writes a `process` record (who am I: pid, ppid, argv from /proc, sys.executable, prefixes, venv);
 *  - on 3.8+ adds a PEP 578 audit hook that writes a `spawn` record for each process-starting event,
 *    with the Python stack; 2.7/3.6/3.7 have no audit hooks and write identity only (`audit: false`);
 *  - loads the `sitecustomize` it shadows, so a program (or a distribution) that ships one keeps it
 *    (SITECUSTOMIZE_SOURCE, below).
 * Records (src/env/trace/records.ts) go one JSON line per `os.write` to <VENVGUARD_TRACE_DIR>/records.jsonl,
 * which launch.ts creates empty: every process appends to that one file, opened O_APPEND for each record
 * and closed again (no descriptor is kept that the program could close or reuse). An O_APPEND write to a
 * local file lands whole after the others, and appending to a file that exists costs a fraction of
 * creating one per process (the largest part of the tracer's start-up cost when each had its own). Nothing is ever written to the program's streams, and every hook body is guarded: a failure to
 * record is dropped, never raised into the program. Imports only modules the interpreter has already
 * loaded by the time `site` runs (os, sys), so starting Python costs a few file operations more.
 *
 * The audit events and their arguments, checked on 3.8.18–3.13.0 (the same on all of them):
 *   subprocess.Popen (executable, args, cwd, env) — for shell=True, args is [shell, '-c', command];
 *     3.13 also raises os.posix_spawn from inside subprocess for the same start (dropped here);
 *   os.system (command: bytes); os.exec (path: bytes when reached through os._execvpe, args, env) —
 *     os.execvp* raises it once per PATH entry it tries, so only the first try is kept, with the bare name;
 *   os.posix_spawn (path, argv, env) — also for os.posix_spawnp, with the name as given;
 *   os.fork () — os.spawn*() on POSIX is os._spawnvef (fork, then exec in the child), recorded in the
 *     parent as os.spawn with its file/args/env; os.spawn (mode, path, args, env) itself is Windows-only;
 *   pty.spawn (argv) — then os.forkpty and an exec in the child, which are dropped.
 * multiprocessing's spawn/forkserver start Python through _posixsubprocess with no audit event: those
 * children report themselves with their process record (ppid, parentArgv).
 */
export const TRACER_SOURCE = String.raw`# venvguard run: the tracer's body, run by sitecustomize.py in its own globals (compiled once per
# interpreter version and cached in this folder, whatever PYTHONDONTWRITEBYTECODE says).
import os
import sys

_G = globals()
_DIR = os.environ.get('VENVGUARD_TRACE_DIR')
_HERE = os.path.dirname(os.path.abspath(__file__))
_PY3 = sys.version_info[0] >= 3
_TEXT = str if _PY3 else unicode  # noqa: F821 (Python 2 only; not evaluated on 3)
_AUDIT = hasattr(sys, 'addaudithook')
_RECORDS = os.path.join(_DIR or '', 'records.jsonl')
_EVENTS = frozenset(['subprocess.Popen', 'os.system', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.fork', 'pty.spawn'])
_state = {'pid': None, 'execvpe': None, 'esc': None, 'stdlib': None}


def _s(v):
    """Any path-like or string as text (bytes decoded the way os.fsdecode does)."""
    if v is None:
        return None
    if isinstance(v, _TEXT):
        return v
    if isinstance(v, bytes):
        if _PY3:
            return os.fsdecode(v)
        return v.decode('utf-8', 'replace')
    fspath = getattr(os, 'fspath', None)
    if fspath is not None:
        try:
            return _s(fspath(v))
        except TypeError:
            pass
    return _TEXT(v)


def _q(s):
    # Lone surrogates (undecodable bytes in a file name) are escaped when the line is encoded.
    esc = _state['esc']
    if esc is None:
        esc = {0x22: u'\\"', 0x5c: u'\\\\'}
        for i in range(0x20):
            esc[i] = u'\\u%04x' % i
        _state['esc'] = esc
    return u'"' + s.translate(esc) + u'"'


def _j(v):
    if v is None:
        return u'null'
    if v is True:
        return u'true'
    if v is False:
        return u'false'
    if isinstance(v, float):
        return _TEXT(repr(v))
    if isinstance(v, int) or (not _PY3 and isinstance(v, long)):  # noqa: F821
        return _TEXT(int(v))
    if isinstance(v, dict):
        return u'{' + u','.join([_q(_s(k)) + u':' + _j(x) for k, x in v.items()]) + u'}'
    if isinstance(v, (list, tuple)):
        return u'[' + u','.join([_j(x) for x in v]) + u']'
    return _q(_s(v))


def _emit(rec):
    fd = os.open(_RECORDS,
                 os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, 'O_CLOEXEC', 0), 0o600)
    try:
        data = (_j(rec) + u'\n').encode('utf-8', 'backslashreplace')
        while data:
            n = os.write(fd, data)
            data = data[n:]
    finally:
        os.close(fd)


def _write(rec):
    pid = os.getpid()
    if _state['pid'] != pid:
        # The first record of this process: a process started from a fork (os.fork, multiprocessing's fork
        # start) says who it is before its first spawn.
        _state['pid'] = pid
        if rec['type'] != 'process':
            _emit(_identity())
    _emit(rec)


def _cmdline(pid):
    try:
        fd = os.open('/proc/%s/cmdline' % pid, os.O_RDONLY)
    except Exception:
        return None
    try:
        chunks = []
        while True:
            b = os.read(fd, 65536)
            if not b:
                break
            chunks.append(b)
    finally:
        os.close(fd)
    data = b''.join(chunks)
    if not data:
        return None
    if data.endswith(b'\0'):
        data = data[:-1]
    return [_s(x) for x in data.split(b'\0')]


def _venv(prefix, base):
    if prefix != base:
        return prefix
    exe = sys.executable
    if exe:
        for d in (os.path.dirname(os.path.dirname(exe)), os.path.dirname(exe)):
            if os.path.isfile(os.path.join(d, 'pyvenv.cfg')):
                return d
    return None


def _identity():
    import time
    argv = _cmdline('self')
    if argv is None:
        argv = list(getattr(sys, 'orig_argv', None) or ([sys.executable] + list(getattr(sys, 'argv', []))))
    ppid = os.getppid()
    prefix = sys.prefix
    base = getattr(sys, 'base_prefix', None) or getattr(sys, 'real_prefix', None) or prefix
    return {
        'type': 'process', 'pid': os.getpid(), 'ppid': ppid, 'argv': argv,
        'executable': sys.executable or u'', 'prefix': prefix, 'basePrefix': base,
        'version': u'%d.%d.%d' % tuple(sys.version_info[:3]), 'venv': _venv(prefix, base),
        'audit': _AUDIT, 'parentArgv': _cmdline(ppid), 'path': os.environ.get('PATH', u''),
        'time': time.time(),
    }


def _on(event, args):
    # The spawn half of the tracer (SPAWN_SOURCE), compiled and cached like this one, loaded on the first
    # process-starting event: most processes start none and never pay for it. It replaces this _on.
    exec(_venvguard_code(_HERE, 'venvguard-spawn'), _G)
    _G['_on'](event, args)


def _hook(event, args, _events=_EVENTS):
    # Called for every audit event of the process (imports, opens, compiles …): the test comes first,
    # on a local name.
    if event in _events:
        try:
            _on(event, args)
        except Exception:
            pass


if _DIR:
    try:
        _write(_identity())
        if _AUDIT:
            sys.addaudithook(_hook)
    except Exception:
        pass
`;

/**
 * The tracer's spawn half (`venvguard-spawn.py`): what a process needs only once it starts another one —
 * the event's program, arguments, environment and the Python stack that asked for it. Run in the tracer's
 * globals by its `_on` on the first process-starting event, so the many processes that start nothing
 * (the leaves of a process tree) never load it. Same constraints as TRACER_SOURCE (2.7 and 3.6–3.13).
 */
export const SPAWN_SOURCE = String.raw`# venvguard run: the tracer's spawn half, run in the tracer's globals on the first spawn event.
def _is_stdlib(filename):
    if filename.startswith('<frozen '):
        return True
    dirs = _state['stdlib']
    if dirs is None:
        dirs = []
        for mod in ('os', 'site'):
            f = getattr(sys.modules.get(mod), '__file__', None)
            if f:
                d = os.path.dirname(os.path.abspath(f)) + os.sep
                if d not in dirs:
                    dirs.append(d)
        _state['stdlib'] = dirs
    for d in dirs:
        if filename.startswith(d):
            rest = filename[len(d):]
            return not (rest.startswith('site-packages') or rest.startswith('dist-packages'))
    return False


def _frames():
    """The Python frames that led here, outermost first, without the tracer's own."""
    out = []
    f = sys._getframe(1)
    while f is not None:
        if f.f_globals is not _G:
            out.append(f)
        f = f.f_back
    out.reverse()
    return out


def _where(f):
    return (f.f_globals.get('__name__'), f.f_code.co_name)


def _get(env, name):
    try:
        v = env.get(name)
        if v is None and _PY3:
            v = env.get(name.encode('ascii'))
        return _s(v)
    except Exception:
        return None


def _is_python(word):
    b = os.path.basename(word)
    for n in ('python', 'pypy'):
        if b.startswith(n) and b[len(n):].strip('0123456789.') == '':
            return True
    return False


def _assignment_drops(word):
    """NAME=value before a command (shell or env): does it take our variables away?"""
    name, _, value = word.partition('=')
    if name == 'VENVGUARD_TRACE_DIR':
        return value != _DIR
    if name == 'PYTHONPATH':
        return _HERE not in value.split(os.pathsep)
    return False


def _python_flags_scrub(words):
    """Interpreter options before the script, -c or -m: does one of them keep site or PYTHONPATH away?"""
    i = 0
    while i < len(words):
        o = words[i]
        if o == '--' or o == '-' or not o.startswith('-') or o.startswith('--'):
            return False
        for k, ch in enumerate(o[1:]):
            if ch in 'IES':
                return True
            if ch in 'cm':
                return False
            if ch in 'WX':
                if k == len(o) - 2:
                    i += 1  # the argument is the next word
                break
        i += 1
    return False


def _scrubs(words):
    """Does this argv start a Python that will not load us (-I/-E/-S, env -i, a PYTHONPATH without us)?"""
    i = 0
    n = len(words)
    while i < n:
        w = words[i]
        if '=' in w and not w.startswith('-') and '/' not in w.partition('=')[0]:
            if _assignment_drops(w):
                return True
            i += 1
            continue
        if os.path.basename(w) == 'env':
            i += 1
            while i < n and (words[i].startswith('-') or '=' in words[i]):
                o = words[i]
                if o in ('-', '-i', '--ignore-environment') or (o.startswith('-') and not o.startswith('--') and 'i' in o[1:]):
                    return True
                if o in ('-u', '--unset') and i + 1 < n and words[i + 1] in ('PYTHONPATH', 'VENVGUARD_TRACE_DIR'):
                    return True
                if '=' in o and not o.startswith('-') and _assignment_drops(o):
                    return True
                i += 1
            continue
        return _is_python(w) and _python_flags_scrub(words[i + 1:])
    return False


def _command_scrubs(command):
    """The same question for a shell command line: each simple command, split on blanks."""
    text = command
    for sep in ('&&', '||', ';', '|', '\n', '(', ')', '&', chr(96)):
        text = text.replace(sep, '\0')
    for part in text.split('\0'):
        words = [w.strip('"' + "'") for w in part.split()]
        if words and _scrubs(words):
            return True
    return False


def _passes(env, words, command):
    if env is not None:
        if _get(env, 'VENVGUARD_TRACE_DIR') != _DIR:
            return False
        pp = _get(env, 'PYTHONPATH')
        if pp is None or _HERE not in [os.path.abspath(p) if p else p for p in pp.split(os.pathsep)]:
            return False
    if command is not None:
        return not _command_scrubs(command)
    return not _scrubs(words)


def _cwd(cwd):
    try:
        here = os.getcwd()
    except Exception:
        here = None
    cwd = _s(cwd)
    if cwd is None:
        return here
    if here is not None and not os.path.isabs(cwd):
        return os.path.join(here, cwd)
    return cwd


def _path_of(env):
    if env is None:
        return os.environ.get('PATH')
    return _get(env, 'PATH')


def _on(event, args):
    frames = _frames()
    inner = _where(frames[-1]) if frames else (None, None)
    shell = False
    command = None
    env = None
    cwd = None
    if event == 'subprocess.Popen':
        executable, argv, cwd, env = args[0], [_s(a) for a in args[1]], args[2], args[3]
        loc = frames[-1].f_locals if frames and inner[1] == '_execute_child' else {}
        if loc.get('shell') and len(argv) >= 3:
            shell = True
            command = argv[2]
        words = argv
    elif event == 'os.system':
        executable, command, shell = None, _s(args[0]), True
        words = None
    elif event == 'os.exec':
        for f in frames:
            w = _where(f)
            if w == ('os', '_spawnvef') or w == ('pty', 'spawn'):
                return  # recorded in the parent as os.spawn / pty.spawn
        executable, words, env = args[0], [_s(a) for a in args[1]], args[2]
        if inner == ('os', '_execvpe'):
            f = frames[-1]
            if _state['execvpe'] is f:
                return  # the next PATH entry of the same execvp: its first try is recorded
            _state['execvpe'] = f
            executable = f.f_locals.get('file', executable)
            env = f.f_locals.get('env')
    elif event == 'os.posix_spawn':
        if inner[0] == 'subprocess':
            return  # subprocess's own posix_spawn (3.13): the subprocess.Popen record covers it
        executable, words, env = args[0], [_s(a) for a in args[1]], args[2]
    elif event == 'os.fork':
        for f in frames:
            w = _where(f)
            if w == ('pty', 'spawn'):
                return
            if w == ('os', '_spawnvef'):
                loc = f.f_locals
                event = 'os.spawn'
                executable, words, env = loc.get('file'), [_s(a) for a in loc.get('args') or []], loc.get('env')
                break
        else:
            executable, words = None, []
    elif event == 'pty.spawn':
        argv = args[0]
        words = [_s(argv)] if isinstance(argv, (bytes, _TEXT)) else [_s(a) for a in argv]
        executable = words[0] if words else None
    else:  # os.spawn (Windows)
        executable, words, env = args[1], [_s(a) for a in args[2]], args[3]
    import time
    stack = [{'file': _s(f.f_code.co_filename), 'line': f.f_lineno, 'function': _s(f.f_code.co_name)} for f in frames[-100:]]
    call_site = None
    for i in range(len(stack) - 1, -1, -1):
        if not _is_stdlib(stack[i]['file']):
            call_site = i
            break
    _write({
        'type': 'spawn', 'pid': os.getpid(), 'event': event, 'executable': _s(executable),
        'args': command if shell else words, 'shell': shell, 'cwd': _cwd(cwd), 'path': _s(_path_of(env)),
        'envPassesTracer': _passes(env, words, command if shell else None),
        'stack': stack, 'callSite': call_site, 'time': time.time(),
    })
`;

/**
 * The sitecustomize.py itself: small, and compiled once per interpreter version in the folder (its
 * first process writes the bytecode, which the later ones read even under PYTHONDONTWRITEBYTECODE,
 * common in containers: compiling it from source cost each process 2-3 ms). It runs the tracer's body from a code object cached
 * per interpreter version in the folder (compiled from venvguard-tracer.py on first use, written under
 * a temporary name and renamed, so concurrent first starts never read half a file), then loads the
 * sitecustomize it shadows: it takes its own folder off sys.path and imports `sitecustomize` again, as
 * site would have; the module found (or this one, when there is none) is what `import sitecustomize`
 * gives the program. This module stays alive as `_venvguard_trace` (Python 2 clears the globals of a
 * module that is freed, and the audit hook needs them); a second import of it in the same process does
 * nothing.
 */
export const SITECUSTOMIZE_SOURCE = String.raw`# Written by venvguard run (the tracer); removed when the run ends. Loads the sitecustomize it shadows.
import os
import sys


def _venvguard_code(here, name='venvguard-tracer'):
    import marshal
    tag = getattr(getattr(sys, 'implementation', None), 'cache_tag', None) or 'py%d%d' % sys.version_info[:2]
    cache = os.path.join(here, '%s.%s-%x.code' % (name, tag, sys.hexversion))
    try:
        with open(cache, 'rb') as f:
            return marshal.loads(f.read())
    except Exception:
        pass
    source = os.path.join(here, name + '.py')
    with open(source, 'rb') as f:
        code = compile(f.read(), source, 'exec')
    try:
        tmp = '%s.%d.tmp' % (cache, os.getpid())
        with open(tmp, 'wb') as f:
            f.write(marshal.dumps(code))
        os.rename(tmp, cache)
    except Exception:
        pass
    return code


def _venvguard_chain(here):
    me = sys.modules.get('sitecustomize')
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    sys.modules.pop('sitecustomize', None)
    try:
        import sitecustomize  # noqa: F401 (the shadowed one, found on the rest of sys.path)
    except ImportError as e:
        name = getattr(e, 'name', None)
        if name == 'sitecustomize' or (name is None and str(e) == 'No module named sitecustomize'):
            sys.modules['sitecustomize'] = me
            return
        raise


def _venvguard_bytecode():
    # This file's bytecode, for the next processes of this Python, which read it even where none is
    # written (PYTHONDONTWRITEBYTECODE, -B): compiling it from source cost each traced process 2-3 ms.
    src = os.path.abspath(__file__)
    if not src.endswith('.py'):
        return  # Python 2 loaded it from its .pyc
    cached = globals().get('__cached__') or src + 'c'
    if os.path.exists(cached):
        return
    import py_compile
    tmp = '%s.%d.tmp' % (cached, os.getpid())
    mode = getattr(py_compile, 'PycInvalidationMode', None)
    if mode is not None:
        py_compile.compile(src, cfile=tmp, doraise=True, invalidation_mode=mode.TIMESTAMP)
    else:
        py_compile.compile(src, cfile=tmp, doraise=True)
    os.rename(tmp, cached)


if '_venvguard_trace' not in sys.modules:
    sys.modules['_venvguard_trace'] = sys.modules.get('sitecustomize')
    if os.environ.get('VENVGUARD_TRACE_DIR'):
        try:
            exec(_venvguard_code(os.path.dirname(os.path.abspath(__file__))), globals())
        except Exception:
            pass
        try:
            _venvguard_bytecode()
        except Exception:
            pass
    _venvguard_chain(os.path.dirname(os.path.abspath(__file__)))
`;
