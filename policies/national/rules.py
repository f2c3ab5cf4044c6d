"""教督〔2017〕6号 — the seven resource-allocation indicators of 优质均衡, cited to the transcription.

The text is the project's reference note (transcribed from secondary copies, not the official
text). Its table rows parse as items (一)–(七); the notes after the table carry no numbering,
so the parser attaches them to item (七) — rules citing "(七)" for the per-school 6-of-7 rule
and the 校际差异系数 limits cite those notes (see the document finding notes_under_item_7).

Facts are school TOTALS (``facts.model.School``); per-100-pupil and per-pupil values are
computed exactly from them: ``total * 100 >= standard * students`` (no division, no rounding).
The 校际差异系数 is the enrolment-weighted coefficient of variation of the per-pupil values,
compared as an exact square root.

Nine-year (九年一贯制) schools count by their stage records: such a school is entered as one
record per section (its primary part with stage ``primary``, its junior part with stage
``junior``, each with its own pupils and totals) and each part is judged and pooled with its
stage. A record with stage ``nine_year`` falls outside both stages (not applicable).
"""

from __future__ import annotations

from dataclasses import dataclass

from xuequ_policies.national.lifecycle import VALID_FROM, VALID_UNTIL, VALIDITY

from xuequ_rules.document.document import Document
from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import (
    Cite,
    CountClaim,
    Decimal,
    DocumentFinding,
    Modality,
    Narrative,
    Parameter,
    Policy,
    Rule,
    Unencoded,
    Unit,
    agg,
    all_of,
    count_true,
    f,
    zh_en,
)
from xuequ_rules.policy.expr import Expr, Field
from xuequ_rules.text import Text

C = Cite
COUNTY = zh_en("县级人民政府", "county government")
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
        cites=(C(indicator.item, indicator.row),))


STANDARDS: dict[tuple[str, Stage], Parameter] = {
    (indicator.key, stage): _standard(indicator, stage)
    for indicator in INDICATORS for stage in STAGES}

MIN_MET = Parameter(
    id="national.school.min_indicators_met", value=6, unit=Unit.COUNT,
    label=zh_en("每校七项指标中至少达标的项数", "indicators (of 7) each school must meet"),
    concept="quality_balance.school.min_indicators_met",
    cites=(C("(七)", "at least 6 of the 7 indicators meet the standard"),))
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
    id="national.county.cv_excluded_teaching_point_below", value=50, unit=Unit.PERSONS,
    label=zh_en("不计入校际差异系数的教学点学生数（少于此数）",
                "teaching points with fewer pupils than this are left out of the 校际差异系数"),
    concept="quality_balance.county.cv_excluded_teaching_point_below",
    note=zh_en("参考资料说明这是实施细则（河北）的常见做法，而非办法本身的条文；见文件问题 "
               "national.finding.exclusion_from_implementing_rules。",
               "The reference gives this as a common implementing rule (Hebei's), not as a "
               "clause of the method; see national.finding.exclusion_from_implementing_rules."),
    cites=(C("(七)", "than 50 students from the calculation (Hebei's rules say so)"),))

PARAMETERS = (*STANDARDS.values(), MIN_MET, FLOOR, *CV_LIMIT.values(), SMALL_TEACHING_POINT)


def _meets(indicator: Indicator, stage: Stage, share: Parameter | None = None) -> Expr:
    """The school's value reaches the standard (or ``share`` of it), exactly from totals."""
    standard: Expr = STANDARDS[(indicator.key, stage)]
    if share is not None:
        standard = share * standard
    scaled = indicator.total * 100 if indicator.per_hundred else indicator.total
    return scaled >= standard * f.students


def _per_pupil(indicator: Indicator) -> Expr:
    return indicator.total / f.students


def _school_rule(stage: Stage) -> Rule:
    zh_stage, en_stage = STAGE_LABEL[stage]
    return Rule(
        id=f"national.school.resource_standard.{stage.value}",
        title=zh_en(f"{zh_stage}：每所学校七项资源配置指标至少6项达标，其余不低于标准的85%",
                    f"{en_stage}: each school meets at least 6 of the 7 resource indicators and "
                    "none of the rest is below 85% of its standard"),
        kind=Modality.OBLIGATION, party=COUNTY, subject="schools",
        applies=f.stage.eq(stage.value) & (f.students > 0),
        requires=(count_true(*(_meets(i, stage) for i in INDICATORS)) >= MIN_MET)
        & all_of(*(_meets(i, stage, FLOOR) for i in INDICATORS)),
        concept="quality_balance.school.resource_standard",
        note=zh_en("指标值由学校总量和在校生数精确计算（每百名学生：总量×100 ≥ 标准×学生数）。",
                   "Values are computed exactly from the school's totals and pupils (per 100 "
                   "pupils: total × 100 ≥ standard × pupils)."),
        cites=(C("(七)", "at least 6 of the 7 indicators meet the standard, and none of the rest"),
               C("(七)", "falls below 85% of its standard"),
               *(C(i.item, i.row) for i in INDICATORS)))


