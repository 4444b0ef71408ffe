"""Render the content model into one Markdown file per page and language."""

from __future__ import annotations

import functools
import json
import posixpath
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from babel.dates import format_date
from babel.numbers import format_currency
from markupsafe import Markup

from patientsite import bodymap, images, paths, placeholders, printfacts, registry
from patientsite import model as m
from patientsite.figure import Drawing, draw_pair
from patientsite.inline import render_inline
from patientsite.languages import direction
from patientsite.loader import LISTING, Content
from patientsite.qr import qr_tables
from patientsite.theme_text import FRONT_MATTER, theme_text


@dataclass(frozen=True)
class PageReview:
    """The review dates a page shows: the oldest review and the earliest due date of its files."""

    reviewed_on: date
    next_review: date

    def overdue(self, today: date) -> bool:
        """True when the next review date has passed."""
        return self.next_review < today


@dataclass(frozen=True)
class Target:
    """One page to render: where it lives, which template fills it and what it is given."""

    path: str
    template: str
    title: m.Title
    description: m.Text
    review: PageReview
    uses: tuple[str, ...]  # the content files the template gets, by kind name
    programme: str | None = None  # the programme whose page this is (None: a shared page)
    exercise: m.Exercise | None = None
    id: str = ""  # its page id in site.yaml ('' for an exercise's page)


# Pages left out of the search index: the home page repeats the programme page (its
# introduction, how to start, the clinic), and every page loads the index on a first visit.
UNSEARCHED = frozenset({"home"})


def language_prefix(content: Content, lang: str) -> str:
    """Where a language's pages live below the site root: '' for the default, 'en/' otherwise."""
    return paths.language_prefix(lang, content.languages[0].code)


def source_name(path: str, lang: str, default_lang: str) -> str:
    """The docs-relative Markdown file for a page path, with the i18n suffix if needed."""
    return paths.source_name(path, lang, default_lang)


def is_programme_page(spec: m.PageSpec) -> bool:
    """Whether a page shows a programme's files, and so is made once per programme."""
    return any(registry.kind(name).scope == "programme" for name in spec.uses)


def has_all(content: Content, uses: Sequence[str], programme: str | None) -> bool:
    """Whether the programme has every file the page uses (a page's `optional` ones aside)."""
    if programme is None:
        return True
    files = content.programmes[programme].files
    return all(name in files for name in uses if registry.kind(name).scope == "programme")


def present(content: Content, uses: Sequence[str], programme: str | None) -> list[str]:
    """The kinds among uses that there are files of, for a page of that programme."""
    return [
        name
        for name in uses
        if registry.kind(name).scope == "site"
        or (programme is not None and name in content.programmes[programme].files)
    ]


def targets(content: Content) -> list[Target]:
    """Every page of the site, the exercise pages included."""
    pages: list[Target] = []
    ids = list(content.programmes)
    for spec in content.site.pages:
        if spec.template == LISTING:
            scopes: list[str | None] = [None] if content.several else []
        else:
            scopes = list(ids) if is_programme_page(spec) else [None]
        for scope in scopes:
            if not has_all(content, spec.uses, scope):
                continue  # the programme has no file this page needs: it has no such page
            shown = present(content, [*spec.uses, *spec.optional], scope)
            files = [content.file(name, scope) for name in shown]
            named = page_names(content, spec, scope)
            path = paths.programme_prefix(scope, ids) + (named.path or spec.path)
            title, description = named.title or spec.title, named.description or spec.description
            review = _review_of(files)
            pages.append(
                Target(
                    path,
                    spec.template,
                    title,
                    description,
                    review,
                    (*spec.uses, *spec.optional),
                    scope,
                    id=spec.id,
                )
            )
        if spec.template == "exercises":
            for exercise in content.exercises.values():
                pages.append(
                    Target(
                        f"{spec.path}{exercise.id}/",
                        "exercise",
                        exercise.name,
                        exercise.purpose,
                        _review_of([exercise]),
                        tuple(spec.uses),
                        exercise=exercise,
                    )
                )
    return pages


def page_names(content: Content, spec: m.PageSpec, programme: str | None) -> m.ProgrammePage:
    """How a programme names one of the site's pages (nothing given: as site.yaml does)."""
    if programme is None:
        return m.ProgrammePage()
    return content.programmes[programme].programme.pages.get(spec.id, m.ProgrammePage())


def review_dates(content: Content) -> dict[str, date]:
    """The date each generated page was last reviewed, keyed by its file under docs/."""
    default = content.languages[0].code
    return {
        source_name(target.path, lang.code, default): target.review.reviewed_on
        for target in targets(content)
        for lang in content.languages
    }


