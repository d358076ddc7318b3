"""Phú Trung (Đồng Nai): Kế hoạch nâng cao chỉ số DTI giai đoạn 2026 - 2030.

Source: ../shared/seeds/004_dff0b38aa69a5210.txt, the appendix "PHỤ LỤC - BẢNG PHÂN CÔNG CÁC
CƠ QUAN, PHÒNG CHUYÊN MÔN THỰC HIỆN CÁC CHỈ TIÊU DTI ...". The appendix is transcribed as the
commune office lays it out: letterhead and title rows, a two-row header with a merged "Mục tiêu"
over "Năm 2026" / "Đến năm 2030", one section row per DTI pillar (1 ... 6) and the 23
indicators 1.1 ... 6.3 with their texts verbatim (the PDF's line and page breaks joined by a
single space; spelling as in the source, e.g. "GIẢI ĐOẠN", "chuyên đổi số", "đơn độc").

    python -m tools.seed_workbooks.build_phu_trung
"""
from __future__ import annotations

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

SOURCE = "004_dff0b38aa69a5210.txt"
OUTPUT = "phu_trung_2026_2030_dti.xlsx"
SHEET = "Phụ lục"
WIDTH = 8

TITLE = [
    "ỦY BAN NHÂN DÂN XÃ PHÚ TRUNG",
    "Đồng Nai, ngày tháng 4 năm 2026",
    "PHỤ LỤC",
    "BẢNG PHÂN CÔNG CÁC CƠ QUAN, PHÒNG CHUYÊN MÔN THỰC HIỆN CÁC CHỈ TIÊU DTI "
    "GIẢI ĐOẠN 2026 – 2030 TRÊN ĐỊA BÀN XÃ PHÚ TRUNG",
    "(Kèm theo Kế hoạch số /KH-UBND ngày tháng 4 năm 2026 của UBND xã Phú Trung)",
]

# Recurring texts of the appendix (written once here so that a typo is fixed in one place;
# every one of them is copied from the source).
VHXH = "Phòng Văn hóa – Xã hội"
VP = "Văn phòng HĐND và UBND xã"
TTHCC = "Trung tâm Hành chính công xã"
PK = "Phòng Kinh tế"
CAX = "Công an xã"
DV_TRUC_THUOC = "Các đơn vị, cơ quan, phòng chuyên môn trực thuộc UBND xã"
DN_VT_DB = "Các doanh nghiệp viễn thông trên địa bàn."
PB_CM = "Các đơn vị phòng ban chuyên môn"
TT_HCC_TINH = "Trung tâm Phục vụ HCC tỉnh"
DN_DB = "Các doanh nghiệp trên địa bàn"

NQ71 = ("Nghị quyết số 71/NQ-CP ngày 01/4/2025 sửa đổi, bổ sung, cập nhật Chương trình hành "
        "động thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị")
QD411 = ("Quyết định số 411/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Chiến lược quốc gia phát "
         "triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030")
KH_TINH_85 = "Kế hoạch chuyển đổi số của tỉnh; Nghị định 85/2016/NĐ-CP của Chính phủ"
KH_TINH = "Kế hoạch chuyển đổi số của tỉnh"
HTTT_PD = "100% hệ thống thông tin được phê duyệt cấp độ"

