"""The W3C Nu HTML checker (npm vnu-jar) finds no error on any page.

It is run once over every HTML file of the site (a few seconds); each page is then its own
test case, named after the page.
"""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Served
from tests.browser.site import VNU_JAR, SitePage

# Material writes autocomplete="off" on the two hidden checkboxes that open its navigation
# drawer and its search (base.html, outside any block a theme override can replace). HTML
# allows the attribute on text-like inputs only, but it is the documented way to stop
# Firefox from restoring a checkbox's state on reload, which would reopen the drawer or
# the search overlay. Only these two elements are excused, and only for this message.
MATERIAL_TOGGLES = ('data-md-toggle="drawer"', 'data-md-toggle="search"')
AUTOCOMPLETE_ONLY_ON = "Attribute “autocomplete” is only allowed when the input type is"


def _excused(message: dict[str, Any]) -> bool:
    extract = message.get("extract", "")
    start = message.get("hiliteStart", 0)
    element = extract[start : start + message.get("hiliteLength", 0)]
    return message["message"].startswith(AUTOCOMPLETE_ONLY_ON) and any(
        toggle in element and 'class="md-toggle"' in element for toggle in MATERIAL_TOGGLES
    )


@pytest.fixture(scope="session")
def html_errors(served: Served, java: str) -> dict[Path, list[dict[str, Any]]]:
    """The checker's errors, by file."""
    files = sorted(served.site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    errors: dict[Path, list[dict[str, Any]]] = defaultdict(list)
    for message in report["messages"]:
        path = Path(message.get("url", "").removeprefix("file:"))
        errors[path.resolve()].append(message)
    return errors


def test_the_html_is_valid(
    served: Served, html_errors: dict[Path, list[dict[str, Any]]], site_page: SitePage
) -> None:
    path = served.file(site_page).resolve()
    assert path.is_file(), f"{site_page.id}: {path} was not built"
    found = [
        f"line {m.get('lastLine')}: {m['message']}\n    {' '.join(m.get('extract', '').split())}"
        for m in html_errors.get(path, [])
        if not _excused(m)
    ]
    assert not found, f"{site_page.id} ({path}):\n" + "\n".join(found)


def test_the_checker_reports_errors_it_finds(served: Served, java: str, tmp_path: Path) -> None:
    """The gate can fail: a broken copy of a page is reported."""
    broken = tmp_path / "broken.html"
    text = (served.site / "index.html").read_text(encoding="utf-8")
    broken.write_text(text.replace("<main", "<main><main", 1), encoding="utf-8")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", str(broken)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(result.stderr)["messages"], "the checker found nothing wrong"
