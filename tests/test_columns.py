"""Column contracts (dashboard/columns.py): every query returns exactly its contract's
columns, every export has exactly the headers written here, and a list of source files is a
list from SQL to the exported cell (a file name with a comma stays whole)."""
from __future__ import annotations

import inspect
import io
import shutil

import openpyxl
import pytest

from dashboard import columns as C
from dashboard import export, tables
from dashboard import queries as Q
from dashboard.db import open_readonly, prepare
from tests.dashboard_support import CAN_LOC, SEED_FILES, build_seed_db

F = Q.Filters(as_of=2026)
ARGS = {  # the filters that give each query rows on the seeds
    "commune_plans": F.with_(communes=(CAN_LOC,)), "commune_results": F.with_(communes=(CAN_LOC,)),
    "commune_targets": F.with_(communes=(CAN_LOC,)),
    "compare_indicator": F.with_(indicator="CQ.DTI_XEP_HANG"),
    "compare_indicator_by_province": F.with_(indicator="CQ.DTI_XEP_HANG"),
    "gaps_for_indicator": F.with_(indicator="NL.PHO_CAP_KY_NANG_SO"),  # the seeds' one gap
}
KW = {"gaps_for_indicator": {"unit": "%"}}  # arguments beside the filters

STATUS_COUNTS = ["Đạt", "Đúng tiến độ", "Chậm tiến độ", "Không đạt", "Không so sánh được",
                 "Chưa có báo cáo", "Chậm hoặc không đạt", "Đã đánh giá"]
PROGRESS = [
    "Xã", "Tỉnh", "Mã", "Chỉ tiêu", "Cách viết trong văn bản", "Nhóm DTI", "Năm mục tiêu",
    "Mục tiêu", "Loại giá trị mục tiêu", "Phép so sánh của mục tiêu", "Cận dưới mục tiêu",
    "Cận trên mục tiêu", "Đơn vị tính", "Chiều tốt", "Dạng mục tiêu", "Ngưỡng quyết định",
    "Ngưỡng không tính dấu bằng", "Giá trị kết quả", "Kết quả", "Đơn vị của kết quả",
    "Kỳ kết quả", "Năm kết quả", "Ngày của dữ liệu (kỳ)", "Năm mục tiêu chưa kết thúc",
    "Tình trạng", "Quy tắc", "Khoảng cách", "Loại khoảng cách", "Phương pháp dự báo",
    "Giá trị dự báo", "Khả năng đạt (dự báo)", "Hạn hoàn thành", "Đơn vị chủ trì (nguyên văn)",
    "Đơn vị chủ trì (tên chuẩn)", "Tệp nguồn",
    "Trang tính", "Dòng", "Cột", "Tệp kết quả", "Trang tính kết quả", "Dòng kết quả",
    "Cột kết quả", "Mô phỏng", "Phạm vi của mục tiêu", "Lưu ý của mục tiêu",
    "Phạm vi của kết quả", "Lưu ý của kết quả"]
