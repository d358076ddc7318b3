"""The browser step of ``make bench``: the real server in headless Chromium.

* First load: a fresh browser (new process, empty cache) opens the overview page on the seed
  data, and — in the same run, alternating — a minimal Streamlit page with two Plotly charts
  and a table (the baseline: what any Streamlit page with charts costs). Time from navigation
  to "settled" (script finished, no status widget, the number of drawn Plotly figures stable;
  Streamlit elements stable; the 1 s quiet window used to decide is not counted). Also what the page sends: bytes over
  the websocket, number of Plotly figures, bytes of their figure JSON (data + layout as
  plotted), number of data frames.
* Sessions, protocol level (:func:`protocol_sessions`, the figure the target is checked
  on): bench/ws_driver.py opens N sessions at once over the websocket exactly as a browser
  does (Streamlit's protobufs; no JavaScript, no rendering: ~10 ms of CPU a session), on the
  overview with the national data and, same run, on the minimal page: settle = the script
  run finished and its messages arrived; one session alone against N at once; the server's
  CPU (from /proc) per round and per session, and the bound the GIL sets (N × the CPU of
  one session alone); the server's RSS sampled every 0.2 s; the driver's own CPU.
* Sessions in Chromium (:func:`sessions`): N browser tabs (one Chromium, N contexts; the
  bench uses a smaller N than the protocol driver, since 20 tabs on the same 2 cores measure
  the browsers) opening the overview at once on the national data: settle time of each,
  against one session alone; the server's RSS sampled every 0.2 s (peak) and once idle
  after the tabs close; CPU used by the server and by the driver (this module's process and
  its Chromium), so the reader sees what the driver took from the 2 cores.

Chromium is Debian's (/usr/bin/chromium; Playwright cannot download its own here). The driver
runs in its own process (``python -m bench.browser drive …``); the servers are started in
the bench process by :func:`first_load` and :func:`sessions` (called by ``section_browser``
in bench/__main__.py). A benchmark: it never fails on a timing.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1600, "height": 900}

MINIMAL_PAGE = '''\
"""Baseline for the browser bench: two Plotly charts and a table, nothing else."""
import numpy as np
import pandas as pd
import plotly.express as px
import streamlit as st

st.set_page_config(page_title="baseline", layout="wide")
st.title("Baseline: two Plotly charts and a table")
rng = np.random.default_rng(0)
df = pd.DataFrame({"commune": [f"Xã {i}" for i in range(40)],
                   "target": rng.uniform(50, 100, 40), "result": rng.uniform(30, 100, 40)})
st.plotly_chart(px.bar(df, x="commune", y=["target", "result"], barmode="group"))
st.plotly_chart(px.scatter(df, x="target", y="result", hover_name="commune"))
st.dataframe(df)
'''

SETTLE_JS = """() => ({
  app: !!document.querySelector('[data-testid="stApp"]'),
  running: !!document.querySelector('[data-testid="stStatusWidget"]'),
  plots: document.querySelectorAll('.js-plotly-plot .main-svg').length,
  elements: document.querySelectorAll('[data-testid="stElementContainer"]').length,
})"""

COUNT_JS = """() => {
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  return {
    figures: plots.length,
    figure_json_bytes: plots.map(g => JSON.stringify({data: g.data, layout: g.layout}).length)
                            .reduce((a, b) => a + b, 0),
    frames: document.querySelectorAll('[data-testid="stDataFrame"], [data-testid="stTable"]').length,
    resources: performance.getEntriesByType('resource').length,
    same_origin: performance.getEntriesByType('resource')
                   .map(r => new URL(r.name)).filter(u => u.origin === location.origin
                        && !u.pathname.startsWith('/_stcore/'))
                   .map(u => u.pathname + u.search),
    resource_bytes: performance.getEntriesByType('resource')
                      .reduce((a, r) => a + (r.encodedBodySize || 0), 0),
    largest: performance.getEntriesByType('resource')
               .sort((a, b) => (b.encodedBodySize || 0) - (a.encodedBodySize || 0)).slice(0, 4)
               .map(r => [r.name.split('/').pop().slice(0, 40), r.encodedBodySize || 0]),
  };
}"""


# ----------------------------------------------------------------------------- driver side
async def _settle(page, t0: float, timeout_s: float) -> float:
    """Seconds from ``t0`` until the page settled (the quiet second is not counted)."""
    deadline = time.perf_counter() + timeout_s
    last, stable_since = -1, time.perf_counter()
    page.first_plot_s = float("nan")
    while time.perf_counter() < deadline:
        s = await page.evaluate(SETTLE_JS)
        if s["plots"] and page.first_plot_s != page.first_plot_s:
            page.first_plot_s = time.perf_counter() - t0
        seen = (s["plots"], s["elements"])
        if not s["app"] or s["running"] or seen != last:
            last, stable_since = seen, time.perf_counter()
        elif s["plots"] > 0 and time.perf_counter() - stable_since > 1.0:
            return stable_since - t0
        await asyncio.sleep(0.05)
    return float("nan")


async def _visit(context, url: str, timeout_s: float, count: bool = False) -> dict:
    page = await context.new_page()
    ws_bytes = [0]

    def on_ws(ws):
        ws.on("framereceived", lambda payload: ws_bytes.__setitem__(
            0, ws_bytes[0] + len(payload)))
    page.on("websocket", on_ws)
    t0 = time.perf_counter()
    await page.goto(url, wait_until="commit")
    settle = await _settle(page, t0, timeout_s)
    out = {"settle_s": settle, "first_plot_s": page.first_plot_s, "ws_bytes": ws_bytes[0]}
    if count:
        out.update(await page.evaluate(COUNT_JS))
    await page.close()
    return out


async def _first_loads(urls: dict[str, str], runs: int, timeout_s: float) -> dict:
    from playwright.async_api import async_playwright
    out: dict[str, list] = {k: [] for k in urls}
    async with async_playwright() as p:
        for _ in range(runs):
            for name, url in urls.items():  # alternate: both see the same machine load
                browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS,
                                                  headless=True)
                context = await browser.new_context(viewport=VIEWPORT, locale="vi-VN")
                out[name].append(await _visit(context, url, timeout_s, count=True))
                await browser.close()
    return out


async def _sessions(url: str, n: int, timeout_s: float) -> list[dict]:
    from playwright.async_api import async_playwright
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        contexts = [await browser.new_context(viewport=VIEWPORT, locale="vi-VN")
                    for _ in range(n)]
        res = await asyncio.gather(*[_visit(c, url, timeout_s) for c in contexts])
        await browser.close()
    return list(res)


def drive(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.browser drive")
    ap.add_argument("mode", choices=["first", "sessions"])
    ap.add_argument("--url", action="append", default=[], help="name=url")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("-n", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=180)
    a = ap.parse_args(argv)
    urls = dict(u.split("=", 1) for u in a.url)
    if a.mode == "first":
        res = asyncio.run(_first_loads(urls, a.runs, a.timeout))
    else:
        res = asyncio.run(_sessions(next(iter(urls.values())), a.n, a.timeout))
    print(json.dumps(res))
    return 0


# ----------------------------------------------------------------------------- bench side
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A Streamlit server in a subprocess, its RSS and CPU read from /proc."""

    def __init__(self, script: Path, env: dict, cwd: Path = ROOT):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tempfile.TemporaryFile("w+")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=cwd, env={**os.environ, **env}, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while True:
            try:
                if urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2).status == 200:
                    return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.log.seek(0)
                raise RuntimeError("streamlit did not start:\n" + self.log.read()[-3000:])
            time.sleep(0.2)

    def rss_mb(self) -> float:
        try:
            with open(f"/proc/{self.proc.pid}/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
        return float("nan")

    def cpu_s(self) -> float:
        try:
            with open(f"/proc/{self.proc.pid}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            return float("nan")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def _run_driver(args: list[str], timeout: float = 1800,
                module: tuple[str, ...] = ("bench.browser", "drive")
                ) -> tuple[object, float, float]:
    """Run the driver in its own process: (its JSON, wall seconds, CPU seconds of the driver
    and its Chromium, from the kernel's accounting of reaped children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", *module, *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"browser driver failed:\n{proc.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall, cpu


class _Sampler(threading.Thread):
    def __init__(self, server: Server):
        super().__init__(daemon=True)
        self.server, self.peak, self.stop_flag = server, 0.0, threading.Event()

    def run(self) -> None:
        while not self.stop_flag.is_set():
            self.peak = max(self.peak, self.server.rss_mb())
            time.sleep(0.2)


def _med(xs: list[float]) -> float:
    xs = [x for x in xs if x == x]
    return statistics.median(xs) if xs else float("nan")


def _p95(xs: list[float]) -> float:
    xs = sorted(x for x in xs if x == x)
    if not xs:
        return float("nan")
    return xs[min(len(xs) - 1, max(0, round(0.95 * len(xs)) - 1))]


def first_load(seed_db: Path, runs: int, say=print) -> dict:
    """First load in a fresh browser: the overview on the seed data vs the minimal page."""
    with tempfile.TemporaryDirectory() as d:
        minimal = Path(d) / "minimal_page.py"
        minimal.write_text(MINIMAL_PAGE, encoding="utf-8")
        app = Server(ROOT / "streamlit_app.py", {"DASHBOARD_DB": str(Path(seed_db).resolve())})
        base = Server(minimal, {}, cwd=Path(d))
        try:
            urls = ["--url", f"app={app.url}/", "--url", f"minimal={base.url}/"]
            cold, _, _ = _run_driver(["first", *urls, "--runs", "1"])  # servers warm now
            res, wall, cpu = _run_driver(["first", *urls, "--runs", str(runs)])
        finally:
            app.stop()
            base.stop()
    out = {"cold_server": {k: v[0] for k, v in cold.items()}, "runs": res,
           "driver_wall_s": wall, "driver_cpu_s": cpu}
    for name in ("app", "minimal"):
        out[name] = {"settle_s": [r["settle_s"] for r in res[name]],
                     "median_s": _med([r["settle_s"] for r in res[name]]),
                     "first_plot_median_s": _med([r["first_plot_s"] for r in res[name]]),
                     **{k: res[name][-1][k] for k in ("ws_bytes", "figures",
                                                      "figure_json_bytes", "frames",
                                                      "resources", "resource_bytes",
                                                      "largest", "same_origin")}}
    out["ratio"] = out["app"]["median_s"] / out["minimal"]["median_s"]
    return out


def sessions(db: Path, n: int, single_runs: int, say=print) -> dict:
    """One session alone (``single_runs`` times), then ``n`` at once, on ``db``."""
    srv = Server(ROOT / "streamlit_app.py", {"DASHBOARD_DB": str(Path(db).resolve())})
    try:
        url = ["--url", f"app={srv.url}/"]
        _run_driver(["sessions", *url, "-n", "1"])  # the server's caches warm
        warm_rss = srv.rss_mb()
        single = []
        for _ in range(single_runs):
            r, _, _ = _run_driver(["sessions", *url, "-n", "1"])
            single.append(r[0]["settle_s"])
        sampler = _Sampler(srv)
        sampler.start()
        cpu0 = srv.cpu_s()
        res, wall, driver_cpu = _run_driver(["sessions", *url, "-n", str(n)])
        server_cpu = srv.cpu_s() - cpu0
        sampler.stop_flag.set()
        sampler.join()
        time.sleep(5)  # the sessions are gone: what the server keeps
        idle_rss = srv.rss_mb()
    finally:
        srv.stop()
    settles = [r["settle_s"] for r in res]
    return {"n": n, "single_settle_s": single, "single_median_s": _med(single),
            "settle_s": settles, "median_s": _med(settles), "p95_s": _p95(settles),
            "max_s": max((s for s in settles if s == s), default=float("nan")),
            "timed_out": sum(1 for s in settles if s != s),
            "server_peak_rss_mb": sampler.peak, "server_idle_rss_mb": idle_rss,
            "server_warm_rss_mb": warm_rss, "wall_s": wall, "server_cpu_s": server_cpu,
            "driver_cpu_s": driver_cpu}


def _ws(url: str, n: int = 1, repeat: int = 1, assets: Path | None = None
        ) -> tuple[list[dict], float]:
    """The protocol-level driver (bench/ws_driver.py) in its own process: its rounds, and
    its CPU from the kernel's accounting (imports included)."""
    extra = ["--assets", str(assets)] if assets else []
    res, _, cpu = _run_driver(["--url", url, "-n", str(n), "--repeat", str(repeat), *extra],
                              module=("bench.ws_driver",))
    return res["rounds"], cpu


def _round_stats(rounds: list[dict]) -> dict:
    ss = [x for r in rounds for x in r["sessions"]]
    settles = [x["settle_s"] for x in ss]
    return {"settle_s": settles, "median_s": _med(settles), "p95_s": _p95(settles),
            "max_s": max((v for v in settles if v == v), default=float("nan")),
            "failed": sum(1 for x in ss if x["error"] or x["exceptions"]),
            "errors": sorted({x["error"] for x in ss if x["error"]})[:3],
            "bytes": _med([x["bytes"] for x in ss]), "plotly": ss[-1]["plotly"] if ss else 0,
            "frames": ss[-1]["frames"] if ss else 0,
            "driver_self_cpu_s": sum(r["driver_cpu_s"] for r in rounds)}


def protocol_sessions(db: Path, n: int, single_runs: int, rounds: int = 3,
                      assets: dict[str, list[str]] | None = None, say=print) -> dict:
    """What the server does for ``n`` sessions at once, measured without browsers: the
    protocol-level driver (bench/ws_driver.py, a separate process at ~10 ms of CPU a
    session) opens them over the websocket as a browser does and waits for each script run
    to finish. The overview on ``db`` first, then the minimal page (same run, same driver):
    one session alone ``single_runs`` times, then ``rounds`` rounds of ``n`` at once. Server
    CPU and RSS from /proc around each round. With ``assets`` (page name -> the static
    paths a fresh Chromium fetched from that server: ``first_load``'s ``same_origin``), one
    more single run and one more round of ``n`` in which every session first fetches them,
    as ``n`` people opening the page for the first time would."""
    out: dict = {"n": n, "rounds": rounds}
    with tempfile.TemporaryDirectory() as d:
        minimal = Path(d) / "minimal_page.py"
        minimal.write_text(MINIMAL_PAGE, encoding="utf-8")
        for name, script, env, cwd in (
                ("app", ROOT / "streamlit_app.py", {"DASHBOARD_DB": str(Path(db).resolve())},
                 ROOT),
                ("minimal", minimal, {}, Path(d))):
            srv = Server(script, env, cwd=cwd)
            try:
                url = f"{srv.url}/"
                _ws(url)  # the server's caches warm (imports, connection, first figures)
                warm_rss = srv.rss_mb()
                c0 = srv.cpu_s()
                single_rounds, _ = _ws(url, 1, single_runs)
                single_cpu = (srv.cpu_s() - c0) / single_runs
                sampler = _Sampler(srv)
                sampler.start()
                many, cpus, driver_cpu = [], [], 0.0
                for _ in range(rounds):
                    c0 = srv.cpu_s()
                    r, dc = _ws(url, n)
                    cpus.append(srv.cpu_s() - c0)
                    many += r
                    driver_cpu += dc
                sampler.stop_flag.set()
                sampler.join()
                single = _round_stats(single_rounds)
                rec = {"single": single, "single_median_s": single["median_s"],
                       "single_server_cpu_s": single_cpu, **_round_stats(many),
                       "server_cpu_s": cpus, "server_cpu_per_session_s":
                           _med(cpus) / n, "server_warm_rss_mb": warm_rss,
                       "server_peak_rss_mb": sampler.peak,
                       "driver_cpu_s": driver_cpu, "wall_s": [r["wall_s"] for r in many]}
                rec["ratio"] = rec["p95_s"] / rec["single_median_s"]
                paths = (assets or {}).get(name)
                if paths:
                    lst = Path(d) / f"assets_{name}.txt"
                    lst.write_text("\n".join(paths), encoding="utf-8")
                    c0 = srv.cpu_s()
                    one, _ = _ws(url, 1, single_runs, assets=lst)
                    c1 = srv.cpu_s()
                    r, _ = _ws(url, n, assets=lst)
                    c2 = srv.cpu_s()
                    fresh = {"files": len(paths), "single": _round_stats(one),
                             "single_server_cpu_s": (c1 - c0) / single_runs,
                             **_round_stats(r), "server_cpu_s": c2 - c1,
                             "server_cpu_per_session_s": (c2 - c1) / n}
                    fresh["ratio"] = fresh["p95_s"] / fresh["single"]["median_s"]
                    fresh["asset_bytes"] = r[0]["sessions"][0]["asset_bytes"]
                    rec["fresh_browser"] = fresh
                # The GIL runs the sessions' Python one at a time: the last of n sessions
                # cannot finish before n × (server CPU of one session alone) was spent.
                rec["gil_bound_s"] = n * single_cpu
                rec["gil_bound_ratio"] = rec["gil_bound_s"] / rec["single_median_s"]
                out[name] = rec
            finally:
                srv.stop()
    return out


def available() -> str | None:
    """Why the browser step cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "drive":
        sys.exit(drive(sys.argv[2:]))
    print("usage: python -m bench.browser drive first|sessions --url name=URL …", file=sys.stderr)
    sys.exit(2)
