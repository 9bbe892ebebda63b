"""`minutes serve` in a process of its own, for tests that need the real server (uvicorn, its workers, how
it reads headers): started on a data directory with some MINUTES_* settings, ready when /health answers."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
from pgserver import free_port

MINUTES = Path(sys.executable).with_name("minutes")


class Served:
    """One `minutes serve` process (and its workers) on `data`, keyword-only, with `settings` as MINUTES_*
    variables (none from the test's own environment)."""

    def __init__(self, data: Path, workers: int = 1, **settings: str):
        self.data, self.workers, self.settings = data, workers, settings
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self, ready_within: float = 180) -> Served:
        env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
        env.update(MINUTES_EMBEDDINGS="false", NO_COLOR="1", **self.settings)
        log = open(self.data.parent / f"{self.data.name}.log", "a")
        cmd = [str(MINUTES), "--data-dir", str(self.data), "serve", "--port", str(self.port),
               "--workers", str(self.workers)]
        self.proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=log, start_new_session=True)
        log.close()
        deadline = time.monotonic() + ready_within
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, f"serve exited: {self.log()[-3000:]}"
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"serve did not answer within {ready_within} s: {self.log()[-3000:]}")

    def log(self) -> str:
        path = self.data.parent / f"{self.data.name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, sig)  # the serve process and its workers
            self.proc.wait(timeout=60)

    def __enter__(self) -> Served:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.kill(signal.SIGTERM)
