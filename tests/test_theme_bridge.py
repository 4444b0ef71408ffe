"""What patientsite.adapters.theme relies on in MkDocs and Material still holds."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from patientsite.adapters.content import template_code
from patientsite.adapters.theme import ThemeLoader, cache_theme_environments
from tests.conftest import copy_project


@pytest.fixture
def config(tmp_path: Path) -> MkDocsConfig:
    """The project's configuration, read from a copy in tmp_path."""
    project = copy_project(tmp_path / "project")
    return load_config(str(project / "mkdocs.yml"))


def test_mkdocs_gives_each_environment_a_file_loader_over_the_theme_folders(
    config: MkDocsConfig,
) -> None:
    env = config.theme.get_env()
    assert isinstance(env.loader, jinja2.FileSystemLoader)
    assert list(env.loader.searchpath) == list(config.theme.dirs)
    assert env.bytecode_cache is None, "MkDocs now caches compiled templates itself"


def theme_files(config: MkDocsConfig) -> list[str]:
    """The theme files MkDocs adds to the site, as a build does."""
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted(f.src_uri for f in files)


def test_mkdocs_never_copies_hidden_theme_files(config: MkDocsConfig) -> None:
    """What lets ThemeLoader leave them out of its list."""
    custom = Path(str(config.theme.custom_dir))
    for name in (".hidden/a.css", "assets/.b.js", "assets/.c/d.js"):
        (custom / name).parent.mkdir(parents=True, exist_ok=True)
        (custom / name).write_text("x", encoding="utf-8")
    (custom / "assets" / "e.js").write_text("x", encoding="utf-8")
    found = theme_files(config)
    assert "assets/e.js" in found
    assert not [name for name in found if name.startswith(".") or "/." in name]


def test_every_environment_finds_the_same_theme_files_and_shares_compiled_templates(
    config: MkDocsConfig,
) -> None:
    expected = theme_files(config)
    cache_theme_environments(config)
    cache_theme_environments(config)  # each build's on_config: wrapped once
    first, second = config.theme.get_env(), config.theme.get_env()
    assert isinstance(first.loader, ThemeLoader)
    assert theme_files(config) == expected
    assert len(first.list_templates()) < 1000, "hidden folders (Material's icons) are listed"
    assert first.bytecode_cache is second.bytecode_cache is template_code(config)
    icon = ".icons/material/close.svg"  # Material includes icons by name: still found
    assert first.get_template(icon).render().startswith("<svg")
    main = first.get_template("main.html").filename  # the project's overrides come first
    assert main == str(Path(str(config.theme.custom_dir)) / "main.html")


def test_materials_search_plugin_makes_its_environments_with_get_env(
    config: MkDocsConfig,
) -> None:
    """Why the theme hook runs first: Material's search reads its languages through them."""
    made = 0
    get_env = config.theme.get_env

    def counting() -> jinja2.Environment:
        nonlocal made
        made += 1
        return get_env()

    config.theme.get_env = counting  # type: ignore[method-assign]
    config.plugins["material/search"].on_config(config)
    assert made >= 1
