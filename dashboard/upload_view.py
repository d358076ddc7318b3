"""Widgets of the upload page that are more than one call: the analyst gate, one file's review.

Text from uploaded files is shown only in dataframes or ``st.text``/``st.code`` (never as
HTML, never as Markdown), so a label such as ``<script>`` or ``**x**`` is displayed as typed.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import auth, safe_text
from etl import service
from dashboard.i18n import current_lang
from etl.catalog import Catalog
from etl.detect import ROLE_NAMES, ROLES
from etl.pipeline import Understanding
from etl.service import labels_needing_review, problems_frame, rows_frame, tables_frame

LOCAL = "— chỉ tiêu riêng của xã —"

# Display names for the review and history tables (the frames keep their stable names).
COLUMNS = {
    "severity": ("Mức độ", "Severity"), "code": ("Mã lỗi", "Code"), "file": ("Tệp", "File"),
    "sheet": ("Sheet", "Sheet"), "row": ("Dòng", "Row"), "column": ("Cột", "Column"),
    "message": ("Nội dung", "Message"), "label": ("Chỉ tiêu (nguyên văn)", "Label (as written)"),
    "year": ("Năm", "Year"), "raw": ("Giá trị gốc", "Raw text"), "kind": ("Loại", "Kind"),
    "op": ("Phép so", "Op"), "low": ("Từ", "Low"), "high": ("Đến", "High"),
    "unit": ("Đơn vị", "Unit"), "indicator_code": ("Mã chỉ tiêu chuẩn", "Indicator code"),
    "match": ("Cách gắn", "Match"), "confidence": ("Độ tin cậy", "Confidence"),
    "pillar": ("Nhóm DTI", "DTI group"), "lead_unit": ("Đơn vị chủ trì", "Lead unit"),
    "flags": ("Cờ", "Flags"), "period": ("Kỳ", "Period"), "value": ("Giá trị", "Value"),
    "task": ("Nhiệm vụ", "Task"), "plan_year": ("Năm", "Year"),
    "amount_million_vnd": ("Kinh phí (triệu đồng)", "Amount (million VND)"),
    "funding_source": ("Nguồn vốn", "Funding source"), "status": ("Trạng thái", "Status"),
    "header_rows": ("Dòng tiêu đề", "Header rows"), "header": ("Tiêu đề cột", "Header"),
    "role": ("Hiểu là", "Understood as"), "table": ("Bảng", "Table"),
    "added": ("Thêm mới", "Added"), "replaced": ("Thay thế", "Replaced"),
    "unchanged": ("Không đổi", "Unchanged"), "rejected": ("Bị từ chối", "Rejected"),
    "import_id": ("Lượt nạp", "Import"), "loaded_at": ("Thời điểm", "Loaded at"),
    "loaded_by": ("Người nạp", "By"), "file_name": ("Tệp", "File"), "commune": ("Xã", "Commune"),
    "province": ("Tỉnh", "Province"), "n_targets": ("Chỉ tiêu", "Targets"),
    "n_actuals": ("Kết quả", "Results"), "n_budget": ("Dòng kinh phí", "Budget lines"),
    "n_replaced": ("Dòng bị thay", "Rows replaced"), "n_warnings": ("Cảnh báo", "Warnings"),
    "synthetic": ("Mô phỏng", "Synthetic"), "undone_at": ("Hoàn tác lúc", "Undone at"),
    "target_year": ("Năm", "Year"), "target_text": ("Mục tiêu", "Target"),
    "value_low": ("Từ", "Low"), "value_high": ("Đến", "High"), "value_text": ("Giá trị", "Value"),
    "amount_text": ("Số tiền (nguyên văn)", "Amount (as written)"),
    "source_file": ("Tệp nguồn", "Source file"), "source_sheet": ("Sheet", "Sheet"),
    "source_row": ("Dòng", "Row"), "source_col": ("Cột", "Column"), "active": ("Đang dùng", "Active"),
    "role_name": ("Vai trò", "Role (meaning)"), "reason": ("Lý do", "Reason"),
    "doubt": ("Cần hỏi", "Doubt"), "chosen": ("Chuyên viên chọn", "Chosen by analyst"),
    "layout_key": ("Mẫu bảng", "Layout"),
}


# Cell values of the review and history tables in the UI language (the frames keep codes)
VALUES = {
    "severity": {"error": ("lỗi", "error"), "confirm": ("cần xác nhận", "to confirm"),
                 "warning": ("cảnh báo", "warning"), "info": ("thông tin", "info")},
    "table": {"targets": ("chỉ tiêu", "targets"), "actuals": ("kết quả", "results"),
              "budget": ("kinh phí", "budget")},
    "status": {"active": ("đang dùng", "active"), "undone": ("đã hoàn tác", "undone")},
}


_PLAIN_INTS = {"row", "source_row", "year", "plan_year", "target_year", "import_id"}


def cells(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Cells as a reader expects them: no "None", numbers and times in the UI language's
    format (66,1 · 01/12/2026 14:05), severities and table names in words."""
    from dashboard import fmt
    i = 1 if lang == "en" else 0
    out = frame.copy()
    for c in out.columns:
        col = out[c]
        if c in _PLAIN_INTS and pd.api.types.is_float_dtype(col):  # 1234, not 1.234
            out[c] = col.map(lambda v: "" if pd.isna(v) else str(int(v)))
        elif c in VALUES:
            out[c] = col.map(lambda v, m=VALUES[c]: m[v][i] if v in m else v)
        elif pd.api.types.is_datetime64_any_dtype(col):
            out[c] = col.map(lambda v: "" if pd.isna(v) else
                             f"{fmt.day(v, lang)} {pd.Timestamp(v).strftime('%H:%M')}")
        elif pd.api.types.is_float_dtype(col):
            out[c] = col.map(lambda v: "" if pd.isna(v) else fmt.num(v, 2, lang))
        elif col.dtype == object or pd.api.types.is_string_dtype(col):
            out[c] = col.astype(object).map(
                lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v))
                else (fmt.num(v, 2, lang) if isinstance(v, float) else v))
    return out


