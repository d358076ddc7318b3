"""Fictional commune names over the real 34 provinces, and their register codes.

A name is built from two syllables (a third when the pairs run out) and kept only when it is
none of the real names we know, names no province, and survives the loader's own title
parsing unchanged (:func:`is_acceptable_name`). The communes are spread over the provinces in
proportion to their real number of units (:func:`province_counts`).
"""
from __future__ import annotations

import math
import random
import re
from functools import lru_cache

from etl.normalize import commune_name, fold, strip_diacritics

# Approximate number of commune-level units per province after 1 July 2025 (sums to 3,321).
# Only the proportions matter: the counts are scaled to --communes.
PROVINCE_UNITS = {
    "Hà Nội": 126, "Huế": 40, "Hải Phòng": 114, "Đà Nẵng": 94, "Hồ Chí Minh": 168,
    "Cần Thơ": 103, "Lai Châu": 38, "Điện Biên": 45, "Sơn La": 75, "Lạng Sơn": 65,
    "Cao Bằng": 56, "Tuyên Quang": 124, "Lào Cai": 99, "Thái Nguyên": 92, "Phú Thọ": 148,
    "Bắc Ninh": 99, "Hưng Yên": 104, "Ninh Bình": 129, "Quảng Ninh": 54, "Thanh Hóa": 166,
    "Nghệ An": 130, "Hà Tĩnh": 69, "Quảng Trị": 78, "Quảng Ngãi": 96, "Gia Lai": 135,
    "Khánh Hòa": 65, "Lâm Đồng": 124, "Đắk Lắk": 102, "Đồng Nai": 95, "Tây Ninh": 96,
    "Vĩnh Long": 124, "Đồng Tháp": 102, "An Giang": 102, "Cà Mau": 64,
}
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}

