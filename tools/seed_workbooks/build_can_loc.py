"""Can Lộc (Hà Tĩnh): Kế hoạch chuyển đổi số năm 2026, kèm đánh giá kết quả năm 2025.

Source: ../shared/seeds/002_b386522ef48e4351.txt

Sheets:
  - "Phụ lục nhiệm vụ": the appendix of 7 tasks/projects with budget (triệu đồng), laid out
    as the commune office typed it (two-row header, merged funding-source header).
  - "Mục tiêu 2026": Phần II, mục II.2 "Mục tiêu cụ thể" (prose bullets) as an analyst's table.
  - "Kết quả 2025": Phần I, mục I (mục tiêu, chỉ tiêu năm 2025) and the figures and done /
    not-done facts of Phần I, mục II.1-II.9, as an analyst's table in DTI sections.
  - "Mục tiêu 2025 (suy ra)": the six 2025 levels inferred from results marked "(đạt)" (the
    document has no 2025 target table), flagged `inferred` in the "Cờ dữ liệu" column.
  - "Thông tin chung": provenance and caveats.

Every label, target and result below is the document's wording (PDF line breaks joined by a
single space); numbers are kept as text exactly as written ("1.000", "6129/6190", "99,82%").
"""
from __future__ import annotations

from openpyxl.styles import Alignment, Font

