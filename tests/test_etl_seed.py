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


# ------------------------------------------------------------------- exact seed counts
def test_seed_counts_exactly(seed_con):
    """Rows per commune and year. Changes with catalogue 2026.1 (data/seed/README.md):
    Can Lộc results 33 -> 53 (20 facts of Phần I now loaded), Phùng Minh results 11 -> 27
    (16 facts of Phần I), progress 148 -> 149 (Hợp Minh's service sentence is no longer merged
    into CQ.HO_SO_TRUC_TUYEN). Targets and budget lines are unchanged."""
    targets = q(seed_con, "SELECT commune, target_year, count(*) FROM targets GROUP BY ALL "
                          "ORDER BY ALL")
    assert targets == [("Can Lộc", 2025, 6), ("Can Lộc", 2026, 19), ("Hợp Minh", 2025, 26),
                       ("Nam Đàn", 2026, 39), ("Phùng Minh", 2024, 14), ("Phú Trung", 2026, 23),
                       ("Phú Trung", 2030, 23)]
    actuals = q(seed_con, "SELECT commune, period, count(*) FROM actuals GROUP BY ALL ORDER BY ALL")
    assert actuals == [("Can Lộc", "2025", 53), ("Phùng Minh", "2023", 27)]
    assert q(seed_con, "SELECT count(*) FROM budget_lines") == [(7,)]
    statuses = dict(q(seed_con, "SELECT status, count(*) FROM progress GROUP BY 1"))
    # one progress row per target row (150): the contract's time-aware statuses (README)
    assert statuses == {"achieved": 17, "not_achieved": 1, "no_data": 129, "not_comparable": 3}


def test_every_target_and_result_has_a_dti_group(seed_con):
    missing = q(seed_con, "SELECT commune, source_sheet, source_row, label FROM targets "
                          "WHERE pillar IS NULL UNION ALL SELECT commune, source_sheet, "
                          "source_row, label FROM actuals WHERE pillar IS NULL")
    assert missing == []
    # The rows the audit found without a group, by their label; two are plainly cybersecurity.
    got = dict(q(seed_con, "SELECT label, pillar FROM targets WHERE (commune, source_row) IN "
                           "(('Hợp Minh', 30), ('Hợp Minh', 32), ('Hợp Minh', 17), "
                           "('Hợp Minh', 20), ('Hợp Minh', 24))"))
    assert sorted(got.values()) == ["AT", "AT", "CQ", "CQ", "KT"]
    assert got["hệ thống thông tin đã triển khai mức bảo vệ 4 lớp"] == "AT"


def test_awareness_and_institutions_get_what_the_documents_report(seed_con):
    got = q(seed_con, "SELECT pillar, commune, count(*) FROM actuals WHERE pillar IN ('NT', 'TC') "
                      "GROUP BY ALL ORDER BY ALL")
    # Can Lộc II.9.1/II.9.3: broadcasts, launch event, online contest, channels (the two
    # display boards are Hạ tầng số, coaching residents is Nhân lực số); Phùng Minh I.2, II.1:
    # meetings, banner, no initiative shared (not done), radio items. No document sets an NT
    # target and only Nam Đàn (row 7) a TC one: the rest are tasks in the Nhiệm vụ sections.
    assert got == [("NT", "Can Lộc", 4), ("NT", "Phùng Minh", 4), ("TC", "Can Lộc", 2),
                   ("TC", "Phùng Minh", 2)]


