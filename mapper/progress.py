"""Named build steps: each is timed, and long ones show progress on a terminal.

The pipeline runs every step inside ``steps.step(name, total)``; the step's time goes into the
report, and a :class:`Display` (the CLI gives one when standard error is a terminal) is told
about it.  :class:`TerminalProgress` draws a tqdm bar for a step once it has run for a second,
with a count when the step knows its total (articles) and a running clock when it does not
(compiling the gazetteer index, drawing the map).  Nothing is drawn when not on a terminal.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Protocol

__all__ = ["Display", "Steps", "TerminalProgress", "SHOW_AFTER"]

#: Seconds a step runs before its bar appears: quick steps never flicker.
SHOW_AFTER = 1.0


class Display(Protocol):
    def start(self, step: str, total: int | None, unit: str) -> None: ...
    def advance(self, done: int) -> None: ...
    def finish(self) -> None: ...


class Steps:
    """The steps of one build, in order, with their wall-clock seconds."""

    def __init__(self, display: Display | None = None) -> None:
        self.display = display
        self.seconds: dict[str, float] = {}

    @contextmanager
    def step(self, name: str, total: int | None = None, unit: str = "article") -> Iterator[_Tick]:
        t0 = time.perf_counter()
        tick = _Tick(self.display)
        if self.display:
            self.display.start(name, total, unit)
        try:
            yield tick
        finally:
            if self.display:
                self.display.finish()
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0


class _Tick:
    def __init__(self, display: Display | None) -> None:
        self.display = display
        self.done = 0

    def __call__(self, n: int = 1) -> None:
        self.done += n
        if self.display:
            self.display.advance(self.done)


class TerminalProgress:
    """tqdm bars on a terminal stream, shown only for steps that last longer than SHOW_AFTER seconds."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self._bar = None
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    def start(self, step: str, total: int | None, unit: str) -> None:
        from tqdm import tqdm

        if total is not None:
            self._bar = tqdm(total=total, desc=step, unit=unit, file=self.stream, leave=False, delay=SHOW_AFTER)
            return
        # No count to show: a clock that ticks by itself, from a helper thread.
        self._bar = tqdm(desc=step, file=self.stream, leave=False, delay=SHOW_AFTER, bar_format="{desc}: {elapsed}")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, args=(self._bar, self._stop), daemon=True)
        self._thread.start()

    @staticmethod
    def _tick(bar, stop: threading.Event) -> None:
        t0 = time.monotonic()
        while not stop.wait(0.5):
            if time.monotonic() - t0 >= SHOW_AFTER:
                bar.refresh()

    def advance(self, done: int) -> None:
        if self._bar is not None:
            self._bar.update(done - self._bar.n)

    def finish(self) -> None:
        if self._stop:
            self._stop.set()
            if self._thread:
                self._thread.join()
            self._stop = self._thread = None
        if self._bar is not None:
            self._bar.close()
            self._bar = None
