"""Nam Đàn (Nghệ An) — Kế hoạch chuyển đổi số năm 2026, Phụ lục 01.

Source: ../shared/seeds/000_377450747351a973.txt (appendix "PHỤ LỤC 01", at the end of the
text). The appendix is a 4-column table: TT | Chỉ tiêu | Mục tiêu 2026 | Đơn vị chủ trì tham
mưu. It opens with a Roman section "I Hạ tầng số"; the later sections are numbered in the same
sequence as the indicators (5, 12, 32, 35) and carry no target.

Labels are the document's wording; the PDF's hard line breaks are joined with one space (a
break right after a hyphen, as in "HĐND-" / "UBND", is joined without a space). A few of the
longest labels carry an Alt+Enter line break, as typed in the office.
"""
from __future__ import annotations

from openpyxl.styles import Alignment

from tools.seed_workbooks.common import (
    Provenance,
    SourceNote,
    data_row,
    header_cell,
    new_workbook,
    provenance_sheet,
    save,
    section_row,
    set_widths,
    title_rows,
)

DOCUMENT = "000_377450747351a973.txt"
OUTPUT = "nam_dan_2026_ke_hoach.xlsx"
SHEET = "Phụ lục 01"
WIDTH = 4

TITLE = [
    "ỦY BAN NHÂN DÂN XÃ NAM ĐÀN",
    "PHỤ LỤC 01",
    "Danh mục các Chỉ tiêu, mục tiêu Chuyển đổi số xã Nam Đàn năm 2026",
    "(Ban hành kèm theo Kế hoạch số: /KH-UBND ngày tháng 01 năm 2026 của UBND xã Nam Đàn)",
]

HEADER = ["TT", "Chỉ tiêu", "Mục tiêu 2026", "Đơn vị chủ trì tham mưu"]

HT = "Hoàn thành"
PB = "Các phòng, ban, ngành, đơn vị"
CQ = "Các cơ quan, tổ chức trong hệ thống chính trị"
TT_PB = "Trung tâm PVHCC, Các phòng, ban, ngành."

