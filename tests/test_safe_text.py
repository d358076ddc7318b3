"""Text from files is data: escaped for each surface it is shown on (issue 9)."""
from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import charts, safe_text
from tests.conftest import ROOT, make_workbook

HOSTILE = '**Đậm** [bấm](http://evil.example) ![x](http://evil.example/p.png) :red[đỏ] <b>b</b>'
LINK = '<a href="http://evil.example">Xã Lạ</a>'
RLO = "bao_cao\u202excod.exe"  # shows as "bao_caoexe.docx" in a bidi-aware renderer


def test_display_drops_bidi_and_zero_width_characters():
    assert safe_text.display("Nam\u200b Đàn\u200d\u2066\u202e\ufeff") == "Nam Đàn"
    assert safe_text.display(RLO) == "bao_caoxcod.exe"
    assert safe_text.display("a\n\nb") == "a b"


def test_md_escapes_every_markdown_construct():
    s = safe_text.md(HOSTILE)
    for raw in ("**", "](", "![", ":red[", "<b>"):
        assert raw not in s
    # unescaping the backslashes gives back the text exactly: shown as written
    import re
    assert re.sub(r"\\(.)", r"\1", s) == HOSTILE


def test_plotly_escapes_the_html_subset():
    assert safe_text.plotly(LINK) == '&lt;a href="http://evil.example"&gt;Xã Lạ&lt;/a&gt;'
    assert safe_text.html(LINK).startswith("&lt;a href=&quot;")


def test_chart_labels_titles_hover_and_sources_are_escaped():
    df = pd.DataFrame({"commune_key": [LINK, "<span style='font-size:60px'>to</span>"],
                       "total": [100.0, 50.0]})
    meta = charts.ChartMeta(title=f"Kinh phí {LINK}", sources=("<i>x</i>.xlsx",))
    fig = charts.money_bars(df, meta, "commune_key")
    blob = json.dumps(fig.to_plotly_json(), ensure_ascii=False)
    for raw in ("<a ", "<span", "<i>"):
        assert raw not in blob
    assert "&lt;a href" in fig.layout.yaxis.ticktext[0]
    assert "&lt;a href" in fig.data[0].customdata[0]
    assert "&lt;i&gt;x&lt;/i&gt;.xlsx" in blob
    assert fig.layout.title.text.startswith("<b>")  # the app's own markup still works


def test_commune_names_keep_their_case_and_lose_invisible_characters():
    from etl.normalize import commune_name
    assert commune_name("ỦY BAN NHÂN DÂN XÃ NAM ĐÀN") == "Nam Đàn"
    assert commune_name("xã nam đàn") == "Nam Đàn"
    assert commune_name("Ea H'Leo") == "Ea H'Leo"  # was "Ea H'leo"
    assert commune_name("Nam \u202eĐàn") == "Nam Đàn"


@pytest.fixture
def hostile_db(tmp_path, monkeypatch):
    from etl.cli import main
    path = make_workbook(tmp_path / "la.xlsx", {"PL": [
        ["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2026"], [1, "Tỷ lệ A", "%", "90%"]]})
    db = tmp_path / "h.duckdb"
    # A name that is no official unit is refused for real data (the register), so the hostile
    # name goes in as synthetic data, which keeps its own fictional names.
    assert main(["load", str(path), "--db", str(db), "--commune", HOSTILE,
                 "--province", "Nghệ An", "--year", "2026", "--synthetic"]) == 0
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    return db


def test_commune_profile_headline_shows_the_name_not_markdown(hostile_db):
    import duckdb
    con = duckdb.connect(str(hostile_db), read_only=True)
    name = con.execute("SELECT DISTINCT commune FROM targets").fetchone()[0]
    con.close()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/commune.py").run()
    assert not at.exception, [e.value for e in at.exception]
    heads = [m.value for m in at.markdown if "Đậm" in m.value]
    assert heads, [m.value for m in at.markdown]
    assert safe_text.md(name) in heads[0]
    assert "](http" not in heads[0] and "**Đậm**" not in heads[0]


def test_upload_heading_error_box_and_review_show_text_not_markdown(tmp_path, seed_db,
                                                                    monkeypatch):
    import shutil
    from tests import hostile
    db = tmp_path / "app.duckdb"
    shutil.copyfile(seed_db, db)
    monkeypatch.setenv("DASHBOARD_DB", str(db))
    monkeypatch.setenv("DASHBOARD_OPEN_UPLOADS", "1")
    monkeypatch.delenv("ANALYST_PASSWORD_HASH", raising=False)
    name = "**x** [y](http://evil.example)\u202e.xlsx"
    bad = hostile.html_renamed(tmp_path / "bad.xlsx")
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    good = make_workbook(tmp_path / "g.xlsx", {"Thông tin chung": [
        ["Xã", "**Lạ** [a](http://evil.example)"], ["Tỉnh", "Nghệ An"]],
        "PL": [["TT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2026"], [1, "Tỷ lệ A", "%", "90%"]]})
    at = AppTest.from_file(str(ROOT / "pages" / "upload.py"), default_timeout=60)
    at.run()
    at.file_uploader[0].set_value([(name, bad.read_bytes(), xlsx),
                                   ("g.xlsx", good.read_bytes(), xlsx)])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    heading = next(h.value for h in at.subheader if "x" in h.value and "evil" in h.value)
    assert heading == safe_text.md(name) and "**x**" not in heading and "\u202e" not in heading
    box = next(e.value for e in at.error if "evil" in e.value)
    assert safe_text.md(name) in box and "](http" not in box
    communes = [m.value for m in at.metric if "Lạ" in str(m.value)]
    assert communes and all("**Lạ**" not in v and "](http" not in v for v in communes)
