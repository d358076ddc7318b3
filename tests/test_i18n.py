"""One language layer: every key the code asks for exists in Vietnamese and English, every key
of the table is asked for by some code, and a key made at run time is declared.

The code is read with ``ast``: a call ``t("key")`` (also ``w("…")`` = ``t("why.…")`` and the
module wrappers ``framing.tx`` / ``pack.tx``) names a key; ``t(f"flag_{x}")`` is a pattern
``flag_{}`` that must be declared in ``i18n.DYNAMIC`` with its values. A key passed through a
variable (``t(title_key)``) counts as used when the key is written as a string somewhere in the
code; strict mode (``DASHBOARD_STRICT_I18N=1``, set for the whole suite in conftest) makes a
missing one raise when a page test renders it.
"""
from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from dashboard import i18n
from etl import problems as P

ROOT = Path(__file__).resolve().parents[1]


def _sources() -> dict[str, ast.AST]:
    files = [*sorted((ROOT / "dashboard").glob("*.py")), *sorted((ROOT / "pages").glob("*.py")),
             ROOT / "streamlit_app.py"]
    return {str(f.relative_to(ROOT)): ast.parse(f.read_text(encoding="utf-8"))
            for f in files if f.name != "i18n.py"}


def _prefix(call: ast.Call, module: str) -> str | None:
    """The prefix a translating call adds to its key; None when the call is not one."""
    f = call.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    if name == "t":
        return ""
    if name == "w":
        return "why."
    if name == "tx":
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name):
            return i18n.WRAPPERS.get(f"dashboard/{f.value.id}.py")
        return i18n.WRAPPERS.get(module)
    return None


def _pattern(node: ast.AST) -> str | None:
    """'flag_{}' for f"flag_{x}", '{}_short' for key + '_short'; None for a plain variable."""
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _pattern(node.left), _pattern(node.right)
        if left is None and right is None:
            return None
        return (left or "{}") + (right or "{}")
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    return None


def scan(sources: dict[str, ast.AST]):
    """(literal keys with where they are asked for, dynamic patterns, every string constant)."""
    literal: dict[str, str] = {}
    patterns: dict[str, str] = {}
    constants: set[str] = set()
    for module, tree in sources.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            if not (isinstance(node, ast.Call) and node.args):
                continue
            prefix = _prefix(node, module)
            if prefix is None:
                continue
            arg = node.args[0]
            where = f"{module}:{node.lineno}"
            options = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for a in options:
                if isinstance(a, ast.Constant) and isinstance(a.value, str):
                    literal[prefix + a.value] = where
                elif isinstance(a, (ast.JoinedStr, ast.BinOp)):
                    p = _pattern(a)
                    if p is not None:
                        patterns[prefix + p] = where
    return literal, patterns, constants


def dynamic_keys(dynamic: dict[str, tuple[str, ...]]) -> set[str]:
    return {pattern.format(v) for pattern, values in dynamic.items() for v in values}


def missing_keys(strings, literal, dynamic) -> list[str]:
    wanted = {**literal, **{k: "i18n.DYNAMIC" for k in dynamic_keys(dynamic)}}
    return sorted(f"{k} ({where})" for k, where in wanted.items() if k not in strings)


def undeclared_patterns(patterns, dynamic) -> list[str]:
    wrappers = {f"{p}{{}}" for p in i18n.WRAPPERS.values()}
    return sorted(f"{p} ({where})" for p, where in patterns.items()
                  if p not in dynamic and p not in wrappers)


def unused_keys(strings, literal, constants, dynamic) -> list[str]:
    used = set(literal) | dynamic_keys(dynamic) | constants
    return sorted(k for k in strings if k not in used)


@pytest.fixture(scope="module")
def scanned():
    return scan(_sources())


# keys whose two languages use different params on purpose (the caller passes both)
PARAMS_DIFFER = {"frame.quarter": "quý III/2026 (Roman numeral q) but Q3 2026 (digit n)"}


def test_every_key_has_vietnamese_and_english_with_the_same_params():
    fmt = string.Formatter()
    bad = []
    for key, entry in i18n.STRINGS.items():
        if not (entry.get("vi") or "").strip() or not (entry.get("en") or "").strip():
            bad.append(f"{key}: missing a language")
            continue
        names = [{f for _, f, _, _ in fmt.parse(entry[lang]) if f is not None}
                 for lang in ("vi", "en")]
        if names[0] != names[1] and key not in PARAMS_DIFFER:
            bad.append(f"{key}: vi {sorted(names[0])} / en {sorted(names[1])}")
    assert bad == []


def test_every_key_the_code_asks_for_exists(scanned):
    literal, _, _ = scanned
    assert len(literal) > 300  # the scan does find the calls
    assert missing_keys(i18n.STRINGS, literal, i18n.DYNAMIC) == []


def test_every_key_made_at_run_time_is_declared(scanned):
    _, patterns, _ = scanned
    assert "flag_{}" in patterns and "why.shape_{}" in patterns  # the scan sees f-strings
    assert undeclared_patterns(patterns, i18n.DYNAMIC) == []


def test_no_key_is_unused(scanned):
    literal, _, constants = scanned
    assert unused_keys(i18n.STRINGS, literal, constants, i18n.DYNAMIC) == []


def test_the_checks_catch_a_missing_an_unused_and_an_undeclared_key():
    tree = ast.parse('from dashboard.i18n import t\n'
                     'a = t("present")\nb = t("absent")\nc = t(f"kind_{x}")\n'
                     'd = t("yes" if x else "nope")\n')
    literal, patterns, constants = scan({"pages/fake.py": tree})
    strings = {"present": {}, "yes": {}, "orphan": {}, "kind_a": {}}
    assert missing_keys(strings, literal, {}) == ["absent (pages/fake.py:3)",
                                                  "nope (pages/fake.py:5)"]
    assert undeclared_patterns(patterns, {}) == ["kind_{} (pages/fake.py:4)"]
    assert unused_keys(strings, literal, constants, {}) == ["kind_a", "orphan"]
    assert unused_keys(strings, literal, constants, {"kind_{}": ("a",)}) == ["orphan"]


def test_a_missing_key_raises_in_strict_mode_and_shows_the_key_otherwise(monkeypatch):
    monkeypatch.setenv("DASHBOARD_STRICT_I18N", "1")
    with pytest.raises(i18n.MissingKey):
        i18n.t("no_such_key", "en")
    monkeypatch.setenv("DASHBOARD_STRICT_I18N", "0")
    assert i18n.t("no_such_key", "en") == "no_such_key"
    assert i18n.t("fmt_rank", "en", n=3) == "rank 3" and i18n.t("fmt_rank", "vi", n=3) == "thứ 3"


def test_every_problem_code_has_an_english_template_with_the_same_params():
    fmt = string.Formatter()
    assert set(P.EN) == set(P.CODES)
    for code, (_, vi) in P.CODES.items():
        assert ({f for _, f, _, _ in fmt.parse(vi) if f} ==
                {f for _, f, _, _ in fmt.parse(P.EN[code]) if f}), code
        assert P.EN[code] != vi, code  # translated, not copied
