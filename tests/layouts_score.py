"""Score the real reader on the corpus of real layouts (tests/fixtures/layouts/).

    .venv/bin/python -m tests.layouts_score            # one line per workbook + totals
    .venv/bin/python -m tests.layouts_score -v         # and every wrong fact

Each workbook is read as ``python -m etl validate`` reads it (etl.read.read_workbook, then
etl.pipeline.understand with the catalogue and the overrides an analyst would give, the facts
file's ``given``). A workbook is

* **right**   — not refused, and every fact of its facts file is what the reader produced;
* **refused** — the reader blocks it with an error that says where (file, and sheet + row for
  anything but a file-level or context problem): refusing, or asking the analyst, is allowed;
* **wrong**   — loaded (no error) with at least one fact different from the document, or
  loaded although the facts say the reader must ask (``expect: "ask"``). This is the case the
  product must never have: a silently wrong number.
"""
from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "fixtures" / "layouts"
FILE_LEVEL_PREFIXES = ("file.", "context.")


@dataclass
class Verdict:
    id: str
    status: str  # right | refused | wrong
    wrong: list[str] = field(default_factory=list)
    refusal: list[str] = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    def line(self) -> str:
        n = sum(self.counts.values())
        if self.status == "refused":
            return f"{self.id:45} refused  {self.refusal[0][:110]}"
        if self.status == "wrong":
            return f"{self.id:45} WRONG    {len(self.wrong)} wrong fact(s); first: {self.wrong[0][:90]}"
        return f"{self.id:45} right    {n} rows"


def facts_files() -> list[Path]:
    return sorted(CORPUS.glob("*.facts.json"))


