"""One commune's plan: what it targets, what it reports each quarter, what it budgets.

:func:`plan_commune` is deterministic for (seed, index, commune, province) and is the single
source of both outputs: the database build (:mod:`synth.records`, :mod:`synth.build`) and the
workbooks (:mod:`synth.workbook`). A plan holds cells as an office types them (raw value, and
whether the cell is formatted as a percentage); reading them is the ETL's job.
"""
from __future__ import annotations

import csv
import math
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from etl.catalog import CATALOG_DIR, load_catalog
from etl.normalize import clean, fold

from .names import KINDS, _province_keys, slug

SYNTH_VERSION = "2"
DEFAULT_COMMUNES = 3321
TARGET_YEARS = (2026, 2027, 2028, 2029, 2030)
QUARTERS = ((2025, 1), (2025, 2), (2025, 3), (2025, 4), (2026, 1), (2026, 2), (2026, 3))
PLAN_YEAR = 2026


# ---------------------------------------------------------------------------------------
# The catalogue, as the generator needs it
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Spec:
    code: str
    pillar: str
    unit: str
    direction: str
    value_type: str
    labels: tuple[str, ...]  # catalogue wording first, then the documents' wordings


LOCAL_LABELS = {  # commune-specific indicators: no catalogue code
    "NT": ("Số tin, bài về chuyển đổi số đăng trên Trang thông tin điện tử của xã", "bài",
           "count"),
    "HT": ("Tỷ lệ nhà văn hóa thôn có điểm truy cập Internet miễn phí cho người dân", "%",
           "percent"),
    "CQ": ("Tỷ lệ cuộc họp giao ban của Ủy ban nhân dân xã tổ chức không giấy tờ", "%",
           "percent"),
    "KT": ("Số hộ kinh doanh trên địa bàn xã có gian hàng trên sàn thương mại điện tử",
           "hộ", "count"),
    "XH": ("Tỷ lệ hộ dân tham gia nhóm Zalo thông tin của thôn, tổ dân phố", "%", "percent"),
    "NL": ("Số đoàn viên thanh niên tham gia hướng dẫn kỹ năng số cho người dân", "người",
           "count"),
}

LEAD_UNITS = {
    "NT": ("Văn phòng HĐND và UBND xã", "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên xã"),
    "TC": ("Văn phòng HĐND và UBND xã", "Đảng ủy xã"),
    "HT": ("Phòng Kinh tế", "Văn phòng HĐND và UBND xã", "Bưu điện văn hóa xã"),
    "NL": ("Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã", "Trường THCS"),
    "AT": ("Văn phòng HĐND và UBND xã", "Công an xã"),
    "CQ": ("Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND xã"),
    "KT": ("Phòng Kinh tế", "Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã"),
    "XH": ("Công an xã", "Trạm Y tế xã", "Phòng Văn hóa - Xã hội", "Tổ công nghệ số cộng đồng"),
}

