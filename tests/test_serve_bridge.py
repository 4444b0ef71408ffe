"""What patientsite.adapters.serve relies on in MkDocs' LiveReloadServer still holds."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from patientsite.adapters.serve import POLL_SECONDS, watch_sources_only


def make_server(root: Path) -> LiveReloadServer:
    """A server that is never started (nothing is bound or polled)."""
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))


def test_generated_pages_are_not_watched_and_the_rest_is_polled_sooner(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "assets" / "site.css").write_text("")
    (docs / "exercises" / "bridge").mkdir(parents=True)
    (docs / "exercises" / "bridge" / "index.md").write_text("")
    (docs / "index.md").write_text("")
    (docs / "robots.txt").write_text("")
    (docs / "figures").mkdir()
    (docs / "figures" / "bridge-start.svg").write_text("<svg/>")
    config = tmp_path / "mkdocs.yml"
    config.write_text("")
    server = make_server(tmp_path / "site")
    server.watch(str(docs))  # what `mkdocs serve` watches before the on_serve event
    server.watch(str(config))
    server.server_close()  # its socket is never bound; only the watching is tested

    watch_sources_only(server, docs)
    server.watch(str(tmp_path))  # config.watch entries come after on_serve

    assert set(server._watched_paths) == {
        str(config),
        str(docs / "assets"),
        str(docs / "robots.txt"),
        os.path.abspath(tmp_path),
    }
    emitters = server.observer.emitters
    assert len(emitters) == 4
    assert {e.timeout for e in emitters} == {POLL_SECONDS}
    assert set(server._watch_refs) == set(server._watched_paths)
    server.unwatch(str(config))  # the server's own bookkeeping still works
    assert len(server.observer.emitters) == 3
