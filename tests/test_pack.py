"""The briefing pack: a 16:9 PPTX that opens with python-pptx, one chart per slide with its
stamp (title, scope, period, unit, coverage, sources, legend, synthetic mark), native charts
whose numbers are the dashboard's, the same pack as a PDF (pages looked at as PNG), from the
command line and from the page's button."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
from pptx import Presentation
from pptx.util import Inches

from dashboard import pack
from dashboard import queries as Q
from tests.dashboard_support import NAM_DAN

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-artifacts" / "pack"


def slides_of(data: bytes):
    prs = Presentation(io.BytesIO(data))
    return prs, list(prs.slides)


def shape_text(slide, name: str) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes
                     if s.name == name and s.has_text_frame)


def charts_of(slide):
    return [s.chart for s in slide.shapes if s.has_chart]


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory):
    from etl.cli import main
    path = tmp_path_factory.mktemp("pack") / "synthetic.duckdb"
    assert main(["synth", "--communes", "40", "--db", str(path), "--seed", "5"]) == 0
    return path


def query(db, fn, f):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return fn(con, f)
    finally:
        con.close()


def test_seed_pack_slides_and_stamps(seed_db):
    f = Q.Filters(as_of=2026)
    data = pack.build_from_db(seed_db, f)
    prs, slides = slides_of(data)
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))  # 16:9
    # title, status by group, the commune x group table (5 communes: one slide), targets
    # furthest behind, one indicator per commune, budget by group, budget by source, closing
    assert len(slides) == 8
    title = shape_text(slides[0], "subtitle")
    assert "Phạm vi: 5 xã, 4 tỉnh đã nạp" in title and "Kỳ số liệu: kế hoạch năm" in title
    assert "Bộ lọc: không lọc" in title
    for s in slides[1:-1]:
        assert shape_text(s, "title")
        sub = shape_text(s, "subtitle")
        assert sub.startswith("5 xã, 4 tỉnh đã nạp · ") and "Đơn vị" in sub
        assert ("kế hoạch năm" in sub) or ("dự toán năm" in sub)
        foot = shape_text(s, "footer")
        assert "Nguồn:" in foot and "Dữ liệu cập nhật" in foot
        assert not [x for x in s.shapes if x.name == "synthetic_mark"]  # real data
    for s in slides[1:-1]:  # every chart slide: the legend and the coverage
        foot = shape_text(s, "footer")
        assert ("✓ Đạt" in foot and "○ Chưa có báo cáo" in foot) or "tỷ lệ đạt" in foot
        assert "chỉ tiêu đã có kết quả" in foot or "dòng kinh phí" in foot
    closing = shape_text(slides[-1], "sources")
    assert all(p.name in closing for p in (ROOT / "data" / "seed").glob("*.xlsx"))


def test_native_charts_hold_the_dashboards_numbers(seed_db):
    f = Q.Filters(as_of=2026)
    _, slides = slides_of(pack.build_from_db(seed_db, f))
    period = query(seed_db, Q.data_period, f).iloc[0]
    status = charts_of(slides[1])[0]
    assert sum(sum(v or 0 for v in s.values) for s in status.plots[0].series) == \
        period["n_targets"]
    budget = charts_of(slides[5])[0]
    total = query(seed_db, Q.budget_totals, f)["total"].iat[0]
    assert sum(v or 0 for v in budget.plots[0].series[0].values) == pytest.approx(total)
    assert "triệu đồng" in shape_text(slides[5], "subtitle")  # 3.150 million: not billions
    by_pillar = query(seed_db, Q.budget_by_pillar, f)
    cats = list(budget.plots[0].categories)
    assert cats == by_pillar[by_pillar["total"].notna()]["pillar_name"].tolist()
    matrix = [s for s in slides[2].shapes if s.name == "matrix"][0].table
    communes = sorted(query(seed_db, Q.status_matrix, f)["unit"].unique())
    assert [matrix.cell(i, 0).text for i in range(1, len(communes) + 1)] == communes


def test_target_vs_result_per_commune_for_one_indicator(synth_db):
    """The compare page's indicator (or the most widely planned one): each commune's level to
    reach and latest result, result bars in their status colour."""
    from dashboard import charts
    f = Q.Filters(as_of=2026)  # the country: more communes plan it than a slide shows
    code = "CQ.DVC_TOAN_TRINH"
    _, slides = slides_of(pack.build_from_db(synth_db, f, indicator=code))
    con = duckdb.connect(str(synth_db), read_only=True)
    try:
        rows = Q.compare_indicator(con, f.with_(indicator=code), per_side=pack.BAR_ROWS // 2)
    finally:
        con.close()
    name = rows["indicator_name"].iat[0]
    slide = next(s for s in slides if shape_text(s, "title") == name)
    chart = charts_of(slide)[0]
    target, result = chart.plots[0].series
    num = rows[rows["actual_value"].notna() & rows["threshold"].notna()]
    assert list(chart.plots[0].categories) == num["commune_key"].tolist()
    assert list(target.values) == pytest.approx(num["threshold"].tolist())
    assert list(result.values) == pytest.approx(num["actual_value"].tolist())
    colours = [str(result.points[i].format.fill.fore_color.rgb) for i in range(len(num))]
    assert colours == [charts.STATUS_COLOR[s].lstrip("#").upper() for s in num["status"]]
    from dashboard import framing
    n = int(rows["n_total"].iat[0])
    assert len(num) < n and framing.shown_text(len(num), n) in shape_text(slide, "footer")


def test_filters_narrow_the_pack(seed_db):
    f = Q.Filters(communes=(NAM_DAN,), as_of=2026)
    prs, slides = slides_of(pack.build_from_db(seed_db, f))
    assert f"Phạm vi: {NAM_DAN}" in shape_text(slides[0], "subtitle")
    assert f"Xã: {NAM_DAN}" in shape_text(slides[0], "subtitle")
    for s in slides[1:-1]:
        assert shape_text(s, "subtitle").startswith(NAM_DAN)
    sources = shape_text(slides[-1], "sources")
    assert "nam_dan_2026_ke_hoach.xlsx" in sources and "can_loc" not in sources


def test_synthetic_data_is_marked_on_every_slide_and_the_cli_writes_the_file(
        synth_db, tmp_path):
    out = tmp_path / "giao_ban.pptx"
    assert pack.main(["--db", str(synth_db), "--out", str(out)]) == 0
    _, slides = slides_of(out.read_bytes())
    assert "toàn quốc, 40 xã" in shape_text(slides[0], "subtitle")
    for s in slides:
        marks = [x for x in s.shapes if x.name == "synthetic_mark"]
        assert marks and marks[0].text_frame.text == "DỮ LIỆU MÔ PHỎNG"
    # 40 communes: the commune table runs over 3 slides of at most 16 rows, each says which
    tables = [s for s in slides if any(x.name == "matrix" for x in s.shapes)]
    assert len(tables) == 3
    assert "dòng 17–32 / 40" in shape_text(tables[1], "footer")
    one = tmp_path / "nghe_an_en.pptx"
    assert pack.main(["--db", str(synth_db), "--out", str(one), "--tinh", "Nghệ An",
                      "--nam", "2026", "--lang", "en"]) == 0
    _, slides = slides_of(one.read_bytes())
    sub = shape_text(slides[1], "subtitle")
    assert sub.startswith("Nghệ An, ") and "2026 plan" in sub
    assert "Target year: 2026" in shape_text(slides[0], "subtitle")


@pytest.mark.skipif(not pack.soffice() or not shutil.which("pdftoppm"),
                    reason="LibreOffice (soffice) and poppler-utils (pdftoppm) not installed")
def test_the_pdf_has_one_16_9_page_per_slide(synth_db, tmp_path):
    out = tmp_path / "giao_ban.pdf"
    assert pack.main(["--db", str(synth_db), "--out", str(out), "--tinh", "Nghệ An"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    SHOTS.mkdir(parents=True, exist_ok=True)
    for old in SHOTS.glob("trang-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(out), str(SHOTS / "trang")], check=True)
    pages = sorted(SHOTS.glob("trang-*.png"))
    _, slides = slides_of(pack.build_from_db(synth_db, Q.Filters(provinces=("Nghệ An",))))
    assert len(pages) == len(slides)
    from PIL import Image
    for p in pages:
        w, h = Image.open(p).size
        assert abs(w / h - 16 / 9) < 0.01, p.name


def test_the_pdf_path_says_what_is_missing(monkeypatch, synth_db, tmp_path, capsys):
    monkeypatch.setattr(pack, "soffice", lambda: None)
    assert pack.main(["--db", str(synth_db), "--out", str(tmp_path / "x.pdf")]) == 3
    assert "LibreOffice" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_the_page_button_downloads_the_pack(seed_db, tmp_path):
    """One click in the sidebar of a real server (Chromium) downloads the view's pack."""
    from tests.test_dashboard_addresses import fresh_server
    from tests.test_dashboard_browser import ARGS, CHROMIUM
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright
    proc, log, url = fresh_server(seed_db, tmp_path / "streamlit.log")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            try:
                pg = browser.new_page(viewport={"width": 1400, "height": 900},
                                      accept_downloads=True)
                pg.goto(f"{url}/budget?xa=Nam+%C4%90%C3%A0n+%28Ngh%E1%BB%87+An%29")
                button = pg.get_by_role("button", name="Tải bộ trình chiếu (.pptx)")
                button.wait_for(timeout=60000)
                with pg.expect_download(timeout=120000) as dl:
                    button.click()
                path = tmp_path / dl.value.suggested_filename
                dl.value.save_as(path)
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        log.close()
    assert path.suffix == ".pptx" and "nam_dan" in path.name
    _, slides = slides_of(path.read_bytes())
    _, same = slides_of(pack.build_from_db(seed_db, Q.Filters(communes=(NAM_DAN,))))
    assert [shape_text(s, "title") for s in slides] == [shape_text(s, "title") for s in same]
    assert len(slides) >= 7
    assert f"Phạm vi: {NAM_DAN}" in shape_text(slides[0], "subtitle")


