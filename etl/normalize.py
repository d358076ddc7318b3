"""Vietnamese text normalisation for matching headers, labels and names.

Two levels: ``clean`` keeps diacritics (for display and exact alias keys), ``fold`` removes
them (for header synonyms and fuzzy matching, where office files are inconsistent about
Unicode composition and sometimes drop tone marks).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w%≥≤<>/.,\-–+ ]+", re.UNICODE)


def clean(text: object) -> str:
    """NFC, single spaces, no leading/trailing blanks (None -> '')."""
    if type(text) is str:
        return _clean(text)
    return "" if text is None else _clean(str(text))


@lru_cache(maxsize=200_000)
def _clean(text: str) -> str:
    """Cached: every cell of every row is cleaned several times by detect and the pipeline,
    and the same headers, units and words recur in every workbook."""
    s = unicodedata.normalize("NFC", text)
    s = s.replace("\u00a0", " ").replace("\u200b", "")
    return _WS.sub(" ", s).strip()


@lru_cache(maxsize=100_000)
def strip_diacritics(text: str) -> str:
    s = unicodedata.normalize("NFD", text)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Mn")
    return s.replace("đ", "d").replace("Đ", "D")


@lru_cache(maxsize=200_000, typed=True)  # typed: fold(True) is "true", fold(1) is "1"
def fold(text: object) -> str:
    """Lower-case, diacritics removed, punctuation reduced to spaces: for comparisons.

    Cached: the same header words, units and lead units recur in every workbook."""
    s = strip_diacritics(clean(text)).lower()
    s = _NON_WORD.sub(" ", s)
    return _WS.sub(" ", s).strip()


_NON_WORD = re.compile(r"[^\w%]+")
_QUOTES_PUNCT = re.compile(r"[\"“”'‘’`.;:,!?()\[\]]+")


# "Phấn đấu có 100% ...", "Có trên 70% ...", "Tối thiểu 90% ...": prose-derived labels often
# start with their own target; the alias key is the wording without it.
_LEADING_QUANTITY = re.compile(
    r"^(?:(?:phấn đấu|có|đạt|tối thiểu|ít nhất|trên|từ|khoảng|bảo đảm|đảm bảo)\s+)*"
    r"\d[\d.,]*\s*%?\s*(?:trở lên\s+)?")


def alias_key(text: object) -> str:
    """The key under which a label is looked up in the alias table.

    Diacritics are kept (they carry meaning: 'số' vs 'sổ'), case, punctuation and a leading
    quantity ("100% ...", "Có trên 70% ...") are not.
    """
    return _alias_key(clean(text))


@lru_cache(maxsize=200_000)
def _alias_key(text: str) -> str:
    s = text.lower()
    s = _LEADING_QUANTITY.sub("", s)
    s = _QUOTES_PUNCT.sub(" ", s)
    return _WS.sub(" ", s).strip()


def commune_name(text: object) -> str:
    """'XÃ NAM ĐÀN' / 'xã nam đàn' / 'Nam Đàn' -> 'Nam Đàn'; "Ea H'Leo" stays as written.

    A name written all in capitals (a title row) is title-cased; otherwise only the first
    letter of each word is raised and the rest kept as the file writes it (lower-casing the
    rest of every word mangled names such as "Ea H'Leo"). Invisible format characters (bidi
    overrides, zero-width joiners) are dropped: a name is an identifier."""
    s = "".join(ch for ch in clean(text) if unicodedata.category(ch) != "Cf")
    s = re.sub(r"^(ủy ban nhân dân|uỷ ban nhân dân|ubnd)\s+", "", s, flags=re.I)
    s = re.sub(r"^(xã|phường|đặc khu|thị trấn)\s+", "", s, flags=re.I)
    if s.isupper():
        return title_case(s)
    return " ".join(w[:1].upper() + w[1:] for w in s.split(" ") if w)


def title_case(s: str) -> str:
    """Title-case each word (Vietnamese place names are written that way)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split(" ") if w)