from tools.seed_workbooks.common import (
    FONT,
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

DOC = "002_b386522ef48e4351.txt"
OUT = "can_loc_2026_ke_hoach.xlsx"

UBND = "ỦY BAN NHÂN DÂN XÃ CAN LỘC"

# ---------------------------------------------------------------------------------------------
# Sheet 1: Phụ lục nhiệm vụ
# ---------------------------------------------------------------------------------------------
# (STT, Tên nhiệm vụ/Dự án, Mục tiêu, Dự kiến kết quả, Cơ quan chủ trì,
#  Nguồn NS tỉnh, Nguồn hợp pháp của đơn vị, Ghi chú, Cờ dữ liệu)
# "Cờ dữ liệu" is the analyst's column, not the document's: funding_source_unclear marks the
# two amounts whose funding column cannot be read from the text extraction (see CAVEATS).
UNCLEAR = "funding_source_unclear"
# Which funding column an amount sits in is a judgement from the text extraction's spacing;
# see CAVEATS.
TASKS = [
    (1,
     "Rà soát bổ sung trang thiết bị đường truyền",
     "- Duy trì ổn định mạng nội bộ, Internet, phục vụ tốt các hoạt động của địa phương",
     "Đảm bảo trang bị đầy đủ trang thiết bị, máy móc phục vụ hoạt động, thúc đẩy chuyển đổi "
     "số toàn diện tại cơ quan, đường truyền phục vụ vận hành hệ thống cầu truyền hình cấp xã",
     "UBND xã", "600", None, "Đề xuất", None),
    (2,
     "Tập huấn kỹ năng số cho cán bộ, công chức và người dân",
     "- Nâng cao năng lực sử dụng nền tảng số, phần mềm hành chính, an toàn thông tin.",
     "- 100% cán bộ xã được tập huấn.\n- Ít nhất 20 người dân/ thôn được tham gia",
     "UBND xã", "100", None, None, UNCLEAR),
    (3,
     "Số hóa hồ sơ, tài liệu hành chính và dữ liệu chuyên ngành cấp xã",
     "- Chuẩn hóa, số hóa hồ sơ dân cư, đất đai, hộ tịch, an sinh xã hội…\n"
     "- Tăng khả năng khai thác dữ liệu phục vụ điều hành.\n"
     "Chuẩn hoá tài liệu, hồ sơ lưu trữ, hồ sơ học bạ, văn bằng chứng chỉ.",
     "- 80% hồ sơ hành chính được số hóa.\n"
     "- Hình thành cơ sở dữ liệu chuyên ngành thống nhất, dễ tra cứu.",
     "UBND xã", "1200", None, "Đề xuất", None),
    (4,
     "Tăng cường truyền thông, tuyên truyền chuyển đổi số trong dân",
     "- Nâng cao nhận thức, kỹ năng số cho người dân.\n"
     "- Phát huy hiệu quả hệ thống truyền thanh thông minh, bảng điện tử.",
     "- Tổ chức ít nhất 4 buổi tuyên truyền/năm.\n"
     "- 70% hộ dân nắm được kỹ năng cơ bản sử dụng dịch vụ công trực tuyến.",
     "UBND xã", "100", None, "Lồng ghép các chương khác", None),
    (5,
     "Xây dựng hệ thống loa truyền thanh thông minh tại trung tâm xã và một số khu vực",
     "Đảm bảo truyền tải các thông tin, chủ trương, chính sách của Đảng, Nhà nước đến người "
     "dân một cách kịp thời",
     "Giúp quản lý tập trung hệ thống truyền thanh cơ sở, linh hoạt trong việc phát sóng các "
     "bản tin, hiện đại hoá quy trình và phương thức truyền thanh một cách hiệu quả",
     "UBND xã", "1.000", None, "Đề xuất", None),
    (6,
     "Nâng cấp thiết bổ sung hệ thống thiết bị phục vụ công tác đảm bảo An toàn thông tin mạng",
     "Đảm bảo đảm an toàn hệ thống thông tin theo cấp độ đã được phê duyệt",
     None,
     "UBND xã", None, "100", None, None),
    (7,
     "Xây dựng các chuyên trang, chuyên mục, các phóng sự, các tài liệu tuyên truyền về chuyển "
     "đổi số, CCHC đăng tải lên Trang thông tin điện tử, Đài truyền thanh cơ sở",
     None,
     "Đa dạng hoá các hình thức tuyên truyền và tuyên truyền đến tận người dân về CĐS và CCHC",
     "UBND", "50", None, None, UNCLEAR),
]


def build_appendix(wb) -> tuple[int, int]:
    ws = wb.create_sheet("Phụ lục nhiệm vụ")
    width = 9
    row = title_rows(ws, [
        UBND,
        "PHỤ LỤC: NHIỆM VỤ ĐỀ ÁN TRỌNG TÂM PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO "
        "VÀ CHUYỂN ĐỔI SỐ XÃ CAN LỘC NĂM 2026",
        "(Kèm theo KH số /KH-UBND ngày /11/2025 của Ủy ban nhân dân xã)",
    ], width)
    ws.cell(row=3, column=1).font = Font(name=FONT, italic=True, size=13)
    row += 1  # blank row before the header
    h = row
    header_cell(ws, h, 1, "STT", rowspan=2)
    header_cell(ws, h, 2, "Tên nhiệm vụ/Dự án", rowspan=2)
    header_cell(ws, h, 3, "Mục tiêu", rowspan=2)
    header_cell(ws, h, 4, "Dự kiến kết quả đạt được", rowspan=2)
    header_cell(ws, h, 5, "Cơ quan chủ trì", rowspan=2)
    header_cell(ws, h, 6, "Dự toán kinh phí (triệu đồng)", colspan=2)
    header_cell(ws, h + 1, 6, "Nguồn NS tỉnh bố trí trong dự toán chi năm 2026")
    header_cell(ws, h + 1, 7, "Nguồn hợp pháp của đơn vị")
    header_cell(ws, h, 8, "Ghi chú", rowspan=2)
    header_cell(ws, h, 9, "Cờ dữ liệu", rowspan=2)
    row = h + 2
    first = row
    for t in TASKS:
        data_row(ws, row, list(t))
        for col in (6, 7):
            ws.cell(row=row, column=col).alignment = Alignment(
                horizontal="right", vertical="center", wrap_text=True)
        row += 1
    set_widths(ws, [6, 34, 36, 40, 12, 16, 14, 20, 22])
    ws.freeze_panes = f"C{first}"
    return first, row - 1


# ---------------------------------------------------------------------------------------------
# Sheet 2: Mục tiêu 2026 (Phần II, mục II.2 "Mục tiêu cụ thể")
# ---------------------------------------------------------------------------------------------
QUAL = "Chỉ tiêu định tính, văn bản không nêu số liệu"
# (Chỉ tiêu, Mục tiêu 2026, gạch đầu dòng số, Ghi chú)
TARGETS_2026 = [
    ("100% cơ quan Đảng, Chính quyền, Mặt trận tổ quốc cấp xã kết nối mạng", "100%", 1, None),
    ("100% cơ sở dữ liệu dùng chung của xã được triển khai trên các nền tảng an toàn thông tin",
     "100%", 1, None),
    ("Rà soát, triển khai mở rộng mạng viễn thông 5G theo kế hoạch của cấp trên",
     "Triển khai theo kế hoạch của cấp trên", 2, QUAL),
    ("Phấn đấu có 100% cán bộ, công chức, viên chức được đào tạo, bồi dưỡng kiến thức và kỹ "
     "năng số nâng cao đáp ứng yêu cầu nhiệm vụ trong tình hình mới", "100%", 3, None),
    ("Có 100% người dùng thường xuyên phần mềm VNPT-Ioffice của các phòng, ban, ngành UBND xã",
     "100%", 4, None),
    ("100% lãnh đạo UBND, các phòng sử dụng có hiệu quả Chứng thư số", "100%", 4, None),
    ("Tỷ lệ văn bản đến lãnh đạo duyệt trên phần mềm", "100%", 4, None),
    ("Tỷ lệ văn bản đi được ký số trên phần mềm", "100%", 4, None),
    ("Tỷ lệ hồ sơ giải quyết theo dịch vụ công trực tuyến toàn trình trên tổng số hồ sơ",
     "100%", 5, None),
    ("Tối thiểu 90% người dân và doanh nghiệp hài lòng về việc giải quyết thủ tục hành chính",
     "Tối thiểu 90%", 5, None),
    ("Có 100% hồ sơ công việc được xử lý trên môi trường mạng (không bao gồm hồ sơ xử lý công "
     "việc có nội dung mật)", "100%", 6, None),
    ("100% cán bộ, công chức, viên chức sử dụng hiệu quả hộp thư điện tử công vụ", "100%", 7,
     None),
    ("Phối hợp với các doanh nghiệp viễn thông cấp miễn phí chứng thư số công cộng và hướng dẫn "
     "người dân nộp hồ sơ trực tuyến sử dụng ký số", "Phối hợp với các doanh nghiệp viễn thông",
     8, QUAL),
    ("Có trên 70% người dân trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức khác "
     "được phép", "Trên 70%", 9, 'Văn bản ghi "trên 70% ... trở lên"'),
    ("Trên 70% hộ gia đình trở lên tham gia mua sắm trực tuyến thông qua các website, sàn giao "
     "dịch thương mại điện tử (TMĐT), mạng xã hội, các ứng dụng TMĐT bán hàng", "Trên 70%", 9,
     'Văn bản ghi "trên 70% ... trở lên"'),
    ("Ứng dụng các chính sách hỗ trợ chuyển đổi số trong hoạt động sản xuất và kinh doanh đối "
     "với doanh nghiệp sản xuất nông nghiệp, hợp tác xã-và hộ có đăng ký kinh doanh trên địa "
     "bàn xã; phát triển sản xuất gắn với thương mại điện tử và các sản phẩm OCOP của xã",
     "Ứng dụng các chính sách hỗ trợ chuyển đổi số", 10, QUAL),
    ("Trên 80% người dùng điện thoại thông minh được tiếp cận, sử dụng các dịch vụ chính quyền "
     "điện tử", "Trên 80%", 11, None),
    ("Có trên 80% người dân trưởng thành sử dụng dịch vụ thanh toán điện tử", "Trên 80%", 12,
     None),
    ("Kiện toàn và triển khai hoạt động hiệu quả của Tổ ứng cứu công nghệ, nghiệp vụ và hỗ trợ "
     "giải quyết thủ tục hành chính xã Can Lộc và các Tổ công nghệ số cộng đồng",
     "Kiện toàn và triển khai hoạt động hiệu quả", 13, QUAL),
]


# "Nhóm DTI" is the analyst's column (the bullets of mục II.2 carry no group): the DTI group of
# each row, following the document's own grouping in Phần I mục I where the same wording
# appears there ("Về hạ tầng số", "Về chính quyền số", "Về kinh tế số", "Về xã hội số").
HT, NL, CQ, KT, XH = "Hạ tầng số", "Nhân lực số", "Chính quyền số", "Kinh tế số", "Xã hội số"
GROUPS_2026 = [HT, HT, HT, NL, CQ, CQ, CQ, CQ, CQ, CQ, CQ, CQ,
               # bullet 8, free public certificates for residents: the document lists
               # signatures under "Về xã hội số" in Phần I
               XH,
               XH, KT, KT, XH, KT, XH]
assert len(GROUPS_2026) == len(TARGETS_2026)


def build_targets(wb) -> tuple[int, int]:
    ws = wb.create_sheet("Mục tiêu 2026")
    width = 6
    row = title_rows(ws, [
        UBND,
        "MỤC TIÊU CỤ THỂ CHUYỂN ĐỔI SỐ XÃ CAN LỘC NĂM 2026",
        "(Tổng hợp từ Kế hoạch chuyển đổi số xã Can Lộc năm 2026, Phần II, mục II.2 "
        "\"Mục tiêu cụ thể\")",
    ], width)
    row += 1
    for col, text in enumerate(
            ["STT", "Chỉ tiêu", "Mục tiêu 2026", "Nhóm DTI", "Nguồn (mục trong văn bản)",
             "Ghi chú"], 1):
        header_cell(ws, row, col, text)
    row += 1
    first = row
    for i, ((label, target, bullet, note), group) in enumerate(zip(TARGETS_2026, GROUPS_2026), 1):
        src = f"Phần II, mục II.2 (Mục tiêu cụ thể), gạch đầu dòng thứ {bullet}"
        data_row(ws, row, [i, label, target, group, src, note])
        row += 1
    set_widths(ws, [6, 70, 24, 16, 30, 34])
    ws.freeze_panes = f"C{first}"
    return first, row - 1


# ---------------------------------------------------------------------------------------------
# Sheet 3: Kết quả 2025
# ---------------------------------------------------------------------------------------------
S_I = "Phần I, mục I"
S_II1 = "Phần I, mục II.1 (Công tác lãnh đạo, chỉ đạo, điều hành)"
S_II21 = "Phần I, mục II.2.1 (Về công tác hoàn thiện thể chế số)"
S_II3 = "Phần I, mục II.3 (Về hạ tầng số)"
S_II6 = "Phần I, mục II.6 (An toàn thông tin mạng)"
S_II7 = "Phần I, mục II.7 (Về chính quyền số)"
S_II8 = "Phần I, mục II.8 (Kinh tế số, xã hội số)"
S_II91 = "Phần I, mục II.9.1 (Ngày Chuyển đổi số)"
S_II93 = "Phần I, mục II.9.3 (Công tác truyền thông về chuyển đổi số)"
PERIOD = "Số liệu từ ngày 01/7/2025 đến hết ngày 07/11/2025"
DAT_BOTH = ('"(đạt)" ghi ở cuối câu gồm hai chỉ tiêu (tài khoản định danh điện tử của cán '
            'bộ, công chức; chữ ký số của lãnh đạo)')
DONE = "Đã thực hiện"
DONE_NOTE = ('Văn bản nêu việc đã làm, không có số liệu: Kết quả ghi "{v}". Nguyên văn: "{q}"')


def done(label, source, quote, value=DONE):
    """A done/not-done fact stated in prose: the value says so, the sentence is in Ghi chú."""
    return (label, None, None, value, None, source, DONE_NOTE.format(v=value, q=quote))


# Items: ("section", number, title) or
# (Chỉ tiêu, ĐVT, Kế hoạch 2025, Kết quả thực hiện 2025, Đánh giá, Nguồn, Ghi chú).
# "Kế hoạch 2025" is not written to this sheet: the document has no 2025 target table, so the
# six values there are inferred from results that end in "(đạt)" and go to the sheet
# "Mục tiêu 2025 (suy ra)" with the flag `inferred` (see build_inferred_targets).
RESULTS_2025 = [
    ("section", "I", "Về hạ tầng số"),
    ("100% cơ quan Đảng, Chính quyền, Mặt Trận Tổ Quốc của xã kết nối mạng", "%", None, "100%",
     None, S_I + " - Về hạ tầng số", None),
    ("100% cơ sở dữ liệu dùng chung của xã được triển khai trên các nền tảng an toàn thông tin",
     "%", None, "100%", None, S_I + " - Về hạ tầng số", None),
    done("Cơ sở vật chất đảm bảo Trung tâm hành chính công hoạt động hiệu quả",
         S_I + " - Về hạ tầng số",
         "Cơ sở vật chất đảm bảo Trung tâm hành chính công hoạt động hiệu quả."),
    ("100% thôn trên địa bàn xã sóng 4G, có hệ thống Internet đến các thôn", "%", None, "100%",
     None, S_I + " - Về hạ tầng số", None),
    ("Có hệ thống Internet đến các thôn", None, None, "Có", None, S_I + " - Về hạ tầng số",
     'Phần sau của câu "100% thôn trên địa bàn xã sóng 4G, có hệ thống Internet đến các '
     'thôn": không rõ "100%" có áp dụng cho Internet không, nên Kết quả ghi "Có"; văn bản '
     'không nói là cáp quang'),
    ("100% các điểm công cộng, Nhà văn hoá các thôn có wifi miễn phí", "%", None, "100%", None,
     S_I + " - Về hạ tầng số", None),
    ("Tỷ lệ trung bình máy tính/cán bộ, công chức", "%", None, "100%", None, S_II3, None),
    ("100% các Thôn trên địa bàn xã đã được phủ sóng di động 4G", "%", None, "100%", None,
     S_II3, None),
    ("Đơn vị cung cấp dịch vụ Viễn thông Internet cho các tổ chức, cá nhân có nhu cầu sử dụng",
     "đơn vị", None, "02", None, S_II3, "gồm VNPT, Viettel"),
    ("Hội nghị truyền hình trực tuyến kết nối ổn định phục vụ công tác tham dự hội nghị trực "
     "tuyến với Trung ương và tỉnh", None, None, "Có", None, S_II3,
     'Văn bản nêu việc đã có, không có số liệu. Nguyên văn: "Hội nghị truyền hình trực tuyến '
     'kết nối ổn định phục vụ công tác tham dự hội nghị trực tuyến với Trung ương và tỉnh."'),
    done("Xây dựng hệ thống camera giám sát tại các vị trí trọng điểm và khu trung tâm", S_II3,
         "Xây dựng hệ thống camera giám sát tại các vị trí trọng điểm và khu trung tâm."),
    done("Sử dụng công nghệ AI vào hướng dẫn người dân thực hiện các thủ tục hành chính",
         S_II3 + ", b) Tồn tại hạn chế",
         "Việc sử dụng công nghệ AI vào hướng dẫn người dân thực hiện các thủ tục hành chính "
         "chưa thực hiện được.", value="Chưa thực hiện"),

    ("section", "II", "Về chính quyền số"),
    ("100% lãnh đạo UBND, các phòng, ban, ngành thuộc xã, cán bộ, công chức sử dụng có hiệu "
     "quả Chứng thư số", "%", None, "100%", None, S_I + " - Về chính quyền số", None),
    ("Tỷ lệ văn bản đến lãnh đạo duyệt trên phần mềm", "%", None, "100%", None,
     S_I + " - Về chính quyền số", None),
    ("Tỷ lệ văn bản đi được ký số trên phần mềm", "%", None, "Từ 100%", None,
     S_I + " - Về chính quyền số", 'Văn bản ghi "đạt từ 100%"'),
    ("100% cán bộ, công chức nhận, gửi văn bản qua hệ thống hồ sơ công việc và điều hành tác "
     "nghiệp", "%", "100%", "100%", "Đạt", S_I + " - Về chính quyền số",
     'Văn bản ghi "(đạt)"'),
    ("Tỷ lệ số hoá hồ sơ", "%", None, "100%", None, S_I + " - Về chính quyền số", None),
    ("Dịch vụ công trực tuyến toàn trình không nhận hồ sơ giấy", "dịch vụ", None, "25", None,
     S_I + " - Về chính quyền số", None),
    ("Hồ sơ phát sinh thực hiện trực tuyến qua cổng dịch vụ công trực tuyến", "hồ sơ", None,
     "6.876", None, S_II7, PERIOD),
    ("Tỷ lệ hồ sơ phát sinh thực hiện trực tuyến qua cổng dịch vụ công trực tuyến", "%", None,
     "100%", None, S_II7, PERIOD),
    ("Mức độ hài lòng của người dân, doanh nghiệp trong tiếp nhận, giải quyết TTHC", "%", None,
     "100%", None, S_II7, PERIOD),
    ("Tổng số hồ sơ TTHC khi tiếp nhận", "hồ sơ", None, "6.876", None, S_II7, PERIOD),
    ("Số hồ sơ có kết quả số hóa", "hồ sơ", None, "6.876/6.876", None, S_II7, PERIOD),
    ("Tỷ lệ số hóa kết quả hồ sơ", "%", None, "100%", None, S_II7,
     PERIOD + '. Nguyên văn: "Tỷ lệ số hóa kết quả hồ sơ 6.860 đạt tỷ lệ 100%" - con số 6.860 '
     'khác tổng số hồ sơ 6.876 và số hồ sơ có kết quả số hóa 6.876/6.876'),
    ("Số thủ tục có thu phí và lệ phí thanh toán trực tuyến", "hồ sơ", None, "6129/6190", None,
     S_II7, PERIOD + '. Nguyên văn: "6129/6190 hồ sơ phát sinh thanh toán đạt 99,82%"; '
     '6129/6190 = 99,01%, không khớp 99,82%'),
    ("Số thủ tục có thu phí và lệ phí thanh toán trực tuyến", "%", None, "99,82%", None, S_II7,
     PERIOD + '. Tỷ lệ ghi trong văn bản; không khớp với 6129/6190 = 99,01%'),
    ("Tổng số tiền thu", "đồng", None, "35.870.000", None, S_II7,
     PERIOD + '. Tiền phí, lệ phí thanh toán trực tuyến; văn bản ghi "35.870.000đồng"'),
    ("Hệ thống mạng LAN, kết nối đến 100% máy tính của cán bộ, công chức (trừ máy tính bảo mật)",
     "%", None, "100%", None, S_II7, None),
    ("100% cán bộ, công chức có máy tính phục vụ giải quyết công việc", "%", None, "100%", None,
     S_II7, None),
    done("Trang thông tin điện tử xã đã được sở tỉnh cấp mới, đã đáp ứng các yêu cầu chức năng, "
         "tính năng kỹ thuật theo quy định tại Nghị định số 42/2022/NĐ-CP", S_II7,
         "Trang thông tin điện tử xã đã được sở tỉnh cấp mới, đã đáp ứng các yêu cầu chức năng, "
         "tính năng kỹ thuật theo quy định tại Nghị định số 42/2022/NĐ-CP"),

    ("section", "III", "Về kinh tế số"),
    ("Có trên 70% người dân có tài khoản giao dịch ngân hàng", "%", "Trên 70%", "Trên 70%",
     "Đạt", S_I + " - Về kinh tế số", 'Văn bản ghi "(đạt)"'),
    ("Có trên 70% hộ gia đình tham gia mua sắm trực tuyến trên các nền tảng thương mại điện tử, "
     "mạng xã hội", "%", "Trên 70%", "Trên 70%", "Đạt", S_I + " - Về kinh tế số",
     'Văn bản ghi "(đạt)"'),
    done("Ứng dụng các chính sách hỗ trợ chuyển đổi số trong hoạt động sản xuất và kinh doanh "
         "đối với doanh nghiệp sản xuất nông nghiệp và hộ có đăng ký kinh doanh trên địa bàn xã",
         S_I + " - Về kinh tế số",
         "Ứng dụng các chính sách hỗ trợ chuyển đổi số trong hoạt động sản xuất và kinh doanh "
         "đối với doanh nghiệp sản xuất nông nghiệp và hộ có đăng ký kinh doanh trên địa bàn xã; "
         "phát triển sản xuất gắn với thương mại điện tử và các sản phẩm OCOP của xã."),
    done("Phát triển sản xuất gắn với thương mại điện tử và các sản phẩm OCOP của xã",
         S_I + " - Về kinh tế số",
         "...; phát triển sản xuất gắn với thương mại điện tử và các sản phẩm OCOP của xã."),
    ("Các cửa hàng, doanh nghiệp và một bộ phận lớn nhân dân trên địa bàn sử dụng các ứng dụng "
     "thanh toán không dùng tiền mặt", None, None, "Một bộ phận lớn nhân dân", None,
     S_I + " - Về kinh tế số",
     'Không có tỷ lệ: Kết quả ghi cụm định lượng của văn bản. Mục II.8 nhắc lại ("Các doanh '
     'nghiệp, cửa hàng, người dân thực hiện thanh toán không dùng tiền mặt")'),

    ("section", "IV", "Về xã hội số"),
    ("90% tiền lương, phụ cấp, lương hưu, người có công, tiền bảo trợ xã hội được chi trả qua "
     "tài khoản ngân hàng", "%", None, "90%", "Vượt chỉ tiêu 100%", S_I + " - Về xã hội số",
     'Văn bản ghi "(vượt chỉ tiêu 100%)"; không rõ chỉ tiêu kế hoạch là bao nhiêu'),
    ("Trên 60% người dùng điện thoại thông minh được tiếp cận, sử dụng các dịch vụ chính quyền "
     "điện tử", "%", "Trên 60%", "Trên 60%", "Đạt", S_I + " - Về xã hội số",
     'Văn bản ghi "(đạt)"'),
    ("100% cán bộ, công chức có tài khoản định danh điện tử", "%", "100%", "100%", "Đạt",
     S_I + " - Về xã hội số", DAT_BOTH),
    ("100% lãnh đạo có chữ ký số", "%", "100%", "100%", "Đạt", S_I + " - Về xã hội số",
     DAT_BOTH),
    ("Thành lập và triển khai hoạt động hiệu quả của Tổ hỗ trợ giải quyết thủ tục hành chính xã "
     "và các Tổ chuyển đổi số cộng đồng nhằm hướng dẫn người dân các kỹ năng số cơ bản",
     None, None, None, "Đạt chỉ tiêu", S_I + " - Về xã hội số",
     'Chỉ tiêu định tính; văn bản ghi "(đạt chỉ tiêu)"'),

    ("section", "V", "Kinh tế số, xã hội số"),
    ("Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2 trên địa bàn xã", "%", None,
     "Trên 80%", None, S_II8, 'Văn bản ghi "đến nay đạt trên 80%"'),
    ("Tổ chuyển đổi số cộng đồng", "tổ", None, "39", None, S_II8,
     'Nguyên văn: "Thành lập 39 tổ chuyển đổi số cộng đồng trên 39" - văn bản không nói 39 '
     'gì (có thể là 39 thôn), nên Kết quả là số tổ (39), không phải tỷ lệ 39/39'),

    ("section", "VI", "Nhận thức số"),
    ("Tuyên truyền trên hệ thống đài truyền thanh cơ sở các hoạt động hưởng ứng ngày chuyển đổi "
     "số, bộ phổ cập nhận diện", "lượt", None, "Hơn 10", None, S_II91,
     'Nguyên văn: "Tuyên truyền hơn 10 lượt trên hệ thống đài truyền thanh cơ sở ..."'),
    ("Bảng điện tử trước Trung tâm phục vụ Hành chính công", "bảng", None, "01", None, S_II91,
     'Nguyên văn: "Tạo thông tin tuyên truyền thường xuyên trên bảng điện tử trước Trung tâm '
     'phục vụ Hành chính công (01 bảng)"'),
    ("Bảng điện tử lớn tại khu vực đường vào Trung tâm xã", "bảng", None, "01", None, S_II91,
     'Nguyên văn: "... và bảng điện tử lớn tại khu vực đường vào Trung tâm xã (01 bảng)"'),
    ("Người tham gia Lễ phát động hưởng ứng ngày Chuyển đổi số quốc gia", "lượt người", None,
     "Hơn 200", None, S_II91,
     'Nguyên văn: "Tổ chức Lễ phát động hưởng ứng ngày Chuyển đổi số quốc gia với hơn 200 lượt '
     'người tham gia"'),
    ("Người tham gia cuộc thi trực tuyến tìm hiểu Nghị quyết 57-NQ/TW", "lượt người", None,
     "Hơn 5000", None, S_II91,
     'Nguyên văn: "... cuộc thi trực tuyến tìm hiểu Nghị quyết 57-NQ/TW trên địa bàn với hơn '
     '5000 lượt người tham gia cuộc thi"'),
    ("Người dân được tuyên truyền, hướng dẫn cách sử dụng dịch vụ công trực tuyến (Ngày thứ "
     "Bảy vì dân)", "lượt người", None, "Hơn 100", None, S_II91,
     'Nguyên văn: "Lồng ghép các hoạt động tuyên truyền vào kế hoạch tổ chức Ngày thứ Bảy vì '
     'dân, qua đó tuyên truyền, hướng dẫn hơn 100 lượt người dân cách sử dụng dịch vụ công '
     'trực tuyến"'),
    done("Sử dụng các kênh đa dạng như Trang thông tin điện tử, mạng xã hội, đài truyền thanh xã "
         "để truyền tải thông điệp về những thay đổi tích cực và lợi ích của chuyển đổi số",
         S_II93,
         "Sử dụng các kênh đa dạng như Trang thông tin điện tử, mạng xã hội, đài truyền thanh xã "
         "để truyền tải thông điệp về những thay đổi tích cực và lợi ích của chuyển đổi số."),

    ("section", "VII", "Thể chế số"),
    done("UBND xã đã ban hành các văn bản và triển khai thực hiện các kế hoạch, chương trình, đề "
         "án chuyển đổi số", S_II21,
         "UBND xã đã ban hành các văn bản và triển khai thực hiện các kế hoạch, chương trình, đề "
         "án chuyển đổi số theo chỉ đạo của, Trung ương, của UBND tỉnh và Sở Khoa Học Công Nghệ."),
    done("Thành lập Ban chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số "
         "(Quyết định 216/QĐ-UBND ngày 10/9/2025)", S_II1 + ", chú thích 1",
         "Quyết định 216/QĐ – UBND ngày 10/9/2025 thành lập Ban chỉ đạo phát triển khoa học, "
         "công nghệ, đổi mới sáng tạo và chuyển đổi số"),

    ("section", "VIII", "Nhân lực số"),
    ("Lớp tấp huấn cho cán bộ công chức, người dân, doanh nghiệp trên địa bàn", "lớp", None,
     "2", None, S_II1,
     'Văn bản ghi số bằng chữ: "Phối hợp với Trung tâm Khoa học công nghệ và chuyển đổi số '
     'tỉnh Hà Tĩnh tổ chức hai lớp tấp huấn cho cán bộ công chức, người dân, doanh nghiệp trên '
     'địa bàn." ("tấp huấn" giữ như văn bản)'),

    ("section", "IX", "An toàn thông tin mạng"),
    done("Các máy tính được kết nối Internet , cài đặt phần mềm chống mã độc", S_II6,
         "... các máy tính được kết nối Internet , cài đặt phần mềm chống mã độc, phục vụ tốt "
         "công tác chuyên môn."),
]


def build_results(wb) -> tuple[int, int, int, int]:
    ws = wb.create_sheet("Kết quả 2025")
    headers = ["STT", "Chỉ tiêu", "ĐVT", "Kết quả thực hiện 2025", "Đánh giá",
               "Nguồn (mục trong văn bản)", "Ghi chú"]
    width = len(headers)
    row = title_rows(ws, [
        UBND,
        "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025",
        "(Tổng hợp từ Kế hoạch chuyển đổi số xã Can Lộc năm 2026, Phần I \"Đánh giá kết quả "
        "thực hiện năm 2025\")",
    ], width)
    row += 1
    for col, text in enumerate(headers, 1):
        header_cell(ws, row, col, text)
    row += 1
    first = row
    n_data = n_sec = 0
    k = 0
    for item in RESULTS_2025:
        if item[0] == "section":
            section_row(ws, row, item[1], item[2], width)
            n_sec += 1
            k = 0
        else:
            k += 1
            label, unit, _planned, result, assessment, source, note = item
            data_row(ws, row, [k, label, unit, result, assessment, source, note])
            n_data += 1
        row += 1
    set_widths(ws, [6, 56, 9, 18, 16, 30, 44])
    ws.freeze_panes = f"C{first}"
    return first, row - 1, n_data, n_sec


INFERRED_NOTE = ('Văn bản không có bảng chỉ tiêu năm 2025: mức này lấy từ chính câu kết quả có '
                 'ghi "(đạt)" ở Phần I, mục I, nên luôn "đạt" theo cách suy ra')


def inferred_targets() -> list[tuple]:
    """(group, label, unit, planned, source) for every result whose 2025 level is inferred."""
    out, group = [], ""
    for item in RESULTS_2025:
        if item[0] == "section":
            group = item[2]
        elif item[2] is not None:
            out.append((group, item[0], item[1], item[2], item[5]))
    return out


def build_inferred_targets(wb) -> tuple[int, int]:
    ws = wb.create_sheet("Mục tiêu 2025 (suy ra)")
    headers = ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2025", "Nhóm DTI", "Cờ dữ liệu",
               "Nguồn (mục trong văn bản)", "Ghi chú"]
    row = title_rows(ws, [
        UBND,
        "MỨC KẾ HOẠCH NĂM 2025 SUY RA TỪ CÁC KẾT QUẢ GHI \"(ĐẠT)\"",
        "(Văn bản không có bảng chỉ tiêu năm 2025; người tổng hợp suy ra - cột Cờ dữ liệu ghi "
        "\"inferred\")",
    ], len(headers))
    row += 1
    for col, text in enumerate(headers, 1):
        header_cell(ws, row, col, text)
    row += 1
    first = row
    for i, (group, label, unit, planned, source) in enumerate(inferred_targets(), 1):
        group = {"Về kinh tế số": "Kinh tế số", "Về xã hội số": "Xã hội số",
                 "Về chính quyền số": "Chính quyền số"}.get(group, group)
        data_row(ws, row, [i, label, unit, planned, group, "inferred", source, INFERRED_NOTE])
        row += 1
    set_widths(ws, [6, 56, 9, 16, 16, 14, 30, 44])
    ws.freeze_panes = f"C{first}"
    return first, row - 1