def table(frame: pd.DataFrame, **kw) -> None:
    """A dataframe with translated column headers (text shown as text, never as HTML)."""
    lang = current_lang()
    i = 1 if lang == "en" else 0
    config = {c: COLUMNS[c][i] for c in frame.columns if c in COLUMNS}
    st.dataframe(cells(frame, lang), hide_index=True, width="stretch", column_config=config,
                 **kw)


@st.cache_data(max_entries=4, show_spinner=False)
def catalog_for(path: str, version: str) -> Catalog:
    """The catalogue plus analysts' remembered choices, read once per data version."""
    return service.catalog_with_user_aliases(path)


@st.cache_data(max_entries=4, show_spinner=False)
def column_roles_for(path: str, version: str) -> service.ColumnRoles:
    """Column roles analysts chose for earlier files, by table layout."""
    return service.remembered_column_roles(path)


def roles_key(roles: service.ColumnRoles) -> tuple:
    """Column roles as a hashable, ordered tuple (a cache key)."""
    return tuple(sorted((layout, letter, role, year) for layout, cols in roles.items()
                        for letter, (role, year) in cols.items()))


@st.cache_data(max_entries=32, show_spinner=False)
def review(data: bytes, name: str, path: str, version: str, commune: str | None = None,
           province: str | None = None, year: int | None = None,
           choices: tuple[tuple[str, str], ...] = (), roles: tuple = (),
           confirm: bool = False) -> Understanding:
    """A file's review, parsed once per (content, settings, data version), not every rerun."""
    column_roles: service.ColumnRoles = {}
    for layout, letter, role, y in roles:
        column_roles.setdefault(layout, {})[letter] = (role, y)
    return service.review_bytes(data, name, catalog_for(path, version), commune=commune,
                                province=province, year=year, choices=dict(choices),
                                column_roles=column_roles, confirm=confirm,
                                allow_synthetic=service.database_is_synthetic(path))