# Real commune/ward/district names we know: a generated name must be none of these. The
# seed communes first; then common real names (a syllable generator would otherwise produce
# them). Generated names may still coincide with a real unit we do not list: the synthetic
# flag, not the name, is what marks the data.
REAL_NAMES = {
    "Nam Đàn", "Hợp Minh", "Can Lộc", "Phùng Minh", "Phú Trung", "Tân Hòa",
    "An Bình", "An Phú", "An Thạnh", "Bình Minh", "Bình Thạnh", "Bình An", "Bình Hòa",
    "Cẩm Phả", "Đông Hà", "Hòa An", "Hòa Bình", "Hòa Thành", "Hưng Nguyên", "Kim Sơn",
    "Long Điền", "Long Thành", "Mỹ Tho", "Nghĩa Đàn", "Phú Mỹ", "Phú Quốc", "Phú Lộc",
    "Phú Thịnh", "Phú Hòa", "Quỳnh Lưu", "Tam Kỳ", "Tân An", "Tân Bình", "Tân Phú",
    "Tân Thành", "Tân Uyên", "Thạch Hà", "Thanh Chương", "Thuận An", "Tiên Du", "Trà Vinh",
    "Vĩnh Yên", "Yên Thành", "Đức Thọ", "Hương Sơn", "Kỳ Anh", "Nghi Lộc", "Diễn Châu",
    "Đô Lương", "Anh Sơn", "Con Cuông", "Quế Phong", "Quỳ Hợp", "Tân Kỳ", "Hoằng Hóa",
    "Hậu Lộc", "Nga Sơn", "Tĩnh Gia", "Triệu Sơn", "Thọ Xuân", "Yên Định", "Vĩnh Lộc",
    "Cẩm Thủy", "Bá Thước", "Lang Chánh", "Ngọc Lặc", "Như Xuân", "Như Thanh", "Quảng Xương",
    "Đông Sơn", "Hà Trung", "Bỉm Sơn", "Sầm Sơn", "Nông Cống", "Thiệu Hóa", "Long Biên",
    "Cầu Giấy", "Hoàn Kiếm", "Ba Đình", "Đống Đa", "Tây Hồ", "Hoàng Mai", "Thanh Xuân",
    "Gia Lâm", "Đông Anh", "Sóc Sơn", "Mê Linh", "Sơn Tây", "Ba Vì", "Phúc Thọ",
    "Thạch Thất", "Quốc Oai", "Chương Mỹ", "Thanh Oai", "Thường Tín", "Phú Xuyên",
    "Ứng Hòa", "Mỹ Đức", "Hoài Đức", "Đan Phượng", "Thủ Đức", "Bình Chánh", "Củ Chi",
    "Hóc Môn", "Nhà Bè", "Cần Giờ", "Bến Cát", "Dĩ An", "Biên Hòa", "Long Khánh",
    "Trảng Bom", "Vĩnh Cửu", "Định Quán", "Tân Phước", "Châu Thành", "Long Hồ",
    "Mang Thít", "Vũng Liêm", "Tam Bình", "Trà Ôn", "Bình Tân", "Cái Bè", "Cai Lậy",
    "Gò Công", "Chợ Gạo", "Tân Hiệp", "Hòn Đất", "Kiên Lương", "Hà Tiên", "Rạch Giá",
    "Long Xuyên", "Châu Đốc", "Tân Châu", "Phú Tân", "Chợ Mới", "Thoại Sơn", "Tri Tôn",
    "Tịnh Biên", "An Phước", "Đức Hòa", "Đức Huệ", "Bến Lức", "Cần Đước", "Cần Giuộc",
    "Thủ Thừa", "Tân Trụ", "Mộc Hóa", "Vĩnh Hưng", "Tân Hưng", "Thạnh Hóa", "Đông Triều",
    "Quảng Yên", "Uông Bí", "Hạ Long", "Móng Cái", "Tiên Yên", "Vân Đồn", "Cô Tô",
    "Thái Hòa", "Cửa Lò", "Vinh", "Hồng Lĩnh", "Xuân Lộc", "Cẩm Mỹ",
    "Nhơn Trạch", "Đức Linh", "Tánh Linh", "Hàm Tân", "La Gi", "Phan Thiết", "Tuy Phong",
    "Bắc Bình", "Hàm Thuận", "Đà Lạt", "Bảo Lộc", "Di Linh", "Lâm Hà", "Đức Trọng",
    "Đơn Dương", "Lạc Dương", "Buôn Ma Thuột", "Krông Pắc", "Ea Kar", "Cư M'gar",
    "Pleiku", "An Khê", "Ayun Pa", "Chư Sê", "Đức Cơ", "Quy Nhơn", "Hoài Nhơn", "Phù Cát",
    "Phù Mỹ", "Tuy Phước", "Vân Canh", "Sơn Tịnh", "Bình Sơn", "Tư Nghĩa", "Mộ Đức",
    "Đức Phổ", "Ba Tơ", "Lý Sơn", "Hội An", "Điện Bàn", "Duy Xuyên", "Thăng Bình",
    "Núi Thành", "Đại Lộc", "Hòa Vang", "Liên Chiểu", "Sơn Trà", "Ngũ Hành Sơn",
    "Hải Châu", "Cẩm Lệ", "Hương Thủy", "Hương Trà", "Phong Điền", "Quảng Điền",
    "Phú Vang", "Nam Đông", "A Lưới", "Đồng Hới", "Quảng Trạch", "Bố Trạch", "Lệ Thủy",
    "Minh Hóa", "Tuyên Hóa", "Vĩnh Linh", "Gio Linh", "Cam Lộ", "Triệu Phong", "Hải Lăng",
    "Hướng Hóa", "Đa Krông", "Lạc Sơn", "Kim Bôi", "Mai Châu", "Tân Lạc", "Lương Sơn",
    "Yên Thủy", "Cao Phong", "Đà Bắc", "Kỳ Sơn", "Mộc Châu", "Yên Châu", "Mai Sơn",
    "Thuận Châu", "Quỳnh Nhai", "Sông Mã", "Sốp Cộp", "Bắc Yên", "Phù Yên", "Mường La",
    "Sa Pa", "Bát Xát", "Bảo Thắng", "Bảo Yên", "Văn Bàn", "Bắc Hà", "Si Ma Cai",
    "Mường Khương", "Yên Bái", "Nghĩa Lộ", "Văn Chấn", "Trấn Yên", "Lục Yên", "Mù Cang Chải",
    "Trạm Tấu", "Văn Yên", "Yên Bình", "Hàm Yên", "Chiêm Hóa", "Na Hang", "Lâm Bình",
    "Sơn Dương", "Yên Sơn", "Hà Giang", "Đồng Văn", "Mèo Vạc", "Yên Minh", "Quản Bạ",
    "Bắc Mê", "Vị Xuyên", "Bắc Quang", "Quang Bình", "Hoàng Su Phì", "Xín Mần", "Việt Trì",
    "Phù Ninh", "Lâm Thao", "Thanh Ba", "Hạ Hòa", "Đoan Hùng", "Yên Lập", "Cẩm Khê",
    "Tam Nông", "Thanh Thủy", "Thanh Sơn", "Tân Sơn", "Phúc Yên", "Tam Dương", "Tam Đảo",
    "Bình Xuyên", "Yên Lạc", "Vĩnh Tường", "Sông Lô", "Lập Thạch", "Từ Sơn", "Quế Võ",
    "Yên Phong", "Gia Bình", "Lương Tài", "Thuận Thành", "Việt Yên", "Hiệp Hòa", "Lạng Giang",
    "Lục Nam", "Lục Ngạn", "Sơn Động", "Yên Dũng", "Tân Yên", "Yên Thế", "Văn Lâm",
    "Văn Giang", "Yên Mỹ", "Mỹ Hào", "Ân Thi", "Khoái Châu", "Kim Động", "Tiên Lữ",
    "Phù Cừ", "Hưng Hà", "Đông Hưng", "Quỳnh Phụ", "Thái Thụy", "Tiền Hải", "Kiến Xương",
    "Vũ Thư", "Hoa Lư", "Tam Điệp", "Gia Viễn", "Nho Quan", "Yên Khánh", "Yên Mô",
    "Phủ Lý", "Duy Tiên", "Kim Bảng", "Thanh Liêm", "Bình Lục", "Lý Nhân", "Mỹ Lộc",
    "Vụ Bản", "Ý Yên", "Nghĩa Hưng", "Nam Trực", "Trực Ninh", "Xuân Trường", "Giao Thủy",
    "Hải Hậu", "Thủy Nguyên", "An Dương", "An Lão", "Kiến Thụy", "Tiên Lãng", "Vĩnh Bảo",
    "Cát Hải", "Bạch Long Vĩ", "Đồ Sơn", "Dương Kinh", "Chí Linh", "Kinh Môn", "Nam Sách",
    "Kim Thành", "Thanh Hà", "Cẩm Giàng", "Bình Giang", "Gia Lộc", "Tứ Kỳ", "Ninh Giang",
    "Thanh Miện", "Phổ Yên", "Sông Công", "Đại Từ", "Định Hóa", "Phú Lương", "Đồng Hỷ",
    "Võ Nhai", "Phú Bình", "Bắc Kạn", "Ba Bể", "Pác Nặm", "Ngân Sơn", "Bạch Thông",
    "Chợ Đồn", "Na Rì", "Trùng Khánh", "Quảng Hòa", "Nguyên Bình",
    "Bảo Lạc", "Bảo Lâm", "Hà Quảng", "Thạch An", "Hạ Lang", "Tràng Định", "Văn Lãng",
    "Cao Lộc", "Lộc Bình", "Đình Lập", "Bắc Sơn", "Bình Gia", "Văn Quan", "Chi Lăng",
    "Hữu Lũng", "Điện Biên Phủ", "Mường Lay", "Mường Nhé", "Mường Chà", "Tủa Chùa",
    "Tuần Giáo", "Mường Ảng", "Nậm Pồ", "Phong Thổ", "Sìn Hồ", "Tam Đường", "Than Uyên",
    "Nậm Nhùn", "Mường Tè", "Vị Thanh", "Ngã Bảy", "Long Mỹ", "Phụng Hiệp",
    "Sóc Trăng", "Vĩnh Châu", "Ngã Năm", "Bạc Liêu", "Giá Rai", "Hồng Dân", "Phước Long",
    "Đông Hải", "Năm Căn", "Ngọc Hiển", "Đầm Dơi", "Cái Nước", "Thới Bình", "U Minh",
    "Trần Văn Thời", "Cao Lãnh", "Sa Đéc", "Hồng Ngự", "Lấp Vò", "Lai Vung", "Tháp Mười",
    "Thanh Bình", "Bến Tre", "Ba Tri", "Bình Đại", "Giồng Trôm", "Mỏ Cày", "Thạnh Phú",
    "Chợ Lách", "Tây Ninh", "Trảng Bàng", "Gò Dầu", "Bến Cầu", "Dương Minh Châu",
    "Tân Biên", "Đồng Xoài", "Bình Long", "Chơn Thành", "Lộc Ninh", "Bù Đăng",
    "Bù Đốp", "Hớn Quản", "Vũng Tàu", "Bà Rịa", "Long Đất", "Xuyên Mộc", "Côn Đảo",
    "Nha Trang", "Cam Ranh", "Ninh Hòa", "Vạn Ninh", "Diên Khánh", "Khánh Vĩnh",
    "Khánh Sơn", "Trường Sa", "Phan Rang", "Ninh Hải", "Ninh Phước", "Ninh Sơn",
    "Thuận Bắc", "Thuận Nam", "Tuy Hòa", "Sông Cầu", "Đông Hòa", "Tây Hòa", "Sơn Hòa",
    "Sông Hinh", "Đồng Xuân", "Tuy An", "Kon Tum", "Đắk Hà", "Đắk Tô", "Ngọc Hồi",
    "Sa Thầy", "Gia Nghĩa", "Đắk Mil", "Krông Nô", "Cư Jút", "Tuy Đức",
}


