"""Make the theme's Jinja environments cheap to create again (see patientsite.adapters.theme).

A thin adapter. It runs before every plugin: Material's search plugin makes theme
environments in its own `on_config`.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import event_priority

from patientsite.adapters.theme import cache_theme_environments


@event_priority(100)
def on_config(config: Any) -> Any:
    """Theme environments list files without walking hidden folders and share compiled code."""
    cache_theme_environments(config)
    return config
