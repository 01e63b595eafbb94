#!/usr/bin/env python3
"""Deploy helper: run from CI after `source venv/bin/activate` in an earlier step (which does not persist)."""
import shutil
import subprocess

PYTHON = shutil.which("python3")


def migrate():
    subprocess.run([PYTHON, "manage.py", "migrate"], check=True)


def restart():
    subprocess.run("sudo -u app gunicorn --reload app:wsgi", shell=True, check=True)
    subprocess.run(["celery", "-A", "app", "control", "shutdown"])


def system_tools():
    subprocess.run(["/usr/bin/python3", "-m", "compileall", "."], check=True)
    subprocess.run(["docker", "run", "app:latest", "python", "manage.py", "check"], check=True)  # runs in a container: fine
    subprocess.run(["black", "--check", "."])  # venvguard: ignore[VG103]
