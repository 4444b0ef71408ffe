"""Time the leaflets in a fresh process: `python -m benchmarks.leaflets PROJECT`.

Prints JSON: seconds to import WeasyPrint, then seconds for each language's PDF, made one
after the other as the leaflet hook makes them after a build.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def measure(project: Path) -> dict[str, float]:
    """Seconds for the WeasyPrint import, then for each language's leaflet."""
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


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
