"""Which commune, province and years a workbook is about.

Sources, strongest first: values given by the user (CLI flags or the upload form), the
key-value sheet 'Thông tin chung', then the title rows above each table ("ỦY BAN NHÂN DÂN XÃ
NAM ĐÀN", "... xã Nam Đàn năm 2026", "Đồng Nai, ngày ... tháng 4 năm 2026"). Pure.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from . import problems as P
from .normalize import clean, commune_name, fold
from .read import WorkbookData
from .records import Context

META_SHEETS = ("thong tin chung", "thong tin", "metadata", "huong dan")
META_KEYS = {
    "commune": ("xa", "ten xa", "xa phuong", "don vi", "xa phuong dac khu", "commune"),
    "province": ("tinh", "tinh thanh pho", "tinh tp", "province"),
    "year": ("nam", "nam ke hoach", "ky ke hoach", "giai doan", "ky bao cao", "year"),
}
_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_COMMUNE_PATTERNS = [
    re.compile(r"(?:ỦY|UỶ) BAN NHÂN DÂN\s+(?:XÃ|PHƯỜNG|ĐẶC KHU)\s+(.+)$", re.I),
    re.compile(r"\bUBND\s+(?:XÃ|PHƯỜNG)\s+(.+)$", re.I),
    re.compile(r"\b(?:xã|phường)\s+((?:[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*)(?:\s+[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){0,3})"),
]


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """folded name or alias -> canonical province name (the 34 units since 1 July 2025)."""
    path = Path(__file__).resolve().parents[1] / "data" / "catalog" / "provinces.csv"
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            out[fold(row["name"])] = row["name"]
            for a in (row.get("aliases") or "").split("|"):
                if a.strip():
                    out[fold(a)] = row["name"]
    return out


def canonical_province(text: str) -> str | None:
    f = fold(text)
    f = re.sub(r"^(tinh|thanh pho|tp)\s+", "", f)
    return provinces().get(f)


def _find_province(line: str) -> str | None:
    f = " " + fold(line) + " "
    for key, name in sorted(provinces().items(), key=lambda kv: -len(kv[0])):
        if f" {key} " in f:
            return name
    return None


def _metadata(wb: WorkbookData) -> dict[str, str]:
    out: dict[str, str] = {}
    for sheet in wb.sheets:
        if fold(sheet.name) not in META_SHEETS:
            continue
        for row in sheet.rows[:30]:
            cells = [clean(v) for v in row]
            if len(cells) < 2 or not cells[0] or not cells[1]:
                continue
            key = fold(cells[0]).rstrip(":")
            for field, keys in META_KEYS.items():
                if key in keys and field not in out:
                    out[field] = cells[1]
    return out


def detect_context(wb: WorkbookData, title_lines: list[str], *, commune: str | None = None,
                   province: str | None = None, year: int | None = None
                   ) -> tuple[Context, list[P.Problem]]:
    problems: list[P.Problem] = []
    ctx = Context()
    meta = _metadata(wb)
    found_commune, src_c = "", ""
    if meta.get("commune") and re.search(r"[^\W\d_]", meta["commune"]):
        found_commune, src_c = commune_name(meta["commune"]), "Thông tin chung"
    else:
        for line in title_lines:
            for rx in _COMMUNE_PATTERNS:
                m = rx.search(line)
                if m:
                    name = re.split(r"\s+(?:năm|giai đoạn|tỉnh|huyện|,|\()", m.group(1))[0]
                    if not re.search(r"[^\W\d_]", name):  # "……" in a blank template
                        continue
                    found_commune, src_c = commune_name(name), f"tiêu đề: {line[:60]}"
                    break
            if found_commune:
                break
    found_province, src_p = "", ""
    if meta.get("province"):
        found_province = canonical_province(meta["province"]) or clean(meta["province"])
        src_p = "Thông tin chung"
    else:
        for line in title_lines:
            p = _find_province(line)
            if p:
                found_province, src_p = p, f"tiêu đề: {line[:60]}"
                break
    years: list[int] = []
    if meta.get("year"):
        years = [int(y) for y in _YEAR.findall(meta["year"])]
    if not years:
        for line in title_lines:
            years += [int(y) for y in _YEAR.findall(line)]
    ctx.years = sorted(set(years))

    if commune:
        if found_commune and fold(found_commune) != fold(commune):
            problems.append(P.make("context.override", file=wb.file_name, field="Xã",
                                   found=found_commune, given=commune))
        ctx.commune, ctx.commune_source = commune_name(commune), "người dùng"
    else:
        ctx.commune, ctx.commune_source = found_commune, src_c
    if province:
        canon = canonical_province(province) or clean(province)
        if found_province and fold(found_province) != fold(canon):
            problems.append(P.make("context.override", file=wb.file_name, field="Tỉnh",
                                   found=found_province, given=canon))
        ctx.province, ctx.province_source = canon, "người dùng"
    else:
        ctx.province, ctx.province_source = found_province, src_p
    if year:
        ctx.years = [year]
    if not ctx.commune:
        problems.append(P.make("context.no_commune", file=wb.file_name))
    if not ctx.province:
        problems.append(P.make("context.no_province", file=wb.file_name))
    elif canonical_province(ctx.province) is None:
        problems.append(P.make("context.unknown_province", file=wb.file_name,
                               province=ctx.province))
    return ctx, problems
