"""The main dashboard queries asserted whole (every column, every row, in order) on a small
fixture whose expected frames are written by hand from the rows below, the way datasette's
tests assert whole responses.

The fixture: two communes, three canonical indicators, one result period (2025, whole year,
so 2025 is over), three budget lines, one of them from a file whose name holds a comma.

    Xã An (Tỉnh Một)    CQ.A ≥ 80% 2025, result 70  -> not achieved, 10 points behind
                        XH.B ≥ 50% 2025, result 60  -> achieved, 10 points ahead
                        CQ.A ≥ 95% 2030             -> (a later plan)
    Xã Bình (Tỉnh Hai)  CQ.A ≥ 90% 2025, result 85  -> not achieved, 5 points behind
                        XH.B ≥ 60% 2025, no result  -> no data
                        CQ.R rank 1–10 2025, rank 30 -> not achieved, 20 places behind
    budget 2025: An CQ 100 (NS xã, Đề xuất, kh_an.xlsx), An XH 50 (NS tỉnh, no status,
                 "kh_an, bổ sung.xlsx"), Bình CQ 30 (NS xã, Đề xuất, kh_binh.xlsx)
"""
from __future__ import annotations

from datetime import datetime

import duckdb
import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from dashboard import queries as Q
from dashboard.db import open_readonly, prepare
from etl.store import ensure_schema, refresh_derived

AN, BINH = "Xã An (Tỉnh Một)", "Xã Bình (Tỉnh Hai)"
COMMA = "kh_an, bổ sung.xlsx"
F = Q.Filters(as_of=2025)
NAN = np.nan


def _insert(con, table, **values):
    names = list(values)
    con.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES "
                f"({', '.join('?' * len(names))})", list(values.values()))


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("whole") / "small.duckdb"
    c = duckdb.connect(str(path))
    ensure_schema(c)
    c.execute("INSERT INTO catalog_pillars VALUES ('CQ', 1, 'Chính quyền số', 'Digital "
              "government'), ('XH', 2, 'Xã hội số', 'Digital society')")
    for code, pillar, vi, en, unit, direction in [
            ("CQ.A", "CQ", "Hồ sơ trực tuyến", "Online files", "%", "higher"),
            ("CQ.R", "CQ", "Xếp hạng DTI", "DTI rank", "hạng", "lower"),
            ("XH.B", "XH", "Tài khoản thanh toán", "Payment accounts", "%", "higher")]:
        _insert(c, "catalog_indicators", code=code, pillar=pillar, name_vi=vi, name_en=en,
                unit=unit, direction=direction)
    for i, (name, commune, province) in enumerate([
            ("kh_an.xlsx", "Xã An", "Tỉnh Một"), (COMMA, "Xã An", "Tỉnh Một"),
            ("kh_binh.xlsx", "Xã Bình", "Tỉnh Hai")], start=1):
        _insert(c, "imports", import_id=i, file_name=name, sha256=str(i),
                loaded_at=datetime(2025, 12, i), commune=commune, province=province,
                status="active")
    for ds, kind in ((1, "targets"), (2, "actuals"), (3, "budget")):
        _insert(c, "datasets", dataset_id=ds, import_id=1, commune="all", province="all",
                kind=kind, period_key="x", active=True)
    # Bình first: the queries' order, not the insertion order, decides what comes first
    targets = [  # commune, province, code, pillar, year, text, kind, op, low, high, unit, lead, row
        ("Xã Bình", "Tỉnh Hai", "CQ.R", "CQ", 2025, "Thứ 1-10", "rank", "between", 1, 10,
         "hạng", "Văn phòng", 7),
        ("Xã Bình", "Tỉnh Hai", "CQ.A", "CQ", 2025, "≥ 90%", "percent", ">=", 90, None, "%",
         "Văn phòng", 5),
        ("Xã Bình", "Tỉnh Hai", "XH.B", "XH", 2025, "≥ 60%", "percent", ">=", 60, None, "%",
         "Công an", 6),
        ("Xã An", "Tỉnh Một", "CQ.A", "CQ", 2025, "≥ 80%", "percent", ">=", 80, None, "%",
         "Văn phòng", 5),
        ("Xã An", "Tỉnh Một", "XH.B", "XH", 2025, "≥ 50%", "percent", ">=", 50, None, "%",
         "Công an", 6),
        ("Xã An", "Tỉnh Một", "CQ.A", "CQ", 2030, "≥ 95%", "percent", ">=", 95, None, "%",
         "Văn phòng", 7),
    ]
    for commune, province, code, pillar, year, text, kind, op, low, high, unit, lead, row \
            in targets:
        _insert(c, "target_rows", dataset_id=1, import_id=1, commune=commune, province=province,
                indicator_code=code, pillar=pillar, label=text, target_year=year,
                target_text=text, value_kind=kind, op=op, value_low=low, value_high=high,
                unit=unit, lead_unit=lead, source_file=f"kh_{commune[3:].lower()}.xlsx",
                source_sheet="Mục tiêu", source_row=row, source_col="D")
    for commune, province, code, pillar, value, kind, unit, row in [
            ("Xã Bình", "Tỉnh Hai", "CQ.R", "CQ", 30, "rank", "hạng", 9),
            ("Xã Bình", "Tỉnh Hai", "CQ.A", "CQ", 85, "percent", "%", 8),
            ("Xã An", "Tỉnh Một", "CQ.A", "CQ", 70, "percent", "%", 8),
            ("Xã An", "Tỉnh Một", "XH.B", "XH", 60, "percent", "%", 9)]:
        _insert(c, "actual_rows", dataset_id=2, import_id=1, commune=commune, province=province,
                indicator_code=code, pillar=pillar, label=code, period="2025", period_year=2025,
                value=value, value_text=str(value), value_kind=kind, op="=", value_low=value,
                value_high=value, unit=unit, source_file="bc.xlsx", source_sheet="Kết quả",
                source_row=row, source_col="E")
    for commune, province, pillar, amount, source, status, file, row in [
            ("Xã Bình", "Tỉnh Hai", "CQ", 30, "NS xã", "Đề xuất", "kh_binh.xlsx", 10),
            ("Xã An", "Tỉnh Một", "XH", 50, "NS tỉnh", None, COMMA, 3),
            ("Xã An", "Tỉnh Một", "CQ", 100, "NS xã", "Đề xuất", "kh_an.xlsx", 10)]:
        _insert(c, "budget_rows", dataset_id=3, import_id=1, commune=commune,
                province=province, plan_year=2025, task=f"Nhiệm vụ {pillar}", pillar=pillar,
                amount_million_vnd=amount, funding_source=source, status=status,
                source_file=file, source_sheet="Kinh phí", source_row=row, source_col="F")
    refresh_derived(c)
    c.close()
    ro = open_readonly(str(path))
    yield ro
    ro.close()