def synthetic_notice(u: Understanding) -> None:
    """Say plainly when a workbook is marked "DỮ LIỆU MÔ PHỎNG" (what happens to it)."""
    if any(p.code == "file.synthetic" for p in u.problems):
        st.error(tr("Tệp này ghi 'DỮ LIỆU MÔ PHỎNG': dữ liệu mô phỏng không được lưu vào cơ sở "
                    "dữ liệu thật. Dùng `python -m etl load --synthetic` với một cơ sở dữ liệu "
                    "mô phỏng (xem README).",
                    "This workbook is marked 'DỮ LIỆU MÔ PHỎNG' (synthetic): synthetic data "
                    "cannot be saved into the real database. Use `python -m etl load "
                    "--synthetic` with a synthetic database (see README)."), icon="⚠️")
    elif service.is_synthetic(u):
        st.warning(tr("Tệp này là dữ liệu mô phỏng: được lưu với nhãn 'Dữ liệu mô phỏng' "
                      "(cơ sở dữ liệu đang dùng là cơ sở dữ liệu mô phỏng).",
                      "This workbook is synthetic: it is saved labelled 'Dữ liệu mô phỏng' "
                      "(the database in use is a synthetic one)."), icon="⚠️")


def tr(vi: str, en: str) -> str:
    return en if current_lang() == "en" else vi


def analyst_gate() -> bool:
    """True when this session may write. Renders sign-in (password or OIDC) otherwise."""
    return auth.gate(tr)


def code_options(catalog: Catalog) -> list[str]:
    return [LOCAL] + [f"{i.code} — {i.name_vi}" for i in catalog.indicators.values()]


def choose_codes(u: Understanding, catalog: Catalog, key: str,
                 current: dict[str, str] | None = None) -> dict[str, str]:
    """An editable table of the labels the ETL was unsure about; returns label -> code.

    ``current`` holds the choices made so far (they are the table's starting values)."""
    current = current or {}
    pending = labels_needing_review(u)
    if pending.empty:
        st.success(tr("Mọi chỉ tiêu đều đã gắn với danh mục chuẩn hoặc đã được xác nhận.",
                      "Every label is mapped to the catalogue or already confirmed."))
        return {}
    names = {c: f"{c} — {i.name_vi}" for c, i in catalog.indicators.items()}
    frame = pd.DataFrame({
        "label": pending["label"],
        "how": pending["method"].map({"low_confidence": tr("chưa chắc", "unsure"),
                                      "local": tr("không khớp", "no match"),
                                      "fuzzy": tr("khớp gần đúng", "fuzzy match")}),
        "confidence": pending["confidence"],
        "choice": [names.get(current[lbl], LOCAL) if lbl in current else
                   (names.get(c, LOCAL) if m == "fuzzy" else LOCAL)
                   for lbl, c, m in zip(pending["label"], pending["suggested_code"],
                                        pending["method"])],
        "suggested": [names.get(c, "") for c in pending["suggested_code"]],
        "row": pending["row"],
    })
    edited = st.data_editor(
        frame, key=f"codes-{key}", hide_index=True, width="stretch",
        disabled=["label", "how", "confidence", "suggested", "row"],
        column_config={
            "label": st.column_config.TextColumn(tr("Tên chỉ tiêu trong tệp", "Label in file"),
                                                width="large"),
            "how": tr("Mức khớp", "Match"),
            "confidence": st.column_config.ProgressColumn(tr("Độ tin cậy", "Confidence"),
                                                          min_value=0, max_value=1,
                                                          format="%.2f"),
            "choice": st.column_config.SelectboxColumn(
                tr("Chỉ tiêu chuẩn (chọn)", "Canonical indicator (choose)"),
                options=code_options(catalog), width="large", required=True),
            "suggested": tr("Gợi ý", "Suggestion"),
            "row": tr("Dòng", "Row"),
        })
    out = {}
    for label, choice, how in zip(edited["label"], edited["choice"], pending["method"]):
        code = "" if choice == LOCAL else choice.split(" — ")[0]
        if how != "fuzzy" or code != "":
            out[label] = code
    return out


