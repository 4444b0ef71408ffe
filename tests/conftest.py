"""Shared fixtures: the project's languages and content, copies of the project, one built site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from patientsite.loader import Content, load_content
from patientsite.model import Language
from patientsite.project import project_languages

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ["content", "overrides", "hooks", "mkdocs.yml"]


@pytest.fixture(scope="session")
def languages() -> tuple[Language, ...]:
    """The languages mkdocs.yml configures."""
    return project_languages(ROOT / "mkdocs.yml")


@pytest.fixture(scope="session")
def content(languages: tuple[Language, ...]) -> Content:
    """The project's own content, validated."""
    return load_content(ROOT / "content", languages, ROOT)


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, so a test can change it and build into tmp_path."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        else:
            shutil.copy2(source, dest / part)
    shutil.copytree(ROOT / "docs" / "assets", dest / "docs" / "assets")
    return dest


@dataclass
class Build:
    """The result of running `mkdocs build` on a project folder."""

    project: Path
    site: Path
    returncode: int
    log: str


def build(project: Path, *extra: str) -> Build:
    """Run a strict build of project into project/site in a subprocess."""
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.test/"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(project, site, result.returncode, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project's site, built once for the whole test session."""
    result = build(copy_project(tmp_path_factory.mktemp("project")))
    assert result.returncode == 0, result.log
    return result
