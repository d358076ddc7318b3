"""The README tells the truth: every command, module, address and setting it names exists.

A newcomer copies commands from the README; a renamed make target, a removed module or a
configuration variable nobody reads any more is a trap. This test reads the README itself, so
it keeps working when the README grows.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
CODE = "\n".join(p.read_text(encoding="utf-8") for d in ("etl", "dashboard", "bench", "pages")
                 for p in (ROOT / d).rglob("*.py")) + (ROOT / "streamlit_app.py").read_text(
                     encoding="utf-8") + MAKEFILE


def _make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][\w-]*):", MAKEFILE, flags=re.M))


def test_every_make_target_in_the_readme_exists():
    named = set(re.findall(r"\bmake ([a-z][\w-]*)", README))
    assert {"run", "test"} <= named, "the README must give the two commands"
    assert named <= _make_targets(), named - _make_targets()


def test_every_python_module_in_the_readme_exists():
    modules = set(re.findall(r"python -m ([a-z_][\w.]*)", README))
    assert modules, "the README names its commands"
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    assert not missing, missing


def test_every_etl_subcommand_in_the_readme_exists():
    from etl.cli import build_parser
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    named = set(re.findall(r"python -m etl ([a-z][a-z-]*)", README))
    assert named <= set(sub.choices), named - set(sub.choices)


def test_every_configuration_variable_is_read_somewhere():
    section = README.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    names = set(re.findall(r"`([A-Z][A-Z0-9_]{3,})`", section))
    names = {n for n in names if not n.startswith("STREAMLIT_")}  # read by Streamlit itself
    assert names, "the configuration table names its variables"
    unread = [n for n in names if n not in CODE]
    assert not unread, unread


def test_every_page_address_in_the_readme_is_a_page():
    """An address `/name` in the README is a page script registered for st.navigation."""
    from dashboard.nav import PAGES
    registered = {Path(script).stem for script, _, _ in PAGES}
    addresses = set(re.findall(r"\(`/([a-z_-]+)`\)", README))
    assert addresses, "the README lists the pages' addresses"
    assert addresses <= registered, addresses - registered
    assert all((ROOT / "pages" / f"{a}.py").is_file() for a in addresses)