def programme_list(content: Content, lang: str) -> list[tuple[Markup, str, Markup]]:
    """Each programme's name, folder below the language root and summary, each text filled in
    its own programme (the page that lists them belongs to none)."""
    ids = list(content.programmes)
    out = []
    for programme in content.programmes.values():
        values = content.placeholders(lang, programme.id)
        out.append(
            (
                render_inline(placeholders.fill(programme.programme.name.get(lang), values)),
                paths.programme_prefix(programme.id, ids),
                render_inline(placeholders.fill(programme.programme.summary.get(lang), values)),
            )
        )
    return out


def home_programme(content: Content, exercise: m.Exercise | None = None) -> str:
    """The programme a shared page links into: the first that has the exercise, else the first."""
    for programme in content.programmes.values():
        chosen = programme.programme.exercises
        if exercise is None or chosen is None or exercise.id in chosen:
            return programme.id
    return next(iter(content.programmes))


def render_site(
    content: Content, templates: Path, today: date, code: jinja2.BytecodeCache | None = None
) -> dict[str, str]:
    """Every generated Markdown file of the site, keyed by its path under docs/.

    code, if given, keeps the templates' compiled code (see cache.TemplateCodeCache).
    """
    env = _environment(templates, code)
    default = content.languages[0].code
    out: dict[str, str] = {}
    pages = targets(content)
    where: dict[tuple[str | None, str], str] = {}  # (programme, template) -> its (first) page
    by_id: dict[tuple[str | None, str], Target] = {}  # (programme, page id) -> the page
    for page in pages:
        where.setdefault((page.programme, page.template), page.path)
        if page.id:
            by_id[page.programme, page.id] = page
    qr_json = Markup(json.dumps(qr_tables(), separators=(",", ":")))
    figures = figure_files(content)
    for lang in content.languages:
        # Once per language and programme, not per page: the helpers sort the exercises.
        shared = {"qr_tables_json": qr_json, "programmes": programme_list(content, lang.code)}
        helpers = {
            scope: {**text_helpers(content, lang.code, scope), **shared}
            for scope in [None, *content.programmes]
        }
        for target in pages:
            scope = target.programme or home_programme(content, target.exercise)
            links = {
                template: path
                for (programme, template), path in where.items()
                if programme in (None, scope)
            }
            own = {
                page_id: page
                for (programme, page_id), page in by_id.items()
                if programme in (None, scope)
            }
            text = _render_page(
                env,
                content,
                target,
                lang.code,
                (links, own),
                figures,
                helpers[target.programme],
                today,
            )
            out[source_name(target.path, lang.code, default)] = text
    return out


