"""A failed build leaves the last good site; the site and the leaflets are replaced all at once."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from patientsite import publish
from patientsite.publish import PublishError, swap_into_place, write_files
from tests.conftest import Build, build, copy_project
from tests.test_leaflet import TOO_LONG, set_step


def hashes(folder: Path) -> dict[str, str]:
    """The SHA-256 of every file below folder, by its relative path."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def texts(folder: Path) -> dict[str, str]:
    """The text of every file below folder, by its relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in folder.rglob("*")
        if path.is_file()
    }


def folder_with(path: Path, files: dict[str, str]) -> Path:
    """A folder holding files (relative path: text)."""
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture(params=["exchange", "two-renames"])
def swap_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Swap with the one-step exchange of Linux, or with the two renames used elsewhere."""
    if request.param == "two-renames":
        monkeypatch.setattr(publish, "_libc_renameat2", lambda: None)
    return str(request.param)


def test_the_new_folder_replaces_the_old_one(tmp_path: Path, swap_kind: str) -> None:
    site = folder_with(tmp_path / "site", {"index.html": "old", "gone.html": "old"})
    new = folder_with(publish.new_folder(site), {"index.html": "new", "en/index.html": "new"})
    swap_into_place(new, site)
    assert texts(site) == {"index.html": "new", "en/index.html": "new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_first_build_has_no_old_folder(tmp_path: Path, swap_kind: str) -> None:
    site = tmp_path / "site"
    new = folder_with(publish.new_folder(site), {"index.html": "new"})
    swap_into_place(new, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_failed_second_rename_puts_the_old_site_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publish, "_libc_renameat2", lambda: None)
    site = folder_with(tmp_path / "site", {"index.html": "old", "en/index.html": "old"})
    before = hashes(site)
    new = folder_with(publish.new_folder(site), {"index.html": "new"})
    rename = os.rename

    def failing_rename(source: Path, dest: Path) -> None:
        if Path(source) == new:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        rename(source, dest)

    monkeypatch.setattr(os, "rename", failing_rename)
    with pytest.raises(PublishError) as caught:
        swap_into_place(new, site)
    assert str(caught.value) == f"cannot write {site}: No space left on device"
    assert hashes(site) == before
    assert not any(p.name.startswith(".site-old-") for p in tmp_path.iterdir())


def test_a_folder_on_a_read_only_file_system_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_only(**kwargs: object) -> str:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(tmp_path / ".site-new-x"))

    monkeypatch.setattr(publish.tempfile, "mkdtemp", read_only)
    with pytest.raises(PublishError) as caught:
        publish.new_folder(tmp_path / "site")
    assert str(caught.value) == f"cannot write {tmp_path / 'site'}: Read-only file system"


def test_a_full_disk_leaves_the_leaflets_as_they_were(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = folder_with(tmp_path / "print", {"leaflet-da.pdf": "old da", "leaflet-en.pdf": "old en"})
    before = hashes(out)
    write_bytes = Path.write_bytes

    def full_disk(self: Path, data: bytes) -> int:
        if self.name == "leaflet-en.pdf":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(PublishError) as caught:
        write_files(out, {"leaflet-da.pdf": b"new da", "leaflet-en.pdf": b"new en"})
    assert str(caught.value) == f"cannot write {out}: No space left on device"
    assert hashes(out) == before
    assert sorted(p.name for p in out.iterdir()) == ["leaflet-da.pdf", "leaflet-en.pdf"]


def test_leaflets_are_moved_in_together_and_other_files_stay(tmp_path: Path) -> None:
    out = folder_with(tmp_path / "print", {"leaflet-da.pdf": "old", "notes.txt": "mine"})
    paths = write_files(out, {"leaflet-da.pdf": b"new da", "leaflet-en.pdf": b"new en"})
    assert paths == [out / "leaflet-da.pdf", out / "leaflet-en.pdf"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == {
        "leaflet-da.pdf": b"new da",
        "leaflet-en.pdf": b"new en",
        "notes.txt": b"mine",
    }


def break_leaflet(project: Path) -> dict[str, str]:
    """Text too long for its leaflet panel: the build fails in its last step."""
    set_step(project / "content", TOO_LONG)
    return {}


def bad_source_date(project: Path) -> dict[str, str]:
    """A SOURCE_DATE_EPOCH that is not a number."""
    return {"SOURCE_DATE_EPOCH": "abc"}


def strict_warning(project: Path) -> dict[str, str]:
    """A warning in strict mode, which MkDocs turns into a failure after the last event."""
    (project / "hooks" / "warn.py").write_text(
        "import logging\n\n\ndef on_post_build(config):\n"
        "    logging.getLogger('mkdocs.hooks.warn').warning('a warning')\n",
        encoding="utf-8",
    )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("hooks:\n", "hooks:\n  - hooks/warn.py\n"), encoding="utf-8")
    return {}


@pytest.mark.parametrize("failure", [break_leaflet, bad_source_date, strict_warning])
def test_a_failed_build_leaves_the_last_site_byte_identical(
    tmp_path: Path, built: Build, failure: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(built.site, project / "site")
    before = hashes(project / "site")
    assert callable(failure)
    for name, value in failure(project).items():
        monkeypatch.setenv(name, value)
    result = build(project)
    assert result.returncode == 1, result.log
    assert hashes(project / "site") == before
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site-")]


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "not-a-folder").write_text("", encoding="utf-8")
    site = project / "not-a-folder" / "site"
    result = build(project, "--site-dir", str(site))
    assert result.returncode == 1
    assert "Traceback" not in result.log
    errors = [line for line in result.log.splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR   -  cannot write {site}: Not a directory"]