# (STT, Chỉ số, Cơ quan chủ trì, Cơ quan phối hợp, Năm 2026, Đến năm 2030,
#  Căn cứ thực hiện, Nhiệm vụ thực hiện); a row with only two items is a pillar section row.
ROWS: list[tuple[str, ...]] = [
    ("1", "Hạ tầng và Nền tảng số"),
    ("1.1",
     "Tỷ lệ người sử dụng có khả năng truy nhập băng rộng cố định.",
     VHXH, DN_VT_DB, "50%", "100%", NQ71,
     "Chủ trì phối hợp các doanh nghiệp viễn thông rà soát hạ tầng; ban hành các tiêu chuẩn kỹ "
     "thuật về hạ tầng số dùng chung; đơn độc triển khai cáp quang tốc độ cao đến các khu dân cư "
     "tập trung."),
    ("1.2",
     "Tỷ lệ phủ sóng mạng di động băng rộng 5G trên dân số",
     VHXH, DN_VT_DB, "60%", "100%",
     NQ71 + ", Quyết định số 2244/QĐ-TTg ngày 13/10/2025 của Thủ tướng Chính phủ",
     "Chủ trì tham mưu UBND xã các cơ chế hỗ trợ doanh nghiệp viễn thông lắp đặt trạm BTS 5G; "
     "cấp phép và quản lý hạ tầng kỹ thuật viễn thông thụ động trên địa bàn xã."),
    ("1.3",
     "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang",
     VHXH, "Các doanh nghiệp viễn thông", "Trên 90%", "99%", QD411,
     "Phối hợp các nhà mạng rà soát, nâng cấp hạ tầng băng rộng cáp quang và trạm thu phát sóng "
     "5G; xóa các vùng lõm sóng tại các khu vực vùng sâu, vùng xa."),
    ("1.4",
     "Mức độ ứng dụng AI",
     VHXH, DV_TRUC_THUOC,
     "Có ứng dụng AI phục vụ người dân, DN, cơ quan, phòng ban", "100%",
     # The text extraction wraps the first words in <u>...</u> (underlined in the PDF).
     "Nghi quyết số 71/NQ-CP ngày 01/4/2025 sửa đổi, bổ sung, cập nhật Chương trình hành động "
     "thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị.",
     "Triển khai các ứng dụng AI phục vụ trong cơ quan hành chính."),
    ("2", "Nhân lực số"),
    ("2.1",
     "UBND xã có đầu mối thực hiện nhiệm vụ chuyên đổi số tại cơ quan, đơn vị",
     VHXH, "Văn phòng HĐND và UBND", "1- 2 người", "100%",
     "Căn cứ QĐ số 1690/QĐ-TTg ngày 26/12/2023 của TTGCP Phê duyệt Đề án \"Kiện toàn tổ chức "
     "bộ máy, nâng cao năng lực quản lý nhà nước và thực thi pháp luật về chuyên đổi số từ trung "
     "ương đến địa phương đến năm 2025, định hướng đến năm 2030\"",
     "Kiện toàn sơ đồ tổ chức, ban hành vị trí việc làm, bố trí cán bộ đầu mối chuyên đổi số."),
    ("2.2",
     "Tỷ lệ công chức, viên chức chuyên trách về chuyển đổi số",
     VHXH, "Văn phòng HĐND và UBND", "1- 2 người", "100%",
     "Căn cứ Quyết định số 1690/QĐ-TTg ngày 26/12/2023 của Thủ tướng Chính phủ phê duyệt Đề án "
     "\"Kiện toàn tổ chức bộ máy, nâng cao năng lực quản lý nhà nước và thực thi pháp luật về "
     "chuyển đổi số từ trung ương đến địa phương đến năm 2025, định hướng đến năm 2030\"",
     "Kiện toàn sơ đồ tổ chức, ban hành vị trí việc làm, bố trí cán bộ đầu mối chuyển đổi số."),
    ("2.3",
     "Tỷ lệ công chức, viên chức được bồi dưỡng, tập huấn về chuyển đổi số",
     VHXH, DV_TRUC_THUOC, "100%", "100%",
     "Quyết định số 146/QĐ-TTg ngày 28/01/2022 của Thủ tướng Chính phủ: Phê duyệt Đề án \"Nâng "
     "cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số quốc gia đến năm "
     "2025, định hướng đến năm 2030\"",
     "Xây dựng kế hoạch đào tạo hàng năm; phối hợp các chuyên gia tổ chức các khóa tập huấn "
     "chuyên sâu về chuyển đổi số, an toàn thông tin cho đội ngũ nòng cốt tại xã."),
    ("2.4",
     "Số lượng người dân được phổ cập kỹ năng số",
     CAX, DV_TRUC_THUOC,
     # The source never closes the parenthesis: kept as written.
     "100% công dân đủ điều kiện (công dân đã được cấp căn cước/căn cước công dân, có sử dụng "
     "điện thoại thông minh",
     "100%",
     "Quyết định số 146/QĐ-TTg ngày 28/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án \"Nâng "
     "cao nhận thức, phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số quốc gia đến năm "
     "2025, định hướng đến năm 2030\"",
     "Chương trình hành động phổ cập kỹ năng và phát triển nguồn nhân lực chuyển đổi số quốc gia "
     "đến năm 2025, định hướng đến năm 2030"),
    ("3", "An toàn thông tin, an ninh mạng"),
    ("3.1",
     "Tỷ lệ hệ thống thông tin được xác định và phê duyệt cấp độ an toàn thông tin, an ninh mạng",
     VP, "Công an tỉnh", HTTT_PD, "100%", KH_TINH_85,
     "Chủ trì phối hợp với các cấp thực hiện rà soát, thống kê toàn bộ các hệ thống thông tin "
     "đang vận hành để đảm bảo không bỏ sót hệ thống nào chưa được phân loại cấp độ."),
    ("3.2",
     "Tỷ lệ hệ thống thông tin triển khai đầy đủ phương án bảo đảm an toàn thông tin, an ninh "
     "mạng theo cấp độ đã được phê duyệt",
     VP, "Phòng Văn hóa – Xã hội; Công an xã; Công an tỉnh", HTTT_PD, "100%", KH_TINH_85,
     "Chủ trì hướng dẫn Lựa chọn và triển khai các giải pháp công nghệ (tường lửa, phần mềm diệt "
     "virus, hệ thống quản lý tập trung...) đáp ứng đầy đủ các yêu cầu an toàn tối thiểu tương "
     "ứng với cấp độ (từ cấp độ 1 đến cấp độ 5) theo tiêu chuẩn TCVN 11930:2017"),
    ("3.3",
     "Tỷ lệ hệ thống thông tin được kiểm tra, đánh giá mức độ bảo đảm an toàn thông tin, an ninh "
     "mạng định kỳ",
     VP, "Công an xã, Công an tỉnh", HTTT_PD, "100%", KH_TINH_85,
     "Chủ trì tham mưu UBND xã phê duyệt kế hoạch kiểm tra, đánh giá an toàn thông tin, an ninh "
     "mạng định kỳ."),
    ("4", "Hoạt động Chính quyền số"),
    ("4.1",
     "Công thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định",
     VHXH, DV_TRUC_THUOC, "100%", "100%",
     "Thông tư 22/2023/TT-BTTTT của Bộ TT&TT (cũ), Nay là Bộ KH&CN.",
     "Chủ trì rà soát hiện trạng Công thông tin điện tử xã và các trang thành viên; thực hiện "
     "nâng cấp, bổ sung các chức năng, tính năng kỹ thuật đảm bảo tuân thủ đầy đủ các tiêu chuẩn "
     "về cấu trúc, bố cục, và các yêu cầu kỹ thuật theo quy định hiện hành."),
    ("4.2",
     "Tỷ lệ số dịch vụ dữ liệu có trên Nền tảng tích hợp, chia sẻ dữ liệu quốc gia (NDXP) được "
     "đưa vào sử dụng chính thức tại địa phương",
     TTHCC, "Trung tâm Phục vụ HCC tỉnh, Công an tỉnh; Các đơn vị phòng ban chuyên môn",
     "100%", "100%",
     "Luật Giao dịch điện tử; Khung kiến trúc CPĐT Việt Nam",
     "Phối hợp với các đơn vị kiểm tra và tập huấn sử dụng Dữ liệu dân cư, đăng ký doanh nghiệp, "
     "bảo hiểm, tư pháp, hộ tịch... để phục vụ giải quyết thủ tục hành chính"),
    ("4.3",
     # Label split over a page break in the text extraction: "... thủ tục hành" | "chính có
     # đủ điều kiện".
     "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ "
     "điều kiện",
     TTHCC, TT_HCC_TINH, "80%", "100%", NQ71,
     "Chủ trì phối hợp với các phòng chuyên môn thực hiện rà soát, đơn giản hóa quy trình nghiệp "
     "vụ đổi với các thủ tục hành chính (TTHC) để đảm bảo đủ điều kiện cung cấp dịch vụ công "
     "trực tuyến (DVCTT) toàn trình."),
    ("4.4",
     "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp",
     TTHCC, PB_CM, "70%", "80%", NQ71,
     "Thường xuyên khảo sát, ghi nhận ý kiến từ doanh nghiệp và người dân để cải thiện dịch vụ; "
     "đảm bảo quy trình nộp hồ sơ trực tuyến đơn giản, dễ hiểu, thực hiện được hoàn toàn trên "
     "điện thoại thông minh."),
    ("4.5",
     "Tỷ lệ hồ sơ trực tuyến toàn trình",
     TTHCC, TT_HCC_TINH, "25%", "90%", KH_TINH,
     "Phối hợp với Trung tâm PV HCC tỉnh định kỳ chiết xuất dữ liệu từ hệ thống để thống kê tỷ "
     "lệ hồ sơ trực tuyến toàn trình của từng phòng ban; kịp thời phát hiện và chấn chỉnh các "
     "trường hợp \"trực tuyến nửa vời\" (vẫn yêu cầu người dân mang bản chính đến đối chiếu)."),
    ("4.6",
     # Label split over a page break: "... khi sử dụng dịch vụ" | "công".
     "Mức độ hài lòng của người dân, doanh nghiệp khi sử dụng dịch vụ công",
     TTHCC, TT_HCC_TINH, "100%", "100%", KH_TINH,
     "Gắn kết quả thống kê tỷ lệ hồ sơ trực tuyến toàn trình với việc đánh giá chỉ số hài lòng "
     "của người dân;"),
    ("4.7",
     "Tổng chi Ngân sách nhà nước cho chính quyền số",
     PK, PB_CM, "Đạt trên 1%", "3%",
     None,  # no "Căn cứ thực hiện" in the source
     "Chủ trì, phối hợp với phòng VH – XH bố trí dự toán chi ngân sách nhà nước hàng năm cho "
     "CNTT và chuyển đổi số, đảm bảo tỷ lệ chi không thấp hơn mức quy định của Chính phủ\n"
     "(thường là tối thiểu 1% tổng chi ngân sách nhà nước)."),
    ("5", "Hoạt động Kinh tế số"),
    ("5.1",
     "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ",
     PK, DN_DB, "10%", "25%", QD411,
     "Hỗ trợ và hướng dẫn các doanh nghiệp sản xuất, hệ thống siêu thị, cửa hàng tiện lợi và các "
     "hộ kinh doanh trên địa bàn triển khai bán hàng trên các sàn thương mại điện tử (TMĐT) uy "
     "tín và các nền tảng mạng xã hội."),
    ("5.2",
     "Tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử",
     PK, DN_DB, "Trên 50%", "100%", QD411,
     "Tuyên truyền, hướng dẫn doanh nghiệp áp dụng chữ ký số và hợp đồng điện tử trong giao dịch "
     "dân sự, kinh tế; xây dựng hệ sinh thái hỗ trợ doanh nghiệp chuyển đổi số"),
    ("6", "Hoạt động Xã hội số"),
    ("6.1",
     "Tỷ lệ người dân từ 14 tuổi trở lên có danh tính điện tử sử dụng được cho các giao dịch "
     "điện tử",
     CAX, "Các cơ quan đơn vị, phòng chuyên môn thuộc UBND xã", "100%", "100%",
     QD411 + "; " + NQ71,
     "Chủ trì phối hợp với các cơ quan liên quan tổ chức thu nhận hồ sơ, hướng dẫn kích hoạt tài "
     "khoản định danh điện tử (VNeID) mức độ 2 cho 100% công dân đủ điều kiện từ 14 tuổi trở lên "
     "trên địa bàn xã."),
    ("6.2",
     "Tỷ lệ người dân có Sổ sức khỏe điện tử",
     VHXH, "Trạm Y tế xã", "100%", "100%",
     QD411 + "; " + NQ71,
     "Chủ trì, phối hợp với Trạm y tế thực hiện kết nối, liên thông dữ liệu khám chữa bệnh bảo "
     "hiểm y tế lên Hệ thống thông tin giám định BHYT để đồng bộ sang ứng dụng Sổ sức khỏe điện "
     "tử (VNeID hoặc ứng dụng chuyên ngành)."),
    ("6.3",
     "Tỷ lệ người dân biết kỹ năng về công nghệ thông tin và truyền thông",
     VHXH,
     "Các thôn ấp, các Tổ công nghệ số cộng đồng, Trung tâm Phục vụ Hành chính công xã",
     "70%", "90%",
     "Quyết định số 411/QĐ-TTg của Thủ tướng Chính phủ: Quyết định phê duyệt Chiến lược quốc gia "
     "phát triển kinh tế số và xã hội số đến năm 2025, định hướng đến năm 2030",
     "Trực tiếp quản lý, chỉ đạo và huy động các Tổ công nghệ số cộng đồng tại các thôn hướng dẫn "
     "cài đặt ứng dụng cơ bản và hướng dẫn nộp hồ sơ trực tuyến trên điện thoại"),
]

