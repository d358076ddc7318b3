"""Blank templates: drop-downs, examples skipped, and a filled template loads with no warning."""
from __future__ import annotations

import openpyxl
import pytest

from etl.catalog import load_catalog
from etl.pipeline import understand
from etl.read import read_workbook
from etl.templates import build_template


def fill(kind, path, rows, commune="Tân Hòa", province="Tây Ninh"):
    wb = build_template(kind, load_catalog())
    info = wb["Thông tin chung"]
    info["B1"], info["B2"] = commune, province
    ws = wb.worksheets[2]
    first = 5 if kind == "budget" else 4
    first += 2  # after the two example rows
    for r, values in enumerate(rows, start=first):
        for c, v in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=v)
    wb.save(path)
    return path


def problems(path):
    wb, probs = read_workbook(path)
    assert wb is not None, probs
    u = understand(wb, load_catalog())
    return u, [p for p in u.problems if p.severity != "info"]


def test_filled_targets_template_loads_with_zero_warnings(tmp_path):
    path = fill("targets", tmp_path / "t.xlsx", [
        [1, "Chính quyền số", "CQ.DVC_TOAN_TRINH", "Tỷ lệ DVC trực tuyến toàn trình", "%", "≥ 80%",
         "100%", "Trung tâm PVHCC", ""],
        [2, "Xã hội số", "", "Tỷ lệ thôn có tổ công nghệ số hoạt động hiệu quả", "%", "90%", "",
         "Phòng VHXH", ""],
    ])
    u, bad = problems(path)
    assert bad == []
    assert [(t.indicator_code, t.target_year, t.value_low) for t in u.targets][:3] == [
        ("CQ.DVC_TOAN_TRINH", 2026, 80), ("CQ.DVC_TOAN_TRINH", 2030, 100),
        (u.targets[2].indicator_code, 2026, 90)]
    assert (u.context.commune, u.context.province) == ("Tân Hòa", "Tây Ninh")
    assert "row.example_skipped" in [p.code for p in u.problems]


def test_filled_results_template_loads_with_zero_warnings(tmp_path):
    path = fill("results", tmp_path / "r.xlsx", [
        [1, "Chính quyền số", "CQ.DVC_TOAN_TRINH", "Tỷ lệ DVC trực tuyến toàn trình", "%", "80%",
         "82,5%", "Đạt", ""]])
    u, bad = problems(path)
    assert bad == []
    assert [(a.indicator_code, a.period, a.value) for a in u.actuals] == [
        ("CQ.DVC_TOAN_TRINH", "2026", 82.5)]


def test_filled_budget_template_loads_with_zero_warnings(tmp_path):
    path = fill("budget", tmp_path / "b.xlsx", [
        [1, "Mua sắm máy tính cho cán bộ", "Hạ tầng số và nền tảng số", "Văn phòng", "1.000",
         "200", "", "Đề xuất", ""]])
    u, bad = problems(path)
    assert bad == []
    assert [(b.amount_million_vnd, b.funding_source, b.pillar, b.status) for b in u.budget] == [
        (1000, "Ngân sách tỉnh", "HT", "Đề xuất"), (200, "Ngân sách xã", "HT", "Đề xuất")]


@pytest.mark.parametrize("kind", ["targets", "results", "budget"])
def test_template_has_instructions_dropdowns_and_examples(kind, tmp_path):
    path = tmp_path / f"{kind}.xlsx"
    build_template(kind, load_catalog()).save(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Hướng dẫn"
    ws = wb.worksheets[2]
    assert len(ws.data_validations.dataValidation) >= 2
    assert sum(1 for row in ws.iter_rows(values_only=True) if row[0] == "Ví dụ") == 2
    # An unfilled template is refused for want of a commune, not silently loaded.
    u, bad = problems(path)
    assert "context.no_commune" in [p.code for p in bad]
    assert u.targets == [] and u.actuals == [] and u.budget == []


def test_unknown_code_is_an_error(tmp_path):
    path = fill("targets", tmp_path / "t.xlsx", [
        [1, "Chính quyền số", "CQ.KHONG_CO", "Tỷ lệ A", "%", "80%", "", "", ""]])
    _, bad = problems(path)
    assert [p.code for p in bad if p.severity == "error"] == ["map.unknown_code"]
