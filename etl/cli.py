"""Command line: python -m etl validate|load|undo|imports|template|as-of|synth ...

validate  prints what the ETL understood of each file and every problem; writes nothing.
load      loads files (parsed on several processes, written a batch of files per transaction);
          each file is all-or-nothing: a file with errors loads nothing.
undo      reverses one import exactly.
imports   lists the imports recorded in a database.
template  writes the blank templates (targets, results, budget).
as-of     sets (or clears, or shows) the data's date the statuses are judged at.
synth     the synthetic national data (registered from the synth package, synth/cli.py).
"""
from __future__ import annotations

import argparse
import io
import re
import sys
from collections import Counter
from pathlib import Path

from .catalog import load_catalog
from .detect import ROLE_NAMES, ROLES
from .load import LoadResult, load_many, sync_catalog, user_aliases
from .pipeline import Understanding, understand
from .read import read_workbook
from .service import column_roles_of, confirmed_roles, merge_roles, remember_column_roles
from .store import DEFAULT_DB, Discard, derived_stale, write_session


def _add_context_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, help="Các tệp .xlsx")
    p.add_argument("--commune", help="Tên xã, khi tệp không ghi")
    p.add_argument("--province", help="Tên tỉnh, khi tệp không ghi")
    p.add_argument("--year", type=int, help="Năm, khi tiêu đề cột không ghi")
    p.add_argument("-v", "--verbose", action="store_true", help="In cả các thông tin (info)")
    p.add_argument("--db", type=Path, default=DEFAULT_DB,
                   help="Tệp DuckDB (lựa chọn đã nhớ: chỉ tiêu chuẩn, vai trò cột)")
    p.add_argument("--role", action="append", default=[], metavar="[SHEET!]COT=VAI_TRO[:NAM]",
                   help="Vai trò của một cột, vd. D=total, C=unit, E=target:2025 (khi nạp: "
                        "nhớ cho mẫu bảng này). Vai trò: " + ", ".join(ROLES))
    p.add_argument("--confirm", action="store_true",
                   help="Xác nhận các điểm 'confirm' sau khi đã kiểm tra")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m etl", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="Kiểm tra tệp, không ghi gì")
    _add_context_args(v)
    v.add_argument("--synthetic", action="store_true",
                   help="Chấp nhận tệp ghi 'DỮ LIỆU MÔ PHỎNG' (sẽ nạp với nhãn mô phỏng)")
    v.add_argument("--lang", choices=("vi", "en"), default="vi",
                   help="Ngôn ngữ của các vấn đề in ra (problems in English: --lang en)")
    ld = sub.add_parser("load", help="Nạp tệp vào cơ sở dữ liệu")
    _add_context_args(ld)
    ld.add_argument("--user", default="cli")
    ld.add_argument("--synthetic", action="store_true",
                    help="Đánh dấu dữ liệu mô phỏng (mọi trang hiển thị nhãn 'Dữ liệu mô phỏng')")
    ld.add_argument("--jobs", type=int, default=None,
                    help="Số tiến trình đọc tệp khi nạp nhiều tệp (mặc định: số lõi CPU)")
    u = sub.add_parser("undo", help="Hoàn tác một lượt nạp")
    u.add_argument("import_id", type=int)
    u.add_argument("--db", type=Path, default=DEFAULT_DB)
    tp = sub.add_parser("template", help="Ghi các tệp mẫu (chỉ tiêu, kết quả, kinh phí)")
    tp.add_argument("--out", type=Path, default=Path("data/templates"))
    tp.add_argument("--year", type=int, default=2026)
    im = sub.add_parser("imports", help="Liệt kê các lượt nạp")
    im.add_argument("--db", type=Path, default=DEFAULT_DB)
    ao = sub.add_parser("as-of", help="Đặt (hoặc bỏ) ngày của dữ liệu cho tình trạng chỉ tiêu "
                                      "và tính lại bảng progress")
    ao.add_argument("period", nargs="?", help="Kỳ, ví dụ 2025 hoặc 2025-Q3; bỏ trống để xem")
    ao.add_argument("--clear", action="store_true",
                    help="Bỏ giá trị đặt tay: dùng kỳ báo cáo mới nhất trong dữ liệu")
    ao.add_argument("--db", type=Path, default=DEFAULT_DB)
    # The synthetic generator is its own package (synth/, which uses etl, never the reverse);
    # its command stays here so that every data command is `python -m etl …`.
    from synth.cli import add_parser as add_synth
    add_synth(sub)
    return ap


