"""Compiled templates are reused between environments and builds, and never go stale."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from patientsite.cache import TemplateCodeCache


def environment(templates: Path, cache: TemplateCodeCache) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(templates), bytecode_cache=cache)


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("Hello {{ name }}")
    return folder


def count_compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def compile(self: jinja2.Environment, source: str, *args: object, **kwargs: object) -> object:
        compiled.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile)
    return compiled


def test_a_new_environment_reuses_the_code_in_memory(
    templates: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled = count_compiles(monkeypatch)
    cache = TemplateCodeCache()
    for name in ("da", "en"):
        assert environment(templates, cache).get_template("page.html").render(name=name)
    assert len(compiled) == 1


def test_the_code_on_disk_serves_the_next_process(
    templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "build" / "jinja"
    environment(templates, TemplateCodeCache(folder)).get_template("page.html")
    assert len(list(folder.glob("*.jinja"))) == 1
    compiled = count_compiles(monkeypatch)
    page = environment(templates, TemplateCodeCache(folder)).get_template("page.html")
    assert page.render(name="du") == "Hello du"
    assert compiled == []


def test_an_edited_template_is_compiled_again(templates: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    environment(templates, TemplateCodeCache(folder)).get_template("page.html")
    (templates / "page.html").write_text("Goddag {{ name }}")
    page = environment(templates, TemplateCodeCache(folder)).get_template("page.html")
    assert page.render(name="du") == "Goddag du"


def test_a_folder_that_cannot_be_written_only_costs_time(templates: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    cache = TemplateCodeCache(blocked / "jinja")  # below a file: mkdir fails
    assert environment(templates, cache).get_template("page.html").render(name="x") == "Hello x"
    assert environment(templates, cache).get_template("page.html").render(name="y") == "Hello y"
