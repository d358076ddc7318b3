"""Synthetic targets a reader would believe: the share of the budget spent on digital
transformation is planned at 1-3 % as real plans say, never 100 %."""
from __future__ import annotations

import duckdb


def test_the_budget_share_target_is_a_few_percent(tmp_path):
    from etl.cli import main
    db = tmp_path / "s.duckdb"
    assert main(["synth", "--communes", "30", "--db", str(db), "--seed", "3"]) == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT target_text, value_low, op FROM targets "
                           "WHERE indicator_code = 'CQ.CHI_NGAN_SACH_CDS'").fetchall()
    finally:
        con.close()
    assert rows
    assert {op for _, _, op in rows} == {">="}
    assert all(1 <= low <= 3 for _, low, _ in rows), rows