# ---------------------------------------------------------------------------------------
# Syllables, names, provinces
# ---------------------------------------------------------------------------------------
FIRST = ("An", "Bảo", "Bình", "Cẩm", "Châu", "Chí", "Diên", "Đại", "Đông", "Đức", "Gia",
         "Hạ", "Hải", "Hiệp", "Hòa", "Hồng", "Hưng", "Hương", "Khánh", "Kim", "Kỳ", "Lạc",
         "Lâm", "Liên", "Long", "Lộc", "Lương", "Minh", "Mỹ", "Nghĩa", "Ngọc", "Phong",
         "Phúc", "Phước", "Quang", "Quế", "Quỳnh", "Sơn", "Tam", "Tân", "Thạch", "Thái",
         "Thanh", "Thạnh", "Thiện", "Thọ", "Thuận", "Thượng", "Tiến", "Trung", "Tường",
         "Vạn", "Văn", "Vĩnh", "Xuân", "Yên", "Ea", "Nà", "Pác", "Tà", "Bản", "Mường")
SECOND = ("Bằng", "Cát", "Chánh", "Cương", "Dương", "Điền", "Định", "Đoài", "Giang",
          "Hanh", "Hiển", "Hoa", "Khê", "Lan", "Lĩnh", "Lợi", "Luông", "Mai", "Nguyên",
          "Nhuận", "Phong", "Phượng", "Quan", "Quý", "Sinh", "Tảo", "Thắng", "Thịnh",
          "Thông", "Thủy", "Tiên", "Tịnh", "Toàn", "Trạch", "Trinh", "Trù", "Tuấn", "Tùng",
          "Uyên", "Vân", "Viên", "Vinh", "Xá", "Yến", "Bồng", "Cừ", "Dực", "Đào", "Hạnh",
          "Kiều", "Lệ", "Mạch", "Nhân", "Phù", "Sa", "Thái", "Trà", "Vũ", "Xoan", "Đình")
