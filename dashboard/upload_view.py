"""Widgets of the upload page that are more than one call: the analyst gate, one file's review.

Text from uploaded files is shown only in dataframes or ``st.text``/``st.code`` (never as
HTML, never as Markdown), so a label such as ``<script>`` or ``**x**`` is displayed as typed.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import auth
from etl import service
from dashboard.i18n import current_lang
from etl.catalog import Catalog
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
}


def table(frame: pd.DataFrame, **kw) -> None:
    """A dataframe with translated column headers (text shown as text, never as HTML)."""
    i = 1 if current_lang() == "en" else 0
    config = {c: COLUMNS[c][i] for c in frame.columns if c in COLUMNS}
    st.dataframe(frame, hide_index=True, width="stretch", column_config=config, **kw)


@st.cache_data(max_entries=4, show_spinner=False)
def catalog_for(path: str, version: str) -> Catalog:
    """The catalogue plus analysts' remembered choices, read once per data version."""
    return service.catalog_with_user_aliases(path)


@st.cache_data(max_entries=32, show_spinner=False)
def review(data: bytes, name: str, path: str, version: str, commune: str | None = None,
           province: str | None = None, year: int | None = None,
           choices: tuple[tuple[str, str], ...] = ()) -> Understanding:
    """A file's review, parsed once per (content, settings, data version), not every rerun."""
    return service.review_bytes(data, name, catalog_for(path, version), commune=commune,
                                province=province, year=year, choices=dict(choices),
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
    """True when this session may write. Renders the password form otherwise."""
    if st.session_state.get(auth.SESSION_KEY):
        return True
    if auth.open_mode():
        st.info(tr("Chế độ dùng thử trên máy này: chưa đặt mật khẩu chuyên viên nên ai cũng tải "
                   "lên được. Khi triển khai, đặt ANALYST_PASSWORD_HASH (xem README).",
                   "Local trial mode: no analyst password is set, so anyone can upload. Set "
                   "ANALYST_PASSWORD_HASH for a deployment (see README)."))
        return True
    stored = auth.configured_hash()
    if not stored:
        st.warning(tr("Chức năng tải lên đang tắt: chưa cấu hình mật khẩu chuyên viên. Tạo mã "
                      "băm bằng `python -m dashboard.auth` rồi đặt vào biến môi trường "
                      "ANALYST_PASSWORD_HASH hoặc .streamlit/secrets.toml.",
                      "Uploads are off: no analyst password is configured. Make a hash with "
                      "`python -m dashboard.auth` and set ANALYST_PASSWORD_HASH or "
                      ".streamlit/secrets.toml."))
        return False
    with st.form("analyst_login"):
        pw = st.text_input(tr("Mật khẩu chuyên viên", "Analyst password"), type="password")
        if st.form_submit_button(tr("Đăng nhập", "Sign in")):
            if auth.verify_password(pw, stored):
                st.session_state[auth.SESSION_KEY] = True
                st.rerun()
            st.error(tr("Sai mật khẩu.", "Wrong password."))
    return False


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
    cols[0].metric(tr("Xã", "Commune"), c.commune or "?")
    cols[1].metric(tr("Tỉnh", "Province"), c.province or "?")
    cols[2].metric(tr("Năm", "Years"), ", ".join(map(str, c.years)) or "?")
    n = u.counts()
    cols[3].metric(tr("Dòng đọc được", "Rows understood"),
                   n["targets"] + n["actuals"] + n["budget_lines"])
    if c.commune_source or c.province_source:
        st.text(tr(f"Nguồn: xã — {c.commune_source or '-'}; tỉnh — {c.province_source or '-'}",
                   f"Found in: commune — {c.commune_source or '-'}; province — "
                   f"{c.province_source or '-'}"))
    probs = problems_frame(u)
    errors = probs[probs["severity"] == "error"]
    warnings = probs[probs["severity"] == "warning"]
    if not errors.empty:
        st.error(tr(f"{len(errors)} lỗi: sửa tệp (hoặc điền xã/tỉnh/năm ở trên) rồi tải lại. "
                    "Chưa có gì được lưu.",
                    f"{len(errors)} errors: fix the file (or fill commune/province/year above) "
                    "and upload again. Nothing has been saved."))
    elif not warnings.empty:
        st.warning(tr(f"{len(warnings)} cảnh báo: vẫn lưu được; xem danh sách bên dưới.",
                      f"{len(warnings)} warnings: you can still commit; see the list below."))
    tabs = st.tabs([tr("Vấn đề", "Problems") + f" ({len(errors)}/{len(warnings)})",
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
