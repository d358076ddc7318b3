"""Map: a commune's own wording -> the canonical indicator catalogue (data/catalog/).

Exact aliases (after :func:`etl.normalize.alias_key`) are trusted. Unseen wording is matched
with rapidfuzz over diacritic-folded text; a match is accepted only above ``ACCEPT``; between
``REVIEW`` and ``ACCEPT`` it is reported as a suggestion and the row stays commune-specific
until an analyst confirms it (which records an alias). Pure: the CSV files are read once by
:func:`load_catalog`, an I/O edge the tests call with the committed files.
"""
from __future__ import annotations

import csv
import os
import tomllib
import re
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from .normalize import alias_key, fold

CATALOG_DIR = Path(os.environ.get("ETL_CATALOG_DIR") or
                   Path(__file__).resolve().parents[1] / "data" / "catalog")
# Thresholds and scorer chosen by a leave-one-out run over the seed aliases (each alias matched
# against the catalogue and every other alias): 0.4 token_sort + 0.6 token_set on folded text
# without filler words accepted 118 of 203 correctly and none wrongly; 59 more were offered
# as the right suggestion for review. (token_sort with a token_set fallback, the first
# version, accepted 7 wrong matches.)
ACCEPT = 88.0
REVIEW = 70.0
FILLER = frozenset("ty le so luong cac cua va duoc tren tai cho trong voi co la nguoi dan the"
                   .split())


def match_text(text: str) -> str:
    """Folded text without words that nearly every indicator shares ('tỷ lệ', 'các', …)."""
    return " ".join(w for w in fold(text).split() if w not in FILLER)


def score(a: str, b: str, **_) -> float:
    return 0.4 * fuzz.token_sort_ratio(a, b) + 0.6 * fuzz.token_set_ratio(a, b)


@dataclass(frozen=True)
class Pillar:
    code: str
    order: int
    name_vi: str
    name_en: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Indicator:
    code: str
    pillar: str
    name_vi: str
    name_en: str
    unit: str
    direction: str  # higher | lower | done
    value_type: str
    # What the indicator means, for a reviewer (data/catalog/README.md):
    numerator: str = ""  # what is counted, in words
    denominator: str = ""  # over what (empty for counts and done/not-done)
    scope: str = ""  # the canonical scope: age base, level, who is counted
    source: str = ""  # the national document or plan the wording comes from
    description: str = ""


@dataclass(frozen=True)
class Alias:
    """One verbatim wording of a document, mapped to a code, with the scope it states."""
    alias: str
    indicator_code: str  # '' = reviewed as commune-specific
    commune: str
    source_ref: str
    scope: str = ""  # the scope this wording states (age base, level, who); '' = not stated


@dataclass(frozen=True)
class Match:
    code: str | None
    confidence: float  # 0..1
    method: str  # alias | reviewed_local | fuzzy | low_confidence | local
    suggestion: str | None = None
    suggestion_score: float | None = None
    scope: str = ""  # the matched alias's scope qualifier (exact aliases only)


