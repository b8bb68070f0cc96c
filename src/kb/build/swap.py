"""Put a finished site in place of the old one with no moment without a complete site.

The new site is built in a folder beside the target (the same file system).
On Linux, `renameat2(RENAME_EXCHANGE)` swaps the two folders in one atomic step:
a web server reading `site/`, or a build killed at that moment, finds either the
old complete site or the new complete one, never none. The old site (now under
the temporary name) is removed afterwards; if that removal is interrupted, the
next build removes the leftover (`remove_leftovers`).

Fallback, where the exchange is not available (not Linux, or a file system that
refuses it, e.g. some network file systems): two renames, old site aside and
new site in, which leaves a moment of a few microseconds without `site/`.
The first build (no old site yet) is a single atomic rename either way.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2
_libc = (
    ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    if sys.platform.startswith("linux")
    else None
)


def exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths; False when the system cannot (then nothing changed)."""
    if _libc is None or not hasattr(_libc, "renameat2"):
        return False
    result = _libc.renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(a))


def swap_into_place(new: Path, final: Path) -> None:
    """Replace `final` by `new` (a sibling of it); `new` no longer exists afterwards."""
    if not final.exists():
        new.rename(final)
        return
    if not exchange(new, final):
        old = new.with_name(new.name + ".old")
        final.rename(old)
        new.rename(final)
        new = old
    shutil.rmtree(new)  # the previous site, now under the temporary name


def temporary_sibling(final: Path, label: str) -> Path:
    """A fresh folder name beside `final`, marked with this process's id."""
    return final.with_name(f".{final.name}.{label}-{os.getpid()}")


def remove_leftovers(final: Path) -> list[Path]:
    """Folders beside `final` left by builds that did not finish (their process is gone)."""
    removed = []
    for path in sorted(final.parent.glob(f".{final.name}.*-*")):
        pid = path.name.rsplit("-", 1)[-1].removesuffix(".old")
        if pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid)):
            continue
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
