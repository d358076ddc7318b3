"""Medians of several runs, with min–max."""
from __future__ import annotations

import resource
import statistics
import time
from dataclasses import dataclass
from typing import Callable


@dataclass
class Stats:
    values: list[float]  # seconds

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def min(self) -> float:
        return min(self.values)

    @property
    def max(self) -> float:
        return max(self.values)

    def ms(self) -> str:
        return f"{self.median * 1000:,.0f} ms [{self.min * 1000:,.0f}–{self.max * 1000:,.0f}]"

    def s(self) -> str:
        return f"{self.median:,.2f} s [{self.min:,.2f}–{self.max:,.2f}]"

    def as_dict(self) -> dict:
        return dict(median=self.median, min=self.min, max=self.max, runs=len(self.values))


def measure(fn: Callable[[], object], runs: int, warmup: int = 1) -> Stats:
    """Run ``fn`` ``warmup`` times untimed, then ``runs`` times timed."""
    for _ in range(warmup):
        fn()
    values = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        values.append(time.perf_counter() - t)
    return Stats(values)


def peak_rss_mb() -> float:
    """This process's peak resident set size in MiB.

    VmHWM from /proc (Linux), not ``getrusage().ru_maxrss``: Linux carries ru_maxrss across
    ``execve``, so a subprocess would report at least its parent's size at fork time."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover - not Linux
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def reset_peak_rss() -> bool:
    """Reset this process's peak RSS to its current RSS (Linux >= 4.0), so that the next
    :func:`peak_rss_mb` covers one phase only. False where that is not possible."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False


def verdict(value: float, limit: float, *, higher_is_better: bool = False, unit: str = "") -> str:
    """'met (x of y)' or 'MISSED by …' against a target."""
    ok = value >= limit if higher_is_better else value <= limit
    if ok:
        return "met"
    if higher_is_better:
        return f"MISSED: {value:,.1f}{unit} < {limit:,.0f}{unit} ({limit / value:,.1f}× short)"
    return (f"MISSED by {value - limit:,.0f}{unit} ({value / limit:,.1f}× the limit)")
