"""Print the full build time and the edit-to-preview time of `mkdocs serve`.

Runs on a temporary copy of the project, so the work tree is never touched.
Usage: .venv/bin/python benchmarks/build_times.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import copy_project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def full_build(project: Path) -> float:
    """Seconds for one strict build of both languages."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "out")],
        cwd=project,
        env=ENV,
        check=True,
    )
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, text: str, limit: float = 60.0) -> float:
    """Seconds until url serves a page containing text."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


def edit_to_preview(project: Path, runs: int) -> list[float]:
    """Seconds from saving an exercise file to `mkdocs serve` serving the change."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/exercises/bird-dog/"
    path = project / "content" / "exercises" / "bird-dog.yaml"
    original = path.read_text(encoding="utf-8")
    anchor = 'purpose:\n  da: "'
    if anchor not in original:
        raise SystemExit(f"{path.name}: expected a line 'da: \"...' under 'purpose:'")
    times = []
    try:
        wait_for(url, "<h1")
        time.sleep(1.0)
        for run in range(runs):
            marker = f"Benchmarkmarkør{run}"
            path.write_text(original.replace(anchor, f"{anchor}{marker} ", 1), encoding="utf-8")
            times.append(wait_for(url, marker))
            time.sleep(1.0)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return times


def leaflet_times(project: Path) -> dict[str, float]:
    """Seconds to import WeasyPrint, then to make each language's leaflet, in one process."""
    from patientsite.leaflet import build_leaflet
    from patientsite.loader import load_content
    from patientsite.project import project_languages

    content = load_content(project / "content", project_languages(project / "mkdocs.yml"), project)
    start = time.perf_counter()
    import weasyprint  # noqa: F401

    times = {"import": time.perf_counter() - start}
    for lang in content.languages:
        start = time.perf_counter()
        build_leaflet(
            content, lang.code, project / "overrides" / "leaflet", "https://example.test/"
        )
        times[lang.code] = time.perf_counter() - start
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        builds = [full_build(project) for _ in range(args.runs)]
        print(
            f"full build, both languages: median {statistics.median(builds):.2f} s "
            f"(min {min(builds):.2f}, max {max(builds):.2f}, {args.runs} runs)"
        )
        leaflets = leaflet_times(project)
        print("leaflets: " + ", ".join(f"{k} {v:.2f} s" for k, v in leaflets.items()))
        previews = edit_to_preview(project, min(args.runs, 3))
        print(
            f"edit exercise file -> preview rebuilt: median {statistics.median(previews):.2f} s "
            f"(min {min(previews):.2f}, max {max(previews):.2f}, {len(previews)} runs)"
        )


if __name__ == "__main__":
    main()