def understand_file(path: Path, catalog, *, commune=None, province=None, year=None,
                    synthetic=False, column_roles=None, confirm=False,
                    reader: str = "auto") -> Understanding:
    """A file's understanding; a workbook marked "DỮ LIỆU MÔ PHỎNG" is refused unless
    ``synthetic`` (then it carries a warning and loads with synthetic = TRUE)."""
    from .service import check_synthetic
    wb, problems = read_workbook(path, reader=reader)
    if wb is None:
        from .records import Context
        return Understanding(file_name=path.name, sha256="", context=Context(), problems=problems)
    return check_synthetic(understand(wb, catalog, commune=commune, province=province,
                                      year=year, synthetic=synthetic,
                                      column_roles=column_roles, confirm=confirm),
                           wb, synthetic)


def parse_role_arg(arg: str) -> tuple[str | None, str, str, int | None]:
    """'Phụ lục!D=target:2025' -> ('Phụ lục', 'D', 'target', 2025)."""
    m = re.fullmatch(r"(?:(.+)!)?([A-Za-z]{1,3})\s*=\s*([a-z_]+)(?::(\d{4}))?", arg.strip())
    if not m or m.group(3) not in ROLES:
        raise ValueError(f"--role '{arg}': cần dạng COT=VAI_TRO[:NAM], vai trò là một trong "
                         + ", ".join(ROLES))
    return m.group(1), m.group(2).upper(), m.group(3), int(m.group(4)) if m.group(4) else None


def roles_from_args(u: Understanding, role_args) -> dict:
    out: dict = {}
    for arg in role_args:
        sheet, letter, role, year = parse_role_arg(arg)
        for t in u.tables:
            if (sheet is None or t.sheet == sheet) and any(c.letter == letter
                                                           for c in t.columns):
                out.setdefault(t.layout_key, {})[letter] = (role, year)
    return out


def report(u: Understanding, *, verbose: bool = False, out=None, lang: str = "vi") -> None:
    """What was understood of one file and its problems (``lang``: the problems' language)."""
    out = out or sys.stdout
    c = u.context
    print(f"\n=== {u.file_name}", file=out)
    if c.commune or c.province:
        years = ", ".join(map(str, c.years)) or "?"
        code = f", mã ĐVHC {c.commune_code}" if c.commune_code else ""
        print(f"    Xã: {c.commune or '?'} ({c.commune_source or '-'}{code}); Tỉnh: "
              f"{c.province or '?'} ({c.province_source or '-'}); Năm: {years}", file=out)
    for t in u.tables:
        kinds = ", ".join(t.kinds) or "không rõ"
        n = Counter(r.kind for r in t.rows)
        print(f"    Sheet '{t.sheet}', tiêu đề dòng {t.header_first}-{t.header_last}: {kinds}; "
              f"{n.get('data', 0)} dòng dữ liệu, {n.get('section', 0)} dòng mục, "
              f"{n.get('total', 0)} dòng tổng", file=out)
        if verbose:
            print(f"      Cột: {t.describe()}", file=out)
            for col in t.columns:
                year = f" {col.period or col.year}" if col.year else ""
                print(f"        {col.letter} '{col.header}' → {ROLE_NAMES.get(col.role, col.role)}"
                      f"{year} (tin cậy {col.confidence:.2f}): {col.reason}", file=out)
    counts = u.counts()
    print(f"    Hiểu được: {counts['targets']} chỉ tiêu, {counts['actuals']} kết quả, "
          f"{counts['budget_lines']} dòng kinh phí", file=out)
    mapped = sum(1 for r in [*u.targets, *u.actuals] if r.match_method in ("alias", "fuzzy"))
    if u.targets or u.actuals:
        print(f"    Gắn chỉ tiêu chuẩn: {mapped}/{len(u.targets) + len(u.actuals)}", file=out)
    sev = Counter(p.severity for p in u.problems)
    print(f"    Lỗi: {sev.get('error', 0)}, cần xác nhận: {sev.get('confirm', 0)}"
          f"{' (đã xác nhận)' if u.confirmed and sev.get('confirm') else ''}, "
          f"cảnh báo: {sev.get('warning', 0)}", file=out)
    if u.needs_confirmation:
        print("    Cần xác nhận: kiểm tra các dòng [confirm] rồi chạy lại với --confirm, hoặc "
              "chọn vai trò cột bằng --role.", file=out)
    for p in u.problems:
        if p.severity == "info" and not verbose:
            continue
        print(f"    {p.line(lang)}", file=out)


