"""教督〔2017〕6号 — the seven resource-allocation indicators of 优质均衡, cited to the transcription.

The text is the project's reference note (transcribed from secondary copies, not the official
text). Its table rows parse as items (一)–(七); the notes after the table carry no numbering,
so the parser attaches them to item (七) — rules citing "(七)" for the per-school 6-of-7 rule
and the 校际差异系数 limits cite those notes (see the document finding notes_under_item_7).

Values are computed exactly from school totals: ``total * 100 >= standard * students``
(no division, no rounding). The 校际差异系数 is the enrolment-weighted coefficient of
variation of the per-pupil values, compared as an exact square root.

Nine-year (九年一贯制) schools count by their stage records: such a school is entered as one
record per section (its primary part with stage ``primary``, its junior part with stage
``junior``, each with its own pupils and totals) and each part is judged and pooled with its
stage. A record with stage ``nine_year`` falls outside both stages (not applicable).

Special-education schools and teaching points under 50 pupils are left out of the
校际差异系数 (the implementing rule the reference reports) and are not judged under the
per-school rule either: the reference says they are left out of "the calculation" without
saying which, so the library never reports them as violating a standard the note may not
apply to (see the finding national.finding.exclusion_scope_ambiguous).
"""

from __future__ import annotations

from xuequ_policies.national.indicators import (
    CV_LIMIT,
    FLOOR,
    INDICATORS,
    MIN_MET,
    SMALL_TEACHING_POINT,
    STAGE_LABEL,
    STAGES,
    STANDARDS,
    C,
    Indicator,
)

from xuequ_rules.facts.model import Stage
from xuequ_rules.policy.dsl import Modality, Parameter, Rule, agg, all_of, count_true, f, zh_en
from xuequ_rules.policy.expr import Expr
from xuequ_rules.text import Text

COUNTY = zh_en("县级人民政府", "county government")
Q_EXCLUSION = "Implementing rules commonly exclude special-education schools and 教学点 with fewer"
Q_EXCLUSION_TAIL = "than 50 students from the calculation (Hebei's rules say so)"
EXCLUDED: Expr = (f.special_education.eq(True)
                  | (f.teaching_point.eq(True) & (f.students < SMALL_TEACHING_POINT)))


def _meets(indicator: Indicator, stage: Stage, share: Parameter | None = None) -> Expr:
    """The school's value reaches the standard (or ``share`` of it), exactly from totals."""
    standard: Expr = STANDARDS[(indicator.key, stage)]
    if share is not None:
        standard = share * standard
    scaled = indicator.total * 100 if indicator.per_hundred else indicator.total
    return scaled >= standard * f.students


def _school_rule(stage: Stage) -> Rule:
    zh_stage, en_stage = STAGE_LABEL[stage]
    return Rule(
        id=f"national.school.resource_standard.{stage.value}",
        title=zh_en(f"{zh_stage}：每所学校七项资源配置指标至少6项达标，其余不低于标准的85%",
                    f"{en_stage}: each school meets at least 6 of the 7 resource indicators and "
                    "none of the rest is below 85% of its standard"),
        kind=Modality.OBLIGATION, party=COUNTY, subject="schools",
        applies=f.stage.eq(stage.value) & (f.students > 0) & ~EXCLUDED,
        requires=(count_true(*(_meets(i, stage) for i in INDICATORS)) >= MIN_MET)
        & all_of(*(_meets(i, stage, FLOOR) for i in INDICATORS)),
        concept="quality_balance.school.resource_standard",
        note=zh_en("指标值由学校总量和在校生数精确计算（每百名学生：总量×100 ≥ 标准×学生数）。"
                   "特殊教育学校和学生数少于50人的教学点不按本条评判（参考资料说实施细则将其排除在"
                   "“计算”之外，未说明是否包括每校达标；见文件问题 "
                   "national.finding.exclusion_scope_ambiguous）；是否为此类学校未知时无法判定。",
                   "Values are computed exactly from the school's totals and pupils (per 100 "
                   "pupils: total × 100 ≥ standard × pupils). Special-education schools and "
                   "teaching points under 50 pupils are not judged under this rule (the "
                   "reference says implementing rules leave them out of 'the calculation' "
                   "without saying whether that includes the per-school test); where it is "
                   "unknown whether a school is one of them, the result is undetermined."),
        cites=(C("(七)", "at least 6 of the 7 indicators meet the standard, and none of the rest"),
               C("(七)", "falls below 85% of its standard"),
               C("(七)", Q_EXCLUSION), C("(七)", Q_EXCLUSION_TAIL),
               *(C(i.item, i.row) for i in INDICATORS)))


def _counted(stage: Stage) -> Expr:
    """Schools of the stage that count in the 校际差异系数 (implementing-rule exclusions)."""
    return f.stage.eq(stage.value) & ~EXCLUDED


def _cv_rule(indicator: Indicator, stage: Stage) -> Rule:
    zh_stage, en_stage = STAGE_LABEL[stage]
    limit = CV_LIMIT[stage]
    return Rule(
        id=f"national.county.cv.{indicator.key}.{stage.value}",
        title=Text(f"{zh_stage}“{indicator.title.zh}”的县域校际差异系数不超过{limit.value}",
                   f"{en_stage}: county 校际差异系数 of '{indicator.title.en}' at most "
                   f"{limit.value}"),
        kind=Modality.OBLIGATION, party=COUNTY, subject="schools",
        group_by=("county", "stage"), applies=f.stage.eq(stage.value), where=_counted(stage),
        requires=agg.weighted_cv(indicator.total / f.students, weight=f.students) <= limit,
        concept=f"quality_balance.county.cv.{indicator.key}",
        note=zh_en("按在校生数加权：县均值 = Σ总量 / Σ学生数，各校偏差按其学生数占比加权（参考资料称此口径"
                   "来自对办法的解释，非官方文本）；不计特殊教育学校和学生数少于50人的教学点（实施细则的"
                   "做法）。差异系数是无量纲的系数（如0.50），不是百分比。",
                   "Weighted by enrolment: county mean = Σ totals / Σ pupils, each school's "
                   "deviation weighted by its share of pupils (the reference takes this from an "
                   "explanation of the method, not the official text); special-education schools "
                   "and teaching points under 50 pupils are left out (an implementing rule). "
                   "The coefficient is dimensionless (e.g. 0.50), not a percentage."),
        cites=(C("(七)", "Each indicator, across the county's schools: 校际差异系数 (coefficient of variation)"),
               limit.cites[0],
               C("(七)", "Each indicator\n  separately, not a composite."),
               C("(七)", "The coefficient of variation in 督导 practice is weighted by enrolment: the county"),
               C("(七)", Q_EXCLUSION), C("(七)", Q_EXCLUSION_TAIL),
               C(indicator.item, indicator.row)))


RULES: tuple[Rule, ...] = (
    *(_school_rule(stage) for stage in STAGES),
    *(_cv_rule(indicator, stage) for indicator in INDICATORS for stage in STAGES),
)