def load_facts(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _fold(s) -> str:
    from etl.normalize import fold
    return fold(s or "")


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _same_text(a, b) -> bool:
    return _fold(a) == _fold(b)


def understand_corpus_file(facts: dict, *, use_given: bool = True):
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    from etl.read import read_workbook
    path = CORPUS / facts["file"]
    wb, problems = read_workbook(path)
    given = (facts.get("given") or {}) if use_given else {}
    if wb is None:
        return None, problems
    u = understand(wb, load_catalog(), commune=given.get("commune"),
                   province=given.get("province"), year=given.get("year"))
    return u, u.problems


def _located(p) -> bool:
    if not p.file:
        return False
    if p.code.startswith(FILE_LEVEL_PREFIXES):
        return True
    return bool(p.sheet) and p.row is not None


def _match(rows, label: str, used: set, key=lambda r: r.label, extra=lambda r: True):
    """The first unused row whose label starts with ``label`` and that passes ``extra``; failing
    that, the first by label alone (so a wrong year shows as a wrong year, not a missing row)."""
    want = _fold(label)
    for test in (extra, lambda r: True):
        for i, r in enumerate(rows):
            if i not in used and _fold(key(r)).startswith(want) and test(r):
                used.add(i)
                return r
    return None


def compare(facts: dict, u) -> list[str]:
    """Every fact of ``facts`` that ``u`` (an etl Understanding) gets wrong, as sentences."""
    bad: list[str] = []
    ctx = u.context
    if facts.get("commune") is not None and not _same_text(ctx.commune, facts["commune"]):
        bad.append(f"commune: read {ctx.commune!r}, document says {facts['commune']!r}")
    provinces = facts.get("province")
    if provinces is not None:
        provinces = provinces if isinstance(provinces, list) else [provinces]
        if not any(_same_text(ctx.province, p) for p in provinces):
            bad.append(f"province: read {ctx.province!r}, document says "
                       f"{' or '.join(map(repr, provinces))}")
    counts = facts.get("counts") or {}
    have = u.counts()
    for k, v in counts.items():
        if have.get(k, 0) != v:
            bad.append(f"{k}: read {have.get(k, 0)} rows, document has {v}")

    used: set = set()
    for t in facts.get("targets", []):
        r = _match(u.targets, t["label"], used,
                   extra=lambda r, t=t: t.get("year") is None or r.target_year == t["year"])
        if r is None:
            bad.append(f"target {t['label'][:50]!r} ({t.get('year')}): not read")
            continue
        where = f"target {t['label'][:40]!r} row {r.prov.source_row}"
        if t.get("year") is not None and r.target_year != t["year"]:
            bad.append(f"{where}: year {r.target_year}, document {t['year']}")
        if "raw" in t and _fold(r.target_text) != _fold(t["raw"]):
            bad.append(f"{where}: raw {r.target_text!r}, document {t['raw']!r}")
        if "op" in t and r.op != t["op"]:
            bad.append(f"{where}: op {r.op!r}, document {t['op']!r}")
        for k, attr in (("low", "value_low"), ("high", "value_high")):
            if k in t and not _same_number(getattr(r, attr), t[k]):
                bad.append(f"{where}: {k} {getattr(r, attr)!r}, document {t[k]!r}")
        if "unit" in t and not _same_text(r.unit, t["unit"]):
            bad.append(f"{where}: unit {r.unit!r}, document {t['unit']!r}")
        if "pillar" in t and r.pillar != t["pillar"]:
            bad.append(f"{where}: DTI group {r.pillar!r}, document {t['pillar']!r}")
        if "lead_unit" in t and not _same_text(r.lead_unit, t["lead_unit"]):
            bad.append(f"{where}: lead unit {r.lead_unit!r}, document {t['lead_unit']!r}")

    used = set()
    for a in facts.get("actuals", []):
        r = _match(u.actuals, a["label"], used,
                   extra=lambda r, a=a: a.get("period") is None or str(r.period) == a["period"])
        if r is None:
            bad.append(f"result {a['label'][:50]!r} ({a.get('period')}): not read")
            continue
        where = f"result {a['label'][:40]!r} row {r.prov.source_row}"
        if a.get("period") is not None and str(r.period) != a["period"]:
            bad.append(f"{where}: period {r.period!r}, document {a['period']!r}")
        if "raw" in a and _fold(r.value_text) != _fold(a["raw"]):
            bad.append(f"{where}: raw {r.value_text!r}, document {a['raw']!r}")
        if "value" in a and a["value"] is None and r.value is not None:
            bad.append(f"{where}: value {r.value!r}, document gives no number (text result)")
        elif "value" in a and not _same_number(r.value, a["value"]):
            bad.append(f"{where}: value {r.value!r}, document {a['value']!r}")
        if "op" in a and r.op != a["op"]:
            bad.append(f"{where}: op {r.op!r}, document {a['op']!r}")
        if "unit" in a and not _same_text(r.unit, a["unit"]):
            bad.append(f"{where}: unit {r.unit!r}, document {a['unit']!r}")
        if "pillar" in a and r.pillar != a["pillar"]:
            bad.append(f"{where}: DTI group {r.pillar!r}, document {a['pillar']!r}")

    used = set()
    for b in facts.get("budget", []):
        r = _match(u.budget, b["task"], used, key=lambda r: r.task,
                   extra=lambda r, b=b: "funding_source" not in b
                   or _fold(r.funding_source).startswith(_fold(b["funding_source"])))
        if r is None:
            bad.append(f"budget line {b['task'][:40]!r} / {b.get('funding_source')!r}: not read")
            continue
        where = f"budget {b['task'][:40]!r} row {r.prov.source_row}"
        if "amount_million_vnd" in b and not _same_number(r.amount_million_vnd,
                                                         b["amount_million_vnd"]):
            bad.append(f"{where}: amount {r.amount_million_vnd!r} million, document "
                       f"{b['amount_million_vnd']!r}")
        if "year" in b and r.plan_year != b["year"]:
            bad.append(f"{where}: year {r.plan_year}, document {b['year']}")
    totals = facts.get("totals") or {}
    if "budget_million_vnd" in totals:
        s = sum(b.amount_million_vnd or 0 for b in u.budget)
        if not _same_number(s, totals["budget_million_vnd"]):
            bad.append(f"budget total: read {s:g} million, document {totals['budget_million_vnd']:g}")
    return bad


def judge(facts: dict) -> Verdict:
    if facts.get("ask_without_given"):
        # what the analyst gives must really be missing: without it the reader has to ask
        _, bare = understand_corpus_file(facts, use_given=False)
        if not any(p.severity == "error" for p in bare):
            return Verdict(facts["id"], "wrong", wrong=[
                f"loaded without asking for {sorted(facts.get('given') or {})}: "
                f"{facts.get('why', '')}"])
    u, problems = understand_corpus_file(facts)
    errors = [p for p in problems if p.severity == "error"]
    counts = u.counts() if u is not None else {}
    located = [str(p) for p in errors if _located(p)]
    if located:
        return Verdict(facts["id"], "refused", refusal=located, counts=counts)
    if errors:  # blocked, but without saying where: not acceptable either
        return Verdict(facts["id"], "wrong", wrong=[
            f"refused without file/sheet/row: {errors[0]}"], counts=counts)
    if facts.get("expect") == "ask":
        return Verdict(facts["id"], "wrong", wrong=[
            f"loaded without asking ({counts}); the document needs: {facts.get('why', '')}"],
            counts=counts)
    bad = compare(facts, u)
    return Verdict(facts["id"], "wrong" if bad else "right", wrong=bad, counts=counts)


def diagnose(facts: dict) -> tuple[str, list[str]]:
    """Not the score: read the workbook with the document's commune/province/year supplied,
    to show what the tables give once context is out of the way ('-' = nothing to compare)."""
    from etl.catalog import load_catalog
    from etl.pipeline import understand
    from etl.read import read_workbook
    prov = facts.get("province")
    prov = prov[0] if isinstance(prov, list) else prov
    years = facts.get("years") or []
    has_rows = any(facts.get(k) for k in ("targets", "actuals", "budget"))
    if not has_rows and facts.get("expect") != "ask":
        return "-", []
    wb, problems = read_workbook(CORPUS / facts["file"])
    # for a file that is not one commune's data, a stand-in commune shows what would be loaded
    # once the commune question is out of the way
    u = understand(wb, load_catalog(), commune=facts.get("commune") or "Thử Nghiệm",
                   province=prov or "Hà Nội", year=years[0] if len(years) == 1 else None)
    errors = [str(p) for p in u.problems if p.severity == "error"]
    if errors:
        return "refused", errors[:3]
    if not has_rows:
        n = u.counts()
        return ("would load " + ", ".join(f"{v} {k}" for k, v in n.items() if v)
                if any(n.values()) else "loads nothing, no error"), [
            f"{r.prov.source_sheet}!{r.prov.source_col}{r.prov.source_row} "
            f"{getattr(r, 'label', getattr(r, 'task', ''))[:40]!r} = "
            f"{getattr(r, 'target_text', None) or getattr(r, 'value_text', None) or getattr(r, 'amount_text', '')!r}"
            for r in [*u.targets, *u.actuals, *u.budget]][:4]
    bad = [b for b in compare(dict(facts, commune=None, province=None), u)]
    return ("wrong" if bad else "right"), bad


def score(verbose: bool = False, out=None) -> list[Verdict]:
    out = out or sys.stdout
    verdicts = [judge(load_facts(p)) for p in facts_files()]
    for v in verdicts:
        print(v.line(), file=out)
        if verbose and v.status == "wrong":
            for w in v.wrong:
                print(f"{'':47}- {w}", file=out)
    n = {s: sum(v.status == s for v in verdicts) for s in ("right", "refused", "wrong")}
    print(f"\n{len(verdicts)} workbooks: {n['right']} facts right, {n['refused']} refused with a "
          f"message, {n['wrong']} with facts wrong", file=out)
    if verbose:
        print("\nDiagnostic (not the score): tables read with the document's commune, province "
              "and year supplied", file=out)
        for p in facts_files():
            f = load_facts(p)
            status, notes = diagnose(f)
            if status == "-":
                continue
            print(f"{f['id']:45} {status}", file=out)
            for w in notes:
                print(f"{'':47}- {w}", file=out)
    return verdicts


if __name__ == "__main__":
    score(verbose="-v" in sys.argv[1:])