def show_review(u: Understanding) -> None:
    """What was understood: context, tables and columns, every row, every problem."""
    c = u.context
    cols = st.columns(4)
    cols[0].metric(tr("Xã", "Commune"), safe_text.md(c.commune) or "?")
    cols[1].metric(tr("Tỉnh", "Province"), safe_text.md(c.province) or "?")
    cols[2].metric(tr("Năm", "Years"), ", ".join(map(str, c.years)) or "?")
    n = u.counts()
    cols[3].metric(tr("Dòng đọc được", "Rows understood"),
                   n["targets"] + n["actuals"] + n["budget_lines"])
    if c.commune_source or c.province_source:
        st.text(safe_text.display(tr(
            f"Nguồn: xã — {c.commune_source or '-'}; tỉnh — {c.province_source or '-'}",
            f"Found in: commune — {c.commune_source or '-'}; province — "
            f"{c.province_source or '-'}")))
    probs = problems_frame(u)
    errors = probs[probs["severity"] == "error"]
    confirms = probs[probs["severity"] == "confirm"]
    warnings = probs[probs["severity"] == "warning"]
    if not errors.empty:
        st.error(tr(f"{len(errors)} lỗi: sửa tệp (hoặc điền xã/tỉnh/năm ở trên, hoặc chọn vai "
                    "trò cột bên dưới) rồi tải lại. Chưa có gì được lưu.",
                    f"{len(errors)} errors: fix the file (or fill commune/province/year above, "
                    "or choose column roles below) and upload again. Nothing has been saved."))
    if not confirms.empty and not u.confirmed:
        st.warning(tr(f"{len(confirms)} điểm cần xác nhận: kiểm tra rồi đánh dấu 'Tôi đã kiểm "
                      "tra' hoặc chọn vai trò cột đúng bên dưới. Chưa lưu được.",
                      f"{len(confirms)} points need confirmation: check them and tick 'I have "
                      "checked', or choose the right column roles below. Cannot commit yet."))
    elif not warnings.empty:
        st.warning(tr(f"{len(warnings)} cảnh báo: vẫn lưu được; xem danh sách bên dưới.",
                      f"{len(warnings)} warnings: you can still commit; see the list below."))
    tabs = st.tabs([tr("Vấn đề", "Problems") + f" ({len(errors)}/{len(confirms)}/"
                                                f"{len(warnings)})",
                    tr("Chỉ tiêu", "Targets") + f" ({n['targets']})",
                    tr("Kết quả", "Results") + f" ({n['actuals']})",
                    tr("Kinh phí", "Budget") + f" ({n['budget_lines']})",
                    tr("Bảng và cột", "Tables and columns")])
    rows = rows_frame(u)
    with tabs[0]:
        if probs.empty:
            st.text(tr("Không có vấn đề nào.", "No problems."))
        else:
            table(probs)
    for tab, name in zip(tabs[1:4], ("targets", "actuals", "budget_lines")):
        with tab:
            if rows[name].empty:
                st.text(tr("Không có dòng nào.", "No rows."))
            else:
                table(rows[name])
    with tabs[4]:
        table(tables_frame(u))


VALUE_ROLES_WITH_YEAR = ("target", "actual", "assessment")


def choose_columns(u: Understanding, base: Understanding, key: str) -> service.ColumnRoles:
    """Each column's role (a selectbox) and year, with the reason it was read that way; the
    analyst's changes against ``base`` (the file as read with the remembered choices)."""
    base_cols = {(i, c.letter): c for i, t in enumerate(base.tables) for c in t.columns}
    out: service.ColumnRoles = {}
    for i, t in enumerate(u.tables):
        st.caption(tr(f"Sheet '{t.sheet}', tiêu đề dòng {t.header_first}-{t.header_last}",
                      f"Sheet '{t.sheet}', header rows {t.header_first}-{t.header_last}"))
        for c in t.columns:
            c1, c2, c3, c4 = st.columns([3, 3, 1.4, 5])
            c1.text(f"{c.letter}: {c.header}")
            role = c2.selectbox(
                tr("Vai trò", "Role"), ROLES, index=ROLES.index(c.role) if c.role in ROLES
                else ROLES.index("ignored"), key=f"role-{key}-{i}-{c.letter}",
                format_func=lambda r: ROLE_NAMES.get(r, r), label_visibility="collapsed")
            year = None
            if role in VALUE_ROLES_WITH_YEAR:
                year = int(c3.number_input(tr("Năm", "Year"), min_value=0, max_value=2100,
                                           step=1, value=int(c.year or 0),
                                           key=f"ryear-{key}-{i}-{c.letter}",
                                           label_visibility="collapsed")) or None
            conf = f"{c.confidence:.2f}"
            c4.text(f"[{conf}] {c.reason}" + (f" — {tr('cần hỏi', 'doubt')}: {c.doubt}"
                                              if c.doubt else ""))
            b = base_cols.get((i, c.letter))
            base_year = b.year if b is not None else None
            if b is None or role != b.role or (role in VALUE_ROLES_WITH_YEAR and
                                               year != base_year):
                out.setdefault(t.layout_key, {})[c.letter] = (role, year)
    return out
