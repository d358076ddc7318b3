"""The seed workbooks load with their exact counts, provenance and flagged contradictions."""
from __future__ import annotations

import openpyxl
import pytest

from etl.normalize import clean


def q(con, sql, *params):
    return con.execute(sql, list(params)).fetchall()


def test_nam_dan_has_39_targets_for_2026(seed_con):
    assert q(seed_con, "SELECT count(*) FROM targets WHERE commune='Nam Đàn' AND target_year=2026"
             ) == [(39,)]
    # The numbered section rows (5, 12, 32, 35) are sections, not targets.
    lines = {r[0] for r in q(seed_con, "SELECT line_no FROM targets WHERE commune='Nam Đàn'")}
    assert {"5", "12", "32", "35"}.isdisjoint(lines)
    assert len(lines) == 39


def test_nam_dan_values_keep_raw_text(seed_con):
    rows = dict((r[0], r[1:]) for r in q(
        seed_con, "SELECT line_no, target_text, op, value_low, value_high, unit, value_kind, "
                  "lead_unit FROM targets WHERE commune='Nam Đàn'"))
    assert rows["30"][:6] == ("≥ 80%", ">=", 80.0, None, "%", "percent")
    assert rows["31"][:6] == ("Thứ 20-30", "between", 20.0, 30.0, "hạng", "rank")
    assert rows["38"][:6] == ("50-80%", "between", 50.0, 80.0, "%", "percent")
    assert rows["1"][:2] == ("Hoàn thành", "done")
    assert rows["30"][6] == "Trung tâm phục vụ HCC"


def test_phu_trung_has_23_indicators_for_2026_and_2030(seed_con):
    got = q(seed_con, "SELECT target_year, count(*), count(DISTINCT line_no) FROM targets "
                      "WHERE commune='Phú Trung' GROUP BY 1 ORDER BY 1")
    assert got == [(2026, 23, 23), (2030, 23, 23)]
    row = q(seed_con, "SELECT target_text, value_kind, partner_unit FROM targets "
                      "WHERE commune='Phú Trung' AND line_no='2.1' AND target_year=2026")
    assert row == [("1- 2 người", "number", "Văn phòng HĐND và UBND")]


def test_can_loc_budget_7_lines_3150_million(seed_con):
    n, total = q(seed_con, "SELECT count(*), sum(amount_million_vnd) FROM budget_lines "
                           "WHERE commune='Can Lộc'")[0]
    assert (n, total) == (7, 3150)
    amounts = q(seed_con, "SELECT line_no, amount_text, amount_million_vnd, funding_source, status "
                          "FROM budget_lines WHERE commune='Can Lộc' ORDER BY source_row")
    assert amounts[4][1:3] == ("1.000", 1000.0)
    assert {a[3] for a in amounts} == {"Nguồn NS tỉnh bố trí trong dự toán chi năm 2026",
                                       "Nguồn hợp pháp của đơn vị"}
    assert [a[4] for a in amounts].count("Đề xuất") == 3
    assert all(a[0] == str(i) for i, a in enumerate(amounts, start=1))


def test_can_loc_results_and_2026_targets(seed_con):
    assert q(seed_con, "SELECT count(*) > 0 FROM targets WHERE commune='Can Lộc' "
                       "AND target_year=2026") == [(True,)]
    assert q(seed_con, "SELECT count(*) > 0 FROM actuals WHERE commune='Can Lộc' "
                       "AND period='2025'") == [(True,)]
    # The online-payment result keeps both facts and flags the disagreement.
    pay = q(seed_con, "SELECT value_text, value, flags FROM actuals WHERE commune='Can Lộc' "
                      "AND value_text IN ('6129/6190', '99,82%') ORDER BY source_row")
    assert [(p[0], p[1]) for p in pay] == [("6129/6190", 99.01), ("99,82%", 99.82)]
    assert all("conflict" in p[2] for p in pay)


def test_phung_minh_two_values_for_ehealth_both_kept_and_flagged(seed_con):
    rows = q(seed_con, "SELECT value_text, flags, source_ref FROM actuals "
                       "WHERE commune='Phùng Minh' AND value_text IN ('75%', '50%') "
                       "ORDER BY source_row")
    assert [r[0] for r in rows] == ["75%", "50%"]
    assert all("conflict" in r[1] for r in rows)
    assert q(seed_con, "SELECT count(*) FROM import_problems WHERE code='value.conflict'"
             )[0][0] >= 2


def test_every_loaded_row_points_at_its_cell(seed_con, seed_files):
    """Provenance: file, sheet and row lead back to the label in the workbook."""
    books = {p.name: openpyxl.load_workbook(p, data_only=True) for p in seed_files}
    rows = q(seed_con, "SELECT source_file, source_sheet, source_row, label FROM targets UNION ALL "
                       "SELECT source_file, source_sheet, source_row, label FROM actuals UNION ALL "
                       "SELECT source_file, source_sheet, source_row, task FROM budget_lines")
    assert len(rows) > 150
    for file, sheet, row, label in rows:
        ws = books[file][sheet]
        cells = [clean(c.value) for c in ws[row]]
        assert label in cells, (file, sheet, row, label)


def test_imports_recorded_with_sha256(seed_con):
    rows = q(seed_con, "SELECT file_name, length(sha256), status FROM imports ORDER BY file_name")
    assert len(rows) == 5
    assert all(r[1] == 64 and r[2] == "active" for r in rows)


def test_every_row_has_a_commune_province_and_pillar_or_section(seed_con):
    assert q(seed_con, "SELECT count(*) FROM targets WHERE commune = '' OR province = ''") == [(0,)]
    provinces = dict(q(seed_con, "SELECT DISTINCT commune, province FROM targets"))
    assert provinces == {"Nam Đàn": "Nghệ An", "Hợp Minh": "Nghệ An", "Can Lộc": "Hà Tĩnh",
                         "Phùng Minh": "Thanh Hóa", "Phú Trung": "Đồng Nai"}
