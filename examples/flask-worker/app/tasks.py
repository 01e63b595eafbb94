"""Background jobs run by the Celery worker (started by systemd as /srv/app/venv/bin/celery)."""
import os
import shlex
import subprocess
import sys

PYTHON = "python3"
REPORT_CMD = [PYTHON, "-m", "app.reports", "--daily"]


def build_index(path):
    # Escape: `pip` is whatever PATH holds when the worker runs without an activated venv.
    subprocess.check_call(["pip", "install", "--quiet", "whoosh"])
    return subprocess.run([sys.executable, "-m", "app.indexer", path], check=True)


def nightly_report():
    # Escape: the command is built from a module constant two statements away.
    return subprocess.run(REPORT_CMD, capture_output=True, text=True)


def thumbnails(folder):
    # Escape inside a shell string: `cd` then `python`.
    os.system(f"cd {shlex.quote(folder)} && python -m app.thumbs")


def run_tests():
    cmd = ["pytest", "-q"]
    cmd.append("tests/")
    return subprocess.call(cmd)


def safe_children(folder):
    # Not escapes: the running interpreter, an explicit venv path, git, and a tool that manages its own env.
    subprocess.run([sys.executable, "-m", "pip", "--version"], check=True)
    venv_python = os.path.join(sys.prefix, "bin", "python")
    subprocess.run([venv_python, "-c", "print('ok')"], check=True)
    subprocess.run(["git", "status", "--short"], cwd=folder, check=False)
    subprocess.run(["uv", "run", "python", "-c", "print(1)"], check=False)
    print("python is only printed here, never launched")