@dataclass
class Catalog:
    pillars: dict[str, Pillar]
    indicators: dict[str, Indicator]
    aliases: dict[str, str]  # alias_key -> code ('' = reviewed as commune-specific)
    scopes: dict[str, str] = field(default_factory=dict)  # alias_key -> scope qualifier
    alias_rows: tuple[Alias, ...] = ()  # aliases.csv as written (for the catalogue page)
    version: str = ""
    effective_date: str = ""
    _choices: list[str] = field(default_factory=list, repr=False)
    _choice_codes: list[str] = field(default_factory=list, repr=False)
    _pillar_keys: dict[str, str] = field(default_factory=dict, repr=False)
    # match() and pillar_for_heading() answers by wording: the same labels and headings
    # recur in every workbook (a national ingest asks ~4 times per row). Pure: a Catalog's
    # tables are not changed after it is built (with_aliases makes a new one).
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for ind in self.indicators.values():  # the canonical wording itself is certain
            self.aliases.setdefault(alias_key(ind.name_vi), ind.code)
        seen: dict[str, str] = {}
        for ind in self.indicators.values():
            seen.setdefault(match_text(ind.name_vi), ind.code)
        for key, code in self.aliases.items():
            if code:
                seen.setdefault(match_text(key), code)
        self._choices = list(seen)
        self._choice_codes = [seen[k] for k in self._choices]
        for p in self.pillars.values():
            for a in (p.name_vi, *p.aliases):
                self._pillar_keys[fold(a)] = p.code

    def with_aliases(self, extra: dict[str, str]) -> "Catalog":
        """A copy with analyst-confirmed aliases added (they win over the file's)."""
        extra = {alias_key(k): v for k, v in extra.items()}
        merged = {**self.aliases, **extra}
        # A confirmed alias that moves a wording to another code drops the file's scope.
        scopes = {k: v for k, v in self.scopes.items()
                  if k not in extra or extra[k] == self.aliases.get(k)}
        return Catalog(self.pillars, self.indicators, merged, scopes, self.alias_rows,
                       self.version, self.effective_date)

    def match(self, label: str) -> Match:
        memo = ("match", label)
        if memo not in self._memo:
            if len(self._memo) > 200_000:  # a long-running app: keep it bounded
                self._memo.clear()
            self._memo[memo] = self._match(label)
        return self._memo[memo]

    def _match(self, label: str) -> Match:
        key = alias_key(label)
        if not key:
            return Match(None, 0.0, "local")
        if key in self.aliases:
            code = self.aliases[key]
            if code and code in self.indicators:
                return Match(code, 1.0, "alias", scope=self.scopes.get(key, ""))
            if not code:
                return Match(None, 1.0, "reviewed_local")
        best = process.extractOne(match_text(label), self._choices, scorer=score)
        if not best:
            return Match(None, 0.0, "local")
        _, value, idx = best
        code = self._choice_codes[idx]
        if value >= ACCEPT:
            return Match(code, round(value / 100, 3), "fuzzy", code, value)
        if value >= REVIEW:
            return Match(None, round(value / 100, 3), "low_confidence", code, value)
        return Match(None, round(value / 100, 3), "local", code, value)

    def pillar_for_heading(self, heading: str) -> str | None:
        """'Hạ tầng số' / 'I. HẠ TẦNG SỐ' / 'Hoạt động Chính quyền số' -> pillar code."""
        memo = ("pillar", heading)
        if memo not in self._memo:
            if len(self._memo) > 200_000:  # a long-running app: keep it bounded
                self._memo.clear()
            self._memo[memo] = self._pillar_for_heading(heading)
        return self._memo[memo]

    def _pillar_for_heading(self, heading: str) -> str | None:
        f = fold(heading)
        # "I. HẠ TẦNG SỐ", "2) Nhân lực số", "V - Chính quyền số": drop the numbering only.
        f = re.sub(r"^(?:[ivxlc]+|\d+(?:\.\d+)*)(?:\s*[.)\-]\s*|\s+)", "", f).strip() if f else f
        if f in self._pillar_keys:
            return self._pillar_keys[f]
        padded = f" {f} "
        hits = {code for key, code in self._pillar_keys.items()
                if key and f" {key} " in padded and len(f) <= len(key) + 15}
        # A heading naming two groups ("Nhận thức số, nhân lực số") is ambiguous.
        named = {code for key, code in self._pillar_keys.items() if key and f" {key} " in padded}
        return hits.pop() if len(hits) == 1 and len(named) == 1 else None


def local_code(commune: str, label: str) -> str:
    """A stable code for a commune-specific indicator, so its results meet its targets."""
    h = hashlib.sha1(f"{fold(commune)}|{alias_key(label)}".encode()).hexdigest()[:10]
    return f"LOCAL.{h}"


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]


@lru_cache(maxsize=4)
def load_catalog(directory: str | None = None) -> Catalog:
    d = Path(directory) if directory else CATALOG_DIR
    pillars = {
        r["code"]: Pillar(r["code"], int(r["order"]), r["name_vi"], r["name_en"],
                          tuple(a.strip() for a in r.get("aliases", "").split("|") if a.strip()))
        for r in _read_csv(d / "pillars.csv")
    }
    indicators = {
        r["code"]: Indicator(r["code"], r["pillar"], r["name_vi"], r["name_en"], r["unit"],
                             r["direction"] or "higher", r["value_type"] or "percent",
                             numerator=r.get("numerator", ""),
                             denominator=r.get("denominator", ""), scope=r.get("scope", ""),
                             source=r.get("source", ""), description=r.get("description", ""))
        for r in _read_csv(d / "indicators.csv")
    }
    aliases: dict[str, str] = {}
    scopes: dict[str, str] = {}
    rows: list[Alias] = []
    alias_file = d / "aliases.csv"
    if alias_file.exists():
        for r in _read_csv(alias_file):
            a = Alias(r["alias"], r["indicator_code"], r.get("commune", ""),
                      r.get("source_ref", ""), r.get("scope", ""))
            rows.append(a)
            key = alias_key(a.alias)
            aliases[key] = a.indicator_code
            if a.scope:
                scopes[key] = a.scope
    meta = read_version(d)
    return Catalog(pillars, indicators, aliases, scopes, tuple(rows),
                   meta.get("version", ""), meta.get("effective_date", ""))


def read_version(directory: Path) -> dict[str, str]:
    """``catalog.toml``: the catalogue's version, effective date and reference frameworks."""
    path = Path(directory) / "catalog.toml"
    if not path.exists():
        return {}
    with path.open("rb") as f:
        data = tomllib.load(f)
    return {k: str(v) for k, v in data.items() if not isinstance(v, (list, dict))}
