"""Write data/catalog/admin_units.csv and admin_units_before_2025.csv from vietnamadminunits.

The register of commune-level units since 1 July 2025 (34 provinces, 3,321 units: 2,621 xã,
687 phường, 13 đặc khu) and, for documents written before the reform, the pre-2025 units
that did not simply continue under their name, with the unit(s) each became part of. Run in
a throw-away virtualenv:

    python -m venv /tmp/au && /tmp/au/bin/pip install -r tools/admin_units/requirements.txt
    /tmp/au/bin/python tools/admin_units/build.py            # writes the two CSV files
    /tmp/au/bin/python tools/admin_units/build.py --check    # compares with vietnam-provinces

Why vietnamadminunits and not vietnam-provinces (see data/catalog/README.md): its codes are the
official ones (Cục Thống kê list; they equal those of vietnam-provinces >= 2026.1.0, which is
not on the package index this project uses), while vietnam-provinces 2025.10.1 still carries
the draft decree's codes for 121 units; and it ships the old -> new mapping.
The app never imports either package: it reads the CSV files this script writes.
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "catalog"
TYPES = {"xã": "xã", "phường": "phường", "đặc khu": "đặc khu", "thị trấn": "thị trấn"}


def _nfc(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", s or "")).strip()


def _short_province(name: str) -> str:
    return re.sub(r"^(Tỉnh|Thành phố)\s+", "", _nfc(name))


def _data():
    import vietnamadminunits
    base = Path(vietnamadminunits.__file__).parent / "data"
    con = sqlite3.connect(base / "dataset.db")
    con.row_factory = sqlite3.Row
    conv = json.loads((base / "converter_2025.json").read_text(encoding="utf-8"))
    return con, conv


def build() -> tuple[list[dict], list[dict]]:
    con, conv = _data()
    units, by_key = [], {}
    for r in con.execute("SELECT * FROM admin_units ORDER BY provinceCode, wardCode"):
        u = dict(code=r["wardCode"].zfill(5), name=_nfc(r["wardShort"]),
                 type=TYPES[_nfc(r["wardType"]).lower()], province_code=r["provinceCode"].zfill(2),
                 province=_short_province(r["province"]))
        units.append(u)
        by_key[(r["provinceKey"], r["wardKey"])] = u
    # old unit key (province_district_ward) -> [(new unit, is_default)]
    successors: dict[str, list[tuple[dict, bool]]] = {}
    for new_prov, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            for old in old_keys:
                successors.setdefault(old, []).append((by_key[(new_prov, new_ward)], True))
    for new_prov, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            successors[old] = [(by_key[(new_prov, p["newWardKey"])], bool(p["isDefaultNewWard"]))
                               for p in parts]
    legacy = []
    missing = 0
    for r in con.execute("SELECT * FROM admin_units_legacy ORDER BY provinceCode, districtCode, "
                         "wardCode"):
        if r["wardCode"] is None:  # island districts without communes (now đặc khu)
            continue
        key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"
        succ = successors.get(key, [])
        if not succ:
            missing += 1
        default = next((u for u, d in succ if d), succ[0][0] if succ else None)
        others = [u["code"] for u, _ in succ if u is not default]
        legacy.append(dict(
            old_code=r["wardCode"].zfill(5), name=_nfc(r["wardShort"]),
            type=TYPES.get(_nfc(r["wardType"]).lower(), _nfc(r["wardType"]).lower()),
            district=_nfc(r["district"]), old_province=_short_province(r["province"]),
            province=default["province"] if default else "",
            new_code=default["code"] if default else "", other_new_codes="|".join(others)))
    # Left out: old units that simply continue as the unit of the same name and province
    # (same code, not divided). Kept: every old unit whose name is no longer a unit of its
    # province, and those whose name is, but that went into another unit (thị trấn Nam Đàn
    # is now part of xã Vạn An, not of the new xã Nam Đàn).
    current = {(u["name"], u["province"]): u["code"] for u in units}
    legacy = [r for r in legacy if current.get((r["name"], r["province"])) != r["new_code"]
              or r["other_new_codes"]]
    if missing:
        print(f"{missing} old units without a successor in the converter", file=sys.stderr)
    return units, legacy


def check(units: list[dict]) -> int:
    """Compare names and codes with vietnam-provinces (if installed) and print the counts."""
    c = Counter(u["type"] for u in units)
    print(f"{len({u['province'] for u in units})} provinces, {len(units)} units: {dict(c)}")
    try:
        import vietnam_provinces
    except ImportError:
        print("vietnam-provinces not installed: no cross-check")
        return 0
    data = json.loads(Path(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH).read_text("utf-8"))
    theirs = {(re.sub(r"^(Xã|Phường|Đặc khu)\s+", "", _nfc(w["name"])), _short_province(p["name"])):
              str(w["code"]).zfill(5) for p in data for w in p["wards"]}
    ours = {(u["name"], u["province"]): u["code"] for u in units}
    same_name = set(ours) & set(theirs)
    other_code = sorted(k for k in same_name if ours[k] != theirs[k])
    print(f"vietnam-provinces {getattr(vietnam_provinces, '__version__', '?')}: "
          f"{len(theirs)} units; same name+province {len(same_name)}; of those a different code "
          f"{len(other_code)}; names spelled differently {len(set(ours) - set(theirs))}")
    for k in other_code[:10]:
        print(f"  {k[0]} ({k[1]}): ours {ours[k]}, vietnam-provinces {theirs[k]}")
    return 0


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with vietnam-provinces only")
    args = ap.parse_args(argv)
    units, legacy = build()
    assert len(units) == 3321 and len({u["province"] for u in units}) == 34, len(units)
    if args.check:
        return check(units)
    write(OUT / "admin_units.csv", units)
    write(OUT / "admin_units_before_2025.csv", legacy)
    return check(units)


if __name__ == "__main__":
    sys.exit(main())
