"""Synthetic national data: N fictional communes over the 34 provinces (default 3,321).

    python -m etl synth --communes 3321 --db data/synthetic.duckdb
    python -m etl synth --communes 200 --out bench-out/workbooks [--seed 42] [--jobs 2]

Everything here is invented and labelled as such: every row of ``target_rows``,
``actual_rows``, ``budget_rows`` and ``imports`` carries ``synthetic = TRUE``, the table
``meta`` holds ``('synthetic', 'true')``, and each workbook says so in its ``Thông tin chung``
sheet. Commune names are built from syllables and checked against real names we know (the
seed communes and a list of well-known units); provinces are the real 34 (a synthetic commune
still belongs to a real province, so filters and roll-ups work as for real data).

What one commune gets (the same plan feeds both outputs, from ``--seed`` and its index):

* 20–40 catalogue indicators (labels: the catalogue's wording or one of the documents' own
  wordings from ``aliases.csv``), 0–2 commune-specific ones; unit, direction and value type
  follow ``indicators.csv``;
* targets for 2026 (always), 2030 (mostly) and some of 2027–2029, written as offices write
  them: ``85%``, ``≥ 80%``, ``Trên 90%``, ``Tối thiểu 70%``, ``50-80%``, ``Thứ 20-30``,
  ``Top 10``, ``1- 2 người``, ``Hoàn thành``, qualitative text, numbers formatted as %;
* results: ``--db`` stores quarterly reports (periods ``2025-Q1`` … ``2026-Q3``, one import
  per report); percentages follow each commune's own trajectory (:func:`_trajectory`: a
  logit-scale pace from a national pace per indicator, a province effect, the commune's
  capacity and spread, noise, occasional lasting setbacks), so forecasts can be back-tested;
  with missing reports (whole communes, whole quarters, single indicators),
  fractions ``612/720``, ``85,5%``, ``Đạt``, ``Chưa thực hiện``, free text; the workbooks carry
  the annual view the loader understands (``Kết quả thực hiện / Năm 2025`` and
  ``… / 9 tháng năm 2026``), because the ETL keys a result period by year;
* budget lines for 2026 by DTI group (section rows) and funding source (one column each
  under a merged ``Dự toán kinh phí (triệu đồng)``), with status words in ``Ghi chú``.

``--db`` builds the database directly (bulk inserts into the base tables with one import and
one dataset per file and period, exactly the rows the loader would write), so the contract
views ``targets``/``actuals``/``budget_lines``/``progress`` work as for real data. Values go
through the ETL's own parser (:func:`etl.values.parse_value`) and labels through the
catalogue matcher, so kinds, ops, units and codes are the loader's. ``--out`` writes one
workbook per commune that ``python -m etl load`` reads with zero errors.
"""
from __future__ import annotations

import csv
import hashlib
import math
import os
import random
import re
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from .catalog import CATALOG_DIR, Catalog, load_catalog, local_code
from .normalize import clean, commune_name, fold, strip_diacritics

SYNTH_VERSION = "2"
DEFAULT_COMMUNES = 3321
TARGET_YEARS = (2026, 2027, 2028, 2029, 2030)
QUARTERS = ((2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2), (2026, 3))
PLAN_YEAR = 2026
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
QROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

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
# Names and provinces
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
    from .context import provinces
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


# ---------------------------------------------------------------------------------------
# The catalogue, as the generator needs it
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Spec:
    code: str
    pillar: str
    unit: str
    direction: str
    value_type: str
    labels: tuple[str, ...]  # catalogue wording first, then the documents' wordings


LOCAL_LABELS = {  # commune-specific indicators: no catalogue code
    "NT": ("Số tin, bài về chuyển đổi số đăng trên Trang thông tin điện tử của xã", "bài",
           "count"),
    "HT": ("Tỷ lệ nhà văn hóa thôn có điểm truy cập Internet miễn phí cho người dân", "%",
           "percent"),
    "CQ": ("Tỷ lệ cuộc họp giao ban của Ủy ban nhân dân xã tổ chức không giấy tờ", "%",
           "percent"),
    "KT": ("Số hộ kinh doanh trên địa bàn xã có gian hàng trên sàn thương mại điện tử",
           "hộ", "count"),
    "XH": ("Tỷ lệ hộ dân tham gia nhóm Zalo thông tin của thôn, tổ dân phố", "%", "percent"),
    "NL": ("Số đoàn viên thanh niên tham gia hướng dẫn kỹ năng số cho người dân", "người",
           "count"),
}

LEAD_UNITS = {
    "NT": ("Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã"),
    "TC": ("Văn phòng HĐND và UBND xã", "Đảng ủy xã"),
    "HT": ("Phòng Kinh tế", "Văn phòng HĐND và UBND xã", "Bưu điện văn hóa xã"),
    "NL": ("Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã", "Trường THCS"),
    "AT": ("Văn phòng HĐND và UBND xã", "Công an xã"),
    "CQ": ("Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND xã"),
    "KT": ("Phòng Kinh tế", "Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã"),
    "XH": ("Công an xã", "Trạm Y tế xã", "Phòng Văn hóa - Xã hội", "Tổ công nghệ số cộng đồng"),
}

