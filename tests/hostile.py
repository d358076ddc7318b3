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