CAVEATS = [
    "Chỉ số 2.4: mục tiêu năm 2026 trong văn bản là \"100% công dân đủ điều kiện (công dân đã "
    "được cấp căn cước/căn cước công dân, có sử dụng điện thoại thông minh\" — văn bản mở ngoặc "
    "nhưng không đóng ngoặc; giữ nguyên như văn bản, không tự thêm dấu \")\".",
    "Chỉ số 2.1 và 2.2: mục tiêu năm 2026 là \"1- 2 người\" (số người) nhưng mục tiêu đến năm "
    "2030 là \"100%\" (tỷ lệ) — hai mục tiêu khác đơn vị, không so sánh trực tiếp được; giữ "
    "nguyên cả hai.",
    "Chỉ số 4.7 (Tổng chi Ngân sách nhà nước cho chính quyền số): cột \"Căn cứ thực hiện\" bỏ "
    "trống trong văn bản nên để trống; mục tiêu đến năm 2030 \"3%\" không có căn cứ nêu trong "
    "văn bản (cột Nhiệm vụ chỉ nhắc mức \"thường là tối thiểu 1%\", khớp với mục tiêu 2026 "
    "\"Đạt trên 1%\").",
    "Chỉ số 1.4 (Mức độ ứng dụng AI): mục tiêu 2026 là mô tả định tính (\"Có ứng dụng AI phục vụ "
    "người dân, DN, cơ quan, phòng ban\") còn mục tiêu 2030 là \"100%\" — văn bản không nói "
    "100% của đại lượng nào.",
    "Chỉ số 2.4 có tên \"Số lượng người dân được phổ cập kỹ năng số\" nhưng mục tiêu ghi theo "
    "tỷ lệ (\"100% công dân đủ điều kiện ...\", \"100%\"); cơ quan chủ trì là Công an xã; cột "
    "\"Nhiệm vụ thực hiện\" ghi tên một chương trình (\"Chương trình hành động phổ cập kỹ năng "
    "...\") chứ không phải nhiệm vụ cụ thể — giữ nguyên.",
    "Chỉ số 3.1, 3.2, 3.3: cả ba có cùng mục tiêu năm 2026 \"100% hệ thống thông tin được phê "
    "duyệt cấp độ\" dù 3.2 (triển khai phương án bảo đảm ATTT) và 3.3 (kiểm tra, đánh giá định "
    "kỳ) đo việc khác — có thể là chép lặp trong văn bản; giữ nguyên.",
    "Phần thân văn bản (mục III.1 và III.3.a) đặt mục tiêu dịch vụ công trực tuyến toàn trình "
    "\"tối thiểu 60%\" (đến năm 2030 đạt 100%), trong khi Phụ lục, chỉ số 4.3, ghi mục tiêu năm "
    "2026 là \"80%\". Workbook chép theo Phụ lục (80%); con số 60% của phần thân chỉ ghi ở đây.",
    "Bản trích văn bản bị ngắt trang giữa ô: đã nối lại tên chỉ số 4.3 (\"... trên tổng số thủ "
    "tục hành chính có đủ điều kiện\"), 4.6 (\"... khi sử dụng dịch vụ công\"), mục tiêu 2026 "
    "và căn cứ của 2.4, căn cứ và nhiệm vụ của 4.3, nhiệm vụ của 4.6 (\"... của người dân;\").",
    "Chỉ số 1.4, cột Căn cứ: bản trích có thẻ gạch chân \"<u>...</u>\" quanh \"Nghi quyết số "
    "71/NQ-CP ngày 01/4/2025\" (định dạng của PDF) — đã bỏ thẻ, giữ chữ \"Nghi quyết\" như văn bản.",
    "Giữ nguyên lỗi chính tả của văn bản: \"GIẢI ĐOẠN\" (tiêu đề Phụ lục), \"chuyên đổi số\" "
    "(2.1), \"TTGCP\" (2.1), \"Nghi quyết\" (1.4), \"đơn độc\" (1.1), \"Công thông tin điện tử\" "
    "(4.1), \"đổi với\" (4.3).",
    "Bản trích không có dòng quốc hiệu/tên cơ quan ban hành: dòng \"ỦY BAN NHÂN DÂN XÃ PHÚ "
    "TRUNG\" được dựng lại từ nội dung văn bản; tiêu đề nhóm cột \"Mục tiêu\" cũng được dựng lại "
    "(bản trích chỉ còn \"Năm 2026\" và \"Đến năm 2030\"). Số và ngày của Kế hoạch để trống trong "
    "văn bản (\"Số: /KH-UBND\", \"ngày tháng 4 năm 2026\").",
]


