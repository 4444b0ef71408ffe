"""Date each page in sitemap.xml by its content's review, not by the day of the build.

MkDocs dates every page with the build day (`Page.update_date`), which the sitemap
(mkdocs-static-i18n's template) prints as `lastmod` and which sets the timestamp in the
header of `sitemap.xml.gz`; two builds on different days differed. A thin adapter: the
dates come from patientsite.render.review_dates.
"""

from __future__ import annotations

from typing import Any

from patientsite.leaflet import issue_date
from patientsite.mkdocs_content import content_for
from patientsite.render import review_dates


def on_pre_page(page: Any, config: Any, files: Any) -> Any:
    """Give the page the date of its last review (or the content's issue date if it has none)."""
    content = content_for(config)
    reviewed = review_dates(content).get(page.file.src_uri) or issue_date(content)
    page.update_date = reviewed.isoformat()
    return page
