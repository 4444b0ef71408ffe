"""`make bench`: every figure of BENCHMARKS.md, measured in one run on this machine.

Usage: .venv/bin/python -m benchmarks [--runs 5] [--scale 100,500,1000] [--write BENCHMARKS.md]
       .venv/bin/python -m benchmarks --tiny     (one run of everything on a tiny project)
Works on temporary copies of the project; the work tree is never touched.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from benchmarks import pageweight, projects, timing
from patientsite.render import targets

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- bench:results -->", "<!-- /bench:results -->"


@dataclass(frozen=True)
class Settings:
    """How much to measure."""

    runs: int = 5
    preview_runs: int = 3
    scale: tuple[int, ...] = (100, 500, 1000)
    scale_runs: int = 3
    browser: bool = True
    warmup: bool = True  # an untimed build of each project before the timed ones
    full_runs: int = 3  # builds with leaflets, as `make site`


# scale=(): the project's own exercises and 4 more, one size only.
TINY = Settings(
    runs=1, preview_runs=1, scale=(), scale_runs=1, browser=False, warmup=False, full_runs=0
)


@dataclass
class Row:
    """One line of the table."""

    what: str
    result: str
    target: str = ""
    met: bool | None = None

    def cells(self) -> list[str]:
        """The row's cells, with 'yes'/'no' for a target met or missed."""
        status = "" if self.met is None else ("yes" if self.met else "**no**")
        return [self.what, self.result, self.target, status]


@dataclass
class Report:
    """The summary table and the details below it."""

    rows: list[Row] = field(default_factory=list)
    details: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        """The whole report as Markdown."""
        lines = ["| what | result | target | met |", "| --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(row.cells()) + " |" for row in self.rows]
        return "\n".join([machine(), "", *lines, "", *self.details]).rstrip() + "\n"


def med(values: list[float]) -> float:
    """The median."""
    return float(statistics.median(values))


def spread(values: list[float], unit: str = "s", scale: float = 1.0, digits: int = 2) -> str:
    """'median (min–max)' of values, or the single value."""
    m, lo, hi = (f"{v * scale:.{digits}f}" for v in (med(values), min(values), max(values)))
    return f"{m} {unit}" if len(values) == 1 else f"{m} {unit} ({lo}–{hi})"


def machine() -> str:
    """This machine and the versions measured, in one paragraph."""
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as info:
        mem_kib = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
    system = platform.platform(terse=True)
    if Path("/etc/os-release").is_file():
        for line in Path("/etc/os-release").read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip('"')
    packages = ", ".join(
        f"{name} {version(name)}"
        for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "weasyprint")
    )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"Measured {datetime.date.today().isoformat()} on {os.cpu_count()} CPUs ({cpu}), "
        f"{mem_kib / 1024**2:.1f} GiB memory, {system}, Python {platform.python_version()}; "
        f"{packages}. Load average at the end: {load}."
    )


def run(settings: Settings) -> Report:
    """Measure everything and return the report."""
    report = Report()
    with tempfile.TemporaryDirectory(prefix="patientsite-bench-") as tmp_name:
        tmp = Path(tmp_name)
        ours = projects.copy_of_project(tmp / "ours", leaflets=False)
        first = timing.build(ours, ours / "out")  # writes docs/*.md; later builds find them current
        plain = projects.plain_project(ours, tmp / "plain")
        if settings.warmup:
            timing.build(plain, plain / "out")
        ours_runs = [] if settings.warmup else [first]
        plain_runs: list[timing.Run] = []
        while len(plain_runs) < settings.runs:  # alternated: load on the machine hits both alike
            if len(ours_runs) <= len(plain_runs):
                ours_runs.append(timing.build(ours, ours / "out"))
            plain_runs.append(timing.build(plain, plain / "out"))
        _hook_overhead(report, ours_runs, plain_runs)
        if settings.warmup:
            report.rows.append(
                Row(
                    "Our first build of a fresh copy (writes docs/*.md, compiles the templates)",
                    f"{first.seconds:.2f} s (1 run)",
                )
            )

        full = projects.copy_of_project(tmp / "full", leaflets=True)
        full_runs = [timing.build(full, full / "out") for _ in range(settings.full_runs)]
        report.rows.append(
            Row(
                "Full build with leaflets (`make site`)",
                spread([r.seconds for r in full_runs]) if full_runs else "not measured",
            )
        )
        _leaflets(report, ours, settings.runs)
        _preview(report, full, settings.preview_runs)
        _scaling(report, tmp, settings)
        _page_weight(report, ours, settings.browser and pageweight.browser_available())
        report.rows.append(
            Row(
                "Peak memory (RSS), full build: ours without leaflets / with / plain",
                " / ".join(
                    spread([r.peak_rss_mb for r in runs], "MB", digits=0) if runs else "–"
                    for runs in (ours_runs, full_runs, plain_runs)
                ),
            )
        )
    return report


