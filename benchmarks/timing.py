"""Run builds and `mkdocs serve` as a user would, and time them."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import yaml

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    """One build in its own process: wall time from start to end, CPU time and peak memory."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float


def build(project: Path, site: Path) -> Run:
    """A strict `mkdocs build` of project into site, as `make site` runs it."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    log = project / "build.log"
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=ENV, stdout=out, stderr=out)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{log.read_text(encoding='utf-8')}")
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    """The page at url, or '' while the server cannot answer."""
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
        time.sleep(0.02)
    raise TimeoutError(f"{url} never showed {text!r}")


@dataclass(frozen=True)
class Preview:
    """Edit-to-preview times, serve's CPU time in each, and (from its log) each rebuild's time."""

    seconds: list[float]
    cpu_seconds: list[float]
    rebuilds: list[float]


_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


def edit_to_preview(project: Path, runs: int, *extra: str) -> Preview:
    """Seconds from saving an exercise file to `mkdocs serve` serving the change.

    Each run waits until serve is idle again (no rebuild for a second), then prepends a
    marker to the exercise's Danish purpose and polls its page until the marker shows.
    """
    folder = project / "content" / "exercises"
    path = folder / "bird-dog.yaml"
    if not path.is_file():
        path = sorted(folder.glob("*.yaml"))[0]
    original = path.read_text(encoding="utf-8")
    purpose = str(yaml.safe_load(original)["purpose"]["da"])
    if original.count(purpose) < 1:
        raise SystemExit(f"{path.name}: the Danish purpose is not written out on one line")
    port = free_port()
    log = project / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *extra],
            cwd=project,
            env=ENV,
            stdout=out,
            stderr=out,
        )
    url = f"http://127.0.0.1:{port}/exercises/{path.stem}/"
    times, cpu = [], []
    try:
        wait_for(url, "<h1")
        for run in range(runs):
            _wait_until_idle(log)
            marker = f"Benchmarkmarkør{run}"
            before = _cpu_seconds(server.pid)
            path.write_text(original.replace(purpose, f"{marker} {purpose}", 1), encoding="utf-8")
            times.append(wait_for(url, marker))
            cpu.append(_cpu_seconds(server.pid) - before)
        _wait_until_idle(log)
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: serve then deletes its temporary site
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        path.write_text(original, encoding="utf-8")
    built = [float(s) for s in _BUILT.findall(log.read_text(encoding="utf-8"))]
    return Preview(times, cpu, built[1:])  # the first is serve's initial build


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time a running process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_until_idle(log: Path, quiet: float = 1.0, limit: float = 120.0) -> None:
    """Wait until serve's log has not grown for `quiet` seconds (no rebuild running)."""
    start = time.perf_counter()
    size, since = -1, time.perf_counter()
    while time.perf_counter() - start < limit:
        now = log.stat().st_size
        if now != size:
            size, since = now, time.perf_counter()
        elif time.perf_counter() - since >= quiet:
            return
        time.sleep(0.05)