def run(con, fn, f=F, **kw):
    return fn(prepare(con.cursor()), f, **kw)


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows)


def same(got: pd.DataFrame, expected: pd.DataFrame, lists=()):
    """Whole-frame equality (values, columns, order); LIST cells compared as lists."""
    got = got.copy()
    for c in lists:
        got[c] = got[c].map(list)
    assert_frame_equal(got.reset_index(drop=True), expected, check_dtype=False)


ZERO = dict(achieved=0, on_track=0, off_track=0, not_achieved=0, not_comparable=0, no_data=0,
            behind=0, assessed=0)


def counts(**kw):
    return {**ZERO, **kw}


# --------------------------------------------------------------------------- overview
def test_overview_tiles_whole(con):
    same(run(con, Q.overview_tiles), frame([dict(
        n_communes=2, n_targets=5, n_canonical=3, n_with_result=4, n_achieved=1, n_on_track=0,
        n_off_track=0, n_not_achieved=3, n_not_comparable=0, n_no_data=1, n_behind=3,
        n_assessed=4, as_of_period="2025", n_communes_with_targets=2, synthetic_targets=False,
        budget_total=180.0, n_budget_lines=3, synthetic=False, share_reported=0.8,
        share_achieved=0.25)]))


def test_the_current_plan_is_the_earliest_year_from_as_of_else_the_latest(con):
    """as_of 2027: Xã An's current plan is its 2030 one (off track: one point, no forecast),
    Xã Bình has nothing from 2027 on, so its latest (2025) counts."""
    same(run(con, Q.overview_tiles, Q.Filters(as_of=2027)), frame([dict(
        n_communes=2, n_targets=4, n_canonical=3, n_with_result=3, n_achieved=0, n_on_track=0,
        n_off_track=1, n_not_achieved=2, n_not_comparable=0, n_no_data=1, n_behind=3,
        n_assessed=3, as_of_period="2025", n_communes_with_targets=2, synthetic_targets=False,
        budget_total=180.0, n_budget_lines=3, synthetic=False, share_reported=0.75,
        share_achieved=0.0)]))
    rows = run(con, Q.progress_rows, Q.Filters(as_of=2027))
    assert list(zip(rows["commune_key"], rows["indicator_code"], rows["target_year"],
                    rows["status"])) == [
        (AN, "CQ.A", 2030, "off_track"), (BINH, "CQ.A", 2025, "not_achieved"),
        (BINH, "CQ.R", 2025, "not_achieved"), (BINH, "XH.B", 2025, "no_data")]


