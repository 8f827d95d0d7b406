"""The build folder: what may be written, under which lock, and how a new build replaces the old.

A Quanze build folder carries a marker file (``.quanze-build``). ``kg build --out DIR`` writes
only into a folder that is absent, empty, or carries that marker; any other folder is refused,
never wiped. The new build is written into a temporary folder beside ``DIR`` and swapped in;
a build killed between the two renames of the swap is recovered by the next build, and stale
temporary folders of killed builds are removed, all under one lock per output folder. A folder a
build reads and rewrites in place (its cache) is moved into the new build rather than copied
(``borrowed``); a build that fails or is killed gives it back.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import OutputError

__all__ = ["BORROWED", "MARKER", "borrowed", "build_folder", "is_build", "swap_in"]

MARKER = ".quanze-build"
_TMP = "-tmp-"  # .OUT-tmp-XXXX: a build being written
_OLD = "-old-"  # .OUT-old-PID: the previous build between the two renames of a swap
BORROWED = ("cache",)  # the subfolders a build may take from the previous one (``borrowed``)


def is_build(path: Path) -> bool:
    """True when ``path`` is a folder that a Quanze build wrote: it carries the marker file, or
    (builds made before the marker existed) a ``report.md`` that opens as Quanze's report."""
    if (path / MARKER).is_file():
        return True
    try:
        with open(path / "report.md", encoding="utf-8") as handle:
            return handle.readline().strip() == "# Quanze build report"
    except (OSError, UnicodeDecodeError):
        return False


def _check_target(out: Path, inputs: Iterable[str | Path]) -> None:
    """Refuse an output folder whose replacement would delete or overwrite what the user keeps."""
    resolved = out.resolve()
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder; refusing to replace it")
    cwd = Path.cwd().resolve()
    if resolved == cwd or resolved in cwd.parents:
        raise OutputError(f"{out}: is the current folder or holds it; choose another --out")
    for p in inputs:
        q = Path(p).resolve()
        if q == resolved or resolved in q.parents:
            raise OutputError(f"{out}: holds the input {p}; choose an --out outside the inputs")
    if out.is_dir() and not is_build(out) and any(out.iterdir()):
        raise OutputError(
            f"{out}: not a Quanze build (no {MARKER} file) and not empty; refusing to overwrite it — "
            "choose a new or empty folder"
        )


@contextmanager
def _lock(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``out`` for this process; a second build into it is refused.

    A POSIX record lock (lockf), not flock: it belongs to this process alone, so worker processes
    forked by the build (``-j``) do not keep it held after the build itself is killed.
    """
    import fcntl

    lock_path = out.parent / f".{out.name}.lock"
    try:
        handle = open(lock_path, "a+")
    except OSError as e:
        raise OutputError(f"{lock_path}: cannot create the build lock ({e.strerror})") from None
    try:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(
                f"{out}: another build is writing this folder (lock {lock_path}); try again later"
            ) from None
        yield
    finally:
        handle.close()


def _recover(out: Path) -> None:
    """Put back a previous build left aside by a killed swap, and remove stale temporary folders.

    Called under the lock, so no other build is using them.
    """
    parent, name = out.parent, out.name
    leftovers = [p for p in parent.glob(f".{name}-*") if p.is_dir() and is_build(p)]
    old = sorted((p for p in leftovers if p.name.startswith(f".{name}{_OLD}")), key=lambda p: p.stat().st_mtime)
    if not out.exists() and old:
        os.replace(old.pop(), out)
    for p in leftovers:  # what a killed build borrowed goes back first
        for sub in BORROWED:
            if out.is_dir() and (p / sub).is_dir() and not (out / sub).exists():
                os.replace(p / sub, out / sub)
    for p in leftovers:
        if p.exists() and (p.name.startswith(f".{name}{_TMP}") or p in old):
            shutil.rmtree(p, ignore_errors=True)


@contextmanager
def build_folder(out: str | Path, inputs: Iterable[str | Path] = ()) -> Iterator[Path]:
    """A fresh temporary build folder beside ``out``, under ``out``'s lock.

    The caller writes the build into the folder it is given and calls ``swap_in(tmp, out)``
    before leaving; on any error the temporary folder is removed and ``out`` is untouched.

    Raises:
        OutputError: ``out`` is not a Quanze build and not empty, holds the inputs or the
            current folder, is locked by another build, or cannot be written.

    Examples:
        >>> import pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> (d / "mine").mkdir(); _ = (d / "mine" / "thesis.txt").write_text("x")
        >>> with build_folder(d / "mine"):
        ...     pass
        Traceback (most recent call last):
        kg.errors.OutputError: ...not a Quanze build...
    """
    out = Path(out)
    _check_target(out, inputs)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out.parent}: cannot create the output's parent folder ({e.strerror})") from None
    with _lock(out):
        _recover(out)
        _check_target(out, inputs)  # again: another build may have finished while we waited
        try:
            tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}{_TMP}", dir=out.parent))
        except OSError as e:
            raise OutputError(f"{out.parent}: cannot write a build here ({e.strerror})") from None
        try:
            (tmp / MARKER).write_text(json.dumps({"tool": "quanze", "format": 1}) + "\n", encoding="utf-8")
            yield tmp
        finally:
            if tmp.exists():
                shutil.rmtree(tmp, ignore_errors=True)


@contextmanager
def borrowed(out: Path, tmp: Path, name: str) -> Iterator[Path]:
    """``out/name`` moved into the build being written (``tmp/name``; a rename, nothing copied)
    for the build to read and change in place; given back if the build fails, and by the next
    build's recovery if it is killed. ``out`` stays a usable build without it meanwhile."""
    if name not in BORROWED:
        raise ValueError(f"{name}: not a folder a build may borrow")
    target = tmp / name
    if (out / name).is_dir():
        os.replace(out / name, target)
    try:
        yield target
    except BaseException:
        if target.is_dir() and out.is_dir() and not (out / name).exists():
            os.replace(target, out / name)
        raise


def swap_in(tmp: Path, out: Path) -> None:
    """Replace ``out`` by the finished build ``tmp``.

    The old build is first renamed aside, then ``tmp`` renamed to ``out``; a kill between the two
    renames leaves the old build aside, marked, and the next ``build_folder`` puts it back.
    """
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}{_OLD}{os.getpid()}")
        if old.exists():
            shutil.rmtree(old)
        if not is_build(out):  # an empty folder the user made: mark it so that recovery may restore it
            (out / MARKER).write_text("{}\n", encoding="utf-8")
        os.replace(out, old)
    os.replace(tmp, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
