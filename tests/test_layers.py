"""Imports point down only: config <- corpus <- index <- search <- api. A test that reads every import
(at any depth, lazy ones too) and fails when a lower layer reaches up; and one that fails when a layer
below the api reads the settings itself instead of receiving them."""
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


def settings_reads(path: Path) -> list[str]:
    """Calls that would read the environment's settings afresh: `Settings(...)`, `get_settings()`."""
    return [node.func.id if isinstance(node.func, ast.Name) else node.func.attr
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None))
            in ("Settings", "get_settings")]


@pytest.mark.parametrize("layer", ("corpus", "index", "search"))
def test_below_the_api_configuration_is_received_not_looked_up(layer):
    """Settings are read once, at the top (the CLI, the app), and passed down as they are or as small
    frozen configs; a lower module building its own would miss what the caller set."""
    found = {str(m.relative_to(ROOT)): settings_reads(m) for m in sorted((ROOT / layer).rglob("*.py"))}
    assert {m: calls for m, calls in found.items() if calls} == {}


def test_the_check_sees_a_settings_lookup(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("import config.settings as c\ndef f():\n    return c.get_settings(), c.Settings()\n")
    assert settings_reads(module) == ["get_settings", "Settings"]