def _hook_overhead(report: Report, ours: list[timing.Run], plain: list[timing.Run]) -> None:
    ours_s, plain_s = [r.seconds for r in ours], [r.seconds for r in plain]
    ratio = med(ours_s) / med(plain_s)
    cpu = med([r.cpu_seconds for r in ours]) / med([r.cpu_seconds for r in plain])
    report.rows.append(
        Row(
            "Hook overhead: our build / plain Material + i18n, same Markdown, both languages, "
            "no leaflets",
            f"{spread(ours_s)} / {spread(plain_s)} = **{ratio:.2f}×** (CPU time {cpu:.2f}×)",
            "≤ 1.15×",
            ratio <= 1.15,
        )
    )


def _leaflets(report: Report, project: Path, runs: int) -> None:
    """Each run is a fresh process, as in `make site`: import WeasyPrint, then both leaflets."""
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-m", "benchmarks.leaflets", str(project)],
            cwd=ROOT,
            env=timing.ENV,
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout))
    langs = [k for k in results[0] if k != "import"]
    both = [sum(r[k] for k in langs) for r in results]
    each = ", ".join(f"{k} {med([r[k] for r in results]):.2f} s" for k in langs)
    report.rows.append(
        Row(
            "Leaflets: both languages' PDFs after the first import",
            f"{spread(both)} ({each}; import {med([r['import'] for r in results]):.2f} s)",
            "< 1.5 s",
            med(both) < 1.5,
        )
    )


def _preview(report: Report, project: Path, runs: int) -> None:
    preview = timing.edit_to_preview(project, runs)
    rebuild = f"; serve's rebuilds: {spread(preview.rebuilds)}" if preview.rebuilds else ""
    rebuild += f"; serve's CPU time: {spread(preview.cpu_seconds)}"
    report.rows.append(
        Row(
            "Edit to preview: save an exercise file until `make serve` serves the change",
            spread(preview.seconds) + rebuild,
            "< 2 s",
            med(preview.seconds) < 2,
        )
    )


