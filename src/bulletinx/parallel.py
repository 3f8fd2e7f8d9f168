"""Documents through the pipeline, in one process or several, results in input order.

Documents are independent, so worker processes each take a batch, read and
convert its files, extract and render the records, and hand back bytes; the
parent only writes them out in order. At most a few batches per worker are in
flight, so memory stays flat however long the input is. Each worker loads the
metric rules and the gazetteer once.
"""
from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Optional, Sequence

from .errors import InputError
from .inputs import Item, Problem, document_text

#: a batch closes at this many bytes of input or this many documents
BATCH_BYTES = 256 * 1024
BATCH_DOCS = 64
#: batches in flight per worker: enough to keep each busy while the parent writes
IN_FLIGHT = 3


@dataclass(frozen=True)
class Settings:
    fmt: str = "jsonl"
    rule_files: tuple[str, ...] = ()
    region: Optional[str] = None
    date: Optional[dt.date] = None


@dataclass(slots=True)
class Outcome:
    """What one document (or one problem) came to."""

    size: int
    payload: bytes = b""
    facts: int = 0
    metrics: Counter = field(default_factory=Counter)
    problem: Optional[Problem] = None


_state: dict = {}


def _setup(settings: Settings) -> None:
    from . import metrics
    from .places import gazetteer

    if multiprocessing.parent_process() is not None:
        # Ctrl-C is the parent's to handle: it stops the pool and says so once.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _state["settings"] = settings
    _state["rules"] = metrics.load_rules(extra_files=list(settings.rule_files)) if settings.rule_files \
        else metrics.load_rules()
    gazetteer()


def process(item: Item) -> Outcome:
    """Read, convert and extract one document; a problem with its input becomes the Outcome's problem."""
    from . import pipeline
    from .outputs import render

    if isinstance(item, Problem):
        return Outcome(item.size, problem=item)
    settings: Settings = _state["settings"]
    try:
        doc = document_text(item)
    except InputError as e:
        return Outcome(item.size, problem=Problem(item.where or e.path, e.problem, item.size))
    # A document's own date and region are more specific than the batch's.
    try:
        facts = pipeline.extract(doc.text, doc=item.name, rules=_state["rules"],
                                 region=item.region or settings.region,
                                 date=item.date or doc.date or settings.date,
                                 url=item.url or doc.url)
    except Exception as e:  # noqa: BLE001 - one document's failure must not stop the batch
        return Outcome(item.size, problem=Problem(item.where or item.name,
                                                  f"internal error, document skipped ({type(e).__name__}: {e})",
                                                  item.size))
    return Outcome(item.size, render(facts, settings.fmt), len(facts), Counter(f.metric for f in facts))


def _process_batch(batch: Sequence[Item]) -> list[Outcome]:
    return [process(item) for item in batch]


def batches(items: Iterable[Item], max_bytes: Optional[int] = None, max_docs: Optional[int] = None) -> Iterator[list[Item]]:
    max_bytes = BATCH_BYTES if max_bytes is None else max_bytes
    max_docs = BATCH_DOCS if max_docs is None else max_docs
    batch: list[Item] = []
    weight = 0
    for item in items:
        batch.append(item)
        weight += item.size
        if weight >= max_bytes or len(batch) >= max_docs:
            yield batch
            batch, weight = [], 0
    if batch:
        yield batch


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def run(items: Iterable[Item], settings: Settings, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order. Fewer than two batches of work never start a pool:
    a single page is done before the workers would have loaded."""
    chunks = batches(items)
    first = next(chunks, None)
    if first is None:
        return
    second = next(chunks, None) if jobs > 1 else None
    if second is None:
        _setup(settings)
        yield from _process_batch(first)
        for batch in chunks:
            yield from _process_batch(batch)
        return
    yield from _pooled([first, second], chunks, settings, jobs)


def _pooled(head: list[list[Item]], rest: Iterator[list[Item]], settings: Settings, jobs: int) -> Iterator[Outcome]:
    # spawn, not fork: the parent may run a progress thread, and a forked
    # child of a threaded process can deadlock.
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_setup, initargs=(settings,)) as pool:
        pending: deque = deque()
        limit = jobs * IN_FLIGHT
        source = iter(head)
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < limit:
                    batch = next(source, None)
                    if batch is None and source is not rest:
                        source = rest
                        batch = next(source, None)
                    if batch is None:
                        exhausted = True
                        break
                    pending.append(pool.submit(_process_batch, batch))
                if not pending:
                    break
                yield from pending.popleft().result()
        except BaseException:
            for f in pending:
                f.cancel()
            raise
