"""Composes the stages; the only module that knows their order.

files → load → normalize → segment → recognize/relate → facts (→ graph in ``kg.graph``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.load import SUFFIXES, iter_paths, read_source, split_articles
from kg.normalize import normalize
from kg.relate import relate_document
from kg.segment import segment
from kg.types import Document, Fact, Sentence

__all__ = [
    "Extraction",
    "extract",
    "extract_document",
    "extract_each",
    "extract_parallel",
    "map_parallel",
    "read_documents",
]


@dataclass(frozen=True)
class Extraction:
    """What one article yields: the document, its sentences and its facts."""

    document: Document
    sentences: tuple[Sentence, ...]
    facts: tuple[Fact, ...]


def read_documents(paths: Iterable[str | Path], *, errors: list[str] | None = None) -> Iterator[Document]:
    """Normalized articles of every readable file under ``paths``.

    A file that cannot be read is skipped and its one-line error appended to ``errors``
    (raised at once when ``errors`` is None).
    """
    for path in iter_paths(paths):
        try:
            source = read_source(path)
        except InputError as e:
            if errors is None:
                raise
            errors.append(str(e))
            continue
        for article in split_articles(source):
            yield normalize(article)


def no_input(paths: Iterable[str | Path]) -> InputError:
    """The error for inputs that hold no file of a kind Quanze reads."""
    return InputError(f"{', '.join(map(str, paths))}: no input file ({', '.join(SUFFIXES)}) found")


def extract_document(document: Document) -> Extraction:
    """Segment and relate one normalized document."""
    sentences = segment(document)
    return Extraction(document, tuple(sentences), tuple(relate_document(document, sentences)))


def _safely(run: Callable, item, label: str):
    """``run(item)`` in a worker process: its result, or the one-line error."""
    try:
        return run(item)
    except Exception as e:  # noqa: BLE001 - reported by the parent, like extract_each does
        first = (str(e).splitlines() or [""])[0][:200]
        return _Failure(f"{label}: extraction failed, please report ({type(e).__name__}: {first})")


@dataclass(frozen=True)
class _Failure:
    line: str


def _task(run: Callable, item):
    return _safely(run, item, item.document.id if hasattr(item, "document") else item.id)


def map_parallel(
    run: Callable, items: list, jobs: int, errors: list[str], done: Callable[[], None] | None = None
) -> Iterator:
    """``run`` over ``items`` (documents or extractions) in ``jobs`` processes (here when
    ``jobs`` is 1), one result per item in their order; an item whose run fails is one line in
    ``errors`` and yields None.

    ``run`` must be picklable (a module-level function or a ``functools.partial`` of one);
    items go in chunks so that small articles are cheap.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    from kg.process import die_with_parent

    if jobs <= 1 or len(items) < 2 * jobs:
        for item in items:
            result = _task(run, item)
            if isinstance(result, _Failure):
                errors.append(result.line)
                result = None
            yield result
            if done:
                done()
        return
    chunk = max(1, min(32, len(items) // (jobs * 4) or 1))
    context = mp.get_context("forkserver")  # see kg/worker.py: why not a plain fork
    context.set_forkserver_preload(["kg.worker"])
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=die_with_parent) as pool:
        for result in pool.map(partial(_task, run), items, chunksize=chunk):
            if isinstance(result, _Failure):
                errors.append(result.line)
                result = None
            yield result
            if done:
                done()


def extract_parallel(
    documents: list[Document], jobs: int, errors: list[str], done: Callable[[], None] | None = None
) -> list[Extraction]:
    """Extract ``documents`` in ``jobs`` processes, in their order; a failure is one line in ``errors``."""
    return [ex for ex in map_parallel(extract_document, documents, jobs, errors, done) if ex is not None]


def extract_each(
    documents: Iterable[Document],
    errors: list[str] | None,
    run: Callable[[Document], Extraction] = extract_document,
) -> Iterator[Extraction]:
    """``run`` over each document; one that fails is reported in ``errors`` and the rest go on.

    A failure here is a defect of Quanze, not of the input, so the line says so; with ``errors``
    None it is raised.
    """
    for document in documents:
        try:
            yield run(document)
        except Exception as e:  # noqa: BLE001 - one article's failure must not lose the others
            if errors is None:
                raise
            first = (str(e).splitlines() or [""])[0][:200]
            errors.append(f"{document.id}: extraction failed, please report ({type(e).__name__}: {first})")


def extract(
    paths: Iterable[str | Path],
    *,
    errors: list[str] | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> list[Extraction]:
    """Extract every article under ``paths``.

    Args:
        paths: files or folders (.txt, .md, .html, .htm, .docx).
        errors: collects one line per unreadable file; None raises on the first.
        progress: wraps the list of documents (e.g. ``tqdm``) to show progress.

    Examples:
        >>> import tempfile, pathlib
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> text = "某市实施方案\\n将市环保局露天烧烤污染的行政处罚权划转到市城管执法局。"
        >>> _ = (d / "a.txt").write_text(text, encoding="utf-8")
        >>> [f.get("matter") for f in extract([d])[0].facts if f.kind == "transfer"]
        ['露天烧烤污染']
    """
    paths = list(paths)
    documents = list(read_documents(paths, errors=errors))
    if not documents and not errors:
        raise no_input(paths)
    return list(extract_each(progress(documents) if progress else documents, errors))
