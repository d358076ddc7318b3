"""The ``synth`` subcommand of ``python -m etl`` (registered by :mod:`etl.cli`):

    python -m etl synth --communes 3321 --db data/synthetic.duckdb
    python -m etl synth --communes 200 --out bench-out/workbooks [--seed 42] [--jobs 2]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from .plans import DEFAULT_COMMUNES


def add_parser(subparsers) -> None:
    s = subparsers.add_parser(
        "synth", help="Sinh dữ liệu mô phỏng toàn quốc (synthetic)",
        description="Sinh dữ liệu MÔ PHỎNG: xã giả định (tên ghép từ âm tiết) thuộc 34 tỉnh, "
                    "chỉ tiêu 2026–2030, kết quả theo quý, kinh phí. Mọi dòng có "
                    "synthetic = TRUE.")
    s.add_argument("--communes", type=int, default=DEFAULT_COMMUNES,
                   help=f"Số xã (mặc định {DEFAULT_COMMUNES})")
    s.add_argument("--db", type=Path, help="Tạo cơ sở dữ liệu DuckDB mô phỏng tại đây")
    s.add_argument("--out", type=Path, help="Ghi một tệp .xlsx cho mỗi xã vào thư mục này")
    s.add_argument("--seed", type=int, default=42)
    s.add_argument("--jobs", type=int, default=None, help="Số tiến trình khi ghi --out")
    s.add_argument("--limit", type=int, default=None,
                   help="Chỉ ghi --out cho 'limit' xã đầu tiên (vẫn chia theo --communes)")
    s.add_argument("--force", action="store_true",
                   help="Cho phép ghi đè một tệp --db không phải dữ liệu mô phỏng")
    s.set_defaults(func=cmd_synth)


def cmd_synth(args) -> int:
    if not args.db and not args.out:
        print("Cần --db PATH và/hoặc --out DIR.", file=sys.stderr)
        return 2
    if args.communes < 1:
        print("--communes phải >= 1.", file=sys.stderr)
        return 2
    if args.db:
        from .build import build_db
        st = build_db(args.db, args.communes, args.seed, force=args.force)
        print(f"Đã tạo CSDL MÔ PHỎNG {args.db}: {st['communes']} xã / {st['provinces']} tỉnh, "
              f"targets {st['targets']}, actuals {st['actuals']}, budget_lines "
              f"{st['budget_lines']}, {st['imports']} lượt nạp, {st['seconds']} s.")
    if args.out:
        from .workbook import write_workbooks
        t = time.perf_counter()
        paths = write_workbooks(args.out, args.communes, args.seed, jobs=args.jobs,
                                limit=args.limit)
        print(f"Đã ghi {len(paths)} tệp .xlsx MÔ PHỎNG vào {args.out} "
              f"({time.perf_counter() - t:.1f} s).")
    return 0
