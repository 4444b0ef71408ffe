"""The editors' report: how easy each page is to read, and what needs a clinician's attention.

Readability is measured on the rendered pages (what patients read), per page and language:
LIX for every language (words per sentence + percentage of words longer than six letters)
and, for English, Flesch reading ease from textstat. Governance is read from the YAML files
themselves, so it also works while a file has a mistake: review dates, texts whose
translation is missing, a copy of the default language, marked with `TODO:` or stale (its
source text changed after it was checked, see `translations.py`), exercises no page links
to, and medical statements without the source the model requires.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import textstat
from pydantic import BaseModel, ValidationError

from patientsite import model as m
from patientsite.loader import (
    FILES,
    PROGRAMME_PLACEHOLDERS,
    Content,
    exercise_files,
    load_content,
)
from patientsite.problems import ContentError, Problem, display_path
from patientsite.render import render_site, source_name, targets
from patientsite.translations import LockError
from patientsite.translations import status as lock_status
from patientsite.triage import review_table
from patientsite.yamlsource import Loc, YamlDocument, problem_at, read_yaml

# A text that starts with this marker still needs to be translated.
TRANSLATION_MARKER = "TODO:"
DUE_SOON = timedelta(days=60)
# A text this long that is the same in two languages is probably not translated; shorter
# ones often are the same on purpose ("Start", "E-mail", a name).
SAME_TEXT_WORDS = 3
# Readability targets: LIX at most (Danish and other languages), Flesch at least (English).
LIX_TARGET = 40.0
LIX_TARGET_EASY = 35.0
EASY_TEMPLATES = frozenset({"home", "warning_signs", "self_care", "questions"})
FLESCH_TARGET = 60.0
LONGEST = 3

# Elements that start a new block of text (a heading, paragraph, list item, cell).
_BLOCKS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div", "section", "aside"}
    | {"nav", "ul", "ol", "dl", "table", "tr", "td", "th", "br"}
)
# Elements whose content is code, not text for the reader.
_CODE = frozenset({"script", "style"})
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]*\{[^}]*\})?[ \t]*$", re.MULTILINE)
# A sentence ends at . ! ? or : followed by a word that starts with a capital letter.
_SENTENCE_END = re.compile(r"(?<=[.!?:])\s+(?=[\"“„(]?[A-ZÀ-ÖØ-Þ])")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


# --- text of a rendered page -----------------------------------------------------------


@dataclass
class PageText:
    """The blocks of text a reader sees on one page, and the links on it."""

    blocks: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageText()
        self._current: list[str] = []
        self._in_code = 0

    def end_block(self) -> None:
        """Close the block being read."""
        text = " ".join("".join(self._current).split())
        if text:
            self.page.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CODE:
            self._in_code += 1
        if tag in _BLOCKS:
            self.end_block()
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.page.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag in _CODE and self._in_code:
            self._in_code -= 1
        if tag in _BLOCKS:
            self.end_block()

    def handle_data(self, data: str) -> None:
        if not self._in_code:
            self._current.append(data)


def page_text(markdown: str) -> PageText:
    """The text of a generated page: front matter and markup removed, one entry per block."""
    body = markdown.split("---\n", 2)[2] if markdown.startswith("---\n") else markdown
    body = _HEADING.sub(lambda h: f"<h{len(h[1])}>{h[2]}</h{len(h[1])}>", body)
    parser = _TextParser()
    for chunk in re.split(r"\n\s*\n", body):  # a blank line ends a Markdown paragraph
        parser.feed(chunk)
        parser.end_block()
    parser.close()
    parser.end_block()
    return parser.page


def sentences(blocks: Sequence[str]) -> list[str]:
    """Sentences of the blocks: a heading, list item or cell is at least one sentence."""
    return [s for block in blocks for s in _SENTENCE_END.split(block) if _WORD.search(s)]


def words(text: str) -> list[str]:
    """The words of a text (letters or digits, joined by hyphens or apostrophes)."""
    return _WORD.findall(text)


def is_long(word: str) -> bool:
    """LIX's long word: more than six letters."""
    return sum(c.isalpha() for c in word) > 6