# ---------------------------------------------------------------------------------------------
CAVEATS = [
    # Phụ lục: funding columns
    "Phụ lục: bản trích xuất văn bản không cho thấy chắc chắn mỗi số tiền nằm ở cột nguồn nào "
    "(\"Nguồn NS tỉnh bố trí trong dự toán chi năm 2026\" hay \"Nguồn hợp pháp của đơn vị\"). "
    "Cách đọc từng dòng: nhiệm vụ 1 (600) - cột Nguồn NS tỉnh, khá rõ theo khoảng cách; "
    "nhiệm vụ 2 (100) - KHÔNG RÕ, số đứng riêng sau nhiều dòng trống, tạm xếp vào cột Nguồn NS "
    "tỉnh; nhiệm vụ 3 (1200) - cột Nguồn NS tỉnh, khá rõ; nhiệm vụ 4 (100) - cột Nguồn NS "
    "tỉnh, khá rõ; nhiệm vụ 5 (1.000) - cột Nguồn NS tỉnh, khá rõ; nhiệm vụ 6 (100, có dấu "
    "cách đứng trước) - cột Nguồn hợp pháp của đơn vị; nhiệm vụ 7 (50) - KHÔNG RÕ, tạm xếp "
    "vào cột Nguồn NS tỉnh. Hai dòng không rõ (nhiệm vụ 2 và 7) ghi cờ "
    "\"funding_source_unclear\" ở cột Cờ dữ liệu (cột của người tổng hợp, không có trong văn "
    "bản), để phần chia theo nguồn kinh phí không được đọc như sự thật.",
    "Phụ lục: tổng các khoản là 3.150 triệu đồng (600 + 100 + 1200 + 100 + 1.000 + 100 + 50); "
    "văn bản không có dòng tổng nên bảng không thêm dòng tổng. Nếu đọc cột như trên: Nguồn NS "
    "tỉnh 3.050, Nguồn hợp pháp 100 - phụ thuộc vào cách đọc cột của nhiệm vụ 2, 6, 7.",
    "Phụ lục: tiêu đề cột trong văn bản lặp \"Dự toán kinh phí (triệu đồng)\" trên mỗi cột "
    "nguồn; bảng ghi thành một ô gộp \"Dự toán kinh phí (triệu đồng)\" trên hai cột con.",
    "Phụ lục, nhiệm vụ 7: đoạn chữ cuối dòng \"Trang thông tin điện tử, Đài truyền thanh cơ "
    "sở\" (nằm ở vị trí cột Ghi chú trong bản trích xuất) nhiều khả năng là phần cuối của tên "
    "nhiệm vụ (\"... đăng tải lên Trang thông tin điện tử, Đài truyền thanh cơ sở\"); đã ghép "
    "vào cột Tên nhiệm vụ/Dự án, cột Ghi chú để trống.",
    "Phụ lục, nhiệm vụ 7: câu \"Đa dạng hoá các hình thức tuyên truyền và tuyên truyền đến tận "
    "người dân về CĐS và CCHC\" đứng sau một ô trống nên được xếp vào cột Dự kiến kết quả đạt "
    "được (cột Mục tiêu để trống); cũng có thể đó là Mục tiêu. Cơ quan chủ trì ghi \"UBND\" "
    "(không có \"xã\") như văn bản.",
    "Phụ lục, nhiệm vụ 6: cột Dự kiến kết quả đạt được để trống trong văn bản; tên nhiệm vụ "
    "giữ nguyên \"Nâng cấp thiết bổ sung ...\" và mục tiêu \"Đảm bảo đảm an toàn ...\".",
    "Phụ lục, nhiệm vụ 3: dòng \"Chuẩn hoá tài liệu, hồ sơ lưu trữ, hồ sơ học bạ, văn bằng "
    "chứng chỉ.\" không có gạch đầu dòng, nằm sau hai gạch đầu dòng của cột Mục tiêu; giữ trong "
    "ô Mục tiêu thành dòng riêng, không rõ là phần tiếp của gạch đầu dòng thứ hai hay ý riêng.",
    "Phụ lục, nhiệm vụ 4: Ghi chú giữ nguyên \"Lồng ghép các chương khác\" (có thể ý là "
    "\"chương trình khác\").",
    "Phụ lục: số và ngày của Kế hoạch để trống trong văn bản (\"KH số /KH-UBND ngày /11/2025\").",
    # Phần II
    "Phần II, mục II.1 (Mục tiêu chung) ghi \"chính quyền số xã Thạch Xuân\" - nhiều khả năng "
    "sao chép từ kế hoạch của xã khác; văn bản là của xã Can Lộc.",
    "Mục tiêu 2026: các chỉ tiêu định tính (5G, phối hợp cấp chứng thư số công cộng, ứng dụng "
    "chính sách hỗ trợ chuyển đổi số, kiện toàn Tổ ứng cứu) không có số liệu; ô Mục tiêu 2026 "
    "ghi cụm động từ của gạch đầu dòng, không phải \"Hoàn thành\".",
    "Mục tiêu 2026: hai chỉ tiêu ghi \"trên 70% ... trở lên\"; ô Mục tiêu 2026 ghi \"Trên 70%\".",
    # Phần I
    "Kết quả 2025, thanh toán trực tuyến: văn bản ghi \"6129/6190 hồ sơ phát sinh thanh toán "
    "đạt 99,82%\", nhưng 6129/6190 = 99,01%. Giữ cả hai: hai dòng cùng tên chỉ tiêu và cùng "
    "nguồn, một dòng \"6129/6190\", một dòng \"99,82%\".",
    "Kết quả 2025, số hóa hồ sơ TTHC: văn bản ghi \"Tổng số hồ sơ TTHC khi tiếp nhận 6.876, Số "
    "hồ sơ có kết quả số hóa 6.876/6.876, Tỷ lệ số hóa kết quả hồ sơ 6.860 đạt tỷ lệ 100%\" - "
    "con số 6.860 không khớp 6.876. Bảng ghi tỷ lệ 100% và giữ nguyên văn câu trong Ghi chú.",
    "Kết quả 2025: \"90% tiền lương, phụ cấp, lương hưu, người có công, tiền bảo trợ xã hội "
    "được chi trả qua tài khoản ngân hàng (vượt chỉ tiêu 100%)\" - không rõ \"vượt chỉ tiêu "
    "100%\" nghĩa là gì (kết quả 90% nhỏ hơn 100%; văn bản không nêu chỉ tiêu kế hoạch). Kết quả "
    "ghi \"90%\", Đánh giá ghi nguyên văn \"Vượt chỉ tiêu 100%\"; không có mức kế hoạch 2025.",
    "Mục tiêu 2025 (suy ra): với 6 dòng kết quả ghi \"(đạt)\", mức kế hoạch 2025 lấy bằng mức "
    "nêu trong chính câu đó (ví dụ \"Trên 70%\"); văn bản không có bảng chỉ tiêu kế hoạch 2025 "
    "riêng. Các mức này nằm ở sheet riêng \"Mục tiêu 2025 (suy ra)\", cột Cờ dữ liệu ghi "
    "\"inferred\": chúng \"đạt\" theo cách suy ra, không phải theo văn bản.",
    "Kết quả 2025: \"100% cán bộ, công chức có tài khoản định danh điện tử; 100% lãnh đạo có "
    "chữ ký số (đạt)\" - \"(đạt)\" ở cuối câu, được hiểu là áp dụng cho cả hai chỉ tiêu.",
    "Kết quả 2025: \"Tỷ lệ văn bản đi được ký số trên phần mềm đạt từ 100%\" - chữ \"từ\" lạ; "
    "Kết quả ghi nguyên \"Từ 100%\".",
    "Kết quả 2025: \"Thành lập 39 tổ chuyển đổi số cộng đồng trên 39\" - văn bản không nói 39 "
    "gì (có thể là 39 thôn); Kết quả ghi số tổ \"39\" (ĐVT tổ), không phải tỷ lệ 39/39 = "
    "100% (trước danh mục 2026.1 ghi \"39/39\" và bị đọc thành 100%).",
    "Kết quả 2025: các số liệu dịch vụ công trực tuyến, số hóa, thanh toán trực tuyến ở mục II.7 "
    "là của giai đoạn từ ngày 01/7/2025 đến hết ngày 07/11/2025 (ghi trong Ghi chú), không phải "
    "cả năm 2025.",
    "Kết quả 2025: hạ tầng 4G xuất hiện hai lần (mục I \"100% thôn trên địa bàn xã sóng 4G\" và "
    "mục II.3 \"100% các Thôn ... phủ sóng di động 4G\"), hai giá trị khớp nhau; giữ cả hai dòng.",
    "Kết quả 2025: ghi mọi câu có số liệu, có đánh giá (đạt) hoặc nói rõ việc đã làm. Câu nói "
    "việc đã làm mà không có số ghi Kết quả \"Đã thực hiện\" hoặc \"Có\", nguyên văn ở Ghi "
    "chú. Những điều không đưa vào bảng và lý do: data/seed/README.md.",
]