def _scaling(report: Report, tmp: Path, settings: Settings) -> None:
    """Build time and output per page at each size; the target is judged on CPU time.

    A 1,000-exercise build takes minutes, so load from other work on the machine changes
    its wall time much more than its CPU time.
    """
    lines = [
        "Scaling (medians of "
        f"{settings.scale_runs} build{'s' if settings.scale_runs > 1 else ''}, both languages, "
        "no leaflets; marginal = extra CPU time per extra page since the previous size):",
        "",
        "| exercises | pages | build (wall) | build (CPU) | CPU per page | marginal per page "
        "| output | per page | exercise page HTML | home page first load (gzip) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    per_page: list[float] = []
    previous: tuple[int, float] | None = None
    own = len(list((ROOT / "content" / "exercises").glob("*.yaml")))
    sizes = settings.scale or (own + 4,)
    for count in sizes:
        project = projects.copy_of_project(tmp / f"scale-{count}", leaflets=False)
        projects.add_exercises(project, count)
        content = projects.project_content(project)
        pages = len(targets(content)) * len(content.languages)
        # The first build also writes docs/*.md and compiles the templates, as a fresh clone's.
        runs = [timing.build(project, project / "out") for _ in range(settings.scale_runs)]
        seconds, cpu = med([r.seconds for r in runs]), med([r.cpu_seconds for r in runs])
        out = project / "out"
        size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
        index = next(p.path for p in content.site.pages if p.template == "exercises")
        exercise_html = [p.stat().st_size for p in (out / index).glob("*/index.html")]
        home = pageweight.weigh(out, "").total
        per_page.append(cpu / pages)
        marginal = (
            f"{(cpu - previous[1]) / (pages - previous[0]) * 1000:.1f} ms" if previous else "–"
        )
        previous = (pages, cpu)
        lines.append(
            f"| {count} | {pages} | {seconds:.2f} s | {cpu:.2f} s | {cpu / pages * 1000:.1f} ms "
            f"| {marginal} | {size / 1024**2:.1f} MB | {size / pages / 1024:.1f} KB "
            f"| {med([float(s) for s in exercise_html]) / 1024:.1f} KB | {home / 1024:.0f} KB |"
        )
        shutil.rmtree(project, ignore_errors=True)  # free the disk early
    ratio = per_page[-1] / per_page[0]
    report.rows.append(
        Row(
            f"Scaling: build CPU time per page, {sizes[0]} → {sizes[-1]} exercises",
            " → ".join(f"{p * 1000:.1f} ms" for p in per_page) + f" = **{ratio:.2f}×**",
            "≤ 1.3×",
            ratio <= 1.3,
        )
    )
    report.details += [*lines, ""]


def _page_weight(report: Report, project: Path, browser: bool) -> None:
    content = projects.project_content(project)
    site = project / "out"
    pages_of = {p.template: p.path for p in content.site.pages}
    exercise = sorted(content.exercises)[0]
    pages = {
        "home": pages_of["home"],
        "warning signs": pages_of["warning_signs"],
        f"exercise ({exercise})": f"{pages_of['exercises']}{exercise}/",
    }
    seen = pageweight.browser_requests(site, list(pages.values())) if browser else {}
    lines = [
        "Page weight: gzip (level 6) bytes of every file fetched on a first load, "
        + (
            "as Chromium requested them (the list read from the HTML is shown where it differs)"
            if browser
            else "read from the built HTML (stylesheets, scripts, icons, images, CSS `url()`s, "
            "Material's search worker, index and lunr files)"
        )
        + ":",
        "",
        "| page | requests | total | html | css | js | data | font | image |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    blocking: set[str] = set()
    differences = []
    for name, path in pages.items():
        weight = pageweight.weigh(site, path, seen.get(path))
        kinds = weight.by_kind()
        blocking |= set(weight.blocking)
        static, _ = pageweight.static_requests(site, path)
        if browser and set(static) != set(seen[path]):
            differences.append(
                f"- {name}: Chromium only {sorted(set(seen[path]) - set(static))}, "
                f"HTML only {sorted(set(static) - set(seen[path]))}"
            )
        lines.append(
            f"| {name} | {len(weight.gzip_bytes)} | {weight.total / 1024:.1f} KB | "
            + " | ".join(
                f"{kinds.get(k, 0) / 1024:.1f}"
                for k in ("html", "css", "js", "data", "font", "image")
            )
            + " |"
        )
        report.rows.append(
            Row(
                f"Page weight, first load: {name}",
                f"{weight.total / 1024:.1f} KB gzip in {len(weight.gzip_bytes)} requests",
                "< 100 KB",
                weight.total < 100 * 1024,
            )
        )
    # The theme's CSS is Material's stylesheet and the site's own one (extra_css), which sets
    # the theme's colours and type: MkDocs' way of adapting a theme. Nothing else may block.
    own_css = [b for b in blocking if pageweight.kind_of(b) == "css"]
    others = sorted(set(blocking) - set(own_css))
    report.rows.append(
        Row(
            "Render-blocking requests besides Material's stylesheet",
            "; ".join(
                [f"`{b}` (the site's theme stylesheet)" for b in sorted(own_css)]
                + [f"`{b}`" for b in others]
            )
            or "none",
            "the theme's CSS only: Material's and one site stylesheet; no script",
            not others and len(own_css) <= 1,
        )
    )
    report.details += [*lines, "", *differences]


def main() -> None:
    """Parse the command line, measure, print the table (and write it into a file if asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=Settings.runs)
    parser.add_argument("--preview-runs", type=int, default=Settings.preview_runs)
    parser.add_argument("--scale", default=",".join(map(str, Settings.scale)))
    parser.add_argument("--scale-runs", type=int, default=Settings.scale_runs)
    parser.add_argument("--full-runs", type=int, default=Settings.full_runs)
    parser.add_argument("--no-browser", action="store_true", help="list requests from the HTML")
    parser.add_argument("--tiny", action="store_true", help="one quick run of everything")
    parser.add_argument("--write", type=Path, help=f"replace the part between {START} and {END}")
    args = parser.parse_args()
    settings = (
        TINY
        if args.tiny
        else Settings(
            runs=args.runs,
            preview_runs=args.preview_runs,
            scale=tuple(int(n) for n in args.scale.split(",")),
            scale_runs=args.scale_runs,
            browser=not args.no_browser,
            full_runs=args.full_runs,
        )
    )
    text = run(settings).markdown()
    print(text)
    if args.write:
        old = args.write.read_text(encoding="utf-8")
        if START not in old or END not in old:
            raise SystemExit(f"{args.write}: no {START} ... {END} block to replace")
        head, rest = old.split(START, 1)
        tail = rest.split(END, 1)[1]
        args.write.write_text(f"{head}{START}\n{text}{END}{tail}", encoding="utf-8")