def lix(sentence_list: Sequence[str]) -> float:
    """LIX: words per sentence + 100 x long words / words."""
    all_words = [w for s in sentence_list for w in words(s)]
    if not all_words:
        return 0.0
    long_words = sum(is_long(w) for w in all_words)
    return len(all_words) / len(sentence_list) + 100 * long_words / len(all_words)


def flesch(sentence_list: Sequence[str]) -> float:
    """Flesch reading ease (textstat) of English sentences, each ended with a full stop."""
    text = " ".join(s if s[-1] in ".!?" else s.rstrip(":") + "." for s in sentence_list)
    return float(textstat.flesch_reading_ease(text))


# --- readability of every page -----------------------------------------------------------


@dataclass(frozen=True)
class Readability:
    """How easy one page is to read in one language."""

    page: str
    template: str
    lang: str
    words: int
    sentences: int
    lix: float
    flesch: float | None
    longest: tuple[str, ...]

    @property
    def score(self) -> str:
        """The score the page is held to: Flesch for English, LIX otherwise."""
        return f"Flesch {self.flesch:.1f}" if self.flesch is not None else f"LIX {self.lix:.1f}"

    @property
    def target(self) -> str:
        """The target, written out."""
        if self.flesch is not None:
            return f"≥ {FLESCH_TARGET:.0f}"
        return f"≤ {lix_target(self.template):.0f}"

    @property
    def on_target(self) -> bool:
        """True when the page meets its target."""
        if self.flesch is not None:
            return self.flesch >= FLESCH_TARGET
        return self.lix <= lix_target(self.template)


def lix_target(template: str) -> float:
    """The highest LIX a page made with template may have."""
    return LIX_TARGET_EASY if template in EASY_TEMPLATES else LIX_TARGET


def page_label(path: str) -> str:
    """A page's name in the report: its path without the slash, 'home' for the home page."""
    return path.rstrip("/") or "home"


def readability(content: Content, rendered: dict[str, str]) -> list[Readability]:
    """Readability of every page in every language, from the rendered pages."""
    default = content.languages[0].code
    out = []
    for lang in content.languages:
        for target in targets(content):
            text = page_text(rendered[source_name(target.path, lang.code, default)])
            found = sentences(text.blocks)
            longest = sorted(found, key=lambda s: len(words(s)), reverse=True)[:LONGEST]
            out.append(
                Readability(
                    page=page_label(target.path),
                    template=target.template,
                    lang=lang.code,
                    words=sum(len(words(s)) for s in found),
                    sentences=len(found),
                    lix=lix(found),
                    flesch=flesch(found) if lang.code == "en" else None,
                    longest=tuple(longest),
                )
            )
    return out


def orphan_exercises(content: Content, rendered: dict[str, str]) -> list[str]:
    """Exercise pages that no other page links to, as 'path (language)'."""
    default = content.languages[0].code
    pages = targets(content)
    orphans = []
    for lang in content.languages:
        linked: set[str] = set()
        for target in pages:
            text = page_text(rendered[source_name(target.path, lang.code, default)])
            for href in text.links:
                resolved = _resolve(target.path, href)
                if resolved is not None and resolved != target.path:
                    linked.add(resolved)
        orphans += [
            f"{t.path} ({lang.code})"
            for t in pages
            if t.exercise is not None and t.path not in linked
        ]
    return orphans


def _resolve(here: str, href: str) -> str | None:
    """The page path ('a/b/') a relative link on page here points to; None if it leaves the site."""
    target = href.split("#", 1)[0]
    if not target or ":" in target or target.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(here or ".", target))
    return "" if joined == "." else joined.strip("/") + "/"


# --- governance, read from the YAML files ------------------------------------------------


@dataclass(frozen=True)
class ReviewStatus:
    """The review state of one content file."""

    file: str
    reviewed_on: date | None
    next_review: date | None
    reviewed_by: str
    status: str  # "overdue", "due soon", "ok" or "no review"


