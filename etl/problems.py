"""Problems are collected, not raised: each has a stable code, a message and Excel coordinates.

Modelled on frictionless-py's error objects: a run of the ETL returns every problem it found
so an analyst can fix them all at once. ``severity`` decides what happens: an ``error`` blocks
loading the file, ``confirm`` blocks it until the analyst confirms (review page, or
``--confirm`` on the CLI), a ``warning`` is loaded and shown, ``info`` is only shown.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

from openpyxl.utils import get_column_letter

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


@dataclass(frozen=True)
class Problem:
    code: str
    severity: Severity
    message: str
    file: str = ""
    sheet: str = ""
    row: int | None = None  # 1-based Excel row
    column: str = ""  # Excel column letter(s)
    params: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def where(self) -> str:
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.row is not None:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where
        return f"[{self.severity}] {self.code}: {where + ': ' if where else ''}{self.message}"

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