@functools.cache  # one per folder: templates are compiled once, again only when edited
def _environment(templates: Path, code: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        bytecode_cache=code,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def text_helpers(content: Content, lang: str, programme: str | None = None) -> dict[str, Any]:
    """What every template needs to show texts in one language (pages and leaflet alike).

    Placeholders take the values of the programme given (none: only the site-wide ones)."""
    values = content.placeholders(lang, programme)
    labels = content.site.labels

    def fill(text: m.Text) -> str:
        return placeholders.fill(text.get(lang), values)

    def t(text: m.Text) -> Markup:
        return render_inline(fill(text))

    def number(value: str) -> str:
        return placeholders.fill(value, values)

    return {
        "lang": lang,
        "dir": direction(lang),  # ltr or rtl, from data/languages.yaml
        "fill": fill,
        "t": t,
        "label": lambda name: t(getattr(labels, name)),
        "number": number,
        "tel": lambda value: "tel:" + number(value).replace(" ", ""),
        "date": _date_formatter(content.site.date_locale.get(lang)),
        "money": _money_formatter(content.site.date_locale.get(lang)),
        "choice": _choice_lookup(content, t),
        "numbered": lambda sources: {s.id: n for n, s in enumerate(sources, start=1)},
    }


def declared(
    content: Content, uses: Sequence[str], programme: str | None, fill: Callable[[m.Text], str]
) -> dict[str, Any]:
    """What a page's template gets besides the helpers: the files its `uses` names, by kind.

    A page that uses the exercise library also gets `exercises`: the programme's choice (or
    every exercise), easiest first then by name, and `exercise_by_id` to follow an exercise's
    links to easier and harder ones."""
    given: dict[str, Any] = dict.fromkeys(uses)  # None: an optional file the programme has not
    given.update(
        {name: content.file(name, programme) for name in present(content, uses, programme)}
    )
    if "exercise_library" in uses:
        chosen = content.programmes[programme].programme.exercises if programme else None
        pool = [content.exercises[i] for i in chosen] if chosen else content.exercises.values()
        given["exercises"] = sorted(pool, key=lambda e: (e.level, fill(e.name)))
        given["exercise_by_id"] = content.exercises
    return given


@dataclass(frozen=True)
class FigureFile:
    """Where an exercise's start or end figure is written, and the size it is shown at."""

    path: str  # below the site root
    size: tuple[int, int] | None  # CSS pixels (CSS may make it smaller); None if unknown


DRAWING_SCALE = 1.6  # CSS pixels per drawing unit (a standing figure is about 100 units tall)


def figure_files(content: Content) -> dict[tuple[str, str], FigureFile]:
    """Every exercise's start and end figure, by (exercise id, "start" or "end")."""
    files = {}
    for exercise in content.exercises.values():
        pair = drawings(exercise)  # once per exercise: both pictures share one view and frame
        for which in ("start", "end"):
            fig: m.Figure = getattr(exercise.illustration, which)
            size: tuple[int, int] | None
            drawing = pair.get(which)
            if drawing is not None:
                size = round(drawing.width * DRAWING_SCALE), round(drawing.height * DRAWING_SCALE)
                suffix = ".svg"
            else:
                image = _own_image(content, str(fig.image))
                size, suffix = image.size, image.suffix
            files[exercise.id, which] = FigureFile(
                f"{paths.FIGURES}/{exercise.id}-{which}{suffix}", size
            )
    return files


def drawings(exercise: m.Exercise) -> dict[str, Drawing]:
    """An exercise's drawings made from poses, by "start" or "end", in one view and frame.

    A lone pose (the other picture is the clinic's own) is drawn against itself."""
    ill = exercise.illustration
    start, end = ill.start.pose, ill.end.pose
    if start is None and end is None:
        return {}
    hold = exercise.dosage.reps is None
    first, last = draw_pair(start or end, end or start, ill.view, hold, ill.arrow)  # type: ignore[arg-type]
    return {k: v for k, v, pose in (("start", first, start), ("end", last, end)) if pose}


def _own_image(content: Content, name: str) -> images.Image:
    """A clinic's own exercise image, checked and made safe (the loader has checked it)."""
    return images.load(content.root / "exercises", name, "content/exercises")


def render_figures(
    content: Content, templates: Path, code: jinja2.BytecodeCache | None = None
) -> dict[str, bytes]:
    """Every exercise's start and end figure as a file, keyed by its path under docs/.

    A drawing is made from its pose (overrides/content/_drawing.html); a clinic's own image is
    published as images.py makes it safe (an SVG cleaned, a PNG or JPEG written anew). The
    files are the same in every language: the pages give the text alternative. Pages link
    to them rather than holding them, so the exercise index and the programme
    sheet stay small however many exercises there are, and a browser fetches each once.
    """
    env = _environment(templates, code)
    files = figure_files(content)
    out: dict[str, bytes] = {}
    for exercise in content.exercises.values():
        pair = drawings(exercise)
        for which in ("start", "end"):
            fig: m.Figure = getattr(exercise.illustration, which)
            file = files[exercise.id, which]
            drawing = pair.get(which)
            if drawing is not None:
                svg = env.get_template("_drawing.html").render(drawing=drawing, size=file.size)
                out[file.path] = svg.encode("utf-8")
            else:
                out[file.path] = _own_image(content, str(fig.image)).data
    for programme in content.programmes.values():
        drawn = bodymap.body_map(bodymap.programme_regions(programme.programme))
        out[drawn.path] = body_map_svg(env, drawn)
    return out


def body_map_svg(env: jinja2.Environment, drawn: bodymap.BodyMap) -> bytes:
    """The body picture as the SVG file the pages show (and print embeds)."""
    return env.get_template("_body_map.html").render(map=drawn).encode("utf-8")


def page_environment(templates: Path) -> jinja2.Environment:
    """The page templates' Jinja environment (one per folder)."""
    return _environment(templates)


def _render_page(
    env: jinja2.Environment,
    content: Content,
    target: Target,
    lang: str,
    known: tuple[dict[str, str], dict[str, Target]],
    figures: dict[tuple[str, str], FigureFile],
    helpers: dict[str, Any],
    today: date,
) -> str:
    fill = helpers["fill"]
    links, by_id = known

    def link(path: str) -> str:
        here = target.path or "."
        rel = posixpath.relpath(path or ".", here)
        return "./" if rel == "." else rel.rstrip("/") + "/"

    def page_link(template: str) -> str:
        return link(links[template])

    def has_page(template: str) -> bool:
        """Whether this page's programme (or the site) has a page of that template."""
        return template in links

    def file_link(path: str) -> str:
        """A file below the site root (not below the language root), e.g. a PDF."""
        here = posixpath.join(language_prefix(content, lang), target.path) or "."
        return posixpath.relpath(path, here)

    def figure(exercise: m.Exercise, which: str, lazy: bool = False) -> Markup:
        """The img element of an exercise's start or end figure, as this page links to it."""
        file = figures[exercise.id, which]
        return Markup(
            env.get_template("_figure.html").render(
                src=file_link(file.path),
                alt=helpers["t"](getattr(exercise.illustration, which).alt),
                size=file.size,
                lazy=lazy,
            )
        )

    scope = target.programme or home_programme(content, target.exercise)
    ids = list(content.programmes)
    context: dict[str, Any] = {
        **helpers,
        **declared(content, target.uses, target.programme, fill),
        "figure": figure,
        "target": target,
        "exercise": target.exercise,
        "review": target.review,
        "overdue": target.review.overdue(today),
        "link": link,
        "page_link": page_link,
        "has_page": has_page,
        "file_link": file_link,
        "leaflet": paths.leaflet_path(scope, ids, lang),
        "booklet": paths.booklet_path(scope, ids, lang),
        "printed": printfacts.facts,  # size and pages of a PDF this build made, else None
        "exercise_link": lambda ex_id: page_link("exercises") + f"{ex_id}/",
        # Another page of this page's programme (or a shared one) by its id in site.yaml.
        "page_by_id": lambda page_id: by_id[page_id],
        "body_map": bodymap.body_map(
            bodymap.programme_regions(content.programmes[scope].programme)
        ),
    }
    body = env.get_template(f"{target.template}.html").render(context)
    # Escaped here, at rest: the theme prints these unescaped (see theme_text).
    front: dict[str, Any] = {
        "title": str(theme_text(fill(target.title))),
        "description": str(theme_text(fill(target.description))),
    }
    assert tuple(front) == FRONT_MATTER  # the keys theme_text.mark_escaped marks as safe
    if target.programme is not None:  # the theme's banner follows the page's programme
        front["programme"] = target.programme
    if target.template in UNSEARCHED:
        front["search"] = {"exclude": True}
    header = "".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in front.items()
    )
    return f"---\n{header}---\n\n{body}"


