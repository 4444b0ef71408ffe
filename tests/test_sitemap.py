"""sitemap.xml and sitemap.xml.gz depend on the content only, not on the day of the build."""

from __future__ import annotations

import gzip
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from patientsite.loader import Content
from patientsite.render import language_prefix, targets
from tests.conftest import Build, build, copy_project
from tests.sitetools import OWN_URL

NEW_YEAR_2001 = "978307200"  # MkDocs takes SOURCE_DATE_EPOCH as the day of the build


def lastmods(sitemap: Path) -> dict[str, str]:
    """The lastmod of every address in a sitemap."""
    text = sitemap.read_text(encoding="utf-8")
    return dict(re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", text))


def test_every_page_is_dated_by_its_review(built: Build, content: Content) -> None:
    expected = {
        OWN_URL + language_prefix(content, lang.code) + target.path: (
            target.review.reviewed_on.isoformat()
        )
        for target in targets(content)
        for lang in content.languages
    }
    assert lastmods(built.site / "sitemap.xml") == expected


def test_the_gzip_header_holds_the_newest_review(built: Build) -> None:
    newest = max(lastmods(built.site / "sitemap.xml").values())
    packed = (built.site / "sitemap.xml.gz").read_bytes()
    stamp = int.from_bytes(packed[4:8], "little")  # RFC 1952: MTIME, bytes 4 to 7
    day = datetime.fromisoformat(newest).replace(tzinfo=UTC)
    assert stamp == int(day.timestamp())
    assert gzip.decompress(packed) == (built.site / "sitemap.xml").read_bytes()


def test_a_build_on_another_day_gives_identical_sitemaps(
    tmp_path: Path, built: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_project(tmp_path / "project")
    shutil.copytree(built.site, project / "site")
    (project / "site" / "stale.html").write_text("from an older build", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NEW_YEAR_2001)
    result = build(project)
    assert result.returncode == 0, result.log
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        assert (result.site / name).read_bytes() == (built.site / name).read_bytes(), name
    assert not (result.site / "stale.html").exists()  # a build that succeeds replaces the site
