"""教督〔2017〕6号 as transcribed: the seven indicators, their standards and the school/county numbers.

Facts are school TOTALS (``facts.model.School``); per-100-pupil and per-pupil values are
computed exactly from them (see ``rules``).
"""

from __future__ import annotations

from dataclasses import dataclass

from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import Cite, Decimal, Parameter, Unit, f, zh_en
from xuequ_rules.policy.expr import Field
from xuequ_rules.text import Text

C = Cite
STAGES = (Stage.PRIMARY, Stage.JUNIOR)
STAGE_LABEL = {Stage.PRIMARY: ("小学", "primary"), Stage.JUNIOR: ("初中", "junior middle")}


@dataclass(frozen=True, slots=True)
class Indicator:
    key: str
    item: str                 # clause id of the table row, e.g. "(一)"
    total: Field              # the school total the indicator is computed from
    per_hundred: bool         # per 100 pupils (True) or per pupil (False)
    title: Text
    unit: Unit
    primary: Decimal
    junior: Decimal
    row: str                  # the table row as transcribed (verbatim quote)


INDICATORS = (
    Indicator("qualified_teachers", "(一)", f.teachers_above_required_qualification, True,
              zh_en("每百名学生拥有高于规定学历教师数",
                    "teachers above the required qualification per 100 pupils"),
              Unit.PERSONS, Decimal("4.2"), Decimal("5.3"),
              "每百名学生拥有高于规定学历教师数 | ≥ 4.2 人 | ≥ 5.3 人 |"),
    Indicator("backbone_teachers", "(二)", f.backbone_teachers_county_level, True,
              zh_en("每百名学生拥有县级以上骨干教师数",
                    "county-level-or-above backbone teachers per 100 pupils"),
              Unit.PERSONS, Decimal("1"), Decimal("1"),
              "每百名学生拥有县级以上骨干教师数 | ≥ 1 人 | ≥ 1 人 |"),
    Indicator("pe_art_teachers", "(三)", f.pe_art_teachers, True,
              zh_en("每百名学生拥有体育、艺术（美术、音乐）专任教师数",
                    "full-time PE and art (fine art, music) teachers per 100 pupils"),
              Unit.PERSONS, Decimal("0.9"), Decimal("0.9"),
              "每百名学生拥有体育、艺术（美术、音乐）专任教师数 | ≥ 0.9 人 | ≥ 0.9 人 |"),
    Indicator("teaching_space", "(四)", f.teaching_space_m2, False,
              zh_en("生均教学及辅助用房面积", "teaching and auxiliary floor area per pupil"),
              Unit.SQUARE_METRES, Decimal("4.5"), Decimal("5.8"),
              "生均教学及辅助用房面积 | ≥ 4.5 m² | ≥ 5.8 m² |"),
    Indicator("sports_space", "(五)", f.sports_space_m2, False,
              zh_en("生均体育运动场馆面积", "sports ground and hall area per pupil"),
              Unit.SQUARE_METRES, Decimal("7.5"), Decimal("10.2"),
              "生均体育运动场馆面积 | ≥ 7.5 m² | ≥ 10.2 m² |"),
    Indicator("equipment_value", "(六)", f.equipment_value, False,
              zh_en("生均教学仪器设备值", "value of teaching equipment per pupil"),
              Unit.YUAN, Decimal("2000"), Decimal("2500"),
              "生均教学仪器设备值 | ≥ 2000 元 | ≥ 2500 元 |"),
    Indicator("multimedia_classrooms", "(七)", f.multimedia_classrooms, True,
              zh_en("每百名学生拥有网络多媒体教室数",
                    "networked multimedia classrooms per 100 pupils"),
              Unit.COUNT, Decimal("2.3"), Decimal("2.4"),
              "每百名学生拥有网络多媒体教室数 | ≥ 2.3 间 | ≥ 2.4 间 |"),
)


