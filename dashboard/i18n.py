"""Vietnamese (default) and English strings. ``t(key)`` uses the language of the session."""
from __future__ import annotations

import logging
import os

LANGS = ("vi", "en")
_log = logging.getLogger(__name__)

# Status words, symbols and colours live in dashboard/status.py (re-exported for callers).
from .status import ORDER as STATUS_ORDER, SYMBOL as STATUS_SYMBOL  # noqa: E402,F401
from . import status as _status  # noqa: E402

STRINGS: dict[str, dict[str, str]] = {
    # app & navigation
    "page_overview": {"vi": "Tổng quan", "en": "Overview"},
    "page_compare": {"vi": "So sánh xã", "en": "Compare communes"},
    "page_gaps": {"vi": "Khoảng cách", "en": "Gaps"},
    "page_budget": {"vi": "Kinh phí", "en": "Budget"},
    "page_commune": {"vi": "Hồ sơ xã", "en": "Commune profile"},
    "page_upload": {"vi": "Tải dữ liệu lên", "en": "Upload data"},
    "language": {"vi": "Ngôn ngữ", "en": "Language"},
    "briefing": {"vi": "Chế độ trình chiếu", "en": "Briefing mode"},
    "briefing_help": {"vi": "Ẩn thanh bên, phóng to chữ, một biểu đồ vừa khung 16:9 để chụp "
                              "màn hình. Thêm ?briefing=1 vào địa chỉ để mở thẳng chế độ này.",
                      "en": "Hides the sidebar, enlarges fonts and lays one chart out for a 16:9 "
                            "screenshot. Add ?briefing=1 to the address to open it directly."},
    "briefing_exit": {"vi": "Thoát chế độ trình chiếu", "en": "Leave briefing mode"},
    "briefing_chart": {"vi": "Biểu đồ trình chiếu", "en": "Briefing chart"},
    # filters
    "filters": {"vi": "Bộ lọc", "en": "Filters"},
    "province": {"vi": "Tỉnh/thành phố", "en": "Province"},
    "communes": {"vi": "Xã", "en": "Communes"},
    "commune": {"vi": "Xã", "en": "Commune"},
    "pillar": {"vi": "Nhóm DTI", "en": "DTI group"},
    "target_year": {"vi": "Năm mục tiêu", "en": "Target year"},
    "year_current": {"vi": "Kế hoạch hiện hành của mỗi xã", "en": "Each commune's current plan"},
    "year_current_help": {
        "vi": "Với mỗi xã: năm mục tiêu sớm nhất từ năm nay trở đi (nếu không có, năm gần nhất).",
        "en": "For each commune: its earliest target year from this year on (else its latest)."},
    "all": {"vi": "Tất cả", "en": "All"},
    "all_provinces": {"vi": "Tất cả các tỉnh", "en": "All provinces"},
    "all_communes": {"vi": "Tất cả các xã", "en": "All communes"},
    "all_pillars": {"vi": "Tất cả các nhóm", "en": "All groups"},
    "share_link": {"vi": "Bộ lọc nằm trong địa chỉ trang: sao chép địa chỉ để chia sẻ đúng góc "
                         "nhìn này.",
                   "en": "Filters live in the page address: copy it to share this exact view."},
    # database
    "db_missing_title": {"vi": "Chưa có cơ sở dữ liệu", "en": "No database yet"},
    "db_missing": {
        "vi": "Không tìm thấy tệp dữ liệu `{path}`. Hãy chạy `make run` (tự nạp các tệp mẫu "
              "rồi mở bảng điều khiển) hoặc nạp dữ liệu bằng lệnh:\n\n"
              "`python -m etl load data/seed/*.xlsx --db {path}`",
        "en": "Database file `{path}` not found. Run `make run` (loads the seed workbooks, then "
              "serves the dashboard) or load data with:\n\n"
              "`python -m etl load data/seed/*.xlsx --db {path}`"},
    "synthetic_banner": {
        "vi": "**Dữ liệu mô phỏng** — trang này có số liệu được tạo ra để thử nghiệm, không phải "
              "số liệu báo cáo thật.",
        "en": "**Simulated data** — this view includes generated test data, not real reports."},
    # statuses
    "no_target": {"vi": "Không có chỉ tiêu", "en": "No target"},
    "no_pillar": {"vi": "Chưa phân nhóm", "en": "Unassigned"},
    "no_lead_unit": {"vi": "Chưa ghi đơn vị chủ trì", "en": "No lead unit recorded"},
    "no_source": {"vi": "Chưa ghi nguồn vốn", "en": "No funding source recorded"},
    "no_status": {"vi": "Chưa ghi trạng thái", "en": "No status recorded"},
    # tiles
    "tile_communes": {"vi": "Số xã", "en": "Communes"},
    "tile_targets": {"vi": "Chỉ tiêu có mục tiêu", "en": "Targets"},
    "tile_targets_help": {"vi": "Số cặp (xã, chỉ tiêu) có mục tiêu trong năm đang xem.",
                          "en": "(commune, indicator) pairs with a target in the year shown."},
    "tile_reported": {"vi": "Có kết quả", "en": "With a result"},
    "tile_reported_help": {"vi": "Tỷ lệ chỉ tiêu đã có kết quả báo cáo (kỳ gần nhất, không muộn "
                                 "hơn năm mục tiêu).",
                           "en": "Share of targets with a reported result (latest period up to "
                                 "the target year)."},
    "tile_achieved": {"vi": "Tỷ lệ đạt", "en": "Share achieved"},
    "tile_achieved_help": {"vi": "Trong số chỉ tiêu đánh giá được (đạt, đúng tiến độ, chậm tiến "
                                 "độ, không đạt): số đã đạt / tổng.",
                           "en": "Among assessable targets (achieved, on track, off track, not "
                                 "achieved): achieved / all of them."},
    "tile_budget": {"vi": "Tổng kinh phí", "en": "Total budget"},
    "tile_budget_billion": {"vi": "Kinh phí (tỷ đồng)", "en": "Budget (bn VND)"},
    "unit_targets": {"vi": "Đơn vị: số chỉ tiêu", "en": "Unit: targets"},
    "unit_communes": {"vi": "Đơn vị: số xã", "en": "Unit: communes"},
    "tile_lines": {"vi": "Số dòng nhiệm vụ", "en": "Budget lines"},
    "of_n": {"vi": "{a} / {b} chỉ tiêu", "en": "{a} of {b} targets"},
    "lines_n": {"vi": "{n} dòng nhiệm vụ", "en": "{n} budget lines"},
    # headlines
    "headline_overview": {
        "vi": "{n} xã · {tgt} chỉ tiêu có mục tiêu · {r} chỉ tiêu đã có báo cáo kết quả · "
              "{a}/{ab} chỉ tiêu đánh giá được đã đạt.",
        "en": "{n} communes · {tgt} targets · {r} with a reported result · {a} of {ab} "
              "assessable targets achieved."},
    "headline_budget": {
        "vi": "Tổng kinh phí trong kế hoạch {total} ({billion}); {a}/{b} xã có dòng kinh phí.",
        "en": "Total planned budget {total} ({billion}); {a} of {b} communes have budget "
              "lines."},
    "headline_commune": {
        "vi": "{c}: {tgt} chỉ tiêu trong kế hoạch đang xem · {r} đã có kết quả ({a} đạt, {b} "
              "chậm tiến độ hoặc không đạt, {o} đúng tiến độ hoặc không so sánh được) · kinh "
              "phí {money}.",
        "en": "{c}: {tgt} targets in the plan shown · {r} with a result ({a} achieved, {b} "
              "off track or not achieved, {o} on track or not comparable) · budget {money}."},
    "no_targets_scope": {"vi": "Không có chỉ tiêu nào trong phạm vi đang xem. Hãy nới bộ lọc "
                               "(tỉnh, xã, nhóm DTI, năm).",
                         "en": "No target in the current scope. Widen the filters."},
    # overview
    "overview_intro": {
        "vi": "Mỗi xã được đối chiếu mục tiêu của kế hoạch với kết quả báo cáo gần nhất, tại ngày "
              "của dữ liệu (kỳ báo cáo mới nhất: {as_of}). Năm mục tiêu chưa kết thúc được đánh "
              "giá bằng dự báo. {legend}.",
        "en": "Each commune's plan targets are checked against its latest reported result, at "
              "the data's date (latest report period: {as_of}). Target years still open are "
              "judged by a forecast. {legend}."},
    "heatmap_title": {"vi": "Tình trạng thực hiện theo xã và nhóm DTI",
                      "en": "Status by commune and DTI group"},
    "heatmap_title_province": {"vi": "Tình trạng thực hiện theo tỉnh và nhóm DTI",
                               "en": "Status by province and DTI group"},
    "heatmap_unit": {"vi": "Màu: tỷ lệ đạt trong các chỉ tiêu đã có kết quả (xám: chưa có kết "
                           "quả; trắng: không có chỉ tiêu) · Số trong ô: ✓ đạt, ↗ đúng tiến "
                           "độ, ↘ chậm tiến độ, ✗ không đạt, ◇ không so sánh được, ○ chưa có "
                           "báo cáo",
                     "en": "Colour: share achieved among targets with a result (grey: no result "
                           "yet; white: no target) · In each cell: ✓ achieved, ↗ on track, ↘ off "
                           "track, ✗ not achieved, ◇ not comparable, ○ no report"},
    "heatmap_unit_province": {
        "vi": "Màu và số trong ô: tỷ lệ đạt trong các chỉ tiêu đã có kết quả (○ xám: chưa có kết "
              "quả; trắng: không có chỉ tiêu)",
        "en": "Colour and number: share achieved among targets with a result (○ grey: no result "
              "yet; white: no target)"},
    "rolled_up": {"vi": "{n} xã: gộp theo tỉnh để dễ đọc. Chọn một tỉnh để xem từng xã.",
                  "en": "{n} communes: rolled up by province. Pick a province to see communes."},
    "gaps_title": {"vi": "Các chỉ tiêu không đạt hoặc chậm tiến độ, xa mục tiêu nhất",
                   "en": "Targets not achieved or off track, furthest behind"},
    "no_gaps": {"vi": "Chưa có chỉ tiêu nào không đạt hoặc chậm tiến độ — phần lớn chỉ tiêu "
                      "chưa có báo cáo kết quả.",
                "en": "No target is not achieved or off track — most targets have no reported "
                      "result yet."},
    # compare
    "compare_mode": {"vi": "So sánh theo", "en": "Compare by"},
    "mode_indicator": {"vi": "Một chỉ tiêu", "en": "One indicator"},
    "mode_group": {"vi": "Cả nhóm DTI", "en": "DTI group"},
    "indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "n_communes_label": {"vi": "{n} xã có mục tiêu", "en": "communes with a target: {n}"},
    "compare_title": {"vi": "Mục tiêu và kết quả gần nhất của từng xã",
                      "en": "Each commune's target and latest result"},
    "group_title": {"vi": "Số xã theo tình trạng, từng chỉ tiêu của nhóm",
                    "en": "Communes by status, per indicator of the group"},
    "ambition_title": {"vi": "Mức tham vọng: mục tiêu {y0} và {y1}",
                       "en": "Ambition: {y0} and {y1} targets"},
    "ambition_heading": {"vi": "Mức tham vọng: mục tiêu năm đầu và năm cuối của kế hoạch",
                         "en": "Ambition: first and last target year of a plan"},
    "ambition_more": {"vi": "Hiển thị {k} trong {n} xã có kế hoạch nhiều năm; chọn xã ở bộ lọc "
                            "để xem xã khác.",
                      "en": "Showing {k} of {n} communes with multi-year plans; pick a commune "
                            "in the filters to see others."},
    "no_budget_short": {"vi": "chưa có dòng kinh phí", "en": "no budget line"},
    "ambition_none": {"vi": "Không có kế hoạch nào đặt mục tiêu cho hai năm (ví dụ 2026 và "
                            "2030) trong phạm vi đang xem.",
                      "en": "No plan in scope sets targets for two years (e.g. 2026 and 2030)."},
    "no_target_for_indicator": {"vi": "Chưa có xã nào đặt mục tiêu cho chỉ tiêu này trong "
                                      "phạm vi đang xem.",
                                "en": "No commune in scope has a target for this indicator."},
    # gaps page
    "gaps_ranked_title": {"vi": "Khoảng cách tới mục tiêu, xa nhất trước",
                          "en": "Distance to target, worst first"},
    "lead_title": {"vi": "Theo đơn vị chủ trì: số chỉ tiêu theo tình trạng",
                   "en": "By lead unit: targets by status"},
    "coverage": {"vi": "Khoảng trống dữ liệu và kế hoạch", "en": "Coverage gaps"},
    "coverage_summary": {"vi": "Tóm tắt theo xã", "en": "Summary per commune"},
    "coverage_missing": {"vi": "Chỉ tiêu chuẩn xã khác có nhưng xã này chưa đặt mục tiêu",
                         "en": "Canonical indicators other communes target but this one does not"},
    "coverage_no_result": {"vi": "Chỉ tiêu chưa có báo cáo kết quả",
                           "en": "Targets with no reported result"},
    "coverage_budget": {"vi": "Nhóm DTI có chỉ tiêu nhưng chưa có dòng kinh phí",
                        "en": "DTI groups with targets but no budget line"},
    "no_result_report": {"vi": "Chưa có báo cáo kết quả", "en": "No result reported yet"},
    "nothing_missing": {"vi": "Không có khoảng trống nào trong phạm vi đang xem.",
                        "en": "No gaps in the current scope."},
    # budget page
    "budget_by_commune": {"vi": "Kinh phí theo xã", "en": "Budget by commune"},
    "budget_by_province": {"vi": "Kinh phí theo tỉnh", "en": "Budget by province"},
    "budget_by_source": {"vi": "Kinh phí theo nguồn vốn", "en": "Budget by funding source"},
    "budget_by_pillar": {"vi": "Kinh phí theo nhóm DTI", "en": "Budget by DTI group"},
    "budget_by_status": {"vi": "Kinh phí theo trạng thái", "en": "Budget by status"},
    "budget_lines": {"vi": "Danh mục nhiệm vụ có kinh phí", "en": "Budget lines"},
    "budget_none": {"vi": "Chưa có dòng kinh phí nào trong phạm vi đang xem. Trong dữ liệu hiện "
                          "có, chỉ kế hoạch của Can Lộc có phụ lục kinh phí.",
                    "en": "No budget line in the current scope."},
    "money_unit": {"vi": "triệu đồng", "en": "million VND"},
    # profile
    "pick_commune": {"vi": "Chọn xã", "en": "Pick a commune"},
    "plans": {"vi": "Văn bản kế hoạch, báo cáo đã nạp", "en": "Plans and reports loaded"},
    "targets_all": {"vi": "Tất cả chỉ tiêu và tình trạng", "en": "Every target and its status"},
    "results": {"vi": "Kết quả đã báo cáo", "en": "Reported results"},
    "trajectory_title": {"vi": "Lộ trình mục tiêu theo năm", "en": "Target path by year"},
    "profile_status_title": {"vi": "Tình trạng chỉ tiêu theo nhóm DTI",
                             "en": "Targets by status and DTI group"},
    "no_results_commune": {"vi": "Xã này chưa có báo cáo kết quả nào.",
                           "en": "This commune has no reported results."},
    "no_budget_commune": {"vi": "Xã này chưa có dòng kinh phí.",
                          "en": "This commune has no budget lines."},
    "no_trajectory": {"vi": "Kế hoạch của xã chỉ có một năm mục tiêu: chưa có lộ trình nhiều năm.",
                      "en": "This commune's plan has a single target year: no multi-year path."},
    # charts & tables
    "source": {"vi": "Nguồn", "en": "Source"},
    "data_date": {"vi": "Dữ liệu cập nhật {d}", "en": "Data as of {d}"},
    "unit_pct": {"vi": "Đơn vị: %", "en": "Unit: %"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "target": {"vi": "Mục tiêu", "en": "Target"},
    "result": {"vi": "Kết quả", "en": "Result"},
    "target_range": {"vi": "Mục tiêu: khoảng", "en": "Target: range"},
    "target_threshold": {"vi": "Mục tiêu: tối thiểu", "en": "Target: minimum"},
    "target_range_short": {"vi": "mục tiêu khoảng", "en": "target range"},
    "target_threshold_short": {"vi": "mục tiêu tối thiểu", "en": "target minimum"},
    "target_point_short": {"vi": "mục tiêu mức", "en": "target level"},
    "target_ceiling_short": {"vi": "mục tiêu tối đa", "en": "target maximum"},
    "target_ceiling": {"vi": "Mục tiêu: tối đa", "en": "Target: maximum"},
    "target_point": {"vi": "Mục tiêu: mức", "en": "Target: level"},
    "rank_note": {"vi": "Thứ hạng: số nhỏ là tốt, trục đảo chiều", "en": "Rank: lower is better, "
                                                                          "reversed axis"},
    "download_csv": {"vi": "Tải dữ liệu .csv", "en": "Download .csv"},
    "download_xlsx": {"vi": "Tải dữ liệu .xlsx", "en": "Download .xlsx"},
    "png_hint": {"vi": "Ảnh PNG độ phân giải cao: nút máy ảnh trên biểu đồ.",
                 "en": "High-resolution PNG: camera button on the chart."},
    "page_n": {"vi": "Trang", "en": "Page"},
    "rows_of": {"vi": "Dòng {a}–{b} / {n}", "en": "Rows {a}–{b} of {n}"},
    "gap": {"vi": "Khoảng cách", "en": "Gap"},
    "pp": {"vi": "điểm %", "en": "pp"},
    "col_commune": {"vi": "Xã", "en": "Commune"},
    "col_province": {"vi": "Tỉnh", "en": "Province"},
    "col_indicator": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "col_code": {"vi": "Mã", "en": "Code"},
    "col_pillar": {"vi": "Nhóm DTI", "en": "DTI group"},
    "col_year": {"vi": "Năm", "en": "Year"},
    "col_target": {"vi": "Mục tiêu", "en": "Target"},
    "col_result": {"vi": "Kết quả", "en": "Result"},
    "col_period": {"vi": "Kỳ báo cáo", "en": "Period"},
    "col_status": {"vi": "Tình trạng", "en": "Status"},
    "col_gap": {"vi": "Khoảng cách", "en": "Gap"},
    "col_lead": {"vi": "Đơn vị chủ trì", "en": "Lead unit"},
    "col_task": {"vi": "Nhiệm vụ", "en": "Task"},
    "col_amount": {"vi": "Kinh phí (triệu đồng)", "en": "Amount (million VND)"},
    "col_amount_text": {"vi": "Kinh phí (nguyên văn)", "en": "Amount (as written)"},
    "col_funding": {"vi": "Nguồn vốn", "en": "Funding source"},
    "tile_funding_sources": {"vi": "Nguồn vốn", "en": "Funding sources"},  # a count
    "col_budget_status": {"vi": "Trạng thái", "en": "Status"},
    "col_note": {"vi": "Ghi chú", "en": "Note"},
    "col_file": {"vi": "Tệp nguồn", "en": "Source file"},
    "col_sheet": {"vi": "Trang tính", "en": "Sheet"},
    "col_row": {"vi": "Dòng", "en": "Row"},
    "col_col": {"vi": "Cột", "en": "Column"},
    "col_result_file": {"vi": "Tệp kết quả", "en": "Result file"},
    "col_result_sheet": {"vi": "Trang tính kết quả", "en": "Result sheet"},
    "col_result_row": {"vi": "Dòng kết quả", "en": "Result row"},
    "key_not_comparable": {"vi": "Không so sánh được (có kết quả, khác dạng với mục tiêu)",
                           "en": "Not comparable (a result, in another form than the target)"},
    "ambition_mixed": {"vi": "{n} dòng có mục tiêu hai năm khác đơn vị (ví dụ người → %): "
                             "chỉ ghi ở bên phải, không vẽ trên trục %.",
                       "en": "{n} rows whose two targets have different units (e.g. people → "
                             "%): written on the right only, not drawn on the % axis."},
    "col_target_raw": {"vi": "Mục tiêu (nguyên văn)", "en": "Target as written"},
    "col_result_raw": {"vi": "Kết quả (nguyên văn)", "en": "Result as written"},
    "col_n_targets": {"vi": "Số chỉ tiêu", "en": "Targets"},
    "col_n_no_result": {"vi": "Chưa có kết quả", "en": "No result"},
    "col_n_missing": {"vi": "Chỉ tiêu chuẩn còn thiếu", "en": "Canonical indicators missing"},
    "col_n_groups_no_budget": {"vi": "Nhóm DTI chưa có kinh phí", "en": "Groups with no budget"},
    "col_n_budget_lines": {"vi": "Dòng kinh phí", "en": "Budget lines"},
    "col_n_planning": {"vi": "Số xã khác có mục tiêu", "en": "Communes targeting it"},
    "col_loaded_at": {"vi": "Thời điểm nạp", "en": "Loaded at"},
    "col_target_years": {"vi": "Năm mục tiêu", "en": "Target years"},
    "col_periods": {"vi": "Kỳ kết quả", "en": "Result periods"},
    "col_n_actuals": {"vi": "Số kết quả", "en": "Results"},
    "col_n_budget": {"vi": "Dòng kinh phí", "en": "Budget lines"},
    "col_warnings": {"vi": "Cảnh báo", "en": "Warnings"},
    "col_assessment": {"vi": "Đánh giá trong văn bản", "en": "Assessment in the document"},
    "col_flags": {"vi": "Lưu ý", "en": "Flags"},
    "col_lines": {"vi": "Số dòng", "en": "Lines"},
    "col_total": {"vi": "Tổng (triệu đồng)", "en": "Total (million VND)"},
    "col_synthetic": {"vi": "Mô phỏng", "en": "Simulated"},
    "col_conflict": {"vi": "Kết quả mâu thuẫn", "en": "Conflicting results"},
    "trace_note": {"vi": "Mỗi dòng ghi tệp, trang tính và số dòng nguồn để đối chiếu.",
                   "en": "Each row names its source file, sheet and row."},
    # catalogue page (pages/catalog.py)
    "page_catalog": {"vi": "Danh mục chỉ tiêu", "en": "Indicator catalogue"},
    "cat_version": {"vi": "Danh mục phiên bản {version}, hiệu lực từ {date}. Mỗi mã là một khái "
                          "niệm; các cách viết của văn bản xã được gắn về mã đó. Khi phạm vi khác "
                          "nhau (độ tuổi, mức độ, đối tượng), phạm vi được ghi ở từng dòng.",
                    "en": "Catalogue version {version}, effective {date}. Each code is one "
                          "concept; each commune document's wording is mapped to it. Where the "
                          "scope differs (age base, level, who is counted) it is on each row."},
    "cat_no_version": {"vi": "Cơ sở dữ liệu chưa ghi phiên bản danh mục (nạp lại dữ liệu).",
                       "en": "The database records no catalogue version (reload the data)."},
    "cat_search": {"vi": "Tìm theo mã, tên hoặc cách viết", "en": "Search code, name or wording"},
    "cat_indicators": {"vi": "Các chỉ tiêu", "en": "Indicators"},
    "cat_pick": {"vi": "Chỉ tiêu", "en": "Indicator"},
    "cat_numerator": {"vi": "Tử số (đếm cái gì)", "en": "Numerator (what is counted)"},
    "cat_denominator": {"vi": "Mẫu số (trên tổng nào)", "en": "Denominator (over what)"},
    "cat_scope": {"vi": "Phạm vi chuẩn", "en": "Canonical scope"},
    "cat_source": {"vi": "Nguồn của cách diễn đạt", "en": "Source of the wording"},
    "cat_note": {"vi": "Ghi chú", "en": "Note"},
    "cat_aliases": {"vi": "Các cách viết và dòng nguồn", "en": "Wordings and their source rows"},
    "cat_aliases_help": {
        "vi": "Mỗi cách viết của danh mục (aliases.csv) cạnh các dòng đã nạp khớp với nó. Cách "
              "viết để trống = dòng khớp theo cách khác (gần đúng, phân tích viên chọn, tên chuẩn).",
        "en": "Each wording of the catalogue (aliases.csv) next to the loaded rows it matched. An "
              "empty wording = a row matched another way (fuzzy, an analyst's choice, the "
              "canonical name)."},
    "cat_no_rows": {"vi": "Chưa có cách viết hay dòng nào cho chỉ tiêu này.",
                    "en": "No wording or row for this indicator yet."},
    "cat_review_all": {"vi": "Bảng rà soát toàn bộ danh mục (cho chuyên gia)",
                       "en": "Whole-catalogue review table (for a domain expert)"},
    "cat_review_all_help": {"vi": "Mọi cách viết của mọi chỉ tiêu cạnh các dòng nguồn, để tải về "
                                  "và rà soát.",
                            "en": "Every wording of every indicator next to its source rows, to "
                                  "download and review."},
    "cat_review_prepare": {"vi": "Lập bảng rà soát", "en": "Build the review table"},
    "cat_none": {"vi": "Không có chỉ tiêu nào khớp.", "en": "No indicator matches."},
    "cat_col_code": {"vi": "Mã", "en": "Code"},
    "cat_col_name": {"vi": "Tên chỉ tiêu", "en": "Indicator"},
    "cat_col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "cat_col_n_aliases": {"vi": "Số cách viết", "en": "Wordings"},
    "cat_col_n_scopes": {"vi": "Số phạm vi khác nhau", "en": "Distinct scopes"},
    "cat_col_n_rows": {"vi": "Số dòng (mục tiêu / kết quả)", "en": "Rows (targets / results)"},
    "cat_col_n_communes": {"vi": "Số xã", "en": "Communes"},
    "cat_col_alias": {"vi": "Cách viết (danh mục)", "en": "Wording (catalogue)"},
    "cat_col_alias_commune": {"vi": "Xã của cách viết", "en": "Wording's commune"},
    "cat_col_source_ref": {"vi": "Vị trí trong văn bản", "en": "Place in the document"},
    "cat_col_alias_scope": {"vi": "Phạm vi của cách viết", "en": "Wording's scope"},
    "cat_col_kind": {"vi": "Loại", "en": "Kind"},
    "cat_kind_target": {"vi": "Mục tiêu", "en": "Target"},
    "cat_kind_actual": {"vi": "Kết quả", "en": "Result"},
    "cat_col_period": {"vi": "Năm/kỳ", "en": "Year/period"},
    "cat_col_label": {"vi": "Nhãn gốc trong tệp", "en": "Raw label in the file"},
    "cat_col_value": {"vi": "Giá trị gốc", "en": "Raw value"},
    "cat_col_flags": {"vi": "Cờ", "en": "Flags"},
    "cat_col_method": {"vi": "Cách khớp", "en": "Match"},
    "cat_col_file": {"vi": "Tệp", "en": "File"},
    "cat_col_sheet": {"vi": "Trang tính", "en": "Sheet"},
    "cat_col_row": {"vi": "Dòng", "en": "Row"},
    # row flags (etl/pipeline.py ROW_FLAGS and the parser's flags), shown next to values
    "flag_inferred": {"vi": "suy ra (không phải số của văn bản)",
                      "en": "inferred (not a figure of the document)"},
    "flag_funding_source_unclear": {"vi": "không rõ cột nguồn kinh phí",
                                    "en": "funding column unclear"},
    "flag_conflict": {"vi": "mâu thuẫn", "en": "conflict"},
    "flag_fraction_mismatch": {"vi": "phân số khác tỷ lệ ghi", "en": "fraction ≠ stated %"},
    # "why this status?"
    "value_inferred": {"vi": "(suy ra, không phải số liệu của văn bản)",
                       "en": "(inferred, not a figure of the document)"},
    "why_title": {"vi": "Vì sao có tình trạng này?", "en": "Why this status?"},
    "why_pick": {"vi": "Chọn một dòng trong bảng (ô bên trái) để xem giải thích.",
                 "en": "Select a row in the table (left box) to see the explanation."},
    "why_target_cell": {"vi": "Ô mục tiêu", "en": "Target cell"},
    "why_result_cell": {"vi": "Ô kết quả", "en": "Result cell"},
    "why_cell": {"vi": "{file}, trang tính “{sheet}”, dòng {row}{col}: “{text}”",
                 "en": "{file}, sheet “{sheet}”, row {row}{col}: “{text}”"},
    "why_no_result": {"vi": "chưa có kết quả nào đến hết năm {y}",
                      "en": "no result up to the end of {y}"},
    "why_periods": {"vi": "Năm mục tiêu {y} ({open}); kết quả của kỳ {p}; ngày của dữ liệu: kỳ "
                          "{asof}.",
                    "en": "Target year {y} ({open}); result for period {p}; the data's date: "
                          "period {asof}."},
    "why_open": {"vi": "chưa kết thúc", "en": "still open"},
    "why_closed": {"vi": "đã kết thúc", "en": "over"},
    "why_reading": {"vi": "Cách hiểu mục tiêu: {shape}, {direction}{thr}.",
                    "en": "How the target reads: {shape}, {direction}{thr}."},
    "why_threshold": {"vi": "; ngưỡng quyết định {v}{strict}", "en": "; deciding bound {v}{strict}"},
    "why_strict": {"vi": " (phải vượt hẳn)", "en": " (must be passed strictly)"},
    "why_rule": {"vi": "Quy tắc áp dụng", "en": "Rule applied"},
    "why_gap": {"vi": "Khoảng cách", "en": "Gap"},
    "why_forecast": {"vi": "Dự báo", "en": "Forecast"},
    "why_forecast_line": {
        "vi": "{method}; {n} điểm số liệu ({first} → {last}){peers}; giá trị dự báo cuối năm {y}: "
              "{value}; khả năng đạt: {p}.",
        "en": "{method}; {n} data points ({first} → {last}){peers}; projected value at the end "
              "of {y}: {value}; likelihood of reaching the target: {p}."},
    "why_peers": {"vi": "; so với {n} xã khác cùng chỉ tiêu ({scope}), tốc độ trung bình {pace}/năm",
                  "en": "; compared with {n} other communes on the same indicator ({scope}), "
                        "mean pace {pace}/year"},
    "why_paces": {"vi": "Tốc độ cần để đạt: {req}/năm trong {h} năm còn lại; tốc độ của xã: "
                        "{own}/năm.",
                  "en": "Pace needed: {req}/year over the {h} years left; the commune's own "
                        "pace: {own}/year."},
    "why_milestone": {"vi": "Mốc hoàn thành: hạn {due}; chưa quá hạn tại ngày của dữ liệu.",
                      "en": "Milestone due {due}; not overdue at the data's date."},
    "scope_province": {"vi": "cùng tỉnh", "en": "same province"},
    "scope_country": {"vi": "cả nước", "en": "whole country"},
    "col_forecast": {"vi": "Khả năng đạt (dự báo)", "en": "Likelihood (forecast)"},
    "col_result_period": {"vi": "Kỳ kết quả", "en": "Result period"},
    "col_target_year": {"vi": "Năm mục tiêu", "en": "Target year"},
    "col_shape": {"vi": "Dạng mục tiêu", "en": "Target shape"},
    "col_threshold": {"vi": "Ngưỡng quyết định", "en": "Deciding bound"},
    "col_gap_kind": {"vi": "Loại khoảng cách", "en": "Gap kind"},
    "col_rule": {"vi": "Quy tắc", "en": "Rule"},
    "col_forecast_value": {"vi": "Giá trị dự báo", "en": "Projected value"},
    "col_forecast_method": {"vi": "Phương pháp dự báo", "en": "Forecast method"},
    "col_as_of": {"vi": "Ngày của dữ liệu (kỳ)", "en": "Data's date (period)"},
    "col_result_year": {"vi": "Năm kết quả", "en": "Result year"},
}

# the shape of a target, its direction, the rule and the forecast method, as the panel says
WHY_WORDS: dict[str, dict[str, str]] = {
    "shape_floor": {"vi": "mức tối thiểu", "en": "a minimum"},
    "shape_ceiling": {"vi": "mức tối đa (không vượt quá)", "en": "a maximum (not to exceed)"},
    "shape_band": {"vi": "một khoảng", "en": "a range"},
    "shape_level": {"vi": "một mức", "en": "a level"},
    "shape_rank": {"vi": "thứ hạng", "en": "a rank"},
    "shape_done": {"vi": "việc cần hoàn thành", "en": "something to complete"},
    "shape_deadline": {"vi": "mốc có hạn hoàn thành", "en": "a milestone with a due date"},
    "shape_decrease": {"vi": "mức giảm so với năm gốc", "en": "a decrease from a baseline"},
    "shape_text": {"vi": "mục tiêu định tính", "en": "a qualitative target"},
    "dir_higher": {"vi": "càng cao càng tốt", "en": "higher is better"},
    "dir_lower": {"vi": "càng thấp càng tốt", "en": "lower is better"},
    "dir_done": {"vi": "đạt hoặc chưa đạt", "en": "met or not met"},
    "rule_no_result": {"vi": "Chưa có kết quả nào cho chỉ tiêu này đến hết năm mục tiêu.",
                       "en": "No result for this indicator up to the end of the target year."},
    "rule_needs_baseline": {"vi": "Mục tiêu giảm cần số liệu năm gốc, chưa có.",
                            "en": "A decrease target needs a baseline figure, which is missing."},
    "rule_unit_mismatch": {"vi": "Mục tiêu và kết quả khác đơn vị ({u1} / {u2}).",
                           "en": "The target and the result are in different units ({u1} / {u2})."},
    "rule_met": {"vi": "Kết quả trong năm mục tiêu đạt ngưỡng.",
                 "en": "The result in the target year meets the bound."},
    "rule_met_earlier": {"vi": "Kết quả của kỳ trước năm mục tiêu đã đạt ngưỡng.",
                         "en": "A result from before the target year already meets the bound."},
    "rule_unmet_closed": {"vi": "Năm mục tiêu đã qua; kết quả gần nhất chưa đạt ngưỡng.",
                          "en": "The target year is over; the latest result falls short."},
    "rule_bound_undecidable": {
        "vi": "Kết quả chỉ là một ngưỡng (ví dụ “Trên 60%”), không đủ để biết đã đạt hay chưa.",
        "en": "The result is itself a bound (e.g. “above 60%”) that cannot decide."},
    "rule_earlier_assessment": {
        "vi": "Đánh giá “đạt/hoàn thành” là của năm {p}, cho kế hoạch năm đó; chưa có đánh giá "
              "cho năm {y}.",
        "en": "The “achieved/done” assessment is for {p}, against that year's plan; there is "
              "none for {y} yet."},
    "rule_assessed_achieved": {"vi": "Văn bản đánh giá là đạt/hoàn thành trong năm mục tiêu.",
                               "en": "The document assesses it as achieved/done in the target "
                                     "year."},
    "rule_assessed_not_achieved": {"vi": "Năm mục tiêu đã qua; văn bản ghi chưa đạt/chưa thực hiện.",
                                   "en": "The target year is over; the document says not "
                                         "achieved/not done."},
    "rule_assessed_not_yet": {"vi": "Năm mục tiêu chưa kết thúc; văn bản ghi chưa đạt/chưa thực hiện.",
                              "en": "The target year is still open; the document says not "
                                    "achieved/not done yet."},
    "rule_done_vs_number": {"vi": "Kết quả “hoàn thành” không so được với mục tiêu bằng số.",
                            "en": "A “done” result cannot be compared with a numeric target."},
    "rule_text_result": {"vi": "Kết quả là văn bản mô tả, không so được với mục tiêu.",
                         "en": "The result is descriptive text and cannot be compared."},
    "rule_done": {"vi": "Kết quả ghi đã hoàn thành.", "en": "The result says done."},
    "rule_done_100": {"vi": "Kết quả đạt 100%.", "en": "The result reaches 100%."},
    "rule_overdue": {"vi": "Đã quá hạn (hết năm mục tiêu) mà chưa hoàn thành.",
                     "en": "Overdue (the target year is over) and not done."},
    "rule_milestone_not_due": {"vi": "Chưa hoàn thành nhưng chưa đến hạn.",
                               "en": "Not done yet, but not due yet."},
    "rule_qualitative_vs_number": {"vi": "Mục tiêu định tính, kết quả là một con số.",
                                   "en": "A qualitative target with a numeric result."},
    "rule_forecast": {"vi": "Năm mục tiêu chưa kết thúc và kết quả hiện tại chưa đạt: dự báo "
                            "quyết định (khả năng ≥ 50% là đúng tiến độ).",
                      "en": "The target year is still open and the current result falls short: "
                            "the forecast decides (likelihood ≥ 50% is on track)."},
    "rule_unmet_no_forecast": {"vi": "Năm mục tiêu chưa kết thúc, kết quả hiện tại chưa đạt và "
                                     "không đủ số liệu để dự báo (một điểm, không có xã so sánh).",
                               "en": "The target year is still open, the current result falls "
                                     "short and there is too little data for a forecast (one "
                                     "point, no peers)."},
    "method_trend_shrunk": {"vi": "Xu hướng của xã (bình phương tối thiểu có trọng số thời gian) "
                                  "kéo về xu hướng của các xã khác",
                            "en": "The commune's own trend (time-weighted least squares) shrunk "
                                  "toward its peers' trend"},
    "method_trend": {"vi": "Xu hướng của xã (bình phương tối thiểu có trọng số thời gian)",
                     "en": "The commune's own trend (time-weighted least squares)"},
    "method_one_point_peers": {"vi": "Một điểm số liệu: tốc độ cần so với tốc độ các xã khác",
                               "en": "One data point: the pace needed against other communes' "
                                     "pace"},
    "method_one_point_no_peers": {"vi": "Một điểm số liệu, không có xã so sánh: không dự báo",
                                  "en": "One data point and no peers: no forecast"},
    "method_milestone": {"vi": "Mốc hoàn thành theo hạn", "en": "Milestone by due date"},
    "method_latest_rank": {"vi": "Thứ hạng: so với thứ hạng gần nhất (thứ hạng là tương đối, "
                                 "không ngoại suy)",
                           "en": "Rank: compared with the latest rank (ranks are relative, not "
                                 "extrapolated)"},
    "gap_exact": {"vi": "{g}", "en": "{g}"},
    "gap_at_most": {"vi": "tối đa {g} (kết quả là một ngưỡng)", "en": "at most {g} (the result "
                                                                      "is a bound)"},
    "gap_at_least": {"vi": "ít nhất {g} (kết quả là một ngưỡng)", "en": "at least {g} (the "
                                                                        "result is a bound)"},
    "gap_none": {"vi": "không tính được", "en": "cannot be computed"},
}


# The panel's words are keys of STRINGS too (prefix "why."), read through t() like every string.
STRINGS.update({f"why.{k}": v for k, v in WHY_WORDS.items()})


def w(key: str, lang: str, **kw) -> str:
    """A word of the "why this status" panel (WHY_WORDS): ``t("why." + key)``."""
    return t(f"why.{key}", lang, **kw)


# --- coverage page (issue 12): who has sent a plan / results, from the register -------------
STRINGS.update({
    "page_coverage": {"vi": "Xã đã báo cáo", "en": "Reporting coverage"},
    "cov_intro": {
        "vi": "Danh sách lấy từ danh mục đơn vị hành chính cấp xã (không chỉ các xã đã nạp "
              "tệp): xã chưa gửi gì cũng hiện ra. Năm: năm mục tiêu ở bộ lọc, mặc định năm nay.",
        "en": "Listed from the register of commune-level units (not only the communes that "
              "uploaded), so a silent commune shows. Year: the target-year filter, this year by "
              "default."},
    "cov_headline": {
        "vi": "{scope}, năm {y}: {p}/{n} xã đã có kế hoạch, {r}/{n} xã đã có kết quả; "
              "{s} xã chưa gửi gì.",
        "en": "{scope}, {y}: {p}/{n} units have a plan, {r}/{n} have results; {s} sent "
              "nothing."},
    "cov_country": {"vi": "Cả nước", "en": "Whole country"},
    "cov_caption": {"vi": "Kết quả năm {y} từ {r}/{n} xã; kế hoạch từ {p}/{n} xã",
                    "en": "{y} results from {r}/{n} units; plans from {p}/{n} units"},
    "cov_continued": {"vi": "tiếp", "en": "continued"},
    "cov_of_n": {"vi": "{a} / {b} xã", "en": "{a} of {b} units"},
    "cov_tile_units": {"vi": "Xã trong danh mục", "en": "Units in the register"},
    "cov_tile_plan": {"vi": "Có kế hoạch {y}", "en": "With a {y} plan"},
    "cov_tile_results": {"vi": "Có kết quả {y}", "en": "With {y} results"},
    "cov_tile_silent": {"vi": "Chưa gửi gì cho năm {y}", "en": "Nothing sent for {y}"},
    "cov_tile_plan_help": {"vi": "Xã có ít nhất một chỉ tiêu cho năm {y} trong tệp đã nạp.",
                           "en": "Units with at least one target for {y} in a loaded file."},
    "cov_tile_results_help": {"vi": "Xã có ít nhất một kết quả của một kỳ trong năm {y}.",
                              "en": "Units with at least one result for a period in {y}."},
    "cov_show": {"vi": "Xem danh sách", "en": "Show"},
    "cov_which_no_plan": {"vi": "Chưa có kế hoạch {y}", "en": "No {y} plan"},
    "cov_which_no_results": {"vi": "Chưa có kết quả {y}", "en": "No {y} results"},
    "cov_which_silent": {"vi": "Chưa gửi gì", "en": "Sent nothing"},
    "cov_which_all": {"vi": "Tất cả các xã", "en": "All units"},
    "cov_list_title": {"vi": "{what}: {n} xã", "en": "{what}: {n} units"},
    "cov_none_listed": {"vi": "Không có xã nào trong danh sách này.",
                        "en": "No unit in this list."},
    "cov_by_province": {"vi": "Theo tỉnh/thành phố (tỷ lệ trên số xã trong danh mục)",
                        "en": "By province (share of the units in the register)"},
    "cov_chart_plan": {"vi": "Tỷ lệ xã đã có kế hoạch năm {y}, theo tỉnh",
                       "en": "Share of units with a {y} plan, by province"},
    "cov_chart_results": {"vi": "Tỷ lệ xã đã có kết quả năm {y}, theo tỉnh",
                          "en": "Share of units with {y} results, by province"},
    "cov_chart_unit": {"vi": "% số xã trong danh mục (số xã ghi trên thanh)",
                       "en": "% of the register's units (counts on the bars)"},
    "cov_legend_n_plan": {"vi": "Có kế hoạch", "en": "With a plan"},
    "cov_legend_n_no_plan": {"vi": "Chưa có", "en": "None yet"},
    "cov_legend_n_results": {"vi": "Có kết quả", "en": "With results"},
    "cov_legend_n_no_results": {"vi": "Chưa có", "en": "None yet"},
    "cov_targets_word": {"vi": "chỉ tiêu", "en": "targets"},
    "cov_none": {"vi": "chưa có", "en": "not yet"},
    "cov_no_units": {"vi": "Danh mục không có đơn vị nào trong phạm vi này.",
                     "en": "The register has no unit in this scope."},
    "cov_col_type": {"vi": "Loại", "en": "Type"},
    # r1: the normalised funding sources in the UI language (dashboard.fmt.funding_name)
    "fund_central": {"vi": "Ngân sách trung ương", "en": "Central budget"},
    "fund_province": {"vi": "Ngân sách tỉnh", "en": "Provincial budget"},
    "fund_commune": {"vi": "Ngân sách xã", "en": "Commune budget"},
    "fund_private": {"vi": "Xã hội hóa", "en": "Private and community funding"},
    "fund_own": {"vi": "Nguồn hợp pháp của đơn vị", "en": "The unit's own lawful sources"},
    # r1: a budget line's status as plans write it, in the UI language (fmt.budget_status_name)
    "bstatus_proposed": {"vi": "Đề xuất", "en": "Proposed"},
    "bstatus_approved": {"vi": "Đã phê duyệt", "en": "Approved"},
    "bstatus_new": {"vi": "Mới", "en": "New"},
    "bstatus_under_way": {"vi": "Đang thực hiện", "en": "Under way"},
    "bstatus_carried_over": {"vi": "Chuyển tiếp", "en": "Carried over"},
    # r1: the register's unit types in the UI language
    "cov_type_xa": {"vi": "xã", "en": "commune"},
    "cov_type_phuong": {"vi": "phường", "en": "ward"},
    "cov_type_dac_khu": {"vi": "đặc khu", "en": "special zone"},
    "cov_col_code": {"vi": "Mã đơn vị", "en": "Unit code"},
    "cov_col_plan": {"vi": "Kế hoạch {y}", "en": "{y} plan"},
    "cov_col_results": {"vi": "Kết quả {y} (kỳ mới nhất)", "en": "{y} results (latest period)"},
    "cov_col_last": {"vi": "Lần nạp gần nhất", "en": "Last import"},
    "cov_col_units": {"vi": "Số xã", "en": "Units"},
    "cov_col_with_plan": {"vi": "Có kế hoạch", "en": "With a plan"},
    "cov_col_with_results": {"vi": "Có kết quả", "en": "With results"},
    "cov_col_silent": {"vi": "Chưa gửi gì", "en": "Sent nothing"},
    "cov_x_has_plan": {"vi": "Có kế hoạch", "en": "Has plan"},
    "cov_x_no_plan": {"vi": "Chưa có kế hoạch", "en": "No plan"},
    "cov_x_has_results": {"vi": "Có kết quả", "en": "Has results"},
    "cov_x_no_results": {"vi": "Chưa có kết quả", "en": "No results"},
    "cov_x_latest": {"vi": "Kỳ kết quả mới nhất", "en": "Latest result period"},
    "cov_x_n_results": {"vi": "Số chỉ tiêu có kết quả", "en": "Indicators with a result"},
    "cov_x_province_code": {"vi": "Mã tỉnh", "en": "Province code"},
    "cov_x_share_plan": {"vi": "Tỷ lệ có kế hoạch", "en": "Share with a plan"},
    "cov_x_share_results": {"vi": "Tỷ lệ có kết quả", "en": "Share with results"},
    "cov_unregistered": {
        "vi": "{n} xã có dữ liệu nhưng không có trong danh mục đơn vị (không tính ở trên): {names}",
        "en": "{n} communes have data but are not in the register (not counted above): {names}"},
    # fair rankings (dashboard/rankings.py)
    "rank_none": {"vi": "chưa xếp hạng", "en": "not ranked"},
    "rank_one": {"vi": "hạng {r}", "en": "rank {r}"},
    "rank_tied": {"vi": "hạng {r} (đồng hạng {n})", "en": "rank {r} (tied, {n})"},
    "rank_col": {"vi": "Hạng", "en": "Rank"},
    "rank_col_achieved": {"vi": "Đạt / đã đánh giá", "en": "Achieved / assessed"},
    "rank_col_assessed": {"vi": "Đã đánh giá / chỉ tiêu", "en": "Assessed / targets"},
    "rank_col_change": {"vi": "Thay đổi hạng", "en": "Rank change"},
    "rank_all_tied": {"vi": "Cả {n} đơn vị đồng hạng: không có nhóm tốt nhất hay kém nhất để "
                            "chọn ra.",
                      "en": "All {n} units tie: there is no best or worst group to pick."},
    "cov_col_share_achieved": {"vi": "Tỷ lệ đạt (%)", "en": "Achieved (%)"},
    "cov_col_rank": {"vi": "Hạng trong tỉnh", "en": "Rank in province"},
    "cov_x_n_assessed": {"vi": "Số chỉ tiêu đã đánh giá", "en": "Targets assessed"},
    "cov_x_n_achieved": {"vi": "Số chỉ tiêu đạt", "en": "Targets achieved"},
    "cov_rank_note": {
        "vi": "Tỷ lệ đạt = chỉ tiêu đạt / chỉ tiêu đã có đánh giá (n bên cạnh); hạng trong tỉnh "
              "theo tỷ lệ đó, đồng hạng khi bằng nhau. Bấm tiêu đề cột để sắp xếp.",
        "en": "Achieved = targets achieved / targets assessed (n beside it); rank in province by "
              "that share, ties share a rank. Click a column header to sort."},
    "cov_more_briefing": {"vi": "… và {n} xã khác (xem đầy đủ ngoài chế độ trình chiếu)",
                          "en": "… and {n} more (full list outside briefing mode)"},
})

# h12: a province leader's view at national scale (dashboard/province_view.py, province_ui.py)
STRINGS.update({
    "pv_share": {"vi": "{a}/{b} đạt ({s})", "en": "{a}/{b} achieved ({s})"},
    "pv_gaps_title": {"vi": "Xã xa mục tiêu nhất — {name}",
                      "en": "Communes furthest behind — {name}"},
    "pv_gaps_ranked_title": {"vi": "Khoảng cách tới mục tiêu, xa nhất trước — {name}",
                             "en": "Distance to target, worst first — {name}"},
    "pv_none_assessed": {"vi": "chưa đánh giá được", "en": "nothing assessed yet"},
    "pv_whole_province": {"vi": "{p} (cả tỉnh)", "en": "{p} (whole province)"},
    "pv_sort": {"vi": "Sắp xếp", "en": "Sort"},
    "pv_sort_behind": {"vi": "Chậm nhất trước", "en": "Most behind first"},
    "pv_sort_ahead": {"vi": "Tốt nhất trước", "en": "Best first"},
    "pv_sort_name": {"vi": "Theo tên", "en": "By name"},
    "pv_sort_total": {"vi": "Nhiều nhất trước", "en": "Largest first"},
    "pv_sort_total_asc": {"vi": "Ít nhất trước", "en": "Smallest first"},
    "pv_order_behind": {"vi": "chậm nhất trước", "en": "most behind first"},
    "pv_order_ahead": {"vi": "tốt nhất trước", "en": "best first"},
    "pv_order_name": {"vi": "theo tên", "en": "by name"},
    "pv_order_total": {"vi": "kinh phí nhiều nhất trước", "en": "largest budget first"},
    "pv_order_total_asc": {"vi": "kinh phí ít nhất trước", "en": "smallest budget first"},
    "pv_rows": {"vi": "Xã thứ {a}–{b} / {n}, {order}", "en": "Communes {a}–{b} of {n}, {order}"},
    "pv_rows_all": {"vi": "Cả {n} xã, {order}", "en": "All {n} communes, {order}"},
    "pv_share_note": {"vi": "nhãn dòng: chỉ tiêu đạt / chỉ tiêu đã đánh giá được",
                      "en": "row label: targets achieved / targets assessed"},
    "pv_brief_more": {"vi": "{k} xã chậm nhất / {n} xã; {m} xã khác: xem bảng đầy đủ trên "
                            "trang Tổng quan",
                      "en": "The {k} most behind of {n} communes; {m} more in the full table "
                            "on the Overview page"},
    "pv_brief_tied": {"vi": "({n} xã đồng hạng ở ranh giới: không chọn theo tên)",
                      "en": "({n} tied at the cut: none picked by name)"},
    "pv_brief_tie": {"vi": "{n} xã cùng tỷ lệ đạt thấp nhất (đồng hạng): hiển thị {k} theo "
                           "thứ tự tên, xem bảng đầy đủ trên trang Tổng quan",
                     "en": "{n} communes tie at the lowest share (same rank): {k} shown in "
                           "name order, see the full table on the Overview page"},
    "pv_full_list": {"vi": "Danh sách đầy đủ {n} xã: tỷ lệ đạt, hạng trong tỉnh (bảng, tải "
                           ".csv/.xlsx)",
                     "en": "Full list of {n} communes: share achieved, rank in province "
                           "(table, .csv/.xlsx)"},
    "pv_budget_total": {"vi": "tổng {v}; {a}/{n} xã có dòng kinh phí",
                        "en": "total {v}; {a} of {n} communes have budget lines"},
    "pv_more_outside": {"vi": "{m} xã khác: xem trang Kinh phí ngoài chế độ trình chiếu",
                        "en": "{m} more: see the Budget page outside briefing mode"},
    "pv_full_budget": {"vi": "Kinh phí của cả {n} xã (bảng, tải .csv/.xlsx)",
                       "en": "Budget of all {n} communes (table, .csv/.xlsx)"},
    "pv_gap_indicator": {"vi": "Chỉ tiêu (mỗi lần một chỉ tiêu, một đơn vị)",
                         "en": "Indicator (one indicator, one unit at a time)"},
    "pv_gap_indicator_help": {
        "vi": "Khoảng cách chỉ so sánh được trong cùng một chỉ tiêu và cùng đơn vị (điểm % "
              "với điểm %, người với người). Mặc định: chỉ tiêu có nhiều xã chưa đạt nhất.",
        "en": "Gaps compare only within one indicator and one unit (% points with % points, "
              "people with people). Default: the indicator with the most communes behind."},
    "pv_gap_scope": {"vi": "{b}/{a} xã đã đánh giá chưa đạt chỉ tiêu này",
                     "en": "{b} of {a} assessed communes are behind on this indicator"},
    "pv_gap_tied_cut": {"vi": "{n} xã cùng khoảng cách với xã cuối cùng (xem trang sau)",
                        "en": "{n} communes share the last row's gap (see the next page)"},
    "pv_gap_summary": {"vi": "Khoảng cách lớn nhất của từng chỉ tiêu, trong đơn vị của chỉ tiêu",
                       "en": "Largest gap of each indicator, in its own unit"},
    "pv_gap_summary_note": {
        "vi": "Mỗi dòng một chỉ tiêu và một đơn vị; không xếp khoảng cách % chung với số "
              "lượng. Xếp theo số xã chưa đạt.",
        "en": "One row per indicator and unit; a % gap is never ranked against a count. "
              "Ordered by the number of communes behind."},
    "pv_col_behind": {"vi": "Xã chưa đạt / đã đánh giá", "en": "Behind / assessed"},
    "pv_col_max_gap": {"vi": "Khoảng cách lớn nhất", "en": "Largest gap"},
    "pv_col_unit": {"vi": "Đơn vị", "en": "Unit"},
    "pv_col_who": {"vi": "Xã (tỉnh)", "en": "Commune (province)"},
    "pv_and_tied": {"vi": "và {n} xã khác cùng mức", "en": "and {n} more at the same gap"},
    "pv_all_tied": {"vi": "Cả {n} xã đã đánh giá cùng một mức (đồng hạng): không có nhóm tốt "
                          "nhất hay kém nhất để chọn ra. Bảng dưới liệt kê mọi xã.",
                    "en": "All {n} assessed communes stand the same (tied): there is no best "
                          "or worst group to pick. The table below lists every commune."},
    "pv_ties_only": {"vi": "{n} xã: các xã cùng tình trạng đồng hạng với nhau (chỉ tiêu hoàn "
                           "thành / chưa hoàn thành), nên không chọn ra {k} xã kém nhất hay tốt "
                           "nhất theo tên. Biểu đồ đếm số xã theo tình trạng; bảng dưới liệt "
                           "kê mọi xã.",
                     "en": "{n} communes: communes with the same status tie (a done / not "
                           "done target), so no {k} worst or best are picked by name. The "
                           "chart counts communes by status; the table lists every commune."},
    "pv_ends": {"vi": "{w} xã xa mục tiêu nhất và {b} xã tốt nhất trong {n} xã",
                "en": "The {w} furthest behind and the {b} best placed of {n} communes"},
    # r1: one side empty (every achieved commune ties at the cut): no "and the 0 best placed"
    "pv_ends_worst": {"vi": "{w} xã xa mục tiêu nhất trong {n} xã",
                      "en": "The {w} furthest behind of {n} communes"},
    "pv_ends_best": {"vi": "{b} xã tốt nhất trong {n} xã",
                     "en": "The {b} best placed of {n} communes"},
    "pv_worst_tied": {"vi": "{n} xã đồng hạng ở ranh giới phía chưa đạt không hiển thị (không "
                            "chọn theo tên)",
                      "en": "{n} communes tied at the cut on the behind side not shown (not "
                            "picked by name)"},
    "pv_best_tied": {"vi": "{n} xã đồng hạng ở ranh giới phía tốt nhất không hiển thị",
                     "en": "{n} communes tied at the cut on the best side not shown"},
    "pv_all_rows": {"vi": "Mọi xã có mục tiêu này ({n})", "en": "Every commune with this "
                                                              "target ({n})"},
})

# Strings of the figure frame (dashboard/framing.py) and of the briefing pack
# (dashboard/pack.py), read there through t() with their prefix.
STRINGS.update({f"frame.{k}": v for k, v in {
    "plan_year": {"vi": "kế hoạch năm {y}", "en": "{y} plan"},
    "plan_years": {"vi": "kế hoạch năm {a}–{b}", "en": "{a}–{b} plans"},
    "result_to": {"vi": "kết quả đến {p}", "en": "results to {p}"},
    "no_result": {"vi": "chưa có báo cáo kết quả", "en": "no results reported yet"},
    "budget_year": {"vi": "dự toán năm {y}", "en": "{y} budget"},
    "budget_years": {"vi": "dự toán năm {a}–{b}", "en": "{a}–{b} budgets"},
    "quarter": {"vi": "quý {q}/{y}", "en": "Q{n} {y}"},
    "year": {"vi": "năm {y}", "en": "{y}"},
    "national": {"vi": "toàn quốc, {n} xã", "en": "nationwide, {n} communes"},
    "all_loaded": {"vi": "{n} xã, {p} tỉnh đã nạp", "en": "{n} communes, {p} provinces loaded"},
    "in_provinces": {"vi": "{names}, {n} xã", "en": "{names}, {n} communes"},
    "n_communes": {"vi": "{n} xã", "en": "{n} communes"},
    "groups": {"vi": "nhóm {names}", "en": "group {names}"},
    "shown": {"vi": "Hiển thị {k} / {n} dòng", "en": "Showing {k} of {n} rows"},
    "coverage": {"vi": "{r} / {t} chỉ tiêu đã có kết quả",
                 "en": "{r} of {t} targets have a result"},
    "synthetic": {"vi": "DỮ LIỆU MÔ PHỎNG", "en": "SYNTHETIC DATA · DỮ LIỆU MÔ PHỎNG"},
}.items()})
STRINGS.update({f"pack.{k}": v for k, v in {
    "pack_title": {"vi": "Chuyển đổi số cấp xã — báo cáo giao ban",
                   "en": "Commune digital transformation — briefing"},
    "filters": {"vi": "Bộ lọc", "en": "Filters"},
    "no_filter": {"vi": "không lọc (toàn bộ dữ liệu đã nạp)", "en": "none (all loaded data)"},
    "period": {"vi": "Kỳ số liệu", "en": "Data period"},
    "scope": {"vi": "Phạm vi", "en": "Scope"},
    "made": {"vi": "Lập ngày {d} · dữ liệu nạp đến {l}", "en": "Made {d} · data loaded to {l}"},
    "status_by_group": {"vi": "Tình trạng chỉ tiêu theo nhóm DTI",
                        "en": "Target status by DTI group"},
    "n_targets_unit": {"vi": "Đơn vị: số chỉ tiêu", "en": "Unit: number of targets"},
    "target_vs_result": {"vi": "Xa mục tiêu nhất", "en": "Furthest behind"},
    "target_floor": {"vi": "Mục tiêu (mức phải đạt)", "en": "Target (level to reach)"},
    "result_status": {"vi": "Kết quả mới nhất (màu theo tình trạng)",
                      "en": "Latest result (coloured by status)"},
    "unit_of": {"vi": "Đơn vị: {u}", "en": "Unit: {u}"},
    "no_numeric_rows": {"vi": "Chỉ tiêu này không có mục tiêu và kết quả bằng số để vẽ "
                              "(ví dụ: hoàn thành / chưa hoàn thành): xem bảng trên trang So sánh xã.",
                        "en": "This indicator has no numeric target and result to draw (e.g. "
                              "done / not done): see the table on the Compare page."},
    "rank_note": {"vi": "thứ hạng: số nhỏ hơn là tốt hơn", "en": "rank: lower is better"},
    "matrix_unit": {"vi": "Đơn vị: % chỉ tiêu đạt trong số đã đánh giá được (ô xã: số chỉ "
                          "tiêu theo tình trạng)",
                    "en": "Unit: % of assessed targets that are achieved (commune cells: "
                          "targets by status)"},
    "matrix_legend": {"vi": "Màu: cam = tỷ lệ đạt thấp, xanh = cao; xám = chưa có kết quả; "
                            "trắng = không có chỉ tiêu",
                      "en": "Colour: orange = low share achieved, blue = high; grey = no "
                            "result yet; white = no target"},
    "rows_part": {"vi": "dòng {a}–{b} / {n}", "en": "rows {a}–{b} of {n}"},
    "budget_unit": {"vi": "Đơn vị: {u}", "en": "Unit: {u}"},
    "budget_total": {"vi": "Tổng: {v} · {n} dòng kinh phí, {c} xã",
                     "en": "Total: {v} · {n} budget lines, {c} communes"},
    "status_legend": {"vi": "Tình trạng: ", "en": "Status: "},
    "closing": {"vi": "Nguồn và độ phủ số liệu", "en": "Sources and coverage"},
    "sources": {"vi": "Tệp nguồn ({n})", "en": "Source files ({n})"},
    "coverage": {"vi": "Độ phủ", "en": "Coverage"},
    "cov_communes": {"vi": "{n} xã trong phạm vi (đã nạp: {a} xã, {p} tỉnh)",
                     "en": "{n} communes in scope (loaded: {a} communes, {p} provinces)"},
    "cov_budget": {"vi": "{n} dòng kinh phí", "en": "{n} budget lines"},
    "method": {"vi": "Mỗi số liệu lấy từ tệp gốc (tệp, sheet, dòng: xem trang Hồ sơ xã). "
                     "Tình trạng so kết quả mới nhất với mục tiêu của năm kế hoạch.",
               "en": "Every number comes from its source file (file, sheet, row: see the "
                     "commune profile). Status compares the latest result with the plan "
                     "year's target."},
    "synthetic_note": {"vi": "Có dữ liệu mô phỏng: không phải số liệu báo cáo thật.",
                       "en": "Contains synthetic data: not real reported figures."},
    "no_rows": {"vi": "Không có số liệu trong phạm vi này.", "en": "No data in this scope."},
    "more_files": {"vi": "… và {n} tệp khác", "en": "… and {n} more files"},
    "pack_heading": {"vi": "Bộ trình chiếu giao ban", "en": "Briefing pack"},
    "download_pptx": {"vi": "Tải bộ trình chiếu (.pptx)", "en": "Download briefing (.pptx)"},
    "download_pdf": {"vi": "Tải bản PDF", "en": "Download as PDF"},
    "pack_help": {"vi": "Theo bộ lọc đang chọn: trang bìa, mỗi biểu đồ một trang (biểu đồ "
                        "PowerPoint sửa được), trang nguồn và độ phủ. Chỉ lập khi bấm.",
                  "en": "For the filters chosen: a title slide, one chart per slide (editable "
                        "PowerPoint charts), a sources and coverage slide. Built on click."},
    "pdf_missing": {"vi": "Bản PDF cần LibreOffice trên máy chủ (apt-get install "
                          "libreoffice-impress).",
                    "en": "The PDF needs LibreOffice on the server (apt-get install "
                          "libreoffice-impress)."},
}.items()})

# --- upload page, its review widgets and the analyst gate (h11l: one language layer) --------
# dashboard/upload_view.py, pages/upload.py, dashboard/auth.py. Problem messages are not here:
# each problem code has its Vietnamese and English template in etl/problems.py (CODES, EN).
UPLOAD_COLUMNS: dict[str, dict[str, str]] = {  # headers of the review and history tables
    "severity": {"vi": "Mức độ", "en": "Severity"},
    "code": {"vi": "Mã lỗi", "en": "Code"},
    "file": {"vi": "Tệp", "en": "File"},
    "sheet": {"vi": "Sheet", "en": "Sheet"},
    "row": {"vi": "Dòng", "en": "Row"},
    "column": {"vi": "Cột", "en": "Column"},
    "message": {"vi": "Nội dung", "en": "Message"},
    "label": {"vi": "Chỉ tiêu (nguyên văn)", "en": "Label (as written)"},
    "year": {"vi": "Năm", "en": "Year"},
    "raw": {"vi": "Giá trị gốc", "en": "Raw text"},
    "kind": {"vi": "Loại", "en": "Kind"},
    "op": {"vi": "Phép so", "en": "Op"},
    "low": {"vi": "Từ", "en": "Low"},
    "high": {"vi": "Đến", "en": "High"},
    "unit": {"vi": "Đơn vị", "en": "Unit"},
    "indicator_code": {"vi": "Mã chỉ tiêu chuẩn", "en": "Indicator code"},
    "match": {"vi": "Cách gắn", "en": "Match"},
    "confidence": {"vi": "Độ tin cậy", "en": "Confidence"},
    "pillar": {"vi": "Nhóm DTI", "en": "DTI group"},
    "lead_unit": {"vi": "Đơn vị chủ trì", "en": "Lead unit"},
    "flags": {"vi": "Cờ", "en": "Flags"},
    "period": {"vi": "Kỳ", "en": "Period"},
    "value": {"vi": "Giá trị", "en": "Value"},
    "task": {"vi": "Nhiệm vụ", "en": "Task"},
    "plan_year": {"vi": "Năm", "en": "Year"},
    "amount_million_vnd": {"vi": "Kinh phí (triệu đồng)", "en": "Amount (million VND)"},
    "funding_source": {"vi": "Nguồn vốn", "en": "Funding source"},
    "status": {"vi": "Trạng thái", "en": "Status"},
    "header_rows": {"vi": "Dòng tiêu đề", "en": "Header rows"},
    "header": {"vi": "Tiêu đề cột", "en": "Header"},
    "role": {"vi": "Hiểu là", "en": "Understood as"},
    "table": {"vi": "Bảng", "en": "Table"},
    "added": {"vi": "Thêm mới", "en": "Added"},
    "replaced": {"vi": "Thay thế", "en": "Replaced"},
    "unchanged": {"vi": "Không đổi", "en": "Unchanged"},
    "rejected": {"vi": "Bị từ chối", "en": "Rejected"},
    "import_id": {"vi": "Lượt nạp", "en": "Import"},
    "loaded_at": {"vi": "Thời điểm", "en": "Loaded at"},
    "loaded_by": {"vi": "Người nạp", "en": "By"},
    "file_name": {"vi": "Tệp", "en": "File"},
    "commune": {"vi": "Xã", "en": "Commune"},
    "province": {"vi": "Tỉnh", "en": "Province"},
    "n_targets": {"vi": "Chỉ tiêu", "en": "Targets"},
    "n_actuals": {"vi": "Kết quả", "en": "Results"},
    "n_budget": {"vi": "Dòng kinh phí", "en": "Budget lines"},
    "n_replaced": {"vi": "Dòng bị thay", "en": "Rows replaced"},
    "n_warnings": {"vi": "Cảnh báo", "en": "Warnings"},
    "synthetic": {"vi": "Mô phỏng", "en": "Synthetic"},
    "undone_at": {"vi": "Hoàn tác lúc", "en": "Undone at"},
    "target_year": {"vi": "Năm", "en": "Year"},
    "target_text": {"vi": "Mục tiêu", "en": "Target"},
    "value_low": {"vi": "Từ", "en": "Low"},
    "value_high": {"vi": "Đến", "en": "High"},
    "value_text": {"vi": "Giá trị", "en": "Value"},
    "amount_text": {"vi": "Số tiền (nguyên văn)", "en": "Amount (as written)"},
    "source_file": {"vi": "Tệp nguồn", "en": "Source file"},
    "source_sheet": {"vi": "Sheet", "en": "Sheet"},
    "source_row": {"vi": "Dòng", "en": "Row"},
    "source_col": {"vi": "Cột", "en": "Column"},
    "active": {"vi": "Đang dùng", "en": "Active"},
    "role_name": {"vi": "Vai trò", "en": "Role (meaning)"},
    "reason": {"vi": "Lý do", "en": "Reason"},
    "doubt": {"vi": "Cần hỏi", "en": "Doubt"},
    "chosen": {"vi": "Chuyên viên chọn", "en": "Chosen by analyst"},
    "layout_key": {"vi": "Mẫu bảng", "en": "Layout"},
}
STRINGS.update({f"up.col.{k}": v for k, v in UPLOAD_COLUMNS.items()})
STRINGS.update({f"up.{k}": v for k, v in {
    "intro": {"vi": "Tải phụ lục kế hoạch, báo cáo kết quả hoặc bảng kinh phí (.xlsx). Hệ thống "
                    "cho xem những gì đọc được trước khi lưu; không có gì được lưu cho đến khi "
                    "bấm 'Lưu vào cơ sở dữ liệu'.",
              "en": "Upload plan appendices, results reports or budget tables (.xlsx). You see "
                    "what was understood before anything is saved; nothing is saved until you "
                    "click 'Commit to the database'."},
    "tab_upload": {"vi": "Tải lên", "en": "Upload"},
    "tab_history": {"vi": "Lịch sử nạp", "en": "Import history"},
    "tab_templates": {"vi": "Tệp mẫu", "en": "Templates"},
    "tpl_targets": {"vi": "Mẫu chỉ tiêu", "en": "Targets template"},
    "tpl_results": {"vi": "Mẫu kết quả", "en": "Results template"},
    "tpl_budget": {"vi": "Mẫu kinh phí", "en": "Budget template"},
    "your_name": {"vi": "Người nạp", "en": "Your name"},
    "name_placeholder": {"vi": "vd. Nguyễn Văn A", "en": "e.g. Nguyễn Văn A"},
    "choose_files": {"vi": "Chọn tệp .xlsx (có thể nhiều tệp)",
                     "en": "Choose .xlsx files (several at once if you like)"},
    "context_fill": {"vi": "Xã / tỉnh / năm (điền khi tệp không ghi)",
                     "en": "Commune / province / year (fill in when the file does not say)"},
    "year_help": {"vi": "0 = theo tệp", "en": "0 = as in the file"},
    "confirm_checked": {"vi": "Tôi đã kiểm tra các điểm cần xác nhận",
                        "en": "I have checked the points that need confirmation"},
    "roles_expander": {"vi": "Vai trò các cột (sửa khi đọc nhầm)",
                       "en": "Column roles (fix a misread column)"},
    "map_heading": {"vi": "Gắn chỉ tiêu chuẩn", "en": "Map to the catalogue"},
    "blocked": {"vi": "Chưa lưu được: còn lỗi hoặc điểm cần xác nhận trong {files}",
                "en": "Cannot commit: errors or points to confirm in {files}"},
    "commit": {"vi": "Lưu vào cơ sở dữ liệu", "en": "Commit to the database"},
    "saving": {"vi": "Đang lưu…", "en": "Saving…"},
    "done": {"vi": "Xong", "en": "Done"},
    "enter_name": {"vi": "Ghi tên người nạp để lưu.", "en": "Enter your name to commit."},
    "saved": {"vi": "Đã lưu. Tóm tắt lượt nạp:", "en": "Saved. Import summary:"},
    "latest_500": {"vi": "500 lượt gần nhất trên tổng số {n}.",
                   "en": "The latest 500 of {n} imports."},
    "open_import": {"vi": "Xem lượt nạp", "en": "Open import"},
    "target_rows_added": {"vi": "Chỉ tiêu lượt này thêm", "en": "Targets this import added"},
    "target_rows_replaced": {"vi": "Chỉ tiêu lượt này thay thế", "en": "Targets it replaced"},
    "actual_rows_added": {"vi": "Kết quả lượt này thêm", "en": "Results this import added"},
    "actual_rows_replaced": {"vi": "Kết quả lượt này thay thế", "en": "Results it replaced"},
    "budget_rows_added": {"vi": "Dòng kinh phí lượt này thêm", "en": "Budget lines added"},
    "budget_rows_replaced": {"vi": "Dòng kinh phí bị thay thế", "en": "Budget lines replaced"},
    "problems_at_load": {"vi": "Cảnh báo khi nạp", "en": "Warnings at load"},
    "undo": {"vi": "Hoàn tác lượt nạp #{n}", "en": "Undo import #{n}"},
    "undo_blocked": {"vi": "Dữ liệu của lượt nạp {n} đã bị lượt nạp {ids} thay thế: hãy hoàn "
                           "tác lượt {ids} trước.",
                     "en": "The data of import {n} was replaced by import {ids}: undo import "
                           "{ids} first."},
    # review of one file (dashboard/upload_view.py)
    "synthetic_refused": {
        "vi": "Tệp này ghi 'DỮ LIỆU MÔ PHỎNG': dữ liệu mô phỏng không được lưu vào cơ sở dữ liệu "
              "thật. Dùng `python -m etl load --synthetic` với một cơ sở dữ liệu mô phỏng (xem "
              "README).",
        "en": "This workbook is marked 'DỮ LIỆU MÔ PHỎNG' (synthetic): synthetic data cannot be "
              "saved into the real database. Use `python -m etl load --synthetic` with a "
              "synthetic database (see README)."},
    "synthetic_labelled": {
        "vi": "Tệp này là dữ liệu mô phỏng: được lưu với nhãn 'Dữ liệu mô phỏng' (cơ sở dữ liệu "
              "đang dùng là cơ sở dữ liệu mô phỏng).",
        "en": "This workbook is synthetic: it is saved labelled 'Dữ liệu mô phỏng' (the "
              "database in use is a synthetic one)."},
    "local": {"vi": "— chỉ tiêu riêng của xã —", "en": "— commune-specific indicator —"},
    "all_mapped": {"vi": "Mọi chỉ tiêu đều đã gắn với danh mục chuẩn hoặc đã được xác nhận.",
                   "en": "Every label is mapped to the catalogue or already confirmed."},
    "how_low_confidence": {"vi": "chưa chắc", "en": "unsure"},
    "how_local": {"vi": "không khớp", "en": "no match"},
    "how_fuzzy": {"vi": "khớp gần đúng", "en": "fuzzy match"},
    "label_in_file": {"vi": "Tên chỉ tiêu trong tệp", "en": "Label in file"},
    "match_level": {"vi": "Mức khớp", "en": "Match"},
    "confidence": {"vi": "Độ tin cậy", "en": "Confidence"},
    "choose_canonical": {"vi": "Chỉ tiêu chuẩn (chọn)", "en": "Canonical indicator (choose)"},
    "suggestion": {"vi": "Gợi ý", "en": "Suggestion"},
    "row": {"vi": "Dòng", "en": "Row"},
    "m_years": {"vi": "Năm", "en": "Years"},
    "m_rows": {"vi": "Dòng đọc được", "en": "Rows understood"},
    "found_in": {"vi": "Nguồn: xã — {commune}; tỉnh — {province}",
                 "en": "Found in: commune — {commune}; province — {province}"},
    "n_errors": {"vi": "{n} lỗi: sửa tệp (hoặc điền xã/tỉnh/năm ở trên, hoặc chọn vai trò cột "
                       "bên dưới) rồi tải lại. Chưa có gì được lưu.",
                 "en": "{n} errors: fix the file (or fill commune/province/year above, or choose "
                       "column roles below) and upload again. Nothing has been saved."},
    "n_confirms": {"vi": "{n} điểm cần xác nhận: kiểm tra rồi đánh dấu 'Tôi đã kiểm tra' hoặc "
                         "chọn vai trò cột đúng bên dưới. Chưa lưu được.",
                   "en": "{n} points need confirmation: check them and tick 'I have checked', "
                         "or choose the right column roles below. Cannot commit yet."},
    "n_warnings": {"vi": "{n} cảnh báo: vẫn lưu được; xem danh sách bên dưới.",
                   "en": "{n} warnings: you can still commit; see the list below."},
    "tab_problems": {"vi": "Vấn đề ({e}/{c}/{w})", "en": "Problems ({e}/{c}/{w})"},
    "tab_targets": {"vi": "Chỉ tiêu ({n})", "en": "Targets ({n})"},
    "tab_results": {"vi": "Kết quả ({n})", "en": "Results ({n})"},
    "tab_budget": {"vi": "Kinh phí ({n})", "en": "Budget ({n})"},
    "tab_tables": {"vi": "Bảng và cột", "en": "Tables and columns"},
    "no_problems": {"vi": "Không có vấn đề nào.", "en": "No problems."},
    "no_rows": {"vi": "Không có dòng nào.", "en": "No rows."},
    "sheet_header": {"vi": "Sheet '{sheet}', tiêu đề dòng {a}-{b}",
                     "en": "Sheet '{sheet}', header rows {a}-{b}"},
    "role": {"vi": "Vai trò", "en": "Role"},
    "doubt": {"vi": "cần hỏi", "en": "doubt"},
    # a problem's severity (etl/problems.py Severity), shown in the problem tables
    "sev.error": {"vi": "lỗi", "en": "error"},
    "sev.confirm": {"vi": "cần xác nhận", "en": "to confirm"},
    "sev.warning": {"vi": "cảnh báo", "en": "warning"},
    "sev.info": {"vi": "thông tin", "en": "info"},
    # an import's status (etl/load.py: LoadResult.status, imports.status)
    "st.loaded": {"vi": "đã nạp", "en": "loaded"},
    "st.unchanged": {"vi": "không đổi (đã nạp trước đó)", "en": "unchanged (loaded before)"},
    "st.rejected": {"vi": "bị từ chối", "en": "rejected"},
    "st.active": {"vi": "đang dùng", "en": "active"},
    "st.undone": {"vi": "đã hoàn tác", "en": "undone"},
    # a review table's name (etl/service.py tables_frame: targets, actuals, budget)
    "tbl.targets": {"vi": "chỉ tiêu", "en": "targets"},
    "tbl.actuals": {"vi": "kết quả", "en": "results"},
    "tbl.budget": {"vi": "kinh phí", "en": "budget"},
}.items()})
# strings that were chosen inline by language (fmt.value, charts.sources_line, charts money)
STRINGS.update({
    "fmt_rank": {"vi": "thứ {n}", "en": "rank {n}"},
    "sources_many": {"vi": "{n} tệp đã nạp, ví dụ {example}",
                     "en": "{n} loaded files, e.g. {example}"},
    "money_unit_billion": {"vi": "tỷ đồng", "en": "billion VND"},
    "fmt_places": {"vi": "bậc", "en": "places"},
    "fmt_at_most": {"vi": "tối đa {g}", "en": "at most {g}"},
    "fmt_at_least": {"vi": "ít nhất {g}", "en": "at least {g}"},
    "gap_ahead": {"vi": "vượt {g}", "en": "ahead by {g}"},
    "why_col": {"vi": ", cột {col}", "en": ", column {col}"},
    "frame.n_provinces": {"vi": "{n} tỉnh", "en": "{n} provinces"},
})
# the analyst gate (dashboard/auth.py gate)
STRINGS.update({f"auth.{k}": v for k, v in {
    "signed_in": {"vi": "Đã đăng nhập: {who}", "en": "Signed in: {who}"},
    "sign_out": {"vi": "Đăng xuất", "en": "Sign out"},
    "no_role": {"vi": "Tài khoản {who} không có quyền chuyên viên.",
                "en": "Account {who} does not have the analyst role."},
    "sign_in_org": {"vi": "Đăng nhập bằng tài khoản tổ chức",
                    "en": "Sign in with your organisation account"},
    "trial_local": {
        "vi": "Chế độ dùng thử trên máy này (máy chủ chỉ nghe {addr}): chưa đặt mật khẩu chuyên "
              "viên nên ai dùng máy này cũng tải lên được. Khi triển khai, đặt "
              "ANALYST_PASSWORD_HASH (xem README).",
        "en": "Local trial mode (the server listens on {addr} only): no analyst password is "
              "set, so anyone on this machine can upload. Set ANALYST_PASSWORD_HASH for a "
              "deployment (see README)."},
    "trial_network": {
        "vi": "Chế độ dùng thử không mật khẩu, và máy chủ nghe {addr}: ai truy cập được máy này "
              "đều tải lên và hoàn tác được. Đặt ANALYST_PASSWORD_HASH, hoặc chạy `make run` "
              "(chỉ nghe 127.0.0.1).",
        "en": "Trial mode without a password, and the server listens on {addr}: anyone who can "
              "reach it can upload and undo. Set ANALYST_PASSWORD_HASH, or use `make run` "
              "(127.0.0.1 only)."},
    "any_address": {"vi": "mọi địa chỉ mạng", "en": "every network address"},
    "uploads_off": {
        "vi": "Chức năng tải lên đang tắt: chưa cấu hình mật khẩu chuyên viên. Tạo mã băm bằng "
              "`python -m dashboard.auth` rồi đặt vào biến môi trường ANALYST_PASSWORD_HASH "
              "hoặc .streamlit/secrets.toml.",
        "en": "Uploads are off: no analyst password is configured. Make a hash with `python -m "
              "dashboard.auth` and set ANALYST_PASSWORD_HASH or .streamlit/secrets.toml."},
    "password": {"vi": "Mật khẩu chuyên viên", "en": "Analyst password"},
    "sign_in": {"vi": "Đăng nhập", "en": "Sign in"},
    "throttled": {"vi": "Sai mật khẩu nhiều lần: thử lại sau {s} giây.",
                  "en": "Too many wrong passwords: try again in {s} s."},
    "wrong": {"vi": "Sai mật khẩu.", "en": "Wrong password."},
    "retry": {"vi": " Thử lại sau {s} giây.", "en": " Try again in {s} s."},
}.items()})


# Keys made at run time from a value (``t(f"flag_{flag}")``, ``w(f"shape_{shape}")``): each
# pattern is declared with the values it takes, so tests/test_i18n.py knows every key in use
# (a key no code names and no pattern makes fails that test, as does a pattern not declared).
DYNAMIC: dict[str, tuple[str, ...]] = {
    "flag_{}": ("inferred", "funding_source_unclear", "conflict", "fraction_mismatch"),
    "cat_kind_{}": ("target", "actual"),
    "scope_{}": ("province", "country"),  # progress.forecast_peer_scope
    "{}_short": ("target_range", "target_threshold", "target_point", "target_ceiling"),
    "cov_which_{}": ("no_plan", "no_results", "silent", "all"),
    "cov_legend_{}": ("n_plan", "n_no_plan", "n_results", "n_no_results"),
    # the contract's progress columns (etl/schema.sql): target_shape, direction, rule, gap_kind,
    # forecast_method
    "why.shape_{}": ("floor", "ceiling", "band", "level", "rank", "done", "deadline",
                     "decrease", "text"),
    "why.dir_{}": ("higher", "lower", "done"),
    "why.rule_{}": ("no_result", "needs_baseline", "unit_mismatch", "met", "met_earlier",
                    "unmet_closed", "bound_undecidable", "earlier_assessment",
                    "assessed_achieved", "assessed_not_achieved", "assessed_not_yet",
                    "done_vs_number", "text_result", "done", "done_100", "overdue",
                    "milestone_not_due", "qualitative_vs_number", "forecast",
                    "unmet_no_forecast"),
    "why.gap_{}": ("exact", "at_most", "at_least", "none"),
    "why.method_{}": ("trend_shrunk", "trend", "one_point_peers", "one_point_no_peers",
                      "milestone", "latest_rank"),
    "up.sev.{}": ("error", "confirm", "warning", "info"),
    "up.st.{}": ("loaded", "unchanged", "rejected", "active", "undone"),
    "up.tbl.{}": ("targets", "actuals", "budget"),
    "pv_order_{}": ("behind", "ahead", "name", "total", "total_asc"),  # province_ui orders
    "pv_sort_{}": ("behind", "ahead", "name", "total", "total_asc"),
    "up.col.{}": tuple(UPLOAD_COLUMNS),  # upload_view.table: the review frames' column names
}
# Module-level wrappers that prefix their key: framing.tx("x") is t("frame.x").
WRAPPERS = {"dashboard/framing.py": "frame.", "dashboard/pack.py": "pack."}


class MissingKey(KeyError):
    """t() was asked for a key STRINGS does not have (raised in strict mode)."""


def strict() -> bool:
    """Strict mode (tests, development: DASHBOARD_STRICT_I18N=1): a missing key raises."""
    return os.environ.get("DASHBOARD_STRICT_I18N") == "1"


def has(key: str) -> bool:
    """Whether ``key`` is a string of the table (for a key built from data, e.g. a flag)."""
    return key in STRINGS


# --- h11c: export headers of the column contracts (dashboard/columns.py) --------------------
STRINGS.update({
    "col_files": {"vi": "Các tệp nguồn", "en": "Source files"},
    "col_n_behind": {"vi": "Chậm hoặc không đạt", "en": "Behind"},
    "col_n_assessed": {"vi": "Đã đánh giá", "en": "Assessed"},
    "col_target_kind": {"vi": "Loại giá trị mục tiêu", "en": "Target value kind"},
    "col_target_op": {"vi": "Phép so sánh của mục tiêu", "en": "Target operator"},
    "col_target_low": {"vi": "Cận dưới mục tiêu", "en": "Target low"},
    "col_target_high": {"vi": "Cận trên mục tiêu", "en": "Target high"},
    "col_unit": {"vi": "Đơn vị tính", "en": "Unit"},
    "col_direction": {"vi": "Chiều tốt", "en": "Better direction"},
    "col_threshold_strict": {"vi": "Ngưỡng không tính dấu bằng", "en": "Bound is strict"},
    "col_actual_value": {"vi": "Giá trị kết quả", "en": "Result value"},
    "col_actual_unit": {"vi": "Đơn vị của kết quả", "en": "Result unit"},
    "col_year_open": {"vi": "Năm mục tiêu chưa kết thúc", "en": "Target year still open"},
    "col_due_date": {"vi": "Hạn hoàn thành", "en": "Due date"},
    "col_result_col": {"vi": "Cột kết quả", "en": "Result column"},
    "col_target_scope": {"vi": "Phạm vi của mục tiêu", "en": "Target scope"},
    "col_target_flags": {"vi": "Lưu ý của mục tiêu", "en": "Target flags"},
    "col_result_scope": {"vi": "Phạm vi của kết quả", "en": "Result scope"},
    "col_result_flags": {"vi": "Lưu ý của kết quả", "en": "Result flags"},
    "col_n_communes": {"vi": "Số xã", "en": "Communes"},
    "col_share_achieved": {"vi": "Tỷ lệ đạt (trên số đã đánh giá)",
                           "en": "Share achieved (of assessed)"},
    "col_median_actual": {"vi": "Kết quả trung vị", "en": "Median result"},
    "col_median_target": {"vi": "Ngưỡng trung vị", "en": "Median bound"},
    "col_year_first": {"vi": "Năm đầu", "en": "First year"},
    "col_year_last": {"vi": "Năm cuối", "en": "Last year"},
    "col_target_first": {"vi": "Mục tiêu năm đầu", "en": "First-year target"},
    "col_target_last": {"vi": "Mục tiêu năm cuối", "en": "Last-year target"},
    "col_threshold_first": {"vi": "Ngưỡng năm đầu", "en": "First-year bound"},
    "col_threshold_last": {"vi": "Ngưỡng năm cuối", "en": "Last-year bound"},
    "col_row_first": {"vi": "Dòng năm đầu", "en": "First-year row"},
    "col_row_last": {"vi": "Dòng năm cuối", "en": "Last-year row"},
    "col_max_gap_pp": {"vi": "Khoảng cách lớn nhất (điểm %)", "en": "Largest gap (points)"},
    "col_n_canonical": {"vi": "Chỉ tiêu chuẩn có mục tiêu", "en": "Canonical indicators"},
    "col_n_pillars": {"vi": "Số nhóm DTI", "en": "DTI groups"},
    "col_line_no": {"vi": "Số thứ tự", "en": "Line no."},
    "col_objective": {"vi": "Mục tiêu của nhiệm vụ", "en": "Objective"},
    "col_expected_result": {"vi": "Kết quả dự kiến", "en": "Expected result"},
    "col_label": {"vi": "Tên chỉ tiêu (nguyên văn)", "en": "Indicator as written"},
    "col_numerator": {"vi": "Tử số", "en": "Numerator"},
    "col_denominator": {"vi": "Mẫu số", "en": "Denominator"},
    "col_stated_percent": {"vi": "Tỷ lệ ghi trong văn bản", "en": "Stated percentage"},
})

# h13: briefing slides (target-vs-result layout, units in English, normalised spellings)
STRINGS.update({
    # export headers of h12's like-with-like gap queries (dashboard/columns.py)
    "col_max_gap": {"vi": "Khoảng cách lớn nhất (theo đơn vị tính)",
                    "en": "Largest gap (in the unit)"},
    "col_n_at_max_gap": {"vi": "Số xã cùng khoảng cách lớn nhất",
                         "en": "Communes at the largest gap"},
    "col_gap_rank": {"vi": "Hạng theo khoảng cách", "en": "Rank by gap"},
    "col_gap_n_tied": {"vi": "Số xã cùng hạng", "en": "Communes tied"},
    "gap_short_by": {"vi": "thiếu {g}", "en": "{g} short"},
    "col_lead_norm": {"vi": "Đơn vị chủ trì (tên chuẩn)", "en": "Lead unit (normalised)"},
    "col_lead_raw": {"vi": "Đơn vị chủ trì (nguyên văn)", "en": "Lead unit (as written)"},
    "col_funding_norm": {"vi": "Nguồn vốn (tên chuẩn)", "en": "Funding source (normalised)"},
    "col_funding_raw": {"vi": "Nguồn vốn (nguyên văn)", "en": "Funding source (as written)"},
    "col_spellings": {"vi": "Các cách viết trong tệp", "en": "Spellings in the files"},
    "why_lead": {"vi": "Đơn vị chủ trì", "en": "Lead unit"},
    "col_doc_label": {"vi": "Cách viết trong văn bản", "en": "Wording in the document"},
    "row_n": {"vi": "dòng {n}", "en": "row {n}"},
    # the commune headline's "kinh phí {money}" when there is no budget line (it read
    # "kinh phí chưa có dòng kinh phí")
    "headline_no_budget": {"vi": "chưa có", "en": "none yet"},
    "why_lead_raw": {"vi": "{name} (trong tệp viết: “{raw}”)",
                     "en": "{name} (the file writes “{raw}”)"},
})


def t(key: str, lang: str | None = None, **kw) -> str:
    """The string ``key`` in ``lang`` (default: the session's), filled with ``kw``.

    A missing key raises :class:`MissingKey` in strict mode; otherwise it is logged and shown
    as the key, so a page still renders."""
    if lang is None:
        lang = current_lang()
    entry = STRINGS.get(key)
    if entry is None:
        if strict():
            raise MissingKey(key)
        _log.warning("i18n: missing key %r", key)
        return key
    text = entry.get(lang) or entry["vi"]
    return text.format(**kw) if kw else text


def current_lang() -> str:
    try:
        import streamlit as st
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
        if get_script_run_ctx(suppress_warning=True) is None:  # outside a Streamlit run
            return "vi"
        lang = st.session_state.get("lang", "vi")
    except Exception:  # pragma: no cover
        lang = "vi"
    return lang if lang in LANGS else "vi"


def status_label(status: str, lang: str | None = None, symbol: bool = True) -> str:
    return _status.label(status, lang or current_lang(), symbol=symbol)
