"""Every library the package imports is one of its declared dependencies: the tests install the
test extra too, so a library only the tests bring would pass them and fail a plain install."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "asn_graph"


def _imported_modules() -> dict[str, set[str]]:
    """Top-level modules imported by the package, with the files that import them."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.partition(".")[0]
                found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_library_the_package_imports_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {canonicalize_name(Requirement(text).name) for text in project["dependencies"]}
    distributions = packages_distributions()
    undeclared = {}
    for module, files in _imported_modules().items():
        if module == "asn_graph" or module in sys.stdlib_module_names:
            continue
        providers = {canonicalize_name(name) for name in distributions.get(module, [])}
        if not providers & declared:
            undeclared[module] = sorted(files)[:3]
    assert undeclared == {}, "imported by the package but not in [project] dependencies"