# (commune, label start, value_text, kind, op, value, unit, source section start)
NEW_FACTS = [
    ("Can Lộc", "Lớp tấp huấn cho cán bộ công chức", "2", "number", "=", 2.0, "lớp",
     "Phần I, mục II.1"),
    ("Can Lộc", "Tuyên truyền trên hệ thống đài truyền thanh cơ sở", "Hơn 10", "number", ">",
     10.0, "lượt", "Phần I, mục II.9.1"),
    ("Can Lộc", "Bảng điện tử trước Trung tâm phục vụ", "01", "number", "=", 1.0, "bảng",
     "Phần I, mục II.9.1"),
    ("Can Lộc", "Bảng điện tử lớn tại khu vực đường vào", "01", "number", "=", 1.0, "bảng",
     "Phần I, mục II.9.1"),
    ("Can Lộc", "Người tham gia Lễ phát động", "Hơn 200", "number", ">", 200.0, "lượt người",
     "Phần I, mục II.9.1"),
    ("Can Lộc", "Người tham gia cuộc thi trực tuyến", "Hơn 5000", "number", ">", 5000.0,
     "lượt người", "Phần I, mục II.9.1"),
    ("Can Lộc", "Người dân được tuyên truyền, hướng dẫn cách sử dụng dịch vụ công", "Hơn 100",
     "number", ">", 100.0, "lượt người", "Phần I, mục II.9.1"),
    ("Can Lộc", "Cơ sở vật chất đảm bảo Trung tâm hành chính công", "Đã thực hiện", "done",
     "done", None, None, "Phần I, mục I"),
    ("Can Lộc", "Có hệ thống Internet đến các thôn", "Có", "done", "done", None, None,
     "Phần I, mục I"),
    ("Can Lộc", "Các cửa hàng, doanh nghiệp và một bộ phận lớn nhân dân",
     "Một bộ phận lớn nhân dân", "text", None, None, None, "Phần I, mục I"),
    ("Can Lộc", "Hội nghị truyền hình trực tuyến kết nối ổn định", "Có", "done", "done", None,
     None, "Phần I, mục II.3"),
    ("Can Lộc", "Xây dựng hệ thống camera giám sát", "Đã thực hiện", "done", "done", None, None,
     "Phần I, mục II.3"),
    ("Can Lộc", "Sử dụng công nghệ AI vào hướng dẫn người dân", "Chưa thực hiện", "done",
     "not_done", None, None, "Phần I, mục II.3"),
    ("Can Lộc", "Các máy tính được kết nối Internet , cài đặt phần mềm chống mã độc",
     "Đã thực hiện", "done", "done", None, None, "Phần I, mục II.6"),
    ("Can Lộc", "Trang thông tin điện tử xã đã được sở tỉnh cấp mới", "Đã thực hiện", "done",
     "done", None, None, "Phần I, mục II.7"),
    ("Can Lộc", "Tổ chuyển đổi số cộng đồng", "39", "number", "=", 39.0, "tổ",
     "Phần I, mục II.8"),
    ("Phùng Minh", "Điểm bưu điện văn hóa xã", "01", "number", "=", 1.0, "điểm",
     "Phần I, mục I.3.1"),
    ("Phùng Minh", "Băng dôn tuyên truyền", "01", "number", "=", 1.0, "cái", "Phần I, mục II.1.1"),
    ("Phùng Minh", "Chia sẻ bài toán, sáng kiến", "Chưa có", "done", "not_done", None, None,
     "Phần I, mục II.1.2"),
    ("Phùng Minh", "Tổ chức hội nghị UBND xã mở rộng", "03", "number", "=", 3.0, "hội nghị",
     "Phần I, mục I.2"),
    ("Phùng Minh", "Hạ tầng và trang thiết bị công gnheej thông tin", "Đã thực hiện", "done",
     "done", None, None, "Phần I, mục I.3.1"),
    ("Phùng Minh", "Xã có hệ thống hội nghị truyền hình", "Có", "done", "done", None, None,
     "Phần I, mục I.3.1"),
    ("Phùng Minh", "Có điểm phát wifi công cộng", "Có", "done", "done", None, None,
     "Phần I, mục I.3.1"),
    ("Phùng Minh", "Hệ thống đài truyền thanh thông minh không dây", "Có", "done", "done", None,
     None, "Phần I, mục I.3.1"),
    ("Phùng Minh", "Các hệ thống thông tin, cơ sở dữ liệu dùng chung", "Đã thực hiện", "done",
     "done", None, None, "Phần I, mục I.3.1"),
    ("Phùng Minh", "Hồ sơ thủ tục hành chính đủ điều kiện giải quyết trực tuyến mức độ 4",
     "Đã thực hiện", "done", "done", None, None, "Phần I, mục I.3.1"),
    ("Phùng Minh", "Ban hành Nghị quyết của cấp ủy và kế hoạch", "Đã thực hiện", "done", "done",
     None, None, "Phần I, mục I.1"),
    ("Phùng Minh", "Hoạt động của Ban Chỉ đạo chuyển đổi số", "Đã thực hiện", "done", "done",
     None, None, "Phần I, mục II.2.2"),
    ("Phùng Minh", "Ủy ban nhân dân xã phân công công chức Văn phòng", "Đã thực hiện", "done",
     "done", None, None, "Phần I, mục II.6"),
]


