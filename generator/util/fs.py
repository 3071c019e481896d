"""File-system rules shared by loading, importing and building: containment, atomic swaps, locks."""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def resolved(path: Path) -> Path:
    """``path`` with links followed; a link that points to itself (or loops) stays as it is."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: 'Symlink loop' (Python < 3.13)
        return path.absolute()


def inside(path: Path, root: Path) -> bool:
    """True when ``path`` (after following links and '..') stays within ``root``."""
    try:
        resolved(path).relative_to(root.resolve())
        return True
    except ValueError:
        return False


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system cannot."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def swap_in(new: Path, target: Path, old: Path) -> None:
    """Put the folder ``new`` at ``target``; the previous ``target`` ends up at ``old``.

    At every instant ``target`` is either the complete old folder or the complete new
    one: where the system can, the two are exchanged in one step; elsewhere the old one
    is moved aside and :func:`recover` puts it back if the process dies in between.
    """
    if not target.exists():
        new.rename(target)
        return
    if _exchange(new, target):
        new.rename(old)
        return
    target.rename(old)
    new.rename(target)


def recover(target: Path, old: Path) -> None:
    """After an interruption: if ``target`` is missing but its previous copy ``old`` is there, restore it."""
    if not target.exists() and old.exists():
        old.rename(target)


def remove_tree(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


class Busy(Exception):
    """Another process holds the lock; ``holder`` is what it wrote there (its PID)."""

    def __init__(self, holder: str):
        self.holder = holder
        super().__init__(holder)


@contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """Hold ``lock_file`` for the duration; raise :class:`Busy` at once if another process does.

    The operating system releases the lock when its holder dies, so a lock left by a
    killed process is never a stale block.
    """
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            raise Busy(handle.read().strip() or "?") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)