BUDGET_TASKS = {
    "NT": ("Tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia 10/10",
           "Xây dựng chuyên mục chuyển đổi số trên Trang thông tin điện tử và Đài truyền thanh xã",
           "In ấn pano, áp phích, tờ rơi tuyên truyền về chuyển đổi số"),
    "TC": ("Xây dựng, ban hành kế hoạch và quy chế hoạt động Ban Chỉ đạo chuyển đổi số xã",),
    "HT": ("Nâng cấp đường truyền Internet cáp quang và mạng nội bộ trụ sở Ủy ban nhân dân xã",
           "Lắp đặt hệ thống camera giám sát an ninh, trật tự tại các trục đường chính",
           "Xây dựng hệ thống loa truyền thanh thông minh ứng dụng công nghệ thông tin - viễn thông",
           "Trang bị máy tính, máy quét cho bộ phận một cửa",
           "Lắp đặt điểm phát Wi-Fi miễn phí tại nhà văn hóa các thôn"),
    "NL": ("Tập huấn kỹ năng số cho cán bộ, công chức và thành viên Tổ công nghệ số cộng đồng",
           "Tổ chức lớp Bình dân học vụ số cho người dân"),
    "AT": ("Mua bản quyền phần mềm phòng, chống mã độc cho máy tính của cơ quan",
           "Xây dựng hồ sơ đề xuất cấp độ an toàn hệ thống thông tin"),
    "CQ": ("Số hóa hồ sơ, tài liệu lưu trữ và kết quả giải quyết thủ tục hành chính",
           "Trang bị màn hình, thiết bị phục vụ hội nghị truyền hình trực tuyến",
           "Nâng cấp Trang thông tin điện tử của xã đáp ứng yêu cầu kỹ thuật"),
    "KT": ("Hỗ trợ hộ kinh doanh, hợp tác xã đưa sản phẩm OCOP lên sàn thương mại điện tử",
           "Tuyên truyền, hướng dẫn thanh toán không dùng tiền mặt tại chợ và cơ sở kinh doanh"),
    "XH": ("Hỗ trợ người dân kích hoạt tài khoản định danh điện tử VNeID mức độ 2",
           "Duy trì hoạt động của các Tổ công nghệ số cộng đồng"),
}
OBJECTIVES = {
    "NT": "Nâng cao nhận thức của cán bộ và người dân về chuyển đổi số",
    "TC": "Hoàn thiện thể chế, kế hoạch, quy chế phục vụ chuyển đổi số",
    "HT": "Bảo đảm hạ tầng số phục vụ hoạt động của cơ quan và người dân",
    "NL": "Nâng cao kỹ năng số cho cán bộ, công chức và người dân",
    "AT": "Bảo đảm an toàn thông tin mạng theo cấp độ",
    "CQ": "Nâng cao hiệu quả cung cấp dịch vụ công trực tuyến và điều hành trên môi trường số",
    "KT": "Thúc đẩy kinh tế số, thương mại điện tử trên địa bàn",
    "XH": "Thu hẹp khoảng cách số, phát triển xã hội số",
}
EXPECTED = ("Hoàn thành trong năm", "100% cán bộ tham gia", "Phục vụ người dân và doanh nghiệp",
            "Đưa vào sử dụng trong quý IV", "")
FUNDING = (("Ngân sách tỉnh", "Ngân sách xã", "Nguồn xã hội hóa"),
           ("Nguồn NS tỉnh bố trí trong dự toán chi năm 2026", "Nguồn hợp pháp của đơn vị"),
           ("Ngân sách tỉnh", "Ngân sách xã"))
BUDGET_STATUS = ("Đề xuất", "Đề xuất", "Chuyển tiếp", "Đã phê duyệt", "Mới", "Đang thực hiện",
                 "")
QUALITATIVE_TEXT = ("Duy trì, nâng cao chất lượng", "Theo kế hoạch của tỉnh",
                    "Triển khai theo hướng dẫn của cấp trên")
RESULT_TEXT = ("Đang triển khai", "Đang xây dựng kế hoạch", "Đã triển khai một phần")
AI_TARGETS = ("Có ứng dụng AI phục vụ người dân", "Thử nghiệm trợ lý ảo AI tại bộ phận một cửa",
              "Ứng dụng AI trong trả lời phản ánh, kiến nghị")
AI_RESULTS = ("Đã thử nghiệm trợ lý ảo AI hỏi đáp thủ tục hành chính",
              "Chưa triển khai", "Đang khảo sát nhu cầu")


