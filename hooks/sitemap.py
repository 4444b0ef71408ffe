"""Date each page in sitemap.xml by its content's review, not by the day of the build.

MkDocs dates every page with the build day (`Page.update_date`), which the sitemap
(mkdocs-static-i18n's template) prints as `lastmod` and which sets the timestamp in the
header of `sitemap.xml.gz`; two builds on different days differed. A thin adapter: the
dates come from patientsite.render.review_dates.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from patientsite.adapters.content import content_for
from patientsite.leaflet import issue_date
from patientsite.render import review_dates

# The dates of this build's pages, worked out once per build in on_pre_build. Per page, looking
# the content up again (which checks every content file for changes) made a build's time grow
# with the square of the number of exercises.
_dates: dict[str, date] = {}
_undated: list[date] = []


def on_pre_build(config: Any) -> None:
    """Work out every page's review date once for this build."""
    content = content_for(config)
    _dates.clear()
    _dates.update(review_dates(content))
    _undated[:] = [issue_date(content)]


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    """Give the page the date of its last review (or the content's issue date if it has none)."""
    reviewed = _dates.get(page.file.src_uri) or _undated[0]
    page.update_date = reviewed.isoformat()
    return page