def _standard(indicator: Indicator, stage: Stage) -> Parameter:
    zh_stage, en_stage = STAGE_LABEL[stage]
    value = indicator.primary if stage is Stage.PRIMARY else indicator.junior
    per = "每百名学生" if indicator.per_hundred else "每名学生"
    unit_note = "（单位：间）" if indicator.unit is Unit.COUNT else ""
    return Parameter(
        id=f"national.{indicator.key}.{stage.value}_min", value=value, unit=indicator.unit,
        label=zh_en(f"{zh_stage}{indicator.title.zh}的标准（{per}不低于此值）{unit_note}",
                    f"{en_stage} standard: {indicator.title.en}, at least"),
        concept=f"quality_balance.{indicator.key}.{stage.value}_min",
        cites=(C(indicator.item, _cell_quote(indicator, stage)),))


def _cell_quote(indicator: Indicator, stage: Stage) -> str:
    """The words of the stage's own number: the row up to the primary cell, or the junior cell.

    Where both stages have the same standard (≥ 1 人 | ≥ 1 人), the junior cell alone occurs
    twice in the row, so the junior standard quotes both cells: they state one value.
    """
    name, primary, junior = indicator.row.split(" | ")
    if stage is Stage.PRIMARY:
        return f"{name} | {primary}"
    return f"{primary} | {junior}" if indicator.primary == indicator.junior else junior


STANDARDS: dict[tuple[str, Stage], Parameter] = {
    (indicator.key, stage): _standard(indicator, stage)
    for indicator in INDICATORS for stage in STAGES}

MIN_MET = Parameter(
    id="national.school.min_indicators_met", value=6, unit=Unit.COUNT,
    label=zh_en("每校七项指标中至少达标的项数", "indicators (of 7) each school must meet"),
    concept="quality_balance.school.min_indicators_met",
    cites=(C("(七)", "at least 6 of the"),))
FLOOR = Parameter(
    id="national.school.floor_share_of_standard", value=Decimal("0.85"), unit=Unit.RATIO,
    label=zh_en("未达标指标不得低于标准值的比例", "floor for the indicators not met, as a share of "
                "the standard"),
    concept="quality_balance.school.floor_share_of_standard",
    cites=(C("(七)", "falls below 85% of its standard"),))
CV_LIMIT = {
    Stage.PRIMARY: Parameter(
        id="national.county.cv_max.primary", value=Decimal("0.50"), unit=Unit.RATIO,
        label=zh_en("小学各项指标校际差异系数上限", "primary: maximum 校际差异系数 per indicator"),
        concept="quality_balance.county.cv_max.primary",
        cites=(C("(七)", "≤ 0.50 for primary schools"),)),
    Stage.JUNIOR: Parameter(
        id="national.county.cv_max.junior", value=Decimal("0.45"), unit=Unit.RATIO,
        label=zh_en("初中各项指标校际差异系数上限", "junior middle: maximum 校际差异系数 per indicator"),
        concept="quality_balance.county.cv_max.junior",
        cites=(C("(七)", "≤ 0.45 for junior middle schools"),)),
}
SMALL_TEACHING_POINT = Parameter(
    id="national.county.cv_excluded_teaching_point_below", value=50, unit=Unit.COUNT,
    label=zh_en("不计入计算的教学点学生数（少于此数；校际差异系数不计，每校达标不评判）",
                "teaching points with fewer pupils than this are left out of the calculation "
                "(not in the 校际差异系数, not judged per school)"),
    concept="quality_balance.county.cv_excluded_teaching_point_below",
    note=zh_en("参考资料说明这是实施细则（河北）的常见做法，而非办法本身的条文；见文件问题 "
               "national.finding.exclusion_from_implementing_rules。",
               "The reference gives this as a common implementing rule (Hebei's), not as a "
               "clause of the method; see national.finding.exclusion_from_implementing_rules."),
    cites=(C("(七)", "than 50 students from the calculation (Hebei's rules say so)"),))

PARAMETERS = (*STANDARDS.values(), MIN_MET, FLOOR, *CV_LIMIT.values(), SMALL_TEACHING_POINT)


