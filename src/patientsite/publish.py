"""Replace an output folder only when the new one is complete, so a failed build leaves the last.

A build writes into a new folder beside its target (same file system), `.site-new-XXXX` for
`site/`; only when everything succeeded is it swapped with the target. On Linux the swap is
one atomic `renameat2(RENAME_EXCHANGE)`; elsewhere it is two renames (target to
`.site-old-XXXX`, new folder to target). If the process dies between those two renames,
`site/` is missing and both folders are complete: `.site-old-XXXX` is the last good site,
`.site-new-XXXX` the new one; rename either to `site`. A build that fails removes its new folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class PublishError(Exception):
    """An output folder cannot be written or replaced (read-only, full, not a folder)."""


def describe(error: OSError, target: Path) -> str:
    """One line for an editor: what could not be written, and why."""
    return f"cannot write {target}: {error.strerror or error}"


def new_folder(target: Path) -> Path:
    """An empty folder beside target, on the same file system, for the new output."""
    try:
        return Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    except OSError as error:
        raise PublishError(describe(error, target)) from None


def discard(folder: Path) -> None:
    """Remove a folder that will not be published (nothing happens if it is gone)."""
    shutil.rmtree(folder, ignore_errors=True)


def swap_into_place(new: Path, target: Path) -> None:
    """Make new the target, then delete the old target; on failure the old target stays."""
    try:
        if not target.exists():
            os.rename(new, target)
            return
        if _exchange(new, target):
            discard(new)  # new now holds the old output
            return
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.replace(target, old)  # replaces the empty placeholder folder
        try:
            os.rename(new, target)
        except OSError:
            os.rename(old, target)
            raise
        discard(old)
    except OSError as error:
        raise PublishError(describe(error, target)) from None


def write_files(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write files into out all or none: into a folder inside out first, then moved in.

    Each move is one rename; other files in out are left alone.
    """
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        with _staging(out) as staging:
            for name, data in files.items():
                (staging / name).write_bytes(data)
            paths = []
            for name in files:
                os.replace(staging / name, out / name)
                paths.append(out / name)
        return paths
    except OSError as error:
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise PublishError(describe(error, out)) from None


@contextlib.contextmanager
def _staging(out: Path) -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix=".new-", dir=out))
    try:
        yield folder
    finally:
        discard(folder)


def _libc_renameat2() -> Callable[..., int] | None:
    try:
        function: Callable[..., int] = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError, TypeError):
        return None
    return function


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step where the OS can; False if it cannot (then nothing moved)."""
    renameat2 = _libc_renameat2()
    if renameat2 is None:
        return False
    flags = _RENAME_EXCHANGE
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP}:
        return False  # this file system cannot exchange: two renames instead
    raise OSError(code, os.strerror(code), str(b))