def _counted(stage: Stage) -> Expr:
    """Schools of the stage that count in the 校际差异系数 (implementing-rule exclusions)."""
    return (f.stage.eq(stage.value) & ~f.special_education.eq(True)
            & ~(f.teaching_point.eq(True) & (f.students < SMALL_TEACHING_POINT)))


def _cv_rule(indicator: Indicator, stage: Stage) -> Rule:
    zh_stage, en_stage = STAGE_LABEL[stage]
    limit = CV_LIMIT[stage]
    return Rule(
        id=f"national.county.cv.{indicator.key}.{stage.value}",
        title=zh_en(f"{zh_stage}“{indicator.title.zh}”的县域校际差异系数不超过"
                    f"{limit.display_value.rstrip('%')}",
                    f"{en_stage}: county 校际差异系数 of '{indicator.title.en}' at most "
                    f"{limit.value}"),
        kind=Modality.OBLIGATION, party=COUNTY, subject="schools",
        group_by=("county", "stage"), applies=f.stage.eq(stage.value), where=_counted(stage),
        requires=agg.weighted_cv(_per_pupil(indicator), weight=f.students) <= limit,
        concept=f"quality_balance.county.cv.{indicator.key}",
        note=zh_en("按在校生数加权：县均值 = Σ总量 / Σ学生数，各校偏差按其学生数占比加权（参考资料称此口径"
                   "来自对办法的解释，非官方文本）；不计特殊教育学校和学生数少于50人的教学点（实施细则的"
                   "做法）。",
                   "Weighted by enrolment: county mean = Σ totals / Σ pupils, each school's "
                   "deviation weighted by its share of pupils (the reference takes this from an "
                   "explanation of the method, not the official text); special-education schools "
                   "and teaching points under 50 pupils are left out (an implementing rule)."),
        cites=(C("(七)", "Each indicator, across the county's schools: 校际差异系数 (coefficient of variation)"),
               limit.cites[0],
               C("(七)", "The coefficient of variation in 督导 practice is weighted by enrolment: the county"),
               C(indicator.item, indicator.row)))


RULES: tuple[Rule, ...] = (
    *(_school_rule(stage) for stage in STAGES),
    *(_cv_rule(indicator, stage) for indicator in INDICATORS for stage in STAGES),
)

NARRATIVES = (
    Narrative(C("序", "教督〔2017〕6号"), zh_en("本办法文号", "this method's document number")),
    Narrative(C("(七)", "(0.65 / 0.55 are the older 基本均衡 limits of"),
              zh_en("旧的基本均衡（教督〔2012〕3号）校际差异系数限值（小学0.65、初中0.55），不是本办法的参数",
                    "the older 基本均衡 limits of 教督〔2012〕3号 (0.65 primary, 0.55 junior), not "
                    "parameters of this method")),
    Narrative(C("(七)", "教督〔2012〕3号 — do not mix them up."),
              zh_en("旧办法的文号", "the older method's document number")),
)

COUNT_CLAIMS = (
    CountClaim("national.resource_indicators",
               zh_en("资源配置指标项数", "number of resource-allocation indicators"), 7,
               len(INDICATORS),
               (C("序", "资源配置 (resource allocation), 7 indicators, primary / junior middle:"),
                C("(七)/1", "Only the 7 above are transcribed here."))),
    CountClaim("national.all_indicators",
               zh_en("办法全部指标项数（四部分之和：7 + 15 + 9 + 1）",
                     "all indicators of the method (sum of the four parts: 7 + 15 + 9 + 1)"),
               32, 7 + 15 + 9 + 1,
               (C("(七)", "The full method has 32 indicators in 4 parts: 资源配置 7, 政府保障程度 15,"),
                C("(七)", "教育质量 9, 社会认可度"))),
    CountClaim("national.parts",
               zh_en("办法的部分数（资源配置、政府保障程度、教育质量、社会认可度）",
                     "parts of the method (resources, government assurance, quality, recognition)"),
               4, 4,
               (C("(七)", "The full method has 32 indicators in 4 parts: 资源配置 7, 政府保障程度 15,"),)),
)

