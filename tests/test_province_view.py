"""A province leader's view: the order of communes, cuts that never split a tie, one
indicator's worst and best communes, like-with-like gaps and budget pages (issue 12)."""
from __future__ import annotations

import pandas as pd
import pytest

from dashboard import charts
from dashboard import province_view as PV
from dashboard import queries as Q
from dashboard.db import open_readonly, prepare
from tests.dashboard_support import build_seed_db

F = Q.Filters(as_of=2026)


def _ranks(rows):
    """progress-like rows from (commune, province, [statuses])."""
    out = [dict(commune=c, province=p, status=s) for c, p, ss in rows for s in ss]
    return PV.commune_ranks(pd.DataFrame(out))


A, N, B = "achieved", "not_achieved", "no_data"


def test_communes_most_behind_first_silent_last_names_in_vietnamese_order():
    r = _ranks([("Đức Phong", "Nghệ An", [A, N, N, N]),   # 1/4
                ("Diễn Yên", "Nghệ An", [A, N, N, N]),    # 1/4, ties with Đức Phong
                ("An Lĩnh", "Nghệ An", [A, A, N]),        # 2/3
                ("Hạ Toàn", "Nghệ An", [B, B]),           # nothing assessed
                ("Bảo Sinh", "Nghệ An", [N, N])])         # 0/2
    behind = PV.commune_order(r, "behind")
    assert behind["commune"].tolist() == ["Bảo Sinh", "Diễn Yên", "Đức Phong", "An Lĩnh",
                                          "Hạ Toàn"]
    assert behind["position"].tolist() == [1, 2, 3, 4, 5]
    # the tie is a tie: same rank, said so
    tied = behind.set_index("commune").loc[["Diễn Yên", "Đức Phong"]]
    assert tied["rank"].tolist() == [2, 2] and tied["rank_n_tied"].tolist() == [2, 2]
    ahead = PV.commune_order(r, "ahead")
    assert ahead["commune"].tolist() == ["An Lĩnh", "Diễn Yên", "Đức Phong", "Bảo Sinh",
                                         "Hạ Toàn"]
    by_name = PV.commune_order(r, "name")
    assert by_name["commune"].tolist() == ["An Lĩnh", "Bảo Sinh", "Diễn Yên", "Đức Phong",
                                           "Hạ Toàn"]   # Đ after D, not after Z
    labels = [PV.unit_label(row, "vi") for _, row in behind.iterrows()]
    assert labels[0] == "Bảo Sinh\n0/2 đạt (0%)"
    assert labels[1] == "Diễn Yên\n1/4 đạt (25%)"
    assert labels[-1] == "Hạ Toàn\nchưa đánh giá được"
    assert PV.province_label("Nghệ An", 1207, 3130, "en") == \
        "Nghệ An (whole province)\n1,207/3,130 achieved (38.6%)"


def test_a_cut_never_splits_a_tie():
    d = pd.DataFrame({"x": list("abcdef"), "s": [0.1, 0.2, 0.2, 0.2, 0.5, None]})
    head, tied = PV.cut_with_ties(d, "s", 2)
    assert head["x"].tolist() == ["a"] and tied == 3       # b, c, d tie across the cut
    head, tied = PV.cut_with_ties(d, "s", 4)
    assert head["x"].tolist() == ["a", "b", "c", "d"] and tied == 0
    head, tied = PV.cut_with_ties(d, "s", 1)
    assert head["x"].tolist() == ["a"] and tied == 0
    head, tied = PV.cut_with_ties(d.iloc[1:], "s", 2)       # the first group alone is too long
    assert head.empty and tied == 3
    head, tied = PV.cut_with_ties(d, "s", 10)
    assert len(head) == 6 and tied == 0


def _one_indicator(rows):
    return pd.DataFrame([dict(commune_key=k, status=s, gap=g) for k, s, g in rows])


def test_worst_and_best_of_one_indicator_keep_ties_whole_and_say_when_all_tie():
    rows = _one_indicator([("A (P)", "off_track", 40.0), ("B (P)", "off_track", 30.0),
                           ("C (P)", "off_track", 30.0), ("D (P)", "not_achieved", None),
                           ("E (P)", "on_track", 5.0), ("F (P)", "achieved", -20.0),
                           ("G (P)", "achieved", -20.0), ("H (P)", "achieved", 0.0),
                           ("I (P)", "no_data", None)])
    e = PV.ends(rows, 2)
    assert e["worst"]["commune_key"].tolist() == ["A (P)"] and e["worst_tied"] == 2
    assert e["best"]["commune_key"].tolist() == ["F (P)", "G (P)"] and e["best_tied"] == 0
    assert not e["all_tied"] and e["n_assessed"] == 8
    e = PV.ends(rows, 5)
    assert e["worst"]["commune_key"].tolist() == ["A (P)", "B (P)", "C (P)", "D (P)", "E (P)"]
    # a done / not-done indicator everyone achieved: all tie, nobody is picked
    done = _one_indicator([(f"X{i} (P)", "achieved", None) for i in range(40)]
                          + [("Y (P)", "no_data", None)])
    e = PV.ends(done, 15)
    assert e["all_tied"] and e["n_assessed"] == 40
    assert e["best"].empty and e["best_tied"] == 40 and e["worst"].empty