def main() -> None:
    wb = new_workbook()
    a_first, a_last = build_appendix(wb)
    t_first, t_last = build_targets(wb)
    r_first, r_last, n_data, n_sec = build_results(wb)
    i_first, i_last = build_inferred_targets(wb)
    prov = Provenance(
        commune="Can Lộc",
        province="Hà Tĩnh",
        period="2025-2026",
        document=DOC,
        kind="Kế hoạch chuyển đổi số năm 2026 (kèm đánh giá kết quả thực hiện năm 2025)",
        notes=[
            SourceNote("Phụ lục nhiệm vụ", f"{a_first}-{a_last}", DOC,
                       "Phụ lục: Nhiệm vụ đề án trọng tâm ... năm 2026 (cuối văn bản)",
                       f"{len(TASKS)} nhiệm vụ; kinh phí triệu đồng, ghi như văn bản"),
            SourceNote("Mục tiêu 2026", f"{t_first}-{t_last}", DOC,
                       "Phần II, mục II.2 (Mục tiêu cụ thể)",
                       f"{len(TARGETS_2026)} chỉ tiêu tách từ 13 gạch đầu dòng"),
            SourceNote("Kết quả 2025", f"{r_first}-{r_last}", DOC,
                       "Phần I, mục I; mục II.1, II.2.1, II.3, II.6, II.7, II.8, II.9.1, II.9.3",
                       f"{n_data} dòng chỉ tiêu, {n_sec} dòng mục"),
            SourceNote("Mục tiêu 2025 (suy ra)", f"{i_first}-{i_last}", DOC,
                       "Phần I, mục I (các câu ghi \"(đạt)\")",
                       "mức kế hoạch suy ra từ kết quả, không phải chỉ tiêu của văn bản; "
                       "cờ dữ liệu inferred"),
        ],
        caveats=CAVEATS,
    )
    provenance_sheet(wb, prov)
    path = save(wb, OUT)
    print(f"wrote {path}: appendix {len(TASKS)} rows, targets {len(TARGETS_2026)} rows, "
          f"results {n_data} data + {n_sec} section rows")


if __name__ == "__main__":
    main()
