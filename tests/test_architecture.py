"""The shape of the package: imports without cycles, and a core that runs without MkDocs."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "patientsite"


def module_name(path: Path) -> str:
    """patientsite.x.y for src/patientsite/x/y.py (a package for its __init__.py)."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_at_load(path: Path) -> set[str]:
    """The patientsite modules a module imports when it is loaded.

    Imports inside functions and under `if TYPE_CHECKING:` are left out: they do not run
    at load time, which is where a cycle breaks an import."""
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("patientsite")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("patientsite"):
            module = str(node.module)
            for alias in node.names:  # `from patientsite import loader` names a module
                child = f"{module}.{alias.name}"
                found.add(child if _exists(child) else module)
    return found


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative).is_dir()


def graph() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports at load time."""
    return {module_name(p): imports_at_load(p) for p in sorted(PACKAGE.rglob("*.py"))}


def find_cycle(edges: dict[str, set[str]]) -> list[str]:
    """One import cycle, as the list of modules around it; [] if there is none."""
    state: dict[str, str] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if state.get(other) == "open":
                return [*stack[stack.index(other) :], other]
            if other not in state:
                found = visit(other)
                if found:
                    return found
        stack.pop()
        state[node] = "done"
        return []

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_the_import_graph_has_no_cycle() -> None:
    edges = graph()
    assert len(edges) > 20  # the walk found the package
    assert find_cycle(edges) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_only_the_adapters_import_mkdocs() -> None:
    outside = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "adapters" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(n.split(".")[0] in {"mkdocs", "material"} for n in names):
                outside.append(module_name(path))
    assert outside == []


BLOCK_MKDOCS = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"mkdocs", "material", "mkdocs_static_i18n"}:
            raise ImportError(f"{name} is blocked: the core must run without MkDocs")
sys.meta_path.insert(0, Block())
import pkgutil, importlib, patientsite
for info in pkgutil.walk_packages(patientsite.__path__, "patientsite."):
    if ".adapters" not in info.name and info.name != "patientsite.__main__":
        importlib.import_module(info.name)
from patientsite.__main__ import main
sys.exit(main(["check"]))
"""


def test_the_core_loads_and_checks_content_without_mkdocs() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_MKDOCS],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(PACKAGE.parent)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Content is valid" in result.stdout