# (TT, label, target, lead unit); target None = numbered section row.
ROWS: list[tuple[int, str, str | None, str | None]] = [
    (1, "Có đài truyền thanh ứng dụng công nghệ thông tin - viễn thông kết nối với hệ thống "
        "thông tin nguồn, phủ sóng đến 100% xóm", HT, "Phòng VHXH"),
    (2, "Có Bảng điện tử công cộng đáp ứng yêu cầu kết nối đến Hệ thống thông tin nguồn của "
        "tỉnh", HT, "Phòng VHXH"),
    (3, "Triển khai ít nhất một hạng mục hạ tầng số (hạ tầng vật lý - số, khuyến khích tích hợp "
        "AI) phục vụ phát triển kinh tế - xã hội, bảo đảm an ninh, trật tự\n(Camera giám sát, "
        "chiếu sáng, nông nghiệp, du lịch, môi trường...)", HT, "Phòng Kinh tế"),
    (4, "Trung tâm phục vụ hành chính công cấp xã đảm bảo cơ sở vật chất, hạ tầng, đường truyền "
        "theo quy định", HT, "Trung tâm PVHCC"),
    (5, "Nhận thức số, nhân lực số", None, None),
    (6, "Tỷ lệ lãnh đạo, cán bộ, công chức các đơn vị (cấp xã) xử lý hồ sơ công việc trên môi "
        "trường mạng và sử dụng chữ ký số để giải quyết công việc.", "100%", PB),
    (7, "Tỷ lệ cơ quan, tổ chức trong hệ thống chính trị xây dựng kế hoạch hoặc đưa nhiệm vụ "
        "chuyển số vào nghị quyết, kế hoạch thực hiện hàng năm", "100%", CQ),
    (8, "Tỷ lệ cán bộ, công chức, viên chức trong các cơ quan, tổ chức được đào tạo, tập huấn, "
        "bồi dưỡng và nắm rõ kiến thức, kỹ năng cơ bản về chuyển đổi số và an toàn thông tin",
        "100%", CQ),
    # The text extraction splits this label around its target and lead unit; joined here.
    (9, "Tỷ lệ cán bộ, công chức, viên chức tham gia học tập trên các nền tảng số trực tuyến "
        "trên nền tảng Bình dân học vụ số hoặc các nền tảng số khác (hoàn thành và được nền tảng "
        "số xác nhận)", "100%", CQ),
    (10, "Tỷ lệ ban cán sự xóm, tổ công nghệ số cộng đồng và các tổ chức khác ở cấp xã được tập "
         "huấn, hướng dẫn, phổ biến kỹ năng số cơ bản và an toàn thông tin", "100%",
         "Phòng Văn hóa Xã hội"),
    (11, "Tỷ lệ các cơ sở giáo dục, đào tạo đưa tin học, công nghệ thông tin, chuyển đổi số vào "
         "chương trình chính thức.", "100%", "Các cơ sở giáo dục, đào tạo, phòng VHXH"),
    (12, "Xây dựng Chính phủ số, Chính quyền số, chuyển đổi số phục vụ cải cách hành chính",
     None, None),
    (13, "Tỷ lệ người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh và xác "
         "thực điện tử thông suốt, hợp nhất tất cả các hệ thống thông tin các cấp chính quyền "
         "từ Trung ương đến địa phương", "100%", "Trung tâm PVHCC"),
    (14, "Cán bộ, công chức, viên chức theo phân công làm chủ các hệ thống thông tin, kỹ năng số "
         "trong quản lý, điều hành", "80%", PB),
    (15, "Tỷ lệ các tổ chức, cá nhân thuộc diện được cấp chữ ký số chuyên dùng, chữ ký số công "
         "vụ được trang bị kịp thời phục vụ công việc", "100%", CQ),
    (16, "Tỷ lệ cán bộ, công chức có tài khoản và sử dụng hộp thư công vụ của tỉnh "
         "\".nghean.gov.vn\"", "100%", PB),
    (17, "Đơn giản hoá thủ tục hành chính nhằm cắt giảm 40% thời gian, chi phí giải quyết thủ "
         "tục hành chính", "40%", TT_PB),
    (18, "Thủ tục hành chính liên quan đến doanh nghiệp được thực hiện trực tuyến, thông suốt, "
         "liền mạch, hiệu quả, minh bạch các quy trình giải quyết thủ tục hành chính trên Hệ "
         "thống thông tin giải quyết thủ tục hành chính;\nkhai thác, sử dụng lại các thông tin, "
         "dữ liệu đã số hóa để giảm tối đa giấy tờ", "100%", TT_PB),
    (19, "Tỷ lệ thủ tục hành chính được rà soát, tái cấu trúc quy trình, nâng cao chất lượng "
         "cung cấp trên môi trường điện tử trên cơ sở tái sử dụng thông tin, dữ liệu đã được số "
         "hóa, sử dụng biểu mẫu điện tử tương tác để cung cấp dịch vụ công trực tuyến toàn "
         "trình.", "100%", TT_PB),
    (20, "Thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính để bảo đảm dữ liệu "
         "“đúng, đủ, sạch, sống”, kết nối, chia sẻ dữ liệu phục vụ thực hiện thủ tục hành "
         "chính, cung cấp dịch vụ công", "95%", TT_PB),
    (21, "Đổi mới toàn diện việc tiếp nhận, giải quyết, trả kết quả thực hiện thủ tục hành "
         "chính theo hướng 100% thủ tục hành chính được thực hiện không phụ thuộc vào địa giới "
         "hành chính trên địa bàn tỉnh", HT, TT_PB),
    (22, "100% phương án về phân cấp, ủy quyền thẩm quyền giải quyết thủ tục hành chính", HT,
     TT_PB),
    (23, "Công bố, công khai đầy đủ các thủ tục hành chính nội bộ trong từng cơ quan hành chính "
         "nhà nước", HT, TT_PB),
    (24, "Hoàn thành phương án cắt giảm, đơn giản hóa thủ tục hành chính nội bộ trong các cơ "
         "quan hành chính nhà nước", HT, TT_PB),
    (25, "Tỷ lệ hồ sơ nộp và giải quyết trực tuyến của tổ chức, cá nhân.", "80%",
     "Trung tâm PVHCC"),
    (26, "Tỷ lệ cấp kết quả giải quyết thủ tục hành chính điện tử", "95%", "Trung tâm PVHCC"),
    (27, "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hoá trong giải quyết thủ "
         "tục hành chính, dịch vụ công", "90%", "Trung tâm PVHCC"),
    (28, "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công", "90%",
     "Trung tâm PVHCC"),
    (29, "Tỉ lệ các cơ quan nhà nước thực hiện chỉ đạo, điều hành, quản trị nội bộ trên môi "
         "trường điện tử", "100%", PB),
    (30, "Tỷ lệ dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều "
         "kiện", "≥ 80%", "Trung tâm phục vụ HCC"),
    (31, "Chỉ số chuyển đổi số cấp xã", "Thứ 20-30", "Phòng VHXH"),
    (32, "An toàn thông tin", None, None),
    (33, "Nâng cấp hệ thống mạng LAN nội bộ cơ quan HĐND-UBND xã.", HT,
     "Văn phòng HĐND-UBND xã"),
    (34, "Lập hồ sơ phê duyệt cấp độ An toàn thông tin cho hệ thống mạng LAN nội bộ cơ quan "
         "HĐND-UBND xã", "100%", "Văn phòng HĐND-UBND xã, Phòng VHXH"),
    (35, "Kinh tế số và xã hội số", None, None),
    (36, "Tỷ lệ công dân đủ điều kiện được cấp thẻ Căn cước (Nhiệm vụ Đề án 06)", "100%",
     "Công an xã"),
    (37, "Triển khai các tiện ích tích hợp trên Ứng dụng định danh điện tử (VNeID) để hình "
         "thành hệ sinh thái cung cấp dịch vụ công, dịch vụ thương mại điện tử, nền tảng thanh "
         "toán điện tử, thanh toán không dùng tiền mặt và thay thế các loại giấy tờ của công "
         "dân trong các giao dịch điện tử\n(Nhiệm vụ Đề án 06).", HT, "Công an xã"),
    (38, "Thanh toán, chi trả không dùng tiền mặt trên mọi lĩnh vực của đời sống xã hội như y "
         "tế, giáo dục, bảo hiểm, chi trả an sinh xã hội, ngân hàng…);.", "50-80%", PB),
    (39, "Bảo đảm khả năng tiếp cận các dịch vụ số cho 100% dân số trưởng thành: Chăm sóc sức "
         "khỏe từ xa; Học tập trực tuyến; Giao dịch tài chính; Thương mại điện tử...", "80%",
         "Trạm y tế, Các trường học; HTX, Quỹ tín dụng, ngân hàng"),
    (40, "Tỷ lệ doanh nghiệp nhỏ và vừa được đánh giá mức độ chuyển đổi số trực tuyến hoặc "
         "trực tiếp hàng năm", "≥ 15%", "Phòng Kinh tế"),
    (41, "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID) (Nhiệm vụ Đề án 06)", "100%",
     "Công an xã"),
    (42, "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ "
         "chức được phép khác", "80%", "Ngân hàng, Quỹ tín dụng, HTX"),
    (43, "Tỷ lệ người dân có số sức khoẻ điện tử", "95%", "Các Trạm y tế xã"),
]

