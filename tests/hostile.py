"""Builders for hostile and malformed files (made in code, nothing committed)."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path


def html_renamed(path: Path) -> Path:
    path.write_text("<html><body><table><tr><td>Chỉ tiêu</td></tr></table></body></html>",
                    encoding="utf-8")
    return path


def csv_renamed(path: Path) -> Path:
    path.write_text("TT,Chỉ tiêu,Mục tiêu 2026\n1,Tỷ lệ A,100%\n", encoding="utf-8")
    return path


def legacy_xls(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + b"Workbook".ljust(512, b"\0"))
    return path


def encrypted_xlsx(path: Path) -> Path:
    """What Excel writes for a password-protected workbook: an OLE2 container."""
    body = "EncryptionInfo".encode("utf-16-le") + b"\0" * 100 + \
        "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + body)
    return path


def random_bytes(path: Path) -> Path:
    path.write_bytes(bytes(range(256)) * 40)
    return path


def zip_bomb(path: Path, size_mb: int = 300) -> Path:
    """A valid-looking xlsx whose sheet inflates to size_mb (highly compressible)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        chunk = b"0" * (1024 * 1024)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            for _ in range(size_mb):
                f.write(chunk)
    path.write_bytes(buf.getvalue())
    return path


def xml_bomb(path: Path, good_xlsx: Path) -> Path:
    """A real workbook whose first sheet declares a billion-laughs entity and uses it."""
    import re
    dtd = ('<!DOCTYPE worksheet [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{i} "' + (f"&lol{i - 1};" if i > 1 else "&lol;") * 10 + '">'
                     for i in range(1, 10))
           + "]>")
    src = zipfile.ZipFile(good_xlsx)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                text = re.sub(r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + dtd, text,
                              count=1)
                text = re.sub(r"<t>[^<]*</t>", "<t>&lol9;</t>", text, count=1)
                data = text.encode("utf-8")
            out.writestr(item, data)
    path.write_bytes(buf.getvalue())
    return path


def docx_renamed(path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    path.write_bytes(buf.getvalue())
    return path


def formula_without_value(path: Path) -> Path:
    """A workbook written by a program: a formula with no cached value."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "PL"
    ws.append(["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"])
    ws.append(["TT", "Chỉ tiêu", "Mục tiêu 2026"])
    ws.append([1, "Tỷ lệ A", "=50+30"])
    wb.save(path)
    return path


# --- odd and hostile input (issue 9) ---------------------------------------------------

def empty_file(path: Path) -> Path:
    path.write_bytes(b"")
    return path


def strict_ooxml(path: Path) -> Path:
    """What Excel writes for 'Strict Open XML Spreadsheet': the ISO 29500 Strict namespaces."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://purl.oclc.'
                    'org/ooxml/spreadsheetml/main"><sheets><sheet name="PL" sheetId="1" '
                    'r:id="rId1"/></sheets></workbook>')
        zf.writestr("xl/worksheets/sheet1.xml", '<worksheet xmlns="http://purl.oclc.org/ooxml/'
                    'spreadsheetml/main"><sheetData/></worksheet>')
    path.write_bytes(buf.getvalue())
    return path


def ods_renamed(path: Path) -> Path:
    """A LibreOffice .ods (a zip with a 'mimetype' entry and content.xml) renamed .xlsx."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
        zf.writestr("META-INF/manifest.xml", "<manifest/>")
    path.write_bytes(buf.getvalue())
    return path


def rewrite_sheet(path: Path, fn) -> Path:
    """Rewrite the first sheet's XML of an existing workbook with fn(text) -> text."""
    src = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = fn(data.decode("utf-8")).encode("utf-8")
            out.writestr(item, data)
    path.write_bytes(buf.getvalue())
    return path


def formula_without_value_no_refs(path: Path) -> Path:
    """A formula with no cached value, written (as some generators do) without r= on cells
    or rows, and with an ampersand (escaped &amp; in the XML)."""
    import re
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "PL"
    ws.append(["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"])
    ws.append(["TT", "Chỉ tiêu", "Mục tiêu 2026"])
    ws.append([1, "Tỷ lệ A", '=B3&"%"'])
    wb.save(path)
    return rewrite_sheet(path, lambda t: re.sub(r'\s(?:r|spans)="[^"]*"', "", t))


def numbers_with_formats(path: Path, cells: list[tuple[object, str]]) -> Path:
    """A target table whose values carry the given Excel number formats."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "PL"
    ws.append(["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"])
    ws.append(["TT", "Chỉ tiêu", "Mục tiêu 2026"])
    for i, (value, fmt) in enumerate(cells, start=1):
        ws.append([i, f"Chỉ tiêu riêng số {i}", value])
        ws.cell(row=ws.max_row, column=3).number_format = fmt
    wb.save(path)
    return path


def wide_or_long(path: Path, *, rows: int = 0, far_col: int = 0) -> Path:
    """A target table with `rows` data rows, or with its 'Mục tiêu 2026' header in column
    `far_col` (both past a limit the test lowers)."""
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Dài"
    ws.append(["UBND XÃ NAM ĐÀN - TỈNH NGHỆ AN"])
    ws.append(["TT", "Chỉ tiêu", "Mục tiêu 2026"])
    for i in range(1, rows + 1):
        ws.append([i, f"Chỉ tiêu riêng số {i}", "100%"])
    if far_col:
        ws.cell(row=2, column=far_col, value="Mục tiêu 2027")
        ws.append([1, "Tỷ lệ A", "90%"])
        ws.cell(row=ws.max_row, column=far_col, value="100%")
    wb.save(path)
    return path
