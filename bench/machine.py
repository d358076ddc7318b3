"""The machine a benchmark ran on."""
from __future__ import annotations

import os
import platform
import sys
from importlib import metadata


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return None


def nproc() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def info() -> dict:
    versions = {}
    for pkg in ("duckdb", "pandas", "pyarrow", "openpyxl", "streamlit"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = "-"
    return dict(nproc=nproc(), ram_gib=_ram_gib(), cpu=_cpu_model(),
                os=f"{platform.system()} {platform.release()}",
                python=sys.version.split()[0], versions=versions)


def describe(m: dict) -> str:
    ram = f"{m['ram_gib']:.1f} GiB" if m["ram_gib"] else "?"
    v = ", ".join(f"{k} {x}" for k, x in m["versions"].items())
    return (f"nproc {m['nproc']}, RAM {ram}, CPU {m['cpu']}, {m['os']}, "
            f"Python {m['python']}; {v}")
