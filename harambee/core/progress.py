"""A plain-text progress bar for long commands (``generate``, ``search rebuild``)."""

from __future__ import annotations

import time
from typing import TextIO


class Progress:
    """A plain-text progress bar on a terminal stream, redrawn in place with ``\\r``.

    With no stream it does nothing, so callers need not check."""

    def __init__(self, stream: TextIO | None, total: int, label: str) -> None:
        self.stream, self.total, self.label = stream, max(total, 1), label
        self.started = time.perf_counter()
        self.last = 0.0
        self.shown = -1

    def update(self, done: int, *, force: bool = False) -> None:
        if self.stream is None:
            return
        now = time.perf_counter()
        if not force and now - self.last < 0.25:
            return
        self.last, self.shown = now, done
        elapsed = now - self.started
        frac = min(done / self.total, 1.0)
        rate = done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - done) / rate if rate > 0 else 0.0
        bar = "#" * int(frac * 30)
        self.stream.write(
            f"\r{self.label} [{bar:<30}] {done:>10,}/{self.total:,} "
            f"{frac:6.1%} {rate:9,.0f}/s  eta {eta:5.0f} s "
        )
        self.stream.flush()

    def close(self) -> None:
        if self.stream is not None:
            if self.shown != self.total:
                self.update(self.total, force=True)
            self.stream.write("\n")
            self.stream.flush()
