"""Run Lighthouse (npm lighthouse 12.2.3) on a few pages, one after another, with Debian's Chromium.

The audits run in a background thread from the start of the browser checks, beside the page
visits: each takes about 15 s, mostly spent waiting on Chromium.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from tests.browser.site import CHROMIUM, CHROMIUM_ARGS, LIGHTHOUSE_CLI

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def audit(node: str, urls: list[str]) -> dict[str, dict[str, Any]]:
    """Lighthouse's report for each address (mobile settings, Lighthouse's default), or
    {"error": ...} when Lighthouse itself failed."""
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    reports: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        for n, url in enumerate(urls):
            path = Path(folder) / f"report-{n}.json"
            result = subprocess.run(
                [
                    node,
                    str(LIGHTHOUSE_CLI),
                    url,
                    "--quiet",
                    "--output=json",
                    f"--output-path={path}",
                    f"--only-categories={','.join(CATEGORIES)}",
                    f"--chrome-flags={flags}",
                ],
                env={**os.environ, "CHROME_PATH": str(CHROMIUM)},
                capture_output=True,
                text=True,
                check=False,
                timeout=180,
            )
            if result.returncode != 0 or not path.exists():
                reports[url] = {"error": (result.stdout + result.stderr)[-3000:]}
            else:
                reports[url] = json.loads(path.read_text(encoding="utf-8"))
    return reports