def review_status(doc: YamlDocument, today: date) -> ReviewStatus:
    """Whether a file's review is overdue, due within 60 days, or fine."""
    review = doc.data.get("review") if isinstance(doc.data, dict) else None
    if not isinstance(review, dict):
        return ReviewStatus(doc.file, None, None, "", "no review")
    on, due = review.get("reviewed_on"), review.get("next_review")
    on = on if isinstance(on, date) else None
    due = due if isinstance(due, date) else None
    if due is None:
        status = "no review"
    elif due < today:
        status = "overdue"
    elif due <= today + DUE_SOON:
        status = "due soon"
    else:
        status = "ok"
    return ReviewStatus(doc.file, on, due, str(review.get("reviewed_by") or ""), status)


def translation_findings(doc: YamlDocument, languages: Sequence[m.Language]) -> Iterator[Problem]:
    """Texts whose translation is missing, equal to the default language, or marked TODO."""
    codes = {lang.code for lang in languages}
    default = languages[0]
    for loc, text in _texts(doc.data, (), codes, default.code):
        original = str(text.get(default.code) or "")
        for lang in languages[1:]:
            value = text.get(lang.code)
            value = value if isinstance(value, str) else ""
            where = (*loc, lang.code)
            if not value.strip():
                yield problem_at(doc, where, f"missing text in {lang.name}")
            elif value.strip().startswith(TRANSLATION_MARKER):
                yield problem_at(
                    doc, where, f"marked as needing translation ('{TRANSLATION_MARKER}')"
                )
            elif value == original and _word_count(value) >= SAME_TEXT_WORDS:
                yield problem_at(doc, where, f"the same as the '{default.code}' text")


def _texts(value: Any, loc: Loc, codes: set[str], default: str) -> Iterator[tuple[Loc, Any]]:
    """Every mapping of language to text below value ({da: ..., en: ...}).

    Mappings of language to lists (a red flag's keywords) are words, not translations.
    """
    if isinstance(value, dict):
        is_text = not any(isinstance(v, list | dict) for v in value.values())
        if value and default in value and set(value) <= codes and is_text:
            yield loc, value
            return
        for key, child in value.items():
            yield from _texts(child, (*loc, str(key)), codes, default)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, (*loc, index), codes, default)


def _word_count(text: str) -> int:
    """Words outside placeholders (a lone '{clinic}' is the same in every language anyway)."""
    return len(words(m.PLACEHOLDER.sub("", text)))


def unsourced_statements(
    docs: dict[str, YamlDocument], languages: Sequence[m.Language]
) -> Iterator[Problem]:
    """Statements that the model says need a source and have none (its 'unsourced_' rules)."""
    settings = _settings(docs.get("content/site.yaml"), languages)
    for doc in docs.values():
        cls = _model_of(doc.file)
        if cls is None or not isinstance(doc.data, dict):
            continue
        try:
            cls.model_validate(doc.data, context={"settings": settings})
        except ValidationError as exc:
            for error in exc.errors():
                if error["type"].startswith("unsourced_"):
                    ctx = error.get("ctx") or {}
                    loc: Loc = tuple(p for p in error["loc"] if p != "root")
                    yield problem_at(doc, (*loc, *ctx.get("loc_extra", ())), error["msg"])


def _settings(site: YamlDocument | None, languages: Sequence[m.Language]) -> m.ValidationSettings:
    data = site.data if site is not None and isinstance(site.data, dict) else {}
    services = [s for s in data.get("services") or [] if isinstance(s, dict)]
    return m.ValidationSettings(
        languages=tuple(languages),
        placeholders=PROGRAMME_PLACEHOLDERS | {str(s.get("id")) for s in services},
        reserved_numbers=frozenset(str(s.get("number")) for s in services),
    )


def _model_of(file: str) -> type[BaseModel] | None:
    path = Path(file)
    if path.parent.name == "exercises":
        return m.Exercise
    return m.SiteFile if path.stem == "site" else FILES.get(path.stem)


# --- the whole report --------------------------------------------------------------------


@dataclass
class Report:
    """Everything `make report` shows."""

    today: date
    reviews: list[ReviewStatus]
    translations: list[Problem]
    unsourced: list[Problem]
    pages: list[Readability] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    safety: list[str] = field(default_factory=list)