BUDGET_TASKS = {
    "NT": ("Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia 10/10",
           "Xây dựng chuyên mục chuyển đổi số trên Trang thông tin điện tử và Đài truyền thanh xã",
           "In ấn pano, áp phích, tờ rơi tuyên truyền về chuyển đổi số"),
    "TC": ("Xây dựng, ban hành kế hoạch và quy chế hoạt động Ban Chỉ đạo chuyển đổi số xã",),
    "HT": ("Nâng cấp đường truyền Internet cáp quang và mạng nội bộ trụ sở Ủy ban nhân dân xã",
           "Lắp đặt hệ thống camera giám sát an ninh, trật tự tại các trục đường chính",
           "Xây dựng hệ thống loa truyền thanh thông minh ứng dụng công nghệ thông tin - viễn thông",
           "Trang bị máy tính, máy quét cho bộ phận một cửa",
           "Lắp đặt điểm phát Wi-Fi miễn phí tại nhà văn hóa các thôn"),
    "NL": ("Tập huấn kỹ năng số cho cán bộ, công chức và thành viên Tổ công nghệ số cộng đồng",
           "Tổ chức lớp Bình dân học vụ số cho người dân"),
    "AT": ("Mua bản quyền phần mềm phòng, chống mã độc cho máy tính của cơ quan",
           "Xây dựng hồ sơ đề xuất cấp độ an toàn hệ thống thông tin"),
    "CQ": ("Số hóa hồ sơ, tài liệu lưu trữ và kết quả giải quyết thủ tục hành chính",
           "Trang bị màn hình, thiết bị phục vụ hội nghị truyền hình trực tuyến",
           "Nâng cấp Trang thông tin điện tử của xã đáp ứng yêu cầu kỹ thuật"),
    "KT": ("Hỗ trợ hộ kinh doanh, hợp tác xã đưa sản phẩm OCOP lên sàn thương mại điện tử",
           "Tuyên truyền, hướng dẫn thanh toán không dùng tiền mặt tại chợ và cơ sở kinh doanh"),
    "XH": ("Hỗ trợ người dân kích hoạt tài khoản định danh điện tử VNeID mức độ 2",
           "Duy trì hoạt động của các Tổ công nghệ số cộng đồng"),
}
OBJECTIVES = {
    "NT": "Nâng cao nhận thức của cán bộ và người dân về chuyển đổi số",
    "TC": "Hoàn thiện thể chế, kế hoạch, quy chế phục vụ chuyển đổi số",
    "HT": "Bảo đảm hạ tầng số phục vụ hoạt động của cơ quan và người dân",
    "NL": "Nâng cao kỹ năng số cho cán bộ, công chức và người dân",
    "AT": "Bảo đảm an toàn thông tin mạng theo cấp độ",
    "CQ": "Nâng cao hiệu quả cung cấp dịch vụ công trực tuyến và điều hành trên môi trường số",
    "KT": "Thúc đẩy kinh tế số, thương mại điện tử trên địa bàn",
    "XH": "Thu hẹp khoảng cách số, phát triển xã hội số",
}
EXPECTED = ("Hoàn thành trong năm", "100% cán bộ tham gia", "Phục vụ người dân và doanh nghiệp",
            "Đưa vào sử dụng trong quý IV", "")
FUNDING = (("Ngân sách tỉnh", "Ngân sách xã", "Nguồn xã hội hóa"),
           ("Nguồn NS tỉnh bố trí trong dự toán chi năm 2026", "Nguồn hợp pháp của đơn vị"),
           ("Ngân sách tỉnh", "Ngân sách xã"))
BUDGET_STATUS = ("Đề xuất", "Đề xuất", "Chuyển tiếp", "Đã phê duyệt", "Mới", "Đang thực hiện",
                 "")
QUALITATIVE_TEXT = ("Duy trì, nâng cao chất lượng", "Theo kế hoạch của tỉnh",
                    "Triển khai theo hướng dẫn của cấp trên")
RESULT_TEXT = ("Đang triển khai", "Đang xây dựng kế hoạch", "Đã triển khai một phần")
AI_TARGETS = ("Có ứng dụng AI phục vụ người dân", "Thử nghiệm trợ lý ảo AI tại bộ phận một cửa",
              "Ứng dụng AI trong trả lời phản ánh, kiến nghị")
AI_RESULTS = ("Đã thử nghiệm trợ lý ảo AI hỏi đáp thủ tục hành chính",
              "Chưa triển khai", "Đang khảo sát nhu cầu")


