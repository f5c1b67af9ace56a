"""One direction of flow: extract finds spans, resolve turns them into facts, and neither imports
the other; pipeline.ingest.extraction runs the two, and what both need (the gazetteer, the
lexicon) lives beside them (issue 13: extract imported the gazetteer from resolve, resolve took
its titles from extract, and extract's __init__ ran resolve)."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"
FORBIDDEN = {"extract": "pipeline.resolve", "resolve": "pipeline.extract"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PIPELINE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(source: str, package: str) -> set[str]:
    """Every module (and imported name) a source imports, at the top or inside a function,
    absolute or relative to ``package``."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, *filter(None, [node.module])])
            names |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return names


def imports_of(path: Path) -> set[str]:
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    return imported(path.read_text(encoding="utf-8"), package)


def crossings(names: set[str], forbidden: str) -> list[str]:
    return sorted(name for name in names if name == forbidden or name.startswith(forbidden + "."))


MODULES = [(stage, path) for stage in FORBIDDEN for path in sorted((PIPELINE / stage).glob("*.py"))]


@pytest.mark.parametrize(("stage", "path"), MODULES, ids=[module_name(p) for _, p in MODULES])
def test_extract_and_resolve_do_not_import_each_other(stage: str, path: Path) -> None:
    importlib.import_module(module_name(path))
    crossing = crossings(imports_of(path), FORBIDDEN[stage])
    assert crossing == [], f"{module_name(path)} imports {crossing}: shared knowledge belongs beside both stages"


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_loading_one_stage_loads_nothing_of_the_other(stage: str) -> None:
    modules = [module_name(p) for p in sorted((PIPELINE / stage).glob("*.py"))]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.startswith({FORBIDDEN[stage] + '.'!r}) or m == {FORBIDDEN[stage]!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=PIPELINE.parent)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "source",
    [
        "import pipeline.resolve.dates",
        "def run():\n    from pipeline.resolve.document import document_record",
        "from pipeline import resolve",
        "from ..resolve import dates",
    ],
)
def test_every_form_of_import_is_read(source: str) -> None:
    """The check above would pass on a reader that saw nothing: it sees each way of crossing."""
    assert crossings(imported(source, "pipeline.extract"), "pipeline.resolve")
