"""Fair rankings on inline progress rows: shares with n, ties as ties, all-tied said, change."""
import pandas as pd
import pytest

from dashboard import rankings as R


def rows(spec):
    """spec: (province, commune, year, statuses...) -> progress-like rows."""
    out = []
    for prov, commune, year, *statuses in spec:
        for i, s in enumerate(statuses):
            out.append(dict(province=prov, commune=commune, indicator_code=f"I{i}",
                            target_year=year, status=s))
    return pd.DataFrame(out)


def test_status_mapping_and_shares_with_n():
    df = rows([("Nghệ An", "A", 2026, "achieved", "on_track", "not_achieved", "off_track",
                "no_data", "not_comparable", "behind")])
    s = R.shares(df, ["commune"]).iloc[0]
    assert (s.n_targets, s.n_assessed, s.n_achieved) == (7, 5, 1)
    assert s.share_achieved == pytest.approx(1 / 5) and s.share_assessed == pytest.approx(5 / 7)
    with pytest.raises(ValueError):
        R.shares(rows([("X", "A", 2026, "achieved", "đạt")]), ["commune"])


def test_communes_rank_within_province_ties_are_ties():
    df = rows([
        ("Nghệ An", "Đông", 2026, "achieved", "not_achieved"),        # 1/2
        ("Nghệ An", "An", 2026, "achieved", "achieved"),              # 2/2
        ("Nghệ An", "Bình", 2026, "achieved", "off_track"),           # 1/2, tied with Đông
        ("Nghệ An", "Cát", 2026, "no_data", "not_comparable"),        # nothing assessed
        ("Hà Tĩnh", "Yên", 2026, "not_achieved", "not_achieved"),     # 0/2, alone: rank 1
    ])
    r = R.rank(df, "commune")
    got = r[["province", "commune", "n_assessed", "n_achieved", "rank", "rank_n_tied",
             "rank_all_tied"]].astype(object).where(r.notna(), None).values.tolist()
    assert got == [
        ["Hà Tĩnh", "Yên", 2, 0, 1.0, 1.0, False],
        ["Nghệ An", "An", 2, 2, 1.0, 1.0, False],
        ["Nghệ An", "Bình", 2, 1, 2.0, 2.0, False],   # Bình and Đông: both 2nd, not 2 and 3
        ["Nghệ An", "Đông", 2, 1, 2.0, 2.0, False],
        ["Nghệ An", "Cát", 0, 0, None, None, False],  # not ranked on an empty share
    ]
    assert r.loc[r.commune == "Cát", "rank_assessed"].item() == 4  # 0/2 assessed: last
    assert R.ranked_label(r.iloc[2]) == "hạng 2 (đồng hạng 2)"
    assert R.ranked_label(r.iloc[4]) == "chưa xếp hạng"
    shown = R.table(r[r.province == "Nghệ An"], "commune")
    assert shown.values.tolist() == [
        ["hạng 1", "An", "Nghệ An", "2/2 (100%)", "2/2 (100%)"],
        ["hạng 2 (đồng hạng 2)", "Bình", "Nghệ An", "1/2 (50%)", "2/2 (100%)"],
        ["hạng 2 (đồng hạng 2)", "Đông", "Nghệ An", "1/2 (50%)", "2/2 (100%)"],
        ["chưa xếp hạng", "Cát", "Nghệ An", "0/0 (–)", "0/2 (0%)"]]
    assert R.tie_note(r) is None


def test_an_indicator_where_everyone_ties_says_so():
    df = rows([("Nghệ An", c, 2026, "achieved") for c in ("A", "B", "C", "D")])
    r = R.rank(df, "commune")
    assert r["rank"].tolist() == [1, 1, 1, 1] and r["rank_all_tied"].all()
    assert r["rank_n_tied"].tolist() == [4, 4, 4, 4]
    assert R.tie_note(r) == ("Cả 4 đơn vị đồng hạng: không có nhóm tốt nhất hay kém nhất để "
                             "chọn ra.")


def test_provinces_by_share_not_by_raw_counts():
    big = [("Thanh Hóa", f"x{i}", 2026, "achieved", "achieved", "achieved", "not_achieved")
           for i in range(10)]  # 30/40 achieved, 10 raw misses
    small = [("Huế", "h", 2026, "achieved", "not_achieved")]  # 1/2, 1 raw miss
    r = R.rank(rows(big + small), "province")
    assert r[["province", "n_assessed", "n_achieved", "rank"]].values.tolist() == [
        ["Thanh Hóa", 40, 30, 1.0], ["Huế", 2, 1, 2.0]]


def test_rank_change_since_the_previous_period():
    df = rows([("Nghệ An", "A", 2026, "achieved", "achieved"),
               ("Nghệ An", "B", 2026, "not_achieved", "not_achieved"),
               ("Nghệ An", "A", 2027, "not_achieved", "not_achieved"),
               ("Nghệ An", "B", 2027, "achieved", "achieved"),
               ("Nghệ An", "C", 2027, "achieved", "not_achieved")])
    r = R.rank(df, "commune", period="target_year")
    got = r[["target_year", "commune", "rank", "rank_prev", "rank_change"]]
    got = got.astype(object).where(got.notna(), None).values.tolist()
    assert got == [[2026, "A", 1.0, None, None], [2026, "B", 2.0, None, None],
                   [2027, "B", 1.0, 2.0, 1.0], [2027, "C", 2.0, None, None],
                   [2027, "A", 3.0, 1.0, -2.0]]
    assert R.table(r, "commune", "en")["Rank change"].tolist() == ["", "", "▲ 1", "", "▼ 2"]


def test_tiny_denominators_can_be_left_unranked():
    df = rows([("Nghệ An", "A", 2026, "achieved"),                       # 1/1
               ("Nghệ An", "B", 2026, *["achieved"] * 9, "not_achieved")])  # 9/10
    assert R.rank(df, "commune")["commune"].tolist() == ["A", "B"]
    r = R.rank(df, "commune", min_assessed=5)
    assert r[["commune", "n_assessed", "rank"]].astype(object).where(r.notna(), None)[
        ["commune", "n_assessed", "rank"]].values.tolist() == [["B", 10, 1.0], ["A", 1, None]]
