"""Hợp Minh (Nghệ An) — Kế hoạch triển khai công tác chuyển đổi số, tháng 7 năm 2025.

Source: ../shared/seeds/001_150845d5ee110408.txt. The plan has no appendix table: its targets
are bullet points in section II.2 "Mục tiêu cụ thể" under three headings, plus one target in
the Công an xã tasks (section V.4). This workbook is what an analyst would type from it: one
row per target, the number and the unit in separate columns (ĐVT "%" and a bare number where
the bullet says "100% ..."), qualifiers kept as text ("Trên 85", "Tối thiểu 95"), and the
bullet's wording minus its leading number as the label.
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

DOCUMENT = "001_150845d5ee110408.txt"
OUTPUT = "hop_minh_2025_ke_hoach.xlsx"
SHEET = "Mục tiêu 2025"

TITLE = [
    "ỦY BAN NHÂN DÂN XÃ HỢP MINH",
    "CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ HỢP MINH NĂM 2025",
    "(Tổng hợp từ Kế hoạch triển khai công tác chuyển đổi số trên địa bàn xã Hợp Minh, tháng 7 "
    "năm 2025 — mục II.2)",
]

HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2025", "Nhóm DTI", "Nguồn (mục trong văn bản)",
          "Ghi chú"]
WIDTH = len(HEADER)

# "Nhóm DTI" is the analyst's column: the plan's three headings are not DTI groups, so each row
# says its group (the catalogue code's group wins where the row has one; this column is what
# places the commune-specific rows). One entry per row of SECTIONS, in order.
CQ, NL, AT, KT, XH = "Chính quyền số", "Nhân lực số", "An toàn thông tin mạng", "Kinh tế số", \
    "Xã hội số"
GROUPS = {
    "I": [CQ, CQ, CQ, CQ, CQ, CQ, NL, CQ],
    "II": [CQ, CQ, CQ, CQ, CQ, XH, XH, XH,
           KT,  # workers of businesses and cooperatives with digital skills, for production
           NL],
    "III": [CQ, AT, AT, AT, AT, AT, AT],
    "IV": [XH],
}

H1 = "Xây Dựng Chính Quyền Điện Tử"
H2 = "Mục tiêu phục vụ người dân và doanh nghiệp"
H3 = "Mục tiêu phát triển CNTT và bảo mật thông tin"


def src(heading: str, bullet: int) -> str:
    return f"II.2 – {heading}, gạch đầu dòng {bullet}"


# Sections: (number, heading, section reference for the provenance sheet, rows).
# Row: (label, ĐVT, target, source, note).
SECTIONS: list[tuple[str, str, str, list[tuple[str, str | None, object, str, str | None]]]] = [
    ("I", H1, f"Phần II, mục II.2 – \"{H1}\"", [
        ("văn bản không mật trình Ủy ban nhân dân phường, Chủ tịch UBND phường sử dụng dưới "
         "dạng điện tử", "%", 100, src(H1, 1), "Văn bản ghi \"Phấn đấu 100%\""),
        ("văn bản trao đổi giữa cơ quan UBND phường với các cơ quan nhà nước cấp thị xã dưới "
         "dạng điện tử có ứng dụng chữ ký số", "%", 100, src(H1, 2), None),
        ("văn bản trao đổi giữa các cơ quan, ban ngành nội bộ cấp phường hoàn toàn dưới dạng "
         "điện tử và có ứng dụng chữ ký số (không gửi văn bản giấy)", "%", 80, src(H1, 3), None),
        ("thông tin chỉ đạo điều hành, văn bản chỉ đạo điều hành, văn bản quy phạm pháp luật "
         "của phường được cung cấp trên Trang thông tin điện tử", "%", 100, src(H1, 4), None),
        ("cán bộ, công chức cơ quan chấp hành nghiêm túc việc triển khai ứng dụng văn bản điện "
         "tử liên thông trên phần mềm quản lý và điều hành", "%", 100, src(H1, 5), None),
        ("cán bộ, công chức sử dụng có hiệu quả hộp thư điện tử công vụ", "%", 100,
         src(H1, 6), None),
        ("cán bộ, công chức, viên chức và người lao động trong khu vực công có hiểu biết về "
         "chuyển đổi số, kiến thức và kỹ năng số, sử dụng được các nền tảng, dịch vụ số phục vụ "
         "công việc", "%", 95, src(H1, 7), None),
        ("ý kiến chỉ đạo điều hành và hoạt động kiểm tra của Chủ tịch, Phó Chủ tịch UBND phường "
         "được thực hiện thông qua môi trường số và hệ thống thông tin nội bộ của cơ quan "
         "phường", "%", "Trên 70", src(H1, 8), None),
    ]),
    ("II", H2, f"Phần II, mục II.2 – \"{H2}\"", [
        ("tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ giải quyết thủ tục hành chính "
         "(TTHC)", "%", 30, src(H2, 1), None),
        ("Tích hợp, kết nối đảm bảo cập nhật 100% các dịch vụ công được cung cấp trực tuyến mức "
         "độ 3,4 trên Trang thông tin điện tử", "%", 100, src(H2, 2),
         "Con số nằm giữa câu; giữ nguyên câu làm tên chỉ tiêu"),
        ("ứng dụng các dịch vụ công trực tuyến mức độ 3, 4 trên địa bàn", None, "Đẩy mạnh",
         src(H2, 3), "Không có con số; \"3, 4\" là mức độ dịch vụ công"),
        ("người dân và doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính", "%",
         "Tối thiểu 95", src(H2, 4), None),
        ("tỷ lệ dịch vụ công được hỗ trợ giải đáp thắc mắc cho người dân, doanh nghiệp", "%",
         100, src(H2, 5), None),
        ("người dân trong độ tuổi trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng "
         "số, sử dụng được thiết bị thông minh để khai thác thông tin,\nsử dụng nền tảng, dịch "
         "vụ số thiết yếu, biết bảo vệ bản thân trên môi trường số", "%", "Trên 85",
         src(H2, 6), None),
        ("dân số trưởng thành có điện thoại thông minh", "%", 85, src(H2, 7),
         "Văn bản ghi \"Phấn đấu 85%\"; cùng một gạch đầu dòng với chỉ tiêu tài khoản thanh "
         "toán điện tử (dòng sau)"),
        ("tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử", "%", "Trên 50",
         src(H2, 7),
         "Văn bản ghi \"... tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử trên "
         "50%\"; cùng một gạch đầu dòng với chỉ tiêu điện thoại thông minh (dòng trên)"),
        ("người lao động trong các doanh nghiệp, hợp tác xã, liên hợp tác xã có kiến thức cơ "
         "bản về công nghệ số, có kỹ năng số, sử dụng được thiết bị thông minh để phục vụ sản "
         "xuất, kinh doanh, nâng cao năng suất lao động", "%", 80, src(H2, 8), None),
        ("tỷ lệ người dân trong độ tuổi trưởng thành đạt phổ cập tri thức về chuyển đổi số, kỹ "
         "năng số trên nền tảng VNeID", None, "Trong nhóm dẫn đầu", src(H2, 9),
         "Văn bản ghi \"Phấn đấu trong nhóm các xã, phường dẫn đầu về tỷ lệ người dân ...\""),
    ]),
    ("III", H3, f"Phần II, mục II.2 – \"{H3}\"", [
        ("tỷ lệ phần mềm quản lý văn bản và điều hành được kết nối, liên thông qua Trục liên "
         "thông văn bản Tỉnh phục vụ gửi, nhận văn bản điện tử", "%", 100, src(H3, 1), None),
        ("máy tính được cài đặt phần mềm quyết virus có bản quyền", "%", 100, src(H3, 2),
         "Giữ nguyên \"quyết virus\" như văn bản (có lẽ là \"diệt virus\")"),
        ("hệ thống thông tin trong CQNN được phê duyệt theo cấp độ", "%", 100, src(H3, 3), None),
        ("hệ thống thông tin đã triển khai mức bảo vệ 4 lớp", "%", 100, src(H3, 4), None),
        ("Xây dựng hoàn thiện hạ tầng đảm bảo an toàn thông tin cho tất cả các hệ thống của "
         "phường", None, "Tiếp tục đầu tư hoàn thiện", src(H3, 5),
         "Mục tiêu là phần sau dấu hai chấm trong văn bản"),
        ("cán bộ công chức và người lao động của cơ quan được tuyên truyền, phổ biến về thói "
         "quen, trách nhiệm và kỹ năng cơ bản bảo đảm an toàn thông tin", "%", 100, src(H3, 6),
         None),
        ("cán bộ chuyên trách CNTT của cơ quan được đào tạo, bồi dưỡng về an toàn thông tin",
         "%", 100, src(H3, 7), None),
    ]),
    ("IV", "Nhiệm vụ Công an xã (mục V.4)", "Phần V, mục V.4 – Công an xã", [
        ("công dân từ 16 tuổi có danh tính số", "%", 100, "V.4 – Công an xã, gạch đầu dòng 1",
         "Văn bản ghi \"phấn đấu 100% công dân từ 16 tuổi có danh tính số\"; là nhiệm vụ của "
         "Công an xã, không nằm trong mục II.2"),
    ]),
]

CAVEATS = [
    "Văn bản không có bảng chỉ tiêu: các chỉ tiêu là gạch đầu dòng trong mục II.2 \"Mục tiêu "
    "cụ thể\" (ba tiêu đề), cộng một chỉ tiêu trong nhiệm vụ của Công an xã (mục V.4). Bảng "
    "này do người tổng hợp lập; STT, ĐVT và cách tách số/đơn vị là của người tổng hợp, không "
    "phải của văn bản.",
    "Văn bản không ghi rõ năm của các mục tiêu; lấy năm 2025 theo ngày ban hành (\"tháng 7 năm "
    "2025\") và câu kết \"báo cáo định kỳ về chuyển đổi số năm 2025\".",
    "Nhiều chỉ tiêu ghi \"phường\" (\"Ủy ban nhân dân phường\", \"UBND phường\", \"cấp "
    "phường\", \"cơ quan phường\", \"các hệ thống của phường\") và \"cơ quan nhà nước cấp thị "
    "xã\", trong khi Hợp Minh là xã (có lẽ chép từ kế hoạch của một phường); giữ nguyên chữ "
    "\"phường\", \"thị xã\" như văn bản.",
    "Văn bản ghi tên tỉnh là \"ghệ An\" (lỗi đánh máy, trong câu \"Chuyển đổi số tỉnh ghệ An "
    "năm 2025\"); đúng là tỉnh Nghệ An (ngay trước đó, cùng đoạn mở đầu, văn bản ghi đúng \"tỉnh Nghệ An\").",
    "Một gạch đầu dòng chứa hai chỉ tiêu (\"Phấn đấu 85% dân số trưởng thành có điện thoại "
    "thông minh; tỷ lệ dân số trưởng thành có tài khoản thanh toán điện tử trên 50%\"): tách "
    "thành hai dòng (II.7 và II.8) cùng nguồn.",
    "Chỉ tiêu \"Phấn đấu trong nhóm các xã, phường dẫn đầu ...\" không có con số; ghi mục tiêu "
    "là \"Trong nhóm dẫn đầu\", nguyên văn ở cột Ghi chú.",
    "Chỉ tiêu \"100% công dân từ 16 tuổi có danh tính số\" nằm ở mục V.4 (nhiệm vụ Công an "
    "xã), không thuộc mục II.2; ghi riêng thành mục IV.",
    "Giữ nguyên lỗi chính tả/cách viết của văn bản: \"phần mềm quyết virus\" (có lẽ là \"diệt "
    "virus\"), \"mức độ 3,4\" và \"mức độ 3, 4\".",
    "Số và ngày của Kế hoạch để trống trong văn bản (\"Số: /KH-UBND\", \"ngày tháng 7 năm "
    "2025\").",
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
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    notes: list[SourceNote] = []
    for number, heading, section_ref, rows in SECTIONS:
        start = row
        section_row(ws, row, number, heading, WIDTH)
        row += 1
        groups = GROUPS[number]
        assert len(groups) == len(rows), number
        for stt, ((label, unit, target, source, note), group) in enumerate(zip(rows, groups), 1):
            data_row(ws, row, [stt, label, unit, target, group, source, note])
            ws.cell(row=row, column=3).alignment = centred
            ws.cell(row=row, column=4).alignment = centred
            row += 1
        notes.append(SourceNote(
            sheet=SHEET,
            rows=f"{start}-{row - 1}",
            document=DOCUMENT,
            section=section_ref,
            note=f"Mục {number}: {len(rows)} chỉ tiêu",
        ))
    set_widths(ws, [6, 62, 7, 16, 16, 30, 38])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)

    provenance_sheet(wb, Provenance(
        commune="Hợp Minh",
        province="Nghệ An",
        period="2025",
        document=DOCUMENT,
        kind="Kế hoạch",
        notes=notes,
        caveats=CAVEATS,
    ))
    return wb


def main() -> None:
    path = save(build(), OUTPUT)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
