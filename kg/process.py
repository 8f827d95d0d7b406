"""Worker processes that never outlive the process that started them."""

from __future__ import annotations

import contextlib
import signal

__all__ = ["die_with_parent"]


def die_with_parent() -> None:
    """Ask Linux to kill this process when its parent dies, even by SIGKILL (PR_SET_PDEATHSIG).

    Elsewhere nothing is set; such workers still end when their pipe to the parent closes.
    """
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)
