"""Text from content is text: markup is escaped, Markdown is inert, two emphasis forms remain."""

from __future__ import annotations

import markdown
import pytest

from patientsite.inline import render_inline, render_plain


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("Hvil kort", "Hvil kort"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Tom & Jerry", "Tom &amp; Jerry"),
        ("the clinic's hours", "the clinic&#39;s hours"),
        ("&#35; stays as typed", "&amp;&#35;35; stays as typed"),
        ("Gå **ikke** i seng", "Gå <strong>ikke</strong> i seng"),
        ("Gå *roligt*", "Gå <em>roligt</em>"),
        ("[klik](javascript:alert(1))", "&#91;klik&#93;(javascript:alert(1))"),
        ("# ikke en overskrift", "&#35; ikke en overskrift"),
        ("**<b>fed</b>**", "<strong>&lt;b&gt;fed&lt;/b&gt;</strong>"),
    ],
)
def test_render_inline(text: str, html: str) -> None:
    assert render_inline(text) == html


@pytest.mark.parametrize(
    "text", ["<script>alert(1)</script>", "`kode` og _kursiv_ og [link](https://x.dk)", "a | b"]
)
def test_markdown_leaves_rendered_text_as_it_was_written(text: str) -> None:
    html = markdown.markdown(f"<p>{render_inline(text)}</p>\n\n## {render_inline(text)}")
    assert "<script" not in html
    assert "<code>" not in html and "<a " not in html and "<em>" not in html


def test_render_plain_drops_emphasis_markers() -> None:
    assert render_plain("Gå **ikke** i *seng*") == "Gå ikke i seng"
