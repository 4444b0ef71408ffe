"""What patientsite.mkdocs_theme relies on in MkDocs and Material still holds."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from patientsite import mkdocs_theme
from patientsite.mkdocs_content import template_code
from patientsite.mkdocs_theme import ThemeLoader, cache_theme_environments
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


def test_every_environment_lists_the_same_files_and_shares_compiled_templates(
    config: MkDocsConfig,
) -> None:
    expected = config.theme.get_env().list_templates()
    cache_theme_environments(config)
    cache_theme_environments(config)  # each build's on_config: wrapped once
    first, second = config.theme.get_env(), config.theme.get_env()
    assert isinstance(first.loader, ThemeLoader)
    assert first.list_templates() == expected
    assert second.list_templates() == expected
    assert first.bytecode_cache is second.bytecode_cache is template_code(config)
    assert first.get_template("main.html").render  # the project's overrides still come first


def test_the_installed_theme_is_listed_once_and_the_project_folder_every_time(
    config: MkDocsConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed: list[str] = []
    names = mkdocs_theme._names

    def counting(folder: str, followlinks: bool) -> frozenset[str]:
        listed.append(folder)
        return names(folder, followlinks)

    monkeypatch.setattr(mkdocs_theme, "_names", counting)
    monkeypatch.setattr(mkdocs_theme, "_LISTED", {})
    cache_theme_environments(config)
    custom = Path(str(config.theme.custom_dir))
    config.theme.get_env().list_templates()
    (custom / "added.html").write_text("new", encoding="utf-8")
    assert "added.html" in config.theme.get_env().list_templates()
    installed = [d for d in config.theme.dirs if Path(d) != custom]
    assert installed and listed.count(str(custom)) == 2
    assert all(listed.count(d) == 1 for d in installed), listed


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
