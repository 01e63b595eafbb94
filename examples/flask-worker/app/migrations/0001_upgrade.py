"""Runs inside the release container only."""
import subprocess


def upgrade():
    subprocess.run(["python", "-m", "alembic", "upgrade", "head"], check=True)
