"""Vietnamese alphabetical order (ICU collation via DuckDB) for lists, frames and SQL."""
import duckdb
import pandas as pd

from dashboard import vn_order

PROVINCES = ["Huế", "Đồng Nai", "Hà Nội", "Điện Biên", "Đắk Lắk", "Gia Lai", "Cần Thơ",
             "Cao Bằng", "Cà Mau", "Đà Nẵng", "Đồng Tháp", "An Giang", "Bắc Ninh", "Hải Phòng",
             "Hà Tĩnh", "Hưng Yên", "Hồ Chí Minh"]
EXPECTED = ["An Giang", "Bắc Ninh", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk",
            "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Nội", "Hà Tĩnh", "Hải Phòng",
            "Hồ Chí Minh", "Huế", "Hưng Yên"]


def test_lists_in_vietnamese_order():
    out = vn_order.sorted_vi(PROVINCES + ["Dương Minh", "Ea Súp"])
    assert out.index("Hà Nội") < out.index("Huế")  # code-point order has Huế first
    d, e = out.index("Dương Minh"), out.index("Ea Súp")
    assert all(d < out.index(p) < e for p in PROVINCES if p.startswith("Đ"))
    assert out.index("Đà Nẵng") < out.index("Đắk Lắk") < out.index("Điện Biên")
    assert [p for p in out if p in PROVINCES] == EXPECTED
    assert vn_order.sorted_vi(PROVINCES, reverse=True) == EXPECTED[::-1]


def test_frame_sorted_by_text_then_number_missing_last():
    df = pd.DataFrame({"province": ["Huế", "Đắk Lắk", "Hà Nội", "Đắk Lắk", None],
                       "share": [0.5, 0.2, 0.9, 0.7, 0.1]})
    out = vn_order.sort_frame(df, ["province", "share"], ascending=[True, False])
    assert out["province"].tolist()[:4] == ["Đắk Lắk", "Đắk Lắk", "Hà Nội", "Huế"]
    assert pd.isna(out["province"].iat[4])
    assert out["share"].tolist() == [0.7, 0.2, 0.9, 0.5, 0.1]


def test_sql_clause_gives_the_same_order():
    con = duckdb.connect()
    rows = con.execute(f"SELECT p FROM unnest(?) t(p) ORDER BY {vn_order.sql('p')}",
                       [PROVINCES]).fetchall()
    assert [r[0] for r in rows] == EXPECTED