CAVEATS = [
    "Số và ngày của Kế hoạch để trống trong văn bản nguồn (\"Kế hoạch số: /KH-UBND ngày tháng "
    "01 năm 2026\"); giữ nguyên chỗ trống ở dòng tiêu đề.",
    "Phụ lục chỉ có một mục La Mã (\"I Hạ tầng số\"); các mục sau được đánh số chung với chỉ "
    "tiêu (5 \"Nhận thức số, nhân lực số\", 12 \"Xây dựng Chính phủ số, Chính quyền số, chuyển "
    "đổi số phục vụ cải cách hành chính\", 32 \"An toàn thông tin\", 35 \"Kinh tế số và xã hội "
    "số\") và không có mục tiêu; ghi là dòng mục, giữ số thứ tự ở cột TT. Vì vậy 43 dòng đánh "
    "số nhưng chỉ 39 chỉ tiêu có mục tiêu.",
    "TT 9: bản trích xuất văn bản tách tên chỉ tiêu làm hai đoạn quanh ô mục tiêu và đơn vị "
    "chủ trì (\"... Bình dân học vụ số\" / \"hoặc các nền tảng số khác (hoàn thành và được nền "
    "tảng số xác nhận)\"); đã ghép lại thành một tên chỉ tiêu.",
    "TT 39: tên chỉ tiêu ghi \"cho 100% dân số trưởng thành\" nhưng cột Mục tiêu 2026 ghi "
    "\"80%\"; giữ nguyên cả hai như văn bản, không tự điều chỉnh.",
    "TT 1, 21, 22: tên chỉ tiêu có chứa \"100%\" (\"100% xóm\", \"100% thủ tục hành chính\", "
    "\"100% phương án\") nhưng mục tiêu ghi \"Hoàn thành\"; giữ nguyên.",
    "TT 38 kết thúc bằng \"ngân hàng…);.\" (ngoặc đơn không có mở ngoặc); giữ nguyên.",
    "Giữ nguyên lỗi chính tả của văn bản: \"chuyển số\" (TT 7, đúng ra là \"chuyển đổi "
    "số\"), \"số sức khoẻ điện tử\" (TT 43, có lẽ là \"sổ sức khoẻ điện tử\"), \"Tỉ lệ\" "
    "(TT 29).",
    "Cùng một đơn vị được ghi theo nhiều cách: \"Trung tâm PVHCC\" / \"Trung tâm phục vụ HCC\" "
    "(TT 30); \"Phòng VHXH\" / \"Phòng Văn hóa Xã hội\" (TT 10); giữ nguyên cách ghi của "
    "từng dòng.",
    "Mục tiêu TT 31 (\"Thứ 20-30\") bị ngắt dòng trong văn bản (\"Thứ 20-\" / \"30\"); đã "
    "ghép lại. TT 33 \"HĐND-\" / \"UBND\" ghép thành \"HĐND-UBND\".",
]


