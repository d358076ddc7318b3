"""One name per lead unit (đơn vị chủ trì) and funding source, whatever the spelling.

Plans write the same office several ways — "Phòng Văn hóa – Xã hội", "Phòng Văn hóa Xã hội",
"Phòng VHXH" — and counting by the raw text makes three units of one. The names are data:
``data/catalog/lead_units.csv`` and ``data/catalog/funding_sources.csv`` (canonical name, one
alias a row, where it was seen) and ``data/catalog/abbreviations.csv`` (VHXH = Văn hóa Xã
hội, NS = ngân sách, …). A spelling is looked up by a key that ignores case, diacritics,
dashes, punctuation, spacing and the word "và", with the abbreviations spelled out; so
"Phòng VH-XH" finds "Phòng Văn hóa – Xã hội" without an alias of its own. A text naming
several units ("Văn phòng HĐND-UBND xã, Phòng VHXH") is normalised part by part only when
every part is known.

A spelling that is not in the tables stays exactly as written (whitespace tidied): it is
never guessed. :meth:`Names.suggest` (rapidfuzz) proposes the nearest known name for an analyst to
add as an alias (``python -m etl.spellings --db PATH`` lists them); it never merges.

The normalised name is stored beside the raw text (``lead_unit_norm`` on ``target_rows`` and
``budget_rows``, ``funding_source_norm`` on ``budget_rows``; migration 004), filled by
:func:`fill_normalised` at every write session, so a change to the tables applies to rows
already loaded. Queries group by the normalised name; tables and the "why" panel keep the raw
text beside it.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .normalize import clean, fold

KINDS = {"lead_unit": "lead_units.csv", "funding_source": "funding_sources.csv"}
# (table, raw column, normalised column, kind)
COLUMNS = (("target_rows", "lead_unit", "lead_unit_norm", "lead_unit"),
           ("budget_rows", "lead_unit", "lead_unit_norm", "lead_unit"),
           ("budget_rows", "funding_source", "funding_source_norm", "funding_source"))
_SPLIT = re.compile(r"\s*[,;]\s*")


def _catalog_dir(directory) -> Path:
    from .catalog import CATALOG_DIR
    return Path(directory) if directory else CATALOG_DIR


def _read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class Names:
    """The known names of one kind: lookup key -> canonical name."""
    kind: str
    abbreviations: tuple[tuple[re.Pattern, str], ...] = ()
    names: dict[str, str] = field(default_factory=dict)

    def key(self, text) -> str:
        """Case, diacritics, dashes, punctuation, spaces and "và" do not count; abbreviations
        are spelled out: 'Phòng VH-XH' and 'Phòng Văn hóa – Xã hội' share a key."""
        s = fold(text)
        for pattern, expansion in self.abbreviations:
            s = pattern.sub(expansion, s)
        return " ".join(w for w in s.split() if w != "va")

    def add(self, canonical: str, alias: str, where: str = "") -> None:
        k = self.key(alias)
        if not k:
            return
        have = self.names.get(k)
        if have is not None and have != canonical:
            raise ValueError(f"{where}: '{alias}' is an alias of both '{have}' and "
                             f"'{canonical}' (same key '{k}')")
        self.names[k] = canonical

    def lookup(self, text) -> str | None:
        """The canonical name of a known spelling, else None (never a guess)."""
        return self.names.get(self.key(text))

    def normalise(self, text) -> tuple[str | None, bool]:
        """(name, known): the canonical name, or the text as written when it is unknown.
        Several units in one cell are normalised part by part when every part is known."""
        raw = clean(text)
        if not raw:
            return None, False
        hit = self.lookup(raw)
        if hit is not None:
            return hit, True
        parts = [p for p in _SPLIT.split(raw.strip(" .;,")) if p]
        if len(parts) > 1:
            names = [self.lookup(p) for p in parts]
            if all(names):
                return ", ".join(dict.fromkeys(names)), True
        return raw, False

    def suggest(self, text, cutoff: float = 80) -> tuple[str, float] | None:
        """The nearest known name and its score (0-100) for an analyst to confirm; None when
        nothing is close. Only a suggestion: :meth:`normalise` never uses it."""
        from rapidfuzz import fuzz, process
        if not self.names:
            return None
        got = process.extractOne(self.key(text), list(self.names),
                                 scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
        return (self.names[got[0]], float(got[1])) if got else None


def _abbreviations(directory) -> tuple[tuple[re.Pattern, str], ...]:
    rows = _read(_catalog_dir(directory) / "abbreviations.csv")
    pairs = sorted(((fold(r["abbreviation"]), fold(r["expansion"])) for r in rows
                    if fold(r.get("abbreviation")) and fold(r.get("expansion"))),
                   key=lambda p: -len(p[0]))
    return tuple((re.compile(rf"(?<!\w){re.escape(a)}(?!\w)"), e) for a, e in pairs)


def build(kind: str, rows: list[dict], abbreviations=(), where: str = "") -> Names:
    """Names of one kind from rows of (canonical, alias); each canonical is its own alias."""
    names = Names(kind, tuple(abbreviations))
    for i, r in enumerate(rows, start=2):
        canonical = clean(r.get("canonical"))
        if not canonical:
            continue
        names.add(canonical, canonical, f"{where} line {i}")
        if clean(r.get("alias")):
            names.add(canonical, clean(r["alias"]), f"{where} line {i}")
    return names


@lru_cache(maxsize=8)
def load_names(directory: str | None = None) -> dict[str, Names]:
    """Both kinds from the catalogue directory (``ETL_CATALOG_DIR`` or data/catalog)."""
    abbr = _abbreviations(directory)
    d = _catalog_dir(directory)
    return {kind: build(kind, _read(d / fname), abbr, fname) for kind, fname in KINDS.items()}


def fill_normalised(con, names: dict[str, Names] | None = None) -> set[tuple[str, str]]:
    """Set the normalised columns from the raw text for every row whose value differs (new
    rows, or rows whose spelling the tables now know). Returns the (commune, province) keys
    of the rows changed."""
    from etl.load import write_normalised  # the one writer of the base tables
    names = names or load_names()
    changed: set[tuple[str, str]] = set()
    for table, raw_col, norm_col, kind in COLUMNS:
        # each spelling with the normalised names its rows have now: only the spellings some
        # row disagrees with are written (a table whose rows all agree, the usual case for
        # the budget of a plan without one, is not rewritten: ~10-40 ms a table nationally)
        pairs = con.execute(f"SELECT DISTINCT {raw_col}, {norm_col} FROM {table} "
                            f"WHERE {raw_col} IS NOT NULL").fetchall()
        want = {raw: names[kind].normalise(raw)[0] for raw in {r for r, _ in pairs}}
        mapping = sorted({(raw, want[raw]) for raw, norm in pairs if norm != want[raw]})
        if mapping:
            changed |= write_normalised(con, table, raw_col, norm_col, mapping)
    return changed


def unknown_spellings(con, names: dict[str, Names] | None = None) -> list[dict]:
    """Spellings in the database the tables do not know, with how often they occur and the
    nearest known name (a suggestion to add to the alias file, never applied)."""
    names = names or load_names()
    out = []
    for table, raw_col, _norm, kind in COLUMNS:
        for raw, n in con.execute(f"SELECT {raw_col}, count(*) FROM {table} "
                                  f"WHERE {raw_col} IS NOT NULL GROUP BY 1").fetchall():
            norm, known = names[kind].normalise(raw)
            if known or not norm:
                continue
            hint = names[kind].suggest(raw)
            out.append(dict(kind=kind, table=table, spelling=norm, rows=int(n),
                            suggestion=hint[0] if hint else "",
                            score=round(hint[1]) if hint else None))
    return sorted(out, key=lambda r: (r["kind"], -r["rows"], r["spelling"]))


def main(argv=None) -> int:
    import argparse

    import duckdb
    ap = argparse.ArgumentParser(prog="python -m etl.spellings",
                                 description="Lead-unit and funding-source spellings the alias "
                                             "tables do not know, with the nearest known name.")
    ap.add_argument("--db", default="data/dashboard.duckdb")
    args = ap.parse_args(argv)
    con = duckdb.connect(args.db, read_only=True)
    try:
        rows = unknown_spellings(con)
    finally:
        con.close()
    for r in rows:
        hint = f"  → gợi ý / suggestion: {r['suggestion']} ({r['score']})" if r["suggestion"] else ""
        print(f"[{r['kind']}] {r['spelling']} ({r['rows']} dòng / rows){hint}")
    if not rows:
        print("Mọi cách viết đều đã có trong bảng tên. / Every spelling is known.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
