"""The real reader on real published layouts (tests/fixtures/layouts/, see its README).

For each workbook: EITHER the reader refuses it / asks, with an error naming file, sheet and row,
OR every fact of its facts file is right. A silently wrong fact fails.

XFAIL lists the workbooks the current reader gets wrong, each with what it does wrong; remove an
entry when the reader is fixed (strict=False: a fixed entry shows as XPASS until removed).
"""
from __future__ import annotations

import pytest

from tests import layouts_score as S

XFAIL: dict[str, str] = {}  # every workbook is read right or refused/asked today


def _params():
    out = []
    for path in S.facts_files():
        facts = S.load_facts(path)
        marks = [pytest.mark.xfail(strict=False, reason=XFAIL[facts["id"]])] \
            if facts["id"] in XFAIL else []
        out.append(pytest.param(facts, id=facts["id"], marks=marks))
    return out


def test_corpus_is_big_enough_and_every_facts_file_has_its_workbook():
    files = S.facts_files()
    assert len(files) >= 20
    for p in files:
        f = S.load_facts(p)
        assert (S.CORPUS / f["file"]).exists(), f["file"]
        assert f["source"]["url"] and f["source"]["title"], p.name
        assert f["expect"] in ("facts", "ask"), p.name
        assert f.get("why"), p.name


@pytest.mark.parametrize("facts", _params())
def test_layout_is_read_right_or_refused(facts):
    v = S.judge(facts)
    assert v.status in ("right", "refused"), "\n".join(v.wrong)
