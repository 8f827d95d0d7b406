"""Composes the stages; the only module that knows their order.

files → load → normalize → segment → recognize/relate → facts (→ graph in ``kg.graph``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ClusterError, InputError
from kg.load import SUFFIXES, iter_paths, read_source, split_articles
from kg.normalize import normalize
from kg.recognize import NumberSpan, SentenceMentions, find_doc_numbers
from kg.relate import relate_document
from kg.ruleset import Rules, load_rules
from kg.segment import segment
from kg.types import Document, Fact, Sentence

__all__ = [
    "Extraction",
    "extract",
    "extract_document",
    "extract_each",
    "FileJob",
    "FileResult",
    "read_and_extract",
    "Workers",
    "read_documents",
]


@dataclass(frozen=True)
class Extraction:
    """What one article yields: the document, its sentences and its facts."""

    document: Document
    sentences: tuple[Sentence, ...]
    facts: tuple[Fact, ...]


def read_documents(paths: Iterable[str | Path], rules: Rules, *, errors: list[str] | None = None) -> Iterator[Document]:
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
            yield normalize(article, rules)


def no_input(paths: Iterable[str | Path]) -> InputError:
    """The error for inputs that hold no file of a kind Quanze reads."""
    return InputError(f"{', '.join(map(str, paths))}: no input file ({', '.join(SUFFIXES)}) found")


def recognize_sentences(sentences: list[Sentence], rules: Rules) -> list[SentenceMentions]:
    """The recognize and resolve stages over one document's sentences, as spaCy components on one
    Doc of the document: places in each sentence, then the places resolved with the whole document
    as context (亳州 next to 宿州 is Anhui's), then the bodies reading them; then the names the
    document gives its bodies; and the document numbers (文号) written. One ``SentenceMentions``
    per sentence."""
    from kg.nlp import recognize_text
    from kg.resolve import defined_names, self_references

    bounds, at = [], 0
    for s in sentences:  # the sentences one per line: a Doc of the document's own sentences
        bounds.append((at, at + len(s.text)))
        at += len(s.text) + 1
    out = recognize_text("\n".join(s.text for s in sentences), bounds, rules)
    # short names the document defines ("(以下简称市执法局)") stand for their bodies wherever they occur
    texts, found = [s.text for s in sentences], [bodies for _, bodies in out]
    extra = defined_names(texts, found)
    # "我局" in a letter its signer wrote ("…昆明市城市管理局 / 2021年7月20日"): the signer
    own = self_references(texts, found, rules.frames.self_reference)
    # a defined name that the rules read as a kind of body stands for the defined body instead
    return [
        SentenceMentions(
            _outside_towns(places, bodies),
            sorted([*_less(bodies, more), *more, *mine], key=lambda a: (a.start, a.end)),
            [NumberSpan(*n) for n in find_doc_numbers(s.text)] if "号" in s.text else [],
        )
        for s, (places, bodies), more, mine in zip(sentences, out, extra, own)
    ]


def _outside_towns(places: list, bodies: list) -> list:
    """``places`` but those inside the name of a town the recognizer read ("上海庙镇": no 上海)."""
    towns = [(a.start, a.end) for a in bodies if a.rule_id == "agency.township_named.v1"]
    return [p for p in places if not any(s <= p.start and p.end < e for s, e in towns)] if towns else places


def _less(bodies: list, standing: list) -> list:
    """``bodies`` without those at the very place of a defined name standing for another body."""
    spans = {(a.start, a.end) for a in standing}
    return [b for b in bodies if (b.start, b.end) not in spans] if spans else bodies


def extract_document(document: Document, rules: Rules) -> Extraction:
    """Segment, recognize (and resolve) and relate one normalized document by ``rules``."""
    sentences = segment(document)
    facts = relate_document(document, sentences, recognize_sentences(sentences, rules), rules)
    return Extraction(document, tuple(sentences), tuple(facts))


@dataclass(frozen=True)
class FileJob:
    """A file for a worker to read and extract; ``cached``: the previous build's cache folder,
    where an article extracted before is found (None, or a folder the worker cannot see: every
    article is extracted); ``data``: the file's bytes, for a worker on another machine (None:
    the worker reads the file)."""

    path: Path
    cached: Path | None = None
    data: bytes | None = None

    def with_data(self) -> FileJob:
        """The job with the file's bytes in it (None if they cannot be read: the worker says why)."""
        from dataclasses import replace

        from kg.load import MAX_FILE_BYTES

        try:
            with open(self.path, "rb") as handle:  # one byte over the limit is enough to refuse it
                return replace(self, data=handle.read(MAX_FILE_BYTES + 1))
        except OSError:
            return self

    @property
    def id(self) -> str:
        return str(self.path)