THIRD = ("Thượng", "Hạ", "Đông", "Tây", "Nam", "Bắc", "Trung")
KINDS = (("xã", 0.78), ("phường", 0.21), ("đặc khu", 0.01))


@lru_cache(maxsize=1)
def _province_keys() -> tuple[str, ...]:
    from etl.context import provinces
    return tuple(provinces())


@lru_cache(maxsize=1)
def _real_folded() -> frozenset[str]:
    return frozenset(fold(n) for n in REAL_NAMES)


def is_acceptable_name(name: str) -> bool:
    """Fictional, unambiguous in titles, and stable through the loader's name handling."""
    f = fold(name)
    if f in _real_folded():
        return False
    padded = f" {f} "
    if any(f" {k} " in padded for k in _province_keys()):
        return False  # a province name inside a commune name would confuse title parsing
    words = name.split()
    if len(set(words)) != len(words):
        return False
    return commune_name(f"ỦY BAN NHÂN DÂN XÃ {name.upper()}") == name


def commune_names(n: int, seed: int) -> list[str]:
    """n distinct fictional names, deterministic for a seed."""
    rng = random.Random(f"names-{seed}")
    pairs = [f"{a} {b}" for a in FIRST for b in SECOND]
    rng.shuffle(pairs)
    out: list[str] = []
    seen: set[str] = set()
    for cand in pairs:
        if len(out) >= n:
            break
        if fold(cand) not in seen and is_acceptable_name(cand):
            out.append(cand)
            seen.add(fold(cand))
    i = 0
    while len(out) < n:  # more than the pairs allow: add a third syllable
        cand = f"{pairs[i % len(pairs)]} {THIRD[(i // len(pairs)) % len(THIRD)]}"
        i += 1
        if i > 50 * len(pairs):
            raise ValueError(f"cannot make {n} distinct names")
        if fold(cand) not in seen and is_acceptable_name(cand):
            out.append(cand)
            seen.add(fold(cand))
    return out


