"""Lighthouse (npm lighthouse 12.2.3, Debian's Chromium, mobile settings) on the home page and an
exercise page of each language: accessibility, SEO and best practices score 100.

Performance is reported at the end of the test run, not tested: it depends on the machine,
and the audits run beside the page visits (tests/browser/lighthouse.py).
"""

from __future__ import annotations

import json
from concurrent.futures import Future
from typing import Any

import pytest

from tests.browser.conftest import NOTES, Served, audited_pages
from tests.browser.site import SitePage

TESTED = ["accessibility", "seo", "best-practices"]


@pytest.mark.parametrize("audited", audited_pages(), ids=[p.id for p in audited_pages()])
def test_lighthouse_scores_100(
    served: Served, lighthouse: Future[dict[str, dict[str, Any]]], audited: SitePage
) -> None:
    report = lighthouse.result()[served.url(audited)]
    assert "error" not in report, f"{audited.id}: Lighthouse failed:\n{report['error']}"
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
