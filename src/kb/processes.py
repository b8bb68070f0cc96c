"""Child processes of a build, and how a stopped build stops all of them.

A build starts the MkDocs processes (one per language), Pagefind and a pool of
compression workers. When the build is stopped — Ctrl-C, a CI timeout, or a
SIGTERM to `make` alone (GNU make passes SIGTERM on to its child, this build,
but not further) — every one of them must end, and the temporary folders go
(pipeline.py removes them while the exception unwinds). Three mechanisms:

* `stop_on_signals`: SIGTERM, SIGINT and SIGHUP become a `BuildStopped`
  exception in the main thread, so `finally:` blocks run;
* every child is started here and remembered; on the way out each one still
  running is terminated (then killed, if it does not end within a moment);
* every child, and this process itself, asks Linux for a "parent death signal"
  (prctl PR_SET_PDEATHSIG): if its parent dies without cleaning up (SIGKILL),
  the kernel ends it too. On other systems this part is a no-op.

Children are always started from the main thread: the parent death signal
follows the thread that started a child, not the process.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import multiprocessing.pool
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

PR_SET_PDEATHSIG = 1
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
GRACE_SECONDS = 3.0


class BuildStopped(Exception):
    """The build was asked to stop (a signal); everything it started is being ended."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum


def die_with_parent(signum: int = signal.SIGKILL) -> None:
    """Ask the kernel to send `signum` to this process when its parent dies (Linux)."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0)


_children: list[subprocess.Popen[Any]] = []
_pools: list[multiprocessing.pool.Pool] = []


def start(command: list[str], **options: Any) -> subprocess.Popen[Any]:
    """subprocess.Popen, remembered, and ended with the build."""
    process = subprocess.Popen(command, preexec_fn=die_with_parent, **options)  # noqa: PLW1509 (prctl only, called before exec)
    _children.append(process)
    return process


def _worker_start() -> None:
    # A worker ends on SIGTERM (pool.terminate), quietly: not through the build's handlers.
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_DFL)
    die_with_parent()


@contextlib.contextmanager
def worker_pool(processes: int | None = None) -> Iterator[multiprocessing.pool.Pool]:
    """A pool of worker processes for the block: joined when the work is done, and
    terminated with the build when it is stopped or fails."""
    pool = multiprocessing.get_context("fork").Pool(
        processes or os.cpu_count() or 2, initializer=_worker_start
    )
    _pools.append(pool)
    yield pool
    pool.close()
    pool.join()
    _pools.remove(pool)


def end_children() -> None:
    """Terminate every child still running, then kill those that do not end in time."""
    for pool in _pools:
        pool.terminate()
        pool.join()
    _pools.clear()
    running = [p for p in _children if p.poll() is None]
    for process in running:
        process.terminate()
    for process in running:
        try:
            process.wait(GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    _children.clear()


def _raise_stopped(signum: int, _frame: object) -> None:
    raise BuildStopped(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Run a build so that a stop signal (or a dying parent) ends it and all it started."""
    previous = {sig: signal.signal(sig, _raise_stopped) for sig in STOP_SIGNALS}
    die_with_parent(signal.SIGTERM)  # make killed with SIGKILL: we still clean up
    try:
        yield
    finally:
        # A second signal while cleaning up must not interrupt the cleaning.
        for sig in STOP_SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
        try:
            end_children()
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
