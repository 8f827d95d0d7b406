"""Worker processes that never outlive the process that started them."""

from __future__ import annotations

import contextlib
import os
import signal

__all__ = ["die_with_parent"]


def die_with_parent(parent: int | None = None) -> None:
    """Ask Linux to kill this process when its parent dies, even by SIGKILL (PR_SET_PDEATHSIG).

    ``parent`` is the pid of the process that started this one: if it died before this call (the
    signal is then never sent), this process ends at once instead of waiting forever. Elsewhere
    than Linux nothing is set; such workers still end when their pipe to the parent closes.
    """
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)
    if parent is not None and os.getppid() != parent:
        os._exit(1)
