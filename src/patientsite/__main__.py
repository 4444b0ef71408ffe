"""Command line.

`python -m patientsite check [CONTENT_DIR]` validates content without building;
`python -m patientsite leaflet --clinic FILE --out DIR` makes a clinic's leaflets;
`python -m patientsite report [CONTENT_DIR]` prints the readability and review report;
`python -m patientsite translations [--done [FILE ...]]` updates the translation lock;
`python -m patientsite figures --out DIR` writes the clinicians' review sheet of the drawings.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path

from patientsite.loader import load_content, with_clinic
from patientsite.model import Language
from patientsite.problems import ContentError, display_path
from patientsite.project import project_languages, project_site_url


def main(argv: list[str] | None = None) -> int:
    """Run the command and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m patientsite")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every content file and list all problems")
    check.add_argument("content", nargs="?", default="content", type=Path)
    check.add_argument("--config", default="mkdocs.yml", type=Path)
    leaflet = sub.add_parser("leaflet", help="make the printable leaflets for a clinic profile")
    leaflet.add_argument("--clinic", default="content/clinic.yaml", type=Path)
    leaflet.add_argument("--out", default="build/leaflets", type=Path)
    leaflet.add_argument("--content", default="content", type=Path)
    leaflet.add_argument("--config", default="mkdocs.yml", type=Path)
    report = sub.add_parser("report", help="readability of every page and what needs review")
    report.add_argument("content", nargs="?", default="content", type=Path)
    report.add_argument("--config", default="mkdocs.yml", type=Path)
    report.add_argument("--templates", default="overrides/content", type=Path)
    report.add_argument("--today", default=None, type=date.fromisoformat, help="YYYY-MM-DD")
    report.add_argument("--output", default=None, type=Path, help="write Markdown to this file")
    lock = sub.add_parser(
        "translations",
        help="record new and changed texts in the translation lock; "
        "--done also marks stale translations as checked",
    )
    lock.add_argument(
        "--done",
        nargs="*",
        type=Path,
        default=None,
        metavar="FILE",
        help="mark the translations of these files (all files when none is named) as checked",
    )
    lock.add_argument("--content", default="content", type=Path)
    lock.add_argument("--config", default="mkdocs.yml", type=Path)
    figures = sub.add_parser("figures", help="every exercise drawing on one sheet, for review")
    figures.add_argument("--content", default="content", type=Path)
    figures.add_argument("--config", default="mkdocs.yml", type=Path)
    figures.add_argument("--out", default="build/figures", type=Path)
    figures.add_argument("--lang", default=None, help="language code (default: every language)")
    args = parser.parse_args(argv)
    if args.command == "translations":
        return _translations(args)
    if args.command == "figures":
        return _figures(args)
    if args.command == "leaflet":
        return _leaflet(args)
    if args.command == "report":
        return _report(args)
    return _check(args)


def _leaflet(args: argparse.Namespace) -> int:
    """Make one clinic's leaflets in every language."""
    from patientsite.builddate import BuildDateError
    from patientsite.leaflet import LeafletError, write_leaflets
    from patientsite.publish import PublishError

    try:
        content = load_content(args.content, project_languages(args.config), Path.cwd())
        content = with_clinic(content, args.clinic, Path.cwd())
        paths = write_leaflets(
            content, Path("overrides/leaflet"), project_site_url(args.config), args.out
        )
    except (ContentError, LeafletError, BuildDateError, PublishError) as error:
        print(error.report() if isinstance(error, ContentError) else error, file=sys.stderr)
        return 1
    for path in paths:
        print(f"Wrote {path}")
    return 0


def _figures(args: argparse.Namespace) -> int:
    """Write the review sheet of every exercise drawing as HTML and PDF."""
    from patientsite.figsheet import write_sheet

    languages = project_languages(args.config)
    try:
        content = load_content(args.content, languages, Path.cwd())
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    codes = [args.lang] if args.lang else [language.code for language in languages]
    templates, pages = Path("overrides/figures"), Path("overrides/content")
    for lang in codes:
        for path in write_sheet(content, lang, templates, pages, args.out):
            print(f"Wrote {path}")
    return 0