@lru_cache(maxsize=4)
def _specs(catalog_dir: str) -> tuple[Spec, ...]:
    catalog = load_catalog(catalog_dir)
    extra: dict[str, list[str]] = {}
    path = Path(catalog_dir) / "aliases.csv"
    if path.exists():
        with path.open(encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                code, alias = (r.get("indicator_code") or "").strip(), clean(r.get("alias"))
                if not code or code not in catalog.indicators or len(alias) > 220:
                    continue
                if ".gov.vn" in alias or _mentions_place(alias):
                    continue
                if catalog.match(alias).code == code:  # only wordings the matcher agrees on
                    extra.setdefault(code, []).append(alias)
    out = []
    for ind in catalog.indicators.values():
        labels = [ind.name_vi] + [a for a in extra.get(ind.code, []) if a != ind.name_vi]
        out.append(Spec(ind.code, ind.pillar, ind.unit, ind.direction, ind.value_type,
                        tuple(labels)))
    return tuple(out)


def _mentions_place(text: str) -> bool:
    padded = f" {fold(text)} "
    if any(f" {fold(n)} " in padded for n in ("Nam Đàn", "Hợp Minh", "Can Lộc", "Phùng Minh",
                                               "Phú Trung")):
        return True
    return any(f" {k} " in padded for k in _province_keys())


# ---------------------------------------------------------------------------------------
# One commune's plan (the single source for --db and --out)
# ---------------------------------------------------------------------------------------
Cell = tuple  # (raw value as typed in Excel, formatted as percent?)


@dataclass
class IndicatorPlan:
    code: str | None  # None: commune-specific
    pillar: str
    label: str
    unit_hint: str  # the ĐVT column
    lead_unit: str
    note: str
    targets: dict[int, Cell] = field(default_factory=dict)
    quarterly: dict[tuple[int, int], Cell] = field(default_factory=dict)
    annual: dict[str, Cell] = field(default_factory=dict)  # '2025' (year) / '2026' (9 months)
    assessment: str = ""


@dataclass
class BudgetPlan:
    pillar: str
    task: str
    objective: str
    expected: str
    lead_unit: str
    amounts: list[Cell]  # one per funding source column (None = empty)
    note: str


@dataclass
class CommunePlan:
    index: int
    commune: str
    province: str
    kind: str  # xã | phường | đặc khu
    indicators: list[IndicatorPlan]
    budget: list[BudgetPlan]
    funding: tuple[str, ...]
    meta_sheet: bool  # Xã/Tỉnh/Năm in 'Thông tin chung' (otherwise only in titles)
    plan_no: int
    reported_quarters: tuple[tuple[int, int], ...]
    slug: str = ""

    def __post_init__(self) -> None:
        if not self.slug:
            self.slug = f"{self.index + 1:04d}_{slug(self.commune)}_{slug(self.province)}"

    @property
    def plan_file(self) -> str:
        return f"ke_hoach_cds_{self.slug}.xlsx"

    def report_file(self, year: int, q: int) -> str:
        return f"bao_cao_cds_{self.slug}_{year}_q{q}.xlsx"


def _vn(v: float, decimals: int = 1) -> str:
    """85.5 -> '85,5'; 86.0 -> '86'; 1200 -> '1.200' (Vietnamese)."""
    if abs(v - round(v)) < 1e-9:
        return f"{int(round(v)):,}".replace(",", ".")
    return f"{v:.{decimals}f}".rstrip("0").rstrip(".").replace(".", ",")


def _round5(v: float) -> int:
    return int(min(100, max(5, 5 * round(v / 5))))


def _percent_target(rng: random.Random, v: int, style: str, year: int) -> Cell:
    if v >= 100:
        return ("100%", False) if rng.random() < 0.85 else (1.0, True)
    r = rng.random()
    if r < 0.05 and year <= 2027 and v >= 30:
        return (f"{v - 20}-{v}%" if rng.random() < 0.5 else f"{v - 10} - {v + 5}%", False)
    if style == "ge":
        return (f"≥ {v}%", False)
    if style == "tren":
        return (f"Trên {v}%", False)
    if style == "toi_thieu":
        return (f"Tối thiểu {v}%", False)
    if style == "number":
        return (v / 100, True)
    if style == "bare":
        return (str(v), False)  # ĐVT says %
    if r < 0.15:
        return (f"{v}% trở lên", False)
    return (f"{v}%", False)


def _percent_result(rng: random.Random, v: float, style: str) -> Cell:
    v = round(min(100.0, max(0.0, v)), 1 if rng.random() < 0.4 else 0)
    r = rng.random()
    if r < 0.03:
        return ("Đạt", False) if rng.random() < 0.7 else ("Chưa đạt", False)
    if r < 0.045:
        return (rng.choice(RESULT_TEXT), False)
    if r < 0.12 and 0 < v < 100:
        den = rng.randint(40, 3000)
        num = int(round(den * v / 100))
        if rng.random() < 0.3:
            return (f"{num}/{den} ({_vn(round(num / den * 100, 1))}%)", False)
        return (f"{_vn(num, 0)}/{_vn(den, 0)}", False)
    if style == "number":
        return (round(v / 100, 4), True)
    if style == "bare":
        return (_vn(v), False)
    return (f"{_vn(v)}%", False)


def plan_commune(index: int, commune: str, province: str, seed: int,
                 catalog_dir: str | None = None) -> CommunePlan:
    """Deterministic for (seed, index, commune, province)."""
    specs = _specs(str(catalog_dir or CATALOG_DIR))
    rng = random.Random(f"{seed}-{index}-{commune}-{province}")
    perf = rng.gauss(0, 1)  # how well this commune does
    style = rng.choice(("plain", "plain", "ge", "tren", "toi_thieu", "number", "bare"))
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    # Reporting: some communes never report, most miss a quarter now and then.
    if rng.random() < 0.05:
        reported: tuple = ()
    else:
        reported = tuple(q for q in QUARTERS if rng.random() > 0.08)
    n_ind = rng.randint(20, 40)
    chosen = rng.sample(specs, n_ind)
    plans: list[IndicatorPlan] = []
    for spec in chosen:
        plans.append(_indicator(rng, spec, perf, style, reported, province))
    for pillar in rng.sample(sorted(LOCAL_LABELS), rng.choice((0, 0, 1, 1, 2))):
        label, unit, vtype = LOCAL_LABELS[pillar]
        spec = Spec("", pillar, unit, "higher", vtype, (label,))
        plans.append(_indicator(rng, spec, perf, style, reported, province))
    order = {p: i for i, p in enumerate(("NT", "TC", "HT", "NL", "AT", "CQ", "KT", "XH"))}
    plans.sort(key=lambda p: (order[p.pillar], p.code or "~"))
    funding = rng.choice(FUNDING)
    budget = []
    for pillar in sorted(rng.sample(sorted(BUDGET_TASKS), rng.randint(3, 7)), key=order.get):
        for task in rng.sample(BUDGET_TASKS[pillar], rng.randint(1, min(2, len(BUDGET_TASKS[pillar])))):
            amounts: list[Cell] = [(None, False)] * len(funding)
            main = rng.choices(range(len(funding)), [6, 3, 1][:len(funding)])[0]
            amounts[main] = _amount(rng)
            if rng.random() < 0.2:
                other = (main + 1) % len(funding)
                amounts[other] = _amount(rng, small=True)
            if rng.random() < 0.04:
                amounts = [(None, False)] * len(funding)  # not costed yet
            budget.append(BudgetPlan(pillar, task, OBJECTIVES[pillar], rng.choice(EXPECTED),
                                     rng.choice(LEAD_UNITS[pillar]), amounts,
                                     rng.choice(BUDGET_STATUS)))
    return CommunePlan(index, commune, province, kind, plans, budget, funding,
                       meta_sheet=rng.random() < 0.5, plan_no=rng.randint(12, 480),
                       reported_quarters=reported)


def _amount(rng: random.Random, small: bool = False) -> Cell:
    v = rng.choice((20, 30, 50, 50, 80, 100, 120, 150, 200)) if small else \
        rng.choice((50, 80, 100, 150, 200, 250, 300, 450, 500, 600, 800, 1000, 1200, 1500, 2500))
    r = rng.random()
    if v >= 1000 and r < 0.15:
        return (f"{_vn(v / 1000)} tỷ", False)
    if r < 0.55:
        return (_vn(v, 0), False)  # typed as text: '1.200'
    return (v, False)  # a number formatted #,##0


def _logit(p: float) -> float:
    p = min(0.995, max(0.005, p))
    return math.log(p / (1 - p))


def _trajectory(rng: random.Random, start: float, perf: float, province: str,
                indicator: str) -> list[float]:
    """One commune's path of a percentage over QUARTERS, so that communes differ the way
    real ones do (not one curve shifted): a yearly pace on the logit scale (growth slows
    near 100 %) made of a national pace for the indicator, a province effect (communes of
    one province share a programme), the commune's own capacity (``perf``) and its own
    spread; quarterly noise; and, for one path in eight, a setback (a merged office, a
    change of counting) that lasts. A few communes regress."""
    national = 0.25 + 0.5 * random.Random(f"pace-{indicator}").random()
    prov = random.Random(f"pace-{indicator}-{province}").gauss(0, 0.25)
    pace = rng.gauss(national + prov + 0.15 * perf, 0.35)
    x = _logit(start / 100)
    drop_at = rng.randrange(len(QUARTERS)) if rng.random() < 0.125 else None
    drop = rng.uniform(0.3, 1.0)
    out = []
    for k in range(len(QUARTERS)):
        xk = x + pace * k / 4 + rng.gauss(0, 0.12)
        if drop_at is not None and k >= drop_at:
            xk -= drop
        out.append(100.0 / (1.0 + math.exp(-xk)))
    return out


def _indicator(rng: random.Random, spec: Spec, perf: float, style: str,
               reported: tuple, province: str) -> IndicatorPlan:
    label = spec.labels[0] if len(spec.labels) == 1 or rng.random() < 0.6 else \
        rng.choice(spec.labels[1:])
    years = [2026] + [y for y in (2027, 2028, 2029) if rng.random() < 0.4] + \
        ([2030] if rng.random() < 0.85 else [])
    p = IndicatorPlan(code=spec.code or None, pillar=spec.pillar, label=label,
                      unit_hint="%" if style == "bare" and spec.unit == "%" else
                      (spec.unit if spec.value_type == "count" else ""),
                      lead_unit=rng.choice(LEAD_UNITS[spec.pillar]), note="")
    never = rng.random() < 0.12  # planned, never reported
    quarters = [] if never else [q for q in reported if rng.random() > 0.1]
    vt = spec.value_type
    if spec.code == "CQ.CHI_NGAN_SACH_CDS":  # real plans: 1-3 % of the budget, not 100 %
        p.targets = {y: (f"Tối thiểu {rng.choice((1, 1, 2, 3))}%", False) for y in years}
    elif vt == "percent" and spec.unit == "%":
        start = min(100.0, max(3.0, rng.gauss(62 + 9 * perf, 20)))
        traj = _trajectory(rng, start, perf, province, spec.code or spec.labels[0])
        all_100 = rng.random() < 0.3
        level = _round5(start + rng.uniform(5, 25))
        for y in years:
            v = 100 if all_100 else level
            p.targets[y] = _percent_target(rng, v, style, y)
            level = _round5(level + rng.uniform(0, 8))
        for k, q in enumerate(QUARTERS):
            if q in quarters:
                p.quarterly[q] = _percent_result(rng, traj[k], style)
    elif vt == "done":
        for y in years:
            r = rng.random()
            p.targets[y] = ("Hoàn thành", False) if r < 0.8 else \
                (rng.choice(QUALITATIVE_TEXT), False) if r < 0.92 else ("100%", False)
        done_at = rng.randint(0, 10) - int(perf)  # quarter index when it gets done
        for k, q in enumerate(QUARTERS):
            if q not in quarters:
                continue
            if k >= done_at:
                p.quarterly[q] = (rng.choice(("Hoàn thành", "Đã hoàn thành", "Đã thực hiện",
                                              "Đạt")), False)
            else:
                p.quarterly[q] = (rng.choice(("Chưa thực hiện", "Chưa hoàn thành")), False) \
                    if rng.random() < 0.6 else (rng.choice(RESULT_TEXT), False)
    elif vt == "rank":
        best = max(1, int(rng.gauss(30 - 8 * perf, 12)))
        for i, y in enumerate(years):
            top = max(3, best - 3 * i)
            r = rng.random()
            p.targets[y] = (f"Thứ {max(1, top - 10)}-{top}", False) if r < 0.6 else \
                (f"Top {top}", False) if r < 0.9 else \
                ("Cải thiện thứ hạng so với năm trước", False)
        if (2025, 4) in quarters:  # the DTI rank is published once a year
            rank = max(1, int(best + rng.gauss(6, 10)))
            p.quarterly[(2025, 4)] = (f"Thứ {rank}" if rng.random() < 0.7 else
                                      f"Xếp thứ {rank}/{rng.randint(60, 160)}", False)
    elif vt == "count":
        unit = spec.unit or ""
        base = {"người": 2, "lớp": 4, "dịch vụ": 120, "tổ": 9, "bài": 24, "hộ": 15}.get(unit, 5)
        goal = max(1, int(base * rng.uniform(0.6, 1.6)))
        pace = max(-0.02, rng.gauss(0.08 + 0.02 * perf, 0.04))  # share of the goal per quarter
        for i, y in enumerate(years):
            g = goal + i * max(1, goal // 10)
            r = rng.random()
            if unit == "người" and r < 0.5:
                p.targets[y] = (f"{max(1, g - 1)}- {g + 1} người", False)
            elif r < 0.35:
                p.targets[y] = (f"≥ {g} {unit}".strip(), False)
            elif r < 0.5:
                p.targets[y] = (f"Tối thiểu {g} {unit}".strip(), False)
            elif r < 0.95:
                p.targets[y] = (str(g), False)
            else:
                p.targets[y] = (rng.choice(QUALITATIVE_TEXT), False)
        for k, q in enumerate(QUARTERS):
            if q not in quarters:
                continue
            v = max(0, int(round(goal * (0.5 + pace * k + 0.1 * perf) + rng.gauss(0, 1))))
            r = rng.random()
            if unit == "tổ" and r < 0.15:
                p.quarterly[q] = (f"Đã thành lập {v}/{max(v, goal)} tổ", False)  # a fraction
            elif r < 0.05:
                p.quarterly[q] = ("Đã thành lập và hoạt động", False)
            elif r < 0.5:
                p.quarterly[q] = (f"{v} {unit}".strip(), False)
            else:
                p.quarterly[q] = (str(v), False)
    else:  # text (and a catalogue percent without unit, if any)
        for y in years:
            p.targets[y] = (rng.choice(AI_TARGETS), False)
        for q in QUARTERS:
            if q in quarters and rng.random() < 0.6:
                p.quarterly[q] = (rng.choice(AI_RESULTS), False)
    if never:
        p.note = "Chưa có số liệu"
    # The annual view in the workbook: full year 2025, and nine months of 2026.
    for year, last_q in ((2025, 4), (2026, 3)):
        for q in range(last_q, 0, -1):
            if (year, q) in p.quarterly:
                p.annual[str(year)] = p.quarterly[(year, q)]
                break
    if p.annual and rng.random() < 0.5:
        p.assessment = rng.choice(("Đạt", "Chưa đạt", "Vượt"))
    if rng.random() < 0.05 and not p.note:
        p.note = rng.choice(("Số liệu ước tính", "Theo báo cáo của Công an xã",
                             "Số liệu đến 30/9"))
    return p


