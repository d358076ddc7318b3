"""Problems are collected, not raised: each has a stable code, a message and Excel coordinates.

Modelled on frictionless-py's error objects: a run of the ETL returns every problem it found
so an analyst can fix them all at once. ``severity`` decides what happens: an ``error`` blocks
loading the file, ``confirm`` blocks it until the analyst confirms (review page, or
``--confirm`` on the CLI), a ``warning`` is loaded and shown, ``info`` is only shown.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

from .xlsx_cells import get_column_letter

Severity = Literal["error", "confirm", "warning", "info"]

# code -> (severity, message template). Templates use str.format with the problem's params.
CODES: dict[str, tuple[Severity, str]] = {
    # file level
    "file.not_found": ("error", "Không tìm thấy tệp."),
    "file.too_large": ("error", "Tệp lớn {size_mb} MB, vượt giới hạn {limit_mb} MB."),
    "file.not_xlsx": ("error", "Không phải tệp Excel .xlsx: {detail}"),
    "file.xls": ("error", "Tệp .xls (Excel 97-2003) chưa được hỗ trợ: hãy mở bằng Excel và "
                          "lưu lại dưới dạng .xlsx."),
    "file.csv": ("error", "Tệp CSV/văn bản chưa được hỗ trợ: hãy dùng mẫu .xlsx."),
    "file.encrypted": ("error", "Tệp được đặt mật khẩu: hãy gỡ mật khẩu rồi tải lại."),
    "file.zip_bomb": ("error", "Tệp nén bất thường ({detail}); từ chối để bảo vệ hệ thống."),
    "file.corrupt": ("error", "Không đọc được tệp Excel: {detail}"),
    "file.no_table": ("error", "Không tìm thấy bảng chỉ tiêu, kết quả hay kinh phí nào: cần "
                               "một dòng tiêu đề có cột như 'Chỉ tiêu' và 'Mục tiêu <năm>', "
                               "'Kết quả', hoặc 'Dự toán kinh phí'."),
    "file.synthetic": ("error", "Tệp ghi '{text}': đây là dữ liệu mô phỏng, không được nạp "
                                "như số liệu thật. Nạp bằng `python -m etl load --synthetic` "
                                "(mọi trang sẽ ghi 'Dữ liệu mô phỏng') hoặc vào một cơ sở dữ "
                                "liệu mô phỏng."),
    "file.synthetic_labelled": ("warning", "Tệp ghi '{text}': nạp với nhãn dữ liệu mô phỏng "
                                           "(synthetic = TRUE; mọi trang ghi 'Dữ liệu mô "
                                           "phỏng')."),
    # context
    "context.no_commune": ("error", "Không xác định được tên xã: thêm dòng tiêu đề "
                                    "'ỦY BAN NHÂN DÂN XÃ …', sheet 'Thông tin chung', "
                                    "hoặc dùng --commune."),
    "context.no_province": ("error", "Không xác định được tỉnh: thêm 'Tỉnh: …' vào sheet "
                                     "'Thông tin chung' hoặc dùng --province."),
    "context.no_year": ("error", "Không xác định được năm của cột '{column}': ghi năm vào "
                                 "tiêu đề cột (vd. 'Mục tiêu 2026') hoặc dùng --year."),
    "context.override": ("warning", "{field}: tệp ghi '{found}', dùng '{given}' theo lựa chọn."),
    "context.unknown_province": ("warning", "Tỉnh '{province}' không có trong danh sách 34 "
                                            "tỉnh, thành phố."),
    # table structure
    "table.header_found": ("info", "Bảng '{kind}' ở dòng tiêu đề {header_rows}: {mapping}."),
    "table.no_label_column": ("error", "Bảng thiếu cột tên chỉ tiêu/nhiệm vụ."),
    "table.empty": ("warning", "Bảng '{kind}' không có dòng dữ liệu nào."),
    "table.ignored_column": ("info", "Bỏ qua cột '{header}' (không nhận ra)."),
    # rows
    "row.total_skipped": ("info", "Dòng tổng cộng '{label}' không phải là một dòng dữ liệu."),
    "row.example_skipped": ("info", "Dòng ví dụ của mẫu (STT 'Ví dụ'): bỏ qua."),
    "row.no_value": ("warning", "Chỉ tiêu có tên nhưng không có giá trị ở cột '{column}'."),
    "row.value_without_label": ("error", "Có giá trị '{value}' nhưng thiếu tên chỉ tiêu."),
    "row.formula_no_value": ("error", "Ô chứa công thức '{formula}' nhưng không có giá trị đã "
                                      "tính: mở tệp bằng Excel, lưu lại rồi tải lên."),
    "row.excel_error": ("error", "Ô chứa lỗi Excel '{value}'."),
    "row.unknown_flag": ("warning", "Cờ dữ liệu '{flag}' không có trong danh sách ({known}): "
                                    "vẫn ghi nhận, hãy kiểm tra chính tả."),
    # values
    "value.qualitative": ("info", "Giá trị định tính '{text}' giữ nguyên dạng chữ."),
    "value.percent_over_100": ("warning", "Tỷ lệ {value}% lớn hơn 100%."),
    "value.fraction_mismatch": ("warning", "Phân số {fraction} = {computed}% nhưng văn bản "
                                           "ghi {stated}%."),
    "value.conflict": ("warning", "Hai giá trị khác nhau cho cùng chỉ tiêu và kỳ: "
                                  "'{first}' (dòng {first_row}) và '{second}' (dòng {second_row})."),
    "value.two_measures": ("info", "Hai số đo khác loại cho cùng chỉ tiêu và kỳ: '{first}' (dòng "
                                   "{first_row}) và '{second}' (dòng {second_row}); giữ cả hai."),
    "value.amount_unparsed": ("error", "Không đọc được số tiền '{text}' (triệu đồng)."),
    "value.amount_ambiguous": ("warning", "Số tiền '{text}' có thể là {a} hoặc {b}; dùng {chosen}."),
    # mapping
    "map.fuzzy": ("info", "'{label}' được gắn với {code} ({name}) — độ tin cậy {score}."),
    "map.low_confidence": ("warning", "'{label}' gần giống {code} ({name}) — độ tin cậy "
                                      "{score}, chưa đủ để tự gắn: giữ là chỉ tiêu riêng của "
                                      "xã; hãy chọn chỉ tiêu chuẩn nếu đúng."),
    "map.local": ("info", "'{label}' không khớp chỉ tiêu chuẩn nào: giữ là chỉ tiêu riêng "
                          "của xã."),
    "map.unknown_code": ("error", "Mã chỉ tiêu '{code}' không có trong danh mục: chọn mã "
                                  "trong danh sách thả xuống hoặc để trống."),
    "map.unit_mismatch": ("warning", "Đơn vị '{unit}' khác đơn vị của chỉ tiêu chuẩn "
                                     "{code} ('{catalog_unit}')."),
    # budget
    "budget.no_amount": ("warning", "Nhiệm vụ không có số tiền dự toán."),
    # odd and hostile input (issue 9)
    "value.number_ambiguous": ("warning", "Số '{text}' có thể là {a} (dấu phẩy thập phân) hoặc "
                                          "{b} (dấu phẩy ngăn cách hàng nghìn); dùng {chosen}: "
                                          "viết '{b_vn}' nếu là {b}."),
    "file.empty": ("error", "Tệp rỗng ({size} byte): không có nội dung nào để đọc; hãy lưu lại "
                            "tệp Excel rồi tải lên."),
    "file.ods": ("error", "Đây là bảng tính OpenDocument (.ods, LibreOffice/OpenOffice) đổi "
                          "đuôi thành .xlsx: mở bằng LibreOffice hoặc Excel, chọn Lưu thành "
                          "'Excel 2007-365 (.xlsx)' rồi tải lại."),
    "file.strict_ooxml": ("error", "Tệp được lưu ở dạng 'Strict Open XML Spreadsheet', chưa "
                                   "đọc được: mở bằng Excel, Lưu thành 'Excel Workbook "
                                   "(.xlsx)' rồi tải lại."),
    "file.too_many_rows": ("error", "Sheet có dữ liệu ở dòng {row_no}, vượt giới hạn {limit} dòng "
                                    "mỗi sheet: không nạp gì từ tệp này; hãy tách tệp hoặc "
                                    "xoá các dòng thừa."),
    "file.too_many_columns": ("error", "Sheet có dữ liệu ở cột thứ {col_no}, vượt giới hạn {limit} "
                                       "cột mỗi sheet: không nạp gì từ tệp này; hãy xoá các "
                                       "cột thừa hoặc chuyển bảng sang sheet khác."),
    "file.merged_sheet": ("error", "Vùng gộp ô {ref} phủ gần hết sheet nên Excel chỉ giữ giá "
                                   "trị ô đầu tiên và không còn bảng nào: bỏ gộp ô (Unmerge), "
                                   "nhập lại bảng rồi tải lên."),
    "value.formula_like": ("warning", "Giá trị '{text}' trông như một công thức hay lệnh của "
                                      "bảng tính, không phải số: giữ nguyên dạng chữ, không "
                                      "tính; kiểm tra lại ô này."),
    "context.year_implausible": ("error", "Năm {year} ({where}) nằm ngoài khoảng hợp lý "
                                          "{first}–{last}: kiểm tra lại (gõ nhầm?)."),
    # context and register (issue 8)
    "context.commune_ambiguous": ("error", "Có {n} đơn vị cấp xã tên '{name}': {candidates}. "
                                           "{hint}"),
    "context.province_mismatch": ("error", "Tỉnh '{province}' ({source}) không khớp danh mục "
                                           "đơn vị hành chính: '{name}' là {register}. Sửa "
                                           "tỉnh hoặc tên xã trong tệp."),
    "context.commune_unknown": ("error", "'{name}' không có trong danh mục 3.321 đơn vị cấp xã "
                                         "(từ 01/7/2025) của {scope}, kể cả các đơn vị trước "
                                         "sắp xếp; gần giống: {suggestions}. Sửa tên xã hoặc "
                                         "dùng --commune."),
    "context.commune_dissolved": ("warning", "{old} (mã {old_code}) không còn từ 01/7/2025: "
                                             "đã sắp xếp vào {new}{others}. Dữ liệu giữ tên "
                                             "cũ; mã xã gắn theo đơn vị mới."),
    "context.old_province": ("warning", "Tỉnh '{old}' (trước 01/7/2025) nay thuộc {new}: "
                                        "dùng {new}."),
    "context.commune_kind_differs": ("warning", "Tệp ghi '{kind} {name}', danh mục có {unit}: "
                                                "dùng đơn vị này."),
    "context.commune_spelling": ("warning", "'{given}' viết khác danh mục: hiểu là {unit}."),
    "context.synthetic_commune": ("info", "Dữ liệu mô phỏng: '{name}' là tên giả định, không "
                                          "tra danh mục đơn vị hành chính và không có mã xã."),
    "context.commune_is_province": ("info", "Tên xã '{name}' trùng tên tỉnh {province_name}: "
                                            "không lấy làm tỉnh của xã."),
    # column roles and self-checks (issue 8)
    "column.role_doubt": ("confirm", "Cột '{header}' được hiểu là {role}{year} ({reason}) nhưng "
                                     "{doubt}: xác nhận, hoặc chọn vai trò đúng cho cột này ở "
                                     "trang tải lên (CLI: --role {letter}=VAI_TRÒ)."),
    "budget.line_total_mismatch": ("error", "Cột '{header}' ghi tổng {stated} triệu đồng nhưng "
                                            "các nguồn cộng lại {computed} ({sources})."),
    "row.total_mismatch": ("error", "Dòng '{label}' ghi {stated} triệu đồng ở cột '{header}' "
                                    "nhưng {n} dòng của bảng cộng lại {computed}: có dòng bị đọc "
                                    "sai, bỏ sót hoặc tính hai lần."),
    "row.total_checked": ("info", "Dòng '{label}': {stated} triệu đồng ở cột '{header}' khớp "
                                  "tổng các dòng."),
    "section.count_mismatch": ("confirm", "Mục '{section}' ghi {declared} chỉ tiêu nhưng đọc "
                                          "được {found} dòng dưới mục này (dòng {rows}): kiểm "
                                          "tra xem có dòng nào bị bỏ sót hay đọc nhầm rồi xác "
                                          "nhận."),
    "table.duplicate_indicator": ("warning", "Chỉ tiêu '{label}' có hai lần trong bảng với giá "
                                             "trị khác nhau: '{first}' (dòng {first_row}) và "
                                             "'{second}' (dòng {second_row})."),
    "file.no_rows": ("error", "Tìm thấy bảng nhưng không đọc được chỉ tiêu, kết quả hay dòng "
                              "kinh phí nào có giá trị: không có gì để nạp."),
    "table.title_year_mismatch": ("confirm", "Tiêu đề ghi năm {title_years} nhưng cột "
                                             "'{header}' là năm {column_year}: xác nhận, hoặc "
                                             "chọn năm đúng cho cột ở trang tải lên."),
}


# code -> English message template, the same named params as the Vietnamese one in CODES. The
# message stored with a problem is Vietnamese (made when the problem is found); a problem's
# code and params are stored with it, so the UI renders it in its own language (:func:`render`).
# A test checks that every code has both templates with the same params.
EN: dict[str, str] = {
    # file level
    "file.not_found": "File not found.",
    "file.too_large": "The file is {size_mb} MB, over the {limit_mb} MB limit.",
    "file.not_xlsx": "Not an Excel .xlsx file: {detail}",
    "file.xls": "Excel 97-2003 (.xls) files are not supported yet: open it in Excel and save it "
                "as .xlsx.",
    "file.csv": "CSV/text files are not supported: use the .xlsx template.",
    "file.encrypted": "The file is password-protected: remove the password and upload again.",
    "file.zip_bomb": "Abnormal compressed file ({detail}); refused to protect the system.",
    "file.corrupt": "Cannot read the Excel file: {detail}",
    "file.no_table": "No table of targets, results or budget found: a header row needs columns "
                     "such as 'Chỉ tiêu' and 'Mục tiêu <year>', 'Kết quả', or 'Dự toán kinh "
                     "phí'.",
    "file.synthetic": "The file says '{text}': this is synthetic data and is not loaded as real "
                      "figures. Load it with `python -m etl load --synthetic` (every page then "
                      "says 'Dữ liệu mô phỏng') or into a synthetic database.",
    "file.synthetic_labelled": "The file says '{text}': loaded labelled as synthetic data "
                               "(synthetic = TRUE; every page says 'Dữ liệu mô phỏng').",
    # context
    "context.no_commune": "Cannot tell the commune's name: add a title row 'ỦY BAN NHÂN DÂN XÃ "
                          "…', a 'Thông tin chung' sheet, or use --commune.",
    "context.no_province": "Cannot tell the province: add 'Tỉnh: …' to the 'Thông tin chung' "
                           "sheet or use --province.",
    "context.no_year": "Cannot tell the year of column '{column}': put the year in the column "
                       "header (e.g. 'Mục tiêu 2026') or use --year.",
    "context.override": "{field}: the file says '{found}', using '{given}' as chosen.",
    "context.unknown_province": "Province '{province}' is not among the 34 provinces and "
                                "cities.",
    # table structure
    "table.header_found": "Table '{kind}' at header rows {header_rows}: {mapping}.",
    "table.no_label_column": "The table has no indicator/task name column.",
    "table.empty": "Table '{kind}' has no data rows.",
    "table.ignored_column": "Column '{header}' ignored (not recognised).",
    # rows
    "row.total_skipped": "Total row '{label}' is not a data row.",
    "row.example_skipped": "Template example row (STT 'Ví dụ'): skipped.",
    "row.no_value": "The indicator has a name but no value in column '{column}'.",
    "row.value_without_label": "Value '{value}' has no indicator name.",
    "row.formula_no_value": "The cell holds formula '{formula}' but no computed value: open the "
                            "file in Excel, save it and upload again.",
    "row.excel_error": "The cell holds Excel error '{value}'.",
    "row.unknown_flag": "Data flag '{flag}' is not in the list ({known}): kept, check the "
                        "spelling.",
    # values
    "value.qualitative": "Qualitative value '{text}' kept as text.",
    "value.percent_over_100": "Percentage {value}% is over 100%.",
    "value.fraction_mismatch": "Fraction {fraction} = {computed}% but the text says {stated}%.",
    "value.conflict": "Two different values for the same indicator and period: '{first}' (row "
                      "{first_row}) and '{second}' (row {second_row}).",
    "value.two_measures": "Two measures of different kinds for the same indicator and period: "
                          "'{first}' (row {first_row}) and '{second}' (row {second_row}); both "
                          "kept.",
    "value.amount_unparsed": "Cannot read the amount '{text}' (million VND).",
    "value.amount_ambiguous": "Amount '{text}' may be {a} or {b}; using {chosen}.",
    # mapping
    "map.fuzzy": "'{label}' matched to {code} ({name}) — confidence {score}.",
    "map.low_confidence": "'{label}' resembles {code} ({name}) — confidence {score}, not enough "
                          "to match on its own: kept as a commune-specific indicator; choose the "
                          "canonical indicator if it is right.",
    "map.local": "'{label}' matches no canonical indicator: kept as a commune-specific "
                 "indicator.",
    "map.unknown_code": "Indicator code '{code}' is not in the catalogue: pick a code from the "
                        "drop-down list or leave it empty.",
    "map.unit_mismatch": "Unit '{unit}' differs from the unit of canonical indicator {code} "
                         "('{catalog_unit}').",
    # budget
    "budget.no_amount": "The task has no budget amount.",
    # odd and hostile input (issue 9)
    "value.number_ambiguous": "Number '{text}' may be {a} (decimal comma) or {b} (thousands "
                              "comma); using {chosen}: write '{b_vn}' if it is {b}.",
    "file.empty": "Empty file ({size} bytes): nothing to read; save the Excel file again and "
                  "upload it.",
    "file.ods": "This is an OpenDocument spreadsheet (.ods, LibreOffice/OpenOffice) renamed to "
                ".xlsx: open it in LibreOffice or Excel, Save As 'Excel 2007-365 (.xlsx)' and "
                "upload again.",
    "file.strict_ooxml": "The file is saved as 'Strict Open XML Spreadsheet', which cannot be "
                         "read yet: open it in Excel, Save As 'Excel Workbook (.xlsx)' and "
                         "upload again.",
    "file.too_many_rows": "The sheet has data in row {row_no}, over the limit of {limit} rows "
                          "per sheet: nothing is loaded from this file; split the file or "
                          "delete the extra rows.",
    "file.too_many_columns": "The sheet has data in column {col_no}, over the limit of {limit} "
                             "columns per sheet: nothing is loaded from this file; delete the "
                             "extra columns or move the table to another sheet.",
    "file.merged_sheet": "Merged range {ref} covers almost the whole sheet, so Excel keeps only "
                         "the first cell's value and no table is left: unmerge the cells, "
                         "re-enter the table and upload again.",
    "value.formula_like": "Value '{text}' looks like a spreadsheet formula or command, not a "
                          "number: kept as text, not evaluated; check this cell.",
    "context.year_implausible": "Year {year} ({where}) is outside the plausible range "
                                "{first}–{last}: check it (a typo?).",
    # context and register (issue 8)
    "context.commune_ambiguous": "{n} commune-level units are named '{name}': {candidates}. "
                                 "{hint}",
    "context.province_mismatch": "Province '{province}' ({source}) does not match the register "
                                 "of administrative units: '{name}' is {register}. Correct the "
                                 "province or the commune name in the file.",
    "context.commune_unknown": "'{name}' is not in the register of 3,321 commune-level units "
                               "(since 1 July 2025) of {scope}, including the units before the "
                               "reorganisation; closest: {suggestions}. Correct the commune "
                               "name or use --commune.",
    "context.commune_dissolved": "{old} (code {old_code}) no longer exists since 1 July 2025: "
                                 "merged into {new}{others}. The data keeps the old name; the "
                                 "commune code follows the new unit.",
    "context.old_province": "Province '{old}' (before 1 July 2025) is now part of {new}: using "
                            "{new}.",
    "context.commune_kind_differs": "The file says '{kind} {name}', the register has {unit}: "
                                    "using that unit.",
    "context.commune_spelling": "'{given}' is spelled differently from the register: read as "
                                "{unit}.",
    "context.synthetic_commune": "Synthetic data: '{name}' is a made-up name, not looked up in "
                                 "the register of administrative units and given no commune "
                                 "code.",
    "context.commune_is_province": "Commune name '{name}' is also the name of province "
                                   "{province_name}: not taken as the commune's province.",
    # column roles and self-checks (issue 8)
    "column.role_doubt": "Column '{header}' was read as {role}{year} ({reason}) but {doubt}: "
                         "confirm, or choose the right role for this column on the upload page "
                         "(CLI: --role {letter}=ROLE).",
    "budget.line_total_mismatch": "Column '{header}' states a total of {stated} million VND but "
                                  "the sources add up to {computed} ({sources}).",
    "row.total_mismatch": "Row '{label}' states {stated} million VND in column '{header}' but "
                          "the table's {n} rows add up to {computed}: a row was misread, missed "
                          "or counted twice.",
    "row.total_checked": "Row '{label}': {stated} million VND in column '{header}' matches the "
                         "sum of the rows.",
    "section.count_mismatch": "Section '{section}' declares {declared} indicators but {found} "
                              "rows were read under it (rows {rows}): check whether a row was "
                              "missed or misread, then confirm.",
    "table.duplicate_indicator": "Indicator '{label}' appears twice in the table with different "
                                 "values: '{first}' (row {first_row}) and '{second}' (row "
                                 "{second_row}).",
    "file.no_rows": "Tables were found but no target, result or budget line with a value could "
                    "be read: nothing to load.",
    "table.title_year_mismatch": "The title says year {title_years} but column '{header}' is "
                                 "year {column_year}: confirm, or choose the right year for the "
                                 "column on the upload page.",
}


# Param values that are Vietnamese words the code chose (never text from the file), by param
# name, with their English: render(lang="en") puts these in. Text from a file stays as typed;
# longer phrases the code builds (a column's reason, the candidates of an ambiguous name) stay
# Vietnamese inside the English message.
PARAM_WORDS_EN: dict[str, dict[str, str]] = {
    "field": {"Xã": "Commune", "Tỉnh": "Province"},  # context.override
    "where": {"năm kế hoạch của bảng kinh phí": "the budget table's plan year"},
    "detail": {"định dạng không nhận ra": "unrecognised format",
               "đây là tệp Word (.docx)": "this is a Word document (.docx)",
               "thiếu xl/workbook.xml": "xl/workbook.xml is missing",
               "XML có khai báo thực thể (XML bomb)": "the XML declares entities (XML bomb)"},
    "role": {  # etl/detect.py ROLE_NAMES (column.role_doubt)
        "tên chỉ tiêu/nhiệm vụ": "indicator/task name", "mục tiêu": "target",
        "kết quả": "result", "đánh giá": "assessment", "đơn vị tính": "unit",
        "đơn vị chủ trì": "lead unit", "đơn vị phối hợp": "partner unit",
        "kinh phí (theo nguồn)": "amount (by source)", "tổng kinh phí của dòng": "line total",
        "nguồn kinh phí (chữ)": "funding source (text)", "số thứ tự": "row number",
        "mã chỉ tiêu": "indicator code", "nhóm DTI": "DTI group", "ghi chú": "note",
        "giải thích": "explanation", "thông tin thêm": "extra information",
        "mục tiêu nhiệm vụ": "task objective", "kết quả dự kiến": "expected result",
        "trạng thái": "status", "nguồn (mục văn bản)": "source (document section)",
        "căn cứ": "legal basis", "nhiệm vụ thực hiện": "tasks",
        "điểm tối đa (thang điểm, không nạp)": "maximum points (scale, not loaded)",
        "bỏ qua": "ignored"},
}
LANGS = ("vi", "en")
_WHERE = {"vi": ("sheet '{sheet}'", "dòng {row}", "cột {column}"),
          "en": ("sheet '{sheet}'", "row {row}", "column {column}")}


def template(problem_code: str, lang: str = "vi") -> str:
    """The message template of a code in ``lang`` (Vietnamese when there is no other)."""
    vi = CODES[problem_code][1]
    return EN.get(problem_code, vi) if lang == "en" else vi


def render(problem_code: str, params: dict | None, lang: str = "vi", fallback: str = "") -> str:
    """A problem's message in ``lang`` from its code and named params.

    ``params`` None means the problem was stored before params were (an import by an earlier
    release): its stored Vietnamese text ``fallback`` is shown as it is. So is a code this
    version no longer knows, or params that do not fill the template."""
    if params is None or problem_code not in CODES:
        return fallback
    if lang == "en":
        params = {k: PARAM_WORDS_EN.get(k, {}).get(v, v) if isinstance(v, str) else v
                  for k, v in params.items()}
    try:
        return template(problem_code, lang).format(**params)
    except (KeyError, IndexError, ValueError):
        return fallback


def where_text(file: str = "", sheet: str = "", row: int | None = None, column: str = "",
               lang: str = "vi") -> str:
    """'file, sheet 'X', dòng 5, cột C' (English: row, column), the Excel coordinates."""
    s, r, c = _WHERE.get(lang, _WHERE["vi"])
    parts = [file] if file else []
    if sheet:
        parts.append(s.format(sheet=sheet))
    if row is not None:
        parts.append(r.format(row=row))
    if column:
        parts.append(c.format(column=column))
    return ", ".join(parts)


def params_json(params: dict | None) -> str:
    """Params as stored with a problem (JSON; a value JSON cannot hold is kept as its text)."""
    return json.dumps(params or {}, ensure_ascii=False, default=str)


def params_from_json(text: str | None) -> dict | None:
    """Stored params back (None for a row stored without them)."""
    if text is None or (isinstance(text, float) and text != text):  # NULL, or NaN from pandas
        return None
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


@dataclass(frozen=True)
class Problem:
    code: str
    severity: Severity
    message: str  # in Vietnamese, as made; text(lang) renders it in another language
    file: str = ""
    sheet: str = ""
    row: int | None = None  # 1-based Excel row
    column: str = ""  # Excel column letter(s)
    params: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def where(self) -> str:
        return self.where_in("vi")

    def where_in(self, lang: str = "vi") -> str:
        return where_text(self.file, self.sheet, self.row, self.column, lang)

    def text(self, lang: str = "vi") -> str:
        """The message in ``lang`` (the Vietnamese one is ``message``)."""
        return self.message if lang == "vi" else render(self.code, self.params, lang,
                                                        self.message)

    def line(self, lang: str = "vi") -> str:
        """'[severity] code: where: message', as the CLI prints it."""
        where = self.where_in(lang)
        return f"[{self.severity}] {self.code}: {where + ': ' if where else ''}{self.text(lang)}"

    def __str__(self) -> str:
        return self.line("vi")

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("params")
        return d


def make(problem_code: str, /, *, file: str = "", sheet: str = "", row: int | None = None,
         col: int | str | None = None, severity: Severity | None = None, **params) -> Problem:
    """Build a Problem from its code; ``col`` may be a 1-based index or a letter."""
    default_sev, template = CODES[problem_code]
    column = get_column_letter(col) if isinstance(col, int) else (col or "")
    return Problem(code=problem_code, severity=severity or default_sev,
                   message=template.format(**params), file=file, sheet=sheet, row=row,
                   column=column, params=params)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)
