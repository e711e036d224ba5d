"""Peak resident memory of a whole process tree (this process and every descendant, summed),
sampled in a background thread: dbt runs as a subprocess of Dagster, so the parent's own
ru_maxrss would miss it."""
from __future__ import annotations

import threading

import psutil


class PeakTreeMemory:
    """`children_only`: leave this process out (the bench's own memory is not the refresh's)."""

    def __init__(self, interval: float = 0.1, children_only: bool = False):
        self.interval = interval
        self.children_only = children_only
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _tree_rss(self) -> int:
        me = psutil.Process()
        total = 0
        for proc in [*([] if self.children_only else [me]), *me.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                pass  # the process ended between listing and reading
        return total

    def _sample(self):
        while not self._stop.is_set():
            self.peak_bytes = max(self.peak_bytes, self._tree_rss())
            self._stop.wait(self.interval)

    def __enter__(self):
        self.peak_bytes = self._tree_rss()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak_bytes = max(self.peak_bytes, self._tree_rss())