def test_heatmap_page_draws_the_province_row_first_then_the_communes_in_order():
    cells = []
    for unit in ("Xã A (P)", "Xã B (P)", "Xã C (P)", "P"):
        for code, order in (("CQ", 1), ("XH", 2)):
            cells.append(dict(unit=unit, pillar_code=code, pillar_order=order,
                              pillar_name=code, pillar_name_en=code, n=2, achieved=1,
                              on_track=0, off_track=1, not_achieved=0, not_comparable=0,
                              no_data=0, behind=1, assessed=2, n_communes=1,
                              share_achieved=0.5, synthetic=False))
    m = pd.DataFrame(cells)
    fig = charts.status_heatmap(m[m["unit"] != "P"], charts.ChartMeta(title="T"),
                                order=["Xã C (P)", "Xã A (P)"],
                                labels={"Xã C (P)": "Xã C\n1/2 đạt", "Xã A (P)": "Xã A\n1/2 đạt",
                                        "P": "P (cả tỉnh)\n2/4 đạt"},
                                summary=m[m["unit"] == "P"])
    ys = list(fig.data[0].y)
    assert ys == ["<b>P (cả tỉnh)<br>2/4 đạt</b>", "Xã C<br>1/2 đạt", "Xã A<br>1/2 đạt"]
    assert "Xã B" not in " ".join(ys)        # not on this page
    def row_text(i):  # the two text layers (white on dark cells, black on light ones)
        return [a or b for a, b in zip(fig.data[2].text[i], fig.data[3].text[i])]
    assert row_text(0) == ["50%", "50%"]                 # province row: the share achieved
    assert row_text(1) == ["✓1 ↘1", "✓1 ↘1"]             # communes: counts by status
    assert len(fig.layout.shapes) == 1        # the rule under the province row


# --------------------------------------------------------------------------- queries
@pytest.fixture(scope="module")
def con(tmp_path_factory):
    c = open_readonly(str(build_seed_db(tmp_path_factory.mktemp("pv") / "seed.duckdb")))
    yield c
    c.close()


def cur(con):
    return prepare(con.cursor())


CURRENT = """SELECT p.* FROM dash.progress p JOIN (
    SELECT commune, province, coalesce(min(target_year) FILTER (WHERE target_year >= 2026),
                                       max(target_year)) AS y
    FROM dash.progress GROUP BY ALL) c USING (commune, province) WHERE p.target_year = c.y"""


def test_largest_gaps_are_compared_within_one_indicator_and_one_unit(con):
    g = Q.gap_indicators(cur(con), F)
    direct = con.execute(f"""
        SELECT indicator_code, coalesce(unit, ''), count(*), max(gap)
        FROM ({CURRENT}) WHERE status IN ('not_achieved', 'off_track')
        GROUP BY ALL""").fetchall()
    assert sorted(zip(g["indicator_code"], g["unit"], g["n_behind"],
                      g["max_gap"].astype(object).where(g["max_gap"].notna(), None))) == \
        sorted(direct)
    assert g["n_behind"].tolist() == sorted(g["n_behind"], reverse=True)
    withgap = g[g["max_gap"].notna()]
    assert withgap["max_gap_province"].notna().all() and withgap["max_gap_commune"].notna().all()
    for r in g.itertuples():
        rows = Q.gaps_for_indicator(cur(con), F.with_(indicator=r.indicator_code), unit=r.unit,
                                    limit=1000)
        assert len(rows) == r.n_behind == rows["n_total"].iat[0]
        assert set(rows["indicator_code"]) == {r.indicator_code}
        assert set(rows["unit"].fillna("")) == {r.unit}          # one unit per comparison
        gaps = rows["gap"].dropna().tolist()
        assert gaps == sorted(gaps, reverse=True)
        assert rows["gap"].notna().tolist() == sorted(rows["gap"].notna(), reverse=True)


def test_budget_per_commune_pages_reach_every_commune_once(con):
    full = Q.budget_by_commune(cur(con), F, limit=1000)
    n = int(full["n_total"].iat[0])
    pages = pd.concat([Q.budget_by_commune(cur(con), F, limit=2, offset=o)
                       for o in range(0, n, 2)])
    assert pages["unit"].tolist() == full["unit"].tolist() and len(set(pages["unit"])) == n
    assert full["position"].tolist() == list(range(1, n + 1))
    totals = full["total"].dropna().tolist()
    assert totals == sorted(totals, reverse=True)
    assert full["grand_total"].iat[0] == full["total"].sum() == 3150
    by_name = Q.budget_by_commune(cur(con), F, limit=1000, order="name")
    from dashboard.vn_order import sort_frame
    assert by_name["unit"].tolist() == sort_frame(by_name, ["province", "commune"])["unit"].tolist()
    asc = Q.budget_by_commune(cur(con), F, limit=1000, order="total_asc")
    assert asc["unit"].tolist()[-1] == full["unit"].tolist()[0]