@dataclass(frozen=True)
class FileResult:
    """A file's articles, in order: each the ``kg.cache.ExtractionPayload`` of its extraction, or
    the cache name of the extraction ``FileJob.cached`` already has; and the one-line errors."""

    articles: tuple = ()
    errors: tuple[str, ...] = ()
    unreadable: bool = False


def read_and_extract(job: FileJob, rules: Rules) -> FileResult:
    """Read, normalize and extract one file where the worker runs, each article written as the
    cache keeps it: the build's process only writes the files. An article whose extraction is
    cached is not extracted again; one whose extraction fails is an error line, the others go on."""
    from kg.cache import ExtractionCache, extraction_cached, payload_of

    try:
        source = read_source(job.path, job.data)
    except InputError as e:
        return FileResult(errors=(str(e),), unreadable=True)
    articles, errors = [], []
    for article in split_articles(source):
        document = normalize(article, rules)
        name = ExtractionCache.name(document.id, document.sha1, rules)
        if job.cached is not None and extraction_cached(job.cached, name):
            articles.append(name)
            continue
        try:
            ex = extract_document(document, rules)
            articles.append(payload_of(ex, rules, _unit_of(ex, rules)))
        except Exception as e:  # noqa: BLE001 - one article's failure must not lose the others
            first = (str(e).splitlines() or [""])[0][:200]
            errors.append(f"{document.id}: extraction failed, please report ({type(e).__name__}: {first})")
    return FileResult(tuple(articles), tuple(errors))


def _unit_of(ex: Extraction, rules: Rules) -> tuple | None:
    """The article's part of the graph, made where it was extracted (the build need not send it
    to a worker again), as (cache key, GraphUnit, ValidationReport); None if making it fails: it
    is made again, and reported, with the others."""
    from kg.cache import UnitCache
    from kg.graph import checked_unit

    try:
        unit, report = checked_unit(ex, rules)
    except Exception:  # noqa: BLE001 - made again in the build's unit stage, which reports it
        return None
    return UnitCache.key(ex.document.id, ex.document.sha1, rules), unit, report


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


# Local worker processes are started fresh (about a second each, see kg/worker.py): below this
# much text (about 1.5 s of extraction on one core) the work is done here instead.
PARALLEL_MIN_CHARS = 100_000


def _chars(item) -> int:
    return len((item.document if hasattr(item, "document") else item).text)


def _run_chunk(task: Callable, items: list) -> list:
    return [task(item) for item in items]


def _windowed(pool, task: Callable, items: Iterable, chunk: int, window: int) -> Iterator:
    """``task`` over ``items`` in the pool, in order, with at most ``window`` chunks of ``chunk``
    items in flight: neither the tasks waiting nor the results not yet read (an article's graph
    is its whole N-Quads) pile up for the whole corpus."""
    import itertools
    from collections import deque

    pending: deque = deque()
    stream = iter(items)
    chunks = iter(lambda: list(itertools.islice(stream, chunk)), [])
    for part in chunks:
        pending.append(pool.submit(_run_chunk, task, part))
        if len(pending) >= window:
            break
    while pending:
        yield from pending.popleft().result()
        part = next(chunks, None)
        if part is not None:
            pending.append(pool.submit(_run_chunk, task, part))