def content_files(root: Path) -> list[Path]:
    """Every content file the loader reads, in its order."""
    named = [root / f"{name}.yaml" for name in ["site", *FILES]]
    return [p for p in named if p.is_file()] + exercise_files(root)


def build_report(
    root: Path,
    languages: Sequence[m.Language],
    templates: Path,
    today: date,
    project: Path | None = None,
) -> Report:
    """Read every file under root, measure the rendered pages and collect what needs attention."""
    project = project or root.parent
    docs: dict[str, YamlDocument] = {}
    for path in content_files(root):
        doc, _ = read_yaml(path, display_path(path, project))
        if doc is not None:
            docs[doc.file] = doc
    report = Report(
        today=today,
        reviews=[review_status(doc, today) for doc in docs.values()],
        translations=sorted(
            p for doc in docs.values() for p in translation_findings(doc, languages)
        ),
        unsourced=sorted(unsourced_statements(docs, languages)),
    )
    report.translations += _stale_translations(root, project, languages, report)
    try:
        content = load_content(root, languages, project)
    except ContentError as error:
        report.problems += error.problems
        return report
    rendered = render_site(content, templates, today)
    report.pages = readability(content, rendered)
    report.orphans = orphan_exercises(content, rendered)
    report.safety = review_table(content, content.languages[0].code)
    return report


def _stale_translations(
    root: Path, project: Path, languages: Sequence[m.Language], report: Report
) -> list[Problem]:
    """Translations whose source text changed after they were last checked."""
    try:
        return lock_status(root, project, languages).stale
    except LockError as error:
        report.problems.append(error.problem)
        return []


def format_report(report: Report) -> str:
    """The report as Markdown, readable in a terminal and in a pull request's job summary."""
    out = [f"# Content report, {report.today.isoformat()}", ""]
    out += _readability_section(report)
    out += report.safety
    out += ["## Reviews", "", "| file | reviewed on | next review | reviewed by | status |"]
    out += ["| --- | --- | --- | --- | --- |"]
    for r in report.reviews:
        status = _STATUS.get(r.status, r.status)
        out.append(
            f"| {r.file} | {r.reviewed_on or '–'} | {r.next_review or '–'} "
            f"| {r.reviewed_by or '–'} | {status} |"
        )
    out.append("")
    out += _list_section("Translations to do", [str(p) for p in report.translations])
    out += _list_section("Exercises no page links to", report.orphans)
    out += _list_section(
        "Medical statements without a required source", [str(p) for p in report.unsourced]
    )
    if report.problems:
        out += _list_section(
            "Content problems (run `make check`; readability is measured once they are fixed)",
            [str(p) for p in report.problems],
        )
    return "\n".join(out).rstrip() + "\n"


def _readability_section(report: Report) -> list[str]:
    if not report.pages:
        return []
    out = [
        "## Readability",
        "",
        f"Targets: LIX {LIX_TARGET:.0f} or below for Danish pages ({LIX_TARGET_EASY:.0f} for the "
        "home page, warning signs, self-care and questions); Flesch reading ease "
        f"{FLESCH_TARGET:.0f} or above for English pages.",
        "",
        "| page | language | score | target | words | sentences | words per sentence |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in report.pages:
        mark = "" if p.on_target else " **over target**"
        per = p.words / p.sentences if p.sentences else 0.0
        out.append(
            f"| {p.page} | {p.lang} | {p.score}{mark} | {p.target} | {p.words} "
            f"| {p.sentences} | {per:.1f} |"
        )
    out += ["", "### Longest sentences", ""]
    for p in report.pages:
        out.append(f"- **{p.page} ({p.lang})**")
        out += [f"  - {len(words(s))} words: {s}" for s in p.longest]
    return [*out, ""]


_STATUS = {"overdue": "**OVERDUE**", "due soon": f"due within {DUE_SOON.days} days"}


def _list_section(title: str, items: list[str]) -> list[str]:
    return [f"## {title}", "", *(f"- {item}" for item in items or ["none"]), ""]