def province_counts(n: int) -> list[tuple[str, int]]:
    """Spread n communes over the 34 provinces in proportion to their real number of units
    (largest remainder; 3,321 gives the real counts), every province at least one when
    n >= 34."""
    names = list(PROVINCE_UNITS)
    total = sum(PROVINCE_UNITS.values())
    quotas = {p: n * PROVINCE_UNITS[p] / total for p in names}
    counts = {p: int(math.floor(quotas[p])) for p in names}
    left = n - sum(counts.values())
    for p in sorted(names, key=lambda p: (-(quotas[p] - counts[p]), names.index(p)))[:left]:
        counts[p] += 1
    if n >= len(names):
        for p in names:
            while counts[p] == 0:
                donor = max(names, key=lambda q: (counts[q], -names.index(q)))
                counts[donor] -= 1
                counts[p] += 1
    return [(p, counts[p]) for p in names if counts[p]]


def communes(n: int, seed: int) -> list[tuple[str, str]]:
    """[(commune, province)] in a stable order (province by province)."""
    names = commune_names(n, seed)
    out = []
    i = 0
    for province, k in province_counts(n):
        for _ in range(k):
            out.append((names[i], province))
            i += 1
    return out


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", strip_diacritics(text).lower()).strip("_")



def synthetic_code(index: int) -> str:
    """The register code of the index-th fictional unit: never an official code (those are
    five digits)."""
    return f"S{index + 1:05d}"