@lru_cache(maxsize=4)
def _specs(catalog_dir: str) -> tuple[Spec, ...]:
    catalog = load_catalog(catalog_dir)
    extra: dict[str, list[str]] = {}
    path = Path(catalog_dir) / "aliases.csv"
    if path.exists():
        with path.open(encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                code, alias = (r.get("indicator_code") or "").strip(), clean(r.get("alias"))
                if not code or code not in catalog.indicators or len(alias) > 220:
                    continue
                if ".gov.vn" in alias or _mentions_place(alias):
                    continue
                if catalog.match(alias).code == code:  # only wordings the matcher agrees on
                    extra.setdefault(code, []).append(alias)
    out = []
    for ind in catalog.indicators.values():
        labels = [ind.name_vi] + [a for a in extra.get(ind.code, []) if a != ind.name_vi]
        out.append(Spec(ind.code, ind.pillar, ind.unit, ind.direction, ind.value_type,
                        tuple(labels)))
    return tuple(out)


def _mentions_place(text: str) -> bool:
    padded = f" {fold(text)} "
    if any(f" {fold(n)} " in padded for n in ("Nam Đàn", "Hợp Minh", "Can Lộc", "Phùng Minh",
                                               "Phú Trung")):
        return True
    return any(f" {k} " in padded for k in _province_keys())


# ---------------------------------------------------------------------------------------
# One commune's plan (the single source for --db and --out)
# ---------------------------------------------------------------------------------------
Cell = tuple  # (raw value as typed in Excel, formatted as percent?)


@dataclass
class IndicatorPlan:
    code: str | None  # None: commune-specific
    pillar: str
    label: str
    unit_hint: str  # the ĐVT column
    lead_unit: str
    note: str
    targets: dict[int, Cell] = field(default_factory=dict)
    quarterly: dict[tuple[int, int], Cell] = field(default_factory=dict)
    annual: dict[str, Cell] = field(default_factory=dict)  # '2025' (year) / '2026' (9 months)
    assessment: str = ""


@dataclass
class BudgetPlan:
    pillar: str
    task: str
    objective: str
    expected: str
    lead_unit: str
    amounts: list[Cell]  # one per funding source column (None = empty)
    note: str


@dataclass
class CommunePlan:
    index: int
    commune: str
    province: str
    kind: str  # xã | phường | đặc khu
    indicators: list[IndicatorPlan]
    budget: list[BudgetPlan]
    funding: tuple[str, ...]
    meta_sheet: bool  # Xã/Tỉnh/Năm in 'Thông tin chung' (otherwise only in titles)
    plan_no: int
    reported_quarters: tuple[tuple[int, int], ...]
    slug: str = ""

    def __post_init__(self) -> None:
        if not self.slug:
            self.slug = f"{self.index + 1:04d}_{slug(self.commune)}_{slug(self.province)}"

    @property
    def plan_file(self) -> str:
        return f"ke_hoach_cds_{self.slug}.xlsx"

    def report_file(self, year: int, q: int) -> str:
        return f"bao_cao_cds_{self.slug}_{year}_q{q}.xlsx"


def _vn(v: float, decimals: int = 1) -> str:
    """85.5 -> '85,5'; 86.0 -> '86'; 1200 -> '1.200' (Vietnamese)."""
    if abs(v - round(v)) < 1e-9:
        return f"{int(round(v)):,}".replace(",", ".")
    return f"{v:.{decimals}f}".rstrip("0").rstrip(".").replace(".", ",")


def _round5(v: float) -> int:
    return int(min(100, max(5, 5 * round(v / 5))))


def _percent_target(rng: random.Random, v: int, style: str, year: int) -> Cell:
    if v >= 100:
        return ("100%", False) if rng.random() < 0.85 else (1.0, True)
    r = rng.random()
    if r < 0.05 and year <= 2027 and v >= 30:
        return (f"{v - 20}-{v}%" if rng.random() < 0.5 else f"{v - 10} - {v + 5}%", False)
    if style == "ge":
        return (f"≥ {v}%", False)
    if style == "tren":
        return (f"Trên {v}%", False)
    if style == "toi_thieu":
        return (f"Tối thiểu {v}%", False)
    if style == "number":
        return (v / 100, True)
    if style == "bare":
        return (str(v), False)  # ĐVT says %
    if r < 0.15:
        return (f"{v}% trở lên", False)
    return (f"{v}%", False)


def _percent_result(rng: random.Random, v: float, style: str) -> Cell:
    v = round(min(100.0, max(0.0, v)), 1 if rng.random() < 0.4 else 0)
    r = rng.random()
    if r < 0.03:
        return ("Đạt", False) if rng.random() < 0.7 else ("Chưa đạt", False)
    if r < 0.045:
        return (rng.choice(RESULT_TEXT), False)
    if r < 0.12 and 0 < v < 100:
        den = rng.randint(40, 3000)
        num = int(round(den * v / 100))
        if rng.random() < 0.3:
            return (f"{num}/{den} ({_vn(round(num / den * 100, 1))}%)", False)
        return (f"{_vn(num, 0)}/{_vn(den, 0)}", False)
    if style == "number":
        return (round(v / 100, 4), True)
    if style == "bare":
        return (_vn(v), False)
    return (f"{_vn(v)}%", False)


def plan_commune(index: int, commune: str, province: str, seed: int,
                 catalog_dir: str | None = None) -> CommunePlan:
    """Deterministic for (seed, index, commune, province)."""
    specs = _specs(str(catalog_dir or CATALOG_DIR))
    rng = random.Random(f"{seed}-{index}-{commune}-{province}")
    perf = rng.gauss(0, 1)  # how well this commune does
    style = rng.choice(("plain", "plain", "ge", "tren", "toi_thieu", "number", "bare"))
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    # Reporting: some communes never report, most miss a quarter now and then.
    if rng.random() < 0.05:
        reported: tuple = ()
    else:
        reported = tuple(q for q in QUARTERS if rng.random() > 0.08)
    n_ind = rng.randint(20, 40)
    chosen = rng.sample(specs, n_ind)
    plans: list[IndicatorPlan] = []
    for spec in chosen:
        plans.append(_indicator(rng, spec, perf, style, reported, province))
    for pillar in rng.sample(sorted(LOCAL_LABELS), rng.choice((0, 0, 1, 1, 2))):
        label, unit, vtype = LOCAL_LABELS[pillar]
        spec = Spec("", pillar, unit, "higher", vtype, (label,))
        plans.append(_indicator(rng, spec, perf, style, reported, province))
    order = {p: i for i, p in enumerate(("NT", "TC", "HT", "NL", "AT", "CQ", "KT", "XH"))}
    plans.sort(key=lambda p: (order[p.pillar], p.code or "~"))
    funding = rng.choice(FUNDING)
    budget = []
    for pillar in sorted(rng.sample(sorted(BUDGET_TASKS), rng.randint(3, 7)), key=order.get):
        for task in rng.sample(BUDGET_TASKS[pillar], rng.randint(1, min(2, len(BUDGET_TASKS[pillar])))):
            amounts: list[Cell] = [(None, False)] * len(funding)
            main = rng.choices(range(len(funding)), [6, 3, 1][:len(funding)])[0]
            amounts[main] = _amount(rng)
            if rng.random() < 0.2:
                other = (main + 1) % len(funding)
                amounts[other] = _amount(rng, small=True)
            if rng.random() < 0.04:
                amounts = [(None, False)] * len(funding)  # not costed yet
            budget.append(BudgetPlan(pillar, task, OBJECTIVES[pillar], rng.choice(EXPECTED),
                                     rng.choice(LEAD_UNITS[pillar]), amounts,
                                     rng.choice(BUDGET_STATUS)))
    return CommunePlan(index, commune, province, kind, plans, budget, funding,
                       meta_sheet=rng.random() < 0.5, plan_no=rng.randint(12, 480),
                       reported_quarters=reported)


def _amount(rng: random.Random, small: bool = False) -> Cell:
    v = rng.choice((20, 30, 50, 50, 80, 100, 120, 150, 200)) if small else \
        rng.choice((50, 80, 100, 150, 200, 250, 300, 450, 500, 600, 800, 1000, 1200, 1500, 2500))
    r = rng.random()
    if v >= 1000 and r < 0.15:
        return (f"{_vn(v / 1000)} tỷ", False)
    if r < 0.55:
        return (_vn(v, 0), False)  # typed as text: '1.200'
    return (v, False)  # a number formatted #,##0


def _logit(p: float) -> float:
    p = min(0.995, max(0.005, p))
    return math.log(p / (1 - p))


def _trajectory(rng: random.Random, start: float, perf: float, province: str,
                indicator: str) -> list[float]:
    """One commune's path of a percentage over QUARTERS, so that communes differ the way
    real ones do (not one curve shifted): a yearly pace on the logit scale (growth slows
    near 100 %) made of a national pace for the indicator, a province effect (communes of
    one province share a programme), the commune's own capacity (``perf``) and its own
    spread; quarterly noise; and, for one path in eight, a setback (a merged office, a
    change of counting) that lasts. A few communes regress."""
    national = 0.25 + 0.5 * random.Random(f"pace-{indicator}").random()
    prov = random.Random(f"pace-{indicator}-{province}").gauss(0, 0.25)
    pace = rng.gauss(national + prov + 0.15 * perf, 0.35)
    x = _logit(start / 100)
    drop_at = rng.randrange(len(QUARTERS)) if rng.random() < 0.125 else None
    drop = rng.uniform(0.3, 1.0)
    out = []
    for k in range(len(QUARTERS)):
        xk = x + pace * k / 4 + rng.gauss(0, 0.12)
        if drop_at is not None and k >= drop_at:
            xk -= drop
        out.append(100.0 / (1.0 + math.exp(-xk)))
    return out


def _indicator(rng: random.Random, spec: Spec, perf: float, style: str,
               reported: tuple, province: str) -> IndicatorPlan:
    label = spec.labels[0] if len(spec.labels) == 1 or rng.random() < 0.6 else \
        rng.choice(spec.labels[1:])
    years = [2026] + [y for y in (2027, 2028, 2029) if rng.random() < 0.4] + \
        ([2030] if rng.random() < 0.85 else [])
    p = IndicatorPlan(code=spec.code or None, pillar=spec.pillar, label=label,
                      unit_hint="%" if style == "bare" and spec.unit == "%" else
                      (spec.unit if spec.value_type == "count" else ""),
                      lead_unit=rng.choice(LEAD_UNITS[spec.pillar]), note="")
    never = rng.random() < 0.12  # planned, never reported
    quarters = [] if never else [q for q in reported if rng.random() > 0.1]
    vt = spec.value_type
    if spec.code == "CQ.CHI_NGAN_SACH_CDS":  # real plans: 1-3 % of the budget, not 100 %
        p.targets = {y: (f"Tối thiểu {rng.choice((1, 1, 2, 3))}%", False) for y in years}
    elif vt == "percent" and spec.unit == "%":
        start = min(100.0, max(3.0, rng.gauss(62 + 9 * perf, 20)))
        traj = _trajectory(rng, start, perf, province, spec.code or spec.labels[0])
        all_100 = rng.random() < 0.3
        level = _round5(start + rng.uniform(5, 25))
        for y in years:
            v = 100 if all_100 else level
            p.targets[y] = _percent_target(rng, v, style, y)
            level = _round5(level + rng.uniform(0, 8))
        for k, q in enumerate(QUARTERS):
            if q in quarters:
                p.quarterly[q] = _percent_result(rng, traj[k], style)
    elif vt == "done":
        for y in years:
            r = rng.random()
            p.targets[y] = ("Hoàn thành", False) if r < 0.8 else \
                (rng.choice(QUALITATIVE_TEXT), False) if r < 0.92 else ("100%", False)
        done_at = rng.randint(0, 10) - int(perf)  # quarter index when it gets done
        for k, q in enumerate(QUARTERS):
            if q not in quarters:
                continue
            if k >= done_at:
                p.quarterly[q] = (rng.choice(("Hoàn thành", "Đã hoàn thành", "Đã thực hiện",
                                              "Đạt")), False)
            else:
                p.quarterly[q] = (rng.choice(("Chưa thực hiện", "Chưa hoàn thành")), False) \
                    if rng.random() < 0.6 else (rng.choice(RESULT_TEXT), False)
    elif vt == "rank":
        best = max(1, int(rng.gauss(30 - 8 * perf, 12)))
        for i, y in enumerate(years):
            top = max(3, best - 3 * i)
            r = rng.random()
            p.targets[y] = (f"Thứ {max(1, top - 10)}-{top}", False) if r < 0.6 else \
                (f"Top {top}", False) if r < 0.9 else \
                ("Cải thiện thứ hạng so với năm trước", False)
        if (2025, 4) in quarters:  # the DTI rank is published once a year
            rank = max(1, int(best + rng.gauss(6, 10)))
            p.quarterly[(2025, 4)] = (f"Thứ {rank}" if rng.random() < 0.7 else
                                      f"Xếp thứ {rank}/{rng.randint(60, 160)}", False)
    elif vt == "count":
        unit = spec.unit or ""
        base = {"người": 2, "lớp": 4, "dịch vụ": 120, "tổ": 9, "bài": 24, "hộ": 15}.get(unit, 5)
        goal = max(1, int(base * rng.uniform(0.6, 1.6)))
        pace = max(-0.02, rng.gauss(0.08 + 0.02 * perf, 0.04))  # share of the goal per quarter
        for i, y in enumerate(years):
            g = goal + i * max(1, goal // 10)
            r = rng.random()
            if unit == "người" and r < 0.5:
                p.targets[y] = (f"{max(1, g - 1)}- {g + 1} người", False)
            elif r < 0.35:
                p.targets[y] = (f"≥ {g} {unit}".strip(), False)
            elif r < 0.5:
                p.targets[y] = (f"Tối thiểu {g} {unit}".strip(), False)
            elif r < 0.95:
                p.targets[y] = (str(g), False)
            else:
                p.targets[y] = (rng.choice(QUALITATIVE_TEXT), False)
        for k, q in enumerate(QUARTERS):
            if q not in quarters:
                continue
            v = max(0, int(round(goal * (0.5 + pace * k + 0.1 * perf) + rng.gauss(0, 1))))
            r = rng.random()
            if unit == "tổ" and r < 0.15:
                p.quarterly[q] = (f"Đã thành lập {v}/{max(v, goal)} tổ", False)  # a fraction
            elif r < 0.05:
                p.quarterly[q] = ("Đã thành lập và hoạt động", False)
            elif r < 0.5:
                p.quarterly[q] = (f"{v} {unit}".strip(), False)
            else:
                p.quarterly[q] = (str(v), False)
    else:  # text (and a catalogue percent without unit, if any)
        for y in years:
            p.targets[y] = (rng.choice(AI_TARGETS), False)
        for q in QUARTERS:
            if q in quarters and rng.random() < 0.6:
                p.quarterly[q] = (rng.choice(AI_RESULTS), False)
    if never:
        p.note = "Chưa có số liệu"
    # The annual view in the workbook: full year 2025, and nine months of 2026.
    for year, last_q in ((2025, 4), (2026, 3)):
        for q in range(last_q, 0, -1):
            if (year, q) in p.quarterly:
                p.annual[str(year)] = p.quarterly[(year, q)]
                break
    if p.annual and rng.random() < 0.5:
        p.assessment = rng.choice(("Đạt", "Chưa đạt", "Vượt"))
    if rng.random() < 0.05 and not p.note:
        p.note = rng.choice(("Số liệu ước tính", "Theo báo cáo của Công an xã",
                             "Số liệu đến 30/9"))
    return p


# ---------------------------------------------------------------------------------------
# --db: bulk build
# ---------------------------------------------------------------------------------------
TARGET_COLS = ("dataset_id", "import_id", "commune", "province", "indicator_code", "pillar",
               "label", "target_year", "target_text", "value_kind", "op", "value_low",
               "value_high", "unit", "lead_unit", "partner_unit", "section", "line_no",
               "match_method", "match_confidence", "suggested_code", "note", "source_ref",
               "flags", "source_file", "source_sheet", "source_row", "source_col", "synthetic")
ACTUAL_COLS = ("dataset_id", "import_id", "commune", "province", "indicator_code", "pillar",
               "label", "period", "period_year", "value", "value_text", "value_kind", "op",
               "value_low", "value_high", "unit", "numerator", "denominator", "stated_percent",
               "assessment", "section", "line_no", "match_method", "match_confidence",
               "suggested_code", "note", "source_ref", "flags", "source_file", "source_sheet",
               "source_row", "source_col", "synthetic")
BUDGET_COLS = ("dataset_id", "import_id", "commune", "province", "plan_year", "line_no",
               "task", "objective", "expected_result", "pillar", "lead_unit",
               "amount_million_vnd", "amount_text", "funding_source", "status", "note",
               "flags", "source_file", "source_sheet", "source_row", "source_col", "synthetic")
TARGET_SHEET = "Chỉ tiêu 2026-2030"
RESULT_SHEET = "Kết quả thực hiện"
BUDGET_SHEET = f"Kinh phí {PLAN_YEAR}"
FIRST_BODY_ROW = 9  # title (4) + blank + two header rows + column numbers


@lru_cache(maxsize=8192)
def _parse(raw, pf: bool, unit_hint: str):
    from .values import parse_value
    return parse_value(raw, unit_hint=unit_hint or None, percent_format=pf)


@lru_cache(maxsize=2048)
def _amount_parse(raw):
    from .values import parse_amount
    return parse_amount(raw)


_MATCH_CACHE: dict[tuple[int, str], object] = {}


def _match(catalog: Catalog, label: str):
    key = (id(catalog), label)
    m = _MATCH_CACHE.get(key)
    if m is None:
        m = _MATCH_CACHE[key] = catalog.match(label)
    return m


def _pillar_heading(catalog: Catalog, pillar: str) -> str:
    """The section row for a DTI group, upper case as offices type it; the first wording
    the loader maps back to the group (it does not map every wording: see the report)."""
    return _headings(catalog).get(pillar, catalog.pillars[pillar].name_vi.upper())


_HEADINGS: dict[int, dict[str, str]] = {}


def _headings(catalog: Catalog) -> dict[str, str]:
    key = id(catalog)
    if key not in _HEADINGS:
        out = {}
        for code, p in catalog.pillars.items():
            for cand in (p.name_vi, *p.aliases):
                if catalog.pillar_for_heading(cand.upper()) == code:
                    out[code] = cand.upper()
                    break
        _HEADINGS[key] = out
    return _HEADINGS[key]


def _layout(catalog: Catalog, plan: CommunePlan):
    """Excel rows of the targets/results sheets: [(row, kind, section_no, heading|plan)]."""
    rows = []
    r = FIRST_BODY_ROW
    current = None
    sec = 0
    n = 0
    for ip in plan.indicators:
        if ip.pillar != current:
            current = ip.pillar
            rows.append((r, "section", ROMAN[sec], _pillar_heading(catalog, ip.pillar)))
            sec += 1
            r += 1
        n += 1
        rows.append((r, "data", str(n), ip))
        r += 1
    return rows


def _unit_flag(catalog: Catalog, code: str | None, parsed) -> list[str]:
    flags = list(parsed.flags)
    ind = catalog.indicators.get(code or "")
    if ind and ind.unit and parsed.unit and parsed.unit != ind.unit and \
            parsed.kind in ("percent", "number"):
        flags.append("unit_mismatch")
    return flags


def commune_rows(plan: CommunePlan, catalog: Catalog):
    """Rows for the base tables, grouped by file: {file: {'targets': [...], ...}}.

    Each row is a dict without dataset_id/import_id (assigned by :func:`build_db`)."""
    c, prov = plan.commune, plan.province
    targets, budget = [], []
    actuals: dict[tuple[int, int], list] = {}
    section = ""
    letters = "DEFGH"
    for r, kind, no, item in _layout(catalog, plan):
        if kind == "section":
            section = item
            continue
        ip: IndicatorPlan = item
        m = _match(catalog, ip.label)
        code = m.code or local_code(c, ip.label)
        pillar = catalog.indicators[m.code].pillar if m.code else \
            catalog.pillar_for_heading(section)
        common = (code, pillar, ip.label)
        for y, (raw, pf) in ip.targets.items():
            p = _parse(raw, pf, ip.unit_hint)
            targets.append((c, prov, *common, y, p.text, p.kind, p.op, p.low, p.high, p.unit,
                            ip.lead_unit, "", section, no, m.method, m.confidence,
                            m.suggestion, ip.note, "", ",".join(_unit_flag(catalog, m.code, p)),
                            plan.plan_file, TARGET_SHEET, r, letters[y - 2026], True))
        for (y, q), (raw, pf) in ip.quarterly.items():
            p = _parse(raw, pf, ip.unit_hint)
            actuals.setdefault((y, q), []).append((
                c, prov, *common, f"{y}-Q{q}", y, p.value, p.text, p.kind, p.op, p.low, p.high,
                p.unit, p.numerator, p.denominator, p.stated_percent, ip.assessment, section,
                no, m.method, m.confidence, m.suggestion, ip.note, "",
                ",".join(_unit_flag(catalog, m.code, p)), plan.report_file(y, q),
                f"Quý {QROMAN[q]}/{y}", r, "D", True))
    r = FIRST_BODY_ROW
    section = ""
    current = None
    sec = 0
    n = 0
    fund_letters = "FGH"
    for bp in plan.budget:
        if bp.pillar != current:
            current, section = bp.pillar, _pillar_heading(catalog, bp.pillar)
            sec += 1
            r += 1
        n += 1
        status = bp.note if bp.note in BUDGET_STATUS else ""
        filled = [(i, cell) for i, cell in enumerate(bp.amounts) if cell[0] is not None]
        for i, (raw, _) in filled or [(0, (None, False))]:
            value, text = _amount_parse(raw)
            budget.append((c, prov, PLAN_YEAR, str(n), bp.task, bp.objective, bp.expected,
                           catalog.pillar_for_heading(section), bp.lead_unit, value, text,
                           plan.funding[i], status, bp.note, "", plan.plan_file, BUDGET_SHEET,
                           r, fund_letters[i], True))
        r += 1
    return targets, actuals, budget


def _existing_is_synthetic(db: Path) -> bool:
    import duckdb
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return False
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'synthetic'").fetchone()
        return bool(row and row[0] == "true")
    except duckdb.Error:
        return False
    finally:
        con.close()


def build_db(db: str | Path, n: int = DEFAULT_COMMUNES, seed: int = 42, *,
             force: bool = False, catalog_dir: str | None = None, batch: int = 400,
             log=None) -> dict:
    """Write a synthetic database at ``db`` (replacing an earlier synthetic one).

    One write session; communes are generated and inserted ``batch`` at a time so memory
    stays flat. Import and dataset ids come from the schema's sequences, so a real file
    loaded later into the same database gets fresh ids."""
    import pandas as pd

    from .load import sync_catalog
    from .store import write_session

    db = Path(db)
    if db.exists() and not force and not _existing_is_synthetic(db):
        raise SystemExit(f"{db} đã có dữ liệu thật (không có meta synthetic=true): không ghi "
                         f"đè. Chọn tệp khác hoặc thêm --force.")
    t0 = time.perf_counter()
    catalog = load_catalog(catalog_dir) if catalog_dir else load_catalog()
    units = communes(n, seed)
    for old in (db, db.with_name(db.name + ".wal")):
        old.unlink(missing_ok=True)
    counts = dict(targets=0, actuals=0, budget_lines=0, imports=0, datasets=0)
    now = datetime.now()
    register: list[tuple[int, str, str, str]] = []
    with write_session(db) as con:
        sync_catalog(con, catalog)
        for start in range(0, len(units), batch):
            per_commune = []
            for i in range(start, min(start + batch, len(units))):
                plan = plan_commune(i, *units[i], seed, catalog_dir)
                per_commune.append((plan, *commune_rows(plan, catalog)))
            T, A, B, D, IMP = [], [], [], [], []
            n_imports = sum(1 + len(a) for _, _, a, _ in per_commune)
            n_ds = sum(len({r[5] for r in t}) + len(a) + (1 if b else 0)
                       for _, t, a, b in per_commune)
            import_ids = iter([r[0] for r in con.execute(
                f"SELECT nextval('import_seq') FROM range({n_imports})").fetchall()])
            ds_ids = iter([r[0] for r in con.execute(
                f"SELECT nextval('dataset_seq') FROM range({n_ds})").fetchall()])
            for plan, t_rows, a_rows, b_rows in per_commune:
                c, p = plan.commune, plan.province
                imp = next(import_ids)
                by_year: dict[int, int] = {}
                for row in t_rows:
                    y = row[5]
                    if y not in by_year:
                        by_year[y] = next(ds_ids)
                        D.append((by_year[y], imp, c, p, "targets", str(y), True, None))
                    T.append((by_year[y], imp, *row))
                if b_rows:
                    ds = next(ds_ids)
                    D.append((ds, imp, c, p, "budget", str(PLAN_YEAR), True, None))
                    B.extend((ds, imp, *row) for row in b_rows)
                sha = hashlib.sha256(f"synthetic|{seed}|{plan.plan_file}".encode()).hexdigest()
                IMP.append((imp, plan.plan_file, sha, now, "synth", c, p, "active", len(t_rows),
                          0, len(b_rows), 0, 0, True, None))
                for (y, q), rows in sorted(a_rows.items()):
                    imp, ds = next(import_ids), next(ds_ids)
                    D.append((ds, imp, c, p, "actuals", f"{y}-Q{q}", True, None))
                    A.extend((ds, imp, *row) for row in rows)
                    f = plan.report_file(y, q)
                    sha = hashlib.sha256(f"synthetic|{seed}|{f}".encode()).hexdigest()
                    IMP.append((imp, f, sha, now, "synth", c, p, "active", 0, len(rows), 0, 0, 0,
                              True, None))
            _bulk(con, "imports", IMPORT_COLS, IMP, pd)
            _bulk(con, "datasets", DATASET_COLS, D, pd)
            _bulk(con, "target_rows", TARGET_COLS, T, pd)
            _bulk(con, "actual_rows", ACTUAL_COLS, A, pd)
            _bulk(con, "budget_rows", BUDGET_COLS, B, pd)
            for k, rows in (("targets", T), ("actuals", A), ("budget_lines", B),
                            ("imports", IMP), ("datasets", D)):
                counts[k] += len(rows)
            register.extend((p.index, p.commune, p.province, p.kind) for p, *_ in per_commune)
        write_register(con, register)
        for key, value in (("synthetic", "true"), ("synthetic_communes", str(n)),
                           ("synthetic_seed", str(seed)), ("synthetic_version", SYNTH_VERSION)):
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
    stats = dict(communes=len(units), provinces=len({p for _, p in units}), **counts,
                 seconds=round(time.perf_counter() - t0, 2))
    if log:
        log(stats)
    return stats


def synthetic_code(index: int) -> str:
    """The register code of the index-th fictional unit: never an official code (those are
    five digits)."""
    return f"S{index + 1:05d}"


def write_register(con, units: list[tuple[int, str, str, str]]) -> None:
    """The generator's own units become the database's register (``admin_units``, flagged
    synthetic, official units removed), and every synthetic row gets its unit's code, so the
    ``coverage`` view works on synthetic data as on real data.

    ``units``: (index, commune, province, unit type) of every generated commune."""
    import pandas as pd

    from .admin_units import load_register

    pcode = {u.province: u.province_code for u in load_register().units.values()}
    frame = pd.DataFrame([(synthetic_code(i), c, k, pcode.get(p, ""), p, True)
                          for i, c, p, k in units],
                         columns=["code", "name", "type", "province_code", "province",
                                  "synthetic"])
    con.execute("DELETE FROM admin_units")
    con.register("_synth_units", frame)
    con.execute("INSERT INTO admin_units (code, name, type, province_code, province, synthetic) "
                "SELECT code, name, type, province_code, province, synthetic FROM _synth_units")
    con.unregister("_synth_units")
    for table in ("target_rows", "actual_rows", "budget_rows", "datasets", "imports"):
        con.execute(f"UPDATE {table} SET commune_code = a.code FROM admin_units a "
                    f"WHERE a.synthetic AND a.name = {table}.commune "
                    f"AND a.province = {table}.province")


IMPORT_COLS = ("import_id", "file_name", "sha256", "loaded_at", "loaded_by", "commune",
               "province", "status", "n_targets", "n_actuals", "n_budget", "n_replaced",
               "n_warnings", "synthetic", "undone_at")
DATASET_COLS = ("dataset_id", "import_id", "commune", "province", "kind", "period_key",
                "active", "replaced_by")


def _bulk(con, table: str, cols: tuple[str, ...], rows: list[tuple], pd) -> None:
    if not rows:
        return
    frame = pd.DataFrame.from_records(rows, columns=list(cols))
    con.register("_synth_frame", frame)
    names = ", ".join(f'"{c}"' for c in cols)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _synth_frame")
    con.unregister("_synth_frame")


# ---------------------------------------------------------------------------------------
# --out: one workbook per commune
# ---------------------------------------------------------------------------------------
def write_workbook(plan: CommunePlan, path: Path, catalog: Catalog | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    catalog = catalog or load_catalog()
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    bold = Font(name="Times New Roman", bold=True, size=12)
    normal = Font(name="Times New Roman", size=12)
    italic = Font(name="Times New Roman", italic=True, size=12)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="center", wrap_text=True)

    kind_upper = plan.kind.upper()
    ubnd = f"ỦY BAN NHÂN DÂN {kind_upper} {plan.commune.upper()}"
    prov_word = "THÀNH PHỐ" if plan.province in CITIES else "TỈNH"
    place = f"{prov_word} {plan.province.upper()}"
    wb = Workbook()
    wb.remove(wb.active)

    def titles(ws, lines, width):
        for i, line in enumerate(lines, start=1):
            ws.cell(row=i, column=1, value=line)
            ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=width)
            ws.cell(row=i, column=1).font = italic if line.startswith("(") else bold
            ws.cell(row=i, column=1).alignment = center

    def head(ws, row, col, text, rowspan=1, colspan=1):
        ws.cell(row=row, column=col, value=text)
        if rowspan > 1 or colspan > 1:
            ws.merge_cells(start_row=row, start_column=col, end_row=row + rowspan - 1,
                           end_column=col + colspan - 1)
        for rr in range(row, row + rowspan):
            for cc in range(col, col + colspan):
                cell = ws.cell(row=rr, column=cc)
                cell.border, cell.font, cell.alignment = border, bold, center

    def body(ws, row, values, *, is_bold=False, formats=None):
        for i, v in enumerate(values, start=1):
            cell = ws.cell(row=row, column=i, value=v)
            cell.border = border
            cell.font = bold if is_bold else normal
            cell.alignment = center if i in (1, 3) else wrap
            if formats and i in formats:
                cell.number_format = formats[i]

    def numbers_row(ws, row, width):
        for i in range(1, width + 1):
            c = ws.cell(row=row, column=i, value=f"({i})")
            c.border, c.font, c.alignment = border, italic, center

    def signature(ws, row, width):
        ws.cell(row=row, column=1, value="Nơi nhận:").font = Font(name="Times New Roman",
                                                                  bold=True, italic=True)
        ws.cell(row=row, column=max(4, width - 3), value="TM. ỦY BAN NHÂN DÂN").font = bold
        ws.cell(row=row + 1, column=1, value="- Như trên;")
        ws.cell(row=row + 1, column=max(4, width - 3), value="CHỦ TỊCH").font = bold
        ws.cell(row=row + 2, column=1, value="- Lưu: VT.")

    def widths(ws, ws_widths):
        from openpyxl.utils import get_column_letter
        for i, w in enumerate(ws_widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w

    def put(ws, row, col, cell_value):
        raw, pf = cell_value
        c = ws.cell(row=row, column=col, value=raw)
        if pf:
            c.number_format = "0%" if abs(raw * 100 - round(raw * 100)) < 1e-9 else "0.0%"
        elif isinstance(raw, (int, float)):
            c.number_format = "#,##0"
            c.alignment = Alignment(horizontal="right", vertical="center")

    # Sheet 1: targets 2026-2030 ----------------------------------------------------------
    ws = wb.create_sheet(TARGET_SHEET)
    width = 10
    titles(ws, [ubnd, "PHỤ LỤC I",
                f"CHỈ TIÊU CHUYỂN ĐỔI SỐ {kind_upper} {plan.commune.upper()}, {place} "
                f"GIAI ĐOẠN 2026 - 2030",
                f"(Kèm theo Kế hoạch số {plan.plan_no}/KH-UBND ngày 15 tháng 12 năm 2025 của "
                f"Ủy ban nhân dân {plan.kind})"], width)
    h = 6
    head(ws, h, 1, "STT", rowspan=2)
    head(ws, h, 2, "Chỉ tiêu", rowspan=2)
    head(ws, h, 3, "ĐVT", rowspan=2)
    head(ws, h, 4, "Mục tiêu", colspan=5)
    for i, y in enumerate(TARGET_YEARS):
        head(ws, h + 1, 4 + i, f"Năm {y}")
    head(ws, h, 9, "Đơn vị chủ trì", rowspan=2)
    head(ws, h, 10, "Ghi chú", rowspan=2)
    numbers_row(ws, h + 2, width)
    layout = _layout(catalog, plan)
    for r, kind, no, item in layout:
        if kind == "section":
            body(ws, r, [no, item] + [None] * (width - 2), is_bold=True)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=width)
            continue
        ip: IndicatorPlan = item
        body(ws, r, [no, ip.label, ip.unit_hint or None] + [None] * 5 +
             [ip.lead_unit, ip.note or None])
        for i, y in enumerate(TARGET_YEARS):
            if y in ip.targets:
                put(ws, r, 4 + i, ip.targets[y])
    last = layout[-1][0] if layout else FIRST_BODY_ROW
    signature(ws, last + 2, width)
    widths(ws, [6, 60, 8, 12, 12, 12, 12, 12, 22, 18])
    ws.freeze_panes = f"C{FIRST_BODY_ROW}"

    # Sheet 2: results (annual view) --------------------------------------------------------
    ws = wb.create_sheet(RESULT_SHEET)
    width = 7
    titles(ws, [ubnd, "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ",
                f"{kind_upper} {plan.commune.upper()}, {place}",
                "(Số liệu năm 2025 và ước thực hiện 9 tháng năm 2026)"], width)
    head(ws, h, 1, "STT", rowspan=2)
    head(ws, h, 2, "Chỉ tiêu", rowspan=2)
    head(ws, h, 3, "ĐVT", rowspan=2)
    head(ws, h, 4, "Kết quả thực hiện", colspan=2)
    head(ws, h + 1, 4, "Năm 2025")
    head(ws, h + 1, 5, "9 tháng năm 2026")
    head(ws, h, 6, "Đánh giá", rowspan=2)
    head(ws, h, 7, "Ghi chú", rowspan=2)
    numbers_row(ws, h + 2, width)
    for r, kind, no, item in layout:
        if kind == "section":
            body(ws, r, [no, item] + [None] * (width - 2), is_bold=True)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=width)
            continue
        ip = item
        note = ip.note or (None if ip.annual else "Chưa báo cáo")
        body(ws, r, [no, ip.label, ip.unit_hint or None, None, None,
                     ip.assessment if ip.annual else None, note])
        for col, key in ((4, "2025"), (5, "2026")):
            if key in ip.annual:
                put(ws, r, col, ip.annual[key])
    signature(ws, last + 2, width)
    widths(ws, [6, 60, 8, 14, 14, 12, 18])

    # Sheet 3: budget ---------------------------------------------------------------------
    ws = wb.create_sheet(BUDGET_SHEET)
    nf = len(plan.funding)
    width = 6 + nf
    titles(ws, [ubnd, f"DANH MỤC NHIỆM VỤ, DỰ ÁN CHUYỂN ĐỔI SỐ NĂM {PLAN_YEAR}",
                f"(Kèm theo Kế hoạch số {plan.plan_no}/KH-UBND của Ủy ban nhân dân "
                f"{plan.kind})", ""], width)
    head(ws, h, 1, "STT", rowspan=2)
    head(ws, h, 2, "Tên nhiệm vụ/Dự án", rowspan=2)
    head(ws, h, 3, "Mục tiêu", rowspan=2)
    head(ws, h, 4, "Dự kiến kết quả đạt được", rowspan=2)
    head(ws, h, 5, "Cơ quan chủ trì", rowspan=2)
    head(ws, h, 6, "Dự toán kinh phí (triệu đồng)", colspan=nf)
    for i, src in enumerate(plan.funding):
        head(ws, h + 1, 6 + i, src)
    head(ws, h, 6 + nf, "Ghi chú", rowspan=2)
    numbers_row(ws, h + 2, width)
    r = FIRST_BODY_ROW
    current = None
    sec = n = 0
    totals = [0.0] * nf
    for bp in plan.budget:
        if bp.pillar != current:
            current = bp.pillar
            body(ws, r, [ROMAN[sec], _pillar_heading(catalog, bp.pillar)] + [None] * (width - 2),
                 is_bold=True)
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=width)
            sec += 1
            r += 1
        n += 1
        body(ws, r, [n, bp.task, bp.objective, bp.expected or None, bp.lead_unit] +
             [None] * nf + [bp.note or None])
        for i, cell in enumerate(bp.amounts):
            if cell[0] is not None:
                put(ws, r, 6 + i, cell)
                totals[i] += _amount_parse(cell[0])[0] or 0
        r += 1
    body(ws, r, [None, "Tổng cộng", None, None, None] +
         [t if t else None for t in totals] + [None], is_bold=True,
         formats={6 + i: "#,##0" for i in range(nf)})
    signature(ws, r + 2, width)
    widths(ws, [6, 44, 36, 30, 18] + [14] * nf + [16])

    # Sheet 4: Thông tin chung --------------------------------------------------------------
    ws = wb.create_sheet("Thông tin chung")
    info = []
    if plan.meta_sheet:
        info += [("Xã", f"{plan.kind.capitalize()} {plan.commune}"), ("Tỉnh", plan.province),
                 ("Năm", "2026-2030")]
    info += [("Loại văn bản", "Kế hoạch chuyển đổi số giai đoạn 2026-2030 và báo cáo kết quả"),
             ("Ghi chú", "DỮ LIỆU MÔ PHỎNG (synthetic): tên xã và mọi số liệu là giả định, "
                         "sinh bởi python -m etl synth; không phải số liệu thật."),
             ("Mã sinh", f"etl synth v{SYNTH_VERSION}, commune #{plan.index + 1}")]
    for i, (k, v) in enumerate(info, start=1):
        ws.cell(row=i, column=1, value=k).font = bold
        ws.cell(row=i, column=2, value=v).font = normal
    widths(ws, [18, 90])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def _write_chunk(args) -> list[str]:
    items, seed, out, catalog_dir = args
    catalog = load_catalog(catalog_dir) if catalog_dir else load_catalog()
    written = []
    for i, c, p in items:
        plan = plan_commune(i, c, p, seed, catalog_dir)
        path = Path(out) / f"{plan.slug}.xlsx"
        write_workbook(plan, path, catalog)
        written.append(str(path))
    return written


