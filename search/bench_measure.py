"""Small measuring helpers for `minutes bench`: percentiles, timing, memory, machine facts."""
from __future__ import annotations

import os
import platform
import resource
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

import numpy as np

T = TypeVar("T")
A = TypeVar("A")
# The e5 engine runs on OpenMP: with the cores busy elsewhere, its default spin-waiting can make a
# 15 ms query embedding take seconds, so a report records how OpenMP was set.
OMP_VARIABLES = ("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "GOMP_SPINCOUNT")


def percentiles(samples_ms: Iterable[float]) -> dict:
    """p50/p95/p99 (linear interpolation) with the sample count, so a p99 over 30 samples reads as such."""
    values = np.asarray(list(samples_ms), dtype=float)
    if not len(values):
        return {"n": 0, "p50": None, "p95": None, "p99": None, "max": None}
    p50, p95, p99 = np.percentile(values, [50, 95, 99])
    return {"n": len(values), "p50": _ms(p50), "p95": _ms(p95), "p99": _ms(p99), "max": _ms(values.max())}


def timed_ms(fn: Callable[[], T]) -> tuple[T, float]:
    """Run fn once; its result and wall time in milliseconds."""
    started = time.perf_counter()
    result = fn()
    return result, (time.perf_counter() - started) * 1000


def time_calls(fn: Callable[[A], object], args: Iterable[A]) -> list[float]:
    """Wall time in milliseconds of fn(arg), for each arg in turn."""
    samples = []
    for arg in args:
        started = time.perf_counter()
        fn(arg)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MB.

    VmHWM where Linux has it: ru_maxrss of a spawned child also counts the parent it was forked from
    before exec, which would credit the bench's own memory to the process serving the scaled corpus.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def machine() -> dict:
    """What the figures depend on: cores and how busy the machine was (other work skews latency)."""
    return {"cores": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "platform": platform.platform(terse=True),
            "omp": {k: os.environ[k] for k in OMP_VARIABLES if k in os.environ}}


def ratio(ours: float | None, peer: float | None) -> float | None:
    """ours / peer, or None when either is missing or the peer took no measurable time."""
    if ours is None or not peer:
        return None
    return round(ours / peer, 2)


def _ms(value: float) -> float:
    return round(float(value), 3)
