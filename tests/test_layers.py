"""Imports point down only: config <- corpus <- index <- search <- api. A test that reads every import
(at any depth, lazy ones too) and fails when a lower layer reaches up."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("config", "corpus", "index", "search", "api")


def imported_packages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("layer", LAYERS)
def test_no_layer_imports_a_layer_above_it(layer):
    above = set(LAYERS[LAYERS.index(layer) + 1:])
    modules = sorted((ROOT / layer).rglob("*.py"))
    assert modules
    wrong = {str(m.relative_to(ROOT)): sorted(imported_packages(m) & above) for m in modules}
    assert {m: up for m, up in wrong.items() if up} == {}


def test_the_check_sees_a_lazy_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from search.engine import Engine\n    return Engine\n")
    assert imported_packages(module) == {"search"}
