"""Everything that leans on mkdocs-static-i18n's internals, in one place.

tests/test_i18n_bridge.py fails loudly if the plugin changes what is used here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from patientsite.model import Language
from patientsite.paths import language_prefix


def _plugin(config: Any) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise RuntimeError("the i18n plugin (mkdocs-static-i18n) is not configured in mkdocs.yml")
    return plugin


def languages(config: Any) -> tuple[Language, ...]:
    """The configured languages, the default one first."""
    langs = [lang for lang in _plugin(config).config.languages if lang.build]
    langs.sort(key=lambda lang: not lang.default)
    return tuple(Language(code=lang.locale, name=lang.name) for lang in langs)


def current_language(config: Any) -> str:
    """The language of the build that is running (i18n builds each language in turn)."""
    code = _plugin(config).current_language
    assert isinstance(code, str)
    return code


def is_building_other_languages(config: Any) -> bool:
    """True inside i18n's nested build of a non-default language."""
    return bool(_plugin(config).building)


def split_search_index(site_dir: Path, default: str, others: list[str]) -> dict[str, int]:
    """Give each language a search index of its own pages only.

    i18n merges every language into one index (upstream #271). Material's search
    loads `search/search_index.json` below each language root, so the default
    root keeps the pages outside `<lang>/`, and `<lang>/search/` gets that
    language's pages with locations made relative to its root.
    Returns the number of entries written per language.
    """
    merged_path = site_dir / "search" / "search_index.json"
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    prefixes = tuple(language_prefix(code, default) for code in others)
    counts: dict[str, int] = {}
    own = [d for d in merged["docs"] if not d["location"].startswith(prefixes)]
    _write_index(merged_path, merged, own)
    counts[default] = len(own)
    for code in others:
        prefix = language_prefix(code, default)
        docs = [
            {**d, "location": d["location"][len(prefix) :]}
            for d in merged["docs"]
            if d["location"].startswith(prefix)
        ]
        config = {**merged["config"], "lang": [code]}
        _write_index(
            site_dir / prefix / "search" / "search_index.json", {**merged, "config": config}, docs
        )
        counts[code] = len(docs)
    return counts


def _write_index(path: Path, index: dict[str, Any], docs: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