def test_the_furthest_behind_slide_compares_like_with_like(synth_db):
    """One indicator in one unit (the one with most communes behind), largest gap first,
    each bar named by its commune and province: never a % gap ranked against a count gap."""
    f = Q.Filters(as_of=2026)
    con = duckdb.connect(str(synth_db), read_only=True)
    try:
        every = Q.gaps_ranked(con, f, limit=10_000)
        top = Q.gap_indicators(con, f, limit=1).iloc[0]
        data = pack.collect(con, f)
    finally:
        con.close()
    assert every.groupby(["indicator_code", "unit"]).ngroups > 1  # the country mixes them
    g = data.gaps
    assert set(zip(g["indicator_code"], g["unit"])) == {(top.indicator_code, top.unit)}
    assert g["gap"].tolist() == sorted(g["gap"].tolist(), reverse=True)
    _, slides = slides_of(pack.build(data))
    slide = next(s for s in slides if shape_text(s, "title").startswith("Xa mục tiêu nhất"))
    assert top.indicator_name[:40] in shape_text(slide, "title")
    num = g[g["actual_value"].notna() & g["threshold"].notna()]
    cats = list(charts_of(slide)[0].plots[0].categories)
    assert cats == [f"{r.commune} ({r.province})" for r in num.itertuples()]


