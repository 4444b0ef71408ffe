"""Stop a build whose SOURCE_DATE_EPOCH cannot be used, with one line instead of a traceback.

MkDocs dates every page from it and the leaflets print it; see patientsite.builddate.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from patientsite.builddate import BuildDateError, source_date


@event_priority(100)  # before any other hook or plugin, and before MkDocs dates a page
def on_config(config: Any) -> Any:
    """Check SOURCE_DATE_EPOCH once per build."""
    try:
        source_date()
    except BuildDateError as error:
        raise PluginError(str(error)) from None
    return config
