"""A protocol-level client of a Streamlit server: N sessions opened over the websocket as a
browser opens them, at almost no CPU on the client side (no JavaScript, no rendering).

What a browser does on a first visit, and what this does the same way (Streamlit 1.67,
``streamlit/web/server/starlette/starlette_websocket.py`` and the frontend's connection
manager): GET the page and ``/_stcore/health`` and ``/_stcore/host-config``, open
``/_stcore/stream`` with the subprotocol ``streamlit`` (the XSRF token and a previous session
id ride in the same header, positions 2 and 3: a fresh browser has neither), send one
``BackMsg{rerun_script: ClientState{query_string, page_name, context_info}}``, then read the
``ForwardMsg``\\s until ``script_finished`` is ``FINISHED_SUCCESSFULLY`` (a run that ends
``FINISHED_EARLY_FOR_RERUN`` is followed by another run, as in the browser). The JavaScript
bundle (~9 MB in ~130 static files, served by the same Python process) is fetched only with
``--assets FILE`` (the paths a fresh Chromium fetched, recorded by the bench's first load).

"Settled" here is the moment the last message of the finished run arrived: the server's
side of a page load, without the browser's rendering. What arrived is counted (bytes,
messages, Plotly figures and their JSON bytes, data frames, exceptions) so a run that drew
an error page is not mistaken for a fast one.

``python -m bench.ws_driver --url http://127.0.0.1:PORT/ -n 20`` prints one JSON object:
the sessions, and the driver's own CPU (user + system of this process).
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import time
import urllib.parse
import urllib.request


def _cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=60) as resp:
        return len(resp.read())


def _rerun_msg(query: str, page_name: str, url: str) -> bytes:
    from streamlit.proto.BackMsg_pb2 import BackMsg

    msg = BackMsg()
    cs = msg.rerun_script
    cs.query_string = query
    cs.page_name = page_name
    cs.page_script_hash = ""
    ci = cs.context_info
    ci.timezone = "Asia/Ho_Chi_Minh"
    ci.timezone_offset = -420
    ci.locale = "vi-VN"
    ci.url = url
    ci.is_embedded = False
    ci.color_scheme = "light"
    return msg.SerializeToString()


def _get_all(base: str, paths: list[str]) -> int:
    n = 0
    for path in paths:
        n += _get(base + path)
    return n


async def session(url: str, timeout_s: float = 300, fetch_page: bool = True,
                  assets: list[str] = ()) -> dict:
    """One fresh visit of ``url``; seconds until its script run finished, and what came.
    ``assets``: paths a fresh browser also fetches from the server (the JavaScript bundle,
    fonts: recorded from Chromium by the bench), fetched one after the other before the
    websocket opens; a returning browser has them cached."""
    import websockets
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    u = urllib.parse.urlsplit(url)
    base = f"{u.scheme}://{u.netloc}"
    page_name = u.path.strip("/")
    out = {"settle_s": float("nan"), "first_delta_s": float("nan"), "bytes": 0, "msgs": 0,
           "deltas": 0, "plotly": 0, "plotly_json_bytes": 0, "frames": 0, "exceptions": 0,
           "runs": 0, "asset_bytes": 0, "error": None}
    t0 = time.perf_counter()
    try:
        if fetch_page:  # what the browser asks for before it opens the websocket
            for path in (u.path or "/", "/_stcore/health", "/_stcore/host-config"):
                await asyncio.to_thread(_get, base + path)
        if assets:
            out["asset_bytes"] = await asyncio.to_thread(_get_all, base, list(assets))
        ws_url = ("wss" if u.scheme == "https" else "ws") + f"://{u.netloc}/_stcore/stream"
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None,
                                      origin=base, open_timeout=timeout_s,
                                      compression=None) as ws:
            await ws.send(_rerun_msg(u.query, page_name, url))
            deadline = t0 + timeout_s
            while True:
                left = deadline - time.perf_counter()
                if left <= 0:
                    out["error"] = "timeout"
                    break
                data = await asyncio.wait_for(ws.recv(), timeout=left)
                out["bytes"] += len(data)
                out["msgs"] += 1
                msg = ForwardMsg()
                msg.ParseFromString(data)
                kind = msg.WhichOneof("type")
                if kind == "delta":
                    out["deltas"] += 1
                    if out["first_delta_s"] != out["first_delta_s"]:
                        out["first_delta_s"] = time.perf_counter() - t0
                    el = msg.delta.new_element
                    which = el.WhichOneof("type") if msg.delta.HasField("new_element") else None
                    if which == "plotly_chart":
                        out["plotly"] += 1
                        out["plotly_json_bytes"] += len(el.plotly_chart.spec)
                    elif which in ("dataframe", "table"):
                        out["frames"] += 1
                    elif which == "exception":
                        out["exceptions"] += 1
                elif kind == "script_finished":
                    out["runs"] += 1
                    if msg.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                        out["settle_s"] = time.perf_counter() - t0
                        break
                    if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                        out["error"] = "compile error"
                        break
    except Exception as e:  # noqa: BLE001 - reported, the other sessions go on
        out["error"] = f"{type(e).__name__}: {e}"
    return out


async def _many(url: str, n: int, timeout_s: float, fetch_page: bool,
                assets: list[str]) -> list[dict]:
    return list(await asyncio.gather(*[session(url, timeout_s, fetch_page, assets)
                                       for _ in range(n)]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ws_driver")
    ap.add_argument("--url", required=True, help="the page, with its query string")
    ap.add_argument("-n", type=int, default=1, help="sessions opened at once")
    ap.add_argument("--repeat", type=int, default=1, help="rounds of n, one after the other")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("--no-page", action="store_true", help="only the websocket, no GETs")
    ap.add_argument("--assets", type=argparse.FileType("r", encoding="utf-8"),
                    help="a file of server paths (one a line) each session fetches first, "
                         "as a fresh browser does")
    a = ap.parse_args(argv)
    assets = [x.strip() for x in a.assets] if a.assets else []
    assets = [x for x in assets if x]
    import streamlit.proto.ForwardMsg_pb2  # noqa: F401 - imported before the clock starts
    import websockets  # noqa: F401
    rounds = []
    for _ in range(a.repeat):
        c0, w0 = _cpu_s(), time.perf_counter()
        res = asyncio.run(_many(a.url, a.n, a.timeout, not a.no_page, assets))
        rounds.append({"sessions": res, "wall_s": time.perf_counter() - w0,
                       "driver_cpu_s": _cpu_s() - c0})
    print(json.dumps({"rounds": rounds, "pid": os.getpid()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
