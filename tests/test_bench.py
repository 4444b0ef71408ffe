"""`make bench` runs from start to end on a tiny configuration; its timings are not checked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks import pageweight, projects
from tests.conftest import ROOT, Build

ROWS = [
    "Hook overhead",
    "Full build with leaflets",
    "Leaflets",
    "Edit to preview",
    "Scaling",
    "Page weight, first load: home",
    "Page weight, first load: warning signs",
    "Page weight, first load: exercise",
    "Render-blocking",
    "Peak memory",
]


def test_make_bench_runs_the_suite() -> None:
    dry = subprocess.run(
        ["make", "-n", "bench"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert "-m benchmarks" in dry.stdout


def test_the_suite_runs_on_a_tiny_configuration(tmp_path: Path) -> None:
    target = tmp_path / "BENCHMARKS.md"
    target.write_text("before\n<!-- bench:results -->\nold\n<!-- /bench:results -->\nafter\n")
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--tiny", "--write", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    table = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    for row in ROWS:
        assert any(line.startswith(f"| {row}") for line in table), row
    written = target.read_text(encoding="utf-8")
    assert written.startswith("before\n<!-- bench:results -->\nMeasured ")
    assert written.endswith("<!-- /bench:results -->\nafter\n")
    assert "old" not in written


def test_generated_exercises_are_valid_content(tmp_path: Path) -> None:
    project = projects.copy_of_project(tmp_path / "project", leaflets=False)
    own = len(list((project / "content" / "exercises").glob("*.yaml")))
    assert projects.add_exercises(project, 2 * own + 3) == 2 * own + 3
    content = projects.project_content(project)  # raises ContentError if a reference broke
    assert len(content.exercises) == 2 * own + 3
    copies = [e for e in content.exercises.values() if e.id.endswith("-copy2")]
    assert len(copies) == 3


def test_the_copy_without_leaflets_lists_every_other_hook(tmp_path: Path) -> None:
    project = projects.copy_of_project(tmp_path / "project", leaflets=False)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert projects.LEAFLET_HOOK not in config
    assert "hooks/content.py" in config


def test_page_weight_finds_what_a_browser_fetches(built: Build) -> None:
    fetched, blocking = pageweight.static_requests(built.site, "")
    assert fetched[0] == ""
    kinds = {pageweight.kind_of(path) for path in fetched[1:]}
    assert {"css", "js", "data"} <= kinds
    assert "search/search_index.json" in fetched
    assert any(path.startswith("assets/stylesheets/main.") for path in blocking)
    weight = pageweight.weigh(built.site, "")
    assert weight.total > weight.gzip_bytes[""] > 0
    assert all(path in fetched for path in weight.gzip_bytes)
