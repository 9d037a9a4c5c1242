"""Writing a fixed file without ever leaving it half-written or replacing a symlink."""

from __future__ import annotations

import os
import stat
import tempfile
from typing import Optional, Sequence


class WriteRefused(Exception):
    """The file was left as it was; the message says why."""


def _inside(target: str, roots: Sequence[str]) -> bool:
    """``target`` (a resolved path) is one of ``roots`` or below one of them, after resolving."""
    for root in roots:
        resolved = os.path.realpath(root)
        if target == resolved or target.startswith(resolved.rstrip(os.sep) + os.sep):
            return True
    return False


def atomic_write(path: str, new_data: bytes, expected_old: bytes, within: Optional[Sequence[str]] = None) -> None:
    """Replace ``path``'s content with ``new_data`` if it still holds ``expected_old``.

    A temporary file in the same folder is written, flushed and renamed over the target, so a
    crash leaves either the old or the new file. A symlink is followed and its target replaced;
    the mode bits are kept; a read-only file is refused, and so is a target outside ``within``
    (the paths the user gave) when it is given.
    """
    target = os.path.realpath(path)
    if within is not None and not _inside(target, within):
        # A symlink (to a file, or a folder walked into) that leads out of what the user asked
        # to fix: writing there would change files they never named.
        raise WriteRefused(f"it resolves to {target}, outside the paths given")
    try:
        info = os.stat(target)
    except OSError as error:
        raise WriteRefused(f"cannot stat: {error.strerror or error}") from None
    if not info.st_mode & stat.S_IWUSR:
        raise WriteRefused("the file is read-only")
    try:
        with open(target, "rb") as handle:
            current = handle.read()
    except OSError as error:
        raise WriteRefused(f"cannot re-read: {error.strerror or error}") from None
    if current != expected_old:
        raise WriteRefused("the file changed on disk during the run")
    folder = os.path.dirname(target) or "."
    temporary: Optional[str] = None
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=".leaklint-", suffix=".tmp", dir=folder)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(new_data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        _replace(temporary, target)
        temporary = None
    except OSError as error:
        raise WriteRefused(f"cannot write: {error.strerror or error}") from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _replace(source: str, target: str) -> None:
    """The rename step, separate so tests can simulate a failure between write and rename."""
    os.replace(source, target)