def write_workbooks(out: str | Path, n: int = DEFAULT_COMMUNES, seed: int = 42, *,
                    jobs: int | None = None, catalog_dir: str | None = None,
                    limit: int | None = None) -> list[Path]:
    """One workbook per commune in ``out``; ``limit`` writes only the first ``limit``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    units = communes(n, seed)[:limit] if limit else communes(n, seed)
    items = [(i, c, p) for i, (c, p) in enumerate(units)]
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or len(items) < 20:
        return [Path(p) for p in _write_chunk((items, seed, str(out), catalog_dir))]
    from concurrent.futures import ProcessPoolExecutor
    size = max(1, min(64, len(items) // (jobs * 4)))
    chunks = [(items[k:k + size], seed, str(out), catalog_dir)
              for k in range(0, len(items), size)]
    paths: list[Path] = []
    with ProcessPoolExecutor(max_workers=jobs) as ex:
        for written in ex.map(_write_chunk, chunks):
            paths.extend(Path(p) for p in written)
    return paths


# ---------------------------------------------------------------------------------------
# CLI
# ---------------------------------------------------------------------------------------
def add_parser(subparsers) -> None:
    s = subparsers.add_parser(
        "synth", help="Sinh dữ liệu mô phỏng toàn quốc (synthetic)",
        description="Sinh dữ liệu MÔ PHỎNG: xã giả định (tên ghép từ âm tiết) thuộc 34 tỉnh, "
                    "chỉ tiêu 2026–2030, kết quả theo quý, kinh phí. Mọi dòng có "
                    "synthetic = TRUE.")
    s.add_argument("--communes", type=int, default=DEFAULT_COMMUNES,
                   help=f"Số xã (mặc định {DEFAULT_COMMUNES})")
    s.add_argument("--db", type=Path, help="Tạo cơ sở dữ liệu DuckDB mô phỏng tại đây")
    s.add_argument("--out", type=Path, help="Ghi một tệp .xlsx cho mỗi xã vào thư mục này")
    s.add_argument("--seed", type=int, default=42)
    s.add_argument("--jobs", type=int, default=None, help="Số tiến trình khi ghi --out")
    s.add_argument("--limit", type=int, default=None,
                   help="Chỉ ghi --out cho 'limit' xã đầu tiên (vẫn chia theo --communes)")
    s.add_argument("--force", action="store_true",
                   help="Cho phép ghi đè một tệp --db không phải dữ liệu mô phỏng")
    s.set_defaults(func=cmd_synth)


def cmd_synth(args) -> int:
    if not args.db and not args.out:
        print("Cần --db PATH và/hoặc --out DIR.", file=sys.stderr)
        return 2
    if args.communes < 1:
        print("--communes phải >= 1.", file=sys.stderr)
        return 2
    if args.db:
        st = build_db(args.db, args.communes, args.seed, force=args.force)
        print(f"Đã tạo CSDL MÔ PHỎNG {args.db}: {st['communes']} xã / {st['provinces']} tỉnh, "
              f"targets {st['targets']}, actuals {st['actuals']}, budget_lines "
              f"{st['budget_lines']}, {st['imports']} lượt nạp, {st['seconds']} s.")
    if args.out:
        t = time.perf_counter()
        paths = write_workbooks(args.out, args.communes, args.seed, jobs=args.jobs,
                                limit=args.limit)
        print(f"Đã ghi {len(paths)} tệp .xlsx MÔ PHỎNG vào {args.out} "
              f"({time.perf_counter() - t:.1f} s).")
    return 0
