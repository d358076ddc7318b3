"""Phùng Minh (Thanh Hóa): kết quả chuyển đổi số năm 2023 và mục tiêu năm 2024.

Source: ../shared/seeds/003_b949e0d9ca3ba3cf.txt, a plan written in prose (no table). The
workbook is what an analyst would make from it:

* "Kết quả 2023": one row per quantified or explicitly assessed result of Part I, and per
  done/not-done stated in prose (Kết quả "Đã thực hiện", "Có", "Chưa có"; the sentence in Ghi
  chú), grouped by DTI group, with the section(s) of the document each value comes from. Where the report gives
  two values for one indicator (bank accounts: "60%" in mục I.3.5, "đạt thấp" in mục II.5;
  e-health records: "75%" in mục I.3.5, "50%" in mục II.5) there are two rows.
* "Mục tiêu 2024": one row per target bullet of Part II, mục II.2 (headings 2.1, 2.2, 2.3 as
  section rows); a bullet holding two targets is split into two rows.

Labels are the document's words (the figure taken out into its own column, first letter
capitalised, the PDF's line breaks joined by a single space, spelling kept: "lãnh dạo",
"TDOfice", "thôn, thôn"). Values are typed as text as written.

    python -m tools.seed_workbooks.build_phung_minh
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

SOURCE = "003_b949e0d9ca3ba3cf.txt"
OUTPUT = "phung_minh_2023_2024.xlsx"
WIDTH = 6
WIDTHS = [6, 62, 8, 18, 26, 50]

RESULTS_SHEET = "Kết quả 2023"
RESULTS_TITLE = [
    "ỦY BAN NHÂN DÂN XÃ PHÙNG MINH",
    "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2023",
    "(Tổng hợp từ Phần I của Kế hoạch chuyển đổi số năm 2024)",
]
RESULTS_HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Kết quả thực hiện 2023",
                  "Nguồn (mục trong văn bản)", "Ghi chú"]

TARGETS_SHEET = "Mục tiêu 2024"
TARGETS_TITLE = [
    "ỦY BAN NHÂN DÂN XÃ PHÙNG MINH",
    "MỤC TIÊU CỤ THỂ VỀ CHUYỂN ĐỔI SỐ NĂM 2024",
    "(Tổng hợp từ Phần II, mục II.2 của Kế hoạch chuyển đổi số năm 2024)",
]
TARGETS_HEADER = ["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu 2024",
                  "Nguồn (mục trong văn bản)", "Ghi chú"]

P1 = "Phần I, mục "
P2 = "Phần II, mục "

E_HEALTH = "Tỷ lệ người dân trên địa bàn xã có hồ sơ sức khỏe điện tử"
BANK = ("Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng hoặc "
        "tổ chức được phép khác")

DONE = "Đã thực hiện"


def done(label: str, source: str, quote: str, value: str = DONE) -> tuple:
    """A done/not-done fact stated in prose: the value says so, the sentence is in Ghi chú."""
    return (label, None, value, source,
            f"Văn bản nêu việc đã làm, không có số liệu: Kết quả ghi \"{value}\". Nguyên văn: "
            f"\"{quote}\"")


BOTH_31 = P1 + "I.3.1; " + P1 + "II.3"

# Section rows: (number, text). Data rows: (Chỉ tiêu, ĐVT, value, Nguồn, Ghi chú).
RESULTS: list[tuple] = [
    ("I", "Nhận thức số"),
    ("Tổ chức hội nghị UBND xã mở rộng lồng ghép triển khai nội dung chuyển đổi số", "hội nghị",
     "03", P1 + "I.2; " + P1 + "II.1.3",
     "Nguyên văn: \"Năm 2023, UBND xã đã tổ chức 03 hội nghị UBND xã mở rộng lồng ghép kết "
     "hợp triển khai nội dung chuyển đổi số đến cán bộ công chức, bí thư chi bộ, Trưởng làng, "
     "cán bộ bán chuyên trách của xã.\""),
    ("Băng dôn tuyên truyền Ngày Chuyển đổi số", "cái", "01", P1 + "II.1.1",
     "Nguyên văn: \"Băng dôn tuyên truyền 01 cái.\" (\"băng dôn\" giữ như văn bản); tồn tại: "
     "\"Chưa tổ chức được các hoạt động cụ thể, mới tổ chức tuyên truyền bằng băng dôn.\""),
    ("Chia sẻ bài toán, sáng kiến, cách làm về chuyển đổi số", None, "Chưa có", P1 + "II.1.2",
     "Nguyên văn: \"Chưa có chia sẻ bài toán, sáng kiến, cách làm về chuyển đổi số.\""),
    done("Chỉ đạo đài truyền thanh xã viết tin bài tuyên truyền truyền trên hệ thống truyền "
         "thanh của xã, tuyên truyền, phổ biến tại các hội nghị của thôn, sinh hoạt CLB về nội "
         "dung an toàn thông tin trên môi trường mạng", P1 + "I.3.5; " + P1 + "II.5",
         "Chỉ đạo đài truyền thanh xã viết tin bài tuyên truyền truyền trên hệ thống truyền "
         "thanh của xã, ... về nội dung an toàn thông tin trên môi trường mạng."),
    ("II", "Thể chế số"),
    done("Ban hành Nghị quyết của cấp ủy và kế hoạch của cấp chính quyền về chuyển đổi số",
         P1 + "I.1; " + P1 + "II.2.1",
         "Kế hoạch số 41/KH-UBND ngày 03/02/2023 chuyển đổi số năm 2023 trên địa bàn xã Phùng "
         "Minh."),
    done("Hoạt động của Ban Chỉ đạo chuyển đổi số năm 2023", P1 + "II.2.2",
         "Tổ chức hội nghị triển khai, phân công nhiệm vụ cho cán bộ, công chức, các trường, "
         "trạm phụ trách các tiêu chí Chuyển đổi số. (Tồn tại: Hội nghị giao ban, đanh giá còn "
         "lồng ghép vào các hội nghị khác, chưa tổ chức thành chuyên đề.)"),
    ("III", "Hạ tầng số"),
    done("Hạ tầng và trang thiết bị công gnheej thông tin tại UBND xã được kết nối vào đường "
         "truyền số liệu chuyên dùng; đảm bảo an toàn thông tin cho các hệ thống", BOTH_31,
         "Hạ tầng và trang thiết bị công gnheej thông tin tại UBND xã được kết nối vào đường "
         "truyền số liệu chuyên dùng; đảm bảo an toàn thông tin cho các hệ thống."),
    ("CBCC có máy tính phục vụ công việc", "%", "100%",
     P1 + "I.3.1; " + P1 + "II.3",
     "Hai mục nêu cùng kết quả: \"100% CBCC có máy tính phục vụ công việc.\""),
    done("Xã có hệ thống hội nghị truyền hình trực tuyến được kết nối thông suốt từ cấp xã đến "
         "cấp huyện, tỉnh, Trung ương", BOTH_31,
         "Xã có hệ thống hội nghị truyền hình trực tuyến được kết nối thông suốt từ cấp xã đến "
         "cấp huyện, tỉnh, Trung ương.", value="Có"),
    done("Có điểm phát wifi công cộng tại địa điểm quan trọng trong xã như UBND xã, bưu điện "
         "văn hoá", BOTH_31,
         "Có điểm phát wifi công cộng tại địa điểm quan trọng trong xã như UBND xã, bưu điện "
         "văn hoá.", value="Có"),
    done("Hệ thống đài truyền thanh thông minh không dây", BOTH_31,
         "Hệ thống đài truyền thanh thông minh không dây.", value="Có"),
    ("Điểm bưu điện văn hóa xã là điểm tư vấn, hỗ trợ, triển khai các dịch vụ chuyển đổi số",
     "điểm", "01", BOTH_31,
     "Nguyên văn: \"Trên địa bàn xã có 01 điểm bưu điện văn hóa xã, là điểm cung cấp dịch vụ "
     "bưu chính, viễn thông tại xã trở thành điểm tư vấn, hỗ trợ, triển khai các dịch vụ chuyển "
     "đổi số.\""),
    ("IV", "Nhân lực số"),
    done("Ủy ban nhân dân xã phân công công chức Văn phòng – Thống kê thực hiện nhiệm vụ chuyên "
         "trách về lĩnh vực công nghệ thông tin", P1 + "II.6",
         "Ủy ban nhân dân xã phân công công chức Văn phòng – Thống kê thực hiện nhiệm vụ chuyên "
         "trách về lĩnh vực công nghệ thông tin."),
    ("V", "An toàn thông tin mạng"),
    done("UBND xã đã cử cán bộ chuyên trách tham gia các lớp tập huấn, bồi dưỡng về an toàn, an "
         "ninh thông tin, xây dựng, triển khai kiến trúc Chính quyền điện tử, CNTT do UBND huyện, "
         "sở CNTT tỉnh Thanh Hóa tổ chức", P1 + "I.4.1",
         "UBND xã đã cử cán bộ chuyên trách tham gia các lớp tập huấn, bồi dưỡng về an toàn, an "
         "ninh thông tin, ... do UBND huyện, sở CNTT tỉnh Thanh Hóa tổ chức."),
    done("Ủy ban nhân dân xã xây dựng quy chế làm việc của UBND xã trong đó quy định về công tác "
         "bảo mật thông tin cơ quan, thẩm quyền phát ngôn với báo chí…", P1 + "II.7",
         "Ủy ban nhân dân xã xây dựng quy chế làm việc của UBND xã trong đó quy định về công tác "
         "bảo mật thông tin cơ quan, thẩm quyền phát ngôn với báo chí…."),
    ("VI", "Chính quyền số"),
    done("Các hệ thống thông tin, cơ sở dữ liệu dùng chung, cơ sở dữ liệu chuyên ngành được kết "
         "nối, chia sẻ, khai thác dữ liệu từ các cơ sở dữ liệu của huyện, của tỉnh và cơ sở dữ "
         "liệu Quốc gia", BOTH_31,
         "Các hệ thống thông tin, cơ sở dữ liệu dùng chung, cơ sở dữ liệu chuyên ngành được kết "
         "nối, chia sẻ, khai thác dữ liệu từ các cơ sở dữ liệu của huyện, của tỉnh và cơ sở dữ "
         "liệu Quốc gia."),
    done("Hồ sơ thủ tục hành chính đủ điều kiện giải quyết trực tuyến mức độ 4 được cung cấp "
         "trên Cổng dịch vụ công của tỉnh và trên các phương tiện truy cập (bao gồm cả thiết bị "
         "di động)", BOTH_31,
         "Hồ sơ thủ tục hành chính đủ điều kiện giải quyết trực tuyến mức độ 4 được cung cấp "
         "trên Cổng dịch vụ công của tỉnh ... (bao gồm cả thiết bị di động)."),
    ("Công chức xã sử dụng hệ thống quản lý văn bản bằng chữ ký số", "%", "100%",
     P1 + "I.3.2",
     "Nguyên văn: \"100% công chức xã sử dụng hệ thống quản lý văn bản bằng chữ ký số, văn thư "
     "thực hiện chứng thư số.\""),
    ("Hồ sơ công việc tại xã được xử lý trên hệ thống văn bản thông qua việc ứng dụng chữ ký số "
     "để đảm bảo an toàn, an ninh thông tin và tính xác thực, tất cả hồ sơ được scan lên hệ thống",
     "%", "100%", P1 + "I.3.2", None),
    ("VII", "Kinh tế số"),
    ("Doanh nghiệp, hộ kinh doanh, sản xuất và người dân được tuyên truyền, nâng cao nhận thức "
     "về chuyển đổi số, phát triển kinh tế, mua bán, phân phối hàng hóa dựa trên môi trường mạng",
     "%", "100%", P1 + "I.3.4; " + P1 + "II.4",
     "Hai mục nêu cùng kết quả (mục II.4 có tên \"Dữ liệu số\")."),
    ("Tỷ lệ doanh nghiệp trên địa bàn xã nộp thuế điện tử", "%", "100%",
     P1 + "I.3.4; " + P1 + "II.4",
     "Hai mục nêu cùng kết quả: \"Tỷ lệ doanh nghiệp trên địa bàn xã nộp thuế điện tử đạt 100%, "
     "khuyến khích hộ kinh doanh và người dân trên địa bàn xã sử dụng các kênh thanh toán không "
     "dùng tiền mặt để giao dịch\""),
    ("VIII", "Xã hội số"),
    ("Tỷ lệ người dân trong độ tuổi lao động trên địa bàn xã được thông tin, phổ biến, đào tạo "
     "về các dịch vụ công trực tuyến, các dịch vụ số (y tế, giáo dục…)",
     "%", "Chưa thực hiện", P1 + "I.3.5; " + P1 + "II.5",
     "Hai mục nêu cùng đánh giá (mục II.5 có tên \"Nền tảng số\")."),
    (BANK, "%", "60%", P1 + "I.3.5",
     "Văn bản nêu hai đánh giá khác nhau cho cùng chỉ tiêu: \"đạt 60%\" (mục I.3.5) và \"đạt "
     "thấp\" (mục II.5, không nêu số) — xem dòng dưới."),
    (BANK, "%", "Đạt thấp", P1 + "II.5",
     "Nguyên văn: \"-Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân "
     "hàng hoặc tổ chức được phép khác đạt thấp.\"\nMục I.3.5 ghi \"đạt 60%\" — xem dòng trên."),
    ("Dân số trưởng thành trên địa bàn xã có điện thoại thông minh", "%", "85%",
     P1 + "I.3.5; " + P1 + "II.5",
     "Hai mục nêu cùng kết quả: \"85% dân số trưởng thành trên địa bàn xã có điện thoại thông "
     "minh.\""),
    (E_HEALTH, "%", "75%", P1 + "I.3.5",
     "Văn bản nêu hai giá trị khác nhau: \"đạt 75%\" (mục I.3.5) và \"đạt 50%\" (mục II.5) — xem "
     "dòng dưới."),
    (E_HEALTH, "%", "50%", P1 + "II.5",
     "Văn bản nêu hai giá trị khác nhau: \"đạt 50%\" (mục II.5) và \"đạt 75%\" (mục I.3.5) — xem "
     "dòng trên."),
]

S21 = P2 + "II.2.1"
S22 = P2 + "II.2.2"
S23 = P2 + "II.2.3"

TARGETS: list[tuple] = [
    ("2.1", "Phát triển Chính quyền số, nâng cao hiệu quả, hiệu lực hoạt động"),
    ("Các cơ quan Đảng, chính quyền, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội các cấp "
     "trên địa bàn xã được kết nối liên thông giữa các cơ quan qua Hệ thống phần mềm Quản lý văn "
     "bản và Hồ sơ công việc để trao đổi văn bản điện tử (TDOfice)",
     "%", "100%", S21, None),
    ("Lãnh dạo, cán bộ, công chức, viên chức các cơ quan đảng, chính quyền, Mặt trận Tổ quốc, "
     "các tổ chức chính trị - xã hội trên địa bàn xã chỉ đạo, điều hành, xử lý công việc hoàn "
     "toàn trên môi trường điện tử",
     "%", "100%", S21,
     "Gạch đầu dòng này có hai mục tiêu, tách thành hai dòng (dòng này và dòng dưới)."),
    ("Các văn bản, hồ sơ công việc được tạo lập, xử lý, ký số trên môi trường điện tử (trừ văn "
     "bản hồ sơ mật theo quy định)",
     "%", "100%", S21,
     "Phần thứ hai của gạch đầu dòng \"100% lãnh dạo ... hoàn toàn trên môi trường điện tử; "
     "100% các văn bản ...\"."),
    ("Số cuộc họp được thực hiện qua Hệ thống hội nghị truyền hình trực tuyến",
     "%", "Ít nhất 90%", S21,
     "Nguyên văn: \"Phấn đấu ít nhất có 90% số cuộc họp được thực hiện qua Hệ thống hội nghị "
     "truyền hình trực tuyến.\""),
    ("Các hệ thống thông tin, cơ sở dữ liệu dùng chung, cơ sở dữ liệu chuyên ngành",
     None,
     "Được kết nối, chia sẻ, khai thác dữ liệu từ các cơ sở dữ liệu Quốc gia; từng bước mở dữ "
     "liệu của các cơ quan nhà nước để cung cấp dịch vụ công kịp thời, một lần khai báo phục vụ "
     "người dân và phát triển kinh tế - xã hội",
     S21, "Mục tiêu định tính, không có con số."),
    ("Hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và "
     "hệ thống thông tin của cơ quan quản lý",
     "%", "50%", S21, None),
    ("Dịch vụ công có đủ điều kiện theo quy định được cung cấp dịch vụ công trực tuyến mức độ 4",
     "%", "100%", S21, None),
    ("Người dân, doanh nghiệp sử dụng dịch vụ công trực tuyến được định danh và xác thực điện tử "
     "thông suốt, hợp nhất",
     "%", "100%", S21, None),
    ("2.2", "Phát triển kinh tế số, nâng cao năng lực cạnh tranh của nền kinh tế"),
    ("Doanh nghiệp ứng dụng chuyển đổi số chiếm 50% trở lên trong tổng số doanh nghiệp có phát "
     "sinh thuế",
     "%", "50% trở lên", S22, None),
    ("Doanh nghiệp, hợp tác xã, trang trại, làng nghề, hộ kinh doanh được tiếp cận chương trình "
     "hỗ trợ chuyển đổi số",
     "%", "100%", S22, None),
    ("Các sản phẩm nông nghiệp chủ lực, các sản phẩm OCOP",
     None,
     "Đưa lên sàn thương mại điện tử và được gắn mã QR truy xuất nguồn gốc",
     S22,
     "Mục tiêu định tính, không có con số. Nguyên văn: \"Các sản phẩm nông nghiệp chủ lực, các "
     "sản phẩm OCOP đưa lên sàn thương mại điện tử và được gắn mã QR truy xuất nguồn gốc.\""),
    ("2.3", "Phát triển xã hội số, thu hẹp khoảng cách số"),
    ("Hạ tầng mạng băng rộng cáp quang phủ đến 100% số thôn, thôn",
     "%", "100%", S23, "\"thôn, thôn\" giữ như văn bản."),
    ("Tỷ lệ dân số có tài khoản thanh toán điện tử",
     "%", "50% trở lên", S23,
     "Nguyên văn: \"Tỷ lệ dân số có tài khoản thanh toán điện tử đạt 50%. trở lên\" (dấu chấm "
     "thừa sau 50%)."),
    ("Người dân trong độ tuổi lao động trên địa bàn xã được tập huấn, phổ biến về các dịch vụ "
     "công trực tuyến, dịch vụ số trên môi trường mạng; ứng dụng công nghệ số trong các ngành, "
     "nghề, lĩnh vực; quảng bá, bán sản phẩm trên mạng",
     "%", "Tối thiểu 50%", S23, None),
]

CAVEATS = [
    "Hồ sơ sức khỏe điện tử: văn bản báo cáo hai giá trị khác nhau cho cùng chỉ tiêu năm 2023 — "
    "\"đạt 75%\" (Phần I, mục I.3.5) và \"đạt 50%\" (Phần I, mục II.5). Sheet \"Kết quả 2023\" "
    "giữ hai dòng cùng tên chỉ tiêu, mỗi dòng ghi mục nguồn; không chọn giá trị nào.",
    "Tài khoản giao dịch thanh toán (dân số từ 15 tuổi): mục I.3.5 ghi \"đạt 60%\", mục II.5 "
    "ghi \"đạt thấp\" (không nêu số) — giữ hai dòng.",
    "Mục tiêu 2024 \"Tỷ lệ dân số có tài khoản thanh toán điện tử đạt 50%. trở lên\" có dấu chấm "
    "thừa; mục tiêu ghi \"50% trở lên\", câu gốc ở cột Ghi chú. Mục tiêu này (50%) thấp hơn kết "
    "quả 60% báo cáo cho năm 2023, nhưng hai chỉ tiêu được diễn đạt khác nhau (tài khoản thanh "
    "toán điện tử / tài khoản tại ngân hàng của dân số từ 15 tuổi) nên không khẳng định là mâu "
    "thuẫn.",
    "Phần I, mục II.4 (tên \"Dữ liệu số\") và II.5 (tên \"Nền tảng số\") chứa các kết quả thuộc "
    "kinh tế số và xã hội số (trùng với mục I.3.4, I.3.5); workbook xếp dòng theo nhóm DTI theo "
    "nội dung, cột Nguồn ghi đúng mục của văn bản.",
    "Phần I, mục II.8 \"Chính phủ số\" để trống cả \"Kết quả đạt được\" và \"Tồn tại, hạn chế\"; "
    "mục II.9 \"Kinh tế số\" bị cắt giữa câu (\"cơ bản thực hiện đạt theo kế\"). Các đánh giá "
    "chung theo nhóm (I.5 \"mức trung bình so với chỉ tiêu, kế hoạch\"; II.5 \"Kết quả đạt được "
    "các tiêu chí thấp\"; II.9, II.10 \"cơ bản thực hiện đạt theo kế hoạch\") không thành dòng "
    "chỉ tiêu.",
    "Mục I.4.2 / II.11 ghi \"Kinh phí dành cho các hoạt động chi thường xuyên về CNTT 2 năm 2023\" "
    "— chữ \"2\" không rõ nghĩa; không có số tiền nên không thành dòng.",
    "Văn bản (bản trích) không có quốc hiệu, số, ngày ban hành: dòng \"ỦY BAN NHÂN DÂN XÃ PHÙNG "
    "MINH\" được dựng lại từ nội dung. Tỉnh Thanh Hóa suy ra từ \"huyện Ngọc Lặc\", \"sở CNTT "
    "tỉnh Thanh Hóa\" (mục I.4.1) và \"Trung tâm Công nghệ thông tin và Truyền thông Thanh Hóa\" "
    "(Phần II, mục IV.3); văn bản không ghi tên tỉnh ở phần đầu.",
    "Giữ nguyên lỗi chính tả của văn bản: \"lãnh dạo\", \"TDOfice\", \"thôn, thôn\" (trong các "
    "dòng mục tiêu 2024); \"công gnheej\" (\"công nghệ\", mục I.3.1, II.2, II.3) nằm trong câu "
    "không định lượng nên không xuất hiện ở dòng nào; các lỗi khác ngoài bảng: \"băng zôn\"/"
    "\"Băng dôn\", \"đanh giá\", \"tín hiêu\", \"mua sắp\".",
    "Gạch đầu dòng thứ hai của mục II.2.1 chứa hai mục tiêu (\"100% lãnh dạo ... xử lý công việc "
    "hoàn toàn trên môi trường điện tử; 100% các văn bản ... ký số ...\") — tách thành hai dòng. "
    "Hai gạch đầu dòng không có con số (cơ sở dữ liệu dùng chung ở 2.1; sản phẩm OCOP ở 2.2) "
    "giữ mục tiêu dạng chữ.",
    "Mục tiêu \"đảm bảo 100% máy tính kết nối mạng LAN, mạng diện rộng và Internet\" nằm ở Phần "
    "II, mục III.3 (Nhiệm vụ), không thuộc mục II.2 nên không đưa vào sheet \"Mục tiêu 2024\".",
]


def _write_sheet(wb, name, title, header, rows):
    ws = wb.create_sheet(name)
    row = title_rows(ws, title, WIDTH)
    row += 1  # one blank row before the header
    for col, text in enumerate(header, start=1):
        header_cell(ws, row, col, text)
    row += 1
    first = row
    stt = n_data = n_section = 0
    for item in rows:
        if len(item) == 2:
            section_row(ws, row, item[0], item[1], WIDTH)
            n_section += 1
        else:
            stt += 1
            label, unit, value, source, note = item
            data_row(ws, row, [stt, label, unit, value, source, note])
            n_data += 1
        row += 1
    set_widths(ws, WIDTHS)
    ws.freeze_panes = f"C{first}"
    return first, row - 1, n_data, n_section


def build():
    wb = new_workbook()
    r_first, r_last, r_data, r_sec = _write_sheet(wb, RESULTS_SHEET, RESULTS_TITLE,
                                                  RESULTS_HEADER, RESULTS)
    t_first, t_last, t_data, t_sec = _write_sheet(wb, TARGETS_SHEET, TARGETS_TITLE,
                                                  TARGETS_HEADER, TARGETS)
    provenance_sheet(wb, Provenance(
        commune="Phùng Minh",
        province="Thanh Hóa",
        period="2023-2024",
        document=SOURCE,
        kind="Kế hoạch chuyển đổi số năm 2024 (kèm đánh giá kết quả thực hiện năm 2023); văn "
             "bản dạng lời, không có bảng — workbook do người phân tích lập",
        notes=[
            SourceNote(RESULTS_SHEET, f"{r_first}-{r_last}", SOURCE,
                       "Phần I (mục I.3 Kết quả ứng dụng CNTT, chuyển đổi số; mục II.3, II.4, "
                       "II.5)",
                       f"{r_data} dòng kết quả, {r_sec} dòng nhóm DTI; mục nguồn của từng dòng "
                       "ở cột \"Nguồn (mục trong văn bản)\"."),
            SourceNote(TARGETS_SHEET, f"{t_first}-{t_last}", SOURCE,
                       "Phần II, mục II.2 (Mục tiêu cụ thể: 2.1, 2.2, 2.3)",
                       f"{t_data} dòng mục tiêu, {t_sec} dòng mục (2.1, 2.2, 2.3)."),
        ],
        caveats=CAVEATS,
    ))
    return wb, (r_data, r_sec), (t_data, t_sec)


def main() -> None:
    wb, res, tgt = build()
    path = save(wb, OUTPUT)
    print(f"{path}: {RESULTS_SHEET}: {res[0]} data rows, {res[1]} section rows; "
          f"{TARGETS_SHEET}: {tgt[0]} data rows, {tgt[1]} section rows")


if __name__ == "__main__":
    main()