def build():
    wb = new_workbook()
    ws = wb.create_sheet(SHEET)
    row = title_rows(ws, TITLE, WIDTH)
    row += 1  # one blank row before the header
    header_row = row
    for col, text in enumerate(HEADER, start=1):
        header_cell(ws, header_row, col, text)
    row += 1
    first = row
    section_row(ws, row, "I", "Hạ tầng số", WIDTH)
    row += 1
    for tt, label, target, lead in ROWS:
        if target is None:
            section_row(ws, row, str(tt), label, WIDTH)
        else:
            data_row(ws, row, [tt, label, target, lead])
            ws.cell(row=row, column=3).alignment = Alignment(horizontal="center", vertical="center",
                                                              wrap_text=True)
        row += 1
    last = row - 1
    set_widths(ws, [6, 72, 14, 30])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)

    n_sections = sum(1 for r in ROWS if r[2] is None)
    provenance_sheet(wb, Provenance(
        commune="Nam Đàn",
        province="Nghệ An",
        period="2026",
        document=DOCUMENT,
        kind="Kế hoạch",
        notes=[SourceNote(
            sheet=SHEET,
            rows=f"{first}-{last}",
            document=DOCUMENT,
            section="Phụ lục 01",
            note=(f"Danh mục các Chỉ tiêu, mục tiêu Chuyển đổi số xã Nam Đàn năm 2026: mục I và "
                  f"{len(ROWS)} dòng đánh số ({n_sections} dòng mục: 5, 12, 32, 35; "
                  f"{len(ROWS) - n_sections} chỉ tiêu có mục tiêu)"),
        )],
        caveats=CAVEATS,
    ))
    return wb


def main() -> None:
    path = save(build(), OUTPUT)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
