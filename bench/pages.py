"""Server-side page render times through Streamlit's AppTest, and the app's peak RSS.

The pages are discovered, not listed here: every ``*.py`` path written in
``streamlit_app.py`` (the entry point that calls ``st.navigation``) that exists on disk, in
the order written. Each database is measured in its own subprocess
(``python -m bench.pages --db PATH``) so that caches and memory start clean; the subprocess
visits every page (first render = cold, then ``--runs`` warm reruns with Streamlit's caches
filled) and reports its own peak RSS — the closest stand-in for the server process.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENTRY = ROOT / "streamlit_app.py"


def discover(entry: Path = ENTRY) -> list[str]:
    """Page paths (relative to the entry's folder) named in the entry script."""
    if not entry.exists():
        return []
    text = entry.read_text(encoding="utf-8")
    if "navigation" not in text:
        return []
    found: list[tuple[int, int, str]] = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                node.value.endswith(".py") and "\n" not in node.value:
            rel = node.value.removeprefix("./")
            if rel != entry.name and (entry.parent / rel).is_file():
                found.append((node.lineno, node.col_offset, rel))
    pages: list[str] = []
    for _, _, rel in sorted(found):  # source order (ast.walk is breadth-first)
        if rel not in pages:
            pages.append(rel)
    return pages


def _error_text(at) -> str | None:
    try:
        exc = list(at.exception)
    except Exception:  # pragma: no cover - AppTest API drift
        exc = []
    if exc:
        e = exc[0]
        return (getattr(e, "message", None) or getattr(e, "value", None) or str(e))[:300]
    return None


def measure_pages(db: str, runs: int, timeout: float = 600) -> dict:
    os.environ["DASHBOARD_DB"] = str(Path(db).resolve())
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    from streamlit.testing.v1 import AppTest

    out = {"db": db, "pages": [], "entry": str(ENTRY.name)}
    pages = discover()
    if not pages:
        out["note"] = "no pages found (streamlit_app.py missing or without st.navigation)"
    t = time.perf_counter()
    at = AppTest.from_file(str(ENTRY), default_timeout=timeout)
    at.run()
    out["first_load_s"] = time.perf_counter() - t
    out["first_error"] = _error_text(at)
    for page in pages:
        rec = {"page": page, "warm": []}
        try:
            t = time.perf_counter()
            at.switch_page(page)
            at.run()
            rec["cold"] = time.perf_counter() - t
            rec["error"] = _error_text(at)
            for _ in range(runs):
                t = time.perf_counter()
                at.run()
                rec["warm"].append(time.perf_counter() - t)
            rec["error"] = rec["error"] or _error_text(at)
        except Exception as e:  # report and go on with the next page
            rec["error"] = f"{type(e).__name__}: {str(e)[:300]}"
        out["pages"].append(rec)
    from bench.timing import peak_rss_mb
    out["peak_rss_mb"] = peak_rss_mb()
    return out


def run_subprocess(db: Path, runs: int, timeout: float = 1800) -> dict:
    """Measure in a fresh interpreter; returns the JSON it prints."""
    cmd = [sys.executable, "-m", "bench.pages", "--db", str(db), "--runs", str(runs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=timeout)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return {"db": str(db), "pages": [], "failed": " | ".join(tail) or
                f"exit {proc.returncode}"}
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.pages")
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    import logging
    logging.disable(logging.WARNING)  # AppTest logs a warning per missing ScriptRunContext
    result = measure_pages(args.db, args.runs)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
