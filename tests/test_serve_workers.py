"""`minutes serve --workers 2`: each worker accepts on a socket of its own (api/workers.py), so connections
that stay open spread over the workers instead of all staying with the worker that woke first. Read from
Linux's /proc: which sockets listen on the port, and which worker holds each open connection."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest
from pgserver import free_port

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux's /proc")

MINUTES = Path(sys.executable).with_name("minutes")
LISTEN, ESTABLISHED = "0A", "01"


def _start(tmp_path: Path, port: int, workers: int = 2) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    env.update(MINUTES_EMBEDDINGS="false", NO_COLOR="1")
    log = open(tmp_path / "serve.log", "a")
    cmd = [str(MINUTES), "--data-dir", str(tmp_path / "data"), "serve", "--port", str(port),
           "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=log, start_new_session=True)
    log.close()
    return proc


@pytest.fixture
def served(tmp_path):
    port = free_port()
    proc = _start(tmp_path, port)
    try:
        _wait_until(lambda: _answers(port), 180, proc, tmp_path)
        _wait_until(lambda: len(_sockets(port, LISTEN)) == 2, 60, proc, tmp_path)  # both workers started
        yield proc, port, tmp_path
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def _wait_until(check, seconds: float, proc: subprocess.Popen, tmp_path: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert proc.poll() is None, (tmp_path / "serve.log").read_text(errors="replace")[-3000:]
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds} s: {(tmp_path / 'serve.log').read_text(errors='replace')[-3000:]}")


def _answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def _sockets(port: int, state: str) -> set[str]:
    """The inodes of this machine's TCP sockets on local port `port` in `state` (/proc/net/tcp)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            for row in list(rows)[1:]:
                fields = row.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == state:
                    found.add(fields[9])
    return found


def _holders(inodes: set[str], parent: int) -> Counter:
    """How many of the sockets `inodes` each child process of `parent` holds."""
    held: Counter = Counter()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) != parent:
                continue
            for fd in (entry / "fd").iterdir():
                link = os.readlink(fd)
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    held[int(entry.name)] += 1
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue  # a process that ended meanwhile
    return held


def test_each_worker_listens_on_a_socket_of_its_own(served):
    proc, port, _ = served
    listening = _sockets(port, LISTEN)
    assert len(listening) == 2
    assert len(_holders(listening, proc.pid)) == 2  # one socket in each worker, none shared


def test_connections_that_stay_open_spread_over_both_workers(served):
    proc, port, _ = served
    clients = [httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) for _ in range(40)]
    try:
        for client in clients:
            assert client.get("/health").status_code == 200  # each keeps its connection open
        held = _holders(_sockets(port, ESTABLISHED), proc.pid)
        # a hash of each connection picks the socket: all 40 on one of two would happen once in 2**39 runs
        assert sum(held.values()) == 40 and len(held) == 2 and min(held.values()) >= 1, held
    finally:
        for client in clients:
            client.close()


def test_a_worker_that_dies_is_replaced_on_a_socket_of_its_own(served):
    proc, port, tmp_path = served
    [victim, *_] = _holders(_sockets(port, LISTEN), proc.pid)
    os.kill(victim, signal.SIGKILL)

    def replaced() -> bool:
        listening = _holders(_sockets(port, LISTEN), proc.pid)
        return victim not in listening and len(listening) == 2

    _wait_until(replaced, 60, proc, tmp_path)
    assert _answers(port)


def test_a_port_in_use_fails_at_start(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        proc = _start(tmp_path, taken.getsockname()[1])
        assert proc.wait(timeout=180) != 0
    assert "Address already in use" in (tmp_path / "serve.log").read_text()
