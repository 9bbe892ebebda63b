"""The write lock of a folder: one writer at a time, across processes and threads; readers never take it.

An exclusive fcntl.flock on `write.lock` in the folder (released by the kernel if the holder dies), plus a
re-entrant thread lock, so code that holds it may call code that takes it again.
"""
from __future__ import annotations

import fcntl
import threading
from pathlib import Path
from typing import IO


class WriteLock:
    def __init__(self, folder: Path, name: str = "write.lock"):
        self.path = Path(folder) / name
        self._thread = threading.RLock()
        self._depth = 0
        self._file: IO[str] | None = None

    def __enter__(self) -> WriteLock:
        self._thread.acquire()
        if self._depth == 0:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = open(self.path, "w")
                fcntl.flock(self._file, fcntl.LOCK_EX)  # waits while another process writes
            except BaseException:
                if self._file is not None:
                    self._file.close()
                    self._file = None
                self._thread.release()
                raise
        self._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        self._depth -= 1
        if self._depth == 0 and self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None
        self._thread.release()