@pytest.mark.parametrize("commune,start,text,kind,op,value,unit,section", NEW_FACTS,
                         ids=[f"{f[0]}:{f[1][:30]}" for f in NEW_FACTS])
def test_reported_facts_are_loaded_with_their_values(seed_con, commune, start, text, kind, op,
                                                     value, unit, section):
    rows = q(seed_con, "SELECT value_text, value_kind, op, value, unit, source_ref, "
                       "indicator_code, pillar FROM actuals WHERE commune = ? "
                       "AND starts_with(label, ?)", commune, start)
    assert len(rows) == 1, rows
    got = rows[0]
    assert got[:5] == (text, kind, op, value, unit)
    assert got[5].startswith(section), got[5]
    assert got[7] is not None


def test_inferred_2025_targets_are_flagged(seed_con):
    """Can Lộc has no 2025 target table: the six levels come from results marked "(đạt)"."""
    rows = q(seed_con, "SELECT t.indicator_code, t.target_text, t.source_sheet, p.status "
                       "FROM targets t JOIN progress p USING (commune, indicator_code, "
                       "target_year) WHERE t.commune = 'Can Lộc' AND t.target_year = 2025 "
                       "ORDER BY t.source_row")
    assert len(rows) == 6
    assert {r[2] for r in rows} == {"Mục tiêu 2025 (suy ra)"}
    assert [r[3] for r in rows] == ["achieved"] * 6
    flags = q(seed_con, "SELECT flags FROM targets WHERE commune = 'Can Lộc' "
                        "AND target_year = 2025")
    assert [f[0] for f in flags] == ["inferred"] * 6
    # Nothing else is inferred; results are never flagged inferred.
    assert q(seed_con, "SELECT count(*) FROM targets WHERE flags LIKE '%inferred%'") == [(6,)]
    assert q(seed_con, "SELECT count(*) FROM actuals WHERE flags LIKE '%inferred%'") == [(0,)]


def test_budget_lines_with_an_unclear_funding_column_are_flagged(seed_con):
    rows = q(seed_con, "SELECT line_no, funding_source, flags FROM budget_lines "
                       "WHERE commune = 'Can Lộc' ORDER BY source_row")
    flagged = [r[0] for r in rows if "funding_source_unclear" in r[2]]
    assert flagged == ["2", "7"]


# Statuses that catalogue 2026.1 changed on the seeds, and why (data/catalog/README.md).
STATUS_CHANGES = [
    # an e-payment target no longer "achieved" by a 2023 bank-account result ("đạt thấp")
    ("Phùng Minh", "XH.TAI_KHOAN_TT_DIEN_TU", 2024, "no_data"),
    # "work online" target no longer met by "officials sign digitally"
    ("Phùng Minh", "CQ.CBCC_XU_LY_DIEN_TU", 2024, "no_data"),
    # "reach support programmes" no longer met by an awareness campaign
    ("Phùng Minh", "KT.DN_TIEP_CAN_CDS", 2024, "no_data"),
    # the 2025 result in the indicator's unit is now "39" teams (before, "39/39" was read as
    # 100 %, not in "tổ", so the view took the 2025 "Đạt chỉ tiêu" and carried it to the
    # qualitative 2026 target as achieved); a count against a sentence is not comparable
    ("Can Lộc", "XH.TO_CNS_CONG_DONG", 2026, "not_comparable"),
    # results now loaded are done facts of an earlier year: they say nothing of the target
    # year (progress rule earlier_assessment) ...
    ("Phùng Minh", "CQ.DVC_TOAN_TRINH", 2024, "no_data"),
    ("Phùng Minh", "CQ.DU_LIEU_NDXP", 2024, "no_data"),
    ("Can Lộc", "KT.DN_TIEP_CAN_CDS", 2026, "no_data"),
    # ... or a sentence against a percentage target
    ("Can Lộc", "KT.NGUOI_DUNG_THANH_TOAN_DT", 2026, "not_comparable"),
]


@pytest.mark.parametrize("commune,code,year,status", STATUS_CHANGES,
                         ids=[f"{c}:{k}" for c, k, _, _ in STATUS_CHANGES])
def test_statuses_after_the_splits(seed_con, commune, code, year, status):
    assert q(seed_con, "SELECT status FROM progress WHERE commune = ? AND indicator_code = ? "
                       "AND target_year = ?", commune, code, year) == [(status,)]
