"""The content of the MkDocs project being built, loaded once and shared by the hooks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from patientsite.adapters import i18n as mkdocs_i18n
from patientsite.cache import ContentCache, TemplateCodeCache
from patientsite.loader import Content
from patientsite.problems import ContentError

# These live here, not in a hook file: MkDocs loads hook files afresh for each `serve` rebuild.
CACHE = ContentCache()
_TEMPLATE_CODE: dict[Path, TemplateCodeCache] = {}
TEMPLATE_CODE_FOLDER = Path("build") / "jinja"  # below the project; git-ignored, `make clean`


def template_code(config: Any) -> TemplateCodeCache:
    """The compiled templates of the project being built (theme and page templates)."""
    folder = project_root(config) / TEMPLATE_CODE_FOLDER
    return _TEMPLATE_CODE.setdefault(folder, TemplateCodeCache(folder))


def project_root(config: Any) -> Path:
    """The folder of mkdocs.yml."""
    return Path(config.config_file_path).parent


def content_for(config: Any) -> Content:
    """The validated content/ of the project (cached); a content error stops the build."""
    root = project_root(config)
    try:
        return CACHE.content(root / "content", mkdocs_i18n.languages(config), root)
    except ContentError as error:
        raise PluginError("\n" + error.report()) from None
