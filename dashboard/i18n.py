"""Vietnamese (default) and English strings. ``t(key)`` uses the language of the session."""
from __future__ import annotations

LANGS = ("vi", "en")

# Status words, symbols and colours live in dashboard/status.py (re-exported for callers).
from .status import ORDER as STATUS_ORDER, SYMBOL as STATUS_SYMBOL  # noqa: E402,F401
from . import status as _status  # noqa: E402

STRINGS: dict[str, dict[str, str]] = {
    # app & navigation
    "app_title": {"vi": "Chuyển đổi số cấp xã: mục tiêu, kết quả, kinh phí",
                  "en": "Commune digital transformation: targets, results, budget"},
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
    "tile_targets": {"vi": "Chỉ tiêu có mục tiêu", "en": "Indicators with a target"},
    "tile_targets_help": {"vi": "Số cặp (xã, chỉ tiêu) có mục tiêu trong năm đang xem.",
                          "en": "(commune, indicator) pairs with a target in the year shown."},
    "tile_reported": {"vi": "Đã có báo cáo kết quả", "en": "With a reported result"},
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
    "tile_budget_billion": {"vi": "Tổng kinh phí (tỷ đồng)", "en": "Total budget (billion VND)"},
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
              "chậm tiến độ hoặc không đạt) · kinh phí {money}.",
        "en": "{c}: {tgt} targets in the plan shown · {r} with a result ({a} achieved, {b} "
              "off track or not achieved) · budget {money}."},
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
    "mode_group": {"vi": "Cả nhóm DTI", "en": "A whole DTI group"},
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
    "not_drawn": {"vi": "Không vẽ được trên trục số (mục tiêu dạng chữ hoặc hoàn thành/chưa "
                        "hoàn thành): xem bảng bên dưới.",
                  "en": "Not drawable on a number line (text or done/not-done targets): see the "
                        "table below."},
    "done_title": {"vi": "Mục tiêu hoàn thành/chưa hoàn thành", "en": "Done / not-done targets"},
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
    "budget_missing_communes": {"vi": "{a}/{b} xã có dòng kinh phí; các xã còn lại chưa có phụ "
                                      "lục kinh phí.",
                                "en": "{a} of {b} communes have budget lines; the others have no "
                                      "budget appendix."},
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
    "conflict_note": {"vi": "Văn bản ghi hai giá trị khác nhau cho cùng chỉ tiêu và kỳ; bảng dùng "
                            "giá trị ở dòng đầu tiên.",
                      "en": "The document gives two values for the same indicator and period; the "
                            "first row's value is used."},
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
    "cat_definition": {"vi": "Định nghĩa", "en": "Definition"},
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


def w(key: str, lang: str, **kw) -> str:
    """A word of the "why this status" panel (WHY_WORDS), formatted."""
    entry = WHY_WORDS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["vi"]
    return text.format(**kw) if kw else text


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
    "cov_units_word": {"vi": "xã chưa có", "en": "units without"},
    "cov_targets_word": {"vi": "chỉ tiêu", "en": "indicators"},
    "cov_none": {"vi": "chưa có", "en": "none"},
    "cov_no_units": {"vi": "Danh mục không có đơn vị nào trong phạm vi này.",
                     "en": "The register has no unit in this scope."},
    "cov_col_type": {"vi": "Loại", "en": "Type"},
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
    "target_vs_result": {"vi": "Mục tiêu và kết quả: các chỉ tiêu xa mục tiêu nhất",
                         "en": "Target and result: targets furthest behind"},
    "target_floor": {"vi": "Mục tiêu (mức phải đạt)", "en": "Target (level to reach)"},
    "result": {"vi": "Kết quả mới nhất", "en": "Latest result"},
    "result_status": {"vi": "Kết quả mới nhất (màu theo tình trạng)",
                      "en": "Latest result (coloured by status)"},
    "unit_pct": {"vi": "Đơn vị: %", "en": "Unit: %"},
    "unit_of": {"vi": "Đơn vị: {u}", "en": "Unit: {u}"},
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


def t(key: str, lang: str | None = None, **kw) -> str:
    if lang is None:
        lang = current_lang()
    entry = STRINGS.get(key)
    if entry is None:
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