def test_status_matrix_whole(con):
    def cell(unit, code, order, vi, en, n, share, **kw):
        return dict(unit=unit, pillar_code=code, pillar_order=order, pillar_name=vi,
                    pillar_name_en=en, n=n, **counts(**kw), n_communes=1,
                    share_achieved=share, synthetic=False)
    cq, xh = ("CQ", 1, "Chính quyền số", "Digital government"), \
        ("XH", 2, "Xã hội số", "Digital society")
    same(run(con, Q.status_matrix), frame([
        cell(AN, *cq, 1, 0.0, not_achieved=1, behind=1, assessed=1),
        cell(AN, *xh, 1, 1.0, achieved=1, assessed=1),
        cell(BINH, *cq, 2, 0.0, not_achieved=2, behind=2, assessed=2),
        cell(BINH, *xh, 1, NAN, no_data=1),
    ]))


KEY_COLS = ["commune_key", "indicator_code", "target_year", "unit", "threshold",
            "actual_value", "status", "status_rule", "gap", "gap_kind", "target_source_row",
            "actual_source_row"]


def test_largest_gaps_percentage_points_first_then_relative_in_other_units(con):
    """Worst first in the indicator's unit: 10 points, 5 points, then the rank 20 places
    behind (relative gap 2) — after the points although 20 > 10: a naive sort by gap would
    put it first."""
    got = run(con, Q.largest_gaps)
    same(got[KEY_COLS], frame([
        dict(commune_key=AN, indicator_code="CQ.A", target_year=2025, unit="%", threshold=80.0,
             actual_value=70.0, status="not_achieved", status_rule="unmet_closed", gap=10.0,
             gap_kind="exact", target_source_row=5, actual_source_row=8),
        dict(commune_key=BINH, indicator_code="CQ.A", target_year=2025, unit="%",
             threshold=90.0, actual_value=85.0, status="not_achieved",
             status_rule="unmet_closed", gap=5.0, gap_kind="exact", target_source_row=5,
             actual_source_row=8),
        dict(commune_key=BINH, indicator_code="CQ.R", target_year=2025, unit="hạng",
             threshold=10.0, actual_value=30.0, status="not_achieved",
             status_rule="unmet_closed", gap=20.0, gap_kind="exact", target_source_row=7,
             actual_source_row=9),
    ]))
    ranked = run(con, Q.gaps_ranked, limit=2, offset=1)
    assert list(zip(ranked["commune_key"], ranked["indicator_code"], ranked["n_total"])) == [
        (BINH, "CQ.A", 3), (BINH, "CQ.R", 3)]


# --------------------------------------------------------------------------- compare
def test_compare_indicator_whole_rows(con):
    got = run(con, Q.compare_indicator, F.with_(indicator="CQ.A"))
    same(got[["commune_key", "target_text", "actual_value", "status", "gap", "n_total",
              "rank_worst", "rank_best"]], frame([
        dict(commune_key=AN, target_text="≥ 80%", actual_value=70.0, status="not_achieved",
             gap=10.0, n_total=2, rank_worst=1, rank_best=2),
        dict(commune_key=BINH, target_text="≥ 90%", actual_value=85.0, status="not_achieved",
             gap=5.0, n_total=2, rank_worst=2, rank_best=1),
    ]))


def test_compare_indicator_by_province_whole(con):
    same(run(con, Q.compare_indicator_by_province, F.with_(indicator="CQ.A")), frame([
        dict(unit="Tỉnh Hai", n=1, **counts(not_achieved=1, behind=1, assessed=1),
             median_actual=85.0, median_target=90.0, synthetic=False),
        dict(unit="Tỉnh Một", n=1, **counts(not_achieved=1, behind=1, assessed=1),
             median_actual=70.0, median_target=80.0, synthetic=False),
    ]))


def test_group_status_whole(con):
    def ind(code, vi, en, pillar, name, order, n, **kw):
        return dict(indicator_code=code, indicator_name=vi, indicator_name_en=en,
                    pillar_code=pillar, pillar_name=name, pillar_order=order, n=n,
                    **counts(**kw), synthetic=False)
    same(run(con, Q.group_status), frame([
        ind("CQ.A", "Hồ sơ trực tuyến", "Online files", "CQ", "Chính quyền số", 1, 2,
            not_achieved=2, behind=2, assessed=2),
        ind("XH.B", "Tài khoản thanh toán", "Payment accounts", "XH", "Xã hội số", 2, 2,
            achieved=1, no_data=1, assessed=1),
        ind("CQ.R", "Xếp hạng DTI", "DTI rank", "CQ", "Chính quyền số", 1, 1,
            not_achieved=1, behind=1, assessed=1),
    ]))