def _report(args: argparse.Namespace) -> int:
    """Print the editors' report; the status is 1 when content has problems."""
    from patientsite.report import build_report, format_report

    languages = project_languages(args.config)
    today = args.today or date.today()
    result = build_report(args.content, languages, args.templates, today, Path.cwd())
    text = format_report(result)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 1 if result.problems else 0


def _check(args: argparse.Namespace) -> int:
    """Validate the content folder."""
    start = time.perf_counter()
    try:
        content = load_content(args.content, project_languages(args.config), Path.cwd())
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - start
    files = len(content.files) + len(content.exercises)
    files += sum(len(programme.files) for programme in content.programmes.values())
    print(f"Content is valid: {files} files checked in {elapsed:.2f} s.")
    return _check_translations(args.content, content.languages)


def _check_translations(root: Path, languages: Sequence[Language]) -> int:
    """Warn about stale translations and note an outdated lock; only a malformed lock fails."""
    from patientsite.translations import LockError, lock_path, status

    try:
        found = status(root, Path.cwd(), languages)
    except LockError as error:
        print(error, file=sys.stderr)
        return 1
    for problem in found.stale:
        print(problem, file=sys.stderr)
    if found.stale:
        count = len(found.stale)
        noun = "translation" if count == 1 else "translations"
        print(f"{count} {noun} to check (a warning; nothing fails).", file=sys.stderr)
    lock = display_path(lock_path(root), Path.cwd())
    if found.missing:
        print(f"Note: {lock} is missing; run 'make translations' to create it.", file=sys.stderr)
    elif not found.up_to_date:
        print(
            f"Note: {lock} is not up to date (new, moved or removed texts, or changed "
            f"translations: {_lines(found.added)} to add, {found.removed} to remove); "
            "run 'make translations' to record them.",
            file=sys.stderr,
        )
    return 0


def _translations(args: argparse.Namespace) -> int:
    """Update the translation lock; with --done, mark stale translations as checked."""
    from patientsite.translations import LockError, documents, lock_path, write_lock

    project = Path.cwd()
    try:
        content = load_content(args.content, project_languages(args.config), project)
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    done: frozenset[str] | None = None
    if args.done is None:
        done = frozenset()
    elif args.done:
        files = documents(args.content, project)
        named = [_content_file(path, args.content, files) for path in args.done]
        unknown = [str(path) for path, name in zip(args.done, named, strict=True) if not name]
        if unknown:
            folder = display_path(args.content, project)
            for path in unknown:
                print(f"{path}: not a content file in {folder}/", file=sys.stderr)
            return 1
        done = frozenset(name for name in named if name)
    try:
        written = write_lock(args.content, project, content.languages, done)
    except LockError as error:
        print(error, file=sys.stderr)
        return 1
    lock = display_path(lock_path(args.content), project)
    if written.wrote:
        noun = "translation" if written.checked == 1 else "translations"
        print(
            f"Wrote {lock}: {_lines(written.added)} added, {written.removed} removed; "
            f"{written.checked} stale {noun} marked as checked."
        )
    else:
        print(f"{lock} is up to date.")
    if written.stale:
        noun = "translation is" if written.stale == 1 else "translations are"
        print(f"{written.stale} {noun} still to check; 'make check' lists them.")
    return 0


def _lines(count: int) -> str:
    return f"{count} line" if count == 1 else f"{count} lines"


def _content_file(path: Path, root: Path, files: Collection[str]) -> str | None:
    """The name of a content file (relative to root) given as a path or as a name in root."""
    for candidate in (path, root / path):
        try:
            name = candidate.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            continue
        if name in files:
            return name
    return None


if __name__ == "__main__":
    sys.exit(main())
