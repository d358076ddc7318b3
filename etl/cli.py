"""Command line: python -m etl validate|load|undo|imports ...

validate  prints what the ETL understood of each file and every problem; writes nothing.
load      loads files (parsed on several processes, written a batch of files per transaction);
          each file is all-or-nothing: a file with errors loads nothing.
undo      reverses one import exactly.
imports   lists the imports recorded in a database.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from . import problems as P
from .catalog import load_catalog
from .load import user_aliases
from .pipeline import Understanding, understand
from .read import read_workbook
from .store import DEFAULT_DB


def _add_context_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", type=Path, help="Các tệp .xlsx")
    p.add_argument("--commune", help="Tên xã, khi tệp không ghi")
    p.add_argument("--province", help="Tên tỉnh, khi tệp không ghi")
    p.add_argument("--year", type=int, help="Năm, khi tiêu đề cột không ghi")
    p.add_argument("-v", "--verbose", action="store_true", help="In cả các thông tin (info)")


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m etl", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="Kiểm tra tệp, không ghi gì")
    _add_context_args(v)
    ld = sub.add_parser("load", help="Nạp tệp vào cơ sở dữ liệu")
    _add_context_args(ld)
    ld.add_argument("--db", type=Path, default=DEFAULT_DB, help="Tệp DuckDB")
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
    try:
        from .synth import add_parser as add_synth
        add_synth(sub)
    except ImportError:  # pragma: no cover
        pass
    return ap


def understand_file(path: Path, catalog, *, commune=None, province=None, year=None
                    ) -> Understanding:
    wb, problems = read_workbook(path)
    if wb is None:
        from .records import Context
        return Understanding(file_name=path.name, sha256="", context=Context(), problems=problems)
    return understand(wb, catalog, commune=commune, province=province, year=year)


def report(u: Understanding, *, verbose: bool = False, out=None) -> None:
    out = out or sys.stdout
    c = u.context
    print(f"\n=== {u.file_name}", file=out)
    if c.commune or c.province:
        years = ", ".join(map(str, c.years)) or "?"
        print(f"    Xã: {c.commune or '?'} ({c.commune_source or '-'}); Tỉnh: {c.province or '?'} "
              f"({c.province_source or '-'}); Năm: {years}", file=out)
    for t in u.tables:
        kinds = ", ".join(t.kinds) or "không rõ"
        n = Counter(r.kind for r in t.rows)
        print(f"    Sheet '{t.sheet}', tiêu đề dòng {t.header_first}-{t.header_last}: {kinds}; "
              f"{n.get('data', 0)} dòng dữ liệu, {n.get('section', 0)} dòng mục, "
              f"{n.get('total', 0)} dòng tổng", file=out)
        if verbose:
            print(f"      Cột: {t.describe()}", file=out)
    counts = u.counts()
    print(f"    Hiểu được: {counts['targets']} chỉ tiêu, {counts['actuals']} kết quả, "
          f"{counts['budget_lines']} dòng kinh phí", file=out)
    mapped = sum(1 for r in [*u.targets, *u.actuals] if r.match_method in ("alias", "fuzzy"))
    if u.targets or u.actuals:
        print(f"    Gắn chỉ tiêu chuẩn: {mapped}/{len(u.targets) + len(u.actuals)}", file=out)
    sev = Counter(p.severity for p in u.problems)
    print(f"    Lỗi: {sev.get('error', 0)}, cảnh báo: {sev.get('warning', 0)}", file=out)
    for p in u.problems:
        if p.severity == "info" and not verbose:
            continue
        print(f"    {p}", file=out)


def _catalog_for(db: Path | None):
    catalog = load_catalog()
    if db is not None and db.exists():
        import duckdb
        try:
            con = duckdb.connect(str(db), read_only=True)
            try:
                catalog = catalog.with_aliases(user_aliases(con))
            finally:
                con.close()
        except duckdb.Error:
            pass
    return catalog


def cmd_validate(args) -> int:
    catalog = _catalog_for(None)
    bad = 0
    for f in args.files:
        u = understand_file(f, catalog, commune=args.commune, province=args.province,
                            year=args.year)
        report(u, verbose=args.verbose)
        bad += not u.ok
    print(f"\n{len(args.files) - bad} tệp hợp lệ, {bad} tệp có lỗi.")
    return 1 if bad else 0


def cmd_load(args) -> int:
    from .ingest import load_files
    catalog = _catalog_for(args.db)
    outcomes, totals = load_files(args.db, list(args.files), catalog, commune=args.commune,
                                  province=args.province, year=args.year,
                                  verbose=args.verbose, jobs=args.jobs, loaded_by=args.user,
                                  synthetic=args.synthetic)
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
    print(f"\nCơ sở dữ liệu {args.db}: targets {totals[0]}, actuals {totals[1]}, "
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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"validate": cmd_validate, "load": cmd_load, "undo": cmd_undo,
               "imports": cmd_imports, "template": cmd_template}.get(args.command)
    if handler is None:
        return args.func(args)
    try:
        return handler(args)
    except TimeoutError as e:
        print(str(e), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