UNENCODED = (
    Unencoded(C("(七)/1", "Only the 7 above are transcribed here."),
              zh_en("办法其余25项指标（政府保障程度15项、教育质量9项、社会认可度1项）不在参考资料中，无法编码",
                    "the method's other 25 indicators (government assurance 15, quality 9, social "
                    "recognition 1) are not in the reference and cannot be encoded")),
)

DOCUMENT_FINDINGS = (
    DocumentFinding(
        "national.finding.secondary_transcription", "secondary_source",
        zh_en("本文本不是官方文本：指标据二手文本（转载本、河北省实施细则）转录，引文引用的是转录稿的措辞",
              "This is not the official text: the indicators were transcribed from secondary "
              "copies (a republication and Hebei's implementing rules); citations quote the "
              "transcription's wording"),
        (C("序", "县域义务教育优质均衡发展督导评估办法 (教督〔2017〕6号) — the resource indicators"),)),
    DocumentFinding(
        "national.finding.weighting_from_explanation", "secondary_source",
        zh_en("校际差异系数按在校生数加权的口径出自对办法的解释，而非办法正文；本库按此口径计算",
              "The enrolment weighting of the 校际差异系数 comes from an explanation of the method, "
              "not its text; the library computes it that way"),
        (C("(七)", "(From an explanation of the method, not the official text.)"),)),
    DocumentFinding(
        "national.finding.exclusion_from_implementing_rules", "secondary_source",
        zh_en("不计特殊教育学校和学生数少于50人的教学点，是实施细则（河北）的常见做法，参考资料没有把它作为办法条文；"
              "本库在校际差异系数规则中采用这一排除，但它没有办法原文的依据",
              "Leaving out special-education schools and teaching points under 50 pupils is a "
              "common implementing rule (Hebei's); the reference does not give it as a clause of "
              "the method. The library applies it in the 校际差异系数 rules, without a citation "
              "to the method's own text"),
        (C("(七)", "Implementing rules commonly exclude special-education schools and 教学点 with fewer"),)),
    DocumentFinding(
        "national.finding.notes_under_item_7", "structure",
        zh_en("表格后的说明在转录稿中没有编号，条款解析把它们归入第(七)项，并把“社会认可度 1.”中的“1.”读作编号；"
              "引用“(七)”的每校规则和差异系数规则引用的是这些说明，而不是第(七)项指标",
              "The notes after the table have no numbering in the transcription, so the parser "
              "puts them under item (七) and reads the '1.' of '社会认可度 1.' as an item number; "
              "the per-school and 校际差异系数 rules citing '(七)' cite those notes, not indicator "
              "(七)"),
        (C("(七)", "- Each school: at least 6 of the 7 indicators meet the standard, and none of the rest"),)),
    DocumentFinding(
        "national.finding.nine_year_schools_silent", "silent",
        zh_en("转录稿只分小学、初中两栏，没有说明九年一贯制学校如何计算；本库按学段记录计算（九年一贯制学校按小学部、"
              "初中部各记一条记录，分别计入小学、初中）",
              "The transcription has only primary and junior columns and does not say how "
              "nine-year schools count; the library counts them by their stage records (one "
              "record for the primary part, one for the junior part)"),
        (C("序", "primary / junior middle"),)),
    DocumentFinding(
        "national.finding.party_unnamed", "missing_party",
        zh_en("转录稿没有写明达标责任主体；督导评估的对象是县，本库按县级人民政府编码",
              "The transcription names no responsible party; the evaluation is of a county, so "
              "the library encodes the county government"),
        (C("(七)", "Each indicator, across the county's schools"),)),
)


def build(document: Document) -> Policy:
    return Policy(
        name="national", version=document.version, document=document,
        parameters=PARAMETERS, rules=RULES, narratives=NARRATIVES, count_claims=COUNT_CLAIMS,
        document_findings=DOCUMENT_FINDINGS, unencoded=UNENCODED,
        data={"stages": [s.value for s in STAGES],
              "indicators": [i.key for i in INDICATORS],
              "nine_year_schools": "counted by stage records (primary part, junior part)"},
        valid_from=VALID_FROM, valid_until=VALID_UNTIL, validity=VALIDITY,
    )
