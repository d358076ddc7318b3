"""Text that came from a file is data: escape it for the place it is shown, once, here.

A commune name, a label, a file name or a cell's raw text can hold Markdown (``**x**``,
``[link](…)``, ``![img](http://…)``, Streamlit's ``:red[…]`` directives), HTML that Plotly
renders (``<a href=…>``, ``<b>``, ``<span style=…>``) or invisible characters that reorder
what is displayed (a right-to-left override turns ``exe.fdp`` into what looks like
``pdf.exe``). Each surface has its own function:

=====================  ===================================================================
``md(text)``           ``st.markdown``/``st.write``/headings/``st.error``/``st.metric``:
                       every Markdown and directive character is backslash-escaped
``plotly(text)``       Plotly titles, tick labels, annotations, hover text: ``& < >`` as
                       entities (Plotly's HTML subset decodes them back to characters)
``html(text)``         plain HTML (``unsafe_allow_html`` blocks, exports): ``html.escape``
``display(text)``      what every function above starts with: bidi controls, zero-width
                       and other format/control characters removed, lines joined
=====================  ===================================================================

Widgets that show plain text (``st.text``, ``st.dataframe`` cells, select-box options) need
only :func:`display`.
"""
from __future__ import annotations

import html as _html
import re
import unicodedata

# Unicode "format" (Cf) characters: bidi embeddings/overrides/isolates (U+202A-202E,
# U+2066-2069), marks (U+200E/F, U+061C), zero-width space/joiners (U+200B-200D), word
# joiner, BOM, soft hyphen… none belongs in a Vietnamese name, label or file name.
_KEEP_CONTROL = {"\n", "\t"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'^%@])")
_WS = re.compile(r"\s+")


def display(text: object) -> str:
    """The text without invisible reordering/zero-width characters, on one line."""
    if text is None:
        return ""
    if isinstance(text, float) and text != text:  # NaN
        return ""
    s = unicodedata.normalize("NFC", str(text))
    s = "".join(ch for ch in s if ch in _KEEP_CONTROL or
                unicodedata.category(ch) not in ("Cf", "Cc", "Co", "Cs"))
    return _WS.sub(" ", s).strip()


def md(text: object) -> str:
    """Safe inside Streamlit Markdown: shown exactly as written, never rendered."""
    return _MD_SPECIAL.sub(r"\\\1", display(text))


def plotly(text: object) -> str:
    """Safe inside a Plotly title, label, annotation or hover text."""
    return _html.escape(display(text), quote=False)


def html(text: object) -> str:
    """Safe inside HTML (attribute values too)."""
    return _html.escape(display(text), quote=True)