def _catalog_for(db: Path | None):
    return _remembered(db)[0]


def _remembered(db: Path | None):
    """The catalogue with the analysts' aliases, and the column roles they chose, from one
    read-only open of the database (each open of the national file costs tens of ms)."""
    catalog = load_catalog()
    if db is None or not db.exists():
        return catalog, {}
    import duckdb
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return catalog, {}
    try:
        return _remembered_in(con, catalog)
    finally:
        con.close()


def _remembered_in(con, catalog=None):
    """:func:`_remembered` from a connection already open."""
    import duckdb
    catalog = catalog or load_catalog()
    try:
        catalog = catalog.with_aliases(user_aliases(con))
    except duckdb.Error:
        pass
    return catalog, column_roles_of(con)


def _understand_all(args, known=None) -> tuple[list[Understanding], dict]:
    """``known``: what :func:`_remembered` gave, when the caller already asked."""
    catalog, remembered = known or _remembered(args.db)
    out, chosen = [], {}
    kw = dict(commune=args.commune, province=args.province, year=args.year,
              confirm=args.confirm, synthetic=getattr(args, "synthetic", False))
    for f in args.files:
        u = understand_file(f, catalog, column_roles=remembered, **kw)
        c = roles_from_args(u, args.role)
        if c:  # re-read with the columns the analyst named
            u = understand_file(f, catalog, column_roles=merge_roles(remembered, c), **kw)
        out.append(u)
        chosen = merge_roles(chosen, confirmed_roles(u) if u.ok else {}, c)
    return out, chosen


def cmd_validate(args) -> int:
    bad = 0
    for u in _understand_all(args)[0]:
        report(u, verbose=args.verbose, lang=args.lang)
        bad += not u.ok
    print(f"\n{len(args.files) - bad} tệp hợp lệ, {bad} tệp có lỗi hoặc cần xác nhận.")
    return 1 if bad else 0


def cmd_load(args) -> int:
    results: list[tuple[Understanding, LoadResult]] = []
    from .ingest import MIN_FILES_FOR_PROCESSES, FileOutcome, load_files
    known = None
    if len(args.files) >= MIN_FILES_FOR_PROCESSES:
        known = catalog, remembered = _remembered(args.db)
        if not (args.role or args.confirm or remembered):
            # many files and no column choices: parse on processes, write in batches
            outcomes, totals = load_files(args.db, list(args.files), catalog,
                                          commune=args.commune, province=args.province,
                                          year=args.year, verbose=args.verbose, jobs=args.jobs,
                                          loaded_by=args.user, synthetic=args.synthetic)
            return _print_outcomes(outcomes, totals, args.db)
    totals = None
    with write_session(args.db) as con:
        # A few files are read in the session: the analysts' aliases and column roles come
        # from the copy being written (one open of the database instead of two, ~50-150 ms
        # on the national file under load, and exactly the state the rows are written into)
        catalog, remembered = known = known or _remembered_in(con)
        understood, chosen = _understand_all(args, known)
        sync_catalog(con, catalog)
        remember_column_roles(con, chosen, understood, user=args.user)
        loaded = load_many(con, understood, loaded_by=args.user, synthetic=args.synthetic)
        results = list(zip(understood, loaded))
        if args.synthetic:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('synthetic', 'true')")
        totals = con.execute(
            "SELECT (SELECT count(*) FROM targets), (SELECT count(*) FROM actuals), "
            "(SELECT count(*) FROM budget_lines)").fetchone()
        if (not chosen and not any(r.status == "loaded" for _, r in results)
                and args.db.exists() and not derived_stale(con)):
            raise Discard()  # nothing new: leave the live file exactly as it is
    outcomes = []
    for u, r in results:
        out = io.StringIO()
        report(u, verbose=args.verbose, out=out)
        outcomes.append(FileOutcome(u.file_name, out.getvalue(), r, 0))
    return _print_outcomes(outcomes, totals, args.db)


