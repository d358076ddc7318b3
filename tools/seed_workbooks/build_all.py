"""Rebuild every seed workbook: python -m tools.seed_workbooks.build_all"""
from importlib import import_module

MODULES = ["build_nam_dan", "build_hop_minh", "build_can_loc", "build_phung_minh",
           "build_phu_trung"]


def main() -> None:
    for name in MODULES:
        import_module(f"tools.seed_workbooks.{name}").main()


if __name__ == "__main__":
    main()
