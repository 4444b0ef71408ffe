"""Lighthouse (npm lighthouse 12.2.3, Debian's Chromium, mobile settings) on the home page and an
exercise page of each language: accessibility, SEO and best practices score 100.

Performance is reported at the end of the test run, not tested: it depends on the machine.
Each audit takes about 15 s; they run one after another.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import NOTES, PAGES, Served
from tests.browser.site import CHROMIUM, CHROMIUM_ARGS, LIGHTHOUSE_CLI, SitePage

TESTED = ["accessibility", "seo", "best-practices"]


def _audited() -> list[SitePage]:
    exercise_path = next(p.path for p in PAGES if p.template == "exercise")
    return [p for p in PAGES if p.path in {"", exercise_path}]


@pytest.mark.parametrize("audited", _audited(), ids=[p.id for p in _audited()])
def test_lighthouse_scores_100(
    served: Served, node: str, tmp_path: Path, audited: SitePage
) -> None:
    report_path = tmp_path / "lighthouse.json"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [
            node,
            str(LIGHTHOUSE_CLI),
            served.url(audited),
            "--quiet",
            "--output=json",
            f"--output-path={report_path}",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
        capture_output=True,
        text=True,
        check=False,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(report_path.read_text(encoding="utf-8"))
    scores = {key: category["score"] for key, category in report["categories"].items()}
    NOTES.append(
        f"Lighthouse {audited.id}: "
        + ", ".join(f"{key} {round(100 * (score or 0))}" for key, score in scores.items())
    )
    failing = []
    for key in TESTED:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items") or []
                where = "; ".join(json.dumps(item, ensure_ascii=False)[:200] for item in items[:3])
                failing.append(f"{key}: {audit['id']}: {audit['title']} {where}")
    assert all(scores[key] == 1 for key in TESTED), f"{audited.id}: {scores}\n" + "\n".join(failing)
