"""Tooling (evaluation/, bench/) sits beside the product: the product never imports it, except the CLI's
`eval` and `bench` commands, which import it inside the command so other commands never load it."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("config", "corpus", "index", "search", "api")
TOOLING = ("evaluation", "bench")


def imports(path: Path) -> list[tuple[str, ast.AST, bool]]:
    """(module, node, at module level) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = set(map(id, tree.body))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.module, node, id(node) in top))
    return found


def is_tooling(module: str) -> bool:
    return module.split(".")[0] in TOOLING


def test_product_packages_do_not_import_tooling():
    offenders = []
    for package in PRODUCT:
        for path in sorted((ROOT / package).rglob("*.py")):
            for module, node, top_level in imports(path):
                if not is_tooling(module):
                    continue
                if path == ROOT / "api" / "cli.py" and not top_level:
                    continue  # the eval and bench commands, loaded only when run
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {module}")
    assert not offenders, "\n".join(offenders)


def test_the_cli_commands_do_use_the_tooling():
    used = {module for module, _, _ in imports(ROOT / "api" / "cli.py") if is_tooling(module)}
    assert {"evaluation.runner", "bench.runner"} <= used


def test_tooling_is_packaged():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert all(f'"{name}*"' in pyproject for name in (*PRODUCT, *TOOLING))
    assert all((ROOT / name / "__init__.py").is_file() for name in TOOLING)