def build():
    wb = new_workbook()
    ws = wb.create_sheet(SHEET)
    row = title_rows(ws, TITLE, WIDTH)
    row += 1  # one blank row before the header
    header_top = row
    header_cell(ws, row, 1, "STT", rowspan=2)
    header_cell(ws, row, 2, "Chỉ số", rowspan=2)
    header_cell(ws, row, 3, "Cơ quan chủ trì", rowspan=2)
    header_cell(ws, row, 4, "Cơ quan phối hợp", rowspan=2)
    header_cell(ws, row, 5, "Mục tiêu", colspan=2)
    header_cell(ws, row + 1, 5, "Năm 2026")
    header_cell(ws, row + 1, 6, "Đến năm 2030")
    header_cell(ws, row, 7, "Căn cứ thực hiện", rowspan=2)
    header_cell(ws, row, 8, "Nhiệm vụ thực hiện", rowspan=2)
    row += 2
    first = row
    n_data = n_section = 0
    for item in ROWS:
        if len(item) == 2:
            section_row(ws, row, item[0], item[1], WIDTH)
            n_section += 1
        else:
            assert len(item) == WIDTH, item[0]
            data_row(ws, row, list(item))
            n_data += 1
        row += 1
    last = row - 1
    set_widths(ws, [7, 42, 22, 30, 24, 14, 48, 60])
    ws.freeze_panes = f"C{first}"
    ws.row_dimensions[header_top].height = 22

    provenance_sheet(wb, Provenance(
        commune="Phú Trung",
        province="Đồng Nai",
        period="2026-2030",
        document=SOURCE,
        kind="Kế hoạch nâng cao chỉ số chuyển đổi số (DTI) giai đoạn 2026 - 2030 (Phụ lục phân "
             "công chỉ tiêu)",
        notes=[SourceNote(
            sheet=SHEET,
            rows=f"{first}-{last}",
            document=SOURCE,
            section="Phụ lục (Bảng phân công các cơ quan, phòng chuyên môn thực hiện các chỉ "
                    "tiêu DTI)",
            note=f"{n_data} chỉ số (1.1-6.3) và {n_section} dòng nhóm trụ cột (1-6); "
                 "mục tiêu Năm 2026 và Đến năm 2030 chép nguyên văn dạng chữ.",
        )],
        caveats=CAVEATS,
    ))
    return wb, n_data, n_section


def main() -> None:
    wb, n_data, n_section = build()
    path = save(wb, OUTPUT)
    print(f"{path}: {n_data} data rows, {n_section} section rows")


if __name__ == "__main__":
    main()
