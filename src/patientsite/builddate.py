"""SOURCE_DATE_EPOCH, the date of a reproducible build: read and checked in one place.

MkDocs (page dates), fontTools (the leaflet's embedded fonts) and the leaflet read it too,
and each of them fails with a traceback on a value it cannot use; a build checks it first.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime

VARIABLE = "SOURCE_DATE_EPOCH"
EARLIEST = datetime(1980, 1, 1, tzinfo=UTC)
LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)


class BuildDateError(Exception):
    """SOURCE_DATE_EPOCH is set to something that is not a date a build can use."""


def source_date(environ: Mapping[str, str] = os.environ) -> datetime | None:
    """The time SOURCE_DATE_EPOCH gives, None when it is not set; BuildDateError when it is bad."""
    value = environ.get(VARIABLE)
    if value is None:
        return None
    seconds = int(value) if re.fullmatch(r"[0-9]{1,12}", value) else None
    if seconds is None or not EARLIEST.timestamp() <= seconds <= LATEST.timestamp():
        shown = repr(value) if len(value) <= 40 else repr(value[:37] + "...")
        raise BuildDateError(
            f"{VARIABLE}: expected a whole number of seconds since 1970-01-01, for a date "
            f"from {EARLIEST.date()} to {LATEST.date()} (got {shown})"
        )
    return datetime.fromtimestamp(seconds, tz=UTC)