def test_the_compare_slide_picks_as_the_page_does_ties_whole(synth_db):
    """The pack's per-commune slide shows the communes the compare page shows: the furthest
    behind and the best placed without splitting a tie (here 8 communes tie at the best
    side's cut, so none of them is picked by name), and its footer says so."""
    from dashboard import province_view
    f = Q.Filters(as_of=2026)
    code = "HT.TTHCC_CSVC"
    con = duckdb.connect(str(synth_db), read_only=True)
    try:
        every = Q.compare_indicator(con, f.with_(indicator=code), per_side=1_000_000)
        by_name = Q.compare_indicator(con, f.with_(indicator=code),
                                      per_side=pack.BAR_ROWS // 2)
        data = pack.collect(con, f, indicator=code)
    finally:
        con.close()
    shown, note, _ = province_view.compare_ends(every, pack.BAR_ROWS // 2)
    assert "đồng hạng" in note  # ties cross the cut on this indicator
    assert sorted(by_name["target_ref"]) != sorted(shown["target_ref"])  # SQL picks by name
    assert data.compare["target_ref"].tolist() == shown["target_ref"].tolist()
    _, slides = slides_of(pack.build(data))
    slide = next(s for s in slides if shape_text(s, "title") == every["indicator_name"].iat[0])
    assert note in shape_text(slide, "footer")
