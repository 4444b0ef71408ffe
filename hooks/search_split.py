"""Give each language its own search index, so a search finds pages in the language being read."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

from patientsite.adapters import i18n as mkdocs_i18n

log = logging.getLogger("mkdocs.hooks.search_split")


@event_priority(-200)  # after i18n (-100) has built every language and merged the index
def on_post_build(config: Any) -> None:
    """Split the merged index once all languages are built."""
    if mkdocs_i18n.is_building_other_languages(config):
        return
    languages = [lang.code for lang in mkdocs_i18n.languages(config)]
    counts = mkdocs_i18n.split_search_index(Path(config.site_dir), languages[0], languages[1:])
    log.info("Search index per language: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