def _print_outcomes(outcomes, totals, db) -> int:
    rejected = 0
    for o in outcomes:
        r = o.result
        print(o.report, end="")
        if r.status == "loaded":
            added = ", ".join(f"{k}: +{v}" for k, v in r.added.items()) or "không có dòng nào"
            repl = ", ".join(f"{k}: {v}" for k, v in r.replaced.items() if v)
            same = ", ".join(f"{k}: {v}" for k, v in r.unchanged.items() if v)
            print(f"    → Đã nạp (lượt {r.import_id}): {added}"
                  + (f"; thay thế {repl}" if repl else "")
                  + (f"; không đổi {same}" if same else ""))
        elif r.status == "unchanged":
            print(f"    → {r.message}")
        else:
            rejected += 1
            print(f"    → TỪ CHỐI: {r.message}")
    print(f"\nCơ sở dữ liệu {db}: targets {totals[0]}, actuals {totals[1]}, "
          f"budget_lines {totals[2]}.")
    if rejected:
        print(f"{rejected} tệp bị từ chối: xem các lỗi [error] ở trên.", file=sys.stderr)
    return 1 if rejected else 0


def cmd_undo(args) -> int:
    from .service import undo
    try:
        print(undo(args.db, args.import_id))
    except ValueError as e:
        print(str(e), file=sys.stderr)
        return 1
    return 0


def cmd_template(args) -> int:
    from .templates import write_templates
    for path in write_templates(args.out, load_catalog(), year=args.year):
        print(path)
    return 0


def cmd_imports(args) -> int:
    import duckdb
    from .service import list_imports
    if not args.db.exists():
        print(f"Không có cơ sở dữ liệu {args.db}", file=sys.stderr)
        return 1
    con = duckdb.connect(str(args.db), read_only=True)
    try:
        frame = list_imports(con)
    finally:
        con.close()
    cols = ["import_id", "loaded_at", "loaded_by", "file_name", "commune", "status", "n_targets",
            "n_actuals", "n_budget", "n_replaced"]
    print(frame[cols].to_string(index=False))
    return 0


def cmd_as_of(args) -> int:
    """The data's date the statuses are judged at (meta 'as_of'); the write session
    recomputes the progress snapshot with it."""
    import re
    if args.period and not re.fullmatch(r"\d{4}(-Q[1-4])?", args.period):
        print(f"Kỳ không hợp lệ: {args.period!r} (ví dụ 2025 hoặc 2025-Q3)", file=sys.stderr)
        return 1
    if not args.period and not args.clear:
        import duckdb
        if not args.db.exists():
            print(f"Không có cơ sở dữ liệu {args.db}", file=sys.stderr)
            return 1
        con = duckdb.connect(str(args.db), read_only=True)
        try:
            row = con.execute("SELECT (SELECT value FROM meta WHERE key = 'as_of'), "
                              "(SELECT max(as_of_period) FROM progress)").fetchone()
        finally:
            con.close()
        print(f"as_of (đặt tay): {row[0] or '–'}; ngày của dữ liệu đang dùng: {row[1] or '–'}")
        return 0
    with write_session(args.db) as con:
        if args.clear:
            con.execute("DELETE FROM meta WHERE key = 'as_of'")
        else:
            con.execute("INSERT OR REPLACE INTO meta VALUES ('as_of', ?)", [args.period])
    print(f"as_of = {args.period or '(kỳ báo cáo mới nhất)'}; đã tính lại progress.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"validate": cmd_validate, "load": cmd_load, "undo": cmd_undo,
               "imports": cmd_imports, "template": cmd_template,
               "as-of": cmd_as_of}.get(args.command)
    if handler is None:
        return args.func(args)
    try:
        return handler(args)
    except ValueError as e:  # a malformed --role
        if "--role" not in str(e):
            raise
        print(str(e), file=sys.stderr)
        return 2
    except TimeoutError as e:
        print(str(e), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
