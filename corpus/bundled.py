"""The sample minutes shipped inside the package: what a first start ingests and what `minutes bench` uses."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def bundled_corpus() -> Path:
    """The folder of bundled minutes (corpus/samples), wherever the package is installed."""
    return Path(str(resources.files("corpus") / "samples"))
