"""Command line: `python -m patientsite check [CONTENT_DIR]` validates content without building."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from patientsite.loader import load_content
from patientsite.problems import ContentError
from patientsite.project import project_languages


def main(argv: list[str] | None = None) -> int:
    """Run the command and return its exit status."""
    parser = argparse.ArgumentParser(prog="python -m patientsite")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every content file and list all problems")
    check.add_argument("content", nargs="?", default="content", type=Path)
    check.add_argument("--config", default="mkdocs.yml", type=Path)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    try:
        content = load_content(args.content, project_languages(args.config), Path.cwd())
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - start
    files = 9 + len(content.exercises)
    print(f"Content is valid: {files} files checked in {elapsed:.2f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