# --------------------------------------------------------------------------- budget
def test_budget_totals_whole(con):
    same(run(con, Q.budget_totals), frame([dict(
        total=180.0, n_lines=3, n_no_amount=0, n_communes_with_budget=2,
        n_communes_with_targets=2, n_sources=2, synthetic=False)]))


def test_budget_by_commune_and_province_whole(con):
    same(run(con, Q.budget_by_commune), frame([
        # the page's paging columns: the scope's total 150 + 30, both communes with budget,
        # the largest 150 (one money axis on every page), the position in the order chosen
        dict(unit=AN, commune="Xã An", province="Tỉnh Một", total=150.0, n_lines=2,
             synthetic=False, source_files=[COMMA, "kh_an.xlsx"], n_total=2, grand_total=180.0,
             n_with_budget=2, max_total=150.0, position=1),
        dict(unit=BINH, commune="Xã Bình", province="Tỉnh Hai", total=30.0, n_lines=1,
             synthetic=False, source_files=["kh_binh.xlsx"], n_total=2, grand_total=180.0,
             n_with_budget=2, max_total=150.0, position=2),
    ]), lists=["source_files"])
    same(run(con, Q.budget_by_province), frame([
        dict(unit="Tỉnh Một", total=150.0, n_lines=2, n_communes=1, synthetic=False,
             source_files=[COMMA, "kh_an.xlsx"], n_total=2),
        dict(unit="Tỉnh Hai", total=30.0, n_lines=1, n_communes=1, synthetic=False,
             source_files=["kh_binh.xlsx"], n_total=2),
    ]), lists=["source_files"])


def test_budget_by_source_pillar_and_status_whole(con):
    same(run(con, Q.budget_by_source), frame([
        # one name per funding source (data/catalog/abbreviations.csv: NS = ngân sách), the
        # file's spelling beside it
        dict(source_name="Ngân sách xã", total=130.0, n_lines=2, n_communes=2, synthetic=False,
             source_spellings="NS xã", source_files=["kh_an.xlsx", "kh_binh.xlsx"]),
        dict(source_name="Ngân sách tỉnh", total=50.0, n_lines=1, n_communes=1,
             synthetic=False, source_spellings="NS tỉnh", source_files=[COMMA]),
    ]), lists=["source_files"])
    same(run(con, Q.budget_by_pillar), frame([
        dict(pillar_code="CQ", pillar_name="Chính quyền số", pillar_name_en="Digital government",
             pillar_order=1, total=130.0, n_lines=2, n_communes=2, synthetic=False,
             source_files=["kh_an.xlsx", "kh_binh.xlsx"]),
        dict(pillar_code="XH", pillar_name="Xã hội số", pillar_name_en="Digital society",
             pillar_order=2, total=50.0, n_lines=1, n_communes=1, synthetic=False,
             source_files=[COMMA]),
    ]), lists=["source_files"])
    same(run(con, Q.budget_by_status), frame([
        dict(status_name="Đề xuất", total=130.0, n_lines=2, synthetic=False),
        dict(status_name=None, total=50.0, n_lines=1, synthetic=False),
    ]))


def test_budget_lines_rows_in_order(con):
    got = run(con, Q.budget_lines)
    same(got[["commune_key", "task", "amount_million_vnd", "funding_source", "status",
              "source_file", "source_row", "n_total", "grand_total"]], frame([
        dict(commune_key=AN, task="Nhiệm vụ XH", amount_million_vnd=50.0,
             funding_source="NS tỉnh", status=None, source_file=COMMA, source_row=3,
             n_total=3, grand_total=180.0),
        dict(commune_key=AN, task="Nhiệm vụ CQ", amount_million_vnd=100.0,
             funding_source="NS xã", status="Đề xuất", source_file="kh_an.xlsx",
             source_row=10, n_total=3, grand_total=180.0),
        dict(commune_key=BINH, task="Nhiệm vụ CQ", amount_million_vnd=30.0,
             funding_source="NS xã", status="Đề xuất", source_file="kh_binh.xlsx",
             source_row=10, n_total=3, grand_total=180.0),
    ]))


def test_data_info_lists_every_file_whole(con):
    got = run(con, Q.data_info)
    same(got, frame([dict(loaded_at=pd.Timestamp("2025-12-03"), n_imports=3,
                          files=[COMMA, "kh_an.xlsx", "kh_binh.xlsx"], synthetic=False)]),
         lists=["files"])