EXPORT_HEADERS = {  # (vi) every export, whole
    "status_matrix": ["Xã", "Nhóm DTI", "Số chỉ tiêu", *STATUS_COUNTS, "Số xã",
                      "Tỷ lệ đạt (trên số đã đánh giá)", "Mô phỏng"],
    "status_matrix@province": ["Tỉnh", "Nhóm DTI", "Số chỉ tiêu", *STATUS_COUNTS, "Số xã",
                               "Tỷ lệ đạt (trên số đã đánh giá)", "Mô phỏng"],
    "largest_gaps": PROGRESS, "compare_indicator": PROGRESS, "progress_rows": PROGRESS,
    "gaps_ranked": PROGRESS, "commune_targets": [*PROGRESS, "Kết quả mâu thuẫn"],
    "gaps_for_indicator": [*PROGRESS, "Hạng theo khoảng cách", "Số xã cùng hạng"],
    "gap_indicators": ["Mã", "Đơn vị tính", "Chỉ tiêu", "Số chỉ tiêu", "Đã đánh giá",
                       "Chậm hoặc không đạt", "Khoảng cách lớn nhất (theo đơn vị tính)", "Xã",
                       "Tỉnh", "Loại khoảng cách", "Mô phỏng", "Số xã cùng khoảng cách lớn nhất"],
    "commune_statuses": ["Xã", "Tỉnh", "Tình trạng"],
    "compare_indicator_by_province": ["Tỉnh", "Số chỉ tiêu", *STATUS_COUNTS,
                                      "Kết quả trung vị", "Ngưỡng trung vị", "Mô phỏng"],
    "group_status": ["Mã", "Chỉ tiêu", "Nhóm DTI", "Số chỉ tiêu", *STATUS_COUNTS, "Mô phỏng"],
    "ambition": ["Xã", "Tỉnh", "Mã", "Chỉ tiêu", "Nhóm DTI", "Năm đầu", "Năm cuối",
                 "Mục tiêu năm đầu", "Đơn vị tính", "Ngưỡng năm đầu", "Ngưỡng năm cuối",
                 "Mục tiêu năm cuối", "Giá trị kết quả", "Kết quả", "Tình trạng", "Tệp nguồn",
                 "Trang tính", "Dòng năm đầu", "Dòng năm cuối", "Mô phỏng"],
    "gaps_by_lead_unit": ["Đơn vị chủ trì", "Các cách viết trong tệp", "Số chỉ tiêu", *STATUS_COUNTS, "Số xã",
                          "Khoảng cách lớn nhất (điểm %)", "Mô phỏng"],
    "coverage_summary": ["Xã", "Tỉnh", "Số chỉ tiêu", "Chưa có kết quả",
                         "Chỉ tiêu chuẩn có mục tiêu", "Số nhóm DTI", "Năm mục tiêu", "Mô phỏng",
                         "Chỉ tiêu chuẩn còn thiếu", "Dòng kinh phí", "Tổng (triệu đồng)",
                         "Nhóm DTI chưa có kinh phí"],
    "coverage_missing_targets": ["Xã", "Tỉnh", "Mã", "Chỉ tiêu", "Nhóm DTI",
                                 "Số xã khác có mục tiêu"],
    "coverage_no_result": ["Xã", "Tỉnh", "Mã", "Chỉ tiêu", "Nhóm DTI", "Năm mục tiêu",
                           "Mục tiêu", "Đơn vị chủ trì", "Tệp nguồn", "Trang tính", "Dòng",
                           "Mô phỏng"],
    "coverage_budget": ["Xã", "Tỉnh", "Nhóm DTI", "Số chỉ tiêu", "Mô phỏng"],
    "budget_by_commune": ["Xã", "Tỉnh", "Tổng (triệu đồng)", "Số dòng", "Mô phỏng",
                          "Các tệp nguồn"],
    "budget_by_province": ["Tỉnh", "Tổng (triệu đồng)", "Số dòng", "Số xã", "Mô phỏng",
                           "Các tệp nguồn"],
    "budget_by_source": ["Nguồn vốn", "Tổng (triệu đồng)", "Số dòng", "Số xã", "Mô phỏng",
                         "Các cách viết trong tệp", "Các tệp nguồn"],
    "budget_by_pillar": ["Nhóm DTI", "Tổng (triệu đồng)", "Số dòng", "Số xã", "Mô phỏng",
                         "Các tệp nguồn"],
    "budget_by_status": ["Trạng thái", "Tổng (triệu đồng)", "Số dòng", "Mô phỏng"],
    "budget_lines": ["Xã", "Tỉnh", "Năm", "Số thứ tự", "Nhiệm vụ", "Nhóm DTI",
                     "Đơn vị chủ trì (nguyên văn)", "Đơn vị chủ trì (tên chuẩn)",
                     "Kinh phí (triệu đồng)", "Kinh phí (nguyên văn)", "Nguồn vốn (nguyên văn)",
                     "Nguồn vốn (tên chuẩn)", "Trạng thái",
                     "Ghi chú", "Mục tiêu của nhiệm vụ", "Kết quả dự kiến", "Tệp nguồn",
                     "Trang tính", "Dòng", "Cột", "Mô phỏng"],
    "commune_results": ["Kỳ báo cáo", "Năm kết quả", "Mã", "Chỉ tiêu",
                        "Tên chỉ tiêu (nguyên văn)", "Kết quả", "Giá trị kết quả", "Đơn vị tính",
                        "Đánh giá trong văn bản", "Tử số", "Mẫu số", "Tỷ lệ ghi trong văn bản",
                        "Lưu ý", "Nhóm DTI", "Tệp nguồn", "Trang tính", "Dòng", "Cột",
                        "Mô phỏng"],
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    c = open_readonly(str(build_seed_db(tmp_path_factory.mktemp("cols") / "seed.duckdb")))
    yield c
    c.close()


def _run(con, view):
    name, _, variant = view.partition("@")
    kw = {"level": variant} if variant else dict(KW.get(name, {}))
    return getattr(Q, name)(prepare(con.cursor()), ARGS.get(name, F), **kw)


def test_every_query_has_a_contract():
    queries = {n for n, f in inspect.getmembers(Q, inspect.isfunction)
               if f.__module__ == Q.__name__ and not n.startswith("_")
               and list(inspect.signature(f).parameters)[:2] == ["con", "f"]}
    assert queries == {v.partition("@")[0] for v in C.VIEWS}


@pytest.mark.parametrize("view", list(C.VIEWS))
def test_a_query_returns_exactly_its_contracts_columns(con, view):
    df = _run(con, view)
    assert len(df), view  # the seeds give rows, so the check is on a real result
    assert list(df.columns) == C.names(view)


def test_every_export_has_exactly_these_headers():
    exported = {v: C.export_headers(v, "vi") for v in C.VIEWS if C.export_headers(v, "vi")}
    assert exported == EXPORT_HEADERS
    for view in C.VIEWS:  # never two columns under one header, in either language
        for lang in ("vi", "en"):
            h = C.export_headers(view, lang)
            assert len(h) == len(set(h)), (view, lang)


def test_an_export_is_its_contracts_columns_under_their_headers(con):
    df = _run(con, "budget_by_commune")
    exp = tables.export_frame(df, "vi", view="budget_by_commune")
    assert list(exp.columns) == EXPORT_HEADERS["budget_by_commune"]
    assert exp.loc[0, "Xã"] == CAN_LOC and exp.loc[0, "Tổng (triệu đồng)"] == 3150
    assert exp.loc[0, "Các tệp nguồn"] == "can_loc_2026_ke_hoach.xlsx"
    en = tables.export_frame(df, "en", view="budget_by_commune")
    assert list(en.columns) == ["Commune", "Province", "Total (million VND)", "Lines",
                                "Simulated", "Source files"]
    # a province roll-up says "Tỉnh", not "Xã" (the old header table said Xã for every "unit")
    prov = tables.export_frame(_run(con, "status_matrix@province"), "vi",
                               view="status_matrix@province")
    assert list(prov.columns)[0] == "Tỉnh" and prov["Tỉnh"].iat[0] == "Đồng Nai"
    # names in the UI language, statuses as words
    gaps = tables.export_frame(_run(con, "largest_gaps"), "en", view="largest_gaps")
    assert gaps.loc[0, "Status"] == "Not achieved"
    assert gaps.loc[0, "Indicator"] == _run(con, "largest_gaps")["indicator_name_en"].iat[0]


def test_the_app_tags_each_result_with_its_contract(tmp_path, monkeypatch, con):
    from dashboard import db
    live = tmp_path / "live.duckdb"
    build_seed_db(live)
    monkeypatch.setenv("DASHBOARD_DB", str(live))
    assert db.run(Q.budget_lines, F).attrs["view"] == "budget_lines"
    assert db.run(Q.status_matrix, F, level="province").attrs["view"] == "status_matrix@province"
    exp = tables.export_frame(db.run(Q.status_matrix, F, level="province"), "vi")
    assert list(exp.columns) == EXPORT_HEADERS["status_matrix@province"]
    # a display frame (no contract) is exported as shown
    shown = tables.budget(db.run(Q.budget_lines, F), "vi")
    assert list(tables.export_frame(shown, "vi").columns) == list(shown.columns)


# --------------------------------------------------------------------------- a comma in a name
COMMA = "Kế hoạch, bổ sung.xlsx"


@pytest.fixture(scope="module")
def comma_db(tmp_path_factory):
    """Can Lộc's plan saved as "Kế hoạch, bổ sung.xlsx", and Nam Đàn's, loaded by the CLI."""
    from etl.cli import main
    d = tmp_path_factory.mktemp("comma")
    can_loc = next(p for p in SEED_FILES if p.name.startswith("can_loc"))
    nam_dan = next(p for p in SEED_FILES if p.name.startswith("nam_dan"))
    shutil.copyfile(can_loc, d / COMMA)
    db = d / "comma.duckdb"
    assert main(["load", str(d / COMMA), str(nam_dan), "--db", str(db)]) == 0
    c = open_readonly(str(db))
    yield c
    c.close()


def test_a_file_name_with_a_comma_stays_one_file_end_to_end(comma_db):
    cur = lambda: prepare(comma_db.cursor())  # noqa: E731
    info = Q.data_info(cur(), F)
    assert C.as_list(info["files"].iat[0]) == [COMMA, "nam_dan_2026_ke_hoach.xlsx"]
    by_commune = Q.budget_by_commune(cur(), F)
    assert C.as_list(by_commune["source_files"].iat[0]) == [COMMA]   # one element, whole
    assert C.as_list(by_commune["source_files"].iat[1]) == []        # Nam Đàn: no budget line
    for q in (Q.budget_by_source, Q.budget_by_pillar, Q.budget_by_province):
        lists = [C.as_list(v) for v in q(cur(), F)["source_files"]]
        assert {x for v in lists for x in v} == {COMMA}, q.__name__
    # the display table shows it whole
    shown = tables.money(by_commune, "vi", "unit", "col_commune")
    assert shown["Các tệp nguồn"].tolist() == [[COMMA], []]
    # the chart frames' source list (dashboard.ui.files_of) keeps it whole
    from dashboard import ui
    assert ui.files_of(by_commune) == [COMMA]
    from dashboard import charts
    assert charts.sources_text([*C.as_list(info["files"].iat[0])]) == \
        f"Nguồn: {COMMA}; nam_dan_2026_ke_hoach.xlsx"
    # the export cell is the name, whole, in the .csv and in the .xlsx
    exp = tables.export_frame(by_commune, "vi", view="budget_by_commune")
    assert exp["Các tệp nguồn"].tolist() == [COMMA, ""]
    csv = export.to_csv_bytes(exp).decode("utf-8-sig")
    assert f'"{COMMA}"' in csv
    ws = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(exp))).active
    assert [c.value for c in ws[1]] == EXPORT_HEADERS["budget_by_commune"]
    assert ws.cell(row=2, column=6).value == COMMA


def test_several_files_are_written_one_per_line():
    import pandas as pd
    df = pd.DataFrame({"unit": ["X (Y)"], "province": ["Y"], "total": [1.0], "n_lines": [2],
                       "synthetic": [False], "source_files": [["a, b.xlsx", "c.xlsx"]],
                       "n_total": [1]})
    exp = tables.export_frame(df, "vi", view="budget_by_commune")
    assert exp["Các tệp nguồn"].iat[0] == "a, b.xlsx\nc.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(exp))).active
    assert ws.cell(row=2, column=6).value == "a, b.xlsx\nc.xlsx"
    assert ws.cell(row=2, column=6).alignment.wrap_text