def _review_of(files: list[Any]) -> PageReview:
    reviews = [f.review for f in files if getattr(f, "review", None) is not None]
    return PageReview(
        reviewed_on=min(r.reviewed_on for r in reviews),
        next_review=min(r.next_review for r in reviews),
    )


def _date_formatter(locale: str) -> Callable[[date], str]:
    """Dates written out for a locale, e.g. '20. november 2026' or '20 November 2026'."""
    return lambda value: format_date(value, format="long", locale=locale)


def _money_formatter(locale: str) -> Callable[[int], str]:
    """Whole Danish kroner written out for a locale, e.g. '1.200 kr.' or '1,200 DKK'."""
    return lambda value: format_currency(
        value, "DKK", format="#,##0\u00a0¤", locale=locale, currency_digits=False
    )


def _choice_lookup(content: Content, t: Callable[[m.Text], Markup]) -> Callable[[str, str], Markup]:
    library = content.exercise_library
    vocab = {
        "regions": {c.id: c.name for c in library.regions},
        "goals": {c.id: c.name for c in library.goals},
        "levels": {c.id: c.name for c in library.levels},
    }
    return lambda kind, value: t(vocab[kind][str(value)])


def write_tree(docs: Path, files: Mapping[str, str | bytes]) -> tuple[int, int]:
    """Write changed files under docs and delete generated files no longer produced.

    Only files whose content changed are written, so `mkdocs serve` does not loop.
    Generated are the Markdown pages and everything in the figures folder.
    Returns (written, deleted).
    """
    written = deleted = 0
    for rel, data in files.items():
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = docs / rel
        if path.is_file() and path.read_bytes() == raw:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(raw)
        tmp.replace(path)
        written += 1
    for path in sorted(_generated(docs)):
        if path.relative_to(docs).as_posix() not in files:
            path.unlink()
            deleted += 1
    for folder in sorted((p for p in docs.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return written, deleted


def _generated(docs: Path) -> Iterator[Path]:
    yield from (p for p in docs.rglob("*.md") if p.is_file())
    yield from (p for p in (docs / paths.FIGURES).glob("*") if p.is_file())


def is_generated(entry: Path) -> bool:
    """True for an entry of docs/ that write_tree makes: a Markdown page, a folder that holds
    one, or the figures folder."""
    if entry.name == paths.FIGURES and entry.is_dir():
        return True
    return entry.suffix == ".md" or (entry.is_dir() and any(entry.rglob("*.md")))
