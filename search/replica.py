"""A replica following a shared store: each API process keeps its own index caches and brings them up
to date by itself when the store's generation moves (an ingest through any replica, or the CLI)."""
from __future__ import annotations

import logging
import threading

from search.engine import Engine

log = logging.getLogger("minutes.replica")


class Follower:
    """A daemon thread that polls the store generation and syncs this process's indexes when it moved.
    Sync redoes only meetings whose hash changed and takes only this data directory's lock (not the
    store's writer lock), so N replicas catch up side by side; a store that is down is retried next tick."""

    def __init__(self, engine: Engine, interval: float):
        self.engine = engine
        self.interval = interval
        self.seen: int | None = None  # the store generation the indexes were last brought up to
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="minutes-follower", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def follow_once(self) -> dict | None:
        """Sync if the store changed since the last sync; the summary, or None when nothing moved."""
        generation = self.engine.store.generation()
        if generation == self.seen:
            return None
        summary = self.engine.follow()
        self.seen = generation  # read before the sync: a change during it is caught on the next tick
        return summary

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                summary = self.follow_once()
                if summary is not None:
                    log.info("followed the store to generation %s: %s", self.seen, summary)
            except Exception as exc:  # the store restarting, a network fault: try again next tick
                log.warning("could not follow the store: %s", exc)
            self._stop.wait(self.interval)