class Workers:
    """Where per-article work runs: on the Dask cluster whose scheduler is at ``scheduler`` (e.g.
    tcp://10.0.0.5:8786) when given; else in a pool of ``jobs`` local processes; else (``jobs``
    1, or too few items for a pool to pay) here. The pool or the cluster's client starts on first
    use and serves every ``map`` until the ``with`` block ends. Local processes are used only for
    at least ``PARALLEL_MIN_CHARS`` of text; each makes ``rules`` ready when it starts (the rules
    the tasks are sent with)."""

    def __init__(self, jobs: int = 1, scheduler: str | None = None, rules: Rules | None = None) -> None:
        self.jobs, self.scheduler, self.rules = jobs, scheduler, rules
        self._pool = self._client = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:  # the workers wind down while the build assembles its outputs
            self._pool.shutdown(wait=False, cancel_futures=True)
        if self._client is not None:
            self._client.close()

    def map(
        self,
        run: Callable,
        items: Iterable,
        errors: list[str],
        done: Callable[[], None] | None = None,
        *,
        size: tuple[int, int] | None = None,
    ) -> Iterator:
        """``run`` over ``items`` (documents, extractions or cached extractions: each has an ``id``
        or a ``document``, and a ``text``), one result per item in their order; an item whose run
        fails is one line in ``errors`` and yields None. ``run`` must be picklable (a module-level
        function or a ``functools.partial`` of one). Items that are not a list are taken one by one
        as the work goes; ``size`` then gives their number and characters."""
        from functools import partial

        task = partial(_task, run)
        count, chars = size if size is not None else (len(items), sum(map(_chars, items)))
        if self.scheduler:
            results = self._on_cluster(task, items)
        elif self.jobs <= 1 or count < 2 * self.jobs or chars < PARALLEL_MIN_CHARS:
            results = map(task, items)
        else:
            results = self._in_processes(task, items, count)
        for result in results:
            if isinstance(result, _Failure):
                errors.append(result.line)
                result = None
            yield result
            if done:
                done()

    def _in_processes(self, task: Callable, items: Iterable, count: int) -> Iterator:
        import multiprocessing as mp
        import os
        from concurrent.futures import ProcessPoolExecutor

        from kg.worker import start

        if self._pool is None:  # spawned, not forked: see kg/worker.py
            context = mp.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                self.jobs, mp_context=context, initializer=start, initargs=(os.getpid(), self.rules)
            )
        chunk = max(1, min(32, count // (self.jobs * 4) or 1))  # small articles go in chunks
        yield from _windowed(self._pool, task, items, chunk, window=4 * self.jobs)

    def _on_cluster(self, task: Callable, items: Iterable) -> Iterator:
        """At most a few items per worker are in flight, so neither side holds the whole corpus;
        the workers need Quanze installed (the same version: the task is sent by reference)."""
        from collections import deque

        client = self._connect()
        window = max(4, 4 * sum(client.nthreads().values()))
        pending: deque = deque()
        queue = iter(items)
        for item in queue:
            pending.append(client.submit(task, item, pure=False))
            if len(pending) >= window:
                break
        while pending:
            yield pending.popleft().result()
            item = next(queue, None)
            if item is not None:
                pending.append(client.submit(task, item, pure=False))

    def _connect(self):
        if self._client is not None:
            return self._client
        try:
            from distributed import Client
        except ImportError:
            raise ClusterError(
                f"{self.scheduler}: a Dask cluster needs the 'cluster' extra: pip install 'quanze[cluster]'"
            ) from None
        try:
            self._client = Client(self.scheduler, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError, ValueError) as e:
            first = (str(e).splitlines() or [type(e).__name__])[0][:200]
            raise ClusterError(f"{self.scheduler}: cannot reach the Dask scheduler ({first})") from None
        return self._client


def extract_each(documents: Iterable[Document], rules: Rules, errors: list[str] | None) -> Iterator[Extraction]:
    """Each document extracted by ``rules``; one that fails is reported in ``errors`` and the rest go on.

    A failure here is a defect of Quanze, not of the input, so the line says so; with ``errors``
    None it is raised.
    """
    for document in documents:
        try:
            yield extract_document(document, rules)
        except Exception as e:  # noqa: BLE001 - one article's failure must not lose the others
            if errors is None:
                raise
            first = (str(e).splitlines() or [""])[0][:200]
            errors.append(f"{document.id}: extraction failed, please report ({type(e).__name__}: {first})")


def extract(
    paths: Iterable[str | Path],
    *,
    rules: Rules | None = None,
    errors: list[str] | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> list[Extraction]:
    """Extract every article under ``paths``.

    Args:
        paths: files or folders (.txt, .md, .html, .htm, .docx).
        rules: the rules to read them by (``kg.ruleset.load_rules``); the shipped ones by default.
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
    rules = rules if rules is not None else load_rules()
    documents = list(read_documents(paths, rules, errors=errors))
    if not documents and not errors:
        raise no_input(paths)
    return list(extract_each(progress(documents) if progress else documents, rules, errors))
