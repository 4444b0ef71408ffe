"""What `mkdocs serve` watches and how often it looks: the only code that leans on its server.

tests/test_serve_bridge.py fails loudly if MkDocs' LiveReloadServer changes what is used here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from patientsite.render import is_generated

# MkDocs polls every 0.5 s, so a saved file waited 0.25 s on average (0.5 s at worst) before
# the rebuild began. A poll stats the few hundred files of content/, overrides/, hooks/ and
# docs/assets/: well under a millisecond.
POLL_SECONDS = 0.1


def watch_sources_only(server: Any, docs_dir: Path) -> None:
    """Watch docs/ without the pages generated into it, and poll every POLL_SECONDS.

    MkDocs watches docs/; each page that the content hook rewrote during a rebuild started a
    second full rebuild (and a second browser reload). The pages are made from content/ and
    overrides/, which are watched. What docs/ holds besides them (assets) is still watched.
    The server's polling observer is replaced by a faster one before it starts; whatever
    was watched so far is watched by the new one.
    """
    from watchdog.observers.polling import PollingObserver

    watched: dict[str, int] = dict(server._watched_paths)
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=POLL_SECONDS)
    docs = os.path.abspath(docs_dir)
    for path, count in watched.items():
        for _ in range(count):
            if path != docs:
                server.watch(path)
    for entry in sorted(Path(docs).iterdir()):
        if not is_generated(entry):
            server.watch(str(entry))
