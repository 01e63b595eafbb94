"""The Python `ast` baseline of venvguard's benchmark.

Parses every corpus file with the running interpreter's own parser (`ast.parse`) and walks it for calls
that start a process: subprocess.Popen/run/call/check_call/check_output/getoutput/getstatusoutput,
os.system, os.popen, os.exec*, os.spawn*, os.posix_spawn(p) and os.startfile. Import aliases are followed
per module (`import subprocess as sp`, `from os import system`), the way Bandit resolves names; there is
no judging of the arguments. It is the "just parse and look" cost in CPython itself.

Usage: python3 -I bench/ast_walk.py <corpus-dir>. Prints one JSON object on stdout. Same file set as
bench/walk.ts: regular .py files, recursively, no symlinks, skipping site-packages and __pycache__.
"""
import ast
import json
import os
import sys
import warnings

SKIPPED_DIRS = {"site-packages", "__pycache__"}

SUBPROCESS_LAUNCHERS = {
    "Popen", "run", "call", "check_call", "check_output", "getoutput", "getstatusoutput",
}
OS_LAUNCHERS = {"system", "popen", "posix_spawn", "posix_spawnp", "startfile"}
OS_LAUNCHER_PREFIXES = ("exec", "spawn")


def list_python_files(root):
    out = []

    def visit(folder):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in SKIPPED_DIRS:
                    visit(entry.path)
            elif entry.is_file(follow_symlinks=False) and entry.name.endswith(".py"):
                out.append(entry.path)

    visit(os.path.abspath(root))
    return out


def record_import(node, aliases):
    """Local name -> dotted module path, for every import in the module (not scope-aware)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                aliases[alias.asname] = alias.name
            else:
                top = alias.name.split(".")[0]
                aliases[top] = top
    elif node.module and not node.level:
        for alias in node.names:
            aliases[alias.asname or alias.name] = node.module + "." + alias.name


def qualified_name(func, aliases):
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if not isinstance(func, ast.Name):
        return None
    parts.append(aliases.get(func.id, func.id))
    return ".".join(reversed(parts))


def is_launcher(name):
    module, _, function = name.rpartition(".")
    if module == "subprocess":
        return function in SUBPROCESS_LAUNCHERS
    if module == "os":
        return function in OS_LAUNCHERS or function.startswith(OS_LAUNCHER_PREFIXES)
    return False


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: ast_walk.py <corpus-dir>\n")
        return 2
    # Invalid escape sequences in old test files would flood stderr with SyntaxWarnings.
    warnings.simplefilter("ignore")
    files = 0
    parse_errors = 0
    findings = 0
    by_callee = {}
    for path in list_python_files(sys.argv[1]):
        files += 1
        try:
            with open(path, "rb") as handle:
                tree = ast.parse(handle.read(), filename=path)
        except (SyntaxError, ValueError, UnicodeDecodeError, RecursionError, MemoryError):
            parse_errors += 1
            continue
        # One walk: imports may follow the calls that use them, so calls are resolved afterwards.
        aliases = {}
        calls = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                calls.append(node)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                record_import(node, aliases)
        for call in calls:
            name = qualified_name(call.func, aliases)
            if name is not None and is_launcher(name):
                findings += 1
                by_callee[name] = by_callee.get(name, 0) + 1
    result = {
        "python": sys.version.split()[0],
        "files": files,
        "parseErrors": parse_errors,
        "findings": findings,
        "byCallee": dict(sorted(by_callee.items(), key=lambda kv: (-kv[1], kv[0]))),
    }
    sys.stdout.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
