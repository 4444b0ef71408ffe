"""Give each language its own 404 page: `404.html` for the default language, `<lang>/404.html`.

mkdocs-static-i18n builds every language into the same site folder, so Material's
404 page of the last language built would overwrite the default one (upstream #284).
The page's words are each language's `not_found` in src/patientsite/data/languages.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from patientsite.adapters import i18n as mkdocs_i18n
from patientsite.languages import language
from patientsite.paths import language_prefix


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Give overrides/404.html the words of every built language (data/languages.yaml)."""
    env.globals["not_found_words"] = {
        lang.code: language(lang.code).not_found.model_dump()
        for lang in mkdocs_i18n.languages(config)
    }
    return env


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    """Write a non-default language's 404 page into its own folder instead of the root."""
    if template_name != "404.html":
        return output_content
    lang = mkdocs_i18n.current_language(config)
    prefix = language_prefix(lang, mkdocs_i18n.languages(config)[0].code)
    if not prefix:
        return output_content
    path = Path(config.site_dir) / prefix / "404.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(output_content, encoding="utf-8")
    return ""  # MkDocs writes nothing for an empty template, so the root keeps the default
