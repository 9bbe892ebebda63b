"""A throwaway PostgreSQL server for the tests, from Debian's binaries: initdb and pg_ctl in a temporary
directory, on a free port. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user."""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def find_bindir() -> Path | None:
    """The newest /usr/lib/postgresql/<version>/bin that holds initdb and pg_ctl."""
    found = [Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")
             if Path(p, "initdb").is_file() and Path(p, "pg_ctl").is_file()]
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0) if found else None


def why_unavailable() -> str | None:
    """Why a server cannot be started here, or None when it can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install 'psycopg[binary]')"
    if find_bindir() is None:
        return "no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user to run PostgreSQL as"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    """A server of its own (initdb), or with `primary` a streaming replica of that one (pg_basebackup -R)."""

    def __init__(self, primary: PostgresServer | None = None) -> None:
        self.bindir = find_bindir()
        self.root = Path(tempfile.mkdtemp(prefix="minutes-pg-"))  # under /tmp: the postgres user can reach it
        self.data = self.root / "data"
        self.port = free_port()
        self._names = itertools.count()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        if primary is None:
            self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C")
        else:
            self._run("pg_basebackup", "-D", str(self.data), "-R", "-X", "stream", "-c", "fast", "-h", "127.0.0.1",
                      "-p", str(primary.port), "-U", "postgres")
        self.start()

    def _run(self, tool: str, *args: str) -> None:
        done = subprocess.run([*self._as_user, str(self.bindir / tool), *args], capture_output=True, text=True,
                              timeout=120, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} failed: {done.stdout[-2000:]}{done.stderr[-2000:]}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        """A new empty database; its URL."""
        import psycopg

        name = f"minutes_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options, "-w",
                  "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def close(self) -> None:
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
